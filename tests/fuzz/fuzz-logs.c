/* Fuzzes the timeline's log line parsers (syslog, journal exports, Samba audit, alerts). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "forensic/logs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_log_ctx ctx = { 2026 };
	struct rp_log_event ev;
	const char *p = (const char *)data, *end = p + size;

	/* every line on its own, as the timeline reads a file */
	while (p <= end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (rp_log_parse_line(&ctx, p, n, &ev) == 1 &&
		    (memchr(ev.user, '\0', sizeof(ev.user)) == NULL ||
		    memchr(ev.object, '\0', sizeof(ev.object)) == NULL ||
		    memchr(ev.message, '\0', sizeof(ev.message)) == NULL))
			abort();
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return 0;
}
