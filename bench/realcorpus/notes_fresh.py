# Ransom notes of the FRESH corpus (issue 20, third corpus).
#
# Written on 2026-12-05 and committed before any tuning of that session, with the
# packages of packages-fresh.txt; not read again while the rules were changed, and scanned
# once, at the end. Families: none that notes_tune.py, notes_eval.py, tests/corpus/notes.py,
# data/notes/names.txt or data/extensions/ransom.txt names. Texts written for riposte from
# public descriptions of each family's notes (vendor write-ups, advisories, victims'
# posts): what they say and how they are named, in our own words; onion addresses, mails,
# IDs and keys are made up from the seed.
#
# notes(rng) returns a list of (family, lang, file name, encoding, text); encoding is
# "utf-8", "utf-16" (LE with BOM), "html" or "crlf" (UTF-8 with CRLF line ends).

B32 = "abcdefghijklmnopqrstuvwxyz234567"
HEX = "0123456789abcdef"
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

NOTES = [
    # ---- data-theft extortion: no word of decryption
    ("vanir", "en", "readme.txt", "utf-8",
     "Vanir Group\n\nYour perimeter was not a problem for us. We spent {hours} hours inside and left with "
     "{gb} GB: contracts, payroll, scans of IDs.\nWe are business people. Talk to us before the timer on "
     "http://{onion}/ reaches zero and nobody else will see it.\nAccess code: {id}\n"),
    ("worldleaks", "en", "WL-NOTICE.txt", "utf-8",
     "World Leaks\nThis is a notice of data exfiltration. {gb} GB were extracted from {company}.\n"
     "Nothing on your machines was touched. The data is staged for release on our portal.\n"
     "Portal: http://{onion}\nCredentials: {id} / {key}\nRelease in {hours} hours unless an agreement is reached.\n"),
    ("ciphbit", "en", "READ_ME_NOW.txt", "utf-8",
     "CiphBit\nWe have downloaded the content of your file server and your mail archive.\n"
     "The list of folders is in our chat. Price depends on how fast you answer.\n"
     "Chat: http://{onion}  key {key}\nAfter {hours} hours the first part goes online.\n"),
    ("mydata", "en", "Alpha_readme.txt", "utf-8",
     "MyData / Alpha team\nYour documents have been copied to our servers. We keep them private only "
     "if you cooperate.\nWrite to {mail} and give this number: {id}\nWe also read the Tox {tox}\n"),
    ("marketo", "en", "marketo.txt", "utf-8",
     "Marketo\n\nYour company data is listed on our marketplace. Buyers are already asking for it.\n"
     "You can buy it back first. Bids close in {hours} hours.\nhttp://{onion}/lot/{id8}\nContact {mail}\n"),
    ("shinyhunters", "en", "notice.txt", "utf-8",
     "We have obtained a copy of your customer database ({gb} GB, {company}).\n"
     "If we do not hear from you within {hours} hours it will be posted on our forum and sold.\n"
     "Reach us on Session: {session}\nor Telegram @{tg}\n"),
    ("coinbasecartel", "en", "message.txt", "utf-8",
     "Hello,\nWe are a data extortion group. We hold {gb} GB of your internal records and emails.\n"
     "There is no malware in your network and nothing is locked. The only question is whether your data "
     "becomes public.\nWrite: {mail}\nReference: {id}\nDeadline: {date}\n"),
    ("silentransom", "en", "Invoice-{id8}.txt", "utf-8",
     "Your files were copied during the remote support session.\nWe will notify your patients and publish "
     "the data unless you pay. Send a mail to {mail} with your reference {id} within {hours} hours.\n"),
    ("pear", "en", "PEAR_NOTE.txt", "utf-8",
     "Pear\nWe took your data. A folder tree and a sample are on http://{onion}/\n"
     "We publish everything in {hours} hours. Contact key: {key}\n"),
    ("morpheus", "en", "_README_.txt", "utf-8",
     "Morpheus.\nYour network has been penetrated and data has been exported from your servers.\n"
     "To prevent the publication, contact us through http://{onion} with the ID below.\n\nID: {id}\n"),
    ("crypto24", "en", "Decryption.txt", "utf-8",
     "Crypto24\nAll your servers are encrypted and we have your data.\nDo not shut down, do not restore "
     "from backups: it will only cost you more.\nContact us by mail {mail} and send your ID {id}.\n"
     "If we do not get an answer in {hours} hours, your data will be published.\n"),
    ("nova", "en", "README_NOVA.txt", "utf-8",
     "NOVA\nYour files have been locked and copied. We offer you a way back.\n"
     "1) Download Tor Browser\n2) http://{onion}\n3) Login {id}\nIf you keep silent, the data goes to our blog.\n"),
    ("linkc", "en", "linkc_readme.txt", "utf-8",
     "LinkC\nYou were hit by LinkC. Files on your ESXi hosts are encrypted, your documents are with us.\n"
     "Chat at http://{onion}/ with code {id}. {hours} hours.\n"),
    ("flocker", "en", "FLOCKER.txt", "utf-8",
     "FLocker\nYour data has been stolen and your systems encrypted. Your business is on hold.\n"
     "Visit http://{onion} and use ID {id} to get in contact. Do not call the police.\n"),
    ("dunghill", "en", "DUNGHILL_LEAK.txt", "utf-8",
     "Dunghill Leak\n{company}: we own your network. {gb} GB of data are with us and will appear on our "
     "site. Reach us before it happens: {mail}\nID {id}\n"),
    ("rabbithole", "en", "HOW_TO_CONTACT_US.txt", "utf-8",
     "Rabbit Hole\nWe encrypted your network and downloaded your documents.\nWe want to talk. "
     "Tox: {tox}\nMail: {mail}\nKey: {key}\n"),
    ("kawa4096", "en", "!!Restore-Your-Files!!.txt", "utf-8",
     "Kawa4096\nYour files are encrypted with a strong algorithm and your sensitive data is in our hands.\n"
     "Go to http://{onion} and enter the key below.\n{key}\nYou have {hours} hours.\n"),
    ("blacknevas", "en", "how_to_decrypt_files.txt", "utf-8",
     "BlackNevas\nWe have encrypted your important files and downloaded a copy of them.\n"
     "Contact {mail} or Telegram @{tg} with your ID {id}. After 7 days, your data will be published.\n"),
    ("sinobi", "en", "README.txt", "utf-8",
     "Sinobi\nYour systems were breached. Your data was downloaded and your files encrypted.\n"
     "To restore and to keep the data private, open http://{onion} in Tor Browser.\nClient ID: {id}\n"),
    ("globalgroup", "en", "README.GLOBAL.txt", "utf-8",
     "GLOBAL GROUP\nYour infrastructure is under our control. Every server is encrypted; every share is copied.\n"
     "Negotiation portal: http://{onion}\nYour token: {key}\n"),
    ("qiulong", "en", "qiulong.txt", "utf-8",
     "Qiulong\nYour company has been hacked. We have {gb} GB including patient data.\n"
     "Publishing begins in {hours} hours. Contact: {mail}\n"),
    ("trisec", "en", "TRISEC-INFO.txt", "utf-8",
     "TriSec\nWe got into your network and took your files. Pay and they stay private; ignore us and we "
     "sell them.\nTox {tox}\nID {id}\n"),
    ("werewolves", "en", "readme.txt", "utf-8",
     "Werewolves\nAttention! Your files are encrypted and your data has been exfiltrated.\n"
     "Contact us within {hours} hours at {mail}, otherwise we publish. Your personal ID: {id}\n"),
    ("blackhunt", "en", "#BlackHunt_ReadMe.txt", "utf-8",
     "Black Hunt\nAll your files have been encrypted and important files were downloaded.\n"
     "Do not rename or modify them. Write to {mail} and {mail2}, subject {id}.\n"),
    ("darkvault", "en", "darkvault.txt", "utf-8",
     "DarkVault\nWe hold your data. Look at http://{onion}/ to see your company in our queue.\nContact: {mail}\n"),
    ("ransomcortex", "en", "INSTRUCTIONS_CORTEX.txt", "utf-8",
     "RansomCortex\nHospital and clinic data is our speciality. We have your patient files.\n"
     "We will contact each patient one by one if you do not answer: {mail}\nID {id}\n"),
    ("cosmo", "en", "HOW_RETURN_YOUR_DATA.TXT", "utf-8",
     "Hello! All of your important data is now unavailable, and a copy of it is with us.\n"
     "We guarantee the return of all your data after you pay. http://{onion} login {id} password {key}\n"),
    ("kuiper", "en", "README_TO_DECRYPT.txt", "utf-8",
     "Kuiper\nYour files are encrypted with ChaCha20 and RSA. We also downloaded your data.\n"
     "Contact us on Tox: {tox}\nYour ID: {id}\n"),
    ("bighead", "en", "README_BigHead.txt", "utf-8",
     "Your files were encrypted by BigHead.\nTo get a decryptor, write to Telegram @{tg} and pay in Bitcoin to "
     "{btc}\nYour ID: {id8}\n"),
    ("xaro", "en", "how_to_back.txt", "utf-8",
     "Xaro\nYour documents, photos, databases and other important files have been encrypted.\n"
     "The only way to get them back is to buy the decryption tool. Mail {mail} with ID {id}.\n"),
    ("darkpower", "en", "readme.dark.txt", "utf-8",
     "Dark Power\nYour network is encrypted and your data is on our storage.\n"
     "Pay 10,000 USD in Monero within 72 hours or your data will be published on our blog http://{onion}\n"
     "Contact {mail}\n"),
    ("vendetta", "en", "VENDETTA.txt", "utf-8",
     "Vendetta\nYour files are encrypted and we have your data. Write to {mail}. ID {id}\n"),
    ("luna", "en", "Readme-Luna.txt", "utf-8",
     "Luna\nAll your files are encrypted with a unique key. Your important data was downloaded.\n"
     "Write to {mail} to get instructions. Your id: {id}\n"),
    ("lilith", "en", "Restore_Your_Files.txt", "utf-8",
     "Lilith\nWe have encrypted your network and copied {gb} GB. Do not reboot, do not call the police.\n"
     "Tox: {tox}\nOur blog: http://{onion}\n"),
    ("pandora", "en", "Restore_My_Files.txt", "utf-8",
     "Pandora\nYour network has been encrypted and your data was taken. Follow these steps:\n"
     "1. Write to {mail} with your ID {id}\n2. We send a test decryption\n3. You pay and receive the tool.\n"
     "If not, data leak site: http://{onion}\n"),
    ("rook", "en", "HowToRestoreYourFiles.txt", "utf-8",
     "Rook\nYour files are encrypted. Your data is downloaded. Do not try to recover the files yourself.\n"
     "Go to http://{onion} and enter {key}\n"),
    ("nightsky", "en", "NightSkyReadMe.hta", "utf-8",
     "NightSky\nYour network was breached and files encrypted. We also have {gb} GB of your data.\n"
     "Rocket.Chat: http://{onion}  user {id8}  password {key}\n"),
    ("atomsilo", "en", "README-FILE-{company_up}.hta", "utf-8",
     "AtomSilo\nYour files are encrypted and we have exfiltrated your data.\n"
     "Contact us before {date}: {mail}\nYou can decrypt two files for free.\n"),
    ("diavol", "en", "README-FOR-DECRYPT.txt", "utf-8",
     "Diavol\nYour network is encrypted. We also downloaded your data.\n"
     "Go to http://{onion}/ and use the ID {id} to contact us.\n"),
    ("cring", "en", "deReadMe!!!.txt", "utf-8",
     "Cring\nYour files were encrypted. To get a decryptor write to {mail}\nID: {id8}\n"),
    ("haron", "en", "Haron_README.txt", "utf-8",
     "Haron\nYour network is encrypted and we have copies of your data.\nContact us: http://{onion}/{id}\n"),
    ("hades", "en", "HOW-TO-DECRYPT-{ext}.txt", "utf-8",
     "Hades\nYour network has been encrypted and the documents stolen.\nTo get access to the chat: "
     "http://{onion}/?{id}\n"),
    ("megacortex", "en", "!!!_READ-ME_!!!.txt", "utf-8",
     "MegaCortex\nYour company network has been hacked. All files were encrypted with strong encryption.\n"
     "Send us a mail to {mail} and {mail2} with the file attached.\nWe guarantee a full recovery.\n"),
    ("robbinhood", "en", "_Decryption_ReadMe.html", "html",
     "RobbinHood\nYour files are encrypted with RSA-4096. You must pay 3 BTC for all your systems.\n"
     "Bitcoin address: {btc}\nAfter 4 days the price rises by 10,000 dollars per day.\n"),
    ("samsam", "en", "SORRY-FOR-FILES.html", "html",
     "Your files are encrypted.\nTo get the private key for all systems, pay 4 BTC to {btc}\n"
     "Visit http://{onion} to see the status and send your host name.\n"),
    ("jigsaw", "en", "read.txt", "utf-8",
     "Your computer files have been encrypted. Your photos, videos, documents, etc....\n"
     "Every hour I select some of them to delete permanently. Pay 150 USD in Bitcoin to {btc}.\n"),
    ("teslacrypt", "en", "_ReCoVeRy_+{id8}.txt", "utf-8",
     "What happened to your files?\nAll of your files were protected by a strong encryption with RSA-4096.\n"
     "How to get your files back: go to http://{onion}/{id8} and follow the instructions.\n"),
    ("cryptowall", "en", "HELP_YOUR_FILES.TXT", "utf-8",
     "What happened to your files?\nAll of your files were encrypted. The private key is on our server.\n"
     "To decrypt your files go to http://{onion}/{id8} with the Tor Browser.\n"),
    ("ctblocker", "en", "AllFilesAreLocked {id8}.bmp.txt", "utf-8",
     "Your personal files are encrypted by CTB-Locker.\nYou have 96 hours to submit the payment. "
     "Otherwise your files will be lost forever.\nhttp://{onion}/{id8}\n"),
    ("spora", "en", "{company_up}-RU{id8}.HTML", "html",
     "Spora\nYour files are encrypted. To restore them, open our site, log in with the key file and pay.\n"
     "http://{onion}\n"),
    ("badrabbit", "en", "Readme.txt", "utf-8",
     "Oops! Your files have been encrypted.\nIf you see this text, your files are no longer accessible.\n"
     "Visit our website http://{onion}\nYour personal installation key#1:\n{key}\n"),
    ("petya", "en", "README.TXT", "utf-8",
     "Ooops, your important files are encrypted.\nNobody can recover your files without our decryption "
     "service. Send $300 worth of Bitcoin to:\n{btc}\nThen send your Bitcoin wallet ID and personal "
     "installation key to {mail}.\nYour personal installation key:\n{key}\n"),
    ("hermes", "en", "DECRYPT_INFORMATION.html", "html",
     "Hermes\nAll your important files are encrypted.\nTo decrypt them, send the file DECRYPT_ID to "
     "{mail} or {mail2}.\n"),
    ("bitpaymer", "en", "{company}.docx.readme_txt", "utf-8",
     "Your network has been hacked and infected by BitPaymer.\nAll files were encrypted and only we can "
     "decrypt them. Contact {mail} or {mail2}.\nYour personal key: {key}\n"),
    ("pay2key", "en", "{company_up}_MESSAGE.TXT", "utf-8",
     "Pay2Key\nYour network was encrypted. Contact us only through the keybase account.\nID: {id}\n"),
    ("n3tw0rm", "en", "N3tw0rm.txt", "utf-8",
     "N3tw0rm\nYour files were encrypted. Go to http://{onion} and pay. ID {id}\n"),
    ("ako", "en", "ako-readme.txt", "utf-8",
     "Your network was hacked and encrypted. We downloaded your data.\nTo restore, go to http://{onion}/ "
     "and use key {key}\n"),
    ("phoenixlocker", "en", "decrypt_instructions.txt", "utf-8",
     "Phoenix Locker\nYour network was encrypted. Write to {mail} with your ID {id}\n"),
    ("deadbolt", "en", "!!!_IMPORTANT_README_!!!.html", "html",
     "DEADBOLT\nYour files have been locked by DeadBolt.\nThis is not a security issue caused by you.\n"
     "Pay 0.03 Bitcoin to {btc}\nThe key will appear in the transaction's OP_RETURN.\n"),
    ("qlocker", "en", "!!!READ_ME.txt", "utf-8",
     "All your files have been encrypted using 7zip.\nTo get the password:\n1. Download Tor Browser\n"
     "2. Go to http://{onion}/login\n3. Enter your Client Key: {key}\n"),
    ("ech0raix", "en", "README_FOR_DECRYPT.txt", "utf-8",
     "All your data has been locked (crypted).\nHow to unlock: buy the key on http://{onion}/order/{id8}\n"
     "Price 0.06 BTC to {btc}\n"),
    ("checkmate", "en", "!CHECKMATE_DECRYPTION_README", "utf-8",
     "Your files were encrypted by Checkmate.\nSend 15,000 USD in Bitcoin to {btc} and write to {mail}.\n"),
    ("esxiargs", "en", "How to Restore Your Files.html", "html",
     "Security Alert!!!\nWe hacked your company successfully.\nAll files have been stolen and encrypted by us.\n"
     "If you want to restore files or avoid file leaks, please send 2.0 bitcoin to {btc}\n"
     "Send your key to us by Tox {tox}\n"),
    ("loki", "en", "Restore-My-Files.hta", "utf-8",
     "Loki locker\nAll your files have been encrypted due to a security problem.\n"
     "Write to {mail} with your ID {id} in the subject.\n"),
    ("hardbit", "en", "How To Restore Your Files.txt", "utf-8",
     "HardBit\nYour files are encrypted and your data was stolen. Tell us your insurance details "
     "so we can agree on a fair price.\nContact: Tox {tox}\nID: {id}\n"),
    ("trashpanda", "en", "README.trashpanda.txt", "utf-8",
     "TRASH PANDA\nYour files are encrypted. Contact {mail}\n"),
    ("vasa", "en", "HOW_TO_DECRYPT_FILES.txt", "utf-8",
     "Vasa Locker\nYour files have been encrypted. To restore, contact us at {mail}. ID {id}\n"),
    ("mammon", "en", "README_TO_DECRYPT.TXT", "utf-8",
     "Mammon\nYour files are encrypted.\nContact Telegram @{tg} and send this ID: {id}\n"),
    ("donex", "en", "Readme.{ext}.txt", "utf-8",
     "DoNex\nYour data are stolen and encrypted.\nThe data will be published on TOR website "
     "http://{onion} if you do not pay the ransom.\nYou can contact us and decrypt one file for free.\n"
     "Your personal DECRYPTION ID: {id}\n"),
    ("kasseika", "en", "{ext}.README.txt", "utf-8",
     "Kasseika\nYour data has been encrypted and leaked.\nGo to http://{onion} and use ID {id}\n"),
    ("blackout", "en", "Blackout.txt", "utf-8",
     "Blackout\nWe have encrypted your infrastructure and exported your data. Contact: {mail}\n"),
    ("moneybird", "en", "readme_moneybird.txt", "utf-8",
     "Moneybird\nWe took and encrypted your data. In 24 hours the first part goes public.\n"
     "Telegram: @{tg}\n"),
    ("zola", "en", "Readme.zola.txt", "utf-8",
     "Zola\nYour files are encrypted. Write to {mail}. Your ID: {id}\n"),
    ("babylon", "en", "HowToDecrypt.txt", "utf-8",
     "Babylon\nHello. Your files have been encrypted. Contact us: {mail}\nID: {id8}\n"),
    ("nas-locker", "en", "!README_NAS.txt", "utf-8",
     "Your NAS has been encrypted. All shares are locked.\nPay to get the key: {btc}\nContact {mail}\n"),
    ("gdlockersec", "en", "gd_readme.txt", "utf-8",
     "GD LockerSec\nWe breached {company} and have its data. We will publish unless you contact "
     "{mail}. Session: {session}\n"),
    ("runsomewares", "en", "RSW.txt", "utf-8",
     "Run Some Wares\nThis is not a joke. Your data is in our hands. Blog http://{onion}. "
     "Contact Session {session}\n"),

    # ---- short notes: a contact and an ID, little else
    ("vanir-short", "en", "read_me.txt", "utf-8", "{onion}\nID: {id}\n"),
    ("nova-short", "en", "NOVA", "utf-8", "Files locked. http://{onion} key {key}\n"),
    ("linkc-short", "en", "contact.txt", "utf-8", "Your data is with us. Tox {tox}\n"),
    ("pear-short", "en", "PEAR", "utf-8", "We have your files. {mail} / {id8}\n"),
    ("qlocker-short", "en", "!!!READ_ME.txt", "utf-8", "Files 7zipped. Password: http://{onion}/login key {key}\n"),
    ("worldleaks-short", "en", "WL.txt", "utf-8", "Data exfiltrated. Portal http://{onion} code {id}\n"),
    ("checkmate-short", "en", "!CHECKMATE", "utf-8", "Encrypted. Pay {btc}. Mail {mail}\n"),
    ("kawa-short", "en", "kawa.txt", "utf-8", "http://{onion}/chat\n{key}\n"),
    ("crypto24-short", "en", "Decryption.log", "utf-8", "All encrypted. Mail {mail} ID {id}\n"),
    ("mydata-short", "en", "alpha.me", "utf-8", "Your data is downloaded.\nSession {session}\n"),
    ("blackhunt-short", "en", "ReadMe", "utf-8", "Encrypted + downloaded. {mail} {id8}\n"),
    ("zola-short", "en", "Readme.zola.txt", "utf-8", "Contact {mail} to decrypt. ID {id8}\n"),

    # ---- other languages
    ("vanir-de", "de", "LIESMICH.txt", "utf-8",
     "Vanir Group\n\nWir waren {hours} Stunden in Ihrem Netzwerk und haben {gb} GB Daten kopiert: Verträge, "
     "Lohnabrechnungen, Ausweiskopien.\nMelden Sie sich über http://{onion}/ mit dem Code {id}, bevor wir "
     "alles veröffentlichen.\n"),
    ("crypto24-de", "de", "Entschluesselung.txt", "utf-8",
     "Alle Ihre Server sind verschlüsselt und wir besitzen Ihre Daten.\nKeine Wiederherstellung aus "
     "Sicherungen versuchen.\nSchreiben Sie an {mail} mit Ihrer ID {id}. Ohne Antwort in {hours} Stunden "
     "werden die Daten veröffentlicht.\n"),
    ("deadbolt-de", "de", "!!!_WICHTIG_LESEN_!!!.html", "html",
     "Ihre Dateien wurden gesperrt.\nZahlen Sie 0,03 Bitcoin an {btc}.\nDer Schlüssel wird Ihnen danach "
     "automatisch angezeigt.\n"),
    ("sinobi-fr", "fr", "LISEZMOI.txt", "utf-8",
     "Sinobi\nVotre réseau a été compromis. Vos données ont été téléchargées et vos fichiers chiffrés.\n"
     "Ouvrez http://{onion} dans le navigateur Tor.\nIdentifiant client : {id}\n"),
    ("worldleaks-fr", "fr", "AVIS.txt", "utf-8",
     "Nous avons extrait {gb} Go de données de {company}.\nAucun poste n'a été bloqué : la seule question "
     "est de savoir si vos données seront publiées.\nPortail : http://{onion}\nCode : {id}\n"),
    ("pandora-fr", "fr", "Restaurer_Mes_Fichiers.txt", "crlf",
     "Votre réseau a été chiffré et vos données dérobées.\nÉcrivez à {mail} avec votre identifiant {id}.\n"
     "Sinon, publication sur http://{onion}\n"),
    ("kawa-es", "es", "LEEME.txt", "utf-8",
     "Kawa4096\nSus archivos han sido cifrados y sus datos sensibles están en nuestras manos.\n"
     "Entre en http://{onion} con la clave:\n{key}\nTiene {hours} horas.\n"),
    ("marketo-es", "es", "aviso.txt", "utf-8",
     "Los datos de su empresa están a la venta en nuestro mercado. Puede comprarlos primero.\n"
     "http://{onion}/lot/{id8}\nContacto: {mail}\n"),
    ("hardbit-it", "it", "Come ripristinare i file.txt", "utf-8",
     "HardBit\nI vostri file sono stati cifrati e i dati rubati. Comunicateci i dati della vostra "
     "assicurazione.\nTox {tox}\nID {id}\n"),
    ("blacknevas-it", "it", "LEGGIMI.txt", "utf-8",
     "I vostri file importanti sono stati criptati e copiati.\nScrivete a {mail} con il vostro ID {id}. "
     "Dopo 7 giorni i dati saranno pubblicati.\n"),
    ("qiulong-pt", "pt", "LEIAME.txt", "utf-8",
     "Sua empresa foi invadida. Temos {gb} GB, incluindo dados de pacientes.\nA publicação começa em "
     "{hours} horas. Contato: {mail}\n"),
    ("luna-pt", "pt", "Leia-me.txt", "utf-8",
     "Todos os seus arquivos foram criptografados. Para recuperá-los escreva para {mail}.\nSeu ID: {id}\n"),
    ("trisec-nl", "nl", "LEESMIJ.txt", "utf-8",
     "Wij zijn uw netwerk binnengedrongen en hebben uw bestanden meegenomen.\nBetaal en ze blijven privé; "
     "anders verkopen we ze.\nTox {tox}\nID {id}\n"),
    ("nova-ru", "ru", "ПРОЧТИ.txt", "utf-8",
     "Ваши файлы зашифрованы, а данные скопированы.\nОткройте http://{onion} в браузере Tor и введите "
     "ID {id}. Иначе данные будут опубликованы.\n"),
    ("pear-pl", "pl", "PRZECZYTAJ.txt", "utf-8",
     "Zabraliśmy Wasze dane. Próbka jest na http://{onion}/\nPublikacja za {hours} godzin. Klucz: {key}\n"),
    ("ciphbit-tr", "tr", "BENİ_OKU.txt", "utf-8",
     "Dosya sunucunuzun içeriğini indirdik.\nSohbet: http://{onion} anahtar {key}\n"
     "{hours} saat sonra ilk kısım yayınlanacak.\n"),
    ("zh-3", "zh", "勒索信.txt", "utf-8",
     "你的文件已被加密，数据已被下载。\n请在 {hours} 小时内通过 Tox 联系我们：{tox}\n你的编号：{id}\n"),
    ("ja-3", "ja", "お読みください.txt", "utf-8",
     "貴社のネットワークに侵入し、データを取得しました。\n{hours}時間以内に連絡がない場合、データを公開します。\n"
     "連絡先: http://{onion}  ID: {id}\n"),
    ("ko-1", "ko", "읽어주세요.txt", "utf-8",
     "귀하의 파일이 암호화되었고 데이터가 유출되었습니다.\n{mail} 으로 연락하십시오. ID: {id}\n"),
    ("ar-1", "ar", "اقرأني.txt", "utf-8",
     "تم تشفير ملفاتك وسرقة بياناتك.\nتواصل معنا عبر {mail} خلال {hours} ساعة.\nالمعرف: {id}\n"),

    # ---- UTF-16, HTML, odd names
    ("vanir-u16", "en", "readme.txt", "utf-16",
     "We have {gb} GB of your data. Timer on http://{onion}/ . Access code {id}.\n"),
    ("crypto24-u16", "en", "Decryption.txt", "utf-16",
     "Your servers are encrypted and your data is ours. Mail {mail}, ID {id}.\n"),
    ("luna-u16", "en", "Readme-Luna.txt", "utf-16",
     "All your files are encrypted. Write to {mail}. Your id: {id}\n"),
    ("hardbit-u16", "de", "Wiederherstellung.txt", "utf-16",
     "Ihre Dateien sind verschlüsselt und Ihre Daten gestohlen. Tox {tox}. ID {id}.\n"),
    ("worldleaks-html", "en", "NOTICE.html", "html",
     "World Leaks\nData exfiltration notice for {company}.\nPortal: http://{onion}\nCode: {id}\n"),
    ("sinobi-html", "en", "README.html", "html",
     "Sinobi\nYour data was downloaded and your files encrypted.\nhttp://{onion}\nClient ID: {id}\n"),
    ("nova-html", "fr", "LISEZ-MOI.htm", "html",
     "NOVA\nVos fichiers sont verrouillés et copiés.\nhttp://{onion}  identifiant {id}\n"),
    ("kuiper-log", "en", "kuiper.log", "utf-8",
     "Kuiper: files encrypted (ChaCha20+RSA), data downloaded. Tox {tox} ID {id}\n"),
    ("morpheus-noext", "en", "READ_ME_MORPHEUS", "utf-8",
     "Your network has been penetrated and your data exported.\nhttp://{onion}\nID: {id}\n"),
    ("blackout-typo", "en", "RAEDME.txtt", "utf-8",
     "Your files are encrypted and your data exported. Contact {mail}. ID {id8}\n"),
    ("rook-nfo", "en", "restore.nfo", "utf-8",
     "Rook: your files are encrypted and your data downloaded. http://{onion} key {key}\n"),
    ("darkvault-me", "en", "INFO.me", "utf-8",
     "DarkVault holds your data. http://{onion}/ . Contact {mail}.\n"),
    ("linkc-crlf", "en", "LINKC_README.TXT", "crlf",
     "LinkC\r\nESXi encrypted, documents copied.\r\nhttp://{onion}/ code {id}\r\n"),
    ("silentransom-crlf", "en", "Payment-Notice.txt", "crlf",
     "We copied your files. We will call your clients. Mail {mail}, ref {id}, {hours} hours.\n"),
]


def _pick(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


COMPANIES = ["Praxis Dr. Schmid", "Cabinet Lefèvre", "Studio Conti", "Zahnarztpraxis Frei", "Clinique Saint-Roch",
             "Treuhand Steiner", "Physio Ammann", "Notariat Perrin"]


def notes(rng):
    """The fresh notes with their placeholders filled from rng."""
    out = []
    for fam, lang, name, enc, text in NOTES:
        company = rng.choice(COMPANIES)
        v = {
            "onion": _pick(rng, B32, 56) + ".onion", "onion2": _pick(rng, B32, 56) + ".onion",
            "id": _pick(rng, HEX, 32).upper(), "id8": _pick(rng, HEX, 8), "key": _pick(rng, ALNUM, 64),
            "tox": _pick(rng, HEX, 76).upper(), "session": "05" + _pick(rng, HEX, 64),
            "mail": _pick(rng, "abcdefghijklmnopqrstuvwxyz", 9) + "@" + rng.choice(["onionmail.org", "proton.me", "tutanota.com", "mailum.com", "keemail.me"]),
            "mail2": _pick(rng, "abcdefghijklmnopqrstuvwxyz", 8) + "@" + rng.choice(["cyberfear.com", "airmail.cc"]),
            "btc": "bc1q" + _pick(rng, "023456789acdefghjklmnpqrstuvwxyz", 38),
            "tg": _pick(rng, "abcdefghijklmnopqrstuvwxyz_", 10), "gb": str(rng.randint(30, 800)),
            "hours": str(rng.choice([24, 48, 72, 96])), "date": "2026-12-2%d" % rng.randint(0, 9),
            "company": company, "company_up": company.upper().replace(" ", "_").replace(".", ""),
            "ext": _pick(rng, "abcdefghijklmnopqrstuvwxyz0123456789", rng.choice([5, 6, 8])),
        }
        out.append((fam, lang, name.format(**v).strip() if name.strip() else name, enc, text.format(**v)))
    return out
