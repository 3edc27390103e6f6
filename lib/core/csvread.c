/*
 * The CSV reader (see csvread.h). The raw bytes of the record being read stay in one
 * window [start, end) of the input buffer, so that a record that must be given up
 * (a quote never closed) can be read again from the line after the one where it
 * began; the unquoted fields are copied into rec, each NUL-terminated.
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/csvread.h"
#include "core/err.h"

#define CSV_DEFAULT_RECORD ((size_t)1 << 20)
#define CSV_DEFAULT_FIELDS 1024
#define CSV_DEFAULT_LINES  64
#define CSV_CHUNK          ((size_t)64 << 10)

struct rp_csvr {
	rp_csvr_read_fn fn;
	void *ctx;
	const char *mem;          /* rp_csvr_new_mem's bytes */
	size_t memlen, mempos;
	char *in;                 /* the input window */
	size_t cap, start, end;   /* in[start, end) not yet consumed */
	int eof;                  /* the source said its end */
	int began;                /* the byte-order mark and the separator are settled */
	int sep;
	size_t max_record, max_fields, max_lines;
	int strict, stopped;      /* strict: a fault stopped the reading */
	const char *why;          /* the last fault, static text */
	size_t line;              /* the line in[start] is on */
	size_t rec_line;
	struct rp_buf rec;        /* the fields, unquoted, NUL after each */
	size_t *off, *len;        /* per field, into rec */
	struct rp_csvr_field *fields;
};

static int
mem_read(void *ctx, char *buf, size_t len, size_t *got)
{
	struct rp_csvr *c = ctx;
	size_t n = c->memlen - c->mempos;

	if (n > len)
		n = len;
	memcpy(buf, c->mem + c->mempos, n);
	c->mempos += n;
	*got = n;
	return 0;
}

int
rp_csvr_new(rp_csvr_read_fn fn, void *ctx, const struct rp_csvr_opts *opts, struct rp_csvr **out)
{
	struct rp_csvr *c;

	*out = NULL;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return RP_ERR_NOMEM;
	c->fn = fn;
	c->ctx = ctx;
	c->sep = opts ? opts->sep : 0;
	c->max_record = opts && opts->max_record ? opts->max_record : CSV_DEFAULT_RECORD;
	c->max_fields = opts && opts->max_fields ? opts->max_fields : CSV_DEFAULT_FIELDS;
	c->max_lines = opts && opts->max_lines ? opts->max_lines : CSV_DEFAULT_LINES;
	c->strict = opts ? opts->strict : 0;
	if (c->sep != 0 && c->sep != ',' && c->sep != ';' && c->sep != '\t') {
		free(c);
		return RP_ERR_INVALID;
	}
	c->cap = c->max_record;
	c->line = 1;
	rp_buf_init(&c->rec, 2 * c->max_record + 2 * c->max_fields + 16);
	c->in = malloc(c->cap);
	c->off = calloc(c->max_fields, sizeof(*c->off));
	c->len = calloc(c->max_fields, sizeof(*c->len));
	c->fields = calloc(c->max_fields, sizeof(*c->fields));
	if (c->in == NULL || c->off == NULL || c->len == NULL || c->fields == NULL) {
		rp_csvr_free(c);
		return RP_ERR_NOMEM;
	}
	*out = c;
	return 0;
}

int
rp_csvr_new_mem(const char *data, size_t len, const struct rp_csvr_opts *opts,
    struct rp_csvr **out)
{
	int r;

	if ((r = rp_csvr_new(mem_read, NULL, opts, out)) != 0)
		return r;
	(*out)->ctx = *out;
	(*out)->mem = data;
	(*out)->memlen = len;
	return 0;
}

void
rp_csvr_free(struct rp_csvr *c)
{
	if (c == NULL)
		return;
	free(c->in);
	free(c->off);
	free(c->len);
	free(c->fields);
	rp_buf_release(&c->rec);
	free(c);
}

size_t
rp_csvr_line(const struct rp_csvr *c)
{
	return c->rec_line;
}

const char *
rp_csvr_why(const struct rp_csvr *c)
{
	return c->why;
}

int
rp_csvr_sep(const struct rp_csvr *c)
{
	return c->began ? c->sep : 0;
}

/* More bytes after end: moves the window to the front first. 1 read some, 0 at the
 * end of the source, RP_ERR_TOOBIG when the window is full, or the source's error. */
static int
refill(struct rp_csvr *c)
{
	size_t got = 0;
	int r;

	if (c->eof)
		return 0;
	if (c->start > 0) {
		memmove(c->in, c->in + c->start, c->end - c->start);
		c->end -= c->start;
		c->start = 0;
	}
	if (c->end == c->cap)
		return RP_ERR_TOOBIG;
	if ((r = c->fn(c->ctx, c->in + c->end, c->cap - c->end, &got)) != 0)
		return r;
	if (got == 0) {
		c->eof = 1;
		return 0;
	}
	c->end += got;
	return 1;
}

/* Skips to the byte after the next newline (a line too long to keep). */
static int
skip_line(struct rp_csvr *c)
{
	for (;;) {
		char *nl = memchr(c->in + c->start, '\n', c->end - c->start);
		int r;

		if (nl != NULL) {
			c->start = (size_t)(nl - c->in) + 1;
			c->line++;
			return 0;
		}
		c->start = c->end;
		if ((r = refill(c)) <= 0)
			return r;
	}
}

/* Gives the record up and resumes after the first newline of its raw bytes (k of them
 * are in the window), or after the next newline when it has none. */
static int
resync(struct rp_csvr *c, size_t k)
{
	char *nl = memchr(c->in + c->start, '\n', k);

	if (nl == NULL) {
		c->start += k;
		return skip_line(c);
	}
	c->start = (size_t)(nl - c->in) + 1;
	c->line = c->rec_line + 1;
	return 0;
}

/* Drops a byte-order mark and settles the separator from the first record. */
static int
begin(struct rp_csvr *c)
{
	size_t cnt[3] = { 0, 0, 0 }, k;
	int inq = 0, r;

	while (c->end - c->start < 3 && !c->eof)
		if ((r = refill(c)) < 0)
			return r;
	if (c->end - c->start >= 3 && memcmp(c->in + c->start, "\xef\xbb\xbf", 3) == 0)
		c->start += 3;
	c->began = 1;
	if (c->sep != 0)
		return 0;
	for (k = 0;; k++) {
		char ch;

		if (c->start + k == c->end) {
			if ((r = refill(c)) < 0 && r != RP_ERR_TOOBIG)
				return r;
			if (r <= 0)
				break;
		}
		ch = c->in[c->start + k];
		if (ch == '"')
			inq = !inq;
		else if (!inq && ch == '\n')
			break;
		else if (!inq)
			cnt[0] += ch == ',', cnt[1] += ch == ';', cnt[2] += ch == '\t';
	}
	c->sep = cnt[1] > cnt[0] && cnt[1] >= cnt[2] ? ';' : cnt[2] > cnt[0] ? '\t' : ',';
	return 0;
}

/* A record given up: why says what. In strict mode nothing more is read. r is the
 * code to return (RP_ERR_FORMAT or RP_ERR_TOOBIG) unless resyncing failed (rs). */
static int
fault(struct rp_csvr *c, int r, int rs, const char *why)
{
	c->why = why;
	if (c->strict)
		c->stopped = 1;
	return rs != 0 ? rs : r;
}

enum { ST_START, ST_PLAIN, ST_QUOTED, ST_QUOTE, ST_AFTER };

int
rp_csvr_next(struct rp_csvr *c, const struct rp_csvr_field **fields, size_t *n)
{
	size_t k, nf, lines, fstart, i;
	int st, r, over, anyq, plain_tail;

	*fields = NULL;
	*n = 0;
	c->why = NULL;
	if (c->stopped)
		return 0;
	if (!c->began && (r = begin(c)) != 0)
		return r;
again:
	c->rec_line = c->line;
	rp_buf_reset(&c->rec);
	nf = 0;
	lines = 0;
	fstart = 0;
	st = ST_START;
	over = 0;          /* too many fields: read on to the record's end, keep nothing */
	anyq = 0;          /* some field was quoted: a line `""` is a record */
	plain_tail = 0;    /* the field's last byte came from outside quotes */
	for (k = 0;; k++) {
		char ch;

		if (c->start + k == c->end) {
			r = refill(c);
			if (r == RP_ERR_TOOBIG) {
				if (st == ST_QUOTED) {
					r = resync(c, k);
				} else {
					c->start += k;
					c->line = c->rec_line + lines;
					r = skip_line(c);
				}
				return fault(c, RP_ERR_TOOBIG, r, "a record longer than the bound");
			}
			if (r < 0)
				return r;
			if (r == 0) {       /* the end of the input */
				if (st == ST_QUOTED)
					return fault(c, RP_ERR_FORMAT, resync(c, k),
					    "a quoted field is not closed");
				if (k == 0)
					return 0;
				ch = '\n';  /* a last line without its newline */
				goto record_end;
			}
		}
		ch = c->in[c->start + k];
		switch (st) {
		case ST_QUOTED:
			if (ch == '"') {
				st = ST_QUOTE;
				continue;
			}
			if (ch == '\n' && ++lines >= c->max_lines)
				return fault(c, RP_ERR_FORMAT, resync(c, k),
				    "a quoted field is not closed within the lines a record may span");
			break;
		case ST_QUOTE:
			if (ch == '"') {      /* "" inside quotes: one quote */
				st = ST_QUOTED;
				break;
			}
			st = ST_AFTER;
			/* FALLTHROUGH */
		case ST_START:
		case ST_PLAIN:
		case ST_AFTER:
			if (ch == '"' && st == ST_START) {
				st = ST_QUOTED;
				anyq = 1;
				plain_tail = 0;
				continue;
			}
			if (ch == c->sep || ch == '\n')
				goto field_end;
			/* strict: the leniency of exports is a mistake in a file typed by hand
			 * (a '\r' after a closing quote is the CRLF's, checked at the '\n') */
			if (c->strict && ch == '"')
				return fault(c, RP_ERR_FORMAT, 0, "a quote inside a field that does "
				    "not start with one (quote the field and double the quote)");
			if (c->strict && st == ST_AFTER && (ch != '\r' || plain_tail))
				return fault(c, RP_ERR_FORMAT, 0,
				    "text after the closing quote of a field");
			if (st == ST_START)
				st = ST_PLAIN;
			plain_tail = 1;
			break;
		}
		if (ch == '\n')
			plain_tail = 0;
		if (!over && (r = rp_buf_addch(&c->rec, ch)) != 0)
			return r;
		continue;
field_end:
		if (ch == '\n' && plain_tail && c->rec.len > fstart && c->rec.buf[c->rec.len - 1] == '\r')
			rp_buf_setlen(&c->rec, c->rec.len - 1);
record_end:
		if (!over) {
			if (nf == c->max_fields) {
				over = 1;
			} else {
				c->off[nf] = fstart;
				c->len[nf] = c->rec.len - fstart;
				nf++;
				if ((r = rp_buf_addch(&c->rec, '\0')) != 0)
					return r;
				fstart = c->rec.len;
			}
		}
		st = ST_START;
		plain_tail = 0;
		if (ch != '\n')
			continue;
		/* the record ends: k + 1 bytes consumed (k at the end of the input) */
		c->start += c->start + k < c->end ? k + 1 : k;
		c->line += lines + 1;
		if (over)
			return fault(c, RP_ERR_TOOBIG, 0, "more fields than the bound");
		if (nf == 1 && c->len[0] == 0 && !anyq)
			goto again;   /* an empty line */
		break;
	}
	for (i = 0; i < nf; i++) {
		c->fields[i].p = c->rec.buf + c->off[i];
		c->fields[i].len = c->len[i];
	}
	*fields = c->fields;
	*n = nf;
	return 1;
}
