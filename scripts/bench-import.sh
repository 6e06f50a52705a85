#!/usr/bin/env bash
# `tx import` against an anchor build, interleaved in one run (this machine is shared and noisy,
# so the ratio is the figure; the absolute rate is printed with the load average beside it).
# Usage: scripts/bench-import.sh [records] [anchor-rev]   (defaults: 1000000, 6e2a8ac: main
#        before the import fast path). ANCHOR_BIN=path skips building the anchor. ROUNDS=N (3).
# Each round imports the same CSV (as scripts/bench-records.sh makes it) into a fresh vault
# with each binary, one password unlock included; the median of the rounds is reported.
# Needs: python3, GNU time.
set -euo pipefail
N=${1:-1000000}
REV=${2:-6e2a8ac}
ROUNDS=${ROUNDS:-3}
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product vaultcli >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)/vaultcli
W=$(mktemp -d /tmp/vaultcli-bench-import.XXXXXX)
trap 'rm -rf "$W"' EXIT
if [ -z "${ANCHOR_BIN:-}" ]; then
  echo "== building the anchor ($REV)"
  mkdir -p "$W/anchor/.build"
  git archive "$REV" | tar -x -C "$W/anchor"
  cp -a .build/checkouts .build/repositories .build/workspace-state.json "$W/anchor/.build/" 2>/dev/null || true
  (cd "$W/anchor" && swift build -c release --static-swift-stdlib --product vaultcli >/dev/null)
  ANCHOR_BIN=$(cd "$W/anchor" && swift build -c release --static-swift-stdlib --show-bin-path)/vaultcli
fi
export XDG_RUNTIME_DIR=$W/run; mkdir -m 700 "$XDG_RUNTIME_DIR"
export XDG_STATE_HOME=$W/state
PW=$W/pw; echo 'Bench-Vault-Pass-7q!X' > "$PW"; chmod 600 "$PW"
python3 - "$N" "$W/tx.csv" <<'PY'
import sys, random, time
n, out = int(sys.argv[1]), sys.argv[2]
random.seed(17)
ops = ["cashier-%02d" % i for i in range(1, 9)]
kinds = ["sale"] * 8 + ["refund", "void"]
base = 1795305600
with open(out, "w") as f:
    f.write("id,time,amount,currency,kind,card,reference,operator,terminal,status\n")
    for i in range(n):
        d = time.gmtime(base - (n - i) * 30)
        amt = random.randint(100, 500000)
        f.write("T0017-%09d,%04d-%02d-%02dT%02d:%02d:%02dZ,%d.%02d,CNY,%s,622588******%04d,REF%010d,%s,T-0017,approved\n" % (
            (i,) + tuple(d[:6]) + (amt // 100, amt % 100, random.choice(kinds), random.randint(0, 9999), i, random.choice(ops))))
PY
"$BIN" init --vault "$W/empty" --password-file "$PW" --terminal-id T-0017 --kdf-target-ms 100 >/dev/null
run() {  # binary label round
  cp "$W/empty" "$W/v-$2"
  /usr/bin/time -f "%e %U %S" -o "$W/t-$2-$3" "$1" tx import --vault "$W/v-$2" "$W/tx.csv" --user admin --password-file "$PW" >/dev/null
  rm -f "$W/v-$2"
}
echo "== $ROUNDS rounds of $N rows, interleaved (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
for r in $(seq 1 "$ROUNDS"); do run "$ANCHOR_BIN" anchor "$r"; run "$BIN" new "$r"; done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$W" "$N" "$ROUNDS" <<'PY'
import sys, statistics
w, n, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
res = {}
for label in ("anchor", "new"):
    t = [tuple(map(float, open("%s/t-%s-%d" % (w, label, r)).read().split()[-3:])) for r in range(1, rounds + 1)]
    wall = statistics.median(x[0] for x in t); cpu = statistics.median(x[1] + x[2] for x in t)
    res[label] = (wall, cpu)
    print("%-6s median wall %.2f s (%.0f records/s), median CPU (user+sys) %.2f s (%.0f records per CPU-second)" % (label, wall, n / wall, cpu, n / cpu))
print("new/anchor speed-up: wall %.2fx, CPU %.2fx" % (res["anchor"][0] / res["new"][0], res["anchor"][1] / res["new"][1]))
PY
