/*
 * Files encrypted by their owner: OpenPGP (the packet chain, partial body lengths
 * included, walked from 0 to exactly the end) and age (header lines, the MAC line,
 * and a payload whose length fits the STREAM chunking).
 */
#include <string.h>

#include "detect/fmt-list.h"
#include "detect/fmt-util.h"

/* ---- OpenPGP ---- */

/* packet header at p: tag, body length (or -1 partial / -2 to the end), header size */
static int
pgp_hdr(const unsigned char *p, size_t n, unsigned *tag, int64_t *len, size_t *hl)
{
	unsigned b = p[0];

	if (n < 2 || !(b & 0x80))
		return -1;
	if (b & 0x40) {
		*tag = b & 0x3F;
		if (p[1] < 192) {
			*len = p[1];
			*hl = 2;
		} else if (p[1] < 224) {
			if (n < 3)
				return -1;
			*len = ((int64_t)(p[1] - 192) << 8) + p[2] + 192;
			*hl = 3;
		} else if (p[1] == 255) {
			if (n < 6)
				return -1;
			*len = rp_be32(p + 2);
			*hl = 6;
		} else {
			*len = -1 - (int64_t)(1u << (p[1] & 0x1F));   /* partial: -(chunk+1) */
			*hl = 2;
		}
	} else {
		*tag = (b >> 2) & 0xF;
		switch (b & 3) {
		case 0: *len = p[1]; *hl = 2; break;
		case 1: if (n < 3) return -1; *len = rp_be16(p + 1); *hl = 3; break;
		case 2: if (n < 5) return -1; *len = rp_be32(p + 1); *hl = 5; break;
		default: *len = -2; *hl = 1; break;
		}
	}
	return *tag == 0 || (*tag > 21 && *tag < 60) ? -1 : 0;
}

int
rp_fmt_pgp_sniff(const unsigned char *h, size_t n)
{
	unsigned tag;
	int64_t len;
	size_t hl;
	unsigned v;

	if (n < 8 || pgp_hdr(h, n, &tag, &len, &hl) < 0 || hl >= n)
		return 0;
	v = h[hl];
	switch (tag) {
	case 1: return v == 3 || v == 6;
	case 3: return (v == 4 || v == 5 || v == 6) && len >= 4 && len < 512;
	case 2: return v >= 3 && v <= 6;
	case 4: return v == 3 || v == 6;
	case 5: case 6: return v >= 3 && v <= 6 && len > 0 && len < 65536;
	case 8: return v <= 3;
	case 11: return v == 'b' || v == 't' || v == 'u' || v == 'm' || v == 'l' || v == '1';
	default: return 0;
	}
}

void
rp_fmt_pgp_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *p, *h;
	size_t hl, n;
	uint64_t pos = 0, npk = 0, nchunk = 0;
	unsigned tag;
	int64_t len;
	int enc = 0, seen_data = 0;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &n);
	if (h == NULL || !rp_fmt_pgp_sniff(h, n)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no OpenPGP packet at 0");
		return;
	}
	r->head_intact = 1;
	rp_rd_init(&rd, s, 16);
	while (pos < s->size && npk < 1000000) {
		n = s->size - pos < 6 ? (size_t)(s->size - pos) : 6;
		if ((p = rp_rd_get(&rd, pos, n)) == NULL)
			goto budget;
		if (pgp_hdr(p, n, &tag, &len, &hl) < 0) {
			rp_fmt_damage(r, pos, "no valid OpenPGP packet header at %llu",
			    (unsigned long long)pos);
			return;
		}
		/*
		 * What may follow what: an encrypted message is session keys then one
		 * encrypted data packet; old-format indeterminate lengths only hold data.
		 */
		if ((enc && !(tag == 1 || tag == 3 || tag == 9 || tag == 18 || tag == 20 ||
		    tag == 10)) || (len == -2 && tag != 8 && tag != 9 && tag != 11 && tag != 18) ||
		    (tag >= 15 && tag <= 16) || (seen_data && enc)) {
			rp_fmt_damage(r, pos, "unexpected OpenPGP packet (tag %u) at %llu", tag,
			    (unsigned long long)pos);
			return;
		}
		if (npk == 0)
			enc = tag == 1 || tag == 3;
		if (tag == 9 || tag == 18 || tag == 20)
			seen_data = 1;
		if (len == -2) {
			pos = s->size;   /* old-format indeterminate length: to the end */
			npk++;
			break;
		}
		pos += hl;
		/* partial body lengths: chunks, each followed by the next length */
		while (len < -1 + 0 && len != -2) {
			uint64_t chunk = (uint64_t)(-1 - len);

			if (chunk > s->size - pos) {
				rp_fmt_damage(r, pos, "partial body chunk at %llu runs past the end",
				    (unsigned long long)pos);
				return;
			}
			pos += chunk;
			nchunk++;
			n = s->size - pos < 6 ? (size_t)(s->size - pos) : 6;
			if (n == 0 || (p = rp_rd_get(&rd, pos, n)) == NULL) {
				if (rd.fail)
					goto budget;
				rp_fmt_damage(r, pos, "partial body ends without a final length at %llu",
				    (unsigned long long)pos);
				return;
			}
			if (p[0] < 192) {
				len = p[0];
				hl = 1;
			} else if (p[0] < 224) {
				if (n < 2)
					break;
				len = ((int64_t)(p[0] - 192) << 8) + p[1] + 192;
				hl = 2;
			} else if (p[0] == 255) {
				if (n < 5)
					break;
				len = rp_be32(p + 1);
				hl = 5;
			} else {
				len = -1 - (int64_t)(1u << (p[0] & 0x1F));
				hl = 1;
			}
			pos += hl;
		}
		if (len < 0 || (uint64_t)len > s->size - pos) {
			rp_fmt_damage(r, pos, "packet body at %llu runs past the end",
			    (unsigned long long)pos);
			return;
		}
		pos += (uint64_t)len;
		npk++;
	}
	r->tail_intact = 1;
	r->body_checked = nchunk > 0;
	rp_fmt_ok(r, "%llu packets (%llu partial chunks) chain to exactly the end",
	    (unsigned long long)npk, (unsigned long long)nchunk);
	return;
budget:
	rp_fmt_ok(r, "%llu packets chain to %llu (probe budget)", (unsigned long long)npk,
	    (unsigned long long)pos);
}

/* ---- age ---- */

static const char age_magic[] = "age-encryption.org/v1\n";

int
rp_fmt_age_sniff(const unsigned char *h, size_t n)
{
	return n >= sizeof(age_magic) - 1 && memcmp(h, age_magic, sizeof(age_magic) - 1) == 0;
}

static int
b64c(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '+' || c == '/';
}

void
rp_fmt_age_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	const unsigned char *h, *e;
	size_t n, pos, ll, i, nst = 0;
	uint64_t pay, rem;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &n);
	if (h == NULL || !rp_fmt_age_sniff(h, n)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no age header at 0");
		return;
	}
	pos = sizeof(age_magic) - 1;
	for (;;) {
		if ((e = memchr(h + pos, '\n', n - pos)) == NULL) {
			r->head_intact = 0;
			rp_fmt_damage(r, pos, "age header line at %zu does not end", pos);
			return;
		}
		ll = (size_t)(e - (h + pos));
		for (i = 0; i < ll; i++)
			if (h[pos + i] < 0x20 || h[pos + i] > 0x7E) {
				r->head_intact = 0;
				rp_fmt_damage(r, pos + i, "age header line at %zu is not text", pos);
				return;
			}
		if (ll >= 4 && memcmp(h + pos, "--- ", 4) == 0) {
			if (ll != 4 + 43) {
				r->head_intact = 0;
				rp_fmt_damage(r, pos, "age MAC line at %zu is not valid", pos);
				return;
			}
			for (i = 4; i < ll; i++)
				if (!b64c(h[pos + i])) {
					r->head_intact = 0;
					rp_fmt_damage(r, pos, "age MAC line at %zu is not valid", pos);
					return;
				}
			pos += ll + 1;
			break;
		}
		if (ll >= 3 && memcmp(h + pos, "-> ", 3) == 0) {
			nst++;
		} else {
			for (i = 0; i < ll; i++)
				if (!b64c(h[pos + i]) || ll > 64) {
					r->head_intact = 0;
					rp_fmt_damage(r, pos, "age stanza line at %zu is not base64", pos);
					return;
				}
		}
		pos += ll + 1;
	}
	r->head_intact = 1;
	/* 16-byte nonce, then chunks of 64 KiB + 16; the last one 16..65552 bytes */
	pay = s->size - pos;
	rem = pay >= 16 ? (pay - 16) % 65552 : 0;
	if (pay < 32 || (rem != 0 && rem < 16) || (rem == 16 && pay - 16 > 65552 + 16 - 16 &&
	    pay - 16 != 16)) {
		r->tail_intact = 0;
		rp_fmt_damage(r, s->size, "payload of %llu bytes does not fit age's chunking",
		    (unsigned long long)pay);
		return;
	}
	r->tail_intact = 1;
	rp_fmt_ok(r, "age header with %zu recipient stanzas and MAC, payload of %llu bytes fits "
	    "the chunking", nst, (unsigned long long)pay);
}
