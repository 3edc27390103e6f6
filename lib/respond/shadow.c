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
#include <dirent.h>
#include <unistd.h>

#include "core/array.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "respond/shadow.h"

#define INDEX "index"
#define PACK_MAX ((uint64_t)256 << 20)
#define FRESH_S 30
#define FRESH_COPY_MAX ((uint64_t)64 << 20)

struct rp_shadow {
	int dirfd;
	int ixfd;               /* the index, O_APPEND */
	uint64_t used, max;
	int64_t keep;           /* seconds a copy is kept (0: for ever) */
	uint64_t seq;
	int clone;              /* FICLONE works here: one reflinked file per copy */
	int packfd;             /* the pack copies are appended to, -1 before the first */
	char pack[32];
	uint64_t packoff;
};

static const char *const hows[] = { "clone", "copy", "link", "range" };

const char *
rp_shadow_how_name(enum rp_shadow_how how)
{
	return (unsigned)how < 4 ? hows[how] : "?";
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
	const char *f[14];
	size_t fl[14];
	size_t nf = 0, start = 0, want;
	memset(e, 0, sizeof(*e));
	for (size_t i = 0; i <= len; i++) {
		if (i == len || line[i] == '\t') {
			if (nf == 14)
				return RP_ERR_FORMAT;
			f[nf] = line + start;
			fl[nf] = i - start;
			nf++;
			start = i + 1;
		}
	}
	if (nf < 1 || fl[0] != 2 || f[0][0] != 'v' || f[0][1] < '1' || f[0][1] > '3')
		return RP_ERR_FORMAT;
	want = f[0][1] == '1' ? 11 : f[0][1] == '2' ? 12 : 14;
	if (nf != want)
		return RP_ERR_FORMAT;
	if (want == 11) {
		/* v1: no offset field; shift hexpath and mtime_ns into the v2 places */
		f[11] = f[10], fl[11] = fl[10];
		f[10] = f[9], fl[10] = fl[9];
		f[9] = "0", fl[9] = 1;
	}
	char num[32];
	uint64_t v[9] = { 0 };
	int idx[9] = { 1, 3, 4, 5, 7, 11, 9, 12, 13 };
	int nnum = want == 14 ? 9 : 7;
	for (int k = 0; k < nnum; k++) {
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
	e->offset = v[6];
	e->foff = v[7];
	e->flen = v[8];
	/* what a range holds is flen bytes in the pack, a copy's is size bytes */
	uint64_t held = want == 14 ? e->flen : e->size;
	if (e->time < 0 || e->mtime_ns < 0 || e->offset > (uint64_t)INT64_MAX - held ||
	    e->foff > e->size || e->flen > e->size - e->foff)
		return RP_ERR_FORMAT;
	int how = -1;
	for (int k = 0; k < 4; k++)
		if (fl[2] == strlen(hows[k]) && memcmp(f[2], hows[k], fl[2]) == 0)
			how = k;
	/* a range line and only a range line is v3 */
	if (how < 0 || (how == RP_SHADOW_RANGE) != (want == 14))
		return RP_ERR_FORMAT;
	e->how = (enum rp_shadow_how)how;
	if (fl[6] >= sizeof(e->verdict) || fl[8] == 0 || fl[8] >= sizeof(e->file))
		return RP_ERR_FORMAT;
	memcpy(e->verdict, f[6], fl[6]);
	memcpy(e->file, f[8], fl[8]);
	for (size_t i = 0; i < fl[8]; i++)
		if (f[8][i] == '/' || f[8][i] == '.')
			return RP_ERR_FORMAT;
	if (fl[10] == 0 || fl[10] % 2 || fl[10] / 2 >= sizeof(e->path))
		return RP_ERR_FORMAT;
	for (size_t i = 0; i < fl[10]; i += 2) {
		int hi = unhex((unsigned char)f[10][i]), lo = unhex((unsigned char)f[10][i + 1]);
		if (hi < 0 || lo < 0)
			return RP_ERR_FORMAT;
		e->path[i / 2] = (char)(hi << 4 | lo);
	}
	e->pathlen = fl[10] / 2;
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
	int r = rp_buf_addf(b, "%s\t%" PRId64 "\t%s\t%" PRIu64 "\t%" PRIu64 "\t%" PRIu64 "\t%s\t%d\t%s\t%"
	    PRIu64 "\t", e->how == RP_SHADOW_RANGE ? "v3" : "v2", e->time, hows[e->how], e->dev, e->ino, e->size, e->verdict, (int)e->pid, e->file,
	    e->offset);
	if (r == 0)
		r = rp_hex(b, e->path, e->pathlen);
	if (r == 0)
		r = rp_buf_addf(b, "\t%" PRId64, e->mtime_ns);
	if (r == 0 && e->how == RP_SHADOW_RANGE)
		r = rp_buf_addf(b, "\t%" PRIu64 "\t%" PRIu64, e->foff, e->flen);
	if (r == 0)
		r = rp_buf_addstr(b, "\n");
	return r;
}

struct expire_ctx {
	struct rp_shadow *sh;
	int64_t cutoff;
	struct rp_buf keep;
	char (*names)[32];      /* files that kept entries name (a pack: many entries) */
	size_t nnames, capnames;
};

static int
expire_one(struct rp_shadow_entry *e, void *v)
{
	struct expire_ctx *x = v;
	if (e->time < x->cutoff)
		return 0;
	if (e->how == RP_SHADOW_RANGE)
		x->sh->used += e->flen;
	else if (e->how != RP_SHADOW_LINK)
		x->sh->used += e->size;
	x->sh->seq++;
	if (x->nnames == 0 || strcmp(x->names[x->nnames - 1], e->file) != 0) {
		int r = RP_ARRAY_GROW(&x->names, &x->capnames, x->nnames + 1, RP_ARRAY_MAX_DEFAULT);
		if (r != 0)
			return r;
		memcpy(x->names[x->nnames++], e->file, sizeof(e->file));
	}
	return append_line(&x->keep, e);
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* Removes the copies, packs and links that no kept entry names: expired ones, and
 * those an interrupted run wrote but never indexed. Only names the shadow makes
 * ("<time>-<seq>" and "P<time>-<seq>") are candidates. */
static void
sweep(struct expire_ctx *x)
{
	int fd = openat(x->sh->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *de;
	if (d == NULL) {
		if (fd >= 0)
			close(fd);
		return;
	}
	if (x->nnames > 0)
		qsort(x->names, x->nnames, sizeof(*x->names), cmp_name);
	while ((de = readdir(d)) != NULL) {
		const char *n = de->d_name + (de->d_name[0] == 'P');
		if (n[0] < '0' || n[0] > '9' || strlen(de->d_name) >= 32 ||
		    strspn(n, "0123456789-") != strlen(n))
			continue;
		if (x->nnames == 0 || bsearch(de->d_name, x->names, x->nnames, sizeof(*x->names), cmp_name) == NULL)
			unlinkat(x->sh->dirfd, de->d_name, 0);
	}
	closedir(d);
}

int
rp_shadow_expire(struct rp_shadow *sh, int64_t now)
{
	struct expire_ctx x;
	int r, tfd;

	memset(&x, 0, sizeof(x));
	rp_buf_init(&x.keep, (size_t)1 << 30);
	x.sh = sh;
	x.cutoff = sh->keep > 0 ? now - sh->keep : INT64_MIN;
	/* the next copy starts a new pack: the current one may go if all it holds expired */
	if (sh->packfd >= 0) {
		close(sh->packfd);
		sh->packfd = -1;
	}
	sh->used = 0;
	if ((r = each_entry(sh->dirfd, expire_one, &x)) != 0)
		goto out;
	/* rewrite the index without the expired entries (a reader sees the old or the
	 * new one whole: rename) */
	if ((tfd = openat(sh->dirfd, INDEX ".new", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0) {
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
	if (sh->ixfd >= 0)
		close(sh->ixfd);
	if ((sh->ixfd = openat(sh->dirfd, INDEX, O_WRONLY | O_APPEND | O_CLOEXEC)) < 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	sweep(&x);
	r = 0;
out:
	rp_buf_release(&x.keep);
	free(x.names);
	return r;
}

int
rp_shadow_open(struct rp_shadow **out, const char *dir, uint64_t max_bytes, int64_t keep,
    int64_t now)
{
	struct rp_shadow *sh = calloc(1, sizeof(*sh));
	int r = RP_ERR_INTERNAL, mk;

	if (sh == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	sh->dirfd = sh->ixfd = sh->packfd = -1;
	sh->max = max_bytes;
	sh->keep = keep;
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
	sh->clone = rp_shadow_can_clone(dir) == 1;
	if ((r = rp_shadow_expire(sh, now)) != 0)
		goto out;
	*out = sh;
	sh = NULL;
	r = 0;
out:
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
	if (sh->packfd >= 0)
		close(sh->packfd);
	free(sh);
}

uint64_t
rp_shadow_used(const struct rp_shadow *sh)
{
	return sh->used;
}

/* Copies up to size bytes of src from soff to dst at doff, by offsets (neither file
 * offset moves): the count copied (less when src ends first), or an RP_ERR_*. With
 * bytes set, through a buffer only (copy_file_range may clone, see pack_keep). */
static int64_t
copy_span(int src, uint64_t soff, int dst, uint64_t doff, uint64_t size, int bytes)
{
	loff_t in = (loff_t)soff, out = (loff_t)doff;
	uint64_t done = 0;
	while (!bytes && done < size) {
		ssize_t n = copy_file_range(src, &in, dst, &out, size - done, 0);
		if (n < 0 && (errno == EXDEV || errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP))
			break;
		if (n < 0)
			return errno == ENOSPC ? RP_ERR_NOSPACE : RP_ERR_SYSTEM;
		if (n == 0)
			return (int64_t)done;
		done += (uint64_t)n;
	}
	char buf[65536];
	while (done < size) {
		size_t want = size - done < sizeof(buf) ? (size_t)(size - done) : sizeof(buf);
		ssize_t n = rp_pread_full(src, buf, want, (off_t)(soff + done));
		if (n < 0)
			return RP_ERR_SYSTEM;
		if (n == 0)
			break;
		for (ssize_t w = 0; w < n;) {
			ssize_t k = pwrite(dst, buf + w, (size_t)(n - w), (off_t)(doff + done) + w);
			if (k < 0 && errno == EINTR)
				continue;
			if (k < 0)
				return errno == ENOSPC ? RP_ERR_NOSPACE : RP_ERR_SYSTEM;
			w += k;
		}
		done += (uint64_t)n;
	}
	return (int64_t)done;
}

/* The whole of src into the empty dst: a reflink when the filesystem can (1), else
 * a copy of what src holds up to its end (0), or an RP_ERR_*. */
static int
copy_fd(int src, int dst)
{
	if (ioctl(dst, FICLONE, src) == 0)
		return 1;
	int64_t n = copy_span(src, 0, dst, 0, (uint64_t)INT64_MAX, 0);
	return n < 0 ? (int)n : 0;
}

/* Copies fd's content at the end of the current pack (a new one at the first copy
 * and past PACK_MAX); fills e's file, offset and size. */
/* The pack copies go to: the current one, or a new one at the first copy and past
 * PACK_MAX. */
static int
pack_ready(struct rp_shadow *sh, int64_t now)
{
	if (sh->packfd >= 0 && sh->packoff >= PACK_MAX) {
		close(sh->packfd);
		sh->packfd = -1;
	}
	if (sh->packfd < 0) {
		snprintf(sh->pack, sizeof(sh->pack), "P%" PRId64 "-%" PRIu64, now, sh->seq++);
		sh->packfd = openat(sh->dirfd, sh->pack, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (sh->packfd < 0)
			return RP_ERR_SYSTEM;
		sh->packoff = 0;
	}
	return 0;
}

static int
pack_keep(struct rp_shadow *sh, int fd, struct rp_shadow_entry *e, int64_t now)
{
	int r;
	if ((r = pack_ready(sh, now)) != 0)
		return r;
	e->how = RP_SHADOW_COPY;
	/*
	 * A reflink of the whole file into the pack: the destination offset must be
	 * block-aligned (4 KiB covers XFS and btrfs); the source runs to its end. A clone
	 * first writes the source's dirty pages to disk: for a file written in the last
	 * seconds (still in the page cache) a copy is cheaper, up to a size.
	 */
	int fresh = now - e->mtime_ns / 1000000000 < FRESH_S && e->size <= FRESH_COPY_MAX;
	if (sh->clone && !fresh) {
		uint64_t at = (sh->packoff + 4095) & ~(uint64_t)4095;
		struct file_clone_range cr = { .src_fd = fd, .src_offset = 0, .src_length = 0,
			.dest_offset = at };
		if (ioctl(sh->packfd, FICLONERANGE, &cr) == 0) {
			memcpy(e->file, sh->pack, sizeof(e->file));
			e->offset = at;
			e->how = RP_SHADOW_CLONE;
			sh->packoff = at + e->size;
			return 0;
		}
	}
	/* where reflinks exist copy_file_range clones too (and flushes): bytes, then */
	int64_t n = copy_span(fd, 0, sh->packfd, sh->packoff, e->size, sh->clone);
	if (n < 0) {
		/* a full disk: what this copy wrote goes, the pack stays as it was */
		if (ftruncate(sh->packfd, (off_t)sh->packoff) != 0)
			return RP_ERR_SYSTEM;
		return (int)n;
	}
	memcpy(e->file, sh->pack, sizeof(e->file));
	e->offset = sh->packoff;
	e->size = (uint64_t)n;
	sh->packoff += (uint64_t)n;
	return 0;
}

/*
 * Appends e's line to the index. A line cut short by a full disk is taken off again:
 * left there, the next line would be glued to it and both be lost to the restore.
 */
static int
index_append(struct rp_shadow *sh, const struct rp_shadow_entry *e)
{
	struct rp_buf line;
	struct stat st;
	int r;
	if (fstat(sh->ixfd, &st) != 0)
		return RP_ERR_SYSTEM;
	rp_buf_init(&line, 16384);
	if ((r = append_line(&line, e)) == 0 && (r = rp_write_all(sh->ixfd, line.buf, line.len)) != 0) {
		int saved = errno;
		if (ftruncate(sh->ixfd, st.st_size) != 0) {
			/* the torn line stays: the restore skips a line it cannot parse */
		}
		errno = saved;
	}
	rp_buf_release(&line);
	return r;
}

int
rp_shadow_keep(struct rp_shadow *sh, int fd, const char *path, int link, int64_t now,
    pid_t pid, const char *verdict, enum rp_shadow_how *how)
{
	struct stat st;
	struct rp_shadow_entry e;
	int r;
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
		if (linkat(fd, "", sh->dirfd, e.file, AT_EMPTY_PATH) != 0)
			return errno == EXDEV ? RP_ERR_UNSUPPORTED : RP_ERR_SYSTEM;
		e.how = RP_SHADOW_LINK;
	} else {
		if (sh->max && sh->used + e.size > sh->max)
			return RP_ERR_TOOBIG;
		if ((r = pack_keep(sh, fd, &e, now)) != 0)
			return r;
		sh->used += e.size;
	}
	if ((r = index_append(sh, &e)) != 0)
		return r;
	*how = e.how;
	return 0;
}

int
rp_shadow_keep_range(struct rp_shadow *sh, int fd, const char *path, uint64_t orig_size,
    int64_t orig_mtime_ns, uint64_t foff, uint64_t flen, int64_t now, pid_t pid,
    const char *verdict)
{
	struct stat st;
	struct rp_shadow_entry e;
	int r;
	if (fstat(fd, &st) != 0)
		return RP_ERR_SYSTEM;
	memset(&e, 0, sizeof(e));
	e.pathlen = strlen(path);
	if (e.pathlen >= sizeof(e.path) || path[0] != '/' || foff > orig_size || flen > orig_size - foff)
		return RP_ERR_INVALID;
	if (sh->max && sh->used + flen > sh->max)
		return RP_ERR_TOOBIG;
	memcpy(e.path, path, e.pathlen);
	e.time = now;
	e.how = RP_SHADOW_RANGE;
	e.dev = st.st_dev;
	e.ino = st.st_ino;
	e.size = orig_size;
	e.mtime_ns = orig_mtime_ns;
	e.pid = pid;
	e.foff = foff;
	snprintf(e.verdict, sizeof(e.verdict), "%s", verdict ? verdict : "");
	if ((r = pack_ready(sh, now)) != 0)
		return r;
	/* bytes where the filesystem clones: a clone would first write the file's dirty
	 * pages out, and a range is small; elsewhere copy_file_range copies page cache
	 * to page cache in the kernel (no pass through a buffer of ours: the database
	 * bench's ranges, 1 MiB at a time, cost the watcher a read and a write each) */
	int64_t n = copy_span(fd, foff, sh->packfd, sh->packoff, flen, sh->clone);
	if (n < 0) {
		if (ftruncate(sh->packfd, (off_t)sh->packoff) != 0)
			return RP_ERR_SYSTEM;
		return (int)n;
	}
	memcpy(e.file, sh->pack, sizeof(e.file));
	e.offset = sh->packoff;
	e.flen = (uint64_t)n;       /* less when the file had shrunk below the range */
	sh->packoff += (uint64_t)n;
	sh->used += (uint64_t)n;
	return index_append(sh, &e);
}

/* Restore: pick per path, then write. */

/* What a range restore needs of every entry, in index order (an entry without its
 * path: a few tens of bytes, where the path alone may take four thousand). */
struct rec {
	uint64_t dev, ino, size, foff, flen, offset, pathhash;
	int64_t mtime_ns;
	enum rp_shadow_how how;
	char file[32];
};

struct pick {
	int dirfd;
	struct rp_shadow_entry *v;
	size_t n, cap;
	struct rec *recs;
	size_t nrec, caprec;
};

static uint64_t
path_hash(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;     /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	return h;
}

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
	int r = RP_ARRAY_GROW(&p->recs, &p->caprec, p->nrec + 1, RP_ARRAY_MAX_DEFAULT);
	if (r != 0)
		return r;
	struct rec *rc = &p->recs[p->nrec++];
	*rc = (struct rec){ e->dev, e->ino, e->size, e->foff, e->flen, e->offset,
		path_hash(e->path, e->pathlen), e->mtime_ns, e->how, "" };
	memcpy(rc->file, e->file, sizeof(rc->file));
	if (!usable(p->dirfd, e))
		return 0;
	for (size_t i = 0; i < p->n; i++) {
		struct rp_shadow_entry *o = &p->v[i];
		if (o->pathlen == e->pathlen && memcmp(o->path, e->path, e->pathlen) == 0) {
			*o = *e;      /* the index is in time order: the newest wins */
			return 0;
		}
	}
	if ((r = RP_ARRAY_GROW(&p->v, &p->cap, p->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	p->v[p->n++] = *e;
	return 0;
}

/* Puts the temporary file dst (open on tmp, next to path) in path's place: synced,
 * closed, renamed over it. dst is closed, and tmp removed on failure, whatever
 * happens. Returns 0 or RP_ERR_SYSTEM. */
static int
commit_tmp(int dst, const char *tmp, const char *path)
{
	int ok = fsync(dst) == 0;
	ok = close(dst) == 0 && ok;
	if (ok && rename(tmp, path) == 0)
		return 0;
	unlink(tmp);
	return RP_ERR_SYSTEM;
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
	if (e->how != RP_SHADOW_LINK && e->file[0] == 'P') {
		/* a pack: size bytes at offset (copied or cloned there) */
		int64_t n = copy_span(src, e->offset, dst, 0, e->size, 0);
		if (n < 0 || (uint64_t)n != e->size) {
			r = n < 0 ? (int)n : RP_ERR_FORMAT;
			goto out;
		}
	} else if ((r = copy_fd(src, dst)) < 0)
		goto out;
	r = commit_tmp(dst, tmp, e->path);
	dst = -1;
	if (r != 0)
		goto out;
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

/* The file that had t's inode: at t's path, or renamed in the same directory
 * (x.docx -> x.docx.locked). A read-only descriptor, or an RP_ERR_*. */
static int
open_inode(const struct rp_shadow_entry *t)
{
	struct stat st;
	char dir[4096];
	int noat;
	const char *slash = strrchr(t->path, '/');
	if (lstat(t->path, &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_dev == t->dev &&
	    (uint64_t)st.st_ino == t->ino)
		return rp_open_evidence(AT_FDCWD, t->path, 0, 1, &noat);
	snprintf(dir, sizeof(dir), "%.*s", slash == t->path ? 1 : (int)(slash - t->path), t->path);
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
	DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
	struct dirent *de;
	int fd = RP_ERR_NOTFOUND;
	if (d == NULL) {
		if (dfd >= 0)
			close(dfd);
		return RP_ERR_NOTFOUND;
	}
	while ((de = readdir(d)) != NULL) {
		if ((uint64_t)de->d_ino != t->ino)
			continue;
		if (fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
		    (uint64_t)st.st_dev == t->dev && (uint64_t)st.st_ino == t->ino) {
			fd = rp_open_evidence(dfd, de->d_name, 0, 1, &noat);
			break;
		}
	}
	closedir(d);
	return fd;
}

/*
 * Restores the content t's path had before the writer of t's range epoch: the
 * epoch's ranges and those of every later epoch of the inode, newest first, laid over
 * the inode's current content, or over the first whole copy of the path taken after
 * the epoch began (it holds what the later ranges were taken from), then cut to the
 * epoch's original size.
 */
static int
restore_range(int dirfd, const struct pick *p, const struct rp_shadow_entry *t,
    enum rp_restore_result *res)
{
	size_t first = p->nrec, end = p->nrec;
	uint64_t ph = path_hash(t->path, t->pathlen), base_off = 0, base_len;
	char tmp[4200], open_pack[32] = "";
	int base = -1, dst = -1, pk = -1, r = RP_ERR_INTERNAL;
	struct stat st;
	for (size_t i = 0; i < p->nrec && first == p->nrec; i++) {
		const struct rec *c = &p->recs[i];
		if (c->how == RP_SHADOW_RANGE && c->dev == t->dev && c->ino == t->ino &&
		    c->size == t->size && c->mtime_ns == t->mtime_ns)
			first = i;
	}
	if (first == p->nrec)
		return RP_ERR_NOTFOUND;
	for (size_t i = first + 1; i < p->nrec && end == p->nrec; i++) {
		const struct rec *c = &p->recs[i];
		if ((c->how == RP_SHADOW_COPY || c->how == RP_SHADOW_CLONE) && c->pathhash == ph)
			end = i;
	}
	if (end < p->nrec) {
		base = openat(dirfd, p->recs[end].file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		base_off = p->recs[end].offset;
		base_len = p->recs[end].size;
	} else {
		base = open_inode(t);
		base_len = base >= 0 && fstat(base, &st) == 0 ? (uint64_t)st.st_size : 0;
	}
	if (base < 0) {
		r = base == RP_ERR_NOTFOUND || errno == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM;
		base = -1;
		goto out;
	}
	snprintf(tmp, sizeof(tmp), "%s.riposte-restore", t->path);
	if ((dst = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600)) < 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	int64_t n = copy_span(base, base_off, dst, 0, base_len, 0);
	if (n < 0 || (uint64_t)n != base_len) {
		r = n < 0 ? (int)n : RP_ERR_FORMAT;
		goto out;
	}
	for (size_t i = end; i-- > first;) {
		const struct rec *c = &p->recs[i];
		if (c->how != RP_SHADOW_RANGE || c->dev != t->dev || c->ino != t->ino)
			continue;
		if (strcmp(open_pack, c->file) != 0) {
			if (pk >= 0)
				close(pk);
			if ((pk = openat(dirfd, c->file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0) {
				r = errno == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM;
				goto out;
			}
			memcpy(open_pack, c->file, sizeof(open_pack));
		}
		n = copy_span(pk, c->offset, dst, c->foff, c->flen, 0);
		if (n < 0 || (uint64_t)n != c->flen) {
			r = n < 0 ? (int)n : RP_ERR_FORMAT;
			goto out;
		}
	}
	/* the original's mode: the file's own, where it is still there */
	if (fstat(base, &st) == 0 && end == p->nrec)
		fchmod(dst, st.st_mode & 07777);
	if (ftruncate(dst, (off_t)t->size) != 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	r = commit_tmp(dst, tmp, t->path);
	dst = -1;
	if (r != 0)
		goto out;
	*res = RP_RESTORE_DONE;
	r = 0;
out:
	if (r != 0 && dst >= 0)
		unlink(tmp);
	if (dst >= 0)
		close(dst);
	if (base >= 0)
		close(base);
	if (pk >= 0)
		close(pk);
	return r;
}

int
rp_shadow_restore(const char *dir, const char *const *prefix, size_t nprefix,
    void (*cb)(const struct rp_shadow_entry *e, enum rp_restore_result res, int err, void *ctx),
    void *ctx)
{
	struct pick p = { -1, NULL, 0, 0, NULL, 0, 0 };
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
		int er = e->how == RP_SHADOW_RANGE ? restore_range(dirfd, &p, e, &res) :
		    restore_one(dirfd, e, &res);
		cb(e, er ? RP_RESTORE_FAILED : res, er, ctx);
	}
	r = 0;
out:
	free(p.v);
	free(p.recs);
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
