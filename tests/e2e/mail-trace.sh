# riposte mail trace on the generated incident corpus (tests/data-gen/make-mail-corpus.py):
# every address of its MANIFEST in the right class (the six infected clients, one of
# them a Bcc known only from the Postfix log and the Microsoft 365 trace; the ten
# exposed; the correspondents and the twenty address-book entries precautionary),
# nobody else; the join by Message-ID proved by taking the logs away; the logs alone;
# hostile logs (a 10 MB line, an unterminated quote, binary junk, a truncated .gz);
# nothing read changes (atime, mtime, ctime); options after the operands.
. "$TOP/tests/lib.sh"
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import PIL' 2>/dev/null || skip "python3-pil is missing"
command -v zip >/dev/null || skip "zip is missing"
/usr/bin/python3 "$TOP/tests/data-gen/make-mail-corpus.py" c || { fail "corpus"; done_testing; }
cd c || exit 2
export RIPOSTE_CONF="$T/c/riposte.conf" TZ=UTC
# the logs as a server leaves them: written until the day after the incident
touch -d '2026-11-20 18:00:00' logs/maillog logs/messagetrace.csv
# hostile logs (made before the times are taken: reading the log here would move its atime)
python3 - <<'P'
import gzip
open("long.log", "w").write("Nov 19 14:45:31 mail postfix/smtp[1]: ABCDE12345: to=<x@y.example>, status=sent " + "x" * (10 << 20) + "\n")
open("quote.csv", "w").write('"Received","SenderAddress","RecipientAddress","Subject","Status","MessageId"\n'
    '"11/19/2026 2:45:31 PM","empfang@praxis-muster.example","q1@quote.example","s,Delivered,<q1@x>\n'
    '11/19/2026 2:45:32 PM,empfang@praxis-muster.example,q2@quote.example,s,Delivered,<q2@x>\n')
open("junk.log", "wb").write(bytes(range(256)) * 400)
# a Google-like export without a Message ID column, and one with headers of another tool
open("nomsgid.csv", "w").write("Date,Sender,Recipient,Subject,Status\n"
    "2026-11-19T14:45:31Z,empfang@praxis-muster.example,g1@google.example,s,Delivered\n")
open("other.csv", "w").write("Foo,Bar\x1b[31m,Baz\n1,2,3\n")
data = gzip.compress(open("logs/maillog", "rb").read())
open("cut.log.gz", "wb").write(data[: len(data) * 2 // 3])
P
find stores logs addressbook.vcf > paths
xargs -d '\n' touch -a -d '2026-11-01 10:00:00' < paths
snap() { xargs -d '\n' stat -c '%n %X.%x %Y %Z.%z' < paths; }
snap > before
sleep 1.1

"$RIPOSTE" mail trace stores --log logs/maillog --log logs/messagetrace.csv \
    --addressbook addressbook.vcf --ioc iocs.txt --clamav-db clamav --format jsonl > out.jsonl 2> err
expect_eq "someone must be told: exit 1" 1 $?
[ -s err ] && { fail "no warnings expected"; cat err; }
contacts() {  # the "address class" pairs of a jsonl output, sorted
	grep '"kind":"contact"' "$1" | sed 's/.*"address":"\([^"]*\)".*"class":"\([a-z]*\)".*/\1 \2/' | sort
}
grep -P '^contact\t' MANIFEST | awk -F'\t' '{ print $2, $3 }' | sort > want
contacts out.jsonl > got
expect_eq "every address in its class, nobody else" "$(cat want)" "$(cat got)"
expect_eq "six infected" 6 "$(grep -c ' infected$' got)"
expect_eq "ten exposed" 10 "$(grep -c ' exposed$' got)"
expect_eq "twenty-two precautionary" 22 "$(grep -c ' precautionary$' got)"
# the Bcc: in no store, in both logs, infected through the macro message's Message-ID
expect_grep "the Bcc is infected, from the logs only" \
    '"address":"info@physio-alpen.example","name":"","class":"infected","client":"Physio Alpen GmbH","lang":"de","messages":\["[^"]*4712[^"]*"\],.*"sources":\["log"\]' out.jsonl
expect_grep "a French client in French" '"address":"secretariat@cabinet.example",.*"client":"Cabinet Exemple SA","lang":"fr"' out.jsonl
expect_grep "an Italian client" '"address":"reception@dental-lugano.example",.*"lang":"it"' out.jsonl
expect_grep "an address-book entry keeps its name" '"address":"noah.mueller@bluewin-mail.example","name":"Noah Müller","class":"precautionary","client":null,"lang":"de","messages":\[\],"first":null' out.jsonl
expect_grep "the supplier who wrote in is a correspondent" '"address":"rechnung@medbedarf.example",.*"class":"precautionary",.*"sources":\[[^]]*"inbound"\]' out.jsonl
expect_grep "the macro message with its indicators" '"kind":"message","id":"[^"]*4712[^"]*",.*"class":"infected","seen":"store+log","recipients":2,.*"clamav:Eicar-Test-Body' out.jsonl
expect_grep "the bank-detail fraud with its IBAN" '"class":"infected",.*"iban":"LT121000011101001000"' out.jsonl
expect_grep "the summary" '{"kind":"summary","infected":6,"exposed":10,"precautionary":22,"organisations":26,' out.jsonl
expect_eq "the summary is the last line" summary "$(tail -n 1 out.jsonl | sed 's/{"kind":"\([a-z]*\)".*/\1/')"

# each log on its own finds the Bcc too; without logs it is nobody (the join is real)
for log in logs/maillog logs/messagetrace.csv; do
	"$RIPOSTE" mail trace stores --log "$log" --ioc iocs.txt --clamav-db clamav --format jsonl > one.jsonl
	expect_grep "with $log alone the Bcc is infected" '"address":"info@physio-alpen.example",.*"class":"infected"' one.jsonl
done
"$RIPOSTE" mail trace stores --ioc iocs.txt --clamav-db clamav --format jsonl > nolog.jsonl
expect_nogrep "without a log the Bcc is unknown" 'physio-alpen' nolog.jsonl
expect_eq "without a log: five infected" 5 "$(contacts nolog.jsonl | grep -c ' infected$')"
# without the IOCs and ClamAV the link and the macro match nothing: exposed, not infected
"$RIPOSTE" mail trace stores --log logs/maillog --no-clamav --format jsonl > plain.jsonl
expect_grep "no IOC: the bad link is only exposed" '"address":"sekretariat@zahnarzt-see.example",.*"class":"exposed"' plain.jsonl
expect_grep "the bank-detail fraud needs no IOC" '"address":"kasse@apotheke-mitte.example",.*"class":"infected"' plain.jsonl

# the logs alone (most small practices have no store): content unknown, so exposed
"$RIPOSTE" mail trace --log logs/messagetrace.csv --format jsonl > logonly.jsonl
expect_eq "logs alone: exit 1" 1 $?
expect_grep "logs alone: the infected are exposed at least" '"address":"auftrag@labor.example",.*"class":"exposed"' logonly.jsonl
expect_grep "logs alone: messages known only from the log" '"log_only":1[0-9],' logonly.jsonl
expect_grep "logs alone: the inbound sender" '"address":"news@fachverband.example",.*"class":"precautionary"' logonly.jsonl

# a window (the stores' Date: headers; the generated Postfix log is written in UTC while
# the site's zone is Europe/Zurich, so it is left out here) and a mailbox that sent nothing
"$RIPOSTE" mail trace stores --since 2026-11-19T15:00:00Z --until 2026-11-19T15:30:00Z --format jsonl > win.jsonl
expect_eq "window: the two messages in it" "buchhaltung@spital-nord.example infected
kasse@apotheke-mitte.example infected
sekretariat@zahnarzt-see.example exposed" "$(contacts win.jsonl)"
expect_exit "nobody to tell: exit 0" 0 "$RIPOSTE" mail trace stores --log logs/maillog --mailbox nobody@praxis-muster.example --format jsonl
expect_grep "nobody: an empty summary" '"infected":0,"exposed":0,"precautionary":0,"organisations":0' "$T/.out"

# text grouped by organisation, csv for a mail merge
"$RIPOSTE" mail trace stores --log logs/maillog --addressbook addressbook.vcf --ioc iocs.txt --clamav-db clamav --format text > out.txt
expect_grep "text: the client's name and language" '^labor.example - Labor Beispiel AG (de)$' out.txt
expect_grep "text: local time with offset" '1 message, 2026-11-19 15:52:07 +0100' out.txt
"$RIPOSTE" mail trace stores --log logs/maillog --addressbook addressbook.vcf --ioc iocs.txt --clamav-db clamav --format csv > out.csv
expect_eq "csv: the header" "address,name,class,organisation,client,lang,first,last,messages" "$(head -n 1 out.csv)"
expect_eq "csv: one row per address" 38 "$(($(wc -l < out.csv) - 1))"
expect_grep "csv: a row" '^secretariat@cabinet.example,,infected,cabinet.example,"Cabinet Exemple SA",fr,2026-11-19T14:52:07Z,2026-11-19T14:52:07Z,' out.csv

# hostile logs: each is counted, the others still read
"$RIPOSTE" mail trace stores --log long.log --log quote.csv --log junk.log --log cut.log.gz \
    --log nomsgid.csv --log other.csv --log logs/messagetrace.csv --ioc iocs.txt --clamav-db clamav --format jsonl > hostile.jsonl 2> herr
expect_eq "hostile logs: still exit 1" 1 $?
expect_grep "the long line is counted" "'long.log': 1 line skipped (0 in no known shape, 1 too long)" herr
expect_grep "junk is said" "'junk.log' is no mail log" herr
expect_grep "the truncated gzip is said" "'cut.log.gz': gzip data damaged or cut short" herr
expect_grep "the row after the unterminated quote is read" '"address":"q2@quote.example"' hostile.jsonl
expect_grep "the Bcc still from the trace" '"address":"info@physio-alpen.example",.*"class":"infected"' hostile.jsonl
expect_grep "counted in the summary" '"log_damaged":1,' hostile.jsonl
expect_grep "a CSV without a Message ID column: its header is said" \
    "'nomsgid.csv' is a CSV file whose header riposte does not read as a mail trace (\"Date,Sender,Recipient,Subject,Status\"): a Google Workspace email log export needs a date, a sender, a recipient and a Message ID column" herr
expect_grep "an unknown header: said, escaped" "'other.csv' is a CSV file whose header .*(\"Foo,Bar\\\\x1b\\[31m,Baz\")" herr
expect_grep "both counted in the summary" '"log_unknown":3,' hostile.jsonl
expect_nogrep "nothing read from them" 'g1@google.example' hostile.jsonl

# options before the verb, and errors
"$RIPOSTE" mail --format jsonl trace --log logs/maillog > before-verb.jsonl
expect_eq "options before the verb" 1 $?
expect_exit "no store and no log: exit 2" 2 "$RIPOSTE" mail trace --format jsonl
expect_exit "an unreadable log: exit 2" 2 "$RIPOSTE" mail trace stores --log /nonexistent --format jsonl
expect_exit "an unknown option: exit 2" 2 "$RIPOSTE" mail trace stores --bogus
expect_exit "a bad year: exit 2" 2 "$RIPOSTE" mail trace --log logs/maillog --year 12
printf '[site]\nname = Praxis ohne Domains\n' > "$T/nodomains.conf"
expect_exit "no affected mailbox known: exit 2" 2 "$RIPOSTE" mail trace --log logs/maillog --config "$T/nodomains.conf"
expect_grep "no affected mailbox known: said" "no affected mailbox: give --mailbox ADDR" "$T/.err"
"$RIPOSTE" mail trace --help > help.txt
expect_grep "the manual names the M365 columns" 'SenderAddress, RecipientAddress, Subject, Status' help.txt

# --case: the lists and the matched indicators into the case's journal (lib/case/contacts.h)
export RIPOSTE_DB="$T/case.db"
expect_exit "--case without an open case: exit 2" 2 "$RIPOSTE" mail trace stores --log logs/maillog --format jsonl --case
expect_grep "--case without an open case: said" "no open incident case" "$T/.err"
"$RIPOSTE" case open --title "Virus per Mail" --discovered 2026-11-20T09:00 > /dev/null 2>&1
"$RIPOSTE" mail trace stores --log logs/maillog --addressbook addressbook.vcf --ioc iocs.txt \
    --clamav-db clamav --format jsonl --case > case-out.jsonl
expect_eq "--case: exit 1" 1 $?
"$RIPOSTE" case show --format jsonl > show.jsonl
expect_eq "--case: one journal entry per address" 38 "$(grep -c '"type":"contact"' show.jsonl)"
expect_grep "--case: the Bcc recorded as infected" '"text":"contact infected: info@physio-alpen.example (Physio Alpen GmbH)"' show.jsonl
expect_grep "--case: the summary entry" '"text":"contacts from mail trace: 6 infected, 10 exposed, 22 precautionary in 26 organisations"' show.jsonl
"$RIPOSTE" case iocs --format text > iocs.out
expect_grep "--case: the matched domain became a case IOC" 'befund-portal.example' iocs.out
expect_eq "--case: the macro document's hashes too (the file and its VBA project)" 2 "$(grep -c '^sha256 ' iocs.out)"
expect_exit "--case: the journal verifies" 0 "$RIPOSTE" case verify
# and on to the letters: one per organisation, each in its language, the infected told
# what they received
"$RIPOSTE" case notify --to clients -o letters --format jsonl > letters.jsonl
expect_eq "--case: one letter per organisation traced" 26 "$(ls letters | wc -l)"
expect_grep "--case: the letters' summary" '"kind":"summary","letters":26,"infected":6,"exposed":10,"precautionary":10,"sent":false' letters.jsonl
expect_grep "--case: the Bcc'd physiotherapist is told it is infected" '"org":"physio-alpen.example","name":"Physio Alpen GmbH",.*"lang":"de","class":"infected"' letters.jsonl
expect_grep "--case: the French cabinet in French" 'Alerte de sécurité' letters/cabinet.example.txt
expect_grep "--case: with the message it received" '20261119145207.4714.mx@praxis-muster.example' letters/cabinet.example.txt
expect_grep "--case: and the hash of what was attached" '367f73114ac729f6f157709ef7c286043602986f4bef6738a52a30ef5d7d4e2f' letters/cabinet.example.txt
expect_grep "--case: Lausanne's clinic in French too" '"org":"ortho-lausanne.example",.*"lang":"fr"' letters.jsonl
# (the corpus's stand-ins for public providers are .example domains, not in
# data/case/freemail.txt, so they group as organisations here; one letter per person at
# a real provider is tested in case-contacts.sh)
unset RIPOSTE_DB

# nothing read changed
snap > after
expect_eq "no time of any store, log or address book changed" "" "$(diff before after)"
done_testing
