/*
 * OpenSSH: sshd_config read as Debian 12's sshd (OpenSSH 9.2p1) reads it, and the
 * checks ssh-root-login and ssh-password-auth.
 *
 * The rules followed (servconf.c; checked against `sshd -T` in
 * tests/e2e/harden-oracles.sh):
 *  - a keyword ignores case and ends at a blank or at one '='; arguments are split at
 *    blanks, "double quotes" group, an argument starting with '#' ends the line;
 *  - the first value obtained is used (first match wins), for connections too: a
 *    connection takes the first value of the Match blocks it matches, else the first
 *    value outside any Match, else the compiled-in default;
 *  - a Match block runs to the next Match or to the end of its file (sshd restores
 *    the includer's state after an Include);
 *  - `Include` takes glob patterns, relative ones under /etc/ssh, expanded in sorted
 *    order; a pattern that matches nothing is no error; it may stand in a Match block
 *    and then its lines are in that block; 16 levels at most.
 * Compiled-in defaults of 9.2: PermitRootLogin prohibit-password, PasswordAuthentication
 * yes, KbdInteractiveAuthentication yes, UsePAM no (Debian's sshd_config sets yes).
 */
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/err.h"
#include "harden/checks.h"

#define MAX_ENTRIES 16384
#define MAX_MATCH   4096

struct sentry {
	char *kw;                 /* lowercase, aliases folded */
	struct rp_sshd_opt o;
};

struct rp_sshdconf {
	struct sentry *e;
	size_t ne, cap_e;
	struct rp_sshd_match *m;
	size_t nm, cap_m;
	struct rp_strv files;     /* interned paths */
	struct rp_strv strs;      /* owned values and criteria */
	const struct rp_hroot *root;
	rp_h_note_fn note;
	void *note_ctx;
	size_t nfiles;
};

static int
note(struct rp_sshdconf *c, const char *file, unsigned line, const char *text)
{
	return c->note ? c->note(file, line, text, c->note_ctx) : 0;
}

static const char *
keep(struct rp_strv *v, const char *s, size_t n)
{
	if (rp_strv_push(v, s, n) != 0)
		return NULL;
	return v->v[v->n - 1];
}

static const char *
intern(struct rp_sshdconf *c, const char *path)
{
	size_t i;

	for (i = 0; i < c->files.n; i++)
		if (strcmp(c->files.v[i], path) == 0)
			return c->files.v[i];
	return keep(&c->files, path, strlen(path));
}

static int
is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f';
}

/* The next argument of [*p, end) as argv_split takes it, into arg; 0 when none left. */
static int
next_arg(const char **p, const char *end, struct rp_buf *arg)
{
	const char *s = *p;
	int quoted = 0;

	rp_buf_reset(arg);
	while (s < end && is_blank(*s))
		s++;
	if (s >= end || *s == '#') {
		*p = end;
		return 0;
	}
	while (s < end) {
		if (!quoted && is_blank(*s))
			break;
		if (*s == '"') {
			quoted = !quoted;
			s++;
			continue;
		}
		if (*s == '\\' && s + 1 < end && (s[1] == '"' || s[1] == '\\' || is_blank(s[1])))
			s++;
		if (rp_buf_addch(arg, *s) != 0)
			break;
		s++;
	}
	*p = s;
	return 1;
}

static int parse_file(struct rp_sshdconf *c, const char *path, int *match, int depth);

static int
do_include(struct rp_sshdconf *c, const char *args, size_t n, const char *file,
    unsigned line, int *match, int depth)
{
	struct rp_buf arg = RP_BUF_INIT, pat = RP_BUF_INIT;
	const char *p = args, *end = args + n;
	size_t i;
	int r = 0;

	while (r == 0 && next_arg(&p, end, &arg)) {
		struct rp_strv paths = RP_STRV_INIT;

		rp_buf_reset(&pat);
		if (arg.buf[0] != '/')
			rp_buf_addstr(&pat, "/etc/ssh/");
		if ((r = rp_buf_add(&pat, arg.buf, arg.len)) != 0)
			break;
		if (depth + 1 >= RP_H_DEPTH) {
			r = note(c, file, line, "Include nested too deep: not read");
			break;
		}
		if (c->nfiles > RP_H_FILES)
			break;
		r = rp_hroot_glob(c->root, pat.buf, &paths);
		if (r == RP_ERR_TOOBIG)
			r = note(c, file, line, "Include matches too many files: the rest not read");
		for (i = 0; r == 0 && i < paths.n; i++) {
			/* sshd restores the includer's Match state after the file */
			int saved = *match;

			if (++c->nfiles > RP_H_FILES) {
				if (c->nfiles == RP_H_FILES + 1)
					r = note(c, file, line, "too many included files: the rest not read");
				break;
			}
			r = parse_file(c, paths.v[i], match, depth + 1);
			*match = saved;
			if (r == RP_ERR_INVALID || r == RP_ERR_NOTFOUND || r == RP_ERR_TOOBIG ||
			    r == RP_ERR_SYSTEM)
				r = note(c, paths.v[i], 0, "an included file that cannot be read");
		}
		rp_strv_release(&paths);
	}
	rp_buf_release(&arg);
	rp_buf_release(&pat);
	return r;
}

static int
add_entry(struct rp_sshdconf *c, char *kw, const char *value, size_t vlen,
    const struct rp_buf *all, const char *file, unsigned line, int match)
{
	const char *v, *a;
	int r;

	if (c->ne >= MAX_ENTRIES) {
		free(kw);
		return note(c, file, line, "too many lines: the rest is not read");
	}
	if ((r = RP_ARRAY_GROW(&c->e, &c->cap_e, c->ne + 1, MAX_ENTRIES)) != 0) {
		free(kw);
		return r;
	}
	if ((v = keep(&c->strs, value, vlen)) == NULL ||
	    (a = keep(&c->strs, all->buf, all->len)) == NULL) {
		free(kw);
		return RP_ERR_NOMEM;
	}
	c->e[c->ne].kw = kw;
	c->e[c->ne].o.value = v;
	c->e[c->ne].o.args = a;
	c->e[c->ne].o.file = file;
	c->e[c->ne].o.line = line;
	c->e[c->ne].o.match = match;
	c->ne++;
	return 0;
}

static char *
lower_kw(const char *s, size_t n)
{
	char *o = malloc(n + 1);
	size_t i;

	if (o == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		o[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	o[n] = '\0';
	if (strcmp(o, "challengeresponseauthentication") == 0) {
		char *a = strdup("kbdinteractiveauthentication");

		free(o);
		return a;
	}
	return o;
}

static int
parse_line(struct rp_sshdconf *c, const char *l, size_t n, const char *file, unsigned line,
    int *match, int depth)
{
	const char *p = l, *end = l + n, *kw;
	struct rp_buf arg = RP_BUF_INIT;
	size_t kn;
	char *k;
	int r;

	while (p < end && is_blank(*p))
		p++;
	if (p >= end || *p == '#')
		return 0;
	kw = p;
	while (p < end && !is_blank(*p) && *p != '=')
		p++;
	kn = (size_t)(p - kw);
	while (p < end && is_blank(*p))
		p++;
	if (p < end && *p == '=') {
		p++;
		while (p < end && is_blank(*p))
			p++;
	}
	if (kn == 0)
		return 0;
	if ((k = lower_kw(kw, kn)) == NULL)
		return RP_ERR_NOMEM;
	if (strcmp(k, "include") == 0) {
		free(k);
		return do_include(c, p, (size_t)(end - p), file, line, match, depth);
	}
	if (strcmp(k, "match") == 0) {
		const char *crit;
		size_t cn = (size_t)(end - p);

		free(k);
		while (cn > 0 && is_blank(p[cn - 1]))
			cn--;
		if (c->nm >= MAX_MATCH)
			return note(c, file, line, "too many Match blocks: the rest is not read");
		if ((r = RP_ARRAY_GROW(&c->m, &c->cap_m, c->nm + 1, MAX_MATCH)) != 0)
			return r;
		if ((crit = keep(&c->strs, p, cn)) == NULL)
			return RP_ERR_NOMEM;
		c->m[c->nm].criteria = crit;
		c->m[c->nm].file = file;
		c->m[c->nm].line = line;
		*match = (int)c->nm++;
		return 0;
	}
	if (!next_arg(&p, end, &arg)) {
		free(k);
		rp_buf_release(&arg);
		return note(c, file, line, "a keyword without an argument: sshd refuses this file");
	}
	{
		struct rp_buf all = RP_BUF_INIT, more = RP_BUF_INIT;
		size_t first_len = arg.len;

		rp_buf_add(&all, arg.buf, arg.len);
		while (next_arg(&p, end, &more)) {
			rp_buf_addch(&all, ' ');
			rp_buf_add(&all, more.buf, more.len);
		}
		r = add_entry(c, k, arg.buf, first_len, &all, file, line, *match);
		rp_buf_release(&all);
		rp_buf_release(&more);
	}
	rp_buf_release(&arg);
	return r;
}

static int
parse_file(struct rp_sshdconf *c, const char *path, int *match, int depth)
{
	struct rp_buf b = RP_BUF_INIT;
	const char *p, *end, *l, *file;
	unsigned lineno = 0;
	size_t n;
	int r;

	if ((r = rp_hroot_read(c->root, path, &b, RP_H_FILE_MAX)) != 0)
		goto out;
	if ((file = intern(c, path)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	p = b.buf;
	end = b.buf + b.len;
	while (r == 0 && rp_h_next_line(&p, end, &l, &n)) {
		lineno++;
		if (n > RP_H_LINE_MAX) {
			r = note(c, file, lineno, "a line longer than 64 KiB: ignored");
			continue;
		}
		r = parse_line(c, l, n, file, lineno, match, depth);
	}
out:
	rp_buf_release(&b);
	return r;
}

int
rp_sshdconf_load(const struct rp_hroot *r, const char *path, rp_h_note_fn note_fn,
    void *note_ctx, struct rp_sshdconf **out)
{
	struct rp_sshdconf *c;
	int match = -1, rc;

	*out = NULL;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return RP_ERR_NOMEM;
	c->root = r;
	c->note = note_fn;
	c->note_ctx = note_ctx;
	if ((rc = parse_file(c, path, &match, 0)) != 0) {
		rp_sshdconf_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

void
rp_sshdconf_free(struct rp_sshdconf *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->ne; i++)
		free(c->e[i].kw);
	free(c->e);
	free(c->m);
	rp_strv_release(&c->files);
	rp_strv_release(&c->strs);
	free(c);
}

static const struct rp_sshd_opt *
first(const struct rp_sshdconf *c, const char *kw, int match)
{
	char *k = lower_kw(kw, strlen(kw));
	const struct rp_sshd_opt *o = NULL;
	size_t i;

	if (k == NULL)
		return NULL;
	for (i = 0; i < c->ne && o == NULL; i++)
		if (c->e[i].o.match == match && strcmp(c->e[i].kw, k) == 0)
			o = &c->e[i].o;
	free(k);
	return o;
}

const struct rp_sshd_opt *
rp_sshdconf_global(const struct rp_sshdconf *c, const char *kw)
{
	return first(c, kw, -1);
}

size_t
rp_sshdconf_nmatch(const struct rp_sshdconf *c)
{
	return c->nm;
}

const struct rp_sshd_match *
rp_sshdconf_match(const struct rp_sshdconf *c, size_t i)
{
	return i < c->nm ? &c->m[i] : NULL;
}

const struct rp_sshd_opt *
rp_sshdconf_in_match(const struct rp_sshdconf *c, size_t i, const char *kw)
{
	return i < c->nm ? first(c, kw, (int)i) : NULL;
}

/* ---- the checks ---- */

static int
ieq(const char *a, const char *b)
{
	return a && strcasecmp(a, b) == 0;
}

/* sshd's yes/no flags (yes, no; true/false are not accepted by sshd) */
static int
flag_on(const struct rp_sshd_opt *o, int dflt)
{
	if (o == NULL)
		return dflt;
	return ieq(o->value, "yes");
}

/* Whether AuthenticationMethods requires a key (or host key) in every one of its
 * lists: then a password alone never logs anyone in. */
static int
methods_need_key(const struct rp_sshd_opt *am)
{
	const char *p;

	if (am == NULL || ieq(am->value, "any"))
		return 0;
	for (p = am->args; *p; ) {
		size_t n = strcspn(p, " "), i = 0;
		int key = 0;

		while (i < n) {
			size_t k = strcspn(p + i, ", ");

			if ((k == 9 && strncmp(p + i, "publickey", 9) == 0) ||
			    (k == 9 && strncmp(p + i, "hostbased", 9) == 0))
				key = 1;
			i += k;
			if (i < n && p[i] == ',')
				i++;
		}
		if (!key)
			return 0;
		p += n;
		while (*p == ' ')
			p++;
	}
	return 1;
}

static int
password_reasons(const struct rp_sshdconf *c, int mi, struct rp_buf *why,
    const struct rp_sshd_opt **at)
{
	const struct rp_sshd_opt *pa, *kbd, *pam, *am;
	int on = 0;

	pa = mi < 0 ? NULL : first(c, "passwordauthentication", mi);
	if (pa == NULL)
		pa = first(c, "passwordauthentication", -1);
	kbd = mi < 0 ? NULL : first(c, "kbdinteractiveauthentication", mi);
	if (kbd == NULL)
		kbd = first(c, "kbdinteractiveauthentication", -1);
	pam = first(c, "usepam", -1);          /* not allowed in Match */
	am = mi < 0 ? NULL : first(c, "authenticationmethods", mi);
	if (am == NULL)
		am = first(c, "authenticationmethods", -1);
	*at = NULL;
	if (methods_need_key(am))
		return 0;
	if (flag_on(pa, 1)) {
		on = 1;
		*at = pa;
		if (pa)
			rp_buf_addf(why, "PasswordAuthentication %s", pa->value);
		else
			rp_buf_addstr(why, "PasswordAuthentication not set (sshd's default: yes)");
	}
	if (flag_on(kbd, 1) && flag_on(pam, 0)) {
		if (on)
			rp_buf_addstr(why, "; ");
		on = 1;
		if (*at == NULL)
			*at = kbd ? kbd : pam;
		rp_buf_addf(why, "KbdInteractiveAuthentication %s with UsePAM yes (%s:%u): PAM "
		    "asks for the password", kbd ? kbd->value : "not set (default yes)",
		    pam->file, pam->line);
	}
	return on;
}

int
rp_h_sshd(struct rp_hrun *run)
{
	const char *conf = "/etc/ssh/sshd_config";
	const struct rp_sshd_opt *prl, *at;
	struct rp_sshdconf *c = NULL;
	struct rp_buf why = RP_BUF_INIT, w = RP_BUF_INIT;
	int r, pw_global;
	size_t i;

	if (rp_hroot_stat(run->root, "/usr/sbin/sshd", NULL, NULL) != 0)
		return rp_h_note(run, NULL, 0, "OpenSSH: no /usr/sbin/sshd, the SSH checks do not apply");
	r = rp_sshdconf_load(run->root, conf, run->cb->on_note, run->ctx, &c);
	if (r == RP_ERR_NOTFOUND)
		return rp_h_note(run, conf, 0, "OpenSSH: no sshd_config (sshd does not start without "
		    "one), the SSH checks do not apply");
	if (r == RP_ERR_INVALID || r == RP_ERR_TOOBIG || r == RP_ERR_SYSTEM)
		return rp_h_note(run, conf, 0, "OpenSSH: sshd_config cannot be read, not checked");
	if (r != 0)
		return r;

	pw_global = password_reasons(c, -1, &why, &at);

	/* root */
	prl = rp_sshdconf_global(c, "permitrootlogin");
	if (prl && ieq(prl->value, "yes")) {
		r = rp_h_find(run, "ssh-root-login", pw_global ? RP_HSEV_HIGH : RP_HSEV_MEDIUM,
		    NULL, prl->file, prl->line, "PermitRootLogin yes%s", pw_global ?
		    ": root may log in with a password" : " (passwords are off: keys only)");
		if (r != 0)
			goto out;
	}
	for (i = 0; i < c->nm; i++) {
		const struct rp_sshd_opt *o = rp_sshdconf_in_match(c, i, "permitrootlogin");
		const struct rp_sshd_match *m = &c->m[i];
		int all = ieq(m->criteria, "all");

		if (o == NULL || !ieq(o->value, "yes") || (prl && ieq(prl->value, "yes")))
			continue;
		rp_buf_reset(&w);
		r = rp_h_find(run, "ssh-root-login", all ? RP_HSEV_HIGH : RP_HSEV_MEDIUM, NULL,
		    o->file, o->line, "PermitRootLogin yes inside `Match %s` (%s:%u): root may log "
		    "in %s", m->criteria, m->file, m->line,
		    all ? "from anywhere (Match all)" : "from the connections it matches");
		if (r != 0)
			goto out;
	}

	/* passwords */
	if (pw_global) {
		r = rp_h_find(run, "ssh-password-auth", -1, NULL, at ? at->file : conf,
		    at ? at->line : 0, "%s", why.buf);
		if (r != 0)
			goto out;
	}
	for (i = 0; i < c->nm; i++) {
		const struct rp_sshd_match *m = &c->m[i];
		const struct rp_sshd_opt *o = rp_sshdconf_in_match(c, i, "passwordauthentication");
		const struct rp_sshd_opt *k = rp_sshdconf_in_match(c, i, "kbdinteractiveauthentication");

		if (pw_global || (o == NULL && k == NULL))
			continue;
		rp_buf_reset(&w);
		if (!password_reasons(c, (int)i, &w, &at))
			continue;
		r = rp_h_find(run, "ssh-password-auth", -1, NULL, at->file, at->line,
		    "inside `Match %s` (%s:%u): %s", m->criteria, m->file, m->line, w.buf);
		if (r != 0)
			goto out;
	}
out:
	rp_buf_release(&why);
	rp_buf_release(&w);
	rp_sshdconf_free(c);
	return r;
}
