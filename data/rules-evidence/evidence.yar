/*
 * Evidence of a note, not enough alone (issue 20): asked of small texts (at most 4 KiB,
 * read whole) that no note rule matched and that give a way to reach someone. A match
 * makes the file a candidate: when the same content (the same hash) lies in several
 * folders of the scanned tree, the scan calls every copy a note (lib/detect/dupnote.h).
 * A note is dropped in every folder the attacker touched; a README or a licence stub
 * copied into fifty folders has no two of these kinds of evidence, and desktop.ini,
 * Thumbs.db or .gitkeep none.
 *
 * A way to reach the attacker (Tor, Tox, Session, Telegram or a bare @handle with a digit
 * or '_', a mail, a Bitcoin or Monero address) and, in a text of at most 1 KiB, one more
 * kind of evidence, in a longer one
 * two: a personal ID, an amount of data, words of encryption, of theft or publication,
 * of payment (the same lists as rules-short/short-words.yar). The defender's voice is
 * excluded as everywhere.
 */
rule note_evidence
{
    meta:
        description = "evidence of a ransom note (a candidate when copied in many folders)"

    strings:
        $c_onion = /[a-z2-7]{56}\.onion\b|[a-z2-7]{16}\.onion\b/ nocase
        // the first hex digit as an alternation: libyara takes no atom from a class, and a
        // string with none is tried at every offset of the text
        $c_tox = /\b(0|1|2|3|4|5|6|7|8|9|A|B|C|D|E|F)[0-9A-F]{75}\b/ nocase
        $c_session = /\b05[0-9a-f]{64}\b/ nocase
        $c_tg = /(telegram|\btg|(Т|т)елеграм|טלגרם|تيليجرام|تلغرام|텔레그램|テレグラム|电报)[^\n]{0,20}@[a-z0-9_]{5,}|t\.me\/[a-z0-9_]{5,}/ nocase
        // a bare handle after a space or a colon, with a digit or '_' (@decrypt_kw3,
        // @helpdesk_bxnvr1; not a mail, whose '@' follows a letter; not @param, @media)
        $c_handle = /(^|[ \t\n:(,;])@[a-z][a-z0-9]{0,30}[0-9_][a-z0-9_]{0,30}\b/ nocase
        $m_mail = /[a-z0-9._%+-]{2,64}@[a-z0-9-]{2,63}\.[a-z]{2,10}/ nocase
        $m_btc = /\b(bc1q[02-9ac-hj-np-z]{38,58}|(1|3)[1-9A-HJ-NP-Za-km-z]{25,34})\b/
        $m_xmr = /\b4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}\b/
        // "locked" of the victim's things, not of a printer or an account
        $cr_lat = /(encrypt|decrypt|crypted|ciphered|(files|data|documents|servers?|systems?|network|computers?)\b[^.\n]{0,30}\blocked\b|verschl(ü|ue)ssel|entschl(ü|ue)ssel|gesperrt|chiffr|d(é|e)chiffr|verrouill|cifrad|cifrat|descifr|encriptad|criptograf|crittograf|decritt|bloquead|bloccat)/ nocase
        $cr_lat2 = /(szyfr|zablokow|versleutel|ontsleutel|vergrendeld|gecodeerd|krypter|dekrypter|kryptert|krypteret|(š|s)ifrov|(š|s)ifrovan|de(š|s)ifr|zam(č|c)en|criptat|criptare|decript|blocat|titkos(í|i)t|visszafejt|z(á|a)rolt|şifrelen|şifreli|şifrele|şifresini|(ç|c)(ö|o)z(ü|u)c|kilitlen|kilitli|m(ã|a) h(ó|o)a|m(ã|a) ho(á|a)|gi(ả|a)i m(ã|a)|b(ị|i) kh(ó|o)a|dienkripsi|terenkripsi|enkripsi|dekripsi|terkunci)/ nocase
        $cr_cyr = /(зашифр|расшифр|дешифр|шифрован|заблокир|розшифр|шифрув|κρυπτογρ|κλειδώθηκ)/
        $cr_rtl = /(تشفير|مشفر|فك التشفير|رمزگذاری|رمزنگاری|رمزگشایی|رمز شده|מוצפנ|הצפנ|פענוח|נעול)/
        $cr_asia = /(암호화|복호화|잠겼|暗号化|復号|加密|解密|锁定|鎖定|एन्क्रिप्ट|डिक्रिप्ट|कूटबद्ध|เข้ารหัส|ถอดรหัส)/
        $th_lat = /(stolen|exfiltrat|leaked|leak site|(data|files|documents|records|everything|all)\b[^.\n]{0,40}publish|publish[^.\n]{0,40}\b(your|their|the) (\w+ ){0,2}(data|files|documents|records)|we (will )?publish|gestohlen|ver(ö|oe)ffentlich|heruntergeladen|vol(é|e)(e|s)?\b|publi(é|e)|divulgu|robad|publicar|filtrad|rubat|pubblic|trafugat|roubad|vazad|divulga)/ nocase
        $th_lat2 = /(skradzion|wyciek|opublikuj|upubliczn|gestolen|gelekt|publiceren|gepubliceerd|stulna|stulit|l(ä|a)ck|publicera|ukraden|odcizen|(ú|u)nik\b|zve(ř|r)ejn|publikov|furat|furate|publica(ţ|ț|t)i|public(ă|a)m|ellopt|kisziv(á|a)rog|nyilv(á|a)noss(á|a)gra|k(ö|o)zz(é|e)tesz|(đ|d)(á|a)nh c(ắ|a)p|r(ò|o) r(ỉ|i)|c(ô|o)ng b(ố|o)|dicuri|bocor|dipublikasikan|publikasikan|çalındı|çalınan|sızdır|yayınla)/ nocase
        $th_cyr = /((данные|файлы|документы) у нас|украд|украл|похищ|утечк|(О|о)публику(ем|ют)|буд(ут|ет) опубликован|опубликован[^.\n]{0,30}наш|(С|с)копировал|слив|вкрад|викрад|витік|оприлюдн|опублік|κλάπηκ|κλεμμέν|διαρρ|δημοσιε)/
        $th_rtl = /(سرقة|مسروق|تسريب|سننشر|نسخنا|سرقت|دزدید|افشا|منتشر|נגנב|גנבנו|הדלפ|דליפ|העתקנו|שלכם אצלנו)/
        $th_asia = /(유출|훔친|탈취|유포|복사했|盗ま|窃取|竊取|盗取|流出|漏洩|泄露|泄漏|洩露|公开|公布|公開|चोरी|लीक|प्रकाशित|ขโมย|รั่วไหล|เผยแพร่)/
        // "will be published" in the alphabets the stems cover: an annual report is
        // published too, so with one more kind of extortion only
        $pb = /(פרסם|פורסם|공개하|공개할|공개됩|سيتم نشر)/
        $py_lat = /(bitcoin|\bbtc\b|monero|\bxmr\b|ransom|\bpay\b|\bpayment|l(ö|oe)segeld|zahlen sie|zahlung|ran(ç|c)on|payez|paiement|rescate|\bpague|\bpagar|pagamento|riscatto|resgate)/ nocase
        $py_lat2 = /(zap(ł|l)a(ć|c)|zap(ł|l)aci(ć|c)|p(ł|l)atno(ś|s)(ć|c)|\bokup|losgeld|\bbetaal|betalen|betaling|\bbetala|betalning|l(ö|o)sen|zapla(ť|t)|zaplatit|platb|v(ý|y)kupn|pl(ă|a)ti|\bplata|r(ă|a)scump|fizet|v(á|a)lts(á|a)gd(í|i)j|thanh to(á|a)n|tr(ả|a) ti(ề|e)n|ti(ề|e)n chu(ộ|o)c|\bbayar|pembayaran|tebusan|(ö|o)deme|(ö|o)deyin|fidye)/ nocase
        $py_cyr = /(оплат|заплат|выкуп|викуп|биткоин|біткоїн|πληρωμ|πληρώστε|λύτρα)/
        $py_rtl = /(ادفع|الدفع|فدية|بيتكوين|پرداخت|باج|לשלם|תשלום|כופר)/
        $py_asia = /(지불|결제|몸값|비트코인|支払|身代金|ビットコイン|支付|付款|赎金|贖金|比特币|比特幣|भुगतान|फिरौती|จ่าย|ชำระ|ค่าไถ่)/
        $id_lab = /\b(id|key|code|ticket|token)\b\s*[:=]\s*[A-Za-z0-9+\/_-]{8,}/ nocase
        $id_hex = /(\(|\bid\b\W{0,3})([0-9]{1,20}[a-f]|[a-f]{1,20}[0-9])[0-9a-f]{6,62}\b/ nocase
        $gb = /\b[0-9]{1,5} ?(GB|TB|Go|To|ГБ|ТБ)\b/
        $n_inv = /(invoice|receipt|order (no|number|#)|licen(c|s)e|serial|activation|subscription|rechnung|facture|factura|fattura)/ nocase
        // the defender's "do not pay"; the attacker's "if you do not pay, we publish" is
        // a condition, not advice (as in the other rules: "si vous ne payez pas" vetoed
        // a French note's evidence, issue 20)
        $v_pay = /((do not|don't|never|did not|won't) pay|ne (payez|payons|paierons) (jamais|pas)|nicht (be)?zahlen|kein(en)? l(ö|oe)segeld|no pagu?e|non pagate)/ nocase
        $v_payif = /(\bif (you )?(do not|don't|won't|will not|refuse to|fail to|choose not to|decide not to) pay|\b(do not|don't|won't) pay,? (and|or|then|we)\b|si (vous )?ne (payez|paierez) pas|wenn sie nicht (be)?zahlen)/ nocase
        $n_doc = /(security policy|sicherheitsrichtlinie|richtlinie|politique de (s(é|e)curit(é|e)|sauvegarde)|phishing|awareness|sensibilisierung|memo\b|newsletter|unsubscribe|abmelden|d(é|e)sinscri|d(é|e)sabonn)/ nocase
        $n_act = /(unplug|network cable|netzwerkkabel|c(â|a)ble r(é|e)seau|call (the )?it\b|it provider|it-dienstleister|prestataire informatique)/ nocase
        $n_3rd = /(the attackers|the criminals|die t(ä|ae)ter|les (pirates|attaquants|criminels)|experts recommend|did not pay|threat actors?)/ nocase

    condition:
        filesize <= 4096 and not any of ($n_*) and not (#v_pay > #v_payif) and
        (any of ($c_*) or any of ($m_*)) and
        (
            (filesize <= 1024 and (any of ($cr_*) or any of ($th_*) or any of ($py_*) or
                any of ($id_*) or $gb)) or
            ($pb and (any of ($cr_*) or any of ($th_*) or any of ($py_*) or any of ($id_*) or $gb)) or
            // a longer text (a code of conduct gives a mail and forbids publishing
            // others' addresses): two kinds besides the channel
            ((any of ($cr_*) and 1 of ($th_*, $py_*, $id_*, $gb)) or
             (any of ($th_*) and 1 of ($py_*, $id_*, $gb)) or
             (any of ($py_*) and 1 of ($id_*, $gb)) or
             ($gb and any of ($id_*)))
        )
}
