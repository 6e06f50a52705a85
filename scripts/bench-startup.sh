#!/usr/bin/env bash
# Start-up and size bars (issue 12), side by side with the anchor in one run:
#   - `vaultcli --version` and `vaultcli genpass` start in <= 2x `age --version`'s time
#     (hyperfine, mean of RUNS runs each, interleaved by hyperfine in one invocation);
#   - the installed (stripped) binary is <= 16 MB.
# The binary measured is the one scripts/install.sh installs: release, static Swift runtime,
# stripped.
#   scripts/bench-startup.sh [RUNS]         (default 100)
# Env: VAULTCLI_BIN=PATH measures that binary (stripped) instead of building one.
set -euo pipefail
RUNS=${1:-100}
cd "$(dirname "$0")/.."
bash scripts/deps.sh bench
W=$(mktemp -d "${TMPDIR:-/tmp}/vaultcli-bench-startup.XXXXXX")
trap 'rm -rf "$W"' EXIT
if [ -n "${VAULTCLI_BIN:-}" ]; then
    strip -o "$W/vaultcli" "$VAULTCLI_BIN"
else
    swift build -c release --static-swift-stdlib --product vaultcli >/dev/null
    strip -o "$W/vaultcli" "$(swift build -c release --static-swift-stdlib --show-bin-path)/vaultcli"
fi
V=$W/vaultcli
AGE=$(command -v age)
# The machine's load beside the figures (they are ratios to age in the same run, but a loaded
# machine widens their spread).
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N --warmup 10 --runs "$RUNS" --export-json "$W/h.json" \
    "$AGE --version" "$V --version" "$V genpass" >/dev/null
python3 - "$W/h.json" "$(stat -c %s "$V")" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2])
age = r[0]["mean"]
ok = True
print(f"age --version       {age * 1e3:7.2f} ms (mean; median {r[0]['median'] * 1e3:.2f} ms)")
for x in r[1:]:
    ratio = x["mean"] / age
    verdict = "PASS" if ratio <= 2 else "FAIL"
    ok &= ratio <= 2
    name = x["command"].split("/")[-1]
    print(f"{name:19s} {x['mean'] * 1e3:7.2f} ms (mean; median {x['median'] * 1e3:.2f} ms)  {ratio:5.2f}x age  {verdict} (bar 2x)")
verdict = "PASS" if size <= 16e6 else "FAIL"
ok &= size <= 16e6
print(f"stripped binary     {size / 1e6:7.2f} MB  {verdict} (bar 16 MB)")
print("overall:", "PASS" if ok else "FAIL")
EOF
