/* Decompression probes for watch: the formats' checks are lib/detect's; the data of
 * xz and zstd streams is decoded here (liblzma and libzstd: their one adapter). */
#include <lzma.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "core/file.h"
#include "detect/format.h"
#include "detect/stats.h"
#include "respond/compressed.h"

#define HEAD (64 * 1024)
#define OUTCHUNK (64 * 1024)
#define GROW_MIN 4096           /* smaller: not judged yet */
#define GROW_BLOCK 4096
#define GROW_WINDOWS 4          /* blocks further in: the head alone could be a preamble */

static int
xz_ok(const unsigned char *in, size_t len)
{
	lzma_stream s = LZMA_STREAM_INIT;
	unsigned char *out = malloc(OUTCHUNK);
	int ok = 0;
	uint64_t total = 0;
	if (out == NULL)
		return 0;
	if (lzma_stream_decoder(&s, UINT64_MAX, 0) != LZMA_OK) {
		free(out);
		return 0;
	}
	s.next_in = in;
	s.avail_in = len;
	for (;;) {
		s.next_out = out;
		s.avail_out = OUTCHUNK;
		lzma_ret r = lzma_code(&s, LZMA_RUN);
		total += OUTCHUNK - s.avail_out;
		if (r == LZMA_STREAM_END) {
			ok = 1;
			break;
		}
		if (r != LZMA_OK) {
			ok = r == LZMA_BUF_ERROR && total > 0;
			break;
		}
		if (s.avail_in == 0) {
			ok = total > 0 || len >= 12;   /* a valid header, the first block still coming */
			break;
		}
	}
	lzma_end(&s);
	free(out);
	return ok;
}

static int
zstd_ok(const unsigned char *in, size_t len)
{
	ZSTD_DStream *d = ZSTD_createDStream();
	unsigned char *out = malloc(OUTCHUNK);
	int ok = 0;
	uint64_t total = 0;
	if (d == NULL || out == NULL)
		goto out;
	ZSTD_initDStream(d);
	ZSTD_inBuffer ib = { in, len, 0 };
	while (ib.pos < ib.size) {
		ZSTD_outBuffer ob = { out, OUTCHUNK, 0 };
		size_t r = ZSTD_decompressStream(d, &ob, &ib);
		if (ZSTD_isError(r))
			goto out;
		total += ob.pos;
		if (r == 0)
			break;
		if (ob.pos == 0 && ib.pos < ib.size && r != 0)
			continue;
	}
	ok = total > 0;
out:
	ZSTD_freeDStream(d);
	free(out);
	return ok;
}

int
rp_compressed_valid(const unsigned char *h, size_t len)
{
	/* lib/detect knows the formats: the signature, and the structure as far as the
	 * head goes (gzip and zip deflate data included) */
	const char *fmt = rp_format_stream_head(h, len, NULL);

	if (fmt == NULL)
		return 0;
	/* detect walks the structure of xz and zstd; their data is decoded here */
	if (strcmp(fmt, "xz") == 0)
		return xz_ok(h, len);
	if (strcmp(fmt, "zstd") == 0)
		return zstd_ok(h, len);
	return 1;
}

int
rp_compressed_signature(const unsigned char *h, size_t len)
{
	return (len >= 3 && h[0] == 0x1f && h[1] == 0x8b && h[2] == 8) ||
	    (len >= 6 && memcmp(h, "\xfd" "7zXZ\0", 6) == 0) ||
	    (len >= 4 && memcmp(h, "\x28\xb5\x2f\xfd", 4) == 0) ||
	    (len >= 4 && memcmp(h, "PK\x03\x04", 4) == 0) ||
	    (len >= 6 && memcmp(h, "7z\xbc\xaf\x27\x1c", 6) == 0);
}

int
rp_compressed_valid_fd(int fd)
{
	unsigned char *buf = malloc(HEAD);
	int ok = 0;
	if (buf == NULL)
		return 0;
	ssize_t n = rp_pread_full(fd, buf, HEAD, 0);
	if (n > 0)
		ok = rp_compressed_valid(buf, (size_t)n);
	free(buf);
	return ok;
}

/* ---- a growing archive ---- */

static int
block_random(const unsigned char *p, size_t n)
{
	struct rp_stats st;
	rp_stats_reset(&st);
	rp_stats_add(&st, p, n);
	return rp_block_random(&st);
}

/* A member's data that is random and has no format of its own: encrypted. */
static int
data_encrypted(const unsigned char *p, size_t n)
{
	if (n > GROW_BLOCK)
		n = GROW_BLOCK;
	return n >= 1024 && rp_format_class(p, n < 512 ? n : 512) == NULL && block_random(p, n);
}

static uint64_t
tar_size(const unsigned char *h)
{
	uint64_t v = 0;
	if (h[124] & 0x80) {            /* base-256 (GNU, star) */
		for (int i = 1; i < 12; i++)
			v = v << 8 | h[124 + i];
		return v;
	}
	for (int i = 0; i < 12 && h[124 + i] >= '0' && h[124 + i] <= '7'; i++)
		v = v << 3 | (uint64_t)(h[124 + i] - '0');
	return v;
}

/*
 * A tar as far as buf goes: every header has its checksum (rp_format_class's "tar"),
 * and its regular members are not mostly encrypted (a tar of encrypted documents is
 * the attack behind a real header). 1 random (not a real archive of the files), -1 a
 * tar, 0 not known yet.
 */
static int
tar_judge(const unsigned char *buf, size_t n)
{
	size_t off = 0;
	unsigned enc = 0, plain = 0;
	while (off + 512 <= n) {
		const unsigned char *h = buf + off;
		if (h[0] == 0)
			break;          /* the end blocks, or a header not written yet */
		const char *cls = rp_format_class(h, 512);
		if (cls == NULL || strcmp(cls, "tar") != 0)
			return 1;       /* the structure broke */
		uint64_t size = tar_size(h);
		if ((h[156] == '0' || h[156] == '\0') && size > 0 && off + 512 < n) {
			size_t have = n - off - 512 < size ? n - off - 512 : (size_t)size;
			if (have >= 1024) {
				if (data_encrypted(h + 512, have))
					enc++;
				else
					plain++;
			}
		}
		if (size > n)
			break;
		off += 512 + (size_t)((size + 511) / 512 * 512);
	}
	if (enc >= 2 && enc > plain)
		return 1;
	return enc + plain > 0 ? -1 : 0;
}

int
rp_archive_growing_random(int fd, uint64_t size)
{
	unsigned char *buf = malloc(HEAD);
	int v = 0;
	if (buf == NULL)
		return 0;
	ssize_t n = rp_pread_full(fd, buf, HEAD, 0);
	if (n < GROW_MIN)
		goto out;
	const char *cls = rp_format_class(buf, 512);
	if (cls != NULL && strcmp(cls, "tar") == 0) {
		v = tar_judge(buf, (size_t)n);
		goto out;
	}
	if (rp_compressed_signature(buf, (size_t)n)) {
		v = rp_compressed_valid(buf, (size_t)n) ? -1 : 1;
		goto out;
	}
	if (cls != NULL && strcmp(cls, "text") != 0) {
		v = -1;         /* a format of its own (a media file, a document) */
		goto out;
	}
	/* no format: random at most of its head and four blocks further in, evenly
	 * spread (a preamble does not hide what follows) */
	unsigned nrand = block_random(buf, GROW_BLOCK), nblocks = 1;
	for (int k = 1; k <= GROW_WINDOWS && size >= 2 * GROW_BLOCK; k++) {
		off_t at = (off_t)((size - GROW_BLOCK) / GROW_WINDOWS * (uint64_t)k);
		if (rp_pread_full(fd, buf, GROW_BLOCK, at) != GROW_BLOCK)
			break;
		nblocks++;
		nrand += (unsigned)block_random(buf, GROW_BLOCK);
	}
	v = 2 * nrand > nblocks ? 1 : -1;
out:
	free(buf);
	return v;
}
