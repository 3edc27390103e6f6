# riposte watch against attackers that are not our simulator: each style is stopped
# with at most 3 files touched, and --restore brings every file back (zero loss).
TMPDIR=${WATCH_TMPDIR:-/var/tmp}
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/watch.inc"
# the attackers: scripts that are not our simulator (tests/e2e/attackers)
A=$TOP/tests/e2e/attackers

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
	find "$T/d-$name" -type f \( -name '*.crypt' -o -name '*.locked' -o -name '*.gz' -o -name '*.enc' -o -name '*.tmp~' \) -delete
	sums "$T/d-$name" >"$T/$name.restored"
	if cmp -s "$T/$name.before" "$T/$name.restored"; then ok "$name: every file restored"; else
		fail "$name: not all restored"; diff "$T/$name.before" "$T/$name.restored" | head; cat "$T/$name.restore"; fi
}

attack inplace python3 "$A/inplace.py"
attack copydelete python3 "$A/copydelete.py"
attack rename python3 "$A/rename.py"
attack intermittent python3 "$A/intermittent.py"
attack fakegzip python3 "$A/fakegzip.py"
attack forker sh "$A/forker.sh"
attack mmap python3 "$A/mapwrite.py"
attack tmprename python3 "$A/tmprename.py"
attack truncwrite python3 "$A/truncwrite.py"
grep -h '"kind":"alert"' "$T"/*.jsonl | sed 's/"pid.*"files":/"files":/' | head -n 20

done_testing
