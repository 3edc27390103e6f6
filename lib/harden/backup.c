/*
 * backup-reachable: whether the backup target the site profile names ([backup]
 * path) can be written from this server, where ransomware running here would reach
 * it. Live: the mount that holds the path now (/proc/self/mountinfo: the longest mount
 * point above it, the last one mounted there); read-write and holding the path (its
 * own mount point, or a directory with files in it) is a finding. On the live system
 * and under --root: /etc/fstab entries at or above the path (but /) that mount
 * read-write at boot or on first access (x-systemd.automount); and, under --root,
 * files at the path on the system's own disk.
 */
#include <fcntl.h>
#include <string.h>

#include "core/err.h"
#include "core/file.h"
#include "forensic/mount.h"
#include "harden/checks.h"

struct mnt {
	char point[1024];
	char fstype[64];
	char source[512];
	char opts[512];
	unsigned line;
	int ro;
};

/* The i-th blank-separated field of a line. */
static int
fieldw(const char *l, size_t n, int i, const char **f, size_t *fl)
{
	size_t p = 0;

	for (;;) {
		while (p < n && (l[p] == ' ' || l[p] == '\t'))
			p++;
		if (p >= n)
			return -1;
		*f = l + p;
		while (p < n && l[p] != ' ' && l[p] != '\t')
			p++;
		*fl = (size_t)(l + p - *f);
		if (i-- == 0)
			return 0;
	}
}

static int
has_opt(const char *opts, const char *o)
{
	size_t k = strlen(o);
	const char *p = opts;

	while (*p) {
		size_t n = strcspn(p, ",");

		if (n == k && memcmp(p, o, k) == 0)
			return 1;
		p += n;
		if (*p == ',')
			p++;
	}
	return 0;
}

/* Whether mount point m is path or a directory above it ("/" is above everything). */
static int
covers(const char *m, const char *path)
{
	size_t k = strlen(m);

	if (strcmp(m, "/") == 0)
		return 1;
	return strncmp(m, path, k) == 0 && (path[k] == '\0' || path[k] == '/');
}

/* Parses mountinfo; best: the mount holding path. 1 found, 0 not. */
static int
mountinfo_find(const char *text, size_t len, const char *path, struct mnt *best)
{
	const char *p = text, *end = text + len, *l;
	unsigned lineno = 0;
	size_t n, bestlen = 0;
	int found = 0;

	while (rp_h_next_line(&p, end, &l, &n)) {
		const char *f, *dash;
		size_t fl, k;
		struct mnt m;
		int i;

		lineno++;
		memset(&m, 0, sizeof(m));
		if (fieldw(l, n, 4, &f, &fl) != 0)
			continue;
		rp_mount_unescape(m.point, sizeof(m.point), f, fl);
		if (fieldw(l, n, 5, &f, &fl) != 0)
			continue;
		rp_mount_unescape(m.opts, sizeof(m.opts), f, fl);
		/* after the optional fields: " - fstype source superoptions" */
		for (i = 6, dash = NULL; fieldw(l, n, i, &f, &fl) == 0; i++) {
			if (fl == 1 && f[0] == '-') {
				dash = f;
				break;
			}
		}
		if (dash == NULL)
			continue;
		if (fieldw(l, n, i + 1, &f, &fl) == 0)
			rp_mount_unescape(m.fstype, sizeof(m.fstype), f, fl);
		if (fieldw(l, n, i + 2, &f, &fl) == 0)
			rp_mount_unescape(m.source, sizeof(m.source), f, fl);
		m.ro = has_opt(m.opts, "ro");
		if (fieldw(l, n, i + 3, &f, &fl) == 0) {
			char so[512];

			rp_mount_unescape(so, sizeof(so), f, fl);
			m.ro |= has_opt(so, "ro");
		}
		m.line = lineno;
		if (!covers(m.point, path))
			continue;
		k = strlen(m.point);
		if (k >= bestlen) {          /* the last mount on a point is the one seen */
			*best = m;
			bestlen = k;
			found = 1;
		}
	}
	return found;
}

static int
has_files(const struct rp_hroot *r, const char *path)
{
	struct rp_strv names = RP_STRV_INIT;
	int yes;

	yes = rp_hroot_list(r, path, &names) == 0 && names.n > 0;
	rp_strv_release(&names);
	return yes;
}

/* fstab entries at or above path (not /) that mount it writable without being asked. */
static int
fstab(struct rp_hrun *run, const char *path, int *covered)
{
	struct rp_buf b = RP_BUF_INIT;
	const char *p, *end, *l;
	unsigned lineno = 0;
	size_t n;
	int r;

	*covered = 0;
	r = rp_hroot_read(run->root, "/etc/fstab", &b, RP_H_FILE_MAX);
	if (r != 0) {
		rp_buf_release(&b);
		return 0;
	}
	p = b.buf;
	end = b.buf + b.len;
	while (r == 0 && rp_h_next_line(&p, end, &l, &n)) {
		const char *f;
		size_t fl;
		char spec[512], point[1024], type[64], opts[512];
		int automount;

		lineno++;
		if (fieldw(l, n, 0, &f, &fl) != 0 || f[0] == '#')
			continue;
		rp_mount_unescape(spec, sizeof(spec), f, fl);
		if (fieldw(l, n, 1, &f, &fl) != 0)
			continue;
		rp_mount_unescape(point, sizeof(point), f, fl);
		if (fieldw(l, n, 2, &f, &fl) != 0)
			continue;
		rp_mount_unescape(type, sizeof(type), f, fl);
		if (fieldw(l, n, 3, &f, &fl) == 0)
			rp_mount_unescape(opts, sizeof(opts), f, fl);
		else
			snprintf(opts, sizeof(opts), "defaults");
		while (strlen(point) > 1 && point[strlen(point) - 1] == '/')
			point[strlen(point) - 1] = '\0';
		if (strcmp(point, "/") == 0 || !covers(point, path))
			continue;
		*covered = 1;
		if (has_opt(opts, "ro"))
			continue;
		automount = has_opt(opts, "x-systemd.automount");
		if (has_opt(opts, "noauto") && !automount)
			continue;
		r = rp_h_find(run, "backup-reachable", -1, NULL, "/etc/fstab", lineno,
		    "%s: %s (%s) is mounted read-write at %s (%s)", path, spec, type, point,
		    automount ? "on first access, x-systemd.automount" : "at every boot");
	}
	rp_buf_release(&b);
	return r;
}

int
rp_h_backup(struct rp_hrun *run)
{
	char path[1024];
	struct rp_buf mi = RP_BUF_INIT;
	struct mnt m;
	size_t n;
	int r = 0, covered, live_found = 0;

	if (run->backup_path == NULL || run->backup_path[0] == '\0')
		return rp_h_skip(run, "backup-reachable", "no [backup] path in the site profile "
		    "(riposte.conf)");
	n = strlen(run->backup_path);
	if (run->backup_path[0] != '/' || n >= sizeof(path))
		return rp_h_skip(run, "backup-reachable", "[backup] path is not an absolute path");
	memcpy(path, run->backup_path, n + 1);
	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';

	if (run->live) {
		struct rp_buf p = RP_BUF_INIT;

		rp_buf_addf(&p, "%s/self/mountinfo", run->proc);
		r = rp_file_read_all(AT_FDCWD, p.buf, &mi, RP_H_FILE_MAX);
		rp_buf_release(&p);
		if (r != 0) {
			r = rp_h_note(run, "/proc/self/mountinfo", 0, "cannot be read: the mounts of "
			    "now are not checked");
		} else if (mountinfo_find(mi.buf, mi.len, path, &m) && !m.ro &&
		    (strcmp(m.point, path) == 0 || has_files(run->root, path))) {
			live_found = 1;
			if (strcmp(m.point, path) == 0)
				r = rp_h_find(run, "backup-reachable", -1, NULL, "/proc/self/mountinfo",
				    m.line, "%s: %s (%s) is mounted read-write there now (%s)", path,
				    m.source, m.fstype, m.opts);
			else
				r = rp_h_find(run, "backup-reachable", -1, NULL, "/proc/self/mountinfo",
				    m.line, "%s holds files on the read-write filesystem mounted at %s "
				    "(%s %s): the backups are on this server's own storage", path,
				    m.point, m.fstype, m.source);
		}
		if (r != 0)
			goto out;
	}
	if (!live_found) {
		if ((r = fstab(run, path, &covered)) != 0)
			goto out;
		if (!run->live && !covered && has_files(run->root, path))
			r = rp_h_find(run, "backup-reachable", -1, NULL, path, 0,
			    "%s holds files on the system's own filesystem (no mount of its own in "
			    "/etc/fstab): the backups are on this server", path);
	}
out:
	rp_buf_release(&mi);
	return r;
}
