/* Results of other commands attached to a case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "case/case.h"
#include "core/err.h"
#include "core/json.h"
#include "core/sha256.h"

void
rp_attach_info_release(struct rp_attach_info *a)
{
	if (a == NULL)
		return;
	free(a->source);
	free(a->summary);
	a->source = NULL;
	a->summary = NULL;
}

int
rp_attach_parse(const void *data, size_t len, const char *source,
    struct rp_attach_info *out)
{
	const char *buf = data, *line, *end;
	char *tool = NULL, *first_kind = NULL;
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = rp_sha256_hex(buf, len, out->sha256)) != 0)
		return r;
	/* every line must be a JSON object with "kind"; the summary is the last one */
	for (line = buf; line < buf + len; line = end + 1) {
		struct rp_jdoc *doc = NULL;
		const struct rp_jv *o;
		const char *kind, *t;

		if ((end = memchr(line, '\n', (size_t)(buf + len - line))) == NULL)
			end = buf + len;
		if (end == line)
			continue;
		out->lines++;
		if (rp_jdoc_parse(&doc, line, (size_t)(end - line)) != 0 ||
		    (kind = rp_jv_str(rp_jv_get(o = rp_jdoc_root(doc), "kind"))) == NULL) {
			rp_jdoc_free(doc);
			out->bad_line = out->lines;
			r = RP_ERR_FORMAT;
			goto out;
		}
		if (strcmp(kind, "summary") == 0) {
			/* the tool that made the file names itself in its summary */
			if ((t = rp_jv_str(rp_jv_get(o, "command"))) == NULL)
				t = rp_jv_str(rp_jv_get(o, "tool"));
			free(out->summary);
			out->summary = rp_jv_dump(o);
			if (t && tool == NULL)
				tool = strdup(t);
			if (out->summary == NULL || (t && tool == NULL)) {
				rp_jdoc_free(doc);
				r = RP_ERR_NOMEM;
				goto out;
			}
		} else if (first_kind == NULL && (first_kind = strdup(kind)) == NULL) {
			rp_jdoc_free(doc);
			r = RP_ERR_NOMEM;
			goto out;
		}
		rp_jdoc_free(doc);
	}
	if (out->summary == NULL) {
		r = RP_ERR_NOTFOUND;
		goto out;
	}
	out->source = strdup(source ? source : tool ? tool : first_kind ? first_kind : "summary");
	r = out->source ? 0 : RP_ERR_NOMEM;
out:
	free(tool);
	free(first_kind);
	if (r != 0) {
		free(out->summary);
		out->summary = NULL;
	}
	return r;
}

int
rp_case_attach(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *name, const struct rp_attach_info *a, struct rp_buf *text)
{
	struct rp_buf t = RP_BUF_INIT, s = RP_BUF_INIT;
	int r;

	if (a->summary == NULL || a->source == NULL)
		return RP_ERR_INVALID;
	if ((r = rp_buf_addf(&t, "attached '%s' (%s results; %zu lines, SHA-256 %s)", name,
	    a->source, a->lines, a->sha256)) != 0 ||
	    (r = rp_buf_addch(&s, '\x01')) != 0 || (r = rp_buf_addstr(&s, a->summary)) != 0)
		goto out;
	if ((r = rp_case_record(st, case_id, now, "attach", actor, t.buf, "file", name,
	    "sha256", a->sha256, "source", a->source, "summary", s.buf, NULL)) != 0)
		goto out;
	if (text)
		r = rp_buf_addstr(text, t.buf);
out:
	rp_buf_release(&t);
	rp_buf_release(&s);
	return r;
}

static int
digest_member(const char *key, const struct rp_jv *v, void *ctx)
{
	struct rp_buf *b = ctx;
	const char *sep = b->len ? ", " : "";

	if (strcmp(key, "kind") == 0)
		return 0;
	switch (rp_jv_type(v)) {
	case RP_JV_INT:
		return rp_buf_addf(b, "%s%s %lld", sep, key, (long long)rp_jv_integer(v));
	case RP_JV_REAL:
		return rp_buf_addf(b, "%s%s %.4g", sep, key, rp_jv_real(v));
	case RP_JV_STRING:
		return rp_buf_addf(b, "%s%s %s", sep, key, rp_jv_str(v));
	case RP_JV_TRUE:
	case RP_JV_FALSE:
		return rp_buf_addf(b, "%s%s %s", sep, key, rp_jv_is_true(v) ? "yes" : "no");
	default:
		return 0;     /* arrays and objects: too long for a digest */
	}
}

char *
rp_attach_digest(const char *summary)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_jdoc *doc = NULL;
	char *out;
	int r;

	/* a summary that is not an object has nothing to digest (not an error) */
	if (rp_jdoc_parse(&doc, summary, strlen(summary)) != 0)
		return strdup("");
	r = rp_jv_each(rp_jdoc_root(doc), digest_member, &b);
	rp_jdoc_free(doc);
	if (r != 0) {
		rp_buf_release(&b);
		return NULL;
	}
	out = rp_buf_detach(&b, NULL);
	return out ? out : strdup("");
}
