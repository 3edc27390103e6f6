# The ranked register as JSONL: one "risk" object per line, then the summary; a raised
# risk carries its reason, source and time.
. "$TOP/tests/golden/case-lib.sh"
cp "$TOP/tests/golden/prepare/register.csv" register.csv
"$RIPOSTE" risk import register.csv 2>/dev/null
"$RIPOSTE" risk raise --vector phishing --reason "case 1: a phishing mail" --source "case 1" 2>/dev/null
r risk list --format jsonl
