#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "respond/holds.h"

static void
add_find_full(void **state)
{
	(void)state;
	struct rp_holds *hs;
	assert_int_equal(rp_holds_new(&hs, 0), RP_ERR_INVALID);
	assert_int_equal(rp_holds_new(&hs, 3), 0);
	struct rp_hold *a = rp_holds_add(hs, 1, 10);
	assert_non_null(a);
	a->hlen = 8;
	assert_ptr_equal(rp_holds_add(hs, 1, 10), a);        /* the one already there */
	assert_int_equal(rp_holds_add(hs, 1, 10)->hlen, 8);
	assert_non_null(rp_holds_add(hs, 2, 10));              /* same inode, other device */
	assert_non_null(rp_holds_add(hs, 1, 11));
	assert_null(rp_holds_add(hs, 1, 12));                  /* full */
	assert_int_equal(rp_holds_count(hs), 3);
	assert_null(rp_holds_find(hs, 1, 12));
	assert_non_null(rp_holds_find(hs, 2, 10));
	rp_holds_del(hs, rp_holds_find(hs, 2, 10));
	assert_null(rp_holds_find(hs, 2, 10));
	assert_non_null(rp_holds_add(hs, 1, 12));              /* room again */
	rp_holds_clear(hs);
	assert_int_equal(rp_holds_count(hs), 0);
	assert_null(rp_holds_find(hs, 1, 10));
	rp_holds_free(hs);
	rp_holds_free(NULL);
}

static void
closed_in_order(void **state)
{
	(void)state;
	struct rp_holds *hs;
	assert_int_equal(rp_holds_new(&hs, 8), 0);
	for (uint64_t i = 1; i <= 5; i++)
		assert_non_null(rp_holds_add(hs, 7, i));
	assert_null(rp_holds_oldest_closed(hs));               /* none closed yet */
	rp_holds_close(hs, rp_holds_find(hs, 7, 3));
	rp_holds_close(hs, rp_holds_find(hs, 7, 1));
	rp_holds_close(hs, rp_holds_find(hs, 7, 5));
	rp_holds_close(hs, rp_holds_find(hs, 7, 3));           /* again: now the newest */
	assert_int_equal(rp_holds_nclosed(hs), 3);
	rp_holds_close(hs, rp_holds_find(hs, 7, 2));
	rp_holds_open(hs, rp_holds_find(hs, 7, 2));            /* held again: not queued */
	assert_int_equal(rp_holds_nclosed(hs), 3);
	rp_holds_del(hs, rp_holds_find(hs, 7, 1));             /* its ring slot goes stale */
	assert_int_equal(rp_holds_nclosed(hs), 2);
	struct rp_hold *h = rp_holds_oldest_closed(hs);
	assert_non_null(h);
	assert_int_equal(h->ino, 5);
	rp_holds_del(hs, h);
	h = rp_holds_oldest_closed(hs);
	assert_non_null(h);
	assert_int_equal(h->ino, 3);
	rp_holds_del(hs, h);
	assert_null(rp_holds_oldest_closed(hs));
	assert_int_equal(rp_holds_count(hs), 2);               /* 2 and 4, still open */
	assert_int_equal(rp_holds_nclosed(hs), 0);
	size_t it = 0, n = 0;
	while ((h = rp_holds_next(hs, &it)) != NULL) {
		assert_true(h->ino == 2 || h->ino == 4);
		n++;
	}
	assert_int_equal(n, 2);
	rp_holds_free(hs);
}

/*
 * Against a plain array, many operations on keys that collide: every entry is found
 * after deletions shifted others back, none is found after its deletion, and the
 * closed ones come out oldest first across the ring's squeezes.
 */
static void
matches_a_model(void **state)
{
	(void)state;
	enum { CAP = 48, KEYS = 97, OPS = 200000 };
	struct rp_holds *hs;
	assert_int_equal(rp_holds_new(&hs, CAP), 0);
	int in[KEYS] = { 0 };
	uint64_t closed_at[KEYS] = { 0 };      /* 0: open */
	uint64_t clock = 0;
	size_t count = 0;
	uint64_t x = 0x2545f4914f6cdd1dULL;
	for (int op = 0; op < OPS; op++) {
		x ^= x << 13; x ^= x >> 7; x ^= x << 17;
		unsigned k = (unsigned)(x % KEYS), what = (unsigned)((x >> 32) % 4);
		uint64_t dev = k % 3, ino = k / 3 * 4096;       /* inode numbers that hash alike */
		struct rp_hold *h = rp_holds_find(hs, dev, ino);
		assert_int_equal(h != NULL, in[k]);
		if (what == 0 || what == 1) {
			h = rp_holds_add(hs, dev, ino);
			if (!in[k] && count == CAP) {
				assert_null(h);
				/* make room as the watcher does: the oldest closed goes */
				struct rp_hold *o = rp_holds_oldest_closed(hs);
				unsigned best = KEYS;
				for (unsigned j = 0; j < KEYS; j++)
					if (in[j] && closed_at[j] && (best == KEYS || closed_at[j] < closed_at[best]))
						best = j;
				if (best == KEYS) {
					assert_null(o);
					continue;
				}
				assert_non_null(o);
				assert_int_equal(o->dev, best % 3);
				assert_int_equal(o->ino, best / 3 * 4096);
				rp_holds_del(hs, o);
				in[best] = 0;
				closed_at[best] = 0;
				count--;
				h = rp_holds_add(hs, dev, ino);
			}
			assert_non_null(h);
			if (!in[k]) {
				in[k] = 1;
				count++;
			}
		} else if (what == 2 && h != NULL) {
			if (closed_at[k] && (x >> 40) % 3 == 0) {
				rp_holds_open(hs, h);
				closed_at[k] = 0;
			} else {
				rp_holds_close(hs, h);
				closed_at[k] = ++clock;
			}
		} else if (what == 3 && h != NULL) {
			rp_holds_del(hs, h);
			in[k] = 0;
			closed_at[k] = 0;
			count--;
		}
		assert_int_equal(rp_holds_count(hs), count);
	}
	size_t nclosed = 0;
	for (unsigned j = 0; j < KEYS; j++)
		nclosed += in[j] && closed_at[j];
	assert_int_equal(rp_holds_nclosed(hs), nclosed);
	rp_holds_free(hs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(add_find_full),
		cmocka_unit_test(closed_in_order),
		cmocka_unit_test(matches_a_model),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
