/*
 * pending-security-updates: the installed packages (/var/lib/dpkg/status) against
 * the security suite's Packages lists that apt already holds (/var/lib/apt/lists; no
 * network: what `apt-get update` last fetched, whose date the finding gives). A list
 * belongs to a security suite when its Release file says Label ...Security, or a
 * Suite or Codename ending in -security (or /updates, Debian 10 and older). Versions
 * compare as dpkg compares them. Files only: this check runs under --root too, where
 * a restored system's age shows.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/err.h"
#include "harden/checks.h"

#define LISTS "/var/lib/apt/lists"
#define STATUS_MAX ((size_t)64 << 20)
#define LIST_MAX_UNPACKED ((size_t)256 << 20)
#define MAX_PKGS 200000
#define SHOW 8

/* ---- dpkg's version comparison ---- */

static int
order(int c)
{
	if (isdigit(c))
		return 0;
	if (isalpha(c))
		return c;
	if (c == '~')
		return -1;
	if (c)
		return c + 256;
	return 0;
}

static int
verrevcmp(const char *a, const char *ae, const char *b, const char *be)
{
	while (a < ae || b < be) {
		int first_diff = 0;

		while ((a < ae && !isdigit((unsigned char)*a)) || (b < be && !isdigit((unsigned char)*b))) {
			int ac = a < ae ? order((unsigned char)*a) : 0;
			int bc = b < be ? order((unsigned char)*b) : 0;

			if (ac != bc)
				return ac - bc;
			if (a < ae)
				a++;
			if (b < be)
				b++;
		}
		while (a < ae && *a == '0')
			a++;
		while (b < be && *b == '0')
			b++;
		while (a < ae && b < be && isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			if (!first_diff)
				first_diff = *a - *b;
			a++;
			b++;
		}
		if (a < ae && isdigit((unsigned char)*a))
			return 1;
		if (b < be && isdigit((unsigned char)*b))
			return -1;
		if (first_diff)
			return first_diff;
	}
	return 0;
}

struct ver {
	unsigned long epoch;
	const char *up, *upe, *rev, *reve;
};

static void
split(const char *v, struct ver *o)
{
	const char *colon = strchr(v, ':'), *dash, *end = v + strlen(v);

	o->epoch = 0;
	if (colon && colon > v && (size_t)(colon - v) <= 9 &&
	    strspn(v, "0123456789") == (size_t)(colon - v)) {
		o->epoch = strtoul(v, NULL, 10);
		v = colon + 1;
	}
	dash = strrchr(v, '-');
	o->up = v;
	if (dash) {
		o->upe = dash;
		o->rev = dash + 1;
		o->reve = end;
	} else {
		o->upe = end;
		o->rev = o->reve = end;
	}
}

int
rp_dpkg_vercmp(const char *a, const char *b)
{
	struct ver x, y;
	int r;

	split(a, &x);
	split(b, &y);
	if (x.epoch != y.epoch)
		return x.epoch > y.epoch ? 1 : -1;
	if ((r = verrevcmp(x.up, x.upe, y.up, y.upe)) != 0)
		return r;
	return verrevcmp(x.rev, x.reve, y.rev, y.reve);
}

/* ---- control files ---- */

struct pkg {
	char *name, *arch, *ver;
	char *newer;              /* the security suite's newest, when newer than ver */
	const char *list;         /* the list it came from */
};

struct stanza {
	const char *f[4];         /* Package, Architecture, Version, Status */
	size_t n[4];
};

/* Calls fn for each paragraph of a Debian control file (first lines of fields). */
static int
each_stanza(const char *text, size_t len, int (*fn)(const struct stanza *, void *), void *ctx)
{
	static const char *const keys[4] = { "Package:", "Architecture:", "Version:", "Status:" };
	const char *p = text, *end = text + len, *l;
	struct stanza s;
	size_t n;
	int r, any = 0, k;

	memset(&s, 0, sizeof(s));
	for (;;) {
		int more = rp_h_next_line(&p, end, &l, &n);

		if (!more || n == 0 || (n == 1 && l[0] == '\r')) {
			if (any && (r = fn(&s, ctx)) != 0)
				return r;
			memset(&s, 0, sizeof(s));
			any = 0;
			if (!more)
				return 0;
			continue;
		}
		if (l[0] == ' ' || l[0] == '\t')
			continue;
		for (k = 0; k < 4; k++) {
			size_t kl = strlen(keys[k]);

			if (n >= kl && memcmp(l, keys[k], kl) == 0) {
				const char *v = l + kl;
				size_t vl = n - kl;

				rp_h_trim(&v, &vl);
				s.f[k] = v;
				s.n[k] = vl;
				any = 1;
			}
		}
	}
}

struct pkgs {
	struct pkg *v;
	size_t n, cap;
	const char *list;
	size_t pending;
};

static int
cmp_pkg(const void *a, const void *b)
{
	const struct pkg *x = a, *y = b;
	int r = strcmp(x->name, y->name);

	return r ? r : strcmp(x->arch, y->arch);
}

static int
add_installed(const struct stanza *s, void *ctx)
{
	struct pkgs *ps = ctx;
	struct pkg *g;
	int r;

	if (!s->f[0] || !s->f[2] || !s->f[3] || ps->n >= MAX_PKGS)
		return 0;
	/* "install ok installed", "hold ok installed": the third word */
	if (!(s->n[3] >= 10 && memcmp(s->f[3] + s->n[3] - 10, " installed", 10) == 0))
		return 0;
	if ((r = RP_ARRAY_GROW(&ps->v, &ps->cap, ps->n + 1, MAX_PKGS)) != 0)
		return r;
	g = ps->v;
	memset(&g[ps->n], 0, sizeof(g[0]));
	g[ps->n].name = strndup(s->f[0], s->n[0]);
	g[ps->n].arch = strndup(s->f[1] ? s->f[1] : "", s->f[1] ? s->n[1] : 0);
	g[ps->n].ver = strndup(s->f[2], s->n[2]);
	if (!g[ps->n].name || !g[ps->n].arch || !g[ps->n].ver) {
		free(g[ps->n].name);
		free(g[ps->n].arch);
		free(g[ps->n].ver);
		return RP_ERR_NOMEM;
	}
	ps->n++;
	return 0;
}

static int
offer(const struct stanza *s, void *ctx)
{
	struct pkgs *ps = ctx;
	struct pkg key, *hit;
	char name[256], arch[64], ver[256];

	if (!s->f[0] || !s->f[2] || s->n[0] >= sizeof(name) || s->n[2] >= sizeof(ver) ||
	    (s->f[1] && s->n[1] >= sizeof(arch)))
		return 0;
	memcpy(name, s->f[0], s->n[0]);
	name[s->n[0]] = '\0';
	memcpy(ver, s->f[2], s->n[2]);
	ver[s->n[2]] = '\0';
	memcpy(arch, s->f[1] ? s->f[1] : "", s->f[1] ? s->n[1] : 0);
	arch[s->f[1] ? s->n[1] : 0] = '\0';
	key.name = name;
	key.arch = arch;
	if (ps->n == 0)
		return 0;
	if ((hit = bsearch(&key, ps->v, ps->n, sizeof(*ps->v), cmp_pkg)) == NULL)
		return 0;
	if (rp_dpkg_vercmp(hit->ver, ver) >= 0)
		return 0;
	if (hit->newer && rp_dpkg_vercmp(hit->newer, ver) >= 0)
		return 0;
	if (hit->newer == NULL)
		ps->pending++;
	free(hit->newer);
	if ((hit->newer = strdup(ver)) == NULL)
		return RP_ERR_NOMEM;
	hit->list = ps->list;
	return 0;
}

/* Label, Suite, Codename of a Release/InRelease file: is it a security suite? */
/* "Date: Wed, 02 Dec 2026 23:13:43 UTC" -> "2026-12-02" */
static void
release_date(const char *v, size_t n, char *out, size_t cap)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	const char *p = memchr(v, ',', n), *end = v + n, *m;
	unsigned day = 0, year = 0;
	int k = 0;

	p = p ? p + 1 : v;
	while (p < end && *p == ' ')
		p++;
	while (p < end && isdigit((unsigned char)*p) && day < 100)
		day = day * 10 + (unsigned)(*p++ - '0');
	while (p < end && *p == ' ')
		p++;
	if (end - p < 4 || (m = memmem(months, 36, p, 3)) == NULL || (m - months) % 3)
		return;
	p += 3;
	while (p < end && *p == ' ')
		p++;
	while (p < end && isdigit((unsigned char)*p) && k++ < 4)
		year = year * 10 + (unsigned)(*p++ - '0');
	if (day >= 1 && day <= 31 && year >= 1990 && year <= 9999)
		snprintf(out, cap, "%04u-%02u-%02u", year, (unsigned)((m - months) / 3 + 1), day);
}

static int
security_release(const char *t, size_t len, char *suite, size_t cap, char *date, size_t dcap)
{
	const char *p = t, *end = t + len, *l;
	size_t n;
	int sec = 0, in_armor = 0;

	suite[0] = '\0';
	if (len > 5 && memcmp(t, "-----", 5) == 0)
		in_armor = 1;
	while (rp_h_next_line(&p, end, &l, &n)) {
		const char *v;
		size_t vl;

		if (in_armor) {
			if (n == 0 || (n == 1 && l[0] == '\r'))
				in_armor = 0;
			continue;
		}
		if (n == 0 || (n >= 5 && memcmp(l, "-----", 5) == 0))
			break;
		if (n > 5 && memcmp(l, "Date:", 5) == 0) {
			release_date(l + 5, n - 5, date, dcap);
		} else if (n > 6 && memcmp(l, "Label:", 6) == 0) {
			v = l + 6;
			vl = n - 6;
			rp_h_trim(&v, &vl);
			if (memmem(v, vl, "Security", 8) || memmem(v, vl, "security", 8))
				sec = 1;
		} else if ((n > 6 && memcmp(l, "Suite:", 6) == 0) ||
		    (n > 9 && memcmp(l, "Codename:", 9) == 0)) {
			v = l + (l[0] == 'S' ? 6 : 9);
			vl = n - (size_t)(v - l);
			rp_h_trim(&v, &vl);
			if ((vl > 9 && memcmp(v + vl - 9, "-security", 9) == 0) ||
			    (vl > 8 && memcmp(v + vl - 8, "/updates", 8) == 0)) {
				sec = 1;
				if (l[0] == 'C' || suite[0] == '\0')
					snprintf(suite, cap, "%.*s", (int)vl, v);
			}
		}
	}
	return sec;
}

static int
packages_name(const char *name, size_t plen)
{
	const char *p = strstr(name + plen, "_Packages");

	if (p == NULL)
		return 0;
	p += 9;
	return *p == '\0' || strcmp(p, ".gz") == 0 || strcmp(p, ".xz") == 0 ||
	    strcmp(p, ".zst") == 0 || strcmp(p, ".lz4") == 0;
}

static void
free_pkgs(struct pkgs *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++) {
		free(ps->v[i].name);
		free(ps->v[i].arch);
		free(ps->v[i].ver);
		free(ps->v[i].newer);
	}
	free(ps->v);
}

int
rp_h_apt(struct rp_hrun *run)
{
	struct rp_buf st = RP_BUF_INIT, raw = RP_BUF_INIT, text = RP_BUF_INIT, path = RP_BUF_INIT;
	struct rp_buf ev = RP_BUF_INIT;
	struct rp_strv names = RP_STRV_INIT, lists = RP_STRV_INIT;
	struct pkgs ps = { NULL, 0, 0, NULL, 0 };
	char suite[64] = "", date[16] = "";
	size_t i, j, shown;
	int r, nsec = 0;

	r = rp_hroot_read(run->root, "/var/lib/dpkg/status", &st, STATUS_MAX);
	if (r != 0) {
		r = rp_h_skip(run, "pending-security-updates", r == RP_ERR_NOTFOUND ?
		    "no /var/lib/dpkg/status: not a Debian system" : "/var/lib/dpkg/status cannot be read");
		goto out;
	}
	if ((r = each_stanza(st.buf, st.len, add_installed, &ps)) != 0)
		goto out;
	if (ps.n > 1)
		qsort(ps.v, ps.n, sizeof(*ps.v), cmp_pkg);
	r = rp_hroot_list(run->root, LISTS, &names);
	if (r == RP_ERR_NOTFOUND || (r == 0 && names.n == 0)) {
		r = rp_h_skip(run, "pending-security-updates", "apt has no package lists "
		    "(/var/lib/apt/lists): apt-get update never ran");
		goto out;
	}
	r = 0;
	for (i = 0; i < names.n; i++) {
		const char *nm = names.v[i];
		size_t len = strlen(nm), plen;
		char s2[64], d2[16] = "";

		if (len > 10 && strcmp(nm + len - 10, "_InRelease") == 0)
			plen = len - 9;
		else if (len > 8 && strcmp(nm + len - 8, "_Release") == 0)
			plen = len - 7;
		else
			continue;
		rp_buf_reset(&path);
		rp_buf_addf(&path, LISTS "/%s", nm);
		rp_buf_reset(&raw);
		if (rp_hroot_read(run->root, path.buf, &raw, RP_H_FILE_MAX) != 0)
			continue;
		if (!security_release(raw.buf, raw.len, s2, sizeof(s2), d2, sizeof(d2)))
			continue;
		nsec++;
		if (suite[0] == '\0' && s2[0])
			snprintf(suite, sizeof(suite), "%s", s2);
		if (date[0] == '\0' && d2[0])
			snprintf(date, sizeof(date), "%s", d2);
		/* its Packages lists: the same prefix */
		for (j = 0; j < names.n; j++) {
			if (strncmp(names.v[j], nm, plen) != 0 || !packages_name(names.v[j], plen))
				continue;
			rp_buf_reset(&path);
			rp_buf_addf(&path, LISTS "/%s", names.v[j]);
			rp_buf_reset(&raw);
			rp_buf_reset(&text);
			if (rp_hroot_read(run->root, path.buf, &raw, LIST_MAX_UNPACKED) != 0 ||
			    rp_h_unpack(names.v[j], raw.buf, raw.len, &text, LIST_MAX_UNPACKED) != 0) {
				if ((r = rp_h_note(run, path.buf, 0, "an apt list that cannot be read or "
				    "unpacked")) != 0)
					goto out;
				continue;
			}
			if ((r = rp_strv_push(&lists, path.buf, path.len)) != 0)
				goto out;
			ps.list = lists.v[lists.n - 1];
			if ((r = each_stanza(text.buf, text.len, offer, &ps)) != 0)
				goto out;
		}
	}
	if (nsec == 0) {
		r = rp_h_find(run, "pending-security-updates", -1,
		    "Add the security suite to apt's sources (Debian 12: `deb "
		    "http://security.debian.org/debian-security bookworm-security main`) and run "
		    "`apt-get update && apt-get upgrade`.", LISTS, 0,
		    "apt's lists hold no security suite: security updates never arrive");
		goto out;
	}
	if (ps.pending == 0)
		goto out;
	rp_buf_addf(&ev, "%zu installed package%s older than %s's (apt lists of %s): ",
	    ps.pending, ps.pending == 1 ? " is" : "s are", suite[0] ? suite : "the security suite",
	    date[0] ? date : "an unknown date");
	for (i = 0, shown = 0; i < ps.n; i++) {
		if (ps.v[i].newer == NULL)
			continue;
		if (shown == SHOW) {
			rp_buf_addf(&ev, ", and %zu more", ps.pending - SHOW);
			break;
		}
		rp_buf_addf(&ev, "%s%s %s < %s", shown ? ", " : "", ps.v[i].name, ps.v[i].ver,
		    ps.v[i].newer);
		shown++;
	}
	for (i = 0; i < ps.n && ps.v[i].newer == NULL; i++)
		;
	r = rp_h_find(run, "pending-security-updates", -1, NULL, i < ps.n ? ps.v[i].list : LISTS,
	    0, "%s", ev.buf);
out:
	free_pkgs(&ps);
	rp_strv_release(&names);
	rp_strv_release(&lists);
	rp_buf_release(&st);
	rp_buf_release(&raw);
	rp_buf_release(&text);
	rp_buf_release(&path);
	rp_buf_release(&ev);
	return r;
}
