/*
 * systemd-journald: Storage= as systemd 252 (Debian 12) computes it, and the check
 * journal-volatile.
 *
 * The rules followed (conf-parser.c): /etc/systemd/journald.conf first, then the
 * drop-ins *.conf of journald.conf.d/ under /etc, /run, /usr/local/lib, /usr/lib and
 * /lib, in file-name order, a name found in an earlier directory hiding the same name
 * in a later one (a link to /dev/null masks); '#' and ';' begin comment lines; a
 * backslash ending a line joins the next; only [Journal] counts; keys and values are
 * case-sensitive; the last valid assignment wins; a value that is not a storage mode
 * (the empty one too) is ignored with a warning.
 */
#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "harden/checks.h"

static const char *const dropin_dirs[] = {
	"/etc/systemd/journald.conf.d", "/run/systemd/journald.conf.d",
	"/usr/local/lib/systemd/journald.conf.d", "/usr/lib/systemd/journald.conf.d",
	"/lib/systemd/journald.conf.d",
};

static void
assign(struct rp_journald *j, const char *v, size_t n, const char *file, unsigned line)
{
	static const char *const modes[] = { "volatile", "persistent", "auto", "none" };
	size_t i;

	for (i = 0; i < 4; i++) {
		if (strlen(modes[i]) == n && memcmp(v, modes[i], n) == 0) {
			snprintf(j->storage, sizeof(j->storage), "%s", modes[i]);
			snprintf(j->file, sizeof(j->file), "%s", file);
			j->line = line;
			return;
		}
	}
}

void
rp_journald_parse(const char *text, size_t len, const char *file, struct rp_journald *j)
{
	const char *p = text, *end = text + len, *l;
	char lb[4096];
	unsigned lineno = 0, start;
	size_t n, ln;
	int in_journal = 0;

	while (rp_h_next_line(&p, end, &l, &n)) {
		lineno++;
		start = lineno;
		ln = 0;
		for (;;) {
			const char *s = l;
			size_t k = n;

			rp_h_trim(&s, &k);
			if (ln == 0 && k > 0 && (s[0] == '#' || s[0] == ';'))
				break;
			if (k > 0 && s[k - 1] == '\\') {
				/* systemd turns the backslash into a blank and goes on */
				if (ln + k < sizeof(lb)) {
					memcpy(lb + ln, s, k - 1);
					ln += k - 1;
					lb[ln++] = ' ';
				}
				if (!rp_h_next_line(&p, end, &l, &n))
					break;
				lineno++;
				continue;
			}
			if (ln + k < sizeof(lb)) {
				memcpy(lb + ln, s, k);
				ln += k;
			}
			break;
		}
		{
			const char *s = lb, *eq, *key, *val;
			size_t k = ln, kl, vl;

			rp_h_trim(&s, &k);
			if (k == 0 || s[0] == '#' || s[0] == ';')
				continue;
			if (s[0] == '[') {
				in_journal = k == 9 && memcmp(s, "[Journal]", 9) == 0;
				continue;
			}
			if (!in_journal || (eq = memchr(s, '=', k)) == NULL)
				continue;
			key = s;
			kl = (size_t)(eq - s);
			rp_h_trim(&key, &kl);
			val = eq + 1;
			vl = (size_t)(s + k - val);
			rp_h_trim(&val, &vl);
			if (kl == 7 && memcmp(key, "Storage", 7) == 0)
				assign(j, val, vl, file, start);
		}
	}
}

static int
read_one(const struct rp_hroot *r, const char *path, struct rp_journald *j)
{
	struct rp_buf b = RP_BUF_INIT;
	int rc = rp_hroot_read(r, path, &b, RP_H_FILE_MAX);

	if (rc == 0)
		rp_journald_parse(b.buf, b.len, path, j);
	rp_buf_release(&b);
	return rc;
}

int
rp_journald_load(const struct rp_hroot *r, rp_h_note_fn note, void *note_ctx,
    struct rp_journald *j)
{
	struct rp_strv names = RP_STRV_INIT, paths = RP_STRV_INIT;
	struct rp_buf p = RP_BUF_INIT;
	size_t d, i, k;
	int rc = 0;

	memset(j, 0, sizeof(*j));
	snprintf(j->storage, sizeof(j->storage), "auto");
	read_one(r, "/etc/systemd/journald.conf", j);
	/* the drop-ins: each name once, from the first directory that has it */
	for (d = 0; d < sizeof(dropin_dirs) / sizeof(dropin_dirs[0]); d++) {
		rp_strv_release(&names);
		if (rp_hroot_list(r, dropin_dirs[d], &names) < 0 && names.n == 0)
			continue;
		for (i = 0; i < names.n; i++) {
			size_t len = strlen(names.v[i]);
			int seen = 0;

			if (len < 6 || strcmp(names.v[i] + len - 5, ".conf") != 0)
				continue;
			for (k = 0; k < paths.n && !seen; k++)
				seen = strcmp(strrchr(paths.v[k], '/') + 1, names.v[i]) == 0;
			if (seen)
				continue;
			rp_buf_reset(&p);
			rp_buf_addf(&p, "%s/%s", dropin_dirs[d], names.v[i]);
			if ((rc = rp_strv_push(&paths, p.buf, p.len)) != 0)
				goto out;
		}
	}
	/* in file-name order, whatever the directory */
	for (i = 1; i < paths.n; i++) {
		for (k = i; k > 0 && strcmp(strrchr(paths.v[k - 1], '/'),
		    strrchr(paths.v[k], '/')) > 0; k--) {
			char *t = paths.v[k];

			paths.v[k] = paths.v[k - 1];
			paths.v[k - 1] = t;
		}
	}
	for (i = 0; i < paths.n && i < RP_H_FILES; i++) {
		int r2 = read_one(r, paths.v[i], j);

		if (r2 != 0 && r2 != RP_ERR_INVALID && note &&
		    (rc = note(paths.v[i], 0, "a journald drop-in that cannot be read", note_ctx)) != 0)
			goto out;
	}
out:
	rp_strv_release(&names);
	rp_strv_release(&paths);
	rp_buf_release(&p);
	return rc;
}

int
rp_h_journald(struct rp_hrun *run)
{
	struct rp_journald j;
	int is_dir = 0, syslog, r;
	const char *where;

	if (rp_hroot_stat(run->root, "/lib/systemd/systemd-journald", NULL, NULL) != 0 &&
	    rp_hroot_stat(run->root, "/usr/lib/systemd/systemd-journald", NULL, NULL) != 0)
		return rp_h_note(run, NULL, 0, "journald: not installed, the journal check does not "
		    "apply");
	if ((r = rp_journald_load(run->root, run->cb->on_note, run->ctx, &j)) != 0)
		return r;
	syslog = rp_hroot_stat(run->root, "/usr/sbin/rsyslogd", NULL, NULL) == 0;
	where = j.file[0] ? j.file : "/etc/systemd/journald.conf";
	if (strcmp(j.storage, "volatile") == 0 || strcmp(j.storage, "none") == 0)
		return rp_h_find(run, "journal-volatile", syslog ? RP_HSEV_LOW :
		    strcmp(j.storage, "none") == 0 ? RP_HSEV_HIGH : -1, NULL, where, j.line,
		    "Storage=%s: %s%s", j.storage, strcmp(j.storage, "none") == 0 ?
		    "journald keeps no logs at all" : "the journal lives in /run and is lost at "
		    "every reboot", syslog ? "; rsyslog is installed and may keep text logs in "
		    "/var/log" : "");
	if (strcmp(j.storage, "auto") == 0 &&
	    (rp_hroot_stat(run->root, "/var/log/journal", &is_dir, NULL) != 0 || !is_dir))
		return rp_h_find(run, "journal-volatile", syslog ? RP_HSEV_LOW : -1, NULL,
		    j.file[0] ? j.file : NULL, j.line, "Storage=auto%s and no /var/log/journal: the "
		    "journal lives in /run and is lost at every reboot%s", j.file[0] ? "" :
		    " (the default)", syslog ? "; rsyslog is installed and may keep text logs in "
		    "/var/log" : "");
	return 0;
}
