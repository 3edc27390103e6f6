# The kit as JSONL in French, ordered by the risk register (ransomware first) and by a
# past incident (a case that raised bank-detail fraud comes before everything).
. "$TOP/tests/golden/drill-lib.sh"
cp "$TOP/tests/golden/prepare/register.csv" register.csv
"$RIPOSTE" risk import register.csv 2>/dev/null
r kit --out kit-fr --format jsonl --lang fr
"$RIPOSTE" risk raise --vector fake-invoice --reason "a supplier's IBAN changed by mail" --source "case 1" 2>/dev/null
r kit --format jsonl --out kit-fr --lang fr
ls kit-fr
