/*
 * The zlib adapter of lib/mail: a streaming inflater for gzip files (rotated logs,
 * "mail.log.2.gz": several members in a row are one stream, as gzip(1) reads them;
 * bytes after the last member that do not start another are ignored, as gzip does)
 * and raw deflate. zlib's types stay in gz.c. Bounded memory (zlib's 32 KiB window),
 * any input: corrupt or truncated data is RP_ERR_FORMAT, never a crash.
 * One struct rp_gz per stream and thread.
 */
#ifndef RP_MAIL_GZ_H
#define RP_MAIL_GZ_H

#include <stddef.h>

struct rp_gz;

/* raw: raw deflate (no header); else gzip. *out owned by the caller (rp_gz_free). */
int rp_gz_new(int raw, struct rp_gz **out);
void rp_gz_free(struct rp_gz *z);                     /* accepts NULL */

/*
 * Inflates from *in (*inlen bytes; both advanced past what was used) into out (at most
 * outlen bytes; *got set). Returns 0 (call again: with more input when *inlen is 0
 * and *got is 0), 1 when the stream has ended (the rest of the input is ignored), or
 * RP_ERR_FORMAT (not gzip, corrupt). At the end of the input, rp_gz_finish says
 * whether the stream was complete.
 */
int rp_gz_inflate(struct rp_gz *z, const unsigned char **in, size_t *inlen,
    unsigned char *out, size_t outlen, size_t *got);
/* 0 when the stream ended at a member's end; RP_ERR_FORMAT when it was cut short. */
int rp_gz_finish(const struct rp_gz *z);
/* Back to the state of a new stream. */
int rp_gz_reset(struct rp_gz *z);

/* Whether the bytes start like a gzip file (1f 8b 08). */
int rp_gz_magic(const void *p, size_t len);

#endif
