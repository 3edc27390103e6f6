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

#endif
