/* riposte drill: score, report (the lessons learned, fed to the risk register and the
 * improvement plan), runs, actions, done. */
#include <string.h>
#include <time.h>

#include "case/config.h"
#include "case/pdf.h"
#include "cmd-drill.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/time.h"
#include "modules.h"
#include "prepare/doc.h"
#include "store/store.h"

static const char *const rating_en[] = { "performed without challenges",
	"performed with some challenges", "performed with major challenges",
	"unable to be performed" };

static const char *
rating_words(char r)
{
	return r == 'P' ? rating_en[0] : r == 'S' ? rating_en[1] : r == 'M' ? rating_en[2] :
	    r == 'U' ? rating_en[3] : "not tested";
}

static int
txt(struct rp_buf *b, const char *s)
{
	return rp_esc_text(b, s, strlen(s));
}

static int
score_text(const struct rp_drill_record *rec, const struct rp_drill *d,
    const struct rp_drill_answer *a, const struct rp_drill_score *s, struct rp_buf *b)
{
	struct rp_buf ids = RP_BUF_INIT;
	size_t i;
	int r, c;

	if ((r = rp_buf_addf(b, "Drill %s (%s), run %lld, ", d->name, d->lang, (long long)rec->id)) != 0 ||
	    (r = rp_time_fmt_local(b, rec->started)) != 0 ||
	    (r = rp_buf_addf(b, ", %s\n", strcmp(rec->mode, "answers") == 0 ?
	    "a paper exercise (answers file)" : "played in the terminal")) != 0 ||
	    (rec->participants && ((r = rp_buf_addstr(b, "Participants: ")) != 0 ||
	    (r = txt(b, rec->participants)) != 0 || (r = rp_buf_addch(b, '\n')) != 0)) ||
	    (r = rp_buf_addf(b, "%d of %d points: rated %c (%s)\n\n", s->total.points, s->total.max,
	    s->total.rating, rating_words(s->total.rating))) != 0 ||
	    (r = rp_buf_addstr(b, "inject            at     answer      points  rating  time\n")) != 0)
		goto out;
	for (i = 0; i < d->n; i++) {
		char pts[24];

		rp_buf_reset(&ids);
		if (a[i].answered && (r = rp_drill_answer_ids(d, i, &a[i], &ids)) != 0)
			goto out;
		snprintf(pts, sizeof(pts), "%d/%d", s->inject[i].points, s->inject[i].max);
		if ((r = rp_buf_addf(b, "%-17s T+%-4d %-11s %6s  %-6c  ", d->v[i].id, d->v[i].at,
		    !a[i].answered ? "(none)" : ids.len ? ids.buf : "-", pts, s->inject[i].rating)) != 0 ||
		    (r = a[i].response_ms >= 0 ? rp_buf_addf(b, "%lld s\n",
		    (long long)(a[i].response_ms / 1000)) : rp_buf_addstr(b, "-\n")) != 0)
			goto out;
	}
	if ((r = rp_buf_addstr(b, "\ncapability    points  max  rating\n")) != 0)
		goto out;
	for (c = 0; c <= RP_DRILL_NCAT; c++) {
		const struct rp_drill_mark *m = c < RP_DRILL_NCAT ? &s->cat[c] : &s->total;

		if ((r = rp_buf_addf(b, "%-13s %6d %4d  %c  %s\n", c < RP_DRILL_NCAT ?
		    rp_drill_cats[c] : "overall", m->points, m->max, m->rating,
		    rating_words(m->rating))) != 0)
			goto out;
	}
	r = rp_buf_addf(b, "\nRated as CISA's exercise evaluation: P %d %% of the points or more, "
	    "S %d %%, M %d %%, U below.\n", RP_DRILL_P, RP_DRILL_S, RP_DRILL_M);
out:
	rp_buf_release(&ids);
	return r;
}

static int
rating_json(struct rp_buf *b, char rating)
{
	return rating == '-' ? rp_buf_addstr(b, "null") : rp_buf_addf(b, "\"%c\"", rating);
}

static int
score_jsonl(const struct rp_drill_record *rec, const struct rp_drill *d,
    const struct rp_drill_answer *a, const struct rp_drill_score *s, struct rp_buf *b)
{
	struct rp_buf ids = RP_BUF_INIT;
	size_t i;
	int r = 0, c;

	for (i = 0; r == 0 && i < d->n; i++) {
		rp_buf_reset(&ids);
		if ((r = rp_drill_answer_ids(d, i, &a[i], &ids)) != 0 ||
		    (r = rp_buf_addf(b, "{\"kind\":\"answer\",\"inject\":\"%s\",\"at\":%d,\"answer\":",
		    d->v[i].id, d->v[i].at)) != 0 ||
		    (r = a[i].answered ? rp_json_str(b, ids.buf) : rp_buf_addstr(b, "null")) != 0 ||
		    (r = rp_buf_addf(b, ",\"points\":%d,\"max\":%d,\"rating\":", s->inject[i].points,
		    s->inject[i].max)) != 0 || (r = rating_json(b, s->inject[i].rating)) != 0)
			break;
		r = a[i].response_ms >= 0 ? rp_buf_addf(b, ",\"response_ms\":%lld}\n",
		    (long long)a[i].response_ms) : rp_buf_addstr(b, ",\"response_ms\":null}\n");
	}
	for (c = 0; r == 0 && c < RP_DRILL_NCAT; c++)
		if ((r = rp_buf_addf(b, "{\"kind\":\"category\",\"category\":\"%s\",\"points\":%d,"
		    "\"max\":%d,\"rating\":", rp_drill_cats[c], s->cat[c].points, s->cat[c].max)) == 0 &&
		    (r = rating_json(b, s->cat[c].rating)) == 0)
			r = rp_buf_addstr(b, "}\n");
	if (r == 0 && (r = rp_buf_addf(b, "{\"kind\":\"summary\",\"drill\":\"%s\",\"run\":%lld,"
	    "\"lang\":\"%s\",\"started\":\"", d->name, (long long)rec->id, d->lang)) == 0 &&
	    (r = rp_time_fmt_utc(b, rec->started)) == 0 &&
	    (r = rp_buf_addf(b, "\",\"mode\":\"%s\"", rec->mode)) == 0 &&
	    (r = rp_json_kv(b, "participants", rec->participants)) == 0 &&
	    (r = rp_buf_addf(b, ",\"answered\":%zu,\"injects\":%zu,\"points\":%d,\"max\":%d,"
	    "\"rating\":", s->answered, d->n, s->total.points, s->total.max)) == 0 &&
	    (r = rating_json(b, s->total.rating)) == 0)
		r = rp_buf_addstr(b, "}\n");
	rp_buf_release(&ids);
	return r;
}

static int
score_csv(const struct rp_drill_record *rec, const struct rp_drill *d,
    const struct rp_drill_answer *a, const struct rp_drill_score *s, struct rp_buf *b)
{
	struct rp_buf ids = RP_BUF_INIT;
	size_t i;
	int r, c;

	(void)rec;
	r = rp_buf_addstr(b, "kind,name,at,answer,points,max,rating,response_ms\n");
	for (i = 0; r == 0 && i < d->n; i++) {
		rp_buf_reset(&ids);
		if ((r = rp_drill_answer_ids(d, i, &a[i], &ids)) != 0 ||
		    (r = rp_buf_addf(b, "answer,%s,%d,", d->v[i].id, d->v[i].at)) != 0 ||
		    (a[i].answered && (r = rp_esc_csv(b, ids.len ? ids.buf : "-", ids.len ? ids.len : 1)) != 0) ||
		    (r = rp_buf_addf(b, ",%d,%d,%c,", s->inject[i].points, s->inject[i].max,
		    s->inject[i].rating)) != 0)
			break;
		r = a[i].response_ms >= 0 ? rp_buf_addf(b, "%lld\n", (long long)a[i].response_ms) :
		    rp_buf_addch(b, '\n');
	}
	for (c = 0; r == 0 && c < RP_DRILL_NCAT; c++) {
		char rating[2] = { s->cat[c].rating == '-' ? '\0' : s->cat[c].rating, '\0' };

		r = rp_buf_addf(b, "category,%s,,,%d,%d,%s,\n", rp_drill_cats[c], s->cat[c].points,
		    s->cat[c].max, rating);
	}
	if (r == 0)
		r = rp_buf_addf(b, "summary,%s,,,%d,%d,%c,\n", d->name, s->total.points, s->total.max,
		    s->total.rating);
	rp_buf_release(&ids);
	return r;
}

int
drill_score_out(const struct drill_cli *c, const struct rp_drill_record *rec,
    const struct rp_drill *d, const struct rp_drill_answer *a, int fmt, struct rp_buf *out)
{
	struct rp_drill_score s;
	int r;

	if ((r = rp_drill_score(d, a, &s)) == 0) {
		r = fmt == RP_FMT_JSONL ? score_jsonl(rec, d, a, &s, out) :
		    fmt == RP_FMT_CSV ? score_csv(rec, d, a, &s, out) : score_text(rec, d, a, &s, out);
		rp_drill_score_release(&s);
	}
	if (r != 0)
		rp_err(c->cli, "cannot write the score: %s", rp_strerror(r));
	return r ? -1 : 0;
}

/* The run of the operand (or the latest), replayed; the error said. */
static int
load_run(struct drill_cli *c, struct rp_store *st, struct rp_drill_record *rec,
    struct rp_drill **d, struct rp_drill_answer **a)
{
	unsigned long long id = 0;
	int r;

	if (drill_args(c, 0, 1, "at most the RUN's number (see 'riposte drill runs')") != 0 ||
	    (c->nargs == 1 && rp_cli_uint(c->cli, "RUN", c->args[0], 1, INT64_MAX, &id) != 0))
		return -1;
	if ((r = rp_drill_load(st, (int64_t)id, rec)) != 0) {
		if (r == RP_ERR_NOTFOUND && id)
			rp_err(c->cli, "no drill run %llu (see 'riposte drill runs')", id);
		else if (r == RP_ERR_NOTFOUND)
			rp_err(c->cli, "no drill was run yet (riposte drill run NAME)");
		else
			drill_store_err(c, st, r);
		return -1;
	}
	if ((r = rp_drill_replay(rec, d, a)) != 0) {
		rp_err(c->cli, "run %lld: its record does not read back (%s)", (long long)rec->id,
		    rp_strerror(r));
		return -1;
	}
	return 0;
}

int
drill_sub_score(struct drill_cli *c)
{
	struct rp_drill_record rec;
	struct rp_drill *d = NULL;
	struct rp_drill_answer *a = NULL;
	struct rp_store *st = NULL;
	struct rp_buf b = RP_BUF_INIT;
	int fmt, rc = RP_EXIT_ERROR;

	memset(&rec, 0, sizeof(rec));
	if ((fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl,csv")) < 0 ||
	    (st = drill_store(c, 0)) == NULL || load_run(c, st, &rec, &d, &a) != 0)
		goto out;
	if (drill_score_out(c, &rec, d, a, fmt, &b) == 0 && rp_cli_put(c->cli, &b) == 0)
		rc = RP_EXIT_CLEAN;
out:
	rp_store_close(st);
	rp_drill_record_release(&rec);
	rp_drill_free(d);
	free(a);
	rp_buf_release(&b);
	return rc;
}

/* What writing the report did to the register and the plan, on stderr. */
static void
applied_said(const struct drill_cli *c, const struct rp_drill_applied *ap)
{
	size_t i;

	fflush(stdout);
	for (i = 0; i < ap->nraised; i++) {
		const struct rp_drill_raised *w = &ap->raised[i];

		if (w->status == RP_ERR_NOTFOUND)
			rp_warn(c->cli, "'%s' is not assessed in the risk register: not raised (see "
			    "'riposte risk list')", w->threat);
		else if (w->assets)
			fprintf(stderr, "%s: %s: risk register: '%s' more likely on %zu asset%s\n",
			    c->cli->argv0, c->cli->cmd, w->threat, w->assets, w->assets > 1 ? "s" : "");
		else
			fprintf(stderr, "%s: %s: risk register: '%s' was raised by this run already\n",
			    c->cli->argv0, c->cli->cmd, w->threat);
	}
	if (ap->actions_added || ap->actions_known)
		fprintf(stderr, "%s: %s: improvement plan: %zu action%s added, %zu there already "
		    "(riposte drill actions)\n", c->cli->argv0, c->cli->cmd, ap->actions_added,
		    ap->actions_added == 1 ? "" : "s", ap->actions_known);
	if (ap->case_id)
		fprintf(stderr, "%s: %s: the raise is journaled in case %lld too\n", c->cli->argv0,
		    c->cli->cmd, (long long)ap->case_id);
}

int
drill_sub_report(struct drill_cli *c)
{
	struct rp_drill_record rec;
	struct rp_drill *d = NULL;
	struct rp_drill_answer *a = NULL;
	struct rp_drill_score s;
	struct rp_drill_lessons l;
	struct rp_drill_applied ap;
	struct rp_ini *t = NULL, *en = NULL;
	struct rp_store *st = NULL;
	struct rp_pdf *pdf = NULL;
	struct rp_buf doc = RP_BUF_INIT, out = RP_BUF_INIT, j = RP_BUF_INIT;
	const char *fs = c->format ? c->format : "";
	int fmt, r, rc = RP_EXIT_ERROR;

	memset(&rec, 0, sizeof(rec));
	memset(&s, 0, sizeof(s));
	memset(&l, 0, sizeof(l));
	memset(&ap, 0, sizeof(ap));
	fmt = strcmp(fs, "md") == 0 ? RP_DOC_MD : strcmp(fs, "html") == 0 ? RP_DOC_HTML :
	    strcmp(fs, "pdf") == 0 ? -1 : -2;
	if (fmt == -2) {
		rp_err(c->cli, "report needs --format md, html or pdf");
		return RP_EXIT_ERROR;
	}
	if (fmt == -1 && (c->out == NULL || strcmp(c->out, "-") == 0)) {
		rp_err(c->cli, "a PDF report needs a file: -o lessons.pdf");
		return RP_EXIT_ERROR;
	}
	/* before the store is written: a report that cannot be made changes nothing */
	if (fmt == -1 && rp_cli_pdf_open(c->cli, &pdf) != 0)
		goto out;
	if ((st = drill_store(c, 0)) == NULL || load_run(c, st, &rec, &d, &a) != 0 ||
	    drill_texts(c, rec.lang, &t, &en) != 0)
		goto out;
	if ((r = rp_drill_score(d, a, &s)) != 0 || (r = rp_drill_lessons(d, &s, rec.finished, &l)) != 0 ||
	    (r = rp_drill_apply(st, &rec, d, &l, t, c->site, c->cli->now, c->actor, &ap)) != 0) {
		drill_store_err(c, st, r);
		goto out;
	}
	if ((r = rp_drill_report(&rec, d, a, &s, &l, t, en, c->site, &ap, &doc)) != 0) {
		rp_err(c->cli, "cannot make the report: %s", rp_strerror(r));
		goto out;
	}
	if (fmt == -1) {
		struct rp_pdf_layout lay = { .max_pages = 0 };

		lay.title = drill_tx(t, en, "report", "title");
		r = rp_pdf_render(pdf, c->out, doc.buf, doc.len, &lay, NULL);
	} else if ((r = rp_doc_render(doc.buf, doc.len, fmt, rec.lang, &out)) == 0) {
		if (c->out == NULL || strcmp(c->out, "-") == 0) {
			if (rp_cli_put(c->cli, &out) != 0)
				goto out;
		} else {
			r = rp_file_write_atomic(c->out, out.buf, out.len, 0644);
		}
	}
	if (r != 0) {
		rp_err(c->cli, "cannot write '%s': %s", c->out ? c->out : "-", rp_strerror(r));
		goto out;
	}
	if (rp_buf_addf(&j, "report of drill %lld (%s): %zu gaps, %zu actions added", (long long)rec.id,
	    rec.drill, l.ngaps, ap.actions_added) == 0 &&
	    (r = rp_drill_journal(st, c->cli->now, c->actor, "report", rec.id, j.buf, NULL)) != 0)
		rp_warn(c->cli, "the report was written but not journaled: %s", rp_strerror(r));
	applied_said(c, &ap);
	rc = RP_EXIT_CLEAN;
out:
	rp_pdf_free(pdf);
	rp_store_close(st);
	rp_drill_record_release(&rec);
	rp_drill_free(d);
	free(a);
	rp_drill_score_release(&s);
	rp_drill_lessons_release(&l);
	rp_drill_applied_release(&ap);
	rp_ini_free(t);
	rp_ini_free(en);
	rp_buf_release(&doc);
	rp_buf_release(&out);
	rp_buf_release(&j);
	return rc;
}

/* ---- runs ---- */

struct lister {
	int fmt;
	struct rp_buf *b;
	size_t n;
};

static int
run_line(const struct rp_drill_record *r, void *ctx)
{
	struct lister *L = ctx;
	struct rp_buf *b = L->b;
	int e;

	L->n++;
	if (L->fmt == RP_FMT_JSONL) {
		if ((e = rp_buf_addf(b, "{\"kind\":\"run\",\"run\":%lld,\"drill\":\"%s\",\"lang\":\"%s\","
		    "\"started\":\"", (long long)r->id, r->drill, r->lang)) != 0 ||
		    (e = rp_time_fmt_utc(b, r->started)) != 0 ||
		    (e = rp_buf_addf(b, "\",\"mode\":\"%s\"", r->mode)) != 0 ||
		    (e = rp_json_kv(b, "participants", r->participants)) != 0)
			return e;
		return rp_buf_addf(b, ",\"points\":%d,\"max\":%d,\"rating\":\"%c\"}\n", r->points,
		    r->max, r->rating);
	}
	if (L->fmt == RP_FMT_CSV) {
		if ((e = rp_buf_addf(b, "%lld,%s,%s,", (long long)r->id, r->drill, r->lang)) != 0 ||
		    (e = rp_time_fmt_utc(b, r->started)) != 0 ||
		    (e = rp_buf_addf(b, ",%s,", r->mode)) != 0 ||
		    (r->participants && (e = rp_esc_csv(b, r->participants, strlen(r->participants))) != 0))
			return e;
		return rp_buf_addf(b, ",%d,%d,%c\n", r->points, r->max, r->rating);
	}
	if ((e = rp_buf_addf(b, "%3lld  ", (long long)r->id)) != 0 ||
	    (e = rp_time_fmt_local(b, r->started)) != 0 ||
	    (e = rp_buf_addf(b, "  %-18s %s  %-11s %3d/%-3d %c  ", r->drill, r->lang, r->mode,
	    r->points, r->max, r->rating)) != 0 ||
	    (e = txt(b, r->participants ? r->participants : "-")) != 0)
		return e;
	return rp_buf_addch(b, '\n');
}

int
drill_sub_runs(struct drill_cli *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct lister L = { 0, &b, 0 };
	struct rp_store *st = NULL;
	int r, rc = RP_EXIT_ERROR;

	if (drill_args(c, 0, 0, "no arguments") != 0 ||
	    (L.fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl,csv")) < 0 ||
	    (st = drill_store(c, 0)) == NULL)
		goto out;
	r = L.fmt == RP_FMT_TEXT ? rp_buf_addstr(&b, "run  started                    drill      "
	    "        lang mode        points  rating  participants\n") : L.fmt == RP_FMT_CSV ?
	    rp_buf_addstr(&b, "run,drill,lang,started,mode,participants,points,max,rating\n") : 0;
	if (r == 0)
		r = rp_drill_runs_each(st, run_line, &L);
	if (r == 0 && L.fmt == RP_FMT_JSONL)
		r = rp_buf_addf(&b, "{\"kind\":\"summary\",\"runs\":%zu}\n", L.n);
	if (r != 0)
		drill_store_err(c, st, r);
	else if (rp_cli_put(c->cli, &b) == 0)
		rc = RP_EXIT_CLEAN;
out:
	rp_store_close(st);
	rp_buf_release(&b);
	return rc;
}

/* ---- the improvement plan ---- */

/* "2026-12-20": the day in the site's time zone */
static int
local_day(struct rp_buf *b, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char s[32];

	if (localtime_r(&tt, &tm) == NULL || strftime(s, sizeof(s), "%Y-%m-%d", &tm) == 0)
		return RP_ERR_INVALID;
	return rp_buf_addstr(b, s);
}

static int
action_line(const struct rp_drill_action *a, void *ctx)
{
	struct lister *L = ctx;
	struct rp_buf *b = L->b;
	int e;

	L->n++;
	if (L->fmt == RP_FMT_JSONL) {
		if ((e = rp_buf_addf(b, "{\"kind\":\"action\",\"id\":%lld,\"run\":%lld,\"drill\":\"%s\","
		    "\"inject\":\"%s\",\"text\":", (long long)a->id, (long long)a->run, a->drill,
		    a->inject)) != 0 || (e = rp_json_str(b, a->text)) != 0 ||
		    (e = rp_json_kv(b, "owner", a->owner)) != 0 ||
		    (e = rp_buf_addstr(b, ",\"due\":\"")) != 0 || (e = rp_time_fmt_utc(b, a->due)) != 0 ||
		    (e = rp_buf_addstr(b, "\",\"done\":")) != 0)
			return e;
		if (a->done == RP_TIME_UNSET)
			return rp_buf_addstr(b, "null}\n");
		if ((e = rp_buf_addch(b, '"')) != 0 || (e = rp_time_fmt_utc(b, a->done)) != 0)
			return e;
		return rp_buf_addstr(b, "\"}\n");
	}
	if (L->fmt == RP_FMT_CSV) {
		if ((e = rp_buf_addf(b, "%lld,%lld,%s,%s,", (long long)a->id, (long long)a->run,
		    a->drill, a->inject)) != 0 || (e = rp_esc_csv(b, a->text, strlen(a->text))) != 0 ||
		    (e = rp_buf_addch(b, ',')) != 0 ||
		    (a->owner && (e = rp_esc_csv(b, a->owner, strlen(a->owner))) != 0) ||
		    (e = rp_buf_addch(b, ',')) != 0 || (e = rp_time_fmt_utc(b, a->due)) != 0 ||
		    (e = rp_buf_addch(b, ',')) != 0 ||
		    (a->done != RP_TIME_UNSET && (e = rp_time_fmt_utc(b, a->done)) != 0))
			return e;
		return rp_buf_addch(b, '\n');
	}
	if ((e = rp_buf_addf(b, "%3lld  due ", (long long)a->id)) != 0 ||
	    (e = local_day(b, a->due)) != 0)
		return e;
	if ((e = rp_buf_addf(b, "%s  drill %lld, %s/%s\n     ", a->done != RP_TIME_UNSET ?
	    "  done" : "", (long long)a->run, a->drill, a->inject)) != 0 ||
	    (e = txt(b, a->text)) != 0 || (e = rp_buf_addstr(b, "\n     owner: ")) != 0 ||
	    (e = txt(b, a->owner ? a->owner : "-")) != 0)
		return e;
	return rp_buf_addch(b, '\n');
}

int
drill_sub_actions(struct drill_cli *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct lister L = { 0, &b, 0 };
	struct rp_store *st = NULL;
	int r, rc = RP_EXIT_ERROR;

	if (drill_args(c, 0, 0, "no arguments") != 0 ||
	    (L.fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl,csv")) < 0 ||
	    (st = drill_store(c, 0)) == NULL)
		goto out;
	r = L.fmt == RP_FMT_CSV ? rp_buf_addstr(&b, "id,run,drill,inject,text,owner,due,done\n") : 0;
	if (r == 0)
		r = rp_drill_actions_each(st, !c->all, action_line, &L);
	if (r == 0 && L.fmt == RP_FMT_JSONL)
		r = rp_buf_addf(&b, "{\"kind\":\"summary\",\"actions\":%zu,\"open_only\":%s}\n", L.n,
		    c->all ? "false" : "true");
	if (r == 0 && L.fmt == RP_FMT_TEXT && L.n == 0)
		r = rp_buf_addstr(&b, c->all ? "No improvement action yet.\n" :
		    "No open improvement action.\n");
	if (r != 0)
		drill_store_err(c, st, r);
	else if (rp_cli_put(c->cli, &b) == 0)
		rc = RP_EXIT_CLEAN;
out:
	rp_store_close(st);
	rp_buf_release(&b);
	return rc;
}

int
drill_sub_done(struct drill_cli *c)
{
	struct rp_store *st = NULL;
	unsigned long long id;
	int r, rc = RP_EXIT_ERROR;

	if (drill_args(c, 1, 1, "the ACTION's number (see 'riposte drill actions')") != 0 ||
	    rp_cli_uint(c->cli, "ACTION", c->args[0], 1, INT64_MAX, &id) != 0 ||
	    (st = drill_store(c, 0)) == NULL)
		goto out;
	if ((r = rp_drill_action_done(st, (int64_t)id, c->cli->now, c->actor)) == RP_ERR_NOTFOUND)
		rp_err(c->cli, "no action %llu (see 'riposte drill actions --all')", id);
	else if (r == RP_ERR_EXISTS)
		rp_err(c->cli, "action %llu is done already", id);
	else if (r != 0)
		drill_store_err(c, st, r);
	else {
		fprintf(stderr, "%s: %s: action %llu done\n", c->cli->argv0, c->cli->cmd, id);
		rc = RP_EXIT_CLEAN;
	}
out:
	rp_store_close(st);
	return rc;
}
