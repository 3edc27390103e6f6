/*
 * Indicators of compromise for the mail scan: the case's (`case ioc add`), and those
 * of files given with --ioc, one "type:value" a line or a STIX 2.1 bundle (core/json.h).
 * Kept sorted per type for a binary search; a domain matches itself and every host
 * below it. Parses attacker-supplied files (a bundle shared by someone else):
 * fuzzed (tests/fuzz/fuzz-mail-ioc.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


#include "core/array.h"
#include "core/err.h"
#include "core/json.h"
#include "core/escape.h"
#include "mail/internal.h"

static const char *const tnames[RP_IOC_NTYPES] = { "sha256", "domain", "url", "email",
	"filename", "ipv4" };

struct ioc {
	char *value;
	const char *source;      /* interned in sources */
};

struct rp_mail_iocs {
	struct ioc *v[RP_IOC_NTYPES];
	size_t n[RP_IOC_NTYPES], cap[RP_IOC_NTYPES];
	char **sources;
	size_t nsources, capsources;
};

static size_t search(const struct rp_mail_iocs *s, enum rp_mail_ioc_type t, const char *v,
    int *found);

const char *
rp_mail_ioc_type_name(enum rp_mail_ioc_type t)
{
	return (unsigned)t < RP_IOC_NTYPES ? tnames[t] : "?";
}

int
rp_mail_ioc_type_lookup(const char *name)
{
	int i;

	for (i = 0; i < RP_IOC_NTYPES; i++)
		if (strcasecmp(name, tnames[i]) == 0)
			return i;
	return -1;
}

int
rp_mail_iocs_new(struct rp_mail_iocs **out)
{
	return (*out = calloc(1, sizeof(**out))) ? 0 : RP_ERR_NOMEM;
}

void
rp_mail_iocs_free(struct rp_mail_iocs *s)
{
	size_t i, t;

	if (s == NULL)
		return;
	for (t = 0; t < RP_IOC_NTYPES; t++) {
		for (i = 0; i < s->n[t]; i++)
			free(s->v[t][i].value);
		free(s->v[t]);
	}
	for (i = 0; i < s->nsources; i++)
		free(s->sources[i]);
	free(s->sources);
	free(s);
}

size_t
rp_mail_iocs_count(const struct rp_mail_iocs *s)
{
	size_t t, n = 0;

	if (s)
		for (t = 0; t < RP_IOC_NTYPES; t++)
			n += s->n[t];
	return n;
}

static int
valid(enum rp_mail_ioc_type t, const char *v, size_t n)
{
	size_t i;
	int dots = 0;

	if (n == 0 || n > 2048 || !rp_utf8_valid(v, n))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
			return 0;
	switch (t) {
	case RP_IOC_SHA256:
		return n == 64 && strspn(v, "0123456789abcdefABCDEF") == 64;
	case RP_IOC_DOMAIN:
		return n <= 253 && strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789.-_") == n && strchr(v, '.') && v[0] != '.' && v[0] != '-';
	case RP_IOC_URL:
		return strstr(v, "://") != NULL && strchr(v, ' ') == NULL;
	case RP_IOC_EMAIL: {
		const char *at = strrchr(v, '@');

		return at && at != v && at[1] && strchr(v, ' ') == NULL;
	}
	case RP_IOC_FILENAME:
		return strchr(v, '/') == NULL;
	case RP_IOC_IPV4:
		for (i = 0; i < n; i++) {
			if (v[i] == '.')
				dots++;
			else if (!isdigit((unsigned char)v[i]))
				return 0;
		}
		return dots == 3;
	default:
		return 0;
	}
}

static void
normalise(enum rp_mail_ioc_type t, char *v)
{
	size_t n = strlen(v), i;

	if (t == RP_IOC_SHA256 || t == RP_IOC_DOMAIN) {
		for (i = 0; i < n; i++)
			v[i] = (char)tolower((unsigned char)v[i]);
		while (n && v[n - 1] == '.')
			v[--n] = '\0';
	} else if (t == RP_IOC_EMAIL) {
		char *at = strrchr(v, '@');

		for (; at && *at; at++)
			*at = (char)tolower((unsigned char)*at);
	} else if (t == RP_IOC_URL) {
		char *p = strstr(v, "://");

		/* scheme and host are case-insensitive */
		for (i = 0; p && v + i < p; i++)
			v[i] = (char)tolower((unsigned char)v[i]);
		if (p)
			for (p += 3; *p && *p != '/' && *p != '?' && *p != '#'; p++)
				*p = (char)tolower((unsigned char)*p);
		if (n && v[n - 1] == '/')
			v[n - 1] = '\0';
	}
}

static const char *
intern(struct rp_mail_iocs *s, const char *src)
{
	size_t i;

	for (i = 0; i < s->nsources; i++)
		if (strcmp(s->sources[i], src) == 0)
			return s->sources[i];
	if (RP_ARRAY_GROW(&s->sources, &s->capsources, s->nsources + 1, RP_ARRAY_MAX_DEFAULT) != 0)
		return NULL;
	if ((s->sources[s->nsources] = strdup(src)) == NULL)
		return NULL;
	return s->sources[s->nsources++];
}

int
rp_mail_iocs_add(struct rp_mail_iocs *s, enum rp_mail_ioc_type t, const char *value,
    const char *source)
{
	char *v;
	int r;

	if ((unsigned)t >= RP_IOC_NTYPES)
		return RP_ERR_INVALID;
	while (*value == ' ' || *value == '\t')
		value++;
	if (!valid(t, value, strlen(value)))
		return RP_ERR_FORMAT;
	if ((r = RP_ARRAY_GROW(&s->v[t], &s->cap[t], s->n[t] + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	if ((v = strdup(value)) == NULL)
		return RP_ERR_NOMEM;
	normalise(t, v);
	{
		/* kept sorted: a set is built once, then searched for every message */
		int found;
		size_t at = search(s, t, v, &found);
		const char *src = intern(s, source ? source : "");

		if (found || src == NULL) {
			free(v);
			return src ? 0 : RP_ERR_NOMEM;
		}
		memmove(&s->v[t][at + 1], &s->v[t][at], (s->n[t] - at) * sizeof(struct ioc));
		s->v[t][at].value = v;
		s->v[t][at].source = src;
	}
	s->n[t]++;
	return 0;
}

static int
cmp_t(enum rp_mail_ioc_type t, const char *a, const char *b)
{
	return t == RP_IOC_FILENAME || t == RP_IOC_EMAIL ? strcasecmp(a, b) : strcmp(a, b);
}

/* the index of v in the sorted list of type t, or where it would go (*found 0) */
static size_t
search(const struct rp_mail_iocs *s, enum rp_mail_ioc_type t, const char *v, int *found)
{
	size_t lo = 0, hi = s->n[t];

	*found = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_t(t, v, s->v[t][mid].value);

		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static const struct ioc *
find(const struct rp_mail_iocs *s, enum rp_mail_ioc_type t, const char *v)
{
	int found;
	size_t i = search(s, t, v, &found);

	return found ? &s->v[t][i] : NULL;
}

const char *
mail_iocs_match(const struct rp_mail_iocs *s, enum rp_mail_ioc_type t, const char *value,
    const char **source)
{
	const struct ioc *hit = NULL;
	char buf[4096];

	if (s == NULL || (unsigned)t >= RP_IOC_NTYPES || s->n[t] == 0)
		return NULL;
	if (t == RP_IOC_DOMAIN) {
		const char *p;

		snprintf(buf, sizeof(buf), "%s", value);
		normalise(t, buf);
		for (p = buf; p && *p; ) {
			if ((hit = find(s, t, p)) != NULL)
				break;
			p = strchr(p, '.');
			if (p)
				p++;
		}
	} else if (t == RP_IOC_URL || t == RP_IOC_SHA256) {
		snprintf(buf, sizeof(buf), "%s", value);
		normalise(t, buf);
		hit = find(s, t, buf);
	} else {
		hit = find(s, t, value);
	}
	if (hit == NULL)
		return NULL;
	if (source)
		*source = hit->source;
	return hit->value;
}

/* ---- files ---- */

static const struct {
	const char *object, *prop;
	enum rp_mail_ioc_type t;
} stix_props[] = {
	{ "file", "hashes.'SHA-256'", RP_IOC_SHA256 },
	{ "file", "hashes.SHA-256", RP_IOC_SHA256 },
	{ "file", "hashes.'sha256'", RP_IOC_SHA256 },
	{ "file", "name", RP_IOC_FILENAME },
	{ "domain-name", "value", RP_IOC_DOMAIN },
	{ "url", "value", RP_IOC_URL },
	{ "email-addr", "value", RP_IOC_EMAIL },
	{ "email-message", "from_ref.value", RP_IOC_EMAIL },
	{ "email-message", "sender_ref.value", RP_IOC_EMAIL },
	{ "ipv4-addr", "value", RP_IOC_IPV4 },
};

/* Each comparison "object:prop = 'value'" of a STIX pattern. */
static int
stix_pattern(struct rp_mail_iocs *s, const char *p, const char *source, size_t *added)
{
	struct rp_buf val = RP_BUF_INIT;
	int r = 0;

	rp_buf_init(&val, 4096);
	while (*p) {
		const char *colon, *eq, *q;
		size_t i;

		/* an object path starts after '[' or after AND/OR */
		while (*p && (*p == '[' || *p == ' ' || *p == '(' || *p == ')' || *p == ']'))
			p++;
		if (*p == '\0')
			break;
		colon = strchr(p, ':');
		eq = colon ? strchr(colon, '=') : NULL;
		if (colon == NULL || eq == NULL)
			break;
		q = eq + 1;
		while (*q == ' ')
			q++;
		if (*q != '\'') {
			p = q;
			while (*p && *p != ' ' && *p != ']')
				p++;
			continue;
		}
		rp_buf_reset(&val);
		for (q++; *q && *q != '\''; q++) {
			if (*q == '\\' && q[1])
				q++;
			if (rp_buf_addch(&val, *q) != 0)
				break;
		}
		for (i = 0; i < sizeof(stix_props) / sizeof(stix_props[0]); i++) {
			size_t ol = strlen(stix_props[i].object), pl = strlen(stix_props[i].prop);
			const char *pe = eq;

			while (pe > colon && pe[-1] == ' ')
				pe--;
			if ((size_t)(colon - p) == ol && memcmp(p, stix_props[i].object, ol) == 0 &&
			    (size_t)(pe - colon - 1) == pl && memcmp(colon + 1, stix_props[i].prop, pl) == 0) {
				if (rp_mail_iocs_add(s, stix_props[i].t, val.buf, source) == 0)
					(*added)++;
				break;
			}
		}
		p = *q ? q + 1 : q;
		/* to the next comparison */
		while (*p == ' ' || *p == ']')
			p++;
		if (strncmp(p, "AND", 3) == 0 || strncmp(p, "OR", 2) == 0 ||
		    strncmp(p, "FOLLOWEDBY", 10) == 0)
			while (*p && *p != ' ')
				p++;
	}
	rp_buf_release(&val);
	return r;
}

static int
load_stix(struct rp_mail_iocs *s, const char *text, size_t len, const char *source)
{
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *objs, *o;
	size_t i, added = 0;
	int r = 0;

	if (rp_jdoc_parse(&doc, text, len) != 0)
		return RP_ERR_FORMAT;
	objs = rp_jv_get(rp_jdoc_root(doc), "objects");
	if (rp_jv_type(objs) != RP_JV_ARRAY) {
		rp_jdoc_free(doc);
		return RP_ERR_FORMAT;
	}
	for (i = 0; i < rp_jv_len(objs); i++) {
		o = rp_jv_at(objs, i);
		const char *type = rp_jv_str(rp_jv_get(o, "type"));
		const char *v;

		if (type == NULL)
			continue;
		if (strcmp(type, "indicator") == 0) {
			const char *pt = rp_jv_str(rp_jv_get(o, "pattern_type"));
			const char *pat = rp_jv_str(rp_jv_get(o, "pattern"));

			if (pat && (pt == NULL || strcmp(pt, "stix") == 0))
				stix_pattern(s, pat, source, &added);
		} else if (strcmp(type, "domain-name") == 0 &&
		    (v = rp_jv_str(rp_jv_get(o, "value"))) != NULL) {
			added += rp_mail_iocs_add(s, RP_IOC_DOMAIN, v, source) == 0;
		} else if (strcmp(type, "url") == 0 &&
		    (v = rp_jv_str(rp_jv_get(o, "value"))) != NULL) {
			added += rp_mail_iocs_add(s, RP_IOC_URL, v, source) == 0;
		} else if (strcmp(type, "email-addr") == 0 &&
		    (v = rp_jv_str(rp_jv_get(o, "value"))) != NULL) {
			added += rp_mail_iocs_add(s, RP_IOC_EMAIL, v, source) == 0;
		} else if (strcmp(type, "ipv4-addr") == 0 &&
		    (v = rp_jv_str(rp_jv_get(o, "value"))) != NULL) {
			added += rp_mail_iocs_add(s, RP_IOC_IPV4, v, source) == 0;
		} else if (strcmp(type, "file") == 0) {
			const struct rp_jv *h = rp_jv_get(o, "hashes");

			if ((v = rp_jv_str(rp_jv_get(h, "SHA-256"))) != NULL)
				added += rp_mail_iocs_add(s, RP_IOC_SHA256, v, source) == 0;
			if ((v = rp_jv_str(rp_jv_get(o, "name"))) != NULL)
				added += rp_mail_iocs_add(s, RP_IOC_FILENAME, v, source) == 0;
		}
	}
	rp_jdoc_free(doc);
	return r;
}

int
rp_mail_iocs_load(struct rp_mail_iocs *s, const char *text, size_t len, const char *source,
    int *err_line)
{
	const char *p = text, *end = text + len;
	char line[4200];
	int ln = 0, r;

	if (err_line)
		*err_line = 0;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	if (p < end && *p == '{') {
		if ((r = load_stix(s, text, len, source)) != 0 && err_line)
			*err_line = 0;
		return r;
	}
	p = text;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *colon, *e;
		int t;

		ln++;
		if (n >= sizeof(line)) {
			if (err_line)
				*err_line = ln;
			return RP_ERR_FORMAT;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p = nl ? nl + 1 : end;
		e = line + n;
		while (e > line && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		{
			char *b = line;

			while (*b == ' ' || *b == '\t')
				b++;
			if (*b == '\0' || *b == '#')
				continue;
			if ((colon = strchr(b, ':')) == NULL) {
				if (err_line)
					*err_line = ln;
				return RP_ERR_FORMAT;
			}
			*colon = '\0';
			if ((t = rp_mail_ioc_type_lookup(b)) < 0 ||
			    (r = rp_mail_iocs_add(s, (enum rp_mail_ioc_type)t, colon + 1, source)) != 0) {
				if (err_line)
					*err_line = ln;
				return t < 0 ? RP_ERR_FORMAT : r;
			}
		}
	}
	return 0;
}
