/* Fuzzes the evidence file reader (lib/mail/logfile.c): gzip members, damage, UTF-16
 * byte-order marks, bounded lines, a second pass after rewinding. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "mail/logfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_logfile_opts lo = { 0, 64 };
	struct rp_logfile *f = NULL;
	const char *l;
	size_t n, pass1 = 0, pass2 = 0;
	int r;

	if (rp_logfile_open_mem(data, size, &lo, &f) != 0)
		return 0;
	while ((r = rp_logfile_line(f, &l, &n)) != 0)
		if (r == 1 && (n > 64 || l[n] != '\0'))
			abort();
		else
			pass1++;
	if (rp_logfile_rewind(f) == 0) {
		while ((r = rp_logfile_line(f, &l, &n)) != 0)
			pass2++;
		if (pass1 != pass2)
			abort();   /* the same content twice */
	}
	rp_logfile_free(f);
	return 0;
}
