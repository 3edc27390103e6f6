# The facilitator's guide of virus-to-client in English: each inject with its clock,
# the choices with points and capability, the best marked, the action when missed
# (with the precautionary warning of every recipient and the bank-detail warning).
. "$TOP/tests/golden/drill-lib.sh"
r drill show virus-to-client --lang en
