#include <pwd.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "case/journal.h"
#include "cli-journal.h"
#include "core/err.h"
#include "store/store.h"

/*
 * Who the journal names: $RIPOSTE_ACTOR when set (a provider working for someone, the
 * tests); else the person behind sudo (an IT provider runs riposte as root, and "root"
 * in a journal an insurer reads names nobody); else the login name of the effective user.
 */
const char *
rp_cli_actor(void)
{
	const char *s = getenv("RIPOSTE_ACTOR");
	struct passwd *pw;

	if (s && *s)
		return s;
	if ((s = getenv("SUDO_USER")) != NULL && *s)
		return s;
	if ((pw = getpwuid(geteuid())) != NULL)
		return pw->pw_name;
	return "unknown";
}

int
rp_cli_journal(const struct rp_cli *cli, int quiet, const char *kind, const char *text,
    const char *data)
{
	struct rp_store *st = NULL;
	int r, rc;

	/* case 0: the open case, looked up inside append's own transaction */
	if ((r = rp_store_open(&st, cli->db_path, 0)) == 0)
		r = rp_journal_append(st, 0, cli->now, kind, rp_cli_actor(), text, data, NULL);
	if (r == 0) {
		rc = 0;
	} else if (r == RP_ERR_NOTFOUND) {
		if (!quiet)
			fprintf(stderr, "%s: %s: no open case: not journaled\n", cli->argv0, cli->cmd);
		rc = 1;
	} else {
		if (!quiet)
			rp_warn(cli, "cannot journal in '%s': %s%s%s", cli->db_path, rp_strerror(r),
			    r == RP_ERR_DB ? ": " : "", r == RP_ERR_DB ? rp_store_errmsg(st) : "");
		rc = -1;
	}
	rp_store_close(st);
	return rc;
}
