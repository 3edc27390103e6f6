/* The options `riposte mail scan` and `riposte mail trace` share (see mail-opts.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case/case.h"
#include "case/config.h"
#include "case/journal.h"
#include "cli-journal.h"
#include "core/array.h"
#include "core/err.h"
#include "core/file.h"
#include "core/time.h"
#include "mail-opts.h"
#include "site-conf.h"
#include "store/store.h"

void
mail_opts_init(struct mail_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->since = o->until = RP_TIME_UNSET;
	o->case_id = -1;
	/* workers measured to help (bench/mail: -j 2 against -j 1 on two cores) */
	{
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		o->jobs = n > 8 ? 8 : n > 0 ? (int)n : 1;
	}
}

static void
strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
mail_opts_release(struct mail_opts *o)
{
	free(o->ioc_files);
	free(o->mailboxes);
	rp_ini_free(o->site);
	rp_mail_iocs_free(o->iocs);
	strv_free(o->domains, o->ndomains);
	strv_free(o->ibans, o->nibans);
	memset(o, 0, sizeof(*o));
}

static int
push(const char ***v, size_t *n, size_t *cap, const char *s)
{
	if (RP_ARRAY_GROW(v, cap, *n + 1, RP_ARRAY_MAX_DEFAULT) != 0)
		return -1;
	(*v)[(*n)++] = s;
	return 0;
}

int
mail_opts_handle(const struct rp_cli *cli, struct mail_opts *o, int c, const char *arg)
{
	unsigned long long ull;
	int64_t t;

	switch (c) {
	case MO_FORMAT: o->format_arg = arg; return 1;
	case MO_IOC: return push(&o->ioc_files, &o->nioc_files, &o->capioc_files, arg) ? -1 : 1;
	case MO_RULES: o->rules_dir = arg; return 1;
	case MO_CLAMAV_DB: o->clamav_db = arg; return 1;
	case MO_NO_CLAMAV: o->no_clamav = 1; return 1;
	case MO_SINCE:
	case MO_UNTIL:
		if (rp_time_parse(arg, &t, NULL) != 0) {
			rp_err(cli, "%s: '%s' is not an ISO 8601 time",
			    c == MO_SINCE ? "--since" : "--until", arg);
			return -1;
		}
		if (c == MO_UNTIL && strlen(arg) == 10)
			t += 86399;   /* a bare date: the end of that day */
		*(c == MO_SINCE ? &o->since : &o->until) = t;
		return 1;
	case MO_MAILBOX:
		if (strchr(arg, '@') == NULL) {
			rp_err(cli, "--mailbox: '%s' is not an e-mail address", arg);
			return -1;
		}
		return push(&o->mailboxes, &o->nmailboxes, &o->capmailboxes, arg) ? -1 : 1;
	case MO_DB: o->db = arg; return 1;
	case MO_CASE:
		o->case_id = 0;
		if (arg) {
			if (rp_cli_uint(cli, "--case", arg, 1, INT64_MAX, &ull) != 0)
				return -1;
			o->case_id = (int64_t)ull;
		}
		return 1;
	case MO_CONFIG: o->config = arg; return 1;
	case MO_ATIME: o->allow_atime = 1; return 1;
	case MO_CROSS: o->cross_mounts = 1; return 1;
	case MO_JOBS:
		if (rp_cli_uint(cli, "--jobs", arg, 1, 64, &ull) != 0)
			return -1;
		o->jobs = (int)ull;
		return 1;
	default:
		return 0;
	}
}

/* "a, b c" -> items (commas separate; for IBANs spaces stay inside an item) */
static int
split_list(const char *s, char ***out, size_t *n, size_t *cap)
{
	const char *p = s;

	while (p && *p) {
		const char *e = strchr(p, ','), *b = p;
		size_t len;

		if (e == NULL)
			e = p + strlen(p);
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		len = (size_t)(e - b);
		while (len && (b[len - 1] == ' ' || b[len - 1] == '\t'))
			len--;
		if (len) {
			if (RP_ARRAY_GROW(out, cap, *n + 1, RP_ARRAY_MAX_DEFAULT) != 0)
				return -1;
			if (((*out)[*n] = strndup(b, len)) == NULL)
				return -1;
			(*n)++;
		}
		p = *e ? e + 1 : NULL;
	}
	return 0;
}

static const char *
db_path(const struct rp_cli *cli, const struct mail_opts *o)
{
	const char *db = o->db ? o->db : cli->db_path;

	if (db == NULL) {
		db = getenv("RIPOSTE_DB");
		if (db == NULL || *db == '\0')
			db = "riposte.db";
	}
	return db;
}

/* The IOCs of the case: of --case (an error when missing), else of the open case of
 * the default database when there is one. */
static int
case_iocs(const struct rp_cli *cli, struct mail_opts *o)
{
	struct rp_store *st = NULL;
	struct rp_case k;
	const char *db = db_path(cli, o);
	char src[64];
	size_t i;
	int r, named = o->case_id >= 0 || o->db != NULL;

	memset(&k, 0, sizeof(k));
	if (!named && access(db, F_OK) != 0)
		return 0;
	if ((r = rp_store_open(&st, db, named && o->case_id >= 0 ? RP_STORE_CREATE : 0)) != 0) {
		if (!named)
			return 0;
		rp_err(cli, "cannot open the database '%s': %s", db, rp_strerror(r));
		return -1;
	}
	r = rp_case_load(st, o->case_id > 0 ? o->case_id : 0, &k);
	if (r == RP_ERR_NOTFOUND) {
		rp_store_close(st);
		if (o->case_id >= 0) {
			rp_err(cli, "--case: no open incident case in '%s' (riposte case open)", db);
			return -1;
		}
		return 0;
	}
	if (r != 0) {
		rp_store_close(st);
		if (!named)
			return 0;
		rp_err(cli, "cannot read the case in '%s': %s", db, rp_strerror(r));
		return -1;
	}
	o->case_used = k.info.id;
	snprintf(src, sizeof(src), "case %lld", (long long)k.info.id);
	for (i = 0; i < k.niocs; i++) {
		int t = rp_mail_ioc_type_lookup(k.iocs[i].type);

		if (t >= 0 && rp_mail_iocs_add(o->iocs, (enum rp_mail_ioc_type)t, k.iocs[i].value,
		    src) == 0)
			o->iocs_case++;
	}
	rp_case_release(&k);
	rp_store_close(st);
	return 0;
}

int
mail_opts_setup(const struct rp_cli *cli, struct mail_opts *o, struct rp_mail_opts *eo)
{
	struct rp_buf text = RP_BUF_INIT;
	const char *s;
	size_t i;
	int r, line;

	if (rp_site_conf_load(cli, o->config, &o->site, NULL) != 0)
		return -1;
	if (o->site) {
		if ((s = rp_ini_get(o->site, "site", "domains")) != NULL &&
		    split_list(s, &o->domains, &o->ndomains, &o->capdomains) != 0)
			return -1;
		if ((s = rp_ini_get(o->site, "site", "iban")) != NULL &&
		    split_list(s, &o->ibans, &o->nibans, &o->capibans) != 0)
			return -1;
		for (i = 0; i < o->ndomains; i++) {
			char *d = o->domains[i];

			for (; *d; d++)
				if (*d >= 'A' && *d <= 'Z')
					*d = (char)(*d - 'A' + 'a');
		}
		for (i = 0; i < o->nibans; i++) {
			char c[35];

			if (!rp_mail_iban_valid(o->ibans[i], strlen(o->ibans[i]), c)) {
				rp_err(cli, "[site] iban: '%s' is not a valid IBAN (ISO 13616 check "
				    "digits or length)", o->ibans[i]);
				return -1;
			}
		}
	}
	if (rp_mail_iocs_new(&o->iocs) != 0)
		return -1;
	if (case_iocs(cli, o) != 0)
		return -1;
	for (i = 0; i < o->nioc_files; i++) {
		size_t before = rp_mail_iocs_count(o->iocs);

		rp_buf_reset(&text);
		if ((r = rp_file_read_all(AT_FDCWD, o->ioc_files[i], &text, 64u << 20)) != 0) {
			rp_err(cli, "--ioc: cannot read '%s': %s", o->ioc_files[i],
			    r == RP_ERR_SYSTEM ? strerror(errno) : rp_strerror(r));
			rp_buf_release(&text);
			return -1;
		}
		if ((r = rp_mail_iocs_load(o->iocs, text.buf, text.len, o->ioc_files[i], &line)) != 0) {
			if (line)
				rp_err(cli, "--ioc: '%s' line %d: not \"type:value\" with a valid "
				    "indicator (types: sha256 domain url email filename ipv4)",
				    o->ioc_files[i], line);
			else
				rp_err(cli, "--ioc: '%s' is not a STIX 2.1 bundle (JSON with "
				    "\"objects\")", o->ioc_files[i]);
			rp_buf_release(&text);
			return -1;
		}
		o->iocs_files += rp_mail_iocs_count(o->iocs) - before;
	}
	rp_buf_release(&text);
	memset(eo, 0, sizeof(*eo));
	eo->data_dir = cli->data_dir;
	eo->rules_dir = o->rules_dir;
	eo->clamav_db = o->clamav_db;
	if ((eo->tmp_dir = getenv("TMPDIR")) == NULL || *eo->tmp_dir == '\0')
		eo->tmp_dir = "/tmp";
	eo->no_clamav = o->no_clamav;
	eo->iocs = o->iocs;
	eo->mailboxes = o->mailboxes;
	eo->nmailboxes = o->nmailboxes;
	eo->domains = (const char *const *)o->domains;
	eo->ndomains = o->ndomains;
	eo->own_ibans = (const char *const *)o->ibans;
	eo->nown_ibans = o->nibans;
	eo->since = o->since;
	eo->until = o->until;
	eo->allow_atime = o->allow_atime;
	eo->cross_mounts = o->cross_mounts;
	eo->jobs = o->jobs;
	return 0;
}

int
mail_opts_record(const struct rp_cli *cli, const struct mail_opts *o, const char *kind,
    const char *text, const char *data)
{
	struct rp_store *st = NULL;
	const char *db = db_path(cli, o);
	int r;

	if ((r = rp_store_open(&st, db, RP_STORE_CREATE)) == 0)
		r = rp_journal_append(st, o->case_id > 0 ? o->case_id : 0, cli->now, kind,
		    rp_cli_actor(), text, data, NULL);
	if (r == RP_ERR_NOTFOUND)
		rp_err(cli, "--case: no open incident case in '%s' (riposte case open)", db);
	else if (r != 0)
		rp_err(cli, "--case: cannot record in '%s': %s", db, rp_strerror(r));
	rp_store_close(st);
	return r ? -1 : 0;
}
