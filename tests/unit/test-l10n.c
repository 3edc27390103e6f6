/* Unit tests: dates, numbers and money as each locale writes them (lib/core/l10n.c);
 * the texts of the report in every language (data/report); the HTML, Markdown and
 * round-trip CSV escapes (lib/core/escape.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "case/config.h"
#include "core/buf.h"
#include "core/data.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/l10n.h"
#include "core/time.h"
#include "core/csvread.h"

#define NNBSP "\xe2\x80\xaf"
#define NBSP "\xc2\xa0"

static int
setup_tz(void **state)
{
	setenv("TZ", "Europe/Zurich", 1);
	tzset();
	return 0;
}

static void
check(const struct rp_locale *l, int64_t t, int64_t minor, const char *cur,
    const char *date, const char *money)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_locale_date(&b, l, t), 0);
	assert_string_equal(b.buf, date);
	rp_buf_reset(&b);
	assert_int_equal(rp_locale_money(&b, l, cur, minor), 0);
	assert_string_equal(b.buf, money);
	rp_buf_release(&b);
}

static void
locales_write_dates_and_money(void **state)
{
	struct rp_locale l;
	struct rp_buf b = RP_BUF_INIT;
	int64_t t;

	assert_int_equal(rp_time_parse("2026-11-20T08:05:00+01:00", &t, NULL), 0);
	rp_locale_init(&l, "de", "CH");
	check(&l, t, 2500000, "CHF", "20.11.2026", "CHF 25'000.00");
	rp_locale_init(&l, "fr", "CH");       /* Swiss numbers in every language */
	check(&l, t, 2500000, "CHF", "20.11.2026", "CHF 25'000.00");
	rp_locale_init(&l, "it", "CH");
	check(&l, t, 100, "EUR", "20.11.2026", "EUR 1.00");
	rp_locale_init(&l, "fr", "FR");
	check(&l, t, 2500000, "EUR", "20/11/2026", "25" NNBSP "000,00" NBSP "€");
	rp_locale_init(&l, "de", "DE");
	check(&l, t, 123456789, "EUR", "20.11.2026", "1.234.567,89" NBSP "€");
	rp_locale_init(&l, "it", "IT");
	check(&l, t, -2500050, "EUR", "20/11/2026", "-25.000,50" NBSP "€");
	rp_locale_init(&l, "en", "IE");
	check(&l, t, 2500000, "EUR", "20 Nov 2026", "€25,000.00");
	check(&l, t, 99, "GBP", "20 Nov 2026", "GBP 0.99");
	rp_locale_init(&l, "xx", NULL);         /* unknown: English */
	assert_string_equal(l.lang, "en");
	check(&l, t, 0, "", "20 Nov 2026", "0.00");
	assert_int_equal(rp_locale_int(&b, &l, -1234567), 0);
	assert_string_equal(b.buf, "-1,234,567");
	rp_buf_reset(&b);
	rp_locale_init(&l, "de", "CH");
	assert_int_equal(rp_locale_datetime(&b, &l, t), 0);
	assert_string_equal(b.buf, "20.11.2026 08:05");
	rp_buf_reset(&b);
	assert_int_equal(rp_locale_utc_offset(&b, t), 0);
	assert_string_equal(b.buf, "UTC+01:00");
	rp_buf_reset(&b);
	assert_int_equal(rp_time_parse("2026-07-01T12:00:00Z", &t, NULL), 0);
	assert_int_equal(rp_locale_utc_offset(&b, t), 0);
	assert_string_equal(b.buf, "UTC+02:00");   /* summer time */
	rp_buf_release(&b);
}

static void
num(const struct rp_locale *l, int64_t v, int decimals, const char *want)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_locale_number(&b, l, v, decimals), 0);
	assert_string_equal(b.buf, want);
	rp_buf_release(&b);
}

static void
money(const struct rp_locale *l, const char *cur, int64_t minor, const char *want)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_locale_money(&b, l, cur, minor), 0);
	assert_string_equal(b.buf, want);
	rp_buf_release(&b);
}

/* Numbers and money follow the site's country, whatever the document's language. */
static void
countries_write_numbers(void **state)
{
	struct rp_locale l;
	struct rp_buf b = RP_BUF_INIT;

	rp_locale_init(&l, "de", "CH");
	num(&l, 2500000, 2, "25'000.00");
	num(&l, 999, 0, "999");
	num(&l, 1000, 0, "1'000");
	num(&l, -1234567, 3, "-1'234.567");
	num(&l, 5, 2, "0.05");
	num(&l, INT64_MIN, 2, "-92'233'720'368'547'758.08");
	assert_int_equal(rp_locale_number(&b, &l, 1, 7), RP_ERR_INVALID);
	assert_int_equal(rp_locale_number(&b, &l, 1, -1), RP_ERR_INVALID);
	money(&l, "CHF", 2500000, "CHF 25'000.00");
	money(&l, "CHF", -100050, "CHF -1'000.50");
	rp_locale_init(&l, "en", "ch");          /* a lowercase code; English in Switzerland */
	assert_string_equal(l.country, "CH");
	money(&l, "CHF", 2500000, "CHF 25'000.00");
	rp_locale_init(&l, "fr", "FR");
	num(&l, 2500000, 2, "25" NNBSP "000,00");
	money(&l, "EUR", 2500000, "25" NNBSP "000,00" NBSP "€");
	money(&l, "EUR", 99, "0,99" NBSP "€");
	rp_locale_init(&l, "de", "FR");          /* a French site's report in German */
	money(&l, "EUR", 2500000, "25" NNBSP "000,00" NBSP "€");
	rp_locale_init(&l, "en", "FR");
	money(&l, "EUR", 2500000, "25" NNBSP "000,00" NBSP "€");
	rp_locale_init(&l, "de", "DE");
	money(&l, "EUR", 2500000, "25.000,00" NBSP "€");
	num(&l, 1234567, 0, "1.234.567");
	rp_locale_init(&l, "fr", "DE");
	money(&l, "EUR", 2500000, "25.000,00" NBSP "€");
	rp_locale_init(&l, "de", "AT");
	money(&l, "EUR", 100, "1,00" NBSP "€");
	rp_locale_init(&l, "en", "GB");
	money(&l, "GBP", 2500000, "GBP 25,000.00");
	money(&l, "EUR", 2500000, "€25,000.00");
	rp_locale_init(&l, "fr", "BE");
	money(&l, "EUR", 100000, "1" NNBSP "000,00" NBSP "€");
	/* a country not in the tables: the language's way */
	rp_locale_init(&l, "fr", "CA");
	money(&l, "CAD", 100000, "1" NNBSP "000,00" NBSP "CAD");
	rp_locale_init(&l, "de", NULL);
	money(&l, "EUR", 100000, "1.000,00" NBSP "€");
	rp_locale_init(&l, "en", "");
	money(&l, "USD", 100000, "USD 1,000.00");
	money(&l, "", 100000, "1,000.00");
	rp_buf_release(&b);
}

static void
long_date(const char *lang, const char *iso, const char *want)
{
	struct rp_locale l;
	struct rp_buf b = RP_BUF_INIT;
	int64_t t;

	assert_int_equal(rp_time_parse(iso, &t, NULL), 0);
	rp_locale_init(&l, lang, "CH");
	assert_int_equal(rp_locale_date_long(&b, &l, t), 0);
	assert_string_equal(b.buf, want);
	rp_buf_release(&b);
}

/* Dates as the language writes them, in the local zone (TZ=Europe/Zurich here). */
static void
languages_write_dates(void **state)
{
	struct rp_buf b = RP_BUF_INIT;
	int64_t winter, summer;

	long_date("de", "2026-12-05T10:00:00Z", "5. Dezember 2026");
	long_date("fr", "2026-12-05T10:00:00Z", "5 d\xc3\xa9" "cembre 2026");
	long_date("fr", "2026-12-01T10:00:00Z", "1er d\xc3\xa9" "cembre 2026");
	long_date("en", "2026-12-05T10:00:00Z", "5 December 2026");
	long_date("it", "2026-12-05T10:00:00Z", "5 dicembre 2026");
	long_date("de", "2026-03-01T12:00:00Z", "1. M\xc3\xa4rz 2026");
	long_date("fr", "2026-08-15T12:00:00Z", "15 ao\xc3\xbbt 2026");
	/* 23:30 UTC on 31 December is New Year's Day in Zurich */
	long_date("de", "2026-12-31T23:30:00Z", "1. Januar 2027");
	assert_int_equal(rp_time_parse("2026-11-20T05:30:00Z", &winter, NULL), 0);
	assert_int_equal(rp_locale_clock(&b, winter), 0);
	assert_string_equal(b.buf, "06:30");
	assert_int_equal(rp_time_parse("2026-07-01T05:30:00Z", &summer, NULL), 0);
	assert_int_equal(rp_locale_same_offset(winter, winter + 86400), 1);
	assert_int_equal(rp_locale_same_offset(winter, summer), 0);
	rp_buf_release(&b);
}

static void
fill_replaces_placeholders(void **state)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_buf_addstr(&b, ">"), 0);
	assert_int_equal(rp_l10n_fill(&b, "{{a}} und {{b}}, {{a}}; {{typo}} {{c}}{{", "a", "1",
	    "b", "{{a}}", "c", NULL, NULL), 0);
	/* appended; a value is not filled again; unknown and open placeholders stay */
	assert_string_equal(b.buf, ">1 und {{a}}, 1; {{typo}} {{");
	rp_buf_reset(&b);
	assert_int_equal(rp_l10n_fill(&b, "plain", NULL), 0);
	assert_string_equal(b.buf, "plain");
	rp_buf_release(&b);
	{
		static const char *const langs[] = { "fr", "de", NULL };

		assert_int_equal(rp_l10n_one_of(langs, "de"), 1);
		assert_int_equal(rp_l10n_one_of(langs, "it"), 0);
		assert_int_equal(rp_l10n_one_of(langs, "d"), 0);
		assert_int_equal(rp_l10n_one_of(langs, NULL), 0);
	}
}

/* The {{placeholders}} of a text, sorted and joined, for comparing two languages. */
static void
placeholders(const char *s, struct rp_buf *out)
{
	const char *names[32], *p = s, *o, *c;
	size_t n = 0, i, j;

	rp_buf_reset(out);
	while ((o = strstr(p, "{{")) != NULL && (c = strstr(o, "}}")) != NULL && n < 32) {
		names[n++] = o;
		p = c + 2;
	}
	for (i = 1; i < n; i++)                 /* insertion sort by name */
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			const char *t = names[j];

			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	for (i = 0; i < n; i++)
		assert_int_equal(rp_buf_add(out, names[i], (size_t)(strstr(names[i], "}}") + 2 -
		    names[i])), 0);
}

static struct rp_ini *
load_ini(const char *name)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_ini *ini = NULL;

	assert_int_equal(rp_data_load(NULL, name, &b), 0);
	assert_int_equal(rp_ini_parse(b.buf, b.len, &ini, NULL), 0);
	rp_buf_release(&b);
	return ini;
}

/* Every language of the report has every text English has, with the same
 * placeholders; and no text of its own that English lacks (a typo in a key). */
static void
report_texts_complete(void **state)
{
	static const char *const langs[] = { "fr", "de" };
	struct rp_buf name = RP_BUF_INIT, pe = RP_BUF_INIT, pl = RP_BUF_INIT;
	struct rp_ini *en = load_ini("report/en/report.ini"), *tx;
	const char *key, *val, *sec;
	size_t l, i, j, nkeys = 0;

	for (l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
		rp_buf_reset(&name);
		assert_int_equal(rp_buf_addf(&name, "report/%s/report.ini", langs[l]), 0);
		tx = load_ini(name.buf);
		for (i = 0; (sec = rp_ini_section(en, i)) != NULL; i++)
			for (j = 0; rp_ini_section_entry(en, i, j, &key, &val) == 0; j++) {
				const char *v = rp_ini_get(tx, sec, key);

				if (v == NULL)
					fail_msg("report/%s: [%s] %s missing", langs[l], sec, key);
				placeholders(val, &pe);
				placeholders(v, &pl);
				if (strcmp(pe.len ? pe.buf : "", pl.len ? pl.buf : "") != 0)
					fail_msg("report/%s: [%s] %s: placeholders %s, English %s",
					    langs[l], sec, key, pl.len ? pl.buf : "none",
					    pe.len ? pe.buf : "none");
				nkeys++;
			}
		for (i = 0; (sec = rp_ini_section(tx, i)) != NULL; i++)
			for (j = 0; strcmp(sec, "authority") != 0 &&
			    rp_ini_section_entry(tx, i, j, &key, &val) == 0; j++)
				if (rp_ini_get(en, sec, key) == NULL)
					fail_msg("report/%s: [%s] %s is not an English key", langs[l], sec,
					    key);
		rp_ini_free(tx);
	}
	assert_true(nkeys > 100);
	rp_ini_free(en);
	rp_buf_release(&name);
	rp_buf_release(&pe);
	rp_buf_release(&pl);
}

static void
html(const char *in, size_t n, const char *out)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_esc_html(&b, in, n), 0);
	assert_string_equal(b.buf, out);
	rp_buf_release(&b);
}

static void
md(const char *in, const char *out)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_esc_md(&b, in, strlen(in)), 0);
	assert_string_equal(b.buf, out);
	rp_buf_release(&b);
}

static void
escapes_html_and_markdown(void **state)
{
	html("<script>alert('x')</script> & \"q\"", 33,
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
	html("caf\xc3\xa9", 5, "caf\xc3\xa9");
	html("caf\xe9", 4, "caf\xef\xbf\xbd");             /* invalid UTF-8 */
	html("a\x1b[31mb\nc", 9, "a\xef\xbf\xbd[31mb\nc");  /* ESC, newline kept */
	html("\xc2\x9b", 2, "\xef\xbf\xbd");               /* a C1 control: one U+FFFD */
	html("a\0b", 3, "a\xef\xbf\xbd" "b");
	md("plain text", "plain text");
	md("*bold* _em_ [link](x) <b> `code` a|b ~s~ &amp; !",
	    "\\*bold\\* \\_em\\_ \\[link\\](x) \\<b\\> \\`code\\` a\\|b \\~s\\~ \\&amp; \\!");
	md("# not a heading", "\\# not a heading");
	md("- not a list", "\\- not a list");
	md("1. not a list", "1\\. not a list");
	md("12) nor this", "12\\) nor this");
	md("2026 is a year", "2026 is a year");
	md("+41 44 000 00 01", "+41 44 000 00 01");        /* not a list item */
	md("01.10.2026", "01.10.2026");
	md("-x", "-x");
	md("---", "\\---");
	md("* * *", "\\* \\* \\*");
	md("> quote", "\\> quote");
	md("#hashtag", "#hashtag");
	md("== ==", "\\== ==");
	md("two\nlines", "two lines");
	md("back\\slash", "back\\\\slash");
}

/* rp_esc_csv_data, read back by the CSV reader and rp_csv_unguard: the same text. */
static void
csv_data_comes_back(void **state)
{
	static const char *const texts[] = {
		"plain", "a,b", "say \"hi\"", "=1+1", "+41 44 000 00 01", "-5", "@sum",
		"'=already quoted", "''+x", "'plain quote", "\\\\nas\\backup", "two\nlines",
		"caf\xc3\xa9 \xe2\x82\xac", " spaced ", "", ";semi;", "\ttab",
	};
	struct rp_buf b = RP_BUF_INIT;
	const struct rp_csvr_field *f;
	struct rp_csvr *c;
	size_t i, n;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		assert_int_equal(rp_esc_csv_data(&b, texts[i], strlen(texts[i])), 0);
		assert_int_equal(rp_buf_addstr(&b, ",x\r\n"), 0);
	}
	assert_int_equal(rp_csvr_new_mem(b.buf, b.len,
	    &(struct rp_csvr_opts){ .sep = ',', .strict = 1 }, &c), 0);
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		assert_int_equal(rp_csvr_next(c, &f, &n), 1);
		assert_int_equal(n, 2);
		assert_string_equal(rp_csv_unguard(f[0].p), texts[i]);
		assert_string_equal(f[1].p, "x");
	}
	assert_int_equal(rp_csvr_next(c, &f, &n), 0);
	rp_csvr_free(c);
	/* the guard itself */
	rp_buf_reset(&b);
	assert_int_equal(rp_esc_csv_data(&b, "=cmd", 4), 0);
	assert_string_equal(b.buf, "\"'=cmd\"");
	rp_buf_reset(&b);
	assert_int_equal(rp_esc_csv_data(&b, "bad\xff", 4), 0);
	assert_string_equal(b.buf, "bad\xef\xbf\xbd");
	assert_string_equal(rp_csv_unguard("'x"), "'x");
	assert_string_equal(rp_csv_unguard("'-1"), "-1");
	rp_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(locales_write_dates_and_money),
		cmocka_unit_test(countries_write_numbers),
		cmocka_unit_test(languages_write_dates),
		cmocka_unit_test(fill_replaces_placeholders),
		cmocka_unit_test(report_texts_complete),
		cmocka_unit_test(escapes_html_and_markdown),
		cmocka_unit_test(csv_data_comes_back),
	};

	return cmocka_run_group_tests(tests, setup_tz, NULL);
}
