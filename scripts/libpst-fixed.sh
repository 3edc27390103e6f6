#!/bin/sh
# scripts/libpst-fixed.sh SYSTEM_LIBPST.a OUT.a: the copy of Debian's static libpst.a
# (0.6.76 only: the Makefile's PST_VERSION) that riposte links, with two of that
# version's leaks sent through lib/mail/pst.c, which fixes them (the comments there say
# how). In its member libpst.o only:
#   - the one call of zlib's uncompress (in pst_read_block_size) calls
#     mail_pst_uncompress (objcopy --redefine-sym);
#   - libpst's own four calls of pst_ff_getIDblock_dec call mail_pst_getIDblock_dec:
#     the function's symbol is renamed and made weak, so that pst.c's (strong) one is
#     linked in its place, and a new global symbol pst_ff_getIDblock_dec is added at
#     the function's address, through which pst.c reaches libpst's code.
# Each step is checked: an archive that is not as expected is an error, not a leak.
set -eu
src=$1
out=$2
tmp=$out.d
rm -rf "$tmp"
mkdir -p "$tmp"
src=$(cd "$(dirname "$src")" && pwd)/$(basename "$src")
cd "$tmp"
ar x "$src"
members=$(ar t "$src")
die() { echo "libpst-fixed.sh: $src: $*" >&2; exit 1; }
nm -u libpst.o | grep -qx ' *U uncompress' || die "no call of uncompress in libpst.o"
addr=$(nm libpst.o | awk '$2 == "T" && $3 == "pst_ff_getIDblock_dec" { print $1 }')
[ -n "$addr" ] && objdump -t libpst.o | grep -q "^$addr g  *F \.text.* pst_ff_getIDblock_dec\$" ||
    die "no pst_ff_getIDblock_dec in libpst.o's .text"
objcopy --redefine-sym uncompress=mail_pst_uncompress \
    --redefine-sym pst_ff_getIDblock_dec=mail_pst_getIDblock_dec libpst.o a.o
objcopy --weaken-symbol mail_pst_getIDblock_dec a.o b.o
objcopy --add-symbol "pst_ff_getIDblock_dec=.text:0x$addr,global,function" b.o libpst.o
nm libpst.o | grep -qx ' *U mail_pst_uncompress' || die "uncompress not renamed"
nm libpst.o | grep -qx ' *U uncompress' && die "a call of uncompress left"
nm libpst.o | grep -qx "$addr W mail_pst_getIDblock_dec" || die "mail_pst_getIDblock_dec is not weak"
nm libpst.o | grep -qx "$addr T pst_ff_getIDblock_dec" || die "pst_ff_getIDblock_dec not added"
[ "$(readelf -rW libpst.o | grep -c ' mail_pst_getIDblock_dec - 4$')" -eq 4 ] ||
    die "not four calls of mail_pst_getIDblock_dec"
rm -f a.o b.o ../"$(basename "$out")"
ar rcs "$(basename "$out").tmp" $members
mv "$(basename "$out").tmp" ../"$(basename "$out")"
cd ..
rm -rf "$tmp"
