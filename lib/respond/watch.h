/*
 * The watcher behind `riposte watch`: stops an encrypting process in real time, and
 * loses nothing.
 *
 * Shape. rp_watch_new marks every directory of the trees given with fanotify (inode
 * marks, never a mount: respond/fanotify.h), opens the shadow (respond/shadow.h), builds
 * the verdict engine and starts its worker threads (respond/vpool.h). rp_watch_run then
 * loops in the calling thread over the two fanotify groups, the verdicts coming back,
 * the children's exits and the stop descriptor, until rp_watch_stop:
 *  - before the first write to an existing file lands (a pre-content permission event,
 *    or the open's, kernel before 6.14), the file is copied into the shadow, or for a
 *    large file rewritten in place the ranges about to be written (then the rest in
 *    the background); a file read is kept open a while, so that when its reader
 *    deletes it and writes random files it is copied from that descriptor
 *    (watch-keep.c);
 *  - every access, close, delete and rename becomes signals scored per process group
 *    (respond/behaviour.h): a closed file is judged by a worker, its verdict before
 *    and after the write compared; a canary written, truncated, renamed or deleted is
 *    the strong signal, a canary read is noted (watch-events.c);
 *  - a group that reaches the threshold is acted on, once: stopped (SIGSTOP), killed
 *    and its files put back, or only reported; an smbd's client is named and may be
 *    blocked (watch-act.c).
 * The loop, the children and the set-up are in watch.c.
 *
 * The engine decides; the callbacks report (print, syslog, journal). Callbacks run on
 * the thread that called rp_watch_run (rp_watch_new's own warnings on its caller's),
 * one at a time; on_journal, on_restored and on_rescan run in a child process the
 * engine forked for the purpose, which ends when the callback returns (whatever they
 * write, under the watched trees too, is the watcher's own: never scored, never waited
 * for). Since the engine forks, a callback that writes to a stdio stream flushes it
 * before returning. Every pointer a callback receives is valid during the call only.
 * A callback of the run's thread returns 0 to go on or a negative RP_ERR_* to end the
 * run with it (an output that failed). Any callback may be NULL.
 *
 * Threads and ownership. An rp_watch belongs to the thread that runs it; its verdict
 * workers are its own business, and a callback is never called from them.
 * rp_watch_stop alone may be called from another thread or a signal handler. The
 * options are copied by rp_watch_new (the strings too); what the engine opened
 * (fanotify groups, the shadow, descriptors held, children) is released by
 * rp_watch_free, which also answers every access still held, so that no process stays
 * blocked. Nothing here prints, exits, reads the environment or changes the process's
 * signal dispositions or limits (the CLI raises RLIMIT_NOFILE and routes SIGTERM to
 * rp_watch_stop).
 */
#ifndef RP_WATCH_H
#define RP_WATCH_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/buf.h"
#include "respond/behaviour.h"

#define RP_WATCH_MAX_ROOTS 64
#define RP_WATCH_MAX_ALLOW 32

enum rp_watch_action {
	RP_WATCH_ALERT,      /* report only */
	RP_WATCH_STOP,       /* SIGSTOP the group: memory kept as evidence, accesses refused */
	RP_WATCH_KILL,       /* SIGKILL it, and put back the files it touched (a child) */
};

/* "alert", "stop", "kill". */
const char *rp_watch_action_name(enum rp_watch_action a);

/* A program never scored (backup software). */
struct rp_watch_allow {
	const char *exe;     /* absolute path of the executable */
	const char *sha256;  /* lowercase hex of its content, or NULL: any content */
};

struct rp_watch_opts {
	const char *const *paths;   /* the directories to watch (at most RP_WATCH_MAX_ROOTS) */
	size_t npaths;
	enum rp_watch_action action;
	int block_client;           /* an smbd acted on: drop its client (respond/samba.h) */
	const struct rp_watch_allow *allow;   /* at most RP_WATCH_MAX_ALLOW */
	size_t nallow;
	const char *shadow_dir;     /* where copies go; excluded when under a path */
	uint64_t shadow_max;        /* bound on the copies, bytes */
	const char *shadow_max_name;  /* the bound as the message that it was reached names
	                                 it ("--shadow-max 1G"); NULL: the bytes */
	int64_t shadow_keep;        /* copies older than this (seconds) expire, hourly */
	int64_t spin_us;            /* poll without sleeping while events come closer than
	                               this (0: never; see wait_events in watch.c) */
	int no_pre_content;         /* open permission events only, as before Linux 6.14 */
	const char *data_dir;       /* the verdict engine's data; NULL: compiled in */
	int64_t now;                /* the wall clock at the start, seconds */
	int fixed_now;              /* times are now + the time elapsed (a test's clock) */
};

/* Once the marks are in place. */
struct rp_watch_ready {
	uint64_t dirs;              /* directories marked */
	int pre_content;            /* the group has pre-content events */
	pid_t pid;                  /* the watcher's own */
};

/* The process behind a report, as /proc said at its first event. */
struct rp_watch_proc {
	int known;                  /* 0: it had gone; the strings are "", uid -1 */
	const char *exe;
	const char *cmdline;        /* arguments joined by spaces, truncated */
	int uid;
};

/* A group acted on. */
struct rp_watch_alert {
	int64_t time;               /* wall clock, seconds */
	pid_t pid;                  /* the process whose signal crossed the threshold */
	const pid_t *pids;          /* the group's processes */
	size_t npids;
	struct rp_watch_proc proc;  /* of pid */
	int smbd;                   /* pid is an smbd: client and user say whom it serves */
	const char *client;         /* "" when smbstatus did not say */
	const char *user;
	int blocked;                /* the client's address was dropped (block_client) */
	const char *const *files;   /* files the group wrote, deleted or renamed (the first
	                               RP_BEH_MAX_FILES) */
	size_t nfiles;
	uint64_t files_touched;     /* all of them */
	const unsigned *counts;     /* signals seen, per enum rp_sig (RP_SIG_N) */
	int score;
	enum rp_watch_action action;
	const char *result;         /* "reported", "stopped", "killed", "refused" (no
	                               process could be signalled), "vanished" */
	int64_t action_time;        /* wall clock, seconds, after the action */
	int64_t action_unix_ms;     /* the real clock then, milliseconds */
	int64_t latency_ms;         /* from the group's first signal to the action */
	int64_t first_write_to_action_ms;   /* from its first write under the paths; -1 */
	int restoring;              /* RP_WATCH_KILL: a child puts the files back */
};

/* The first canary a group read: noted, not acted on (every backup reads every file). */
struct rp_watch_canary_read {
	int64_t time;
	pid_t pid;
	struct rp_watch_proc proc;
	const char *path;
};

/* After a queue overflow, the files changed since the start, scanned in a child. */
struct rp_watch_rescan {
	uint64_t files;             /* changed since the start */
	uint64_t random;            /* of which encrypted or partial */
	const char *const *paths;   /* the first 20 of those */
	size_t npaths;
};

struct rp_watch_cb {
	int (*on_ready)(const struct rp_watch_ready *r, void *ctx);
	int (*on_alert)(const struct rp_watch_alert *a, void *ctx);
	int (*on_canary_read)(const struct rp_watch_canary_read *c, void *ctx);
	/* what went wrong without ending the run, said once per cause: code is the
	 * RP_ERR_* of the cause, msg one line saying what it means */
	int (*on_warning)(int code, const char *msg, void *ctx);
	/* the kernel's queue overflowed: events were lost; a rescan follows */
	int (*on_overflow)(int64_t time, void *ctx);
	/* in a child: the rescan after an overflow */
	void (*on_rescan)(const struct rp_watch_rescan *r, void *ctx);
	/* in a child, after RP_WATCH_KILL: the files the group touched are back */
	void (*on_restored)(pid_t pid, uint64_t restored, uint64_t failed, void *ctx);
	/* whether on_journal is wanted now (in the run's thread: cheap, nothing opened
	 * under the watched trees); NULL: always, when on_journal is set */
	int (*journal_wanted)(void *ctx);
	/* in a child: record an alert (a) or a canary read (c) in the case (one of the two
	 * is set); time is the engine's wall clock */
	void (*on_journal)(const struct rp_watch_alert *a, const struct rp_watch_canary_read *c,
	    int64_t time, void *ctx);
};

struct rp_watch_stats {
	uint64_t alerts, events, copies, saved, overflows, dirs;
};

struct rp_watch;

/*
 * Checks the paths, builds the verdict engine, opens the shadow and the fanotify
 * groups and marks the trees (warnings, such as a filesystem without pre-content
 * events, go to cb->on_warning already). cb and ctx are kept (cb may be NULL).
 * Returns 0, or an RP_ERR_* with errmsg (optional) saying what could not be done:
 * RP_ERR_NOTFOUND or RP_ERR_INVALID (a path), RP_ERR_PERM (no CAP_SYS_ADMIN),
 * RP_ERR_UNSUPPORTED (a filesystem that refuses permission events), RP_ERR_NOMEM...
 */
int rp_watch_new(struct rp_watch **out, const struct rp_watch_opts *o, const struct rp_watch_cb *cb,
    void *ctx, struct rp_buf *errmsg);

/*
 * Says ready, then watches until rp_watch_stop; collects the verdicts still out (5 s
 * at most) and answers every access still held before it returns. Returns 0, a
 * callback's negative code, or an RP_ERR_* with errmsg (optional) saying why the loop
 * could not go on. Runs once per rp_watch.
 */
int rp_watch_run(struct rp_watch *w, struct rp_buf *errmsg);

/* Ends rp_watch_run soon (a write to an eventfd). Async-signal-safe, callable from any
 * thread; in a child of the watcher it does nothing. */
void rp_watch_stop(struct rp_watch *w);

/* The counters so far. */
void rp_watch_stats(const struct rp_watch *w, struct rp_watch_stats *st);

void rp_watch_free(struct rp_watch *w);     /* accepts NULL */

#endif
