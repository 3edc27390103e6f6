/*
 * A reader of CSV as RFC 4180 writes it and as real exports bend it (Microsoft 365
 * message traces, Google exports, Outlook and Thunderbird address books):
 *  - fields separated by ',' (or ';' or TAB: the separator may be guessed from the
 *    first record, as a German Outlook writes ';'), records ended by CRLF or LF;
 *  - a field in double quotes may hold separators, quotes written twice and newlines;
 *  - a UTF-8 byte-order mark before the first record is dropped;
 *  - leniency where exports are sloppy: a quote inside an unquoted field is taken as a
 *    character, text after a closing quote is kept, a last line without newline counts.
 *
 * The input is untrusted and read in bounded memory: one record is at most max_record
 * bytes and max_lines lines, max_fields fields. A record past a bound, or a quote that
 * is never closed, fails that record only: the reader skips it (for an unterminated
 * quote it resumes on the line after the one where the record began, so that one stray
 * quote costs one line, not the rest of the file) and the next call goes on. Each
 * record is scanned at most max_lines lines ahead, so the work stays linear.
 * Strict mode is for files people edit by hand (the risk register): there a sloppy
 * quote is a mistake to show, not to guess around. A quote inside an unquoted field,
 * text after a closing quote, a quote never closed or a record past a bound ends the
 * reading with RP_ERR_FORMAT (or RP_ERR_TOOBIG), rp_csvr_why() says what and
 * rp_csvr_line() where; every later call returns 0.
 *
 * Fuzzed (tests/fuzz/fuzz-csvread.c). A struct rp_csvr belongs to one thread at a time.
 */
#ifndef RP_CSVREAD_H
#define RP_CSVREAD_H

#include <stddef.h>

struct rp_csvr;

struct rp_csvr_field {
	const char *p;          /* the unquoted bytes, NUL-terminated (valid until the next call) */
	size_t len;
};

struct rp_csvr_opts {
	int sep;                /* ',', ';', '\t'; 0: the most frequent of them outside quotes
	                           in the first record (',' when none) */
	size_t max_record;      /* bytes of one record as written; 0: 1 MiB */
	size_t max_fields;      /* 0: 1024 */
	size_t max_lines;       /* lines one record may span (newlines in quotes); 0: 64 */
	int strict;             /* the first fault ends the reading (see above) */
};

/* A source of bytes: puts up to len bytes in buf and sets *got (0 at the end);
 * returns 0 or a negative RP_ERR_* (which stops the reader). */
typedef int (*rp_csvr_read_fn)(void *ctx, char *buf, size_t len, size_t *got);

/* A reader over fn/ctx (borrowed; must outlive the reader), or over len bytes of
 * memory (borrowed). opts may be NULL (the defaults). *out is owned by the caller. */
int rp_csvr_new(rp_csvr_read_fn fn, void *ctx, const struct rp_csvr_opts *opts,
    struct rp_csvr **out);
int rp_csvr_new_mem(const char *data, size_t len, const struct rp_csvr_opts *opts,
    struct rp_csvr **out);
void rp_csvr_free(struct rp_csvr *c);                   /* accepts NULL */

/*
 * The next record. Returns 1 with *fields (owned by the reader, valid until the next
 * call) and *n >= 1; 0 at the end; RP_ERR_FORMAT for a record skipped because a quote
 * was never closed, RP_ERR_TOOBIG for one skipped past a bound: call again to go on;
 * any other negative code is the source's error and ends the reading.
 * Empty lines are skipped (they are no record).
 */
int rp_csvr_next(struct rp_csvr *c, const struct rp_csvr_field **fields, size_t *n);

/* The 1-based line where the record last returned (or skipped) began. */
size_t rp_csvr_line(const struct rp_csvr *c);
/* After RP_ERR_FORMAT or RP_ERR_TOOBIG: what was wrong with the record, as a phrase
 * for a person ("a quoted field is not closed"); static text. NULL otherwise. */
const char *rp_csvr_why(const struct rp_csvr *c);
/* The separator in use (after guessing), or 0 before the first record. */
int rp_csvr_sep(const struct rp_csvr *c);

#endif
