/*
 * Random stripes in any file: what intermittent encryption leaves (Black Basta's 64
 * bytes every 192 or 128, LockFile's every other 16 bytes, BlackCat/Agenda's chunk
 * every N chunks). The engine marks each 16-byte window whose bytes are as varied as
 * random data (15 or 16 distinct), and each 4 KiB block judged random; here a region's
 * marks are tested for the periodicity an encryptor leaves: a lag at which a marked
 * window is almost always followed by another marked one, with unmarked windows
 * between (the statistics jump from random to structured and back). Natural data is
 * either random nearly everywhere (compressed: nothing to see), or marked at random
 * places without a period. Pure functions: thread-safe.
 */
#ifndef RP_STRIPES_H
#define RP_STRIPES_H

#include <stddef.h>
#include <stdint.h>

#define RP_STRIPES_MAX_LAG 128      /* longest period looked for, in marks */

struct rp_stripes_result {
	size_t period;               /* in marks; 0 when none */
	size_t marked;               /* marks set */
	double follow;               /* share of marks followed by a mark one period later */
	double gap;                  /* the lowest such share at a shorter lag (the gap) */
};

/* Tests n marks (bit i of bits[i / 64]) for a period of at least 2 marks. bits must
 * hold (n + 63) / 64 words plus one more (zero) for the shifts. */
void rp_stripes_find(const uint64_t *bits, size_t n, struct rp_stripes_result *r);

#endif
