# A staff member's quiz from a file and in the terminal (answers on standard input):
# the score, each wrong answer with the right one and why; the results kept.
. "$TOP/tests/golden/drill-lib.sh"
printf '# Anna, on paper\n1: c\n2: b\n3: a\n4: a\n5: b\n6: b\n7: a\n8: c\n9: b\n' > anna.txt
r kit quiz --answers anna.txt --name "Anna Beispiel"
printf 'Peter\nc\nb\nb\nx\na\nb\nb\nb\nc\nb\nc\n' | "$RIPOSTE" kit quiz --lang en > peter.out 2>&1
echo "[exit $?]"
tail -n 3 peter.out
