/*
 * The fanotify adapter of watch: the only file that includes <sys/fanotify.h>.
 *
 * Two groups. The content group reports, with a descriptor on the file, the accesses
 * that are about to happen (FAN_OPEN_PERM before every open, and FAN_PRE_ACCESS of
 * the pre-content class, kernel 6.14+, before a read, a write or a truncation lands;
 * an open with O_TRUNC empties the file with no pre-content event, only the open's)
 * and FAN_CLOSE_WRITE; the process waits for our answer, which is how watch copies a
 * file before the first write to it. The name group (FAN_REPORT_DFID_NAME) reports
 * creations, deletions and renames in the marked directories, by name.
 *
 * Marks are inode marks on each directory (never a mount or filesystem mark), so only
 * the directories watch was given are ever affected. Descriptors in events are opened
 * by the kernel in a mode that raises no event: reading them (scan, copy) is safe from
 * the watcher's own thread. Not thread-safe: one owner.
 */
#ifndef RP_FANOTIFY_H
#define RP_FANOTIFY_H

#include <stdint.h>
#include <sys/types.h>

struct rp_fan;

enum rp_fan_kind {
	RP_FAN_PRE,          /* before an access (pre-content) or an open (fallback); needs an answer */
	RP_FAN_CLOSE_WRITE,  /* a descriptor open for writing was closed */
	RP_FAN_CLOSE_READ,   /* a read-only descriptor was closed */
	RP_FAN_CREATE,       /* dir/name appeared */
	RP_FAN_DELETE,       /* dir/name went */
	RP_FAN_RENAME,       /* dir/name became dir2/name2 */
	RP_FAN_OVERFLOW,     /* the kernel's queue overflowed: events were lost */
};

struct rp_fan_event {
	enum rp_fan_kind kind;
	pid_t pid;           /* name group: the process; content group: the thread, as tid
	                        (FAN_REPORT_TID: the caller maps it to its process) */
	pid_t tid;
	int fd;              /* PRE, CLOSE_*: the file (owned by rp_fan, valid during the callback) */
	int isdir;           /* CREATE, DELETE, RENAME: the entry is a directory */
	int open_perm;       /* PRE: an open (FAN_OPEN_PERM), not a pre-content event */
	uint64_t off, count; /* PRE: the range about to be accessed (pre-content only) */
	const char *dir, *name;     /* CREATE, DELETE, RENAME */
	const char *dir2, *name2;   /* RENAME: the new place */
	int deny;            /* PRE: set by the callback to refuse the access (EPERM) */
	int defer;           /* PRE: set by the callback to answer later with rp_fan_answer;
	                        the descriptor then belongs to the caller until that call */
	int keep;            /* PRE, CLOSE_*: set by the callback to keep the descriptor,
	                        which then belongs to the caller (who closes it; a PRE's
	                        after its answer): a dup saved */
};

struct rp_fan_caps {
	int pre_content;     /* FAN_CLASS_PRE_CONTENT + FAN_PRE_ACCESS on the directory */
	int open_perm;       /* FAN_CLASS_CONTENT + FAN_OPEN_PERM */
	int names;           /* FAN_REPORT_DFID_NAME with create/delete/rename */
	int pre_errno;       /* why pre-content was refused, or 0 */
};

#define RP_FAN_NO_PRE 0x1    /* do not use pre-content events (test the fallback) */

/* Opens both groups. Returns 0, RP_ERR_PERM (no CAP_SYS_ADMIN), RP_ERR_UNSUPPORTED. */
int rp_fan_open(struct rp_fan **out, unsigned flags);
/* An rp_fan with no group, for rp_fan_dir_add and rp_fan_decode alone (tests, fuzzing).
 * Returns 0 or RP_ERR_NOMEM. */
int rp_fan_decoder(struct rp_fan **out);
void rp_fan_free(struct rp_fan *f);                 /* accepts NULL */
int rp_fan_pre_content(const struct rp_fan *f);     /* 1 with pre-content events */
/* 1 when the files of filesystem dev get pre-content events: the group has them and
 * no directory of dev fell back (rp_fan_mark_dir). */
int rp_fan_pre_on(const struct rp_fan *f, uint64_t dev);

/* Marks directory path (not its subdirectories). Where the filesystem refuses
 * pre-content events (tmpfs), it is marked for open permission events only, and
 * *fell_back is set the first time for that filesystem. Returns 0 or an RP_ERR_*;
 * RP_ERR_UNSUPPORTED when the filesystem refuses permission events altogether. */
int rp_fan_mark_dir(struct rp_fan *f, const char *path, int *fell_back);
/* Records that name events naming the directory of handle (type, bytes, h) are about
 * path (what rp_fan_mark_dir does after marking); a handle known already gets the new
 * path. Returns 0, RP_ERR_INVALID (bytes > MAX_HANDLE_SZ) or RP_ERR_NOMEM. */
int rp_fan_dir_add(struct rp_fan *f, int type, unsigned bytes, const unsigned char *h,
    const char *path);
/* The two descriptors to poll for input. */
void rp_fan_fds(const struct rp_fan *f, int *content_fd, int *name_fd);

/* Reads one batch of what is queued on fd (one of the two; one batch so that a busy
 * group does not starve the other), calling cb per event; answers each permission
 * event (allow, or deny when cb set deny) after cb returns and closes its descriptor,
 * unless cb set defer (the process waits meanwhile); the other events' descriptors
 * are closed after the batch. Returns 0 (also when nothing was queued), cb's
 * negative code, or an RP_ERR_*. */
int rp_fan_read(struct rp_fan *f, int fd, int (*cb)(struct rp_fan_event *ev, void *ctx),
    void *ctx);

/* Decodes the event record at buf[*pos] of a batch of n bytes read from the content
 * group, or the name group when names_group is set, into ev (whose strings point
 * into buf and into f's directories), and moves *pos past it. Returns 1 for an event,
 * 0 for a record to pass over (a name event in a directory f does not know, or the
 * deletion of one of f's directories, which f then forgets; ev->fd still needs
 * closing when >= 0), RP_ERR_INVALID at the end of the batch or a record cut short,
 * RP_ERR_UNSUPPORTED for another metadata version. */
int rp_fan_decode(struct rp_fan *f, int names_group, const char *buf, size_t n,
    size_t *pos, struct rp_fan_event *ev);

/* Answers a deferred permission event (allow, or deny) and closes its descriptor,
 * unless KEEP (the callback kept it: ev->keep). Returns 0 or RP_ERR_SYSTEM (the
 * descriptor is closed either way, unless KEEP). */
int rp_fan_answer(struct rp_fan *f, int fd, int deny, int keep);

/* Stops (on = 1) or resumes (on = 0) the pre-access events of the file open as fd,
 * for all processes: watch holds them from the first write until the close. */
int rp_fan_hold(struct rp_fan *f, int fd, int on);
/* Takes the hold of the file at path off (a /proc/self/fd link to an O_PATH
 * descriptor, which fanotify_mark does not take as a descriptor). 0 also when there
 * was none. */
int rp_fan_unhold_path(struct rp_fan *f, const char *path);

/* What the kernel offers on the filesystem of directory path (for --check). */
int rp_fan_probe(const char *path, struct rp_fan_caps *caps);

#endif
