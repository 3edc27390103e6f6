# fleet's refusals before a centre is asked anything: no DSN, a password in the
# arguments or in a file others may read, a weaker sslmode for a remote centre, bad
# names, formats and times, unknown options after the operands; and a push with no
# server at the socket: the records stay queued (exit 2).
set -u
d=$(mktemp -d "${TMPDIR:-/tmp}/riposte-golden.XXXXXX") || exit 2
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 2
export TZ=Europe/Zurich RIPOSTE_NOW=2026-11-23T12:00:00+01:00
unset RIPOSTE_DATA RIPOSTE_DB RIPOSTE_CONF PGHOST PGPASSFILE
rx() {
	echo "\$ riposte $*" | sed "s|$d|TMP|g; s|$TOP|TOP|g"
	"$RIPOSTE" "$@" >out 2>&1
	e=$?
	sed "s|$d|TMP|g" out
	echo "[exit $e]"
}
rx fleet
rx fleet frobnicate
rx fleet status
rx fleet status --dsn "host=db.example dbname=fleet user=praxis password=secret"
rx fleet status --dsn "postgresql://praxis:secret@db.example/fleet"
rx fleet status --dsn "host=fleet.example.net dbname=fleet sslmode=require"
rx fleet status --dsn "host=10.0.0.5,localhost dbname=fleet sslmode=prefer"
rx fleet status --dsn "host=fleet.example.net" --dsn-file x.dsn
printf 'host=db.example dbname=fleet user=praxis password=secret\n' >shared.dsn
chmod 644 shared.dsn
rx fleet status --dsn-file shared.dsn
printf '# the centre\nhost=a\nhost=b\n' >two.dsn
rx fleet status --dsn-file two.dsn
rx fleet status --dsn-file missing.dsn
rx fleet status --dsn "host='unterminated"
rx fleet status --dsn "host=/nonexistent" --format xml
rx fleet status --dsn "host=/nonexistent" --frobnicate
rx fleet push --dsn "host=/nonexistent"
rx fleet push --dsn "host=/nonexistent" --site Praxis_Muster
rx fleet site add --dsn "host=/nonexistent"
rx fleet site add "Praxis Muster" --dsn "host=/nonexistent"
rx fleet alerts --dsn "host=/nonexistent" --since yesterday
rx fleet init --dsn "host=/nonexistent" --schema-version 4
# no server there: what changed is queued, and stays queued
mkdir nosock
rx fleet push --dsn "host=$d/nosock dbname=fleet user=riposte_site_praxis" --site praxis \
    --db praxis.db --config "$TOP/data/examples/riposte.conf" --format jsonl
rx fleet push --dsn "host=$d/nosock dbname=fleet user=riposte_site_praxis" --site praxis \
    --db praxis.db --config "$TOP/data/examples/riposte.conf"
