/* Fuzzes the reading of an nftables ruleset (nft -j list ruleset) for the firewall
 * checks: whether ports are limited, whether anything filters the input. */
#include <stdint.h>
#include <stdlib.h>

#include "harden/checks.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned ports[] = { 22, 139, 445, 1500, 3389, 5432 };
	size_t i;
	unsigned ch;
	int r;

	for (i = 0; i < sizeof(ports) / sizeof(ports[0]); i++) {
		r = rp_h_nft_limits((const char *)data, size, i % 2 ? 6 : 4, ports[i]);
		if (r != 0 && r != 1 && r != -7)
			abort();
	}
	r = rp_h_nft_input_filters((const char *)data, size, &ch);
	if (r != 0 && r != 1 && r != -7)
		abort();
	return 0;
}
