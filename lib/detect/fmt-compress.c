/*
 * Compressed streams: gzip (header, raw inflate of the head; a file read whole is
 * inflated to the end and its CRC-32 and size verified), bzip2 (stream and block
 * headers, Huffman tables of the first block, end-of-stream magic at the bit level),
 * xz (stream header and footer CRCs, the index and its CRC, block headers in sampled
 * regions) and zstd (frame headers and the block chain walked to the end).
 */
#include <string.h>

#include "detect/fmt-list.h"
#include "detect/fmt-util.h"

static int
whole(const struct rp_sample *s)
{
	return s->nreg == 1 && s->reg[0].off == 0 && s->reg[0].len == s->size;
}

/* ---- gzip ---- */

int
rp_fmt_gzip_sniff(const unsigned char *h, size_t n)
{
	return n >= 10 && h[0] == 0x1F && h[1] == 0x8B && h[2] == 8 && (h[3] & 0xE0) == 0;
}

/* the member header at p[0..n): its length, or 0 when not valid */
static size_t
gzip_header(const unsigned char *p, size_t n)
{
	size_t i = 10;
	const unsigned char *z;

	if (n < 10 || !rp_fmt_gzip_sniff(p, n))
		return 0;
	if (p[3] & 4) {
		if (n < 12 || (size_t)rp_le16(p + 10) > n - 12)
			return 0;
		i = 12 + rp_le16(p + 10);
	}
	if (p[3] & 8) {
		if ((z = memchr(p + i, 0, n - i)) == NULL)
			return 0;
		i = (size_t)(z - p) + 1;
	}
	if (p[3] & 16) {
		if ((z = memchr(p + i, 0, n - i)) == NULL)
			return 0;
		i = (size_t)(z - p) + 1;
	}
	if (p[3] & 2) {
		if (n - i < 2 || (rp_fmt_crc32(0, p, i) & 0xFFFF) != rp_le16(p + i))
			return 0;
		i += 2;
	}
	return i < n ? i : 0;
}

void
rp_fmt_gzip_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	const unsigned char *h;
	size_t hlen, pos = 0, hdr, used, i;
	uint64_t out;
	uint32_t crc;
	unsigned members = 0;
	int rc;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || (hdr = gzip_header(h, hlen)) == 0) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no valid gzip member header at 0");
		return;
	}
	r->head_intact = 1;
	if (!whole(s)) {
		/* the head's deflate data must decode */
		if (rp_fmt_inflate(h + hdr, hlen - hdr, 1, 64u << 20, &used, NULL, NULL) < 0) {
			rp_fmt_damage(r, hdr + used, "deflate data not valid at %zu", hdr + used);
			return;
		}
		r->body_checked = 1;
		rp_fmt_ok(r, "member header, %zu bytes of deflate data decode", hlen - hdr);
		return;
	}
	while (pos < hlen && members < 10000) {
		if ((hdr = gzip_header(h + pos, hlen - pos)) == 0) {
			for (i = pos; i < hlen && h[i] == 0; i++)
				;
			if (i == hlen)
				break;   /* zero padding after the last member */
			rp_fmt_damage(r, pos, "data after the last gzip member at %zu is not a member",
			    pos);
			return;
		}
		rc = rp_fmt_inflate(h + pos + hdr, hlen - pos - hdr, 1, 64u << 20, &used, &crc, &out);
		if (rc < 0) {
			rp_fmt_damage(r, pos + hdr + used, "deflate data not valid at %zu",
			    pos + hdr + used);
			return;
		}
		if (rc == 0 && out >= 64u << 20) {
			r->body_checked = 1;
			rp_fmt_ok(r, "member header, 64 MiB decoded without error");
			return;
		}
		if (rc == 0) {
			/* the deflate data decoded to the file's end without an error: a fake
			 * header's random bytes fail within their first few hundred bytes */
			r->tail_intact = 0;
			r->truncated = hlen - pos - hdr >= 64;
			rp_fmt_damage(r, hlen, "deflate data ends before its end (truncated)");
			return;
		}
		pos += hdr + used;
		if (hlen - pos < 8 || rp_le32(h + pos) != crc || rp_le32(h + pos + 4) != (uint32_t)out) {
			r->tail_intact = 0;
			rp_fmt_damage(r, pos, "CRC-32 or size at %zu does not match the data", pos);
			return;
		}
		pos += 8;
		members++;
	}
	r->tail_intact = 1;
	r->body_checked = 1;
	rp_fmt_ok(r, "%u member%s inflated, CRC-32 and size match", members, members == 1 ? "" : "s");
}

/* ---- bzip2 ---- */

int
rp_fmt_bzip2_sniff(const unsigned char *h, size_t n)
{
	return n >= 10 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h' && h[3] >= '1' && h[3] <= '9' &&
	    (memcmp(h + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0 ||
	    memcmp(h + 4, "\x17\x72\x45\x38\x50\x90", 6) == 0);
}

struct bits {
	const unsigned char *p;
	size_t n;       /* bytes */
	size_t pos;     /* bit position */
};

static int
getbits(struct bits *b, unsigned k, uint32_t *v)
{
	uint32_t x = 0;

	if (b->pos + k > b->n * 8)
		return -1;
	while (k--) {
		x = x << 1 | ((b->p[b->pos >> 3] >> (7 - (b->pos & 7))) & 1);
		b->pos++;
	}
	*v = x;
	return 0;
}

/* the first block's header and Huffman tables; returns 0 ok, -1 invalid, 1 too short */
static int
bzip2_block(const unsigned char *p, size_t n, unsigned level, size_t *where)
{
	struct bits b = { p, n, 10 * 8 };
	uint32_t v, map, used = 0, ngroups, nsel, len, i, j, g;

#define GET(k) do { if (getbits(&b, (k), &v)) return 1; } while (0)
#define BAD() do { *where = b.pos / 8; return -1; } while (0)
	GET(32);          /* block CRC */
	GET(1);
	if (v)
		BAD();    /* randomised blocks: not written since 0.9.5 */
	GET(24);
	if (v >= level * 100000u)
		BAD();
	GET(16);
	map = v;
	if (map == 0)
		BAD();
	for (i = 0; i < 16; i++) {
		if (!(map & (0x8000u >> i)))
			continue;
		GET(16);
		for (j = 0; j < 16; j++)
			used += (v >> j) & 1;
	}
	if (used == 0)
		BAD();
	GET(3);
	ngroups = v;
	if (ngroups < 2 || ngroups > 6)
		BAD();
	GET(15);
	nsel = v;
	if (nsel == 0)
		BAD();
	for (i = 0; i < nsel; i++) {
		for (j = 0;; j++) {
			GET(1);
			if (!v)
				break;
			if (j + 1 >= ngroups)
				BAD();
		}
	}
	for (g = 0; g < ngroups; g++) {
		GET(5);
		len = v;
		for (i = 0; i < used + 2; i++) {
			for (;;) {
				if (len < 1 || len > 20)
					BAD();
				GET(1);
				if (!v)
					break;
				GET(1);
				len = v ? len - 1 : len + 1;
			}
		}
	}
	return 0;
#undef GET
#undef BAD
}

/*
 * A file held whole: every block's CRC, found at its bit-aligned magic, combined as
 * bzip2 does (rotate left, xor), must equal the stream's combined CRC after the
 * end-of-stream magic. Returns the bit offset of a mismatch, or -1 when all match.
 */
static int64_t
bzip2_crc_chain(const unsigned char *p, size_t n, unsigned *nblocks)
{
	static const uint64_t magic[2] = { 0x314159265359ull, 0x177245385090ull };
	unsigned char second[256];
	uint32_t comb = 0, crc;
	size_t i;
	unsigned sh, k;

	/* the window's second byte lies inside the magic whatever the shift: a filter */
	memset(second, 0, sizeof(second));
	for (k = 0; k < 2; k++)
		for (sh = 0; sh < 8; sh++)
			second[((magic[k] << (16 - sh)) >> 48) & 0xFF] = 1;
	*nblocks = 0;
	for (i = 0; i + 8 <= n; i++) {
		uint64_t w;

		if (!second[p[i + 1]])
			continue;
		w = rp_be64(p + i);

		for (sh = 0; sh < 8; sh++) {
			uint64_t m = (w >> (16 - sh)) & 0xFFFFFFFFFFFFull;
			struct bits b;
			uint32_t hi, lo;

			if (m != 0x314159265359ull && m != 0x177245385090ull)
				continue;
			b.p = p;
			b.n = n;
			b.pos = i * 8 + sh + 48;
			if (getbits(&b, 16, &hi) || getbits(&b, 16, &lo))
				return -1;
			crc = hi << 16 | lo;
			if (m == 0x314159265359ull) {
				comb = (comb << 1 | comb >> 31) ^ crc;
				(*nblocks)++;
			} else {
				if (crc != comb)
					return (int64_t)(i * 8 + sh);
				comb = 0;
			}
		}
	}
	return -1;
}

void
rp_fmt_bzip2_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	const unsigned char *h, *t;
	size_t hlen, tlen, where = 0;
	uint64_t toff;
	unsigned pad, k, nb;
	int rc;

	rp_fmt_begin(r);
	t = rp_sample_tail(s, &tlen, &toff);
	r->tail_intact = 0;
	if (t && tlen >= 11) {
		/* 48-bit end-of-stream magic, 32-bit CRC, then 0-7 bits of padding */
		for (pad = 0; pad < 8 && !r->tail_intact; pad++) {
			struct bits b = { t + tlen - 11, 11, 88 - 80 - pad };
			uint32_t hi, lo;

			if (getbits(&b, 24, &hi) == 0 && getbits(&b, 24, &lo) == 0 &&
			    hi == 0x177245 && lo == 0x385090)
				r->tail_intact = 1;
		}
	}
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_bzip2_sniff(h, hlen)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no bzip2 stream header at 0");
		return;
	}
	r->head_intact = 1;
	if (memcmp(h + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0) {
		rc = bzip2_block(h, hlen, (unsigned)(h[3] - '0'), &where);
		if (rc < 0) {
			r->head_intact = 0;
			rp_fmt_damage(r, where, "first block's header or Huffman tables not valid "
			    "at %zu", where);
		}
		k = rc == 0;
	} else {
		k = 0;
	}
	if (!r->tail_intact)
		rp_fmt_damage(r, s->size > 11 ? s->size - 11 : 0,
		    "no end-of-stream marker in the last bytes");
	nb = 0;
	if (r->tail_intact && whole(s)) {
		int64_t bad = bzip2_crc_chain(h, hlen, &nb);

		if (bad >= 0) {
			r->tail_intact = 0;
			rp_fmt_damage(r, (uint64_t)bad / 8, "combined CRC at %llu does not match the "
			    "CRCs of the %u blocks", (unsigned long long)bad / 8, nb);
		}
		r->body_checked = 1;
	}
	if (nb)
		rp_fmt_ok(r, "stream header, first block's Huffman tables, CRCs of %u blocks match "
		    "the stream's combined CRC", nb);
	else
		rp_fmt_ok(r, "stream header, %sblock header and Huffman tables, end-of-stream "
		    "marker", k ? "first " : "no ");
}

/* ---- xz ---- */

static const unsigned char xz_magic[6] = { 0xFD, '7', 'z', 'X', 'Z', 0 };

int
rp_fmt_xz_sniff(const unsigned char *h, size_t n)
{
	return n >= 12 && memcmp(h, xz_magic, 6) == 0;
}

static int
varint(const unsigned char *p, size_t n, size_t *i, uint64_t *v)
{
	unsigned k;

	*v = 0;
	for (k = 0; k < 9; k++) {
		if (*i >= n)
			return -1;
		*v |= (uint64_t)(p[*i] & 0x7F) << (7 * k);
		if (!(p[(*i)++] & 0x80))
			return k > 0 && p[*i - 1] == 0 ? -1 : 0;
	}
	return -1;
}

void
rp_fmt_xz_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *p;
	size_t hlen, i;
	uint64_t end, back, ioff, isize, nrec, k, blk, unp, unc, total = 0, nhdr = 0;
	unsigned char foot[12];
	uint32_t crc;

	rp_fmt_begin(r);
	rp_rd_init(&rd, s, 4096);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_xz_sniff(h, hlen) || h[6] != 0 || (h[7] & 0xF0) ||
	    rp_fmt_crc32(0, h + 6, 2) != rp_le32(h + 8)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no valid xz stream header at 0");
	} else {
		r->head_intact = 1;
		/* first block header: size byte, CRC-32 at its end */
		if (hlen > 12 && h[12] != 0) {
			size_t bs = ((size_t)h[12] + 1) * 4;

			if (hlen >= 12 + bs && rp_fmt_crc32(0, h + 12, bs - 4) != rp_le32(h + 12 + bs - 4)) {
				r->head_intact = 0;
				rp_fmt_damage(r, 12, "first block header's CRC-32 does not match");
			}
		}
	}
	/* stream footer, after stream padding */
	end = s->size;
	while (end >= 12 + 4 && end % 4 == 0 && (p = rp_rd_get(&rd, end - 4, 4)) &&
	    rp_le32(p) == 0 && end > s->size - 65536)
		end -= 4;
	r->tail_intact = 0;
	if (end < 24 || (p = rp_rd_get(&rd, end - 12, 12)) == NULL) {
		rp_fmt_damage(r, end > 12 ? end - 12 : 0, "file too short for an xz stream footer");
		return;
	}
	memcpy(foot, p, 12);
	if (foot[10] != 'Y' || foot[11] != 'Z' || rp_fmt_crc32(0, foot + 4, 6) != rp_le32(foot)) {
		rp_fmt_damage(r, end - 12, "no valid xz stream footer at %llu",
		    (unsigned long long)(end - 12));
		return;
	}
	back = rp_le32(foot + 4);
	isize = (back + 1) * 4;
	if (isize > end - 24) {
		rp_fmt_damage(r, end - 12, "backward size %llu points before the stream",
		    (unsigned long long)isize);
		return;
	}
	ioff = end - 12 - isize;
	if (isize <= RP_RD_BUF) {
		if ((p = rp_rd_get(&rd, ioff, (size_t)isize)) == NULL)
			goto budget;
		if (p[0] != 0 || rp_fmt_crc32(0, p, (size_t)isize - 4) != rp_le32(p + isize - 4)) {
			rp_fmt_damage(r, ioff, "xz index at %llu is not valid (CRC-32)",
			    (unsigned long long)ioff);
			return;
		}
		i = 1;
		if (varint(p, (size_t)isize - 4, &i, &nrec) < 0 || nrec > isize) {
			rp_fmt_damage(r, ioff, "xz index at %llu is not valid", (unsigned long long)ioff);
			return;
		}
		{
			unsigned char ib[RP_RD_BUF];

			memcpy(ib, p, (size_t)isize);
			for (k = 0; k < nrec; k++) {
				if (varint(ib, (size_t)isize - 4, &i, &unp) < 0 ||
				    varint(ib, (size_t)isize - 4, &i, &unc) < 0 || unp > s->size) {
					rp_fmt_damage(r, ioff, "xz index record %llu is not valid",
					    (unsigned long long)k);
					return;
				}
				total += (unp + 3) & ~(uint64_t)3;
			}
			if (total > ioff - 12) {
				rp_fmt_damage(r, ioff, "xz index lists more data than the stream holds");
				return;
			}
			/* block headers in sampled regions */
			blk = ioff - total;
			i = 1;
			varint(ib, (size_t)isize - 4, &i, &nrec);
			for (k = 0; k < nrec; k++) {
				varint(ib, (size_t)isize - 4, &i, &unp);
				varint(ib, (size_t)isize - 4, &i, &unc);
				if ((p = rp_sample_get(s, blk, 1)) != NULL && *p &&
				    (p = rp_sample_get(s, blk, ((size_t)*p + 1) * 4)) != NULL) {
					size_t bs = ((size_t)*p + 1) * 4;

					if (rp_fmt_crc32(0, p, bs - 4) != rp_le32(p + bs - 4)) {
						rp_fmt_damage(r, blk, "block header at %llu: CRC-32 does not "
						    "match", (unsigned long long)blk);
						return;
					}
					nhdr++;
				}
				blk += (unp + 3) & ~(uint64_t)3;
			}
		}
		/* the (last) stream's header sits right before its blocks */
		if ((p = rp_rd_get(&rd, ioff - total - 12, 12)) == NULL)
			goto budget;
		if (memcmp(p, xz_magic, 6) != 0 || memcmp(p + 6, foot + 8, 2) != 0) {
			rp_fmt_damage(r, ioff - total - 12, "no stream header where the index "
			    "says the stream starts");
			return;
		}
	} else {
		for (crc = 0, k = 0; k + 4 < isize; k += i) {
			i = isize - 4 - k > RP_RD_BUF ? RP_RD_BUF : (size_t)(isize - 4 - k);
			if ((p = rp_rd_get(&rd, ioff + k, i)) == NULL)
				goto budget;
			if (k == 0 && p[0] != 0)
				break;
			crc = rp_fmt_crc32(crc, p, i);
		}
		if ((p = rp_rd_get(&rd, ioff + isize - 4, 4)) == NULL)
			goto budget;
		if (rp_le32(p) != crc) {
			rp_fmt_damage(r, ioff, "xz index at %llu is not valid (CRC-32)",
			    (unsigned long long)ioff);
			return;
		}
		nrec = 0;
	}
	r->tail_intact = 1;
	r->body_checked = nhdr > 1;
	rp_fmt_ok(r, "stream header and footer, index of %llu blocks (CRC-32), %llu block "
	    "headers verified", (unsigned long long)nrec, (unsigned long long)nhdr);
	return;
budget:
	rp_fmt_ok(r, "stream header and footer (probe budget spent before the index)");
}

/* ---- zstd ---- */

int
rp_fmt_zstd_sniff(const unsigned char *h, size_t n)
{
	return n >= 6 && ((h[0] == 0x28 && h[1] == 0xB5 && h[2] == 0x2F && h[3] == 0xFD) ||
	    ((h[0] & 0xF0) == 0x50 && h[1] == 0x2A && h[2] == 0x4D && h[3] == 0x18));
}

/*
 * A compressed block held whole: its literals section header and the sequences
 * section header must fit. In the frame's first compressed block (without a
 * dictionary) nothing may repeat a previous block's tables.
 */
static int
zstd_block_ok(const unsigned char *b, size_t n, int first, int partial)
{
	unsigned t, sf, m;
	size_t hl, regen, csize, i;
	uint64_t v;

	if (n < 2)
		return 0;
	t = b[0] & 3;
	sf = (b[0] >> 2) & 3;
	if (t <= 1) {
		if (sf == 0 || sf == 2) {
			hl = 1;
			regen = b[0] >> 3;
		} else if (sf == 1) {
			hl = 2;
			regen = (size_t)(b[0] >> 4) + ((size_t)b[1] << 4);
		} else {
			if (n < 3)
				return 0;
			hl = 3;
			regen = (size_t)(b[0] >> 4) + ((size_t)b[1] << 4) + ((size_t)b[2] << 12);
		}
		csize = t == 0 ? regen : 1;
	} else {
		if (t == 3 && first)
			return 0;
		if (n < 5)
			return 0;
		v = rp_le32(b) | (uint64_t)b[4] << 32;
		if (sf <= 1) {
			hl = 3;
			regen = (size_t)(v >> 4) & 0x3FF;
			csize = (size_t)(v >> 14) & 0x3FF;
		} else if (sf == 2) {
			hl = 4;
			regen = (size_t)(v >> 4) & 0x3FFF;
			csize = (size_t)(v >> 18) & 0x3FFF;
		} else {
			hl = 5;
			regen = (size_t)(v >> 4) & 0x3FFFF;
			csize = (size_t)(v >> 22) & 0x3FFFF;
		}
		if (csize == 0 || (sf != 0 && csize <= 6))
			return 0;
		if (t == 2 && hl + 1 < n) {
			/* Huffman tree description: FSE-compressed weights (accuracy log at
			 * most 6) or direct 4-bit weights (at most 11 bits per code) */
			unsigned hb = b[hl];

			if (hb < 128) {
				if (hb == 0 || hb >= csize || (b[hl + 1] & 15) > 1)
					return 0;
			} else {
				size_t nw = hb - 127, k;

				if ((nw + 1) / 2 >= csize)
					return 0;
				for (k = 0; k < nw && hl + 1 + k / 2 < n; k++)
					if (((b[hl + 1 + k / 2] >> (k % 2 ? 0 : 4)) & 15) > 11)
						return 0;
			}
		}
	}
	if (regen > 128 * 1024)
		return 0;
	i = hl + csize;
	if (i >= n)
		return partial;
	if (b[i] == 0)
		return i + 1 == n || partial;
	i += b[i] < 128 ? 1 : b[i] < 255 ? 2 : 3;
	if (i >= n)
		return partial;
	m = b[i];
	if (m & 3)
		return 0;
	if (first && ((m >> 6) == 3 || ((m >> 4) & 3) == 3 || ((m >> 2) & 3) == 3))
		return 0;
	return 1;
}

void
rp_fmt_zstd_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	static const unsigned didsz[4] = { 0, 1, 2, 4 };
	struct rp_rd rd;
	const unsigned char *p;
	uint64_t pos = 0, nframes = 0, nblocks = 0, nchecked = 0, win, bmax;
	unsigned fhd, hsz, fcssz;
	int last, first;

	rp_fmt_begin(r);
	rp_rd_init(&rd, s, 32);
	while (pos < s->size) {
		if ((p = rp_rd_get(&rd, pos, 4)) == NULL) {
			if (rd.fail)
				goto budget;
			rp_fmt_damage(r, pos, "truncated frame at %llu", (unsigned long long)pos);
			break;
		}
		if ((p[0] & 0xF0) == 0x50 && p[1] == 0x2A && p[2] == 0x4D && p[3] == 0x18) {
			if ((p = rp_rd_get(&rd, pos, 8)) == NULL || rp_le32(p + 4) > s->size - pos - 8) {
				rp_fmt_damage(r, pos, "skippable frame at %llu runs past the end",
				    (unsigned long long)pos);
				break;
			}
			pos += 8 + (uint64_t)rp_le32(p + 4);
			nframes++;
			continue;
		}
		if (!(p[0] == 0x28 && p[1] == 0xB5 && p[2] == 0x2F && p[3] == 0xFD)) {
			if (nframes > 0 && (p[0] | p[1] | p[2] | p[3]) == 0) {
				break;   /* zero padding after the last frame */
			}
			rp_fmt_damage(r, pos, "no zstd frame at %llu", (unsigned long long)pos);
			break;
		}
		if ((p = rp_rd_get(&rd, pos, 6)) == NULL) {
			rp_fmt_damage(r, pos, "truncated frame header at %llu", (unsigned long long)pos);
			break;
		}
		fhd = p[4];
		if (fhd & 0x08) {
			rp_fmt_damage(r, pos + 4, "reserved bit set in the frame header at %llu",
			    (unsigned long long)pos);
			break;
		}
		fcssz = (fhd >> 6) == 0 ? ((fhd & 0x20) ? 1 : 0) : 1u << (fhd >> 6);
		hsz = 5 + ((fhd & 0x20) ? 0 : 1) + didsz[fhd & 3] + fcssz;
		if (!(fhd & 0x20)) {
			unsigned e = p[5] >> 3;

			if (e + 10 > 31) {
				rp_fmt_damage(r, pos + 5, "window size too large at %llu",
				    (unsigned long long)pos);
				break;
			}
			win = (1ull << (10 + e)) + ((1ull << (10 + e)) >> 3) * (p[5] & 7);
		} else {
			win = 128 * 1024;   /* single segment: the content size */
		}
		bmax = win < 128 * 1024 ? win : 128 * 1024;
		if (fhd & 0x20)
			bmax = 128 * 1024;
		pos += hsz;
		if (nframes == 0)
			r->head_intact = 1;
		for (last = 0, first = 1; !last;) {
			uint32_t bh, type, bsz, avail;
			const unsigned char *q;

			if ((p = rp_rd_get(&rd, pos, 3)) == NULL) {
				if (rd.fail)
					goto budget;
				rp_fmt_damage(r, pos, "block chain runs past the end at %llu",
				    (unsigned long long)pos);
				goto out;
			}
			bh = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16;
			last = bh & 1;
			type = (bh >> 1) & 3;
			bsz = bh >> 3;
			if (type == 3 || bsz > bmax) {
				rp_fmt_damage(r, pos, "invalid block header at %llu",
				    (unsigned long long)pos);
				goto out;
			}
			avail = 0;
			if (type == 2 && bsz > 0) {
				/* the block, or as much of it as its sampled region holds */
				for (avail = bsz; avail >= 64 && rp_sample_get(s, pos + 3, avail) == NULL;)
					avail = avail / 2;
				if (avail < 64 && avail != bsz)
					avail = 0;
			}
			if (avail && (q = rp_sample_get(s, pos + 3, avail)) != NULL) {
				if (!zstd_block_ok(q, avail, first && (fhd & 3) == 0, avail != bsz)) {
					rp_fmt_damage(r, pos + 3, "compressed block at %llu: literals or "
					    "sequences header not valid", (unsigned long long)pos);
					goto out;
				}
				nchecked++;
			}
			if (type == 2)
				first = 0;
			pos += 3 + (type == 1 ? 1 : bsz);
			if (pos > s->size) {
				rp_fmt_damage(r, pos - bsz, "block at %llu runs past the end",
				    (unsigned long long)(pos - bsz - 3));
				goto out;
			}
			nblocks++;
		}
		if (fhd & 4)
			pos += 4;
		if (pos > s->size) {
			rp_fmt_damage(r, s->size, "content checksum missing at the end");
			break;
		}
		nframes++;
	}
out:
	if (r->head_intact != 1)
		r->head_intact = r->status == RP_FMT_DAMAGED && r->damage_off < 6 ? 0 : 1;
	r->tail_intact = r->status != RP_FMT_DAMAGED;
	r->body_checked = r->tail_intact;
	rp_fmt_ok(r, "%llu frames, %llu blocks chained to the end, %llu block headers inside "
	    "verified", (unsigned long long)nframes, (unsigned long long)nblocks,
	    (unsigned long long)nchecked);
	return;
budget:
	rp_fmt_ok(r, "%llu blocks chained to %llu (probe budget spent)",
	    (unsigned long long)nblocks, (unsigned long long)pos);
}
