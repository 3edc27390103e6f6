/*
 * Byte statistics: Shannon entropy (bits per byte) and Pearson's chi-square statistic
 * of the byte histogram against the uniform distribution (255 degrees of freedom).
 * For random data chi-square is about 255 +- 22.6 whatever the sample size, while
 * compressed data, which has about the same entropy, sits far above: chi-square was
 * the best single statistic of 53 in Davies et al. (Computers & Security, 2021).
 * Pure functions, thread-safe.
 */
#ifndef RP_STATS_H
#define RP_STATS_H

#include <stddef.h>
#include <stdint.h>

struct rp_stats {
	uint64_t hist[256];
	uint64_t n;
};

void rp_stats_reset(struct rp_stats *s);
void rp_stats_add(struct rp_stats *s, const void *buf, size_t len);
void rp_stats_merge(struct rp_stats *into, const struct rp_stats *from);
double rp_stats_entropy(const struct rp_stats *s);
double rp_stats_chi2(const struct rp_stats *s);

/* Convenience over one buffer. */
double rp_entropy(const void *buf, size_t len);
double rp_chi2(const void *buf, size_t len);

/* Whether a block of at least 1 KiB is statistically indistinguishable from random:
 * chi-square under the threshold for its size (about 6 standard deviations above 255),
 * which makes the entropy over 7.5 bits a byte too (stats.c). Smaller blocks are not
 * judged (returns 0). */
int rp_block_random(const struct rp_stats *s);

/*
 * The statistics of 64-byte windows (the engine's text windows) and of their four
 * 16-byte quarters (its fine windows): how many distinct bytes each has, and how many
 * bytes of two classes. junk: the bytes text does not contain (C0 controls but tab,
 * newlines, vertical tab, form feed, Ctrl-Z and escape; and DEL). never: the bytes
 * that never occur in UTF-8 (0xC0, 0xC1, 0xF5-0xFF).
 */
/* A byte's classes: 1 if junk, 0x100 if never (the two summed over up to 255 bytes
 * in one addition). */
extern const uint16_t rp_byte_class[256];

struct rp_winstat {
	uint8_t distinct;   /* distinct bytes of the 64 */
	uint8_t junk;
	uint8_t never;
	uint8_t cls;        /* bit q: quarter q has a junk or a never byte */
	uint8_t d16[4];     /* distinct bytes of quarter q */
	uint8_t bad;        /* never bytes, and continuation bytes (0x80-0xBF) first in
	                     * the window or after an ASCII or a never byte: bytes no
	                     * valid UTF-8 sequence can contain; when computed (below) */
};

#define RP_WIN 64
#define RP_WIN_Q 16

/* The statistics of the n windows p[64 i .. 64 i + 63] into w[i]; the fastest
 * implementation this CPU runs. Returns 1 when it computed bad, 0 when it left it 0
 * (the portable one: it costs more there than it saves). */
int rp_window_stats(const unsigned char *p, size_t n, struct rp_winstat *w);

/* Every implementation compiled in that this CPU runs (the first is the portable one),
 * for the tests that hold them to the same numbers; the list is a static array filled
 * at each call (not for concurrent callers). */
struct rp_winstat_impl {
	const char *name;
	int (*fn)(const unsigned char *p, size_t n, struct rp_winstat *w);
};
size_t rp_window_stats_impls(const struct rp_winstat_impl **impls);

#endif
