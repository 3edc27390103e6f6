/*
 * Ransom notes, recognised by what every note has to say rather than by family:
 * a claim that the victim's files were encrypted (or stolen), a way to get them back,
 * a payment, a way to reach the attacker, and threats or "rules". Written for riposte
 * from the language of notes of many families; languages: English, French, German,
 * Spanish, Italian, Portuguese, Dutch, Russian, and for the claim and the way back
 * Polish, Czech, Ukrainian, Hebrew, Arabic, Chinese, Japanese, Korean: stems, so that
 * a language's inflections match (Russian зашифрован-а/-ы/-о, восстанов-ить/-ления).
 * UTF-16 notes are converted to UTF-8 by the engine before they get here (the wide
 * modifier covers what is left), HTML/HTA notes to their text.
 *
 * "Do not pay" is the defender's advice, and vetoes; "if you do not pay, we publish"
 * is the attacker's condition: a veto counts only when the advice occurs more often
 * than the condition (#v_pay > #v_payif).
 *
 * Two rules: ransom_note is enough on its own; ransom_note_hint (three of four weaker
 * features) needs a file name that
 * looks like a note (data/notes/names.txt) to count. Security policies, awareness
 * memos and crypto-currency invoices use some of these words too: every combination
 * below needs a feature that such documents do not have (an attacker's contact
 * channel, a first-person "we have encrypted", a wallet address, or the "rules").
 */

rule ransom_note
{
    meta:
        description = "ransom note: encryption claim + recovery/payment + attacker contact"

    strings:
        // the claim: your files were encrypted
        // ([x] is x: libyara takes no atom from a class, so the letters in classes leave
        // it the head's; from the words after the gap, each of their hits, "crypt" of
        // any English "encrypted" included, was verified backward across the gap)
        $e_en1 = /(your|all) (important |personal )?(f[i]l[e]s|d[a]t[a]|d[o]c[u]m[e]n[t]s|n[e]t[w]o[r]k|s[e]r[v]e[r]s?|c[o]m[p]u[t]e[r]s?|s[y]s[t]e[m]s?)[^.\n]{0,60}(e[n]c[r]y[p]t[e]d|l[o]c[k]e[d]|c[r]y[p]t[e]d)/ nocase
        $e_en2 = /(have|has|were|are|got|been) (been )?(encrypted|locked|crypted)/ nocase
        $e_en3 = "encrypted with" nocase
        $e_fr1 = /vos (f[i]c[h]i[e]r[s]|d[o]n[n](é|e)[e]s|d[o]c[u]m[e]n[t]s)[^.\n]{0,60}(c[h]i[f]f[r]|c[r]y[p]t)/ nocase
        $e_fr2 = /(ont|sont|a) ((é|e)t(é|e) )?(chiffr|crypt)(é|e)s?/ nocase
        $e_de1 = /(ihre|eure|deine) (dateien|daten|dokumente)[^.\n]{0,60}verschl(ü|ue)sselt/ nocase
        $e_de2 = /wurden[^.\n]{0,40}verschl(ü|ue)sselt/ nocase
        $e_es = /(sus|tus) (archivos|ficheros|datos|documentos|servidores|sistemas)[^.\n]{0,60}(cifrad|encriptad)/ nocase
        $e_it = /(i (tuoi|vostri|suoi) (file|dati|documenti|server))[^.\n]{0,60}(crittografat|criptat|cifrat)/ nocase
        $e_pt = /(seus|teus) (arquivos|ficheiros|dados|documentos|servidores)[^.\n]{0,60}(criptografad|cifrad|encriptad)/ nocase
        $e_nl = /(uw|je) (bestanden|gegevens|documenten|servers)[^.\n]{0,60}(versleuteld|gecodeerd)/ nocase
        $e_ru1 = "зашифрован" nocase
        $e_ru2 = "ваши файлы" nocase
        // stems, so that every inflection matches (Polish, Czech, Ukrainian, Hebrew
        // participles and verbs; Chinese, Japanese, Korean, Arabic words)
        $e_pl = /zaszyfrowan/ nocase
        $e_cs = /za(š|s)ifrov(á|a)n/ nocase
        $e_he = /(הוצפנ|מוצפנ)/
        $e_cjk = /(已被?加密|加密了|暗号化され|암호화되)/
        $e_ar = /(تم تشفير|مشفرة)/

        // the way back: decrypt, recover, key, decryptor
        $d_en = /(decrypt|decryption|decryptor|recover (your|all)|restore (your|all)|private key|unique key|decryption key|decrypt tool)/ nocase
        $d_fr = /(d(é|e)chiffr|d(é|e)crypt|r(é|e)cup(é|e)rer vos|cl(é|e) (priv(é|e)e|de d(é|e)chiffrement))/ nocase
        $d_de = /(entschl(ü|ue)ssel|wiederherstell|privaten schl(ü|ue)ssel)/ nocase
        $d_es = /(descifr|desencript|recuperar (sus|tus))/ nocase
        $d_it = /(decrittograf|decifrar|decriptar|recuperare i)/ nocase
        $d_pt = /(descriptograf|decifrar|recuperar (seus|os seus))/ nocase
        $d_nl = /(ontsleutel|decoderen)/ nocase
        $d_ru = /(расшифр|дешифр|розшифр)/
        $d_pl = /(odszyfr|deszyfr)/ nocase
        $d_cs = /de(š|s)ifr/ nocase
        $d_cjk = /(解密|復号|복호화)/

        // the claim made to the reader (second person), in the languages whose stems are
        // above without it: what the weaker ways back below need
        $yo_ru = /(В|в)аш(а|е|и|у|их)?\s[^.\n]{0,60}(зашифрован|заблокирован)/
        $yo_uk = /(В|в)аш(а|е|і|у|их)?\s[^.\n]{0,60}(зашифрован|заблокован)/
        $yo_pl = /\b(wasze|twoje|wasza|twoja|wszystkie)\b[^.\n]{0,60}zaszyfrowan/ nocase
        $yo_cs = /\b(va(š|s)e|tv(é|e)|v(š|s)echny)\b[^.\n]{0,60}za(š|s)ifrov/ nocase

        // the way back in everyday words (restore, recover): weaker, they come with an
        // encryption claim and an attacker's channel or a number to text
        $r_ru = /(восстанов|віднов)/
        $r_nl = /herstel/ nocase
        $r_pl = /(odzyska|przywr(ó|o)c)/ nocase
        $r_cs = /obnov/ nocase

        // payment
        $p_coin = /\b(bitcoins?|btc|monero|xmr|litecoin|ethereum|usdt|cryptocurrency|crypto-currency)\b/ nocase
        $p_ransom = /\b(ransom|ran(ç|c)on|l(ö|oe)segeld|rescate|riscatto|resgate|losgeld)\b/ nocase
        $p_ru = /(выкуп|биткоин|оплат)/ nocase

        // the attacker's contact channel
        $c_onion = /[a-z2-7]{16,56}\.onion/ nocase
        $c_tor = /(tor ?browser|torproject\.org|tor-browser)/ nocase
        $c_tox = /(tox( id)?:? ?[0-9a-f]{76}|session( messenger)?( id)?:? ?05[0-9a-f]{64}|qtox|tox\.chat|jabber:|jabber id|xmpp:|telegram[^@]{0,20}@[a-z0-9_]{5,}|(^|[^a-z0-9._%+-])@[a-z][a-z0-9_]{1,28}bot([^a-z0-9_.@-]|$))/ nocase
        $c_mail = /[a-z0-9._%+-]{2,64}@(protonmail\.(com|ch)|proton\.me|onionmail\.org|tutanota\.(com|de)|tuta\.io|cock\.li|airmail\.cc|msgsafe\.io|firemail\.cc|mailfence\.com|keemail\.me|gmx\.(com|de|net)|mail\.ru|yandex\.(ru|com)|aol\.com|india\.com|freshmail\.top|tuta\.com|zohomail\.eu)/ nocase

        // a telephone number in international form: "send the code to +7..." (notes that
        // sell the key by SMS); not a channel on its own
        $s_sms = /(^|[\s:(])\+[1-9][0-9]{9,13}\b/

        // a personal ID given to the victim ("Your ID: ...", "Su ID: ...")
        $i_id = /\b(your|su|tu|votre|ton|ihre|deine|uw|je|seu|sua|il tuo|il vostro|twój|tw(ó|o)j|wasz|v(á|a)(š|s)|ваш|ваше)( personal| unique| personal| victim)? (id|identifier|identificador|identifiant|kennung|identyfikator)\b\s*[:=#]?\s*[A-Za-z0-9+\/_-]{6,}/ nocase

        // first person: the attacker speaking
        $w_en = /\bwe (have )?(encrypted|downloaded|stolen|exfiltrated|copied|locked)\b/ nocase
        $w_fr = /nous avons (chiffr|crypt|t(é|e)l(é|e)charg|vol(é|e)|copi(é|e))/ nocase
        $w_de = /wir haben[^.\n]{0,40}(verschl(ü|ue)sselt|heruntergeladen|gestohlen|kopiert)/ nocase
        $w_es = /hemos (cifrado|encriptado|descargado|robado)/ nocase
        $w_ru = /мы (зашифровали|скачали|украли)/ nocase

        // the "rules" every note gives
        $t1 = /(do not|don't|dont|never) (try to )?(rename|modify|delete|move|edit|change) (the |any |your )?(encrypted |locked |crypted )?(files|data|extensions?)/ nocase
        $t4 = /(do not|don't|dont|never) (try to )?(decrypt|recover|restore) (the |any |your )?(files|data)[^.\n]{0,30}(yourself|your own|third|software|tools?)/ nocase
        $t5 = /(do not|don't|dont|never) (contact|call) (the )?(police|fbi|authorities|recovery compan)/ nocase
        $t6 = /(do not|don't|dont|never) use (any )?third[- ]party/ nocase
        $t2 = /(third[- ]party (software|tools?|decrypt)|data (will be|gets) (published|leaked|sold)|publish (your|the) data|leak site|price (will|is going to) (double|increase)|within \d+ (hours|days))/ nocase
        $t3 = /(ne (pas )?(renommez|modifiez|supprimez)|nicht umbenennen|keine (drittanbieter|dritt)|non rinominare|no (renombre|modifique))/ nocase

        // a generic mail address (weaker than the channels above)
        $m_any = /[a-z0-9._%+-]{2,64}@[a-z0-9-]{2,63}\.[a-z0-9.-]{2,30}/ nocase

        // what documents ABOUT ransomware say, and notes never do: the defender's
        // voice (policies, memos, news, manuals). Two of these veto ransom_note; one
        // vetoes ransom_note_hint.
        $v_pay = /((do not|don't|never|did not|won't) pay|ne (payez|payons|paierons) (jamais|pas)|nicht (be)?zahlen|kein(en)? l(ö|oe)segeld|no pagu?e|non pagate)/ nocase
        // the attacker's "if you do not pay, we publish": a condition, not advice
        $v_payif = /(\bif (you )?(do not|don't|won't|will not|refuse to|fail to|choose not to|decide not to) pay|\b(do not|don't|won't) pay,? (and|or|then|we)\b|si (vous )?ne (payez|paierez) pas|wenn sie nicht (be)?zahlen)/ nocase
        $n_doc = /(security policy|sicherheitsrichtlinie|richtlinie|politique de (s(é|e)curit(é|e)|sauvegarde)|phishing|awareness|sensibilisierung|memo\b|newsletter)/ nocase
        $n_act = /(unplug|network cable|netzwerkkabel|c(â|a)ble r(é|e)seau|call (the )?it|it provider|it-dienstleister|prestataire informatique)/ nocase
        $n_3rd = /(the attackers|the criminals|die t(ä|ae)ter|les (pirates|attaquants|criminels)|experts recommend|did not pay)/ nocase
        $n_sw = /(installation|setup\.exe|licen[cs]e (id|key)|run as administrator|user manual|release notes)/ nocase

        // a product's documentation, support, licence, or the news telling of an attack
        $q_doc = /(licen[cs]|лицензи|соглашени|программ(а|е|у|ы)|customer support|support@|поддержк|pricing|features|documentation|user guide|copyright|©|по словам|сообщает|сообщил|хакер|злоумышленник|вымогател|ransomware|attackers|according to)/ nocase

        // a Bitcoin address
        $btc = /\b(bc1[a-z0-9]{25,59}|(1|3)[a-km-zA-HJ-NP-Z1-9]{25,34})\b/

    condition:
        filesize < 2MB and not (2 of ($n_*) or (1 of ($n_*) and #v_pay > #v_payif)) and (
            (any of ($w_*) and (any of ($d_*) or any of ($p_*) or any of ($c_*) or any of ($e_*)))
            or (any of ($c_*) and any of ($e_*) and (any of ($d_*) or any of ($p_*)))
            or (any of ($c_*) and any of ($d_*) and any of ($p_*))
            or ($btc and (any of ($e_*) or any of ($d_*)))
            or (any of ($e_*) and any of ($d_*) and any of ($t*))
            // a mail is everybody's: not on a product's page
            or (any of ($e_*) and any of ($d_*) and $m_any and (any of ($p_*) or any of ($t*)) and not $q_doc)
            or (any of ($e_*) and any of ($d_*) and $i_id and not $q_doc)
            // everyday ways back and a number to text: only with the claim made to the
            // reader, and not in a product's documentation or the news
            or (any of ($yo_*, $e_en1, $e_fr1, $e_de1, $e_es, $e_it, $e_pt, $e_nl) and
                (any of ($r_*) or any of ($d_*)) and (any of ($c_*) or $s_sms) and not $q_doc)
        )
}

rule ransom_note_hint
{
    meta:
        description = "three note features: counts only for a file named like a ransom note"

    strings:
        $e = /(encrypted|locked|chiffr(é|e)s?|crypt(é|e)s?|verschl(ü|ue)sselt|cifrad|encriptad|crittografat|criptografad|versleuteld|зашифрован)/ nocase
        $d = /(decrypt|recover|restore|d(é|e)chiffr|d(é|e)crypt|entschl(ü|ue)ssel|descifr|decrittograf|descriptograf|ontsleutel|расшифр)/ nocase
        $p = /\b(bitcoins?|btc|monero|ransom|ran(ç|c)on|l(ö|oe)segeld|rescate|riscatto|resgate|payment|paiement|zahlung)\b/ nocase
        $c = /(\.onion|tor browser|@[a-z0-9-]+\.[a-z]{2,}|tox id|jabber|telegram)/ nocase
        $n = /((do not|don't|never) pay|ne payez|nicht (be)?zahlen|kein l(ö|oe)segeld|security policy|richtlinie|phishing|unplug|netzwerkkabel|the attackers|the criminals|installation|setup\.exe|licen[cs]e|user manual)/ nocase

    condition:
        filesize < 2MB and not $n and 3 of ($e, $d, $p, $c)
}

/*
 * Data-theft extortion notes (issue 20): many never speak of encryption or decryption.
 * They say that the victim's data was taken ("we have downloaded", "your data is
 * stolen"), threaten to publish or sell it, and give a way to reach the attacker (a Tor
 * address, Tox, Session, Telegram, a mail) with a deadline or a personal ID. The
 * defender's voice vetoes as above (policies, memos, news, manuals, breach letters a
 * company sends its own customers).
 */
rule ransom_note_extortion
{
    meta:
        description = "extortion note: the data was taken + publication threat, deadline or ID + attacker contact"

    strings:
        // the claim: your data was taken (first person, or "your data ... stolen")
        $x_en1 = /\bwe( have| had|'ve)?( also)? (downloaded|exfiltrated|stolen|copied|taken|obtained|dumped|exported|extracted|uploaded|took|breached|hacked|accessed)\b/ nocase
        $x_en2 = /your (\w+ )?(data|files|documents|information|database|records)( has| have| was| were| is| are)( been| now)? (stolen|downloaded|exfiltrated|taken|copied|leaked|exported|obtained|dumped|uploaded)/ nocase
        $x_en3 = /(exfiltrat|data leak|leaked data|stolen data|your data is with us|all your data are ours)/ nocase
        $x_en5 = /\bwe (also )?(have|hold|keep|own) (a (full )?copy of |(full )?copies of |all of |access to )?(your|all your|the|their) / nocase
        $x_en4 = /\b\d+ ?(GB|TB)\b[^.\n]{0,40}\b(of|from|taken|exfiltrated|downloaded)\b/
        $x_de = /(heruntergeladen|gestohlen|kopiert|entwendet|abgezogen|liegen (jetzt )?bei uns|mitgenommen|exportiert)/ nocase
        $x_fr = /(t(é|e)l(é|e)charg(é|e)|vol(é|e)e?s|copi(é|e)e?s|exfiltr|sont chez nous|export(é|e))/ nocase
        $x_es = /(descargad|robad|hemos (copiado|descargado|exportado)|en nuestro poder|exportado)/ nocase
        $x_it = /(scaricat|rubat|copiat|esfiltrat)/ nocase
        $x_pt = /(roubad|baixamos|copiad|exfiltrad)/ nocase
        $x_nl = /(gekopieerd|gestolen|gedownload)/ nocase
        $x_ru = /(скачали|украли|забрали|похищ|выгрузили|получили доступ)/
        $x_pl = /(skradzion|skopiowan|pobral)/ nocase
        $x_tr = /(indirildi|çalındı|kopyalandı)/ nocase
        $x_zh = /(下载|窃取|入侵)/
        $x_ja = /(ダウンロード|入手|窃取)/

        // the threat: publication, sale, leak site
        $t_en = /\b(publish|published|publication|leak(ed|s)?|leak site|blog|release[ds]?|sell|sold|auction|made public|goes? public|go(es)? to (the )?public|public realm|disclos|expose|news site|press release|shame)/ nocase
        $t_de = /ver(ö|oe)ffentlich/ nocase
        $t_fr = /(publi(é|e)|publication|divulg|vendu)/ nocase
        $t_es = /(publicad|publicar|vendid|vender)/ nocase
        $t_it = /(pubblicat|pubblicher|venduti)/ nocase
        $t_pt = /(publicad|publicar|publicados)/ nocase
        $t_nl = /publiceren/ nocase
        $t_ru = /(опубликован|опубликуем|публикац)/
        $t_pl = /opublikow/ nocase
        $t_tr = /yayınlan/ nocase
        $t_zh = /公开/
        $t_ja = /公開/

        // a deadline, a personal ID, credentials for the chat
        $d_time = /\b\d{1,3} ?(hours|hrs|days|stunden|tagen?|heures|jours|horas|d(í|i)as|ore|giorni|uur|dagen|часов|дней|saat|godzin|dni|小时|時間)/ nocase
        $d_id = /\b(personal|client|company|unique|victim|decryption|access|authorization|recovery|secret|ticket|kunden|persönliche|personnel|personale|pessoal)[ -]?(id|code|key|identifier|token)\b/ nocase
        $d_cred = /\b(login|password|passwort|contraseña|mot de passe|username|identifiant|codice|código|token|reference)\s*[:=]\s*\S{6,}/ nocase

        // the channel
        $c_onion = /[a-z2-7]{16,56}\.onion\b/ nocase
        $c_tox = /\b(q|u)?tox\b[^\n]{0,20}[0-9a-f]{76}/ nocase
        $c_session = /\bsession\b[^\n]{0,20}\b05[0-9a-f]{64}\b/ nocase
        // Telegram: the handle may be on the next line; a bot's handle ends in "bot"
        $c_tg = /telegram[^@]{0,20}@[a-z0-9_]{5,}|(^|[^a-z0-9._%+-])@[a-z][a-z0-9_]{1,28}bot([^a-z0-9_.@-]|$)/ nocase
        $c_mail = /[a-z0-9._%+-]{2,64}@[a-z0-9-]{2,63}\.[a-z]{2,10}/ nocase
        $c_tor = /(tor ?browser|torproject\.org|tor-browser)/ nocase

        // the defender's voice (as in ransom_note), and breach notifications a company
        // sends its customers ("we have been made aware", "out of an abundance of caution")
        $v_pay = /((do not|don't|never|did not|won't) pay|ne (payez|payons|paierons) (jamais|pas)|nicht (be)?zahlen|kein(en)? l(ö|oe)segeld|no pagu?e|non pagate)/ nocase
        // the attacker's "if you do not pay, we publish": a condition, not advice
        $v_payif = /(\bif (you )?(do not|don't|won't|will not|refuse to|fail to|choose not to|decide not to) pay|\b(do not|don't|won't) pay,? (and|or|then|we)\b|si (vous )?ne (payez|paierez) pas|wenn sie nicht (be)?zahlen)/ nocase
        $n_doc = /(security policy|sicherheitsrichtlinie|richtlinie|politique de (s(é|e)curit(é|e)|sauvegarde)|phishing|awareness|sensibilisierung|memo\b|newsletter)/ nocase
        $n_act = /(unplug|network cable|netzwerkkabel|c(â|a)ble r(é|e)seau|call (the )?it|it provider|it-dienstleister|prestataire informatique)/ nocase
        $n_3rd = /(the attackers|the criminals|die t(ä|ae)ter|les (pirates|attaquants|criminels)|experts recommend|did not pay|threat actors?)/ nocase
        $n_sw = /(installation|setup\.exe|licen[cs]e (id|key)|run as administrator|user manual|release notes|changelog|copyright|free software|gnu general public|permission is hereby granted)/ nocase
        $n_notice = /(we (have been|were) made aware|abundance of caution|we take (the|your) (security|privacy)|credit monitoring|identity protection|notify(ing)? (you|affected)|data protection officer)/ nocase

    condition:
        filesize < 2MB and not (2 of ($n_*) or (1 of ($n_*) and #v_pay > #v_payif)) and not $n_notice and not $n_sw and any of ($x_*) and (
            // an attacker's own channel, and a threat, a deadline or an ID
            (any of ($c_onion, $c_tox, $c_session, $c_tg, $c_tor) and (any of ($t_*) or any of ($d_*)))
            // a mail is everybody's: with a threat and a deadline
            or ($c_mail and any of ($t_*) and $d_time)
            // no channel at all: threat, deadline and credentials
            or (any of ($t_*) and $d_time and any of ($d_id, $d_cred))
        )
}

/*
 * Notes that ask nothing (issue 20): wipers and political attackers leave a line or
 * two that tell the victim what was done to HIS network ("your files are encrypted",
 * "your infrastructure is destroyed") and that his data goes to the attackers' own
 * channel, or that there is no ransom to pay. Second person for the harm, first
 * person (our channel, we took) or the ransom for the rest, in a small file: what a
 * warning ABOUT ransomware says is conditional ("if your files are encrypted") or in
 * the defender's voice, both excluded.
 */
rule ransom_note_claim
{
    meta:
        description = "note without a demand: the harm done to your network + our channel, our theft or the ransom"

    strings:
        // the harm, in the second person
        $y_en = /\byour (\w+ ){0,3}(files|data|network|servers?|systems?|infrastructure|backups?)\b[^.\n]{0,40}\b(encrypted|destroyed|wiped|erased|compromised|hacked|breached)\b/ nocase
        // "you were hacked" (the Russian "Вас взломали"): the harm without a possession
        $y_you = /\byou (have been|'ve been|were|got) (hacked|breached|compromised)\b/ nocase
        $y_ru2 = /(В|в)ас\s[^.\n]{0,30}(взлом|атаковал)/
        // Arabic "your" is a suffix (خوادمكم, your servers); Hebrew "yours" a word (שלכם);
        // Korean addresses the company (귀사)
        $y_ar = /(تدمير|اختراق|تشفير|سرقة|نسخ)[^.\n]{0,30}كم(\s|\.|،)/
        $y_he = /(חדרנו|פרצנו|הצפנו|העתקנו|גנבנו)[^.\n]{0,40}שלכם|שלכם[^.\n]{0,40}(הוצפנ|נפרצ|הועתק|נגנב)/
        $y_ko = /(귀사|당신|여러분)[^.\n]{0,60}(해킹|암호화|복사|유출|접근|파괴|가져갔|빼냈)/
        $y_ru = /(В|в)аш(а|е|и|у|их|ей|его|ему|им|ими)?\s[^.\n]{0,60}(зашифрован|уничтожен|скомпрометирован|стерт|стёрт|взломан)/
        $y_uk = /(В|в)аш(а|е|і|у|их|ої|ого|ому|ій|им|ими)?\s[^.\n]{0,60}(зашифрован|знищен|скомпрометован|зламан)/
        $y_de = /\b(ihre|eure|deine)\b[^.\n]{0,60}(verschl(ü|ue)sselt|zerst(ö|oe)rt|kompromittiert)/ nocase
        // (the letters in classes: the atom from the head, as in $e_en1)
        $y_fr = /\b(vos|votre)\b[^.\n]{0,60}(c[h]i[f]f[r](é|e)|c[r]y[p]t(é|e)|d(é|e)t[r]u[i]t|c[o]m[p]r[o]m[i]s)/ nocase
        $y_es = /\b(sus|tus|su)\b[^.\n]{0,60}(cifrad|encriptad|destruid|comprometid)/ nocase
        $y_pl = /\b(wasze|twoje|wasza|twoja)\b[^.\n]{0,60}(zaszyfrowan|zniszczon)/ nocase

        // the rest: our channel or blog, what we took, the ransom (or its refusal)
        $o_en = /\b(we will (publish|leak|release|sell)|(published|leaked|released|sold) (on|in|at) our|our (blog|channel|leak site|telegram)|we (have )?(took|stole|taken|stolen|downloaded|copied)|no (ransom|negotiations?)\b)/ nocase
        // the threat in the passive ("everything will be published"), and the theft said of
        // the reader's data (not "copied": a backup copies)
        $o_en2 = /\b((will|is going to|are going to) be (published|leaked|released|sold|made public)|your (\w+ )?(data|files|documents)( has| have| were)?( been)? stolen)\b/ nocase
        $o_ru2 = /((О|о)публикуем|будут опубликован|будет опубликован|скопировал|данные у нас|(В|в)аши (данные|файлы|документы) у нас)/
        $o_ru = /(опубликован[^.\n]{0,20}наш|в нашем (канале|блоге)|на нашем (сайте|блоге)|(М|м)ы [^.\n]{0,20}(забрали|украли|скачали|похитили|скопировали)|(В|в)ыкуп|не ведём переговор|не ведем переговор)/
        $o_uk2 = /(опублікуємо|буде опубліковано|будуть опубліковані|скопіювал)/
        $o_uk = /(опубліков[^.\n]{0,20}наш|в нашому (каналі|блозі)|(М|м)и [^.\n]{0,20}(забрали|вкрали|викрали)|(В|в)икуп)/
        $o_de = /(in unserem (kanal|blog)|wir haben[^.\n]{0,40}(gestohlen|heruntergeladen|kopiert)|l(ö|oe)segeld)/ nocase
        $o_fr = /(sur notre (blog|canal|site)|nous avons[^.\n]{0,20}(vol(é|e)|t(é|e)l(é|e)charg|copi(é|e))|ran(ç|c)on)/ nocase
        $o_es = /(en nuestro (canal|blog|sitio)|hemos (robado|descargado|copiado)|rescate)/ nocase
        $o_pl = /(na naszym (kanale|blogu)|\bokup)/ nocase
        $o_fr2 = /(seront (publi|divulgu|vendu)|nous (publierons|allons publier)|(donn(é|e)es|fichiers) (ont (é|e)t(é|e) )?vol(é|e))/ nocase
        $o_de2 = /(werden ver(ö|oe)ffentlicht|wir (werden )?[^.\n]{0,40}ver(ö|oe)ffentlichen)/ nocase
        $o_ar = /(سيتم نشر|سننشر|نسخ بيانات|نسخنا|سرقنا)/
        $o_he = /(יפורסם|יפורסמו|נפרסם|בערוץ שלנו|העתקנו|גנבנו)/
        $o_ko = /(공개하|공개할|공개될|유출하|유포|복사했)/

        // a warning about ransomware, the defender's voice, software documentation
        $n_if = /\b(if|when|whether|once|should) (all )?(your|vos|ihre|sus|ваши|wasze)\b/ nocase
        $n_ru = /(если ваш|не платите|злоумышленник|хакеры)/
        $n_doc = /(security policy|sicherheitsrichtlinie|richtlinie|politique de (s(é|e)curit(é|e)|sauvegarde)|phishing|awareness|sensibilisierung|memo\b|newsletter)/ nocase
        $n_3rd = /(the attackers|the criminals|die t(ä|ae)ter|les (pirates|attaquants|criminels)|experts recommend|did not pay|threat actors?|ransomware)/ nocase
        $n_sw = /(installation|setup\.exe|licen[cs]e|run as administrator|user manual|release notes|changelog|copyright|free software|option|--)/ nocase
        $v_pay = /((do not|don't|never|did not|won't) pay|ne (payez|payons|paierons) (jamais|pas)|nicht (be)?zahlen|kein(en)? l(ö|oe)segeld|no pagu?e|non pagate)/ nocase

    condition:
        filesize < 1024 and not any of ($n_*) and not $v_pay and any of ($y_*) and any of ($o_*)
}
