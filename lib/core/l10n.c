#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/l10n.h"

#define NNBSP "\xe2\x80\xaf"    /* U+202F narrow no-break space: French thousands */
#define NBSP  "\xc2\xa0"        /* U+00A0 no-break space: before the currency sign */

void
rp_locale_init(struct rp_locale *l, const char *lang, const char *country)
{
	static const char *const langs[] = { "fr", "de", "it", "en", NULL };
	size_t i;

	memset(l, 0, sizeof(*l));
	memcpy(l->lang, "en", 3);
	for (i = 0; lang && langs[i]; i++)
		if (strcmp(lang, langs[i]) == 0)
			memcpy(l->lang, langs[i], 3);
	if (country && strlen(country) == 2)
		memcpy(l->country, country, 3);
	if (strcmp(l->country, "CH") == 0 || strcmp(l->country, "LI") == 0) {
		/* Swiss usage in all four languages: 25'000.00, CHF before the amount */
		l->group = "'";
		l->decimal = '.';
		l->date_sep = '.';
		return;
	}
	switch (l->lang[0]) {
	case 'f':
		l->group = NNBSP; l->decimal = ','; l->date_sep = '/'; l->money_after = 1;
		break;
	case 'd':
		l->group = "."; l->decimal = ','; l->date_sep = '.'; l->money_after = 1;
		break;
	case 'i':
		l->group = "."; l->decimal = ','; l->date_sep = '/'; l->money_after = 1;
		break;
	default:
		l->group = ","; l->decimal = '.'; l->date_sep = 0;
	}
}

static int
local(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	return localtime_r(&tt, tm) ? 0 : RP_ERR_INVALID;
}

int
rp_locale_date(struct rp_buf *b, const struct rp_locale *l, int64_t t)
{
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
	    "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	int r;

	if ((r = local(t, &tm)) != 0)
		return r;
	if (l->date_sep == 0)
		return rp_buf_addf(b, "%d %s %04d", tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900);
	return rp_buf_addf(b, "%02d%c%02d%c%04d", tm.tm_mday, l->date_sep, tm.tm_mon + 1,
	    l->date_sep, tm.tm_year + 1900);
}

int
rp_locale_datetime(struct rp_buf *b, const struct rp_locale *l, int64_t t)
{
	struct tm tm;
	int r;

	if ((r = local(t, &tm)) != 0 || (r = rp_locale_date(b, l, t)) != 0)
		return r;
	return rp_buf_addf(b, " %02d:%02d", tm.tm_hour, tm.tm_min);
}

int
rp_locale_utc_offset(struct rp_buf *b, int64_t t)
{
	struct tm tm;
	long off;
	int r;

	if ((r = local(t, &tm)) != 0)
		return r;
	off = tm.tm_gmtoff / 60;
	return rp_buf_addf(b, "UTC%c%02ld:%02ld", off < 0 ? '-' : '+', labs(off) / 60,
	    labs(off) % 60);
}

/* The digits of u with l's thousands separator. */
static int
grouped(struct rp_buf *b, const struct rp_locale *l, uint64_t u)
{
	char digits[32];
	int n, i, r;

	n = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)u);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0 && (r = rp_buf_addstr(b, l->group)) != 0)
			return r;
		if ((r = rp_buf_addch(b, digits[i])) != 0)
			return r;
	}
	return 0;
}

static uint64_t
magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

int
rp_locale_int(struct rp_buf *b, const struct rp_locale *l, int64_t v)
{
	int r;

	if (v < 0 && (r = rp_buf_addch(b, '-')) != 0)
		return r;
	return grouped(b, l, magnitude(v));
}

int
rp_locale_money(struct rp_buf *b, const struct rp_locale *l, const char *currency,
    int64_t minor)
{
	const char *cur = currency && *currency ? currency : "";
	/* the sign where the language uses it; the Swiss write the code, EUR too */
	int swiss = strcmp(l->country, "CH") == 0 || strcmp(l->country, "LI") == 0;
	const char *sign = strcmp(cur, "EUR") == 0 && !swiss ? "\xe2\x82\xac" : cur;
	uint64_t u = magnitude(minor);
	int r;

	if (!l->money_after && *cur) {
		/* "€25,000.00" (a sign sticks to the number), "CHF 25'000.00" */
		if ((r = rp_buf_addstr(b, sign)) != 0 ||
		    (sign == cur && (r = rp_buf_addch(b, ' ')) != 0))
			return r;
	}
	if (minor < 0 && (r = rp_buf_addch(b, '-')) != 0)
		return r;
	if ((r = grouped(b, l, u / 100)) != 0 ||
	    (r = rp_buf_addf(b, "%c%02u", l->decimal, (unsigned)(u % 100))) != 0)
		return r;
	if (l->money_after && *cur)
		return rp_buf_addf(b, NBSP "%s", sign);
	return 0;
}
