# The emergency plan as html: the Swiss example profile in English (--lang overrides [site] language).
. "$TOP/tests/golden/case-lib.sh"
r plan --lang en --format html
