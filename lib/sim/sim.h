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

/* ---- a drill's run (run.c) ---- */

/*
 * Takes the drill directory resolved by rp_sim_check_dir (exists as it said): with
 * want_prepared, a DIR prepared by --prepare and not attacked yet is used as it is
 * (returns 1, *prepared filled); otherwise DIR is created or emptied and marked
 * (returns 0). *dirfd gets a descriptor of DIR (caller closes); RP_ERR_* from
 * rp_sim_dir_setup.
 */
int rp_sim_drill_open(const char *resolved, int exists, int want_prepared, int *dirfd,
    struct rp_sim_prepared *prepared);

/* A scenario on a prepared DIR runs on the prepared documents: o->files and o->seed
 * become the prepared ones. RP_ERR_INVALID when the caller gave (files_given,
 * seed_given) other values. */
int rp_sim_adopt_prepared(const struct rp_sim_prepared *pp, struct rp_sim_opts *o,
    int files_given, int seed_given);

/* The C compiler of the compile scenario: the first executable cc in path (a PATH
 * value, read by the caller; relative entries skipped), malloc'd, or NULL. */
char *rp_sim_find_cc(const char *path);

enum rp_sim_outcome {
	RP_SIM_FINISHED,         /* the attack ran to its end */
	RP_SIM_STOPPED,          /* stopped by a signal (a watcher's SIGSTOP): left stopped */
	RP_SIM_KILLED,           /* killed by a signal */
	RP_SIM_FAILED,           /* the attack failed (or could not start) */
};
/* "finished", "stopped", "killed", "failed": the words of the outputs. */
const char *rp_sim_outcome_name(enum rp_sim_outcome o);

struct rp_sim_result {
	enum rp_sim_outcome outcome;
	int signo;               /* the signal that stopped or killed it, else 0 */
	long pid;                /* the attacker's, 0 when it was not started */
	int64_t started_ns;      /* CLOCK_REALTIME just before the fork */
	int64_t ended_ns;        /* when the wait returned */
	struct rp_sim_progress progress;   /* what the attacker recorded */
	const char *failed_call; /* with RP_ERR_SYSTEM: "pipe", "fork" or "waitpid" */
};

/* What rp_sim_run reports while it runs, in this order; every member optional. */
struct rp_sim_run_cb {
	/* the attacker runs (it waits to be released): forward signals to it from here */
	void (*on_started)(void *ctx, long pid);
	/* its pid is in DIR/.riposte-sim/pid; it is released when this returns */
	void (*on_attacker)(void *ctx, long pid);
	/* the pid file could not be written, the attacker could not be released */
	void (*on_warning)(void *ctx, const char *msg);
	/* the attacker finished, stopped or was killed: stop forwarding signals */
	void (*on_ended)(void *ctx);
};

/*
 * Runs the scenario on the drill DIR (dirfd) in a child process of a session of its
 * own (setsid: a watcher that scores per session scores it apart from the caller; the
 * children of 'forker' stay in it), writes its pid to DIR/.riposte-sim/pid, and waits
 * until it finishes, fails, stops (WUNTRACED: a stopped attacker is left stopped) or is
 * killed; a wait interrupted by a signal goes on. *res says how. Returns 0, or
 * RP_ERR_SYSTEM (errno set, res->failed_call names the call). The documents must be
 * there (rp_sim_prepare, or rp_sim_claim on a prepared DIR). Blocks; forks: call it
 * from a process with one thread.
 */
int rp_sim_run(int dirfd, const struct rp_sim_scenario *sc, const struct rp_sim_opts *o,
    const struct rp_sim_run_cb *cb, void *ctx, struct rp_sim_result *res);

/* The pid of the attacker recorded in DIR while it is alive (running or stopped; a
 * zombie is dead, seen under proc, "/proc"), else 0. */
long rp_sim_attacker_alive(int dirfd, const char *proc);

/* Parses a rate: "N", "N/s", "N/min", "N/h" into files per second (> 0). */
int rp_sim_rate_parse(const char *s, double *rate);

/* The state file's parser, exposed for the fuzz target: 0 or RP_ERR_FORMAT. */
struct rp_sim_state;
int rp_sim_state_parse(const char *s, size_t len, struct rp_sim_state **out);
void rp_sim_state_free(struct rp_sim_state *st);

#endif
