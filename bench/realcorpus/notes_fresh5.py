# Ransom notes of the FRESH5 corpus (issue 20, seventh corpus).
#
# Written on 2026-12-05/06 (night) by an engineer who has not read the detection rules nor
# the note data (data/rules*, data/notes*, lib/detect, the note and engine unit tests), nor
# the other corpora's note texts (only the first 30 lines of notes_fresh4.py, for the file's
# format). Family names were checked with a yes/no grep against data/, bench/realcorpus and
# tests/corpus: almost every family of 2019-2026 is named somewhere already, so most notes
# carry a family name used elsewhere, but every text here is our own, written from public
# descriptions of the family's notes, leak-site posts and extortion mails (vendor
# write-ups, government advisories, victims' and responders' accounts). A few families no
# existing file names are used too (VanHelsing, LunaLock, HelloXD, RTM Locker, SECP0,
# Tengu, ShinySp1d3r, CrazyHunter, Mario, Black Kingdom, ...). Onion addresses, mail
# addresses, Tox and Session IDs, wallets, victim IDs, amounts and company names are made up
# from the seed.
#
# Not written to be easy or hard for any detector: what a responder finds on a share -- long
# and short notes (many real notes are three lines), notes in the victim's language
# (affiliates translate for the country they hit: Spanish and Portuguese in Latin America,
# Japanese, Korean, Chinese, Vietnamese, Thai and Indonesian in Asia, Arabic, Persian,
# Hebrew and Turkish in the Middle East, and the languages of Europe), data-theft extortion
# notes that never speak of decryption, HTML and HTA notes, a PDF note, and file names of
# every kind (no extension, upper case, non-ASCII, the victim's ID in the name).
#
# notes(rng) returns a list of (family, lang, file name, encoding, text); encoding is
# "utf-8", "utf-16" (LE with BOM), "html" (make-real wraps the lines in <p>) or "crlf"
# (UTF-8 with CRLF line ends). Hand-made HTML, HTA and PDF notes are "utf-8" text with their
# own markup. {NAME} in a text or a file name (NAME one of FILL's keys) is replaced by a
# made-up value, the same within one note; other braces (CSS, script) are left alone.

import re

B32 = "abcdefghijklmnopqrstuvwxyz234567"
HEX = "0123456789abcdef"
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
B64 = ALNUM + "+/"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
DOMAINS = ["onionmail.org", "proton.me", "tutamail.com", "cock.li", "mail2tor.com", "gmx.com",
           "airmail.cc", "keemail.me", "msgsafe.io", "dnmx.su", "skiff.com", "yandex.com"]
USERS = ["recovery", "datadecrypt", "support", "helpdesk", "unlock", "restore", "mr.white", "kevin",
         "doctor", "bluecastle", "lisa.moore", "paul", "key_help", "blackfox", "s3cure", "admin"]
VICTIMS = ["Zahnarztpraxis Dr. Kessler", "Cabinet Infirmier des Tilleuls", "Clínica Veterinaria San Roque",
           "Studio Legale Bassi", "Huisartsenpraktijk De Linde", "Kancelaria Nowak i Wspólnicy",
           "Laboratório Vida Saúde", "Kobayashi Seimitsu K.K.", "Hanbit Dental Clinic", "Ofis Muhasebe Ltd.",
           "Al Noor Medical Center", "Fisioterapia Aurora", "Brightwater Accounting LLC", "Optik Sommer GmbH"]


def _s(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def _key(rng):
    blob = _s(rng, B64, 340) + "=="
    return "\n".join(blob[i:i + 64] for i in range(0, len(blob), 64))


FILL = {
    "ONION": lambda r: _s(r, B32, 56) + ".onion",
    "ONION2": lambda r: _s(r, B32, 56) + ".onion",
    "ID": lambda r: _s(r, HEX, 32),
    "ID8": lambda r: _s(r, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8),
    "EXT": lambda r: _s(r, "abcdefghijklmnopqrstuvwxyz0123456789", r.choice([5, 6, 9])),
    "UID": lambda r: _s(r, HEX.upper(), 40),
    "MAIL": lambda r: "%s%d@%s" % (r.choice(USERS), r.randrange(10, 999), r.choice(DOMAINS)),
    "MAIL2": lambda r: "%s%d@%s" % (r.choice(USERS), r.randrange(10, 999), r.choice(DOMAINS)),
    "TOX": lambda r: _s(r, HEX.upper(), 76),
    "SESSION": lambda r: "05" + _s(r, HEX, 64),
    "BTC": lambda r: "bc1q" + _s(r, "023456789acdefghjklmnpqrstuvwxyz", 38),
    "XMR": lambda r: "4" + _s(r, B58, 94),
    "KEY": _key,
    "COMPANY": lambda r: r.choice(VICTIMS),
    "GB": lambda r: str(r.randrange(40, 1400)),
    "USD": lambda r: "{:,}".format(r.randrange(20, 900) * 1000),
    "DATE": lambda r: "2026-11-%02d" % r.randrange(23, 30),
    "TG": lambda r: "@" + _s(r, "abcdefghijklmnopqrstuvwxyz", 7) + "_support",
    "PHONE": lambda r: "+%d %d %d" % (r.choice([44, 33, 49, 7, 380]), r.randrange(100, 999), r.randrange(1000000, 9999999)),
}


def _fill(rng, s, vals):
    def one(m):
        k = m.group(1)
        if k not in FILL:
            return m.group(0)
        if k not in vals:
            vals[k] = FILL[k](rng)
        return vals[k]
    return re.sub(r"\{([A-Z0-9]+)\}", one, s)


def notes(rng):
    out = []
    for fam, lang, name, enc, text in NOTES:
        vals = {}
        text = _fill(rng, text, vals)
        name = _fill(rng, name, vals)
        out.append((fam, lang, name, enc, text))
    return out


NOTES = [
    # ------------------------------------------------------------------ English, double extortion
    ("vanhelsing", "en", "README.txt", "utf-8",
     "--= VANHELSING =--\n\nHello,\n\nYour network was compromised and the files on your servers and workstations are now\nencrypted. Before that we copied {GB} GB of your company's data: accounting, patient\nrecords, contracts, mailboxes.\n\nWhat you need to know:\n1. Only we can bring your files back. Third-party tools will damage them for good.\n2. To prove it, we will decrypt two files for free (no databases, max 2 MB each).\n3. If we do not hear from you in 5 days, your data goes to our blog and to your clients.\n\nHow to contact us:\n - Download Tor Browser: https://www.torproject.org/\n - Open http://{ONION}/contact\n - Enter your personal ID: {ID}\n\nDo not rename the files. Do not shut down the machines. Do not call the police or a\nrecovery company: they will take your money and you will still have to come to us.\n"),
    ("lunalock", "en", "readme.txt", "utf-8",
     "LunaLock\n\nWe have breached your website and your servers. All of your files are encrypted and your\ndatabase has been downloaded to our servers.\n\nIf you do not pay, we will:\n- publish all of your data on our leak site,\n- send your users' details and messages to them and to the press,\n- submit your artwork and content to AI companies so it is added to their training data.\n\nPrice: {USD} USD in Bitcoin or Monero.\nDeadline: 48 hours. Chat: http://{ONION}/chat?id={ID8}\n"),
    ("helloxd", "en", "Unlock-Info.txt", "utf-8",
     "HELLO!\nAll your files have been encrypted.\nTo get them back contact us in qTox: {TOX}\nIf no answer in 24h: {MAIL}\nYour ID: {ID8}\n"),
    ("rtm-locker", "en", "How To Restore Your Files.txt", "utf-8",
     "!!! Your network is infected by RTM Locker !!!\n\nAll documents, databases, backups and other critical data were encrypted and leaked.\nThe program uses a secure algorithm. You cannot restore your data without our key.\n\nWhat to do:\n1. Install the Tox messenger (https://tox.chat) and add us: {TOX}\n2. Send us your ID and 2-3 test files.\n\nYOUR ID: {UID}\n\nAttention!\n * Do not modify the encrypted files.\n * Do not try to restore them with third-party software.\n * If you do not contact us within 48 hours, your data will be sold or published.\n"),
    ("secp0", "en", "SECP0-NOTICE.txt", "utf-8",
     "To the management of {COMPANY}\n\nDuring an assessment of your infrastructure our team found several critical weaknesses in\nthe software you ship to your customers, and used them to reach your internal systems.\n\nWe have a full technical write-up with proof of exploitation, and a copy of your source\ncode repositories and customer database.\n\nWe are prepared to keep this private and hand you the findings in exchange for a fee.\nIf we are ignored, the vulnerabilities and the exploit will be published, together with a\nsample of your customers' records, and your customers will be told why.\n\nYou have 5 days. Reach us on Session: {SESSION}\nReference: {ID8}\n"),
    ("shinysp1d3r", "en", "R3ADME_{ID8}.txt", "utf-8",
     "ShinySp1d3r\n\nyour systems are locked. your data is ours.\nwe have your domain, your backups and your cloud tenant.\n\nnegotiate here: http://{ONION}/?v={ID8}\nyou have 72h before we start calling your staff and your clients.\n"),
    ("mario", "en", "How To Restore Your Files.txt", "utf-8",
     "Your ESXi hosts and virtual machines have been encrypted.\n\nWe are not a politically motivated group and we want nothing more than money.\nIf you pay, we will give you the tool to restore every virtual machine and delete the\ncopies of your data that we hold. If you do not, your data will be published.\n\nContact: http://{ONION}/\nLogin ID: {ID8}  Password: {EXT}\n\nDo not power off the hosts. Do not delete .emario files.\n"),
    ("black-kingdom", "en", "decrypt_file.TxT", "utf-8",
     "***************************\n| We Are Back            ?\n***************************\nWe hacked your (( Network )), and now all files, documents, images,\ndatabases and other important data are safely encrypted using the strongest algorithms ever.\nYou cannot access any of your files or services.\nBut do not worry. You can restore everthing and get back business very soon ( depends on your actions )\n\nbefore I tell how you can restore your data, you have to know certain things :\nWe have downloaded most of your data ( especially important data ) , and if you don't contact us within 2 days, your data will be released to the public.\n\nsend $10,000 worth of Bitcoin to this address :\n{BTC}\nafter payment send the transaction id to {MAIL}\nyour code: {ID8}\n"),
    ("akira", "en", "akira_readme.txt", "utf-8",
     "Hi friends,\n\nWhatever who you are and what your title is if you're reading this it means the internal\ninfrastructure of your company is fully or partially dead, all your backups - virtual,\nphysical - everything that we managed to reach - are completely removed. Moreover, we have\ntaken a great amount of your corporate data prior to encryption.\n\nWell, for now let's keep all the tears and resentment to ourselves and try to build a\nconstructive dialogue. We're fully aware of what damage we caused by locking your internal\nsources. At the moment, you have to know:\n\n1. Dealing with us you will save A LOT due to we are not interested in ruining your\nfinancially. We will study in depth your finance, bank and income statements, your savings,\ninvestments etc. and present our reasonable demand to you.\n2. Paying us you save your TIME, MONEY, EFFORTS and be back on track within 24 hours.\n3. The security report or the exclusive first-hand information that you will receive upon\nreaching an agreement is of a great value.\n\nTo contact us use Tor Browser: http://{ONION}\nYour code: {ID8}-{EXT}\n"),
    ("play", "en", "ReadMe.txt", "utf-8",
     "PLAY\n{MAIL}\n"),
    ("play", "en", "ReadMe.txt", "crlf",
     "PLAY news\n\n{MAIL}\nhttp://{ONION}\n\nCall us: {PHONE}\n"),
    ("blacksuit", "en", "README.BlackSuit.txt", "utf-8",
     "Good whatever time of day it is!\n\nYour safety service did a really poor job of protecting your files against our professionals.\nExtortioner named BlackSuit has attacked your system.\n\nAs a result all your essential files were encrypted and saved at a secure server for further use\nand publishing on the Web into the public realm.\nNow we have all your files like: financial reports, intellectual property, accounting, law\nactions and complaints, personal files and so on and so forth.\n\nWe are able to solve this problem in one touch.\nWe (BlackSuit) are ready to give you an opportunity to get all the things back if you agree\nto make a deal with us. You have a chance to get rid of all possible financial, legal,\ninsurance and many others risks and problems for a quite small compensation.\n\nYou can have a safety review of your systems. All your files will be decrypted, your data\nwill be reset, your systems will stay in safe.\n\nContact us through TOR browser using the link:\nhttp://{ONION}/?id={ID}\n"),
    ("lockbit", "en", "{EXT}.README.txt", "utf-8",
     "~~~ You have been attacked by LockBit 3.0 - the fastest and most stable ransomware ~~~\n\n>>>>> Your data is stolen and encrypted.\nIf you don't pay the ransom, the data will be published on our TOR darknet sites.\nKeep in mind that once your data appears on our leak site, it could be bought by your\ncompetitors at any second, so don't hesitate for a long time.\n\nTor Browser Links to our blog:\nhttp://{ONION}\n\n>>>>> You need contact us and decrypt one file for free on these TOR sites with your personal DECRYPTION ID\nhttp://{ONION2}\n\n>>>>> Your personal DECRYPTION ID: {UID}\n\n>>>>> Warning! Do not DELETE or try to MODIFY any files, it can lead to recovery problems!\n\n>>>>> Warning! If you do not pay the ransom we will attack your company repeatedly again!\n"),
    ("medusa", "en", "!!!READ_ME_MEDUSA!!!.txt", "utf-8",
     "$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$\n$                      M E D U S A                                              $\n$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$\n\nWhat happened?\n---------------\n1. We have PENETRATE your network and COPIED data.\n * We have penetrated entire network including backup system and researched all about your data.\n * And we have extracted all of your important and valuable data and copied them to a safe place.\n2. We have ENCRYPTED your files.\n * While you are reading this message, it means your files and data has been ENCRYPTED by world's strongest ENCRYPTION algorithm.\n\nWhat guarantees?\n---------------\nWe can decrypt some of your files for free as a proof.\n\nHow to contact us?\n---------------\n1. Live chat: http://{ONION}/?{ID}\n2. Tox: {TOX}\n3. Mail: {MAIL}\n\nYour data will be published on http://{ONION2} within 10 days if you do not contact us.\n"),
    ("mallox", "en", "HOW TO BACK FILES.txt", "utf-8",
     "YOUR FILES ARE ENCRYPTED!!!\n\nTO DECRYPT, FOLLOW THE INSTRUCTIONS:\n\nTo recover data you need decryption tool.\nTo get the decryption tool you should:\n1.In Tor Browser open our website: http://{ONION}/\n2.Enter your personal ID: {UID}\n3.Follow the instructions.\n\nYOUR DATA IS STOLEN AND WILL BE PUBLISHED IF YOU DO NOT PAY. OUR BLOG: http://{ONION2}/\n"),
    ("makop", "en", "readme-warning.txt", "utf-8",
     "::: Greetings :::\n\nLittle FAQ:\n\n.1.\nQ: Whats Happen?\nA: Your files have been encrypted and now have the \"makop\" extension. The file structure was\nnot damaged, we did everything possible so that this could not happen.\n\n.2.\nQ: How to recover files?\nA: If you wish to decrypt your files you will need to pay us.\n\n.3.\nQ: What about guarantees?\nA: Its just a business. We absolutely do not care about you and your deals, except getting\nbenefits. If we do not do our work and liabilities - nobody will cooperate with us.\n\n.4.\nQ: How to contact with you?\nA: You can write us to our mailbox: {MAIL}\n\n.5.\nQ: How will the decryption process proceed after payment?\nA: After payment we will send to you our scanner-decoder program and detailed instructions.\n"),
    ("dharma", "en", "FILES ENCRYPTED.txt", "utf-8",
     "all your data has been locked us\nYou want to return?\nwrite email {MAIL} or {MAIL2}\n"),
    ("phobos", "en", "info.txt", "utf-8",
     "!!! All of your files are encrypted !!!\nTo decrypt them send e-mail to this address: {MAIL}.\nIf we don't answer in 24h., send e-mail to this address: {MAIL2}\n"),
    ("8base", "en", "info.txt", "crlf",
     "!!! All of your files are encrypted !!!\nTo decrypt them send e-mail to this address: {MAIL}.\nIf we don't answer in 24h., send e-mail to this address: {MAIL2}\nYour ID {ID8}-2AF3\n"),
    ("stop-djvu", "en", "_readme.txt", "utf-8",
     "ATTENTION!\n\nDon't worry, you can return all your files!\nAll your files like pictures, databases, documents and other important are encrypted with\nstrongest encryption and unique key.\nThe only method of recovering files is to purchase decrypt tool and unique key for you.\nThis software will decrypt all your encrypted files.\nWhat guarantees you have?\nYou can send one of your encrypted file from your PC and we decrypt it for free.\nBut we can decrypt only 1 file for free. File must not contain valuable information.\nPrice of private key and decrypt software is $999.\nDiscount 50% available if you contact us first 72 hours, that's price for you is $499.\nPlease note that you'll never restore your data without payment.\nCheck your e-mail \"Spam\" or \"Junk\" folder if you don't get answer more than 6 hours.\n\nTo get this software you need write on our e-mail:\n{MAIL}\n\nReserve e-mail address to contact us:\n{MAIL2}\n\nYour personal ID:\n0875JOsie{ID}\n"),
    ("hive", "en", "HOW_TO_DECRYPT.txt", "utf-8",
     "Your network has been breached and all data were encrypted.\nPersonal data, financial reports and important documents are ready to disclose.\n\nTo decrypt all the data and to prevent exfiltrated files to be disclosed at\nhttp://{ONION}/\nyou will need to purchase our decryption software.\n\nPlease contact our sales department at:\n\n   http://{ONION2}/\n\n      Login:    {ID8}\n      Password: {EXT}\n\nTo get an access to .onion websites download and install Tor Browser at:\n   https://www.torproject.org/\n\nFollow the guidelines below to avoid losing your data:\n\n - Do not modify, rename or delete *.key files. Your data will be undecryptable.\n - Do not modify or rename encrypted files. You will lose them.\n - Do not report to the Police, FBI, etc. They don't care about your business.\n - Do not hire a recovery company. They can't decrypt without the key.\n - Do not reject to purchase. Exfiltrated files will be publicly disclosed.\n"),
    ("blackcat", "en", "RECOVER-{EXT}-FILES.txt", "utf-8",
     ">> What happened?\n\nImportant files on your network was ENCRYPTED and now they have \"{EXT}\" extension.\nIn order to recover your files you need to follow instructions below.\n\n>> Sensitive Data\n\nSensitive data on your network was DOWNLOADED.\nIf you DON'T WANT your sensitive data to be PUBLISHED you have to act quickly.\n\nData includes:\n- Employees personal data, CVs, DL, SSN.\n- Complete network map including credentials for local and remote services.\n- Private financial information including: clients data, bills, budgets, annual reports, bank statements.\n- Manufacturing documents including: datagrams, schemas, drawings in solidworks format\n- And more...\n\n>> CAUTION\n\nDO NOT MODIFY ENCRYPTED FILES YOURSELF.\nDO NOT USE THIRD PARTY SOFTWARE TO RESTORE YOUR DATA.\n\n>> What should I do next?\n\n1) Download and install Tor Browser from: https://torproject.org/\n2) Navigate to: http://{ONION}/?access-key={KEY}\n"),
    ("rhysida", "en", "CriticalBreachDetected.txt", "utf-8",
     "Critical Breach Detected - Immediate Response Required\n\nDear company management,\n\nWe are the Rhysida cybersecurity team. Your systems have been breached and a significant\namount of confidential data has been taken. This is a matter of urgency.\n\nTo resolve this, contact us through our secure portal with your secret key and the unique\ncode below. Install Tor Browser and go to http://{ONION}/\n\nYour unique code: {ID}\n\nUsing this code you can negotiate with us. We await your answer.\nWe strongly advise not to delay: the consequences of ignoring this message will be severe.\n"),
    ("qilin", "en", "README-RECOVER-{EXT}.txt", "utf-8",
     "-- Qilin\n\nYour network/system was encrypted.\nEncrypted files have new extension.\n\n-- Compromising and sensitive data\n\nWe have downloaded compromising and sensitive data from your system/network.\nIf you refuse to communicate with us and we do not come to an agreement, your data will be\npublished. Data includes: employees personal documents, scans, finance, contracts, audit,\nmails.\n\n-- Warning\n\n1) If you modify files - our decrypt software won't able to recover data\n2) If you use third party software - you can damage/modify files (see item 1)\n3) You need cipher key / our decrypt software to restore you files.\n4) The police or authorities will not be able to help you get the cipher key.\n\n-- Recovery\n\n1) Download tor browser: https://www.torproject.org/download/\n2) Go to domain http://{ONION}\n3) Enter credentials\n\n-- Credentials\n\nExtension: {EXT}\nDomain: {ONION}\nlogin: {ID}\npassword: {ID8}\n"),
    ("inc", "en", "INC-README.txt", "utf-8",
     "Inc. Ransomware\n\nWe have hacked you and downloaded all confidential data of your company and its clients.\nIt can be exposed at any time, but we want to help you. Our goal is money.\n\nWhat happened? Your data has been encrypted and you cannot use it without our decryptor.\nWe also have a copy of your files, and if we do not come to an agreement they will be\nposted on our blog, your partners and clients will be informed, and the regulator too.\n\nTo make sure we are serious, we will decrypt 2 random files for free.\n\nContact us:\n1. Download Tor: https://www.torproject.org/download/\n2. Visit http://{ONION}/\n3. Your personal ID: {ID}\n"),
    ("lynx", "en", "README.txt", "utf-8",
     "Your data is stolen and encrypted.\nYour data will be published on our blog if you do not pay.\n\nDownload Tor browser and go to http://{ONION}/login\nYour ID: {ID}\n\nContact us by mail: {MAIL}\n"),
    ("fog", "en", "readme.txt", "utf-8",
     "If you are reading this, then you have been the victim of a cyber attack. We call ourselves\nFog and we take responsibility for this incident. We are the ones who encrypted your data\nand also copied some of it to our internal resource. The sooner you contact us, the sooner\nwe can resolve this incident and get you back to work.\n\nTo contact us you need to have a Tor browser:\nhttp://{ONION}/\n\nYour unique code: {ID8}{EXT}\n"),
    ("interlock", "en", "!__README__!.txt", "utf-8",
     "INTERLOCK - CRITICAL SECURITY BREACH\n\nYour network has been compromised and your critical data has been encrypted.\nWe also hold a copy of your files. Inaction will lead to:\n - public release of your data,\n - regulatory penalties, lawsuits and loss of your clients' trust.\n\nAccess our secure portal with Tor: http://{ONION}/support/step1.html\nYour company ID: {ID}\n\nYou have 96 hours to make contact.\n"),
    ("safepay", "en", "readme_safepay.txt", "utf-8",
     "Greetings, {COMPANY}!\n\nWe are SafePay. Your network was vulnerable and we used it. Your files are encrypted and\nwe have downloaded a large amount of your data.\n\nTo restore access and stop the publication, contact us:\nTox: {TOX}\nWeb: http://{ONION}/\n\nDo not delay. Every day without an answer makes the price higher.\n"),
    ("trigona", "en", "how_to_decrypt.txt", "utf-8",
     "All your files are encrypted and stolen.\nTo restore them, go to http://{ONION}/ with Tor Browser and log in with the key below.\n\n{KEY}\n\nThe price goes up every day. After the timer runs out, your data is auctioned.\n"),
    ("cactus", "en", "cAcTuS.readme.txt", "utf-8",
     "Your corporate network was compromised.\nWe have also downloaded a lot of private data from your network.\n\nIf you do not contact us in 5 days, we will post the information about your breach on our\npublic news site, and after 14 days the stolen data will be published.\n\nYour ID: {ID}\nContact us in TOX: {TOX}\nBackup: {MAIL}\n"),
    ("ransomhub", "en", "README_{EXT}.txt", "utf-8",
     "We are the RansomHub.\n\nYour company servers are locked and data has been taken to our servers. This is serious.\n\nGood news:\n- your server system and data will be restored by our Decryption Tool;\n- for now, your data is secured and safely stored on our server;\n- nobody in the world is aware about the data leak from your company except you and\n  RansomHub team;\n\nFAQs:\nWho we are?\n- Normal browsers are not able to access our site, you need Tor Browser.\n- We are a ransomware team that only wants to be paid. We keep our word.\n\nWant to go to authorities for protection?\n- Seeking their help will only make the situation worse. They will try to prevent you from\n  negotiating with us, because the negotiations will make them look incompetent.\n\nLink: http://{ONION}/\nClient ID: {ID}\n"),
    ("nitrogen", "en", "readme.txt", "utf-8",
     "Nitrogen welcome you!\n\nYour network was hacked and your files have been encrypted.\nYou can write to us and we will send you a test decryption.\nContact: {MAIL}\nAlternative contact (qTox): {TOX}\n"),
    ("devman", "en", "{ID8}-README.txt", "utf-8",
     "DEVMAN\n\nyour files are encrypted, your data is downloaded\nwrite: {MAIL}\nid: {ID8}\n"),
    ("everest", "en", "DATA_BREACH_NOTICE.txt", "utf-8",
     "Your company's data has been obtained by us.\n\nWe are the Everest group. We hold databases, internal correspondence, contracts and\nfinancial files of {COMPANY}.\n\nYour company is now listed on our site with a countdown:\nhttp://{ONION}/\n\nWhen the countdown ends, the data is sold or released. Contact us through the site or by\nmail at {MAIL} if you wish to remove the listing.\n"),
    # ------------------------------------------------------------------ extortion only: no word of decryption
    ("karakurt", "en", "README.txt", "utf-8",
     "Here's the deal.\n\nWe breached your internal network and took a considerable amount of your data. We have\nbeen inside long enough to understand what matters to you: the bookkeeping, the HR\nfolders, the contracts, the shared drives and the mailboxes of your directors.\n\nIf you keep quiet and do nothing, in a week your employees, partners and customers will\nreceive a message from us with a link to their own files.\n\nIf you want to solve this quietly, log in here with the Tor browser:\nhttp://{ONION}/\nLogin: {ID8}\nPassword: {EXT}\n\nDo not waste our time and yours.\n"),
    ("ransomhouse", "en", "How To Restore Your Files.txt", "utf-8",
     "Dear management of {COMPANY},\n\nWe are RansomHouse. We are not a ransomware group: we do not encrypt, we do not break.\nWe found your network exposed and we walked in. We took {GB} GB of your information.\n\nYour security team failed you. Think of what we ask as the price of an audit you did not\npay for. If we hear nothing from you, the data will be put on our site and offered to\nthose who want it.\n\nContact: http://{ONION}/ (Tor Browser)\nPersonal code: {ID}\n"),
    ("clop", "en", "!!!_READ_ME_!!!.txt", "utf-8",
     "Dear Company,\n\nThis is to notify you that we, the CL0P team, have downloaded a large amount of data from\nyour file transfer server. We are the ones who found the weakness in the software you use.\n\nWe have no interest in your systems, only in the data. If you want your company's name\nnot to appear on our page, write to us within 7 days:\n{MAIL}\n{MAIL2}\n\nIf you do not write, the data will be published and your customers will learn about it\nfrom the internet, not from you.\n"),
    ("bianlian", "en", "Look at this instruction.txt", "utf-8",
     "We have been in your network for some time. We have copied your financial, legal, HR and\nclients' documents.\n\nThis is not a matter that will go away. If you do not respond, everything will be\nposted on our site and we will send notices to your clients and to the media.\n\nContact us using Tox: {TOX}\nor mail: {MAIL}\n\nThe amount is {USD} USD in Bitcoin. Payment is expected within 10 days.\n"),
    ("bianlian", "en", "LETTER_FROM_BIANLIAN.txt", "utf-8",
     "TIME SENSITIVE - for the executive team of {COMPANY} only\n\nWe are the BianLian group. We regret to inform you that we have gained access to your\nsystems and over several weeks exported thousands of data files, including customer\norder and contact information, patient records, employee information, IDs, payroll\nreports and other sensitive documents.\n\nWe will give you the opportunity to protect your organization and your reputation.\nPayment of 350,000 USD in Bitcoin to the address below within 10 days keeps this matter\nout of public view:\n{BTC}\n\nWe will not negotiate. This is our only contact with you.\n"),
    ("worldleaks", "en", "WORLD_LEAKS_NOTICE.txt", "utf-8",
     "World Leaks\n\nWe have exfiltrated data from your company. There is no encryption this time: we only\nneed your data, and you only need it to stay private.\n\nYour page on our platform is ready and hidden for now: http://{ONION}/c/{ID8}\nNegotiations: http://{ONION2}/ (access code {ID})\n"),
    ("dispossessor", "en", "README_DISPOSSESSOR.txt", "utf-8",
     "Your data is in our hands.\nWe will publish it on our site and sell it to the highest bidder unless you contact us.\nWe know your customers. We will call them.\nTox: {TOX}\nSession: {SESSION}\n"),
    ("hellcat", "en", "readme_hellcat.txt", "utf-8",
     "HELLCAT\n\nWe got into your Jira and your file servers. We have your source code, your tickets and\nyour customer data.\n\nYou have 3 days to reach out. After that it goes public on our forum, free for everyone.\n\nContact: {MAIL}\nRef: {ID8}\n"),
    ("kairos", "en", "kairos.txt", "utf-8",
     "We have your data. {GB} GB of it.\nContact within 96 hours or it will be released on our site: http://{ONION}/\nAccess token: {ID}\n"),
    ("coinbase-cartel", "en", "CONTACT_US.txt", "utf-8",
     "Coinbase Cartel\n\nWe have collected the data of your company and your customers.\nNo files were harmed. We only sell silence.\n\nIf you prefer that your data never appears on our blog, contact us:\nSession: {SESSION}\nqTox: {TOX}\n"),
    ("mad-liberator", "en", "Restore-My-Files.txt", "utf-8",
     "Hello.\n\nWe have access to your network and have downloaded your data. The files from your shared\nfolders are now on our servers.\n\nTo prevent your data from being published, you must pay. Contact us by mail:\n{MAIL}\nIf no answer within 48 hours, the first part goes public.\n"),
    ("irleaks", "fa", "اطلاعیه.txt", "utf-8",
     "به مدیریت {COMPANY}\n\nما به سرورهای شما دسترسی پیدا کرده‌ایم و اطلاعات مشتریان، حساب‌ها و تراکنش‌های شما را\nدر اختیار داریم. حجم اطلاعات: {GB} گیگابایت.\n\nاگر ظرف ۷۲ ساعت با ما تماس نگیرید، نمونه‌ای از اطلاعات در کانال ما منتشر می‌شود و\nسپس همه آن را می‌فروشیم.\n\nتماس: {TG} در تلگرام\nکد شما: {ID8}\n"),
    ("handala", "he", "הודעה.txt", "utf-8",
     "לכבוד הנהלת {COMPANY}\n\nחדרנו לרשת שלכם והעתקנו את כל המידע: מסמכים, מיילים, רשומות לקוחות ועובדים.\nכל מה שמצאנו יפורסם בערוץ שלנו, אלא אם תיצרו איתנו קשר.\nטלגרם: {TG}\n"),
    ("stormous", "ar", "اقرأني.txt", "utf-8",
     "إلى إدارة {COMPANY}\n\nلقد اخترقنا شبكتكم وحصلنا على نسخة من بياناتكم: الحسابات، والعقود، وبيانات العملاء\nوالموظفين. حجم البيانات {GB} جيجابايت.\n\nإذا لم تتواصلوا معنا خلال ثلاثة أيام، سننشر جزءاً من البيانات على موقعنا، ثم نعرض\nالباقي للبيع.\n\nللتواصل: {TG} على تيليجرام أو {MAIL}\nالرمز الخاص بكم: {ID8}\n"),
    ("ransomhouse", "es", "Cómo recuperar sus archivos.txt", "utf-8",
     "Estimada dirección de {COMPANY}:\n\nSomos RansomHouse. Entramos en su red y copiamos {GB} GB de información: contabilidad,\nnóminas, contratos, historias clínicas y correo.\n\nSi no tenemos noticias suyas en 5 días, publicaremos todo en nuestro sitio y\ninformaremos a sus pacientes y a la prensa.\n\nContacto (navegador Tor): http://{ONION}/\nCódigo personal: {ID}\n"),
    ("everest", "pt-br", "AVISO_VAZAMENTO.txt", "utf-8",
     "Atenção, direção da {COMPANY}.\n\nObtivemos acesso aos seus sistemas e copiamos bancos de dados, planilhas financeiras e os\ndados dos seus clientes e funcionários.\n\nSua empresa já está na nossa lista com contagem regressiva. Quando o prazo acabar, os\ndados serão vendidos ou divulgados.\n\nFale conosco: {MAIL}\nPágina: http://{ONION}/\n"),
    ("karakurt", "de", "LIESMICH.txt", "utf-8",
     "An die Geschäftsführung von {COMPANY},\n\nwir waren mehrere Wochen in Ihrem Netzwerk und haben {GB} GB Daten kopiert:\nBuchhaltung, Personalakten, Verträge, Patientendaten und E-Mails.\n\nWenn wir innerhalb von 7 Tagen nichts von Ihnen hören, schreiben wir Ihren Kunden,\nIhren Mitarbeitern und der Presse und veröffentlichen die Daten.\n\nAnmeldung (nur mit Tor-Browser): http://{ONION}/\nBenutzer: {ID8}  Kennwort: {EXT}\n"),
    ("daixin", "en", "README.txt", "utf-8",
     "Your data has been taken.\n\nPatient records, insurance claims, payroll and the contents of your file shares are now\nwith us. We will publish them unless you contact us.\n\nMail: {MAIL}\nCase: {ID8}\n"),
    # ------------------------------------------------------------------ in the victim's language
    ("lockbit", "es", "Restore-My-Files.txt", "utf-8",
     "~~~ LockBit 3.0 ~~~\n\n>>>> Sus datos han sido robados y cifrados.\nSi no paga el rescate, los datos se publicarán en nuestros sitios de la red TOR.\nTenga en cuenta que una vez publicados, cualquiera podrá descargarlos, incluida su\ncompetencia.\n\nDescargue el navegador Tor y visite: http://{ONION}\n\n>>>> Su ID de descifrado personal: {UID}\n\n>>>> ¡No elimine ni modifique los archivos cifrados, puede causar problemas de recuperación!\n"),
    ("medusa", "es", "!!!LEAME_MEDUSA!!!.txt", "utf-8",
     "¿Qué pasó?\n\n1. Penetramos su red y COPIAMOS sus datos más valiosos.\n2. CIFRAMOS sus archivos con el algoritmo más fuerte del mundo.\n\nPodemos descifrar algunos archivos gratis como prueba.\n\nChat: http://{ONION}/?{ID}\nCorreo: {MAIL}\n\nSi no nos contacta en 10 días, sus datos serán publicados.\n"),
    ("vice-society", "es", "LEAME_ARCHIVOS.txt", "utf-8",
     "Hola {COMPANY}.\n\nSu red fue atacada, sus archivos cifrados y sus datos descargados.\nEscríbanos a {MAIL} o {MAIL2} antes de 7 días o publicaremos todo.\n"),
    ("rorschach", "es", "_R_E_A_D___T_H_I_S___{ID8}_.txt", "utf-8",
     "Todos sus archivos han sido cifrados y se han extraído datos de su empresa.\n\nPara recuperar sus archivos escriba a:\n{MAIL}\no\n{MAIL2}\n\nEn el asunto indique su ID: {ID8}\nNo intente descifrar los archivos con programas de terceros.\n"),
    ("el-dorado", "es", "HOW_RETURN_YOUR_DATA.TXT", "crlf",
     "Hola,\n\nSu red ha sido comprometida por Eldorado. Todos sus servidores y máquinas virtuales\nestán cifrados y hemos descargado su información.\n\nPara recibir el programa de descifrado y evitar la publicación:\n1. Abra http://{ONION}/ con el navegador Tor\n2. Inicie sesión con el ID {ID}\n\nNo reinicie los servidores. No cambie los nombres de los archivos.\n"),
    ("ransomexx", "pt-br", "!LEIA-ME_{EXT}.txt", "utf-8",
     "Olá, {COMPANY}!\n\nSeus arquivos foram criptografados e não podem ser abertos. Não tente recuperá-los por\nconta própria: você pode danificá-los para sempre.\n\nTambém baixamos seus dados confidenciais. Se não entrar em contato, eles serão publicados.\n\nPara obter o descriptografador, escreva para:\n{MAIL}\n\nEnvie no e-mail este código: {ID}\nPodemos descriptografar 3 arquivos de graça como garantia.\n"),
    ("hive", "pt-br", "COMO_DESCRIPTOGRAFAR.txt", "utf-8",
     "Sua rede foi invadida e todos os dados foram criptografados.\nDados pessoais, relatórios financeiros e documentos importantes estão prontos para divulgação.\n\nPara descriptografar e evitar a divulgação em http://{ONION}/\nvocê precisa comprar nosso software.\n\nDepartamento de vendas: http://{ONION2}/\n  Login: {ID8}\n  Senha: {EXT}\n\n- Não apague os arquivos *.key.\n- Não avise a polícia.\n"),
    ("noescape", "fr", "HOW_TO_RECOVER_FILES.txt", "utf-8",
     "Que s'est-il passé ?\n\nVotre réseau a été compromis. Tous vos fichiers ont été chiffrés et une grande quantité\nde données confidentielles a été téléchargée sur nos serveurs.\n\nQue faire ?\nPour récupérer vos fichiers et éviter la publication de vos données, contactez-nous.\n1. Téléchargez le navigateur Tor : https://www.torproject.org/\n2. Ouvrez : http://{ONION}/\n3. Identifiant : {ID}\n\nN'essayez pas de déchiffrer les fichiers vous-même et ne faites pas appel à des\nsociétés de récupération : elles ne peuvent rien sans notre clé.\n"),
    ("vice-society", "fr", "LISEZ-MOI.txt", "utf-8",
     "Bonjour,\n\nVotre réseau a été piraté, vos fichiers chiffrés et vos données copiées.\nÉcrivez-nous : {MAIL}\nSans réponse sous 7 jours, tout sera publié.\n"),
    ("qilin", "fr", "LISEZ-MOI-RECUPERATION-{EXT}.txt", "utf-8",
     "-- Qilin\n\nVotre réseau a été chiffré. Les fichiers chiffrés portent une nouvelle extension.\n\n-- Données sensibles\nNous avons téléchargé des données confidentielles : documents du personnel, comptabilité,\ncontrats, courriels. Sans accord, elles seront publiées.\n\n-- Récupération\n1) Navigateur Tor : https://www.torproject.org/download/\n2) Domaine : http://{ONION}\n3) Identifiant : {ID}  Mot de passe : {ID8}\n"),
    ("medusalocker", "fr", "COMMENT_RESTAURER_FICHIERS.html", "html",
     "VOTRE RÉSEAU D'ENTREPRISE A ÉTÉ PÉNÉTRÉ\nTous vos fichiers importants ont été chiffrés !\nVos fichiers sont en sécurité, seulement modifiés (RSA + AES).\nATTENTION : ne modifiez pas les fichiers chiffrés, n'utilisez pas de logiciel tiers.\nNous avons aussi recueilli des données personnelles très confidentielles. Elles seront publiées si vous ne payez pas.\nContactez-nous dans les 72 heures, sinon le prix augmente.\n{MAIL}\n{MAIL2}\nVotre ID personnel : {ID}\n"),
    ("akira", "de", "akira_readme.txt", "utf-8",
     "Hallo,\n\nwenn Sie dies lesen, ist die interne Infrastruktur Ihres Unternehmens ganz oder teilweise\nlahmgelegt. Ihre Sicherungen sind gelöscht, soweit wir sie erreichen konnten. Außerdem\nhaben wir vor der Verschlüsselung eine große Menge Ihrer Firmendaten kopiert.\n\nSparen wir uns Tränen und Vorwürfe und reden wir sachlich. Mit uns zu verhandeln kostet\nSie weniger Zeit und Geld als alles andere, und in 24 Stunden können Sie wieder arbeiten.\n\nKontakt über den Tor-Browser: http://{ONION}\nIhr Code: {ID8}-{EXT}\n"),
    ("blackbasta", "de", "instructions_read_me.txt", "utf-8",
     "IHRE DATEN SIND GESTOHLEN UND VERSCHLÜSSELT\n\nDie Daten werden auf unserem Blog veröffentlicht, wenn Sie nicht verhandeln.\nTor-Browser: http://{ONION}/\nIhre Firmen-ID: {ID}\n"),
    ("rhysida", "it", "LEGGIMI_URGENTE.txt", "utf-8",
     "Violazione critica rilevata - risposta immediata richiesta\n\nGentile direzione,\n\nsiamo il team Rhysida. I vostri sistemi sono stati violati e abbiamo sottratto una grande\nquantità di dati riservati.\n\nPer risolvere la situazione contattateci tramite il nostro portale con il codice qui\nsotto. Installate Tor Browser e andate su http://{ONION}/\n\nCodice univoco: {ID}\n"),
    ("monti", "it", "readme.txt", "utf-8",
     "Salve.\n\nTutti i vostri file sono stati cifrati e abbiamo copiato {GB} GB di dati della vostra\nazienda. Per ricevere lo strumento di decifratura e impedire la pubblicazione scriveteci\ntramite il portale: http://{ONION}/ (ID {ID8}).\n\nNon rinominate i file cifrati.\n"),
    ("cactus", "nl", "cAcTuS.readme.txt", "utf-8",
     "Uw bedrijfsnetwerk is gecompromitteerd.\nWe hebben ook veel vertrouwelijke gegevens van uw netwerk gedownload.\n\nAls u binnen 5 dagen geen contact opneemt, publiceren we het lek op onze nieuwssite.\nNa 14 dagen worden de gegevens zelf gepubliceerd.\n\nUw ID: {ID}\nTOX: {TOX}\n"),
    ("phobos", "nl", "info.txt", "utf-8",
     "!!! Al uw bestanden zijn versleuteld !!!\nStuur een e-mail naar {MAIL} om ze te ontsleutelen.\nGeen antwoord binnen 24 uur? Schrijf naar {MAIL2}\n"),
    ("lockbit", "pl", "PRZECZYTAJ-MNIE.txt", "utf-8",
     "Twoje dane zostały skradzione i zaszyfrowane.\n\nJeśli nie zapłacisz, dane zostaną opublikowane na naszej stronie w sieci TOR.\nPobierz przeglądarkę Tor i wejdź na: http://{ONION}\n\nTwój osobisty identyfikator: {UID}\n\nNie usuwaj i nie zmieniaj zaszyfrowanych plików!\n"),
    ("mallox", "tr", "DOSYALARI_GERI_AL.txt", "utf-8",
     "DOSYALARINIZ ŞİFRELENDİ!!!\n\nVerilerinizi geri almak için şifre çözme aracına ihtiyacınız var.\n1. Tor Browser ile sitemizi açın: http://{ONION}/\n2. Kişisel kimliğinizi girin: {UID}\n3. Talimatları izleyin.\n\nVERİLERİNİZ ÇALINDI. ÖDEME YAPMAZSANIZ YAYINLANACAK.\n"),
    ("beast", "tr", "OKU_BENI.txt", "utf-8",
     "Merhaba,\nağınıza girdik ve tüm dosyalarınızı şifreledik.\nİletişim: {MAIL}\nKimliğiniz: {ID8}\n"),
    ("lockbit", "ar", "استعادة_الملفات.txt", "utf-8",
     "لقد تمت سرقة بياناتكم وتشفيرها.\n\nإذا لم تدفعوا الفدية فسيتم نشر البيانات على مواقعنا في شبكة تور.\nقوموا بتنزيل متصفح تور وادخلوا إلى: http://{ONION}\n\nمعرّف فك التشفير الخاص بكم: {UID}\n\nلا تحذفوا الملفات المشفرة ولا تعدلوها.\n"),
    ("pay2key", "fa", "راهنما.txt", "utf-8",
     "همه فایل‌های شما رمزگذاری شده‌اند.\nبرای بازگرداندن فایل‌ها با ما تماس بگیرید: {MAIL}\nشناسه شما: {ID8}\n"),
    ("moses-staff", "he", "READ_ME.txt", "utf-8",
     "הקבצים שלכם הוצפנו והמידע שלכם בידינו.\nלא ניתן לשחזר את הקבצים.\nאת המידע נפרסם בקרוב באתר שלנו: http://{ONION}/\n"),
    ("qilin", "ja", "README-RECOVER-{EXT}.txt", "utf-8",
     "-- Qilin\n\nお客様のネットワーク／システムは暗号化されました。\n暗号化されたファイルには新しい拡張子が付いています。\n\n-- 機密データ\n社員の個人情報、財務資料、契約書、メールなどの機密データをダウンロードしました。\n交渉に応じない場合、データを公開します。\n\n-- 注意\n1) ファイルを変更すると復号できなくなります。\n2) 第三者のソフトウェアを使わないでください。\n\n-- 復元方法\n1) Torブラウザをダウンロード: https://www.torproject.org/download/\n2) http://{ONION} にアクセス\n3) ログイン: {ID}  パスワード: {ID8}\n"),
    ("lockbit", "ja", "復元方法.txt", "utf-8",
     "あなたのデータは盗まれ、暗号化されました。\n身代金を支払わない場合、データは当社のサイトで公開されます。\nTorブラウザで次にアクセスしてください: http://{ONION}\n個人ID: {UID}\n暗号化されたファイルを削除・変更しないでください。\n"),
    ("magniber", "ko", "README.html", "utf-8",
     "<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\"><title>파일 복구 안내</title>\n<style>body{background:#f4f4f4;font-family:'Malgun Gothic',sans-serif}.box{margin:40px auto;width:640px;background:#fff;padding:24px;border:1px solid #ccc}h1{color:#b00}</style></head>\n<body><div class=\"box\">\n<h1>모든 파일이 암호화되었습니다</h1>\n<p>문서, 사진, 데이터베이스 등 중요한 파일이 강력한 알고리즘으로 암호화되었습니다.</p>\n<p>파일을 복구하려면 복호화 프로그램을 구입해야 합니다.</p>\n<p>1. Tor 브라우저를 설치하십시오.</p>\n<p>2. 다음 주소에 접속하십시오: <b>http://{ONION}/{ID8}</b></p>\n<p>3. 안내에 따라 결제하십시오.</p>\n<p>파일 이름을 바꾸거나 다른 프로그램으로 복구를 시도하지 마십시오.</p>\n</div></body></html>\n"),
    ("crazyhunter", "zh-tw", "解密說明.txt", "utf-8",
     "你的檔案已被 CrazyHunter 加密。\n\n我們已取得貴院的病患資料與內部文件。若不在期限內聯繫我們，資料將被公開。\n\n聯繫方式：{MAIL}\n你的 ID：{ID8}\n請勿重新命名加密檔案，也不要使用第三方工具。\n"),
    ("crazyhunter", "en", "Decryption Instructions.txt", "utf-8",
     "Your files are encrypted by CrazyHunter.\nWe have your data. Contact {MAIL} within 72 hours.\nID: {ID8}\n"),
    ("tellyouthepass", "zh-cn", "READ_ME.html", "html",
     "您的文件已被加密！\n您的数据库、文档、图片等重要文件已被 RSA-1024 和 AES-256 加密。\n如需恢复，请支付 0.1 比特币到以下地址：\n{BTC}\n付款后请将您的个人ID发送到 {MAIL}\n个人ID：{KEY}\n"),
    ("mallox", "zh-cn", "恢复文件说明.txt", "utf-8",
     "您的文件已被加密！\n\n要恢复数据，您需要解密工具。\n1. 使用 Tor 浏览器打开：http://{ONION}/\n2. 输入您的个人ID：{UID}\n\n您的数据已被窃取，如不付款将被公开。\n"),
    ("lockbit", "vi", "HUONG_DAN_KHOI_PHUC.txt", "utf-8",
     "Dữ liệu của bạn đã bị đánh cắp và mã hóa.\n\nNếu bạn không trả tiền chuộc, dữ liệu sẽ được công bố trên trang của chúng tôi.\nTải Tor Browser và truy cập: http://{ONION}\n\nMã giải mã cá nhân của bạn: {UID}\n\nKhông xóa hoặc sửa đổi các tệp đã bị mã hóa!\n"),
    ("braincipher", "id", "BACA_SAYA.txt", "utf-8",
     "Halo,\n\nJaringan Anda telah diretas dan semua file Anda telah dienkripsi. Kami juga menyalin\ndata penting dari server Anda.\n\nUntuk memulihkan file, hubungi kami melalui Tor: http://{ONION}/\nID Anda: {ID}\nEmail: {MAIL}\n\nJangan ganti nama file dan jangan gunakan program lain.\n"),
    ("lockbit", "th", "อ่านฉัน.txt", "utf-8",
     "ข้อมูลของคุณถูกขโมยและเข้ารหัสแล้ว\n\nหากคุณไม่จ่ายค่าไถ่ ข้อมูลจะถูกเผยแพร่บนเว็บไซต์ของเรา\nดาวน์โหลด Tor Browser แล้วเข้าไปที่: http://{ONION}\n\nรหัสถอดรหัสส่วนตัวของคุณ: {UID}\n\nอย่าลบหรือแก้ไขไฟล์ที่ถูกเข้ารหัส\n"),
    ("shadow", "ru", "Прочти_меня.txt", "utf-8",
     "Ваша сеть была атакована, все файлы зашифрованы.\n\nМы также скопировали ваши данные: бухгалтерию, договоры, базы 1С и почту.\nЕсли вы не свяжетесь с нами в течение 72 часов, данные будут опубликованы.\n\nДля связи: {MAIL}\nЗапасная почта: {MAIL2}\nВаш ID: {ID8}\n\nНе переименовывайте файлы и не пытайтесь расшифровать их сами.\n"),
    ("twelve", "ru", "README", "utf-8",
     "Вас взломала группа Twelve.\nВаши данные у нас. Сервера уничтожены.\nМы опубликуем всё в нашем канале.\n"),
    ("somnia", "uk", "УВАГА.txt", "utf-8",
     "Ваші файли зашифровано.\nУсі дані вашої компанії у нас.\nЗв'яжіться з нами в Telegram: {TG}\n"),
    ("backmydata", "ro", "CITESTE-MA.txt", "utf-8",
     "Toate fișierele dumneavoastră au fost criptate!\nPentru a le recupera scrieți la adresa: {MAIL}\nDacă nu primiți răspuns în 24 de ore, scrieți la: {MAIL2}\nID-ul dumneavoastră: {ID8}\n"),
    ("akira", "cs", "akira_readme.txt", "utf-8",
     "Dobrý den,\n\npokud toto čtete, vnitřní infrastruktura vaší firmy je zcela nebo zčásti mrtvá a vaše\nzálohy jsou smazané. Před zašifrováním jsme také zkopírovali velké množství firemních dat.\n\nKontaktujte nás přes prohlížeč Tor: http://{ONION}\nVáš kód: {ID8}-{EXT}\n"),
    # ------------------------------------------------------------------ HTML, HTA, PDF, UTF-16
    ("phobos", "en", "info.hta", "utf-8",
     "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\n<HTA:APPLICATION ID=\"App\" APPLICATIONNAME=\"App\" BORDER=\"thin\" BORDERSTYLE=\"normal\" CAPTION=\"yes\" ICON=\"\" MAXIMIZEBUTTON=\"no\" MINIMIZEBUTTON=\"no\" SHOWINTASKBAR=\"yes\" SINGLEINSTANCE=\"yes\" SYSMENU=\"yes\" VERSION=\"1.0\" WINDOWSTATE=\"maximize\"/>\n<title>Encrypted</title>\n<style>\nbody{font-family:Verdana,Arial;font-size:12pt;background:#ffffff;margin:0}\n.h{background:#c00;color:#fff;padding:12px;font-size:20pt;text-align:center}\n.b{margin:20px}\n.n{color:#c00;font-weight:bold}\n</style>\n</head>\n<body>\n<div class=\"h\">All your files have been encrypted!</div>\n<div class=\"b\">\n<p>All your files have been encrypted due to a security problem with your PC. If you want to restore them, write us to the e-mail <span class=\"n\">{MAIL}</span></p>\n<p>Write this ID in the title of your message: <span class=\"n\">{ID8}-2965</span></p>\n<p>In case of no answer in 24 hours write us to this e-mail: <span class=\"n\">{MAIL2}</span></p>\n<p>You have to pay for decryption in Bitcoins. The price depends on how fast you write to us. After payment we will send you the tool that will decrypt all your files.</p>\n<h3>Free decryption as guarantee</h3>\n<p>Before paying you can send us up to 5 files for free decryption. The total size of files must be less than 4Mb (non archived), and files should not contain valuable information.</p>\n<h3>Attention!</h3>\n<ul><li>Do not rename encrypted files.</li><li>Do not try to decrypt your data using third party software, it may cause permanent data loss.</li><li>Decryption of your files with the help of third parties may cause increased price.</li></ul>\n</div>\n</body>\n</html>\n"),
    ("trigona", "en", "how_to_decrypt.hta", "utf-8",
     "<html><head><title>Trigona</title>\n<hta:application applicationname=\"trigona\" scroll=\"yes\" windowstate=\"maximize\" showintaskbar=\"yes\"/>\n<style>body{background:#111;color:#ddd;font:14px Arial}a{color:#5af}.k{font-family:monospace;word-break:break-all;background:#222;padding:8px}</style>\n<script>var t=Date.parse('{DATE}T00:00:00Z');function tick(){var s=Math.max(0,(t-Date.now())/1000|0);document.getElementById('c').innerText=(s/3600|0)+'h '+((s%3600)/60|0)+'m';}setInterval(tick,1000);</script>\n</head><body onload=\"tick()\">\n<h2>Your files are encrypted and your data is stolen</h2>\n<p>Your documents, databases and backups have been encrypted with a strong algorithm. A copy of your data is on our servers.</p>\n<p>Time left before your data is put up for auction: <b id=\"c\"></b></p>\n<p>To buy the decryptor, open <a href=\"http://{ONION}/\">http://{ONION}/</a> in Tor Browser and log in with this key:</p>\n<div class=\"k\">{KEY}</div>\n</body></html>\n"),
    ("medusalocker", "en", "HOW_TO_BACK_FILES.html", "utf-8",
     "<html>\n<head><meta charset=\"utf-8\"><title>HOW TO RECOVER FILES</title></head>\n<body style=\"font-family:Arial;background:#f0f0f0\">\n<div style=\"width:800px;margin:auto;background:#fff;padding:20px\">\n<h2 style=\"color:#a00;text-align:center\">YOUR PERSONAL ID:<br>{ID}</h2>\n<p><b>/!\\ YOUR COMPANY NETWORK HAS BEEN PENETRATED /!\\</b></p>\n<p>All your important files have been encrypted!</p>\n<p>Your files are safe! Only modified. (RSA+AES)</p>\n<p>ANY ATTEMPT TO RESTORE YOUR FILES WITH THIRD-PARTY SOFTWARE WILL PERMANENTLY CORRUPT IT.<br>DO NOT MODIFY ENCRYPTED FILES.<br>DO NOT RENAME ENCRYPTED FILES.</p>\n<p>No software available on internet can help you. We are the only ones able to solve your problem.</p>\n<p>We gathered highly confidential/personal data. These data are currently stored on a private server. This server will be immediately destroyed after your payment. If you decide to not pay, we will release your data to public or re-seller.</p>\n<p>Contact us for price and get decryption software.</p>\n<p>email:<br>{MAIL}<br>{MAIL2}</p>\n<p>* To contact us, create a new free email account on the site: protonmail.com<br>IF YOU DON'T CONTACT US WITHIN 72 HOURS, PRICE WILL BE HIGHER.</p>\n</div></body></html>\n"),
    ("globeimposter", "en", "how_to_back_files.html", "html",
     "YOUR FILES ARE ENCRYPTED!\nYour personal ID: {ID}\nYour documents, photos, databases and other important files have been encrypted with strongest encryption and unique key, generated for this computer.\nPrivate decryption key is stored on a secret Internet server and nobody can decrypt your files until you pay and obtain the private key.\nIf you see the main encryptor window, follow the instructions on the locker. Otherwise, it seems that you or your antivirus deleted the locker program.\nContact us: {MAIL}\nAttention! Any attempts to restore your files with the third-party software will be fatal for your files!\n"),
    ("blackhunt", "en", "#BlackHunt_ReadMe.hta", "utf-8",
     "<html><head><hta:application id=\"bh\" border=\"none\" caption=\"no\" showintaskbar=\"no\" windowstate=\"maximize\"/>\n<meta charset=\"utf-8\"><title>Black Hunt</title>\n<style>body{background:#000;color:#fff;font-family:Consolas,monospace;text-align:center}h1{color:#f00;font-size:42px}.m{color:#0f0}</style></head>\n<body><h1>Black Hunt</h1>\n<p>Your network has been infiltrated and your important files have been encrypted.</p>\n<p>We have also downloaded your private data.</p>\n<p>Your ID: <span class=\"m\">{ID8}</span></p>\n<p>Send your ID to: <span class=\"m\">{MAIL}</span></p>\n<p>If no answer within 24 hours: <span class=\"m\">{MAIL2}</span></p>\n<p>If you do not pay, your data will be sold.</p>\n</body></html>\n"),
    ("egregor", "en", "RECOVER-FILES.txt", "utf-16",
     "-------------=== Hello! ===-------------\n\nYour network, including all the systems, were encrypted, and your company's\nconfidential files were downloaded.\n\nWhat does this mean?\n--------------------\nAll your data is encrypted and cannot be used without our decryptor.\nYour sensitive data will be published in mass media in 3 days if you do not contact us.\n\nWhat guarantees?\n----------------\nWe can decrypt some files for free. Use our chat for that.\n\nHow to contact us?\n------------------\n1. Download Tor Browser.\n2. Open http://{ONION}/{ID}\n\n---BEGIN KEY---\n{KEY}\n---END KEY---\n"),
    ("conti", "en", "readme.txt", "utf-16",
     "All of your files are currently encrypted by CONTI strain.\n\nAs you know (if you don't - just \"google it\"), all of the data that has been encrypted\nby our software cannot be recovered by any means without contacting our team directly.\n\nIf you try to use any additional recovery software - the files might be damaged, so if\nyou are willing to try - try it on the data of the lowest value.\n\nTo make sure that we REALLY CAN get your data back - we offer you to decrypt 2 random\nfiles completely free of charge.\n\nYou can contact our team directly for further instructions through our website:\n\nTOR VERSION:\nhttp://{ONION}/{UID}\n\nYOU SHOULD BE AWARE!\nWe will speak only with an authorized person. It can be the CEO, top management, etc.\nIn case you are not such a person - DON'T CONTACT US!\n\n---BEGIN ID---\n{KEY}\n---END ID---\n"),
    ("rhysida", "en", "CriticalBreachDetected.pdf", "utf-8",
     "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n4 0 obj\n<< /Length 640 >>\nstream\nBT /F1 16 Tf 50 780 Td (Critical Breach Detected - Immediate Response Required) Tj ET\nBT /F1 11 Tf 50 740 Td (Dear company management,) Tj ET\nBT /F1 11 Tf 50 720 Td (We are the Rhysida cybersecurity team. Your systems were breached and a large amount) Tj ET\nBT /F1 11 Tf 50 705 Td (of confidential data has been taken from your network.) Tj ET\nBT /F1 11 Tf 50 680 Td (Contact us through our portal with the Tor browser: http://{ONION}/) Tj ET\nBT /F1 11 Tf 50 660 Td (Your unique code: {ID}) Tj ET\nBT /F1 11 Tf 50 635 Td (Ignoring this message will have severe consequences.) Tj ET\nendstream\nendobj\n5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\ntrailer\n<< /Root 1 0 R /Size 6 >>\n%%EOF\n"),
    ("vanhelsing", "en", "README.html", "html",
     "--= VANHELSING =--\nYour network was compromised. Your files are encrypted and your data was copied.\nOnly we can restore your files. We will decrypt two files for free as proof.\nIf we do not hear from you in 5 days, your data goes to our blog.\nTor Browser: http://{ONION}/contact\nPersonal ID: {ID}\n"),
    ("magniber", "en", "README.html", "utf-8",
     "<html><head><meta charset=\"utf-8\"><title>ALL YOUR DOCUMENTS PHOTOS DATABASES AND OTHER IMPORTANT FILES HAVE BEEN ENCRYPTED!</title></head>\n<body>\n<h2>ALL YOUR DOCUMENTS PHOTOS DATABASES AND OTHER IMPORTANT FILES HAVE BEEN ENCRYPTED!</h2>\n<p>Your files are NOT damaged! Your files are modified only. This modification is reversible.</p>\n<p>The only 1 way to decrypt your files is to receive the private key and decryption program.</p>\n<p>Any attempts to restore your files with the third-party software will be fatal for your files!</p>\n<p>To receive the private key and decryption program follow the instructions below:</p>\n<ol><li>Download and install Tor Browser from https://www.torproject.org/</li><li>Open http://{ONION}/{ID8}</li><li>Follow the instructions on the site.</li></ol>\n</body></html>\n"),
    ("noescape", "de", "HOW_TO_RECOVER_FILES.txt", "utf-16",
     "Was ist passiert?\n\nIhr Netzwerk wurde kompromittiert. Alle Ihre Dateien wurden verschlüsselt und eine große\nMenge vertraulicher Daten wurde auf unsere Server geladen.\n\nUm Ihre Dateien zurückzubekommen und eine Veröffentlichung zu verhindern, kontaktieren Sie uns:\n1. Tor-Browser herunterladen: https://www.torproject.org/\n2. Öffnen: http://{ONION}/\n3. Kennung: {ID}\n"),
    # ------------------------------------------------------------------ short notes and odd names
    ("play", "en", "ReadMe.txt", "utf-8",
     "PLAY\nhttp://{ONION}\n"),
    ("lockersoft", "en", "UNLOCK", "utf-8",
     "files locked. mail {MAIL} with id {ID8}\n"),
    ("thanatos", "en", "README.txt.txt", "utf-8",
     "Your files are encrypted.\nSend 0.05 BTC to {BTC}\nthen mail {MAIL} with your ID {ID8}\n"),
    ("tengu", "en", "TENGU.note", "utf-8",
     "TENGU\nYour data is encrypted and copied.\nTox: {TOX}\n"),
    ("ragnar-locker", "en", "RGNR_{ID8}.txt", "utf-8",
     "Hello {COMPANY}!\n\nIf you are reading this message, it means that your network infrastructure has been\ncompromised. Look at the list of data that we have downloaded below.\n\nAll your files are encrypted. The decryption is possible only with our key.\nIf you do not contact us in 3 days, all data will be published on our website:\nhttp://{ONION}/\n\nTo contact us: http://{ONION2}/client/?{ID}\n\n*******************\n---RAGNAR SECRET---\n{KEY}\n---RAGNAR SECRET---\n*******************\n"),
    ("mimic", "en", "Decryption_INFO.txt", "utf-8",
     "All your files have been stolen and encrypted.\nDo you really want to restore your files?\nWrite to our email: {MAIL}\nand tell us your unique ID: {ID}\nYou can send us up to 3 small files for test decryption.\n"),
    ("chaos", "en", "read_it.txt", "utf-8",
     "----> Chaos is multi language ransomware. Translate your note to any language <----\nAll of your files have been encrypted\nYour computer was infected with a ransomware virus. Your files have been encrypted and you won't\nbe able to decrypt them without our help. What can I do to get my files back? You can buy our\nspecial decryption software, this software will allow you to recover all of your data and\nremove the ransomware from your computer. The price for the software is $1,500. Payment can\nbe made in Bitcoin only.\nBitcoin address: {BTC}\n"),
    ("zeppelin", "en", "!!! ALL YOUR FILES ARE ENCRYPTED !!!.TXT", "crlf",
     "!!! ALL YOUR FILES ARE ENCRYPTED !!!\n\nAll your files, documents, photos, databases and other important files are encrypted.\nYou are not able to decrypt it by yourself! The only method of recovering files is to\npurchase an unique private key.\n\nTo be sure we have the decryptor and it works you can send an email: {MAIL} and decrypt\none file for free.\n\nYour personal ID: {UID}\n"),
    ("lockbit", "en", "LockBit_Ransomware.hta", "utf-8",
     "<html><head><meta charset=\"utf-8\"><hta:application windowstate=\"maximize\" caption=\"no\"/><title>LockBit</title><style>body{background:#000;color:#ccc;font-family:Segoe UI,Arial}b{color:#e00}</style></head><body>\n<p><b>All your important files are stolen and encrypted!</b></p>\n<p>Your personal ID: {UID}</p>\n<p>Open http://{ONION} in Tor Browser and use your ID to contact us.</p>\n</body></html>\n"),
    ("hive", "en", "HOW_TO_DECRYPT", "utf-8",
     "Your network has been breached and all data were encrypted.\nhttp://{ONION2}/  Login: {ID8}  Password: {EXT}\n"),
    ("donut", "en", "readme.{EXT}", "utf-8",
     "              ___\n          .-'`   `'-.\n        .'  D0NUT   '.\n       /    LEAKS     \\\n       |  .-'''''-.   |\n       \\ /         \\ /\n        '.__     __.'\n            `'''`\n\nWe have your data. It is going on our blog unless you talk to us.\nhttp://{ONION}/\nTox: {TOX}\n"),
    ("gunra", "en", "R3ADM3.txt", "utf-8",
     "YOUR ALL DATA HAVE BEEN ENCRYPTED!\nWe also have {GB} GB of your data.\nYou have 5 days to contact us, after that we publish.\nhttp://{ONION}/  ID: {ID}\n"),
    ("weaxor", "zh-cn", "RECOVERY INFO.txt", "utf-8",
     "你的文件已被加密。\n联系我们恢复：{MAIL}\n你的ID：{ID8}\n"),
    ("black-kingdom", "es", "decrypt_file.TxT", "utf-8",
     "Hackeamos su red. Todos sus archivos están cifrados.\nEnvíe el equivalente a 10.000 USD en Bitcoin a:\n{BTC}\nDespués escriba a {MAIL}\nSu código: {ID8}\n"),
    ("dharma", "pt-br", "ARQUIVOS CRIPTOGRAFADOS.txt", "utf-8",
     "todos os seus dados foram bloqueados\nquer recuperar? escreva para {MAIL}\n"),
    ("lockbit", "ko", "복구방법.txt", "utf-8",
     "귀하의 데이터가 도난당하고 암호화되었습니다.\n몸값을 지불하지 않으면 데이터가 공개됩니다.\nTor 브라우저로 접속하십시오: http://{ONION}\n개인 복호화 ID: {UID}\n암호화된 파일을 삭제하거나 수정하지 마십시오.\n"),
    ("ransomhub", "ja", "お知らせ.txt", "utf-8",
     "{COMPANY} 御中\n\n貴社のサーバーはロックされ、データは当社のサーバーに保存されています。\n当社と交渉しない場合、データは公開されます。\n警察への相談は状況を悪化させるだけです。\n\nTorブラウザ: http://{ONION}/\nクライアントID: {ID}\n"),
    ("bianlian", "ko", "안내문.txt", "utf-8",
     "{COMPANY} 경영진께\n\n우리는 귀사의 네트워크에 접근하여 재무, 인사, 고객 자료를 복사했습니다.\n7일 안에 연락하지 않으면 모든 자료를 공개하고 고객과 언론에 알리겠습니다.\n\n연락처: {MAIL}\n"),
    ("everest", "zh-cn", "数据泄露通知.txt", "utf-8",
     "{COMPANY} 管理层：\n\n我们已获取贵公司的数据库、财务文件和客户资料。\n倒计时结束后，数据将被出售或公开。\n联系我们：{MAIL}\n"),
    ("karakurt", "vi", "DOC_KY.txt", "utf-8",
     "Chúng tôi đã xâm nhập mạng nội bộ của bạn và sao chép {GB} GB dữ liệu.\nNếu không liên hệ trong 7 ngày, dữ liệu sẽ được công bố và gửi cho khách hàng của bạn.\nĐăng nhập bằng Tor: http://{ONION}/  Mã: {ID8}\n"),
    ("clop", "de", "!!!_LESEN_!!!.txt", "utf-8",
     "Sehr geehrte Damen und Herren,\n\nwir haben eine große Menge Daten von Ihrem Dateiübertragungsserver heruntergeladen.\nWenn Sie nicht möchten, dass Ihr Firmenname auf unserer Seite erscheint, schreiben Sie\nuns innerhalb von 7 Tagen: {MAIL}\n"),
    ("lockbit", "he", "שחזור_קבצים.txt", "utf-8",
     "המידע שלכם נגנב והוצפן.\nאם לא תשלמו, המידע יפורסם באתר שלנו ברשת TOR.\nהורידו את דפדפן Tor וגשו אל: http://{ONION}\nמזהה אישי: {UID}\nאל תמחקו ואל תשנו את הקבצים המוצפנים.\n"),
    ("mallox", "ar", "كيفية_استرجاع_الملفات.txt", "crlf",
     "تم تشفير ملفاتكم!\nلاستعادة البيانات تحتاجون إلى أداة فك التشفير.\nافتحوا موقعنا بمتصفح تور: http://{ONION}/\nوأدخلوا المعرّف الشخصي: {UID}\nتمت سرقة بياناتكم وسيتم نشرها إذا لم تدفعوا.\n"),
    ("medusa", "tr", "!!!BENI_OKU_MEDUSA!!!.txt", "utf-8",
     "Ağınıza sızdık ve verilerinizi kopyaladık.\nDosyalarınızı dünyanın en güçlü algoritmasıyla şifreledik.\nCanlı sohbet: http://{ONION}/?{ID}\n10 gün içinde iletişime geçmezseniz verileriniz yayınlanacak.\n"),
    ("qilin", "id", "README-RECOVER-{EXT}.txt", "utf-8",
     "-- Qilin\nJaringan/sistem Anda telah dienkripsi.\nKami telah mengunduh data sensitif Anda. Jika tidak ada kesepakatan, data akan dipublikasikan.\nPemulihan: http://{ONION}  login: {ID}  kata sandi: {ID8}\n"),
    ("inc", "th", "INC-README.txt", "utf-8",
     "เราได้เจาะระบบของคุณและดาวน์โหลดข้อมูลลับทั้งหมดของบริษัทและลูกค้าของคุณแล้ว\nไฟล์ของคุณถูกเข้ารหัส หากไม่ตกลงกัน ข้อมูลจะถูกเผยแพร่บนบล็อกของเรา\nติดต่อ: http://{ONION}/  รหัส: {ID}\n"),
]
