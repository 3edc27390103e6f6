/*
 * What the watcher keeps before a write lands, and what lets it let go:
 *  - the state of each file between its first access and its close (struct fstate, a
 *    cache by inode);
 *  - before the first write of an epoch (a writer's turn at a file), a copy of the
 *    file whole into the shadow, or for a large file rewritten in place the ranges of
 *    the original about to be written, then the rest of it in the background, between
 *    events (bg_step), after which the writer goes unasked;
 *  - the kernel's ignore marks that stop a file's events once it is kept (holds), each
 *    known with a file handle to take it off by (respond/holds.h);
 *  - the descriptors of files read, kept a while, from which a file its reader
 *    deleted is copied once the reader turns out to write random files.
 * Runs on the watcher's thread only (watch-int.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/array.h"
#include "core/err.h"
#include "core/time.h"
#include "detect/format.h"
#include "respond/watch-int.h"

static void bg_start(struct rp_watch *w, struct fstate *f, int fd);

/*
 * Says why a copy before a write failed: the --shadow-max bound, a full filesystem, or
 * another error. Each cause is said once, and again after an hourly expiry if it is
 * still there. The writer is not held back by a copy that failed: its write goes on
 * uncopied rather than fail or wait on the server it serves.
 */
void
rp_watch_keep_failed(struct rp_watch *w, int r)
{
	char msg[PATH_MAX + 256];
	unsigned cause;
	if (r == 0)
		return;
	const char *why = rp_strerror(r);   /* RP_ERR_SYSTEM: errno's, read now */
	if (r == RP_ERR_TOOBIG) {
		cause = KEEP_SAID_MAX;
		snprintf(msg, sizeof(msg), "the shadow is full (%s): files are no "
		    "longer copied before writes", w->shadow_max_name);
	} else if (r == RP_ERR_NOSPACE) {
		cause = KEEP_SAID_DISK;
		snprintf(msg, sizeof(msg), "no space left on the shadow's filesystem (%s): files "
		    "are no longer copied before writes", w->shadow_real);
	} else {
		cause = KEEP_SAID_OTHER;
		snprintf(msg, sizeof(msg), "a copy into the shadow failed (%s): a file was "
		    "written without its copy", why);
	}
	if (w->keep_said & cause)
		return;
	w->keep_said |= cause;
	rp_watch_warn(w, r, msg);
}

/* Ends f's background completion, if any: what it kept so far stays kept. */
void
rp_watch_bg_cancel(struct rp_watch *w, struct fstate *f)
{
	if (!f->used || f->bgfd < 0)
		return;
	close(f->bgfd);
	f->bgfd = -1;
	for (size_t i = 0; i < w->nbg; i++)
		if (w->bg[i] == f) {
			w->bg[i] = w->bg[--w->nbg];
			break;
		}
}

/* The state of the regular file whose stat is st (created when new and create is
 * set). */
struct fstate *
rp_watch_fstate_at(struct rp_watch *w, const struct stat *st, int create)
{
	uint64_t h = ((uint64_t)st->st_dev * 0x9e3779b97f4a7c15ULL) ^ ((uint64_t)st->st_ino * 0xff51afd7ed558ccdULL);
	struct fstate *f = &w->files[h % NFILESTATE];
	if (f->used && f->dev == (uint64_t)st->st_dev && f->ino == (uint64_t)st->st_ino)
		return f;
	if (!create)
		return NULL;
	rp_watch_bg_cancel(w, f);
	free(f->spans);
	memset(f, 0, sizeof(*f));
	f->bgfd = -1;
	f->used = 1;
	f->dev = (uint64_t)st->st_dev;
	f->ino = (uint64_t)st->st_ino;
	return f;
}

/* The state of the file open as fd (created when new and create is set); its stat
 * in *stp when stp is not NULL. */
struct fstate *
rp_watch_fstate_of(struct rp_watch *w, int fd, int create, struct stat *stp)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	if (stp != NULL)
		*stp = st;
	return rp_watch_fstate_at(w, &st, create);
}

/* The end of a writer's epoch (its close, or another writer's open): the next write
 * keeps what is there then. */
void
rp_watch_epoch_end(struct rp_watch *w, struct fstate *f)
{
	rp_watch_bg_cancel(w, f);
	f->copied = 0;
	f->ranged = 0;
	f->epoch_pid = 0;
	f->nspans = 0;
	f->saved = 0;
}

/* Adds [a, b) to f's spans (merged with those it touches). Returns 0 or -1. */
static int
span_add(struct fstate *f, uint64_t a, uint64_t b)
{
	size_t i = 0, j;
	while (i < f->nspans && f->spans[i].end < a)
		i++;
	for (j = i; j < f->nspans && f->spans[j].start <= b; j++) {
		a = f->spans[j].start < a ? f->spans[j].start : a;
		b = f->spans[j].end > b ? f->spans[j].end : b;
	}
	if (j == i) {   /* touches none: insert at i */
		if (RP_ARRAY_GROW(&f->spans, &f->capspans, f->nspans + 1, RP_ARRAY_MAX_DEFAULT) != 0)
			return -1;
		memmove(&f->spans[i + 1], &f->spans[i], (f->nspans - i) * sizeof(struct span));
		f->nspans++;
	} else if (j > i + 1) {
		memmove(&f->spans[i + 1], &f->spans[j], (f->nspans - j) * sizeof(struct span));
		f->nspans -= j - i - 1;
	}
	f->spans[i] = (struct span){ a, b };
	return 0;
}

/*
 * Keeps the parts of [a, b) of the original not kept yet in this epoch, each as a
 * range of the shadow, before the write lands. Returns 0 or an RP_ERR_*.
 */
static int
keep_gaps(struct rp_watch *w, struct fstate *f, int fd, const char *path, pid_t pid,
    uint64_t a, uint64_t b)
{
	if (b > f->orig_size)
		b = f->orig_size;
	while (a < b) {
		uint64_t gap_end = b;
		size_t i;
		for (i = 0; i < f->nspans; i++) {
			if (f->spans[i].end <= a)
				continue;
			if (f->spans[i].start <= a) {
				a = f->spans[i].end;    /* kept already: skip */
				gap_end = 0;
			} else if (f->spans[i].start < gap_end) {
				gap_end = f->spans[i].start;
			}
			break;
		}
		if (gap_end == 0 || a >= b)
			continue;
		int r = rp_shadow_keep_range(w->shadow, fd, path, f->orig_size, f->orig_mtime_ns, a,
		    gap_end - a, rp_watch_wall(w), pid, f->has_pre ? rp_verdict_name(f->pre_kind) : "");
		if (r != 0)
			return r;
		if (span_add(f, a, gap_end) != 0)
			return RP_ERR_NOMEM;
		f->saved += gap_end - a;
		w->copies++;
		a = gap_end;
	}
	return 0;
}

int
rp_watch_keep_before_write(struct rp_watch *w, struct fstate *f, const struct rp_fan_event *ev,
    enum rp_proc_access acc, const struct stat *st, const char *path)
{
	enum rp_shadow_how how;
	int r;
	if (f->copied)
		return 0;
	if (!f->ranged && !ev->open_perm && ev->count > 0 && (uint64_t)st->st_size > RANGE_MIN &&
	    (acc == RP_PROC_WRITE || acc == RP_PROC_READ_RW || acc == RP_PROC_MAP)) {
		f->ranged = 1;
		f->orig_size = (uint64_t)st->st_size;
		f->orig_mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
		f->nspans = 0;
		f->saved = 0;
		f->nwrites = 0;
		f->bg_tried = 0;
	}
	if (f->ranged) {
		if (acc == RP_PROC_READ_RW)
			return 0;       /* a read changes nothing */
		if ((acc == RP_PROC_WRITE || acc == RP_PROC_MAP) && ev->count > 0 &&
		    ev->off <= UINT64_MAX - ev->count) {
			if ((r = keep_gaps(w, f, ev->fd, path, ev->pid, ev->off, ev->off + ev->count)) != 0)
				return r;
			if (++f->nwrites >= BG_AFTER)
				bg_start(w, f, ev->fd);
			if (f->nspans < RANGE_SPANS && (f->bgfd >= 0 || f->saved * 2 < f->orig_size))
				return 0;
		}
		if ((r = keep_gaps(w, f, ev->fd, path, ev->pid, 0, f->orig_size)) != 0)
			return r;
		f->copied = 1;
		rp_watch_bg_cancel(w, f);    /* nothing left for it */
		return 0;
	}
	if ((r = rp_shadow_keep(w->shadow, ev->fd, path, 0, rp_watch_wall(w), ev->pid,
	    f->has_pre ? rp_verdict_name(f->pre_kind) : "", &how)) != 0)
		return r;
	f->copied = 1;
	w->copies++;
	return 0;
}

/*
 * A writer that keeps rewriting a large file in place (a database server, a mailbox)
 * gets the rest of the original kept in the background (bg_step): past the end of
 * that, it is no longer asked at every page. Not a writer of a few pages (one client's
 * transaction: its ranges are enough), and not when the rest would take more than half
 * of what is left of the shadow (the copies before writes of the documents come first).
 */
static void
bg_start(struct rp_watch *w, struct fstate *f, int fd)
{
	if (f->bg_tried || w->nbg >= BG_MAX)
		return;
	f->bg_tried = 1;
	uint64_t used = rp_shadow_used(w->shadow), rest = f->orig_size - f->saved;
	if (used >= w->shadow_max || rest > (w->shadow_max - used) / 2)
		return;
	if ((f->bgfd = fcntl(fd, F_DUPFD_CLOEXEC, 3)) < 0)
		return;
	f->bg_next = 0;
	w->bg[w->nbg++] = f;
}

/*
 * One step of a background completion: the next BG_CHUNK of the original not kept yet,
 * kept between events (the writers wait at most for one chunk). What is read is still
 * the original: every write of the epoch is asked, its range kept before it lands, and
 * the events are handled in this thread. Once the whole original is kept, the epoch
 * holds (its accesses go unasked) like a file copied whole.
 */
void
rp_watch_bg_step(struct rp_watch *w)
{
	struct fstate *f = w->bg[0];
	char path[PATH_MAX];
	/* round robin: each epoch in turn */
	memmove(&w->bg[0], &w->bg[1], (w->nbg - 1) * sizeof(w->bg[0]));
	w->bg[w->nbg - 1] = f;
	/* a file deleted meanwhile: ranges are laid over their inode, which has gone */
	struct stat st;
	if (fstat(f->bgfd, &st) != 0 || st.st_nlink == 0 ||
	    rp_watch_fd_path(w, f->bgfd, path, sizeof(path)) != 0) {
		rp_watch_bg_cancel(w, f);
		return;
	}
	uint64_t a = f->bg_next, b = f->orig_size - a > BG_CHUNK ? a + BG_CHUNK : f->orig_size;
	int r = keep_gaps(w, f, f->bgfd, path, f->epoch_pid, a, b);
	if (r != 0) {
		rp_watch_keep_failed(w, r);
		rp_watch_bg_cancel(w, f);    /* its writes stay asked, each range kept as before */
		return;
	}
	f->bg_next = b;
	if (b < f->orig_size)
		return;
	f->copied = 1;
	rp_watch_hold_on(w, f, f->bgfd, 0);
	rp_watch_bg_cancel(w, f);
}

/* ---- ignore marks, known exactly (holds.h) ---- */

/* a file handle with room for what w->holds keeps of one */
struct fhandle {
	struct file_handle fh;
	unsigned char room[RP_HOLD_HANDLE];
};

/* fd's file handle, of at most RP_HOLD_HANDLE bytes. Returns 0 or -1. */
static int
handle_of(int fd, struct fhandle *fh)
{
	int mnt;
	fh->fh.handle_bytes = RP_HOLD_HANDLE;
	return name_to_handle_at(fd, "", &fh->fh, &mnt, AT_EMPTY_PATH) == 0 ? 0 : -1;
}

/*
 * A directory of filesystem dev, open to decode file handles in (open_by_handle_at
 * wants a descriptor that is not O_PATH); opened once per filesystem, from the
 * directory of the file open as fd (-1: look up only). Opening a directory raises no
 * event: the content group does not ask for FAN_ONDIR. -1 when there is none.
 */
static int
mount_fd(struct rp_watch *w, uint64_t dev, int fd)
{
	for (size_t i = 0; i < w->nmountfd; i++)
		if (w->mountfd[i].dev == dev)
			return w->mountfd[i].fd;
	char path[PATH_MAX];
	if (fd < 0 || w->nmountfd == MAX_MOUNTFD || rp_watch_fd_path(w, fd, path, sizeof(path)) != 0 ||
	    path[0] != '/')
		return -1;
	char *slash = strrchr(path, '/');
	slash[slash == path] = '\0';    /* "/a/f" -> "/a", "/f" -> "/" */
	struct stat st;
	int d = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d < 0)
		return -1;
	if (fstat(d, &st) != 0 || (uint64_t)st.st_dev != dev) {
		close(d);
		return -1;
	}
	w->mountfd[w->nmountfd].dev = dev;
	w->mountfd[w->nmountfd++].fd = d;
	return d;
}

/* Whether a file handle of dir opens again (open_by_handle_at needs
 * CAP_DAC_READ_SEARCH, which a unit or a container may have taken away). */
int
rp_watch_handles_work(const char *dir)
{
	struct fhandle fh;
	int mnt, ok = 0, d = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	fh.fh.handle_bytes = RP_HOLD_HANDLE;
	if (d >= 0 && name_to_handle_at(d, "", &fh.fh, &mnt, AT_EMPTY_PATH) == 0) {
		int o = open_by_handle_at(d, &fh.fh, O_PATH | O_CLOEXEC);
		ok = o >= 0;
		if (o >= 0)
			close(o);
	}
	if (d >= 0)
		close(d);
	return ok;
}

/* Takes h's mark off through fd (a descriptor of its file) and forgets it. */
void
rp_watch_hold_off(struct rp_watch *w, struct rp_hold *h, int fd)
{
	rp_fan_hold(w->fan, fd, 0);    /* gone already (ENOENT) is fine */
	rp_holds_del(w->holds, h);
}

/*
 * Takes h's mark off through its file handle. A handle that no longer opens (ESTALE)
 * is a file whose inode has gone, and its mark with it. The descriptor opened is
 * O_PATH (it raises no event; an O_RDONLY open would wait for the watcher's own
 * answer), which fanotify_mark does not take: it is named through /proc. Returns 0
 * when the mark is off or gone, -1 when it may still be on (out of descriptors).
 */
static int
hold_unmark(struct rp_watch *w, const struct rp_hold *h)
{
	struct fhandle fh;
	fh.fh.handle_bytes = h->hlen;
	fh.fh.handle_type = h->htype;
	memcpy(fh.fh.f_handle, h->h, h->hlen);
	int md = mount_fd(w, h->dev, -1);
	if (md < 0)
		return -1;
	int fd = open_by_handle_at(md, &fh.fh, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return errno == ESTALE || errno == ENOENT ? 0 : -1;
	char link[64];
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	int r = rp_fan_unhold_path(w->fan, link);
	close(fd);
	return r == 0 ? 0 : -1;
}

/* Takes the mark of the entry closed first off and forgets it. Returns 0, or -1 when
 * none is closed or its mark could not be taken off (it is queued again, last). */
int
rp_watch_hold_drop_oldest(struct rp_watch *w)
{
	struct rp_hold *h = rp_holds_oldest_closed(w->holds);
	if (h == NULL)
		return -1;
	if (hold_unmark(w, h) != 0) {
		rp_holds_close(w->holds, h);
		return -1;
	}
	rp_holds_del(w->holds, h);
	return 0;
}

/*
 * Stops the pre-access events of f's file (open as fd) for every process: until its
 * close, or, lazy, until the first open of it after its close (or its turn as the
 * oldest, past HOLDS_LOW). A new file is written by the process that made it and
 * usually not opened again for a long time: its mark is left to the next open, which
 * saves a fanotify_mark call and the kernel's destruction of the mark per file
 * written (too little to show over SMB: bench/results/watch.md). Only with
 * pre-content events and handles that open: with open permission events alone the
 * mark would hide the very open that has to take it off. Every mark is entered in
 * w->holds with a handle to take it off by, or not placed (the accesses are then
 * asked instead).
 */
void
rp_watch_hold_on(struct rp_watch *w, struct fstate *f, int fd, int lazy)
{
	lazy = lazy && rp_fan_pre_on(w->fan, f->dev) && w->handles;
	/* the table says whether the mark is on (f may be a new entry for a file whose
	 * old one the cache dropped) */
	struct rp_hold *h = rp_holds_find(w->holds, f->dev, f->ino);
	if (h != NULL) {
		if (h->closed) {
			/* kept past a close: the mark is on (or went with an inode whose
			 * number came back, and then more is asked, not less), now for
			 * this holder */
			rp_holds_open(w->holds, h);
			h->lazy = lazy;
		}
		return;
	}
	if (rp_holds_count(w->holds) >= rp_holds_cap(w->holds) &&
	    (!w->handles || rp_watch_hold_drop_oldest(w) != 0))
		return;
	struct fhandle fh;
	if (handle_of(fd, &fh) != 0 || mount_fd(w, f->dev, fd) < 0 || rp_fan_hold(w->fan, fd, 1) != 0)
		return;
	h = rp_holds_add(w->holds, f->dev, f->ino);
	h->lazy = lazy;
	h->htype = fh.fh.handle_type;
	h->hlen = fh.fh.handle_bytes;
	memcpy(h->h, fh.fh.f_handle, h->hlen);
}

/*
 * A hold kept past its close (h), met again at an open of its inode number (fd).
 * The number may have come back with another file: a database's rollback journal is
 * made, written, closed and deleted at every transaction, and the next one mostly
 * gets the same inode number. The old inode's mark went with it (an inode's marks
 * are destroyed when it is), so taking it off was a call for nothing before the new
 * file's own mark went on (db bench: one fanotify_mark of the 16 system calls per
 * transaction). The file handle tells: it names the inode and its generation, which a
 * number that came back does not share. fresh: the open is of a new (empty) file,
 * whose hold rp_watch_hold_on places next, with a handle it takes anyway: here the
 * handle is taken first, and when it is not h's, the new file's mark goes on and h
 * becomes its entry (the same inode number, this handle), which rp_watch_hold_on then
 * finds closed and takes up, with no call. The mark is never left on without an entry:
 * whatever the handle says (a generation changed on a live inode too), the entry stays
 * and the next open takes the mark off through it. The same handle (the file itself
 * opened again, still empty: rare, and its handle is then taken twice), or not fresh,
 * or a call that fails: the mark is taken off through fd as before.
 */
void
rp_watch_hold_reopen(struct rp_watch *w, struct rp_hold *h, int fd, int fresh)
{
	struct fhandle fh;
	if (fresh && h->hlen > 0 && handle_of(fd, &fh) == 0 &&
	    (fh.fh.handle_type != h->htype || fh.fh.handle_bytes != h->hlen ||
	    memcmp(fh.fh.f_handle, h->h, h->hlen) != 0) && rp_fan_hold(w->fan, fd, 1) == 0) {
		h->htype = fh.fh.handle_type;
		h->hlen = fh.fh.handle_bytes;
		memcpy(h->h, fh.fh.f_handle, h->hlen);
		return;
	}
	rp_watch_hold_off(w, h, fd);
}

/* Ends the hold of the file open as fd, if it has one. */
void
rp_watch_hold_end(struct rp_watch *w, int fd, const struct stat *st)
{
	struct rp_hold *h = rp_holds_find(w->holds, (uint64_t)st->st_dev, (uint64_t)st->st_ino);
	if (h != NULL)
		rp_watch_hold_off(w, h, fd);
}

/*
 * After a queue overflow: the closes lost with it would leave their marks on for
 * good. Every mark is taken off through its handle (a writer still at work is asked
 * again, and held again): a few thousand calls at most, once per overflow. Without
 * handles that open, or when one fails, each counts as closed instead and goes at
 * the next open of its file. That needs pre-content events: with open permission
 * events alone (a kernel before 6.14) the mark hides that open, and a mark whose
 * close was lost stays until its inode leaves the cache. The unit (packaging/)
 * grants what handles need.
 */
void
rp_watch_holds_overflow(struct rp_watch *w)
{
	size_t it = 0;
	struct rp_hold *h;
	int failed = !w->handles;
	while (!failed && (h = rp_holds_next(w->holds, &it)) != NULL)
		failed = hold_unmark(w, h) != 0;
	if (!failed) {
		rp_holds_clear(w->holds);
		return;
	}
	for (it = 0; (h = rp_holds_next(w->holds, &it)) != NULL;)
		if (!h->closed)
			rp_holds_close(w->holds, h);
}

/* ---- descriptors of files read, kept a while ---- */

/* The class of fd's head ("zip", "pdf", "text"), or NULL: the type a rewrite must keep. */
const char *
rp_watch_head_class(int fd)
{
	unsigned char head[512];
	ssize_t n = pread(fd, head, sizeof(head), 0);
	return n > 0 ? rp_format_class(head, (size_t)n) : NULL;
}

void
rp_watch_held_release(struct held *h)
{
	if (h->fd >= 0)
		close(h->fd);
	free(h->path);
	h->fd = -1;
	h->path = NULL;
	h->deleted = 0;
}

void
rp_watch_hold_fd(struct rp_watch *w, struct rp_beh_group *g, int fd, const char *path)
{
	int64_t now = rp_time_mono_ms();
	struct held *slot = NULL, *oldest = NULL;
	for (size_t i = 0; i < NHELD; i++) {
		struct held *h = &w->held[i];
		if (h->fd >= 0 && now - h->ms > HELD_MS)
			rp_watch_held_release(h);
		if (h->fd >= 0 && strcmp(h->path, path) == 0) {
			h->ms = now;
			return;
		}
		if (h->fd < 0 && slot == NULL)
			slot = h;
		if (h->fd >= 0 && (oldest == NULL || h->ms < oldest->ms))
			oldest = h;
	}
	if (slot == NULL) {
		slot = oldest;
		rp_watch_held_release(slot);
	}
	if ((slot->path = strdup(path)) == NULL)
		return;
	if ((slot->fd = fcntl(fd, F_DUPFD_CLOEXEC, 3)) < 0) {
		free(slot->path);
		slot->path = NULL;
		return;
	}
	slot->key = g->key;
	slot->ms = now;
	slot->deleted = 0;
}

/* Copies into the shadow the deleted files that group g had read, once g writes
 * random files: the originals of a copy-then-delete attack. */
void
rp_watch_save_deleted(struct rp_watch *w, struct rp_beh_group *g)
{
	enum rp_shadow_how how;
	for (size_t i = 0; i < NHELD; i++) {
		struct held *h = &w->held[i];
		if (h->fd < 0 || !h->deleted || h->key != g->key || w->shadow == NULL)
			continue;
		int r = rp_shadow_keep(w->shadow, h->fd, h->path, 0, rp_watch_wall(w), 0, "deleted", &how);
		if (r == 0)
			w->saved++;
		rp_watch_keep_failed(w, r);
		rp_watch_held_release(h);
	}
}

int
rp_watch_held_structured(struct rp_watch *w, const char *path)
{
	for (size_t i = 0; i < NHELD; i++) {
		struct held *h = &w->held[i];
		if (h->fd >= 0 && strcmp(h->path, path) == 0)
			return rp_watch_head_class(h->fd) != NULL;
	}
	return 0;
}

/* Whether a descriptor of path is kept, its name not yet gone. */
int
rp_watch_held_live(const struct rp_watch *w, const char *path)
{
	for (size_t i = 0; i < NHELD; i++)
		if (w->held[i].fd >= 0 && !w->held[i].deleted && strcmp(w->held[i].path, path) == 0)
			return 1;
	return 0;
}

void
rp_watch_held_deleted(struct rp_watch *w, struct rp_beh_group *g, const char *path)
{
	for (size_t i = 0; i < NHELD; i++) {
		struct held *h = &w->held[i];
		if (h->fd >= 0 && strcmp(h->path, path) == 0)
			h->deleted = 1;
	}
	if (g->new_random > 0 || g->counts[RP_SIG_NEW_RANDOM] > 0 || g->acted)
		rp_watch_save_deleted(w, g);
}
