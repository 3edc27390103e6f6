# Every case listing as CSV (UTC times, decimal amounts, RFC 4180 quoting, formula guard).
. "$TOP/tests/golden/case-lib.sh"
swiss_case
"$RIPOSTE" case facts --high-risk yes >/dev/null
"$RIPOSTE" case ioc add --type filename '=cmd|calc,"x".exe'
"$RIPOSTE" case log 'note with, a comma and "quotes"'
r case show --format csv
r case list --format csv
r case deadlines --format csv
r case iocs --format csv
r case cost list --format csv
r case claim --format csv
