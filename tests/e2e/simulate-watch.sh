#!/bin/sh
# serial: counts what happens within milliseconds (tests/run.sh runs it alone)
# The drill under `riposte watch`: --prepare before the watcher starts, then only the
# attack. The attacker runs in a session of its own, so watch stops it and not
# simulate, which reports "stopped (SIGSTOP)"; a benign look-alike finishes unflagged;
# after the kill the drill's restore is byte-exact.
TMPDIR=${WATCH_TMPDIR:-/var/tmp}
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/watch.inc"

expect_exit "prepare" 0 "$RIPOSTE" simulate --prepare --dir "$T/drill" --files 6 --seed 2
sums "$T/drill" >before
watch_start attack "$T/drill" || done_testing
"$RIPOSTE" simulate --scenario inplace --dir "$T/drill" >sim.out 2>sim.err
expect_eq "simulate reports the stop (exit 1)" 1 $?
expect_grep "stopped after N files" "^stopped (SIGSTOP) after [0-9]* files" sim.out
expect_grep "no new documents generated" "^prepared: 6 files" sim.out
expect_grep "watch alerted" '"kind":"alert"' "$WOUT"
pid=$(cat "$T/drill/.riposte-sim/pid")
expect_grep "the alert names the attacker" "\"pid\":$pid," "$WOUT"
wait_proc "$pid"
expect_eq "the attacker is left stopped" T "$PSTATE"
expect_eq "in a session of its own" "$pid" "$(ps -o sid= -p "$pid" | tr -d ' ')"
kill -KILL "$pid"
watch_stop
expect_exit "the drill's restore" 0 "$RIPOSTE" simulate --restore "$T/drill"
sums "$T/drill" | grep -v '\.riposte-sim/' >after
grep -v '\.riposte-sim/' before >before.docs
expect_eq "byte-exact" "" "$(diff before.docs after)"

# forker: a child per file, in the attacker's session; the session is stopped, simulate
# reports
expect_exit "prepare for forker" 0 "$RIPOSTE" simulate --prepare --dir "$T/fork" --files 6
watch_start forker "$T/fork" || done_testing
expect_exit "forker: simulate reports the stop" 1 "$RIPOSTE" simulate --scenario forker --dir "$T/fork"
expect_grep "forker: stopped" "^stopped (SIGSTOP) after [0-9]* files" "$T/.out"
pid=$(cat "$T/fork/.riposte-sim/pid")
expect_eq "forker: no process of its session runs" "" \
    "$(ps -o stat= -s "$pid" | grep -v '^[TZ]')"
kill -KILL "-$pid"
watch_stop
expect_exit "forker: restore" 0 "$RIPOSTE" simulate --restore "$T/fork"

# without ransom notes watch has to see the encryption itself
expect_exit "prepare for --no-note" 0 "$RIPOSTE" simulate --prepare --dir "$T/nn" --files 12
watch_start nonote "$T/nn" || done_testing
expect_exit "--no-note: simulate reports the stop" 1 "$RIPOSTE" simulate --scenario inplace --dir "$T/nn" --no-note
expect_grep "--no-note: stopped" "^stopped (SIGSTOP) after [0-9]* files" "$T/.out"
expect_nogrep "--no-note: no note in the alert" "README_RESTORE_FILES" "$WOUT"
kill -KILL "$(cat "$T/nn/.riposte-sim/pid")"
watch_stop
expect_exit "--no-note: restore" 0 "$RIPOSTE" simulate --restore "$T/nn"

# a benign look-alike on a prepared drill runs to the end, no alert
expect_exit "prepare again" 0 "$RIPOSTE" simulate --prepare --dir "$T/drill" --files 6 --seed 2
watch_start benign "$T/drill" || done_testing
expect_exit "backup finishes" 0 "$RIPOSTE" simulate --scenario backup --dir "$T/drill"
expect_grep "says so" "^finished: 6 files processed" "$T/.out"
watch_stop
expect_eq "no alert on the backup" 0 "$WST"
expect_nogrep "no alert line" '"kind":"alert"' "$WOUT"
done_testing
