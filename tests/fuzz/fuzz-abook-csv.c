/* Fuzzes the CSV address book reader (Outlook, Google Contacts, Thunderbird headers,
 * addresses found in any field, Windows-1252 text). */
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
	if (e->addr == NULL || strchr(e->addr, '@') == NULL || e->name == NULL)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_abook_stats st;
	struct rp_logfile *f = NULL;

	memset(&st, 0, sizeof(st));
	if (rp_logfile_open_mem(data, size, NULL, &f) != 0)
		return 0;
	rp_abook_csv_read(f, check, NULL, &st);
	rp_logfile_free(f);
	return 0;
}
