/* Fuzzes what watch reads about an smbd: `smbstatus -p` output (rp_samba_parse) and
 * the bytes of /proc/PID/cmdline (rp_samba_conf). The first two bytes choose the pid
 * looked for (0..65535, so that the seeds' small pids are found). */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "respond/samba.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_samba_client c;
	struct rp_buf b = RP_BUF_INIT;
	unsigned char bin[16];
	char conf[64];
	pid_t pid;

	if (size < 2)
		return 0;
	pid = (pid_t)(data[0] << 8 | data[1]);
	data += 2;
	size -= 2;
	if (rp_samba_parse((const char *)data, size, pid, &c) == 0) {
		if (strlen(c.addr) >= sizeof(c.addr) || strlen(c.user) >= sizeof(c.user) ||
		    strlen(c.machine) >= sizeof(c.machine))
			abort();
		/* addr is an address or nothing: it goes into an nft script */
		if (c.addr[0] && inet_pton(AF_INET, c.addr, bin) != 1 && inet_pton(AF_INET6, c.addr, bin) != 1)
			abort();
		if (c.addr[0] && rp_samba_block_script(c.addr, &b) != 0)
			abort();
	}
	if (rp_samba_conf((const char *)data, size, "/srv", conf, sizeof(conf)) == 0 &&
	    (strlen(conf) >= sizeof(conf) || conf[0] == '\0'))
		abort();
	rp_buf_release(&b);
	return 0;
}
