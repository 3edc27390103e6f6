/*
 * What a practice has now, as records: its site check's findings, its cases (state,
 * journal head, facts), the legal deadlines of the open ones, every journal entry, the
 * last scan/diff/exfil summaries and the baselines, the scores of its drills, and the
 * state of its canaries. The
 * alerts are taken by queue.c straight from the alert log (append-only: only the new
 * ones are read). Read first, then compared with the queue in one transaction of the
 * store (queue.c): the case functions run transactions of their own.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "case/case.h"
#include "case/config.h"
#include "core/err.h"
#include "core/sha256.h"
#include "core/time.h"
#include "fleet/internal.h"
#include "forensic/baseline.h"
#include "prepare/drill.h"
#include "respond/canary.h"
#include "store/store.h"

#define RECS_MAX ((size_t)1 << 24)

struct recs {
	struct rp_fleet_rec *v;
	size_t n, cap;
	struct rp_buf b;             /* the record being written */
	struct rp_fj j;
};

static void
recs_free(struct recs *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++) {
		free(rs->v[i].rid);
		free(rs->v[i].kind);
		free(rs->v[i].body);
	}
	free(rs->v);
	rp_buf_release(&rs->b);
}

static void
rec_begin(struct recs *rs, const char *kind, const char *rid)
{
	rp_buf_reset(&rs->b);
	rp_fj_begin(&rs->j, &rs->b, kind, rid);
}

/* Ends the record being written and keeps it. */
static int
rec_end(struct recs *rs, const char *kind, const char *rid)
{
	struct rp_fleet_rec *x;
	int r;

	if ((r = rp_fj_end(&rs->j)) == RP_ERR_TOOBIG) {
		/* past 1 MiB (a journal entry's huge details): the centre gets that there is
		 * one, not its content */
		rec_begin(rs, kind, rid);
		rp_fj_bool(&rs->j, "truncated", 1);
		r = rp_fj_end(&rs->j);
	}
	if (r != 0)
		return r;
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 256;

		if (cap > RECS_MAX || (x = realloc(rs->v, cap * sizeof(*x))) == NULL)
			return cap > RECS_MAX ? RP_ERR_TOOBIG : RP_ERR_NOMEM;
		rs->v = x;
		rs->cap = cap;
	}
	x = &rs->v[rs->n];
	memset(x, 0, sizeof(*x));
	if ((x->rid = strdup(rid)) == NULL || (x->kind = strdup(kind)) == NULL ||
	    (x->body = strdup(rs->b.buf)) == NULL) {
		free(x->rid);
		free(x->kind);
		return RP_ERR_NOMEM;
	}
	if ((r = rp_sha256_hex(rs->b.buf, rs->b.len, x->hash)) != 0) {
		free(x->rid);
		free(x->kind);
		free(x->body);
		return r;
	}
	rs->n++;
	return 0;
}

/* ---------------------------------------------------------------- site check */

/* What the first hour needs is high: whom to call, the insurer, the country that
 * decides the legal deadlines. A contact not verified within the year is low (it is
 * counted as a stale contact). */
static const char *
site_severity(const struct rp_site_issue *is)
{
	if (strcmp(is->status, "stale") == 0)
		return "low";
	if (strncmp(is->where, "contact ", 8) == 0 && strstr(is->where, "/verified") == NULL)
		return "high";
	if (strcmp(is->where, "site/country") == 0 || strcmp(is->where, "insurance/insurer") == 0 ||
	    strcmp(is->where, "insurance/policy") == 0 || strcmp(is->where, "insurance/hotline") == 0)
		return "high";
	return "medium";
}

static int
finding(const struct rp_site_issue *is, void *ctx)
{
	struct recs *rs = ctx;
	struct rp_buf rid = RP_BUF_INIT;
	int r;

	if ((r = rp_buf_addf(&rid, "finding:site:%s", is->where)) != 0)
		return r;
	rec_begin(rs, "finding", rid.buf);
	rp_fj_str(&rs->j, "source", "site");
	rp_fj_str(&rs->j, "status", is->status);
	rp_fj_str(&rs->j, "severity", site_severity(is));
	rp_fj_str(&rs->j, "where", is->where);
	rp_fj_str(&rs->j, "message", is->message);
	r = rec_end(rs, "finding", rid.buf);
	rp_buf_release(&rid);
	return r;
}

/* ---------------------------------------------------------------- cases */

static const char *const summarised[] = { "scan", "diff", "restore-check", "exfil", NULL };
#define NSUM 4

struct last {                    /* the latest entry of a summarised tool */
	int64_t time, case_id;
	char *text, *data;
};

struct walk {
	struct recs *rs;
	int64_t case_id;
	struct last last[NSUM];
	int err;
};

static int
entry(const struct rp_journal_entry *e, void *ctx)
{
	struct walk *w = ctx;
	struct recs *rs = w->rs;
	char rid[64];
	size_t i;
	int r;

	snprintf(rid, sizeof(rid), "journal:%lld:%lld", (long long)w->case_id, (long long)e->seq);
	rec_begin(rs, "journal", rid);
	rp_fj_int(&rs->j, "case", w->case_id);
	rp_fj_int(&rs->j, "seq", e->seq);
	rp_fj_time(&rs->j, "time", e->time);
	rp_fj_str(&rs->j, "type", e->kind);
	rp_fj_str(&rs->j, "actor", e->actor);
	rp_fj_str(&rs->j, "text", e->text);
	rp_fj_json(&rs->j, "data", e->data);
	rp_fj_str(&rs->j, "hash", e->hash);
	rp_fj_str(&rs->j, "prev_hash", e->prev_hash);
	if ((r = rec_end(rs, "journal", rid)) != 0)
		return r;
	for (i = 0; summarised[i]; i++) {
		struct last *l = &w->last[i];

		if (strcmp(e->kind, summarised[i]) != 0 || (l->text && e->time < l->time))
			continue;
		free(l->text);
		free(l->data);
		l->text = strdup(e->text);
		l->data = e->data ? strdup(e->data) : NULL;
		l->time = e->time;
		l->case_id = w->case_id;
		if (l->text == NULL || (e->data && l->data == NULL))
			return RP_ERR_NOMEM;
	}
	return 0;
}

struct ids {
	int64_t *v;
	size_t n, cap;
};

static int
case_id(const struct rp_case_row *row, void *ctx)
{
	struct ids *ids = ctx;
	int64_t *x;

	if (ids->n == ids->cap) {
		size_t cap = ids->cap ? ids->cap * 2 : 16;

		if ((x = realloc(ids->v, cap * sizeof(*x))) == NULL)
			return RP_ERR_NOMEM;
		ids->v = x;
		ids->cap = cap;
	}
	ids->v[ids->n++] = row->id;
	return 0;
}

static int
deadlines(const struct rp_fleet_local *l, struct recs *rs, const struct rp_case *c)
{
	struct rp_deadlines d = { 0 };
	char rid[RP_FLEET_RID_MAX];
	size_t i;
	int r;

	if ((r = rp_case_deadlines(l->data_dir, c, l->site, l->now, &d)) != 0)
		return r;
	for (i = 0; i < d.n && r == 0; i++) {
		const struct rp_deadline *x = &d.v[i];

		snprintf(rid, sizeof(rid), "deadline:%lld:%s", (long long)c->info.id, x->id);
		rec_begin(rs, "deadline", rid);
		rp_fj_int(&rs->j, "case", c->info.id);
		rp_fj_str(&rs->j, "id", x->id);
		rp_fj_str(&rs->j, "authority", x->authority);
		rp_fj_str(&rs->j, "basis", x->basis);
		rp_fj_str(&rs->j, "when", x->when);
		rp_fj_time(&rs->j, "due", x->due);
		/* overdue is the centre's to tell (its clock, when it is asked): a record must
		 * not change because time passed */
		rp_fj_str(&rs->j, "status", x->status == RP_DL_DONE ? "done" : "open");
		rp_fj_time(&rs->j, "done", x->status == RP_DL_DONE ? x->done : RP_TIME_UNSET);
		r = rec_end(rs, "deadline", rid);
	}
	rp_deadlines_release(&d);
	return r;
}

static int
one_case(const struct rp_fleet_local *l, struct walk *w, int64_t id)
{
	struct recs *rs = w->rs;
	struct rp_case c;
	char rid[64];
	int r, f;

	memset(&c, 0, sizeof(c));
	if ((r = rp_case_load(l->st, id, &c)) != 0)
		return r;
	if ((r = rp_case_check_integrity(l->st, &c)) != 0)
		goto out;
	snprintf(rid, sizeof(rid), "case:%lld", (long long)id);
	rec_begin(rs, "case", rid);
	rp_fj_int(&rs->j, "case", id);
	rp_fj_str(&rs->j, "title", c.info.title);
	rp_fj_time(&rs->j, "opened", c.info.opened);
	rp_fj_time(&rs->j, "discovered", c.info.discovered);
	rp_fj_str(&rs->j, "how", c.info.how);
	rp_fj_str(&rs->j, "state", c.info.closed == RP_TIME_UNSET ? "open" : "closed");
	rp_fj_time(&rs->j, "closed", c.info.closed);
	/* the centre compares this head with the entries it holds: a journal rewritten
	 * and pushed again shows */
	rp_fj_int(&rs->j, "head_seq", c.info.head_seq);
	rp_fj_str(&rs->j, "head_hash", c.info.head_hash);
	rp_fj_bool(&rs->j, "intact", c.integrity == 1);
	if (c.integrity != 1)
		rp_fj_int(&rs->j, "bad_seq", c.bad_seq);
	if (rs->j.err == 0)
		rs->j.err = rp_buf_addstr(&rs->b, ",\"facts\":{");
	for (f = 0; f < RP_FACT_COUNT && rs->j.err == 0; f++)
		rs->j.err = rp_buf_addf(&rs->b, "%s\"%s\":\"%s\"", f ? "," : "",
		    rp_fact_name((enum rp_fact)f), rp_fact_value_name(c.facts[f]));
	if (rs->j.err == 0)
		rs->j.err = rp_buf_addch(&rs->b, '}');
	if ((r = rec_end(rs, "case", rid)) != 0)
		goto out;
	if (c.info.closed == RP_TIME_UNSET && (r = deadlines(l, rs, &c)) != 0)
		goto out;
	w->case_id = id;
	r = rp_journal_each(l->st, id, entry, w);
out:
	rp_case_release(&c);
	return r;
}

static int
cases(const struct rp_fleet_local *l, struct recs *rs)
{
	struct walk w;
	struct ids ids = { NULL, 0, 0 };
	char rid[64];
	size_t i;
	int r;

	memset(&w, 0, sizeof(w));
	w.rs = rs;
	/* the ids first: loading a case runs statements of its own */
	if ((r = rp_case_list(l->st, case_id, &ids)) != 0)
		goto out;
	for (i = 0; i < ids.n; i++)
		if ((r = one_case(l, &w, ids.v[i])) != 0)
			goto out;
	for (i = 0; summarised[i]; i++) {
		struct last *x = &w.last[i];

		if (x->text == NULL)
			continue;
		snprintf(rid, sizeof(rid), "summary:%s", summarised[i]);
		rec_begin(rs, "summary", rid);
		rp_fj_str(&rs->j, "tool", summarised[i]);
		rp_fj_time(&rs->j, "time", x->time);
		rp_fj_int(&rs->j, "case", x->case_id);
		rp_fj_str(&rs->j, "text", x->text);
		rp_fj_json(&rs->j, "data", x->data);
		if ((r = rec_end(rs, "summary", rid)) != 0)
			goto out;
	}
out:
	for (i = 0; i < NSUM; i++) {
		free(w.last[i].text);
		free(w.last[i].data);
	}
	free(ids.v);
	return r;
}

/* ---------------------------------------------------------------- baselines */

static int
baselines(const struct rp_fleet_local *l, struct recs *rs)
{
	struct rp_stmt *s = NULL;
	char rid[64];
	const void *p;
	size_t len;
	int r;

	if ((r = rp_baseline_migrate(l->st)) != 0 ||
	    (r = rp_stmt_prepare(l->st, "SELECT id, path, created, updated, files, bytes "
	    "FROM baseline_root ORDER BY id", &s)) != 0)
		return r;
	while ((r = rp_stmt_step(s)) == 1) {
		snprintf(rid, sizeof(rid), "summary:baseline:%lld", (long long)rp_stmt_int64(s, 0));
		rec_begin(rs, "summary", rid);
		rp_fj_str(&rs->j, "tool", "baseline");
		p = rp_stmt_blob(s, 1, &len);
		rp_fj_bytes(&rs->j, "path", p ? p : "", p ? len : 0);
		rp_fj_time(&rs->j, "time", rp_stmt_int64(s, 3));
		rp_fj_time(&rs->j, "created", rp_stmt_int64(s, 2));
		rp_fj_int(&rs->j, "files", rp_stmt_int64(s, 4));
		rp_fj_int(&rs->j, "bytes", rp_stmt_int64(s, 5));
		if ((r = rec_end(rs, "summary", rid)) != 0)
			break;
	}
	rp_stmt_free(s);
	return r < 0 ? r : 0;
}

/* ---------------------------------------------------------------- drills */

/* The score of every tabletop drill run (`riposte drill`): the provider sees which
 * practice drilled, when, and how it did. The participants' names stay at the
 * practice. */
static int
drill_run(const struct rp_drill_record *d, void *ctx)
{
	struct recs *rs = ctx;
	char rid[64], rating[2] = { d->rating, '\0' };

	snprintf(rid, sizeof(rid), "drill:%lld", (long long)d->id);
	rec_begin(rs, "drill", rid);
	rp_fj_str(&rs->j, "drill", d->drill);
	rp_fj_str(&rs->j, "title", d->title);
	rp_fj_str(&rs->j, "lang", d->lang);
	rp_fj_str(&rs->j, "mode", d->mode);
	rp_fj_time(&rs->j, "started", d->started);
	rp_fj_time(&rs->j, "time", d->finished);
	rp_fj_int(&rs->j, "points", d->points);
	rp_fj_int(&rs->j, "max", d->max);
	rp_fj_str(&rs->j, "rating", rating);
	return rec_end(rs, "drill", rid);
}

static int
drills(const struct rp_fleet_local *l, struct recs *rs)
{
	int r;

	if ((r = rp_drill_migrate(l->st)) != 0)
		return r;
	return rp_drill_runs_each(l->st, drill_run, rs);
}

/* ---------------------------------------------------------------- canaries */

/* Only stat(): a read would be a canary read, which watch notes. */
static int
canaries(const struct rp_fleet_local *l, struct recs *rs)
{
	struct rp_buf path = RP_BUF_INIT;
	char rid[64], hex[RP_SHA256_HEX_LEN];
	const char *state;
	struct stat st;
	size_t i, k;
	int r = 0;

	for (i = 0; i < l->ncanaries && r == 0; i++) {
		for (k = 0; rp_canary_names[k] && r == 0; k++) {
			rp_buf_reset(&path);
			rp_buf_addstr(&path, l->canaries[i]);
			if (path.len && path.buf[path.len - 1] != '/')
				rp_buf_addch(&path, '/');
			if ((r = rp_buf_addstr(&path, rp_canary_names[k])) != 0)
				break;
			if (lstat(path.buf, &st) != 0)
				state = errno == ENOENT || errno == ENOTDIR ? "missing" : "unreadable";
			else if (!S_ISREG(st.st_mode))
				state = "not-a-file";
			else if (st.st_size == 0)
				state = "empty";
			else
				state = "present";
			/* a path is bytes: the id is its hash */
			if ((r = rp_sha256_hex(path.buf, path.len, hex)) != 0)
				break;
			snprintf(rid, sizeof(rid), "canary:%.32s", hex);
			rec_begin(rs, "canary", rid);
			rp_fj_bytes(&rs->j, "path", path.buf, path.len);
			rp_fj_str(&rs->j, "state", state);
			if (strcmp(state, "present") == 0 || strcmp(state, "empty") == 0) {
				rp_fj_int(&rs->j, "size", (int64_t)st.st_size);
				rp_fj_time(&rs->j, "mtime", (int64_t)st.st_mtim.tv_sec);
			}
			r = rec_end(rs, "canary", rid);
		}
	}
	rp_buf_release(&path);
	return r;
}

/* ---------------------------------------------------------------- all of it */

static int
by_rid(const void *a, const void *b)
{
	return strcmp(((const struct rp_fleet_rec *)a)->rid, ((const struct rp_fleet_rec *)b)->rid);
}

int
rp_fleet_collect(const struct rp_fleet_local *l, struct rp_fleet_collected *out)
{
	struct recs rs;
	size_t i, k;
	int r;

	memset(out, 0, sizeof(*out));
	memset(&rs, 0, sizeof(rs));
	rp_buf_init(&rs.b, RP_FLEET_RECORD_MAX);
	if (l->site && (r = rp_site_check(l->site, l->now, finding, &rs)) != 0)
		goto out;
	if ((r = cases(l, &rs)) != 0 || (r = baselines(l, &rs)) != 0 || (r = drills(l, &rs)) != 0 ||
	    (r = canaries(l, &rs)) != 0)
		goto out;
	qsort(rs.v, rs.n, sizeof(*rs.v), by_rid);
	/* one record per id (a canary directory given twice) */
	for (i = k = 0; i < rs.n; i++) {
		if (k && strcmp(rs.v[k - 1].rid, rs.v[i].rid) == 0) {
			free(rs.v[i].rid);
			free(rs.v[i].kind);
			free(rs.v[i].body);
			continue;
		}
		rs.v[k++] = rs.v[i];
	}
	rs.n = k;
	r = rp_fleetq_apply(l->st, rs.v, rs.n, l->now, out);
out:
	recs_free(&rs);
	return r;
}
