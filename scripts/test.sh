#!/usr/bin/env bash
# The whole test suite: unit tests of the Vault library and end-to-end tests of the built
# vaultcli, including interop with age, argon2, argon2-cffi, oathtool, rclone and zxcvbn; then
# the install tests (scripts/test-install.sh: install, man pages, completions, units, .deb).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh test
swift build --build-tests
swift test --skip-build
bash scripts/test-install.sh
