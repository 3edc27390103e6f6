/* Shared by the harden fuzz targets: the input cut into files of a memory root at each
 * line "%%%%" (the first part is the main file), so that includes between fuzzed
 * files are reached too. Not a test of its own. */
#ifndef RP_FUZZ_HARDEN_SPLIT_H
#define RP_FUZZ_HARDEN_SPLIT_H

#include <stddef.h>
#include <string.h>

#include "harden/hroot.h"

/* Fills files[0..max) with the given paths over the parts of data; returns the count. */
static size_t
harden_split(const char *data, size_t size, const char *const *paths, size_t max,
    struct rp_hfile *files)
{
	const char *p = data, *end = data + size;
	size_t n = 0;

	while (n < max) {
		const char *sep = NULL, *q;

		for (q = p; q + 6 <= end; q++) {
			if (memcmp(q, "\n%%%%\n", 6) == 0) {
				sep = q;
				break;
			}
		}
		files[n].path = paths[n];
		files[n].data = p;
		files[n].len = (size_t)((sep ? sep + 1 : end) - p);
		files[n].mtime = 0;
		n++;
		if (sep == NULL)
			break;
		p = sep + 6;
	}
	return n;
}

static int
harden_fuzz_finding(const struct rp_hfinding *f, void *ctx)
{
	/* every finding is complete and names a catalogued check */
	if (f->id == NULL || f->evidence == NULL || f->measure == NULL || f->reference == NULL ||
	    rp_harden_check(f->id) == NULL)
		__builtin_trap();
	*(size_t *)ctx += strlen(f->evidence);
	return 0;
}

static int
harden_fuzz_skip(const char *id, const char *reason, void *ctx)
{
	if (id == NULL || reason == NULL)
		__builtin_trap();
	return 0;
}

static int
harden_fuzz_note(const char *file, unsigned line, const char *text, void *ctx)
{
	if (text == NULL)
		__builtin_trap();
	return 0;
}

#endif
