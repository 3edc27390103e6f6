/*
 * Canary files: ordinary-looking documents that nobody opens, placed first and last
 * in a directory's listing so that ransomware walking the tree touches one early.
 * watch treats a write, truncation, rename or delete of one as a strong signal (the
 * process is acted on at once); a read is noted, not acted on: every backup,
 * antivirus scan and indexer reads every file. A file with a canary name is a canary
 * only with content (deploy writes 200 rows): an empty one is a copy being made.
 */
#ifndef RP_CANARY_H
#define RP_CANARY_H

#include <stddef.h>
#include <stdint.h>

/* The canary names (NULL-terminated list). */
extern const char *const rp_canary_names[];

/* Whether the last component of path is a canary name. */
int rp_canary_is(const char *path);

/* Writes (or re-seeds with fresh content) the canaries in directory dir. *n counts
 * the files written. Returns 0 or an RP_ERR_*. */
int rp_canary_deploy(const char *dir, int64_t now, size_t *n);

/* Whether the canary at path still has canary content: 1 intact, 0 changed,
 * RP_ERR_NOTFOUND missing, or an RP_ERR_*. Reads with O_NOATIME. */
int rp_canary_intact(const char *path);
/* The same through a descriptor open for reading (not moved: pread). 1 intact,
 * 0 changed, RP_ERR_SYSTEM. */
int rp_canary_intact_fd(int fd);

#endif
