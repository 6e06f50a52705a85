#!/usr/bin/env bash
# Bar (issue 10): `tx add` in a session stays <= 10 ms (median) and <= 1.2x of main 9aaabe2's,
# now that the session agent does the append (9aaabe2's agent handed the keys to the client,
# which appended itself). Both on the release binary (static Swift stdlib), at 1k and at N records.
#
# Usage: scripts/bench-session.sh BASELINE [records] [runs]
#   BASELINE  a vaultcli binary built from 9aaabe2, or a commit (e.g. 9aaabe2) to build one
#             from: it is extracted with `git archive` into /tmp/vaultcli-base-<commit> and built
#             there once (release, static stdlib); later runs reuse it.
#   records   the big vault's size (default 1000000); the small one has 1000.
#   runs      timed `tx add`s per binary and size (default 100), new and old interleaved
#             (alternating which goes first), each a fresh process as a till would run it.
# Needs: python3.
set -euo pipefail
BASE=${1:?usage: scripts/bench-session.sh BASELINE-BINARY-OR-COMMIT [records] [runs]}
N=${2:-1000000}
RUNS=${3:-100}
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product vaultcli >/dev/null
swift build -c release --static-swift-stdlib --product vaultcli-bench >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)

if [ ! -x "$BASE" ]; then
  C=$(git rev-parse --short=7 "$BASE^{commit}")
  D=/tmp/vaultcli-base-$C
  if [ ! -x "$D/.build/release/vaultcli" ]; then
    echo "== building the baseline $C in $D (once)"
    mkdir -p "$D"
    git archive "$C" | tar -x -C "$D"
    if [ -f Package.resolved ]; then cp Package.resolved "$D/"; fi
    (cd "$D" && swift build -c release --static-swift-stdlib --product vaultcli >/dev/null)
  fi
  BASE=$D/.build/release/vaultcli
fi

W=$(mktemp -d /tmp/vaultcli-bench-session.XXXXXX)
mkdir -m 700 "$W/run-new" "$W/run-old"
cleanup() {
  for v in small big; do
    XDG_RUNTIME_DIR=$W/run-new "$BIN/vaultcli" lock --vault "$W/$v-new" >/dev/null 2>&1 || true
    XDG_RUNTIME_DIR=$W/run-old "$BASE" lock --vault "$W/$v-old" >/dev/null 2>&1 || true
  done
  rm -rf "$W"
}
trap cleanup EXIT
export BENCH_PASSWORD='Bench-Vault-Pass-7q!X'
PW=$W/pw; echo "$BENCH_PASSWORD" > "$PW"; chmod 600 "$PW"
export XDG_STATE_HOME=$W/state

echo "== vaults: 1000 and $N records (vaultcli-bench make-vault); one copy for each binary"
"$BIN/vaultcli-bench" make-vault "$W/small-new" 1000
"$BIN/vaultcli-bench" make-vault "$W/big-new" "$N"
cp "$W/small-new" "$W/small-old"; cp "$W/big-new" "$W/big-old"

echo "== sessions (each binary its own agent, in its own runtime directory)"
pid() { python3 -c 'import json,sys; print(json.load(sys.stdin)["agent_pid"])'; }
for v in small big; do
  XDG_RUNTIME_DIR=$W/run-new "$BIN/vaultcli" unlock --vault "$W/$v-new" --user admin --password-file "$PW" --json | pid > "$W/$v-new.pid"
  XDG_RUNTIME_DIR=$W/run-old "$BASE" unlock --vault "$W/$v-old" --user admin --password-file "$PW" --json | pid > "$W/$v-old.pid"
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
python3 - "$BIN/vaultcli" "$BASE" "$W" "$N" "$RUNS" <<'PY'
import os, resource, statistics, subprocess, sys, time
new, old, w, n, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
args = ["tx", "add", "--amount", "12.34", "--card", "622588******1234", "--reference", "R1"]
def once(binary, vault, run):
    env = dict(os.environ, XDG_RUNTIME_DIR=run)
    t = time.perf_counter()
    r = subprocess.run([binary] + args + ["--vault", vault], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit("%s failed: %s" % (binary, r.stderr.decode()))
    return dt
tick = os.sysconf("SC_CLK_TCK")
def agent_cpu(vault):
    # The agent's CPU time plus that of the children it reaped (its pid from `unlock --json`).
    pid = int(open(vault + ".pid").read())
    f = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in f[11:15]) / tick
ok = True
for label, size in (("1k", "small"), ("%d" % n, "big")):
    a = dict(vault=w + "/%s-new" % size, run=w + "/run-new")
    b = dict(vault=w + "/%s-old" % size, run=w + "/run-old")
    for _ in range(5):  # warm-up
        once(new, **a); once(old, **b)
    tn, to = [], []
    cpu = {"new": [0.0, 0.0], "old": [0.0, 0.0]}  # client, agent (+ its children)
    def timed(which, binary, kw, out):
        c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.append(once(binary, **kw))
        c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[which][0] += c1.ru_utime - c0.ru_utime + c1.ru_stime - c0.ru_stime
    agents0 = agent_cpu(a["vault"]), agent_cpu(b["vault"])
    for i in range(runs):
        if i % 2 == 0:
            timed("new", new, a, tn); timed("old", old, b, to)
        else:
            timed("old", old, b, to); timed("new", new, a, tn)
    time.sleep(1.5)  # the agents reap their last children (and count their CPU)
    cpu["new"][1] = agent_cpu(a["vault"]) - agents0[0]
    cpu["old"][1] = agent_cpu(b["vault"]) - agents0[1]
    mn, mo = statistics.median(tn), statistics.median(to)
    ratio = mn / mo
    passed = mn <= 0.010 and ratio <= 1.2
    ok = ok and passed
    print("tx add in a session at %-8s records: new %.2f ms, 9aaabe2 %.2f ms (medians of %d, interleaved); ratio %.3f; "
          "bars: median <= 10 ms %s, ratio <= 1.2 %s" % (label, mn * 1e3, mo * 1e3, runs, ratio,
          "PASS" if mn <= 0.010 else "FAIL", "PASS" if ratio <= 1.2 else "FAIL"))
    print("  CPU per tx add (less sensitive to load than wall time): new %.2f ms (client %.2f + agent %.2f), 9aaabe2 %.2f ms (client %.2f + agent %.2f)" % (
        sum(cpu["new"]) / runs * 1e3, cpu["new"][0] / runs * 1e3, cpu["new"][1] / runs * 1e3,
        sum(cpu["old"]) / runs * 1e3, cpu["old"][0] / runs * 1e3, cpu["old"][1] / runs * 1e3))
print("overall:", "PASS" if ok else "FAIL")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
