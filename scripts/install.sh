#!/usr/bin/env bash
# Builds vaultcli for release and installs it, or removes what an earlier run installed.
#
#   scripts/install.sh [--prefix DIR] [--uninstall]        (default prefix: /usr/local)
#
# Installs, under DIR (and under $DESTDIR/DIR when DESTDIR is set, as packagers use it):
#   bin/vaultcli                                  one self-contained binary: release build, Swift
#                                                 runtime linked statically, stripped; its data
#                                                 (word lists, strength data) is compiled in
#   share/man/man1/vaultcli*.1                    a man page per command, vaultcli.backup.verify.1
#                                                 and so on (swift-argument-parser's
#                                                 generate-manual plugin)
#   share/bash-completion/completions/vaultcli    shell completions
#   share/zsh/site-functions/_vaultcli
#   share/fish/vendor_completions.d/vaultcli.fish
#   lib/systemd/system/vaultcli-backup@.service   the nightly backup (docs/backup-guide.md)
#   lib/systemd/system/vaultcli-backup@.timer
#   share/doc/vaultcli/                           README, guides, formats, licences
#   lib/vaultcli/installed-files                  what this run installed, for --uninstall
#
# --uninstall removes exactly the files listed in lib/vaultcli/installed-files (and the
# directories the install created, when they are empty again); nothing else.
# Needs: swift 6.3, libsodium-dev and pkg-config (installed when missing), strip (binutils).
# Env: SKIP_BUILD=1 installs the binary already built by `swift build -c release
#      --static-swift-stdlib` (and the man pages already generated) instead of building.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PREFIX=/usr/local
UNINSTALL=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: error: --prefix needs a directory" >&2; exit 64; }
                  PREFIX=$2; shift 2 ;;
        --prefix=*) PREFIX=${1#--prefix=}; shift ;;
        --uninstall) UNINSTALL=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: error: unknown argument: $1" >&2
           echo "install.sh: hint: usage: scripts/install.sh [--prefix DIR] [--uninstall]" >&2; exit 64 ;;
    esac
done
case "$PREFIX" in
    /*) ;;
    *) echo "install.sh: error: --prefix must be an absolute path (got \"$PREFIX\")" >&2; exit 64 ;;
esac
PREFIX=${PREFIX%/}
DEST=${DESTDIR:-}${PREFIX}
MANIFEST_REL=lib/vaultcli/installed-files
MANIFEST=$DEST/$MANIFEST_REL

if [ "$UNINSTALL" = 1 ]; then
    if [ ! -f "$MANIFEST" ]; then
        echo "install.sh: error: nothing to uninstall: $MANIFEST is missing" >&2
        echo "install.sh: hint: give the --prefix the install used" >&2
        exit 1
    fi
    # Files first, then directories (listed deepest first), each only if the install made it.
    # (The list names itself among the files.)
    files=$(awk '$1 == "f" { print $2 }' "$MANIFEST")
    dirs=$(awk '$1 == "d" { print $2 }' "$MANIFEST")
    for rel in $files; do
        rm -f -- "$DEST/$rel"
    done
    for rel in $dirs; do
        rmdir -- "$DEST/$rel" 2>/dev/null || true
    done
    echo "uninstalled vaultcli from $DEST"
    exit 0
fi

cd "$ROOT"
VERSION=$(sed -n 's/.*static let string = "\(.*\)".*/\1/p' Sources/Vault/Version.swift)
[ -n "$VERSION" ] || { echo "install.sh: error: no version in Sources/Vault/Version.swift" >&2; exit 1; }
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
MANDIR=$ROOT/.build/plugins/GenerateManual/outputs/vaultcli
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    bash scripts/deps.sh build
    echo "== building vaultcli $VERSION (release, static Swift runtime)" >&2
    swift build -c release --static-swift-stdlib --product vaultcli >&2
    echo "== generating the man pages (generate-manual plugin)" >&2
    rm -rf "$MANDIR"
    # The plugin builds the package's executables itself and runs each with
    # --experimental-dump-help. The debug build says the same as the release one, and asking
    # for release here would rebuild it without the static runtime over the one just built.
    swift package plugin generate-manual --configuration debug --multi-page \
        --date "$(git log -1 --format=%cs 2>/dev/null || date -u +%F)" >&2
fi
[ -x "$BIN/vaultcli" ] || { echo "install.sh: error: $BIN/vaultcli was not built" >&2; exit 1; }
ls "$MANDIR"/*.1 >/dev/null 2>&1 || { echo "install.sh: error: no man pages in $MANDIR" >&2; exit 1; }

STAGE=$(mktemp -d "${TMPDIR:-/tmp}/vaultcli-install.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
strip -o "$STAGE/vaultcli" "$BIN/vaultcli"
for sh in bash zsh fish; do
    "$STAGE/vaultcli" --generate-completion-script "$sh" > "$STAGE/completion.$sh"
done
for u in packaging/systemd/vaultcli-backup@.service packaging/systemd/vaultcli-backup@.timer; do
    # The units name /usr/local (the default prefix); point them at this prefix.
    sed "s|/usr/local/|$PREFIX/|g" "$u" > "$STAGE/$(basename "$u")"
done

# An earlier install at this prefix is replaced: its list is merged into the new one, so that
# --uninstall still removes everything.
declare -A seen=()
entries=()
record() { if [ -z "${seen[$1 $2]:-}" ]; then seen[$1 $2]=1; entries+=("$1 $2"); fi; }
if [ -f "$MANIFEST" ]; then
    while IFS= read -r line; do record "${line%% *}" "${line#* }"; done < "$MANIFEST"
fi
# mkdir -p that records the directories it creates.
makedir() {
    local rel=$1 parts="" p
    IFS=/ read -ra comps <<< "$rel"
    for p in "${comps[@]}"; do
        parts=${parts:+$parts/}$p
        if [ ! -d "$DEST/$parts" ]; then
            mkdir -m 0755 -p -- "$DEST/$parts"
            record d "$parts"
        fi
    done
}
# put MODE SOURCE RELATIVE-TARGET
put() {
    makedir "$(dirname "$3")"
    install -m "$1" -- "$2" "$DEST/$3"
    record f "$3"
}
mkdir -p -- "$DEST"
put 0755 "$STAGE/vaultcli" bin/vaultcli
mkdir "$STAGE/man"
for page in "$MANDIR"/*.1; do
    # generate-manual copies blank lines of the help text into the mdoc source, where groff
    # warns about them; a blank line there means a new paragraph (.Pp).
    sed 's/^$/.Pp/' "$page" > "$STAGE/man/$(basename "$page")"
    put 0644 "$STAGE/man/$(basename "$page")" "share/man/man1/$(basename "$page")"
done
put 0644 "$STAGE/completion.bash" share/bash-completion/completions/vaultcli
put 0644 "$STAGE/completion.zsh" share/zsh/site-functions/_vaultcli
put 0644 "$STAGE/completion.fish" share/fish/vendor_completions.d/vaultcli.fish
put 0644 "$STAGE/vaultcli-backup@.service" lib/systemd/system/vaultcli-backup@.service
put 0644 "$STAGE/vaultcli-backup@.timer" lib/systemd/system/vaultcli-backup@.timer
put 0644 README.md share/doc/vaultcli/README.md
for d in docs/*.md; do
    put 0644 "$d" "share/doc/vaultcli/$(basename "$d")"
done
put 0644 Sources/Vault/Resources/LICENSES.md share/doc/vaultcli/LICENSES.md
makedir "$(dirname "$MANIFEST_REL")"
record f "$MANIFEST_REL"
# Directories deepest first, so that --uninstall can remove them in order.
{
    printf '%s\n' "${entries[@]}" | grep '^f ' || true
    printf '%s\n' "${entries[@]}" | grep '^d ' | awk '{ print gsub("/", "/"), $0 }' | sort -rn | cut -d' ' -f2- || true
} > "$STAGE/manifest"
install -m 0644 "$STAGE/manifest" "$MANIFEST"
echo "installed vaultcli $VERSION into $DEST ($(grep -c '^f ' "$MANIFEST") files; uninstall with: scripts/install.sh --prefix $PREFIX --uninstall)"
