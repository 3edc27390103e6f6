# The claim of the reference case, then with business interruption under a waiting
# period and a sublimit, and a cost in another currency.
. "$TOP/tests/golden/case-lib.sh"
swiss_case
r case claim
"$RIPOSTE" case cost add --category interruption --hours 40 --rate 600 --note "2 days restricted" 2>/dev/null
"$RIPOSTE" case cost add --category ransom --amount 0.05 2>/dev/null
"$RIPOSTE" case cost add --category forensics --amount 1200 --currency EUR 2>/dev/null
r case claim
r case cost list
r case cost add --category it --amount 12.345
r case cost add --category it --amount 10 --hours 2 --rate 3
r case cost add --category coffee --amount 10
