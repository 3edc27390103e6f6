#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <magic.h>

#include "core/err.h"
#include "core/memo.h"
#include "detect/magic.h"
#include "detect/stats.h"

/* libmagic only needs the head; bounding it keeps the cost per file flat */
#define MAGIC_BYTES (8 * 1024)

/*
 * libmagic costs 200-600 us a call whatever the buffer's size (it walks its whole
 * database: ~230 us on random bytes, ~560 us on text, whose text tests run regular
 * expressions), and its answer is a pure function of the bytes it is given
 * (magic_buffer: no name, no descriptor, no stat): the answers for heads seen twice
 * are remembered (core/memo.h), 64 heads of at most MAGIC_BYTES per cookie.
 */
#define KEPT 64

struct rp_magic {
	magic_t cookie;
	struct rp_memo *memo;
};

int
rp_magic_new(struct rp_magic **out)
{
	struct rp_magic *m;
	size_t bytes = MAGIC_BYTES;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return RP_ERR_NOMEM;
	if (rp_memo_new(&m->memo, KEPT, MAGIC_BYTES) != 0) {
		free(m);
		return RP_ERR_NOMEM;
	}
	/*
	 * MIME type only; never look inside compressed data (we check structure
	 * ourselves and a decompression bomb must not cost us); skip the tests whose
	 * answer we do not use and that cost on every file (troff tokens, JSON and CSV
	 * parsers, tar: we check tar ourselves).
	 */
	m->cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR |
	    MAGIC_NO_CHECK_TOKENS | MAGIC_NO_CHECK_JSON | MAGIC_NO_CHECK_CSV | MAGIC_NO_CHECK_TAR);
	if (m->cookie == NULL || magic_load(m->cookie, NULL) != 0) {
		if (m->cookie)
			magic_close(m->cookie);
		rp_memo_free(m->memo);
		free(m);
		return RP_ERR_MAGIC;
	}
	magic_setparam(m->cookie, MAGIC_PARAM_BYTES_MAX, &bytes);
	*out = m;
	return 0;
}

void
rp_magic_free(struct rp_magic *m)
{
	if (m == NULL)
		return;
	magic_close(m->cookie);
	rp_memo_free(m->memo);
	free(m);
}

void
rp_magic_mime(struct rp_magic *m, const void *buf, size_t len, char *out, size_t n)
{
	const char *t;

	if (len > MAGIC_BYTES)
		len = MAGIC_BYTES;
	if ((t = rp_memo_get(m->memo, buf, len)) != NULL) {
		snprintf(out, n, "%s", t);
		return;
	}
	t = magic_buffer(m->cookie, buf, len);
	t = t ? t : "";
	snprintf(out, n, "%s", t);
	rp_memo_put(m->memo, buf, len, t);
}

int
rp_magic_head_random(const void *buf, size_t len)
{
	struct rp_stats st;

	if (len > MAGIC_BYTES)
		len = MAGIC_BYTES;
	rp_stats_reset(&st);
	rp_stats_add(&st, buf, len);
	return rp_block_random(&st);
}

void
rp_magic_counts(const struct rp_magic *m, uint64_t *calls, uint64_t *hits)
{
	rp_memo_counts(m->memo, calls, hits);
}
