/* Fuzzes what reads a fleet DSN file: the file's text (comments, one connection string),
 * libpq's reading of the string (through the adapter), and the TLS rule over it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "fleet/fleet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_buf dsn = RP_BUF_INIT, why = RP_BUF_INIT;
	struct rp_fleet_dsn_info in;
	int line = 0, applied = 0, r;

	r = rp_fleet_dsn_text((const char *)data, size, &dsn, &line);
	if (r == 0) {
		/* one line, no controls, no NUL: what libpq will be given */
		if (dsn.len == 0 || memchr(dsn.buf, '\n', dsn.len) || strlen(dsn.buf) != dsn.len)
			abort();
		if (rp_fleet_dsn_inspect(dsn.buf, &in, &why) == 0) {
			r = rp_fleet_dsn_tls(&in, &applied, &why);
			/* a remote host is never let through with a weaker sslmode */
			if (r == 0 && in.remote && in.sslmode[0] && strcmp(in.sslmode, "verify-full") != 0)
				abort();
			if (r != 0 && r != RP_ERR_REFUSED)
				abort();
		}
	} else if (r == RP_ERR_FORMAT && line < 1) {
		abort();               /* a refused file names its line */
	}
	rp_buf_release(&dsn);
	rp_buf_release(&why);
	return 0;
}
