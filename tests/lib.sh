# Sourced by end-to-end tests: a private temp dir removed on exit, the binary under
# test in $RIPOSTE, and assertions that say what differed.
set -u
: "${RIPOSTE:=$(cd "$(dirname "$0")/../.." && pwd)/build/riposte}"
: "${TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
export RIPOSTE_NO_PROGRESS=1
T=$(mktemp -d "${TMPDIR:-/tmp}/riposte-e2e.XXXXXX") || exit 2
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
# a signal (tests/run.sh's time limit sends TERM) ends the test through its EXIT trap,
# which stops the servers it started: dash runs no EXIT trap on a signal it has no trap for
trap 'exit 143' TERM
trap 'exit 130' INT
trap 'exit 129' HUP
cd "$T" || exit 2
errors=0

fail() { echo "not ok: $*"; errors=$((errors + 1)); }
ok() { echo "ok: $*"; }
# expect_eq WHAT EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1: expected '$2', got '$3'"; fi
}
# expect_exit WHAT CODE command...
expect_exit() {
	what=$1 code=$2
	shift 2
	"$@" >"$T/.out" 2>"$T/.err"
	st=$?
	if [ "$st" -eq "$code" ]; then ok "$what"; else
		fail "$what: exit $st, expected $code"; sed 's/^/  stderr: /' "$T/.err" | head -n 10
		return 1
	fi
}
expect_grep() {  # WHAT PATTERN FILE
	if grep -q -- "$2" "$3"; then ok "$1"; else fail "$1: '$2' not in $3"; head -n 20 "$3"; fi
}
expect_nogrep() {
	if grep -q -- "$2" "$3"; then fail "$1: '$2' found in $3"; grep -- "$2" "$3" | head -n 5; else ok "$1"; fi
}
skip() { echo "$*"; exit 77; }
done_testing() { [ "$errors" -eq 0 ] && exit 0; echo "$errors assertion(s) failed"; exit 1; }
