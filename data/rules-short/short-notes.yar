/*
 * Ransom notes of a few hundred bytes: applied only to files of at most 1 KiB (the
 * engine runs this set apart: the claims below are short regular expressions over
 * common words, too costly to search in every text).
 */

/*
 * Short notes (a few hundred bytes): a Tor address, Tox or Session ID with a key, an
 * ID or a chat link, and little else. A Tor hidden service's own hostname file holds
 * the address alone.
 */
rule ransom_note_short
{
    meta:
        description = "short note: an attacker's channel and a key, an ID or a claim, in a small file"

    strings:
        $onion = /[a-z2-7]{56}\.onion\b|[a-z2-7]{16}\.onion\b/ nocase
        $tox = /\b(q|u)?tox\b[^\n]{0,20}[0-9a-f]{76}/ nocase
        // the first hex digit as an alternation: libyara takes no atom from a class, and a
        // string with none is tried at every offset of the text
        $tox2 = /\b(0|1|2|3|4|5|6|7|8|9|A|B|C|D|E|F)[0-9A-F]{75}\b/
        $session = /\b05[0-9a-f]{64}\b/ nocase
        // Telegram: the handle may be on the next line; a bot's handle ends in "bot"
        $tg = /(telegram|(Т|т)елеграм|טלגרם|تيليجرام|تلغرام|텔레그램|テレグラム|电报)[^@]{0,20}@[a-z0-9_]{5,}|(^|[^a-z0-9._%+-])@[a-z][a-z0-9_]{1,28}bot([^a-z0-9_.@-]|$)/ nocase
        $key = /\b(key|id|code|login|pass(word)?|token|ref|ticket|clé|schlüssel|kennung|codice|código|identifi\w*)\b\s*[:=]?\s*[A-Za-z0-9+\/_-]{6,}/ nocase
        $claim = /(your|all|ihre|vos|sus|i vostri|os seus|uw|ваши|your company'?s?) ?(\w+ ){0,2}(data|files|documents|network|systems?|servers?|daten|dateien|dokumente|donn(é|e)es|fichiers|documents|datos|archivos|documentos|dati|file|documenti|dados|gegevens|данные|файлы)\b/ nocase
        $act = /\b(chat|contact|write|mail|blog|leak|kontakt|contacte|contáct|contact|contatt|escrib|scriv|schrijf|napisz|iletişim|напиш|связ|portal|links?\b|tor network|tor browser)/ nocase
        $act_cjk = /(联系|連絡|联络)/
        // (the first hex digit as an alternation: see $tox2)
        $idhex = /\b(0|1|2|3|4|5|6|7|8|9|A|B|C|D|E|F)[0-9A-F]{15,63}\b/
        $host = /^[a-z2-7]{56}\.onion\s*$/ nocase

        // a product's documentation: a README or a product page says "your files are
        // encrypted" with a mail too
        $n_sw = /(pricing|features|licen[cs]e|copyright|documentation|user guide|user manual|usage:|report bugs|bug reports?|all rights reserved|©|лицензи|соглашени|поддержк|программ(а|е|у|ы) )/ nocase

        // the defender's voice (as in rules/ransom-notes.yar): memos and policies are short too
        $v_pay = /((do not|don't|never|did not|won't) pay|ne (payez|payons|paierons) (jamais|pas)|nicht (be)?zahlen|kein(en)? l(ö|oe)segeld|no pagu?e|non pagate)/ nocase
        // the attacker's "if you do not pay, we publish": a condition, not advice
        $v_payif = /(\bif (you )?(do not|don't|won't|will not|refuse to|fail to|choose not to|decide not to) pay|\b(do not|don't|won't) pay,? (and|or|then|we)\b|si (vous )?ne (payez|paierez) pas|wenn sie nicht (be)?zahlen)/ nocase
        $n_doc = /(security policy|sicherheitsrichtlinie|richtlinie|politique de (s(é|e)curit(é|e)|sauvegarde)|phishing|awareness|sensibilisierung|memo\b|newsletter)/ nocase
        $n_act = /(unplug|network cable|netzwerkkabel|c(â|a)ble r(é|e)seau|call (the )?it\b|it provider|it-dienstleister|prestataire informatique)/ nocase
        $n_3rd = /(the attackers|the criminals|die t(ä|ae)ter|les (pirates|attaquants|criminels)|experts recommend|did not pay|threat actors?)/ nocase

    condition:
        filesize < 600 and not $host and not any of ($n_*) and not (#v_pay > #v_payif) and
        ((($onion or $tox or $tox2 or $session or $tg) and ($key or $claim or $act or $act_cjk or $idhex)))
}

/*
 * Short notes whose only channel is a mail address: a claim in the attacker's voice
 * (your files encrypted or locked, your data taken, your network breached) and the
 * address, in a file of a few hundred bytes. A short text that merely gives a mail
 * address and mentions files has no such claim.
 */
rule ransom_note_short_mail
{
    meta:
        description = "short note: an attack claim and a mail address, in a small file"

    strings:
        $mail = /[a-z0-9._%+-]{2,64}@[a-z0-9-]{2,63}\.[a-z]{2,10}/ nocase
        // the claim is on the reader's things or in the attacker's voice: "the printer is
        // locked again" in a support ticket with the helpdesk's mail is neither
        $claim_en = /\b(your|all|the)\b (\w+ ){0,3}(files|data|documents|network|servers?|systems?|computers?|backups?|databases?|records)\b[^.\n]{0,40}\b(encrypted|locked|crypted|stolen|downloaded|exfiltrated|extracted|taken|hacked|breached|compromised|penetrated|copied|accessed|dumped)\b/ nocase
        $claim_en4 = /\b(we|us)\b[^.\n]{0,60}\b(encrypted|locked|crypted|stolen|downloaded|exfiltrated|extracted|taken|hacked|breached|compromised|penetrated|copied|accessed|dumped)\b/ nocase
        $claim_en2 = /\b(you are|you've been|you have been) (hacked|breached|compromised)/ nocase
        $claim_en3 = /\bwe (also )?(have|hold|took|got) (a copy of |all )?(of )?your\b/ nocase
        $claim_de = /(ihre|eure|deine|wir)[^.\n]{0,60}(verschl(ü|ue)sselt|gesperrt|gestohlen|heruntergeladen|kopiert|gehackt)/ nocase
        $claim_fr = /(vos|votre|nous)[^.\n]{0,60}(chiffr|crypt|bloqu|vol(é|e)|t(é|e)l(é|e)charg|copi(é|e)|extrait|compromis|pirat)/ nocase
        $claim_es = /(sus|tus|su|hemos)[^.\n]{0,60}(cifrad|encriptad|bloquead|robad|descargad|comprometid|hackead)/ nocase
        $claim_it = /(i vostri|i tuoi|la vostra|abbiamo)[^.\n]{0,60}(cifrat|crittografat|bloccat|rubat|scaricat|compromess)/ nocase
        $claim_pt = /(seus|sua|os seus|a sua|n(ó|o)s)[^.\n]{0,60}(criptografad|cifrad|bloquead|roubad|baixad|comprometid)/ nocase
        $claim_nl = /(uw|je|wij)[^.\n]{0,60}(versleuteld|vergrendeld|gestolen|gekopieerd|gedownload)/ nocase
        $claim_ru = /(ваши|ваша|мы)[^.\n]{0,60}(зашифрован|заблокирован|украл|скачал|взлом)/
        $claim_pl = /(twoje|wasze|pliki)[^.\n]{0,60}(zaszyfrowan|zablokowan|skradzion|skopiowan)/ nocase
        $claim_tr = /(dosyalar|verileriniz|ağınız)[^.\n]{0,60}(şifrelen|kilitlen|çalındı|kopyalandı|indirildi)/ nocase
        $claim_cjk = /(暗号化|加密|ダウンロード|下载|盗|窃取|ロック)/

        // a product's documentation: a README or a product page says "your files are
        // encrypted" with a mail too
        $n_sw = /(pricing|features|licen[cs]e|copyright|documentation|user guide|user manual|usage:|report bugs|bug reports?|all rights reserved|©|лицензи|соглашени|поддержк|программ(а|е|у|ы) )/ nocase

        // the defender's voice (as in rules/ransom-notes.yar): memos and policies are short too
        $v_pay = /((do not|don't|never|did not|won't) pay|ne (payez|payons|paierons) (jamais|pas)|nicht (be)?zahlen|kein(en)? l(ö|oe)segeld|no pagu?e|non pagate)/ nocase
        // the attacker's "if you do not pay, we publish": a condition, not advice
        $v_payif = /(\bif (you )?(do not|don't|won't|will not|refuse to|fail to|choose not to|decide not to) pay|\b(do not|don't|won't) pay,? (and|or|then|we)\b|si (vous )?ne (payez|paierez) pas|wenn sie nicht (be)?zahlen)/ nocase
        $n_doc = /(security policy|sicherheitsrichtlinie|richtlinie|politique de (s(é|e)curit(é|e)|sauvegarde)|phishing|awareness|sensibilisierung|memo\b|newsletter)/ nocase
        $n_act = /(unplug|network cable|netzwerkkabel|c(â|a)ble r(é|e)seau|call (the )?it\b|it provider|it-dienstleister|prestataire informatique)/ nocase
        $n_3rd = /(the attackers|the criminals|die t(ä|ae)ter|les (pirates|attaquants|criminels)|experts recommend|did not pay|threat actors?)/ nocase

    condition:
        filesize < 600 and $mail and any of ($claim_*) and not any of ($n_*) and not (#v_pay > #v_payif)
}

/*
 * Short notes in any language, by the kinds of evidence a note has rather than by its
 * sentences (issue 20: the notes the rules above missed were a line or two in
 * Portuguese, Polish, Korean, Turkish, Arabic, or terse English): a way to reach the
 * attacker or to pay him (Tor, Tox, Session, Telegram, a mail, a Bitcoin or Monero
 * address) and two different kinds of words of the trade, from these lists: "encrypted /
 * locked", "stolen / leaked / published / downloaded", "pay / bitcoin / ransom", an
 * amount of data ("593 GB"); or "encrypted" or "stolen" with a personal ID or key. A
 * Tor, Tox or Session address is rare enough outside notes that one such word suffices
 * with it. Paying alone is not enough: an invoice asks for Bitcoin, a mail and a
 * transaction ID too (tests/corpus's Crypto_Invoice_March.txt).
 * Short texts that merely give a mail address (a README, a licence stub) have none of
 * these words twice over, and the defender's voice is excluded as above. The word lists
 * cover fourteen languages (en de fr es it pt nl ru pl tr zh ja ko ar); short-words.yar
 * beside this file has the same kinds of words in 26 languages, and the terse forms.
 */
rule ransom_note_short_evidence
{
    meta:
        description = "short note: an attacker's channel and the words of extortion, in any language"

    strings:
        $c_onion = /[a-z2-7]{56}\.onion\b|[a-z2-7]{16}\.onion\b/ nocase
        // (the first hex digit as an alternation: see $tox2)
        $c_tox = /\b(0|1|2|3|4|5|6|7|8|9|A|B|C|D|E|F)[0-9A-F]{75}\b/ nocase
        $c_session = /\b05[0-9a-f]{64}\b/ nocase
        $c_tg = /(telegram|(Т|т)елеграм|טלגרם|تيليجرام|تلغرام|텔레그램|テレグラム|电报)[^@]{0,20}@[a-z0-9_]{5,}|(^|[^a-z0-9._%+-])@[a-z][a-z0-9_]{1,28}bot([^a-z0-9_.@-]|$)/ nocase
        $m_mail = /[a-z0-9._%+-]{2,64}@[a-z0-9-]{2,63}\.[a-z]{2,10}/ nocase
        $m_btc = /\b(bc1q[02-9ac-hj-np-z]{38,58}|(1|3)[1-9A-HJ-NP-Za-km-z]{25,34})\b/
        $m_xmr = /\b4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}\b/

        $w_crypt = /(encrypt|decrypt|crypted|chiffr|cifrad|cifrat|criptograf|crittograf|verschl(ü|ue)ssel|entschl(ü|ue)ssel|versleutel|ontsleutel|szyfr|şifrele|зашифр|расшифр|шифрован|암호화|تشفير|مشفر|暗号化|加密|gesperrt|locked|verrouill|bloquead|bloccat|zablokow|kilitlen)/ nocase
        $w_theft = /(stolen|exfiltrat|leaked|\bleak\b|(data|files|documents|records|everything|all)\b[^.\n]{0,40}publish|publish[^.\n]{0,40}\b(your|their|the) (\w+ ){0,2}(data|files|documents|records)|we (will )?publish|gestohlen|ver(ö|oe)ffentlich|heruntergeladen|vol(é|e)es?\b|publi(é|e)|\bdownloaded\b|robad|publicad|roubad|publica|rubat|pubblic|gestolen|publiceren|skradzion|zabrali|publikac|çalın|yayınla|indirdik|украд|украл|(О|о)публику(ем|ют)|буд(ут|ет) опубликован|опубликован[^.\n]{0,30}наш|(С|с)копировал|유출|유포|سرقة|نشر|נגנב|גנבנו|העתקנו|窃取|泄露|公開|盗ま|invadid)/ nocase
        $w_pay = /(bitcoin|\bbtc\b|monero|\bxmr\b|ransom|l(ö|oe)segeld|ran(ç|c)on|rescate|riscatto|resgate|\bokup|fidye|выкуп|몸값|فدية|赎金|身代金|\bpay\b|zahlen sie|payez|pague|zapłać|ödeyin|оплат|지불|ادفع|支付)/ nocase
        $w_gb = /\b[0-9]{1,5} ?(GB|TB|Go|To|ГБ)\b/

        $id_key = /\b(key|id|code|login|token|ref|clé|schlüssel|kennung|codice|código|klucz|anahtar|kimli\w*|ключ|키|المعرف|identifi\w*|identyfikator)\b\s*[:=]?\s*[A-Za-z0-9+\/_-]{6,}/ nocase
        // (the first hex digit as an alternation: see $tox2)
        $id_hex = /\b(0|1|2|3|4|5|6|7|8|9|A|B|C|D|E|F)[0-9A-F]{15,63}\b/
        $host = /^[a-z2-7]{56}\.onion\s*$/ nocase

        // a product's documentation: a README or a product page says "your files are
        // encrypted" with a mail too
        $n_sw = /(pricing|features|licen[cs]e|copyright|documentation|user guide|user manual|usage:|report bugs|bug reports?|all rights reserved|©|лицензи|соглашени|поддержк|программ(а|е|у|ы) )/ nocase

        // the defender's voice (as in rules/ransom-notes.yar)
        $v_pay = /((do not|don't|never|did not|won't) pay|ne (payez|payons|paierons) (jamais|pas)|nicht (be)?zahlen|kein(en)? l(ö|oe)segeld|no pagu?e|non pagate)/ nocase
        // the attacker's "if you do not pay, we publish": a condition, not advice
        $v_payif = /(\bif (you )?(do not|don't|won't|will not|refuse to|fail to|choose not to|decide not to) pay|\b(do not|don't|won't) pay,? (and|or|then|we)\b|si (vous )?ne (payez|paierez) pas|wenn sie nicht (be)?zahlen)/ nocase
        $n_doc = /(security policy|sicherheitsrichtlinie|richtlinie|politique de (s(é|e)curit(é|e)|sauvegarde)|phishing|awareness|sensibilisierung|memo\b|newsletter)/ nocase
        $n_act = /(unplug|network cable|netzwerkkabel|c(â|a)ble r(é|e)seau|call (the )?it\b|it provider|it-dienstleister|prestataire informatique)/ nocase
        $n_3rd = /(the attackers|the criminals|die t(ä|ae)ter|les (pirates|attaquants|criminels)|experts recommend|did not pay|threat actors?)/ nocase

    condition:
        filesize < 600 and not $host and not any of ($n_*) and not (#v_pay > #v_payif) and
        (
            (any of ($c_*) and ($w_crypt or $w_theft or $w_gb or ($w_pay and any of ($id_*)))) or
            (any of ($m_*) and (2 of ($w_*) or (($w_crypt or $w_theft) and any of ($id_*))))
        )
}
