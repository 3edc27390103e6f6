/* Fuzzes the ISO 8601 and duration parsers and the output escapers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/escape.h"
#include "core/time.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_buf b = RP_BUF_INIT;
	char *s = malloc(size + 1);
	int64_t t;
	long ns;
	int lossy = 0;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (rp_time_parse(s, &t, &ns) == 0 && (ns < 0 || ns > 999999999))
		abort();
	rp_duration_parse(s, &t);
	rp_esc_text(&b, data, size);
	rp_esc_json(&b, data, size, &lossy);
	rp_esc_csv(&b, data, size);
	/* JSON escaping must always produce valid UTF-8 */
	rp_buf_reset(&b);
	rp_esc_json(&b, data, size, &lossy);
	if (!rp_utf8_valid(b.buf, b.len))
		abort();
	rp_buf_release(&b);
	free(s);
	return 0;
}
