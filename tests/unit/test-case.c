#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case/case.h"
#include "case/config.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/time.h"
#include "store/store.h"

static void
ini_parses_sections_and_repeats(void **state)
{
	static const char t[] = "\xef\xbb\xbf# comment\n; other\n[site]\nname = Praxis  \n"
	    "country=CH\n\n[client]\nname = A\n[client]\nname = B\n[contact it-provider]\n"
	    "phone = +41 1\r\n";
	struct rp_ini *ini = NULL;
	size_t from = 0, i, n = 0;
	const char *k, *v;

	assert_int_equal(rp_ini_parse(t, sizeof(t) - 1, &ini, NULL), 0);
	assert_string_equal(rp_ini_get(ini, "site", "name"), "Praxis");
	assert_string_equal(rp_ini_get(ini, "site", "country"), "CH");
	assert_string_equal(rp_ini_get(ini, "contact it-provider", "phone"), "+41 1");
	assert_null(rp_ini_get(ini, "site", "missing"));
	assert_null(rp_ini_get(ini, "nosuch", "name"));
	while (rp_ini_find(ini, "client", &from, &i) == 0) {
		assert_string_equal(rp_ini_section_get(ini, i, "name"), n ? "B" : "A");
		n++;
	}
	assert_int_equal(n, 2);
	assert_int_equal(rp_ini_nsections(ini), 4);
	assert_int_equal(rp_ini_section_entry(ini, 0, 1, &k, &v), 0);
	assert_string_equal(k, "country");
	assert_int_equal(rp_ini_section_entry(ini, 0, 2, &k, &v), RP_ERR_NOTFOUND);
	rp_ini_free(ini);
}

static void
ini_rejects_with_line(void **state)
{
	static const struct { const char *t; int line; } bad[] = {
		{ "key = before section\n", 1 },
		{ "[site]\nname = a\nname = b\n", 3 },
		{ "[site]\n= value\n", 2 },
		{ "[site]\nno equals sign\n", 2 },
		{ "[]\n", 1 },
		{ "[a  b]\n", 1 },
		{ "[site\n", 1 },
		{ "[site]\nname = \xff\n", 2 },
	};
	struct rp_ini *ini = NULL;
	size_t i;
	int line;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		line = 0;
		assert_int_equal(rp_ini_parse(bad[i].t, strlen(bad[i].t), &ini, &line), RP_ERR_FORMAT);
		assert_int_equal(line, bad[i].line);
	}
	assert_int_equal(rp_ini_parse("[s]\nk=\0v\n", 8, &ini, &line), RP_ERR_FORMAT);
}

static void
money_parses_and_formats(void **state)
{
	static const struct { const char *in; int64_t v; } ok[] = {
		{ "18000", 1800000 }, { "18'000", 1800000 }, { "18,000", 1800000 },
		{ "18,000.50", 1800050 }, { "18.000,50", 1800050 }, { "0.05", 5 }, { "7.5", 750 },
		{ "1 000", 100000 }, { "0", 0 },
	};
	static const char *const bad[] = { "", "-5", "abc", "12.", "1e3", "'1000", "1..0", "12.345.6x" };
	struct rp_buf b = RP_BUF_INIT;
	int64_t v;
	size_t i;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(rp_money_parse(ok[i].in, &v), 0);
		assert_int_equal(v, ok[i].v);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_not_equal(rp_money_parse(bad[i], &v), 0);
	assert_int_equal(rp_money_parse("99999999999999999999", &v), RP_ERR_TOOBIG);
	assert_int_equal(rp_money_fmt(&b, 2500000), 0);
	assert_string_equal(b.buf, "25,000.00");
	rp_buf_reset(&b);
	rp_money_fmt(&b, 5);
	assert_string_equal(b.buf, "0.05");
	rp_buf_reset(&b);
	rp_money_fmt(&b, -123456789);
	assert_string_equal(b.buf, "-1,234,567.89");
	assert_int_equal(rp_hours_parse("7.5", &v), 0);
	assert_int_equal(v, 750);
	assert_int_not_equal(rp_hours_parse("7,5", &v), 0);
	rp_buf_release(&b);
}

static void
case_init(struct rp_case *c, int64_t discovered)
{
	int f;

	memset(c, 0, sizeof(*c));
	for (f = 0; f < RP_FACT_COUNT; f++)
		c->facts[f] = RP_FACT_UNSET;
	c->info.discovered = discovered;
}

static void
deadlines_follow_site_and_facts(void **state)
{
	static const char ob[] =
	    "[a]\nauthority=A\nto=authority\nbasis=B\nwhen=W\ndue=72h\ncountry=EEA\nfacts=personal-data\n"
	    "[m]\nauthority=M\nto=authority\nbasis=B\nwhen=W\ndue=1mo\ncountry=EU\nnis2=essential, important\n"
	    "[h]\nauthority=H\nto=authority\nbasis=B\nwhen=W\ndue=24h\nsector=hospital\n"
	    "[i]\nauthority=I\nto=insurer\nbasis=B\nwhen=W\ndue=0\n"
	    "[f]\nauthority=F\nto=authority\nbasis=B\nwhen=W\ndue=72h+1mo\nnis2=essential\n";
	static const char site_fr[] = "[site]\ncountry=FR\nnis2=important\nsector=hospital\n";
	static const char site_ch[] = "[site]\ncountry=CH\nsector=medical-practice\n";
	struct rp_case c;
	struct rp_deadlines d;
	struct rp_notice n = { 0 };
	struct rp_ini *fr, *ch, *de;
	int64_t t0;

	assert_int_equal(rp_time_parse("2026-01-31T10:00:00Z", &t0, NULL), 0);
	assert_int_equal(rp_ini_parse(site_fr, strlen(site_fr), &fr, NULL), 0);
	assert_int_equal(rp_ini_parse(site_ch, strlen(site_ch), &ch, NULL), 0);
	case_init(&c, t0);
	assert_int_equal(rp_deadlines_compute(ob, strlen(ob), &c, ch, t0, &d), 0);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].id, "i");
	assert_int_equal(d.v[0].due, t0);
	rp_deadlines_release(&d);

	c.facts[RP_FACT_PERSONAL_DATA] = RP_FACT_YES;
	assert_int_equal(rp_deadlines_compute(ob, strlen(ob), &c, fr, t0 + 73 * 3600, &d), 0);
	assert_int_equal(d.n, 4);           /* not f: the site is an important entity */
	/* sorted by due time: i (0), h (24 h), a (72 h), m (one calendar month) */
	assert_string_equal(d.v[0].id, "i");
	assert_string_equal(d.v[1].id, "h");
	assert_string_equal(d.v[2].id, "a");
	assert_int_equal(d.v[2].due, t0 + 72 * 3600);
	assert_int_equal(d.v[2].status, RP_DL_OVERDUE);
	assert_string_equal(d.v[3].id, "m");
	assert_int_equal(d.v[3].status, RP_DL_OPEN);
	/* Jan 31 + 1 month normalises to Mar 3 (2026 is not a leap year) */
	assert_int_equal(d.v[3].due, t0 + (28 + 3) * 86400LL);
	rp_deadlines_release(&d);

	/* a notice that names the deadline closes it */
	n.deadline = (char *)"a";
	n.time = t0 + 3600;
	c.notices = &n;
	c.nnotices = 1;
	assert_int_equal(rp_deadlines_compute(ob, strlen(ob), &c, fr, t0 + 100 * 3600, &d), 0);
	assert_int_equal(d.v[2].status, RP_DL_DONE);
	assert_int_equal(d.v[2].done, t0 + 3600);
	rp_deadlines_release(&d);
	/* malformed data is an error, not a silent skip */
	assert_int_equal(rp_deadlines_compute("[x]\nauthority=a\n", 16, &c, fr, t0, &d), RP_ERR_FORMAT);
	assert_int_equal(rp_deadlines_compute("[x]\nauthority=a\nto=t\nbasis=b\nwhen=w\ndue=soon\n",
	    44, &c, fr, t0, &d), RP_ERR_FORMAT);
	/* steps joined by '+': 72 h, then a calendar month (Feb 3 -> Mar 3) */
	c.nnotices = 0;
	assert_int_equal(rp_ini_parse("[site]\ncountry=DE\nnis2=essential\n", 33, &de, NULL), 0);
	assert_int_equal(rp_deadlines_compute(ob, strlen(ob), &c, de, t0, &d), 0);
	assert_int_equal(d.n, 4);
	assert_string_equal(d.v[2].id, "f");
	assert_int_equal(d.v[2].due, t0 + (3 + 28) * 86400LL);
	assert_string_equal(d.v[3].id, "m");
	rp_deadlines_release(&d);
	rp_ini_free(de);
	rp_ini_free(fr);
	rp_ini_free(ch);
}

static void
claim_applies_sublimits_waiting_deductible(void **state)
{
	static const char site[] = "[insurance]\ncurrency=CHF\ndeductible=1'000\nwaiting-period=12h\n"
	    "sublimit.interruption=20000\nsublimit.ransom=0\n";
	struct rp_cost costs[] = {
		{ 0, 0, 1800000, "CHF", -1, -1, NULL, NULL },          /* it */
		{ 0, 2, 500000, "CHF", -1, -1, NULL, NULL },           /* internal */
		{ 0, 3, 200000, "CHF", -1, -1, NULL, NULL },           /* legal */
		{ 0, 5, 2400000, "CHF", 4000, 60000, NULL, NULL },     /* interruption 40 h x 600 */
		{ 0, 6, 500000, "CHF", -1, -1, NULL, NULL },           /* ransom: sublimit 0 */
		{ 0, 1, 99900, "EUR", -1, -1, NULL, NULL },            /* other currency */
	};
	struct rp_case c;
	struct rp_claim cl;
	struct rp_ini *ini;

	case_init(&c, 0);
	c.costs = costs;
	c.ncosts = 3;
	assert_int_equal(rp_ini_parse(site, strlen(site), &ini, NULL), 0);
	assert_int_equal(rp_claim_compute(&c, ini, &cl), 0);
	assert_int_equal(cl.total, 2500000);
	assert_int_equal(cl.deductible, 100000);
	assert_int_equal(cl.claimable, 2400000);
	assert_int_equal(cl.own_share, 100000);
	assert_string_equal(cl.currency, "CHF");

	c.ncosts = 6;
	assert_int_equal(rp_claim_compute(&c, ini, &cl), 0);
	assert_int_equal(cl.waiting_excluded, 720000);          /* 12 h x 600 */
	assert_int_equal(cl.lines[3].covered, 1680000);         /* 24,000 - 7,200, under 20,000 */
	assert_int_equal(cl.lines[4].covered, 0);               /* ransom sublimit 0 */
	assert_int_equal(cl.total, 2500000 + 2400000 + 500000);
	assert_int_equal(cl.covered, 2500000 + 1680000);
	assert_int_equal(cl.claimable, cl.covered - 100000);
	assert_int_equal(cl.other_currency, 1);
	rp_ini_free(ini);

	/* a deductible above the covered amount: nothing claimable, never negative */
	assert_int_equal(rp_ini_parse("[insurance]\ndeductible=1000000\n", 31, &ini, NULL), 0);
	c.ncosts = 1;
	assert_int_equal(rp_claim_compute(&c, ini, &cl), 0);
	assert_int_equal(cl.claimable, 0);
	assert_int_equal(cl.own_share, 1800000);
	rp_ini_free(ini);
	assert_int_equal(rp_ini_parse("[insurance]\ndeductible=x\n", 25, &ini, NULL), 0);
	assert_int_equal(rp_claim_compute(&c, ini, &cl), RP_ERR_FORMAT);
	rp_ini_free(ini);
}

/* The third-party section apart: per client, its own limit and deductible (once for
 * the incident), and the first-party limit capping what the insurer pays. */
static void
claim_liability_apart_with_its_limit(void **state)
{
	static const char site[] = "[insurance]\ncurrency=CHF\ndeductible=1000\nlimit=20000\n"
	    "liability_limit=10000\nliability_deductible=5000\n";
	int li = rp_cost_category("liability");
	struct rp_cost costs[] = {
		{ 0, 0, 2500000, "CHF", -1, -1, NULL, NULL },              /* it: over the limit */
		{ 0, li, 800000, "CHF", -1, -1, NULL, (char *)"Labor" },
		{ 0, li, 300000, "CHF", -1, -1, NULL, (char *)"Cabinet" },
		{ 0, li, 700000, "CHF", -1, -1, NULL, (char *)"Labor" },
		{ 0, li, 100000, "EUR", -1, -1, NULL, (char *)"Labor" },   /* other currency */
	};
	struct rp_case c;
	struct rp_claim cl;
	struct rp_ini *ini;

	assert_true(li > 0);
	assert_true(rp_cost_is_liability(li));
	assert_false(rp_cost_is_liability(0));
	case_init(&c, 0);
	c.costs = costs;
	c.ncosts = 5;
	assert_int_equal(rp_ini_parse(site, strlen(site), &ini, NULL), 0);
	assert_int_equal(rp_claim_compute(&c, ini, &cl), 0);
	assert_int_equal(cl.nlines, 1);                           /* liability is not a line */
	assert_int_equal(cl.total, 2500000);
	assert_int_equal(cl.limit, 2000000);
	assert_int_equal(cl.claimable, 2000000);                  /* 24,000 capped at 20,000 */
	assert_int_equal(cl.own_share, 500000);
	assert_int_equal(cl.liability.nclients, 2);
	assert_string_equal(cl.liability.clients[0].client, "Labor");
	assert_int_equal(cl.liability.clients[0].total, 1500000);
	assert_int_equal(cl.liability.clients[1].total, 300000);
	assert_int_equal(cl.liability.total, 1800000);
	assert_int_equal(cl.liability.deductible, 500000);
	assert_int_equal(cl.liability.limit, 1000000);
	assert_int_equal(cl.liability.claimable, 1000000);        /* 13,000 capped at 10,000 */
	assert_int_equal(cl.liability.own_share, 800000);
	assert_int_equal(cl.other_currency, 1);
	rp_claim_release(&cl);
	rp_ini_free(ini);
	/* no section in the policy: no limit, no deductible */
	assert_int_equal(rp_claim_compute(&c, NULL, &cl), 0);
	assert_int_equal(cl.liability.limit, -1);
	assert_int_equal(cl.liability.claimable, 1800000);
	assert_int_equal(cl.limit, -1);
	rp_claim_release(&cl);
	assert_int_equal(rp_ini_parse("[insurance]\nliability_limit=lots\n", 33, &ini, NULL), 0);
	assert_int_equal(rp_claim_compute(&c, ini, &cl), RP_ERR_FORMAT);
	rp_ini_free(ini);
}

static void
template_fills_and_marks_gaps(void **state)
{
	static const char site[] = "[insurance]\npolicy=P-1\n[client]\nname=Acme\nlanguage=fr\n";
	struct rp_ioc iocs[] = { { 0, (char *)"ipv4", (char *)"203.0.113.7" } };
	struct rp_case c;
	struct rp_ini *ini;
	struct rp_buf b = RP_BUF_INIT;

	case_init(&c, 0);
	c.info.title = (char *)"T";
	c.info.id = 3;
	c.facts[RP_FACT_HIGH_RISK] = RP_FACT_YES;
	c.iocs = iocs;
	c.niocs = 1;
	assert_int_equal(rp_ini_parse(site, strlen(site), &ini, NULL), 0);
	assert_int_equal(rp_template_fill("{{case.title}}/{{case.id}}/{{insurance/policy}}/"
	    "{{facts.high-risk}}/{{facts.extortion}}/{{client/name}}/{{site/name}}\n{{iocs}}",
	    &c, ini, "Acme", "fr", 0, &b), 0);
	assert_string_equal(b.buf, "T/3/P-1/oui/non évalué/Acme/[...: site/name]\n"
	    "  - ipv4: 203.0.113.7\n");
	rp_buf_reset(&b);
	assert_int_equal(rp_template_fill("{{unterminated", &c, ini, NULL, "en", 0, &b), RP_ERR_FORMAT);
	rp_buf_release(&b);
	rp_ini_free(ini);
}

static void
stix_is_deterministic_and_escaped(void **state)
{
	struct rp_ioc iocs[] = { { 0, (char *)"url", (char *)"http://x/a'b\\c" } };
	struct rp_case c;
	struct rp_buf a = RP_BUF_INIT, b = RP_BUF_INIT;

	case_init(&c, 0);
	c.info.title = (char *)"T";
	c.iocs = iocs;
	c.niocs = 1;
	assert_int_equal(rp_case_stix(&c, &a), 0);
	assert_int_equal(rp_case_stix(&c, &b), 0);
	assert_string_equal(a.buf, b.buf);
	/* the STIX literal escapes ' and \, then JSON escapes the backslashes */
	assert_non_null(strstr(a.buf, "\"pattern\": \"[url:value = 'http://x/a\\\\'b\\\\\\\\c']\""));
	/* UUIDv5: version nibble 5, variant 10xx */
	assert_non_null(strstr(a.buf, "\"id\": \"indicator--"));
	{
		const char *u = strstr(a.buf, "indicator--") + 11;

		assert_int_equal(u[14], '5');
		assert_true(strchr("89ab", u[19]) != NULL);
	}
	rp_buf_release(&a);
	rp_buf_release(&b);
}

static int
count_issue(const struct rp_site_issue *is, void *ctx)
{
	if (strcmp(is->status, "stale") == 0)
		(*(int *)ctx) += 100;
	else
		(*(int *)ctx)++;
	return 0;
}

static void
site_check_finds_stale_contacts(void **state)
{
	static const char s[] = "[site]\nname=a\naddress=b\nphone=1\ncountry=CH\nsector=other\nnis2=none\nstaff=3\n"
	    "[insurance]\ninsurer=i\npolicy=p\nhotline=h\ncurrency=CHF\ndeductible=1\nwaiting-period=8h\n"
	    "[contact it-provider]\nname=n\nphone=1\nverified=2026-01-01\n"
	    "[contact insurer]\nname=n\nphone=1\nverified=2026-01-01\n"
	    "[contact police]\nname=n\nphone=1\nverified=2025-01-01\n"
	    "[contact regulator]\nname=n\nemail=e\nverified=2026-01-01\n"
	    "[contact lawyer]\nname=n\nphone=1\nverified=2026-01-01\n"
	    "[contact bank]\nname=n\nphone=1\nverified=2026-01-01\n"
	    "[client]\nname=c\ncontact=x\nlanguage=de\n";
	struct rp_ini *ini;
	int64_t now;
	int n = 0;

	assert_int_equal(rp_ini_parse(s, strlen(s), &ini, NULL), 0);
	assert_int_equal(rp_time_parse("2026-06-01T00:00:00Z", &now, NULL), 0);
	assert_int_equal(rp_site_check(ini, now, count_issue, &n), 0);
	assert_int_equal(n, 100);             /* only the police contact, stale */
	n = 0;
	assert_int_equal(rp_time_parse("2025-06-01T00:00:00Z", &now, NULL), 0);
	assert_int_equal(rp_site_check(ini, now, count_issue, &n), 0);
	assert_int_equal(n, 5);               /* five contacts verified "in the future" */
	rp_ini_free(ini);
}

static void
facts_words_and_time_skew(void **state)
{
	const char *allowed;
	int v = -9;

	assert_int_equal(rp_fact_parse(RP_FACT_HIGH_RISK, "yes", &v, NULL), 0);
	assert_int_equal(v, RP_FACT_YES);
	assert_int_equal(rp_fact_parse(RP_FACT_HIGH_RISK, "no", &v, &allowed), 0);
	assert_int_equal(v, RP_FACT_NO);
	assert_string_equal(allowed, "yes or no");
	assert_int_equal(rp_fact_parse(RP_FACT_HIGH_RISK, "unknown", &v, NULL), RP_ERR_INVALID);
	assert_int_equal(rp_fact_parse(RP_FACT_HIGH_RISK, "maybe", &v, NULL), RP_ERR_INVALID);
	assert_int_equal(rp_fact_parse(RP_FACT_EXFILTRATION, "unknown", &v, &allowed), 0);
	assert_int_equal(v, RP_FACT_UNKNOWN);
	assert_string_equal(allowed, "yes, no or unknown");
	assert_int_equal(rp_fact_parse(RP_FACT_COUNT, "yes", &v, NULL), RP_ERR_INVALID);
	/* five minutes of clock skew are tolerated, not more */
	assert_true(rp_case_time_past(1000, 1000));
	assert_true(rp_case_time_past(1300, 1000));
	assert_false(rp_case_time_past(1301, 1000));
}

static void
ioc_values_checked_and_normalised(void **state)
{
	static const struct { const char *type, *value; int r; } t[] = {
		{ "sha256", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", 0 },
		{ "sha256", "e3b0", RP_ERR_FORMAT },
		{ "ipv4", "203.0.113.7", 0 },
		{ "ipv4", "203.0.113.256", RP_ERR_FORMAT },
		{ "domain", "Evil.Example", 0 },
		{ "domain", "-evil.example", RP_ERR_FORMAT },
		{ "domain", "localhost", RP_ERR_FORMAT },
		{ "url", "https://evil.example/x", 0 },
		{ "url", "evil.example/x", RP_ERR_FORMAT },
		{ "email", "a@b.example", 0 },
		{ "email", "@b.example", RP_ERR_FORMAT },
		{ "filename", "invoice.pdf.exe", 0 },
		{ "filename", "../x", RP_ERR_FORMAT },
		{ "filename", "line\nbreak", RP_ERR_FORMAT },
		{ "filename", "", RP_ERR_FORMAT },
		{ "filename", "\xff", RP_ERR_FORMAT },
		{ "md5", "x", RP_ERR_INVALID },
		{ NULL, "x", RP_ERR_INVALID },
	};
	struct rp_buf b = RP_BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(rp_ioc_check(t[i].type, t[i].value), t[i].r);
	assert_int_equal(rp_ioc_normalise("domain", "Evil.Example", &b), 0);
	assert_string_equal(b.buf, "evil.example");
	rp_buf_reset(&b);
	assert_int_equal(rp_ioc_normalise("url", "HTTPS://X/Y", &b), 0);
	assert_string_equal(b.buf, "HTTPS://X/Y");         /* a URL's path is case-sensitive */
	rp_buf_release(&b);
}

static void
cost_made_from_what_was_typed(void **state)
{
	static const char site[] = "[insurance]\ncurrency=EUR\n";
	struct rp_ini *ini;
	struct rp_cost k;
	struct rp_cost_input in;
	int bad;

	assert_int_equal(rp_ini_parse(site, strlen(site), &ini, NULL), 0);
	in = (struct rp_cost_input){ "it", "18'000.50", NULL, NULL, NULL, "invoice", NULL };
	assert_int_equal(rp_cost_make(&in, ini, 77, &k, &bad), 0);
	assert_int_equal(k.amount, 1800050);
	assert_string_equal(k.currency, "EUR");               /* the policy's currency */
	assert_string_equal(k.note, "invoice");
	assert_int_equal(k.hours_c, -1);
	assert_int_equal(k.time, 77);
	rp_cost_release(&k);
	in = (struct rp_cost_input){ "internal", NULL, "7.5", "120.33", "CHF", NULL, NULL };
	assert_int_equal(rp_cost_make(&in, NULL, 0, &k, &bad), 0);
	assert_int_equal(k.amount, 90248);                    /* 902.475 rounds up */
	assert_int_equal(k.hours_c, 750);
	assert_int_equal(k.rate, 12033);
	assert_string_equal(k.currency, "CHF");
	rp_cost_release(&k);
	in = (struct rp_cost_input){ "liability", "8000", NULL, NULL, NULL, NULL, "Labor" };
	assert_int_equal(rp_cost_make(&in, ini, 0, &k, &bad), 0);
	assert_string_equal(k.client, "Labor");
	rp_cost_release(&k);
	in = (struct rp_cost_input){ "it", "10", NULL, NULL, NULL, NULL, NULL };
	assert_int_equal(rp_cost_make(&in, NULL, 0, &k, &bad), 0);
	assert_string_equal(k.currency, "CHF");               /* no site: CHF */
	rp_cost_release(&k);
	{
		static const struct { struct rp_cost_input in; int bad; } t[] = {
			{ { "coffee", "1", NULL, NULL, NULL, NULL, NULL }, RP_COST_BAD_CATEGORY },
			{ { NULL, "1", NULL, NULL, NULL, NULL, NULL }, RP_COST_BAD_CATEGORY },
			{ { "it", "1", "2", "3", NULL, NULL, NULL }, RP_COST_BAD_HOW },
			{ { "it", NULL, "2", NULL, NULL, NULL, NULL }, RP_COST_BAD_HOW },
			{ { "it", NULL, NULL, NULL, NULL, NULL, NULL }, RP_COST_BAD_HOW },
			{ { "it", "lots", NULL, NULL, NULL, NULL, NULL }, RP_COST_BAD_AMOUNT },
			{ { "it", NULL, "7,5", "3", NULL, NULL, NULL }, RP_COST_BAD_HOURS },
			{ { "it", NULL, "1000001", "3", NULL, NULL, NULL }, RP_COST_BAD_HOURS },
			{ { "it", NULL, "2", "x", NULL, NULL, NULL }, RP_COST_BAD_RATE },
			{ { "it", "1", NULL, NULL, "chf", NULL, NULL }, RP_COST_BAD_CURRENCY },
			{ { "it", "1", NULL, NULL, "EURO", NULL, NULL }, RP_COST_BAD_CURRENCY },
			{ { "it", "1", NULL, NULL, NULL, NULL, "Labor" }, RP_COST_BAD_CLIENT },
			{ { "liability", "1", NULL, NULL, NULL, NULL, NULL }, RP_COST_BAD_CLIENT },
			{ { "liability", "1", NULL, NULL, NULL, NULL, "" }, RP_COST_BAD_CLIENT },
		};
		size_t i;

		for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
			assert_int_equal(rp_cost_make(&t[i].in, ini, 0, &k, &bad), RP_ERR_INVALID);
			assert_int_equal(bad, t[i].bad);
			assert_null(k.note);
		}
	}
	rp_ini_free(ini);
}

static void
attach_finds_summary_and_source(void **state)
{
	static const char ok[] = "{\"kind\":\"file\",\"path\":\"a\"}\n\n"
	    "{\"kind\":\"summary\",\"command\":\"scan\",\"files\":14,\"encrypted\":3,\"ok\":true}\n";
	static const char tool[] = "{\"kind\":\"read\"}\n{\"kind\":\"summary\",\"n\":1.5}\n";
	struct rp_attach_info a;
	char *dg;

	assert_int_equal(rp_attach_parse(ok, strlen(ok), NULL, &a), 0);
	assert_string_equal(a.source, "scan");
	assert_int_equal(a.lines, 2);
	assert_string_equal(a.sha256, "54ec3c67c400ce741874fca6698cfb2264f09082a90891c7f1ced011b61a8dd4");
	dg = rp_attach_digest(a.summary);
	assert_string_equal(dg, "command scan, files 14, encrypted 3, ok yes");
	free(dg);
	rp_attach_info_release(&a);
	assert_int_equal(rp_attach_parse(ok, strlen(ok), "exfil", &a), 0);
	assert_string_equal(a.source, "exfil");              /* --source wins */
	rp_attach_info_release(&a);
	assert_int_equal(rp_attach_parse(tool, strlen(tool), NULL, &a), 0);
	assert_string_equal(a.source, "read");               /* else the first line's kind */
	rp_attach_info_release(&a);
	assert_int_equal(rp_attach_parse("{\"kind\":\"x\"}\nnot json\n", 22, NULL, &a),
	    RP_ERR_FORMAT);
	assert_int_equal(a.bad_line, 2);
	rp_attach_info_release(&a);
	assert_int_equal(rp_attach_parse("{\"kind\":\"x\"}\n", 13, NULL, &a), RP_ERR_NOTFOUND);
	rp_attach_info_release(&a);
	assert_int_equal(rp_attach_parse("{\"no\":1}\n", 9, NULL, &a), RP_ERR_FORMAT);
	assert_int_equal(a.bad_line, 1);
	rp_attach_info_release(&a);
	/* a summary that is not an object digests to nothing; it used to return NULL, which
	 * the case's loader took for "out of memory": one odd journal entry hid the case */
	dg = rp_attach_digest("[1]");
	assert_non_null(dg);
	assert_string_equal(dg, "");
	free(dg);
}

static void
notify_language_template_and_deadline(void **state)
{
	static const char site[] = "[site]\ncountry=CH\n[client]\nname=Acme\nlanguage=fr\n"
	    "[client]\nname=Roma\nlanguage=it\n";
	struct rp_deadline v[] = {
		{ (char *)"insurer", NULL, (char *)"insurer", NULL, NULL, 10, RP_DL_DONE, 5 },
		{ (char *)"ch-fadp-art24", NULL, (char *)"authority", NULL, NULL, 20, RP_DL_OPEN, 0 },
		{ (char *)"ch-isg", NULL, (char *)"authority", NULL, NULL, 30, RP_DL_OPEN, 0 },
	};
	struct rp_deadlines d = { v, 3, 3 };
	struct rp_buf b = RP_BUF_INIT;
	struct rp_ini *ini;
	const char *lang, *closes;

	assert_int_equal(rp_ini_parse(site, strlen(site), &ini, NULL), 0);
	assert_int_equal(rp_notify_recipient("clients"), 5);
	assert_int_equal(rp_notify_recipient("judge"), -1);
	assert_int_equal(rp_notify_recipient(NULL), -1);
	assert_int_equal(rp_notify_lang(ini, "Acme", NULL, &lang), 0);
	assert_string_equal(lang, "fr");                      /* the client's language */
	assert_int_equal(rp_notify_lang(ini, "Acme", "de", &lang), 0);
	assert_string_equal(lang, "de");                      /* --lang wins */
	assert_int_equal(rp_notify_lang(ini, "Nobody", NULL, &lang), 0);
	assert_string_equal(lang, "en");
	assert_int_equal(rp_notify_lang(ini, "Roma", NULL, &lang), 0);
	assert_string_equal(lang, "en");       /* no Italian templates: the site's, else en */
	assert_int_equal(rp_notify_lang(ini, NULL, "it", &lang), RP_ERR_INVALID);
	assert_string_equal(lang, "it");
	{
		static const char de[] = "[site]\ncountry=CH\nlanguage=de\n[client]\nname=Roma\n"
		    "language=it\n[client]\nname=Acme\nlanguage=fr\n";
		struct rp_ini *ini_de;

		assert_int_equal(rp_ini_parse(de, strlen(de), &ini_de, NULL), 0);
		assert_int_equal(rp_notify_lang(ini_de, NULL, NULL, &lang), 0);
		assert_string_equal(lang, "de");                  /* the site's language */
		assert_int_equal(rp_notify_lang(ini_de, "Roma", NULL, &lang), 0);
		assert_string_equal(lang, "de");
		assert_int_equal(rp_notify_lang(ini_de, "Acme", NULL, &lang), 0);
		assert_string_equal(lang, "fr");
		assert_int_equal(rp_notify_lang(ini_de, NULL, "en", &lang), 0);
		assert_string_equal(lang, "en");
		rp_ini_free(ini_de);
	}
	assert_int_equal(rp_notify_template(ini, "authority", "fr", &b), 0);
	assert_string_equal(b.buf, "templates/fr/authority-ch.txt");
	rp_buf_reset(&b);
	assert_int_equal(rp_notify_template(NULL, "authority", "en", &b), 0);
	assert_string_equal(b.buf, "templates/en/authority-gdpr.txt");
	rp_buf_reset(&b);
	assert_int_equal(rp_notify_template(NULL, "judge", "en", &b), RP_ERR_INVALID);
	assert_int_equal(rp_notify_closes(&d, "authority", NULL, &closes), 0);
	assert_string_equal(closes, "ch-fadp-art24");         /* the earliest open one */
	assert_int_equal(rp_notify_closes(&d, "insurer", NULL, &closes), 0);
	assert_null(closes);                                  /* done already */
	assert_int_equal(rp_notify_closes(&d, "police", "ch-isg", &closes), 0);
	assert_string_equal(closes, "ch-isg");                /* named: whoever it went to */
	assert_int_equal(rp_notify_closes(&d, "police", "gdpr-art33", &closes), RP_ERR_NOTFOUND);
	rp_buf_release(&b);
	rp_ini_free(ini);
}

static char dir[] = "/tmp/rp-test-case.XXXXXX";

static void
case_reads_back_its_journal(void **state)
{
	struct rp_store *st;
	struct rp_buf p = RP_BUF_INIT;
	struct rp_case c;
	int64_t id, bad = 0;

	rp_buf_addf(&p, "%s/c.db", dir);
	assert_int_equal(rp_store_open(&st, p.buf, RP_STORE_CREATE), 0);
	assert_int_equal(rp_case_open(st, 1000, "T", 900, NULL, &id), 0);
	assert_int_equal(rp_case_record(st, id, 1001, "fact", "me", "t", "fact", "high-risk",
	    "value", "yes", NULL), 0);
	assert_int_equal(rp_case_record(st, id, 1002, "cost", "me", "t", "category", "legal",
	    "amount", "\x01" "200000", "currency", "CHF", "note", NULL, NULL), 0);
	assert_int_equal(rp_case_record(st, id, 1003, "root-cause", "me", "t", "text", "RDP", NULL), 0);
	assert_int_equal(rp_case_load(st, 0, &c), 0);
	assert_int_equal(c.info.id, id);
	assert_int_equal(c.info.discovered, 900);
	assert_null(c.info.how);
	assert_int_equal(c.facts[RP_FACT_HIGH_RISK], RP_FACT_YES);
	assert_int_equal(c.facts[RP_FACT_EXTORTION], RP_FACT_UNSET);
	assert_int_equal(c.ncosts, 1);
	assert_int_equal(c.costs[0].amount, 200000);
	assert_null(c.costs[0].note);
	assert_string_equal(c.root_cause, "RDP");
	assert_int_equal(c.nentries, 4);
	rp_case_release(&c);
	assert_int_equal(rp_journal_verify(st, id, &bad), 0);
	assert_int_equal(rp_case_close(st, id, 2000, "closed", NULL), 0);
	assert_int_equal(rp_case_close(st, id, 2001, "closed", NULL), RP_ERR_EXISTS);
	assert_int_equal(rp_case_load(st, 0, &c), RP_ERR_NOTFOUND);
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_int_equal(c.info.closed, 2000);
	rp_case_release(&c);
	assert_int_equal(rp_journal_verify(st, id, &bad), 0);
	rp_store_close(st);
	unlink(p.buf);
	rp_buf_release(&p);
}

/* case_id 0 is resolved inside rp_journal_append's own transaction: the callers
 * (cli-journal.c, forensic.c) no longer look the case up themselves. */
static void
journal_append_to_the_open_case(void **state)
{
	struct rp_store *st;
	struct rp_buf p = RP_BUF_INIT;
	struct rp_case_info ci;
	int64_t a, b, e1 = 0, e2 = 0, bad = 0;

	rp_buf_addf(&p, "%s/j.db", dir);
	assert_int_equal(rp_store_open(&st, p.buf, RP_STORE_CREATE), 0);
	/* a fresh store: the tables are made, there is no case, nothing is left open */
	assert_int_equal(rp_journal_append(st, 0, 10, "scan", "me", "t", NULL, NULL),
	    RP_ERR_NOTFOUND);
	assert_int_equal(rp_case_open(st, 100, "A", 90, NULL, &a), 0);
	assert_int_equal(rp_journal_append(st, 0, 101, "scan", "me", "to A", "{}", &e1), 0);
	assert_true(e1 > 0);
	assert_int_equal(rp_case_open(st, 200, "B", 190, NULL, &b), 0);
	assert_int_equal(rp_journal_append(st, 0, 201, "scan", "me", "to B", NULL, &e2), 0);
	assert_true(e2 > e1);
	assert_int_equal(rp_case_get(st, b, &ci), 0);
	assert_int_equal(ci.head_seq, 2);             /* opened, then the append */
	rp_case_info_release(&ci);
	assert_int_equal(rp_case_close(st, b, 300, "closed", NULL), 0);
	assert_int_equal(rp_journal_append(st, 0, 301, "scan", "me", "to A again", NULL, NULL), 0);
	assert_int_equal(rp_case_get(st, a, &ci), 0);
	assert_int_equal(ci.head_seq, 3);
	rp_case_info_release(&ci);
	assert_int_equal(rp_case_get(st, b, &ci), 0);
	assert_int_equal(ci.head_seq, 3);             /* opened, the append, closed */
	rp_case_info_release(&ci);
	assert_int_equal(rp_journal_verify(st, a, &bad), 0);
	assert_int_equal(rp_journal_verify(st, b, &bad), 0);
	assert_int_equal(rp_case_close(st, a, 400, "closed", NULL), 0);
	assert_int_equal(rp_journal_append(st, 0, 401, "scan", "me", "t", NULL, NULL),
	    RP_ERR_NOTFOUND);
	/* an explicit case still works once none is open */
	assert_int_equal(rp_journal_append(st, a, 402, "note", "me", "late", NULL, NULL), 0);
	assert_int_equal(rp_journal_verify(st, a, &bad), 0);
	rp_store_close(st);
	unlink(p.buf);
	rp_buf_release(&p);
}

/* The recording verbs and the closing conditions, through a real store. */
static void
verbs_record_and_close(void **state)
{
	const struct rp_close_condition *unmet;
	struct rp_attach_info a;
	struct rp_notify_sent s;
	struct rp_store *st;
	struct rp_buf p = RP_BUF_INIT, t = RP_BUF_INIT;
	struct rp_case c;
	struct rp_cost k;
	struct rp_cost_input in = { "legal", "2000", NULL, NULL, NULL, "lawyer", NULL };
	char sha[65];
	int64_t id, bad = 0;
	int changed = -1, b;

	rp_buf_addf(&p, "%s/v.db", dir);
	assert_int_equal(rp_store_open(&st, p.buf, RP_STORE_CREATE), 0);
	assert_int_equal(rp_case_open(st, 1000, "T", 900, NULL, &id), 0);
	assert_int_equal(rp_case_log(st, id, 1001, "me", "a note", RP_TIME_UNSET), 0);
	assert_int_equal(rp_case_log(st, id, 1002, "me", "earlier", 500), 0);
	assert_int_equal(rp_case_log(st, id, 1003, "me", "later", 99999), RP_ERR_INVALID);
	assert_int_equal(rp_case_log(st, id, 1003, "me", "", RP_TIME_UNSET), RP_ERR_INVALID);
	assert_int_equal(rp_case_add_text(st, id, 1004, "me", "lesson", "train staff", "x", 5), 0);
	assert_int_equal(rp_case_add_text(st, id, 1005, "me", "action", "MFA", "IT", 2000), 0);
	assert_int_equal(rp_case_add_text(st, id, 1005, "me", "action", "MFA", NULL, 2000),
	    RP_ERR_INVALID);
	assert_int_equal(rp_case_add_text(st, id, 1005, "me", "action", "MFA", "IT",
	    RP_TIME_UNSET), RP_ERR_INVALID);
	assert_int_equal(rp_case_add_text(st, id, 1005, "me", "wish", "x", NULL, 0),
	    RP_ERR_INVALID);
	assert_int_equal(rp_case_ioc_add(st, id, 1006, "me", "domain", "EVIL.example"), 0);
	assert_int_equal(rp_case_ioc_add(st, id, 1006, "me", "domain", "-x"), RP_ERR_FORMAT);
	assert_int_equal(rp_cost_make(&in, NULL, 1007, &k, &b), 0);
	assert_int_equal(rp_case_cost_add(st, id, 1007, "me", &k, &t), 0);
	assert_string_equal(t.buf, "cost legal: CHF 2,000.00 (lawyer)");
	rp_cost_release(&k);
	assert_int_equal(rp_attach_parse("{\"kind\":\"summary\",\"files\":2}\n", 29, NULL, &a), 0);
	rp_buf_reset(&t);
	assert_int_equal(rp_case_attach(st, id, 1008, "me", "r.jsonl", &a, &t), 0);
	assert_non_null(strstr(t.buf, "attached 'r.jsonl' (summary results; 1 lines, SHA-256 "));
	rp_attach_info_release(&a);
	s = (struct rp_notify_sent){ "insurer", "de", NULL, "insurer", 1009, "letter", 6, NULL };
	rp_buf_reset(&t);
	assert_int_equal(rp_case_notify_record(st, id, 1010, "me", &s, sha, &t), 0);
	assert_string_equal(t.buf, "notification to insurer sent (de), closes deadline insurer");
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_int_equal(rp_case_set_fact(st, &c, 1011, "me", RP_FACT_HIGH_RISK, RP_FACT_NO,
	    &changed), 0);
	assert_int_equal(changed, 1);
	assert_int_equal(rp_case_set_fact(st, &c, 1012, "me", RP_FACT_HIGH_RISK, RP_FACT_NO,
	    &changed), 0);
	assert_int_equal(changed, 0);                         /* no change: nothing journaled */
	rp_case_release(&c);
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_int_equal(c.facts[RP_FACT_HIGH_RISK], RP_FACT_NO);
	assert_int_equal(c.nentries, 10);
	assert_int_equal(c.entries[2].at, 500);               /* the event's own time */
	assert_int_equal(c.nactions, 2);
	assert_null(c.actions[0].owner);                      /* a lesson has no owner */
	assert_string_equal(c.actions[1].owner, "IT");
	assert_int_equal(c.actions[1].due, 2000);
	assert_string_equal(c.iocs[0].value, "evil.example");
	assert_int_equal(c.ncosts, 1);
	assert_string_equal(c.attachments[0].digest, "files 2");
	assert_int_equal(c.nnotices, 1);
	assert_int_equal(c.notices[0].time, 1009);
	assert_string_equal(c.notices[0].sha256, sha);
	/* closing: refused without a root cause, nothing recorded */
	assert_non_null(unmet = rp_case_close_unmet(&c, NULL));
	assert_string_equal(unmet->id, "root-cause");
	/* and without the way in (vector.c; tested in test-vector.c) */
	assert_non_null(unmet = rp_case_close_unmet(&c, "RDP open"));
	assert_string_equal(unmet->id, "way-in");
	assert_int_equal(rp_case_entry(st, id, 1013, "me", "exposed-service", NULL, 0,
	    "RDP open to the Internet"), 0);
	rp_case_release(&c);
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_null(rp_case_close_unmet(&c, "RDP open"));
	assert_int_equal(rp_case_finish(st, &c, 1100, "me", NULL, 0, &unmet), RP_ERR_REFUSED);
	assert_string_equal(unmet->id, "root-cause");
	assert_int_equal(rp_case_finish(st, &c, 1100, "me", "RDP open", 0, &unmet), 0);
	assert_null(unmet);
	rp_case_release(&c);
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_string_equal(c.root_cause, "RDP open");
	assert_int_equal(c.info.closed, 1100);
	assert_int_equal(rp_case_finish(st, &c, 1101, "me", NULL, 1, NULL), RP_ERR_EXISTS);
	assert_int_equal(rp_case_check_integrity(st, &c), 0);
	assert_int_equal(c.integrity, 1);
	rp_case_release(&c);
	/* forced: the closing says what was missing */
	assert_int_equal(rp_case_open(st, 2000, "U", 1900, NULL, &id), 0);
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_int_equal(rp_case_finish(st, &c, 2001, "me", NULL, 1, NULL), 0);
	rp_case_release(&c);
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_string_equal(c.entries[c.nentries - 1].text,
	    "case closed without a root cause, the way in (--force)");
	rp_case_release(&c);
	assert_int_equal(rp_journal_verify(st, id, &bad), 0);
	rp_store_close(st);
	unlink(p.buf);
	rp_buf_release(&p);
	rp_buf_release(&t);
}

static int
count_rows(const struct rp_case_row *row, void *ctx)
{
	int *n = ctx;

	assert_int_equal(row->id, *n + 1);
	return ++*n == 2 ? 7 : 0;                /* a non-zero return stops the walk */
}

static void
list_walks_every_case(void **state)
{
	struct rp_store *st;
	struct rp_buf p = RP_BUF_INIT;
	int64_t id;
	int n = 0;

	rp_buf_addf(&p, "%s/l.db", dir);
	assert_int_equal(rp_store_open(&st, p.buf, RP_STORE_CREATE), 0);
	assert_int_equal(rp_case_list(st, count_rows, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(rp_case_open(st, 10, "A", 9, NULL, &id), 0);
	assert_int_equal(rp_case_open(st, 11, "B", 9, NULL, &id), 0);
	assert_int_equal(rp_case_open(st, 12, "C", 9, NULL, &id), 0);
	assert_int_equal(rp_case_list(st, count_rows, &n), 7);
	assert_int_equal(n, 2);
	rp_store_close(st);
	unlink(p.buf);
	rp_buf_release(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ini_parses_sections_and_repeats),
		cmocka_unit_test(ini_rejects_with_line),
		cmocka_unit_test(money_parses_and_formats),
		cmocka_unit_test(deadlines_follow_site_and_facts),
		cmocka_unit_test(claim_applies_sublimits_waiting_deductible),
		cmocka_unit_test(claim_liability_apart_with_its_limit),
		cmocka_unit_test(template_fills_and_marks_gaps),
		cmocka_unit_test(stix_is_deterministic_and_escaped),
		cmocka_unit_test(site_check_finds_stale_contacts),
		cmocka_unit_test(case_reads_back_its_journal),
		cmocka_unit_test(journal_append_to_the_open_case),
		cmocka_unit_test(facts_words_and_time_skew),
		cmocka_unit_test(ioc_values_checked_and_normalised),
		cmocka_unit_test(cost_made_from_what_was_typed),
		cmocka_unit_test(attach_finds_summary_and_source),
		cmocka_unit_test(notify_language_template_and_deadline),
		cmocka_unit_test(verbs_record_and_close),
		cmocka_unit_test(list_walks_every_case),
	};
	int r;

	if (mkdtemp(dir) == NULL)
		return 1;
	r = cmocka_run_group_tests(tests, NULL, NULL);
	{
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			r = r ? r : 1;
	}
	return r;
}
