#include <stdint.h>
#include <string.h>

#include "core/array.h"
#include "core/err.h"

int
rp_array_grow_with(void *itemsp, size_t *cap, size_t need, size_t elem_size, size_t max,
    void *(*realloc_fn)(void *, size_t))
{
	void *items, *p;
	size_t n, fit;

	if (elem_size == 0 || max == 0 || realloc_fn == NULL)
		return RP_ERR_INVALID;
	if (need <= *cap)
		return 0;
	fit = SIZE_MAX / elem_size;    /* the most elements whose size fits in a size_t */
	if (need > max || need > fit)
		return RP_ERR_TOOBIG;
	n = *cap ? *cap : RP_ARRAY_MIN;
	while (n < need)
		n = n > SIZE_MAX / 2 ? need : n * 2;
	if (n > max)
		n = max;
	if (n > fit)
		n = fit;
	/* the caller's pointer is a T *, not a void *: copy its bytes rather than write it
	 * through a void ** (which would be an access through the wrong type) */
	memcpy(&items, itemsp, sizeof(items));
	if ((p = realloc_fn(items, n * elem_size)) == NULL)
		return RP_ERR_NOMEM;
	memcpy(itemsp, &p, sizeof(p));
	*cap = n;
	return 0;
}
