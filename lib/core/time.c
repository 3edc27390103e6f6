#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/err.h"
#include "core/time.h"

int
rp_time_fmt_utc(struct rp_buf *b, int64_t t)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (gmtime_r(&tt, &tm) == NULL)
		return RP_ERR_INVALID;
	return rp_buf_addf(b, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int
rp_time_fmt_local(struct rp_buf *b, int64_t t)
{
	struct tm tm;
	time_t tt = (time_t)t;
	long off;

	if (localtime_r(&tt, &tm) == NULL)
		return RP_ERR_INVALID;
	off = tm.tm_gmtoff / 60;
	return rp_buf_addf(b, "%04d-%02d-%02d %02d:%02d:%02d %c%02ld%02ld", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
	    off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
}

int
rp_time_zone_known(const char *name)
{
	char path[256];
	struct stat st;
	const char *p;

	if (name == NULL || *name == '\0' || *name == '/' || strstr(name, "..") != NULL ||
	    strlen(name) > 128)
		return 0;
	for (p = name; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("/_+-", *p))
			return 0;
	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", name);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
digits(const char **p, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

/* days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm) */
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

int
rp_time_parse(const char *s, int64_t *t, long *nsec)
{
	int Y, M, D, h = 0, m = 0, sec = 0, oh, om, have_off = 0;
	long ns = 0, off = 0;
	const char *p = s;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (digits(&p, 4, &Y) || *p++ != '-' || digits(&p, 2, &M) || *p++ != '-' ||
	    digits(&p, 2, &D))
		return RP_ERR_FORMAT;
	if (M < 1 || M > 12 || D < 1 || D > mdays[M - 1])
		return RP_ERR_FORMAT;
	if (M == 2 && D == 29 && !((Y % 4 == 0 && Y % 100 != 0) || Y % 400 == 0))
		return RP_ERR_FORMAT;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &m))
			return RP_ERR_FORMAT;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &sec))
				return RP_ERR_FORMAT;
			if (*p == '.' || *p == ',') {
				long scale = 100000000;

				p++;
				if (!isdigit((unsigned char)*p))
					return RP_ERR_FORMAT;
				for (; isdigit((unsigned char)*p); p++) {
					ns += (*p - '0') * scale;
					scale /= 10;
				}
			}
		}
		if (h > 23 || m > 59 || sec > 60)
			return RP_ERR_FORMAT;
	}
	if (*p == 'Z' || *p == 'z') {
		have_off = 1;
		p++;
	} else if (*p == '+' || *p == '-') {
		int sign = *p++ == '-' ? -1 : 1;

		if (digits(&p, 2, &oh))
			return RP_ERR_FORMAT;
		if (*p == ':')
			p++;
		if (digits(&p, 2, &om) || oh > 23 || om > 59)
			return RP_ERR_FORMAT;
		off = sign * (oh * 3600L + om * 60L);
		have_off = 1;
	}
	if (*p != '\0')
		return RP_ERR_FORMAT;
	if (have_off) {
		*t = days_from_civil(Y, (unsigned)M, (unsigned)D) * 86400 + h * 3600L +
		    m * 60L + sec - off;
	} else {
		struct tm tm = { 0 };
		time_t tt;

		tm.tm_year = Y - 1900;
		tm.tm_mon = M - 1;
		tm.tm_mday = D;
		tm.tm_hour = h;
		tm.tm_min = m;
		tm.tm_sec = sec;
		tm.tm_isdst = -1;
		errno = 0;
		tt = mktime(&tm);
		if (tt == (time_t)-1 && errno)
			return RP_ERR_FORMAT;
		*t = tt;
	}
	if (nsec)
		*nsec = ns;
	return 0;
}

int
rp_duration_parse(const char *s, int64_t *seconds)
{
	char *end;
	long long v;
	int64_t mul = 1;

	errno = 0;
	if (!isdigit((unsigned char)*s))
		return RP_ERR_FORMAT;
	v = strtoll(s, &end, 10);
	if (errno || v < 0)
		return RP_ERR_FORMAT;
	switch (*end) {
	case '\0': case 's': break;
	case 'm': mul = 60; break;
	case 'h': mul = 3600; break;
	case 'd': mul = 86400; break;
	default: return RP_ERR_FORMAT;
	}
	if (*end && end[1])
		return RP_ERR_FORMAT;
	if (v > INT64_MAX / mul)
		return RP_ERR_FORMAT;
	*seconds = v * mul;
	return 0;
}

int64_t
rp_time_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t
rp_time_mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
