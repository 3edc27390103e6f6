#!/bin/sh
# Writes README.md from its parts, so that each command's tour is a file of its own
# (docs/tour/NAME.md, a document whose headings start at '#'): the head, the table of
# commands, the tour in the order of docs/tour/ORDER (headings two levels deeper), the
# dependencies. tests/e2e/readme.sh fails when README.md is not what this writes.
#   sh scripts/readme.sh > README.md
set -eu
cd "$(dirname "$0")/.."
cat docs/README.head.md
cat docs/README.commands.md
echo
echo '## A tour'
echo
first=1
for n in $(sed 's/#.*//' docs/tour/ORDER); do
	[ -f "docs/tour/$n.md" ] || { echo "readme: docs/tour/$n.md is missing" >&2; exit 1; }
	[ "$first" = 1 ] || echo
	first=0
	# headings two levels deeper, but not the '#' lines of code blocks
	awk '/^```/ { code = !code } !code && /^#/ { $0 = "##" $0 } { print }' "docs/tour/$n.md"
done
echo
cat docs/README.deps.md
