/*
 * The incident case's journal: append-only and hash-chained. Every subsystem that
 * acts or finds something during an incident (scan, watch, isolate, collect, exfil,
 * notify, ...) appends an entry here, so that the final report and the insurance
 * claim are written from what was recorded, with a timestamp, not retyped.
 *
 * Each entry's hash is SHA-256 over the previous entry's hash and the entry's
 * canonical serialisation (see journal.c), so altering or removing any recorded entry
 * breaks rp_journal_verify. Uses the store; one call = one transaction.
 */
#ifndef RP_JOURNAL_H
#define RP_JOURNAL_H

#include <stdint.h>

#include "core/buf.h"

struct rp_store;

/* Creates or upgrades the case and journal tables. Called by the functions below. */
int rp_case_migrate(struct rp_store *st);

/* The latest case that is not closed: *id set, or RP_ERR_NOTFOUND when none is open. */
int rp_case_current(struct rp_store *st, int64_t *id);

/* Opens a case; returns its id in *id and journals the opening. */
int rp_case_open(struct rp_store *st, int64_t now, const char *title, int64_t discovered,
    const char *how, int64_t *id);

/*
 * Appends an entry to case_id's journal (case_id 0: the current open case; then
 * RP_ERR_NOTFOUND when there is none, which callers that attach opportunistically
 * ignore). kind is a short machine word ("scan", "isolate", "note", "fact", ...),
 * text a sentence for people, data an optional JSON object (NULL for none) with the
 * details (hashes, counts, the ruleset hash). The new entry's id goes to *entry_id if
 * non-NULL.
 */
int rp_journal_append(struct rp_store *st, int64_t case_id, int64_t time, const char *kind,
    const char *actor, const char *text, const char *data, int64_t *entry_id);

/* Recomputes the chain of case_id. Returns 0 when intact, RP_ERR_INTEGRITY when any
 * entry was altered, removed or reordered; *bad_seq (optional) is the first bad one. */
int rp_journal_verify(struct rp_store *st, int64_t case_id, int64_t *bad_seq);

#endif
