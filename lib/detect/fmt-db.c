/*
 * Containers of records: SQLite (header, page size and count against the file size,
 * the b-tree header of every page inside a sampled region) and OLE2 compound files
 * (header, FAT sectors from the DIFAT, the directory chain and its entries).
 */
#include <string.h>

#include "detect/fmt-list.h"
#include "detect/fmt-util.h"

/* ---- SQLite ---- */

int
rp_fmt_sqlite_sniff(const unsigned char *h, size_t n)
{
	return n >= 100 && memcmp(h, "SQLite format 3", 16) == 0;
}

/* a b-tree page header at p (hdr offset off within the page) is consistent */
static int
btree_ok(const unsigned char *pg, size_t off, size_t usable, uint64_t npages)
{
	const unsigned char *p = pg + off;
	unsigned type = p[0], hl, ncell, start, fb, i;

	if (type != 2 && type != 5 && type != 10 && type != 13)
		return 0;
	hl = (type == 2 || type == 5) ? 12 : 8;
	fb = rp_be16(p + 1);
	ncell = rp_be16(p + 3);
	start = rp_be16(p + 5);
	if (start == 0)
		start = 65536;
	if (p[7] > 60 || off + hl + 2u * ncell > start || start > usable ||
	    (fb && (fb < off + hl || fb >= usable)))
		return 0;
	if (hl == 12 && (rp_be32(p + 8) == 0 || rp_be32(p + 8) > npages))
		return 0;
	for (i = 0; i < ncell; i++) {
		unsigned c = rp_be16(p + hl + 2 * i);

		if (c < start || c >= usable)
			return 0;
	}
	return 1;
}

void
rp_fmt_sqlite_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	const unsigned char *h, *pg;
	size_t hlen, i;
	uint64_t ps, npages, hdrpages, nfree, pno, first, last, nok = 0, nbad = 0, badoff = 0;
	unsigned usable;
	int autovac;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_sqlite_sniff(h, hlen)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no SQLite header at 0");
		return;
	}
	ps = rp_be16(h + 16);
	if (ps == 1)
		ps = 65536;
	if (ps < 512 || (ps & (ps - 1)) || h[18] < 1 || h[18] > 2 || h[19] < 1 || h[19] > 2 ||
	    h[21] != 64 || h[22] != 32 || h[23] != 32 || h[20] > ps - 480) {
		r->head_intact = 0;
		rp_fmt_damage(r, 16, "SQLite header fields are not valid");
		return;
	}
	usable = (unsigned)(ps - h[20]);
	npages = s->size / ps;
	hdrpages = rp_be32(h + 28);
	if (s->size % ps != 0 || (rp_be32(h + 24) == rp_be32(h + 92) && hdrpages != 0 &&
	    hdrpages != npages)) {
		r->head_intact = 1;
		r->tail_intact = 0;
		rp_fmt_damage(r, s->size, "file size %llu is not the %llu pages of %llu bytes the "
		    "header says", (unsigned long long)s->size, (unsigned long long)hdrpages,
		    (unsigned long long)ps);
		return;
	}
	nfree = rp_be32(h + 36);
	autovac = rp_be32(h + 52) != 0;
	r->head_intact = 1;
	r->tail_intact = 1;
	if (hlen >= 108 && !btree_ok(h, 100, usable, npages)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 100, "the first page's b-tree header is not valid");
	}
	/* every page lying whole inside a sampled region */
	for (i = 0; i < s->nreg; i++) {
		first = (s->reg[i].off + ps - 1) / ps;
		last = (s->reg[i].off + s->reg[i].len) / ps;
		for (pno = first; pno < last && pno < npages; pno++) {
			uint64_t off = pno * ps;

			if (pno == 0 || (off <= 0x40000000 && off + ps > 0x40000000))
				continue;   /* page 1 done; the lock-byte page is unused */
			if ((pg = rp_sample_get(s, off, (size_t)ps)) == NULL)
				continue;
			if (btree_ok(pg, 0, usable, npages) ||
			    (rp_be32(pg) <= npages && pg[0] == 0 && rp_be32(pg) != 0) ||
			    (autovac && pg[0] >= 1 && pg[0] <= 5)) {
				nok++;   /* b-tree, or overflow/freelist-trunk page chaining on */
				continue;
			}
			if (rp_be32(pg) == 0 && rp_be32(pg + 4) <= usable / 4 - 2) {
				nok++;   /* last overflow or freelist trunk page */
				continue;
			}
			if (nbad++ == 0)
				badoff = off;
		}
	}
	r->body_checked = 1;
	if (nbad > nfree)
		rp_fmt_damage(r, badoff, "%llu pages are neither b-tree, overflow nor free pages "
		    "(first at %llu)", (unsigned long long)nbad, (unsigned long long)badoff);
	rp_fmt_ok(r, "%llu pages of %llu bytes, %llu sampled pages valid",
	    (unsigned long long)npages, (unsigned long long)ps, (unsigned long long)nok);
}

/* ---- OLE2 compound file ---- */

static const unsigned char ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

int
rp_fmt_ole2_sniff(const unsigned char *h, size_t n)
{
	return n >= 512 && memcmp(h, ole_magic, 8) == 0;
}

#define SECT_FREE 0xFFFFFFFFu
#define SECT_END  0xFFFFFFFEu
#define SECT_FAT  0xFFFFFFFDu
#define SECT_DIF  0xFFFFFFFCu

void
rp_fmt_ole2_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *p;
	size_t hlen, j;
	uint64_t ssz, nsect, nfat, i, dirs, ndir = 0, nent = 0;
	uint32_t sec, fatsec[109];
	unsigned shift;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_ole2_sniff(h, hlen)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no compound file header at 0");
		return;
	}
	shift = rp_le16(h + 30);
	if (rp_le16(h + 28) != 0xFFFE || !((shift == 9 && rp_le16(h + 26) == 3) ||
	    (shift == 12 && rp_le16(h + 26) == 4)) || rp_le16(h + 32) != 6) {
		r->head_intact = 0;
		rp_fmt_damage(r, 24, "compound file header fields are not valid");
		return;
	}
	ssz = 1u << shift;
	nsect = (s->size + ssz - 1) / ssz - 1;
	nfat = rp_le32(h + 44);
	if (nfat == 0 || nfat > nsect) {
		r->head_intact = 0;
		rp_fmt_damage(r, 44, "invalid number of FAT sectors");
		return;
	}
	for (i = 0; i < 109; i++) {
		fatsec[i] = rp_le32(h + 76 + 4 * i);
		if (i < nfat && fatsec[i] >= nsect) {
			r->head_intact = 0;
			rp_fmt_damage(r, 76 + 4 * i, "FAT sector %llu is outside the file",
			    (unsigned long long)i);
			return;
		}
	}
	r->head_intact = 1;
	rp_rd_init(&rd, s, (size_t)ssz);
	/* the FAT sectors listed in the header: every entry a sector or a special value */
	for (i = 0; i < nfat && i < 109; i++) {
		uint64_t off = (uint64_t)(fatsec[i] + 1) * ssz;

		if ((p = rp_rd_get(&rd, off, (size_t)ssz)) == NULL) {
			if (rd.fail)
				break;
			continue;   /* last sector short: tolerated */
		}
		for (j = 0; j < ssz; j += 4) {
			uint32_t v = rp_le32(p + j);

			if (v >= nsect && v < SECT_DIF) {
				rp_fmt_damage(r, off + j, "FAT sector at %llu holds invalid entries",
				    (unsigned long long)off);
				return;
			}
		}
		/* the FAT marks its own sectors */
		if (fatsec[i] / (ssz / 4) == fatsec[0] / (ssz / 4) && i == 0 &&
		    rp_le32(p + 4 * (fatsec[0] % (ssz / 4))) != SECT_FAT) {
			rp_fmt_damage(r, off, "the FAT does not mark its own sector");
			return;
		}
	}
	/* the directory chain: entries with UTF-16 names, the first the root */
	sec = rp_le32(h + 48);
	for (dirs = 0; sec < nsect && dirs < 64; dirs++) {
		uint64_t off = (uint64_t)(sec + 1) * ssz, fo;

		if ((p = rp_rd_get(&rd, off, (size_t)ssz)) == NULL)
			break;
		for (j = 0; j < ssz; j += 128) {
			const unsigned char *e = p + j;
			unsigned nl = rp_le16(e + 64), type = e[66];

			if (type == 0)
				continue;
			if (nl > 64 || nl % 2 || (nl && (e[nl - 2] || e[nl - 1])) || type > 5 ||
			    type == 3 || type == 4 || e[67] > 1 ||
			    (dirs == 0 && j == 0 && type != 5)) {
				rp_fmt_damage(r, off + j, "directory entry at %llu is not valid",
				    (unsigned long long)(off + j));
				return;
			}
			nent++;
		}
		ndir++;
		/* next directory sector from the FAT */
		i = sec / (ssz / 4);
		if (i >= 109 || i >= nfat)
			break;
		fo = (uint64_t)(fatsec[i] + 1) * ssz + 4 * (sec % (ssz / 4));
		if ((p = rp_rd_get(&rd, fo, 4)) == NULL)
			break;
		sec = rp_le32(p);
	}
	if (ndir == 0 && !rd.fail) {
		rp_fmt_damage(r, 48, "no directory sector");
		return;
	}
	r->tail_intact = 1;
	rp_fmt_ok(r, "header, %llu FAT sectors, %llu directory entries valid",
	    (unsigned long long)nfat, (unsigned long long)nent);
}
