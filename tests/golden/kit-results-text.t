# The quiz results kept, as text: who, when, the score, the answers.
. "$TOP/tests/golden/drill-lib.sh"
printf '1: c\n2: b\n3: b\n4: a\n5: b\n6: b\n7: b\n8: c\n9: b\n10: c\n' > all.txt
printf '1: a\n2: a\n' > two.txt
"$RIPOSTE" kit quiz --answers all.txt --name "Anna Beispiel" >/dev/null 2>&1
RIPOSTE_NOW=2027-02-01T09:00:00+01:00 "$RIPOSTE" kit quiz --answers two.txt --name 'Peter "Pete" Muster' --lang fr >/dev/null 2>&1
r kit results --format text
