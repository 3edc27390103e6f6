/*
 * Per-process behaviour scoring for watch: signals (content turned random, type lost,
 * read then overwrite, read then new file then delete, rename to an unknown extension,
 * ransom note, canary changed, canary read) are added to a group, the processes of one session (a
 * forker's children score together) or one process (an smbd serving one client);
 * a group whose weighted signals within the sliding window reach the threshold is to
 * be acted on, once.
 *
 * Pure bookkeeping: no system calls. Not thread-safe: one owner.
 */
#ifndef RP_BEHAVIOUR_H
#define RP_BEHAVIOUR_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum rp_sig {
	RP_SIG_RANDOMISED,      /* a structured file's content turned random */
	RP_SIG_TYPE_LOST,       /* the file's header no longer matches its type */
	RP_SIG_READ_OVERWRITE,  /* read, then overwritten with random content */
	RP_SIG_NEW_RANDOM,      /* a new file with random content (one alone is benign) */
	RP_SIG_READ_NEW_DELETE, /* read, a new random file written, the original deleted */
	RP_SIG_RENAME_UNKNOWN,  /* renamed to an unknown extension */
	RP_SIG_NOTE,            /* a ransom note written */
	RP_SIG_CANARY,          /* a canary file written, truncated, renamed or deleted */
	RP_SIG_CANARY_READ,     /* a canary file read: a little, never enough alone (a
	                           backup reads every file); not a "first signal" either */
	RP_SIG_N
};

const char *rp_sig_name(enum rp_sig s);     /* "randomised", "type-lost", ... */
int rp_sig_weight(enum rp_sig s);           /* the threshold is 100 */

#define RP_BEH_THRESHOLD 100
#define RP_BEH_MAX_PIDS 32
#define RP_BEH_MAX_FILES 64
#define RP_BEH_RING 128
#define RP_BEH_READS 512
#define RP_BEH_PEND 16

struct rp_beh_hit {
	int64_t ms;
	enum rp_sig sig;
};

struct rp_beh_group {
	uint64_t key;                       /* session id or pid (see rp_beh_key) */
	int64_t first_ms, last_ms;          /* first and last activity */
	int64_t first_bad_ms;               /* first signal (a canary read aside), 0 before */
	int64_t first_write_ms;             /* first write under the watched paths, 0 before */
	int acted;                          /* the action was taken */
	unsigned counts[RP_SIG_N];          /* signals ever seen */
	struct rp_beh_hit ring[RP_BEH_RING];
	size_t nring, ringpos;
	pid_t pids[RP_BEH_MAX_PIDS];        /* processes with activity under the watched paths */
	size_t npids;
	char *files[RP_BEH_MAX_FILES];      /* files written, deleted or renamed (owned) */
	size_t nfiles;
	uint64_t nfiles_total;              /* distinct files touched, also beyond the list */
	uint64_t reads[RP_BEH_READS];       /* hashes of paths read */
	size_t nreads;
	uint64_t new_random;                /* new random files not yet matched with a delete */
	uint64_t read_deletes;              /* deletes of read files not yet matched */
	int64_t random_new_ms;              /* last new file of random content (not a tool's) */
	/* names waiting for their pair: a new random file and the structured file it
	 * replaces ("a.docx" read and deleted, "a.docx.locked" written), in either order */
	unsigned awaiting;                  /* suspicious closes whose verdict is awaited:
	                                       the group's next accesses wait for them */
	int changed;                        /* set by watch: the group wrote over, truncated,
	                                       renamed or deleted a file under the tree (its
	                                       new files get the full verdict at once) */
	char *pend_new[RP_BEH_PEND];        /* owned */
	char *pend_del[RP_BEH_PEND];        /* owned */
	size_t npend_new, npend_del;        /* next slot (rings) */
	/* the last renames of files the group touched, new name -> old (a close read
	 * after the rename names the file by its new name: it is one file) */
	char *ren_to[RP_BEH_PEND], *ren_from[RP_BEH_PEND];  /* owned */
	size_t nren;                        /* next slot (ring) */
};

struct rp_beh;

int rp_beh_new(struct rp_beh **out, int64_t window_ms);
void rp_beh_free(struct rp_beh *b);         /* accepts NULL */

/* The group key of a process: its pid when exe's name is smbd (one process per client;
 * all smbd share a session), else its session id (or its pid when sid <= 1). */
uint64_t rp_beh_key(pid_t pid, pid_t sid, const char *exe);

/* The group of key, created when new (NULL on allocation failure). */
struct rp_beh_group *rp_beh_group(struct rp_beh *b, uint64_t key, int64_t now_ms);
/* The group if it exists, else NULL. */
struct rp_beh_group *rp_beh_find(struct rp_beh *b, uint64_t key);

/* Records pid's activity in g. */
void rp_beh_pid(struct rp_beh_group *g, pid_t pid, int64_t now_ms);
/* Records that g touched path (written, deleted, renamed); returns 1 when it was new.
 * A path g renamed a touched file to counts as that file, under its old name. */
int rp_beh_touch(struct rp_beh_group *g, const char *path);
/* Records that g renamed a file it touched from from to to: one file, under the name
 * it had (an entry already made under to, by a close read after the rename, takes
 * the name from). */
void rp_beh_touch_renamed(struct rp_beh_group *g, const char *from, const char *to);
/* Whether path is in g's list of files touched. */
int rp_beh_touched(const struct rp_beh_group *g, const char *path);
/* Records a read / tells whether path was read by g. */
void rp_beh_read(struct rp_beh_group *g, const char *path);
int rp_beh_was_read(const struct rp_beh_group *g, const char *path);

/* Whether newp is named like the encrypted copy of orig: its base name is orig's
 * followed by an extension or a tag ("a.docx.locked", "a.docx[id].x", "a.docx_enc"), or
 * both have the same stem before the first dot ("a.docx" and "a.enc"). */
int rp_beh_replaces(const char *orig, const char *newp);
/* A new random file / the delete of a structured file g had read: returns 1 when it
 * pairs with a waiting name of the other kind (which is consumed), else keeps it
 * waiting (the oldest waiting name goes when the ring is full) and returns 0. */
int rp_beh_pair_new(struct rp_beh_group *g, const char *path);
int rp_beh_pair_delete(struct rp_beh_group *g, const char *path);

/* Adds a signal. Returns the score within the window after it. */
int rp_beh_add(struct rp_beh_group *g, enum rp_sig s, int64_t now_ms, int64_t window_ms);
/* The score within the window ending at now_ms. */
int rp_beh_score(const struct rp_beh_group *g, int64_t now_ms, int64_t window_ms);

int64_t rp_beh_window(const struct rp_beh *b);

#endif
