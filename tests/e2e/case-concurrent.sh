#!/bin/sh
# Two `case log` at once both land with the chain intact; kill -9 in the middle of a
# run of commands loses nothing that was committed.
. "$TOP/tests/lib.sh"
export RIPOSTE_NOW=2026-11-20T08:00:00+01:00 RIPOSTE_DB="$T/riposte.db"
unset RIPOSTE_CONF
"$RIPOSTE" case open --title concurrency --discovered 2026-11-20T06:30:00+01:00 >/dev/null 2>&1
writer() {
	i=0
	while [ $i -lt 25 ]; do
		"$RIPOSTE" case log "writer $1 entry $i" || echo "FAILED $1 $i"
		i=$((i + 1))
	done
}
writer a > a.log 2>&1 &
pa=$!
writer b > b.log 2>&1 &
pb=$!
wait $pa $pb
expect_eq "no writer failed" "" "$(cat a.log b.log)"
expect_exit "chain intact after concurrent appends" 0 "$RIPOSTE" case verify
expect_grep "all 51 entries" 'intact, 51 entries' "$T/.out"

# kill -9 whatever riposte process is running, several times during a run
( i=0; while [ $i -lt 200 ]; do "$RIPOSTE" case log "k $i" 2>/dev/null && echo "$i" >> committed; i=$((i + 1)); done ) &
loop=$!
n=0
while [ $n -lt 8 ] && kill -0 $loop 2>/dev/null; do
	sleep 0.05
	for p in $(pgrep -P $loop 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
	n=$((n + 1))
done
wait $loop
expect_exit "chain intact after kill -9" 0 "$RIPOSTE" case verify
"$RIPOSTE" case show --format jsonl > show.jsonl
missing=0
while read -r i; do
	grep -q "\"text\":\"k $i\"" show.jsonl || missing=$((missing + 1))
done < committed
expect_eq "every committed entry is there" 0 "$missing"
[ "$(wc -l < committed)" -gt 0 ] && ok "some entries committed" || fail "nothing committed"
done_testing
