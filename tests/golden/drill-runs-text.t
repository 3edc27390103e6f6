# The runs stored, as text.
. "$TOP/tests/golden/drill-lib.sh"
mixed_ransomware
best_ransomware
"$RIPOSTE" drill run ransomware-night --answers mixed.txt --participants 'front desk, "Anna"' >/dev/null 2>&1
"$RIPOSTE" drill run ransomware-night --answers best.txt --lang en >/dev/null 2>&1
r drill runs --format text
