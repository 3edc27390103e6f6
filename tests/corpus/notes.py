# Ransom notes of many families, and benign texts that look like them.
#
# Written from what the published notes of those families say and how they are named
# (vendor write-ups, ID Ransomware, the notes posted by victims); the onion addresses,
# mails and IDs are made up per corpus from the seed. Nothing here is taken from
# riposte's own rules: the evaluation must stay honest.
#
# Each note: (family, language, file name, encoding, body). encoding: "utf-8",
# "utf-16" (UTF-16 LE with BOM, as Windows notepad and several families write them),
# "html", "hta", "pdf".

import random


def _onion(rng, n=56):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(n)) + ".onion"


def _hexid(rng, n):
    return "".join(rng.choice("0123456789ABCDEF") for _ in range(n))


def _alnum(rng, n):
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(n))


def _btc(rng):
    return "bc1q" + "".join(rng.choice("023456789acdefghjklmnpqrstuvwxyz") for _ in range(38))


def _mail(rng, dom):
    return _alnum(rng, 8).lower() + "@" + dom


def family_exts(rng):
    """Extension each family appends to the files it encrypts (for renamed files)."""
    pid = _hexid(rng, 8)
    return {
        "lockbit": ".lockbit",
        "lockbit3": "." + _alnum(rng, 9),
        "conti": "." + _alnum(rng, 5).upper(),
        "ryuk": ".RYK",
        "revil": "." + _alnum(rng, 6).lower(),
        "blackbasta": ".basta",
        "akira": ".akira",
        "play": ".play",
        "royal": ".royal",
        "blackcat": "." + _alnum(rng, 7).lower(),
        "clop": ".Clop",
        "phobos": ".id[%s-3318].[%s].phobos" % (pid, _mail(rng, "tuta.io")),
        "dharma": ".id-%s.[%s].dharma" % (pid, _mail(rng, "aol.com")),
        "stop": ".qehu",
        "hive": "." + _alnum(rng, 20).lower(),
        "medusa": ".MEDUSA",
        "8base": ".id[%s-3483].[%s].8base" % (pid, _mail(rng, "onionmail.org")),
        "rhysida": ".rhysida",
        "wannacry": ".WNCRY",
        "locky": ".locky",
        "gandcrab": ".KRAB",
        "maze": "." + _alnum(rng, 6).lower(),
        "babuk": ".babyk",
    }


def make_notes(rng: random.Random, exts):
    """Returns a list of (family, lang, name, encoding, text)."""
    N = []
    oni = lambda: _onion(rng)
    # --- LockBit 2.0 and 3.0
    N.append(("lockbit", "en", "Restore-My-Files.txt", "utf-8",
        "All your important files are encrypted!\n"
        "Any attempts to restore your files with the thrid-party software will be fatal for your files!\n"
        "RESTORE YOU DATA POSIBLE ONLY BUYING private key from us.\n"
        "There is only one way to get your files back:\n\n"
        "| 1. Download Tor browser - https://www.torproject.org/ and install it.\n"
        "| 2. Open link in TOR browser - http://lockbitsup%s/?%s\n"
        "| This link only works in Tor Browser!\n"
        "| 3. Follow the instructions on this page\n\n"
        " ###  Attention! ###\n # Do not rename encrypted files.\n"
        " # Do not try to decrypt using third party software, it may cause permanent data loss.\n"
        " # Decryption of your files with the help of third parties may cause increased price(they add their fee to our).\n"
        " # Tor Browser may be blocked in your country or corporate network. Use https://bridges.torproject.org or use Tor Browser over VPN.\n"
        " # Tor Browser user manual https://tb-manual.torproject.org/about\n\n"
        "!!! We also download huge amount of your private data, including finance information, clients personal info, network diagrams, passwords and so on.\n"
        "Don't forget about GDPR.\n" % (oni(), _hexid(rng, 32))))
    ext3 = exts["lockbit3"].lstrip(".")
    N.append(("lockbit3", "en", ext3 + ".README.txt", "utf-8",
        "~~~ LockBit 3.0 the world's fastest and most stable ransomware from 2019~~~\n\n"
        ">>>>> Your data is stolen and encrypted.\n\n"
        "If you don't pay the ransom, the data will be published on our TOR darknet sites. "
        "Keep in mind that once your data appears on our leak site, it could be bought by your competitors at any second, so don't hesitate for a long time. "
        "The sooner you pay the ransom, the sooner your company will be safe.\n\n"
        "Tor Browser Links:\nhttp://lockbit%s\nhttp://lockbit%s\n\n"
        "Links for normal browser:\nhttp://lockbit%s.ly\n\n"
        ">>>>> What guarantee is there that we won't cheat you? \n"
        "We are the oldest ransomware affiliate program on the planet, nothing is more important than our reputation. "
        "We are not a politically motivated group and we want nothing more than money.\n\n"
        ">>>>> You need to contact us and decrypt one file for free on these TOR sites with your personal DECRYPTION ID\n\n"
        "Download and install TOR Browser https://www.torproject.org/\n"
        "Write to a chat and wait for the answer, we will always answer you.\n\n"
        ">>>>> Your personal DECRYPTION ID: %s\n\n"
        ">>>>> Warning! Do not DELETE or MODIFY any files, it can lead to recovery problems!\n\n"
        ">>>>> Warning! If you do not pay the ransom we will attack your company repeatedly again!\n"
        % (oni(), oni(), _alnum(rng, 12).lower(), _hexid(rng, 32))))
    # --- Conti
    N.append(("conti", "en", "readme.txt", "utf-8",
        "All of your files are currently encrypted by CONTI strain.\n\n"
        "As you know (if you don't - just \"google it\"), all of the data that has been encrypted by our software cannot be recovered by any means without contacting our team directly.\n"
        "If you try to use any additional recovery software - the files might be damaged, so if you are willing to try - try it on the data of the lowest value.\n\n"
        "To make sure that we REALLY CAN get your data back - we offer you to decrypt 2 random files completely free of charge.\n\n"
        "You can contact our team directly for further instructions through our website :\n\n"
        "TOR VERSION :\n(you should download and install TOR browser first https://torproject.org)\n\n"
        "http://contirecovery%s/%s\n\n"
        "HTTPS VERSION :\nhttps://contirecovery.best/%s\n\n"
        "YOU SHOULD BE AWARE!\nJust in case, if you try to ignore us. We've downloaded a pack of your internal data and are ready to publish it on out news website if you do not respond. "
        "So it will be better for both sides if you contact us as soon as possible.\n\n---BEGIN ID---\n%s\n---END ID---\n"
        % (oni(), _alnum(rng, 64), _alnum(rng, 64), _alnum(rng, 64))))
    # --- Ryuk (txt and html)
    ryuk_mail = _mail(rng, "protonmail.com")
    ryuk = ("Your network has been penetrated.\n\n"
        "All files on each host in the network have been encrypted with a strong algorithm.\n\n"
        "Backups were either encrypted or deleted or backup disks were formatted.\n"
        "Shadow copies also removed, so F8 or any other methods may damage encrypted data but not recover.\n\n"
        "We exclusively have decryption software for your situation.\n"
        "No decryption software is available in the public.\n\n"
        "DO NOT RESET OR SHUTDOWN - files may be damaged.\n"
        "DO NOT RENAME OR MOVE the encrypted and readme files.\n"
        "DO NOT DELETE readme files.\n"
        "This may lead to the impossibility of recovery of the certain files.\n\n"
        "To get info (decrypt your files) contact us at\n%s\nor\n%s\n\n"
        "BTC wallet:\n%s\n\nRyuk\nNo system is safe\n" % (ryuk_mail, _mail(rng, "tutanota.com"), _btc(rng)))
    N.append(("ryuk", "en", "RyukReadMe.txt", "utf-16", ryuk))
    N.append(("ryuk", "en", "RyukReadMe.html", "html", ryuk))
    # --- REvil / Sodinokibi
    rext = exts["revil"].lstrip(".")
    N.append(("revil", "en", rext + "-readme.txt", "utf-8",
        "---=== Welcome. Again. ===---\n\n[+] Whats Happen? [+]\n\n"
        "Your files are encrypted, and currently unavailable. You can check it: all files on your system has extension %s.\n"
        "By the way, everything is possible to recover (restore), but you need to follow our instructions. Otherwise, you cant return your data (NEVER).\n\n"
        "[+] What guarantees? [+]\n\n"
        "Its just a business. We absolutely do not care about you and your deals, except getting benefits. If we do not do our work and liabilities - nobody will not cooperate with us. Its not in our interests.\n"
        "To check the file capacity, please go to our website. There you can decrypt one file for free. That is our guarantee.\n"
        "If you will not cooperate with our service - for us, its does not matter. But you will lose your time and data, cause just we have the private key. In practise - time is much more valuable than money.\n\n"
        "[+] How to get access on website? [+]\n\nYou have two ways:\n\n"
        "1) [Recommended] Using a TOR browser!\n  a) Download and install TOR browser from this site: https://torproject.org/\n"
        "  b) Open our website: http://aplebzu47wgazapdqks6vrcv6zcnjppkbxbr6wketf56nf6aq2nmyoyd.onion/%s\n\n"
        "2) If TOR blocked in your country, try to use VPN! But you can use our secondary website. For this:\n"
        "  a) Open your any browser (Chrome, Firefox, Opera, IE, Edge)\n  b) Open our secondary website: http://decryptor.cc/%s\n\n"
        "Warning: secondary website can be blocked, thats why first variant much better and more available.\n\n"
        "On the page, you will see instructions for payment. Extension name:\n\n%s\n\n"
        "!!! DANGER !!!\nDONT try to change files by yourself, DONT use any third party software for restoring your data or antivirus solutions - its may entail damge of the private key and, as result, The Loss all data.\n"
        "!!! !!! !!!\nONE MORE TIME: Its in your interests to get your files back. From our side, we (the best specialists) make everything for restoring, please should not interfere.\n"
        % (rext, _hexid(rng, 16), _hexid(rng, 16), rext)))
    # --- Black Basta
    N.append(("blackbasta", "en", "readme.txt", "utf-8",
        "ATTENTION!\nYour network has been breached and all data was encrypted. Please contact us at:\n"
        "https://aazsbsgya565vlu2c6bzy6yfiebkcbtvvcytvolt33s77xypi7nypxyd.onion/\n\n"
        "Login ID: %s\n\n*!* To access .onion websites download and install Tor Browser at:\n"
        "https://www.torproject.org/ (Tor Browser is not related to us)\n\n"
        "*!* To restore all your PCs and get your network working again, follow these instructions:\n\n"
        "- Any attempts to modify, decrypt or rename the files will lead to its fatal corruption. It doesn't matter, who are trying to do this, either it will be your IT guys or a recovery agency.\n\n"
        "Please follow these simple rules to avoid data corruption:\n\n"
        "- Do not modify, rename or delete files. Any attempts to modify, decrypt or rename the files will lead to its fatal corruption.\n\n"
        "- Do not hire a recovery company. They can't decrypt without the key. \nThey also don't care about your business. They believe that they are good negotiators, but it is not. They usually fail. So speak for yourself.\n\n"
        "Waiting you in a chat.\n" % _hexid(rng, 36).lower()))
    N.append(("blackbasta", "en", "instructions_read_me.txt", "utf-8",
        "Your data are stolen and encrypted\n\n"
        "The data will be published on TOR website if you do not pay the ransom\n\n"
        "You can contact us and decrypt one file for free on this TOR site\n"
        "(you should download and install TOR browser first https://torproject.org)\n"
        "https://stniiomyjliimcgkvdszvgen3eaaoz55hreqqx6o77yvmpwt7gklffqd.onion/\n\n"
        "Your company id for log in: %s\n" % _hexid(rng, 36).lower()))
    # --- Akira
    N.append(("akira", "en", "akira_readme.txt", "utf-8",
        "Hi friends,\n\nWhatever who you are and what your title is if you're reading this it means the internal infrastructure of your company is fully or partially dead, "
        "all your backups - virtual, physical - everything that we managed to reach - are completely removed. Moreover, we have taken a great amount of your corporate data prior to encryption.\n\n"
        "Well, for now let's keep all the tears and resentment to ourselves and try to build a constructive dialogue. We're fully aware of what damage we caused by locking your internal sources. "
        "At the moment, you have to know:\n\n"
        "1. Dealing with us you will save A LOT due to we are not interested in ruining your financially. We will study in depth your finance, bank & income statements, your savings, investments etc. and present our reasonable demand to you. "
        "If you have an active cyber insurance, let us know and we will guide you how to properly use it. Also, dragging out the negotiation process will lead to failing of a deal.\n"
        "2. Paying us you save your TIME, MONEY, EFFORTS and be back on track within 24 hours approximately. Our decryptor works properly on any files or systems, so you will be able to check it by requesting a test decryption service from the beginning of our conversation. "
        "If you decide to recover on your own, keep in mind that you can permanently lose access to some files or accidently corrupt them - in this case we won't be able to help.\n"
        "3. The security report or the exclusive first-hand information that you will receive upon reaching an agreement is of a great value, since NO full audit of your network will show you the vulnerabilities that we've managed to detect and used in order to get into, identify backup solutions and upload your data.\n"
        "4. As for your data, if we fail to agree, we will try to sell personal information/trade secrets/databases/source codes - generally speaking, everything that has a value on the darkmarket - to multiple threat actors at ones. Then all of this will be published in our blog -\n"
        "https://akiral2iz6a7qgd3ayp3l6yub7xx2uep76idk3u2kollpj5z3z636bad.onion.\n\n"
        "5. We're more than negotiable and will definitely find the way to settle this quickly and reach an agreement which will satisfy both of us.\n\n"
        "If you're indeed interested in our assistance and the services we provide you can reach out to us following simple instructions:\n\n"
        "1. Install TOR Browser to get access to our chat room - https://www.torproject.org/download/.\n"
        "2. Paste this link - https://akiralkzxzq2dsrzsrvbr2xgbbu2wgsmxryd4csgfameg52n7efvr2id.onion.\n"
        "3. Use this code - %s - to log into our chat.\n\n"
        "Keep in mind that the faster you will get in touch, the less damage we cause.\n" % _hexid(rng, 4) + "-" + _hexid(rng, 4) + "-" + _hexid(rng, 4)))
    # --- Play (short)
    N.append(("play", "en", "ReadMe.txt", "utf-8",
        "PLAY\nnews portal, tor network links:\n%s\n%s\n%s\n" % (
            "mbrlkbtq5jonaqkurjwmxftytyn2ethqvbxfu4rgjbkkknndqwae6byd.onion",
            "k7kg3jqxang3wh7hnmaiokchk7qoebupfgoik6rha6mjpzwupwtj25yd.onion/" + _alnum(rng, 10),
            _mail(rng, "gmx.com"))))
    # --- Royal
    N.append(("royal", "en", "README.TXT", "utf-8",
        "Hello!\n\nIf you are reading this, it means that your system were hit by Royal ransomware.\n"
        "Please contact us via :\nhttp://royal2xthig3ou5hd7zsliqagy6yygk2cdelaxtni2fyad6dpmpxedid.onion/%s\n\n"
        "In the meantime, let us explain this case.It may seem complicated, but it is not!\n"
        "Most likely what happened was that you decided to save some money on your security infrastructure.\n"
        "Alas, as a result your critical data was not only encrypted but also copied from your systems on a secure server.\n"
        "From there it can be published online.Then anyone on the internet from darknet criminals, ACLU journalists, Chinese government(different names for the same thing), and even your employees will be able to see your internal documentation: personal data, HR reviews, internal lawsuitsand complains, financial reports, accounting, intellectual property, and more!\n\n"
        "Fortunately we got you covered!\n\n"
        "Royal offers you a unique deal.For a modest royalty(got it; got it ? ) for our pentesting services we will not only provide you with an amazing risk mitigation service,\n"
        "covering you from reputational, legal, financial, regulatory, and insurance risks, but will also provide you with a security review for your systems.\n"
        "To put it simply, your files will be decrypted, your data restoredand kept confidential, and your systems will remain secure.\n\n"
        "Try Royal today and enter the new era of data security!\nWe are looking to hearing from you soon!\n" % _hexid(rng, 64).lower()))
    # --- BlackCat / ALPHV
    bext = exts["blackcat"].lstrip(".")
    N.append(("blackcat", "en", "RECOVER-%s-FILES.txt" % bext, "utf-16",
        ">> Introduction\n\nImportant files on your network was ENCRYPTED and now they have \"%s\" extension.\n"
        "In order to recover your files you need to follow instructions below.\n\n"
        ">> Sensitive Data\n\nSensitive data on your network was DOWNLOADED.\n"
        "If you DON'T WANT your sensitive data to be PUBLISHED you have to act quickly.\n\n"
        "Data includes:\n- Employees personal data, CVs, DL, SSN.\n- Complete network map including credentials for local and remote services.\n"
        "- Private financial information including: clients data, bills, budgets, annual reports, bank statements.\n"
        "- Manufacturing documents including: datagrams, schemas, drawings in solidworks format\n- And more...\n\n"
        ">> CAUTION\n\nDO NOT MODIFY ENCRYPTED FILES YOURSELF.\nDO NOT USE THIRD PARTY SOFTWARE TO RESTORE YOUR DATA.\n"
        "YOU MAY DAMAGE YOUR FILES, IT WILL RESULT IN PERMANENT DATA LOSS.\n\n"
        ">> What should I do next?\n\n"
        "1) Download and install Tor Browser from: https://torproject.org/\n"
        "2) Navigate to: http://%s/?access-key=%s\n" % (bext, oni(), _alnum(rng, 88))))
    # --- Clop
    N.append(("clop", "en", "ClopReadMe.txt", "utf-8",
        "Your network has been penetrated.\n\nAll files on each host in the network have been encrypted with a strong algorithm.\n\n"
        "Backups were either encrypted or deleted or backup disks were formatted.\n"
        "Shadow copies also removed, so F8 or any other methods may damage encrypted data but not recover.\n\n"
        "We exclusively have decryption software for your situation\nNo decryption software is available in the public.\n\n"
        "DO NOT RESET OR SHUTDOWN - files may be damaged.\nDO NOT RENAME OR MOVE the encrypted and readme files.\n"
        "DO NOT DELETE readme files.\nThis may lead to the impossibility of recovery of the certain files.\n\n"
        "To get info (decrypt your files) contact us at your personal contact:\n%s\nor\n%s\n\n"
        "The final price depends on how fast you write to us.\n"
        "You can attach up to 3 files (less than 5 Mb, not databases) to check our guarantee, we will decrypt them for free.\n\n"
        "Clop\n\nNothing personal just business\n" % (_mail(rng, "tutanota.com"), _mail(rng, "protonmail.com"))))
    # --- Phobos (txt + hta)
    pmail = _mail(rng, "tuta.io")
    pid = _hexid(rng, 8) + "-3318"
    N.append(("phobos", "en", "info.txt", "utf-8",
        "!!!All of your files are encrypted!!!\nTo decrypt them send e-mail to this address: %s.\n"
        "If we don't answer in 24h., send e-mail to this address: %s\n" % (pmail, _mail(rng, "cock.li"))))
    N.append(("phobos", "en", "info.hta", "hta",
        "All your files have been encrypted!\n"
        "All your files have been encrypted due to a security problem with your PC. If you want to restore them, write us to the e-mail %s\n"
        "Write this ID in the title of your message %s\n"
        "In case of no answer in 24 hours write us to this e-mail: %s\n"
        "You have to pay for decryption in Bitcoins. The price depends on how fast you write to us. After payment we will send you the tool that will decrypt all your files.\n"
        "Free decryption as guarantee\nBefore paying you can send us up to 5 files for free decryption. The total size of files must be less than 4Mb (non archived), and files should not contain valuable information. (databases,backups, large excel sheets, etc.)\n"
        "How to obtain Bitcoins\nThe easiest way to buy bitcoins is LocalBitcoins site. You have to register, click 'Buy bitcoins', and select the seller by payment method and price.\n"
        "Attention!\nDo not rename encrypted files.\nDo not try to decrypt your data using third party software, it may cause permanent data loss.\n"
        "Decryption of your files with the help of third parties may cause increased price (they add their fee to our) or you can become a victim of a scam.\n"
        % (pmail, pid, _mail(rng, "cock.li"))))
    # --- Dharma
    dmail = _mail(rng, "aol.com")
    N.append(("dharma", "en", "FILES ENCRYPTED.txt", "utf-8",
        "all your data has been locked us\nYou want to return?\nwrite email %s or %s\n" % (dmail, _mail(rng, "india.com"))))
    N.append(("dharma", "en", "Info.hta", "hta",
        "YOUR FILES ARE ENCRYPTED\nDon't worry,you can return all your files!\n"
        "If you want to restore them, follow this link:email %s YOUR ID %s\n"
        "If you have not been answered via the link within 12 hours, write to us by e-mail:%s\n"
        "Attention!\nDo not rename encrypted files.\nDo not try to decrypt your data using third party software, it may cause permanent data loss.\n"
        "Decryption of your files with the help of third parties may cause increased price (they add their fee to our) or you can become a victim of a scam.\n"
        % (dmail, _hexid(rng, 8), _mail(rng, "aol.com"))))
    # --- STOP / Djvu
    N.append(("stop", "en", "_readme.txt", "utf-8",
        "ATTENTION!\n\nDon't worry, you can return all your files!\n"
        "All your files like pictures, databases, documents and other important are encrypted with strongest encryption and unique key.\n"
        "The only method of recovering files is to purchase decrypt tool and unique key for you.\n"
        "This software will decrypt all your encrypted files.\nWhat guarantees you have?\n"
        "You can send one of your encrypted file from your PC and we decrypt it for free.\n"
        "But we can decrypt only 1 file for free. File must not contain valuable information.\n"
        "You can get and look video overview decrypt tool:\nhttps://we.tl/t-%s\n"
        "Price of private key and decrypt software is $980.\n"
        "Discount 50%% available if you contact us first 72 hours, that's price for you is $490.\n"
        "Please note that you'll never restore your data without payment.\n"
        "Check your e-mail \"Spam\" or \"Junk\" folder if you don't get answer more than 6 hours.\n\n\n"
        "To get this software you need write on our e-mail:\nsupport@freshmail.top\n\n"
        "Reserve e-mail address to contact us:\ndatarestorehelp@airmail.cc\n\nYour personal ID:\n0%s%s\n"
        % (_alnum(rng, 10), _alnum(rng, 4), _alnum(rng, 40))))
    # --- Hive
    N.append(("hive", "en", "HOW_TO_DECRYPT.txt", "utf-8",
        "Your network has been breached and all data were encrypted.\n"
        "Personal data, financial reports and important documents are ready to disclose.\n\n"
        "To decrypt all the data and to prevent exfiltrated files to be disclosed at \n"
        "http://hiveleakdbtnp76ulyhi52eag6c6tyc3xw7ez7iqy6wc34gd2nekazyd.onion/\n"
        "you will need to purchase our decryption software.\n\n"
        "Please contact our sales department at:\n\n   http://hivecust6vhekztbqgdnkks64ucehqacge3dij3gyrrpdp57zoq3ooqd.onion/\n\n"
        "      Login:    %s\n      Password: %s\n\n"
        "To get an access to .onion websites download and install Tor Browser at:\n   https://www.torproject.org/ (Tor Browser is not related to us)\n\n\n"
        "Follow the guidelines below to avoid losing your data:\n\n"
        " - Do not modify, rename or delete *.key.%s files. Your data will be \n   undecryptable.\n"
        " - Do not modify or rename encrypted files. You will lose them.\n"
        " - Do not report to the Police, FBI, etc. They don't care about your business.\n   They simply won't allow you to pay. As a result you will lose everything.\n"
        " - Do not hire a recovery company. They can't decrypt without the key. \n   They also don't care about your business. They believe that they are \n   good negotiators, but it is not. They usually fail. So speak for yourself.\n"
        " - Do not reject to purchase. Exfiltrated files will be publicly disclosed.\n"
        % (_alnum(rng, 12), _alnum(rng, 20), exts["hive"].lstrip("."))))
    # --- Medusa
    N.append(("medusa", "en", "!!!READ_ME_MEDUSA!!!.txt", "utf-8",
        "$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$\n"
        "$$$$$$$$$$$$$$$$$$$$$$ MEDUSA $$$$$$$$$$$$$$$$$$$$$$$$$\n"
        "$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$$\n\n"
        "-----------------------------[ Hello, !!! ]----------------------------\n\n"
        "WHAT HAPPEN?\n1. We have PENETRATE your network and COPIED data.\n"
        "   * We have penetrated entire network including backup system and researched all about your data.\n"
        "   * And we have extracted all of your important and valuable data and copied them to private cloud storage.\n"
        "2. We have ENCRYPTED your files.\n"
        "   While you are reading this message, it means your files and data has been ENCRYPTED by world's strongest ransomware.\n"
        "   Your files have encrypted with new military-grade encryption algorithm.\n"
        "   There is no one to decrypt your data without our decryption key.\n\n"
        "WHAT GUARANTEES?\n   We can decrypt 2 or 3 non-important files for free.\n\n"
        "HOW TO CONTACT US?\n1. Download Tor Browser and install it.\n"
        "2. Open http://%s in Tor Browser.\n3. Use chat. Your company ID: %s\n"
        "Or you can contact us via mail: medusa.%s@onionmail.org\n" % (oni(), _hexid(rng, 32).lower(), _alnum(rng, 6).lower())))
    # --- 8base (Phobos-based)
    N.append(("8base", "en", "info.txt", "utf-8",
        "!!! All of your files are encrypted !!!\nTo decrypt them send e-mail to this address: %s.\n"
        "If we don't answer in 24h., send e-mail to this address: %s\n"
        "Or contact us in our website: http://%s\n" % (_mail(rng, "onionmail.org"), _mail(rng, "tutanota.com"), oni())))
    N.append(("8base", "en", "info.hta", "hta",
        "Hello!\nAll your files are encrypted and stolen!\n"
        "You have 7 days to contact us by email, and 14 days to make the payment.\n"
        "After that your data will be published on our blog http://%s\n"
        "Your ID: %s\nWrite to us: %s\n"
        "Attention! Do not rename encrypted files. Do not try to decrypt your data using third party software - it may cause permanent data loss.\n"
        % (oni(), _hexid(rng, 8) + "-3483", _mail(rng, "onionmail.org"))))
    # --- Rhysida (PDF note)
    N.append(("rhysida", "en", "CriticalBreachDetected.pdf", "pdf",
        "Critical Breach Alert - Immediate Response Required\n"
        "Dear company,\n"
        "This is an automated alert from cybersecurity team Rhysida.\n"
        "An unfortunate situation has arisen - your digital ecosystem has been compromised,\n"
        "and a substantial amount of confidential data has been exfiltrated from your network.\n"
        "The potential ramifications of this could be dire, including the sale, publication,\n"
        "or distribution of your data to competitors or media outlets.\n"
        "To address this matter, we kindly request that you reach out to us exclusively via\n"
        "our secure portal using your unique key: %s\n"
        "Install TOR Browser to get access to our portal: rhysidafohrhyy2aszi7bm32tnjat5xri65fopcxkdfxhi4tidsg7cad.onion\n"
        "All your files are encrypted. Your cooperation is crucial for safe decryption.\n" % _alnum(rng, 40).lower()))
    # --- WannaCry
    N.append(("wannacry", "en", "@Please_Read_Me@.txt", "utf-8",
        "Q:  What's wrong with my files?\n\n"
        "A:  Ooops, your important files are encrypted. It means you will not be able to access them anymore until they are decrypted.\n"
        "    If you follow our instructions, we guarantee that you can decrypt all your files quickly and safely!\n"
        "    Let's start decrypting!\n\n"
        "Q:  What do I do?\n\n"
        "A:  First, you need to pay service fees for the decryption.\n"
        "    Please send $300 worth of bitcoin to this bitcoin address: 13AM4VW2dhxYgXeQepoHkHSQuy6NgaEb94\n\n"
        "    Next, please find an application file named \"@WanaDecryptor@.exe\". It is the decrypt software.\n"
        "    Run and follow the instructions! (You may need to disable your antivirus for a while.)\n\n"
        "Q:  How can I trust?\n\n"
        "A:  Don't worry about decryption.\n    We will decrypt your files surely because nobody will trust us if we cheat users.\n\n"
        "*   If you need our assistance, send a message by clicking <Contact Us> on the decryptor window.\n"))
    # --- Locky (html)
    N.append(("locky", "en", "_HELP_instructions.html", "html",
        "!!! IMPORTANT INFORMATION !!!!\n\n"
        "All of your files are encrypted with RSA-2048 and AES-128 ciphers.\n"
        "More information about the RSA and AES can be found here:\n"
        "http://en.wikipedia.org/wiki/RSA_(cryptosystem)\nhttp://en.wikipedia.org/wiki/Advanced_Encryption_Standard\n\n"
        "Decrypting of your files is only possible with the private key and decrypt program, which is on our secret server.\n"
        "To receive your private key follow one of the links:\n"
        "1. http://%s.tor2web.org/%s\n2. http://%s.onion.to/%s\n\n"
        "If all of this addresses are not available, follow these steps:\n"
        "1. Download and install Tor Browser: https://www.torproject.org/download/download-easy.html\n"
        "2. After a successful installation, run the browser and wait for initialization.\n"
        "3. Type in the address bar: %s/%s\n4. Follow the instructions on the site.\n\n"
        "!!! Your personal identification ID: %s !!!\n"
        % ("6dtxgqam4crv6rr6", _hexid(rng, 16), "6dtxgqam4crv6rr6", _hexid(rng, 16),
           "6dtxgqam4crv6rr6.onion", _hexid(rng, 16), _hexid(rng, 16))))
    # --- GandCrab
    N.append(("gandcrab", "en", "KRAB-DECRYPT.txt", "utf-8",
        "---= GANDCRAB V5.2 =---\n\n"
        "***********************UNDER NO CIRCUMSTANCES DO NOT DELETE THIS FILE, UNTIL ALL YOUR DATA IS RECOVERED***********************\n\n"
        "*****FAILING TO DO SO, WILL RESULT IN YOUR SYSTEM CORRUPTION, IF THERE ARE DECRYPTION ERRORS*****\n\n"
        "Attention!\n\nAll your files, documents, photos, databases and other important files are encrypted and have the extension: .KRAB\n\n"
        "The only method of recovering files is to purchase an unique private key. Only we can give you this key and only we can recover your files.\n\n"
        "The server with your key is in a closed network TOR. You can get there by the following ways:\n\n"
        "----------------------------------------------------------------------------------------\n\n"
        "| 0. Download Tor browser - https://www.torproject.org/\n\n| 1. Install Tor browser\n\n"
        "| 2. Open Tor Browser\n\n| 3. Open link in TOR browser:  http://gandcrabmfe6mnef.onion/%s\n\n"
        "| 4. Follow the instructions on this page\n\n"
        "----------------------------------------------------------------------------------------\n\n"
        "On our page you will see instructions on payment and get the opportunity to decrypt 1 file for free.\n\n"
        "ATTENTION!\n\nIN ORDER TO PREVENT DATA DAMAGE:\n\n* DO NOT MODIFY ENCRYPTED FILES\n\n* DO NOT CHANGE DATA BELOW\n\n"
        "---BEGIN GANDCRAB KEY---\n%s\n---END GANDCRAB KEY---\n" % (_hexid(rng, 16).lower(), _alnum(rng, 400))))
    # --- Maze (txt and html)
    maze = ("Attention!\n----------------------------\n| What happened?\n----------------------------\n"
        "All your files, documents, photos, databases, and other important data are safely encrypted with reliable algorithms.\n"
        "You cannot access the files right now. But do not worry. You can get them back! It is easy to recover in a few steps.\n\n"
        "We have also downloaded a lot of private data from your network.\n\n"
        "If you do not contact us in a 3 days we will post information about your breach on our public news website and after 7 days the whole downloaded info.\n\n"
        "----------------------------\n| How to contact us and get my files back?\n----------------------------\n"
        "The only method to restore your files is to purchase a unique for you private key which is securely stored on our servers.\n\n"
        "To contact us and purchase the key you have to visit our website in a hidden TOR network.\n\n"
        "There are general 2 ways to reach us:\n\n"
        "1) [Recommended] Using hidden TOR network.\n  a) Download a special TOR browser: https://www.torproject.org/\n"
        "  b) Install the TOR Browser.\n  c) Open the TOR Browser.\n  d) Open our website in the TOR browser: http://aoacugmutagkwctu.onion/%s\n"
        "  e) Follow the instructions on this page.\n\n"
        "2) If you have any problems connecting or using TOR network\n  a) Open our website: https://mazedecrypt.top/%s\n"
        "  b) Follow the instructions on this page.\n\n"
        "Warning: the second (2) website can be blocked, that is why the first one (1) is preferable to use.\n\n"
        "---BEGIN MAZE KEY---\n%s\n---END MAZE KEY---\n" % (_hexid(rng, 16).lower(), _hexid(rng, 16).lower(), _alnum(rng, 300)))
    N.append(("maze", "en", "DECRYPT-FILES.txt", "utf-8", maze))
    N.append(("maze", "en", "DECRYPT-FILES.html", "html", maze))
    # --- Babuk
    N.append(("babuk", "en", "How To Restore Your Files.txt", "utf-8",
        "----------- [ Hello! ] ------------->\n\n"
        "****BY BABUK LOCKER****\n\n"
        "What happend?\n----------------------------------------------\n"
        "Your computers and servers are encrypted, backups are deleted from your network and copied. We use strong encryption algorithms, so you cannot decrypt your data.\n"
        "But you can restore everything by purchasing a special program from us - universal decryptor. This program will restore your entire network.\n"
        "Follow our instructions below and you will recover all your data.\n"
        "If you continue to ignore this for a long time, we will start reporting the hack to mainstream media and posting your data to the dark web.\n\n"
        "What guarantees?\n----------------------------------------------\n"
        "We value our reputation. If we do not do our work and liabilities, nobody will pay us. This is not in our interests.\n"
        "All our decryption software is perfectly tested and will decrypt your data. We will also provide support in case of problems.\n"
        "We guarantee to decrypt one file for free. Go to the site and contact us.\n\n"
        "How to contact us?\n----------------------------------------------\n"
        "Using TOR Browser ( https://www.torproject.org/download/ ):\nhttp://babukq4e2p4wu4iq.onion/login.php?id=%s\n\n"
        "!!! DANGER !!!\nDO NOT MODIFY or try to RECOVER any files yourself. We WILL NOT be able to RESTORE them.\n" % _alnum(rng, 32)))
    # --- notes in other languages (families that localised, and copies translated by affiliates)
    N.append(("lockbit-fr", "fr", "Restaurer-Mes-Fichiers.txt", "utf-8",
        "~~~ Vos fichiers ont été chiffrés ~~~\n\n"
        ">>>>> Toutes vos données importantes ont été chiffrées et volées.\n\n"
        "Si vous ne payez pas la rançon, les données seront publiées sur notre site TOR.\n"
        "N'essayez pas de récupérer vos fichiers avec un logiciel tiers : ils seraient définitivement endommagés.\n\n"
        "Pour déchiffrer vos fichiers :\n1. Téléchargez et installez le navigateur Tor : https://www.torproject.org/\n"
        "2. Ouvrez le lien : http://%s\n3. Entrez votre identifiant de déchiffrement personnel : %s\n\n"
        "Nous déchiffrons un fichier gratuitement comme garantie. Le paiement se fait en bitcoins.\n"
        "Ne renommez pas les fichiers chiffrés. N'éteignez pas vos serveurs.\n" % (oni(), _hexid(rng, 32))))
    N.append(("phobos-de", "de", "WICHTIG_LESEN.txt", "utf-16",
        "!!! ACHTUNG !!!\n\nAlle Ihre Dateien wurden verschlüsselt!\n\n"
        "Ihre Dokumente, Fotos, Datenbanken und andere wichtige Dateien sind mit einem starken Algorithmus verschlüsselt worden.\n"
        "Eine Entschlüsselung ist nur mit unserem privaten Schlüssel möglich.\n\n"
        "Um Ihre Dateien wiederherzustellen, schreiben Sie uns eine E-Mail an: %s\n"
        "Geben Sie diese ID im Betreff an: %s\n\n"
        "Sie müssen für die Entschlüsselung in Bitcoin bezahlen. Der Preis hängt davon ab, wie schnell Sie uns schreiben.\n"
        "Als Garantie entschlüsseln wir bis zu 3 Dateien kostenlos.\n\n"
        "Achtung! Benennen Sie verschlüsselte Dateien nicht um. Versuchen Sie nicht, Ihre Daten mit Software von Drittanbietern zu entschlüsseln, dies kann zu dauerhaftem Datenverlust führen.\n"
        % (_mail(rng, "tutanota.de"), _hexid(rng, 8) + "-2987")))
    N.append(("medusa-es", "es", "LEEME_RECUPERAR_ARCHIVOS.txt", "utf-8",
        "¡ATENCIÓN!\n\nTodos sus archivos han sido cifrados.\n\n"
        "Sus documentos, fotos, bases de datos y otros archivos importantes fueron cifrados con un algoritmo fuerte y una clave única.\n"
        "También hemos copiado sus datos confidenciales. Si no paga el rescate, los publicaremos en nuestro blog.\n\n"
        "¿Cómo recuperar sus archivos?\n1. Descargue e instale el navegador Tor: https://www.torproject.org/\n"
        "2. Abra el enlace: http://%s\n3. Introduzca su identificador: %s\n\n"
        "Podemos descifrar 2 archivos gratis como garantía. El pago se realiza en bitcoin.\n"
        "No modifique ni renombre los archivos cifrados. No use programas de terceros.\n" % (oni(), _hexid(rng, 24))))
    N.append(("conti-it", "it", "LEGGIMI_DECRIPTARE.txt", "utf-8",
        "ATTENZIONE!\n\nTutti i tuoi file sono stati crittografati.\n\n"
        "I tuoi documenti, le foto, i database e altri file importanti sono stati cifrati con un algoritmo forte.\n"
        "L'unico modo per recuperare i file è acquistare la chiave privata e il programma di decrittazione.\n"
        "Abbiamo anche scaricato i tuoi dati riservati: se non paghi, saranno pubblicati.\n\n"
        "Per contattarci:\n1. Scarica il browser Tor: https://www.torproject.org/\n2. Apri: http://%s\n"
        "3. Il tuo ID personale: %s\n\nPossiamo decrittare un file gratuitamente come garanzia. Pagamento in bitcoin.\n"
        "Non rinominare i file crittografati. Non usare software di terze parti.\n" % (oni(), _hexid(rng, 24))))
    N.append(("stop-ru", "ru", "_ПРОЧТИ_МЕНЯ_.txt", "utf-8",
        "ВНИМАНИЕ!\n\nВсе ваши файлы были зашифрованы!\n\n"
        "Ваши документы, фотографии, базы данных и другие важные файлы зашифрованы надёжным алгоритмом с уникальным ключом.\n"
        "Единственный способ восстановить файлы — купить у нас программу-расшифровщик и ваш уникальный ключ.\n\n"
        "Какие гарантии? Вы можете отправить нам один зашифрованный файл, и мы расшифруем его бесплатно.\n\n"
        "Стоимость расшифровки — 980$ в биткоинах. Скидка 50%% если вы свяжетесь с нами в первые 72 часа.\n\n"
        "Для связи пишите на почту: %s\nРезервный адрес: %s\n\nВаш личный ID: %s\n"
        "Не переименовывайте зашифрованные файлы и не используйте сторонние программы.\n"
        % (_mail(rng, "onionmail.org"), _mail(rng, "airmail.cc"), _alnum(rng, 36))))
    N.append(("globeimposter-pt", "pt", "LEIA-ME_RECUPERAR.html", "html",
        "Seus arquivos foram criptografados!\n\n"
        "Todos os seus documentos, fotos, bancos de dados e outros arquivos importantes foram criptografados.\n"
        "Para recuperar seus arquivos você precisa comprar a chave privada e o programa de descriptografia.\n\n"
        "Envie um e-mail para %s com o seu ID pessoal: %s\n\n"
        "O pagamento deve ser feito em bitcoin. Podemos descriptografar 1 arquivo gratuitamente como garantia.\n"
        "Atenção! Não renomeie os arquivos criptografados. Não tente descriptografar com programas de terceiros.\n"
        % (_mail(rng, "protonmail.com"), _hexid(rng, 16))))
    return N


def lookalikes(rng: random.Random):
    """Benign texts that use the words of a ransom note: (name, encoding, text)."""
    L = []
    L.append(("Richtlinie_IT-Sicherheit_2026.txt", "utf-8",
        "IT-Sicherheitsrichtlinie der Praxis – Version 3.2 (gültig ab 1. Januar 2026)\n\n"
        "1. Zweck\nDiese Richtlinie beschreibt, wie wir Patientendaten vor Verlust, Diebstahl und Ransomware schützen.\n\n"
        "2. Datensicherung\nAlle Server werden täglich gesichert. Die Sicherungen werden verschlüsselt (AES-256) und eine Kopie wird offline aufbewahrt, "
        "damit eine Verschlüsselung durch Ransomware die Sicherungen nicht erreicht. Die Wiederherstellung wird jedes Quartal getestet.\n\n"
        "3. Verhalten bei einem Vorfall\nWenn Dateien plötzlich nicht mehr geöffnet werden können oder eine Nachricht verlangt, Bitcoin zu bezahlen, "
        "um Ihre Dateien zu entschlüsseln: Netzwerkkabel ziehen, den Rechner NICHT ausschalten, sofort den IT-Dienstleister anrufen (Tel. 044 555 12 34).\n"
        "Wir bezahlen kein Lösegeld. Keine Software aus dem Internet (z. B. Tor Browser) installieren.\n\n"
        "4. Passwörter\nMindestens 12 Zeichen, Zwei-Faktor-Anmeldung für den Fernzugriff.\n"))
    L.append(("IT_security_policy.txt", "utf-8",
        "Information Security Policy - Medical Practice Dr. Keller\nRevision 2026-02\n\n"
        "Purpose. This policy protects patient data against loss, theft and ransomware.\n\n"
        "Backups. Every night the file server is backed up; backups are encrypted and one copy is kept offline so that "
        "ransomware that encrypts your files cannot reach it. Restores are tested every three months.\n\n"
        "Incident response. If your files are encrypted or a message asks you to pay in bitcoin to decrypt them, "
        "do not pay, do not contact the attackers, do not switch the computer off: unplug the network cable and call the IT provider. "
        "Never install the Tor browser or other software from links in e-mails.\n\n"
        "Passwords. At least 12 characters; two-factor authentication for remote access; no shared accounts.\n\n"
        "Training. Every employee takes the phishing-awareness course once a year.\n"))
    L.append(("README.txt", "utf-8",
        "BackupTool 4.1 - README\n=======================\n\n"
        "BackupTool copies your files to an encrypted archive on a network share or USB disk.\n\n"
        "Installation\n------------\n1. Run setup.exe as administrator.\n2. Choose the folders to back up.\n"
        "3. Enter a password: it encrypts the archive with AES-256. Keep it safe: without it nobody can decrypt your files, not even our support.\n\n"
        "Restoring files\n---------------\nOpen BackupTool, click Restore, pick the date and the files. The tool decrypts them into the folder you choose.\n\n"
        "Support\n-------\nsupport@backuptool.example - please include your licence ID (found under Help > About).\n"))
    L.append(("Facture_crypto_2026-117.txt", "utf-8",
        "FACTURE N° 2026-117\nDate : 14 mars 2026\n\nClient : Cabinet médical Dr Moreau, 12 rue de la Gare, 1003 Lausanne\n\n"
        "Désignation                                Quantité   Prix unitaire    Total\n"
        "Maintenance serveur (mars 2026)                   1       450.00 CHF   450.00 CHF\n"
        "Licence antivirus (12 postes)                     12       35.00 CHF   420.00 CHF\n\n"
        "Total TTC : 870.00 CHF\n\nPaiement : à 30 jours, par virement bancaire (IBAN CH93 0076 2011 6238 5295 7) "
        "ou en bitcoin à l'adresse bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh (cours du jour de paiement).\n"
        "Merci de mentionner le numéro de facture. En cas de question : compta@infogerance-leman.example\n"))
    L.append(("Crypto_Invoice_March.txt", "utf-8",
        "INVOICE #INV-0342\nIssued: 2026-03-02    Due: 2026-03-16\n\nBill to: Nordlicht Praxis GmbH\n\n"
        "Description: consulting, wallet set-up for donations, 6 h x 150 EUR = 900 EUR\n\n"
        "Payment options: SEPA transfer, or Bitcoin (BTC) to bc1q9h5yjq3xzrp8n5m0v7p2cq7j8kz4l6w3e9r2t0 - "
        "please pay within 14 days. Send the transaction ID to billing@example.org so we can confirm your payment.\n"))
    L.append(("Memo_Phishing_Sensibilisierung.txt", "utf-8",
        "An: alle Mitarbeitenden\nVon: Praxisleitung\nBetreff: Vorsicht vor Phishing und Erpressungs-Trojanern\n\n"
        "Liebe Kolleginnen und Kollegen,\n\nin den letzten Wochen wurden mehrere Arztpraxen in der Region Opfer von Ransomware. "
        "Die Täter verschlüsseln alle Dateien und hinterlassen eine Nachricht wie „Your files are encrypted. To decrypt them, pay 0.5 bitcoin“.\n\n"
        "Bitte öffnen Sie keine Anhänge von unbekannten Absendern, klicken Sie nicht auf Links zu Rechnungen, die Sie nicht erwarten, "
        "und melden Sie verdächtige E-Mails an it@praxis.example. Im Ernstfall gilt: nicht bezahlen, Netzwerkkabel ziehen, IT anrufen.\n\n"
        "Vielen Dank!\n"))
    L.append(("phishing_awareness_memo.txt", "utf-8",
        "MEMO - Phishing awareness\nTo: all staff\n\n"
        "Attackers send e-mails that look like invoices or parcel notices. One click can install ransomware: "
        "then all your files are encrypted and a note asks you to contact the criminals through a .onion site with the Tor browser and pay in bitcoin to decrypt them.\n\n"
        "What to do: check the sender, hover over links, never enable macros. If something looks wrong, forward the mail to security@practice.example and delete it.\n"
        "If your screen shows a ransom message: do not pay, unplug the network cable, call IT immediately.\n"))
    L.append(("Politique_sauvegarde.txt", "utf-8",
        "Politique de sauvegarde et de restauration\n\nLes données des patients sont sauvegardées chaque nuit et chiffrées avant d'être copiées hors site. "
        "En cas d'attaque par rançongiciel, ne payez jamais la rançon : les sauvegardes hors ligne permettent de restaurer vos fichiers. "
        "La clé de déchiffrement des sauvegardes est conservée dans le coffre du cabinet.\n"))
    L.append(("ransomware_news.html", "html",
        "Ransomware hits regional hospitals\n\nA ransomware group encrypted the files of three hospitals last week and demanded a ransom in bitcoin. "
        "The attackers left a note telling staff that all files were encrypted and that a decryption key could be bought on a Tor site. "
        "The hospitals restored their systems from backups and did not pay. Experts recommend offline backups, two-factor authentication and regular drills.\n"))
    return L
