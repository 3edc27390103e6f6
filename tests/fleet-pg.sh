# A throwaway PostgreSQL cluster for the fleet tests (sourced; needs $TOP and a temp dir
# of the caller's). Debian's initdb and pg_ctl, the data and the socket in the caller's
# dir, no TCP (listen_addresses ''), run as nobody when the caller is root (the server
# refuses root). The cluster is copied from a template made once per build tree
# ($TOP/build/tests/pg-template-VERSION: initdb is the slow part), started, and
# stopped by pg_stop, which the caller's EXIT trap must call.
#
#   pg_start DIR     starts a cluster in DIR (made here); sets PGDIR, PGSOCK, PGBIN,
#                    PGPASSFILE (the superuser's password: never in an argument) and
#                    ADMIN_DSN ("host=PGSOCK user=postgres dbname=postgres")
#   pg_psql DB SQL   runs SQL as the superuser in database DB (-v ON_ERROR_STOP=1 -qAt)
#   pg_stop          stops it at once (-m immediate); harmless when not running
#   pg_restart [OPTIONS]  stops it and starts it again (with more server OPTIONS)

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
PG_RUNAS=
PGDIR=

pg_missing() {
	[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] &&
	    command -v psql >/dev/null && return 1
	return 0
}

# pg_as COMMAND...: as the cluster's owner
pg_as() {
	if [ -n "$PG_RUNAS" ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
	else
		"$@"
	fi
}

pg_template() {
	v=$(basename "$(dirname "$PGBIN")")
	tpl=$TOP/build/tests/pg-template-$v
	[ -f "$tpl/data/PG_VERSION" ] && return 0
	mkdir -p "$TOP/build/tests" || return 1
	tmp=$PGDIR/template
	mkdir -p "$tmp" || return 1
	printf '%s\n' "riposte-test-admin" >"$tmp/pw"
	[ -n "$PG_RUNAS" ] && chown -R nobody:nogroup "$tmp"
	pg_as "$PGBIN/initdb" -D "$tmp/data" -U postgres --pwfile="$tmp/pw" \
	    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 --no-sync >"$tmp/initdb.log" 2>&1 || {
		cat "$tmp/initdb.log"
		return 1
	}
	rm -f "$tmp/pw"
	# another test may have made it meanwhile: the first rename wins
	cp -a "$tmp" "$tpl.$$" && { mv -T "$tpl.$$" "$tpl" 2>/dev/null || rm -rf "$tpl.$$"; }
	rm -rf "$tmp"
	[ -f "$tpl/data/PG_VERSION" ]
}

pg_start() {
	PGDIR=$1
	PGSOCK=$PGDIR
	mkdir -p "$PGDIR" || return 1
	if [ "$(id -u)" = 0 ]; then
		PG_RUNAS=nobody
		# nobody must reach its directory: the caller's temp dir is 0700
		chmod o+x "$(dirname "$PGDIR")"
		chown nobody:nogroup "$PGDIR"
		pg_as test -w "$PGDIR" || { echo "pg_start: nobody cannot reach $PGDIR"; return 1; }
	fi
	pg_template || return 1
	cp -a "$TOP/build/tests/pg-template-$(basename "$(dirname "$PGBIN")")/data" "$PGDIR/data" ||
		return 1
	[ -n "$PG_RUNAS" ] && chown -R nobody:nogroup "$PGDIR/data"
	chmod 700 "$PGDIR/data"
	PGPASSFILE=$PGDIR/../pgpass
	printf '*:*:*:postgres:riposte-test-admin\n' >"$PGPASSFILE"
	chmod 600 "$PGPASSFILE"
	export PGPASSFILE
	ADMIN_DSN="host=$PGSOCK user=postgres dbname=postgres"
	pg_restart
}

pg_restart() {
	pg_stop
	pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 60 -o "-c listen_addresses='' \
-c unix_socket_directories='$PGSOCK' -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=40 $*" start >"$PGDIR/pg_ctl.out" 2>&1 || {
		cat "$PGDIR/pg_ctl.out" "$PGDIR/log" 2>/dev/null | tail -n 20
		return 1
	}
}

pg_stop() {
	[ -n "$PGDIR" ] && [ -f "$PGDIR/data/postmaster.pid" ] &&
		pg_as "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1
	return 0
}

pg_psql() {
	db=$1
	shift
	psql "host=$PGSOCK user=postgres dbname=$db" -v ON_ERROR_STOP=1 -qAt -c "$*"
}
