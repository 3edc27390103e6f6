#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/l10n.h"

#define NNBSP "\xe2\x80\xaf"    /* U+202F narrow no-break space: French thousands */
#define NBSP  "\xc2\xa0"        /* U+00A0 no-break space: before the currency sign */

/* How a country writes numbers and money (CLDR, simplified to what the documents need). */
enum style { ST_NONE, ST_SWISS, ST_FRENCH, ST_GERMAN, ST_ENGLISH };

static const struct {
	enum style style;
	const char *countries;     /* two-letter codes, space-separated */
} country_styles[] = {
	{ ST_SWISS,   "CH LI" },
	{ ST_FRENCH,  "FR BE LU MC PT FI SE NO PL CZ SK" },
	{ ST_GERMAN,  "DE AT IT ES GR SI HR DK RO" },
	{ ST_ENGLISH, "IE GB MT US" },
};

static enum style
style_of_country(const char *cc)
{
	size_t i;
	const char *p;

	if (strlen(cc) != 2)
		return ST_NONE;
	for (i = 0; i < sizeof(country_styles) / sizeof(country_styles[0]); i++)
		for (p = country_styles[i].countries; *p; p += p[2] ? 3 : 2)
			if (p[0] == cc[0] && p[1] == cc[1])
				return country_styles[i].style;
	return ST_NONE;
}

void
rp_locale_init(struct rp_locale *l, const char *lang, const char *country)
{
	static const char *const langs[] = { "fr", "de", "it", "en", NULL };
	enum style st;
	size_t i;

	memset(l, 0, sizeof(*l));
	memcpy(l->lang, "en", 3);
	for (i = 0; lang && langs[i]; i++)
		if (strcmp(lang, langs[i]) == 0)
			memcpy(l->lang, langs[i], 3);
	if (country && strlen(country) == 2) {
		l->country[0] = (char)toupper((unsigned char)country[0]);
		l->country[1] = (char)toupper((unsigned char)country[1]);
	}
	/* dates as the language writes them */
	l->date_sep = l->lang[0] == 'f' || l->lang[0] == 'i' ? '/' : l->lang[0] == 'd' ? '.' : 0;
	/* numbers and money as the country writes them: a French site's report in German
	 * still says "25 000,00 €"; without a known country, as the language does */
	if ((st = style_of_country(l->country)) == ST_NONE)
		st = l->lang[0] == 'f' ? ST_FRENCH : l->lang[0] == 'e' ? ST_ENGLISH : ST_GERMAN;
	switch (st) {
	case ST_SWISS:
		/* Swiss usage in all four languages: 25'000.00, CHF before the amount, 20.11.2026 */
		l->group = "'"; l->decimal = '.'; l->date_sep = '.';
		break;
	case ST_FRENCH:
		l->group = NNBSP; l->decimal = ','; l->money_after = 1;
		break;
	case ST_GERMAN:
		l->group = "."; l->decimal = ','; l->money_after = 1;
		break;
	default:
		l->group = ","; l->decimal = '.';
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
rp_locale_clock(struct rp_buf *b, int64_t t)
{
	struct tm tm;
	int r;

	if ((r = local(t, &tm)) != 0)
		return r;
	return rp_buf_addf(b, "%02d:%02d", tm.tm_hour, tm.tm_min);
}

int
rp_locale_datetime(struct rp_buf *b, const struct rp_locale *l, int64_t t)
{
	int r;

	if ((r = rp_locale_date(b, l, t)) != 0 || (r = rp_buf_addch(b, ' ')) != 0)
		return r;
	return rp_locale_clock(b, t);
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
rp_locale_number(struct rp_buf *b, const struct rp_locale *l, int64_t v, int decimals)
{
	uint64_t u = magnitude(v), scale = 1;
	int i, r;

	if (decimals < 0 || decimals > 6)
		return RP_ERR_INVALID;
	for (i = 0; i < decimals; i++)
		scale *= 10;
	if (v < 0 && (r = rp_buf_addch(b, '-')) != 0)
		return r;
	if ((r = grouped(b, l, u / scale)) != 0 || decimals == 0)
		return r;
	return rp_buf_addf(b, "%c%0*llu", l->decimal, decimals, (unsigned long long)(u % scale));
}

int
rp_locale_int(struct rp_buf *b, const struct rp_locale *l, int64_t v)
{
	return rp_locale_number(b, l, v, 0);
}

int
rp_locale_money(struct rp_buf *b, const struct rp_locale *l, const char *currency,
    int64_t minor)
{
	const char *cur = currency && *currency ? currency : "";
	/* the sign where the language uses it; the Swiss write the code, EUR too */
	int swiss = strcmp(l->group, "'") == 0;
	const char *sign = strcmp(cur, "EUR") == 0 && !swiss ? "\xe2\x82\xac" : cur;
	int r;

	if (!l->money_after && *cur) {
		/* "€25,000.00" (a sign sticks to the number), "CHF 25'000.00" */
		if ((r = rp_buf_addstr(b, sign)) != 0 ||
		    (sign == cur && (r = rp_buf_addch(b, ' ')) != 0))
			return r;
	}
	if ((r = rp_locale_number(b, l, minor, 2)) != 0)
		return r;
	if (l->money_after && *cur)
		return rp_buf_addf(b, NBSP "%s", sign);
	return 0;
}

/* Month names as CLDR writes them in dates ("5. Dezember 2026"): conventions of the
 * language like its separators, not texts of a document. */
static const char *const months[4][12] = {
	{ "January", "February", "March", "April", "May", "June", "July", "August",
	  "September", "October", "November", "December" },
	{ "janvier", "f\xc3\xa9vrier", "mars", "avril", "mai", "juin", "juillet",
	  "ao\xc3\xbbt", "septembre", "octobre", "novembre", "d\xc3\xa9" "cembre" },
	{ "Januar", "Februar", "M\xc3\xa4rz", "April", "Mai", "Juni", "Juli", "August",
	  "September", "Oktober", "November", "Dezember" },
	{ "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
	  "settembre", "ottobre", "novembre", "dicembre" },
};

int
rp_locale_date_long(struct rp_buf *b, const struct rp_locale *l, int64_t t)
{
	struct tm tm;
	int r, k = l->lang[0] == 'f' ? 1 : l->lang[0] == 'd' ? 2 : l->lang[0] == 'i' ? 3 : 0;

	if ((r = local(t, &tm)) != 0)
		return r;
	switch (k) {
	case 1:         /* "1er décembre 2026", "5 décembre 2026" */
		return rp_buf_addf(b, "%d%s %s %04d", tm.tm_mday, tm.tm_mday == 1 ? "er" : "",
		    months[k][tm.tm_mon], tm.tm_year + 1900);
	case 2:         /* "5. Dezember 2026" */
		return rp_buf_addf(b, "%d. %s %04d", tm.tm_mday, months[k][tm.tm_mon],
		    tm.tm_year + 1900);
	default:        /* "5 December 2026", "5 dicembre 2026" */
		return rp_buf_addf(b, "%d %s %04d", tm.tm_mday, months[k][tm.tm_mon],
		    tm.tm_year + 1900);
	}
}

int
rp_locale_same_offset(int64_t a, int64_t b)
{
	struct tm x, y;

	if (local(a, &x) != 0 || local(b, &y) != 0)
		return 0;
	return x.tm_gmtoff == y.tm_gmtoff;
}

int
rp_l10n_one_of(const char *const *list, const char *s)
{
	size_t i;

	for (i = 0; s && list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

int
rp_l10n_vfill(struct rp_buf *out, const char *tmpl, va_list ap)
{
	const char *p = tmpl, *open, *close, *name, *value;
	va_list aq;
	int r = 0;

	while (r == 0 && (open = strstr(p, "{{")) != NULL &&
	    (close = strstr(open + 2, "}}")) != NULL) {
		size_t n = (size_t)(close - open - 2);

		if ((r = rp_buf_add(out, p, (size_t)(open - p))) != 0)
			break;
		va_copy(aq, ap);
		value = NULL;
		while ((name = va_arg(aq, const char *)) != NULL) {
			const char *v = va_arg(aq, const char *);

			if (strlen(name) == n && strncmp(name, open + 2, n) == 0) {
				value = v ? v : "";
				break;
			}
		}
		va_end(aq);
		r = value ? rp_buf_addstr(out, value) :
		    rp_buf_add(out, open, (size_t)(close + 2 - open));
		p = close + 2;
	}
	return r ? r : rp_buf_addstr(out, p);
}

int
rp_l10n_fill(struct rp_buf *out, const char *tmpl, ...)
{
	va_list ap;
	int r;

	va_start(ap, tmpl);
	r = rp_l10n_vfill(out, tmpl, ap);
	va_end(ap);
	return r;
}
