#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stddef.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/openat2.h>

#include "core/array.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/file.h"
#include "fs/walk.h"

/*
 * One frame per directory being listed. Its entries are read at once and sorted, so
 * the frame only needs its descriptor to open children. Descriptors of frames more
 * than KEEP_OPEN levels up are closed and reopened through the child's ".." when the
 * walk comes back, checked against the recorded device and inode, so that any depth
 * costs a bounded number of descriptors and O(1) work per level.
 */
#define KEEP_OPEN 32

/*
 * Directories listed ahead (rp_walk_opts.prefetch_dirs). ext4 lists a hashed directory
 * one block at a time, each a synchronous read: on a cold cache the walk waited for
 * every directory block in turn (~10,000 of them for 100,000 files, about 0.2 ms each),
 * while the threads that judge the files it queues ran dry. A helper thread lists the
 * subdirectories the walk will enter next, in the walk's order, so that their blocks
 * are in memory when the walk gets there. It only reads: O_NOATIME or not at all, no
 * other filesystem unless the walk crosses mounts, and at most DIRPF_MAX directories
 * queued (the farthest dropped first). What it lists is a hint: the walk lists every
 * directory itself and reports what it finds, whatever the helper did.
 */
#define DIRPF_MAX 256
/* the longest record getdents64 returns: header, a 255-byte name, its NUL, aligned */
#define DIRENT_MAX ((offsetof(struct dirent64, d_name) + 256 + 7) & ~(size_t)7)

struct dirpf {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	char *q[DIRPF_MAX];  /* paths, in walk order from q[head] */
	size_t head, n;
	int stop;
	dev_t dev;           /* the root's: other filesystems only with cross_mounts */
	int cross;
	int rootfd;          /* the root directory, for openat2 of the paths below it */
	size_t rootlen;      /* the root's length in the queued paths */
	int no_openat2;      /* the kernel has none: paths opened whole, device checked */
	uint64_t listed;     /* directories the helper listed (tests, bench) */
};

struct frame {
	int fd;              /* -1 while closed to spare descriptors */
	dev_t dev;
	ino_t ino;
	char *names;         /* the entries, NUL-separated, each after its d_type byte */
	size_t *off;         /* offsets of the entries in names, sorted */
	size_t n, i;         /* entries, next to visit */
	size_t pathlen;      /* length of this directory's path in the walk's path buffer */
	int depth;
};

struct walk {
	const struct rp_walk_opts *o;
	rp_walk_fn fn;
	void *ctx;
	struct rp_walk_stats *st;
	struct rp_buf path;
	struct frame *fr;
	size_t nfr, allocfr;
	dev_t rootdev;
	struct dirpf *pf;    /* NULL unless prefetch_dirs and the helper started */
	int no_openat2;      /* the kernel has no openat2: files are stat'ed first */
};

static int
cmp_names(const void *a, const void *b, void *base)
{
	return strcmp((const char *)base + *(const size_t *)a,
	    (const char *)base + *(const size_t *)b);
}

static const char *
kind_of(mode_t m)
{
	if (S_ISLNK(m))
		return "symlink";
	if (S_ISFIFO(m))
		return "fifo";
	if (S_ISSOCK(m))
		return "socket";
	if (S_ISCHR(m))
		return "character device";
	if (S_ISBLK(m))
		return "block device";
	return "not a regular file";
}

static int
excluded(const struct walk *w, const char *name)
{
	size_t i;

	for (i = 0; i < w->o->nexclude; i++)
		if (fnmatch(w->o->exclude[i], name, 0) == 0 ||
		    fnmatch(w->o->exclude[i], w->path.buf, 0) == 0)
			return 1;
	return 0;
}

static int
report(struct walk *w, enum rp_walk_kind kind, int dirfd, const char *name,
    const struct stat *st, int depth, const char *what, int err)
{
	struct rp_walk_entry e = {
		.kind = kind, .dirfd = dirfd, .name = name, .path = w->path.buf,
		.pathlen = w->path.len, .st = st, .depth = depth, .what = what,
		.sys_errno = err, .fd = -1,
	};

	switch (kind) {
	case RP_WALK_FILE:  w->st->files++; break;
	case RP_WALK_OTHER: w->st->others++; break;
	case RP_WALK_ERROR: w->st->errors++; break;
	case RP_WALK_DIR:   break;
	}
	return w->fn(&e, w->ctx);
}

/* A regular file the walk opened (visit_reg): the callback takes fd. */
static int
report_open(struct walk *w, int dirfd, const char *name, const struct stat *st, int depth,
    int fd, int noatime)
{
	struct rp_walk_entry e = {
		.kind = RP_WALK_FILE, .dirfd = dirfd, .name = name, .path = w->path.buf,
		.pathlen = w->path.len, .st = st, .depth = depth, .fd = fd, .noatime = noatime,
	};

	w->st->files++;
	return w->fn(&e, w->ctx);
}

/* Reads every entry of the open directory fd into the frame, sorted. Takes fd.
 *
 * getdents64 on the descriptor the walk already holds, rather than fdopendir on a dup of
 * it: fdopendir cost five system calls a directory (F_DUPFD, its fstat and F_GETFL
 * checks, F_SETFD, the dup's close) to learn what the walk knows already (it opened fd
 * itself with O_DIRECTORY and checked its inode). The descriptor's position ends at the
 * end of the directory; the walk only uses it as the base of openat and fstatat. */
static int
frame_fill(struct frame *f, int fd)
{
	/* the size glibc's readdir uses: most directories in one call and the end in a
	 * second; aligned for struct dirent64 */
	union {
		char b[32768];
		struct dirent64 align;
	} buf;
	const size_t hdr = offsetof(struct dirent64, d_name);
	struct rp_buf names = RP_BUF_INIT;
	size_t *off = NULL, n = 0, cap = 0, pos, len;
	ssize_t got;
	int r = RP_ERR_INTERNAL;

	for (;;) {
		got = getdents64(fd, buf.b, sizeof(buf.b));
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			r = RP_ERR_SYSTEM;
			goto out;
		}
		if (got == 0)
			break;
		for (pos = 0; pos < (size_t)got; pos += len) {
			const struct dirent64 *de = (const struct dirent64 *)(void *)(buf.b + pos);
			size_t nlen;

			len = de->d_reclen;
			/* the kernel's records; checked all the same rather than trusted to
			 * stay inside what it returned */
			if (len <= hdr || len > (size_t)got - pos) {
				errno = EIO;
				r = RP_ERR_SYSTEM;
				goto out;
			}
			nlen = strnlen(de->d_name, len - hdr);
			if (nlen == len - hdr || nlen == 0) {
				errno = EIO;
				r = RP_ERR_SYSTEM;
				goto out;
			}
			if ((nlen == 1 && de->d_name[0] == '.') ||
			    (nlen == 2 && de->d_name[0] == '.' && de->d_name[1] == '.'))
				continue;
			if ((r = RP_ARRAY_GROW(&off, &cap, n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
				goto out;
			/* the type the directory gives: for the helper listing ahead (dirpf) and
			 * for opening regular files without a stat first (visit_reg) */
			if ((r = rp_buf_addch(&names, (char)de->d_type)) != 0)
				goto out;
			off[n++] = names.len;
			if ((r = rp_buf_add(&names, de->d_name, nlen + 1)) != 0)
				goto out;
		}
	}
	if (n > 1)
		qsort_r(off, n, sizeof(*off), cmp_names, names.buf);
	f->names = rp_buf_detach(&names, NULL);
	f->off = off;
	off = NULL;
	f->n = n;
	f->i = 0;
	f->fd = fd;
	r = 0;
out:
	free(off);
	rp_buf_release(&names);
	return r;
}

static void
frame_release(struct frame *f)
{
	if (f->fd >= 0)
		close(f->fd);
	free(f->names);
	free(f->off);
	memset(f, 0, sizeof(*f));
	f->fd = -1;
}

/*
 * Opens a queued directory for listing ahead, or returns -1. No O_NOATIME (not the
 * owner): not listed, its access time stays.
 *
 * By its path below the root's descriptor with openat2: RESOLVE_NO_XDEV refuses any
 * other filesystem on the way (the fstat that checked the device afterwards is one
 * system call a directory less, and what is mounted on a mount point is no longer
 * opened before the walk has decided not to cross it; an automount point reached by an
 * open may still be mounted by the kernel before the refusal, as it was by the plain
 * open: the walk itself stats such a directory without opening it), RESOLVE_BENEATH and
 * RESOLVE_NO_SYMLINKS a name swapped for a symlink anywhere on the path (O_NOFOLLOW
 * covers only the last). Without openat2 (before Linux 5.6), the path from the root
 * as given and the device checked after the open.
 */
static int
dirpf_open(struct dirpf *pf, const char *path)
{
	struct stat st;
	int fd, noatime;

	if (!pf->no_openat2) {
		const char *rel = path + pf->rootlen;

		while (*rel == '/')
			rel++;
		fd = rp_open_evidence_resolve(pf->rootfd, rel, O_DIRECTORY,
		    RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS |
		    (pf->cross ? 0 : RESOLVE_NO_XDEV), 0, &noatime);
		if (fd >= 0 || errno != ENOSYS)
			return fd < 0 ? -1 : fd;
		pf->no_openat2 = 1;
	}
	if ((fd = rp_open_evidence(AT_FDCWD, path, O_DIRECTORY, 0, &noatime)) < 0)
		return -1;
	if (!pf->cross && (fstat(fd, &st) != 0 || st.st_dev != pf->dev)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void
dirpf_list(struct dirpf *pf, const char *path)
{
	char buf[32768];
	ssize_t got;
	int fd;

	if ((fd = dirpf_open(pf, path)) < 0)
		return;
	/*
	 * Until a call returns less than could hold one more entry of the longest name:
	 * the filesystems fill the buffer while entries remain (ext4, xfs, btrfs, tmpfs),
	 * so the call that would return 0 only costs a system call a directory. Should
	 * one stop short, the walk reads the rest itself.
	 */
	while ((got = getdents64(fd, buf, sizeof(buf))) > 0 &&
	    (size_t)got + DIRENT_MAX > sizeof(buf))
		;
	pf->listed++;
	close(fd);
}

static void *
dirpf_main(void *arg)
{
	struct dirpf *pf = arg;
	char *path;

	pthread_mutex_lock(&pf->mu);
	for (;;) {
		while (!pf->stop && pf->n == 0)
			pthread_cond_wait(&pf->cv, &pf->mu);
		if (pf->stop)
			break;
		path = pf->q[pf->head];
		pf->head = (pf->head + 1) % DIRPF_MAX;
		pf->n--;
		pthread_mutex_unlock(&pf->mu);
		dirpf_list(pf, path);
		free(path);
		pthread_mutex_lock(&pf->mu);
	}
	pthread_mutex_unlock(&pf->mu);
	return NULL;
}

static struct dirpf *
dirpf_start(int rootfd, size_t rootlen, dev_t dev, int cross)
{
	struct dirpf *pf = calloc(1, sizeof(*pf));

	if (pf == NULL)
		return NULL;
	/* its own descriptor: the walk closes the root's when deep (KEEP_OPEN) */
	if ((pf->rootfd = fcntl(rootfd, F_DUPFD_CLOEXEC, 0)) < 0) {
		free(pf);
		return NULL;
	}
	pf->rootlen = rootlen;
	pf->dev = dev;
	pf->cross = cross;
	pthread_mutex_init(&pf->mu, NULL);
	pthread_cond_init(&pf->cv, NULL);
	if (pthread_create(&pf->th, NULL, dirpf_main, pf) != 0) {
		pthread_mutex_destroy(&pf->mu);
		pthread_cond_destroy(&pf->cv);
		close(pf->rootfd);
		free(pf);
		return NULL;    /* the walk lists each directory itself anyway */
	}
	return pf;
}

/* Stops the helper; returns how many directories it listed. */
static uint64_t
dirpf_stop(struct dirpf *pf)
{
	uint64_t listed;

	pthread_mutex_lock(&pf->mu);
	pf->stop = 1;
	pthread_cond_signal(&pf->cv);
	pthread_mutex_unlock(&pf->mu);
	pthread_join(pf->th, NULL);
	while (pf->n > 0) {
		free(pf->q[pf->head]);
		pf->head = (pf->head + 1) % DIRPF_MAX;
		pf->n--;
	}
	listed = pf->listed;
	close(pf->rootfd);
	pthread_mutex_destroy(&pf->mu);
	pthread_cond_destroy(&pf->cv);
	free(pf);
	return listed;
}

/*
 * Queues the subdirectories of the frame just listed (w->path is its path) ahead of
 * what is queued: the walk is depth first, so they come before the frame's siblings
 * queued earlier. Excluded names are not queued. Out of memory: not queued.
 */
static void
dirpf_queue(struct walk *w, const struct frame *f)
{
	struct dirpf *pf = w->pf;
	size_t k, base = w->path.len, nq = 0;
	char *batch[DIRPF_MAX];

	for (k = 0; k < f->n && nq < DIRPF_MAX; k++) {
		const char *name = f->names + f->off[k];

		if ((unsigned char)name[-1] != DT_DIR)
			continue;
		rp_buf_setlen(&w->path, base);
		if (((base == 0 || w->path.buf[base - 1] != '/') && rp_buf_addch(&w->path, '/') != 0) ||
		    rp_buf_addstr(&w->path, name) != 0)
			break;
		if (w->o->nexclude && excluded(w, name))
			continue;
		if ((batch[nq] = strdup(w->path.buf)) == NULL)
			break;
		nq++;
	}
	rp_buf_setlen(&w->path, base);
	if (nq == 0)
		return;
	pthread_mutex_lock(&pf->mu);
	while (nq > 0) {
		if (pf->n == DIRPF_MAX) {
			/* the farthest ahead goes */
			free(pf->q[(pf->head + pf->n - 1) % DIRPF_MAX]);
			pf->n--;
		}
		pf->head = (pf->head + DIRPF_MAX - 1) % DIRPF_MAX;
		pf->q[pf->head] = batch[--nq];
		pf->n++;
	}
	pthread_cond_signal(&pf->cv);
	pthread_mutex_unlock(&pf->mu);
}

static int
push_dir(struct walk *w, int fd, const struct stat *st, int depth)
{
	struct frame *f;
	int r;

	if ((r = RP_ARRAY_GROW(&w->fr, &w->allocfr, w->nfr + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	f = &w->fr[w->nfr];
	memset(f, 0, sizeof(*f));
	f->fd = -1;
	if ((r = frame_fill(f, fd)) != 0)
		return r;
	f->dev = st->st_dev;
	f->ino = st->st_ino;
	f->pathlen = w->path.len;
	f->depth = depth;
	w->nfr++;
	w->st->dirs++;
	if (w->pf)
		dirpf_queue(w, f);
	if (w->nfr > KEEP_OPEN) {
		struct frame *old = &w->fr[w->nfr - 1 - KEEP_OPEN];

		if (old->fd >= 0) {
			close(old->fd);
			old->fd = -1;
		}
	}
	return 0;
}

/* The parent frame's descriptor was closed: reopen it through the child's "..". */
static int
reopen_parent(struct walk *w, struct frame *parent, int childfd)
{
	struct stat st;
	int fd;

	fd = openat(childfd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOATIME);
	if (fd < 0 && errno == EPERM)
		fd = openat(childfd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return RP_ERR_SYSTEM;
	if (fstat(fd, &st) != 0 || st.st_dev != parent->dev || st.st_ino != parent->ino) {
		close(fd);
		errno = ESTALE;     /* the tree was moved under us: do not guess */
		return RP_ERR_CHANGED;
	}
	parent->fd = fd;
	return 0;
}

static int
is_ancestor(const struct walk *w, const struct stat *st)
{
	size_t i;

	for (i = 0; i < w->nfr; i++)
		if (w->fr[i].dev == st->st_dev && w->fr[i].ino == st->st_ino)
			return 1;
	return 0;
}

/*
 * A regular file by the directory's d_type, opened without the fstatat that would come
 * first (rp_walk_opts.open_files): the fstat on the descriptor the callback needs
 * anyway (the verdict's size and times) says what it is. One system call less a file,
 * and one path lookup.
 *
 * What the open can meet: getdents said DT_REG, but the name may have been replaced
 * since (the window reaches from the listing to here; today's fstatat-then-open has
 * the same kind of window, shorter). The flags are rp_open_evidence's: O_NOFOLLOW
 * refuses a symlink (ELOOP), O_NONBLOCK opens a FIFO without waiting for a writer, and
 * nothing is read before the fstat below says regular. RESOLVE_NO_XDEV (openat2)
 * refuses a mount point: a file can have a device bind-mounted over it, whose entry
 * still says DT_REG, and opening a device can act (a watchdog starts on open); those
 * go the stat-first way, which reports them without opening. A device node renamed
 * into the directory meanwhile needs a device node on this filesystem and the right to
 * write the directory: as with the stat-first way, it would be opened (O_NONBLOCK) and
 * closed unread.
 *
 * Anything but an open regular file goes the stat-first way (returns 1), so that what
 * is reported, and how, is what it was: not the owner without allow_atime (EPERM), a
 * vanished name, a symlink, a directory or FIFO put in its place, no openat2 (before
 * Linux 5.6: the walk stops trying). Otherwise the entry is reported as a FILE with its
 * descriptor, which the callback takes.
 */
static int
visit_reg(struct walk *w, struct frame *f, const char *name, int depth)
{
	struct stat st;
	int fd, noatime;

	fd = rp_open_evidence_resolve(f->fd, name, 0, RESOLVE_NO_XDEV, w->o->allow_atime,
	    &noatime);
	if (fd < 0) {
		if (errno == ENOSYS)
			w->no_openat2 = 1;
		return 1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 1;
	}
	return report_open(w, f->fd, name, &st, depth, fd, noatime);
}

/* Visits one entry of the top frame. */
static int
visit(struct walk *w, struct frame *f, const char *name)
{
	struct stat st;
	int r, fd, noatime;
	int depth = f->depth + 1;

	rp_buf_setlen(&w->path, f->pathlen);
	if ((f->pathlen == 0 || w->path.buf[f->pathlen - 1] != '/') &&
	    (r = rp_buf_addch(&w->path, '/')) != 0)
		return r;
	if ((r = rp_buf_addstr(&w->path, name)) != 0)
		return r;
	if (w->o->nexclude && excluded(w, name)) {
		w->st->excluded++;
		return 0;
	}
	if (w->o->open_files && !w->no_openat2 && (unsigned char)name[-1] == DT_REG &&
	    (r = visit_reg(w, f, name, depth)) != 1)
		return r;
	if (fstatat(f->fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		int e = errno;

		return report(w, RP_WALK_ERROR, f->fd, name, NULL, depth,
		    e == ENOENT ? "vanished before it could be examined" : "cannot stat", e);
	}
	if (S_ISREG(st.st_mode))
		return report(w, RP_WALK_FILE, f->fd, name, &st, depth, NULL, 0);
	if (!S_ISDIR(st.st_mode))
		return report(w, RP_WALK_OTHER, f->fd, name, &st, depth, kind_of(st.st_mode), 0);
	if (st.st_dev != w->rootdev && !w->o->cross_mounts) {
		w->st->mounts_skipped++;
		return report(w, RP_WALK_OTHER, f->fd, name, &st, depth,
		    "mount point not crossed (use --cross-mounts)", 0);
	}
	if (is_ancestor(w, &st))
		return report(w, RP_WALK_OTHER, f->fd, name, &st, depth,
		    "directory cycle (bind mount)", 0);
	if ((r = report(w, RP_WALK_DIR, f->fd, name, &st, depth, NULL, 0)) != 0)
		return r == RP_WALK_PRUNE ? 0 : r;
	fd = rp_open_evidence(f->fd, name, O_DIRECTORY, w->o->allow_atime, &noatime);
	if (fd < 0) {
		int e = fd == RP_ERR_PERM ? EPERM : errno;

		return report(w, RP_WALK_ERROR, f->fd, name, &st, depth,
		    fd == RP_ERR_PERM ? "cannot list without changing its access time "
		    "(not the owner; run as root)" : "cannot open directory", e);
	}
	if (!noatime)
		w->st->dirs_atime++;
	/* the directory we opened must be the one we examined (no swap in between) */
	{
		struct stat st2;

		if (fstat(fd, &st2) != 0 || st2.st_dev != st.st_dev || st2.st_ino != st.st_ino) {
			close(fd);
			return report(w, RP_WALK_ERROR, f->fd, name, &st, depth,
			    "replaced while being examined", ESTALE);
		}
	}
	if ((r = push_dir(w, fd, &st, depth)) != 0) {
		int e = errno;

		close(fd);
		if (r == RP_ERR_NOMEM)
			return r;
		return report(w, RP_WALK_ERROR, f->fd, name, &st, depth, "cannot list directory", e);
	}
	return 0;
}

static int
walk_loop(struct walk *w)
{
	int r;

	while (w->nfr > 0) {
		struct frame *f = &w->fr[w->nfr - 1];

		if (f->i == f->n) {
			int childfd = f->fd;

			f->fd = -1;
			frame_release(f);
			w->nfr--;
			if (w->nfr > 0 && w->fr[w->nfr - 1].fd < 0) {
				r = reopen_parent(w, &w->fr[w->nfr - 1], childfd);
				if (r != 0) {
					int e = errno;
					struct frame *p = &w->fr[w->nfr - 1];

					close(childfd);
					rp_buf_setlen(&w->path, p->pathlen);
					/* the rest of this directory cannot be reached safely */
					if ((r = report(w, RP_WALK_ERROR, AT_FDCWD, "", NULL, p->depth,
					    "directory moved during the walk; rest not listed", e)) < 0)
						return r;
					p->i = p->n;
					continue;
				}
			}
			close(childfd);
			continue;
		}
		r = visit(w, f, f->names + f->off[f->i++]);
		if (r < 0)
			return r;
	}
	return 0;
}

int
rp_walk(const char *root, const struct rp_walk_opts *o, rp_walk_fn fn, void *ctx,
    struct rp_walk_stats *stats)
{
	static const struct rp_walk_opts defaults;
	struct rp_walk_stats dummy = { 0 };
	struct walk w = { 0 };
	struct stat st;
	char *real = NULL;
	int r, fd = -1, noatime;
	size_t i, len;

	w.o = o ? o : &defaults;
	w.fn = fn;
	w.ctx = ctx;
	w.st = stats ? stats : &dummy;
	rp_buf_init(&w.path, 0);
	len = strlen(root);
	while (len > 1 && root[len - 1] == '/')
		len--;
	if ((r = rp_buf_add(&w.path, root, len)) != 0)
		goto out;
	if (lstat(root, &st) != 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if (S_ISLNK(st.st_mode)) {
		/* a root given as a symlink is followed, once, as find -H does */
		if ((real = realpath(root, NULL)) == NULL || lstat(real, &st) != 0) {
			r = RP_ERR_SYSTEM;
			goto out;
		}
	}
	w.rootdev = st.st_dev;
	if (S_ISREG(st.st_mode)) {
		r = report(&w, RP_WALK_FILE, AT_FDCWD, real ? real : root, &st, 0, NULL, 0);
		goto out;
	}
	if (!S_ISDIR(st.st_mode)) {
		r = report(&w, RP_WALK_OTHER, AT_FDCWD, real ? real : root, &st, 0,
		    kind_of(st.st_mode), 0);
		goto out;
	}
	if ((r = report(&w, RP_WALK_DIR, AT_FDCWD, real ? real : root, &st, 0, NULL, 0)) != 0) {
		if (r == RP_WALK_PRUNE)
			r = 0;
		goto out;
	}
	fd = rp_open_evidence(AT_FDCWD, real ? real : root, O_DIRECTORY, w.o->allow_atime,
	    &noatime);
	if (fd < 0) {
		r = fd;
		goto out;
	}
	if (!noatime)
		w.st->dirs_atime++;
	if (w.o->prefetch_dirs)
		w.pf = dirpf_start(fd, w.path.len, st.st_dev, w.o->cross_mounts);
	if ((r = push_dir(&w, fd, &st, 0)) != 0) {
		close(fd);
		goto out;
	}
	r = walk_loop(&w);
out:
	if (w.pf)
		w.st->dirs_prefetched += dirpf_stop(w.pf);
	for (i = 0; i < w.nfr; i++)
		frame_release(&w.fr[i]);
	free(w.fr);
	free(real);
	rp_buf_release(&w.path);
	return r;
}
