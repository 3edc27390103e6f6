/*
 * ZIP (and OOXML, ODF, JAR, APK, EPUB...): the end of central directory record (with
 * its comment and the ZIP64 locator), the central directory entries, and for each
 * entry whose local header lies in a sampled region (plus the first and the last)
 * the local header's signature and name; deflated data that starts inside a sampled
 * region must inflate without error.
 */
#include <string.h>

#include "detect/fmt-list.h"
#include "detect/fmt-util.h"

#define EOCD_MIN 22
#define NAME_CMP 256
#define MAX_ENTRIES 200000


int
rp_fmt_zip_sniff(const unsigned char *h, size_t n)
{
	if (n < 4 || h[0] != 'P' || h[1] != 'K')
		return 0;
	return (h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6) ||
	    (n >= 8 && h[2] == 7 && h[3] == 8 && memcmp(h + 4, "PK\3\4", 4) == 0);
}

struct zent {
	uint64_t lho;          /* local header offset (adjusted) */
	uint64_t csize;
	uint16_t method, flags, nlen;
	unsigned char name[NAME_CMP + 1];
};

/* the local header at e->lho: signature and the same name; deflate probe when sampled */
static int
check_local(struct rp_sample *s, const struct zent *e, uint64_t *bad)
{
	unsigned char buf[30 + NAME_CMP];
	size_t want = 30 + (e->nlen < NAME_CMP ? e->nlen : NAME_CMP), used;
	uint64_t doff, avail, out;
	const unsigned char *d;
	ssize_t n;
	size_t i;

	*bad = e->lho;
	n = rp_sample_pread(s, buf, want, e->lho);
	if (n < 0)
		return 0;   /* budget spent: not examined */
	if ((size_t)n < want || memcmp(buf, "PK\3\4", 4) != 0)
		return -1;
	if (rp_le16(buf + 26) != e->nlen || memcmp(buf + 30, e->name, want - 30) != 0)
		return -2;
	if (e->method != 8 || (e->flags & 1) || e->csize < 2)
		return 1;
	/* deflated data starting in a sampled region must inflate up to the region's end */
	doff = e->lho + 30 + e->nlen + rp_le16(buf + 28);
	for (i = 0; i < s->nreg; i++) {
		const struct rp_region *g = &s->reg[i];

		if (doff >= g->off && doff < g->off + g->len)
			break;
	}
	if (i == s->nreg)
		return 1;
	avail = s->reg[i].off + s->reg[i].len - doff;
	if (avail > e->csize)
		avail = e->csize;
	if (avail > 2048)
		avail = 2048;   /* random bytes fail within the first few hundred */
	if ((d = rp_sample_get(s, doff, (size_t)avail)) == NULL)
		return 1;
	if (rp_fmt_inflate(d, (size_t)avail, 1, 256u << 10, &used, NULL, &out) < 0) {
		*bad = doff + used;
		return -3;
	}
	return 1;
}

/* zip64 extended information extra field: the values that are 0xFFFFFFFF in the entry */
static void
zip64_extra(const unsigned char *x, size_t xlen, uint64_t *usize, uint64_t *csize, uint64_t *lho)
{
	size_t i = 0, k;

	while (i + 4 <= xlen) {
		uint16_t id = rp_le16(x + i), sz = rp_le16(x + i + 2);

		if (sz > xlen - i - 4)
			return;
		if (id == 1) {
			k = i + 4;
			if (*usize == 0xFFFFFFFF && k + 8 <= i + 4 + sz) {
				*usize = rp_le64(x + k);
				k += 8;
			}
			if (*csize == 0xFFFFFFFF && k + 8 <= i + 4 + sz) {
				*csize = rp_le64(x + k);
				k += 8;
			}
			if (*lho == 0xFFFFFFFF && k + 8 <= i + 4 + sz)
				*lho = rp_le64(x + k);
			return;
		}
		i += 4 + (size_t)sz;
	}
}

/* the first local header at 0 looks like one: known method, sane name */
static int
head_ok(const unsigned char *h, size_t n, uint64_t size)
{
	uint16_t m, nlen;
	size_t i;

	if (n < 30)
		return 0;
	if (memcmp(h, "PK\7\x08", 4) == 0 && n >= 34)
		h += 4, n -= 4;
	if (memcmp(h, "PK\5\6", 4) == 0)
		return 1;
	if (memcmp(h, "PK\3\4", 4) != 0)
		return 0;
	m = rp_le16(h + 8);
	nlen = rp_le16(h + 26);
	if (!(m <= 20 || m == 93 || m == 95 || m == 96 || m == 97 || m == 98 || m == 99))
		return 0;
	if (nlen == 0 || 30u + nlen > size)
		return 0;
	for (i = 0; i < nlen && 30 + i < n; i++)
		if (h[30 + i] < 0x20 && h[30 + i] != 0)
			return 0;
	return 1;
}

/*
 * The check proper. When the head carries no zip signature the damage is left to the
 * caller (*nosig set), which first asks whether the directory found the archive
 * behind a prefix: *prefix the prefix's length when the entry whose local header
 * offset is 0 has its local header, name and all, at that offset shifted.
 */
static void
zip_check(struct rp_sample *s, struct rp_fmt_result *r, int *nosig, uint64_t *prefix)
{
	struct rp_rd rd;
	const unsigned char *h, *t, *p, *e = NULL;
	size_t hlen, tlen, off;
	uint64_t toff, eocd, cdoff, cdsize, nent, pos, delta, adj, bad, z64;
	uint64_t nchecked = 0, nsampled = 0, k;
	struct zent ent, last;
	int have_last = 0, rc, multi;

	rp_fmt_begin(r);
	rp_rd_init(&rd, s, 4096);
	h = rp_sample_head(s, &hlen);
	if (h && hlen >= 4 && rp_fmt_zip_sniff(h, hlen)) {
		r->head_intact = head_ok(h, hlen, s->size);
		if (!r->head_intact)
			rp_fmt_damage(r, 0, "the first local header at 0 is not valid");
	} else {
		r->head_intact = 0;
		*nosig = 1;
	}

	/* end of central directory: the last PK\5\6 whose comment reaches the end */
	t = rp_sample_tail(s, &tlen, &toff);
	if (t == NULL || s->size < EOCD_MIN) {
		r->tail_intact = 0;
		rp_fmt_damage(r, s->size, "file too short for an end of central directory");
		return;
	}
	for (off = tlen - EOCD_MIN + 1; off-- > 0;) {
		p = t + off;
		if (p[0] == 'P' && p[1] == 'K' && p[2] == 5 && p[3] == 6 &&
		    rp_le16(p + 20) <= tlen - off - EOCD_MIN) {
			e = p;
			break;
		}
	}
	if (e == NULL && toff > 0 && tlen < 65535 + EOCD_MIN) {
		/* a long comment reaching before the tail region */
		uint64_t from = s->size > 65535 + EOCD_MIN ? s->size - 65535 - EOCD_MIN : 0;

		for (pos = toff; pos-- > from;) {
			if ((p = rp_rd_get(&rd, pos, 4)) == NULL)
				break;
			if (memcmp(p, "PK\5\6", 4) == 0 && (p = rp_rd_get(&rd, pos, EOCD_MIN)) &&
			    rp_le16(p + 20) <= s->size - pos - EOCD_MIN) {
				e = p;
				toff = pos;
				off = 0;
				break;
			}
		}
	}
	if (e == NULL) {
		r->tail_intact = 0;
		rp_fmt_damage(r, s->size - (tlen < 65557 ? tlen : 65557),
		    "no end of central directory record in the last %zu bytes", tlen);
		return;
	}
	eocd = toff + off;
	{
		unsigned char ebuf[EOCD_MIN];

		memcpy(ebuf, e, EOCD_MIN);
		multi = rp_le16(ebuf + 4) != 0 && rp_le16(ebuf + 4) != 0xFFFF;
		if (multi && (rp_le16(ebuf + 4) > 999 || rp_le16(ebuf + 6) > rp_le16(ebuf + 4))) {
			r->tail_intact = 0;
			rp_fmt_damage(r, eocd, "end of central directory at %llu is not valid",
			    (unsigned long long)eocd);
			return;
		}
		if (!multi && rp_le16(ebuf + 8) != rp_le16(ebuf + 10)) {
			r->tail_intact = 0;
			rp_fmt_damage(r, eocd, "end of central directory at %llu: entry counts differ",
			    (unsigned long long)eocd);
			return;
		}
		nent = rp_le16(ebuf + 10);
		cdsize = rp_le32(ebuf + 12);
		cdoff = rp_le32(ebuf + 16);
	}
	z64 = eocd;
	if (nent == 0xFFFF || cdsize == 0xFFFFFFFF || cdoff == 0xFFFFFFFF) {
		uint64_t z64off;

		if (eocd < 20 || (p = rp_rd_get(&rd, eocd - 20, 20)) == NULL ||
		    memcmp(p, "PK\6\7", 4) != 0) {
			r->tail_intact = 0;
			rp_fmt_damage(r, eocd, "zip64 end of central directory locator missing");
			return;
		}
		z64off = rp_le64(p + 8);
		if (z64off > eocd - 20 || (p = rp_rd_get(&rd, z64off, 56)) == NULL ||
		    memcmp(p, "PK\6\6", 4) != 0) {
			/* prepended data shifts it: it sits right before the locator */
			if (eocd < 76 || (p = rp_rd_get(&rd, eocd - 76, 56)) == NULL ||
			    memcmp(p, "PK\6\6", 4) != 0) {
				r->tail_intact = 0;
				rp_fmt_damage(r, eocd - 20, "zip64 end of central directory missing");
				return;
			}
			z64off = eocd - 76;
		}
		nent = rp_le64(p + 32);
		cdsize = rp_le64(p + 40);
		cdoff = rp_le64(p + 48);
		z64 = z64off;
	}
	if (multi) {
		r->tail_intact = 1;
		rp_fmt_ok(r, "end of central directory of a multi-volume archive");
		return;
	}
	if (cdsize > z64) {
		r->tail_intact = 0;
		rp_fmt_damage(r, eocd, "central directory size %llu exceeds its room",
		    (unsigned long long)cdsize);
		return;
	}
	/* where the directory really is (a stub before the archive shifts every offset) */
	pos = z64 - cdsize;
	delta = pos >= cdoff ? pos - cdoff : 0;
	if (nent == 0) {
		r->tail_intact = 1;
		rp_fmt_ok(r, "empty archive, end of central directory at %llu",
		    (unsigned long long)eocd);
		return;
	}
	if (nent > cdsize / 46) {
		r->tail_intact = 0;
		rp_fmt_damage(r, eocd, "%llu entries cannot fit a central directory of %llu bytes",
		    (unsigned long long)nent, (unsigned long long)cdsize);
		return;
	}
	rp_rd_init(&rd, s, RP_RD_BUF);
	for (k = 0; k < nent && k < MAX_ENTRIES; k++) {
		uint16_t n, m, c;
		uint64_t usize, lho;

		if (pos + 46 > z64 || (p = rp_rd_get(&rd, pos, 46)) == NULL)
			break;
		if (memcmp(p, "PK\1\2", 4) != 0) {
			r->tail_intact = 0;
			rp_fmt_damage(r, pos, "central directory entry %llu at %llu has no signature",
			    (unsigned long long)k, (unsigned long long)pos);
			return;
		}
		n = rp_le16(p + 28);
		m = rp_le16(p + 30);
		c = rp_le16(p + 32);
		ent.flags = rp_le16(p + 8);
		ent.method = rp_le16(p + 10);
		ent.csize = rp_le32(p + 20);
		usize = rp_le32(p + 24);
		lho = rp_le32(p + 42);
		ent.nlen = n;
		if (pos + 46 + n + m + c > z64) {
			r->tail_intact = 0;
			rp_fmt_damage(r, pos, "central directory entry %llu overruns the directory",
			    (unsigned long long)k);
			return;
		}
		if ((p = rp_rd_get(&rd, pos + 46, n < NAME_CMP ? n : NAME_CMP)) == NULL)
			break;
		memcpy(ent.name, p, n < NAME_CMP ? n : NAME_CMP);
		ent.name[n < NAME_CMP ? n : NAME_CMP] = '\0';
		if (m && (p = rp_rd_get(&rd, pos + 46 + n, m)) != NULL)
			zip64_extra(p, m, &usize, &ent.csize, &lho);
		adj = lho + delta;
		ent.lho = adj;
		if (adj >= z64 - cdsize) {
			r->tail_intact = 0;
			rp_fmt_damage(r, pos, "entry %llu points at %llu, past the archive data",
			    (unsigned long long)k, (unsigned long long)lho);
			return;
		}
		if (k == 0 || rp_fmt_sampled(s, adj, 30)) {
			rc = check_local(s, &ent, &bad);
			if (rc < 0) {
				rp_fmt_damage(r, bad, rc == -3 ?
				    "deflated data of '%.40s' is not valid at %llu" :
				    "local header of '%.40s' at %llu is not valid",
				    (const char *)ent.name, (unsigned long long)bad);
			}
			nchecked += rc != 0;
			nsampled++;
			if (rc > 0 && lho == 0 && delta > 0)
				*prefix = delta;
		}
		last = ent;
		have_last = 1;
		pos += 46 + (uint64_t)n + m + c;
	}
	if (rd.fail) {
		r->tail_intact = 1;
		rp_fmt_ok(r, "end of central directory; %llu of %llu entries read (probe budget)",
		    (unsigned long long)k, (unsigned long long)nent);
		return;
	}
	if (k < nent && k < MAX_ENTRIES) {
		r->tail_intact = 0;
		rp_fmt_damage(r, pos, "central directory ends after %llu of %llu entries",
		    (unsigned long long)k, (unsigned long long)nent);
		return;
	}
	r->tail_intact = 1;
	if (have_last && !rp_fmt_sampled(s, last.lho, 30)) {
		rc = check_local(s, &last, &bad);
		if (rc < 0)
			rp_fmt_damage(r, bad, "local header of '%.40s' at %llu is not valid",
			    (const char *)last.name, (unsigned long long)bad);
		nchecked += rc != 0;
	}
	r->body_checked = nsampled > 1;
	rp_fmt_ok(r, "end of central directory, %llu entries, %llu local headers match",
	    (unsigned long long)nent, (unsigned long long)nchecked);
}

/*
 * A zip behind a prefix (a self-extractor's stub, a launcher script, "prefix that
 * could be an executable jar"): unzip and libarchive shift every offset of the central
 * directory by the prefix's length, and so does the check. When the first local header
 * is where the shifted directory says, the archive is whole and its head is the local
 * header behind the prefix. A prefix as varied as random bytes is no stub: what an
 * encryptor leaves where the archive began (the "no zip signature" damage stands).
 */
void
rp_fmt_zip_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	const unsigned char *h;
	size_t hlen;
	int nosig = 0;
	uint64_t prefix = 0;

	zip_check(s, r, &nosig, &prefix);
	if (!nosig)
		return;
	h = rp_sample_head(s, &hlen);
	if (prefix > 0 && h != NULL && r->status == RP_FMT_INTACT && r->tail_intact == 1 &&
	    !rp_fmt_bytes_random(h, hlen < prefix ? hlen : (size_t)prefix)) {
		char why[RP_FMT_REASON_LEN];

		r->head_intact = 1;
		snprintf(why, sizeof(why), "%s", r->reason);
		snprintf(r->reason, sizeof(r->reason), "archive behind a %llu-byte prefix "
		    "(a stub or a script, not random): %.*s", (unsigned long long)prefix,
		    72, why);
		return;
	}
	rp_fmt_damage(r, 0, "no zip signature at offset 0");
}
