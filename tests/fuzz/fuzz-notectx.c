/* Fuzzes the context rule's reading of a text (lib/detect/notectx.h): any bytes, no
 * read outside them, and a verdict on evidence that is consistent with its bits. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "detect/notectx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a copy of exactly size bytes: the sanitizer sees any read past the end */
	unsigned char *p = malloc(size ? size : 1);
	unsigned ev;

	if (p == NULL)
		return 0;
	memcpy(p, data, size);
	ev = rp_notectx_evidence(p, size);
	/* no way to reach anyone: no other kind reported */
	if (!(ev & (RP_NCTX_STRONG | RP_NCTX_WEAK)) && ev != 0)
		abort();
	if (rp_notectx_enough(ev) && (ev & RP_NCTX_SHAPED))
		abort();
	free(p);
	return 0;
}
