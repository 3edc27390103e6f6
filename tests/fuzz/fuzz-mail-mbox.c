/* Fuzzes the mbox splitter: the input fed in pieces of every size the first byte says,
 * each message checked against the bound. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mail/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
on_msg(void *ctx, uint64_t off, const char *from, size_t fromlen, const char *d, size_t len,
    int over)
{
	if (len > 4096 || fromlen > 4000 || (over && len != 4096))
		abort();
	(*(size_t *)ctx)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mail_mbox mb;
	size_t n = 0, step, i;
	int64_t t;

	if (size == 0)
		return 0;
	step = (size_t)data[0] % 64 + 1;
	mail_mbox_init(&mb, 4096);
	mb.on_msg = on_msg;
	mb.ctx = &n;
	for (i = 1; i < size; i += step)
		mail_mbox_feed(&mb, (const char *)data + i, size - i < step ? size - i : step);
	mail_mbox_end(&mb);
	mail_mbox_release(&mb);
	mail_mbox_is_from((const char *)data, size, &t);
	return 0;
}
