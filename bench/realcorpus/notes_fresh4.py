# Ransom notes of the FRESH4 corpus (issue 20, sixth corpus).
#
# Written on 2026-12-05 (late evening) by an engineer who has not read the detection rules
# nor the note data (data/rules*, data/notes*, lib/detect), nor the other corpora's note
# texts (only the first lines of notes_fresh3.py, for the file's format). Families were
# checked with a yes/no grep against data/, bench/realcorpus and tests/corpus and are, for
# most notes, families no existing file names; where a family is named elsewhere already
# (a few well-known names, for the languages their affiliates use), the text is still our
# own. Texts are written for riposte in our own words from public descriptions of each
# family's notes and extortion mails (vendor write-ups, advisories, victims' posts), 2019-
# 2026; onion addresses, mail addresses, Tox and Session IDs, wallets, phone numbers,
# victim IDs and company names are made up from the seed. Not written to be easy or hard:
# what a responder meets -- long and short notes, extortion-only notes that never speak of
# decryption, notes in the victims' languages (affiliates translate their notes for the
# country they hit), HTML and HTA notes, and file names of every kind.
#
# notes(rng) returns a list of (family, lang, file name, encoding, text); encoding is
# "utf-8", "utf-16" (LE with BOM), "html" (make-real wraps the lines in <p>) or "crlf"
# (UTF-8 with CRLF line ends). Hand-made HTML and HTA notes are "utf-8" text with their own
# markup. {NAME} in a text or a file name is replaced by a made-up value (see FILL); other
# braces (CSS, script) are left alone.

import re

B32 = "abcdefghijklmnopqrstuvwxyz234567"
HEX = "0123456789abcdef"
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
B64 = ALNUM + "+/"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
MAIL_DOMAINS = ["onionmail.org", "proton.me", "tutanota.com", "cock.li", "mailfence.com", "firemail.cc",
                "keemail.me", "cyberfear.com", "tuta.io", "airmail.cc", "msgsafe.io", "gmx.com"]
VICTIMS = ["Praxis Dr. Albers", "Cabinet Médical Lefèvre", "Clínica Santa Rita", "Studio Dentistico Ferri",
           "Huisartsenpraktijk De Linde", "Hartmann Steuerberatung", "Kowalski Logistics", "Ortiz & Asociados",
           "Northfield Family Practice", "Fisioterapia Vale", "Özdemir Muhasebe", "Brightwater Accountancy"]
FIRST = ["mark", "anna", "joe", "lee", "sam", "kim", "max", "eva", "nick", "ivan", "tom", "mia"]


def _s(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def _fill(rng, text, vals):
    def one(m):
        k = m.group(1)
        if k not in vals:
            vals[k] = FILL[k](rng)
        return vals[k]
    return re.sub(r"\{([A-Z][A-Z0-9]*)\}", one, text)


FILL = {
    "ID": lambda r: _s(r, "0123456789ABCDEF", 32),
    "ID8": lambda r: _s(r, "0123456789ABCDEF", 8),
    "IDL": lambda r: _s(r, HEX, 16),
    "UID": lambda r: _s(r, ALNUM, 24),
    "ONION": lambda r: _s(r, B32, 56) + ".onion",
    "ONION2": lambda r: _s(r, B32, 56) + ".onion",
    "TOX": lambda r: _s(r, "0123456789ABCDEF", 76),
    "SESSION": lambda r: "05" + _s(r, HEX, 64),
    "BTC": lambda r: "bc1q" + _s(r, "023456789acdefghjklmnpqrstuvwxyz", 38),
    "XMR": lambda r: "4" + _s(r, "ABCDEFGHJ", 1) + _s(r, B58, 93),
    "MAIL": lambda r: r.choice(FIRST) + _s(r, "0123456789", 3) + "@" + r.choice(MAIL_DOMAINS),
    "MAIL2": lambda r: _s(r, "abcdefghijklmnopqrstuvwxyz", 7) + "@" + r.choice(MAIL_DOMAINS),
    "KEY": lambda r: "\n".join(_s(r, B64, 64) for _ in range(6)) + "\n" + _s(r, B64, 20) + "==",
    "PHONE": lambda r: "+1 (%03d) %03d-%04d" % (r.randint(201, 989), r.randint(200, 999), r.randint(0, 9999)),
    "DATE": lambda r: "2026-11-%02d" % r.randint(24, 30),
    "AMOUNT": lambda r: str(r.choice([35, 50, 75, 120, 180, 250, 400])) + " 000",
    "GB": lambda r: str(r.randint(14, 880)),
    "VICTIM": lambda r: r.choice(VICTIMS),
    "HOST": lambda r: r.choice(["SRV-DC01", "PRAXIS-PC2", "EMPFANG", "FS01", "NAS", "RECEPCION", "WS-%02d" % r.randint(1, 40)]),
    "EXT": lambda r: _s(r, "abcdefghijklmnopqrstuvwxyz", 5),
    "TG": lambda r: "@" + r.choice(["support", "decrypt", "helpdesk", "recovery"]) + "_" + _s(r, "abcdefghijklmnopqrstuvwxyz0123456789", 6),
    "URL": lambda r: "http://" + _s(r, B32, 56) + ".onion/" + _s(r, ALNUM, 12),
}


def notes(rng):
    out = []
    for fam, lang, name, enc, text in NOTES:
        vals = {}
        text = _fill(rng, text, vals)
        name = _fill(rng, name, vals)
        out.append((fam, lang, name, enc, text))
    return out


NOTES = [
    # ---------------------------------------------------------------- INC Ransom (2023-2025)
    ("inc", "en", "INC-README.txt", "utf-8",
     "Inc. Ransomware\n\nWe have hacked you and downloaded all confidential data of your company and its clients.\nIt can be released online if we do not come to an agreement.\n\nYour files are encrypted with a strong algorithm. The only way to restore them is our decryption software.\n\nTo start negotiations:\n1. Download Tor Browser from the official site.\n2. Open {ONION}\n3. Enter your personal ID: {UID}\n\nWhat guarantees do you have? We are a business. We value our reputation. You can send us 2-3 non-important files and we will decrypt them for free.\n\nDo not try to restore files yourself or with third-party software: you may damage them permanently.\nDo not contact the police or recovery companies. They will not help you and your data will be published.\n\nOur blog: http://{ONION2}\n"),
    ("inc", "en", "INC-README.html", "utf-8",
     "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Inc. Ransomware</title>\n<style>body{background:#111;color:#eee;font-family:Arial,sans-serif;margin:40px}h1{color:#ff3b3b}code{background:#333;padding:2px 6px}</style></head>\n<body>\n<h1>Inc. Ransomware</h1>\n<p>Your data is stolen and encrypted.</p>\n<p>If you don't pay the ransom, the data will be published on our TOR darknet site. Keep in mind that once your data appears on our leak site, it could be bought by your competitors at any second, so don't hesitate for a long time.</p>\n<p>Use Tor Browser and visit <code>{ONION}</code></p>\n<p>Your personal ID: <code>{UID}</code></p>\n<p>We can decrypt a few files for free as proof.</p>\n</body></html>\n"),
    ("inc", "en", "INC-README.txt", "crlf",
     "Your data is stolen and encrypted.\nTor: {ONION}\nID: {UID}\nDon't go to the police. Don't delete this file.\n"),
    # ---------------------------------------------------------------- MedusaLocker (2019-2024)
    ("medusalocker", "en", "HOW_TO_BACK_FILES.html", "utf-8",
     "<html>\n<head><meta charset=\"utf-8\"><title>Your files are encrypted</title>\n<style>body{font-family:Verdana;background:#e8e8e8}.box{background:#fff;border:1px solid #aaa;padding:20px;width:760px;margin:20px auto}.h{color:#c00;font-size:22px}</style></head>\n<body><div class=\"box\">\n<div class=\"h\">YOUR PERSONAL ID:<br>{UID}</div>\n<p>/!\\ YOUR COMPANY NETWORK HAS BEEN PENETRATED /!\\</p>\n<p>All your important files have been encrypted!</p>\n<p>Your files are safe! Only modified. (RSA+AES)</p>\n<p>ANY ATTEMPT TO RESTORE YOUR FILES WITH THIRD-PARTY SOFTWARE WILL PERMANENTLY CORRUPT IT.<br>DO NOT MODIFY ENCRYPTED FILES.<br>DO NOT RENAME ENCRYPTED FILES.</p>\n<p>No software available on internet can help you. We are the only ones able to solve your problem.</p>\n<p>We gathered highly confidential/personal data. These data are currently stored on a private server. This server will be immediately destroyed after your payment. If you decide to not pay, we will release your data to public or re-seller.</p>\n<p>We only seek money and our goal is not to damage your reputation or prevent your business from running.</p>\n<p>You will can send us 2-3 non-important files and we will decrypt it for free to prove we are able to give your files back.</p>\n<p>Contact us for price and get decryption software.</p>\n<p>email:<br>{MAIL}<br>{MAIL2}</p>\n<p>* Note that this server is available via Tor browser only<br>{URL}</p>\n<p>If you will not contact us in 72 hours, the price will be higher.</p>\n</div></body></html>\n"),
    ("medusalocker", "de", "WIE_DATEIEN_ZURUECK.html", "html",
     "IHRE PERSÖNLICHE ID: {UID}\n/!\\ IHR FIRMENNETZWERK WURDE KOMPROMITTIERT /!\\\nAlle Ihre wichtigen Dateien wurden verschlüsselt!\nIhre Dateien sind sicher, sie wurden nur verändert (RSA+AES).\nJEDER VERSUCH, DIE DATEIEN MIT FREMDER SOFTWARE WIEDERHERZUSTELLEN, ZERSTÖRT SIE ENDGÜLTIG.\nÄndern oder benennen Sie verschlüsselte Dateien nicht um.\nWir haben vertrauliche und persönliche Daten (Patientenakten, Buchhaltung) auf einen privaten Server kopiert. Wenn Sie nicht zahlen, veröffentlichen wir sie.\nSenden Sie uns 2-3 unwichtige Dateien, wir entschlüsseln sie kostenlos als Beweis.\nKontakt: {MAIL} oder {MAIL2}\nMelden Sie sich nicht innerhalb von 72 Stunden, steigt der Preis.\n"),
    ("medusalocker", "en", "READ_ME.html", "html",
     "YOUR PERSONAL ID: {UID}\nYour network has been penetrated. All files are encrypted.\nWrite to {MAIL} to get the price of the decryptor.\nAfter 72 hours the price doubles.\n"),
    # ---------------------------------------------------------------- TargetCompany / Mallox (2021-2025)
    ("targetcompany", "en", "HOW TO RECOVER !!.TXT", "crlf",
     "YOUR FILES ARE ENCRYPTED !!!\n\nTO DECRYPT, FOLLOW THE INSTRUCTIONS:\n\nTo recover data you need decrypt tool.\n\nTo get the decrypt tool you should:\n\n1.In Tor Browser open our website: {URL}\n2.Put the following text in the text field:\n\n{KEY}\n\n3.Click \"Submit\" and you will get payment instructions.\n\nIf you do not pay, your data will be published on our leak site.\nWe can decrypt one of your files for free.\n\n!!! DO NOT TRY TO RECOVER FILES YOURSELF !!!\n!!! DO NOT MODIFY ENCRYPTED FILES !!!\n!!! OTHERWISE YOU MAY LOSE ALL YOUR FILES FOREVER !!!\n"),
    ("targetcompany", "zh", "如何恢复文件!!.TXT", "utf-8",
     "您的文件已被加密!!!\n\n要解密,请按照以下说明操作:\n1. 使用 Tor 浏览器打开: {URL}\n2. 在文本框中粘贴以下内容:\n\n{KEY}\n\n3. 点击“提交”,您将获得付款说明。\n\n如果不付款,您的数据将在我们的泄露网站上公布。\n我们可以免费解密一个文件作为证明。\n!!! 不要尝试自行恢复文件 !!!\n"),
    ("targetcompany", "en", "RECOVERY INFORMATION .txt", "utf-8",
     "Hello\nYour files are encrypted and can not be used\nTo return your files in work condition you need decryptor\nTo get decryptor write to {MAIL}\nYour ID: {ID8}\n"),
    # ---------------------------------------------------------------- Big Head (2023)
    ("bighead", "en", "README_{ID8}.txt", "utf-8",
     "All of your files are encrypted!\n\nFind out how to get them back.\nYour files were encrypted with military-grade AES encryption. The only way to recover them is to buy the decryption key.\n\nSend 1 BTC to this address: {BTC}\nThen write to Telegram {TG} with your ID.\n\nYour ID: {ID}\n\nYou have 72 hours. After that the key will be deleted and your files will be lost forever.\n"),
    ("bighead", "en", "teksti.txt", "utf-8",
     "YOUR FILES ARE ENCRYPTED\nsend $500 in bitcoin to {BTC}\ncontact {TG}\n"),
    # ---------------------------------------------------------------- Epsilon Red (2021)
    ("epsilonred", "en", "RED_NOTE.txt", "utf-8",
     "---=== Welcome. Again. ===---\n\n[+] What's Happened? [+]\n\nYour files are encrypted, and currently unavailable. You can check it: all files on your system has a .Red extension.\nBy the way, everything is possible to recover (restore), but you need to follow our instructions. Otherwise, you can't return your data (NEVER).\n\n[+] What guarantees? [+]\n\nIt's just a business. We absolutely do not care about you and your deals, except getting benefits. If we do not do our work and liabilities - nobody will not cooperate with us. It's not in our interests.\nTo check the files return ability, you can send us any 2 files with SIMPLE extensions (jpg, xls, doc, etc... not databases!) and we will decrypt them for free.\n\n[+] How to get access to our team? [+]\n\nWrite to {MAIL} and include your key:\n\n{KEY}\n\n!!! DANGER !!!\nDON'T try to change files by yourself, DON'T use any third party software for restoring your data or antivirus solutions - it may entail damage of the private key and, as result, The Loss all data.\n"),
    # ---------------------------------------------------------------- LV (2020-2022)
    ("lv", "en", "{EXT}-readme.txt", "utf-8",
     "---=== Welcome. Again. ===---\n\n[+] Whats Happen? [+]\n\nYour files are encrypted, and currently unavailable. You can check it: all files on your system has extension {EXT}.\nWe also have downloaded a lot of private data from your network. If you do not contact us in 3 days, it will be sold or published.\n\n[+] How to get access on website? [+]\n\n1) Download and install TOR browser from this site: https://torproject.org/\n2) Open our website: {ONION}\n\nWhen you open our website, put the following data in the input form:\nKey:\n\n{KEY}\n\nExtension name:\n\n{EXT}\n"),
    # ---------------------------------------------------------------- Ranzy Locker (2020-2021)
    ("ranzy", "en", "readme.txt", "utf-8",
     "[ Ranzy Locker ]\n\nYour network has been compromised by Ranzy team.\nAll files on servers and workstations are encrypted. Backups are deleted.\nWe have downloaded more than {GB} GB of your data: accounting, HR, clients.\n\nTo get the decryptor and to stop the publication, contact us in the chat:\n{URL}\n\nDo not rename files. Do not run recovery tools. Do not call the police.\n"),
    # ---------------------------------------------------------------- RegretLocker (2020)
    ("regretlocker", "en", "HOW TO RESTORE FILES.TXT", "crlf",
     "Your files have been encrypted by RegretLocker.\nThis includes the virtual disks of your servers.\nTo restore them, email us: {MAIL}\nYour ID: {ID8}\n"),
    # ---------------------------------------------------------------- Atom Silo (2021)
    ("atomsilo", "en", "README-FILE-{HOST}-1795227600.hta", "utf-8",
     "<html>\n<head>\n<title>Atom Silo</title>\n<HTA:APPLICATION ID=\"atom\" APPLICATIONNAME=\"atom\" BORDER=\"thin\" SHOWINTASKBAR=\"yes\" SINGLEINSTANCE=\"yes\" WINDOWSTATE=\"maximize\" />\n<style>body{background:#0b0b2a;color:#d8d8ff;font-family:Consolas,monospace;padding:30px}h2{color:#7af}</style>\n</head>\n<body>\n<h2>WE ARE ATOM SILO</h2>\n<p>Your company's data has been encrypted and stolen.</p>\n<p>All your files have the extension .ATOMSILO. Do not rename them.</p>\n<p>If you want to get your files back and keep your data private, contact us within 48 hours:</p>\n<p>Mail: {MAIL}<br>Mail: {MAIL2}</p>\n<p>If we do not hear from you, your data will appear on our site:<br>{ONION}</p>\n<p>Your ID: {ID}</p>\n</body>\n</html>\n"),
    # ---------------------------------------------------------------- Night Sky (2021-2022)
    ("nightsky", "en", "NightSkyReadMe.hta", "utf-8",
     "<html><head><title>NightSky</title>\n<hta:application windowstate=\"maximize\" scroll=\"yes\" />\n<style>body{background:#000;color:#fff;font-family:Tahoma}</style></head>\n<body>\n<h1>NIGHT SKY</h1>\n<p>Your network is encrypted and your data has been downloaded.</p>\n<p>Login to our chat to negotiate: {URL}</p>\n<p>Account: {ID8}  Password: {IDL}</p>\n<p>If you do not reply, your data will be published and sold.</p>\n</body></html>\n"),
    # ---------------------------------------------------------------- Redeemer (2021-2022)
    ("redeemer", "en", "Read Me.TXT", "utf-8",
     "!!! Your files have been encrypted by Redeemer !!!\n\nAll your documents, photos, databases and other important files are encrypted and have the extension .redeem\nYou cannot decrypt them yourself. The only way to get them back is to buy our decryptor.\n\nSend your ID to our mail and wait for instructions: {MAIL}\nYour unique ID:\n{ID}\n\nWe can decrypt 1 file for free. The file must not contain valuable data.\nAttention: do not rename encrypted files and do not try to decrypt them using third party software.\n"),
    # ---------------------------------------------------------------- Ra World (2024)
    ("raworld", "en", "Data breach warning.txt", "utf-8",
     "--- Ra World ---\n\nYour network has been breached and your files have been encrypted.\nWe have also copied a large part of your internal data. The list of the files is ready.\n\nIf we do not hear from you within 7 days, we will start to publish this data on our blog:\n{ONION}\n\nTo restore your systems and keep your data private, contact us by Tox: {TOX}\nor by mail: {MAIL}\n\nIt is in your interest to act quickly.\n"),
    # ---------------------------------------------------------------- Ako (2020)
    ("ako", "en", "ako-readme.txt", "utf-8",
     "Your network has been encrypted by Ako.\n\nAll your computers and servers are encrypted, as well as backups. All files have a random extension.\nWe have your private data. If you do not pay, we will publish it.\nThe price for the decryption of the whole network is {AMOUNT} USD in Bitcoin.\nTo contact us, open {URL} in Tor Browser.\nYour key:\n{KEY}\n"),
    # ---------------------------------------------------------------- Exorcist (2020)
    ("exorcist", "en", "{EXT}-HOW-TO-DECRYPT.hta", "utf-8",
     "<html><head><title>Exorcist</title><hta:application border=\"dialog\" /></head>\n<body style=\"background:#300;color:#fff;font-family:Arial\">\n<h2>Exorcist Ransomware</h2>\n<p>All your files are encrypted with the extension .{EXT}</p>\n<p>To decrypt them, visit {URL} with Tor Browser and use this key:</p>\n<pre>{KEY}</pre>\n</body></html>\n"),
    # ---------------------------------------------------------------- Hello (2021)
    ("hello", "en", "Hello.txt", "utf-8",
     "Hello!\nYour files are encrypted.\nTo decrypt them, write to us: {MAIL}\nYour ID: {ID8}\n"),
    # ---------------------------------------------------------------- Zeoticus (2019-2021)
    ("zeoticus", "en", "README.html", "html",
     "ZEOTICUS\nAll your files have been encrypted due to a security problem with your PC.\nIf you want to restore them, write us to the e-mail: {MAIL}\nIn case of no answer in 24 hours write us to this e-mail: {MAIL2}\nYou have to pay for decryption in Bitcoins. The price depends on how fast you write to us.\nFree decryption as guarantee: before paying you can send us up to 3 files for free decryption. The total size of files must be less than 3Mb (non archived), and files should not contain valuable information.\nAttention!\nDo not rename encrypted files.\nDo not try to decrypt your data using third party software, it may cause permanent data loss.\n"),
    # ================================================================ extortion only (no word of decryption)
    # ---------------------------------------------------------------- Kill Security / KillSec (2023-2025)
    ("killsec", "en", "KILLSEC-README.txt", "utf-8",
     "KillSec\n\nWe have been inside your network for several weeks.\nWe have copied {GB} GB of your data: patient records, invoices, contracts, e-mail archives and passwords.\n\nYou have 5 days to contact us. After that, everything goes to our blog and to the press, and we will write to your patients one by one.\n\nContact: Tox {TOX}\nBlog: {ONION}\n\nThink about the fines of your data protection authority before you think about ignoring us.\n"),
    ("killsec", "en", "!KILLSEC.txt", "utf-8",
     "KillSec was here. {GB} GB of your data is ours.\n5 days. Tox: {TOX}\n"),
    # ---------------------------------------------------------------- Silent Ransom Group / Luna Moth (2022-2025)
    ("silentransom", "en", "Notice - {VICTIM}.txt", "utf-8",
     "Dear {VICTIM},\n\nWe are Silent Ransom Group. Your company's confidential files have been exfiltrated from your network. Among them: client files, bank statements, payroll and scanned IDs.\n\nWe are not interested in damaging your business. We are interested in a fair payment for our silence.\n\nIf you do not answer this notice within 48 hours, we will contact your clients, your partners and the media, and give them samples of your data.\n\nTo see the list of the files and proof that we have them, call {PHONE} or write to {MAIL}.\n\nDo not involve lawyers or the authorities: we will know, and the conversation will be over.\n"),
    ("silentransom", "en", "data_notice.txt", "crlf",
     "Your data has been downloaded. Call {PHONE} today to discuss. Ignoring this will make the data public.\n"),
    # ---------------------------------------------------------------- Bl00dy (2023)
    ("bl00dy", "en", "Bl00dy.txt", "utf-8",
     "Hello, this is Bl00dy gang.\nWe have downloaded your files, including your students' and staff personal data.\nIf you don't want it published, write to us on Telegram {TG} within 3 days.\nWe have full access to your network. Don't try to play games.\n"),
    # ---------------------------------------------------------------- KelvinSecurity (2019-2023, Latin America)
    ("kelvinsecurity", "es", "AVISO_IMPORTANTE.txt", "utf-8",
     "KelvinSecurity Team\n\nHemos obtenido acceso a su infraestructura y descargado {GB} GB de información: bases de datos de clientes, historias clínicas, facturas y correos internos.\n\nSi no se comunica con nosotros en un plazo de 72 horas, publicaremos la totalidad de los datos en nuestro foro y los pondremos a la venta.\n\nContacto: {MAIL}\nTelegram: {TG}\n\nNo informe a la policía ni a la prensa. Cualquier intento de ocultar la filtración empeorará su situación.\n"),
    ("kelvinsecurity", "pt", "LEIA-ME AGORA.txt", "utf-8",
     "Equipe KelvinSecurity\n\nSua rede foi invadida. Copiamos {GB} GB de dados: cadastros de pacientes, prontuários, notas fiscais e planilhas financeiras.\n\nVocê tem 72 horas para entrar em contato. Depois disso, os dados serão publicados e vendidos no nosso fórum.\n\nContato: {MAIL}\nTelegram: {TG}\n\nLembre-se da LGPD: o vazamento de dados de pacientes custa muito mais do que o nosso preço.\n"),
    # ---------------------------------------------------------------- Desorden (2021-2023, Asia)
    ("desorden", "en", "DESORDEN_NOTICE.txt", "utf-8",
     "DESORDEN GROUP\n\nYour servers were breached. We hold a full copy of your customer database ({GB} GB) and your internal documents.\nThis is not a joke and it is not going away.\nPay and the data is deleted. Do not pay and it is sold to the highest bidder and posted on the forums.\nContact: {MAIL}\nDeadline: {DATE}\n"),
    ("desorden", "vi", "THONG_BAO.txt", "utf-8",
     "NHÓM DESORDEN\n\nMáy chủ của quý công ty đã bị xâm nhập. Chúng tôi đang giữ toàn bộ cơ sở dữ liệu khách hàng ({GB} GB) và tài liệu nội bộ.\nNếu quý công ty không liên hệ trước ngày {DATE}, dữ liệu sẽ được đăng bán công khai trên các diễn đàn.\nLiên hệ: {MAIL}\n"),
    ("desorden", "th", "แจ้งเตือน.txt", "utf-8",
     "กลุ่ม DESORDEN\n\nเซิร์ฟเวอร์ของบริษัทคุณถูกเจาะระบบแล้ว เรามีสำเนาฐานข้อมูลลูกค้าทั้งหมด ({GB} GB)\nหากไม่ติดต่อกลับภายในวันที่ {DATE} ข้อมูลทั้งหมดจะถูกนำออกขายบนฟอรั่ม\nติดต่อ: {MAIL}\n"),
    # ---------------------------------------------------------------- Black Shadow (2020-2021, Israel)
    ("blackshadow", "he", "BlackShadow.txt", "utf-8",
     "שלום,\nאנחנו Black Shadow.\nחדרנו לשרתים שלכם והעתקנו את כל המידע: פרטי לקוחות, רשומות רפואיות, חשבוניות ותכתובות.\nיש לכם 48 שעות ליצור איתנו קשר. אחרי זה נתחיל לפרסם את המידע בערוץ הטלגרם שלנו, חלק אחרי חלק.\nטלגרם: {TG}\n"),
    ("blackshadow", "en", "BlackShadow-en.txt", "utf-8",
     "Hi,\nWe are Black Shadow.\nWe got into your servers and copied everything: customers, medical records, invoices, mails.\nYou have 48 hours. Then we start publishing on our Telegram channel, piece by piece.\nTelegram: {TG}\n"),
    # ---------------------------------------------------------------- Abraham's Ax (2022-2023)
    ("abrahamsax", "ar", "رسالة.txt", "utf-8",
     "فأس إبراهيم\n\nلقد اخترقنا شبكتكم وحصلنا على مراسلاتكم الداخلية ووثائقكم السرية.\nسننشر كل شيء على موقعنا ما لم تتواصلوا معنا خلال خمسة أيام.\nالموقع: {ONION}\nالبريد: {MAIL}\n"),
    ("abrahamsax", "fa", "پیام.txt", "utf-8",
     "تبر ابراهیم\n\nشبکه شما نفوذ شده است و مکاتبات داخلی و اسناد محرمانه شما در اختیار ماست.\nاگر ظرف پنج روز با ما تماس نگیرید، همه چیز در سایت ما منتشر خواهد شد.\nسایت: {ONION}\nایمیل: {MAIL}\n"),
    # ---------------------------------------------------------------- GhostSec (2023-2024)
    ("ghostsec", "en", "GhostSec_was_here.txt", "utf-8",
     "GhostSec\n\nWe have taken {GB} GB of your data. Samples are already on our channel.\nContact {TG} before {DATE} or the rest follows.\n"),
    # ---------------------------------------------------------------- Karma Leaks (2023-2024)
    ("karmaleaks", "en", "KARMA_LEAKS.txt", "utf-8",
     "Karma Leaks\n\nDear management,\n\nYour corporate network was accessed and a significant amount of data was exfiltrated: finance, HR, legal, clients.\nWe have prepared a page about your company on our site. It is not visible yet.\nYou have ten days to talk to us before it becomes visible to everybody, including your clients, your competitors and the journalists who follow our site.\n\nOur site: {ONION}\nChat ID: {UID}\n\nWe do not negotiate through intermediaries.\n"),
    # ---------------------------------------------------------------- Cyber Toufan (2023-2024)
    ("cybertoufan", "en", "toufan.txt", "utf-8",
     "CYBER TOUFAN\nYour servers have been destroyed and your data copied.\nEverything will be published. Your customers will be told.\nThis is only the beginning.\n"),
    ("cybertoufan", "ar", "طوفان.txt", "utf-8",
     "طوفان السايبر\nتم تدمير خوادمكم ونسخ بياناتكم.\nسيتم نشر كل شيء وسيعلم عملاؤكم.\nهذه مجرد البداية.\n"),
    # ---------------------------------------------------------------- generic data-theft note left on a NAS share (2024-2026)
    ("dataleak", "en", "YOUR DATA IS STOLEN.txt", "utf-8",
     "Attention!\nWe have copied the contents of this share ({GB} GB) before you noticed anything.\nA list of the files is attached to our first e-mail to {VICTIM}.\nIf nobody talks to us by {DATE}, the files will be offered for sale and a sample will be published.\nSession: {SESSION}\n"),
    ("dataleak", "de", "IHRE DATEN.txt", "utf-8",
     "Achtung!\nWir haben den Inhalt dieser Freigabe ({GB} GB) kopiert, bevor Sie etwas bemerkt haben.\nDarunter Patientendaten, Lohnabrechnungen und Bankverbindungen.\nWenn sich bis zum {DATE} niemand meldet, werden die Daten verkauft und eine Probe veröffentlicht.\nKontakt über Session: {SESSION}\n"),
    # ================================================================ notes in the victims' languages
    # ---------------------------------------------------------------- FTCODE (2019-2020, Italy)
    ("ftcode", "it", "READ_ME_NOW.htm", "utf-8",
     "<html><head><meta charset=\"utf-8\"><title>ATTENZIONE</title></head>\n<body style=\"font-family:Arial;font-size:15px\">\n<h2>Tutti i tuoi file sono stati criptati!</h2>\n<p>Documenti, foto, database e altri file importanti sono stati criptati con una chiave unica generata per questo computer.</p>\n<p>La chiave privata è conservata su un server segreto e nessuno può decifrare i tuoi file finché non paghi e ottieni la chiave privata.</p>\n<p>Per ricevere il programma di decrittazione segui questi passaggi:</p>\n<ol><li>Scarica e installa Tor Browser</li><li>Apri il link: {URL}</li><li>Inserisci il tuo ID personale: {UID}</li></ol>\n<p>Hai 72 ore. Dopo questo periodo il prezzo raddoppierà.</p>\n<p>Non rinominare i file criptati e non cercare di decifrarli con programmi di terze parti.</p>\n</body></html>\n"),
    ("ftcode", "it", "LEGGIMI.txt", "utf-8",
     "I tuoi file sono criptati.\nPer riaverli vai su {URL} con Tor Browser.\nID: {UID}\n"),
    # ---------------------------------------------------------------- GermanWiper (2019, Germany)
    ("germanwiper", "de", "{EXT}_Entschluesselungs_Anleitung.html", "html",
     "Ihre Dateien wurden verschlüsselt!\nAlle Ihre Dokumente, Fotos, Datenbanken und andere wichtige Dateien wurden verschlüsselt.\nUm Ihre Dateien wiederherzustellen, benötigen Sie einen privaten Schlüssel, den nur wir besitzen.\nÜberweisen Sie den Betrag von 0,15 Bitcoin an folgende Adresse: {BTC}\nSenden Sie danach Ihre ID an {MAIL}.\nIhre ID: {ID}\nSie haben 7 Tage Zeit. Danach wird der Schlüssel gelöscht.\n"),
    # ---------------------------------------------------------------- Shade / Troldesh (2019-2020)
    ("shade", "ru", "README1.txt", "utf-8",
     "Все важные файлы на всех дисках вашего компьютера были зашифрованы.\nПодробности вы можете прочитать в файлах README.txt, которые можно найти на любом из дисков.\n\nAll the important files on your disks were encrypted.\nThe details can be found in README.txt files which you can find on any of your disks.\n"),
    ("shade", "ru", "README2.txt", "utf-8",
     "Ваши файлы были зашифрованы.\nЧтобы расшифровать их, Вам необходимо отправить код:\n{ID8}{ID8}|0\nна электронный адрес {MAIL}.\nДалее вы получите все необходимые инструкции.\nПопытки расшифровать самостоятельно не приведут ни к чему, кроме безвозвратной потери информации.\n\nYour files were encrypted.\nTo decrypt them, you need to send the code above to {MAIL}.\nThen you will receive all necessary instructions.\n"),
    # ---------------------------------------------------------------- Key Group (2023, Russian-speaking)
    ("keygroup", "ru", "ПРОЧТИ_МЕНЯ.txt", "utf-8",
     "Ваши файлы зашифрованы группой Key Group.\n\nДля восстановления файлов напишите нам в Telegram: {TG}\nВ сообщении укажите ваш ID: {ID8}\n\nНе пытайтесь восстановить файлы самостоятельно и не переименовывайте их: вы их испортите.\n"),
    ("keygroup", "ru", "keygroup777.txt", "utf-8",
     "Файлы зашифрованы. Пиши {TG}\nID {ID8}\n"),
    # ---------------------------------------------------------------- Somnia (2022)
    ("somnia", "ru", "README.txt", "utf-8",
     "Ваша сеть была взломана.\nВсе файлы на серверах и компьютерах зашифрованы, резервные копии удалены.\nМы также скопировали ваши документы.\nРасшифровка не предусмотрена.\nСлава тем, кто это сделал.\n"),
    # ---------------------------------------------------------------- ARCrypter / ChileLocker (2022, Latin America)
    ("arcrypter", "es", "Leame.txt", "utf-8",
     "Hola {VICTIM}:\n\nSu red ha sido comprometida y todos sus archivos han sido cifrados. También hemos descargado información sensible de sus servidores.\n\nPara recuperar sus archivos necesita nuestro descifrador. Para obtenerlo:\n1. Descargue el navegador Tor.\n2. Entre en {URL}\n3. Escriba su ID: {UID}\n\nPuede enviarnos dos archivos pequeños y se los devolveremos descifrados de forma gratuita.\n\nNo intente descifrar los archivos con programas de terceros ni apague los servidores: perderá sus datos para siempre.\n\nSi no se comunica en 3 días, publicaremos su información.\n"),
    ("arcrypter", "es", "LÉEME AHORA.txt", "crlf",
     "Sus archivos están cifrados.\nEscriba a {MAIL} con su ID {ID8}.\nNo renombre los archivos.\n"),
    # ---------------------------------------------------------------- ShrinkLocker (2024; BitLocker misused)
    ("shrinklocker", "es", "RECUPERACION_BITLOCKER.txt", "utf-8",
     "Sus discos han sido cifrados con BitLocker.\nNo hay opciones de recuperación de BitLocker en este equipo.\nPara recuperar sus discos escriba a {MAIL}\nIdentificador: {ID8}\n"),
    ("shrinklocker", "id", "PEMULIHAN.txt", "utf-8",
     "Disk Anda telah dienkripsi dengan BitLocker.\nTidak ada opsi pemulihan BitLocker lagi.\nUntuk memulihkan disk Anda, kirim email ke {MAIL}\nID: {ID8}\n"),
    # ---------------------------------------------------------------- Mr.Dec (France)
    ("mrdec", "fr", "Decrypt-me.txt", "utf-8",
     "Bonjour,\n\nTous vos fichiers importants ont été chiffrés : documents, photos, bases de données.\nVous ne pouvez pas les récupérer sans notre logiciel de déchiffrement et votre clé privée.\n\nPour obtenir le logiciel, écrivez-nous à {MAIL} en indiquant votre identifiant :\n{ID}\n\nVous pouvez nous envoyer un fichier (moins de 1 Mo) que nous déchiffrerons gratuitement.\nNe renommez pas les fichiers chiffrés. N'utilisez pas d'autres logiciels : vous risquez de perdre vos données.\n"),
    # ---------------------------------------------------------------- CryptNet (2023)
    ("cryptnet", "fr", "LISEZ-MOI_{ID8}.txt", "utf-8",
     "*** CryptNet ***\n\nVotre réseau a été piraté et vos fichiers ont été chiffrés.\nNous avons également copié des données confidentielles de votre entreprise.\n\nSi vous ne nous contactez pas, ces données seront publiées sur notre blog : {ONION}\n\nPour discuter du prix du déchiffreur : {URL}\nVotre identifiant : {UID}\n"),
    ("cryptnet", "en", "RESTORE-FILES-{ID8}.txt", "utf-8",
     "*** CryptNet ***\nYour network was hacked and your files were encrypted.\nWe also downloaded your company's data. It will appear on {ONION} if you do not contact us.\nChat: {URL}\nID: {UID}\n"),
    # ---------------------------------------------------------------- Sojusz (2023)
    ("sojusz", "pl", "PRZECZYTAJ_TO.txt", "utf-8",
     "Wszystkie Twoje pliki zostały zaszyfrowane!\n\nTwoje dokumenty, zdjęcia i bazy danych są zaszyfrowane. Bez naszego programu deszyfrującego nie da się ich odzyskać.\nAby otrzymać program, napisz do nas: {MAIL}\nW wiadomości podaj swój identyfikator: {ID8}\n\nMożemy bezpłatnie odszyfrować jeden mały plik jako dowód.\nNie zmieniaj nazw plików i nie używaj programów innych firm.\n"),
    # ---------------------------------------------------------------- Spacecolon / ScRansom (2023-2024)
    ("spacecolon", "tr", "OKU_BENİ.txt", "utf-8",
     "Dosyalarınız şifrelendi!\n\nŞirketinizin sunucularındaki ve bilgisayarlarındaki tüm belgeler, fotoğraflar ve veritabanları şifrelendi.\nDosyalarınızı geri almak için bizim şifre çözücümüze ihtiyacınız var.\nBizimle iletişime geçin: {MAIL}\nKimlik numaranız: {ID8}\n\nDosyaları yeniden adlandırmayın ve başka programlarla çözmeye çalışmayın, verileriniz kalıcı olarak kaybolur.\n"),
    ("spacecolon", "en", "HowToDecrypt.txt", "utf-8",
     "Your files are encrypted by ScRansom.\nTo get the decryptor write to {MAIL}\nID: {ID8}\nDon't waste time, the price grows every day.\n"),
    # ---------------------------------------------------------------- Charon (2025, Middle East)
    ("charon", "en", "How To Restore Your Files.txt", "utf-8",
     "Hello {VICTIM},\n\nYour network has been compromised by Charon. Your files are encrypted, your backups are gone and we hold a copy of your sensitive data.\n\nYou can get everything back: the decryptor for all your systems, the deletion of the copy and a report of how we got in.\n\nContact us:\nmail: {MAIL}\nTox: {TOX}\n\nDo not turn off or reinstall the encrypted machines. Do not try to decrypt with free tools.\n"),
    ("charon", "ar", "كيفية استعادة ملفاتك.txt", "utf-8",
     "مرحباً،\n\nتم اختراق شبكتكم وتشفير جميع ملفاتكم وحذف النسخ الاحتياطية. لدينا أيضاً نسخة من بياناتكم الحساسة.\nيمكنكم استعادة كل شيء: أداة فك التشفير لجميع الأجهزة وحذف النسخة المسروقة.\nتواصلوا معنا عبر البريد: {MAIL}\nأو عبر Tox: {TOX}\nلا تحاولوا فك التشفير بأدوات مجانية ولا تعيدوا تثبيت الأجهزة المشفرة.\n"),
    # ---------------------------------------------------------------- BeijingCrypt (2020-2022)
    ("beijingcrypt", "zh", "howtodecrypt.txt", "utf-8",
     "您的所有文件都已被加密!\n如果您想恢复文件,请发送邮件到 {MAIL}\n您的ID:{ID8}\n请不要修改加密文件的名称,也不要使用第三方软件解密,否则会导致数据永久丢失。\n"),
    ("beijingcrypt", "zh", "解密说明.txt", "utf-16",
     "你的服务器已被加密\n联系邮箱:{MAIL}\n识别码:{ID8}\n"),
    # ---------------------------------------------------------------- MedusaLocker in Korea and the Netherlands
    ("medusalocker", "ko", "복구_방법.html", "html",
     "개인 ID: {UID}\n/!\\ 귀사의 네트워크가 침투되었습니다 /!\\\n모든 중요한 파일이 암호화되었습니다!\n파일은 안전합니다. 단지 변경되었을 뿐입니다. (RSA+AES)\n타사 소프트웨어로 파일을 복구하려고 하면 파일이 영구적으로 손상됩니다.\n저희는 기밀 데이터와 개인 데이터를 수집했습니다. 결제하지 않으면 데이터를 공개합니다.\n중요하지 않은 파일 2-3개를 보내주시면 무료로 복호화해 드립니다.\n이메일: {MAIL}\n72시간 안에 연락하지 않으면 가격이 올라갑니다.\n"),
    ("medusalocker", "nl", "HOE_BESTANDEN_TERUG.html", "html",
     "UW PERSOONLIJKE ID: {UID}\n/!\\ UW BEDRIJFSNETWERK IS BINNENGEDRONGEN /!\\\nAl uw belangrijke bestanden zijn versleuteld!\nUw bestanden zijn veilig, alleen gewijzigd (RSA+AES).\nElke poging om de bestanden met andere software te herstellen beschadigt ze voorgoed.\nWij hebben vertrouwelijke gegevens verzameld (patiëntendossiers, administratie). Als u niet betaalt, publiceren wij ze.\nStuur ons 2-3 onbelangrijke bestanden en wij ontsleutelen ze gratis.\nE-mail: {MAIL}\nAls u niet binnen 72 uur contact opneemt, wordt de prijs hoger.\n"),
    # ---------------------------------------------------------------- TargetCompany in Japan and Taiwan
    ("targetcompany", "ja", "ファイルの復元方法.TXT", "utf-8",
     "お客様のファイルは暗号化されました!!!\n\n復号するには次の手順に従ってください:\n1. Tor ブラウザで次のサイトを開きます: {URL}\n2. 以下のテキストを入力欄に貼り付けます:\n\n{KEY}\n\n3.「送信」をクリックすると支払い方法が表示されます。\n\n支払わない場合、データは当社のリークサイトで公開されます。\nファイルを自分で復元しようとしないでください。\n"),
    ("targetcompany", "zh-tw", "如何復原檔案.txt", "utf-8",
     "您的檔案已被加密!\n請使用 Tor 瀏覽器開啟 {URL}\n並貼上以下金鑰取得付款說明:\n{KEY}\n若不付款,資料將被公開。\n"),
    # ---------------------------------------------------------------- Backmydata (Phobos affiliate, 2024, Romanian hospitals)
    ("backmydata", "ro", "info.txt", "utf-8",
     "Toate fișierele dumneavoastră au fost criptate!\nPentru a le recupera, scrieți-ne la adresa {MAIL}\nScrieți acest ID în titlul mesajului: {ID8}-2AF0\nÎn cazul în care nu primiți răspuns în 24 de ore, scrieți-ne la {MAIL2}\n"),
    ("backmydata", "ro", "info.hta", "utf-8",
     "<html><head><meta charset=\"utf-8\"><title>backmydata</title><HTA:APPLICATION APPLICATIONNAME=\"backmydata\" SCROLL=\"yes\" SINGLEINSTANCE=\"yes\" WINDOWSTATE=\"maximize\"></head>\n<body style=\"background:#f0f0f0;font-family:Segoe UI\">\n<h2 style=\"color:#b00\">Toate fișierele dumneavoastră au fost criptate!</h2>\n<p>Toate fișierele au fost criptate din cauza unei probleme de securitate a calculatorului dumneavoastră.</p>\n<p>Dacă doriți să le recuperați, scrieți-ne la: <b>{MAIL}</b></p>\n<p>ID-ul dumneavoastră: <b>{ID8}-2AF0</b></p>\n<p>Trebuie să plătiți decriptarea în Bitcoin. Prețul depinde de cât de repede ne scrieți.</p>\n<p>Înainte de plată ne puteți trimite 3 fișiere pentru decriptare gratuită.</p>\n<p>Atenție! Nu redenumiți fișierele criptate. Nu încercați să le decriptați cu programe terțe.</p>\n</body></html>\n"),
    # ---------------------------------------------------------------- Ransom Corp (2023)
    ("ransomcorp", "cs", "PRECTI_ME.txt", "utf-8",
     "Vaše síť byla napadena a všechny soubory byly zašifrovány.\nZkopírovali jsme také citlivá data vaší firmy.\nPokud se nám do 5 dnů neozvete, data zveřejníme.\nKontakt: {MAIL}\nVaše ID: {ID8}\n"),
    ("ransomcorp", "en", "README_RansomCorp.txt", "utf-8",
     "Ransom Corp\nYour network was breached, your files are encrypted and your data is copied.\nContact {MAIL} within 5 days or the data is published.\nID: {ID8}\n"),
    # ---------------------------------------------------------------- Obscura (2025)
    ("obscura", "sv", "LÄS_MIG.txt", "utf-8",
     "Ert nätverk har blivit intrångat och era filer är krypterade.\nVi har även laddat ner känsliga uppgifter från era servrar.\nFör att få tillbaka filerna och undvika att uppgifterna publiceras, kontakta oss via Tor: {URL}\nErt ID: {UID}\n"),
    ("obscura", "en", "README-OBSCURA.txt", "utf-8",
     "Obscura\n\nYour network has been breached and your files are encrypted.\nWe have downloaded your sensitive data as well.\nIf you want your files back and your data kept private, reach us through Tor: {URL}\nYour ID: {UID}\n\nDo not shut down the encrypted servers. Do not hire a recovery company: they will only ask you for more money and pay us anyway.\n"),
    # ---------------------------------------------------------------- Ra World in Latin America
    ("raworld", "pt", "Aviso de violação de dados.txt", "utf-8",
     "--- Ra World ---\nSua rede foi invadida e seus arquivos foram criptografados.\nTambém copiamos grande parte dos seus dados internos.\nSe não tivermos notícias suas em 7 dias, publicaremos esses dados no nosso blog: {ONION}\nContato Tox: {TOX}\n"),
    ("raworld", "es", "Aviso de filtración de datos.txt", "utf-8",
     "--- Ra World ---\nSu red ha sido vulnerada y sus archivos cifrados.\nTambién hemos copiado gran parte de sus datos internos.\nSi no sabemos de usted en 7 días, publicaremos los datos en nuestro blog: {ONION}\nTox: {TOX}\n"),
    # ================================================================ more families, short notes, odd names
    # ---------------------------------------------------------------- Fonix / XINOF (2020-2021)
    ("fonix", "en", "How To Decrypt Files.hta", "utf-8",
     "<html><head><title>FONIX</title>\n<HTA:APPLICATION ID=\"fonix\" APPLICATIONNAME=\"fonix\" BORDER=\"none\" CAPTION=\"no\" SHOWINTASKBAR=\"no\" WINDOWSTATE=\"maximize\" />\n<style>body{background:#1c1c1c;color:#f2f2f2;font:15px Segoe UI}h1{color:#f0a}.id{color:#0f0}</style></head>\n<body>\n<h1>FONIX</h1>\n<p>All your files have been encrypted with the extension .FONIX</p>\n<p>Don't worry, you can return all your files!</p>\n<p>If you want to restore them, write to our mail: {MAIL}</p>\n<p>In case of no answer in 24 hours write us to this mail: {MAIL2}</p>\n<p class=\"id\">Your ID: {ID8}</p>\n<p>Free decryption as guarantee: before paying you can send us 1 file for free decryption. The file must be smaller than 1 MB.</p>\n<p>Attention: do not rename encrypted files. Do not try to decrypt your data using third party software.</p>\n</body></html>\n"),
    ("fonix", "fa", "Help.txt", "utf-8",
     "تمام فایل های شما رمزگذاری شده اند.\nبرای بازگرداندن فایل ها به ایمیل {MAIL} پیام دهید.\nشناسه شما: {ID8}\nنام فایل ها را تغییر ندهید.\n"),
    # ---------------------------------------------------------------- SolidBit (2022)
    ("solidbit", "en", "RESTORE-MY-FILES.txt", "utf-8",
     "SolidBit Ransomware\n\nYour files have been encrypted!\nAll your documents, photos, databases and other files are encrypted with strong encryption and a unique key.\nTo get the key and the decryption program, open our site with Tor Browser:\n{URL}\nand enter your personal ID:\n{UID}\n\nAttention! Do not change, rename or delete the encrypted files. Do not use antivirus software to remove us: you will lose the possibility to restore your files.\n"),
    # ---------------------------------------------------------------- NoCry (2021)
    ("nocry", "en", "README.me", "utf-8",
     "Oops, your files have been encrypted by NoCry.\nTo get them back pay 0.01 BTC to {BTC}\nthen send your ID {ID8} to {MAIL}\n"),
    # ---------------------------------------------------------------- Hazard (2025)
    ("hazard", "en", "HAZARD_README.txt", "utf-8",
     "-- HAZARD --\n\nYour company has been hit. Files encrypted, data exfiltrated.\nContact us over Session to get the decryptor and the proof of deletion: {SESSION}\nIf there is no contact in 5 days, we publish.\n"),
    # ---------------------------------------------------------------- Razr (2025)
    ("razr", "en", "README_RAZR.txt", "utf-8",
     "RAZR\nyour files are encrypted.\nwrite to {MAIL} for the decryptor.\nid {IDL}\n"),
    # ---------------------------------------------------------------- Nemesis (2024)
    ("nemesis", "en", "NEMESIS-RECOVERY.txt", "utf-8",
     "Hello.\n\nThis is Nemesis. We accessed your network, encrypted your servers and downloaded your files.\n\n1. Your backups are deleted. Restoring from them will not work.\n2. A test decryption of 2 files is free.\n3. If you stay silent, your data goes public and your clients receive a link to it.\n\nLog in to our panel: {URL}\nLogin: {ID8}\nPassword: {IDL}\n"),
    # ---------------------------------------------------------------- Dracula (2025)
    ("dracula", "en", "DRACULA.txt", "utf-8",
     "Your files are encrypted by Dracula.\nTox: {TOX}\nID: {ID8}\n"),
    # ---------------------------------------------------------------- Estate (2024)
    ("estate", "en", "READ_ME_ESTATE.txt", "utf-8",
     "ESTATE\n\nAll files on this network are encrypted and a copy of your data is with us.\nThe decryptor and the deletion of the copy are for sale. The price depends on how fast you contact us.\nContact: {MAIL}  /  Tox {TOX}\nYour ID: {ID}\n"),
    # ---------------------------------------------------------------- Cephalus (2025)
    ("cephalus", "en", "recover.txt", "utf-8",
     "We are Cephalus.\nYour network was breached through remote access and your data is encrypted.\nAs proof we attach links to some of the files we took, please check them.\n{URL}\n{URL}\nWrite to us on Session: {SESSION}\n"),
    # ---------------------------------------------------------------- Rangar (2022)
    ("rangar", "en", "RANGAR_NOTE.txt", "utf-8",
     "RANGAR\nAll your files were encrypted and your data was downloaded.\nBuy the decryptor before {DATE}: {MAIL}\n"),
    # ---------------------------------------------------------------- AXLocker (2023)
    ("axlocker", "en", "Readme.txt", "utf-8",
     "All your files have been encrypted!\nYour Personal Identification: {ID}\nTo recover your files contact us at {MAIL}\nand send us your ID.\n"),
    # ---------------------------------------------------------------- WantoCry (2024-2025, NAS shares)
    ("wantocry", "en", "!!!Read_Me!!!.txt", "utf-8",
     "Your files on this NAS have been encrypted.\nPay 600 USD in Bitcoin: {BTC}\nThen write to Telegram {TG} with the ID below.\nID: {ID8}\n"),
    # ---------------------------------------------------------------- Malas (2024-2025, mail servers)
    ("malas", "en", "MALAS_README.txt", "utf-8",
     "Hello\n\nThis server has been encrypted by Malas.\nWe are not asking for money. Instead, make a donation to a charity of your choice and send us the proof.\nThen you will get the decryption key.\nContact: {MAIL}\nID: {ID8}\n"),
    # ---------------------------------------------------------------- GoldenCrypt (2023)
    ("goldencrypt", "en", "ReadMe_Decrypt.txt", "utf-8",
     "GOLDEN\nYour files are locked.\nTo unlock them write to {MAIL}\nYour key: {IDL}\n"),
    # ---------------------------------------------------------------- Vaggen (2022)
    ("vaggen", "en", "vaggen_note.txt", "utf-8",
     "Your files are encrypted.\nWe accept Bitcoin only. Send 0.05 BTC to {BTC}\nand mail the transaction hash to {MAIL}.\n"),
    # ---------------------------------------------------------------- 3AG (2023)
    ("3ag", "en", "3AG_README.txt", "crlf",
     "THREE AG\n\nYour servers are encrypted.\nDecryption and data deletion: {MAIL}\nID: {ID8}\n"),
    # ---------------------------------------------------------------- BlackJack (2024, pro-Ukrainian hacktivists against Russian targets)
    ("blackjack", "ru", "BLACKJACK.txt", "utf-8",
     "Сеть вашей компании уничтожена группой BlackJack.\nСерверы стёрты, резервные копии удалены, данные скопированы и будут опубликованы.\nВосстанавливать нечего.\n"),
    # ---------------------------------------------------------------- LockBit Green (2023, built on Conti's code)
    ("lockbitgreen", "en", "!!!-Restore-My-Files-!!!.txt", "utf-8",
     "LockBit Green\n\nYour data are stolen and encrypted.\nThe data will be published on TOR website if you do not pay the ransom.\n\nYou can contact us and decrypt one file for free on these TOR sites:\n{ONION}\n{ONION2}\n\nDecryption ID: {ID}\n"),
    # ---------------------------------------------------------------- LockBit 5.0 (2025-2026)
    ("lockbit5", "en", "ReadMeForDecrypt.txt", "utf-8",
     "~~~ LockBit 5.0 ~~~\n\nYour infrastructure has been encrypted and your data has been downloaded.\nWe are the oldest ransomware affiliate program on the planet, nothing is more important to us than our reputation.\n\nIf you do not pay, your data will be published on our leak site and your clients will be informed.\nYou can decrypt two files for free to make sure we can do it.\n\nChat, with Tor Browser: {URL}\nYour decryption ID: {ID}\n\nDo not use recovery companies. Do not involve the police. Do not delete or rename files.\n"),
    ("lockbit5", "de", "LiesMichZumEntschluesseln.txt", "utf-8",
     "~~~ LockBit 5.0 ~~~\n\nIhre Infrastruktur wurde verschlüsselt und Ihre Daten wurden heruntergeladen.\nWenn Sie nicht zahlen, werden die Daten auf unserer Leak-Seite veröffentlicht und Ihre Kunden informiert.\nZwei Dateien entschlüsseln wir kostenlos als Beweis.\n\nChat (Tor-Browser): {URL}\nIhre Entschlüsselungs-ID: {ID}\n"),
    ("lockbit5", "fr", "LisezMoiPourDechiffrer.txt", "utf-8",
     "~~~ LockBit 5.0 ~~~\n\nVotre infrastructure a été chiffrée et vos données téléchargées.\nSi vous ne payez pas, elles seront publiées sur notre site et vos clients en seront informés.\nNous déchiffrons gratuitement deux fichiers pour vous prouver que nous le pouvons.\n\nDiscussion (navigateur Tor) : {URL}\nVotre identifiant de déchiffrement : {ID}\n"),
    ("lockbit5", "es", "LeameParaDescifrar.txt", "utf-8",
     "~~~ LockBit 5.0 ~~~\n\nSu infraestructura ha sido cifrada y sus datos descargados.\nSi no paga, los publicaremos en nuestro sitio y avisaremos a sus clientes.\nPodemos descifrar dos archivos gratis como prueba.\n\nChat (navegador Tor): {URL}\nSu ID de descifrado: {ID}\n"),
    ("lockbit5", "it", "LeggimiPerDecifrare.txt", "utf-8",
     "~~~ LockBit 5.0 ~~~\n\nLa vostra infrastruttura è stata cifrata e i vostri dati sono stati scaricati.\nSe non pagate, li pubblicheremo sul nostro sito e informeremo i vostri clienti.\nPossiamo decifrare gratuitamente due file come prova.\n\nChat (Tor Browser): {URL}\nID di decifrazione: {ID}\n"),
    ("lockbit5", "pl", "PrzeczytajAbyOdszyfrowac.txt", "utf-8",
     "~~~ LockBit 5.0 ~~~\n\nWasza infrastruktura została zaszyfrowana, a dane pobrane.\nJeśli nie zapłacicie, opublikujemy je na naszej stronie i powiadomimy waszych klientów.\nDwa pliki odszyfrujemy bezpłatnie jako dowód.\n\nCzat (Tor Browser): {URL}\nID: {ID}\n"),
    # ---------------------------------------------------------------- INC Ransom in more languages (affiliates' translations)
    ("inc", "de", "INC-README-DE.txt", "utf-8",
     "Inc. Ransomware\n\nWir haben Ihr Netzwerk gehackt und alle vertraulichen Daten Ihres Unternehmens und Ihrer Kunden heruntergeladen.\nIhre Dateien sind verschlüsselt. Nur unsere Software kann sie wiederherstellen.\n\nSo beginnen Sie die Verhandlung:\n1. Laden Sie den Tor-Browser herunter.\n2. Öffnen Sie {ONION}\n3. Geben Sie Ihre persönliche ID ein: {UID}\n\nWenden Sie sich nicht an die Polizei oder an Datenrettungsfirmen.\n"),
    ("inc", "nl", "INC-LEESMIJ.txt", "utf-8",
     "Inc. Ransomware\n\nWij hebben uw netwerk gehackt en alle vertrouwelijke gegevens van uw bedrijf en uw klanten gedownload.\nUw bestanden zijn versleuteld; alleen onze software kan ze herstellen.\n\nOnderhandelen:\n1. Download de Tor-browser.\n2. Open {ONION}\n3. Vul uw persoonlijke ID in: {UID}\n\nNeem geen contact op met de politie of met herstelbedrijven.\n"),
    # ---------------------------------------------------------------- Somnia / others in Ukrainian-speaking victims' offices
    ("somnia", "uk", "ПРОЧИТАЙ.txt", "utf-8",
     "Вашу мережу зламано.\nУсі файли на серверах і комп'ютерах зашифровано, резервні копії видалено.\nМи скопіювали ваші документи і опублікуємо їх.\n"),
    # ---------------------------------------------------------------- Hello (short, Greek victim)
    ("hello", "el", "ΔΙΑΒΑΣΕ_ΜΕ.txt", "utf-8",
     "Γεια σας!\nΤα αρχεία σας έχουν κρυπτογραφηθεί.\nΓια να τα αποκρυπτογραφήσετε, γράψτε μας: {MAIL}\nΤο ID σας: {ID8}\n"),
    # ---------------------------------------------------------------- ARCrypter (Portuguese, Brazil)
    ("arcrypter", "pt", "LEIA-ME.txt", "utf-8",
     "Olá,\n\nSua rede foi comprometida e todos os seus arquivos foram criptografados. Também baixamos informações confidenciais dos seus servidores.\n\nPara recuperar os arquivos você precisa do nosso descriptografador:\n1. Baixe o navegador Tor.\n2. Acesse {URL}\n3. Informe seu ID: {UID}\n\nVocê pode nos enviar dois arquivos pequenos e devolveremos descriptografados, de graça.\nSe não entrar em contato em 3 dias, publicaremos seus dados.\n"),
    # ---------------------------------------------------------------- Epsilon Red (Hungarian victim)
    ("epsilonred", "hu", "OLVASS_EL.txt", "utf-8",
     "---=== Üdvözöljük. Ismét. ===---\n\nA fájljai titkosítva vannak és jelenleg nem elérhetők.\nMinden visszaállítható, de követnie kell az utasításainkat.\nKét egyszerű fájlt ingyen visszafejtünk bizonyítékként.\nÍrjon nekünk: {MAIL}\nKulcs:\n{KEY}\n"),
    # ---------------------------------------------------------------- data theft, more languages
    ("dataleak", "ja", "重要なお知らせ.txt", "utf-8",
     "重要なお知らせ\n\n貴社のネットワークに侵入し、{GB} GB のデータ(顧客情報、人事資料、契約書)を取得しました。\n{DATE} までに連絡がない場合、データを公開し、取引先にも通知します。\n連絡先: {MAIL}\n"),
    ("dataleak", "tr", "VERİLERİNİZ.txt", "utf-8",
     "Dikkat!\nŞirket ağınıza girdik ve {GB} GB veri kopyaladık: müşteri kayıtları, faturalar, personel bilgileri.\n{DATE} tarihine kadar bizimle iletişime geçmezseniz veriler yayınlanacak ve satılacak.\nİletişim: {MAIL}\n"),
    ("killsec", "id", "KILLSEC-BACA.txt", "utf-8",
     "KillSec\n\nKami telah menyalin {GB} GB data dari jaringan Anda, termasuk data pasien dan keuangan.\nHubungi kami dalam 5 hari melalui Tox {TOX}, atau semua data akan dipublikasikan di blog kami: {ONION}\n"),
    ("killsec", "hi", "KILLSEC-पढ़ें.txt", "utf-8",
     "KillSec\n\nहमने आपके नेटवर्क से {GB} GB डेटा कॉपी कर लिया है, जिसमें मरीज़ों और वित्त का डेटा शामिल है।\n5 दिनों के भीतर Tox {TOX} पर संपर्क करें, नहीं तो सारा डेटा हमारे ब्लॉग पर प्रकाशित कर दिया जाएगा।\n"),
    ("ransomman", "fi", "TIETOMURTO.txt", "utf-8",
     "Hei,\n\nOlemme saaneet haltuumme yrityksenne asiakasrekisterin ja potilastiedot.\nJos ette maksa {DATE} mennessä, julkaisemme tiedot erissä, sata asiakasta kerrallaan, ja otamme yhteyttä asiakkaisiinne suoraan.\nYhteys: {MAIL}\n"),
    # ---------------------------------------------------------------- short ones, names of every kind
    ("bighead", "en", "README", "utf-8",
     "files encrypted. {TG} for key. id {ID8}\n"),
    ("hazard", "en", "restore.log", "crlf",
     "[!] Files on {HOST} encrypted.\n[!] Contact over Session: {SESSION}\n"),
    ("nocry", "en", "NoCry_README.txt", "utf-16",
     "Your files have been encrypted by NoCry.\nSend your ID {ID8} to {MAIL} to get them back.\n"),
    ("razr", "en", "DECRYPT", "utf-8",
     "RAZR: your files are encrypted. mail {MAIL}, id {IDL}\n"),
    ("cephalus", "ko", "복구.txt", "utf-8",
     "귀사의 데이터가 암호화되었습니다.\nSession으로 연락하십시오: {SESSION}\n"),
    ("sojusz", "pl", "Jak odzyskać pliki.html", "html",
     "Twoje pliki zostały zaszyfrowane!\nAby je odzyskać, napisz na adres {MAIL}\nTwój identyfikator: {ID8}\nNie zmieniaj nazw zaszyfrowanych plików.\n"),
    ("cryptnet", "da", "LÆS_MIG.txt", "utf-8",
     "Jeres netværk er blevet hacket, og jeres filer er krypteret.\nVi har også kopieret fortrolige data.\nKontakt os: {URL}\nID: {UID}\n"),
]
