/* Indicators of compromise: what is accepted, and how it is kept. */
#include <arpa/inet.h>
#include <string.h>

#include "case/case.h"
#include "core/err.h"
#include "core/escape.h"

const char *const rp_ioc_types[] = {
	"sha256", "domain", "ipv4", "url", "email", "filename", NULL,
};

/* An indicator travels into letters, STIX files and other tools' rule sets: bounded,
 * UTF-8, no control characters (a newline would forge a line in every one of them). */
#define IOC_MAX 2048

int
rp_ioc_check(const char *type, const char *v)
{
	struct in_addr a;
	const char *at;
	size_t n, i;
	int ok;

	for (i = 0; type && rp_ioc_types[i]; i++)
		if (strcmp(rp_ioc_types[i], type) == 0)
			break;
	if (type == NULL || rp_ioc_types[i] == NULL)
		return RP_ERR_INVALID;
	n = v ? strlen(v) : 0;
	if (n == 0 || n > IOC_MAX || !rp_utf8_valid(v, n))
		return RP_ERR_FORMAT;
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
			return RP_ERR_FORMAT;
	if (strcmp(type, "sha256") == 0) {
		ok = n == 64 && strspn(v, "0123456789abcdefABCDEF") == 64;
	} else if (strcmp(type, "ipv4") == 0) {
		ok = inet_pton(AF_INET, v, &a) == 1;
	} else if (strcmp(type, "domain") == 0) {
		ok = n <= 253 && strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789.-") == n && strchr(v, '.') && v[0] != '.' && v[0] != '-';
	} else if (strcmp(type, "url") == 0) {
		ok = strstr(v, "://") != NULL && strchr(v, ' ') == NULL;
	} else if (strcmp(type, "email") == 0) {
		at = strchr(v, '@');
		ok = at && at != v && at[1] && !strchr(v, ' ');
	} else {                                  /* filename: a name, not a path */
		ok = strchr(v, '/') == NULL;
	}
	return ok ? 0 : RP_ERR_FORMAT;
}

int
rp_ioc_normalise(const char *type, const char *value, struct rp_buf *out)
{
	size_t start = out->len, i;
	int r;

	if ((r = rp_buf_addstr(out, value)) != 0)
		return r;
	/* hashes and domain names are case-insensitive: one way of writing each */
	if (strcmp(type, "sha256") == 0 || strcmp(type, "domain") == 0)
		for (i = start; i < out->len; i++)
			if (out->buf[i] >= 'A' && out->buf[i] <= 'Z')
				out->buf[i] = (char)(out->buf[i] - 'A' + 'a');
	return 0;
}

int
rp_case_ioc_add(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *type, const char *value)
{
	struct rp_buf t = RP_BUF_INIT, v = RP_BUF_INIT;
	int r;

	if ((r = rp_ioc_check(type, value)) != 0)
		return r;
	if ((r = rp_ioc_normalise(type, value, &v)) == 0 &&
	    (r = rp_buf_addf(&t, "IOC %s: %s", type, v.buf)) == 0)
		r = rp_case_record(st, case_id, now, "ioc", actor, t.buf, "type", type, "value",
		    v.buf, NULL);
	rp_buf_release(&t);
	rp_buf_release(&v);
	return r;
}
