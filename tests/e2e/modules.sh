#!/bin/sh
# Modules (Makefile, src/modules.c): pango and cairo are not linked into the binary but
# into riposte-pdf.so beside it, loaded only by the commands that write a PDF. The
# binary needs none of their libraries; a command that writes no PDF runs without the
# module; one that does finds it beside the executable, and without it (or with a
# broken one) says which file it could not load and why, exit 2, leaving nothing
# behind. The installed path (MODULEDIR) is the package's business: tests/e2e/deb.sh.
. "$TOP/tests/lib.sh"
export TZ=UTC RIPOSTE_NOW=2026-11-20T08:00:00+01:00 RIPOSTE_CONF=$TOP/data/examples/riposte.conf
unset RIPOSTE_DATA
export LSAN_OPTIONS="suppressions=$TOP/tests/e2e/lsan-fontconfig.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
dir=$(dirname "$RIPOSTE")
[ -f "$dir/riposte-pdf.so" ] || fail "no riposte-pdf.so beside $RIPOSTE (make all builds it)"

# the binary itself needs no pango, cairo or X library
readelf -d "$RIPOSTE" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' >needed
expect_nogrep "the binary does not need pango, cairo, harfbuzz or X11" \
    'pango\|cairo\|harfbuzz\|libX\|fontconfig' needed
readelf -d "$dir/riposte-pdf.so" | sed -n 's/.*NEEDED.*\[\(.*\)\]/\1/p' >mod-needed
expect_grep "the module needs pangocairo" 'libpangocairo' mod-needed
nm -D --defined-only "$dir/riposte-pdf.so" | awk '{ print $3 }' | grep -v '^_' >mod-syms
expect_eq "the module exports one symbol" "rp_pdf_module_v1" "$(cat mod-syms)"

# the build tree's binary: the module beside it
expect_exit "plan --format pdf finds the module beside the binary" 0 \
    "$RIPOSTE" plan --format pdf -o plan.pdf
head -c 5 plan.pdf >magic 2>/dev/null
expect_eq "a PDF is written" "%PDF-" "$(cat magic)"

# a copy of the binary alone: what writes no PDF works, what does says why it cannot
mkdir alone
cp "$RIPOSTE" alone/riposte
expect_exit "version without the module" 0 alone/riposte version
expect_exit "plan --format text without the module" 0 alone/riposte plan --format text
moddir=$(strings alone/riposte | grep -m 1 '/lib/riposte$')
if [ -n "$moddir" ] && [ -e "$moddir/riposte-pdf.so" ]; then
	ok "an installed module exists in $moddir: the missing-module case is not tested here"
else
	expect_exit "plan --format pdf without the module: exit 2" 2 alone/riposte plan --format pdf -o x.pdf
	expect_eq "it says which file it could not load, and why" \
	    "riposte: plan: cannot load the PDF renderer '$moddir/riposte-pdf.so': no such file" \
	    "$(cat "$T/.err")"
	[ ! -e x.pdf ] && ok "no file written" || fail "x.pdf written without a renderer"
fi

# a broken module beside the binary: refused with the loader's words, never called
printf 'not a library\n' >alone/riposte-pdf.so
expect_exit "a broken module: exit 2" 2 alone/riposte plan --format pdf -o y.pdf
expect_grep "it names the broken module" "cannot load the PDF renderer '$T/alone/riposte-pdf.so': " "$T/.err"
# a library that is not riposte's module
lib=$(ldd "$RIPOSTE" | awk '/libz\.so/ { print $3 }')
if [ -n "$lib" ]; then
	cp "$lib" alone/riposte-pdf.so
	expect_exit "a library that is not the module: exit 2" 2 alone/riposte plan --format pdf -o y.pdf
	expect_grep "it says so" "not riposte's PDF module" "$T/.err"
fi
[ ! -e y.pdf ] && ok "no file written by a broken module" || fail "y.pdf written"
# the real module copied beside it: works again
cp "$dir/riposte-pdf.so" alone/
expect_exit "the module beside the copied binary" 0 alone/riposte plan --format pdf -o z.pdf
done_testing
