# A small mail tree for the mail trace golden tests, written in the current directory:
# the sent folder of one mailbox (a known-bad link, an attachment, a plain note), a
# message received, and the logs of every kind riposte reads (Postfix, Exim mainlog,
# Sendmail, Microsoft 365, Google Workspace), a vCard and an Outlook CSV address book,
# an IOC file and a site profile with clients (one with several domains).
# Deterministic: fixed dates, --year given, TZ=UTC.
mkdir -p Maildir/.Sent/cur Maildir/.Sent/new Maildir/.Sent/tmp Maildir/cur Maildir/new Maildir/tmp
cat > riposte.conf <<'C'
[site]
name = Praxis Test
domains = praxis.example
language = de

[client]
name = Labor Test AG
contact = auftrag@labor.example
language = de

[client]
name = Cabinet Test SA
contact = secretariat@cabinet.example
domains = cabinet.example, cabinet-lyon.example
language = fr
C
printf 'domain:evil-portal.example\n' > iocs.txt
cat > 'Maildir/.Sent/cur/1795099531.M1P1.host:2,S' <<'M'
From: Empfang <empfang@praxis.example>
To: Labor <auftrag@labor.example>
Subject: Ihr Befund
Date: Thu, 19 Nov 2026 14:45:31 +0000
Message-ID: <link-1@praxis.example>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<p>Ihr Befund: <a href="https://evil-portal.example/d/1">https://portal.praxis.example/befund</a></p>
M
cat > 'Maildir/.Sent/cur/1795100000.M2P2.host:2,S' <<'M'
From: empfang@praxis.example
To: =?utf-8?q?Cl=C3=A9ment?= <clement@cabinet-lyon.example>
Subject: Notes
Date: Thu, 19 Nov 2026 14:53:20 +0000
Message-ID: <att-2@praxis.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain

Voir la note jointe.
--b
Content-Type: text/plain; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"

Rendez-vous mardi.
--b--
M
cat > 'Maildir/.Sent/cur/1795101000.M3P3.host:2,S' <<'M'
From: empfang@praxis.example
To: plain@plain.example, Bounce <bounce@plain.example>
Subject: Termin
Date: Thu, 19 Nov 2026 15:10:00 +0000
Message-ID: <plain-3@praxis.example>

Der Termin ist bestaetigt: https://www.praxis.example/termine
M
cat > 'Maildir/cur/1795090000.M4P4.host:2,S' <<'M'
From: Lieferant <sender@supplier.example>
To: empfang@praxis.example
Cc: copy@supplier.example
Subject: Angebot
Date: Thu, 19 Nov 2026 12:06:40 +0000
Message-ID: <in-4@supplier.example>

Anbei unser Angebot.
M
cat > postfix.log <<'L'
Nov 19 14:53:20 mx postfix/cleanup[2]: 4BBB000002: message-id=<att-2@praxis.example>
Nov 19 14:53:20 mx postfix/qmgr[1]: 4BBB000002: from=<empfang@praxis.example>, size=700, nrcpt=2 (queue active)
Nov 19 14:53:21 mx postfix/smtp[3]: 4BBB000002: to=<clement@cabinet-lyon.example>, relay=mx.cabinet-lyon.example[192.0.2.2]:25, dsn=2.0.0, status=sent (250 ok)
Nov 19 14:53:21 mx postfix/smtp[3]: 4BBB000002: to=<bcc@other.example>, relay=mx.other.example[192.0.2.3]:25, dsn=2.0.0, status=sent (250 ok)
Nov 19 14:53:22 mx postfix/qmgr[1]: 4BBB000002: removed
Nov 19 15:10:00 mx postfix/cleanup[2]: 4CCC000003: message-id=<plain-3@praxis.example>
Nov 19 15:10:00 mx postfix/qmgr[1]: 4CCC000003: from=<empfang@praxis.example>, size=300, nrcpt=2 (queue active)
Nov 19 15:10:01 mx postfix/smtp[3]: 4CCC000003: to=<plain@plain.example>, relay=mx.plain.example[192.0.2.4]:25, dsn=2.0.0, status=sent (250 ok)
Nov 19 15:10:01 mx postfix/smtp[3]: 4CCC000003: to=<bounce@plain.example>, relay=mx.plain.example[192.0.2.4]:25, dsn=5.1.1, status=bounced (user unknown)
this line is no log line
L
cat > exim.log <<'L'
2026-11-19 16:00:00 1vEXIM-000001-Ab <= empfang@praxis.example H=ws [10.0.0.5] P=esmtpsa S=5000 id=exim-5@praxis.example T="Unterlagen"
2026-11-19 16:00:01 1vEXIM-000001-Ab => exim@only.example R=dnslookup T=remote_smtp H=mx.only.example [192.0.2.5]
2026-11-19 16:00:02 1vEXIM-000001-Ab Completed
L
cat > sendmail.log <<'L'
Nov 19 14:45:31 mx sm-mta[9]: 4AJEjVx1000001: from=<empfang@praxis.example>, size=900, class=0, nrcpts=1, msgid=<link-1@praxis.example>, proto=ESMTP
Nov 19 14:46:00 mx sm-mta[9]: 4AJEjVx1000001: to=<deferred@sm.example>, delay=00:00:29, mailer=esmtp, relay=mx.sm.example., dsn=4.0.0, stat=Deferred: Connection timed out
L
printf '\357\273\277"Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageId","MessageTraceId"\r\n"11/19/2026 2:45:32 PM","empfang@praxis.example","auftrag@labor.example","Ihr Befund","Delivered","192.0.2.1","10.0.0.5","900","<link-1@praxis.example>","t1"\r\n"11/19/2026 2:53:22 PM","empfang@praxis.example","failed@m365.example","Notes","Failed","","10.0.0.5","700","<att-2@praxis.example>","t2"\r\n' > trace.csv
printf 'Date,Sender,Recipient,Subject,Message ID,Status\n2026/11/19 15:10:02 UTC,empfang@praxis.example,g@google.example,Termin,<plain-3@praxis.example>,Delivered\n' > google.csv
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Auftrag\r\nEMAIL;TYPE=INTERNET:Auftrag@Labor.example\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nN:Book;Bruno;;;\r\nEMAIL:bruno@book.example\r\nEND:VCARD\r\n' > book.vcf
printf 'First Name,Last Name,Company,E-mail Address,E-mail 2 Address\r\nOlga,Outlook,Olga AG,olga@outlook-book.example,\r\n' > book.csv
