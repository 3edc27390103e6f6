#!/bin/sh
# The PDF report is a real PDF: page 1 renders to a non-blank image, and its text has
# the title and the total, in the site's language (German for the Swiss example
# profile, French for a French one) unless --lang says another.
. "$TOP/tests/lib.sh"
export TZ=Europe/Zurich RIPOSTE_NOW=2026-11-20T08:00:00+01:00 RIPOSTE_DB="$T/riposte.db"
export RIPOSTE_CONF="$TOP/data/examples/riposte.conf"
# under LeakSanitizer (make check's ASan pass), fontconfig's process-lifetime cache is not ours
export LSAN_OPTIONS="suppressions=$TOP/tests/e2e/lsan-fontconfig.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null ||
	fail "poppler-utils missing (scripts/packages.d/case.txt)"
"$RIPOSTE" case open --title "Ransomware on the practice server" --discovered 2026-11-20T06:30:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case cost add --category it --amount 18000 2>/dev/null
"$RIPOSTE" case cost add --category internal --amount 5000 2>/dev/null
"$RIPOSTE" case cost add --category legal --amount 2000 2>/dev/null
i=0
while [ $i -lt 60 ]; do "$RIPOSTE" case log "restore step $i: a long line of text to push the timeline onto a second page of the report"; i=$((i + 1)); done
expect_exit "pdf report" 0 "$RIPOSTE" case report --format pdf -o report.pdf
expect_eq "it is a PDF" "%PDF-" "$(head -c 5 report.pdf)"
pdftotext report.pdf report.txt
# the Swiss German example profile: German, Swiss numbers, German dates
expect_grep "German title in the PDF text" 'Vorfallbericht: Ransomware on the' report.txt
expect_grep "Swiss total in the PDF text" "CHF 25'000.00" report.txt
expect_grep "German date in the PDF text" 'Bericht vom 20. November 2026' report.txt
expect_grep "German headings" 'Kosten und Versicherungsanspruch' report.txt
expect_exit "pdf report in English" 0 "$RIPOSTE" case report --format pdf -o report-en.pdf --lang en
pdftotext report-en.pdf report-en.txt
expect_grep "--lang en: English title" 'Incident report: Ransomware on the' report-en.txt
expect_grep "--lang en: Swiss numbers still" "CHF 25'000.00" report-en.txt
# a French profile: French, and amounts as France writes them
sed -e 's/^country = CH/country = FR/' -e 's/^language = de/language = fr/' \
    -e 's/^currency = CHF/currency = EUR/' "$TOP/data/examples/riposte.conf" > fr.conf
RIPOSTE_CONF=fr.conf RIPOSTE_DB="$T/fr.db" "$RIPOSTE" case open --title "Rançongiciel" \
    --discovered 2026-11-20T06:30:00+01:00 >/dev/null 2>&1
RIPOSTE_CONF=fr.conf RIPOSTE_DB="$T/fr.db" "$RIPOSTE" case cost add --category it --amount 25000 \
    --currency EUR 2>/dev/null
expect_exit "French pdf report" 0 env RIPOSTE_CONF=fr.conf RIPOSTE_DB="$T/fr.db" "$RIPOSTE" \
    case report --format pdf -o report-fr.pdf
pdftotext report-fr.pdf report-fr.txt
expect_grep "French title" "Rapport d.incident" report-fr.txt
expect_grep "French amount" "25.000,00.€" report-fr.txt
expect_grep "French date" "rapport du 20 novembre 2026" report-fr.txt
pages=$(pdfinfo report.pdf 2>/dev/null | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 2 ] && ok "long timeline flows onto $pages pages" || fail "pages: ${pages:-?}"
# page 1 to a greyscale image (PGM: a header and one byte per pixel); count dark pixels
pdftoppm -f 1 -l 1 -r 40 -gray report.pdf page
img=$(ls page*.pgm 2>/dev/null | head -n 1)
[ -n "$img" ] || fail "no image rendered"
python3 - "$img" <<'PY' && ok "page 1 is not blank" || fail "page 1 is blank"
import sys
data = open(sys.argv[1], "rb").read()
fields, pos = [], 0
while len(fields) < 4:                       # P5 width height maxval
    while data[pos:pos + 1].isspace():
        pos += 1
    end = pos
    while not data[end:end + 1].isspace():
        end += 1
    fields.append(data[pos:end])
    pos = end
pixels = data[pos + 1:]
assert fields[0] == b"P5" and len(pixels) == int(fields[1]) * int(fields[2])
dark = sum(1 for p in pixels if p < 128)
print("dark pixels:", dark, "of", len(pixels))
sys.exit(0 if dark > 500 else 1)
PY
ls report.pdf.tmp-* >/dev/null 2>&1 && fail "temporary file left" || ok "no temporary file left"
done_testing
