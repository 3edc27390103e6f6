/*
 * The simulator's refusals. Decisions (documented in --help):
 *  - DIR itself must not be a symlink; its parent must exist and is resolved
 *    (realpath), so a symlinked parent such as /tmp -> /private/tmp is fine and the
 *    checks apply to where DIR really is.
 *  - Refused: "/", the home directory and its ancestors, the system directories
 *    /bin /boot /dev /etc /lib* /proc /root /run /sbin /srv /sys /usr /var and
 *    anything under them, except under /tmp and /var/tmp (but not those two).
 *  - An existing DIR must be a directory, empty or carrying our marker.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "sim/internal.h"

#define MARKER RP_SIM_STATE_DIR "/marker"
#define MARKER_TEXT "riposte simulate: this directory and everything in it is a drill\n"

static int
under(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

int
rp_sim_path_forbidden(const char *path, const char *home, const char **why)
{
	static const char *const sys[] = { "/bin", "/boot", "/dev", "/etc", "/proc", "/root",
		"/run", "/sbin", "/srv", "/sys", "/usr", "/var" };
	size_t i, n;

	if (path[0] != '/' || path[1] == '\0') {
		*why = "the root directory";
		return 1;
	}
	if (home != NULL && home[0] == '/') {
		n = strlen(path);
		if (strcmp(path, home) == 0 || (strncmp(home, path, n) == 0 && home[n] == '/')) {
			*why = "the home directory or one of its parents";
			return 1;
		}
	}
	if (strcmp(path, "/tmp") == 0 || strcmp(path, "/var/tmp") == 0) {
		*why = "a shared temporary directory (use a new directory below it)";
		return 1;
	}
	if (under(path, "/tmp") || under(path, "/var/tmp"))
		return 0;
	for (i = 0; i < sizeof(sys) / sizeof(sys[0]); i++)
		if (under(path, sys[i])) {
			*why = "a system directory";
			return 1;
		}
	if (strncmp(path, "/lib", 4) == 0) {        /* /lib, /lib32, /lib64, /libx32 ... */
		*why = "a system directory";
		return 1;
	}
	return 0;
}

static int
marked(int fd)
{
	struct stat sb;

	return fstatat(fd, MARKER, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(sb.st_mode);
}

static int
empty_dir(int fd)
{
	DIR *d;
	struct dirent *e;
	int dfd = openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), n = 0;

	if (dfd < 0 || (d = fdopendir(dfd)) == NULL) {
		if (dfd >= 0)
			close(dfd);
		return -1;
	}
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n == 0;
}

int
rp_sim_check_dir(const char *dir, const char *home, struct rp_buf *resolved,
    int *exists, struct rp_buf *why)
{
	char parent[PATH_MAX], real[PATH_MAX], rhome[PATH_MAX];
	const char *base, *reason = NULL, *h = NULL;
	size_t n = strlen(dir);
	struct stat sb;
	int fd, r;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n == 0 || n >= sizeof(parent))
		return RP_ERR_INVALID;
	memcpy(parent, dir, n);
	parent[n] = '\0';
	if (strcmp(parent, "/") == 0) {
		rp_buf_addstr(why, "the root directory");
		return RP_ERR_REFUSED;
	}
	base = strrchr(parent, '/');
	if (base == NULL) {
		base = parent;
		if (realpath(".", real) == NULL)
			return RP_ERR_SYSTEM;
	} else {
		parent[base - parent] = '\0';
		base++;
		if (realpath(parent[0] ? parent : "/", real) == NULL)
			return errno == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM;
	}
	if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 || base[0] == '\0') {
		rp_buf_addstr(why, "'.' and '..' are ambiguous: name the directory");
		return RP_ERR_REFUSED;
	}
	rp_buf_reset(resolved);
	if ((r = rp_buf_addf(resolved, "%s/%s", strcmp(real, "/") == 0 ? "" : real, base)) != 0)
		return r;
	if (home != NULL && home[0] == '/')
		h = realpath(home, rhome) != NULL ? rhome : home;
	if (rp_sim_path_forbidden(resolved->buf, h, &reason)) {
		rp_buf_addstr(why, reason);
		return RP_ERR_REFUSED;
	}
	if (lstat(resolved->buf, &sb) != 0) {
		if (errno != ENOENT)
			return RP_ERR_SYSTEM;
		*exists = 0;
		return 0;
	}
	if (S_ISLNK(sb.st_mode)) {
		rp_buf_addstr(why, "a symbolic link");
		return RP_ERR_REFUSED;
	}
	if (!S_ISDIR(sb.st_mode)) {
		rp_buf_addstr(why, "not a directory");
		return RP_ERR_REFUSED;
	}
	if ((fd = open(resolved->buf, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return RP_ERR_SYSTEM;
	r = marked(fd) ? 0 : empty_dir(fd) == 1 ? 0 : RP_ERR_REFUSED;
	close(fd);
	if (r != 0)
		rp_buf_addstr(why, "an existing directory that is not empty and was not made by riposte simulate");
	*exists = 1;
	return r;
}

int
rp_sim_dir_setup(const char *resolved, int exists, int *dirfd)
{
	int fd, r;

	if (!exists && mkdir(resolved, 0700) != 0)
		return errno == EEXIST ? RP_ERR_EXISTS : RP_ERR_SYSTEM;
	if ((fd = open(resolved, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return RP_ERR_SYSTEM;
	/* Checked again on the fd: the directory may have changed since the check. */
	if (!marked(fd) && empty_dir(fd) != 1) {
		close(fd);
		return RP_ERR_REFUSED;
	}
	if ((r = rp_sim_rm_tree(fd)) != 0 ||
	    (r = rp_sim_write_new(fd, MARKER, MARKER_TEXT, sizeof(MARKER_TEXT) - 1)) != 0) {
		close(fd);
		return r;
	}
	*dirfd = fd;
	return 0;
}

int
rp_sim_dir_open_marked(const char *dir, int *dirfd)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return errno == ENOENT ? RP_ERR_NOTFOUND : errno == ELOOP || errno == ENOTDIR ?
		    RP_ERR_REFUSED : RP_ERR_SYSTEM;
	if (!marked(fd)) {
		close(fd);
		return RP_ERR_REFUSED;
	}
	*dirfd = fd;
	return 0;
}
