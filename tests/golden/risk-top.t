# "Secure first": the five first risks with their measure and owner, and N of them as
# JSONL; the register seeded for the French medical practice, measures in French.
. "$TOP/tests/golden/case-lib.sh"
cp "$TOP/tests/golden/prepare/register.csv" register.csv
"$RIPOSTE" risk import register.csv 2>/dev/null
r risk top
r risk top 2 --format jsonl
cp "$TOP/tests/golden/prepare/cabinet-fr.conf" cabinet-fr.conf
r risk init --config cabinet-fr.conf --db fr.db
r risk top 3 --db fr.db
