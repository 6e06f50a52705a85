#!/usr/bin/env bash
# Benchmarks for issue 5 (transactions at the scale of a busy terminal), on the real release
# binary. Usage: scripts/bench-records.sh [records]   (default 1000000)
# Needs: python3, hyperfine, /usr/bin/time (GNU time -v).
set -euo pipefail
N=${1:-1000000}
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product vaultcli >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)/vaultcli
W=$(mktemp -d /tmp/vaultcli-bench-rec.XXXXXX)
export XDG_RUNTIME_DIR=$W/run; mkdir -m 700 "$XDG_RUNTIME_DIR"
trap '"$BIN" lock --vault "$W/big" >/dev/null 2>&1 || true; "$BIN" lock --vault "$W/small" >/dev/null 2>&1 || true; rm -rf "$W"' EXIT
PW=$W/pw; echo 'Bench-Vault-Pass-7q!X' > "$PW"; chmod 600 "$PW"

echo "== generating $N transactions as CSV"
python3 - "$N" "$W/tx.csv" "$W/small.csv" <<'PY'
import sys, random
n, out, small = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(17)
ops = ["cashier-%02d" % i for i in range(1, 9)]
kinds = ["sale"] * 8 + ["refund", "void"]
hdr = "id,time,amount,currency,kind,card,reference,operator,terminal,status\n"
base = 1795305600  # 2026-11-22
def row(i):
    t = base - (n - i) * 30
    d = __import__("time").gmtime(t)
    ts = "%04d-%02d-%02dT%02d:%02d:%02dZ" % d[:6]
    amt = random.randint(100, 500000)
    return "T0017-%09d,%s,%d.%02d,CNY,%s,622588******%04d,REF%010d,%s,T-0017,approved\n" % (
        i, ts, amt // 100, amt % 100, random.choice(kinds), random.randint(0, 9999), i, random.choice(ops))
with open(out, "w") as f:
    f.write(hdr)
    for i in range(n): f.write(row(i))
with open(small, "w") as f:
    f.write(hdr)
    for i in range(1000): f.write(row(i))
PY
CSV_BYTES=$(stat -c %s "$W/tx.csv")

for v in big small; do
  "$BIN" init --vault "$W/$v" --password-file "$PW" --terminal-id T-0017 --kdf-target-ms 100 >/dev/null
done
KDF=$("$BIN" info --vault "$W/big" --json | python3 -c 'import json,sys; k=json.load(sys.stdin)["kdf"]; print("m=%d KiB t=%d" % (k["memory_kib"], k["iterations"]))')
echo "KDF (release, floor-level for the bench): $KDF"

rss() { grep 'Maximum resident' "$1" | awk '{printf "%.1f MiB", $6/1024}'; }
wall() { grep 'Elapsed (wall' "$1" | awk '{print $8}'; }

echo "== tx import ($N rows, into an empty vault; one password unlock included)"
/usr/bin/time -v -o "$W/t.import" "$BIN" tx import --vault "$W/big" "$W/tx.csv" --user admin --password-file "$PW" >/dev/null
python3 - "$W/t.import" "$N" <<'PY'
import sys, re
s = open(sys.argv[1]).read(); n = int(sys.argv[2])
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", s)
secs = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", s).group(1)) / 1024
print("import: %.2f s, %.0f records/s (bar >= 200000) %s; peak RSS %.1f MiB (bar <= 64 + KDF)" % (secs, n / secs, "PASS" if n / secs >= 200000 else "FAIL", rss))
PY
"$BIN" tx import --vault "$W/small" "$W/small.csv" --user admin --password-file "$PW" >/dev/null

VAULT_BYTES=$(stat -c %s "$W/big")
python3 -c "import sys; v,c=$VAULT_BYTES,$CSV_BYTES; print('size: vault %d bytes, CSV %d bytes, ratio %.3f (bar <= 1.5) %s' % (v, c, v/c, 'PASS' if v/c <= 1.5 else 'FAIL'))"

echo "== re-import of the same $N rows (all duplicates: the id set of the whole vault is built)"
/usr/bin/time -v -o "$W/t.reimport" "$BIN" tx import --vault "$W/big" "$W/tx.csv" --user admin --password-file "$PW"
echo "re-import: $(wall "$W/t.reimport") wall, peak RSS $(rss "$W/t.reimport")"

echo "== sessions"
"$BIN" unlock --vault "$W/big" --user admin --password-file "$PW" >/dev/null
"$BIN" unlock --vault "$W/small" --user admin --password-file "$PW" >/dev/null

echo "== tx list / export streaming memory (whole vault to /dev/null)"
/usr/bin/time -v -o "$W/t.list" "$BIN" tx list --vault "$W/big" >/dev/null
/usr/bin/time -v -o "$W/t.listcsv" "$BIN" tx list --vault "$W/big" --csv >/dev/null
/usr/bin/time -v -o "$W/t.export" "$BIN" tx export --vault "$W/big" --format jsonl >/dev/null
echo "list (table, all $N): $(wall "$W/t.list") wall, peak RSS $(rss "$W/t.list")"
echo "list --csv (all $N):  $(wall "$W/t.listcsv") wall, peak RSS $(rss "$W/t.listcsv")"
echo "export jsonl (all $N): $(wall "$W/t.export") wall, peak RSS $(rss "$W/t.export")"

echo "== tx list with a filter, tx summary (bar <= 1 s each)"
hyperfine -N --warmup 2 --runs 10 --export-json "$W/h1.json" \
  "$BIN tx list --vault $W/big --operator cashier-03 --kind refund --min 1000 --since 2026-11-01 --json" \
  "$BIN tx list --vault $W/big --kind void --max 2 --csv" \
  "$BIN tx summary --vault $W/big" \
  "$BIN tx summary --vault $W/big --json --since 2026-11-15" >/dev/null
python3 - "$W/h1.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    m = r["median"]
    print("%-110s median %.3f s %s" % (r["command"].split("/vaultcli ")[-1], m, "PASS" if m <= 1 else "FAIL"))
PY

echo "== tx add within a session: at 1k vs at $N records (median <= 10 ms; ratio <= 1.2)"
hyperfine -N --warmup 5 --runs 200 --export-json "$W/h2.json" \
  "$BIN tx add --vault $W/small --amount 12.34 --card 622588******1234 --reference R1" \
  "$BIN tx add --vault $W/big --amount 12.34 --card 622588******1234 --reference R1" >/dev/null
python3 - "$W/h2.json" "$N" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
a, b = r[0]["median"], r[1]["median"]
print("tx add: at 1k %.2f ms, at %s %.2f ms (median <= 10 ms: %s), ratio %.3f (bar <= 1.2) %s" % (
    a * 1e3, sys.argv[2], b * 1e3, "PASS" if max(a, b) <= 0.010 else "FAIL", b / a, "PASS" if b / a <= 1.2 else "FAIL"))
PY
/usr/bin/time -v -o "$W/t.add" "$BIN" tx add --vault "$W/big" --amount 1 >/dev/null
echo "tx add peak RSS $(rss "$W/t.add")"
