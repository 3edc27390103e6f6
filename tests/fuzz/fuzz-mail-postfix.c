/* Fuzzes the postfix log reader alone: each line through the syslog header parser (and
 * Exim's mainlog one), then the reader, whose state spans the lines. */
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
	if (r->msgid == NULL || r->from == NULL || r->to == NULL || strchr(r->to, '@') == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_maillog_stats st;
	struct rp_ml_sink s = { check, NULL, &st, 0 };
	struct rp_postfix *p = NULL;
	const char *q = (const char *)data, *end = q + size;
	size_t lineno = 0;

	memset(&st, 0, sizeof(st));
	st.first = st.last = RP_TIME_UNSET;
	if (rp_postfix_new(&p) != 0)
		return 0;
	while (q < end) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		size_t n = nl ? (size_t)(nl - q) : (size_t)(end - q);
		struct rp_syslog_hdr h;
		struct rp_ml_line l;

		memset(&l, 0, sizeof(l));
		l.lineno = ++lineno;
		if (rp_syslog_parse(q, n, &h) == 0) {
			l.time = h.has_year ? h.time : rp_syslog_time(&h, 2026);
			l.prog = h.prog;
			l.proglen = h.proglen;
			l.msg = h.msg;
			l.len = h.msglen;
			rp_postfix_line(p, &l, &s);
		} else if (rp_exim_mainlog_parse(q, n, &l) == 0) {
			l.lineno = lineno;
			rp_postfix_line(p, &l, &s);
		}
		q += n + 1;
	}
	rp_postfix_free(p);
	return 0;
}
