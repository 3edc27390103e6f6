#!/bin/sh
# riposte baseline + diff: the done-when case (3 edits, 2 deletions, 4 new files and
# 5 in-place encryptions count exactly that), incremental re-runs, and the restore check.
. "$TOP/tests/lib.sh"
DB="$T/r.db"
mkdir -p data/Patients data/Admin
i=0
while [ "$i" -lt 20 ]; do
	yes "Patient $i: Termin bestätigt, Blutdruck normal, Medikation unverändert." |
		head -c $((20000 + i * 100)) > "data/Patients/p$i.txt"
	i=$((i + 1))
done
printf 'a;b;c\n' > data/Admin/small.csv
cp -a data backup

expect_exit "baseline records" 0 "$RIPOSTE" baseline --db "$DB" data
expect_grep "baseline counts files" "21 files" "$T/.out"
expect_exit "diff right after the baseline: no change" 0 "$RIPOSTE" diff --db "$DB" --format jsonl data
expect_eq "empty diff summary" '{"kind":"summary","added":0,"removed":0,"modified":0,"encrypted":0,"notes":0,"content_changed":0,"type_changed":0,"mode_changed":0,"owner_changed":0,"unreadable":0,"entries":23,"restored":null}' "$(cat "$T/.out")"

# 3 edits, 2 deletions, 4 new files, 5 in-place encryptions
for n in 0 1 2; do echo "edited" >> "data/Patients/p$n.txt"; done
rm data/Patients/p3.txt data/Patients/p4.txt
for n in 1 2 3 4; do echo "new $n" > "data/Admin/new$n.txt"; done
for n in 5 6 7 8 9; do
	f="data/Patients/p$n.txt"
	openssl enc -aes-256-ctr -K "$(printf '%064x' "$n")" -iv 00000000000000000000000000000000 \
		-in "$f" -out "$T/enc" && cat "$T/enc" > "$f"
done
expect_exit "diff finds changes (exit 1)" 1 "$RIPOSTE" diff --db "$DB" --format jsonl data
expect_eq "summary counts exactly" '"added":4,"removed":2,"modified":8,"encrypted":5' \
	"$(tail -n 1 "$T/.out" | grep -o '"added":[0-9]*,"removed":[0-9]*,"modified":[0-9]*,"encrypted":[0-9]*')"
expect_eq "one line per change plus the summary" 15 "$(wc -l < "$T/.out" | tr -d ' ')"
expect_eq "the encrypted ones are the five" "p5.txt p6.txt p7.txt p8.txt p9.txt" \
	"$(grep '"encrypted":true' "$T/.out" | sed 's/.*"path":"data\/Patients\/\([^"]*\)".*/\1/' | tr '\n' ' ' | sed 's/ $//')"
expect_grep "removed has the old hash" '"path":"data/Patients/p3.txt","change":"removed"' "$T/.out"

# csv and text agree with jsonl
"$RIPOSTE" diff --db "$DB" --format csv data > diff.csv
expect_eq "csv: header + 14 rows" 15 "$(wc -l < diff.csv | tr -d ' ')"
expect_eq "csv: 5 encrypted rows" 5 "$(grep -c ',modified,true,' diff.csv)"
"$RIPOSTE" diff --db "$DB" --format text data > diff.txt
expect_grep "text summary" "4 added, 2 removed, 8 modified (8 content, 0 type, 0 permissions, 0 owner), 5 encrypted" diff.txt

# permission and type changes
chmod 600 data/Admin/small.csv
rm data/Admin/new1.txt && mkdir data/Admin/new1.txt
"$RIPOSTE" baseline --db "$DB" backup > /dev/null
expect_exit "restore check fails on the attacked tree" 1 "$RIPOSTE" diff --db "$DB" --restored --format text data
cp -a backup restored
# the restored tree is checked against the data baseline by restoring into place
rm -rf data && cp -a backup data
expect_exit "restore check passes after a clean restore" 0 "$RIPOSTE" diff --db "$DB" --restored --format text data
expect_grep "restore check says so" "restore check passed" "$T/.out"
# a restore that brings back one encrypted file and a ransom note fails
cp "$T/enc" data/Patients/p9.txt
printf 'All your files have been encrypted.\nTo get the decryption key write to restore@onionmail.org\n' > data/Patients/README-DECRYPT.txt
expect_exit "restore check fails with an encrypted file and a note" 1 "$RIPOSTE" diff --db "$DB" --restored --format jsonl data
expect_grep "restored false" '"restored":false' "$T/.out"
expect_grep "the note is named" '"path":"data/Patients/README-DECRYPT.txt","change":"added","encrypted":false,"note":true' "$T/.out"
expect_grep "the encrypted file is named" '"path":"data/Patients/p9.txt","change":"modified","encrypted":true' "$T/.out"

# incremental: a second baseline hashes only what changed
rm -rf data && cp -a backup data
"$RIPOSTE" baseline --db "$DB" --format jsonl data > b1.jsonl
echo "one more" >> data/Patients/p10.txt
"$RIPOSTE" baseline --db "$DB" --format jsonl data > b2.jsonl
expect_grep "re-run hashes one file" '"hashed":1,' b2.jsonl
expect_grep "re-run reuses the rest" '"reused":20,' b2.jsonl

# errors
expect_exit "no baseline: exit 2" 2 "$RIPOSTE" diff --db "$DB" restored/Admin
expect_grep "no baseline message" "no baseline of 'restored/Admin'" "$T/.err"
expect_exit "bad format" 2 "$RIPOSTE" diff --db "$DB" --format xml data
expect_exit "help" 0 "$RIPOSTE" diff --help
done_testing
