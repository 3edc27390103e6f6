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

#include <stddef.h>
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

/* Appends n entries to case_id's journal (0: the current open case) with one time and
 * actor, all or none, in one transaction: for callers that record many things at once
 * (a mail trace's contacts), one commit instead of n. */
struct rp_journal_new {
	const char *kind;
	const char *text;
	const char *data;       /* JSON object or NULL */
};
int rp_journal_append_batch(struct rp_store *st, int64_t case_id, int64_t time,
    const char *actor, const struct rp_journal_new *v, size_t n);

/* Recomputes the chain of case_id. Returns 0 when intact, RP_ERR_INTEGRITY when any
 * entry was altered, removed or reordered; *bad_seq (optional) is the first bad one. */
int rp_journal_verify(struct rp_store *st, int64_t case_id, int64_t *bad_seq);

/* One journal entry as read back; the strings belong to the journal's iterator and
 * are valid during the callback only. data is NULL when the entry has none. */
struct rp_journal_entry {
	int64_t seq;
	int64_t time;
	const char *kind;
	const char *actor;
	const char *text;
	const char *data;
	const char *prev_hash;  /* as recorded: hex SHA-256 of the previous entry */
	const char *hash;       /* as recorded: this entry's hash */
};

/* Calls fn for every entry of case_id in chain order; a non-zero return of fn stops
 * the walk and is returned. Reads only (no chain check: see rp_journal_verify). */
int rp_journal_each(struct rp_store *st, int64_t case_id,
    int (*fn)(const struct rp_journal_entry *e, void *ctx), void *ctx);

/*
 * Reading the journal as it grows, across cases, for watchers of the store (the
 * dashboard's live view). Rows are numbered by the store in the order they were
 * appended (id), whatever their case. These read only and take no lock: the tables
 * must exist (rp_case_migrate, once).
 */
struct rp_journal_row {
	int64_t id;              /* the store's row number: later appends have larger ones */
	int64_t case_id;
	struct rp_journal_entry e;
};
/* The largest row id (0 for an empty journal). */
int rp_journal_last_id(struct rp_store *st, int64_t *id);
/* fn for each row after after_id, in append order, at most limit rows. */
int rp_journal_tail(struct rp_store *st, int64_t after_id, size_t limit,
    int (*fn)(const struct rp_journal_row *r, void *ctx), void *ctx);
/* fn for each row of kind recorded at or after since, newest first, at most limit;
 * *count (optional) gets how many there are in all. */
int rp_journal_recent(struct rp_store *st, const char *kind, int64_t since, size_t limit,
    int (*fn)(const struct rp_journal_row *r, void *ctx), void *ctx, size_t *count);

/* A case's record. Strings are owned by the struct (rp_case_info_release). */
struct rp_case_info {
	int64_t id;
	char *title;
	int64_t opened;
	int64_t discovered;     /* time of awareness: deadlines run from it */
	char *how;              /* NULL when not given */
	int64_t closed;         /* RP_TIME_UNSET while open */
	int64_t head_seq;       /* entries in the journal */
	char head_hash[65];     /* the last entry's hash: quote it elsewhere as an anchor */
};
/* Reads case id (0: the current open case). RP_ERR_NOTFOUND when there is none. */
int rp_case_get(struct rp_store *st, int64_t id, struct rp_case_info *out);
void rp_case_info_release(struct rp_case_info *c);

/* Closes case id and journals it (kind "close", data JSON optional), in one transaction.
 * RP_ERR_EXISTS when it is closed already. */
int rp_case_close(struct rp_store *st, int64_t id, int64_t now, const char *text,
    const char *data);

#endif
