#include <math.h>
#include <string.h>

#include "detect/stats.h"

void
rp_stats_reset(struct rp_stats *s)
{
	memset(s, 0, sizeof(*s));
}

void
rp_stats_add(struct rp_stats *s, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	/* four histograms break the store-to-load dependency on repeated bytes */
	uint32_t h[4][256];
	size_t i, j;

	if (len < 4096) {
		for (i = 0; i < len; i++)
			s->hist[p[i]]++;
		s->n += len;
		return;
	}
	if (len <= 65535 * 4) {
		/* a block (the engine's are 4 KiB): 16-bit counters halve what is cleared */
		uint16_t g[4][256];

		memset(g, 0, sizeof(g));
		for (i = 0; i + 4 <= len; i += 4) {
			g[0][p[i]]++;
			g[1][p[i + 1]]++;
			g[2][p[i + 2]]++;
			g[3][p[i + 3]]++;
		}
		for (; i < len; i++)
			s->hist[p[i]]++;
		for (j = 0; j < 256; j++)
			s->hist[j] += (uint64_t)g[0][j] + g[1][j] + g[2][j] + g[3][j];
		s->n += len;
		return;
	}
	memset(h, 0, sizeof(h));
	for (i = 0; i + 4 <= len; i += 4) {
		h[0][p[i]]++;
		h[1][p[i + 1]]++;
		h[2][p[i + 2]]++;
		h[3][p[i + 3]]++;
		if ((i & 0x3fffffff) == 0x3ffffffc) {   /* keep 32-bit counters from overflowing */
			for (j = 0; j < 256; j++) {
				s->hist[j] += (uint64_t)h[0][j] + h[1][j] + h[2][j] + h[3][j];
				h[0][j] = h[1][j] = h[2][j] = h[3][j] = 0;
			}
		}
	}
	for (; i < len; i++)
		s->hist[p[i]]++;
	for (j = 0; j < 256; j++)
		s->hist[j] += (uint64_t)h[0][j] + h[1][j] + h[2][j] + h[3][j];
	s->n += len;
}

void
rp_stats_merge(struct rp_stats *into, const struct rp_stats *from)
{
	size_t i;

	for (i = 0; i < 256; i++)
		into->hist[i] += from->hist[i];
	into->n += from->n;
}

double
rp_stats_entropy(const struct rp_stats *s)
{
	double e = 0, n = (double)s->n;
	size_t i;

	if (s->n == 0)
		return 0;
	for (i = 0; i < 256; i++) {
		if (s->hist[i]) {
			double p = (double)s->hist[i] / n;

			e -= p * log2(p);
		}
	}
	return e;
}

double
rp_stats_chi2(const struct rp_stats *s)
{
	double c = 0, exp = (double)s->n / 256.0;
	size_t i;

	if (s->n == 0)
		return 0;
	for (i = 0; i < 256; i++) {
		double d = (double)s->hist[i] - exp;

		c += d * d / exp;
	}
	return c;
}

double
rp_entropy(const void *buf, size_t len)
{
	struct rp_stats s;

	rp_stats_reset(&s);
	rp_stats_add(&s, buf, len);
	return rp_stats_entropy(&s);
}

double
rp_chi2(const void *buf, size_t len)
{
	struct rp_stats s;

	rp_stats_reset(&s);
	rp_stats_add(&s, buf, len);
	return rp_stats_chi2(&s);
}

int
rp_block_random(const struct rp_stats *s)
{
	/*
	 * Under uniformity chi-square has mean 255 and variance 2*255*(1 - 1/n), so a
	 * standard deviation of 22.6 at any block size worth judging. Six of them above
	 * the mean (limit 390) make a false "not random" on real ciphertext rarer than
	 * 1e-8 per block. JPEG and bzip2 data score above it; deflate, xz and zstd
	 * output passes as random at this size (measured: median 255-310), which is
	 * why formats are judged by their structure, not by this test.
	 */
	double limit = 255.0 + 6.0 * sqrt(510.0);

	/*
	 * The entropy test once beside chi-square ("entropy > 7.0") can never fail when
	 * chi-square passes, so it is not computed (256 log2 a random block: 1.5 % of a
	 * scan of files that do not repeat). chi2 / n is the chi-square divergence of the
	 * byte frequencies p from uniform u, and by Jensen (log is concave)
	 * 8 - H(p) = KL(p||u) = E_p[log2(p/u)] <= log2(E_p[p/u]) = log2(1 + chi2 / n);
	 * with n >= 1024 and chi2 < 391, H > 8 - log2(1 + 391/1024) > 7.53.
	 */
	if (s->n < 1024)
		return 0;
	return rp_stats_chi2(s) < limit;
}
