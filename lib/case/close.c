/* When a case may be closed: one row per condition. */
#include <stddef.h>
#include <string.h>

#include "case/case.h"
#include "core/err.h"
#include "core/time.h"

struct closing {
	const struct rp_case *c;
	const char *root_cause;  /* recorded with the closing, or NULL */
};

/* The flaw that let the attack in must be named before the case is done with: the
 * recovery must not rebuild it (the report's "never restore identically"). */
static int
root_cause_known(const struct closing *k)
{
	return k->root_cause != NULL || k->c->root_cause != NULL;
}

/* How it came in must be said (an "unknown" with the reason why), so that the
 * recovery closes that way. */
static int
way_in_known(const struct closing *k)
{
	return rp_way_in_known(&k->c->way_in);
}

/* The findings that explain the way in must be gone on the last harden run (or be
 * accepted on purpose): restoring must not rebuild the flaw. */
static int
way_in_closed(const struct closing *k)
{
	return rp_way_in_closed(&k->c->way_in, NULL);
}

static const struct {
	struct rp_close_condition cond;
	int (*met)(const struct closing *k);
} conditions[] = {
	{ { "root-cause", "has no root cause recorded: record it with 'riposte case "
	    "root-cause TEXT' or 'case close --root-cause TEXT'", "a root cause" },
	  root_cause_known },
	{ { "way-in", "has no way in recorded (or an unknown one without the reason): record "
	    "it with 'riposte case entry --vector V [--finding ID]... TEXT'", "the way in" },
	  way_in_known },
	{ { "way-in-findings", "has a finding tied to its way in that is not closed on the "
	    "last harden run: fix it and run 'riposte harden --case', or accept it with "
	    "'riposte case accept FINDING --reason TEXT'", "the way in closed" },
	  way_in_closed },
};

const struct rp_close_condition *
rp_case_close_unmet(const struct rp_case *c, const char *root_cause)
{
	struct closing k = { c, root_cause && *root_cause ? root_cause : NULL };
	size_t i;

	for (i = 0; i < sizeof(conditions) / sizeof(conditions[0]); i++)
		if (!conditions[i].met(&k))
			return &conditions[i].cond;
	return NULL;
}

int
rp_case_finish(struct rp_store *st, const struct rp_case *c, int64_t now,
    const char *actor, const char *root_cause, int force,
    const struct rp_close_condition **unmet)
{
	struct closing k = { c, root_cause && *root_cause ? root_cause : NULL };
	struct rp_buf text = RP_BUF_INIT;
	size_t i, missing = 0;
	int r;

	if (unmet)
		*unmet = NULL;
	if (c->info.closed != RP_TIME_UNSET)
		return RP_ERR_EXISTS;
	for (i = 0; i < sizeof(conditions) / sizeof(conditions[0]); i++) {
		if (conditions[i].met(&k))
			continue;
		if (!force) {
			if (unmet)
				*unmet = &conditions[i].cond;
			r = RP_ERR_REFUSED;
			goto out;
		}
		if ((r = rp_buf_addstr(&text, missing++ ? ", " : "case closed without ")) != 0 ||
		    (r = rp_buf_addstr(&text, conditions[i].cond.missing)) != 0)
			goto out;
	}
	if ((r = rp_buf_addstr(&text, missing ? " (--force)" : "case closed")) != 0)
		goto out;
	if (k.root_cause && (r = rp_case_add_text(st, c->info.id, now, actor, "root-cause",
	    k.root_cause, NULL, RP_TIME_UNSET)) != 0)
		goto out;
	r = rp_case_close(st, c->info.id, now, text.buf, NULL);
out:
	rp_buf_release(&text);
	return r;
}
