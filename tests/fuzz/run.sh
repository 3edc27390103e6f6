#!/bin/sh
# make fuzz: runs every fuzz target for SECONDS on its corpus (new inputs are kept).
set -eu
build=$1
secs=$2
for f in "$build"/fuzz/fuzz-*; do
	n=$(basename "$f")
	c=tests/fuzz/corpus/${n#fuzz-}
	mkdir -p "$c"
	echo "== $n ($secs s)"
	"$f" -max_total_time="$secs" -max_len=65536 "$c"
done
