/*
 * Network isolation: builds and reads back the nft script of table inet riposte; the
 * kernel is reached through the nftables adapter (respond/nft.c).
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "case/case.h"
#include "core/err.h"
#include "core/sha256.h"
#include "core/time.h"
#include "respond/isolate.h"
#include "respond/nft.h"

#define COMMENT_TAG "riposte isolate "

int
rp_net_parse(const char *s, struct rp_net *n)
{
	char tmp[64];
	const char *slash;
	size_t len;
	int max, i;
	long pfx;

	memset(n, 0, sizeof(*n));
	slash = strchr(s, '/');
	len = slash ? (size_t)(slash - s) : strlen(s);
	if (len == 0 || len >= sizeof(tmp))
		return RP_ERR_FORMAT;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	if (memchr(tmp, ':', len)) {
		if (inet_pton(AF_INET6, tmp, n->addr) != 1)
			return RP_ERR_FORMAT;
		n->family = AF_INET6;
		max = 128;
	} else {
		if (inet_pton(AF_INET, tmp, n->addr) != 1)
			return RP_ERR_FORMAT;
		n->family = AF_INET;
		max = 32;
	}
	pfx = max;
	if (slash) {
		const char *p = slash + 1;
		char *end;

		if (*p < '0' || *p > '9' || strlen(p) > 3)
			return RP_ERR_FORMAT;
		pfx = strtol(p, &end, 10);
		if (*end || pfx > max)
			return RP_ERR_FORMAT;
	}
	n->prefix = (int)pfx;
	/* clear the host bits, as nft would refuse them in a prefix */
	for (i = 0; i < max / 8; i++) {
		int keep = n->prefix - i * 8;

		if (keep <= 0)
			n->addr[i] = 0;
		else if (keep < 8)
			n->addr[i] &= (unsigned char)(0xff << (8 - keep));
	}
	return 0;
}

int
rp_net_fmt(struct rp_buf *b, const struct rp_net *n)
{
	char tmp[INET6_ADDRSTRLEN];
	int max = n->family == AF_INET6 ? 128 : 32;

	if (inet_ntop(n->family, n->addr, tmp, sizeof(tmp)) == NULL)
		return RP_ERR_INVALID;
	if (n->prefix < max)
		return rp_buf_addf(b, "%s/%d", tmp, n->prefix);
	return rp_buf_addstr(b, tmp);
}

int
rp_net_contains(const struct rp_net *n, int family, const unsigned char *addr)
{
	int i, bits = n->prefix;

	if (family != n->family)
		return 0;
	for (i = 0; bits > 0; i++, bits -= 8) {
		unsigned char mask = bits >= 8 ? 0xff : (unsigned char)(0xff << (8 - bits));

		if ((addr[i] & mask) != (n->addr[i] & mask))
			return 0;
	}
	return 1;
}

static int
net_cmp(const void *a, const void *b)
{
	const struct rp_net *x = a, *y = b;
	int c;

	if (x->family != y->family)
		return x->family == AF_INET ? -1 : 1;
	if ((c = memcmp(x->addr, y->addr, sizeof(x->addr))) != 0)
		return c;
	return x->prefix - y->prefix;
}

static int
port_cmp(const void *a, const void *b)
{
	const uint16_t *x = a, *y = b;

	return (int)*x - (int)*y;
}

void
rp_isolate_normalise(struct rp_isolate *iso)
{
	struct rp_buf b = RP_BUF_INIT;
	char hex[65];
	size_t i, j;

	if (iso->nallow > 1)
		qsort(iso->allow, iso->nallow, sizeof(iso->allow[0]), net_cmp);
	for (i = j = 0; i < iso->nallow; i++)
		if (j == 0 || net_cmp(&iso->allow[j - 1], &iso->allow[i]) != 0)
			iso->allow[j++] = iso->allow[i];
	iso->nallow = j;
	if (iso->nports > 1)
		qsort(iso->ports, iso->nports, sizeof(iso->ports[0]), port_cmp);
	for (i = j = 0; i < iso->nports; i++)
		if (j == 0 || iso->ports[j - 1] != iso->ports[i])
			iso->ports[j++] = iso->ports[i];
	iso->nports = j;

	/* the id names this isolation across --confirm: what it allows and when it began */
	rp_buf_addf(&b, "riposte isolate 1\n%lld\n", (long long)iso->since);
	for (i = 0; i < iso->nallow; i++) {
		rp_net_fmt(&b, &iso->allow[i]);
		rp_buf_addch(&b, '\n');
	}
	for (i = 0; i < iso->nports; i++)
		rp_buf_addf(&b, "port %u\n", iso->ports[i]);
	if (rp_sha256_hex(b.buf, b.len, hex) != 0)
		memset(hex, '0', sizeof(hex));
	memcpy(iso->id, hex, 16);
	iso->id[16] = '\0';
	rp_buf_release(&b);
}

static int
add_elements(struct rp_buf *out, const struct rp_isolate *iso, int family)
{
	size_t i;
	int r, first = 1;

	for (i = 0; i < iso->nallow; i++) {
		if (iso->allow[i].family != family)
			continue;
		if ((r = rp_buf_addstr(out, first ? "\t\telements = { " : ", ")) != 0 ||
		    (r = rp_net_fmt(out, &iso->allow[i])) != 0)
			return r;
		first = 0;
	}
	return first ? 0 : rp_buf_addstr(out, " }\n");
}

static int
add_ports(struct rp_buf *out, const struct rp_isolate *iso)
{
	size_t i;
	int r;

	if (iso->nports == 0)
		return 0;
	if ((r = rp_buf_addstr(out, "\t\telements = { ")) != 0)
		return r;
	for (i = 0; i < iso->nports; i++)
		if ((r = rp_buf_addf(out, "%s%u", i ? ", " : "", iso->ports[i])) != 0)
			return r;
	return rp_buf_addstr(out, " }\n");
}

int
rp_isolate_ruleset(const struct rp_isolate *iso, struct rp_buf *out)
{
	int r;

	/* "table" then "delete table" makes the replacement atomic whether or not the
	 * table existed: one transaction, never a moment with the old rules gone and the
	 * new ones not yet in force. */
	if ((r = rp_buf_addstr(out,
	    "table inet " RP_ISOLATE_TABLE "\n"
	    "delete table inet " RP_ISOLATE_TABLE "\n"
	    "table inet " RP_ISOLATE_TABLE " {\n"
	    "\tcomment \"" COMMENT_TAG "id=")) != 0 ||
	    (r = rp_buf_addstr(out, iso->id)) != 0 ||
	    (r = rp_buf_addstr(out, " since=")) != 0 ||
	    (r = rp_time_fmt_utc(out, iso->since)) != 0 ||
	    (r = rp_buf_addstr(out, " expires=")) != 0)
		return r;
	if (iso->expires)
		r = rp_time_fmt_utc(out, iso->expires);
	else
		r = rp_buf_addstr(out, "never");
	if (r != 0)
		return r;
	if ((r = rp_buf_addstr(out, "\"\n"
	    "\tset allow4 {\n\t\ttype ipv4_addr\n\t\tflags interval\n")) != 0 ||
	    (r = add_elements(out, iso, AF_INET)) != 0 ||
	    (r = rp_buf_addstr(out, "\t}\n"
	    "\tset allow6 {\n\t\ttype ipv6_addr\n\t\tflags interval\n")) != 0 ||
	    (r = add_elements(out, iso, AF_INET6)) != 0 ||
	    (r = rp_buf_addstr(out, "\t}\n"
	    "\tset ports {\n\t\ttype inet_service\n")) != 0 ||
	    (r = add_ports(out, iso)) != 0)
		return r;
	/* priority filter - 10: after conntrack and destination NAT (so ct state works and
	 * the real peer is matched), before the usual filter tables at 0 */
	return rp_buf_addstr(out, "\t}\n"
	    "\tchain input {\n"
	    "\t\ttype filter hook input priority filter - 10; policy drop;\n"
	    "\t\tiif \"lo\" accept\n"
	    "\t\tip saddr @allow4 accept\n"
	    "\t\tip6 saddr @allow6 accept\n"
	    /* ICMP errors (unreachable, too big) from routers about flows with allowed peers */
	    "\t\tct state related ct original ip saddr @allow4 accept\n"
	    "\t\tct state related ct original ip daddr @allow4 accept\n"
	    "\t\tct state related ct original ip6 saddr @allow6 accept\n"
	    "\t\tct state related ct original ip6 daddr @allow6 accept\n"
	    /* IPv6 cannot reach even an allowed neighbour without neighbour discovery;
	     * hop limit 255 keeps it to the local link */
	    "\t\ticmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-advert } ip6 hoplimit 255 accept\n"
	    "\t\tmeta l4proto { tcp, udp } th dport @ports accept\n"
	    "\t}\n"
	    "\tchain output {\n"
	    "\t\ttype filter hook output priority filter - 10; policy drop;\n"
	    "\t\toif \"lo\" accept\n"
	    "\t\tip daddr @allow4 accept\n"
	    "\t\tip6 daddr @allow6 accept\n"
	    "\t\ticmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-solicit } ip6 hoplimit 255 accept\n"
	    /* replies of connections that came in to an allowed port, nothing else */
	    "\t\tmeta l4proto { tcp, udp } th sport @ports ct direction reply accept\n"
	    "\t}\n"
	    "\tchain forward {\n"
	    "\t\ttype filter hook forward priority filter - 10; policy drop;\n"
	    "\t\tip saddr @allow4 ip daddr @allow4 accept\n"
	    "\t\tip6 saddr @allow6 ip6 daddr @allow6 accept\n"
	    "\t}\n"
	    "}\n");
}

int
rp_isolate_apply(const char *ruleset, struct rp_buf *err)
{
	return rp_nft_run(ruleset, NULL, err);
}

int
rp_isolate_remove(struct rp_buf *err)
{
	return rp_nft_run("delete table inet " RP_ISOLATE_TABLE "\n", NULL, err);
}

int
rp_isolate_status(struct rp_isolate *iso, struct rp_buf *listing, struct rp_buf *err)
{
	struct rp_buf b = RP_BUF_INIT;
	int r;

	if ((r = rp_nft_run("list table inet " RP_ISOLATE_TABLE "\n", &b, err)) != 0)
		goto out;
	if ((r = rp_isolate_parse_listing(b.buf, b.len, iso)) != 0)
		goto out;
	if (listing)
		r = rp_buf_add(listing, b.buf, b.len);
out:
	rp_buf_release(&b);
	return r;
}

/* The text between "elements = {" and "}" of set name, or NULL when the set has none. */
static const char *
set_elements(const char *text, const char *end, const char *name, size_t *len)
{
	char head[32];
	const char *p, *q, *close;

	snprintf(head, sizeof(head), "set %s {", name);
	if ((p = memmem(text, (size_t)(end - text), head, strlen(head))) == NULL)
		return NULL;
	p += strlen(head);
	/* a set block holds no braces but its elements' */
	if ((close = memchr(p, '}', (size_t)(end - p))) == NULL)
		return NULL;
	if ((q = memmem(p, (size_t)(close - p), "elements = {", 12)) == NULL)
		return NULL;
	q += 12;
	*len = (size_t)(close - q);
	return q;
}

/* Calls fn for each comma/space separated token of [p, p + len). */
static int
each_token(const char *p, size_t len, int (*fn)(const char *tok, void *ctx), void *ctx)
{
	char tok[64];
	size_t i = 0, n;
	int r;

	while (i < len) {
		while (i < len && (p[i] == ' ' || p[i] == ',' || p[i] == '\n' || p[i] == '\t'))
			i++;
		n = 0;
		while (i < len && p[i] != ' ' && p[i] != ',' && p[i] != '\n' && p[i] != '\t') {
			if (n + 1 >= sizeof(tok))
				return RP_ERR_FORMAT;
			tok[n++] = p[i++];
		}
		if (n == 0)
			continue;
		tok[n] = '\0';
		if ((r = fn(tok, ctx)) != 0)
			return r;
	}
	return 0;
}

static int
add_net_tok(const char *tok, void *ctx)
{
	struct rp_isolate *iso = ctx;

	if (iso->nallow >= RP_ISOLATE_MAX_NETS)
		return RP_ERR_TOOBIG;
	return rp_net_parse(tok, &iso->allow[iso->nallow++]);
}

static int
add_port_tok(const char *tok, void *ctx)
{
	struct rp_isolate *iso = ctx;
	char *end;
	long v;

	if (iso->nports >= RP_ISOLATE_MAX_PORTS)
		return RP_ERR_TOOBIG;
	if (*tok < '0' || *tok > '9')
		return RP_ERR_FORMAT;
	v = strtol(tok, &end, 10);
	if (*end || v < 0 || v > 65535)
		return RP_ERR_FORMAT;
	iso->ports[iso->nports++] = (uint16_t)v;
	return 0;
}

static int
comment_field(const char *c, size_t clen, const char *key, char *val, size_t vmax)
{
	size_t klen = strlen(key), i = 0, n;

	while (i < clen) {
		if (clen - i > klen && memcmp(c + i, key, klen) == 0 && c[i + klen] == '=') {
			i += klen + 1;
			n = 0;
			while (i + n < clen && c[i + n] != ' ')
				n++;
			if (n == 0 || n >= vmax)
				return RP_ERR_FORMAT;
			memcpy(val, c + i, n);
			val[n] = '\0';
			return 0;
		}
		while (i < clen && c[i] != ' ')
			i++;
		while (i < clen && c[i] == ' ')
			i++;
	}
	return RP_ERR_FORMAT;
}

int
rp_isolate_parse_listing(const char *text, size_t len, struct rp_isolate *iso)
{
	static const char tag[] = "comment \"" COMMENT_TAG;
	const char *end = text + len, *c, *q, *el;
	char val[40];
	size_t clen, n;
	int r;

	memset(iso, 0, sizeof(*iso));
	if ((c = memmem(text, len, tag, sizeof(tag) - 1)) == NULL)
		return RP_ERR_FORMAT;
	c += sizeof(tag) - 1;
	if ((q = memchr(c, '"', (size_t)(end - c))) == NULL)
		return RP_ERR_FORMAT;
	clen = (size_t)(q - c);
	if ((r = comment_field(c, clen, "id", val, sizeof(val))) != 0)
		return r;
	if (strlen(val) != 16 || strspn(val, "0123456789abcdef") != 16)
		return RP_ERR_FORMAT;
	memcpy(iso->id, val, 17);
	if ((r = comment_field(c, clen, "since", val, sizeof(val))) != 0 ||
	    (r = rp_time_parse(val, &iso->since, NULL)) != 0)
		return RP_ERR_FORMAT;
	if ((r = comment_field(c, clen, "expires", val, sizeof(val))) != 0)
		return r;
	if (strcmp(val, "never") == 0)
		iso->expires = 0;
	else if (rp_time_parse(val, &iso->expires, NULL) != 0)
		return RP_ERR_FORMAT;
	if ((el = set_elements(text, end, "allow4", &n)) != NULL &&
	    (r = each_token(el, n, add_net_tok, iso)) != 0)
		return r;
	if ((el = set_elements(text, end, "allow6", &n)) != NULL &&
	    (r = each_token(el, n, add_net_tok, iso)) != 0)
		return r;
	if ((el = set_elements(text, end, "ports", &n)) != NULL &&
	    (r = each_token(el, n, add_port_tok, iso)) != 0)
		return r;
	return 0;
}
