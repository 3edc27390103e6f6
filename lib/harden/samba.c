/*
 * Samba: smb.conf read as smbd 4.17 reads it, and the checks smb1-enabled,
 * smb-guest-writable, smb-no-audit, smb-no-snapshots.
 *
 * The rules followed (checked against testparm in tests/e2e/harden-oracles.sh):
 *  - a line whose first non-blank character is '#' or ';' is a comment (also when it
 *    ends with a backslash); no comment after a value;
 *  - a backslash at the end of a line (trailing blanks allowed) joins the next line;
 *    in values, runs of blanks become their first blank;
 *  - parameter and section names compare ignoring case and blanks ("ServerMin
 *    Protocol"); [global] and [globals] are the globals; a section named again goes on;
 *  - share parameters given in [global] are every share's default; global-only
 *    parameters in a share are ignored (smbd says so);
 *  - a later value replaces an earlier one; `include =` reads a file where it stands
 *    (the current section goes on inside and after it), a missing one is skipped;
 *  - `copy = SHARE` copies what an earlier share has so far.
 */
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/err.h"
#include "harden/checks.h"

#define MAX_SECTIONS 4096
#define MAX_PARAMS   4096

struct sparam {
	char *name;               /* canonical, normalised: "readonly", "full_audit:success" */
	struct rp_smbval v;
};

struct ssection {
	char *name;               /* as written */
	const char *file;
	unsigned line;
	struct sparam *p;
	size_t np, cap;
};

struct rp_smbconf {
	struct ssection *s;
	size_t ns, cap;
	struct rp_strv files;     /* the paths read, interned: rp_smbval.file points here */
	rp_h_note_fn note;
	void *note_ctx;
	const struct rp_hroot *root;
	size_t nparsed;           /* files parsed, includes counted each time */
};

/* name -> canonical name, and whether the synonym's boolean is inverted */
static const struct { const char *syn, *canon; int inv; } synonyms[] = {
	{ "minprotocol", "serverminprotocol", 0 },
	{ "maxprotocol", "servermaxprotocol", 0 },
	{ "protocol", "servermaxprotocol", 0 },
	{ "public", "guestok", 0 },
	{ "onlyguest", "guestonly", 0 },
	{ "writeable", "readonly", 1 },
	{ "writable", "readonly", 1 },
	{ "writeok", "readonly", 1 },
	{ "vfsobject", "vfsobjects", 0 },
	{ "browsable", "browseable", 0 },
	{ "printok", "printable", 0 },
	{ "directory", "path", 0 },
	{ "allowhosts", "hostsallow", 0 },
	{ "denyhosts", "hostsdeny", 0 },
};

/* parameters smbd takes from [global] only */
static const char *const global_only[] = {
	"serverminprotocol", "servermaxprotocol", "ntlmauth", "lanmanauth", "maptoguest",
	"configbackend", "security", "serverrole", "configfile", "restrictanonymous",
	"usershareallowguests", "smbports", "interfaces", "bindinterfacesonly",
};

int
rp_smb_bool(const char *v)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	if (v == NULL)
		return -1;
	for (i = 0; i < 4; i++) {
		if (rp_h_wieq(v, yes[i]))
			return 1;
		if (rp_h_wieq(v, no[i]))
			return 0;
	}
	return -1;
}

/* lowercase, blanks removed; malloc'd */
static char *
norm_name(const char *s, size_t n)
{
	char *o = malloc(n + 1), *q = o;
	size_t i;

	if (o == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\r')
			continue;
		*q++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	*q = '\0';
	return o;
}

/* trimmed, runs of blanks collapsed to their first one; malloc'd */
static char *
norm_value(const char *s, size_t n)
{
	char *o, *q;
	size_t i;
	int blank = 0;

	rp_h_trim(&s, &n);
	if ((o = malloc(n + 1)) == NULL)
		return NULL;
	q = o;
	for (i = 0; i < n; i++) {
		int b = s[i] == ' ' || s[i] == '\t' || s[i] == '\r';

		if (b && blank)
			continue;
		blank = b;
		*q++ = s[i];
	}
	*q = '\0';
	return o;
}

static void
fold(char **name, int *inv)
{
	size_t i;

	*inv = 0;
	for (i = 0; i < sizeof(synonyms) / sizeof(synonyms[0]); i++) {
		if (strcmp(*name, synonyms[i].syn) == 0) {
			char *c = strdup(synonyms[i].canon);

			if (c != NULL) {
				free(*name);
				*name = c;
				*inv = synonyms[i].inv;
			}
			return;
		}
	}
}

static int
is_global_only(const char *canon)
{
	size_t i;

	for (i = 0; i < sizeof(global_only) / sizeof(global_only[0]); i++)
		if (strcmp(canon, global_only[i]) == 0)
			return 1;
	return 0;
}

static int
note(struct rp_smbconf *c, const char *file, unsigned line, const char *text)
{
	return c->note ? c->note(file, line, text, c->note_ctx) : 0;
}

static const char *
intern(struct rp_smbconf *c, const char *path)
{
	size_t i;

	for (i = 0; i < c->files.n; i++)
		if (strcmp(c->files.v[i], path) == 0)
			return c->files.v[i];
	if (rp_strv_push(&c->files, path, strlen(path)) != 0)
		return NULL;
	return c->files.v[c->files.n - 1];
}

static long
find_section(const struct rp_smbconf *c, const char *name)
{
	size_t i;

	if (rp_h_wieq(name, "global") || rp_h_wieq(name, "globals"))
		return 0;
	for (i = 1; i < c->ns; i++)
		if (rp_h_wieq(c->s[i].name, name))
			return (long)i;
	return -1;
}

static long
add_section(struct rp_smbconf *c, const char *name, size_t n, const char *file, unsigned line)
{
	char *nm;
	long i;
	int r;

	if ((nm = norm_value(name, n)) == NULL)
		return RP_ERR_NOMEM;
	if ((i = find_section(c, nm)) >= 0) {
		free(nm);
		return i;
	}
	if (c->ns >= MAX_SECTIONS) {
		free(nm);
		return RP_ERR_TOOBIG;
	}
	if ((r = RP_ARRAY_GROW(&c->s, &c->cap, c->ns + 1, MAX_SECTIONS)) != 0) {
		free(nm);
		return r;
	}
	memset(&c->s[c->ns], 0, sizeof(c->s[0]));
	c->s[c->ns].name = nm;
	c->s[c->ns].file = file;
	c->s[c->ns].line = line;
	return (long)c->ns++;
}

/* Sets name (canonical; value taken over) in section si. */
/* Sets name (canonical) in section si; name, value and text are taken over. */
static int
set_param(struct rp_smbconf *c, size_t si, char *name, char *value, char *text,
    const char *file, unsigned line)
{
	struct ssection *s = &c->s[si];
	size_t i;
	int r;

	for (i = 0; i < s->np; i++) {
		if (strcmp(s->p[i].name, name) == 0) {
			free(name);
			free((char *)s->p[i].v.value);
			free((char *)s->p[i].v.text);
			s->p[i].v.value = value;
			s->p[i].v.text = text;
			s->p[i].v.file = file;
			s->p[i].v.line = line;
			return 0;
		}
	}
	if (s->np >= MAX_PARAMS)
		goto toobig;
	if ((r = RP_ARRAY_GROW(&s->p, &s->cap, s->np + 1, MAX_PARAMS)) != 0) {
		free(name);
		free(value);
		free(text);
		return r;
	}
	s->p[s->np].name = name;
	s->p[s->np].v.value = value;
	s->p[s->np].v.text = text;
	s->p[s->np].v.file = file;
	s->p[s->np].v.line = line;
	s->np++;
	return 0;
toobig:
	free(name);
	free(value);
	free(text);
	return RP_ERR_TOOBIG;
}

static int parse_file(struct rp_smbconf *c, const char *path, long *cur, int depth);

static int
do_include(struct rp_smbconf *c, const char *value, const char *file, unsigned line,
    long *cur, int depth)
{
	struct rp_buf p = RP_BUF_INIT, m = RP_BUF_INIT;
	int r = 0;

	if (rp_h_wieq(value, "registry")) {
		r = note(c, file, line, "include = registry: shares kept in the registry (net conf) "
		    "are not read");
		goto out;
	}
	if (strchr(value, '%') != NULL) {
		rp_buf_addf(&m, "include = %s: a file chosen per client (%%-substitution) is not read",
		    value);
		r = note(c, file, line, m.buf);
		goto out;
	}
	if (depth + 1 >= RP_H_DEPTH) {
		r = note(c, file, line, "include nested too deep: not read");
		goto out;
	}
	/* a file that includes itself twice would be read 2^16 times: count the reads */
	if (c->nparsed >= RP_H_FILES) {
		if (c->nparsed++ == RP_H_FILES)
			r = note(c, file, line, "too many files included: the rest is not read");
		goto out;
	}
	/* smbd's working directory is /: a relative path is taken from there */
	if (value[0] != '/')
		rp_buf_addch(&p, '/');
	if ((r = rp_buf_addstr(&p, value)) != 0)
		goto out;
	r = parse_file(c, p.buf, cur, depth + 1);
	if (r == RP_ERR_NOTFOUND) {
		rp_buf_addf(&m, "include = %s: no such file (smbd skips it)", value);
		r = note(c, file, line, m.buf);
	} else if (r == RP_ERR_INVALID || r == RP_ERR_TOOBIG || r == RP_ERR_SYSTEM) {
		rp_buf_addf(&m, "include = %s: cannot be read (%s)", value, rp_strerror(r));
		r = note(c, file, line, m.buf);
	}
out:
	rp_buf_release(&p);
	rp_buf_release(&m);
	return r;
}

static int
do_copy(struct rp_smbconf *c, const char *value, long cur, const char *file, unsigned line)
{
	long from = find_section(c, value);
	size_t i, n;
	int r;

	if (from <= 0 || from == cur)
		return note(c, file, line, "copy = names no earlier share: ignored");
	n = c->s[from].np;
	for (i = 0; i < n; i++) {
		const struct sparam *p = &c->s[from].p[i];
		char *nm = strdup(p->name), *v = strdup(p->v.value), *t = strdup(p->v.text);

		if (nm == NULL || v == NULL || t == NULL) {
			free(nm);
			free(v);
			free(t);
			return RP_ERR_NOMEM;
		}
		if ((r = set_param(c, (size_t)cur, nm, v, t, p->v.file, p->v.line)) != 0)
			return r;
	}
	return 0;
}

static int
do_param(struct rp_smbconf *c, const char *l, size_t n, const char *file, unsigned line,
    long *cur, int depth)
{
	const char *eq = memchr(l, '=', n);
	char *name = NULL, *value = NULL, *text = NULL;
	int inv, r = 0;

	if (eq == NULL)
		return note(c, file, line, "a line that is neither a section nor a parameter: ignored");
	if ((name = norm_name(l, (size_t)(eq - l))) == NULL ||
	    (value = norm_value(eq + 1, n - (size_t)(eq - l) - 1)) == NULL ||
	    (text = norm_value(l, n > 200 ? 200 : n)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	if (name[0] == '\0') {
		r = note(c, file, line, "a parameter without a name: ignored");
		goto out;
	}
	if (strcmp(name, "include") == 0) {
		r = do_include(c, value, file, line, cur, depth);
		goto out;
	}
	if (strcmp(name, "copy") == 0) {
		if (*cur > 0)
			r = do_copy(c, value, *cur, file, line);
		goto out;
	}
	fold(&name, &inv);
	if (*cur > 0 && is_global_only(name)) {
		r = note(c, file, line, "a global parameter in a share: smbd ignores it");
		goto out;
	}
	if (inv) {
		int b = rp_smb_bool(value);

		if (b < 0) {
			r = note(c, file, line, "not a boolean: smbd refuses the line");
			goto out;
		}
		free(value);
		if ((value = strdup(b ? "no" : "yes")) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
	}
	r = set_param(c, (size_t)*cur, name, value, text, file, line);
	name = value = text = NULL;   /* taken over */
out:
	free(name);
	free(value);
	free(text);
	return r;
}

static int
parse_text(struct rp_smbconf *c, const char *text, size_t len, const char *file, long *cur,
    int depth)
{
	const char *p = text, *end = text + len, *l;
	struct rp_buf lb = RP_BUF_INIT;
	unsigned lineno = 0, start;
	size_t n;
	int r = 0;

	rp_buf_init(&lb, RP_H_LINE_MAX);
	while (r == 0 && rp_h_next_line(&p, end, &l, &n)) {
		const char *s;
		size_t k;

		lineno++;
		start = lineno;
		s = l;
		k = n;
		rp_h_trim(&s, &k);
		if (k == 0 || s[0] == '#' || s[0] == ';')
			continue;
		rp_buf_reset(&lb);
		/* continuations: a backslash ending the line (blanks after it allowed) */
		for (;;) {
			if (k > 0 && s[k - 1] == '\\') {
				if ((r = rp_buf_add(&lb, s, k - 1)) != 0)
					break;
				if (!rp_h_next_line(&p, end, &s, &k))
					break;
				lineno++;
				while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r'))
					k--;
				continue;
			}
			r = rp_buf_add(&lb, s, k);
			break;
		}
		if (r == RP_ERR_TOOBIG) {
			r = note(c, file, start, "a line longer than 64 KiB: ignored");
			continue;
		}
		if (r != 0)
			break;
		if (lb.buf[0] == '[') {
			const char *close = memchr(lb.buf, ']', lb.len);
			long si;

			if (close == NULL) {
				r = note(c, file, start, "a section name without ']': ignored");
				continue;
			}
			si = add_section(c, lb.buf + 1, (size_t)(close - lb.buf - 1), file, start);
			if (si == RP_ERR_TOOBIG) {
				r = note(c, file, start, "too many sections: the rest is ignored");
				break;
			}
			if (si < 0) {
				r = (int)si;
				break;
			}
			*cur = si;
			continue;
		}
		r = do_param(c, lb.buf, lb.len, file, start, cur, depth);
		if (r == RP_ERR_TOOBIG)
			r = note(c, file, start, "too many parameters in one section: ignored");
	}
	rp_buf_release(&lb);
	return r;
}

static int
parse_file(struct rp_smbconf *c, const char *path, long *cur, int depth)
{
	struct rp_buf b = RP_BUF_INIT;
	const char *file;
	int r;

	c->nparsed++;
	if ((r = rp_hroot_read(c->root, path, &b, RP_H_FILE_MAX)) != 0)
		goto out;
	if ((file = intern(c, path)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	r = parse_text(c, b.buf, b.len, file, cur, depth);
out:
	rp_buf_release(&b);
	return r;
}

int
rp_smbconf_load(const struct rp_hroot *r, const char *path, rp_h_note_fn note_fn,
    void *note_ctx, struct rp_smbconf **out)
{
	struct rp_smbconf *c;
	long cur = 0;
	int rc;

	*out = NULL;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return RP_ERR_NOMEM;
	c->root = r;
	c->note = note_fn;
	c->note_ctx = note_ctx;
	if ((rc = RP_ARRAY_GROW(&c->s, &c->cap, 1, MAX_SECTIONS)) != 0)
		goto fail;
	memset(&c->s[0], 0, sizeof(c->s[0]));
	if ((c->s[0].name = strdup("global")) == NULL) {
		rc = RP_ERR_NOMEM;
		goto fail;
	}
	c->ns = 1;
	if ((rc = parse_file(c, path, &cur, 0)) != 0)
		goto fail;
	if (c->s[0].file == NULL)
		c->s[0].file = c->files.n ? c->files.v[0] : NULL;
	*out = c;
	return 0;
fail:
	rp_smbconf_free(c);
	return rc;
}

void
rp_smbconf_free(struct rp_smbconf *c)
{
	size_t i, j;

	if (c == NULL)
		return;
	for (i = 0; i < c->ns; i++) {
		for (j = 0; j < c->s[i].np; j++) {
			free(c->s[i].p[j].name);
			free((char *)c->s[i].p[j].v.value);
			free((char *)c->s[i].p[j].v.text);
		}
		free(c->s[i].p);
		free(c->s[i].name);
	}
	free(c->s);
	rp_strv_release(&c->files);
	free(c);
}

size_t
rp_smbconf_nsections(const struct rp_smbconf *c)
{
	return c->ns;
}

const char *
rp_smbconf_name(const struct rp_smbconf *c, size_t i)
{
	return i < c->ns ? c->s[i].name : NULL;
}

static const struct rp_smbval *
own(const struct ssection *s, const char *canon)
{
	size_t i;

	for (i = 0; i < s->np; i++)
		if (strcmp(s->p[i].name, canon) == 0)
			return &s->p[i].v;
	return NULL;
}

const struct rp_smbval *
rp_smbconf_get(const struct rp_smbconf *c, size_t i, const char *name)
{
	const struct rp_smbval *v;
	char *canon;
	int inv;

	if (i >= c->ns || (canon = norm_name(name, strlen(name))) == NULL)
		return NULL;
	fold(&canon, &inv);
	v = own(&c->s[i], canon);
	if (v == NULL && i > 0)
		v = own(&c->s[0], canon);
	free(canon);
	return v;
}

/* ---- the checks ---- */

/* SMB dialects in order; a rank <= NT1 is SMB1 */
static int
proto_rank(const char *v)
{
	static const char *const order[] = {
		"CORE", "COREPLUS", "LANMAN1", "LANMAN2", "NT1", "SMB2_02", "SMB2_10", "SMB2_22",
		"SMB2_24", "SMB3_00", "SMB3_02", "SMB3_10", "SMB3_11",
	};
	size_t i;

	if (rp_h_wieq(v, "SMB2"))
		return 6;               /* Samba's alias of SMB2_10 */
	if (rp_h_wieq(v, "SMB3"))
		return 12;              /* SMB3_11 */
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (rp_h_wieq(v, order[i]))
			return (int)i;
	return -1;
}

#define RANK_NT1 4

static int
is_set_true(const struct rp_smbval *v)
{
	return v && rp_smb_bool(v->value) == 1;
}

/* Whether token tok (length n) of a vfs objects list names module mod. */
static int
tok_is(const char *tok, size_t n, const char *mod)
{
	size_t ml = strlen(mod);
	const char *colon = memchr(tok, ':', n);

	if (colon)
		n = (size_t)(colon - tok);
	return n == ml && memcmp(tok, mod, ml) == 0;
}

static int
list_has(const char *list, const char *const *mods, size_t nmods)
{
	const char *p = list;
	size_t i;

	while (p && *p) {
		size_t n;

		p += strspn(p, " \t,;");
		n = strcspn(p, " \t,;");
		if (n == 0)
			break;
		for (i = 0; i < nmods; i++)
			if (tok_is(p, n, mods[i]))
				return 1;
		p += n;
	}
	return 0;
}

/* full_audit records file changes when its success or failure list names one */
static int
audit_ops(const char *list)
{
	static const char *const ops[] = {
		"all", "openat", "open", "create_file", "pwrite", "pwrite_send", "write",
		"renameat", "rename", "unlinkat", "unlink", "mkdirat", "mkdir", "ftruncate",
	};

	return list && list_has(list, ops, sizeof(ops) / sizeof(ops[0]));
}

static int
check_protocol(struct rp_hrun *run, const struct rp_smbconf *c)
{
	const struct rp_smbval *v;
	int r = 0;

	v = rp_smbconf_get(c, 0, "server min protocol");
	if (v && proto_rank(v->value) >= 0 && proto_rank(v->value) <= RANK_NT1)
		r = rp_h_find(run, "smb1-enabled", -1, NULL, v->file, v->line,
		    "%s: clients may connect with SMB1", v->text);
	v = rp_smbconf_get(c, 0, "server max protocol");
	if (r == 0 && v && proto_rank(v->value) >= 0 && proto_rank(v->value) <= RANK_NT1)
		r = rp_h_find(run, "smb1-enabled", -1,
		    "Remove `server max protocol` so that clients use SMB2 or SMB3, and make sure "
		    "`server min protocol` is SMB2_02 or higher.", v->file, v->line,
		    "%s: the server speaks only SMB1", v->text);
	v = rp_smbconf_get(c, 0, "ntlm auth");
	if (r == 0 && v && (rp_smb_bool(v->value) == 1 || rp_h_wieq(v->value, "ntlmv1-permitted"))) {
		const struct rp_smbval *lm = rp_smbconf_get(c, 0, "lanman auth");

		r = rp_h_find(run, "smb1-enabled", -1,
		    "Set `ntlm auth = ntlmv2-only` (Samba's default) in [global]: NTLMv1 answers "
		    "can be cracked and relayed.", v->file, v->line,
		    "%s: NTLMv1 logins are accepted%s", v->text,
		    is_set_true(lm) ? ", and lanman auth = yes accepts LM hashes too" : "");
	}
	return r;
}

int
rp_h_samba(struct rp_hrun *run)
{
	static const char *const audit_mods[] = { "audit", "extd_audit" };
	static const char *const snap_mods[] = {
		"shadow_copy2", "shadow_copy", "snapper", "ceph_snapshots",
	};
	struct rp_smbconf *c = NULL;
	const struct rp_smbval *v;
	const char *conf = "/etc/samba/smb.conf";
	size_t i;
	int r;

	if (rp_hroot_stat(run->root, "/usr/sbin/smbd", NULL, NULL) != 0)
		return rp_h_note(run, NULL, 0, "Samba: no /usr/sbin/smbd, the Samba checks do not apply");
	r = rp_smbconf_load(run->root, conf, run->cb->on_note, run->ctx, &c);
	if (r == RP_ERR_NOTFOUND)
		return rp_h_note(run, conf, 0, "Samba: no smb.conf, the Samba checks do not apply");
	if (r == RP_ERR_INVALID || r == RP_ERR_TOOBIG || r == RP_ERR_SYSTEM)
		return rp_h_note(run, conf, 0, r == RP_ERR_TOOBIG ? "Samba: smb.conf too large, "
		    "not checked" : "Samba: smb.conf cannot be read, not checked");
	if (r != 0)
		return r;
	v = rp_smbconf_get(c, 0, "config backend");
	if (v && rp_h_wieq(v->value, "registry") &&
	    (r = rp_h_note(run, v->file, v->line, "config backend = registry: the shares kept "
	    "in the registry (net conf) are not read")) != 0)
		goto out;
	if ((r = check_protocol(run, c)) != 0)
		goto out;

	/* the shares: every section but [global], printers and disabled ones */
	for (i = 1; i < c->ns && r == 0; i++) {
		const struct rp_smbval *guest = rp_smbconf_get(c, i, "guest ok");
		const struct rp_smbval *ro = rp_smbconf_get(c, i, "read only");
		const struct rp_smbval *wl = rp_smbconf_get(c, i, "write list");
		const struct rp_smbval *vfs = rp_smbconf_get(c, i, "vfs objects");
		const struct rp_smbval *mg = rp_smbconf_get(c, 0, "map to guest");
		const char *name = c->s[i].name;
		int writable, gw;

		if (is_set_true(rp_smbconf_get(c, i, "printable")))
			continue;
		if (rp_smb_bool(rp_smbconf_get(c, i, "available") ?
		    rp_smbconf_get(c, i, "available")->value : NULL) == 0)
			continue;
		/* Samba's default is read only = yes */
		writable = ro && rp_smb_bool(ro->value) == 0;
		gw = writable && is_set_true(guest);
		if (gw) {
			r = rp_h_find(run, "smb-guest-writable", -1, NULL, guest->file, guest->line,
			    "[%s]: %s%s, and %s (%s:%u)%s%s", name, guest->text,
			    guest == rp_smbconf_get(c, 0, "guest ok") ? " (from [global])" : "",
			    ro->text, ro->file, ro->line, mg ? "; " : "", mg ? mg->text : "");
			if (r != 0)
				break;
		}
		if (!writable && !(wl && wl->value[0] != '\0'))
			continue;
		/* writable shares: what ransomware reaches */
		if (!(vfs && list_has(vfs->value, audit_mods, 2))) {
			static const char *const fa[] = { "full_audit" };

			if (vfs && list_has(vfs->value, fa, 1)) {
				const struct rp_smbval *ok = rp_smbconf_get(c, i, "full_audit:success");
				const struct rp_smbval *ko = rp_smbconf_get(c, i, "full_audit:failure");

				if (!audit_ops(ok ? ok->value : NULL) && !audit_ops(ko ? ko->value : NULL))
					r = rp_h_find(run, "smb-no-audit", -1, NULL, vfs->file, vfs->line,
					    "[%s]: full_audit is loaded but full_audit:success and "
					    "full_audit:failure name no file operation (their default "
					    "records nothing)", name);
			} else if (vfs) {
				r = rp_h_find(run, "smb-no-audit", -1, NULL, vfs->file, vfs->line,
				    "[%s]: %s, without full_audit", name, vfs->text);
			} else {
				r = rp_h_find(run, "smb-no-audit", -1, NULL, c->s[i].file, c->s[i].line,
				    "[%s]: writable, and no vfs objects: no file operation is recorded",
				    name);
			}
			if (r != 0)
				break;
		}
		if (!(vfs && list_has(vfs->value, snap_mods, sizeof(snap_mods) / sizeof(snap_mods[0]))))
			r = rp_h_find(run, "smb-no-snapshots", -1, NULL,
			    vfs ? vfs->file : c->s[i].file, vfs ? vfs->line : c->s[i].line,
			    "[%s]: writable, %s: no previous versions", name,
			    vfs ? vfs->text : "no vfs objects");
	}
out:
	rp_smbconf_free(c);
	return r;
}
