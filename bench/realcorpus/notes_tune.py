# Ransom notes of the TUNING corpus (issue 20).
#
# Written after the evaluation notes (notes_eval.py) were committed, without reading them
# again: other families, other texts. The rules were tuned against these notes only.
# Families: none that data/rules/ransom-notes.yar, data/notes/names.txt,
# data/extensions/ransom.txt, tests/corpus/notes.py or notes_eval.py names. Texts written
# for riposte from public descriptions of each family's notes; addresses, mails, IDs and
# keys are made up from the seed.
#
# notes(rng) returns a list of (family, lang, file name, encoding, text); encoding is
# "utf-8", "utf-16" (LE with BOM), "html" or "crlf".

NOTES = [
    # ---- data-theft extortion, no word of decryption
    ("madliberator", "en", "README.txt", "utf-8",
     "Mad Liberator\n\nWe found weaknesses in your network and used them. {gb} GB of your documents are now on "
     "our storage.\nIf we agree, we delete them and send you a report on how we got in. If not, they will be "
     "on our blog in {hours} hours.\nhttp://{onion}\nYour key: {key}\n"),
    ("dispossessor", "en", "readme_dispossessor.txt", "utf-8",
     "Dispossessor\nYour company data was exported by us: {gb} GB (finance, HR, clients).\n"
     "We publish everything on our site unless you contact us. Time left: {hours} hours.\n"
     "Site: http://{onion}\nTelegram: @{tg}\nID: {id}\n"),
    ("killsec", "en", "KILLSEC_README.txt", "utf-8",
     "KillSec\n\nWe got into your systems and copied your internal data.\nPay to keep it private. "
     "Otherwise it will be leaked on our Telegram channel and our site http://{onion}\n"
     "Contact: {mail}\nRef: {id}\n"),
    ("datacarry", "en", "HOW_TO_CONTACT.txt", "utf-8",
     "DataCarry\nWe have taken your data. A sample is attached to our post on http://{onion}.\n"
     "Write to {mail} within {hours} hours to stop the full release.\nCase: {id}\n"),
    ("nightspire", "en", "Nightspire.txt", "utf-8",
     "Hello.\nYour files were exfiltrated by Nightspire. {gb} GB.\nWe will publish them on {date} "
     "if there is no deal.\nGmail: {mail}\nTor: http://{onion}\n"),
    ("arkana", "en", "ARKANA_NOTICE.txt", "utf-8",
     "ARKANA SECURITY\n\nYour customer database was dumped by us.\nWe contact you first, before the customers, "
     "the media and the regulator. You have {hours} hours.\nPortal: http://{onion}/portal\nAccess: {id}\n"),
    ("stormous", "en", "stormous.txt", "utf-8",
     "STORMOUS\nWe have hacked your company and we hold your data. We will sell it if you do not answer.\n"
     "Our blog: http://{onion}\nTelegram @{tg}\n"),
    ("ransomedvc", "en", "Ransomed.txt", "utf-8",
     "Ransomed.vc\n\nWe have your data. Under GDPR you face a fine far above our price.\n"
     "Contact us before the publication: http://{onion}\nID {id}\n"),
    ("mogilevich", "en", "mogilevich.txt", "utf-8",
     "We are Mogilevich. Your servers were accessed and your database copied.\n"
     "Buy it back or it goes on sale. Deadline {hours}h. Contact: {mail}\n"),
    ("siegedsec", "en", "hello_from_us.txt", "utf-8",
     "Hi :3\nWe took {gb} GB of your internal documents. They will be up on our channel soon.\n"
     "Talk to us: Telegram @{tg}\n"),
    ("kelvin", "en", "README_KELVIN.txt", "utf-8",
     "Your information system was breached and your files were copied.\nTo prevent the data leak, contact us "
     "via Tox {tox} or {mail}.\nYou have {hours} hours.\n"),
    ("pryx", "en", "PRYX_README.txt", "utf-8",
     "Pryx here. Your students' and staff records are with us.\nThey will be posted on our site "
     "http://{onion} unless you talk to us.\nID: {id}\n"),
    ("handala", "en", "handala.txt", "utf-8",
     "Handala Hack Team\nWe have downloaded your internal documents and mail archives ({gb} GB).\n"
     "They will be published.\nhttp://{onion}\n"),
    ("j-group", "en", "J_README.txt", "utf-8",
     "J Group\nYour data has been obtained by us. We are ready to discuss terms.\n"
     "Chat: http://{onion}/chat/{id}\nIf you ignore this message your data will be made public.\n"),
    ("bashe", "en", "README_BASHE.txt", "utf-8",
     "Bashe\n\nWe possess {gb} GB of your company's confidential files.\nCountdown to publication: {hours} hours.\n"
     "Negotiation: http://{onion}\nKey: {key}\n"),
    ("weyhro", "en", "Weyhro.txt", "utf-8",
     "Your data was taken from your servers and is stored with us.\nContact within {hours} hours: {mail}\nRef {id}\n"),
    # ---- encryption and theft, the double kind
    ("blackkingdom", "en", "decrypt_file.TxT", "utf-8",
     "We Are Back ??\n\nWe hacked your (( Network )), and now all files, documents, images, databases and other "
     "important data are safely encrypted using the strongest algorithms ever.\nYou cannot access any of your "
     "files or services by any way.\nWe have also downloaded your data.\nSend the payment to {btc} and mail "
     "{mail} with your ID {id}.\n"),
    ("thanos", "en", "RESTORE_FILES_INFO.txt", "utf-8",
     "Your files are encrypted by Thanos.\nAll your files have been encrypted due to a security problem with "
     "your PC.\nIf you want to restore them, write us to the e-mail: {mail}\nYour personal ID: {id}\n"),
    ("prometheus", "en", "RESTORE_FILES_INFO.hta", "html",
     "PROMETHEUS\nYour network has been compromised. All your files are encrypted and your data has been "
     "downloaded.\nTo get your files back and to keep your data private, go to http://{onion}/ticket\n"
     "and enter your ID: {id}\n"),
    ("sugar", "en", "SUGARDATA_README.txt", "utf-8",
     "Sugar\nAll your files are locked.\nOpen http://{onion}/{key} to see the price and the way to get your files.\n"),
    ("entropy", "en", "#how-to-decrypt.txt", "utf-8",
     "Hello, {company}.\nYour network has been encrypted and your private data downloaded.\n"
     "You can find a list of the files in our chat.\nContact: {mail}\nID {id}\n"),
    ("astro", "en", "HOW_TO_RESTORE.txt", "utf-8",
     "Astro Team\nYour network was hacked and your files were encrypted.\nWe also downloaded {gb} GB of data.\n"
     "Contact us through our chat http://{onion}\nYour ID: {id}\n"),
    ("ransomcartel", "en", "README_{ext}.txt", "utf-8",
     "Your data are stolen and encrypted.\nThe data will be published on TOR website if you do not pay the ransom.\n"
     "You can contact us and decrypt one file for free: http://{onion}\nYour personal ID: {id}\n"),
    ("dagon", "en", "ReadMe_{id8}.txt", "utf-8",
     "Dagon Locker\nYour files are encrypted and your data exfiltrated.\nChat: http://{onion}\nKey: {key}\n"),
    ("crytox", "en", "ReadMe.hta", "html",
     "Crytox\nYour files are encrypted with a strong algorithm. To restore them you need our decryptor.\n"
     "uTox ID: {tox}\n"),
    ("ragnarok", "en", "readme_{ext}.txt", "utf-8",
     "Ragnarok\nAll your files are crypted.\nTo get your files back mail {mail}\nID: {id}\n"),
    ("wastedlocker", "en", "{ext}_readme", "utf-8",
     "*{company_up}*\n\nYOUR NETWORK IS ENCRYPTED NOW\n\nUSE {mail} | {mail2} TO GET THE PRICE FOR YOUR DATA\n\n"
     "DO NOT GIVE THIS EMAIL TO 3RD PARTIES\n\nDO NOT RENAME OR MOVE THE FILE\n\nTHE FILE IS ENCRYPTED WITH THE "
     "FOLLOWING KEY:\n[begin_key]{key}[end_key]\nKEEP IT\n"),
    ("suncrypt", "en", "YOUR_FILES_ARE_ENCRYPTED.HTML", "html",
     "Hi! Your files are encrypted. We also downloaded a lot of data.\nWhen you visit our site "
     "http://{onion}/{key} you will see the price.\nIf you do not pay, the data will be leaked.\n"),
    ("nefilim", "en", "NEFILIM-DECRYPT.txt", "utf-8",
     "All of your files have been encrypted with military grade algorithms.\nWe ensure that the only way to "
     "retrieve your data is with our software.\nWe have also downloaded your data. In case of no response in "
     "7 days it will be published.\nContact: {mail}\n"),
    ("karma", "en", "KARMA-ENCRYPTED.txt", "utf-8",
     "Your network has been breached by Karma ransomware group.\nWe have extracted valuable or sensitive data "
     "and encrypted the files.\nContact us via mail: {mail}\n"),
    ("makop", "en", "readme-warning.txt", "utf-8",
     "::: Greetings :::\n\nLittle FAQ:\n.1.\nQ: Whats Happen?\nA: Your files have been encrypted. "
     "The file structure was not damaged.\n.2.\nQ: How to recover files?\nA: If you wish to decrypt your files "
     "you will need to pay us.\n.3.\nQ: How to contact?\nA: Write to {mail}\n"),
    ("chaos", "en", "read_it.txt", "utf-8",
     "All of your files have been encrypted\nYour computer was infected with a ransomware virus. Your files have "
     "been encrypted and you won't be able to decrypt them without our help.\nWhat can I do to get my files back?\n"
     "You can buy our special decryption software, this software will allow you to recover all of your data.\n"
     "Bitcoin address: {btc}\n"),
    ("onyx", "en", "readme.txt", "utf-8",
     "ONYX\n\nYour network has been penetrated. All your files are encrypted.\nWe downloaded {gb} GB of your data.\n"
     "Visit http://{onion} within {hours} hours.\n"),
    ("yashma", "en", "Restore-your-files.txt", "utf-8",
     "Your files are encrypted.\nTo get them back contact {mail}\nYour ID {id}\n"),
    ("prestige", "en", "README.txt", "utf-8",
     "YOUR PERSONAL FILES HAVE BEEN ENCRYPTED.\nTo decrypt all the data, you will need to purchase our "
     "decryption software.\nContact us {mail}. In the letter, type your ID = {id}.\n"),
    ("snake", "en", "Fix-Your-Files.txt", "utf-8",
     "What happened to your files?\nWe breached your corporate network and encrypted the data on your computers.\n"
     "There is no way to restore without our decryption tool.\nContact us at {mail}\n"),
    ("crysis-like", "en", "FILES ENCRYPTED.txt", "utf-8", "all your data has been locked us\nYou want to return?\nwrite email {mail}\n"),
    ("hakbit", "en", "HOW_TO_DECRYPT.txt", "utf-8",
     "All your files are encrypted with AES-256.\nContact {mail} to get the key. Pay in bitcoin.\n"),
    ("thunderx", "en", "readme.txt", "utf-8",
     "Your files are encrypted. Don't worry, you can return them all!\nThe only way: buy the decryption tool.\n"
     "Mail: {mail}\nID: {id}\n"),
    ("mamba", "en", "readme", "utf-8",
     "You are Hacked! Your H.D.D Encrypted, Contact Us For Decryption Key ({mail})\nYOURID: {id}\n"),
    ("deathkitty", "en", "read_me_lkdtt.txt", "utf-8",
     "Your network is encrypted. Your data was also downloaded.\nWe will publish it if you don't pay.\n"
     "Contact: {mail}\n"),
    ("vohuk", "en", "README.txt", "utf-8",
     "Vohuk ransomware\nAll of your files were encrypted.\nWrite to us: {mail}\nYour ID: {id}\n"),
    ("darkbit", "en", "RECOVERY_DARKBIT.txt", "utf-8",
     "Dear colleagues,\nWe are sorry to announce that we have to hack your network. All your files are encrypted.\n"
     "To recover them, pay 80 BTC to {btc} in {hours} hours. After that, the price increases by 30 %.\n"),
    ("nevada", "en", "readme.txt", "utf-8",
     "Nevada\nYour network has been compromised and your data encrypted.\nPlease contact us: http://{onion}\n"
     "Login {id}\n"),
    ("rancoz", "en", "HOW_TO_RECOVER_FILES.txt", "utf-8",
     "Rancoz\nYour data is stolen and your files are locked.\nContact us in the chat http://{onion} with {id}\n"),
    ("cylance", "en", "CYLANCE_README.txt", "utf-8",
     "Your files were encrypted by Cylance Ransomware.\nTo get them back you need our key.\nContact: {mail}\n"),
    ("rapture", "en", "{id8}-readme.txt", "utf-8",
     "Rapture\nYour data has been downloaded and your systems encrypted.\nhttp://{onion}\nID {id}\n"),
    ("helldown", "en", "Readme.{id8}.txt", "utf-8",
     "Helldown\nYour data was stolen and your network encrypted. The data will be published in {hours} hours.\n"
     "Tor: http://{onion}\nCode: {key}\n"),
    ("gunra", "en", "R3ADM3.txt", "utf-8",
     "YOUR ALL DATA HAVE BEEN ENCRYPTED!\nWe have also stolen your data.\nContact: http://{onion}\n"
     "Your key: {key}\n"),
    ("kraken", "en", "readme_cryptor.txt", "utf-8",
     "Kraken\nYour systems are encrypted and your data exported.\nUse http://{onion} and ID {id}.\n"),
    ("bert", "en", ".note.txt", "utf-8",
     "Hello from Bert!\nYour files are encrypted and your data downloaded.\nContact us via Session ID 05{session}\n"),
    ("arcus", "en", "!Restore-My-file.txt", "utf-8",
     "Arcus\nAll your files have been encrypted and downloaded.\nContact us: {mail}\nKey {key}\n"),
    ("devman", "en", "readme_devman.txt", "utf-8",
     "DevMan\nYour files are locked and your data copied.\nTelegram @{tg}\n"),
    ("warlock", "en", "How to decrypt my data.log", "utf-8",
     "We are [Warlock Group].\nYour systems are locked and your data stolen.\n"
     "Contact us via qTox {tox} within {hours} hours.\n"),
    ("beast", "en", "README.TXT", "crlf",
     "Beast\nYour files were encrypted. Your data has been downloaded to our servers.\nWrite to {mail}\n"),
    ("chort", "en", "readme.log", "utf-8",
     "Chort\nYour network was compromised, your data exfiltrated and your servers locked.\n"
     "http://{onion}\nID {id}\n"),
    ("ymir", "en", "INCIDENT_REPORT.pdf.txt", "utf-8",
     "Your data is stolen and encrypted.\nWrite to {mail}. If you don't, we publish. {hours} hours.\n"),
    ("lucky", "en", "readme.txt", "utf-8", "All your files are locked and your data taken. {mail}\n"),
    ("frag", "en", "README.txt", "utf-8",
     "Frag\nYour data has been encrypted and stolen.\nVisit http://{onion} to get it back.\n"),
    ("anubis", "en", "RESTORE FILES.html", "html",
     "Anubis\nYour files are encrypted. Your data has been exported.\nTo restore: http://{onion}\nID {id}\n"),
    ("valencia", "en", "README.txt", "utf-8",
     "Valencia\nWe got your data, {gb} GB. Publication in {hours} hours.\nhttp://{onion}\n"),
    ("hanuman", "en", "README_hanuman.txt", "utf-8",
     "Hanuman\nYour files are encrypted and your data is with us.\nTox: {tox}\n"),
    ("orca", "en", "Orca_README.txt", "utf-8",
     "Orca\nYour network is ours. Files encrypted, data copied.\nhttp://{onion} | {id}\n"),
    ("apos", "en", "apos_readme.txt", "utf-8",
     "Apos\nYour data has been downloaded and locked.\nContact: {mail}\n"),
    ("direwolf", "en", "HowToRecoveryFiles.txt", "utf-8",
     "Dire Wolf\nYour company's data is encrypted and stolen.\nChat: http://{onion}\nUsername {id} Password {key}\n"),
    ("gengar", "en", "Gengar.txt", "utf-8",
     "Gengar\nWe have your documents. Contact us before we publish them: {mail}\n"),
    # ---- short notes
    ("short-1", "en", "README.txt", "utf-8", "http://{onion}\nID: {id}\n"),
    ("short-2", "en", "contact", "utf-8", "Chat with us: http://{onion}/ key {key}\n"),
    ("short-3", "en", "info.txt", "utf-8", "Your data is with us.\n{onion}\nID {id}\n"),
    ("short-4", "en", "readme.log", "utf-8", "{onion}\nlogin {id}\n"),
    ("short-5", "en", "RESTORE.me", "utf-8", "Files and data: http://{onion} ({id})\n"),
    ("short-6", "en", "note", "utf-8", "Tox ID {tox}\nWrite us.\n"),
    ("short-7", "en", "HELP.txtx", "utf-8", "Your network is encrypted. {mail} ID {id}\n"),
    ("short-8", "en", "!!README!!", "utf-8", "We have your data. http://{onion}\n"),
    ("short-9", "en", "decrypt.tx", "utf-8", "Decryption: http://{onion}/?id={id}\n"),
    ("short-10", "en", "FILES.txt", "utf-16", "Your files are locked. http://{onion} ID {id}\n"),
    ("short-11", "de", "WICHTIG.txt", "utf-8", "Ihre Dateien sind gesperrt. Kontakt: {mail} ID {id}\n"),
    ("short-12", "fr", "IMPORTANT.txt", "utf-8", "Vos fichiers sont bloqués. Contact : http://{onion} ID {id}\n"),
    ("short-13", "es", "IMPORTANTE.txt", "utf-8", "Sus datos están en nuestro poder. http://{onion} ID {id}\n"),
    ("short-14", "en", "key.html", "html", "Data leaked soon. http://{onion}\n{key}\n"),
    ("short-15", "en", "RECOVER", "utf-8", "Session: 05{session}\nYour files: locked. Your data: ours.\n"),
    ("short-16", "en", "id.txt", "utf-8", "personal id: {id}\ntor: {onion}\n"),
    # ---- other languages
    ("madliberator-de", "de", "LIESMICH.txt", "utf-8",
     "Wir haben Schwachstellen in Ihrem Netzwerk gefunden und genutzt. {gb} GB Ihrer Dokumente liegen jetzt "
     "bei uns.\nOhne Einigung erscheinen sie in {hours} Stunden auf unserem Blog.\nhttp://{onion}\nSchlüssel: {key}\n"),
    ("stormous-fr", "fr", "stormous_fr.txt", "utf-8",
     "Nous avons piraté votre entreprise et nous détenons vos données. Sans réponse, nous les vendrons.\n"
     "Blog : http://{onion}\nTelegram @{tg}\n"),
    ("karma-fr", "fr", "LISEZ-MOI.txt", "utf-8",
     "Votre réseau a été compromis.\nNous avons extrait des données sensibles et chiffré vos fichiers.\n"
     "Écrivez-nous : {mail}\n"),
    ("astro-de", "de", "WIEDERHERSTELLEN.txt", "utf-8",
     "Ihr Netzwerk wurde gehackt und Ihre Dateien verschlüsselt.\nWir haben außerdem {gb} GB Daten "
     "heruntergeladen.\nChat: http://{onion}\nIhre ID: {id}\n"),
    ("onyx-es", "es", "LEEME.txt", "utf-8",
     "Su red ha sido comprometida. Todos sus archivos están bloqueados.\nDescargamos {gb} GB de sus datos.\n"
     "Visite http://{onion} en {hours} horas.\n"),
    ("helldown-it", "it", "LEGGIMI.txt", "utf-8",
     "I vostri dati sono stati rubati e la rete bloccata.\nSaranno pubblicati fra {hours} ore.\n"
     "Tor: http://{onion}\nCodice: {key}\n"),
    ("nevada-pt", "pt", "LEIA-ME.txt", "utf-8",
     "A sua rede foi comprometida e os seus dados bloqueados.\nContacte-nos: http://{onion}\nLogin {id}\n"),
    ("dispossessor-nl", "nl", "LEESMIJ.txt", "utf-8",
     "Uw bedrijfsgegevens zijn door ons gekopieerd ({gb} GB).\nWij publiceren alles tenzij u contact opneemt.\n"
     "http://{onion}\n"),
    ("valencia-ru", "ru", "ПРОЧТИ.txt", "utf-8",
     "Мы получили доступ к вашей сети и забрали ваши данные.\nСвяжитесь с нами в течение {hours} часов, иначе "
     "данные будут опубликованы.\nhttp://{onion}\nID: {id}\n"),
    ("kraken-pl", "pl", "CZYTAJ.txt", "utf-8",
     "Twoje pliki zostały zaszyfrowane, a dane skopiowane.\nNapisz do nas: {mail}\n"),
    ("orca-tr", "tr", "OKUBENI.txt", "utf-8",
     "Dosyalarınız şifrelendi ve verileriniz kopyalandı.\nİletişim: http://{onion}\n"),
    ("zh-2", "zh", "说明.txt", "utf-8",
     "您的文件已被加密，数据已被下载。\n请在 {hours} 小时内联系我们：http://{onion}\n"),
    ("ja-2", "ja", "復元方法.txt", "utf-8",
     "ファイルは暗号化され、データはダウンロードされました。\n連絡先: {mail}\n"),
    # ---- UTF-16 and HTML
    ("blackkingdom-u16", "en", "decrypt_file.TxT", "utf-16",
     "We hacked your network. Your files are encrypted and your data downloaded. Mail {mail} with ID {id}.\n"),
    ("dispossessor-u16", "en", "readme_dispossessor.txt", "utf-16",
     "Your company data was exported by us. We publish everything unless you contact us: http://{onion}\n"),
    ("karma-html", "en", "KARMA-AGREE.html", "html",
     "Your network has been breached. We have your data.\nContact us: {mail}\nID {id}\n"),
    ("madlib-html", "en", "READ_ME.html", "html",
     "Your documents are on our storage. Agreement or publication.\nhttp://{onion}\nKey {key}\n"),
    ("helldown-u16", "en", "Readme.txt", "utf-16",
     "Your data was stolen. Publication in {hours} hours. http://{onion}\n"),
    ("nightspire-html", "en", "nightspire.html", "html",
     "Your files were exfiltrated by Nightspire. Deal or release on {date}.\n{mail}\n"),
    # ---- longer double-extortion notes of other kinds
    ("ransomware-generic-1", "en", "RECOVERY.txt", "utf-8",
     "ATTENTION!\n\nYour company network has been hacked. All servers and workstations are locked.\n"
     "We have exported your databases and documents.\nTo restore access and prevent publication:\n"
     "1. Install Tor Browser\n2. Go to http://{onion}\n3. Enter the code {id}\n\n"
     "Do not call the police, do not hire a recovery company: they will only cost you time.\n"),
    ("ransomware-generic-2", "en", "support.txt", "utf-8",
     "Hello,\n\nthis is the support team. Your infrastructure was compromised on {date}.\n"
     "We hold a copy of your data. We can provide proof and a full list of files.\n"
     "Write to us: {mail} or {mail2}\nReference: {id}\n"),
    ("ransomware-generic-3", "en", "YOUR_DATA.txt", "utf-8",
     "Your data has been leaked to us.\nWe give you {hours} hours to respond.\nAfter that the data goes to our "
     "partners and the public.\nTor: http://{onion}\n"),
    ("ransomware-generic-4", "en", "how to get data back.txt", "utf-8",
     "Unfortunately for you, your network was breached and your data exfiltrated.\nWe are a professional team; "
     "we keep our word.\nNegotiation portal: http://{onion}\nToken: {key}\n"),
    ("ransomware-generic-5", "en", "read-me-now.txt", "utf-8",
     "Hi {company},\nThe network is down because of us. We also have your patients' files.\n"
     "Answer within {hours} hours: {mail}\n"),
    ("ransomware-generic-6", "de", "Wiederherstellung.txt", "utf-8",
     "Achtung!\nIhr Firmennetz wurde gehackt, alle Server sind gesperrt.\nWir haben Ihre Datenbanken und Dokumente "
     "exportiert.\nTor-Browser installieren, http://{onion} öffnen, Code {id} eingeben.\n"),
    ("ransomware-generic-7", "fr", "Restauration.txt", "utf-8",
     "Attention !\nLe réseau de votre entreprise a été piraté. Tous les serveurs sont bloqués.\n"
     "Nous avons exporté vos bases de données et vos documents.\nInstallez Tor Browser, ouvrez http://{onion} "
     "et saisissez le code {id}.\n"),
    ("ransomware-generic-8", "it", "Ripristino.txt", "utf-8",
     "Attenzione!\nLa rete della vostra azienda è stata violata e i server bloccati.\nAbbiamo copiato i vostri "
     "database.\nAprite http://{onion} con Tor Browser e inserite il codice {id}.\n"),
    ("ransomware-generic-9", "es", "Recuperacion.txt", "utf-8",
     "¡Atención!\nLa red de su empresa ha sido hackeada. Todos los servidores están bloqueados.\nHemos exportado "
     "sus bases de datos.\nAbra http://{onion} en Tor Browser e introduzca el código {id}.\n"),
    ("ransomware-generic-10", "en", "!!!WARNING!!!.log", "utf-8",
     "WARNING\nYour files are encrypted. Your data is stolen.\nTo get everything back contact us: {mail}\n"
     "Key: {key}\n"),
    ("ransomware-generic-11", "en", "_INFO_", "utf-8",
     "All your documents have been copied to our servers and your systems locked.\nhttp://{onion}\n"),
    ("ransomware-generic-12", "en", "DATA.tx", "utf-8",
     "We have downloaded {gb} GB of data from {company}. Contact us within {hours} hours: http://{onion}\n"),
    ("ransomware-generic-13", "en", "Notice.rtf.txt", "utf-8",
     "Your files are encrypted and cannot be opened. Your data is in our hands.\nBTC {btc}\nmail {mail}\n"),
    ("ransomware-generic-14", "en", "read.me", "utf-8",
     "Everything is locked. Data downloaded. Chat: http://{onion} ID {id}\n"),
    ("ransomware-generic-15", "en", "!!!_INSTRUCTIONS_!!!.html", "html",
     "YOUR NETWORK IS ENCRYPTED AND YOUR DATA STOLEN\nTo recover, open http://{onion} in Tor Browser.\n"
     "Your ID: {id}\n"),
]


def _pick(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


COMPANIES = ["Praxis Dr. Huber", "Cabinet Dubois", "Studio Bianchi", "Physiotherapie Meier", "Clinique des Alpes",
             "Treuhand Baumann", "Fiduciaire Rochat", "Notariat Girard"]


def notes(rng):
    out = []
    for fam, lang, name, enc, text in NOTES:
        company = rng.choice(COMPANIES)
        v = {
            "onion": _pick(rng, "abcdefghijklmnopqrstuvwxyz234567", 56) + ".onion",
            "id": _pick(rng, "0123456789ABCDEF", 24), "id8": _pick(rng, "0123456789abcdef", 8),
            "key": _pick(rng, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 48),
            "tox": _pick(rng, "0123456789ABCDEF", 76), "session": _pick(rng, "0123456789abcdef", 64),
            "mail": _pick(rng, "abcdefghijklmnopqrstuvwxyz0123456789", 10) + "@" + rng.choice(["onionmail.org", "proton.me", "tutamail.com", "dnmx.su", "gmail.com"]),
            "mail2": _pick(rng, "abcdefghijklmnopqrstuvwxyz", 7) + "@" + rng.choice(["cyberfear.com", "mailfence.com"]),
            "btc": "bc1q" + _pick(rng, "023456789acdefghjklmnpqrstuvwxyz", 38),
            "tg": _pick(rng, "abcdefghijklmnopqrstuvwxyz_", 9), "gb": str(rng.randint(20, 700)),
            "hours": str(rng.choice([24, 48, 72, 168])), "date": "2026-12-1%d" % rng.randint(0, 9),
            "company": company, "company_up": company.upper().replace(" ", "_").replace(".", ""),
            "ext": _pick(rng, "abcdefghijklmnopqrstuvwxyz0123456789", rng.choice([4, 5, 7])),
        }
        out.append((fam, lang, name.format(**v), enc, text.format(**v)))
    return out
