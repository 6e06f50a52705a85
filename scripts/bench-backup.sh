#!/bin/bash
# Backup/restore throughput vs the age CLI, side by side in one run (issue 6's bar).
#
# Usage: scripts/bench-backup.sh [RECORDS] [RUNS]     (defaults: 1000000 records, 5 runs)
# Env:   BENCH_DIR (default: a fresh dir under /tmp, same disk as the vault), KEEP=1 to keep it.
# Needs: swift, age, age-keygen, dd, /usr/bin/time (GNU time), python3.
#
# Anchors, on the same bytes (the 1M-record vault file):
#   age-enc      age -r R -o a.age VAULT
#   age-dec      age -d -i KEY -o out a.age
#   age-durable  age -r ... && sync a.age && dd iflag=direct of a.age (our backup's durability)
#   age-dec-sync age -d ... && sync out                                 (our restore's fsync)
# Ours:
#   backup       vaultcli backup --to DIR (temp file, fsync, O_DIRECT read-back, rename, dir fsync)
#   restore      vaultcli restore FILE --vault NEW (decrypt, check, fsync, inspect, link, dir fsync)
# Each figure is the median of RUNS wall-clock times; MB/s = vault bytes / time.
# Bar: vaultcli >= 0.8x the anchor's throughput; peak RSS <= 64 MiB (backup/restore use no KDF).
set -euo pipefail
RECORDS=${1:-1000000}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
for tool in age age-keygen dd python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-backup: needs $tool" >&2; exit 2; }
done

swift build -c release --static-swift-stdlib >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
V="$BIN/vaultcli"

W=${BENCH_DIR:-$(mktemp -d /tmp/vaultcli-bench-backup.XXXXXX)}
mkdir -p "$W"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$W"' EXIT
"$BIN/vaultcli-bench" make-vault "$W/vault" "$RECORDS" >/dev/null
# (Each backup appends one audit event to the vault: a few hundred bytes, ignored here.)
SIZE=$(stat -c %s "$W/vault")
rm -f "$W/key.txt"
age-keygen -o "$W/key.txt" 2>/dev/null
R=$(age-keygen -y "$W/key.txt")
mkdir -p "$W/usb"
sync

now() { date +%s.%N; }
# run NAME CMD...: appends the wall time to $W/t.NAME
run() {
  local name=$1; shift
  sync
  local s e
  s=$(now); "$@" >/dev/null 2>"$W/err" || { cat "$W/err" >&2; exit 1; }; e=$(now)
  echo "$e - $s" | bc -l >>"$W/t.$name"
}
rm -f "$W"/t.*
for i in $(seq "$RUNS"); do
  # Interleaved, so drift on the machine hits every contender alike.
  rm -f "$W/a.age"
  run age-enc age -r "$R" -o "$W/a.age" "$W/vault"
  rm -f "$W/a.dec"
  run age-dec age -d -i "$W/key.txt" -o "$W/a.dec" "$W/a.age"
  rm -f "$W/a.dec"
  run age-dec-sync sh -c "age -d -i '$W/key.txt' -o '$W/a.dec' '$W/a.age' && sync '$W/a.dec'"
  rm -f "$W/a.dec"
  rm -f "$W/a.age"
  run age-durable sh -c "age -r '$R' -o '$W/a.age' '$W/vault' && sync '$W/a.age' && dd if='$W/a.age' of=/dev/null bs=4M iflag=direct status=none"
  rm -f "$W"/usb/*
  run backup env VAULTCLI_VAULT="$W/vault" "$V" backup --to "$W/usb" --recipient "$R"
  F=$(ls "$W"/usb/vaultcli-*.age)
  rm -rf "$W/restored"
  run restore "$V" restore "$F" --vault "$W/restored/vault" -i "$W/key.txt"
done
# Peak RSS (KiB), once more each.
rm -f "$W"/usb/*
VAULTCLI_VAULT="$W/vault" /usr/bin/time -f %M -o "$W/rss.backup" "$V" backup --to "$W/usb" --recipient "$R" >/dev/null
F=$(ls "$W"/usb/vaultcli-*.age)
rm -rf "$W/restored"
/usr/bin/time -f %M -o "$W/rss.restore" "$V" restore "$F" --vault "$W/restored/vault" -i "$W/key.txt" >/dev/null
/usr/bin/time -f %M -o "$W/rss.agedec" age -d -i "$W/key.txt" -o /dev/null "$F"

python3 - "$W" "$SIZE" "$RUNS" "$RECORDS" <<'EOF'
import statistics, sys
w, size, runs, records = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def med(n):
    return statistics.median(float(x) for x in open(f"{w}/t.{n}") if x.strip())
def rss(n):
    return int(open(f"{w}/rss.{n}").read().split()[-1]) / 1024
t = {n: med(n) for n in ["age-enc", "age-dec", "age-durable", "age-dec-sync", "backup", "restore"]}
mbs = {n: size / 1e6 / v for n, v in t.items()}
print(f"vault: {records} records, {size/1e6:.1f} MB; median of {runs} runs")
for n in t:
    print(f"  {n:12s} {t[n]:7.3f} s  {mbs[n]:7.1f} MB/s")
ok = True
def ratio(ours, anchor):
    global ok
    r = mbs[ours] / mbs[anchor]
    verdict = "PASS" if r >= 0.8 else "FAIL"
    ok &= r >= 0.8
    print(f"  {ours:8s} vs {anchor:12s} {r:5.2f}x  {verdict} (bar 0.8x)")
print("ratios (throughput, ours / anchor):")
ratio("backup", "age-enc")
ratio("backup", "age-durable")
ratio("restore", "age-dec")
ratio("restore", "age-dec-sync")
print("peak RSS:")
for n in ["backup", "restore"]:
    m = rss(n)
    v = "PASS" if m <= 64 else "FAIL"
    ok &= m <= 64
    print(f"  vaultcli {n:8s} {m:6.1f} MiB  {v} (bar 64 MiB)")
print(f"  age -d           {rss('agedec'):6.1f} MiB  (for reference)")
print("overall:", "PASS" if ok else "FAIL")
EOF
