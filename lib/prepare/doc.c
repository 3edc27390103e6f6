/* The document model and its text, Markdown and HTML renderers. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/l10n.h"
#include "prepare/doc.h"

#define RS '\x1e'
#define US '\x1f'
#define WIDTH 78          /* text: the columns of a terminal and of a printed page */

int
rp_doc_add(struct rp_buf *doc, char type, int n, ...)
{
	va_list ap;
	const char *s;
	int r, i;

	if (n < 0 || n > RP_DOC_MAXCELLS)
		return RP_ERR_INVALID;
	if ((r = rp_buf_addch(doc, type)) != 0)
		return r;
	va_start(ap, n);
	for (i = 0; i < n && r == 0; i++) {
		s = va_arg(ap, const char *);
		r = rp_buf_addch(doc, US);
		for (; s && *s && r == 0; s++)
			r = rp_buf_addch(doc, *s == RS || *s == US || *s == '\n' || *s == '\r' ?
			    ' ' : *s);
	}
	va_end(ap);
	return r ? r : rp_buf_addch(doc, RS);
}

int
rp_doc_each(const char *doc, size_t len,
    int (*fn)(char type, const char *const *cells, size_t n, void *ctx), void *ctx)
{
	struct rp_buf copy = RP_BUF_INIT;
	const char *cells[RP_DOC_MAXCELLS];
	char *p, *end, *next, *q, *e;
	size_t n;
	int r;

	if ((r = rp_buf_add(&copy, doc, len)) != 0)
		return r;
	for (p = copy.buf, end = copy.buf + copy.len; p < end && r == 0; p = next + 1) {
		char type = *p;

		if ((next = memchr(p, RS, (size_t)(end - p))) == NULL)
			next = end;
		*next = '\0';
		n = 0;
		/* the cells' starts while the separators are there, then cut them apart */
		for (q = p + 1; q < next && *q == US && n < RP_DOC_MAXCELLS; q = e ? e : next) {
			cells[n++] = q + 1;
			e = memchr(q + 1, US, (size_t)(next - (q + 1)));
		}
		for (q = p; q < next; q++)
			if (*q == US)
				*q = '\0';
		if (type != '\0')
			r = fn(type, cells, n, ctx);
	}
	rp_buf_release(&copy);
	return r;
}

/* rp_l10n_fill (lib/core/l10n.h: the one filling of {{placeholders}}, shared with the
 * case report) into an emptied buffer. */
int
rp_doc_fill(struct rp_buf *out, const char *tmpl, ...)
{
	va_list ap;
	int r;

	rp_buf_reset(out);
	va_start(ap, tmpl);
	r = rp_l10n_vfill(out, tmpl, ap);
	va_end(ap);
	return r;
}

/* ---- the records, copied out for renderers that look ahead ---- */

struct rec {
	char type;
	size_t n;
	char *cell[RP_DOC_MAXCELLS];
};

struct recs {
	struct rec *v;
	size_t n, cap;
};

static void
recs_free(struct recs *R)
{
	size_t i, k;

	for (i = 0; i < R->n; i++)
		for (k = 0; k < R->v[i].n; k++)
			free(R->v[i].cell[k]);
	free(R->v);
}

static int
recs_add(char type, const char *const *cells, size_t n, void *ctx)
{
	struct recs *R = ctx;
	struct rec *v;
	size_t k;
	int r;

	if ((r = RP_ARRAY_GROW(&R->v, &R->cap, R->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	v = &R->v[R->n++];
	v->type = type;
	v->n = 0;
	for (k = 0; k < n; k++) {
		if ((v->cell[k] = strdup(cells[k])) == NULL)
			return RP_ERR_NOMEM;
		v->n++;
	}
	return 0;
}

/* ---- text ---- */

/* Display columns of UTF-8 text: one per code point (no wide scripts in our texts). */
static size_t
cols(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* The byte length of the first w columns of s (at most len). */
static size_t
bytes_for(const char *s, size_t len, size_t w)
{
	size_t i = 0, n = 0;

	while (i < len) {
		if (((unsigned char)s[i] & 0xc0) != 0x80) {
			if (n == w)
				break;
			n++;
		}
		i++;
	}
	return i;
}

/*
 * Word-wraps s into lines of at most width columns: each line is appended to out as
 * (start, length) pairs in *lines (a word longer than a line is cut). Returns 0.
 */
struct span {
	size_t off, len;
};

static int
wrap(const char *s, size_t width, struct span **lines, size_t *nlines)
{
	size_t len = strlen(s), start = 0, i, last_space, w, cap = 0;
	struct span *v;
	int r;

	*lines = NULL;
	*nlines = 0;
	if (width < 1)
		width = 1;
	while (start < len || *nlines == 0) {
		while (start < len && s[start] == ' ')
			start++;
		w = cols(s + start, len - start);
		i = len;
		if (w > width) {
			/* the last space within width columns, else a hard cut */
			size_t lim = start + bytes_for(s + start, len - start, width);

			last_space = 0;
			for (i = start; i < lim; i++)
				if (s[i] == ' ')
					last_space = i;
			if (lim < len && s[lim] == ' ')
				last_space = lim;
			i = last_space > start ? last_space : lim;
		}
		if ((r = RP_ARRAY_GROW(lines, &cap, *nlines + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
			return r;
		v = *lines;
		v[*nlines].off = start;
		v[*nlines].len = i - start;
		while (v[*nlines].len > 0 && s[start + v[*nlines].len - 1] == ' ')
			v[*nlines].len--;
		(*nlines)++;
		start = i;
		if (start >= len)
			break;
	}
	return 0;
}

/* Text escaped for a terminal (control characters cannot move the cursor). */
static char *
esc_text(const char *s)
{
	struct rp_buf b = RP_BUF_INIT;

	if (rp_esc_text(&b, s, strlen(s)) != 0) {
		rp_buf_release(&b);
		return NULL;
	}
	if (b.alloc == 0)
		return strdup("");
	return rp_buf_detach(&b, NULL);
}

/* A paragraph wrapped at WIDTH: first line after first, the others after indent. */
static int
text_para(struct rp_buf *o, const char *first, const char *indent, const char *s)
{
	struct span *ln = NULL;
	size_t n, i, ind = cols(indent, strlen(indent));
	char *e = esc_text(s);
	int r;

	if (e == NULL)
		return RP_ERR_NOMEM;
	if ((r = wrap(e, WIDTH - ind, &ln, &n)) == 0)
		for (i = 0; i < n && r == 0; i++)
			if ((r = rp_buf_addstr(o, i ? indent : first)) == 0 &&
			    (r = rp_buf_add(o, e + ln[i].off, ln[i].len)) == 0)
				r = rp_buf_addch(o, '\n');
	free(ln);
	free(e);
	return r;
}

static int
repeat(struct rp_buf *o, int c, size_t n)
{
	int r = 0;

	while (n-- > 0 && r == 0)
		r = rp_buf_addch(o, c);
	return r;
}

/* The widest word of s, in columns. */
static size_t
longest_word(const char *s)
{
	size_t most = 0, n;

	while (*s) {
		n = strcspn(s, " ");
		if (cols(s, n) > most)
			most = cols(s, n);
		s += n;
		s += strspn(s, " ");
	}
	return most;
}

/* A table too wide for the page, one row after the other: the first two cells on the
 * first line ("1 IT provider: Muster IT GmbH"), then "Head: cell" for the others. */
static int
text_cards(struct rp_buf *o, const struct rec *v, size_t nrows, char *const *head, size_t ncol,
    const char *colon)
{
	struct rp_buf t = RP_BUF_INIT;
	size_t i, k;
	int r = 0;

	for (i = 1; i < nrows && r == 0; i++) {
		rp_buf_reset(&t);
		r = rp_buf_addstr(&t, v[i].n ? v[i].cell[0] : "");
		if (r == 0 && v[i].n > 1)
			r = rp_buf_addf(&t, "%s%s", colon, v[i].cell[1]);
		if (r == 0)
			r = text_para(o, "", "  ", t.buf);
		rp_buf_reset(&t);
		for (k = 2; k < v[i].n && r == 0; k++) {
			/* an empty cell (or the dash that says so) says nothing on a card */
			if (!*v[i].cell[k] || strcmp(v[i].cell[k], "\xe2\x80\x93") == 0)
				continue;
			r = rp_buf_addf(&t, "%s%s%s%s", t.len ? "\xc2\xa0· " : "",
			    k < ncol && head[k] && *head[k] ? head[k] : "",
			    k < ncol && head[k] && *head[k] ? colon : "", v[i].cell[k]);
		}
		if (r == 0 && t.len)
			r = text_para(o, "  ", "  ", t.buf);
	}
	rp_buf_release(&t);
	return r;
}

/* A table: the columns as wide as their longest cell, the widest ones narrowed (not
 * below their longest word, nor a short cell's width: a phone number stays on one
 * line) until the table fits WIDTH, cells wrapped inside their column; a table that
 * cannot fit so is written as cards (text_cards). */
static int
text_table(struct rp_buf *o, const struct rec *v, size_t nrows, const char *colon)
{
	size_t ncol = 0, w[RP_DOC_MAXCELLS] = { 0 }, min[RP_DOC_MAXCELLS] = { 0 };
	size_t total, i, k, line, most;
	char *e[RP_DOC_MAXCELLS] = { NULL }, *head[RP_DOC_MAXCELLS] = { NULL };
	struct span *ln[RP_DOC_MAXCELLS] = { NULL };
	size_t nl[RP_DOC_MAXCELLS];
	int r = 0;

	for (i = 0; i < nrows; i++)
		if (v[i].n > ncol)
			ncol = v[i].n;
	if (ncol == 0)
		return 0;
	for (i = 0; i < nrows; i++)
		for (k = 0; k < v[i].n; k++) {
			char *t = esc_text(v[i].cell[k]);
			size_t c, m;

			if (t == NULL)
				return RP_ERR_NOMEM;
			if ((c = cols(t, strlen(t))) > w[k])
				w[k] = c;
			if ((m = c <= 20 ? c : longest_word(t)) > min[k])
				min[k] = m;
			free(t);
		}
	for (;;) {
		for (total = 2 * (ncol - 1), k = 0; k < ncol; k++)
			total += w[k];
		if (total <= WIDTH)
			break;
		for (most = ncol, k = 0; k < ncol; k++)
			if (w[k] > min[k] && (most == ncol || w[k] - min[k] > w[most] - min[most]))
				most = k;
		if (most == ncol) {
			/* no column can give more: one card per row */
			for (k = 0; k < ncol && v[0].type == 'T'; k++)
				head[k] = k < v[0].n ? v[0].cell[k] : NULL;
			return text_cards(o, v, nrows, head, v[0].type == 'T' ? ncol : 0, colon);
		}
		w[most]--;
	}
	for (i = 0; i < nrows && r == 0; i++) {
		size_t height = 1;

		for (k = 0; k < ncol; k++) {
			nl[k] = 0;
			if ((e[k] = esc_text(k < v[i].n ? v[i].cell[k] : "")) == NULL ||
			    (r = wrap(e[k], w[k], &ln[k], &nl[k])) != 0) {
				r = r ? r : RP_ERR_NOMEM;
				goto row_out;
			}
			if (nl[k] > height)
				height = nl[k];
		}
		for (line = 0; line < height && r == 0; line++) {
			size_t pad = 0;

			for (k = 0; k < ncol && r == 0; k++) {
				size_t used = 0;

				if (k > 0)
					r = repeat(o, ' ', pad + 2);
				if (r == 0 && line < nl[k]) {
					r = rp_buf_add(o, e[k] + ln[k][line].off, ln[k][line].len);
					used = cols(e[k] + ln[k][line].off, ln[k][line].len);
				}
				pad = w[k] > used ? w[k] - used : 0;
			}
			/* no trailing blanks */
			while (r == 0 && o->len > 0 && o->buf[o->len - 1] == ' ')
				rp_buf_setlen(o, o->len - 1);
			if (r == 0)
				r = rp_buf_addch(o, '\n');
		}
		if (r == 0 && v[i].type == 'T') {
			for (k = 0, total = 2 * (ncol - 1); k < ncol; k++)
				total += w[k];
			if ((r = repeat(o, '-', total)) == 0)
				r = rp_buf_addch(o, '\n');
		}
row_out:
		for (k = 0; k < ncol; k++) {
			free(e[k]);
			free(ln[k]);
			e[k] = NULL;
			ln[k] = NULL;
		}
	}
	return r;
}

static int
render_text(const struct recs *R, const char *lang, struct rp_buf *o)
{
	/* French puts a (no-break) space before a colon */
	const char *colon = lang && strcmp(lang, "fr") == 0 ? "\xc2\xa0: " : ": ";
	size_t i, j;
	char prev = 0;
	int r = 0;

	for (i = 0; i < R->n && r == 0; i = j) {
		const struct rec *x = &R->v[i];
		const char *c0 = x->n > 0 ? x->cell[0] : "";

		j = i + 1;
		/* a blank line between blocks; list items and their commands stay together */
		if (prev && !(prev == 'l' && (x->type == 'l' || x->type == 'c')) &&
		    !(prev == 'c' && (x->type == 'l' || x->type == 'c')) &&
		    (r = rp_buf_addch(o, '\n')) != 0)
			break;
		prev = x->type;
		switch (x->type) {
		case 'H':
		case 'h': {
			char *e = esc_text(c0);

			if (e == NULL)
				return RP_ERR_NOMEM;
			if ((r = rp_buf_addstr(o, e)) == 0 && (r = rp_buf_addch(o, '\n')) == 0 &&
			    (r = repeat(o, x->type == 'H' ? '=' : '-', cols(e, strlen(e)))) == 0)
				r = rp_buf_addch(o, '\n');
			free(e);
			break;
		}
		case 'p':
		case 'b':
			r = text_para(o, "", "", c0);
			break;
		case 'l':
			if (x->n > 1) {
				struct rp_buf t = RP_BUF_INIT;

				if ((r = rp_buf_addf(&t, "%s %s", x->cell[0], x->cell[1])) == 0)
					r = text_para(o, "- ", "  ", t.buf);
				rp_buf_release(&t);
			} else {
				r = text_para(o, "- ", "  ", c0);
			}
			break;
		case 'c': {
			char *e = esc_text(c0);

			if (e == NULL)
				return RP_ERR_NOMEM;
			if ((r = rp_buf_addstr(o, "    $ ")) == 0 && (r = rp_buf_addstr(o, e)) == 0)
				r = rp_buf_addch(o, '\n');
			free(e);
			break;
		}
		case 'T':
		case 'r':
			while (j < R->n && R->v[j].type == 'r')
				j++;
			r = text_table(o, x, j - i, colon);
			break;
		default:
			prev = 0;
		}
	}
	return r;
}

/* ---- Markdown ---- */

static int
md(struct rp_buf *o, const char *s)
{
	return rp_esc_md(o, s, strlen(s));
}

/* An inline code span: the fence one backtick longer than any run inside. */
static int
md_code(struct rp_buf *o, const char *s)
{
	size_t run = 0, most = 0, k;
	const char *p;
	int r, pad;

	for (p = s; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > most)
			most = run;
	}
	pad = *s == '`' || (*s && s[strlen(s) - 1] == '`');
	for (k = 0, r = 0; k <= most && r == 0; k++)
		r = rp_buf_addch(o, '`');
	if (r == 0 && pad)
		r = rp_buf_addch(o, ' ');
	for (p = s; *p && r == 0; p++)
		/* a code span shows its bytes as they are; only controls are replaced */
		r = (unsigned char)*p < 0x20 ? rp_buf_addch(o, ' ') : rp_buf_addch(o, *p);
	if (r == 0 && pad)
		r = rp_buf_addch(o, ' ');
	for (k = 0; k <= most && r == 0; k++)
		r = rp_buf_addch(o, '`');
	return r;
}

static int
render_md(const struct recs *R, struct rp_buf *o)
{
	size_t i, k;
	char prev = 0;
	int r = 0;

	for (i = 0; i < R->n && r == 0; i++) {
		const struct rec *x = &R->v[i];
		const char *c0 = x->n > 0 ? x->cell[0] : "";

		if (prev && !(prev == 'l' && x->type == 'l') && !(prev == 'c' && x->type == 'l') &&
		    !(prev == 'T' && x->type == 'r') && !(prev == 'r' && x->type == 'r') &&
		    x->type != 'c' && (r = rp_buf_addch(o, '\n')) != 0)
			break;
		prev = x->type;
		switch (x->type) {
		case 'H':
		case 'h':
			if ((r = rp_buf_addstr(o, x->type == 'H' ? "# " : "## ")) == 0 &&
			    (r = md(o, c0)) == 0)
				r = rp_buf_addch(o, '\n');
			break;
		case 'p':
			if ((r = md(o, c0)) == 0)
				r = rp_buf_addch(o, '\n');
			break;
		case 'b':
			if ((r = rp_buf_addstr(o, "**")) == 0 && (r = md(o, c0)) == 0)
				r = rp_buf_addstr(o, "**\n");
			break;
		case 'l':
			if ((r = rp_buf_addstr(o, "- ")) != 0)
				break;
			if (x->n > 1 && (r = rp_buf_addstr(o, "**")) == 0 && (r = md(o, c0)) == 0 &&
			    (r = rp_buf_addstr(o, "** ")) == 0)
				r = md(o, x->cell[1]);
			else if (x->n <= 1)
				r = md(o, c0);
			/* a command that follows goes on the item's next line (hard break) */
			if (r == 0)
				r = rp_buf_addstr(o, i + 1 < R->n && R->v[i + 1].type == 'c' ?
				    "\\\n" : "\n");
			break;
		case 'c':
			if ((r = rp_buf_addstr(o, "  ")) == 0 && (r = md_code(o, c0)) == 0)
				r = rp_buf_addstr(o, i + 1 < R->n && R->v[i + 1].type == 'c' ?
				    "\\\n" : "\n");
			break;
		case 'T':
		case 'r':
			for (k = 0; k < x->n && r == 0; k++)
				if ((r = rp_buf_addstr(o, "| ")) == 0 && (r = md(o, x->cell[k])) == 0)
					r = rp_buf_addch(o, ' ');
			if (r == 0)
				r = rp_buf_addstr(o, "|\n");
			for (k = 0; x->type == 'T' && k < x->n && r == 0; k++)
				r = rp_buf_addstr(o, k + 1 < x->n ? "|---" : "|---|\n");
			break;
		default:
			prev = 0;
		}
	}
	return r;
}

/* ---- HTML ---- */

static int
html(struct rp_buf *o, const char *s)
{
	return rp_esc_html(o, s, strlen(s));
}

static const char html_style[] =
"<style>\n"
"@page{size:A4;margin:10mm}\n"
"body{font-family:\"DejaVu Sans\",Arial,sans-serif;font-size:9.5pt;line-height:1.3;"
"color:#111;max-width:50em;margin:1em auto}\n"
"h1{font-size:15pt;margin:0 0 .3em;border-bottom:2px solid #333}\n"
"h2{font-size:11pt;margin:.9em 0 .3em;border-bottom:1px solid #999}\n"
"p{margin:.3em 0}ul{margin:.2em 0;padding-left:1.3em}li{margin:.1em 0}\n"
"code{font-family:\"DejaVu Sans Mono\",monospace;font-size:8.5pt;background:#f2f2f2;"
"padding:0 .2em}\n"
"table{border-collapse:collapse;width:100%;margin:.3em 0}\n"
"th,td{border:1px solid #999;padding:2px 5px;text-align:left;vertical-align:top;"
"overflow-wrap:break-word}\n"
"th{background:#eee}td.n{white-space:nowrap}\n"
/* on paper: one A4 page for the plan, so the type is small and the spacing tight */
"@media print{body{margin:0;max-width:none;font-size:8pt;line-height:1.2}"
"h1{font-size:13pt}h2{font-size:9.5pt;margin:.5em 0 .2em;break-after:avoid}"
"code{font-size:7.5pt}th,td{padding:1px 4px}tr,li{break-inside:avoid}}\n"
"</style>\n";

static int
render_html(const struct recs *R, const char *lang, struct rp_buf *o)
{
	const char *title = "riposte";
	size_t i, k;
	int r, in_ul = 0, in_table = 0;

	for (i = 0; i < R->n; i++)
		if (R->v[i].type == 'H' && R->v[i].n > 0) {
			title = R->v[i].cell[0];
			break;
		}
	if ((r = rp_buf_addstr(o, "<!DOCTYPE html>\n<html lang=\"")) != 0 ||
	    (r = html(o, lang && *lang ? lang : "en")) != 0 ||
	    (r = rp_buf_addstr(o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"generator\" content=\"riposte\">\n<title>")) != 0 ||
	    (r = html(o, title)) != 0 || (r = rp_buf_addstr(o, "</title>\n")) != 0 ||
	    (r = rp_buf_addstr(o, html_style)) != 0 ||
	    (r = rp_buf_addstr(o, "</head>\n<body>\n")) != 0)
		return r;
	for (i = 0; i < R->n && r == 0; i++) {
		const struct rec *x = &R->v[i];
		const char *c0 = x->n > 0 ? x->cell[0] : "";
		int more_c = i + 1 < R->n && R->v[i + 1].type == 'c';

		if (in_ul && x->type != 'l' && x->type != 'c') {
			in_ul = 0;
			if ((r = rp_buf_addstr(o, "</ul>\n")) != 0)
				break;
		}
		if (in_table && x->type != 'r') {
			in_table = 0;
			if ((r = rp_buf_addstr(o, "</tbody></table>\n")) != 0)
				break;
		}
		switch (x->type) {
		case 'H':
		case 'h':
			if ((r = rp_buf_addstr(o, x->type == 'H' ? "<h1>" : "<h2>")) == 0 &&
			    (r = html(o, c0)) == 0)
				r = rp_buf_addstr(o, x->type == 'H' ? "</h1>\n" : "</h2>\n");
			break;
		case 'p':
			if ((r = rp_buf_addstr(o, "<p>")) == 0 && (r = html(o, c0)) == 0)
				r = rp_buf_addstr(o, "</p>\n");
			break;
		case 'b':
			if ((r = rp_buf_addstr(o, "<p><strong>")) == 0 && (r = html(o, c0)) == 0)
				r = rp_buf_addstr(o, "</strong></p>\n");
			break;
		case 'l':
			if (!in_ul && (r = rp_buf_addstr(o, "<ul>\n")) != 0)
				break;
			in_ul = 1;
			if ((r = rp_buf_addstr(o, "<li>")) != 0)
				break;
			if (x->n > 1 && (r = rp_buf_addstr(o, "<b>")) == 0 && (r = html(o, c0)) == 0 &&
			    (r = rp_buf_addstr(o, "</b> ")) == 0)
				r = html(o, x->cell[1]);
			else if (x->n <= 1)
				r = html(o, c0);
			if (r == 0 && !more_c)
				r = rp_buf_addstr(o, "</li>\n");
			break;
		case 'c':
			if (!in_ul) {             /* a command on its own: a list of one */
				if ((r = rp_buf_addstr(o, "<ul>\n<li>")) != 0)
					break;
				in_ul = 1;
			}
			if ((r = rp_buf_addstr(o, "<br><code>")) == 0 && (r = html(o, c0)) == 0)
				r = rp_buf_addstr(o, more_c ? "</code>" : "</code></li>\n");
			break;
		case 'T':
		case 'r':
			if (x->type == 'T' && (r = rp_buf_addstr(o, "<table>\n<thead>")) != 0)
				break;
			if (x->type == 'r' && !in_table && (r = rp_buf_addstr(o, "<table><tbody>\n")) != 0)
				break;
			if ((r = rp_buf_addstr(o, "<tr>")) != 0)
				break;
			for (k = 0; k < x->n && r == 0; k++)
				/* a short cell (a phone number, a date) stays on one line, as in text */
				if ((r = rp_buf_addstr(o, x->type == 'T' ? "<th>" :
				    cols(x->cell[k], strlen(x->cell[k])) <= 20 ? "<td class=\"n\">" :
				    "<td>")) == 0 && (r = html(o, x->cell[k])) == 0)
					r = rp_buf_addstr(o, x->type == 'T' ? "</th>" : "</td>");
			if (r == 0)
				r = rp_buf_addstr(o, x->type == 'T' ? "</tr></thead>\n<tbody>\n" : "</tr>\n");
			in_table = 1;
			break;
		}
	}
	if (r == 0 && in_ul)
		r = rp_buf_addstr(o, "</ul>\n");
	if (r == 0 && in_table)
		r = rp_buf_addstr(o, "</tbody></table>\n");
	return r ? r : rp_buf_addstr(o, "</body>\n</html>\n");
}

int
rp_doc_render(const char *doc, size_t len, int format, const char *lang, struct rp_buf *out)
{
	struct recs R = { NULL, 0, 0 };
	int r;

	if ((r = rp_doc_each(doc, len, recs_add, &R)) != 0)
		goto out;
	switch (format) {
	case RP_DOC_TEXT: r = render_text(&R, lang, out); break;
	case RP_DOC_MD:   r = render_md(&R, out); break;
	case RP_DOC_HTML: r = render_html(&R, lang, out); break;
	default:          r = RP_ERR_INVALID;
	}
out:
	recs_free(&R);
	return r;
}
