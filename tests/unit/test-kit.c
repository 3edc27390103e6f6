/* Unit tests of lib/prepare/kit.c: the index, every document in every language, the
 * quizzes alike, the sheet format and its refusals, the order by the register and
 * incidents, the colour, the quiz's answers, its results in the store. */
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
#include "prepare/kit.h"
#include "prepare/risk.h"
#include "store/store.h"

static char dir[] = "/tmp/riposte-test-kit.XXXXXX";

static const char site_conf[] =
    "[site]\nname = Praxis Test\ncountry = CH\n"
    "[branding]\nname = Praxis Test (Marke)\ncolor = #0B6E4F\n"
    "[insurance]\ninsurer = Versicherung X\npolicy = P-1\nhotline = +41 1\n"
    "[contact it-provider]\nname = Muster IT\nphone = +41 2\n"
    "[contact police]\nname = Polizei\nphone = 117\n";

static struct rp_ini *
ini(const char *text)
{
	struct rp_ini *i = NULL;
	int line;

	assert_int_equal(rp_ini_parse(text, strlen(text), &i, &line), 0);
	return i;
}

static struct rp_ini *
words(const char *lang)
{
	struct rp_buf t = RP_BUF_INIT;
	struct rp_ini *w;
	char name[32];

	snprintf(name, sizeof(name), "kit/%s/words.ini", lang);
	assert_int_equal(rp_data_load(NULL, name, &t), 0);
	w = ini(t.buf);
	rp_buf_release(&t);
	return w;
}

static void
index_lists_the_kit(void **state)
{
	struct rp_kit_doc *d = NULL;
	size_t n, i, sheets = 0;

	(void)state;
	assert_int_equal(rp_kit_index(NULL, &d, &n), 0);
	assert_true(n >= 8);
	for (i = 0; i < n; i++) {
		sheets += d[i].kind == RP_KIT_SHEET;
		if (d[i].kind == RP_KIT_POSTER) {
			assert_string_equal(d[i].paper, "A3");
			assert_true(d[i].page_h > 1190);
		}
		if (d[i].kind == RP_KIT_MEMO)
			assert_string_equal(d[i].paper, "A5");
	}
	assert_int_equal(sheets, 7);
	assert_string_equal(d[0].name, "phishing");
	free(d);
}

/* every document and word of every language is there and parses */
static void
every_language_has_every_document(void **state)
{
	struct rp_kit_doc *d = NULL;
	struct rp_ini *site = ini(site_conf), *w, *en = words("en");
	struct rp_quiz *q[3] = { NULL, NULL, NULL };
	size_t n, i, j, line;
	int l, k;
	const char *key, *v;

	(void)state;
	assert_int_equal(rp_kit_index(NULL, &d, &n), 0);
	for (l = 0; rp_drill_langs[l]; l++) {
		struct rp_kit_fill f;

		w = words(rp_drill_langs[l]);
		for (i = 0; i < rp_ini_nsections(en); i++)
			for (j = 0; rp_ini_section_entry(en, i, j, &key, &v) == 0; j++)
				if (rp_ini_get(w, rp_ini_section(en, i), key) == NULL)
					fail_msg("kit/%s/words.ini: [%s] %s missing", rp_drill_langs[l],
					    rp_ini_section(en, i), key);
		f.site = site;
		f.words = w;
		f.site_name = "Praxis Test";
		for (i = 0; i < n; i++) {
			struct rp_buf t = RP_BUF_INIT, doc = RP_BUF_INIT;
			char name[64], title[256];

			if (d[i].kind == RP_KIT_QUIZ || d[i].kind == RP_KIT_ANSWERS)
				continue;
			snprintf(name, sizeof(name), "kit/%s/%s.txt", rp_drill_langs[l], d[i].name);
			if (rp_data_load(NULL, name, &t) != 0)
				fail_msg("%s missing", name);
			if (rp_kit_sheet_parse(t.buf, t.len, &f, &doc, title, &line) != 0)
				fail_msg("%s line %zu", name, line);
			assert_true(strlen(title) > 3);
			/* every placeholder filled */
			if (strstr(doc.buf, "{{"))
				fail_msg("%s: a placeholder left: %s", name, strstr(doc.buf, "{{"));
			rp_buf_release(&t);
			rp_buf_release(&doc);
		}
		assert_int_equal(rp_quiz_load(NULL, rp_drill_langs[l], &q[l]), 0);
		assert_int_equal(q[l]->n, 10);
		rp_ini_free(w);
	}
	/* the same questions' answers in every language */
	for (k = 0; k < q[0]->n; k++) {
		assert_int_equal(q[0]->q[k].answer, q[1]->q[k].answer);
		assert_int_equal(q[0]->q[k].answer, q[2]->q[k].answer);
		assert_int_equal(q[0]->q[k].noptions, q[2]->q[k].noptions);
	}
	for (l = 0; l < 3; l++)
		rp_quiz_free(q[l]);
	rp_ini_free(site);
	rp_ini_free(en);
	free(d);
}

/* ---- the sheet format ---- */

struct recs {
	char buf[4096];
};

static int
dump(char type, const char *const *cells, size_t n, void *ctx)
{
	struct recs *R = ctx;
	size_t k, len = strlen(R->buf);

	snprintf(R->buf + len, sizeof(R->buf) - len, "%c", type);
	for (k = 0; k < n; k++) {
		len = strlen(R->buf);
		snprintf(R->buf + len, sizeof(R->buf) - len, "|%s", cells[k]);
	}
	len = strlen(R->buf);
	snprintf(R->buf + len, sizeof(R->buf) - len, "\n");
	return 0;
}

static void
sheet_format(void **state)
{
	static const char sheet[] =
	    "% a comment\n# Call {{it-provider}}\nA paragraph\non two lines.\n\n"
	    "## Heading\n- **Bold**, then the rest\n- plain {{it-provider.phone}}\n"
	    "! Tell us. Bank: {{bank.phone}}\n{{contacts}}\nLast {{unknown}}.\r\n";
	struct rp_ini *site = ini(site_conf), *w = words("en");
	struct rp_kit_fill f = { site, w, "Praxis Test" };
	struct rp_buf doc = RP_BUF_INIT;
	struct recs R;
	char title[256];
	size_t line = 0;

	(void)state;
	memset(&R, 0, sizeof(R));
	assert_int_equal(rp_kit_sheet_parse(sheet, sizeof(sheet) - 1, &f, &doc, title, &line), 0);
	assert_string_equal(title, "Call Muster IT");
	assert_int_equal(rp_doc_each(doc.buf, doc.len, dump, &R), 0);
	assert_string_equal(R.buf,
	    "H|Call Muster IT\n"
	    "p|A paragraph on two lines.\n"
	    "h|Heading\n"
	    "l|Bold,|then the rest\n"
	    "l|plain +41 2\n"
	    "b|Tell us. Bank: ______________\n"
	    "T|Who|Name|Phone\n"
	    "r|IT provider|Muster IT|+41 2\n"
	    "r|Cyber insurance hotline|Versicherung X · policy P-1|+41 1\n"
	    "r|Data protection|______________|______________\n"
	    "r|Police|Polizei|117\n"
	    "r|Bank (payment fraud)|______________|______________\n"
	    "p|Last {{unknown}}.\n");
	rp_buf_release(&doc);

#define BAD(text, ln) do { \
		line = 99; \
		rp_buf_reset(&doc); \
		assert_int_not_equal(rp_kit_sheet_parse(text, sizeof(text) - 1, &f, &doc, NULL, &line), 0); \
		assert_int_equal(line, ln); \
	} while (0)
	BAD("no title\n", 0);
	BAD("# One\n# Two\n", 2);
	BAD("text\n# Late title\n", 2);
	BAD("# T\nbell \x07 here\n", 2);
	BAD("# T\n\xff\xfe\n", 2);
#undef BAD
	{
		struct rp_buf big = RP_BUF_INIT;
		int i;

		assert_int_equal(rp_buf_addstr(&big, "# T\n"), 0);
		for (i = 0; i < 2001; i++)
			assert_int_equal(rp_buf_addch(&big, 'x'), 0);
		assert_int_equal(rp_kit_sheet_parse(big.buf, big.len, &f, &doc, NULL, &line),
		    RP_ERR_FORMAT);
		assert_int_equal(line, 2);
		rp_buf_release(&big);
	}
	rp_buf_release(&doc);
	rp_ini_free(site);
	rp_ini_free(w);
}

static void
colours(void **state)
{
	unsigned c = 0;

	(void)state;
	assert_int_equal(rp_kit_color("#0B6E4F", &c), 0);
	assert_int_equal(c, 0x0B6E4F);
	assert_int_equal(rp_kit_color("#ffffff", &c), 0);
	assert_int_equal(c, 0xFFFFFF);
	assert_int_equal(rp_kit_color("0B6E4F", &c), RP_ERR_FORMAT);
	assert_int_equal(rp_kit_color("#0B6E4", &c), RP_ERR_FORMAT);
	assert_int_equal(rp_kit_color("#0B6E4G", &c), RP_ERR_FORMAT);
	assert_int_equal(rp_kit_color(NULL, &c), RP_ERR_FORMAT);
}

/* ---- the order ---- */

static void
register_and_incidents_put_sheets_first(void **state)
{
	struct rp_store *st = NULL;
	struct rp_kit_doc *d = NULL;
	struct rp_risk_rows rows;
	struct rp_risk_err err;
	struct rp_register reg;
	struct rp_risk_ctx x;
	char path[128], **th = NULL, **src = NULL;
	size_t n, i, ni = 0, raised;

	(void)state;
	snprintf(path, sizeof(path), "%s/order.db", dir);
	assert_int_equal(rp_store_open(&st, path, RP_STORE_CREATE), 0);
	memset(&x, 0, sizeof(x));
	x.st = st;
	x.now = 1795000000;
	x.actor = "tester";
	assert_int_equal(rp_risk_seed(NULL, "medical-practice", "en", &rows, &err, NULL), 0);
	assert_int_equal(rp_risk_apply(&x, &rows, 0, "init", NULL), 0);
	rp_risk_rows_release(&rows);
	assert_int_equal(rp_kit_index(NULL, &d, &n), 0);
	/* the index's order without anything */
	rp_kit_order(d, n, NULL, NULL, NULL, 0);
	assert_string_equal(d[0].name, "phishing");
	assert_string_equal(d[0].why, "");
	/* the register: ransomware is the top risk of a medical practice */
	assert_int_equal(rp_risk_load(st, &reg), 0);
	rp_kit_order(d, n, &reg, NULL, NULL, 0);
	assert_string_equal(reg.v[0].threat, "ransomware");
	assert_non_null(strstr(d[0].threats, "ransomware"));
	assert_non_null(strstr(d[0].why, "risk #1"));
	for (i = 0; i < n; i++)
		if (d[i].kind != RP_KIT_SHEET)
			break;
	assert_int_equal(i, 7);                       /* the sheets first, then the rest */
	rp_register_release(&reg);
	/* a past incident: bank-detail fraud raised by case 2, then CEO fraud by case 3 */
	assert_int_equal(rp_risk_raise(&x, "bank-detail-fraud", "fake invoice", "case 2", &raised), 0);
	assert_int_equal(rp_risk_raise(&x, "ceo-fraud", "the boss", "case 3", &raised), 0);
	assert_int_equal(rp_risk_raise(&x, "phishing", "a drill", "drill 1", &raised), 0);
	assert_int_equal(rp_kit_incidents(st, &th, &src, &ni), 0);
	assert_int_equal(ni, 2);                      /* a drill is not an incident */
	assert_string_equal(th[0], "ceo-fraud");      /* most recent first */
	assert_string_equal(src[0], "case 3");
	assert_int_equal(rp_risk_load(st, &reg), 0);
	rp_kit_order(d, n, &reg, (const char *const *)th, (const char *const *)src, ni);
	assert_string_equal(d[0].name, "bank-details");      /* index order among incidents */
	assert_string_equal(d[1].name, "ceo-fraud");
	assert_string_equal(d[1].why, "past incident (case 3: ceo-fraud)");
	rp_register_release(&reg);
	rp_kit_strings_free(th, ni);
	rp_kit_strings_free(src, ni);
	free(d);
	rp_store_close(st);
}

/* ---- the quiz ---- */

static void
quiz_answers_and_results(void **state)
{
	struct rp_quiz *q = NULL;
	struct rp_store *st = NULL;
	int a[RP_QUIZ_MAX_Q];
	char msg[256], path[128];
	size_t line = 0;
	int64_t id = 0;
	static const char good[] = "# Anna\n1: c\nq2: B\n 3 : b\n\n10: c\n";

	(void)state;
	assert_int_equal(rp_quiz_load(NULL, "de", &q), 0);
	assert_int_equal(rp_quiz_answers_parse(q, good, sizeof(good) - 1, a, &line, msg), 0);
	assert_int_equal(a[0], 2);
	assert_int_equal(a[1], 1);
	assert_int_equal(a[3], -1);
	assert_int_equal(rp_quiz_score(q, a), 4);
#define BAD(text, ln) do { \
		assert_int_equal(rp_quiz_answers_parse(q, text, sizeof(text) - 1, a, &line, msg), \
		    RP_ERR_FORMAT); \
		assert_int_equal(line, ln); \
	} while (0)
	BAD("1: c\n1: b\n", 2);
	BAD("11: a\n", 1);
	BAD("0: a\n", 1);
	BAD("7: c\n", 1);                              /* question 7 has two answers */
	BAD("1: ab\n", 1);
	BAD("one: a\n", 1);
	BAD("1 a\n", 1);
#undef BAD
	snprintf(path, sizeof(path), "%s/quiz.db", dir);
	assert_int_equal(rp_store_open(&st, path, RP_STORE_CREATE), 0);
	assert_int_equal(rp_quiz_answers_parse(q, good, sizeof(good) - 1, a, &line, msg), 0);
	assert_int_equal(rp_kit_quiz_save(st, q, a, "Anna", "de", 1795000000, "tester", &id), 0);
	assert_int_equal(id, 1);
	assert_int_not_equal(rp_store_exec(st, "UPDATE kit_quiz SET score=10"), 0);
	rp_store_close(st);
	rp_quiz_free(q);
	/* a quiz file that is wrong */
	{
		static const char q2[] = "[quiz]\ntitle = t\nintro = i\n[q2]\n";
		static const char bad_answer[] = "[quiz]\ntitle = t\nintro = i\n[q1]\ntext = x\n"
		    "a = 1\nb = 2\nanswer = c\nwhy = w\n";
		static const char ok[] = "[quiz]\ntitle = t\nintro = i\n[q1]\ntext = x\n"
		    "a = 1\nb = 2\nanswer = b\nwhy = w\n";

		assert_int_equal(rp_quiz_parse(q2, sizeof(q2) - 1, &q, msg), RP_ERR_FORMAT);
		assert_non_null(strstr(msg, "[q2]"));
		assert_int_equal(rp_quiz_parse(bad_answer, sizeof(bad_answer) - 1, &q, msg),
		    RP_ERR_FORMAT);
		assert_non_null(strstr(msg, "[q1]"));
		assert_int_equal(rp_quiz_parse(ok, sizeof(ok) - 1, &q, msg), 0);
		assert_int_equal(q->n, 1);
		assert_int_equal(q->q[0].answer, 1);
		rp_quiz_free(q);
	}
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
		cmocka_unit_test(index_lists_the_kit),
		cmocka_unit_test(every_language_has_every_document),
		cmocka_unit_test(sheet_format),
		cmocka_unit_test(colours),
		cmocka_unit_test(register_and_incidents_put_sheets_first),
		cmocka_unit_test(quiz_answers_and_results),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
