/*
 * The queue, in the practice's own store (module "fleet"):
 *   fleet_queue  what is to be sent: one row per record id (a newer version replaces
 *                the queued one, so a record is sent once, as it is last), oldest
 *                first by seq; bad says why a record cannot be sent (then it waits for
 *                `fleet push --resend`)
 *   fleet_sent   what the centre committed, per id: its hash (unchanged records are not
 *                queued again) and whether it was a "gone"
 *   fleet_state  alert_hwm: the last alert log id queued (alerts never change)
 * A record leaves fleet_queue only once the centre has committed it (rp_fleetq_done),
 * in a transaction that also records it in fleet_sent: a crash before that sends it
 * again, and the centre's upsert stores it once.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/sha256.h"
#include "fleet/internal.h"
#include "respond/alertlog.h"
#include "store/store.h"

static const struct rp_migration migrations[] = {
	{ 1,
	  "CREATE TABLE fleet_queue("
	  " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
	  " rid TEXT NOT NULL UNIQUE,"
	  " kind TEXT NOT NULL,"
	  " body TEXT NOT NULL,"
	  " hash TEXT NOT NULL,"
	  " queued INTEGER NOT NULL,"
	  " gone INTEGER NOT NULL DEFAULT 0,"
	  " bad TEXT);"
	  "CREATE TABLE fleet_sent("
	  " rid TEXT PRIMARY KEY,"
	  " kind TEXT NOT NULL,"
	  " hash TEXT NOT NULL,"
	  " gone INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	  "CREATE TABLE fleet_state("
	  " key TEXT PRIMARY KEY,"
	  " value INTEGER NOT NULL) WITHOUT ROWID;" },
};

int
rp_fleetq_migrate(struct rp_store *st)
{
	return rp_store_migrate(st, "fleet", migrations, sizeof(migrations) / sizeof(migrations[0]));
}

struct apply {
	struct rp_store *st;
	struct rp_stmt *qget, *sget, *put;
	int64_t now;
	struct rp_buf b;
	size_t changed, gone;
	int64_t hwm;
};

/* The hash of rid in the queue (q) or in fleet_sent (s), "" when none. */
static int
hash_of(struct rp_stmt *s, const char *rid, char out[65], int *gone)
{
	int r;

	out[0] = '\0';
	if ((r = rp_stmt_reset(s)) != 0 || (r = rp_stmt_bind_text(s, 1, rid)) != 0 ||
	    (r = rp_stmt_step(s)) < 0)
		return r;
	if (r == 1) {
		snprintf(out, 65, "%s", rp_stmt_text(s, 0));
		if (gone)
			*gone = (int)rp_stmt_int64(s, 1);
	}
	return 0;
}

static int
put(struct apply *a, const char *rid, const char *kind, const char *body, const char *hash,
    int gone)
{
	int r;

	if ((r = rp_stmt_reset(a->put)) != 0 || (r = rp_stmt_bind_text(a->put, 1, rid)) != 0 ||
	    (r = rp_stmt_bind_text(a->put, 2, kind)) != 0 ||
	    (r = rp_stmt_bind_text(a->put, 3, body)) != 0 ||
	    (r = rp_stmt_bind_text(a->put, 4, hash)) != 0 ||
	    (r = rp_stmt_bind_int64(a->put, 5, a->now)) != 0 ||
	    (r = rp_stmt_bind_int64(a->put, 6, gone)) != 0 || (r = rp_stmt_step(a->put)) < 0)
		return r;
	return 0;
}

/* Queues (rid, body) unless the queue or the centre has it as it is. */
static int
offer(struct apply *a, const char *rid, const char *kind, const char *body, const char *hash,
    int gone, int *queued)
{
	char qh[65], sh[65];
	int r;

	*queued = 0;
	if ((r = hash_of(a->qget, rid, qh, NULL)) != 0)
		return r;
	if (strcmp(qh, hash) == 0)
		return 0;
	if (qh[0] == '\0') {
		if ((r = hash_of(a->sget, rid, sh, NULL)) != 0)
			return r;
		if (strcmp(sh, hash) == 0)
			return 0;
	}
	/* queued with other content, or sent with other content, or new */
	*queued = 1;
	return put(a, rid, kind, body, hash, gone);
}

static int
cmp_rid(const void *key, const void *elem)
{
	return strcmp(key, ((const struct rp_fleet_rec *)elem)->rid);
}

static int
alert(const struct rp_alertlog_entry *e, void *ctx)
{
	struct apply *a = ctx;
	struct rp_fj j;
	char rid[64], hash[65];
	int r, q;

	snprintf(rid, sizeof(rid), "alert:%lld", (long long)e->id);
	rp_buf_reset(&a->b);
	rp_fj_begin(&j, &a->b, "alert", rid);
	rp_fj_str(&j, "type", e->type);
	rp_fj_time(&j, "time", e->time);
	if (e->case_id > 0)
		rp_fj_int(&j, "case", e->case_id);
	else
		rp_fj_str(&j, "case", NULL);     /* no case was open */
	rp_fj_str(&j, "text", e->text);
	rp_fj_json(&j, "data", e->data);
	if ((r = rp_fj_end(&j)) == RP_ERR_TOOBIG) {
		rp_buf_reset(&a->b);
		rp_fj_begin(&j, &a->b, "alert", rid);
		rp_fj_str(&j, "type", e->type);
		rp_fj_time(&j, "time", e->time);
		rp_fj_bool(&j, "truncated", 1);
		r = rp_fj_end(&j);
	}
	if (r != 0 || (r = rp_sha256_hex(a->b.buf, a->b.len, hash)) != 0 ||
	    (r = offer(a, rid, "alert", a->b.buf, hash, 0, &q)) != 0)
		return r;
	a->changed += (size_t)q;
	a->hwm = e->id;
	return 0;
}

int
rp_fleetq_apply(struct rp_store *st, const struct rp_fleet_rec *v, size_t n, int64_t now,
    struct rp_fleet_collected *out)
{
	struct apply a;
	struct rp_stmt *s = NULL, *del = NULL;
	struct rp_fj j;
	char hash[65];
	size_t i, nq = 0, bad = 0;
	int r, q, open = 0;

	memset(&a, 0, sizeof(a));
	a.st = st;
	a.now = now;
	rp_buf_init(&a.b, RP_FLEET_RECORD_MAX);
	if ((r = rp_fleetq_migrate(st)) != 0 || (r = rp_alertlog_migrate(st)) != 0 ||
	    (r = rp_store_begin(st)) != 0)
		goto out;
	open = 1;
	if ((r = rp_stmt_prepare(st, "SELECT hash FROM fleet_queue WHERE rid=?", &a.qget)) != 0 ||
	    (r = rp_stmt_prepare(st, "SELECT hash, gone FROM fleet_sent WHERE rid=?", &a.sget)) != 0 ||
	    (r = rp_stmt_prepare(st, "INSERT INTO fleet_queue(rid, kind, body, hash, queued, gone) "
	    "VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(rid) DO UPDATE SET kind=excluded.kind, "
	    "body=excluded.body, hash=excluded.hash, queued=excluded.queued, gone=excluded.gone, "
	    "bad=NULL", &a.put)) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		if ((r = offer(&a, v[i].rid, v[i].kind, v[i].body, v[i].hash, 0, &q)) != 0)
			goto out;
		a.changed += (size_t)q;
	}

	/* sent before, not there now: the centre is told it is gone */
	if ((r = rp_stmt_prepare(st, "SELECT rid, kind FROM fleet_sent WHERE gone=0 AND kind<>'alert' "
	    "ORDER BY rid", &s)) != 0)
		goto out;
	while ((r = rp_stmt_step(s)) == 1) {
		const char *rid = rp_stmt_text(s, 0), *kind = rp_stmt_text(s, 1);

		if (bsearch(rid, v, n, sizeof(*v), cmp_rid) != NULL)
			continue;
		rp_buf_reset(&a.b);
		rp_fj_begin(&j, &a.b, kind, rid);
		rp_fj_bool(&j, "gone", 1);
		if ((r = rp_fj_end(&j)) != 0 || (r = rp_sha256_hex(a.b.buf, a.b.len, hash)) != 0 ||
		    (r = offer(&a, rid, kind, a.b.buf, hash, 1, &q)) != 0)
			goto out;
		a.gone += (size_t)q;
	}
	if (r < 0)
		goto out;
	rp_stmt_free(s);
	s = NULL;
	/* queued, never sent, not there now: nothing to tell */
	if ((r = rp_stmt_prepare(st, "SELECT seq, rid FROM fleet_queue WHERE kind<>'alert' AND "
	    "rid NOT IN (SELECT rid FROM fleet_sent)", &s)) != 0 ||
	    (r = rp_stmt_prepare(st, "DELETE FROM fleet_queue WHERE seq=?", &del)) != 0)
		goto out;
	while ((r = rp_stmt_step(s)) == 1) {
		if (bsearch(rp_stmt_text(s, 1), v, n, sizeof(*v), cmp_rid) != NULL)
			continue;
		if ((r = rp_stmt_reset(del)) != 0 || (r = rp_stmt_bind_int64(del, 1, rp_stmt_int64(s, 0))) != 0 ||
		    (r = rp_stmt_step(del)) < 0)
			goto out;
	}
	if (r < 0)
		goto out;
	rp_stmt_free(s);
	s = NULL;

	/* the new alerts */
	if ((r = rp_stmt_prepare(st, "SELECT value FROM fleet_state WHERE key='alert_hwm'", &s)) != 0 ||
	    (r = rp_stmt_step(s)) < 0)
		goto out;
	a.hwm = r == 1 ? rp_stmt_int64(s, 0) : 0;
	rp_stmt_free(s);
	s = NULL;
	if ((r = rp_alertlog_each(st, a.hwm, alert, &a)) != 0 ||
	    (r = rp_stmt_prepare(st, "INSERT INTO fleet_state(key, value) VALUES('alert_hwm', ?) "
	    "ON CONFLICT(key) DO UPDATE SET value=excluded.value", &s)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 1, a.hwm)) != 0 || (r = rp_stmt_step(s)) < 0)
		goto out;
	if ((r = rp_store_commit(st)) != 0)
		goto out;
	open = 0;
	if ((r = rp_fleetq_count(st, &nq, &bad)) != 0)
		goto out;
	out->records = n;
	out->changed = a.changed;
	out->gone = a.gone;
	out->queued = nq;
	r = 0;
out:
	if (open)
		rp_store_rollback(st);
	rp_stmt_free(s);
	rp_stmt_free(del);
	rp_stmt_free(a.qget);
	rp_stmt_free(a.sget);
	rp_stmt_free(a.put);
	rp_buf_release(&a.b);
	return r;
}

int
rp_fleetq_count(struct rp_store *st, size_t *n, size_t *bad)
{
	struct rp_stmt *s = NULL;
	int r;

	*n = 0;
	if (bad)
		*bad = 0;
	if ((r = rp_fleetq_migrate(st)) != 0 ||
	    (r = rp_stmt_prepare(st, "SELECT count(*), count(bad) FROM fleet_queue", &s)) != 0)
		return r;
	if ((r = rp_stmt_step(s)) == 1) {
		*n = (size_t)rp_stmt_int64(s, 0);
		if (bad)
			*bad = (size_t)rp_stmt_int64(s, 1);
		r = 0;
	}
	rp_stmt_free(s);
	return r < 0 ? r : 0;
}

int
rp_fleet_queued(struct rp_store *st, size_t *n)
{
	return rp_fleetq_count(st, n, NULL);
}

int
rp_fleet_resend(struct rp_store *st)
{
	int r;

	if ((r = rp_fleetq_migrate(st)) != 0 || (r = rp_store_begin(st)) != 0)
		return r;
	if ((r = rp_store_exec(st, "DELETE FROM fleet_sent; DELETE FROM fleet_state WHERE "
	    "key='alert_hwm'; UPDATE fleet_queue SET bad=NULL")) != 0) {
		rp_store_rollback(st);
		return r;
	}
	return rp_store_commit(st);
}

void
rp_fleetq_items_free(struct rp_fleetq_item *items, size_t n)
{
	size_t i;

	for (i = 0; items && i < n; i++) {
		free(items[i].rid);
		free(items[i].kind);
		free(items[i].body);
	}
	free(items);
}

int
rp_fleetq_take(struct rp_store *st, size_t max, size_t max_bytes,
    struct rp_fleetq_item **items, size_t *n)
{
	struct rp_fleetq_item *v = NULL, *x;
	struct rp_stmt *s = NULL;
	size_t k = 0, bytes = 0;
	int r;

	*items = NULL;
	*n = 0;
	if ((v = calloc(max ? max : 1, sizeof(*v))) == NULL)
		return RP_ERR_NOMEM;
	if ((r = rp_stmt_prepare(st, "SELECT seq, rid, kind, body, hash, gone FROM fleet_queue "
	    "WHERE bad IS NULL ORDER BY seq LIMIT ?", &s)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 1, (int64_t)max)) != 0)
		goto out;
	while (k < max && (r = rp_stmt_step(s)) == 1) {
		const char *body = rp_stmt_text(s, 3);
		size_t len = strlen(body);

		if (k > 0 && bytes + len > max_bytes)
			break;
		x = &v[k];
		x->seq = rp_stmt_int64(s, 0);
		x->gone = (int)rp_stmt_int64(s, 5);
		snprintf(x->hash, sizeof(x->hash), "%s", rp_stmt_text(s, 4));
		if ((x->rid = strdup(rp_stmt_text(s, 1))) == NULL ||
		    (x->kind = strdup(rp_stmt_text(s, 2))) == NULL || (x->body = strdup(body)) == NULL) {
			k++;
			r = RP_ERR_NOMEM;
			goto out;
		}
		k++;
		bytes += len;
	}
	if (r < 0)
		goto out;
	if (k > 0) {             /* nothing queued: *items stays NULL, v is freed below */
		*items = v;
		*n = k;
		v = NULL;
	}
	r = 0;
out:
	rp_stmt_free(s);
	rp_fleetq_items_free(v, k);
	return r;
}

int
rp_fleetq_done(struct rp_store *st, const struct rp_fleetq_item *items,
    const unsigned char *done, size_t n)
{
	struct rp_stmt *del = NULL, *sent = NULL;
	size_t i;
	int r;

	if ((r = rp_store_begin(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "DELETE FROM fleet_queue WHERE seq=? AND hash=?", &del)) != 0 ||
	    (r = rp_stmt_prepare(st, "INSERT INTO fleet_sent(rid, kind, hash, gone) VALUES(?1, ?2, ?3, ?4) "
	    "ON CONFLICT(rid) DO UPDATE SET kind=excluded.kind, hash=excluded.hash, gone=excluded.gone",
	    &sent)) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (!done[i])
			continue;
		if ((r = rp_stmt_reset(del)) != 0 || (r = rp_stmt_bind_int64(del, 1, items[i].seq)) != 0 ||
		    (r = rp_stmt_bind_text(del, 2, items[i].hash)) != 0 || (r = rp_stmt_step(del)) < 0)
			goto out;
		/* alerts never change nor go: the high-water mark stands for them */
		if (strcmp(items[i].kind, "alert") == 0)
			continue;
		if ((r = rp_stmt_reset(sent)) != 0 || (r = rp_stmt_bind_text(sent, 1, items[i].rid)) != 0 ||
		    (r = rp_stmt_bind_text(sent, 2, items[i].kind)) != 0 ||
		    (r = rp_stmt_bind_text(sent, 3, items[i].hash)) != 0 ||
		    (r = rp_stmt_bind_int64(sent, 4, items[i].gone)) != 0 || (r = rp_stmt_step(sent)) < 0)
			goto out;
	}
	r = rp_store_commit(st);
out:
	if (r != 0)
		rp_store_rollback(st);
	rp_stmt_free(del);
	rp_stmt_free(sent);
	return r;
}

int
rp_fleetq_bad(struct rp_store *st, const struct rp_fleetq_item *item, const char *why)
{
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_stmt_prepare(st, "UPDATE fleet_queue SET bad=? WHERE seq=? AND hash=?", &s)) != 0)
		return r;
	if ((r = rp_stmt_bind_text(s, 1, why)) == 0 && (r = rp_stmt_bind_int64(s, 2, item->seq)) == 0 &&
	    (r = rp_stmt_bind_text(s, 3, item->hash)) == 0 && (r = rp_stmt_step(s)) > 0)
		r = 0;
	rp_stmt_free(s);
	return r;
}
