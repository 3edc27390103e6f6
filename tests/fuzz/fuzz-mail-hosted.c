/* Fuzzes the hosted-mail export readers (Microsoft 365, Google Workspace): the header
 * row that decides, every row after it, the dates exports write. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/time.h"
#include "mail/maillog-int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
check(const struct rp_maillog_rec *r, void *ctx)
{
	(void)ctx;
	if (r->to == NULL || strchr(r->to, '@') == NULL || r->time < 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_maillog_stats st;
	struct rp_ml_sink s = { check, NULL, &st, 0 };
	const struct rp_csvr_field *f;
	struct rp_csvr *c = NULL;
	struct rp_hosted h;
	size_t n;
	int r, header = 0;
	int64_t t;

	memset(&st, 0, sizeof(st));
	st.first = st.last = RP_TIME_UNSET;
	/* the first line alone as a date too */
	{
		const char *nl = memchr(data, '\n', size);

		rp_hosted_date((const char *)data, nl ? (size_t)(nl - (const char *)data) : size, 1, &t);
	}
	if (rp_csvr_new_mem((const char *)data, size, NULL, &c) != 0)
		return 0;
	while ((r = rp_csvr_next(c, &f, &n)) != 0) {
		if (r < 0)
			continue;
		if (!header) {
			header = rp_m365_header(f, n, &h) || rp_google_header(f, n, &h);
			continue;
		}
		rp_hosted_row(&h, f, n, rp_csvr_line(c), &s);
	}
	rp_csvr_free(c);
	return 0;
}
