/*
 * The links of a body. Plain text: every http://, https://, ftp:// URL and every
 * "www." host. HTML: each <a href> with the text of its link (the text people see),
 * the src= and action= attributes, and the URLs written in the text. A link whose
 * text shows a host that is not the target's (compared by registrable domain:
 * "paypal.com" shown, "paypal.com.evil.example" reached) is the classic phishing
 * link. Bounded: text len is the caller's, 1,000 links at most per message (the sink).
 * Parses attacker-controlled HTML: fuzzed (tests/fuzz/fuzz-mail-text.c).
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "mail/internal.h"

static int
url_char(unsigned char c)
{
	return c > ' ' && c != '<' && c != '>' && c != '"' && c != '\'' && c != '`' && c != 0x7f;
}

/* the end of a URL starting at p, trailing punctuation left out */
static size_t
url_len(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && url_char((unsigned char)*q))
		q++;
	while (q > p && strchr(".,;:!?)]}*", q[-1]))
		q--;
	return (size_t)(q - p);
}

static const char *
find_scheme(const char *p, const char *end, size_t *skip)
{
	static const char *const schemes[] = { "http://", "https://", "ftp://", "www." };
	const char *best = NULL;

	for (; p < end; p++) {
		char c = (char)(*p | 0x20);
		size_t i;

		if (c != 'h' && c != 'f' && c != 'w')
			continue;
		for (i = 0; i < 4; i++) {
			size_t n = strlen(schemes[i]);

			if ((size_t)(end - p) > n && strncasecmp(p, schemes[i], n) == 0) {
				*skip = 0;
				best = p;
				return best;
			}
		}
	}
	return NULL;
}

static void
text_urls(const char *s, size_t len, const char *start,
    void (*fn)(void *, const char *, size_t, const char *, size_t), void *ctx)
{
	const char *p = s, *end = s + len;
	size_t skip, n;

	(void)start;
	while ((p = find_scheme(p, end, &skip)) != NULL) {
		if (p > s && strncasecmp(p, "www.", 4) == 0 && p[-1] != ' ' && p[-1] != '\n' &&
		    p[-1] != '(' && p[-1] != '\t' && p[-1] != '>' && p[-1] != '\r') {
			p += 4;
			continue;
		}
		n = url_len(p, end);
		if (n > 8)
			fn(ctx, p, n, NULL, 0);
		p += n ? n : 1;
	}
}

void
mail_url_host(const char *url, size_t len, char *out, size_t n)
{
	const char *p = url, *end = url + len, *h, *at;
	size_t k = 0;

	out[0] = '\0';
	if (n == 0)
		return;
	h = memmem(p, len < 16 ? len : 16, "://", 3);
	p = h ? h + 3 : (len >= 2 && p[0] == '/' && p[1] == '/') ? p + 2 : p;
	/* userinfo@host: the host is after the last '@' before the path */
	h = p;
	while (h < end && *h != '/' && *h != '?' && *h != '#' && *h != '\\')
		h++;
	at = memrchr(p, '@', (size_t)(h - p));
	if (at)
		p = at + 1;
	for (; p < h && *p != ':' && k + 1 < n; p++)
		out[k++] = (char)tolower((unsigned char)*p);
	while (k && out[k - 1] == '.')
		k--;
	out[k] = '\0';
}

/* the registrable part of a host: the last two labels, three under a short
 * second level ("co.uk", "com.au") */
static const char *
registrable(const char *h)
{
	const char *last = strrchr(h, '.'), *p, *second = NULL;

	if (last == NULL)
		return h;
	for (p = last - 1; p > h; p--)
		if (*p == '.') {
			second = p;
			break;
		}
	if (second == NULL)
		return h;
	if (strlen(last + 1) == 2 && (size_t)(last - second - 1) <= 3) {
		for (p = second - 1; p > h; p--)
			if (*p == '.')
				return p + 1;
		return h;
	}
	return second + 1;
}

int
mail_link_mismatch(const char *text, size_t tlen, const char *host, char *shown, size_t n)
{
	char th[256];
	const char *p = text, *end = text + tlen, *q;
	size_t k = 0;
	int dots = 0;

	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	/* the text must be (or start with) a URL or a host name */
	q = p;
	if ((size_t)(end - q) > 7 && (strncasecmp(q, "http://", 7) == 0 ||
	    ((size_t)(end - q) > 8 && strncasecmp(q, "https://", 8) == 0))) {
		mail_url_host(q, url_len(q, end), th, sizeof(th));
	} else {
		for (; q < end && k + 1 < sizeof(th); q++) {
			unsigned char c = (unsigned char)*q;

			if (isalnum(c) || c == '-' || c == '.') {
				th[k++] = (char)tolower(c);
				dots += c == '.';
			} else {
				break;
			}
		}
		th[k] = '\0';
		/* a bare host: at least one dot, a letter TLD, followed by nothing or a path */
		if (dots == 0 || k < 4 || (q < end && *q != '/' && *q != ' ' && *q != '\n'))
			return 0;
		while (k && th[k - 1] == '.')
			th[--k] = '\0';
		{
			const char *tld = strrchr(th, '.');

			if (tld == NULL || strlen(tld + 1) < 2 || !isalpha((unsigned char)tld[1]))
				return 0;
		}
	}
	if (th[0] == '\0')
		return 0;
	snprintf(shown, n, "%s", th);
	return strcasecmp(registrable(th), registrable(host)) != 0;
}

/* ---- HTML ---- */

static int
entity(const char *p, const char *end, char *out, size_t *used)
{
	static const struct { const char *n; char c; } ents[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' }, { "apos;", '\'' },
		{ "nbsp;", ' ' }, { "#47;", '/' }, { "#58;", ':' }, { "#46;", '.' } };
	size_t i;

	for (i = 0; i < sizeof(ents) / sizeof(ents[0]); i++) {
		size_t n = strlen(ents[i].n);

		if ((size_t)(end - p) >= n && strncasecmp(p, ents[i].n, n) == 0) {
			*out = ents[i].c;
			*used = n;
			return 1;
		}
	}
	if (p < end && *p == '#') {
		unsigned long v = 0;
		const char *q = p + 1;
		int hex = q < end && (*q == 'x' || *q == 'X');

		if (hex)
			q++;
		while (q < end && q - p < 10 && isxdigit((unsigned char)*q) &&
		    (hex || isdigit((unsigned char)*q))) {
			v = v * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)*q) ? *q - '0' :
			    (tolower((unsigned char)*q) - 'a' + 10));
			q++;
		}
		if (q < end && *q == ';' && v > 0 && v < 128) {
			*out = (char)v;
			*used = (size_t)(q + 1 - p);
			return 1;
		}
	}
	return 0;
}

/* appends s decoded of entities, whitespace folded */
static void
add_decoded(struct rp_buf *b, const char *s, size_t n, size_t max)
{
	const char *p = s, *end = s + n;

	while (p < end && b->len < max) {
		char c = *p;
		size_t used;

		if (c == '&' && entity(p + 1, end, &c, &used)) {
			p += used + 1;
		} else {
			p++;
		}
		if (c == '\r' || c == '\n' || c == '\t')
			c = ' ';
		if (c == ' ' && (b->len == 0 || b->buf[b->len - 1] == ' '))
			continue;
		rp_buf_addch(b, c);
	}
}

int
mail_html_text(struct rp_buf *out, const char *s, size_t len, size_t max)
{
	const char *p = s, *end = s + len;

	while (p < end && out->len < max) {
		const char *lt = memchr(p, '<', (size_t)(end - p));
		const char *stop = lt ? lt : end;

		add_decoded(out, p, (size_t)(stop - p), max);
		if (lt == NULL)
			break;
		/* skip <script> and <style> with their content */
		if ((size_t)(end - lt) > 7 && (strncasecmp(lt, "<script", 7) == 0 ||
		    strncasecmp(lt, "<style", 6) == 0)) {
			const char *close = lt[2] == 'c' || lt[2] == 'C' ? "</script" : "</style";
			const char *q = lt + 1;

			while (q < end && (q = memchr(q, '<', (size_t)(end - q))) != NULL &&
			    !((size_t)(end - q) >= strlen(close) && strncasecmp(q, close, strlen(close)) == 0))
				q++;
			p = q ? q : end;
			if (p < end) {
				const char *gt = memchr(p, '>', (size_t)(end - p));

				p = gt ? gt + 1 : end;
			}
			continue;
		}
		{
			const char *gt = memchr(lt, '>', (size_t)(end - lt));

			p = gt ? gt + 1 : end;
			/* block elements separate words */
			if (out->len && out->buf[out->len - 1] != ' ')
				rp_buf_addch(out, ' ');
		}
	}
	return 0;
}

/* the value of attribute attr in tag [t, tend) */
static int
attr(const char *t, const char *tend, const char *name, const char **v, size_t *vl)
{
	size_t n = strlen(name);
	const char *p = t;

	while (p < tend) {
		const char *q;

		while (p < tend && !isspace((unsigned char)*p))
			p++;
		while (p < tend && isspace((unsigned char)*p))
			p++;
		if ((size_t)(tend - p) <= n || strncasecmp(p, name, n) != 0) {
			continue;
		}
		q = p + n;
		while (q < tend && isspace((unsigned char)*q))
			q++;
		if (q >= tend || *q != '=')
			continue;
		q++;
		while (q < tend && isspace((unsigned char)*q))
			q++;
		if (q < tend && (*q == '"' || *q == '\'')) {
			const char *e = memchr(q + 1, *q, (size_t)(tend - q - 1));

			if (e == NULL)
				e = tend;
			*v = q + 1;
			*vl = (size_t)(e - q - 1);
		} else {
			const char *e = q;

			while (e < tend && !isspace((unsigned char)*e))
				e++;
			*v = q;
			*vl = (size_t)(e - q);
		}
		return 1;
	}
	return 0;
}

static int
is_tag(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);

	return (size_t)(end - p) > n + 1 && strncasecmp(p + 1, name, n) == 0 &&
	    (isspace((unsigned char)p[n + 1]) || p[n + 1] == '>' || p[n + 1] == '/');
}

static void
emit_attr_url(const char *v, size_t vl, const char *text, size_t tl,
    void (*fn)(void *, const char *, size_t, const char *, size_t), void *ctx)
{
	struct rp_buf u = RP_BUF_INIT;

	rp_buf_init(&u, 8192);
	add_decoded(&u, v, vl, 8192);
	while (u.len && u.buf[u.len - 1] == ' ')
		rp_buf_setlen(&u, u.len - 1);
	{
		const char *s = u.buf;

		while (*s == ' ')
			s++;
		if (strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0 ||
		    strncasecmp(s, "ftp://", 6) == 0 || strncasecmp(s, "//", 2) == 0)
			fn(ctx, s, strlen(s), text, tl);
	}
	rp_buf_release(&u);
}

void
mail_urls(const char *s, size_t len, int html,
    void (*fn)(void *ctx, const char *url, size_t ulen, const char *text, size_t tlen),
    void *ctx)
{
	const char *p = s, *end = s + len;
	struct rp_buf txt = RP_BUF_INIT;

	if (!html) {
		text_urls(s, len, s, fn, ctx);
		return;
	}
	rp_buf_init(&txt, 4096);
	while (p < end) {
		const char *lt = memchr(p, '<', (size_t)(end - p)), *gt;
		const char *v;
		size_t vl;

		if (lt == NULL)
			break;
		if ((gt = memchr(lt, '>', (size_t)(end - lt))) == NULL)
			break;
		if (is_tag(lt, end, "a") || is_tag(lt, end, "area")) {
			if (attr(lt, gt, "href", &v, &vl)) {
				/* the link's text: up to </a> */
				const char *c = gt + 1, *close = NULL;

				while (c < end && (c = memchr(c, '<', (size_t)(end - c))) != NULL) {
					if ((size_t)(end - c) >= 4 && strncasecmp(c, "</a", 3) == 0) {
						close = c;
						break;
					}
					c++;
				}
				rp_buf_reset(&txt);
				mail_html_text(&txt, gt + 1, (size_t)((close ? close : gt + 1) - gt - 1), 2048);
				emit_attr_url(v, vl, txt.buf, txt.len, fn, ctx);
			}
		} else if (attr(lt, gt, "src", &v, &vl) || attr(lt, gt, "action", &v, &vl)) {
			emit_attr_url(v, vl, NULL, 0, fn, ctx);
		}
		p = gt + 1;
	}
	rp_buf_release(&txt);
	/* and the URLs written as text */
	{
		struct rp_buf t = RP_BUF_INIT;

		rp_buf_init(&t, len + 16);
		mail_html_text(&t, s, len, len);
		text_urls(t.buf, t.len, t.buf, fn, ctx);
		rp_buf_release(&t);
	}
}
