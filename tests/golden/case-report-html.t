# The final report as self-contained HTML (no external resources), with a hostile
# title escaped.
. "$TOP/tests/golden/case-lib.sh"
"$RIPOSTE" case open --title 'Ransomware <script>alert(1)</script> & "co"' \
    --discovered 2026-11-20T06:30:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case cost add --category it --amount 18000 2>/dev/null
"$RIPOSTE" case cost add --category internal --amount 5000 2>/dev/null
"$RIPOSTE" case cost add --category legal --amount 2000 2>/dev/null
"$RIPOSTE" case lesson "Test the restore every quarter"
r case report --format html -o -
