/* Fuzzes the address book readers: vCard (folding, quoted-printable, parameters) and,
 * through the dispatcher, the CSV exports. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/abook.h"
#include "mail/logfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
check(const struct rp_abook_entry *e, void *ctx)
{
	(void)ctx;
	if (e->addr == NULL || e->name == NULL || e->org == NULL || strchr(e->addr, '@') == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_logfile_opts lo = { 0, 1024 };
	struct rp_abook_stats st;
	struct rp_logfile *f = NULL;

	if (rp_logfile_open_mem(data, size, &lo, &f) != 0)
		return 0;
	rp_vcard_read(f, check, NULL, &st);
	rp_logfile_free(f);
	if (rp_logfile_open_mem(data, size, &lo, &f) != 0)
		return 0;
	memset(&st, 0, sizeof(st));
	rp_abook_read(f, check, NULL, &st);
	rp_logfile_free(f);
	return 0;
}
