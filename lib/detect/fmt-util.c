/* Helpers shared by the format checks: results, a bounded reader, CRC-32, inflate. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "detect/fmt-util.h"
#include "detect/stats.h"

void
rp_fmt_begin(struct rp_fmt_result *r)
{
	r->status = RP_FMT_UNKNOWN;
	r->head_intact = -1;
	r->tail_intact = -1;
	r->body_checked = 0;
	r->truncated = 0;
	r->damage_off = 0;
	r->reason[0] = '\0';
}

const unsigned char *
rp_fmt_start(struct rp_sample *s, struct rp_fmt_result *r,
    int (*sniff)(const unsigned char *, size_t), size_t *hlen, const char *what)
{
	const unsigned char *h;

	rp_fmt_begin(r);
	h = rp_sample_head(s, hlen);
	if (h == NULL || !sniff(h, *hlen)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no %s at 0", what);
		return NULL;
	}
	return h;
}

void
rp_fmt_damage(struct rp_fmt_result *r, uint64_t off, const char *fmt, ...)
{
	va_list ap;

	if (r->status == RP_FMT_DAMAGED && r->damage_off <= off)
		return;
	r->status = RP_FMT_DAMAGED;
	r->damage_off = off;
	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof(r->reason), fmt, ap);
	va_end(ap);
}

void
rp_fmt_ok(struct rp_fmt_result *r, const char *fmt, ...)
{
	va_list ap;

	if (r->status == RP_FMT_DAMAGED)
		return;
	r->status = RP_FMT_INTACT;
	va_start(ap, fmt);
	vsnprintf(r->reason, sizeof(r->reason), fmt, ap);
	va_end(ap);
}

void
rp_rd_init(struct rp_rd *r, struct rp_sample *s, size_t chunk)
{
	r->s = s;
	r->chunk = chunk > RP_RD_BUF ? RP_RD_BUF : chunk;
	r->base = 0;
	r->len = 0;
	r->fail = 0;
}

const unsigned char *
rp_rd_get(struct rp_rd *r, uint64_t off, size_t len)
{
	const unsigned char *p;
	size_t want;
	ssize_t n;

	if (off > r->s->size || len > r->s->size - off || len > RP_RD_BUF)
		return NULL;
	if ((p = rp_sample_get(r->s, off, len)) != NULL)
		return p;
	if (r->len && off >= r->base && off - r->base <= r->len && len <= r->len - (off - r->base))
		return r->buf + (off - r->base);
	if (r->fail)
		return NULL;
	want = len > r->chunk ? len : r->chunk;
	if (want > r->s->size - off)
		want = (size_t)(r->s->size - off);
	n = rp_sample_pread(r->s, r->buf, want, off);
	if (n < 0 || (size_t)n < len) {
		r->fail = 1;
		r->len = 0;
		return NULL;
	}
	r->base = off;
	r->len = (size_t)n;
	return r->buf;
}

int
rp_fmt_sampled(const struct rp_sample *s, uint64_t off, uint64_t len)
{
	return len <= SIZE_MAX && rp_sample_get(s, off, (size_t)len) != NULL;
}

uint32_t
rp_fmt_crc32(uint32_t crc, const void *p, size_t len)
{
	const unsigned char *b = p;

	while (len > 0) {
		uInt n = len > 1u << 30 ? 1u << 30 : (uInt)len;

		crc = (uint32_t)crc32(crc, b, n);
		b += n;
		len -= n;
	}
	return crc;
}

/* zlib's inflate state and 32 KiB window come from an arena on the caller's stack */
struct arena {
	unsigned char *mem;
	size_t used, cap;
};

static voidpf
arena_alloc(voidpf opaque, uInt items, uInt size)
{
	struct arena *a = opaque;
	size_t n = (size_t)items * size;

	n = (n + 15) & ~(size_t)15;
	if (n > a->cap - a->used)
		return Z_NULL;
	a->used += n;
	return a->mem + a->used - n;
}

static void
arena_free(voidpf opaque, voidpf p)
{
	(void)opaque;
	(void)p;
}

int
rp_fmt_inflate(const unsigned char *in, size_t len, int raw, uint64_t max_out,
    size_t *used, uint32_t *crc, uint64_t *out)
{
	_Alignas(16) unsigned char mem[48 * 1024];
	unsigned char obuf[16384];
	struct arena a = { mem, 0, sizeof(mem) };
	z_stream z;
	int zr, ret = 0;
	uint32_t c = 0;
	uint64_t total = 0;

	memset(&z, 0, sizeof(z));
	z.zalloc = arena_alloc;
	z.zfree = arena_free;
	z.opaque = &a;
	*used = 0;
	if (inflateInit2(&z, raw ? -15 : 15) != Z_OK)
		return 0;
	z.next_in = (Bytef *)(uintptr_t)in;
	for (;;) {
		if (z.avail_in == 0 && len > 0) {
			z.avail_in = len > 1u << 30 ? 1u << 30 : (uInt)len;
			len -= z.avail_in;
		}
		z.next_out = obuf;
		z.avail_out = sizeof(obuf);
		zr = inflate(&z, Z_NO_FLUSH);
		if (crc)
			c = (uint32_t)crc32(c, obuf, (uInt)(sizeof(obuf) - z.avail_out));
		total += sizeof(obuf) - z.avail_out;
		if (zr == Z_STREAM_END) {
			ret = 1;
			break;
		}
		if (zr == Z_DATA_ERROR || zr == Z_NEED_DICT) {
			ret = -1;
			break;
		}
		if (zr != Z_OK || total >= max_out)
			break;   /* Z_BUF_ERROR: input exhausted without the end */
	}
	*used = (size_t)((const unsigned char *)z.next_in - in);
	if (crc)
		*crc = c;
	if (out)
		*out = total;
	inflateEnd(&z);
	return ret;
}

const unsigned char *
rp_fmt_find(const unsigned char *h, size_t hlen, const void *n, size_t nlen)
{
	if (h == NULL || nlen == 0 || hlen < nlen)
		return NULL;
	return memmem(h, hlen, n, nlen);
}

const unsigned char *
rp_fmt_rfind(const unsigned char *h, size_t hlen, const void *n, size_t nlen)
{
	size_t i;

	if (h == NULL || nlen == 0 || hlen < nlen)
		return NULL;
	for (i = hlen - nlen + 1; i-- > 0;)
		if (h[i] == *(const unsigned char *)n && memcmp(h + i, n, nlen) == 0)
			return h + i;
	return NULL;
}

int
rp_fmt_bytes_random(const unsigned char *p, size_t n)
{
	struct rp_stats st;
	unsigned distinct = 0, c;

	if (p == NULL || n < 16)
		return 0;
	rp_stats_reset(&st);
	rp_stats_add(&st, p, n < 4096 ? n : 4096);
	if (st.n >= 1024)
		return rp_block_random(&st);
	for (c = 0; c < 256; c++)
		distinct += st.hist[c] != 0;
	return distinct >= 0.85 * 256.0 * (1.0 - pow(255.0 / 256.0, (double)st.n));
}
