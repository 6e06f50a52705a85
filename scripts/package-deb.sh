#!/usr/bin/env bash
# Builds the Debian package with dpkg-deb: dist/vaultcli_<version>_<arch>.deb.
#
#   scripts/package-deb.sh            (SKIP_BUILD=1: reuse the release build and man pages
#                                      that scripts/install.sh made)
#
# The package holds what scripts/install.sh --prefix /usr installs (the binary, a man page per
# command, bash/zsh/fish completions, the backup units under /usr/lib/systemd/system, the docs),
# with man pages compressed, a changelog and a copyright file under /usr/share/doc/vaultcli
# (with the licences of the zxcvbn data (MIT), the EFF wordlist (CC-BY 3.0 US) and the Unicode
# tables). The version is VaultVersion.string in Sources/Vault/Version.swift. Depends: what
# dpkg-shlibdeps finds the binary needs: libsodium23 and libc6 (the Swift runtime is inside),
# and libssl3 (libcrypto), which the binary opens only when a one-time code needs it; libc6 at
# least 2.36 for the packed relocations.
# Needs: dpkg-deb, dpkg-shlibdeps (dpkg-dev), gzip; check the result with lintian.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
VERSION=$(sed -n 's/.*static let string = "\(.*\)".*/\1/p' Sources/Vault/Version.swift)
[ -n "$VERSION" ] || { echo "package-deb.sh: error: no version in Sources/Vault/Version.swift" >&2; exit 1; }
ARCH=$(dpkg --print-architecture)
for tool in dpkg-deb dpkg-shlibdeps gzip readelf; do
    command -v "$tool" >/dev/null || { echo "package-deb.sh: error: needs $tool (apt-get install dpkg-dev)" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vaultcli-deb.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PKG=$WORK/vaultcli
DESTDIR=$PKG bash scripts/install.sh --prefix /usr >&2
# dpkg keeps the list of files itself.
rm -f "$PKG/usr/lib/vaultcli/installed-files"
rmdir "$PKG/usr/lib/vaultcli"

DOC=$PKG/usr/share/doc/vaultcli
gzip -9n "$PKG"/usr/share/man/man1/*.1
DATE=$(date -u -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")
cat > "$WORK/changelog" <<EOF
vaultcli ($VERSION) unstable; urgency=medium

  * Release $VERSION. The changes are in the project's history.

 -- vaultcli maintainers <vaultcli@example.org>  $DATE
EOF
gzip -9n -c "$WORK/changelog" > "$DOC/changelog.gz"
chmod 0644 "$DOC/changelog.gz"
install -m 0644 packaging/debian/copyright "$DOC/copyright"

# Dependencies of the binary, as dpkg-shlibdeps reads them from its ELF headers.
mkdir -p "$WORK/shlibs/debian"
printf 'Source: vaultcli\n\nPackage: vaultcli\nArchitecture: any\n' > "$WORK/shlibs/debian/control"
DEPENDS=$(cd "$WORK/shlibs" && dpkg-shlibdeps -O "$PKG/usr/bin/vaultcli" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
case "$DEPENDS" in
    *libsodium23*) ;;
    *) echo "package-deb.sh: error: dpkg-shlibdeps did not find libsodium23 among the binary's needs ($DEPENDS)" >&2; exit 1 ;;
esac
# Packed relative relocations (DT_RELR, Package.swift) need glibc >= 2.36; the binary says so
# with a version need (GLIBC_ABI_DT_RELR) that has no symbol, so dpkg-shlibdeps misses it.
if readelf -V "$PKG/usr/bin/vaultcli" | grep GLIBC_ABI_DT_RELR >/dev/null; then  # (no -q: pipefail)
    libc=$(printf '%s\n' "$DEPENDS" | sed -n 's/.*libc6 (>= \([^)]*\)).*/\1/p')
    if [ -z "$libc" ]; then
        echo "package-deb.sh: error: dpkg-shlibdeps did not find libc6 among the binary's needs ($DEPENDS)" >&2; exit 1
    fi
    if dpkg --compare-versions "$libc" lt 2.36; then
        DEPENDS=$(printf '%s\n' "$DEPENDS" | sed "s/libc6 (>= [^)]*)/libc6 (>= 2.36)/")
    fi
fi
# Libraries the binary opens on first use (dlopen), which its ELF headers do not name:
# OpenSSL's libcrypto for HMAC-SHA-1 one-time codes (LibCrypto in Sources/Vault/Auth/TOTP.swift).
# Each is named as dpkg-shlibdeps would name it, from the shlibs file of the package holding it.
for soname in libcrypto.so.3; do
    grep -q --binary-files=text -F "$soname" "$PKG/usr/bin/vaultcli" || {
        echo "package-deb.sh: error: the binary does not mention $soname: update the dlopen list here" >&2; exit 1; }
    lib=${soname%%.so.*}; ver=${soname##*.so.}
    dep=$(awk -v l="$lib" -v v="$ver" '$1 == l && $2 == v && !done { $1 = ""; $2 = ""; sub(/^ +/, ""); print; done = 1 }' /var/lib/dpkg/info/*.shlibs 2>/dev/null || true)
    [ -n "$dep" ] || { echo "package-deb.sh: error: no installed package provides $soname (apt-get install libssl-dev)" >&2; exit 1; }
    DEPENDS="$DEPENDS, $dep"
done

mkdir -p "$PKG/DEBIAN"
(cd "$PKG" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$PKG/DEBIAN/md5sums"
cat > "$PKG/DEBIAN/control" <<EOF
Package: vaultcli
Version: $VERSION
Architecture: $ARCH
Maintainer: vaultcli maintainers <vaultcli@example.org>
Installed-Size: $(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
Depends: $DEPENDS
Section: utils
Priority: optional
Description: encrypted credential vault and backup tool for point-of-sale terminals
 vaultcli keeps a shop's operator passwords (Argon2id), its payment-service
 accounts and its transaction records in one encrypted, authenticated file,
 with roles separated by keys, a password policy, recovery codes, questions
 and an offline recovery key.
 .
 Backups are standard age files: a nightly systemd timer can write them to a
 USB stick with no password, and they open with the age tool as well.
EOF
chmod 0644 "$PKG/DEBIAN/control" "$PKG/DEBIAN/md5sums"
find "$PKG" -type d -exec chmod 0755 {} +

mkdir -p dist
OUT=dist/vaultcli_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$OUT" >&2
echo "$OUT"
