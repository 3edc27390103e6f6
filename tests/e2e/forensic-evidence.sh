#!/bin/sh
# No read by baseline, diff, diff --restored, timeline or exfil changes any timestamp:
# every file's atime is older than its mtime (so relatime would update it on a read),
# and stat before and after must be identical, on files and directories.
. "$TOP/tests/lib.sh"
DB="$T/r.db"
mkdir -p ev/a/b
i=0
while [ "$i" -lt 12 ]; do
	yes "evidence line $i" | head -c $((3000 * (i + 1))) > "ev/a/f$i.txt"
	i=$((i + 1))
done
head -c 200000 /dev/urandom > ev/a/b/blob.bin
find ev -exec touch -m -d '2026-11-01 10:00:00 UTC' {} +
find ev -exec touch -a -d '2026-01-01 10:00:00 UTC' {} +
snap() { find ev -exec stat -c '%n %X.%x %Y %Z %s %i' {} + | sort; }
before=$(snap)
"$RIPOSTE" baseline --db "$DB" ev > /dev/null || fail "baseline ran"
"$RIPOSTE" baseline --db "$DB" --rehash ev > /dev/null || fail "baseline --rehash ran"
"$RIPOSTE" diff --db "$DB" --rehash --format jsonl ev > /dev/null
"$RIPOSTE" diff --db "$DB" --restored --format jsonl ev > /dev/null
"$RIPOSTE" timeline --format body ev > /dev/null
"$RIPOSTE" timeline --format jsonl ev > /dev/null
"$RIPOSTE" exfil --db "$DB" --data ev --since 2026-11-20 --until 2026-11-21 --format jsonl > /dev/null
after=$(snap)
expect_eq "no timestamp changed" "$before" "$after"
# the evidence is also unchanged after a diff that found changes and scanned them
echo change >> ev/a/f1.txt
touch -m -d '2026-11-02 10:00:00 UTC' ev/a/f1.txt ev/a
touch -a -d '2026-01-01 10:00:00 UTC' ev/a/f1.txt ev/a
before=$(snap)
expect_exit "diff sees the change" 1 "$RIPOSTE" diff --db "$DB" --format jsonl ev
after=$(snap)
expect_eq "no timestamp changed by a diff that scanned a changed file" "$before" "$after"
done_testing
