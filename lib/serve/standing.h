/*
 * Where an incident's response stands, read from its journal: the phase (detect,
 * contain, investigate, notify, recover, close) and the first-hour checklist with who
 * ticked what and when. Pure functions over journal entries (fed in chain order), so
 * that the dashboard, the API and the tests see the same thing. No global state;
 * thread-safe per struct.
 */
#ifndef RP_SERVE_STANDING_H
#define RP_SERVE_STANDING_H

#include <stddef.h>
#include <stdint.h>

struct rp_journal_entry;

enum rp_phase {
	RP_PHASE_DETECT, RP_PHASE_CONTAIN, RP_PHASE_INVESTIGATE, RP_PHASE_NOTIFY,
	RP_PHASE_RECOVER, RP_PHASE_CLOSE, RP_PHASE_N
};
const char *rp_phase_name(int phase);         /* "detect", ...; "?" out of range */
int rp_phase_lookup(const char *name);        /* the phase, or -1 */

#define RP_CHECK_MAX_ITEMS 32
#define RP_CHECK_MAX_DONE_BY 4

/* One item of the checklist, and whether (by what entry) it is done. */
struct rp_check_item {
	char *id;                     /* the plan's step ("cut-network") */
	int phase;
	char *done_by[RP_CHECK_MAX_DONE_BY];  /* "isolate", "notify:insurer" */
	size_t ndone_by;
	int64_t seq;                  /* the entry that ticked it, 0 while not done */
	int64_t time;
	char *actor;                  /* who, from that entry */
	char *kind;                   /* "check" (ticked on the page) or the tool's kind */
};

struct rp_standing {
	struct rp_check_item items[RP_CHECK_MAX_ITEMS];
	size_t nitems;
	int phase;                    /* the furthest phase with evidence */
	int seen[RP_PHASE_N];         /* which phases have evidence at all */
	int64_t phase_seq, phase_time;/* the first entry that showed it */
	char *phase_text;             /* that entry's text */
};

/* Reads the checklist (the INI text of data/serve/checklist.ini: [item ID] with phase
 * and done-by) into p, nothing done yet: 0, RP_ERR_FORMAT, RP_ERR_TOOBIG. */
int rp_standing_init(struct rp_standing *p, const char *ini, size_t len);
/* Takes one journal entry into account (entries in chain order). */
int rp_standing_feed(struct rp_standing *p, const struct rp_journal_entry *e);
void rp_standing_release(struct rp_standing *p);    /* accepts a zeroed struct */
/* The index of item id, or -1. */
int rp_standing_item(const struct rp_standing *p, const char *id);

#endif
