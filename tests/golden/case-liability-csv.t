# The claim with the liability section, as CSV (a formula guard on a client's name).
. "$TOP/tests/golden/case-lib.sh"
virus_case
"$RIPOSTE" case cost add --category it --amount 6400 2>/dev/null
"$RIPOSTE" case cost add --category liability --client "Labor Beispiel AG" --amount 8000 2>/dev/null
"$RIPOSTE" case cost add --category liability --client "=HYPERLINK(\"x\")" --amount 10 2>/dev/null
r case claim --format csv
r case cost list --format csv
