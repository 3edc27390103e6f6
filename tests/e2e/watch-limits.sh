# riposte watch at its limits. The shadow runs out of room: past --shadow-max, then on
# a filesystem that is full; each cause is said once, in the words the user needs, the
# writes are never held back or refused, what was kept comes back with --restore, and
# a copy cut short by the full disk leaves no torn line in the shadow's index. A tree
# on a filesystem without pre-content events (tmpfs) is watched with open permission
# events: an attacker there is stopped on its first file, which comes back. --check
# names the filesystem and says a missing path as such. A --db that is not a database
# (corrupt) is said, with the alert still reported.
TMPDIR=${WATCH_TMPDIR:-/var/tmp}
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/watch.inc"

M=$T/tiny
TF=$T/tfs
cleanup() {
	[ -n "${WPID:-}" ] && kill -s KILL "$WPID" 2>/dev/null
	[ -n "${apid:-}" ] && kill -s KILL "$apid" 2>/dev/null
	mountpoint -q "$M" 2>/dev/null && umount "$M"
	mountpoint -q "$TF" 2>/dev/null && umount "$TF"
}
trap 'cleanup; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 2' INT TERM HUP

# overwrite DIR: the first 4 KiB of every doc*.txt under DIR replaced by random bytes,
# one file after the other; prints how many were written
overwrite() {
	python3 - "$1" <<'PY'
import os, sys, time
n = 0
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    dirs.sort()
    for name in sorted(files):
        if not name.startswith("doc"):
            continue
        with open(os.path.join(root, name), "r+b") as f:
            f.write(os.urandom(4096))
        n += 1
        time.sleep(0.05)
print(n)
PY
}

# restore_count KIND FILE: the count of KIND in the --restore summary
restore_count() { sed -n "s/.*\"kind\":\"summary\".*\"$1\":\([0-9]*\).*/\1/p" "$2"; }

# ---- past --shadow-max: documents of about 20 KiB, a bound of 50K: two are kept, the
# third would pass it ----
make_docs "$T/m" 6
watch_start max "$T/m" --action alert --shadow-max 50K || done_testing
expect_eq "max: every write went through" 6 "$(overwrite "$T/m")"
sleep 0.5
watch_stop
expect_eq "max: said once" 1 "$(grep -c '"kind":"warning"' "$WOUT")"
expect_grep "max: says the bound and what it means" \
    '"message":"the shadow is full (--shadow-max 50K): files are no longer copied before writes"' "$WOUT"
expect_grep "max: the summary counts the two copies" '"kind":"summary".*"copies":2,' "$WOUT"
"$RIPOSTE" watch --restore --format jsonl --shadow "$T/shadow-max" "$T/m" >"$T/max-restore.jsonl"
expect_eq "max: --restore brings back the two kept" 2 "$(restore_count restored "$T/max-restore.jsonl")"
expect_eq "max: --restore fails none" 0 "$(restore_count failed "$T/max-restore.jsonl")"

# ---- a full filesystem: the shadow on a tmpfs of 64 KiB (the watched tree stays on
# the temp dir's filesystem; tmpfs takes no permission events, a shadow needs none) ----
mkdir -p "$M"
mount -t tmpfs -o size=64k rp-shadow-test "$M" 2>"$T/mount.err" ||
    skip "cannot mount a small tmpfs for the shadow: $(cat "$T/mount.err")"
# --check there: tmpfs takes open permission events, not pre-content ones
expect_exit "check: tmpfs, reduced protection" 1 "$RIPOSTE" watch --check "$M"
expect_grep "check: names the filesystem" "filesystem tmpfs" "$T/.out"
expect_grep "check: says what protection" "=> reduced protection (copies at open)" "$T/.out"
expect_exit "check: a path that is not there" 2 "$RIPOSTE" watch --check --format jsonl "$T/missing"
expect_grep "check: says it is not there" '"error":"No such file or directory","ok":false' "$T/.out"
make_docs "$T/d" 6
# (the last --shadow given is the one used)
watch_start disk "$T/d" --action alert --shadow "$M/shadow" || done_testing
expect_eq "disk: every write went through" 6 "$(overwrite "$T/d")"
sleep 0.5
watch_stop
WPID=
expect_eq "disk: said once" 1 "$(grep -c '"kind":"warning"' "$WOUT")"
expect_grep "disk: says the filesystem is full, and which" \
    "\"message\":\"no space left on the shadow's filesystem ($M/shadow): files are no longer copied before writes\"" "$WOUT"
expect_nogrep "disk: not taken for the --shadow-max bound" 'shadow-max' "$WOUT"
kept=$(sed -n 's/.*"kind":"summary".*"copies":\([0-9]*\),.*/\1/p' "$WOUT")
case $kept in
[1-5]) ok "disk: some copies were kept before the disk filled ($kept)" ;;
*) fail "disk: copies kept before the disk filled: '$kept' (expected 1 to 5)" ;;
esac
# every line of the index is whole: as many entries as copies, each restored
"$RIPOSTE" watch --restore --format jsonl --shadow "$M/shadow" "$T/d" >"$T/disk-restore.jsonl"
expect_eq "disk: --restore brings back every copy kept" "$kept" "$(restore_count restored "$T/disk-restore.jsonl")"
expect_eq "disk: --restore fails none" 0 "$(restore_count failed "$T/disk-restore.jsonl")"
expect_eq "disk: no torn line in the index" "" \
    "$(find "$M/shadow" -maxdepth 1 -type f -name 'index*' -exec tail -c 1 {} \; | od -An -c | grep -v '\\n')"

# ---- a tree on tmpfs: no pre-content events there, open permission events instead ----
mkdir -p "$TF"
mount -t tmpfs -o size=16m rp-watch-test "$TF" 2>"$T/mount.err" ||
    skip "cannot mount a tmpfs for the tree: $(cat "$T/mount.err")"
make_docs "$TF/share" 12
sums "$TF/share" >"$T/tfs.before"
watch_start tfs "$TF/share" || done_testing
expect_grep "tmpfs: said" "\"message\":\"no pre-content events on the filesystem of $TF/share: files opened for writing there are copied whole before the open goes on\"" "$WOUT"
setsid python3 "$TOP/tests/e2e/attackers/inplace.py" "$TF/share" >/dev/null 2>&1 &
apid=$!
wait_attack "$apid"
sums "$TF/share" >"$T/tfs.after"
kill -s KILL "$apid" 2>/dev/null
wait "$apid" 2>/dev/null
apid=
watch_stop
expect_grep "tmpfs: stopped" '"result":"stopped"' "$WOUT"
expect_grep "tmpfs: on its first file, read then overwritten" '"files_touched":1,"signals":{"randomised":1,"type-lost":1,"read-overwrite":1}' "$WOUT"
expect_eq "tmpfs: one file changed" 1 "$(changed "$T/tfs.before" "$T/tfs.after")"
"$RIPOSTE" watch --restore --shadow "$T/shadow-tfs" "$TF/share" >/dev/null 2>&1
sums "$TF/share" >"$T/tfs.restored"
if cmp -s "$T/tfs.before" "$T/tfs.restored"; then ok "tmpfs: every file back"; else
	fail "tmpfs: not all restored"; diff "$T/tfs.before" "$T/tfs.restored" | head; fi

# ---- a corrupt database: the alert is reported all the same, and the journal's
# failure said with the file and the reason ----
cleanup
make_docs "$T/c" 3
head -c 8192 /dev/urandom >"$T/corrupt.db"
watch_start corrupt "$T/c" --action alert --db "$T/corrupt.db" || done_testing
overwrite "$T/c" >/dev/null
wait_out warning 5
watch_stop
WPID=
expect_grep "corrupt db: the alert is reported" '"kind":"alert"' "$WOUT"
expect_grep "corrupt db: said, with the file and why" \
    "\"message\":\"cannot open the database $T/corrupt.db (database is corrupt or not a riposte database): the alert is not journaled\"" "$WOUT"

done_testing
