// libqrencode (Debian's libqrencode-dev): draws the otpauth:// URI of a one-time-code
// enrolment as a QR code for a phone's authenticator app.
#include <qrencode.h>
