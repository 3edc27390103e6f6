/*
 * A reader of CSV as RFC 4180 writes it, for the files people edit in a spreadsheet
 * (the risk register): fields separated by a comma (or another delimiter: European
 * spreadsheets write ';'), records by CRLF, LF or CR, a field in double quotes may hold
 * the delimiter, line breaks and "" for a quote. A UTF-8 byte-order mark at the start is
 * skipped. The input is untrusted: every field is bounded, NUL bytes and invalid UTF-8
 * are refused, and an error names the line where the record starts. Fuzzed
 * (tests/fuzz/fuzz-riskcsv.c). A reader belongs to one thread at a time.
 */
#ifndef RP_CSV_H
#define RP_CSV_H

#include <stddef.h>

#include "core/buf.h"

#define RP_CSV_MAX_FIELDS 32
#define RP_CSV_MAX_FIELD  4096      /* bytes of one field */

struct rp_csv {
	const char *p, *end;        /* what is left to read */
	char delim;
	size_t line;                /* the line the next record starts on (1-based) */
	struct rp_buf fields;       /* the current record's fields, NUL-separated */
	const char *err;            /* after RP_ERR_FORMAT: what is wrong (static text) */
	size_t err_line;            /* and on which line */
};

struct rp_csv_record {
	size_t line;                /* where it starts */
	size_t n;                   /* fields */
	const char *field[RP_CSV_MAX_FIELDS];   /* valid until the next call */
};

/* text is not copied: it must outlive the reader. delim 0: ',' unless the first line
 * has no ',' outside quotes but a ';' (a spreadsheet's "CSV" in fr/de locales). */
void rp_csv_init(struct rp_csv *c, const char *text, size_t len, char delim);
/* 1 when *rec holds the next record, 0 at the end, RP_ERR_FORMAT (c->err, c->err_line
 * say why and where; the reader stops), RP_ERR_NOMEM. An empty line is no record. */
int rp_csv_next(struct rp_csv *c, struct rp_csv_record *rec);
void rp_csv_release(struct rp_csv *c);

#endif
