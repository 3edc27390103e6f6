# A small mail tree for the mail scan golden tests, written in the current directory:
# a Maildir (a link to a known-bad domain, an executable with a double extension, a
# clean reply), an mbox (new bank details with a foreign IBAN, a supplier's own
# change received), a Sieve script, a message that cannot be parsed, an IOC file and
# a site profile. Deterministic: fixed dates, no generated randomness.
mkdir -p mail/Maildir/.Sent/cur mail/Maildir/.Sent/new mail/Maildir/.Sent/tmp mail/Maildir/cur \
    mail/Maildir/new mail/Maildir/tmp
cat > riposte.conf <<'C'
[site]
name = Praxis Test
domains = praxis.example
iban = CH93 0076 2011 6238 5295 7
C
printf 'domain:evil-portal.example\n' > iocs.txt
cat > 'mail/Maildir/.Sent/cur/1795099531.M1P1.host:2,S' <<'M'
From: Empfang <empfang@praxis.example>
To: Labor <auftrag@labor.example>
Subject: Ihr Befund
Date: Thu, 19 Nov 2026 14:45:31 +0000
Message-ID: <link-1@praxis.example>
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<p>Ihr Befund: <a href="https://evil-portal.example/d/1">https://portal.praxis.example/befund</a></p>
M
cat > 'mail/Maildir/.Sent/cur/1795100000.M2P2.host:2,S' <<'M'
From: empfang@praxis.example
To: kasse@apotheke.example
Cc: chef@praxis.example
Subject: =?utf-8?q?Rechnung_f=C3=BCr_Sie?=
Date: Thu, 19 Nov 2026 14:53:20 +0000
Message-ID: <exe-1@praxis.example>
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Im Anhang.
--b1
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="Rechnung.pdf.exe"
Content-Transfer-Encoding: base64

TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAFBFAAA=
--b1--
M
cat > 'mail/Maildir/cur/1795110000.M3P3.host:2,S' <<'M'
From: auftrag@labor.example
To: empfang@praxis.example
Subject: AW: Ihr Befund
Date: Thu, 19 Nov 2026 17:40:00 +0000
Message-ID: <reply-1@labor.example>

Danke, erhalten.
M
cat > mail/sent.mbox <<'M'
From empfang@praxis.example Thu Nov 19 15:20:10 2026
From: empfang@praxis.example
To: buchhaltung@spital.example
Subject: Neue Bankverbindung
Date: Thu, 19 Nov 2026 15:20:10 +0000
Message-ID: <bec-1@praxis.example>

Bitte beachten Sie unsere neue Bankverbindung: IBAN LT12 1000 0111 0100 1000.
>From now on only this account.

From rechnung@lieferant.example Tue Nov 17 09:30:00 2026
From: rechnung@lieferant.example
To: empfang@praxis.example
Subject: Neue Bankverbindung
Date: Tue, 17 Nov 2026 09:30:00 +0000
Message-ID: <supplier-1@lieferant.example>

Unsere neue Bankverbindung: IBAN DE89 3704 0044 0532 0130 00.
M
cat > mail/dovecot.sieve <<'M'
require ["copy"];
# rule:[Sync]
if header :contains "subject" "Rechnung" { redirect :copy "sync@mail-sync.example"; }
M
{ printf 'From: a@b.example\nSubject: big\nX-Big: '; head -c 1100000 /dev/zero | tr '\0' x; printf '\n\nbody\n'; } > mail/big.eml
find mail -exec touch -h -d '2026-11-20 12:00:00' {} +
