/*
 * The files that carry watch's ignore mark (rp_fan_hold), known exactly.
 *
 * A mark stops the pre-access events of one inode for every process. One the watcher
 * forgets stays until the inode leaves the cache, and the first write of an attacker
 * to that file then lands without being asked, so uncopied. The watcher's per-file
 * state is a cache that may drop an entry at any time (a collision, a lost close after
 * a queue overflow); this table may not: it drops an entry only when its caller has
 * taken the mark off.
 *
 * Each entry may carry a file handle (name_to_handle_at), so that a mark can be taken
 * off with no descriptor of the file at hand: the oldest when the table fills up,
 * every one after a queue overflow.
 *
 * An entry is open (its holder's close has not come) or closed (a mark kept past the
 * close, taken off at the next open of the file, or by age). The closed ones are
 * queued in the order they closed.
 *
 * Not thread-safe: the watcher's main thread owns it. A pointer returned stays good
 * until the next rp_holds_add or rp_holds_del.
 */
#ifndef RP_HOLDS_H
#define RP_HOLDS_H

#include <stddef.h>
#include <stdint.h>

#define RP_HOLD_HANDLE 40     /* bytes of file handle kept (ext4 8, XFS 12-16, btrfs 20) */

struct rp_hold {
	uint64_t dev, ino;
	uint64_t seq;             /* order of the close: the oldest closed goes first */
	int lazy;                 /* kept past the close */
	int closed;               /* its holder closed the file */
	int htype;                /* the file handle: its type and hlen bytes (0: none) */
	unsigned hlen;
	unsigned char h[RP_HOLD_HANDLE];
};

struct rp_holds;

/* A table for up to cap entries (1..1<<20). Returns 0, RP_ERR_NOMEM or RP_ERR_INVALID. */
int rp_holds_new(struct rp_holds **out, size_t cap);
void rp_holds_free(struct rp_holds *hs);          /* accepts NULL */

size_t rp_holds_count(const struct rp_holds *hs);
size_t rp_holds_cap(const struct rp_holds *hs);
size_t rp_holds_nclosed(const struct rp_holds *hs);

/* The entry of (dev, ino), or NULL. */
struct rp_hold *rp_holds_find(struct rp_holds *hs, uint64_t dev, uint64_t ino);

/* A new open entry for (dev, ino), zeroed but for its key, or the one already there.
 * NULL when the table is full: the caller takes the oldest closed one off first
 * (rp_holds_oldest_closed), or adds no mark. */
struct rp_hold *rp_holds_add(struct rp_holds *hs, uint64_t dev, uint64_t ino);

/* Its holder closed the file: h is queued as the newest closed entry. */
void rp_holds_close(struct rp_holds *hs, struct rp_hold *h);

/* A closed entry held again: open, out of the queue. */
void rp_holds_open(struct rp_holds *hs, struct rp_hold *h);

/* Removes h (its mark is off). */
void rp_holds_del(struct rp_holds *hs, struct rp_hold *h);

/* The closed entry that closed first, or NULL; the caller takes its mark off and
 * deletes it (it is no longer queued). */
struct rp_hold *rp_holds_oldest_closed(struct rp_holds *hs);

/* The entry at slot *it or after it, *it moved past it; NULL at the end. Start with
 * *it = 0. Deleting during the walk is not allowed: walk, then rp_holds_clear. */
struct rp_hold *rp_holds_next(struct rp_holds *hs, size_t *it);

/* Removes every entry (all their marks are off). */
void rp_holds_clear(struct rp_holds *hs);

#endif
