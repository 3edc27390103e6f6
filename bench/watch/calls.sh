#!/bin/sh
# System calls per document written, by name: riposte watch against the floor with
# watch's calls (bench/watch/floor.c --calls) and the floor with opens only, on the same
# workload: N new documents of 20 KiB of text written into a watched tree by a process
# of its own (open, write, close: the pattern smbd has for a document put over SMB).
# Each responder is counted by `perf stat -e 'syscalls:sys_enter_*,task-clock' -p`
# from its "ready" to the workload's end (its start, YARA's compile and its stop left
# out), ROUNDS rounds with the modes interleaved; the medians divided by N. The counts
# are what the machine's load does not move; the task-clock it does, a little.
# Usage: sh bench/watch/calls.sh [N] (root; RIPOSTE=build, default build/riposte;
# MODES="opens calls watch", default these; ROUNDS=3; the data in a temp dir of TMPDIR)
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
R=${RIPOSTE:-$TOP/build/riposte}
N=${1:-2000}
MODES=${MODES:-opens calls watch}
ROUNDS=${ROUNDS:-3}
B=$(mktemp -d "${TMPDIR:-/var/tmp}/riposte-calls.XXXXXX") || exit 2
P=
cleanup() { [ -n "$P" ] && kill -TERM "$P" 2>/dev/null; wait 2>/dev/null; rm -rf "$B"; }
trap cleanup EXIT INT TERM
cc -O2 -o "$B/floor" "$TOP/bench/watch/floor.c" || exit 2
python3 - "$B/text" <<'PY' || exit 2
import random, sys
random.seed(27)
w = "the patient was seen on monday and the invoice follows with the report of the visit".split()
open(sys.argv[1], "w").write(" ".join(random.choice(w) for _ in range(4000))[:20480])
PY
# one run: MODE ROUND -> the counts file c.MODE.ROUND (perf stat -p from the
# responder's "ready" to the workload's end: its start and stop left out)
run() {
	rm -rf "$B/h" "$B/sh"
	mkdir -p "$B/h/w"
	: >"$B/out"
	case $1 in
	opens|calls) "$B/floor" --"$1" "$B/h" >"$B/out" 2>"$B/err" & ;;
	watch) "$R" watch --format jsonl --db "$B/none.db" --shadow "$B/sh" --action alert \
	    "$B/h" >"$B/out" 2>"$B/err" & ;;
	esac
	P=$!
	while ! grep -q ready "$B/out" 2>/dev/null; do
		kill -0 "$P" 2>/dev/null || { cat "$B/err" >&2; exit 2; }
		sleep 0.05
	done
	perf stat -x, -e 'syscalls:sys_enter_*,task-clock' -p "$P" -o "$B/c.$1.$2" &
	PS=$!
	sleep 0.3
	setsid python3 - "$B/h/w" "$N" "$B/text" <<'PY'
import os, sys
d, n, text = sys.argv[1], int(sys.argv[2]), open(sys.argv[3], "rb").read()
for i in range(n):
    with open(os.path.join(d, "doc%05d.txt" % i), "wb") as f:
        f.write(text)
PY
	sleep 0.5
	kill -INT "$PS"
	wait "$PS"
	kill -TERM "$P"
	wait "$P"
	P=
}
k=1
while [ "$k" -le "$ROUNDS" ]; do
	for m in $MODES; do run "$m" "$k"; done
	k=$((k + 1))
done
python3 - "$B" "$N" "$ROUNDS" $MODES <<'PY'
import statistics as st, sys
b, n, rounds, modes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
def counts(f):
    c, clock = {}, 0.0
    for line in open(f):
        x = line.strip().split(",")
        if len(x) > 2 and x[0].replace(".", "").isdigit():
            if x[2] == "task-clock":
                clock = float(x[0])
            else:
                c[x[2].replace("syscalls:sys_enter_", "")] = int(x[0])
    return c, clock
per, cpu = {}, {}
for m in modes:
    runs = [counts(f"{b}/c.{m}.{k}") for k in range(1, rounds + 1)]
    keys = {k for c, _ in runs for k in c}
    per[m] = {k: st.median(c.get(k, 0) for c, _ in runs) / n for k in keys}
    cpu[m] = sorted(t / n * 1000 for _, t in runs)
names = sorted({k for m in modes for k, v in per[m].items() if v >= 0.05},
               key=lambda k: -max(per[m].get(k, 0) for m in modes))
print(f"system calls per document ({n} documents of 20 KiB written by a process of their own;"
      f" median of {rounds} rounds, the modes interleaved)")
print("| call | " + " | ".join(modes) + " |")
print("|---|" + "---|" * len(modes))
for k in names:
    print(f"| {k} | " + " | ".join(f"{per[m].get(k, 0):.2f}" for m in modes) + " |")
print("| all | " + " | ".join(f"{sum(per[m].values()):.2f}" for m in modes) + " |")
print("| task-clock per document, us: median (min-max) | " +
      " | ".join(f"{st.median(cpu[m]):.1f} ({cpu[m][0]:.1f}-{cpu[m][-1]:.1f})" for m in modes) + " |")
PY
