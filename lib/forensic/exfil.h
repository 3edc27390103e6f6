/*
 * "Was the data read?": what access times within a window show about a tree, judged
 * under the atime mode of its filesystem, with the reasoning in plain words. Pure over
 * the sets the caller collected; thread-safe.
 */
#ifndef RP_FX_EXFIL_H
#define RP_FX_EXFIL_H

#include <stddef.h>
#include <stdint.h>

#include "forensic/egress.h"
#include "forensic/fentry.h"
#include "forensic/mount.h"

enum rp_exfil_verdict {
	RP_EXFIL_NONE,            /* no-evidence-of-access */
	RP_EXFIL_PARTIAL,         /* partial-access */
	RP_EXFIL_BULK,            /* bulk-access */
	RP_EXFIL_UNDETERMINABLE,  /* undeterminable */
};

enum rp_exfil_pattern {
	RP_PAT_NONE,        /* nothing read */
	RP_PAT_SCATTERED,   /* some files, no bulk */
	RP_PAT_COPY,        /* bulk, in a short time: a copy */
	RP_PAT_BACKUP,      /* bulk, and the baseline shows the same read before: a backup */
};

#define RP_EXFIL_MAX_REASONS 10

struct rp_exfil_dir {
	const char *path;         /* below the root (borrowed from the set), "" for the root */
	size_t pathlen;
	uint64_t files, bytes, files_read, bytes_read;
	int listed;               /* the directory's own atime is in the window */
};

struct rp_exfil {
	/* inputs */
	int64_t since, until;
	const struct rp_mount *mount;      /* may be NULL (unknown) */
	const struct rp_fset *baseline;    /* may be NULL */
	int64_t baseline_time;             /* when it was recorded */
	const struct rp_egress *egress;    /* may be NULL */
	/* results */
	uint64_t files, bytes, files_read, bytes_read;
	uint64_t dirs, dirs_touched, dirs_listed;
	uint64_t read_after;               /* atime after the window: a later read hides any in it */
	uint64_t relatime_blind;           /* relatime: a read in the window may not show */
	int64_t first_read, last_read;     /* RP_TIME_UNSET when none */
	int64_t peak_minute;               /* start of the minute with the most reads */
	uint64_t peak_files;
	double sequential;                 /* share of consecutive reads in path order that are in time order */
	uint64_t baseline_files;           /* files also in the baseline */
	uint64_t read_since_baseline;      /* of those, atime newer than recorded */
	int baseline_bulk;                 /* the baseline's atimes show an earlier bulk read at
	                                      about the same time of day (within 2 h) */
	int64_t baseline_bulk_time;
	enum rp_exfil_pattern pattern;
	enum rp_exfil_verdict verdict;
	struct rp_exfil_dir *dirv;         /* directories with a read file or listed, sorted */
	size_t ndirs;
	size_t nreasons;
	char reasons[RP_EXFIL_MAX_REASONS][640];
};

const char *rp_exfil_verdict_name(enum rp_exfil_verdict v);
const char *rp_exfil_pattern_name(enum rp_exfil_pattern p);
/* A sentence on what atime can prove under mode m. */
const char *rp_atime_meaning(enum rp_atime_mode m, int lazytime);

/* Analyses set (entries below the root) with the inputs set in x; fills the results.
 * Free x->dirv with rp_exfil_release. */
int rp_exfil_analyse(struct rp_exfil *x, const struct rp_fset *set);
void rp_exfil_release(struct rp_exfil *x);

#endif
