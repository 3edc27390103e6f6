#include <stdlib.h>
#include <string.h>

#include <yara.h>

#include "core/data.h"
#include "core/err.h"
#include "detect/yara.h"

struct rp_yara_rules {
	YR_RULES *rules;
};

struct rp_yara_scanner {
	YR_SCANNER *sc;
	const char *matched;     /* rule identifier of the first match, during a scan */
};

struct compile_ctx {
	YR_COMPILER *c;
	const char *dir;
	struct rp_buf *err;
	const char *file;
	int failed;
};

static void
on_compile_error(int level, const char *file, int line, const YR_RULE *rule,
    const char *msg, void *user)
{
	struct compile_ctx *cc = user;

	if (level != YARA_ERROR_LEVEL_ERROR)
		return;
	cc->failed = 1;
	if (cc->err && cc->err->len == 0)
		rp_buf_addf(cc->err, "%s(%d): %s", cc->file, line, msg);
}

static int
add_rules(const char *name, const void *data, size_t len, void *v)
{
	struct compile_ctx *cc = v;
	struct rp_buf src = RP_BUF_INIT;
	int r;

	if (len < 4 || strcmp(name + strlen(name) - 4, ".yar") != 0)
		return 0;
	/* the run-time directory, when given, wins over the built-in copy */
	if ((r = rp_data_load(cc->dir, name, &src)) != 0)
		goto out;
	cc->file = name;
	if (yr_compiler_add_string(cc->c, src.buf, NULL) != 0 || cc->failed)
		r = RP_ERR_YARA;
out:
	rp_buf_release(&src);
	return r;
}

int
rp_yara_compile(struct rp_yara_rules **out, const char *data_dir, struct rp_buf *err)
{
	return rp_yara_compile_set(out, data_dir, "rules/", err);
}

int
rp_yara_compile_set(struct rp_yara_rules **out, const char *data_dir, const char *prefix,
    struct rp_buf *err)
{
	struct compile_ctx cc = { .dir = data_dir, .err = err };
	struct rp_yara_rules *r = NULL;
	int rc = RP_ERR_YARA;

	if (yr_initialize() != ERROR_SUCCESS)
		return RP_ERR_YARA;
	if ((r = calloc(1, sizeof(*r))) == NULL) {
		rc = RP_ERR_NOMEM;
		goto out;
	}
	if (yr_compiler_create(&cc.c) != ERROR_SUCCESS)
		goto out;
	yr_compiler_set_callback(cc.c, on_compile_error, &cc);
	if ((rc = rp_data_each(prefix, add_rules, &cc)) != 0)
		goto out;
	if (yr_compiler_get_rules(cc.c, &r->rules) != ERROR_SUCCESS) {
		rc = RP_ERR_YARA;
		goto out;
	}
	*out = r;
	r = NULL;
	rc = 0;
out:
	if (cc.c)
		yr_compiler_destroy(cc.c);
	if (r) {
		free(r);
		yr_finalize();
	}
	return rc;
}

void
rp_yara_rules_free(struct rp_yara_rules *r)
{
	if (r == NULL)
		return;
	if (r->rules)
		yr_rules_destroy(r->rules);
	free(r);
	yr_finalize();
}

static int
on_scan(YR_SCAN_CONTEXT *ctx, int message, void *data, void *user)
{
	struct rp_yara_scanner *s = user;

	if (message == CALLBACK_MSG_RULE_MATCHING) {
		const char *id = ((YR_RULE *)data)->identifier;
		size_t n = strlen(id);

		/* a rule named *_hint is weaker: kept only when no other rule matches */
		if (n > 5 && strcmp(id + n - 5, "_hint") == 0) {
			if (s->matched == NULL)
				s->matched = id;
			return CALLBACK_CONTINUE;
		}
		s->matched = id;
		return CALLBACK_ABORT;
	}
	return CALLBACK_CONTINUE;
}

int
rp_yara_scanner_new(struct rp_yara_scanner **out, struct rp_yara_rules *r)
{
	struct rp_yara_scanner *s;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return RP_ERR_NOMEM;
	if (yr_scanner_create(r->rules, &s->sc) != ERROR_SUCCESS) {
		free(s);
		return RP_ERR_YARA;
	}
	yr_scanner_set_callback(s->sc, on_scan, s);
	yr_scanner_set_flags(s->sc, SCAN_FLAGS_FAST_MODE);
	*out = s;
	return 0;
}

void
rp_yara_scanner_free(struct rp_yara_scanner *s)
{
	if (s == NULL)
		return;
	yr_scanner_destroy(s->sc);
	free(s);
}

int
rp_yara_match(struct rp_yara_scanner *s, const void *buf, size_t len, char *rule, size_t n)
{
	int rc;

	s->matched = NULL;
	rc = yr_scanner_scan_mem(s->sc, buf, len);
	if (rc != ERROR_SUCCESS && rc != ERROR_CALLBACK_ERROR)
		return RP_ERR_YARA;
	if (s->matched == NULL)
		return 0;
	snprintf(rule, n, "%s", s->matched);
	return 1;
}
