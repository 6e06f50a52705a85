/*
 * faultfs: an LD_PRELOAD shim that makes the k-th write or fsync of a process fail or never
 * happen, for scripts/crash-campaign.sh and Tests/EndToEndTests/DiskFaultE2ETests.swift.
 *
 * Only operations on regular files and directories under $FAULTFS_DIR count (never stdout,
 * stderr, pipes or files elsewhere). Counted operations: write, pwrite, pwrite64, writev,
 * fsync, fdatasync, and ftruncate on such files.
 *
 *   FAULTFS_DIR=/path      the tree whose files count (required; nothing happens without it)
 *   FAULTFS_AT=k           the operation to hit, 1-based (0 or unset: never)
 *   FAULTFS_MODE=kill      SIGKILL the process just before operation k
 *                torn      for a write that extends the file: write the first half of its
 *                          bytes, then SIGKILL (a torn tail, as a power cut leaves one); for
 *                          any other operation, including a write in place, as kill (a
 *                          killed process never half-completes a system call)
 *                enospc    operation k and every later write fail with ENOSPC (a full disk;
 *                          fsync and ftruncate still work)
 *                eio       operation k fails with EIO; with FAULTFS_STICKY=1 every later
 *                          counted operation fails too (a disk that has died)
 *   FAULTFS_COUNT=/file    at exit, write the number of counted operations to this file
 *                          (how a campaign learns the range of k for a command)
 *
 * Build: gcc -shared -fPIC -O2 -o faultfs.so scripts/faultfs.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long counted;
static long failing_from;  /* 0: not failing yet */

static const char *env(const char *k) { const char *v = getenv(k); return v && *v ? v : NULL; }

static int in_scope(int fd) {
    const char *dir = env("FAULTFS_DIR");
    if (!dir) return 0;
    struct stat st;
    if (fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) return 0;
    char link[64], path[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, sizeof path - 1);
    if (n <= 0) return 0;
    path[n] = 0;
    size_t l = strlen(dir);
    return strncmp(path, dir, l) == 0 && (path[l] == '/' || path[l] == 0);
}

enum action { PASS, KILL, TORN, FAIL_ENOSPC, FAIL_EIO };

/* Counts a write (is_write) or another operation, and says what to do with it. */
static enum action decide(int fd, int is_write) {
    if (!in_scope(fd)) return PASS;
    long k = ++counted;
    const char *mode = env("FAULTFS_MODE");
    const char *at = env("FAULTFS_AT");
    long target = at ? atol(at) : 0;
    if (!mode || target <= 0) return PASS;
    if (strcmp(mode, "enospc") == 0) {
        if (k == target && !failing_from) failing_from = k;
        return failing_from && is_write ? FAIL_ENOSPC : PASS;
    }
    if (strcmp(mode, "eio") == 0) {
        if (k == target && !failing_from) failing_from = k;
        if (!failing_from) return PASS;
        return (k == failing_from || env("FAULTFS_STICKY")) ? FAIL_EIO : PASS;
    }
    if (k != target) return PASS;
    if (strcmp(mode, "torn") == 0) return is_write ? TORN : KILL;
    if (strcmp(mode, "kill") == 0) return KILL;
    return PASS;
}

static void die(void) { kill(getpid(), SIGKILL); for (;;) pause(); }

/* Whether a write of n bytes at off (or at the current offset, off < 0) extends the file. */
static int extends(int fd, size_t n, off_t off) {
    struct stat st;
    if (fstat(fd, &st) != 0) return 0;
    if (off < 0) off = lseek(fd, 0, SEEK_CUR);
    return off >= 0 && off + (off_t)n > st.st_size;
}

#define REAL(name, ret, ...) \
    static ret (*real_##name)(__VA_ARGS__); \
    if (!real_##name) real_##name = (ret (*)(__VA_ARGS__))dlsym(RTLD_NEXT, #name)

static ssize_t hit_write(enum action a) {
    if (a == KILL) die();
    errno = a == FAIL_ENOSPC ? ENOSPC : EIO;
    return -1;
}

ssize_t write(int fd, const void *buf, size_t n) {
    REAL(write, ssize_t, int, const void *, size_t);
    enum action a = decide(fd, 1);
    if (a == PASS) return real_write(fd, buf, n);
    if (a == TORN) { if (n > 1 && extends(fd, n, -1)) real_write(fd, buf, n / 2); die(); }
    return hit_write(a);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
    REAL(pwrite, ssize_t, int, const void *, size_t, off_t);
    enum action a = decide(fd, 1);
    if (a == PASS) return real_pwrite(fd, buf, n, off);
    if (a == TORN) { if (n > 1 && extends(fd, n, off)) real_pwrite(fd, buf, n / 2, off); die(); }
    return hit_write(a);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off) {
    REAL(pwrite64, ssize_t, int, const void *, size_t, off_t);
    enum action a = decide(fd, 1);
    if (a == PASS) return real_pwrite64(fd, buf, n, off);
    if (a == TORN) { if (n > 1 && extends(fd, n, off)) real_pwrite64(fd, buf, n / 2, off); die(); }
    return hit_write(a);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt) {
    REAL(writev, ssize_t, int, const struct iovec *, int);
    enum action a = decide(fd, 1);
    if (a == PASS) return real_writev(fd, iov, cnt);
    if (a == TORN) { if (cnt > 1 && extends(fd, iov[0].iov_len * 2, -1)) real_writev(fd, iov, cnt / 2); die(); }
    return hit_write(a);
}

static int hit_other(enum action a) {
    if (a == KILL || a == TORN) die();
    errno = EIO;
    return -1;
}

int fsync(int fd) {
    REAL(fsync, int, int);
    enum action a = decide(fd, 0);
    return a == PASS ? real_fsync(fd) : hit_other(a);
}

int fdatasync(int fd) {
    REAL(fdatasync, int, int);
    enum action a = decide(fd, 0);
    return a == PASS ? real_fdatasync(fd) : hit_other(a);
}

int ftruncate(int fd, off_t len) {
    REAL(ftruncate, int, int, off_t);
    enum action a = decide(fd, 0);
    return a == PASS ? real_ftruncate(fd, len) : hit_other(a);
}

int ftruncate64(int fd, off_t len) {
    REAL(ftruncate64, int, int, off_t);
    enum action a = decide(fd, 0);
    return a == PASS ? real_ftruncate64(fd, len) : hit_other(a);
}

__attribute__((destructor)) static void report(void) {
    const char *f = env("FAULTFS_COUNT");
    if (!f) return;
    FILE *o = fopen(f, "w");
    if (!o) return;
    fprintf(o, "%ld\n", counted);
    fclose(o);
}
