#!/bin/sh
# Notes found from the attack's context (lib/detect/notectx.h), end to end: in a share
# where files were encrypted at 02:20, notes in languages the word rules do not know
# (Finnish with a Telegram handle and an ID, Indonesian with a mail and an ID) written just after, an hour
# after, and in the share's root are notes; ordinary small texts written in the same
# minutes beside the encrypted files (a log with mails, a vCard, a CSV export, a mail,
# a README with a URL and a mail, a user's note) stay ok; a note whose mtime the
# attacker's copy kept (a year old), a note in a folder without encrypted files, and the
# same texts in a tree with no encrypted file at all are not notes by context. Options
# after the operand; no timestamp changed.
. "$TOP/tests/lib.sh"
PY=${PYTHON:-/usr/bin/python3}
"$PY" - <<'PYEOF' || fail "making the files"
import os, random
r = random.Random(6)
def rb(n): return bytes(r.randrange(256) for _ in range(n))
# each copy with its own ID: one text in three folders would be a note by its copies
# (dupnote.h), which is not what this test is about
fi = ("Hei,\nkaikki tiedostonne ovat nyt meill\u00e4. Kirjoita meille: @tuki_x7k2q\n"
      "ID 7F3A9C2%d\nTeill\u00e4 on kolme p\u00e4iv\u00e4\u00e4 aikaa.\n")
idn = ("Semua berkas Anda sudah tidak bisa dibuka.\nKirim email ke pulih77@firemail.cc\n"
       "ID: 3894D97EA1\n")
texts = {
    "app.log": "".join("2026-11-21 02:2%d:0%d INFO reminder sent to %s@praxis-keller.ch id=%x\n"
                       % (i, i, n, 0x4f3a9c2b7d + i) for i, n in enumerate(("anna", "bruno", "carla", "dora"))),
    "contacts.txt": "BEGIN:VCARD\nVERSION:3.0\nFN:Anna Keller\nEMAIL:anna@praxis-keller.ch\n"
                    "NOTE:Patient ID 4711AB99\nEND:VCARD\n",
    "export.csv": "name;mail;id\nAnna Keller;anna@example.ch;P0001234\n"
                  "Bruno Meier;bruno@example.ch;P0001235\nCarla Roth;carla@example.ch;P0001236\n",
    "termin.eml": "From: Anna Keller <anna@example.ch>\nTo: praxis@example.ch\nSubject: Termin\n"
                  "Message-ID: <a1b2c3d4e5@example.ch>\n\nBis morgen. Versicherten-ID 4711AB99\n",
    "README.txt": "Frobnicator 2.1\n\nSee https://example.org/frob for the manual.\n"
                  "Bugs to frob-maint@example.org.\n",
    "notiz.txt": "Dr. Weber zur\u00fcckrufen wegen Laborwerten, weber@labor-x.ch, 044 123 45 67.\n",
}
for tree in ("share", "clean"):
    for d in ("Praxis", "Archiv", "Alt"):
        os.makedirs("%s/%s" % (tree, d))
    for name, text in texts.items():
        open("%s/Praxis/%s" % (tree, name), "w").write(text)
    open("%s/Praxis/viesti.txt" % tree, "w").write(fi % 1)
    open("%s/Praxis/PEMULIHAN.txt" % tree, "w").write(idn)
    open("%s/Alt/PEMULIHAN.txt" % tree, "w").write(idn)
    open("%s/Archiv/viesti.txt" % tree, "w").write(fi % 2)
    open("%s/Archiv/bericht.txt" % tree, "w").write("Jahresbericht 2026: siehe Ordner Praxis.\n")
    open("%s/viesti.txt" % tree, "w").write(fi % 3)
for i in range(6):
    open("share/Praxis/brief%d.docx" % i, "wb").write(rb(6000))
    open("share/Alt/scan%d.pdf" % i, "wb").write(rb(5000))
PYEOF
# the encryption at 02:20 (Alt's files at 02:40), the ordinary texts in the same
# minutes; Alt's note an hour after its files; the notes in the clean tree at the same
# times as in the share
touch -m -d '2026-11-21 02:20:00Z' share/Praxis/brief*.docx
touch -m -d '2026-11-21 02:40:00Z' share/Alt/scan*.pdf
for tree in share clean; do
	touch -m -d '2026-11-21 02:21:00Z' $tree/Praxis/*.txt $tree/Praxis/*.csv $tree/Praxis/*.eml \
	    $tree/Praxis/*.log $tree/Archiv/* $tree/viesti.txt
	touch -m -d '2026-11-21 03:41:00Z' $tree/Alt/PEMULIHAN.txt
	# the attacker's copy kept the note's mtime: a year old
	touch -m -d '2025-11-02 09:00:00Z' $tree/Praxis/PEMULIHAN.txt
done
find share clean -type f -exec touch -a -d '2026-11-01 10:00:00Z' {} +
snap_times() { find share clean -type f -exec stat -c '%n %X %Y %Z' {} + | sort; }
snap_times > before.txt

"$RIPOSTE" scan share --format jsonl --all > scan.jsonl
expect_eq "scan exits 1 (found), options after the operand" 1 $?
v() { grep "\"path\":\"$1\"" scan.jsonl | sed 's/.*"verdict":"\([a-z]*\)".*/\1/'; }
expect_eq "a Finnish note with a handle and an ID, a minute after the encryption" note "$(v share/Praxis/viesti.txt)"
expect_grep "the reason says why" '"path":"share/Praxis/viesti.txt".*written with the encryption.*beside 6 of them in its folder; evidence: handle, personal id' scan.jsonl
expect_eq "an Indonesian note with a mail and an ID, an hour after its folder's files" note "$(v share/Alt/PEMULIHAN.txt)"
expect_grep "mail and id" '"path":"share/Alt/PEMULIHAN.txt".*evidence: mail, personal id' scan.jsonl
expect_eq "a note in the share's root" note "$(v share/viesti.txt)"
expect_grep "the root's note" '"path":"share/viesti.txt".*in the tree below its folder' scan.jsonl
for f in app.log contacts.txt export.csv termin.eml README.txt notiz.txt; do
	expect_eq "an ordinary $f written with the encryption, beside it" ok "$(v share/Praxis/$f)"
done
expect_eq "a note whose mtime the copy kept (outside the window)" ok "$(v share/Praxis/PEMULIHAN.txt)"
expect_eq "a note in a folder without encrypted files" ok "$(v share/Archiv/viesti.txt)"
expect_grep "the share's encrypted files are found" '"path":"share/Praxis/brief0.docx","verdict":"encrypted"' scan.jsonl

# the same texts at the same times in a tree without one encrypted file: never
"$RIPOSTE" scan clean --all --format jsonl > clean.jsonl
expect_eq "a tree without encrypted files: nothing found" 0 $?
expect_nogrep "no note by context" 'written with the encryption' clean.jsonl
expect_nogrep "no note at all" '"verdict":"note"' clean.jsonl
snap_times > after.txt
expect_eq "no timestamp changed" "" "$(diff before.txt after.txt)"
done_testing
