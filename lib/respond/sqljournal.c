/* SQLite rollback journals told by their structure (see sqljournal.h; the layout is
 * SQLite's pager.c: "Journal file format"). */
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "detect/fmt-util.h"
#include "detect/stats.h"
#include "respond/sqljournal.h"

static const unsigned char magic[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };

#define HDR 28              /* magic, nRec, nonce, original size, sector size, page size */
#define PAGE_MAX 65536
#define SECTOR_MIN 32       /* SQLite's own bounds (pager.c readJournalHdr) */
#define SECTOR_MAX 65536
#define RANDOM_SPAN 4096    /* pages' bytes tested together for randomness */
#define READ_SPAN (128 * 1024)  /* records read at once, at least one */

int
rp_sqljournal_name(const char *base)
{
	size_t n = strlen(base);
	return n > 8 && memcmp(base + n - 8, "-journal", 8) == 0;
}

static int
pow2(uint32_t v, uint32_t lo, uint32_t hi)
{
	return v >= lo && v <= hi && (v & (v - 1)) == 0;
}

/*
 * Whether a page image is one of SQLite's b-tree pages, by its header (pager.c and
 * btreeInt.h: the type, the first freeblock, the cell count, the start of the cell
 * content, the fragmented bytes, an interior page's right child) and its cell
 * pointers, each within the cell content: random bytes pass with a chance of about
 * 1e-5 for a page without cells, far less with cells. Such a page needs no
 * statistics; an overflow, freelist or pointer-map page has no such header and gets
 * them. dbpages: the database's size in pages before the transaction (0: unknown).
 */
static int
btree_page(const unsigned char *p, uint32_t page, uint32_t pgno, uint32_t dbpages)
{
	uint32_t h = 0;
	if (pgno == 1) {
		if (memcmp(p, "SQLite format 3", 16) != 0)
			return 0;
		h = 100;
	}
	unsigned t = p[h];
	if (t != 2 && t != 5 && t != 10 && t != 13)
		return 0;
	uint32_t hdr = t == 2 || t == 5 ? 12 : 8;
	uint32_t ncell = rp_be16(p + h + 3), start = rp_be16(p + h + 5), free1 = rp_be16(p + h + 1);
	if (start == 0)
		start = 65536;
	if (h + hdr + 2 * ncell > start || start > page || p[h + 7] > 60 ||
	    (free1 != 0 && (free1 < start || free1 >= page)))
		return 0;
	if (hdr == 12) {
		uint32_t right = rp_be32(p + h + 8);
		if (right == 0 || (dbpages != 0 && right > dbpages))
			return 0;
	}
	for (uint32_t i = 0; i < ncell; i++) {
		uint32_t c = rp_be16(p + h + hdr + 2 * i);
		if (c < start || c >= page)
			return 0;
	}
	return 1;
}

int
rp_sqljournal_check(int fd, uint64_t size)
{
	struct rp_stats st;
	uint64_t off = 0, pages = 0;
	uint32_t page = 0, sector = 0;
	int ok = 0;

	if (size < HDR || size > RP_SQLJOURNAL_MAX)
		return 0;
	unsigned char *buf = malloc(READ_SPAN + PAGE_MAX + 8);
	if (buf == NULL)
		return 0;
	rp_stats_reset(&st);
	while (off < size) {
		unsigned char h[HDR];
		if (size - off < HDR || rp_pread_full(fd, h, HDR, (off_t)off) != HDR ||
		    memcmp(h, magic, sizeof(magic)) != 0)
			goto out;
		uint32_t nrec = rp_be32(h + 8), nonce = rp_be32(h + 12), dbpages = rp_be32(h + 16);
		uint32_t sec = rp_be32(h + 20), pg = rp_be32(h + 24);
		if (!pow2(sec, SECTOR_MIN, SECTOR_MAX) || !pow2(pg, 512, PAGE_MAX) ||
		    (page != 0 && (pg != page || sec != sector)))
			goto out;
		page = pg;
		sector = sec;
		off += sec;     /* the header fills its sector */
		uint64_t recsz = (uint64_t)page + 8;
		/* 0 or 0xffffffff: as many records as the file holds (SQLite does the same
		 * with a journal synced without its count, or not synced at all) */
		uint64_t n = nrec == 0 || nrec == 0xffffffffu ? (size > off ? (size - off) / recsz : 0) : nrec;
		if (n == 0 || off + n * recsz > size)
			goto out;
		uint64_t per = READ_SPAN / recsz ? READ_SPAN / recsz : 1;
		for (uint64_t i = 0; i < n;) {
			uint64_t k = n - i < per ? n - i : per;
			if (rp_pread_full(fd, buf, (size_t)(k * recsz), (off_t)off) != (ssize_t)(k * recsz))
				goto out;
			for (const unsigned char *rec = buf; k > 0; k--, i++, off += recsz, rec += recsz) {
				uint32_t pgno = rp_be32(rec), sum = nonce;
				const unsigned char *data = rec + 4;
				for (int64_t b = (int64_t)page - 200; b > 0; b -= 200)
					sum += data[b];
				if (pgno == 0 || pgno == 0xffffffffu || sum != rp_be32(rec + 4 + page))
					goto out;
				pages++;
				if (btree_page(data, page, pgno, dbpages))
					continue;
				rp_stats_add(&st, data, page);
				if (st.n >= RANDOM_SPAN) {
					if (rp_block_random(&st))
						goto out;
					rp_stats_reset(&st);
				}
			}
		}
		/* the next segment's header starts at a sector boundary; what is left past
		 * the last record must be that header or nothing */
		if (off == size)
			break;
		uint64_t next = (off + sector - 1) / sector * sector;
		if (next >= size)
			goto out;
		off = next;
	}
	ok = pages > 0 && !(st.n >= 1024 && rp_block_random(&st));
out:
	free(buf);
	return ok;
}
