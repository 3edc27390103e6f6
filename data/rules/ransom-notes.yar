/*
 * Ransom notes, recognised by what every note has to say rather than by family:
 * a claim that the victim's files were encrypted (or stolen), a way to get them back,
 * a payment, a way to reach the attacker, and threats or "rules". Written for riposte
 * from the language of notes of many families; languages: English, French, German,
 * Spanish, Italian, Portuguese, Dutch, Russian. UTF-16 notes are converted to UTF-8
 * by the engine before they get here (the wide modifier covers what is left).
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
        $e_en1 = /(your|all) (important |personal )?(files|data|documents|network|servers?|computers?|systems?)[^.\n]{0,60}(encrypted|locked|crypted)/ nocase
        $e_en2 = /(have|has|were|are|got|been) (been )?(encrypted|locked|crypted)/ nocase
        $e_en3 = "encrypted with" nocase
        $e_fr1 = /vos (fichiers|donn(é|e)es|documents)[^.\n]{0,60}(chiffr|crypt)/ nocase
        $e_fr2 = /(ont|sont|a) ((é|e)t(é|e) )?(chiffr|crypt)(é|e)s?/ nocase
        $e_de1 = /(ihre|eure|deine) (dateien|daten|dokumente)[^.\n]{0,60}verschl(ü|ue)sselt/ nocase
        $e_de2 = /wurden[^.\n]{0,40}verschl(ü|ue)sselt/ nocase
        $e_es = /(sus|tus) (archivos|ficheros|datos)[^.\n]{0,60}(cifrad|encriptad)/ nocase
        $e_it = /(i (tuoi|vostri|suoi) (file|dati))[^.\n]{0,60}(crittografat|criptat|cifrat)/ nocase
        $e_pt = /(seus|teus) (arquivos|ficheiros|dados)[^.\n]{0,60}(criptografad|cifrad|encriptad)/ nocase
        $e_nl = /(uw|je) (bestanden|gegevens)[^.\n]{0,60}(versleuteld|gecodeerd)/ nocase
        $e_ru1 = "зашифрован" nocase
        $e_ru2 = "ваши файлы" nocase

        // the way back: decrypt, recover, key, decryptor
        $d_en = /(decrypt|decryption|decryptor|recover (your|all)|restore (your|all)|private key|unique key|decryption key|decrypt tool)/ nocase
        $d_fr = /(d(é|e)chiffr|d(é|e)crypt|r(é|e)cup(é|e)rer vos|cl(é|e) (priv(é|e)e|de d(é|e)chiffrement))/ nocase
        $d_de = /(entschl(ü|ue)ssel|wiederherstell|privaten schl(ü|ue)ssel)/ nocase
        $d_es = /(descifr|desencript|recuperar (sus|tus))/ nocase
        $d_it = /(decrittograf|decifrar|decriptar|recuperare i)/ nocase
        $d_pt = /(descriptograf|decifrar|recuperar (seus|os seus))/ nocase
        $d_nl = /(ontsleutel|decoderen)/ nocase
        $d_ru = "расшифр" nocase

        // payment
        $p_coin = /\b(bitcoins?|btc|monero|xmr|litecoin|ethereum|usdt|cryptocurrency|crypto-currency)\b/ nocase
        $p_ransom = /\b(ransom|ran(ç|c)on|l(ö|oe)segeld|rescate|riscatto|resgate|losgeld)\b/ nocase
        $p_ru = /(выкуп|биткоин|оплат)/ nocase

        // the attacker's contact channel
        $c_onion = /[a-z2-7]{16,56}\.onion/ nocase
        $c_tor = /(tor ?browser|torproject\.org|tor-browser)/ nocase
        $c_tox = /(tox( id)?:? ?[0-9a-f]{76}|session( messenger)?( id)?:? ?05[0-9a-f]{64}|qtox|tox\.chat|jabber:|jabber id|xmpp:|telegram: ?@)/ nocase
        $c_mail = /[a-z0-9._%+-]{2,64}@(protonmail\.(com|ch)|proton\.me|onionmail\.org|tutanota\.(com|de)|tuta\.io|cock\.li|airmail\.cc|msgsafe\.io|firemail\.cc|mailfence\.com|keemail\.me|gmx\.(com|de|net)|mail\.ru|yandex\.(ru|com)|aol\.com|india\.com|freshmail\.top|tuta\.com|zohomail\.eu)/ nocase

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
        $n_pay = /((do not|don't|never|did not|won't) pay|ne (payez|payons|paierons) (jamais|pas)|nicht (be)?zahlen|kein(en)? l(ö|oe)segeld|no pagu?e|non pagate)/ nocase
        $n_doc = /(security policy|sicherheitsrichtlinie|richtlinie|politique de (s(é|e)curit(é|e)|sauvegarde)|phishing|awareness|sensibilisierung|memo\b|newsletter)/ nocase
        $n_act = /(unplug|network cable|netzwerkkabel|c(â|a)ble r(é|e)seau|call (the )?it|it provider|it-dienstleister|prestataire informatique)/ nocase
        $n_3rd = /(the attackers|the criminals|die t(ä|ae)ter|les (pirates|attaquants|criminels)|experts recommend|did not pay)/ nocase
        $n_sw = /(installation|setup\.exe|licen[cs]e (id|key)|run as administrator|user manual|release notes)/ nocase

        // a Bitcoin address
        $btc = /\b(bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\b/

    condition:
        filesize < 2MB and not 2 of ($n_*) and (
            (any of ($w_*) and (any of ($d_*) or any of ($p_*) or any of ($c_*) or any of ($e_*)))
            or (any of ($c_*) and any of ($e_*) and (any of ($d_*) or any of ($p_*)))
            or (any of ($c_*) and any of ($d_*) and any of ($p_*))
            or ($btc and (any of ($e_*) or any of ($d_*)))
            or (any of ($e_*) and any of ($d_*) and any of ($t*))
            or (any of ($e_*) and any of ($d_*) and $m_any and (any of ($p_*) or any of ($t*)))
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
