#!/bin/sh
# The plan as HTML is self-contained and prints on one A4 page: headless Chromium
# (what a practice's browser does with Ctrl+P) prints the Swiss and the French plans,
# and the printed page has the insurer's hotline. A test of its own: Chromium takes
# seconds to start, and the other plan tests need not wait for it.
. "$TOP/tests/lib.sh"
export TZ=UTC RIPOSTE_NOW=2026-11-20T08:00:00+01:00
unset RIPOSTE_DATA
command -v chromium >/dev/null || fail "chromium missing (scripts/packages.d/prepare.txt)"
command -v pdfinfo >/dev/null || fail "poppler-utils missing (scripts/packages.d/case.txt)"
print() {  # HTML PDF
	DBUS_SESSION_BUS_ADDRESS=disabled: timeout 120 chromium --headless --no-sandbox \
	    --disable-gpu --no-first-run --no-pdf-header-footer --user-data-dir="$T/chromium" \
	    --print-to-pdf="$T/$2" "file://$T/$1" >/dev/null 2>&1
}
"$RIPOSTE" plan --config "$TOP/data/examples/riposte.conf" --format html -o ch.html 2>/dev/null
"$RIPOSTE" plan --config "$TOP/tests/golden/prepare/cabinet-fr.conf" --format html -o fr.html 2>/dev/null
grep -q '<link\|<script\|src=' ch.html && fail "the HTML loads something" || ok "self-contained"
print ch.html ch.pdf
print fr.html fr.pdf
expect_eq "the Swiss plan prints on one page" 1 "$(pdfinfo ch.pdf 2>/dev/null | sed -n 's/^Pages: *//p')"
expect_eq "the French plan prints on one page" 1 "$(pdfinfo fr.pdf 2>/dev/null | sed -n 's/^Pages: *//p')"
pdftotext ch.pdf - | tr -s ' \n' '  ' > ch.txt
expect_grep "the printed page has the hotline" "+41 58 280 10 00" ch.txt
pdftotext fr.pdf - | tr -s ' \n' '  ' | sed 's/\xc2\xa0/ /g' > fr.txt
expect_grep "and the French one the CNIL" "CNIL" fr.txt
done_testing
