/*
 * The store: one SQLite database file (./riposte.db by default) behind this small
 * interface, so that no SQLite type leaks into the rest of the engine (and another
 * backend can come later). Properties every caller relies on:
 *  - WAL journal, synchronous=FULL: a committed transaction survives kill -9 and a
 *    power cut; two riposte processes at once wait for each other (busy timeout)
 *    instead of failing;
 *  - application_id 'RIPO' marks our files; opening another SQLite file, or a file
 *    that is not a database, fails with RP_ERR_DB_CORRUPT and changes nothing;
 *  - each subsystem owns its tables and migrates them itself (rp_store_migrate), in
 *    one transaction per step, versions recorded in table schema_version.
 * A store handle belongs to one thread at a time.
 */
#ifndef RP_STORE_H
#define RP_STORE_H

#include <stddef.h>
#include <stdint.h>

struct rp_store;
struct rp_stmt;

#define RP_STORE_CREATE 0x1    /* create the file when missing */
#define RP_STORE_RDONLY 0x2

int rp_store_open(struct rp_store **out, const char *path, unsigned flags);
void rp_store_close(struct rp_store *st);               /* accepts NULL */
const char *rp_store_errmsg(struct rp_store *st);        /* SQLite's last message */
const char *rp_store_path(const struct rp_store *st);

struct rp_migration {
	int version;         /* 1, 2, 3, ... in order */
	const char *sql;     /* one or more statements */
};
/* Brings module's tables to the last version of m[] (n entries). Idempotent. */
int rp_store_migrate(struct rp_store *st, const char *module,
    const struct rp_migration *m, size_t n);

int rp_store_begin(struct rp_store *st);      /* BEGIN IMMEDIATE: takes the write lock now */
int rp_store_commit(struct rp_store *st);
int rp_store_rollback(struct rp_store *st);   /* safe to call when no transaction is open */
int rp_store_exec(struct rp_store *st, const char *sql);
int64_t rp_store_last_id(struct rp_store *st);
/* A number that changes whenever another connection (another process, or another
 * handle of this one) has committed to the database since this handle last asked:
 * a cheap "did anything change" for a process that watches the store. */
int rp_store_data_version(struct rp_store *st, int64_t *v);
int rp_store_changes(struct rp_store *st);

int rp_stmt_prepare(struct rp_store *st, const char *sql, struct rp_stmt **out);
void rp_stmt_free(struct rp_stmt *s);          /* accepts NULL */
int rp_stmt_reset(struct rp_stmt *s);          /* also clears bindings */
/* Parameters are numbered from 1, as in SQLite. Text and blobs are copied. */
int rp_stmt_bind_int64(struct rp_stmt *s, int i, int64_t v);
int rp_stmt_bind_double(struct rp_stmt *s, int i, double v);
int rp_stmt_bind_text(struct rp_stmt *s, int i, const char *v);           /* NULL binds NULL */
int rp_stmt_bind_blob(struct rp_stmt *s, int i, const void *v, size_t len); /* bytes, e.g. paths */
int rp_stmt_bind_null(struct rp_stmt *s, int i);
/* 1 when a row is ready, 0 when done, or a negative RP_ERR_*. */
int rp_stmt_step(struct rp_stmt *s);
/* Columns are numbered from 0. Pointers are valid until the next step/reset/free. */
int64_t rp_stmt_int64(struct rp_stmt *s, int col);
double rp_stmt_double(struct rp_stmt *s, int col);
const char *rp_stmt_text(struct rp_stmt *s, int col);           /* "" for NULL */
const void *rp_stmt_blob(struct rp_stmt *s, int col, size_t *len);
int rp_stmt_isnull(struct rp_stmt *s, int col);

#endif
