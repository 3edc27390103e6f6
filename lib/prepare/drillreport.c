/* Tabletop drills: the lessons learned, what they feed (the risk register, the site's
 * improvement plan), and the report people read. */
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "core/data.h"
#include "core/err.h"
#include "core/l10n.h"
#include "core/time.h"
#include "prepare/doc.h"
#include "prepare/drill.h"
#include "prepare/risk.h"
#include "store/store.h"

int
rp_drill_texts(const char *data_dir, const char *lang, struct rp_ini **texts,
    struct rp_ini **texts_en)
{
	struct rp_buf t = RP_BUF_INIT, e = RP_BUF_INIT;
	struct rp_ini *a = NULL, *b = NULL;
	char name[48];
	int r, line;

	*texts = *texts_en = NULL;
	if (rp_drill_lang_index(lang) < 0)
		return RP_ERR_INVALID;
	snprintf(name, sizeof(name), "drills/text/%s.ini", lang);
	if ((r = rp_data_load(data_dir, name, &t)) != 0 ||
	    (r = rp_data_load(data_dir, "drills/text/en.ini", &e)) != 0 ||
	    (r = rp_ini_parse(t.buf, t.len, &a, &line)) != 0 ||
	    (r = rp_ini_parse(e.buf, e.len, &b, &line)) != 0)
		goto out;
	*texts = a;
	*texts_en = b;
	a = b = NULL;
out:
	rp_ini_free(a);
	rp_ini_free(b);
	rp_buf_release(&t);
	rp_buf_release(&e);
	return r;
}

/* ---- the lessons ---- */

void
rp_drill_lessons_release(struct rp_drill_lessons *l)
{
	free(l->well);
	free(l->gaps);
	memset(l, 0, sizeof(*l));
}

int
rp_drill_lessons(const struct rp_drill *d, const struct rp_drill_score *s, int64_t finished,
    struct rp_drill_lessons *out)
{
	struct rp_drill_lessons l;
	size_t i;

	memset(&l, 0, sizeof(l));
	if ((l.well = calloc(d->n ? d->n : 1, sizeof(*l.well))) == NULL ||
	    (l.gaps = calloc(d->n ? d->n : 1, sizeof(*l.gaps))) == NULL) {
		rp_drill_lessons_release(&l);
		return RP_ERR_NOMEM;
	}
	for (i = 0; i < d->n; i++) {
		char rating = s->inject[i].rating;
		struct rp_drill_gap *g;

		if (rating == 'P') {
			l.well[l.nwell++] = i;
			continue;
		}
		g = &l.gaps[l.ngaps++];
		g->inject = i;
		g->rating = rating;
		g->threat = d->v[i].threat;
		g->raises = (rating == 'M' || rating == 'U') && g->threat != NULL;
		g->due = finished + (int64_t)d->v[i].due * 86400;
	}
	*out = l;
	return 0;
}

/* ---- texts ---- */

static const char *
tx(const struct rp_ini *t, const struct rp_ini *en, const char *sec, const char *key)
{
	const char *v = rp_ini_get(t, sec, key);

	if (v == NULL)
		v = rp_ini_get(en, sec, key);
	return v ? v : "";
}

int
rp_drill_owner(const struct rp_ini *texts, const struct rp_ini *site, const char *role,
    struct rp_buf *out)
{
	const char *words, *name;
	char sec[64];
	int r;

	if (role == NULL || !*role)
		return 0;
	words = rp_ini_get(texts, "owner", role);
	snprintf(sec, sizeof(sec), "contact %s", role);
	name = rp_ini_get(site, sec, "name");
	if ((r = rp_buf_addstr(out, words && *words ? words : role)) != 0)
		return r;
	return name && *name ? rp_buf_addf(out, " (%s)", name) : 0;
}

/* ---- what the lessons feed ---- */

void
rp_drill_applied_release(struct rp_drill_applied *a)
{
	free(a->raised);
	memset(a, 0, sizeof(*a));
}

int
rp_drill_apply(struct rp_store *st, const struct rp_drill_record *rec,
    const struct rp_drill *d, const struct rp_drill_lessons *l, const struct rp_ini *texts,
    const struct rp_ini *site, int64_t now, const char *actor, struct rp_drill_applied *out)
{
	struct rp_drill_applied A;
	struct rp_risk_ctx x;
	struct rp_buf reason = RP_BUF_INIT, source = RP_BUF_INIT, owner = RP_BUF_INIT;
	size_t i, k;
	int r = 0;

	memset(&A, 0, sizeof(A));
	memset(&x, 0, sizeof(x));
	x.st = st;
	x.now = now;
	x.actor = actor;
	if ((A.raised = calloc(l->ngaps ? l->ngaps : 1, sizeof(*A.raised))) == NULL)
		return RP_ERR_NOMEM;
	if ((r = rp_buf_addf(&source, "drill %lld", (long long)rec->id)) != 0)
		goto out;
	/* the register: each threat once, with the first gap that raised it as the reason */
	for (i = 0; i < l->ngaps; i++) {
		const struct rp_drill_gap *g = &l->gaps[i];
		struct rp_drill_raised *w;

		if (!g->raises)
			continue;
		for (k = 0; k < A.nraised; k++)
			if (strcmp(A.raised[k].threat, g->threat) == 0)
				break;
		if (k < A.nraised)
			continue;
		w = &A.raised[A.nraised++];
		w->threat = g->threat;
		rp_buf_reset(&reason);
		/* the source names the run already: "raised by drill 3: ceo-fraud, ..." */
		if ((r = rp_buf_addf(&reason, "%s, inject '%s' rated %c", d->name,
		    d->v[g->inject].id, g->rating)) != 0)
			goto out;
		w->status = rp_risk_raise(&x, g->threat, reason.buf, source.buf, &w->assets);
		if (w->status != 0 && w->status != RP_ERR_NOTFOUND) {
			r = w->status;
			goto out;
		}
		if (x.case_id)
			A.case_id = x.case_id;
	}
	/* the improvement plan: each gap's action once per run */
	for (i = 0; i < l->ngaps; i++) {
		const struct rp_drill_inject *in = &d->v[l->gaps[i].inject];
		struct rp_drill_action a;

		rp_buf_reset(&owner);
		if ((r = rp_drill_owner(texts, site, in->owner, &owner)) != 0)
			goto out;
		memset(&a, 0, sizeof(a));
		a.run = rec->id;
		a.drill = d->name;
		a.inject = in->id;
		a.text = in->action;
		a.owner = owner.len ? owner.buf : NULL;
		a.due = l->gaps[i].due;
		a.created = now;
		r = rp_drill_action_add(st, &a, actor, NULL);
		if (r == 0)
			A.actions_added++;
		else if (r == RP_ERR_EXISTS)
			A.actions_known++;
		else
			goto out;
		r = 0;
	}
	*out = A;
	memset(&A, 0, sizeof(A));
out:
	rp_drill_applied_release(&A);
	rp_buf_release(&reason);
	rp_buf_release(&source);
	rp_buf_release(&owner);
	return r;
}

/* ---- the report ---- */

struct rep {
	const struct rp_drill *d;
	const struct rp_ini *t, *en, *site;
	struct rp_locale loc;
	struct rp_buf *doc;
	struct rp_buf a, b, c;
};

#define TX(R, sec, key) tx((R)->t, (R)->en, sec, key)

/* "T+20 min" */
static int
clock(struct rp_buf *b, const struct rp_drill_inject *in)
{
	return rp_buf_addf(b, "T+%d min", in->at);
}

/* The texts of the choices of a, joined with " · ", or "none" words. */
static int
choice_texts(const struct rep *R, size_t i, uint32_t picked, struct rp_buf *out)
{
	const struct rp_drill_inject *in = &R->d->v[i];
	size_t k;
	int r = 0, any = 0;

	for (k = 0; k < in->nchoices && r == 0; k++) {
		if (!(picked & (1u << k)))
			continue;
		if (any && (r = rp_buf_addstr(out, " · ")) != 0)
			break;
		r = rp_buf_addstr(out, in->choices[k].text);
		any = 1;
	}
	return r ? r : any ? 0 : rp_buf_addstr(out, TX(R, "report", "nothing"));
}

/* ". " after a sentence that does not end with its own stop already. */
static int
stop(struct rp_buf *b)
{
	char c = b->len ? b->buf[b->len - 1] : '.';

	return rp_buf_addstr(b, c == '.' || c == '!' || c == '?' || c == ':' ? " " : ". ");
}

static int
rating_words(const struct rep *R, char rating, struct rp_buf *out)
{
	char key[2] = { rating, '\0' };

	return rp_buf_addf(out, "%c · %s", rating, TX(R, "rating", key));
}

static int
ratings(struct rep *R, const struct rp_drill_score *s)
{
	char pts[32], max[32];
	int r, c;

	if ((r = rp_doc_add(R->doc, 'h', 1, TX(R, "report", "ratings"))) != 0 ||
	    (r = rp_doc_add(R->doc, 'T', 4, TX(R, "report", "col-capability"),
	    TX(R, "report", "col-points"), TX(R, "report", "col-max"),
	    TX(R, "report", "col-rating"))) != 0)
		return r;
	for (c = 0; c <= RP_DRILL_NCAT; c++) {
		const struct rp_drill_mark *m = c < RP_DRILL_NCAT ? &s->cat[c] : &s->total;

		if (m->max == 0)
			continue;
		snprintf(pts, sizeof(pts), "%d", m->points);
		snprintf(max, sizeof(max), "%d", m->max);
		rp_buf_reset(&R->a);
		if ((r = rating_words(R, m->rating, &R->a)) != 0 ||
		    (r = rp_doc_add(R->doc, 'r', 4, c < RP_DRILL_NCAT ?
		    TX(R, "category", rp_drill_cats[c]) : TX(R, "report", "overall"), pts, max,
		    R->a.buf)) != 0)
			return r;
	}
	if ((r = rp_doc_fill(&R->a, TX(R, "report", "thresholds"), NULL)) != 0)
		return r;
	return rp_doc_add(R->doc, 'p', 1, R->a.buf);
}

static int
well(struct rep *R, const struct rp_drill_answer *a, const struct rp_drill_lessons *l)
{
	size_t j;
	int r;

	if ((r = rp_doc_add(R->doc, 'h', 1, TX(R, "report", "well"))) != 0)
		return r;
	if (l->nwell == 0)
		return rp_doc_add(R->doc, 'l', 1, TX(R, "report", "well-none"));
	for (j = 0; j < l->nwell; j++) {
		size_t i = l->well[j];

		rp_buf_reset(&R->a);
		rp_buf_reset(&R->b);
		if ((r = clock(&R->a, &R->d->v[i])) != 0 ||
		    (r = rp_buf_addf(&R->b, "%s ", R->d->v[i].question)) != 0 ||
		    (r = choice_texts(R, i, a[i].picked, &R->b)) != 0 ||
		    (r = rp_doc_add(R->doc, 'l', 2, R->a.buf, R->b.buf)) != 0)
			return r;
	}
	return 0;
}

static int
gaps(struct rep *R, const struct rp_drill_answer *a, const struct rp_drill_lessons *l)
{
	struct rp_drill_answer best[RP_DRILL_MAX_INJECTS];
	size_t j;
	int r;

	if ((r = rp_doc_add(R->doc, 'h', 1, TX(R, "report", "gaps"))) != 0)
		return r;
	if (l->ngaps == 0)
		return rp_doc_add(R->doc, 'l', 1, TX(R, "report", "gaps-none"));
	rp_drill_best(R->d, best);
	for (j = 0; j < l->ngaps; j++) {
		size_t i = l->gaps[j].inject;

		const struct rp_drill_inject *in = &R->d->v[i];
		uint32_t missed = best[i].picked & ~a[i].picked, wrong = 0;
		size_t k;

		rp_buf_reset(&R->a);
		rp_buf_reset(&R->b);
		rp_buf_reset(&R->c);
		if ((r = clock(&R->a, in)) != 0 ||
		    (r = rp_buf_addf(&R->a, " · %c", l->gaps[j].rating)) != 0 ||
		    (r = rp_buf_addf(&R->b, "%s ", in->question)) != 0)
			return r;
		if (in->all && a[i].answered) {
			/* a checklist: what was not done, and the traps ticked */
			for (k = 0; k < in->nchoices; k++)
				if ((a[i].picked & (1u << k)) && in->choices[k].points < 0)
					wrong |= 1u << k;
			if (missed && ((r = choice_texts(R, i, missed, &R->c)) != 0 ||
			    (r = rp_buf_addf(&R->b, "%s: %s", TX(R, "report", "missed"), R->c.buf)) != 0 ||
			    (r = stop(&R->b)) != 0))
				return r;
			rp_buf_reset(&R->c);
			if (wrong && ((r = choice_texts(R, i, wrong, &R->c)) != 0 ||
			    (r = rp_buf_addf(&R->b, "%s: %s", TX(R, "report", "wrong"), R->c.buf)) != 0 ||
			    (r = stop(&R->b)) != 0))
				return r;
		} else {
			if (a[i].answered)
				r = choice_texts(R, i, a[i].picked, &R->c);
			else
				r = rp_buf_addstr(&R->c, TX(R, "report", "unanswered"));
			if (r != 0 || (r = rp_buf_addf(&R->b, "%s: %s", TX(R, "report", "answered"),
			    R->c.buf)) != 0 || (r = stop(&R->b)) != 0)
				return r;
			rp_buf_reset(&R->c);
			if ((r = choice_texts(R, i, best[i].picked, &R->c)) != 0 ||
			    (r = rp_buf_addf(&R->b, "%s: %s", TX(R, "report", "expected"), R->c.buf)) != 0 ||
			    (r = stop(&R->b)) != 0)
				return r;
		}
		rp_buf_setlen(&R->b, R->b.len - 1);       /* the space after the last stop */
		if ((r = rp_doc_add(R->doc, 'l', 2, R->a.buf, R->b.buf)) != 0)
			return r;
	}
	return 0;
}

static int
plan(struct rep *R, const struct rp_drill_lessons *l)
{
	size_t j;
	int r;

	if ((r = rp_doc_add(R->doc, 'h', 1, TX(R, "report", "actions"))) != 0)
		return r;
	if (l->ngaps == 0)
		return rp_doc_add(R->doc, 'l', 1, TX(R, "report", "actions-none"));
	if ((r = rp_doc_add(R->doc, 'T', 3, TX(R, "report", "col-action"),
	    TX(R, "report", "col-owner"), TX(R, "report", "col-due"))) != 0)
		return r;
	for (j = 0; j < l->ngaps; j++) {
		const struct rp_drill_inject *in = &R->d->v[l->gaps[j].inject];

		rp_buf_reset(&R->a);
		rp_buf_reset(&R->b);
		if ((r = rp_drill_owner(R->t, R->site, in->owner, &R->a)) != 0 ||
		    (R->a.len == 0 && (r = rp_buf_addstr(&R->a, "–")) != 0) ||
		    (r = rp_locale_date(&R->b, &R->loc, l->gaps[j].due)) != 0 ||
		    (r = rp_doc_add(R->doc, 'r', 3, in->action, R->a.buf, R->b.buf)) != 0)
			return r;
	}
	return 0;
}

static int
register_(struct rep *R, const struct rp_drill_lessons *l, const struct rp_drill_applied *ap)
{
	char n[32];
	size_t j;
	int r;

	if ((r = rp_doc_add(R->doc, 'h', 1, TX(R, "report", "register"))) != 0)
		return r;
	if (ap == NULL)
		return rp_doc_add(R->doc, 'l', 1, TX(R, "report", "register-not-applied"));
	if (ap->nraised == 0)
		return rp_doc_add(R->doc, 'l', 1, TX(R, "report", "register-none"));
	for (j = 0; j < ap->nraised; j++) {
		const struct rp_drill_raised *w = &ap->raised[j];
		const char *key = w->status == RP_ERR_NOTFOUND ? "register-missing" :
		    w->assets ? "register-raised" : "register-again";

		snprintf(n, sizeof(n), "%zu", w->assets);
		if ((r = rp_doc_fill(&R->a, TX(R, "report", key), "n", n, NULL)) != 0 ||
		    (r = rp_doc_add(R->doc, 'l', 2, w->threat, R->a.buf)) != 0)
			return r;
	}
	(void)l;
	return 0;
}

int
rp_drill_report(const struct rp_drill_record *rec, const struct rp_drill *d,
    const struct rp_drill_answer *a, const struct rp_drill_score *s,
    const struct rp_drill_lessons *l,
    const struct rp_ini *texts, const struct rp_ini *texts_en, const struct rp_ini *site,
    const struct rp_drill_applied *applied, struct rp_buf *doc)
{
	struct rep R;
	const char *sitename = rp_ini_get(site, "site", "name");
	char run[32];
	int r;

	memset(&R, 0, sizeof(R));
	R.d = d;
	R.t = texts;
	R.en = texts_en ? texts_en : texts;
	R.site = site;
	R.doc = doc;
	rp_buf_init(&R.a, 0);
	rp_buf_init(&R.b, 0);
	rp_buf_init(&R.c, 0);
	rp_locale_init(&R.loc, d->lang, rp_ini_get(site, "site", "country"));
#define T(x) do { if ((r = (x)) != 0) goto out; } while (0)
	T(rp_doc_fill(&R.a, TX(&R, "report", "title"), "drill", d->title, NULL));
	T(rp_doc_add(doc, 'H', 1, R.a.buf));
	T(rp_locale_datetime(&R.b, &R.loc, rec->started));
	snprintf(run, sizeof(run), "%lld", (long long)rec->id);
	T(rp_doc_fill(&R.c, TX(&R, "report", "exercise"), "site", sitename ? sitename :
	    TX(&R, "report", "our-site"), "date", R.b.buf, "run", run, "name", d->name, NULL));
	T(rp_doc_add(doc, 'p', 1, R.c.buf));
	rp_buf_reset(&R.a);
	T(rp_buf_addf(&R.a, "%s: %s", TX(&R, "report", "participants"), rec->participants ?
	    rec->participants : TX(&R, "report", "participants-none")));
	T(rp_doc_add(doc, 'l', 1, R.a.buf));
	rp_buf_reset(&R.a);
	T(rp_buf_addf(&R.a, "%s: %s", TX(&R, "report", "mode"), TX(&R, "mode", rec->mode)));
	T(rp_doc_add(doc, 'l', 1, R.a.buf));
	rp_buf_reset(&R.a);
	T(rp_buf_addf(&R.a, "%s: %s", TX(&R, "report", "scenario"), d->summary));
	T(rp_doc_add(doc, 'l', 1, R.a.buf));
	T(ratings(&R, s));
	T(well(&R, a, l));
	T(gaps(&R, a, l));
	T(plan(&R, l));
	T(register_(&R, l, applied));
	T(rp_doc_fill(&R.a, TX(&R, "report", "footer"), "run", run, NULL));
	T(rp_doc_add(doc, 'p', 1, R.a.buf));
#undef T
	r = 0;
out:
	rp_buf_release(&R.a);
	rp_buf_release(&R.b);
	rp_buf_release(&R.c);
	return r;
}
