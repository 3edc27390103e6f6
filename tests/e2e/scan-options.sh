# --exclude, --xdev (default) and --cross-mounts, -q, and permission errors that do not
# stop the scan.
. "$TOP/tests/lib.sh"
PY=/usr/bin/python3
mkdir -p tree/keep tree/skip tree/mnt
head -c 20000 /dev/urandom > tree/keep/a.bin
head -c 20000 /dev/urandom > tree/skip/b.bin
head -c 20000 /dev/urandom > tree/keep/c.tmp
"$RIPOSTE" scan --format jsonl --exclude 'tree/skip' --exclude '*.tmp' tree > ex.jsonl
expect_grep "only the file not excluded is scanned" '"files":1,' ex.jsonl
expect_nogrep "excluded directory not entered" 'b.bin' ex.jsonl

if mount -t tmpfs -o size=1m rp-test tree/mnt 2>/dev/null; then
	head -c 20000 /dev/urandom > tree/mnt/inside.bin
	"$RIPOSTE" scan --format jsonl tree > x.jsonl
	expect_grep "another filesystem is not entered by default" 'mount point not crossed' x.jsonl
	expect_nogrep "nor its files read" 'inside.bin' x.jsonl
	"$RIPOSTE" scan --format jsonl --cross-mounts tree > y.jsonl
	expect_grep "--cross-mounts enters it" 'inside.bin' y.jsonl
	umount tree/mnt
else
	ok "mount not permitted here: --cross-mounts not exercised"
fi

"$RIPOSTE" scan --format text -q tree > q.txt
expect_nogrep "-q prints no file lines" 'a.bin' q.txt
expect_grep "-q prints the summary" 'Summary: ' q.txt

# permission errors are reported and the scan goes on
if command -v setpriv >/dev/null && id nobody >/dev/null 2>&1; then
	mkdir -p own/closed own/open
	head -c 20000 /dev/urandom > own/open/x.bin
	printf 'x' > own/closed/y.txt
	chown -R nobody own
	chmod 000 own/closed
	chmod a+x "$T"
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$RIPOSTE" scan --format jsonl own > perm.jsonl 2>perm.err
	expect_eq "found the random file despite the closed directory" 1 $?
	expect_grep "the closed directory is reported" 'cannot open directory: Permission denied' perm.jsonl
	expect_grep "and the other one scanned" 'x.bin' perm.jsonl
fi
done_testing
