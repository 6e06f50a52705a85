#!/usr/bin/env bash
# A night of a chain's backups against a real object store (issue 18):
#
#   scripts/fleet-sim.sh N [NIGHTS]     (N >= 13 terminals, NIGHTS >= 2, default 3)
#
# 1. Starts SeaweedFS on 127.0.0.1 (scripts/fleet-server.sh) with one S3 identity per terminal,
#    write access to its own prefix only, plus head office.
# 2. Makes N small vaults, two of them big (FLEET_SIM_BIG_ROWS transactions each, default
#    400,000: about 25 MB), and enrols each (fleet enrol) with head office's recipient.
# 3. Backfills NIGHTS-1 earlier nights by writing objects directly: real backups, chained and
#    signed, staged per terminal by a debug build's test-only `fleet backfill`, then uploaded in
#    one `rclone copy` of the staged tree.
# 4. Runs tonight, 8 in parallel, with faults: T-0002..T-0006 skip the night; T-0007 and T-0008
#    (the big ones) are killed mid-upload; T-0009 writes under T-0010's prefix; T-0011 reuses
#    an existing key (a second PUT of last night's object); a forger uploads a backup of another
#    vault into T-0012's prefix, sealed to head office but not signed by T-0012.
# 5. The same night again as plain `age -r HQ | rclone rcat` of the same vault files, for the
#    wall-time ratio (anchor).
# 6. Head office: fleet list (must flag exactly the faulted terminals), prune --keep-daily 2
#    --keep-weekly 0 (exactly the expected set), verify --sample 10% (only the forged one
#    fails), and a restore of T-0001's newest backup, byte-identical.
# 7. Stops the server. Prints "fleet-sim: N passed, M failed" and figures; exit 1 on any failure.
#
# Needs: a debug build (swift build; VAULTCLI_BIN may name a release build for the runs measured:
# vaults are made with --kdf-target-ms 100, at the KDF floor, which a debug build with the test
# knob ignores), weed and rclone from scripts/deps.sh test, age, b2sum.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-50}"; NIGHTS="${2:-3}"
[ "$N" -ge 13 ] && [ "$NIGHTS" -ge 2 ] || { echo "usage: $0 N [NIGHTS]  (N >= 13, NIGHTS >= 2)" >&2; exit 64; }
BIN="${VAULTCLI_BIN:-$PWD/.build/debug/vaultcli}"
# The backfill needs a debug build's test-only `fleet backfill` (the runs measured use $BIN).
BACKFILL_BIN="${VAULTCLI_BACKFILL_BIN:-$PWD/.build/debug/vaultcli}"
TOOLS="${VAULTCLI_FLEET_TOOLS:-/usr/local/lib/vaultcli-fleet-tools}/bin"
BIG_ROWS="${FLEET_SIM_BIG_ROWS:-400000}"
PAR=8
[ -x "$BIN" ] || { echo "fleet-sim: no vaultcli at $BIN (swift build first)" >&2; exit 1; }
[ -x "$BACKFILL_BIN" ] || { echo "fleet-sim: no debug vaultcli at $BACKFILL_BIN for the backfill (swift build first)" >&2; exit 1; }

W=$(mktemp -d /tmp/vaultcli-fleet-sim-XXXXXX)
cleanup() { scripts/fleet-server.sh stop "$W/s3" >/dev/null 2>&1 || true; [ -n "${KEEP:-}" ] || rm -rf "$W"; }
trap cleanup EXIT
export VAULTCLI_INSECURE_TEST_KDF=yes-tests-only XDG_STATE_HOME="$W/state" VAULTCLI_RCLONE="$TOOLS/rclone" RCLONE_CONFIG="$W/s3/rclone.conf" HOME="$W"
R="$TOOLS/rclone"
PW='Correct-Horse-Battery-9'
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass+1)); echo "ok:   $1"; else fail=$((fail+1)); echo "FAIL: $1"; fi; }
now_s() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2-$1:.2f}')"; }
# CPU seconds (user + system) of every child this shell has waited for so far (bash's `times`):
# `cpu_mark NAME` in this shell (not in a $(...) subshell, whose children are its own), then
# `cpu_since NAME` for the CPU used since.
cpu_mark() { times > "$W/cpu.$1"; }
cpu_since() {
    times > "$W/cpu.now"
    python3 -c "import re,sys; c=lambda f: sum(float(m)*60+float(s) for m,s in re.findall(r'(\d+)m([\d.]+)s', open(f).read().splitlines()[1])); print(f'{c(sys.argv[2])-c(sys.argv[1]):.2f}')" "$W/cpu.$1" "$W/cpu.now"
}

T=(); for i in $(seq 1 "$N"); do T+=("T-$(printf %04d "$i")"); done
rem() { printf '%s' "$1" | tr 'A-Z._' 'a-z--'; }
vault() { echo "$W/v/$1"; }

echo "fleet-sim: $N terminals, $NIGHTS nights, work in $W"
scripts/fleet-server.sh start "$W/s3" "${T[@]}" >/dev/null
"$BIN" keygen -o "$W/hq.key" >/dev/null
HQ=$(sed -n 's/^# public key: //p' "$W/hq.key")
mkdir -p "$W/v" "$W/log"
printf '%s\n' "$PW" > "$W/pw"; chmod 600 "$W/pw"

# 2. Vaults: small ones, a few with some records, two big ones.
make_vault() {
    local t=$1 i=$2 v; v=$(vault "$1")
    "$BIN" init --kdf-target-ms 100 --vault "$v" --admin admin --password-file "$W/pw" --terminal-id "$t" >/dev/null
    local rows=0
    if [ "$t" = T-0007 ] || [ "$t" = T-0008 ]; then rows=$BIG_ROWS; elif [ $((i % 5)) = 0 ]; then rows=2000; fi
    if [ "$rows" -gt 0 ]; then
        python3 -c "
import sys
print('id,time,amount,currency,kind,card,reference,operator,terminal,status')
for k in range($rows): print(f'{sys.argv[1]}-{k},2026-11-01T10:00:00Z,{k%9000+1}.25,CNY,sale,622848******{k%10000:04d},r{k},admin,{sys.argv[1]},approved')
" "$t" > "$W/v/$t.csv"
        "$BIN" tx import "$W/v/$t.csv" --vault "$v" --user admin --password-file "$W/pw" >/dev/null
        rm -f "$W/v/$t.csv"
    fi
    "$BIN" fleet enrol --vault "$v" --remote "rclone:$(rem "$t"):fleet" --recipient "$HQ" --user admin --password-file "$W/pw" | tail -1 > "$W/v/$t.roster"
}
export -f make_vault vault rem; export BIN W PW HQ BIG_ROWS
t0=$(now_s)
for i in $(seq 1 "$N"); do echo "${T[$((i-1))]} $i"; done | xargs -P "$PAR" -n 2 bash -c 'set -eo pipefail; make_vault "$0" "$1"'
cat "$W"/v/*.roster > "$W/roster"
echo "vaults made and enrolled in $(elapsed "$t0" "$(now_s)") s ($(du -sh "$W/v" | cut -f1))"

# 3. Earlier nights, written directly: each terminal's history (real backups, chained and signed
#    with its own key, at 01:00 UTC of each earlier day) is staged in a local tree by the
#    test-only `fleet backfill` of a debug build, and the whole tree goes up in one rclone copy.
today=$(( $(date +%s) / 86400 * 86400 ))
times=$(for k in $(seq $((NIGHTS-1)) -1 1); do echo $(( today - k*86400 + 3600 )); done | paste -sd, -)
backfill() { "$BACKFILL_BIN" fleet backfill --vault "$(vault "$1")" --out "$W/stage" --times "$times" --remote "rclone:$(rem "$1"):fleet" >/dev/null; }
export -f backfill; export BACKFILL_BIN times
t0=$(now_s)
printf '%s\n' "${T[@]}" | xargs -P "$PAR" -n 1 bash -c 'set -eo pipefail; backfill "$0"'
t_stage=$(elapsed "$t0" "$(now_s)")
t0=$(now_s)
"$R" copy "$W/stage" hq:fleet --transfers 32 --checkers 32 --no-check-dest --s3-no-head --retries 1
staged=$(find "$W/stage" -type f | wc -l)
echo "backfilled $((NIGHTS-1)) nights: $staged objects staged in ${t_stage} s, uploaded in one rclone copy in $(elapsed "$t0" "$(now_s)") s"
rm -rf "$W/stage"

# FLEET_SIM_QUIET=FILE: the setup above is not measured; before the measured part, say so and wait
# until FILE exists, so whoever runs this can quieten the machine first (the bars are wall times).
# "fleet-sim: measured part done" is printed after the prune, the last figure measured.
if [ -n "${FLEET_SIM_QUIET:-}" ]; then
    echo "fleet-sim: setup done; waiting for $FLEET_SIM_QUIET before the measured part"
    while [ ! -e "$FLEET_SIM_QUIET" ]; do sleep 2; done
fi

# 4. Tonight.
cp "$(vault T-0001)" "$W/T-0001.tonight"
night() {
    local t=$1
    case "$t" in
    T-0002|T-0003|T-0004|T-0005|T-0006) return 0 ;;              # skip the night
    T-0007|T-0008)                                               # killed mid-upload
        # rclone is slowed to 1 MB/s for these two (RCLONE_BWLIMIT, passed through vaultcli), so
        # the kill lands while the object is being uploaded, whatever the machine's speed.
        RCLONE_BWLIMIT=1M setsid "$BIN" backup --vault "$(vault "$t")" --to "rclone:$(rem "$t"):fleet" >"$W/log/$t" 2>&1 &
        # The kill lands once rclone rcd has taken in half the vault's size of the upload
        # (/proc/PID/io), well before the end of the sealed stream.
        local pid=$! n=0 rp="" half=$(( $(stat -c %s "$(vault "$t")") / 2 ))
        until [ -n "$rp" ] && [ "$(awk '/^rchar/ {print $2}' "/proc/$rp/io" 2>/dev/null || echo 0)" -gt "$half" ] || [ $n -ge 1200 ]; do
            rp=$(pgrep -s "$pid" -f "rclone.* rcd" | head -1 || true); sleep 0.05; n=$((n+1))
        done
        kill -KILL -- "-$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        echo killed > "$W/log/$t.status" ;;
    T-0009)                                                      # under another terminal's prefix
        local x="$W/v/T-0010-impostor"
        "$BIN" init --kdf-target-ms 100 --vault "$x" --admin admin --password-file "$W/pw" --terminal-id T-0010 >/dev/null
        "$BIN" fleet enrol --vault "$x" --remote "rclone:t-0009:fleet" --recipient "$HQ" --user admin --password-file "$W/pw" >/dev/null
        set +e; "$BIN" backup --vault "$x" --to "rclone:t-0009:fleet" >"$W/log/$t" 2>&1; echo $? > "$W/log/$t.status"; set -e ;;
    T-0011)                                                      # reuses an existing key
        local old; old=$("$R" lsf "t-0011:fleet/vaultcli/v1/t/T-0011/" | grep '\.age$' | tail -1)
        set +e; echo "not a backup" | "$R" rcat --header-upload "If-None-Match: *" --retries 1 "t-0011:fleet/vaultcli/v1/t/T-0011/$old" >"$W/log/$t" 2>&1
        echo $? > "$W/log/$t.status"; set -e ;;
    *)
        "$BIN" backup --vault "$(vault "$t")" --to "rclone:$(rem "$t"):fleet" >"$W/log/$t" 2>&1; echo $? > "$W/log/$t.status" ;;
    esac
}
export -f night; export R
t0=$(now_s); cpu_mark night
printf '%s\n' "${T[@]}" | xargs -P "$PAR" -n 1 bash -c 'night "$0"' || true
t_night=$(elapsed "$t0" "$(now_s)"); cpu_since night > "$W/cpu.night.s"; c_night=$(cat "$W/cpu.night.s")
# The forger: another vault calling itself T-0012, head office's credentials, its own key.
"$BIN" init --kdf-target-ms 100 --vault "$W/v/forger" --admin admin --password-file "$W/pw" --terminal-id T-0012 >/dev/null
"$BIN" fleet enrol --vault "$W/v/forger" --remote "rclone:hq:fleet" --recipient "$HQ" --user admin --password-file "$W/pw" >/dev/null
forged=$("$BIN" backup --vault "$W/v/forger" --to "rclone:hq:fleet" --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["path"].rsplit("/",1)[1])')
echo "tonight (vaultcli, $PAR in parallel, faults included): $t_night s, ${c_night} s CPU (vaultcli and rclone)"

# 5. The anchor: the same vault files, age to head office, rclone rcat, same parallelism. It
#    writes with head office's credential under anchor/ (a terminal's may write only under its
#    own prefix: with it every anchor upload was refused, 403), and each upload must succeed.
anchor() { age -r "$HQ" < "$(vault "$1")" | "$R" rcat "hq:fleet/anchor/$1/$(date -u +%Y%m%dT%H%M%SZ).age" || { echo "anchor $1 failed" >&2; return 1; }; }
export -f anchor
t0=$(now_s); cpu_mark anchor
anchor_rc=0
printf '%s\n' "${T[@]}" | grep -v -E '^T-000[2-6]$' | xargs -P "$PAR" -n 1 bash -c 'anchor "$0"' 2>"$W/anchor.err" || anchor_rc=$?
t_anchor=$(elapsed "$t0" "$(now_s)"); cpu_since anchor > "$W/cpu.anchor.s"; c_anchor=$(cat "$W/cpu.anchor.s")
anchored=$("$R" lsf -R --files-only hq:fleet/anchor 2>/dev/null | wc -l)
"$R" purge hq:fleet/anchor >/dev/null 2>&1 || true
echo "anchor (age -r | rclone rcat, same terminals): $t_anchor s, ${c_anchor} s CPU; ratio $(python3 -c "print(f'{$t_night/$t_anchor:.2f}')") (CPU $(python3 -c "print(f'{$c_night/$c_anchor:.2f}')"))"
check "every anchor upload succeeded ($anchored of $((N-5)))" "[ $anchor_rc = 0 ] && [ $anchored = $((N-5)) ]"

# Requests of one ordinary terminal's night, counted from rclone's own HTTP dump.
RCLONE_DUMP=headers RCLONE_LOG_FILE="$W/dump.log" "$BIN" backup --vault "$(vault T-0013)" --to rclone:t-0013:fleet >/dev/null 2>&1
reqs=$(grep -c "HTTP REQUEST" "$W/dump.log" || true)
echo "requests for one terminal's night (T-0013, rclone --dump headers): $reqs"

faulted="T-0002 T-0003 T-0004 T-0005 T-0006 T-0007 T-0008 T-0009 T-0011 T-0012"
for t in "${T[@]}"; do
    case " $faulted " in *" $t "*) continue ;; esac
    [ "$t" = T-0013 ] && continue
    check "$t backed up tonight" "[ \"\$(cat $W/log/$t.status)\" = 0 ]"
done
check "T-0009 under T-0010's prefix is refused by the store (exit 9)" "[ \"\$(cat $W/log/T-0009.status)\" = 9 ] && grep -q -E 'AccessDenied|Forbidden' $W/log/T-0009"
check "T-0011's second PUT of an existing key is refused (412)" "[ \"\$(cat $W/log/T-0011.status)\" != 0 ] && grep -q -E '412|PreconditionFailed' $W/log/T-0011"

# 6. Head office.
t0=$(now_s)
set +e; "$BIN" fleet list rclone:hq:fleet --roster "$W/roster" --json > "$W/list.json"; list_rc=$?; set -e
t_list=$(elapsed "$t0" "$(now_s)")
objects=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["objects"])' "$W/list.json")
stored_before=$(python3 -c 'import json,sys; print(sum(t["bytes"] for t in json.load(open(sys.argv[1]))["terminals"]))' "$W/list.json")
echo "fleet list: $objects objects in $t_list s ($stored_before bytes in complete backups)"
# The store's own cost of the listing that `fleet list` makes (the same recursive rclone listing
# of the terminals' prefixes, after it, so the list does not profit from a warmed store): the
# list's time is the store's and ours.
t0=$(now_s)
"$R" lsjson -R --fast-list --files-only --no-mimetype --no-modtime hq:fleet/vaultcli/v1/t > "$W/raw-listing.json"
t_raw=$(elapsed "$t0" "$(now_s)")
echo "rclone's own recursive listing of the same prefix: $t_raw s"
flagged=$(python3 -c 'import json,sys; print(" ".join(sorted(t["terminal_id"] for t in json.load(open(sys.argv[1]))["terminals"] if t["needs_attention"])))' "$W/list.json")
check "fleet list exits 1" "[ $list_rc = 1 ]"
check "fleet list flags exactly the faulted terminals ($flagged)" "[ \"$flagged\" = \"$faulted\" ]"
check "the forged object is refused" "python3 -c 'import json,sys; d={t[\"terminal_id\"]:t for t in json.load(open(sys.argv[1]))[\"terminals\"]}; sys.exit(0 if [r[\"object\"] for r in d[\"T-0012\"][\"refused\"]]==[sys.argv[2].replace(\".age\",\".manifest\")] else 1)' $W/list.json $forged"
check "every unfaulted terminal has a verified backup from tonight" "python3 -c 'import json,sys,time; d=json.load(open(sys.argv[1]))[\"terminals\"]; f=set(sys.argv[2].split()); sys.exit(0 if all(t[\"newest\"] and t[\"newest\"][\"age_seconds\"] < 3600 for t in d if t[\"terminal_id\"] not in f) else 1)' $W/list.json '$faulted'"
# No partial object looks whole: every manifest under the bucket has its object and verifies
# (list counted only complete pairs); the killed ones left no manifest from tonight.
for t in T-0007 T-0008; do
    check "$t (killed) left no manifest tonight" "! \"$R\" lsf hq:fleet/vaultcli/v1/t/$t/ | grep -q \"^$(date -u +%Y%m%d)T.*manifest\$\""
done

# Prune: with one backup a night, keep the newest two nights of each terminal.
expected=$(python3 -c 'import json,sys; print(sum(2*max(0,t["count"]-2) for t in json.load(open(sys.argv[1]))["terminals"]))' "$W/list.json")
t0=$(now_s)
"$BIN" fleet prune rclone:hq:fleet --roster "$W/roster" --keep-daily 2 --keep-weekly 0 --json > "$W/prune.json"
t_prune=$(elapsed "$t0" "$(now_s)")
deleted=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["deleted"]))' "$W/prune.json")
echo "fleet prune: $deleted objects deleted in $t_prune s"
[ -z "${FLEET_SIM_QUIET:-}" ] || echo "fleet-sim: measured part done"
check "prune deleted exactly the expected $expected objects" "[ $deleted = $expected ]"
set +e; "$BIN" fleet list rclone:hq:fleet --roster "$W/roster" --json > "$W/list2.json"; set -e
check "prune kept every terminal's newest verified backup" "python3 -c 'import json,sys; a={t[\"terminal_id\"]:(t[\"newest\"] or {}).get(\"object\") for t in json.load(open(sys.argv[1]))[\"terminals\"]}; b={t[\"terminal_id\"]:(t[\"newest\"] or {}).get(\"object\") for t in json.load(open(sys.argv[2]))[\"terminals\"]}; sys.exit(0 if a==b else 1)' $W/list.json $W/list2.json"
check "prune left at most two backups a terminal" "python3 -c 'import json,sys; sys.exit(0 if all(t[\"count\"]<=2 for t in json.load(open(sys.argv[1]))[\"terminals\"]) else 1)' $W/list2.json"

# Verify a sample: only the forged backup fails.
set +e; "$BIN" fleet verify rclone:hq:fleet --roster "$W/roster" --identity "$W/hq.key" --sample 10% --json > "$W/verify.json"; verify_rc=$?; set -e
check "fleet verify --sample 10% fails only the forged backup (exit 6)" "[ $verify_rc = 6 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); bad=[r[\"object\"] for r in d[\"results\"] if not r[\"ok\"]]; sys.exit(0 if bad==[sys.argv[2]] and d[\"checked\"]>=$N-5 else 1)' $W/verify.json $forged"

# Restore T-0001's newest onto a new device: byte-identical to the vault as it stood.
newest=$(python3 -c 'import json,sys; print([t for t in json.load(open(sys.argv[1]))["terminals"] if t["terminal_id"]=="T-0001"][0]["newest"]["object"])' "$W/list2.json")
"$BIN" restore "rclone:hq:fleet/vaultcli/v1/t/T-0001/$newest" --identity "$W/hq.key" --roster "$W/roster" --vault "$W/restored" > "$W/restore.out"
# The restored file is the vault as it stood, then the restore's own audit event; the frame
# that event supersedes is erased in place (FORMAT.md A.10), so erased frames are masked.
same_vault() {
  python3 - "$1" "$2" <<'PY'
import sys
orig = open(sys.argv[1], "rb").read()
cand = bytearray(open(sys.argv[2], "rb").read())
off = 128
while off + 52 <= min(len(cand), len(orig)):
    n = int.from_bytes(cand[off:off + 4], "little")
    if n < 52 or off + n > len(cand):
        break
    if cand[off + 6] == 0xFF and off + n <= len(orig) and orig[off + 4] == cand[off + 4]:
        cand[off:off + n] = orig[off:off + n]
    off += n
sys.exit(0 if bytes(cand[:len(orig)]) == orig else 1)
PY
}
check "the restored vault is byte-identical" "same_vault $W/T-0001.tonight $W/restored"

stored=$(python3 -c 'import json,sys; print(sum(t["bytes"] for t in json.load(open(sys.argv[1]))["terminals"]))' "$W/list2.json")
echo "bytes stored after prune (complete backups): $stored"
echo "figures: night ${t_night}s (${c_night}s CPU) anchor ${t_anchor}s (${c_anchor}s CPU) list ${t_list}s (${objects} objects; rclone's listing alone ${t_raw}s) prune ${t_prune}s (${deleted} deleted) requests/terminal/night ${reqs} stored ${stored_before}B before prune, ${stored}B after; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "fleet-sim: $pass passed, $fail failed"
[ "$fail" = 0 ]
