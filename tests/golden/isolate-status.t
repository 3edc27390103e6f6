# isolate --status in text and jsonl, read back from the kernel, in a network
# namespace this test makes (and deletes).
export RIPOSTE_NOW=2026-11-22T06:59:00Z TZ=UTC
unset SSH_CONNECTION SSH_CLIENT
ns=rp-gold-$$
ip netns add "$ns" || exit 1
trap 'ip netns del "$ns"' EXIT
d=$(mktemp -d)
trap 'ip netns del "$ns"; rm -rf "$d"' EXIT
cd "$d" || exit 1
R() { ip netns exec "$ns" "$RIPOSTE" "$@"; }
R isolate --status --format jsonl
echo "exit $?"
R isolate --allow 10.0.0.0/8,fd00::/8 --allow-port 22
echo "exit $?"
R isolate --status
echo "exit $?"
R isolate --status --format jsonl
echo "exit $?"
R isolate --confirm
echo "exit $?"
R isolate --undo
echo "exit $?"
R isolate --status
echo "exit $?"
