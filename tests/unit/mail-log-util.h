/* Shared by the unit tests of the mail log readers: a file's records as text. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/time.h"
#include "mail/logfile.h"
#include "mail/maillog.h"

static int __attribute__((unused))
dump_rec(const struct rp_maillog_rec *r, void *ctx)
{
	struct rp_buf *b = ctx;

	rp_time_fmt_utc(b, r->time);
	rp_buf_addf(b, " %s %s <%s> %s -> %s %s", r->source, r->qid, r->msgid, r->from, r->to,
	    rp_maillog_status_name(r->status));
	if (*r->orig_to)
		rp_buf_addf(b, " orig=%s", r->orig_to);
	if (*r->subject)
		rp_buf_addf(b, " subj=%s", r->subject);
	if (r->size)
		rp_buf_addf(b, " size=%llu", (unsigned long long)r->size);
	rp_buf_addf(b, " @%zu\n", r->line);
	return 0;
}

/* Reads len bytes as a file; the records, then "format lines records other malformed
 * too_long damaged" as the last line. Returns rp_maillog_read's value in *ret. */
static __attribute__((unused)) char *
read_log(const void *data, size_t len, int year, int *ret)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_logfile *f = NULL;
	struct rp_maillog_stats st;
	struct rp_maillog_opts o = { year, 1795000000 };   /* 2026-11-18 */
	int r;

	if (rp_logfile_open_mem(data, len, NULL, &f) != 0)
		return NULL;
	r = rp_maillog_read(f, &o, dump_rec, &b, &st);
	if (ret)
		*ret = r;
	rp_buf_addf(&b, "%s lines=%llu records=%llu other=%llu malformed=%llu too_long=%llu "
	    "damaged=%d\n", st.format, (unsigned long long)st.lines,
	    (unsigned long long)st.records, (unsigned long long)st.other,
	    (unsigned long long)st.malformed, (unsigned long long)st.too_long, st.damaged);
	rp_logfile_free(f);
	return rp_buf_detach(&b, NULL);
}

#define CHECK_LOG(data, year, want) do { \
	char *got_ = read_log((data), strlen(data), (year), NULL); \
	if (strcmp(got_, (want)) != 0) \
		print_error("got:\n%s\n", got_); \
	assert_string_equal(got_, (want)); \
	free(got_); \
} while (0)
