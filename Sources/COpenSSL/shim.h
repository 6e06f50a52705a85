// HMAC-SHA-1 for one-time codes only (RFC 6238's default, which every authenticator app
// uses): libsodium has no SHA-1. Everything else stays libsodium.
#include <openssl/evp.h>
#include <openssl/hmac.h>
