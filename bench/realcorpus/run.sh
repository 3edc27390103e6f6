#!/bin/sh
# Issue 20's evaluation: builds the tuning, the evaluation and the fresh corpus of real files from
# Debian packages (once; the .debs and the trees stay in the cache), runs
# `riposte scan --format jsonl --all` on each, and scores it (per class, per style, per
# type; timestamps before and after). Not run by make check.
#   sh bench/realcorpus/run.sh [tune|eval|both|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|all]     (default both = tune and eval)
# fresh (packages-fresh.txt, notes_fresh.py, seed 22) is the third corpus, built like the
# others; it was scanned once and then joined tuning. fresh2 (packages-fresh2.txt,
# notes_fresh2.py, seed 23) is the fourth, kept out of tuning: run it once, at the end
# (all = the four). fresh3 (packages-fresh3.txt, notes_fresh3.py, seed 24) is the fifth,
# written by someone who had not read the rules; it is not in all: the lead scans it once,
# after the rules are frozen. fresh4 (packages-fresh4.txt, notes_fresh4.py, seed 25) is the
# sixth, also written by someone who had not read the rules; not in all either: the lead
# scans it once, after the rules are frozen. fresh5 (packages-fresh5.txt, notes_fresh5.py,
# seed 26) is the seventh, written by someone who had not read the rules; not in all: the
# lead scans it once, after the rules are frozen. fresh6 (packages-fresh6.txt, notes_fresh6.py,
# seed 27) is the eighth, written by someone who had not read the rules; not in all either: the
# lead scans it once, after the rules are frozen.
# BUILD_ONLY=1 builds the trees (and prints their counts per truth and per type) without
# running riposte.
# RIPOSTE=binary (default build/riposte), CORPUS_CACHE=dir (default
# ${XDG_CACHE_HOME:-~/.cache}/riposte-corpus), MISSES=N (list the first N misjudged).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
riposte=${RIPOSTE:-$top/build/riposte}
py=${PYTHON:-/usr/bin/python3}
cache=${CORPUS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/riposte-corpus}
which=${1:-both}
mkdir -p "$cache/trees"
for c in tune eval fresh fresh2 fresh3 fresh4 fresh5 fresh6; do
	case $which in
	all) [ "$c" != fresh3 ] && [ "$c" != fresh4 ] && [ "$c" != fresh5 ] && [ "$c" != fresh6 ] || continue ;;
	both) [ "$c" = tune ] || [ "$c" = eval ] || continue ;;
	*) [ "$which" = "$c" ] || continue ;;
	esac
	seed=20; [ "$c" = eval ] && seed=21; [ "$c" = fresh ] && seed=22; [ "$c" = fresh2 ] && seed=23; [ "$c" = fresh3 ] && seed=24; [ "$c" = fresh4 ] && seed=25; [ "$c" = fresh5 ] && seed=26; [ "$c" = fresh6 ] && seed=27
	tree=$cache/trees/$c
	if [ ! -f "$tree.manifest.jsonl" ]; then
		rm -rf "$tree"
		"$py" "$top/bench/realcorpus/make-real.py" "$tree" --packages "$top/bench/realcorpus/packages-$c.txt" \
			--notes "notes_$c" --seed "$seed" --cache "$cache" --manifest "$tree.manifest.jsonl" >&2
	fi
	echo "## corpus: $c ($(wc -l < "$tree.manifest.jsonl") files; packages-$c.txt, seed $seed)"
	echo
	if [ "${BUILD_ONLY:-0}" = 1 ]; then
		"$py" -c 'import collections, json, sys
m = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
for k in ("truth", "style", "type"):
    c = collections.Counter(e[k] for e in m)
    print("%s: %s" % (k, ", ".join("%s %d" % kv for kv in sorted(c.items()))))' "$tree.manifest.jsonl"
		echo
		continue
	fi
	"$py" "$top/tests/corpus/evaluate.py" snap "$tree" "$tree.manifest.jsonl" > "$cache/$c.before.json"
	(cd "$cache/trees" && "$riposte" scan --format jsonl --all "$c" > "$cache/$c.scan.jsonl") || [ $? -eq 1 ]
	"$py" "$top/tests/corpus/evaluate.py" snap "$tree" "$tree.manifest.jsonl" > "$cache/$c.after.json"
	"$py" "$top/tests/corpus/evaluate.py" score --root "$tree" --manifest "$tree.manifest.jsonl" \
		--scan "$cache/$c.scan.jsonl" --scan-cwd "$cache/trees" --before "$cache/$c.before.json" \
		--after "$cache/$c.after.json" --per-style --per-type --misses "${MISSES:-0}" || true
	echo
done
