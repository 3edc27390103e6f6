# The emergency plan as md: the Swiss example profile in English (--lang overrides [site] language).
. "$TOP/tests/golden/case-lib.sh"
r plan --lang en --format md
