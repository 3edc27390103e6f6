/*
 * Address books, for `mail trace --addressbook`: a virus on a phone or a PC reads the
 * address book and writes to everyone in it, so its people are told as a precaution.
 *  - vCard 2.1, 3.0 and 4.0 (.vcf, one file of many cards): folded lines, EMAIL with
 *    any parameters (TYPE=INTERNET,WORK; PREF; 2.1's bare INTERNET), FN, N and ORG,
 *    backslash escapes, quoted-printable values (2.1) with soft line breaks, CHARSET=
 *    ISO-8859-1 / Windows-1252 turned into UTF-8, base64 properties (photos) skipped;
 *  - CSV exports: Outlook ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address",
 *    "First Name", "Last Name", "Company"; the German and French Outlook's headers
 *    too), Google Contacts ("E-mail 1 - Value" ... with " ::: " between several
 *    addresses, "First Name"/"Given Name", "Last Name"/"Family Name", "Organization
 *    Name"/"Organization 1 - Name"), Thunderbird ("Primary Email", "Secondary Email",
 *    "Display Name", "Organization"; German: "Primäre E-Mail-Adresse"). A CSV without
 *    any known address column is searched field by field for addresses. Fields in
 *    Windows-1252 (Outlook's "ANSI" exports) are turned into UTF-8.
 * The input is untrusted: lines are bounded, a card or row without an address is
 * counted and skipped, a damaged file gives what came before the damage.
 */
#ifndef RP_MAIL_ABOOK_H
#define RP_MAIL_ABOOK_H

#include <stddef.h>
#include <stdint.h>

struct rp_logfile;

/* One address of one contact; strings valid during the callback (never NULL). */
struct rp_abook_entry {
	const char *addr;        /* lowercase addr-spec */
	const char *name;        /* UTF-8, "" when none */
	const char *org;         /* UTF-8, "" when none */
	size_t line;             /* where the card or row began */
};

struct rp_abook_stats {
	const char *format;      /* "vcard", "outlook", "google", "thunderbird", "csv",
	                            "unknown" */
	uint64_t contacts;       /* cards or rows */
	uint64_t entries;        /* addresses given */
	uint64_t no_address;     /* cards or rows without a usable address */
	uint64_t malformed;      /* lines or rows in no shape (skipped) */
	uint64_t too_long;       /* lines or records past the bound */
	int damaged;             /* 0, or why the file ended early (rp_logfile_error) */
};

typedef int (*rp_abook_fn)(const struct rp_abook_entry *e, void *ctx);

/* Reads f (see logfile.h), vCard or CSV told from the content. Returns 0, RP_ERR_FORMAT
 * when it is neither, or fn's non-zero value (which stops the reading). */
int rp_abook_read(struct rp_logfile *f, rp_abook_fn fn, void *ctx, struct rp_abook_stats *st);

/* The readers on their own (the dispatcher, tests and fuzz targets use them). */
int rp_vcard_read(struct rp_logfile *f, rp_abook_fn fn, void *ctx, struct rp_abook_stats *st);
int rp_abook_csv_read(struct rp_logfile *f, rp_abook_fn fn, void *ctx,
    struct rp_abook_stats *st);

/* Appends s (len bytes) as UTF-8: kept when it is valid UTF-8, else read as
 * Windows-1252. Returns 0 or RP_ERR_TOOBIG/NOMEM. */
struct rp_buf;
int rp_abook_text(struct rp_buf *b, const char *s, size_t len);

#endif
