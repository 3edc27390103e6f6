/*
 * The incident case as a whole, read back from its journal: the journal is the one
 * record (hash-chained, see journal.h); facts, costs, IOCs, notifications, root cause,
 * lessons and actions are journal entries with a JSON "data" object, so every one of
 * them is covered by `case verify`. Every decision of `riposte case` is made here, in
 * lib/case; the CLI parses options and formats. The themes have headers of their own,
 * all included here:
 *
 *   cost.h      money, cost entries, the insurance claim
 *   deadline.h  the legal deadlines (obligations shipped as data/obligations/)
 *   notify.h    notifications: recipients, language, drafts, what a sent one closes
 *   ioc.h       indicators of compromise and their STIX 2.1 export
 *   attach.h    results of other commands attached to the case
 *   contacts.h  the correspondents warned (mail trace) and their letters
 *   report.h    the final report (Markdown, HTML, PDF)
 *
 * Thread-safety: no global mutable state; a struct rp_case is not locked (one thread
 * per object). Functions that take a store write one transaction per call.
 */
#ifndef RP_CASE_H
#define RP_CASE_H

#include <stddef.h>
#include <stdint.h>

#include "case/attach.h"
#include "case/contacts.h"
#include "case/cost.h"
#include "case/deadline.h"
#include "case/ioc.h"
#include "case/journal.h"
#include "case/notify.h"
#include "case/report.h"
#include "case/vector.h"
#include "core/buf.h"

struct rp_ini;
struct rp_store;

/* The facts `case facts` records. Values: RP_FACT_UNSET (never said), NO, YES, UNKNOWN. */
enum rp_fact {
	RP_FACT_PERSONAL_DATA, RP_FACT_HEALTH_DATA, RP_FACT_HIGH_RISK, RP_FACT_EXTORTION,
	RP_FACT_EXFILTRATION, RP_FACT_COUNT
};
enum { RP_FACT_UNSET = -1, RP_FACT_NO = 0, RP_FACT_YES = 1, RP_FACT_UNKNOWN = 2 };
const char *rp_fact_name(enum rp_fact f);          /* "personal-data", ... */
int rp_fact_lookup(const char *name);             /* enum or -1 */
const char *rp_fact_value_name(int v);            /* "yes", "no", "unknown", "unset" */
/* The value of a fact from its word: "yes", "no", and "unknown" for the facts that may
 * stay open (exfiltration: the logs may not tell). 0 with *value set, or RP_ERR_INVALID;
 * *allowed (optional) is what the fact accepts, for the message: "yes or no". */
int rp_fact_parse(enum rp_fact f, const char *word, int *value, const char **allowed);

struct rp_action {
	int64_t time;
	char *text;
	char *owner;             /* NULL for a lesson */
	int64_t due;             /* RP_TIME_UNSET for a lesson */
	char *finding;           /* the harden finding it was made of (vector.h), or NULL */
};

struct rp_entry {            /* a journal entry, for the timeline */
	int64_t seq, time;
	int64_t at;              /* when it happened (data "at", `case log --at`), else time */
	char *kind, *actor, *text;
};

struct rp_case {
	struct rp_case_info info;
	int facts[RP_FACT_COUNT];
	char *root_cause;        /* the last one recorded, or NULL */
	struct rp_cost *costs;       size_t ncosts;
	struct rp_ioc *iocs;         size_t niocs;
	struct rp_notice *notices;   size_t nnotices;
	struct rp_action *actions;   size_t nactions;  /* lessons and actions, in order */
	struct rp_attachment *attachments; size_t nattachments;
	struct rp_entry *entries;    size_t nentries;
	struct rp_contact *contacts; size_t ncontacts;  /* merged by address */
	struct rp_way_in way_in;     /* how it came in, harden runs, acceptances */
	int integrity;           /* rp_case_check_integrity: 0 not checked, 1 intact,
	                          * -1 altered (then bad_seq) */
	int64_t bad_seq;
	/* private to the loader: the elements allocated behind each list above */
	struct {
		size_t costs, iocs, notices, actions, attachments, entries, contacts;
	} cap;
};

/* Loads case id (0: the current open case) with its whole journal; *out is owned by the
 * caller (rp_case_release). RP_ERR_NOTFOUND when there is no such case. */
int rp_case_load(struct rp_store *st, int64_t id, struct rp_case *out);
void rp_case_release(struct rp_case *c);            /* accepts a zeroed struct */
/* Verifies the journal of a loaded case and sets c->integrity and c->bad_seq: 0 (intact
 * or altered: see c->integrity), or a store error. */
int rp_case_check_integrity(struct rp_store *st, struct rp_case *c);

/* Appends a journal entry whose data object is built from NULL-terminated key/value
 * string pairs (values are JSON-escaped; a value starting with '\x01' is inserted
 * raw, for numbers; a NULL value leaves the key out). One transaction. */
int rp_case_record(struct rp_store *st, int64_t case_id, int64_t now, const char *kind,
    const char *actor, const char *text, ...) __attribute__((sentinel));

/* How far ahead of the clock a time said to be in the past may be (clocks of the
 * machines people read times from are not exact). */
#define RP_CASE_CLOCK_SKEW 300
/* Whether t (a time of awareness, an event) is not in the future: t <= now + skew. */
int rp_case_time_past(int64_t t, int64_t now);

/*
 * The recording verbs. Each appends to case_id's journal (0: the current open case;
 * RP_ERR_NOTFOUND when there is none) in one transaction; text is what people read in
 * the journal, data the details. RP_ERR_INVALID for input the case refuses.
 */
/* Records fact f of a loaded case unless it has that value already (nothing to
 * journal): *changed (optional) says whether an entry was appended; c->facts follows. */
int rp_case_set_fact(struct rp_store *st, struct rp_case *c, int64_t now, const char *actor,
    enum rp_fact f, int value, int *changed);
/* A note, or with at != RP_TIME_UNSET an event that happened at that time (the
 * report's timeline puts it there). RP_ERR_INVALID: empty text, at in the future. */
int rp_case_log(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *text, int64_t at);
/* kind "root-cause", "lesson", or "action" (then owner and due are required; due is a
 * time, RP_TIME_UNSET otherwise). RP_ERR_INVALID: another kind, empty text, an action
 * without owner or due. */
int rp_case_add_text(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *kind, const char *text, const char *owner, int64_t due);

/* Every case of the store, in id order: fn per case (strings valid during the call);
 * a non-zero return of fn stops the walk and is returned. */
struct rp_case_row {
	int64_t id;
	const char *title;
	int64_t discovered;
	int64_t closed;          /* RP_TIME_UNSET while open */
};
int rp_case_list(struct rp_store *st, int (*fn)(const struct rp_case_row *row, void *ctx),
    void *ctx);

/*
 * Closing. A case closes when every condition of the table in close.c is met (one row
 * per condition: today a recorded root cause); --force closes anyway and the closing
 * entry says what was missing.
 */
struct rp_close_condition {
	const char *id;          /* "root-cause" */
	const char *unmet;       /* "has no root cause recorded: record it with ..." */
	const char *missing;     /* for the forced closing's entry: "a root cause" */
};
/* The first condition c does not meet, given what comes with the closing (root_cause,
 * or NULL), or NULL when it may be closed. */
const struct rp_close_condition *rp_case_close_unmet(const struct rp_case *c,
    const char *root_cause);
/* Closes a loaded case: RP_ERR_EXISTS when it is closed already; when a condition is
 * not met and !force, RP_ERR_REFUSED with *unmet (optional) set and nothing recorded.
 * Otherwise records root_cause (if given) and the closing. */
int rp_case_finish(struct rp_store *st, const struct rp_case *c, int64_t now,
    const char *actor, const char *root_cause, int force,
    const struct rp_close_condition **unmet);

#endif
