# riposte harden --root on a copy with every weakness planted, and on a good one (text)
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
export TZ=UTC RIPOSTE_NO_PROGRESS=1
. "$TOP/tests/harden/roots.sh"
harden_root weak weak && harden_root good good || exit 2
"$RIPOSTE" harden --root weak --config weak.conf --format text
echo "exit $?"
"$RIPOSTE" harden --format text --root good --config good.conf
echo "exit $?"
