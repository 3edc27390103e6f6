#!/bin/sh
# The Swiss reference case end to end from the CLI: ransomware at a medical practice,
# CHF 18,000 IT + 5,000 internal + 2,000 legal; deadlines; notification; report; and
# an attacker who edits the journal in the database.
. "$TOP/tests/lib.sh"
export TZ=Europe/Zurich RIPOSTE_NOW=2026-11-20T08:00:00+01:00 RIPOSTE_DB="$T/riposte.db"
cp "$TOP/data/examples/riposte.conf" riposte.conf

expect_exit "open" 0 "$RIPOSTE" case open --title "Ransomware on the practice server" \
    --discovered 2026-11-20T06:30:00+01:00 --how "ransom note on the server"
expect_eq "open prints the id" 1 "$(cat "$T/.out")"
expect_exit "facts" 0 "$RIPOSTE" case facts --personal-data yes --health-data yes --high-risk no \
    --extortion yes --exfiltration no
"$RIPOSTE" case deadlines --format jsonl > dl1.jsonl
expect_grep "insurer deadline" '"id":"insurer"' dl1.jsonl
expect_nogrep "no FDPIC without high risk" 'ch-fadp-art24' dl1.jsonl
expect_nogrep "no GDPR for a Swiss practice" 'gdpr-art33' dl1.jsonl
expect_grep "insurer due 4 h after awareness" '"id":"insurer".*"due":"2026-11-20T09:30:00Z","status":"open"' dl1.jsonl
expect_exit "high risk" 0 "$RIPOSTE" case facts --high-risk yes
"$RIPOSTE" case deadlines --format jsonl > dl2.jsonl
expect_grep "FDPIC once high risk" '"id":"ch-fadp-art24","authority":"FDPIC' dl2.jsonl
expect_eq "every deadline line has the contract keys" 2 \
    "$(grep -c '^{"kind":"deadline","id":"[^"]*","authority":"[^"]*","due":"[0-9T:-]*Z","status":"\(open\|done\|overdue\)","basis":"' dl2.jsonl)"
expect_eq "summary last" summary "$(tail -n 1 dl2.jsonl | sed 's/.*"kind":"\([a-z]*\)".*/\1/')"

# internal hours as hours x rate: 60 h at CHF 83.34 is 5,000.40, in integer centimes
"$RIPOSTE" case cost add --category internal --hours 60 --rate 83.34 2>/dev/null
"$RIPOSTE" case cost list --format jsonl > costs.jsonl
expect_grep "hours x rate in minor units" '"category":"internal","amount":500040' costs.jsonl
# the reference figures, in a fresh case (facts as before)
rm -f riposte.db* && "$RIPOSTE" case open --title "Ransomware on the practice server" \
    --discovered 2026-11-20T06:30:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case cost add --category it --amount 18000 2>/dev/null
"$RIPOSTE" case cost add --category internal --amount 5000 --note "60 internal hours" 2>/dev/null
"$RIPOSTE" case cost add --category legal --amount 2000 2>/dev/null
"$RIPOSTE" case facts --personal-data yes --health-data yes --high-risk no >/dev/null
"$RIPOSTE" case claim --format jsonl > claim.jsonl
expect_grep "claim total 25,000, deductible 1,000, claimable 24,000" \
    '^{"kind":"claim","total":2500000,"covered":2500000,"deductible":100000,"claimable":2400000,"own_share":100000,"currency":"CHF"' claim.jsonl
"$RIPOSTE" case claim > claim.txt
expect_grep "claim text total" 'total         CHF 25,000.00' claim.txt
expect_grep "claim text claimable" 'claimable     CHF 24,000.00' claim.txt

expect_exit "notify the insurer, sent" 0 "$RIPOSTE" case notify --to insurer --lang de --sent
expect_grep "first-call sheet has the policy number" 'Policennummer: *CY-2026-004711' "$T/.out"
sha=$(sha256sum "$T/.out" | cut -c1-64)
expect_grep "the SHA-256 recorded is that of the draft" "$sha" "$T/.err"
"$RIPOSTE" case deadlines --format jsonl > dl3.jsonl
expect_grep "insurer deadline done" '"id":"insurer".*"status":"done"' dl3.jsonl

# a real scan's JSONL attaches: its SHA-256 and summary line go into the journal
mkdir tree && head -c 20000 /dev/urandom > tree/a.docx && echo hello > tree/b.txt
"$RIPOSTE" scan --format jsonl tree > scan.jsonl
expect_exit "attach the scan" 0 "$RIPOSTE" case attach --source scan scan.jsonl
expect_grep "attach records the file's SHA-256" "$(sha256sum scan.jsonl | cut -c1-64)" "$T/.err"
"$RIPOSTE" case show --format jsonl > show.jsonl
expect_grep "journal entry for the attachment" '"type":"attach"' show.jsonl
expect_exit "close refused without root cause" 1 "$RIPOSTE" case close
expect_grep "says why" 'no root cause recorded' "$T/.err"
expect_exit "report html" 0 "$RIPOSTE" case report --format html -o report.html
expect_grep "html title (the site's language: de)" '<h1>Vorfallbericht: Ransomware on the practice server</h1>' report.html
expect_grep "html lang" '<html lang="de">' report.html
expect_grep "html total (the apostrophe as an entity)" 'CHF 25&#39;000.00' report.html
expect_grep "html scope has the scan's summary" 'scan (scan.jsonl, SHA-256 [0-9a-f]*): files 2, encrypted 1' report.html
expect_nogrep "html is self-contained (no external resources)" '<link\|<script\|src=' report.html
expect_exit "close refused without the way in" 1 "$RIPOSTE" case close --root-cause "RDP exposed with a weak password"
expect_grep "says why" 'no way in recorded' "$T/.err"
expect_exit "the way in" 0 "$RIPOSTE" case entry --vector exposed-service "RDP forwarded from the internet"
expect_exit "close with root cause" 0 "$RIPOSTE" case close --root-cause "RDP exposed with a weak password"
expect_exit "verify intact" 0 "$RIPOSTE" case verify --case 1
expect_grep "intact" 'journal intact' "$T/.out"

# an attacker edits one journal entry: drop the trigger first, then change the text
command -v sqlite3 >/dev/null || fail "sqlite3 CLI missing (scripts/packages.d/test.txt)"
sqlite3 riposte.db "DROP TRIGGER journal_no_update; UPDATE journal SET text='cost it: CHF 1.00' WHERE seq=2;"
expect_exit "verify detects the altered entry" 1 "$RIPOSTE" case verify --case 1
expect_grep "names the entry" 'entry 2' "$T/.out"
expect_exit "a report of an altered case is still written" 0 "$RIPOSTE" case report --case 1 --format md -o altered.md
expect_grep "and warns" 'does not verify' "$T/.err"
expect_grep "the report says so" 'WARNUNG: Das Journal dieses Falls lässt sich nicht verifizieren: Eintrag 2' altered.md
expect_exit "and in English" 0 "$RIPOSTE" case report --case 1 --format md -o altered-en.md --lang en
expect_grep "the English report says so" 'WARNING: the journal of this case does not verify: entry 2' altered-en.md
# removing the last entry is detected too (the head is recorded in the case)
rm -f riposte.db* && "$RIPOSTE" case open --title t --discovered 2026-11-20T06:30:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case log one && "$RIPOSTE" case log two
sqlite3 riposte.db "DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE seq=3;"
expect_exit "verify detects a removed last entry" 1 "$RIPOSTE" case verify
# and the database itself refuses edits while the trigger is there
rm -f riposte.db* && "$RIPOSTE" case open --title t --discovered 2026-11-20T06:30:00+01:00 >/dev/null 2>&1
if sqlite3 riposte.db "UPDATE journal SET text='x' WHERE seq=1;" 2>/dev/null; then
	fail "the journal trigger let an update through"
else
	ok "the journal refuses updates"
fi
done_testing
