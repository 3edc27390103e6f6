# The facilitator's guide of bank-details as JSONL, in German.
. "$TOP/tests/golden/drill-lib.sh"
r drill show bank-details --format jsonl --lang de
