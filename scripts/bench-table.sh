#!/usr/bin/env bash
# The `tx list` table against `tx list --csv` over the same rows (issue 17's bar: the table
# costs <= 1.5x the CSV path), interleaved by hyperfine in one run, within a session, output
# to /dev/null. Release build, static Swift runtime.
#   scripts/bench-table.sh [RECORDS] [RUNS]     (defaults: 1000000 records, 5 runs)
# Needs: hyperfine, python3.
set -euo pipefail
N=${1:-1000000}
RUNS=${2:-5}
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
W=$(mktemp -d /tmp/vaultcli-bench-table.XXXXXX)
export XDG_RUNTIME_DIR=$W/run; mkdir -m 700 "$XDG_RUNTIME_DIR"
trap '"$BIN/vaultcli" lock --vault "$W/vault" >/dev/null 2>&1 || true; rm -rf "$W"' EXIT
export BENCH_PASSWORD='Bench-Vault-Pass-7q!X'
printf '%s\n' "$BENCH_PASSWORD" > "$W/pw"; chmod 600 "$W/pw"
"$BIN/vaultcli-bench" make-vault "$W/vault" "$N" >/dev/null
"$BIN/vaultcli" unlock --vault "$W/vault" --user admin --password-file "$W/pw" >/dev/null
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$W/h.json" \
  "$BIN/vaultcli tx list --vault $W/vault" \
  "$BIN/vaultcli tx list --vault $W/vault --csv" >/dev/null
python3 - "$W/h.json" "$N" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
t, c = r[0]["median"], r[1]["median"]
print("tx list of %s records: table %.3f s, csv %.3f s (medians); ratio %.2f (bar <= 1.5) %s"
      % (sys.argv[2], t, c, t / c, "PASS" if t / c <= 1.5 else "FAIL"))
PY
