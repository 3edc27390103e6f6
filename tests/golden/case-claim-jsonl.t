# The claim as JSONL (amounts in minor units) and the cost ledger as JSONL.
. "$TOP/tests/golden/case-lib.sh"
swiss_case
r case claim --format jsonl
"$RIPOSTE" case cost add --category interruption --hours 40 --rate 600 2>/dev/null
r case claim --format jsonl
r case cost list --format jsonl
