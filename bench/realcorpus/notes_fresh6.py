# Ransom notes of the FRESH6 corpus (issue 20, eighth corpus).
#
# Written on 2026-12-06 (early morning) by an engineer who has not read the detection rules
# nor the note data (data/rules*, data/notes*, lib/detect, the note and engine unit tests),
# nor the other corpora's note texts (only the first 30 lines of notes_fresh5.py, for the
# file's format), nor the lists of misses in bench/results/realcorpus.md. Family names were
# checked with a yes/no grep against data/, bench/realcorpus and tests/corpus: nearly every
# family of 2019-2026 is named somewhere already, so most notes carry a family name used
# elsewhere, but every text here is written anew for this corpus from public descriptions of
# the family's notes, leak-site posts and extortion mails (vendor write-ups, government
# advisories, responders' and victims' accounts). Families no existing file names are used
# too (Holy Ghost, Blue Sky, Mount Locker, Ransom Cartel, Red Alert, RansomEXX2, VoidCrypt,
# Ouroboros, Crimson Collective, Scattered LAPSUS$ Hunters, Arcus Media, Dark Angels, Lyrix,
# HelloGookie, Putin Team, Sorena, Eraleig, LockBit 4). Onion addresses, mail addresses,
# Tox and Session IDs, wallets, victim IDs, amounts and company names are made up from the
# seed.
#
# Not written to be easy or hard for any detector: what a responder finds on a share. Many
# real notes are two or three lines (a mail address and an ID); affiliates translate notes
# for the country they hit; data-theft crews write extortion letters that never speak of
# encryption; some notes are HTML or HTA pages, some UTF-16 from Windows tools, some have
# CRLF line ends; file names are of every kind (no extension, upper case, non-ASCII, the
# victim's ID or the family's extension in the name).
#
# notes(rng) returns a list of (family, lang, file name, encoding, text); encoding is
# "utf-8", "utf-16" (LE with BOM), "html" (make-real wraps the lines in <p>) or "crlf"
# (UTF-8 with CRLF line ends). Hand-made HTML and HTA notes are "utf-8" text with their own
# markup. {NAME} in a text or a file name (NAME one of FILL's keys) is replaced by a made-up
# value, the same within one note; other braces (CSS, script) are left alone.

import re

B32 = "abcdefghijklmnopqrstuvwxyz234567"
HEX = "0123456789abcdef"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"


def _s(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def _mail(rng):
    user = rng.choice(["restore", "helpdesk", "datarecovery", "support", "unlock", "decryptor", "backup",
                       "files", "contact", "negotiation"]) + _s(rng, "0123456789", rng.randint(2, 4))
    return user + "@" + rng.choice(["onionmail.org", "proton.me", "tutanota.com", "cock.li", "mailfence.com",
                                    "tuta.io", "gmx.com", "airmail.cc", "msgsafe.io", "firemail.cc"])


def _key(rng):
    blob = _s(rng, B64, rng.randint(300, 520))
    return "\n".join(blob[i:i + 64] for i in range(0, len(blob), 64)) + "=="


FILL = {
    "ID": lambda rng: _s(rng, HEX, rng.choice([16, 24, 32])).upper(),
    "SHORTID": lambda rng: _s(rng, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8),
    "ONION": lambda rng: _s(rng, B32, 56) + ".onion",
    "ONION2": lambda rng: _s(rng, B32, 56) + ".onion",
    "MAIL": _mail,
    "MAIL2": _mail,
    "TOX": lambda rng: _s(rng, HEX, 76).upper(),
    "SESSION": lambda rng: "05" + _s(rng, HEX, 64),
    "BTC": lambda rng: "bc1q" + _s(rng, "023456789acdefghjklmnpqrstuvwxyz", 38),
    "XMR": lambda rng: "4" + _s(rng, B58, 94),
    "AMOUNT": lambda rng: str(rng.choice([2, 3, 5, 8, 12, 15, 25, 40, 75])),
    "USD": lambda rng: "{:,}".format(rng.randrange(90, 4000) * 1000),
    "GB": lambda rng: str(rng.randint(12, 900)),
    "EXT": lambda rng: _s(rng, ALNUM, rng.randint(5, 9)),
    "KEY": _key,
    "COMPANY": lambda rng: rng.choice(["Praxis Dr. Lindqvist", "Clinica Santa Rita", "Cabinet Moreau & Associes",
                                       "Northgate Dental Care", "Hoffmann Steuerberatung GmbH", "Studio Legale Ferri",
                                       "Ortho Plus Rehab", "Transportes Quintero SA", "Valley Family Medicine",
                                       "Atelier Vasseur", "Klinik am Stadtpark", "Bright Smile Orthodontics"]),
    "DAYS": lambda rng: str(rng.choice([3, 5, 7, 10, 14])),
    "PHONE": lambda rng: "+%d %03d %03d %04d" % (rng.choice([1, 44, 7, 380, 852]), rng.randrange(1000),
                                                 rng.randrange(1000), rng.randrange(10000)),
    "PIN": lambda rng: _s(rng, "0123456789", 6),
    "URL": lambda rng: "http://" + _s(rng, B32, 56) + ".onion/" + _s(rng, ALNUM, 12),
}

_FILL_RE = re.compile(r"\{(" + "|".join(sorted(FILL, key=len, reverse=True)) + r")\}")


def _fill(rng, vals, s):
    def one(m):
        k = m.group(1)
        if k not in vals:
            vals[k] = FILL[k](rng)
        return vals[k]
    return _FILL_RE.sub(one, s)


def notes(rng):
    out = []
    for fam, lang, name, enc, text in NOTES:
        vals = {}
        n = _fill(rng, vals, name)
        t = _fill(rng, vals, text)
        out.append((fam, lang, n, enc, t))
    return out


NOTES = [
# ---------------------------------------------------------------- English, long and medium
("akira", "en", "akira_readme.txt", "utf-8", """\
Hi friends,

Whatever who you are and what your title is if you're reading this it means the internal infrastructure of your company is fully or partially dead, all your backups - virtual, physical - everything that we managed to reach - are completely removed. Moreover, we have taken a great amount of your corporate data prior to encryption.

Well, for now let's keep all the tears and resentment to ourselves and try to build a constructive dialogue. We're fully aware of what damage we caused by locking your internal sources. At the moment, you have to know:

1. Dealing with us you will save A LOT due to we are not interested in ruining your financially. We will study in depth your finance, bank & income statements, your savings, investments etc. and present our reasonable demand to you.
2. Paying us you save your TIME, MONEY, EFFORTS and be back on track within 24 hours approximately.
3. The security report or the exclusive first-hand information that you will receive upon reaching an agreement is of a great value, since NO full audit of your network will show you the vulnerabilities that we've managed to detect and used in order to get into, identify backup solutions and upload your data.
4. As for your data, if we fail to agree, we will try to sell personal information/trade secrets/databases/source codes - generally speaking, everything that has a value on the darkmarket - to multiple threat actors at ones. Then all of this will be published in our blog.

Please, do not try to decrypt the files yourself and do not rename them: it will only make things worse.

1. Install TOR Browser to get access to our chat room - https://www.torproject.org/download/.
2. Paste this link - https://{ONION}.
3. Use this code - {PIN}-{SHORTID} - to log into our chat.

Keep in mind that the faster you will get in touch, the less damage we cause.
"""),
("lockbit", "en", "{EXT}.README.txt", "crlf", """\
~~~ You have been attacked by LockBit 4.0 - the fastest, most stable and immortal ransomware since 2019 ~~~

>>>>> You must pay us.

Tor Browser link where you can buy our decryptor and where the stolen data will be published if you do not pay:
http://{ONION}/

>>>>> Your personal identifier to communicate with us: {ID}

>>>>> Data has been stolen. If you do not pay the ransom, the data will be made public and every news site will write that you did not protect your clients.

>>>>> Warning! Do not delete or modify encrypted files, it will lead to problems with decryption of files!

>>>>> Don't go to the police or the FBI for help and don't tell anyone that we attacked you. They won't save you.

>>>>> We don't do politics. We are a service for earning money and nothing else. You can trust us: our reputation is the only thing we have. If we did not give decryptors after payment nobody would pay us.

>>>>> If you want a job in our team as a pentester, write in the chat.
"""),
("lockbit 4", "en", "Restore-My-Files.txt", "utf-8", """\
Your data are stolen and encrypted.
The data will be published on TOR website if you do not pay the ransom.

Links for Tor Browser:
http://{ONION}
http://{ONION2}

Your personal ID: {ID}
Use it in the chat on the website. Without it we cannot find your company.

You can decrypt 1 file for free to make sure we can restore everything.
"""),
("blacksuit", "en", "readme.blacksuit.txt", "utf-8", """\
Good whatever time of day it is!

Your safety service did a really poor job of protecting your files against our professionals.
Extortioner named BlackSuit has attacked your system.

As a result all your essential files were encrypted and saved at a secure server for further use and publishing on the Web into the public realm.
Now we have all your files like: financial reports, intellectual property, accounting, law actions and complaints, personal files and so on and so forth.

We are able to solve this problem in one touch.
We (BlackSuit) are ready to give you an opportunity to get all the things back if you agree to make a deal with us.
You have a chance to get rid of all possible financial, legal, insurance and many others risks and problems for a quite small compensation.
You can have a safety review of your systems.
All your files will be decrypted, your data will be reset, your systems will stay in safe.

Contact us through TOR browser using the link:
http://{ONION}/?id={ID}
"""),
("royal", "en", "README.TXT", "utf-8", """\
Hello!

If you are reading this, it means that your system were hit by Royal ransomware.
Please contact us via:
http://{ONION}/{ID}

In the meantime, let us explain this case. It may seem complicated, but it is not!
Most likely what happened was that you decided to save some money on your security infrastructure.
Alas, as a result your critical data was not only encrypted but also copied from your systems on a secure server.
From there it can be published online. Then anyone on the internet from darknet criminals, ACLU journalists, Chinese government (different names for the same thing), and even your employees will be able to see your internal documentation: personal data, HR reviews, internal lawsuits and complains, financial reports, accounting, intellectual property, and more!

Fortunately we got you covered!

Royal offers you a unique deal. For a modest royalty (got it; got it ? ) for our pentesting services we will not only provide you with an amazing risk mitigation service, covering you from reputational, legal, financial, regulatory, and insurance risks, but will also provide you with a security review for your systems.
To put it simply, your files will be decrypted, your data restored and kept confidential, and your systems will remain secure.

Try Royal today and enter the new era of data security!
We are looking to hearing from you soon!
"""),
("rhysida", "en", "CriticalBreachDetected.txt", "crlf", """\
Critical Breach Detected - Immediate Response Required

Dear company,

This is an automated alert from cybersecurity team Rhysida. An unfortunate situation has arisen - your digital ecosystem has been compromised, and a substantial amount of confidential data has been exfiltrated from your network. The potential ramifications of this could be dire, including the sale, publication, or distribution of your data to competitors or media outlets. This could inflict significant reputational and financial damage.

However, this situation is not without remedy.

Our team has developed a unique key, specifically designed to restore your digital security and protect your data. To engage with us, install the Tor browser, visit our secure portal http://{ONION}/ and enter your secret key:
{KEY}

Please use your unique key to access our portal; we will guide you from there.

Remember: any attempt to restore files on your own or with the help of third parties will result in their loss. Time is of the essence.

Rhysida.
"""),
("medusa", "en", "!!!READ_ME_MEDUSA!!!.txt", "utf-8", """\
$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$
$                                                               $
$                 M  E  D  U  S  A                              $
$                                                               $
$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$

What happened?
1. We have PENETRATE your network and COPIED data.
   * We have penetrated entire network including backup system and researched all about your data.
   * And we have extracted all of your important and valuable data and copied them on our cloud storage.
2. We have ENCRYPTED your files.
   While you are reading this message, it means your files and data has been ENCRYPTED by world's strongest ransomware.
   Your files have encrypted with new military-grade encryption algorithm.
   Nobody can decrypt your data without our decryptor.

What to do?
Contact us. If you contact us with this message, we will give you the further information.
If you do not contact us within 48 hours, we will send this news to your partners, clients and media.

Your company ID: {ID}

Tor chat: http://{ONION}/
Email: {MAIL}
Qtox: {TOX}
"""),
("qilin", "en", "README-RECOVER-{EXT}.txt", "utf-8", """\
-- Qilin

Your network/system was encrypted.
Encrypted files have new extension: .{EXT}

-- Compromising and sensitive data

We have downloaded compromising and sensitive data from you system/network.
If you refuse to communicate with us and we do not come to an agreement, your data will be published.
Data includes:
- Employees personal data, CVs, DL, SSN.
- Complete network map including credentials for local and remote services.
- Financial information including clients data, bills, budgets, annual reports, bank statements.
- Complete datagrams/schemas/drawings for manufacturing in solidworks format
- And more...

-- Warning

1) If you modify files - our decrypt software won't able to recover data
2) If you use third party software - you can damage/modify files (see item 1)
3) You need cipher key / our decrypt software to restore you files.
4) The police or authorities will not be able to help you get the cipher key. We encourage you to consider your decisions.

-- Recovery

1) Download tor browser: https://www.torproject.org/download/
2) Go to domain
3) Enter credentials

-- Credentials

Extension: {EXT}
Domain: {ONION}
login: {ID}
password: {PIN}{SHORTID}
"""),
("ransomhub", "en", "README_{SHORTID}.txt", "utf-8", """\
We are the RansomHub.

Your company Servers are locked and Data has been taken to our servers. This is serious.

Good news:
- your server system and data will be restored by our Decryption Tool, we support trial decryption to prove that your files can be decrypted;
- for now, your data is secured and safely stored on our server;
- nobody in the world is aware about the data leak from your company except you and RansomHub team;
- we provide free trial decryption for files smaller than 1MB;
- you have {DAYS} days to contact us before we publish.

FAQs:
Who we are?
- Normal Browser Links: none. We are on Tor only.
- We are a group of professional penetration testers. We don't do politics.

Want to go to authorities for protection?
- Seeking their help will only make the situation worse. They will try to prevent you from negotiating with us, because the negotiations will make them look incompetent. After the incident report is handed over to the government department, you will be fined. The government uses your fine to reward them. And you will not get anything, and all your data will be released.

Think you can handle it without us by decrypting your servers and data using some IT Solution from third-party "specialists"?
- they will only make significant damage to all of your data; every encrypted file will be corrupted forever. Only our Decryption Tool will make recovery 100% for your data.

Think your partner IT Recovery Company will do files restoration?
- no they will not do restoration, only take 3-4 weeks for nothing; besides all of your data is on our servers and we can publish it at any time.

Contact:
1. Download and install Tor Browser.
2. Open {ONION} and log in with your Client ID: {ID}
"""),
("play", "en", "ReadMe.txt", "utf-8", """\
PLAY
news portal, tor network links:
{ONION}
{ONION2}
{MAIL}
"""),
("play", "en", "ReadMe.txt", "crlf", """\
PLAY
{MAIL}
"""),
("inc ransom", "en", "INC-README.txt", "utf-8", """\
Inc. Ransomware

We have hacked you and downloaded all confidential data of your company and its clients.
It can be spread out to people and media. Your reputation will be ruined.
Do not panic and do not try to restore the files yourself.

You do not have to hurry to decide. Think about what matters more for you: your money or your reputation.

Your unique ID: {ID}

We're the ones who can quickly recover your systems with no losses. Do not try to devalue our tool - nothing will come of it.

Starting from now, you have 72 hours to contact us if you don't want your sensitive data being published in our blog:
http://{ONION}/

You should be informed, in our business reputation is a basic matter. We give you a security report and show where you were weak.

Contact us: http://{ONION2}/
"""),
("hunters", "en", "Contact Us.txt", "utf-8", """\
_______________________________________________
| Hunters International                        |
|_____________________________________________|

Your data has been stolen and encrypted.

Do NOT use any recovery tools, it can lead to permanent loss of data.
Do NOT contact data recovery companies: they negotiate with us in your name and add their fee.

To get access to your data:
1. Install Tor Browser.
2. Go to http://{ONION}
3. Log in with
   user: {SHORTID}
   password: {PIN}

You have 7 days to start negotiations. After that we publish everything on our leak site.
"""),
("dragonforce", "en", "readme.txt", "utf-8", """\
Hello

Your files have been stolen from your network and encrypted with a strong algorithm. We work for money and are not associated with politics. All you need to do is contact us and pay.

--- Our communication process:
1. You contact us.
2. We send you a list of files that were stolen.
3. We decrypt 1 file to confirm that our decryptor works.
4. We agree on the amount, which must be paid in BTC.
5. We delete your files, we give you a decryptor.
6. We give you a detailed report on how we compromised your company's network and recommendations on how to avoid such situations in the future.

--- Attention!
Do not turn off or restart the machines.
Do not try to restore files yourself.

--- Contact with us:
Tor Browser: http://{ONION}
Your login: {SHORTID}
Your password: {PIN}

Our leak site: http://{ONION2}
DragonForce
"""),
("blackbasta", "en", "instructions_read_me.txt", "utf-8", """\
Your data are stolen and encrypted
The data will be published on TOR website if you do not pay the ransom
You can contact us and decrypt one file for free on this TOR site
(you should download and install TOR browser first https://torproject.org)
https://{ONION}:80/

Your company id for log in: {ID}
"""),
("cactus", "en", "cAcTuS.readme.txt", "utf-8", """\
Your corporate network was compromised and all its important data was encrypted by CACTUS.
We also exfiltrated a large amount of your sensitive data, including:
- accounting and tax documents
- personal data of employees and clients
- contracts, NDA, agreements

If you do not contact us, all this data will be published on our website and sent to your competitors and the media.

How to contact us:
Download TOX messenger: https://tox.chat/download.html
Add our ID: {TOX}
Your personal ID: {ID}

Or use our backup mail: {MAIL}

Do not modify encrypted files and do not use third-party software: you will lose your data.
"""),
("interlock", "en", "!__README__!.txt", "utf-8", """\
INTERLOCK - CRITICAL SECURITY BREACH

Your network has been compromised, and we have secured your most vital files.
Access is restricted - only we can restore it.

Important information: any attempt to modify or decrypt your files on your own will make recovery impossible. Don't risk losing your data forever.

Legal and regulatory obligations: GDPR, HIPAA, CCPA and similar frameworks require you to handle this breach responsibly. Ignoring this situation may lead to regulatory fines and lawsuits. The safest path is to contact us now.

Steps to take:
1. Install Tor Browser.
2. Open our portal: http://{ONION}/support/step.php
3. Your unique company ID: {ID}

We will reply within 24 hours. Every hour of silence increases the damage.
"""),
("fog", "en", "readme.txt", "utf-8", """\
If you are reading this, then you have been the victim of a cyber attack. We call ourselves Fog and take responsibility for this incident. We are the ones who encrypted your data and also copied some of it to our internal resource. The sooner you contact us, the sooner we can resolve this incident and get you back to work.

To contact us you need to have Tor browser installed:
1. Follow the link: http://{ONION}/
2. Enter the code: {PIN}{SHORTID}
3. Now you can chat with us.

If you do not make contact within 2 weeks your data will be published.
"""),
("safepay", "en", "readme_safepay.txt", "utf-8", """\
Greetings!

Your network has been hacked and everything has been encrypted. We have also downloaded a large amount of your data.
We offer you to contact us for a quick recovery of the company's work at a reasonable price.

Download qTox and add our ID:
{TOX}

If you do not contact us within 24 hours, we will start publishing your data on our blog.
Your ID: {ID}
"""),
("8base", "en", "info.txt", "utf-8", """\
!!!All of your files are encrypted!!!
To decrypt them send e-mail to this address: {MAIL}.
If we don't answer in 24h., send e-mail to this address: {MAIL2}
"""),
("phobos", "en", "info.hta", "utf-8", """\
<!DOCTYPE html>
<html>
<head>
<meta charset="windows-1252">
<title>Phobos</title>
<HTA:APPLICATION ID="App" APPLICATIONNAME="App" SCROLL="yes" SINGLEINSTANCE="yes" WINDOWSTATE="maximize">
<style>
body{font-family:Arial;font-size:14px;background:#f2f2f2;margin:0}
.h{background:#c00;color:#fff;padding:12px;font-size:22px;text-align:center}
.b{max-width:760px;margin:20px auto;background:#fff;padding:18px;border:1px solid #ccc}
.id{font-weight:bold;color:#c00}
</style>
</head>
<body>
<div class="h">All your files have been encrypted!</div>
<div class="b">
<p>All your files have been encrypted due to a security problem with your PC. If you want to restore them, write us to the e-mail <b>{MAIL}</b></p>
<p>Write this ID in the title of your message <span class="id">{SHORTID}-{PIN}</span></p>
<p>In case of no answer in 24 hours write us to this e-mail: <b>{MAIL2}</b></p>
<p>You have to pay for decryption in Bitcoins. The price depends on how fast you write to us. After payment we will send you the tool that will decrypt all your files.</p>
<h3>Free decryption as guarantee</h3>
<p>Before paying you can send us up to 5 files for free decryption. The total size of files must be less than 4Mb (non archived), and files should not contain valuable information (databases, backups, large excel sheets, etc.).</p>
<h3>Attention!</h3>
<ul>
<li>Do not rename encrypted files.</li>
<li>Do not try to decrypt your data using third party software, it may cause permanent data loss.</li>
<li>Decryption of your files with the help of third parties may cause increased price (they add their fee to our) or you can become a victim of a scam.</li>
</ul>
</div>
</body>
</html>
"""),
("stop", "en", "_readme.txt", "crlf", """\
ATTENTION!

Don't worry, you can return all your files!
All your files like pictures, databases, documents and other important are encrypted with strongest encryption and unique key.
The only method of recovering files is to purchase decrypt tool and unique key for you.
This software will decrypt all your encrypted files.
What guarantees you have?
You can send one of your encrypted file from your PC and we decrypt it for free.
But we can decrypt only 1 file for free. File must not contain valuable information.
You can get and look video overview decrypt tool:
https://we.tl/t-{SHORTID}
Price of private key and decrypt software is $980.
Discount 50% available if you contact us first 72 hours, that's price for you is $490.
Please note that you'll never restore your data without payment.
Check your e-mail "Spam" or "Junk" folder if you don't get answer more than 6 hours.

To get this software you need write on our e-mail:
{MAIL}

Reserve e-mail address to contact us:
{MAIL2}

Your personal ID:
0{PIN}{ID}
"""),
("mallox", "en", "HOW TO BACK FILES.txt", "utf-8", """\
YOUR FILES ARE ENCRYPTED

Your files are encrypted with our special encryption algorithm, and only we can help you decrypt them.
We also downloaded your database and documents. In case of refusal to pay they will be put up for sale or published on our leak site.

To recover your files:
1) Download and install TOR Browser from https://www.torproject.org/
2) Open http://{ONION}/?id={ID}
3) Follow the instructions on the page.

Alternate contact: {MAIL}

WARNING!
Do not try to modify files yourself, do not use third party tools and do not use antivirus solutions: it can damage the key and make recovery impossible.
"""),
("tellyouthepass", "en", "README-TO-RESTORE-{EXT}.html", "html", """\
Your files have been encrypted by TellYouThePass.
All your files have been encrypted with RSA-1024 and AES-256.
If you want to recover your files, send 0.1 bitcoin to this address:
{BTC}
After sending, contact us by email with your unique key: {MAIL}
Unique key:
{KEY}
"""),
("magniber", "en", "README.html", "utf-8", """\
<html><head><meta charset="utf-8"><title>READ ME</title>
<style>
body{background:#fff;font-family:Verdana,sans-serif;color:#222}
.w{width:640px;margin:40px auto}
.c{color:#b00;font-weight:bold}
a{color:#06c}
</style></head>
<body><div class="w">
<h2>ALL YOUR DOCUMENTS PHOTOS DATABASES AND OTHER IMPORTANT FILES HAVE BEEN ENCRYPTED!</h2>
<p>Your files are NOT damaged! Your files are modified only. This modification is reversible.</p>
<p>The only one way to decrypt your files is to receive the private key and decryption program.</p>
<p>Any attempts to restore your files with the third-party software will be fatal for your files!</p>
<p class="c">To receive the private key and decryption program follow the instructions below:</p>
<ol>
<li>Download and install Tor Browser from https://www.torproject.org/</li>
<li>Open this page in Tor Browser: http://{ID}.{ONION}/{SHORTID}</li>
<li>Follow the instructions on the page.</li>
</ol>
<p>Note! This page is available via Tor Browser only.</p>
</div></body></html>
"""),
("ransomexx2", "en", "!NEWS_FOR_{COMPANY}!.txt", "utf-8", """\
Hello, {COMPANY}!

Your files were encrypted, and attempts to restore them by yourself will only do harm. Your backups are deleted, your domain controllers and file servers are locked.
We have also downloaded more than {GB} GB of your confidential data (finance, personnel, contracts, scans of passports) and we are ready to publish it if you refuse to cooperate.

The only way to get your files back is to contact us and get the decryption software.
Do not try to use public tools: files encrypted by us cannot be restored without the private key.

How to contact us:
1. Install Tor Browser.
2. Open {URL}
3. Enter your code: {ID}

You can also write to {MAIL}.

Waiting for you.
"""),
("bluesky", "en", "# DECRYPT FILES BLUESKY #.txt", "crlf", """\
BLUESKY RANSOMWARE

YOUR IMPORTANT FILES, DOCUMENTS, PHOTOS, VIDEOS, DATABASES HAVE BEEN ENCRYPTED!

The only method to decrypt your files is to purchase the decryption key and software from us.
To get them, follow these steps:

1. Download Tor browser - https://www.torproject.org/ and install it.
2. Open the link in Tor browser: http://{ONION}/{ID}
3. Follow the instructions on this page.

* DO NOT TRY TO RECOVER FILES YOURSELF!
* DO NOT MODIFY ENCRYPTED FILES!
* OTHERWISE, YOU MAY LOSE ALL YOUR FILES FOREVER!

Your recovery ID:
{KEY}
"""),
("bluesky", "en", "# DECRYPT FILES BLUESKY #.html", "html", """\
BLUESKY
YOUR IMPORTANT FILES, DOCUMENTS, PHOTOS, VIDEOS, DATABASES HAVE BEEN ENCRYPTED!
To decrypt your files, open http://{ONION}/{ID} in Tor browser and follow the instructions.
Do not modify encrypted files, or you may lose them forever.
"""),
("holy ghost", "en", "FOR_DECRYPT.html", "utf-8", """\
<!DOCTYPE html><html><head><meta charset="utf-8"><title>H0lyGh0st</title>
<style>body{background:#111;color:#eee;font-family:Georgia,serif;text-align:center}h1{color:#7df}p{max-width:700px;margin:10px auto}</style>
</head><body>
<h1>H0lyGh0st</h1>
<p>We are H0lyGh0st. Your files have been encrypted and we have taken a copy of your important data.</p>
<p>We are a group of people who want to close the gap between the rich and poor. We do not want to harm your business, we only want to be paid for our work. After payment we will give you the key and show you how we got into your network.</p>
<p>If you do not contact us, we will sell your data or send it to your customers.</p>
<p>Contact: <b>{MAIL}</b><br>Your ID: <b>{ID}</b></p>
</body></html>
"""),
("mount locker", "en", "RecoveryManual.html", "utf-8", """\
<html><head><meta charset="utf-8"><title>Recovery manual</title></head>
<body style="font-family:Tahoma;font-size:13px">
<h3>Your ClientId:</h3>
<pre>{ID}</pre>
<h3>/!\\ YOUR NETWORK HAS BEEN COMPROMISED /!\\</h3>
<p>All your important files have been encrypted!</p>
<p>Any attempts to restore your files with the thrid-party software will be fatal for your files! To recovery your data and not to allow data leakage, it is possible only through purchase of a private key from us.</p>
<h3>/!\\ YOUR COMPANY DATA HAVE BEEN DOWNLOADED /!\\</h3>
<p>We have downloaded {GB} GB of your files: accounting, HR, contracts, e-mails. If you do not contact us within 72 hours, we will start publishing it.</p>
<h3>How to contact us</h3>
<ol><li>Download Tor Browser: https://www.torproject.org</li>
<li>Open link: http://{ONION}/?cid={ID}</li></ol>
</body></html>
"""),
("ransom cartel", "en", "README_{SHORTID}.txt", "utf-8", """\
Hello!

Your network has been breached by Ransom Cartel, all your files are encrypted and a copy of your private data is on our servers.
We offer you the decryption of all files and the deletion of the copied data, in exchange for a payment.
If we do not reach an agreement, the data will be sold and the rest published.

To communicate, use the chat on the Tor website:
http://{ONION}/chat/{ID}

Do not use third-party decryptors, you will only corrupt your files.
"""),
("red alert", "en", "HOW_TO_RESTORE", "utf-8", """\
// RedAlert
// N13V

Your files were encrypted and copied to our servers. We work for profit only.

To decrypt your data and avoid its publication, you must pay.
Payment is accepted only in Monero (XMR).

Open in Tor browser: http://{ONION}/?id={ID}
Log in and follow the instructions there.

!!! Do not shut down the servers, do not restore from snapshots,
!!! do not run recovery tools: the files will be destroyed.
"""),
("voidcrypt", "en", "Decryption-Info.HTA", "utf-8", """\
<html><head>
<HTA:APPLICATION APPLICATIONNAME="Decryption" BORDER="thin" MAXIMIZEBUTTON="no" WINDOWSTATE="normal"/>
<title>VoidCrypt</title>
<style>body{background:#202020;color:#ddd;font-family:Consolas,monospace}h2{color:#f44}</style>
</head><body>
<h2>All Your Files Has Been Encrypted</h2>
<p>Your files are encrypted with a strong hybrid algorithm. No one can decrypt your files except us.</p>
<p>For decryption send your ID and 2 test files (less than 1 MB) to our email:</p>
<p><b>{MAIL}</b></p>
<p>If you do not get a reply in 24 hours use the Telegram contact @{EXT}_support</p>
<p>Your ID: <b>{ID}</b></p>
<p>Attention: do not rename the files, do not try to decrypt with other tools.</p>
</body></html>
"""),
("ouroboros", "en", "Read-Me-Now.txt", "utf-8", """\
Your files are encrypted.
To get them back, write to {MAIL} and include your key below.
Key: {ID}
Deadline: {DAYS} days. After that the key is deleted.
"""),
("dark angels", "en", "How_To_Restore_Your_Files.txt", "utf-8", """\
Hello {COMPANY}!

All your servers and network storage were encrypted. We also downloaded {GB} GB of data: contracts, financial statements, bank statements, insurance, employees' and patients' data.

What to do? Contact us by the link below, before the deadline. There is no other way to restore your files and prevent the leak.

You can request test decryption of 3 files.

Tor link: http://{ONION}/
Login: {SHORTID}
Password: {PIN}

Deadline: {DAYS} days. After that, the data goes to our blog and to the authorities and media.
"""),
("arcus media", "en", "!!!Arcus_Media_README!!!.txt", "utf-8", """\
YOUR NETWORK HAS BEEN ATTACKED BY ARCUS MEDIA

All your files are encrypted and important data was downloaded.
If you want your files back and your data removed, contact us:

Email: {MAIL}
Session: {SESSION}

Send your ID: {ID}

If you do not write within 3 days, we will publish your data on our blog.
"""),
("lyrix", "en", "Lyrix-Readme.txt", "utf-8", """\
Your files are encrypted by Lyrix.
To restore them contact {MAIL}
Key identifier: {ID}
"""),
("hellogookie", "en", "HELLOGOOKIE_README.txt", "utf-8", """\
Hello,
All of your servers and files have been encrypted with RSA-2048 + AES-128. We have also got a copy of your documents.
Write to us in the chat: http://{ONION}/?id={ID}
If you do not reply in 3 days we will publish and sell your data.
"""),
("putin team", "en", "!!!PUTIN_TEAM_README!!!.txt", "utf-8", """\
HELLO FROM PUTIN TEAM!
All your files have been encrypted.
Send 0.01 BTC to {BTC} and then write to Telegram @{EXT}putin with your ID: {SHORTID}
"""),
("babuk", "en", "How To Restore Your Files.txt", "utf-8", """\
----------- [ Hello! ] ------------->

****BY BABUK LOCKER****

What happend?
----------------------------------------------
Your computers and servers are encrypted, backups are deleted from your network and copied. We use strong encryption algorithms, so you cannot decrypt your data.
But you can restore everything by purchasing a special program from us - universal decoder. This program will restore your entire network.
Follow our instructions below and you will recover all your data.
If you continue to ignore this for a long time, we will start reporting the hack to mainstream media and posting your data to the dark web.

What guarantees?
----------------------------------------------
We value our reputation. If we do not do our work and liabilities, nobody will pay us. This is not in our interests.
All our decryption software is perfectly tested and will decrypt your data. We will also provide support in case of problems.
We guarantee to decrypt one file for free. Go to the site and contact us.

How to contact us?
----------------------------------------------
Using TOR Browser ( https://www.torproject.org/download/ ):
http://{ONION}/login.php?id={ID}

!!! DANGER !!!
DO NOT MODIFY or try to RECOVER any files yourself. We WILL NOT be able to RESTORE them.
!!! DANGER !!!
"""),
("conti", "en", "readme.txt", "crlf", """\
All of your files are currently encrypted by CONTI strain.

As you know (if you don't - just "google it"), all of the data that has been encrypted by our software cannot be recovered by any means without contacting our team directly.

If you try to use any additional recovery software - the files might be damaged, so if you are willing to try - try it on the data of the lowest value.

To make sure that we REALLY CAN get your data back - we offer you to decrypt 2 random files completely free of charge.

You can contact our team directly for further instructions through our website :

TOR VERSION :
(you should download and install TOR browser first https://torproject.org)

http://{ONION}

HTTPS VERSION :
https://contirecovery.best

YOU SHOULD BE AWARE!
Just in case, if you try to ignore us. We've downloaded a pack of your internal data and are ready to publish it on out news website if you do not respond. So it will be better for both sides if you contact us as soon as possible.

---BEGIN ID---
{ID}
---END ID---
"""),
("zeppelin", "en", "!!! ALL YOUR FILES ARE ENCRYPTED !!!.TXT", "utf-16", """\
!!! ALL YOUR FILES ARE ENCRYPTED !!!

All your files, documents, photos, databases and other important files are encrypted.

You are not able to decrypt it by yourself! The only method of recovering files is to purchase an unique private key.
Only we can give you this key and only we can recover your files.

To be sure we have the decryptor and it works you can send an email: {MAIL} and decrypt one file for free.

Attention!
 * Do not rename encrypted files.
 * Do not try to decrypt your data using third party software, it may cause permanent data loss.
 * Decryption of your files with the help of third parties may cause increased price (they add their fee to our) or you can become a victim of a scam.

Your personal ID: {ID}
"""),
("everest", "en", "EVEREST_WARNING.txt", "utf-8", """\
To the management of {COMPANY},

We are the Everest group. We have had access to your network for several weeks and have copied {GB} GB of data from your file servers and mailboxes, including patient records, payroll, contracts and correspondence with your lawyers and insurers.

We have not damaged anything. Your systems work as before. What happens to your data from now on depends only on you.

If you do not contact us within {DAYS} days, your company will be listed on our website with samples of the data, and the full set will be offered to interested parties. Your clients and the data protection authority will be informed.

To contact us, use Tox: {TOX}
or the chat: http://{ONION}/

Reference: {SHORTID}
"""),
("karakurt", "en", "README_DATA_{SHORTID}.txt", "utf-8", """\
Here's the deal.

We breached your internal network and took control over all of your systems.
We analyzed and located each piece of more or less important files while spending weeks inside.
We exfiltrated anything we wanted ({GB} GB total), including: HR records, medical data, accounting, customer lists, executive mailboxes.

Who are we? Just a group of people that is eager to get paid.

What you need to know:
- We do not encrypt. We do not ask you to buy a decryptor. There is nothing to decrypt.
- You have one week to contact us. After that your data will be published and your customers, employees and partners will be contacted one by one.
- Law enforcement will not help: they will not delete the data from our servers.

Contact us with this ID: {ID}
Chat: http://{ONION}/
"""),
("cl0p", "en", "README.TXT", "utf-8", """\
DEAR COMPANY.

WE ARE THE CL0P GROUP, YOU MAY KNOW US FROM THE NEWS.
WE INFORM YOU THAT WE HAVE DOWNLOADED A LARGE AMOUNT OF DATA FROM YOUR FILE TRANSFER SERVER AS PART OF AN EXCLUSIVE OPERATION.
WE ONLY WANT MONEY. WE DO NOT WANT TO DAMAGE YOUR BUSINESS.

YOU HAVE 7 DAYS TO CONTACT US, OTHERWISE WE WILL START PUBLISHING YOUR DATA ON OUR PORTAL AND NOTIFY YOUR CLIENTS.

CONTACT: {MAIL}
{MAIL2}

YOUR COMPANY CODE: {SHORTID}

DO NOT SEND THIS TO YOUR IT PROVIDER. THEY WILL NOT HELP YOU.
"""),
("bianlian", "en", "Look at this instruction.txt", "utf-8", """\
Your network devices have been compromised and your data was downloaded.
We are BianLian. We took {GB} GB of your files: finance, HR, client data, e-mails.

If you do not pay, we will publish it on our leak site and send it to your clients and competitors.
Nothing is encrypted. There is nothing to restore. This is only about your data and your reputation.

Contact us using qTox: {TOX}
Mail: {MAIL}
Your ID: {ID}
"""),
("ransomhouse", "en", "How To Restore Your Files.txt", "utf-8", """\
Dear {COMPANY},

RansomHouse is a professional mediators community. We do not attack and we do not encrypt; we hold data that was obtained from your network because of your negligence.

We have {GB} GB of your documents. We give you the opportunity to buy them back and to get a report about the vulnerabilities that allowed this.
Otherwise the data will be available to everyone on our site.

Contact: {MAIL}
Tox: {TOX}
Code: {SHORTID}
"""),
("crimson collective", "en", "NOTICE_{COMPANY}.txt", "utf-8", """\
To the security and legal teams of {COMPANY}:

We are Crimson Collective. Over the last weeks we obtained access to your code repositories and consulting documents, including customer engagement reports with network diagrams, credentials and configuration of your clients' infrastructure.

A list of the affected customers is attached in our channel. We tried to contact you through your official channels and got a template answer.

This is not a negotiation about encryption. Nothing of yours is encrypted. It is about whether your customers read the reports before or after the public does.

You have {DAYS} days to reach us: {MAIL}
"""),
("scattered", "en", "SLSH_notice.txt", "utf-8", """\
Scattered LAPSUS$ Hunters

Your Salesforce instance and the connected support platforms were accessed. We exported the records of {GB} million customers (names, addresses, phone numbers, case notes, internal comments).

Pay and the data is deleted. Do not pay and it is leaked to everyone, together with the data of the other companies on our list, and your customers will be told who lost their data.

Contact us only in our Telegram channel. Deadline: {DAYS} days.
ID {SHORTID}
"""),
("eraleig", "en", "data_exposure_{SHORTID}.txt", "utf-8", """\
Eraleig News

Dear management of {COMPANY},
your company's internal documents are now in our possession. A preview of the material will appear on our news portal in {DAYS} days, with a countdown.
You may request removal before the countdown ends.
Contact: {MAIL}
"""),
("medusalocker", "en", "HOW_TO_BACK_FILES.html", "utf-8", """\
<html><head><meta charset="utf-8"><title>YOUR PERSONAL ID</title>
<style>body{font-family:sans-serif;background:#fafafa}.c{width:700px;margin:30px auto;border:2px solid #333;padding:20px}.r{color:red}</style>
</head><body><div class="c">
<h1>YOUR PERSONAL ID:</h1><p>{ID}</p>
<h2 class="r">/!\\ YOUR COMPANY NETWORK HAS BEEN PENETRATED /!\\</h2>
<p>All your important files have been encrypted!</p>
<p>Your files are safe! Only modified. (RSA+AES)</p>
<p>ANY ATTEMPT TO RESTORE YOUR FILES WITH THIRD-PARTY SOFTWARE WILL PERMANENTLY CORRUPT IT.<br>DO NOT MODIFY ENCRYPTED FILES.<br>DO NOT RENAME ENCRYPTED FILES.</p>
<p>No software available on internet can help you. We are the only ones able to solve your problem.</p>
<p>We gathered highly confidential/personal data. These data are currently stored on a private server. This server will be immediately destroyed after your payment. If you decide to not pay, we will release your data to public or re-seller.</p>
<p>Contact us for price and get decryption software.</p>
<p>email:<br>{MAIL}<br>{MAIL2}</p>
<p>* To contact us, create a new free email account on the site: protonmail.com<br>IF YOU DON'T CONTACT US WITHIN 72 HOURS, PRICE WILL BE HIGHER.</p>
</div></body></html>
"""),
("trigona", "en", "how_to_decrypt.hta", "utf-8", """\
<html><head><title>Trigona</title>
<hta:application id="t" applicationname="Trigona" border="none" windowstate="maximize" scroll="yes" />
<meta http-equiv="x-ua-compatible" content="IE=edge">
<style>body{background:#0b0b0b;color:#e0e0e0;font:14px Segoe UI}#t{color:#ff3b3b;font-size:28px}</style>
<script>
var end = new Date().getTime() + 72*3600*1000;
function tick(){var s=Math.max(0,Math.floor((end-new Date().getTime())/1000));document.getElementById('cd').innerHTML=Math.floor(s/3600)+'h '+Math.floor(s%3600/60)+'m '+s%60+'s';}
window.setInterval(tick,1000);
</script></head>
<body onload="tick()">
<div id="t">ALL YOUR FILES ARE ENCRYPTED</div>
<p>Your documents, databases, backups and other critical files have been encrypted and leaked.</p>
<p>Time left before the price rises and the leak starts: <b id="cd"></b></p>
<p>To restore, download Tor Browser and open http://{ONION}/ . Enter your authorization key:</p>
<pre>{KEY}</pre>
</body></html>
"""),
("hive", "en", "HOW_TO_DECRYPT.txt", "crlf", """\
Your network has been breached and all data were encrypted.
Personal data, financial reports and important documents are ready to disclose.

To decrypt all the data and to prevent exfiltrated files to be disclosed at
http://{ONION}/
you will need to purchase our decryption software.

Please contact our sales department at:

   http://{ONION2}/

      Login:    {SHORTID}
      Password: {PIN}

To get an access to .onion websites download and install Tor Browser at:
   https://www.torproject.org/ (Tor Browser is not related to us)

Follow the guidelines below to avoid losing your data:

 - Do not modify, rename or delete *.key.{EXT} files. Your data will be undecryptable.
 - Do not modify or rename encrypted files. You will lose them.
 - Do not report to the Police, FBI, etc. They don't care about your business.
 - Do not hire a recovery company. They can't decrypt without the key.
 - Do not reject to purchase. Exfiltrated files will be publicly disclosed.
"""),
("noescape", "en", "HOW_TO_RECOVER_FILES.txt", "utf-8", """\
---===NoEscape===---

What happened?

Your network has been hacked and infected by NoEscape. All your files, documents, databases and backups are encrypted and your confidential data was downloaded.
If you do not contact us, your data will be published and your clients and partners will be notified.

Your personal ID: {ID}

1. Download and install Tor Browser.
2. Open http://{ONION}/
3. Enter your personal ID and follow the instructions.
"""),
("unknown", "en", "READ_ME.txt", "utf-8", """\
your files are locked
email {MAIL}
id {SHORTID}
"""),
("darkside", "en", "README.{EXT}.TXT", "utf-8", """\
----------- [ Welcome to DarkSide ] ------------->

What happend?
----------------------------------------------
Your computers and servers are encrypted, backups are deleted. We use strong encryption algorithms, so you cannot decrypt your data.
But you can restore everything by purchasing a special program from us - universal decryptor. This program will restore all your network.
Follow our instructions below and you will recover all your data.

What guarantees?
----------------------------------------------
We value our reputation. If we do not do our work and liabilities, nobody will pay us. This is not in our interests.
All our decryption software is perfectly tested and will decrypt your data. We will also provide support in case of problems.
We guarantee to decrypt one file for free.

How to get access on website?
----------------------------------------------
Using a TOR browser:
1) Download and install TOR browser from this site: https://torproject.org/
2) Open our website: http://{ONION}/{ID}

When you open our website, put the following data in the input form:
Key:
{KEY}

!!! DANGER !!!
DO NOT MODIFY or try to RECOVER any files yourself. We WILL NOT be able to RESTORE them.
!!! DANGER !!!
"""),
# ---------------------------------------------------------------- Spanish
("lockbit", "es", "LEER_ESTO_{EXT}.txt", "utf-8", """\
~~~ LockBit - el ransomware más rápido y estable desde 2019 ~~~

>>>> Sus datos han sido robados y cifrados.

Si no paga el rescate, los datos se publicarán en nuestro sitio web de TOR. Tenga en cuenta que, una vez publicados, sus clientes y la prensa los verán.

Enlace para el navegador Tor:
http://{ONION}

>>>> Su identificador personal para la negociación: {ID}

>>>> Puede descifrar un archivo gratis para comprobar que tenemos la clave.

>>>> ¡Atención! No elimine ni modifique los archivos cifrados, podría perderlos para siempre.
"""),
("medusa", "es", "!!!LEEME_MEDUSA!!!.txt", "utf-8", """\
¿Qué ha pasado?
Hemos entrado en su red y copiado sus datos. Todos sus archivos están cifrados.
Nadie puede descifrarlos sin nuestra herramienta.
Si no nos contacta en 48 horas, informaremos a sus clientes, socios y a los medios.

ID de su empresa: {ID}
Chat: http://{ONION}/
Correo: {MAIL}
"""),
("rhysida", "es", "AvisoDeBrechaCritica.txt", "utf-8", """\
Aviso de brecha crítica - se requiere respuesta inmediata

Estimada empresa:
Este es un aviso del equipo Rhysida. Su red ha sido comprometida y una gran cantidad de datos confidenciales ha sido extraída. Podemos venderlos, publicarlos o enviarlos a su competencia.

Para hablar con nosotros instale el navegador Tor, entre en http://{ONION}/ e introduzca su clave secreta:
{KEY}

Cualquier intento de recuperar los archivos por su cuenta provocará su pérdida definitiva.
"""),
("akira", "es", "akira_leeme.txt", "utf-8", """\
Hola.
Si está leyendo esto, la infraestructura de su empresa está total o parcialmente caída y sus copias de seguridad han sido eliminadas. Antes del cifrado nos llevamos una gran cantidad de sus datos.
Entre en nuestro chat con el navegador Tor: http://{ONION}
Código de acceso: {PIN}-{SHORTID}
Cuanto antes nos escriba, menos daño habrá.
"""),
("unknown", "es", "COMO_RECUPERAR_ARCHIVOS.txt", "crlf", """\
¡TODOS SUS ARCHIVOS HAN SIDO CIFRADOS!
Para recuperarlos escriba a {MAIL}
Indique su ID: {SHORTID}
No cambie el nombre de los archivos.
"""),
("ransomhub", "es", "LEAME_{SHORTID}.txt", "utf-8", """\
Somos RansomHub.
Los servidores de su empresa están bloqueados y sus datos están en nuestros servidores.
Tiene {DAYS} días para contactarnos antes de que publiquemos todo.
Navegador Tor: {ONION}
ID de cliente: {ID}
"""),
("everest", "es", "AVISO_IMPORTANTE.txt", "utf-8", """\
A la dirección de {COMPANY}:

Somos el grupo Everest. Hemos copiado {GB} GB de información de sus servidores: historias clínicas, nóminas, contratos y correos.
No hemos cifrado nada. Sus sistemas funcionan con normalidad.
Si no recibimos noticias suyas en {DAYS} días, publicaremos una muestra en nuestro sitio y pondremos el resto a la venta.

Tox: {TOX}
Referencia: {SHORTID}
"""),
# ---------------------------------------------------------------- Portuguese (Brazil, Portugal)
("hunters", "pt-br", "LEIA-ME.txt", "utf-8", """\
Hunters International

Seus dados foram roubados e criptografados.
NÃO use ferramentas de recuperação: isso pode causar perda permanente dos arquivos.
NÃO contrate empresas de recuperação: elas negociam conosco em seu nome e cobram uma taxa.

Para recuperar o acesso:
1. Instale o Tor Browser.
2. Acesse http://{ONION}
3. Usuário: {SHORTID}  Senha: {PIN}

Você tem 7 dias para iniciar a negociação. Depois disso publicaremos tudo.
"""),
("lockbit", "pt-br", "Restore-My-Files.txt", "utf-8", """\
Seus dados foram roubados e criptografados.
Se você não pagar o resgate, os dados serão publicados em nosso site na rede TOR.
Links: http://{ONION}
Seu ID pessoal: {ID}
Não apague nem modifique os arquivos criptografados.
"""),
("ransomhub", "pt-br", "COMO_RECUPERAR.txt", "utf-8", """\
Nós somos o RansomHub.
Os servidores da sua empresa estão bloqueados e os dados foram levados para nossos servidores.
Não procure a polícia: ela só vai atrapalhar a negociação e você ainda será multado pela ANPD.
Entre em contato em até {DAYS} dias: http://{ONION}
ID do cliente: {ID}
"""),
("unknown", "pt-br", "ATENÇÃO.txt", "utf-8", """\
Seus arquivos estão bloqueados.
Para desbloquear, mande e-mail para {MAIL} com o código {SHORTID}.
"""),
("unknown", "pt", "LEIA_ISTO.txt", "utf-8", """\
Caro cliente,
Os ficheiros desta rede foram cifrados e uma cópia dos dados foi retirada.
Contacte-nos através de {MAIL} indicando o identificador {ID}.
Não tente recuperar os ficheiros sozinho.
"""),
# ---------------------------------------------------------------- French
("lockbit", "fr", "Restore-My-Files.txt", "utf-8", """\
~~~ LockBit - le rançongiciel le plus rapide et le plus stable depuis 2019 ~~~

>>>> Vos données ont été volées et chiffrées.

Si vous ne payez pas la rançon, les données seront publiées sur notre site TOR.

Lien pour le navigateur Tor :
http://{ONION}

>>>> Votre identifiant personnel : {ID}

>>>> Ne supprimez pas et ne modifiez pas les fichiers chiffrés, cela rendrait leur déchiffrement impossible.

>>>> N'allez pas voir la police : elle ne vous aidera pas et nous le saurons.
"""),
("medusa", "fr", "!!!LISEZ_MOI_MEDUSA!!!.txt", "utf-8", """\
Que s'est-il passé ?
Nous avons pénétré votre réseau et copié vos données.
Tous vos fichiers sont chiffrés. Personne ne peut les déchiffrer sans notre outil.
Si vous ne nous contactez pas sous 48 heures, nous informerons vos partenaires, vos clients et la presse.

Identifiant de votre entreprise : {ID}
Chat Tor : http://{ONION}/
"""),
("unknown", "fr", "LISEZ-MOI.txt", "utf-8", """\
Bonjour,
Tous les fichiers de votre cabinet ont été chiffrés.
Pour les récupérer, écrivez à {MAIL} en indiquant votre identifiant : {SHORTID}
Vous pouvez nous envoyer deux fichiers, nous les déchiffrerons gratuitement.
"""),
("qilin", "fr", "LISEZMOI-RESTAURATION.txt", "utf-8", """\
-- Qilin

Votre réseau a été chiffré. Les fichiers ont reçu l'extension .{EXT}

-- Données sensibles
Nous avons téléchargé des données confidentielles : dossiers du personnel, pièces d'identité, relevés bancaires, données de vos clients. Sans accord, elles seront publiées.

-- Contact
Navigateur Tor : {ONION}
Identifiant : {ID}
Mot de passe : {PIN}
"""),
("ransomhouse", "fr", "Vos_donnees.txt", "utf-8", """\
À l'attention de la direction de {COMPANY},

Nous détenons {GB} Go de documents issus de votre réseau : comptabilité, contrats, données de santé de vos patients.
Rien n'est chiffré : il n'y a rien à restaurer. Il s'agit uniquement de vos données et de votre réputation.
Sans réponse de votre part sous {DAYS} jours, ces documents seront accessibles à tous sur notre site et la CNIL comme vos patients en seront informés.

Contact : {MAIL}
Référence : {SHORTID}
"""),
# ---------------------------------------------------------------- German
("akira", "de", "akira_lesemich.txt", "utf-8", """\
Hallo,

wenn Sie dies lesen, ist die interne Infrastruktur Ihres Unternehmens ganz oder teilweise ausgefallen, und alle Ihre Sicherungen, die wir erreichen konnten, wurden gelöscht. Außerdem haben wir vor der Verschlüsselung eine große Menge Ihrer Firmendaten kopiert.

Lassen Sie uns sachlich bleiben:
1. Eine Einigung mit uns kostet Sie weniger als ein Neuaufbau und das Bußgeld.
2. Nach der Zahlung sind Sie in etwa 24 Stunden wieder arbeitsfähig.
3. Sie erhalten einen Bericht darüber, wie wir in Ihr Netz gelangt sind.
4. Kommt keine Einigung zustande, verkaufen wir Ihre Daten und veröffentlichen sie in unserem Blog.

Chat (Tor-Browser): http://{ONION}
Zugangscode: {PIN}-{SHORTID}
"""),
("lockbit", "de", "Restore-My-Files.txt", "crlf", """\
Ihre Daten wurden gestohlen und verschlüsselt.
Wenn Sie das Lösegeld nicht zahlen, werden die Daten auf unserer TOR-Webseite veröffentlicht.
Link für den Tor-Browser: http://{ONION}
Ihre persönliche ID: {ID}
Löschen oder verändern Sie die verschlüsselten Dateien nicht.
"""),
("blackbasta", "de", "WICHTIG_LESEN.txt", "utf-8", """\
Ihre Daten sind gestohlen und verschlüsselt.
Die Daten werden auf unserer TOR-Seite veröffentlicht, wenn Sie nicht zahlen.
Sie können eine Datei kostenlos entschlüsseln lassen: https://{ONION}:80/
Ihre Firmen-ID: {ID}
"""),
("unknown", "de", "LIESMICH", "utf-8", """\
ALLE IHRE DATEIEN SIND VERSCHLÜSSELT.
Schreiben Sie an {MAIL}.
Ihre Kennung: {SHORTID}
"""),
("karakurt", "de", "Information_{SHORTID}.txt", "utf-8", """\
Sehr geehrte Geschäftsleitung der {COMPANY},

wir waren mehrere Wochen in Ihrem Netzwerk und haben {GB} GB Daten kopiert: Patientenakten, Lohnabrechnungen, Verträge, Postfächer der Geschäftsführung.

Wir verschlüsseln nichts und verkaufen kein Entschlüsselungsprogramm. Es gibt nichts zu entschlüsseln.
Sie haben eine Woche Zeit, sich zu melden. Danach veröffentlichen wir die Daten und informieren Ihre Patienten, Mitarbeiter und Partner einzeln.

Kontakt über Tor: http://{ONION}/
ID: {ID}
"""),
# ---------------------------------------------------------------- Italian
("lockbit", "it", "Restore-My-Files.txt", "utf-8", """\
I vostri dati sono stati rubati e cifrati.
Se non pagate il riscatto, i dati saranno pubblicati sul nostro sito TOR.
Link per il browser Tor: http://{ONION}
Il vostro ID personale: {ID}
Non cancellate e non modificate i file cifrati.
"""),
("akira", "it", "akira_leggimi.txt", "utf-8", """\
Salve,
se state leggendo questo messaggio, l'infrastruttura della vostra azienda è ferma e i backup sono stati eliminati. Prima della cifratura abbiamo copiato molti dei vostri dati.
Se non ci accordiamo, li venderemo e li pubblicheremo sul nostro blog.
Chat via Tor: http://{ONION}
Codice: {PIN}-{SHORTID}
"""),
("unknown", "it", "LEGGIMI.txt", "utf-8", """\
Tutti i file di questo computer sono stati criptati.
Per riaverli scrivete a {MAIL} indicando il codice {SHORTID}.
Non rinominate i file.
"""),
("everest", "it", "AVVISO.txt", "utf-8", """\
Alla direzione di {COMPANY},
abbiamo copiato {GB} GB di documenti dai vostri server, compresi dati sanitari e contratti.
Non abbiamo cifrato nulla. Senza una risposta entro {DAYS} giorni pubblicheremo tutto sul nostro sito.
Tox: {TOX}
"""),
# ---------------------------------------------------------------- Dutch, Polish, Czech, Romanian, Hungarian, Greek, Swedish
("akira", "nl", "akira_leesmij.txt", "utf-8", """\
Hallo,
Als u dit leest, ligt de interne infrastructuur van uw bedrijf geheel of gedeeltelijk stil en zijn alle back-ups die wij konden bereiken verwijderd. Vóór de versleuteling hebben wij een grote hoeveelheid bedrijfsgegevens gekopieerd.
Neem contact op via de Tor-browser: http://{ONION}
Code: {PIN}-{SHORTID}
"""),
("unknown", "nl", "LEESMIJ.txt", "utf-8", """\
Al uw bestanden zijn versleuteld.
Mail {MAIL} met uw ID {SHORTID} om ze terug te krijgen.
"""),
("lockbit", "pl", "Restore-My-Files.txt", "utf-8", """\
Twoje dane zostały skradzione i zaszyfrowane.
Jeśli nie zapłacisz okupu, dane zostaną opublikowane na naszej stronie w sieci TOR.
Link: http://{ONION}
Twój identyfikator: {ID}
Nie usuwaj ani nie zmieniaj zaszyfrowanych plików.
"""),
("prestige", "pl", "README", "utf-8", """\
Wszystkie Twoje ważne pliki zostały zaszyfrowane.
Aby je odzyskać, napisz na {MAIL}.
W tytule wiadomości podaj swój identyfikator: {SHORTID}
"""),
("unknown", "cs", "PRECTI_ME.txt", "utf-8", """\
Všechny vaše soubory byly zašifrovány a zkopírovány.
Pokud se neozvete do 72 hodin, zveřejníme je.
Kontakt: {MAIL}
Vaše ID: {ID}
"""),
("phobos", "ro", "info.txt", "utf-8", """\
Toate fișierele dumneavoastră au fost criptate!
Pentru a le recupera, scrieți-ne la {MAIL}
Dacă nu primiți răspuns în 24 de ore, scrieți la {MAIL2}
ID: {SHORTID}-{PIN}
"""),
("unknown", "hu", "OLVASS_EL.txt", "utf-8", """\
Az összes fájlod titkosítva lett.
A visszaállításhoz írj a következő címre: {MAIL}
Azonosító: {SHORTID}
"""),
("unknown", "el", "ΔΙΑΒΑΣΕ_ΜΕ.txt", "utf-8", """\
Όλα τα αρχεία σας έχουν κρυπτογραφηθεί και αντιγραφεί.
Για να τα ανακτήσετε, επικοινωνήστε μαζί μας στο {MAIL}.
Ο κωδικός σας: {SHORTID}
Μην μετονομάσετε τα αρχεία.
"""),
("akira", "sv", "akira_lasmig.txt", "utf-8", """\
Hej,
om du läser detta ligger företagets interna infrastruktur helt eller delvis nere och alla säkerhetskopior vi kunde nå är raderade. Innan krypteringen kopierade vi en stor mängd av era data.
Kontakta oss via Tor-webbläsaren: http://{ONION}
Kod: {PIN}-{SHORTID}
"""),
# ---------------------------------------------------------------- Turkish
("lockbit", "tr", "Restore-My-Files.txt", "utf-8", """\
Verileriniz çalındı ve şifrelendi.
Fidyeyi ödemezseniz veriler TOR sitemizde yayınlanacak.
Tor tarayıcısı için bağlantı: http://{ONION}
Kişisel kimliğiniz: {ID}
Şifrelenmiş dosyaları silmeyin veya değiştirmeyin.
"""),
("unknown", "tr", "ÖNEMLİ_OKU.txt", "utf-8", """\
Tüm dosyalarınız şifrelendi!
Dosyalarınızı geri almak için {MAIL} adresine yazın.
Kimliğiniz: {SHORTID}
Dosyaların adını değiştirmeyin, başka programlarla açmaya çalışmayın.
"""),
("mallox", "tr", "DOSYALARI_GERI_AL.txt", "utf-8", """\
DOSYALARINIZ ŞİFRELENDİ
Veritabanınızı ve belgelerinizi de indirdik. Ödeme yapılmazsa satışa çıkarılacak ya da sızıntı sitemizde yayımlanacak.
1) TOR tarayıcısını kurun.
2) http://{ONION}/?id={ID} adresini açın.
Yedek iletişim: {MAIL}
"""),
# ---------------------------------------------------------------- Arabic, Persian, Hebrew
("lockbit", "ar", "Restore-My-Files.txt", "utf-8", """\
تمت سرقة بياناتك وتشفيرها.
إذا لم تدفع الفدية، فسيتم نشر البيانات على موقعنا في شبكة تور.
الرابط: http://{ONION}
معرّفك الشخصي: {ID}
لا تحذف الملفات المشفرة ولا تعدّلها.
"""),
("unknown", "ar", "اقرأ_هذا.txt", "utf-8", """\
جميع ملفاتك مشفرة.
لاستعادتها راسلنا على {MAIL}
رقم التعريف: {SHORTID}
"""),
("stormous", "ar", "تنبيه.txt", "utf-8", """\
إلى إدارة {COMPANY}
لقد حصلنا على {GB} غيغابايت من بياناتكم، بما فيها بيانات العملاء والحسابات.
لم نقم بتشفير أي شيء. إذا لم تتواصلوا معنا خلال {DAYS} أيام فسننشر كل شيء على موقعنا.
{MAIL}
"""),
("unknown", "fa", "راهنمای_بازیابی.txt", "utf-8", """\
تمام فایل‌های شما رمزگذاری شده‌اند.
برای بازگرداندن آن‌ها به {MAIL} ایمیل بزنید.
شناسه شما: {SHORTID}
نام فایل‌ها را تغییر ندهید.
"""),
("sorena", "fa", "پیام.txt", "utf-8", """\
اطلاعات شرکت {COMPANY} در اختیار ماست: {GB} گیگابایت سند، قرارداد و اطلاعات مشتریان.
چیزی رمزگذاری نشده است. اگر ظرف {DAYS} روز پاسخ ندهید، همه چیز منتشر می‌شود.
تماس: {MAIL}
"""),
("moses staff", "he", "הודעה_חשובה.txt", "utf-8", """\
כל הקבצים שלכם הוצפנו והמידע שלכם הועתק.
אנחנו לא רוצים כסף. אנחנו רוצים שכולם יראו.
המסמכים יפורסמו באתר שלנו בעוד {DAYS} ימים.
"""),
("handala", "he", "קרא_אותי.txt", "utf-8", """\
הנהלת {COMPANY},
יש בידינו {GB} ג'יגה-בייט של מסמכים מהשרתים שלכם: תיקים רפואיים, חוזים ומיילים.
לא הצפנו דבר. הכול יפורסם בערוץ שלנו.
"""),
# ---------------------------------------------------------------- Russian, Ukrainian
("lockbit", "ru", "Restore-My-Files.txt", "utf-8", """\
Ваши данные украдены и зашифрованы.
Если вы не заплатите выкуп, данные будут опубликованы на нашем сайте в сети TOR.
Ссылка для браузера Tor: http://{ONION}
Ваш личный идентификатор: {ID}
Не удаляйте и не изменяйте зашифрованные файлы.
"""),
("twelve", "ru", "ПРОЧТИ_МЕНЯ.txt", "utf-8", """\
Ваша сеть захвачена. Файлы зашифрованы, копии документов у нас.
Для восстановления напишите на {MAIL} и укажите код {SHORTID}.
Не перезагружайте серверы и не пытайтесь расшифровать файлы сами.
"""),
("unknown", "ru", "КАК_ВЕРНУТЬ_ФАЙЛЫ.txt", "crlf", """\
ВСЕ ВАШИ ФАЙЛЫ ЗАШИФРОВАНЫ!
Для получения программы расшифровки пишите: {MAIL}
Резервная почта: {MAIL2}
Ваш ID: {ID}
"""),
("somnia", "uk", "ПРОЧИТАЙ.txt", "utf-8", """\
Усі ваші файли зашифровано.
Щоб їх відновити, напишіть на {MAIL} і вкажіть ідентифікатор {SHORTID}.
Не перейменовуйте файли.
"""),
# ---------------------------------------------------------------- Japanese, Korean, Chinese
("lockbit", "ja", "Restore-My-Files.txt", "utf-8", """\
あなたのデータは盗まれ、暗号化されました。
身代金を支払わない場合、データは当社のTORサイトで公開されます。
Torブラウザ用リンク: http://{ONION}
あなたの個人ID: {ID}
暗号化されたファイルを削除したり変更したりしないでください。
"""),
("8base", "ja", "お読みください.txt", "utf-8", """\
すべてのファイルが暗号化されました。
復号するには次のアドレスにメールしてください: {MAIL}
24時間以内に返信がない場合は: {MAIL2}
"""),
("unknown", "ja", "復号方法.txt", "utf-16", """\
重要なファイルはすべて暗号化されました。
ファイルを取り戻すには {MAIL} に連絡してください。
ID: {SHORTID}
"""),
("magniber", "ko", "README.html", "utf-8", """\
<html><head><meta charset="utf-8"><title>읽어주세요</title>
<style>body{font-family:"Malgun Gothic",sans-serif;background:#fff}.w{width:620px;margin:40px auto}</style></head>
<body><div class="w">
<h2>모든 문서, 사진, 데이터베이스 및 기타 중요한 파일이 암호화되었습니다!</h2>
<p>파일은 손상되지 않았습니다. 수정되었을 뿐입니다.</p>
<p>파일을 복호화하는 유일한 방법은 개인 키와 복호화 프로그램을 받는 것입니다.</p>
<p>Tor 브라우저로 다음 주소를 여십시오: http://{ID}.{ONION}/{SHORTID}</p>
</div></body></html>
"""),
("unknown", "ko", "복구방법.txt", "utf-8", """\
귀하의 모든 파일이 암호화되었습니다.
복구하려면 {MAIL} 로 연락하십시오.
ID: {SHORTID}
"""),
("lockbit", "ko", "Restore-My-Files.txt", "utf-8", """\
귀하의 데이터가 도난당하고 암호화되었습니다.
몸값을 지불하지 않으면 데이터가 TOR 사이트에 공개됩니다.
링크: http://{ONION}
개인 ID: {ID}
"""),
("tellyouthepass", "zh-cn", "READ_ME_{EXT}.html", "html", """\
您的文件已被加密。
所有文件均使用 RSA-1024 和 AES-256 加密。
如需恢复文件，请将 0.1 比特币发送到以下地址：
{BTC}
付款后请通过邮件联系我们并提供您的唯一密钥：{MAIL}
唯一密钥：
{KEY}
"""),
("mallox", "zh-cn", "如何恢复文件.txt", "utf-8", """\
您的文件已被加密
我们还下载了您的数据库和文档。如果拒绝付款，数据将被出售或在我们的网站上公开。
1) 下载并安装 TOR 浏览器
2) 打开 http://{ONION}/?id={ID}
备用联系方式：{MAIL}
"""),
("unknown", "zh-cn", "解密说明.txt", "utf-8", """\
你的文件已被加密！
联系邮箱：{MAIL}
你的ID：{SHORTID}
"""),
("unknown", "zh-tw", "讀我.txt", "utf-8", """\
您所有的檔案都已被加密。
若要復原，請寄信至 {MAIL} 並附上您的識別碼 {SHORTID}。
請勿重新命名檔案。
"""),
# ---------------------------------------------------------------- Vietnamese, Thai, Indonesian, Malay
("unknown", "vi", "DOC_KY_DE_KHOI_PHUC.txt", "utf-8", """\
Tất cả các tệp của bạn đã bị mã hóa.
Để khôi phục, hãy gửi email tới {MAIL} kèm mã {SHORTID}.
Không đổi tên tệp và không dùng phần mềm khác.
"""),
("lockbit", "vi", "Restore-My-Files.txt", "utf-8", """\
Dữ liệu của bạn đã bị đánh cắp và mã hóa.
Nếu bạn không trả tiền chuộc, dữ liệu sẽ được công bố trên trang TOR của chúng tôi.
Liên kết: http://{ONION}
Mã cá nhân: {ID}
"""),
("unknown", "th", "อ่านฉันก่อน.txt", "utf-8", """\
ไฟล์ทั้งหมดของคุณถูกเข้ารหัสแล้ว
หากต้องการกู้คืน โปรดติดต่อ {MAIL}
รหัสของคุณ: {SHORTID}
"""),
("lockbit", "th", "Restore-My-Files.txt", "utf-8", """\
ข้อมูลของคุณถูกขโมยและเข้ารหัสแล้ว
หากคุณไม่จ่ายค่าไถ่ ข้อมูลจะถูกเผยแพร่บนเว็บไซต์ TOR ของเรา
ลิงก์: http://{ONION}
รหัสประจำตัว: {ID}
"""),
("brain cipher", "id", "How To Restore Your Files.txt", "utf-8", """\
Salam,

Jaringan Anda telah diretas oleh Brain Cipher. Semua file Anda telah dienkripsi dan sebagian data telah kami unduh.
Jangan mencoba memulihkan file sendiri atau dengan bantuan pihak ketiga: file bisa rusak permanen.

Untuk menghubungi kami:
1. Unduh Tor Browser.
2. Buka http://{ONION}/
3. Masukkan kode enkripsi: {ID}

Email cadangan: {MAIL}
"""),
("unknown", "id", "BACA_SAYA.txt", "utf-8", """\
Semua file Anda telah dienkripsi.
Hubungi {MAIL} untuk mendapatkan kunci.
ID Anda: {SHORTID}
"""),
("unknown", "ms", "BACA_INI.txt", "utf-8", """\
Semua fail anda telah disulitkan dan data syarikat telah dimuat turun.
Hubungi kami di {MAIL} dalam masa 3 hari atau data akan diterbitkan.
ID: {SHORTID}
"""),
# ---------------------------------------------------------------- Hindi, Spanish (Latin America), more short English
("unknown", "hi", "महत्वपूर्ण.txt", "utf-8", """\
आपकी सभी फ़ाइलें एन्क्रिप्ट कर दी गई हैं।
उन्हें वापस पाने के लिए {MAIL} पर संपर्क करें।
आपकी आईडी: {SHORTID}
"""),
("unknown", "es", "RECUPERAR-ARCHIVOS.html", "html", """\
SUS ARCHIVOS HAN SIDO CIFRADOS
Todos los documentos, fotos y bases de datos de esta red están cifrados.
Para obtener el programa de descifrado escriba a {MAIL}
Su identificador: {ID}
No intente descifrar los archivos con otros programas.
"""),
("8base", "es", "info.hta", "utf-8", """\
<html><head><meta charset="utf-8"><HTA:APPLICATION WINDOWSTATE="maximize" SCROLL="no"/>
<title>Información</title><style>body{background:#8b0000;color:#fff;font-family:Arial;text-align:center;padding-top:60px}</style></head>
<body><h1>¡Todos sus archivos han sido cifrados!</h1>
<p>Para descifrarlos escriba a: <b>{MAIL}</b></p>
<p>Indique este ID en el asunto: <b>{SHORTID}-{PIN}</b></p>
<p>Si no responde en 24 horas: <b>{MAIL2}</b></p></body></html>
"""),
("unknown", "en", "HELP_DECRYPT_YOUR_FILES.txt", "utf-16", """\
YOUR FILES HAVE BEEN ENCRYPTED
Contact {MAIL} with ID {SHORTID}
"""),
("unknown", "en", "!!!.txt", "utf-8", """\
{MAIL}
{SHORTID}
"""),
("unknown", "en", "DATA_STOLEN.txt", "utf-8", """\
We have your files. Accounting, patients, HR.
Pay or we publish.
Tox {TOX}
"""),
("unknown", "en", "README.md", "utf-8", """\
# Your files are encrypted

All of the files on this share were encrypted. A copy of the data is with us.

* Contact: {MAIL}
* ID: `{ID}`
* Deadline: {DAYS} days
"""),
("unknown", "en", "decrypt_instructions.rtf", "utf-8", """\
{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}
\\f0\\fs24 ALL YOUR FILES HAVE BEEN ENCRYPTED\\par
\\par
To get your files back, write to {MAIL}\\par
Your ID: {SHORTID}\\par
Do not rename files and do not use recovery software.\\par
}
"""),
]
