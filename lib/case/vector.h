/*
 * The way in: how the attack came in (`case entry --vector`), the harden findings that
 * explain it, the harden runs recorded in the case (`harden --case`, `restore-check`),
 * the findings accepted on purpose (`case accept`), and the improvement actions made
 * from high findings. All of it is journal entries (kinds "entry", "harden", "accept",
 * "restore-check", and "action" with a "finding"), read back into struct rp_way_in by
 * rp_case_load; from them follow the state of each finding, the conditions to close
 * the case, and the report's section "How it came in and what was closed" (sec_way_in in
 * report.c, its texts in data/report/LANG/report.ini [way-in]).
 * No global state; a struct rp_way_in belongs to its struct rp_case.
 */
#ifndef RP_CASE_VECTOR_H
#define RP_CASE_VECTOR_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_case;
struct rp_hfinding;
struct rp_store;

/* The vectors `case entry` knows, NULL-terminated: phishing, mail-forwarded,
 * exposed-service, stolen-credentials, unpatched, supplier, removable-media, insider,
 * unknown. */
extern const char *const rp_vectors[];
int rp_vector_known(const char *name);

struct rp_hrun_rec {          /* a harden run recorded in the case */
	int64_t time;
	char *root;
	int live;
	unsigned high, medium, low;
	char **ids;               /* the ids found (one per finding id, sorted) */
	size_t nids;
	char **not_checked;
	size_t nnc;
	int restore;              /* made by restore-check */
};

struct rp_accepted {
	int64_t time;
	char *finding;
	char *reason;
};

struct rp_restore_rec {
	int64_t time;
	int ready;
	char *reasons;            /* "; "-separated, NULL when ready */
};

struct rp_way_in {
	char *vector;             /* the last `case entry`, NULL when none */
	char *text;
	int64_t time;
	char **findings;          /* the finding ids tied to it */
	size_t nfindings;
	struct rp_hrun_rec *runs; /* in journal order */
	size_t nruns;
	struct rp_accepted *acc;
	size_t nacc;
	struct rp_restore_rec *restores;
	size_t nrestores;
	struct { size_t runs, acc, restores; } cap;   /* private: elements allocated */
};

/* rp_case_load's hook: reads one journal entry of a way-in kind (others are ignored).
 * data is the entry's JSON object text (may be NULL). */
int rp_way_in_entry(struct rp_way_in *w, const char *kind, int64_t time, const char *data);
void rp_way_in_release(struct rp_way_in *w);     /* accepts a zeroed struct */

/* The state of a finding for the case. */
enum rp_fstate {
	RP_FS_OPEN,               /* found by the last harden run that checked it */
	RP_FS_CLOSED,             /* checked by the last run and not found */
	RP_FS_ACCEPTED,           /* accepted with a reason */
	RP_FS_UNKNOWN,            /* no recorded run checked it */
};
const char *rp_fstate_name(enum rp_fstate s);    /* "open", "closed", "accepted", "unknown" */
/* The state of finding id; *run (optional) is the run that decided it, or NULL. */
enum rp_fstate rp_way_in_state(const struct rp_way_in *w, const char *id,
    const struct rp_hrun_rec **run);
/* The accepted record of id, or NULL. */
const struct rp_accepted *rp_way_in_accepted(const struct rp_way_in *w, const char *id);

/* Close conditions (close.c): whether the way in is known (a vector recorded, and an
 * "unknown" one explained), and whether every finding tied to it is closed or accepted.
 * *blocking (optional) gets the first finding that is not. */
int rp_way_in_known(const struct rp_way_in *w);
int rp_way_in_closed(const struct rp_way_in *w, const char **blocking);

/* Records the way in: vector (rp_vectors), the finding ids tied to it (each a harden
 * catalogue id), and the explanation. RP_ERR_INVALID for an unknown vector or id, an
 * empty text for "unknown", more than 32 findings. */
int rp_case_entry(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *vector, const char *const *findings, size_t nfindings, const char *text);

/* Accepts a finding on purpose (it stays, for a reason): RP_ERR_INVALID for an unknown
 * id or an empty reason. */
int rp_case_accept(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *finding, const char *reason);

/* Records a harden run (text for people, json: the run's data object with "root",
 * "live", the counts, "findings":[{"id",...}], "not_checked":[ids]; kind "harden"),
 * then makes an improvement action of each high finding (one per id) unless it is
 * accepted or has an action already that is not done: owner, due, the measure as its
 * text. c is the loaded case (its way in decides). *nactions (optional) counts the
 * actions made. */
int rp_case_harden(struct rp_store *st, const struct rp_case *c, int64_t now,
    const char *actor, const char *text, const char *json, const struct rp_hfinding *f,
    size_t nf, const char *owner, int64_t due, size_t *nactions);

/* Records a restore check's verdict (kind "restore-check"): ready, the reasons
 * ("; "-separated, or NULL) and its data object. */
int rp_case_restore_check(struct rp_store *st, int64_t case_id, int64_t now,
    const char *actor, int ready, const char *reasons, const char *json);

/* Raises the risk register (lib/prepare/risk.h) for the threats the case's vector stands
 * for: what `case close` does before closing. Idempotent per case ("case N" is the
 * source); no register or no asset assessed for a threat is no error. *raised
 * (optional) counts the risks raised. */
int rp_way_in_raise_risks(struct rp_store *st, const struct rp_case *c, int64_t now,
    const char *actor, size_t *raised);

#endif
