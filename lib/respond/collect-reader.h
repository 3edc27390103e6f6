/*
 * The reader of other processes' files for collect: every open and read that can wait
 * for someone else (an executable under an on-access scanner's fanotify permission
 * mark, whose open waits for the scanner's answer; a file on a hung NFS or FUSE mount;
 * /proc/PID/cmdline of a process stuck in a page fault, which holds its mmap lock) is
 * done by a child process, and the caller waits for it at most timeout_ms of silence.
 * A child that said nothing for that long is killed (SIGKILL: fanotify's permission
 * wait and the mmap lock's are killable since Linux 5.1) and never waited for beyond a
 * moment, so a read that hangs for good costs the collection timeout_ms, not its end;
 * the next request starts a new child. After max_timeouts such waits no more files are
 * tried: the total time lost to waits is bounded by max_timeouts * timeout_ms.
 *
 * The child opens exactly as collect would have (O_NOATIME, O_NOFOLLOW, O_NONBLOCK:
 * no access time moves, no FIFO or device blocks an open), reads, hashes, and writes
 * nothing but its answers to the caller. Not thread-safe: one reader per collection.
 */
#ifndef RP_COLLECT_READER_H
#define RP_COLLECT_READER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "core/buf.h"

struct rp_reader;

/* What to open and what to do with it (rp_read_req.ops). */
#define RP_READ_EXE      0x01u   /* /proc/PID/exe: follow the magic link; O_NOATIME if allowed */
#define RP_READ_PROC     0x02u   /* a /proc file: O_NOATIME if allowed (times mean nothing there) */
                                 /* neither: evidence, rp_open_evidence without atime fallback */
#define RP_READ_MAGIC    0x10u   /* the first 4 bytes */
#define RP_READ_HASH     0x20u   /* SHA-256 of a regular file of at most max bytes */
#define RP_READ_DATA     0x40u   /* the content, at most max bytes, into data */

struct rp_read_req {
	const char *path;
	unsigned ops;
	uint64_t max;               /* for RP_READ_HASH and RP_READ_DATA */
};

/* How a request ended (rp_read_res.how). */
enum rp_read_how {
	RP_READ_DONE,               /* the child answered: see status */
	RP_READ_TIMEOUT,            /* silent for timeout_ms: killed, not read */
	RP_READ_SKIPPED,            /* not tried: max_timeouts reached already */
	RP_READ_FAILED,             /* no child (fork, socketpair) or a broken answer */
};

struct rp_read_res {
	enum rp_read_how how;
	int status;                 /* RP_READ_DONE: 0 or the RP_ERR_* of the open/read */
	int err;                    /* the child's errno for RP_ERR_SYSTEM */
	int noatime;                /* opened with O_NOATIME */
	struct stat st;             /* fstat after the open (status 0, or RP_ERR_INVALID/TOOBIG) */
	int changed;                /* RP_READ_DATA: mtime or size moved while it was read */
	unsigned char magic[4];
	size_t nmagic;
	int hashed;
	char hex[65];
	struct rp_buf *data;        /* caller's buffer for RP_READ_DATA (reset first) */
};

/* timeout_ms > 0: the longest silence of one request; max_timeouts >= 1. */
int rp_reader_new(struct rp_reader **out, int timeout_ms, unsigned max_timeouts);
/* Ends the child (its socket closes: it exits) and frees r; NULL is fine. */
void rp_reader_free(struct rp_reader *r);

/* Does q. Returns 0 when res says what happened (any res->how), or RP_ERR_NOMEM. A
 * hash of the same file (device, inode) is computed once per child. */
int rp_reader_do(struct rp_reader *r, const struct rp_read_req *q, struct rp_read_res *res);

/* The deadline in words: "5 s", "300 ms". */
void rp_reader_fmt_wait(const struct rp_reader *r, char *out, size_t max);

/* Requests that timed out so far. */
unsigned rp_reader_timeouts(const struct rp_reader *r);

/* Why res did not read the file, in words for the artefacts ("not read: waited more
 * than 5 s (...)"), into out; NULL when it did (how DONE). */
const char *rp_reader_why(const struct rp_reader *r, const struct rp_read_res *res,
    char *out, size_t max);

#endif
