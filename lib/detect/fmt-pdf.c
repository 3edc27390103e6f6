/*
 * PDF: %PDF- header, %%EOF and startxref in the tail, an xref table or xref stream at
 * the startxref offset, the objects the xref table places inside sampled regions
 * ("N G obj" there), and the text between streams in sampled regions.
 */
#include <string.h>

#include "detect/fmt-list.h"
#include "detect/fmt-util.h"

int
rp_fmt_pdf_sniff(const unsigned char *h, size_t n)
{
	return rp_fmt_find(h, n < 1024 ? n : 1024, "%PDF-", 5) != NULL;
}

static int
pdf_ws(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
}

/* "N G obj" at p (after optional whitespace) */
static int
obj_at(const unsigned char *p, size_t n)
{
	size_t i = 0, d;

	while (i < n && pdf_ws(p[i]))
		i++;
	for (d = i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		;
	if (i == d || i >= n || !pdf_ws(p[i]))
		return 0;
	while (i < n && pdf_ws(p[i]))
		i++;
	for (d = i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		;
	if (i == d || i >= n || !pdf_ws(p[i]))
		return 0;
	while (i < n && pdf_ws(p[i]))
		i++;
	return n - i >= 3 && memcmp(p + i, "obj", 3) == 0;
}

/* the share of bytes that PDF syntax outside streams does not have */
static int
junk_segment(const unsigned char *p, size_t n)
{
	size_t i, bad = 0;

	if (n < 256)
		return 0;
	for (i = 0; i < n; i++)
		if ((p[i] < 0x20 && !pdf_ws(p[i])) || p[i] >= 0x80)
			bad++;
	return bad * 4 > n;
}

/*
 * Whether p[0..n) is PDF syntax outside streams as far as a byte count can tell: no
 * 16 consecutive bytes hold 6 that it does not have (controls but whitespace, bytes of
 * 0x80 and more). Objects, dictionaries, xref tables and trailers are ASCII; a string
 * in PDFDocEncoding has a high byte here and there, and UTF-16 strings pair NULs (white
 * space here) with ASCII; a 16-byte run of random bytes has about 10.
 */
static int
clean_syntax(const unsigned char *p, size_t n)
{
	size_t i, bad = 0;

	for (i = 0; i < n; i++) {
		bad += (p[i] < 0x20 && !pdf_ws(p[i])) || p[i] >= 0x80;
		if (i >= 16)
			bad -= (p[i - 16] < 0x20 && !pdf_ws(p[i - 16])) || p[i - 16] >= 0x80;
		if (bad >= 6)
			return 0;
	}
	return 1;
}

/*
 * A file cut short after whole objects: what follows the last "endobj" or "endstream"
 * of the tail up to the end of the file is syntax (the next object's start, an xref
 * table, a trailer), or the start of an object up to a "stream" keyword whose data
 * the file ends in. Stripes of random bytes over that syntax are no cut.
 */
static int
cut_after_object(const unsigned char *t, size_t tlen)
{
	const unsigned char *e1 = rp_fmt_rfind(t, tlen, "endobj", 6);
	const unsigned char *e2 = rp_fmt_rfind(t, tlen, "endstream", 9);
	const unsigned char *e, *st;

	if (e1 == NULL && e2 == NULL)
		return 0;
	e = e2 == NULL || (e1 != NULL && e1 + 6 > e2 + 9) ? e1 + 6 : e2 + 9;
	st = rp_fmt_rfind(e, tlen - (size_t)(e - t), "stream", 6);
	return clean_syntax(e, st ? (size_t)(st - e) : tlen - (size_t)(e - t));
}

/*
 * A file cut inside its last stream (an interrupted copy of a small PDF has no endobj
 * yet): the last "stream" keyword of the tail, and a FlateDecode stream behind it that
 * inflates without error up to the end of the file. Random bytes behind a kept header
 * fail to inflate within their first bytes.
 */
static int
cut_stream(const unsigned char *t, size_t tlen, uint64_t toff, uint64_t size)
{
	const unsigned char *k;
	size_t off, used;

	if (toff + tlen != size || (k = rp_fmt_rfind(t, tlen, "stream", 6)) == NULL)
		return 0;
	off = (size_t)(k - t) + 6;
	if (off < tlen && t[off] == '\r')
		off++;
	if (off >= tlen || t[off] != '\n' || tlen - off - 1 < 64)
		return 0;
	off++;
	return rp_fmt_inflate(t + off, tlen - off, 0, 64u << 20, &used, NULL, NULL) == 0 &&
	    used == tlen - off;
}

void
rp_fmt_pdf_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *t, *p, *q, *x;
	size_t hlen, tlen, i, k, avail, nobj = 0, nseg = 0;
	uint64_t toff, sx = 0, hoff = 0, at = 0;
	unsigned char ebuf[64];
	int found = 0, table = 0;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || (p = rp_fmt_find(h, hlen < 1024 ? hlen : 1024, "%PDF-", 5)) == NULL ||
	    hlen - (size_t)(p - h) < 8 || p[5] < '1' || p[5] > '9' || p[6] != '.') {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no %%PDF- header at the start");
	} else {
		r->head_intact = 1;
		hoff = (uint64_t)(p - h);
	}

	/* the tail: the last %%EOF, the startxref before it */
	t = rp_sample_tail(s, &tlen, &toff);
	r->tail_intact = 0;
	q = NULL;
	if (t) {
		size_t from = tlen > 4096 ? tlen - 4096 : 0;

		q = rp_fmt_rfind(t + from, tlen - from, "%%EOF", 5);
	}
	if (q == NULL) {
		/* cut short (an interrupted copy): objects and streams go on to the end; a
		 * fake header has random bytes there, stripes random runs in the syntax */
		r->truncated = r->head_intact == 1 && t && tlen >= 256 &&
		    (cut_after_object(t, tlen) || cut_stream(t, tlen, toff, s->size));
		rp_fmt_damage(r, s->size > 1024 ? s->size - 1024 : 0, "no %%%%EOF in the last bytes");
		return;
	}
	p = rp_fmt_rfind(t, (size_t)(q - t), "startxref", 9);
	if (p == NULL || q - p > 64) {
		rp_fmt_damage(r, toff + (size_t)(q - t), "no startxref before the last %%%%EOF");
		return;
	}
	for (i = 9; p + i < q && pdf_ws(p[i]); i++)
		;
	for (k = 0; p + i < q && p[i] >= '0' && p[i] <= '9' && k < 15; i++, k++)
		sx = sx * 10 + (uint64_t)(p[i] - '0');
	if (k == 0 || sx >= s->size) {
		rp_fmt_damage(r, toff + (size_t)(p - t), "startxref offset %llu is not in the file",
		    (unsigned long long)sx);
		return;
	}
	/* at that offset (tolerating a few bytes of drift and a prefix before %PDF-) */
	rp_rd_init(&rd, s, 4096);
	for (k = 0; k < 2 && !found; k++) {
		uint64_t base = sx + (k ? hoff : 0), o;

		if (k && hoff == 0)
			break;
		o = base > 16 ? base - 16 : 0;
		avail = s->size - o < 48 + 16 ? (size_t)(s->size - o) : 48 + 16;
		if ((x = rp_rd_get(&rd, o, avail)) == NULL)
			break;
		memcpy(ebuf, x, avail);
		for (i = 0; i < avail && !found; i++) {
			if (avail - i >= 4 && memcmp(ebuf + i, "xref", 4) == 0 &&
			    (i == 0 || ebuf[i - 1] != 't')) {
				found = table = 1;
				at = o + i;
			} else if (ebuf[i] >= '0' && ebuf[i] <= '9' && (i == 0 || pdf_ws(ebuf[i - 1])) &&
			    obj_at(ebuf + i, avail - i)) {
				found = 1;
				at = o + i;
			}
		}
	}
	if (!found) {
		if (rd.fail) {
			rp_fmt_ok(r, "header, %%%%EOF and startxref (probe budget spent)");
			return;
		}
		rp_fmt_damage(r, sx, "no xref table or xref stream at startxref offset %llu",
		    (unsigned long long)sx);
		return;
	}
	r->tail_intact = 1;
	/* an xref table: its entries, and the objects it places in sampled regions */
	if (table) {
		unsigned char line[32];
		uint64_t pos = at + 4, first = 0, cnt = 0, e, bad = 0, chk = 0, badoff = 0, esz = 20;

		if ((x = rp_rd_get(&rd, pos, 40)) == NULL)
			goto body;
		memcpy(line, x, 32);
		for (i = 0; i < 32 && pdf_ws(line[i]); i++)
			;
		for (k = i; i < 32 && line[i] >= '0' && line[i] <= '9'; i++)
			first = first * 10 + (line[i] - '0');
		if (i == k || i >= 32 || line[i] != ' ') {
			rp_fmt_damage(r, pos, "xref table at %llu: no subsection header",
			    (unsigned long long)at);
			return;
		}
		for (i++, k = i; i < 32 && line[i] >= '0' && line[i] <= '9'; i++)
			cnt = cnt * 10 + (line[i] - '0');
		while (i < 32 && (line[i] == ' ' || line[i] == '\r' || line[i] == '\n'))
			i++;
		pos += i;
		/* entries are 20 bytes; some writers end them with one byte (19) */
		if ((x = rp_rd_get(&rd, pos, 40)) != NULL && (x[18] == '\n' || x[18] == '\r') &&
		    x[19] >= '0' && x[19] <= '9')
			esz = 19;
		for (e = 0; e < cnt && e < 100000; e++) {
			uint64_t off = 0;

			if ((x = rp_rd_get(&rd, pos + esz * e, 20)) == NULL)
				break;
			for (k = 0; k < 10; k++) {
				if (x[k] < '0' || x[k] > '9')
					break;
				off = off * 10 + (x[k] - '0');
			}
			if (k < 10 || x[10] != ' ' || (x[17] != 'n' && x[17] != 'f')) {
				rp_fmt_damage(r, pos + esz * e, "xref entry at %llu is not valid",
				    (unsigned long long)(pos + esz * e));
				return;
			}
			if (x[17] == 'n' && off < s->size) {
				uint64_t o = off + hoff;
				const unsigned char *ob;

				if (o >= 8 && (ob = rp_sample_get(s, o - 8, 40)) != NULL) {
					chk++;
					if (!obj_at(ob, 40) && !obj_at(ob + 8, 32)) {
						if (bad++ == 0)
							badoff = o;
					}
				}
			}
		}
		nobj = chk;
		if (bad > 0 && bad * 8 > chk) {
			rp_fmt_damage(r, badoff, "%llu of %llu objects are not where the xref table "
			    "says (first at %llu)", (unsigned long long)bad, (unsigned long long)chk,
			    (unsigned long long)badoff);
			return;
		}
	}
body:
	/* outside streams, sampled regions hold PDF syntax, not random bytes */
	for (i = 0; i < s->nreg; i++) {
		const unsigned char *g = s->data + s->pos[i], *a, *b;
		size_t n = (size_t)s->reg[i].len, cur = 0;

		while (cur < n) {
			/* segment [cur, next "stream") then skip to the "endstream" after it */
			a = rp_fmt_find(g + cur, n - cur, "stream", 6);
			while (a && a > g + 3 && memcmp(a - 3, "end", 3) == 0 && a + 6 < g + n)
				a = rp_fmt_find(a + 6, n - (size_t)(a + 6 - g), "stream", 6);
			if (cur == 0 && i > 0) {
				/* a stride may start inside a stream: begin after the first endstream */
				b = rp_fmt_find(g, n, "endstream", 9);
				if (a == NULL && b == NULL)
					break;   /* all inside one stream, or all outside: unknown */
				if (b && (a == NULL || b < a + 6)) {
					cur = (size_t)(b - g) + 9;
					continue;
				}
			}
			k = a ? (size_t)(a - g) : n;
			if (junk_segment(g + cur, k - cur)) {
				rp_fmt_damage(r, s->reg[i].off + cur, "bytes that are not PDF syntax "
				    "between objects at %llu", (unsigned long long)(s->reg[i].off + cur));
				return;
			}
			nseg++;
			if (a == NULL)
				break;
			b = rp_fmt_find(a + 6, n - (size_t)(a + 6 - g), "endstream", 9);
			if (b == NULL)
				break;
			cur = (size_t)(b - g) + 9;
		}
	}
	r->body_checked = nseg > 0;
	rp_fmt_ok(r, "header, %s at startxref %llu, %%%%EOF, %zu objects where the xref says",
	    table ? "xref table" : "xref stream", (unsigned long long)sx, nobj);
}
