/*
 * A growable array of elements of any type: the grow-by-doubling step every list of
 * lib/ and src/ needs, written once, with overflow checks and a hard maximum (what
 * struct rp_buf is for bytes).
 *
 * An array is three variables the caller keeps side by side: a pointer to the elements
 * (NULL while nothing is allocated), their count and the capacity (elements allocated).
 * Start with { NULL, 0, 0 }; before storing element n, make room for n + 1:
 *
 *	struct rp_change *v = NULL;
 *	size_t n = 0, cap = 0;
 *
 *	if ((r = RP_ARRAY_GROW(&v, &cap, n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
 *		goto out;
 *	v[n++] = c;
 *	...
 * out:
 *	free(v);
 *
 * Invariants:
 *  - *cap elements are allocated at *items, with realloc: the caller owns them and
 *    frees them with free(); the helper never frees;
 *  - *cap never exceeds max: asking for more than max elements fails with
 *    RP_ERR_TOOBIG, and so does a size in bytes that does not fit in a size_t;
 *  - the capacity doubles (from RP_ARRAY_MIN, clamped to max), so appending n elements
 *    one at a time copies O(n) elements in all;
 *  - a failure (RP_ERR_TOOBIG, RP_ERR_NOMEM, RP_ERR_INVALID) leaves *items and *cap as
 *    they were: the elements stay valid and still belong to the caller;
 *  - elements past the caller's count are not initialised; the count is the caller's
 *    business: the helper knows only the capacity.
 * An array already allocated elsewhere (malloc, realloc) can be handed over with *cap
 * set to any count of elements it holds (at most what is allocated).
 *
 * Thread-safety: no state of its own; an array belongs to one thread at a time (or to
 * whoever holds the lock that guards it).
 */
#ifndef RP_ARRAY_H
#define RP_ARRAY_H

#include <stddef.h>
#include <stdlib.h>

#define RP_ARRAY_MIN 16                          /* the first capacity, in elements */
#define RP_ARRAY_MAX_DEFAULT ((size_t)1 << 28)   /* a maximum for lists with no natural one */

/*
 * Makes room for at least need elements of elem_size bytes at *(T **)itemsp, growing
 * *cap. itemsp is the address of the caller's element pointer (a T **, passed as
 * void * so that no cast is needed; it is read and written with memcpy, so a T * of
 * any object type works). Returns 0 (nothing done when need <= *cap), RP_ERR_TOOBIG
 * (need > max, or need * elem_size overflows), RP_ERR_NOMEM, or RP_ERR_INVALID
 * (elem_size or max is 0). Use it through RP_ARRAY_GROW, which passes elem_size.
 */
int rp_array_grow_with(void *itemsp, size_t *cap, size_t need, size_t elem_size, size_t max,
    void *(*realloc_fn)(void *, size_t));

/* rp_array_grow_with with realloc(3); the check that there is room already is inline,
 * so an append that needs no allocation costs a comparison. */
static inline int
rp_array_grow(void *itemsp, size_t *cap, size_t need, size_t elem_size, size_t max)
{
	if (need <= *cap)
		return 0;
	return rp_array_grow_with(itemsp, cap, need, elem_size, max, realloc);
}

/* RP_ARRAY_GROW(&v, &cap, n + 1, max), v a T *: the element size is sizeof(*v); v
 * must be a pointer to the elements (**items does not compile for anything else that
 * is not a pointer to a pointer). Each argument is evaluated once. */
#define RP_ARRAY_GROW(items, cap, need, max) \
	rp_array_grow((items), (cap), (need), sizeof(**(items)), (max))

#endif
