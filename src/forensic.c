/* Helpers shared by the forensic subcommands. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "case/journal.h"
#include "core/err.h"
#include "forensic.h"
#include "store/store.h"

char *
fx_abs_root(const struct rp_cli *cli, const char *root)
{
	char *abs = realpath(root, NULL);

	if (abs == NULL)
		rp_err(cli, "cannot resolve '%s': %s", root, strerror(errno));
	return abs;
}

unsigned
fx_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

void
fx_perm_string(uint32_t m, char out[10])
{
	const char *rwx = "rwxrwxrwx";
	int i;

	for (i = 0; i < 9; i++)
		out[i] = (m & (0400u >> i)) ? rwx[i] : '-';
	if (m & S_ISUID)
		out[2] = (m & S_IXUSR) ? 's' : 'S';
	if (m & S_ISGID)
		out[5] = (m & S_IXGRP) ? 's' : 'S';
	if (m & S_ISVTX)
		out[8] = (m & S_IXOTH) ? 't' : 'T';
	out[9] = '\0';
}

int
fx_store_open(const struct rp_cli *cli, const char *db, int create, struct rp_store **st)
{
	int r = rp_store_open(st, db, create ? RP_STORE_CREATE : 0);

	if (r != 0) {
		if (r == RP_ERR_SYSTEM)
			rp_err(cli, "cannot open the database '%s': %s", db, strerror(errno));
		else
			rp_err(cli, "cannot open the database '%s': %s", db, rp_strerror(r));
	}
	return r;
}

int
fx_attach_case(const struct rp_cli *cli, const char *db, int64_t case_id,
    const char *kind, const char *text, const char *json)
{
	struct rp_store *st = NULL;
	int r;

	if ((r = fx_store_open(cli, db, 0, &st)) != 0)
		return r;
	r = rp_journal_append(st, case_id, cli->now, kind, "riposte", text, json, NULL);
	if (r == RP_ERR_NOTFOUND)
		rp_err(cli, "--case: no open incident case in '%s' (riposte case open)", db);
	else if (r != 0)
		rp_err(cli, "--case: cannot record the result in '%s': %s", db, rp_strerror(r));
	rp_store_close(st);
	return r;
}

void
fx_human_bytes(struct rp_buf *b, uint64_t n)
{
	static const char *const unit[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	double v = (double)n;
	int u = 0;

	while (v >= 1024 && u < 4) {
		v /= 1024;
		u++;
	}
	if (u == 0)
		rp_buf_addf(b, "%llu B", (unsigned long long)n);
	else
		rp_buf_addf(b, "%.1f %s", v, unit[u]);
}
