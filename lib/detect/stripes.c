/*
 * Periodicity of random windows (stripes.h). For each lag k, the share of marked
 * windows i whose window i + k is marked too: intermittent encryption gives a share
 * near 1 at its period and near 0 inside the gaps; natural data gives about the same
 * share at every lag. Cost: one AND and one popcount per 64 marks per lag, tried only
 * for regions with enough marks and enough unmarked windows (most text has no mark,
 * compressed data marks nearly everything).
 */
#include "detect/stripes.h"

#define RP_STRIPES_SPAN 128     /* words of marks looked at: 8192 windows, 128 KiB */

static inline uint64_t
shifted(const uint64_t *b, size_t w, unsigned k)
{
	/* marks i + k for i in word w: bits k.. of the stream starting at word w */
	size_t q = w + k / 64;
	unsigned s = k % 64;

	return s ? (b[q] >> s) | (b[q + 1] << (64 - s)) : b[q];
}

/* The share of marks i (i + k < n) whose mark i + k is set too. */
static inline __attribute__((always_inline)) double
follow_share(const uint64_t *bits, size_t n, size_t k)
{
	size_t both = 0, base = 0, w, lastw = (n - k + 63) / 64;

	for (w = 0; w < lastw; w++) {
		uint64_t m = bits[w];

		if ((w + 1) * 64 > n - k)   /* only marks i with i + k < n */
			m &= (n - k) % 64 ? ~0ull >> (64 - (n - k) % 64) : ~0ull;
		base += (size_t)__builtin_popcountll(m);
		both += (size_t)__builtin_popcountll(m & shifted(bits, w, (unsigned)k));
	}
	return base >= 6 ? (double)both / (double)base : 0;
}

static inline __attribute__((always_inline)) void
stripes_find(const uint64_t *bits, size_t n, struct rp_stripes_result *r)
{
	size_t words, w, k, maxlag, marked = 0;
	double share[RP_STRIPES_MAX_LAG + 1], low = 1.0;

	r->period = 0;
	r->marked = 0;
	r->follow = r->gap = 0;
	/* a period shows in a few thousand marks: at most RP_STRIPES_SPAN words from the
	 * middle of a long region (the cost stays bounded; LockFile leaves the head) */
	if (n > RP_STRIPES_SPAN * 64) {
		bits += (n / 64 - RP_STRIPES_SPAN) / 2;
		n = RP_STRIPES_SPAN * 64;
	}
	words = (n + 63) / 64;
	for (w = 0; w < words; w++)
		marked += (size_t)__builtin_popcountll(bits[w]);
	r->marked = marked;
	/* enough stripes to see a period, and enough structure between them */
	if (n < 16 || marked < 12 || marked * 20 < n || marked * 10 > n * 8)
		return;
	maxlag = n / 3 < RP_STRIPES_MAX_LAG ? n / 3 : RP_STRIPES_MAX_LAG;
	for (k = 1; k <= maxlag; k++) {
		share[k] = follow_share(bits, n, k);
		/*
		 * A period: most marks recur k windows later, and at some shorter lag most
		 * do not (the gap between stripes). A lag of 1 is no period (a long random
		 * run is a block's business). The share still rises to the period itself
		 * (3 of 4 marks recur at 11 when 4 of 12 are marked): the best lag up to
		 * half as far again is the period.
		 */
		if (k >= 2 && share[k] >= 0.75 && low <= 0.35 && low <= share[k] / 2) {
			size_t best = k, j, last = k + k / 2 + 1 < maxlag ? k + k / 2 + 1 : maxlag;

			for (j = k + 1; j <= last; j++) {
				share[j] = follow_share(bits, n, j);
				if (share[j] > share[best])
					best = j;
			}
			r->period = best;
			r->follow = share[best];
			r->gap = low;
			return;
		}
		if (share[k] < low)
			low = share[k];
	}
}

/*
 * Two popcounts a word a lag: without -mpopcnt (the x86-64 baseline has none) each is a
 * call of libgcc's __popcountdi2, about as dear as the rest of the loop. The body
 * inlined into a function compiled for the instruction, called on CPUs that have it.
 * (Not target_clones: clang's fuzz build then emitted no rp_stripes_find to link.)
 */
#if defined(__x86_64__)
__attribute__((target("popcnt")))
static void
stripes_find_popcnt(const uint64_t *bits, size_t n, struct rp_stripes_result *r)
{
	stripes_find(bits, n, r);
}
#endif

void
rp_stripes_find(const uint64_t *bits, size_t n, struct rp_stripes_result *r)
{
#if defined(__x86_64__)
	if (__builtin_cpu_supports("popcnt")) {
		stripes_find_popcnt(bits, n, r);
		return;
	}
#endif
	stripes_find(bits, n, r);
}
