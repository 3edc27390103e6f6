/*
 * The tree walk every subcommand uses: openat/fstatat relative to open directory
 * descriptors, never following a symbolic link below a root (a root given as a
 * symlink is followed, as find -H does), directories opened with O_NOATIME so that
 * listing them changes no access time, entries visited in byte order of their names
 * (so that outputs are deterministic), any depth (a 10,000-deep tree uses a bounded
 * number of descriptors), bind-mount cycles detected, other filesystems not entered
 * unless asked.
 *
 * Not thread-safe per walk; separate walks may run in separate threads.
 */
#ifndef RP_WALK_H
#define RP_WALK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

enum rp_walk_kind {
	RP_WALK_FILE,    /* a regular file */
	RP_WALK_DIR,     /* a directory, before its contents; return RP_WALK_PRUNE to skip them */
	RP_WALK_OTHER,   /* symlink, FIFO, socket, device, or a directory not entered */
	RP_WALK_ERROR,   /* an entry that could not be examined or listed */
};

#define RP_WALK_PRUNE 1

struct rp_walk_opts {
	int cross_mounts;              /* enter other filesystems below a root */
	int allow_atime;               /* list directories even where O_NOATIME is refused */
	const char *const *exclude;    /* fnmatch(3) globs matched on the path and on the name */
	size_t nexclude;
	int prefetch_dirs;             /* a helper thread lists the directories the walk will
	                                  enter next, ahead of it (cold caches: see walk.c) */
	int open_files;                /* regular files (by the directory's d_type) are opened
	                                  by the walk, as rp_open_evidence does, and fstat'ed
	                                  instead of stat'ed by name: FILE entries may then
	                                  carry a descriptor (rp_walk_entry.fd; see walk.c) */
};

struct rp_walk_entry {
	enum rp_walk_kind kind;
	int dirfd;                /* the open directory holding name, valid during the callback */
	const char *name;         /* name within dirfd */
	const char *path;         /* display path: the root as given, then "/" and the names */
	size_t pathlen;
	const struct stat *st;    /* lstat of the entry; NULL when it could not be taken */
	int depth;                /* 0 for a root */
	const char *what;         /* OTHER and ERROR: a short reason ("fifo", "symlink", ...) */
	int sys_errno;            /* ERROR: the errno of the failed call, or 0 */
	int fd;                   /* FILE with open_files: the file, open read-only (O_NOFOLLOW,
	                             O_NONBLOCK, O_CLOEXEC), st its fstat; the callback takes it
	                             (closes it). -1 otherwise: open it from dirfd and name */
	int noatime;              /* with fd: opened with O_NOATIME (0: allow_atime fallback) */
};

/* Returns 0 to go on, RP_WALK_PRUNE (for a DIR) not to enter it, a negative RP_ERR_*
 * to stop the walk with that code. */
typedef int (*rp_walk_fn)(const struct rp_walk_entry *e, void *ctx);

struct rp_walk_stats {
	uint64_t dirs;           /* directories listed */
	uint64_t files;          /* regular files reported */
	uint64_t others;         /* entries reported as OTHER */
	uint64_t errors;         /* entries reported as ERROR */
	uint64_t excluded;       /* entries left out by an --exclude glob */
	uint64_t mounts_skipped; /* directories on another filesystem, not entered */
	uint64_t dirs_atime;     /* directories listed without O_NOATIME (allow_atime) */
	uint64_t dirs_prefetched; /* listed ahead by the helper (prefetch_dirs) */
};

/* Walks root, calling fn for each entry (root included). Returns 0 when the walk went
 * through (entries that failed were reported as ERROR), the callback's negative code,
 * or an RP_ERR_* when root itself cannot be examined. stats (optional) accumulates. */
int rp_walk(const char *root, const struct rp_walk_opts *o, rp_walk_fn fn, void *ctx,
    struct rp_walk_stats *stats);

#endif
