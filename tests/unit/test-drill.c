/* Unit tests of lib/prepare/drill*.c: the built-in scenarios in every language, the
 * parser's refusals, the answers of a paper exercise, the score and its ratings, the
 * session, the runs in the store, the lessons fed to the register and the plan. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case/config.h"
#include "core/buf.h"
#include "core/data.h"
#include "core/err.h"
#include "prepare/doc.h"
#include "prepare/drill.h"
#include "prepare/risk.h"
#include "store/store.h"

static char dir[] = "/tmp/riposte-test-drill.XXXXXX";

/* ---- the built-in scenarios ---- */

struct seen {
	size_t n;
	int bad;
};

static int
check_builtin(const char *name, const char *text, size_t len, void *ctx)
{
	struct seen *S = ctx;
	int l;

	S->n++;
	for (l = 0; rp_drill_langs[l]; l++) {
		struct rp_drill *d = NULL;
		struct rp_drill_err err;
		struct rp_drill_answer a[RP_DRILL_MAX_INJECTS];
		struct rp_drill_score s;
		int c;

		if (rp_drill_parse(text, len, name, rp_drill_langs[l], &d, &err) != 0) {
			print_error("%s (%s): %s\n", name, rp_drill_langs[l], err.msg);
			S->bad = 1;
			continue;
		}
		/* written in all three languages, at least four injects, all five rated */
		assert_int_equal(d->langs, 7);
		assert_true(d->n >= 4);
		for (c = 0; c < RP_DRILL_NCAT; c++)
			assert_true(d->cat_max[c] > 0);
		/* the best answers of the facilitator's guide rate P in every capability... */
		rp_drill_best(d, a);
		assert_int_equal(rp_drill_score(d, a, &s), 0);
		assert_int_equal(s.total.points, d->max);
		assert_int_equal(s.total.rating, 'P');
		for (c = 0; c < RP_DRILL_NCAT; c++)
			assert_int_equal(s.cat[c].rating, 'P');
		rp_drill_score_release(&s);
		/* ... and the worst U */
		rp_drill_worst(d, a);
		assert_int_equal(rp_drill_score(d, a, &s), 0);
		assert_int_equal(s.total.rating, 'U');
		assert_int_equal(s.total.points, 0);
		rp_drill_score_release(&s);
		rp_drill_free(d);
	}
	return 0;
}

static void
builtins_parse_in_every_language(void **state)
{
	struct seen S = { 0, 0 };
	static const char *const want[] = { "bank-details", "ceo-fraud", "ransomware-night",
		"virus-to-client" };
	struct rp_buf t = RP_BUF_INIT;
	char name[RP_DRILL_MAX_ID + 1];
	size_t i;

	(void)state;
	assert_int_equal(rp_drill_each_builtin(check_builtin, &S), 0);
	assert_int_equal(S.bad, 0);
	assert_true(S.n >= 4);
	for (i = 0; i < 4; i++) {
		rp_buf_reset(&t);
		assert_int_equal(rp_drill_load_text(NULL, want[i], &t, name), 0);
		assert_string_equal(name, want[i]);
	}
	assert_int_equal(rp_drill_load_text(NULL, "no-such-drill", &t, name), RP_ERR_NOTFOUND);
	/* a file: its name must be an id, as it is stored */
	assert_int_equal(rp_drill_load_text(NULL, "x/Bad Name.ini", &t, name), RP_ERR_INVALID);
	assert_int_equal(rp_drill_load_text(NULL, "/nonexistent/our-drill.ini", &t, name),
	    RP_ERR_NOTFOUND);
	rp_buf_release(&t);
}

/* every key of the English texts is in French and German too */
static void
texts_are_complete(void **state)
{
	struct rp_ini *t = NULL, *en = NULL;
	size_t i, j;
	int l;
	const char *k, *v;

	(void)state;
	for (l = 0; rp_drill_langs[l]; l++) {
		assert_int_equal(rp_drill_texts(NULL, rp_drill_langs[l], &t, &en), 0);
		for (i = 0; i < rp_ini_nsections(en); i++)
			for (j = 0; rp_ini_section_entry(en, i, j, &k, &v) == 0; j++)
				if (rp_ini_get(t, rp_ini_section(en, i), k) == NULL)
					fail_msg("drills/text/%s.ini: [%s] %s missing", rp_drill_langs[l],
					    rp_ini_section(en, i), k);
		rp_ini_free(t);
		rp_ini_free(en);
	}
}

static void
ratings_have_their_thresholds(void **state)
{
	(void)state;
	assert_int_equal(rp_drill_rate(9, 10), 'P');
	assert_int_equal(rp_drill_rate(89, 100), 'S');
	assert_int_equal(rp_drill_rate(7, 10), 'S');
	assert_int_equal(rp_drill_rate(69, 100), 'M');
	assert_int_equal(rp_drill_rate(4, 10), 'M');
	assert_int_equal(rp_drill_rate(39, 100), 'U');
	assert_int_equal(rp_drill_rate(0, 10), 'U');
	assert_int_equal(rp_drill_rate(0, 0), '-');
	assert_int_equal(rp_drill_rate(28, 28), 'P');
}

/* ---- the parser ---- */

#define HEAD "[drill]\ntitle.en = T\nsummary.en = S\nthreat = ransomware\n"
#define INJ(id, at) "[inject " id "]\nat = " at "\ntext.en = x\nquestion.en = q\naction.en = do\n"

static void
refuses(const char *text, const char *needle)
{
	struct rp_drill *d = NULL;
	struct rp_drill_err err;

	assert_int_equal(rp_drill_parse(text, strlen(text), "t", "en", &d, &err), RP_ERR_FORMAT);
	assert_null(d);
	if (strstr(err.msg, needle) == NULL)
		fail_msg("'%s' not in '%s'", needle, err.msg);
}

static void
parser_refuses_what_is_wrong(void **state)
{
	static const char good[] = HEAD INJ("a", "0")
	    "choice.a = 3 contain\nchoice.a.en = A\nchoice.b = 0 detect\nchoice.b.en = B\n";
	struct rp_drill *d = NULL;
	struct rp_drill_err err;

	(void)state;
	assert_int_equal(rp_drill_parse(good, sizeof(good) - 1, "t", "de", &d, &err), 0);
	assert_int_equal(d->n, 1);
	assert_int_equal(d->max, 3);
	assert_int_equal(d->langs, 4);               /* English only: bit 2 */
	assert_string_equal(d->v[0].choices[0].text, "A");   /* German missing: English */
	assert_string_equal(d->v[0].threat, "ransomware");
	assert_int_equal(d->v[0].due, 30);
	rp_drill_free(d);

	refuses(INJ("a", "0") "choice.a = 1 detect\nchoice.a.en = A\nchoice.b = 0 detect\n"
	    "choice.b.en = B\n", "no [drill]");
	refuses(HEAD, "no [inject");
	refuses(HEAD INJ("a", "0") "choice.a = 3 contain\nchoice.a.en = A\nchoice.b = 2 detect\n"
	    "choice.b.en = B\n", "of one category");
	refuses(HEAD INJ("a", "0") "choice.a = 11 contain\nchoice.a.en = A\nchoice.b = 0 detect\n"
	    "choice.b.en = B\n", "points '11'");
	refuses(HEAD INJ("a", "0") "choice.a = -1 contain\nchoice.a.en = A\nchoice.b = 1 contain\n"
	    "choice.b.en = B\n", "points '-1'");          /* a trap only in a checklist */
	refuses(HEAD INJ("a", "0") "choice.a = 3 defend\nchoice.a.en = A\nchoice.b = 0 detect\n"
	    "choice.b.en = B\n", "not a category");
	refuses(HEAD INJ("a", "0") "choice.a = 3 contain\nchoice.a.en = A\n", "at least two");
	refuses(HEAD INJ("a", "0") "choice.a = 0 contain\nchoice.a.en = A\nchoice.b = 0 detect\n"
	    "choice.b.en = B\n", "no choice earns");
	refuses(HEAD INJ("a", "0") "choice.a = 3 contain\nchoice.b = 0 detect\nchoice.b.en = B\n",
	    "choice.a.en is missing");
	refuses(HEAD INJ("a", "10") "choice.a = 3 contain\nchoice.a.en = A\nchoice.b = 0 detect\n"
	    "choice.b.en = B\n" INJ("b", "5") "choice.a = 3 contain\nchoice.a.en = A\n"
	    "choice.b = 0 detect\nchoice.b.en = B\n", "order of their time");
	refuses(HEAD INJ("a", "0") "qestion.en = typo\nchoice.a = 3 contain\nchoice.a.en = A\n"
	    "choice.b = 0 detect\nchoice.b.en = B\n", "unknown key 'qestion.en'");
	refuses(HEAD INJ("a", "0") "pick = some\n", "pick = one");
	refuses(HEAD INJ("a", "0") "owner = The Boss\n", "not a role word");
	refuses(HEAD "[inject Big]\n", "a section is");
	refuses(HEAD "[inject a]\nat = -5\n", "at = minutes");
	refuses(HEAD INJ("a", "0") "choice.a = 3contain\n", "expected POINTS CATEGORY");
	/* a line that is not INI: named */
	assert_int_equal(rp_drill_parse("[drill]\nnot a line\n", 19, "t", "en", &d, &err),
	    RP_ERR_FORMAT);
	assert_int_equal(err.line, 2);
	/* bad name or language */
	assert_int_equal(rp_drill_parse(good, sizeof(good) - 1, "../x", "en", &d, &err),
	    RP_ERR_INVALID);
	assert_int_equal(rp_drill_parse(good, sizeof(good) - 1, "t", "it", &d, &err),
	    RP_ERR_INVALID);
}

static void
parser_has_bounds(void **state)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_drill *d = NULL;
	struct rp_drill_err err;
	int i;

	(void)state;
	/* 41 injects */
	assert_int_equal(rp_buf_addstr(&b, HEAD), 0);
	for (i = 0; i < 41; i++)
		assert_int_equal(rp_buf_addf(&b, "[inject i%d]\nat = %d\ntext.en = x\nquestion.en = q\n"
		    "action.en = a\nchoice.a = 1 detect\nchoice.a.en = A\nchoice.b = 0 detect\n"
		    "choice.b.en = B\n", i, i), 0);
	assert_int_equal(rp_drill_parse(b.buf, b.len, "t", "en", &d, &err), RP_ERR_FORMAT);
	assert_non_null(strstr(err.msg, "more than 40 injects"));
	/* 13 choices */
	rp_buf_reset(&b);
	assert_int_equal(rp_buf_addstr(&b, HEAD INJ("a", "0") "pick = all\n"), 0);
	for (i = 0; i < 13; i++)
		assert_int_equal(rp_buf_addf(&b, "choice.c%d = 1 detect\nchoice.c%d.en = C\n", i, i), 0);
	assert_int_equal(rp_drill_parse(b.buf, b.len, "t", "en", &d, &err), RP_ERR_FORMAT);
	assert_non_null(strstr(err.msg, "more than 12 choices"));
	/* more than 256 KiB */
	rp_buf_reset(&b);
	for (i = 0; i < 300 * 1024 / 16; i++)
		assert_int_equal(rp_buf_addstr(&b, "# a comment....\n"), 0);
	assert_int_equal(rp_drill_parse(b.buf, b.len, "t", "en", &d, &err), RP_ERR_FORMAT);
	assert_null(d);
	rp_buf_release(&b);
}

/* ---- answers and score ---- */

static struct rp_drill *
ransomware(const char *lang)
{
	struct rp_buf t = RP_BUF_INIT;
	struct rp_drill *d = NULL;
	struct rp_drill_err err;
	char name[RP_DRILL_MAX_ID + 1];

	assert_int_equal(rp_drill_load_text(NULL, "ransomware-night", &t, name), 0);
	assert_int_equal(rp_drill_parse(t.buf, t.len, name, lang, &d, &err), 0);
	rp_buf_release(&t);
	return d;
}

static void
answers_of_a_paper_exercise(void **state)
{
	static const char good[] = "\xef\xbb\xbf# the facilitator's sheet\r\n\n  note : a \r\n"
	    "scope: a, c ,b\nreport: -\n";
	struct rp_drill *d = ransomware("en");
	struct rp_drill_answer a[RP_DRILL_MAX_INJECTS];
	struct rp_drill_err err;
	struct rp_drill_score s;
	struct rp_buf ids = RP_BUF_INIT;

	(void)state;
	assert_int_equal(rp_drill_answers_parse(d, good, sizeof(good) - 1, a, &err), 0);
	assert_true(a[0].answered);
	assert_int_equal(a[0].picked, 1);
	assert_int_equal(a[1].picked, 7);
	assert_int_equal(a[0].response_ms, -1);
	assert_false(a[2].answered);                  /* insurer: not in the file */
	assert_true(a[5].answered);                   /* report: "-", nothing ticked */
	assert_int_equal(a[5].picked, 0);
	assert_int_equal(rp_drill_answer_ids(d, 1, &a[1], &ids), 0);
	assert_string_equal(ids.buf, "a,b,c");
	assert_int_equal(rp_drill_score(d, a, &s), 0);
	assert_int_equal(s.answered, 3);
	assert_int_equal(s.total.points, 9);
	assert_int_equal(s.inject[2].points, 0);      /* not answered: 0 */
	rp_drill_score_release(&s);

#define BAD(text, ln, needle) do { \
		assert_int_equal(rp_drill_answers_parse(d, text, strlen(text), a, &err), RP_ERR_FORMAT); \
		assert_int_equal(err.line, ln); \
		if (strstr(err.msg, needle) == NULL) fail_msg("'%s' not in '%s'", needle, err.msg); \
	} while (0)
	BAD("note: a\nfoo: a\n", 2, "'foo' is not an inject");
	BAD("note: a\nnote: b\n", 2, "answered twice");
	BAD("\nnote: x\n", 2, "'x' is not one of its choices");
	BAD("note: a,b\n", 1, "pick one answer, not 2");
	BAD("note: -\n", 1, "one answer expected");
	BAD("scope: a,a\n", 1, "'a' twice");
	BAD("note a\n", 1, "expected INJECT");
	BAD(": a\n", 1, "expected INJECT");
#undef BAD
	rp_buf_release(&ids);
	rp_drill_free(d);
}

static void
checklist_traps_cost_within_their_category(void **state)
{
	struct rp_drill *d = ransomware("en");
	struct rp_drill_answer a[RP_DRILL_MAX_INJECTS];
	struct rp_drill_err err;
	struct rp_drill_score s;

	(void)state;
	/* scope: a, b (detect 2 + 2), c (contain 2), d (recover -2), e (contain -1) */
	assert_int_equal(rp_drill_answers_parse(d, "scope: a,c,e,d\n", 15, a, &err), 0);
	assert_int_equal(rp_drill_score(d, a, &s), 0);
	assert_int_equal(s.inject_cat[1][RP_DRILL_DETECT].points, 2);
	assert_int_equal(s.inject_cat[1][RP_DRILL_CONTAIN].points, 1);   /* 2 - 1 */
	assert_int_equal(s.inject_cat[1][RP_DRILL_RECOVER].points, 0);   /* never below 0 */
	assert_int_equal(s.inject_cat[1][RP_DRILL_RECOVER].max, 0);
	assert_int_equal(s.inject[1].points, 3);
	assert_int_equal(s.inject[1].max, 6);
	assert_int_equal(s.inject[1].rating, 'M');
	rp_drill_score_release(&s);
	rp_drill_free(d);
}

/* ---- the session ---- */

struct script {
	const char *const *lines;
	size_t i, invalid, shown, answered;
};

static int
s_inject(const struct rp_drill *d, size_t i, void *ctx)
{
	struct script *S = ctx;

	(void)d;
	assert_int_equal(i, S->shown);
	S->shown++;
	return 0;
}

static int
s_ask(const struct rp_drill *d, size_t i, struct rp_buf *answer, void *ctx)
{
	struct script *S = ctx;

	(void)d;
	(void)i;
	if (S->lines[S->i] == NULL)
		return RP_ERR_NOTFOUND;
	return rp_buf_addstr(answer, S->lines[S->i++]);
}

static void
s_invalid(const struct rp_drill *d, size_t i, const char *why, void *ctx)
{
	struct script *S = ctx;

	(void)d;
	(void)i;
	assert_non_null(why);
	S->invalid++;
}

static int
s_answer(const struct rp_drill *d, size_t i, const struct rp_drill_answer *a, void *ctx)
{
	struct script *S = ctx;

	(void)d;
	(void)i;
	assert_true(a->response_ms >= 0);
	S->answered++;
	return 0;
}

static void
session_plays_and_times(void **state)
{
	static const char *const lines[] = { "z", "a", "a,b,c", "a", "a", "a,b,d", "a,b,d", "x,y",
		"a", NULL };
	static const char *const short_[] = { "a", NULL };
	static const struct rp_drill_session_cb cb = { s_inject, s_ask, s_invalid, s_answer };
	struct rp_drill *d = ransomware("fr");
	struct rp_drill_session *s = NULL;
	struct script S = { lines, 0, 0, 0, 0 };
	struct rp_drill_score sc;

	(void)state;
	assert_int_equal(rp_drill_session_new(&s, d, &cb, &S), 0);
	assert_int_equal(rp_drill_session_run(s), 0);
	assert_int_equal(S.invalid, 2);
	assert_int_equal(S.shown, d->n);
	assert_int_equal(S.answered, d->n);
	assert_int_equal(rp_drill_score(d, rp_drill_session_answers(s), &sc), 0);
	assert_int_equal(sc.total.rating, 'P');
	rp_drill_score_release(&sc);
	rp_drill_session_free(s);
	/* the input ends: the session stops and says so */
	S.lines = short_;
	S.i = S.invalid = S.shown = S.answered = 0;
	assert_int_equal(rp_drill_session_new(&s, d, &cb, &S), 0);
	assert_int_equal(rp_drill_session_run(s), RP_ERR_NOTFOUND);
	rp_drill_session_free(s);
	rp_drill_free(d);
}

/* ---- the store, the lessons, the register ---- */

static struct rp_store *
store(const char *name)
{
	struct rp_store *st = NULL;
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_int_equal(rp_store_open(&st, path, RP_STORE_CREATE), 0);
	return st;
}

static void
runs_are_stored_as_played(void **state)
{
	struct rp_store *st = store("runs.db");
	struct rp_drill *d = ransomware("de"), *d2 = NULL;
	struct rp_drill_answer a[RP_DRILL_MAX_INJECTS], best[RP_DRILL_MAX_INJECTS], *a2 = NULL;
	struct rp_drill_record rec;
	struct rp_buf t = RP_BUF_INIT;
	char name[RP_DRILL_MAX_ID + 1];
	int64_t id = 0, id2 = 0;
	size_t i;

	(void)state;
	assert_int_equal(rp_drill_load_text(NULL, "ransomware-night", &t, name), 0);
	rp_drill_best(d, a);
	rp_drill_best(d, best);
	a[0].response_ms = 12000;
	a[3].answered = 0;
	assert_int_equal(rp_drill_save(st, d, a, t.buf, t.len, "Empfang, Praxisleitung",
	    "interactive", 1795000000, 1795001800, "tester", &id), 0);
	assert_int_equal(id, 1);
	rp_drill_worst(d, a);
	assert_int_equal(rp_drill_save(st, d, a, t.buf, t.len, NULL, "answers", 1795100000,
	    1795100000, "tester", &id2), 0);
	/* run 1 as played, even if the scenario changes later */
	memset(&rec, 0, sizeof(rec));
	assert_int_equal(rp_drill_load(st, 1, &rec), 0);
	assert_string_equal(rec.drill, "ransomware-night");
	assert_string_equal(rec.lang, "de");
	assert_string_equal(rec.participants, "Empfang, Praxisleitung");
	assert_int_equal(rec.finished, 1795001800);
	assert_int_equal(rec.nanswers, d->n - 1);
	assert_int_equal(rec.points, d->max - 3);
	assert_int_equal(rec.rating, 'S');      /* 25 of 28 is 89.3 %: just below P */
	assert_int_equal(rp_drill_replay(&rec, &d2, &a2), 0);
	assert_int_equal(a2[0].response_ms, 12000);
	assert_false(a2[3].answered);
	for (i = 0; i < d2->n; i++)
		if (i != 3)
			assert_int_equal(a2[i].picked, best[i].picked);
	rp_drill_free(d2);
	free(a2);
	rp_drill_record_release(&rec);
	/* 0: the latest */
	assert_int_equal(rp_drill_load(st, 0, &rec), 0);
	assert_int_equal(rec.id, id2);
	assert_int_equal(rec.rating, 'U');
	assert_null(rec.participants);
	rp_drill_record_release(&rec);
	assert_int_equal(rp_drill_load(st, 99, &rec), RP_ERR_NOTFOUND);
	/* the journal is append-only */
	assert_int_not_equal(rp_store_exec(st, "UPDATE drill_journal SET text='x'"), 0);
	assert_int_not_equal(rp_store_exec(st, "DELETE FROM drill_journal"), 0);
	rp_buf_release(&t);
	rp_drill_free(d);
	rp_store_close(st);
}

static void
lessons_feed_the_register_and_the_plan_once(void **state)
{
	struct rp_store *st = store("lessons.db");
	struct rp_drill *d = ransomware("en"), *d2 = NULL;
	struct rp_drill_answer a[RP_DRILL_MAX_INJECTS], *a2 = NULL;
	struct rp_drill_record rec;
	struct rp_drill_score s;
	struct rp_drill_lessons l;
	struct rp_drill_applied ap;
	struct rp_risk_rows rows;
	struct rp_risk_err rerr;
	struct rp_risk_ctx x = { st, 1795000000, "tester", 0, 0 };
	struct rp_register reg;
	struct rp_ini *t = NULL, *en = NULL, *site = NULL;
	struct rp_buf text = RP_BUF_INIT, doc = RP_BUF_INIT, md = RP_BUF_INIT;
	char name[RP_DRILL_MAX_ID + 1];
	static const char conf[] = "[site]\nname = Praxis Test\ncountry = CH\n"
	    "[contact it-provider]\nname = Muster IT\n";
	int64_t id;
	size_t i, raised = 0;
	int line;

	(void)state;
	assert_int_equal(rp_ini_parse(conf, sizeof(conf) - 1, &site, &line), 0);
	assert_int_equal(rp_risk_seed(NULL, "medical-practice", "en", &rows, &rerr, NULL), 0);
	assert_int_equal(rp_risk_apply(&x, &rows, 0, "init", NULL), 0);
	rp_risk_rows_release(&rows);
	assert_int_equal(rp_drill_load_text(NULL, "ransomware-night", &text, name), 0);
	/* the worst answers to every inject: every gap U */
	rp_drill_worst(d, a);
	assert_int_equal(rp_drill_save(st, d, a, text.buf, text.len, NULL, "answers", 1795000000,
	    1795000000, "tester", &id), 0);
	memset(&rec, 0, sizeof(rec));
	assert_int_equal(rp_drill_load(st, id, &rec), 0);
	assert_int_equal(rp_drill_replay(&rec, &d2, &a2), 0);
	assert_int_equal(rp_drill_score(d2, a2, &s), 0);
	assert_int_equal(rp_drill_lessons(d2, &s, rec.finished, &l), 0);
	assert_int_equal(l.nwell, 0);
	assert_int_equal(l.ngaps, d2->n);
	for (i = 0; i < l.ngaps; i++) {
		assert_true(l.gaps[i].raises);
		assert_int_equal(l.gaps[i].due, 1795000000 + (int64_t)d2->v[i].due * 86400);
	}
	assert_int_equal(rp_drill_texts(NULL, "en", &t, &en), 0);
	assert_int_equal(rp_drill_apply(st, &rec, d2, &l, t, site, 1795000100, "tester", &ap), 0);
	assert_int_equal(ap.nraised, 1);              /* ransomware, once */
	assert_string_equal(ap.raised[0].threat, "ransomware");
	assert_int_equal(ap.raised[0].status, 0);
	assert_true(ap.raised[0].assets >= 2);
	raised = ap.raised[0].assets;
	assert_int_equal(ap.actions_added, d2->n);
	/* the report says it all */
	assert_int_equal(rp_drill_report(&rec, d2, a2, &s, &l, t, en, site, &ap, &doc), 0);
	assert_int_equal(rp_doc_render(doc.buf, doc.len, RP_DOC_MD, "en", &md), 0);
	assert_non_null(strstr(md.buf, "# Lessons learned: Ransomware in the night"));
	assert_non_null(strstr(md.buf, "## Improvement plan"));
	assert_non_null(strstr(md.buf, "IT provider (Muster IT)"));
	assert_non_null(strstr(md.buf, "| Overall | 0 | 28 | U · unable to be performed |"));
	assert_non_null(strstr(md.buf, "Praxis Test · tabletop exercise of"));
	rp_drill_applied_release(&ap);
	/* twice: nothing more */
	assert_int_equal(rp_drill_apply(st, &rec, d2, &l, t, site, 1795000200, "tester", &ap), 0);
	assert_int_equal(ap.raised[0].assets, 0);
	assert_int_equal(ap.actions_added, 0);
	assert_int_equal(ap.actions_known, d2->n);
	rp_drill_applied_release(&ap);
	assert_int_equal(rp_risk_load(st, &reg), 0);
	for (i = 0, line = 0; i < reg.n; i++)
		if (reg.v[i].raised_source && strcmp(reg.v[i].raised_source, "drill 1") == 0)
			line++;
	assert_int_equal((size_t)line, raised);
	rp_register_release(&reg);
	/* the plan: one done */
	assert_int_equal(rp_drill_action_done(st, 1, 1795000300, "tester"), 0);
	assert_int_equal(rp_drill_action_done(st, 1, 1795000300, "tester"), RP_ERR_EXISTS);
	assert_int_equal(rp_drill_action_done(st, 99, 1795000300, "tester"), RP_ERR_NOTFOUND);
	rp_drill_lessons_release(&l);
	rp_drill_score_release(&s);
	rp_drill_record_release(&rec);
	rp_drill_free(d);
	rp_drill_free(d2);
	free(a2);
	rp_ini_free(t);
	rp_ini_free(en);
	rp_ini_free(site);
	rp_buf_release(&text);
	rp_buf_release(&doc);
	rp_buf_release(&md);
	rp_store_close(st);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtins_parse_in_every_language),
		cmocka_unit_test(texts_are_complete),
		cmocka_unit_test(ratings_have_their_thresholds),
		cmocka_unit_test(parser_refuses_what_is_wrong),
		cmocka_unit_test(parser_has_bounds),
		cmocka_unit_test(answers_of_a_paper_exercise),
		cmocka_unit_test(checklist_traps_cost_within_their_category),
		cmocka_unit_test(session_plays_and_times),
		cmocka_unit_test(runs_are_stored_as_played),
		cmocka_unit_test(lessons_feed_the_register_and_the_plan_once),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
