/*
 * The legal deadlines of a case: the obligations shipped as data/obligations/
 * obligations.ini, selected by the site (country, sector, NIS2, critical
 * infrastructure) and the facts, running from the time of awareness, each closed by a
 * notification sent. The result is owned by the caller (rp_deadlines_release); no
 * global state, thread-safe.
 */
#ifndef RP_CASE_DEADLINE_H
#define RP_CASE_DEADLINE_H

#include <stddef.h>
#include <stdint.h>

struct rp_case;
struct rp_ini;

/* One obligation triggered by the site and the facts. */
enum rp_deadline_status { RP_DL_OPEN, RP_DL_DONE, RP_DL_OVERDUE };
struct rp_deadline {
	char *id;                /* "gdpr-art33" */
	char *authority;         /* who gets it */
	char *to;                /* the notify recipient class that closes it */
	char *basis;             /* the legal basis, cited */
	char *when;              /* the deadline as the law says it ("72 hours") */
	int64_t due;
	int status;
	int64_t done;            /* when the notice went, or RP_TIME_UNSET */
};
struct rp_deadlines {
	struct rp_deadline *v;
	size_t n;
	size_t cap;              /* allocated slots of v */
};
/* "open", "done", "overdue". */
const char *rp_deadline_status_name(int status);

/* Evaluates the obligations (the INI text of data/obligations/obligations.ini) for the
 * case and the site (site may be NULL: then only the ones that depend on nothing
 * local apply). Sorted by due time, then id. */
int rp_deadlines_compute(const char *obligations, size_t len, const struct rp_case *c,
    const struct rp_ini *site, int64_t now, struct rp_deadlines *out);
/* The same from the obligations shipped with riposte (data_dir: the RIPOSTE_DATA
 * override, or NULL). */
int rp_case_deadlines(const char *data_dir, const struct rp_case *c,
    const struct rp_ini *site, int64_t now, struct rp_deadlines *out);
void rp_deadlines_release(struct rp_deadlines *d);   /* accepts a zeroed struct */

#endif
