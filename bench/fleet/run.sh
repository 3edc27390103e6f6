#!/bin/sh
# Fleet benchmark: BENCH_SITES practices (default 1,000) each push one day of records to
# a throwaway PostgreSQL (tests/fleet-pg.sh: initdb template, a Unix socket in the temp
# dir, as nobody when run as root; fsync off, as in the tests); then `fleet status`
# over all of them, timed end to end (process, connection, query, output).
# One day of a practice: the Swiss reference case open (its deadlines, its journal),
# the site check's findings of its profile, canaries, and BENCH_ALERTS watch entries
# (default 48: an alert or a canary read every half hour). Each practice has its own
# role, DSN file and store (copies of one store made once).
# Side by side, the floor: the same number of rows of the same size written by the
# server alone (one INSERT ... SELECT into a copy of fleet.record, timed by psql's
# \timing: no client process, no connection, no upsert check).
#   BENCH_SITES=1000  BENCH_ALERTS=48  BENCH_JOBS=2 (pushes at once)  BENCH_STATUS_RUNS=20
#   BENCH_TIMED=10
# Prints a markdown table on stdout; progress on stderr. Not run by make check.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
RIPOSTE=${RIPOSTE:-$TOP/build/riposte}
sites=${BENCH_SITES:-1000}
alerts=${BENCH_ALERTS:-48}
jobs=${BENCH_JOBS:-2}
runs=${BENCH_STATUS_RUNS:-20}
[ -x "$RIPOSTE" ] || make -C "$TOP" --no-print-directory all >&2
. "$TOP/tests/fleet-pg.sh"
. "$TOP/tests/fleet-cases.sh"
pg_missing && { echo "bench: PostgreSQL's initdb and pg_ctl are not installed" >&2; exit 2; }
W=$(mktemp -d "${TMPDIR:-/tmp}/riposte-fleetbench.XXXXXX")
chmod 755 "$W"
trap 'pg_stop; rm -rf "$W"' EXIT
# a copy of its own: a rebuild during the run must not change the binary under test
# (and its PDF module beside it, as in the build tree: status does not load it)
cp "$RIPOSTE" "$W/riposte"
[ -f "$(dirname "$RIPOSTE")/riposte-pdf.so" ] && cp "$(dirname "$RIPOSTE")/riposte-pdf.so" "$W/"
RIPOSTE=$W/riposte
cd "$W"
export TZ=UTC RIPOSTE_ACTOR=it-provider
unset RIPOSTE_DATA RIPOSTE_DB RIPOSTE_CONF RIPOSTE_NOW PGHOST

now() { date +%s.%N; }
ms() { echo "$1 $2" | awk '{ printf "%.0f", ($2 - $1) * 1000 }'; }

pg_start "$W/pg" >&2
pg_psql postgres "CREATE DATABASE fleet"
echo "host=$PGSOCK user=postgres dbname=fleet" >admin.dsn
"$RIPOSTE" fleet init --dsn-file admin.dsn >&2

# one practice's day, made once
day=$(date -u +%Y-%m-%dT00:00:00Z)
swiss_practice tpl.db "$(date -u -d "$day" +%Y-%m-%dT08:00:00Z)" "$(date -u -d "$day" +%Y-%m-%dT06:30:00Z)"
mkdir share
"$RIPOSTE" canary deploy share >/dev/null
"$RIPOSTE" fleet push --dsn "host=$W/nowhere" --site tpl --db tpl.db --config \
    "$TOP/data/examples/riposte.conf" >/dev/null 2>&1 || true   # the alert log's table
sqlite3 tpl.db "DELETE FROM fleet_queue; DELETE FROM fleet_sent; DELETE FROM fleet_state;"
t0=$(date -u -d "$day" +%s)
sqlite3 tpl.db "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $alerts - 1)
INSERT INTO alert_log(time, type, case_id, text, data) SELECT $t0 + i * 86400 / $alerts,
CASE WHEN i % 4 = 0 THEN 'alert' ELSE 'canary-read' END, 1,
CASE WHEN i % 4 = 0 THEN 'ransomware behaviour detected and acted on'
ELSE 'a canary file was read (noted; a read alone is not acted on)' END,
'{\"kind\":\"' || CASE WHEN i % 4 = 0 THEN 'alert' ELSE 'canary-read' END ||
'\",\"time\":\"' || strftime('%Y-%m-%dT%H:%M:%SZ', $t0 + i * 86400 / $alerts, 'unixepoch') ||
'\",\"pid\":' || (4000 + i) || ',\"exe\":\"/usr/bin/python3\",\"cmdline\":\"python3 sync.py\",\"uid\":1000,' ||
'\"path\":\"/srv/share/!Accounts-2026.csv\",\"files_touched\":3,\"action\":\"stop\",\"result\":\"stopped\"}' FROM n;"

# the practices: BENCH_TIMED through `fleet site add` (timed), the rest as it makes them
# (the site's row, a login role in riposte_practice with a password, CONNECT) in one
# transaction of SQL, so that the set-up of 1,000 takes seconds on a loaded machine
timed=${BENCH_TIMED:-10}
[ "$timed" -le "$sites" ] || timed=$sites
echo "bench: $sites practices ($timed by site add)" >&2
mkdir dsn db
name() { printf 'p%04d' "$1"; }
ta=$(now)
i=1
while [ "$i" -le "$timed" ]; do
	"$RIPOSTE" fleet site add "$(name "$i")" --dsn-file admin.dsn >"dsn/$(name "$i")" 2>/dev/null ||
		echo "bench: site add $(name "$i") failed" >&2
	i=$((i + 1))
done
tb=$(now)
{
	echo "BEGIN;"
	while [ "$i" -le "$sites" ]; do
		s=$(name "$i")
		echo "INSERT INTO fleet.site (name, role) VALUES ('$s', 'riposte_site_$s');"
		echo "CREATE ROLE riposte_site_$s LOGIN CONNECTION LIMIT 4 PASSWORD 'bench-$s' IN ROLE riposte_practice;"
		echo "GRANT CONNECT ON DATABASE fleet TO riposte_site_$s;"
		echo "host=$PGSOCK dbname=fleet user=riposte_site_$s password=bench-$s" >"dsn/$s"
		i=$((i + 1))
	done
	echo "COMMIT;"
} >roles.sql
psql "host=$PGSOCK user=postgres dbname=fleet" -v ON_ERROR_STOP=1 -q -f roles.sql
chmod 600 dsn/*
i=1
while [ "$i" -le "$sites" ]; do
	cp tpl.db "db/$(name "$i").db"
	i=$((i + 1))
done

echo "bench: $sites pushes, $jobs at once" >&2
push_one() {
	"$RIPOSTE" fleet push --dsn-file "dsn/$1" --site "$1" --db "db/$1.db" \
	    --config "$TOP/data/examples/riposte.conf" --canary share --format jsonl >"db/$1.out" 2>&1 ||
		echo "bench: push $1 failed: $(cat "db/$1.out")" >&2
}
t1=$(now)
i=1
while [ "$i" -le "$sites" ]; do
	k=0
	while [ "$k" -lt "$jobs" ] && [ "$i" -le "$sites" ]; do
		push_one "$(name "$i")" &
		i=$((i + 1))
		k=$((k + 1))
	done
	wait
done
t2=$(now)
rows=$(pg_psql fleet "SELECT count(*) FROM fleet.record")
sent=$(cat db/*.out | sed -n 's/.*"sent":\([0-9]*\).*/\1/p' | awk '{ s += $1 } END { print s + 0 }')
bytes=$(pg_psql fleet "SELECT sum(octet_length(body::text)) FROM fleet.record")
push_ms=$(ms "$t1" "$t2")

# the floor: the server writing as many rows of the same size alone
pg_psql fleet "CREATE TABLE public.floor (LIKE fleet.record INCLUDING ALL)"
floor_ms=$(psql "host=$PGSOCK user=postgres dbname=fleet" -qAt -c '\timing on' \
    -c "INSERT INTO public.floor SELECT * FROM fleet.record" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')

# the server's own time for each status run: its statements logged with their durations
pg_psql fleet "ALTER ROLE postgres SET log_min_duration_statement = 0"
logstart=$(wc -l <"$PGDIR/log")
echo "bench: fleet status x $runs" >&2
"$RIPOSTE" fleet status --dsn-file admin.dsn --format jsonl >status.jsonl || [ $? = 1 ]
nsites=$(grep -c '"kind":"site"' status.jsonl)
: >lat
r=0
while [ "$r" -lt "$runs" ]; do
	s1=$(now)
	"$RIPOSTE" fleet status --dsn-file admin.dsn --format jsonl >/dev/null || [ $? = 1 ]
	s2=$(now)
	ms "$s1" "$s2" >>lat
	echo >>lat
	r=$((r + 1))
done
# what the client process itself costs, robust to a loaded machine: its CPU time (user +
# system) and its page faults (minor: the loading of its libraries), by /usr/bin/time
: >cpu
if [ -x /usr/bin/time ]; then
	r=0
	while [ "$r" -lt "$runs" ]; do
		/usr/bin/time -f '%U %S %R' -a -o cpu "$RIPOSTE" fleet status --dsn-file admin.dsn \
		    --format jsonl >/dev/null 2>&1 || true
		/usr/bin/time -f 'v %U %S %R' -a -o cpu "$RIPOSTE" version >/dev/null 2>&1
		r=$((r + 1))
	done
fi
cpumed() {  # PREFIX: median CPU ms and page faults of the lines of cpu that start so
	grep "^$1" cpu | sed "s/^$1//" | awk '{ print ($1 + $2) * 1000, $3 }' | sort -n |
	    awk '{ c[NR] = $1; f[NR] = $2 } END { if (NR) printf "CPU %.0f ms, %d page faults", c[int((NR + 1) / 2)], f[int((NR + 1) / 2)]; else printf "no /usr/bin/time" }'
}
# the floor of a run: starting riposte at all on this machine now
: >vlat
r=0
while [ "$r" -lt "$runs" ]; do
	s1=$(now)
	"$RIPOSTE" version >/dev/null
	s2=$(now)
	ms "$s1" "$s2" >>vlat
	echo >>vlat
	r=$((r + 1))
done
vmed=$(sort -n vlat | grep . | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
# server time per status run: the durations its backend (pid) logged, summed
tail -n +"$((logstart + 1))" "$PGDIR/log" | sed -n 's/.*\[\([0-9]*\)\] LOG:  duration: \([0-9.]*\) ms.*/\1 \2/p' |
    awk '{ t[$1] += $2 } END { for (p in t) print t[p] }' | sort -n >srv
smed=$(awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] }' srv)
smax=$(tail -n 1 srv)
sort -n lat | grep . >lat.sorted
med=$(awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }' lat.sorted)
max=$(tail -n 1 lat.sorted)
min=$(head -n 1 lat.sorted)
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "| what | measured |"
echo "|---|---|"
echo "| practices, records at the centre | $sites, $rows rows ($sent sent; $((bytes / 1024)) KiB of JSON) |"
echo "| fleet site add (a role, a SCRAM verifier), $timed practices one after the other | $(ms "$ta" "$tb") ms, $(echo "$ta $tb $timed" | awk '{ printf "%.0f", ($2 - $1) * 1000 / $3 }') ms each |"
echo "| push of one day, $sites practices, $jobs at once | $push_ms ms: $(echo "$rows $push_ms" | awk '{ printf "%.0f", $1 / ($2 / 1000) }') rows/s, $(echo "$push_ms $sites" | awk '{ printf "%.0f", $1 / $2 }') ms per practice (process, store, connection, upserts) |"
echo "| floor: the server writing the same rows alone (INSERT ... SELECT) | $floor_ms ms: $(echo "$rows $floor_ms" | awk '{ printf "%.0f", $1 / ($2 / 1000) }') rows/s |"
echo "| fleet status over $nsites practices, $runs runs, end to end | median $med ms (min $min, max $max) |"
echo "| fleet status, the server's time (its statements' logged durations per run) | median $smed ms (max $smax) |"
echo "| floor of an end-to-end run: \`riposte version\`, $runs runs | median $vmed ms |"
echo "| the client's own cost, median of $runs runs (/usr/bin/time: user + system, minor faults) | status: $(cpumed '[0-9]'); version: $(cpumed 'v ') |"
echo "| load average during the run (2 cores, shared) | $load |"
