# The score of a run as text: per inject (answer, points, rating), per capability and
# overall, rated as CISA's exercise evaluation; the latest run, or one by its number.
. "$TOP/tests/golden/drill-lib.sh"
mixed_ransomware
best_ransomware
"$RIPOSTE" drill run ransomware-night --answers mixed.txt --lang en >/dev/null 2>&1
"$RIPOSTE" drill run ransomware-night --answers best.txt --lang en >/dev/null 2>&1
r drill score
r drill score 1 --format text
