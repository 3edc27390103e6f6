/* Egress records: nftables JSON, iptables-save -c, conntrack -L, CSV flows. */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/time.h"
#include "forensic/egress.h"
#include "core/json.h"

int
rp_addr_outside(const char *addr)
{
	unsigned char a[16];

	if (inet_pton(AF_INET, addr, a) == 1) {
		if (a[0] == 10 || a[0] == 127 || a[0] == 0 || a[0] >= 224 ||
		    (a[0] == 172 && (a[1] & 0xf0) == 16) || (a[0] == 192 && a[1] == 168) ||
		    (a[0] == 169 && a[1] == 254) || (a[0] == 100 && (a[1] & 0xc0) == 64))
			return 0;
		return 1;
	}
	if (inet_pton(AF_INET6, addr, a) == 1) {
		static const unsigned char zero[16];
		static const unsigned char mapped[12] = { 0,0,0,0,0,0,0,0,0,0,0xff,0xff };

		if (memcmp(a, mapped, 12) == 0) {
			char v4[INET_ADDRSTRLEN];

			inet_ntop(AF_INET, a + 12, v4, sizeof(v4));
			return rp_addr_outside(v4);
		}
		if (memcmp(a, zero, 15) == 0 && (a[15] == 0 || a[15] == 1))
			return 0;
		if ((a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) || a[0] == 0xff)
			return 0;
		return 1;
	}
	return -1;
}

static void
note_dest(struct rp_egress *e, const char *dst, uint64_t bytes)
{
	if (bytes > e->top_bytes) {
		size_t n = strlen(dst);

		e->top_bytes = bytes;
		if (n >= sizeof(e->top_dest))
			n = sizeof(e->top_dest) - 1;
		memcpy(e->top_dest, dst, n);
		e->top_dest[n] = '\0';
	}
}

/* ---- nftables JSON ---- */

static int
chain_hook(const struct rp_jv *items, size_t n, const char *family, const char *table,
    const char *chain)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct rp_jv *v, *it = rp_jv_at(items, i);
		const char *k = rp_jv_first_key(it, &v), *hook;

		if (k == NULL || strcmp(k, "chain") != 0)
			continue;
		if (strcmp(rp_jv_str(rp_jv_get(v, "name")) ? rp_jv_str(rp_jv_get(v, "name")) : "",
		    chain) != 0 ||
		    strcmp(rp_jv_str(rp_jv_get(v, "table")) ? rp_jv_str(rp_jv_get(v, "table")) : "",
		    table) != 0 ||
		    strcmp(rp_jv_str(rp_jv_get(v, "family")) ? rp_jv_str(rp_jv_get(v, "family")) : "",
		    family) != 0)
			continue;
		if ((hook = rp_jv_str(rp_jv_get(v, "hook"))) == NULL)
			return 0;
		if (strcmp(hook, "output") == 0)
			return 1;
		if (strcmp(hook, "postrouting") == 0)
			return 2;
		return 0;
	}
	return 0;
}

static int
parse_nft(const char *data, size_t len, struct rp_egress *e)
{
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *items;
	uint64_t sum[3] = { 0, 0, 0 }, cnt[3] = { 0, 0, 0 };
	size_t i, n;
	int r = RP_ERR_FORMAT;

	if (rp_jdoc_parse(&doc, data, len) != 0)
		return RP_ERR_FORMAT;
	items = rp_jv_get(rp_jdoc_root(doc), "nftables");
	if ((n = rp_jv_len(items)) == 0 && items == NULL)
		goto out;
	snprintf(e->format, sizeof(e->format), "nftables");
	for (i = 0; i < n; i++) {
		const struct rp_jv *v, *expr, *it = rp_jv_at(items, i);
		const char *k = rp_jv_first_key(it, &v), *fam, *tab, *ch;
		size_t j;
		int hook;

		if (k == NULL || strcmp(k, "rule") != 0)
			continue;
		e->records++;
		fam = rp_jv_str(rp_jv_get(v, "family"));
		tab = rp_jv_str(rp_jv_get(v, "table"));
		ch = rp_jv_str(rp_jv_get(v, "chain"));
		if (fam == NULL || tab == NULL || ch == NULL)
			continue;
		hook = chain_hook(items, n, fam, tab, ch);
		expr = rp_jv_get(v, "expr");
		for (j = 0; j < rp_jv_len(expr); j++) {
			const struct rp_jv *c = rp_jv_get(rp_jv_at(expr, j), "counter");
			int64_t b;

			if (c != NULL && rp_jv_int(rp_jv_get(c, "bytes"), &b) == 0 && b >= 0) {
				sum[hook] += (uint64_t)b;
				cnt[hook]++;
			}
		}
	}
	if (cnt[1]) {
		e->bytes_out = sum[1];
		e->records_out = cnt[1];
	} else {
		e->bytes_out = sum[2];
		e->records_out = cnt[2];
	}
	r = 0;
out:
	rp_jdoc_free(doc);
	return r;
}

/* ---- line formats ---- */

static size_t
next_line(const char *p, const char *end, const char **eol)
{
	const char *q = memchr(p, '\n', (size_t)(end - p));

	*eol = q ? q : end;
	return (size_t)(*eol - p);
}

/* The value after key (e.g. "dst=") starting the search at *pos; advances *pos. */
static int
kv(const char *line, size_t len, size_t *pos, const char *key, char *out, size_t cap)
{
	size_t kl = strlen(key), i;

	for (i = *pos; i + kl <= len; i++) {
		if (memcmp(line + i, key, kl) == 0 && (i == 0 || line[i - 1] == ' ')) {
			size_t s = i + kl, n = 0;

			while (s + n < len && line[s + n] != ' ' && n + 1 < cap) {
				out[n] = line[s + n];
				n++;
			}
			out[n] = '\0';
			*pos = s + n;
			return 1;
		}
	}
	return 0;
}

static int
parse_conntrack(const char *data, size_t len, struct rp_egress *e)
{
	const char *p = data, *end = data + len, *eol;

	snprintf(e->format, sizeof(e->format), "conntrack");
	while (p < end) {
		size_t n = next_line(p, end, &eol), pos = 0, pos2;
		char src[64], dst[64], bytes[32], rsrc[64], rdst[64], rbytes[32];

		if (n > 0) {
			if (kv(p, n, &pos, "src=", src, sizeof(src)) && kv(p, n, &pos, "dst=", dst, sizeof(dst))) {
				e->records++;
				pos2 = pos;
				if (kv(p, n, &pos2, "bytes=", bytes, sizeof(bytes)) && rp_addr_outside(dst) == 1) {
					uint64_t b = strtoull(bytes, NULL, 10);

					e->bytes_out += b;
					e->records_out++;
					note_dest(e, dst, b);
				}
				if (kv(p, n, &pos, "src=", rsrc, sizeof(rsrc)) &&
				    kv(p, n, &pos, "dst=", rdst, sizeof(rdst)) &&
				    kv(p, n, &pos, "bytes=", rbytes, sizeof(rbytes)) &&
				    rp_addr_outside(rdst) == 1) {
					uint64_t b = strtoull(rbytes, NULL, 10);

					e->bytes_out += b;
					e->records_out++;
					note_dest(e, rdst, b);
				}
			} else {
				e->skipped++;
			}
		}
		p = eol + 1;
	}
	return 0;
}

static int
parse_iptables(const char *data, size_t len, struct rp_egress *e)
{
	const char *p = data, *end = data + len, *eol;

	snprintf(e->format, sizeof(e->format), "iptables");
	while (p < end) {
		size_t n = next_line(p, end, &eol);
		unsigned long long pk, by;
		char line[512];

		if (n > 0 && p[0] == '[') {
			if (n >= sizeof(line))
				n = sizeof(line) - 1;
			memcpy(line, p, n);
			line[n] = '\0';
			e->records++;
			if (sscanf(line, "[%llu:%llu] -A OUTPUT ", &pk, &by) == 2 &&
			    strstr(line, " -A OUTPUT ") != NULL && strstr(line, " -o lo") == NULL) {
				e->bytes_out += by;
				e->records_out++;
			}
		}
		p = eol + 1;
	}
	return 0;
}

static int
csv_field(const char **p, const char *end, char *out, size_t cap)
{
	size_t n = 0;

	while (*p < end && **p != ',' && **p != '\r') {
		if (n + 1 < cap && **p != '"')
			out[n++] = **p;
		(*p)++;
	}
	out[n] = '\0';
	if (*p < end && **p == ',')
		(*p)++;
	return (int)n;
}

static int
parse_csv(const char *data, size_t len, int64_t since, int64_t until, struct rp_egress *e)
{
	const char *p = data, *end = data + len, *eol;
	struct {
		char dst[64];
		uint64_t bytes;
	} top[64];
	size_t ntop = 0, i;
	int lineno = 0;

	snprintf(e->format, sizeof(e->format), "csv");
	e->timed = 1;
	while (p < end) {
		char t[64], src[64], dst[64], by[32], *x;
		const char *q = p;
		int64_t ts;
		unsigned long long b;

		next_line(p, end, &eol);
		lineno++;
		csv_field(&q, eol, t, sizeof(t));
		csv_field(&q, eol, src, sizeof(src));
		csv_field(&q, eol, dst, sizeof(dst));
		csv_field(&q, eol, by, sizeof(by));
		p = eol + 1;
		if (t[0] == '\0' && src[0] == '\0')
			continue;
		if (rp_time_parse(t, &ts, NULL) != 0) {
			long long v;

			if (!isdigit((unsigned char)t[0]) || (v = strtoll(t, &x, 10), *x != '\0')) {
				if (lineno > 1)
					e->skipped++;
				continue;
			}
			ts = v;
		}
		if (!isdigit((unsigned char)by[0]) || (b = strtoull(by, &x, 10), *x != '\0')) {
			e->skipped++;
			continue;
		}
		e->records++;
		if ((since != RP_TIME_UNSET && ts < since) || (until != RP_TIME_UNSET && ts > until))
			continue;
		if (rp_addr_outside(dst) != 1)
			continue;
		e->bytes_out += b;
		e->records_out++;
		for (i = 0; i < ntop; i++)
			if (strcmp(top[i].dst, dst) == 0)
				break;
		if (i == ntop && ntop < sizeof(top) / sizeof(top[0])) {
			memcpy(top[i].dst, dst, sizeof(top[i].dst));
			top[i].bytes = 0;
			ntop++;
		}
		if (i < ntop) {
			top[i].bytes += b;
			note_dest(e, top[i].dst, top[i].bytes);
		}
	}
	return 0;
}

int
rp_egress_parse(const char *data, size_t len, int64_t since, int64_t until,
    struct rp_egress *out)
{
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	while (i < len && isspace((unsigned char)data[i]))
		i++;
	if (i == len)
		return RP_ERR_FORMAT;
	if (data[i] == '{')
		return parse_nft(data + i, len - i, out);
	if (memmem(data, len, " src=", 5) && memmem(data, len, " dst=", 5))
		return parse_conntrack(data, len, out);
	if (memmem(data, len, "] -A ", 5) || memmem(data, len, "*filter", 7))
		return parse_iptables(data, len, out);
	if (memchr(data, ',', len))
		return parse_csv(data, len, since, until, out);
	return RP_ERR_FORMAT;
}
