#!/bin/sh
# riposte under perf from its "ready" to its stop (its start and YARA's compile, about
# 0.3 s of CPU, left out), for bench/watch/run.sh: RIPOSTE=/path/to/this script, with
# UNDER_PERF_BIN=the build to run and UNDER_PERF=stat (system calls, preads and
# task-clock of each run appended to the file UNDER_PERF_OUT: counts that the machine's
# load does not move) or record (perf record -F 4999, one perf.data a run in the
# directory UNDER_PERF_OUT). Two builds in the same rounds: two copies of this script,
# each with its UNDER_PERF_BIN and UNDER_PERF_OUT written in, as RIPOSTE and RIPOSTE_B. The bench's own-CPU column
# then reads the script's shell, not the watcher: use perf's task-clock.
BIN=${UNDER_PERF_BIN:?}
OUT=$(readlink /proc/$$/fd/1)
"$BIN" "$@" &
P=$!
PF=
trap 'kill -TERM $P; wait $P; [ -n "$PF" ] && kill -INT $PF && wait $PF; exit 0' TERM
case " $* " in *" --restore "*) wait $P; exit $? ;; esac
while ! grep -q ready "$OUT" 2>/dev/null; do kill -0 $P 2>/dev/null || exit 2; sleep 0.02; done
case ${UNDER_PERF:-stat} in
record) perf record -q -F 4999 -p $P -o "${UNDER_PERF_OUT:?}/perf-$P.data" >/dev/null 2>&1 & ;;
*) perf stat -x, -e raw_syscalls:sys_enter,syscalls:sys_enter_pread64,task-clock -p $P \
	-o "${UNDER_PERF_OUT:?}" --append >/dev/null 2>&1 & ;;
esac
PF=$!
wait $P
