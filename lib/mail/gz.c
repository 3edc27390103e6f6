/* The zlib adapter of lib/mail (see gz.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/err.h"
#include "mail/gz.h"

struct rp_gz {
	z_stream z;
	int raw;
	int in_member;     /* a member started and has not ended */
	int done;          /* the stream ended: what follows is ignored */
};

int
rp_gz_magic(const void *p, size_t len)
{
	const unsigned char *b = p;

	return len >= 3 && b[0] == 0x1f && b[1] == 0x8b && b[2] == 8;
}

int
rp_gz_new(int raw, struct rp_gz **out)
{
	struct rp_gz *g;

	*out = NULL;
	if ((g = calloc(1, sizeof(*g))) == NULL)
		return RP_ERR_NOMEM;
	g->raw = raw;
	if (inflateInit2(&g->z, raw ? -15 : 16 + 15) != Z_OK) {
		free(g);
		return RP_ERR_NOMEM;
	}
	*out = g;
	return 0;
}

void
rp_gz_free(struct rp_gz *g)
{
	if (g == NULL)
		return;
	inflateEnd(&g->z);
	free(g);
}

int
rp_gz_reset(struct rp_gz *g)
{
	g->in_member = 0;
	g->done = 0;
	return inflateReset(&g->z) == Z_OK ? 0 : RP_ERR_INTERNAL;
}

int
rp_gz_finish(const struct rp_gz *g)
{
	return g->in_member ? RP_ERR_FORMAT : 0;
}

int
rp_gz_inflate(struct rp_gz *g, const unsigned char **in, size_t *inlen, unsigned char *out,
    size_t outlen, size_t *got)
{
	int zr;

	*got = 0;
	if (g->done) {
		*in += *inlen;
		*inlen = 0;
		return 1;
	}
	while (*got < outlen && *inlen > 0) {
		if (!g->in_member) {
			/* a new member, or the end: gzip ignores what does not start one */
			if (!g->raw && *inlen >= 1 && (*in)[0] != 0x1f) {
				g->done = 1;
				*in += *inlen;
				*inlen = 0;
				return 1;
			}
			g->in_member = 1;
		}
		g->z.next_in = (Bytef *)(uintptr_t)*in;
		g->z.avail_in = *inlen > UINT32_MAX ? UINT32_MAX : (uInt)*inlen;
		g->z.next_out = out + *got;
		g->z.avail_out = outlen - *got > UINT32_MAX ? UINT32_MAX : (uInt)(outlen - *got);
		zr = inflate(&g->z, Z_NO_FLUSH);
		*got = (size_t)(g->z.next_out - out);
		*inlen -= (size_t)(g->z.next_in - *in);
		*in = g->z.next_in;
		if (zr == Z_STREAM_END) {
			g->in_member = 0;
			if (g->raw || inflateReset(&g->z) != Z_OK) {
				g->done = 1;
				return 1;
			}
			continue;
		}
		if (zr == Z_BUF_ERROR)
			break;   /* no progress possible: needs more input or room */
		if (zr != Z_OK)
			return RP_ERR_FORMAT;   /* Z_DATA_ERROR, Z_NEED_DICT, Z_MEM_ERROR */
	}
	return 0;
}
