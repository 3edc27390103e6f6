# riposte mail trace --format text on a fixed tree: stores, every kind of log, two address
# books, the site's clients (options after the operands)
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/mail-trace-tree.sh"
TZ=UTC RIPOSTE_CONF=riposte.conf "$RIPOSTE" mail trace Maildir --log postfix.log --log exim.log \
    --log sendmail.log --log trace.csv --log google.csv --addressbook book.vcf \
    --addressbook book.csv --year 2026 --ioc iocs.txt --no-clamav --format text
echo "exit $?"
