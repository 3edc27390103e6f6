# riposte harden --root --format jsonl on a copy with every weakness planted
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
export TZ=UTC RIPOSTE_NO_PROGRESS=1
. "$TOP/tests/harden/roots.sh"
harden_root weak weak || exit 2
"$RIPOSTE" harden --root weak --config weak.conf --format jsonl
echo "exit $?"
