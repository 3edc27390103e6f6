/*
 * watch's alerts and canary reads, kept in the store whether or not an incident case
 * is open (the case's journal has them only while one is): the practice's own record
 * of what watch did, which `fleet push` sends to the IT provider (whose canary fired,
 * and when). Table alert_log, module "alertlog"; append-only (triggers refuse updates
 * and deletes, as the journal's do).
 * Thread-safety: a store belongs to one thread at a time; no global state.
 */
#ifndef RP_ALERTLOG_H
#define RP_ALERTLOG_H

#include <stdint.h>

struct rp_store;

int rp_alertlog_migrate(struct rp_store *st);

/* Appends one entry in its own transaction: type "alert" (acted on) or "canary-read"
 * (noted), the case it is journaled in (0: none), watch's sentence and its JSON object
 * (copied as it is; NULL for none). *id (optional) gets the entry's id. */
int rp_alertlog_add(struct rp_store *st, int64_t time, const char *type, int64_t case_id,
    const char *text, const char *data, int64_t *id);

/* watch's entry: its sentence and JSON object as watch journals them; the type is the
 * object's "kind" ("alert" or "canary-read", RP_ERR_INVALID for anything else or no
 * object) and the case the one open in st (0: none). */
int rp_alertlog_watch(struct rp_store *st, int64_t time, const char *text, const char *data);

/* One entry as read back; strings valid during the callback. data may be NULL. */
struct rp_alertlog_entry {
	int64_t id, time, case_id;
	const char *type, *text, *data;
};
/* fn for every entry with id > after, in id order; a non-zero return of fn stops the
 * walk and is returned. Reads only (the table must exist: rp_alertlog_migrate). */
int rp_alertlog_each(struct rp_store *st, int64_t after,
    int (*fn)(const struct rp_alertlog_entry *e, void *ctx), void *ctx);

#endif
