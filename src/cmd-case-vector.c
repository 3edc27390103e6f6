/*
 * riposte case: the way in — entry (how it came in, the harden findings that explain
 * it) and accept (a finding kept on purpose). The decisions are in lib/case/vector.c.
 */
#include <string.h>

#include "case/case.h"
#include "cmd-case.h"
#include "core/err.h"
#include "harden/harden.h"

int
cx_entry(struct cx *c)
{
	int64_t id;
	int i, r;

	if (cx_need_args(c, 1, "the text that explains how it came in") != 0 ||
	    cx_resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	if (c->o.vector == NULL || !rp_vector_known(c->o.vector)) {
		rp_err(c->cli, "entry needs --vector: phishing, mail-forwarded, exposed-service, "
		    "stolen-credentials, unpatched, supplier, removable-media, insider or unknown");
		return RP_EXIT_ERROR;
	}
	for (i = 0; i < c->o.nfindings; i++) {
		if (rp_harden_check(c->o.findings[i]) == NULL) {
			rp_err(c->cli, "--finding: '%s' is not a harden finding id (see 'riposte "
			    "harden --help')", c->o.findings[i]);
			return RP_EXIT_ERROR;
		}
	}
	if (!*c->o.args[0]) {
		rp_err(c->cli, "entry: empty text");
		return RP_EXIT_ERROR;
	}
	r = rp_case_entry(c->st, id, c->cli->now, c->actor, c->o.vector, c->o.findings,
	    (size_t)c->o.nfindings, c->o.args[0]);
	if (r != 0)
		return cx_store_err(c, r);
	cx_done(c, "way in recorded: %s", c->o.vector);
	return RP_EXIT_CLEAN;
}

int
cx_accept(struct cx *c)
{
	int64_t id;
	int r;

	if (cx_need_args(c, 1, "the finding id to accept") != 0 || cx_resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	if (rp_harden_check(c->o.args[0]) == NULL) {
		rp_err(c->cli, "'%s' is not a harden finding id (see 'riposte harden --help')",
		    c->o.args[0]);
		return RP_EXIT_ERROR;
	}
	if (c->o.reason == NULL || !*c->o.reason) {
		rp_err(c->cli, "accept needs --reason TEXT: why the finding stays");
		return RP_EXIT_ERROR;
	}
	if ((r = rp_case_accept(c->st, id, c->cli->now, c->actor, c->o.args[0], c->o.reason)) != 0)
		return cx_store_err(c, r);
	cx_done(c, "finding %s accepted", c->o.args[0]);
	return RP_EXIT_CLEAN;
}
