/* The hash map (lib/core/map.c): insert, find, delete with backward shift, growth. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/map.h"

static void
map_basic(void **state)
{
	struct rp_map m;
	void **v;
	void *old;
	char k[32];
	size_t i;

	rp_map_init(&m);
	assert_null(rp_map_get(&m, "x", 1));
	assert_int_equal(rp_map_del(&m, "x", 1, &old), 0);
	for (i = 0; i < 5000; i++) {
		snprintf(k, sizeof(k), "key%zu", i);
		assert_int_equal(rp_map_put(&m, k, strlen(k), &v), 1);
		*v = (void *)(uintptr_t)(i + 1);
	}
	assert_int_equal(rp_map_put(&m, "key7", 4, &v), 0);
	assert_int_equal((uintptr_t)*v, 8);
	/* delete every other key: the rest must stay reachable */
	for (i = 0; i < 5000; i += 2) {
		snprintf(k, sizeof(k), "key%zu", i);
		assert_int_equal(rp_map_del(&m, k, strlen(k), &old), 1);
		assert_int_equal((uintptr_t)old, i + 1);
	}
	assert_int_equal(m.n, 2500);
	for (i = 0; i < 5000; i++) {
		snprintf(k, sizeof(k), "key%zu", i);
		v = rp_map_get(&m, k, strlen(k));
		if (i % 2)
			assert_int_equal((uintptr_t)*v, i + 1);
		else
			assert_null(v);
	}
	/* keys are bytes */
	assert_int_equal(rp_map_put(&m, "a\0b", 3, &v), 1);
	assert_null(rp_map_get(&m, "a", 1));
	assert_non_null(rp_map_get(&m, "a\0b", 3));
	rp_map_release(&m, NULL);
	assert_int_equal(m.n, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(map_basic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
