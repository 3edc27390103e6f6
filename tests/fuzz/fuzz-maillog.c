/* Fuzzes the mail log driver (lib/mail/maillog.c): format detection, the year of
 * yearless lines (two passes), and every reader behind it, over memory. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/logfile.h"
#include "mail/maillog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
check(const struct rp_maillog_rec *r, void *ctx)
{
	(void)ctx;
	if (r->source == NULL || r->qid == NULL || r->msgid == NULL || r->from == NULL ||
	    r->to == NULL || r->orig_to == NULL || r->subject == NULL || r->relay == NULL ||
	    r->detail == NULL || strchr(r->to, '@') == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_logfile_opts lo = { 0, 512 };
	struct rp_maillog_opts o = { 0, 1795000000 };
	struct rp_maillog_stats st;
	struct rp_logfile *f = NULL;

	if (rp_logfile_open_mem(data, size, &lo, &f) != 0)
		return 0;
	rp_maillog_read(f, &o, check, NULL, &st);
	if (st.records > size)
		abort();
	rp_logfile_free(f);
	return 0;
}
