#!/usr/bin/env bash
# Builds OUT/pathfinder_VERSION_ARCH.deb with dpkg-deb from `make install` into a staging root.
# Depends comes from dpkg-shlibdeps on the binary (the C library and ncurses: the Swift
# runtime is linked in). Runs lintian when it is installed.
# Usage: scripts/make-deb.sh VERSION OUT_DIR   (make deb calls it after building)
set -euo pipefail
version=$1; out=$2
cd "$(dirname "$0")/.."
arch=$(dpkg --print-architecture)
package=pathfinder_${version}_${arch}
root=$out/deb/$package
rm -rf "$root"; mkdir -p "$root/DEBIAN"

make --no-print-directory install DESTDIR="$root" PREFIX=/usr ZSHCOMPDIR=/usr/share/zsh/vendor-completions >/dev/null
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/pathfinder"
gzip -9n "$root/usr/share/man/man1/pathfinder.1"

doc=$root/usr/share/doc/pathfinder
install -d -m 0755 "$doc"
install -m 0644 packaging/copyright "$doc/copyright"
scripts/debian-changelog.sh "$version" | gzip -9n > "$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"
install -D -m 0644 packaging/lintian-overrides "$root/usr/share/lintian/overrides/pathfinder"

# Depends: what the binary links, as Debian names it (dpkg-shlibdeps wants a debian/control).
shlib=$(mktemp -d); trap 'rm -rf "$shlib"' EXIT
mkdir -p "$shlib/debian"
printf 'Source: pathfinder\n\nPackage: pathfinder\nArchitecture: any\n' > "$shlib/debian/control"
depends=$(cd "$shlib" && dpkg-shlibdeps -O "$OLDPWD/$root/usr/bin/pathfinder" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
case "$depends" in *libncursesw6*) ;; *) echo "make-deb: the binary does not link ncursesw ($depends)" >&2; exit 1;; esac
case "$depends" in *swift*) echo "make-deb: the binary needs Swift libraries ($depends); build with --static-swift-stdlib" >&2; exit 1;; esac

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" -e "s/@SIZE@/$size/" \
  packaging/control.in > "$root/DEBIAN/control"
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

dpkg-deb --root-owner-group -Zxz --build "$root" "$out/$package.deb" >/dev/null
echo "make-deb: $out/$package.deb (Depends: $depends)"
if command -v lintian >/dev/null 2>&1; then
  # Errors fail the build; warnings left are listed in docs/DECISIONS.md with why.
  lintian --fail-on error --info "$out/$package.deb"
fi
