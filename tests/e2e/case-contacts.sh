# "A client says we sent them a virus", the case side: correspondents recorded in the
# journal through lib/case's API (tests/unit/test-contacts record, standing in for
# `riposte mail trace --case`), one letter per organisation in its language with the
# bank-details warning and the site's phone, --sent recorded per letter (time and
# SHA-256 of the file), a later trace merged in, the clients' claims in the claim's
# liability section and in the report, and `case verify` covering all of it.
. "$TOP/tests/lib.sh"
HELPER=$(dirname "$RIPOSTE")/tests/test-contacts
[ -x "$HELPER" ] || skip "no $HELPER (make unit)"
command -v sqlite3 >/dev/null || fail "sqlite3 CLI missing (scripts/packages.d/test.txt)"
export TZ=Europe/Zurich RIPOSTE_NOW=2026-11-20T08:00:00+01:00 RIPOSTE_ACTOR=it-provider
export RIPOSTE_DB=$T/riposte.db RIPOSTE_CONF=$T/riposte.conf
unset RIPOSTE_DATA
cp "$TOP/data/examples/riposte.conf" riposte.conf
printf '\n[client]\nname = Garage du Lac SA\ncontact = bureau@garage-du-lac.example\nlanguage = fr\n' >> riposte.conf

expect_exit "open" 0 "$RIPOSTE" case open --title "Virus sent to clients" --discovered 2026-11-19T17:30:00+01:00
expect_exit "contacts recorded through the API" 0 "$HELPER" record riposte.db "$TOP/tests/golden/case-contacts.jsonl"
"$RIPOSTE" case show --format jsonl > show.jsonl
expect_grep "the case counts them" '"contacts":8}' show.jsonl
expect_exit "journal intact with the contacts" 0 "$RIPOSTE" case verify

# the letters, with their options after the operands
expect_exit "letters written" 0 "$RIPOSTE" case notify --to clients -o "$T/letters" --format jsonl
cp "$T/.out" letters.jsonl
expect_eq "one letter per organisation, one per person at bluewin.ch" 8 "$(grep -c '"kind":"letter"' letters.jsonl)"
expect_grep "summary last" '"kind":"summary","letters":8,"infected":3,"exposed":1,"precautionary":4,"sent":false' letters.jsonl
expect_eq "files in the directory" 8 "$(ls letters | wc -l)"
expect_grep "the laboratory in German" 'Sicherheitswarnung' letters/labor.example.txt
expect_grep "the cabinet in French" 'Alerte de sécurité' letters/cabinet.example.txt
expect_grep "no client, no language: the site's (de)" 'Sehr geehrte Damen und Herren' letters/smith-partners.example.txt
expect_grep "the garage (no mail) gets the precautionary letter in French" 'Information préventive' letters/garage-du-lac.example.txt
expect_grep "the file hash goes to the infected" '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' letters/labor.example.txt
expect_grep "the fraud's IBAN to the defrauded" 'FR76 3000 6000 0112 3456 7890 189' letters/cabinet.example.txt
expect_nogrep "no IBAN for the others" 'FR76' letters/labor.example.txt
expect_nogrep "a patient's letter names no other patient" 'p.huber' "letters/a.meier.test@bluewin.ch.txt"
for f in letters/*.txt; do
	if ! grep -q '+41 44 000 00 00' "$f"; then fail "$f: no bank-details warning with the site's phone"; fi
	if grep -q '\[\.\.\.' "$f"; then fail "$f: a gap left"; fi
done
ok "every letter carries the bank-details warning with the site's phone, no gap"
expect_eq "nothing recorded without --sent" 0 "$(sqlite3 riposte.db "SELECT count(*) FROM journal WHERE kind='notify'")"

# sent: one entry per letter with the hash of the file as written
expect_exit "letters sent" 0 "$RIPOSTE" case notify --to clients --sent -o "$T/letters" --sent-at 2026-11-20T10:00:00+01:00
expect_eq "one notify entry per letter" 8 "$(sqlite3 riposte.db "SELECT count(*) FROM journal WHERE kind='notify'")"
sha=$(sha256sum letters/labor.example.txt | cut -d' ' -f1)
expect_eq "the recorded hash is the letter's" 1 "$(sqlite3 riposte.db "SELECT count(*) FROM journal WHERE kind='notify' AND json_extract(data,'\$.org')='labor.example' AND json_extract(data,'\$.sha256')='$sha'")"
expect_eq "with the time it was sent" 1795165200 "$(sqlite3 riposte.db "SELECT json_extract(data,'\$.sent') FROM journal WHERE kind='notify' AND json_extract(data,'\$.org')='labor.example'")"

# a later trace: the trust company turns out infected; merged by address
cat > later.jsonl <<'JSONL'
{"kind":"contact","address":"INFO@treuhand-muster.example","class":"infected","messages":["<20261119101500.4650@praxis-muster.example>"],"first":"2026-11-19T10:15:00Z","last":"2026-11-19T10:15:00Z","iocs":["filename:Rechnung_2026-11.docm"]}
JSONL
expect_exit "a second trace recorded" 0 "$HELPER" record riposte.db later.jsonl
expect_exit "letters again" 0 "$RIPOSTE" case notify --to clients -o "$T/letters2"
expect_grep "the trust company is infected now" '^infected .*treuhand-muster.example.txt' "$T/.out"
expect_grep "its letter lists both messages" '20261117083000.2999' letters2/treuhand-muster.example.txt

# the damage at a client's
expect_exit "a client's claim" 0 "$RIPOSTE" case cost add --category liability --client "Labor Beispiel AG" --amount 8000
expect_exit "claim" 0 "$RIPOSTE" case claim --format jsonl
cp "$T/.out" claim.jsonl
expect_grep "liability per client" '{"kind":"liability","client":"Labor Beispiel AG","claimed":800000' claim.jsonl
expect_grep "liability section with its deductible and limit" '"deductible":500000,"claimable":300000,"own_share":500000,"currency":"CHF","minor_units":100,"section":"liability","limit":100000000' claim.jsonl
expect_exit "report" 0 "$RIPOSTE" case report --format md -o report.md
expect_grep "the report lists the correspondents" '## Gewarnte Korrespondenten' report.md
expect_grep "and the clients' claims" 'Haftpflicht: was Kunden von uns fordern' report.md

# verify covers the contacts: altering one is detected
expect_exit "journal intact" 0 "$RIPOSTE" case verify
sqlite3 riposte.db "DROP TRIGGER journal_no_update; UPDATE journal SET data=replace(data,'\"infected\"','\"precautionary\"') WHERE seq=2;"
expect_exit "an altered contact is detected" 1 "$RIPOSTE" case verify
done_testing
