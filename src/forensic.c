/* Helpers shared by the forensic subcommands. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "case/journal.h"
#include "forensic/baseline.h"
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
	/* case_id 0: the open case, looked up inside the journal's own transaction */
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
	char s[32];

	rp_fx_bytes(s, sizeof(s), n);
	rp_buf_addstr(b, s);
}

/* Handles option c when it is one of the shared ones: 1 handled, 0 not a shared option,
 * -1 a bad value (said). */
static int
common_opt(struct rp_cli *cli, int c, const char *arg, struct fx_common *fc,
    const char **format, struct rp_fx_opts *o)
{
	unsigned long long ull;

	switch (c) {
	case FX_OPT_FORMAT: *format = arg; return 1;
	case 'j':
		if (rp_cli_uint(cli, "--jobs", arg, 1, 256, &ull) != 0)
			return -1;
		fc->jobs = (unsigned)ull;
		return 1;
	case FX_OPT_EXCLUDE: fc->excl[fc->nexcl++] = arg; return 1;
	case FX_OPT_ATIME: o->allow_atime = o->walk.allow_atime = 1; return 1;
	case FX_OPT_CROSS: o->walk.cross_mounts = 1; return 1;
	case FX_OPT_REHASH: o->hash = RP_FX_HASH_ALL; return 1;
	case FX_OPT_DB: cli->db_path = arg; return 1;
	default: return 0;
	}
}

int
fx_parse_opts(struct rp_cli *cli, int argc, char **argv, const struct option *longopts,
    const char *usage, const char *formats, int deflt,
    int (*own)(struct rp_cli *cli, int c, const char *arg, struct rp_fx_opts *o, void *ctx),
    void *ctx, struct fx_common *fc, struct rp_fx_opts *o, int *rc)
{
	const char *format = NULL;
	int c, k;

	memset(fc, 0, sizeof(*fc));
	memset(o, 0, sizeof(*o));
	fc->jobs = fx_default_jobs();
	o->hash = RP_FX_HASH_CHANGED;
	*rc = RP_EXIT_ERROR;
	/* every argument could be an --exclude */
	if ((fc->excl = calloc((size_t)argc + 1, sizeof(*fc->excl))) == NULL) {
		rp_err(cli, "out of memory");
		return 1;
	}
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "j:h", longopts, usage)) != -1) {
		if ((k = common_opt(cli, c, optarg, fc, &format, o)) < 0)
			return 1;
		if (k > 0)
			continue;
		if (c == 'h') {
			*rc = rp_cli_usage(cli, usage, 1);
			return 1;
		}
		if (c == '?' || own == NULL || own(cli, c, optarg, o, ctx) != 0)
			return 1;   /* '?': said by rp_cli_getopt */
	}
	fc->format = deflt >= 0 ? deflt : cli->stdout_tty ? RP_FMT_TEXT : RP_FMT_JSONL;
	if (format != NULL && (fc->format = rp_cli_format(cli, format, formats)) < 0)
		return 1;
	if (optind >= argc) {
		rp_err(cli, "no PATH given");
		*rc = rp_cli_usage(cli, usage, 0);
		return 1;
	}
	o->walk.exclude = fc->excl;
	o->walk.nexclude = fc->nexcl;
	*rc = RP_EXIT_CLEAN;
	return 0;
}

void
fx_common_release(struct fx_common *fc)
{
	free(fc->excl);
	fc->excl = NULL;
	fc->nexcl = 0;
}

int
fx_case_arg(const struct rp_cli *cli, const char *arg, int64_t *case_id)
{
	unsigned long long ull;

	*case_id = 0;
	if (arg == NULL)
		return 0;
	if (rp_cli_uint(cli, "--case", arg, 1, INT64_MAX, &ull) != 0)
		return -1;
	*case_id = (int64_t)ull;
	return 0;
}

void
fx_full_path(struct rp_buf *b, const char *root, const char *rel, size_t len)
{
	size_t rl = rp_fx_root_skip(root);

	rp_buf_add(b, root, rl);
	if (len > 0) {
		if (rl == 0 || root[rl - 1] != '/')
			rp_buf_addch(b, '/');
		rp_buf_add(b, rel, len);
	}
}

int
fx_collect_hashed(const struct rp_cli *cli, struct rp_store *st, const char *root,
    const struct rp_fx_opts *o, unsigned jobs, struct rp_engine *engine,
    struct rp_fset *old, struct rp_fset *cur, struct rp_fx_stats *fs, int *found)
{
	struct rp_hashpool *pool = NULL;
	struct rp_baseline_root br;
	char *abs = NULL;
	int r;

	*found = 0;
	if ((abs = fx_abs_root(cli, root)) == NULL)
		return RP_ERR_NOTFOUND;
	r = rp_baseline_find(st, abs, &br);
	if (r == 0 && (r = rp_baseline_load(st, br.id, old)) == 0)
		*found = 1;
	if (r != 0 && r != RP_ERR_NOTFOUND) {
		rp_err(cli, "cannot read the baseline of '%s': %s", root, rp_strerror(r));
		goto out;
	}
	if ((r = rp_hashpool_new(&pool, jobs, engine)) != 0) {
		rp_err(cli, "cannot start the hashing threads: %s", rp_strerror(r));
		goto out;
	}
	r = rp_fx_collect(root, o, old, pool, cur, fs);
	if (r == 0)
		r = rp_hashpool_finish(pool);
	else
		rp_hashpool_finish(pool);
	if (r != 0)
		rp_err(cli, "cannot read '%s': %s", root, rp_strerror(r));
out:
	rp_hashpool_free(pool);
	free(abs);
	return r;
}
