#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/openat2.h>

#include "core/err.h"
#include "core/file.h"

int
rp_file_read_fd(int fd, struct rp_buf *out, size_t max)
{
	struct stat st;
	size_t start = out->len;
	int r, e;
	ssize_t n;

	if (fstat(fd, &st) != 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		r = RP_ERR_INVALID;
		goto out;
	}
	for (;;) {
		if ((r = rp_buf_grow(out, 65536 < max + 1 ? 65536 : max + 1)) != 0)
			goto out;
		n = read(fd, out->buf + out->len, out->alloc - out->len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			r = RP_ERR_SYSTEM;
			goto out;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->buf[out->len] = '\0';
		if (out->len - start > max) {
			r = RP_ERR_TOOBIG;
			goto out;
		}
	}
	r = 0;
out:
	e = errno;
	if (r != 0)
		rp_buf_setlen(out, start);
	errno = e;
	return r;
}

int
rp_file_read_all(int dirfd, const char *path, struct rp_buf *out, size_t max)
{
	int fd, r, e;

	if ((fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return RP_ERR_SYSTEM;
	r = rp_file_read_fd(fd, out, max);
	e = errno;
	close(fd);
	errno = e;
	return r;
}

int
rp_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno == ENOSPC || errno == EDQUOT ? RP_ERR_NOSPACE : RP_ERR_SYSTEM;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int
rp_file_write_atomic(const char *path, const void *data, size_t len, mode_t mode)
{
	struct rp_buf tmp = RP_BUF_INIT;
	int fd = -1, r, e;

	if ((r = rp_buf_addf(&tmp, "%s.tmp.XXXXXX", path)) != 0)
		return r;
	if ((fd = mkostemp(tmp.buf, O_CLOEXEC)) < 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if (fchmod(fd, mode) != 0) {
		r = RP_ERR_SYSTEM;
		goto fail;
	}
	if ((r = rp_write_all(fd, data, len)) != 0)
		goto fail;
	if (fsync(fd) != 0) {
		r = errno == ENOSPC ? RP_ERR_NOSPACE : RP_ERR_SYSTEM;
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		r = errno == ENOSPC ? RP_ERR_NOSPACE : RP_ERR_SYSTEM;
		goto fail;
	}
	fd = -1;
	if (rename(tmp.buf, path) != 0) {
		r = RP_ERR_SYSTEM;
		goto fail;
	}
	r = 0;
	goto out;
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
	errno = e;
out:
	rp_buf_release(&tmp);
	return r;
}

/* openat, or openat2 with RESOLVE flags when resolve is not 0 */
static int
open_at(int dirfd, const char *name, int flags, uint64_t resolve)
{
	struct open_how how = { .flags = (uint64_t)flags, .resolve = resolve };

	if (resolve == 0)
		return openat(dirfd, name, flags);
	return (int)syscall(SYS_openat2, dirfd, name, &how, sizeof(how));
}

int
rp_open_evidence_resolve(int dirfd, const char *name, int extra_flags, uint64_t resolve,
    int allow_atime, int *noatime)
{
	int flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | extra_flags;
	int fd;

	*noatime = 1;
	fd = open_at(dirfd, name, flags | O_NOATIME, resolve);
	if (fd >= 0)
		return fd;
	if (errno != EPERM)
		return RP_ERR_SYSTEM;
	*noatime = 0;
	if (!allow_atime)
		return RP_ERR_PERM;
	fd = open_at(dirfd, name, flags, resolve);
	return fd >= 0 ? fd : RP_ERR_SYSTEM;
}

int
rp_open_evidence(int dirfd, const char *name, int extra_flags, int allow_atime, int *noatime)
{
	return rp_open_evidence_resolve(dirfd, name, extra_flags, 0, allow_atime, noatime);
}

ssize_t
rp_pread_full(int fd, void *buf, size_t len, off_t off)
{
	char *p = buf;
	size_t got = 0;
	ssize_t n;

	while (got < len) {
		n = pread(fd, p + got, len - got, off + (off_t)got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

int
rp_waitpid_ms(pid_t pid, int *status, int ms)
{
	for (int waited = 0;; waited += 5) {
		pid_t w = waitpid(pid, status, WNOHANG);

		if (w == pid)
			return 1;
		if (w < 0 && errno != EINTR)
			return -1;
		if (waited >= ms)
			return 0;
		nanosleep(&(struct timespec){ 0, 5 * 1000000L }, NULL);
	}
}
