/* Fuzzes what watch parses from outside: the shadow index lines, the
 * decompression probes (attacker-controlled file heads) and the look at an archive
 * still growing (its tar headers walked); smbstatus output has fuzz-smbstatus. The
 * first byte chooses the parser (4: the growing archive, else 0 mod 3: the index). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

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
	if (data[0] == 4) {
		int fd = memfd_create("fuzz", MFD_CLOEXEC);
		if (fd < 0)
			return 0;
		if (write(fd, s, n) == (ssize_t)n) {
			int v = rp_archive_growing_random(fd, n);
			if (v < -1 || v > 1 || (n < 4096 && v != 0))
				abort();
		}
		close(fd);
		return 0;
	}
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
