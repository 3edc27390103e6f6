/* Fuzzes the decoding of a batch of fanotify event records (lib/respond/fanotify.c):
 * what the kernel writes, read field by field at offsets the records themselves give.
 * The first byte chooses the group (odd: the name group). Two directories are known,
 * by the handles 8 x 0x00 and 8 x 0xff of type 1, so that name records can match
 * (and a deletion record forget them). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "respond/fanotify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rp_fan *f;
	static const unsigned char zero[8], ones[8] = { 255, 255, 255, 255, 255, 255, 255, 255 };
	/* known again at each input: a record of a directory's deletion forgets it */
	if ((f == NULL && rp_fan_decoder(&f) != 0) || rp_fan_dir_add(f, 1, 8, zero, "/srv/a") != 0 ||
	    rp_fan_dir_add(f, 1, 8, ones, "/srv/b") != 0)
		abort();
	if (size == 0)
		return 0;
	/* a copy of its own size: a read past the batch is ASan's to see */
	size_t n = size - 1;
	char *buf = malloc(n ? n : 1);
	if (buf == NULL)
		return 0;
	memcpy(buf, data + 1, n);
	int names = data[0] & 1;
	size_t pos = 0;
	for (;;) {
		struct rp_fan_event ev;
		size_t before = pos;
		int d = rp_fan_decode(f, names, buf, n, &pos, &ev);
		if (d < 0) {
			if (pos != before)
				abort();
			break;
		}
		if (pos <= before || pos > n)
			abort();        /* always forward, never past the batch */
		if (d == 1 && names && ev.kind != RP_FAN_OVERFLOW) {
			if (ev.dir == NULL || ev.name == NULL || ev.fd != -1)
				abort();
			/* the strings end inside the batch (or are the directories') */
			if (strlen(ev.name) >= n)
				abort();
			if (ev.dir2 != NULL && ev.name2 == NULL)
				abort();
			if (ev.name2 != NULL && strlen(ev.name2) >= n)
				abort();
		}
	}
	free(buf);
	return 0;
}
