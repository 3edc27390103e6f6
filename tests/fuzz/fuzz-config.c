/* Fuzzes the riposte.conf INI parser, and what reads a parsed profile: site check,
 * the obligations evaluation (the input as obligations data) and template filling
 * (the input as a template). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "core/buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
issue(const struct rp_site_issue *is, void *ctx)
{
	/* every finding must be a printable message */
	if (is->status == NULL || is->where == NULL || is->message == NULL)
		abort();
	(*(size_t *)ctx) += strlen(is->message);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_ini *ini = NULL;
	struct rp_case c;
	struct rp_deadlines d;
	struct rp_claim cl;
	struct rp_buf b = RP_BUF_INIT;
	char *s;
	size_t n = 0, i;
	int line = 0, f;

	if (rp_ini_parse((const char *)data, size, &ini, &line) == 0) {
		for (i = 0; i < rp_ini_nsections(ini); i++)
			if (rp_ini_section(ini, i) == NULL)
				abort();
		rp_site_check(ini, 1795000000, issue, &n);
		memset(&c, 0, sizeof(c));
		for (f = 0; f < RP_FACT_COUNT; f++)
			c.facts[f] = RP_FACT_YES;
		c.info.title = (char *)"t";
		if (rp_deadlines_compute((const char *)data, size, &c, ini, 1795000000, &d) == 0) {
			for (i = 1; i < d.n; i++)
				if (d.v[i - 1].due > d.v[i].due)
					abort();   /* sorted by due time */
			rp_deadlines_release(&d);
		}
		if (rp_claim_compute(&c, ini, &cl) == 0) {
			if (cl.claimable < 0 || cl.liability.claimable < 0)
				abort();
			rp_claim_release(&cl);
		}
		if ((s = malloc(size + 1)) != NULL) {
			memcpy(s, data, size);
			s[size] = '\0';
			rp_template_fill(s, &c, ini, "x", "fr", 0, &b);
			free(s);
		}
		rp_ini_free(ini);
	} else if (line < 1) {
		abort();               /* a rejected input names its line */
	}
	rp_buf_release(&b);
	return 0;
}
