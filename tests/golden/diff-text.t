# riposte diff --format text after an edit, a deletion, a new note, an encryption, a chmod
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/forensic-tree.sh"
change_tree
"$RIPOSTE" diff --db r.db --format text -j 2 tree
echo "exit $?"
"$RIPOSTE" diff --db r.db --restored --format text tree | tail -n 1
