/* What the files of lib/fleet share; not for use outside it. */
#ifndef RP_FLEET_INTERNAL_H
#define RP_FLEET_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "fleet/fleet.h"

struct rp_pg;
struct rp_store;

struct rp_fleet {
	struct rp_pg *pg;
	char msg[512];               /* our own message for the last failure, or "" */
	char **keys, **vals;         /* the DSN's keywords as given (user, password and
	                              * passfile left out), for the practice's DSN */
	size_t n;
	int tls_applied;             /* sslmode=verify-full was added by the TLS rule */
};

/* Sets f->msg (printf-like) and returns r. */
int rp_fleet_fail(struct rp_fleet *f, int r, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Copies the adapter's last message into f->msg and returns r. */
int rp_fleet_fail_pg(struct rp_fleet *f, int r);

/* rp_pg_exec with the message kept on failure. */
struct rp_pg_res;
int rp_fleet_exec(struct rp_fleet *f, const char *sql, int nparams, const char *const *params,
    struct rp_pg_res **res);

/* The centre's schema version (0: none) and, for a practice's role, its site name
 * (NULL otherwise; caller frees). */
int rp_fleet_whoami(struct rp_fleet *f, int *version, char **site);

/* A value of a query as an integer (times are asked for as epoch seconds); def when
 * NULL or not a number. */
int64_t rp_fleet_int(const struct rp_pg_res *res, size_t row, int col, int64_t def);

/* A record's JSON, written key by key (record.c): the first error sticks in err and
 * rp_fj_end returns it. Strings are bytes (invalid UTF-8 also as KEY_hex); NULL and
 * RP_TIME_UNSET are null; rp_fj_json inserts a JSON text as it is when it parses, else
 * as a string. */
struct rp_fj {
	struct rp_buf *b;
	int err;
};
void rp_fj_begin(struct rp_fj *j, struct rp_buf *b, const char *kind, const char *rid);
void rp_fj_str(struct rp_fj *j, const char *key, const char *v);
void rp_fj_bytes(struct rp_fj *j, const char *key, const char *v, size_t len);
void rp_fj_int(struct rp_fj *j, const char *key, int64_t v);
void rp_fj_bool(struct rp_fj *j, const char *key, int v);
void rp_fj_time(struct rp_fj *j, const char *key, int64_t t);
void rp_fj_json(struct rp_fj *j, const char *key, const char *json);
int rp_fj_end(struct rp_fj *j);
int rp_fleet_kind_known(const char *kind);

/* A record the practice has now (collect.c), owned by the list. */
struct rp_fleet_rec {
	char *rid, *kind, *body;
	char hash[65];               /* SHA-256 of body: what "changed" means */
};
/* The queue in the practice's store (queue.c). */
int rp_fleetq_migrate(struct rp_store *st);
/* Compares v[0..n) (sorted by rid, unique) with what was sent and queued, and queues
 * the changes, the gone and the new alerts, in one transaction. */
int rp_fleetq_apply(struct rp_store *st, const struct rp_fleet_rec *v, size_t n,
    int64_t now, struct rp_fleet_collected *out);
/* A record taken from the queue to be sent. */
struct rp_fleetq_item {
	int64_t seq;
	int gone;                    /* a "gone" record */
	char *rid, *kind, *body;
	char hash[65];
};
/* Up to max items (and about max_bytes of bodies) not marked bad, oldest first; *items
 * is NULL (nothing to free) when *n is 0. */
int rp_fleetq_take(struct rp_store *st, size_t max, size_t max_bytes,
    struct rp_fleetq_item **items, size_t *n);
void rp_fleetq_items_free(struct rp_fleetq_item *items, size_t n);
/* The centre committed items[i] for every i with done[i]: out of the queue (unless
 * queued again since with other content), remembered as sent. One transaction. */
int rp_fleetq_done(struct rp_store *st, const struct rp_fleetq_item *items,
    const unsigned char *done, size_t n);
/* Marks one item bad with the reason. */
int rp_fleetq_bad(struct rp_store *st, const struct rp_fleetq_item *item, const char *why);
/* Queue length, and of it the bad ones. */
int rp_fleetq_count(struct rp_store *st, size_t *n, size_t *bad);

#endif
