# The ranked register as CSV (RFC 4180), and the export, which imports back.
. "$TOP/tests/golden/case-lib.sh"
cp "$TOP/tests/golden/prepare/register.csv" register.csv
"$RIPOSTE" risk import register.csv 2>/dev/null
"$RIPOSTE" risk raise device-loss --reason "drill 2026-10: a laptop left in the train" --source "drill 2026-10" 2>/dev/null
r risk list --format csv
r risk export
