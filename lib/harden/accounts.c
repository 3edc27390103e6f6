/*
 * Accounts: uid0-extra (/etc/passwd) and empty-password (/etc/shadow, and /etc/passwd
 * entries whose password field is empty: those are not looked up in shadow). A
 * password hash is never copied into a finding: only the account's name and what is
 * wrong. NIS compat lines ('+', '-') are not accounts.
 */
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/err.h"
#include "harden/checks.h"

#define MAX_ACCOUNTS 65536

struct acct {
	char name[64];            /* cut to 63 bytes: only for the evidence */
	char shell[64];
	int nologin;
};

/* Field i (0-based) of a ':'-separated line: start and length, or -1 when missing. */
static int
field(const char *l, size_t n, int i, const char **f, size_t *fl)
{
	const char *p = l, *end = l + n, *q;

	while (i-- > 0) {
		if ((q = memchr(p, ':', (size_t)(end - p))) == NULL)
			return -1;
		p = q + 1;
	}
	q = memchr(p, ':', (size_t)(end - p));
	*f = p;
	*fl = q ? (size_t)(q - p) : (size_t)(end - p);
	return 0;
}

static void
copy_cut(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static int
is_nologin(const char *sh)
{
	const char *b = strrchr(sh, '/');

	b = b ? b + 1 : sh;
	return strcmp(b, "nologin") == 0 || strcmp(b, "false") == 0;
}

static const struct acct *
lookup(const struct acct *a, size_t n, const char *name, size_t nl)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(a[i].name) == nl && memcmp(a[i].name, name, nl) == 0)
			return &a[i];
	return NULL;
}

int
rp_h_accounts(struct rp_hrun *run)
{
	struct rp_buf pw = RP_BUF_INIT, sh = RP_BUF_INIT;
	struct acct *accts = NULL;
	size_t nacct = 0, cap = 0, n;
	const char *p, *end, *l;
	unsigned lineno = 0;
	int r;

	r = rp_hroot_read(run->root, "/etc/passwd", &pw, RP_H_FILE_MAX);
	if (r != 0) {
		r = rp_h_skip(run, "uid0-extra", "/etc/passwd cannot be read");
		if (r == 0)
			r = rp_h_skip(run, "empty-password", "/etc/passwd cannot be read");
		goto out;
	}
	p = pw.buf;
	end = pw.buf + pw.len;
	while (rp_h_next_line(&p, end, &l, &n)) {
		const char *name, *pass, *uid, *shell;
		size_t nl, pl, ul, sl;
		char sh_nm[64];

		lineno++;
		if (n == 0 || l[0] == '#' || l[0] == '+' || l[0] == '-')
			continue;
		if (field(l, n, 0, &name, &nl) != 0 || field(l, n, 1, &pass, &pl) != 0 ||
		    field(l, n, 2, &uid, &ul) != 0 || nl == 0)
			continue;
		if (field(l, n, 6, &shell, &sl) != 0)
			sl = 0;
		copy_cut(sh_nm, sizeof(sh_nm), sl ? shell : "", sl);
		if (nacct < MAX_ACCOUNTS) {
			if ((r = RP_ARRAY_GROW(&accts, &cap, nacct + 1, MAX_ACCOUNTS)) != 0)
				goto out;
			copy_cut(accts[nacct].name, sizeof(accts[nacct].name), name, nl);
			copy_cut(accts[nacct].shell, sizeof(accts[nacct].shell), sl ? shell : "", sl);
			accts[nacct].nologin = is_nologin(accts[nacct].shell);
			nacct++;
		}
		/* uid 0 written any way strtoul reads it: "0", "00" */
		if (ul > 0 && strspn(uid, "0") == ul && !(nl == 4 && memcmp(name, "root", 4) == 0)) {
			char nm[64];

			copy_cut(nm, sizeof(nm), name, nl);
			if ((r = rp_h_find(run, "uid0-extra", -1, NULL, "/etc/passwd", lineno,
			    "account '%s' has uid 0 (shell %s)", nm, sh_nm[0] ? sh_nm : "none")) != 0)
				goto out;
		}
		if (pl == 0) {
			char nm[64];

			copy_cut(nm, sizeof(nm), name, nl);
			if ((r = rp_h_find(run, "empty-password", is_nologin(sh_nm) ? RP_HSEV_MEDIUM : -1, NULL, "/etc/passwd", lineno,
			    "account '%s' has an empty password field in /etc/passwd (shadow is not "
			    "consulted): it logs in without a password", nm)) != 0)
				goto out;
		}
	}

	r = rp_hroot_read(run->root, "/etc/shadow", &sh, RP_H_FILE_MAX);
	if (r == RP_ERR_NOTFOUND) {
		r = 0;
		goto out;
	}
	if (r != 0) {
		r = rp_h_skip(run, "empty-password", "/etc/shadow cannot be read (run as root)");
		goto out;
	}
	p = sh.buf;
	end = sh.buf + sh.len;
	lineno = 0;
	while (rp_h_next_line(&p, end, &l, &n)) {
		const char *name, *pass;
		size_t nl, pl;
		const struct acct *a;
		char nm[64];

		lineno++;
		if (n == 0 || l[0] == '#' || l[0] == '+' || l[0] == '-')
			continue;
		if (field(l, n, 0, &name, &nl) != 0 || field(l, n, 1, &pass, &pl) != 0 || nl == 0)
			continue;
		if (pl != 0)
			continue;           /* a hash, '*' or '!': never copied anywhere */
		a = lookup(accts, nacct, name, nl);
		copy_cut(nm, sizeof(nm), name, nl);
		if ((r = rp_h_find(run, "empty-password", a && a->nologin ? RP_HSEV_MEDIUM : -1,
		    NULL, "/etc/shadow", lineno, "account '%s' has an empty password field%s%s%s",
		    nm, a && a->nologin ? " (its shell " : a ? "" : " (no /etc/passwd entry)",
		    a && a->nologin ? a->shell : "", a && a->nologin ? " refuses logins, other "
		    "services may not)" : "")) != 0)
			goto out;
	}
	r = 0;
out:
	free(accts);
	rp_buf_release(&pw);
	rp_buf_release(&sh);
	return r;
}
