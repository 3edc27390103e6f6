#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <magic.h>

#include "core/err.h"
#include "core/memo.h"
#include "detect/format.h"
#include "detect/magic.h"
#include "detect/sig.h"
#include "detect/stats.h"

/* libmagic only needs the head; bounding it keeps the cost per file flat */
#define MAGIC_BYTES (8 * 1024)

/*
 * libmagic costs 200-600 us a call whatever the buffer's size (it walks its whole
 * database: ~230 us on random bytes, ~560 us on text, whose text tests run regular
 * expressions), and its answer is a pure function of the bytes it is given
 * (magic_buffer: no name, no descriptor, no stat): the answers for heads seen twice
 * are remembered (core/memo.h), 64 heads of at most MAGIC_BYTES per cookie.
 */
#define KEPT 64

/*
 * libmagic's soft magic (its database) looks for HTML markers starting in the first
 * 4 KiB of a text ("search/4096/c" tests in Magdir/sgml): rp_magic_mime_note as far.
 */
#define HTML_SEARCH 4096

/* MAGIC_BYTES of UTF-16 in UTF-8: at most 3 bytes a unit (4 a pair of two) */
#define U8_MAX (MAGIC_BYTES / 2 * 3)

struct rp_magic {
	magic_t cookie;
	/* libmagic without its database (MAGIC_NO_CHECK_SOFT): only its encoding and
	 * text tests, ~10 us a text against 500-1,100 us with the database */
	magic_t text;            /* opened at the first note (NULL until then) */
	int text_failed;
	unsigned char *u8;       /* a UTF-16 note's head in UTF-8 (U8_MAX), at the first */
	struct rp_memo *memo;
};

static magic_t
open_cookie(int extra)
{
	size_t bytes = MAGIC_BYTES;
	magic_t c;

	/*
	 * MIME type only; never look inside compressed data (we check structure
	 * ourselves and a decompression bomb must not cost us); skip the tests whose
	 * answer we do not use and that cost on every file (troff tokens, JSON and CSV
	 * parsers, tar: we check tar ourselves).
	 */
	c = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR |
	    MAGIC_NO_CHECK_TOKENS | MAGIC_NO_CHECK_JSON | MAGIC_NO_CHECK_CSV | MAGIC_NO_CHECK_TAR |
	    extra);
	if (c == NULL)
		return NULL;
	if (magic_load(c, NULL) != 0) {
		magic_close(c);
		return NULL;
	}
	magic_setparam(c, MAGIC_PARAM_BYTES_MAX, &bytes);
	return c;
}

int
rp_magic_new(struct rp_magic **out)
{
	struct rp_magic *m;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return RP_ERR_NOMEM;
	if (rp_memo_new(&m->memo, KEPT, MAGIC_BYTES) != 0) {
		free(m);
		return RP_ERR_NOMEM;
	}
	if ((m->cookie = open_cookie(0)) == NULL) {
		rp_magic_free(m);
		return RP_ERR_MAGIC;
	}
	*out = m;
	return 0;
}

void
rp_magic_free(struct rp_magic *m)
{
	if (m == NULL)
		return;
	if (m->cookie)
		magic_close(m->cookie);
	if (m->text)
		magic_close(m->text);
	free(m->u8);
	rp_memo_free(m->memo);
	free(m);
}

void
rp_magic_mime(struct rp_magic *m, const void *buf, size_t len, char *out, size_t n)
{
	const char *t;

	if (len > MAGIC_BYTES)
		len = MAGIC_BYTES;
	if ((t = rp_memo_get(m->memo, buf, len)) != NULL) {
		snprintf(out, n, "%s", t);
		return;
	}
	t = magic_buffer(m->cookie, buf, len);
	t = t ? t : "";
	snprintf(out, n, "%s", t);
	rp_memo_put(m->memo, buf, len, t);
}

/*
 * Whether s[i..] starts with the marker pat, as libmagic's "search/c" with its
 * whitespace flags reads it: letters in either case; a space in pat ("W") matches
 * one or more whitespace bytes, a '~' ("w": an optional blank) zero or more.
 */
static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int
marker_at(const unsigned char *s, size_t i, size_t len, const char *pat)
{
	size_t j = i;

	for (; *pat; pat++) {
		if (*pat == ' ' || *pat == '~') {
			if (*pat == ' ' && (j >= len || !is_blank(s[j])))
				return 0;
			while (j < len && is_blank(s[j]))
				j++;
			continue;
		}
		if (j >= len)
			return 0;
		if ((s[j] >= 'A' && s[j] <= 'Z' ? s[j] + ('a' - 'A') : s[j]) != (unsigned char)*pat)
			return 0;
		j++;
	}
	return 1;
}

/* The markers by which libmagic's database (Magdir/sgml) calls a text "text/html" (a tag
 * name followed by '>' or by whitespace, the end of the head counting as neither:
 * checked against libmagic 5.44 in test-magic); the first OPENING of them are those a
 * note may open with (a document's opening tags) */
static const char *const markers[] = {
	"<!doctype html", "<html>", "<html ", "<head>", "<head ", "<title>", "<title ",
	"<script>", "<script ", "<style>", "<style ", "<table>", "<table ", "<a~href=",
};
#define OPENING 7

/* Whether one of the first n markers starts at s[i] */
static int
marker_of(const unsigned char *s, size_t i, size_t len, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (marker_at(s, i, len, markers[k]))
			return 1;
	return 0;
}

/* Whether a text carries a marker starting in its first HTML_SEARCH bytes */
static int
html_marked(const unsigned char *s, size_t len)
{
	size_t i;

	/* a marker may start in the first HTML_SEARCH bytes and end after them */
	for (i = 0; i < len && i < HTML_SEARCH; i++)
		if (s[i] == '<' && marker_of(s, i, len, sizeof(markers) / sizeof(markers[0])))
			return 1;
	return 0;
}

/*
 * Whether a head opens as a note does, where libmagic's database names a text only by
 * what it carries, not by its opening bytes: after blanks (and a UTF-8 byte order mark)
 * prose (a letter, a digit or a byte of a non-ASCII character); a banner of one
 * decoration repeated ("!!! All of your files", "---= GANDCRAB", "~~~ LockBit",
 * "$$$$", "====", "****", ">> "), except a PEM or PGP armour ("-----BEGIN ") and
 * the opening of a diff ("*** a.c", "--- a.c"); or HTML, one of html_marked's
 * markers right there ("<html><head>", "<!DOCTYPE html>"). The texts libmagic's
 * database types by their opening bytes open otherwise: "%PDF-", "%!PS", "{\rtf",
 * "#!/bin/sh", "<?xml", "<svg"...: those heads go to libmagic whole. A UTF-16 head
 * is judged in UTF-8 (rp_magic_mime_note converts it, as libmagic does before its
 * text tests): its byte order mark is no letter.
 */
#define BANNER_MIN 3

static int
opens_as_note(const unsigned char *s, size_t len)
{
	static const char banner[] = "!-~=*$>";
	size_t i = 0, k;

	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff)))
		return 0;           /* not converted */
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		i = 3;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i >= len)
		return 0;
	if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	    (s[i] >= '0' && s[i] <= '9') || s[i] >= 0x80)
		return 1;
	if (s[i] == '<')
		return marker_of(s, i, len, OPENING);
	if (s[i] == 0 || strchr(banner, s[i]) == NULL)
		return 0;
	for (k = 1; i + k < len && s[i + k] == s[i]; k++)
		;
	if (k < (s[i] == '>' ? 2 : BANNER_MIN) || i + k >= len)
		return 0;
	/* "*** a.c" and "--- a.c" open a context or unified diff (libmagic: text/x-diff) */
	if (k == 3 && (s[i] == '*' || s[i] == '-') && (s[i + k] == ' ' || s[i + k] == '\t'))
		return 0;
	return !(len - i >= 11 && memcmp(s + i, "-----BEGIN ", 11) == 0);
}

/* A head in UTF-16 (after its byte order mark, either order) in UTF-8, as libmagic
 * converts it before its text tests; returns the bytes written to out (U8_MAX). */
static size_t
utf16_to_utf8(const unsigned char *s, size_t len, unsigned char *out)
{
	int be = s[0] == 0xfe;
	size_t i, o = 0;

	for (i = 2; i + 1 < len; i += 2) {
		uint32_t c = be ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];

		if (c >= 0xd800 && c < 0xdc00 && i + 3 < len) {
			uint32_t lo = be ? (uint32_t)s[i + 2] << 8 | s[i + 3] :
			    (uint32_t)s[i + 3] << 8 | s[i + 2];

			if (lo >= 0xdc00 && lo < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
				i += 2;
			}
		}
		if (c < 0x80) {
			out[o++] = (unsigned char)c;
		} else if (c < 0x800) {
			out[o++] = (unsigned char)(0xc0 | c >> 6);
			out[o++] = (unsigned char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			out[o++] = (unsigned char)(0xe0 | c >> 12);
			out[o++] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
			out[o++] = (unsigned char)(0x80 | (c & 0x3f));
		} else {
			out[o++] = (unsigned char)(0xf0 | c >> 18);
			out[o++] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
			out[o++] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
			out[o++] = (unsigned char)(0x80 | (c & 0x3f));
		}
	}
	return o;
}

void
rp_magic_mime_note(struct rp_magic *m, const void *buf, size_t len, char *out, size_t n)
{
	const unsigned char *s = buf;
	size_t slen;
	const char *t;

	if (len > MAGIC_BYTES)
		len = MAGIC_BYTES;
	slen = len;
	/* UTF-16: libmagic runs its text tests on the text in UTF-8; so do we */
	if (len >= 2 && ((s[0] == 0xff && s[1] == 0xfe) || (s[0] == 0xfe && s[1] == 0xff))) {
		if (m->u8 == NULL && (m->u8 = malloc(U8_MAX)) == NULL) {
			rp_magic_mime(m, buf, len, out, n);
			return;
		}
		slen = utf16_to_utf8(buf, len, m->u8);
		s = m->u8;
	}
	if (!opens_as_note(s, slen)) {
		rp_magic_mime(m, buf, len, out, n);
		return;
	}
	/* the cookie of the notes is opened at the first: a scan that finds none does
	 * not pay for it (libmagic loads its database into every cookie) */
	if (m->text == NULL && !m->text_failed && (m->text = open_cookie(MAGIC_NO_CHECK_SOFT)) == NULL)
		m->text_failed = 1;
	t = m->text ? magic_buffer(m->text, buf, len) : NULL;
	if (t == NULL || strcmp(t, "text/plain") != 0) {
		rp_magic_mime(m, buf, len, out, n);
		return;
	}
	snprintf(out, n, "%s", html_marked(s, slen) ? "text/html" : "text/plain");
}

/*
 * Under 1 KiB rp_block_random does not judge (256 byte values, too few bytes for its
 * chi-square): a short head is random when it has about as many distinct byte values
 * as n random bytes have (256 (1 - (255/256)^n), less four standard deviations: text
 * has a few dozen, a binary structure repeats its zeros) and no byte value more often
 * than random bytes would have it (its mean plus six standard deviations, plus 3).
 */
#define SHORT_MIN 64
#define SHORT_MAX 1024
/* rp_magic_head_opens_random's window: the shortest encrypted opening seen (a format's
 * header wiped by 64 encrypted bytes, the plain body behind: bench/RESULTS.md) */
#define OPEN_RANDOM 64

static int
short_random(const unsigned char *b, size_t n)
{
	unsigned cnt[256] = { 0 };
	double q, q2, mean, var, lambda;
	unsigned distinct = 0, most = 0;
	size_t i;

	for (i = 0; i < n; i++)
		cnt[b[i]]++;
	for (i = 0; i < 256; i++) {
		distinct += cnt[i] != 0;
		if (cnt[i] > most)
			most = cnt[i];
	}
	q = pow(255.0 / 256.0, (double)n);        /* a value absent */
	q2 = pow(254.0 / 256.0, (double)n);       /* two values absent */
	mean = 256.0 * (1.0 - q);
	var = 256.0 * q * (1.0 - q) + 256.0 * 255.0 * (q2 - q * q);
	lambda = (double)n / 256.0;
	return (double)distinct >= mean - 4.0 * sqrt(var > 0 ? var : 0) &&
	    (double)most <= lambda + 6.0 * sqrt(lambda) + 3.0;
}

int
rp_magic_head_random(const void *buf, size_t len)
{
	struct rp_stats st;

	if (len > MAGIC_BYTES)
		len = MAGIC_BYTES;
	if (len < SHORT_MIN)
		return 0;
	if (len < SHORT_MAX)
		return short_random(buf, len);
	rp_stats_reset(&st);
	rp_stats_add(&st, buf, len);
	return rp_block_random(&st);
}

int
rp_magic_head_opens_random(const void *buf, size_t len)
{
	const unsigned char *b = buf;
	size_t i;

	if (len < OPEN_RANDOM || !short_random(b, OPEN_RANDOM))
		return 0;
	/* 64 bytes of base64 or hex text may have as many distinct values: random bytes
	 * are all printable once in 10^27 */
	for (i = 0; i < OPEN_RANDOM; i++)
		if (b[i] >= 0x7f || (b[i] < 0x20 && b[i] != '\t' && b[i] != '\n' && b[i] != '\r'))
			return 1;
	return 0;
}

int
rp_magic_head_signed(const void *buf, size_t len)
{
	if (len > MAGIC_BYTES)
		len = MAGIC_BYTES;
	return rp_format_sniff(buf, len) != NULL || rp_sig_sniff(buf, len) != NULL;
}

void
rp_magic_counts(const struct rp_magic *m, uint64_t *calls, uint64_t *hits)
{
	rp_memo_counts(m->memo, calls, hits);
}
