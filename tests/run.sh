#!/bin/sh
# Runs every test and ends with one line "N passed, N failed" (exit 1 if any failed):
#   unit tests (cmocka, TAP), golden-file CLI tests, end-to-end scripts, the fuzz
#   corpora replayed through the fuzz targets, then the unit and end-to-end tests again
#   against the ASan+UBSan build.
# TESTS=pattern limits the golden and e2e tests to names matching the shell pattern;
# NO_ASAN=1 skips the sanitizer pass (for quick local runs; make check never sets it).
#
# End-to-end tests run TEST_JOBS at a time (default 4: most of their time is spent
# waiting on servers, kernels and sleeps, not on the 2 cores). A test whose first lines
# hold "# serial" runs alone, after the others: those that count what happens within
# milliseconds (watch stopping an attack) must not share the cores with other tests.
# Each e2e test prints its seconds; tests/run.sh one ... is the runner of one test.
#
# Every test runs under a time limit (TEST_TIMEOUT seconds, default 600 for an e2e test,
# the longest takes about 130 s on CI; unit tests and fuzz replays the same, golden
# tests a fifth of it): a hung test turns red with its name and "timed out" instead of
# holding CI until its own limit. timeout(1) signals the test's whole process group
# (TERM, then KILL 30 s later), so the test's EXIT trap still stops the servers it
# started.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
JOBS=${TEST_JOBS:-4}
LIMIT=${TEST_TIMEOUT:-600}
GLIMIT=$((LIMIT / 5))

# limited SECONDS CMD...: runs CMD under the time limit; exit 124 or 137 means timed out
limited() {
	_s=$1
	shift
	timeout -k 30 "$_s" "$@"
}

timedout() {  # status: 0 if it says the time limit ended the test
	[ "$1" -eq 124 ] || [ "$1" -eq 137 ]
}

# tests/run.sh one BINARY PREFIX LOGDIR TEST: runs one e2e test, writes LOGDIR/PREFIX
# e2e-NAME.log and .st (exit status) and .sec (seconds)
if [ "${1:-}" = one ]; then
	n=$(basename "$5" .sh)
	t0=$(date +%s)
	RIPOSTE="$2" TOP="$top" limited "$LIMIT" sh "$5" >"$4/$3e2e-$n.log" 2>&1
	st=$?
	timedout "$st" && echo "timed out after $LIMIT s (TEST_TIMEOUT)" >>"$4/$3e2e-$n.log"
	echo $(($(date +%s) - t0)) >"$4/$3e2e-$n.sec"
	echo "$st" >"$4/$3e2e-$n.st"
	exit 0
fi
pass=0
fail=0
failed=""
log=$(mktemp -d "${TMPDIR:-/tmp}/riposte-tests.XXXXXX")
trap 'rm -rf "$log"' EXIT

result() {  # name status [what to show after the name]
	if [ "$2" -eq 0 ]; then
		pass=$((pass + 1))
		echo "PASS $1${3:+ $3}"
	else
		fail=$((fail + 1))
		failed="$failed $1"
		echo "FAIL $1${3:+ $3}"
	fi
}

matches() {  # TESTS is one shell pattern, or several separated by |
	[ -z "${TESTS:-}" ] && return 0
	_old=$IFS
	IFS='|'
	set -f          # a pattern is no file name: 'deb*' must not become ./debian
	for _p in $TESTS; do
		# shellcheck disable=SC2254
		case "$1" in $_p) IFS=$_old; set +f; return 0 ;; esac
	done
	IFS=$_old
	set +f
	return 1
}

run_unit() {  # build dir, prefix
	for t in "$1"/tests/test-*; do
		[ -x "$t" ] || continue
		n=$(basename "$t")
		matches "$n" || continue
		out="$log/$2$n.tap"
		CMOCKA_MESSAGE_OUTPUT=TAP limited "$LIMIT" "$t" >"$out" 2>&1
		st=$?
		timedout "$st" && echo "timed out after $LIMIT s (TEST_TIMEOUT)" >>"$out"
		ok=$(grep -c '^ok ' "$out")
		nok=$(grep -c '^not ok ' "$out")
		pass=$((pass + ok))
		fail=$((fail + nok))
		if [ "$nok" -gt 0 ] || [ "$st" -ne 0 ]; then
			[ "$nok" -eq 0 ] && fail=$((fail + 1))   # crashed outside a test case
			failed="$failed $2$n"
			echo "FAIL $2$n ($ok ok, $nok not ok, exit $st)"
			sed 's/^/    /' "$out" | tail -n 30
		else
			echo "PASS $2$n ($ok cases)"
		fi
	done
}

run_golden() {  # binary, prefix
	for t in tests/golden/*.t; do
		[ -f "$t" ] || continue
		n=$(basename "$t" .t)
		matches "$n" || continue
		exp="tests/golden/$n.out"
		act="$log/$2golden-$n.out"
		RIPOSTE="$1" TOP="$top" limited "$GLIMIT" sh "$t" >"$act" 2>&1 ||
			{ timedout $? && echo "timed out after $GLIMIT s (TEST_TIMEOUT / 5)" >>"$act"; }
		if [ "${UPDATE_GOLDEN:-}" = 1 ] && [ -z "$2" ]; then
			cp "$act" "$exp"
		fi
		if diff -u "$exp" "$act" >"$log/diff" 2>&1; then
			result "$2golden/$n" 0
		else
			result "$2golden/$n" 1
			head -n 60 "$log/diff" | sed 's/^/    /'
		fi
	done
}

e2e_report() {  # prefix name
	out="$log/$1e2e-$2.log"
	st=$(cat "$log/$1e2e-$2.st" 2>/dev/null || echo 2)
	sec=$(cat "$log/$1e2e-$2.sec" 2>/dev/null || echo "?")
	if [ "$st" -eq 77 ]; then
		echo "SKIP $1e2e/$2: $(tail -n 1 "$out")"
		return
	fi
	if [ "$st" -eq 0 ]; then
		result "$1e2e/$2" 0 "(${sec} s)"
	else
		result "$1e2e/$2" "$st" "(${sec} s)"
		# the failed checks first: a long test's tail may not reach them
		grep -n '^not ok' "$out" | sed 's/^/    /'
		tail -n 40 "$out" | sed 's/^/    /'
	fi
}

run_e2e() {  # binary, prefix
	: >"$log/$2parallel"
	: >"$log/$2serial"
	for t in tests/e2e/*.sh; do
		[ -f "$t" ] || continue
		n=$(basename "$t" .sh)
		matches "$n" || continue
		if head -n 5 "$t" | grep -q '^# serial'; then
			echo "$t" >>"$log/$2serial"
		else
			echo "$t" >>"$log/$2parallel"
		fi
	done
	# xargs -P keeps JOBS tests running; results are printed in name order after
	xargs -r -P "$JOBS" -n 1 sh "$top/tests/run.sh" one "$1" "$2" "$log" <"$log/$2parallel"
	while read -r t; do
		sh "$top/tests/run.sh" one "$1" "$2" "$log" "$t"
	done <"$log/$2serial"
	cat "$log/$2parallel" "$log/$2serial" | while read -r t; do
		basename "$t" .sh
	done | sort >"$log/$2names"
	while read -r n; do
		e2e_report "$2" "$n"
	done <"$log/$2names"
}

echo "== unit"
run_unit build ""
echo "== golden"
run_golden "$top/build/riposte" ""
echo "== end-to-end"
run_e2e "$top/build/riposte" ""

echo "== fuzz corpus replay"
if sh tests/fuzz/build.sh build tests/fuzz/fuzz-*.c >"$log/fuzzbuild" 2>&1; then
	for f in build/fuzz/fuzz-*; do
		[ -x "$f" ] || continue
		n=$(basename "$f")
		corpus="tests/fuzz/corpus/${n#fuzz-}"
		[ -d "$corpus" ] || continue
		limited "$LIMIT" "$f" -runs=0 -artifact_prefix="$log/" "$corpus" >"$log/$n.log" 2>&1
		st=$?
		timedout "$st" && echo "timed out after $LIMIT s (TEST_TIMEOUT)" >>"$log/$n.log"
		result "fuzz/$n" "$st"
		[ "$st" -eq 0 ] || tail -n 30 "$log/$n.log" | sed 's/^/    /'
	done
else
	result "fuzz/build" 1
	tail -n 30 "$log/fuzzbuild" | sed 's/^/    /'
fi

if [ "${NO_ASAN:-}" != 1 ]; then
	echo "== ASan+UBSan"
	if make --no-print-directory asan >"$log/asan-build" 2>&1; then
		export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1
		export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
		run_unit build-asan "asan:"
		run_golden "$top/build-asan/riposte" "asan:"
		run_e2e "$top/build-asan/riposte" "asan:"
	else
		result "asan:build" 1
		tail -n 30 "$log/asan-build" | sed 's/^/    /'
	fi
fi

[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
