/* The libmagic adapter: the answers it remembers by content are libmagic's own, a head
 * is remembered only from its second sighting, and a head that differs by one byte is
 * never given another head's answer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detect/magic.h"

#define NBUF 6

static unsigned char bufs[NBUF][9000];
static size_t lens[NBUF];

static void
make_bufs(void)
{
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
	    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 16, 0, 0, 0, 16, 8, 2, 0, 0, 0 };
	uint32_t x = 12345;
	size_t i;

	/* 0: text; 1: the same text but its last byte a NUL (binary to libmagic);
	 * 2: HTML; 3: random; 4: random behind a PNG signature and header; 5: 9000 text bytes, of
	 * which only the first 8 KiB count (so a change after them keeps the answer) */
	lens[0] = (size_t)snprintf((char *)bufs[0], sizeof(bufs[0]),
	    "Your files are encrypted.\nWrite to us to get them back.\n");
	memcpy(bufs[1], bufs[0], lens[0]);
	lens[1] = lens[0];
	bufs[1][lens[1] - 1] = '\0';
	lens[2] = (size_t)snprintf((char *)bufs[2], sizeof(bufs[2]),
	    "<!DOCTYPE html>\n<html><head><title>x</title></head><body>hi</body></html>\n");
	for (i = 0; i < 4096; i++) {
		x = x * 1103515245u + 12345u;
		bufs[3][i] = (unsigned char)(x >> 16);
	}
	lens[3] = 4096;
	memcpy(bufs[4], bufs[3], 4096);
	memcpy(bufs[4], png, sizeof(png));
	lens[4] = 4096;
	for (i = 0; i < 9000; i++)
		bufs[5][i] = (unsigned char)("abc def\n"[i % 8]);
	lens[5] = 9000;
}

/* Every answer of a remembering cookie is the answer of a fresh cookie, in any order,
 * and repeated heads are answered from memory. */
static void
same_answers(void **state)
{
	struct rp_magic *m, *fresh;
	char want[NBUF][96], got[96];
	uint64_t calls, hits;
	size_t i, round;

	make_bufs();
	for (i = 0; i < NBUF; i++) {
		assert_int_equal(rp_magic_new(&fresh), 0);
		rp_magic_mime(fresh, bufs[i], lens[i], want[i], sizeof(want[i]));
		rp_magic_free(fresh);
	}
	assert_string_equal(want[0], "text/plain");
	assert_string_not_equal(want[1], "text/plain");
	assert_string_equal(want[2], "text/html");
	assert_string_equal(want[4], "image/png");
	assert_string_not_equal(want[3], want[4]);
	assert_int_equal(rp_magic_new(&m), 0);
	for (round = 0; round < 4; round++) {
		for (i = 0; i < NBUF; i++) {
			size_t k = (i * 5 + round) % NBUF;

			rp_magic_mime(m, bufs[k], lens[k], got, sizeof(got));
			assert_string_equal(got, want[k]);
		}
	}
	rp_magic_counts(m, &calls, &hits);
	assert_int_equal(calls, 4 * NBUF);
	/* first sighting: libmagic; second: libmagic and kept; third and fourth: memory */
	assert_int_equal(hits, 2 * NBUF);
	/* a byte changed after the first 8 KiB: the same head, the same answer, from memory */
	bufs[5][8500] = 'Z';
	rp_magic_mime(m, bufs[5], lens[5], got, sizeof(got));
	assert_string_equal(got, want[5]);
	rp_magic_counts(m, &calls, &hits);
	assert_int_equal(hits, 2 * NBUF + 1);
	/* a byte changed inside the head: never the kept answer by mistake */
	bufs[0][3] = 0x01;
	rp_magic_mime(m, bufs[0], lens[0], got, sizeof(got));
	assert_int_equal(rp_magic_new(&fresh), 0);
	rp_magic_mime(fresh, bufs[0], lens[0], want[0], sizeof(want[0]));
	rp_magic_free(fresh);
	assert_string_equal(got, want[0]);
	rp_magic_counts(m, &calls, &hits);
	assert_int_equal(hits, 2 * NBUF + 1);
	rp_magic_free(m);
}

/* More distinct repeated heads than are kept: answers stay right, memory is bounded. */
static void
many_heads(void **state)
{
	struct rp_magic *m;
	unsigned char b[256];
	char got[96];
	uint64_t calls, hits;
	int i, round;

	assert_int_equal(rp_magic_new(&m), 0);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < 500; i++) {
			int n = snprintf((char *)b, sizeof(b), "line %d of a text file\n", i);

			rp_magic_mime(m, b, (size_t)n, got, sizeof(got));
			assert_string_equal(got, "text/plain");
		}
	}
	rp_magic_counts(m, &calls, &hits);
	assert_int_equal(calls, 1500);
	assert_true(hits < 500);        /* 500 heads do not fit in memory */
	rp_magic_mime(m, "", 0, got, sizeof(got));   /* empty: no crash */
	rp_magic_free(m);
	rp_magic_free(NULL);
}

/* What rp_magic_head_random calls random: at least 1 KiB of random bytes in the window
 * libmagic would get (the first 8 KiB); not text, not a short head, not random bytes
 * behind 8 KiB of text, not compressed-looking bytes that are not uniform. */
static void
head_random(void **state)
{
	static unsigned char b[12288];
	uint32_t x = 777;
	size_t i;

	for (i = 0; i < sizeof(b); i++) {
		x = x * 1103515245u + 12345u;
		b[i] = (unsigned char)(x >> 16);
	}
	assert_true(rp_magic_head_random(b, sizeof(b)));
	assert_true(rp_magic_head_random(b, 1024));
	assert_false(rp_magic_head_random(b, 1023));         /* too short to judge */
	assert_false(rp_magic_head_random(b, 0));
	memset(b, 'a', 8192);                                 /* text in the window, */
	assert_false(rp_magic_head_random(b, sizeof(b)));     /* random only after it */
	for (i = 0; i < 4096; i++)                            /* 128 distinct values only */
		b[i] = (unsigned char)(b[8192 + i] & 0x7f);
	assert_false(rp_magic_head_random(b, 4096));
	make_bufs();
	assert_false(rp_magic_head_random(bufs[0], lens[0]));
	assert_false(rp_magic_head_random(bufs[5], lens[5]));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_answers),
		cmocka_unit_test(many_heads),
		cmocka_unit_test(head_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
