/* The zlib adapter of the simulator: deflate for ZIP, PNG, PDF and gzip files. */
#include <zlib.h>

#include "core/err.h"
#include "sim/internal.h"

int
rp_sim_deflate(const void *in, size_t len, int fmt, int level, struct rp_buf *out)
{
	z_stream z = { 0 };
	int bits = fmt == 0 ? -15 : fmt == 1 ? 15 : 31, r, zr;
	uLong bound;

	if (deflateInit2(&z, level, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return RP_ERR_NOMEM;
	bound = deflateBound(&z, (uLong)len) + 32;
	if ((r = rp_buf_grow(out, bound)) != 0)
		goto out;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out->buf + out->len;
	z.avail_out = (uInt)bound;
	zr = deflate(&z, Z_FINISH);
	if (zr != Z_STREAM_END) {
		r = RP_ERR_INTERNAL;
		goto out;
	}
	out->len += z.total_out;
	out->buf[out->len] = '\0';
	r = 0;
out:
	deflateEnd(&z);
	return r;
}

int
rp_sim_gunzip(const void *in, size_t len, struct rp_buf *out, size_t max)
{
	z_stream z = { 0 };
	int r, zr = Z_OK;

	if (inflateInit2(&z, 31) != Z_OK)
		return RP_ERR_NOMEM;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	while (zr != Z_STREAM_END) {
		if (out->len >= max) {
			r = RP_ERR_TOOBIG;
			goto out;
		}
		if ((r = rp_buf_grow(out, 65536)) != 0)
			goto out;
		z.next_out = (Bytef *)out->buf + out->len;
		z.avail_out = 65536;
		zr = inflate(&z, Z_NO_FLUSH);
		if (zr != Z_OK && zr != Z_STREAM_END) {
			r = RP_ERR_FORMAT;
			goto out;
		}
		out->len = (size_t)((char *)z.next_out - out->buf);
		out->buf[out->len] = '\0';
		if (zr == Z_OK && z.avail_in == 0 && z.avail_out != 0) {
			r = RP_ERR_FORMAT;     /* truncated */
			goto out;
		}
	}
	r = 0;
out:
	inflateEnd(&z);
	return r;
}

uint32_t
rp_sim_crc32(uint32_t crc, const void *data, size_t len)
{
	return (uint32_t)crc32_z(crc, data, len);
}
