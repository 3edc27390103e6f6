# Drafts from the templates: the insurer's first-call sheet (de), the Swiss authority
# (DSV Art. 15, fr), the infected-client letter with IOCs (fr, the client's language),
# the precautionary letter (en), GDPR Art. 33 for a French site; --sent records them.
. "$TOP/tests/golden/case-lib.sh"
swiss_case
"$RIPOSTE" case ioc add --type sha256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855
"$RIPOSTE" case ioc add --type ipv4 203.0.113.7
r case notify --to insurer --lang de --sent
r case notify --to authority --lang fr
r case notify --to client --client "Cabinet Exemple SA"
r case notify --to clients --lang en
r case notify --to police --lang en -o police.txt
printf 'edited and sent\n' > sent.txt
r case notify --to police --sent --file sent.txt --sent-at 2026-11-20T09:15:00+01:00
r case notify --to authority --sent --deadline gdpr-art33
r case notify --to judge
french_site
"$RIPOSTE" case open --title "Virus sent to clients" --discovered 2026-11-19T10:00:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case facts --personal-data yes >/dev/null
r case notify --to authority --lang en
