# serial: counts what happens within milliseconds (tests/run.sh runs it alone)
# riposte watch does not stop or alert on the classic look-alikes: archivers,
# compressors, archivers that delete what they put in (tar --remove-files, zip -m: the
# archive grows random while the originals go, but its structure holds), a one-file
# encryption, copies, a database writer, with canaries deployed
# where they read (a read of a canary is noted, not acted on). Twice: with
# pre-content events, and without them (--no-pre-content: open permission events
# only, as on Debian 12's Linux 6.1).
TMPDIR=${WATCH_TMPDIR:-/var/tmp}
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/watch.inc"

for MODE in "" --no-pre-content; do
m=${MODE:+ (open events only)}
D=$T/share${MODE:+-open}
make_docs "$D/gz" 12
make_docs "$D/docs" 12
make_docs "$D/zipme" 12
make_docs "$D/moveme" 12
make_docs "$D/zipmove" 12
# canaries where tar, zip and cp read; not in gz/: gzip -r replaces every file by its
# .gz, a canary too, and a canary deleted is the strong signal it is meant to be
for d in "$D" "$D/docs" "$D/docs/sub" "$D/zipme"; do
	"$RIPOSTE" canary deploy "$d" >/dev/null || fail "canary deploy $d"
done
python3 - "$D/big.log" <<'PY'
import random, sys
random.seed(3)
with open(sys.argv[1], "w") as f:
    for i in range(60000):
        f.write("2026-11-22T06:%02d:%02d host sshd[%d]: session opened for user u%d\n"
                % (i // 60 % 60, i % 60, random.randint(100, 9999), random.randint(1, 50)))
PY

watch_start "benign${MODE:+-open}" "$D" $MODE || done_testing

run() {  # WHAT COMMAND...: run in a session of its own, expect exit 0
	what=$1
	shift
	setsid "$@" >"$T/run.out" 2>&1 &
	p=$!
	wait "$p"
	st=$?
	expect_eq "$what$m: exit 0" 0 "$st"
}

run "gzip -r" gzip -r "$D/gz"
run "tar czf" tar czf "$D/docs.tar.gz" -C "$D" docs
run "zip -r" sh -c "cd '$D' && zip -qr zipme.zip zipme"
run "tar czf --remove-files" tar --remove-files -czf "$D/moved.tar.gz" -C "$D" moveme
run "zip -m" sh -c "cd '$D' && zip -qrm zipmoved.zip zipmove"
run "openssl enc of one file" openssl enc -aes-256-cbc -pbkdf2 -pass pass:x -in "$D/docs/doc00.txt" -out "$D/docs/doc00.txt.enc"
run "cp -r" cp -r "$D/docs" "$D/docs-copy"
run "sqlite writer" python3 -c '
import sqlite3, sys, os
db = sqlite3.connect(sys.argv[1])
db.execute("create table t (id integer primary key, body blob)")
for i in range(300):
    db.execute("insert into t (body) values (?)", (os.urandom(64).hex() * 4,))
    if i % 20 == 0:
        db.commit()
db.commit()
for i in range(100):
    db.execute("update t set body = ? where id = ?", ("x" * 500, i))
db.commit()
' "$D/records.db"
run "xz of a large file" xz -1 -T1 "$D/big.log"
sleep 0.5
watch_stop
expect_eq "watcher exit 0 (no alert)$m" 0 "$WST"
expect_nogrep "no alert$m" '"kind":"alert"' "$WOUT"
expect_grep "summary$m" '"kind":"summary","alerts":0' "$WOUT"
expect_grep "canary reads noted$m" '"kind":"canary-read",.*"exe":"[^"]*/tar"' "$WOUT"
[ -f "$D/big.log.xz" ] && [ -f "$D/gz/doc00.txt.gz" ] && [ -f "$D/zipme.zip" ] &&
    [ -f "$D/moved.tar.gz" ] && [ ! -e "$D/moveme" ] && [ -f "$D/zipmoved.zip" ] && ok "outputs made$m" || fail "outputs missing$m"
grep -q '"alerts":0' "$WOUT" || cat "$WOUT"
done

done_testing
