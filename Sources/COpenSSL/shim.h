// HMAC-SHA-1 for one-time codes only (RFC 6238's default, which every authenticator app
// uses): libsodium has no SHA-1. Everything else stays libsodium.
// The library is opened on first use (dlopen), not linked: only the types and the soname of
// the OpenSSL these headers belong to are taken from here.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/opensslv.h>

#define VAULTCLI_STR2(x) #x
#define VAULTCLI_STR(x) VAULTCLI_STR2(x)

/// The soname of the libcrypto these headers describe ("libcrypto.so.3").
static inline const char *vaultcli_libcrypto_soname(void) {
    return "libcrypto.so." VAULTCLI_STR(OPENSSL_VERSION_MAJOR);
}
