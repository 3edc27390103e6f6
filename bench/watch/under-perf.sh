#!/bin/sh
# riposte under perf from its "ready" to its stop (its start and YARA's compile, about
# 0.3 s of CPU, left out), for bench/watch/run.sh: RIPOSTE=/path/to/this script, with
# UNDER_PERF_BIN=the build to run and UNDER_PERF=stat (system calls, preads and
# task-clock of each run appended to the file UNDER_PERF_OUT: counts that the machine's
# load does not move) or record (perf record -F 4999, one perf.data a run in the
# directory UNDER_PERF_OUT). Two builds in the same rounds: two copies of this script,
# each with its UNDER_PERF_BIN and UNDER_PERF_OUT written in, as RIPOSTE and RIPOSTE_B. The bench's own-CPU column
# then reads the script's shell, not the watcher: use perf's task-clock.
# UNDER_PERF=calls: every system call by name (syscalls:sys_enter_*) and task-clock.
# UNDER_PERF_BIN empty: the command is the arguments (FLOOR_WRAP of run.sh: the floor
# counted the same way, e.g. FLOOR_WRAP="env UNDER_PERF=calls UNDER_PERF_OUT=F sh
# bench/watch/under-perf.sh").
BIN=${UNDER_PERF_BIN-}
OUT=$(readlink /proc/$$/fd/1)
$BIN "$@" &
P=$!
PF=
trap 'kill -TERM $P; wait $P; [ -n "$PF" ] && kill -INT $PF && wait $PF; exit 0' TERM
case " $* " in *" --restore "*) wait $P; exit $? ;; esac
while ! grep -q ready "$OUT" 2>/dev/null; do kill -0 $P 2>/dev/null || exit 2; sleep 0.02; done
case ${UNDER_PERF:-stat} in
calls) perf stat -x, -e 'syscalls:sys_enter_*,task-clock' -p $P \
	-o "${UNDER_PERF_OUT:?}" --append >/dev/null 2>&1 & ;;
record) perf record -q -F 4999 -p $P -o "${UNDER_PERF_OUT:?}/perf-$P.data" >/dev/null 2>&1 & ;;
*) perf stat -x, -e raw_syscalls:sys_enter,syscalls:sys_enter_pread64,task-clock -p $P \
	-o "${UNDER_PERF_OUT:?}" --append >/dev/null 2>&1 & ;;
esac
PF=$!
wait $P
