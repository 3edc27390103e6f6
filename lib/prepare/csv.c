#include <string.h>

#include "core/err.h"
#include "core/escape.h"
#include "prepare/csv.h"

/* The delimiter a spreadsheet used: ';' when the first line has one and no ',' (both
 * outside quotes). */
static char
guess_delim(const char *p, const char *end)
{
	int quoted = 0, comma = 0, semi = 0;

	for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == ',')
			comma = 1;
		else if (!quoted && *p == ';')
			semi = 1;
	}
	return semi && !comma ? ';' : ',';
}

void
rp_csv_init(struct rp_csv *c, const char *text, size_t len, char delim)
{
	memset(c, 0, sizeof(c[0]));
	c->p = text;
	c->end = text + len;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		c->p += 3;
	c->delim = delim ? delim : guess_delim(c->p, c->end);
	c->line = 1;
	rp_buf_init(&c->fields, RP_CSV_MAX_FIELDS * (RP_CSV_MAX_FIELD + 1));
}

void
rp_csv_release(struct rp_csv *c)
{
	rp_buf_release(&c->fields);
}

static int
fail(struct rp_csv *c, size_t line, const char *why)
{
	c->err = why;
	c->err_line = line;
	c->p = c->end;                   /* the reader stops here */
	return RP_ERR_FORMAT;
}

/* A line break at p: its length (CRLF 2, LF or CR 1), or 0. */
static size_t
newline(const char *p, const char *end)
{
	if (p < end && *p == '\r')
		return p + 1 < end && p[1] == '\n' ? 2 : 1;
	return p < end && *p == '\n' ? 1 : 0;
}

int
rp_csv_next(struct rp_csv *c, struct rp_csv_record *rec)
{
	size_t start_line, n, flen, starts[RP_CSV_MAX_FIELDS], k;
	const char *p;
	int r;

	/* empty lines are no records */
	while ((n = newline(c->p, c->end)) > 0) {
		c->p += n;
		c->line++;
	}
	if (c->p >= c->end)
		return 0;
	start_line = c->line;
	rp_buf_reset(&c->fields);
	rec->n = 0;
	rec->line = start_line;
	for (;;) {
		/* one field */
		if (rec->n == RP_CSV_MAX_FIELDS)
			return fail(c, start_line, "more than 32 fields");
		starts[rec->n++] = c->fields.len;
		flen = 0;
		p = c->p;
		if (p < c->end && *p == '"') {
			size_t qline = c->line;

			for (p++;; p++) {
				if (p >= c->end)
					return fail(c, qline, "a quoted field is not closed");
				if (*p == '"') {
					if (p + 1 < c->end && p[1] == '"') {
						p++;
					} else {
						p++;
						break;
					}
				} else if ((n = newline(p, c->end)) > 0) {
					/* a line break inside quotes is part of the field */
					c->line++;
					if ((flen += n) > RP_CSV_MAX_FIELD)
						return fail(c, start_line, "a field longer than 4096 bytes");
					if ((r = rp_buf_add(&c->fields, p, n)) != 0)
						return r;
					p += n - 1;
					continue;
				}
				if (*p == '\0')
					return fail(c, c->line, "a NUL byte");
				if (++flen > RP_CSV_MAX_FIELD)
					return fail(c, start_line, "a field longer than 4096 bytes");
				if ((r = rp_buf_addch(&c->fields, *p)) != 0)
					return r;
			}
			if (p < c->end && *p != c->delim && newline(p, c->end) == 0)
				return fail(c, c->line, "text after the closing quote of a field");
		} else {
			for (; p < c->end && *p != c->delim && newline(p, c->end) == 0; p++) {
				if (*p == '"')
					return fail(c, c->line, "a quote inside a field that does not "
					    "start with one (quote the field and double the quote)");
				if (*p == '\0')
					return fail(c, c->line, "a NUL byte");
				if (++flen > RP_CSV_MAX_FIELD)
					return fail(c, start_line, "a field longer than 4096 bytes");
				if ((r = rp_buf_addch(&c->fields, *p)) != 0)
					return r;
			}
		}
		if ((r = rp_buf_addch(&c->fields, '\0')) != 0)
			return r;
		if (!rp_utf8_valid(c->fields.buf + starts[rec->n - 1], flen))
			return fail(c, c->line, "not UTF-8 text (save the file as UTF-8)");
		c->p = p;
		if (p < c->end && *p == c->delim) {
			c->p++;
			continue;
		}
		if ((n = newline(p, c->end)) > 0) {
			c->p += n;
			c->line++;
		}
		break;
	}
	for (k = 0; k < rec->n; k++)
		rec->field[k] = c->fields.buf + starts[k];
	return 1;
}
