#!/bin/sh
# The emergency plan on one A4 page: for the Swiss German practice of the example
# profile and for a French medical practice, the PDF is one page in German resp.
# French with the insurer's hotline and policy, the IT provider's phone and the legal
# clocks that apply; its page renders; a long profile still fits, one that cannot is
# refused; nothing is left behind. (The HTML's print: plan-html-print.sh.)
. "$TOP/tests/lib.sh"
export TZ=UTC RIPOSTE_NOW=2026-11-20T08:00:00+01:00
unset RIPOSTE_DATA
# under LeakSanitizer, fontconfig's process-lifetime cache is not ours
export LSAN_OPTIONS="suppressions=$TOP/tests/e2e/lsan-fontconfig.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null ||
	fail "poppler-utils missing (scripts/packages.d/case.txt)"
CH="$TOP/data/examples/riposte.conf"
FR="$TOP/tests/golden/prepare/cabinet-fr.conf"

pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
# the page's text on one line (table cells wrap inside their column)
words() { pdftotext "$1" - | tr -s ' \n' '  ' | sed 's/\xc2\xa0/ /g'; }
has() {  # WHAT FILE.txt TEXT
	if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1: '$3' not in the PDF's text"; fi
}
# dark pixels of page 1 rendered at 40 dpi (a PGM: header, one byte per pixel)
dark() {
	rm -f page*.pgm
	pdftoppm -f 1 -l 1 -r 40 -gray "$1" page && python3 - page*.pgm <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
fields, pos = [], 0
while len(fields) < 4:
    while data[pos:pos + 1].isspace():
        pos += 1
    end = pos
    while not data[end:end + 1].isspace():
        end += 1
    fields.append(data[pos:end])
    pos = end
print(sum(1 for p in data[pos + 1:] if p < 128))
PY
}

# the Swiss German practice: the language from its profile (language = de)
expect_exit "plan pdf (CH, de)" 0 "$RIPOSTE" plan --config "$CH" --format pdf -o plan-de.pdf
expect_eq "one page (CH)" 1 "$(pages plan-de.pdf)"
words plan-de.pdf > de.txt
has "in German" de.txt "Notfallplan Cyberangriff"
has "the insurer's hotline" de.txt "+41 58 280 10 00"
has "the policy number" de.txt "CY-2026-004711"
has "the IT provider's phone" de.txt "+41 44 000 00 01"
has "the insurer's clock" de.txt "sofort (Ziel: 4 h)"
has "the FDPIC's clock" de.txt "EDÖB (Online-Meldeformular)"
has "the FDPIC's condition" de.txt "hohes Risiko"
has "the stale police number marked" de.txt "10.06.2025 VERALTET"
has "the backups" de.txt "/mnt/backup"
if grep -q "CNIL" de.txt; then fail "a French clock on the Swiss plan"; else ok "no French clock on the Swiss plan"; fi
d=$(dark plan-de.pdf)
[ "${d:-0}" -gt 2000 ] && ok "the page renders ($d dark pixels)" || fail "page 1 blank or not rendered: ${d:-?}"

# the French practice (language = fr); options after nothing, --config last
expect_exit "plan pdf (FR, fr)" 0 "$RIPOSTE" plan --format pdf -o plan-fr.pdf --config "$FR"
expect_eq "one page (FR)" 1 "$(pages plan-fr.pdf)"
words plan-fr.pdf > fr.txt
has "in French" fr.txt "Plan d'urgence en cas de cyberattaque"
has "the insurer's hotline" fr.txt "+33 1 00 00 00 10"
has "the policy number" fr.txt "CYB-FR-2026-0815"
has "the IT provider's phone" fr.txt "+33 4 00 00 00 01"
has "the insurer's clock" fr.txt "immédiatement (objectif : 4 h)"
has "the CNIL, 72 h" fr.txt "CNIL (notification en ligne)"
has "the ARS" fr.txt "ARS (agence régionale de santé)"
has "the police complaint for the insurance" fr.txt "dépôt de plainte"
has "the regulator named although missing in the profile" fr.txt "absent de riposte.conf"
has "dates as France writes them" fr.txt "15/09/2026"
expect_eq "the PDF's title" "Title: Plan d'urgence en cas de cyberattaque · Cabinet médical du Dr Exemple" \
    "$(pdfinfo plan-fr.pdf | grep '^Title:' | sed 's/  */ /g')"

# --lang overrides the profile's language
expect_exit "plan pdf --lang it" 0 "$RIPOSTE" plan --config "$CH" --lang it --format pdf -o plan-it.pdf
words plan-it.pdf > it.txt
has "in Italian" it.txt "Piano d'emergenza"
expect_eq "one page (it)" 1 "$(pages plan-it.pdf)"

# a long profile: many backups with long descriptions still fit (smaller type)
cp "$CH" long.conf
i=0
while [ $i -lt 6 ]; do
	printf '\n[backup]\npath = /srv/backup-%d\ndescription = %s\nlast-checked = 2026-01-0%d\n' $i \
	    "a long description of where this copy is, who takes it home on Fridays, which disk, which key, and how it is tested every quarter by the IT provider" \
	    $((i + 1)) >> long.conf
	i=$((i + 1))
done
expect_exit "a long plan" 0 "$RIPOSTE" plan --config long.conf --format pdf -o long.pdf
expect_eq "still one page" 1 "$(pages long.pdf)"
# one that cannot fit is refused, and no file is written
i=0
while [ $i -lt 60 ]; do
	printf '\n[backup]\npath = /srv/more-%d\ndescription = %s\n' $i "x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x" >> long.conf
	i=$((i + 1))
done
expect_exit "too long for one page" 2 "$RIPOSTE" plan --config long.conf --format pdf -o toolong.pdf
expect_grep "says why" "does not fit on one A4 page" "$T/.err"
[ -e toolong.pdf ] && fail "a PDF was written" || ok "no PDF written"

# errors: no file for a PDF, a directory that cannot be written
expect_exit "pdf needs -o" 2 "$RIPOSTE" plan --config "$CH" --format pdf
expect_exit "unwritable" 2 "$RIPOSTE" plan --config "$CH" --format pdf -o /nonexistent/dir/plan.pdf
expect_grep "names the file" "cannot write '/nonexistent/dir/plan.pdf'" "$T/.err"
ls ./*.tmp-* >/dev/null 2>&1 && fail "temporary file left" || ok "no temporary file left"

done_testing
