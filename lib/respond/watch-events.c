/*
 * What each event means. An access about to happen (a permission event: the process
 * waits for the answer) is classified from /proc as a read or a write; a read is
 * remembered and its descriptor kept, a write has the file kept first
 * (watch-keep.c), a canary written stops its process before the write lands and a
 * canary read is noted. A file closed after writing is glanced at (its writer's group
 * waits for the verdict when it looks encrypted) and judged by a worker; a new file of
 * a group that has done nothing yet has a cheap look first, and its full verdict only
 * when the look is suspicious or the group takes a further step (cheap_look); its verdict
 * before and after the write, and the deletes and renames of the name group, become
 * the signals of respond/behaviour.h, which watch-act.c acts on.
 * Runs on the watcher's thread only (watch-int.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/array.h"
#include "core/data.h"
#include "core/err.h"
#include "core/time.h"
#include "core/file.h"
#include "detect/anchor.h"
#include "detect/format.h"
#include "detect/stats.h"
#include "respond/canary.h"
#include "respond/compressed.h"
#include "respond/sqljournal.h"
#include "respond/watch-int.h"

/* ---- events ---- */

static const char *
base_of(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

static int
cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
known_ext(const struct rp_watch *w, const char *name)
{
	const char *dot = strrchr(name, '.');
	char ext[32];
	if (dot == NULL || dot[1] == '\0' || strlen(dot + 1) >= sizeof(ext))
		return 0;
	size_t n = strlen(dot + 1);
	for (size_t i = 0; i <= n; i++) {
		char c = dot[1 + i];
		ext[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	const char *key = ext;
	return bsearch(&key, w->known_ext, w->nknown, sizeof(char *), cmp_strp) != NULL;
}

static int
random_kind(enum rp_verdict_kind k)
{
	return k == RP_V_ENCRYPTED || k == RP_V_PARTIAL;
}

/*
 * Whether an access to a canary writes it: 1 (a write, a truncation, a resize, a
 * writable mapping; with open events only, any open for writing: its write cannot be
 * seen before it lands), 0 a read, -1 not yet (with pre-content events, an open that
 * does not truncate, or whose call cannot be told: its reads and writes are asked,
 * and judged then; the file is copied first all the same, and a change that went
 * unseen is caught at the close).
 */
static int
canary_writes(const struct rp_fan_event *ev, int pre, enum rp_proc_access acc, const struct stat *st)
{
	if (acc == RP_PROC_READ)
		return 0;
	if (!pre)
		return 1;
	if (ev->open_perm)
		return acc == RP_PROC_TRUNC ? 1 : -1;
	switch (acc) {
	case RP_PROC_READ_RW:
		return 0;       /* the write, if it comes, is asked on its own */
	case RP_PROC_UNKNOWN:
		/* a page fault (no system call): a write only through a shared writable
		 * mapping of it; when that cannot be told, a write */
		return rp_proc_maps_writable(ev->tid, (uint64_t)st->st_dev, (uint64_t)st->st_ino) == 0 ? 0 : 1;
	default:
		return 1;
	}
}

/* retry: a deferred event run again (its canary was counted the first time) */
void
rp_watch_on_pre(struct rp_watch *w, struct rp_fan_event *ev, int retry)
{
	char path[PATH_MAX];
	struct stat st;
	if (rp_watch_ours(w, ev->pid) || fstat(ev->fd, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	/*
	 * An empty file opened, with pre-content events: a new file, mostly (a database's
	 * journal at each transaction, a document put over SMB). Nothing below needs its
	 * name: it has nothing to keep, no canary is empty (deploy writes 200 rows; one
	 * emptied since is found by `riposte canary check`), and the shadow's files are
	 * written by the watcher itself (ours). Its path is not looked up: the walk of
	 * /proc was half of the watcher's time on such an open (7.5 of 15 us, db bench),
	 * while the writer waits.
	 */
	int pre = rp_fan_pre_on(w->fan, (uint64_t)st.st_dev);
	int empty_open = ev->open_perm && pre && st.st_size == 0;
	if (!empty_open && (rp_watch_fd_path(w, ev->fd, path, sizeof(path)) != 0 ||
	    rp_watch_in_shadow(w, path)))
		return;
	struct pcache *p = rp_watch_proc_of(w, ev->pid);
	if (p != NULL && p->allowed)
		return;
	struct rp_beh_group *g = rp_watch_group_of(w, p, ev->pid);
	if (g == NULL)
		return;
	if (g->acted && w->action != RP_WATCH_ALERT) {
		ev->deny = 1;       /* a stopped group touches nothing more */
		rp_proc_signal(ev->pid, w->action == RP_WATCH_KILL ? SIGKILL : SIGSTOP);
		return;
	}
	/*
	 * A canary: written, truncated or mapped for writing, its process is acted on
	 * before the write lands; read, it is noted (every backup reads every file). No
	 * canary is empty: an empty file of that name is a copy being made.
	 */
	int canary = !empty_open && st.st_size > 0 && rp_canary_is(path);
	enum rp_proc_access acc = RP_PROC_UNKNOWN;
	if (canary) {
		acc = rp_proc_access(ev->tid, (uint64_t)st.st_dev, (uint64_t)st.st_ino);
		int wr = retry ? -1 : canary_writes(ev, pre, acc, &st);
		if (wr > 0) {
			rp_beh_touch(g, path);
			if (rp_watch_signal(w, g, ev->pid, RP_SIG_CANARY) && w->action != RP_WATCH_ALERT) {
				ev->deny = 1;
				return;
			}
		} else if (wr == 0 && rp_watch_note_canary_read(w, g, p, ev->pid, path) &&
		    w->action != RP_WATCH_ALERT) {
			ev->deny = 1;
			return;
		}
	}
	/*
	 * The group closed a file that looked encrypted at a glance: its accesses wait
	 * for the verdict (the process is held in the kernel meanwhile), so that an
	 * attacker is stopped before its next file. Other writers never wait for one.
	 */
	if (g->awaiting > 0 && w->ndefer < w->max_pending) {
		w->defer[w->ndefer++] = (struct deferred){ ev->fd, ev->pid, ev->tid, ev->open_perm,
			ev->off, ev->count };
		ev->defer = 1;
		return;
	}
	struct fstate *f = rp_watch_fstate_at(w, &st, 1);
	f->canary |= canary;
	/* a new file's mark kept past its close goes before this open is answered: what
	 * is done through it is asked as for any other file */
	struct rp_hold *h = rp_holds_find(w->holds, f->dev, f->ino);
	if (h != NULL && h->closed)
		rp_watch_hold_reopen(w, h, ev->fd, ev->open_perm && pre && st.st_size == 0);
	/* an empty file has nothing to read or keep: a new file being written */
	if (!canary)
		acc = st.st_size > 0 ? rp_proc_access(ev->tid, (uint64_t)st.st_dev, (uint64_t)st.st_ino) :
		    RP_PROC_WRITE;
	if (ev->open_perm && pre) {
		/*
		 * An open, with pre-content events for the reads and writes that follow.
		 * The kernel sends none before the truncation of an open with O_TRUNC
		 * (measured on 6.18: the first event is the write, to an empty file): such
		 * a file is copied here, as before a write. An open for reading or writing
		 * goes on: its reads and its first write are asked. An empty file has
		 * nothing to lose: its accesses go unasked until its close (one answer per
		 * new file, not two), and its mark stays on until the next open of it
		 * (hold_on).
		 */
		if (st.st_size == 0) {
			if (g->first_write_ms == 0)
				g->first_write_ms = rp_time_mono_ms();
			/* an epoch with nothing to keep: another writer's open ends it */
			if (f->epoch_pid == 0) {
				f->epoch_pid = ev->pid;
				f->copied = 1;
			}
			rp_watch_hold_on(w, f, ev->fd, 1);
			rp_watch_grow_open(w, g, ev, &st);
			return;
		}
		if (acc == RP_PROC_READ)
			return;
		/* another writer: what the first one wrote is kept before its own first
		 * write (the first one's copy has only what was there before it) */
		if ((f->copied || f->ranged) && f->epoch_pid != ev->pid) {
			rp_watch_hold_end(w, ev->fd, &st);
			f->has_pre = 0;
			rp_watch_epoch_end(w, f);
		}
		if (acc == RP_PROC_WRITE || acc == RP_PROC_OPEN_RW)
			return;
		acc = RP_PROC_WRITE;    /* truncating, or a call it cannot tell */
	}
	/*
	 * Without pre-content events (Linux before 6.14, or a filesystem without them)
	 * the reads that follow this open are not seen: an open for reading and writing
	 * counts as a read before the write (read-overwrite, and the descriptor kept in
	 * case the file is deleted). It only scores when the content turns random.
	 */
	if (acc == RP_PROC_OPEN_RW)
		acc = RP_PROC_READ_RW;
	if (acc == RP_PROC_READ) {
		rp_beh_read(g, path);
		rp_watch_hold_fd(w, g, ev->fd, path);
	} else {
		if (acc == RP_PROC_READ_RW || acc == RP_PROC_MAP) {
			rp_beh_read(g, path);
			rp_watch_hold_fd(w, g, ev->fd, path);
		}
		if (g->first_write_ms == 0)
			g->first_write_ms = rp_time_mono_ms();
		if (st.st_size == 0)
			rp_watch_grow_open(w, g, ev, &st);   /* a new file (watch-grow.c) */
		else
			rp_watch_changed(w, g);   /* written over or truncated: no cheap looks */
		f->read_before = rp_beh_was_read(g, path);
		if (!f->has_pre && st.st_size > 0 && f->known && (uint64_t)st.st_size == f->known_size &&
		    f->known_mtime_ns == (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec) {
			f->has_pre = 1;
			f->pre_kind = f->known_kind;
			memcpy(f->pre_class, f->known_class, sizeof(f->pre_class));
		}
		if (!f->has_pre && st.st_size > 0) {
			/* a head with its format's signature, or text: structured, without
			 * reading the file whole while the writer waits */
			const char *cls = rp_watch_head_class(ev->fd);
			if (cls != NULL) {
				f->has_pre = 1;
				f->pre_kind = RP_V_OK;
				snprintf(f->pre_class, sizeof(f->pre_class), "%s", cls);
			}
		}
		if (!f->has_pre && st.st_size > 0) {
			if (rp_scan_fd(w->scanner, ev->fd, base_of(path), &w->v) == 0) {
				f->has_pre = 1;
				f->pre_kind = w->v.kind;
				if (random_kind(f->pre_kind) && rp_compressed_valid_fd(ev->fd))
					f->pre_kind = RP_V_OK;
				const char *cls = rp_watch_head_class(ev->fd);
				snprintf(f->pre_class, sizeof(f->pre_class), "%s", cls ? cls : "");
			}
		}
		if (!f->copied && st.st_size > 0 && w->shadow != NULL) {
			if (f->epoch_pid == 0)
				f->epoch_pid = ev->pid;
			rp_watch_keep_failed(w, rp_watch_keep_before_write(w, f, ev, acc, &st, path));
		}
	}
	/*
	 * Once the file is kept (a copy before its first write), the rest of this open's
	 * accesses go through unasked. Not after a mere read: the kernel's ignore mark is
	 * on the inode and goes only when the close is read from the queue, so a write
	 * opened right after the reader closed (smbd: "get f" then "put x f") would land
	 * uncopied in between. A reader is asked at each read instead. Nor a canary: its
	 * write is asked, so that its writer is stopped before it lands.
	 */
	if (acc != RP_PROC_READ && !(f->ranged && !f->copied) && !canary)
		rp_watch_hold_on(w, f, ev->fd, 0);
}

/*
 * read -> new random file -> delete, matched in whatever order the two groups deliver
 * the close and the delete. A file a tool encrypted (openssl, gpg, age) pairs with one
 * delete: a user may encrypt a file and remove its original. Random content of no
 * tool's format pairs with every delete of a read file in the window: one archive
 * streamed from many originals that then go.
 */
static void
new_random(struct rp_watch *w, struct rp_beh_group *g, pid_t pid, int by_tool)
{
	rp_watch_save_deleted(w, g);
	if (!by_tool) {
		g->random_new_ms = rp_time_mono_ms();
		while (g->read_deletes > 0 && !g->acted) {
			g->read_deletes--;
			rp_watch_signal(w, g, pid, RP_SIG_READ_NEW_DELETE);
		}
		g->read_deletes = 0;
		g->new_random++;
		return;
	}
	if (g->read_deletes > 0) {
		g->read_deletes--;
		rp_watch_signal(w, g, pid, RP_SIG_READ_NEW_DELETE);
	} else {
		g->new_random++;
	}
}

static void
closing_free(void *c)
{
	struct closing *ci = c;
	if (ci != NULL)
		free(ci->path);
	free(ci);
}

/*
 * rp_block_random on n bytes, with a shortcut that cannot change its answer: a block
 * of at least 3,704 bytes in which none of the 27 control bytes that text never has
 * (0x00-0x08, 0x0e-0x1f) occurs is not random by that test, whatever its other bytes:
 * those 27 values missing alone put chi-square at 27 * n / 256 >= 390.6, above the
 * test's limit (255 + 6 * sqrt(510) = 390.5). A text block is told so by one pass the
 * compiler vectorises, not by a histogram (the SMB copy's documents: four blocks each).
 */
static int
block_random(const unsigned char *restrict b, size_t n)
{
	if (n >= 3704) {
		unsigned char ctl = 0;
		size_t i = 0;
		/* 64 bytes at a time: a loop of a known count, which -O2 vectorises */
		for (; i + 64 <= n; i += 64)
			for (size_t j = 0; j < 64; j++)
				ctl |= (unsigned char)((b[i + j] < 0x09) | ((unsigned char)(b[i + j] - 0x0e) < 0x12));
		for (; i < n; i++)
			ctl |= (unsigned char)((b[i] < 0x09) | ((unsigned char)(b[i] - 0x0e) < 0x12));
		if (ctl == 0)
			return 0;
	}
	struct rp_stats st;
	rp_stats_reset(&st);
	rp_stats_add(&st, b, n);
	return rp_block_random(&st);
}

/*
 * Whether a closed file looks encrypted at a glance (its head's type went, or its
 * first 4 KiB are random): its writer's group then waits for the verdict before its
 * next access. A glance costs one 4 KiB read; the verdict, up to a whole file.
 */
static int
glance_suspicious(int fd, const struct closing *ci)
{
	unsigned char head[4096];
	ssize_t n = rp_pread_full(fd, head, sizeof(head), 0);
	if (n <= 0)
		return 0;
	const char *cls = rp_format_class(head, (size_t)n < 512 ? (size_t)n : 512);
	if (ci->existed && ci->pre_class[0] && (cls == NULL || strcmp(cls, ci->pre_class) != 0))
		return 1;
	if (n < 1024)
		return cls == NULL;
	return block_random(head, (size_t)n);
}

/*
 * A cheap look at a new file closed by a group that has done nothing yet (no file
 * under the tree written over, truncated, renamed or deleted, no signal): the head
 * (its type, a note's words, random bytes), then 4 KiB blocks at a quarter, the middle
 * and the end (random content), about what the glance reads for a small document,
 * where the full verdict reads up to the whole file (every byte through the
 * statistics, the text windows and the note's anchor) on a worker. Returns 1 when
 * the file needs the full verdict at once, 0 when it can wait for its group to
 * change something or score (rp_watch_changed). An attacker's first file is exactly
 * such a file: encrypted, its head or a block is random (or its type is unknown),
 * and a note says what it is in its first lines; a file encrypted in stripes that
 * all miss the blocks looked at waits for its group's next step, which is a write
 * over, a delete or a rename of a victim, and gets its full verdict then.
 */
static int
cheap_look(int fd, uint64_t size, const char *base)
{
	/* a file of up to 32 KiB (the usual letter or sheet) in one read, not four: the
	 * same blocks looked at, three system calls fewer a document */
	unsigned char whole[32768], blk[4096];
	int in_one = size <= sizeof(whole);
	unsigned char *b = in_one ? whole : blk;
	if (rp_pread_full(fd, b, in_one ? (size_t)size : sizeof(blk), 0) !=
	    (ssize_t)(in_one ? size : sizeof(blk)) || size < sizeof(blk))
		return 1;           /* shorter than said: the full verdict tells */
	const char *cls = rp_format_class(b, 512);
	/* no known format and not text; a note's words in the head or the name */
	if (cls == NULL || rp_note_anchor(b, sizeof(blk)) ||
	    rp_note_anchor((const unsigned char *)base, strlen(base)))
		return 1;
	if (block_random(b, sizeof(blk)))
		return 1;
	uint64_t offs[3] = { size / 4, size / 2, size - sizeof(blk) };
	for (size_t i = 0; i < 3; i++) {
		uint64_t off = offs[i] & ~(uint64_t)(sizeof(blk) - 1);
		if (i == 2)
			off = offs[i];
		if (off < sizeof(blk) || (i > 0 && off == offs[i - 1]))
			continue;
		if (in_one)
			b = whole + off;
		else if (rp_pread_full(fd, blk, sizeof(blk), (off_t)off) != (ssize_t)sizeof(blk))
			return 1;
		if (block_random(b, sizeof(blk)))
			return 1;
	}
	return 0;
}

/* Whether g has done nothing yet that makes its new files worth a full verdict at
 * their close (see cheap_look). A canary read is no step: backups read them all. */
static int
group_quiet(const struct rp_beh_group *g)
{
	return !g->changed && !g->acted && g->first_bad_ms == 0 && g->awaiting == 0 &&
	    g->new_random == 0 && g->read_deletes == 0;
}

static void
looked_release(struct looked *l)
{
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
	free(l->path);
	l->path = NULL;
	l->key = 0;
}

/* A new file that had a cheap look only, kept in the ring for its group (by the
 * event's own descriptor, which the ring then owns: no duplicate, no second close),
 * after the entries past the window go: the ring is in the order of the closes, its
 * oldest at looked_next. A descriptor keeps a file deleted meanwhile alive until its
 * entry goes. */
static void
looked_add(struct rp_watch *w, const struct rp_beh_group *g, struct rp_fan_event *ev, const char *path)
{
	int64_t now = rp_time_mono_ms();
	for (size_t k = 0, i = w->looked_next; k < NLOOKED; k++, i = (i + 1) % NLOOKED) {
		if (w->looked[i].fd < 0)
			continue;
		if (now - w->looked[i].ms < WINDOW_MS)
			break;
		looked_release(&w->looked[i]);
	}
	struct looked *l = &w->looked[w->looked_next];
	looked_release(l);
	if ((l->path = strdup(path)) == NULL) {
		looked_release(l);
		return;
	}
	l->fd = ev->fd;
	ev->keep = 1;
	l->key = g->key;
	l->pid = ev->pid;
	l->ms = now;
	w->looked_next = (w->looked_next + 1) % NLOOKED;
}

void
rp_watch_looked_init(struct rp_watch *w)
{
	for (size_t i = 0; i < NLOOKED; i++)
		w->looked[i].fd = -1;
}

void
rp_watch_looked_free(struct rp_watch *w)
{
	for (size_t i = 0; i < NLOOKED; i++)
		looked_release(&w->looked[i]);
}

/*
 * The full verdict on a file closed by g (fd: the caller's, duplicated for the
 * job), computed by a worker: on_verdict gives its signals. existed: the file had
 * content before this writer (f, when known, has its state before the write).
 */
static void
submit_verdict(struct rp_watch *w, struct rp_beh_group *g, pid_t pid, int fd, const char *path,
    struct fstate *f, int suspicious)
{
	struct rp_vjob *j = rp_vjob_new();
	struct closing *ci = calloc(1, sizeof(*ci));
	if (j == NULL || ci == NULL || (ci->path = strdup(path)) == NULL ||
	    (j->fd = fcntl(fd, F_DUPFD_CLOEXEC, 3)) < 0) {
		rp_vjob_free(j);
		closing_free(ci);
		rp_watch_warn(w, RP_ERR_NOMEM, "out of memory or descriptors: a closed file was not judged");
		return;
	}
	j->cookie = ci;
	j->cookie_free = closing_free;
	/* the extension is what the name is for: a base name past the field is cut */
	const char *base = base_of(path);
	size_t bl = strlen(base);
	memcpy(j->name, base + (bl >= sizeof(j->name) ? bl - (sizeof(j->name) - 1) : 0),
	    bl >= sizeof(j->name) ? sizeof(j->name) : bl + 1);
	ci->key = g->key;
	ci->pid = pid;
	if (f != NULL) {
		ci->existed = f->has_pre;
		ci->pre_kind = f->pre_kind;
		memcpy(ci->pre_class, f->pre_class, sizeof(ci->pre_class));
		ci->read_before = f->read_before;
		f->has_pre = 0;     /* the next writer compares with what is there now */
		rp_watch_epoch_end(w, f);
	}
	j->skip_gone = !ci->existed;
	if ((ci->suspicious = suspicious < 0 ? glance_suspicious(fd, ci) : suspicious) != 0)
		g->awaiting++;
	rp_vpool_submit(w->pool, j);
	while (rp_vpool_pending(w->pool) >= w->max_pending) {
		struct pollfd pv = { rp_vpool_fd(w->pool), POLLIN, 0 };
		if (poll(&pv, 1, -1) > 0)
			rp_watch_collect(w);
	}
}

void
rp_watch_changed(struct rp_watch *w, struct rp_beh_group *g)
{
	if (g->changed)
		return;
	g->changed = 1;
	uint64_t key = g->key;
	for (size_t i = 0; i < NLOOKED; i++) {
		struct looked *l = &w->looked[i];
		if (l->fd < 0 || l->key != key)
			continue;
		/* a file deleted since is skipped by the worker (skip_gone) */
		submit_verdict(w, g, l->pid, l->fd, l->path, NULL, 0);
		looked_release(l);
	}
}

/* A file closed after writing: its verdict is computed by a worker (on_verdict). */
void
rp_watch_on_close(struct rp_watch *w, struct rp_fan_event *ev)
{
	char path[PATH_MAX];
	struct stat st;
	memset(&st, 0, sizeof(st));
	st.st_nlink = 1;    /* unless fstate_of's fstat says otherwise */
	struct fstate *f = rp_watch_fstate_of(w, ev->fd, 0, &st);
	/* by the inode: the cache may have given f's slot to another file meanwhile */
	struct rp_hold *h = st.st_ino != 0 ? rp_holds_find(w->holds, (uint64_t)st.st_dev,
	    (uint64_t)st.st_ino) : NULL;
	if (ev->kind == RP_FAN_CLOSE_WRITE && st.st_ino != 0)
		rp_watch_grow_closed(w, (uint64_t)st.st_dev, (uint64_t)st.st_ino);
	if (h != NULL && !h->closed) {
		if (h->lazy)
			rp_holds_close(w->holds, h);    /* off at the next open (on_pre) */
		else
			rp_watch_hold_off(w, h, ev->fd);
	}
	/* a new file deleted by now (a database's journal, a temp file): nobody's
	 * document, nothing to judge (a worker would skip it too: skip_gone) */
	if (ev->kind == RP_FAN_CLOSE_WRITE && (f == NULL || !f->has_pre) && st.st_nlink == 0) {
		if (f != NULL)
			rp_watch_epoch_end(w, f);
		return;
	}
	if (ev->kind != RP_FAN_CLOSE_WRITE || rp_watch_ours(w, ev->pid) ||
	    rp_watch_fd_path(w, ev->fd, path, sizeof(path)) != 0 || rp_watch_in_shadow(w, path))
		return;
	struct pcache *p = rp_watch_proc_of(w, ev->pid);
	if (p != NULL && p->allowed)
		return;
	struct rp_beh_group *g = rp_watch_group_of(w, p, ev->pid);
	if (g == NULL)
		return;
	if (f == NULL && st.st_ino != 0)
		f = rp_watch_fstate_at(w, &st, 1);   /* st is the fstat fstate_of made */
	/* a canary written through a call that did not say so (io_uring, a page fault
	 * of a mapping the maps did not show): its content tells, at the close */
	if (f != NULL && f->canary && rp_canary_is(path) && rp_canary_intact_fd(ev->fd) == 0) {
		f->canary = 0;
		rp_beh_touch(g, path);
		rp_watch_signal(w, g, ev->pid, RP_SIG_CANARY);
	}
	/*
	 * A new SQLite rollback journal (its writer makes, closes and deletes one at each
	 * transaction, and the close is often read before the delete): its records'
	 * checksums, page numbers and non-random pages are checked here instead of a full
	 * verdict on a worker (the database's pages from before the transaction, every
	 * byte read through the statistics, the text windows and the note's anchor). What
	 * fails the check gets the full verdict, as before.
	 */
	if ((f == NULL || !f->has_pre) && st.st_ino != 0 && rp_sqljournal_name(base_of(path)) &&
	    rp_sqljournal_check(ev->fd, (uint64_t)st.st_size) == 1) {
		if (f != NULL)
			rp_watch_epoch_end(w, f);
		return;
	}
	/* a new file of a group that has done nothing yet: a cheap look first */
	if ((f == NULL || !f->has_pre) && st.st_ino != 0 && st.st_size > LOOK_MIN &&
	    group_quiet(g) && cheap_look(ev->fd, (uint64_t)st.st_size, base_of(path)) == 0) {
		if (f != NULL)
			rp_watch_epoch_end(w, f);
		looked_add(w, g, ev, path);
		return;
	}
	submit_verdict(w, g, ev->pid, ev->fd, path, f, -1);
}

/* The verdict on a closed file: the signals it gives its writer's group. */
void
rp_watch_on_verdict(struct rp_vjob *j, void *ctx)
{
	struct rp_watch *w = ctx;
	struct closing *ci = j->cookie;
	struct rp_verdict *v = &j->v;
	struct fstate *f = rp_watch_fstate_of(w, j->fd, 0, NULL);
	struct rp_beh_group *g = rp_beh_find(w->beh, ci->key);

	if (g != NULL && ci->suspicious && g->awaiting > 0)
		g->awaiting--;
	if (j->failed || j->gone)
		return;
	if (random_kind(v->kind) && j->compressed_valid)
		v->kind = RP_V_OK;      /* gzip, xz, zstd, zip, 7z: random by design, and valid */
	if (f != NULL) {
		f->known = v->kind != RP_V_SKIPPED;
		f->known_kind = v->kind;
		f->known_size = v->size;
		f->known_mtime_ns = v->mtime * 1000000000 + v->mtime_ns;
		memcpy(f->known_class, j->cls, sizeof(f->known_class));
	}
	if (g == NULL)
		return;
	if (ci->existed) {
		/* an existing file rewritten: a victim, counted in files_touched */
		rp_beh_touch(g, ci->path);
		if (ci->pre_kind == RP_V_OK && random_kind(v->kind)) {
			if (ci->read_before)
				rp_watch_signal(w, g, ci->pid, RP_SIG_READ_OVERWRITE);
			if (ci->pre_class[0] && strcmp(ci->pre_class, j->cls) != 0)
				rp_watch_signal(w, g, ci->pid, RP_SIG_TYPE_LOST);
			rp_watch_signal(w, g, ci->pid, RP_SIG_RANDOMISED);
		}
		return;
	}
	/* a new file: not a victim itself (an encrypted copy, a note); the originals it
	 * replaces are counted when they go */
	if (v->kind == RP_V_NOTE)
		rp_watch_signal(w, g, ci->pid, RP_SIG_NOTE);
	else if (random_kind(v->kind)) {
		rp_watch_signal(w, g, ci->pid, RP_SIG_NEW_RANDOM);
		/* the encrypted copy of a structured file the group read and deleted */
		if (rp_beh_pair_new(g, ci->path))
			rp_watch_signal(w, g, ci->pid, RP_SIG_RANDOMISED);
		new_random(w, g, ci->pid, 0);
	} else if (v->entropy >= 7.9 && v->size >= 1024 && !j->compressed_valid) {
		/* encrypted by a tool (openssl's Salted__, OpenPGP, age): benign alone,
		 * the attack when the original goes too */
		new_random(w, g, ci->pid, 1);
	}
}

/* A file the group had read went (deleted, or replaced by a rename over it): it is
 * saved from the descriptor kept since the read, and paired with the new random file
 * that replaces it. */
static void
read_file_gone(struct rp_watch *w, struct rp_beh_group *g, pid_t pid, const char *path)
{
	/* structured: its head (through the descriptor kept since the read) has a format
	 * or is text; checked before held_deleted may release it */
	int structured = rp_watch_held_structured(w, path);
	rp_watch_held_deleted(w, g, path);
	if (structured && rp_beh_pair_delete(g, path))
		rp_watch_signal(w, g, pid, RP_SIG_RANDOMISED);
	/* one archive streamed from the originals, still open and growing: its close
	 * would come after the last of them went (watch-grow.c) */
	if (structured && g->new_random == 0 &&
	    !(g->random_new_ms && rp_time_mono_ms() - g->random_new_ms <= WINDOW_MS) &&
	    rp_watch_grow_random(w, g)) {
		rp_watch_signal(w, g, pid, RP_SIG_NEW_RANDOM);
		new_random(w, g, pid, 0);
	}
	if (g->new_random > 0) {
		g->new_random--;
		rp_watch_signal(w, g, pid, RP_SIG_READ_NEW_DELETE);
	} else if (g->random_new_ms && rp_time_mono_ms() - g->random_new_ms <= WINDOW_MS) {
		rp_watch_signal(w, g, pid, RP_SIG_READ_NEW_DELETE);
	} else {
		g->read_deletes++;
	}
}

void
rp_watch_on_name(struct rp_watch *w, struct rp_fan_event *ev)
{
	char path[PATH_MAX], path2[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", ev->dir, ev->name);
	if (ev->dir2)
		snprintf(path2, sizeof(path2), "%s/%s", ev->dir2, ev->name2);
	if (rp_watch_in_shadow(w, path))
		return;
	if (ev->isdir) {
		/* a new directory (or one moved in) is watched with its contents */
		if (ev->kind == RP_FAN_CREATE)
			rp_watch_mark_tree(w, path);
		else if (ev->kind == RP_FAN_RENAME && ev->dir2)
			rp_watch_mark_tree(w, path2);
		return;
	}
	if (rp_watch_ours(w, ev->pid) || ev->kind == RP_FAN_CREATE)
		return;
	struct pcache *p = rp_watch_proc_of(w, ev->pid);
	if (p != NULL && p->allowed)
		return;
	struct rp_beh_group *g = NULL;
	if (p == NULL) {
		/* gone already (an rm forked per file): the group that read the file */
		for (size_t i = 0; i < NHELD && g == NULL; i++)
			if (w->held[i].fd >= 0 && strcmp(w->held[i].path, path) == 0)
				g = rp_beh_find(w->beh, w->held[i].key);
	}
	if (g == NULL)
		g = rp_watch_group_of(w, p, ev->pid);
	if (g == NULL)
		return;
	/* a canary deleted, renamed, or replaced by a rename over it after its read
	 * (written to a temporary file, renamed over the original) */
	if (rp_canary_is(path) || (ev->kind == RP_FAN_RENAME && ev->dir2 && rp_canary_is(path2) &&
	    rp_beh_was_read(g, path2))) {
		rp_beh_touch(g, rp_canary_is(path) ? path : path2);
		rp_watch_signal(w, g, ev->pid, RP_SIG_CANARY);
		return;
	}
	if (ev->kind == RP_FAN_DELETE || ev->kind == RP_FAN_RENAME)
		rp_watch_changed(w, g);   /* no cheap looks for its new files (cheap_look) */
	if (ev->kind == RP_FAN_DELETE) {
		rp_beh_touch(g, path);
		if (rp_beh_was_read(g, path))
			read_file_gone(w, g, ev->pid, path);
	} else if (ev->kind == RP_FAN_RENAME && ev->dir2) {
		/* a file the group read or wrote, renamed: a victim (a file it made itself
		 * is not), counted once whichever of its rename and its close came first */
		if (rp_beh_was_read(g, path) || rp_beh_touched(g, path) || rp_beh_touched(g, path2))
			rp_beh_touch_renamed(g, path, path2);
		/* renamed over a file the group had read ("x.tmp" -> "x"): that file is
		 * gone as by a delete, and its content is in the descriptor kept since */
		if (rp_watch_held_live(w, path2) && rp_beh_was_read(g, path2)) {
			rp_beh_touch(g, path2);
			read_file_gone(w, g, ev->pid, path2);
		}
		if (known_ext(w, ev->name) && !known_ext(w, ev->name2))
			rp_watch_signal(w, g, ev->pid, RP_SIG_RENAME_UNKNOWN);
	}
}

static int
add_known(struct rp_watch *w, const char *text)
{
	for (const char *p = text; *p;) {
		while (*p == ' ' || *p == '\n' || *p == '\t')
			p++;
		if (*p == '#') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		const char *s = p;
		while (*p && *p != ' ' && *p != '\n' && *p != '\t')
			p++;
		if (p == s)
			continue;
		int r = RP_ARRAY_GROW(&w->known_ext, &w->capknown, w->nknown + 1, RP_ARRAY_MAX_DEFAULT);
		if (r != 0)
			return r;
		if ((w->known_ext[w->nknown] = strndup(s, (size_t)(p - s))) == NULL)
			return RP_ERR_NOMEM;
		w->nknown++;
	}
	return 0;
}

int
rp_watch_load_known(struct rp_watch *w, const char *data_dir)
{
	static const char *const lists[] = { "extensions/known.txt", "extensions/text.txt" };
	struct rp_buf b;
	int r = 0;
	rp_buf_init(&b, 1 << 22);
	for (size_t i = 0; i < 2 && r == 0; i++) {
		rp_buf_reset(&b);
		if ((r = rp_data_load(data_dir, lists[i], &b)) == 0)
			r = add_known(w, b.buf);
	}
	rp_buf_release(&b);
	if (r == 0 && w->nknown > 1)
		qsort(w->known_ext, w->nknown, sizeof(char *), cmp_strp);
	return r;
}
