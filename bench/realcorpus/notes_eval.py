# Ransom notes of the EVALUATION corpus (issue 20).
#
# Written before any tuning, committed first, and not read again while the rules were
# tuned (the tuning corpus has its own notes, notes_tune.py, written afterwards without
# looking at these). Families: none that data/rules/ransom-notes.yar, data/notes/names.txt,
# data/extensions/ransom.txt or tests/corpus/notes.py names. Texts written for riposte
# from public descriptions of each family's notes (vendor write-ups, advisories, victims'
# posts): what they say and how they are named, in our own words; onion addresses, mails,
# IDs and keys are made up from the seed.
#
# notes(rng) returns a list of (family, lang, file name, encoding, text); encoding is
# "utf-8", "utf-16" (LE with BOM), "html" or "crlf" (UTF-8 with CRLF line ends).

B32 = "abcdefghijklmnopqrstuvwxyz234567"
HEX = "0123456789abcdef"
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

NOTES = [
    # ---- data-theft extortion: never a word about decryption
    ("karakurt", "en", "README.txt", "utf-8",
     "Hello, {company}.\n\nWe have breached your internal network and taken {gb} GB of your data: "
     "HR files, payroll, contracts, patient records, e-mails of your management.\n"
     "You have {hours} hours to get in touch. If we do not hear from you, we start calling your clients "
     "and partners, and the data goes to our blog.\n\nTo talk to us:\n1. Install Tor Browser.\n"
     "2. Open http://{onion}/\n3. Enter your ID: {id}\n\nDo not involve negotiators or the press.\n"),
    ("karakurt", "en", "read_this", "utf-8",
     "{company}: {gb} GB exfiltrated from your file server. Proof and chat: http://{onion} "
     "ID {id}. {hours}h, then public.\n"),
    ("ransomhouse", "en", "How To Restore Your Files.txt", "utf-8",
     "Dear management of {company},\n\nWe are RansomHouse. We do not break things, we show you where you are broken. "
     "During our visit we copied {gb} GB of sensitive data from your servers.\n"
     "A list of the files is available to you on request. If you choose to ignore this message, the data will be "
     "published on our website and offered to interested parties.\n\nContact us within {hours} hours: http://{onion}\n"
     "Your personal ID: {id}\n"),
    ("bianlian", "en", "Look at this instruction.txt", "utf-8",
     "Your network was attacked by BianLian group.\nWe took the following data from your network: "
     "accounting, HR, legal, medical records, e-mails and more, {gb} GB in total.\n"
     "If you don't contact us in {hours} hours, we will publish everything on our leak site and notify "
     "your customers and the regulator.\n\nContact: Tox {tox}\nMail: {mail}\nYour ID: {id}\n"),
    ("bianlian", "en", "Look at this instruction.txt ", "utf-16",
     "Your network was attacked. We downloaded {gb} GB of your company data.\n"
     "Write to us in qTox: {tox}\nor by mail {mail}\nBefore the deadline ({hours} hours) or everything goes public.\n"),
    ("everest", "en", "everest_readme.html", "html",
     "Everest Group\n\nWe have access to your network and we have downloaded your confidential data.\n"
     "Your data will be sold or published on our blog http://{onion}/ if you do not contact us.\n"
     "Contact us via Tox: {tox}\nYou have {hours} hours.\nID: {id}\n"),
    ("snatch", "en", "HOW TO RESTORE YOUR FILES.TXT", "crlf",
     "Hello! Your company's data has been stolen by Snatch team.\n"
     "We have a lot of your private information: financial documents, databases, personal data of employees.\n"
     "If you do not contact us, the data will be published on our news site http://{onion} in {hours} hours.\n"
     "Our mail: {mail}\nYour code: {id}\n"),
    ("donut", "en", "readme.txt", "utf-8",
     "D0nut leaks\n\nWe have exfiltrated {gb} GB from {company}. Samples are already on http://{onion}/ "
     "The rest follows in {hours} hours unless you reach us through the chat with this key:\n{key}\n"),
    ("daixin", "en", "README.txt", "utf-8",
     "Daixin Team.\nYour server infrastructure and patient data were taken by us. "
     "We have a full copy of your EHR and PACS exports.\n"
     "Contact us before {date} or the data will be posted for everyone to see.\nhttp://{onion}\nYour ID: {id}\n"),
    ("lapsus", "en", "hello.txt", "utf-8",
     "We got in. We have your source code, your customer data and your VPN accounts.\n"
     "Reach out on Telegram @{tg} within {hours} hours or we post it all.\n"),
    ("ransomhub", "en", "README_{id8}.txt", "utf-8",
     "We are the RansomHub.\n\nYour company servers are locked and data has been taken to our servers. "
     "This is serious.\n\nGood news:\n- your server system and data will be restored by our team\n"
     "- your data will be erased from our servers\n\nIf you don't contact us within {hours} hours, "
     "your data will be published on our blog: http://{onion}\n\nVisit: http://{onion2}\nYour Client ID: {id}\n"),
    ("ransomhub", "en", "README_{id8}", "utf-8",
     "Your data has been taken and locked by RansomHub. Blog: http://{onion} Client ID: {id} "
     "Contact us in {hours}h or everything is published.\n"),
    ("hunters", "en", "Contact Us.txt", "utf-8",
     "_ Hunters International _\n\nYour data is stolen and encrypted.\n"
     "We downloaded {gb} GB from your network: finance, HR, clients.\n"
     "If you do not want your data published, go to http://{onion}/ and log in with\nLogin: {id}\nPassword: {key}\n"),
    ("inc", "en", "INC-README.txt", "utf-8",
     "Inc. Ransom\n\nWe have hacked you and downloaded all confidential data of your company and its clients.\n"
     "It can be exposed if you will not contact us within {hours} hours.\n"
     "Our blog is located on http://{onion}/blog\nYou can contact us in our chat http://{onion2} "
     "using your personal ID: {id}\nWe will provide you a list of the files and test decrypt.\n"),
    ("inc", "en", "INC-README.html", "html",
     "Inc. Ransom\nYour data is stolen and encrypted.\nTo restore your network and keep your data private, "
     "contact us: http://{onion}\nPersonal ID: {id}\nDeadline: {hours} hours.\n"),
    ("qilin", "en", "README-RECOVER-{ext}.txt", "utf-8",
     "-- Qilin\n\nYour network/system was encrypted.\nEncrypted files have new extension.\n\n"
     "-- Compromising and sensitive data\n\nWe have downloaded compromising and sensitive data from your system/network.\n"
     "If you refuse to communicate with us and we do not come to an agreement, your data will be published.\n"
     "Data includes: employees personal data, CVs, DL, SSN; complete network map; financial reports.\n\n"
     "-- Warning\n\n1) If you modify files - our decrypt software won't able to recover data\n"
     "2) If you use third party software - you can damage/modify files\n\n-- Recovery\n\n"
     "1) Download tor browser: https://www.torproject.org/download/\n2) Go to domain http://{onion}\n"
     "3) Enter credentials\n\n-- Credentials\n\nExtension: {ext}\nDomain: {onion}\nlogin: {id}\npassword: {key}\n"),
    ("noescape", "en", "HOW_TO_RECOVER_FILES.txt", "utf-8",
     "NoEscape\n\nAll your files have been encrypted by NoEscape. We have also downloaded a lot of private data "
     "from your network.\nTo restore your files and stop the publication you have to pay for the decryption tool.\n"
     "Your personal ID: {id}\n\nUse Tor Browser: http://{onion}\n"),
    ("cactus", "en", "cAcTuS.readme.txt", "utf-8",
     "Your corporate network was compromised.\nIt has been infected by CACTUS ransomware. "
     "All your files are encrypted and important confidential data has been downloaded.\n\n"
     "Contact us via TOX: {tox}\nBackup mail: {mail}\n\nIf you do not contact us within 5 days, we will publish "
     "your data in our blog http://{onion}\n"),
    ("trigona", "en", "how_to_decrypt.hta", "html",
     "Trigona\nAll your documents, databases, backups and other critical files and data were encrypted.\n"
     "Our data loader downloaded a large amount of data, which will be offered for sale at an auction.\n"
     "To buy the decryption key, open http://{onion} in Tor Browser and use your key:\n{key}\n"),
    ("moneymessage", "en", "money_message.log", "utf-8",
     "Your files was encrypted by \"Money message\" ransomware. Do not try to decrypt them by yourself - "
     "it's impossible.\n\nIt's just a business and we care only about getting benefits. The only way to get your files back "
     "is to contact us and get further instructions.\n\nTo prove that we have a decryptor send us any encrypted file "
     "(less than 1 megabyte) and we will decrypt it for free.\n\nAlso we have copied your data, "
     "{gb} GB, and if you don't contact us in 48 hours it will be published.\n\nContact: http://{onion}\n"
     "Your ID: {id}\n"),
    ("moneymessage", "en", "money_message.log", "utf-16",
     "We have downloaded your data. Chat: http://{onion} ID: {id}. 48 hours.\n"),
    ("cuba", "en", "!! READ ME !!.txt", "crlf",
     "Greetings! Unfortunately, we have to report that your company were compromised.\n"
     "All your files were encrypted and you can't restore them without our private key.\n"
     "Trying to restore it without our help may cause complete loss of your data.\n"
     "Also we researched whole your corporate network and downloaded all your sensitive data to our servers.\n"
     "If we will not get any contact from you in the next 3 days we will public it in our news site.\n"
     "You can find it there: http://{onion}\n\nTox: {tox}\nMail: {mail}\n"),
    ("vicesociety", "en", "!!!ALL YOUR FILES ARE ENCRYPTED!!!.TXT", "utf-8",
     "Your company has been hacked by Vice Society. Your data has been downloaded and your files encrypted.\n"
     "Check our leak site: http://{onion}\nIf you want your files back and your data not published, contact us:\n"
     "{mail}\n{mail2}\n"),
    ("nokoyawa", "en", "NOKOYAWA_readme.txt", "utf-8",
     "Dear usernames,\nYour network has been compromised and all your data has been encrypted.\n"
     "We have exfiltrated {gb} GB of your data. To restore your files and prevent the leak you have to contact us.\n"
     "Chat: http://{onion}/?id={id}\n"),
    ("yanluowang", "en", "README.txt", "utf-8",
     "Your network has been infected by us. We have copied all your company data.\n"
     "Do not contact the police or recovery companies, or we will start DDoS attacks and will call your employees "
     "and business partners. We will leak your data in 10 days.\n"
     "To contact us, use Tor Browser: http://{onion}\nor mail {mail}\nYour ID: {id}\n"),
    ("avoslocker", "en", "GET_YOUR_FILES_BACK.txt", "utf-8",
     "Attention!\n\nYour systems have been encrypted, and your confidential documents were downloaded.\n"
     "In order to restore your data, you must pay for the decryption key & application.\n"
     "You may do so by visiting us at http://{onion}.\nThis is an onion address that you may access using Tor Browser.\n\n"
     "Use the following code to access your invoice: {id}\n\nIf you refuse to cooperate, your data will be "
     "published on our press release site.\n"),
    ("ragnarlocker", "en", "RGNR_{id8}.txt", "utf-8",
     "**********************************************************\n"
     "Hello *{company}* !\nYour data was ENCRYPTED and STOLEN by RAGNAR_LOCKER.\n\n"
     "We have stolen the most sensitive data from your file server and databases: {gb} GB.\n"
     "If you will not make the deal, your data will be published on our leak blog and sent to your competitors.\n\n"
     "To contact us:\n1) Download Tor Browser\n2) Open link http://{onion}/client/?{key}\n"
     "3) Use the password {id}\n"
     "**********************************************************\n"),
    ("pysa", "en", "Readme.README", "utf-8",
     "Hi Company,\n\nEvery byte on any types of your devices was encrypted.\nDon't try to use backups because it were "
     "encrypted too.\n\nTo get all your data back contact us:\n{mail}\n{mail2}\n\n"
     "Also, be aware that we downloaded files from your servers and in case of non-payment we will be forced to "
     "upload them on our website, and if necessary, we will sell them on the darknet.\n\n"
     "FAQ:\n1. Can we see proof? Yes, write to us.\n2. How long? {hours} hours.\n\nLink: http://{onion}\n"),
    ("doppelpaymer", "en", "invoice.xlsx.readme2unlock.txt", "utf-8",
     "Hello! Your network has been hacked and infected by DoppelPaymer.\n"
     "All files have been encrypted and downloaded to our servers.\n"
     "To receive the unlocking software go to http://{onion}/order/{key} and enter this key:\n{id}\n"
     "If you refuse, the files will be published.\n"),
    ("egregor", "en", "RECOVER-FILES.txt", "utf-8",
     "What happened?\n\nYour network was ATTACKED, your computers and servers were LOCKED, "
     "your private data was DOWNLOADED.\n\nWhat does it mean?\n\nIt means that we will publish your private data "
     "in {hours} hours if you do not contact us. Mass media and your partners will get it.\n\n"
     "How to contact us?\n1. Download the TOR Browser\n2. Open http://{onion}/{id}\n3. Follow the instructions\n"),
    ("netwalker", "en", "{id8}-Readme.txt", "utf-8",
     "Hi!\nYour files are encrypted by Netwalker.\nAll encrypted files have extension {ext}\n\n"
     "If for some reason you read this text before the encryption ended, this can be understood by the fact that "
     "the computer slows down, turn it off.\n\nDecryption is only possible with our program.\n"
     "Steps to get access on our website:\n1. Download and install tor-browser\n2. Go to http://{onion}\n"
     "3. Put your personal code in the input form:\n{{code_{id}}}\n"),
    ("darkside", "en", "README.{id8}.TXT", "utf-8",
     "----------- [ Welcome to DarkSide ] ------------->\n\nWhat happend?\n"
     "Your computers and servers are encrypted, backups are deleted. We use strong encryption algorithms, so you "
     "cannot decrypt your data.\nBut you can restore everything by purchasing a special program from us - universal "
     "decryptor.\n\nWhat info was leaked?\n{gb} GB: accounting, finance, personal data.\n"
     "All data will be published on our site if you do not pay: http://{onion}/{id}\n\n"
     "How to contact us?\nhttp://{onion2}/{key}\n"),
    ("blackmatter", "en", "{id8}.README.txt", "utf-8",
     "~+ BlackMatter +~\n\n>>> What happens?\nYour network is encrypted, and currently not operational. "
     "We need only money, after payment we will give you a decryptor for the entire network.\n"
     ">>> What guarantees?\nWe are not a politically motivated group.\n"
     ">>> Data leak\nWe uploaded {gb} GB of your data.\n"
     ">>> How to contact us?\nhttp://{onion}/{id}\n"),
    ("avaddon", "en", "{id8}_readme_.txt", "utf-8",
     "---=== Avaddon ===---\n\nYour network has been infected by Avaddon.\n"
     "All your documents, photos, databases and other important files have been encrypted and you are not able to "
     "decrypt it by yourself. We have also downloaded a lot of private data from your network.\n"
     "Open Tor Browser and go to http://{onion}\nYour ID: {id}\n"),
    ("zeppelin", "en", "!!! ALL YOUR FILES ARE ENCRYPTED !!!.TXT", "crlf",
     "ALL YOUR FILES ARE ENCRYPTED !!!\n\nAll your files, documents, photos, databases and other important "
     "files are encrypted.\nYou are not able to decrypt it by yourself! The only method of recovering files is to "
     "purchase an unique private key.\n\nTo be sure we have the decryptor and it works you can send an email: "
     "{mail} and decrypt one file for free.\n\nYour personal ID: {id}\n"),
    ("mallox", "en", "FILE RECOVERY.txt", "utf-8",
     "Hello\nYour files are encrypted and can not be used\nTo return your files in work condition you need "
     "decryption tool\nFollow the instructions to decrypt all your data\n\nDo not try to change or restore files "
     "yourself, this will break them\nIf you want, on our site you can decrypt one file for free.\n\n"
     "How to get decryption tool:\n1) Download and install TOR browser\n2) Open our website: {onion}\n"
     "3) Put your personal ID: {id}\n\nYour company's confidential data have been stolen. We will publish it.\n"),
    ("blackbyte", "en", "BlackByte_restoremyfiles.hta", "html",
     "BlackByte\nAll your files have been encrypted, your confidential data has been stolen.\n"
     "In order to decrypt files and avoid leakage, you must follow our steps.\n"
     "1) Download and install TOR Browser.\n2) Paste the link: http://{onion}/?id={id}\n"
     "3) Enter your key: {key}\nWarning! Do not try to decrypt files yourself.\n"),
    ("lv", "en", "{ext}-readme.txt", "utf-8",
     "---=== LV ===---\n\n[+] What's happened? [+]\nYour files are encrypted and currently unavailable. "
     "All files on your system have extension {ext}.\nWe also downloaded your data; it will be published if you "
     "don't pay.\n\n[+] How to get access on website? [+]\n1) Download and install TOR browser\n"
     "2) Open our website: http://{onion}/{key}\n"),
    ("monti", "en", "readme.txt", "utf-8",
     "Hello! We are Monti.\nAll your files are encrypted and we have downloaded your important data.\n"
     "Write to us in the chat: http://{onion}\nUse your ID to log in: {id}\n"
     "If you don't write within 72 hours, the data goes to our blog.\n"),
    ("blacksuit", "en", "readme.blacksuit.txt", "utf-8",
     "Good whatever time of day it is!\n\nYour safety service did a really poor job of protecting your files "
     "against our professionals.\nExtortioner named BlackSuit has attacked your system.\n\n"
     "As a result all your essential files were encrypted and saved at a secure server for further use and "
     "publishing on the Web into the public realm.\n\nNow we have all your files like: financial reports, "
     "intellectual property, accounting, law actions and complaints, personal files and so on and so forth.\n\n"
     "We are able to solve this problem in one touch.\nWe (BlackSuit) are ready to give you an opportunity to get all "
     "the things back if you agree to make a deal with us.\n\nYou have a chance to get rid of all possible "
     "financial, legal, insurance and many others risks and problems for a quite small compensation.\n"
     "You can have a safety review of your systems.\n\nYour personal ID: {id}\n\nhttp://{onion}/?id={id}\n"),
    ("dragonforce", "en", "readme.txt", "utf-8",
     "DragonForce\n\nWe have taken your data and encrypted your systems.\n"
     "Your data is stored on our servers and we will publish it on our blog in {hours} hours.\n"
     "Do not try to recover the files yourself, contact us instead: http://{onion}\nLogin ID: {id}\n"),
    ("fog", "en", "readme.txt", "utf-8",
     "If you are reading this, then you have been the victim of a cyber attack. "
     "We call ourselves Fog and we take responsibility for this incident.\n"
     "We are the ones who encrypted your data and also copied some of it to our internal resource.\n"
     "The sooner you contact us, the sooner we can resolve this incident and get you back to work.\n\n"
     "To contact us you need to have Tor browser installed:\n1. Follow the link: http://{onion}\n"
     "2. Enter the code: {id}\n3. Now you can start a chat with our team.\n"),
    ("lynx", "en", "README.txt", "utf-8",
     "Your data is stolen and encrypted.\nYour unique identificator: {id}\n\n"
     "Use this TOR site to contact with us: http://{onion}/login\nUse this email to contact with us: {mail}\n\n"
     "Our blog: http://{onion2}\n"),
    ("interlock", "en", "!__README__!.txt", "utf-8",
     "INTERLOCK - CRITICAL SECURITY BREACH\n\nYour systems were infiltrated and all critical data was exfiltrated "
     "and encrypted. Leaked data: financial records, client data, internal documents.\n"
     "You have 96 hours to contact us. After that, the data will be publicly released and the regulators notified.\n\n"
     "Access the portal: http://{onion}\nCompany ID: {id}\n"),
    ("safepay", "en", "readme_safepay.txt", "utf-8",
     "Greetings.\n\nWe are SafePay. Your network was compromised, files encrypted and data stored on our side.\n"
     "Nothing personal, just business.\nFollow the link in Tor: http://{onion}\nYour code: {id}\n"),
    ("embargo", "en", "HOW_TO_RECOVER_FILES.txt", "utf-8",
     "Your network has been breached by Embargo team.\nYour sensitive data has been downloaded and your files "
     "are encrypted.\nDo not modify encrypted files. Do not contact data recovery companies.\n"
     "Enter our chat: http://{onion}/#/{id}\n"),
    ("termite", "en", "How To Restore Your Files.txt", "utf-8",
     "Termite\n\nAll your files are stolen and encrypted.\nYou have 72 hours to contact us. If you don't, we will "
     "publish the data.\n\nDownload Tor Browser, open http://{onion}, enter your ID {id}.\n"),
    ("cicada3301", "en", "Recovery_Instructions.txt", "utf-8",
     "Hello.\n\nWe are Cicada3301. Your infrastructure is encrypted and your files have been copied to our servers.\n"
     "To avoid their publication and to get the decryption software, contact us:\n"
     "http://{onion}\nTicket: {id}\n"),
    ("braincipher", "en", "{id8}-Readme.txt", "utf-8",
     "~~~ Brain Cipher ~~~\n\nYour data has been stolen and encrypted.\n"
     "If you do not want the data to become public, contact us through the link:\nhttp://{onion}\n"
     "Your personal code: {id}\nEmail: {mail}\n"),
    ("kairos", "en", "README.txt", "utf-8",
     "Kairos\nWe have taken your company's data and we are ready to publish it.\n"
     "You can stop this by contacting us within 5 days on http://{onion}.\nYour ID: {id}\n"),
    ("hellcat", "en", "_README_.txt", "utf-8",
     "HellCat\n\nYou have been compromised. We have downloaded sensitive documents of your company.\n"
     "Reach us before the timer ends: http://{onion}\nIdentifier: {id}\n"),
    ("funksec", "en", "README.md", "utf-8",
     "# FunkSec\n\n## You have been breached\n\nAll your data has been encrypted and downloaded. "
     "Pay 0.1 BTC to `{btc}` and send the proof to {mail} to get the key.\n"),
    ("meow", "en", "readme.txt", "utf-8",
     "MEOW! MEOW! MEOW!\n\nYour data was stolen. We are going to publish it on our site if you don't reach us.\n"
     "Contact us: {mail}\nor Telegram @{tg}\n"),
    ("3am", "en", "RECOVER-FILES.txt", "utf-8",
     "Hello. \"3 am\" time when everything is hidden.\nYour data was stolen and encrypted.\n"
     "We do not want to harm you, we want money. We offer you to get back your data and to have it erased from "
     "our servers.\nTo contact us use Tor Browser: http://{onion}\nAccess key:\n{key}\n"),
    ("darkangels", "en", "How_To_Restore_Your_Files.txt", "utf-8",
     "Hello, {company}!\n\nYour network was attacked. We have copied {gb} GB of your data and locked your servers.\n"
     "If you do not start the negotiation, the data will be posted on our Dunghill leak site.\n"
     "Write to http://{onion} with your ID {id}.\n"),
    ("ragroup", "en", "How to restore your files.txt", "utf-8",
     "RA Group\n\nYour data are stolen and encrypted.\nData will be publicly disclosed within 3 days if you do "
     "not contact us.\nqTox: {tox}\nBlog: http://{onion}\n"),
    ("abyss", "en", "WhatHappened.txt", "utf-8",
     "We are the Abyss Locker Team.\nYour company servers are locked and the important data has been taken.\n"
     "If you don't contact us, the data will be published: http://{onion}\nYour ID: {id}\n"),
    ("knight", "en", "How To Restore Your Files.txt", "utf-8",
     "Knight Ransomware\n\nYour data has been stolen and your network encrypted.\n"
     "The stolen data will be published on our blog if you don't pay.\nTor: http://{onion}\nID: {id}\n"),
    ("lorenz", "en", "HELP_SECURITY_EVENT.html", "html",
     "Your files are downloaded, encrypted and currently unavailable.\nIf you do not contact us the data will be "
     "published.\nTo contact us please use http://{onion}\nPersonal ID: {id}\n"),
    ("mountlocker", "en", "RecoveryManual.html", "html",
     "/!\\ YOUR NETWORK IS ENCRYPTED /!\\\nYour unique ClientId: {id}\n"
     "We have downloaded your sensitive data. If you do not contact us, it will be published.\n"
     "Contact us with Tor Browser: http://{onion}/?cid={id}\n"),
    ("grief", "en", "decrypt_manual.html", "html",
     "Grief\nYour files have been encrypted and your data uploaded to our servers.\n"
     "Open http://{onion} in Tor Browser to purchase the decryption software.\nYour key:\n{key}\n"),
    ("quantum", "en", "README_TO_DECRYPT.html", "html",
     "Quantum\nYour network has been compromised, all files encrypted. We also downloaded {gb} GB.\n"
     "Contact: http://{onion}/?cid={id}\n"),
    ("blacklock", "en", "HOW_RETURN_YOUR_DATA.TXT", "utf-8",
     "BlackLock here.\nYour infrastructure is down and your data is with us.\n"
     "Talk to us: http://{onion}\nID {id}\nDeadline {hours} hours, then the leak.\n"),
    ("spacebears", "en", "README", "utf-8",
     "Space Bears\n\nYour company's data has been copied. We offer you to buy it back before it is published.\n"
     "Chat: http://{onion}\nAuthorization key: {key}\n"),
    ("eldorado", "en", "HOW_RETURN_YOUR_DATA.TXT", "utf-8",
     "Your network has been attacked through various vulnerabilities.\nAll your files are encrypted and "
     "important data has been downloaded.\nIf you want your files back contact us: http://{onion}\nID: {id}\n"),
    ("rorschach", "en", "_r_e_a_d_m_e.txt", "utf-8",
     "Your data has been stolen and encrypted. If you do not want it published, contact us: {mail}\n"
     "Attach 2 test files to your message. ID: {id}\n"),
    ("trinity", "en", "README.txt", "utf-8",
     "Trinity\n\nAll your files were encrypted and exfiltrated.\nTo restore them and keep them private contact us "
     "by mail: {mail}\nYour decrypt ID: {id}\nOur leak site: http://{onion}\n"),
    ("cloak", "en", "readme_{ext}.txt", "utf-8",
     "Cloak\nYour files are locked. Your data has been copied.\nDo not restore from backup, do not rename files.\n"
     "Chat with us: http://{onion}  ID: {id}\n"),
    ("underground", "en", "!!readme!!!.txt", "utf-8",
     "The Underground team welcomes you!\nWe would like to inform that your files have been encrypted and the "
     "important data has been downloaded: {gb} GB.\nIf you need the files back and the data kept away from the "
     "public, contact us at http://{onion}\nYour ID: {id}\n"),
    ("sarcoma", "en", "FAIL_SAFE.txt", "utf-8",
     "Sarcoma\n\nWe have exfiltrated {gb} GB of data from {company}.\nIf you do not contact us within 7 days it will "
     "be released: http://{onion}\nID {id}\n"),
    ("nitrogen", "en", "readme.txt", "utf-8",
     "Nitrogen\nYour company network is compromised. Your documents have been downloaded.\n"
     "Contact us within {hours} hours: {mail}\nor the data will be sold.\n"),
    # ---- short notes (under 300 bytes: a Tor address and a key or an ID)
    ("short-a", "en", "README.txt", "utf-8", "http://{onion}\nkey: {key}\n"),
    ("short-b", "en", "read_me", "utf-8", "Contact us: http://{onion}/chat ID {id}\n"),
    ("short-c", "en", "NOTE.txt", "utf-8", "Your data was downloaded.\n{onion}\n{id}\n"),
    ("short-d", "en", "info", "utf-8", "tor: {onion}\nlogin: {id}\npass: {key}\n"),
    ("short-e", "en", "HELLO.txt", "utf-8", "All your data are ours. Tox: {tox}\n"),
    ("short-f", "en", "README.log", "utf-8", "Files locked. Chat: http://{onion}/ Your ID: {id}\n"),
    ("short-g", "en", "!!!.txt", "utf-8", "{onion}\n{key}\n"),
    ("short-h", "en", "restore.me", "utf-8", "To get your files and data back: http://{onion}\nID {id}\n"),
    ("short-i", "en", "readme.txtt", "utf-8", "Mail us: {mail}. Your ID: {id}. 72 hours.\n"),
    ("short-j", "en", "README.tx", "utf-8", "Your network is ours. http://{onion} Code: {id}\n"),
    ("short-k", "en", "HOW_TO.txt", "utf-16", "Your files are encrypted. http://{onion}/ ID {id}\n"),
    ("short-l", "en", "DATA_LEAK.txt", "utf-8", "{gb} GB taken. Blog: http://{onion}\nChat: http://{onion2}\nID {id}\n"),
    ("short-m", "de", "LIESMICH", "utf-8", "Ihre Daten liegen bei uns. Kontakt: http://{onion} ID {id}\n"),
    ("short-n", "fr", "LISEZMOI.txt", "utf-8", "Vos données sont chez nous. Contact : http://{onion} ID {id}\n"),
    ("short-o", "en", "README.me", "utf-8", "Session ID: 05{session}\nWrite us or your data goes public.\n"),
    ("short-p", "en", "readme.htm", "html", "Your data is stolen. http://{onion}\n{id}\n"),
    # ---- other languages
    ("qilin-de", "de", "README-RECOVER-{ext}.txt", "utf-8",
     "-- Qilin\n\nIhr Netzwerk wurde kompromittiert. Wir haben vertrauliche Daten Ihres Unternehmens "
     "heruntergeladen: Personalakten, Finanzberichte, Kundendaten.\nWenn Sie sich nicht innerhalb von "
     "{hours} Stunden melden, werden die Daten auf unserem Blog veröffentlicht.\n\n"
     "Tor-Browser herunterladen und http://{onion} öffnen.\nLogin: {id}\nPasswort: {key}\n"),
    ("inc-fr", "fr", "INC-README.txt", "utf-8",
     "Inc. Ransom\n\nNous avons piraté votre réseau et téléchargé toutes les données confidentielles de votre "
     "entreprise et de ses clients.\nElles seront publiées si vous ne nous contactez pas dans les {hours} heures.\n"
     "Notre blog : http://{onion}\nVotre identifiant personnel : {id}\n"),
    ("ransomhouse-fr", "fr", "Comment récupérer vos fichiers.txt", "utf-8",
     "Madame, Monsieur,\n\nNous avons copié {gb} Go de données de vos serveurs : comptabilité, dossiers "
     "patients, contrats.\nSans réponse de votre part sous {hours} heures, ces données seront publiées sur notre "
     "site et envoyées à vos clients.\nContact : http://{onion}\nVotre ID : {id}\n"),
    ("akarakurt-de", "de", "LIES_MICH.txt", "utf-8",
     "Hallo {company},\n\nwir waren in Ihrem Netzwerk und haben {gb} GB Daten mitgenommen: Verträge, "
     "Lohnabrechnungen, Patientendaten.\nSie haben {hours} Stunden, um uns zu kontaktieren. Danach "
     "veröffentlichen wir alles und informieren Ihre Kunden.\n\nTor-Browser: http://{onion}\nIhre ID: {id}\n"),
    ("cactus-de", "de", "cAcTuS.readme.txt", "utf-8",
     "Ihr Unternehmensnetzwerk wurde kompromittiert. Alle Ihre Dateien sind verschlüsselt und wichtige "
     "vertrauliche Daten wurden heruntergeladen.\nKontakt über TOX: {tox}\nMail: {mail}\n"
     "Ohne Kontakt innerhalb von 5 Tagen veröffentlichen wir Ihre Daten.\n"),
    ("hunters-es", "es", "Contactenos.txt", "utf-8",
     "Hunters International\n\nSus datos han sido robados y cifrados.\nHemos descargado {gb} GB de su red. "
     "Si no quiere que se publiquen, entre en http://{onion}/ con\nUsuario: {id}\nContraseña: {key}\n"),
    ("everest-es", "es", "LEAME.txt", "utf-8",
     "Tenemos acceso a su red y hemos descargado sus datos confidenciales.\nSerán vendidos o publicados en nuestro "
     "blog http://{onion} si no nos contacta en {hours} horas.\nSu ID: {id}\n"),
    ("blacksuit-it", "it", "readme.blacksuit.txt", "utf-8",
     "Buongiorno.\nIl vostro sistema è stato attaccato da BlackSuit. Tutti i file importanti sono stati cifrati "
     "e copiati sui nostri server.\nSe non ci contattate, li pubblicheremo.\nhttp://{onion}/?id={id}\n"),
    ("lynx-it", "it", "LEGGIMI.txt", "utf-8",
     "I vostri dati sono stati rubati.\nContattateci entro {hours} ore tramite http://{onion} "
     "altrimenti li pubblicheremo sul nostro blog.\nCodice: {id}\n"),
    ("monti-pt", "pt", "LEIAME.txt", "utf-8",
     "Olá! Os seus dados foram roubados e os seus ficheiros bloqueados.\nEscreva-nos no chat: http://{onion}\n"
     "Use o seu ID: {id}\nSem contacto em 72 horas, os dados serão publicados.\n"),
    ("bianlian-pt", "pt", "Instrucoes.txt", "utf-8",
     "Sua rede foi atacada. Baixamos {gb} GB de dados da sua empresa.\nSe não entrar em contato em {hours} horas, "
     "vamos publicar tudo no nosso site.\nTox: {tox}\n"),
    ("fog-nl", "nl", "LEESMIJ.txt", "utf-8",
     "Als u dit leest, bent u het slachtoffer van een cyberaanval.\nWij hebben uw gegevens gekopieerd en uw "
     "systemen vergrendeld.\nNeem contact op via Tor: http://{onion}\nCode: {id}\n"),
    ("trigona-ru", "ru", "как_восстановить.txt", "utf-8",
     "Ваша сеть взломана. Мы скачали ваши данные: бухгалтерию, базы клиентов, документы.\n"
     "Если вы не свяжетесь с нами в течение {hours} часов, данные будут опубликованы.\n"
     "Tor: http://{onion}\nВаш ID: {id}\n"),
    ("lockergoga-pl", "pl", "PRZECZYTAJ.txt", "utf-8",
     "Wasze dane zostały skradzione, a pliki zablokowane.\nSkontaktuj się z nami w ciągu {hours} godzin: "
     "http://{onion}\nTwój identyfikator: {id}\n"),
    ("turk-tr", "tr", "BENIOKU.txt", "utf-8",
     "Şirketinizin verileri tarafımızdan indirildi.\n{hours} saat içinde bizimle iletişime geçmezseniz "
     "veriler yayınlanacak.\nhttp://{onion}\nKimlik: {id}\n"),
    ("zh-leak", "zh", "读我.txt", "utf-8",
     "您的公司网络已被入侵，我们已经下载了您的数据。\n如果您在 {hours} 小时内不联系我们，数据将被公开。\n"
     "Tor: http://{onion}\nID: {id}\n"),
    ("ja-leak", "ja", "お読みください.txt", "utf-8",
     "あなたの会社のデータは私たちが入手しました。\n{hours}時間以内に連絡がなければ、データを公開します。\n"
     "http://{onion}\nID: {id}\n"),
    ("dragonforce-fr", "fr", "lisezmoi.txt", "utf-8",
     "DragonForce\n\nNous avons pris vos données et bloqué vos systèmes.\nElles seront publiées sur notre blog "
     "dans {hours} heures.\nNe tentez pas de restaurer vous-même, contactez-nous : http://{onion}\nID : {id}\n"),
    ("ransomhub-de", "de", "README_{id8}.txt", "utf-8",
     "Wir sind RansomHub.\nIhre Server sind gesperrt und Ihre Daten liegen auf unseren Servern.\n"
     "Ohne Kontakt innerhalb von {hours} Stunden veröffentlichen wir sie: http://{onion}\nKunden-ID: {id}\n"),
    ("interlock-es", "es", "!__LEAME__!.txt", "utf-8",
     "INTERLOCK\nSus sistemas fueron infiltrados y los datos críticos exfiltrados.\nTiene 96 horas para "
     "contactarnos en http://{onion}\nID de empresa: {id}\n"),
    # ---- UTF-16 and HTML variants of families above (other texts)
    ("hunters-u16", "en", "Contact Us.txt", "utf-16",
     "Your data is stolen and encrypted. If you don't want it published, log in at http://{onion}/ "
     "with login {id} and password {key}.\n"),
    ("akira-like-u16", "en", "readme-recover.txt", "utf-16",
     "Whatever who you are and what your title is if you're reading this it means the internal infrastructure "
     "of your company is fully or partially dead, all your backups are gone.\nWe have also downloaded a huge "
     "amount of your corporate data prior to the blocking.\nUse Tor: http://{onion} and your code {id}.\n"),
    ("karakurt-html", "en", "READ_ME.html", "html",
     "Your company {company} was breached. {gb} GB of data were taken.\nWe will contact your clients and publish "
     "the data if you stay silent.\nhttp://{onion}/ ID: {id}\n"),
    ("medusalike-html", "en", "!!READ_THIS!!.html", "html",
     "All your data has been downloaded and is waiting for publication.\nCountdown: {hours} hours.\n"
     "To delete your data from our servers: http://{onion}\nSecret: {key}\n"),
    ("embargo-u16", "en", "HOW_TO_RECOVER_FILES.txt", "utf-16",
     "Your network has been breached by Embargo team. Sensitive data downloaded. Chat: http://{onion}/#/{id}\n"),
    ("safepay-html", "en", "readme.html", "html",
     "SafePay\nYour data is with us and your files are locked.\nTor: http://{onion}\nCode: {id}\n"),
    # ---- more English notes, encryption kind, with unusual names
    ("mimic", "en", "Decryption_INFO.txt", "utf-8",
     "All of your files are encrypted with our cryptographic algorithm.\nIf you want to restore them, write to our "
     "mail {mail} and attach one file for free decryption.\nYour ID: {id}\nDo not rename the files.\n"),
    ("bluesky", "en", "# DECRYPT FILES BLUESKY #.txt", "utf-8",
     "YOUR FILES ARE ENCRYPTED\n\nYour documents, photos, databases and other important files are encrypted.\n"
     "To decrypt your files follow the instructions:\n1. Download Tor Browser\n2. Open http://{onion}\n"
     "3. Enter your recovery key:\n{key}\n"),
    ("magniber", "en", "README.html", "html",
     "ALL YOUR DOCUMENTS PHOTOS DATABASES AND OTHER IMPORTANT FILES HAVE BEEN ENCRYPTED!\n"
     "The only method of recovering files is to purchase a unique private key.\n"
     "http://{id8}.{onion}\n"),
    ("cerber", "en", "__R_E_A_D___T_H_I_S__{id8}_.txt", "utf-8",
     "Hi, I'd like to let you know that all your documents, databases, photos and other important files were "
     "encrypted.\nYou can't decrypt your files without a special software.\nTo receive it go to http://{onion}/{id}\n"),
    ("nemty", "en", "NEMTY-DECRYPT.txt", "utf-8",
     "---> NEMTY PROJECT <---\n\nAll your files have been encrypted!\nDon't worry, you can return all your files!\n"
     "Your personal key: {key}\nGo to http://{onion}\n"),
    ("sekhmet", "en", "RECOVER-FILES.txt", "utf-8",
     "ALL OF YOUR FILES HAVE BEEN ENCRYPTED.\nWe have also downloaded your sensitive data.\n"
     "Contact us at http://{onion}/{id} to get the decryption tool before the data is published.\n"),
    ("mespinoza-fr", "fr", "Lisez-moi.README", "utf-8",
     "Bonjour,\n\nChaque octet de vos appareils a été chiffré.\nN'essayez pas d'utiliser vos sauvegardes, elles "
     "ont été chiffrées aussi.\nPour récupérer vos données, écrivez-nous : {mail}\n"),
    ("gwisin", "en", "!!!_HOW_TO_UNLOCK_{id8}_FILES_!!!.TXT", "utf-8",
     "Your company's systems were locked by us.\nWe hold your patient data too.\nTo unlock and keep it private, "
     "go to http://{onion} and log in with {id} / {key}\n"),
    ("ransomexx", "en", "!NEWS_FOR_{company_up}!.txt", "utf-8",
     "Hello, {company}!\nYour files were encrypted and you will not be able to restore them.\n"
     "We downloaded a lot of interesting data from your network.\nTo get the decryptor mail us: {mail}\n"),
    ("hellokitty", "en", "read_me_unlock.txt", "utf-8",
     "Hello, we are HelloKitty.\nYour files are locked and your network is down.\nWe have your data too.\n"
     "Chat: http://{onion}/ ID: {id}\n"),
    ("cheerscrypt", "en", "How to Restore Your Files.txt", "utf-8",
     "Your files are locked. Your data has been taken.\nContact us on Tox: {tox}\nKey: {key}\n"),
    ("akirafake-log", "en", "akira.log", "utf-8",
     "Your company network was broken into. We downloaded {gb} GB and locked the servers.\n"
     "Chat link: http://{onion}\nCode: {id}\n"),
    ("royal-like-typo", "en", "README.TXTT", "utf-8",
     "If you are reading this, your company has been hit. We took your data and locked the servers.\n"
     "Tor chat: http://{onion}/{key}\n"),
    ("noname-me", "en", "READ.ME", "utf-8",
     "All your files are encrypted and your data is stolen. Contact: {mail} ID {id}\n"),
    ("noname-noext", "en", "RESTORE_INSTRUCTIONS", "utf-8",
     "Your network was attacked. Data downloaded, servers locked.\nOpen http://{onion} in Tor Browser, "
     "enter ID {id}. {hours} hours.\n"),
    ("noname-log2", "en", "decryptor_info.log", "utf-8",
     "Your files were encrypted. Buy the decryptor: http://{onion}\nPersonal ID: {id}\n"),
    ("noname-html2", "en", "index.html", "html",
     "YOUR SYSTEMS ARE LOCKED\nYour data has been exfiltrated. Deadline: {hours} hours.\nhttp://{onion}\nID {id}\n"),
    ("noname-nfo", "en", "PAYMENT.nfo", "utf-8",
     "We have your data. Pay or it will be published. {btc}\nContact {mail}\n"),
]


def _pick(rng, alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


COMPANIES = ["Praxis Dr. Keller", "Cabinet Moreau", "Studio Rossi", "Zahnarztpraxis Weber", "Clinique du Lac",
             "Treuhand Brunner AG", "Physio Gerber", "Notariat Favre"]


def notes(rng):
    """The evaluation notes with their placeholders filled from rng."""
    out = []
    for fam, lang, name, enc, text in NOTES:
        company = rng.choice(COMPANIES)
        v = {
            "onion": _pick(rng, B32, 56) + ".onion", "onion2": _pick(rng, B32, 56) + ".onion",
            "id": _pick(rng, HEX, 32).upper(), "id8": _pick(rng, HEX, 8), "key": _pick(rng, ALNUM, 64),
            "tox": _pick(rng, HEX, 76).upper(), "session": _pick(rng, HEX, 64),
            "mail": _pick(rng, "abcdefghijklmnopqrstuvwxyz", 9) + "@" + rng.choice(["onionmail.org", "proton.me", "cock.li", "tutamail.com", "dnmx.org"]),
            "mail2": _pick(rng, "abcdefghijklmnopqrstuvwxyz", 8) + "@" + rng.choice(["mailfence.com", "firemail.cc"]),
            "btc": "bc1q" + _pick(rng, "023456789acdefghjklmnpqrstuvwxyz", 38),
            "tg": _pick(rng, "abcdefghijklmnopqrstuvwxyz_", 10), "gb": str(rng.randint(40, 900)),
            "hours": str(rng.choice([48, 72, 96, 120])), "date": "2026-12-0%d" % rng.randint(1, 9),
            "company": company, "company_up": company.upper().replace(" ", "_").replace(".", ""),
            "ext": _pick(rng, "abcdefghijklmnopqrstuvwxyz0123456789", rng.choice([5, 6, 8])),
        }
        out.append((fam, lang, name.format(**v).strip() if name.strip() else name, enc, text.format(**v)))
    return out
