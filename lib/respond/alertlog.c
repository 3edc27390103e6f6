/* watch's alert log in the store. */
#include <string.h>

#include "case/journal.h"
#include "core/err.h"
#include "respond/alertlog.h"
#include "store/store.h"

static const struct rp_migration migrations[] = {
	{ 1,
	  "CREATE TABLE alert_log("
	  " id INTEGER PRIMARY KEY AUTOINCREMENT,"
	  " time INTEGER NOT NULL,"
	  " type TEXT NOT NULL,"
	  " case_id INTEGER NOT NULL DEFAULT 0,"
	  " text TEXT NOT NULL,"
	  " data TEXT);"
	  "CREATE TRIGGER alert_log_no_update BEFORE UPDATE ON alert_log"
	  " BEGIN SELECT RAISE(ABORT, 'the alert log is append-only'); END;"
	  "CREATE TRIGGER alert_log_no_delete BEFORE DELETE ON alert_log"
	  " BEGIN SELECT RAISE(ABORT, 'the alert log is append-only'); END;" },
};

int
rp_alertlog_migrate(struct rp_store *st)
{
	return rp_store_migrate(st, "alertlog", migrations, sizeof(migrations) / sizeof(migrations[0]));
}

int
rp_alertlog_add(struct rp_store *st, int64_t time, const char *type, int64_t case_id,
    const char *text, const char *data, int64_t *id)
{
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_alertlog_migrate(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "INSERT INTO alert_log(time, type, case_id, text, data) "
	    "VALUES(?, ?, ?, ?, ?)", &s)) != 0)
		return r;
	if ((r = rp_stmt_bind_int64(s, 1, time)) != 0 || (r = rp_stmt_bind_text(s, 2, type)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 3, case_id)) != 0 || (r = rp_stmt_bind_text(s, 4, text)) != 0 ||
	    (r = rp_stmt_bind_text(s, 5, data)) != 0)
		goto out;
	if ((r = rp_stmt_step(s)) < 0)
		goto out;
	if (id)
		*id = rp_store_last_id(st);
	r = 0;
out:
	rp_stmt_free(s);
	return r;
}

int
rp_alertlog_watch(struct rp_store *st, int64_t time, const char *text, const char *data)
{
	/* watch writes the object, its kind first: the prefix says which it is */
	static const char *const types[] = { "alert", "canary-read" };
	static const char prefix[] = "{\"kind\":\"";
	const char *type = NULL;
	int64_t case_id = 0;
	size_t i, n;

	if (data == NULL || strncmp(data, prefix, sizeof(prefix) - 1) != 0)
		return RP_ERR_INVALID;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		n = strlen(types[i]);
		if (strncmp(data + sizeof(prefix) - 1, types[i], n) == 0 &&
		    data[sizeof(prefix) - 1 + n] == '"')
			type = types[i];
	}
	if (type == NULL)
		return RP_ERR_INVALID;
	if (rp_case_current(st, &case_id) != 0)
		case_id = 0;     /* no case open (or no case table yet): the log keeps it alone */
	return rp_alertlog_add(st, time, type, case_id, text, data, NULL);
}

int
rp_alertlog_each(struct rp_store *st, int64_t after,
    int (*fn)(const struct rp_alertlog_entry *e, void *ctx), void *ctx)
{
	struct rp_alertlog_entry e;
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_stmt_prepare(st, "SELECT id, time, case_id, type, text, data FROM alert_log "
	    "WHERE id > ? ORDER BY id", &s)) != 0)
		return r;
	if ((r = rp_stmt_bind_int64(s, 1, after)) != 0)
		goto out;
	while ((r = rp_stmt_step(s)) == 1) {
		e.id = rp_stmt_int64(s, 0);
		e.time = rp_stmt_int64(s, 1);
		e.case_id = rp_stmt_int64(s, 2);
		e.type = rp_stmt_text(s, 3);
		e.text = rp_stmt_text(s, 4);
		e.data = rp_stmt_isnull(s, 5) ? NULL : rp_stmt_text(s, 5);
		if ((r = fn(&e, ctx)) != 0)
			goto out;
	}
out:
	rp_stmt_free(s);
	return r;
}
