# The built-in drills as text: in the site's language (de), and in French.
. "$TOP/tests/golden/drill-lib.sh"
r drill list
r drill list --lang fr
