/*
 * A record's JSON: written here in one fixed key order (its hash is how a push tells
 * that it changed), and checked here before it leaves the queue: the queue is a table
 * in a file on the practice's server, so what comes out of it is read as untrusted
 * input (fuzzed: tests/fuzz/fuzz-fleetrecord.c). A record the centre would refuse costs
 * that record, not the push.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "fleet/internal.h"
#include "core/json.h"

/* ---------------------------------------------------------------- writing */

static void
fj_key(struct rp_fj *j, const char *key)
{
	if (j->err == 0)
		j->err = rp_buf_addf(j->b, ",\"%s\":", key);
}

void
rp_fj_begin(struct rp_fj *j, struct rp_buf *b, const char *kind, const char *rid)
{
	int lossy = 0;

	j->b = b;
	j->err = rp_buf_addstr(b, "{\"kind\":");
	if (j->err == 0)
		j->err = rp_json_str(b, kind);
	if (j->err == 0)
		j->err = rp_buf_addstr(b, ",\"rid\":\"");
	if (j->err == 0)
		j->err = rp_esc_json(b, rid, strlen(rid), &lossy);
	if (j->err == 0)
		j->err = rp_buf_addch(b, '"');
}

void
rp_fj_str(struct rp_fj *j, const char *key, const char *v)
{
	rp_fj_bytes(j, key, v, v ? strlen(v) : 0);
}

void
rp_fj_bytes(struct rp_fj *j, const char *key, const char *v, size_t len)
{
	int lossy = 0;

	fj_key(j, key);
	if (j->err)
		return;
	if (v == NULL) {
		j->err = rp_buf_addstr(j->b, "null");
		return;
	}
	if ((j->err = rp_buf_addch(j->b, '"')) != 0 ||
	    (j->err = rp_esc_json(j->b, v, len, &lossy)) != 0 ||
	    (j->err = rp_buf_addch(j->b, '"')) != 0)
		return;
	if (lossy) {
		/* the exact bytes too: a name in invalid UTF-8 is still that name */
		if ((j->err = rp_buf_addf(j->b, ",\"%s_hex\":\"", key)) == 0 &&
		    (j->err = rp_hex(j->b, v, len)) == 0)
			j->err = rp_buf_addch(j->b, '"');
	}
}

void
rp_fj_int(struct rp_fj *j, const char *key, int64_t v)
{
	fj_key(j, key);
	if (j->err == 0)
		j->err = rp_buf_addf(j->b, "%lld", (long long)v);
}

void
rp_fj_bool(struct rp_fj *j, const char *key, int v)
{
	fj_key(j, key);
	if (j->err == 0)
		j->err = rp_buf_addstr(j->b, v ? "true" : "false");
}

void
rp_fj_time(struct rp_fj *j, const char *key, int64_t t)
{
	fj_key(j, key);
	if (j->err)
		return;
	if (t == RP_TIME_UNSET) {
		j->err = rp_buf_addstr(j->b, "null");
		return;
	}
	if ((j->err = rp_buf_addch(j->b, '"')) == 0 && (j->err = rp_time_fmt_utc(j->b, t)) == 0)
		j->err = rp_buf_addch(j->b, '"');
}

void
rp_fj_json(struct rp_fj *j, const char *key, const char *json)
{
	struct rp_jdoc *d = NULL;

	/* only a JSON value we can read goes in as it is; anything else as a string */
	if (json == NULL || rp_jdoc_parse(&d, json, strlen(json)) != 0) {
		rp_fj_str(j, key, json);
		return;
	}
	rp_jdoc_free(d);
	fj_key(j, key);
	if (j->err == 0)
		j->err = rp_buf_addstr(j->b, json);
}

int
rp_fj_end(struct rp_fj *j)
{
	if (j->err == 0)
		j->err = rp_buf_addch(j->b, '}');
	return j->err;
}

/* ---------------------------------------------------------------- checking */

static const char *const kinds[] = {
	"case", "deadline", "journal", "alert", "finding", "canary", "summary", "drill", NULL,
};

int
rp_fleet_kind_known(const char *k)
{
	size_t i;

	for (i = 0; k && kinds[i]; i++)
		if (strcmp(kinds[i], k) == 0)
			return 1;
	return 0;
}

/* "YYYY-MM-DDTHH:MM:SSZ" of a real instant (it writes itself back the same). */
static int
time_ok(const char *s)
{
	struct rp_buf b = RP_BUF_INIT;
	int64_t t;
	int ok;

	if (strlen(s) != 20 || s[10] != 'T' || s[19] != 'Z' || rp_time_parse(s, &t, NULL) != 0)
		return 0;
	ok = rp_time_fmt_utc(&b, t) == 0 && strcmp(b.buf, s) == 0;
	rp_buf_release(&b);
	return ok;
}

static int
text_ok(const char *s, size_t max)
{
	size_t n = strlen(s), i;

	if (n == 0 || n > max || !rp_utf8_valid(s, n))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}

int
rp_fleet_record_check(const char *json, size_t len, char **kind, char **rid, const char **why)
{
	static const char *const times[] = {
		"time", "due", "discovered", "opened", "closed", "done", NULL,
	};
	struct rp_jdoc *d = NULL;
	const struct rp_jv *o, *v;
	const char *k, *id, *w = NULL;
	int64_t n;
	size_t i;
	int r = RP_ERR_FORMAT;

	if (kind)
		*kind = NULL;
	if (rid)
		*rid = NULL;
	if (len > RP_FLEET_RECORD_MAX) {
		w = "longer than 1 MiB";
		goto out;
	}
	if (memchr(json, '\0', len) != NULL) {
		w = "a NUL byte";
		goto out;
	}
	if (rp_jdoc_parse(&d, json, len) != 0 || !rp_jv_is_object(o = rp_jdoc_root(d))) {
		w = "not a JSON object";
		goto out;
	}
	if ((k = rp_jv_str(rp_jv_get(o, "kind"))) == NULL || !rp_fleet_kind_known(k)) {
		w = "no known \"kind\"";
		goto out;
	}
	if ((id = rp_jv_str(rp_jv_get(o, "rid"))) == NULL || !text_ok(id, RP_FLEET_RID_MAX)) {
		w = "no \"rid\" of 1 to 512 bytes of UTF-8 text";
		goto out;
	}
	if ((v = rp_jv_get(o, "gone")) != NULL && !rp_jv_is_true(v) && !rp_jv_is_null(v)) {
		w = "\"gone\" is neither true nor null";
		goto out;
	}
	for (i = 0; times[i]; i++) {
		if ((v = rp_jv_get(o, times[i])) == NULL || rp_jv_is_null(v))
			continue;
		if (rp_jv_str(v) == NULL || !time_ok(rp_jv_str(v))) {
			w = "a time that is not YYYY-MM-DDTHH:MM:SSZ";
			goto out;
		}
	}
	if ((v = rp_jv_get(o, "case")) != NULL && !rp_jv_is_null(v) &&
	    (rp_jv_str(v) != NULL || rp_jv_int(v, &n) != 0 || n < 1)) {
		w = "\"case\" is not a positive integer";
		goto out;
	}
	if ((kind && (*kind = strdup(k)) == NULL) || (rid && (*rid = strdup(id)) == NULL)) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	r = 0;
out:
	if (r != 0) {
		if (kind) {
			free(*kind);
			*kind = NULL;
		}
		if (rid) {
			free(*rid);
			*rid = NULL;
		}
	}
	if (why)
		*why = w;
	rp_jdoc_free(d);
	return r;
}
