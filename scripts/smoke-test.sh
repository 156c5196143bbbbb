#!/usr/bin/env bash
# Tries the installed program as a user would, from another folder, with no Swift on PATH
# and a new home folder:
#   scripts/smoke-test.sh              `make install` into a temporary DESTDIR, then `make uninstall`
#   scripts/smoke-test.sh --deb FILE   the Debian package, unpacked into a temporary root
# Needs the release binary, man page and completions built (make release man completions).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
version=$(scripts/version.sh)
work=$(mktemp -d /tmp/pathfinder-smoke.XXXXXX)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }
ok() { echo "smoke: ok: $*"; }

if [ "${1:-}" = "--deb" ]; then
  root=$work/root
  dpkg-deb -x "$2" "$root"
  prefix=$root/usr
  ok "unpacked $(basename "$2")"
else
  root=$work/destdir
  make --no-print-directory install DESTDIR="$root" PREFIX=/usr/local >/dev/null
  prefix=$root/usr/local
  ok "make install DESTDIR=$root PREFIX=/usr/local"
fi
bin=$prefix/bin/pathfinder
[ -x "$bin" ] || fail "no binary at $bin"

# A new user: an empty home, no Swift on PATH, started from a folder that is not the checkout.
# The installed files are read-only to that user, as after `sudo make install` or dpkg: run as
# root, the user is `nobody`; run as anyone else, the data is made read-only.
home=$work/home; mkdir -p "$home" "$work/elsewhere"
chmod 755 "$work"
data=$prefix/share/pathfinder
as=()
if [ "$(id -u)" = 0 ]; then
  command -v runuser >/dev/null 2>&1 || fail "runuser is needed to try the program as a user other than root"
  as=(runuser -u nobody --)
  chown nobody "$home" "$work/elsewhere"
else
  chmod -R a-w "$data"
fi
run() { (cd "$work/elsewhere" && "${as[@]}" env -i HOME="$home" PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=dumb "$@"); }

if ldd "$bin" | grep -i swift; then fail "the binary links Swift libraries"; fi
ok "links no Swift library: $(ldd "$bin" | awk '{print $1}' | tr '\n' ' ')"

out=$(run "$bin" --version 2>"$work/err") || fail "--version exited $?"
[ "$out" = "$version" ] && [ ! -s "$work/err" ] || fail "--version printed '$out' (stderr: $(cat "$work/err"))"
ok "--version prints $version on stdout"

out=$(run "$bin" list areas 2>"$work/err") || fail "list areas: $(cat "$work/err")"
grep -q "Portsmouth" <<<"$out" || fail "list areas did not list Portsmouth: $out"
grep -q "made your own copy of the sample store in $home/.local/share/pathfinder/store" "$work/err" \
  || fail "first run did not say where it made the user's store: $(cat "$work/err")"
[ -f "$home/.local/share/pathfinder/store/areas/portsmouth/area.md" ] || fail "no per-user store in $home"
out=$(run "$bin" show PO-03 2>"$work/err") || fail "show PO-03 on the user's copy: $(cat "$work/err")"
ok "first run made the user's own copy of the sample store; list areas and show PO-03 read it"

before=$(cd "$data" && find . | sort | md5sum)
run "$bin" check --store "$data/sample-areas" >"$work/out" 2>"$work/err" || fail "check on the installed sample store: $(cat "$work/out" "$work/err")"
grep -q "5 areas" "$work/err" || fail "check did not count 5 areas: $(cat "$work/err")"
[ "$(cd "$data" && find . | sort | md5sum)" = "$before" ] || fail "check wrote into the installed data folder"
ok "check passes on the installed sample store and writes nothing into it"

if out=$(run env PATHFINDER_DATA="$work/nowhere" HOME="$work/newhome" "$bin" list areas 2>&1); then fail "ran without its data: $out"; fi
grep -q "PATHFINDER_DATA is $work/nowhere" <<<"$out" || fail "missing data not explained: $out"
ok "without its data it says where it looked: $out"

man=$(ls "$prefix"/share/man/man1/pathfinder.1* 2>/dev/null | head -1)
[ -n "$man" ] || fail "no man page"
# Rendered when man is here (as a user reads it), else the page's source.
if command -v man >/dev/null 2>&1; then text=$(MANWIDTH=80 man -l "$man" 2>/dev/null | col -b); else text=$(zcat -f "$man"); fi
for heading in "pathfinder list" "THE STORE" KEYS ENVIRONMENT EXAMPLES "Crown copyright"; do
  grep -q "$heading" <<<"$text" || fail "man page lacks '$heading'"
done
ok "man page $(basename "$man"): commands, store, keys, environment, examples"

for f in share/bash-completion/completions/pathfinder share/fish/vendor_completions.d/pathfinder.fish; do
  [ -s "$prefix/$f" ] || fail "no completion $f"
done
ls "$prefix"/share/zsh/*/_pathfinder >/dev/null 2>&1 || fail "no zsh completion"
# bash, as Tab would: the script calls the program back for the area ids of the user's store.
words=$(run bash -c "source '$prefix/share/bash-completion/completions/pathfinder'
  COMP_WORDS=(pathfinder list actions --area port); COMP_CWORD=4; COMP_LINE='pathfinder list actions --area port'; COMP_POINT=\${#COMP_LINE}
  PATH='$prefix/bin':\$PATH _pathfinder pathfinder port --area; printf '%s\n' \"\${COMPREPLY[@]}\"")
[ "$words" = "portsmouth" ] || fail "bash completion of --area port gave '$words'"
ok "completions for bash, zsh and fish; bash completes --area port to portsmouth"

if [ "${1:-}" != "--deb" ]; then
  chmod -R u+w "$data"
  make --no-print-directory uninstall DESTDIR="$root" PREFIX=/usr/local >/dev/null
  left=$(find "$root" -type f)
  [ -z "$left" ] || fail "make uninstall left: $left"
  ok "make uninstall removed every file install put there"
fi
echo "smoke: all passed"
