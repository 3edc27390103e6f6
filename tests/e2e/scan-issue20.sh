#!/bin/sh
# Issue 20, end to end and small (the corpora of real files are in bench/realcorpus):
# a structured binary striped LockFile-style, a gettext catalog striped from offset 0,
# a tiny GIF encrypted whole and renamed, a tiny text encrypted; an extortion note named
# .log and a short note without an extension; a cut-off gzip and a Type 1 font that stay
# ok; options after the operand; no timestamp changed; and `diff` counting the tiny
# encrypted GIF as encrypted; a text with some evidence of a note copied in four folders
# (a note by its copies, desktop.ini beside it not), a one-line Polish note, a 3-byte
# text under a family's extension.
. "$TOP/tests/lib.sh"
PY=${PYTHON:-/usr/bin/python3}
mkdir -p share/Fonts share/Docs
"$PY" - <<'PYEOF' || fail "making the files"
import os, random
r = random.Random(20)
def rb(n): return bytes(r.randrange(256) for _ in range(n))
table = bytes((0 if (i % 8) < 4 else (i // 8) % 37) for i in range(60000))
font = bytearray(b"\0\1\0\0" + table[4:])
open("share/Fonts/intact.ttf", "wb").write(font)
for o in range(4096, len(font) - 16, 32):          # LockFile: every other 16 bytes
    font[o:o + 16] = rb(16)
open("share/Fonts/striped.ttf", "wb").write(font)
mo = bytearray(b"\xde\x12\x04\x95" + table[4:])
for o in range(0, len(mo) - 64, 192):               # Black Basta from offset 0
    mo[o:o + 64] = rb(64)
open("share/Docs/app.mo", "wb").write(mo)
gif = b"GIF89a\1\0\1\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\4\1\0\0\0\0,\0\0\0\0\1\0\1\0\0\2\2D\1\0;"
open("share/Docs/dot.gif", "wb").write(gif)
open("share/Docs/logo.gif.akira", "wb").write(rb(100))
open("share/Docs/notes.txt", "wb").write(rb(60))
pfb = b"\x80\x01" + rb(4) + b"%!PS-AdobeFont-1.0: Test\n" + rb(8000)
open("share/Fonts/Test.pfb", "wb").write(pfb)
onion = "".join(r.choice("abcdefghijklmnopqrstuvwxyz234567") for _ in range(56)) + ".onion"
open("share/Docs/money_message.log", "w").write(
    "We have downloaded 340 GB of your data: contracts, payroll, patient files.\n"
    "If you do not contact us within 72 hours, everything will be published on our blog.\n"
    "Tor Browser: http://%s\nYour personal ID: 4F2A9C0D1E7B3A56\n" % onion)
open("share/Docs/README", "w").write("http://%s\nkey: Zx81Qp0Lm4Tw9Rb2\n" % onion)
open("share/Docs/README.txt", "w").write(
    "libfoo 2.1\n\nThis release fixes a memory leak. Downloaded files are verified.\n"
    "Report bugs to maintainer@example.org. Copyright 2024 the libfoo authors.\n")
# the same text with some evidence of a note in four folders, desktop.ini in each;
# a one-line note in Polish; a tiny text encrypted under a family's extension
talk = ("Something happened to the company's server and we did it: we hold 310 GB of it.\n"
        "Write to recover7@onionmail.org and give this ID: 4F2A9C0D1E7B3A56.\n"
        + "We will answer within the day.\n" * 40)
for d in ("P1", "P2", "P3", "P4"):
    os.makedirs("share/" + d)
    open("share/%s/HOW_TO_TALK.txt" % d, "w").write(talk)
    open("share/%s/desktop.ini" % d, "w").write("[.ShellClassInfo]\r\nIconResource=imageres.dll,-3\r\n")
open("share/Docs/CZYTAJ.txt", "w").write("Wasze pliki zosta\u0142y zaszyfrowane. Napisz: rx4@onionmail.org\n")
open("share/Docs/top_level.txt.royal", "wb").write(b"\x9f\x03\xe1")
PYEOF
seq 1 20000 | gzip -9 > full.gz
head -c 3000 full.gz > share/Docs/manual.gz
find share -type f -exec touch -m -d '2026-11-20 10:00:00' {} + -exec touch -a -d '2026-11-01 10:00:00' {} +
snap_times() { find share -type f -exec stat -c '%n %X %Y %Z' {} + | sort; }
snap_times > before.txt

"$RIPOSTE" scan share --format jsonl --all > scan.jsonl
expect_eq "scan exits 1 (found), options after the operand" 1 $?
v() { grep "\"path\":\"share/$1\"" scan.jsonl | sed 's/.*"verdict":"\([a-z]*\)".*/\1/'; }
expect_eq "intact font" ok "$(v Fonts/intact.ttf)"
expect_eq "LockFile stripes in a font" partial "$(v Fonts/striped.ttf)"
expect_grep "the stripes are named" 'periodic random stripes' scan.jsonl
expect_eq "Black Basta on a catalog: signature gone, random regions" partial "$(v Docs/app.mo)"
expect_eq "a tiny real GIF" ok "$(v Docs/dot.gif)"
expect_eq "a tiny GIF encrypted and renamed" encrypted "$(v Docs/logo.gif.akira)"
expect_eq "a tiny text encrypted" encrypted "$(v Docs/notes.txt)"
expect_eq "a Type 1 font (random by design)" ok "$(v Fonts/Test.pfb)"
expect_eq "an extortion note named .log" note "$(v Docs/money_message.log)"
expect_eq "a short note without an extension" note "$(v Docs/README)"
expect_eq "a README with a mail address" ok "$(v Docs/README.txt)"
expect_eq "a cut-off gzip" ok "$(v Docs/manual.gz)"
expect_grep "the cut-off gzip says so" '"path":"share/Docs/manual.gz".*cut short' scan.jsonl
expect_eq "a text with evidence of a note, copied in four folders" "note note note note" \
    "$(echo $(v P1/HOW_TO_TALK.txt) $(v P2/HOW_TO_TALK.txt) $(v P3/HOW_TO_TALK.txt) $(v P4/HOW_TO_TALK.txt))"
expect_grep "the copies are the reason" '"path":"share/P1/HOW_TO_TALK.txt".*the same small text in 4 folders' scan.jsonl
expect_eq "desktop.ini in the same folders" "ok ok ok ok" \
    "$(echo $(v P1/desktop.ini) $(v P2/desktop.ini) $(v P3/desktop.ini) $(v P4/desktop.ini))"
expect_eq "a one-line note in Polish" note "$(v Docs/CZYTAJ.txt)"
expect_eq "a 3-byte text encrypted under Royal's extension" encrypted "$(v Docs/top_level.txt.royal)"
snap_times > after.txt
expect_eq "no timestamp changed" "" "$(diff before.txt after.txt)"

# diff: the baseline knew the GIF; its content replaced by random bytes is encrypted
mkdir -p tree
cp share/Docs/dot.gif tree/logo.gif
printf 'hello\n' > tree/letter.txt
expect_exit "baseline" 0 "$RIPOSTE" baseline --db "$T/b.db" tree
head -c 43 /dev/urandom > tree/logo.gif
expect_exit "diff finds the change (exit 1)" 1 "$RIPOSTE" diff --db "$T/b.db" tree --format jsonl
expect_grep "the tiny GIF counts as encrypted" '"path":"tree/logo.gif".*"encrypted":true' "$T/.out"
expect_grep "in the summary too" '"modified":1,"encrypted":1' "$T/.out"
done_testing
