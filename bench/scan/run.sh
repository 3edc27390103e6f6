#!/bin/sh
# Scan benchmark: riposte scan (-j 1 and -j default) side by side with the physical floor
# (bench/scan/floor.c: the same walk and exactly the byte ranges the scan samples, no
# work on them) and with what a user would run instead (find -type f -exec file {} +,
# aide --init), on one generated tree, warm cache and, as root, cold cache.
# Not run by make check. Settings (environment):
#   BENCH_FILES=100000   files in the tree          BENCH_LARGE=6     large files
#   BENCH_LARGE_MB=256   size of each large file (the sparse ones are 4x that, mostly holes)
#   BENCH_COLD=1         also cold runs (echo 3 > /proc/sys/vm/drop_caches; needs root)
#   BENCH_PEERS="file aide"   the peers to run ("" for none)
#   BENCH_DIR=DIR        where to build the tree (default a temp dir, removed at the end)
#   BENCH_CACHES="warm cold"  which runs (cold needs root)
#   BENCH_JOBS="1 N"     the -j values (N: the number of cores)
#   BENCH_TREE=copies    copies: the files are copies of a pool of 474 documents (mktree.py),
#                        so contents repeat and what the scan remembers by content
#                        (lib/core/memo) is flattered; unique: the same files made each
#                        different while keeping its type (mkunique.py; 99 % distinct), as
#                        on a real share; unique-samenotes: as unique, but the ransom
#                        notes stay copies (the same note in every folder, as attacks
#                        leave them). A BENCH_DIR holds one tree: use one per kind.
# Besides the plain floor, each -j has "floor -j N -a AHEAD": the floor given the scan's
# freedom to start the reads of the files queued ahead (AHEAD = the scan's ring, 32 x N
# + 32; see floor.c), and "... -i" reading each directory in inode order; "vs floor" is
# against the plain floor (the row before the scan's, as in earlier runs) and, after the
# slash, against the fastest floor of that -j.
# Prints a markdown table on stdout; progress on stderr.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
riposte="${RIPOSTE:-$top/build/riposte}"
py=${PYTHON:-/usr/bin/python3}
files=${BENCH_FILES:-100000}
large=${BENCH_LARGE:-6}
large_mb=${BENCH_LARGE_MB:-256}
cold=${BENCH_COLD:-1}
peers=${BENCH_PEERS-file aide}
jn=$(nproc)
caches_want=${BENCH_CACHES:-warm cold}
treekind=${BENCH_TREE:-copies}
case $treekind in copies|unique|unique-samenotes) ;; *) echo "bench: BENCH_TREE: copies, unique or unique-samenotes" >&2; exit 2 ;; esac
jobs_want=$(echo "${BENCH_JOBS:-1 N}" | sed "s/N/$jn/g")
[ -x "$riposte" ] || make -C "$top" --no-print-directory all >&2
W=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/riposte-bench.XXXXXX")}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$W"' EXIT
mkdir -p "$W"
cc -O2 -pthread -o "$W/floor" "$top/bench/scan/floor.c"
if [ ! -d "$W/tree" ]; then
	echo "bench: making the document pool and a tree of $files files + $large large" >&2
	"$py" "$top/tests/corpus/make-corpus.py" "$W/pool" --seed 5 --files 400 --big 0 --large 0 --attack \
		--manifest "$W/pool.jsonl" 2>/dev/null
	if [ "$treekind" != copies ]; then
		"$py" "$top/bench/scan/mkunique.py" "$W/pool" "$W/pool.jsonl" "$W/tree" "$files" "$large" "$large_mb" \
			1 "${treekind#unique-}" > "$W/tree.size" 2> "$W/tree.unique"
	else
		"$py" "$top/bench/scan/mktree.py" "$W/pool" "$W/tree" "$files" "$large" "$large_mb" > "$W/tree.size"
	fi
	echo "$treekind" > "$W/tree.kind"
fi
[ "$(cat "$W/tree.kind" 2>/dev/null || echo copies)" = "$treekind" ] ||
	{ echo "bench: $W/tree is not a '$treekind' tree (BENCH_TREE): use another BENCH_DIR" >&2; exit 2; }
set -- $(cat "$W/tree.size")
nfiles=$1 nbytes=$2
cat > "$W/aide.conf" <<CONF
database_out=file:$W/aide.db.new
gzip_dbout=no
Bench = p+i+n+u+g+s+m+c+sha256
$W/tree Bench
CONF

now() { date +%s.%N; }
drop() { sync; echo 3 > /proc/sys/vm/drop_caches; }
can_drop=0
if [ "$cold" = 1 ] && (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then can_drop=1; fi

# run NAME CACHE command...: prints one table row; the floor rows set floor_<j> for ratios
run() {
	name=$1 cache=$2
	shift 2
	[ "$cache" = cold ] && drop
	[ "$cache" = warm ] && "$@" >/dev/null 2>&1 || true    # fill the cache first
	[ "$cache" = cold ] && drop
	t0=$(now)
	"$@" >/dev/null 2>"$W/err" || [ $? -eq 1 ] || { echo "bench: $name failed:" >&2; cat "$W/err" >&2; }
	t1=$(now)
	echo "bench: $name $cache done" >&2
	awk -v n="$name" -v c="$cache" -v t0="$t0" -v t1="$t1" -v f="$nfiles" -v b="$nbytes" -v fl="${floor:-0}" \
	    -v fb="${fbest:-0}" 'BEGIN {
		s = t1 - t0; r = (fl > 0) ? sprintf("%.2fx", s / fl) : "-";
		if (fl > 0 && fb > 0 && fb != fl) r = r sprintf(" / %.2fx", s / fb);
		printf "| %s | %s | %.2f | %.0f | %.1f | %s |\n", n, c, s, f / s, b / s / 1e6, r }'
	last=$(awk -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.4f", t1 - t0 }')
}

[ -s "$W/tree.unique" ] && [ "$treekind" != copies ] && cat "$W/tree.unique"
echo "tree ($treekind): $nfiles files, $(awk -v b="$nbytes" 'BEGIN { printf "%.0f", b / 1e6 }') MB (logical, sparse included), $(du -sm "$W/tree" | cut -f1) MiB on disk; $jn cores"
set -- $("$W/floor" "$W/tree")
echo "sampled: the scan reads $(awk -v b="$3" 'BEGIN { printf "%.0f", b / 1e6 }') MB of the $(awk -v b="$2" 'BEGIN { printf "%.0f", b / 1e6 }') MB in files (whole up to 1 MiB; head, tail and 16 x 16 KiB above)"
# the checkout's commit says which build only when the binary is the checkout's own
if [ -n "${RIPOSTE:-}" ]; then
	echo "riposte: $riposte ($(stat -c '%y' "$riposte" | cut -c1-19), sha256 $(sha256sum "$riposte" | cut -c1-12))"
else
	echo "riposte: $(git -C "$top" log -1 --format='%h %s' 2>/dev/null | cut -c1-80)"
fi
echo
echo "| what | cache | seconds | files/s | MB/s | vs floor |"
echo "|---|---|---:|---:|---:|---:|"
caches=
for c in $caches_want; do
	[ "$c" = cold ] && [ "$can_drop" != 1 ] && continue
	caches="$caches $c"
done
for cache in $caches; do
	for j in $jobs_want; do
		floor=0 fbest=0
		ahead=$((32 * j + 32))
		run "floor -j $j" "$cache" "$W/floor" -j "$j" "$W/tree"; fplain=$last
		run "floor -j $j -a $ahead" "$cache" "$W/floor" -j "$j" -a "$ahead" "$W/tree"; fa=$last
		run "floor -j $j -a $ahead -i" "$cache" "$W/floor" -j "$j" -a "$ahead" -i "$W/tree"; fai=$last
		floor=$fplain
		fbest=$(printf '%s\n' "$fplain" "$fa" "$fai" | sort -n | head -1)
		run "riposte scan -j $j" "$cache" "$riposte" scan --format jsonl -j "$j" "$W/tree"
		floor=0 fbest=0
	done
	case " $peers " in *" file "*) run "find -type f -exec file {} +" "$cache" find "$W/tree" -type f -exec file {} + ;; esac
	case " $peers " in *" aide "*) run "aide --init" "$cache" aide --init -c "$W/aide.conf" ;; esac
done
[ "$can_drop" = 1 ] || echo "(no cold runs: dropping the page cache needs root)"
