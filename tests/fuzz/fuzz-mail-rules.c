/* Fuzzes what recognises a file (mail_sniff) and the readers of mailbox rules: Sieve,
 * .forward, procmail, Exchange inbox rules as CSV and as JSON. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
on_rule(void *ctx, const struct rp_mail_rule *r)
{
	if (r->format == NULL || r->action == NULL || r->target == NULL || r->reason == NULL ||
	    r->name == NULL || r->mailbox == NULL)
		abort();
	(*(size_t *)ctx) += strlen(r->target) + strlen(r->name);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const dom[] = { "praxis.example" };
	size_t n = 0;
	struct mail_rule_sink k = { on_rule, &n, dom, 1, "f", 1 };
	const char *s = (const char *)data;

	mail_sniff(s, size, "x");
	mail_sniff(s, size, ".forward");
	mail_rules_sieve(s, size, &k);
	mail_rules_forward(s, size, &k);
	mail_rules_procmail(s, size, &k);
	mail_rules_exchange_csv(s, size, &k);
	mail_rules_exchange_json(s, size, &k);
	return 0;
}
