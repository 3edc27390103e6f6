# The emergency plan as html: the Swiss example profile in Italian (--lang it).
. "$TOP/tests/golden/case-lib.sh"
r plan --lang it --format html
