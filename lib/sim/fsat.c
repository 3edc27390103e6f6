/* dirfd-relative file operations that never follow a symlink, and the PRNG. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "core/file.h"
#include "sim/internal.h"

#define DIRFLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

/* Opens the directory holding rel (walking each component with O_NOFOLLOW), and
 * points *base at rel's last component. "..", "." and empty components are refused. */
int
rp_sim_parent(int root, const char *rel, int create_dirs, int *pfd, const char **base)
{
	char comp[256];
	const char *p = rel, *slash;
	int fd = -1, nfd;
	size_t n;

	if (*rel == '/' || *rel == '\0')
		return RP_ERR_INVALID;
	if ((fd = fcntl(root, F_DUPFD_CLOEXEC, 0)) < 0)
		return RP_ERR_SYSTEM;
	while ((slash = strchr(p, '/')) != NULL) {
		n = (size_t)(slash - p);
		if (n == 0 || n >= sizeof(comp) || (n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.')) {
			close(fd);
			return RP_ERR_INVALID;
		}
		memcpy(comp, p, n);
		comp[n] = '\0';
		if (create_dirs && mkdirat(fd, comp, 0700) != 0 && errno != EEXIST) {
			close(fd);
			return RP_ERR_SYSTEM;
		}
		nfd = openat(fd, comp, DIRFLAGS);
		close(fd);
		if (nfd < 0)
			return errno == ELOOP || errno == ENOTDIR ? RP_ERR_REFUSED :
			    errno == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM;
		fd = nfd;
		p = slash + 1;
	}
	if (*p == '\0' || strcmp(p, ".") == 0 || strcmp(p, "..") == 0) {
		close(fd);
		return RP_ERR_INVALID;
	}
	*pfd = fd;
	*base = p;
	return 0;
}

int
rp_sim_open(int root, const char *rel, int flags, mode_t mode)
{
	const char *base;
	int pfd, fd, r, e;

	if ((r = rp_sim_parent(root, rel, (flags & O_CREAT) != 0, &pfd, &base)) != 0)
		return r;
	fd = openat(pfd, base, flags | O_NOFOLLOW | O_CLOEXEC, mode);
	e = errno;
	close(pfd);
	if (fd < 0) {
		errno = e;
		return e == ENOENT ? RP_ERR_NOTFOUND : e == EEXIST ? RP_ERR_EXISTS :
		    e == ELOOP ? RP_ERR_REFUSED : RP_ERR_SYSTEM;
	}
	return fd;
}

int
rp_sim_unlink(int root, const char *rel, int dir)
{
	const char *base;
	int pfd, r;

	if ((r = rp_sim_parent(root, rel, 0, &pfd, &base)) != 0)
		return r == RP_ERR_NOTFOUND ? 0 : r;
	r = unlinkat(pfd, base, dir ? AT_REMOVEDIR : 0);
	if (r != 0)
		r = errno == ENOENT ? 0 : errno == ENOTEMPTY ? RP_ERR_EXISTS : RP_ERR_SYSTEM;
	close(pfd);
	return r;
}

int
rp_sim_rename(int root, const char *from, const char *to)
{
	const char *b1, *b2;
	int p1, p2, r;

	if ((r = rp_sim_parent(root, from, 0, &p1, &b1)) != 0)
		return r;
	if ((r = rp_sim_parent(root, to, 1, &p2, &b2)) != 0) {
		close(p1);
		return r;
	}
	r = renameat(p1, b1, p2, b2) == 0 ? 0 : errno == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM;
	close(p1);
	close(p2);
	return r;
}

int
rp_sim_exists(int root, const char *rel)
{
	const char *base;
	struct stat sb;
	int pfd, r;

	if ((r = rp_sim_parent(root, rel, 0, &pfd, &base)) != 0)
		return r == RP_ERR_NOTFOUND ? 0 : r;
	r = fstatat(pfd, base, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(sb.st_mode);
	close(pfd);
	return r;
}

int
rp_sim_read(int root, const char *rel, struct rp_buf *out)
{
	int fd = rp_sim_open(root, rel, O_RDONLY | O_NONBLOCK, 0), r;
	struct stat sb;

	if (fd < 0)
		return fd;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		return RP_ERR_INVALID;
	}
	if ((uint64_t)sb.st_size > RP_SIM_MAX_FILE) {
		close(fd);
		return RP_ERR_TOOBIG;
	}
	if ((r = rp_buf_grow(out, (size_t)sb.st_size)) == 0) {
		ssize_t n = rp_pread_full(fd, out->buf + out->len, (size_t)sb.st_size, 0);

		if (n < 0)
			r = RP_ERR_SYSTEM;
		else {
			out->len += (size_t)n;
			out->buf[out->len] = '\0';
		}
	}
	close(fd);
	return r;
}

int
rp_sim_write_new(int root, const char *rel, const void *data, size_t len)
{
	int fd = rp_sim_open(root, rel, O_WRONLY | O_CREAT | O_EXCL, 0600), r;

	if (fd < 0)
		return fd;
	r = rp_write_all(fd, data, len);
	if (close(fd) != 0 && r == 0)
		r = RP_ERR_SYSTEM;
	return r;
}

int
rp_sim_rm_tree(int dirfd)
{
	DIR *d;
	struct dirent *e;
	int fd, sub, r = 0;

	if ((fd = openat(dirfd, ".", DIRFLAGS)) < 0)
		return RP_ERR_SYSTEM;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return RP_ERR_SYSTEM;
	}
	while (r == 0 && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (unlinkat(dirfd, e->d_name, 0) == 0)
			continue;
		if (errno != EISDIR && errno != EPERM) {
			r = RP_ERR_SYSTEM;
			break;
		}
		if ((sub = openat(dirfd, e->d_name, DIRFLAGS)) < 0) {
			r = RP_ERR_SYSTEM;
			break;
		}
		r = rp_sim_rm_tree(sub);
		close(sub);
		if (r == 0 && unlinkat(dirfd, e->d_name, AT_REMOVEDIR) != 0)
			r = RP_ERR_SYSTEM;
	}
	closedir(d);
	return r;
}

static uint64_t
splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

void
rp_sim_rng_seed(struct rp_sim_rng *r, uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix(&seed);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t
rp_sim_rng_next(struct rp_sim_rng *r)
{
	uint64_t *s = r->s, res = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return res;
}

uint64_t
rp_sim_rng_below(struct rp_sim_rng *r, uint64_t n)
{
	return n == 0 ? 0 : rp_sim_rng_next(r) % n;
}

void
rp_sim_rng_bytes(struct rp_sim_rng *r, void *buf, size_t len)
{
	uint8_t *p = buf;
	uint64_t v;

	while (len >= 8) {
		v = rp_sim_rng_next(r);
		memcpy(p, &v, 8);
		p += 8;
		len -= 8;
	}
	if (len > 0) {
		v = rp_sim_rng_next(r);
		memcpy(p, &v, len);
	}
}
