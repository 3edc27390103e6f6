# Sourced by the fleet golden tests: a PostgreSQL cluster of their own (tests/fleet-pg.sh)
# with four practices pushed at fixed times: the Swiss reference case (an alert acted
# on), the French one (an alert, an older one, a canary read), one that never pushed and
# one with nothing open. The views are asked at RIPOSTE_NOW=2026-11-23T12:00+01:00.
set -u
d=$(mktemp -d "${TMPDIR:-/tmp}/riposte-golden.XXXXXX") || exit 2
. "$TOP/tests/fleet-pg.sh"
. "$TOP/tests/fleet-cases.sh"
trap 'pg_stop; rm -rf "$d"' EXIT
cd "$d" || exit 2
export TZ=Europe/Zurich RIPOSTE_ACTOR=it-provider
unset RIPOSTE_DATA RIPOSTE_DB RIPOSTE_CONF RIPOSTE_NOW
r() { echo "\$ riposte $*"; "$RIPOSTE" "$@"; echo "[exit $?]"; }
quiet() { "$@" >/dev/null 2>"$d/.err" || { echo "failed: $*"; cat "$d/.err"; exit 1; }; }

if pg_missing; then
	echo "PostgreSQL's initdb and pg_ctl are missing (scripts/packages.d/fleet.txt)"
	exit 1
fi
pg_start "$d/pg" >/dev/null || { echo "the test's PostgreSQL did not start"; exit 1; }
pg_psql postgres "CREATE DATABASE fleet" || exit 1
echo "host=$PGSOCK user=postgres dbname=fleet" >admin.dsn
quiet "$RIPOSTE" fleet init --dsn-file admin.dsn
for s in swiss french silent quiet; do
	"$RIPOSTE" fleet site add "$s" --dsn-file admin.dsn >"$s.dsn" 2>/dev/null || exit 1
	chmod 600 "$s.dsn"
done
swiss_practice swiss.db 2026-11-20T08:00:00+01:00 2026-11-20T06:30:00+01:00 || exit 1
french_practice french.db fr.conf 2026-11-19T12:00:00+01:00 2026-11-19T10:00:00+01:00 || exit 1
EX=$TOP/data/examples/riposte.conf
push() {  # SITE DB CONF NOW
	RIPOSTE_NOW=$4 quiet "$RIPOSTE" fleet push --dsn-file "$1.dsn" --site "$1" --db "$2" --config "$3"
}
push swiss swiss.db "$EX" 2026-11-22T08:00:00+01:00
push french french.db fr.conf 2026-11-22T08:00:00+01:00
# then watch fired (rows as watch writes them; the end-to-end test runs watch itself)
alert_row swiss.db 2026-11-22T05:41:07Z alert 1 '{"kind":"alert","time":"2026-11-22T05:41:07Z","pid":4242,"pids":[4242],"exe":"/tmp/.x/enc","cmdline":"/tmp/.x/enc /srv/share","uid":0,"files":["/srv/share/Patients/a.docx"],"files_touched":3,"signals":{"canary":1},"score":100,"action":"stop","result":"stopped","blocked":false}'
alert_row french.db 2026-11-10T09:00:00Z alert 0 '{"kind":"alert","time":"2026-11-10T09:00:00Z","pid":99,"exe":"/usr/bin/7z","cmdline":"7z a -p x.7z /srv/partage","uid":1000,"files_touched":40,"action":"stop","result":"stopped"}'
alert_row french.db 2026-11-21T16:20:00Z canary-read 1 '{"kind":"canary-read","time":"2026-11-21T16:20:00Z","pid":777,"exe":"/usr/bin/python3","cmdline":"python3 sync.py","uid":1000,"path":"/srv/partage/!Accounts-2026.csv"}'
alert_row french.db 2026-11-22T23:02:10Z alert 1 '{"kind":"alert","time":"2026-11-22T23:02:10Z","pid":1312,"exe":"/usr/bin/openssl","cmdline":"openssl enc -aes-256-cbc","uid":1000,"files_touched":7,"signals":{"write-random":7},"score":120,"action":"stop","result":"stopped"}'
push swiss swiss.db "$EX" 2026-11-23T08:00:00+01:00
push french french.db fr.conf 2026-11-23T08:00:00+01:00
push quiet quiet.db "$EX" 2026-11-23T07:30:00+01:00
export RIPOSTE_NOW=2026-11-23T12:00:00+01:00
