/*
 * The parallel tree scan behind `riposte scan`: a verdict for every file of the trees
 * given, and the summary of them (counts and bytes per verdict, the attack window,
 * ransom-note names, appended extensions, per top-level directory).
 *
 * The walk (lib/fs/walk.h) runs in the thread that calls rp_treescan_run and opens
 * each file there (the descriptor outlives the walk's directory descriptor); `jobs`
 * worker threads judge them, each with one scanner (detect/engine.h) created once and
 * reused for every file. Results come back in walk order through a bounded ring, so
 * the callbacks see the same sequence whatever the number of jobs, and memory stays
 * flat however big the tree.
 *
 * Callbacks run on the thread that called rp_treescan_run, one at a time, in walk
 * order (the roots in the order given, then the byte order of names), never with an
 * internal lock held; except the small texts with some evidence of a note that is not
 * enough alone (rp_verdict.dup_hash): they come last, in walk order among themselves,
 * as notes when the same content lies in 3 folders or more (detect/dupnote.h; at most
 * 4,096 are held, later ones come in walk order as they are):
 *  - on_verdict: every file and every entry that could not be judged (SKIPPED with
 *    the reason: not regular, unreadable, vanished, outside the tree's filesystem);
 *  - on_warning: before the verdict of an entry the walk could not examine or a
 *    directory it did not enter, and once for a root that could not be scanned;
 *  - on_progress: after each verdict, with the running totals.
 * Every pointer a callback receives is valid during the call only. on_verdict and
 * on_warning return 0 to go on, or a negative RP_ERR_* to stop the run with it.
 * Any callback may be NULL.
 *
 * Nothing here prints, exits or reads the environment. Evidence is not touched: files
 * and directories are opened with O_NOATIME (see rp_scan_open, rp_walk) and read with
 * pread. An rp_treescan belongs to one thread (its workers are its own business);
 * separate scans may run at once.
 */
#ifndef RP_TREESCAN_H
#define RP_TREESCAN_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "detect/engine.h"
#include "fs/walk.h"

struct rp_treescan_opts {
	const char *data_dir;        /* NULL: the rules and lists compiled into the binary */
	int jobs;                    /* worker threads; 0: the number of cores (at most 64);
	                                1: files are judged in the calling thread */
	int full;                    /* read every byte instead of sampling */
	int type_all;                /* name the type (libmagic) of ok files too */
	int allow_atime;             /* read files and list directories where O_NOATIME is
	                                refused (their access times may change) */
	int cross_mounts;            /* enter other filesystems mounted below a root */
	const char *const *exclude;  /* fnmatch(3) globs on paths and names; must outlive */
	size_t nexclude;             /* the scan */
	int64_t since, until;        /* only files whose mtime is within [since, until];
	                                RP_TIME_UNSET: open (0 is a time, not "unset") */
};

/* What on_verdict gets for each file, in walk order. */
struct rp_treescan_file {
	const char *path;            /* display path: the root as given, then "/" and the
	                                names; bytes, NUL-terminated */
	size_t pathlen;
	const char *topdir;          /* the top-level directory below its root it counts in
	                                (the root itself for a file directly in it) */
	const struct rp_verdict *v;
};

enum rp_treescan_warn_kind {
	RP_TSW_ROOT,                 /* a root could not be scanned (code says why); the
	                                other roots are scanned */
	RP_TSW_UNREADABLE,           /* an entry the walk could not examine or list */
	RP_TSW_NOT_ENTERED,          /* a directory not entered: another filesystem
	                                (without cross_mounts), a bind-mount cycle */
};

struct rp_treescan_warning {
	enum rp_treescan_warn_kind kind;
	const char *root;            /* the root being scanned, as given */
	const char *path;            /* the entry (for RP_TSW_ROOT, the root) */
	size_t pathlen;
	const char *what;            /* the walk's reason ("cannot list directory", ...);
	                                for RP_TSW_ROOT rp_strerror(code) */
	int code;                    /* RP_TSW_ROOT: the negative RP_ERR_* (RP_ERR_PERM:
	                                listing it would change its access time); else 0 */
	int sys_errno;               /* the errno of the failed call, or 0 */
};

struct rp_treescan_cb {
	int (*on_verdict)(const struct rp_treescan_file *f, void *ctx);
	int (*on_warning)(const struct rp_treescan_warning *w, void *ctx);
	void (*on_progress)(uint64_t files, uint64_t bytes, const char *path, void *ctx);
};

/* One line of the summary's lists: a note's name, an extension, a directory. */
struct rp_treescan_count {
	char *key;                   /* bytes, NUL-terminated (names hold no NUL) */
	uint64_t n[RP_V_NKINDS];     /* per verdict kind (kept for dirs only) */
	uint64_t total;              /* files counted under this key */
};

struct rp_treescan_summary {
	uint64_t files;                   /* verdicts given (skipped entries included) */
	uint64_t count[RP_V_NKINDS];      /* per verdict kind */
	uint64_t bytes[RP_V_NKINDS];      /* sizes per verdict kind */
	uint64_t bytes_all;
	int64_t first_enc, last_enc;      /* earliest and latest mtime of the encrypted and
	                                     partial files; RP_TIME_UNSET when none */
	uint64_t read_without_noatime;    /* files read without O_NOATIME (allow_atime) */
	uint64_t filtered;                /* files outside [since, until], not scanned */
	uint64_t roots_failed;            /* roots reported with RP_TSW_ROOT */
	const struct rp_treescan_count *notes;  /* ransom notes by name: most first, then */
	size_t nnotes;                          /* by name */
	const struct rp_treescan_count *exts;   /* extensions appended to encrypted and */
	size_t nexts;                           /* partial files (last one, no dot): ditto */
	const struct rp_treescan_count *dirs;   /* per top-level directory, by name */
	size_t ndirs;
	struct rp_walk_stats walk;        /* what the walks met */
};

struct rp_treescan;

/* Builds the verdict engine (rules, lists) and copies what it needs of o; cb and ctx
 * are kept (cb may be NULL). errmsg (optional) says why it failed (a YARA compile
 * error). Threads start only in rp_treescan_run. */
int rp_treescan_new(struct rp_treescan **out, const struct rp_treescan_opts *o,
    const struct rp_treescan_cb *cb, void *ctx, struct rp_buf *errmsg);
void rp_treescan_free(struct rp_treescan *ts);              /* accepts NULL */

/*
 * Scans each root (a directory or a file; a root given as a symlink is followed, none
 * below it). Returns 0 when every root went through (what could not be read was
 * reported as SKIPPED), a callback's negative code (the run stops), an RP_ERR_* when
 * the scan itself could not start (memory, threads), or the first root's error when a
 * root could not be scanned (reported by on_warning; the other roots are scanned).
 * Calling it again scans more roots into the same summary.
 */
int rp_treescan_run(struct rp_treescan *ts, const char *const *roots, size_t nroots);

/* The summary of everything scanned so far, lists sorted; valid until the next
 * rp_treescan_run or rp_treescan_free. */
const struct rp_treescan_summary *rp_treescan_summary(const struct rp_treescan *ts);

#endif
