#include <stdlib.h>
#include <string.h>

#include "case/journal.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/sha256.h"
#include "core/time.h"
#include "store/store.h"

static const struct rp_migration migrations[] = {
	{ 1,
	  "CREATE TABLE cases("
	  "  id INTEGER PRIMARY KEY,"
	  "  title TEXT NOT NULL,"
	  "  opened INTEGER NOT NULL,"          /* seconds since the epoch */
	  "  discovered INTEGER NOT NULL,"      /* time of awareness: deadlines run from it */
	  "  how TEXT,"
	  "  closed INTEGER,"                   /* NULL while open */
	  /* the chain's head, so that removing the last entries is detected too */
	  "  head_seq INTEGER NOT NULL DEFAULT 0,"
	  "  head_hash TEXT NOT NULL DEFAULT '0000000000000000000000000000000000000000000000000000000000000000'"
	  ");"
	  "CREATE TABLE journal("
	  "  id INTEGER PRIMARY KEY,"
	  "  case_id INTEGER NOT NULL REFERENCES cases(id),"
	  "  seq INTEGER NOT NULL,"             /* 1, 2, 3 ... within the case */
	  "  time INTEGER NOT NULL,"
	  "  kind TEXT NOT NULL,"
	  "  actor TEXT NOT NULL,"
	  "  text TEXT NOT NULL,"
	  "  data TEXT,"                        /* JSON object or NULL */
	  "  prev_hash TEXT NOT NULL,"          /* hex SHA-256 of the previous entry, 64 zeros first */
	  "  hash TEXT NOT NULL,"
	  "  UNIQUE(case_id, seq)"
	  ");"
	  /* append-only: the database itself refuses updates and deletes of the journal */
	  "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal "
	  "  BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;"
	  "CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal "
	  "  BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;" },
};

static const char zero_hash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

int
rp_case_migrate(struct rp_store *st)
{
	return rp_store_migrate(st, "case", migrations, sizeof(migrations) / sizeof(migrations[0]));
}

static int current_locked(struct rp_store *st, int64_t *id);

int
rp_case_current(struct rp_store *st, int64_t *id)
{
	int r;

	if ((r = rp_case_migrate(st)) != 0)
		return r;
	return current_locked(st, id);
}

/* The latest open case, for callers already inside a transaction (no migration:
 * that would open a transaction of its own). */
static int
current_locked(struct rp_store *st, int64_t *id)
{
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_stmt_prepare(st, "SELECT id FROM cases WHERE closed IS NULL "
	    "ORDER BY id DESC LIMIT 1", &s)) != 0)
		return r;
	r = rp_stmt_step(s);
	if (r == 1) {
		*id = rp_stmt_int64(s, 0);
		r = 0;
	} else if (r == 0) {
		r = RP_ERR_NOTFOUND;
	}
	rp_stmt_free(s);
	return r;
}

/*
 * The canonical serialisation hashed for an entry: the fields in a fixed order, each
 * as decimal or JSON-escaped text, joined by newlines. Changing it breaks every chain
 * already recorded, so it is versioned by its first line.
 */
static int
entry_hash(const char *prev, int64_t case_id, int64_t seq, int64_t time, const char *kind,
    const char *actor, const char *text, const char *data, char out[65])
{
	struct rp_buf b = RP_BUF_INIT;
	int r;

	if ((r = rp_buf_addf(&b, "riposte-journal-v1\n%s\n%lld\n%lld\n%lld\n", prev,
	    (long long)case_id, (long long)seq, (long long)time)) != 0 ||
	    (r = rp_json_str(&b, kind)) != 0 || (r = rp_buf_addch(&b, '\n')) != 0 ||
	    (r = rp_json_str(&b, actor)) != 0 || (r = rp_buf_addch(&b, '\n')) != 0 ||
	    (r = rp_json_str(&b, text)) != 0 || (r = rp_buf_addch(&b, '\n')) != 0 ||
	    (r = rp_json_str(&b, data ? data : "")) != 0)
		goto out;
	r = rp_sha256_hex(b.buf, b.len, out);
out:
	rp_buf_release(&b);
	return r;
}

static int
append_locked(struct rp_store *st, int64_t case_id, int64_t time, const char *kind,
    const char *actor, const char *text, const char *data, int64_t *entry_id)
{
	struct rp_stmt *q = NULL, *ins = NULL;
	char prev[65], hash[65];
	int64_t seq = 1;
	int r;

	if ((r = rp_stmt_prepare(st, "SELECT seq, hash FROM journal WHERE case_id=? "
	    "ORDER BY seq DESC LIMIT 1", &q)) != 0 || (r = rp_stmt_bind_int64(q, 1, case_id)) != 0)
		goto out;
	if ((r = rp_stmt_step(q)) < 0)
		goto out;
	if (r == 1) {
		seq = rp_stmt_int64(q, 0) + 1;
		snprintf(prev, sizeof(prev), "%s", rp_stmt_text(q, 1));
	} else {
		memcpy(prev, zero_hash, sizeof(prev));
	}
	if ((r = entry_hash(prev, case_id, seq, time, kind, actor, text, data, hash)) != 0)
		goto out;
	if ((r = rp_stmt_prepare(st, "INSERT INTO journal(case_id, seq, time, kind, actor, text, "
	    "data, prev_hash, hash) VALUES(?,?,?,?,?,?,?,?,?)", &ins)) != 0)
		goto out;
	if ((r = rp_stmt_bind_int64(ins, 1, case_id)) != 0 ||
	    (r = rp_stmt_bind_int64(ins, 2, seq)) != 0 ||
	    (r = rp_stmt_bind_int64(ins, 3, time)) != 0 ||
	    (r = rp_stmt_bind_text(ins, 4, kind)) != 0 ||
	    (r = rp_stmt_bind_text(ins, 5, actor)) != 0 ||
	    (r = rp_stmt_bind_text(ins, 6, text)) != 0 ||
	    (r = rp_stmt_bind_text(ins, 7, data)) != 0 ||
	    (r = rp_stmt_bind_text(ins, 8, prev)) != 0 ||
	    (r = rp_stmt_bind_text(ins, 9, hash)) != 0)
		goto out;
	if ((r = rp_stmt_step(ins)) < 0)
		goto out;
	if (entry_id)
		*entry_id = rp_store_last_id(st);
	rp_stmt_free(q);
	if ((r = rp_stmt_prepare(st, "UPDATE cases SET head_seq=?, head_hash=? WHERE id=?",
	    &q)) != 0 || (r = rp_stmt_bind_int64(q, 1, seq)) != 0 ||
	    (r = rp_stmt_bind_text(q, 2, hash)) != 0 || (r = rp_stmt_bind_int64(q, 3, case_id)) != 0 ||
	    (r = rp_stmt_step(q)) < 0)
		goto out;
	r = rp_store_changes(st) == 1 ? 0 : RP_ERR_NOTFOUND;
out:
	rp_stmt_free(q);
	rp_stmt_free(ins);
	return r;
}

/* n entries in one transaction, the write lock taken first: two riposte processes
 * appending at once serialise here; *entry_id (if wanted) is the last entry's id. */
static int
append_n(struct rp_store *st, int64_t case_id, int64_t time, const char *actor,
    const struct rp_journal_new *v, size_t n, int64_t *entry_id)
{
	size_t i;
	int r;

	if ((r = rp_case_migrate(st)) != 0)
		return r;
	if ((r = rp_store_begin(st)) != 0)
		return r;
	if (case_id == 0 && (r = current_locked(st, &case_id)) != 0)
		goto out;
	for (i = 0; i < n; i++)
		if ((r = append_locked(st, case_id, time, v[i].kind, actor, v[i].text, v[i].data,
		    entry_id)) != 0)
			goto out;
	r = rp_store_commit(st);
out:
	if (r != 0)
		rp_store_rollback(st);
	return r;
}

int
rp_journal_append(struct rp_store *st, int64_t case_id, int64_t time, const char *kind,
    const char *actor, const char *text, const char *data, int64_t *entry_id)
{
	const struct rp_journal_new one = { kind, text, data };

	return append_n(st, case_id, time, actor, &one, 1, entry_id);
}

int
rp_journal_append_batch(struct rp_store *st, int64_t case_id, int64_t time,
    const char *actor, const struct rp_journal_new *v, size_t n)
{
	return append_n(st, case_id, time, actor, v, n, NULL);
}

int
rp_case_open(struct rp_store *st, int64_t now, const char *title, int64_t discovered,
    const char *how, int64_t *id)
{
	struct rp_stmt *ins = NULL;
	struct rp_buf text = RP_BUF_INIT;
	int r;

	if ((r = rp_case_migrate(st)) != 0)
		return r;
	if ((r = rp_store_begin(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "INSERT INTO cases(title, opened, discovered, how) "
	    "VALUES(?,?,?,?)", &ins)) != 0 ||
	    (r = rp_stmt_bind_text(ins, 1, title)) != 0 ||
	    (r = rp_stmt_bind_int64(ins, 2, now)) != 0 ||
	    (r = rp_stmt_bind_int64(ins, 3, discovered)) != 0 ||
	    (r = rp_stmt_bind_text(ins, 4, how)) != 0 || (r = rp_stmt_step(ins)) < 0)
		goto out;
	*id = rp_store_last_id(st);
	if ((r = rp_buf_addf(&text, "case opened: %s", title)) != 0 ||
	    (r = append_locked(st, *id, now, "open", "riposte", text.buf, NULL, NULL)) != 0)
		goto out;
	r = rp_store_commit(st);
out:
	if (r != 0)
		rp_store_rollback(st);
	rp_stmt_free(ins);
	rp_buf_release(&text);
	return r;
}

struct verify {
	int64_t case_id;
	int64_t expect;        /* the next seq the chain must have */
	char prev[65];         /* the hash the next entry must point to */
};

/* RP_ERR_INTEGRITY at the first entry that is out of sequence, does not point to its
 * predecessor, or whose recomputed hash differs from the recorded one. */
static int
verify_entry(const struct rp_journal_entry *e, void *ctx)
{
	struct verify *v = ctx;
	char hash[65];
	int r;

	if (e->seq != v->expect || strcmp(e->prev_hash, v->prev) != 0)
		return RP_ERR_INTEGRITY;
	if ((r = entry_hash(v->prev, v->case_id, e->seq, e->time, e->kind, e->actor, e->text,
	    e->data, hash)) != 0)
		return r;
	if (strcmp(hash, e->hash) != 0)
		return RP_ERR_INTEGRITY;
	memcpy(v->prev, hash, sizeof(v->prev));
	v->expect++;
	return 0;
}

int
rp_journal_verify(struct rp_store *st, int64_t case_id, int64_t *bad_seq)
{
	struct verify v = { case_id, 1, { 0 } };
	struct rp_stmt *q = NULL;
	int r;

	memcpy(v.prev, zero_hash, sizeof(v.prev));
	if ((r = rp_journal_each(st, case_id, verify_entry, &v)) != 0)
		goto out;
	/* the recorded head must be where the chain ends: catches removed last entries */
	if ((r = rp_stmt_prepare(st, "SELECT head_seq, head_hash FROM cases WHERE id=?", &q)) != 0 ||
	    (r = rp_stmt_bind_int64(q, 1, case_id)) != 0)
		goto out;
	if ((r = rp_stmt_step(q)) < 0)
		goto out;
	if (r == 0) {
		r = RP_ERR_NOTFOUND;
		goto out;
	}
	r = rp_stmt_int64(q, 0) != v.expect - 1 || strcmp(rp_stmt_text(q, 1), v.prev) != 0 ?
	    RP_ERR_INTEGRITY : 0;
out:
	if (r == RP_ERR_INTEGRITY && bad_seq)
		*bad_seq = v.expect;
	rp_stmt_free(q);
	return r;
}

int
rp_journal_each(struct rp_store *st, int64_t case_id,
    int (*fn)(const struct rp_journal_entry *e, void *ctx), void *ctx)
{
	struct rp_stmt *q = NULL;
	struct rp_journal_entry e;
	int r;

	if ((r = rp_case_migrate(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "SELECT seq, time, kind, actor, text, data, prev_hash, hash "
	    "FROM journal WHERE case_id=? ORDER BY seq", &q)) != 0 ||
	    (r = rp_stmt_bind_int64(q, 1, case_id)) != 0)
		goto out;
	while ((r = rp_stmt_step(q)) == 1) {
		e.seq = rp_stmt_int64(q, 0);
		e.time = rp_stmt_int64(q, 1);
		e.kind = rp_stmt_text(q, 2);
		e.actor = rp_stmt_text(q, 3);
		e.text = rp_stmt_text(q, 4);
		e.data = rp_stmt_isnull(q, 5) ? NULL : rp_stmt_text(q, 5);
		e.prev_hash = rp_stmt_text(q, 6);
		e.hash = rp_stmt_text(q, 7);
		if ((r = fn(&e, ctx)) != 0)
			goto out;
	}
out:
	rp_stmt_free(q);
	return r;
}

int
rp_journal_last_id(struct rp_store *st, int64_t *id)
{
	struct rp_stmt *q = NULL;
	int r;

	*id = 0;
	if ((r = rp_stmt_prepare(st, "SELECT max(id) FROM journal", &q)) != 0)
		return r;
	if ((r = rp_stmt_step(q)) == 1) {
		*id = rp_stmt_isnull(q, 0) ? 0 : rp_stmt_int64(q, 0);
		r = 0;
	}
	rp_stmt_free(q);
	return r;
}

/* Runs q (columns: id case_id seq time kind actor text data prev_hash hash) and calls
 * fn for each row. */
static int
each_row(struct rp_stmt *q, int (*fn)(const struct rp_journal_row *r, void *ctx), void *ctx)
{
	struct rp_journal_row row;
	int r;

	while ((r = rp_stmt_step(q)) == 1) {
		row.id = rp_stmt_int64(q, 0);
		row.case_id = rp_stmt_int64(q, 1);
		row.e.seq = rp_stmt_int64(q, 2);
		row.e.time = rp_stmt_int64(q, 3);
		row.e.kind = rp_stmt_text(q, 4);
		row.e.actor = rp_stmt_text(q, 5);
		row.e.text = rp_stmt_text(q, 6);
		row.e.data = rp_stmt_isnull(q, 7) ? NULL : rp_stmt_text(q, 7);
		row.e.prev_hash = rp_stmt_text(q, 8);
		row.e.hash = rp_stmt_text(q, 9);
		if ((r = fn(&row, ctx)) != 0)
			return r;
	}
	return r;
}

#define ROW_COLUMNS "id, case_id, seq, time, kind, actor, text, data, prev_hash, hash"

int
rp_journal_tail(struct rp_store *st, int64_t after_id, size_t limit,
    int (*fn)(const struct rp_journal_row *r, void *ctx), void *ctx)
{
	struct rp_stmt *q = NULL;
	int r;

	if ((r = rp_stmt_prepare(st, "SELECT " ROW_COLUMNS " FROM journal WHERE id > ? "
	    "ORDER BY id LIMIT ?", &q)) == 0 && (r = rp_stmt_bind_int64(q, 1, after_id)) == 0 &&
	    (r = rp_stmt_bind_int64(q, 2, (int64_t)limit)) == 0)
		r = each_row(q, fn, ctx);
	rp_stmt_free(q);
	return r;
}

int
rp_journal_recent(struct rp_store *st, const char *kind, int64_t since, size_t limit,
    int (*fn)(const struct rp_journal_row *r, void *ctx), void *ctx, size_t *count)
{
	struct rp_stmt *q = NULL;
	int r;

	if (count) {
		if ((r = rp_stmt_prepare(st, "SELECT count(*) FROM journal WHERE kind = ? AND "
		    "time >= ?", &q)) != 0 || (r = rp_stmt_bind_text(q, 1, kind)) != 0 ||
		    (r = rp_stmt_bind_int64(q, 2, since)) != 0 || (r = rp_stmt_step(q)) < 0)
			goto out;
		*count = (size_t)rp_stmt_int64(q, 0);
		rp_stmt_free(q);
		q = NULL;
	}
	if ((r = rp_stmt_prepare(st, "SELECT " ROW_COLUMNS " FROM journal WHERE kind = ? AND "
	    "time >= ? ORDER BY id DESC LIMIT ?", &q)) == 0 &&
	    (r = rp_stmt_bind_text(q, 1, kind)) == 0 && (r = rp_stmt_bind_int64(q, 2, since)) == 0 &&
	    (r = rp_stmt_bind_int64(q, 3, (int64_t)limit)) == 0)
		r = each_row(q, fn, ctx);
out:
	rp_stmt_free(q);
	return r;
}

void
rp_case_info_release(struct rp_case_info *c)
{
	if (c == NULL)
		return;
	free(c->title);
	free(c->how);
	c->title = c->how = NULL;
}

int
rp_case_get(struct rp_store *st, int64_t id, struct rp_case_info *out)
{
	struct rp_stmt *q = NULL;
	int r;

	memset(out, 0, sizeof(*out));
	if (id == 0 && (r = rp_case_current(st, &id)) != 0)
		return r;
	if ((r = rp_case_migrate(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "SELECT id, title, opened, discovered, how, closed, head_seq, "
	    "head_hash FROM cases WHERE id=?", &q)) != 0 || (r = rp_stmt_bind_int64(q, 1, id)) != 0)
		goto out;
	if ((r = rp_stmt_step(q)) < 0)
		goto out;
	if (r == 0) {
		r = RP_ERR_NOTFOUND;
		goto out;
	}
	out->id = rp_stmt_int64(q, 0);
	out->title = strdup(rp_stmt_text(q, 1));
	out->opened = rp_stmt_int64(q, 2);
	out->discovered = rp_stmt_int64(q, 3);
	out->how = rp_stmt_isnull(q, 4) ? NULL : strdup(rp_stmt_text(q, 4));
	out->closed = rp_stmt_isnull(q, 5) ? RP_TIME_UNSET : rp_stmt_int64(q, 5);
	out->head_seq = rp_stmt_int64(q, 6);
	snprintf(out->head_hash, sizeof(out->head_hash), "%s", rp_stmt_text(q, 7));
	if (out->title == NULL || (!rp_stmt_isnull(q, 4) && out->how == NULL)) {
		rp_case_info_release(out);
		r = RP_ERR_NOMEM;
		goto out;
	}
	r = 0;
out:
	rp_stmt_free(q);
	return r;
}

int
rp_case_close(struct rp_store *st, int64_t id, int64_t now, const char *text, const char *data)
{
	struct rp_stmt *q = NULL;
	int r;

	if ((r = rp_case_migrate(st)) != 0)
		return r;
	if ((r = rp_store_begin(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "UPDATE cases SET closed=? WHERE id=? AND closed IS NULL",
	    &q)) != 0 || (r = rp_stmt_bind_int64(q, 1, now)) != 0 ||
	    (r = rp_stmt_bind_int64(q, 2, id)) != 0 || (r = rp_stmt_step(q)) < 0)
		goto out;
	if (rp_store_changes(st) != 1) {
		r = RP_ERR_EXISTS;
		goto out;
	}
	if ((r = append_locked(st, id, now, "close", "riposte", text, data, NULL)) != 0)
		goto out;
	r = rp_store_commit(st);
out:
	if (r != 0)
		rp_store_rollback(st);
	rp_stmt_free(q);
	return r;
}
