# The emergency plan as html: the Swiss German practice of the example profile.
. "$TOP/tests/golden/case-lib.sh"
r plan --format html
