/*
 * The drills page (before an incident): the tabletop drills the practice played
 * (`riposte drill run`, lib/prepare/drill.h), newest first, each with its score and
 * CISA rating overall and per capability, and how many improvement actions are still
 * open. The runs are read into the snapshot (snap_drills, called by snap_build); the
 * capabilities' scores come from the scenario as it was played (stored with the run),
 * so a later edit of a scenario file changes no past score (and a run's scores are
 * kept from one snapshot to the next). The page and its entry in
 * the navigation appear once a drill was run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "core/err.h"
#include "serve/serve-int.h"

static void
drill_release(struct sn_drill *d)
{
	free(d->drill);
	free(d->lang);
	free(d->title);
	free(d->participants);
	free(d->mode);
}

void
snap_drills_free(struct snap *sn)
{
	size_t i;

	for (i = 0; i < sn->ndrills; i++)
		drill_release(&sn->drills[i]);
	free(sn->drills);
	sn->drills = NULL;
	sn->ndrills = 0;
}

static char *
xdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* Keeps the newest SNAP_DRILLS runs (they come oldest first) in a ring of sn->drills. */
static int
on_run(const struct rp_drill_record *r, void *ctx)
{
	struct snap *sn = ctx;
	struct sn_drill *d = &sn->drills[sn->drill_runs % SNAP_DRILLS];

	if (sn->drill_runs >= SNAP_DRILLS)
		drill_release(d);
	memset(d, 0, sizeof(*d));
	sn->drill_runs++;
	if (sn->ndrills < SNAP_DRILLS)
		sn->ndrills++;
	d->id = r->id;
	d->started = r->started;
	d->finished = r->finished;
	d->total.points = r->points;
	d->total.max = r->max;
	d->total.rating = r->rating;
	d->drill = xdup(r->drill);
	d->lang = xdup(r->lang);
	d->title = xdup(r->title);
	d->participants = xdup(r->participants);
	d->mode = xdup(r->mode);
	return d->drill && d->lang && d->title && d->mode &&
	    (r->participants == NULL || d->participants) ? 0 : RP_ERR_NOMEM;
}

static int
on_action(const struct rp_drill_action *a, void *ctx)
{
	(void)a;
	(*(size_t *)ctx)++;
	return 0;
}

/* The score per capability of run d, from the scenario and answers stored with it; a
 * run that cannot be scored again keeps its total only (have_cats 0). */
static void
drill_cats(struct rp_store *st, struct sn_drill *d)
{
	struct rp_drill_record rec;
	struct rp_drill *dr = NULL;
	struct rp_drill_answer *a = NULL;
	struct rp_drill_score sc;
	int c;

	memset(&rec, 0, sizeof(rec));
	memset(&sc, 0, sizeof(sc));
	if (rp_drill_load(st, d->id, &rec) == 0 && rp_drill_replay(&rec, &dr, &a) == 0 &&
	    rp_drill_score(dr, a, &sc) == 0) {
		for (c = 0; c < RP_DRILL_NCAT; c++)
			d->cat[c] = sc.cat[c];
		d->have_cats = 1;
	}
	rp_drill_score_release(&sc);
	rp_drill_free(dr);
	free(a);
	rp_drill_record_release(&rec);
}

int
snap_drills(struct rp_serve *s, struct snap *sn)
{
	struct snap *prev;
	struct sn_drill t;
	size_t i, start;
	int r;

	if ((sn->drills = calloc(SNAP_DRILLS, sizeof(*sn->drills))) == NULL)
		return RP_ERR_NOMEM;
	if ((r = rp_drill_runs_each(s->st, on_run, sn)) != 0)
		return r;
	/* the ring in order, then newest first */
	start = sn->drill_runs > SNAP_DRILLS ? sn->drill_runs % SNAP_DRILLS : 0;
	for (i = 0; i < start; i++) {
		size_t j;

		t = sn->drills[0];
		for (j = 0; j + 1 < SNAP_DRILLS; j++)
			sn->drills[j] = sn->drills[j + 1];
		sn->drills[SNAP_DRILLS - 1] = t;
	}
	for (i = 0; i < sn->ndrills / 2; i++) {
		t = sn->drills[i];
		sn->drills[i] = sn->drills[sn->ndrills - 1 - i];
		sn->drills[sn->ndrills - 1 - i] = t;
	}
	/* a run never changes once stored: its capabilities are taken from the snapshot
	 * before when it had them, and only a new run is read and scored again (a
	 * snapshot is rebuilt at every write to the store during an incident) */
	pthread_mutex_lock(&s->snap_mu);
	if ((prev = s->snap) != NULL)
		prev->refs++;
	pthread_mutex_unlock(&s->snap_mu);
	for (i = 0; i < sn->ndrills; i++) {
		struct sn_drill *d = &sn->drills[i];
		size_t j;

		for (j = 0; prev && j < prev->ndrills; j++)
			if (prev->drills[j].id == d->id && prev->drills[j].have_cats) {
				memcpy(d->cat, prev->drills[j].cat, sizeof(d->cat));
				d->have_cats = 1;
				break;
			}
		if (!d->have_cats)
			drill_cats(s->st, d);
	}
	snap_put(s, prev);
	return rp_drill_actions_each(s->st, 1, on_action, &sn->drill_actions);
}

const char *
tx_drill(const struct texts *t, const char *section, const char *key)
{
	const char *v = t->drill ? rp_ini_get(t->drill, section, key) : NULL;

	if (v == NULL && t->drill_en)
		v = rp_ini_get(t->drill_en, section, key);
	return v ? v : key;
}

/* "P" with its words as a tooltip and for print: "P · performed without challenges" */
static void
h_rating(struct page *p, const struct rp_drill_mark *m, int words)
{
	char r[2] = { m->rating ? m->rating : '-', '\0' };
	const char *w = tx_drill(&p->s->tx, "rating", r);

	rp_buf_addf(p->b, "<span class=\"rating r%c\" title=\"", r[0] == '-' ? 'n' : r[0]);
	h_esc(p, w);
	h_raw(p, "\">");
	h_esc(p, r);
	h_raw(p, "</span>");
	if (words) {
		h_raw(p, " ");
		h_esc(p, w);
	}
}

static void
h_mark(struct page *p, const struct rp_drill_mark *m)
{
	if (m->max == 0) {
		h_raw(p, "<td class=\"num meta\">–</td>");
		return;
	}
	rp_buf_addf(p->b, "<td class=\"num\">%d/%d ", m->points, m->max);
	h_rating(p, m, 0);
	h_raw(p, "</td>");
}

void
page_drills(struct page *p)
{
	const struct snap *sn = p->sn;
	const struct sn_drill *last = sn->ndrills ? &sn->drills[0] : NULL;
	struct rp_buf t = RP_BUF_INIT;
	char n[32];
	size_t i;
	int c;

	page_begin(p, tx(&p->s->tx, "ui", "drills"));
	h_raw(p, "<section id=\"drills\">\n<h1>");
	h_tx(p, "ui", "drills");
	h_raw(p, "</h1>\n");
	if (last == NULL) {
		h_p_tx(p, "drills-none");
		h_raw(p, "</section>\n");
		page_end(p);
		return;
	}
	h_raw(p, "<p class=\"last\">");
	h_fill(p, "ui", "drill-last", "when", p_time(p, last->finished, &t), "title", last->title,
	    NULL);
	h_raw(p, ": <b>");
	rp_buf_addf(p->b, "%d/%d</b> ", last->total.points, last->total.max);
	h_rating(p, &last->total, 1);
	h_raw(p, "</p>\n<table><thead><tr><th>");
	h_tx(p, "ui", "drill-when");
	h_raw(p, "</th><th>");
	h_tx(p, "ui", "drill-name");
	h_raw(p, "</th><th>");
	h_tx(p, "ui", "drill-who");
	h_raw(p, "</th><th class=\"num\">");
	h_tx(p, "ui", "drill-total");
	h_raw(p, "</th>");
	for (c = 0; c < RP_DRILL_NCAT; c++) {
		h_raw(p, "<th class=\"num\">");
		h_esc(p, tx_drill(&p->s->tx, "category", rp_drill_cats[c]));
		h_raw(p, "</th>");
	}
	h_raw(p, "</tr></thead><tbody>\n");
	for (i = 0; i < sn->ndrills; i++) {
		const struct sn_drill *d = &sn->drills[i];

		rp_buf_addf(p->b, "<tr id=\"run-%lld\"><td>", (long long)d->id);
		h_time(p, d->finished);
		h_raw(p, "<br><small class=\"meta\">");
		h_esc(p, tx_drill(&p->s->tx, "mode", d->mode));
		h_raw(p, "</small></td><td>");
		h_esc(p, d->title);
		h_raw(p, "<br><small class=\"meta mono\">");
		h_esc(p, d->drill);
		h_raw(p, " · ");
		h_esc(p, d->lang);
		rp_buf_addf(p->b, " · %lld</small></td><td>", (long long)d->id);
		h_esc(p, d->participants ? d->participants : "–");
		h_raw(p, "</td>");
		h_mark(p, &d->total);
		for (c = 0; c < RP_DRILL_NCAT; c++) {
			if (d->have_cats)
				h_mark(p, &d->cat[c]);
			else
				h_raw(p, "<td class=\"num meta\">?</td>");
		}
		h_raw(p, "</tr>\n");
	}
	h_raw(p, "</tbody></table>\n<p class=\"meta\">");
	h_tx(p, "ui", "drill-scale");
	h_raw(p, "</p>\n<p class=\"meta\">");
	snprintf(n, sizeof(n), "%zu", sn->drill_runs);
	h_fill(p, "ui", "drills-all", "n", n, NULL);
	if (sn->drill_actions) {
		h_raw(p, " ");
		snprintf(n, sizeof(n), "%zu", sn->drill_actions);
		h_fill(p, "ui", "drill-actions", "n", n, NULL);
	}
	h_raw(p, "</p>\n</section>\n");
	rp_buf_release(&t);
	page_end(p);
}
