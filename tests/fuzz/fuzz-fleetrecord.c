/* Fuzzes the check of a record taken from the practice's queue before it is sent: the
 * queue is a table in a file on the practice's server, read back as untrusted input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fleet/fleet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *kind = NULL, *rid = NULL;
	const char *why = NULL;

	if (rp_fleet_record_check((const char *)data, size, &kind, &rid, &why) == 0) {
		/* what passes has a kind and an id the centre's constraints take */
		if (kind == NULL || rid == NULL || *rid == '\0' || strlen(rid) > RP_FLEET_RID_MAX ||
		    memchr(data, '\0', size) != NULL)
			abort();
	} else if (why == NULL || kind != NULL || rid != NULL) {
		abort();
	}
	free(kind);
	free(rid);
	return 0;
}
