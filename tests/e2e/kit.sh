#!/bin/sh
# The awareness kit rendered, in French, German and English: at least eight PDFs, each
# with the page count it announces (a text too long for its sheet in one language would
# show) and the site's name (with characters that Pango markup would take: & and <);
# in English, the paper size (A4 sheets, the A5 memo, the A3 poster) and a rendering
# that is not blank; the IT provider's phone on the memo and the poster; the poster
# shows the brand's colour and the logo (a PNG made here, of a colour found nowhere
# else), and another colour in [branding] gives another poster; options after operands.
. "$TOP/tests/lib.sh"
export TZ=Europe/Zurich RIPOSTE_NOW=2026-11-20T08:00:00+01:00 RIPOSTE_ACTOR=tester
export RIPOSTE_DB="$T/d.db"
unset RIPOSTE_DATA
export LSAN_OPTIONS="suppressions=$TOP/tests/e2e/lsan-fontconfig.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
command -v python3 >/dev/null || skip "python3 missing"
for p in pdfinfo pdftotext pdftoppm; do
	command -v $p >/dev/null || fail "$p missing (poppler-utils, scripts/packages.d/case.txt)"
done

# the site: the example's contacts, a name to escape, the brand's colour, a magenta logo
site='Praxis Dr. Muster & Partner <Zürich>'
esc=$(printf '%s' "$site" | sed 's/[&/\\]/\\&/g')
sed -e "s/^name = Praxis Dr. med. Muster$/name = $esc/" -e 's/^color = .*/color = #0B6E4F/' \
    "$TOP/data/examples/riposte.conf" > riposte.conf
printf 'logo = logo.png\n' >> riposte.conf
grep -q "^name = $site" riposte.conf || fail "the example's [branding] name moved"
python3 - <<'PY'
import struct, zlib
w, h = 120, 60
raw = b"".join(b"\0" + b"\xff\x00\xff" * w for _ in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open("logo.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
export RIPOSTE_CONF="$T/riposte.conf"
phone=$(sed -n '/^\[contact it-provider\]/,/^\[/s/^phone = //p' riposte.conf)
[ -n "$phone" ] || fail "no IT provider's phone in the example"

# pixels of a colour (within 24 per channel) in a PPM rendering
pixels() {  # FILE.ppm RRGGBB
	python3 - "$1" "$2" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
parts, i = [], 0
while len(parts) < 4:          # P6 w h maxval, whitespace separated
    while d[i:i+1].isspace(): i += 1
    j = i
    while not d[j:j+1].isspace(): j += 1
    parts.append(d[i:j]); i = j
px = d[i + 1:]
c = bytes.fromhex(sys.argv[2])
print(sum(1 for k in range(0, len(px) - 2, 3)
          if abs(px[k] - c[0]) <= 24 and abs(px[k+1] - c[1]) <= 24 and abs(px[k+2] - c[2]) <= 24))
PY
}

for l in fr de en; do
	expect_exit "kit ($l)" 0 "$RIPOSTE" kit --out "kit-$l" --lang "$l" --format jsonl || continue
	cp "$T/.out" "kit-$l.jsonl"
	n=$(grep -c '"kind":"pdf"' "kit-$l.jsonl")
	[ "$n" -ge 8 ] && ok "$l: $n PDFs" || fail "$l: only $n PDFs"
	expect_eq "$l: as many files as listed" "$n" "$(ls "kit-$l" | grep -c '\.pdf$')"
	expect_grep "$l: the summary's colour" '"color":"#0B6E4F"' "kit-$l.jsonl"
	# file paper pages, one line per PDF, from the listing
	python3 -c '
import json, sys
for o in map(json.loads, open(sys.argv[1])):
    if o["kind"] == "pdf":
        print(o["file"], o["paper"], o["pages"])' "kit-$l.jsonl" > list.txt
	bad=0
	while read -r f paper pages; do
		p="kit-$l/$f"
		# pages as pdftotext counts them (a form feed after each): a text too long for
		# its sheet in one language shows here
		pdftotext "$p" text.txt || { fail "$l: $f: pdftotext"; bad=1; continue; }
		got=$(tr -cd '\f' < text.txt | wc -c)
		[ "$got" -eq "$pages" ] || { fail "$l: $f: $got pages, listed $pages"; bad=1; }
		tr -s ' \n' '  ' < text.txt | grep -qF "$site" || { fail "$l: $f: no site name"; bad=1; }
		[ "$l" = en ] || continue
		# in one language (the code is the same for all): the paper, and a rendering
		size=$(pdfinfo "$p" | sed -n 's/^Page size: *\([0-9]*\)[0-9.]* x \([0-9]*\)[0-9.]* pts.*/\1x\2/p')
		case "$paper" in
		A4) want=595x842 ;; A5) want=420x595 ;; A3) want=842x1191 ;; *) want=? ;;
		esac
		[ "$size" = "$want" ] || { fail "$l: $f: page size $size, $paper is $want"; bad=1; }
		pdftoppm -f 1 -l 1 -r 20 -gray -singlefile "$p" "render-${f%.pdf}" ||
			{ fail "$l: $f: pdftoppm"; bad=1; }
	done < list.txt
	if [ "$l" = en ]; then
		blank=$(python3 -c '
import glob
for f in sorted(glob.glob("render-*.pgm")):
    d = open(f, "rb").read()
    if sum(1 for b in d[-20000:] if b < 128) < 100:
        print(f)')
		[ "$(ls render-*.pgm | wc -l)" -eq "$n" ] && [ -z "$blank" ] ||
			{ fail "en: rendered blank or not at all: $blank"; bad=1; }
	fi
	[ "$bad" -eq 0 ] && ok "$l: every PDF has its pages and the site's name$([ "$l" = en ] && echo ", its paper, and renders")"
	for doc in memo poster; do
		f=$(grep "\"doc\":\"$doc\"" "kit-$l.jsonl" | sed 's/.*"file":"\([^"]*\)".*/\1/')
		pdftotext "kit-$l/$f" - | tr -s ' \n' '  ' > text.txt
		expect_grep "$l: the $doc has the IT provider's phone" "$phone" text.txt
	done
	pdftoppm -r 24 -singlefile "kit-$l/$f" poster
	green=$(pixels poster.ppm 0B6E4F)
	[ "$green" -gt 500 ] && ok "$l: the poster shows #0B6E4F ($green pixels)" ||
		fail "$l: the poster's brand colour: $green pixels"
	logo=$(pixels poster.ppm FF00FF)
	[ "$logo" -gt 20 ] && ok "$l: the poster shows the logo ($logo pixels)" ||
		fail "$l: the poster's logo: $logo pixels"
done

# another colour is another poster: the colour comes from [branding]
sed -i 's/^color = .*/color = #C0392B/' riposte.conf
expect_exit "kit in red" 0 "$RIPOSTE" kit --out red --lang en
pdftoppm -r 24 -singlefile red/09-poster.pdf red
expect_eq "no green left" 0 "$(pixels red.ppm 0B6E4F)"
red=$(pixels red.ppm C0392B)
[ "$red" -gt 500 ] && ok "the red poster ($red pixels)" || fail "the red poster: $red pixels"

done_testing
