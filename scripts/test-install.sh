#!/usr/bin/env bash
# Installs vaultcli as a user would, and checks what got installed (issue 12). Run by
# scripts/test.sh after the unit and end-to-end tests.
#   1. scripts/install.sh --prefix TMP (release build, static Swift runtime, stripped);
#   2. with the package's .build directory moved away, runs the installed binary: every command
#      that needs its compiled-in data (init, user add, genpass, check-password, backup, restore);
#   3. renders each man page with `man -l` (one per command), checks the completions with
#      `bash -n` (and zsh/fish where installed) and the units with `systemd-analyze verify`
#      where it runs;
#   4. --uninstall, and checks that exactly the installed files are gone;
#   5. scripts/package-deb.sh, then `dpkg-deb --info`/`--contents` and lintian (no errors).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
W=$(mktemp -d "${TMPDIR:-/tmp}/vaultcli-test-install.XXXXXX")
MOVED=""
cleanup() {
    if [ -n "$MOVED" ] && [ -d "$MOVED" ]; then mv "$MOVED" "$ROOT/.build"; fi
    rm -rf "$W"
}
trap cleanup EXIT
fail() { echo "test-install: FAIL: $*" >&2; exit 1; }
ok() { echo "test-install: ok: $*"; }

P=$W/prefix
mkdir -p "$P/bin" "$P/share/man/man1"
echo "not ours" > "$P/bin/other-tool"          # must survive --uninstall
(cd "$P" && find . | sort) > "$W/before.txt"

echo "== install into $P"
bash scripts/install.sh --prefix "$P"
V="$P/bin/vaultcli"
[ -x "$V" ] || fail "no $V"
if readelf -S "$V" | grep -q "\.symtab"; then fail "the installed binary is not stripped"; fi
if readelf -d "$V" | grep NEEDED | grep -qi "swift\|Foundation\|dispatch"; then
    fail "the installed binary needs the Swift runtime: $(readelf -d "$V" | grep NEEDED)"
fi
SIZE=$(stat -c %s "$V")
ok "installed binary: $SIZE bytes, stripped, needs $(readelf -d "$V" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ')"

echo "== the installed binary, with the build directory moved away"
MOVED="$ROOT/.build.moved-by-test-install-$$"
mv "$ROOT/.build" "$MOVED"
export VAULTCLI_VAULT=$W/vault XDG_STATE_HOME=$W/state XDG_RUNTIME_DIR=$W/run
mkdir -m 700 "$W/run"
cd "$W"
VERSION=$(sed -n 's/.*static let string = "\(.*\)".*/\1/p' "$ROOT/Sources/Vault/Version.swift")
[ "$("$V" --version)" = "$VERSION" ] || fail "--version is not $VERSION"
PW=$W/owner.pw; umask 077; "$V" genpass > "$PW"; umask 022
[ "$(wc -c < "$PW")" -eq 21 ] || fail "genpass did not print a 20-character password"
"$V" genpass --count 3 --json | grep -q '"entropy_bits"' || fail "genpass --json"
words=$("$V" genpass --words 6 --separator ' ')
for w in $words; do grep -qx "$w" "$ROOT/Sources/Vault/Resources/eff-long-wordlist.txt" || fail "passphrase word $w is not in the EFF list"; done
"$V" genpass --pin 6 | grep -Eq '^[0-9]{6}$' || fail "genpass --pin 6"
out=$(echo 'P@ssw0rd2026' | "$V" check-password) && fail "a common password was accepted"
echo "$out" | grep -q "commonly used password" || fail "check-password did not find the blocklisted password: $out"
rc=0; out=$(echo 'vgyhnji9' | "$V" check-password --json) || rc=$?
[ "$rc" = 13 ] || fail "check-password accepted a keyboard walk (exit $rc)"
echo "$out" | grep -q '"pattern" : "spatial"' || fail "check-password did not find the keyboard pattern"
echo 'v7#Qm2!xLp9@Rz' | "$V" check-password >/dev/null || fail "check-password refused a strong password"
if echo 'Password123!' | "$V" init --admin owner --terminal-id T-1 --password-stdin --kdf-target-ms 100 2>/dev/null; then
    fail "init accepted a blocklisted password"
fi
"$V" init --admin owner --terminal-id T-1 --password-file "$PW" --kdf-target-ms 100 >/dev/null
"$V" user add lin --role cashier --user owner --password-file "$PW" --generate >/dev/null
mkdir "$W/usb"
"$V" keygen -o "$W/key.txt" >/dev/null 2>&1
"$V" backup --to "$W/usb" --recipient "$(sed -n 's/^# public key: //p' "$W/key.txt")" >/dev/null
B=$(ls "$W"/usb/vaultcli-*.age)
"$V" restore "$B" --vault "$W/restored/vault" -i "$W/key.txt" >/dev/null
"$V" verify --vault "$W/restored/vault" --user owner --password-file "$PW" >/dev/null
"$V" info --json | grep -q '"terminal_id" : "T-1"' || fail "info --json"
ok "genpass, check-password, init, user add, keygen, backup, restore and verify ran with no build tree"
cd "$ROOT"
mv "$MOVED" "$ROOT/.build"; MOVED=""

echo "== man pages"
pages=$(ls "$P"/share/man/man1/vaultcli*.1)
n=$(echo "$pages" | wc -l)
# One page per command: the root, every subcommand and every sub-subcommand.
for cmd in vaultcli vaultcli.genpass vaultcli.backup vaultcli.backup.verify vaultcli.restore vaultcli.user.add vaultcli.tx.import vaultcli.user.totp.enable; do
    [ -f "$P/share/man/man1/$cmd.1" ] || fail "no man page $cmd.1"
done
for page in $pages; do
    err=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null) || fail "man -l $page failed"
    [ -z "$err" ] || fail "man -l $page: $err"
    MANWIDTH=80 man -l "$page" 2>/dev/null | grep -q . || fail "man -l $page rendered nothing"
done
MANWIDTH=80 man -l "$P/share/man/man1/vaultcli.genpass.1" | grep -q -- "--words" || fail "the genpass page lacks --words"
ok "$n man pages render with man -l, without warnings"

echo "== completions"
bash -n "$P/share/bash-completion/completions/vaultcli" || fail "bash -n"
bash -c "source '$P/share/bash-completion/completions/vaultcli' && complete -p vaultcli" >/dev/null || fail "the bash completion registers nothing"
if command -v zsh >/dev/null; then zsh -n "$P/share/zsh/site-functions/_vaultcli" || fail "zsh -n"; fi
if command -v fish >/dev/null; then fish --no-execute "$P/share/fish/vendor_completions.d/vaultcli.fish" || fail "fish --no-execute"; fi
grep -q "genpass" "$P/share/zsh/site-functions/_vaultcli" || fail "the zsh completion lacks genpass"
grep -q "genpass" "$P/share/fish/vendor_completions.d/vaultcli.fish" || fail "the fish completion lacks genpass"
ok "completions: bash -n$(command -v zsh >/dev/null && echo ', zsh -n')$(command -v fish >/dev/null && echo ', fish --no-execute')"

echo "== systemd units"
U=$P/lib/systemd/system
grep -q "^ExecStart=$P/bin/vaultcli backup " "$U/vaultcli-backup@.service" || fail "ExecStart does not name the installed binary"
if command -v systemd-analyze >/dev/null && systemd-analyze --version >/dev/null 2>&1; then
    mkdir "$W/units"
    # A template is verified through an instance; ExecStart must exist, so the prefix is real.
    cp "$U/vaultcli-backup@.service" "$W/units/vaultcli-backup@root.service"
    cp "$U/vaultcli-backup@.timer" "$W/units/vaultcli-backup@root.timer"
    if out=$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$W/units/vaultcli-backup@root.service" "$W/units/vaultcli-backup@root.timer" 2>&1); then
        [ -z "$out" ] || fail "systemd-analyze verify: $out"
        ok "systemd-analyze verify: no complaints"
    else
        fail "systemd-analyze verify: $out"
    fi
else
    echo "test-install: skipped: systemd-analyze does not run here"
fi

echo "== uninstall"
bash scripts/install.sh --prefix "$P" --uninstall
(cd "$P" && find . | sort) > "$W/after.txt"
diff "$W/before.txt" "$W/after.txt" || fail "--uninstall did not restore the prefix exactly"
[ "$(cat "$P/bin/other-tool")" = "not ours" ] || fail "--uninstall touched a file it did not install"
ok "--uninstall removed exactly what the install added"

echo "== Debian package"
DEB=$(SKIP_BUILD=1 bash scripts/package-deb.sh)
[ -f "$DEB" ] || fail "package-deb.sh made no .deb"
dpkg-deb --info "$DEB" > "$W/info.txt"
grep -q "^ Package: vaultcli$" "$W/info.txt" || fail "dpkg-deb --info: no Package"
grep -q "^ Version: $VERSION$" "$W/info.txt" || fail "dpkg-deb --info: Version is not $VERSION"
grep -Eq "^ Depends: .*libsodium23" "$W/info.txt" || fail "dpkg-deb --info: no Depends on libsodium23"
dpkg-deb --contents "$DEB" | awk '{ print $6 }' > "$W/contents.txt"
for f in ./usr/bin/vaultcli ./usr/share/man/man1/vaultcli.1.gz ./usr/share/man/man1/vaultcli.backup.1.gz \
         ./usr/share/bash-completion/completions/vaultcli ./usr/share/zsh/site-functions/_vaultcli \
         ./usr/share/fish/vendor_completions.d/vaultcli.fish ./usr/lib/systemd/system/vaultcli-backup@.service \
         ./usr/lib/systemd/system/vaultcli-backup@.timer ./usr/share/doc/vaultcli/copyright \
         ./usr/share/doc/vaultcli/changelog.gz ./usr/share/doc/vaultcli/README.md ./usr/share/doc/vaultcli/backup-guide.md; do
    grep -qxF "$f" "$W/contents.txt" || fail "the .deb lacks $f"
done
grep -q "License: Expat" <(dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/doc/vaultcli/copyright) || fail "copyright lacks zxcvbn's MIT licence"
grep -q "CC-BY-3.0-US" <(dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/doc/vaultcli/copyright) || fail "copyright lacks the EFF wordlist's licence"
dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/lib/systemd/system/vaultcli-backup@.service | grep -q "^ExecStart=/usr/bin/vaultcli " || fail "the packaged unit does not run /usr/bin/vaultcli"
mkdir "$W/x" && dpkg-deb -x "$DEB" "$W/x" && [ "$("$W/x/usr/bin/vaultcli" --version)" = "$VERSION" ] || fail "the packaged binary does not run"
ok "dpkg-deb --info/--contents: $(grep -c . "$W/contents.txt") entries, Depends: $(sed -n 's/^ Depends: //p' "$W/info.txt")"
if command -v lintian >/dev/null; then
    lintian --no-tag-display-limit "$DEB" > "$W/lintian.txt" 2>&1 || true
    cat "$W/lintian.txt"
    if grep -q "^E: " "$W/lintian.txt"; then fail "lintian reports errors"; fi
    ok "lintian: no errors ($(grep -c '^W: ' "$W/lintian.txt" || true) warnings)"
else
    fail "lintian is not installed (scripts/deps.sh test installs it)"
fi
echo "test-install: all passed"
