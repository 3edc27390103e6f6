/* Decompression probes for watch: the formats' checks are lib/detect's; the data of
 * xz and zstd streams is decoded here (liblzma and libzstd: their one adapter). */
#include <lzma.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "core/file.h"
#include "detect/format.h"
#include "respond/compressed.h"

#define HEAD (64 * 1024)
#define OUTCHUNK (64 * 1024)

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
