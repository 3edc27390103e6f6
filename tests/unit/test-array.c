#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/array.h"
#include "core/err.h"

/* A failing allocator countdown (as SQLite's test_malloc.c): the first `left` calls go
 * to realloc, the next ones fail; every call and the size it asked for are counted. */
static struct {
	long left;        /* calls that still succeed; < 0: never fail */
	size_t calls;
	size_t last_size;
} alloc;

static void *
countdown_realloc(void *p, size_t n)
{
	alloc.calls++;
	alloc.last_size = n;
	if (alloc.left == 0)
		return NULL;
	if (alloc.left > 0)
		alloc.left--;
	return realloc(p, n);
}

static void
alloc_reset(long left)
{
	alloc.left = left;
	alloc.calls = 0;
	alloc.last_size = 0;
}

struct pair {
	uint64_t a;
	char name[24];
};

static void
grows_by_doubling(void **state)
{
	struct pair *v = NULL;
	size_t n = 0, cap = 0, i;

	alloc_reset(-1);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(rp_array_grow_with(&v, &cap, n + 1, sizeof(*v),
		    RP_ARRAY_MAX_DEFAULT, countdown_realloc), 0);
		assert_true(cap >= n + 1);
		v[n].a = i;
		snprintf(v[n].name, sizeof(v[n].name), "item %zu", i);
		n++;
	}
	/* 16, 32, ..., 1024: seven allocations for a thousand appends */
	assert_int_equal(alloc.calls, 7);
	assert_int_equal(cap, 1024);
	assert_int_equal(alloc.last_size, 1024 * sizeof(struct pair));
	for (i = 0; i < n; i++) {
		char want[24];

		snprintf(want, sizeof(want), "item %zu", i);
		assert_int_equal(v[i].a, i);
		assert_string_equal(v[i].name, want);
	}
	/* room enough: nothing is called */
	assert_int_equal(rp_array_grow_with(&v, &cap, 10, sizeof(*v), RP_ARRAY_MAX_DEFAULT,
	    countdown_realloc), 0);
	assert_int_equal(alloc.calls, 7);
	/* a jump past double is taken in one allocation */
	assert_int_equal(rp_array_grow_with(&v, &cap, 5000, sizeof(*v), RP_ARRAY_MAX_DEFAULT,
	    countdown_realloc), 0);
	assert_int_equal(alloc.calls, 8);
	assert_int_equal(cap, 8192);
	free(v);
}

static void
macro_passes_the_element_size(void **state)
{
	struct pair *v = NULL;
	char **words = NULL;
	size_t cap = 0, wcap = 0;

	assert_int_equal(RP_ARRAY_GROW(&v, &cap, 3, 100), 0);
	assert_int_equal(cap, RP_ARRAY_MIN);
	/* every byte of the 16 elements is writable (ASan would say otherwise) */
	memset(v, 0xa5, cap * sizeof(*v));
	assert_int_equal(RP_ARRAY_GROW(&words, &wcap, 1, 100), 0);
	words[0] = NULL;
	memset(words, 0, wcap * sizeof(*words));
	free(v);
	free(words);
}

static void
stops_at_the_maximum(void **state)
{
	int *v = NULL, *before;
	size_t cap = 0, i;

	alloc_reset(-1);
	assert_int_equal(rp_array_grow_with(&v, &cap, 16, sizeof(*v), 20, countdown_realloc), 0);
	for (i = 0; i < 16; i++)
		v[i] = (int)i;
	/* doubling would give 32: clamped to the maximum */
	assert_int_equal(rp_array_grow_with(&v, &cap, 17, sizeof(*v), 20, countdown_realloc), 0);
	assert_int_equal(cap, 20);
	for (i = 16; i < 20; i++)
		v[i] = (int)i;
	before = v;
	alloc_reset(-1);
	assert_int_equal(rp_array_grow_with(&v, &cap, 21, sizeof(*v), 20, countdown_realloc),
	    RP_ERR_TOOBIG);
	assert_int_equal(alloc.calls, 0);
	assert_ptr_equal(v, before);
	assert_int_equal(cap, 20);
	for (i = 0; i < 20; i++)
		assert_int_equal(v[i], (int)i);
	/* a maximum below the first capacity is the capacity */
	{
		int *w = NULL;
		size_t wcap = 0;

		assert_int_equal(RP_ARRAY_GROW(&w, &wcap, 1, 3), 0);
		assert_int_equal(wcap, 3);
		assert_int_equal(RP_ARRAY_GROW(&w, &wcap, 4, 3), RP_ERR_TOOBIG);
		assert_int_equal(wcap, 3);
		free(w);
	}
	free(v);
}

static void
refuses_sizes_that_overflow(void **state)
{
	char *v = NULL;
	size_t cap = 0;

	alloc_reset(0);   /* nothing may reach the allocator */
	/* need * elem_size does not fit in a size_t */
	assert_int_equal(rp_array_grow_with(&v, &cap, 2, SIZE_MAX / 2 + 1, SIZE_MAX,
	    countdown_realloc), RP_ERR_TOOBIG);
	assert_int_equal(rp_array_grow_with(&v, &cap, SIZE_MAX / 8 + 1, 8, SIZE_MAX,
	    countdown_realloc), RP_ERR_TOOBIG);
	assert_int_equal(alloc.calls, 0);
	assert_null(v);
	assert_int_equal(cap, 0);

	/* doubling the capacity would overflow: the request is clamped to what fits, and
	 * the allocator (failing here) is asked for a size that is not wrapped around */
	cap = SIZE_MAX / 2 + 1;
	assert_int_equal(rp_array_grow_with(&v, &cap, cap + 1, 1, SIZE_MAX, countdown_realloc),
	    RP_ERR_NOMEM);
	assert_int_equal(alloc.calls, 1);
	assert_int_equal(alloc.last_size, SIZE_MAX / 2 + 2);
	assert_int_equal(cap, SIZE_MAX / 2 + 1);
	alloc_reset(0);
	cap = SIZE_MAX / 32 + 1;      /* elements of 16 bytes: doubled it no longer fits */
	assert_int_equal(rp_array_grow_with(&v, &cap, cap + 1, 16, SIZE_MAX, countdown_realloc),
	    RP_ERR_NOMEM);
	assert_int_equal(alloc.last_size, SIZE_MAX / 16 * 16);
	assert_int_equal(cap, SIZE_MAX / 32 + 1);
	assert_null(v);
}

static void
failure_leaves_the_array_as_it_was(void **state)
{
	long k;

	/* fail the (k+1)-th allocation, for each of the five that 200 appends make */
	for (k = 0; k < 5; k++) {
		uint32_t *v = NULL, *before;
		size_t n = 0, cap = 0, capbefore, i;
		int r = 0;

		alloc_reset(k);
		while (n < 200) {
			before = v;
			capbefore = cap;
			r = rp_array_grow_with(&v, &cap, n + 1, sizeof(*v), RP_ARRAY_MAX_DEFAULT,
			    countdown_realloc);
			if (r != 0)
				break;
			v[n] = (uint32_t)n * 7;
			n++;
		}
		assert_int_equal(r, RP_ERR_NOMEM);
		assert_ptr_equal(v, before);
		assert_int_equal(cap, capbefore);
		assert_int_equal(n, cap);          /* it failed when the array was full */
		for (i = 0; i < n; i++)
			assert_int_equal(v[i], (uint32_t)i * 7);
		/* the allocator recovers: the same array grows on */
		alloc_reset(-1);
		assert_int_equal(rp_array_grow_with(&v, &cap, n + 1, sizeof(*v),
		    RP_ARRAY_MAX_DEFAULT, countdown_realloc), 0);
		for (i = 0; i < n; i++)
			assert_int_equal(v[i], (uint32_t)i * 7);
		free(v);
	}
}

static void
refuses_nonsense(void **state)
{
	int *v = NULL;
	size_t cap = 0;

	assert_int_equal(rp_array_grow(&v, &cap, 1, 0, 10), RP_ERR_INVALID);
	assert_int_equal(rp_array_grow(&v, &cap, 1, sizeof(*v), 0), RP_ERR_INVALID);
	assert_int_equal(rp_array_grow_with(&v, &cap, 1, sizeof(*v), 10, NULL), RP_ERR_INVALID);
	assert_null(v);
	assert_int_equal(cap, 0);
	/* nothing asked, nothing done */
	assert_int_equal(RP_ARRAY_GROW(&v, &cap, 0, 10), 0);
	assert_null(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(grows_by_doubling),
		cmocka_unit_test(macro_passes_the_element_size),
		cmocka_unit_test(stops_at_the_maximum),
		cmocka_unit_test(refuses_sizes_that_overflow),
		cmocka_unit_test(failure_leaves_the_array_as_it_was),
		cmocka_unit_test(refuses_nonsense),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
