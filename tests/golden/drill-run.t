# A paper exercise logged with --answers: the run stored, its score shown; the best
# answers rate P, the worst U; a scenario of one's own from its file; an answers file
# with an inject left out (scored 0, said).
. "$TOP/tests/golden/drill-lib.sh"
mixed_ransomware
best_ransomware
r drill run ransomware-night --answers mixed.txt --participants "front desk, Dr. Muster"
r drill run ransomware-night --answers best.txt --lang en
printf 'request: c\npressure: c\ncheck: e\npaid: c\nlearn: d\n' > worst.txt
r drill run ceo-fraud --answers worst.txt --lang fr
cat > our-drill.ini <<'INI'
[drill]
title.en = The printer asks for a password
summary.en = A short drill of our own.
threat = phishing
[inject popup]
at = 0
text.en = The printer's screen asks for the mailbox password.
question.en = What do you do?
action.en = Tell the staff that no device asks for a mail password.
choice.a = 2 detect
choice.a.en = Call the IT provider.
choice.b = 0 detect
choice.b.en = Type it in.
INI
printf 'popup: a\n' > ours.txt
r drill run ./our-drill.ini --answers ours.txt
printf 'note: a\n' > partial.txt
r drill run ransomware-night --answers partial.txt --lang en
