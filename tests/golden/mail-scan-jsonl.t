# riposte mail scan --format jsonl on a fixed tree: a known-bad link, a double extension,
# bank-detail fraud, a Sieve redirect, an unparsable message (options after the operands)
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/mail-tree.sh"
TZ=UTC RIPOSTE_CONF=riposte.conf "$RIPOSTE" mail scan mail --ioc iocs.txt --no-clamav --format jsonl
echo "exit $?"
