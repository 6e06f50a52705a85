#!/usr/bin/env bash
# A SeaweedFS object store on loopback for the fleet tests and scripts/fleet-sim.sh (issue 18).
#
#   scripts/fleet-server.sh start DIR TERMINAL...   start `weed mini` on 127.0.0.1 only, with
#       one S3 identity per terminal (write and read under vaultcli/v1/t/<terminal>/ only, list
#       the bucket) plus head office (everything), bucket "fleet"; write DIR/rclone.conf (0600)
#       with a remote per terminal (named as the terminal, lower case, "." and "_" as "-")
#       and "hq"; print the S3 port. Waits until the store answers (at most 90 s).
#   scripts/fleet-server.sh stop DIR                stop it (the pid in DIR/weed.pid).
#
# Tools: weed and rclone from /usr/local/lib/vaultcli-fleet-tools/bin (scripts/deps.sh test),
# or $VAULTCLI_FLEET_TOOLS/bin.
set -euo pipefail
tools="${VAULTCLI_FLEET_TOOLS:-/usr/local/lib/vaultcli-fleet-tools}/bin"
cmd="${1:-}"; dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start DIR TERMINAL... | stop DIR" >&2; exit 64; }

case "$cmd" in
start)
    shift 2
    mkdir -p "$dir/data"
    chmod 700 "$dir"
    # Identities: head office, then one per terminal, each with its own prefix.
    {
        printf '{"identities":[\n'
        printf ' {"name":"hq","credentials":[{"accessKey":"hq-access","secretKey":"%s"}],"actions":["Admin","Read","List","Tagging","Write"]}' "$(head -c 18 /dev/urandom | base64 | tr '+/' 'xy')"
        for t in "$@"; do
            printf ',\n {"name":"t-%s","credentials":[{"accessKey":"t-%s","secretKey":"%s"}],"actions":["Write:fleet/vaultcli/v1/t/%s/*","Read:fleet/vaultcli/v1/t/%s/*","List:fleet"]}' \
                "$t" "$t" "$(head -c 18 /dev/urandom | base64 | tr '+/' 'xy')" "$t" "$t"
        done
        printf '\n]}\n'
    } > "$dir/s3.json"
    chmod 600 "$dir/s3.json"
    for attempt in 1 2 3 4 5; do
        port=$(( 20000 + RANDOM % 9000 ))
        busy=0
        for p in $port $((port+1)) $((port+2)) $((port+3)) $((port+4)) $((port+10000)) $((port+10001)) $((port+10002)) $((port+10003)) $((port+10004)); do
            if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then busy=1; break; fi
        done
        [ $busy = 0 ] && break
    done
    # Everything on 127.0.0.1 (-ip and -ip.bind): weed mini listens on 0.0.0.0 otherwise.
    # The server keeps none of the caller's descriptors (a test runner waits for its own to close).
    for fd in $(ls /proc/$$/fd); do
        case "$fd" in 0|1|2|255) ;; *) eval "exec $fd>&-" 2>/dev/null || true ;; esac
    done
    mkdir -p "$dir/logs"
    setsid "$tools/weed" -logdir="$dir/logs" mini -dir="$dir/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
        -s3.port=$port -master.port=$((port+1)) -volume.port=$((port+2)) -filer.port=$((port+3)) \
        -admin.port=$((port+4)) -admin.ui=false -webdav=false -s3.port.iceberg=0 -s3.port.lance=0 \
        -s3.config="$dir/s3.json" -bucket=fleet </dev/null >"$dir/weed.log" 2>&1 &
    echo $! > "$dir/weed.pid"
    echo "$port" > "$dir/port"
    # One remote per identity, written in one pass (a python3 per terminal took minutes at 500).
    (umask 077; python3 - "$dir/s3.json" "$port" > "$dir/rclone.conf.tmp") <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for ident in d["identities"]:
    c = ident["credentials"][0]
    key = c["accessKey"]
    name = "hq" if key == "hq-access" else key[2:].lower().replace(".", "-").replace("_", "-")
    print(f"[{name}]\ntype = s3\nprovider = SeaweedFS\naccess_key_id = {key}\nsecret_access_key = {c['secretKey']}\n"
          f"endpoint = http://127.0.0.1:{sys.argv[2]}\nregion = us-east-1\nno_check_bucket = true\n")
PY
    chmod 600 "$dir/rclone.conf.tmp"
    mv "$dir/rclone.conf.tmp" "$dir/rclone.conf"
    for _ in $(seq 1 180); do
        if RCLONE_CONFIG="$dir/rclone.conf" "$tools/rclone" lsjson hq:fleet >/dev/null 2>&1; then
            echo "$port"
            exit 0
        fi
        kill -0 "$(cat "$dir/weed.pid")" 2>/dev/null || { echo "weed mini exited:" >&2; tail -20 "$dir/weed.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "SeaweedFS did not answer within 90 s:" >&2; tail -20 "$dir/weed.log" >&2
    kill -- -"$(cat "$dir/weed.pid")" 2>/dev/null || true
    exit 1
    ;;
stop)
    if [ -f "$dir/weed.pid" ]; then
        pid=$(cat "$dir/weed.pid")
        kill -TERM -- -"$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL -- -"$pid" 2>/dev/null || true
        rm -f "$dir/weed.pid"
    fi
    ;;
*) echo "usage: $0 start DIR TERMINAL... | stop DIR" >&2; exit 64 ;;
esac
