/*
 * PostgreSQL for the fleet: the one adapter over libpq (lib/fleet/pg.c). No libpq type
 * appears here; the rest of lib/fleet speaks SQL with text parameters through it.
 *
 * Parameters are always bound ($1, $2, ... sent apart from the statement text): no SQL
 * is built from data, except role names and passwords in CREATE ROLE, which PostgreSQL
 * cannot bind: those go through rp_pg_ident/rp_pg_literal (libpq's own escaping, which
 * knows the connection's encoding).
 *
 * A connection belongs to one thread at a time. Results are owned by the caller
 * (rp_pg_res_free); values point into the result.
 */
#ifndef RP_FLEET_PG_H
#define RP_FLEET_PG_H

#include <stddef.h>

#include "core/buf.h"

struct rp_pg;
struct rp_pg_res;

/* The keywords of a connection string (key=value pairs or a postgresql:// URI), in
 * libpq's own reading: fn(keyword, value, ctx) for every keyword given a value; a
 * non-zero return of fn stops and is returned. RP_ERR_FORMAT (err says why) when libpq
 * cannot read it. Needs no server. */
int rp_pg_conninfo_each(const char *conninfo,
    int (*fn)(const char *key, const char *value, void *ctx), void *ctx, struct rp_buf *err);

/*
 * Connects with keys[i] = vals[i] (NULL-terminated arrays; later keys override earlier
 * ones). 0, or: RP_ERR_UNREACHABLE (no server answered, TLS failed: err says libpq's
 * reason), RP_ERR_PERM (a password was needed and none given), RP_ERR_NOMEM. On
 * failure *out is NULL and err (optional) holds the message.
 */
int rp_pg_connect(struct rp_pg **out, const char *const *keys, const char *const *vals,
    struct rp_buf *err);
void rp_pg_close(struct rp_pg *pg);                      /* accepts NULL */

/* The server's last error message (first line), or "" */
const char *rp_pg_errmsg(const struct rp_pg *pg);
/* Its SQLSTATE ("42501"), or "" */
const char *rp_pg_sqlstate(const struct rp_pg *pg);

/*
 * Runs one statement with nparams text parameters (NULL = SQL NULL), or, with none,
 * one or more statements (the simple protocol: a migration). *res (optional) gets the
 * rows of a query (of the last statement). 0, or the error mapped from its SQLSTATE: RP_ERR_PERM
 * (insufficient privilege, a row-level security policy), RP_ERR_EXISTS (unique
 * violation, duplicate object), RP_ERR_NOTFOUND (undefined table, schema, function),
 * RP_ERR_FORMAT (a data exception: a value the server would not take),
 * RP_ERR_UNREACHABLE (the connection was lost, the server shut down), RP_ERR_DB
 * otherwise; rp_pg_errmsg says what the server said.
 */
int rp_pg_exec(struct rp_pg *pg, const char *sql, int nparams, const char *const *params,
    struct rp_pg_res **res);
size_t rp_pg_ntuples(const struct rp_pg_res *r);
/* The value at row, col as text, or NULL for SQL NULL (or out of range). */
const char *rp_pg_value(const struct rp_pg_res *r, size_t row, int col);
void rp_pg_res_free(struct rp_pg_res *r);                /* accepts NULL */

/* Appends s quoted as an identifier ("a""b") or a literal ('it''s', E'' when needed). */
int rp_pg_ident(struct rp_pg *pg, const char *s, struct rp_buf *out);
int rp_pg_literal(struct rp_pg *pg, const char *s, struct rp_buf *out);
/* The SCRAM-SHA-256 verifier of password for role (computed here: the password never
 * reaches the server or its logs). */
int rp_pg_scram(struct rp_pg *pg, const char *role, const char *password, struct rp_buf *out);
/* The connection's value of a keyword as libpq used it (host, port, dbname...), appended
 * to out; RP_ERR_NOTFOUND when it has none. */
int rp_pg_option(struct rp_pg *pg, const char *key, struct rp_buf *out);

#endif
