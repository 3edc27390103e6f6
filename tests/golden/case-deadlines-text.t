# Deadlines for the Swiss practice (insurer only; the FDPIC once high risk is set, and
# after the insurer was notified), then a French case, as text.
. "$TOP/tests/golden/case-lib.sh"
swiss_case
r case deadlines
"$RIPOSTE" case facts --high-risk yes >/dev/null
"$RIPOSTE" case notify --to insurer --lang en --sent >/dev/null 2>&1
r case deadlines
RIPOSTE_NOW=2026-11-24T08:00:00+01:00 r case deadlines
french_site
"$RIPOSTE" case open --title "Virus sent to clients" --discovered 2026-11-19T10:00:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case facts --personal-data yes --high-risk yes >/dev/null
r case deadlines
