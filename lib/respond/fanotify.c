/* fanotify adapter: two groups, inode marks on directories, event decoding. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fanotify.h>
#include <unistd.h>

#include "core/err.h"
#include "respond/fanotify.h"

/* Newer than Debian 12's headers (Linux 6.14 uapi). */
#ifndef FAN_PRE_ACCESS
#define FAN_PRE_ACCESS 0x00100000
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

struct dirmark {
	unsigned char *handle;   /* struct file_handle bytes */
	size_t hlen;
	char *path;
};

struct rp_fan {
	int cfd;                 /* content group */
	int nfd;                 /* name group, -1 when unavailable */
	int pre;                 /* pre-content events in use */
	struct dirmark *dirs;
	size_t ndirs, cap;
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
	for (size_t i = 0; i < f->ndirs; i++) {
		free(f->dirs[i].handle);
		free(f->dirs[i].path);
	}
	free(f->dirs);
	free(f);
}

int
rp_fan_pre_content(const struct rp_fan *f)
{
	return f->pre;
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
rp_fan_mark_dir(struct rp_fan *f, const char *path)
{
	int r = RP_ERR_INTERNAL;
	unsigned char *h = NULL;
	char *p = NULL;

	if (fanotify_mark(f->cfd, FAN_MARK_ADD | FAN_MARK_ONLYDIR, content_mask(f),
	    AT_FDCWD, path) != 0)
		return err_of(errno);
	if (fanotify_mark(f->nfd, FAN_MARK_ADD | FAN_MARK_ONLYDIR,
	    FAN_CREATE | FAN_DELETE | FAN_RENAME | FAN_ONDIR, AT_FDCWD, path) != 0)
		return err_of(errno);

	/* remember the directory's handle: name events identify it by handle */
	size_t cap = sizeof(struct file_handle) + MAX_HANDLE_SZ;
	struct file_handle *fh;
	int mnt;
	if ((h = calloc(1, cap)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	fh = (struct file_handle *)(void *)h;
	fh->handle_bytes = MAX_HANDLE_SZ;
	if (name_to_handle_at(AT_FDCWD, path, fh, &mnt, 0) != 0) {
		r = err_of(errno);
		goto out;
	}
	if ((p = strdup(path)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	if (f->ndirs == f->cap) {
		size_t nc = f->cap ? f->cap * 2 : 64;
		struct dirmark *nd = realloc(f->dirs, nc * sizeof(*nd));
		if (nd == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		f->dirs = nd;
		f->cap = nc;
	}
	f->dirs[f->ndirs].handle = h;
	f->dirs[f->ndirs].hlen = fh->handle_bytes;
	f->dirs[f->ndirs].path = p;
	f->ndirs++;
	h = NULL;
	p = NULL;
	r = 0;
out:
	free(h);
	free(p);
	return r;
}

/* The directory of a handle (type, bytes, the handle's bytes), or NULL. */
static const char *
dir_of(const struct rp_fan *f, int type, unsigned bytes, const unsigned char *h)
{
	for (size_t i = f->ndirs; i-- > 0;) {
		const struct file_handle *m = (const void *)f->dirs[i].handle;
		if (m->handle_type == type && f->dirs[i].hlen == bytes && memcmp(m->f_handle, h, bytes) == 0)
			return f->dirs[i].path;
	}
	return NULL;
}

/*
 * The records of an event are aligned on 4 bytes only (name records have any length),
 * so every structure is copied out with memcpy before it is read: no access through a
 * misaligned pointer. rec is the event's first byte, len its event_len.
 */

/* Decodes the info records of a name event. */
static void
names(const struct rp_fan *f, const char *rec, size_t len, struct rp_fan_event *ev)
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
			if (fh.handle_bytes <= hd.len && hb + fh.handle_bytes <= off + hd.len) {
				dir = dir_of(f, fh.handle_type, fh.handle_bytes, (const unsigned char *)rec + hb);
				if (hb + fh.handle_bytes < off + hd.len)
					name = rec + hb + fh.handle_bytes;
			}
			if (hd.info_type == FAN_EVENT_INFO_TYPE_NEW_DFID_NAME) {
				ev->dir2 = dir;
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
rp_fan_read(struct rp_fan *f, int fd, int (*cb)(struct rp_fan_event *ev, void *ctx), void *ctx)
{
	int r = 0;
	for (;;) {
		ssize_t n = read(fd, f->buf, sizeof(f->buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				return r;
			return RP_ERR_SYSTEM;
		}
		if (n == 0)
			return r;
		for (size_t pos = 0; pos + FAN_EVENT_METADATA_LEN <= (size_t)n;) {
			struct fanotify_event_metadata mm;
			const struct fanotify_event_metadata *m = &mm;
			const char *rec = f->buf + pos;
			memcpy(&mm, rec, sizeof(mm));
			if (mm.event_len < FAN_EVENT_METADATA_LEN || pos + mm.event_len > (size_t)n)
				break;
			pos += mm.event_len;
			struct rp_fan_event ev;
			memset(&ev, 0, sizeof(ev));
			ev.fd = -1;
			ev.pid = ev.tid = m->pid;
			int perm = 0;
			if (m->vers != FANOTIFY_METADATA_VERSION)
				return RP_ERR_UNSUPPORTED;
			if (m->mask & FAN_Q_OVERFLOW) {
				ev.kind = RP_FAN_OVERFLOW;
			} else if (fd == f->nfd) {
				ev.isdir = (m->mask & FAN_ONDIR) != 0;
				if (m->mask & FAN_RENAME)
					ev.kind = RP_FAN_RENAME;
				else if (m->mask & FAN_CREATE)
					ev.kind = RP_FAN_CREATE;
				else if (m->mask & FAN_DELETE)
					ev.kind = RP_FAN_DELETE;
				else
					continue;
				names(f, rec, mm.event_len, &ev);
				if (ev.dir == NULL || ev.name == NULL)
					continue;   /* a directory we no longer know */
			} else {
				ev.fd = m->fd;
				if (m->mask & (FAN_PRE_ACCESS | FAN_OPEN_PERM)) {
					perm = 1;
					ev.kind = RP_FAN_PRE;
					ev.open_perm = (m->mask & FAN_OPEN_PERM) != 0;
					range_of(rec, mm.event_len, &ev);
				} else if (m->mask & FAN_CLOSE_WRITE) {
					ev.kind = RP_FAN_CLOSE_WRITE;
				} else {
					ev.kind = RP_FAN_CLOSE_READ;
				}
			}
			int cr = 0;
			if (r == 0)
				cr = cb(&ev, ctx);
			if (perm && ev.defer && r == 0 && cr == 0)
				continue;       /* the caller answers (rp_fan_answer) */
			if (perm) {
				struct fanotify_response resp = {
					.fd = m->fd,
					.response = ev.deny ? FAN_DENY : FAN_ALLOW,
				};
				/* an answer must go out whatever happened, or the process hangs */
				if (write(f->cfd, &resp, sizeof(resp)) < 0 && r == 0 && cr == 0)
					cr = RP_ERR_SYSTEM;
			}
			if (m->fd >= 0)
				close(m->fd);
			if (cr != 0 && r == 0)
				r = cr;
		}
		return r;     /* one batch: the caller polls again, the other group gets its turn */
	}
}

int
rp_fan_answer(struct rp_fan *f, int fd, int deny)
{
	struct fanotify_response resp = { .fd = fd, .response = deny ? FAN_DENY : FAN_ALLOW };
	int r = write(f->cfd, &resp, sizeof(resp)) == (ssize_t)sizeof(resp) ? 0 : RP_ERR_SYSTEM;
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
	uint64_t mask = f->pre ? FAN_PRE_ACCESS : FAN_OPEN_PERM;
	unsigned fl = on ? FAN_MARK_ADD | FAN_MARK_IGNORE_SURV | (f->pre ? FAN_MARK_EVICTABLE : 0) :
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
