/*
 * What the forensic commands (baseline, diff, timeline, exfil) know about one entry of
 * a tree: its path below the root, type, ownership, size, inode, the four MACB times
 * from statx (btime where the filesystem records it) and, once hashed, its SHA-256 and
 * sampled entropy. A set holds the entries of one root with an index by path.
 * Not thread-safe: a set belongs to one thread, except that a hash pool's workers fill
 * in the hash fields of entries handed to them (see hashpool.h).
 */
#ifndef RP_FENTRY_H
#define RP_FENTRY_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "fs/walk.h"

#define RP_FT_FILE  'f'
#define RP_FT_DIR   'd'
#define RP_FT_LINK  'l'
#define RP_FT_OTHER 'o'

struct rp_fentry {
	char *path;              /* below the root, bytes, NUL-terminated, owned */
	size_t pathlen;
	char type;               /* RP_FT_* */
	uint32_t mode;           /* st_mode, type bits included */
	uint32_t uid, gid;
	uint64_t ino, size, nlink;
	int64_t atime, mtime, ctime, btime;      /* seconds since the epoch */
	int32_t atime_ns, mtime_ns, ctime_ns, btime_ns;
	int has_btime;           /* the filesystem gave a birth time */
	int has_hash;            /* sha256 and entropy are set */
	unsigned char sha256[32];/* content; for a symlink, its target */
	double entropy;          /* bits per byte of the sampled content, -1 unknown */
	int want_scan;           /* the hash pool also asks the scan engine for a verdict */
	int has_expect;          /* scan only when the hash differs from expect */
	unsigned char expect[32];
	int verdict;             /* enum rp_verdict_kind when scanned, else -1 */
	int err;                 /* RP_ERR_* met while hashing (unreadable, changed), or 0 */
	int noatime;             /* read with O_NOATIME */
	int dirty;               /* differs from the stored baseline (baseline writes it) */
};

struct rp_fset {
	struct rp_fentry **v;    /* entries, in insertion order */
	size_t n, cap;
	size_t *index;           /* open addressing over v by path; SIZE_MAX = empty */
	size_t icap;
};

void rp_fset_init(struct rp_fset *s);
void rp_fset_release(struct rp_fset *s);     /* frees the entries too */
/* Adds a copy of path; the new entry (zeroed, verdict -1, entropy -1) goes to *out. */
int rp_fset_add(struct rp_fset *s, const char *path, size_t len, struct rp_fentry **out);
struct rp_fentry *rp_fset_get(const struct rp_fset *s, const char *path, size_t len);
/* Sorts v by path bytes (the index stays valid). */
int rp_fset_sort(struct rp_fset *s);

/* Fills the metadata of f from statx of name in dirfd, not following a symlink; st
 * (the walk's lstat) is the fallback where statx is missing. Changes no time. */
int rp_fentry_stat(struct rp_fentry *f, int dirfd, const char *name, const struct stat *st);

/* "file", "dir", "symlink", "other" */
const char *rp_ftype_name(char type);

/* A size for people: "512 bytes", "1.2 GiB" (binary units), into out (cap bytes). */
void rp_fx_bytes(char *out, size_t cap, uint64_t n);

/* Where a walk entry's path starts below the root: the length to skip in e->path. */
size_t rp_fx_root_skip(const char *root);

#endif
