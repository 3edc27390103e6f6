#!/bin/sh
# Format check costs: makes the sample files (tests/data-gen), times every check on
# each, and prints a markdown table. Usage: sh bench/formats/run.sh [ITERATIONS]
# Run from the repository root after `make`.
set -eu
iter=${1:-50}
d=$(mktemp -d "${TMPDIR:-/tmp}/riposte-bench-fmt.XXXXXX")
trap 'rm -rf "$d"' EXIT
sh tests/data-gen/make-format-samples.sh "$d/s" >/dev/null 2>&1
pkgs=$(cat scripts/pkgconfig.d/*.txt | sed 's/#.*//')
cc -std=c17 -O2 -D_GNU_SOURCE -Ilib -o "$d/bench" bench/formats/bench-checks.c \
    build/libriposte.a $(pkg-config --libs $pkgs) -lm -pthread
echo "date: $(date -u '+%Y-%m-%dT%H:%M:%SZ'), nproc $(nproc), kernel $(uname -r), $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
echo
"$d/bench" "$d/s" "$iter"
