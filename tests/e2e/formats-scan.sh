#!/bin/sh
# riposte scan on real files of every checked format, made by the real tools: the
# intact ones all come out ok (no false positive), and copies damaged the way LockBit
# 2.0 (first 4 KiB) and fake-header encryptors do it all come out encrypted or partial.
# Black Basta and LockFile copies are counted against a floor (the exact per-file
# expectations of the structure checks are in tests/unit/test-formats.c).
. "$TOP/tests/lib.sh"

sh "$TOP/tests/data-gen/make-format-samples.sh" "$T/s" >"$T/gen.log" 2>&1 || {
	fail "sample generation"; tail -n 20 "$T/gen.log"; done_testing; }
mkdir intact
for f in $(cut -d' ' -f1 "$T/s/MANIFEST"); do cp "$T/s/$f" intact/; done
n=$(wc -l < "$T/s/MANIFEST")

expect_exit "intact samples: nothing found" 0 "$RIPOSTE" scan --format jsonl intact
"$RIPOSTE" scan --all --format jsonl intact > all.jsonl
expect_eq "every intact sample ok" "$n" "$(grep -c '"verdict":"ok"' all.jsonl)"
expect_eq "every sample's structure intact" "$n" "$(grep -c 'structure intact' all.jsonl)"

/usr/bin/python3 "$TOP/bench/formats/damage.py" "$T/s" dmg
for st in lockbit fakehdr blackbasta lockfile; do
	"$RIPOSTE" scan --all --format jsonl "dmg/$st" > "$st.jsonl"
	total=$(grep -c '"kind":"file"' "$st.jsonl")
	found=$(grep '"kind":"file"' "$st.jsonl" | grep -c '"verdict":"\(encrypted\|partial\)"')
	echo "# $st: $found of $total found"
	case $st in
	lockbit|fakehdr) expect_eq "$st: every damaged copy found" "$total" "$found" ;;
	# The checks say DAMAGED for every one of these (test-formats.c); the engine misses
	# Black Basta copies whose format is known only by extension when neither the head
	# is all random nor the trailer intact (judge() step 3 falls back to statistics).
	blackbasta) [ $((found * 100)) -ge $((total * 50)) ] && ok "$st: $found of $total found" ||
	    fail "$st: only $found of $total found" ;;
	*) [ $((found * 100)) -ge $((total * 75)) ] && ok "$st: $found of $total found" ||
	    fail "$st: only $found of $total found" ;;
	esac
done
done_testing
