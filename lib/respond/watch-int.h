/*
 * The watcher's insides, shared by its files (not a public header: see watch.h):
 *   watch.c         set-up, the event loop, the deferred accesses, children, marking,
 *                   the rescan after an overflow, processes and groups;
 *   watch-keep.c    what is kept before a write: files' state, whole copies and ranges,
 *                   the background completion, ignore marks (holds), descriptors of
 *                   files read;
 *   watch-events.c  what each event means: accesses, closes and their verdicts, names,
 *                   canaries, the signals they give;
 *   watch-grow.c    a new file growing while its group deletes what it read: one
 *                   archive streamed from many originals, judged as it forms;
 *   watch-act.c     a group that reached the threshold: the action, the client, the
 *                   report, the journal and the restore after a kill.
 * Everything runs on the thread of rp_watch_run (or of rp_watch_new while marking).
 */
#ifndef RP_WATCH_INT_H
#define RP_WATCH_INT_H

#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "detect/engine.h"
#include "respond/behaviour.h"
#include "respond/fanotify.h"
#include "respond/holds.h"
#include "respond/pctl.h"
#include "respond/shadow.h"
#include "respond/vpool.h"
#include "respond/watch.h"

#define NFILESTATE 8192
#define RANGE_MIN ((uint64_t)1 << 20)  /* larger files rewritten in place: ranges, not copies */
#define RANGE_SPANS 1024               /* spans of one epoch before the rest is kept whole */
#define BG_CHUNK ((uint64_t)1 << 20)   /* the rest of a range epoch, kept between events */
#define BG_MAX 64                      /* range epochs completed in the background at once */
#define BG_AFTER 32                    /* writes asked in an epoch before its background */
#define NPROC 1024
#define WINDOW_MS 60000
#define MAX_KIDS 32
#define EXPIRE_MS (3600 * 1000)
#define NDEFER 4096
/* verdicts out at once: each holds a descriptor; past this the watcher waits for
 * them before it reads more events (a flood slows down, it does not pile up) */
#define MAX_PENDING 1024
#define NHELD 256
#define HELD_MS 30000
/* ignore marks (rp_fan_hold) known at once, at most; past HOLDS_LOW the oldest of
 * those kept past their close are taken off between events */
#define NHOLDS 4096
#define HOLDS_LOW 3072
#define MAX_MOUNTFD 16
/* new files open now whose content is looked at when their group deletes a file it
 * read (watch-grow.c), and their descriptors closed after the batch */
#define NGROW 64
#define GROW_LATE 64
/* new files closed by a group that had done nothing yet and judged by a cheap look
 * only (watch-events.c), kept by descriptor to be judged whole if the group changes
 * something or scores within WINDOW_MS; past this the oldest go (files the group
 * made itself, not victims) */
#define NLOOKED 256
/* files up to this size are always judged whole (a short note has little to anchor) */
#define LOOK_MIN 4096

struct allow {
	char exe[PATH_MAX];
	char sha[65];       /* "" = any content */
};

/* The part of a large file kept so far in its range epoch: [start, end) spans,
 * sorted and disjoint. */
struct span {
	uint64_t start, end;
};

/* What watch knows about a file between its first access and its close. */
struct fstate {
	uint64_t dev, ino;
	int used;
	int copied;          /* a copy (or clone) was kept, or every range of the original */
	pid_t epoch_pid;     /* the writer the copy was kept for */
	/* a large file rewritten in place: ranges of the original are kept before each
	 * write instead of a copy of it whole (rp_shadow_keep_range) */
	int ranged;
	uint64_t orig_size;
	int64_t orig_mtime_ns;
	struct span *spans;
	size_t nspans, capspans;
	uint64_t saved;
	/* the rest of the original kept in the background, BG_CHUNK at a time between
	 * events, from bg_next on, through bgfd (-1: none); once all is kept the writer
	 * goes unasked */
	int bgfd;
	uint64_t bg_next;
	unsigned nwrites;    /* writes asked in this range epoch */
	int bg_tried;
	int has_pre;         /* pre: the verdict before the write */
	enum rp_verdict_kind pre_kind;
	char pre_class[16];  /* rp_format_class of the head before the write, "" if none */
	int read_before;     /* the writer's group had read it */
	int canary;          /* a canary (its name, with content) was accessed: closed after
	                        writing, its content must still be a canary's */
	/* the verdict at the last close-write, good while the file keeps that mtime and
	 * size: the next writer's "before" without a second scan */
	int known;
	int64_t known_mtime_ns;
	uint64_t known_size;
	enum rp_verdict_kind known_kind;
	char known_class[16];
};

/* What a close was, for its verdict when it comes back from a worker. */
struct closing {
	uint64_t key;        /* the writer's group */
	pid_t pid;
	char *path;
	int existed;         /* it had content before this writer (a rewrite) */
	enum rp_verdict_kind pre_kind;
	char pre_class[16];
	int read_before;
	int suspicious;      /* counted in the group's awaiting */
};

/* A permission event answered later: its process waits until the verdicts it
 * depends on are back. */
struct deferred {
	int fd;
	pid_t pid, tid;
	int open_perm;
	uint64_t off, count;     /* the access's range: what a range epoch keeps */
};

/* A read file's descriptor, kept a while: if the reader's group deletes the file and
 * turns out to write random files, the content is copied from it (a descriptor keeps
 * a deleted file alive and, unlike a hard link, changes none of its times). */
struct held {
	int fd;              /* -1: free */
	uint64_t key;        /* the reader's group */
	int64_t ms;
	int deleted;         /* the name went; waiting for the group to prove guilty */
	char *path;
};

/* A new file open for writing, kept by descriptor until its close (watch-grow.c). */
struct grow {
	int fd;              /* -1: free */
	uint64_t key;        /* the writer's group */
	uint64_t dev, ino;
	int64_t ms;          /* its open */
	int state;           /* 1 random of no archive format, -1 not, 0 not judged */
	uint64_t judged_size;
};

/* A new file judged by a cheap look only: its full verdict waits for its group. */
struct looked {
	int fd;              /* a descriptor of the event's (no events of its own: opening
	                        the file again on the watcher's thread would wait for the
	                        watcher's own answer); -1: free */
	uint64_t key;        /* the writer's group */
	pid_t pid;
	int64_t ms;          /* its close */
	char *path;
};

struct pcache {
	pid_t pid;
	int valid;
	int allowed;
	struct rp_proc_info info;
};

struct rp_watch {
	struct rp_watch_cb cb;
	void *ctx;
	enum rp_watch_action action;
	int block_client;
	char *rootreal[RP_WATCH_MAX_ROOTS];
	size_t nroots;
	struct allow allow[RP_WATCH_MAX_ALLOW];
	size_t nallow;
	char *shadow_dir;
	char shadow_real[PATH_MAX];
	char *shadow_max_name;
	struct rp_shadow *shadow;
	struct rp_fan *fan;
	struct rp_engine *engine;
	struct rp_scanner *scanner;
	struct rp_vpool *pool;
	struct deferred *defer;
	size_t ndefer;
	uint64_t max_pending;
	int64_t spin_us;         /* polling without sleeping while events come close */
	uint64_t shadow_max;
	struct rp_beh *beh;
	struct fstate *files;
	struct fstate *bg[BG_MAX];  /* the range epochs being completed (slots of files) */
	size_t nbg;
	struct pcache *procs;
	struct held held[NHELD];
	struct grow grow[NGROW];
	int late[GROW_LATE];     /* descriptors to close after the batch */
	struct looked looked[NLOOKED];  /* a ring: looked_next is the oldest */
	size_t looked_next;
	size_t nlate;
	struct rp_holds *holds;  /* every inode with our ignore mark (holds.h) */
	struct {
		uint64_t dev;
		int fd;
	} mountfd[MAX_MOUNTFD];  /* a directory per filesystem, to open file handles from */
	size_t nmountfd;
	int handles;         /* file handles open again (CAP_DAC_READ_SEARCH): marks can be
	                        taken off with no descriptor at hand */
	char **known_ext;
	size_t nknown, capknown;
	pid_t self;
	int procfd;          /* /proc/self/fd, for fd_path; -1 in a child (it names the
	                        parent's descriptors) or when it could not be opened */
	int stopfd;          /* eventfd: rp_watch_stop */
	pid_t kids[MAX_KIDS];  /* our children (rescan, journal, restore): never scored */
	int kidfd[MAX_KIDS];   /* a pidfd each, polled for its exit; -1: none (reaped at
	                          each turn of the loop instead) */
	size_t nkids;
	pid_t rescan_pid;
	int64_t t0_real;     /* the wall clock at start */
	int fixed_now;       /* times are t0_real + elapsed */
	int64_t t0_mono;     /* monotonic ms at start */
	unsigned keep_said;  /* KEEP_SAID_*: why copies failed, said once until an expiry */
	uint64_t events, copies, saved, alerts, overflows, dirs;
	int failed;          /* a callback's negative code: the run ends with it */
	int ran;
	struct rp_verdict v; /* scratch */
};

enum { KEEP_SAID_MAX = 1, KEEP_SAID_DISK = 2, KEEP_SAID_OTHER = 4 };

/* watch.c */
int64_t rp_watch_wall(const struct rp_watch *w);           /* seconds: see opts.fixed_now */
void rp_watch_warn(struct rp_watch *w, int code, const char *msg);  /* to on_warning */
struct pcache *rp_watch_proc_of(struct rp_watch *w, pid_t pid);   /* NULL: gone */
struct rp_beh_group *rp_watch_group_of(struct rp_watch *w, struct pcache *p, pid_t pid);
int rp_watch_ours(const struct rp_watch *w, pid_t pid);     /* the watcher or a child */
void rp_watch_proc_view(const struct pcache *p, struct rp_watch_proc *out);
int rp_watch_spawn(struct rp_watch *w, void (*fn)(struct rp_watch *w, void *arg), void *arg);
int rp_watch_fd_path(const struct rp_watch *w, int fd, char *buf, size_t cap);
int rp_watch_in_shadow(const struct rp_watch *w, const char *path);
int rp_watch_mark_tree(struct rp_watch *w, const char *path);
void rp_watch_collect(struct rp_watch *w);                 /* verdicts, then deferred */

/* watch-keep.c */
void rp_watch_keep_failed(struct rp_watch *w, int r);      /* says why, once per cause */
struct fstate *rp_watch_fstate_at(struct rp_watch *w, const struct stat *st, int create);
struct fstate *rp_watch_fstate_of(struct rp_watch *w, int fd, int create, struct stat *stp);
void rp_watch_epoch_end(struct rp_watch *w, struct fstate *f);
int rp_watch_keep_before_write(struct rp_watch *w, struct fstate *f, const struct rp_fan_event *ev,
    enum rp_proc_access acc, const struct stat *st, const char *path);
void rp_watch_bg_cancel(struct rp_watch *w, struct fstate *f);
void rp_watch_bg_step(struct rp_watch *w);
int rp_watch_handles_work(const char *dir);
void rp_watch_hold_on(struct rp_watch *w, struct fstate *f, int fd, int lazy);
void rp_watch_hold_off(struct rp_watch *w, struct rp_hold *h, int fd);
void rp_watch_hold_reopen(struct rp_watch *w, struct rp_hold *h, int fd, int fresh);
void rp_watch_hold_end(struct rp_watch *w, int fd, const struct stat *st);
int rp_watch_hold_drop_oldest(struct rp_watch *w);
void rp_watch_holds_overflow(struct rp_watch *w);
const char *rp_watch_head_class(int fd);                   /* "zip", "text"...; NULL */
void rp_watch_held_release(struct held *h);
void rp_watch_hold_fd(struct rp_watch *w, struct rp_beh_group *g, int fd, const char *path);
void rp_watch_save_deleted(struct rp_watch *w, struct rp_beh_group *g);
int rp_watch_held_structured(struct rp_watch *w, const char *path);
int rp_watch_held_live(const struct rp_watch *w, const char *path);
void rp_watch_held_deleted(struct rp_watch *w, struct rp_beh_group *g, const char *path);

/* watch-events.c */
void rp_watch_on_pre(struct rp_watch *w, struct rp_fan_event *ev, int retry);
void rp_watch_on_close(struct rp_watch *w, struct rp_fan_event *ev);
void rp_watch_on_verdict(struct rp_vjob *j, void *ctx);
void rp_watch_on_name(struct rp_watch *w, struct rp_fan_event *ev);
/* g changed a file under the tree or scored: the new files it closed that had a
 * cheap look only are judged whole now, and its next ones at once */
void rp_watch_changed(struct rp_watch *w, struct rp_beh_group *g);
void rp_watch_looked_init(struct rp_watch *w);
void rp_watch_looked_free(struct rp_watch *w);
int rp_watch_load_known(struct rp_watch *w, const char *data_dir);

/* watch-grow.c */
void rp_watch_grow_init(struct rp_watch *w);
void rp_watch_grow_free(struct rp_watch *w);
void rp_watch_grow_flush(struct rp_watch *w);              /* after each batch */
void rp_watch_grow_open(struct rp_watch *w, const struct rp_beh_group *g, struct rp_fan_event *ev,
    const struct stat *st);
void rp_watch_grow_closed(struct rp_watch *w, uint64_t dev, uint64_t ino);
int rp_watch_grow_random(struct rp_watch *w, const struct rp_beh_group *g);

/* watch-act.c */
int rp_watch_signal(struct rp_watch *w, struct rp_beh_group *g, pid_t pid, enum rp_sig s);
int rp_watch_note_canary_read(struct rp_watch *w, struct rp_beh_group *g, const struct pcache *p,
    pid_t pid, const char *path);

#endif
