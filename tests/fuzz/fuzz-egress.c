/* Fuzzes the egress record parsers (nftables JSON, iptables-save -c, conntrack, CSV)
 * and the mountinfo parser of exfil. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/time.h"
#include "forensic/egress.h"
#include "forensic/mount.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_egress e;
	struct rp_mount m;

	if (rp_egress_parse((const char *)data, size, RP_TIME_UNSET, RP_TIME_UNSET, &e) == 0 &&
	    memchr(e.top_dest, '\0', sizeof(e.top_dest)) == NULL)
		abort();
	if (rp_mount_parse((const char *)data, size, 8, 1, "/srv/data", &m) == 0 &&
	    memchr(m.point, '\0', sizeof(m.point)) == NULL)
		abort();
	if (size < 64) {
		char a[64];

		memcpy(a, data, size);
		a[size] = '\0';
		rp_addr_outside(a);
	}
	return 0;
}
