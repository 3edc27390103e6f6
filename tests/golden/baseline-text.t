# riposte baseline (text, then an incremental re-run in jsonl) on a fixed tree
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/forensic-tree.sh"
"$RIPOSTE" baseline --db fresh.db --format text tree
echo "exit $?"
echo 'one more line' >> tree/Admin/factures.csv
rm tree/Patients/befund.txt
"$RIPOSTE" baseline --db r.db --format jsonl tree
echo "exit $?"
