/*
 * The snapshot of the store the pages are rendered from (see serve-int.h): built under
 * build_mu with the server's one reading handle, swapped in under snap_mu, freed when
 * its last reader lets go.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "case/journal.h"
#include "core/data.h"
#include "core/err.h"
#include "core/time.h"
#include "prepare/plan.h"
#include "serve/serve-int.h"
#include "store/store.h"

static void
snap_free(struct snap *sn)
{
	size_t i;

	if (sn == NULL)
		return;
	free(sn->error);
	rp_ini_free(sn->site);
	rp_case_release(&sn->c);
	rp_deadlines_release(&sn->dl);
	rp_standing_release(&sn->pr);
	for (i = 0; i < sn->nalerts; i++)
		alert_release(&sn->alerts[i]);
	free(sn->alerts);
	for (i = 0; i < sn->nissues; i++) {
		free(sn->issues[i].status);
		free(sn->issues[i].where);
		free(sn->issues[i].message);
	}
	free(sn->issues);
	rp_register_release(&sn->reg);
	rp_buf_release(&sn->plan);
	for (i = 0; i < sn->ncases; i++)
		free(sn->cases[i].title);
	free(sn->cases);
	snap_drills_free(sn);
	for (i = 0; i < NTMPL; i++)
		rp_buf_release(&sn->tmpl[i]);
	pthread_mutex_destroy(&sn->tmpl_mu);
	free(sn);
}

void
snap_put(struct rp_serve *s, struct snap *sn)
{
	int last;

	if (sn == NULL)
		return;
	pthread_mutex_lock(&s->snap_mu);
	last = --sn->refs == 0;
	pthread_mutex_unlock(&s->snap_mu);
	if (last)
		snap_free(sn);
}

struct snap *
snap_get(struct rp_serve *s)
{
	struct snap *sn;

	pthread_mutex_lock(&s->snap_mu);
	sn = s->snap;
	sn->refs++;
	pthread_mutex_unlock(&s->snap_mu);
	return sn;
}

static int
on_alert(const struct rp_journal_row *row, void *ctx)
{
	struct snap *sn = ctx;
	struct sn_alert a;

	memset(&a, 0, sizeof(a));
	if (row->e.data == NULL || alert_parse(row->e.data, &a) != 0)
		return 0;       /* an entry watch did not write: not an alert */
	a.id = row->id;
	a.case_id = row->case_id;
	a.time = row->e.time;
	sn->alerts[sn->nalerts++] = a;
	return 0;
}

static int
on_issue(const struct rp_site_issue *is, void *ctx)
{
	struct snap *sn = ctx;
	struct sn_issue *v = realloc(sn->issues, (sn->nissues + 1) * sizeof(*v));

	if (v == NULL)
		return RP_ERR_NOMEM;
	sn->issues = v;
	v = &sn->issues[sn->nissues++];
	v->status = strdup(is->status);
	v->where = strdup(is->where);
	v->message = strdup(is->message);
	return v->status && v->where && v->message ? 0 : RP_ERR_NOMEM;
}

static int
on_case(const struct rp_case_row *row, void *ctx)
{
	struct snap *sn = ctx;
	struct sn_case *v = realloc(sn->cases, (sn->ncases + 1) * sizeof(*v));

	if (v == NULL)
		return RP_ERR_NOMEM;
	sn->cases = v;
	v = &sn->cases[sn->ncases++];
	v->id = row->id;
	v->discovered = row->discovered;
	v->closed = row->closed;
	return (v->title = strdup(row->title)) ? 0 : RP_ERR_NOMEM;
}

static int
on_entry(const struct rp_journal_entry *e, void *ctx)
{
	return rp_standing_feed(ctx, e);
}

/* Says what could not be read, once, and keeps the first reason on the snapshot. */
static void
failed(struct snap *sn, const char *what, int r)
{
	char msg[256];

	if (sn->error)
		return;
	snprintf(msg, sizeof(msg), "%s: %s", what, rp_strerror(r));
	sn->error = strdup(msg);
}

int
snap_build(struct rp_serve *s, int64_t now, struct snap **out)
{
	struct snap *sn;
	struct rp_buf cl = RP_BUF_INIT;
	size_t i;
	int r, line = 0;

	*out = NULL;
	if ((sn = calloc(1, sizeof(*sn))) == NULL)
		return RP_ERR_NOMEM;
	sn->refs = 1;
	sn->built = now;
	rp_buf_init(&sn->plan, 0);
	for (i = 0; i < NTMPL; i++)
		rp_buf_init(&sn->tmpl[i], 0);
	pthread_mutex_init(&sn->tmpl_mu, NULL);
	if (s->site_path) {
		r = rp_ini_load(s->site_path, &sn->site, &line);
		if (r == RP_ERR_FORMAT)
			sn->site_line = line ? line : -1;
		else if (r != 0 && !(r == RP_ERR_SYSTEM && errno == ENOENT))
			failed(sn, "riposte.conf", r);
	}
	rp_locale_init(&sn->loc, s->tx.lang, sn->site ? rp_ini_get(sn->site, "site", "country") : NULL);
	if ((r = rp_journal_last_id(s->st, &sn->last_row)) != 0)
		failed(sn, "journal", r);

	r = rp_case_load(s->st, 0, &sn->c);
	if (r == 0) {
		sn->have_case = 1;
		if ((r = rp_case_check_integrity(s->st, &sn->c)) != 0)
			failed(sn, "journal", r);
		sn->dl_err = rp_case_deadlines(s->data_dir, &sn->c, sn->site, now, &sn->dl);
		sn->claim_err = rp_claim_compute(&sn->c, sn->site, &sn->claim);
		if ((r = rp_data_load(s->data_dir, "serve/checklist.ini", &cl)) != 0 ||
		    (r = rp_standing_init(&sn->pr, cl.buf, cl.len)) != 0 ||
		    (r = rp_journal_each(s->st, sn->c.info.id, on_entry, &sn->pr)) != 0)
			failed(sn, "checklist", r);
	} else if (r != RP_ERR_NOTFOUND) {
		failed(sn, "case", r);
	}

	if ((sn->alerts = calloc(SNAP_ALERTS, sizeof(*sn->alerts))) == NULL ||
	    (r = rp_journal_recent(s->st, "watch", now - 86400, SNAP_ALERTS, on_alert, sn,
	    &sn->alerts24)) != 0)
		failed(sn, "alerts", sn->alerts ? r : RP_ERR_NOMEM);
	if (sn->site && (r = rp_site_check(sn->site, now, on_issue, sn)) != 0)
		failed(sn, "site check", r);
	if ((r = rp_risk_load(s->st, &sn->reg)) != 0)
		failed(sn, "risk register", r);
	if (sn->site)
		sn->plan_err = rp_plan_make(sn->site, s->data_dir, s->tx.lang, now, &sn->plan, NULL);
	if ((r = rp_case_list(s->st, on_case, sn)) != 0)
		failed(sn, "cases", r);
	if ((r = snap_drills(s, sn)) != 0)
		failed(sn, "drills", r);
	for (i = 0; i < sn->ncases / 2; i++) {      /* newest first */
		struct sn_case t = sn->cases[i];

		sn->cases[i] = sn->cases[sn->ncases - 1 - i];
		sn->cases[sn->ncases - 1 - i] = t;
	}
	rp_buf_release(&cl);
	*out = sn;
	return 0;
}

int
snap_refresh(struct rp_serve *s, int64_t now, int force)
{
	struct snap *sn = NULL, *old;
	struct stat sb;
	int64_t v = 0;
	int r, site_changed = 0;

	pthread_mutex_lock(&s->build_mu);
	if ((r = rp_store_data_version(s->st, &v)) != 0) {
		__atomic_store_n(&s->store_ok, 0, __ATOMIC_RELAXED);
		pthread_mutex_unlock(&s->build_mu);
		return r;
	}
	__atomic_store_n(&s->store_ok, 1, __ATOMIC_RELAXED);
	if (s->site_path) {
		if (stat(s->site_path, &sb) != 0)
			memset(&sb, 0, sizeof(sb));
		site_changed = sb.st_ino != s->site_stat.st_ino ||
		    sb.st_size != s->site_stat.st_size ||
		    sb.st_mtim.tv_sec != s->site_stat.st_mtim.tv_sec ||
		    sb.st_mtim.tv_nsec != s->site_stat.st_mtim.tv_nsec;
		s->site_stat = sb;
	}
	pthread_mutex_lock(&s->snap_mu);
	old = s->snap;
	pthread_mutex_unlock(&s->snap_mu);
	if (!force && old && v == s->version && !site_changed && now - old->built < SNAP_MAX_AGE) {
		pthread_mutex_unlock(&s->build_mu);
		return 0;
	}
	/* the version before the build: a commit during it is seen at the next poll */
	s->version = v;
	r = snap_build(s, now, &sn);
	if (r == 0) {
		s->loc = sn->loc;
		pthread_mutex_lock(&s->snap_mu);
		old = s->snap;
		s->snap = sn;
		pthread_mutex_unlock(&s->snap_mu);
		snap_put(s, old);
	}
	pthread_mutex_unlock(&s->build_mu);
	return r;
}
