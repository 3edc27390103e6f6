# Ransom notes of the FRESH3 corpus (issue 20, fifth corpus).
#
# Written on 2026-12-05 (evening) by an engineer who has not read the detection rules,
# the note data (data/rules*, data/notes*, lib/detect) nor the other corpora's note texts;
# families were checked with a yes/no grep against data/, bench/realcorpus and tests/corpus
# and, where possible, are families no existing file names. Texts are written for riposte
# in our own words from public descriptions of each family's notes (vendor write-ups,
# advisories, victims' posts); onion addresses, mails, Tox and Session IDs, wallets and
# victim IDs are made up from the seed. Not written to be easy or hard: a mix like the one
# a responder meets -- long and short notes, extortion-only notes that never speak of
# decryption, notes in the victims' languages, HTML and HTA notes, and file names of every
# kind (no extension, .log, .me, a typo'd extension, spaces, capitals, UTF-8).
#
# notes(rng) returns a list of (family, lang, file name, encoding, text); encoding is
# "utf-8", "utf-16" (LE with BOM), "html" (make-real wraps the lines in <p>) or "crlf"
# (UTF-8 with CRLF line ends). HTA and hand-made HTML notes are given as "utf-8" text with
# their own markup (braces doubled for str.format).

B32 = "abcdefghijklmnopqrstuvwxyz234567"
HEX = "0123456789abcdef"
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
B64 = ALNUM + "+/"

NOTES = [
    # ---------------------------------------------------------------- Buhti (2023-)
    ("buhti", "en", "{ID8}-Restore-My-Files.txt", "utf-8",
     "All of your files are encrypted!\n\nYour documents, photos, databases and other important files have been encrypted with a strong algorithm. Without our decryptor you cannot get them back.\n\nTo decrypt your files go to:\nhttps://satoshidisk.com/pay/{id8}\nand buy the decryption tool. After payment the download link is shown automatically.\n\nYour ID: {id}\n"),
    ("buhti", "en", "{ID8}-Restore-My-Files.log", "crlf",
     "Files encrypted. Pay here: https://satoshidisk.com/pay/{id8}\nID {id}\n"),
    # ---------------------------------------------------------------- H0lyGh0st (2021-2022)
    ("holyghost", "en", "FOR_DECRYPT.html", "html",
     "H0lyGh0st\nPlease Read me if you want to get back your files.\nAll your important files are encrypted and we also have copies of your data.\nWe are not bad people, we only want to get paid for pointing out your security problems.\nIf you pay, we return your files and do not sell your data. If you do not pay, we publish it and tell your customers.\nContact: {mail}\nYour ID: {id16}\nPrice depends on how fast you write to us.\n"),
    # ---------------------------------------------------------------- Tellyouthepass (2019-2024)
    ("tellyouthepass", "en", "READ_ME{d}.html", "html",
     "All your files have been encrypted\nYour server was hacked and all files were encrypted with RSA-1024 and AES-256.\nTo recover them you must pay {btc_amount} BTC to the address below:\n{btc}\nAfter payment send your unique key to {mail}. We will send you the decryption tool.\nYour unique key:\n{key}\n{key2}\nDo not modify encrypted files. Do not waste time looking for free tools.\n"),
    ("tellyouthepass", "zh", "READ_ME{d}.html", "html",
     "您的所有文件都已被加密\n您的服务器已被入侵，所有文件都已使用 RSA-1024 和 AES-256 加密。\n如需恢复文件，请向以下比特币地址支付 {btc_amount} BTC：\n{btc}\n付款后请将您的唯一密钥发送到 {mail}，我们会把解密工具发给您。\n您的唯一密钥：\n{key}\n请勿修改被加密的文件，也不要浪费时间寻找免费的解密工具。\n"),
    ("tellyouthepass", "zh", "解密说明.txt", "utf-8",
     "文件已加密。付款 {btc_amount} BTC 到 {btc}，然后把密钥发到 {mail}。\n密钥: {key}\n"),
    # ---------------------------------------------------------------- Twelve (2023-, Russia)
    ("twelve", "ru", "ВНИМАНИЕ.txt", "utf-8",
     "Twelve\nВаша сеть полностью скомпрометирована. Все файлы на серверах и рабочих станциях зашифрованы, резервные копии уничтожены.\nМы не ведём переговоров и не продаём ключи. Данные, которые мы у вас забрали, будут опубликованы в нашем канале.\nЭто ответ за вашу работу.\n"),
    ("twelve", "ru", "README", "utf-8",
     "Ваши файлы зашифрованы. Выкупа не будет.\n"),
    # ---------------------------------------------------------------- XingLocker (2021)
    ("xinglocker", "en", "RecoveryManual.html", "html",
     "XingLocker\nYOUR NETWORK IS ENCRYPTED\nAll files on your servers and workstations are encrypted. Backups were deleted.\nWe have also downloaded more than {gb} GB of your confidential data: contracts, HR files, accounting.\nIf you do not contact us, the data will be published on our website.\nTo contact us open Tor Browser and go to:\nhttp://{onion}/?cid={id}\nDo not rename or move the encrypted files. Do not try to decrypt them with third party software.\n"),
    # ---------------------------------------------------------------- LV (2020-2022)
    ("lv", "en", "{ext}-readme.txt", "utf-8",
     "---=== Welcome. Again. ===---\n\n[+] Whats Happen? [+]\nYour files are encrypted, and currently unavailable. You can check it: all files on your system has extension {ext}.\nBy the way, everything is possible to recover (restore), but you need to follow our instructions. Otherwise, you cant return your data (NEVER).\n\n[+] What guarantees? [+]\nIts just a business. We absolutely do not care about you and your deals, except getting benefits. If we do not do our work and liabilities - nobody will not cooperate with us.\n\n[+] How to get access on website? [+]\n  1) Download and install TOR browser\n  2) Open our website: http://{onion}/{id}\n\nExtension name: {ext}\nKey:\n{key}{key2}{key3}\n"),
    # ---------------------------------------------------------------- PayloadBin (2021)
    ("payloadbin", "en", "LOCKED_README.txt", "utf-8",
     "PayloadBIN\nYour network has been penetrated and all files are encrypted with strong algorithms.\nBackups were deleted or encrypted as well.\nWe also took sensitive data from your network and will publish it on our blog if you refuse to cooperate.\nTo get your files back contact us:\n{mail}\n{mail2}\nInclude in your letter the name of your company and this code: {id}\nYou can send us 3 files (less than 1 MB) for a free test decryption.\n"),
    # ---------------------------------------------------------------- ScareCrow (2021-2022)
    ("scarecrow", "en", "readme.txt", "utf-8",
     "Your files have been encrypted!\nAll your data was encrypted and you cannot open it anymore.\nTo get it back write to us on Telegram:\n@{tg}\n@{tg2}\n@{tg3}\nSend us your ID: {id}\n"),
    # ---------------------------------------------------------------- Kadavro Vector (2024)
    ("kadavro", "en", "README.txt", "utf-8",
     "Kadavro Vector\nHello! Your files have been encrypted.\nTo decrypt them you need to pay. Open the following link in Tor Browser and follow the instructions:\nhttp://{onion}/pay?id={id8}\nOr write to us on Tox: {tox}\nDo not restart your computer and do not delete this file.\n"),
    ("kadavro", "en", "README.tx", "utf-8",
     "Kadavro Vector: files encrypted. http://{onion}/pay?id={id8}\n"),
    # ---------------------------------------------------------------- Xorist (builder, 2010s-2020s)
    ("xorist", "en", "HOW TO DECRYPT FILES.txt", "utf-8",
     "Attention! All your files are encrypted!\nTo recover your files and return them to normal, send the code {code} to the number {phone}.\nYou have {tries} attempts to enter the code. When you exceed this number, all the data will be destroyed.\n"),
    ("xorist", "ru", "КАК РАСШИФРОВАТЬ ФАЙЛЫ.txt", "utf-8",
     "Внимание! Все ваши файлы зашифрованы!\nЧтобы восстановить файлы, отправьте код {code} на номер {phone}.\nУ вас {tries} попыток ввода кода. После этого данные будут уничтожены.\n"),
    # ---------------------------------------------------------------- Muliaka (2024, Russian victims)
    ("muliaka", "ru", "Readme.txt", "utf-8",
     "Muliaka\nВаши файлы зашифрованы, а данные скопированы на наши серверы.\nДля восстановления свяжитесь с нами через Session: {session}\nили по почте {mail}.\nВаш ID: {id}\nНе пытайтесь восстановить файлы самостоятельно - вы их повредите.\nЕсли мы не получим ответ в течение {hours} часов, данные будут опубликованы.\n"),
    ("muliaka", "ru", "Прочитай меня.txt", "utf-8",
     "Файлы зашифрованы. Session: {session} ID: {id8}\n"),
    # ---------------------------------------------------------------- Jasmin (2023, red-team kit)
    ("jasmin", "en", "Read_me.html", "html",
     "Jasmin Ransomware\nOoops! Your files are encrypted.\nYour important files are encrypted. Many of your documents, photos, videos, databases and other files are no longer accessible.\nMaybe you are busy looking for a way to recover your files, but do not waste your time. Nobody can recover your files without our decryption key.\nSend {btc_amount} BTC to this address: {btc}\nThen send your personal ID to {mail}\nPersonal ID: {id16}\n"),
    # ---------------------------------------------------------------- LukaLocker / Volcano Demon (2024)
    ("lukalocker", "en", "readme.txt", "utf-8",
     "Hello!\nYour network was penetrated. Your servers are encrypted and we have downloaded your files.\nWe will call your management and your clients. We know who they are.\nDo not try to restore the systems yourself: the keys are only with us.\nTo settle this, write to {mail} and put this ID in the subject: {id}\nYou have {days} days.\n"),
    # ---------------------------------------------------------------- RedAlert / N13V (2022)
    ("redalert", "en", "HOW_TO_RESTORE", "utf-8",
     "Your files were stolen from your network and encrypted with a strong algorithm. We work for money and are not associated with politics.\nAll you need is to contact us and pay.\n--- Our communication process:\n1. You contact us.\n2. We send you a list of files that were stolen.\n3. We decrypt some of your files as proof.\n4. You pay the ransom.\n5. We send you the decryptor and delete your data.\n--- Warning:\n- If you do not contact us, your data will be published on our blog.\nTor: http://{onion}\nYour personal ID: {id}\n"),
    # ---------------------------------------------------------------- Zeon (2022)
    ("zeon", "en", "readme.txt", "utf-8",
     "All of your files are currently encrypted by ZEON.\nThe data on this computer, the servers and all the network shares was encrypted. We also downloaded a large part of your data.\nYou can contact us and decrypt one file for free on this TOR site:\nhttp://{onion}\nYOU SHOULD BE AWARE!\nJust in case you refuse to contact us, your data will be published and your partners informed.\n---BEGIN ID---\n{key}\n---END ID---\n"),
    # ---------------------------------------------------------------- Spook (2021)
    ("spook", "en", "README_SPOOK.txt", "utf-8",
     "Your network was hacked and encrypted by Spook.\nWe also downloaded your sensitive data. Look at our blog: http://{onion}\nYou have {hours} hours to contact us in our chat, after that we start publishing.\nChat: http://{onion2}/chat/{id}\n"),
    # ---------------------------------------------------------------- AlphaLocker (2021)
    ("alphalocker", "en", "README.txt", "utf-8",
     "Alpha\nYour files are encrypted.\nEvery byte of your documents is now useless without our key.\nPay {btc_amount} BTC: {btc}\nMail after payment: {mail}\nUser key: {id16}\n"),
    # ---------------------------------------------------------------- Good Day (2024)
    ("goodday", "en", "!_Recovery_Instructions_!.html", "html",
     "Good day.\nYour files have been encrypted and important data has been downloaded from your network.\nWe are ready to help you get everything back.\nTo contact us, download Tor Browser and open your personal page:\nhttp://{onion}/?id={id}\nYou can decrypt 1 file for free there to be sure that we can help.\nWe are waiting for you. Do not wait too long: the price grows every day.\n"),
    # ---------------------------------------------------------------- MorLock (2024, Russian companies)
    ("morlock", "ru", "!!!README!!!.txt", "utf-8",
     "Здравствуйте!\nВаша компания подверглась атаке. Файлы на серверах и компьютерах зашифрованы.\nМы также скопировали конфиденциальные документы.\nДля получения программы расшифровки напишите нам в Session: {session}\nУкажите ваш ID: {id}\nНе обращайтесь в полицию и к посредникам, иначе мы удалим ключ.\n"),
    ("morlock", "ru", "ВОССТАНОВЛЕНИЕ ФАЙЛОВ.txt", "utf-8",
     "Ваши файлы зашифрованы. Пишите в Session {session}, ID {id8}.\n"),
    # ---------------------------------------------------------------- Argonauts (2024, extortion)
    ("argonauts", "en", "ARGONAUTS.txt", "utf-8",
     "Argonauts Group\nWe have accessed your network and downloaded {gb} GB of data, including patient records, financial statements and employee documents.\nWe did not touch your systems. We only want to come to an agreement.\nIf you do not contact us within {hours} hours the data will be put up for sale and then published.\nContact: http://{onion}/contact\nYour company key: {id}\n"),
    # ---------------------------------------------------------------- SEXi / APT INC (2024, ESXi)
    ("sexi", "en", "SEXi.txt", "utf-8",
     "Do not try to restore the files. Contact us in Session: {session}\n"),
    ("sexi", "es", "LEEME.txt", "utf-8",
     "Sus máquinas virtuales fueron cifradas. No intente restaurarlas. Escríbanos por Session: {session}\n"),
    # ---------------------------------------------------------------- CyberVolk (2024)
    ("cybervolk", "en", "CyberVolk_ReadMe.txt", "utf-8",
     "CyberVolk ransomware\nAll your files have been encrypted.\nYou have {hours} hours to pay ${price} in Bitcoin to this address:\n{btc}\nAfter payment write to Telegram @{tg} with your ID: {id8}\nIf the timer ends, the key is deleted and your files are lost forever.\n"),
    ("cybervolk", "ru", "CyberVolk_ReadMe_RU.txt", "utf-8",
     "CyberVolk\nВсе ваши файлы зашифрованы. У вас {hours} часов, чтобы заплатить ${price} в биткоинах на адрес {btc}.\nПосле оплаты напишите в Telegram @{tg}, указав ID {id8}.\n"),
    # ---------------------------------------------------------------- Hikki-Chan (2025, extortion)
    ("hikkichan", "en", "hikki.me", "utf-8",
     "hikki-chan here. We have your customer database ({rows} rows) and your internal mail.\nNo encryption, no tricks. Pay and we delete it, do not pay and everyone can download it.\nTox: {tox}\n"),
    # ---------------------------------------------------------------- IMN Crew (2025, extortion)
    ("imncrew", "en", "IMN_CREW_NOTICE.txt", "utf-8",
     "IMN Crew\nThis is a notice about a data breach at your organisation.\nWe have exfiltrated {gb} GB from your file servers and backup storage.\nA sample is already listed on our site: http://{onion}/leaks/{id8}\nThe full archive will be released on {date} unless your management contacts us.\nNegotiation: {mail}\n"),
    # ---------------------------------------------------------------- BQTLock (2025)
    ("bqtlock", "en", "READ_ME-NOW.txt", "utf-8",
     "BQTLock\nYour files are locked with military grade encryption.\nPay {xmr_amount} XMR within {hours} hours or the price doubles. After 7 days the key is deleted.\nWallet: {xmr}\nContact on Telegram @{tg} with your ID {id8}\n"),
    ("bqtlock", "ar", "اقرأني.txt", "utf-8",
     "تم تشفير جميع ملفاتك.\nادفع {xmr_amount} مونيرو خلال {hours} ساعة وإلا سيتضاعف المبلغ.\nالمحفظة: {xmr}\nتواصل معنا عبر تيليجرام @{tg} مع رقمك التعريفي {id8}\n"),
    # ---------------------------------------------------------------- The Gentlemen (2025)
    ("gentlemen", "en", "README-GENTLEMEN.txt", "utf-8",
     "Gentlemen,\nyour network has been fully compromised. All servers, hypervisors and workstations are encrypted, and a copy of your documents is in our hands.\nWe suggest you keep this quiet and discuss it with us like professionals.\nSession: {session}\nTox: {tox}\nBlog: http://{onion}\nYour identifier: {id}\nIf we do not hear from you in {hours} hours, your data goes on the blog.\n"),
    ("gentlemen", "de", "README-GENTLEMEN.txt", "utf-8",
     "Sehr geehrte Damen und Herren,\nIhr Netzwerk wurde vollständig kompromittiert. Server, Hypervisoren und Arbeitsplätze sind verschlüsselt, eine Kopie Ihrer Dokumente liegt bei uns.\nWir schlagen vor, die Sache diskret und professionell zu regeln.\nSession: {session}\nIhre Kennung: {id}\nMelden Sie sich nicht innerhalb von {hours} Stunden, veröffentlichen wir Ihre Daten.\n"),
    # ---------------------------------------------------------------- Coinbase Cartel (2025, extortion)
    ("coinbasecartel", "en", "NOTICE", "utf-8",
     "We have your data. {gb} GB. Sample: http://{onion}/{id8}\nTalk to us before {date}: {mail}\n"),
    ("coinbasecartel", "pt", "AVISO IMPORTANTE.txt", "utf-8",
     "Temos os seus dados: {gb} GB de contratos, folhas de pagamento e dados de clientes.\nUma amostra está em http://{onion}/{id8}\nSe não entrarem em contato até {date}, tudo será publicado.\nContato: {mail}\n"),
    # ---------------------------------------------------------------- Midas (2021, Thanos-based, HTA)
    ("midas", "en", "RESTORE_FILES_INFO.hta", "utf-8",
     "<html><head><title>Midas</title>\n<HTA:APPLICATION ID=\"midas\" APPLICATIONNAME=\"midas\" SCROLL=\"yes\" SINGLEINSTANCE=\"yes\" WINDOWSTATE=\"maximize\" BORDER=\"none\">\n<style>body{{background:#1a1a1a;color:#f5c542;font-family:Segoe UI,Arial;}} .id{{color:#fff;font-size:18px}}</style></head>\n<body><h1>Your files are encrypted!</h1>\n<p>All your files, documents, photos and databases were encrypted by Midas.</p>\n<p>You will not be able to recover them without our private key. Do not use third-party software: it may damage the files permanently.</p>\n<p>Write to us: <b>{mail}</b> or <b>{mail2}</b></p>\n<p>Your personal ID:</p><p class=\"id\">{id}</p>\n<p>Free decryption of 2 files as a guarantee (no databases, max 1 MB).</p>\n</body></html>\n"),
    # ---------------------------------------------------------------- DarkMystic (2024)
    ("darkmystic", "en", "read_it.txt", "utf-8",
     "DarkMystic\nAll your files have been encrypted!\nYour computer was infected with ransomware. Your files have been encrypted and you will not be able to decrypt them without our help.\nWhat can I do to get my files back? You can buy our special decryption software.\nPayment is accepted in Bitcoin only: {btc_amount} BTC to {btc}\nContact: {mail}\n"),
    # ---------------------------------------------------------------- Moses Staff (2021-, Israel, no ransom)
    ("mosesstaff", "he", "READ_ME.txt", "utf-8",
     "Moses Staff\nהרשתות שלכם נפרצו. כל הקבצים בשרתים הוצפנו ולא ניתן לשחזר אותם.\nהמסמכים שלכם כבר בידינו ויפורסמו באתר שלנו.\nאין כאן משא ומתן ואין כופר. זהו רק ההתחלה.\nhttp://{onion}\n"),
    ("mosesstaff", "en", "READ_ME.txt", "utf-8",
     "Moses Staff\nYour networks were hacked. All files on your servers are encrypted and cannot be recovered.\nYour documents are already in our hands and will be published on our site.\nThere is no negotiation and no ransom. This is only the beginning.\nhttp://{onion}\n"),
    # ---------------------------------------------------------------- Agrius / Apostle (2021-)
    ("agrius", "en", "READ_ME.html", "html",
     "Your files have been encrypted.\nAll data on this machine was encrypted with a strong algorithm.\nIf you want to get it back, contact us: {mail}\nDo not rename the encrypted files.\n"),
    ("agrius", "he", "לקריאה.txt", "utf-8",
     "כל הקבצים שלכם הוצפנו. לשחזור פנו אלינו: {mail}\n"),
    # ---------------------------------------------------------------- EKANS / Snake (2020)
    ("ekans", "en", "Fix-Your-Files.txt", "utf-8",
     "What happened to your files?\nWe breached your corporate network and encrypted the data on your computers. The encrypted data includes documents, databases, photos and more -\nall were encrypted using a military grade encryption algorithms (AES-256 and RSA-2048). You cannot access those files right now. But dont worry!\nYou can still get those files back and be up and running again in no time.\n---------------------------------------------------------------------------\nHow to contact us to get your files back?\nThe only way to restore your files is by purchasing a decryption tool loaded with a private key we created specifically for your network.\nOnce run on an effected computer, the tool will decrypt all encrypted files - and you can resume day-to-day operations, preferably with better cyber security in mind. If you are interested in purchasing the decryption tool contact us at {mail}\n---------------------------------------------------------------------------\nHow can you be certain we have the decryption tool?\nIn your mail to us attach up to 3 non-database or spreadsheet files (up to 5mb each, not zipped) and we will send them back to you decrypted.\n"),
    # ---------------------------------------------------------------- PwndLocker / ProLock (2020)
    ("pwndlocker", "en", "H0w_T0_Rec0very_Files.txt", "utf-8",
     "Your network is LOCKED\nTo get your files back contact us: {mail}\nYour key: {id16}\nDo not try to decrypt the files yourself or with third-party software.\n"),
    ("prolock", "en", "[HOW TO RECOVER FILES].TXT", "utf-16",
     "Your files are encrypted by ProLock Ransomware. Visit http://{onion}/{id8} to restore them.\n"),
    # ---------------------------------------------------------------- Tycoon (2020, Java)
    ("tycoon", "en", "RansomNote.txt", "utf-8",
     "All your important files are encrypted.\nTo restore them write to {mail}\nYour ID: {id}\nPlease do not modify the encrypted files.\n"),
    # ---------------------------------------------------------------- Pay2Kitten / Pay2Key (2020, Israel)
    ("pay2kitten", "en", "{COMPANY}_MESSAGE.TXT", "utf-8",
     "[ORGNAME]\nYour network has been infected and encrypted by Pay2Key.\nWe have downloaded all your documents. Our offer: pay {btc_amount} BTC within {hours} hours.\nAfter that, your data will be leaked on our site http://{onion}\nContact us: {mail}\nDo not try to recover the data or we will publish it immediately.\n"),
    ("pay2kitten", "he", "{COMPANY}_הודעה.txt", "utf-8",
     "הרשת שלכם הוצפנה. המסמכים שלכם אצלנו.\nשלמו {btc_amount} ביטקוין תוך {hours} שעות, אחרת הכול יפורסם.\n{mail}\n"),
    # ---------------------------------------------------------------- Seth-Locker (2020)
    ("sethlocker", "en", "HOW_TO_DECRYPT.txt", "utf-8",
     "Seth-Locker\nYour files have been encrypted. Send {btc_amount} BTC to {btc} and mail your ID {id8} to {mail}.\n"),
    # ---------------------------------------------------------------- Sabbath / 54bb47h (2021)
    ("sabbath", "en", "README_54BB47H.txt", "utf-8",
     "54BB47H\nWe have been in your network for a while. Your backups are gone and your files are encrypted.\nWe copied what matters to you: finance, HR, and your clients' personal data.\nIf you ignore us, your clients, your insurer and the press will get everything.\nLog in to your page: http://{onion}/login\nUser: {id8}\nPassword: {id16}\n"),
    # ---------------------------------------------------------------- Qyick (2022)
    ("qyick", "en", "qyick_info.txt", "utf-8",
     "Qyick\nOops, your files have been encrypted. Contact: {mail} Key: {key}\n"),
    # ---------------------------------------------------------------- Kryptina (2023-2024, Linux)
    ("kryptina", "en", "README-ENCRYPTED.txt", "utf-8",
     "KRYPTINA\nYour server has been encrypted.\nAll files in the web root, the database directories and the home directories are encrypted with AES-256.\nTo get the key, send {xmr_amount} XMR to\n{xmr}\nand send the transaction id and this machine id to {mail}.\nMachine id: {id}\n"),
    # ---------------------------------------------------------------- LostTrust / MetaEncryptor (2023)
    ("losttrust", "en", "!LostTrustEncoded.txt", "utf-8",
     "Dear management,\nwe regret to inform you that your systems have been breached and your data has been encrypted.\nWe have also collected a large amount of your confidential information. We are professionals and we value our reputation, so any agreement with us will be respected.\nTo discuss the terms, use our chat: http://{onion}/chat/{id}\nWe strongly advise you not to involve the police or recovery firms: it will only cost you more and your data will be published.\nYou have {days} days.\n"),
    ("metaencryptor", "en", "!MetaEncryptor.txt", "utf-8",
     "Your data are stolen and encrypted. The data will be published on our site if you do not pay.\nChat: http://{onion}/chat/{id}\n"),
    # ---------------------------------------------------------------- Tortuga (2024)
    ("tortuga", "en", "HOW_TO_RECOVERY.txt", "utf-8",
     "TORTUGA\nYour network is encrypted and your data is stolen.\nRead carefully. Do not shut down the servers, do not rename files.\nWrite to us on qTox: {tox}\nor by mail: {mail}\nYour ID: {id}\nWe give {hours} hours, then we start publishing.\n"),
    # ---------------------------------------------------------------- Hydra (Dharma-like, 2020-)
    ("hydra", "en", "#FILES ENCRYPTED.txt", "utf-8",
     "all your data has been locked us\nYou want to return?\nwrite email {mail} or {mail2}\n"),
    ("hydra", "en", "info.hta", "utf-8",
     "<html><head><meta charset=\"utf-8\"><title>Hydra</title>\n<HTA:APPLICATION APPLICATIONNAME=\"Hydra\" ICON=\"msiexec.exe\" SINGLEINSTANCE=\"yes\" SYSMENU=\"no\" WINDOWSTATE=\"maximize\">\n<style>body{{background:#fff;font:14px Arial}} h2{{color:#b00}}</style></head>\n<body><h2>All your files have been encrypted!</h2>\n<div>All your files have been encrypted due to a security problem with your PC. If you want to restore them, write us to the e-mail {mail}</div>\n<div>Write this ID in the title of your message: <b>{id8}</b></div>\n<div>In case of no answer in 24 hours write us to this e-mail: {mail2}</div>\n<div>You have to pay for decryption in Bitcoins. The price depends on how fast you write to us.</div>\n</body></html>\n"),
    # ---------------------------------------------------------------- Insane (2023)
    ("insane", "en", "Insane-README.txt", "utf-8",
     "INSANE RANSOMWARE\nYour files are encrypted. Your data is copied.\nPay and we delete the copy and give you the key. Do not pay and we publish.\nhttp://{onion}\nID: {id16}\n"),
    # ---------------------------------------------------------------- BlackShrantac (2025)
    ("blackshrantac", "en", "README_BlackShrantac.txt", "utf-8",
     "BlackShrantac\nWe have encrypted your infrastructure and downloaded your data.\nYour company will appear on our blog in {hours} hours if you stay silent.\nNegotiations only through our portal: http://{onion}/{id}\n"),
    # ---------------------------------------------------------------- reused names: public descriptions, our texts
    # STOP/Djvu (home users, worldwide): the long note and its short copies
    ("djvu", "en", "_readme.txt", "utf-8",
     "ATTENTION!\n\nDon't worry, you can return all your files!\nAll your files like pictures, databases, documents and other important are encrypted with strongest encryption and unique key.\nThe only method of recovering files is to purchase decrypt tool and unique key for you.\nThis software will decrypt all your encrypted files.\nWhat guarantees you have?\nYou can send one of your encrypted file from your PC and we decrypt it for free.\nBut we can decrypt only 1 file for free. File must not contain valuable information.\nPrice of private key and decrypt software is $980.\nDiscount 50% available if you contact us first 72 hours, that's price for you is $490.\nPlease note that you'll never restore your data without payment.\nCheck your e-mail \"Spam\" or \"Junk\" folder if you don't get answer more than 6 hours.\n\nTo get this software you need write on our e-mail:\n{mail}\n\nReserve e-mail address to contact us:\n{mail2}\n\nYour personal ID:\n0{id8}{id16}\n"),
    # Phobos-like short note (clinics, small firms)
    ("phobos", "en", "info.txt", "utf-8",
     "!!!All of your files are encrypted!!!\nTo decrypt them send e-mail to this address: {mail}.\nIf we don't answer in 24h., send e-mail to this address: {mail2}\n"),
    ("phobos", "en", "info.hta", "html",
     "All your files have been encrypted!\nAll your files have been encrypted due to a security problem with your PC. If you want to restore them, write us to the e-mail {mail}\nWrite this ID in the title of your message {id8}-{ID4}\nIn case of no answer in 24 hours write us to this e-mail: {mail2}\nYou have to pay for decryption in Bitcoins. The price depends on how fast you write to us.\nAttention!\nDo not rename encrypted files.\nDo not try to decrypt your data using third party software, it may cause permanent data loss.\n"),
    # ---------------------------------------------------------------- short notes in many languages (any family: what victims saw)
    ("pwndlocker", "fr", "LISEZ-MOI.txt", "utf-8",
     "Vos fichiers ont été chiffrés. Pour les récupérer, écrivez-nous : {mail}\nVotre identifiant : {id8}\n"),
    ("xinglocker", "fr", "MANUEL DE RECUPERATION.html", "html",
     "XingLocker\nVOTRE RÉSEAU EST CHIFFRÉ\nTous les fichiers de vos serveurs et postes de travail ont été chiffrés et vos sauvegardes supprimées.\nNous avons aussi téléchargé plus de {gb} Go de données confidentielles : contrats, dossiers du personnel, comptabilité.\nSans nouvelles de votre part, ces données seront publiées sur notre site.\nOuvrez le navigateur Tor et allez sur :\nhttp://{onion}/?cid={id}\nNe renommez pas et ne déplacez pas les fichiers chiffrés.\n"),
    ("goodday", "fr", "!_Instructions_de_récupération_!.txt", "utf-8",
     "Bonjour.\nVos fichiers ont été chiffrés et des données importantes ont été copiées depuis votre réseau.\nPour nous contacter, installez le navigateur Tor et ouvrez votre page personnelle :\nhttp://{onion}/?id={id}\nVous pouvez y déchiffrer un fichier gratuitement.\nN'attendez pas trop : le prix augmente chaque jour.\n"),
    ("argonauts", "fr", "AVIS.txt", "utf-8",
     "Nous avons accédé à votre réseau et téléchargé {gb} Go de données (dossiers patients, bilans, documents du personnel).\nNous n'avons rien chiffré. Contactez-nous sous {hours} heures, sinon les données seront vendues puis publiées.\nhttp://{onion}/contact  clé : {id}\n"),
    ("lukalocker", "de", "LIESMICH.txt", "utf-8",
     "Guten Tag,\nIhr Netzwerk wurde übernommen. Ihre Server sind verschlüsselt und wir haben Ihre Dateien heruntergeladen.\nWir werden Ihre Geschäftsführung und Ihre Kunden anrufen.\nVersuchen Sie nicht, die Systeme selbst wiederherzustellen.\nSchreiben Sie an {mail} mit dieser ID im Betreff: {id}\nSie haben {days} Tage Zeit.\n"),
    ("tortuga", "de", "WICHTIG!!! DATEIEN WIEDERHERSTELLEN.txt", "utf-8",
     "Alle Ihre Dateien wurden verschlüsselt und Ihre Daten kopiert.\nqTox: {tox}\nE-Mail: {mail}\nIhre ID: {id8}\n"),
    ("hydra", "de", "Lies mich.txt", "utf-8",
     "Ihre Daten sind gesperrt. Schreiben Sie an {mail}\n"),
    ("imncrew", "de", "DATENLECK HINWEIS.txt", "utf-8",
     "Wir haben {gb} GB Daten aus Ihrem Netzwerk entwendet, darunter Patientendaten und Personalakten.\nEine Probe ist bereits online: http://{onion}/leaks/{id8}\nWenn sich Ihre Geschäftsleitung nicht bis {date} meldet, veröffentlichen wir alles.\nKontakt: {mail}\n"),
    ("buhti", "es", "{ID8}-Restaurar-Mis-Archivos.txt", "utf-8",
     "¡Todos sus archivos están cifrados!\nPara descifrarlos, vaya a https://satoshidisk.com/pay/{id8} y compre la herramienta de descifrado.\nSu ID: {id}\n"),
    ("payloadbin", "es", "LEEME_BLOQUEADO.txt", "utf-8",
     "Su red ha sido vulnerada y todos sus archivos han sido cifrados.\nTambién extrajimos información sensible que publicaremos en nuestro blog si no coopera.\nEscríbanos a {mail} indicando el nombre de su empresa y este código: {id}\nPuede enviarnos 3 archivos para descifrarlos gratis como prueba.\n"),
    ("coinbasecartel", "es", "AVISO", "utf-8",
     "Tenemos {gb} GB de sus datos. Muestra: http://{onion}/{id8}\nHable con nosotros antes del {date}: {mail}\n"),
    ("midas", "pt", "RESTAURAR_ARQUIVOS_INFO.txt", "utf-8",
     "Seus arquivos foram criptografados!\nTodos os seus documentos, fotos e bancos de dados foram criptografados.\nVocê não conseguirá recuperá-los sem a nossa chave privada.\nEscreva para {mail} ou {mail2}\nSeu ID pessoal: {id}\n"),
    ("sexi", "pt", "LEIAME", "utf-8",
     "Suas VMs foram criptografadas. Fale conosco pelo Session: {session}\n"),
    ("tellyouthepass", "it", "LEGGIMI.txt", "utf-8",
     "Tutti i vostri file sono stati cifrati.\nPer recuperarli pagate {btc_amount} BTC all'indirizzo {btc} e inviate la vostra chiave a {mail}.\nChiave: {key}\n"),
    ("gentlemen", "it", "LEGGIMI-GENTLEMEN.txt", "utf-8",
     "Signori,\nla vostra rete è stata compromessa. Server e postazioni sono cifrati e abbiamo una copia dei vostri documenti.\nSession: {session}\nIl vostro identificativo: {id}\nSe non ci contattate entro {hours} ore, i dati finiranno sul nostro blog.\n"),
    ("redalert", "it", "COME_RIPRISTINARE.txt", "utf-8",
     "I vostri file sono stati rubati e cifrati. Se non ci contattate, i dati saranno pubblicati.\nTor: http://{onion}\nID: {id8}\n"),
    ("losttrust", "nl", "LEES MIJ.txt", "utf-8",
     "Geachte directie,\nuw systemen zijn binnengedrongen en uw gegevens zijn versleuteld. We hebben ook veel vertrouwelijke informatie verzameld.\nOm de voorwaarden te bespreken: http://{onion}/chat/{id}\nSchakel geen politie of herstelbedrijven in, anders publiceren we uw gegevens.\nU heeft {days} dagen.\n"),
    ("xorist", "nl", "HOE BESTANDEN TE HERSTELLEN.txt", "utf-8",
     "Let op! Al uw bestanden zijn versleuteld!\nStuur de code {code} naar {phone} om ze te herstellen.\n"),
    ("alphalocker", "pl", "PRZECZYTAJ_TO.txt", "utf-8",
     "Twoje pliki zostały zaszyfrowane.\nZapłać {btc_amount} BTC na adres {btc}, a potem napisz na {mail}.\nKlucz użytkownika: {id16}\n"),
    ("tortuga", "pl", "JAK ODZYSKAĆ PLIKI.txt", "utf-8",
     "Wasza sieć jest zaszyfrowana, a dane skradzione.\nNie wyłączajcie serwerów. Napiszcie do nas przez qTox: {tox}\nWasze ID: {id}\nMacie {hours} godzin, potem publikujemy dane.\n"),
    ("argonauts", "pl", "WYCIEK DANYCH.txt", "utf-8",
     "Pobraliśmy {gb} GB danych z waszej sieci. Niczego nie szyfrowaliśmy.\nJeśli nie odezwiecie się w ciągu {hours} godzin, dane zostaną sprzedane.\nhttp://{onion}/contact\n"),
    ("scarecrow", "uk", "прочитай.txt", "utf-8",
     "Ваші файли зашифровано!\nЩоб їх повернути, напишіть нам у Telegram: @{tg}\nВаш ID: {id}\n"),
    ("twelve", "ru", "Twelve.log", "utf-8",
     "Twelve. Ваша инфраструктура уничтожена. Данные будут опубликованы в нашем канале.\n"),
    ("lv", "tr", "{ext}-BENIOKU.txt", "utf-8",
     "Dosyalarınız şifrelendi ve şu anda kullanılamıyor. Tüm dosyaların uzantısı: {ext}\nVerilerinizi geri almak için talimatlarımızı izleyin.\n1) TOR tarayıcısını indirip kurun\n2) Sitemizi açın: http://{onion}/{id}\nAnahtar: {key}\n"),
    ("kryptina", "tr", "SIFRELENDI.txt", "utf-8",
     "Sunucunuz şifrelendi. Anahtar için {xmr_amount} XMR gönderin: {xmr}\nİşlem numarasını ve makine kimliğini {mail} adresine yazın. Kimlik: {id8}\n"),
    ("goodday", "ja", "復元手順.txt", "utf-8",
     "こんにちは。\nお客様のファイルは暗号化され、重要なデータは当社のサーバーにダウンロードされました。\n復元するには Tor ブラウザで次の個人ページを開いてください：\nhttp://{onion}/?id={id}\nファイル1つを無料で復号できます。\n価格は日ごとに上がります。\n"),
    ("muliaka", "ja", "お読みください.txt", "utf-8",
     "ファイルは暗号化されました。Session: {session} ID: {id8}\n"),
    ("blackshrantac", "ja", "README_BlackShrantac_JP.txt", "utf-8",
     "BlackShrantac\n貴社のインフラを暗号化し、データを取得しました。\n{hours}時間以内に連絡がなければ、貴社名を当社ブログに掲載します。\n交渉はポータルのみ: http://{onion}/{id}\n"),
    ("sabbath", "ko", "복구방법.txt", "utf-8",
     "귀하의 네트워크에 침입했습니다. 백업은 삭제되었고 파일은 암호화되었습니다.\n재무, 인사 자료와 고객 개인정보를 복사했습니다.\n응답하지 않으면 고객과 언론에 모두 공개합니다.\n접속: http://{onion}/login\n사용자: {id8}\n"),
    ("jasmin", "ko", "읽어주세요.html", "html",
     "모든 파일이 암호화되었습니다!\n문서, 사진, 데이터베이스에 더 이상 접근할 수 없습니다.\n복구하려면 {btc_amount} BTC를 아래 주소로 보내십시오:\n{btc}\n그 후 개인 ID를 {mail} 로 보내십시오.\n개인 ID: {id16}\n"),
    ("xinglocker", "zh", "恢复手册.html", "html",
     "您的网络已被加密\n所有服务器和工作站上的文件均已加密，备份已被删除。\n我们还下载了超过 {gb} GB 的机密数据。如不联系我们，数据将在我们的网站上公开。\n请使用 Tor 浏览器访问：http://{onion}/?cid={id}\n"),
    ("tellyouthepass", "zh", "READ_ME.txtt", "utf-8",
     "你的文件已被加密。比特币地址 {btc}，邮箱 {mail}。\n"),
    ("braincipher", "id", "BACA SAYA.txt", "utf-8",
     "Semua file Anda telah dienkripsi dan data Anda telah kami unduh.\nUntuk mendapatkan kunci dekripsi, hubungi kami melalui portal: http://{onion}\nKode Anda: {id16}\nJika tidak ada kabar dalam {hours} jam, data akan dipublikasikan.\n"),
    ("kadavro", "id", "PETUNJUK.txt", "utf-8",
     "File Anda dienkripsi. Buka http://{onion}/pay?id={id8} di Tor Browser.\n"),
    ("insane", "vi", "DOC_KY.txt", "utf-8",
     "Tất cả tệp của bạn đã bị mã hóa và dữ liệu đã bị sao chép.\nHãy liên hệ với chúng tôi trong vòng {hours} giờ, nếu không dữ liệu sẽ bị công bố.\nhttp://{onion}\nMã của bạn: {id16}\n"),
    ("darkmystic", "vi", "huong dan.txt", "utf-8",
     "Tệp của bạn đã bị mã hóa. Gửi {btc_amount} BTC tới {btc}, liên hệ {mail}.\n"),
    ("morlock", "cs", "PRECTI MNE.txt", "utf-8",
     "Vaše soubory byly zašifrovány a důvěrné dokumenty zkopírovány.\nPro dešifrovací program nám napište přes Session: {session}\nUveďte své ID: {id8}\nNekontaktujte policii.\n"),
    ("payloadbin", "ro", "CITESTE-MA.txt", "utf-8",
     "Rețeaua dumneavoastră a fost compromisă și toate fișierele au fost criptate.\nAm copiat și date sensibile, pe care le vom publica dacă nu cooperați.\nScrieți-ne la {mail} cu acest cod: {id}\n"),
    ("spook", "sv", "LÄS MIG.txt", "utf-8",
     "Ert nätverk har hackats och krypterats. Vi har laddat ner känsliga uppgifter.\nBlogg: http://{onion}\nNi har {hours} timmar på er att kontakta oss i chatten: http://{onion2}/chat/{id}\n"),
    ("ekans", "hu", "OLVASSEL.txt", "utf-8",
     "Minden fájlját titkosítottuk. A visszaállításhoz írjon nekünk: {mail}\n"),
    ("zeon", "el", "ΔΙΑΒΑΣΕ ΜΕ.txt", "utf-8",
     "Όλα τα αρχεία σας έχουν κρυπτογραφηθεί. Έχουμε επίσης κατεβάσει μεγάλο μέρος των δεδομένων σας.\nΕπικοινωνήστε μαζί μας: http://{onion}\nΑν αρνηθείτε, τα δεδομένα σας θα δημοσιευτούν.\n"),
    # ---------------------------------------------------------------- very short, English, odd names
    ("unknown", "en", "README", "utf-8",
     "{tox}\nwrite us\n"),
    ("unknown", "en", "readme.txt.txt", "utf-8",
     "Your files are encrypted.\nTox ID: {tox}\n"),
    ("unknown", "en", "HELP.me", "utf-8",
     "session {session}\nid {id8}\n"),
    ("unknown", "en", "!!!.txt", "utf-8",
     "http://{onion}/{id}\n"),
    ("unknown", "en", "RECOVER", "crlf",
     "Files locked. Visit http://{onion} (Tor). Key: {id16}\n"),
    ("unknown", "en", "decrypt.info", "utf-8",
     "{mail}  ID:{id8}\n"),
    ("unknown", "en", "HOW TO GET DATA BACK.TXT", "utf-16",
     "All your files are encrypted. Write to {mail} with your ID {id8}.\n"),
    ("unknown", "en", "YOUR DATA.txt", "utf-8",
     "We downloaded {gb} GB from your network. Contact us in {hours}h or we publish: http://{onion}\n"),
    ("unknown", "en", "leak.log", "utf-8",
     "{date} data copied. {gb} GB. http://{onion}/{id8} - contact before publication.\n"),
    # ---------------------------------------------------------------- more long English notes (extortion-only and classic)
    ("argonauts", "en", "ARGONAUTS.html", "html",
     "Argonauts Group\nTo the management,\nWe have been inside your network for several weeks. During this time we copied {gb} GB of files: scanned IDs of patients, invoices, payroll, contracts with suppliers and the mailboxes of your directors.\nWe did not encrypt or damage anything. Your systems work as before.\nWhat happens next is your choice. If we reach an agreement, we delete everything and give you a report on how we got in.\nIf not, the data will be offered to other buyers and then released in full. Your clients and the data protection authority will be informed by us.\nContact: http://{onion}/contact\nKey: {id}\nDeadline: {date}\n"),
    ("coinbasecartel", "en", "read this carefully.txt", "utf-8",
     "Hello.\nThis is not a virus and nothing on your computers is encrypted.\nWe are Coinbase Cartel. We obtained a copy of your customer database and internal documents ({gb} GB).\nA part of it is already listed on our site as proof: http://{onion}/{id8}\nWe are willing to remove the listing and delete our copy for a fee.\nYou have until {date} to reach us at {mail}. After that, the data is published for everyone.\n"),
    ("hikkichan", "en", "data_breach_notice", "utf-8",
     "Hi,\nWe are Hikki-Chan. We have read access to your customer portal database and we took a full dump: names, addresses, phone numbers, dates of birth and {rows} payment records.\nWe are not interested in your computers. We sell data.\nYou can buy it back before we sell it to others. Price is fair, talk to us.\nTox: {tox}\nSession: {session}\n{hours} hours.\n"),
    ("scarecrow", "en", "readme (1).txt", "utf-8",
     "Your files have been encrypted!\nWrite to Telegram @{tg} with your ID: {id}\n"),
    ("blackshrantac", "en", "BlackShrantac.me", "utf-8",
     "BlackShrantac. data downloaded. infrastructure encrypted.\nportal: http://{onion}/{id}\n"),
    ("gentlemen", "en", "gentlemen.txt", "utf-8",
     "Session {session}\nTox {tox}\n"),
    ("jasmin", "en", "read_me.htm", "utf-8",
     "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Jasmin</title>\n<style>body{{background:#000;color:#0f0;font-family:Consolas,monospace;text-align:center}} .b{{border:1px solid #0f0;padding:12px}}</style></head>\n<body><div class=\"b\"><h1>Ooops! Your files are encrypted.</h1>\n<p>Nobody can recover your files without our decryption key.</p>\n<p>Send {btc_amount} BTC to <b>{btc}</b></p>\n<p>Then send your personal ID to <b>{mail}</b></p>\n<p>Personal ID: {id16}</p></div></body></html>\n"),
    ("midas", "en", "RESTORE_FILES_INFO (2).hta", "utf-8",
     "<html><head><title>Midas</title><HTA:APPLICATION ID=\"midas\" APPLICATIONNAME=\"midas\" WINDOWSTATE=\"maximize\"></head>\n<body style=\"background:#1a1a1a;color:#f5c542\"><h2>Your files are encrypted!</h2><p>Write to {mail}. Your ID: {id}</p></body></html>\n"),
    ("redalert", "en", "HOW_TO_RESTORE", "utf-16",
     "N13V\nYour files were stolen and encrypted. Contact us: http://{onion}\nPersonal ID: {id}\n"),
    ("holyghost", "ko", "FOR_DECRYPT_KR.html", "html",
     "H0lyGh0st\n파일을 되찾고 싶으면 이 글을 읽으십시오.\n귀하의 중요한 파일은 모두 암호화되었고 데이터 사본도 우리가 가지고 있습니다.\n비용을 지불하면 파일을 복구해 드리고 데이터를 판매하지 않습니다.\n연락처: {mail}\nID: {id16}\n"),
    ("agrius", "en", "read_me", "utf-8",
     "Your files encrypted. {mail}\n"),
    ("cybervolk", "en", "CyberVolk_ReadMe.hta", "utf-8",
     "<html><head><HTA:APPLICATION APPLICATIONNAME=\"CyberVolk\" BORDER=\"none\" CAPTION=\"no\" SHOWINTASKBAR=\"no\" WINDOWSTATE=\"maximize\"><title>CyberVolk</title></head>\n<body style=\"background:#200;color:#fff;font-family:Arial\"><h1>CyberVolk ransomware</h1><p>All your files have been encrypted.</p><p>Pay ${price} in Bitcoin to {btc} within {hours} hours.</p><p>Telegram: @{tg} &middot; ID: {id8}</p></body></html>\n"),
]

COMPANIES = ["CABINET-MEDICAL", "PRAXIS-WEBER", "CLINICA-SANTOS", "STUDIO-ROSSI", "DENTAL-CARE", "NOTARIAT",
             "KANZLEI-BAUER", "FARMACIA-LUZ", "ORTHO-GROUP", "VETCLINIC"]


def _pick(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def notes(rng):
    """The fresh3 notes with their placeholders filled from rng (names and texts)."""
    out = []
    for fam, lang, name, enc, text in NOTES:
        id8 = _pick(rng, ALNUM, 8)
        v = {
            "onion": _pick(rng, B32, 56) + ".onion", "onion2": _pick(rng, B32, 56) + ".onion",
            "id": _pick(rng, HEX, 32), "id8": id8, "ID8": id8.upper(), "ID4": _pick(rng, "ABCDEF0123456789", 4),
            "id16": _pick(rng, HEX, 16), "d": str(rng.randint(0, 9)),
            "key": _pick(rng, B64, 64), "key2": _pick(rng, B64, 64), "key3": _pick(rng, B64, 40) + "==",
            "tox": _pick(rng, "0123456789ABCDEF", 76), "session": "05" + _pick(rng, HEX, 64),
            "mail": _pick(rng, "abcdefghijklmnopqrstuvwxyz0123456789", rng.randint(7, 12)) + "@"
            + rng.choice(["onionmail.org", "proton.me", "tutamail.com", "cock.li", "mail2tor.com", "gmx.com"]),
            "mail2": _pick(rng, "abcdefghijklmnopqrstuvwxyz", rng.randint(6, 10)) + "@"
            + rng.choice(["msgsafe.io", "firemail.cc", "mailfence.com", "yandex.com"]),
            "btc": "bc1q" + _pick(rng, "qpzry9x8gf2tvdw0s3jn54khce6mua7l", 38),
            "btc_amount": rng.choice(["0.05", "0.1", "0.25", "0.5", "1.2", "3"]),
            "xmr": "4" + _pick(rng, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", 94),
            "xmr_amount": str(rng.choice([2, 5, 10, 15, 40])),
            "tg": _pick(rng, "abcdefghijklmnopqrstuvwxyz", 6) + rng.choice(["_support", "_help", "decrypt", "", "_bot"]),
            "tg2": _pick(rng, "abcdefghijklmnopqrstuvwxyz", 8), "tg3": _pick(rng, "abcdefghijklmnopqrstuvwxyz", 7),
            "gb": str(rng.randint(12, 900)), "rows": "{:,}".format(rng.randint(20000, 3000000)),
            "hours": str(rng.choice([24, 48, 72, 96, 120])), "days": str(rng.choice([3, 5, 7, 10])),
            "date": "2026-12-%02d" % rng.randint(8, 28), "price": str(rng.choice([500, 1000, 1500, 2500])),
            "ext": _pick(rng, "abcdefghijklmnopqrstuvwxyz0123456789", rng.choice([5, 6, 7, 8])),
            "code": _pick(rng, "0123456789", 4), "phone": "+7" + _pick(rng, "0123456789", 10),
            "tries": str(rng.choice([3, 5, 7])), "COMPANY": rng.choice(COMPANIES),
        }
        out.append((fam, lang, name.format(**v), enc, text.format(**v)))
    return out
