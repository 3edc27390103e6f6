/*
 * The fleet's page (`serve --fleet`): the IT provider's view of every practice, from
 * the centre's PostgreSQL (lib/fleet/fleet.h): the same lines as `fleet status` (open
 * incidents, overdue and due-within-24 h deadlines, alerts of 7 days, high findings,
 * stale contacts, the last push and whether it is stale, most urgent first) and the
 * last alerts of all practices, as `fleet alerts`.
 *
 * One connection per request: a page a provider opens now and then, not a hot path;
 * no connection is kept in the server, and a centre that went away and came back is
 * simply reached again. One view asks the centre at a time (fleet_mu): a centre that
 * does not answer holds one worker thread for libpq's connect_timeout (10 s unless
 * the DSN says), not all of them; a view that waits more than FLEET_WAIT_S for its
 * turn says the centre is busy. A centre that cannot be reached gives the page with
 * a clear "unreachable" and the reason (503), never an empty error.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/time.h"
#include "fleet/fleet.h"
#include "serve/serve-int.h"

#define FLEET_ALERTS 50          /* the newest alerts shown */
#define FLEET_ALERT_DAYS 7
#define FLEET_WAIT_S 2

struct fl_alert {
	int64_t time, case_id;
	char *site, *type, *text;
};

/* The newest FLEET_ALERTS alerts (they come oldest first) in a ring. */
struct fl_alerts {
	struct fl_alert v[FLEET_ALERTS];
	size_t n;                    /* seen in all */
};

static void
fl_alert_release(struct fl_alert *a)
{
	free(a->site);
	free(a->type);
	free(a->text);
	memset(a, 0, sizeof(*a));
}

static int
on_alert(const struct rp_fleet_alert *a, void *ctx)
{
	struct fl_alerts *L = ctx;
	struct fl_alert *x = &L->v[L->n % FLEET_ALERTS];

	fl_alert_release(x);
	L->n++;
	x->time = a->time;
	x->case_id = a->case_id;
	x->site = strdup(a->site ? a->site : "");
	x->type = strdup(a->type ? a->type : "");
	x->text = strdup(a->text ? a->text : "");
	return x->site && x->type && x->text ? 0 : RP_ERR_NOMEM;
}

/* "4 h" */
static void
h_age(struct page *p, int64_t d)
{
	char n[32];

	if (d < -300) {
		h_tx(p, "ui", "fleet-future");
		return;
	}
	if (d < 0)
		d = 0;
	snprintf(n, sizeof(n), "%" PRId64, d < 3600 ? d / 60 : d < 2 * 86400 ? d / 3600 : d / 86400);
	h_fill(p, "ui", d < 3600 ? "fleet-ago-min" : d < 2 * 86400 ? "fleet-ago-h" : "fleet-ago-d",
	    "n", n, NULL);
}

static void
h_count(struct page *p, int64_t n, int bad)
{
	rp_buf_addf(p->b, bad && n ? "<td class=\"num bad\">%" PRId64 "</td>" :
	    "<td class=\"num\">%" PRId64 "</td>", n);
}

static void
sites_table(struct page *p, const struct rp_fleet_status *st)
{
	static const char *const cols[] = { "fleet-open", "fleet-overdue", "fleet-due24",
		"fleet-alerts7", "fleet-high", "fleet-contacts" };
	char n[32];
	size_t i, c;

	h_raw(p, "<p>");
	snprintf(n, sizeof(n), "%zu", st->n);
	h_fill(p, "ui", "fleet-count", "n", n, NULL);
	h_raw(p, " ");
	snprintf(n, sizeof(n), "%zu", st->attention);
	h_fill(p, "ui", "fleet-attention", "n", n, NULL);
	h_raw(p, "</p>\n");
	if (st->n == 0) {
		h_p_tx(p, "fleet-none");
		return;
	}
	h_raw(p, "<table id=\"sites\"><thead><tr><th>");
	h_tx(p, "ui", "fleet-site");
	h_raw(p, "</th>");
	for (c = 0; c < sizeof(cols) / sizeof(cols[0]); c++) {
		h_raw(p, "<th class=\"num\">");
		h_tx(p, "ui", cols[c]);
		h_raw(p, "</th>");
	}
	h_raw(p, "<th>");
	h_tx(p, "ui", "fleet-push");
	h_raw(p, "</th></tr></thead><tbody>\n");
	for (i = 0; i < st->n; i++) {
		const struct rp_fleet_site_status *s = &st->v[i];

		h_raw(p, s->attention ? "<tr class=\"attention\"><td><b>! " : "<tr><td><b>");
		h_esc(p, s->site);
		h_raw(p, "</b></td>");
		h_count(p, s->open_cases, 1);
		h_count(p, s->overdue, 1);
		h_count(p, s->due_24h, 1);
		h_count(p, s->alerts_7d, 1);
		h_count(p, s->high_findings, 1);
		h_count(p, s->stale_contacts, 0);
		h_raw(p, s->stale ? "<td class=\"bad\">" : "<td>");
		if (s->last_push == RP_TIME_UNSET) {
			h_tx(p, "ui", "fleet-never");
		} else {
			h_time(p, s->last_push);
			h_raw(p, " (");
			h_age(p, p->now - s->last_push);
			h_raw(p, ")");
		}
		if (s->stale) {
			h_raw(p, " · ");
			h_tx(p, "ui", "fleet-stale");
		}
		if (s->rewritten) {
			snprintf(n, sizeof(n), "%" PRId64, s->rewritten);
			h_raw(p, "<br><small class=\"bad\">");
			h_fill(p, "ui", "fleet-rewritten", "n", n, NULL);
			h_raw(p, "</small>");
		}
		if (s->queued) {
			snprintf(n, sizeof(n), "%" PRId64, s->queued);
			h_raw(p, "<br><small class=\"meta\">");
			h_fill(p, "ui", "fleet-queued", "n", n, NULL);
			h_raw(p, "</small>");
		}
		h_raw(p, "</td></tr>\n");
	}
	h_raw(p, "</tbody></table>\n");
}

static void
alerts_table(struct page *p, const struct fl_alerts *L)
{
	size_t i, k = L->n < FLEET_ALERTS ? L->n : FLEET_ALERTS;
	char n[32];

	h_raw(p, "<h2>");
	snprintf(n, sizeof(n), "%d", FLEET_ALERT_DAYS);
	h_fill(p, "ui", "fleet-alerts", "n", n, NULL);
	h_raw(p, "</h2>\n");
	if (k == 0) {
		h_p_tx(p, "fleet-no-alerts");
		return;
	}
	h_raw(p, "<table id=\"fleet-alerts\"><tbody>\n");
	for (i = 0; i < k; i++) {     /* newest first */
		const struct fl_alert *a = &L->v[(L->n - 1 - i) % FLEET_ALERTS];
		int acted = strcmp(a->type, "alert") == 0;

		h_raw(p, acted ? "<tr class=\"alert\"><td>" : "<tr><td>");
		h_time(p, a->time);
		h_raw(p, "</td><td><b>");
		h_esc(p, a->site);
		h_raw(p, "</b></td><td>");
		h_tx(p, "alert", acted ? "alert" : "canary-read");
		if (a->case_id) {
			snprintf(n, sizeof(n), "%" PRId64, a->case_id);
			h_raw(p, " · ");
			h_fill(p, "ui", "case", "n", n, NULL);
		}
		h_raw(p, "</td><td>");
		h_esc(p, a->text);
		h_raw(p, "</td></tr>\n");
	}
	h_raw(p, "</tbody></table>\n");
	if (L->n > k) {
		h_raw(p, "<p class=\"meta\">");
		snprintf(n, sizeof(n), "%zu", L->n);
		h_fill(p, "ui", "fleet-alerts-all", "n", n, NULL);
		h_raw(p, "</p>\n");
	}
}

void
page_fleet(struct page *p, int *status)
{
	struct rp_fleet *f = NULL;
	struct rp_fleet_status st;
	struct fl_alerts *L = NULL;
	struct rp_buf err = RP_BUF_INIT;
	const char *why = NULL;
	struct timespec until;
	size_t i;
	int r, locked = 0;

	memset(&st, 0, sizeof(st));
	*status = 200;
	page_begin(p, tx(&p->s->tx, "ui", "fleet"));
	h_raw(p, "<section id=\"fleet\">\n<h1>");
	h_tx(p, "ui", "fleet");
	h_raw(p, "</h1>\n");
	if ((L = calloc(1, sizeof(*L))) == NULL) {
		r = RP_ERR_NOMEM;
		goto fail;
	}
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += FLEET_WAIT_S;
	if (pthread_mutex_timedlock(&p->s->fleet_mu, &until) != 0) {
		r = RP_ERR_BUSY;
		goto fail;
	}
	locked = 1;
	if ((r = rp_fleet_connect(&f, p->s->fleet_dsn, &err)) != 0) {
		why = err.len ? err.buf : rp_strerror(r);
		goto fail;
	}
	if ((r = rp_fleet_status(f, p->now, &st)) != 0 ||
	    (r = rp_fleet_alerts(f, p->now - FLEET_ALERT_DAYS * 86400, RP_TIME_UNSET, on_alert,
	    L)) != 0) {
		why = rp_fleet_errmsg(f);
		if (why == NULL || *why == '\0')
			why = rp_strerror(r);
		goto fail;
	}
	sites_table(p, &st);
	alerts_table(p, L);
	goto out;
fail:
	/* the connection's reason can name the centre's host and user, never its password
	 * (libpq does not repeat it); it is escaped as every value */
	*status = 503;
	h_raw(p, "<p class=\"flash bad\" role=\"alert\">");
	h_tx(p, "ui", r == RP_ERR_UNREACHABLE || r == RP_ERR_PERM ? "fleet-unreachable" :
	    r == RP_ERR_UNSUPPORTED ? "fleet-noschema" : r == RP_ERR_BUSY ? "fleet-busy" :
	    "fleet-failed");
	h_raw(p, "</p>\n");
	if (why) {
		h_raw(p, "<pre class=\"mono\">");
		h_esc(p, why);
		h_raw(p, "</pre>\n");
	}
out:
	h_raw(p, "</section>\n");
	page_end(p);
	if (L)
		for (i = 0; i < FLEET_ALERTS; i++)
			fl_alert_release(&L->v[i]);
	free(L);
	rp_fleet_status_release(&st);
	rp_fleet_close(f);
	if (locked)
		pthread_mutex_unlock(&p->s->fleet_mu);
	rp_buf_release(&err);
}
