/* The final report, built once as a small document model and rendered as Markdown,
 * self-contained printable HTML, or (pdf.c) PDF. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "case/case.h"
#include "case/config.h"
#include "core/err.h"
#include "core/time.h"

#define RS '\x1e'
#define US '\x1f'

/* Appends a cell: separators and newlines in the text become spaces. */
static int
cell(struct rp_buf *d, const char *s)
{
	int r;

	if ((r = rp_buf_addch(d, US)) != 0)
		return r;
	for (; s && *s; s++)
		if ((r = rp_buf_addch(d, *s == RS || *s == US || *s == '\n' || *s == '\r' ? ' ' :
		    *s)) != 0)
			return r;
	return 0;
}

static int
rec(struct rp_buf *d, char type, int n, ...)
{
	va_list ap;
	int r, i;

	if ((r = rp_buf_addch(d, type)) != 0)
		return r;
	va_start(ap, n);
	for (i = 0; i < n && r == 0; i++)
		r = cell(d, va_arg(ap, const char *));
	va_end(ap);
	return r ? r : rp_buf_addch(d, RS);
}

static const char *
tfmt(struct rp_buf *b, int64_t t)
{
	rp_buf_reset(b);
	if (t == RP_TIME_UNSET)
		return "-";
	rp_time_fmt_local(b, t);
	return b->buf;
}

static const char *
mfmt(struct rp_buf *b, const char *cur, int64_t v)
{
	rp_buf_reset(b);
	if (v < 0)
		return "-";
	rp_buf_addf(b, "%s ", cur);
	rp_money_fmt(b, v);
	return b->buf;
}

/* Timeline order: event time, then journal order. */
static int
timeline_cmp(const void *a, const void *b)
{
	const struct rp_entry *x = *(const struct rp_entry *const *)a;
	const struct rp_entry *y = *(const struct rp_entry *const *)b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The claim in its two sections, each with its limit and deductible. */
static int
costs_section(struct rp_buf *o, const struct rp_claim *cl)
{
	struct rp_buf a = RP_BUF_INIT, b = RP_BUF_INIT, e = RP_BUF_INIT;
	size_t i;
	int r;

#define T(x) do { if ((r = (x)) != 0) goto out; } while (0)
	T(rec(o, 'p', 1, "First party: what the incident cost us."));
	T(rec(o, 'T', 4, "Category", "Total", "Sublimit", "Covered"));
	for (i = 0; i < cl->nlines; i++) {
		rp_buf_reset(&e);
		T(rp_buf_addstr(&e, mfmt(&a, cl->currency, cl->lines[i].total)));
		T(rec(o, 'r', 4, rp_cost_categories[cl->lines[i].category], e.buf,
		    mfmt(&b, cl->currency, cl->lines[i].sublimit), mfmt(&a, cl->currency,
		    cl->lines[i].covered)));
	}
	T(rec(o, 'r', 4, "total", mfmt(&a, cl->currency, cl->total), "", mfmt(&b, cl->currency,
	    cl->covered)));
	T(rec(o, 'l', 2, "Limit:", cl->limit < 0 ? "none" : mfmt(&a, cl->currency, cl->limit)));
	T(rec(o, 'l', 2, "Deductible:", mfmt(&a, cl->currency, cl->deductible)));
	T(rec(o, 'l', 2, "Claimable:", mfmt(&a, cl->currency, cl->claimable)));
	T(rec(o, 'l', 2, "Own share:", mfmt(&a, cl->currency, cl->own_share)));
	if (cl->waiting_excluded)
		T(rec(o, 'l', 2, "Waiting period (interruption) not covered:",
		    mfmt(&a, cl->currency, cl->waiting_excluded)));
	if (cl->liability.nclients == 0) {
		T(rec(o, 'p', 1, "Third-party liability: no client's claim against us recorded."));
		goto out;
	}
	T(rec(o, 'p', 1, "Third-party liability: what clients claim from us."));
	T(rec(o, 'T', 2, "Client", "Claimed"));
	for (i = 0; i < cl->liability.nclients; i++)
		T(rec(o, 'r', 2, cl->liability.clients[i].client, mfmt(&a, cl->currency,
		    cl->liability.clients[i].total)));
	T(rec(o, 'r', 2, "total", mfmt(&a, cl->currency, cl->liability.total)));
	T(rec(o, 'l', 2, "Limit:", cl->liability.limit < 0 ? "none" : mfmt(&a, cl->currency,
	    cl->liability.limit)));
	T(rec(o, 'l', 2, "Deductible:", mfmt(&a, cl->currency, cl->liability.deductible)));
	T(rec(o, 'l', 2, "Claimable:", mfmt(&a, cl->currency, cl->liability.claimable)));
	T(rec(o, 'l', 2, "Own share:", mfmt(&a, cl->currency, cl->liability.own_share)));
#undef T
	r = 0;
out:
	rp_buf_release(&a);
	rp_buf_release(&b);
	rp_buf_release(&e);
	return r;
}

/* When the letter to a contact's organisation (or to the person) was sent, or NULL. */
static const struct rp_notice *
letter_of(const struct rp_case *c, const struct rp_contact *k)
{
	const struct rp_notice *found = NULL;
	size_t i;

	for (i = 0; i < c->nnotices; i++)
		if (c->notices[i].org && (strcasecmp(c->notices[i].org, k->org) == 0 ||
		    strcasecmp(c->notices[i].org, k->address) == 0))
			found = &c->notices[i];
	return found;
}

/* Who received mail from the affected mailboxes, and whether they were written to. */
static int
contacts_section(struct rp_buf *o, const struct rp_case *c)
{
	struct rp_buf a = RP_BUF_INIT, b = RP_BUF_INIT;
	size_t i, n[RP_CONTACT_NCLASSES] = { 0 }, sent = 0;
	int r, cls;

#define T(x) do { if ((r = (x)) != 0) goto out; } while (0)
	for (i = 0; i < c->ncontacts; i++) {
		n[c->contacts[i].cls]++;
		sent += letter_of(c, &c->contacts[i]) != NULL;
	}
	T(rec(o, 'h', 1, "Correspondents warned"));
	T(rp_buf_addf(&b, "%zu correspondents received mail from the affected mailboxes or are in "
	    "their address books: %zu infected (a malicious or fraudulent message), %zu exposed "
	    "(attachments or links that matched nothing), %zu precautionary; a letter went to %zu "
	    "of them.", c->ncontacts, n[RP_CONTACT_INFECTED], n[RP_CONTACT_EXPOSED],
	    n[RP_CONTACT_PRECAUTIONARY], sent));
	T(rec(o, 'p', 1, b.buf));
	T(rec(o, 'T', 5, "Class", "Address", "Organisation", "Messages", "Letter sent"));
	for (cls = RP_CONTACT_NCLASSES - 1; cls >= 0; cls--) {
		for (i = 0; i < c->ncontacts; i++) {
			const struct rp_contact *k = &c->contacts[i];
			const struct rp_notice *l;

			if (k->cls != cls)
				continue;
			rp_buf_reset(&b);
			T(rp_buf_addf(&b, "%zu", k->nmessages));
			if (k->first != RP_TIME_UNSET) {
				T(rp_buf_addstr(&b, ", "));
				T(rp_time_fmt_local(&b, k->first));
			}
			l = letter_of(c, k);
			T(rec(o, 'r', 5, rp_contact_class_name(cls), k->address,
			    k->client ? k->client : k->org, b.buf, l ? tfmt(&a, l->time) : "-"));
		}
	}
#undef T
	r = 0;
out:
	rp_buf_release(&a);
	rp_buf_release(&b);
	return r;
}

static const char *const status_names[] = { "open", "done", "overdue" };

static int
build(const struct rp_case *c, const struct rp_deadlines *d, const struct rp_claim *cl,
    const struct rp_ini *site, int64_t now, struct rp_buf *o)
{
	struct rp_buf a = RP_BUF_INIT, b = RP_BUF_INIT, e = RP_BUF_INIT;
	const struct rp_entry **order = NULL;
	const char *v;
	size_t i, j;
	int r, f, actions = 0, lessons = 0;

#define T(x) do { if ((r = (x)) != 0) goto out; } while (0)
	T(rp_buf_addf(&a, "Incident report: %s", c->info.title));
	T(rec(o, 'H', 1, a.buf));
	rp_buf_reset(&a);
	v = rp_ini_get(site, "site", "name");
	T(rp_buf_addf(&a, "%s · case %lld · report of ", v ? v : "(site not named)",
	    (long long)c->info.id));
	T(rp_time_fmt_local(&a, now));
	T(rec(o, 'p', 1, a.buf));

	T(rec(o, 'h', 1, "Summary"));
	T(rec(o, 'l', 2, "Discovered (time of awareness):", tfmt(&a, c->info.discovered)));
	T(rec(o, 'l', 2, "Case opened:", tfmt(&a, c->info.opened)));
	T(rec(o, 'l', 2, "Case closed:", c->info.closed == RP_TIME_UNSET ? "still open" :
	    tfmt(&a, c->info.closed)));
	T(rec(o, 'l', 2, "How it was discovered:", c->info.how ? c->info.how : "-"));
	rp_buf_reset(&b);
	for (f = 0; f < RP_FACT_COUNT; f++)
		T(rp_buf_addf(&b, "%s%s: %s", f ? ", " : "", rp_fact_name(f),
		    c->facts[f] == RP_FACT_UNSET ? "not assessed" : rp_fact_value_name(c->facts[f])));
	T(rec(o, 'l', 2, "Facts:", b.buf));
	rp_buf_reset(&b);
	T(rp_buf_addf(&b, "%s ", cl->currency));
	T(rp_money_fmt(&b, cl->total));
	T(rp_buf_addf(&b, "; claimable from the insurer %s ", cl->currency));
	T(rp_money_fmt(&b, cl->claimable));
	if (cl->liability.nclients) {
		T(rp_buf_addf(&b, "; clients' claims against us %s ", cl->currency));
		T(rp_money_fmt(&b, cl->liability.total));
		T(rp_buf_addf(&b, ", of which the insurer pays %s ", cl->currency));
		T(rp_money_fmt(&b, cl->liability.claimable));
	}
	T(rec(o, 'l', 2, "Total cost:", b.buf));
	T(rec(o, 'l', 2, "Root cause:", c->root_cause ? c->root_cause : "not recorded"));

	T(rec(o, 'h', 1, "Timeline of the incident and of the response"));
	T(rec(o, 'T', 3, "Time", "What", "Entry"));
	/* by when it happened (`case log --at` for events found out later), then as recorded */
	if (c->nentries && (order = calloc(c->nentries, sizeof(*order))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (i = 0; i < c->nentries; i++)
		order[i] = &c->entries[i];
	if (c->nentries)
		qsort(order, c->nentries, sizeof(*order), timeline_cmp);
	for (i = 0; i < c->nentries; i++)
		T(rec(o, 'r', 3, tfmt(&a, order[i]->at), order[i]->kind, order[i]->text));

	T(rec(o, 'h', 1, "Scope"));
	if (c->nattachments == 0)
		T(rec(o, 'p', 1, "No scan, exfiltration or collection result was attached to the case."));
	for (i = 0; i < c->nattachments; i++) {
		rp_buf_reset(&b);
		T(rp_buf_addf(&b, "%s (%s, SHA-256 %s): %s", c->attachments[i].source,
		    c->attachments[i].name, c->attachments[i].sha256,
		    c->attachments[i].digest ? c->attachments[i].digest : "-"));
		T(rec(o, 'l', 1, b.buf));
	}

	T(rec(o, 'h', 1, "Notifications against their deadlines"));
	T(rec(o, 'T', 5, "Obligation", "Authority", "Due", "Status", "Basis"));
	for (i = 0; i < d->n; i++) {
		rp_buf_reset(&b);
		T(rp_buf_addstr(&b, status_names[d->v[i].status]));
		if (d->v[i].done != RP_TIME_UNSET) {
			T(rp_buf_addstr(&b, " (sent "));
			T(rp_time_fmt_local(&b, d->v[i].done));
			T(rp_buf_addch(&b, ')'));
		}
		T(rec(o, 'r', 5, d->v[i].id, d->v[i].authority, tfmt(&a, d->v[i].due), b.buf,
		    d->v[i].basis));
	}
	if (c->nnotices) {
		T(rec(o, 'T', 4, "Sent", "To", "Closes", "SHA-256 of what was sent"));
		for (i = 0; i < c->nnotices; i++) {
			rp_buf_reset(&b);
			T(rp_buf_addstr(&b, c->notices[i].to));
			if (c->notices[i].org)
				T(rp_buf_addf(&b, " (%s)", c->notices[i].org));
			T(rec(o, 'r', 4, tfmt(&a, c->notices[i].time), b.buf,
			    c->notices[i].deadline ? c->notices[i].deadline : "-", c->notices[i].sha256));
		}
	}

	if (c->ncontacts)
		T(contacts_section(o, c));

	T(rec(o, 'h', 1, "Costs and insurance claim"));
	T(costs_section(o, cl));

	T(rec(o, 'h', 1, "Root cause"));
	T(rec(o, 'p', 1, c->root_cause ? c->root_cause : "Not recorded yet."));

	T(rec(o, 'h', 1, "Lessons learned"));
	for (i = 0; i < c->nactions; i++)
		if (c->actions[i].owner == NULL && (lessons = 1))
			T(rec(o, 'l', 1, c->actions[i].text));
	if (!lessons)
		T(rec(o, 'p', 1, "None recorded."));
	T(rec(o, 'h', 1, "Improvement actions"));
	for (i = 0, j = 0; i < c->nactions; i++) {
		if (c->actions[i].owner == NULL)
			continue;
		if (!actions++)
			T(rec(o, 'T', 3, "Action", "Owner", "Due"));
		rp_buf_reset(&b);
		if (c->actions[i].due != RP_TIME_UNSET)
			T(rp_time_fmt_local(&b, c->actions[i].due));   /* a date people typed */
		T(rec(o, 'r', 3, c->actions[i].text, c->actions[i].owner, b.len > 10 ?
		    (b.buf[10] = '\0', b.buf) : "-"));
		j++;
	}
	if (!actions)
		T(rec(o, 'p', 1, "None recorded."));
	rp_buf_reset(&b);
	if (c->integrity < 0)
		T(rp_buf_addf(&b, "WARNING: the journal of this case does not verify: entry %lld or "
		    "the chain after it was altered or removed in the database. This report is "
		    "built from the altered record.", (long long)c->bad_seq));
	else
		T(rp_buf_addf(&b, "The journal of this case holds %zu hash-chained entries%s; "
		    "the last entry's SHA-256 is %s. Keep this value: `riposte case verify --case "
		    "%lld` checks that no entry was altered or removed, and a journal rewritten "
		    "as a whole would no longer end in this hash.", c->nentries,
		    c->integrity > 0 ? ", verified when this report was made" : "",
		    c->info.head_hash, (long long)c->info.id));
	T(rec(o, 'h', 1, "Integrity"));
	T(rec(o, 'p', 1, b.buf));
#undef T
	r = 0;
out:
	free(order);
	rp_buf_release(&a);
	rp_buf_release(&b);
	rp_buf_release(&e);
	return r;
}

/* Iterates the model: calls fn(type, cells, ncells) per record. */
#define MAXCELLS 8
static int
each_rec(const char *doc, size_t len, int (*fn)(char, const char **, size_t, size_t *, void *),
    void *ctx)
{
	struct rp_buf copy = RP_BUF_INIT;
	char *p, *end, *next;
	const char *cells[MAXCELLS];
	size_t lens[MAXCELLS], n;
	int r;

	if ((r = rp_buf_add(&copy, doc, len)) != 0)
		return r;
	for (p = copy.buf, end = copy.buf + copy.len; p < end; p = next + 1) {
		char type = *p, *q;

		if ((next = memchr(p, RS, (size_t)(end - p))) == NULL)
			next = end;
		*next = '\0';
		n = 0;
		for (q = p + 1; *q == US && n < MAXCELLS; n++) {
			char *s = q + 1, *e = strchr(s, US);

			cells[n] = s;
			lens[n] = e ? (size_t)(e - s) : strlen(s);
			q = s + lens[n];
		}
		for (size_t k = 0; k < n; k++)
			((char *)cells[k])[lens[k]] = '\0';
		if ((r = fn(type, cells, n, lens, ctx)) != 0)
			break;
	}
	rp_buf_release(&copy);
	return r;
}

struct render {
	struct rp_buf *out;
	char last;
	size_t cols;
};

static int
md_text(struct rp_buf *b, const char *s, int table)
{
	int r;

	for (; *s; s++) {
		if (((table && *s == '|') || *s == '<' || *s == '*' || *s == '_' || *s == '[' ||
		    *s == ']') && (r = rp_buf_addch(b, '\\')) != 0)
			return r;
		if ((r = rp_buf_addch(b, *s)) != 0)
			return r;
	}
	return 0;
}

static int
md_rec(char type, const char **cells, size_t n, size_t *lens, void *ctx)
{
	struct render *R = ctx;
	struct rp_buf *b = R->out;
	size_t i;
	int r = 0;

	if (R->last && R->last != type && !(R->last == 'T' && type == 'r') &&
	    !(R->last == 'r' && type == 'r') && (r = rp_buf_addch(b, '\n')) != 0)
		return r;
	R->last = type;
	switch (type) {
	case 'H':
	case 'h':
		if ((r = rp_buf_addstr(b, type == 'H' ? "# " : "## ")) == 0 &&
		    (r = md_text(b, n ? cells[0] : "", 0)) == 0)
			r = rp_buf_addch(b, '\n');
		break;
	case 'p':
	case 'l':
		if (type == 'l' && (r = rp_buf_addstr(b, "- ")) != 0)
			return r;
		for (i = 0; i < n && r == 0; i++) {
			if (i && (r = rp_buf_addch(b, ' ')) != 0)
				return r;
			r = type == 'l' && i == 0 && n > 1 ? rp_buf_addf(b, "**%s**", cells[0]) :
			    md_text(b, cells[i], 0);
		}
		if (r == 0)
			r = rp_buf_addch(b, '\n');
		break;
	case 'T':
	case 'r':
		for (i = 0; i < n && r == 0; i++)
			if ((r = rp_buf_addstr(b, "| ")) == 0 && (r = md_text(b, cells[i], 1)) == 0)
				r = rp_buf_addch(b, ' ');
		if (r == 0)
			r = rp_buf_addstr(b, "|\n");
		for (i = 0; type == 'T' && i < n && r == 0; i++)
			r = rp_buf_addstr(b, i + 1 < n ? "|---" : "|---|\n");
		break;
	}
	(void)lens;
	return r;
}

static int
html_text(struct rp_buf *b, const char *s)
{
	int r = 0;

	for (; *s && r == 0; s++) {
		switch (*s) {
		case '&': r = rp_buf_addstr(b, "&amp;"); break;
		case '<': r = rp_buf_addstr(b, "&lt;"); break;
		case '>': r = rp_buf_addstr(b, "&gt;"); break;
		case '"': r = rp_buf_addstr(b, "&quot;"); break;
		default: r = rp_buf_addch(b, *s);
		}
	}
	return r;
}

static int
html_close(struct render *R, char type)
{
	if (R->last == 'l' && type != 'l')
		return rp_buf_addstr(R->out, "</ul>\n");
	if ((R->last == 'r' || R->last == 'T') && type != 'r')
		return rp_buf_addstr(R->out, "</table>\n");
	return 0;
}

static int
html_rec(char type, const char **cells, size_t n, size_t *lens, void *ctx)
{
	struct render *R = ctx;
	struct rp_buf *b = R->out;
	size_t i;
	int r;

	if ((r = html_close(R, type)) != 0)
		return r;
	if (type == 'l' && R->last != 'l' && (r = rp_buf_addstr(b, "<ul>\n")) != 0)
		return r;
	if (type == 'T' && (r = rp_buf_addstr(b, "<table>\n")) != 0)
		return r;
	R->last = type;
	switch (type) {
	case 'H':
	case 'h':
		if ((r = rp_buf_addstr(b, type == 'H' ? "<h1>" : "<h2>")) == 0 &&
		    (r = html_text(b, n ? cells[0] : "")) == 0)
			r = rp_buf_addstr(b, type == 'H' ? "</h1>\n" : "</h2>\n");
		break;
	case 'p':
	case 'l':
		r = rp_buf_addstr(b, type == 'p' ? "<p>" : "<li>");
		for (i = 0; i < n && r == 0; i++) {
			if (i && (r = rp_buf_addch(b, ' ')) != 0)
				break;
			if (type == 'l' && i == 0 && n > 1) {
				if ((r = rp_buf_addstr(b, "<b>")) == 0 && (r = html_text(b, cells[i])) == 0)
					r = rp_buf_addstr(b, "</b>");
			} else {
				r = html_text(b, cells[i]);
			}
		}
		if (r == 0)
			r = rp_buf_addstr(b, type == 'p' ? "</p>\n" : "</li>\n");
		break;
	case 'T':
	case 'r':
		r = rp_buf_addstr(b, "<tr>");
		for (i = 0; i < n && r == 0; i++)
			if ((r = rp_buf_addstr(b, type == 'T' ? "<th>" : "<td>")) == 0 &&
			    (r = html_text(b, cells[i])) == 0)
				r = rp_buf_addstr(b, type == 'T' ? "</th>" : "</td>");
		if (r == 0)
			r = rp_buf_addstr(b, "</tr>\n");
		break;
	}
	(void)lens;
	return r;
}

static const char html_head[] =
"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
"<meta name=\"generator\" content=\"riposte\">\n<title>";
static const char html_style[] =
"</title>\n<style>\n"
"body{font-family:\"DejaVu Sans\",Arial,sans-serif;font-size:11pt;max-width:60em;margin:2em auto;"
"color:#111;line-height:1.4}\n"
"h1{font-size:18pt;border-bottom:2px solid #333}h2{font-size:13pt;margin-top:1.6em;"
"border-bottom:1px solid #999}\n"
"table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #999;"
"padding:3px 6px;text-align:left;vertical-align:top;font-size:9.5pt}th{background:#eee}\n"
"td{overflow-wrap:anywhere}\n"
"@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}\n"
"@page{size:A4;margin:18mm}\n"
"</style>\n</head>\n<body>\n";

int
rp_case_report(const struct rp_case *c, const struct rp_deadlines *d,
    const struct rp_claim *cl, const struct rp_ini *site, int64_t now, int format,
    struct rp_buf *out)
{
	struct rp_buf doc = RP_BUF_INIT;
	struct render R = { out, 0, 0 };
	int r;

	if ((r = build(c, d, cl, site, now, format == RP_REPORT_DOC ? out : &doc)) != 0 ||
	    format == RP_REPORT_DOC)
		goto out;
	if (format == RP_REPORT_MD) {
		r = each_rec(doc.buf, doc.len, md_rec, &R);
		goto out;
	}
	if ((r = rp_buf_addstr(out, html_head)) != 0 ||
	    (r = rp_buf_addstr(out, "Incident report: ")) != 0 ||
	    (r = html_text(out, c->info.title)) != 0 ||
	    (r = rp_buf_addstr(out, html_style)) != 0 ||
	    (r = each_rec(doc.buf, doc.len, html_rec, &R)) != 0 ||
	    (r = html_close(&R, 0)) != 0)
		goto out;
	r = rp_buf_addstr(out, "</body>\n</html>\n");
out:
	rp_buf_release(&doc);
	return r;
}

/* Exposed for pdf.c. */
int rp_report_each(const char *doc, size_t len,
    int (*fn)(char, const char **, size_t, size_t *, void *), void *ctx);
int
rp_report_each(const char *doc, size_t len,
    int (*fn)(char, const char **, size_t, size_t *, void *), void *ctx)
{
	return each_rec(doc, len, fn, ctx);
}

int
rp_report_format(const char *name)
{
	if (name == NULL)
		return -1;
	if (strcmp(name, "md") == 0)
		return RP_REPORT_MD;
	if (strcmp(name, "html") == 0)
		return RP_REPORT_HTML;
	if (strcmp(name, "pdf") == 0)
		return RP_REPORT_DOC;
	return -1;
}
