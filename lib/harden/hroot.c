/* The system harden reads (see hroot.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <linux/openat2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/array.h"
#include "core/err.h"
#include "core/file.h"
#include "harden/hroot.h"

#define LIST_MAX 4096

int
rp_strv_push(struct rp_strv *s, const char *str, size_t len)
{
	char *c;
	int r;

	if ((r = RP_ARRAY_GROW(&s->v, &s->cap, s->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	if ((c = malloc(len + 1)) == NULL)
		return RP_ERR_NOMEM;
	memcpy(c, str, len);
	c[len] = '\0';
	s->v[s->n++] = c;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
rp_strv_sort(struct rp_strv *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), cmp_str);
}

void
rp_strv_release(struct rp_strv *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
	s->cap = 0;
}

int
rp_hroot_open(struct rp_hroot *r, const char *dir)
{
	memset(r, 0, sizeof(*r));
	r->fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	return r->fd < 0 ? RP_ERR_SYSTEM : 0;
}

void
rp_hroot_mem(struct rp_hroot *r, const struct rp_hfile *files, size_t n)
{
	r->fd = -1;
	r->files = files;
	r->nfiles = n;
}

void
rp_hroot_close(struct rp_hroot *r)
{
	if (r->fd >= 0)
		close(r->fd);
	r->fd = -1;
}

/* Opens path inside the root; the caller's flags plus read-only, no atime, no block.
 * Returns an fd or a negative RP_ERR_* (errno kept for RP_ERR_SYSTEM). */
static int
open_in(const struct rp_hroot *r, const char *path, int flags)
{
	struct open_how how;
	const char *rel = path;
	long fd;

	while (*rel == '/')
		rel++;
	if (*rel == '\0')
		rel = ".";
	memset(&how, 0, sizeof(how));
	/* O_PATH takes no other flags in openat2 (EINVAL): nothing is read through it */
	how.flags = (flags & O_PATH) ? (uint64_t)(O_PATH | O_CLOEXEC) :
	    (uint64_t)(O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOATIME | flags);
	/* symlinks are followed as the programs themselves follow them, but inside the
	 * root: an absolute link in a mounted copy must not lead to the host's files */
	how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
	fd = syscall(SYS_openat2, r->fd, rel, &how, sizeof(how));
	if (fd < 0 && errno == EPERM && !(flags & O_PATH)) {
		/* O_NOATIME is for the file's owner or CAP_FOWNER only */
		how.flags &= ~(uint64_t)O_NOATIME;
		fd = syscall(SYS_openat2, r->fd, rel, &how, sizeof(how));
	}
	if (fd < 0) {
		if (errno == ENOENT || errno == ENOTDIR || errno == ELOOP)
			return RP_ERR_NOTFOUND;
		if (errno == ENOSYS)
			return RP_ERR_UNSUPPORTED;
		return RP_ERR_SYSTEM;
	}
	return (int)fd;
}

static const struct rp_hfile *
mem_find(const struct rp_hroot *r, const char *path)
{
	size_t i;

	for (i = 0; i < r->nfiles; i++)
		if (strcmp(r->files[i].path, path) == 0)
			return &r->files[i];
	return NULL;
}

/* Whether a memory root holds something below dir ("/etc" for "/etc/x"). */
static int
mem_is_dir(const struct rp_hroot *r, const char *dir)
{
	size_t i, n = strlen(dir);

	while (n > 0 && dir[n - 1] == '/')
		n--;
	for (i = 0; i < r->nfiles; i++)
		if (strncmp(r->files[i].path, dir, n) == 0 && r->files[i].path[n] == '/')
			return 1;
	return 0;
}

int
rp_hroot_read(const struct rp_hroot *r, const char *path, struct rp_buf *out, size_t max)
{
	int fd, rc, e;

	if (r->fd < 0) {
		const struct rp_hfile *f = mem_find(r, path);

		if (f == NULL)
			return mem_is_dir(r, path) ? RP_ERR_INVALID : RP_ERR_NOTFOUND;
		if (f->len > max)
			return RP_ERR_TOOBIG;
		return rp_buf_add(out, f->data, f->len);
	}
	if ((fd = open_in(r, path, 0)) < 0)
		return fd;
	rc = rp_file_read_fd(fd, out, max);
	e = errno;
	close(fd);
	errno = e;
	return rc;
}

int
rp_hroot_stat(const struct rp_hroot *r, const char *path, int *is_dir, int64_t *mtime)
{
	struct stat st;
	int fd, e;

	if (r->fd < 0) {
		const struct rp_hfile *f = mem_find(r, path);

		if (f == NULL && !mem_is_dir(r, path))
			return RP_ERR_NOTFOUND;
		if (is_dir)
			*is_dir = f == NULL;
		if (mtime)
			*mtime = f ? f->mtime : 0;
		return 0;
	}
	/* O_PATH: a FIFO or a device is not opened for real, only looked at */
	if ((fd = open_in(r, path, O_PATH)) < 0)
		return fd;
	if (fstat(fd, &st) != 0) {
		e = errno;
		close(fd);
		errno = e;
		return RP_ERR_SYSTEM;
	}
	close(fd);
	if (is_dir)
		*is_dir = S_ISDIR(st.st_mode);
	if (mtime)
		*mtime = (int64_t)st.st_mtime;
	return 0;
}

static int
mem_list(const struct rp_hroot *r, const char *dir, struct rp_strv *names)
{
	size_t i, j, n = strlen(dir);
	int rc, found = 0;

	while (n > 0 && dir[n - 1] == '/')
		n--;
	for (i = 0; i < r->nfiles; i++) {
		const char *p = r->files[i].path, *name, *slash;
		size_t len;
		int dup = 0;

		if (strncmp(p, dir, n) != 0 || p[n] != '/')
			continue;
		found = 1;
		name = p + n + 1;
		slash = strchr(name, '/');
		len = slash ? (size_t)(slash - name) : strlen(name);
		if (len == 0)
			continue;
		for (j = 0; j < names->n && !dup; j++)
			dup = strlen(names->v[j]) == len && memcmp(names->v[j], name, len) == 0;
		if (dup)
			continue;
		if (names->n >= LIST_MAX)
			return RP_ERR_TOOBIG;
		if ((rc = rp_strv_push(names, name, len)) != 0)
			return rc;
	}
	if (!found)
		return mem_find(r, dir) ? RP_ERR_INVALID : RP_ERR_NOTFOUND;
	rp_strv_sort(names);
	return 0;
}

int
rp_hroot_list(const struct rp_hroot *r, const char *dir, struct rp_strv *names)
{
	DIR *d;
	struct dirent *de;
	int fd, rc = 0, e;

	if (r->fd < 0)
		return mem_list(r, dir, names);
	if ((fd = open_in(r, dir, O_DIRECTORY)) < 0)
		return fd;
	if ((d = fdopendir(fd)) == NULL) {
		e = errno;
		close(fd);
		errno = e;
		return RP_ERR_SYSTEM;
	}
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (names->n >= LIST_MAX) {
			rc = RP_ERR_TOOBIG;
			break;
		}
		if ((rc = rp_strv_push(names, de->d_name, strlen(de->d_name))) != 0)
			break;
	}
	closedir(d);
	rp_strv_sort(names);
	return rc;
}

static int
has_magic(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '*' || s[i] == '?' || s[i] == '[')
			return 1;
	return 0;
}

/* Expands the components of pattern from *rest on, below the directory base. */
static int
glob_at(const struct rp_hroot *r, struct rp_buf *base, const char *rest,
    struct rp_strv *out, int depth)
{
	const char *slash;
	size_t clen, keep = base->len, i;
	struct rp_strv names = RP_STRV_INIT;
	char comp[256];
	int rc = 0, is_dir;

	while (*rest == '/')
		rest++;
	if (*rest == '\0') {
		if (out->n >= LIST_MAX)
			return RP_ERR_TOOBIG;
		if (rp_hroot_stat(r, base->len ? base->buf : "/", NULL, NULL) != 0)
			return 0;
		return rp_strv_push(out, base->len ? base->buf : "/", base->len ? base->len : 1);
	}
	if (depth > 64)
		return RP_ERR_TOOBIG;
	slash = strchr(rest, '/');
	clen = slash ? (size_t)(slash - rest) : strlen(rest);
	if (!has_magic(rest, clen)) {
		if ((rc = rp_buf_addch(base, '/')) != 0 || (rc = rp_buf_add(base, rest, clen)) != 0)
			goto out;
		if (slash && (rp_hroot_stat(r, base->buf, &is_dir, NULL) != 0 || !is_dir))
			goto out;
		rc = glob_at(r, base, rest + clen, out, depth + 1);
		goto out;
	}
	if (clen >= sizeof(comp))
		goto out;
	memcpy(comp, rest, clen);
	comp[clen] = '\0';
	if (rp_hroot_list(r, base->len ? base->buf : "/", &names) < 0 && names.n == 0)
		goto out;
	for (i = 0; i < names.n && rc == 0; i++) {
		if (fnmatch(comp, names.v[i], FNM_PERIOD) != 0)
			continue;
		rp_buf_setlen(base, keep);
		if ((rc = rp_buf_addch(base, '/')) != 0 ||
		    (rc = rp_buf_addstr(base, names.v[i])) != 0)
			break;
		if (slash && (rp_hroot_stat(r, base->buf, &is_dir, NULL) != 0 || !is_dir))
			continue;
		rc = glob_at(r, base, rest + clen, out, depth + 1);
	}
out:
	rp_buf_setlen(base, keep);
	rp_strv_release(&names);
	return rc;
}

int
rp_hroot_glob(const struct rp_hroot *r, const char *pattern, struct rp_strv *paths)
{
	struct rp_buf base = RP_BUF_INIT;
	size_t start = paths->n;
	int rc;

	if (pattern[0] != '/')
		return RP_ERR_INVALID;
	rc = glob_at(r, &base, pattern, paths, 0);
	rp_buf_release(&base);
	if (paths->n - start > 1)
		qsort(paths->v + start, paths->n - start, sizeof(*paths->v), cmp_str);
	return rc;
}
