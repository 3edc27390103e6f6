/* Request targets, URL-encoded forms and cookies (see form.h). */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/escape.h"
#include "serve/form.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decodes s[0..len) (plus: '+' is a space) into out. */
static int
pct_decode(const char *s, size_t len, int plus, struct rp_buf *out)
{
	size_t i;
	int hi, lo, r = 0;

	for (i = 0; i < len && r == 0; i++) {
		if (s[i] == '%') {
			if (i + 2 >= len || (hi = hexval((unsigned char)s[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)s[i + 2])) < 0)
				return RP_ERR_FORMAT;
			r = rp_buf_addch(out, hi << 4 | lo);
			i += 2;
		} else {
			r = rp_buf_addch(out, plus && s[i] == '+' ? ' ' : s[i]);
		}
	}
	return r;
}

/* Whether decoded text is acceptable: UTF-8, no controls but (when allowed) \t \r \n. */
static int
text_ok(const char *s, size_t len, int lines)
{
	size_t i;

	if (!rp_utf8_valid(s, len))
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0x7f || (c < 0x20 && !(lines && (c == '\t' || c == '\r' || c == '\n'))))
			return 0;
		/* C1 controls: U+0080..U+009F, encoded C2 80..C2 9F */
		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] < 0xa0)
			return 0;
	}
	return 1;
}

void
rp_form_release(struct rp_form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].name);
		free(f->v[i].value);
	}
	memset(f, 0, sizeof(*f));
}

int
rp_form_parse(const char *s, size_t len, struct rp_form *out)
{
	struct rp_buf name = RP_BUF_INIT, value = RP_BUF_INIT;
	size_t i = 0, end, eq;
	int r = 0;

	memset(out, 0, sizeof(*out));
	if (len > RP_FORM_MAX_INPUT)
		return RP_ERR_TOOBIG;
	rp_buf_init(&name, RP_FORM_MAX_NAME);
	rp_buf_init(&value, RP_FORM_MAX_INPUT);
	while (i < len) {
		for (end = i; end < len && s[end] != '&'; end++)
			;
		if (end > i) {    /* "a=1&&b=2": an empty field is nothing */
			for (eq = i; eq < end && s[eq] != '='; eq++)
				;
			rp_buf_reset(&name);
			rp_buf_reset(&value);
			if ((r = pct_decode(s + i, eq - i, 1, &name)) != 0 ||
			    (eq < end && (r = pct_decode(s + eq + 1, end - eq - 1, 1, &value)) != 0))
				goto out;
			if (name.len == 0 || !text_ok(name.buf, name.len, 0) ||
			    !text_ok(value.buf, value.len, 1)) {
				r = RP_ERR_FORMAT;
				goto out;
			}
			if (out->n >= RP_FORM_MAX_FIELDS) {
				r = RP_ERR_TOOBIG;
				goto out;
			}
			out->v[out->n].value_len = value.len;
			if ((out->v[out->n].name = strdup(name.buf)) == NULL ||
			    (out->v[out->n].value = strdup(value.buf)) == NULL) {
				out->n++;
				r = RP_ERR_NOMEM;
				goto out;
			}
			out->n++;
		}
		i = end + 1;
	}
out:
	rp_buf_release(&name);
	rp_buf_release(&value);
	if (r != 0)
		rp_form_release(out);
	return r;
}

const char *
rp_form_get(const struct rp_form *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->v[i].name, name) == 0)
			return f->v[i].value;
	return NULL;
}

int
rp_target_split(const char *target, struct rp_buf *path, const char **query)
{
	const char *q = strchr(target, '?');
	size_t len = q ? (size_t)(q - target) : strlen(target), i, seg;
	int r;

	*query = q ? q + 1 : NULL;
	rp_buf_reset(path);
	if (len == 0 || target[0] != '/')
		return RP_ERR_FORMAT;
	if (len > 3 * RP_PATH_MAX)
		return RP_ERR_TOOBIG;
	if ((r = pct_decode(target, len, 0, path)) != 0)
		return r;
	if (path->len > RP_PATH_MAX)
		return RP_ERR_TOOBIG;
	if (!text_ok(path->buf, path->len, 0))
		return RP_ERR_FORMAT;
	/* segments: no "." or "..", no empty one inside ("//") */
	for (i = 1, seg = 1; i <= path->len; i++) {
		if (i < path->len && path->buf[i] != '/')
			continue;
		if ((i - seg == 0 && i < path->len) ||
		    (i - seg == 1 && path->buf[seg] == '.') ||
		    (i - seg == 2 && path->buf[seg] == '.' && path->buf[seg + 1] == '.'))
			return RP_ERR_FORMAT;
		seg = i + 1;
	}
	return 0;
}

int
rp_cookie_get(const char *h, const char *name, char *out, size_t size)
{
	size_t nlen = strlen(name), vlen;
	const char *p = h, *v, *end;

	if (h == NULL)
		return RP_ERR_NOTFOUND;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		if (!*p)
			break;
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		if ((size_t)(end - p) > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
			v = p + nlen + 1;
			vlen = (size_t)(end - v);
			while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
				vlen--;
			if (vlen >= size)
				return RP_ERR_TOOBIG;
			memcpy(out, v, vlen);
			out[vlen] = '\0';
			return 0;
		}
		p = end;
	}
	return RP_ERR_NOTFOUND;
}
