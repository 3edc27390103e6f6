/*
 * Syslog line headers, the three shapes mail logs come in: the traditional BSD one
 * (no year, local time), rsyslog's RFC 3339 file format and `journalctl -o short-iso`
 * (an ISO 8601 time with its offset), and RFC 5424. See maillog-int.h.
 */
#include <ctype.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/time.h"
#include "mail/maillog-int.h"

static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

static int
digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

/* "host prog[pid]: msg" */
static int
rest(const char *p, const char *end, struct rp_syslog_hdr *h)
{
	const char *sp, *colon, *br;

	while (p < end && *p == ' ')
		p++;
	if ((sp = memchr(p, ' ', (size_t)(end - p))) == NULL || sp == p)
		return RP_ERR_FORMAT;
	h->host = p;
	h->hostlen = (size_t)(sp - p);
	p = sp + 1;
	if ((colon = memmem(p, (size_t)(end - p), ": ", 2)) == NULL) {
		if (end > p && end[-1] == ':')
			colon = end - 1;
		else
			return RP_ERR_FORMAT;
	}
	h->prog = p;
	h->proglen = (size_t)(colon - p);
	if ((br = memchr(p, '[', h->proglen)) != NULL)
		h->proglen = (size_t)(br - p);
	if (h->proglen == 0 || memchr(p, ' ', h->proglen) != NULL)
		return RP_ERR_FORMAT;
	h->msg = colon + (colon + 1 < end ? 2 : 1);
	h->msglen = (size_t)(end - h->msg);
	return 0;
}

static int
traditional(const char *s, const char *end, struct rp_syslog_hdr *h)
{
	const char *m;

	/* "Nov 19 14:45:31 " (the day space-padded) */
	if (end - s < 16 || s[3] != ' ' || s[6] != ' ' || s[9] != ':' || s[12] != ':' ||
	    s[15] != ' ')
		return RP_ERR_FORMAT;
	for (m = months; *m; m += 3)
		if (memcmp(m, s, 3) == 0)
			break;
	if (*m == '\0')
		return RP_ERR_FORMAT;
	if (s[4] == ' ' ? digits(s + 5, 1, &h->day) : digits(s + 4, 2, &h->day))
		return RP_ERR_FORMAT;
	if (digits(s + 7, 2, &h->hour) || digits(s + 10, 2, &h->min) || digits(s + 13, 2, &h->sec))
		return RP_ERR_FORMAT;
	if (h->day < 1 || h->day > 31 || h->hour > 23 || h->min > 59 || h->sec > 60)
		return RP_ERR_FORMAT;
	h->mon = (int)((m - months) / 3);
	h->has_year = 0;
	return rest(s + 16, end, h);
}

/* An ISO 8601 time up to the next space. */
static int
iso(const char *s, const char *end, const char **after, int64_t *t)
{
	const char *sp = memchr(s, ' ', (size_t)(end - s));
	char ts[64];

	if (sp == NULL || sp - s < 19 || (size_t)(sp - s) >= sizeof(ts) || s[4] != '-' ||
	    s[7] != '-' || (s[10] != 'T' && s[10] != ' '))
		return RP_ERR_FORMAT;
	memcpy(ts, s, (size_t)(sp - s));
	ts[sp - s] = '\0';
	if (rp_time_parse(ts, t, NULL) != 0)
		return RP_ERR_FORMAT;
	*after = sp + 1;
	return 0;
}

/* "<PRI>1 TIME HOST APP PROCID MSGID SD MSG" */
static int
rfc5424(const char *s, const char *end, struct rp_syslog_hdr *h)
{
	const char *p = s + 1, *w[4];
	size_t wl[4];
	int i;

	while (p < end && isdigit((unsigned char)*p))
		p++;
	if (p == s + 1 || p - s > 4 || end - p < 3 || p[0] != '>' || p[1] != '1' || p[2] != ' ')
		return RP_ERR_FORMAT;
	if (iso(p + 3, end, &p, &h->time) != 0)
		return RP_ERR_FORMAT;
	for (i = 0; i < 4; i++) {   /* host, app, procid, msgid */
		const char *sp = memchr(p, ' ', (size_t)(end - p));

		if (sp == NULL || sp == p)
			return RP_ERR_FORMAT;
		w[i] = p;
		wl[i] = (size_t)(sp - p);
		p = sp + 1;
	}
	/* structured data: "-" or [..][..] (a ']' inside is escaped) */
	if (p < end && *p == '-') {
		p++;
	} else {
		while (p < end && *p == '[') {
			for (p++; p < end && *p != ']'; p++)
				if (*p == '\\' && p + 1 < end)
					p++;
			if (p == end)
				return RP_ERR_FORMAT;
			p++;
		}
	}
	if (p < end && *p == ' ')
		p++;
	if (end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	h->has_year = 1;
	h->host = w[0];
	h->hostlen = wl[0];
	h->prog = w[1];
	h->proglen = wl[1];
	h->msg = p;
	h->msglen = (size_t)(end - p);
	return 0;
}

int
rp_syslog_parse(const char *line, size_t len, struct rp_syslog_hdr *h)
{
	const char *end = line + len, *p;

	memset(h, 0, sizeof(*h));
	if (len < 16)
		return RP_ERR_FORMAT;
	if (line[0] == '<')
		return rfc5424(line, end, h);
	if (isdigit((unsigned char)line[0])) {
		if (iso(line, end, &p, &h->time) != 0)
			return RP_ERR_FORMAT;
		h->has_year = 1;
		return rest(p, end, h);
	}
	return traditional(line, end, h);
}

int64_t
rp_syslog_time(const struct rp_syslog_hdr *h, int year)
{
	struct tm tm;
	time_t t;

	if (h->has_year)
		return h->time;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = year - 1900;
	tm.tm_mon = h->mon;
	tm.tm_mday = h->day;
	tm.tm_hour = h->hour;
	tm.tm_min = h->min;
	tm.tm_sec = h->sec;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	return (int64_t)t;
}

int64_t
rp_syslog_time_cached(const struct rp_syslog_hdr *h, int year, struct rp_syslog_clock *c)
{
	struct rp_syslog_hdr top;

	if (h->has_year)
		return h->time;
	if (!c->valid || c->year != year || c->mon != h->mon || c->day != h->day ||
	    c->hour != h->hour) {
		top = *h;
		top.min = top.sec = 0;
		c->base = rp_syslog_time(&top, year);
		c->valid = 1;
		c->year = year;
		c->mon = h->mon;
		c->day = h->day;
		c->hour = h->hour;
	}
	return c->base + h->min * 60 + h->sec;
}
