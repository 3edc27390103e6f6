#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "core/err.h"
#include "store/store.h"

#define RP_APPLICATION_ID 0x5249504f   /* 'RIPO' */

struct rp_store {
	sqlite3 *db;
	char *path;
};

struct rp_stmt {
	sqlite3_stmt *st;
	struct rp_store *store;
};

static int
map_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: return 0;
	case SQLITE_NOMEM:   return RP_ERR_NOMEM;
	case SQLITE_BUSY: case SQLITE_LOCKED: return RP_ERR_BUSY;
	case SQLITE_FULL:    return RP_ERR_NOSPACE;
	case SQLITE_CORRUPT: case SQLITE_NOTADB: return RP_ERR_DB_CORRUPT;
	case SQLITE_READONLY: case SQLITE_PERM: case SQLITE_AUTH: return RP_ERR_PERM;
	case SQLITE_CONSTRAINT: return RP_ERR_EXISTS;
	default:             return RP_ERR_DB;
	}
}

static int
pragma_int(sqlite3 *db, const char *sql, int64_t *v)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL)) != SQLITE_OK)
		return map_rc(rc);
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : map_rc(rc);
}

int
rp_store_open(struct rp_store **out, const char *path, unsigned flags)
{
	struct rp_store *st = NULL;
	int64_t appid = 0, pages = 0;
	int rc, r = RP_ERR_INTERNAL, oflags;
	struct stat sb;

	*out = NULL;
	if (!(flags & RP_STORE_CREATE) && stat(path, &sb) != 0)
		return errno == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM;
	if ((st = calloc(1, sizeof(*st))) == NULL || (st->path = strdup(path)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	oflags = SQLITE_OPEN_NOMUTEX | (flags & RP_STORE_RDONLY ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | (flags & RP_STORE_CREATE ? SQLITE_OPEN_CREATE : 0));
	if ((rc = sqlite3_open_v2(path, &st->db, oflags, NULL)) != SQLITE_OK) {
		r = map_rc(rc);
		goto out;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, 15000);
	/* reading the header tells a foreign or damaged file before we write anything */
	if ((r = pragma_int(st->db, "PRAGMA application_id", &appid)) != 0 ||
	    (r = pragma_int(st->db, "PRAGMA page_count", &pages)) != 0)
		goto out;
	if (pages > 0 && appid != RP_APPLICATION_ID) {
		r = RP_ERR_DB_CORRUPT;
		goto out;
	}
	if (!(flags & RP_STORE_RDONLY)) {
		if ((r = rp_store_exec(st, "PRAGMA journal_mode=WAL")) != 0 ||
		    (r = rp_store_exec(st, "PRAGMA synchronous=FULL")) != 0 ||
		    (r = rp_store_exec(st, "PRAGMA foreign_keys=ON")) != 0)
			goto out;
		if (pages == 0 && (r = rp_store_exec(st,
		    "PRAGMA application_id=1380536399")) != 0)
			goto out;
		if ((r = rp_store_exec(st, "CREATE TABLE IF NOT EXISTS schema_version("
		    "module TEXT PRIMARY KEY, version INTEGER NOT NULL)")) != 0)
			goto out;
	}
	*out = st;
	st = NULL;
	r = 0;
out:
	rp_store_close(st);
	return r;
}

void
rp_store_close(struct rp_store *st)
{
	if (st == NULL)
		return;
	sqlite3_close_v2(st->db);
	free(st->path);
	free(st);
}

const char *
rp_store_errmsg(struct rp_store *st)
{
	return st && st->db ? sqlite3_errmsg(st->db) : "no database";
}

const char *
rp_store_path(const struct rp_store *st)
{
	return st->path;
}

int
rp_store_exec(struct rp_store *st, const char *sql)
{
	return map_rc(sqlite3_exec(st->db, sql, NULL, NULL, NULL));
}

int
rp_store_begin(struct rp_store *st)
{
	return rp_store_exec(st, "BEGIN IMMEDIATE");
}

int
rp_store_commit(struct rp_store *st)
{
	return rp_store_exec(st, "COMMIT");
}

int
rp_store_rollback(struct rp_store *st)
{
	if (sqlite3_get_autocommit(st->db))
		return 0;
	return rp_store_exec(st, "ROLLBACK");
}

int64_t
rp_store_last_id(struct rp_store *st)
{
	return sqlite3_last_insert_rowid(st->db);
}

int
rp_store_data_version(struct rp_store *st, int64_t *v)
{
	return pragma_int(st->db, "PRAGMA data_version", v);
}

int
rp_store_changes(struct rp_store *st)
{
	return sqlite3_changes(st->db);
}

int
rp_store_migrate(struct rp_store *st, const char *module, const struct rp_migration *m,
    size_t n)
{
	struct rp_stmt *q = NULL, *u = NULL;
	int64_t have = 0;
	size_t i;
	int r;

	if ((r = rp_store_begin(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "SELECT version FROM schema_version WHERE module=?", &q)) != 0 ||
	    (r = rp_stmt_bind_text(q, 1, module)) != 0)
		goto out;
	if ((r = rp_stmt_step(q)) < 0)
		goto out;
	have = r == 1 ? rp_stmt_int64(q, 0) : 0;
	if ((r = rp_stmt_prepare(st, "INSERT INTO schema_version(module, version) VALUES(?1, ?2) "
	    "ON CONFLICT(module) DO UPDATE SET version=?2", &u)) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (m[i].version <= have)
			continue;
		if ((r = rp_store_exec(st, m[i].sql)) != 0)
			goto out;
		if ((r = rp_stmt_reset(u)) != 0 || (r = rp_stmt_bind_text(u, 1, module)) != 0 ||
		    (r = rp_stmt_bind_int64(u, 2, m[i].version)) != 0 || (r = rp_stmt_step(u)) < 0)
			goto out;
	}
	r = rp_store_commit(st);
out:
	rp_stmt_free(q);
	rp_stmt_free(u);
	if (r != 0)
		rp_store_rollback(st);
	return r;
}

int
rp_stmt_prepare(struct rp_store *st, const char *sql, struct rp_stmt **out)
{
	struct rp_stmt *s;
	int rc;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return RP_ERR_NOMEM;
	if ((rc = sqlite3_prepare_v2(st->db, sql, -1, &s->st, NULL)) != SQLITE_OK) {
		free(s);
		return map_rc(rc);
	}
	s->store = st;
	*out = s;
	return 0;
}

void
rp_stmt_free(struct rp_stmt *s)
{
	if (s == NULL)
		return;
	sqlite3_finalize(s->st);
	free(s);
}

int
rp_stmt_reset(struct rp_stmt *s)
{
	sqlite3_reset(s->st);
	return map_rc(sqlite3_clear_bindings(s->st));
}

int
rp_stmt_bind_int64(struct rp_stmt *s, int i, int64_t v)
{
	return map_rc(sqlite3_bind_int64(s->st, i, v));
}

int
rp_stmt_bind_double(struct rp_stmt *s, int i, double v)
{
	return map_rc(sqlite3_bind_double(s->st, i, v));
}

int
rp_stmt_bind_text(struct rp_stmt *s, int i, const char *v)
{
	if (v == NULL)
		return map_rc(sqlite3_bind_null(s->st, i));
	return map_rc(sqlite3_bind_text(s->st, i, v, -1, SQLITE_TRANSIENT));
}

int
rp_stmt_bind_blob(struct rp_stmt *s, int i, const void *v, size_t len)
{
	return map_rc(sqlite3_bind_blob64(s->st, i, v ? v : "", len, SQLITE_TRANSIENT));
}

int
rp_stmt_bind_null(struct rp_stmt *s, int i)
{
	return map_rc(sqlite3_bind_null(s->st, i));
}

int
rp_stmt_step(struct rp_stmt *s)
{
	int rc = sqlite3_step(s->st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return map_rc(rc);
}

int64_t
rp_stmt_int64(struct rp_stmt *s, int col)
{
	return sqlite3_column_int64(s->st, col);
}

double
rp_stmt_double(struct rp_stmt *s, int col)
{
	return sqlite3_column_double(s->st, col);
}

const char *
rp_stmt_text(struct rp_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s->st, col);

	return t ? (const char *)t : "";
}

const void *
rp_stmt_blob(struct rp_stmt *s, int col, size_t *len)
{
	const void *p = sqlite3_column_blob(s->st, col);

	*len = (size_t)sqlite3_column_bytes(s->st, col);
	return p ? p : "";
}

int
rp_stmt_isnull(struct rp_stmt *s, int col)
{
	return sqlite3_column_type(s->st, col) == SQLITE_NULL;
}
