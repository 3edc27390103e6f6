/*
 * The site profile, riposte.conf: a small INI dialect.
 *
 *   # comment            ; comment
 *   [site]
 *   name = Praxis Dr. Muster
 *   [contact it-provider]       sections may carry a word after their name and may
 *   phone = +41 44 000 00 00    repeat ([client] once per client); keys are unique
 *                               within one occurrence of a section
 *
 * Keys are [A-Za-z0-9._-]+; values run to the end of the line, trimmed. Lines are at
 * most 4096 bytes; NUL bytes and bytes outside UTF-8 are refused. The parser is the
 * one thing here that reads untrusted text: it is fuzzed (tests/fuzz/fuzz-config.c).
 * A parsed struct rp_ini is read-only and may be shared between threads.
 */
#ifndef RP_CONFIG_H
#define RP_CONFIG_H

#include <stddef.h>
#include <stdint.h>

struct rp_ini;

/* Parses len bytes of text. On RP_ERR_FORMAT *err_line (optional) is the 1-based line
 * that is wrong. *out is owned by the caller (rp_ini_free). */
int rp_ini_parse(const char *text, size_t len, struct rp_ini **out, int *err_line);
/* Reads and parses a file (at most 1 MiB). */
int rp_ini_load(const char *path, struct rp_ini **out, int *err_line);
void rp_ini_free(struct rp_ini *ini);               /* accepts NULL */

size_t rp_ini_nsections(const struct rp_ini *ini);
/* The i-th section's full name ("site", "contact it-provider"), in file order. */
const char *rp_ini_section(const struct rp_ini *ini, size_t i);
/* The value of key in the i-th section, or NULL. */
const char *rp_ini_section_get(const struct rp_ini *ini, size_t i, const char *key);
/* The j-th key=value of the i-th section; 0, or RP_ERR_NOTFOUND past the end. */
int rp_ini_section_entry(const struct rp_ini *ini, size_t i, size_t j, const char **key,
    const char **value);
/* The value of key in the first section named section, or NULL. */
const char *rp_ini_get(const struct rp_ini *ini, const char *section, const char *key);
/* The index of the first section named section at or after *from (advanced past it);
 * 0, or RP_ERR_NOTFOUND. Iterates repeated sections: for (i = 0; find(..,&i,&s)==0;). */
int rp_ini_find(const struct rp_ini *ini, const char *section, size_t *from, size_t *index);

/*
 * What `riposte site check` reports about a site profile: one call of fn per finding,
 * in file order of the checks ([site], [insurance], contacts, clients). status is
 * "missing", "stale" (a contact's "verified" date is more than 365 days before now) or
 * "invalid"; where names the place ("site/country", "contact police/verified"); message
 * is a sentence for people. Returns 0 or the first non-zero return of fn.
 */
struct rp_site_issue {
	const char *status;
	const char *where;
	const char *message;
};
int rp_site_check(const struct rp_ini *ini, int64_t now,
    int (*fn)(const struct rp_site_issue *issue, void *ctx), void *ctx);

/* Whether a [site] country code is one riposte knows (CH or an EU/EEA state). */
int rp_site_country_known(const char *code);

#endif
