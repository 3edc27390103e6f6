/* fanotify adapter: two groups, inode marks on directories, event decoding. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fanotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "respond/fanotify.h"

/* Newer than Debian 12's headers (Linux 6.14 uapi). */
#ifndef FAN_PRE_ACCESS
#define FAN_PRE_ACCESS 0x00100000
#endif
#ifndef FAN_MARK_IGNORE_SURV
#define FAN_MARK_IGNORE_SURV (0x00000400 | FAN_MARK_IGNORED_SURV_MODIFY)
#endif
#ifndef FAN_EVENT_INFO_TYPE_RANGE
#define FAN_EVENT_INFO_TYPE_RANGE 6
#endif
struct rp_fan_range {
	struct fanotify_event_info_header hdr;
	uint32_t pad;
	uint64_t offset;
	uint64_t count;
};

/* A marked directory: name events name it by its file handle. */
struct dirmark {
	unsigned char *h;        /* the handle's bytes; NULL: a free slot */
	unsigned hlen;
	int type;
	uint64_t hash;
	char *path;
};

struct rp_fan {
	int cfd;                 /* content group */
	int nfd;                 /* name group, -1 when unavailable */
	int pre;                 /* pre-content events in use */
	/* filesystems that refused them (tmpfs): their directories are marked for open
	 * permission events only, and their files are kept as on an older kernel */
	uint64_t nopre[16];
	size_t nnopre;
	/* open addressing on the handle (linear probing, at most half full): a share
	 * has tens of thousands of directories, and each name event looks one up */
	struct dirmark *dirs;
	size_t ndirs, cap;       /* cap: 0 or a power of two */
	char buf[64 * 1024] __attribute__((aligned(8)));
};

static int
err_of(int e)
{
	if (e == EPERM || e == EACCES)
		return RP_ERR_PERM;
	if (e == EINVAL || e == EOPNOTSUPP || e == ENOSYS || e == EXDEV || e == ENODEV)
		return RP_ERR_UNSUPPORTED;
	errno = e;
	return RP_ERR_SYSTEM;
}

int
rp_fan_open(struct rp_fan **out, unsigned flags)
{
	struct rp_fan *f = calloc(1, sizeof(*f));
	int r = RP_ERR_INTERNAL;
	if (f == NULL)
		return RP_ERR_NOMEM;
	f->cfd = f->nfd = -1;
	unsigned base = FAN_CLOEXEC | FAN_NONBLOCK;
	/* O_NOATIME: the copies, glances and verdicts read through the event's
	 * descriptor, and an access time is evidence (was the file read, and when) */
	unsigned ef = O_RDONLY | O_LARGEFILE | O_CLOEXEC | O_NOATIME;
	/* the content group names the thread: a multi-threaded server (smbd's aio
	 * threads) reads and writes in threads other than its main one */
	if (!(flags & RP_FAN_NO_PRE)) {
		f->cfd = fanotify_init(base | FAN_CLASS_PRE_CONTENT | FAN_REPORT_TID, ef);
		f->pre = f->cfd >= 0;
	}
	if (f->cfd < 0)
		f->cfd = fanotify_init(base | FAN_CLASS_CONTENT | FAN_REPORT_TID, ef);
	if (f->cfd < 0) {
		r = err_of(errno);
		goto out;
	}
	f->nfd = fanotify_init(base | FAN_CLASS_NOTIF | FAN_REPORT_DFID_NAME, ef);
	if (f->nfd < 0) {
		r = err_of(errno);
		goto out;
	}
	*out = f;
	f = NULL;
	r = 0;
out:
	rp_fan_free(f);
	return r;
}

void
rp_fan_free(struct rp_fan *f)
{
	if (f == NULL)
		return;
	if (f->cfd >= 0)
		close(f->cfd);
	if (f->nfd >= 0)
		close(f->nfd);
	for (size_t i = 0; i < f->cap; i++) {
		free(f->dirs[i].h);
		free(f->dirs[i].path);
	}
	free(f->dirs);
	free(f);
}

int
rp_fan_decoder(struct rp_fan **out)
{
	struct rp_fan *f = calloc(1, sizeof(*f));
	if (f == NULL)
		return RP_ERR_NOMEM;
	f->cfd = f->nfd = -1;
	*out = f;
	return 0;
}

int
rp_fan_pre_content(const struct rp_fan *f)
{
	return f->pre;
}

int
rp_fan_pre_on(const struct rp_fan *f, uint64_t dev)
{
	if (!f->pre)
		return 0;
	for (size_t i = 0; i < f->nnopre; i++)
		if (f->nopre[i] == dev)
			return 0;
	return 1;
}

void
rp_fan_fds(const struct rp_fan *f, int *content_fd, int *name_fd)
{
	*content_fd = f->cfd;
	*name_fd = f->nfd;
}

static uint64_t
content_mask(const struct rp_fan *f)
{
	uint64_t m = FAN_CLOSE_WRITE | FAN_CLOSE_NOWRITE | FAN_EVENT_ON_CHILD;
	/* opens too with pre-content events: an open with O_TRUNC empties the file
	 * before any pre-content event (measured on 6.18: the first one is the write,
	 * on an empty file) */
	return m | FAN_OPEN_PERM | (f->pre ? FAN_PRE_ACCESS : 0);
}

int
rp_fan_mark_dir(struct rp_fan *f, const char *path, int *fell_back)
{
	*fell_back = 0;
	if (fanotify_mark(f->cfd, FAN_MARK_ADD | FAN_MARK_ONLYDIR, content_mask(f),
	    AT_FDCWD, path) != 0) {
		/*
		 * A filesystem without pre-content events (tmpfs; Linux 6.14+ has them only
		 * where the filesystem says it can) takes the open permission events all
		 * the same: its files are kept at the open for writing, as on an older
		 * kernel, rather than not watched at all.
		 */
		struct stat st;
		if (!f->pre || (errno != EOPNOTSUPP && errno != EINVAL) || stat(path, &st) != 0 ||
		    fanotify_mark(f->cfd, FAN_MARK_ADD | FAN_MARK_ONLYDIR,
		    content_mask(f) & ~(uint64_t)FAN_PRE_ACCESS, AT_FDCWD, path) != 0)
			return err_of(errno);
		if (rp_fan_pre_on(f, (uint64_t)st.st_dev)) {
			if (f->nnopre == sizeof(f->nopre) / sizeof(f->nopre[0]))
				return RP_ERR_TOOBIG;
			f->nopre[f->nnopre++] = (uint64_t)st.st_dev;
			*fell_back = 1;
		}
	}
	/* FAN_DELETE_SELF: the directory's entry in f->dirs goes with it (a watcher runs
	 * for weeks over trees whose temporary directories come and go) */
	if (fanotify_mark(f->nfd, FAN_MARK_ADD | FAN_MARK_ONLYDIR,
	    FAN_CREATE | FAN_DELETE | FAN_RENAME | FAN_DELETE_SELF | FAN_ONDIR, AT_FDCWD, path) != 0)
		return err_of(errno);
	/*
	 * A file's creation says nothing its open (content group) does not, and watch
	 * wants only a new directory's, to mark it: an ignore mask for FAN_CREATE
	 * without FAN_ONDIR drops the files' (Linux 6.0+, fanotify_mark(2)). One event
	 * and one wake-up less per new file (a database's journal at each transaction).
	 * An older kernel refuses the flag and delivers them, which costs only that.
	 */
	(void)fanotify_mark(f->nfd, FAN_MARK_ADD | FAN_MARK_IGNORE_SURV | FAN_MARK_ONLYDIR,
	    FAN_CREATE, AT_FDCWD, path);

	/* remember the directory's handle: name events identify it by handle */
	struct {
		struct file_handle fh;
		unsigned char room[MAX_HANDLE_SZ];
	} h;
	int mnt;
	h.fh.handle_bytes = MAX_HANDLE_SZ;
	if (name_to_handle_at(AT_FDCWD, path, &h.fh, &mnt, 0) != 0)
		return err_of(errno);
	return rp_fan_dir_add(f, h.fh.handle_type, h.fh.handle_bytes, h.fh.f_handle, path);
}

static uint64_t
handle_hash(int type, unsigned bytes, const unsigned char *h)
{
	uint64_t x = 0xcbf29ce484222325ULL ^ (uint32_t)type;    /* FNV-1a */
	for (unsigned i = 0; i < bytes; i++)
		x = (x ^ h[i]) * 0x100000001b3ULL;
	return x;
}

/* The slot of the handle, or the free slot where it would go (f->cap > 0). */
static size_t
dir_slot(const struct rp_fan *f, int type, unsigned bytes, const unsigned char *h, uint64_t hash)
{
	size_t mask = f->cap - 1, i = (size_t)hash & mask;
	while (f->dirs[i].h != NULL && !(f->dirs[i].hash == hash && f->dirs[i].type == type &&
	    f->dirs[i].hlen == bytes && memcmp(f->dirs[i].h, h, bytes) == 0))
		i = (i + 1) & mask;
	return i;
}

static int
dir_grow(struct rp_fan *f)
{
	size_t nc = f->cap ? f->cap * 2 : 64;
	struct dirmark *nd = calloc(nc, sizeof(*nd));
	if (nd == NULL)
		return RP_ERR_NOMEM;
	for (size_t i = 0; i < f->cap; i++) {
		if (f->dirs[i].h == NULL)
			continue;
		size_t j = (size_t)f->dirs[i].hash & (nc - 1);
		while (nd[j].h != NULL)
			j = (j + 1) & (nc - 1);
		nd[j] = f->dirs[i];
	}
	free(f->dirs);
	f->dirs = nd;
	f->cap = nc;
	return 0;
}

int
rp_fan_dir_add(struct rp_fan *f, int type, unsigned bytes, const unsigned char *h, const char *path)
{
	if (bytes > MAX_HANDLE_SZ)
		return RP_ERR_INVALID;
	if ((f->ndirs + 1) * 2 > f->cap && dir_grow(f) != 0)
		return RP_ERR_NOMEM;
	uint64_t hash = handle_hash(type, bytes, h);
	struct dirmark *d = &f->dirs[dir_slot(f, type, bytes, h, hash)];
	char *p = strdup(path);
	if (p == NULL)
		return RP_ERR_NOMEM;
	if (d->h != NULL) {
		/* marked again: after an overflow, or under the name it was renamed to
		 * (its subdirectories are marked again too, with theirs) */
		free(d->path);
		d->path = p;
		return 0;
	}
	unsigned char *c = malloc(bytes > 0 ? bytes : 1);
	if (c == NULL) {
		free(p);
		return RP_ERR_NOMEM;
	}
	memcpy(c, h, bytes);
	*d = (struct dirmark){ c, bytes, type, hash, p };
	f->ndirs++;
	return 0;
}

/* The directory of a handle (type, bytes, the handle's bytes), or NULL. */
static const char *
dir_of(const struct rp_fan *f, int type, unsigned bytes, const unsigned char *h)
{
	if (f->cap == 0)
		return NULL;
	const struct dirmark *d = &f->dirs[dir_slot(f, type, bytes, h, handle_hash(type, bytes, h))];
	return d->h != NULL ? d->path : NULL;
}

/* Forgets the directory of a handle, if known. Linear probing keeps no tombstone: the
 * entries after the hole that may move back into it do (backward shift). */
static void
dir_forget(struct rp_fan *f, int type, unsigned bytes, const unsigned char *h)
{
	if (f->cap == 0)
		return;
	size_t mask = f->cap - 1, i = dir_slot(f, type, bytes, h, handle_hash(type, bytes, h));
	if (f->dirs[i].h == NULL)
		return;
	free(f->dirs[i].h);
	free(f->dirs[i].path);
	for (size_t j = (i + 1) & mask; f->dirs[j].h != NULL; j = (j + 1) & mask) {
		/* the entry at j may fill the hole at i when i lies between its home and j */
		size_t home = (size_t)f->dirs[j].hash & mask;
		if (((j - home) & mask) >= ((j - i) & mask)) {
			f->dirs[i] = f->dirs[j];
			i = j;
		}
	}
	memset(&f->dirs[i], 0, sizeof(f->dirs[i]));
	f->ndirs--;
}

/*
 * The records of an event are aligned on 4 bytes only (name records have any length),
 * so every structure is copied out with memcpy before it is read: no access through a
 * misaligned pointer. rec is the event's first byte, len its event_len.
 */

/* Decodes the info records of a name event; a directory's own deletion (its handle,
 * with the name ".") makes f forget it. */
static void
names(struct rp_fan *f, const char *rec, size_t len, struct rp_fan_event *ev, int self_gone)
{
	size_t off = FAN_EVENT_METADATA_LEN;
	while (off + sizeof(struct fanotify_event_info_header) <= len) {
		struct fanotify_event_info_header hd;
		memcpy(&hd, rec + off, sizeof(hd));
		if (hd.len < sizeof(hd) || off + hd.len > len)
			break;
		if ((hd.info_type == FAN_EVENT_INFO_TYPE_DFID_NAME ||
		    hd.info_type == FAN_EVENT_INFO_TYPE_OLD_DFID_NAME ||
		    hd.info_type == FAN_EVENT_INFO_TYPE_NEW_DFID_NAME) &&
		    hd.len >= sizeof(struct fanotify_event_info_fid) + sizeof(struct file_handle)) {
			/* header, fsid, then a struct file_handle and the name after its bytes */
			size_t fh_off = off + sizeof(struct fanotify_event_info_fid);
			struct file_handle fh;
			memcpy(&fh, rec + fh_off, sizeof(fh));
			size_t hb = fh_off + sizeof(fh);
			const char *name = "";
			const char *dir = NULL;
			size_t end = off + hd.len;
			if (fh.handle_bytes <= hd.len && hb + fh.handle_bytes <= end) {
				if (self_gone) {
					dir_forget(f, fh.handle_type, fh.handle_bytes, (const unsigned char *)rec + hb);
					return;
				}
				dir = dir_of(f, fh.handle_type, fh.handle_bytes, (const unsigned char *)rec + hb);
				/* the name ends within the record, or there is none */
				size_t nb = hb + fh.handle_bytes;
				if (nb < end)
					name = memchr(rec + nb, '\0', end - nb) != NULL ? rec + nb : NULL;
			}
			if (hd.info_type == FAN_EVENT_INFO_TYPE_NEW_DFID_NAME) {
				ev->dir2 = name != NULL ? dir : NULL;
				ev->name2 = name;
			} else {
				ev->dir = dir;
				ev->name = name;
			}
		}
		off += hd.len;
	}
}

static void
range_of(const char *rec, size_t len, struct rp_fan_event *ev)
{
	size_t off = FAN_EVENT_METADATA_LEN;
	while (off + sizeof(struct fanotify_event_info_header) <= len) {
		struct fanotify_event_info_header hd;
		memcpy(&hd, rec + off, sizeof(hd));
		if (hd.len < sizeof(hd) || off + hd.len > len)
			break;
		if (hd.info_type == FAN_EVENT_INFO_TYPE_RANGE && hd.len >= sizeof(struct rp_fan_range)) {
			struct rp_fan_range rg;
			memcpy(&rg, rec + off, sizeof(rg));
			ev->off = rg.offset;
			ev->count = rg.count;
		}
		off += hd.len;
	}
}

int
rp_fan_decode(struct rp_fan *f, int names_group, const char *buf, size_t n, size_t *pos,
    struct rp_fan_event *ev)
{
	struct fanotify_event_metadata m;
	if (*pos > n || n - *pos < FAN_EVENT_METADATA_LEN)
		return RP_ERR_INVALID;
	const char *rec = buf + *pos;
	memcpy(&m, rec, sizeof(m));
	if (m.event_len < FAN_EVENT_METADATA_LEN || m.event_len > n - *pos)
		return RP_ERR_INVALID;
	if (m.vers != FANOTIFY_METADATA_VERSION)
		return RP_ERR_UNSUPPORTED;
	*pos += m.event_len;
	memset(ev, 0, sizeof(*ev));
	ev->fd = names_group ? -1 : m.fd;
	ev->pid = ev->tid = m.pid;
	if (m.mask & FAN_Q_OVERFLOW) {
		ev->kind = RP_FAN_OVERFLOW;
		return 1;
	}
	if (names_group) {
		ev->isdir = (m.mask & FAN_ONDIR) != 0;
		if (m.mask & FAN_RENAME)
			ev->kind = RP_FAN_RENAME;
		else if (m.mask & FAN_CREATE)
			ev->kind = RP_FAN_CREATE;
		else if (m.mask & FAN_DELETE)
			ev->kind = RP_FAN_DELETE;
		else if (m.mask & FAN_DELETE_SELF) {
			names(f, rec, m.event_len, ev, 1);
			return 0;
		} else
			return 0;
		names(f, rec, m.event_len, ev, 0);
		return ev->dir != NULL && ev->name != NULL;     /* 0: a directory we do not know */
	}
	if (m.mask & (FAN_PRE_ACCESS | FAN_OPEN_PERM)) {
		ev->kind = RP_FAN_PRE;
		ev->open_perm = (m.mask & FAN_OPEN_PERM) != 0;
		range_of(rec, m.event_len, ev);
	} else if (m.mask & FAN_CLOSE_WRITE) {
		ev->kind = RP_FAN_CLOSE_WRITE;
	} else {
		ev->kind = RP_FAN_CLOSE_READ;
	}
	return 1;
}

int
rp_fan_read(struct rp_fan *f, int fd, int (*cb)(struct rp_fan_event *ev, void *ctx), void *ctx)
{
	int r = 0;
	ssize_t n;
	while ((n = read(fd, f->buf, sizeof(f->buf))) < 0 && errno == EINTR)
		;
	if (n < 0)
		return errno == EAGAIN ? 0 : RP_ERR_SYSTEM;
	/*
	 * The descriptors of the events that need no answer are closed after the batch's
	 * answers: closing the last reference to a file deleted meanwhile (a database's
	 * journal) frees it there and then, 30-45 us (db bench), which a permission event
	 * later in the batch would wait for.
	 */
	int later[sizeof(f->buf) / FAN_EVENT_METADATA_LEN];
	size_t nlater = 0;
	for (size_t pos = 0;;) {
		struct rp_fan_event ev;
		int d = rp_fan_decode(f, fd == f->nfd, f->buf, (size_t)n, &pos, &ev);
		if (d < 0) {
			/* RP_ERR_INVALID: the end of the batch */
			if (d == RP_ERR_UNSUPPORTED && r == 0)
				r = d;
			break;
		}
		int efd = ev.fd, perm = d > 0 && ev.kind == RP_FAN_PRE, cr = 0;
		if (d > 0 && r == 0)
			cr = cb(&ev, ctx);
		if (perm && ev.defer && r == 0 && cr == 0)
			continue;       /* the caller answers (rp_fan_answer) */
		if (perm) {
			struct fanotify_response resp = {
				.fd = efd,
				.response = ev.deny ? FAN_DENY : FAN_ALLOW,
			};
			/* an answer must go out whatever happened, or the process hangs */
			if (write(f->cfd, &resp, sizeof(resp)) < 0 && r == 0 && cr == 0)
				cr = RP_ERR_SYSTEM;
			if (!ev.keep)
				close(efd);
		} else if (efd >= 0 && !ev.keep) {
			later[nlater++] = efd;
		}
		if (cr != 0 && r == 0)
			r = cr;
	}
	while (nlater > 0)
		close(later[--nlater]);
	return r;     /* one batch: the caller polls again, the other group gets its turn */
}

int
rp_fan_answer(struct rp_fan *f, int fd, int deny, int keep)
{
	struct fanotify_response resp = { .fd = fd, .response = deny ? FAN_DENY : FAN_ALLOW };
	int r = write(f->cfd, &resp, sizeof(resp)) == (ssize_t)sizeof(resp) ? 0 : RP_ERR_SYSTEM;
	if (!keep)
		close(fd);
	return r;
}

/*
 * The marks are evictable where there are pre-content events (Linux 6.14+, so 5.19's
 * FAN_MARK_EVICTABLE is there): a mark left on a closed file (watch keeps a new
 * file's until its next open) does not pin the inode in memory, and an inode evicted
 * loses its mark, which asks more, never less.
 */
static int
hold_at(struct rp_fan *f, int dirfd, const char *path, int on)
{
	int pre = f->pre;
	struct stat st;
	if (pre && f->nnopre > 0 && fstatat(dirfd, path ? path : "", &st, path ? 0 : AT_EMPTY_PATH) == 0)
		pre = rp_fan_pre_on(f, (uint64_t)st.st_dev);
	uint64_t mask = pre ? FAN_PRE_ACCESS : FAN_OPEN_PERM;
	unsigned fl = on ? FAN_MARK_ADD | FAN_MARK_IGNORE_SURV | (pre ? FAN_MARK_EVICTABLE : 0) :
	    FAN_MARK_REMOVE | FAN_MARK_IGNORE;
	if (fanotify_mark(f->cfd, fl, mask, dirfd, path) != 0) {
		if (!on && errno == ENOENT)
			return 0;
		return err_of(errno);
	}
	return 0;
}

int
rp_fan_hold(struct rp_fan *f, int fd, int on)
{
	return hold_at(f, fd, NULL, on);
}

int
rp_fan_unhold_path(struct rp_fan *f, const char *path)
{
	return hold_at(f, AT_FDCWD, path, 0);
}

int
rp_fan_probe(const char *path, struct rp_fan_caps *caps)
{
	memset(caps, 0, sizeof(*caps));
	int fd = fanotify_init(FAN_CLOEXEC | FAN_CLASS_PRE_CONTENT, O_RDONLY);
	if (fd < 0) {
		caps->pre_errno = errno;
		if (errno == EPERM)
			return RP_ERR_PERM;
	} else {
		if (fanotify_mark(fd, FAN_MARK_ADD | FAN_MARK_ONLYDIR, FAN_PRE_ACCESS |
		    FAN_EVENT_ON_CHILD, AT_FDCWD, path) == 0)
			caps->pre_content = 1;
		else
			caps->pre_errno = errno;
		close(fd);
	}
	fd = fanotify_init(FAN_CLOEXEC | FAN_CLASS_CONTENT, O_RDONLY);
	if (fd >= 0) {
		caps->open_perm = fanotify_mark(fd, FAN_MARK_ADD | FAN_MARK_ONLYDIR,
		    FAN_OPEN_PERM | FAN_EVENT_ON_CHILD, AT_FDCWD, path) == 0;
		close(fd);
	}
	fd = fanotify_init(FAN_CLOEXEC | FAN_CLASS_NOTIF | FAN_REPORT_DFID_NAME, O_RDONLY);
	if (fd >= 0) {
		caps->names = fanotify_mark(fd, FAN_MARK_ADD | FAN_MARK_ONLYDIR,
		    FAN_CREATE | FAN_DELETE | FAN_RENAME | FAN_ONDIR, AT_FDCWD, path) == 0;
		close(fd);
	}
	return 0;
}
