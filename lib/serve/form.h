/*
 * What a browser sends that the dashboard reads: the request target (path and query),
 * application/x-www-form-urlencoded bodies and the Cookie header. Attacker-controlled
 * text: every size is bounded before anything is decoded, and a bad input is an error
 * for that request (400), never a crash. Fuzzed by tests/fuzz/fuzz-serveform.c. No
 * global state; thread-safe.
 */
#ifndef RP_SERVE_FORM_H
#define RP_SERVE_FORM_H

#include <stddef.h>

#include "core/buf.h"

#define RP_FORM_MAX_FIELDS 32        /* fields of one form or query */
#define RP_FORM_MAX_NAME   64        /* bytes of a decoded field name */
#define RP_FORM_MAX_INPUT  (64 << 10) /* bytes of an encoded form or query */
#define RP_PATH_MAX        1024      /* bytes of a decoded path */

struct rp_form_field {
	char *name;                  /* decoded, NUL-terminated */
	char *value;
	size_t value_len;
};
struct rp_form {
	struct rp_form_field v[RP_FORM_MAX_FIELDS];
	size_t n;
};

/*
 * Parses len bytes of a URL-encoded form or query string ('&'-separated name=value,
 * '+' a space, %XX a byte). Each decoded name and value must be UTF-8 without NUL or
 * other control characters (values may hold tab, CR and LF: a textarea's lines).
 * RP_ERR_FORMAT for a bad escape or bad text, RP_ERR_TOOBIG past the bounds above,
 * RP_ERR_NOMEM. On error *out is empty. Release with rp_form_release.
 */
int rp_form_parse(const char *s, size_t len, struct rp_form *out);
/* The first value of name, or NULL. */
const char *rp_form_get(const struct rp_form *f, const char *name);
void rp_form_release(struct rp_form *f);    /* accepts a zeroed struct */

/*
 * Splits a request target (origin form, as sent) into its path, percent-decoded into
 * path, and its query (a pointer into target after '?', or NULL). The path must start
 * with '/', decode to UTF-8 without control characters, and hold no "." or ".." segment
 * and no empty one but the last; RP_ERR_FORMAT otherwise, RP_ERR_TOOBIG past
 * RP_PATH_MAX.
 */
int rp_target_split(const char *target, struct rp_buf *path, const char **query);

/*
 * The value of cookie name in a Cookie header ("a=1; b=2"), copied into out (size
 * bytes with its NUL): 0, RP_ERR_NOTFOUND when it is not there, RP_ERR_TOOBIG when it
 * does not fit. Values are taken as they are (our cookies are hex).
 */
int rp_cookie_get(const char *header, const char *name, char *out, size_t size);

#endif
