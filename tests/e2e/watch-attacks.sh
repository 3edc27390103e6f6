# riposte watch against attackers that are not our simulator: each style is stopped
# with at most 3 files touched, and --restore brings every file back (zero loss).
TMPDIR=${WATCH_TMPDIR:-/var/tmp}
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/watch.inc"

cat >"$T/inplace.py" <<'PY'
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        with open(p, "r+b") as f:
            data = f.read()
            f.seek(0)
            f.write(os.urandom(len(data)))
PY
cat >"$T/copydelete.py" <<'PY'
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        data = open(p, "rb").read()
        with open(p + ".crypt", "wb") as f:
            f.write(os.urandom(len(data)))
        os.unlink(p)
PY
cat >"$T/rename.py" <<'PY'
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        with open(p, "r+b") as f:
            data = f.read()
            f.seek(0)
            f.write(os.urandom(len(data)))
        os.rename(p, p + ".locked")
PY
cat >"$T/intermittent.py" <<'PY'
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        with open(p, "r+b") as f:
            size = os.fstat(f.fileno()).st_size
            for off in range(0, size, 192):      # 64 bytes encrypted, 128 skipped
                f.seek(off)
                chunk = f.read(64)
                f.seek(off)
                f.write(os.urandom(len(chunk)))
PY
cat >"$T/fakegzip.py" <<'PY'
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        data = open(p, "rb").read()
        with open(p + ".gz", "wb") as f:
            f.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + os.urandom(len(data) // 2))
        os.unlink(p)
PY
cat >"$T/mapwrite.py" <<'PY'
# writes through a shared mapping: no write() for fanotify to see, only the close
import mmap, os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        with open(p, "r+b") as f:
            size = os.fstat(f.fileno()).st_size
            m = mmap.mmap(f.fileno(), size)
            m[:] = os.urandom(size)
            m.flush()
            m.close()
PY
cat >"$T/forker.sh" <<'SH'
# one openssl child per file: encrypt to a new file, delete the original
find "$1" -type f | sort | while read -r f; do
	openssl enc -aes-256-cbc -pbkdf2 -pass pass:x -in "$f" -out "$f.enc" 2>/dev/null && rm -f "$f"
done
SH

attack() {  # NAME COMMAND...
	name=$1
	shift
	rm -rf "$T/d-$name"
	make_docs "$T/d-$name" 12
	sums "$T/d-$name" >"$T/$name.before"
	watch_start "$name" "$T/d-$name" || return
	setsid "$@" "$T/d-$name" >/dev/null 2>&1 &
	apid=$!
	wait_attack "$apid"
	sums "$T/d-$name" >"$T/$name.after"
	sleep 1
	sums "$T/d-$name" >"$T/$name.later"
	if cmp -s "$T/$name.after" "$T/$name.later"; then ok "$name: attack halted"; else
		fail "$name: files still changing after the alert"; fi
	kill -s KILL -- "-$apid" 2>/dev/null
	kill -s KILL "$apid" 2>/dev/null
	wait "$apid" 2>/dev/null
	watch_stop
	expect_grep "$name: alert" '"kind":"alert"' "$WOUT"
	expect_grep "$name: action stop" '"result":"stopped"' "$WOUT"
	touched=$(changed "$T/$name.before" "$T/$name.after")
	if [ "$touched" -ge 1 ] && [ "$touched" -le 3 ]; then ok "$name: $touched file(s) touched"; else
		fail "$name: $touched files touched (expected 1 to 3)"; cat "$WOUT"; fi
	expect_eq "$name: watcher exit 1 (alert)" 1 "$WST"
	"$RIPOSTE" watch --restore --shadow "$T/shadow-$name" "$T/d-$name" >"$T/$name.restore" 2>&1
	find "$T/d-$name" -type f \( -name '*.crypt' -o -name '*.locked' -o -name '*.gz' -o -name '*.enc' \) -delete
	sums "$T/d-$name" >"$T/$name.restored"
	if cmp -s "$T/$name.before" "$T/$name.restored"; then ok "$name: every file restored"; else
		fail "$name: not all restored"; diff "$T/$name.before" "$T/$name.restored" | head; cat "$T/$name.restore"; fi
}

attack inplace python3 "$T/inplace.py"
attack copydelete python3 "$T/copydelete.py"
attack rename python3 "$T/rename.py"
attack intermittent python3 "$T/intermittent.py"
attack fakegzip python3 "$T/fakegzip.py"
attack forker sh "$T/forker.sh"
attack mmap python3 "$T/mapwrite.py"
grep -h '"kind":"alert"' "$T"/*.jsonl | sed 's/"pid.*"files":/"files":/' | head -n 20

done_testing
