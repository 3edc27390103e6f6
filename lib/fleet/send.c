/*
 * The queue to the centre. A batch is one INSERT ... ON CONFLICT DO UPDATE over a JSON
 * array (jsonb_to_recordset): one statement, one round trip, atomic on its own. The
 * site column is the one the centre's row-level security checks: a practice's role
 * that names another site is refused by the database, not by us.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/escape.h"
#include "fleet/internal.h"
#include "fleet/pg.h"
#include "store/store.h"

#define BATCH 1000                     /* records per statement */
#define BATCH_BYTES ((size_t)4 << 20)  /* and about this many bytes of JSON */

static const char upsert[] =
	"INSERT INTO fleet.record AS r (site, rid, kind, body) "
	"SELECT $1, x.rid, x.kind, x.body "
	"FROM jsonb_to_recordset($2::jsonb) AS x (rid text, kind text, body jsonb) "
	"ON CONFLICT (site, rid) DO UPDATE SET kind = EXCLUDED.kind, body = EXCLUDED.body, "
	"received = now() WHERE r.body IS DISTINCT FROM EXCLUDED.body";

/* The items with ok[i] as a JSON array of {"rid","kind","body"}. */
static int
batch_json(const struct rp_fleetq_item *v, const unsigned char *ok, size_t n, struct rp_buf *b)
{
	size_t i;
	int r, first = 1;

	rp_buf_reset(b);
	if ((r = rp_buf_addch(b, '[')) != 0)
		return r;
	for (i = 0; i < n; i++) {
		if (!ok[i])
			continue;
		/* rid and kind were checked: UTF-8 text, which rp_json_str escapes */
		if ((r = rp_buf_addstr(b, first ? "{\"rid\":" : ",{\"rid\":")) != 0 ||
		    (r = rp_json_str(b, v[i].rid)) != 0 || (r = rp_buf_addstr(b, ",\"kind\":")) != 0 ||
		    (r = rp_json_str(b, v[i].kind)) != 0 || (r = rp_buf_addstr(b, ",\"body\":")) != 0 ||
		    (r = rp_buf_addstr(b, v[i].body)) != 0 || (r = rp_buf_addch(b, '}')) != 0)
			return r;
		first = 0;
	}
	return rp_buf_addch(b, ']');
}

static void
bad(struct rp_store *st, const struct rp_fleetq_item *it, const char *why,
    const struct rp_fleet_push_cb *cb, void *ctx, size_t *nbad)
{
	rp_fleetq_bad(st, it, why);
	(*nbad)++;
	if (cb && cb->on_bad)
		cb->on_bad(it->rid, why, ctx);
}

int
rp_fleet_send(struct rp_fleet *f, struct rp_store *st, const char *site, int64_t now,
    const struct rp_fleet_push_cb *cb, void *ctx, struct rp_fleet_pushed *out)
{
	struct rp_fleetq_item *v = NULL;
	struct rp_buf b = RP_BUF_INIT, ts = RP_BUF_INIT;
	unsigned char *ok = NULL, one[1] = { 1 };
	char *mine = NULL, *k = NULL, *id = NULL, num[32];
	const char *p[3], *why;
	size_t n = 0, i, nok, left = 0, nbad = 0;
	int r, version;

	memset(out, 0, sizeof(*out));
	rp_buf_init(&b, BATCH_BYTES + RP_FLEET_RECORD_MAX + 65536);
	if ((r = rp_fleet_whoami(f, &version, &mine)) != 0)
		goto out;
	if (version == 0) {
		r = rp_fleet_fail(f, RP_ERR_UNSUPPORTED, "the centre has no schema: run 'riposte fleet "
		    "init' there first");
		goto out;
	}
	if (mine == NULL || strcmp(mine, site) != 0) {
		r = mine ? rp_fleet_fail(f, RP_ERR_PERM, "this DSN's role pushes for the practice '%s', "
		    "not '%s'", mine, site) : rp_fleet_fail(f, RP_ERR_PERM, "this DSN's role is not a "
		    "practice's ('riposte fleet site add' makes one)");
		goto out;
	}
	/* a batch leaves the queue once its upsert returns: that commit must be durable
	 * whatever the centre's default is (with synchronous_commit off, a server stopped at
	 * once loses commits it acknowledged, and the records with them) */
	if ((r = rp_fleet_exec(f, "SET synchronous_commit = on", 0, NULL, NULL)) != 0)
		goto out;
	if ((r = rp_fleetq_migrate(st)) != 0)
		goto out;
	for (;;) {
		if ((r = rp_fleetq_take(st, BATCH, BATCH_BYTES, &v, &n)) != 0)
			goto out;
		if (n == 0)
			break;
		free(ok);
		if ((ok = calloc(n, 1)) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		for (i = nok = 0; i < n; i++) {
			if (rp_fleet_record_check(v[i].body, strlen(v[i].body), &k, &id, &why) != 0)
				bad(st, &v[i], why ? why : "out of memory", cb, ctx, &nbad);
			else if (strcmp(k, v[i].kind) != 0 || strcmp(id, v[i].rid) != 0)
				bad(st, &v[i], "its kind or rid is not the queue's", cb, ctx, &nbad);
			else
				ok[i] = 1, nok++;
			free(k);
			free(id);
			k = id = NULL;
		}
		if (nok == 0)
			goto next;
		if ((r = batch_json(v, ok, n, &b)) != 0)
			goto out;
		p[0] = site;
		p[1] = b.buf;
		r = rp_fleet_exec(f, upsert, 2, p, NULL);
		if (r == RP_ERR_FORMAT) {
			/* one record the centre will not take (a value out of its range): find
			 * it by sending them one by one, and send the others */
			for (i = 0; i < n; i++) {
				if (!ok[i])
					continue;
				if ((r = batch_json(&v[i], one, 1, &b)) != 0)
					goto out;
				p[1] = b.buf;
				if ((r = rp_fleet_exec(f, upsert, 2, p, NULL)) == RP_ERR_FORMAT) {
					ok[i] = 0;
					nok--;
					bad(st, &v[i], rp_fleet_errmsg(f), cb, ctx, &nbad);
				} else if (r != 0) {
					goto out;
				} else if ((r = rp_fleetq_done(st, &v[i], one, 1)) != 0) {
					goto out;
				} else {
					ok[i] = 0;        /* done already */
					out->sent++;
					nok--;
				}
			}
			r = 0;
		} else if (r != 0) {
			goto out;
		} else {
			if ((r = rp_fleetq_done(st, v, ok, n)) != 0)
				goto out;
			out->sent += nok;
		}
next:
		if (cb && cb->on_batch) {
			if ((r = rp_fleetq_count(st, &left, NULL)) != 0)
				goto out;
			cb->on_batch(out->sent, left, ctx);
		}
		rp_fleetq_items_free(v, n);
		v = NULL;
		n = 0;
	}
	if ((r = rp_fleetq_count(st, &left, &nbad)) != 0)
		goto out;
	/* the practice's row: when it pushed (its clock: what the provider compares with
	 * the deadlines it sent), and what it still holds */
	snprintf(num, sizeof(num), "%zu", left);
	if ((r = rp_buf_addf(&ts, "%lld", (long long)now)) != 0)
		goto out;
	p[0] = ts.buf;
	p[1] = num;
	r = rp_fleet_exec(f, version >= 2 ?
	    "UPDATE fleet.site SET last_push = to_timestamp($1::bigint), last_seen = now(), "
	    "queued = $2::integer WHERE role = current_user" :
	    "UPDATE fleet.site SET last_push = to_timestamp($1::bigint), last_seen = now() "
	    "WHERE role = current_user", version >= 2 ? 2 : 1, p, NULL);
out:
	if (r == 0 || r == RP_ERR_UNREACHABLE || r == RP_ERR_PERM) {
		size_t l2 = 0, b2 = 0;

		if (rp_fleetq_count(st, &l2, &b2) == 0) {
			left = l2;
			nbad = b2;
		}
	}
	out->left = left;
	out->bad = nbad;
	free(ok);
	free(mine);
	rp_fleetq_items_free(v, n);
	rp_buf_release(&b);
	rp_buf_release(&ts);
	return r;
}
