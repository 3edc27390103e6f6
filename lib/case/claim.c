/* The insurance claim: what the policy covers of the recorded costs. */
#include <stdio.h>
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "core/err.h"
#include "core/time.h"

int
rp_claim_compute(const struct rp_case *c, const struct rp_ini *site, struct rp_claim *out)
{
	const char *v;
	int64_t wait_left, w, waitsec;
	char key[64];
	size_t i;
	int cat, r;

	memset(out, 0, sizeof(*out));
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
	for (cat = 0; rp_cost_categories[cat]; cat++) {
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
	out->claimable = out->covered > out->deductible ? out->covered - out->deductible : 0;
	out->own_share = out->total - out->claimable;
	return 0;
}
