/*
 * Images: JPEG (segments up to SOS, the entropy-coded data rule in every sampled
 * region, EOI), PNG (chunk chain with CRC-32 for every chunk inside a sampled region),
 * GIF (block chain to the trailer), BMP, TIFF (IFD chain) and ICO (directory).
 */
#include <stdlib.h>
#include <string.h>

#include "detect/fmt-list.h"
#include "detect/fmt-util.h"


/* ---- JPEG ---- */

int
rp_fmt_jpeg_sniff(const unsigned char *h, size_t n)
{
	return n >= 3 && h[0] == 0xFF && h[1] == 0xD8 && h[2] == 0xFF;
}

/* markers followed by a 2-byte length */
static int
jpeg_has_len(unsigned m)
{
	return (m >= 0xC0 && m <= 0xCF) || (m >= 0xDA && m <= 0xDF) ||
	    (m >= 0xE0 && m <= 0xEF) || m == 0xFE || m == 0xF7 || m == 0xF8;
}

/*
 * Applies the entropy-coded data rule to p[0..n): 0xFF is followed by 0x00, a fill
 * 0xFF, RST0-7, or a valid marker (whose segment is skipped). Stops at EOI (*eoi set to
 * its index). Returns the number of violations; *first the index of the first.
 */
static unsigned
jpeg_rule(const unsigned char *p, size_t n, size_t *eoi, size_t *first)
{
	size_t i = 0;
	unsigned bad = 0;

	*eoi = SIZE_MAX;
	while (i + 1 < n) {
		const unsigned char *q = memchr(p + i, 0xFF, n - i - 1);
		unsigned m;

		if (q == NULL)
			break;
		i = (size_t)(q - p) + 1;
		while (i < n && p[i] == 0xFF)
			i++;
		if (i >= n)
			break;
		m = p[i++];
		if (m == 0x00 || (m >= 0xD0 && m <= 0xD7))
			continue;
		if (m == 0xD9) {
			*eoi = i - 2;
			break;
		}
		/*
		 * Between the scans of a progressive or multi-scan file: tables, restart
		 * interval, comments, the next SOS. A segment must be consistent before it
		 * is skipped (random bytes would otherwise skip most of a region).
		 */
		if (m == 0xC4 || m == 0xCC || (m >= 0xDA && m <= 0xDD) || m == 0xFE ||
		    (m >= 0xE0 && m <= 0xEF)) {
			size_t len;

			if (i + 3 > n)
				break;
			len = rp_be16(p + i);
			if (m == 0xDA ? (p[i + 2] >= 1 && p[i + 2] <= 4 && len == 6u + 2u * p[i + 2]) :
			    (len >= 2 && (i + len >= n || p[i + len] == 0xFF))) {
				i += len;
				continue;
			}
		}
		if (bad++ == 0)
			*first = i - 2;
	}
	return bad;
}

/* a motion photo's video appended after the JPEG: its length from the XMP */
static uint64_t
jpeg_trailer_len(const unsigned char *h, size_t n)
{
	const unsigned char *p;
	static const char *keys[] = { "MicroVideoOffset=\"", "Item:Length=\"" };
	size_t k;

	if (rp_fmt_find(h, n, "MotionPhoto", 11) == NULL &&
	    rp_fmt_find(h, n, "MicroVideo", 10) == NULL)
		return 0;
	for (k = 0; k < 2; k++) {
		const unsigned char *from = h;
		uint64_t v = 0, best = 0;

		while ((p = rp_fmt_find(from, n - (size_t)(from - h), keys[k], strlen(keys[k]))) != NULL) {
			size_t i = (size_t)(p - h) + strlen(keys[k]);

			v = 0;
			while (i < n && h[i] >= '0' && h[i] <= '9' && v < (1ull << 50))
				v = v * 10 + (uint64_t)(h[i++] - '0');
			if (v > best)
				best = v;   /* the video is the largest item */
			from = h + i;
		}
		if (best)
			return best;
	}
	return 0;
}

/*
 * Whether the header segment at seg (marker m, length len, q[0..n) the bytes of its
 * payload the file still holds, n possibly 0) begins as its marker says. A file cut
 * inside a segment keeps the segment's start; a random length (a stripe over the
 * length field) comes with random bytes where the payload's first fields are:
 * an APPn or COM segment starts with its name or text in ASCII ("Exif", "JFIF",
 * "ICC_PROFILE", "http://ns.adobe.com/..."), a quantisation table with its
 * precision/id byte and a length made of whole 65- or 129-byte tables, a Huffman
 * table with its class/id byte, a frame header with its sample precision, a restart
 * interval with length 4. Other markers are not judged (0).
 */
static int
jpeg_seg_starts(unsigned m, size_t len, const unsigned char *q, size_t n)
{
	size_t i, k = n < 5 ? n : 5;

	if ((m >= 0xE0 && m <= 0xEF) || m == 0xFE) {
		for (i = 0; i < k; i++) {
			if (q[i] == 0 && i > 0 && m != 0xFE)
				break;   /* the end of an APPn's name */
			if (q[i] < 0x20 ? !(q[i] == '\t' || q[i] == '\n' || q[i] == '\r') : q[i] > 0x7E)
				return 0;
		}
		return 1;
	}
	if (m == 0xDB) {
		size_t t;

		if (n && ((q[0] >> 4) > 1 || (q[0] & 15) > 3))
			return 0;
		for (t = 0; t <= 4; t++)   /* t 16-bit tables, the rest 8-bit */
			if (len - 2 >= 129 * t && (len - 2 - 129 * t) % 65 == 0 &&
			    t + (len - 2 - 129 * t) / 65 <= 4)
				return 1;
		return 0;
	}
	if (m == 0xC4)
		return len >= 2 + 17 && (n == 0 || ((q[0] >> 4) <= 1 && (q[0] & 15) <= 3));
	if (m >= 0xC0 && m <= 0xCF && m != 0xC8 && m != 0xCC)
		return len >= 2 + 9 && (n == 0 || (q[0] >= 2 && q[0] <= 16));
	if (m == 0xDD)
		return len == 4;
	return 0;
}

/*
 * Whether the header segments, valid from the start of image, end with the file: the
 * chain stopped at pos because the file ends (not at a foreign byte), either inside
 * the last segment (lastm at lastpos, whose length runs past the end) or inside the
 * next marker. The randomness a segment's payload may hold (an EXIF thumbnail, an ICC
 * profile) is its own; what tells a cut from a random length is how the last segment
 * begins (jpeg_seg_starts) and that the 1-3 bytes left after it, if any, start a marker.
 */
static int
jpeg_cut(struct rp_sample *s, struct rp_rd *rd, uint64_t pos, uint64_t lastpos, unsigned lastm)
{
	const unsigned char *p;
	size_t n;

	if (lastpos == 0)
		return 0;
	if (pos < s->size) {
		/* a marker begun: 0xFF, then a marker code that may have a length */
		n = (size_t)(s->size - pos);
		if (n >= 4 || (p = rp_rd_get(rd, pos, n)) == NULL || p[0] != 0xFF)
			return 0;
		if (n >= 2 && p[1] != 0xFF && !jpeg_has_len(p[1]))
			return 0;
	}
	/* the last segment, whole or cut: how it begins */
	if (lastpos + 4 > s->size)
		return 0;
	n = s->size - (lastpos + 4) < 16 ? (size_t)(s->size - (lastpos + 4)) : 16;
	if ((p = rp_rd_get(rd, lastpos, 4 + n)) == NULL)
		return 0;
	return jpeg_seg_starts(lastm, rp_be16(p + 2), p + 4, n);
}

void
rp_fmt_jpeg_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *p, *t;
	size_t hlen, tlen, i, eoi, first = 0;
	uint64_t pos = 2, sos = 0, end, toff, checked = 0, lastpos = 0;
	unsigned m, nseg, bad, lastm = 0;
	int sof = 0, jls = 0;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_jpeg_sniff(h, hlen)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no JPEG start of image at 0");
	} else {
		rp_rd_init(&rd, s, 512);
		for (nseg = 0; nseg < 4096; nseg++) {
			if ((p = rp_rd_get(&rd, pos, 4)) == NULL)
				break;
			if (p[0] != 0xFF) {
				rp_fmt_damage(r, pos, "no marker at %llu in the header segments",
				    (unsigned long long)pos);
				break;
			}
			m = p[1];
			if (m == 0xFF) {
				pos++;
				continue;
			}
			if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) {
				pos += 2;
				continue;
			}
			if (!jpeg_has_len(m) || m == 0xD9 || rp_be16(p + 2) < 2) {
				rp_fmt_damage(r, pos, "invalid marker 0xFF%02X at %llu", m,
				    (unsigned long long)pos);
				break;
			}
			if ((m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) ||
			    m == 0xF7) {
				sof = 1;
				jls = m == 0xF7;
			}
			lastpos = pos;
			lastm = m;
			pos += 2 + (uint64_t)rp_be16(p + 2);
			if (m == 0xDA) {
				sos = pos;
				break;
			}
		}
		if (r->status != RP_FMT_DAMAGED && sos == 0) {
			r->head_intact = 1;
			if (rd.fail)
				rp_fmt_ok(r, "header segments read to %llu (probe budget)",
				    (unsigned long long)pos);
			else if (jpeg_cut(s, &rd, pos, lastpos, lastm)) {
				/* a marker where each segment's length said, up to the end */
				rp_fmt_damage(r, s->size, "the file ends in its header segments "
				    "(segment 0xFF%02X at %llu), every marker before where expected",
				    lastm, (unsigned long long)lastpos);
				r->truncated = 1;
			} else {
				rp_fmt_damage(r, pos, "no start of scan in the header segments");
				r->head_intact = 0;
			}
			return;
		}
		if (r->status != RP_FMT_DAMAGED && !sof)
			rp_fmt_damage(r, pos, "no frame header before the scan");
		r->head_intact = r->status != RP_FMT_DAMAGED;
	}
	if (sos == 0)
		sos = 2;

	/* the end: EOI, after trailing padding, or before an appended motion-photo video */
	end = s->size;
	if (h && hlen && (toff = jpeg_trailer_len(h, hlen)) != 0 && toff < s->size)
		end = s->size - toff;
	t = rp_sample_tail(s, &tlen, &toff);
	r->tail_intact = 0;
	if (t && end > toff && end - toff <= tlen) {
		size_t e = (size_t)(end - toff);
		size_t pad = 0;

		while (e > 2 && pad < 4096 && (t[e - 1] == 0 || t[e - 1] == 0xFF || t[e - 1] == '\n' ||
		    t[e - 1] == '\r' || t[e - 1] == ' ') && !(t[e - 2] == 0xFF && t[e - 1] == 0xD9))
			e--, pad++;
		if (e >= 2 && t[e - 2] == 0xFF && t[e - 1] == 0xD9) {
			r->tail_intact = 1;
			end = toff + e;
		} else {
			/* trailing data of a maker (Samsung, Apple...): a clean run before an EOI */
			for (i = e; i-- > 1;) {
				uint64_t from;

				if (t[i - 1] != 0xFF || t[i] != 0xD9)
					continue;
				from = toff + i - 1 > 4096 ? toff + i - 1 - 4096 : 0;
				if (from < sos)
					from = sos;
				if (from < toff || from >= toff + i - 1)
					continue;
				if (jpeg_rule(t + (from - toff), (size_t)(toff + i - 1 - from), &eoi,
				    &first) == 0 && eoi == SIZE_MAX) {
					r->tail_intact = 1;
					end = toff + i + 1;
					break;
				}
			}
		}
	}
	if (!r->tail_intact && t)
		rp_fmt_damage(r, s->size > 2 ? s->size - 2 : 0, "no JPEG end of image marker at the end");

	/* entropy-coded data in every sampled region */
	if (!jls && r->head_intact == 1) {
		for (i = 0; i < s->nreg; i++) {
			uint64_t a = s->reg[i].off, b = s->reg[i].off + s->reg[i].len;

			if (a < sos)
				a = sos;
			if (b > end)
				b = end;
			if (a >= b)
				continue;
			p = rp_sample_get(s, a, (size_t)(b - a));
			bad = jpeg_rule(p, (size_t)(b - a), &eoi, &first);
			checked += eoi == SIZE_MAX ? b - a : eoi;
			if (bad >= 3 || (bad && b - a < 2048)) {
				rp_fmt_damage(r, a + first, "%u invalid markers in the entropy-coded "
				    "data at %llu", bad, (unsigned long long)(a + first));
				break;
			}
			if (eoi != SIZE_MAX)
				break;   /* what follows the first EOI is another image or a trailer */
		}
		r->body_checked = checked > 0;
	}
	/* only the end of image is missing, and the entropy-coded data is valid to the end */
	if (r->status == RP_FMT_DAMAGED && r->head_intact == 1 && !r->tail_intact &&
	    r->damage_off + 2 >= s->size && checked >= 64)
		r->truncated = 1;
	rp_fmt_ok(r, "segments to the scan at %llu, %llu bytes of entropy-coded data valid, "
	    "end of image at %llu", (unsigned long long)sos, (unsigned long long)checked,
	    (unsigned long long)end);
}

/* ---- PNG ---- */

static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

int
rp_fmt_png_sniff(const unsigned char *h, size_t n)
{
	return n >= 8 && memcmp(h, png_sig, 8) == 0;
}

static int
png_type_ok(const unsigned char *t)
{
	int i;

	for (i = 0; i < 4; i++)
		if (!((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z')))
			return 0;
	return 1;
}

void
rp_fmt_png_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *p, *t;
	size_t hlen, tlen;
	uint64_t pos = 8, len, nchunks = 0, ncrc = 0, toff;

	rp_fmt_begin(r);
	t = rp_sample_tail(s, &tlen, &toff);
	r->tail_intact = t && tlen >= 12 &&
	    memcmp(t + tlen - 12, "\0\0\0\0IEND\xAE\x42\x60\x82", 12) == 0;
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_png_sniff(h, hlen)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no PNG signature at 0");
		return;
	}
	rp_rd_init(&rd, s, 64);
	for (;;) {
		if (pos + 12 > s->size) {
			r->truncated = nchunks >= 2 && ncrc == nchunks;
			rp_fmt_damage(r, pos, "chunk chain runs past the end at %llu",
			    (unsigned long long)pos);
			break;
		}
		if ((p = rp_rd_get(&rd, pos, 8)) == NULL)
			break;
		len = rp_be32(p);
		if (len > 0x7FFFFFFF || !png_type_ok(p + 4) ||
		    (nchunks == 0 && (len != 13 || memcmp(p + 4, "IHDR", 4) != 0))) {
			rp_fmt_damage(r, pos, "invalid chunk header at %llu", (unsigned long long)pos);
			break;
		}
		if (pos + 12 + len > s->size) {
			/*
			 * Cut short (an interrupted copy) or a fake header? A cut file's chunks
			 * before were whole with their CRCs, and a first IDAT still inflates
			 * up to the end; random bytes behind a kept IHDR make no valid chunk.
			 */
			const unsigned char *k;
			size_t used, zoff = 0;

			/* the zlib stream of the cut chunk: an IDAT's data, or a zTXt's or
			 * iCCP's after its keyword, NUL and compression method (an icon's
			 * first chunk after IHDR is often a compressed profile) */
			if (memcmp(p + 4, "IDAT", 4) == 0)
				zoff = 8;
			else if ((memcmp(p + 4, "zTXt", 4) == 0 || memcmp(p + 4, "iCCP", 4) == 0) &&
			    s->size - pos - 8 >= 82 && (k = rp_sample_get(s, pos + 8, 81)) != NULL &&
			    (t = memchr(k, '\0', 80)) != NULL && t[1] == 0)
				zoff = 8 + (size_t)(t - k) + 2;
			if (nchunks >= 2 && ncrc == nchunks)
				r->truncated = 1;
			else if (nchunks == 1 && ncrc == 1 && zoff &&
			    s->size - pos - zoff >= 64 && (t = rp_sample_get(s, pos + zoff,
			    (size_t)(s->size - pos - zoff))) != NULL &&
			    rp_fmt_inflate(t, (size_t)(s->size - pos - zoff), 0, 64u << 20, &used,
			    NULL, NULL) >= 0)
				r->truncated = 1;
			rp_fmt_damage(r, pos, "chunk at %llu runs past the end", (unsigned long long)pos);
			break;
		}
		if ((p = rp_sample_get(s, pos, (size_t)(12 + len))) != NULL) {
			if (rp_fmt_crc32(0, p + 4, (size_t)len + 4) != rp_be32(p + 8 + len)) {
				rp_fmt_damage(r, pos, "CRC of chunk '%.4s' at %llu does not match",
				    (const char *)p + 4, (unsigned long long)pos);
				break;
			}
			ncrc++;
		}
		nchunks++;
		if (nchunks == 1)
			r->head_intact = 1;
		if ((p && memcmp(p + 4, "IEND", 4) == 0) ||
		    (!p && (p = rp_rd_get(&rd, pos, 8)) && memcmp(p + 4, "IEND", 4) == 0)) {
			r->tail_intact = 1;   /* IEND reached; bytes after it are tolerated */
			break;
		}
		pos += 12 + len;
		if (nchunks >= 200000)
			break;
	}
	if (r->head_intact != 1)
		r->head_intact = 0;
	if (!r->tail_intact && r->status != RP_FMT_DAMAGED)
		rp_fmt_damage(r, s->size > 12 ? s->size - 12 : 0, "no IEND chunk at the end");
	r->body_checked = ncrc > 0;
	rp_fmt_ok(r, "%llu chunks%s to IEND, %llu CRCs verified", (unsigned long long)nchunks,
	    rd.fail ? " (probe budget spent)" : "", (unsigned long long)ncrc);
}

/* ---- GIF ---- */

int
rp_fmt_gif_sniff(const unsigned char *h, size_t n)
{
	return n >= 6 && (memcmp(h, "GIF87a", 6) == 0 || memcmp(h, "GIF89a", 6) == 0);
}

void
rp_fmt_gif_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *p, *t;
	size_t hlen, tlen;
	uint64_t pos, toff, nimg = 0, nblk = 0;
	int done = 0;

	rp_fmt_begin(r);
	t = rp_sample_tail(s, &tlen, &toff);
	r->tail_intact = t && tlen && t[tlen - 1] == 0x3B;
	h = rp_sample_head(s, &hlen);
	if (h == NULL || hlen < 13 || !rp_fmt_gif_sniff(h, hlen)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no GIF header at 0");
		return;
	}
	r->head_intact = 1;
	pos = 13 + ((h[10] & 0x80) ? 3u << ((h[10] & 7) + 1) : 0);
	rp_rd_init(&rd, s, 8192);
	while (!done && nblk < 10000000) {
		if ((p = rp_rd_get(&rd, pos, 1)) == NULL)
			break;
		if (*p == 0x3B) {
			done = 1;
			break;
		}
		if (*p == 0x21) {
			if ((p = rp_rd_get(&rd, pos, 2)) == NULL)
				break;
			if (p[1] != 0x01 && p[1] != 0xF9 && p[1] != 0xFE && p[1] != 0xFF) {
				rp_fmt_damage(r, pos, "invalid extension label at %llu",
				    (unsigned long long)pos);
				return;
			}
			pos += 2;
		} else if (*p == 0x2C) {
			if ((p = rp_rd_get(&rd, pos, 11)) == NULL)
				break;
			pos += 10 + ((p[9] & 0x80) ? 3u << ((p[9] & 7) + 1) : 0);
			if ((p = rp_rd_get(&rd, pos, 1)) == NULL)
				break;
			if (*p < 1 || *p > 12) {
				rp_fmt_damage(r, pos, "invalid LZW code size at %llu",
				    (unsigned long long)pos);
				return;
			}
			pos++;
			nimg++;
		} else {
			rp_fmt_damage(r, pos, "invalid block 0x%02X at %llu", *p, (unsigned long long)pos);
			return;
		}
		/* data sub-blocks up to the terminator */
		for (;;) {
			if ((p = rp_rd_get(&rd, pos, 1)) == NULL)
				break;
			pos += 1 + (uint64_t)*p;
			nblk++;
			if (*p == 0)
				break;
		}
		if (p == NULL)
			break;
	}
	if (done) {
		uint64_t k;

		/* after the trailer: nothing, or zero padding */
		for (k = pos + 1; k < s->size && k < pos + 1 + 4096; k++) {
			if ((p = rp_rd_get(&rd, k, 1)) == NULL)
				break;
			if (*p != 0) {
				rp_fmt_damage(r, pos, "block chain ends at %llu, before the end",
				    (unsigned long long)pos);
				return;
			}
		}
		r->body_checked = 1;
		rp_fmt_ok(r, "%llu images, %llu data blocks, trailer at %llu",
		    (unsigned long long)nimg, (unsigned long long)nblk, (unsigned long long)pos);
		return;
	}
	if (!rd.fail) {
		rp_fmt_damage(r, pos, "block chain runs past the end at %llu", (unsigned long long)pos);
		return;
	}
	if (!r->tail_intact)
		rp_fmt_damage(r, s->size - 1, "no GIF trailer at the end");
	rp_fmt_ok(r, "block chain valid to %llu (probe budget), trailer at the end",
	    (unsigned long long)pos);
}

/* ---- BMP ---- */

int
rp_fmt_bmp_sniff(const unsigned char *h, size_t n)
{
	uint32_t d;

	if (n < 18 || h[0] != 'B' || h[1] != 'M' || rp_le32(h + 6) != 0)
		return 0;
	d = rp_le32(h + 14);
	return d == 12 || d == 40 || d == 52 || d == 56 || d == 64 || d == 108 || d == 124;
}

void
rp_fmt_bmp_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	const unsigned char *h;
	size_t hlen;
	uint32_t fsize, off, dib, comp = 0;
	int64_t w, hh;
	unsigned bpp, planes;
	uint64_t row, need;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || hlen < 26 || !rp_fmt_bmp_sniff(h, hlen)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no BMP header at 0");
		return;
	}
	fsize = rp_le32(h + 2);
	off = rp_le32(h + 10);
	dib = rp_le32(h + 14);
	if (dib == 12) {
		w = rp_le16(h + 18);
		hh = rp_le16(h + 20);
		planes = rp_le16(h + 22);
		bpp = rp_le16(h + 24);
	} else {
		if (hlen < 54) {
			rp_fmt_damage(r, 0, "BMP header truncated");
			r->head_intact = 0;
			return;
		}
		w = (int32_t)rp_le32(h + 18);
		hh = (int32_t)rp_le32(h + 22);
		planes = rp_le16(h + 26);
		bpp = rp_le16(h + 28);
		comp = rp_le32(h + 30);
	}
	if (hh < 0)
		hh = -hh;
	if ((fsize != 0 && fsize > s->size) || off < 14 + dib || off > s->size || w <= 0 ||
	    hh == 0 || planes != 1 || !(bpp == 1 || bpp == 2 || bpp == 4 || bpp == 8 ||
	    bpp == 16 || bpp == 24 || bpp == 32 || bpp == 64) || (comp > 6 && !(comp >= 11 &&
	    comp <= 13))) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "BMP header fields are not consistent with the file");
		return;
	}
	r->head_intact = 1;
	if (comp == 0 || comp == 3) {
		row = (((uint64_t)w * bpp + 31) / 32) * 4;
		need = row * (uint64_t)hh;
		if (need > s->size - off) {
			r->tail_intact = 0;
			rp_fmt_damage(r, s->size, "pixel data (%llu bytes) runs past the end",
			    (unsigned long long)need);
			return;
		}
		r->tail_intact = 1;
	}
	rp_fmt_ok(r, "%lldx%lld, %u bits per pixel, pixel data at %u", (long long)w,
	    (long long)hh, bpp, off);
}

/* ---- TIFF ---- */

int
rp_fmt_tiff_sniff(const unsigned char *h, size_t n)
{
	return n >= 8 && ((h[0] == 'I' && h[1] == 'I' && (h[2] == 42 || h[2] == 43) && h[3] == 0) ||
	    (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && (h[3] == 42 || h[3] == 43)));
}

struct tiffctx {
	int be, big;
};

static uint64_t
t16(const struct tiffctx *c, const unsigned char *p)
{
	return c->be ? rp_be16(p) : rp_le16(p);
}

static uint64_t
t32(const struct tiffctx *c, const unsigned char *p)
{
	return c->be ? rp_be32(p) : rp_le32(p);
}

static uint64_t
t64(const struct tiffctx *c, const unsigned char *p)
{
	return c->be ? rp_be64(p) : rp_le64(p);
}

void
rp_fmt_tiff_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	static const unsigned tsz[19] = { 0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4, 0, 0, 8, 8, 8 };
	struct rp_rd rd;
	struct tiffctx c;
	const unsigned char *h, *p;
	size_t hlen;
	uint64_t ifd, n, i, nifd = 0, nent = 0, esz, hsz;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_tiff_sniff(h, hlen) || hlen < 16) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no TIFF header at 0");
		return;
	}
	c.be = h[0] == 'M';
	c.big = (c.be ? h[3] : h[2]) == 43;
	ifd = c.big ? t64(&c, h + 8) : t32(&c, h + 4);
	esz = c.big ? 20 : 12;
	hsz = c.big ? 8 : 2;
	rp_rd_init(&rd, s, 4096);
	while (ifd != 0 && nifd < 64) {
		if (ifd < 8 || ifd >= s->size || (p = rp_rd_get(&rd, ifd, hsz)) == NULL) {
			if (rd.fail)
				break;
			rp_fmt_damage(r, nifd ? ifd : 4, "IFD offset %llu outside the file",
			    (unsigned long long)ifd);
			goto out;
		}
		n = c.big ? t64(&c, p) : t16(&c, p);
		if (n == 0 || n > 4096 || ifd + hsz + n * esz + (c.big ? 8 : 4) > s->size) {
			rp_fmt_damage(r, ifd, "IFD at %llu has an invalid entry count",
			    (unsigned long long)ifd);
			goto out;
		}
		for (i = 0; i < n; i++) {
			uint64_t type, cnt, bytes, vo;

			if ((p = rp_rd_get(&rd, ifd + hsz + i * esz, (size_t)esz)) == NULL)
				goto out;
			type = t16(&c, p + 2);
			cnt = c.big ? t64(&c, p + 4) : t32(&c, p + 4);
			if (type == 0 || type > 18 || tsz[type] == 0) {
				rp_fmt_damage(r, ifd + hsz + i * esz, "IFD entry at %llu has invalid type %llu",
				    (unsigned long long)(ifd + hsz + i * esz), (unsigned long long)type);
				goto out;
			}
			bytes = cnt * tsz[type];
			if (cnt > s->size || bytes > (c.big ? 8u : 4u)) {
				vo = c.big ? t64(&c, p + 12) : t32(&c, p + 8);
				if (cnt > s->size || vo > s->size || bytes > s->size - vo) {
					rp_fmt_damage(r, ifd + hsz + i * esz, "IFD entry at %llu points "
					    "outside the file", (unsigned long long)(ifd + hsz + i * esz));
					goto out;
				}
			}
			nent++;
		}
		if ((p = rp_rd_get(&rd, ifd + hsz + n * esz, c.big ? 8 : 4)) == NULL)
			break;
		ifd = c.big ? t64(&c, p) : t32(&c, p);
		nifd++;
	}
	r->head_intact = 1;
	rp_fmt_ok(r, "%llu IFDs, %llu entries point inside the file", (unsigned long long)nifd,
	    (unsigned long long)nent);
	return;
out:
	/* nothing valid behind the 8-byte header: the damage starts right there */
	if (nifd == 0 && nent == 0)
		r->damage_off = 4;
	r->head_intact = r->damage_off > 16;
}

/* ---- ICO / CUR ---- */

/* a PNG held whole in memory: chunk chain with CRCs to IEND */
static int
png_mem_ok(const unsigned char *p, size_t n)
{
	size_t pos = 8;
	uint32_t len;

	while (pos + 12 <= n) {
		len = rp_be32(p + pos);
		if (len > n - pos - 12 || !png_type_ok(p + pos + 4) ||
		    rp_fmt_crc32(0, p + pos + 4, (size_t)len + 4) != rp_be32(p + pos + 8 + len))
			return 0;
		if (memcmp(p + pos + 4, "IEND", 4) == 0)
			return 1;
		pos += 12 + len;
	}
	return 0;
}

int
rp_fmt_ico_sniff(const unsigned char *h, size_t n)
{
	return n >= 22 && h[0] == 0 && h[1] == 0 && (h[2] == 1 || h[2] == 2) && h[3] == 0 &&
	    rp_le16(h + 4) > 0 && h[9] == 0 && (rp_le32(h + 18) == 6u + 16u * rp_le16(h + 4));
}

void
rp_fmt_ico_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	unsigned char buf[8];
	const unsigned char *h, *e;
	size_t hlen;
	unsigned n, i;
	uint64_t sz, off;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || hlen < 22 || h[0] || h[1] || (h[2] != 1 && h[2] != 2) || h[3] ||
	    (n = rp_le16(h + 4)) == 0 || 6u + 16u * n > hlen) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no icon directory at 0");
		return;
	}
	for (i = 0; i < n; i++) {
		e = h + 6 + 16 * i;
		sz = rp_le32(e + 8);
		off = rp_le32(e + 12);
		if (off < 6u + 16u * n || off > s->size || sz > s->size - off || sz < 8) {
			r->head_intact = 0;
			rp_fmt_damage(r, 6 + 16 * i, "icon %u points outside the file", i);
			return;
		}
		if ((e = rp_sample_get(s, off, (size_t)sz)) != NULL && sz >= 8 &&
		    memcmp(e, png_sig, 8) == 0 && !png_mem_ok(e, (size_t)sz)) {
			r->head_intact = 1;
			rp_fmt_damage(r, off, "PNG of icon %u at %llu is not valid (CRC)", i,
			    (unsigned long long)off);
			return;
		}
		if (rp_sample_pread(s, buf, 8, off) == 8 && memcmp(buf, png_sig, 8) != 0 &&
		    rp_le32(buf) != 40 && rp_le32(buf) != 12 && rp_le32(buf) != 108 &&
		    rp_le32(buf) != 124) {
			rp_fmt_damage(r, off, "icon %u at %llu is neither PNG nor bitmap", i,
			    (unsigned long long)off);
			r->head_intact = 1;
			return;
		}
	}
	r->head_intact = 1;
	r->body_checked = 0;
	rp_fmt_ok(r, "%u images, each a PNG or bitmap inside the file", n);
}
