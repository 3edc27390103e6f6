/* Fuzzes the RFC 4180 reader (lib/core/csvread.c) with small bounds, so that the recovery
 * paths (unterminated quotes, records past the bounds) are reached often. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvread.h"
#include "core/err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_csvr_opts o = { 0, 256, 8, 4 };
	const struct rp_csvr_field *f;
	struct rp_csvr *c = NULL;
	size_t n, i, records = 0;
	int r;

	if (size > 0)
		o.sep = data[0] % 4 == 0 ? 0 : data[0] % 4 == 1 ? ',' : data[0] % 4 == 2 ? ';' : '\t';
	if (rp_csvr_new_mem((const char *)data, size, &o, &c) != 0)
		return 0;
	while ((r = rp_csvr_next(c, &f, &n)) != 0) {
		if (r == RP_ERR_FORMAT || r == RP_ERR_TOOBIG)
			continue;
		if (r != 1 || n == 0 || n > 8)
			abort();
		for (i = 0; i < n; i++)
			if (f[i].p[f[i].len] != '\0' || f[i].len > 256)
				abort();
		if (++records > size + 1)
			abort();   /* every record consumes input */
	}
	rp_csvr_free(c);
	return 0;
}
