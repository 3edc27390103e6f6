/*
 * sudo: the sudoers files read as Debian 12's sudo (1.9.13) reads them, and the check
 * sudo-nopasswd.
 *
 * The rules followed (sudoers(5)):
 *  - a backslash ending a line joins the next; '#' begins a comment, except in
 *    `#include` and `#includedir` and in a uid or gid (`#1000`, `%#1000`);
 *  - `@include`/`#include FILE` reads FILE where it stands, `@includedir`/`#includedir
 *    DIR` every file of DIR whose name neither ends in '~' nor holds a '.', in sorted
 *    order; a relative path is taken from the including file's directory; a path with
 *    %h (the host name) is not read (a note);
 *  - a tag (NOPASSWD:, PASSWD:, ...) holds for the commands after it in the same
 *    list until another tag of its kind; a ':' that ends no tag starts another
 *    `Host = commands` part and resets them; ',' ':' '=' and '\' in a command are
 *    escaped with '\';
 *  - Cmnd_Alias (Cmd_Alias) names expand, recursively, to tell "NOPASSWD: ALL";
 *  - Defaults (also Defaults:user, @host, >runas, !cmnd) with !authenticate asks no
 *    password of anyone it binds.
 */
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/err.h"
#include "harden/checks.h"

#define MAX_RULES   4096
#define MAX_ALIASES 4096
#define TEXT_MAX    240

struct alias {
	char *name;
	char *list;
};

struct srule {
	struct rp_sudo_rule r;
	char *text, *who;
};

struct rp_sudoers {
	struct srule *rules;
	size_t nrules, cap_rules;
	struct alias *al;
	size_t nal, cap_al;
	struct rp_strv files;
	const struct rp_hroot *root;
	rp_h_note_fn note;
	void *note_ctx;
	size_t nfiles;
};

static int
note(struct rp_sudoers *s, const char *file, unsigned line, const char *text)
{
	return s->note ? s->note(file, line, text, s->note_ctx) : 0;
}

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int
upper_word(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_' || (i > 0 && s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

/* Cuts the comment off a logical line: '#' after a blank, ',' or at the start, not
 * followed by a digit (a uid), and not inside double quotes. */
static size_t
uncomment(const char *l, size_t n)
{
	size_t i;
	int q = 0;

	for (i = 0; i < n; i++) {
		if (l[i] == '\\' && i + 1 < n) {
			i++;
			continue;
		}
		if (l[i] == '"')
			q = !q;
		if (q || l[i] != '#')
			continue;
		if (i > 0 && !blank(l[i - 1]) && l[i - 1] != ',' && l[i - 1] != '(' &&
		    l[i - 1] != '=')
			continue;
		if (i + 1 < n && l[i + 1] >= '0' && l[i + 1] <= '9')
			continue;
		return i;
	}
	return n;
}

static const struct alias *
find_alias(const struct rp_sudoers *s, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < s->nal; i++)
		if (strlen(s->al[i].name) == n && memcmp(s->al[i].name, name, n) == 0)
			return &s->al[i];
	return NULL;
}

/* Whether a command (or a Cmnd_Alias, expanded) is ALL. */
static int
is_all(const struct rp_sudoers *s, const char *w, size_t n, int depth)
{
	const struct alias *a;
	const char *p;

	if (n == 3 && memcmp(w, "ALL", 3) == 0)
		return 1;
	if (depth > 8 || !upper_word(w, n) || (a = find_alias(s, w, n)) == NULL)
		return 0;
	for (p = a->list; *p; ) {
		size_t k;

		p += strspn(p, " \t,");
		k = strcspn(p, ",");
		while (k > 0 && blank(p[k - 1]))
			k--;
		if (k > 0 && p[0] != '!' && is_all(s, p, k, depth + 1))
			return 1;
		p += k;
		p += strcspn(p, ",");
	}
	return 0;
}

static int
add_alias(struct rp_sudoers *s, const char *def, size_t n)
{
	const char *eq;
	size_t i = 0;

	/* NAME = list [: NAME = list]... */
	while (i < n) {
		const char *name, *list;
		size_t nl, ll, end;
		int r;

		while (i < n && (blank(def[i]) || def[i] == ':'))
			i++;
		if (i >= n)
			break;
		name = def + i;
		if ((eq = memchr(name, '=', n - i)) == NULL)
			break;
		nl = (size_t)(eq - name);
		while (nl > 0 && blank(name[nl - 1]))
			nl--;
		list = eq + 1;
		for (end = (size_t)(list - def); end < n && def[end] != ':'; end++)
			if (def[end] == '\\')
				end++;
		ll = end > n ? n - (size_t)(list - def) : end - (size_t)(list - def);
		i = end;
		if (s->nal >= MAX_ALIASES || !upper_word(name, nl))
			continue;
		if ((r = RP_ARRAY_GROW(&s->al, &s->cap_al, s->nal + 1, MAX_ALIASES)) != 0)
			return r;
		s->al[s->nal].name = strndup(name, nl);
		s->al[s->nal].list = strndup(list, ll);
		if (s->al[s->nal].name == NULL || s->al[s->nal].list == NULL) {
			free(s->al[s->nal].name);
			free(s->al[s->nal].list);
			return RP_ERR_NOMEM;
		}
		s->nal++;
	}
	return 0;
}

static int
add_rule(struct rp_sudoers *s, const char *file, unsigned line, const char *text, size_t tn,
    const char *who, size_t wn, int all, int defaults)
{
	char *t, *w, *q;
	size_t i;
	int b = 0, r;

	if (s->nrules >= MAX_RULES)
		return 0;
	if ((r = RP_ARRAY_GROW(&s->rules, &s->cap_rules, s->nrules + 1, MAX_RULES)) != 0)
		return r;
	if ((t = malloc(TEXT_MAX + 4)) == NULL)
		return RP_ERR_NOMEM;
	/* the rule for people: blanks collapsed, cut at TEXT_MAX */
	for (i = 0, q = t; i < tn && q - t < TEXT_MAX; i++) {
		if (blank(text[i])) {
			if (!b && q != t)
				*q++ = ' ';
			b = 1;
			continue;
		}
		b = 0;
		*q++ = text[i];
	}
	if (i < tn)
		memcpy(q, "...", 3), q += 3;
	*q = '\0';
	if ((w = strndup(who, wn)) == NULL) {
		free(t);
		return RP_ERR_NOMEM;
	}
	s->rules[s->nrules].text = t;
	s->rules[s->nrules].who = w;
	s->rules[s->nrules].r.file = file;
	s->rules[s->nrules].r.line = line;
	s->rules[s->nrules].r.text = t;
	s->rules[s->nrules].r.who = w;
	s->rules[s->nrules].r.all_commands = all;
	s->rules[s->nrules].r.defaults = defaults;
	s->nrules++;
	return 0;
}

static int
is_tag(const char *w, size_t n, int *nopasswd)
{
	static const char *const tags[] = {
		"PASSWD", "NOEXEC", "EXEC", "SETENV", "NOSETENV", "LOG_INPUT", "NOLOG_INPUT",
		"LOG_OUTPUT", "NOLOG_OUTPUT", "MAIL", "NOMAIL", "FOLLOW", "NOFOLLOW", "INTERCEPT",
		"NOINTERCEPT",
	};
	size_t i;

	if (n == 8 && memcmp(w, "NOPASSWD", 8) == 0) {
		*nopasswd = 1;
		return 1;
	}
	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		if (strlen(tags[i]) == n && memcmp(w, tags[i], n) == 0) {
			if (i == 0)
				*nopasswd = 0;
			return 1;
		}
	}
	return 0;
}

/* A user specification: user_list host_list = cmnd_spec_list [: host_list = ...]. */
static int
user_spec(struct rp_sudoers *s, const char *l, size_t n, const char *file, unsigned line)
{
	const char *eq = memchr(l, '=', n), *who;
	size_t i, wn, hn;
	int nopasswd = 0, found = 0, all = 0, have_cmd = 0;

	if (eq == NULL)
		return note(s, file, line, "a sudoers line that is no rule: ignored");
	/* who: the left side without its last word (the host list) */
	wn = (size_t)(eq - l);
	while (wn > 0 && blank(l[wn - 1]))
		wn--;
	hn = wn;
	while (hn > 0 && !blank(l[hn - 1]))
		hn--;
	who = l;
	wn = hn;
	while (wn > 0 && blank(l[wn - 1]))
		wn--;
	for (i = (size_t)(eq - l) + 1; i < n; ) {
		size_t w0, wl;

		if (blank(l[i])) {
			i++;
			continue;
		}
		if (l[i] == '(') {                  /* a runas list */
			while (i < n && l[i] != ')')
				i++;
			i++;
			continue;
		}
		if (l[i] == ',') {                  /* next command */
			have_cmd = 0;
			i++;
			continue;
		}
		if (l[i] == ':') {                  /* another Host = list: tags reset */
			nopasswd = 0;
			have_cmd = 0;
			while (i < n && l[i] != '=')
				i++;
			i++;
			continue;
		}
		w0 = i;
		while (i < n && !blank(l[i]) && l[i] != ',' && l[i] != ':' && l[i] != '(') {
			if (l[i] == '\\')
				i++;
			i++;
		}
		if (i > n)
			i = n;
		wl = i - w0;
		if (i < n && l[i] == ':' && !have_cmd && is_tag(l + w0, wl, &nopasswd)) {
			i++;
			continue;
		}
		if (!have_cmd && memchr(l + w0, '=', wl) != NULL && upper_word(l + w0,
		    (size_t)((const char *)memchr(l + w0, '=', wl) - (l + w0))))
			continue;                       /* ROLE=, TYPE=, CWD=, CHROOT=, ... */
		if (!have_cmd) {
			have_cmd = 1;
			if (nopasswd) {
				found = 1;
				if (l[w0] != '!' && is_all(s, l + w0, wl, 0))
					all = 1;
			}
		}
	}
	if (!found)
		return 0;
	return add_rule(s, file, line, l, n, who, wn ? wn : 0, all, 0);
}

static int
defaults_line(struct rp_sudoers *s, const char *l, size_t n, const char *file, unsigned line)
{
	const char *p = l + 8, *end = l + n, *who = "everyone";
	size_t wn = 8, i;
	int off = 0;

	/* Defaults:user, Defaults@host, Defaults>runas, Defaults!cmnd */
	if (p < end && (*p == ':' || *p == '@' || *p == '>' || *p == '!')) {
		who = p + 1;
		for (wn = 0; p + 1 + wn < end && !blank(p[1 + wn]); wn++)
			;
		p += 1 + wn;
	}
	while (p < end) {
		const char *it;
		size_t k;

		p += strspn(p, " \t,");
		it = p;
		for (k = 0; p + k < end && p[k] != ','; k++)
			if (p[k] == '\\')
				k++;
		if (p + k > end)
			k = (size_t)(end - p);
		p += k;
		/* "!authenticate", "! authenticate", "!!!authenticate" */
		for (i = 0; i < k && (it[i] == '!' || blank(it[i])); i++)
			;
		{
			size_t bangs = 0, j, rest = k - i;

			for (j = 0; j < i; j++)
				bangs += it[j] == '!';
			while (rest > 0 && blank(it[i + rest - 1]))
				rest--;
			if (rest == 12 && memcmp(it + i, "authenticate", 12) == 0)
				off = bangs % 2 == 1;
		}
	}
	if (!off)
		return 0;
	return add_rule(s, file, line, l, n, who, wn, 1, 1);
}

static int parse_file(struct rp_sudoers *s, const char *path, int depth);

/* dir of the including file + rel, or rel when absolute */
static int
resolve(struct rp_buf *out, const char *from, const char *rel, size_t n)
{
	const char *slash;

	if (n > 0 && rel[0] == '/')
		return rp_buf_add(out, rel, n);
	slash = strrchr(from, '/');
	rp_buf_add(out, from, slash ? (size_t)(slash - from) : 0);
	rp_buf_addch(out, '/');
	return rp_buf_add(out, rel, n);
}

static int
include(struct rp_sudoers *s, const char *arg, size_t n, int dir, const char *file,
    unsigned line, int depth)
{
	struct rp_buf p = RP_BUF_INIT;
	struct rp_strv names = RP_STRV_INIT;
	size_t i;
	int r = 0;

	rp_h_trim(&arg, &n);
	if (n >= 2 && arg[0] == '"' && arg[n - 1] == '"') {
		arg++;
		n -= 2;
	}
	if (n == 0)
		return note(s, file, line, "an include without a path: ignored");
	if (memmem(arg, n, "%h", 2) != NULL)
		return note(s, file, line, "an include named after the host (%h): not read");
	if (depth + 1 >= RP_H_DEPTH)
		return note(s, file, line, "include nested too deep: not read");
	if ((r = resolve(&p, file, arg, n)) != 0)
		goto out;
	if (!dir) {
		r = parse_file(s, p.buf, depth + 1);
		if (r == RP_ERR_NOTFOUND || r == RP_ERR_INVALID || r == RP_ERR_TOOBIG ||
		    r == RP_ERR_SYSTEM)
			r = note(s, file, line, "an included file that cannot be read (sudo refuses "
			    "to run then)");
		goto out;
	}
	r = rp_hroot_list(s->root, p.buf, &names);
	if (r == RP_ERR_NOTFOUND || r == RP_ERR_INVALID) {
		r = 0;              /* sudo skips a missing directory */
		goto out;
	}
	if (r == RP_ERR_TOOBIG)
		r = note(s, file, line, "includedir holds too many files: the rest not read");
	for (i = 0; r == 0 && i < names.n; i++) {
		const char *nm = names.v[i];
		size_t len = strlen(nm), keep = p.len;
		int is_dir = 0;

		if (strchr(nm, '.') != NULL || (len > 0 && nm[len - 1] == '~'))
			continue;
		rp_buf_addch(&p, '/');
		rp_buf_addstr(&p, nm);
		if (rp_hroot_stat(s->root, p.buf, &is_dir, NULL) == 0 && !is_dir) {
			r = parse_file(s, p.buf, depth + 1);
			if (r == RP_ERR_INVALID || r == RP_ERR_TOOBIG || r == RP_ERR_SYSTEM ||
			    r == RP_ERR_NOTFOUND)
				r = note(s, p.buf, 0, "a sudoers file that cannot be read");
		}
		rp_buf_setlen(&p, keep);
	}
out:
	rp_strv_release(&names);
	rp_buf_release(&p);
	return r;
}

static int
starts_word(const char *l, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n > k && memcmp(l, w, k) == 0 && blank(l[k]);
}

static int
logical(struct rp_sudoers *s, const char *l, size_t n, const char *file, unsigned line,
    int depth)
{
	size_t k;

	rp_h_trim(&l, &n);
	if (starts_word(l, n, "#includedir") || starts_word(l, n, "@includedir"))
		return include(s, l + 11, n - 11, 1, file, line, depth);
	if (starts_word(l, n, "#include") || starts_word(l, n, "@include"))
		return include(s, l + 8, n - 8, 0, file, line, depth);
	n = uncomment(l, n);
	rp_h_trim(&l, &n);
	if (n == 0)
		return 0;
	for (k = 0; k < n && !blank(l[k]) && l[k] != ':' && l[k] != '@' && l[k] != '>' &&
	    l[k] != '!'; k++)
		;
	if (k == 8 && memcmp(l, "Defaults", 8) == 0)
		return defaults_line(s, l, n, file, line);
	if ((k == 10 && memcmp(l, "Cmnd_Alias", 10) == 0) || (k == 9 && memcmp(l, "Cmd_Alias", 9) == 0))
		return add_alias(s, l + k, n - k);
	if ((k == 10 && (memcmp(l, "User_Alias", 10) == 0 || memcmp(l, "Host_Alias", 10) == 0)) ||
	    (k == 11 && memcmp(l, "Runas_Alias", 11) == 0))
		return 0;
	return user_spec(s, l, n, file, line);
}

static const char *
intern(struct rp_sudoers *s, const char *path)
{
	size_t i;

	for (i = 0; i < s->files.n; i++)
		if (strcmp(s->files.v[i], path) == 0)
			return s->files.v[i];
	if (rp_strv_push(&s->files, path, strlen(path)) != 0)
		return NULL;
	return s->files.v[s->files.n - 1];
}

static int
parse_file(struct rp_sudoers *s, const char *path, int depth)
{
	struct rp_buf b = RP_BUF_INIT, lb = RP_BUF_INIT;
	const char *p, *end, *l, *file;
	unsigned lineno = 0, start;
	size_t n;
	int r;

	if (++s->nfiles > RP_H_FILES)
		return s->nfiles == RP_H_FILES + 1 ? note(s, path, 0, "too many sudoers files: the "
		    "rest not read") : 0;
	if ((r = rp_hroot_read(s->root, path, &b, RP_H_FILE_MAX)) != 0)
		goto out;
	if ((file = intern(s, path)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	rp_buf_init(&lb, RP_H_LINE_MAX);
	p = b.buf;
	end = b.buf + b.len;
	while (r == 0 && rp_h_next_line(&p, end, &l, &n)) {
		lineno++;
		start = lineno;
		rp_buf_reset(&lb);
		for (;;) {
			while (n > 0 && (l[n - 1] == '\r'))
				n--;
			if (n > 0 && l[n - 1] == '\\') {
				if ((r = rp_buf_add(&lb, l, n - 1)) != 0)
					break;
				if (!rp_h_next_line(&p, end, &l, &n))
					break;
				lineno++;
				continue;
			}
			r = rp_buf_add(&lb, l, n);
			break;
		}
		if (r == RP_ERR_TOOBIG) {
			r = note(s, file, start, "a line longer than 64 KiB: ignored");
			continue;
		}
		if (r == 0)
			r = logical(s, lb.buf, lb.len, file, start, depth);
	}
out:
	rp_buf_release(&lb);
	rp_buf_release(&b);
	return r;
}

int
rp_sudoers_load(const struct rp_hroot *r, const char *path, rp_h_note_fn note_fn,
    void *note_ctx, struct rp_sudoers **out)
{
	struct rp_sudoers *s;
	int rc;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return RP_ERR_NOMEM;
	s->root = r;
	s->note = note_fn;
	s->note_ctx = note_ctx;
	if ((rc = parse_file(s, path, 0)) != 0) {
		rp_sudoers_free(s);
		return rc;
	}
	*out = s;
	return 0;
}

void
rp_sudoers_free(struct rp_sudoers *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nrules; i++) {
		free(s->rules[i].text);
		free(s->rules[i].who);
	}
	for (i = 0; i < s->nal; i++) {
		free(s->al[i].name);
		free(s->al[i].list);
	}
	free(s->rules);
	free(s->al);
	rp_strv_release(&s->files);
	free(s);
}

size_t
rp_sudoers_nrules(const struct rp_sudoers *s)
{
	return s->nrules;
}

const struct rp_sudo_rule *
rp_sudoers_rule(const struct rp_sudoers *s, size_t i)
{
	return i < s->nrules ? &s->rules[i].r : NULL;
}

int
rp_h_sudo(struct rp_hrun *run)
{
	struct rp_sudoers *s = NULL;
	size_t i;
	int r;

	if (rp_hroot_stat(run->root, "/usr/bin/sudo", NULL, NULL) != 0)
		return rp_h_note(run, NULL, 0, "sudo: not installed, the sudo check does not apply");
	r = rp_sudoers_load(run->root, "/etc/sudoers", run->cb->on_note, run->ctx, &s);
	if (r == RP_ERR_NOTFOUND || r == RP_ERR_INVALID || r == RP_ERR_TOOBIG ||
	    r == RP_ERR_SYSTEM)
		return rp_h_skip(run, "sudo-nopasswd", "/etc/sudoers cannot be read");
	if (r != 0)
		return r;
	for (i = 0; i < s->nrules && r == 0; i++) {
		const struct rp_sudo_rule *u = &s->rules[i].r;

		if (u->defaults)
			r = rp_h_find(run, "sudo-nopasswd", RP_HSEV_HIGH, NULL, u->file, u->line,
			    "`%s`: sudo asks no password of %s", u->text, u->who);
		else
			r = rp_h_find(run, "sudo-nopasswd", u->all_commands ? RP_HSEV_HIGH : -1, NULL,
			    u->file, u->line, "`%s`: %s %s without a password", u->text,
			    u->who[0] ? u->who : "?", u->all_commands ? "becomes root" :
			    "runs these commands as another user");
	}
	rp_sudoers_free(s);
	return r;
}
