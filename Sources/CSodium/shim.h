#ifndef VAULTCLI_CSODIUM_SHIM_H
#define VAULTCLI_CSODIUM_SHIM_H
#include <sodium.h>
#endif
