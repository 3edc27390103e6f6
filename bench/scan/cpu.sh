#!/bin/sh
# CPU time of `riposte scan` (user + system, from the process's rusage), load-robust
# where wall time is not: for comparing two builds on a machine others share.
#   sh bench/scan/cpu.sh TREE ROUNDS JOBS BINARY...
# runs each BINARY in turn, ROUNDS times (alternately, so that a change of load hits
# them alike), `scan --format jsonl -j JOBS TREE` on a warm cache (one run first to
# fill it), and prints per binary each round's user+sys seconds and the median;
# checks that every run printed the same JSONL as the first binary's (byte for byte).
# Not run by make check.
set -eu
tree=$1 rounds=$2 jobs=$3
shift 3
out=$(mktemp -d "${TMPDIR:-/tmp}/riposte-cpu.XXXXXX")
trap 'rm -rf "$out"' EXIT
"$1" scan --format jsonl -j "$jobs" "$tree" > "$out/ref" 2>/dev/null || [ $? -eq 1 ]
r=1
while [ "$r" -le "$rounds" ]; do
	i=0
	for bin in "$@"; do
		i=$((i + 1))
		/usr/bin/time -f "%U %S" -o "$out/t" "$bin" scan --format jsonl -j "$jobs" "$tree" \
			> "$out/jsonl" 2>/dev/null || [ $? -eq 1 ]
		cmp -s "$out/ref" "$out/jsonl" || echo "cpu: $bin: output differs from $1's" >&2
		# (time writes "Command exited with non-zero status 1" first when files are found)
		tail -n 1 "$out/t" | awk '{ printf "%.2f\n", $1 + $2 }' >> "$out/cpu.$i"
	done
	r=$((r + 1))
done
i=0
for bin in "$@"; do
	i=$((i + 1))
	sort -n "$out/cpu.$i" | awk -v b="$bin" -v f="$(tr '\n' ' ' < "$out/cpu.$i")" \
		'{ v[NR] = $1 } END { printf "%s: cpu s (user+sys) per run: %smedian %.2f\n", b, f, v[int((NR + 1) / 2)] }'
done
