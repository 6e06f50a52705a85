#ifndef VAULTCLI_CSODIUM_SHIM_H
#define VAULTCLI_CSODIUM_SHIM_H
#include <sodium.h>
#include <sys/prctl.h>
#include <sys/resource.h>

/* Process hardening that Swift cannot call directly (prctl is variadic). */
static inline int vaultcli_disable_core_dumps(void) {
    struct rlimit zero = {0, 0};
    int a = setrlimit(RLIMIT_CORE, &zero);
    int b = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    return (a == 0 && b == 0) ? 0 : -1;
}

static inline int vaultcli_core_dumps_disabled(void) {
    struct rlimit r;
    if (getrlimit(RLIMIT_CORE, &r) != 0) return 0;
    return r.rlim_cur == 0 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
}

/* Linux I/O flags that Swift's Glibc module does not expose (they need _GNU_SOURCE). */

/* open(2)'s O_DIRECT for this architecture, or 0 where it is not known. */
static inline int vaultcli_o_direct(void) {
#if defined(__x86_64__) || defined(__i386__)
    return 040000;
#elif defined(__aarch64__) || defined(__arm__)
    return 0200000;
#else
    return 0;
#endif
}

#endif
