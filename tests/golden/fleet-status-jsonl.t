# fleet status and fleet alerts as jsonl over four practices (tests/golden/fleet-lib.sh):
# most urgent first, the never-pushed one stale, the 7-day window of alerts, a canary
# read listed but not counted; options after the operands.
. "$TOP/tests/golden/fleet-lib.sh"
r fleet status --dsn-file admin.dsn --format jsonl
r fleet alerts --dsn-file admin.dsn --format jsonl
r fleet alerts --dsn-file admin.dsn --since 2026-11-21T00:00:00+01:00 --format jsonl
