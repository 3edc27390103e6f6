/*
 * Fuzzes the text of an HTML/HTA note (lib/detect/htmltext.h): on any input the text
 * is never longer than its markup (the caller's buffer holds the input's length), is
 * written within it, and the test for markup never reads past the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "detect/htmltext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned char *in, *out;
	size_t n = (size_t)-1;

	/* exact-size copies: ASan sees a read or a write one byte past either */
	in = malloc(size ? size : 1);
	out = malloc(size ? size : 1);
	if (in == NULL || out == NULL)
		goto out;
	if (size)
		memcpy(in, data, size);
	(void)rp_htmltext_is_html(in, size);
	if (rp_htmltext_strip(in, size, out, &n) != 0 || n > size)
		abort();
out:
	free(in);
	free(out);
	return 0;
}
