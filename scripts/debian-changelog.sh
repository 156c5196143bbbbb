#!/usr/bin/env bash
# Prints Debian's changelog for VERSION from CHANGELOG.md: one entry per release, each
# bullet of it as a `*` line, wrapped to 80 columns.
set -euo pipefail
cd "$(dirname "$0")/.."
maintainer=$(sed -n 's/^Maintainer: //p' packaging/control.in)
awk -v maintainer="$maintainer" '
  function flush() {
    if (version == "") return
    printf "pathfinder (%s) unstable; urgency=medium\n\n", version
    printf "%s", items
    printf "\n -- %s  %s\n\n", maintainer, when
  }
  function item(text,   line, n, i, words) {
    n = split(text, words, " "); line = "  *"
    for (i = 1; i <= n; i++) {
      if (length(line) + 1 + length(words[i]) > 78) { items = items line "\n"; line = "   " }
      line = line " " words[i]
    }
    items = items line "\n"
  }
  /^## [0-9]/ {
    flush(); version = $2; items = ""; bullet = ""
    cmd = "date -u -R -d " $4 " 2>/dev/null"; cmd | getline when; close(cmd)
    next
  }
  version == "" { next }
  /^- / { if (bullet != "") item(bullet); bullet = substr($0, 3); next }
  /^  [^ ]/ && bullet != "" { sub(/^ +/, ""); bullet = bullet " " $0; next }
  { if (bullet != "") item(bullet); bullet = "" }
  END { if (bullet != "") item(bullet); flush() }
' CHANGELOG.md | sed -e 's/`//g'
