/* The shadow directory: copies before writes, links before deletes, restore. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "respond/shadow.h"

#define INDEX "index"

struct rp_shadow {
	int dirfd;
	int ixfd;               /* the index, O_APPEND */
	uint64_t used, max;
	uint64_t seq;
};

static const char *const hows[] = { "clone", "copy", "link" };

const char *
rp_shadow_how_name(enum rp_shadow_how how)
{
	return (unsigned)how < 3 ? hows[how] : "?";
}

static int
unhex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Splits line into at most n tab-separated fields (pointers into copy). */
int
rp_shadow_parse(const char *line, size_t len, struct rp_shadow_entry *e)
{
	const char *f[11];
	size_t fl[11];
	size_t nf = 0, start = 0;
	memset(e, 0, sizeof(*e));
	for (size_t i = 0; i <= len; i++) {
		if (i == len || line[i] == '\t') {
			if (nf == 11)
				return RP_ERR_FORMAT;
			f[nf] = line + start;
			fl[nf] = i - start;
			nf++;
			start = i + 1;
		}
	}
	if (nf != 11 || fl[0] != 2 || memcmp(f[0], "v1", 2) != 0)
		return RP_ERR_FORMAT;
	char num[32];
	uint64_t v[6];
	int idx[6] = { 1, 3, 4, 5, 7, 10 };
	for (int k = 0; k < 6; k++) {
		size_t l = fl[idx[k]];
		if (l == 0 || l >= sizeof(num))
			return RP_ERR_FORMAT;
		memcpy(num, f[idx[k]], l);
		num[l] = '\0';
		char *end;
		errno = 0;
		v[k] = strtoull(num, &end, 10);
		if (*end != '\0' || errno != 0 || num[0] == '-')
			return RP_ERR_FORMAT;
	}
	e->time = (int64_t)v[0];
	e->dev = v[1];
	e->ino = v[2];
	e->size = v[3];
	e->pid = (pid_t)v[4];
	e->mtime_ns = (int64_t)v[5];
	if (e->time < 0 || e->mtime_ns < 0)
		return RP_ERR_FORMAT;
	int how = -1;
	for (int k = 0; k < 3; k++)
		if (fl[2] == strlen(hows[k]) && memcmp(f[2], hows[k], fl[2]) == 0)
			how = k;
	if (how < 0)
		return RP_ERR_FORMAT;
	e->how = (enum rp_shadow_how)how;
	if (fl[6] >= sizeof(e->verdict) || fl[8] == 0 || fl[8] >= sizeof(e->file))
		return RP_ERR_FORMAT;
	memcpy(e->verdict, f[6], fl[6]);
	memcpy(e->file, f[8], fl[8]);
	for (size_t i = 0; i < fl[8]; i++)
		if (f[8][i] == '/' || f[8][i] == '.')
			return RP_ERR_FORMAT;
	if (fl[9] == 0 || fl[9] % 2 || fl[9] / 2 >= sizeof(e->path))
		return RP_ERR_FORMAT;
	for (size_t i = 0; i < fl[9]; i += 2) {
		int hi = unhex((unsigned char)f[9][i]), lo = unhex((unsigned char)f[9][i + 1]);
		if (hi < 0 || lo < 0)
			return RP_ERR_FORMAT;
		e->path[i / 2] = (char)(hi << 4 | lo);
	}
	e->pathlen = fl[9] / 2;
	if (memchr(e->path, '\0', e->pathlen) != NULL || e->path[0] != '/')
		return RP_ERR_FORMAT;
	return 0;
}

static int
each_entry(int dirfd, int (*fn)(struct rp_shadow_entry *e, void *ctx), void *ctx)
{
	struct rp_buf b;
	struct rp_shadow_entry *e = NULL;
	int r;
	rp_buf_init(&b, (size_t)1 << 30);
	r = rp_file_read_all(dirfd, INDEX, &b, (size_t)1 << 30);
	if (r == RP_ERR_NOTFOUND || (r == RP_ERR_SYSTEM && errno == ENOENT)) {
		r = 0;
		goto out;
	}
	if (r != 0)
		goto out;
	if ((e = malloc(sizeof(*e))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < b.len;) {
		const char *nl = memchr(b.buf + i, '\n', b.len - i);
		size_t l = nl ? (size_t)(nl - (b.buf + i)) : b.len - i;
		if (rp_shadow_parse(b.buf + i, l, e) == 0 && (r = fn(e, ctx)) != 0)
			goto out;
		i += l + 1;
	}
	r = 0;
out:
	free(e);
	rp_buf_release(&b);
	return r;
}

static int
append_line(struct rp_buf *b, const struct rp_shadow_entry *e)
{
	int r = rp_buf_addf(b, "v1\t%" PRId64 "\t%s\t%" PRIu64 "\t%" PRIu64 "\t%" PRIu64 "\t%s\t%d\t%s\t",
	    e->time, hows[e->how], e->dev, e->ino, e->size, e->verdict, (int)e->pid, e->file);
	if (r == 0)
		r = rp_hex(b, e->path, e->pathlen);
	if (r == 0)
		r = rp_buf_addf(b, "\t%" PRId64 "\n", e->mtime_ns);
	return r;
}

struct expire_ctx {
	struct rp_shadow *sh;
	int64_t cutoff;
	struct rp_buf keep;
};

static int
expire_one(struct rp_shadow_entry *e, void *v)
{
	struct expire_ctx *x = v;
	if (e->time < x->cutoff) {
		unlinkat(x->sh->dirfd, e->file, 0);
		return 0;
	}
	if (e->how != RP_SHADOW_LINK)
		x->sh->used += e->size;
	x->sh->seq++;
	return append_line(&x->keep, e);
}

int
rp_shadow_open(struct rp_shadow **out, const char *dir, uint64_t max_bytes, int64_t keep,
    int64_t now)
{
	struct rp_shadow *sh = calloc(1, sizeof(*sh));
	struct expire_ctx x;
	int r = RP_ERR_INTERNAL, mk;

	rp_buf_init(&x.keep, (size_t)1 << 30);
	if (sh == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	sh->dirfd = sh->ixfd = -1;
	sh->max = max_bytes;
	mk = mkdir(dir, 0700) == 0 ? 0 : errno;
	if (mk == ENOENT) {
		/* the default /var/lib/riposte/shadow on a machine where riposte never ran:
		 * make its parent too (private: it will also hold the database) */
		char parent[4096];
		char *slash;

		snprintf(parent, sizeof(parent), "%s", dir);
		if ((slash = strrchr(parent, '/')) != NULL && slash != parent) {
			*slash = '\0';
			if (mkdir(parent, 0700) != 0 && errno != EEXIST) {
				r = RP_ERR_SYSTEM;
				goto out;
			}
		}
		mk = mkdir(dir, 0700) == 0 ? 0 : errno;
	}
	if (mk != 0 && mk != EEXIST) {
		errno = mk;
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if ((sh->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)) < 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	x.sh = sh;
	x.cutoff = keep > 0 ? now - keep : INT64_MIN;
	if ((r = each_entry(sh->dirfd, expire_one, &x)) != 0)
		goto out;
	/* rewrite the index without the expired entries */
	int tfd = openat(sh->dirfd, INDEX ".new", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (tfd < 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	r = rp_write_all(tfd, x.keep.buf, x.keep.len);
	if (close(tfd) != 0 && r == 0)
		r = RP_ERR_SYSTEM;
	if (r != 0)
		goto out;
	if (renameat(sh->dirfd, INDEX ".new", sh->dirfd, INDEX) != 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	sh->ixfd = openat(sh->dirfd, INDEX, O_WRONLY | O_APPEND | O_CLOEXEC);
	if (sh->ixfd < 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	*out = sh;
	sh = NULL;
	r = 0;
out:
	rp_buf_release(&x.keep);
	rp_shadow_free(sh);
	return r;
}

void
rp_shadow_free(struct rp_shadow *sh)
{
	if (sh == NULL)
		return;
	if (sh->dirfd >= 0)
		close(sh->dirfd);
	if (sh->ixfd >= 0)
		close(sh->ixfd);
	free(sh);
}

uint64_t
rp_shadow_used(const struct rp_shadow *sh)
{
	return sh->used;
}

static int
copy_fd(int src, int dst, uint64_t size)
{
	if (ioctl(dst, FICLONE, src) == 0)
		return 1;
	loff_t in = 0, outoff = 0;
	uint64_t done = 0;
	while (done < size) {
		ssize_t n = copy_file_range(src, &in, dst, &outoff, size - done, 0);
		if (n < 0 && (errno == EXDEV || errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP))
			break;
		if (n < 0)
			return errno == ENOSPC ? RP_ERR_NOSPACE : RP_ERR_SYSTEM;
		if (n == 0)
			return 0;    /* shrank meanwhile */
		done += (uint64_t)n;
	}
	if (done >= size)
		return 0;
	char buf[65536];
	for (;;) {
		ssize_t n = rp_pread_full(src, buf, sizeof(buf), (off_t)done);
		if (n < 0)
			return RP_ERR_SYSTEM;
		if (n == 0)
			return 0;
		int r = rp_write_all(dst, buf, (size_t)n);
		if (r != 0)
			return errno == ENOSPC ? RP_ERR_NOSPACE : r;
		done += (uint64_t)n;
	}
}

int
rp_shadow_keep(struct rp_shadow *sh, int fd, const char *path, int link, int64_t now,
    pid_t pid, const char *verdict, enum rp_shadow_how *how)
{
	struct stat st;
	struct rp_shadow_entry e;
	struct rp_buf line;
	int dfd = -1, r = RP_ERR_INTERNAL;
	rp_buf_init(&line, 16384);
	if (fstat(fd, &st) != 0)
		return RP_ERR_SYSTEM;
	memset(&e, 0, sizeof(e));
	e.pathlen = strlen(path);
	if (e.pathlen >= sizeof(e.path) || path[0] != '/')
		return RP_ERR_INVALID;
	memcpy(e.path, path, e.pathlen);
	e.time = now;
	e.dev = st.st_dev;
	e.ino = st.st_ino;
	e.size = (uint64_t)st.st_size;
	e.mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	e.pid = pid;
	snprintf(e.verdict, sizeof(e.verdict), "%s", verdict ? verdict : "");
	snprintf(e.file, sizeof(e.file), "%" PRId64 "-%" PRIu64, now, sh->seq++);
	if (link) {
		if (linkat(fd, "", sh->dirfd, e.file, AT_EMPTY_PATH) != 0) {
			r = errno == EXDEV ? RP_ERR_UNSUPPORTED : RP_ERR_SYSTEM;
			goto out;
		}
		e.how = RP_SHADOW_LINK;
	} else {
		if (sh->max && sh->used + e.size > sh->max) {
			r = RP_ERR_NOSPACE;
			goto out;
		}
		dfd = openat(sh->dirfd, e.file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (dfd < 0) {
			r = RP_ERR_SYSTEM;
			goto out;
		}
		if ((r = copy_fd(fd, dfd, e.size)) < 0) {
			unlinkat(sh->dirfd, e.file, 0);
			goto out;
		}
		e.how = r == 1 ? RP_SHADOW_CLONE : RP_SHADOW_COPY;
		sh->used += e.size;
	}
	if ((r = append_line(&line, &e)) != 0 || (r = rp_write_all(sh->ixfd, line.buf, line.len)) != 0)
		goto out;
	*how = e.how;
	r = 0;
out:
	if (dfd >= 0)
		close(dfd);
	rp_buf_release(&line);
	return r;
}

/* Restore: pick per path, then write. */
struct pick {
	int dirfd;
	struct rp_shadow_entry *v;
	size_t n, cap;
};

/* Whether e still holds content from before: a good copy, or an unmodified link. */
static int
usable(int dirfd, const struct rp_shadow_entry *e)
{
	if (e->how != RP_SHADOW_LINK)
		return strcmp(e->verdict, "encrypted") != 0 && strcmp(e->verdict, "partial") != 0;
	struct stat st;
	if (fstatat(dirfd, e->file, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return 0;
	int64_t m = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	if (m != e->mtime_ns || (uint64_t)st.st_size != e->size)
		return 0;
	/* a link of the very file at the path now holds what is there now: no help */
	struct stat cur;
	return !(lstat(e->path, &cur) == 0 && cur.st_dev == st.st_dev && cur.st_ino == st.st_ino);
}

static int
collect(struct rp_shadow_entry *e, void *ctx)
{
	struct pick *p = ctx;
	if (!usable(p->dirfd, e))
		return 0;
	for (size_t i = 0; i < p->n; i++) {
		struct rp_shadow_entry *o = &p->v[i];
		if (o->pathlen == e->pathlen && memcmp(o->path, e->path, e->pathlen) == 0) {
			*o = *e;      /* the index is in time order: the newest wins */
			return 0;
		}
	}
	if (p->n == p->cap) {
		size_t nc = p->cap ? p->cap * 2 : 64;
		struct rp_shadow_entry *nv = realloc(p->v, nc * sizeof(*nv));
		if (nv == NULL)
			return RP_ERR_NOMEM;
		p->v = nv;
		p->cap = nc;
	}
	p->v[p->n++] = *e;
	return 0;
}

static int
restore_one(int dirfd, const struct rp_shadow_entry *e, enum rp_restore_result *res)
{
	struct stat st, cur;
	char tmp[4200];
	int src = -1, dst = -1, r = RP_ERR_INTERNAL;
	if ((src = openat(dirfd, e->file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0) {
		r = errno == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM;
		goto out;
	}
	if (fstat(src, &st) != 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if (lstat(e->path, &cur) == 0 && cur.st_dev == st.st_dev && cur.st_ino == st.st_ino) {
		*res = RP_RESTORE_INTACT;   /* the linked original is still in place */
		r = 0;
		goto out;
	}
	snprintf(tmp, sizeof(tmp), "%s.riposte-restore", e->path);
	if ((dst = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, st.st_mode & 07777)) < 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if ((r = copy_fd(src, dst, (uint64_t)st.st_size)) < 0)
		goto out;
	if (fsync(dst) != 0 || close(dst) != 0) {
		dst = -1;
		r = RP_ERR_SYSTEM;
		goto out;
	}
	dst = -1;
	if (rename(tmp, e->path) != 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	*res = RP_RESTORE_DONE;
	r = 0;
out:
	if (r != 0 && dst >= 0)
		unlink(tmp);
	if (src >= 0)
		close(src);
	if (dst >= 0)
		close(dst);
	return r;
}

int
rp_shadow_restore(const char *dir, const char *const *prefix, size_t nprefix,
    void (*cb)(const struct rp_shadow_entry *e, enum rp_restore_result res, int err, void *ctx),
    void *ctx)
{
	struct pick p = { -1, NULL, 0, 0 };
	int r, dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0)
		return errno == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM;
	p.dirfd = dirfd;
	if ((r = each_entry(dirfd, collect, &p)) != 0)
		goto out;
	for (size_t i = 0; i < p.n; i++) {
		const struct rp_shadow_entry *e = &p.v[i];
		int want = nprefix == 0;
		for (size_t k = 0; k < nprefix && !want; k++) {
			size_t l = strlen(prefix[k]);
			while (l > 1 && prefix[k][l - 1] == '/')
				l--;
			want = e->pathlen >= l && memcmp(e->path, prefix[k], l) == 0 &&
			    (e->pathlen == l || e->path[l] == '/' || l == 1);
		}
		if (!want)
			continue;
		enum rp_restore_result res = RP_RESTORE_FAILED;
		int er = restore_one(dirfd, e, &res);
		cb(e, er ? RP_RESTORE_FAILED : res, er, ctx);
	}
	r = 0;
out:
	free(p.v);
	close(dirfd);
	return r;
}

int
rp_shadow_can_clone(const char *dir)
{
	char a[4200], b[4208];
	int fa = -1, fb = -1, ok = 0;
	snprintf(a, sizeof(a), "%s/.riposte-clone-XXXXXX", dir);
	if ((fa = mkstemp(a)) < 0)
		return RP_ERR_SYSTEM;
	snprintf(b, sizeof(b), "%s.c", a);
	if (write(fa, "riposte\n", 8) == 8 &&
	    (fb = open(b, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) >= 0) {
		ok = ioctl(fb, FICLONE, fa) == 0;
		close(fb);
		unlink(b);
	}
	close(fa);
	unlink(a);
	return ok;
}
