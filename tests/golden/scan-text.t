# riposte scan --format text on a fixed tree: encrypted, partial, notes, hostile names
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/scan-tree.sh"
TZ=UTC RIPOSTE_NO_PROGRESS=1 "$RIPOSTE" scan --format text -j 2 tree
echo "exit $?"
