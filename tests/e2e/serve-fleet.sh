#!/bin/sh
# riposte serve --fleet: the IT provider's page over the fleet's centre, on a throwaway
# PostgreSQL cluster (tests/fleet-pg.sh, shared with tests/e2e/fleet.sh): the Swiss
# and the French practices push their reference cases; serve --fleet on a machine
# without a case (an empty store) shows the fleet at / and /fleet, behind the login:
# both practices with their overdue deadlines and alerts, the same numbers as `fleet
# status`, most urgent first; the alerts of all practices, a hostile alert text
# escaped. The centre stopped: the page says it is unreachable (503), the server lives
# on; started again: the page is back. The DSN rules of `fleet`: no password in --dsn.
. "$TOP/tests/lib.sh"
. "$TOP/tests/fleet-pg.sh"
. "$TOP/tests/fleet-cases.sh"
. "$TOP/tests/e2e/serve.inc"
trap 'serve_cleanup_all' EXIT
serve_cleanup_all() {
	for p in $SPIDS; do kill -KILL "$p" 2>/dev/null; done
	wait 2>/dev/null
	pg_stop
	chmod -R u+rwx "$T" 2>/dev/null
	rm -rf "$T"
}
pg_missing && skip "PostgreSQL's initdb and pg_ctl are not installed (scripts/packages.d/fleet.txt)"
command -v sqlite3 >/dev/null || skip "sqlite3 is not installed"
command -v curl >/dev/null || skip "curl missing (scripts/packages.d/serve.txt)"
command -v python3 >/dev/null || skip "python3 missing"
unset RIPOSTE_NOW RIPOSTE_DB RIPOSTE_CONF RIPOSTE_DATA PGHOST
export TZ=Europe/Zurich RIPOSTE_ACTOR=provider
cd "$T" || exit 2
iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
H() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# ---- the DSN as fleet takes it, refused before anything listens
expect_exit "--dsn without --fleet is refused" 2 "$RIPOSTE" serve --listen 127.0.0.1:0 --dsn "host=/x"
expect_grep "and says so" "'--dsn' goes with --fleet\|--dsn goes with --fleet" "$T/.err"
expect_exit "--fleet without a centre is refused" 2 "$RIPOSTE" serve --listen 127.0.0.1:0 --fleet
expect_exit "a password in --dsn is refused" 2 "$RIPOSTE" serve --listen 127.0.0.1:0 --fleet \
    --dsn "host=/x user=u password=secret"
expect_grep "because ps shows it" "seen by every user of this machine" "$T/.err"
expect_exit "a remote centre without verify-full is refused" 2 "$RIPOSTE" serve --listen 127.0.0.1:0 \
    --fleet --dsn "host=fleet.example.net user=u sslmode=require"

# ---- the centre, two practices, their pushes
pg_start "$T/pg" || { fail "the test's PostgreSQL did not start"; done_testing; }
pg_psql postgres "CREATE DATABASE fleet"
printf '# the provider (its password is in PGPASSFILE)\nhost=%s user=postgres dbname=fleet\n' \
    "$PGSOCK" >admin.dsn
"$RIPOSTE" fleet init --dsn-file admin.dsn >/dev/null 2>&1 || fail "fleet init"
for s in swiss french; do
	"$RIPOSTE" fleet site add "$s" --dsn-file admin.dsn >"$s.dsn" 2>/dev/null || fail "site add $s"
	chmod 600 "$s.dsn"
done
swiss_practice swiss.db "$(iso '-50 hours')" "$(iso '-52 hours')" || fail "swiss case"
french_practice french.db fr.conf "$(iso '-4 days')" "$(iso '-4 days -2 hours')" || fail "french case"
for s in swiss french; do   # the stores' alert log made, then an alert as watch writes it
	"$RIPOSTE" fleet push --dsn "host=$T/nowhere" --site "$s" --db "$s.db" >/dev/null 2>&1
done
alert_row swiss.db "$(iso '-1 hour')" alert 1 '{"kind":"alert","pid":1,"action":"stop","result":"stopped"}'
t=$(date -u -d '-30 min' +%s)
sqlite3 french.db "INSERT INTO alert_log(time, type, case_id, text, data) VALUES($t, 'alert', 1,
'ransomware behaviour of <script>alert(\"x\")</script> & co stopped', '{\"kind\":\"alert\",\"pid\":2}')"
"$RIPOSTE" fleet push --dsn-file swiss.dsn --site swiss --db swiss.db \
    --config "$TOP/data/examples/riposte.conf" >/dev/null 2>&1 || fail "swiss pushes"
"$RIPOSTE" fleet push --dsn-file french.dsn --site french --db french.db --config fr.conf \
    >/dev/null 2>&1 || fail "french pushes"
"$RIPOSTE" fleet status --dsn-file admin.dsn --format jsonl >status.jsonl

# ---- serve --fleet on the provider's machine: no case, no profile
mkdir provider
serve_start s1 --fleet --dsn-file admin.dsn --db "$T/provider/riposte.db" --lang en || { done_testing; }
expect_eq "an empty store made for it, with the token next to it" "600" "$(stat -c %a "$T/provider/serve.token")"
expect_eq "no session: the fleet page sends to the login page" "303 $SURL/login" \
    "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$SURL/fleet")"
curl -s -o /dev/null -c jar "$SLOGIN"
curl -s -b jar "$SURL/" >root.html
expect_grep "/ is the fleet on a machine without a case" '<section id="fleet">' root.html
curl -s -b jar -D hf "$SURL/fleet" >fleet.html
expect_grep "/fleet: 200" '^HTTP/1.1 200' hf
expect_grep "not cached" '^Cache-Control: no-store' hf
expect_grep "the navigation links it" 'href="/fleet" class="here"' fleet.html
python3 - status.jsonl fleet.html >cmp.txt <<'PY'
import json, re, sys
want = [o for o in map(json.loads, open(sys.argv[1])) if o["kind"] == "site"]
html = open(sys.argv[2]).read()
rows = re.findall(r'<tr(?: class="attention")?><td><b>(?:! )?([^<]*)</b></td>((?:<td class="num[^"]*">\d+</td>){6})', html)
got = [(n, [int(x) for x in re.findall(r'>(\d+)<', cells)]) for n, cells in rows]
for o, (n, v) in zip(want, got):
    w = [o["open_cases"], o["overdue"], o["due_24h"], o["alerts_7d"], o["high_findings"], o["stale_contacts"]]
    print(o["site"], n, "same" if w == v else "differs %s %s" % (w, v), "overdue>0" if v[1] > 0 else "none overdue")
print("rows", len(got), "sites", len(want))
PY
expect_grep "both practices, in fleet status's order" '^rows 2 sites 2$' cmp.txt
for s in swiss french; do
	expect_grep "$s: the same numbers as fleet status, with its overdue deadlines" "^$s $s same overdue>0\$" cmp.txt
done
expect_grep "attention marked" '<tr class="attention"><td><b>! swiss</b>\|<tr class="attention"><td><b>! french</b>' fleet.html
expect_grep "the last push's age" 'min ago)' fleet.html
expect_grep "the alerts of both" '<td><b>swiss</b></td><td>ALERT · Case 1</td>' fleet.html
expect_grep "a hostile alert text escaped" 'ransomware behaviour of &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co stopped' fleet.html
expect_nogrep "nothing of it raw" '<script>alert' fleet.html
expect_eq "one script element only, ours" '<script src="/static/app.js" defer></script>' \
    "$(grep -o '<script[^>]*>[^<]*</script>' fleet.html)"

# ---- the centre down: the page says so, the server lives on; back: the page is back
pg_stop
curl -s -b jar -D hd "$SURL/fleet" >down.html
expect_grep "centre down: 503" '^HTTP/1.1 503' hd
expect_grep "with the page saying it is unreachable" 'The centre is unreachable' down.html
expect_grep "and why" '<pre class="mono">' down.html
expect_grep "still the whole page" '</html>' down.html
expect_eq "the server lives on" "200 ok" "$(H "$SURL/healthz") $(curl -s "$SURL/healthz")"
pg_restart || fail "the centre restarts"
curl -s -b jar -D hu "$SURL/fleet" >up.html
expect_grep "centre back: 200" '^HTTP/1.1 200' hu
expect_grep "and both practices again" '<b>! swiss</b>' up.html
serve_stop
expect_eq "stops cleanly" 0 "$SST"

# ---- a centre that accepts and never answers: one view waits for it (the DSN's
# connect_timeout: 6 s, over the 2 s a second view waits for its turn even at a high
# load), a second one at once is told it is busy, the server answers on
mkdir hang
python3 - "$T/hang/.s.PGSQL.5432" <<'PY' &
import socket, sys, time
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen(8)
held = []
while True:
    c, _ = s.accept()
    held.append(c)
PY
HPID=$!
SPIDS="$SPIDS $HPID"
i=0
while [ ! -S "$T/hang/.s.PGSQL.5432" ] && [ $i -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
serve_start s2 --fleet --dsn "host=$T/hang user=postgres dbname=fleet connect_timeout=6" \
    --db "$T/provider/riposte.db" --lang en || { done_testing; }
curl -s -o /dev/null -c jar3 "$SLOGIN"
curl -s -b jar3 -o hung1.html -w '%{http_code}' "$SURL/fleet" >hung1.code &
CPID=$!
sleep 0.5
expect_eq "meanwhile the server answers" "200 ok" "$(H "$SURL/healthz") $(curl -s "$SURL/healthz")"
expect_eq "a second view while the first waits: 503" 503 "$(curl -s -b jar3 -o busy.html -w '%{http_code}' "$SURL/fleet")"
expect_grep "it says the centre is busy with another view" 'still being asked for another view' busy.html
wait "$CPID"
expect_eq "the first view: 503 after the DSN's timeout" 503 "$(cat hung1.code)"
expect_grep "saying unreachable" 'The centre is unreachable' hung1.html
serve_stop
expect_eq "and stops cleanly" 0 "$SST"
done_testing
