/*
 * Volatile evidence collection: what a reboot would destroy (processes, connections,
 * logins, modules, mounts) and what an attacker leaves to come back (crontabs,
 * timers, recently dropped executables), written into a new directory as one .txt
 * (for people) and one .json (for tools) per artefact, with copies of the configs and
 * logs that matter and a sha256sum-compatible manifest.
 *
 * Read-only towards the system: files are opened with O_NOATIME (a file that refuses
 * it is listed, not copied), executables are hashed by reading them, never run;
 * copies keep the original's mtime and atime. Files that are not collect's own (and
 * /proc/PID/cmdline) are opened and read by a child process that is given up on after
 * read_timeout_ms of silence (collect-reader.h): such a file is listed as not read,
 * with why, and the collection goes on. Single-threaded; results owned by the caller.
 */
#ifndef RP_COLLECT_H
#define RP_COLLECT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_store;

struct rp_collect_opts {
	const char *proc;               /* "/proc", or a copied tree */
	const char *root;               /* "" for the live system; prefixed to /etc, /var ... */
	const char *const *path_dirs;   /* the directories of $PATH (the caller's) */
	size_t npath_dirs;
	const char *const *copy;        /* more files to copy (logs, configs) */
	size_t ncopy;
	unsigned only;                  /* bit mask of RP_ART_*; 0 = all */
	int64_t now;                    /* the collection's time, for "recent" and the files */
	int recent_days;                /* executables modified within this many days */
	struct rp_store *st;            /* optional: riposte's alerts and case journal */
	int read_timeout_ms;            /* the longest wait for one file of another process's
	                                 * (collect-reader.h); 0: 5000 */
	unsigned max_timeouts;          /* reads that may time out before no more are
	                                 * tried; 0: 10 */
	int64_t case_id;                /* the open case, 0 if none */
};

enum rp_artefact {
	RP_ART_PROCESSES, RP_ART_NETWORK, RP_ART_LOGINS, RP_ART_MODULES, RP_ART_MOUNTS,
	RP_ART_SCHEDULED, RP_ART_EXECUTABLES, RP_ART_FILES, RP_ART_ALERTS, RP_ART_COUNT
};

/* "processes", "network", ...; and the reverse (RP_ERR_NOTFOUND). */
const char *rp_artefact_name(enum rp_artefact a);
int rp_artefact_parse(const char *name, enum rp_artefact *a);

struct rp_collect_result {
	size_t items[RP_ART_COUNT];      /* entries in each artefact */
	int done[RP_ART_COUNT];          /* 1 when written */
	size_t deleted_exes;             /* processes running a deleted executable */
	size_t copied, not_copied;       /* files copied into files/ and those refused */
	size_t warnings;                 /* things that could not be read (listed in the .txt) */
	size_t not_read;                 /* files not read: a wait timed out, or not tried
	                                  * after one (each says why in its artefact) */
	unsigned timeouts;               /* reads that waited the whole deadline */
};

/* Writes the artefacts into dir (an existing, empty directory the caller made).
 * Returns 0 or the first RP_ERR_* that stopped it (a single unreadable process or file
 * is a warning recorded in the artefact, not an error). */
int rp_collect_run(const char *dir, const struct rp_collect_opts *o,
    struct rp_collect_result *res);

/* Writes dir/MANIFEST.sha256: "HASH  relative/path" for every regular file below dir
 * but itself, in byte order of the paths, as sha256sum -c reads it. The manifest's own
 * SHA-256 goes to hash. *nfiles (optional) gets the count. */
int rp_collect_manifest(const char *dir, char hash[65], size_t *nfiles);

/* Writes the tree dir as a POSIX (pax/ustar) archive at tar_path, entries named
 * "<basename of dir>/...", sorted, with their modes and mtimes. */
int rp_collect_tar(const char *dir, const char *tar_path);

/* Exposed for the fuzzer: parses /proc/modules and /proc/mounts text, calling fn with
 * the fields of each line (n fields, NUL-terminated, octal escapes decoded). */
int rp_collect_parse_fields(const char *buf, size_t len, int decode_octal,
    int (*fn)(char **f, size_t n, void *ctx), void *ctx);

#endif
