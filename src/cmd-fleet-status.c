/*
 * riposte fleet status and fleet alerts: the provider's views, formatted (the engine is
 * lib/fleet/status.c: rp_fleet_status, rp_fleet_alerts).
 */
#include <inttypes.h>
#include <string.h>

#include "cmd-fleet.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "fleet/fleet.h"
#include "core/json.h"

/* "4 h ago" */
static void
age(struct rp_buf *b, int64_t d)
{
	if (d < -300)
		rp_buf_addstr(b, "in the future: check the practice's clock");
	else if (d < 3600)
		rp_buf_addf(b, "%lld min ago", (long long)(d < 0 ? 0 : d / 60));
	else if (d < 2 * 86400)
		rp_buf_addf(b, "%lld h ago", (long long)(d / 3600));
	else
		rp_buf_addf(b, "%lld d ago", (long long)(d / 86400));
}

static void
site_text(struct rp_buf *b, const struct rp_fleet_site_status *s, int64_t now)
{
	rp_buf_addstr(b, s->attention ? "! " : "  ");
	rp_esc_text(b, s->site, strlen(s->site));
	rp_buf_addf(b, "%*s%5" PRId64 " %7" PRId64 " %7" PRId64 " %9" PRId64 " %4" PRId64 " %14" PRId64
	    "  ", strlen(s->site) < 20 ? (int)(20 - strlen(s->site)) : 1, "", s->open_cases, s->overdue,
	    s->due_24h, s->alerts_7d, s->high_findings, s->stale_contacts);
	if (s->last_push == RP_TIME_UNSET) {
		rp_buf_addstr(b, "never (stale)");
	} else {
		rp_time_fmt_local(b, s->last_push);
		rp_buf_addstr(b, " (");
		age(b, now - s->last_push);
		rp_buf_addstr(b, s->stale ? ", stale)" : ")");
	}
	if (s->rewritten)
		rp_buf_addf(b, "; %" PRId64 " journal entr%s came back changed", s->rewritten,
		    s->rewritten == 1 ? "y" : "ies");
	if (s->queued)
		rp_buf_addf(b, "; %" PRId64 " record%s still queued there", s->queued,
		    s->queued == 1 ? "" : "s");
	rp_buf_addch(b, '\n');
}

static void
site_jsonl(struct rp_buf *b, const struct rp_fleet_site_status *s)
{
	rp_buf_addstr(b, "{\"kind\":\"site\",\"site\":");
	rp_json_str(b, s->site);
	rp_buf_addf(b, ",\"open_cases\":%" PRId64 ",\"overdue\":%" PRId64 ",\"due_24h\":%" PRId64
	    ",\"alerts_7d\":%" PRId64 ",\"high_findings\":%" PRId64 ",\"last_push\":", s->open_cases,
	    s->overdue, s->due_24h, s->alerts_7d, s->high_findings);
	if (s->last_push == RP_TIME_UNSET) {
		rp_buf_addstr(b, "null");
	} else {
		rp_buf_addch(b, '"');
		rp_time_fmt_utc(b, s->last_push);
		rp_buf_addch(b, '"');
	}
	rp_buf_addf(b, ",\"stale\":%s,\"stale_contacts\":%" PRId64 ",\"rewritten\":%" PRId64
	    ",\"queued\":%" PRId64 ",\"attention\":%s}\n", s->stale ? "true" : "false",
	    s->stale_contacts, s->rewritten, s->queued, s->attention ? "true" : "false");
}

static void
site_csv(struct rp_buf *b, const struct rp_fleet_site_status *s)
{
	rp_esc_csv(b, s->site, strlen(s->site));
	rp_buf_addf(b, ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",%" PRId64 ",", s->open_cases,
	    s->overdue, s->due_24h, s->alerts_7d, s->high_findings);
	if (s->last_push != RP_TIME_UNSET)
		rp_time_fmt_utc(b, s->last_push);
	rp_buf_addf(b, ",%s,%" PRId64 ",%" PRId64 ",%" PRId64 ",%s\r\n", s->stale ? "true" : "false",
	    s->stale_contacts, s->rewritten, s->queued, s->attention ? "true" : "false");
}

int
fleet_status(struct fleet_cli *c)
{
	struct rp_fleet *f = NULL;
	struct rp_fleet_status s;
	struct rp_buf b = RP_BUF_INIT;
	size_t i;
	int r, rc = RP_EXIT_ERROR;

	memset(&s, 0, sizeof(s));
	if (c->nargs) {
		rp_err(c->cli, "status: unexpected argument '%s'", c->args[0]);
		return RP_EXIT_ERROR;
	}
	if ((c->fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl,csv")) < 0)
		return RP_EXIT_ERROR;
	if (fleet_connect(c, &f) != 0)
		return RP_EXIT_ERROR;
	if ((r = rp_fleet_status(f, c->cli->now, &s)) != 0) {
		fleet_fail(c, f, "status", r);
		goto out;
	}
	if (c->fmt == RP_FMT_CSV)
		rp_buf_addstr(&b, "site,open_cases,overdue,due_24h,alerts_7d,high_findings,last_push,"
		    "stale,stale_contacts,rewritten,queued,attention\r\n");
	else if (c->fmt == RP_FMT_TEXT)
		rp_buf_addstr(&b, "  practice             open overdue due<24h alerts/7d high stale-contacts"
		    "  last push\n");
	for (i = 0; i < s.n; i++) {
		if (c->fmt == RP_FMT_JSONL)
			site_jsonl(&b, &s.v[i]);
		else if (c->fmt == RP_FMT_CSV)
			site_csv(&b, &s.v[i]);
		else
			site_text(&b, &s.v[i], c->cli->now);
	}
	if (c->fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"sites\":%zu,\"attention\":%zu}\n", s.n, s.attention);
	else if (c->fmt == RP_FMT_TEXT)
		rp_buf_addf(&b, "%zu practice%s, %zu need%s attention (!)\n", s.n, s.n == 1 ? "" : "s",
		    s.attention, s.attention == 1 ? "s" : "");
	if (rp_cli_put(c->cli, &b) != 0)
		goto out;
	rc = s.attention ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	rp_buf_release(&b);
	rp_fleet_status_release(&s);
	rp_fleet_close(f);
	return rc;
}

/* ---------------------------------------------------------------- alerts */

struct alerts_out {
	struct fleet_cli *c;
	struct rp_buf b;
	size_t n;
	char **sites;                /* distinct, for the summary */
	size_t nsites;
	int err;
};

static int
count_site(struct alerts_out *o, const char *site)
{
	char **v;
	size_t i;

	for (i = 0; i < o->nsites; i++)
		if (strcmp(o->sites[i], site) == 0)
			return 0;
	if ((v = realloc(o->sites, (o->nsites + 1) * sizeof(*v))) == NULL)
		return RP_ERR_NOMEM;
	o->sites = v;
	if ((v[o->nsites] = strdup(site)) == NULL)
		return RP_ERR_NOMEM;
	o->nsites++;
	return 0;
}

static int
alert(const struct rp_fleet_alert *a, void *ctx)
{
	struct alerts_out *o = ctx;
	struct rp_buf *b = &o->b;
	struct rp_jdoc *d = NULL;
	const struct rp_jv *root = NULL;
	const char *exe = NULL, *cmd = NULL, *action = NULL, *result = NULL, *path = NULL;
	int64_t pid = 0, files = 0;
	int havepid = 0, r, lossy = 0;

	o->n++;
	if ((r = count_site(o, a->site)) != 0)
		return r;
	if (a->data && rp_jdoc_parse(&d, a->data, strlen(a->data)) == 0) {
		root = rp_jdoc_root(d);
		havepid = rp_jv_int(rp_jv_get(root, "pid"), &pid) == 0;
		exe = rp_jv_str(rp_jv_get(root, "exe"));
		cmd = rp_jv_str(rp_jv_get(root, "cmdline"));
		action = rp_jv_str(rp_jv_get(root, "action"));
		result = rp_jv_str(rp_jv_get(root, "result"));
		path = rp_jv_str(rp_jv_get(root, "path"));
		if (rp_jv_int(rp_jv_get(root, "files_touched"), &files) != 0)
			files = -1;
	}
	if (o->c->fmt == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"alert\",\"site\":");
		rp_json_str(b, a->site);
		rp_buf_addstr(b, ",\"time\":\"");
		rp_time_fmt_utc(b, a->time);
		rp_buf_addstr(b, "\",\"type\":");
		rp_json_str(b, a->type);
		if (a->case_id > 0)
			rp_buf_addf(b, ",\"case\":%" PRId64, a->case_id);
		else
			rp_buf_addstr(b, ",\"case\":null");
		rp_buf_addstr(b, ",\"text\":\"");
		rp_esc_json(b, a->text, strlen(a->text), &lossy);
		/* the centre's JSON (jsonb) is valid JSON: it goes in as it is */
		rp_buf_addf(b, "\",\"data\":%s}\n", root ? a->data : "null");
	} else if (o->c->fmt == RP_FMT_CSV) {
		rp_esc_csv(b, a->site, strlen(a->site));
		rp_buf_addch(b, ',');
		rp_time_fmt_utc(b, a->time);
		rp_buf_addch(b, ',');
		rp_esc_csv(b, a->type, strlen(a->type));
		if (a->case_id > 0)
			rp_buf_addf(b, ",%" PRId64, a->case_id);
		else
			rp_buf_addch(b, ',');
		rp_buf_addch(b, ',');
		if (havepid)
			rp_buf_addf(b, "%" PRId64, pid);
		rp_buf_addch(b, ',');
		rp_esc_csv(b, exe ? exe : "", exe ? strlen(exe) : 0);
		rp_buf_addch(b, ',');
		rp_esc_csv(b, action ? action : "", action ? strlen(action) : 0);
		rp_buf_addch(b, ',');
		rp_esc_csv(b, result ? result : "", result ? strlen(result) : 0);
		rp_buf_addch(b, ',');
		rp_esc_csv(b, path ? path : "", path ? strlen(path) : 0);
		rp_buf_addch(b, ',');
		rp_esc_csv(b, a->text, strlen(a->text));
		rp_buf_addstr(b, "\r\n");
	} else {
		rp_time_fmt_local(b, a->time);
		rp_buf_addstr(b, "  ");
		rp_esc_text(b, a->site, strlen(a->site));
		rp_buf_addstr(b, "  ");
		rp_esc_text(b, a->type, strlen(a->type));
		if (a->case_id > 0)
			rp_buf_addf(b, " (case %" PRId64 ")", a->case_id);
		rp_buf_addstr(b, ": ");
		if (havepid) {
			rp_buf_addf(b, "pid %" PRId64, pid);
			if ((cmd && *cmd) || (exe && *exe)) {
				rp_buf_addstr(b, " (");
				rp_esc_text(b, cmd && *cmd ? cmd : exe, strlen(cmd && *cmd ? cmd : exe));
				rp_buf_addch(b, ')');
			}
			if (action) {
				rp_buf_addstr(b, " -> ");
				rp_esc_text(b, action, strlen(action));
				if (result) {
					rp_buf_addstr(b, " (");
					rp_esc_text(b, result, strlen(result));
					rp_buf_addch(b, ')');
				}
			}
			if (files >= 0)
				rp_buf_addf(b, ", %" PRId64 " file%s", files, files == 1 ? "" : "s");
			if (path) {
				rp_buf_addstr(b, ", ");
				rp_esc_text(b, path, strlen(path));
			}
			rp_buf_addstr(b, ": ");
		}
		rp_esc_text(b, a->text, strlen(a->text));
		rp_buf_addch(b, '\n');
	}
	rp_jdoc_free(d);
	/* a long listing goes out as it comes */
	if (b->len > (1 << 16)) {
		if (rp_cli_put(o->c->cli, b) != 0)
			return o->err = RP_ERR_SYSTEM;
		rp_buf_reset(b);
	}
	return 0;
}

static int
time_opt(const struct fleet_cli *c, const char *opt, const char *v, int64_t *t)
{
	*t = RP_TIME_UNSET;
	if (v == NULL)
		return 0;
	if (rp_time_parse(v, t, NULL) != 0) {
		rp_err(c->cli, "alerts: %s '%s' is not an ISO 8601 time (2026-11-19 or "
		    "2026-11-19T14:45:00+01:00)", opt, v);
		return -1;
	}
	return 0;
}

int
fleet_alerts(struct fleet_cli *c)
{
	struct alerts_out o;
	struct rp_fleet *f = NULL;
	int64_t since, until;
	size_t i;
	int r, rc = RP_EXIT_ERROR;

	memset(&o, 0, sizeof(o));
	o.c = c;
	rp_buf_init(&o.b, 0);
	if (c->nargs) {
		rp_err(c->cli, "alerts: unexpected argument '%s'", c->args[0]);
		return RP_EXIT_ERROR;
	}
	if ((c->fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl,csv")) < 0 ||
	    time_opt(c, "--since", c->since, &since) != 0 || time_opt(c, "--until", c->until, &until) != 0)
		return RP_EXIT_ERROR;
	if (fleet_connect(c, &f) != 0)
		return RP_EXIT_ERROR;
	if (c->fmt == RP_FMT_CSV)
		rp_buf_addstr(&o.b, "site,time,type,case,pid,exe,action,result,path,text\r\n");
	if ((r = rp_fleet_alerts(f, since, until, alert, &o)) != 0) {
		if (o.err == 0)
			fleet_fail(c, f, "alerts", r);
		goto out;
	}
	if (c->fmt == RP_FMT_JSONL)
		rp_buf_addf(&o.b, "{\"kind\":\"summary\",\"alerts\":%zu,\"sites\":%zu}\n", o.n, o.nsites);
	else if (c->fmt == RP_FMT_TEXT)
		rp_buf_addf(&o.b, "%zu alert%s of %zu practice%s\n", o.n, o.n == 1 ? "" : "s", o.nsites,
		    o.nsites == 1 ? "" : "s");
	if (rp_cli_put(c->cli, &o.b) != 0)
		goto out;
	rc = o.n ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	for (i = 0; i < o.nsites; i++)
		free(o.sites[i]);
	free(o.sites);
	rp_buf_release(&o.b);
	rp_fleet_close(f);
	return rc;
}
