/*
 * Bank-detail fraud: a message from one of our mailboxes that announces new bank
 * details (English, French, German, Italian wording: data/mail/bec.txt) with an IBAN
 * that is not the site's own. IBANs are ISO 13616: the country's length, then the
 * check digits by mod 97 = 1 after moving the first four characters to the end and
 * turning letters into numbers (A = 10 ... Z = 35). Parses attacker-controlled text:
 * fuzzed (tests/fuzz/fuzz-mail-text.c).
 */
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/data.h"
#include "core/err.h"
#include "mail/internal.h"

/* IBAN lengths of the SWIFT IBAN registry */
static const struct { char cc[3]; unsigned char len; } iban_len[] = {
	{ "AD", 24 }, { "AE", 23 }, { "AL", 28 }, { "AT", 20 }, { "AZ", 28 }, { "BA", 20 },
	{ "BE", 16 }, { "BG", 22 }, { "BH", 22 }, { "BI", 27 }, { "BR", 29 }, { "BY", 28 },
	{ "CH", 21 }, { "CR", 22 }, { "CY", 28 }, { "CZ", 24 }, { "DE", 22 }, { "DJ", 27 },
	{ "DK", 18 }, { "DO", 28 }, { "EE", 20 }, { "EG", 29 }, { "ES", 24 }, { "FI", 18 },
	{ "FK", 18 }, { "FO", 18 }, { "FR", 27 }, { "GB", 22 }, { "GE", 22 }, { "GI", 23 },
	{ "GL", 18 }, { "GR", 27 }, { "GT", 28 }, { "HR", 21 }, { "HU", 28 }, { "IE", 22 },
	{ "IL", 23 }, { "IQ", 23 }, { "IS", 26 }, { "IT", 27 }, { "JO", 30 }, { "KW", 30 },
	{ "KZ", 20 }, { "LB", 28 }, { "LC", 32 }, { "LI", 21 }, { "LT", 20 }, { "LU", 20 },
	{ "LV", 21 }, { "LY", 25 }, { "MC", 27 }, { "MD", 24 }, { "ME", 22 }, { "MK", 19 },
	{ "MN", 20 }, { "MR", 27 }, { "MT", 31 }, { "MU", 30 }, { "NI", 28 }, { "NL", 18 },
	{ "NO", 15 }, { "OM", 23 }, { "PK", 24 }, { "PL", 28 }, { "PS", 29 }, { "PT", 25 },
	{ "QA", 29 }, { "RO", 24 }, { "RS", 22 }, { "RU", 33 }, { "SA", 24 }, { "SC", 31 },
	{ "SD", 18 }, { "SE", 24 }, { "SI", 19 }, { "SK", 24 }, { "SM", 27 }, { "SO", 23 },
	{ "ST", 25 }, { "SV", 28 }, { "TL", 23 }, { "TN", 24 }, { "TR", 26 }, { "UA", 29 },
	{ "VA", 22 }, { "VG", 24 }, { "XK", 20 }, { "YE", 30 },
};

static int
country_len(const char *cc)
{
	size_t lo = 0, hi = sizeof(iban_len) / sizeof(iban_len[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = memcmp(cc, iban_len[mid].cc, 2);

		if (c == 0)
			return iban_len[mid].len;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

static int
up(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static int
alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* mod 97 of the rearranged compact IBAN of n characters */
static int
mod97(const char *s, size_t n)
{
	unsigned r = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		int c = up((unsigned char)s[(i + 4) % n]);

		if (c >= '0' && c <= '9')
			r = (r * 10 + (unsigned)(c - '0')) % 97;
		else if (c >= 'A' && c <= 'Z')
			r = (r * 100 + (unsigned)(c - 'A' + 10)) % 97;
		else
			return -1;
	}
	return (int)r;
}

int
rp_mail_iban_valid(const char *s, size_t len, char out[35])
{
	char c[35];
	size_t n = 0, i;
	int want;

	for (i = 0; i < len; i++) {
		if (s[i] == ' ')
			continue;
		if (!alnum((unsigned char)s[i]) || n == 34)
			return 0;
		c[n++] = (char)up((unsigned char)s[i]);
	}
	c[n] = '\0';
	if (n < 15 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' ||
	    c[2] < '0' || c[2] > '9' || c[3] < '0' || c[3] > '9')
		return 0;
	if ((want = country_len(c)) == 0 || (size_t)want != n)
		return 0;
	if (mod97(c, n) != 1)
		return 0;
	memcpy(out, c, n + 1);
	return 1;
}

void
mail_iban_each(const char *s, size_t len, int (*fn)(void *ctx, const char *iban), void *ctx)
{
	size_t i;

	for (i = 0; i + 15 <= len; i++) {
		char c[35], iban[35];
		size_t j, n = 0;
		int want;

		if (s[i] < 'A' || s[i] > 'Z' || s[i + 1] < 'A' || s[i + 1] > 'Z' ||
		    s[i + 2] < '0' || s[i + 2] > '9' || s[i + 3] < '0' || s[i + 3] > '9')
			continue;
		if (i > 0 && alnum((unsigned char)s[i - 1]))
			continue;
		if ((want = country_len(s + i)) == 0)
			continue;
		/* the compact form, single spaces (and the groups of four) skipped */
		for (j = i; j < len && n < (size_t)want; j++) {
			if (s[j] == ' ' && j + 1 < len && alnum((unsigned char)s[j + 1]) && j > i &&
			    s[j - 1] != ' ')
				continue;
			if (!alnum((unsigned char)s[j]))
				break;
			c[n++] = s[j];
		}
		if (n != (size_t)want || (j < len && alnum((unsigned char)s[j])))
			continue;
		c[n] = '\0';
		if (rp_mail_iban_valid(c, n, iban) && fn(ctx, iban) != 0)
			return;
		i = j - 1;
	}
}

/* ---- wording ---- */

struct phrase {
	char *text;        /* normalised; parts separated by '\0' */
	size_t nparts;
	char lang[4];
	char *shown;       /* as written in the data file */
};

struct mail_bec_words {
	struct phrase *v;
	size_t n, cap;
};

/* Latin letters with accents, as UTF-8 two-byte sequences, folded to ASCII */
static const char *
fold2(unsigned char a, unsigned char b)
{
	unsigned cp = ((unsigned)(a & 0x1f) << 6) | (b & 0x3f);

	if (cp >= 0xc0 && cp <= 0xc5) return "a";
	if (cp == 0xc6) return "ae";
	if (cp == 0xc7) return "c";
	if (cp >= 0xc8 && cp <= 0xcb) return "e";
	if (cp >= 0xcc && cp <= 0xcf) return "i";
	if (cp == 0xd1) return "n";
	if ((cp >= 0xd2 && cp <= 0xd6) || cp == 0xd8) return "o";
	if (cp >= 0xd9 && cp <= 0xdc) return "u";
	if (cp == 0xdd) return "y";
	if (cp == 0xdf) return "ss";
	if (cp >= 0xe0 && cp <= 0xe5) return "a";
	if (cp == 0xe6) return "ae";
	if (cp == 0xe7) return "c";
	if (cp >= 0xe8 && cp <= 0xeb) return "e";
	if (cp >= 0xec && cp <= 0xef) return "i";
	if (cp == 0xf1) return "n";
	if ((cp >= 0xf2 && cp <= 0xf6) || cp == 0xf8) return "o";
	if (cp >= 0xf9 && cp <= 0xfc) return "u";
	if (cp == 0xfd || cp == 0xff) return "y";
	if (cp == 0x153 || cp == 0x152) return "oe";
	return NULL;
}

int
mail_bec_normalise(struct rp_buf *out, const char *s, size_t len)
{
	size_t i, room;
	char *o;

	/* at most two bytes out per byte in ("ß" -> "ss" keeps the length), one space
	 * before: written in place, this runs over every body */
	if (out->len + 8 >= out->max)
		return 0;
	room = out->max - out->len - 8;
	if (len > room / 2)
		len = room / 2;
	if (rp_buf_grow(out, 2 * len + 2) != 0)
		return RP_ERR_NOMEM;
	o = out->buf + out->len;
	if (out->len && o[-1] != ' ')
		*o++ = ' ';
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *f;

		if (c >= 'A' && c <= 'Z') {
			*o++ = (char)(c - 'A' + 'a');
		} else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			*o++ = (char)c;
		} else if (c >= 0xc0 && i + 1 < len && (f = fold2(c, (unsigned char)s[i + 1])) != NULL) {
			while (*f)
				*o++ = *f++;
			i++;
		} else if (c >= 0x80) {
			*o++ = (char)c;   /* other letters kept as they are */
		} else if (o > out->buf && o[-1] != ' ') {
			*o++ = ' ';
		}
	}
	out->len = (size_t)(o - out->buf);
	out->buf[out->len] = '\0';
	return 0;
}

void
mail_bec_words_free(struct mail_bec_words *b)
{
	size_t i;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++) {
		free(b->v[i].text);
		free(b->v[i].shown);
	}
	free(b->v);
	free(b);
}

int
mail_bec_words_load(struct mail_bec_words **out, const char *data_dir)
{
	struct rp_buf src = RP_BUF_INIT, norm = RP_BUF_INIT;
	struct mail_bec_words *b;
	char *p, *end;
	int r;

	if ((b = calloc(1, sizeof(*b))) == NULL)
		return RP_ERR_NOMEM;
	if ((r = rp_data_load(data_dir, "mail/bec.txt", &src)) != 0)
		goto out;
	p = src.buf;
	end = src.buf + src.len;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p)), *tab;
		struct phrase *ph;

		if (nl == NULL)
			nl = end;
		*nl = '\0';
		if (*p == '#' || *p == '\0' || (tab = strchr(p, '\t')) == NULL) {
			p = nl + 1;
			continue;
		}
		if ((r = RP_ARRAY_GROW(&b->v, &b->cap, b->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
			goto out;
		ph = &b->v[b->n];
		memset(ph, 0, sizeof(*ph));
		snprintf(ph->lang, sizeof(ph->lang), "%.*s", (int)(tab - p), p);
		if ((ph->shown = strdup(tab + 1)) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		/* "a ... b": each part normalised on its own, the parts separated by NULs
		 * (a part starts with the space the normalisation puts between words) */
		{
			const char *s2 = ph->shown, *d;

			rp_buf_reset(&norm);
			ph->nparts = 1;
			while ((d = strstr(s2, "...")) != NULL) {
				mail_bec_normalise(&norm, s2, (size_t)(d - s2));
				while (norm.len && norm.buf[norm.len - 1] == ' ')
					rp_buf_setlen(&norm, norm.len - 1);
				rp_buf_addch(&norm, '\0');
				rp_buf_addch(&norm, ' ');
				ph->nparts++;
				s2 = d + 3;
			}
			mail_bec_normalise(&norm, s2, strlen(s2));
			while (norm.len && norm.buf[norm.len - 1] == ' ')
				rp_buf_setlen(&norm, norm.len - 1);
			if ((ph->text = malloc(norm.len + 1)) == NULL) {
				free(ph->shown);
				r = RP_ERR_NOMEM;
				goto out;
			}
			memcpy(ph->text, norm.buf, norm.len + 1);
		}
		b->n++;
		p = nl + 1;
	}
	*out = b;
	b = NULL;
	r = 0;
out:
	mail_bec_words_free(b);
	rp_buf_release(&src);
	rp_buf_release(&norm);
	return r;
}

/* Finds part (a normalised phrase, leading spaces skipped) in [s, end) at a word start;
 * returns the position after it, or NULL. */
static const char *
find_word(const char *s, const char *end, const char *part, const char **at)
{
	size_t n;

	while (*part == ' ')
		part++;
	n = strlen(part);
	if (n == 0)
		return NULL;
	while (s < end && (size_t)(end - s) >= n) {
		const char *h = memmem(s, (size_t)(end - s), part, n);

		if (h == NULL)
			return NULL;
		if (h == s || h[-1] == ' ') {
			*at = h;
			return h + n;
		}
		s = h + 1;
	}
	return NULL;
}

int
mail_bec_wording(const struct mail_bec_words *b, const char *norm, size_t len,
    const char **phrase, const char **lang)
{
	const char *end = norm + len;
	size_t i, k;

	if (b == NULL)
		return 0;
	for (i = 0; i < b->n; i++) {
		const struct phrase *ph = &b->v[i];
		const char *s = norm, *at, *after;

		while ((after = find_word(s, end, ph->text, &at)) != NULL) {
			const char *part = ph->text, *pos = after;

			for (k = 1; k < ph->nparts; k++) {
				const char *lim = pos, *a2;
				int words = 0;

				part += strlen(part) + 1;
				/* up to six words further */
				while (lim < end && words <= 6) {
					if (*lim == ' ')
						words++;
					lim++;
				}
				if ((pos = find_word(pos, lim, part, &a2)) == NULL)
					break;
			}
			if (k == ph->nparts) {
				*phrase = ph->shown;
				*lang = ph->lang;
				return 1;
			}
			s = at + 1;
		}
	}
	return 0;
}
