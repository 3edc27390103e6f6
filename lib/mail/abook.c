/* Address books (see abook.h): which reader, and text in Windows-1252. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/escape.h"
#include "mail/abook.h"
#include "mail/logfile.h"

/* Windows-1252's 0x80..0x9f (0: undefined there); 0xa0..0xff are Latin-1's */
static const unsigned short cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
	0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
	0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

int
rp_abook_text(struct rp_buf *b, const char *s, size_t len)
{
	size_t i;
	int r;

	if (rp_utf8_valid(s, len))
		return rp_buf_add(b, s, len);
	for (i = 0; i < len; i++) {
		unsigned c = (unsigned char)s[i];

		if (c >= 0x80 && c < 0xa0)
			c = cp1252[c - 0x80] ? cp1252[c - 0x80] : 0xfffd;
		if (c < 0x80)
			r = rp_buf_addch(b, (int)c);
		else if (c < 0x800)
			r = rp_buf_addf(b, "%c%c", (char)(0xc0 | (c >> 6)), (char)(0x80 | (c & 0x3f)));
		else
			r = rp_buf_addf(b, "%c%c%c", (char)(0xe0 | (c >> 12)),
			    (char)(0x80 | ((c >> 6) & 0x3f)), (char)(0x80 | (c & 0x3f)));
		if (r != 0)
			return r;
	}
	return 0;
}

int
rp_abook_read(struct rp_logfile *f, rp_abook_fn fn, void *ctx, struct rp_abook_stats *st)
{
	const char *h;
	size_t n, i = 0;

	memset(st, 0, sizeof(*st));
	st->format = "unknown";
	if (rp_logfile_head(f, &h, &n) != 0)
		return RP_ERR_FORMAT;
	if (n >= 3 && memcmp(h, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && isspace((unsigned char)h[i]))
		i++;
	if (n - i >= 11 && strncasecmp(h + i, "BEGIN:VCARD", 11) == 0)
		return rp_vcard_read(f, fn, ctx, st);
	return rp_abook_csv_read(f, fn, ctx, st);
}
