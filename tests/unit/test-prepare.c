/* Unit tests of lib/prepare: the CSV reader, the register's file, the ranking, the
 * register in the store (changes, journal, raise), the document renderers, the plan
 * and its texts in every language. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "case/case.h"
#include "case/config.h"
#include "case/journal.h"
#include "core/buf.h"
#include "core/data.h"
#include "core/err.h"
#include "core/time.h"
#include "prepare/doc.h"
#include "prepare/plan.h"
#include "prepare/risk.h"
#include "store/store.h"

static char dir[] = "/tmp/riposte-test-prepare.XXXXXX";

/* ---- the register's file ---- */

static const char good[] =
    "Asset , value,threat,likelihood,impact,measure,owner\r\n"
    "mail,3,phishing,4,3,\"2FA, and rules checked\",IT\r\n"
    "mail,3,ceo-fraud,2,2,,\r\n"
    ",,,,,,\r\n"                                   /* a spreadsheet's empty row */
    "website,1,,,,,\r\n"                           /* an asset without a threat */
    "backups,4,ransomware,3,4,\"'=offline copy\",\r\n";

static void
register_file_reads_rows(void **state)
{
	struct rp_risk_rows rows;
	struct rp_risk_err e;

	assert_int_equal(rp_risk_csv_parse(good, strlen(good), NULL, &rows, &e), 0);
	assert_int_equal(rows.n, 4);
	assert_string_equal(rows.v[0].asset, "mail");
	assert_int_equal(rows.v[0].value, 3);
	assert_int_equal(rows.v[0].likelihood, 4);
	assert_string_equal(rows.v[0].measure, "2FA, and rules checked");
	assert_string_equal(rows.v[0].owner, "IT");
	assert_null(rows.v[1].measure);
	assert_null(rows.v[1].owner);
	assert_null(rows.v[2].threat);
	assert_int_equal(rows.v[2].line, 5);
	assert_string_equal(rows.v[3].measure, "=offline copy");   /* the guard came off */
	rp_risk_rows_release(&rows);
}

static void
register_file_refuses_bad_rows(void **state)
{
	static const struct { const char *t; size_t line; const char *msg; } bad[] = {
		{ "asset,value,threat,likelihood,impact\nmail,5,phishing,1,1\n", 2, "value '5'" },
		{ "asset,value,threat,likelihood,impact\nmail,3,phishing,0,1\n", 2, "likelihood" },
		{ "asset,value,threat,likelihood,impact\nmail,3,phishing,2,x\n", 2, "impact" },
		{ "asset,value,threat,likelihood\nmail,3,phishing,1\n", 1, "no column 'impact'" },
		{ "asset,value,threat,likelyhood,impact\n", 1, "unknown column 'likelyhood'" },
		{ "asset,value,value,threat,likelihood,impact\n", 1, "twice" },
		{ "asset,value,threat,likelihood,impact\nmail,3,a,1,1\n\nmail,2,b,1,1\n", 4,
		  "value 2 here and 3 on line 2" },
		{ "asset,value,threat,likelihood,impact\nmail,3,a,1,1\nmail,3,a,2,2\n", 3,
		  "on line 2 already" },
		{ "asset,value,threat,likelihood,impact\nweb,1,,2,\n", 2, "without a threat" },
		{ "asset,value,threat,likelihood,impact\nmail,3,a,1\n", 2, "4 fields" },
		{ "asset,value,threat,likelihood,impact\n,3,a,1,1\n", 2, "no asset" },
		{ "asset,value,threat,likelihood,impact,measure\nm,3,a,1,1,\"x\ny\"\n", 2,
		  "line break" },
		{ "asset,value,threat,likelihood,impact\nm,3,\"a\"b,1,1\n", 2, "closing quote" },
		{ "asset,value,threat,likelihood,impact\nm,3,a\"b,1,1\n", 2, "double the quote" },
		{ "asset,value,threat,likelihood,impact\nm,3,\"a,1,1\n", 2, "not closed" },
		{ "asset,value,threat,likelihood,impact\nm,3,caf\xe9,1,1\n", 2, "UTF-8" },
		{ "asset,value,threat,likelihood,impact\rm,3,a,1,1\rm,3,a,1\r", 3, "4 fields" },
		{ "", 0, "empty file" },
	};
	struct rp_risk_rows rows;
	struct rp_risk_err e;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(rp_risk_csv_parse(bad[i].t, strlen(bad[i].t), NULL, &rows, &e),
		    RP_ERR_FORMAT);
		assert_int_equal(e.line, bad[i].line);
		if (strstr(e.msg, bad[i].msg) == NULL)
			fail_msg("case %zu: '%s' does not say '%s'", i, e.msg, bad[i].msg);
		assert_int_equal(rows.n, 0);          /* nothing comes out of a bad file */
		assert_null(rows.v);
	}
	/* a NUL byte inside a field */
	{
		static const char nul[] = "asset,value,threat,likelihood,impact\nm,3,a\0b,1,1\n";

		assert_int_equal(rp_risk_csv_parse(nul, sizeof(nul) - 1, NULL, &rows, &e),
		    RP_ERR_FORMAT);
		assert_int_equal(e.line, 2);
		assert_non_null(strstr(e.msg, "NUL"));
	}
}

static int
count_seed_langs(const char *name, const void *data, size_t len, void *ctx)
{
	static const char *const langs[] = { "en", "de", "fr", "it" };
	struct rp_risk_rows en, rows;
	struct rp_risk_err e;
	size_t i, k;

	if (strlen(name) < 4 || strcmp(name + strlen(name) - 4, ".csv") != 0)
		return 0;                  /* the README */
	assert_int_equal(rp_risk_csv_parse(data, len, "en", &en, &e), 0);
	assert_true(en.n >= 15);
	for (k = 0; k < 4; k++) {
		assert_int_equal(rp_risk_csv_parse(data, len, langs[k], &rows, &e), 0);
		assert_int_equal(rows.n, en.n);
		for (i = 0; i < rows.n; i++) {
			/* every row has its measure and owner in every language */
			assert_non_null(rows.v[i].measure);
			assert_non_null(rows.v[i].owner);
			if (k > 0 && strcmp(rows.v[i].measure, en.v[i].measure) == 0)
				fail_msg("%s line %zu: the %s measure is the English one", name,
				    rows.v[i].line, langs[k]);
		}
		rp_risk_rows_release(&rows);
	}
	rp_risk_rows_release(&en);
	(*(int *)ctx)++;
	return 0;
}

static void
seeds_have_every_language(void **state)
{
	struct rp_risk_rows rows;
	struct rp_risk_err e;
	const char *file;
	int n = 0;

	assert_int_equal(rp_data_each("risk/", count_seed_langs, &n), 0);
	assert_int_equal(rp_risk_seed(NULL, "hospital", "fr", &rows, &e, &file), 0);
	assert_string_equal(file, "risk/medical-practice.csv");
	rp_risk_rows_release(&rows);
	assert_int_equal(rp_risk_seed(NULL, "bakery", "xx", &rows, &e, &file), 0);
	assert_string_equal(file, "risk/other.csv");
	assert_string_equal(rows.v[0].asset, "client-records");
	rp_risk_rows_release(&rows);
	assert_int_equal(n, 2);
}

/* ---- ranking ---- */

static void
ranking_breaks_ties(void **state)
{
	/* asset, value, threat, likelihood, impact: expected order after ranking */
	struct rp_risk v[] = {
		{ .asset = (char *)"z", .value = 1, .threat = (char *)"t", .likelihood = 1, .impact = 1 },
		{ .asset = (char *)"b", .value = 2, .threat = (char *)"t", .likelihood = 4, .impact = 3 },
		{ .asset = (char *)"a", .value = 3, .threat = (char *)"t", .likelihood = 2, .impact = 4 },
		{ .asset = (char *)"c", .value = 4, .threat = (char *)"t", .likelihood = 3, .impact = 2 },
		{ .asset = (char *)"d", .value = 4, .threat = (char *)"t", .likelihood = 2, .impact = 3 },
		{ .asset = (char *)"a", .value = 4, .threat = (char *)"u", .likelihood = 3, .impact = 2 },
		{ .asset = (char *)"a", .value = 4, .threat = (char *)"s", .likelihood = 3, .impact = 2 },
		{ .asset = (char *)"e", .value = 4, .threat = (char *)"t", .likelihood = 4, .impact = 4 },
	};
	static const char *const order[] = { "e/t", "a/s", "a/u", "c/t", "d/t", "a/t", "b/t", "z/t" };
	size_t i;
	char got[16];

	rp_risk_rank(v, sizeof(v) / sizeof(v[0]));
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(got, sizeof(got), "%s/%s", v[i].asset, v[i].threat);
		assert_string_equal(got, order[i]);
		assert_int_equal(v[i].rank, i + 1);
		assert_int_equal(v[i].score, v[i].value * v[i].likelihood * v[i].impact);
	}
	/* 64; then 24 x5: value 4 (likelihood 3: a/s a/u c/t by name; likelihood 2: d/t),
	 * then value 3 (a/t), value 2 (b/t); then 1 */
	assert_int_equal(v[0].score, 64);
	assert_int_equal(v[6].score, 24);
	assert_int_equal(rp_risk_cmp(&v[0], &v[0]), 0);
}

/* ---- the register in the store ---- */

static int
count_entries(const struct rp_risk_entry *e, void *ctx)
{
	size_t *n = ctx;

	assert_non_null(e->text);
	n[0]++;
	if (strcmp(e->action, "raise") == 0)
		n[1]++;
	return 0;
}

static struct rp_store *
store(const char *name)
{
	struct rp_store *st;
	char p[256];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	assert_int_equal(rp_store_open(&st, p, RP_STORE_CREATE), 0);
	return st;
}

static void
register_changes_are_journaled(void **state)
{
	struct rp_risk_ctx x = { store("r.db"), 1000, "tester", 0, 0 };
	struct rp_risk_change ch = { "mail", "phishing", 3, 3, "2FA", "IT" };
	struct rp_register reg;
	struct rp_risk_rows rows;
	struct rp_risk_err e;
	struct rp_risk_stats s;
	struct rp_case k;
	size_t n[2] = { 0, 0 }, raised = 9;
	int64_t cid;
	int changed;

	assert_int_equal(rp_risk_assess(&x, &ch, NULL), RP_ERR_NOTFOUND);   /* no asset yet */
	assert_int_equal(rp_risk_asset_set(&x, "mail", 5, NULL), RP_ERR_INVALID);
	assert_int_equal(rp_risk_asset_set(&x, "bad\nname", 3, NULL), RP_ERR_INVALID);
	assert_int_equal(rp_risk_asset_set(&x, "mail", 3, &changed), 0);
	assert_true(changed);
	assert_int_equal(x.case_id, 0);                       /* no case open */
	assert_int_equal(rp_risk_asset_set(&x, "mail", 3, &changed), 0);
	assert_false(changed);
	assert_int_equal(rp_risk_assess(&x, &ch, &changed), 0);
	assert_true(changed);
	ch.likelihood = ch.impact = 0;                        /* keep them */
	ch.measure = "";                                      /* clear it */
	ch.owner = NULL;                                      /* keep it */
	assert_int_equal(rp_risk_assess(&x, &ch, &changed), 0);
	ch.threat = "ransomware";                             /* new: needs both */
	assert_int_equal(rp_risk_assess(&x, &ch, NULL), RP_ERR_INVALID);
	assert_int_equal(rp_risk_load(x.st, &reg), 0);
	assert_int_equal(reg.n, 1);
	assert_int_equal(reg.v[0].likelihood, 3);
	assert_null(reg.v[0].measure);
	assert_string_equal(reg.v[0].owner, "IT");
	rp_register_release(&reg);

	/* a case is open: changes go to its journal too */
	assert_int_equal(rp_case_open(x.st, 1100, "incident", 1050, NULL, &cid), 0);
	x.now = 1200;
	assert_int_equal(rp_risk_raise(&x, "phishing", "entry by a phishing mail", "case 1",
	    &raised), 0);
	assert_int_equal(raised, 1);
	assert_int_equal(x.case_id, cid);
	assert_int_equal(rp_risk_raise(&x, "phishing", "again", "case 1", &raised), 0);
	assert_int_equal(raised, 0);                         /* once per source */
	assert_int_equal(rp_risk_raise(&x, "fire", "x", "case 1", NULL), RP_ERR_NOTFOUND);
	assert_int_equal(rp_risk_load(x.st, &reg), 0);
	assert_int_equal(reg.v[0].likelihood, 4);
	assert_string_equal(reg.v[0].raised, "entry by a phishing mail");
	assert_string_equal(reg.v[0].raised_source, "case 1");
	assert_int_equal(reg.v[0].raised_at, 1200);
	rp_register_release(&reg);
	assert_int_equal(rp_case_load(x.st, cid, &k), 0);
	assert_int_equal(k.nentries, 2);                      /* opened, the raise */
	assert_string_equal(k.entries[1].kind, "risk");
	assert_non_null(strstr(k.entries[1].text, "phishing"));
	rp_case_release(&k);

	/* an import adds and updates; replace removes what the file does not name */
	assert_int_equal(rp_risk_csv_parse(good, strlen(good), NULL, &rows, &e), 0);
	assert_int_equal(rp_risk_apply(&x, &rows, 0, "import of 'good.csv'", &s), 0);
	assert_int_equal(s.assets_added, 2);
	assert_int_equal(s.risks_added, 2);
	assert_int_equal(s.risks_changed, 1);                 /* mail/phishing: as the file says */
	assert_int_equal(s.removed, 0);
	rp_risk_rows_release(&rows);
	assert_int_equal(rp_risk_asset_set(&x, "printer", 1, NULL), 0);
	assert_int_equal(rp_risk_csv_parse(good, strlen(good), NULL, &rows, &e), 0);
	assert_int_equal(rp_risk_apply(&x, &rows, 1, "import of 'good.csv'", &s), 0);
	assert_int_equal(s.removed, 1);                       /* the printer */
	assert_int_equal(s.risks_changed + s.risks_added + s.assets_added, 0);
	rp_risk_rows_release(&rows);
	assert_int_equal(rp_risk_load(x.st, &reg), 0);
	assert_int_equal(reg.n, 3);
	assert_int_equal(reg.nassets, 3);
	/* mail/phishing kept its raise, as the file did not change it again */
	assert_string_equal(reg.v[0].asset, "backups");
	rp_register_release(&reg);
	assert_int_equal(rp_risk_journal_each(x.st, count_entries, n), 0);
	assert_int_equal(n[1], 1);
	assert_true(n[0] >= 10);
	rp_store_close(x.st);
}

static void
register_exports_what_it_imports(void **state)
{
	struct rp_risk_ctx a = { store("a.db"), 1, "t", 0, 0 }, b = { store("b.db"), 1, "t", 0, 0 };
	struct rp_register ra, rb;
	struct rp_risk_rows rows;
	struct rp_risk_err e;
	struct rp_buf xa = RP_BUF_INIT, xb = RP_BUF_INIT;
	static const char hostile[] =
	    "asset,value,threat,likelihood,impact,measure,owner\n"
	    "\"=cmd|' /C calc'!A0\",2,\"-x\",1,2,\"@sum, \"\"quoted\"\"\",'+owner\n"
	    "\\\\nas\\share,3,\"caf\xc3\xa9 \xe2\x82\xac\",4,4,\"a;b\",\n"
	    "lonely,1,,,,,\n";

	assert_int_equal(rp_risk_csv_parse(hostile, strlen(hostile), NULL, &rows, &e), 0);
	assert_string_equal(rows.v[0].asset, "=cmd|' /C calc'!A0");
	/* a leading ' before a formula character is a spreadsheet's "this is text" */
	assert_string_equal(rows.v[0].owner, "+owner");
	assert_int_equal(rp_risk_apply(&a, &rows, 0, "import", NULL), 0);
	rp_risk_rows_release(&rows);
	assert_int_equal(rp_risk_load(a.st, &ra), 0);
	assert_int_equal(rp_risk_export(&ra, 1, &xa), 0);
	assert_memory_equal(xa.buf, "\xef\xbb\xbf" "asset,", 9);
	assert_null(strstr(xa.buf, "\n=")); /* no field starts with a formula */
	assert_null(strstr(xa.buf, ",=")); 
	assert_int_equal(rp_risk_csv_parse(xa.buf, xa.len, NULL, &rows, &e), 0);
	assert_int_equal(rp_risk_apply(&b, &rows, 0, "import", NULL), 0);
	rp_risk_rows_release(&rows);
	assert_int_equal(rp_risk_load(b.st, &rb), 0);
	assert_int_equal(rp_risk_export(&rb, 1, &xb), 0);
	assert_string_equal(xa.buf, xb.buf);
	assert_int_equal(rb.n, 2);
	assert_int_equal(rb.nassets, 3);
	assert_string_equal(rb.v[1].asset, "=cmd|' /C calc'!A0");
	assert_string_equal(rb.v[1].measure, "@sum, \"quoted\"");
	rp_register_release(&ra);
	rp_register_release(&rb);
	rp_buf_release(&xa);
	rp_buf_release(&xb);
	rp_store_close(a.st);
	rp_store_close(b.st);
}

static void
vectors_map_to_threats(void **state)
{
	const char *const *t;

	assert_non_null(t = rp_risk_vector_threats("phishing"));
	assert_string_equal(t[0], "phishing");
	assert_null(t[1]);
	assert_string_equal(rp_risk_vector_threats("rdp")[0], "ransomware");
	assert_string_equal(rp_risk_vector_threats("lost-device")[0], "device-loss");
	assert_string_equal(rp_risk_vector_threats("fake-invoice")[0], "bank-detail-fraud");
	assert_null(rp_risk_vector_threats("unknown"));
	assert_null(rp_risk_vector_threats(NULL));
}

/* ---- documents ---- */

static void
documents_escape_every_format(void **state)
{
	struct rp_buf d = RP_BUF_INIT, o = RP_BUF_INIT;
	const char *p;
	size_t col = 0;

	rp_doc_add(&d, 'H', 1, "Plan <script>alert(1)</script>");
	rp_doc_add(&d, 'p', 1, "a\x1b[2Jb & *c* | d\nnext line, and a long paragraph that goes "
	    "on and on so that the text renderer must wrap it at seventy-eight columns");
	rp_doc_add(&d, 'l', 2, "label", "text");
	rp_doc_add(&d, 'c', 1, "riposte `x` <y>");
	rp_doc_add(&d, 'T', 2, "A", "B");
	rp_doc_add(&d, 'r', 2, "1|2", NULL);

	assert_int_equal(rp_doc_render(d.buf, d.len, RP_DOC_HTML, "de\"", &o), 0);
	assert_null(strstr(o.buf, "<script>"));
	assert_non_null(strstr(o.buf, "&lt;script&gt;"));
	assert_non_null(strstr(o.buf, "<html lang=\"de&quot;\">"));
	assert_non_null(strstr(o.buf, "<li><b>label</b> text<br><code>riposte `x` &lt;y&gt;</code></li>"));
	assert_null(strstr(o.buf, "\x1b"));
	rp_buf_reset(&o);
	assert_int_equal(rp_doc_render(d.buf, d.len, RP_DOC_MD, NULL, &o), 0);
	assert_non_null(strstr(o.buf, "# Plan \\<script\\>"));
	assert_non_null(strstr(o.buf, "- **label** text\\\n  ``riposte `x` <y>``\n"));
	assert_non_null(strstr(o.buf, "| 1\\|2 |  |"));
	assert_null(strstr(o.buf, "\x1b"));
	rp_buf_reset(&o);
	assert_int_equal(rp_doc_render(d.buf, d.len, RP_DOC_TEXT, NULL, &o), 0);
	assert_null(strstr(o.buf, "\x1b"));
	assert_non_null(strstr(o.buf, "\\x1b[2J"));
	for (p = o.buf; *p; p++) {              /* wrapped: no line over 78 columns */
		if (*p == '\n')
			col = 0;
		else if (((unsigned char)*p & 0xc0) != 0x80 && ++col > 78)
			fail_msg("a line longer than 78 columns: %s", o.buf);
	}
	assert_int_equal(rp_doc_render(d.buf, d.len, 9, NULL, &o), RP_ERR_INVALID);
	rp_buf_release(&d);
	rp_buf_release(&o);
}

/* ---- the plan ---- */

struct texts {
	struct rp_ini *en;
};

static struct rp_ini *
load_ini(const char *name)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_ini *ini = NULL;
	int line = 0;

	assert_int_equal(rp_data_load(NULL, name, &b), 0);
	if (rp_ini_parse(b.buf, b.len, &ini, &line) != 0)
		fail_msg("%s line %d does not parse", name, line);
	rp_buf_release(&b);
	return ini;
}

/* The hours or days an obligation's due says ("72h" -> "72"), as they must appear in
 * the text people read. */
static void
number_of(const char *due, char *out, size_t n)
{
	size_t k = strspn(due, "0123456789");

	snprintf(out, n, "%.*s", (int)k, due);
}

static void
plan_texts_are_complete(void **state)
{
	struct rp_ini *en = load_ini("plan/en/plan.ini"), *ob = load_ini("obligations/obligations.ini");
	size_t l, i, j;
	const char *k, *v;
	char name[64], sec[96], num[16];

	for (l = 0; rp_plan_langs[l]; l++) {
		struct rp_ini *t;

		snprintf(name, sizeof(name), "plan/%s/plan.ini", rp_plan_langs[l]);
		t = load_ini(name);
		/* every key English has, in every section English has */
		for (i = 0; i < rp_ini_nsections(en); i++)
			for (j = 0; rp_ini_section_entry(en, i, j, &k, &v) == 0; j++)
				if (rp_ini_get(t, rp_ini_section(en, i), k) == NULL)
					fail_msg("%s: [%s] %s is missing", name, rp_ini_section(en, i), k);
		/* every obligation has its clock: due with the same number, and to; cond
		 * where it depends on the case's facts */
		for (i = 0; i < rp_ini_nsections(ob); i++) {
			const char *id = rp_ini_section(ob, i), *due = rp_ini_section_get(ob, i, "due");

			snprintf(sec, sizeof(sec), "clock %s", id);
			if ((v = rp_ini_get(t, sec, "due")) == NULL || rp_ini_get(t, sec, "to") == NULL)
				fail_msg("%s: no [%s] with due and to", name, sec);
			number_of(due, num, sizeof(num));
			if (strcmp(num, "0") != 0 && strstr(v, num) == NULL &&
			    strstr(due, "mo") == NULL)
				fail_msg("%s: [%s] due '%s' does not say %s", name, sec, v, num);
			if (rp_ini_section_get(ob, i, "facts") && rp_ini_get(t, sec, "cond") == NULL)
				fail_msg("%s: [%s] has no cond", name, sec);
		}
		rp_ini_free(t);
	}
	rp_ini_free(en);
	rp_ini_free(ob);
}

static const char ch_site[] =
    "[site]\nname=Praxis <Test>\naddress=Weg 1\ncountry=CH\nsector=medical-practice\n"
    "nis2=none\nstaff=4\nlanguage=de\n"
    "[insurance]\ninsurer=Versicherung X\npolicy=POL-1\nhotline=+41 1 111 11 11\n"
    "[contact it-provider]\nname=IT AG\nphone=+41 2 222 22 22\nverified=2026-10-01\n"
    "[contact police]\nname=Polizei\nphone=117\nverified=2024-01-01\n";

static void
plan_is_made_from_the_profile(void **state)
{
	struct rp_ini *site = NULL;
	struct rp_buf doc = RP_BUF_INIT, out = RP_BUF_INIT;
	struct rp_plan_info info;
	const char *lang;
	int64_t now;

	assert_int_equal(rp_ini_parse(ch_site, strlen(ch_site), &site, NULL), 0);
	assert_int_equal(rp_time_parse("2026-11-20T08:00:00+01:00", &now, NULL), 0);
	assert_int_equal(rp_plan_lang(site, NULL, &lang), 0);
	assert_string_equal(lang, "de");
	assert_int_equal(rp_plan_lang(site, "it", &lang), 0);
	assert_string_equal(lang, "it");
	assert_int_equal(rp_plan_lang(site, "xx", &lang), RP_ERR_INVALID);
	assert_int_equal(rp_plan_make(site, NULL, "de", now, &doc, &info), 0);
	assert_string_equal(info.lang, "de");
	assert_int_equal(info.clocks, 2);          /* the insurer; the FDPIC if high risk */
	assert_true(info.stale >= 1);              /* the police, verified in 2024 */
	assert_int_equal(rp_doc_render(doc.buf, doc.len, RP_DOC_MD, "de", &out), 0);
	assert_non_null(strstr(out.buf, "Praxis \\<Test\\>"));
	assert_non_null(strstr(out.buf, "| 1 IT-Dienstleister | IT AG | +41 2 222 22 22 | \xe2\x80\x93 | 01.10.2026 |"));
	assert_non_null(strstr(out.buf, "Versicherung X · Police POL-1"));
	assert_non_null(strstr(out.buf, "+41 1 111 11 11"));
	assert_non_null(strstr(out.buf, "01.01.2024 VERALTET"));
	assert_non_null(strstr(out.buf, "fehlt in riposte.conf"));      /* no dpo, no bank */
	assert_non_null(strstr(out.buf, "EDÖB"));                       /* the regulator named */
	assert_non_null(strstr(out.buf, "Keine Datensicherung in riposte.conf"));
	assert_null(strstr(out.buf, "{{"));                             /* every placeholder filled */
	assert_int_equal(rp_plan_make(site, NULL, "xx", now, &doc, &info), RP_ERR_INVALID);
	rp_buf_release(&doc);
	rp_buf_release(&out);
	rp_ini_free(site);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(register_file_reads_rows),
		cmocka_unit_test(register_file_refuses_bad_rows),
		cmocka_unit_test(seeds_have_every_language),
		cmocka_unit_test(ranking_breaks_ties),
		cmocka_unit_test(register_changes_are_journaled),
		cmocka_unit_test(register_exports_what_it_imports),
		cmocka_unit_test(vectors_map_to_threats),
		cmocka_unit_test(documents_escape_every_format),
		cmocka_unit_test(plan_texts_are_complete),
		cmocka_unit_test(plan_is_made_from_the_profile),
	};
	char cmd[128];
	int r;

	setenv("TZ", "Europe/Zurich", 1);
	tzset();
	if (mkdtemp(dir) == NULL)
		return 1;
	r = cmocka_run_group_tests(tests, NULL, NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		r = r ? r : 1;
	return r;
}
