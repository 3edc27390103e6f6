/*
 * riposte case: costs and the insurance claim — cost add, cost list, claim.
 */
#include <stdio.h>
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "cmd-case.h"
#include "core/err.h"
#include "core/escape.h"

static int
cost_list(struct cx *c)
{
	struct rp_buf b = RP_BUF_INIT, a = RP_BUF_INIT, h = RP_BUF_INIT;
	struct rp_case k;
	size_t i;
	int rc;

	if (c->o.nargs != 1 || cx_want_format(c, "text,jsonl,csv", RP_FMT_TEXT) < 0 ||
	    cx_load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (c->o.fmt == RP_FMT_CSV)
		cx_csv_row(&b, 6, "time", "category", "amount", "currency", "note", "client");
	for (i = 0; i < k.ncosts; i++) {
		const struct rp_cost *x = &k.costs[i];

		if (c->o.fmt == RP_FMT_CSV) {
			cx_csv_row(&b, 6, cx_csv_time(&h, x->time), rp_cost_categories[x->category],
			    cx_csv_amount(&a, x->amount), x->currency, x->note, x->client);
		} else if (c->o.fmt == RP_FMT_JSONL) {
			rp_buf_addstr(&b, "{\"kind\":\"cost\"");
			cx_json_time(&b, "time", x->time);
			cx_json_str(&b, "category", rp_cost_categories[x->category]);
			rp_buf_addf(&b, ",\"amount\":%lld", (long long)x->amount);
			cx_json_str(&b, "currency", x->currency);
			cx_json_str(&b, "note", x->note);
			cx_json_str(&b, "client", x->client);
			rp_buf_addstr(&b, "}\n");
		} else {
			rp_buf_addf(&b, "%-13s %s ", rp_cost_categories[x->category], x->currency);
			rp_money_fmt(&b, x->amount);
			if (x->client) {
				rp_buf_addstr(&b, "  claimed by ");
				cx_text(&b, x->client);
			}
			if (x->note) {
				rp_buf_addstr(&b, "  ");
				cx_text(&b, x->note);
			}
			rp_buf_addch(&b, '\n');
		}
	}
	if (c->o.fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"costs\":%zu}\n", k.ncosts);
	rc = cx_put(c, &b) == 0 ? RP_EXIT_CLEAN : RP_EXIT_ERROR;
	rp_buf_release(&b);
	rp_buf_release(&a);
	rp_buf_release(&h);
	rp_case_release(&k);
	return rc;
}

static int
cost_add(struct cx *c)
{
	const struct rp_cost_input in = { c->o.category, c->o.amount, c->o.hours, c->o.rate,
	    c->o.currency, c->o.note, c->o.client };
	struct rp_buf t = RP_BUF_INIT;
	struct rp_cost k;
	int64_t id;
	int bad, r, rc = RP_EXIT_ERROR;

	if (rp_cost_make(&in, c->site, c->cli->now, &k, &bad) != 0) {
		switch (bad) {
		case RP_COST_BAD_CATEGORY:
			rp_err(c->cli, "--category must be one of it, forensics, internal, legal, "
			    "notification, interruption, ransom, other, liability");
			break;
		case RP_COST_BAD_HOW:
			rp_err(c->cli, "give either --amount, or --hours and --rate");
			break;
		case RP_COST_BAD_AMOUNT:
			rp_err(c->cli, "--amount: '%s' is not an amount (e.g. 18000 or 18'000.50)",
			    c->o.amount);
			break;
		case RP_COST_BAD_HOURS:
			rp_err(c->cli, "--hours: '%s' is not a number of hours (e.g. 7.5)", c->o.hours);
			break;
		case RP_COST_BAD_RATE:
			rp_err(c->cli, "--rate: '%s' is not an amount per hour", c->o.rate);
			break;
		case RP_COST_BAD_CLIENT:
			rp_err(c->cli, "--client NAME goes with --category liability (a client's claim "
			    "against us), and only with it");
			break;
		case RP_COST_BAD_CURRENCY:
			rp_err(c->cli, "--currency: '%s' is not an ISO 4217 code (CHF, EUR)",
			    c->o.currency);
			break;
		default:
			rp_err(c->cli, "cost: %s", rp_strerror(RP_ERR_NOMEM));
		}
		return RP_EXIT_ERROR;
	}
	if (cx_resolve(c, &id) != 0)
		goto out;
	if ((r = rp_case_cost_add(c->st, id, c->cli->now, c->actor, &k, &t)) != 0) {
		cx_store_err(c, r);
		goto out;
	}
	cx_done(c, "recorded %s", t.buf);
	rc = RP_EXIT_CLEAN;
out:
	rp_cost_release(&k);
	rp_buf_release(&t);
	return rc;
}

int
cx_cost(struct cx *c)
{
	if (c->o.nargs >= 1 && strcmp(c->o.args[0], "list") == 0)
		return cost_list(c);
	if (c->o.nargs != 1 || strcmp(c->o.args[0], "add") != 0) {
		rp_err(c->cli, "usage: riposte case cost add --category CAT (--amount X | --hours H "
		    "--rate R) [--currency C] [--note TEXT] [--client NAME], or case cost list");
		return RP_EXIT_ERROR;
	}
	return cost_add(c);
}

/* ---- the claim ---- */

static void
money(struct rp_buf *b, const char *cur, int64_t v)
{
	size_t start = b->len;

	if (v < 0) {
		rp_buf_addstr(b, "-");
	} else {
		rp_buf_addf(b, "%s ", cur);
		rp_money_fmt(b, v);
	}
	while (b->len - start < 16)
		rp_buf_addch(b, ' ');
}

static void
trim(struct rp_buf *b)
{
	while (b->len && b->buf[b->len - 1] == ' ')
		rp_buf_setlen(b, b->len - 1);
}

static void
claim_csv(struct rp_buf *b, const struct rp_claim *cl)
{
	struct rp_buf f[7] = { RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT,
	    RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT };
	size_t i;
	int j;

	cx_csv_row(b, 10, "section", "line", "total", "sublimit", "covered", "limit",
	    "deductible", "claimable", "own_share", "currency");
	for (i = 0; i < cl->nlines; i++)
		cx_csv_row(b, 10, "first-party", rp_cost_categories[cl->lines[i].category],
		    cx_csv_amount(&f[0], cl->lines[i].total), cx_csv_amount(&f[1], cl->lines[i].sublimit),
		    cx_csv_amount(&f[2], cl->lines[i].covered), "", "", "", "", cl->currency);
	cx_csv_row(b, 10, "first-party", "claim", cx_csv_amount(&f[0], cl->total), "",
	    cx_csv_amount(&f[2], cl->covered), cx_csv_amount(&f[6], cl->limit),
	    cx_csv_amount(&f[3], cl->deductible), cx_csv_amount(&f[4], cl->claimable),
	    cx_csv_amount(&f[5], cl->own_share), cl->currency);
	for (i = 0; i < cl->liability.nclients; i++)
		cx_csv_row(b, 10, "liability", cl->liability.clients[i].client,
		    cx_csv_amount(&f[0], cl->liability.clients[i].total), "", "", "", "", "", "",
		    cl->currency);
	cx_csv_row(b, 10, "liability", "claim", cx_csv_amount(&f[0], cl->liability.total), "",
	    cx_csv_amount(&f[2], cl->liability.total), cx_csv_amount(&f[6], cl->liability.limit),
	    cx_csv_amount(&f[3], cl->liability.deductible),
	    cx_csv_amount(&f[4], cl->liability.claimable),
	    cx_csv_amount(&f[5], cl->liability.own_share), cl->currency);
	for (j = 0; j < 7; j++)
		rp_buf_release(&f[j]);
}

static void
json_amount(struct rp_buf *b, const char *key, int64_t v)
{
	if (v < 0)
		rp_buf_addf(b, ",\"%s\":null", key);
	else
		rp_buf_addf(b, ",\"%s\":%lld", key, (long long)v);
}

static void
claim_jsonl(struct rp_buf *b, const struct rp_claim *cl, const struct rp_case *k)
{
	size_t i;

	for (i = 0; i < cl->nlines; i++) {
		rp_buf_addf(b, "{\"kind\":\"category\",\"category\":\"%s\",\"total\":%lld",
		    rp_cost_categories[cl->lines[i].category], (long long)cl->lines[i].total);
		json_amount(b, "sublimit", cl->lines[i].sublimit);
		rp_buf_addf(b, ",\"covered\":%lld,\"currency\":\"%s\"}\n",
		    (long long)cl->lines[i].covered, cl->currency);
	}
	/* the first-party line keeps the keys it had before the liability section came */
	rp_buf_addf(b, "{\"kind\":\"claim\",\"total\":%lld,\"covered\":%lld,\"deductible\":%lld,"
	    "\"claimable\":%lld,\"own_share\":%lld,\"currency\":", (long long)cl->total,
	    (long long)cl->covered, (long long)cl->deductible, (long long)cl->claimable,
	    (long long)cl->own_share);
	rp_json_str(b, cl->currency);
	rp_buf_addf(b, ",\"waiting_period_hours\":%lld.%02lld,\"waiting_excluded\":%lld,"
	    "\"minor_units\":100,\"section\":\"first-party\"", (long long)(cl->waiting_hours_c / 100),
	    (long long)(cl->waiting_hours_c % 100), (long long)cl->waiting_excluded);
	json_amount(b, "limit", cl->limit);
	rp_buf_addstr(b, "}\n");
	for (i = 0; i < cl->liability.nclients; i++) {
		rp_buf_addstr(b, "{\"kind\":\"liability\"");
		cx_json_str(b, "client", cl->liability.clients[i].client);
		rp_buf_addf(b, ",\"claimed\":%lld,\"currency\":", (long long)cl->liability.clients[i].total);
		rp_json_str(b, cl->currency);
		rp_buf_addstr(b, "}\n");
	}
	rp_buf_addf(b, "{\"kind\":\"claim\",\"total\":%lld,\"covered\":%lld,\"deductible\":%lld,"
	    "\"claimable\":%lld,\"own_share\":%lld,\"currency\":", (long long)cl->liability.total,
	    (long long)cl->liability.total, (long long)cl->liability.deductible,
	    (long long)cl->liability.claimable, (long long)cl->liability.own_share);
	rp_json_str(b, cl->currency);
	rp_buf_addstr(b, ",\"minor_units\":100,\"section\":\"liability\"");
	json_amount(b, "limit", cl->liability.limit);
	rp_buf_addstr(b, "}\n");
	rp_buf_addf(b, "{\"kind\":\"summary\",\"case\":%lld,\"categories\":%zu,\"costs\":%zu,"
	    "\"liability_claims\":%zu,\"other_currency\":%zu}\n", (long long)k->info.id, cl->nlines,
	    k->ncosts, cl->liability.nclients, cl->other_currency);
}

/* "  limit         CHF 1,000,000.00" and the lines under it, for both sections. */
static void
settle(struct rp_buf *b, const char *cur, int64_t limit, int64_t deductible,
    int64_t claimable, int64_t own_share)
{
	rp_buf_addf(b, "  %-14s", "limit");
	if (limit < 0) {
		rp_buf_addstr(b, "none");
	} else {
		rp_buf_addf(b, "%s ", cur);
		rp_money_fmt(b, limit);
	}
	rp_buf_addf(b, "\n  %-14s%s ", "deductible", cur);
	rp_money_fmt(b, deductible);
	rp_buf_addf(b, "\n  %-14s%s ", "claimable", cur);
	rp_money_fmt(b, claimable);
	rp_buf_addf(b, "\n  %-14s%s ", "own share", cur);
	rp_money_fmt(b, own_share);
	rp_buf_addch(b, '\n');
}

static void
claim_text(struct rp_buf *b, const struct rp_claim *cl, const struct rp_case *k,
    const struct rp_ini *site)
{
	const char *v;
	size_t i;

	rp_buf_addf(b, "claim for case %lld", (long long)k->info.id);
	if ((v = rp_ini_get(site, "insurance", "policy")) != NULL) {
		rp_buf_addstr(b, ", policy ");
		cx_text(b, v);
	}
	if ((v = rp_ini_get(site, "insurance", "insurer")) != NULL) {
		rp_buf_addstr(b, " (");
		cx_text(b, v);
		rp_buf_addch(b, ')');
	}
	rp_buf_addstr(b, "\nfirst party: what the incident cost us\n");
	rp_buf_addf(b, "  %-14s%-16s  %-16s  %s\n", "category", "total", "sublimit", "covered");
	for (i = 0; i < cl->nlines; i++) {
		rp_buf_addf(b, "  %-14s", rp_cost_categories[cl->lines[i].category]);
		money(b, cl->currency, cl->lines[i].total);
		rp_buf_addstr(b, "  ");
		money(b, cl->currency, cl->lines[i].sublimit);
		rp_buf_addstr(b, "  ");
		money(b, cl->currency, cl->lines[i].covered);
		trim(b);
		rp_buf_addch(b, '\n');
	}
	rp_buf_addf(b, "  %-14s", "total");
	money(b, cl->currency, cl->total);
	rp_buf_addf(b, "  %-16s  ", "");
	money(b, cl->currency, cl->covered);
	trim(b);
	rp_buf_addch(b, '\n');
	settle(b, cl->currency, cl->limit, cl->deductible, cl->claimable, cl->own_share);
	rp_buf_addf(b, "  waiting period %lld.%02lld h for interruption (not covered: ",
	    (long long)(cl->waiting_hours_c / 100), (long long)(cl->waiting_hours_c % 100));
	rp_buf_addf(b, "%s ", cl->currency);
	rp_money_fmt(b, cl->waiting_excluded);
	rp_buf_addstr(b, ")\n");
	rp_buf_addstr(b, "third-party liability: what clients claim from us\n");
	if (cl->liability.nclients == 0) {
		rp_buf_addstr(b, "  no client's claim recorded\n");
	} else {
		rp_buf_addf(b, "  %-30s  %s\n", "client", "claimed");
		for (i = 0; i < cl->liability.nclients; i++) {
			size_t start = b->len;

			rp_buf_addstr(b, "  ");
			cx_text(b, cl->liability.clients[i].client);
			while (b->len - start < 34)
				rp_buf_addch(b, ' ');
			rp_buf_addf(b, "%s ", cl->currency);
			rp_money_fmt(b, cl->liability.clients[i].total);
			rp_buf_addch(b, '\n');
		}
		rp_buf_addf(b, "  %-14s%s ", "total", cl->currency);
		rp_money_fmt(b, cl->liability.total);
		rp_buf_addch(b, '\n');
		settle(b, cl->currency, cl->liability.limit, cl->liability.deductible,
		    cl->liability.claimable, cl->liability.own_share);
	}
	if (cl->other_currency)
		rp_buf_addf(b, "%zu cost entries in another currency than %s are left out\n",
		    cl->other_currency, cl->currency);
}

int
cx_claim(struct cx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_case k;
	struct rp_claim cl;
	int rc = RP_EXIT_ERROR;

	if (cx_need_args(c, 0, "no arguments") != 0 ||
	    cx_want_format(c, "text,jsonl,csv", RP_FMT_TEXT) < 0 || cx_load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (cx_claim_of(c, &k, &cl) != 0)
		goto out;
	if (c->o.fmt == RP_FMT_CSV)
		claim_csv(&b, &cl);
	else if (c->o.fmt == RP_FMT_JSONL)
		claim_jsonl(&b, &cl, &k);
	else
		claim_text(&b, &cl, &k, c->site);
	if (cx_put(c, &b) == 0)
		rc = RP_EXIT_CLEAN;
	rp_claim_release(&cl);
out:
	rp_buf_release(&b);
	rp_case_release(&k);
	return rc;
}
