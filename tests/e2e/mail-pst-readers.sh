# The PST that tests/data-gen/make-pst.py writes, read by two independent readers:
# libpst (pst-utils: lspst, readpst) and libpff (pff-tools: pffexport). Both must give
# the folders, messages, senders, recipients, subjects (accents, Cyrillic, an emoji
# beyond the BMP), bodies and attachment bytes (one over 8 KiB: an XBLOCK) of the
# description, in folders of 1, 2 and 150 messages. libpst shows recipients only as PR_DISPLAY_TO/CC (names, as Outlook
# writes them): their addresses are checked through libpff's recipient tables.
# libpff 20180714 decodes UTF-16 surrogate pairs wrongly (U+1F4CE comes out as
# U+1F0CF, in subjects and bodies alike, while libpst and Python agree on the bytes):
# on its side a character beyond the BMP matches any one character.
# The same description in the three layouts make-pst.py writes (--layout): unicode
# (wVer 23), ansi (Outlook 97-2002, wVer 14) and ost2013 (wVer 36, 4 KiB pages, some
# blocks zlib-compressed). libpst reads all three. libpff 20180714 reads unicode and
# ansi. It walks the ost2013 B-trees but does not open the file: it takes a compressed
# block's size in the BBT for the stored size ("mismatch in data size (2008 != 86)"),
# and without compression rejects the name-to-id map ("data block: 0 too small to be
# a table"); the 4 KiB format is not in [MS-PST], and this layout is written as libpst
# reads it. That layout is a skip on libpff's side, with libpff's own words printed.
# Last, an ANSI PST with 8-bit strings in windows-1252 and windows-1251 (--string8),
# read by readpst (libpff 20180714 takes every 8-bit string for windows-1252, its
# default, whatever the message's code page: not checked on its side).
. "$TOP/tests/lib.sh"
command -v readpst >/dev/null && command -v lspst >/dev/null || skip "pst-utils is missing"
command -v pffexport >/dev/null || skip "pff-tools is missing"
[ -x /usr/bin/python3 ] || skip "python3 is missing"
# nothing of riposte runs here (the readers are libpst's and libpff's tools): the
# sanitizer pass has nothing to check in it
case "$RIPOSTE" in *build-asan*) skip "no riposte code in this test: not in the sanitizer pass" ;; esac
mkdir d
/usr/bin/python3 - <<'PY' || { fail "description"; done_testing; }
import base64, json
big = bytes((i * 7 + i // 256) & 0xFF for i in range(20000))
ME = ["Praxis Dr. med. Muster", "empfang@praxis-muster.example"]
desc = {"store": "Praxis Muster", "folders": [
  {"name": "Inbox", "messages": [
    {"from": ["Lieferant AG", "bestellung@lieferant.example"], "to": [["Empfang", ME[1]]],
     "subject": "Bestellung 4711", "date": "2026-11-18T08:15:00Z",
     "message_id": "<in-1@lieferant.example>", "body": "Die Bestellung ist unterwegs.\r\n"}]},
  {"name": "Sent Items", "messages": [
    {"from": ME, "to": [["Labor Beispiel AG", "auftrag@labor.example"], ["", "kasse@apotheke.example"]],
     "cc": [["Cabinet Exemple SA", "secretariat@cabinet.example"]],
     "bcc": [["Zahnarzt am See", "sekretariat@zahnarzt-see.example"]],
     "subject": "Rechnung 2026-114 – bitte prüfen, Grüße 📎", "date": "2026-11-19T14:45:31Z",
     "message_id": "<pst-1@praxis-muster.example>", "body": "Guten Tag, anbei die Rechnung. ",
     "body_repeat": 600,
     "attachments": [{"name": "Rechnung_2026-114.txt", "mime": "text/plain", "text": "Rechnung 2026-114\n"},
                     {"name": "Übersicht.bin", "mime": "application/octet-stream",
                      "b64": base64.b64encode(big).decode()}]},
    {"from": ME, "to": [["Иван Петров", "ivan@klinika.example"]],
     "subject": "Новые банковские реквизиты", "date": "2026-11-19T15:20:10Z",
     "message_id": "<pst-2@praxis-muster.example>", "body": "Здравствуйте 📎\r\n"}]}]}
# a folder of 150 more: NBT and BBT over several pages, the contents table's heap over
# several blocks with a row index one BTH level deep, its rows in a subnode; one message
# to 120 people: its recipient table's heap on several blocks, its rows in a subnode
arch = []
for i in range(150):
    arch.append({"from": ME, "to": [["Klient %d" % i, "k%d@klient%d.example" % (i, i % 13)]],
                 "subject": "Archiv %d – Befund" % i, "date": "2026-10-%02dT09:%02d:00Z" % (1 + i % 28, i % 60),
                 "message_id": "<a%d@praxis-muster.example>" % i, "body": "Befund %d\r\n" % i})
arch[7]["to"] = [["Empfänger %d" % k, "r%d@verteiler.example" % k] for k in range(120)]
desc["folders"].append({"name": "Archiv", "messages": arch})
json.dump(desc, open("d/desc.json", "w"), ensure_ascii=False)
PY
for layout in unicode ansi ost2013; do
mkdir "$T/$layout" && cd "$T/$layout" || exit 2
ln -s ../d d
echo "# layout $layout"
/usr/bin/python3 "$TOP/tests/data-gen/make-pst.py" --layout "$layout" d/desc.json x.pst || { fail "$layout: make-pst"; continue; }
lspst x.pst > lspst.out 2> lspst.err
expect_eq "$layout: lspst: exit 0" 0 $?
mkdir rp
# -j 0: readpst forks a job per folder by default, and its parent can exit 0 before
# every child has written its messages (CI saw 115 and 91 of Archiv's 150, at random;
# under strace 126): the reference reader must not race the checks
readpst -q -j 0 -e -o rp x.pst > readpst.out 2>&1
expect_eq "$layout: readpst: exit 0" 0 $?
pff=1
pffexport -q -t ex x.pst > pff.out 2>&1
st=$?
if [ "$layout" = ost2013 ] && [ "$st" -ne 0 ]; then
	echo "skip: $layout: libpff 20180714 does not open this layout:"
	grep '^libpff' pff.out | head -n 3 | sed 's/^/#   /'
	pff=0
else
	expect_eq "$layout: pffexport: exit 0" 0 $st
fi
PFF=$pff LAYOUT=$layout /usr/bin/python3 - > check.out <<'PY'
import base64, email, email.header, email.policy, email.utils, json, os, re
desc = json.load(open("d/desc.json", encoding="utf-8"))
def say(good, what):
    print(("ok: " if good else "not ok: ") + os.environ["LAYOUT"] + ": " + what)
def bmp(want, got):  # libpff's side: see the header of this test
    if got is None:
        return False
    rx = "".join("." if ord(c) > 0xFFFF else re.escape(c) for c in want)
    return re.fullmatch(rx, got, re.S) is not None
def raw(e, k):  # a header as readpst wrote it, RFC 2047 words decoded
    v = e.get(k)
    return "" if v is None else str(email.header.make_header(email.header.decode_header(v)))
def att_bytes(a):
    if "b64" in a:
        return base64.b64decode(a["b64"])
    return a["text"].encode()
# lspst: folders, then each message's sender name and subject
want = []
for f in desc["folders"]:
    want.append('Folder "%s"' % f["name"])
    for m in f["messages"]:
        want.append("Email\tFrom: %s\tSubject: %s" % (m["from"][0], m["subject"]))
got = open("lspst.out", encoding="utf-8").read().splitlines()
say(got == want, "lspst lists the folders, senders and subjects")
if got != want:
    print("# want %r\n# got  %r" % (want, got))
# readpst -e: one .eml per message, folder by folder
for f in desc["folders"]:
    for i, m in enumerate(f["messages"], 1):
        p = os.path.join("rp", desc["store"], f["name"], "%d.eml" % i)
        if not os.path.exists(p):
            say(False, "readpst wrote %s" % p)
            continue
        e = email.message_from_binary_file(open(p, "rb"), policy=email.policy.default)
        h = email.message_from_binary_file(open(p, "rb"), policy=email.policy.compat32)
        tag = "readpst %s/%d: " % (f["name"], i)
        say(str(e["subject"]) == m["subject"], tag + "subject")
        say(e["from"].addresses[0].addr_spec == m["from"][1] and
            e["from"].addresses[0].display_name == m["from"][0], tag + "sender")
        names = lambda k: "; ".join(r[0] or r[1] for r in m.get(k, []))
        say(raw(h, "to") == names("to"), tag + "To (display names)")
        say(raw(h, "cc") == names("cc"), tag + "Cc (display names)")
        say(e["message-id"].strip() == m["message_id"], tag + "Message-ID")
        say(email.utils.parsedate_to_datetime(e["date"]).strftime("%Y-%m-%dT%H:%M:%SZ") == m["date"], tag + "date")
        body = e.get_body(("plain",)).get_content()
        say(body.replace("\r\n", "\n") == (m["body"] * m.get("body_repeat", 1)).replace("\r\n", "\n"), tag + "body")
        atts = [(a.get_filename(), a.get_content()) for a in e.iter_attachments()]
        want_atts = sorted((a["name"], att_bytes(a)) for a in m.get("attachments", []))
        say(sorted((n, b if isinstance(b, bytes) else b.encode()) for n, b in atts) == want_atts,
            tag + "attachments: names and bytes")
# pffexport: Top of Personal Folders/<folder>/MessageNNNNN/
if os.environ["PFF"] != "1":
    raise SystemExit(0)
top = "ex.export/Top of Personal Folders"
say(sorted(os.listdir(top)) == sorted(f["name"] for f in desc["folders"]), "pffexport: the folders")
for f in desc["folders"]:
    for i, m in enumerate(f["messages"], 1):
        d = os.path.join(top, f["name"], "Message%05d" % i)
        tag = "pffexport %s/%d: " % (f["name"], i)
        if not os.path.isdir(d):
            say(False, tag + "exported")
            continue
        oh = open(os.path.join(d, "OutlookHeaders.txt"), encoding="utf-8").read()
        field = lambda k: (re.search(r"^%s:\t+(.*)$" % re.escape(k), oh, re.M) or [None, None])[1]
        say(bmp(m["subject"], field("Subject")), tag + "subject")
        say(field("Sender name") == m["from"][0] and field("Sender email address") == m["from"][1], tag + "sender")
        t = re.match(r"(\w{3}) +(\d+), (\d{4}) (\d\d:\d\d:\d\d)\.0+ UTC$", field("Client submit time") or "")
        say(t is not None and "%s-%02d-%02dT%sZ" % (t[3], "JanFebMarAprMayJunJulAugSepOctNovDec".index(t[1]) // 3 + 1,
                                                    int(t[2]), t[4]) == m["date"], tag + "date")
        rc = open(os.path.join(d, "Recipients.txt"), encoding="utf-8").read()
        got = []
        for blk in rc.strip().split("\n\n"):
            kv = dict(re.findall(r"^([^:\t]+):\t+(.*)$", blk, re.M))
            got.append((kv.get("Recipient type"), kv.get("Display name"), kv.get("Email address")))
        want = [(t, r[0] or r[1], r[1]) for k, t in (("to", "To"), ("cc", "CC"), ("bcc", "BCC")) for r in m.get(k, [])]
        say(got == want, tag + "recipients: type, name, address")
        if got != want:
            print("# want %r\n# got  %r" % (want, got))
        body = open(os.path.join(d, "Message.txt"), encoding="utf-8", newline="").read()
        say(bmp(m["body"] * m.get("body_repeat", 1), body), tag + "body")
        ad = os.path.join(d, "Attachments")
        got = sorted((re.sub(r"^\d+_", "", n), open(os.path.join(ad, n), "rb").read())
                     for n in (os.listdir(ad) if os.path.isdir(ad) else []))
        want = sorted((a["name"], att_bytes(a)) for a in m.get("attachments", []))
        say(got == want, tag + "attachments: names and bytes")
PY
cat check.out
expect_grep "$layout: the checks ran" "^ok: $layout: readpst Archiv/150: attachments" check.out
[ "$pff" = 0 ] || expect_grep "$layout: libpff's checks ran" "^ok: $layout: pffexport: the folders" check.out
errors=$((errors + $(grep -c '^not ok' check.out)))
done

# An ANSI PST with 8-bit strings (make-pst.py --string8): each message's in its code
# page (PR_MESSAGE_CODEPAGE: windows-1252, windows-1251 with PR_INTERNET_CPID KOI8-R).
# readpst converts a message's strings from that code page to UTF-8: subject, sender
# and recipients' names, attachment name, body (sent with its charset). Folders have
# no code page: libpst's default is ISO-8859-1 (C1 controls for windows-1252's "€"
# and "–"), so readpst is given windows-1252 (-C), as riposte's pst.c does.
mkdir "$T/string8" && cd "$T/string8" || exit 2
echo "# layout ansi --string8"
/usr/bin/python3 - <<'PY' || fail "string8: description"
import json
json.dump({"store": "Praxis", "folders": [{"name": "Gesendete Elemente – € ß", "messages": [
  {"from": ["Praxis Dr. Müller – Empfang", "empfang@praxis-muster.example"],
   "to": [["Müller & Söhne GmbH", "buchhaltung@mueller-soehne.example"]],
   "subject": "Änderung unserer Bankverbindung – Grüße, 1 250 €", "date": "2026-11-20T09:12:00Z",
   "message_id": "<cp1252-1@praxis-muster.example>", "codepage": 1252,
   "body": "Mit freundlichen Grüßen, Straße 5, déjà réglé ? 99 €\r\n",
   "attachments": [{"name": "Überweisung_Größe_€.txt", "mime": "text/plain", "text": "Summe\n"}]},
  {"from": ["Клиника Иванова", "info@klinika.example"], "to": [["Пётр Сидоров", "petr@sidorov.example"]],
   "subject": "Счёт № 42 — оплата", "date": "2026-11-20T10:00:00Z",
   "message_id": "<cp1251-1@klinika.example>", "codepage": 1251, "internet_cpid": 20866,
   "body": "Здравствуйте! Счёт во вложении.\r\n",
   "attachments": [{"name": "Счёт_42.txt", "mime": "text/plain", "text": "42\n"}]}]}]},
  open("cp.json", "w"), ensure_ascii=False)
PY
/usr/bin/python3 "$TOP/tests/data-gen/make-pst.py" --layout ansi --string8 cp.json x.pst || fail "string8: make-pst"
mkdir rp
readpst -q -j 0 -e -C windows-1252 -o rp x.pst > readpst.out 2>&1
expect_eq "string8: readpst: exit 0" 0 $?
/usr/bin/python3 - > check.out <<'PY'
import email, email.header, email.policy, json, os
desc = json.load(open("cp.json", encoding="utf-8"))
def say(good, what):
    print(("ok: " if good else "not ok: ") + "string8: " + what)
def raw(e, k):
    v = e.get(k)
    return "" if v is None else str(email.header.make_header(email.header.decode_header(v)))
f = desc["folders"][0]
d = os.path.join("rp", desc["store"], f["name"])
say(os.path.isdir(d), "readpst: the folder's name in windows-1252")
for i, m in enumerate(f["messages"], 1):
    p = os.path.join(d, "%d.eml" % i)
    if not os.path.exists(p):
        say(False, "readpst wrote %s" % p)
        continue
    # the headers as written (compat32), the attachments' RFC 2231 names decoded (default)
    e = email.message_from_binary_file(open(p, "rb"), policy=email.policy.compat32)
    ed = email.message_from_binary_file(open(p, "rb"), policy=email.policy.default)
    tag = "readpst cp%d: " % m["codepage"]
    say(raw(e, "Subject") == m["subject"], tag + "subject")
    say(raw(e, "From").startswith(m["from"][0]), tag + "sender's name")
    say(raw(e, "To") == m["to"][0][0], tag + "recipient's name")
    parts = [x for x in e.walk() if not x.is_multipart()]
    body = [x for x in parts if x.get_filename() is None][0]
    cs = body.get_content_charset()
    say(cs == "windows-%d" % m["codepage"], tag + "the body's charset is the code page's")
    # readpst writes the body's lines with LF
    say(body.get_payload(decode=True).decode(cs or "ascii") == m["body"].replace("\r\n", "\n"),
        tag + "body")
    names = [x.get_filename() for x in ed.walk() if not x.is_multipart() and x.get_filename()]
    say(names == [a["name"] for a in m["attachments"]], tag + "attachment name")
PY
cat check.out
expect_grep "string8: the checks ran" "^ok: string8: readpst cp1251: attachment name" check.out
errors=$((errors + $(grep -c '^not ok' check.out)))
cd "$T" || exit 2
done_testing
