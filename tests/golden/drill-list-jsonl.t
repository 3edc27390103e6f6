# The built-in drills as JSONL: one "drill" per line (its injects, points, the languages
# it is written in), then the summary; options after the operand.
. "$TOP/tests/golden/drill-lib.sh"
r drill list --format jsonl --lang en
