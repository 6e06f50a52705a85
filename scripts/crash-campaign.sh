#!/usr/bin/env bash
# The crash campaign (issue 15, point 3): N kill -9 at random points of vaultcli's writes, and
# after each one the checks a shop would care about.
#
# Usage: scripts/crash-campaign.sh N [SEED]            (N kills; SEED makes a run repeatable)
# Env:   VAULTCLI=path to a debug vaultcli (default .build/debug/vaultcli, built if missing)
#        KEEP=1 keeps the work directory (printed) for a post-mortem
#
# Each step runs one operation, chosen at random, under one of three kill modes:
#   delay   kill -9 after a random delay (0 .. the operation's usual duration)
#   kill    scripts/faultfs.c (LD_PRELOAD) kills the process just before its k-th write or
#           fsync in the vault's directories (k random within what that operation does)
#   torn    the same, but if the k-th write extends a file it puts half its bytes down first
#           (a torn tail, as a power cut leaves one)
# Operations: tx add; tx import (20 rows); user passwd; recover password (questions);
# compaction (an admin commit with VAULTCLI_TEST_COMPACT=always, which rewrites the file);
# revocation (user role manager->cashier, which rotates every key and rewrites the file; and
# user remove); backup --to DIR; restore into a new vault.
# After each step (killed or not):
#   - the vault opens (`info` exits 0);
#   - `verify` passes (0), or exits 2 for a torn tail; nothing else;
#   - every acknowledged write is there: tx references, imported rows, the operator's password
#     (the new one if the change was acknowledged, else the old or the new), operators added
#     and removed, backups (each acknowledged one verifies), restored vaults (each verifies);
#   - a canary `tx add` succeeds, and after it no temporary file is left in the vault's
#     directory; after the next backup none in the backup directory, after the next restore
#     none in the restore directory; a killed backup or restore leaves no file under a final
#     name that does not verify.
# A step whose process was killed counts as a kill; the campaign runs until N kills.
# Last line: "N kills, X lost, Y corrupt"; exit 1 if X or Y > 0.
# "lost": an acknowledged write missing. "corrupt": the vault does not open, verify fails
# (other than a torn tail), a temp file is left, or a command fails that should not.
set -euo pipefail
N=${1:?usage: scripts/crash-campaign.sh N [SEED]}
SEED=${2:-$RANDOM$RANDOM}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
V=${VAULTCLI:-$ROOT/.build/debug/vaultcli}
if [ ! -x "$V" ]; then (cd "$ROOT" && swift build --product vaultcli >/dev/null); fi
command -v gcc >/dev/null || { echo "crash-campaign: needs gcc (scripts/deps.sh test)" >&2; exit 2; }
W=$(mktemp -d /tmp/vaultcli-crash.XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then echo "work directory: $W" >&2; else trap 'rm -rf "$W"' EXIT; fi
gcc -shared -fPIC -O2 -o "$W/faultfs.so" "$ROOT/scripts/faultfs.c" -ldl
python3 - "$V" "$W" "$N" "$SEED" <<'EOF'
import json, os, random, signal, subprocess, sys, time
V, W, N, SEED = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rng = random.Random(SEED)
SHIM = W + "/faultfs.so"
VD, BD, RD = W + "/vault", W + "/usb", W + "/restored"
for d in (VD, BD, RD): os.makedirs(d)
VAULT = VD + "/vault"
BASE = dict(os.environ, VAULTCLI_INSECURE_TEST_KDF="yes-tests-only", VAULTCLI_LOCK_TIMEOUT_MS="20000",
            VAULTCLI_VAULT="", XDG_STATE_HOME=W + "/state", SWIFT_BACKTRACE="enable=no")
ADMIN = "Correct-Horse-Battery-9"
lost = corrupt = kills = 0
log = []

def say(kind, msg):
    global lost, corrupt
    if kind == "lost": lost += 1
    else: corrupt += 1
    print(f"crash-campaign: step {step}: {kind}: {msg}", file=sys.stderr, flush=True)

def run(args, stdin="", env=None, vault=VAULT, timeout=300):
    e = dict(BASE, **(env or {}))
    a = [V] + args + (["--vault", vault] if vault else [])
    return subprocess.run(a, input=stdin.encode(), env=e, capture_output=True, timeout=timeout)

def must(args, stdin="", **kw):
    r = run(args, stdin, **kw)
    if r.returncode != 0:
        sys.exit(f"crash-campaign: set-up step {args} failed ({r.returncode}): {r.stderr.decode()}")
    return r

# --- set-up: a vault, a cashier with recovery questions, an age key for backups ---
must(["init", "--password-stdin", "--terminal-id", "CRASH"], ADMIN + "\n")
must(["keygen", "-o", W + "/key.txt"], vault=None)
RECIPIENT = [l for l in open(W + "/key.txt") if l.startswith("# public key: ")][0].split()[-1]
TEMP = "Temp-Qv7w-Rx9m-41!"
pw_counter = [0]
def new_password():
    # Random, distinct letters none of which follow each other in the alphabet (the policy
    # refuses repeats and sequences), and not the terminal id CRASH (personal data).
    pw_counter[0] += 1
    return "Kill-" + "".join(rng.sample("bdfhkmprtwzBDFHKMPRTWZ", 10)) + "-7!"
lin_pw = new_password()
must(["user", "add", "lin", "--role", "cashier", "--user", "admin", "--password-stdin"], f"{ADMIN}\n{TEMP}\n")
must(["user", "passwd", "--user", "lin", "--password-stdin"], f"{TEMP}\n{lin_pw}\n")
ANSWERS = ["first school", "beijing city", "fluffy cat"]
must(["recover", "setup", "--user", "lin", "--password-stdin", "--question", "1", "--question", "2", "--question", "3"],
     lin_pw + "\n" + "\n".join(ANSWERS) + "\n")

# --- the ledger of acknowledged writes ---
refs = set()             # tx references acknowledged
lin_candidates = [lin_pw]  # lin's password: exactly one of these works (the first if known)
users = {}               # name -> "present" / "absent" / "unknown"
backups = set()          # acknowledged backup files
restores = set()         # acknowledged restored vaults
seen_backup_names = set()
seen_restores = set()
seq = [0]
def nid():
    seq[0] += 1
    return seq[0]

def op_tx():
    r = f"TX-{nid()}"
    return (["tx", "add", "--user", "admin", "--password-stdin", "--amount", f"{rng.randint(1, 99999) / 100:.2f}", "--reference", r],
            ADMIN + "\n", {}, lambda: refs.add(r), None)

def op_import():
    n = nid()
    path = f"{W}/import-{n}.csv"
    rows = [f"IM{n}x{j},2026-11-30T10:{j:02d}:00Z,{j + 1}.00,CNY,sale,,IM-{n}-{j},admin,CRASH,approved" for j in range(20)]
    with open(path, "w") as f:
        f.write("id,time,amount,currency,kind,card,reference,operator,terminal,status\n" + "\n".join(rows) + "\n")
    return (["tx", "import", path, "--user", "admin", "--password-stdin"], ADMIN + "\n", {},
            lambda: refs.update(f"IM-{n}-{j}" for j in range(20)), None)

def op_passwd():
    global lin_candidates
    old, new = lin_candidates[0], new_password()
    def ack():
        global lin_candidates
        lin_candidates = [new]
    def unknown():
        global lin_candidates
        lin_candidates = [new, old]
    return (["user", "passwd", "--user", "lin", "--password-stdin"], f"{old}\n{new}\n", {}, ack, unknown)

def op_recover():
    old, new = lin_candidates[0], new_password()
    def ack():
        global lin_candidates
        lin_candidates = [new]
    def unknown():
        global lin_candidates
        lin_candidates = [new] + lin_candidates
    return (["recover", "password", "--user", "lin", "--stdin"], "\n".join(ANSWERS) + "\n" + new + "\n", {}, ack, unknown)

def op_compact():
    # An admin commit (clearing lin's failed-login count) that compacts the file afterwards.
    return (["user", "unlock", "lin", "--user", "admin", "--password-stdin"], ADMIN + "\n", {"VAULTCLI_TEST_COMPACT": "always"},
            lambda: None, None)

def op_revoke():
    managers = [u for u, s in users.items() if s == "present-manager"]
    if managers and rng.random() < 0.5:
        u = rng.choice(managers)
        if rng.random() < 0.5:
            def ack(): users[u] = "present-cashier"
            def unk(): users[u] = "unknown"
            return (["user", "role", u, "cashier", "--generate", "--user", "admin", "--password-stdin"], ADMIN + "\n", {}, ack, unk)
        def ack(): users[u] = "absent"
        def unk(): users[u] = "unknown"
        return (["user", "remove", u, "--user", "admin", "--password-stdin"], ADMIN + "\n", {}, ack, unk)
    u = f"mgr{nid()}"
    def ack(): users[u] = "present-manager"
    def unk(): users[u] = "unknown"
    return (["user", "add", u, "--role", "manager", "--user", "admin", "--password-stdin"], f"{ADMIN}\n{TEMP}\n", {}, ack, unk)

last_backup = [0.0]
def op_backup():
    # Backup names have one-second resolution: a second backup in the same second is refused
    # (never overwritten), which is right but not what this step tests.
    while int(time.time()) == int(last_backup[0]): time.sleep(0.05)
    last_backup[0] = time.time()
    before = set(os.listdir(BD))
    def ack():
        new = [n for n in set(os.listdir(BD)) - before if n.endswith(".age")]
        backups.update(BD + "/" + n for n in new)
    return (["backup", "--to", BD, "--recipient", RECIPIENT], "", {}, ack, None)

def op_restore():
    good = sorted(backups)
    if not good: return op_backup()
    src = rng.choice(good)
    target = f"{RD}/vault-{nid()}"
    return (["restore", src, "-i", W + "/key.txt"], "", {"__vault": target}, lambda: restores.add(target), None)

OPS = [(op_tx, 4), (op_import, 2), (op_passwd, 2), (op_recover, 1), (op_compact, 2), (op_revoke, 2), (op_backup, 2), (op_restore, 1)]
durations = {}   # op name -> recent durations (s)
opcounts = {}    # op name -> counted writes+fsyncs of an uninterrupted run

def scope_env(vault_target):
    # Writes count in the vault's, the stick's and the restore directory.
    return {"FAULTFS_DIR": W}

def check_after(step_killed):
    # 1. opens
    r = run(["info"])
    if r.returncode != 0: say("corrupt", f"info exits {r.returncode}: {r.stderr.decode().strip()}"); return
    # 2. verify passes, or reports a torn tail
    r = run(["verify", "--user", "admin", "--password-stdin"], ADMIN + "\n")
    if r.returncode not in (0, 2): say("corrupt", f"verify exits {r.returncode}: {r.stdout.decode()} {r.stderr.decode().strip()}")
    # 3. the canary write (the next writer: it also clears a dead writer's temp file)
    c = f"CANARY-{nid()}"
    r = run(["tx", "add", "--user", "admin", "--password-stdin", "--amount", "0.01", "--reference", c], ADMIN + "\n")
    if r.returncode != 0: say("corrupt", f"canary tx add exits {r.returncode}: {r.stderr.decode().strip()}")
    else: refs.add(c)
    left = [n for n in os.listdir(VD) if ".tmp-" in n or n.startswith(".vaultcli-tmp-")]
    if left: say("corrupt", f"temporary files left in the vault's directory: {left}")
    # 4. acknowledged records
    r = run(["tx", "list", "--user", "admin", "--password-stdin", "--json"], ADMIN + "\n")
    if r.returncode != 0: say("corrupt", f"tx list exits {r.returncode}: {r.stderr.decode().strip()}"); return
    got = {t.get("reference") for t in json.loads(r.stdout)}
    missing = refs - got
    if missing: say("lost", f"{len(missing)} acknowledged transactions missing, e.g. {sorted(missing)[:3]}")
    # 5. lin's password: the acknowledged one, or (after a kill mid-change) the old or the new
    global lin_candidates
    ok = None
    for p in lin_candidates:
        if run(["login", "--user", "lin", "--password-stdin"], p + "\n").returncode == 0: ok = p; break
    if ok is None: say("lost", f"lin's password is none of the {len(lin_candidates)} it may be")
    else: lin_candidates = [ok]
    # 6. operators
    r = run(["user", "list", "--user", "admin", "--password-stdin", "--json"], ADMIN + "\n")
    if r.returncode != 0: say("corrupt", f"user list exits {r.returncode}: {r.stderr.decode().strip()}")
    else:
        listed = {u["name"]: u.get("role") for u in json.loads(r.stdout)}
        for u, s in list(users.items()):
            if s == "unknown":
                users[u] = ("present-" + listed[u]) if u in listed else "absent"
            elif s == "absent" and u in listed: say("lost", f"removed operator {u} is back")
            elif s.startswith("present-") and listed.get(u) != s[len("present-"):]:
                say("lost", f"operator {u}: acknowledged as {s[len('present-'):]}, found {listed.get(u)}")
    # 7. backups: every file under a final name verifies
    for n in os.listdir(BD):
        p = BD + "/" + n
        if n.endswith(".age") and p not in seen_backup_names:
            r = run(["backup", "verify", p, "-i", W + "/key.txt"], vault=None)
            if r.returncode != 0: say("corrupt", f"backup {n} under its final name does not verify: {r.stderr.decode().strip()}")
            seen_backup_names.add(p)
    for p in backups:
        if not os.path.exists(p): say("lost", f"acknowledged backup {p} is gone")
    # 8. restored vaults: each one there verifies (acknowledged ones must be there)
    for n in os.listdir(RD):
        p = RD + "/" + n
        if n.startswith("vault-") and "." not in n and p not in seen_restores:
            r = run(["info"], vault=p)
            if r.returncode != 0: say("corrupt", f"restored vault {n} does not open: {r.stderr.decode().strip()}")
            seen_restores.add(p)
    for p in restores:
        if not os.path.exists(p): say("lost", f"acknowledged restore {p} is gone")

step = 0
started = time.time()
while kills < N:
    step += 1
    fn = rng.choices([f for f, _ in OPS], weights=[w for _, w in OPS])[0]
    args, stdin, extra, ack, unknown = fn()
    name = args[0] + " " + (args[1] if not args[1].startswith("/") else "")
    vault = extra.pop("__vault", VAULT)
    mode = rng.choice(["delay", "kill", "torn"])
    env = dict(BASE, **extra)
    count_file = W + "/count"
    if os.path.exists(count_file): os.unlink(count_file)
    if name not in opcounts:
        mode = "measure"   # first run of each kind: learn how many writes it does
    if mode == "measure":
        env.update(LD_PRELOAD=SHIM, FAULTFS_DIR=W, FAULTFS_COUNT=count_file)
    elif mode in ("kill", "torn"):
        env.update(LD_PRELOAD=SHIM, FAULTFS_DIR=W, FAULTFS_MODE=mode, FAULTFS_AT=str(rng.randint(1, max(1, opcounts[name]))))
    # Backups are verified and restored with the key, not the shim.
    a = [V] + args + ["--vault", vault]
    t0 = time.time()
    p = subprocess.Popen(a, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if mode == "delay":
        d = rng.uniform(0, max(0.05, sorted(durations.get(name, [0.3]))[len(durations.get(name, [0.3])) // 2]))
        try:
            out, err = p.communicate(stdin.encode(), timeout=d)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            out, err = p.communicate()
    else:
        out, err = p.communicate(stdin.encode(), timeout=300)
    rc = p.returncode
    if rc == 0:
        durations.setdefault(name, []).append(time.time() - t0)
        durations[name] = durations[name][-9:]
        if mode == "measure":
            opcounts[name] = int(open(count_file).read())
        ack()
    elif rc == -signal.SIGKILL:
        kills += 1
        if unknown: unknown()
    else:
        say("corrupt", f"{' '.join(args[:3])} ({mode}) failed with exit {rc}: {err.decode().strip()}")
    check_after(rc == -signal.SIGKILL)
    if step % 50 == 0:
        print(f"crash-campaign: {step} steps, {kills} kills, {lost} lost, {corrupt} corrupt, {time.time() - started:.0f} s", file=sys.stderr, flush=True)
print(f"crash-campaign: seed {SEED}, {step} steps, {len(refs)} acknowledged transactions, {len(backups)} backups, {len(restores)} restores, "
      f"{time.time() - started:.0f} s; write+fsync counts per operation: {opcounts}")
print(f"{kills} kills, {lost} lost, {corrupt} corrupt")
sys.exit(1 if lost or corrupt else 0)
EOF
