# serial: counts what happens within milliseconds (tests/run.sh runs it alone)
# riposte watch with canaries deployed (riposte canary deploy in every directory):
# - the tools that read every file, canaries included, are neither stopped nor alerted
#   on: tar czf, rsync -a, cp -a, a borg-style chunking backup (its repository, of
#   compressed and encrypted chunks, outside the watched tree), an antivirus-like
#   reader (read() and a read-only mapping of each file); each is noted once
#   ({"kind":"canary-read"});
# - a canary written, truncated (O_TRUNC, ftruncate), mapped for writing, renamed,
#   deleted, or replaced by a rename over it after its read stops its process at once,
#   and the writes never land.
# Twice: with pre-content events, and without them (--no-pre-content: open permission
# events only, as on Debian 12's Linux 6.1).
TMPDIR=${WATCH_TMPDIR:-/var/tmp}
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/watch.inc"
B=$TOP/tests/e2e/benign
command -v rsync >/dev/null || skip "rsync is not installed"
trap 'kill -s KILL $KIDS 2>/dev/null; [ -n "${WPID:-}" ] && kill -TERM "$WPID" 2>/dev/null;
      chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
KIDS=

for MODE in "" --no-pre-content; do
m=${MODE:+ (open events only)}
s=${MODE:+-open}
D=$T/share$s
O=$T/out$s          # where the backups go: outside the watched tree
mkdir -p "$O"
make_docs "$D/docs" 12
make_docs "$D/more" 6
for d in "$D" "$D/docs" "$D/docs/sub" "$D/more" "$D/more/sub"; do
	"$RIPOSTE" canary deploy "$d" >/dev/null || fail "canary deploy $d"
done
sums "$D" >"$T/before$s"
watch_start "canary$s" "$D" $MODE || done_testing

# --- readers: never stopped, never alerted on ---
reader() {  # WHAT COMMAND...: in a session of its own; it must end, exit 0, unstopped
	what=$1
	shift
	setsid "$@" >"$T/run.out" 2>&1 &
	p=$!
	KIDS="$KIDS $p"
	wait_proc "$p"
	if [ "$PSTATE" = T ]; then
		fail "$what$m: stopped"
		kill -s KILL "$p"
	fi
	wait "$p"
	expect_eq "$what$m: exit 0" 0 "$?"
}
reader "tar czf" tar czf "$O/share.tgz" -C "$T" "share$s"
reader "rsync -a" rsync -a "$D/" "$O/rsync/"
reader "cp -a" cp -a "$D" "$O/cp"
reader "borg-style chunking backup" python3 "$B/chunker.py" "$D" "$O/repo"
reader "antivirus-like reader" python3 "$B/avscan.py" "$D"
sleep 0.5
expect_nogrep "readers: no alert$m" '"kind":"alert"' "$WOUT"
n=$(grep -c '"kind":"canary-read"' "$WOUT")
expect_eq "readers: each noted once$m" 5 "$n"
# they did read the canaries: the backups hold them, intact
tar tzf "$O/share.tgz" | grep -q 'docs/sub/!Accounts-2026.csv' && ok "tar archived the canaries$m" ||
	fail "no canary in the tar archive$m"
expect_exit "rsync copied the canaries intact$m" 0 "$RIPOSTE" canary check "$O/rsync/docs/sub"
expect_exit "cp -a copied the canaries intact$m" 0 "$RIPOSTE" canary check "$O/cp/more"
grep -q '^docs/~Payroll-archive.csv ' "$O/repo/index" && ok "the chunker stored the canaries$m" ||
	fail "no canary in the chunker's index$m"
tr ' ,' '\n\n' <"$O/repo/index" | grep -E '^[0-9a-f]{64}$' | sort -u >"$T/want"
find "$O/repo/data" -type f -printf '%f\n' | sort >"$T/have"
missing=$(comm -23 "$T/want" "$T/have" | wc -l)
expect_eq "the chunker wrote every chunk$m" 0 "$missing"
expect_grep "the scanner read every file$m" "scanned 28 file(s)" "$T/run.out"
sums "$D" >"$T/after$s"
if cmp -s "$T/before$s" "$T/after$s"; then ok "readers: the share unchanged$m"; else
	fail "readers changed the share$m"; fi

# --- a canary changed: stopped at once ---
A0=$(grep -c '"kind":"alert"' "$WOUT")
changer() {  # WHAT CANARY INTACT COMMAND...: stopped, alerted on with the canary signal
	what=$1 c=$2 intact=$3
	shift 3
	setsid "$@" >"$T/run.out" 2>&1 &
	p=$!
	KIDS="$KIDS $p"
	wait_proc "$p"
	expect_eq "$what$m: stopped" T "$PSTATE"
	i=0
	while [ $i -lt 50 ] && ! grep -q "\"kind\":\"alert\",[^}]*\"pid\":$p," "$WOUT"; do
		i=$((i + 1))
		sleep 0.1
	done
	expect_grep "$what$m: alert, canary" "\"kind\":\"alert\",[^}]*\"pid\":$p,.*\"signals\":{[^}]*\"canary\":1" "$WOUT"
	if [ "$intact" = intact ]; then
		expect_exit "$what$m: the write never landed" 0 "$RIPOSTE" canary check "$(dirname "$c")"
	fi
	kill -s KILL "$p" 2>/dev/null
	wait "$p" 2>/dev/null
}
C1="$D/!Accounts-2026.csv"
C2="$D/~Payroll-archive.csv"
changer "append" "$C1" intact sh -c 'echo 2026-9999 >>"$1"' sh "$C1"
changer "overwrite in place" "$D/docs/!Accounts-2026.csv" intact python3 -c '
import sys
with open(sys.argv[1], "r+b") as f:
    data = f.read()
    f.seek(0)
    f.write(bytes(b ^ 0x5a for b in data))' "$D/docs/!Accounts-2026.csv"
changer "O_TRUNC" "$C2" intact sh -c ': >"$1"' sh "$C2"
changer "ftruncate" "$D/docs/sub/~Payroll-archive.csv" intact truncate -s 0 "$D/docs/sub/~Payroll-archive.csv"
changer "writable mapping" "$D/more/!Accounts-2026.csv" intact python3 -c '
import mmap, sys
with open(sys.argv[1], "r+b") as f:
    m = mmap.mmap(f.fileno(), 0)
    m[0:7] = b"XXXXXXX"
    m.flush()' "$D/more/!Accounts-2026.csv"
# a name goes at once, the event comes after: the attacker is stopped as it goes on
# to the next file (here: reading the documents, as an encryptor would)
changer "rename" "$D/more/~Payroll-archive.csv" moved python3 -c '
import os, sys, time
os.rename(sys.argv[1], sys.argv[1] + ".locked")
for i in range(100):
    for n in sorted(os.listdir(sys.argv[2])):
        open(os.path.join(sys.argv[2], n), "rb").read()
    time.sleep(0.1)' "$D/more/~Payroll-archive.csv" "$D/docs"
changer "delete" "$D/more/sub/!Accounts-2026.csv" gone python3 -c '
import os, sys, time
os.unlink(sys.argv[1])
for i in range(100):
    for n in sorted(os.listdir(sys.argv[2])):
        open(os.path.join(sys.argv[2], n), "rb").read()
    time.sleep(0.1)' "$D/more/sub/!Accounts-2026.csv" "$D/docs"
changer "rename over it after its read" "$D/docs/sub/!Accounts-2026.csv" replaced python3 -c '
import os, sys, time
data = open(sys.argv[1], "rb").read()
with open(sys.argv[1] + ".tmp~", "wb") as f:
    f.write(os.urandom(len(data)))
os.rename(sys.argv[1] + ".tmp~", sys.argv[1])
for i in range(100):
    for n in sorted(os.listdir(sys.argv[2])):
        open(os.path.join(sys.argv[2], n), "rb").read()
    time.sleep(0.1)' "$D/docs/sub/!Accounts-2026.csv" "$D/docs"
A1=$(grep -c '"kind":"alert"' "$WOUT")
expect_eq "one alert per change$m" 8 "$((A1 - A0))"
watch_stop
WPID=
expect_eq "watcher exit 1 (alerts)$m" 1 "$WST"
done

done_testing
