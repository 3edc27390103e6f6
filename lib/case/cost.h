/*
 * Money, the cost entries of a case, and the insurance claim computed from them.
 * Money is kept in integer minor units (centimes), never floating point: amounts are
 * parsed from what people type ("18'000.50") and formatted the same way in every
 * language. Pure functions (no global state): thread-safe; the claim's struct is owned
 * by the caller.
 */
#ifndef RP_CASE_COST_H
#define RP_CASE_COST_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_case;
struct rp_ini;
struct rp_store;

/* Money. "18000", "18'000", "18,000.50", "0.05" -> minor units (2 decimals).
 * RP_ERR_FORMAT otherwise, RP_ERR_TOOBIG past 10^15. */
int rp_money_parse(const char *s, int64_t *minor);
/* "18,000.00" (comma thousands, point decimals: the same in every language). */
int rp_money_fmt(struct rp_buf *b, int64_t minor);
/* Hours "7.5" -> 750 hundredths (no thousands separators). */
int rp_hours_parse(const char *s, int64_t *hours_c);

/* Cost categories of `case cost add`, NULL-terminated, in claim order. The last,
 * "liability", is not ours: a client's claim against us for the damage the incident
 * did at theirs (a virus we sent), covered by the policy's third-party section. */
extern const char *const rp_cost_categories[];
int rp_cost_category(const char *name);           /* index, or -1 when not one */
int rp_cost_is_liability(int category);

struct rp_cost {
	int64_t time;
	int category;            /* index into rp_cost_categories */
	int64_t amount;          /* minor units (centimes) */
	char currency[4];
	int64_t hours_c;         /* hundredths of an hour, or -1 when given as an amount */
	int64_t rate;            /* minor units per hour, or -1 */
	char *note;              /* NULL when none */
	char *client;            /* liability: the client who claims; NULL otherwise */
};
void rp_cost_release(struct rp_cost *k);            /* frees the strings; accepts NULL */

/* What `case cost add` was given, as typed (NULL: not given); borrowed for the call. */
struct rp_cost_input {
	const char *category;
	const char *amount;      /* an amount, or ... */
	const char *hours;       /* ... hours at a rate per hour */
	const char *rate;
	const char *currency;    /* NULL: the policy's ([insurance] currency), else CHF */
	const char *note;
	const char *client;      /* required with liability, refused with the others */
};
/* Which input a refused cost got wrong. */
enum rp_cost_bad {
	RP_COST_OK, RP_COST_BAD_CATEGORY, RP_COST_BAD_HOW /* not one of amount, hours+rate */,
	RP_COST_BAD_AMOUNT, RP_COST_BAD_HOURS, RP_COST_BAD_RATE, RP_COST_BAD_CURRENCY,
	RP_COST_BAD_CLIENT,
};
/* Makes a cost entry from what was typed and the site profile (may be NULL):
 * hours x rate is rounded to the minor unit; currencies are ISO 4217 codes. 0 and *out
 * filled (owned by the caller: rp_cost_release), or RP_ERR_INVALID with *bad set. */
int rp_cost_make(const struct rp_cost_input *in, const struct rp_ini *site, int64_t now,
    struct rp_cost *out, int *bad);
/* Journals k (kind "cost"); text (optional) gets the entry's sentence ("cost it: CHF
 * 18,000.00 (invoice)"). */
int rp_case_cost_add(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const struct rp_cost *k, struct rp_buf *text);

/*
 * The claim, in two sections as the policy has them. First party (the costs of the
 * incident here): per category the recorded total, the sublimit (-1 none) and what is
 * covered; the waiting period takes the first hours of interruption off; then the
 * deductible, and the limit caps what the insurer pays. Third-party liability (the
 * clients' claims against us): per client, with the section's own limit and
 * deductible (`liability_limit`, `liability_deductible`); the claims of one incident
 * are one loss, so the deductible applies once.
 */
struct rp_claim_line {
	int category;
	int64_t total, sublimit, covered;
};
struct rp_claim_client {
	char *client;
	int64_t total;           /* what it claims, in the policy's currency */
};
struct rp_claim {
	struct rp_claim_line lines[16];
	size_t nlines;
	char currency[4];
	int64_t total;           /* every first-party cost in the policy's currency */
	int64_t covered;         /* after sublimits and the waiting period */
	int64_t limit;           /* [insurance] limit, -1 none */
	int64_t deductible;
	int64_t claimable;       /* covered - deductible, not below 0, at most the limit */
	int64_t own_share;       /* total - claimable */
	int64_t waiting_hours_c; /* hundredths of an hour */
	int64_t waiting_excluded;
	size_t other_currency;   /* costs not in the policy's currency (left out) */
	struct {
		struct rp_claim_client *clients;   /* in order of first claim */
		size_t nclients, capclients;      /* capclients: private, allocated */
		int64_t total, limit, deductible, claimable, own_share;   /* limit -1 none */
	} liability;
};
/* Computes the claim of c under the site's [insurance] section (site may be NULL: no
 * limit, deductible, sublimits or waiting period). *out is the caller's
 * (rp_claim_release). RP_ERR_FORMAT when the section has a malformed amount or
 * duration. */
int rp_claim_compute(const struct rp_case *c, const struct rp_ini *site, struct rp_claim *out);
void rp_claim_release(struct rp_claim *cl);        /* accepts a zeroed struct */

#endif
