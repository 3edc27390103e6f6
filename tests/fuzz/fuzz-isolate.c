/* Fuzzes the address parser of --allow and the reader of nft's listing of the table. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "core/buf.h"
#include "respond/isolate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rp_isolate iso, again;
	struct rp_buf b = RP_BUF_INIT;
	struct rp_net n, m;
	char *s = malloc(size + 1);

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (rp_net_parse(s, &n) == 0) {
		/* the canonical form parses back to the same network, which contains itself */
		if (rp_net_fmt(&b, &n) != 0 || rp_net_parse(b.buf, &m) != 0 ||
		    memcmp(&n, &m, sizeof(n)) != 0 || !rp_net_contains(&n, n.family, n.addr))
			abort();
	}
	rp_buf_reset(&b);
	if (rp_isolate_parse_listing(s, size, &iso) == 0) {
		/* what was read back builds a ruleset that reads back the same */
		if (rp_isolate_ruleset(&iso, &b) != 0 ||
		    rp_isolate_parse_listing(b.buf, b.len, &again) != 0 ||
		    again.nallow != iso.nallow || again.nports != iso.nports ||
		    strcmp(again.id, iso.id) != 0)
			abort();
	}
	rp_buf_release(&b);
	free(s);
	return 0;
}
