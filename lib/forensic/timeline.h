/*
 * The MACB timeline: events from the entries of trees (one per distinct time of a file,
 * with the flags of the times that fall on it, as mactime groups them) and from log
 * lines, in time order; and the Sleuth Kit body format. Not thread-safe per timeline.
 */
#ifndef RP_FX_TIMELINE_H
#define RP_FX_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "forensic/fentry.h"
#include "forensic/logs.h"

#define RP_TL_M 0x1
#define RP_TL_A 0x2
#define RP_TL_C 0x4
#define RP_TL_B 0x8

struct rp_tl_event {
	int64_t time;
	unsigned macb;                 /* RP_TL_*, 0 for a log event */
	size_t root;                   /* index of the tree (file events) */
	const struct rp_fentry *f;     /* file events */
	const struct rp_log_event *log;/* log events */
};

struct rp_timeline {
	struct rp_tl_event *v;
	size_t n, cap;
};

void rp_timeline_init(struct rp_timeline *t);
void rp_timeline_release(struct rp_timeline *t);
/* Adds the events of set's entries (tree number root) whose time is in [since, until]
 * (RP_TIME_UNSET: open). The set must outlive the timeline. */
int rp_timeline_add_files(struct rp_timeline *t, const struct rp_fset *set, size_t root,
    int64_t since, int64_t until);
int rp_timeline_add_log(struct rp_timeline *t, const struct rp_log_event *ev,
    int64_t since, int64_t until);
/* Sorts by time, then file events before log events, then path bytes (stable). */
void rp_timeline_sort(struct rp_timeline *t);

/* "macb" with dots for the flags not set, into out[5]. */
void rp_tl_flags(unsigned macb, char out[5]);

/* TSK's mode_as_string: "r/rrw-r--r--", "d/drwxr-xr-x", "l/lrwxrwxrwx", into out[13]. */
void rp_tsk_mode(uint32_t mode, char out[13]);

/* A name for the body format: the text escape (\n, \xHH, \\) with '|' as \x7c, so that
 * every entry is one line of exactly 11 fields. */
int rp_body_name(struct rp_buf *b, const char *s, size_t len);

/* One body line: MD5|name|inode|mode_as_string|UID|GID|size|atime|mtime|ctime|crtime,
 * MD5 "0", times in integer seconds, crtime 0 when unknown. name is prefix + "/" + the
 * entry's path (prefix as given). */
int rp_body_line(struct rp_buf *b, const char *prefix, const struct rp_fentry *f);

#endif
