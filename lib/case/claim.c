/* The insurance claim: what the policy covers of the recorded costs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "core/array.h"
#include "core/err.h"
#include "core/time.h"

/* An optional amount of [insurance]: -1 when not given. */
static int
amount_of(const struct rp_ini *site, const char *key, int64_t *v)
{
	const char *s = rp_ini_get(site, "insurance", key);

	*v = -1;
	if (s == NULL)
		return 0;
	return rp_money_parse(s, v) == 0 ? 0 : RP_ERR_FORMAT;
}

/* What the insurer pays of a covered amount: less the deductible, at most the limit. */
static int64_t
pays(int64_t covered, int64_t deductible, int64_t limit)
{
	int64_t p = covered > deductible ? covered - deductible : 0;

	return limit >= 0 && p > limit ? limit : p;
}

/* The third-party section: the clients' claims, summed per client. */
static int
liability(const struct rp_case *c, struct rp_claim *out)
{
	struct rp_claim_client *nv;
	size_t i, j;
	int r;

	for (i = 0; i < c->ncosts; i++) {
		const struct rp_cost *k = &c->costs[i];
		const char *who = k->client ? k->client : "?";

		if (!rp_cost_is_liability(k->category))
			continue;
		if (strcmp(k->currency, out->currency) != 0) {
			out->other_currency++;
			continue;
		}
		for (j = 0; j < out->liability.nclients; j++)
			if (strcmp(out->liability.clients[j].client, who) == 0)
				break;
		if (j == out->liability.nclients) {
			if ((r = RP_ARRAY_GROW(&out->liability.clients, &out->liability.capclients,
			    j + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
				return r;
			nv = out->liability.clients;
			nv[j].total = 0;
			if ((nv[j].client = strdup(who)) == NULL)
				return RP_ERR_NOMEM;
			out->liability.nclients++;
		}
		out->liability.clients[j].total += k->amount;
		out->liability.total += k->amount;
	}
	out->liability.claimable = pays(out->liability.total, out->liability.deductible,
	    out->liability.limit);
	out->liability.own_share = out->liability.total - out->liability.claimable;
	return 0;
}

int
rp_claim_compute(const struct rp_case *c, const struct rp_ini *site, struct rp_claim *out)
{
	const char *v;
	int64_t wait_left, w, waitsec;
	char key[64];
	size_t i;
	int cat, r;

	memset(out, 0, sizeof(*out));
	out->limit = out->liability.limit = -1;
	v = rp_ini_get(site, "insurance", "currency");
	snprintf(out->currency, sizeof(out->currency), "%s", v ? v : "CHF");
	if ((v = rp_ini_get(site, "insurance", "deductible")) != NULL &&
	    (r = rp_money_parse(v, &out->deductible)) != 0)
		return RP_ERR_FORMAT;
	if ((v = rp_ini_get(site, "insurance", "waiting-period")) != NULL) {
		if (rp_duration_parse(v, &waitsec) != 0)
			return RP_ERR_FORMAT;
		out->waiting_hours_c = waitsec * 100 / 3600;
	}
	wait_left = out->waiting_hours_c;
	if ((r = amount_of(site, "limit", &out->limit)) != 0 ||
	    (r = amount_of(site, "liability_limit", &out->liability.limit)) != 0 ||
	    (r = amount_of(site, "liability_deductible", &out->liability.deductible)) != 0)
		return r;
	if (out->liability.deductible < 0)
		out->liability.deductible = 0;
	for (cat = 0; rp_cost_categories[cat] && !rp_cost_is_liability(cat); cat++) {
		struct rp_claim_line *l = &out->lines[out->nlines];
		int64_t excluded = 0;
		int any = 0;

		l->category = cat;
		l->sublimit = -1;
		for (i = 0; i < c->ncosts; i++) {
			const struct rp_cost *k = &c->costs[i];

			if (k->category != cat)
				continue;
			if (strcmp(k->currency, out->currency) != 0) {
				out->other_currency++;
				continue;
			}
			any = 1;
			l->total += k->amount;
			if (strcmp(rp_cost_categories[cat], "interruption") == 0 && k->hours_c >= 0 &&
			    wait_left > 0) {
				w = wait_left < k->hours_c ? wait_left : k->hours_c;
				excluded += w * k->rate / 100;
				wait_left -= w;
			}
		}
		snprintf(key, sizeof(key), "sublimit.%s", rp_cost_categories[cat]);
		if ((v = rp_ini_get(site, "insurance", key)) != NULL &&
		    (r = rp_money_parse(v, &l->sublimit)) != 0)
			return RP_ERR_FORMAT;
		if (!any)
			continue;
		out->waiting_excluded += excluded;
		l->covered = l->total - excluded;
		if (l->sublimit >= 0 && l->covered > l->sublimit)
			l->covered = l->sublimit;
		out->total += l->total;
		out->covered += l->covered;
		out->nlines++;
	}
	out->claimable = pays(out->covered, out->deductible, out->limit);
	out->own_share = out->total - out->claimable;
	if ((r = liability(c, out)) != 0)
		rp_claim_release(out);
	return r;
}

void
rp_claim_release(struct rp_claim *cl)
{
	size_t i;

	for (i = 0; i < cl->liability.nclients; i++)
		free(cl->liability.clients[i].client);
	free(cl->liability.clients);
	cl->liability.clients = NULL;
	cl->liability.nclients = 0;
	cl->liability.capclients = 0;
}
