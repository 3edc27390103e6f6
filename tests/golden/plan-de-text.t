# The emergency plan as text: the Swiss German practice of the example profile.
. "$TOP/tests/golden/case-lib.sh"
r plan
