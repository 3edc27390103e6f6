#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yara.h>

#include "core/data.h"
#include "core/file.h"
#include "core/err.h"
#include "core/memo.h"
#include "detect/yara.h"

struct rp_yara_rules {
	YR_RULES *rules;
};

/* rp_yara_match's answers remembered by content (core/memo.h): the same note dropped
 * in every folder is matched once; a match depends on the bytes alone (no module, no
 * external variable, and the rules do not change under a scanner) */
#define MEMO_KEPT 32
#define MEMO_BYTES (16 * 1024)

struct rp_yara_scanner {
	YR_SCANNER *sc;
	struct rp_memo *memo;
	const char *matched;     /* rule identifier of the first match, during a scan */
	/* rp_yara_match_each */
	int (*each)(const char *rule, const char *ns, const char *verdict, void *ctx);
	void *each_ctx;
	int nmatched;
};

struct compile_ctx {
	YR_COMPILER *c;
	const char *dir;
	struct rp_buf *err;
	const char *file;
	const char *prefix;
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
	/* only the files directly under the prefix: rules/mail/ is not the notes' */
	if (strchr(name + strlen(cc->prefix), '/') != NULL)
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
	return rp_yara_compile_dir(out, data_dir, prefix, NULL, err);
}

/* every .yar/.yara file of a directory on disk, each in its own namespace */
static int
add_dir(struct compile_ctx *cc, const char *dir)
{
	struct rp_buf src = RP_BUF_INIT, path = RP_BUF_INIT;
	struct dirent **ents = NULL;
	int n, i, r = 0;

	if ((n = scandir(dir, &ents, NULL, alphasort)) < 0)
		return RP_ERR_NOTFOUND;
	for (i = 0; i < n; i++) {
		const char *nm = ents[i]->d_name;
		size_t l = strlen(nm);

		if (r != 0 || nm[0] == '.' || !((l > 4 && strcmp(nm + l - 4, ".yar") == 0) ||
		    (l > 5 && strcmp(nm + l - 5, ".yara") == 0)))
			continue;
		rp_buf_reset(&src);
		rp_buf_reset(&path);
		rp_buf_addf(&path, "%s/%s", dir, nm);
		if ((r = rp_file_read_all(AT_FDCWD, path.buf, &src, 16u << 20)) != 0) {
			if (cc->err && cc->err->len == 0)
				rp_buf_addf(cc->err, "%s: cannot read", path.buf);
			continue;
		}
		cc->file = nm;
		if (yr_compiler_add_string(cc->c, src.buf, nm) != 0 || cc->failed)
			r = RP_ERR_YARA;
	}
	for (i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
	rp_buf_release(&src);
	rp_buf_release(&path);
	return r;
}

int
rp_yara_compile_dir(struct rp_yara_rules **out, const char *data_dir, const char *prefix,
    const char *extra_dir, struct rp_buf *err)
{
	struct compile_ctx cc = { .dir = data_dir, .err = err, .prefix = prefix };
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
	if (extra_dir && (rc = add_dir(&cc, extra_dir)) != 0)
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
	if (rp_memo_new(&s->memo, MEMO_KEPT, MEMO_BYTES) != 0) {
		free(s);
		return RP_ERR_NOMEM;
	}
	if (yr_scanner_create(r->rules, &s->sc) != ERROR_SUCCESS) {
		rp_memo_free(s->memo);
		free(s);
		return RP_ERR_YARA;
	}
	yr_scanner_set_callback(s->sc, on_scan, s);
	/*
	 * No try/catch: YARA guards each scan against SIGBUS/SIGSEGV (a mapped file
	 * truncated under it) by installing signal handlers and a sigsetjmp per scan,
	 * four system calls and a process-wide lock each time. We only ever scan buffers
	 * we read into our own memory, which cannot fault that way.
	 */
	yr_scanner_set_flags(s->sc, SCAN_FLAGS_FAST_MODE | SCAN_FLAGS_NO_TRYCATCH);
	*out = s;
	return 0;
}

void
rp_yara_scanner_free(struct rp_yara_scanner *s)
{
	if (s == NULL)
		return;
	yr_scanner_destroy(s->sc);
	rp_memo_free(s->memo);
	free(s);
}

int
rp_yara_match(struct rp_yara_scanner *s, const void *buf, size_t len, char *rule, size_t n)
{
	const char *known;
	int rc;

	/* remembered: "" for no match, else the rule */
	if ((known = rp_memo_get(s->memo, buf, len)) != NULL) {
		if (known[0] == '\0')
			return 0;
		snprintf(rule, n, "%s", known);
		return 1;
	}
	s->matched = NULL;
	rc = yr_scanner_scan_mem(s->sc, buf, len);
	if (rc != ERROR_SUCCESS && rc != ERROR_CALLBACK_ERROR)
		return RP_ERR_YARA;
	rp_memo_put(s->memo, buf, len, s->matched ? s->matched : "");
	if (s->matched == NULL)
		return 0;
	snprintf(rule, n, "%s", s->matched);
	return 1;
}

static int
on_scan_each(YR_SCAN_CONTEXT *ctx, int message, void *data, void *user)
{
	struct rp_yara_scanner *s = user;
	const YR_RULE *rule = data;
	const YR_META *m;
	const char *verdict = NULL;

	if (message != CALLBACK_MSG_RULE_MATCHING)
		return CALLBACK_CONTINUE;
	yr_rule_metas_foreach(rule, m) {
		if (m->type == META_TYPE_STRING && strcmp(m->identifier, "verdict") == 0)
			verdict = m->string;
	}
	s->nmatched++;
	if (s->each(rule->identifier, rule->ns ? rule->ns->name : "", verdict, s->each_ctx) != 0)
		return CALLBACK_ABORT;
	return CALLBACK_CONTINUE;
}

int
rp_yara_match_each(struct rp_yara_scanner *s, const void *buf, size_t len,
    int (*fn)(const char *rule, const char *ns, const char *verdict, void *ctx), void *ctx)
{
	int rc;

	s->each = fn;
	s->each_ctx = ctx;
	s->nmatched = 0;
	yr_scanner_set_callback(s->sc, on_scan_each, s);
	rc = yr_scanner_scan_mem(s->sc, buf, len);
	yr_scanner_set_callback(s->sc, on_scan, s);
	if (rc != ERROR_SUCCESS && rc != ERROR_CALLBACK_ERROR)
		return RP_ERR_YARA;
	return s->nmatched;
}
