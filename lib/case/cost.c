/* Money, cost entries and the decisions of `case cost add`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "core/err.h"

const char *const rp_cost_categories[] = {
	"it", "forensics", "internal", "legal", "notification", "interruption", "ransom",
	"other", "liability", NULL,
};

int
rp_cost_is_liability(int category)
{
	return category >= 0 && rp_cost_categories[category] &&
	    strcmp(rp_cost_categories[category], "liability") == 0;
}

int
rp_cost_category(const char *name)
{
	int i;

	for (i = 0; name && rp_cost_categories[i]; i++)
		if (strcmp(rp_cost_categories[i], name) == 0)
			return i;
	return -1;
}

/* ---- money ---- */

int
rp_money_parse(const char *s, int64_t *minor)
{
	const char *dec = NULL, *p;
	int64_t units = 0, cents = 0;
	int ndig = 0, nfrac = 0;

	/* the decimal separator is the last '.' or ',' followed by one or two digits */
	for (p = s; *p; p++)
		if (*p == '.' || *p == ',')
			dec = p;
	if (dec) {
		size_t n = strlen(dec + 1);

		if (n == 0 || n > 2 || strspn(dec + 1, "0123456789") != n)
			dec = NULL;           /* "18,000": a thousands separator */
	}
	for (p = s; *p && p != dec; p++) {
		if (*p >= '0' && *p <= '9') {
			if (units > 100000000000000LL)
				return RP_ERR_TOOBIG;
			units = units * 10 + (*p - '0');
			ndig++;
		} else if (!(ndig > 0 && (*p == '\'' || *p == ',' || *p == '.' || *p == '_' ||
		    *p == ' ') && p[1] >= '0' && p[1] <= '9')) {
			return RP_ERR_FORMAT;
		}
	}
	if (dec) {
		for (p = dec + 1; *p; p++, nfrac++)
			cents = cents * 10 + (*p - '0');
		if (nfrac == 1)
			cents *= 10;
	}
	if (ndig == 0)
		return RP_ERR_FORMAT;
	*minor = units * 100 + cents;
	return 0;
}

int
rp_hours_parse(const char *s, int64_t *hours_c)
{
	int64_t m;
	int r;

	if (strchr(s, ',') || strchr(s, '\''))
		return RP_ERR_FORMAT;
	if ((r = rp_money_parse(s, &m)) != 0)
		return r;
	*hours_c = m;
	return 0;
}

int
rp_money_fmt(struct rp_buf *b, int64_t minor)
{
	char digits[32];
	int n, i, r;
	uint64_t u;

	if (minor < 0 && (r = rp_buf_addch(b, '-')) != 0)
		return r;
	u = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
	n = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)(u / 100));
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0 && (r = rp_buf_addch(b, ',')) != 0)
			return r;
		if ((r = rp_buf_addch(b, digits[i])) != 0)
			return r;
	}
	return rp_buf_addf(b, ".%02u", (unsigned)(u % 100));
}

/* ---- cost entries ---- */

/* Bounds of hours and rates: beyond them hours x rate could overflow int64. */
#define MAX_HOURS_C 100000000       /* a million hours */
#define MAX_RATE    100000000       /* a million per hour */

void
rp_cost_release(struct rp_cost *k)
{
	if (k == NULL)
		return;
	free(k->note);
	free(k->client);
	k->note = k->client = NULL;
}

int
rp_cost_make(const struct rp_cost_input *in, const struct rp_ini *site, int64_t now,
    struct rp_cost *out, int *bad)
{
	const char *cur = in->currency;
	int64_t amount = 0, hours = -1, rate = -1;
	int cat;

	memset(out, 0, sizeof(*out));
	*bad = RP_COST_OK;
	if ((cat = rp_cost_category(in->category)) < 0) {
		*bad = RP_COST_BAD_CATEGORY;
		return RP_ERR_INVALID;
	}
	/* an amount, or hours at a rate: never both, never half of the second */
	if (!!in->amount == !!(in->hours || in->rate) || (!in->amount && !(in->hours && in->rate))) {
		*bad = RP_COST_BAD_HOW;
		return RP_ERR_INVALID;
	}
	if (in->amount && rp_money_parse(in->amount, &amount) != 0) {
		*bad = RP_COST_BAD_AMOUNT;
		return RP_ERR_INVALID;
	}
	if (in->hours) {
		if (rp_hours_parse(in->hours, &hours) != 0 || hours > MAX_HOURS_C) {
			*bad = RP_COST_BAD_HOURS;
			return RP_ERR_INVALID;
		}
		if (rp_money_parse(in->rate, &rate) != 0 || rate > MAX_RATE) {
			*bad = RP_COST_BAD_RATE;
			return RP_ERR_INVALID;
		}
		amount = (hours * rate + 50) / 100;     /* to the nearest minor unit */
	}
	/* a client's claim names the client; our own costs have none */
	if (rp_cost_is_liability(cat) ? in->client == NULL || *in->client == '\0' ||
	    strchr(in->client, '\n') != NULL : in->client != NULL) {
		*bad = RP_COST_BAD_CLIENT;
		return RP_ERR_INVALID;
	}
	if (cur == NULL)
		cur = rp_ini_get(site, "insurance", "currency");
	if (cur == NULL)
		cur = "CHF";
	if (strlen(cur) != 3 || strspn(cur, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3) {
		*bad = RP_COST_BAD_CURRENCY;
		return RP_ERR_INVALID;
	}
	if ((in->note && (out->note = strdup(in->note)) == NULL) ||
	    (in->client && (out->client = strdup(in->client)) == NULL)) {
		rp_cost_release(out);
		return RP_ERR_NOMEM;
	}
	out->time = now;
	out->category = cat;
	out->amount = amount;
	memcpy(out->currency, cur, 4);
	out->hours_c = hours;
	out->rate = rate;
	return 0;
}

int
rp_case_cost_add(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const struct rp_cost *k, struct rp_buf *text)
{
	struct rp_buf t = RP_BUF_INIT, a = RP_BUF_INIT, h = RP_BUF_INIT, rt = RP_BUF_INIT;
	int r;

	if (k->category < 0 || rp_cost_categories[k->category] == NULL)
		return RP_ERR_INVALID;
	if ((r = rp_buf_addf(&t, "cost %s: %s ", rp_cost_categories[k->category],
	    k->currency)) != 0 || (r = rp_money_fmt(&t, k->amount)) != 0 ||
	    (k->client && (r = rp_buf_addf(&t, ", claimed by %s", k->client)) != 0) ||
	    (k->note && (r = rp_buf_addf(&t, " (%s)", k->note)) != 0) ||
	    (r = rp_buf_addf(&a, "\x01%lld", (long long)k->amount)) != 0)
		goto out;
	if (k->hours_c >= 0 && ((r = rp_buf_addf(&h, "\x01%lld", (long long)k->hours_c)) != 0 ||
	    (r = rp_buf_addf(&rt, "\x01%lld", (long long)k->rate)) != 0))
		goto out;
	if ((r = rp_case_record(st, case_id, now, "cost", actor, t.buf, "category",
	    rp_cost_categories[k->category], "amount", a.buf, "currency", k->currency,
	    "hours_c", h.len ? h.buf : NULL, "rate", rt.len ? rt.buf : NULL, "note", k->note,
	    "client", k->client, NULL)) != 0)
		goto out;
	if (text)
		r = rp_buf_addstr(text, t.buf);
out:
	rp_buf_release(&t);
	rp_buf_release(&a);
	rp_buf_release(&h);
	rp_buf_release(&rt);
	return r;
}
