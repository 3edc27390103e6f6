/*
 * The formatting helpers the case's sub-commands share (src/cmd-case*.c): JSON members,
 * CSV rows, text. Declared in cmd-case.h.
 */
#include <stdarg.h>
#include <string.h>

#include "cmd-case.h"
#include "core/buf.h"
#include "core/escape.h"
#include "core/time.h"

/* ,"KEY":... after the first member: the core's members with their comma */
int
cx_json_time(struct rp_buf *b, const char *key, int64_t t)
{
	int r = rp_buf_addch(b, ',');

	return r != 0 ? r : rp_json_ktime(b, key, t);
}

int
cx_json_str(struct rp_buf *b, const char *key, const char *v)
{
	int r = rp_buf_addch(b, ',');

	return r != 0 ? r : rp_json_kstr(b, key, v);
}

int
cx_csv_row(struct rp_buf *b, int n, ...)
{
	va_list ap;
	const char *v;
	int i, r = 0;

	va_start(ap, n);
	for (i = 0; i < n && r == 0; i++) {
		v = va_arg(ap, const char *);
		if (i && (r = rp_buf_addch(b, ',')) != 0)
			break;
		if (v)
			r = rp_esc_csv(b, v, strlen(v));
	}
	va_end(ap);
	return r ? r : rp_buf_addstr(b, "\r\n");
}

const char *
cx_csv_time(struct rp_buf *tmp, int64_t t)
{
	rp_buf_reset(tmp);
	if (t == RP_TIME_UNSET)
		return "";
	rp_time_fmt_utc(tmp, t);
	return tmp->buf;
}

const char *
cx_csv_amount(struct rp_buf *tmp, int64_t v)
{
	rp_buf_reset(tmp);
	if (v < 0)
		return "";
	rp_buf_addf(tmp, "%lld.%02lld", (long long)(v / 100), (long long)(v % 100));
	return tmp->buf;
}

int
cx_text(struct rp_buf *b, const char *s)
{
	return rp_esc_text(b, s ? s : "-", strlen(s ? s : "-"));
}
