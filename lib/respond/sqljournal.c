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
		uint32_t nrec = rp_be32(h + 8), nonce = rp_be32(h + 12);
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
				rp_stats_add(&st, data, page);
				if (st.n >= RANDOM_SPAN) {
					if (rp_block_random(&st))
						goto out;
					rp_stats_reset(&st);
				}
				pages++;
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
