# The emergency plan as md: the Swiss example profile in Italian (--lang it).
. "$TOP/tests/golden/case-lib.sh"
r plan --lang it --format md
