# The claim with the liability section, as JSONL (amounts in minor units).
. "$TOP/tests/golden/case-lib.sh"
virus_case
"$RIPOSTE" case cost add --category it --amount 6400 2>/dev/null
"$RIPOSTE" case cost add --category liability --client "Labor Beispiel AG" --amount 8000 2>/dev/null
"$RIPOSTE" case cost add --category liability --client "Cabinet Exemple SA" --amount "3'500" 2>/dev/null
"$RIPOSTE" case cost add --category liability --client "Labor Beispiel AG" --amount 1200 --currency EUR 2>/dev/null
r case claim --format jsonl
r case cost list --format jsonl
