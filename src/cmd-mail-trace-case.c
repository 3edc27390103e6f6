/*
 * riposte mail trace --case: the lists and the matched indicators go into the case's
 * journal through lib/case/contacts.h (one "contact" entry per address, the new "ioc"
 * entries, one "contacts" summary), for `case notify --to clients` to write the letters.
 */
#include <stdlib.h>
#include <string.h>

#include "case/contacts.h"
#include "case/ioc.h"
#include "cli-journal.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/map.h"
#include "core/time.h"
#include "mail-opts.h"
#include "mail-trace.h"
#include "store/store.h"

int trace_record(const struct rp_cli *cli, const struct mail_opts *mo,
    const struct trace_counts *n, const struct rp_trace_result *res);

/* "type:value" that `case ioc add` takes: the attachment hashes and the IOCs that
 * matched; ClamAV signatures, YARA rules and IBANs are said in other ways. */
static int
case_ioc(const char *ind)
{
	const char *colon = strchr(ind, ':');
	char type[16];
	size_t tl;

	if (colon == NULL || (tl = (size_t)(colon - ind)) >= sizeof(type))
		return 0;
	memcpy(type, ind, tl);
	type[tl] = '\0';
	return rp_ioc_check(type, colon + 1) == 0;
}

static int
push(const char ***v, size_t *n, size_t *cap, const char *s)
{
	size_t i;
	int r;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return 0;
	if ((r = RP_ARRAY_GROW(v, cap, *n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	(*v)[(*n)++] = s;
	return 0;
}

static const char *
db_of(const struct rp_cli *cli, const struct mail_opts *mo)
{
	const char *db = mo->db ? mo->db : cli->db_path;

	if (db == NULL && ((db = getenv("RIPOSTE_DB")) == NULL || *db == '\0'))
		db = "riposte.db";
	return db;
}

int
trace_record(const struct rp_cli *cli, const struct mail_opts *mo,
    const struct trace_counts *n, const struct rp_trace_result *res)
{
	struct rp_case_contact *k = NULL;
	struct rp_store *st = NULL;
	struct rp_map byid;
	const char ***kiocs = NULL, **all = NULL;
	size_t *nkiocs = NULL, *ckiocs = NULL, nall = 0, call = 0, nk = 0, i, j, bad = 0,
	    dropped = 0;
	const char *db = db_of(cli, mo);
	void **v;
	int r = RP_ERR_NOMEM, rc = -1;

	rp_map_init(&byid);
	for (i = 0; i < res->nmessages; i++) {
		if (rp_map_put(&byid, res->messages[i].id, strlen(res->messages[i].id), &v) < 0)
			goto out;
		*v = (void *)&res->messages[i];
	}
	if ((k = calloc(res->ncontacts + 1, sizeof(*k))) == NULL ||
	    (kiocs = calloc(res->ncontacts + 1, sizeof(*kiocs))) == NULL ||
	    (nkiocs = calloc(res->ncontacts + 1, sizeof(*nkiocs))) == NULL ||
	    (ckiocs = calloc(res->ncontacts + 1, sizeof(*ckiocs))) == NULL)
		goto out;
	for (i = 0; i < res->ncontacts; i++) {
		const struct rp_trace_contact *c = &res->contacts[i];
		struct rp_case_contact *x = &k[nk];

		memset(x, 0, sizeof(*x));
		x->address = c->addr;
		x->name = *c->name ? c->name : NULL;
		x->org = c->domain;
		x->client = c->client;
		x->lang = c->lang;
		x->cls = c->cls == RP_TRACE_INFECTED ? RP_CONTACT_INFECTED :
		    c->cls == RP_TRACE_EXPOSED ? RP_CONTACT_EXPOSED : RP_CONTACT_PRECAUTIONARY;
		x->messages = c->msgids;
		x->nmessages = c->nmsgids;
		x->first = c->first;
		x->last = c->last;
		/* what the messages it received carried */
		for (j = 0; j < c->nmsgids; j++) {
			const struct rp_trace_message *m;
			size_t q;

			if ((v = rp_map_get(&byid, c->msgids[j], strlen(c->msgids[j]))) == NULL)
				continue;
			m = *v;
			if (m->cls != RP_TRACE_INFECTED || c->cls != RP_TRACE_INFECTED)
				continue;
			if (m->iban && x->fraud_iban == NULL)
				x->fraud_iban = m->iban;
			for (q = 0; q < m->nindicators; q++) {
				if (!case_ioc(m->indicators[q]))
					continue;
				if (push(&kiocs[nk], &nkiocs[nk], &ckiocs[nk], m->indicators[q]) != 0 ||
				    push(&all, &nall, &call, m->indicators[q]) != 0)
					goto out;
			}
		}
		x->iocs = kiocs[nk];
		x->niocs = nkiocs[nk];
		/* a header's name or a log's Message-ID the journal refuses (not UTF-8, a
		 * control character) is left out rather than the contact */
		if (rp_case_contact_check(x) != 0) {
			x->name = NULL;
			if (rp_case_contact_check(x) != 0) {
				x->messages = NULL;
				x->nmessages = 0;
			}
			if (rp_case_contact_check(x) != 0) {
				dropped++;
				continue;
			}
		}
		nk++;
	}
	if ((r = rp_store_open(&st, db, RP_STORE_CREATE)) != 0) {
		rp_err(cli, "--case: cannot open the database '%s': %s", db, rp_strerror(r));
		goto out;
	}
	r = rp_case_contacts_record(st, mo->case_id > 0 ? mo->case_id : 0, cli->now,
	    rp_cli_actor(), "mail trace", k, nk, all, nall, &bad);
	if (r == RP_ERR_NOTFOUND) {
		rp_err(cli, "--case: no open incident case in '%s' (riposte case open)", db);
		goto out;
	}
	if (r != 0) {
		rp_err(cli, "--case: cannot record the contacts in '%s': %s%s%s", db, rp_strerror(r),
		    bad < nk ? "; refused: " : "", bad < nk ? k[bad].address : "");
		goto out;
	}
	if (dropped)
		rp_warn(cli, "--case: %zu addresses could not be recorded (not valid UTF-8)", dropped);
	rc = 0;
out:
	if (r == RP_ERR_NOMEM)
		rp_err(cli, "--case: %s", rp_strerror(r));
	rp_store_close(st);
	rp_map_release(&byid, NULL);
	for (i = 0; kiocs && i < res->ncontacts; i++)
		free(kiocs[i]);
	free(kiocs);
	free(nkiocs);
	free(ckiocs);
	free(all);
	free(k);
	(void)n;
	return rc;
}
