#ifndef VAULTCLI_CSODIUM_SHIM_H
#define VAULTCLI_CSODIUM_SHIM_H
/* libsodium only. Linux system-call shims (prctl, O_DIRECT, sync_file_range) are CLinux's. */
#include <sodium.h>
#endif
