/* smbstatus parsing, the smbd's configuration file, and the client block (see samba.h). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/time.h"
#include "respond/nft.h"
#include "respond/samba.h"

#define LOOKUP_MS 2000
#define MAX_WORDS 32

static void
field(char *dst, size_t cap, const char *s, size_t len)
{
	if (len >= cap)
		len = cap - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

/* The pid of a row's first word: "4242", or a cluster's "VNN:4242" and "4242.TASK". */
static long
row_pid(const char *w, size_t l)
{
	const char *colon = memchr(w, ':', l);
	long v = 0;
	size_t i;

	if (colon != NULL) {
		l -= (size_t)(colon + 1 - w);
		w = colon + 1;
	}
	for (i = 0; i < l && w[i] != '.'; i++) {
		if (w[i] < '0' || w[i] > '9' || v > 99999999)
			return -1;
		v = v * 10 + (w[i] - '0');
	}
	return i == 0 ? -1 : v;
}

/* Sets c->addr from "ipv4:10.0.0.7:41234" / "ipv6:fd00::7:41234" (brackets tolerated)
 * when that is a valid address; an IPv4-mapped IPv6 address becomes IPv4. */
static void
set_addr(struct rp_samba_client *c, const char *s, size_t l)
{
	char tmp[64];
	unsigned char bin[16];
	const char *end = s + l, *colon;

	if (l < 6 || (memcmp(s, "ipv4:", 5) != 0 && memcmp(s, "ipv6:", 5) != 0))
		return;
	s += 5;
	for (colon = end - 1; colon > s && *colon != ':'; colon--)
		;
	if (colon <= s)
		return;
	end = colon;                     /* drop ":PORT" */
	if (*s == '[' && end[-1] == ']') {
		s++;
		end--;
	}
	if (end <= s || (size_t)(end - s) >= sizeof(tmp))
		return;
	memcpy(tmp, s, (size_t)(end - s));
	tmp[end - s] = '\0';
	if (strncmp(tmp, "::ffff:", 7) == 0 && inet_pton(AF_INET, tmp + 7, bin) == 1)
		memmove(tmp, tmp + 7, strlen(tmp + 7) + 1);
	if (inet_pton(AF_INET, tmp, bin) == 1 || inet_pton(AF_INET6, tmp, bin) == 1)
		field(c->addr, sizeof(c->addr), tmp, strlen(tmp));
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
		const char *w[MAX_WORDS];
		size_t wl[MAX_WORDS], nw = 0, k = 0, ip;

		i += l + 1;
		if (l >= 3 && memcmp(line, "PID", 3) == 0)
			seen_header = 1;
		while (k < l && nw < MAX_WORDS) {
			while (k < l && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
				k++;
			if (k == l)
				break;
			w[nw] = line + k;
			while (k < l && line[k] != ' ' && line[k] != '\t' && line[k] != '\r')
				k++;
			wl[nw] = (size_t)(line + k - w[nw]);
			nw++;
		}
		/* pid user group machine (ipv4:addr:port) protocol ... */
		if (nw < 4 || row_pid(w[0], wl[0]) != (long)pid)
			continue;
		/* the address word anchors the row: the group before it may hold spaces
		 * ("domain users"), the machine is the word just before it */
		for (ip = 3; ip < nw; ip++)
			if (wl[ip] > 7 && w[ip][0] == '(' && w[ip][wl[ip] - 1] == ')' &&
			    memcmp(w[ip] + 1, "ipv", 3) == 0)
				break;
		field(c->user, sizeof(c->user), w[1], wl[1]);
		if (ip < nw) {
			field(c->machine, sizeof(c->machine), w[ip - 1], wl[ip - 1]);
			set_addr(c, w[ip] + 1, wl[ip] - 2);
		} else {
			unsigned char bin[16];

			/* no address word: the machine column, when it is an address */
			field(c->machine, sizeof(c->machine), w[3], wl[3]);
			if (inet_pton(AF_INET, c->machine, bin) == 1 ||
			    inet_pton(AF_INET6, c->machine, bin) == 1)
				field(c->addr, sizeof(c->addr), c->machine, strlen(c->machine));
		}
		return 0;
	}
	return seen_header ? RP_ERR_NOTFOUND : RP_ERR_FORMAT;
}

int
rp_samba_conf(const char *cmdline, size_t len, const char *cwd, char *conf, size_t cap)
{
	const char *v = NULL;
	int n;

	for (size_t i = 0; i < len && v == NULL;) {
		const char *a = cmdline + i;
		const char *z = memchr(a, '\0', len - i);
		size_t l = z ? (size_t)(z - a) : len - i;
		const char *next = a + l + 1;
		int has_next = z != NULL && i + l + 1 < len;

		i += l + 1;
		if ((l == 2 && memcmp(a, "-s", 2) == 0) || (l == 12 && memcmp(a, "--configfile", 12) == 0)) {
			if (has_next && memchr(next, '\0', len - i) != NULL)
				v = next;
			break;
		}
		if (z == NULL)
			break;
		if (l > 13 && memcmp(a, "--configfile=", 13) == 0)
			v = a + 13;
		else if (l > 2 && a[0] == '-' && a[1] == 's')
			v = a + 2;
	}
	if (v == NULL || *v == '\0')
		return RP_ERR_NOTFOUND;
	if (v[0] == '/' || cwd == NULL)
		n = snprintf(conf, cap, "%s", v);
	else
		n = snprintf(conf, cap, "%s%s%s", cwd, cwd[0] && cwd[strlen(cwd) - 1] == '/' ? "" : "/", v);
	return n < 0 || (size_t)n >= cap ? RP_ERR_TOOBIG : 0;
}

/* The smb.conf of the smbd pid, or "" (the default). */
static void
smbd_conf(pid_t pid, char *conf, size_t cap)
{
	char path[64], cwd[PATH_MAX], buf[8192];
	ssize_t n, c;
	int fd;

	conf[0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n <= 0)
		return;
	snprintf(path, sizeof(path), "/proc/%d/cwd", (int)pid);
	c = readlink(path, cwd, sizeof(cwd) - 1);
	cwd[c > 0 ? c : 0] = '\0';
	if (rp_samba_conf(buf, (size_t)n, c > 0 ? cwd : NULL, conf, cap) != 0)
		conf[0] = '\0';
}

/* Starts smbstatus -p [-s conf] with its output on fd out: posix_spawn, as the watcher
 * has threads (no fork of its memory, nothing but exec in the child); the usual places
 * of the program, Samba's own prefix included, under a fixed PATH and locale. */
static int
spawn_smbstatus(const char *conf, int out, pid_t *child)
{
	static const char *const where[] = {
		"/usr/bin/smbstatus", "/usr/sbin/smbstatus", "/usr/local/bin/smbstatus",
		"/usr/local/samba/bin/smbstatus",
	};
	static char a0[] = "smbstatus", a1[] = "-p", a2[] = "-s";
	static char path[] = "PATH=/usr/sbin:/usr/bin:/sbin:/bin", lc[] = "LC_ALL=C";
	char *const env[] = { path, lc, NULL };
	char confarg[PATH_MAX];
	char *const argv[] = { a0, a1, conf[0] ? a2 : NULL, confarg, NULL };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, dfl;
	int r = ENOENT;

	snprintf(confarg, sizeof(confarg), "%s", conf);
	if (posix_spawn_file_actions_init(&fa) != 0)
		return RP_ERR_NOMEM;
	if (posix_spawnattr_init(&at) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		return RP_ERR_NOMEM;
	}
	/* the watcher's blocked and ignored signals are not smbstatus's */
	sigemptyset(&none);
	sigemptyset(&dfl);
	sigaddset(&dfl, SIGPIPE);
	sigaddset(&dfl, SIGTERM);
	sigaddset(&dfl, SIGINT);
	sigaddset(&dfl, SIGHUP);
	if (posix_spawn_file_actions_adddup2(&fa, out, 1) == 0 &&
	    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0) == 0 &&
	    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0) == 0 &&
	    posix_spawnattr_setsigmask(&at, &none) == 0 && posix_spawnattr_setsigdefault(&at, &dfl) == 0 &&
	    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF) == 0)
		for (size_t i = 0; i < sizeof(where) / sizeof(where[0]); i++)
			if ((r = posix_spawn(child, where[i], &fa, &at, argv, env)) != ENOENT)
				break;
	posix_spawnattr_destroy(&at);
	posix_spawn_file_actions_destroy(&fa);
	if (r == 0)
		return 0;
	errno = r;
	return r == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM;
}

int
rp_samba_lookup(pid_t pid, struct rp_samba_client *c)
{
	char conf[PATH_MAX];
	struct rp_buf out;
	int p[2], r;
	int64_t deadline = rp_time_mono_ms() + LOOKUP_MS;
	pid_t child;

	memset(c, 0, sizeof(*c));
	smbd_conf(pid, conf, sizeof(conf));
	if (pipe2(p, O_CLOEXEC) != 0)
		return RP_ERR_SYSTEM;
	if ((r = spawn_smbstatus(conf, p[1], &child)) != 0) {
		close(p[0]);
		close(p[1]);
		return r;
	}
	close(p[1]);
	rp_buf_init(&out, 1 << 20);
	for (;;) {
		struct pollfd pf = { p[0], POLLIN, 0 };
		int64_t ms = deadline - rp_time_mono_ms();
		char buf[4096];
		ssize_t n;
		int ready;

		if (ms <= 0) {
			kill(child, SIGKILL);
			break;
		}
		ready = poll(&pf, 1, (int)ms);
		if (ready < 0 && errno != EINTR)
			break;
		if (ready <= 0)
			continue;       /* never a read that could wait past the deadline */
		n = read(p[0], buf, sizeof(buf));
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n <= 0 || rp_buf_add(&out, buf, (size_t)n) != 0)
			break;
	}
	close(p[0]);
	while (waitpid(child, NULL, 0) < 0 && errno == EINTR)
		;
	r = rp_samba_parse(out.buf, out.len, pid, c);
	rp_buf_release(&out);
	return r;
}

/* 0 for an IPv4 address, 1 for IPv6, -1 for neither (nothing else reaches a script) */
static int
addr_family(const char *addr)
{
	unsigned char bin[16];
	if (inet_pton(AF_INET, addr, bin) == 1)
		return 0;
	if (inet_pton(AF_INET6, addr, bin) == 1)
		return 1;
	return -1;
}

int
rp_samba_block_script(const char *addr, struct rp_buf *out)
{
	int v6 = addr_family(addr);
	if (v6 < 0)
		return RP_ERR_INVALID;
	/* declaring the table, sets and chain is a no-op when they exist; the chain's two
	 * rules are rewritten (flush + add) so that they are there exactly once, and the
	 * addresses already blocked stay: all of it one transaction */
	return rp_buf_addf(out,
	    "table inet " RP_SAMBA_TABLE " {\n"
	    "\tset clients4 {\n\t\ttype ipv4_addr\n\t}\n"
	    "\tset clients6 {\n\t\ttype ipv6_addr\n\t}\n"
	    "\tchain input {\n"
	    "\t\ttype filter hook input priority filter - 10; policy accept;\n"
	    "\t}\n"
	    "}\n"
	    "flush chain inet " RP_SAMBA_TABLE " input\n"
	    "add rule inet " RP_SAMBA_TABLE " input ip saddr @clients4 drop comment \"riposte watch --block-client\"\n"
	    "add rule inet " RP_SAMBA_TABLE " input ip6 saddr @clients6 drop comment \"riposte watch --block-client\"\n"
	    "add element inet " RP_SAMBA_TABLE " %s { %s }\n", v6 ? "clients6" : "clients4", addr);
}

/* Loads the nft script make() writes for addr. */
static int
run_script(int (*make)(const char *addr, struct rp_buf *out), const char *addr)
{
	struct rp_buf script = RP_BUF_INIT;
	int r;

	if ((r = make(addr, &script)) == 0)
		r = rp_nft_run(script.buf, NULL, NULL);
	rp_buf_release(&script);
	return r;
}

int
rp_samba_block(const char *addr)
{
	return run_script(rp_samba_block_script, addr);
}

int
rp_samba_unblock_script(const char *addr, struct rp_buf *out)
{
	if (strcmp(addr, "all") == 0)
		return rp_buf_addstr(out, "delete table inet " RP_SAMBA_TABLE "\n");
	int v6 = addr_family(addr);
	if (v6 < 0)
		return RP_ERR_INVALID;
	return rp_buf_addf(out, "delete element inet " RP_SAMBA_TABLE " %s { %s }\n",
	    v6 ? "clients6" : "clients4", addr);
}

int
rp_samba_unblock(const char *addr)
{
	/* nft says ENOENT (RP_ERR_NOTFOUND) for an element not in its set as for a
	 * table that is not there */
	return run_script(rp_samba_unblock_script, addr);
}
