#!/bin/sh
# Side-by-side throughput: the age CLI vs vaultcli's age code on the same bytes.
# Usage: scripts/bench-age.sh [MB]   (default 200). Needs age and age-keygen.
set -eu
MB=${1:-200}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
head -c "${MB}000000" /dev/urandom > "$WORK/plain"
age-keygen -o "$WORK/key" 2>/dev/null
R=$(age-keygen -y "$WORK/key")
sync
t() { s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc; }
ENC=$(t age -r "$R" -o "$WORK/a.age" "$WORK/plain")
DEC=$(t age -d -i "$WORK/key" -o "$WORK/a.dec" "$WORK/a.age")
printf 'age CLI:      encrypt %.1f MB/s, decrypt %.1f MB/s\n' "$(echo "$MB / $ENC" | bc -l)" "$(echo "$MB / $DEC" | bc -l)"
/usr/bin/time -f 'age -d peak RSS %M KiB' age -d -i "$WORK/key" -o "$WORK/a.dec3" "$WORK/a.age"
rm -f "$WORK"/a.*
cd "$(dirname "$0")/.."
CONFIG=${CONFIG:-release}
if [ "$CONFIG" = release ]; then
  VAULTCLI_BENCH_FILE="$WORK/plain" swift test -c release -Xswiftc -enable-testing --filter AgeThroughputBench 2>&1 | grep 'vaultcli age:'
else
  VAULTCLI_BENCH_FILE="$WORK/plain" swift test --filter AgeThroughputBench 2>&1 | grep 'vaultcli age:'
fi
