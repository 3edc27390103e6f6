# The emergency plan as html: the French medical practice (tests/golden/prepare/cabinet-fr.conf).
. "$TOP/tests/golden/case-lib.sh"
cp "$TOP/tests/golden/prepare/cabinet-fr.conf" cabinet-fr.conf
r plan --config cabinet-fr.conf --format html
