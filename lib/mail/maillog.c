/*
 * The mail log driver (see maillog.h): tells the format of a file from its first
 * bytes, infers the year of yearless syslog lines (a first pass over the timestamps
 * only), dispatches each line to the reader of its program, and the CSV exports to
 * theirs. Shared helpers of the readers too: addresses, Message-IDs, key=value.
 */
#include <ctype.h>
#include <string.h>
#include <time.h>

#include "core/csvread.h"
#include "core/err.h"
#include "core/time.h"
#include "mail/logfile.h"
#include "mail/maillog-int.h"

const char *
rp_maillog_status_name(enum rp_maillog_status s)
{
	switch (s) {
	case RP_ML_DELIVERED: return "delivered";
	case RP_ML_DEFERRED: return "deferred";
	case RP_ML_PENDING: return "pending";
	case RP_ML_BOUNCED: return "bounced";
	case RP_ML_EXPANDED: return "expanded";
	case RP_ML_OTHER: break;
	}
	return "other";
}

int
rp_maillog_status_reached(enum rp_maillog_status s)
{
	return s != RP_ML_BOUNCED && s != RP_ML_EXPANDED;
}

void
rp_ml_copy(char *dst, size_t cap, const char *s, size_t len)
{
	if (cap == 0)
		return;
	if (len >= cap)
		len = cap - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

int
rp_mail_addr_norm(const char *s, size_t len, char out[RP_MAIL_ADDR_MAX])
{
	const char *lt, *gt, *at = NULL, *e;
	size_t i, n;

	/* "Name <addr>": the part in the last angle brackets */
	if ((gt = memrchr(s, '>', len)) != NULL && (lt = memrchr(s, '<', (size_t)(gt - s))) != NULL) {
		s = lt + 1;
		len = (size_t)(gt - s);
	}
	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '"' || *s == '\''))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '"' ||
	    s[len - 1] == '\'' || s[len - 1] == '.' || s[len - 1] == ','))
		len--;
	if (len == 0)
		return RP_ERR_NOTFOUND;
	if (len >= RP_MAIL_ADDR_MAX)
		return RP_ERR_FORMAT;
	e = s + len;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';' ||
		    c == '"' || c == '(' || c == ')' || c == '[' || c == ']' || c == '\\')
			return RP_ERR_FORMAT;
		if (c == '@')
			at = s + i;
	}
	/* one '@' that ends the local part, a domain with a dot-free-or-not label */
	if (at == NULL || at == s || at + 1 == e || memchr(at + 1, '@', (size_t)(e - at - 1)))
		return RP_ERR_FORMAT;
	if (at[1] == '.' || e[-1] == '.' || memmem(at, (size_t)(e - at), "..", 2))
		return RP_ERR_FORMAT;
	n = len;
	for (i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[n] = '\0';
	return 0;
}

size_t
rp_mail_msgid_norm(const char *s, size_t len, char *out, size_t cap)
{
	size_t n = 0, i;

	while (len > 0 && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == ','))
		len--;
	if (len > 0 && *s == '<')
		s++, len--;
	if (len > 0 && s[len - 1] == '>')
		len--;
	if (cap == 0)
		return 0;
	for (i = 0; i < len && n + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == 0x7f || c == '<' || c == '>')
			continue;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return n;
}

int
rp_ml_kv(const char *s, size_t len, const char *key, const char **v, size_t *vlen)
{
	size_t kl = strlen(key);
	const char *p = s, *end = s + len, *q;

	while (p < end && (q = memmem(p, (size_t)(end - p), key, kl)) != NULL) {
		const char *val = q + kl, *ve;

		p = q + 1;
		if ((q > s && q[-1] != ' ' && q[-1] != ',') || val >= end || *val != '=')
			continue;
		val++;
		/* "<...>" alone (then ", ", ' ' or the end): it may hold ", " itself */
		if (val < end && *val == '<' && (ve = memchr(val, '>', (size_t)(end - val))) != NULL &&
		    (ve + 1 == end || ve[1] == ' ' || (ve[1] == ',' && ve + 2 < end && ve[2] == ' '))) {
			ve++;
		} else {
			for (ve = val; ve < end; ve++) {
				/* ", " followed by a word and '=' ends the value (Sendmail lists
				 * recipients with ',' alone) */
				if (ve[0] == ',' && ve + 1 < end && ve[1] == ' ') {
					const char *w = ve + 2;

					while (w < end && (isalnum((unsigned char)*w) || *w == '_' || *w == '-'))
						w++;
					if (w < end && *w == '=' && w > ve + 2)
						break;
				}
			}
		}
		*v = val;
		*vlen = (size_t)(ve - val);
		return 0;
	}
	return RP_ERR_NOTFOUND;
}

int
rp_ml_emit(struct rp_ml_sink *s, const struct rp_maillog_rec *rec)
{
	struct rp_maillog_stats *st = s->st;

	st->records++;
	if (st->first == RP_TIME_UNSET || rec->time < st->first)
		st->first = rec->time;
	if (st->last == RP_TIME_UNSET || rec->time > st->last)
		st->last = rec->time;
	if (s->stop == 0)
		s->stop = s->fn(rec, s->ctx);
	return s->stop;
}

/* ---- syslog files ---- */

struct readers {
	struct rp_postfix *postfix;
	struct rp_exim *exim;
	struct rp_sendmail *sendmail;
};

static int
prog_is(const char *p, size_t n, const char *name)
{
	size_t k = strlen(name);

	return n == k && memcmp(p, name, k) == 0;
}

/* Hands one mail program's line to its reader; counts. */
static int
dispatch(struct readers *rd, const struct rp_ml_line *l, struct rp_ml_sink *s)
{
	int r;

	if (l->proglen >= 7 && memcmp(l->prog, "postfix", 7) == 0)
		r = rp_postfix_line(rd->postfix, l, s);
	else if (prog_is(l->prog, l->proglen, "exim") || prog_is(l->prog, l->proglen, "exim4"))
		r = rp_exim_line(rd->exim, l, s);
	else if (prog_is(l->prog, l->proglen, "sendmail") || prog_is(l->prog, l->proglen, "sm-mta") ||
	    prog_is(l->prog, l->proglen, "sm-msp-queue"))
		r = rp_sendmail_line(rd->sendmail, l, s);
	else
		r = 0;
	if (r == RP_ERR_FORMAT)
		s->st->malformed++;
	else if (r == 0)
		s->st->other++;
	else if (r < 0)
		return r;
	return 0;
}

/* The year of a yearless line: each big step back in months (December to January)
 * is a new year; a big step forward is a late line of the year before. */
struct yearstate {
	int year, mon, started;
};

static int
year_of(struct yearstate *y, int mon)
{
	if (!y->started) {
		y->started = 1;
		y->mon = mon;
	} else if (mon + 6 < y->mon) {
		y->year++;
		y->mon = mon;
	} else if (mon > y->mon + 6) {
		return y->year - 1;
	} else if (mon > y->mon) {
		y->mon = mon;
	}
	return y->year;
}

/* The first pass: the year of the first yearless line (0 when there is none). */
static int
infer_year(struct rp_logfile *f, const struct rp_maillog_opts *o)
{
	struct yearstate y = { 0, 0, 0 };
	struct rp_syslog_hdr h;
	const char *line;
	size_t len;
	struct tm tm;
	time_t ref;
	int r, any = 0, last_year;

	while ((r = rp_logfile_line(f, &line, &len)) != 0) {
		if (r < 0 || rp_syslog_parse(line, len, &h) != 0 || h.has_year)
			continue;
		any = 1;
		year_of(&y, h.mon);
	}
	if (!any)
		return 0;
	ref = (time_t)(rp_logfile_mtime(f) > 0 ? rp_logfile_mtime(f) : o->now);
	if (localtime_r(&ref, &tm) == NULL)
		return 0;
	last_year = tm.tm_year + 1900 - (y.mon > tm.tm_mon ? 1 : 0);
	return last_year - y.year;
}

static int
read_syslog(struct rp_logfile *f, const struct rp_maillog_opts *o, struct rp_ml_sink *s,
    int mainlog)
{
	struct readers rd = { NULL, NULL, NULL };
	struct yearstate y = { 0, 0, 0 };
	struct rp_syslog_clock clock = { 0, 0, 0, 0, 0, 0 };
	struct rp_syslog_hdr h;
	struct rp_ml_line l;
	const char *line;
	size_t len;
	int r;

	s->st->format = mainlog ? "exim-mainlog" : "syslog";
	if (!mainlog) {
		y.year = o->year;
		if (y.year == 0) {
			y.year = infer_year(f, o);
			if ((r = rp_logfile_rewind(f)) != 0)
				return r;
		}
		s->st->year = y.year;
	}
	if ((r = rp_postfix_new(&rd.postfix)) != 0 || (r = rp_exim_new(&rd.exim)) != 0 ||
	    (r = rp_sendmail_new(&rd.sendmail)) != 0)
		goto out;
	while ((r = rp_logfile_line(f, &line, &len)) != 0) {
		s->st->lines++;
		if (r == RP_ERR_TOOBIG) {
			s->st->too_long++;
			continue;
		}
		if (r < 0)
			goto out;
		if (mainlog) {
			if (rp_exim_mainlog_parse(line, len, &l) != 0) {
				s->st->malformed++;
				continue;
			}
		} else {
			if (rp_syslog_parse(line, len, &h) != 0) {
				s->st->malformed++;
				continue;
			}
			l.time = h.has_year ? h.time : rp_syslog_time_cached(&h, year_of(&y, h.mon), &clock);
			l.prog = h.prog;
			l.proglen = h.proglen;
			l.msg = h.msg;
			l.len = h.msglen;
		}
		l.lineno = rp_logfile_lineno(f);
		if ((r = dispatch(&rd, &l, s)) != 0)
			goto out;
		if (s->stop)
			break;
	}
	r = s->stop;
out:
	s->st->damaged = rp_logfile_error(f);
	rp_postfix_free(rd.postfix);
	rp_exim_free(rd.exim);
	rp_sendmail_free(rd.sendmail);
	return r;
}

/* ---- CSV exports ---- */

static int
read_csv(struct rp_logfile *f, struct rp_ml_sink *s)
{
	struct rp_csvr *c = NULL;
	struct rp_hosted h;
	const struct rp_csvr_field *fv;
	size_t n;
	int r, header = 0;

	if ((r = rp_csvr_new(rp_logfile_read, f, NULL, &c)) != 0)
		return r;
	while ((r = rp_csvr_next(c, &fv, &n)) != 0) {
		s->st->lines++;
		if (r == RP_ERR_TOOBIG || r == RP_ERR_FORMAT) {
			if (r == RP_ERR_TOOBIG)
				s->st->too_long++;
			else
				s->st->malformed++;
			continue;
		}
		if (r < 0)
			goto out;
		if (!header) {
			/* PowerShell 5's Export-Csv writes "#TYPE ..." above the header */
			if (n >= 1 && fv[0].len >= 5 && memcmp(fv[0].p, "#TYPE", 5) == 0)
				continue;
			memset(&h, 0, sizeof(h));
			if (rp_m365_header(fv, n, &h) || rp_google_header(fv, n, &h)) {
				header = 1;
				s->st->format = h.format;
				continue;
			}
			r = RP_ERR_FORMAT;
			goto out;
		}
		if (rp_hosted_row(&h, fv, n, rp_csvr_line(c), s) == RP_ERR_FORMAT)
			s->st->malformed++;
		if (s->stop)
			break;
	}
	r = header ? s->stop : RP_ERR_FORMAT;
out:
	s->st->damaged = rp_logfile_error(f);
	rp_csvr_free(c);
	return r;
}

/* ---- telling the formats apart ---- */

static int
exim_mainlog_like(const char *p, size_t len)
{
	struct rp_ml_line l;
	const char *nl = memchr(p, '\n', len);

	return rp_exim_mainlog_parse(p, nl ? (size_t)(nl - p) : len, &l) == 0;
}

/* 1 when one of the first lines is a syslog line */
static int
syslog_like(const char *p, size_t len)
{
	struct rp_syslog_hdr h;
	int i;

	for (i = 0; i < 8 && len > 0; i++) {
		const char *nl = memchr(p, '\n', len);
		size_t n = nl ? (size_t)(nl - p) : len;

		if (rp_syslog_parse(p, n, &h) == 0)
			return 1;
		if (nl == NULL)
			break;
		len -= n + 1;
		p = nl + 1;
	}
	return 0;
}

static int
csv_like(const char *p, size_t len)
{
	struct rp_csvr *c = NULL;
	struct rp_hosted h;
	const struct rp_csvr_field *fv;
	size_t n;
	int r, ok = 0, i;

	if (rp_csvr_new_mem(p, len, NULL, &c) != 0)
		return 0;
	for (i = 0; i < 2 && (r = rp_csvr_next(c, &fv, &n)) == 1; i++) {
		if (n >= 1 && fv[0].len >= 5 && memcmp(fv[0].p, "#TYPE", 5) == 0)
			continue;
		ok = rp_m365_header(fv, n, &h) || rp_google_header(fv, n, &h);
		break;
	}
	rp_csvr_free(c);
	return ok;
}

/* A first line that is a CSV header (three fields or more, none empty or longer than 64
 * bytes) that no reader takes: kept in st, so that the caller can say which header it
 * was (unknown column names, or a needed column missing). Called once the log formats
 * have said no: a syslog line has commas too. */
static int
csv_unknown(const char *p, size_t len, struct rp_maillog_stats *st)
{
	struct rp_csvr *c = NULL;
	const struct rp_csvr_field *fv;
	const char *nl;
	size_t n, i, l;
	int ok = 0;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3, len -= 3;
	if (rp_csvr_new_mem(p, len, NULL, &c) != 0)
		return 0;
	if (rp_csvr_next(c, &fv, &n) == 1 && n >= 3) {
		ok = 1;
		for (i = 0; i < n; i++)
			if (fv[i].len == 0 || fv[i].len > 64)
				ok = 0;
	}
	rp_csvr_free(c);
	if (!ok)
		return 0;
	nl = memchr(p, '\n', len);
	l = nl ? (size_t)(nl - p) : len;
	if (l && p[l - 1] == '\r')
		l--;
	if (l >= sizeof(st->csv_header))
		l = sizeof(st->csv_header) - 1;
	memcpy(st->csv_header, p, l);
	st->csv_header[l] = '\0';
	st->format = "csv-unknown";
	return 1;
}

int
rp_maillog_read(struct rp_logfile *f, const struct rp_maillog_opts *o, rp_maillog_fn fn,
    void *ctx, struct rp_maillog_stats *st)
{
	static const struct rp_maillog_opts none;
	struct rp_ml_sink s = { fn, ctx, st, 0 };
	const char *head;
	size_t hlen;
	int r;

	memset(st, 0, sizeof(*st));
	st->first = st->last = RP_TIME_UNSET;
	st->format = "unknown";
	if (o == NULL)
		o = &none;
	if ((r = rp_logfile_head(f, &head, &hlen)) != 0)
		return r;
	if (csv_like(head, hlen))
		return read_csv(f, &s);
	if (exim_mainlog_like(head, hlen))
		return read_syslog(f, o, &s, 1);
	if (syslog_like(head, hlen))
		return read_syslog(f, o, &s, 0);
	(void)csv_unknown(head, hlen, st);
	st->damaged = rp_logfile_error(f);
	return RP_ERR_FORMAT;
}
