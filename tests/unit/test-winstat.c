/* The window statistics (stats.h rp_window_stats): every implementation compiled in and
 * run by this CPU gives, window for window, the counts of a plain reference that looks
 * at each window on its own. And rp_block_random's shortcut answers as chi-square
 * against its limit does. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/escape.h"
#include "detect/stats.h"

#define NWIN 72
#define BUF (NWIN * RP_WIN + RP_WIN)

/* the definitions, byte by byte, as stats.h states them */
static int
is_junk(unsigned c)
{
	return (c < 0x20 && !(c >= 9 && c <= 13) && c != 26 && c != 27) || c == 0x7f;
}

static int
is_never(unsigned c)
{
	return c == 0xc0 || c == 0xc1 || c >= 0xf5;
}

static unsigned
distinct(const unsigned char *p, size_t n)
{
	unsigned char seen[256] = { 0 };
	unsigned d = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		d += !seen[p[i]];
		seen[p[i]] = 1;
	}
	return d;
}

static void
reference(const unsigned char *p, struct rp_winstat *w)
{
	unsigned q, j;

	memset(w, 0, sizeof(*w));
	w->distinct = (uint8_t)distinct(p, RP_WIN);
	for (j = 0; j < RP_WIN; j++)
		w->bad += (uint8_t)(is_never(p[j]) || ((p[j] & 0xc0) == 0x80 &&
		    (j == 0 || p[j - 1] < 0x80 || is_never(p[j - 1]))));
	for (q = 0; q < 4; q++) {
		const unsigned char *x = p + q * RP_WIN_Q;

		w->d16[q] = (uint8_t)distinct(x, RP_WIN_Q);
		for (j = 0; j < RP_WIN_Q; j++) {
			w->junk += (uint8_t)is_junk(x[j]);
			w->never += (uint8_t)is_never(x[j]);
			if (is_junk(x[j]) || is_never(x[j]))
				w->cls |= (uint8_t)(1u << q);
		}
	}
}

/* The engine's walk (engine.c analyse_region) to the window's end, len bytes from p
 * in the buffer: a byte that starts no valid sequence counts and is stepped over, a
 * valid sequence (which may end past the window) skipped. */
static unsigned
walk_invalid(const unsigned char *p, size_t len)
{
	unsigned invalid = 0;
	size_t j, n;

	for (j = 0; j < RP_WIN; ) {
		if ((n = rp_utf8_seq(p + j, len - j)) == 0) {
			invalid++;
			j++;
		} else {
			j += n;
		}
	}
	return invalid;
}

static size_t checked;

/* every implementation on n windows at p, against the reference */
static void
check(const unsigned char *p, size_t n, const char *what)
{
	const struct rp_winstat_impl *im;
	size_t k, i, nim = rp_window_stats_impls(&im);
	struct rp_winstat got[NWIN + 1], want;
	unsigned walked;

	assert_true(n <= NWIN);
	assert_true(nim >= 1);
	for (k = 0; k < nim; k++) {
		int has_bad;

		/* a canary past the last window: n windows are written, no more */
		memset(got, 0xa5, sizeof(got));
		has_bad = im[k].fn(p, n, got);
		/* the vectors compute bad (a test of it that no implementation
		 * ran would pass for nothing) */
		if (strcmp(im[k].name, "scalar") != 0)
			assert_int_equal(has_bad, 1);
		for (i = 0; i < n; i++) {
			reference(p + i * RP_WIN, &want);
			/* what the engine takes bad for: no more than the bytes its
			 * walk of the window counts as not UTF-8 */
			walked = walk_invalid(p + i * RP_WIN, (n - i) * RP_WIN);
			if (want.bad > walked)
				fail_msg("%s, window %zu: bad %u, but the walk counts %u", what,
				    i, want.bad, walked);
			if (!has_bad)
				want.bad = 0;   /* left out, as the function says */
			if (memcmp(&got[i], &want, sizeof(want)) != 0)
				fail_msg("%s, %s, window %zu of %zu: distinct %u (want %u), "
				    "junk %u (%u), never %u (%u), cls %x (%x), "
				    "d16 %u %u %u %u (%u %u %u %u), bad %u (%u)", what, im[k].name,
				    i, n, got[i].distinct, want.distinct, got[i].junk, want.junk,
				    got[i].never, want.never, got[i].cls, want.cls,
				    got[i].d16[0], got[i].d16[1], got[i].d16[2], got[i].d16[3],
				    want.d16[0], want.d16[1], want.d16[2], want.d16[3],
				    got[i].bad, want.bad);
			checked++;
		}
		assert_int_equal(got[n].distinct, 0xa5);
		assert_int_equal(got[n].d16[3], 0xa5);
	}
}

/* xorshift: the same bytes on every run */
static uint64_t rng = 0x9e3779b97f4a7c15ull;

static unsigned
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 32);
}

static void
lists_the_portable_one_first(void **state)
{
	const struct rp_winstat_impl *im;
	size_t nim = rp_window_stats_impls(&im);

	(void)state;
	assert_true(nim >= 1);
	assert_string_equal(im[0].name, "scalar");
	print_message("implementations run here:");
	for (size_t k = 0; k < nim; k++)
		print_message(" %s", im[k].name);
	print_message("\n");
}

static void
random_text_runs_and_distinct(void **state)
{
	static const char text[] = "Your files have been encrypted! To recover them, "
	    "send 0.05 BTC to the address below and e-mail us your ID.\r\n\tПривет, 世界 "
	    "\x1b[31mred\x1b[0m\x1a";
	unsigned char *buf = malloc(BUF);
	size_t i, n;

	(void)state;
	assert_non_null(buf);
	for (i = 0; i < BUF; i++)
		buf[i] = (unsigned char)rnd();
	check(buf, NWIN, "random bytes");
	for (i = 0; i < BUF; i++)
		buf[i] = (unsigned char)text[i % (sizeof(text) - 1)];
	check(buf, NWIN, "text");
	for (n = 0; n < 256; n++) {             /* runs of one byte, each byte value */
		memset(buf, (int)n, BUF);
		check(buf, 2, "a run of one byte");
	}
	for (n = 0; n < 4; n++) {               /* all distinct: 64 consecutive values */
		for (i = 0; i < RP_WIN; i++)
			buf[i] = (unsigned char)(n * 64 + i);
		check(buf, 1, "64 distinct bytes");
		for (i = 0; i < RP_WIN; i++)     /* and backwards */
			buf[i] = (unsigned char)(n * 64 + 63 - i);
		check(buf, 1, "64 distinct bytes, descending");
	}
	free(buf);
}

/* NUL bytes, alone or repeated, at every position of a quarter and of the window:
 * the vectors shift zeros in, so a NUL is where they could go wrong */
static void
nul_bytes_everywhere(void **state)
{
	unsigned char w[RP_WIN];
	size_t a, b;

	(void)state;
	for (a = 0; a < RP_WIN; a++) {
		for (b = 0; b < RP_WIN; b++) {
			size_t i;

			for (i = 0; i < RP_WIN; i++)
				w[i] = (unsigned char)(i + 1);
			w[a] = 0;
			w[b] = 0;
			check(w, 1, "one or two NULs among distinct bytes");
			for (i = 0; i < RP_WIN; i++)
				w[i] = (unsigned char)(0x41 + i % 7);
			w[a] = 0;
			w[b] = 0;
			check(w, 1, "one or two NULs in text");
		}
	}
}

/* every alignment of the buffer and every number of windows up to NWIN */
static void
every_alignment_and_length(void **state)
{
	unsigned char *buf = malloc(BUF + RP_WIN);
	size_t i, al, n;

	(void)state;
	assert_non_null(buf);
	for (i = 0; i < BUF + RP_WIN; i++)
		buf[i] = (unsigned char)(rnd() % 24 * 11);   /* 24 values: many repeats */
	for (al = 0; al < RP_WIN; al++)
		for (n = 0; n <= NWIN; n += (n < 8 ? 1 : 7))
			check(buf + al, n, "aligned so");
	free(buf);
}

/* many windows of random bytes from alphabets of every size, with the class
 * boundaries (8-14, 25-28, 0x1f, 0x20, 0x7e-0x80, 0xbf-0xc2, 0xf4-0xf6, 0xff) often */
static void
stress(void **state)
{
	static const unsigned char edge[] = { 0, 8, 9, 13, 14, 25, 26, 27, 28, 0x1f, 0x20,
		0x7e, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xf4, 0xf5, 0xf6, 0xff };
	unsigned char *buf = malloc(BUF);
	size_t round, i;

	(void)state;
	assert_non_null(buf);
	for (round = 0; round < 3000; round++) {
		unsigned alpha = 1 + rnd() % 256, mode = rnd() % 3;

		for (i = 0; i < BUF; i++) {
			unsigned r = rnd();

			if (mode == 0)
				buf[i] = (unsigned char)(r % alpha);
			else if (mode == 1)
				buf[i] = edge[r % sizeof(edge)];
			else
				buf[i] = (unsigned char)(r % 4 == 0 ? edge[r / 4 % sizeof(edge)] :
				    r / 4 % alpha + 0x60);
		}
		check(buf, NWIN, "stress");
	}
	assert_true(checked > 3000 * NWIN);
	free(buf);
}

/* blocks from random to skewed, of every size the shortcut takes and past it: the
 * answer is chi-square's against 255 + 6 sqrt(510), block for block; both answers
 * occur, and blocks near the limit too */
static void
block_random_is_chi2_under_its_limit(void **state)
{
	const double limit = 255.0 + 6.0 * sqrt(510.0);
	size_t sizes[] = { 1023, 1024, 1025, 4096, 4097, 65536, (1u << 20) - 1, 1u << 20,
		(1u << 20) + 1, 3u << 20 };
	unsigned char *buf = malloc(3u << 20);
	size_t round, k, yes = 0, no = 0, near = 0, i;

	(void)state;
	assert_non_null(buf);
	for (round = 0; round < 400; round++) {
		/* a share of the bytes from a narrower alphabet: from none (random) up */
		unsigned skew = rnd() % 64, alpha = 128 + rnd() % 129;

		for (i = 0; i < (3u << 20); i++) {
			unsigned r = rnd();

			buf[i] = (unsigned char)(r % 1024 < skew ? r / 1024 % alpha : r >> 24);
		}
		for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
			struct rp_stats st;
			double c;

			if (round >= 40 && sizes[k] > 65536)
				continue;       /* the big ones in the first rounds only */
			rp_stats_reset(&st);
			rp_stats_add(&st, buf, sizes[k]);
			c = rp_stats_chi2(&st);
			if (rp_block_random(&st) != (sizes[k] >= 1024 && c < limit))
				fail_msg("n %zu: chi2 %.9f, limit %.9f, block_random %d", sizes[k], c,
				    limit, rp_block_random(&st));
			if (sizes[k] >= 1024) {
				yes += c < limit;
				no += c >= limit;
				near += c > limit - 30 && c < limit + 30;
			}
		}
	}
	print_message("random %zu, not %zu, within 30 of the limit %zu\n", yes, no, near);
	assert_true(yes > 100 && no > 100 && near > 10);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lists_the_portable_one_first),
		cmocka_unit_test(random_text_runs_and_distinct),
		cmocka_unit_test(nul_bytes_everywhere),
		cmocka_unit_test(every_alignment_and_length),
		cmocka_unit_test(stress),
		cmocka_unit_test(block_random_is_chi2_under_its_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
