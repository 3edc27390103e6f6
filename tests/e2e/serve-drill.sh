#!/bin/sh
# riposte serve's drills page over plain HTTP with the session cookie: no drill -> no
# entry in the navigation, the page says how to play one, /api/status "drills": null;
# then drills run with the CLI (a built-in one with every best answer, and a scenario
# file of our own with a hostile title played with hostile participants and the worst
# answers): the page (reached by its link) shows every run with its score and CISA
# rating, overall and per capability, the same numbers as `drill runs`, every value
# escaped; /api/status gives the last run; the page in German with the drills' own
# translated words.
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/serve.inc"
export TZ=Europe/Zurich RIPOSTE_DB="$T/riposte.db" RIPOSTE_ACTOR=anna
unset RIPOSTE_CONF RIPOSTE_NOW
command -v curl >/dev/null || skip "curl missing (scripts/packages.d/serve.txt)"
command -v python3 >/dev/null || skip "python3 missing"
cd "$T" || exit 2
H() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# ---- no drill yet: no link, the page says how, the API says null
serve_start s1 --db "$T/riposte.db" || { done_testing; }
curl -s -o /dev/null -c jar "$SLOGIN"
curl -s -b jar "$SURL/" >over0.html
expect_grep "logged in: the navigation is there" '<nav>' over0.html
expect_nogrep "no drill: no link to the drills page" 'href="/drills"' over0.html
expect_eq "the page itself answers" 200 "$(H -b jar "$SURL/drills")"
curl -s -b jar "$SURL/drills" >d0.html
expect_grep "and says how to play one" 'No drill was played yet: riposte drill list shows the scenarios, riposte drill run plays one.' d0.html
curl -s -b jar "$SURL/api/status" >st0.json
expect_grep "/api/status: drills null" '"drills":null' st0.json
expect_eq "no session: the drills page sends to the login page" 303 "$(H "$SURL/drills")"

# ---- two runs made with the CLI while the server runs
"$RIPOSTE" drill show ceo-fraud --format jsonl --lang en >ceo.jsonl
cp "$TOP/data/drills/bank-details.ini" evil-drill.ini
sed -i 's|^title\.en = .*|title.en = <img src=x onerror=alert(1)> "pay" \& go|' evil-drill.ini
"$RIPOSTE" drill show ./evil-drill.ini --format jsonl --lang en >evil.jsonl || fail "the hostile scenario parses"
python3 - <<'PY'
import json
def answers(src, dst, best):
    out = []
    for o in map(json.loads, open(src)):
        if o["kind"] != "inject":
            continue
        ch = o["choices"]
        if o["pick"] == "one":
            pick = (max if best else min)(ch, key=lambda c: c["points"])["id"]
        else:
            pick = ",".join(c["id"] for c in ch if (c["points"] > 0) == best) or "-"
        out.append("%s: %s" % (o["id"], pick))
    open(dst, "w").write("\n".join(out) + "\n")
answers("ceo.jsonl", "best.txt", True)
answers("evil.jsonl", "worst.txt", False)
PY
"$RIPOSTE" drill run ceo-fraud --answers best.txt --lang en --participants 'front desk, Dr. Muster' \
    >/dev/null 2>&1 || fail "drill run ceo-fraud"
"$RIPOSTE" drill run ./evil-drill.ini --answers worst.txt --lang en \
    --participants '<script>alert("p")</script> & Ms. O'"'"'Brien' >/dev/null 2>&1 || fail "drill run evil"
"$RIPOSTE" drill runs --format jsonl >runs.jsonl
expect_eq "two runs stored" 2 "$(grep -c '"kind":"run"' runs.jsonl)"
score1=$(sed -n '1s/.*"points":\([0-9]*\),"max":\([0-9]*\),"rating":"\(.\)".*/\1\/\2 \3/p' runs.jsonl)
score2=$(sed -n '2s/.*"points":\([0-9]*\),"max":\([0-9]*\),"rating":"\(.\)".*/\1\/\2 \3/p' runs.jsonl)
expect_eq "the best answers are rated P" P "${score1#* }"
expect_eq "the worst are rated U" U "${score2#* }"

# the server sees the new runs within its poll (a second). Wait for both: a poll between
# the two CLI runs shows the first alone, and the link with it (CI under ASan saw that).
i=0
while ! curl -s -b jar "$SURL/api/status" | grep -q '"drills":{"runs":2' && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.1; done
curl -s -b jar "$SURL/" >over1.html
expect_grep "drills run: the navigation links the page" '<a href="/drills">Drills</a>' over1.html
curl -s -b jar "$SURL/drills" >d1.html
expect_grep "the page is marked as here" 'href="/drills" class="here"' d1.html
expect_grep "the built-in run with its score and rating" "<td class=\"num\">${score1% *} <span class=\"rating rP\" title=\"performed without challenges\">P</span></td>" d1.html
expect_grep "the other run with its own" "<td class=\"num\">${score2% *} <span class=\"rating rU\" title=\"unable to be performed\">U</span></td>" d1.html
expect_grep "the last run said first, with its words" "Last drill, .*: <b>${score2% *}</b> <span class=\"rating rU\"" d1.html
expect_grep "the capabilities as columns" '<th class="num">Detect</th><th class="num">Contain</th><th class="num">Notify</th><th class="num">Recover</th><th class="num">Communicate</th>' d1.html
expect_grep "the paper exercise's mode, in words" 'on paper (answers file)' d1.html
expect_grep "the participants" 'front desk, Dr. Muster' d1.html
expect_grep "hostile participants escaped" '&lt;script&gt;alert(&quot;p&quot;)&lt;/script&gt; &amp; Ms. O&#39;Brien' d1.html
expect_grep "a hostile drill title escaped" '&lt;img src=x onerror=alert(1)&gt; &quot;pay&quot; &amp; go' d1.html
expect_nogrep "nothing of them raw" '<script>alert\|<img src=x' d1.html
expect_eq "one script element only, ours" '<script src="/static/app.js" defer></script>' \
    "$(grep -o '<script[^>]*>[^<]*</script>' d1.html)"
grep -o '<[^>]*>' d1.html >tags.txt
expect_nogrep "no inline style or handler in any tag" ' style=\| on[a-z]*=' tags.txt
expect_eq "newest first" 'id="run-2" id="run-1" ' "$(grep -o 'id="run-[0-9]*"' d1.html | tr '\n' ' ')"
curl -s -b jar "$SURL/api/status" >st1.json
python3 - st1.json >api.txt <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["drills"]
l = d["last"]
print(d["runs"], l["run"], l["drill"], "%d/%d" % (l["points"], l["max"]), l["rating"], l["finished"][-1])
PY
expect_eq "/api/status: the last run, its score, its date in UTC" "2 2 evil-drill ${score2% *} U Z" "$(cat api.txt)"
serve_stop
expect_eq "stops cleanly" 0 "$SST"

# ---- in German: the page's words and the drills' own (data/drills/text/de.ini)
serve_start s2 --lang de || { done_testing; }
curl -s -o /dev/null -c jar2 "$SLOGIN"
curl -s -b jar2 "$SURL/drills" >de.html
expect_grep "de: the navigation" '>Übungen</a>' de.html
expect_grep "de: the title" '<h1>Übungen und ihre Ergebnisse</h1>' de.html
expect_grep "de: the capabilities" '<th class="num">Erkennen</th>' de.html
expect_grep "de: the ratings' words" 'title="ohne Schwierigkeiten umgesetzt">P<' de.html
serve_stop
expect_eq "and stops cleanly" 0 "$SST"
done_testing
