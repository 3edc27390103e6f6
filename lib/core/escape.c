#include <string.h>

#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"

int
rp_utf8_valid(const void *v, size_t len)
{
	const unsigned char *s = v;
	size_t i = 0, n;

	while (i < len) {
		if ((n = rp_utf8_seq(s + i, len - i)) == 0)
			return 0;
		i += n;
	}
	return 1;
}

static const char hexd[] = "0123456789abcdef";

int
rp_esc_text(struct rp_buf *b, const void *v, size_t len)
{
	const unsigned char *s = v;
	size_t i = 0, n;
	int r = 0;

	while (i < len && r == 0) {
		unsigned c = s[i];
		char e[4] = { '\\', 'x', 0, 0 };

		if (c >= 0x20 && c < 0x7f && c != '\\') {
			r = rp_buf_addch(b, (int)c);
			i++;
			continue;
		}
		if (c >= 0x80 && (n = rp_utf8_seq(s + i, len - i)) > 1) {
			/* C1 controls (U+0080..U+009F) can move a terminal's cursor too */
			if (!(n == 2 && c == 0xc2 && s[i + 1] < 0xa0)) {
				r = rp_buf_add(b, s + i, n);
				i += n;
				continue;
			}
		}
		switch (c) {
		case '\\': r = rp_buf_add(b, "\\\\", 2); break;
		case '\n': r = rp_buf_add(b, "\\n", 2); break;
		case '\t': r = rp_buf_add(b, "\\t", 2); break;
		case '\r': r = rp_buf_add(b, "\\r", 2); break;
		default:
			e[2] = hexd[c >> 4];
			e[3] = hexd[c & 15];
			r = rp_buf_add(b, e, 4);
		}
		i++;
	}
	return r;
}

int
rp_esc_json(struct rp_buf *b, const void *v, size_t len, int *lossy)
{
	const unsigned char *s = v;
	size_t i = 0, n;
	int r = 0;

	while (i < len && r == 0) {
		unsigned c = s[i];

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			r = rp_buf_addch(b, (int)c);
			i++;
		} else if (c >= 0x80) {
			if ((n = rp_utf8_seq(s + i, len - i)) > 0) {
				r = rp_buf_add(b, s + i, n);
				i += n;
			} else {
				r = rp_buf_add(b, "\\ufffd", 6);
				if (lossy)
					*lossy = 1;
				i++;
			}
		} else {
			switch (c) {
			case '"':  r = rp_buf_add(b, "\\\"", 2); break;
			case '\\': r = rp_buf_add(b, "\\\\", 2); break;
			case '\n': r = rp_buf_add(b, "\\n", 2); break;
			case '\t': r = rp_buf_add(b, "\\t", 2); break;
			case '\r': r = rp_buf_add(b, "\\r", 2); break;
			default:   r = rp_buf_addf(b, "\\u%04x", c);
			}
			i++;
		}
	}
	return r;
}

int
rp_json_str(struct rp_buf *b, const char *s)
{
	int r;

	if ((r = rp_buf_addch(b, '"')) != 0 ||
	    (r = rp_esc_json(b, s, strlen(s), NULL)) != 0)
		return r;
	return rp_buf_addch(b, '"');
}

int
rp_json_kv(struct rp_buf *b, const char *key, const char *v)
{
	int r = rp_buf_addch(b, ',');

	return r ? r : rp_json_kstr(b, key, v);
}

int
rp_json_kstr(struct rp_buf *b, const char *key, const char *s)
{
	int r = key ? rp_buf_addf(b, "\"%s\":", key) : 0;

	if (r != 0)
		return r;
	if (s == NULL)
		return rp_buf_addstr(b, "null");
	if ((r = rp_buf_addch(b, '"')) != 0 ||
	    (r = rp_esc_json(b, s, strlen(s), NULL)) != 0)
		return r;
	return rp_buf_addch(b, '"');
}

int
rp_json_ktime(struct rp_buf *b, const char *key, int64_t t)
{
	int r = key ? rp_buf_addf(b, "\"%s\":", key) : 0;

	if (r != 0)
		return r;
	if (t == RP_TIME_UNSET)
		return rp_buf_addstr(b, "null");
	if ((r = rp_buf_addch(b, '"')) != 0 || (r = rp_time_fmt_utc(b, t)) != 0)
		return r;
	return rp_buf_addch(b, '"');
}

int
rp_esc_csv(struct rp_buf *b, const void *s, size_t len)
{
	struct rp_buf t = RP_BUF_INIT;
	int r, quote = 0;
	size_t i;

	if ((r = rp_esc_text(&t, s, len)) != 0)
		goto out;
	if (t.len && strchr("=+-@", t.buf[0]))
		quote = 2;
	for (i = 0; i < t.len && !quote; i++)
		if (t.buf[i] == ',' || t.buf[i] == '"' || t.buf[i] == ' ')
			quote = 1;
	if (quote && (r = rp_buf_addch(b, '"')) != 0)
		goto out;
	if (quote == 2 && (r = rp_buf_addch(b, '\'')) != 0)
		goto out;
	for (i = 0; i < t.len && r == 0; i++) {
		if (t.buf[i] == '"')
			r = rp_buf_addch(b, '"');
		if (r == 0)
			r = rp_buf_addch(b, t.buf[i]);
	}
	if (r == 0 && quote)
		r = rp_buf_addch(b, '"');
out:
	rp_buf_release(&t);
	return r;
}

int
rp_hex(struct rp_buf *b, const void *v, size_t len)
{
	const unsigned char *s = v;
	size_t i;
	int r;

	if ((r = rp_buf_grow(b, len * 2)) != 0)
		return r;
	for (i = 0; i < len; i++) {
		b->buf[b->len++] = hexd[s[i] >> 4];
		b->buf[b->len++] = hexd[s[i] & 15];
	}
	b->buf[b->len] = '\0';
	return 0;
}

/* The valid UTF-8 sequence at s, or 0 for an invalid byte or a control (C0 other
 * than the allowed ones, DEL, C1) that the escapers below replace. */
static size_t
printable_seq(const unsigned char *s, size_t len, const char *allowed)
{
	size_t n;

	if (s[0] < 0x20 || s[0] == 0x7f)
		return s[0] && strchr(allowed, s[0]) ? 1 : 0;
	if ((n = rp_utf8_seq(s, len)) == 2 && s[0] == 0xc2 && s[1] < 0xa0)
		return 0;
	return n;
}

#define REPLACEMENT "\xef\xbf\xbd"     /* U+FFFD */

/* How many bytes one U+FFFD stands for: a whole C1 control, else one invalid byte. */
static size_t
bad_len(const unsigned char *s, size_t len)
{
	size_t n = rp_utf8_seq(s, len);

	return n ? n : 1;
}

/* The next step of every escape: a run of printable text (and the control bytes in
 * allowed) as it is, or one invalid or control sequence as U+FFFD. *n: bytes used. */
static int
add_printable(struct rp_buf *b, const unsigned char *s, size_t len, const char *allowed,
    size_t *n)
{
	if ((*n = printable_seq(s, len, allowed)) > 0)
		return rp_buf_add(b, s, *n);
	*n = bad_len(s, len);
	return rp_buf_addstr(b, REPLACEMENT);
}

int
rp_esc_html(struct rp_buf *b, const void *v, size_t len)
{
	const unsigned char *s = v;
	size_t i = 0, n;
	int r = 0;

	while (i < len && r == 0) {
		switch (s[i]) {
		case '&':  r = rp_buf_addstr(b, "&amp;"); n = 1; break;
		case '<':  r = rp_buf_addstr(b, "&lt;"); n = 1; break;
		case '>':  r = rp_buf_addstr(b, "&gt;"); n = 1; break;
		case '"':  r = rp_buf_addstr(b, "&quot;"); n = 1; break;
		case '\'': r = rp_buf_addstr(b, "&#39;"); n = 1; break;
		default:
			r = add_printable(b, s + i, len - i, "\n\t", &n);
		}
		i += n;
	}
	return r;
}

/* What Markdown reads as markup anywhere in a line. */
#define MD_INLINE "\\`*_[]<>|~&!"

/* Whether s starts a Markdown block other than an ordered list item. */
static int
md_block_start(const unsigned char *s, size_t len)
{
	size_t i = 0, n;

	switch (s[0]) {
	case '>':
		return 1;
	case '#':
		while (i < len && i < 7 && s[i] == '#')
			i++;
		return i <= 6 && (i == len || s[i] == ' ' || s[i] == '\t');
	case '+':
		return len == 1 || s[1] == ' ' || s[1] == '\t';
	case '=':
		return strspn((const char *)s, "= ") >= len;
	case '-':
	case '*':
	case '_':
		if (s[0] != '_' && (len == 1 || s[1] == ' ' || s[1] == '\t'))
			return 1;
		for (i = 0, n = 0; i < len; i++)
			if (s[i] == s[0])
				n++;
			else if (s[i] != ' ' && s[i] != '\t')
				return 0;
		return n >= 3;
	}
	return 0;
}

int
rp_esc_md(struct rp_buf *b, const void *v, size_t len)
{
	const unsigned char *s = v;
	size_t i = 0, n, d;
	int r = 0;

	/* what would start a block at the beginning of a line (CommonMark): "# " a
	 * heading, "- " "+ " a list item, "1. " "1) " an ordered one, ">" a quote, a
	 * line of = or of - * _ an underline or a thematic break */
	if (len && md_block_start(s, len) && !strchr(MD_INLINE, s[0]))
		r = rp_buf_addch(b, '\\');        /* the inline escapes below do the others */
	for (d = 0; d < len && s[d] >= '0' && s[d] <= '9'; d++)
		;
	if (r == 0 && d > 0 && d < 10 && d < len && (s[d] == '.' || s[d] == ')') &&
	    (d + 1 == len || s[d + 1] == ' ' || s[d + 1] == '\t')) {
		if ((r = rp_buf_add(b, s, d)) != 0 || (r = rp_buf_addch(b, '\\')) != 0)
			return r;
		i = d;
	}
	while (i < len && r == 0) {
		if (s[i] == '\n' || s[i] == '\t') {
			r = rp_buf_addch(b, ' ');
			i++;
			continue;
		}
		if (s[i] < 0x80 && strchr(MD_INLINE, s[i]) && s[i] != '\0' &&
		    (r = rp_buf_addch(b, '\\')) != 0)
			break;
		r = add_printable(b, s + i, len - i, "", &n);
		i += n;
	}
	return r;
}

/* A run of ' followed by one of the characters a spreadsheet takes as a formula. */
static int
csv_needs_guard(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] == '\'')
		i++;
	return i < len && s[i] != '\0' && strchr("=+-@\t\r", s[i]) != NULL;
}

int
rp_esc_csv_data(struct rp_buf *b, const void *v, size_t len)
{
	const unsigned char *s = v;
	size_t i, n;
	int r, quote = 0, guard = csv_needs_guard(s, len);

	for (i = 0; i < len && !quote; i++)
		if (strchr(",\"\n\r ", s[i]) && s[i] != '\0')
			quote = 1;
	if ((quote || guard) && (r = rp_buf_addch(b, '"')) != 0)
		return r;
	if (guard && (r = rp_buf_addch(b, '\'')) != 0)
		return r;
	for (i = 0, r = 0; i < len && r == 0; i += n) {
		if (s[i] == '"') {
			r = rp_buf_add(b, "\"\"", 2);
			n = 1;
		} else {
			r = add_printable(b, s + i, len - i, "\n\t\r", &n);
		}
	}
	if (r == 0 && (quote || guard))
		r = rp_buf_addch(b, '"');
	return r;
}

const char *
rp_csv_unguard(const char *s)
{
	return s[0] == '\'' && csv_needs_guard((const unsigned char *)s + 1, strlen(s + 1)) ?
	    s + 1 : s;
}
