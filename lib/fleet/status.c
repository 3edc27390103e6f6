/*
 * The provider's views over the centre: one line per practice (what needs someone
 * today), and the alerts of all practices in time order. Both are one query each; the
 * counting is the database's (partial indexes of schema versions 2 and 3), the ranking
 * ours.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/time.h"
#include "fleet/internal.h"
#include "fleet/pg.h"

#define DAY 86400

static const char status_sql[] =
	"WITH t AS (SELECT to_timestamp($1::bigint) AS now),\n"
	"agg AS (\n"
	"  SELECT site,\n"
	"    count(*) FILTER (WHERE kind = 'case' AND state = 'open') AS open_cases,\n"
	"    count(*) FILTER (WHERE kind = 'deadline' AND state = 'open' AND due < t.now) AS overdue,\n"
	"    count(*) FILTER (WHERE kind = 'deadline' AND state = 'open' AND due >= t.now\n"
	"      AND due < t.now + interval '24 hours') AS due_24h,\n"
	"    count(*) FILTER (WHERE kind = 'finding' AND severity = 'high') AS high,\n"
	"    count(*) FILTER (WHERE kind = 'finding' AND state = 'stale') AS stale_contacts\n"
	"  FROM fleet.record, t\n"
	"  WHERE NOT gone AND kind IN ('case', 'deadline', 'finding')\n"
	"  GROUP BY site),\n"
	"al AS (\n"
	"  SELECT site, count(*) AS n FROM fleet.record, t\n"
	"  WHERE kind = 'alert' AND at > t.now - interval '7 days' AND at <= t.now AND state = 'alert'\n"
	"  GROUP BY site),\n"
	"rw AS (SELECT site, count(*) AS n FROM fleet.rewrite GROUP BY site)\n"
	"SELECT s.name, coalesce(a.open_cases, 0), coalesce(a.overdue, 0), coalesce(a.due_24h, 0),\n"
	"  coalesce(al.n, 0), coalesce(a.high, 0), coalesce(a.stale_contacts, 0), coalesce(rw.n, 0),\n"
	"  coalesce(s.queued, 0), extract(epoch FROM s.last_push)::bigint\n"
	"FROM fleet.site s\n"
	"  LEFT JOIN agg a ON a.site = s.name\n"
	"  LEFT JOIN al ON al.site = s.name\n"
	"  LEFT JOIN rw ON rw.site = s.name";

/*
 * Most urgent first: who needs attention; then legal deadlines already missed (a fine
 * runs), alerts of the week (an attack may be on), deadlines of the next 24 h, open
 * incidents, journals rewritten, high findings, silence (no push for a day), stale
 * contacts; then the name.
 */
static int
urgency(const void *pa, const void *pb)
{
	const struct rp_fleet_site_status *a = pa, *b = pb;
	const int64_t ka[] = { a->attention, a->overdue, a->alerts_7d, a->due_24h, a->open_cases,
	    a->rewritten, a->high_findings, a->stale, a->stale_contacts };
	const int64_t kb[] = { b->attention, b->overdue, b->alerts_7d, b->due_24h, b->open_cases,
	    b->rewritten, b->high_findings, b->stale, b->stale_contacts };
	size_t i;

	for (i = 0; i < sizeof(ka) / sizeof(ka[0]); i++)
		if (ka[i] != kb[i])
			return ka[i] > kb[i] ? -1 : 1;
	return strcmp(a->site, b->site);
}

static int
need_schema(struct rp_fleet *f)
{
	int r, version;

	if ((r = rp_fleet_schema_version(f, &version)) != 0)
		return r;
	if (version < 2)
		return rp_fleet_fail(f, RP_ERR_UNSUPPORTED, version == 0 ? "the centre has no schema: run "
		    "'riposte fleet init' first" : "the centre's schema is version %d: run 'riposte fleet "
		    "init' to migrate it to %d", version, RP_FLEET_SCHEMA);
	return 0;
}

void
rp_fleet_status_release(struct rp_fleet_status *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++)
		free(s->v[i].site);
	free(s->v);
	memset(s, 0, sizeof(*s));
}

int
rp_fleet_status(struct rp_fleet *f, int64_t now, struct rp_fleet_status *out)
{
	struct rp_pg_res *res = NULL;
	char num[32];
	const char *p[1] = { num };
	size_t i, n;
	int r;

	memset(out, 0, sizeof(*out));
	snprintf(num, sizeof(num), "%lld", (long long)now);
	/* the schema's version is asked only when the query fails (no schema, or one older
	 * than version 2, lacks its columns): two statements and round trips less for
	 * every status, on a connection whose backend is new */
	if ((r = rp_fleet_exec(f, status_sql, 1, p, &res)) != 0) {
		char keep[sizeof(f->msg)];
		int r2;

		memcpy(keep, f->msg, sizeof(keep));
		if (r != RP_ERR_UNREACHABLE && (r2 = need_schema(f)) != 0)
			return r2;
		memcpy(f->msg, keep, sizeof(keep));
		return r;
	}
	n = rp_pg_ntuples(res);
	if (n && (out->v = calloc(n, sizeof(*out->v))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (i = 0; i < n; i++) {
		struct rp_fleet_site_status *s = &out->v[i];
		const char *name = rp_pg_value(res, i, 0);

		if ((s->site = strdup(name ? name : "")) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		out->n++;
		s->open_cases = rp_fleet_int(res, i, 1, 0);
		s->overdue = rp_fleet_int(res, i, 2, 0);
		s->due_24h = rp_fleet_int(res, i, 3, 0);
		s->alerts_7d = rp_fleet_int(res, i, 4, 0);
		s->high_findings = rp_fleet_int(res, i, 5, 0);
		s->stale_contacts = rp_fleet_int(res, i, 6, 0);
		s->rewritten = rp_fleet_int(res, i, 7, 0);
		s->queued = rp_fleet_int(res, i, 8, 0);
		s->last_push = rp_fleet_int(res, i, 9, RP_TIME_UNSET);
		s->stale = s->last_push == RP_TIME_UNSET || s->last_push < now - DAY;
		s->attention = s->open_cases || s->overdue || s->due_24h || s->alerts_7d ||
		    s->high_findings || s->rewritten || s->stale;
		out->attention += (size_t)s->attention;
	}
	qsort(out->v, out->n, sizeof(*out->v), urgency);
	r = 0;
out:
	if (r != 0)
		rp_fleet_status_release(out);
	rp_pg_res_free(res);
	return r;
}

int
rp_fleet_alerts(struct rp_fleet *f, int64_t since, int64_t until,
    int (*fn)(const struct rp_fleet_alert *a, void *ctx), void *ctx)
{
	struct rp_pg_res *res = NULL;
	struct rp_fleet_alert a;
	char s1[32], s2[32];
	const char *p[2];
	size_t i, n;
	int r;

	if ((r = need_schema(f)) != 0)
		return r;
	snprintf(s1, sizeof(s1), "%lld", (long long)since);
	snprintf(s2, sizeof(s2), "%lld", (long long)until);
	p[0] = since == RP_TIME_UNSET ? NULL : s1;
	p[1] = until == RP_TIME_UNSET ? NULL : s2;
	if ((r = rp_fleet_exec(f,
	    "SELECT site, extract(epoch FROM at)::bigint, coalesce(state, ''), coalesce(case_id, 0), "
	    "coalesce(body->>'text', ''), body->'data' "
	    "FROM fleet.record WHERE kind = 'alert' AND at IS NOT NULL "
	    "AND ($1::bigint IS NULL OR at >= to_timestamp($1::bigint)) "
	    "AND ($2::bigint IS NULL OR at <= to_timestamp($2::bigint)) "
	    "ORDER BY at, site, rid", 2, p, &res)) != 0)
		return r;
	n = rp_pg_ntuples(res);
	for (i = 0; i < n && r == 0; i++) {
		a.site = rp_pg_value(res, i, 0);
		a.time = rp_fleet_int(res, i, 1, 0);
		a.type = rp_pg_value(res, i, 2);
		a.case_id = rp_fleet_int(res, i, 3, 0);
		a.text = rp_pg_value(res, i, 4);
		a.data = rp_pg_value(res, i, 5);
		r = fn(&a, ctx);
	}
	rp_pg_res_free(res);
	return r;
}
