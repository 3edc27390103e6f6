# The built-in drills as CSV.
. "$TOP/tests/golden/drill-lib.sh"
r drill list --format csv --lang en
