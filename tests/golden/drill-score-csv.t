# The score as CSV: the answers, the capabilities, the overall line.
. "$TOP/tests/golden/drill-lib.sh"
mixed_ransomware
"$RIPOSTE" drill run ransomware-night --answers mixed.txt --lang en >/dev/null 2>&1
r drill score --format csv
