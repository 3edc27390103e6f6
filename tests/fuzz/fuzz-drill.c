/* Fuzzes the drill scenario's parser (data/drills/NAME.ini, or a file an IT provider
 * wrote) in two languages. Properties of a scenario that parses: the best answers reach
 * every point and rate P; no answer earns more than its inject or category is worth;
 * the best answers written as a paper exercise's file read back to the same score; the
 * lessons-learned report of a run escapes what the scenario says in every format. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "prepare/doc.h"
#include "prepare/drill.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check(const struct rp_drill *d, const struct rp_drill_answer *a)
{
	struct rp_drill_score s;
	size_t i;
	int c;

	if (rp_drill_score(d, a, &s) != 0)
		return;
	if (s.total.points < 0 || s.total.points > s.total.max || s.total.max != d->max)
		abort();
	for (c = 0; c < RP_DRILL_NCAT; c++)
		if (s.cat[c].points < 0 || s.cat[c].points > s.cat[c].max)
			abort();
	for (i = 0; i < d->n; i++)
		if (s.inject[i].points < 0 || s.inject[i].points > s.inject[i].max)
			abort();
	rp_drill_score_release(&s);
}

static void
report(const char *text, size_t len, const struct rp_drill *d, const struct rp_drill_answer *a)
{
	struct rp_drill_record rec;
	struct rp_drill_score s;
	struct rp_drill_lessons l;
	struct rp_buf doc = RP_BUF_INIT, out = RP_BUF_INIT;

	memset(&rec, 0, sizeof(rec));
	rec.id = 1;
	rec.drill = (char *)d->name;
	rec.lang = (char *)d->lang;
	rec.mode = (char *)"answers";
	rec.scenario = (char *)text;
	rec.scenario_len = len;
	rec.started = rec.finished = 1795000000;
	if (rp_drill_score(d, a, &s) != 0)
		return;
	if (rp_drill_lessons(d, &s, rec.finished, &l) == 0 &&
	    rp_drill_report(&rec, d, a, &s, &l, NULL, NULL, NULL, NULL, &doc) == 0) {
		if (rp_doc_render(doc.buf, doc.len, RP_DOC_HTML, d->lang, &out) == 0 &&
		    (strstr(out.buf, "<script") || strstr(out.buf, "<img") || strstr(out.buf, "<a ")))
			abort();
		rp_buf_reset(&out);
		rp_doc_render(doc.buf, doc.len, RP_DOC_MD, d->lang, &out);
		rp_buf_reset(&out);
		rp_doc_render(doc.buf, doc.len, RP_DOC_TEXT, d->lang, &out);
		rp_drill_lessons_release(&l);
	}
	rp_drill_score_release(&s);
	rp_buf_release(&doc);
	rp_buf_release(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "en", "de" };
	struct rp_drill_answer best[RP_DRILL_MAX_INJECTS], back[RP_DRILL_MAX_INJECTS];
	struct rp_drill_score s1, s2;
	struct rp_drill_err err;
	struct rp_buf file = RP_BUF_INIT;
	struct rp_drill *d;
	size_t i, k;

	for (k = 0; k < 2; k++) {
		d = NULL;
		if (rp_drill_parse((const char *)data, size, "fuzz", langs[k], &d, &err) != 0) {
			if (d != NULL || err.msg[0] == '\0')
				abort();             /* a refusal says why, and gives nothing */
			continue;
		}
		rp_drill_best(d, best);
		if (rp_drill_score(d, best, &s1) != 0)
			abort();
		if (s1.total.points != d->max || s1.total.rating != 'P')
			abort();
		rp_drill_worst(d, back);
		check(d, back);
		/* the best answers as a paper exercise's file, read back */
		rp_buf_reset(&file);
		for (i = 0; i < d->n; i++) {
			rp_buf_addf(&file, "%s: ", d->v[i].id);
			if (best[i].picked == 0)
				rp_buf_addch(&file, '-');
			rp_drill_answer_ids(d, i, &best[i], &file);
			rp_buf_addch(&file, '\n');
		}
		if (rp_drill_answers_parse(d, file.buf, file.len, back, &err) != 0)
			abort();
		if (rp_drill_score(d, back, &s2) != 0 || s2.total.points != s1.total.points)
			abort();
		rp_drill_score_release(&s1);
		rp_drill_score_release(&s2);
		report((const char *)data, size, d, best);
		rp_drill_free(d);
	}
	rp_buf_release(&file);
	return 0;
}
