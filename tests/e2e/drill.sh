#!/bin/sh
# Tabletop drills end to end: for each of the four drills in each of the three
# languages, the best answers of `drill show` (as a paper exercise's file) rate P
# overall and in every capability, the worst U; the lessons learned as PDF render, list
# the improvement actions with owners and due dates, raise the threat in the register
# once; a session in the terminal records the answers and their response times, and
# one whose input ends stores nothing; options after the operands.
. "$TOP/tests/lib.sh"
export TZ=Europe/Zurich RIPOSTE_NOW=2026-11-20T08:00:00+01:00 RIPOSTE_ACTOR=tester
export RIPOSTE_DB="$T/d.db" RIPOSTE_CONF="$TOP/data/examples/riposte.conf"
unset RIPOSTE_DATA
export LSAN_OPTIONS="suppressions=$TOP/tests/e2e/lsan-fontconfig.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
command -v python3 >/dev/null || skip "python3 missing"
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null ||
	fail "poppler-utils missing (scripts/packages.d/case.txt)"

# the rating of the last run: overall, and the ratings of the capabilities it tests
summary() {
	"$RIPOSTE" drill score --format csv |
		awk -F, '$1 == "category" && $6 > 0 { c = c $7 } $1 == "summary" { t = $7 } END { print t, c }'
}

"$RIPOSTE" risk init >/dev/null 2>&1 || fail "risk init"
"$RIPOSTE" drill list --format jsonl > list.jsonl
drills=$(python3 -c '
import json, sys
for o in map(json.loads, open("list.jsonl")):
    if o["kind"] == "drill":
        print(o["name"], " ".join(o["langs"]), sep=":")')
expect_eq "four drills in three languages" "bank-details:fr de en
ceo-fraud:fr de en
ransomware-night:fr de en
virus-to-client:fr de en" "$drills"
drills=$(printf '%s\n' "$drills" | cut -d: -f1)
# the facilitator's guides (JSONL), and from each best-D-L.txt and worst-D-L.txt: a
# pick-one inject's choice with the most (the fewest) points, a checklist's actions
# with points above 0 (with none)
for d in $drills; do
	for l in fr de en; do
		"$RIPOSTE" drill show "$d" --format jsonl --lang "$l" > "guide-$d-$l.jsonl" ||
			fail "show $d $l"
	done
done
python3 - <<'PY'
import glob, json
for g in glob.glob("guide-*.jsonl"):
    best, worst = [], []
    for o in map(json.loads, open(g)):
        if o["kind"] != "inject":
            continue
        ch = o["choices"]
        if o["pick"] == "one":
            best.append("%s: %s" % (o["id"], max(ch, key=lambda c: c["points"])["id"]))
            worst.append("%s: %s" % (o["id"], min(ch, key=lambda c: c["points"])["id"]))
        else:
            best.append("%s: %s" % (o["id"], ",".join(c["id"] for c in ch if c["points"] > 0)))
            worst.append("%s: %s" % (o["id"], ",".join(c["id"] for c in ch if c["points"] <= 0) or "-"))
    name = g[len("guide-"):-len(".jsonl")]
    open("best-%s.txt" % name, "w").write("\n".join(best) + "\n")
    open("worst-%s.txt" % name, "w").write("\n".join(worst) + "\n")
PY
for d in $drills; do
	for l in fr de en; do
		expect_exit "$d ($l): best answers" 0 "$RIPOSTE" drill run "$d" --answers "best-$d-$l.txt" --lang "$l"
		expect_eq "$d ($l): best rates P, every capability P" "P PPPPP" "$(summary)"
		expect_exit "$d ($l): worst answers" 0 "$RIPOSTE" drill run "$d" --answers "worst-$d-$l.txt" --lang "$l"
		expect_eq "$d ($l): worst rates U, every capability U" "U UUUUU" "$(summary)"
	done
done
expect_eq "24 runs stored" 24 "$("$RIPOSTE" drill runs --format jsonl | grep -c '"kind":"run"')"

# the lessons of a worst run as PDF, in German (the run's language): the actions,
# the owners from riposte.conf, the due dates; the register raised once
# the first run of a drill in a language with a rating
runof() {  # DRILL LANG RATING
	"$RIPOSTE" drill runs --format jsonl | python3 -c '
import json, sys
d, l, r = sys.argv[1:]
print([o["run"] for o in map(json.loads, sys.stdin) if o["kind"] == "run"
       and o["drill"] == d and o["lang"] == l and o["rating"] == r][0])' "$@"
}
run=$(runof ransomware-night de U)
# the sum of the likelihoods of a threat across the register
likelihood() {  # THREAT
	"$RIPOSTE" risk list --format jsonl | python3 -c '
import json, sys
print(sum(o["likelihood"] for o in map(json.loads, sys.stdin)
          if o["kind"] == "risk" and o["threat"] == sys.argv[1]))' "$1"
}
before=$(likelihood ransomware)
expect_exit "report pdf" 0 "$RIPOSTE" drill report "$run" --format pdf -o lessons.pdf
pdftotext lessons.pdf - | tr -s ' \n' '  ' > lessons.txt
expect_grep "in German" "Erkenntnisse aus der Übung: Ransomware über Nacht" lessons.txt
expect_grep "the improvement plan" "Massnahmenplan" lessons.txt
expect_grep "an action" "Jedes Quartal eine vollständige Wiederherstellung" lessons.txt
expect_grep "its owner, from the site's contacts" "Muster IT GmbH, Peter Beispiel" lessons.txt
expect_grep "a due date as Switzerland writes it" "18.02.2027" lessons.txt
expect_grep "the register raised" "ransomware wahrscheinlicher bei" lessons.txt
n=$(pdftoppm -f 1 -l 1 -r 30 -gray lessons.pdf page && python3 -c '
import sys
d = open("page-1.pgm", "rb").read()
print(sum(1 for b in d[-30000:] if b < 128))')
[ "${n:-0}" -gt 300 ] && ok "the page renders ($n dark pixels)" || fail "blank page: $n"
raised=$("$RIPOSTE" risk list --format jsonl | grep -c "\"source\":\"drill $run\"")
[ "$raised" -gt 0 ] && ok "ransomware raised on $raised risks by drill $run" || fail "not raised"
expect_exit "report again" 0 "$RIPOSTE" drill report "$run" --format md -o again.md
expect_grep "raised once" "raised by this run already" "$T/.err"
expect_eq "still raised on the same risks" "$raised" \
    "$("$RIPOSTE" risk list --format jsonl | grep -c "\"source\":\"drill $run\"")"
expect_eq "actions in the plan" 7 "$("$RIPOSTE" drill actions --format jsonl | grep -c "\"run\":$run,")"
after=$(likelihood ransomware)
[ "$after" -eq $((before + raised)) ] && ok "ransomware's likelihoods $before -> $after" ||
	fail "ransomware's likelihoods $before -> $after, $raised risks raised"

# the lessons in the two other languages: French (md) and English (html), from the
# worst runs of ceo-fraud; the threat of its gaps raised
run_fr=$(runof ceo-fraud fr U) run_en=$(runof ceo-fraud en U)
expect_exit "report md (fr)" 0 "$RIPOSTE" drill report "$run_fr" --format md -o lessons-fr.md
expect_grep "in French" "^# Retour d'expérience : " lessons-fr.md
expect_grep "its improvement plan" "^## Plan d'amélioration" lessons-fr.md
expect_grep "an action in French" "Mettre la règle par écrit" lessons-fr.md
expect_grep "a due date in the plan" "^| .* | [0-3][0-9]\\.[01][0-9]\\.202[67] |$" lessons-fr.md
expect_exit "report html (en)" 0 "$RIPOSTE" drill report "$run_en" --format html -o lessons-en.html
expect_grep "in English" "Lessons learned: " lessons-en.html
expect_grep "its improvement plan" "Improvement plan" lessons-en.html
expect_grep "an action in English" "Write the rule down and tell every staff member" lessons-en.html
expect_grep "the owner escaped" "Muster IT GmbH, Peter Beispiel" lessons-en.html
expect_nogrep "no German in the English report" "Massnahmenplan" lessons-en.html
"$RIPOSTE" risk journal > journal.txt
expect_grep "the register raised by the French run, with its reason" \
    "'mail' / 'ceo-fraud': .*raised by drill $run_fr: ceo-fraud, inject 'request' rated U" journal.txt
expect_grep "and by the English run" "raised by drill $run_en: " journal.txt

# in the terminal: the first answer typed 1.2 s after its question is on the screen
# (the pause counted from the prompt, not from the start: a loaded machine may take
# a while to start the command), the response time recorded
start=$("$RIPOSTE" drill runs --format jsonl | grep -c '"kind":"run"')
mkfifo keys
"$RIPOSTE" drill run ransomware-night --lang en --participants "front desk" < keys > session.out 2>&1 &
pid=$!
{
	i=0
	while ! grep -q "Pick one answer" session.out 2>/dev/null && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 1.2
	printf 'a\nz\na,b,c\na\na\na,b,d\na,b,d\na\n'
} > keys
wait $pid
expect_eq "the session ends" 0 $?
expect_grep "the clock of an inject" "== T+240 min" session.out
expect_grep "an invalid answer asked again" "Not a valid answer: scope: 'z' is not one of its choices" session.out
"$RIPOSTE" drill score --format jsonl > live.jsonl
ms=$(python3 -c '
import json
for o in map(json.loads, open("live.jsonl")):
    if o["kind"] == "answer" and o["inject"] == "note":
        print(o["response_ms"])')
[ "${ms:-0}" -ge 1000 ] && ok "the first answer took ${ms} ms" || fail "response time ${ms:-none}"
expect_grep "played live" '"mode":"interactive","participants":"front desk"' live.jsonl
expect_grep "rated P" '"rating":"P"}' live.jsonl
printf 'a\na,b\n' | "$RIPOSTE" drill run ransomware-night --lang en > cut.out 2>&1
expect_eq "input ended: exit 2" 2 $?
expect_grep "says nothing was stored" "nothing stored" cut.out
expect_eq "no run stored for it" $((start + 1)) "$("$RIPOSTE" drill runs --format jsonl | grep -c '"kind":"run"')"

done_testing
