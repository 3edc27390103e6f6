/*
 * Fuzzes the whole verdict engine: the input becomes a file (memfd) named with one of
 * a few extensions chosen by its first byte, so that every path of the verdict runs:
 * structure checks through the extension, text windows, notes, UTF-16 conversion.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/buf.h"
#include "detect/engine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct rp_engine *eng;
static struct rp_scanner *sc;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "a.txt", "b.docx", "c.pdf", "d.jpg", "e.png",
		"f.gz", "g", "README.txt", "h.xlsx.lockbit", "i.sqlite", "j.mp4", "k.7z",
		"l.html", "m.csv", "n.gpg", "o.xz" };
	struct rp_verdict v;
	int fd;

	if (eng == NULL) {
		struct rp_engine_opts o = { .type_all = 1 };

		if (rp_engine_new(&eng, &o, NULL) != 0 || rp_scanner_new(&sc, eng) != 0)
			abort();
	}
	if ((fd = memfd_create("fuzz", 0)) < 0)
		return 0;
	if (size && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return 0;
	}
	if (rp_scan_fd(sc, fd, names[size ? data[0] % 16 : 0], &v) == 0) {
		if ((unsigned)v.kind >= RP_V_NKINDS || v.nreasons > RP_V_MAX_REASONS ||
		    v.size != size || v.entropy < 0 || v.entropy > 8.0001)
			abort();
	}
	close(fd);
	return 0;
}
