# riposte watch on a filesystem with reflinks (XFS, made in a file of the test's temp
# dir and loop-mounted there): the copies before writes are FICLONERANGE clones into
# the shadow's pack, and --restore brings every file back byte-exact from them.
TMPDIR=${WATCH_TMPDIR:-/var/tmp}
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/watch.inc"

command -v mkfs.xfs >/dev/null || { fail "mkfs.xfs missing (xfsprogs, scripts/packages.d/watch.txt)"; done_testing; }
M=$T/mnt
cleanup() {
	[ -n "${WPID:-}" ] && kill -s KILL "$WPID" 2>/dev/null
	[ -n "${apid:-}" ] && kill -s KILL "$apid" 2>/dev/null
	mountpoint -q "$M" 2>/dev/null && umount "$M"
}
trap 'cleanup; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 2' INT TERM HUP
truncate -s 320M "$T/xfs.img" && mkfs.xfs -q "$T/xfs.img" || { fail "mkfs.xfs"; done_testing; }
mkdir -p "$M"
mount -o loop "$T/xfs.img" "$M" 2>"$T/mount.err" ||
    skip "no loop device to mount a test XFS here: $(cat "$T/mount.err")"

expect_exit "check: reflinks there" 0 "$RIPOSTE" watch --check "$M"
expect_grep "check: says FICLONE works" "FICLONE reflinks (instant copies): yes" "$T/.out"

make_docs "$M/share" 12
# victims are old files (on disk, not in the page cache): a just-written file is
# copied, not cloned, because a clone would first write its dirty pages out
find "$M/share" -type f -exec touch -d '2 days ago' {} +
sync
sums "$M/share" >"$T/before"
WOUT=$T/reflink.jsonl
"$RIPOSTE" watch --format jsonl --db "$T/none.db" --shadow "$M/shadow" "$M/share" >"$WOUT" 2>"$T/reflink.err" &
WPID=$!
wait_out ready 10
expect_grep "ready" '"kind":"ready"' "$WOUT"
attack_once "$TOP/tests/e2e/attackers/inplace.py" "$M/share"
apid=
watch_stop
WPID=
expect_grep "alert" '"kind":"alert".*"result":"stopped"' "$WOUT"
# the copies are clones in a pack of the shadow, not a file per copy
expect_grep "the index says clone" "$(printf '^v2\t[0-9]*\tclone\t')" "$M/shadow/index"
expect_nogrep "no copy by bytes" "$(printf '^v2\t[0-9]*\tcopy\t')" "$M/shadow/index"
expect_eq "one pack, no file per copy" 1 "$(find "$M/shadow" -name 'P*' | wc -l | tr -d ' ')"
"$RIPOSTE" watch --restore --shadow "$M/shadow" "$M/share" >"$T/restore.out" 2>&1
expect_eq "restore: exit 0" 0 "$?"
sums "$M/share" >"$T/after"
if cmp -s "$T/before" "$T/after"; then ok "every file back, byte-exact, from the clones"; else
	fail "files differ after the restore"; diff "$T/before" "$T/after" | head; cat "$T/restore.out"; fi
done_testing
