#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/array.h"
#include "core/err.h"
#include "core/file.h"
#include "respond/proc.h"

#define PROC_FILE_MAX ((size_t)16 << 20)

int
rp_proc_parse_stat(const char *s, size_t len, struct rp_proc_stat *out)
{
	const char *open, *close = NULL, *p, *end = s + len;
	size_t i, n, field;
	unsigned long long v;

	memset(out, 0, sizeof(*out));
	if ((open = memchr(s, '(', len)) == NULL)
		return RP_ERR_FORMAT;
	/* the comm ends at the LAST ')': a process may put ')' in its own name */
	for (i = len; i > (size_t)(open - s); i--)
		if (s[i - 1] == ')') {
			close = s + i - 1;
			break;
		}
	if (close == NULL)
		return RP_ERR_FORMAT;
	/* the pid before "(" */
	v = 0;
	for (p = s; p < open && *p == ' '; p++)
		;
	if (p == open || !(*p >= '0' && *p <= '9'))
		return RP_ERR_FORMAT;
	for (; p < open && *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (unsigned)(*p - '0');
		if (v > 0x7fffffff)
			return RP_ERR_FORMAT;
	}
	if (p != open - 1 || *p != ' ')
		return RP_ERR_FORMAT;
	out->pid = (int)v;
	n = (size_t)(close - open - 1);
	if (n >= sizeof(out->comm))
		n = sizeof(out->comm) - 1;
	memcpy(out->comm, open + 1, n);
	out->comm[n] = '\0';
	/* fields after the comm: 3 state, 4 ppid, ..., 22 starttime */
	p = close + 1;
	for (field = 3; field <= 22; field++) {
		if (p >= end || *p != ' ')
			return RP_ERR_FORMAT;
		p++;
		if (field == 3) {
			if (p >= end)
				return RP_ERR_FORMAT;
			out->state = *p++;
			continue;
		}
		v = 0;
		if (p < end && *p == '-')   /* some fields are signed; none we keep */
			p++;
		if (p >= end || !(*p >= '0' && *p <= '9'))
			return RP_ERR_FORMAT;
		for (; p < end && *p >= '0' && *p <= '9'; p++) {
			if (v > (UINT64_MAX - 9) / 10)
				return RP_ERR_FORMAT;
			v = v * 10 + (unsigned)(*p - '0');
		}
		if (field == 4) {
			if (v > 0x7fffffff)
				return RP_ERR_FORMAT;
			out->ppid = (int)v;
		} else if (field == 22) {
			out->starttime = v;
		}
	}
	return 0;
}

/* The unsigned number after "key" at the start of a line, e.g. "Uid:" or "btime". */
static int
line_number(const char *s, size_t len, const char *key, unsigned long long *out)
{
	size_t klen = strlen(key), i = 0;
	unsigned long long v = 0;
	int digits = 0;

	while (i < len) {
		if (len - i > klen && memcmp(s + i, key, klen) == 0) {
			i += klen;
			while (i < len && (s[i] == ' ' || s[i] == '\t'))
				i++;
			while (i < len && s[i] >= '0' && s[i] <= '9' && digits < 19) {
				v = v * 10 + (unsigned)(s[i++] - '0');
				digits++;
			}
			if (digits == 0)
				return RP_ERR_FORMAT;
			*out = v;
			return 0;
		}
		while (i < len && s[i] != '\n')
			i++;
		i++;
	}
	return RP_ERR_FORMAT;
}

int
rp_proc_parse_uid(const char *s, size_t len, uint32_t *uid)
{
	unsigned long long v;
	int r;

	if ((r = line_number(s, len, "Uid:", &v)) != 0)
		return r;
	if (v > UINT32_MAX)
		return RP_ERR_FORMAT;
	*uid = (uint32_t)v;
	return 0;
}

int
rp_proc_parse_btime(const char *s, size_t len, int64_t *btime)
{
	unsigned long long v;
	int r;

	if ((r = line_number(s, len, "btime", &v)) != 0)
		return r;
	*btime = (int64_t)v;
	return 0;
}

const char *
rp_sock_proto_name(enum rp_sock_proto p)
{
	static const char *const names[] = { "tcp", "tcp6", "udp", "udp6", "unix" };

	return (unsigned)p < 5 ? names[p] : "?";
}

const char *
rp_sock_state_name(const struct rp_sock *s)
{
	static const char *const tcp[] = {
		"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
		"TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING",
		"NEW_SYN_RECV",
	};

	switch (s->proto) {
	case RP_SOCK_TCP: case RP_SOCK_TCP6:
		return s->state > 0 && s->state < 13 ? tcp[s->state] : "?";
	case RP_SOCK_UDP: case RP_SOCK_UDP6:
		return s->state == 1 ? "ESTABLISHED" : "UNCONN";
	case RP_SOCK_UNIX:
		return s->state == 1 ? "LISTEN" : s->state == 3 ? "CONNECTED" : "UNCONNECTED";
	}
	return "?";
}

int
rp_sock_listening(const struct rp_sock *s)
{
	switch (s->proto) {
	case RP_SOCK_TCP: case RP_SOCK_TCP6:
		return s->state == 10;
	case RP_SOCK_UDP: case RP_SOCK_UDP6:
		return s->state == 7;
	case RP_SOCK_UNIX:
		return s->state == 1;
	}
	return 0;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* n hex digits at *p into *v; advances *p. */
static int
hexnum(const char **p, const char *end, int n, uint64_t *v)
{
	int i, h;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (*p >= end || (h = hexval(**p)) < 0)
			return -1;
		*v = (*v << 4) | (unsigned)h;
		(*p)++;
	}
	return 0;
}

/* "0100007F:0016": the kernel prints each 32-bit word of the address as a native
 * integer (%08X), so the bytes are the word's in memory order. */
static int
parse_addr(const char **p, const char *end, int words, unsigned char *addr, uint16_t *port)
{
	uint64_t v;
	uint32_t w;
	int i;

	for (i = 0; i < words; i++) {
		if (hexnum(p, end, 8, &v) != 0)
			return -1;
		w = (uint32_t)v;
		memcpy(addr + 4 * i, &w, 4);
	}
	if (*p >= end || **p != ':')
		return -1;
	(*p)++;
	if (hexnum(p, end, 4, &v) != 0)
		return -1;
	*port = (uint16_t)v;
	return 0;
}

static const char *
skip_sp(const char *p, const char *end)
{
	while (p < end && *p == ' ')
		p++;
	return p;
}

/* A decimal or hex field up to the next space. */
static int
field_num(const char **pp, const char *end, int base, uint64_t *v)
{
	const char *p = skip_sp(*pp, end);
	int d, digits = 0;

	*v = 0;
	while (p < end && *p != ' ' && *p != '\n') {
		d = hexval(*p);
		if (d < 0 || d >= base || digits >= 16)
			return -1;
		*v = *v * (unsigned)base + (unsigned)d;
		p++;
		digits++;
	}
	if (digits == 0)
		return -1;
	*pp = p;
	return 0;
}

static int
skip_field(const char **pp, const char *end)
{
	const char *p = skip_sp(*pp, end);

	if (p >= end || *p == '\n')
		return -1;
	while (p < end && *p != ' ' && *p != '\n')
		p++;
	*pp = p;
	return 0;
}

static int
parse_inet_line(const char *p, const char *end, enum rp_sock_proto proto, struct rp_sock *s)
{
	int words = (proto == RP_SOCK_TCP6 || proto == RP_SOCK_UDP6) ? 4 : 1;
	uint64_t v;
	int i;

	s->family = words == 4 ? AF_INET6 : AF_INET;
	/* "  12: " */
	p = skip_sp(p, end);
	while (p < end && *p >= '0' && *p <= '9')
		p++;
	if (p >= end || *p++ != ':')
		return -1;
	p = skip_sp(p, end);
	if (parse_addr(&p, end, words, s->laddr, &s->lport) != 0)
		return -1;
	p = skip_sp(p, end);
	if (parse_addr(&p, end, words, s->raddr, &s->rport) != 0)
		return -1;
	if (field_num(&p, end, 16, &v) != 0 || v > 255)
		return -1;
	s->state = (int)v;
	/* tx:rx, tr:when, retrnsmt */
	for (i = 0; i < 3; i++)
		if (skip_field(&p, end) != 0)
			return -1;
	if (field_num(&p, end, 10, &v) != 0 || v > UINT32_MAX)
		return -1;
	s->uid = (uint32_t)v;
	if (skip_field(&p, end) != 0)    /* timeout */
		return -1;
	if (field_num(&p, end, 10, &v) != 0)
		return -1;
	s->inode = v;
	return 0;
}

static int
parse_unix_line(const char *p, const char *end, struct rp_sock *s)
{
	uint64_t v, flags, type, st;

	s->family = AF_UNIX;
	p = skip_sp(p, end);
	while (p < end && hexval(*p) >= 0)
		p++;
	if (p >= end || *p++ != ':')
		return -1;
	if (skip_field(&p, end) != 0 || skip_field(&p, end) != 0)   /* refcount, protocol */
		return -1;
	if (field_num(&p, end, 16, &flags) != 0 || field_num(&p, end, 16, &type) != 0 ||
	    field_num(&p, end, 16, &st) != 0 || field_num(&p, end, 10, &v) != 0)
		return -1;
	s->inode = v;
	/* __SO_ACCEPTCON: a listener; else SS_CONNECTED (3) or not */
	s->state = (flags & 0x10000) ? 1 : st == 3 ? 3 : 0;
	s->lport = (uint16_t)type;
	if (p < end && *p == ' ') {
		p++;
		s->path = p;
		s->pathlen = (size_t)(end - p);
	}
	return 0;
}

int
rp_procnet_parse(const char *buf, size_t len, enum rp_sock_proto proto,
    int (*fn)(const struct rp_sock *s, void *ctx), void *ctx, size_t *bad)
{
	const char *p = buf, *end = buf + len, *nl;
	struct rp_sock s;
	int first = 1, r, ok;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (first) {
			first = 0;         /* the header */
		} else if (nl > p) {
			memset(&s, 0, sizeof(s));
			s.proto = proto;
			if (proto == RP_SOCK_UNIX)
				ok = parse_unix_line(p, nl, &s) == 0;
			else
				ok = parse_inet_line(p, nl, proto, &s) == 0;
			if (!ok) {
				if (bad)
					(*bad)++;
			} else if ((r = fn(&s, ctx)) != 0) {
				return r;
			}
		}
		p = nl + 1;
	}
	return 0;
}

int
rp_proc_read(const char *proc, int pid, const char *name, struct rp_buf *out)
{
	char path[4096];

	rp_buf_reset(out);
	if (pid > 0)
		snprintf(path, sizeof(path), "%s/%d/%s", proc, pid, name);
	else
		snprintf(path, sizeof(path), "%s/%s", proc, name);
	/* /proc files report size 0: read_all reads to EOF regardless */
	return rp_file_read_all(AT_FDCWD, path, out, PROC_FILE_MAX);
}

int
rp_procnet_read(const char *proc, int pid, enum rp_sock_proto proto, struct rp_buf *out)
{
	char name[32];

	snprintf(name, sizeof(name), "net/%s", rp_sock_proto_name(proto));
	return rp_proc_read(proc, pid, name, out);
}

int
rp_proc_sock_inodes(const char *proc, int pid, uint64_t **inodes, size_t *n)
{
	char path[4096], link[128];
	DIR *d = NULL;
	struct dirent *de;
	ssize_t k;
	size_t cap = *n;     /* what the caller's array holds is allocated, at least */
	int dfd, r;

	snprintf(path, sizeof(path), "%s/%d/fd", proc, pid);
	if ((d = opendir(path)) == NULL)
		return 0;
	dfd = dirfd(d);
	while ((de = readdir(d)) != NULL) {
		char *end;
		unsigned long long ino;

		if (de->d_name[0] == '.')
			continue;
		k = readlinkat(dfd, de->d_name, link, sizeof(link) - 1);
		if (k <= 0)
			continue;
		link[k] = '\0';
		if (strncmp(link, "socket:[", 8) != 0)
			continue;
		ino = strtoull(link + 8, &end, 10);
		if (*end != ']')
			continue;
		if ((r = RP_ARRAY_GROW(inodes, &cap, *n + 1, RP_ARRAY_MAX_DEFAULT)) != 0) {
			closedir(d);
			return r;
		}
		(*inodes)[(*n)++] = ino;
	}
	closedir(d);
	return 0;
}

struct peer_ctx {
	const uint64_t *inodes;
	size_t ninodes;
	struct rp_sock **peers;
	size_t *n, cap;
};

static int
collect_peer(const struct rp_sock *s, void *arg)
{
	struct peer_ctx *c = arg;
	struct rp_sock *grown;
	size_t i;
	int r;

	if (s->state != 1)   /* ESTABLISHED */
		return 0;
	for (i = 0; i < c->ninodes; i++)
		if (c->inodes[i] == s->inode)
			break;
	if (i == c->ninodes)
		return 0;
	if ((r = RP_ARRAY_GROW(c->peers, &c->cap, *c->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	grown = *c->peers;
	grown[*c->n] = *s;
	grown[*c->n].path = NULL;
	(*c->n)++;
	return 0;
}

/* 1 when a and b are in the same network namespace, 0 when not, -1 when unknown */
static int
same_netns(const char *proc, int a, int b)
{
	char pa[4096], pb[4096];
	struct stat sa, sb;

	snprintf(pa, sizeof(pa), "%s/%d/ns/net", proc, a);
	snprintf(pb, sizeof(pb), "%s/%d/ns/net", proc, b);
	if (stat(pa, &sa) != 0 || stat(pb, &sb) != 0)
		return -1;
	return sa.st_ino == sb.st_ino && sa.st_dev == sb.st_dev;
}

int
rp_proc_ssh_peers(const char *proc, int pid, struct rp_sock **peers, size_t *n,
    int *elsewhere)
{
	int self = pid;

	struct rp_buf b = RP_BUF_INIT;
	struct rp_proc_stat ps;
	struct peer_ctx c;
	uint64_t *inodes = NULL;
	size_t ninodes = 0;
	int depth, r = 0;

	for (depth = 0; pid > 1 && depth < 64; depth++) {
		if (rp_proc_read(proc, pid, "stat", &b) != 0 ||
		    rp_proc_parse_stat(b.buf, b.len, &ps) != 0)
			break;
		if (strncmp(ps.comm, "sshd", 4) == 0) {
			enum rp_sock_proto pr[2] = { RP_SOCK_TCP, RP_SOCK_TCP6 };
			int i;

			if (same_netns(proc, self, pid) == 0) {
				if (elsewhere)
					*elsewhere = 1;
				break;
			}

			if ((r = rp_proc_sock_inodes(proc, pid, &inodes, &ninodes)) != 0)
				goto out;
			c.inodes = inodes;
			c.ninodes = ninodes;
			c.peers = peers;
			c.n = n;
			c.cap = *n;
			for (i = 0; i < 2; i++) {
				if (rp_procnet_read(proc, pid, pr[i], &b) != 0)
					continue;
				if ((r = rp_procnet_parse(b.buf, b.len, pr[i], collect_peer, &c, NULL)) != 0)
					goto out;
			}
			/* the session's own sshd; the listener above it holds no session sockets */
			if (*n > 0)
				break;
		}
		pid = ps.ppid;
	}
out:
	free(inodes);
	rp_buf_release(&b);
	return r;
}
