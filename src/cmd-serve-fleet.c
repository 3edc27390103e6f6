/*
 * riposte serve --fleet: the centre's connection string read and checked as `riposte
 * fleet` reads it (src/cmd-fleet.c fleet_connect), without connecting: the fleet page
 * connects for each request (lib/serve/page-fleet.c), and a centre down at start-up is
 * said on the page, not a reason not to serve.
 */
#include <errno.h>
#include <string.h>

#include "cmd-serve.h"
#include "core/err.h"
#include "fleet/fleet.h"

int
serve_fleet_dsn(struct rp_cli *cli, const char *dsn, const char *dsn_file, struct rp_buf *out)
{
	struct rp_buf err = RP_BUF_INIT;
	struct rp_fleet_dsn_info in;
	int r, line = 0, shared = 0, rc = -1;

	if ((dsn == NULL) == (dsn_file == NULL)) {
		rp_err(cli, dsn ? "--dsn and --dsn-file: give one of them" : "--fleet: where is the "
		    "centre? give --dsn-file FILE (or --dsn DSN without a password)");
		return -1;
	}
	if (dsn_file) {
		if ((r = rp_fleet_dsn_file(dsn_file, out, &line, &shared)) != 0) {
			if (r == RP_ERR_FORMAT)
				rp_err(cli, "'%s' line %d: a DSN file holds one connection string (and '#' "
				    "comments)", dsn_file, line);
			else if (r == RP_ERR_SYSTEM)
				rp_err(cli, "cannot read '%s': %s", dsn_file, strerror(errno));
			else
				rp_err(cli, "'%s': %s", dsn_file, r == RP_ERR_TOOBIG ?
				    "longer than 4 KiB: not a DSN file" : rp_strerror(r));
			goto out;
		}
	} else {
		rp_buf_addstr(out, dsn);
	}
	if ((r = rp_fleet_dsn_inspect(out->buf, &in, &err)) != 0) {
		rp_err(cli, "%s%s%s: not a connection string: %s", dsn_file ? "'" : "--dsn",
		    dsn_file ? dsn_file : "", dsn_file ? "'" : "", err.buf);
		goto out;
	}
	if (in.password && dsn) {
		rp_err(cli, "--dsn: a password in the arguments is seen by every user of this machine "
		    "(ps): put the DSN in a file of mode 600 and give --dsn-file FILE, or the password "
		    "in PGPASSFILE");
		goto out;
	}
	if (in.password && shared) {
		rp_err(cli, "'%s' holds a password and group or others may read it: chmod 600 '%s'",
		    dsn_file, dsn_file);
		goto out;
	}
	rp_buf_reset(&err);
	if ((r = rp_fleet_dsn_tls(&in, NULL, &err)) != 0) {
		rp_err(cli, "%s", err.len ? err.buf : rp_strerror(r));
		goto out;
	}
	rc = 0;
out:
	if (rc != 0 && out->len)
		explicit_bzero(out->buf, out->len);
	rp_buf_release(&err);
	return rc;
}
