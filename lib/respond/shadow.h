/*
 * The shadow: copies of files taken just before their first write (or a hard link
 * taken at their first read, which keeps a deleted file's data), so that what an
 * attacker touched before it was stopped comes back.
 *
 * A shadow is a directory (mode 0700, outside the watched trees or excluded from
 * them) with the copies and an append-only text index, one line per copy:
 *   v2 TAB time TAB how TAB dev TAB ino TAB size TAB verdict TAB pid TAB file TAB offset
 *   TAB hexpath TAB mtime_ns
 * (v1 lines, without offset, are still read). A range line is v3: the same fields,
 * then TAB foff TAB flen.
 * A large file rewritten in place is not copied whole before its first write: each
 * write's range of the original (from the pre-content event, page-aligned) is kept
 * instead, before it lands (and the watcher may keep the rest as more ranges, while the
 * writer goes on), and a restore lays those ranges, newest first, over the
 * file's current content (the same inode, at its path or renamed in its directory),
 * then cuts it to its original size. Copies go into pack files, size bytes at
 * offset, one pack per watcher run, per expiry and per 256 MiB (creating a file per copy
 * costs more than the copy itself: inode allocation). how is clone (a FICLONERANGE
 * reflink into the pack at a 4 KiB boundary: btrfs, XFS), copy (copy_file_range) or
 * link (a hard link of the original, same filesystem only). Disk use is bounded by max_bytes (links
 * count nothing while the original exists); entries older than keep seconds expire,
 * and a file of the shadow that no remaining entry names is removed.
 * Not thread-safe: one owner.
 */
#ifndef RP_SHADOW_H
#define RP_SHADOW_H

#include <stdint.h>
#include <sys/types.h>

struct rp_shadow;

enum rp_shadow_how { RP_SHADOW_CLONE, RP_SHADOW_COPY, RP_SHADOW_LINK, RP_SHADOW_RANGE };

struct rp_shadow_entry {
	int64_t time;
	enum rp_shadow_how how;
	uint64_t dev, ino, size;
	int64_t mtime_ns;        /* the file's mtime when kept (a link is good while it stays) */
	char verdict[16];        /* the engine's verdict on the content kept ("ok", "encrypted") */
	pid_t pid;               /* the process about to write (or read) it */
	char file[32];           /* name of the copy (or pack) inside the shadow directory */
	uint64_t offset;         /* where the content starts in file (packs) */
	uint64_t foff, flen;     /* range: flen bytes of the original at foff (size is the
	                            original's size, mtime_ns its mtime) */
	char path[4096];         /* the original path (bytes) */
	size_t pathlen;
};

/* Opens (creating) the shadow directory dir, expiring entries older than keep
 * seconds before now. max_bytes bounds the copies. */
int rp_shadow_open(struct rp_shadow **out, const char *dir, uint64_t max_bytes, int64_t keep,
    int64_t now);
void rp_shadow_free(struct rp_shadow *sh);          /* accepts NULL */
/* Drops the entries older than keep seconds before now and removes what no entry
 * names any more (rp_shadow_open does it once; a long-running watcher again from
 * time to time); the next copy starts a new pack. Returns 0 or an RP_ERR_*. */
int rp_shadow_expire(struct rp_shadow *sh, int64_t now);
uint64_t rp_shadow_used(const struct rp_shadow *sh);
const char *rp_shadow_how_name(enum rp_shadow_how how);

/* Keeps the content of the file open as fd (read through that descriptor only),
 * known by path, in the shadow: a clone, else a copy, or with link set a hard link.
 * Returns 0 with *how set, RP_ERR_TOOBIG when the copy would pass max_bytes (nothing
 * kept), RP_ERR_NOSPACE when the shadow's filesystem is full (nothing kept), or an
 * RP_ERR_*. */
int rp_shadow_keep(struct rp_shadow *sh, int fd, const char *path, int link, int64_t now,
    pid_t pid, const char *verdict, enum rp_shadow_how *how);

/* Keeps flen bytes at foff of the file open as fd, whose content before this
 * writer was orig_size bytes with mtime orig_mtime_ns: a range entry (see above).
 * Returns 0, RP_ERR_TOOBIG, RP_ERR_NOSPACE (as rp_shadow_keep), or an RP_ERR_*. */
int rp_shadow_keep_range(struct rp_shadow *sh, int fd, const char *path, uint64_t orig_size,
    int64_t orig_mtime_ns, uint64_t foff, uint64_t flen, int64_t now, pid_t pid,
    const char *verdict);

/* Parses one index line (without its newline). Returns 0 or RP_ERR_FORMAT. */
int rp_shadow_parse(const char *line, size_t len, struct rp_shadow_entry *e);

/* The result of restoring one original path. */
enum rp_restore_result { RP_RESTORE_DONE, RP_RESTORE_INTACT, RP_RESTORE_FAILED };

/* Restores, for every original path in the index of dir (those starting with one of
 * the prefixes when nprefix > 0), the newest copy whose verdict was not encrypted or
 * partial, unless the file there is still the linked original. Writes a temporary
 * file next to the path and renames it over. cb is told each result (err is the
 * RP_ERR_* of a failure). Returns 0 or an RP_ERR_* when the index cannot be read. */
int rp_shadow_restore(const char *dir, const char *const *prefix, size_t nprefix,
    void (*cb)(const struct rp_shadow_entry *e, enum rp_restore_result res, int err, void *ctx),
    void *ctx);

/* Whether FICLONE works in directory dir (tries it on a scratch file there): 1, 0,
 * or an RP_ERR_* when no scratch file could be made. */
int rp_shadow_can_clone(const char *dir);

#endif
