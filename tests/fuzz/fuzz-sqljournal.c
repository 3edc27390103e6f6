/* Fuzzes watch's check of SQLite rollback journals (lib/respond/sqljournal.c): the
 * input is the file, read through a descriptor (a memfd) as watch reads a closed one;
 * its headers' counts, sector and page sizes and records' checksums come from it. */
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "respond/sqljournal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz-journal", MFD_CLOEXEC);
	if (fd < 0)
		abort();
	for (size_t done = 0; done < size;) {
		ssize_t n = write(fd, data + done, size - done);
		if (n <= 0)
			abort();
		done += (size_t)n;
	}
	int r = rp_sqljournal_check(fd, size);
	if (r != 0 && r != 1)
		abort();
	close(fd);
	return 0;
}
