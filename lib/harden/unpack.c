/*
 * apt keeps its lists plain, or compressed when Acquire::GzipIndexes is set (Docker's
 * Debian images use lz4): gz, xz, zst, lz4. This file is harden's one adapter over
 * zlib, liblzma, libzstd and liblz4 (frame format); every output is bounded.
 */
#include <lz4frame.h>
#include <lzma.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

#include "core/err.h"
#include "harden/checks.h"

static int
ends(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);

	return n >= k && strcmp(s + n - k, suf) == 0;
}

/* Room for the next chunk, bounded by max. */
static int
room(struct rp_buf *out, size_t start, size_t max, size_t *avail)
{
	int r;

	if (out->len - start >= max)
		return RP_ERR_TOOBIG;
	if ((r = rp_buf_grow(out, 1 << 16)) != 0)
		return r;
	*avail = out->alloc - out->len - 1;
	if (*avail > max - (out->len - start))
		*avail = max - (out->len - start);
	return 0;
}

static int
gunzip(const void *data, size_t len, struct rp_buf *out, size_t max)
{
	z_stream z;
	size_t start = out->len, avail;
	int zr = Z_OK, r = 0;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 15 + 32) != Z_OK)
		return RP_ERR_NOMEM;
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)(len > 0xffffffffu ? 0xffffffffu : len);
	while (zr != Z_STREAM_END) {
		if ((r = room(out, start, max, &avail)) != 0)
			break;
		z.next_out = (Bytef *)out->buf + out->len;
		z.avail_out = (uInt)(avail > 0xffffffffu ? 0xffffffffu : avail);
		zr = inflate(&z, Z_NO_FLUSH);
		out->len = (size_t)((char *)z.next_out - out->buf);
		out->buf[out->len] = '\0';
		if (zr == Z_STREAM_END)
			break;
		if (zr != Z_OK || (z.avail_in == 0 && z.avail_out != 0)) {
			r = RP_ERR_FORMAT;
			break;
		}
	}
	inflateEnd(&z);
	return r;
}

static int
unxz(const void *data, size_t len, struct rp_buf *out, size_t max)
{
	lzma_stream z = LZMA_STREAM_INIT;
	size_t start = out->len, avail;
	lzma_ret lr = LZMA_OK;
	int r = 0;

	if (lzma_stream_decoder(&z, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK)
		return RP_ERR_NOMEM;
	z.next_in = data;
	z.avail_in = len;
	while (lr != LZMA_STREAM_END) {
		if ((r = room(out, start, max, &avail)) != 0)
			break;
		z.next_out = (uint8_t *)out->buf + out->len;
		z.avail_out = avail;
		lr = lzma_code(&z, LZMA_FINISH);
		out->len = (size_t)((char *)z.next_out - out->buf);
		out->buf[out->len] = '\0';
		if (lr != LZMA_OK && lr != LZMA_STREAM_END) {
			r = RP_ERR_FORMAT;
			break;
		}
	}
	lzma_end(&z);
	return r;
}

static int
unzstd(const void *data, size_t len, struct rp_buf *out, size_t max)
{
	ZSTD_DStream *z = ZSTD_createDStream();
	ZSTD_inBuffer in = { data, len, 0 };
	size_t start = out->len, avail, zr = 1;
	int r = 0;

	if (z == NULL)
		return RP_ERR_NOMEM;
	while (in.pos < in.size || zr != 0) {
		ZSTD_outBuffer o;

		if ((r = room(out, start, max, &avail)) != 0)
			break;
		o.dst = out->buf + out->len;
		o.size = avail;
		o.pos = 0;
		zr = ZSTD_decompressStream(z, &o, &in);
		out->len += o.pos;
		out->buf[out->len] = '\0';
		if (ZSTD_isError(zr) || (in.pos == in.size && zr != 0 && o.pos == 0)) {
			r = RP_ERR_FORMAT;
			break;
		}
	}
	ZSTD_freeDStream(z);
	return r;
}

static int
unlz4(const void *data, size_t len, struct rp_buf *out, size_t max)
{
	LZ4F_dctx *z = NULL;
	const char *p = data;
	size_t start = out->len, avail, left = len, hint;
	int r = 0;

	if (LZ4F_isError(LZ4F_createDecompressionContext(&z, LZ4F_VERSION)))
		return RP_ERR_NOMEM;
	for (;;) {
		size_t dst, src = left;

		if ((r = room(out, start, max, &avail)) != 0)
			break;
		dst = avail;
		hint = LZ4F_decompress(z, out->buf + out->len, &dst, p, &src, NULL);
		if (LZ4F_isError(hint)) {
			r = RP_ERR_FORMAT;
			break;
		}
		out->len += dst;
		out->buf[out->len] = '\0';
		p += src;
		left -= src;
		if (hint == 0 && left == 0)
			break;              /* the last frame is complete */
		if ((left == 0 && dst < avail) || (src == 0 && dst == 0)) {
			r = RP_ERR_FORMAT;  /* cut short */
			break;
		}
	}
	LZ4F_freeDecompressionContext(z);
	return r;
}

int
rp_h_unpack(const char *name, const void *data, size_t len, struct rp_buf *out, size_t max)
{
	size_t start = out->len;
	int r;

	if (ends(name, ".gz"))
		r = gunzip(data, len, out, max);
	else if (ends(name, ".xz"))
		r = unxz(data, len, out, max);
	else if (ends(name, ".zst"))
		r = unzstd(data, len, out, max);
	else if (ends(name, ".lz4"))
		r = unlz4(data, len, out, max);
	else
		r = len > max ? RP_ERR_TOOBIG : rp_buf_add(out, data, len);
	if (r != 0)
		rp_buf_setlen(out, start);
	return r;
}
