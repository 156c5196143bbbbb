#!/usr/bin/env bash
# Makes pathfinder(1): the commands' part is generated from their definitions by
# swift-argument-parser's generate-manual (the tool its `generate-manual` plugin runs; the
# plugin itself would build every product again, see docs/DECISIONS.md), then the hand-written
# part (docs/pathfinder-man-extra.mdoc: the store, keys, environment, examples) follows it.
# Usage: scripts/make-man.sh BINARY SCRATCH_PATH OUTPUT_DIR
set -euo pipefail
binary=$(realpath "$1"); scratch=$2; out=$3
cd "$(dirname "$0")/.."

parser=$scratch/checkouts/swift-argument-parser
[ -d "$parser" ] || { echo "make-man: $parser is missing; build the release binary first (make release)" >&2; exit 1; }
# The tool is small (ArgumentParser and the tool itself): a debug build is quicker and enough.
swift build --package-path "$parser" --scratch-path "$scratch/manual-tool" --product generate-manual >&2
tool=$scratch/manual-tool/debug/generate-manual

version=$(scripts/version.sh)
# The page's date is the release's date in CHANGELOG.md, so the same version makes the same page.
date=$(sed -n "s/^## $version — \([0-9-]*\).*/\1/p" CHANGELOG.md | head -1)
[ -n "$date" ] || { echo "make-man: CHANGELOG.md has no '## $version — YYYY-MM-DD' heading" >&2; exit 1; }

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$tool" "$binary" --date "$date" --section 1 --output-directory "$work"
mkdir -p "$out"
# The commands' discussions are plain text: a blank line there is a new paragraph (.Pp, as
# mdoc wants, not an empty line), and indented lines are examples, set as literal blocks.
{
  awk '
    /^$/ { if (example) { print ".Ed"; example = 0 } print ".Pp"; next }
    /^  +[^ ]/ { if (!example) { print ".Bd -literal -offset indent"; example = 1 } sub(/^ +/, ""); print; next }
    { if (example) { print ".Ed"; example = 0 } print }
    END { if (example) print ".Ed" }
  ' "$work/pathfinder.1"
  cat docs/pathfinder-man-extra.mdoc
} > "$out/pathfinder.1"
echo "make-man: $out/pathfinder.1" >&2
