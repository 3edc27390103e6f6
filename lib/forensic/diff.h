/*
 * Comparing a tree with its baseline: added, removed and modified entries, and what
 * changed (content, type, permissions, owner); among new and modified files those whose
 * content the scan engine judges encrypted, and ransom notes. Pure over two sets.
 */
#ifndef RP_FX_DIFF_H
#define RP_FX_DIFF_H

#include <stddef.h>
#include <stdint.h>

#include "forensic/fentry.h"

enum rp_change_kind { RP_CHANGE_ADDED, RP_CHANGE_REMOVED, RP_CHANGE_MODIFIED };

#define RP_DIFF_CONTENT    0x01   /* SHA-256 differs (or symlink target) */
#define RP_DIFF_TYPE       0x02   /* file became directory, symlink, ... */
#define RP_DIFF_MODE       0x04   /* permission bits */
#define RP_DIFF_OWNER      0x08   /* uid or gid */
#define RP_DIFF_UNREADABLE 0x10   /* the current content could not be read */

struct rp_change {
	enum rp_change_kind kind;
	unsigned what;                /* RP_DIFF_* for MODIFIED */
	const struct rp_fentry *old;  /* NULL for ADDED */
	const struct rp_fentry *cur;  /* NULL for REMOVED */
	int encrypted;                /* the engine said encrypted or partial */
	int note;                     /* the engine said ransom note */
};

struct rp_diff_summary {
	uint64_t entries;             /* current entries compared */
	uint64_t added, removed, modified;
	uint64_t encrypted, notes;
	uint64_t content_changed, type_changed, mode_changed, owner_changed, unreadable;
};

const char *rp_change_name(enum rp_change_kind k);   /* "added", "removed", "modified" */

/* Sorts both sets by path and appends their differences to *out (realloc'd, *n
 * updated; the caller frees *out) in path order; sum (optional) accumulates. The
 * changes point into the sets, which must outlive them. */
int rp_diff_compute(struct rp_fset *old, struct rp_fset *cur, struct rp_change **out,
    size_t *n, struct rp_diff_summary *sum);

#endif
