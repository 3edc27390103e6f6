#!/usr/bin/python3
"""Writes a Maildir of N messages for bench/mail/run.sh: plain messages of 1-6 KB of
text, and every fifth one with a real attachment from a pool of 40 files made by real
tools (PDF and JPEG by PIL, DOCX by zip), 15-120 KB each, base64 as mail clients send
them. Prints "messages bytes". Usage: mkmaildir.py DIR N [unique]
With "unique", every attachment is made distinct (a PDF comment, bytes after a JPEG's
end, a DOCX's zip comment carry the message's number): no two messages share an
attachment's SHA-256, so nothing is answered from riposte's kept ClamAV verdicts."""
import base64, io, os, random, subprocess, sys, tempfile, time
from PIL import Image, ImageDraw

out, n = sys.argv[1], int(sys.argv[2])
unique = len(sys.argv) > 3 and sys.argv[3] == "unique"
R = random.Random(7)
words = ("Befund Termin Rechnung Patient Labor Praxis Überweisung Bericht Kontrolle "
         "Therapie Diagnose bitte danke Grüsse morgen heute Woche Unterlagen").split()

def pdf(i):
    img = Image.new("RGB", (595, 842), "white")
    d = ImageDraw.Draw(img)
    for k in range(40):
        d.text((50, 40 + k * 19), " ".join(R.choice(words) for _ in range(9)), fill="black")
    b = io.BytesIO()
    img.save(b, "PDF", resolution=72.0)
    return "Befund_%d.pdf" % i, "application/pdf", b.getvalue()

def jpeg(i):
    img = Image.new("RGB", (800, 600), (R.randint(0, 255),) * 3)
    d = ImageDraw.Draw(img)
    for _ in range(120):
        x, y = R.randint(0, 780), R.randint(0, 580)
        d.rectangle((x, y, x + R.randint(5, 60), y + R.randint(5, 60)),
                    fill=(R.randint(0, 255), R.randint(0, 255), R.randint(0, 255)))
    b = io.BytesIO()
    img.save(b, "JPEG", quality=R.randint(70, 92))
    return "Foto_%d.jpg" % i, "image/jpeg", b.getvalue()

def docx(i):
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(d + "/_rels"); os.makedirs(d + "/word")
        open(d + "/[Content_Types].xml", "w").write('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        open(d + "/_rels/.rels", "w").write('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        body = "".join("<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % " ".join(R.choice(words) for _ in range(14)) for _ in range(400))
        open(d + "/word/document.xml", "w").write('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % body)
        subprocess.run(["zip", "-q", "-X", "-r", d + "/x.docx", "[Content_Types].xml", "_rels", "word"], cwd=d, check=True)
        return "Arztbrief_%d.docx" % i, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", open(d + "/x.docx", "rb").read()

pool = []
for i in range(40):
    name, ctype, data = [pdf, jpeg, docx][i % 3](i)
    b64 = base64.encodebytes(data).decode()
    pool.append((name, ctype, b64, data))

def distinct(ctype, data, k):
    tag = b"bench message %d" % k
    if ctype == "application/pdf":
        return data + b"%" + tag + b"\n"
    if ctype == "image/jpeg":
        return data + tag
    # a zip whose end record has no comment yet: the tag becomes its comment
    assert data[-22:-18] == b"PK\5\6" and data[-2:] == b"\0\0"
    return data[:-2] + len(tag).to_bytes(2, "little") + tag
for sub in ("cur", "new", "tmp"):
    os.makedirs(os.path.join(out, sub), exist_ok=True)
total = 0
t0 = 1794816000
for k in range(n):
    t = t0 + k * 30
    frm = "empfang@praxis-muster.example" if k % 2 else "kontakt%d@client-%d.example" % (k % 97, k % 53)
    to = "kontakt%d@client-%d.example" % (k % 89, k % 41) if k % 2 else "empfang@praxis-muster.example"
    text = "\n".join(" ".join(R.choice(words) for _ in range(12)) for _ in range(R.randint(10, 60)))
    hdr = ("Return-Path: <%s>\nReceived: from mx.client.example (mx.client.example [192.0.2.%d])\n\tby mail.praxis-muster.example with ESMTPS id %X\n\tfor <%s>; %s\n"
           "From: %s\nTo: %s\nSubject: Unterlagen %d\nDate: %s\nMessage-ID: <bench.%d@praxis-muster.example>\nMIME-Version: 1.0\n" %
           (frm, k % 250 + 2, k, to, time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(t)), frm, to, k,
            time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(t)), k))
    if k % 5 == 0:
        name, ctype, b64, raw = pool[k // 5 % len(pool)]
        if unique:
            b64 = base64.encodebytes(distinct(ctype, raw, k)).decode()
        msg = hdr + ('Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n%s\nhttps://www.praxis-muster.example/kontakt\n--b%d\n'
                     'Content-Type: %s; name="%s"\nContent-Disposition: attachment; filename="%s"\nContent-Transfer-Encoding: base64\n\n%s--b%d--\n' %
                     (k, k, text, k, ctype, name, name, b64, k))
    else:
        msg = hdr + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + text + "\n"
    data = msg.encode()
    p = os.path.join(out, "cur", "%d.M%dP%d.mail,S=%d:2,S" % (t, k, 1000 + k % 30000, len(data)))
    with open(p, "wb") as f:
        f.write(data)
    total += len(data)
print(n, total)
