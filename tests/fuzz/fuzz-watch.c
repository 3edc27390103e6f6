/* Fuzzes what watch parses from outside: the shadow index lines and the
 * decompression probes (attacker-controlled file heads); smbstatus output has
 * fuzz-smbstatus. The first byte chooses the parser (0 mod 3: the index). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "respond/compressed.h"
#include "respond/shadow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	switch (data[0] % 3) {
	case 0: {
		struct rp_shadow_entry *e = malloc(sizeof(*e));
		if (e == NULL)
			return 0;
		if (rp_shadow_parse(s, n, e) == 0 &&
		    (e->pathlen >= sizeof(e->path) || e->path[0] != '/' || strchr(e->file, '/') != NULL ||
		    e->foff > e->size || e->flen > e->size - e->foff))
			abort();
		free(e);
		break;
	}
	default:
		rp_compressed_valid((const unsigned char *)s, n);
		break;
	}
	return 0;
}
