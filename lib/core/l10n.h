/*
 * How a language and a country write dates, numbers and money in the documents people
 * read (the emergency plan, letters, reports): "20.11.2026" and "CHF 25'000.00" in
 * Switzerland, "20/11/2026" and "25 000,00 €" in France, "25.000,00 €" in Germany,
 * "20 Nov 2026" and "€25,000.00" in English. Written out here from the CLDR conventions
 * rather than taken from the C library's locales, which a fresh server rarely has
 * generated. Dates and times are in local time (the CLI sets TZ to the site's zone).
 * A struct rp_locale is a plain value; every function is thread-safe.
 */
#ifndef RP_L10N_H
#define RP_L10N_H

#include <stdint.h>

#include "core/buf.h"

struct rp_locale {
	char lang[3];           /* "de", "fr", "en", "it" */
	char country[3];        /* "CH", "FR", ... or "" */
	const char *group;      /* thousands separator, UTF-8: "'", ".", U+202F, "," */
	char decimal;           /* '.' or ',' */
	char date_sep;          /* '.' or '/', or 0 for "20 Nov 2026" */
	int money_after;        /* "25 000,00 €" rather than "CHF 25'000.00" */
};

/* lang: fr, de, en or it (anything else is taken as en); country: a [site] country
 * code or NULL. Switzerland and Liechtenstein write numbers the Swiss way in every
 * language. Never fails. */
void rp_locale_init(struct rp_locale *l, const char *lang, const char *country);

/* "20.11.2026" */
int rp_locale_date(struct rp_buf *b, const struct rp_locale *l, int64_t t);
/* "20.11.2026 08:00" */
int rp_locale_datetime(struct rp_buf *b, const struct rp_locale *l, int64_t t);
/* The offset of local time at t: "UTC+01:00". */
int rp_locale_utc_offset(struct rp_buf *b, int64_t t);
/* An integer with thousands separators: "25'000". */
int rp_locale_int(struct rp_buf *b, const struct rp_locale *l, int64_t v);
/* Money in minor units (centimes) with its currency (ISO 4217 code; EUR is written €):
 * "CHF 25'000.00", "25 000,00 €", "€25,000.00". */
int rp_locale_money(struct rp_buf *b, const struct rp_locale *l, const char *currency,
    int64_t minor);

#endif
