# The damage at a client's: clients' claims against us (--category liability --client)
# in the claim's third-party section, apart from the first-party costs, each section
# with its limit and deductible; the cost list names the client.
. "$TOP/tests/golden/case-lib.sh"
virus_case
"$RIPOSTE" case cost add --category it --amount 6400 --note "IT provider: mailbox, workstations" 2>/dev/null
"$RIPOSTE" case cost add --category internal --hours 12 --rate 95 --note "calls to clients" 2>/dev/null
r case cost add --category liability --client "Labor Beispiel AG" --amount 8000 --note "two workstations cleaned"
r case cost add --category liability --client "Cabinet Exemple SA" --amount "3'500" --note "transfer to the fraudulent IBAN not recovered"
"$RIPOSTE" case cost add --category liability --client "Labor Beispiel AG" --amount 1200 --note "lost analyses" 2>/dev/null
r case claim
r case cost list
r case cost add --category liability --amount 100
r case cost add --category it --client "Labor Beispiel AG" --amount 100
printf '[insurance]\ncurrency = CHF\ndeductible = 1000\nlimit = 5000\nliability_limit = 10000\nliability_deductible = 5000\n' > tight.conf
r case claim --config tight.conf
