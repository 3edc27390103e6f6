#!/bin/sh
# make fuzz: runs every fuzz target for SECONDS on its corpus (new inputs are kept).
# A crash, leak or timeout input lands in BUILD/fuzz/artifacts/, never in the checkout's
# root (libFuzzer's default is the current directory).
set -eu
build=$1
secs=$2
for f in "$build"/fuzz/fuzz-*; do
	n=$(basename "$f")
	c=tests/fuzz/corpus/${n#fuzz-}
	mkdir -p "$c" "$build/fuzz/artifacts"
	echo "== $n ($secs s)"
	"$f" -max_total_time="$secs" -max_len=65536 -artifact_prefix="$build/fuzz/artifacts/" "$c"
done
