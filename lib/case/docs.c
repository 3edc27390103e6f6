/* The documents a case produces: notification drafts (template filling) and the STIX
 * bundle. */
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "case/case-int.h"
#include "case/case.h"
#include "case/config.h"
#include "core/err.h"
#include "core/data.h"
#include "core/escape.h"
#include "core/time.h"

/* A fact's answer in the language ([facts] of letter-words.ini), else as the data
 * names it. */
static const char *
fact_word(const struct rp_ini *words, int v)
{
	const char *name = rp_fact_value_name(v), *w = rp_ini_get(words, "facts", name);

	return w ? w : name;
}

/* A time as the language writes it ([date] time of letter-words.ini: "20 novembre 2026
 * à 6 h 30"), else as the CLI's text views do. */
static int
fill_time(struct rp_buf *out, const struct rp_ini *words, const char *which, int64_t t)
{
	if (words == NULL || rp_ini_get(words, "date", which) == NULL)
		return rp_time_fmt_local(out, t);
	return rp_words_time(out, words, which, t);
}

static int
client_section(const struct rp_ini *site, const char *client, size_t *idx)
{
	size_t from = 0;
	const char *n;

	while (client && rp_ini_find(site, "client", &from, idx) == 0)
		if ((n = rp_ini_section_get(site, *idx, "name")) != NULL && strcmp(n, client) == 0)
			return 0;
	return RP_ERR_NOTFOUND;
}

struct fill {
	const struct rp_case *c;
	const struct rp_ini *site;
	const char *client, *lang;
	const struct rp_ini *words;
	int64_t now;
	int (*extra)(struct rp_buf *out, const char *name, void *ctx);
	void *ctx;
};

static int
fill_one(struct rp_buf *out, const char *name, const struct fill *F)
{
	const struct rp_case *c = F->c;
	const char *v = NULL, *slash;
	char sec[128];
	size_t i;
	int f, r;

	if (F->extra && (r = F->extra(out, name, F->ctx)) != 0)
		return r < 0 ? r : 0;
	if (strcmp(name, "case.title") == 0)
		v = c->info.title;
	else if (strcmp(name, "case.how") == 0)
		v = c->info.how;
	else if (strcmp(name, "case.id") == 0)
		return rp_buf_addf(out, "%lld", (long long)c->info.id);
	else if (strcmp(name, "case.discovered") == 0)
		return fill_time(out, F->words, "time", c->info.discovered);
	else if (strcmp(name, "case.opened") == 0)
		return fill_time(out, F->words, "time", c->info.opened);
	else if (strcmp(name, "now") == 0)
		return fill_time(out, F->words, "time", F->now);
	else if (strcmp(name, "date") == 0)
		return fill_time(out, F->words, "date", F->now);
	else if (strcmp(name, "root-cause") == 0)
		v = c->root_cause;
	else if (strncmp(name, "facts.", 6) == 0 && (f = rp_fact_lookup(name + 6)) >= 0)
		return rp_buf_addstr(out, fact_word(F->words, c->facts[f]));
	else if (strcmp(name, "iocs") == 0) {
		if (c->niocs == 0)
			return rp_buf_addstr(out, "  -\n");
		for (i = 0; i < c->niocs; i++)
			if ((r = rp_buf_addf(out, "  - %s: %s\n", c->iocs[i].type, c->iocs[i].value)) != 0)
				return r;
		return 0;
	} else if ((slash = strchr(name, '/')) != NULL && (size_t)(slash - name) < sizeof(sec)) {
		memcpy(sec, name, (size_t)(slash - name));
		sec[slash - name] = '\0';
		if (strcmp(sec, "client") == 0) {
			if (client_section(F->site, F->client, &i) == 0)
				v = rp_ini_section_get(F->site, i, slash + 1);
			else if (F->client && strcmp(slash + 1, "name") == 0)
				v = F->client;
		} else {
			v = rp_ini_get(F->site, sec, slash + 1);
		}
	}
	if (v == NULL || *v == '\0')
		return rp_buf_addf(out, "[...: %s]", name);
	return rp_buf_addstr(out, v);
}

int
rp_template_fill_with(const char *tmpl, const struct rp_case *c, const struct rp_ini *site,
    const char *client, const char *lang, const struct rp_ini *words, int64_t now,
    int (*extra)(struct rp_buf *out, const char *name, void *ctx), void *ctx,
    struct rp_buf *out)
{
	const struct fill F = { c, site, client, lang, words, now, extra, ctx };
	const char *p = tmpl, *open, *close;
	char name[128];
	int r;

	while ((open = strstr(p, "{{")) != NULL) {
		if ((r = rp_buf_add(out, p, (size_t)(open - p))) != 0)
			return r;
		if ((close = strstr(open + 2, "}}")) == NULL || (size_t)(close - open - 2) >= sizeof(name))
			return RP_ERR_FORMAT;
		memcpy(name, open + 2, (size_t)(close - open - 2));
		name[close - open - 2] = '\0';
		if ((r = fill_one(out, name, &F)) != 0)
			return r;
		p = close + 2;
	}
	return rp_buf_addstr(out, p);
}

int
rp_template_fill(const char *tmpl, const struct rp_case *c, const struct rp_ini *site,
    const char *client, const char *lang, int64_t now, struct rp_buf *out)
{
	struct rp_ini *words = NULL;
	int r;

	/* the words of the language as shipped; rp_notify_draft takes them from the data
	 * directory given */
	if ((r = rp_words_load(NULL, lang, &words)) != 0 && r != RP_ERR_NOTFOUND)
		return r;
	r = rp_template_fill_with(tmpl, c, site, client, lang, words, now, NULL, NULL, out);
	rp_ini_free(words);
	return r;
}

/* ---- STIX 2.1 ---- */

/* RFC 4122 UUIDv5 (SHA-1 of a namespace and a name), as STIX 2.1 recommends for
 * deterministic identifiers. */
static int
uuid5(struct rp_buf *b, const char *prefix, const char *name)
{
	/* riposte's namespace, itself UUIDv5("riposte") in the URL namespace */
	static const unsigned char ns[16] = {
		0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
		0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
	};
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	EVP_MD_CTX *ctx;
	int ok, r;

	if ((ctx = EVP_MD_CTX_new()) == NULL)
		return RP_ERR_NOMEM;
	ok = EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) == 1 &&
	    EVP_DigestUpdate(ctx, ns, sizeof(ns)) == 1 &&
	    EVP_DigestUpdate(ctx, name, strlen(name)) == 1 &&
	    EVP_DigestFinal_ex(ctx, md, &mdlen) == 1 && mdlen >= 16;
	EVP_MD_CTX_free(ctx);
	if (!ok)
		return RP_ERR_CRYPTO;
	md[6] = (unsigned char)((md[6] & 0x0f) | 0x50);
	md[8] = (unsigned char)((md[8] & 0x3f) | 0x80);
	if ((r = rp_buf_addf(b, "%s--", prefix)) != 0)
		return r;
	return rp_buf_addf(b, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
	    md[0], md[1], md[2], md[3], md[4], md[5], md[6], md[7], md[8], md[9], md[10], md[11],
	    md[12], md[13], md[14], md[15]);
}

/* A STIX pattern string literal: quote and backslash escaped. */
static int
pattern_lit(struct rp_buf *b, const char *s)
{
	int r;

	for (; *s; s++) {
		if ((*s == '\'' || *s == '\\') && (r = rp_buf_addch(b, '\\')) != 0)
			return r;
		if ((r = rp_buf_addch(b, *s)) != 0)
			return r;
	}
	return 0;
}

static const struct {
	const char *type, *object, *prop;
} stix_types[] = {
	{ "sha256",   "file",        "hashes.'SHA-256'" },
	{ "domain",   "domain-name", "value" },
	{ "ipv4",     "ipv4-addr",   "value" },
	{ "url",      "url",         "value" },
	{ "email",    "email-addr",  "value" },
	{ "filename", "file",        "name" },
};

static int
stix_ts(struct rp_buf *b, int64_t t)
{
	int r;

	/* STIX timestamps carry milliseconds: "2026-11-22T06:59:00.000Z" */
	if ((r = rp_time_fmt_utc(b, t)) != 0)
		return r;
	rp_buf_setlen(b, b->len - 1);
	return rp_buf_addstr(b, ".000Z");
}

int
rp_case_stix(const struct rp_case *c, struct rp_buf *out)
{
	struct rp_buf name = RP_BUF_INIT, pat = RP_BUF_INIT;
	size_t i, k;
	int r;

	if ((r = rp_buf_addf(&name, "case:%lld:%s", (long long)c->info.id, c->info.title)) != 0)
		goto out;
	for (i = 0; i < c->niocs; i++)
		if ((r = rp_buf_addf(&name, "|%s:%s", c->iocs[i].type, c->iocs[i].value)) != 0)
			goto out;
	if ((r = rp_buf_addstr(out, "{\n  \"type\": \"bundle\",\n  \"id\": \"")) != 0 ||
	    (r = uuid5(out, "bundle", name.buf)) != 0 ||
	    (r = rp_buf_addstr(out, "\",\n  \"objects\": [")) != 0)
		goto out;
	for (i = 0; i < c->niocs; i++) {
		const struct rp_ioc *o = &c->iocs[i];

		for (k = 0; k < sizeof(stix_types) / sizeof(stix_types[0]); k++)
			if (strcmp(stix_types[k].type, o->type) == 0)
				break;
		if (k == sizeof(stix_types) / sizeof(stix_types[0]))
			continue;
		rp_buf_reset(&pat);
		rp_buf_reset(&name);
		if ((r = rp_buf_addf(&pat, "[%s:%s = '", stix_types[k].object, stix_types[k].prop)) != 0 ||
		    (r = pattern_lit(&pat, o->value)) != 0 || (r = rp_buf_addstr(&pat, "']")) != 0 ||
		    (r = rp_buf_addf(&name, "%s:%s", o->type, o->value)) != 0)
			goto out;
		if ((r = rp_buf_addstr(out, i ? ",\n    {\n" : "\n    {\n")) != 0 ||
		    (r = rp_buf_addstr(out, "      \"type\": \"indicator\",\n"
		    "      \"spec_version\": \"2.1\",\n      \"id\": \"")) != 0 ||
		    (r = uuid5(out, "indicator", name.buf)) != 0 ||
		    (r = rp_buf_addstr(out, "\",\n      \"created\": \"")) != 0 ||
		    (r = stix_ts(out, o->time)) != 0 ||
		    (r = rp_buf_addstr(out, "\",\n      \"modified\": \"")) != 0 ||
		    (r = stix_ts(out, o->time)) != 0 ||
		    (r = rp_buf_addstr(out, "\",\n      \"name\": ")) != 0 ||
		    (r = rp_json_str(out, name.buf)) != 0 ||
		    (r = rp_buf_addstr(out, ",\n      \"indicator_types\": [\"malicious-activity\"],\n"
		    "      \"pattern\": ")) != 0 ||
		    (r = rp_json_str(out, pat.buf)) != 0 ||
		    (r = rp_buf_addstr(out, ",\n      \"pattern_type\": \"stix\",\n"
		    "      \"valid_from\": \"")) != 0 ||
		    (r = stix_ts(out, o->time)) != 0 ||
		    (r = rp_buf_addstr(out, "\"\n    }")) != 0)
			goto out;
	}
	r = rp_buf_addstr(out, c->niocs ? "\n  ]\n}\n" : "]\n}\n");
out:
	rp_buf_release(&name);
	rp_buf_release(&pat);
	return r;
}
