/* smbstatus parsing, and the client block (libnftables). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <nftables/libnftables.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "respond/samba.h"

static void
field(char *dst, size_t cap, const char *s, size_t len)
{
	if (len >= cap)
		len = cap - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

int
rp_samba_parse(const char *text, size_t len, pid_t pid, struct rp_samba_client *c)
{
	int seen_header = 0;
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; i < len;) {
		const char *line = text + i;
		const char *nl = memchr(line, '\n', len - i);
		size_t l = nl ? (size_t)(nl - line) : len - i;
		i += l + 1;
		if (l >= 3 && memcmp(line, "PID", 3) == 0)
			seen_header = 1;
		/* fields: pid user group machine (ipv4:addr:port) protocol ... */
		const char *w[6];
		size_t wl[6];
		size_t nw = 0, k = 0;
		while (k < l && nw < 6) {
			while (k < l && (line[k] == ' ' || line[k] == '\t'))
				k++;
			if (k == l)
				break;
			w[nw] = line + k;
			while (k < l && line[k] != ' ' && line[k] != '\t')
				k++;
			wl[nw] = (size_t)(line + k - w[nw]);
			nw++;
		}
		if (nw < 4)
			continue;
		char num[16];
		if (wl[0] == 0 || wl[0] >= sizeof(num))
			continue;
		memcpy(num, w[0], wl[0]);
		num[wl[0]] = '\0';
		char *end;
		long v = strtol(num, &end, 10);
		if (*end != '\0' || v != (long)pid)
			continue;
		field(c->user, sizeof(c->user), w[1], wl[1]);
		field(c->machine, sizeof(c->machine), w[3], wl[3]);
		field(c->addr, sizeof(c->addr), w[3], wl[3]);
		if (nw >= 5 && wl[4] > 7 && w[4][0] == '(' && memcmp(w[4] + 1, "ipv", 3) == 0) {
			/* (ipv4:127.0.0.1:41234) or (ipv6:[::1]:41234) */
			const char *a = w[4] + 6;
			const char *z = w[4] + wl[4] - 1;
			const char *colon = z;
			while (colon > a && *colon != ':')
				colon--;
			if (colon > a) {
				if (*a == '[' && colon[-1] == ']')
					field(c->addr, sizeof(c->addr), a + 1, (size_t)(colon - a - 2));
				else
					field(c->addr, sizeof(c->addr), a, (size_t)(colon - a));
			}
		}
		return 0;
	}
	return seen_header ? RP_ERR_NOTFOUND : RP_ERR_FORMAT;
}

/* The smbd's configuration file from its command line, or "". */
static void
smbd_conf(pid_t pid, char *conf, size_t cap)
{
	char path[64], buf[4096];
	conf[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return;
	buf[n] = '\0';
	for (ssize_t i = 0; i < n;) {
		const char *a = buf + i;
		size_t l = strlen(a);
		if ((strcmp(a, "-s") == 0 || strcmp(a, "--configfile") == 0) && i + (ssize_t)l + 1 < n) {
			snprintf(conf, cap, "%s", a + l + 1);
			return;
		}
		if (strncmp(a, "--configfile=", 13) == 0) {
			snprintf(conf, cap, "%s", a + 13);
			return;
		}
		i += (ssize_t)l + 1;
	}
}

int
rp_samba_lookup(pid_t pid, struct rp_samba_client *c)
{
	char conf[1024];
	int p[2];
	int r = RP_ERR_INTERNAL;
	struct rp_buf out;
	rp_buf_init(&out, 1 << 20);
	smbd_conf(pid, conf, sizeof(conf));
	if (pipe2(p, O_CLOEXEC) != 0)
		return RP_ERR_SYSTEM;
	pid_t child = fork();
	if (child < 0) {
		close(p[0]);
		close(p[1]);
		return RP_ERR_SYSTEM;
	}
	if (child == 0) {
		int devnull = open("/dev/null", O_RDWR);
		dup2(p[1], 1);
		if (devnull >= 0) {
			dup2(devnull, 0);
			dup2(devnull, 2);
		}
		if (conf[0])
			execlp("smbstatus", "smbstatus", "-p", "-s", conf, (char *)NULL);
		else
			execlp("smbstatus", "smbstatus", "-p", (char *)NULL);
		_exit(127);
	}
	close(p[1]);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		struct pollfd pf = { p[0], POLLIN, 0 };
		clock_gettime(CLOCK_MONOTONIC, &t1);
		long ms = 2000 - ((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000);
		if (ms <= 0) {
			kill(child, SIGKILL);
			break;
		}
		if (poll(&pf, 1, (int)ms) < 0 && errno != EINTR)
			break;
		char buf[4096];
		ssize_t n = read(p[0], buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (rp_buf_add(&out, buf, (size_t)n) != 0)
			break;
	}
	close(p[0]);
	while (waitpid(child, NULL, 0) < 0 && errno == EINTR)
		;
	r = rp_samba_parse(out.buf, out.len, pid, c);
	rp_buf_release(&out);
	return r;
}

int
rp_samba_block(const char *addr)
{
	unsigned char bin[16];
	const char *fam;
	char cmd[512];
	if (inet_pton(AF_INET, addr, bin) == 1)
		fam = "ip";
	else if (inet_pton(AF_INET6, addr, bin) == 1)
		fam = "ip6";
	else
		return RP_ERR_INVALID;
	snprintf(cmd, sizeof(cmd),
	    "add table inet riposte_watch\n"
	    "add chain inet riposte_watch input { type filter hook input priority -10; policy accept; }\n"
	    "add rule inet riposte_watch input %s saddr %s drop\n", fam, addr);
	struct nft_ctx *ctx = nft_ctx_new(NFT_CTX_DEFAULT);
	if (ctx == NULL)
		return RP_ERR_NOMEM;
	nft_ctx_buffer_output(ctx);
	nft_ctx_buffer_error(ctx);
	int rc = nft_run_cmd_from_buffer(ctx, cmd);
	nft_ctx_free(ctx);
	return rc == 0 ? 0 : RP_ERR_NFT;
}
