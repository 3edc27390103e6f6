/*
 * Exposure (live): exposed-service and no-firewall.
 *
 * The sockets are the TCP listeners of /proc/net/tcp and tcp6 of this network
 * namespace on an address that is not loopback, for the ports of remote access, file
 * sharing and databases below; their process is found through /proc/PID/fd. The
 * firewall is the nftables ruleset as the kernel has it now (`nft -j list ruleset`,
 * read through respond/nft.h: nothing is loaded), read as the kernel would take a new
 * connection from an arbitrary address to the port: base chains of type filter at the
 * prerouting and input hooks of families inet, ip (IPv4) and ip6 (IPv6), rules in
 * order, jump/goto followed (8 levels). What cannot be told from the rule alone (a
 * source address, an interface other than lo, a rate limit, an unknown expression)
 * makes the rule conditional: a conditional accept is an allow-list entry, a
 * conditional drop or reject limits the port. Legacy iptables rules are not nftables:
 * when such tables are loaded the two checks are not made.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>

#include "core/array.h"
#include "core/err.h"
#include "core/file.h"
#include "core/json.h"
#include "harden/checks.h"
#include "respond/nft.h"
#include "respond/proc.h"

enum { T = 1, F = 0, C = 2 };                       /* a match: true, false, depends */
enum { V_NONE, V_ACCEPT, V_DROP, V_RETURN };        /* what a chain decides */

struct fw {
	const struct rp_jv *items;
	size_t n;
	int family;               /* 4 or 6 */
	unsigned port;
};

static const struct rp_jv *
find_item(const struct fw *w, const char *kind, const char *fam, const char *table,
    const char *name)
{
	size_t i;

	for (i = 0; i < w->n; i++) {
		const struct rp_jv *v, *it = rp_jv_at(w->items, i);
		const char *k = rp_jv_first_key(it, &v), *f, *t, *nm;

		if (k == NULL || strcmp(k, kind) != 0)
			continue;
		f = rp_jv_str(rp_jv_get(v, "family"));
		t = rp_jv_str(rp_jv_get(v, "table"));
		nm = rp_jv_str(rp_jv_get(v, "name"));
		if (f && t && nm && strcmp(f, fam) == 0 && strcmp(t, table) == 0 &&
		    strcmp(nm, name) == 0)
			return v;
	}
	return NULL;
}

/* 1 the port is in the value, 0 not, -1 cannot tell */
static int
port_in(const struct fw *w, const struct rp_jv *v, const char *fam, const char *table, int depth)
{
	const struct rp_jv *x;
	const char *s;
	int64_t a, b;
	size_t i;
	int any = 0, unk = 0;

	if (v == NULL || depth > 4)
		return -1;
	if (rp_jv_int(v, &a) == 0)
		return a == (int64_t)w->port;
	if ((s = rp_jv_str(v)) != NULL) {
		const struct rp_jv *set;

		if (s[0] != '@' || (set = find_item(w, "set", fam, table, s + 1)) == NULL)
			return -1;
		return port_in(w, rp_jv_get(set, "elem"), fam, table, depth + 1);
	}
	if ((x = rp_jv_get(v, "range")) != NULL) {
		if (rp_jv_int(rp_jv_at(x, 0), &a) != 0 || rp_jv_int(rp_jv_at(x, 1), &b) != 0)
			return -1;
		return (int64_t)w->port >= a && (int64_t)w->port <= b;
	}
	if ((x = rp_jv_get(v, "elem")) != NULL && rp_jv_is_object(v))
		return port_in(w, rp_jv_get(x, "val"), fam, table, depth + 1);
	if ((x = rp_jv_get(v, "set")) != NULL)
		v = x;
	for (i = 0; i < rp_jv_len(v); i++) {
		int r = port_in(w, rp_jv_at(v, i), fam, table, depth + 1);

		if (r == 1)
			any = 1;
		else if (r < 0)
			unk = 1;
	}
	if (rp_jv_len(v) == 0)
		return -1;
	return any ? 1 : unk ? -1 : 0;
}

/* Whether a value (string, number or list of them) holds one of the words. */
static int
holds(const struct rp_jv *v, const char *w1, int64_t n1)
{
	const struct rp_jv *x;
	const char *s;
	int64_t k;
	size_t i;

	if ((x = rp_jv_get(v, "set")) != NULL)
		v = x;
	if ((s = rp_jv_str(v)) != NULL)
		return strcmp(s, w1) == 0;
	if (rp_jv_int(v, &k) == 0)
		return n1 >= 0 && k == n1;
	for (i = 0; i < rp_jv_len(v); i++)
		if (holds(rp_jv_at(v, i), w1, n1))
			return 1;
	return 0;
}

static int
match(const struct fw *w, const struct rp_jv *m, const char *fam, const char *table)
{
	const struct rp_jv *left = rp_jv_get(m, "left"), *right = rp_jv_get(m, "right"), *x;
	const char *op = rp_jv_str(rp_jv_get(m, "op")), *key, *proto, *field;
	int neg = op && strcmp(op, "!=") == 0, r;

	if (op && strcmp(op, "==") != 0 && strcmp(op, "!=") != 0 && strcmp(op, "in") != 0)
		return C;
	if ((x = rp_jv_get(left, "payload")) != NULL) {
		proto = rp_jv_str(rp_jv_get(x, "protocol"));
		field = rp_jv_str(rp_jv_get(x, "field"));
		if (proto == NULL || field == NULL)
			return C;
		if (strcmp(field, "dport") == 0) {
			if (strcmp(proto, "udp") == 0 || strcmp(proto, "sctp") == 0 ||
			    strcmp(proto, "dccp") == 0 || strcmp(proto, "udplite") == 0)
				return F;
			if (strcmp(proto, "tcp") != 0 && strcmp(proto, "th") != 0)
				return C;
			if ((r = port_in(w, right, fam, table, 0)) < 0)
				return C;
			return (r == 1) != neg ? T : F;
		}
		if ((strcmp(proto, "ip") == 0 && strcmp(field, "protocol") == 0) ||
		    (strcmp(proto, "ip6") == 0 && strcmp(field, "nexthdr") == 0)) {
			if ((strcmp(proto, "ip") == 0) != (w->family == 4))
				return F;
			return holds(right, "tcp", 6) != neg ? T : F;
		}
		return C;            /* addresses, flags, ... */
	}
	if ((x = rp_jv_get(left, "meta")) != NULL) {
		key = rp_jv_str(rp_jv_get(x, "key"));
		if (key == NULL)
			return C;
		if (strcmp(key, "l4proto") == 0)
			return holds(right, "tcp", 6) != neg ? T : F;
		if (strcmp(key, "nfproto") == 0)
			return holds(right, w->family == 4 ? "ipv4" : "ipv6", -1) != neg ? T : F;
		if (strcmp(key, "iif") == 0 || strcmp(key, "iifname") == 0) {
			if (holds(right, "lo", -1))
				return neg ? T : F;      /* the packet comes from outside */
			return C;
		}
		return C;
	}
	if ((x = rp_jv_get(left, "ct")) != NULL) {
		key = rp_jv_str(rp_jv_get(x, "key"));
		if (key && strcmp(key, "state") == 0)
			return holds(right, "new", -1) != neg ? T : F;
		return C;
	}
	return C;
}

static int eval_chain(const struct fw *w, const char *fam, const char *table,
    const char *chain, int cond, int depth, int *limited);

/* The verdict of a rule's expressions (after its matches), V_NONE when none. */
static int
verdict_of(const struct fw *w, const struct rp_jv *expr, const char *fam, const char *table,
    int st, int depth, int *limited, int *handled)
{
	size_t i;

	*handled = 0;
	for (i = 0; i < rp_jv_len(expr); i++) {
		const struct rp_jv *v, *e = rp_jv_at(expr, i);
		const char *k = rp_jv_first_key(e, &v);

		if (k == NULL)
			continue;
		if (strcmp(k, "accept") == 0)
			return V_ACCEPT;
		if (strcmp(k, "drop") == 0 || strcmp(k, "reject") == 0)
			return V_DROP;
		if (strcmp(k, "return") == 0)
			return V_RETURN;
		if (strcmp(k, "jump") == 0 || strcmp(k, "goto") == 0) {
			const char *tgt = rp_jv_str(rp_jv_get(v, "target"));
			int r;

			*handled = 1;
			if (tgt == NULL || depth >= 8)
				return V_NONE;
			r = eval_chain(w, fam, table, tgt, st == C, depth + 1, limited);
			if (st == C)
				return V_NONE;
			if (r == V_ACCEPT || r == V_DROP)
				return r;
			/* goto: the calling chain is left; jump: it goes on */
			return strcmp(k, "goto") == 0 ? V_RETURN : V_NONE;
		}
		if (strcmp(k, "vmap") == 0) {
			const struct rp_jv *key = rp_jv_get(v, "key"), *data = rp_jv_get(v, "data");
			const struct rp_jv *pl = rp_jv_get(key, "payload");
			const char *f = rp_jv_str(rp_jv_get(pl, "field"));
			size_t j;

			if (f == NULL || strcmp(f, "dport") != 0)
				return V_NONE;
			if (rp_jv_get(data, "set"))
				data = rp_jv_get(data, "set");
			for (j = 0; j < rp_jv_len(data); j++) {
				const struct rp_jv *pair = rp_jv_at(data, j), *vv;
				struct fw one = *w;
				const char *vk;

				if (port_in(&one, rp_jv_at(pair, 0), fam, table, 0) != 1)
					continue;
				vk = rp_jv_first_key(rp_jv_at(pair, 1), &vv);
				if (vk && strcmp(vk, "accept") == 0)
					return V_ACCEPT;
				if (vk && (strcmp(vk, "drop") == 0 || strcmp(vk, "reject") == 0))
					return V_DROP;
				return V_NONE;
			}
			return V_NONE;
		}
	}
	return V_NONE;
}

static int
eval_chain(const struct fw *w, const char *fam, const char *table, const char *chain,
    int cond, int depth, int *limited)
{
	size_t i, j;

	for (i = 0; i < w->n; i++) {
		const struct rp_jv *v, *expr, *it = rp_jv_at(w->items, i);
		const char *k = rp_jv_first_key(it, &v), *f, *t, *c;
		int st = T, vd, handled;

		if (k == NULL || strcmp(k, "rule") != 0)
			continue;
		f = rp_jv_str(rp_jv_get(v, "family"));
		t = rp_jv_str(rp_jv_get(v, "table"));
		c = rp_jv_str(rp_jv_get(v, "chain"));
		if (!f || !t || !c || strcmp(f, fam) || strcmp(t, table) || strcmp(c, chain))
			continue;
		expr = rp_jv_get(v, "expr");
		for (j = 0; j < rp_jv_len(expr) && st != F; j++) {
			const struct rp_jv *e = rp_jv_at(expr, j), *mv;
			const char *ek = rp_jv_first_key(e, &mv);
			int m;

			if (ek == NULL)
				continue;
			if (strcmp(ek, "match") == 0) {
				m = match(w, mv, fam, table);
				if (m == F)
					st = F;
				else if (m == C)
					st = C;
			} else if (strcmp(ek, "limit") == 0 || strcmp(ek, "quota") == 0 ||
			    strcmp(ek, "xt") == 0 || strcmp(ek, "queue") == 0) {
				st = C;
			}
		}
		if (st == F)
			continue;
		if (cond)
			st = C;
		vd = verdict_of(w, expr, fam, table, st, depth, limited, &handled);
		if (vd == V_ACCEPT && st == T)
			return V_ACCEPT;
		if (vd == V_DROP && st == T)
			return V_DROP;
		if (vd == V_DROP)
			*limited = 1;           /* some sources are refused */
		if (vd == V_RETURN && st == T)
			return V_RETURN;
	}
	return V_NONE;
}

static int
applies(const char *fam, int family)
{
	return strcmp(fam, "inet") == 0 || (family == 4 && strcmp(fam, "ip") == 0) ||
	    (family == 6 && strcmp(fam, "ip6") == 0);
}

static int
is_input_base(const struct rp_jv *ch)
{
	const char *type = rp_jv_str(rp_jv_get(ch, "type"));
	const char *hook = rp_jv_str(rp_jv_get(ch, "hook"));

	return type && hook && strcmp(type, "filter") == 0 &&
	    (strcmp(hook, "input") == 0 || strcmp(hook, "prerouting") == 0);
}

int
rp_h_nft_limits(const char *json, size_t len, int family, unsigned port)
{
	struct rp_jdoc *doc = NULL;
	struct fw w;
	size_t i;
	int lim = 0;

	if (rp_jdoc_parse(&doc, json, len) != 0)
		return RP_ERR_FORMAT;
	w.items = rp_jv_get(rp_jdoc_root(doc), "nftables");
	if (w.items == NULL) {
		rp_jdoc_free(doc);
		return RP_ERR_FORMAT;
	}
	w.n = rp_jv_len(w.items);
	w.family = family;
	w.port = port;
	for (i = 0; i < w.n && !lim; i++) {
		const struct rp_jv *v, *it = rp_jv_at(w.items, i);
		const char *k = rp_jv_first_key(it, &v), *fam, *table, *name, *pol;
		int r, seen = 0;

		if (k == NULL || strcmp(k, "chain") != 0 || !is_input_base(v))
			continue;
		fam = rp_jv_str(rp_jv_get(v, "family"));
		table = rp_jv_str(rp_jv_get(v, "table"));
		name = rp_jv_str(rp_jv_get(v, "name"));
		pol = rp_jv_str(rp_jv_get(v, "policy"));
		if (!fam || !table || !name || !applies(fam, family))
			continue;
		r = eval_chain(&w, fam, table, name, 0, 0, &seen);
		if (r == V_DROP || seen || ((r == V_NONE || r == V_RETURN) && pol &&
		    strcmp(pol, "drop") == 0))
			lim = 1;
	}
	rp_jdoc_free(doc);
	return lim;
}

int
rp_h_nft_input_filters(const char *json, size_t len, unsigned *chains)
{
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *items;
	size_t i, j, n;
	unsigned nch = 0;
	int filters = 0;

	if (rp_jdoc_parse(&doc, json, len) != 0)
		return RP_ERR_FORMAT;
	if ((items = rp_jv_get(rp_jdoc_root(doc), "nftables")) == NULL) {
		rp_jdoc_free(doc);
		return RP_ERR_FORMAT;
	}
	n = rp_jv_len(items);
	for (i = 0; i < n; i++) {
		const struct rp_jv *v, *it = rp_jv_at(items, i);
		const char *k = rp_jv_first_key(it, &v), *fam, *table, *pol;

		if (k == NULL || strcmp(k, "chain") != 0 || !is_input_base(v))
			continue;
		fam = rp_jv_str(rp_jv_get(v, "family"));
		table = rp_jv_str(rp_jv_get(v, "table"));
		pol = rp_jv_str(rp_jv_get(v, "policy"));
		if (!fam || !table || !(applies(fam, 4) || applies(fam, 6)))
			continue;
		nch++;
		if (pol && strcmp(pol, "drop") == 0)
			filters = 1;
		/* a drop or reject anywhere in the chain's table can refuse something */
		for (j = 0; j < n && !filters; j++) {
			const struct rp_jv *rv, *r = rp_jv_at(items, j), *expr;
			const char *rk = rp_jv_first_key(r, &rv), *rf, *rt;
			size_t e;

			if (rk == NULL || strcmp(rk, "rule") != 0)
				continue;
			rf = rp_jv_str(rp_jv_get(rv, "family"));
			rt = rp_jv_str(rp_jv_get(rv, "table"));
			if (!rf || !rt || strcmp(rf, fam) || strcmp(rt, table))
				continue;
			expr = rp_jv_get(rv, "expr");
			for (e = 0; e < rp_jv_len(expr); e++) {
				const struct rp_jv *ev;
				const char *ek = rp_jv_first_key(rp_jv_at(expr, e), &ev);

				if (ek && (strcmp(ek, "drop") == 0 || strcmp(ek, "reject") == 0 ||
				    strcmp(ek, "vmap") == 0))
					filters = 1;
			}
		}
	}
	rp_jdoc_free(doc);
	if (chains)
		*chains = nch;
	return filters;
}

/* ---- the live check ---- */

static const struct {
	unsigned port;
	const char *what;
	int sev;
} watched[] = {
	{ 22, "SSH", RP_HSEV_MEDIUM },
	{ 23, "Telnet", RP_HSEV_HIGH },
	{ 139, "SMB over NetBIOS", RP_HSEV_HIGH },
	{ 445, "SMB", RP_HSEV_HIGH },
	{ 1433, "Microsoft SQL Server", RP_HSEV_HIGH },
	{ 1521, "Oracle", RP_HSEV_HIGH },
	{ 3306, "MySQL/MariaDB", RP_HSEV_HIGH },
	{ 3389, "RDP", RP_HSEV_HIGH },
	{ 5432, "PostgreSQL", RP_HSEV_HIGH },
	{ 5900, "VNC", RP_HSEV_HIGH },
	{ 6379, "Redis", RP_HSEV_HIGH },
	{ 27017, "MongoDB", RP_HSEV_HIGH },
};

struct lsock {
	int family;
	unsigned char addr[16];
	unsigned port;
	uint64_t inode;
	size_t what;
};

struct socks {
	struct lsock *v;
	size_t n, cap;
};

static int
loopback(const struct rp_sock *s)
{
	static const unsigned char lo6[16] = { [15] = 1 };
	static const unsigned char mapped[12] = { [10] = 0xff, [11] = 0xff };

	if (s->family == AF_INET)
		return s->laddr[0] == 127;
	if (memcmp(s->laddr, lo6, 16) == 0)
		return 1;
	return memcmp(s->laddr, mapped, 12) == 0 && s->laddr[12] == 127;
}

static int
collect(const struct rp_sock *s, void *ctx)
{
	struct socks *ss = ctx;
	struct lsock *g;
	size_t i;
	int r;

	if (!rp_sock_listening(s) || loopback(s) || ss->n >= 1024)
		return 0;
	for (i = 0; i < sizeof(watched) / sizeof(watched[0]); i++)
		if (watched[i].port == s->lport)
			break;
	if (i == sizeof(watched) / sizeof(watched[0]))
		return 0;
	if ((r = RP_ARRAY_GROW(&ss->v, &ss->cap, ss->n + 1, 1024)) != 0)
		return r;
	g = ss->v;
	g[ss->n].family = s->family;
	memcpy(g[ss->n].addr, s->laddr, 16);
	g[ss->n].port = s->lport;
	g[ss->n].inode = s->inode;
	g[ss->n].what = i;
	ss->n++;
	return 0;
}

/* "sshd, pid 312" for the process holding socket inode, into out */
static void
owner(const char *proc, uint64_t inode, char *out, size_t cap)
{
	DIR *d;
	struct dirent *de;

	snprintf(out, cap, "process unknown");
	if (inode == 0 || (d = opendir(proc)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		uint64_t *in = NULL;
		size_t n = 0, i;
		int pid, hit = 0;

		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		pid = (int)strtol(de->d_name, NULL, 10);
		if (rp_proc_sock_inodes(proc, pid, &in, &n) != 0) {
			free(in);
			continue;
		}
		for (i = 0; i < n && !hit; i++)
			hit = in[i] == inode;
		free(in);
		if (hit) {
			struct rp_buf b = RP_BUF_INIT;

			if (rp_proc_read(proc, pid, "comm", &b) == 0) {
				size_t k = b.len;

				while (k > 0 && b.buf[k - 1] == '\n')
					k--;
				snprintf(out, cap, "%.*s, pid %d", (int)(k > 32 ? 32 : k), b.buf, pid);
			}
			rp_buf_release(&b);
			break;
		}
	}
	closedir(d);
}

static int
legacy_tables(const char *proc)
{
	static const char *const files[] = { "net/ip_tables_names", "net/ip6_tables_names" };
	struct rp_buf b = RP_BUF_INIT;
	size_t i;
	int any = 0;

	for (i = 0; i < 2 && !any; i++)
		if (rp_proc_read(proc, 0, files[i], &b) == 0 && b.len > 0)
			any = 1;
	rp_buf_release(&b);
	return any;
}

int
rp_h_net(struct rp_hrun *run)
{
	static const enum rp_sock_proto pr[2] = { RP_SOCK_TCP, RP_SOCK_TCP6 };
	struct rp_buf js = RP_BUF_INIT, err = RP_BUF_INIT, b = RP_BUF_INIT;
	struct socks ss = { NULL, 0, 0 };
	unsigned chains = 0;
	size_t i;
	int r, f;

	if (!run->live) {
		r = rp_h_skip(run, "exposed-service", "needs the live system (sockets and the "
		    "loaded firewall)");
		if (r == 0)
			r = rp_h_skip(run, "no-firewall", "needs the live system (the loaded ruleset)");
		return r;
	}
	if (legacy_tables(run->proc)) {
		r = rp_h_skip(run, "exposed-service", "legacy iptables tables are loaded "
		    "(/proc/net/ip_tables_names): riposte reads nftables only");
		if (r == 0)
			r = rp_h_skip(run, "no-firewall", "legacy iptables tables are loaded "
			    "(/proc/net/ip_tables_names): riposte reads nftables only");
		return r;
	}
	r = rp_nft_list_json(&js, &err);
	if (r != 0) {
		const char *why = r == RP_ERR_PERM ? "the nftables ruleset cannot be listed "
		    "(needs CAP_NET_ADMIN: run as root)" : "the nftables ruleset cannot be listed";

		r = rp_h_skip(run, "exposed-service", why);
		if (r == 0)
			r = rp_h_skip(run, "no-firewall", why);
		goto out;
	}
	for (i = 0; i < 2; i++) {
		if (rp_procnet_read(run->proc, 0, pr[i], &b) != 0)
			continue;
		if ((r = rp_procnet_parse(b.buf, b.len, pr[i], collect, &ss, NULL)) != 0)
			goto out;
	}
	for (i = 0; i < ss.n; i++) {
		const struct lsock *s = &ss.v[i];
		static const unsigned char any6[16];
		static const unsigned char mapped[12] = { [10] = 0xff, [11] = 0xff };
		char addr[INET6_ADDRSTRLEN], who[64];
		int lim;

		inet_ntop(s->family, s->addr, addr, sizeof(addr));
		if (s->family == AF_INET)
			lim = rp_h_nft_limits(js.buf, js.len, 4, s->port);
		else if (memcmp(s->addr, mapped, 12) == 0)
			lim = rp_h_nft_limits(js.buf, js.len, 4, s->port);
		else if (memcmp(s->addr, any6, 16) == 0)   /* [::] takes IPv4 too unless v6only */
			lim = rp_h_nft_limits(js.buf, js.len, 6, s->port) == 1 &&
			    rp_h_nft_limits(js.buf, js.len, 4, s->port) == 1;
		else
			lim = rp_h_nft_limits(js.buf, js.len, 6, s->port);
		if (lim == 1)
			continue;
		owner(run->proc, s->inode, who, sizeof(who));
		r = rp_h_find(run, "exposed-service", watched[s->what].sev, NULL, NULL, 0,
		    "%s%s%s:%u (%s, %s) listens on a non-loopback address and no nftables rule "
		    "limits it", s->family == AF_INET6 ? "[" : "", addr, s->family == AF_INET6 ?
		    "]" : "", s->port, watched[s->what].what, who);
		if (r != 0)
			goto out;
	}
	f = rp_h_nft_input_filters(js.buf, js.len, &chains);
	if (f == 0 && chains == 0)
		r = rp_h_find(run, "no-firewall", -1, NULL, NULL, 0, "no nftables chain filters "
		    "incoming packets (the ruleset has no input or prerouting filter chain)");
	else if (f == 0)
		r = rp_h_find(run, "no-firewall", -1, NULL, NULL, 0, "%u nftables input chain%s, "
		    "none of them drops or rejects anything", chains, chains == 1 ? "" : "s");
out:
	free(ss.v);
	rp_buf_release(&js);
	rp_buf_release(&err);
	rp_buf_release(&b);
	return r;
}
