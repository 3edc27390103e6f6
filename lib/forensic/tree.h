/*
 * Collecting a tree for the forensic commands: the walk (lib/fs/walk.h) with statx of
 * every entry, and, for baseline and diff, SHA-256 of the regular files by a pool of
 * threads (one scan-engine scanner each, for the "looks encrypted" verdict).
 */
#ifndef RP_FX_TREE_H
#define RP_FX_TREE_H

#include <stdint.h>

#include "forensic/fentry.h"
#include "fs/walk.h"

struct rp_engine;
struct rp_hashpool;

/* jobs threads; engine optional (NULL: entries are never scanned). */
int rp_hashpool_new(struct rp_hashpool **out, unsigned jobs, struct rp_engine *engine);
/* Hands f and its open descriptor fd (the pool closes it) to a worker, which sets
 * f->sha256, has_hash, entropy, noatime, err, and f->verdict when f->want_scan. Blocks
 * while the queue is full. f must stay alive until rp_hashpool_finish. */
int rp_hashpool_submit(struct rp_hashpool *p, struct rp_fentry *f, int fd);
/* Waits for every submitted entry; returns 0 or the first fatal error of a worker. */
int rp_hashpool_finish(struct rp_hashpool *p);
void rp_hashpool_free(struct rp_hashpool *p);     /* accepts NULL; finishes first */

enum rp_fx_hash {
	RP_FX_HASH_NONE,      /* metadata only (timeline, exfil) */
	RP_FX_HASH_CHANGED,   /* hash new files and those whose size, mtime, ctime or inode
	                         differ from old; reuse old's hash for the others */
	RP_FX_HASH_ALL,       /* hash every regular file */
};

struct rp_fx_opts {
	struct rp_walk_opts walk;
	int allow_atime;          /* hash files even where O_NOATIME is refused */
	enum rp_fx_hash hash;
	int scan_changed;         /* scan files that are new or whose hash may differ */
};

struct rp_fx_stats {
	uint64_t hashed;          /* files handed to the pool */
	uint64_t bytes_hashed;    /* their sizes */
	uint64_t reused;          /* files whose stored hash was kept */
	uint64_t unreadable;      /* files that could not be opened */
	struct rp_walk_stats walk;
};

/* Walks root into out (paths below root; the root itself is not an entry). old
 * (optional) is the baseline to compare against for RP_FX_HASH_CHANGED. pool is needed
 * unless hash is NONE. After rp_hashpool_finish, every hashed entry is complete.
 * Returns 0 or an RP_ERR_* (RP_ERR_NOTFOUND etc. when root cannot be walked). */
int rp_fx_collect(const char *root, const struct rp_fx_opts *o, const struct rp_fset *old,
    struct rp_hashpool *pool, struct rp_fset *out, struct rp_fx_stats *stats);

/* Whether f's content may differ from old's by metadata: size, mtime, ctime, inode. */
int rp_fx_maybe_changed(const struct rp_fentry *old, const struct rp_fentry *f);

#endif
