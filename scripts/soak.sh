#!/usr/bin/env bash
# The soak (issue 15, point 5): one vault, a shop's day squeezed into SECONDS.
#
# Usage: scripts/soak.sh [SECONDS]            (default 300)
# Env:   VAULTCLI=path to a debug vaultcli (default .build/debug/vaultcli, built if missing)
#
# Concurrently, against one vault (test-only KDF knob, default 10 s lock wait):
#   4 till sessions   each a cashier adding transactions (`tx add`) in a loop
#   an importer       `tx import` of 50-row CSV files in a loop (as the admin)
#   the nightly backup `backup --to DIR --keep 5`, again and again; each new backup is
#                     restored at once into a scratch location and verified there
#   a verify loop     `verify` as the admin
# At the end: every write that exited 0 is in the vault (0 lost), every refusal was a lock
# timeout reported as exit 8 (any other failure counts), every backup restored and verified,
# and the vault verifies. Prints the totals; exits 1 if anything failed.
set -euo pipefail
SECONDS_TO_RUN=${1:-300}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
V=${VAULTCLI:-$ROOT/.build/debug/vaultcli}
if [ ! -x "$V" ]; then (cd "$ROOT" && swift build --product vaultcli >/dev/null); fi
W=$(mktemp -d /tmp/vaultcli-soak.XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then echo "work directory: $W" >&2; else trap 'rm -rf "$W"' EXIT; fi
python3 - "$V" "$W" "$SECONDS_TO_RUN" <<'EOF'
import json, os, subprocess, sys, threading, time
V, W, DURATION = sys.argv[1], sys.argv[2], float(sys.argv[3])
VAULT, USB, SCRATCH = W + "/vault/vault", W + "/usb", W + "/scratch"
os.makedirs(USB); os.makedirs(SCRATCH)
ENV = dict(os.environ, VAULTCLI_INSECURE_TEST_KDF="yes-tests-only", VAULTCLI_VAULT="", XDG_STATE_HOME=W + "/state",
           SWIFT_BACKTRACE="enable=no")
ENV.pop("VAULTCLI_LOCK_TIMEOUT_MS", None)   # the product's default wait (10 s)
ADMIN, TEMP = "Correct-Horse-Battery-9", "Temp-Qv7w-Rx9m-41!"
CASHIERS = {f"till{i}": f"Till-Bright-Harbor-{i}7Qz!" for i in range(1, 5)}

def run(args, stdin="", vault=VAULT, env=None):
    return subprocess.run([V] + args + (["--vault", vault] if vault else []), input=stdin.encode(), env=dict(ENV, **(env or {})),
                          capture_output=True)

def must(args, stdin="", vault=VAULT):
    r = run(args, stdin, vault)
    if r.returncode != 0: sys.exit(f"soak: set-up {args[:3]} failed ({r.returncode}): {r.stderr.decode()}")
    return r

must(["init", "--password-stdin", "--terminal-id", "SOAK"], ADMIN + "\n")
must(["keygen", "-o", W + "/key.txt"], vault=None)
RECIPIENT = [l for l in open(W + "/key.txt") if l.startswith("# public key: ")][0].split()[-1]
for name, pw in CASHIERS.items():
    must(["user", "add", name, "--role", "cashier", "--user", "admin", "--password-stdin"], f"{ADMIN}\n{TEMP}\n")
    must(["user", "passwd", "--user", name, "--password-stdin"], f"{TEMP}\n{pw}\n")

lock = threading.Lock()
stats = {}        # worker -> {"ok": n, "busy": n, "failed": n}
acked = set()     # references of acknowledged transactions
failures = []     # (worker, exit code, message)
backups_ok = backups_bad = verify_ok = 0
deadline = time.time() + DURATION

def count(worker, key):
    with lock:
        stats.setdefault(worker, {"ok": 0, "busy": 0, "failed": 0})[key] += 1

def outcome(worker, r, on_ok=None):
    """0: acknowledged; 8: a lock timeout (allowed); anything else: a failure."""
    if r.returncode == 0:
        count(worker, "ok")
        if on_ok:
            with lock: on_ok()
    elif r.returncode == 8:
        count(worker, "busy")
    else:
        count(worker, "failed")
        with lock: failures.append((worker, r.returncode, r.stderr.decode().strip()[:300]))
    return r.returncode

def till(name, pw):
    n = 0
    while time.time() < deadline:
        n += 1
        ref = f"{name}-{n}"
        r = run(["tx", "add", "--user", name, "--password-stdin", "--amount", f"{(n % 997) + 1}.{n % 100:02d}", "--reference", ref], pw + "\n")
        outcome(name, r, lambda: acked.add(ref))

def importer():
    n = 0
    while time.time() < deadline:
        n += 1
        path = f"{W}/import-{n}.csv"
        refs = [f"imp-{n}-{j}" for j in range(50)]
        with open(path, "w") as f:
            f.write("id,time,amount,currency,kind,card,reference,operator,terminal,status\n")
            for j, ref in enumerate(refs):
                f.write(f"I{n}x{j},2026-11-30T09:{j:02d}:00Z,{j + 1}.50,CNY,sale,,{ref},admin,SOAK,approved\n")
        r = run(["tx", "import", path, "--user", "admin", "--password-stdin"], ADMIN + "\n")
        outcome("importer", r, lambda: acked.update(refs))

def nightly_backup():
    global backups_ok, backups_bad
    n = 0
    last = 0
    while time.time() < deadline:
        while int(time.time()) == last: time.sleep(0.05)   # names have one-second resolution
        last = int(time.time())
        before = set(os.listdir(USB))
        r = run(["backup", "--to", USB, "--keep", "5", "--recipient", RECIPIENT])
        if outcome("backup", r) != 0: continue
        for f in sorted(set(os.listdir(USB)) - before):
            if not f.endswith(".age"): continue
            n += 1
            # Restored as on a replacement till: its own state directory, since the admin's
            # last-seen record of the live vault would rightly call an older copy a rollback.
            target = f"{SCRATCH}/r{n}/vault"
            other = {"XDG_STATE_HOME": f"{SCRATCH}/r{n}/state"}
            rr = run(["restore", USB + "/" + f, "-i", W + "/key.txt"], vault=target, env=other)
            vv = run(["verify", "--user", "admin", "--password-stdin"], ADMIN + "\n", vault=target, env=other) if rr.returncode == 0 else rr
            with lock:
                if rr.returncode == 0 and vv.returncode == 0: backups_ok += 1
                else:
                    backups_bad += 1
                    failures.append(("backup-restore", (rr.returncode, vv.returncode), (rr.stderr + vv.stderr).decode().strip()[:300]))
        time.sleep(2)

def verifier():
    global verify_ok
    while time.time() < deadline:
        r = run(["verify", "--user", "admin", "--password-stdin"], ADMIN + "\n")
        outcome("verify", r)

threads = [threading.Thread(target=till, args=(n, p)) for n, p in CASHIERS.items()]
threads += [threading.Thread(target=f) for f in (importer, nightly_backup, verifier)]
started = time.time()
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.time() - started

# The reckoning.
r = run(["tx", "list", "--user", "admin", "--password-stdin", "--json"], ADMIN + "\n")
if r.returncode != 0: sys.exit(f"soak: tx list failed: {r.stderr.decode()}")
present = {t.get("reference") for t in json.loads(r.stdout)}
lost = sorted(acked - present)
final = run(["verify", "--user", "admin", "--password-stdin"], ADMIN + "\n")
left = [f for f in os.listdir(W + "/vault") + os.listdir(USB) if ".tmp-" in f or f.startswith(".vaultcli-tmp-")]
print(f"soak: {elapsed:.0f} s, one vault, 4 tills + importer + nightly backup + verify loop ({V})")
for w in sorted(stats):
    s = stats[w]
    print(f"  {w:9} {s['ok']:6} ok  {s['busy']:4} lock timeouts (exit 8)  {s['failed']:3} other failures")
print(f"  acknowledged transactions: {len(acked)}; in the vault: {len(present)}; lost: {len(lost)}")
print(f"  backups restored and verified: {backups_ok}; not restorable: {backups_bad}")
print(f"  final verify: exit {final.returncode}; temporary files left: {len(left)}")
for f in failures[:10]: print(f"  failure: {f}")
bad = lost or failures or backups_bad or final.returncode != 0 or left
print(f"soak: {'FAIL' if bad else 'PASS'}: {len(lost)} lost, {sum(s['failed'] for s in stats.values())} failures other than exit 8, "
      f"{sum(s['busy'] for s in stats.values())} lock timeouts (exit 8), {backups_ok} backups restorable")
sys.exit(1 if bad else 0)
EOF
