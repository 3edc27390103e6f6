# riposte diff --format csv (owners masked)
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/forensic-tree.sh"
change_tree
"$RIPOSTE" diff --db r.db --format csv tree | norm
echo "exit $?"
