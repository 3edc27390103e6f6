# riposte mail on an Outlook .pst written by tests/data-gen/make-pst.py: a Sent Items
# with the macro document carrying EICAR to two clients (To and Cc, only in the
# recipient table, as Outlook keeps sent mail), an ordinary message with a real PDF
# (subject in Greek, a body large enough for an XBLOCK), "new bank details" with a
# foreign IBAN, and the macro document again to a client named only in the transport
# headers' Bcc; an Inbox with one message received by SMTP. mail scan: the right
# verdicts, the store path and folder, the attachments' SHA-256 equal to the bytes put
# in, the subjects' UTF-8; mail trace: every address in its class; the same bytes
# named .ost, and inside a tree next to a Maildir under a name that says nothing
# (found by content); the PST's times and content unchanged; a damaged PST on which
# libpst crashes is unparsable and the scan goes on; options after operands; the same
# in the ANSI and the Outlook 2013 OST layouts; an ANSI PST's 8-bit strings in
# windows-1252 and windows-1251 read as UTF-8.
. "$TOP/tests/lib.sh"
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import PIL' 2>/dev/null || skip "python3-pil is missing"
command -v zip >/dev/null || skip "zip is missing"
/usr/bin/python3 "$TOP/tests/data-gen/make-mail-corpus.py" c >/dev/null || { fail "corpus"; done_testing; }
export RIPOSTE_CONF="$T/c/riposte.conf" TZ=UTC
mkdir d t tree tree/outlook
/usr/bin/python3 - <<'PY' || { fail "description"; done_testing; }
import email, email.policy, hashlib, json, os
# the attachments as the corpus made them: the macro document and a real PDF
found = {}
for p in sorted(os.path.join(r, f) for r, _, fs in os.walk("c/stores") for f in fs):
    if p.endswith(".mbox"):
        continue
    m = email.message_from_binary_file(open(p, "rb"), policy=email.policy.default)
    for part in m.iter_attachments():
        n = part.get_filename() or ""
        if n == "Rechnung_2026-114.docm" or (n.startswith("Laborbefund_") and n.endswith(".pdf")):
            found.setdefault(n.split("_")[0], (n, part.get_content()))
docm, pdf = found["Rechnung"], found["Laborbefund"]
for n, b in (docm, pdf):
    open("d/" + n, "wb").write(b)
    open("d/" + n + ".sha256", "w").write(hashlib.sha256(b).hexdigest())
ME = ["Praxis Dr. med. Muster", "empfang@praxis-muster.example"]
DOCM = "application/vnd.ms-word.document.macroEnabled.12"
hdr = ("Received: from owa.praxis-muster.example (owa [10.0.0.5])\r\n\tby mail.praxis-muster.example; Thu, 19 Nov 2026 16:02:11 +0000\r\n"
       "From: Praxis Dr. med. Muster <empfang@praxis-muster.example>\r\n"
       "To: Physio Alpen <info@physio-alpen.example>\r\n"
       "Bcc: sekretariat@zahnarzt-see.example\r\n"
       "Subject: Rechnung 2026-115\r\nDate: Thu, 19 Nov 2026 16:02:11 +0000\r\n"
       "Message-ID: <pst-4@praxis-muster.example>\r\nMIME-Version: 1.0\r\n")
inhdr = ("Received: from mx.lieferant.example (mx.lieferant.example [192.0.2.7])\r\n\tby mail.praxis-muster.example; Wed, 18 Nov 2026 08:15:00 +0000\r\n"
         "From: Lieferant AG <bestellung@lieferant.example>\r\nTo: empfang@praxis-muster.example\r\n"
         "Subject: Bestellung 4711\r\nDate: Wed, 18 Nov 2026 08:15:00 +0000\r\n"
         "Message-ID: <in-1@lieferant.example>\r\n")
desc = {"store": "Praxis", "folders": [
  {"name": "Inbox", "messages": [
    {"from": ["Lieferant AG", "bestellung@lieferant.example"], "to": [["", ME[1]]],
     "subject": "Bestellung 4711", "date": "2026-11-18T08:15:00Z",
     "message_id": "<in-1@lieferant.example>", "headers": inhdr,
     "body": "Guten Tag\r\n\r\nDie Bestellung 4711 ist unterwegs.\r\n"}]},
  {"name": "Sent Items", "messages": [
    {"from": ME, "to": [["Labor Beispiel AG", "auftrag@labor.example"]],
     "cc": [["Cabinet Exemple SA", "secretariat@cabinet.example"]],
     "subject": "Rechnung 2026-114 – bitte prüfen, Grüße", "date": "2026-11-19T14:45:31Z",
     "message_id": "<pst-1@praxis-muster.example>",
     "body": "Guten Tag\r\n\r\nIm Anhang die Rechnung 2026-114. Bitte Bearbeitung aktivieren.\r\n",
     "attachments": [{"name": docm[0], "mime": DOCM, "path": docm[0]}]},
    {"from": ME, "to": [["Dr. Ελένη Παπαδοπούλου", "eleni@iatreio.example"]],
     "subject": "Εργαστηριακά αποτελέσματα – Laborbefund", "date": "2026-11-19T15:10:00Z",
     "message_id": "<pst-2@praxis-muster.example>",
     "body": "Sehr geehrte Frau Dr. Papadopoulou, anbei der Befund. ", "body_repeat": 400,
     "attachments": [{"name": pdf[0], "mime": "application/pdf", "path": pdf[0]}]},
    {"from": ME, "to": [["Buchhaltung Spital Nord", "buchhaltung@spital-nord.example"]],
     "subject": "Neue Bankverbindung ab sofort", "date": "2026-11-19T15:20:10Z",
     "message_id": "<pst-3@praxis-muster.example>",
     "body": "Sehr geehrte Damen und Herren\r\n\r\nBitte beachten Sie unsere neue Bankverbindung ab sofort:\r\n"
             "IBAN: LT12 1000 0111 0100 1000\r\nBIC: REVOLT21\r\n\r\nBitte überweisen Sie offene Rechnungen nur noch auf dieses Konto.\r\n"},
    {"from": ME, "to": [["Physio Alpen", "info@physio-alpen.example"]],
     "subject": "Rechnung 2026-115", "date": "2026-11-19T16:02:11Z",
     "message_id": "<pst-4@praxis-muster.example>", "headers": hdr,
     "body": "Guten Tag\r\n\r\nIm Anhang die Rechnung 2026-115.\r\n",
     "attachments": [{"name": docm[0], "mime": DOCM, "path": docm[0]}]}]}]}
json.dump(desc, open("d/desc.json", "w"), ensure_ascii=False, indent=1)
PY
/usr/bin/python3 "$TOP/tests/data-gen/make-pst.py" d/desc.json t/x.pst || { fail "make-pst"; done_testing; }
/usr/bin/python3 "$TOP/tests/data-gen/make-pst.py" d/desc.json d/again.pst
cmp -s t/x.pst d/again.pst && ok "make-pst.py is deterministic" || fail "two runs, two PSTs"
cp t/x.pst t/x.ost
cp t/x.pst tree/outlook/archive-2026.bak
cp -r c/stores/maildir tree/Maildir
sha256sum t/x.pst > sum
find t tree -type f > paths
xargs -d '\n' touch -a -d '2026-11-01 10:00:00' < paths
snap() { xargs -d '\n' stat -c '%n %X.%x %Y %Z.%z' < paths; }
snap > before
sleep 1.1
docm=$(cat d/Rechnung_2026-114.docm.sha256)
pdf=$(cat d/Laborbefund_*.pdf.sha256)

"$RIPOSTE" mail scan t/x.pst --clamav-db c/clamav --format jsonl > out.jsonl 2> err
expect_eq "found: exit 1" 1 $?
[ -s err ] && { fail "nothing on stderr"; head -n 5 err; }
grep '"id":"pst-1@' out.jsonl > m1
expect_grep "the macro document is malicious" '"verdict":"malicious"' m1
expect_grep "ClamAV found EICAR in it" 'clamav:Eicar-Test-Body' m1
expect_grep "the VBA project is named" 'docm!word/vbaProject.bin' m1
expect_grep "the store path and the folder" '"store":"t/x.pst".*"store_kind":"pst","folder":"Sent Items"' m1
expect_grep "its SHA-256 is the bytes put in" "\"name\":\"Rechnung_2026-114.docm\",\"sha256\":\"$docm\"" m1
expect_grep "To from the recipient table (no transport headers)" '"to":\["auftrag@labor.example"\]' m1
expect_grep "Cc from the recipient table" '"cc":\["secretariat@cabinet.example"\]' m1
expect_grep "From from the sender properties" '"from":"empfang@praxis-muster.example"' m1
expect_grep "the UTF-8 subject with accents" '"subject":"Rechnung 2026-114 – bitte prüfen, Grüße"' m1
expect_grep "the date (PR_CLIENT_SUBMIT_TIME)" '"date":"2026-11-19T14:45:31Z"' m1
grep '"id":"pst-4@' out.jsonl > m4
expect_grep "the Bcc of the transport headers" '"bcc":\["sekretariat@zahnarzt-see.example"\]' m4
expect_grep "that one malicious too" '"verdict":"malicious"' m4
expect_grep "the bank-detail fraud" '"kind":"bec".*"id":"pst-3@praxis-muster.example"' out.jsonl
expect_grep "its foreign IBAN" '"iban":"LT121000011101001000"' out.jsonl
expect_nogrep "the PDF message is not listed" '"id":"pst-2@' out.jsonl
expect_grep "the summary" '"kind":"summary","messages":5,"malicious":2,.*"bec":1,.*"unparsable":0' out.jsonl

"$RIPOSTE" mail scan t/x.pst --no-clamav --all --format jsonl > all.jsonl 2>/dev/null
expect_eq "--all: the five messages" 5 "$(grep -c '"kind":"message"' all.jsonl)"
grep '"id":"pst-2@' all.jsonl > m2
expect_grep "the PDF message is clean" '"verdict":"clean"' m2
expect_grep "the PDF's SHA-256 is the bytes put in" "\"name\":\"Laborbefund_[0-9]*.pdf\",\"sha256\":\"$pdf\"" m2
expect_grep "it is typed from its content" '"type":"application/pdf"' m2
expect_grep "the Greek subject" '"subject":"Εργαστηριακά αποτελέσματα – Laborbefund"' m2
expect_grep "the Greek recipient's address" '"to":\["eleni@iatreio.example"\]' m2
expect_grep "the Inbox message, from its transport headers" '"id":"in-1@lieferant.example","date":"2026-11-18T08:15:00Z","from":"bestellung@lieferant.example".*"folder":"Inbox"' all.jsonl

"$RIPOSTE" mail scan t/x.ost --no-clamav --all --format jsonl > ost.jsonl 2>/dev/null
sed 's/"store":"[^"]*"//' all.jsonl > a1; sed 's/"store":"[^"]*"//' ost.jsonl > a2
expect_eq "the .ost name: the same messages" "$(cat a1)" "$(cat a2)"
expect_grep "the .ost is read as a PST" '"store":"t/x.ost".*"store_kind":"pst"' ost.jsonl

"$RIPOSTE" mail scan tree --no-clamav --all --format jsonl > tree.jsonl 2>/dev/null
expect_eq "in a tree, found by content: its five messages" 5 \
    "$(grep -c '"store":"tree/outlook/archive-2026.bak".*"store_kind":"pst"' tree.jsonl)"
expect_grep "and the Maildir beside it" '"store_kind":"maildir"' tree.jsonl

"$RIPOSTE" mail trace t/x.pst --clamav-db c/clamav --format jsonl > trace.jsonl 2> terr
expect_eq "trace: exit 1" 1 $?
[ -s terr ] && { fail "trace: nothing on stderr"; head -n 5 terr; }
cls() { grep "\"address\":\"$1\"" trace.jsonl | sed 's/.*"class":"\([a-z]*\)".*/\1/'; }
for a in auftrag@labor.example secretariat@cabinet.example buchhaltung@spital-nord.example \
    info@physio-alpen.example sekretariat@zahnarzt-see.example; do
	expect_eq "trace: $a infected" infected "$(cls "$a")"
done
expect_eq "trace: eleni@iatreio.example exposed (a PDF)" exposed "$(cls eleni@iatreio.example)"
expect_eq "trace: bestellung@lieferant.example precautionary" precautionary "$(cls bestellung@lieferant.example)"
expect_eq "trace: nobody else" 7 "$(grep -c '"kind":"contact"' trace.jsonl)"

snap > after
if cmp -s before after; then ok "no atime, mtime or ctime changed"; else
	fail "timestamps changed"; diff before after | head -n 10; fi
sha256sum -c --quiet sum && ok "the PST's content unchanged" || fail "the PST changed"

# a damaged PST: one message's PR_MESSAGE_FLAGS (Int32) turned into a binary whose
# subnode is missing, which makes libpst copy an integer from a null pointer. The
# walk's first pass, in a child, dies; the file is unparsable, the scan goes on.
mkdir dmg
cp t/x.pst dmg/good.pst
/usr/bin/python3 - <<'PY'
b = bytearray(open("t/x.pst", "rb").read())
i = b.find(b"\x07\x0e\x03\x00")
assert i > 0
b[i + 2:i + 8] = b"\x02\x01\xff\xff\x00\x00"
open("dmg/damaged.pst", "wb").write(b)
PY
# under ASan, its SEGV handler would report the child's crash on stderr: off here, the
# child dies of the signal as in a normal build
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0" \
    "$RIPOSTE" mail scan dmg --no-clamav --all --format jsonl > dmg.jsonl 2> dmgerr
expect_eq "a damaged PST beside a good one: the scan ends normally (exit 1: found)" 1 $?
expect_grep "the damaged PST is unparsable, with the reason" '"kind":"unparsable","store":"dmg/damaged.pst".*libpst failed on this file' dmg.jsonl
expect_eq "the good one's five messages" 5 "$(grep -c '"kind":"message","store":"dmg/good.pst"' dmg.jsonl)"
[ -s dmgerr ] && { fail "damaged PST: nothing on stderr"; head -n 5 dmgerr; }
ls core* 2>/dev/null && fail "a core file was left" || ok "no core file left"

# a message to 120 people: its recipient table on several heap blocks, rows in a subnode
/usr/bin/python3 - <<'PY'
import json
to = [["Empfänger %d" % k, "r%d@verteiler.example" % k] for k in range(120)]
json.dump({"folders": [{"name": "Sent Items", "messages": [
    {"from": ["Praxis", "empfang@praxis-muster.example"], "to": to, "cc": [["Kopie", "cc@verteiler.example"]],
     "subject": "Rundschreiben", "date": "2026-11-19T17:00:00Z", "message_id": "<many@praxis-muster.example>",
     "body": "Guten Tag\r\n"}]}]}, open("d/many.json", "w"), ensure_ascii=False)
PY
/usr/bin/python3 "$TOP/tests/data-gen/make-pst.py" d/many.json d/many.pst
"$RIPOSTE" mail scan d/many.pst --no-clamav --all --format jsonl > many.jsonl 2>/dev/null
want=$(seq 0 119 | sed 's/.*/"r&@verteiler.example"/' | paste -sd, -)
expect_grep "120 recipients from a table on several blocks" "\"to\":\[$want\]" many.jsonl
expect_grep "and its Cc" '"cc":\["cc@verteiler.example"\]' many.jsonl

# The same messages in the two other layouts make-pst.py writes: the ANSI PST of
# Outlook 97-2002 (32-bit BIDs and offsets, 12-byte trailers) and the OST of Outlook
# 2013 and later (4 KiB pages, some blocks zlib-compressed, HIDs whose block index
# starts at bit 19). Each gives the same verdicts, addresses (the recipient table,
# read by pst.c), attachments' SHA-256 and types, and trace classes, as the Unicode PST.
# libpst 0.6.76 leaks the compressed copy of every block it inflates (its
# pst_read_block_size frees it on failure only); lib/mail/pst.c frees it (the Makefile
# links libpst.a with that call renamed): the ost2013 runs, whose blocks are partly
# compressed, pass LeakSanitizer in the sanitizer pass without any suppression.
unstore() { sed 's/"store":"[^"]*"//' "$1"; }
mkdir L
for layout in ansi ost2013; do
	/usr/bin/python3 "$TOP/tests/data-gen/make-pst.py" --layout "$layout" d/desc.json L/$layout.pst ||
	    { fail "$layout: make-pst"; continue; }
	/usr/bin/python3 "$TOP/tests/data-gen/make-pst.py" --layout "$layout" d/many.json L/many-$layout.pst
	"$RIPOSTE" mail scan L/$layout.pst --clamav-db c/clamav --format jsonl > L/out-$layout.jsonl 2> L/err
	expect_eq "$layout: found: exit 1" 1 $?
	[ -s L/err ] && { fail "$layout: nothing on stderr"; head -n 5 L/err; }
	expect_grep "$layout: To from the recipient table" '"id":"pst-1@.*"to":\["auftrag@labor.example"\].*"cc":\["secretariat@cabinet.example"\]' L/out-$layout.jsonl
	expect_eq "$layout: scan: the verdicts, addresses and SHA-256 of the Unicode PST" \
	    "$(unstore out.jsonl)" "$(unstore L/out-$layout.jsonl)"
	"$RIPOSTE" mail scan L/$layout.pst --no-clamav --all --format jsonl > L/all-$layout.jsonl 2>/dev/null
	expect_grep "$layout: the Greek recipient's address" '"id":"pst-2@.*"to":\["eleni@iatreio.example"\]' L/all-$layout.jsonl
	expect_eq "$layout: scan --all: every message and attachment as in the Unicode PST" \
	    "$(unstore all.jsonl)" "$(unstore L/all-$layout.jsonl)"
	"$RIPOSTE" mail trace L/$layout.pst --clamav-db c/clamav --format jsonl > L/trace-$layout.jsonl 2>/dev/null
	expect_eq "$layout: trace: exit 1" 1 $?
	expect_eq "$layout: trace: the classes of the Unicode PST" \
	    "$(unstore trace.jsonl)" "$(unstore L/trace-$layout.jsonl)"
	"$RIPOSTE" mail scan L/many-$layout.pst --no-clamav --all --format jsonl > L/many-$layout.jsonl 2>/dev/null
	expect_grep "$layout: 120 recipients from a table on several heap blocks" "\"to\":\[$want\]" L/many-$layout.jsonl
done

# An ANSI PST as Outlook 97-2002 writes it (make-pst.py --string8): every string a
# PT_STRING8 in the message's code page (PR_MESSAGE_CODEPAGE), windows-1252 for German
# and French, windows-1251 for Russian (PR_INTERNET_CPID KOI8-R there, as for mail
# that came in so: the strings' code page is PR_MESSAGE_CODEPAGE's). Subject, folder
# (no code page: windows-1252), attachment name, the recipients' names of the
# recipient table (read by pst.c) and the body (the bank-detail wording with its
# Umlaut, and a URL) come out as UTF-8.
/usr/bin/python3 - <<'PY' || fail "string8: description"
import json
ME = ["Praxis Dr. Müller – Empfang", "empfang@praxis-muster.example"]
json.dump({"store": "Praxis", "folders": [{"name": "Gesendete Elemente – € ß", "messages": [
  {"from": ME, "to": [["Müller & Söhne GmbH", "buchhaltung@mueller-soehne.example"]],
   "subject": "Änderung unserer Bankverbindung – Grüße, 1 250 €", "date": "2026-11-20T09:12:00Z",
   "message_id": "<cp1252-1@praxis-muster.example>", "codepage": 1252,
   "body": "Sehr geehrte Damen und Herren,\r\nÄnderung unserer Bankverbindung: IBAN DE89 3704 0044 0532 0130 00\r\n"
           "Mit freundlichen Grüßen, Straße 5, déjà réglé ?\r\n",
   "attachments": [{"name": "Überweisung_Größe_€.txt", "mime": "text/plain", "text": "Summe 1250 EUR\n"}]},
  {"from": ["Клиника Иванова", "info@praxis-muster.example"],
   "to": [["Пётр Сидоров", "petr@sidorov.example"]],
   "subject": "Счёт № 42 — оплата", "date": "2026-11-20T10:00:00Z",
   "message_id": "<cp1251-1@praxis-muster.example>", "codepage": 1251, "internet_cpid": 20866,
   "body": "Здравствуйте! Счёт: https://sidorov.example/счёт?n=42 — спасибо.\r\n",
   "attachments": [{"name": "Счёт_42.txt", "mime": "text/plain", "text": "42\n"}]}]}]},
  open("d/cp.json", "w"), ensure_ascii=False)
PY
/usr/bin/python3 "$TOP/tests/data-gen/make-pst.py" --layout ansi --string8 d/cp.json L/cp.pst ||
    fail "string8: make-pst"
expect_grep "string8: 8-bit, not UTF-16" 'Bankverbindung' L/cp.pst
"$RIPOSTE" mail scan L/cp.pst --no-clamav --all --format jsonl > L/cp.jsonl 2> L/err
expect_eq "string8: found (the bank details): exit 1" 1 $?
[ -s L/err ] && { fail "string8: nothing on stderr"; head -n 5 L/err; }
expect_grep "string8: windows-1252 subject" '"subject":"Änderung unserer Bankverbindung – Grüße, 1 250 €"' L/cp.jsonl
expect_grep "string8: windows-1252 attachment name" '"name":"Überweisung_Größe_€.txt"' L/cp.jsonl
expect_grep "string8: the folder's name" '"folder":"Gesendete Elemente – € ß"' L/cp.jsonl
expect_grep "string8: windows-1252 body: the bank-detail wording with its Umlaut" '"kind":"bec".*DE89370400440532013000' L/cp.jsonl
expect_grep "string8: windows-1251 subject (not KOI8-R)" '"subject":"Счёт № 42 — оплата"' L/cp.jsonl
expect_grep "string8: windows-1251 attachment name" '"name":"Счёт_42.txt"' L/cp.jsonl
expect_grep "string8: windows-1251 body: its URL" '"urls":\[[^]]*sidorov.example/' L/cp.jsonl
"$RIPOSTE" mail trace L/cp.pst --no-clamav --format jsonl > L/cp-trace.jsonl 2>/dev/null
expect_grep "string8: a windows-1252 recipient's name (recipient table)" '"name":"Müller & Söhne GmbH"' L/cp-trace.jsonl
expect_grep "string8: a windows-1251 recipient's name (recipient table)" '"name":"Пётр Сидоров"' L/cp-trace.jsonl
done_testing
