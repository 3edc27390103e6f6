/*
 * Short notes in the languages a practice's attacker may write in, by kinds of words
 * (issue 20): a note of one or two lines says that the files are encrypted or the data
 * stolen, how to pay, a key or an ID, how to write, a deadline; and it gives a way to
 * reach the attacker. Each kind below is one string per language group, written from
 * the languages (not from notes): en de fr es it pt pl nl sv cs ro hu ru uk el tr ar he
 * fa hi ko ja zh vi id th. Stems rather than words where the language inflects; no stem
 * so short or common that ordinary text has it (Turkish "şifre" alone is a password,
 * Dutch "uur" an hour of anything: they come with what makes them extortion).
 *
 * What makes a note (the engine asks this set of files of at most 1 KiB that give a way
 * to reach someone, see check_note):
 *  - a Tor, Tox, Session or Telegram contact with one kind of word other than "files"
 *    or "key" (those are everyday words), or with a personal ID;
 *  - a mail or a Bitcoin/Monero address with "encrypted/locked" and one more kind
 *    (files, pay, key, contact, deadline, an ID, an amount of data), or with
 *    "stolen/leaked/published" and one more kind but files (a release note has fixed
 *    a leak and published files);
 *  - a mail with "pay" and a key or an ID and a contact or a deadline;
 *  - in a file under 200 bytes, "write to" a mail with a personal ID (a token of letters
 *    and digits, 12 or more): a note can be that terse, a README cannot.
 * The defender's voice (memos, policies, the news) is excluded as in the other rules.
 */
rule ransom_note_short_words
{
    meta:
        description = "short note: a way to reach the attacker and the words of extortion, in one of 26 languages"

    strings:
        $c_onion = /[a-z2-7]{56}\.onion\b|[a-z2-7]{16}\.onion\b/ nocase
        // the first hex digit as an alternation: libyara takes no atom from a class, and a
        // string with none is tried at every offset of the text
        $c_tox = /\b(0|1|2|3|4|5|6|7|8|9|A|B|C|D|E|F)[0-9A-F]{75}\b/ nocase
        $c_session = /\b05[0-9a-f]{64}\b/ nocase
        // Telegram: the handle may be on the next line; a bot's handle ends in "bot"
        // Keybase: a chat some families use instead of a mail
        $c_keybase = /\bkeybase\b/ nocase
        // Telegram by its name in the alphabets the stems cover (a Hebrew note wrote טלגרם)
        $c_tg = /(telegram|\btg|(Т|т)елеграм|טלגרם|تيليجرام|تلغرام|텔레그램|テレグラム|电报)[^@]{0,20}@[a-z0-9_]{5,}|t\.me\/[a-z0-9_]{5,}|(^|[^a-z0-9._%+-])@[a-z][a-z0-9_]{1,28}bot([^a-z0-9_.@-]|$)/ nocase
        $m_mail = /[a-z0-9._%+-]{2,64}@[a-z0-9-]{2,63}\.[a-z]{2,10}/ nocase
        // a messenger's bare handle with a digit or '_' (@lwaoqvy_support), as weak as a mail
        $m_handle = /(^|[ \t\n:(,;])@[a-z][a-z0-9]{0,30}[0-9_][a-z0-9_]{0,30}\b/ nocase
        $m_btc = /\b(bc1q[02-9ac-hj-np-z]{38,58}|(1|3)[1-9A-HJ-NP-Za-km-z]{25,34})\b/
        $m_xmr = /\b4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}\b/

        // encrypted, decrypt, locked (the victim's things: "the printer is locked again"
        // in a support ticket with the helpdesk's mail is not)
        $cr_lat = /(encrypt|decrypt|crypted|ciphered|(files|data|documents|servers?|systems?|network|computers?)\b[^.\n]{0,30}\blocked\b|verschl(ü|ue)ssel|entschl(ü|ue)ssel|gesperrt|chiffr|d(é|e)chiffr|verrouill|cifrad|cifrat|descifr|encriptad|criptograf|crittograf|decritt|bloquead|bloccat)/ nocase
        $cr_lat2 = /(szyfr|zablokow|versleutel|ontsleutel|vergrendeld|gecodeerd|krypter|dekrypter|kryptert|krypteret|(š|s)ifrov|(š|s)ifrovan|de(š|s)ifr|zam(č|c)en|criptat|criptare|decript|blocat|titkos(í|i)t|visszafejt|z(á|a)rolt|şifrelen|şifreli|şifrele|şifresini|(ç|c)(ö|o)z(ü|u)c|kilitlen|kilitli|m(ã|a) h(ó|o)a|m(ã|a) ho(á|a)|gi(ả|a)i m(ã|a)|b(ị|i) kh(ó|o)a|dienkripsi|terenkripsi|enkripsi|dekripsi|terkunci)/ nocase
        $cr_cyr = /(зашифр|расшифр|дешифр|шифрован|заблокир|розшифр|шифрув|κρυπτογρ|κλειδώθηκ)/
        $cr_rtl = /(تشفير|مشفر|فك التشفير|رمزگذاری|رمزنگاری|رمزگشایی|رمز شده|מוצפנ|הצפנ|הוצפנ|להצפין|פענוח|נעול)/
        $cr_asia = /(암호화|복호화|잠겼|暗号化|復号|加密|解密|锁定|鎖定|एन्क्रिप्ट|डिक्रिप्ट|कूटबद्ध|เข้ารหัส|ถอดรหัส)/

        // stolen, leaked, published (the victim's data: "version 2.1 is published" is not)
        $th_lat = /(stolen|exfiltrat|leaked|leak site|(data|files|documents|records|everything|all)\b[^.\n]{0,40}publish|publish[^.\n]{0,40}\b(your|their|the) (\w+ ){0,2}(data|files|documents|records)|we (will )?publish|gestohlen|ver(ö|oe)ffentlich|heruntergeladen|vol(é|e)(e|s)?\b|publi(é|e)|divulgu|robad|publicar|filtrad|rubat|pubblic|trafugat|roubad|vazad|divulga)/ nocase
        $th_lat2 = /(skradzion|wyciek|opublikuj|upubliczn|gestolen|gelekt|publiceren|gepubliceerd|stulna|stulit|l(ä|a)ck|publicera|ukraden|odcizen|(ú|u)nik\b|zve(ř|r)ejn|publikov|furat|furate|publica(ţ|ț|t)i|public(ă|a)m|ellopt|kisziv(á|a)rog|nyilv(á|a)noss(á|a)gra|k(ö|o)zz(é|e)tesz|(đ|d)(á|a)nh c(ắ|a)p|r(ò|o) r(ỉ|i)|c(ô|o)ng b(ố|o)|dicuri|bocor|dipublikasikan|publikasikan|çalındı|çalınan|sızdır|yayınla)/ nocase
        $th_cyr = /((данные|файлы|документы) у нас|украд|украл|похищ|утечк|(О|о)публику(ем|ют)|буд(ут|ет) опубликован|опубликован[^.\n]{0,30}наш|(С|с)копировал|слив|вкрад|викрад|витік|оприлюдн|опублік|κλάπηκ|κλεμμέν|διαρρ|δημοσιε)/
        $th_rtl = /(سرقة|مسروق|تسريب|سننشر|نسخنا|سرقت|دزدید|افشا|منتشر|נגנב|גנבנו|הדלפ|דליפ|העתקנו|שלכם אצלנו)/
        $th_asia = /(유출|훔친|탈취|유포|복사했|盗ま|窃取|竊取|盗取|流出|漏洩|泄露|泄漏|洩露|公开|公布|公開|चोरी|लीक|प्रकाशित|ขโมย|รั่วไหล|เผยแพร่)/
        // "will be published" in the alphabets the stems cover: an annual report is
        // published too, so with one more kind of extortion only
        $pb = /(פרסם|פורסם|공개하|공개할|공개됩|سيتم نشر)/

        // pay, ransom
        $py_lat = /(bitcoin|\bbtc\b|monero|\bxmr\b|ransom|\bpay\b|\bpayment|l(ö|oe)segeld|zahlen sie|zahlung|ran(ç|c)on|payez|paiement|rescate|\bpague|\bpagar|pagamento|riscatto|resgate)/ nocase
        $py_lat2 = /(zap(ł|l)a(ć|c)|zap(ł|l)aci(ć|c)|p(ł|l)atno(ś|s)(ć|c)|\bokup|losgeld|\bbetaal|betalen|betaling|\bbetala|betalning|l(ö|o)sen|zapla(ť|t)|zaplatit|platb|v(ý|y)kupn|pl(ă|a)ti|\bplata|r(ă|a)scump|fizet|v(á|a)lts(á|a)gd(í|i)j|thanh to(á|a)n|tr(ả|a) ti(ề|e)n|ti(ề|e)n chu(ộ|o)c|\bbayar|pembayaran|tebusan|(ö|o)deme|(ö|o)deyin|fidye)/ nocase
        $py_cyr = /(оплат|заплат|выкуп|викуп|биткоин|біткоїн|πληρωμ|πληρώστε|λύτρα)/
        $py_rtl = /(ادفع|الدفع|فدية|بيتكوين|پرداخت|باج|לשלם|תשלום|כופר|ביטקוין)/
        $py_asia = /(지불|결제|몸값|비트코인|支払|身代金|ビットコイン|支付|付款|赎金|贖金|比特币|比特幣|भुगतान|फिरौती|จ่าย|ชำระ|ค่าไถ่)/

        // key, ID
        $ky_lat = /\b(key|your id|personal id|victim id|schl(ü|ue)ssel|cl(é|e) |llave|chiave|chave|klucz|sleutel|nyckel|kl(í|i)(č|c)|cheie|cheia|kulcs|azonos(í|i)t|anahtar|kimlik|kunci|kh(ó|o)a c(ủ|u)a)/ nocase
        $ky_other = /(ключ|κλειδί|مفتاح|المعرف|معرف|کلید|شناسه|מפתח|מזהה|키|キー|鍵|密钥|密鑰|कुंजी|กุญแจ|คีย์)/

        // contact, write
        $ct_lat = /(contact|\bwrite\b|\b(e-?)?mail us\b|schreib|kontakt|(é|e)crive|contacte|escrib|scrivi|scriveteci|contatt|contato|escreva|napisz|skontaktuj|schrijf|mail ons|skriv|kontaktuj|napi(š|s)te|contacta|scrie(ţ|ț|t)i|(í|i)rjon|(í|i)rj\b|kapcsolat|li(ê|e)n h(ệ|e)|g(ử|u)i email|hubungi|tulis|ileti(ş|s)im|yaz(ı|i)n|ula(ş|s)(ı|i)n)/ nocase
        $ct_cyr = /(напиш|пишите|связ|зв'яж|зв’яж|επικοινων|γράψτε)/
        $ct_rtl = /(اتصل|تواصل|راسلنا|اكتب|تماس|بنویسید|צרו קשר|איתנו קשר|פנו|כתבו)/
        $ct_asia = /(연락|문의|連絡|問い合わせ|联系|聯繫|聯絡|联络|संपर्क|लिखें|ติดต่อ)/

        // files, data
        $fl_lat = /(files|data|daten|dateien|fichiers|donn(é|e)es|archivos|datos|documenti|arquivos|ficheiros|dados|pliki|dane|bestanden|gegevens|filer|soubory|fi(ş|ș|s)iere|f(á|a)jl|adat|t(ệ|e)p|d(ữ|u) li(ệ|e)u|berkas|dosya|veri)/ nocase
        $fl_other = /(файл|данны|дані|αρχεία|δεδομένα|ملفات|بيانات|فایل|اطلاعات|קבצים|מידע|파일|데이터|ファイル|データ|文件|檔案|数据|資料|फ़ाइल|फाइल|डेटा|ไฟล์|ข้อมูล)/

        // a deadline
        $dl_lat = /([0-9]+ ?(hours|days|stunden|tage|heures|jours|horas|d(í|i)as|ore\b|giorni|godzin|dni|uur|timmar|dagar|hodin|dn(í|i)|(ó|o)r(á|a)n|nap|gi(ờ|o)|ng(à|a)y|jam|hari|saat|g(ü|u)n)|deadline|frist|d(é|e)lai|plazo|scadenza|prazo|termin|termijn|lh(ů|u)t|termen|hat(á|a)rid|th(ờ|o)i h(ạ|a)n|batas waktu|s(ü|u)re)/ nocase
        $dl_other = /([0-9]+ ?(일|日|天)|часов|часа|суток|срок|дней|дня|годин|термін|ώρες|προθεσμ|ساعة|ساعات|مهلة|ساعت|مهلت|שעות|시간|기한|時間以内|期限|小时|小時|घंटे|समय सीमा|ชั่วโมง)/

        // a personal ID: a token of 12 or more letters and digits, with both
        $id_tok = /\b([0-9]{1,40}[A-Za-z]|[A-Za-z]{1,40}[0-9])[A-Za-z0-9]{10,62}\b/
        // or a short hexadecimal one, in brackets or after "ID"
        $id_hex = /(\(|\bid\b\W{0,3})([0-9]{1,20}[a-f]|[a-f]{1,20}[0-9])[0-9a-f]{6,62}\b/ nocase
        // an amount of data taken, a claim on the reader's things
        $gb = /\b[0-9]{1,5} ?(GB|TB|Go|To|ГБ|ТБ)\b/
        $cl_en = /\b(your|all) (\w+ ){0,2}(files|data|documents|network|systems?|servers?|backups?)\b/ nocase
        // a way back: what a note offers
        $back = /\b(to (restore|recover|decrypt|unlock)|get (them|it|your \w+) back)\b/ nocase
        // an invoice or a licence asks to pay too
        $n_inv = /(invoice|receipt|order (no|number|#|id)|licen(c|s)e|serial|activation|subscription|rechnung|facture|factura|fattura)/ nocase
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
            (any of ($c_*) and (any of ($cr_*) or any of ($th_*) or any of ($py_*) or
                any of ($ct_*) or any of ($dl_*) or $id_tok)) or
            ((any of ($c_*) or any of ($m_*)) and $pb and (any of ($cr_*) or any of ($th_*) or any of ($py_*) or
                $id_tok or $gb)) or
            (any of ($m_*) and any of ($cr_*) and
                (any of ($fl_*) or any of ($py_*) or any of ($ky_*) or any of ($ct_*) or
                 any of ($dl_*) or $id_tok or $gb)) or
            (any of ($m_*) and any of ($th_*) and
                (any of ($py_*) or any of ($ky_*) or any of ($ct_*) or any of ($dl_*) or
                 $id_tok or $gb)) or
            ($m_mail and any of ($py_*) and (any of ($ky_*) or $id_tok) and
                (any of ($ct_*) or any of ($dl_*))) or
            (filesize < 200 and $m_mail and (any of ($ct_*) or $back) and ($id_tok or $id_hex)) or
            // terse notes: a Tox ID alone; an amount of data or a claim on the reader's
            // files with a mail and one more word of the trade; an address to pay to
            // with a mail; "pay for the key" with a mail
            (filesize < 200 and $c_tox) or
            ($m_mail and ($gb or $cl_en) and ($gb or any of ($cr_*) or any of ($th_*) or
                any of ($py_*) or any of ($dl_*))) or
            (filesize < 200 and $m_mail and ($m_btc or $m_xmr) and any of ($py_*) and not $n_inv) or
            (filesize < 200 and $m_mail and any of ($py_*) and any of ($ky_*) and not $n_inv)
        )
}

/*
 * The terse note named like one: a mail and "ID: <token>" and nothing else, in a file
 * whose name looks like a note's (decrypt*, restore*, readme*: data/notes/names.txt).
 * The engine counts a rule named ransom_note_hint* only for such a name: a line with a
 * mail and an ID is a contact card anywhere else.
 */
rule ransom_note_hint_terse
{
    meta:
        description = "terse note: a mail and a personal ID, in a small file named like a note"

    strings:
        $m_mail = /[a-z0-9._%+-]{2,64}@[a-z0-9-]{2,63}\.[a-z]{2,10}/ nocase
        $id = /\b(id|key|code)\s*[:=#]\s*[A-Za-z0-9+\/_-]{6,}/ nocase
        $n_inv = /(invoice|receipt|order|licen(c|s)e|serial|activation|subscription|rechnung|facture|factura|fattura|copyright|author|maintainer)/ nocase

    condition:
        filesize < 120 and $m_mail and $id and not $n_inv
}
