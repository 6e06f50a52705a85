#!/usr/bin/env bash
# Every benchmark bar, each side by side with its anchor in the same run (ratios, since these
# machines are noisy). Release build with the Swift runtime linked statically (as shipped):
# process start-up is part of every command's latency.
#   scripts/bench.sh [records]      default 1,000,000
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
bash scripts/deps.sh bench
swift build -c release --static-swift-stdlib >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
echo "== store: unlock, login, append O(1), open+authenticate (vaultcli-bench, $N records)"
BENCH_RECORDS=$N "$BIN/vaultcli-bench" unlock login login-totp append scan
echo "== demotion with key rotation on a $N-record vault (issue 10: <= 2 s plus the KDF)"
DV=$(mktemp -d)
"$BIN/vaultcli-bench" make-vault "$DV/vault" "$N"
"$BIN/vaultcli-bench" demote "$DV/vault"
rm -rf "$DV"
echo "== transactions and accounts at $N records (scripts/bench-records.sh)"
bash scripts/bench-records.sh "$N"
echo "== backup and restore vs age (scripts/bench-backup.sh; ANCHOR_BIN or ANCHOR_REV adds an older build to its rounds)"
bash scripts/bench-backup.sh "$N" 5
