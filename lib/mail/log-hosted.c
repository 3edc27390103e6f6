/*
 * What the hosted-mail exports share (see maillog-int.h): finding columns by name,
 * the dates they write, and turning a row into records. The column tables and the
 * status words are each service's: log-m365.c, log-google.c.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "mail/maillog-int.h"

/* "Date (UTC)" -> "dateutc": letters and digits, lowercase */
static size_t
squash(const char *s, size_t len, char *out, size_t cap)
{
	size_t n = 0, i;

	for (i = 0; i < len && n + 1 < cap; i++)
		/* ASCII only: the same in every locale */
		if ((unsigned char)s[i] < 0x80 && isalnum((unsigned char)s[i]))
			out[n++] = (char)tolower((unsigned char)s[i]);
	out[n] = '\0';
	return n;
}

void
rp_hosted_columns(const struct rp_csvr_field *f, size_t n, const char *const *names,
    size_t nnames, int *col)
{
	size_t i, k;

	for (k = 0; k < nnames; k++)
		col[k] = -1;
	for (i = 0; i < n && i < 4096; i++) {
		char h[64];
		size_t hl = squash(f[i].p, f[i].len, h, sizeof(h));

		if (hl == 0)
			continue;
		for (k = 0; k < nnames; k++) {
			const char *p = names[k];

			if (names[k] == NULL || col[k] >= 0)
				continue;
			while (*p) {
				const char *bar = strchr(p, '|');
				size_t nl = bar ? (size_t)(bar - p) : strlen(p);

				if (nl == hl && memcmp(p, h, hl) == 0) {
					col[k] = (int)i;
					break;
				}
				p += nl + (bar != NULL);
			}
		}
	}
}

static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static const char *const monthnames[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul",
	"aug", "sep", "oct", "nov", "dec" };

static int
weekday(const char *w)
{
	static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
	size_t i;

	for (i = 0; i < 7; i++)
		if (memcmp(w, days[i], 3) == 0)
			return 1;
	return 0;
}

int
rp_hosted_date(const char *s, size_t len, int us_first, int64_t *t)
{
	long num[8];
	int ndig[8], seps[8];
	int nn = 0, mon = -1, pm = -1, i, Y, M, D, h = 0, mi = 0, sec = 0;
	long off = 0;
	const char *p = s, *end = s + len;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	/* numbers (with the separator after each), a month name, AM/PM, a zone */
	while (p < end) {
		if (isdigit((unsigned char)*p)) {
			long v = 0;
			int d = 0;

			while (p < end && isdigit((unsigned char)*p) && d < 9)
				v = v * 10 + (*p++ - '0'), d++;
			while (p < end && isdigit((unsigned char)*p))
				p++;   /* a fraction's further digits */
			if (nn == 8)
				return RP_ERR_FORMAT;
			num[nn] = v;
			ndig[nn] = d;
			seps[nn] = p < end ? *p : 0;
			nn++;
			/* the fraction of the seconds: skip */
			if (p < end && (*p == '.' || *p == ',') && nn >= 6 && seps[nn - 2] == ':') {
				p++;
				while (p < end && isdigit((unsigned char)*p))
					p++;
			}
			continue;
		}
		if (isalpha((unsigned char)*p)) {
			const char *w = p;
			size_t wl;
			char lw[16];

			while (p < end && isalpha((unsigned char)*p))
				p++;
			wl = (size_t)(p - w);
			squash(w, wl < 15 ? wl : 15, lw, sizeof(lw));
			if (strcmp(lw, "am") == 0 || strcmp(lw, "pm") == 0) {
				pm = lw[0] == 'p';
			} else if (strcmp(lw, "utc") == 0 || strcmp(lw, "gmt") == 0 ||
			    strcmp(lw, "z") == 0 || strcmp(lw, "t") == 0) {
				;   /* UTC, or ISO's 'T' */
			} else if (wl >= 3 && weekday(lw)) {
				;   /* "Thu, 19 Nov 2026 ..." */
			} else if (wl >= 3) {
				for (i = 0; i < 12; i++)
					if (memcmp(lw, monthnames[i], 3) == 0)
						break;
				if (i == 12)
					return RP_ERR_FORMAT;
				mon = i;
			} else {
				return RP_ERR_FORMAT;
			}
			continue;
		}
		if ((*p == '+' || *p == '-') && nn >= 5 && p + 1 < end && isdigit((unsigned char)p[1])) {
			/* a zone offset after the time: +01:00, +0100, GMT+1 */
			int sign = *p == '-' ? -1 : 1;
			long v = 0, hh, mm;
			int d = 0;

			for (p++; p < end && isdigit((unsigned char)*p) && d < 4; p++, d++)
				v = v * 10 + (*p - '0');
			if (p < end && *p == ':' && d <= 2) {
				long m2 = 0;
				int d2 = 0;

				for (p++; p < end && isdigit((unsigned char)*p) && d2 < 2; p++, d2++)
					m2 = m2 * 10 + (*p - '0');
				hh = v;
				mm = m2;
			} else if (d > 2) {
				hh = v / 100;
				mm = v % 100;
			} else {
				hh = v;
				mm = 0;
			}
			if (hh > 14 || mm > 59)
				return RP_ERR_FORMAT;
			off = sign * (hh * 3600 + mm * 60);
			continue;
		}
		p++;
	}
	if (mon >= 0) {
		/* "Nov 19, 2026, 2:45:31 PM" or "19 Nov 2026 14:45:31": day and year */
		if (nn < 4 || nn > 5)
			return RP_ERR_FORMAT;
		if (ndig[0] == 4)
			Y = (int)num[0], D = (int)num[1];
		else
			D = (int)num[0], Y = (int)num[1];
		M = mon + 1;
		i = 2;
	} else if (nn < 5 || nn > 6) {
		return RP_ERR_FORMAT;
	} else if (ndig[0] == 4) {
		Y = (int)num[0], M = (int)num[1], D = (int)num[2];
		i = 3;
	} else {
		long a = num[0], b = num[1];

		if (ndig[2] != 4)
			return RP_ERR_FORMAT;
		Y = (int)num[2];
		if (seps[0] == '.' || a > 12 || (!us_first && b <= 12))
			D = (int)a, M = (int)b;
		else
			M = (int)a, D = (int)b;
		i = 3;
	}
	h = (int)num[i];
	mi = (int)num[i + 1];
	if (i + 2 < nn)
		sec = (int)num[i + 2];
	if (pm >= 0) {
		if (h < 1 || h > 12)
			return RP_ERR_FORMAT;
		h = h % 12 + (pm ? 12 : 0);
	}
	if (M < 1 || M > 12 || D < 1 || D > mdays[M - 1] || Y < 1970 || Y > 9999 || h > 23 ||
	    mi > 59 || sec > 60)
		return RP_ERR_FORMAT;
	*t = days_from_civil(Y, (unsigned)M, (unsigned)D) * 86400 + h * 3600L + mi * 60L + sec - off;
	return 0;
}

/* Adds records for each address of a recipients field ("a@x;b@y", "a@x, b@y"). */
static int
recipients(const char *s, size_t len, struct rp_maillog_rec *rec, struct rp_ml_sink *sk,
    int summary, const struct rp_hosted *h)
{
	const char *p = s, *end = s + len;
	char to[RP_MAIL_ADDR_MAX], det[128];
	int n = 0;

	while (p < end) {
		const char *e = p, *hash;

		while (e < end && *e != ';' && !(!summary && *e == ','))
			e++;
		/* the summary report: "addr##Receive, Deliver" */
		if (summary && (hash = memmem(p, (size_t)(e - p), "##", 2)) != NULL) {
			rp_ml_copy(det, sizeof(det), hash + 2, (size_t)(e - hash - 2));
			rec->detail = det;
			rec->status = h->status(hash + 2, (size_t)(e - hash - 2));
			if (rp_mail_addr_norm(p, (size_t)(hash - p), to) == 0) {
				rec->to = to;
				rp_ml_emit(sk, rec);
				n++;
			}
		} else if (rp_mail_addr_norm(p, (size_t)(e - p), to) == 0) {
			rec->to = to;
			rp_ml_emit(sk, rec);
			n++;
		}
		p = e + 1;
	}
	return n;
}

int
rp_hosted_row(const struct rp_hosted *h, const struct rp_csvr_field *f, size_t n,
    size_t lineno, struct rp_ml_sink *s)
{
	char from[RP_MAIL_ADDR_MAX], msgid[256], subject[256], qid[128], relay[64], det[128];
	struct rp_maillog_rec rec;
	const struct rp_csvr_field *c;
	int64_t t;

#define COL(k) (h->col[k] >= 0 && (size_t)h->col[k] < n ? &f[h->col[k]] : NULL)
	memset(&rec, 0, sizeof(rec));
	if ((c = COL(HC_TIME)) == NULL || rp_hosted_date(c->p, c->len, h->us_dates, &t) != 0)
		return RP_ERR_FORMAT;
	rec.time = t;
	rec.source = h->source;
	rec.line = lineno;
	from[0] = msgid[0] = subject[0] = qid[0] = relay[0] = det[0] = '\0';
	if ((c = COL(HC_FROM)) != NULL && rp_mail_addr_norm(c->p, c->len, from) != 0)
		from[0] = '\0';
	if ((c = COL(HC_MSGID)) != NULL)
		rp_mail_msgid_norm(c->p, c->len, msgid, sizeof(msgid));
	if ((c = COL(HC_SUBJECT)) != NULL)
		rp_ml_copy(subject, sizeof(subject), c->p, c->len);
	if ((c = COL(HC_TRACEID)) != NULL)
		rp_ml_copy(qid, sizeof(qid), c->p, c->len);
	if ((c = COL(HC_TOIP)) != NULL)
		rp_ml_copy(relay, sizeof(relay), c->p, c->len);
	if ((c = COL(HC_SIZE)) != NULL) {
		char num[24];

		rp_ml_copy(num, sizeof(num), c->p, c->len);
		rec.size = strtoull(num, NULL, 10);
	}
	rec.from = from;
	rec.msgid = msgid;
	rec.subject = subject;
	rec.qid = qid;
	rec.relay = relay;
	rec.orig_to = "";
	if ((c = COL(HC_STATUS)) != NULL) {
		rp_ml_copy(det, sizeof(det), c->p, c->len);
		rec.status = h->status(c->p, c->len);
	} else {
		rec.status = RP_ML_DELIVERED;   /* no status column: the row is a delivery */
	}
	rec.detail = det;
	if ((c = COL(HC_TO)) != NULL && recipients(c->p, c->len, &rec, s, 0, h) > 0)
		return 1;
	if ((c = COL(HC_RCPTSTATUS)) != NULL && recipients(c->p, c->len, &rec, s, 1, h) > 0)
		return 1;
	return RP_ERR_FORMAT;
#undef COL
}
