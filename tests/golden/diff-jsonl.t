# riposte diff --format jsonl (owners masked)
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/forensic-tree.sh"
change_tree
"$RIPOSTE" diff --db r.db --format jsonl tree | norm
"$RIPOSTE" diff --db r.db --restored --format jsonl tree | tail -n 1
