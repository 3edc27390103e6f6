/*
 * Archives: 7z (signature header CRC, the next header read whole and its CRC-32),
 * RAR 4 and 5 (header chain with each header's CRC) and tar (512-byte headers with
 * their checksums chained to the end-of-archive blocks).
 */
#include <string.h>

#include "detect/fmt-list.h"
#include "detect/fmt-util.h"

/* ---- 7z ---- */

static const unsigned char sz_magic[6] = { '7', 'z', 0xBC, 0xAF, 0x27, 0x1C };

int
rp_fmt_7z_sniff(const unsigned char *h, size_t n)
{
	return n >= 32 && memcmp(h, sz_magic, 6) == 0;
}

void
rp_fmt_7z_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *p;
	size_t hlen, k;
	uint64_t noff, nsize, i;
	uint32_t ncrc, crc = 0;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_7z_sniff(h, hlen) || h[6] != 0 ||
	    rp_fmt_crc32(0, h + 12, 20) != rp_le32(h + 8)) {
		r->head_intact = 0;
		r->tail_intact = -1;
		rp_fmt_damage(r, 0, "no valid 7z signature header at 0 (CRC-32)");
		return;
	}
	r->head_intact = 1;
	noff = rp_le64(h + 12);
	nsize = rp_le64(h + 20);
	ncrc = rp_le32(h + 28);
	if (noff == 0 && nsize == 0) {
		r->tail_intact = 1;
		rp_fmt_ok(r, "signature header of an empty archive");
		return;
	}
	if (noff > s->size - 32 || nsize > s->size - 32 - noff || nsize == 0) {
		r->tail_intact = 0;
		rp_fmt_damage(r, 12, "next header (%llu bytes at %llu) lies outside the file",
		    (unsigned long long)nsize, (unsigned long long)(32 + noff));
		return;
	}
	rp_rd_init(&rd, s, RP_RD_BUF);
	for (i = 0; i < nsize; i += k) {
		k = nsize - i > RP_RD_BUF ? RP_RD_BUF : (size_t)(nsize - i);
		if ((p = rp_rd_get(&rd, 32 + noff + i, k)) == NULL) {
			rp_fmt_ok(r, "signature header (CRC-32); next header too large to read");
			return;
		}
		if (i == 0 && p[0] != 0x01 && p[0] != 0x17) {
			r->tail_intact = 0;
			rp_fmt_damage(r, 32 + noff, "next header at %llu has an unknown type",
			    (unsigned long long)(32 + noff));
			return;
		}
		crc = rp_fmt_crc32(crc, p, k);
	}
	if (crc != ncrc) {
		r->tail_intact = 0;
		rp_fmt_damage(r, 32 + noff, "next header at %llu: CRC-32 does not match",
		    (unsigned long long)(32 + noff));
		return;
	}
	r->tail_intact = 1;
	rp_fmt_ok(r, "signature header and next header (%llu bytes at %llu) match their CRC-32",
	    (unsigned long long)nsize, (unsigned long long)(32 + noff));
}

/* ---- RAR ---- */

int
rp_fmt_rar_sniff(const unsigned char *h, size_t n)
{
	return n >= 8 && memcmp(h, "Rar!\x1a\x07", 6) == 0 && (h[6] == 0 || (h[6] == 1 && h[7] == 0));
}

static int
vint(const unsigned char *p, size_t n, size_t *i, uint64_t *v)
{
	unsigned k;

	*v = 0;
	for (k = 0; k < 10 && *i < n; k++) {
		*v |= (uint64_t)(p[*i] & 0x7F) << (7 * k);
		if (!(p[(*i)++] & 0x80))
			return 0;
	}
	return -1;
}

void
rp_fmt_rar_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *p;
	size_t hlen;
	uint64_t pos, n = 0;
	int v5, end = 0;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_rar_sniff(h, hlen)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no RAR signature at 0");
		return;
	}
	v5 = h[6] == 1;
	pos = v5 ? 8 : 7;
	rp_rd_init(&rd, s, 256);
	while (!end && n < 100000 && pos < s->size) {
		if (v5) {
			unsigned char hb[RP_RD_BUF];
			uint64_t hsz, type, flags, x, dsz = 0;
			size_t i = 4, j;

			if ((p = rp_rd_get(&rd, pos, s->size - pos < 16 ? (size_t)(s->size - pos) : 16)) == NULL)
				break;
			memcpy(hb, p, s->size - pos < 16 ? (size_t)(s->size - pos) : 16);
			if (vint(hb, 16, &i, &hsz) < 0 || hsz == 0 || hsz > 2 * 1024 * 1024 ||
			    hsz + i > RP_RD_BUF || pos + i + hsz > s->size) {
				rp_fmt_damage(r, pos, "invalid RAR header at %llu", (unsigned long long)pos);
				break;
			}
			if ((p = rp_rd_get(&rd, pos, i + (size_t)hsz)) == NULL)
				break;
			memcpy(hb, p, i + (size_t)hsz);
			if (rp_fmt_crc32(0, hb + 4, i - 4 + (size_t)hsz) != rp_le32(hb)) {
				rp_fmt_damage(r, pos, "RAR header at %llu: CRC-32 does not match",
				    (unsigned long long)pos);
				break;
			}
			j = i;
			if (vint(hb, i + hsz, &j, &type) < 0 || vint(hb, i + hsz, &j, &flags) < 0 ||
			    ((flags & 1) && vint(hb, i + hsz, &j, &x) < 0) ||
			    ((flags & 2) && vint(hb, i + hsz, &j, &dsz) < 0)) {
				rp_fmt_damage(r, pos, "invalid RAR header at %llu", (unsigned long long)pos);
				break;
			}
			pos += i + hsz;
			if (dsz > s->size - pos) {
				rp_fmt_damage(r, pos, "RAR data at %llu runs past the end",
				    (unsigned long long)pos);
				break;
			}
			pos += dsz;
			n++;
			if (type == 5 || type == 4)
				end = 1;   /* end of archive, or encrypted headers follow */
		} else {
			unsigned char hb[RP_RD_BUF];
			uint16_t hsz, flags;
			uint64_t add = 0;

			if ((p = rp_rd_get(&rd, pos, 7)) == NULL) {
				if (rd.fail)
					break;
				rp_fmt_damage(r, pos, "truncated RAR header at %llu", (unsigned long long)pos);
				break;
			}
			hsz = rp_le16(p + 5);
			flags = rp_le16(p + 3);
			if (hsz < 7 || pos + hsz > s->size || (p = rp_rd_get(&rd, pos, hsz)) == NULL) {
				rp_fmt_damage(r, pos, "invalid RAR header at %llu", (unsigned long long)pos);
				break;
			}
			memcpy(hb, p, hsz);
			if ((rp_fmt_crc32(0, hb + 2, hsz - 2u) & 0xFFFF) != rp_le16(hb) &&
			    hb[2] != 0x7B) {
				rp_fmt_damage(r, pos, "RAR header at %llu: CRC does not match",
				    (unsigned long long)pos);
				break;
			}
			if ((flags & 0x8000) && hsz >= 11)
				add = rp_le32(hb + 7);
			if (hb[2] == 0x74 && (flags & 0x100) && hsz >= 36)
				add |= (uint64_t)rp_le32(hb + 32) << 32;
			if (hb[2] == 0x73 && (flags & 0x80))
				end = 1;   /* encrypted headers */
			if (hb[2] == 0x7B)
				end = 1;
			pos += hsz;
			if (add > s->size - pos) {
				rp_fmt_damage(r, pos, "RAR data at %llu runs past the end",
				    (unsigned long long)pos);
				break;
			}
			pos += add;
			n++;
		}
		if (n == 1 && r->status != RP_FMT_DAMAGED)
			r->head_intact = 1;
	}
	if (r->head_intact != 1)
		r->head_intact = 0;
	if (r->status != RP_FMT_DAMAGED && !end && !rd.fail && n < 100000)
		rp_fmt_damage(r, pos, "no end-of-archive header");
	r->tail_intact = end;
	rp_fmt_ok(r, "RAR%d: %llu headers with valid CRCs%s", v5 ? 5 : 4, (unsigned long long)n,
	    end ? " to the end" : " (probe budget)");
}

/* ---- tar ---- */

static uint64_t
tar_num(const unsigned char *p, size_t n, int *ok)
{
	uint64_t v = 0;
	size_t i = 0;

	*ok = 1;
	if (p[0] & 0x80) {   /* base-256 */
		for (i = 1; i < n; i++)
			v = v << 8 | p[i];
		return v;
	}
	while (i < n && p[i] == ' ')
		i++;
	for (; i < n && p[i] >= '0' && p[i] <= '7'; i++)
		v = v * 8 + (uint64_t)(p[i] - '0');
	for (; i < n; i++)
		if (p[i] != ' ' && p[i] != 0)
			*ok = 0;
	return v;
}

static int
tar_sum_ok(const unsigned char *b)
{
	uint64_t u = 0, want;
	int64_t sg = 0;
	size_t i;
	int ok;

	for (i = 0; i < 512; i++) {
		unsigned c = i >= 148 && i < 156 ? ' ' : b[i];

		u += c;
		sg += (signed char)c;
	}
	want = tar_num(b + 148, 8, &ok);
	return ok && (want == u || (int64_t)want == sg);
}

static int
zero_block(const unsigned char *b)
{
	size_t i;

	for (i = 0; i < 512; i++)
		if (b[i])
			return 0;
	return 1;
}

int
rp_fmt_tar_sniff(const unsigned char *h, size_t n)
{
	return n >= 512 && memcmp(h + 257, "ustar", 5) == 0 && tar_sum_ok(h);
}

void
rp_fmt_tar_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *p, *t;
	uint64_t pos = 0, n = 0, size, toff;
	size_t tlen, i;
	int ok, end = 0;

	rp_fmt_begin(r);
	rp_rd_init(&rd, s, 512);
	while (pos + 512 <= s->size && n < 10000000) {
		if ((p = rp_rd_get(&rd, pos, 512)) == NULL)
			break;
		if (zero_block(p)) {
			end = 1;
			break;
		}
		if (!tar_sum_ok(p)) {
			rp_fmt_damage(r, pos, "tar header at %llu: checksum does not match",
			    (unsigned long long)pos);
			break;
		}
		size = tar_num(p + 124, 12, &ok);
		if (!ok) {
			rp_fmt_damage(r, pos, "tar header at %llu: invalid size", (unsigned long long)pos);
			break;
		}
		if (p[156] >= '1' && p[156] <= '6')
			size = 0;
		pos += 512;
		if (size > s->size - pos) {
			rp_fmt_damage(r, pos, "member at %llu runs past the end", (unsigned long long)pos);
			break;
		}
		pos += (size + 511) & ~(uint64_t)511;
		n++;
	}
	r->head_intact = n > 0 || (r->status != RP_FMT_DAMAGED && end);
	if (r->status == RP_FMT_DAMAGED) {
		r->tail_intact = -1;
		return;
	}
	/* after the end-of-archive blocks: zeros only */
	t = rp_sample_tail(s, &tlen, &toff);
	r->tail_intact = 1;
	if (t) {
		for (i = tlen; i-- > 0;) {
			if (t[i] == 0)
				continue;
			if (end && toff + i < pos) {
				break;
			}
			if (end || (rd.fail && toff + i + 1024 >= s->size)) {
				r->tail_intact = 0;
				rp_fmt_damage(r, toff + i, "non-zero bytes at %llu after the end of archive",
				    (unsigned long long)(toff + i));
				return;
			}
			break;
		}
	}
	if (!end && !rd.fail && pos + 512 > s->size) {
		r->tail_intact = 0;
		rp_fmt_damage(r, pos, "no end-of-archive block");
		return;
	}
	r->body_checked = end;
	rp_fmt_ok(r, "%llu members, header checksums valid%s", (unsigned long long)n,
	    end ? " to the end-of-archive block" : " (probe budget)");
}
