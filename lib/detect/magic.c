#include <stdlib.h>
#include <string.h>

#include <magic.h>

#include "core/err.h"
#include "detect/magic.h"

/* libmagic only needs the head; bounding it keeps the cost per file flat */
#define MAGIC_BYTES (8 * 1024)

struct rp_magic {
	magic_t cookie;
};

int
rp_magic_new(struct rp_magic **out)
{
	struct rp_magic *m;
	size_t bytes = MAGIC_BYTES;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return RP_ERR_NOMEM;
	/*
	 * MIME type only; never look inside compressed data (we check structure
	 * ourselves and a decompression bomb must not cost us), no ELF section walk.
	 */
	m->cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
	if (m->cookie == NULL || magic_load(m->cookie, NULL) != 0) {
		if (m->cookie)
			magic_close(m->cookie);
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
	free(m);
}

void
rp_magic_mime(struct rp_magic *m, const void *buf, size_t len, char *out, size_t n)
{
	const char *t;

	if (len > MAGIC_BYTES)
		len = MAGIC_BYTES;
	t = magic_buffer(m->cookie, buf, len);
	snprintf(out, n, "%s", t ? t : "");
}
