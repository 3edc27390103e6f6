# The score as JSONL: an "answer" per inject, a "category" per capability (rating null
# when it was not tested), then the summary.
. "$TOP/tests/golden/drill-lib.sh"
mixed_ransomware
"$RIPOSTE" drill run ransomware-night --answers mixed.txt --lang en >/dev/null 2>&1
r drill score 1 --format jsonl
