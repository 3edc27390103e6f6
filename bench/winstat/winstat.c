/*
 * The window statistics alone (lib/detect/stats.c rp_window_stats), per implementation:
 * CPU time (the thread's clock, the best of R rounds) over a buffer of random bytes and
 * one of text, in 4 KiB calls as the engine makes them. Not built by make:
 *   cc -O2 -Ilib -include lib/core/banned.h -o /tmp/winstat bench/winstat/winstat.c \
 *       lib/detect/stats.c -lm
 *   /tmp/winstat [IMPL [MB [ROUNDS]]]     (IMPL: scalar, avx2, avx512bw; default all)
 * Under valgrind --tool=callgrind, name one implementation and ROUNDS 1: its Ir.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "detect/stats.h"

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	static const char text[] = "Your files have been encrypted by us. To get them back, "
	    "buy 0.05 BTC and send it to the wallet below, then mail your personal ID to "
	    "recover@example.onion within 72 hours or the key is deleted.\r\n";
	const struct rp_winstat_impl *im;
	size_t nim = rp_window_stats_impls(&im), mb = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 16;
	int rounds = argc > 3 ? (int)strtol(argv[3], NULL, 10) : 5;
	size_t len = mb << 20, i, k;
	unsigned char *rnd = malloc(len), *txt = malloc(len);
	struct rp_winstat w[64];
	unsigned long long sink = 0, x = 88172645463325252ull;

	if (!rnd || !txt || mb == 0 || rounds < 1)
		return 2;
	for (i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		rnd[i] = (unsigned char)(x >> 40);
		txt[i] = (unsigned char)text[i % (sizeof(text) - 1)];
	}
	for (k = 0; k < nim; k++) {
		double best[2] = { 1e9, 1e9 };
		int r, b;

		if (argc > 1 && strcmp(argv[1], "all") != 0 && strcmp(argv[1], im[k].name) != 0)
			continue;
		for (r = 0; r < rounds; r++) {
			for (b = 0; b < 2; b++) {
				const unsigned char *p = b ? txt : rnd;
				double t0 = cpu_now(), t;

				for (i = 0; i + 4096 <= len; i += 4096) {
					im[k].fn(p + i, 64, w);
					sink += w[0].distinct + w[63].d16[3];
				}
				t = cpu_now() - t0;
				if (t < best[b])
					best[b] = t;
			}
		}
		printf("%-9s random %6.2f ns/byte  text %6.2f ns/byte  (%zu MB, best of %d)\n",
		    im[k].name, best[0] * 1e9 / (double)len, best[1] * 1e9 / (double)len, mb,
		    rounds);
	}
	free(rnd);
	free(txt);
	return sink == 42;   /* keeps the calls; never 42 in practice */
}
