#!/usr/bin/env bash
# Timing side channels, measured outside CI (issue 15): does a bound phone, or a known user,
# take longer to refuse than an unbound phone or an unknown user?
#
# Usage: scripts/bench-timing.sh [ROUNDS] [real|low]      (defaults: 40 rounds, low)
#   low   the test-only KDF knob (Argon2id at its tiny test cost): shows any gap that is not
#         the KDF itself (extra reads, decoding, a skipped step), since nothing hides it
#   real  no knob: the vault is made with `init --kdf-target-ms 100`, so each path pays
#         the real Argon2id cost, and a skipped or extra KDF run shows as ~100 ms
# Env:   VAULTCLI=path to the binary (default: .build/debug/vaultcli, built if missing)
#
# Each round runs, in a random order, one attempt of each kind, every attempt on a fresh copy
# of the same vault (so lockout counters never build up and every attempt does the same work):
#   recover username --phone BOUND    with three wrong answers   (exit 5)
#   recover username --phone UNBOUND  with three wrong answers   (exit 5)
#   login --user KNOWN                with a wrong password      (exit 5)
#   login --user UNKNOWN              with a wrong password      (exit 5)
# It prints, per pair, the median wall time of each side, their IQR, and the ratio of the
# medians with a bootstrap 95% interval (2,000 resamples). A ratio whose interval holds 1.0
# shows no gap that this many rounds can see.
set -euo pipefail
ROUNDS=${1:-40}
MODE=${2:-low}
case "$MODE" in low|real) ;; *) echo "usage: scripts/bench-timing.sh [ROUNDS] [real|low]" >&2; exit 64 ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
V=${VAULTCLI:-$ROOT/.build/debug/vaultcli}
if [ ! -x "$V" ]; then (cd "$ROOT" && swift build --product vaultcli >/dev/null); fi
command -v python3 >/dev/null || { echo "bench-timing: needs python3" >&2; exit 2; }
W=$(mktemp -d /tmp/vaultcli-bench-timing.XXXXXX)
trap 'rm -rf "$W"' EXIT
python3 - "$V" "$W" "$ROUNDS" "$MODE" <<'EOF'
import os, random, shutil, statistics, subprocess, sys, time
V, W, ROUNDS, MODE = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
env = dict(os.environ, XDG_STATE_HOME=W + "/state", VAULTCLI_VAULT="", VAULTCLI_LOCK_TIMEOUT_MS="10000")
env["VAULTCLI_INSECURE_TEST_KDF"] = "yes-tests-only" if MODE == "low" else ""
ADMIN, CASHIER, TEMP = "Correct-Horse-Battery-9", "Cashier-Own-Pass-88!", "Temp-Qv7w-Rx9m-41!"
pristine = W + "/pristine/vault"
os.makedirs(os.path.dirname(pristine))
def run(args, stdin, want=0, vault=pristine):
    r = subprocess.run([V] + args + ["--vault", vault], input=stdin.encode(), env=env, capture_output=True)
    if r.returncode != want:
        sys.exit(f"bench-timing: {' '.join(args)} exited {r.returncode}, wanted {want}: {r.stderr.decode()}")
init = ["init", "--password-stdin"] + (["--kdf-target-ms", "100"] if MODE == "real" else [])
run(init, ADMIN + "\n")
run(["user", "add", "zhangsan", "--phone", "13812345678", "--user", "admin", "--password-stdin"], f"{ADMIN}\n{TEMP}\n")
run(["user", "passwd", "--user", "zhangsan", "--password-stdin"], f"{TEMP}\n{CASHIER}\n")
run(["recover", "setup", "--user", "zhangsan", "--password-stdin", "--question", "1", "--question", "2", "--question", "3"],
    f"{CASHIER}\nfirst school\nbeijing city\nfluffy cat\n")
kinds = {
    "phone-bound":   (["recover", "username", "--phone", "13812345678", "--stdin"], "a wrong\nb wrong\nc wrong\n"),
    "phone-unbound": (["recover", "username", "--phone", "13987654321", "--stdin"], "a wrong\nb wrong\nc wrong\n"),
    "user-known":    (["login", "--user", "zhangsan", "--password-stdin"], "Wrong-Password-123!\n"),
    "user-unknown":  (["login", "--user", "lisi", "--password-stdin"], "Wrong-Password-123!\n"),
}
times = {k: [] for k in kinds}
work = W + "/work"
os.makedirs(work)
copy = work + "/vault"
for i in range(ROUNDS):
    order = list(kinds)
    random.shuffle(order)
    for k in order:
        shutil.copyfile(pristine, copy)
        args, stdin = kinds[k]
        t0 = time.perf_counter()
        r = subprocess.run([V] + args + ["--vault", copy], input=stdin.encode(), env=env, capture_output=True)
        t = time.perf_counter() - t0
        if r.returncode != 5:
            sys.exit(f"bench-timing: {k} exited {r.returncode}, wanted 5: {r.stderr.decode()}")
        times[k].append(t)
def iqr(xs):
    q = statistics.quantiles(xs, n=4)
    return q[2] - q[0]
rng = random.Random(15)
def ratio_ci(a, b, n=2000):
    rs = sorted(statistics.median(rng.choices(a, k=len(a))) / statistics.median(rng.choices(b, k=len(b))) for _ in range(n))
    return rs[int(0.025 * n)], rs[int(0.975 * n) - 1]
print(f"bench-timing: {ROUNDS} interleaved rounds, KDF cost {MODE}, {V}")
for a, b in [("phone-bound", "phone-unbound"), ("user-known", "user-unknown")]:
    ma, mb = statistics.median(times[a]), statistics.median(times[b])
    lo, hi = ratio_ci(times[a], times[b])
    print(f"  {a:13} median {ma*1000:8.1f} ms  IQR {iqr(times[a])*1000:6.1f} ms")
    print(f"  {b:13} median {mb*1000:8.1f} ms  IQR {iqr(times[b])*1000:6.1f} ms")
    print(f"  ratio {a}/{b}: {ma/mb:.3f}  (bootstrap 95% interval {lo:.3f} .. {hi:.3f})")
EOF
