#!/bin/bash
# Backup/restore throughput vs the age CLI, side by side in one run (issue 17's bars).
#
# Usage: scripts/bench-backup.sh [RECORDS] [RUNS]     (defaults: 1000000 records, 5 runs)
# Env:   BENCH_DIR (default: a fresh dir under /tmp, same disk as the vault), KEEP=1 to keep it.
#        ANCHOR_BIN=path of another vaultcli (say a release build of main before a change): its
#        backup and restore run in the same rounds, and new/anchor ratios are printed.
#        ANCHOR_REV=rev builds that anchor from git first (as scripts/bench-import.sh does).
#        COLD=1: every decryption reads its input from the device (its pages dropped first);
#        by default the input is read once before it is timed, so it is in the page cache for
#        every contender alike (vaultcli backup drops its file's pages when it reads it back,
#        age's output stays cached: without this, restore alone would read from the device).
# Needs: swift, age, age-keygen, dd, /usr/bin/time (GNU time), python3, bc.
#
# Anchors, on the same bytes (the RECORDS-record vault file):
#   age-enc      age -r R -o a.age VAULT
#   age-dec      age -d -i KEY -o out a.age
#   age-durable  age -r ... && sync a.age && dd iflag=direct of a.age (our backup's durability)
#   age-dec-sync age -d ... && sync out                                 (our restore's fsync)
# Ours:
#   backup       vaultcli backup --to DIR (temp file, fsync, O_DIRECT read-back, rename, dir fsync)
#   restore      vaultcli restore FILE --vault NEW (decrypt, check, fsync, inspect, link, dir fsync)
# Each round runs every contender once, interleaved, so drift on this shared machine hits all
# alike. Figures: the median wall time (MB/s = vault bytes / time) and the median CPU time
# (user + sys, GNU time; for the age anchors that includes age, sync and dd). Ratios are
# throughputs, ours / anchor (> 1: ours is faster); the load average is printed beside them.
# Bars (issue 17): backup >= 1.0x age-durable, restore >= 1.0x age-dec-sync, peak RSS <= 64 MiB.
set -euo pipefail
RECORDS=${1:-1000000}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
for tool in age age-keygen dd python3 bc /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench-backup: needs $tool" >&2; exit 2; }
done

swift build -c release --static-swift-stdlib >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
V="$BIN/vaultcli"

W=${BENCH_DIR:-$(mktemp -d /tmp/vaultcli-bench-backup.XXXXXX)}
mkdir -p "$W"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$W"' EXIT

A=${ANCHOR_BIN:-}
if [ -z "$A" ] && [ -n "${ANCHOR_REV:-}" ]; then
  echo "== building the anchor ($ANCHOR_REV)"
  mkdir -p "$W/anchor/.build"
  git archive "$ANCHOR_REV" | tar -x -C "$W/anchor"
  cp -a .build/checkouts .build/repositories .build/workspace-state.json "$W/anchor/.build/" 2>/dev/null || true
  cp Package.resolved "$W/anchor/" 2>/dev/null || true
  (cd "$W/anchor" && swift build -c release --static-swift-stdlib --product vaultcli >/dev/null)
  A=$(cd "$W/anchor" && swift build -c release --static-swift-stdlib --show-bin-path)/vaultcli
fi

"$BIN/vaultcli-bench" make-vault "$W/vault" "$RECORDS" >/dev/null
# (Each backup appends one audit event to the vault: a few hundred bytes, ignored here.)
SIZE=$(stat -c %s "$W/vault")
rm -f "$W/key.txt"
age-keygen -o "$W/key.txt" 2>/dev/null
R=$(age-keygen -y "$W/key.txt")
mkdir -p "$W/usb" "$W/usb-anchor"
sync

now() { date +%s.%N; }
# prep FILE: puts a decryption's input in the same cache state for every contender.
prep() {
  if [ "${COLD:-0}" = 1 ]; then
    python3 -c 'import os, sys; fd = os.open(sys.argv[1], os.O_RDONLY); os.fsync(fd); os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)' "$1"
  else
    cat "$1" >/dev/null
  fi
}
# run NAME CMD...: appends the wall time to $W/t.NAME and user+sys CPU seconds to $W/c.NAME
run() {
  local name=$1; shift
  sync
  local s e
  s=$(now)
  /usr/bin/time -f "%U %S" -o "$W/cpu" "$@" >/dev/null 2>"$W/err" || { cat "$W/err" >&2; exit 1; }
  e=$(now)
  echo "$e - $s" | bc -l >>"$W/t.$name"
  awk '{ print $1 + $2 }' "$W/cpu" >>"$W/c.$name"
}
rm -f "$W"/t.* "$W"/c.*
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq "$RUNS"); do
  rm -f "$W/a.age"
  run age-enc age -r "$R" -o "$W/a.age" "$W/vault"
  rm -f "$W/a.dec"
  prep "$W/a.age"
  run age-dec age -d -i "$W/key.txt" -o "$W/a.dec" "$W/a.age"
  rm -f "$W/a.dec"
  prep "$W/a.age"
  run age-dec-sync sh -c "age -d -i '$W/key.txt' -o '$W/a.dec' '$W/a.age' && sync '$W/a.dec'"
  rm -f "$W/a.dec"
  rm -f "$W/a.age"
  run age-durable sh -c "age -r '$R' -o '$W/a.age' '$W/vault' && sync '$W/a.age' && dd if='$W/a.age' of=/dev/null bs=4M iflag=direct status=none"
  rm -f "$W/a.age"
  rm -f "$W"/usb/*
  run backup env VAULTCLI_VAULT="$W/vault" "$V" backup --to "$W/usb" --recipient "$R"
  F=$(ls "$W"/usb/vaultcli-*.age)
  rm -rf "$W/restored"
  prep "$F"
  run restore "$V" restore "$F" --vault "$W/restored/vault" -i "$W/key.txt"
  rm -rf "$W/restored"
  if [ -n "$A" ]; then
    # The anchor restores its own backup (an older build may not read the newer container).
    rm -f "$W"/usb-anchor/*
    run anchor-backup env VAULTCLI_VAULT="$W/vault" "$A" backup --to "$W/usb-anchor" --recipient "$R"
    FA=$(ls "$W"/usb-anchor/vaultcli-*.age)
    prep "$FA"
    run anchor-restore "$A" restore "$FA" --vault "$W/restored/vault" -i "$W/key.txt"
    rm -rf "$W/restored"
  fi
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
# Peak RSS (KiB), once more each.
rm -f "$W"/usb/*
VAULTCLI_VAULT="$W/vault" /usr/bin/time -f %M -o "$W/rss.backup" "$V" backup --to "$W/usb" --recipient "$R" >/dev/null
F=$(ls "$W"/usb/vaultcli-*.age)
rm -rf "$W/restored"
prep "$F"
/usr/bin/time -f %M -o "$W/rss.restore" "$V" restore "$F" --vault "$W/restored/vault" -i "$W/key.txt" >/dev/null
rm -rf "$W/restored"
/usr/bin/time -f %M -o "$W/rss.agedec" age -d -i "$W/key.txt" -o /dev/null "$F"

python3 - "$W" "$SIZE" "$RUNS" "$RECORDS" "$LOAD_BEFORE" "$LOAD_AFTER" "$A" <<'EOF'
import os, statistics, sys
w, size, runs, records, load0, load1, anchor = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7]
def col(kind, n):
    return [float(x) for x in open(f"{w}/{kind}.{n}") if x.strip()]
names = ["age-enc", "age-dec", "age-durable", "age-dec-sync", "backup", "restore"]
if anchor:
    names += ["anchor-backup", "anchor-restore"]
t = {n: col("t", n) for n in names}
c = {n: col("c", n) for n in names}
wall = {n: statistics.median(v) for n, v in t.items()}
cpu = {n: statistics.median(v) for n, v in c.items()}
cache = "read from the device (COLD=1)" if os.environ.get("COLD") == "1" else "in the page cache"
print(f"vault: {records} records, {size/1e6:.1f} MB; median of {runs} interleaved rounds; decryption inputs {cache}")
print(f"load average (1, 5, 15 min): before {load0}, after {load1}")
print(f"  {'':14s} {'wall':>8s} {'MB/s':>8s} {'CPU':>8s}")
for n in names:
    print(f"  {n:14s} {wall[n]:7.3f}s {size/1e6/wall[n]:8.1f} {cpu[n]:7.3f}s")
ok = True
def ratio(ours, base, bar=None):
    global ok
    r = wall[base] / wall[ours]
    rounds = " ".join(f"{b/o:.2f}" for o, b in zip(t[ours], t[base]))
    rc = cpu[base] / cpu[ours] if cpu[ours] > 0 else float("inf")
    verdict = ""
    if bar is not None:
        verdict = "PASS" if r >= bar else "FAIL"
        ok &= r >= bar
        verdict = f"  {verdict} (bar {bar:.1f}x)"
    print(f"  {ours:14s} vs {base:14s} {r:5.2f}x{verdict}   [each round: {rounds}; CPU time {rc:.2f}x]")
print("ratios (throughput: ours / anchor, from the wall-time medians; > 1 = ours faster):")
ratio("backup", "age-durable", 1.0)
ratio("restore", "age-dec-sync", 1.0)
print("for reference (anchors without durability):")
ratio("backup", "age-enc")
ratio("restore", "age-dec")
if anchor:
    print(f"this build vs the anchor build ({anchor}):")
    ratio("backup", "anchor-backup")
    ratio("restore", "anchor-restore")
    print("the anchor build vs age, for comparison:")
    ratio("anchor-backup", "age-durable")
    ratio("anchor-restore", "age-dec-sync")
print("peak RSS:")
for n in ["backup", "restore"]:
    m = int(open(f"{w}/rss.{n}").read().split()[-1]) / 1024
    v = "PASS" if m <= 64 else "FAIL"
    ok &= m <= 64
    print(f"  vaultcli {n:8s} {m:6.1f} MiB  {v} (bar 64 MiB)")
print(f"  age -d           {int(open(f'{w}/rss.agedec').read().split()[-1]) / 1024:6.1f} MiB  (for reference)")
print("overall:", "PASS" if ok else "FAIL")
EOF
