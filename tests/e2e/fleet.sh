#!/bin/sh
# riposte fleet end to end, every case on one throwaway PostgreSQL cluster of the test's
# own (tests/fleet-pg.sh: initdb/pg_ctl in the temp dir, a Unix socket there, as nobody):
# - init (idempotent), site add (a role per practice, a SCRAM password);
# - the Swiss and the French reference cases push, each with a real watch alert (watch
#   stops a process that writes a canary) when watch can run here, the Swiss one with a
#   tabletop drill's score (not its participants); status lists both
#   with their overdue deadlines and alerts; a second push sends nothing;
# - row-level security: a practice's role sees and writes only its own rows (the
#   database's errors asserted); a rewritten journal shows at the centre;
# - the offline queue: the server stopped in the middle of a push, a push while it is
#   down, then back: every record there exactly once (rows counted);
# - a centre of schema version 1 with pushed records, migrated to 2, pushed again,
#   then to 3 (the previous schema to the latest): the same status before and after;
# - TLS with sslmode=verify-full to a centre named other than this machine (a CA of
#   the test's, on 127.0.0.1): the right CA works, another CA and another name fail.
TMPDIR=${WATCH_TMPDIR:-/var/tmp}   # watch needs fanotify events: not tmpfs
. "$TOP/tests/lib.sh"
. "$TOP/tests/fleet-pg.sh"
. "$TOP/tests/fleet-cases.sh"
trap '[ -n "${WPID:-}" ] && kill -TERM "$WPID" 2>/dev/null; [ -n "${PPID2:-}" ] && kill "$PPID2" 2>/dev/null
      pg_stop; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
pg_missing && skip "PostgreSQL's initdb and pg_ctl are not installed (scripts/packages.d/fleet.txt)"
command -v sqlite3 >/dev/null || skip "sqlite3 is not installed"
unset RIPOSTE_NOW RIPOSTE_DB RIPOSTE_CONF RIPOSTE_DATA PGHOST
export TZ=Europe/Zurich
EX=$TOP/data/examples/riposte.conf
iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
# psql as a practice: its DSN file's line (its password in it)
as_site() {  # SITE SQL: stdout and stderr together
	psql "$(grep -v '^#' "$1.dsn")" -qAt -c "$2" 2>&1
}

pg_start "$T/pg" || { fail "the test's PostgreSQL did not start"; done_testing; }
pg_psql postgres "CREATE DATABASE fleet"
printf '# the provider (its password is in PGPASSFILE)\nhost=%s user=postgres dbname=fleet\n' \
    "$PGSOCK" >admin.dsn

# --- init: created, then nothing to do --------------------------------------------
expect_exit "init" 0 "$RIPOSTE" fleet init --dsn-file admin.dsn
expect_grep "init creates version 3" "created: version 3" "$T/.out"
expect_exit "init again" 0 "$RIPOSTE" fleet init --dsn-file admin.dsn
expect_grep "init again does nothing" "at version 3: nothing to do" "$T/.out"
expect_eq "versions recorded" "1,2,3" "$(pg_psql fleet "SELECT string_agg(version::text, ',' ORDER BY version) FROM fleet.schema_version")"

# --- two practices ------------------------------------------------------------------
for s in swiss french; do
	"$RIPOSTE" fleet site add "$s" --dsn-file admin.dsn >"$s.dsn" 2>"$s.err"
	expect_eq "site add $s" 0 "$?"
	chmod 600 "$s.dsn"
	expect_grep "$s's DSN: its role and a password" "user=riposte_site_$s password=[A-Za-z0-9]\{32\}\$" "$s.dsn"
	expect_grep "$s: told to keep it in a file of mode 600" "chmod 600" "$s.err"
done
expect_eq "the password is stored as a SCRAM verifier only" "t" \
    "$(pg_psql fleet "SELECT rolpassword LIKE 'SCRAM-SHA-256\$%' FROM pg_authid WHERE rolname = 'riposte_site_swiss'")"
expect_exit "site add twice refused" 2 "$RIPOSTE" fleet site add swiss --dsn-file admin.dsn
expect_grep "says it is registered" "registered already" "$T/.err"

swiss_practice swiss.db "$(iso '-50 hours')" "$(iso '-52 hours')" || fail "swiss case"
french_practice french.db fr.conf "$(iso '-4 days')" "$(iso '-4 days -2 hours')" || fail "french case"

# a real alert in each store: watch stops a process that writes a canary
WATCHED=0
if [ "$(id -u)" = 0 ] && mkdir share && "$RIPOSTE" canary deploy share >/dev/null &&
    "$RIPOSTE" watch --check share >/dev/null 2>&1; then
	WATCHED=1
	for s in swiss french; do
		"$RIPOSTE" watch --format jsonl --db "$T/$s.db" --shadow "$T/shadow-$s" share \
		    >"w-$s.jsonl" 2>"w-$s.err" &
		WPID=$!
		i=0
		while ! grep -q '"kind":"ready"' "w-$s.jsonl" && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.1; done
		sh -c 'echo "x" >> "share/!Accounts-2026.csv"' &
		W=$!
		i=0
		while ! grep -q '"kind":"alert"' "w-$s.jsonl" && [ $i -lt 100 ]; do i=$((i + 1)); sleep 0.1; done
		kill -KILL "$W" 2>/dev/null
		wait "$W" 2>/dev/null
		i=0   # the alert is recorded by a child of watch
		while [ "$(sqlite3 "$s.db" "SELECT count(*) FROM alert_log WHERE type='alert'" 2>/dev/null)" != 1 ] &&
		    [ $i -lt 50 ]; do i=$((i + 1)); sleep 0.1; done
		kill -TERM "$WPID"
		wait "$WPID"
		WPID=
		expect_eq "$s: watch's alert is in the store's alert log" 1 \
		    "$(sqlite3 "$s.db" "SELECT count(*) FROM alert_log WHERE type='alert' AND case_id=1")"
		"$RIPOSTE" canary deploy share >/dev/null
	done
else
	echo "# watch cannot run here (root, fanotify): alert rows written as watch writes them"
	mkdir -p share && "$RIPOSTE" canary deploy share >/dev/null
	for s in swiss french; do
		"$RIPOSTE" fleet push --dsn "host=$T/nowhere" --site "$s" --db "$s.db" >/dev/null 2>&1
		alert_row "$s.db" "$(iso '-1 hour')" alert 1 '{"kind":"alert","pid":1,"action":"stop","result":"stopped"}'
	done
fi

# a tabletop drill at the Swiss practice, every best answer: its score goes to the centre
"$RIPOSTE" drill show ransomware-night --format jsonl --lang de >drill.jsonl
python3 - <<'PY'
import json
out = []
for o in map(json.loads, open("drill.jsonl")):
    if o["kind"] != "inject":
        continue
    ch = o["choices"]
    if o["pick"] == "one":
        out.append("%s: %s" % (o["id"], max(ch, key=lambda c: c["points"])["id"]))
    else:
        out.append("%s: %s" % (o["id"], ",".join(c["id"] for c in ch if c["points"] > 0)))
open("drill-best.txt", "w").write("\n".join(out) + "\n")
PY
RIPOSTE_DB=swiss.db "$RIPOSTE" drill run ransomware-night --answers drill-best.txt --lang de \
    --participants "Dr. Muster, front desk" --config "$EX" >/dev/null 2>&1 || fail "swiss: drill run"
drill_score=$(RIPOSTE_DB=swiss.db "$RIPOSTE" drill runs --format jsonl | sed -n 's/.*"points":\([0-9]*\),"max":\([0-9]*\),"rating":"\([A-Z]\)".*/\1 \2 \3/p')

# --- pushes -------------------------------------------------------------------------
expect_exit "swiss pushes" 0 "$RIPOSTE" fleet push --dsn-file swiss.dsn --site swiss --db swiss.db \
    --config "$EX" --canary share
expect_grep "swiss: nothing left queued" "; 0 queued" "$T/.out"
expect_exit "french pushes" 0 "$RIPOSTE" fleet push --dsn-file french.dsn --site french \
    --db french.db --config fr.conf --format jsonl
expect_grep "french: jsonl summary" '^{"kind":"summary","records":[0-9]*,"changed":[1-9][0-9]*,"gone":0,"sent":[1-9][0-9]*,"queued":0,"bad":0,"reached":true}$' "$T/.out"
n_swiss=$(pg_psql fleet "SELECT count(*) FROM fleet.record WHERE site = 'swiss'")
expect_eq "the centre has every swiss record" \
    "$(sqlite3 swiss.db "SELECT (SELECT count(*) FROM fleet_sent) + (SELECT count(*) FROM alert_log)")" "$n_swiss"
expect_eq "the canaries' state, by stat" "present,present" \
    "$(pg_psql fleet "SELECT string_agg(state, ',') FROM fleet.record WHERE site = 'swiss' AND kind = 'canary'")"
expect_eq "the journal head of the case" "$(sqlite3 swiss.db "SELECT hash FROM journal WHERE case_id=1 ORDER BY seq DESC LIMIT 1")" \
    "$(pg_psql fleet "SELECT body->>'head_hash' FROM fleet.record WHERE site = 'swiss' AND rid = 'case:1'")"
expect_eq "the drill's score at the centre" "ransomware-night $drill_score" \
    "$(pg_psql fleet "SELECT body->>'drill' || ' ' || (body->>'points') || ' ' || (body->>'max') || ' ' || (body->>'rating') FROM fleet.record WHERE site = 'swiss' AND kind = 'drill'")"
expect_eq "but not who took part" 0 \
    "$(pg_psql fleet "SELECT count(*) FROM fleet.record WHERE site = 'swiss' AND body::text LIKE '%Muster, front desk%'")"
expect_exit "a second push" 0 "$RIPOSTE" fleet push --dsn-file swiss.dsn --site swiss --db swiss.db \
    --config "$EX" --canary share
expect_grep "sends nothing new" "0 new or changed, 0 gone" "$T/.out"
expect_eq "and stores nothing twice" "$n_swiss" "$(pg_psql fleet "SELECT count(*) FROM fleet.record WHERE site = 'swiss'")"

# --- status: both, with their overdue deadlines and alerts ---------------------------
expect_exit "status: practices need attention" 1 "$RIPOSTE" fleet status --dsn-file admin.dsn --format jsonl
cp "$T/.out" status.jsonl
for s in swiss french; do
	expect_grep "status: $s with an open case, overdue deadlines and an alert" \
	    "^{\"kind\":\"site\",\"site\":\"$s\",\"open_cases\":1,\"overdue\":[1-9][0-9]*,\"due_24h\":[0-9]*,\"alerts_7d\":1,\"high_findings\":[0-9]*,\"last_push\":\"[0-9T:-]*Z\",\"stale\":false," status.jsonl
done
expect_grep "status: french's missing contacts are high findings" '"site":"french".*"high_findings":6,' status.jsonl
expect_grep "status: the summary last" '^{"kind":"summary","sites":2,"attention":2}$' status.jsonl
expect_exit "status in text" 1 "$RIPOSTE" fleet status --dsn-file admin.dsn
expect_grep "text: swiss marked" '^! swiss ' "$T/.out"
expect_exit "alerts of both" 1 "$RIPOSTE" fleet alerts --dsn-file admin.dsn --format csv
expect_eq "two alerts (and the canary reads of the pushes? none: stat only)" 2 \
    "$(grep -c ',alert,1,' "$T/.out")"

# --- row-level security: a practice sees and writes only its own rows -----------------
n_french=$(pg_psql fleet "SELECT count(*) FROM fleet.record WHERE site = 'french'")
sum_swiss=$(pg_psql fleet "SELECT md5(string_agg(body::text, '' ORDER BY rid)) FROM fleet.record WHERE site = 'swiss'")
expect_eq "french reads its own rows" "$n_french" "$(as_site french "SELECT count(*) FROM fleet.record")"
expect_eq "french sees none of swiss's" 0 "$(as_site french "SELECT count(*) FROM fleet.record WHERE site = 'swiss'")"
expect_eq "french sees only its own practice" french "$(as_site french "SELECT string_agg(name, ',') FROM fleet.site")"
as_site french "INSERT INTO fleet.record (site, rid, kind, body) VALUES ('swiss', 'case:9', 'case', '{}')" >rls.out
expect_grep "french cannot write a row of swiss" 'new row violates row-level security policy for table "record"' rls.out
expect_eq "french's update of swiss's rows changes nothing" "" \
    "$(as_site french "UPDATE fleet.record SET body = '{}' WHERE site = 'swiss' RETURNING rid")"
as_site french "DELETE FROM fleet.record WHERE site = 'french'" >rls.out
expect_grep "a practice deletes nothing, not even its own" 'permission denied for table record' rls.out
as_site french "UPDATE fleet.site SET role = 'riposte_site_swiss'" >rls.out
expect_grep "nor changes whose role it is" 'permission denied for table site' rls.out
as_site french "SELECT count(*) FROM fleet.rewrite" >rls.out
expect_grep "nor reads the centre's rewrite log" 'permission denied for table rewrite' rls.out
expect_eq "swiss's rows unchanged" "$sum_swiss" \
    "$(pg_psql fleet "SELECT md5(string_agg(body::text, '' ORDER BY rid)) FROM fleet.record WHERE site = 'swiss'")"
expect_exit "french's role cannot push as swiss" 2 "$RIPOSTE" fleet push --dsn-file french.dsn \
    --site swiss --db swiss.db
expect_grep "says whose role it is" "pushes for the practice 'french', not 'swiss'" "$T/.err"

# a journal rewritten at the practice and pushed again: the centre keeps the original
seq=$(sqlite3 swiss.db "SELECT seq FROM journal WHERE case_id = 1 AND kind = 'cost' ORDER BY seq LIMIT 1")
sqlite3 swiss.db "DROP TRIGGER journal_no_update; UPDATE journal SET text = 'cost it: CHF 1.00' WHERE case_id = 1 AND seq = $seq;"
expect_exit "push of the rewritten journal" 0 "$RIPOSTE" fleet push --dsn-file swiss.dsn --site swiss \
    --db swiss.db --config "$EX"
expect_eq "the centre logged the rewrite with the original" "journal:1:$seq CHF 18" \
    "$(pg_psql fleet "SELECT rid || ' ' || substring(old_body->>'text' from 'CHF [0-9]+') FROM fleet.rewrite WHERE site = 'swiss'")"
expect_eq "the case is pushed as not intact" false \
    "$(pg_psql fleet "SELECT body->>'intact' FROM fleet.record WHERE site = 'swiss' AND rid = 'case:1'")"
"$RIPOSTE" fleet status --dsn-file admin.dsn --format jsonl >status2.jsonl
expect_grep "status counts it" '"site":"swiss".*"rewritten":1,' status2.jsonl

# --- the offline queue: the server stopped mid-push ----------------------------------
sqlite3 swiss.db "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO alert_log(time, type, case_id, text, data) SELECT strftime('%s','now') - 600 - i,
'canary-read', 1, 'a canary file was read (noted; a read alone is not acted on)',
'{\"kind\":\"canary-read\",\"pid\":' || i || '}' FROM n;"
want=$(sqlite3 swiss.db "SELECT count(*) FROM alert_log")
# each batch (1,000 records) takes 0.3 s more, so that the push is caught in its middle
pg_psql fleet "CREATE FUNCTION public.test_slow() RETURNS trigger LANGUAGE plpgsql AS
\$\$ BEGIN PERFORM pg_sleep(0.3); RETURN NULL; END \$\$;
CREATE TRIGGER test_slow AFTER INSERT ON fleet.record FOR EACH STATEMENT EXECUTE FUNCTION public.test_slow();"
"$RIPOSTE" fleet push --dsn-file swiss.dsn --site swiss --db swiss.db --config "$EX" >mid.out 2>mid.err &
PPID2=$!
i=0
while [ "$(pg_psql fleet "SELECT count(*) FROM fleet.record WHERE site = 'swiss' AND kind = 'alert'" 2>/dev/null || echo 0)" -lt 2000 ] &&
    [ $i -lt 200 ]; do i=$((i + 1)); sleep 0.05; done
pg_stop
wait "$PPID2"
expect_eq "a push that loses the centre exits 2" 2 "$?"
PPID2=
expect_grep "it says the centre went away" "the centre went away" mid.err
expect_grep "and how many stay queued" "queued: the centre was not reached" mid.out
left=$(sqlite3 swiss.db "SELECT count(*) FROM fleet_queue")
[ "$left" -gt 0 ] && [ "$left" -lt "$want" ] && ok "part of it was sent, $left stay queued" ||
	fail "mid-push: $left of $want queued"
expect_exit "a push while the server is down" 2 "$RIPOSTE" fleet push --dsn-file swiss.dsn --site swiss \
    --db swiss.db --config "$EX"
expect_grep "says it cannot reach the centre" "cannot reach the centre" "$T/.err"
expect_grep "and the queue's length" "^$left queued" "$T/.out"
pg_restart || fail "the server did not start again"
pg_psql fleet "DROP TRIGGER test_slow ON fleet.record; DROP FUNCTION public.test_slow();"
expect_exit "the push once it is back" 0 "$RIPOSTE" fleet push --dsn-file swiss.dsn --site swiss \
    --db swiss.db --config "$EX"
expect_grep "sends the rest" "sent $left to the centre; 0 queued" "$T/.out"
expect_eq "every alert exactly once at the centre" "$want $want" \
    "$(pg_psql fleet "SELECT count(*) || ' ' || count(DISTINCT rid) FROM fleet.record WHERE site = 'swiss' AND kind = 'alert'")"
expect_eq "every record exactly once" \
    "$(sqlite3 swiss.db "SELECT (SELECT count(*) FROM fleet_sent) + (SELECT count(*) FROM alert_log)")" \
    "$(pg_psql fleet "SELECT count(*) FROM fleet.record WHERE site = 'swiss'")"
expect_eq "the queue is empty" 0 "$(sqlite3 swiss.db "SELECT count(*) FROM fleet_queue")"

# --- migration: a centre of version 1, pushed to, migrated, pushed again ---------------
pg_psql postgres "CREATE DATABASE fleetv1"
printf 'host=%s user=postgres dbname=fleetv1\n' "$PGSOCK" >v1.dsn
expect_exit "init at version 1" 0 "$RIPOSTE" fleet init --dsn-file v1.dsn --schema-version 1
expect_grep "version 1" "created: version 1" "$T/.out"
"$RIPOSTE" fleet site add old-practice --dsn-file v1.dsn >old.dsn 2>/dev/null
expect_eq "site add on version 1" 0 "$?"
chmod 600 old.dsn
french_practice old.db old.conf "$(iso '-4 days')" "$(iso '-4 days -2 hours')" || fail "old case"
expect_exit "push to version 1" 0 "$RIPOSTE" fleet push --dsn-file old.dsn --site old-practice \
    --db old.db --config old.conf
n_old=$(pg_psql fleetv1 "SELECT count(*) FROM fleet.record")
[ "$n_old" -gt 5 ] && ok "version 1 holds $n_old records" || fail "version 1 holds $n_old records"
expect_exit "status needs version 2" 2 "$RIPOSTE" fleet status --dsn-file v1.dsn
expect_grep "and says how to get it" "schema is version 1: run 'riposte fleet init'" "$T/.err"
expect_eq "version 1 has no due column" 0 \
    "$(pg_psql fleetv1 "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'fleet' AND table_name = 'record' AND column_name = 'due'")"
expect_exit "init migrates" 0 "$RIPOSTE" fleet init --dsn-file v1.dsn --schema-version 2
expect_grep "from 1 to 2" "migrated from version 1 to 2" "$T/.out"
expect_exit "status after the migration" 1 "$RIPOSTE" fleet status --dsn-file v1.dsn --format csv
expect_grep "the records pushed before are counted (columns filled)" '^old-practice,1,[1-9][0-9]*,' "$T/.out"
RIPOSTE_DB=old.db RIPOSTE_CONF=old.conf "$RIPOSTE" case log "restored from the backup of Friday" 2>/dev/null
expect_exit "push after the migration" 0 "$RIPOSTE" fleet push --dsn-file old.dsn --site old-practice \
    --db old.db --config old.conf
expect_grep "sends what is new (the entry, the case's new head)" "2 new or changed" "$T/.out"
expect_eq "one more record" $((n_old + 1)) "$(pg_psql fleetv1 "SELECT count(*) FROM fleet.record")"
expect_exit "push --resend" 0 "$RIPOSTE" fleet push --dsn-file old.dsn --site old-practice \
    --db old.db --config old.conf --resend
expect_grep "sends everything again" "sent $((n_old + 1)) to the centre" "$T/.out"
expect_eq "and stores it once" $((n_old + 1)) "$(pg_psql fleetv1 "SELECT count(*) FROM fleet.record")"
expect_eq "the migrated rows have their typed columns" "$(pg_psql fleetv1 "SELECT count(*) FROM fleet.record WHERE kind = 'deadline'")" \
    "$(pg_psql fleetv1 "SELECT count(*) FROM fleet.record WHERE kind = 'deadline' AND due IS NOT NULL AND state IS NOT NULL")"
# version 2 (the previous schema) to 3: the week's alerts get their own index; status
# says the same before and after, at one time (the alerts of the week included)
at=$(iso '-4 days -1 hour')
alert_row old.db "$(iso '-4 days -90 minutes')" alert 1 '{"kind":"alert","pid":1,"action":"stop","result":"stopped"}'
alert_row old.db "$(iso '-4 days -80 minutes')" canary-read 1 '{"kind":"canary-read","pid":2}'
expect_exit "push an alert and a canary read at version 2" 0 "$RIPOSTE" fleet push --dsn-file old.dsn \
    --site old-practice --db old.db --config old.conf
expect_exit "status at version 2" 1 env RIPOSTE_NOW="$at" "$RIPOSTE" fleet status --dsn-file v1.dsn --format jsonl
cp "$T/.out" status-v2.jsonl
expect_grep "status at version 2 counts the alert, not the canary read" '"alerts_7d":1,' status-v2.jsonl
expect_exit "init migrates 2 to 3" 0 "$RIPOSTE" fleet init --dsn-file v1.dsn
expect_grep "from 2 to 3" "migrated from version 2 to 3" "$T/.out"
expect_eq "version 3's index" "record_alert_week" \
    "$(pg_psql fleetv1 "SELECT indexname FROM pg_indexes WHERE schemaname = 'fleet' AND indexname = 'record_alert_week'")"
expect_exit "status at version 3" 1 env RIPOSTE_NOW="$at" "$RIPOSTE" fleet status --dsn-file v1.dsn --format jsonl
expect_eq "status says the same at version 2 and 3" "$(cat status-v2.jsonl)" "$(cat "$T/.out")"
expect_exit "init again at 3" 0 "$RIPOSTE" fleet init --dsn-file v1.dsn
expect_grep "nothing to do" "at version 3: nothing to do" "$T/.out"

# --- TLS: verify-full to a centre that is not this machine -----------------------------
(
cd "$PGDIR" || exit 1
for ca in ca other; do
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=riposte test $ca CA" \
	    -keyout "$ca.key" -out "$ca.crt" >/dev/null 2>&1 || exit 1
done
openssl req -newkey rsa:2048 -nodes -subj "/CN=fleet.example" -keyout server.key -out server.csr \
    >/dev/null 2>&1 || exit 1
printf 'subjectAltName=DNS:fleet.example\n' >san.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
    -extfile san.ext -out server.crt >/dev/null 2>&1 || exit 1
chmod 600 server.key
[ -n "$PG_RUNAS" ] && chown nobody:nogroup server.key server.crt
exit 0
) || fail "openssl made no certificates"
tls_up=0
for try in 1 2 3 4 5; do
	PORT=$((20000 + ($$ * 7 + try * 1013) % 40000))
	if pg_restart "-c ssl=on -c ssl_cert_file='$PGDIR/server.crt' -c ssl_key_file='$PGDIR/server.key' \
-c listen_addresses=127.0.0.1 -c port=$PORT" >/dev/null 2>&1; then tls_up=1; break; fi
done
if [ "$tls_up" = 1 ]; then
	printf 'host=fleet.example hostaddr=127.0.0.1 port=%s dbname=fleet user=postgres sslrootcert=%s\n' \
	    "$PORT" "$PGDIR/ca.crt" >tls.dsn
	expect_exit "verify-full with the centre's CA" 1 "$RIPOSTE" fleet status --dsn-file tls.dsn
	expect_grep "and the view comes" '^! swiss ' "$T/.out"
	sed "s|$PGDIR/ca.crt|$PGDIR/other.crt|" tls.dsn >tls-other.dsn
	expect_exit "another CA: refused" 2 "$RIPOSTE" fleet status --dsn-file tls-other.dsn
	expect_grep "the certificate does not verify" "certificate verify failed" "$T/.err"
	sed "s|host=fleet.example|host=other.example|" tls.dsn >tls-name.dsn
	expect_exit "another name: refused" 2 "$RIPOSTE" fleet status --dsn-file tls-name.dsn
	expect_grep "the name does not match" 'does not match host name "other.example"' "$T/.err"
	sed "s|\$| sslmode=require|" tls.dsn >tls-req.dsn
	expect_exit "sslmode=require to a remote centre: refused before connecting" 2 \
	    "$RIPOSTE" fleet status --dsn-file tls-req.dsn
	expect_grep "says verify-full" "needs sslmode=verify-full" "$T/.err"
else
	fail "no free port for the TLS cluster"
fi
[ "$WATCHED" = 1 ] || echo "# note: the alerts were not watch's own (watch cannot run here)"
done_testing
