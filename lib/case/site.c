/* `site check`: what an incident will need from the site profile, and what is stale. */
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/time.h"

#define YEAR (365 * 86400LL)

struct check {
	const struct rp_ini *ini;
	int (*fn)(const struct rp_site_issue *, void *);
	void *ctx;
	struct rp_buf where, msg;
};

static int
report(struct check *c, const char *status, const char *w1, const char *w2,
    const char *msg)
{
	struct rp_site_issue is;

	rp_buf_reset(&c->where);
	rp_buf_addf(&c->where, "%s%s", w1, w2);
	is.status = status;
	is.where = c->where.buf;
	is.message = msg;
	return c->fn(&is, c->ctx);
}

static const char *const codes[] = {
	"CH", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
	"IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
	"IS", "LI", "NO", NULL,
};

int
rp_site_country_known(const char *code)
{
	size_t i;

	for (i = 0; code && codes[i]; i++)
		if (strcmp(codes[i], code) == 0)
			return 1;
	return 0;
}

static int
one_of(const char *v, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(*list, v) == 0)
			return 1;
	return 0;
}

/* A required key: "missing" when absent or empty. *v gets the value. */
static int
need(struct check *c, const char *section, const char *key, const char *what, const char **v)
{
	struct rp_buf w = RP_BUF_INIT;
	int r;

	*v = rp_ini_get(c->ini, section, key);
	if (*v && **v)
		return 0;
	*v = NULL;
	rp_buf_addf(&w, "%s/%s", section, key);
	r = report(c, "missing", w.buf, "", what);
	rp_buf_release(&w);
	return r;
}

static const struct {
	const char *name, *what;
} contacts[] = {
	{ "it-provider", "the IT provider who comes at 7 a.m." },
	{ "insurer", "the cyber insurer's hotline" },
	{ "police", "the police (cybercrime unit) for the complaint" },
	{ "regulator", "the data-protection regulator" },
	{ "dpo", "the data-protection officer or lawyer" },
	{ "bank", "the bank, to stop fraudulent payments" },
};

static int
check_contact(struct check *c, size_t k, int64_t now)
{
	char sec[64];
	const char *v, *alt;
	int64_t t;
	int r;

	snprintf(sec, sizeof(sec), "contact %s", contacts[k].name);
	/* a lawyer may take the data-protection role */
	if (strcmp(contacts[k].name, "dpo") == 0 && rp_ini_get(c->ini, sec, "name") == NULL &&
	    rp_ini_get(c->ini, "contact lawyer", "name") != NULL)
		snprintf(sec, sizeof(sec), "contact lawyer");
	rp_buf_reset(&c->msg);
	if (rp_ini_get(c->ini, sec, "name") == NULL) {
		rp_buf_addf(&c->msg, "no [%s] section with a name: %s", sec, contacts[k].what);
		return report(c, "missing", sec, "", c->msg.buf);
	}
	v = rp_ini_get(c->ini, sec, "phone");
	alt = rp_ini_get(c->ini, sec, "email");
	if ((v == NULL || !*v) && (alt == NULL || !*alt)) {
		rp_buf_addf(&c->msg, "%s has neither a phone nor an e-mail", contacts[k].what);
		if ((r = report(c, "missing", sec, "/phone", c->msg.buf)) != 0)
			return r;
	}
	rp_buf_reset(&c->msg);
	if ((v = rp_ini_get(c->ini, sec, "verified")) == NULL || !*v) {
		rp_buf_addf(&c->msg, "never verified: call %s and record the date", contacts[k].what);
		return report(c, "missing", sec, "/verified", c->msg.buf);
	}
	if (rp_time_parse(v, &t, NULL) != 0) {
		rp_buf_addf(&c->msg, "'%s' is not a date (YYYY-MM-DD)", v);
		return report(c, "invalid", sec, "/verified", c->msg.buf);
	}
	if (t > now + 86400) {
		rp_buf_addf(&c->msg, "verified on %s, which is in the future", v);
		return report(c, "invalid", sec, "/verified", c->msg.buf);
	}
	if (now - t > YEAR) {
		rp_buf_addf(&c->msg, "last verified on %s, more than a year ago", v);
		return report(c, "stale", sec, "/verified", c->msg.buf);
	}
	return 0;
}

int
rp_site_check(const struct rp_ini *ini, int64_t now,
    int (*fn)(const struct rp_site_issue *issue, void *ctx), void *ctx)
{
	static const char *const sectors[] = { "medical-practice", "hospital", "other", NULL };
	static const char *const nis2[] = { "none", "important", "essential", NULL };
	static const char *const yesno[] = { "yes", "no", NULL };
	static const char *const langs[] = { "fr", "de", "en", "it", NULL };
	/* the policy's limits and the liability section's deductible (optional) */
	static const char *const amounts[] = { "limit", "liability_limit", "liability_deductible",
	    NULL };
	struct check c = { ini, fn, ctx, RP_BUF_INIT, RP_BUF_INIT };
	const char *v;
	size_t k, from = 0, idx;
	int64_t m, d;
	int r, nclients = 0;

#define T(x) do { if ((r = (x)) != 0) goto out; } while (0)
	T(need(&c, "site", "name", "the organisation's name, for every notification", &v));
	T(need(&c, "site", "address", "the postal address, for every notification", &v));
	T(need(&c, "site", "phone", "the number clients call to check bank details (every "
	    "letter to them gives it)", &v));
	T(need(&c, "site", "country", "the country (CH, FR, DE, ...): it decides the legal deadlines", &v));
	if (v && !rp_site_country_known(v)) {
		rp_buf_addf(&c.msg, "'%s' is not CH or an EU/EEA country code: no legal deadline can be computed", v);
		T(report(&c, "invalid", "", "site/country", c.msg.buf));
	}
	T(need(&c, "site", "sector", "medical-practice, hospital or other", &v));
	if (v && !one_of(v, sectors))
		T(report(&c, "invalid", "", "site/sector", "expected medical-practice, hospital or other"));
	T(need(&c, "site", "nis2", "NIS2 status: none, important or essential", &v));
	if (v && !one_of(v, nis2))
		T(report(&c, "invalid", "", "site/nis2", "expected none, important or essential"));
	if ((v = rp_ini_get(ini, "site", "critical-infrastructure")) != NULL && !one_of(v, yesno))
		T(report(&c, "invalid", "", "site/critical-infrastructure", "expected yes or no"));
	T(need(&c, "site", "staff", "the staff size (ISG and NIS2 thresholds)", &v));
	if ((v = rp_ini_get(ini, "site", "language")) != NULL && !one_of(v, langs))
		T(report(&c, "invalid", "", "site/language", "expected fr, de, en or it"));
	if ((v = rp_ini_get(ini, "site", "timezone")) != NULL && !rp_time_zone_known(v)) {
		rp_buf_reset(&c.msg);
		rp_buf_addf(&c.msg, "'%s' is not a known time zone (e.g. Europe/Zurich)", v);
		T(report(&c, "invalid", "", "site/timezone", c.msg.buf));
	}

	T(need(&c, "insurance", "insurer", "the cyber insurer", &v));
	T(need(&c, "insurance", "policy", "the policy number: the insurer asks for it first", &v));
	T(need(&c, "insurance", "hotline", "the insurer's incident hotline", &v));
	T(need(&c, "insurance", "currency", "the policy's currency (CHF, EUR)", &v));
	T(need(&c, "insurance", "deductible", "the deductible, for the claim", &v));
	if (v && rp_money_parse(v, &m) != 0)
		T(report(&c, "invalid", "", "insurance/deductible", "not an amount (e.g. 1000 or 1'000.00)"));
	T(need(&c, "insurance", "waiting-period", "the business-interruption waiting period (e.g. 12h)", &v));
	if (v && rp_duration_parse(v, &d) != 0)
		T(report(&c, "invalid", "", "insurance/waiting-period", "not a duration (e.g. 12h)"));
	for (k = 0; rp_cost_categories[k]; k++) {
		char key[64];

		snprintf(key, sizeof(key), "sublimit.%s", rp_cost_categories[k]);
		if ((v = rp_ini_get(ini, "insurance", key)) != NULL && rp_money_parse(v, &m) != 0) {
			rp_buf_reset(&c.msg);
			rp_buf_addf(&c.msg, "'%s' is not an amount", v);
			T(report(&c, "invalid", "insurance/", key, c.msg.buf));
		}
	}

	for (k = 0; amounts[k]; k++) {
		if ((v = rp_ini_get(ini, "insurance", amounts[k])) != NULL && rp_money_parse(v, &m) != 0) {
			rp_buf_reset(&c.msg);
			rp_buf_addf(&c.msg, "'%s' is not an amount", v);
			T(report(&c, "invalid", "insurance/", amounts[k], c.msg.buf));
		}
	}

	for (k = 0; k < sizeof(contacts) / sizeof(contacts[0]); k++)
		T(check_contact(&c, k, now));

	while (rp_ini_find(ini, "client", &from, &idx) == 0) {
		const char *name = rp_ini_section_get(ini, idx, "name");

		nclients++;
		rp_buf_reset(&c.msg);
		if (name == NULL || !*name) {
			T(report(&c, "missing", "", "client/name", "a [client] without a name"));
			continue;
		}
		if ((v = rp_ini_section_get(ini, idx, "contact")) == NULL || !*v) {
			rp_buf_addf(&c.msg, "client '%s' has no contact address", name);
			T(report(&c, "missing", "", "client/contact", c.msg.buf));
		}
		rp_buf_reset(&c.msg);
		if ((v = rp_ini_section_get(ini, idx, "language")) == NULL || !one_of(v, langs)) {
			rp_buf_addf(&c.msg, "client '%s': language must be fr, de, en or it", name);
			T(report(&c, v ? "invalid" : "missing", "", "client/language", c.msg.buf));
		}
	}
	if (nclients == 0)
		T(report(&c, "missing", "", "client", "no [client] listed: who must be warned "
		    "when a virus went out from here?"));
#undef T
	r = 0;
out:
	rp_buf_release(&c.where);
	rp_buf_release(&c.msg);
	return r;
}
