/*
 * The pages of before an incident: the emergency plan (the document lib/prepare/plan.c
 * makes for `riposte plan`, rendered here into the page: the plan's own HTML carries an
 * inline style the page's Content-Security-Policy would refuse), the risk register's
 * ranking and the site profile's check. Each appears as its data does.
 */
#include <stdio.h>
#include <string.h>

#include "case/config.h"
#include "prepare/doc.h"
#include "serve/serve-int.h"

#define TOP_RISKS 20

struct doc_state {
	struct page *p;
	int in_ul, in_li, in_table;
};

static void
doc_close(struct doc_state *d, char next)
{
	if (d->in_li && next != 'c') {
		h_raw(d->p, "</li>\n");
		d->in_li = 0;
	}
	if (d->in_ul && next != 'l' && next != 'c') {
		h_raw(d->p, "</ul>\n");
		d->in_ul = 0;
	}
	if (d->in_table && next != 'r') {
		h_raw(d->p, "</tbody></table>\n");
		d->in_table = 0;
	}
}

static int
doc_record(char type, const char *const *cell, size_t n, void *ctx)
{
	struct doc_state *d = ctx;
	struct page *p = d->p;
	size_t i;

	doc_close(d, type);
	switch (type) {
	case 'H':
		h_raw(p, "<h1>");
		h_esc(p, cell[0]);
		h_raw(p, "</h1>\n");
		break;
	case 'h':
		h_raw(p, "<h2>");
		h_esc(p, cell[0]);
		h_raw(p, "</h2>\n");
		break;
	case 'p':
		h_raw(p, "<p>");
		h_esc(p, cell[0]);
		h_raw(p, "</p>\n");
		break;
	case 'l':
		if (!d->in_ul)
			h_raw(p, "<ul>\n");
		d->in_ul = d->in_li = 1;
		h_raw(p, "<li>");
		if (n > 1) {
			h_raw(p, "<b>");
			h_esc(p, cell[0]);
			h_raw(p, "</b> ");
			h_esc(p, cell[1]);
		} else {
			h_esc(p, cell[0]);
		}
		break;
	case 'c':
		h_raw(p, "<pre class=\"mono\">");
		h_esc(p, cell[0]);
		h_raw(p, "</pre>");
		break;
	case 'T':
	case 'r':
		if (type == 'T')
			h_raw(p, "<table><thead><tr>");
		else
			h_raw(p, d->in_table ? "<tr>" : "<table><tbody><tr>");
		for (i = 0; i < n; i++) {
			h_raw(p, type == 'T' ? "<th>" : "<td>");
			h_esc(p, cell[i]);
			h_raw(p, type == 'T' ? "</th>" : "</td>");
		}
		h_raw(p, type == 'T' ? "</tr></thead><tbody>\n" : "</tr>\n");
		d->in_table = 1;
		break;
	default:
		break;
	}
	return 0;
}

void
page_plan(struct page *p)
{
	struct doc_state d = { p, 0, 0, 0 };

	page_begin(p, tx(&p->s->tx, "ui", "nav-plan"));
	h_raw(p, "<section class=\"doc\" id=\"plan\">\n");
	if (p->sn->site == NULL || p->sn->plan_err != 0 || p->sn->plan.len == 0) {
		h_p_tx(p, "plan-none");
	} else {
		h_raw(p, "<p class=\"meta noprint\">");
		h_tx(p, "ui", "plan-print");
		h_raw(p, "</p>\n");
		rp_doc_each(p->sn->plan.buf, p->sn->plan.len, doc_record, &d);
		doc_close(&d, 0);
	}
	h_raw(p, "</section>\n");
	page_end(p);
}

void
page_risks(struct page *p)
{
	const struct rp_register *reg = &p->sn->reg;
	char n[32];
	size_t i;

	page_begin(p, tx(&p->s->tx, "ui", "risks"));
	h_raw(p, "<section id=\"risks\">\n<h1>");
	h_tx(p, "ui", "risks");
	h_raw(p, "</h1>\n");
	if (reg->n == 0) {
		h_p_tx(p, "risks-none");
		h_raw(p, "</section>\n");
		page_end(p);
		return;
	}
	h_raw(p, "<table><thead><tr><th class=\"num\">");
	h_tx(p, "ui", "risk-rank");
	h_raw(p, "</th><th class=\"num\">");
	h_tx(p, "ui", "risk-score");
	h_raw(p, "</th><th>");
	h_tx(p, "ui", "risk-asset");
	h_raw(p, "</th><th>");
	h_tx(p, "ui", "risk-threat");
	h_raw(p, "</th><th class=\"num\">");
	h_tx(p, "ui", "risk-lik");
	h_raw(p, "</th><th class=\"num\">");
	h_tx(p, "ui", "risk-imp");
	h_raw(p, "</th><th>");
	h_tx(p, "ui", "risk-measure");
	h_raw(p, "</th><th>");
	h_tx(p, "ui", "risk-owner");
	h_raw(p, "</th></tr></thead><tbody>\n");
	for (i = 0; i < reg->n && i < TOP_RISKS; i++) {
		const struct rp_risk *x = &reg->v[i];

		rp_buf_addf(p->b, "<tr><td class=\"num\">%zu</td><td class=\"num\">%d</td><td>",
		    x->rank, x->score);
		h_esc(p, x->asset);
		h_raw(p, "</td><td>");
		h_esc(p, x->threat);
		if (x->raised) {
			h_raw(p, "<br><small class=\"meta\">↑ ");
			h_esc(p, x->raised);
			h_raw(p, "</small>");
		}
		rp_buf_addf(p->b, "</td><td class=\"num\">%d</td><td class=\"num\">%d</td><td>",
		    x->likelihood, x->impact);
		h_esc(p, x->measure);
		h_raw(p, "</td><td>");
		h_esc(p, x->owner);
		h_raw(p, "</td></tr>\n");
	}
	h_raw(p, "</tbody></table>\n<p class=\"meta\">");
	snprintf(n, sizeof(n), "%zu", reg->n);
	h_fill(p, "ui", "risks-all", "n", n, NULL);
	h_raw(p, "</p>\n</section>\n");
	page_end(p);
}

void
page_site(struct page *p)
{
	const struct snap *sn = p->sn;
	char n[32];
	size_t i;

	page_begin(p, tx(&p->s->tx, "ui", "site-check"));
	h_raw(p, "<section id=\"site\">\n<h1>");
	h_tx(p, "ui", "site-check");
	h_raw(p, "</h1>\n");
	if (sn->site == NULL) {
		h_raw(p, "<p class=\"warn\">");
		if (sn->site_line) {
			snprintf(n, sizeof(n), "riposte.conf: line %d", sn->site_line);
			h_esc(p, n);
		} else {
			h_tx(p, "ui", "site-none");
		}
		h_raw(p, "</p>\n");
	} else if (sn->nissues == 0) {
		h_p_tx(p, "site-ok");
	} else {
		snprintf(n, sizeof(n), "%zu", sn->nissues);
		h_raw(p, "<p>");
		h_fill(p, "ui", "site-issues", "n", n, NULL);
		h_raw(p, "</p>\n<table><tbody>\n");
		for (i = 0; i < sn->nissues; i++) {
			h_raw(p, "<tr><td>");
			h_esc(p, sn->issues[i].status);
			h_raw(p, "</td><td class=\"mono\">");
			h_esc(p, sn->issues[i].where);
			h_raw(p, "</td><td>");
			h_esc(p, sn->issues[i].message);
			h_raw(p, "</td></tr>\n");
		}
		h_raw(p, "</tbody></table>\n");
	}
	h_raw(p, "</section>\n");
	page_end(p);
}
