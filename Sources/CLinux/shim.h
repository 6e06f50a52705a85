#ifndef VAULTCLI_CLINUX_SHIM_H
#define VAULTCLI_CLINUX_SHIM_H
/* Linux system calls and flags that Swift cannot reach directly: variadic prctl, and what
   glibc declares only under _GNU_SOURCE. No library to link (all in libc). libsodium is
   CSodium's, not here. */
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/types.h>

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

/* sync_file_range(2) (glibc declares it only under _GNU_SOURCE). */
int sync_file_range(int fd, __off64_t offset, __off64_t nbytes, unsigned int flags);

/* Writes the range [offset, offset+len) to the device and waits for it
   (SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER).
   Data only: no metadata, no device cache flush (the final fsync does those). */
static inline int vaultcli_sync_range(int fd, long long offset, long long len) {
    return sync_file_range(fd, offset, len, 1 | 2 | 4);
}

/* Starts writeback of [offset, offset+len) without waiting (SYNC_FILE_RANGE_WRITE). */
static inline int vaultcli_start_writeback(int fd, long long offset, long long len) {
    return sync_file_range(fd, offset, len, 2);
}

#endif
