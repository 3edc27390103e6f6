#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"

char rp_buf_empty_[1];

void
rp_buf_init(struct rp_buf *b, size_t max)
{
	b->buf = rp_buf_empty_;
	b->len = 0;
	b->alloc = 0;
	b->max = max ? max : RP_BUF_MAX_DEFAULT;
}

void
rp_buf_release(struct rp_buf *b)
{
	size_t max = b->max;

	if (b->alloc)
		free(b->buf);
	rp_buf_init(b, max);
}

void
rp_buf_reset(struct rp_buf *b)
{
	b->len = 0;
	b->buf[0] = '\0';
}

char *
rp_buf_detach(struct rp_buf *b, size_t *len)
{
	char *p = b->alloc ? b->buf : strdup("");

	if (len)
		*len = b->len;
	rp_buf_init(b, b->max);
	return p;
}

int
rp_buf_grow(struct rp_buf *b, size_t extra)
{
	size_t need, n;
	char *p;

	if (extra > b->max - b->len)
		return RP_ERR_TOOBIG;
	need = b->len + extra + 1;
	if (need <= b->alloc)
		return 0;
	n = b->alloc ? b->alloc : 64;
	while (n < need)
		n = n > SIZE_MAX / 2 ? need : n * 2;
	if ((p = realloc(b->alloc ? b->buf : NULL, n)) == NULL)
		return RP_ERR_NOMEM;
	if (!b->alloc)
		p[0] = '\0';
	b->buf = p;
	b->alloc = n;
	return 0;
}

int
rp_buf_add(struct rp_buf *b, const void *data, size_t len)
{
	int r;

	if ((r = rp_buf_grow(b, len)) != 0)
		return r;
	if (len)
		memcpy(b->buf + b->len, data, len);
	b->len += len;
	b->buf[b->len] = '\0';
	return 0;
}

int
rp_buf_addstr(struct rp_buf *b, const char *s)
{
	return rp_buf_add(b, s, strlen(s));
}

int
rp_buf_addch(struct rp_buf *b, int c)
{
	char ch = (char)c;

	return rp_buf_add(b, &ch, 1);
}

int
rp_buf_vaddf(struct rp_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n, r;

	va_copy(cp, ap);
	n = vsnprintf(b->buf + b->len, b->alloc ? b->alloc - b->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return RP_ERR_FORMAT;
	if (b->alloc && (size_t)n < b->alloc - b->len) {
		if ((size_t)n > b->max - b->len) {
			b->buf[b->len] = '\0';
			return RP_ERR_TOOBIG;
		}
		b->len += (size_t)n;
		return 0;
	}
	if ((r = rp_buf_grow(b, (size_t)n)) != 0) {
		if (b->alloc)
			b->buf[b->len] = '\0';
		return r;
	}
	vsnprintf(b->buf + b->len, b->alloc - b->len, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int
rp_buf_addf(struct rp_buf *b, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = rp_buf_vaddf(b, fmt, ap);
	va_end(ap);
	return r;
}

void
rp_buf_setlen(struct rp_buf *b, size_t len)
{
	if (len > b->len)
		return;
	b->len = len;
	b->buf[len] = '\0';
}
