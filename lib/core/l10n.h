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

#include <stdarg.h>
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
 * code or NULL. Dates follow the language; numbers and money follow the country (a
 * French site writes 25 000,00 € whatever the language of the document), the language
 * when the country is not known. Switzerland and Liechtenstein write numbers and dates
 * the Swiss way in every language. Never fails. */
void rp_locale_init(struct rp_locale *l, const char *lang, const char *country);

/* "20.11.2026" */
int rp_locale_date(struct rp_buf *b, const struct rp_locale *l, int64_t t);
/* "08:00": 24 hours in every language the documents are written in. */
int rp_locale_clock(struct rp_buf *b, int64_t t);
/* "20.11.2026 08:00" */
int rp_locale_datetime(struct rp_buf *b, const struct rp_locale *l, int64_t t);
/* The offset of local time at t: "UTC+01:00". */
int rp_locale_utc_offset(struct rp_buf *b, int64_t t);
/* "5. Dezember 2026", "1er décembre 2026", "5 December 2026", "5 dicembre 2026". */
int rp_locale_date_long(struct rp_buf *b, const struct rp_locale *l, int64_t t);
/* 1 when local time has the same UTC offset at a and b (no DST change between the
 * zones of the two), else 0. */
int rp_locale_same_offset(int64_t a, int64_t b);

/* Numbers: v in units of 10^-decimals (0..6) with the country's thousands separator and
 * decimal mark: (2500000, 2) is "25'000.00", "25 000,00", "25.000,00", "25,000.00".
 * RP_ERR_INVALID for decimals out of range. */
int rp_locale_number(struct rp_buf *b, const struct rp_locale *l, int64_t v, int decimals);
/* An integer: rp_locale_number(b, l, v, 0), "25'000". */
int rp_locale_int(struct rp_buf *b, const struct rp_locale *l, int64_t v);
/* Money in minor units (centimes) with its currency (ISO 4217 code; EUR is written €
 * except in Swiss usage): "CHF 25'000.00", "25 000,00 €", "25.000,00 €", "€25,000.00". */
int rp_locale_money(struct rp_buf *b, const struct rp_locale *l, const char *currency,
    int64_t minor);

/* 1 when s is one of the NULL-terminated list (the languages a document has texts
 * in), else 0 (s NULL too). */
int rp_l10n_one_of(const char *const *list, const char *s);

/* Appends tmpl with its {{name}} placeholders filled from NULL-terminated name/value
 * pairs of const char * (a NULL value is ""). Values are inserted as they are (the
 * renderer escapes); an unknown placeholder stays as written, so that a typo in the
 * data shows. */
int rp_l10n_fill(struct rp_buf *out, const char *tmpl, ...);
int rp_l10n_vfill(struct rp_buf *out, const char *tmpl, va_list ap);

#endif
