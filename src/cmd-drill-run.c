/* riposte drill run: a drill played in the terminal, or the answers of a paper exercise;
 * the run stored and journaled, then its score shown. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "cmd-drill.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/time.h"
#include "prepare/doc.h"
#include "store/store.h"

#define MAX_PARTICIPANTS 1000

struct play {
	struct drill_cli *c;
	struct rp_ini *t, *en;
	int64_t t0;                 /* the session's start, monotonic ms */
	struct rp_buf b;
};

static void
say(struct play *P, const char *s)
{
	rp_buf_reset(&P->b);
	if (rp_esc_text(&P->b, s, strlen(s)) == 0)
		fputs(P->b.buf, stdout);
}

static int
on_inject(const struct rp_drill *d, size_t i, void *ctx)
{
	struct play *P = ctx;
	const struct rp_drill_inject *in = &d->v[i];
	int64_t el = (rp_time_mono_ms() - P->t0) / 1000;
	size_t k;

	printf("\n== T+%d min  [%zu/%zu]  (%02lld:%02lld elapsed)\n", in->at, i + 1, d->n,
	    (long long)(el / 60), (long long)(el % 60));
	say(P, in->text);
	fputs("\n\n", stdout);
	say(P, in->question);
	fputc('\n', stdout);
	for (k = 0; k < in->nchoices; k++) {
		printf("  %s) ", in->choices[k].id);
		say(P, in->choices[k].text);
		fputc('\n', stdout);
	}
	say(P, drill_tx(P->t, P->en, "session", in->all ? "pick-all" : "pick-one"));
	fputc('\n', stdout);
	return ferror(stdout) ? RP_ERR_SYSTEM : 0;
}

static int
ask(const struct rp_drill *d, size_t i, struct rp_buf *answer, void *ctx)
{
	char line[4096];
	size_t n;

	(void)d;
	(void)i;
	(void)ctx;
	fputs("> ", stdout);
	fflush(stdout);
	if (fgets(line, sizeof(line), stdin) == NULL)
		return RP_ERR_NOTFOUND;            /* end of input: the session stops */
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	return rp_buf_add(answer, line, n);
}

static void
on_invalid(const struct rp_drill *d, size_t i, const char *why, void *ctx)
{
	struct play *P = ctx;
	struct rp_buf m = RP_BUF_INIT;

	(void)d;
	(void)i;
	if (rp_doc_fill(&m, drill_tx(P->t, P->en, "session", "again"), "why", why, NULL) == 0) {
		say(P, m.buf);
		fputc('\n', stdout);
	}
	rp_buf_release(&m);
}

static int
on_answer(const struct rp_drill *d, size_t i, const struct rp_drill_answer *a, void *ctx)
{
	(void)d;
	(void)i;
	(void)ctx;
	printf("   (%lld s)\n", (long long)(a->response_ms / 1000));
	return 0;
}

/* Plays d in the terminal; *a gets the answers (the caller frees it). */
static int
play(struct drill_cli *c, const struct rp_drill *d, struct rp_drill_answer **a, int64_t *secs)
{
	static const struct rp_drill_session_cb cb = { on_inject, ask, on_invalid, on_answer };
	struct play P;
	struct rp_drill_session *s = NULL;
	struct rp_buf m = RP_BUF_INIT;
	char n[16];
	int r;

	memset(&P, 0, sizeof(P));
	P.c = c;
	rp_buf_init(&P.b, 0);
	if (drill_texts(c, d->lang, &P.t, &P.en) != 0)
		return -1;
	snprintf(n, sizeof(n), "%zu", d->n);
	if ((r = rp_doc_fill(&m, drill_tx(P.t, P.en, "session", "start"), "title", d->title, "n", n,
	    NULL)) == 0) {
		say(&P, m.buf);
		fputs("\n\n", stdout);
		say(&P, d->summary);
		fputc('\n', stdout);
	}
	P.t0 = rp_time_mono_ms();
	if (r == 0 && (r = rp_drill_session_new(&s, d, &cb, &P)) == 0 &&
	    (r = rp_drill_session_run(s)) == 0) {
		if ((*a = calloc(d->n, sizeof(**a))) == NULL)
			r = RP_ERR_NOMEM;
		else
			memcpy(*a, rp_drill_session_answers(s), d->n * sizeof(**a));
	}
	*secs = (rp_time_mono_ms() - P.t0) / 1000;
	if (r == 0) {
		printf("\n%s\n\n", drill_tx(P.t, P.en, "session", "end"));
		fflush(stdout);
	} else if (r == RP_ERR_NOTFOUND) {
		rp_err(c->cli, "the input ended before the last inject: nothing stored");
	} else if (r == RP_ERR_FORMAT) {
		rp_err(c->cli, "five answers in a row were not valid: nothing stored");
	} else {
		rp_err(c->cli, "the session stopped: %s", rp_strerror(r));
	}
	rp_drill_session_free(s);
	rp_ini_free(P.t);
	rp_ini_free(P.en);
	rp_buf_release(&P.b);
	rp_buf_release(&m);
	return r ? -1 : 0;
}

/* The answers of a paper exercise from c->answers. */
static int
from_file(struct drill_cli *c, const struct rp_drill *d, struct rp_drill_answer **a)
{
	struct rp_buf text = RP_BUF_INIT;
	struct rp_drill_err err;
	size_t i, missing = 0;
	int r;

	if ((*a = calloc(d->n, sizeof(**a))) == NULL)
		return -1;
	if ((r = rp_file_read_all(AT_FDCWD, c->answers, &text, RP_DRILL_ANSWERS_MAX + 1)) != 0) {
		rp_err(c->cli, "cannot read '%s': %s", c->answers, r == RP_ERR_TOOBIG ?
		    "more than 64 KiB" : rp_strerror(r));
		goto fail;
	}
	if ((r = rp_drill_answers_parse(d, text.buf, text.len, *a, &err)) != 0) {
		if (err.line)
			rp_err(c->cli, "'%s' line %zu: %s", c->answers, err.line, err.msg);
		else
			rp_err(c->cli, "'%s': %s", c->answers, err.msg);
		goto fail;
	}
	for (i = 0; i < d->n; i++)
		missing += !(*a)[i].answered;
	if (missing)
		rp_warn(c->cli, "%zu of %zu injects not answered in '%s' (scored 0)", missing, d->n,
		    c->answers);
	rp_buf_release(&text);
	return 0;
fail:
	rp_buf_release(&text);
	free(*a);
	*a = NULL;
	return -1;
}

static int
participants_ok(const char *p)
{
	size_t i, n = strlen(p);

	if (n > MAX_PARTICIPANTS || !rp_utf8_valid(p, n))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
			return 0;
	return 1;
}

int
drill_sub_run(struct drill_cli *c)
{
	struct rp_buf text = RP_BUF_INIT, out = RP_BUF_INIT;
	struct rp_drill *d = NULL, *d2 = NULL;
	struct rp_drill_answer *a = NULL, *a2 = NULL;
	struct rp_drill_record rec;
	struct rp_store *st = NULL;
	int64_t id = 0, secs = 0;
	int r, rc = RP_EXIT_ERROR;

	memset(&rec, 0, sizeof(rec));
	if (drill_args(c, 1, 1, "the drill's NAME (see 'riposte drill list') or FILE.ini") != 0)
		return RP_EXIT_ERROR;
	if (c->participants && !participants_ok(c->participants)) {
		rp_err(c->cli, "--participants: one line of text, at most %d bytes", MAX_PARTICIPANTS);
		return RP_EXIT_ERROR;
	}
	if (drill_load(c, c->args[0], &d, &text) != 0)
		goto out;
	if (!(d->langs & (1u << rp_drill_lang_index(d->lang))))
		rp_warn(c->cli, "'%s' is not complete in '%s': the missing texts are in English",
		    d->name, d->lang);
	/* the database first: a session is not played for nothing */
	if ((st = drill_store(c, 1)) == NULL)
		goto out;
	if ((r = rp_drill_migrate(st)) != 0) {
		drill_store_err(c, st, r);
		goto out;
	}
	if ((c->answers ? from_file(c, d, &a) : play(c, d, &a, &secs)) != 0)
		goto out;
	if ((r = rp_drill_save(st, d, a, text.buf, text.len, c->participants,
	    c->answers ? "answers" : "interactive", c->cli->now, c->cli->now + secs, c->actor,
	    &id)) != 0) {
		drill_store_err(c, st, r);
		goto out;
	}
	/* the score as stored: what `drill score` will say */
	if ((r = rp_drill_load(st, id, &rec)) != 0 || (r = rp_drill_replay(&rec, &d2, &a2)) != 0) {
		drill_store_err(c, st, r);
		goto out;
	}
	if (drill_score_out(c, &rec, d2, a2, RP_FMT_TEXT, &out) != 0 || rp_cli_put(c->cli, &out) != 0)
		goto out;
	fflush(stdout);
	fprintf(stderr, "%s: %s: run %lld stored; the lessons learned: riposte drill report %lld "
	    "--format pdf -o lessons.pdf\n", c->cli->argv0, c->cli->cmd, (long long)id,
	    (long long)id);
	rc = RP_EXIT_CLEAN;
out:
	rp_store_close(st);
	rp_drill_free(d);
	rp_drill_free(d2);
	free(a);
	free(a2);
	rp_drill_record_release(&rec);
	rp_buf_release(&text);
	rp_buf_release(&out);
	return rc;
}
