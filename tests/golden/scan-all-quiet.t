# --all lists ok files too (csv); -q prints the summary only; -j 1 gives the same as -j 2
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/scan-tree.sh"
export TZ=UTC RIPOSTE_NO_PROGRESS=1
"$RIPOSTE" scan --format csv --all -j 1 tree/Admin
echo "exit $?"
"$RIPOSTE" scan --format text -q tree/Scans
echo "exit $?"
"$RIPOSTE" scan --format jsonl -j 1 tree > one.jsonl
"$RIPOSTE" scan --format jsonl -j 2 tree > two.jsonl
cmp one.jsonl two.jsonl && echo "same output with -j 1 and -j 2"
"$RIPOSTE" scan --format jsonl tree/Admin/journal.txt
echo "exit $?"
"$RIPOSTE" scan --format jsonl no-such-dir
echo "exit $?"
"$RIPOSTE" scan --format yaml tree
echo "exit $?"
