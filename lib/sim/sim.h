/*
 * The ransomware simulator: generates realistic documents in a directory that it
 * created, attacks them in the style of a scenario, and restores every byte.
 *
 * Safety model: every file operation is relative to a dirfd of DIR, path component
 * by component with O_NOFOLLOW (a symlink planted inside DIR is never followed);
 * nothing outside DIR is opened for writing; no network. DIR carries a marker
 * (DIR/.riposte-sim/marker) and the state needed by the restore (keys, the list of
 * files with per-4-KiB-block hashes, what was created, moved or streamed).
 *
 * Not thread-safe per directory: one simulator process works on a DIR at a time.
 */
#ifndef RP_SIM_H
#define RP_SIM_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

#define RP_SIM_STATE_DIR ".riposte-sim"

struct rp_sim_scenario {
	const char *name;        /* the name scripts rely on: "inplace", "gzip", ... */
	int benign;              /* 1 for the false-positive look-alikes */
	const char *description; /* one line, for --list */
	int kind;                /* private: which attack routine */
	int style;               /* private: which byte ranges are encrypted */
};

/* The table, in --list order. Static storage; thread-safe. */
const struct rp_sim_scenario *rp_sim_scenarios(size_t *n);
/* NULL when there is no scenario of that name. */
const struct rp_sim_scenario *rp_sim_scenario_find(const char *name);

/*
 * Safety check before anything is written. dir is the user's argument, home the
 * home directory (NULL when unknown). On success *resolved holds the absolute path
 * with the parent's symlinks resolved (DIR itself must not be a symlink) and
 * *exists says whether DIR exists already (then it is empty or carries our marker).
 * Returns RP_ERR_REFUSED with a reason in why, RP_ERR_NOTFOUND when the parent
 * does not exist, or another RP_ERR_*.
 */
int rp_sim_check_dir(const char *dir, const char *home, struct rp_buf *resolved,
    int *exists, struct rp_buf *why);

/* Whether an absolute, resolved path is "/", a system directory or under one
 * (except under /tmp and /var/tmp), home or an ancestor of home. 1 = refuse. */
int rp_sim_path_forbidden(const char *path, const char *home, const char **why);

/* Creates (mode 0700) or empties DIR after rp_sim_check_dir said yes, writes the
 * marker, and returns a dirfd of DIR in *dirfd (caller closes). */
int rp_sim_dir_setup(const char *resolved, int exists, int *dirfd);

/* Opens DIR for --restore: it must carry the marker. */
int rp_sim_dir_open_marked(const char *dir, int *dirfd);

struct rp_sim_opts {
	uint64_t seed;           /* everything generated follows from it */
	unsigned files;          /* documents to generate */
	double rate;             /* files per second during the attack; 0 = as fast as it can */
	const char *cc;          /* absolute path of a C compiler for "compile", or NULL */
	int no_note;             /* attacks: no ransom notes (only the files) */
};

/*
 * Generates the documents, DIR/.riposte-sim/manifest.sha256 (sha256sum format,
 * paths relative to DIR), the keys and the restore state. *bytes gets the total size.
 * sc NULL prepares DIR for a later attack: the state then names RP_SIM_PREPARED.
 */
int rp_sim_prepare(int dirfd, const struct rp_sim_scenario *sc,
    const struct rp_sim_opts *o, uint64_t *bytes);

/* The state's scenario between `--prepare` and the attack. */
#define RP_SIM_PREPARED "prepared"

struct rp_sim_prepared {
	unsigned files;          /* documents generated */
	uint64_t seed;           /* the seed they were generated with */
	uint64_t bytes;          /* their total size */
};
/*
 * Whether DIR (marked) was prepared and no attack has run on it since: 0 and *p
 * filled when so, RP_ERR_NOTFOUND when not (no state, or a scenario ran), or
 * another RP_ERR_*.
 */
int rp_sim_prepared_info(int dirfd, struct rp_sim_prepared *p);

/* Records in the state of a prepared DIR that sc runs on it now (an atomic
 * rewrite of the state), so that --restore knows what to undo. */
int rp_sim_claim(int dirfd, const struct rp_sim_scenario *sc);

/*
 * Runs the scenario on DIR, in the calling process (the CLI forks first). After
 * each file it updates DIR/.riposte-sim/progress. Returns 0 or RP_ERR_*.
 */
int rp_sim_attack(int dirfd, const struct rp_sim_scenario *sc, const struct rp_sim_opts *o);

struct rp_sim_progress {
	unsigned files;          /* files the attacker finished */
	int64_t first_ns;        /* CLOCK_REALTIME of the first write, 0 if none */
	int64_t last_ns;         /* of the last finished file */
};
int rp_sim_progress_read(int dirfd, struct rp_sim_progress *p);

struct rp_sim_restore_stats {
	unsigned files;          /* files in the manifest */
	unsigned repaired;       /* files whose content or name had to be given back */
	unsigned removed;        /* files and directories the scenario had created */
	unsigned bad;            /* files that could not be given back (then RP_ERR_INTEGRITY) */
	char scenario[32];       /* what had been run */
};

/* Gives back every byte and name, removes what the scenario created, checks every
 * hash. RP_ERR_INTEGRITY when a file could not be given back. */
int rp_sim_restore(int dirfd, struct rp_sim_restore_stats *st);

/* Parses a rate: "N", "N/s", "N/min", "N/h" into files per second (> 0). */
int rp_sim_rate_parse(const char *s, double *rate);

/* The state file's parser, exposed for the fuzz target: 0 or RP_ERR_FORMAT. */
struct rp_sim_state;
int rp_sim_state_parse(const char *s, size_t len, struct rp_sim_state **out);
void rp_sim_state_free(struct rp_sim_state *st);

#endif
