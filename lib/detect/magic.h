/*
 * The libmagic adapter: the only file that includes <magic.h>. One cookie per scanner
 * (libmagic cookies are not thread-safe); it only ever sees buffers we read ourselves,
 * never a path, so it cannot open, follow or touch the file.
 */
#ifndef RP_MAGIC_H
#define RP_MAGIC_H

#include <stddef.h>

struct rp_magic;

int rp_magic_new(struct rp_magic **out);
void rp_magic_free(struct rp_magic *m);
/* The MIME type of buf ("application/pdf"), copied into out (size n); "" when unknown. */
void rp_magic_mime(struct rp_magic *m, const void *buf, size_t len, char *out, size_t n);

#endif
