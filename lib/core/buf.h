/*
 * A growable byte buffer with a hard maximum (after git's strbuf and curl's dynbuf).
 *
 * Invariants:
 *  - b->buf is never NULL and b->buf[b->len] == '\0' (it points at a shared empty
 *    string until the first allocation), so b->buf can always be used as a C string;
 *  - b->len never exceeds b->max; an append that would pass it fails with
 *    RP_ERR_TOOBIG and leaves the buffer as it was;
 *  - the contents are bytes: they may hold NULs, b->len is authoritative.
 * Not thread-safe: a buffer belongs to one thread at a time.
 */
#ifndef RP_BUF_H
#define RP_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct rp_buf {
	char *buf;     /* the bytes, NUL-terminated */
	size_t len;    /* bytes used, without the terminator */
	size_t alloc;  /* bytes allocated, 0 while buf is the shared empty string */
	size_t max;    /* hard maximum of len */
};

#define RP_BUF_MAX_DEFAULT ((size_t)256 << 20)
#define RP_BUF_INIT { rp_buf_empty_, 0, 0, RP_BUF_MAX_DEFAULT }
extern char rp_buf_empty_[];

void rp_buf_init(struct rp_buf *b, size_t max);        /* max 0 = default */
void rp_buf_release(struct rp_buf *b);                  /* frees; b is reusable */
void rp_buf_reset(struct rp_buf *b);                    /* len 0, memory kept */
char *rp_buf_detach(struct rp_buf *b, size_t *len);     /* caller frees; b is reset */
int rp_buf_grow(struct rp_buf *b, size_t extra);        /* room for extra more bytes */
int rp_buf_add(struct rp_buf *b, const void *data, size_t len);
int rp_buf_addstr(struct rp_buf *b, const char *s);
int rp_buf_addch(struct rp_buf *b, int c);
int rp_buf_addf(struct rp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int rp_buf_vaddf(struct rp_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
void rp_buf_setlen(struct rp_buf *b, size_t len);       /* len <= b->len */

#endif
