# The facilitator's guide in German reads German: its labels (the title, the points, the
# kind of inject, the question, the action when missed, the owner and the capability
# words) come from data/drills/text/de.ini, not from English text in the code.
. "$TOP/tests/golden/drill-lib.sh"
r drill show ransomware-night --lang de
