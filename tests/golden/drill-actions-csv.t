# The site's improvement plan, as csv: the actions of the report's gaps by due date;
# one done (--all shows it).
. "$TOP/tests/golden/drill-lib.sh"
mixed_ransomware
"$RIPOSTE" drill run ransomware-night --answers mixed.txt --lang en >/dev/null 2>&1
"$RIPOSTE" drill report --format md -o lessons.md 2>/dev/null
r drill done 2
r drill actions --format csv
r drill actions --format csv --all
