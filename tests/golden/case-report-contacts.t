# The report of the virus case: the correspondents warned with their letters, and the
# claim's two sections (Markdown).
. "$TOP/tests/golden/case-lib.sh"
virus_case
"$RIPOSTE" case notify --to clients -o letters --sent --sent-at 2026-11-20T10:00:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case cost add --category it --amount 6400 2>/dev/null
"$RIPOSTE" case cost add --category liability --client "Labor Beispiel AG" --amount 8000 2>/dev/null
r case report --format md -o -
