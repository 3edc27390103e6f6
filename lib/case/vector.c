/* The way in, in the case (see vector.h). */
#include <stdlib.h>
#include <string.h>

#include "case/case-int.h"
#include "case/case.h"
#include "case/vector.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "core/json.h"
#include "harden/harden.h"
#include "prepare/risk.h"

#define MAX_TIED 32
#define MAX_IDS 64
#define MAX_RECS 4096

const char *const rp_vectors[] = {
	"phishing", "mail-forwarded", "exposed-service", "stolen-credentials", "unpatched",
	"supplier", "removable-media", "insider", "unknown", NULL,
};

int
rp_vector_known(const char *name)
{
	size_t i;

	for (i = 0; name && rp_vectors[i]; i++)
		if (strcmp(rp_vectors[i], name) == 0)
			return 1;
	return 0;
}

const char *
rp_fstate_name(enum rp_fstate s)
{
	switch (s) {
	case RP_FS_OPEN: return "open";
	case RP_FS_CLOSED: return "closed";
	case RP_FS_ACCEPTED: return "accepted";
	case RP_FS_UNKNOWN: return "unknown";
	}
	return "?";
}

/* ---- reading the journal ---- */

static void
free_strv(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The strings of a JSON array (of strings, or of objects with "id"), at most max. */
static int
strv_of(const struct rp_jv *arr, const char *key, size_t max, char ***out, size_t *n)
{
	size_t i, k = 0, len = rp_jv_len(arr);
	char **v;

	*out = NULL;
	*n = 0;
	if (len == 0)
		return 0;
	if (len > max)
		len = max;
	if ((v = calloc(len, sizeof(*v))) == NULL)
		return RP_ERR_NOMEM;
	for (i = 0; i < len; i++) {
		const struct rp_jv *x = rp_jv_at(arr, i);
		const char *s = key ? rp_jv_str(rp_jv_get(x, key)) : rp_jv_str(x);
		size_t j;
		int dup = 0;

		if (s == NULL || rp_harden_check(s) == NULL)
			continue;       /* only catalogue ids: the journal may hold anything */
		for (j = 0; j < k && !dup; j++)
			dup = strcmp(v[j], s) == 0;
		if (dup)
			continue;
		if ((v[k] = strdup(s)) == NULL) {
			free_strv(v, k);
			return RP_ERR_NOMEM;
		}
		k++;
	}
	*out = v;
	*n = k;
	return 0;
}

static char *
dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Makes room for one more record of w's list L, zeroed: 0, RP_ERR_TOOBIG past MAX_RECS
 * (the caller then ignores the record: a journal is shown, not trusted), RP_ERR_NOMEM. */
#define GROW(w, L) (RP_ARRAY_GROW(&(w)->L, &(w)->cap.L, (w)->n##L + 1, MAX_RECS) != 0 ? \
	((w)->n##L >= MAX_RECS ? RP_ERR_TOOBIG : RP_ERR_NOMEM) : \
	(memset(&(w)->L[(w)->n##L], 0, sizeof(*(w)->L)), 0))

static int
read_run(struct rp_way_in *w, int64_t time, const struct rp_jv *d, int restore)
{
	struct rp_hrun_rec *x;
	int64_t v;
	int r;

	if ((r = GROW(w, runs)) != 0)
		return r == RP_ERR_TOOBIG ? 0 : r;
	x = &w->runs[w->nruns];
	x->time = time;
	x->restore = restore;
	x->root = dup_or_null(rp_jv_str(rp_jv_get(d, "root")));
	x->live = rp_jv_is_true(rp_jv_get(d, "live"));
	if (rp_jv_int(rp_jv_get(d, "high"), &v) == 0 && v >= 0)
		x->high = (unsigned)v;
	if (rp_jv_int(rp_jv_get(d, "medium"), &v) == 0 && v >= 0)
		x->medium = (unsigned)v;
	if (rp_jv_int(rp_jv_get(d, "low"), &v) == 0 && v >= 0)
		x->low = (unsigned)v;
	if ((r = strv_of(rp_jv_get(d, "findings"), "id", 4096, &x->ids, &x->nids)) != 0 ||
	    (r = strv_of(rp_jv_get(d, "not_checked"), NULL, MAX_IDS, &x->not_checked,
	    &x->nnc)) != 0) {
		free(x->root);
		free_strv(x->ids, x->nids);
		memset(x, 0, sizeof(*x));
		return r;
	}
	w->nruns++;
	return 0;
}

int
rp_way_in_entry(struct rp_way_in *w, const char *kind, int64_t time, const char *data)
{
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *d;
	const char *s;
	int r = 0;

	if (strcmp(kind, "entry") && strcmp(kind, "harden") && strcmp(kind, "accept") &&
	    strcmp(kind, "restore-check"))
		return 0;
	if (data == NULL || rp_jdoc_parse(&doc, data, strlen(data)) != 0)
		return 0;           /* not ours, or written by hand: nothing to read */
	d = rp_jdoc_root(doc);
	if (strcmp(kind, "entry") == 0) {
		char **f = NULL;
		size_t n = 0;

		if (!rp_vector_known(s = rp_jv_str(rp_jv_get(d, "vector"))))
			goto out;
		if ((r = strv_of(rp_jv_get(d, "findings"), NULL, MAX_TIED, &f, &n)) != 0)
			goto out;
		free(w->vector);
		free(w->text);
		free_strv(w->findings, w->nfindings);
		w->vector = strdup(s);
		w->text = dup_or_null(rp_jv_str(rp_jv_get(d, "text")));
		w->findings = f;
		w->nfindings = n;
		w->time = time;
		if (w->vector == NULL)
			r = RP_ERR_NOMEM;
	} else if (strcmp(kind, "harden") == 0) {
		r = read_run(w, time, d, 0);
	} else if (strcmp(kind, "accept") == 0) {
		struct rp_accepted *a;

		if ((s = rp_jv_str(rp_jv_get(d, "finding"))) == NULL || rp_harden_check(s) == NULL)
			goto out;
		if ((r = GROW(w, acc)) != 0) {
			r = r == RP_ERR_TOOBIG ? 0 : r;
			goto out;
		}
		a = &w->acc[w->nacc++];
		a->time = time;
		a->finding = strdup(s);
		a->reason = dup_or_null(rp_jv_str(rp_jv_get(d, "reason")));
		if (a->finding == NULL)
			r = RP_ERR_NOMEM;
	} else {
		struct rp_restore_rec *x;
		const char *v = rp_jv_str(rp_jv_get(d, "verdict"));

		if (v == NULL)
			goto out;
		if ((r = GROW(w, restores)) != 0) {
			r = r == RP_ERR_TOOBIG ? 0 : r;
			goto out;
		}
		x = &w->restores[w->nrestores++];
		x->time = time;
		x->ready = strcmp(v, "ready") == 0;
		x->reasons = dup_or_null(rp_jv_str(rp_jv_get(d, "reasons")));
		/* the harden part of a restore check is a run of its own */
		if (rp_jv_is_object(rp_jv_get(d, "harden")))
			r = read_run(w, time, rp_jv_get(d, "harden"), 1);
	}
out:
	rp_jdoc_free(doc);
	return r;
}

void
rp_way_in_release(struct rp_way_in *w)
{
	size_t i;

	free(w->vector);
	free(w->text);
	free_strv(w->findings, w->nfindings);
	for (i = 0; i < w->nruns; i++) {
		free(w->runs[i].root);
		free_strv(w->runs[i].ids, w->runs[i].nids);
		free_strv(w->runs[i].not_checked, w->runs[i].nnc);
	}
	for (i = 0; i < w->nacc; i++) {
		free(w->acc[i].finding);
		free(w->acc[i].reason);
	}
	for (i = 0; i < w->nrestores; i++)
		free(w->restores[i].reasons);
	free(w->runs);
	free(w->acc);
	free(w->restores);
	memset(w, 0, sizeof(*w));
}

/* ---- states ---- */

static int
has(char *const *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], id) == 0)
			return 1;
	return 0;
}

const struct rp_accepted *
rp_way_in_accepted(const struct rp_way_in *w, const char *id)
{
	size_t i;

	for (i = w->nacc; i > 0; i--)
		if (strcmp(w->acc[i - 1].finding, id) == 0)
			return &w->acc[i - 1];
	return NULL;
}

enum rp_fstate
rp_way_in_state(const struct rp_way_in *w, const char *id, const struct rp_hrun_rec **run)
{
	size_t i;

	if (run)
		*run = NULL;
	if (rp_way_in_accepted(w, id))
		return RP_FS_ACCEPTED;
	/* the last run that checked it decides */
	for (i = w->nruns; i > 0; i--) {
		const struct rp_hrun_rec *x = &w->runs[i - 1];

		if (has(x->not_checked, x->nnc, id))
			continue;
		if (run)
			*run = x;
		return has(x->ids, x->nids, id) ? RP_FS_OPEN : RP_FS_CLOSED;
	}
	return RP_FS_UNKNOWN;
}

int
rp_way_in_known(const struct rp_way_in *w)
{
	if (w->vector == NULL)
		return 0;
	/* "unknown" is an answer only with the reason why it stays unknown */
	return strcmp(w->vector, "unknown") != 0 || (w->text && w->text[0]);
}

int
rp_way_in_closed(const struct rp_way_in *w, const char **blocking)
{
	size_t i;

	if (blocking)
		*blocking = NULL;
	for (i = 0; i < w->nfindings; i++) {
		enum rp_fstate s = rp_way_in_state(w, w->findings[i], NULL);

		if (s != RP_FS_CLOSED && s != RP_FS_ACCEPTED) {
			if (blocking)
				*blocking = w->findings[i];
			return 0;
		}
	}
	return 1;
}

/* ---- recording ---- */

int
rp_case_entry(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *vector, const char *const *findings, size_t nfindings, const char *text)
{
	struct rp_buf t = RP_BUF_INIT, f = RP_BUF_INIT;
	size_t i;
	int r;

	if (!rp_vector_known(vector) || nfindings > MAX_TIED)
		return RP_ERR_INVALID;
	if (strcmp(vector, "unknown") == 0 && (text == NULL || *text == '\0'))
		return RP_ERR_INVALID;
	for (i = 0; i < nfindings; i++)
		if (rp_harden_check(findings[i]) == NULL)
			return RP_ERR_INVALID;
	rp_buf_addch(&f, '\x01');   /* raw JSON for rp_case_record */
	rp_buf_addch(&f, '[');
	for (i = 0; i < nfindings; i++) {
		rp_buf_addstr(&f, i ? "," : "");
		rp_json_str(&f, findings[i]);
	}
	rp_buf_addch(&f, ']');
	rp_buf_addf(&t, "way in: %s", vector);
	for (i = 0; i < nfindings; i++)
		rp_buf_addf(&t, "%s%s", i ? ", " : " (findings ", findings[i]);
	if (nfindings)
		rp_buf_addch(&t, ')');
	if (text && *text)
		rp_buf_addf(&t, ": %s", text);
	r = rp_case_record(st, case_id, now, "entry", actor, t.buf, "vector", vector,
	    "findings", f.buf, "text", text && *text ? text : NULL, NULL);
	rp_buf_release(&t);
	rp_buf_release(&f);
	return r;
}

int
rp_case_accept(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *finding, const char *reason)
{
	struct rp_buf t = RP_BUF_INIT;
	int r;

	if (finding == NULL || rp_harden_check(finding) == NULL || reason == NULL ||
	    *reason == '\0')
		return RP_ERR_INVALID;
	if ((r = rp_buf_addf(&t, "finding %s accepted: %s", finding, reason)) == 0)
		r = rp_case_record(st, case_id, now, "accept", actor, t.buf, "finding", finding,
		    "reason", reason, NULL);
	rp_buf_release(&t);
	return r;
}

/* Whether an action was made of finding id already. */
static int
has_action(const struct rp_case *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nactions; i++)
		if (c->actions[i].finding && strcmp(c->actions[i].finding, id) == 0)
			return 1;
	return 0;
}

int
rp_case_harden(struct rp_store *st, const struct rp_case *c, int64_t now,
    const char *actor, const char *text, const char *json, const struct rp_hfinding *f,
    size_t nf, const char *owner, int64_t due, size_t *nactions)
{
	struct rp_buf t = RP_BUF_INIT, d = RP_BUF_INIT;
	size_t i, j, made = 0;
	int r;

	if (nactions)
		*nactions = 0;
	if (owner == NULL || *owner == '\0' || due == RP_TIME_UNSET)
		return RP_ERR_INVALID;
	if ((r = rp_journal_append(st, c->info.id, now, "harden", actor, text, json, NULL)) != 0)
		return r;
	if ((r = rp_time_fmt_utc(&d, due)) != 0)
		goto out;
	for (i = 0; i < nf; i++) {
		int seen = 0;

		if (f[i].severity != RP_HSEV_HIGH)
			continue;
		for (j = 0; j < i && !seen; j++)
			seen = f[j].severity == RP_HSEV_HIGH && strcmp(f[j].id, f[i].id) == 0;
		if (seen || rp_way_in_accepted(&c->way_in, f[i].id) || has_action(c, f[i].id))
			continue;
		rp_buf_reset(&t);
		if ((r = rp_buf_addf(&t, "%s: %s", f[i].id, f[i].measure)) != 0)
			goto out;
		rp_buf_reset(&d);
		if ((r = rp_time_fmt_utc(&d, due)) != 0)
			goto out;
		{
			struct rp_buf e = RP_BUF_INIT;

			r = rp_buf_addf(&e, "action: %s", t.buf);
			if (r == 0)
				r = rp_case_record(st, c->info.id, now, "action", actor, e.buf, "text",
				    t.buf, "owner", owner, "due", d.buf, "finding", f[i].id, NULL);
			rp_buf_release(&e);
		}
		if (r != 0)
			goto out;
		made++;
	}
	if (nactions)
		*nactions = made;
out:
	rp_buf_release(&t);
	rp_buf_release(&d);
	return r;
}

int
rp_case_restore_check(struct rp_store *st, int64_t case_id, int64_t now,
    const char *actor, int ready, const char *reasons, const char *json)
{
	struct rp_buf t = RP_BUF_INIT;
	int r;

	if ((r = rp_buf_addf(&t, "restore check: %s%s%s", ready ? "ready" : "not-ready",
	    reasons ? ": " : "", reasons ? reasons : "")) == 0)
		r = rp_journal_append(st, case_id, now, "restore-check", actor, t.buf, json, NULL);
	rp_buf_release(&t);
	return r;
}

/* ---- the risk register ---- */

int
rp_way_in_raise_risks(struct rp_store *st, const struct rp_case *c, int64_t now,
    const char *actor, size_t *raised)
{
	struct rp_risk_ctx x;
	struct rp_buf why = RP_BUF_INIT, src = RP_BUF_INIT;
	const char *const *t;
	size_t i, n, total = 0;
	int r = 0;

	if (raised)
		*raised = 0;
	if (c->way_in.vector == NULL || (t = rp_risk_vector_threats(c->way_in.vector)) == NULL)
		return 0;
	memset(&x, 0, sizeof(x));
	x.st = st;
	x.now = now;
	x.actor = actor;
	if ((r = rp_buf_addf(&why, "case %lld closed: entry vector %s", (long long)c->info.id,
	    c->way_in.vector)) != 0 ||
	    (r = rp_buf_addf(&src, "case %lld", (long long)c->info.id)) != 0)
		goto out;
	for (i = 0; t[i]; i++) {
		n = 0;
		r = rp_risk_raise(&x, t[i], why.buf, src.buf, &n);
		if (r == RP_ERR_NOTFOUND)
			continue;       /* no register, or no asset assessed for it */
		if (r != 0)
			goto out;
		total += n;
	}
	r = 0;
	if (raised)
		*raised = total;
out:
	rp_buf_release(&why);
	rp_buf_release(&src);
	return r;
}
