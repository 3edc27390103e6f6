# serial: counts what happens within milliseconds (tests/run.sh runs it alone)
# riposte watch when things get rough: --action kill puts the files back by itself;
# --allow EXE:SHA256 spares a known tool (and only with that content); a fanotify
# queue overflow is said and followed by a rescan that finds what changed meanwhile;
# new files whose ignore marks were kept past their close, or taken off through file
# handles when too many were kept, are copied before an attacker's writes all the same.
TMPDIR=${WATCH_TMPDIR:-/var/tmp}
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/watch.inc"

# the interpreter that runs the attacker, as /proc/PID/exe will name it
PY=$(python3 -c 'import os, sys; print(os.path.realpath(sys.executable))')
PYSHA=$(sha256sum "$PY" | cut -d' ' -f1)

# ---- --action kill: the attacker is killed and its files come back at once ----
make_docs "$T/k" 12
sums "$T/k" >"$T/k.before"
watch_start kill "$T/k" --action kill || done_testing
setsid python3 "$TOP/tests/e2e/attackers/inplace.py" "$T/k" >/dev/null 2>&1 &
apid=$!
wait_attack "$apid"
wait "$apid" 2>/dev/null
expect_eq "kill: the attacker died of SIGKILL" 137 "$?"
wait_out restored 5
watch_stop
expect_grep "kill: alert with action kill" '"action":"kill","result":"killed"' "$WOUT"
expect_grep "kill: the alert says the restore started" '"restoring":true' "$WOUT"
expect_grep "kill: the files were put back" '"kind":"restored",.*"restored":[1-9][0-9]*,"failed":0' "$WOUT"
sums "$T/k" >"$T/k.after"
if cmp -s "$T/k.before" "$T/k.after"; then ok "kill: every file back without --restore"; else
	fail "kill: files differ after the automatic restore"; diff "$T/k.before" "$T/k.after" | head; fi
expect_eq "kill: no restore temp file left" "" "$(find "$T/k" -name '*.riposte-restore')"

# ---- evidence: the watcher reads (copies before writes, glances, verdicts) through
# descriptors that do not touch access times; the writers below read nothing, so any
# access time that moves was moved by the watcher ----
mkdir -p "$T/at"
printf 'patient: Jane Example\nreferral: cardiology\n' >"$T/at/append.txt"
printf 'invoice 4711\ntotal 120.00 EUR\n' >"$T/at/rewrite.txt"
touch -d '2024-03-01 08:00:00' "$T/at/append.txt" "$T/at/rewrite.txt"
watch_start atime "$T/at" || done_testing
setsid sh -c "printf 'seen again\n' >>'$T/at/append.txt'; printf 'invoice 4712\n' >'$T/at/rewrite.txt'; printf 'new\n' >'$T/at/new.txt'"
sleep 0.5
watch_stop
expect_eq "atime: kept on a file appended to (copied first)" "2024-03-01 08:00:00.000000000" \
    "$(stat -c %x "$T/at/append.txt" | cut -d' ' -f1-2)"
expect_eq "atime: kept on a file rewritten (copied first, then judged)" "2024-03-01 08:00:00.000000000" \
    "$(stat -c %x "$T/at/rewrite.txt" | cut -d' ' -f1-2)"
n_new=$(stat -c '%X %Y' "$T/at/new.txt" | awk '{print ($1 <= $2) ? "kept" : "moved"}')
expect_eq "atime: a new file judged after its close is not marked read" kept "$n_new"
if grep -q 'invoice 4711' "$T"/shadow-atime/P* 2>/dev/null; then ok "atime: the rewritten file was copied first"
else fail "atime: no copy of the rewritten file in the shadow"; fi

# ---- a database writer: a large file rewritten in place page by page. Each write
# keeps its page's range first; past 32 the rest of the original is kept in the
# background; after that the writes go unasked (no answer per page), and --restore
# rebuilds the original from the ranges byte for byte ----
mkdir -p "$T/dbw"
python3 - "$T/dbw/practice.db" <<'PY'
import random, sys
random.seed(3)
words = b"patient referral laboratory invoice appointment insurance claim".split()
with open(sys.argv[1], "wb") as f:
    while f.tell() < (8 << 20):
        f.write(b" ".join(random.choice(words) for _ in range(14)) + b"\n")
PY
touch -d '2026-01-05 07:00:00' "$T/dbw/practice.db"
before=$(sha256sum <"$T/dbw/practice.db")
watch_start dbw "$T/dbw" || done_testing
setsid python3 - "$T/dbw/practice.db" <<'PY'
import os, random, sys, time
fd = os.open(sys.argv[1], os.O_RDWR)
size = os.fstat(fd).st_size
page = b"record updated " * 273 + b"x"          # 4 KiB of text: nothing looks encrypted
random.seed(4)
for _ in range(40):                               # past 32 asked: the rest in the background
    os.pwrite(fd, page[:4096], random.randrange(size // 4096) * 4096)
time.sleep(1.5)                                   # which keeps it meanwhile
for _ in range(400):
    os.pwrite(fd, page[:4096], random.randrange(size // 4096) * 4096)
os.fsync(fd)
os.close(fd)
PY
sleep 0.3
watch_stop
expect_nogrep "dbw: no alert on a database writer" '"kind":"alert"' "$WOUT"
ev=$(sed -n 's/.*"kind":"summary","alerts":[0-9]*,"events":\([0-9]*\).*/\1/p' "$WOUT")
if [ -n "$ev" ] && [ "$ev" -lt 100 ]; then ok "dbw: $ev events for 440 page writes (asked until the original was kept)"
else fail "dbw: ${ev:-no} events for 440 page writes"; cat "$WOUT"; fi
kept=$(awk -F '\t' '$1 == "v3" && $3 == "range" { n += $NF } END { print n + 0 }' "$T/shadow-dbw/index")
expect_eq "dbw: the whole original kept in ranges" "$(stat -c %s "$T/dbw/practice.db")" "$kept"
"$RIPOSTE" watch --restore --shadow "$T/shadow-dbw" "$T/dbw" >"$T/dbw.restore" 2>&1
expect_eq "dbw: restore exit 0" 0 $?
expect_eq "dbw: restored byte for byte" "$before" "$(sha256sum <"$T/dbw/practice.db")"

# ---- --spin: said in the ready line, and an attacker is stopped as without it ----
make_docs "$T/sp" 6
watch_start spin "$T/sp" --spin 150 || done_testing
expect_grep "spin: the ready line says it" '"kind":"ready",.*"spin_us":150,' "$WOUT"
attack_once "$TOP/tests/e2e/attackers/inplace.py" "$T/sp"
watch_stop
expect_grep "spin: alert" '"kind":"alert"' "$WOUT"
expect_exit "spin: a value that is not a number is refused" 2 "$RIPOSTE" watch --spin 1ms "$T/sp"
expect_exit "spin: more than 10 ms is refused" 2 "$RIPOSTE" watch --spin 20000 "$T/sp"

# ---- the database of the case is inside the watched tree: the alert is journaled
# (by a child of the watcher: its own write there would wait for its own answer) ----
make_docs "$T/j" 6
"$RIPOSTE" case open --db "$T/j/riposte.db" --title "Drill" --discovered 2026-11-22T07:00:00Z >/dev/null
expect_eq "journal: case opened" 0 $?
WOUT=$T/journal.jsonl
"$RIPOSTE" watch --format jsonl --db "$T/j/riposte.db" --shadow "$T/shadow-journal" "$T/j" >"$WOUT" 2>"$T/journal.err" &
WPID=$!
wait_out ready 10
attack_once "$TOP/tests/e2e/attackers/inplace.py" "$T/j"
sleep 0.5
watch_stop
expect_grep "journal: alert" '"kind":"alert"' "$WOUT"
"$RIPOSTE" case show --db "$T/j/riposte.db" >"$T/journal.show" 2>&1
expect_grep "journal: the case has the alert" "ransomware behaviour detected" "$T/journal.show"
"$RIPOSTE" case verify --db "$T/j/riposte.db" >/dev/null
expect_eq "journal: the chain is intact" 0 $?

# ---- --allow EXE:SHA256: the allowed interpreter is not scored ----
make_docs "$T/a" 6
watch_start allow "$T/a" --allow "$PY:$PYSHA" || done_testing
setsid python3 "$TOP/tests/e2e/attackers/inplace.py" "$T/a" >/dev/null 2>&1 &
apid=$!
wait "$apid"
sleep 0.5
watch_stop
expect_eq "allow: watcher exit 0 (no alert)" 0 "$WST"
if grep -q '"kind":"alert"' "$WOUT"; then fail "allow: alert on an allowed executable"; else
	ok "allow: no alert for $PY with its hash"; fi
# the same path with another hash is not allowed
make_docs "$T/b" 6
watch_start allowbad "$T/b" --allow "$PY:0000000000000000000000000000000000000000000000000000000000000000" ||
    done_testing
attack_once "$TOP/tests/e2e/attackers/inplace.py" "$T/b"
watch_stop
expect_grep "allow: a different hash is stopped" '"kind":"alert"' "$WOUT"
expect_exit "allow: a relative path is refused" 2 "$RIPOSTE" watch --allow bin/python3 "$T/b"
expect_exit "allow: a short hash is refused" 2 "$RIPOSTE" watch --allow "$PY:abcd" "$T/b"

# ---- a directory made while watching (here right after a burst of 50 creates) is
# marked when its create event is read: the attack inside it later is stopped, and
# its files come back ----
make_docs "$T/nd" 3
watch_start newdir "$T/nd" || done_testing
sh -c "i=0; while [ \$i -lt 50 ]; do : >'$T/nd/burst'\$i; i=\$((i + 1)); done; mkdir '$T/nd/later'"
sleep 0.3
make_docs "$T/nd/later" 6
sums "$T/nd/later" >"$T/nd.before"
sleep 0.2
attack_once "$TOP/tests/e2e/attackers/inplace.py" "$T/nd/later"
watch_stop
expect_grep "new directory: the attack in it was stopped" '"kind":"alert".*later/' "$WOUT"
"$RIPOSTE" watch --restore --shadow "$T/shadow-newdir" "$T/nd" >"$T/newdir.restore" 2>&1
sums "$T/nd/later" >"$T/nd.after"
expect_eq "new directory: every file back after --restore" 0 "$(changed "$T/nd.before" "$T/nd.after")"

# ---- a new file's ignore mark is left on past its close, until the next open of it;
# the oldest are taken off through file handles once 3,072 are kept. Documents
# written first, then 4,000 more new files, so that theirs were taken off that way:
# an attack on them later is stopped and they come back. The same without
# CAP_DAC_READ_SEARCH (a handle does not open again): each mark then goes at its
# file's close. Before the documents, 20 files made, closed and deleted, as a
# database's journal at each transaction: the documents get their inode numbers
# back, and their marks' handles are the ones taken when the number came back
# (rp_watch_hold_reopen); those handles are what takes the marks off ----
# holds_case NAME DIR LABEL: the scenario in DIR, with the watcher started as $RIPOSTE
holds_case() {
	mkdir -p "$2/fill" "$2/docs/sub"     # marked at the start: no race with their creation
	watch_start "$1" "$2" || return 1
	WCAP=$(awk '/^CapEff/ { print $2 }' "/proc/$WPID/status")
	python3 - "$2/docs" >"$T/$1.ino" <<'PY'
import os, sys
for i in range(20):
    p = os.path.join(sys.argv[1], "j%02d-journal" % i)
    with open(p, "w") as f:
        f.write("page %d\n" % i)
        print(os.fstat(f.fileno()).st_ino)
    os.unlink(p)
PY
	sleep 0.2
	make_docs "$2/docs" 6
	find "$2/docs" -type f -exec stat -c %i {} + >>"$T/$1.ino"
	echo "# $1: $(sort "$T/$1.ino" | uniq -d | wc -l) documents have an inode number a deleted file had" >&2
	python3 - "$2/fill" <<'PY'
import os, sys
for i in range(4000):
    with open(os.path.join(sys.argv[1], "n%04d.txt" % i), "w") as f:
        f.write("note %d\n" % i)
PY
	sums "$2/docs" >"$T/$1.before"
	sleep 0.5
	attack_once "$TOP/tests/e2e/attackers/inplace.py" "$2/docs"
	watch_stop
	expect_grep "$3: the attack on the oldest new files was stopped" '"kind":"alert".*/docs/' "$WOUT"
	"$RIPOSTE" watch --restore --shadow "$T/shadow-$1" "$2/docs" >"$T/$1.restore" 2>&1
	sums "$2/docs" >"$T/$1.after"
	expect_eq "$3: every file back after --restore" 0 "$(changed "$T/$1.before" "$T/$1.after")"
}
holds_case holds "$T/hm" "marks past the table"
REAL=$RIPOSTE
RIPOSTE=$T/nocap.sh
printf '#!/bin/sh\nexec setpriv --bounding-set=-dac_read_search "%s" "$@"\n' "$REAL" >"$RIPOSTE"
chmod +x "$RIPOSTE"
holds_case nohandles "$T/hn" "no file handles" &&
    expect_eq "no file handles: the watcher ran without CAP_DAC_READ_SEARCH" 0 "$((0x$WCAP & 4))"
RIPOSTE=$REAL

# ---- hostile names and a FIFO: a document whose name holds a newline and a terminal
# escape is stopped on, named escaped in both formats, and comes back; a FIFO in the
# watched tree passes its data with nobody held (the kernel sends no permission event
# for it, and the watcher opens nothing there) ----
mkdir -p "$T/hn2"
make_docs "$T/hn2" 3
bad=$(printf '0
[2J evil.txt')
cp "$T/hn2/doc00.txt" "$T/hn2/$bad"
mkfifo "$T/hn2/pipe"
sums "$T/hn2" >"$T/hn2.before"
watch_start hostile "$T/hn2" || done_testing
(timeout 10 sh -c "echo through >'$T/hn2/pipe'"; echo "writer $?") >"$T/fifo.w" 2>&1 &
fifo_r=$(timeout 10 cat "$T/hn2/pipe")
wait $!
expect_eq "fifo: the reader got the data" through "$fifo_r"
expect_eq "fifo: the writer was not held" "writer 0" "$(cat "$T/fifo.w")"
# the attacker skips the FIFO (it would block on it)
setsid python3 - "$T/hn2" >/dev/null 2>&1 <<'PY' &
import os, stat, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        if not stat.S_ISREG(os.lstat(p).st_mode):
            continue
        with open(p, "r+b") as f:
            data = f.read()
            f.seek(0)
            f.write(os.urandom(len(data)))
PY
apid=$!
wait_attack "$apid"
kill -s KILL "$apid" 2>/dev/null
wait "$apid" 2>/dev/null
watch_stop
expect_grep "hostile: the alert names the file, escaped (JSON)" \
    '"files":\["[^"]*/hn2/0\\n\\u001b\[2J evil.txt"' "$WOUT"
"$RIPOSTE" watch --restore --shadow "$T/shadow-hostile" "$T/hn2" >"$T/hostile-restore.txt" 2>&1
expect_grep "hostile: --restore names it escaped (text)" 'restored  .*/hn2/0\\n\\x1b\[2J evil.txt$' "$T/hostile-restore.txt"
expect_eq "hostile: no raw escape in the text output" 0 "$(tr -cd '\033' <"$T/hostile-restore.txt" | wc -c)"
sums "$T/hn2" >"$T/hn2.after"
if cmp -s "$T/hn2.before" "$T/hn2.after"; then ok "hostile: every file back, the hostile name too"; else
	fail "hostile: files differ after --restore"; diff "$T/hn2.before" "$T/hn2.after" | head; fi

# ---- overflow: the watcher is frozen while 20,000 files go (made with mknod before:
# a file's creation raises no event; an unlink is only queued, where an open would
# wait for the frozen watcher's answer) ----
mkdir -p "$T/o/flood"
make_docs "$T/o/docs" 3
watch_start overflow "$T/o" || done_testing
# a random file written before the flood (new random files alone are benign)
head -c 65536 /dev/urandom >"$T/o/docs/blob.txt"
python3 - "$T/o/flood" <<'PY'
import os, sys
for i in range(20000):
    os.mknod(os.path.join(sys.argv[1], "f%05d" % i), 0o100644)
PY
sleep 0.5
kill -s STOP "$WPID"
find "$T/o/flood" -type f -delete
kill -s CONT "$WPID"
wait_out rescan 20
watch_stop
expect_grep "overflow: said" '"kind":"overflow"' "$WOUT"
expect_grep "overflow: rescan finds the random file" '"kind":"rescan".*"random":1,.*blob.txt' "$WOUT"
expect_grep "overflow: counted in the summary" '"kind":"summary".*"overflows":[1-9]' "$WOUT"

done_testing
