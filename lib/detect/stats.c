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
	/*
	 * The sum of (h - e)^2 / e, e = n / 256, is 256 sum(h^2) / n - n; the sum of the
	 * squares is exact in integers, and one division instead of 256 (the engine asks
	 * this of every 4 KiB block). Up to n = 2^20, 256 sum(h^2) <= 2^48 is exact as a
	 * double, so this value is off the true chi-square by one rounding of the
	 * quotient (under 1e-9 near the limit), and rp_stats_chi2's by its 768
	 * roundings (under 1e-10 at a sum near 390): more than 1e-6 from the limit both
	 * fall on the same side. Nearer, or for a larger n, the answer is what
	 * rp_stats_chi2 says, as it always was.
	 */
	if (s->n <= 1u << 20) {
		uint64_t sq = 0;
		size_t i;
		double fast;

		for (i = 0; i < 256; i++)
			sq += s->hist[i] * s->hist[i];
		fast = (double)(sq * 256) / (double)s->n - (double)s->n;
		if (fast < limit - 1e-6)
			return 1;
		if (fast > limit + 1e-6)
			return 0;
	}
	return rp_stats_chi2(s) < limit;
}

/* ---- window statistics ---- */

/*
 * What a byte says of its window: the low byte counts junk bytes, the high byte never
 * bytes (stats.h). Summed over at most 64 bytes neither half carries into the other,
 * so one addition a byte counts both. (Escape stays text: ANSI colours in logs; Ctrl-Z
 * is DOS's end of file.)
 */
const uint16_t rp_byte_class[256] = {
	0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x000, 0x000, 0x000, 0x000, 0x000, 0x001, 0x001,
	0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x001, 0x000, 0x000, 0x001, 0x001, 0x001, 0x001,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x001,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x100, 0x100, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
	0x000, 0x000, 0x000, 0x000, 0x000, 0x100, 0x100, 0x100, 0x100, 0x100, 0x100, 0x100, 0x100, 0x100, 0x100, 0x100,
};

/*
 * The portable one. A byte was seen in this window when its stamp is at least the
 * window's base, in this quarter when it is the quarter's stamp: no clearing per
 * window (clearing 256 stamps per 64 bytes cost more than the window). It leaves
 * bad out: a table lookup and three operations more a byte (+32 % Ir here) cost more
 * than the engine's walk they would spare it.
 */
static int
window_stats_scalar(const unsigned char *p, size_t n, struct rp_winstat *w)
{
	uint16_t seen[256];
	uint16_t base = 0;
	size_t i, j;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < n; i++, p += RP_WIN) {
		unsigned distinct = 0, junk = 0, never = 0, cls = 0, q;

		if (base >= 0xfff0) {
			memset(seen, 0, sizeof(seen));
			base = 0;
		}
		base += 4;
		for (q = 0; q < 4; q++) {
			uint16_t cur = (uint16_t)(base + q);
			unsigned d16 = 0, c16 = 0;
			const unsigned char *x = p + q * RP_WIN_Q;

			for (j = 0; j < RP_WIN_Q; j++) {
				unsigned c = x[j];
				uint16_t st = seen[c];

				c16 += rp_byte_class[c];
				distinct += st < base;
				d16 += st != cur;
				seen[c] = cur;
			}
			junk += c16 & 0xff;
			never += c16 >> 8;
			cls |= (c16 != 0) << q;
			w[i].d16[q] = (uint8_t)d16;
		}
		w[i].distinct = (uint8_t)distinct;
		w[i].junk = (uint8_t)junk;
		w[i].never = (uint8_t)never;
		w[i].cls = (uint8_t)cls;
		w[i].bad = 0;
	}
	return 0;
}

#if defined(__x86_64__)
#include <immintrin.h>

/*
 * From the 64-bit masks of a window (bit 16 q + j: byte j of quarter q): dup, the
 * bytes equal to an earlier byte of their window; dup16, those equal to an earlier
 * byte of their quarter; zero, the NUL bytes; junk and never, the classes; bit7 and
 * bit6, the bytes' top two bits (a continuation byte is 10xxxxxx). The
 * vectors compare each byte with the bytes shifted in before it, and a shift brings
 * in zeros: every NUL byte at j < 15 is marked in both. That overcounts by one the
 * first NUL of a quarter (dup16) or of the window (dup) when it is at j < 15, and
 * nothing else (a NUL at j = 15 is compared only with real bytes).
 */
__attribute__((target("popcnt")))
static inline void
window_from_masks(struct rp_winstat *w, uint64_t dup, uint64_t dup16, uint64_t zero,
    uint64_t junk, uint64_t never, uint64_t bit7, uint64_t bit6)
{
	unsigned q, d = 64 - (unsigned)__builtin_popcountll(dup);
	uint64_t cls = junk | never, cont = bit7 & ~bit6, after = (~bit7 | never) << 1 | 1;

	if (zero && (__builtin_ctzll(zero) & 15) != 15)
		d++;
	w->distinct = (uint8_t)d;
	w->junk = (uint8_t)__builtin_popcountll(junk);
	w->never = (uint8_t)__builtin_popcountll(never);
	w->bad = (uint8_t)(w->never + __builtin_popcountll(cont & after));
	w->cls = 0;
	for (q = 0; q < 4; q++) {
		unsigned sh = q * 16;

		w->d16[q] = (uint8_t)(16 - __builtin_popcountll((dup16 >> sh) & 0xffff) +
		    ((zero >> sh & 0x7fff) != 0));
		w->cls |= (uint8_t)(((cls >> sh & 0xffff) != 0) << q);
	}
}

/* An empty asm that the compiler must assume changes v: it keeps the chain of ORs in
 * the order written. Left free, gcc reassociated the chains, computed every shift
 * first and spilled them to the stack (446 instructions a window, 69 of them moves). */
#define RP_KEEP(v) __asm__("" : "+x"(v))

/*
 * AVX2: a window is two vectors, A = quarters 0|1 and B = 2|3 (a 256-bit vector is two
 * 128-bit lanes, and the byte shifts and rotations work within a lane, i.e. within a
 * quarter). A byte repeats one of its quarter when it equals the quarter shifted by
 * 1..15; one of an earlier quarter when it equals some rotation of it: A's rotations
 * against B (0 against 2, 1 against 3) and against B's lanes swapped (0 against 3,
 * 1 against 2), and those of quarters 0|2 against 1|3.
 */
__attribute__((target("avx2,popcnt")))
static int
window_stats_avx2(const unsigned char *p, size_t n, struct rp_winstat *w)
{
	size_t i;

	for (i = 0; i < n; i++, p += RP_WIN) {
		__m256i a = _mm256_loadu_si256((const __m256i *)p);
		__m256i b = _mm256_loadu_si256((const __m256i *)(p + 32));
		__m256i bs = _mm256_permute2x128_si256(b, b, 0x01);     /* 3|2 */
		__m256i x = _mm256_permute2x128_si256(a, b, 0x20);      /* 0|2 */
		__m256i y = _mm256_permute2x128_si256(a, b, 0x31);      /* 1|3 */
		__m256i wa = _mm256_setzero_si256(), wb = wa;           /* within a quarter */
		__m256i cb = wa, cbs = wa, cy = wa;                     /* across quarters */

#define RP_WITHIN(k)                                                                    \
		wa = _mm256_or_si256(wa, _mm256_cmpeq_epi8(a, _mm256_bslli_epi128(a, k))); \
		wb = _mm256_or_si256(wb, _mm256_cmpeq_epi8(b, _mm256_bslli_epi128(b, k))); \
		RP_KEEP(wa); RP_KEEP(wb)
#define RP_ACROSS(k)                                                                    \
		do {                                                                    \
			__m256i ra = _mm256_alignr_epi8(a, a, k);                       \
			__m256i rx = _mm256_alignr_epi8(x, x, k);                       \
			cb = _mm256_or_si256(cb, _mm256_cmpeq_epi8(b, ra));             \
			cbs = _mm256_or_si256(cbs, _mm256_cmpeq_epi8(bs, ra));          \
			cy = _mm256_or_si256(cy, _mm256_cmpeq_epi8(y, rx));             \
			RP_KEEP(cb); RP_KEEP(cbs); RP_KEEP(cy);                         \
		} while (0)
		RP_WITHIN(1); RP_WITHIN(2); RP_WITHIN(3); RP_WITHIN(4); RP_WITHIN(5);
		RP_WITHIN(6); RP_WITHIN(7); RP_WITHIN(8); RP_WITHIN(9); RP_WITHIN(10);
		RP_WITHIN(11); RP_WITHIN(12); RP_WITHIN(13); RP_WITHIN(14); RP_WITHIN(15);
		cb = _mm256_cmpeq_epi8(b, a);
		cbs = _mm256_cmpeq_epi8(bs, a);
		cy = _mm256_cmpeq_epi8(y, x);
		RP_ACROSS(1); RP_ACROSS(2); RP_ACROSS(3); RP_ACROSS(4); RP_ACROSS(5);
		RP_ACROSS(6); RP_ACROSS(7); RP_ACROSS(8); RP_ACROSS(9); RP_ACROSS(10);
		RP_ACROSS(11); RP_ACROSS(12); RP_ACROSS(13); RP_ACROSS(14); RP_ACROSS(15);
#undef RP_WITHIN
#undef RP_ACROSS
#undef RP_KEEP
		uint64_t dup16 = (uint32_t)_mm256_movemask_epi8(wa) |
		    (uint64_t)(uint32_t)_mm256_movemask_epi8(wb) << 32;
		uint64_t mb = (uint32_t)_mm256_movemask_epi8(cb);       /* 2 | 3 */
		uint64_t mbs = (uint32_t)_mm256_movemask_epi8(cbs);     /* 3 | 2 */
		uint64_t my = (uint32_t)_mm256_movemask_epi8(cy);       /* 1 | 3 */
		uint64_t across = mb << 32 | (mbs & 0xffff) << 48 | (mbs >> 16) << 32 |
		    (my & 0xffff) << 16 | (my >> 16) << 48;

		/* the classes: unsigned compares by min and max */
		const __m256i one = _mm256_set1_epi8(1);
		uint64_t zero = 0, junk = 0, never = 0, bit7 = 0, bit6 = 0;
		unsigned h;

		for (h = 0; h < 2; h++) {
			__m256i v = h ? b : a;
			__m256i le1f = _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(0x1f)), v);
			__m256i t = _mm256_sub_epi8(v, _mm256_set1_epi8(9));
			__m256i txt = _mm256_or_si256(
			    _mm256_cmpeq_epi8(_mm256_min_epu8(t, _mm256_set1_epi8(4)), t),       /* 9-13 */
			    _mm256_cmpeq_epi8(_mm256_or_si256(v, one), _mm256_set1_epi8(27)));  /* 26, 27 */
			__m256i j = _mm256_or_si256(_mm256_andnot_si256(txt, le1f),
			    _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7f)));
			__m256i nv = _mm256_or_si256(
			    _mm256_cmpeq_epi8(_mm256_or_si256(v, one), _mm256_set1_epi8((char)0xc1)),
			    _mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8((char)0xf5)), v));
			__m256i z = _mm256_cmpeq_epi8(v, _mm256_setzero_si256());

			zero |= (uint64_t)(uint32_t)_mm256_movemask_epi8(z) << (32 * h);
			junk |= (uint64_t)(uint32_t)_mm256_movemask_epi8(j) << (32 * h);
			never |= (uint64_t)(uint32_t)_mm256_movemask_epi8(nv) << (32 * h);
			bit7 |= (uint64_t)(uint32_t)_mm256_movemask_epi8(v) << (32 * h);
			bit6 |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_add_epi8(v, v)) <<
			    (32 * h);
		}
		window_from_masks(&w[i], dup16 | across, dup16, zero, junk, never, bit7, bit6);
	}
	return 1;
}

/*
 * AVX-512BW: a window is one vector of four lanes, one a quarter. Within a quarter as
 * in AVX2; across, each rotation of the window against the window with its quarters
 * moved down by one, two and three lanes (lane l against quarter l + 1, l + 2, l + 3):
 * a mark in lane l is for the later quarter, put in place by shifting the mask, which
 * also drops the lanes that had no later quarter to compare.
 */
__attribute__((target("avx512f,avx512bw,popcnt")))
static int
window_stats_avx512(const unsigned char *p, size_t n, struct rp_winstat *w)
{
	size_t i;

	for (i = 0; i < n; i++, p += RP_WIN) {
		__m512i v = _mm512_loadu_si512((const void *)p);
		__m512i s1 = _mm512_shuffle_i64x2(v, v, 0x39);  /* 1 2 3 0 */
		__m512i s2 = _mm512_shuffle_i64x2(v, v, 0x4e);  /* 2 3 0 1 */
		__m512i s3 = _mm512_shuffle_i64x2(v, v, 0x93);  /* 3 0 1 2 */
		/*
		 * The marks are kept as their complements, the bytes not equal to any
		 * compared so far: a compare under a mask ANDs into it in the same
		 * instruction, where ORing marks took two more (to a register and back).
		 */
		__mmask64 in = ~0ull, c1, c2, c3;

		c1 = _mm512_cmpneq_epi8_mask(s1, v);
		c2 = _mm512_cmpneq_epi8_mask(s2, v);
		c3 = _mm512_cmpneq_epi8_mask(s3, v);
#define RP_STEP(k)                                                                      \
		do {                                                                    \
			__m512i r = _mm512_alignr_epi8(v, v, k);                        \
			in = _mm512_mask_cmpneq_epi8_mask(in, v, _mm512_bslli_epi128(v, k)); \
			c1 = _mm512_mask_cmpneq_epi8_mask(c1, s1, r);                   \
			c2 = _mm512_mask_cmpneq_epi8_mask(c2, s2, r);                   \
			c3 = _mm512_mask_cmpneq_epi8_mask(c3, s3, r);                   \
		} while (0)
		RP_STEP(1); RP_STEP(2); RP_STEP(3); RP_STEP(4); RP_STEP(5);
		RP_STEP(6); RP_STEP(7); RP_STEP(8); RP_STEP(9); RP_STEP(10);
		RP_STEP(11); RP_STEP(12); RP_STEP(13); RP_STEP(14); RP_STEP(15);
#undef RP_STEP
		__m512i t = _mm512_sub_epi8(v, _mm512_set1_epi8(9));
		__m512i o = _mm512_or_si512(v, _mm512_set1_epi8(1));
		__mmask64 txt = _mm512_cmple_epu8_mask(t, _mm512_set1_epi8(4)) |         /* 9-13 */
		    _mm512_cmpeq_epi8_mask(o, _mm512_set1_epi8(27));                       /* 26, 27 */
		__mmask64 junk = (_mm512_cmple_epu8_mask(v, _mm512_set1_epi8(0x1f)) & ~txt) |
		    _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(0x7f));
		__mmask64 never = _mm512_cmpeq_epi8_mask(o, _mm512_set1_epi8((char)0xc1)) |
		    _mm512_cmpge_epu8_mask(v, _mm512_set1_epi8((char)0xf5));
		__mmask64 zero = _mm512_cmpeq_epi8_mask(v, _mm512_setzero_si512());

		in = ~in;
		window_from_masks(&w[i], in | ~c1 << 16 | ~c2 << 32 | ~c3 << 48, in, zero,
		    junk, never, _mm512_movepi8_mask(v),
		    _mm512_movepi8_mask(_mm512_add_epi8(v, v)));
	}
	return 1;
}
#endif

/* the portable one first, then the faster ones, fastest last */
static const struct rp_winstat_impl impls[] = {
	{ "scalar", window_stats_scalar },
#if defined(__x86_64__)
	{ "avx2", window_stats_avx2 },
	{ "avx512bw", window_stats_avx512 },
#endif
};

static int
impl_runs(size_t k)
{
#if defined(__x86_64__)
	/* libgcc's check includes the OS's: the AVX state saved by the kernel (XCR0) */
	if (impls[k].fn == window_stats_avx2)
		return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
	if (impls[k].fn == window_stats_avx512)
		return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("popcnt");
#endif
	(void)k;
	return 1;
}

size_t
rp_window_stats_impls(const struct rp_winstat_impl **out)
{
	static struct rp_winstat_impl run[sizeof(impls) / sizeof(impls[0])];
	size_t k, n = 0;

	for (k = 0; k < sizeof(impls) / sizeof(impls[0]); k++)
		if (impl_runs(k))
			run[n++] = impls[k];
	*out = run;
	return n;
}

int
rp_window_stats(const unsigned char *p, size_t n, struct rp_winstat *w)
{
	/* the table is in order of speed: the last this CPU runs (the portable one runs
	 * everywhere) */
	size_t k = sizeof(impls) / sizeof(impls[0]) - 1;

	while (k > 0 && !impl_runs(k))
		k--;
	return impls[k].fn(p, n, w);
}
