# The lessons learned as Markdown, in the site's language: what went well, the gaps,
# the improvement plan with owners (the site's contacts) and due dates; the gaps rated
# M or U raise ransomware in the register once; written again, nothing more changes.
. "$TOP/tests/golden/drill-lib.sh"
cp "$TOP/tests/golden/prepare/register.csv" register.csv
"$RIPOSTE" risk import register.csv 2>/dev/null
mixed_ransomware
"$RIPOSTE" drill run ransomware-night --answers mixed.txt >/dev/null 2>&1
r drill report --format md
r drill report 1 --format md -o lessons.md
head -n 3 lessons.md
"$RIPOSTE" risk list --format jsonl | grep '"source":"drill 1"' | cut -c1-120
