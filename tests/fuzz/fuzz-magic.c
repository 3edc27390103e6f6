/*
 * Fuzzes the type of a note's head (lib/detect/magic.h, rp_magic_mime_note): on any
 * input the prose test and the HTML markers never read past the input, and the answer
 * is one of libmagic's MIME types, never longer than the caller's buffer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "detect/magic.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct rp_magic *mg;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *in;
	char out[96];

	if (mg == NULL && rp_magic_new(&mg) != 0)
		abort();
	/* an exact-size copy: ASan sees a read one byte past it */
	if ((in = malloc(size ? size : 1)) == NULL)
		return 0;
	if (size)
		memcpy(in, data, size);
	memset(out, 'x', sizeof(out));
	rp_magic_mime_note(mg, in, size, out, sizeof(out));
	if (memchr(out, '\0', sizeof(out)) == NULL)
		abort();
	free(in);
	return 0;
}
