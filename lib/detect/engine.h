/*
 * The file verdict engine behind `riposte scan` (and the content checks of watch,
 * diff and simulate): is this file encrypted, partly encrypted, a ransom note, or ok?
 *
 * An engine holds what is shared and read-only once built (compiled YARA rules, the
 * lists of note names and extensions); create one per process. A scanner holds what
 * one thread needs (read buffer, histograms, libmagic cookie, YARA scanner); create
 * one per thread and reuse it for every file: after warm-up it allocates nothing.
 */
#ifndef RP_ENGINE_H
#define RP_ENGINE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "core/buf.h"

struct rp_engine;
struct rp_scanner;

struct rp_engine_opts {
	const char *data_dir;   /* NULL: the data compiled into the binary */
	int full;               /* read every byte instead of sampling */
	int allow_atime;        /* read files even where O_NOATIME is refused */
	int type_all;           /* name the type (libmagic) of every file; by default only
	                           of files whose verdict is not ok (libmagic is the cost) */
	int note_copies;        /* mark small texts with some evidence of a note with their
	                           content's hash (rp_verdict.dup_hash), for a caller that
	                           counts their copies (treescan); off: never marked */
};

/* On failure errmsg (optional) says why (e.g. the YARA compiler's message). */
int rp_engine_new(struct rp_engine **out, const struct rp_engine_opts *o, struct rp_buf *errmsg);
void rp_engine_free(struct rp_engine *e);                 /* accepts NULL */

int rp_scanner_new(struct rp_scanner **out, struct rp_engine *e);
void rp_scanner_free(struct rp_scanner *s);               /* accepts NULL */

enum rp_verdict_kind {
	RP_V_OK,          /* intact, as far as the checks can tell */
	RP_V_ENCRYPTED,   /* indistinguishable from random, not a format random by design */
	RP_V_PARTIAL,     /* random regions where the format says structure */
	RP_V_NOTE,        /* a ransom note */
	RP_V_SKIPPED,     /* not examined: not regular, unreadable, vanished (see reasons) */
};
#define RP_V_NKINDS 5

#define RP_V_MAX_REASONS 8
#define RP_V_REASON_LEN 192
#define RP_V_MAX_REGIONS 24

struct rp_region {
	uint64_t off;
	uint64_t len;
};

struct rp_verdict {
	enum rp_verdict_kind kind;
	char type[96];              /* MIME type by libmagic from the head; "" when not read,
	                               and for ok files unless the engine has type_all;
	                               "application/octet-stream" without libmagic for an
	                               encrypted file with no format and a random head */
	char format[16];            /* format whose structure was checked ("zip"), or "" */
	char ext[32];               /* the name's last extension, lowercase, no dot */
	char appended_ext[64];      /* what was appended after a known extension ("lockbit") */
	double entropy;             /* Shannon entropy of the bytes read, bits per byte */
	double chi2;                /* chi-square of their histogram (255 d.o.f.) */
	uint64_t size;
	int64_t mtime;              /* seconds since the epoch */
	long mtime_ns;
	uint64_t bytes_read;        /* every byte read, structure probes included */
	int noatime;                /* read with O_NOATIME (no access time can have changed) */
	size_t nregions;
	struct rp_region regions[RP_V_MAX_REGIONS];   /* what was sampled */
	size_t nreasons;
	char reasons[RP_V_MAX_REASONS][RP_V_REASON_LEN];
	char note_rule[64];         /* the YARA rule that recognised a note, or "" */
	uint64_t dup_hash;          /* non-zero: a small text (at most 4 KiB) with evidence
	                               of a note that was not enough alone; a hash of its
	                               content, for counting its copies (dupnote.h) */
	unsigned ctx_ev;            /* a small text's evidence of a note for the context
	                               rule (notectx.h: RP_NCTX_*), when enough in context
	                               (rp_notectx_enough), else 0; set with note_copies only */
};

const char *rp_verdict_name(enum rp_verdict_kind k);   /* "ok", "encrypted", ... */

/* Scans regular file name, relative to dirfd, whose lstat is st (from the walk).
 * Opens it with O_NOFOLLOW|O_NONBLOCK|O_NOATIME; refuses FIFOs and devices; reads with
 * pread only. Returns 0 with v filled (SKIPPED, with the reason, when it cannot be
 * read), or a negative RP_ERR_* when the scanner itself failed. Never changes the
 * file: not its content, name, nor any of its times. */
int rp_scan_file(struct rp_scanner *s, int dirfd, const char *name, const struct stat *st,
    struct rp_verdict *v);

/* The same on a descriptor the caller opened (watch, diff); name is used for the
 * extension and note-name checks only. Refuses (SKIPPED) anything not regular. */
int rp_scan_fd(struct rp_scanner *s, int fd, const char *name, struct rp_verdict *v);

/* rp_scan_fd with the descriptor's fstat already taken by the caller (a tree walk that
 * opened the file: see rp_walk_opts.open_files); st must be fstat(fd)'s. */
int rp_scan_fd_stat(struct rp_scanner *s, int fd, const char *name, const struct stat *st,
    struct rp_verdict *v);

/* The open step of rp_scan_file alone, for callers that open in one thread and scan
 * in another (the descriptor must outlive the directory descriptor of a walk): returns
 * an fd (v reset, v->noatime set) or -1 with v filled as SKIPPED and its reason.
 * Thread-safe. */
int rp_scan_open(const struct rp_engine *e, int dirfd, const char *name, struct rp_verdict *v);

/* Debug counter: allocations made by this scanner since it was created (a test
 * proves that it stays flat after warm-up). */
uint64_t rp_scanner_allocs(const struct rp_scanner *s);

#endif
