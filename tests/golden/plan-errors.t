# What plan refuses, and says: no profile, an unknown language, a PDF without a file,
# an operand, an unknown format; a profile whose language is not one of the plan's.
. "$TOP/tests/golden/case-lib.sh"
r plan --lang xx
r plan --format pdf
r plan --format docx
r plan now
printf '[site]\nname = X\nlanguage = es\n' > es.conf
r plan --config es.conf
RIPOSTE_CONF=/nonexistent/riposte.conf r plan
unset RIPOSTE_CONF
r plan
r plan --lang de --bogus
