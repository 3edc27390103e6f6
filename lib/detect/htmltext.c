/* HTML/HTA note text: see htmltext.h. */
#include <stdint.h>
#include <string.h>

#include "detect/htmltext.h"

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Whether P[0..N) starts with the ASCII lower-case WORD, case folded. */
static int
starts(const unsigned char *p, size_t n, const char *word)
{
	size_t i, k = strlen(word);

	if (n < k)
		return 0;
	for (i = 0; i < k; i++)
		if (lower(p[i]) != (unsigned char)word[i])
			return 0;
	return 1;
}

int
rp_htmltext_is_html(const unsigned char *p, size_t n)
{
	static const char *const tags[] = { "<html", "<body", "<head", "<p>", "<p ", "<br",
	    "<div", "<hta:", "<!doctype html" };
	const unsigned char *q = p, *end = p + n;
	size_t t;

	while ((q = memchr(q, '<', (size_t)(end - q))) != NULL) {
		for (t = 0; t < sizeof(tags) / sizeof(tags[0]); t++)
			if (starts(q, (size_t)(end - q), tags[t]))
				return 1;
		q++;
	}
	return 0;
}

/* Position after the first case-folded occurrence of WORD in P[0..N), or N. */
static size_t
skip_past(const unsigned char *p, size_t n, const char *word)
{
	size_t i, k = strlen(word);

	for (i = 0; i + k <= n; i++)
		if (starts(p + i, n - i, word))
			return i + k;
	return n;
}

/* Tags that break a line in a browser: a word before them does not run into the word
 * after them. Others (b, i, span, a, font) join their neighbours. */
static int
breaks_line(const unsigned char *name, size_t k)
{
	static const char *const block[] = { "br", "p", "div", "li", "tr", "td", "th", "h1",
	    "h2", "h3", "h4", "h5", "h6", "title", "body", "head", "html", "table", "ul", "ol",
	    "hr", "pre", "center", "blockquote", "hta:application", "dd", "dt", "section" };
	size_t t;

	for (t = 0; t < sizeof(block) / sizeof(block[0]); t++)
		if (strlen(block[t]) == k && starts(name, k, block[t]))
			return 1;
	return 0;
}

static size_t
put_utf8(unsigned char *o, uint32_t u)
{
	if (u == 0 || (u >= 0xd800 && u < 0xe000) || u > 0x10ffff) {
		o[0] = ' ';
		return 1;
	}
	if (u < 0x80) {
		o[0] = (unsigned char)u;
		return 1;
	}
	if (u < 0x800) {
		o[0] = (unsigned char)(0xc0 | u >> 6);
		o[1] = (unsigned char)(0x80 | (u & 0x3f));
		return 2;
	}
	if (u < 0x10000) {
		o[0] = (unsigned char)(0xe0 | u >> 12);
		o[1] = (unsigned char)(0x80 | ((u >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (u & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | u >> 18);
	o[1] = (unsigned char)(0x80 | ((u >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((u >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (u & 0x3f));
	return 4;
}

/* Decodes the character reference at P[0..N) (P[0] == '&') into O; returns the bytes
 * of markup it took (0: not a reference, copy the '&'). What it writes is never
 * longer than what it took: a value of 0x80 or more takes at least "&#128;". */
static size_t
entity(const unsigned char *p, size_t n, unsigned char *o, size_t *wrote)
{
	static const struct { const char *name; unsigned char c; } named[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' },
		{ "apos;", '\'' }, { "nbsp;", ' ' },
	};
	size_t i = 1, t, digits = 0;
	uint32_t u = 0;
	int hex;

	if (n > 1 && p[1] == '#') {
		i = 2;
		hex = i < n && (p[i] == 'x' || p[i] == 'X');
		i += (size_t)hex;
		for (; i < n && digits < 8; i++, digits++) {
			int c = lower(p[i]), d;

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else
				break;
			u = u * (hex ? 16u : 10u) + (uint32_t)d;
		}
		if (digits == 0 || i >= n || p[i] != ';')
			return 0;
		*wrote = put_utf8(o, u);
		return i + 1;
	}
	for (t = 0; t < sizeof(named) / sizeof(named[0]); t++)
		if (starts(p + 1, n - 1, named[t].name)) {
			o[0] = named[t].c;
			*wrote = 1;
			return 1 + strlen(named[t].name);
		}
	return 0;
}

/*
 * Writes white space C to OUT[*O]: as the reader sees it, not as the markup spells it.
 * A run of spaces, tabs and carriage returns is one space, none next to a line break;
 * line breaks (the source's and the block tags') at most two in a row, one blank line.
 * Each block tag and each source line wrote its own before (the title, the <p> around a
 * line and the line's end: three line breaks a line), and a short note of a few lines
 * came out longer than the short-note rules' size (issue 20: a French note of 784 bytes,
 * 16 lines, was 602 bytes of text, the rules' limit 600; 470 as it reads).
 */
static void
put_space(unsigned char *out, size_t *o, unsigned char c)
{
	if (c == '\n') {
		while (*o > 0 && out[*o - 1] == ' ')
			(*o)--;
		if (!(*o >= 2 && out[*o - 1] == '\n' && out[*o - 2] == '\n'))
			out[(*o)++] = '\n';
	} else if (*o > 0 && out[*o - 1] != ' ' && out[*o - 1] != '\n') {
		out[(*o)++] = ' ';
	}
}

static int
space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int
rp_htmltext_strip(const unsigned char *p, size_t n, unsigned char *out, size_t *outlen)
{
	size_t i = 0, o = 0;

	while (i < n) {
		if (p[i] == '<') {
			const unsigned char *gt;
			size_t k = 0, nm = i + 1;

			if (starts(p + i, n - i, "<!--")) {
				i += 4 + skip_past(p + i + 4, n - i - 4, "-->");
				continue;
			}
			gt = memchr(p + i, '>', n - i);
			if (gt == NULL) {   /* no tag: the rest is text */
				out[o++] = p[i++];
				continue;
			}
			if (nm < n && p[nm] == '/')
				nm++;
			while (nm + k < n && p[nm + k] != '>' && p[nm + k] != ' ' && p[nm + k] != '/' &&
			    p[nm + k] != '\t' && p[nm + k] != '\n' && p[nm + k] != '\r')
				k++;
			if (p[i + 1] != '/' && ((k == 5 && starts(p + nm, k, "style")) ||
			    (k == 6 && starts(p + nm, k, "script")))) {
				size_t from = (size_t)(gt - p) + 1;

				i = from + skip_past(p + from, n - from, k == 5 ? "</style" : "</script");
				gt = memchr(p + i, '>', n - i);
				i = gt ? (size_t)(gt - p) + 1 : n;
				continue;
			}
			if (breaks_line(p + nm, k))
				put_space(out, &o, '\n');
			i = (size_t)(gt - p) + 1;
		} else if (p[i] == '&') {
			size_t w = 0, took = entity(p + i, n - i, out + o, &w);

			if (took == 0) {
				out[o++] = p[i++];
			} else {
				o += w;
				i += took;
			}
		} else if (space(p[i])) {
			put_space(out, &o, p[i++]);
		} else {
			out[o++] = p[i++];
		}
	}
	*outlen = o;
	return 0;
}
