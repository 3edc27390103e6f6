/* Fuzzes the /proc parsers: what a compromised host shows there is attacker-made
 * (a process names itself; a socket path holds any byte). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "respond/collect.h"
#include "respond/proc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
sock_cb(const struct rp_sock *s, void *ctx)
{
	size_t *n = ctx;

	if (s->path && s->pathlen > 1 << 20)
		abort();
	(void)rp_sock_state_name(s);
	(void)rp_sock_listening(s);
	(*n)++;
	return 0;
}

static int
field_cb(char **f, size_t n, void *ctx)
{
	size_t i, *total = ctx;

	for (i = 0; i < n; i++)
		*total += strlen(f[i]);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct rp_proc_stat ps;
	uint32_t uid;
	int64_t bt;
	size_t n = 0, bad = 0;
	int p;

	if (rp_proc_parse_stat(s, size, &ps) == 0 && memchr(ps.comm, '\0', sizeof(ps.comm)) == NULL)
		abort();
	rp_proc_parse_uid(s, size, &uid);
	rp_proc_parse_btime(s, size, &bt);
	for (p = RP_SOCK_TCP; p <= RP_SOCK_UNIX; p++)
		rp_procnet_parse(s, size, (enum rp_sock_proto)p, sock_cb, &n, &bad);
	rp_collect_parse_fields(s, size, 0, field_cb, &n);
	rp_collect_parse_fields(s, size, 1, field_cb, &n);
	return 0;
}
