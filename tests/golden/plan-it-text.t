# The emergency plan as text: the Swiss example profile in Italian (--lang it).
. "$TOP/tests/golden/case-lib.sh"
r plan --lang it
