#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
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
	size_t too_long;         /* no rule can match a buffer this long or longer */
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
	size_t too_long;         /* the rules' (struct rp_yara_rules) */
};

struct compile_ctx {
	YR_COMPILER *c;
	const char *dir;
	struct rp_buf *err;
	const char *file;
	const char *prefix;
	int failed;
	size_t too_long;         /* the longest bound of the sources added so far */
	size_t nrules;           /* the rules source_bound read in them */
};

/* Is the word W at P, not inside a longer identifier, variable or keyword? */
static int
word_at(const char *p, const char *start, const char *w)
{
	size_t n = strlen(w);

	return strncmp(p, w, n) == 0 &&
	    (p == start || !(isalnum((unsigned char)p[-1]) || strchr("_$#@!", p[-1]))) &&
	    !(isalnum((unsigned char)p[n]) || p[n] == '_');
}

/*
 * The length from which a rule condition C[0..N) cannot be true: B when it is
 * `filesize < B and ...` (or `filesize <= B - 1 and ...`, or that comparison alone)
 * with no `or` outside parentheses: `or` binds less tightly than `and`, so the
 * comparison is then a term of the whole conjunction. SIZE_MAX for any other form, or
 * a condition with a string or a regular expression in it (whose parentheses and words
 * this reading does not follow). Comments are skipped.
 */
static size_t
condition_bound(const char *c, size_t n)
{
	char t[4096];
	size_t i, k = 0, depth = 0;
	unsigned long long b = 0;
	const char *p;
	int le = 0;

	if (n >= sizeof(t))
		return SIZE_MAX;
	for (i = 0; i < n; i++) {
		if (c[i] == '/' && i + 1 < n && c[i + 1] == '/') {
			while (i < n && c[i] != '\n')
				i++;
			t[k++] = ' ';
		} else if (c[i] == '/' && i + 1 < n && c[i + 1] == '*') {
			for (i += 2; i + 1 < n && !(c[i] == '*' && c[i + 1] == '/'); i++)
				;
			if (i + 1 >= n)
				return SIZE_MAX;
			i++;
			t[k++] = ' ';
		} else if (c[i] == '"' || c[i] == '/' || c[i] == '\0') {
			return SIZE_MAX;
		} else {
			t[k++] = c[i];
		}
	}
	t[k] = '\0';
	for (p = t; isspace((unsigned char)*p); p++)
		;
	if (!word_at(p, t, "filesize"))
		return SIZE_MAX;
	for (p += 8; isspace((unsigned char)*p); p++)
		;
	if (*p++ != '<')
		return SIZE_MAX;
	if (*p == '=') {
		le = 1;
		p++;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (!isdigit((unsigned char)*p))
		return SIZE_MAX;
	for (; isdigit((unsigned char)*p); p++) {
		if (b > (SIZE_MAX - 10) / 10)
			return SIZE_MAX;
		b = b * 10 + (unsigned)(*p - '0');
	}
	/* a plain number: 2MB and hexadecimal bounds are left unread (SIZE_MAX) */
	if (*p != '\0' && !isspace((unsigned char)*p))
		return SIZE_MAX;
	while (isspace((unsigned char)*p))
		p++;
	if (*p != '\0') {
		if (!word_at(p, t, "and"))
			return SIZE_MAX;
		for (; *p; p++) {
			if (*p == '(')
				depth++;
			else if (*p == ')' && depth-- == 0)
				return SIZE_MAX;
			else if (depth == 0 && word_at(p, t, "or"))
				return SIZE_MAX;
		}
		if (depth != 0)
			return SIZE_MAX;
	}
	return le ? (size_t)b + 1 : (size_t)b;
}

/*
 * The length from which no rule of the source SRC can match: the longest of its rules'
 * condition bounds (condition_bound); *NREAD counts the rules read. Read by lines, as
 * the rule files are written: a rule opens with `rule NAME` (maybe private or global),
 * its condition with a line `condition:`, and it closes with a `}` in the first column.
 * A source written otherwise (not one condition a rule, a condition left open, an
 * include) gives SIZE_MAX, and the rules read must be as many as libyara compiled
 * (rp_yara_compile_dir): a bound is only ever a proof.
 */
static size_t
source_bound(const char *src, size_t *nread)
{
	const char *l = src, *cond = NULL;
	size_t nrules = 0, nconds = 0, bound = 0, b;

	while (*l) {
		const char *e = strchr(l, '\n'), *w = l;

		if (e == NULL)
			e = l + strlen(l);
		while (w < e && (*w == ' ' || *w == '\t'))
			w++;
		while (word_at(w, l, "private") || word_at(w, l, "global")) {
			w += w[0] == 'p' ? 7 : 6;
			while (w < e && (*w == ' ' || *w == '\t'))
				w++;
		}
		/* an included file's rules are not read here */
		if (word_at(w, l, "include"))
			return SIZE_MAX;
		if (word_at(w, l, "rule")) {
			if (cond)
				return SIZE_MAX;
			nrules++;
		} else if (strncmp(w, "condition:", 10) == 0) {
			if (cond)
				return SIZE_MAX;
			cond = w + 10;
			nconds++;
		} else if (*l == '}' && cond) {
			if ((b = condition_bound(cond, (size_t)(l - cond))) > bound)
				bound = b;
			cond = NULL;
		}
		l = *e ? e + 1 : e;
	}
	*nread += nrules;
	return cond || nrules != nconds ? SIZE_MAX : bound;
}

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

/* One source into the set, in namespace NS (NULL: the default one). */
static int
add_source(struct compile_ctx *cc, const char *src, const char *ns)
{
	size_t b;

	if (yr_compiler_add_string(cc->c, src, ns) != 0 || cc->failed)
		return RP_ERR_YARA;
	if ((b = source_bound(src, &cc->nrules)) > cc->too_long)
		cc->too_long = b;
	return 0;
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
	r = add_source(cc, src.buf, NULL);
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
		r = add_source(cc, src.buf, nm);
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
	/* a rule in a comment, or one this reading missed, and the bound proves nothing */
	{
		const YR_RULE *rule;
		size_t n = 0;

		yr_rules_foreach(r->rules, rule)
			n++;
		r->too_long = n == cc.nrules ? cc.too_long : SIZE_MAX;
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

size_t
rp_yara_rules_too_long(const struct rp_yara_rules *r)
{
	return r->too_long;
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
	s->too_long = r->too_long;
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

	/* YARA's filesize is the buffer's length: every rule of the short-note set says
	 * filesize < 600, and the engine asks it of texts up to 1 KiB (a third of that
	 * set's scans on a tree of notes that all differ, half its CPU, none a match) */
	if (len >= s->too_long)
		return 0;
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

	if (len >= s->too_long)
		return 0;
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
