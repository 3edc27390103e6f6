/*
 * Private helpers of the format checks (lib/detect/fmt-*.c): byte-order readers,
 * result setters, a bounded reader over the sample, CRC-32 and a deflate probe that
 * allocates nothing. Not part of the engine's interface.
 */
#ifndef RP_FMT_UTIL_H
#define RP_FMT_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "detect/format.h"

static inline uint16_t rp_le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static inline uint32_t rp_le32(const unsigned char *p)
{ return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static inline uint64_t rp_le64(const unsigned char *p)
{ return (uint64_t)rp_le32(p) | (uint64_t)rp_le32(p + 4) << 32; }
static inline uint16_t rp_be16(const unsigned char *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static inline uint32_t rp_be24(const unsigned char *p)
{ return (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | (uint32_t)p[2]; }
static inline uint32_t rp_be32(const unsigned char *p)
{ return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3]; }
static inline uint64_t rp_be64(const unsigned char *p)
{ return (uint64_t)rp_be32(p) << 32 | (uint64_t)rp_be32(p + 4); }

/* Starts a result: UNKNOWN, nothing examined. */
void rp_fmt_begin(struct rp_fmt_result *r);
/*
 * Starts a result and returns the head when it carries the format's signature (its
 * length in *hlen); otherwise records "no <what> at 0" as damage with head_intact 0
 * and returns NULL (the check was chosen by the extension: the head is gone).
 */
const unsigned char *rp_fmt_start(struct rp_sample *s, struct rp_fmt_result *r,
    int (*sniff)(const unsigned char *, size_t), size_t *hlen, const char *what);
/* Records damage at off; of several, the earliest offset (and its reason) is kept. */
void rp_fmt_damage(struct rp_fmt_result *r, uint64_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Says what was verified: the result becomes INTACT unless damage was recorded. */
void rp_fmt_ok(struct rp_fmt_result *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * A reader over the sample: bytes inside a sampled region cost nothing, others are
 * read with rp_sample_pread in chunks of `chunk` bytes into a buffer that lives in
 * the struct (put it on the stack). get returns NULL when [off, off+len) is not
 * inside the file, len exceeds the buffer, or the probe budget is spent (fail set).
 */
#define RP_RD_BUF 16384
struct rp_rd {
	struct rp_sample *s;
	size_t chunk;             /* how much to read on a miss (at least len) */
	uint64_t base;            /* file offset of buf[0] */
	size_t len;               /* valid bytes in buf */
	int fail;                 /* a read failed or the budget is spent */
	unsigned char buf[RP_RD_BUF];
};
void rp_rd_init(struct rp_rd *r, struct rp_sample *s, size_t chunk);
const unsigned char *rp_rd_get(struct rp_rd *r, uint64_t off, size_t len);

/* Whether [off, off+len) lies inside one sampled region (costs no I/O). */
int rp_fmt_sampled(const struct rp_sample *s, uint64_t off, uint64_t len);

uint32_t rp_fmt_crc32(uint32_t crc, const void *p, size_t len);

/*
 * Inflates in (raw deflate when raw, else zlib) without allocating, discarding the
 * output. Returns 1 when the stream ended cleanly (*used: input bytes consumed,
 * *crc: CRC-32 of the output unless crc is NULL, *out: its length), 0 when all input was consumed
 * without error and without the end (or max_out was reached), -1 on a data error
 * (*used: about where).
 */
int rp_fmt_inflate(const unsigned char *in, size_t len, int raw, uint64_t max_out,
    size_t *used, uint32_t *crc, uint64_t *out);

/*
 * Whether n bytes are as varied as random ones: at 1 KiB and more, the chi-square
 * test of rp_block_random on the first 4 KiB; from 16 bytes, at least 85 % of the
 * distinct values n random bytes have on average (text, code and headers repeat
 * their bytes far more); under 16 bytes nothing can be told (0).
 */
int rp_fmt_bytes_random(const unsigned char *p, size_t n);

/* memmem over a bounded haystack; NULL when absent. */
const unsigned char *rp_fmt_find(const unsigned char *h, size_t hlen, const void *n, size_t nlen);
/* The last occurrence. */
const unsigned char *rp_fmt_rfind(const unsigned char *h, size_t hlen, const void *n, size_t nlen);

#endif
