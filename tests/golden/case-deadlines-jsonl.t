# The same deadlines as JSONL: one deadline object per line, a summary last.
. "$TOP/tests/golden/case-lib.sh"
swiss_case
r case deadlines --format jsonl
"$RIPOSTE" case facts --high-risk yes >/dev/null
r case deadlines --format jsonl
french_site
"$RIPOSTE" case open --title "Virus sent to clients" --discovered 2026-11-19T10:00:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case facts --personal-data yes --high-risk yes >/dev/null
r case deadlines --format jsonl
r case deadlines --format xml
