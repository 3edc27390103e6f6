/* Answers remembered by content: kept from the second sighting, given only for the
 * very same bytes, bounded in number and size. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "core/memo.h"

static void
second_sighting(void **state)
{
	struct rp_memo *m;
	char a[] = "the same note in every folder", b[sizeof(a)];
	uint64_t gets, hits;

	assert_int_equal(rp_memo_new(&m, 4, 1024), 0);
	assert_null(rp_memo_get(m, a, sizeof(a)));
	rp_memo_put(m, a, sizeof(a), "text/plain");
	/* seen once: only noted */
	assert_null(rp_memo_get(m, a, sizeof(a)));
	rp_memo_put(m, a, sizeof(a), "text/plain");
	assert_string_equal(rp_memo_get(m, a, sizeof(a)), "text/plain");
	/* the same bytes elsewhere in memory */
	memcpy(b, a, sizeof(a));
	assert_string_equal(rp_memo_get(m, b, sizeof(b)), "text/plain");
	/* one byte different, or one byte shorter: not the kept answer */
	b[5] ^= 1;
	assert_null(rp_memo_get(m, b, sizeof(b)));
	assert_null(rp_memo_get(m, a, sizeof(a) - 1));
	/* the empty answer is an answer */
	rp_memo_put(m, "", 0, "");
	rp_memo_put(m, "", 0, "");
	assert_string_equal(rp_memo_get(m, "", 0), "");
	rp_memo_counts(m, &gets, &hits);
	assert_int_equal(gets, 7);
	assert_int_equal(hits, 3);
	rp_memo_free(m);
	rp_memo_free(NULL);
}

static void
bounds(void **state)
{
	struct rp_memo *m;
	static char big[2048];
	char buf[32], answer[200];
	int i;

	assert_int_equal(rp_memo_new(&m, 0, 10), RP_ERR_INVALID);
	assert_int_equal(rp_memo_new(&m, 3, 1024), 0);
	/* larger than max_bytes: never kept */
	rp_memo_put(m, big, sizeof(big), "x");
	rp_memo_put(m, big, sizeof(big), "x");
	assert_null(rp_memo_get(m, big, sizeof(big)));
	/* an answer too long to keep: not kept */
	memset(answer, 'a', sizeof(answer) - 1);
	answer[sizeof(answer) - 1] = '\0';
	rp_memo_put(m, "k", 1, answer);
	rp_memo_put(m, "k", 1, answer);
	assert_null(rp_memo_get(m, "k", 1));
	/* five buffers seen twice, three kept: the last three, the first two replaced */
	for (i = 0; i < 5; i++) {
		int n = snprintf(buf, sizeof(buf), "buffer %d", i);

		rp_memo_put(m, buf, (size_t)n, buf);
		rp_memo_put(m, buf, (size_t)n, buf);
	}
	for (i = 0; i < 5; i++) {
		int n = snprintf(buf, sizeof(buf), "buffer %d", i);
		const char *got = rp_memo_get(m, buf, (size_t)n);

		if (i < 2)
			assert_null(got);
		else
			assert_string_equal(got, buf);
	}
	rp_memo_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(second_sighting),
		cmocka_unit_test(bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
