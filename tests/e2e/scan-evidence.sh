# A scan changes no timestamp: atime, mtime, ctime (ns) of every file and directory are
# the same after it, on a tree whose atimes are older than its mtimes (where relatime
# would update them on a plain read). And a reader who may not use O_NOATIME does not
# read at all unless told to.
. "$TOP/tests/lib.sh"
mkdir -p tree/a/b tree/c
i=0
while [ "$i" -lt 30 ]; do
	yes "line $i of a patient file" | head -c $((i * 1000 + 10)) > "tree/a/f$i.txt"
	head -c $((i * 3000 + 100)) /dev/urandom > "tree/c/r$i.docx"
	i=$((i + 1))
done
head -c 3000000 /dev/urandom > tree/a/b/big.bin
printf 'All your files have been encrypted. Write to x@onionmail.org to decrypt.\n' > tree/c/HOW_TO_DECRYPT.txt
# listing a directory updates its atime: list once, then only stat (the snapshots
# themselves must not touch what they measure)
find tree > paths
xargs -d '\n' touch -m -d '2026-11-20 10:00:00' < paths
xargs -d '\n' touch -a -d '2026-11-01 10:00:00' < paths
snap() { xargs -d '\n' stat -c '%n %X.%x %Y %Z.%z' < paths; }
snap > before
sleep 1.1
"$RIPOSTE" scan --format jsonl tree > out.jsonl
expect_eq "scan finds something" 1 $?
"$RIPOSTE" scan --format text --full tree > full.txt
"$RIPOSTE" scan --format csv --all -j 1 tree > all.csv
snap > after
if cmp -s before after; then ok "no atime, mtime or ctime changed"; else
	fail "timestamps changed"; diff before after | head -n 10; fi
expect_grep "the note is found" '"verdict":"note"' out.jsonl
expect_grep "summary says nothing was read without O_NOATIME" '"read_without_noatime":0' out.jsonl

# a reader that does not own the file and has no CAP_FOWNER: O_NOATIME is refused
if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	chmod -R a+rX tree
	chmod a+rx "$T"
	as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
	snap > before2
	as_nobody "$RIPOSTE" scan --format jsonl tree > nobody.jsonl 2> nobody.err
	expect_eq "a root directory it cannot list without O_NOATIME is an error" 2 $?
	expect_grep "and the message says why" "access time" nobody.err
	# directories of its own, files of root's: the files are skipped, not read
	xargs -d '\n' chown nobody < paths
	find tree -type f -exec chown root {} +
	xargs -d '\n' touch -a -d '2026-11-01 10:00:00' < paths
	snap > before2
	as_nobody "$RIPOSTE" scan --format jsonl tree > nobody.jsonl 2> nobody.err
	expect_grep "files are skipped, not read" 'O_NOATIME refused' nobody.jsonl
	snap > after2
	if cmp -s before2 after2; then ok "non-owner scan changed no timestamp"; else
		fail "non-owner scan changed timestamps"; diff before2 after2 | head; fi
	as_nobody "$RIPOSTE" scan --format jsonl --allow-atime tree > nobody2.jsonl 2>/dev/null
	expect_grep "--allow-atime reads them and says so" '"read_without_noatime":[1-9]' nobody2.jsonl
else
	ok "setpriv or nobody missing: non-owner case not run"
fi
done_testing
