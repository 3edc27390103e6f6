/*
 * The pages of an incident: the overview (the case, its phase, deadlines with their
 * countdowns, live alerts, the first-hour checklist, the last journal entries, costs
 * and the claim, and the forms that write to the case) and the whole journal. Without
 * an open case, the overview is the "before" page: alerts, the site check, the top
 * risks, past incidents.
 */
#include <stdio.h>
#include <string.h>

#include "case/config.h"
#include "case/notify.h"
#include "core/time.h"
#include "serve/serve-int.h"

#define LAST_ENTRIES 12
#define JOURNAL_PAGE 200

static void
h_int(struct page *p, int64_t v)
{
	rp_buf_addf(p->b, "%lld", (long long)v);
}

/* A required <select> named name: an empty choice, then each of the NULL-ended list,
 * its value the word itself and its label the word's text in section. */
static void
h_select(struct page *p, const char *name, const char *const *list, const char *section)
{
	size_t i;

	h_raw(p, "<select name=\"");
	h_esc(p, name);
	h_raw(p, "\" required><option value=\"\"></option>");
	for (i = 0; list[i]; i++) {
		h_raw(p, "<option value=\"");
		h_esc(p, list[i]);
		h_raw(p, "\">");
		h_tx(p, section, list[i]);
		h_raw(p, "</option>");
	}
	h_raw(p, "</select>");
}

/* The deadline's name for people: the plan's words for it in the page's language
 * (to.COUNTRY first), else the obligation's authority. */
static const char *
deadline_name(struct page *p, const struct rp_deadline *d)
{
	char sec[96], key[16];
	const char *cc = p->sn->site ? rp_ini_get(p->sn->site, "site", "country") : NULL;
	const char *v = NULL;

	snprintf(sec, sizeof(sec), "clock %s", d->id);
	if (cc && strlen(cc) == 2) {
		snprintf(key, sizeof(key), "to.%s", cc);
		v = tx_plan(&p->s->tx, sec, key);
	}
	if (v == NULL)
		v = tx_plan(&p->s->tx, sec, "to");
	return v ? v : d->authority;
}

/* When it is due, as the plan says it in the page's language, else the obligation's
 * English words. */
static const char *
deadline_when(struct page *p, const struct rp_deadline *d)
{
	char sec[96];
	const char *v;

	snprintf(sec, sizeof(sec), "clock %s", d->id);
	v = tx_plan(&p->s->tx, sec, "due");
	return v ? v : d->when;
}

static void
section_phase(struct page *p)
{
	const struct snap *sn = p->sn;
	struct rp_buf t = RP_BUF_INIT;
	int i;

	h_raw(p, "<ol class=\"phases\" aria-label=\"");
	h_tx(p, "ui", "phase");
	h_raw(p, "\">");
	for (i = 0; i < RP_PHASE_N; i++) {
		/* an earlier phase without evidence stays open: nothing shows it was done */
		const char *cls = i == sn->pr.phase ? "now" : sn->pr.seen[i] ? "done" : "todo";

		rp_buf_addf(p->b, "<li class=\"%s\" data-phase=\"%s\"%s>", cls, rp_phase_name(i),
		    i == sn->pr.phase ? " aria-current=\"step\"" : "");
		h_tx(p, "phase", rp_phase_name(i));
		h_raw(p, "</li>");
	}
	h_raw(p, "</ol>\n<p class=\"meta\" id=\"phase\">");
	h_tx(p, "ui", "phase");
	h_raw(p, ": <strong>");
	h_tx(p, "phase", rp_phase_name(sn->pr.phase));
	h_raw(p, "</strong>");
	if (sn->pr.phase_seq) {
		h_raw(p, " · ");
		h_fill(p, "ui", "phase-why", "when", p_time(p, sn->pr.phase_time, &t), "what",
		    sn->pr.phase_text, NULL);
	}
	h_raw(p, "</p>\n");
	rp_buf_release(&t);
}

static void
section_case(struct page *p)
{
	const struct rp_case_info *c = &p->sn->c.info;
	char n[32];

	snprintf(n, sizeof(n), "%lld", (long long)c->id);
	h_raw(p, "<section id=\"case\">\n<p class=\"meta\">");
	h_fill(p, "ui", "case", "n", n, NULL);
	h_raw(p, " · ");
	h_tx(p, "ui", "discovered");
	h_raw(p, " ");
	h_time(p, c->discovered);
	h_raw(p, " · ");
	h_tx(p, "ui", "opened");
	h_raw(p, " ");
	h_time(p, c->opened);
	h_raw(p, "</p>\n<h1 id=\"title\">");
	h_esc(p, c->title);
	h_raw(p, "</h1>\n");
	if (c->how) {
		h_raw(p, "<p class=\"meta\">");
		h_tx(p, "ui", "how");
		h_raw(p, ": ");
		h_esc(p, c->how);
		h_raw(p, "</p>\n");
	}
	section_phase(p);
	h_raw(p, "</section>\n");
}

static void
section_deadlines(struct page *p)
{
	const struct rp_deadlines *d = &p->sn->dl;
	struct rp_buf t = RP_BUF_INIT;
	size_t i;

	h_raw(p, "<section id=\"deadlines\">\n<h2>");
	h_tx(p, "ui", "deadlines");
	h_raw(p, "</h2>\n");
	if (d->n == 0) {
		h_p_tx(p, "no-deadlines");
		h_raw(p, "</section>\n");
		return;
	}
	h_raw(p, "<table><thead><tr><th>");
	h_tx(p, "ui", "deadline-to");
	h_raw(p, "</th><th>");
	h_tx(p, "ui", "deadline-due");
	h_raw(p, "</th><th>");
	h_tx(p, "ui", "deadline-left");
	h_raw(p, "</th></tr></thead><tbody>\n");
	for (i = 0; i < d->n; i++) {
		const struct rp_deadline *x = &d->v[i];
		int done = x->status == RP_DL_DONE, over = !done && x->due < p->now;

		rp_buf_addf(p->b, "<tr class=\"%s\" data-id=\"", done ? "done" : over ? "overdue" : "open");
		h_esc(p, x->id);
		h_raw(p, "\"><td class=\"what\">");
		h_esc(p, deadline_name(p, x));
		h_raw(p, "<br><small class=\"meta\">");
		h_esc(p, deadline_when(p, x));
		h_raw(p, "</small></td><td class=\"due\">");
		h_time(p, x->due);
		h_raw(p, "</td><td class=\"left\">");
		if (done) {
			h_raw(p, "<span class=\"status\">");
			h_tx(p, "ui", "status-done");
			h_raw(p, "</span> · ");
			h_fill(p, "ui", "sent-at", "when", p_time(p, x->done, &t), NULL);
		} else {
			/* the time left as of now; the script counts on from it */
			rp_buf_addf(p->b, "<span class=\"cd\" data-due=\"%lld\">", (long long)x->due);
			span_text(&p->s->tx, over ? p->now - x->due : x->due - p->now, &t);
			h_fill(p, "ui", over ? "over" : "in", "t", t.buf, NULL);
			h_raw(p, "</span>");
		}
		if (!done) {
			h_raw(p, "<form method=\"post\" action=\"/notify\" class=\"noprint\">");
			h_csrf(p);
			h_raw(p, "<input type=\"hidden\" name=\"deadline\" value=\"");
			h_esc(p, x->id);
			h_raw(p, "\"><input type=\"hidden\" name=\"to\" value=\"");
			h_esc(p, x->to);
			h_raw(p, "\"><button type=\"submit\" class=\"small\">");
			h_tx(p, "ui", "mark-sent");
			h_raw(p, "</button></form>");
		}
		h_raw(p, "</td></tr>\n");
	}
	h_raw(p, "</tbody></table>\n</section>\n");
	rp_buf_release(&t);
}

static void
section_alerts(struct page *p)
{
	const struct snap *sn = p->sn;
	struct rp_buf line = RP_BUF_INIT;
	size_t i;

	h_raw(p, "<section id=\"alerts-box\">\n<h2>");
	h_tx(p, "ui", "alerts");
	h_raw(p, "<span id=\"live\" class=\"live\">");
	h_tx(p, "ui", "nolive");
	h_raw(p, "</span></h2>\n<ul class=\"alerts\" id=\"alerts\">");
	for (i = 0; i < sn->nalerts; i++) {
		const struct sn_alert *a = &sn->alerts[i];

		rp_buf_reset(&line);
		alert_line(&p->s->tx, a, &line);
		rp_buf_addf(p->b, "<li class=\"%s\" data-id=\"%lld\"><strong>",
		    a->canary ? "canary-read" : "alert", (long long)a->id);
		h_tx(p, "alert", a->canary ? "canary-read" : "alert");
		h_raw(p, "</strong> ");
		h_time(p, a->time);
		h_raw(p, " · ");
		h_esc(p, line.buf);
		if (a->files) {
			h_raw(p, "<div class=\"files\">");
			h_esc(p, a->files);
			h_raw(p, "</div>");
		}
		h_raw(p, "</li>");
	}
	h_raw(p, "</ul>\n");
	if (sn->alerts24 == 0) {
		h_raw(p, "<p id=\"no-alerts\">");
		h_tx(p, "ui", "no-alerts");
		h_raw(p, "</p>\n");
	}
	h_raw(p, "</section>\n");
	rp_buf_release(&line);
}

static void
section_checklist(struct page *p)
{
	const struct rp_standing *pr = &p->sn->pr;
	struct rp_buf t = RP_BUF_INIT;
	char sec[96];
	const char *title;
	size_t i;

	h_raw(p, "<section id=\"checklist\">\n<h2>");
	h_tx(p, "ui", "checklist");
	h_raw(p, "</h2>\n<ul class=\"checks\">\n");
	for (i = 0; i < pr->nitems; i++) {
		const struct rp_check_item *it = &pr->items[i];

		snprintf(sec, sizeof(sec), "step %s", it->id);
		title = tx_plan(&p->s->tx, sec, "title");
		h_raw(p, it->seq ? "<li class=\"done\" data-item=\"" : "<li data-item=\"");
		h_esc(p, it->id);
		h_raw(p, it->seq ? "\"><span class=\"box\">✓</span><span>" :
		    "\"><span class=\"box\">☐</span><span>");
		h_esc(p, title ? title : it->id);
		h_raw(p, "</span>");
		if (it->seq) {
			h_raw(p, "<span class=\"by\">");
			h_fill(p, "ui", "ticked", "who", it->actor, "when", p_time(p, it->time, &t), NULL);
			if (strcmp(it->kind, "check") != 0) {
				h_raw(p, " (");
				h_esc(p, it->kind);
				h_raw(p, ")");
			}
			h_raw(p, "</span>");
		} else {
			h_raw(p, "<form method=\"post\" action=\"/check\">");
			h_csrf(p);
			h_raw(p, "<input type=\"hidden\" name=\"item\" value=\"");
			h_esc(p, it->id);
			h_raw(p, "\"><button type=\"submit\" class=\"small\">");
			h_tx(p, "ui", "tick");
			h_raw(p, "</button></form>");
		}
		h_raw(p, "</li>\n");
	}
	h_raw(p, "</ul>\n</section>\n");
	rp_buf_release(&t);
}

static void
journal_item(struct page *p, const struct rp_entry *e)
{
	rp_buf_addf(p->b, "<li data-seq=\"%lld\"><span class=\"t\">", (long long)e->seq);
	h_time(p, e->time);
	h_raw(p, "</span><span class=\"a\">");
	h_esc(p, e->actor);
	h_raw(p, "</span><span class=\"x\"><span class=\"k\">");
	h_esc(p, e->kind);
	h_raw(p, "</span>");
	h_esc(p, e->text);
	h_raw(p, "</span></li>\n");
}

static void
form_log(struct page *p)
{
	h_raw(p, "<form method=\"post\" action=\"/log\" class=\"add noprint\">");
	h_csrf(p);
	h_raw(p, "<label>");
	h_tx(p, "ui", "entry-field");
	h_raw(p, "<textarea name=\"text\" required maxlength=\"4000\"></textarea></label><label>");
	h_tx(p, "ui", "entry-at");
	h_raw(p, "<input type=\"datetime-local\" name=\"at\"></label><div><button type=\"submit\">");
	h_tx(p, "ui", "add");
	h_raw(p, "</button></div></form>\n");
}

static void
section_journal(struct page *p)
{
	const struct rp_case *c = &p->sn->c;
	char n[32];
	size_t i, k;

	h_raw(p, "<section id=\"journal-box\">\n<h2>");
	h_tx(p, "ui", "last-entries");
	h_raw(p, "</h2>\n<ol class=\"journal\" id=\"journal\">\n");
	for (i = c->nentries, k = 0; i > 0 && k < LAST_ENTRIES; i--, k++)
		journal_item(p, &c->entries[i - 1]);
	h_raw(p, "</ol>\n<p><a href=\"/journal\">");
	snprintf(n, sizeof(n), "%zu", c->nentries);
	h_fill(p, "ui", "all-entries", "n", n, NULL);
	h_raw(p, "</a></p>\n<h2>");
	h_tx(p, "ui", "add-entry");
	h_raw(p, "</h2>\n");
	form_log(p);
	h_raw(p, "</section>\n");
}

static void
claim_row(struct page *p, const char *key, const char *cur, int64_t v, int strong)
{
	h_raw(p, strong ? "<tr><th>" : "<tr><td>");
	h_tx(p, "ui", key);
	h_raw(p, strong ? "</th><td class=\"num\"><strong>" : "</td><td class=\"num\">");
	h_money(p, cur, v);
	h_raw(p, strong ? "</strong></td></tr>" : "</td></tr>");
}

static void
section_costs(struct page *p)
{
	const struct snap *sn = p->sn;
	const struct rp_case *c = &sn->c;
	const struct rp_claim *cl = &sn->claim;
	char n[32];
	size_t i;

	h_raw(p, "<section id=\"costs\">\n<h2>");
	h_tx(p, "ui", "costs");
	h_raw(p, "</h2>\n");
	if (c->ncosts == 0) {
		h_p_tx(p, "no-costs");
	} else {
		h_raw(p, "<table><thead><tr><th>");
		h_tx(p, "ui", "cost-when");
		h_raw(p, "</th><th>");
		h_tx(p, "ui", "cost-category");
		h_raw(p, "</th><th>");
		h_tx(p, "ui", "cost-note");
		h_raw(p, "</th><th class=\"num\">");
		h_tx(p, "ui", "cost-amount");
		h_raw(p, "</th></tr></thead><tbody>\n");
		for (i = 0; i < c->ncosts; i++) {
			const struct rp_cost *k = &c->costs[i];

			h_raw(p, "<tr><td>");
			h_time(p, k->time);
			h_raw(p, "</td><td>");
			h_tx(p, "cost", rp_cost_categories[k->category]);
			h_raw(p, "</td><td>");
			h_esc(p, k->note);
			h_raw(p, "</td><td class=\"num\">");
			h_money(p, k->currency, k->amount);
			h_raw(p, "</td></tr>\n");
		}
		h_raw(p, "</tbody></table>\n");
		if (sn->claim_err == 0) {
			h_raw(p, "<table class=\"claim\" id=\"claim\">");
			claim_row(p, "claim-total", cl->currency, cl->total, 0);
			claim_row(p, "claim-deductible", cl->currency, cl->deductible, 0);
			claim_row(p, "claim-claimable", cl->currency, cl->claimable, 1);
			claim_row(p, "claim-own", cl->currency, cl->own_share, 0);
			h_raw(p, "</table>\n");
			if (cl->other_currency) {
				snprintf(n, sizeof(n), "%zu", cl->other_currency);
				h_raw(p, "<p class=\"meta\">");
				h_fill(p, "ui", "claim-other", "n", n, NULL);
				h_raw(p, "</p>\n");
			}
		}
	}
	h_raw(p, "<form method=\"post\" action=\"/cost\" class=\"row noprint\">");
	h_csrf(p);
	h_raw(p, "<label>");
	h_tx(p, "ui", "cost-category");
	h_select(p, "category", rp_cost_categories, "cost");
	h_raw(p, "</label><label>");
	h_tx(p, "ui", "cost-amount");
	h_raw(p, "<input name=\"amount\" inputmode=\"decimal\" size=\"10\" maxlength=\"32\"></label><label>");
	h_tx(p, "ui", "cost-hours");
	h_raw(p, "<input name=\"hours\" inputmode=\"decimal\" size=\"5\" maxlength=\"16\"></label><label>");
	h_tx(p, "ui", "cost-rate");
	h_raw(p, "<input name=\"rate\" inputmode=\"decimal\" size=\"7\" maxlength=\"32\"></label><label>");
	h_tx(p, "ui", "cost-note");
	h_raw(p, "<input name=\"note\" size=\"24\" maxlength=\"500\"></label><label>");
	/* a client's claim against us (liability) names the client; the others do not */
	h_tx(p, "ui", "cost-client");
	h_raw(p, "<input name=\"client\" size=\"16\" maxlength=\"200\"></label><button type=\"submit\">");
	h_tx(p, "ui", "add-cost");
	h_raw(p, "</button></form>\n");

	h_raw(p, "<h2>");
	h_tx(p, "ui", "notify");
	h_raw(p, "</h2><form method=\"post\" action=\"/notify\" class=\"row noprint\">");
	h_csrf(p);
	h_raw(p, "<label>");
	h_tx(p, "ui", "notify-to");
	h_select(p, "to", rp_notify_recipients, "to");
	h_raw(p, "</label><button type=\"submit\">");
	h_tx(p, "ui", "notify-button");
	h_raw(p, "</button></form>\n</section>\n");
}

static void
integrity(struct page *p)
{
	const struct rp_case *c = &p->sn->c;
	char n[32];

	h_raw(p, c->integrity < 0 ? "<p class=\"warn\" id=\"integrity\">" : "<p class=\"meta\" id=\"integrity\">");
	if (c->integrity < 0) {
		snprintf(n, sizeof(n), "%lld", (long long)c->bad_seq);
		h_fill(p, "ui", "integrity-bad", "seq", n, NULL);
	} else {
		snprintf(n, sizeof(n), "%zu", c->nentries);
		h_fill(p, "ui", "integrity-ok", "n", n, NULL);
		h_raw(p, " <span class=\"mono\">");
		h_esc(p, c->info.head_hash);
		h_raw(p, "</span>");
	}
	h_raw(p, "</p>\n");
}

/* The "before" parts: the site check's count, the top risks, past incidents. */
static void
section_before(struct page *p)
{
	const struct snap *sn = p->sn;
	struct rp_buf t = RP_BUF_INIT;
	char n[32];
	size_t i;

	h_raw(p, "<section id=\"before\">\n<h2>");
	h_tx(p, "ui", "before");
	h_raw(p, "</h2>\n<ul>");
	if (sn->site) {
		h_raw(p, "<li><a href=\"/plan\">");
		h_tx(p, "ui", "nav-plan");
		h_raw(p, "</a></li><li><a href=\"/site\">");
		if (sn->nissues) {
			snprintf(n, sizeof(n), "%zu", sn->nissues);
			h_fill(p, "ui", "site-issues", "n", n, NULL);
		} else {
			h_tx(p, "ui", "site-ok");
		}
		h_raw(p, "</a></li>");
	} else {
		h_raw(p, "<li>");
		h_tx(p, "ui", "site-none");
		h_raw(p, "</li>");
	}
	h_raw(p, "</ul>\n");
	if (sn->reg.n) {
		h_raw(p, "<h2>");
		h_tx(p, "ui", "risks");
		h_raw(p, "</h2>\n<ol id=\"top-risks\">");
		for (i = 0; i < sn->reg.n && i < 5; i++) {
			h_raw(p, "<li>");
			h_esc(p, sn->reg.v[i].asset);
			h_raw(p, " · ");
			h_esc(p, sn->reg.v[i].threat);
			rp_buf_addf(p->b, " (%d)</li>", sn->reg.v[i].score);
		}
		h_raw(p, "</ol><p><a href=\"/risks\">");
		snprintf(n, sizeof(n), "%zu", sn->reg.n);
		h_fill(p, "ui", "risks-all", "n", n, NULL);
		h_raw(p, "</a></p>\n");
	}
	if (sn->ncases) {
		h_raw(p, "<h2>");
		h_tx(p, "ui", "cases");
		h_raw(p, "</h2>\n<ul id=\"cases\">");
		for (i = 0; i < sn->ncases; i++) {
			h_raw(p, "<li>");
			h_int(p, sn->cases[i].id);
			h_raw(p, " · ");
			h_esc(p, sn->cases[i].title);
			h_raw(p, " · ");
			h_time(p, sn->cases[i].discovered);
			if (sn->cases[i].closed != RP_TIME_UNSET) {
				h_raw(p, " · ");
				h_fill(p, "ui", "case-closed", "when", p_time(p, sn->cases[i].closed, &t), NULL);
			}
			h_raw(p, "</li>");
		}
		h_raw(p, "</ul>\n");
	}
	h_raw(p, "</section>\n");
	rp_buf_release(&t);
}

void
page_overview(struct page *p)
{
	const struct snap *sn = p->sn;

	if (!sn->have_case) {
		page_begin(p, tx(&p->s->tx, "ui", "no-case"));
		h_raw(p, "<section id=\"case\"><h1 id=\"title\">");
		h_tx(p, "ui", "no-case");
		h_raw(p, "</h1><p>");
		h_tx(p, "ui", "no-case-text");
		h_raw(p, "</p><pre class=\"mono\">riposte case open --title \"...\" --discovered \"YYYY-MM-DD HH:MM\"</pre></section>\n");
		section_alerts(p);
		section_before(p);
		page_end(p);
		return;
	}
	page_begin(p, sn->c.info.title);
	section_case(p);
	h_raw(p, "<div class=\"grid\">\n");
	section_deadlines(p);
	section_alerts(p);
	h_raw(p, "</div>\n<div class=\"grid\">\n");
	section_checklist(p);
	section_journal(p);
	h_raw(p, "</div>\n");
	section_costs(p);
	integrity(p);
	page_end(p);
}

void
page_journal(struct page *p, int64_t before)
{
	const struct rp_case *c = &p->sn->c;
	size_t i, k, end;

	if (!p->sn->have_case) {
		page_error(p, "ui", "no-case");
		return;
	}
	page_begin(p, tx(&p->s->tx, "ui", "journal"));
	h_raw(p, "<section id=\"journal-box\">\n<h1>");
	h_tx(p, "ui", "journal");
	h_raw(p, " · ");
	h_esc(p, c->info.title);
	h_raw(p, "</h1>\n");
	form_log(p);
	h_raw(p, "<ol class=\"journal\" id=\"journal\">\n");
	/* newest first, JOURNAL_PAGE at a time: entries before seq `before` */
	end = c->nentries;
	if (before > 0 && (uint64_t)before - 1 < end)
		end = (size_t)before - 1;
	for (i = end, k = 0; i > 0 && k < JOURNAL_PAGE; i--, k++)
		journal_item(p, &c->entries[i - 1]);
	h_raw(p, "</ol>\n");
	if (i > 0)
		rp_buf_addf(p->b, "<p class=\"noprint\"><a href=\"/journal?before=%lld\">",
		    (long long)c->entries[i].seq);
	if (i > 0) {
		h_tx(p, "ui", "older");
		h_raw(p, "</a></p>\n");
	}
	h_raw(p, "</section>\n");
	integrity(p);
	page_end(p);
}
