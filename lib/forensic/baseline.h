/*
 * The baseline in the store: per root (its absolute path), one row per entry with the
 * metadata of fentry.h, the SHA-256 and the sampled entropy. Tables baseline_root and
 * baseline_file, owned by module "baseline". A store handle belongs to one thread.
 */
#ifndef RP_FX_BASELINE_H
#define RP_FX_BASELINE_H

#include <stdint.h>

#include "forensic/fentry.h"

struct rp_store;

struct rp_baseline_root {
	int64_t id;
	int64_t created;         /* first baseline of this root */
	int64_t updated;         /* last baseline run */
	uint64_t files, bytes;   /* regular files and their bytes at the last run */
};

int rp_baseline_migrate(struct rp_store *st);

/* Finds the root stored for abs_root (an absolute path without trailing slash);
 * RP_ERR_NOTFOUND when it has no baseline. */
int rp_baseline_find(struct rp_store *st, const char *abs_root, struct rp_baseline_root *out);

/* Loads every entry of root id into set (which the caller initialised). */
int rp_baseline_load(struct rp_store *st, int64_t id, struct rp_fset *set);

/* Records cur as the baseline of abs_root in one transaction: inserts the root when
 * new, writes the entries of cur that differ from old (old may be NULL: all), deletes
 * those of old not in cur, and updates the root's counts. *id gets the root id.
 * *written (optional) gets the rows written, *deleted the rows deleted. */
int rp_baseline_save(struct rp_store *st, const char *abs_root, int64_t now,
    const struct rp_fset *cur, const struct rp_fset *old, int64_t *id,
    uint64_t *written, uint64_t *deleted);

#endif
