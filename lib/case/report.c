/* The final report, built once as a small document model and rendered as Markdown,
 * self-contained printable HTML, or (pdf.c) PDF. Every word of it comes from
 * data/report/LANG/report.ini (looked up by section and key); dates, times, numbers and
 * money as the site's language and country write them (lib/core/l10n.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "case/case.h"
#include "case/config.h"
#include "core/data.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/l10n.h"
#include "core/time.h"

#define RS '\x1e'
#define US '\x1f'

const char *const rp_report_langs[] = { "fr", "de", "en", NULL };

static int
lang_known(const char *l)
{
	return rp_l10n_one_of(rp_report_langs, l);
}

int
rp_report_lang(const struct rp_ini *site, const char *want, const char **lang)
{
	const char *v;

	if (want) {
		*lang = want;
		return lang_known(want) ? 0 : RP_ERR_INVALID;
	}
	v = rp_ini_get(site, "site", "language");
	*lang = v && *v ? v : "en";
	if (lang_known(*lang))
		return 0;
	*lang = "en";
	return RP_ERR_NOTFOUND;
}

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

/* What a section is built from. A section is one function of the table in build(). */
struct rep {
	const struct rp_case *c;
	const struct rp_deadlines *d;
	const struct rp_claim *cl;
	const struct rp_ini *site;
	struct rp_ini *tx, *en;        /* the language's texts, English's */
	struct rp_locale loc;
	int64_t now;
	struct rp_buf *o;              /* the document */
	struct rp_buf a, b, e;         /* scratch */
	struct rp_buf title;           /* the document's title */
};

/* A text of the report in its language, else in English, else its key: a gap in the
 * data shows (tests/unit/test-l10n.c checks there is none), and a word the report
 * translates ([kind] open, [category] it) that the texts do not know yet (a kind of
 * journal entry newer than them) is written as the data has it. */
static const char *
tx(const struct rep *R, const char *section, const char *key)
{
	const char *v = rp_ini_get(R->tx, section, key);

	if (v == NULL)
		v = rp_ini_get(R->en, section, key);
	return v ? v : key;
}


static int
heading(struct rep *R, const char *section)
{
	return rec(R->o, 'h', 1, tx(R, section, "heading"));
}

/* A time as the language writes it, local; "UTC+02:00" added when the offset is not
 * the report's (a summer time in a winter case); "–" when not set. */
static const char *
tfmt(struct rep *R, struct rp_buf *b, int64_t t)
{
	rp_buf_reset(b);
	if (t == RP_TIME_UNSET)
		return tx(R, "doc", "none");
	if (rp_locale_datetime(b, &R->loc, t) != 0)
		return "?";
	if (!rp_locale_same_offset(t, R->now) && (rp_buf_addch(b, ' ') != 0 ||
	    rp_locale_utc_offset(b, t) != 0))
		return "?";
	return b->buf;
}

/* An amount in the claim's currency as the country writes it; "–" below 0 (none). */
static const char *
mfmt(struct rep *R, struct rp_buf *b, int64_t v)
{
	rp_buf_reset(b);
	if (v < 0)
		return tx(R, "doc", "none");
	return rp_locale_money(b, &R->loc, R->cl->currency, v) == 0 ? b->buf : "?";
}

/* A count as the country writes it ("1'200"), into b after what it holds. */
static const char *
nfmt(struct rep *R, struct rp_buf *b, size_t n)
{
	size_t at = b->len;

	if (rp_locale_int(b, &R->loc, (int64_t)n) != 0)
		return "?";
	return b->buf + at;
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

#define T(x) do { if ((r = (x)) != 0) goto out; } while (0)

static int
sec_title(struct rep *R)
{
	struct rp_buf date = RP_BUF_INIT, clock = RP_BUF_INIT, zone = RP_BUF_INIT;
	const char *v;
	int r;

	T(rp_l10n_fill(&R->title, tx(R, "doc", "title"), "title", R->c->info.title, NULL));
	T(rec(R->o, 'H', 1, R->title.buf));
	v = rp_ini_get(R->site, "site", "name");
	rp_buf_reset(&R->a);
	rp_buf_reset(&R->b);
	T(rp_buf_addf(&R->b, "%lld", (long long)R->c->info.id));
	T(rp_locale_date_long(&date, &R->loc, R->now));
	T(rp_locale_clock(&clock, R->now));
	T(rp_l10n_fill(&R->a, tx(R, "doc", "byline"), "site", v && *v ? v :
	    tx(R, "doc", "no-site"), "id", R->b.buf, "date", date.buf, "time", clock.buf, NULL));
	T(rec(R->o, 'p', 1, R->a.buf));
	/* the zone by its name when the site gives it, and the offset of now */
	if ((v = rp_ini_get(R->site, "site", "timezone")) != NULL && *v)
		T(rp_buf_addf(&zone, "%s, ", v));
	T(rp_locale_utc_offset(&zone, R->now));
	rp_buf_reset(&R->a);
	T(rp_l10n_fill(&R->a, tx(R, "doc", "times"), "zone", zone.buf, NULL));
	r = rec(R->o, 'p', 1, R->a.buf);
out:
	rp_buf_release(&date);
	rp_buf_release(&clock);
	rp_buf_release(&zone);
	return r;
}

static int
sec_summary(struct rep *R)
{
	const struct rp_case *c = R->c;
	const struct rp_claim *cl = R->cl;
	struct rp_buf x = RP_BUF_INIT, y = RP_BUF_INIT;
	int r, f;

	T(heading(R, "summary"));
	T(rec(R->o, 'l', 2, tx(R, "summary", "discovered"), tfmt(R, &R->a, c->info.discovered)));
	T(rec(R->o, 'l', 2, tx(R, "summary", "opened"), tfmt(R, &R->a, c->info.opened)));
	T(rec(R->o, 'l', 2, tx(R, "summary", "closed"), c->info.closed == RP_TIME_UNSET ?
	    tx(R, "summary", "still-open") : tfmt(R, &R->a, c->info.closed)));
	T(rec(R->o, 'l', 2, tx(R, "summary", "how"), c->info.how ? c->info.how :
	    tx(R, "doc", "none")));
	rp_buf_reset(&R->b);
	for (f = 0; f < RP_FACT_COUNT; f++)
		T(rp_l10n_fill(&R->b, tx(R, "summary", f ? "fact-next" : "fact-first"), "fact",
		    tx(R, "fact", rp_fact_name(f)), "value", tx(R, "value",
		    rp_fact_value_name(c->facts[f])), NULL));
	T(rec(R->o, 'l', 2, tx(R, "summary", "facts"), R->b.buf));
	rp_buf_reset(&R->b);
	T(rp_l10n_fill(&R->b, tx(R, "summary", "cost-text"), "total", mfmt(R, &x, cl->total),
	    "claimable", mfmt(R, &y, cl->claimable), NULL));
	if (cl->liability.nclients)
		T(rp_l10n_fill(&R->b, tx(R, "summary", "cost-liability"), "claimed",
		    mfmt(R, &x, cl->liability.total), "paid", mfmt(R, &y, cl->liability.claimable),
		    NULL));
	T(rec(R->o, 'l', 2, tx(R, "summary", "cost"), R->b.buf));
	r = rec(R->o, 'l', 2, tx(R, "summary", "root-cause"), c->root_cause ? c->root_cause :
	    tx(R, "summary", "not-recorded"));
out:
	rp_buf_release(&x);
	rp_buf_release(&y);
	return r;
}

static int
sec_timeline(struct rep *R)
{
	const struct rp_case *c = R->c;
	const struct rp_entry **order = NULL;
	size_t i;
	int r;

	T(heading(R, "timeline"));
	T(rec(R->o, 'T', 3, tx(R, "timeline", "col-time"), tx(R, "timeline", "col-what"),
	    tx(R, "timeline", "col-entry")));
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
		T(rec(R->o, 'r', 3, tfmt(R, &R->a, order[i]->at), tx(R, "kind", order[i]->kind),
		    order[i]->text));
out:
	free(order);
	return r;
}

static int
sec_scope(struct rep *R)
{
	const struct rp_case *c = R->c;
	size_t i;
	int r;

	T(heading(R, "scope"));
	if (c->nattachments == 0)
		T(rec(R->o, 'p', 1, tx(R, "scope", "none")));
	for (i = 0; i < c->nattachments; i++) {
		rp_buf_reset(&R->b);
		T(rp_l10n_fill(&R->b, tx(R, "scope", "item"), "source", c->attachments[i].source,
		    "file", c->attachments[i].name, "sha256", c->attachments[i].sha256, "digest",
		    c->attachments[i].digest ? c->attachments[i].digest : tx(R, "doc", "none"), NULL));
		T(rec(R->o, 'l', 1, R->b.buf));
	}
out:
	return r;
}

/* Who gets a notification, in the language: [authority] ID.CC, then ID, of the
 * language's texts only, else the obligation's own (English) words. */
static const char *
authority(struct rep *R, const struct rp_deadline *x)
{
	const char *cc = rp_ini_get(R->site, "site", "country"), *v = NULL;

	rp_buf_reset(&R->e);
	if (cc && rp_buf_addf(&R->e, "%s.%s", x->id, cc) == 0)
		v = rp_ini_get(R->tx, "authority", R->e.buf);
	if (v == NULL)
		v = rp_ini_get(R->tx, "authority", x->id);
	return v ? v : x->authority;
}

static int
sec_deadlines(struct rep *R)
{
	const struct rp_case *c = R->c;
	const struct rp_deadlines *d = R->d;
	struct rp_buf t = RP_BUF_INIT;
	size_t i;
	int r;

	T(heading(R, "deadlines"));
	T(rec(R->o, 'T', 5, tx(R, "deadlines", "col-obligation"), tx(R, "deadlines",
	    "col-authority"), tx(R, "deadlines", "col-due"), tx(R, "deadlines", "col-status"),
	    tx(R, "deadlines", "col-basis")));
	for (i = 0; i < d->n; i++) {
		const char *st = tx(R, "status", rp_deadline_status_name(d->v[i].status));

		rp_buf_reset(&R->b);
		if (d->v[i].done != RP_TIME_UNSET)
			T(rp_l10n_fill(&R->b, tx(R, "deadlines", "sent"), "status", st, "time",
			    tfmt(R, &t, d->v[i].done), NULL));
		else
			T(rp_buf_addstr(&R->b, st));
		T(rec(R->o, 'r', 5, d->v[i].id, authority(R, &d->v[i]), tfmt(R, &R->a, d->v[i].due),
		    R->b.buf, d->v[i].basis));
	}
	if (c->nnotices) {
		T(rec(R->o, 'T', 4, tx(R, "deadlines", "col-sent"), tx(R, "deadlines", "col-to"),
		    tx(R, "deadlines", "col-closes"), tx(R, "deadlines", "col-sha256")));
		for (i = 0; i < c->nnotices; i++) {
			rp_buf_reset(&R->b);
			T(rp_buf_addstr(&R->b, c->notices[i].to));
			if (c->notices[i].org)
				T(rp_buf_addf(&R->b, " (%s)", c->notices[i].org));
			T(rec(R->o, 'r', 4, tfmt(R, &R->a, c->notices[i].time), R->b.buf,
			    c->notices[i].deadline ? c->notices[i].deadline : tx(R, "doc", "none"),
			    c->notices[i].sha256));
		}
	}
out:
	rp_buf_release(&t);
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
sec_contacts(struct rep *R)
{
	const struct rp_case *c = R->c;
	struct rp_buf n[5] = { RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT };
	size_t i, cnt[RP_CONTACT_NCLASSES] = { 0 }, sent = 0;
	int r = 0, cls;

	if (c->ncontacts == 0)
		return 0;
	for (i = 0; i < c->ncontacts; i++) {
		cnt[c->contacts[i].cls]++;
		sent += letter_of(c, &c->contacts[i]) != NULL;
	}
	T(heading(R, "contacts"));
	rp_buf_reset(&R->b);
	T(rp_l10n_fill(&R->b, tx(R, "contacts", "intro"), "n", nfmt(R, &n[0], c->ncontacts),
	    "infected", nfmt(R, &n[1], cnt[RP_CONTACT_INFECTED]), "exposed", nfmt(R, &n[2],
	    cnt[RP_CONTACT_EXPOSED]), "precautionary", nfmt(R, &n[3],
	    cnt[RP_CONTACT_PRECAUTIONARY]), "sent", nfmt(R, &n[4], sent), NULL));
	T(rec(R->o, 'p', 1, R->b.buf));
	T(rec(R->o, 'T', 5, tx(R, "contacts", "col-class"), tx(R, "contacts", "col-address"),
	    tx(R, "contacts", "col-org"), tx(R, "contacts", "col-messages"), tx(R, "contacts",
	    "col-letter")));
	for (cls = RP_CONTACT_NCLASSES - 1; cls >= 0; cls--) {
		for (i = 0; i < c->ncontacts; i++) {
			const struct rp_contact *k = &c->contacts[i];
			const struct rp_notice *l;

			if (k->cls != cls)
				continue;
			rp_buf_reset(&R->b);
			T(rp_locale_int(&R->b, &R->loc, (int64_t)k->nmessages));
			if (k->first != RP_TIME_UNSET) {
				T(rp_buf_addstr(&R->b, ", "));
				T(rp_locale_datetime(&R->b, &R->loc, k->first));
			}
			l = letter_of(c, k);
			T(rec(R->o, 'r', 5, tx(R, "class", rp_contact_class_name(cls)), k->address,
			    k->client ? k->client : k->org, R->b.buf, l ? tfmt(R, &R->a, l->time) :
			    tx(R, "doc", "none")));
		}
	}
out:
	for (i = 0; i < 5; i++)
		rp_buf_release(&n[i]);
	return r;
}

/* The limit, deductible, claimable and own share of one side of the claim. */
static int
claim_items(struct rep *R, int64_t limit, int64_t deductible, int64_t claimable,
    int64_t own_share)
{
	int r;

	T(rec(R->o, 'l', 2, tx(R, "costs", "limit"), limit < 0 ? tx(R, "costs", "no-limit") :
	    mfmt(R, &R->a, limit)));
	T(rec(R->o, 'l', 2, tx(R, "costs", "deductible"), mfmt(R, &R->a, deductible)));
	T(rec(R->o, 'l', 2, tx(R, "costs", "claimable"), mfmt(R, &R->a, claimable)));
	T(rec(R->o, 'l', 2, tx(R, "costs", "own-share"), mfmt(R, &R->a, own_share)));
out:
	return r;
}

/* The claim in its two sections, each with its limit and deductible. */
static int
sec_costs(struct rep *R)
{
	const struct rp_claim *cl = R->cl;
	size_t i;
	int r;

	T(heading(R, "costs"));
	T(rec(R->o, 'p', 1, tx(R, "costs", "first-party")));
	T(rec(R->o, 'T', 4, tx(R, "costs", "col-category"), tx(R, "costs", "col-total"),
	    tx(R, "costs", "col-sublimit"), tx(R, "costs", "col-covered")));
	for (i = 0; i < cl->nlines; i++)
		T(rec(R->o, 'r', 4, tx(R, "category", rp_cost_categories[cl->lines[i].category]),
		    mfmt(R, &R->a, cl->lines[i].total), mfmt(R, &R->b, cl->lines[i].sublimit),
		    mfmt(R, &R->e, cl->lines[i].covered)));
	T(rec(R->o, 'r', 4, tx(R, "costs", "total"), mfmt(R, &R->a, cl->total), "",
	    mfmt(R, &R->b, cl->covered)));
	T(claim_items(R, cl->limit, cl->deductible, cl->claimable, cl->own_share));
	if (cl->waiting_excluded)
		T(rec(R->o, 'l', 2, tx(R, "costs", "waiting"), mfmt(R, &R->a, cl->waiting_excluded)));
	if (cl->liability.nclients == 0) {
		r = rec(R->o, 'p', 1, tx(R, "costs", "no-liability"));
		goto out;
	}
	T(rec(R->o, 'p', 1, tx(R, "costs", "liability")));
	T(rec(R->o, 'T', 2, tx(R, "costs", "col-client"), tx(R, "costs", "col-claimed")));
	for (i = 0; i < cl->liability.nclients; i++)
		T(rec(R->o, 'r', 2, cl->liability.clients[i].client, mfmt(R, &R->a,
		    cl->liability.clients[i].total)));
	T(rec(R->o, 'r', 2, tx(R, "costs", "total"), mfmt(R, &R->a, cl->liability.total)));
	r = claim_items(R, cl->liability.limit, cl->liability.deductible,
	    cl->liability.claimable, cl->liability.own_share);
out:
	return r;
}

static int
sec_root_cause(struct rep *R)
{
	int r;

	if ((r = heading(R, "root-cause")) != 0)
		return r;
	return rec(R->o, 'p', 1, R->c->root_cause ? R->c->root_cause : tx(R, "root-cause", "none"));
}

/* The way in (lib/case/vector.h): the vector recorded, the findings tied to it and
 * their state, the actions made of findings, what was accepted, the first and last
 * harden runs of the case and the restore checks. */
static int
run_line(struct rep *R, const char *label, const struct rp_hrun_rec *x)
{
	struct rp_buf n[3] = { RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT };
	size_t i;
	int r;

	rp_buf_reset(&R->b);
	T(rp_l10n_fill(&R->b, tx(R, "way-in", x->live ? "run-live" : "run"), "time",
	    tfmt(R, &R->a, x->time), "root", x->root ? x->root : "?",
	    "high", nfmt(R, &n[0], x->high), "medium", nfmt(R, &n[1], x->medium),
	    "low", nfmt(R, &n[2], x->low), NULL));
	for (i = 0; i < x->nids; i++)
		T(rp_buf_addf(&R->b, "%s%s", i ? ", " : " (", x->ids[i]));
	if (x->nids)
		T(rp_buf_addch(&R->b, ')'));
	if (x->restore)
		T(rp_buf_addstr(&R->b, tx(R, "way-in", "run-restore")));
	r = rec(R->o, 'l', 2, tx(R, "way-in", label), R->b.buf);
out:
	for (i = 0; i < 3; i++)
		rp_buf_release(&n[i]);
	return r;
}

/* What state an improvement action made of a finding is in. */
static const char *
action_state(struct rep *R, const struct rp_action *a)
{
	enum rp_fstate s = rp_way_in_state(&R->c->way_in, a->finding, NULL);

	if (s == RP_FS_CLOSED)
		return tx(R, "way-in", "action-done");
	if (s == RP_FS_ACCEPTED)
		return tx(R, "way-in", "action-accepted");
	if (a->due != RP_TIME_UNSET && a->due < R->now)
		return tx(R, "way-in", "action-overdue");
	return tx(R, "way-in", "action-open");
}

static const char *const fstate_keys[] = {
	[RP_FS_OPEN] = "state-open", [RP_FS_CLOSED] = "state-closed",
	[RP_FS_ACCEPTED] = "state-accepted", [RP_FS_UNKNOWN] = "state-unknown",
};

static int
sec_way_in(struct rep *R)
{
	const struct rp_case *c = R->c;
	const struct rp_way_in *w = &c->way_in;
	const struct rp_hrun_rec *x;
	const struct rp_accepted *acc;
	const struct rp_action *k;
	enum rp_fstate s;
	size_t i, n = 0;
	int r;

	T(heading(R, "way-in"));
	if (w->vector == NULL) {
		T(rec(R->o, 'p', 1, tx(R, "way-in", "none")));
	} else {
		rp_buf_reset(&R->b);
		T(rp_l10n_fill(&R->b, tx(R, "way-in", w->text ? "vector-text" : "vector-only"),
		    "vector", w->vector, "text", w->text ? w->text : "", "time",
		    tfmt(R, &R->a, w->time), NULL));
		T(rec(R->o, 'l', 2, tx(R, "way-in", "vector"), R->b.buf));
	}
	if (w->nfindings)
		T(rec(R->o, 'T', 3, tx(R, "way-in", "col-finding"), tx(R, "way-in", "col-state"),
		    tx(R, "way-in", "col-since")));
	for (i = 0; i < w->nfindings; i++) {
		x = NULL;
		acc = rp_way_in_accepted(w, w->findings[i]);
		s = rp_way_in_state(w, w->findings[i], &x);
		rp_buf_reset(&R->b);
		T(rp_l10n_fill(&R->b, tx(R, "way-in", fstate_keys[s]), "reason", acc &&
		    acc->reason ? acc->reason : tx(R, "doc", "none"), NULL));
		T(rec(R->o, 'r', 3, w->findings[i], R->b.buf, s == RP_FS_ACCEPTED && acc ?
		    tfmt(R, &R->a, acc->time) : x ? tfmt(R, &R->a, x->time) :
		    tx(R, "way-in", "never-checked")));
	}
	for (i = 0; i < c->nactions; i++) {
		k = &c->actions[i];
		if (k->finding == NULL)
			continue;
		if (!n++)
			T(rec(R->o, 'T', 4, tx(R, "way-in", "col-action"), tx(R, "way-in",
			    "col-owner"), tx(R, "way-in", "col-due"), tx(R, "way-in", "col-astate")));
		rp_buf_reset(&R->b);
		if (k->due != RP_TIME_UNSET)
			T(rp_locale_date(&R->b, &R->loc, k->due));   /* a date people typed */
		T(rec(R->o, 'r', 4, k->text, k->owner ? k->owner : tx(R, "doc", "none"),
		    R->b.len ? R->b.buf : tx(R, "doc", "none"), action_state(R, k)));
	}
	for (i = 0; i < w->nacc; i++) {
		rp_buf_reset(&R->b);
		T(rp_l10n_fill(&R->b, tx(R, "way-in", "accepted-item"), "finding",
		    w->acc[i].finding, "reason", w->acc[i].reason ? w->acc[i].reason :
		    tx(R, "doc", "none"), "time", tfmt(R, &R->a, w->acc[i].time), NULL));
		T(rec(R->o, 'l', 2, tx(R, "way-in", "accepted"), R->b.buf));
	}
	if (w->nruns == 0)
		T(rec(R->o, 'p', 1, tx(R, "way-in", "no-run")));
	else
		T(run_line(R, "run-before", &w->runs[0]));
	if (w->nruns > 1)
		T(run_line(R, "run-after", &w->runs[w->nruns - 1]));
	for (i = 0; i < w->nrestores; i++) {
		rp_buf_reset(&R->b);
		T(rp_l10n_fill(&R->b, tx(R, "way-in", "restore-item"), "time",
		    tfmt(R, &R->a, w->restores[i].time), "verdict", tx(R, "way-in",
		    w->restores[i].ready ? "ready" : "not-ready"), NULL));
		if (w->restores[i].reasons)
			T(rp_buf_addf(&R->b, " - %s", w->restores[i].reasons));
		T(rec(R->o, 'l', 2, tx(R, "way-in", "restore"), R->b.buf));
	}
	r = 0;
out:
	return r;
}

/* Lessons are the actions without an owner. */
static int
sec_lessons(struct rep *R)
{
	size_t i;
	int r, n = 0;

	T(heading(R, "lessons"));
	for (i = 0; i < R->c->nactions; i++)
		if (R->c->actions[i].owner == NULL && ++n)
			T(rec(R->o, 'l', 1, R->c->actions[i].text));
	if (!n)
		r = rec(R->o, 'p', 1, tx(R, "lessons", "none"));
out:
	return r;
}

static int
sec_actions(struct rep *R)
{
	const struct rp_action *x;
	size_t i;
	int r, n = 0;

	T(heading(R, "actions"));
	for (i = 0; i < R->c->nactions; i++) {
		x = &R->c->actions[i];
		if (x->owner == NULL)
			continue;
		if (!n++)
			T(rec(R->o, 'T', 3, tx(R, "actions", "col-action"), tx(R, "actions",
			    "col-owner"), tx(R, "actions", "col-due")));
		rp_buf_reset(&R->b);
		if (x->due != RP_TIME_UNSET)
			T(rp_locale_date(&R->b, &R->loc, x->due));   /* a date people typed */
		T(rec(R->o, 'r', 3, x->text, x->owner, R->b.len ? R->b.buf : tx(R, "doc", "none")));
	}
	if (!n)
		r = rec(R->o, 'p', 1, tx(R, "actions", "none"));
out:
	return r;
}

static int
sec_integrity(struct rep *R)
{
	const struct rp_case *c = R->c;
	struct rp_buf id = RP_BUF_INIT, n = RP_BUF_INIT;
	int r;

	T(heading(R, "integrity"));
	rp_buf_reset(&R->b);
	T(rp_buf_addf(&id, "%lld", (long long)(c->integrity < 0 ? c->bad_seq : c->info.id)));
	if (c->integrity < 0) {
		T(rp_l10n_fill(&R->b, tx(R, "integrity", "altered"), "seq", id.buf, NULL));
	} else {
		T(rp_l10n_fill(&R->b, tx(R, "integrity", "intact"), "n", nfmt(R, &n, c->nentries),
		    "hash", c->info.head_hash, "id", id.buf, NULL));
		if (c->integrity > 0)
			T(rp_buf_addf(&R->b, " %s", tx(R, "integrity", "verified")));
	}
	r = rec(R->o, 'p', 1, R->b.buf);
out:
	rp_buf_release(&id);
	rp_buf_release(&n);
	return r;
}

/* The sections in the order of the report; a new section is one more function here
 * and its [section] in every data/report/LANG/report.ini. */
static int (*const sections[])(struct rep *) = {
	sec_title, sec_summary, sec_timeline, sec_scope, sec_deadlines, sec_contacts,
	sec_costs, sec_root_cause, sec_way_in, sec_lessons, sec_actions, sec_integrity,
};

#undef T

static int
build(struct rep *R)
{
	size_t i;
	int r = 0;

	for (i = 0; i < sizeof(sections) / sizeof(sections[0]) && r == 0; i++)
		r = sections[i](R);
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
md_text(struct rp_buf *b, const char *s)
{
	return rp_esc_md(b, s, strlen(s));
}

static int
html_text(struct rp_buf *b, const char *s)
{
	return rp_esc_html(b, s, strlen(s));
}

static int
md_rec(char type, const char **cells, size_t n, size_t *lens, void *ctx)
{
	struct render *R = ctx;
	struct rp_buf *b = R->out;
	size_t i;
	int r = 0;

	/* a blank line between blocks: not inside a table or a list */
	if (R->last && !(type == 'r' && (R->last == 'T' || R->last == 'r')) &&
	    !(type == 'l' && R->last == 'l') && (r = rp_buf_addch(b, '\n')) != 0)
		return r;
	R->last = type;
	switch (type) {
	case 'H':
	case 'h':
		if ((r = rp_buf_addstr(b, type == 'H' ? "# " : "## ")) == 0 &&
		    (r = md_text(b, n ? cells[0] : "")) == 0)
			r = rp_buf_addch(b, '\n');
		break;
	case 'p':
	case 'l':
		if (type == 'l' && (r = rp_buf_addstr(b, "- ")) != 0)
			return r;
		for (i = 0; i < n && r == 0; i++) {
			if (i && (r = rp_buf_addch(b, ' ')) != 0)
				return r;
			if (type == 'l' && i == 0 && n > 1) {
				if ((r = rp_buf_addstr(b, "**")) == 0 && (r = md_text(b, cells[0])) == 0)
					r = rp_buf_addstr(b, "**");
			} else {
				r = md_text(b, cells[i]);
			}
		}
		if (r == 0)
			r = rp_buf_addch(b, '\n');
		break;
	case 'T':
	case 'r':
		for (i = 0; i < n && r == 0; i++)
			if ((r = rp_buf_addstr(b, "| ")) == 0 && (r = md_text(b, cells[i])) == 0)
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
"<!DOCTYPE html>\n<html lang=\"";
static const char html_meta[] =
"\">\n<head>\n<meta charset=\"utf-8\">\n"
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

/* Parses the report's texts in lang (and English's, which every key falls back to). */
static int
load_texts(const char *data_dir, const char *lang, struct rp_ini **tx, struct rp_ini **en)
{
	struct rp_buf b = RP_BUF_INIT, name = RP_BUF_INIT;
	int r;

	if ((r = rp_buf_addf(&name, "report/%s/report.ini", lang)) != 0 ||
	    (r = rp_data_load(data_dir, name.buf, &b)) != 0 ||
	    (r = rp_ini_parse(b.buf, b.len, tx, NULL)) != 0)
		goto out;
	rp_buf_reset(&b);
	if ((r = rp_data_load(data_dir, "report/en/report.ini", &b)) == 0)
		r = rp_ini_parse(b.buf, b.len, en, NULL);
out:
	rp_buf_release(&b);
	rp_buf_release(&name);
	return r;
}

int
rp_case_report(const struct rp_report_in *in, int format, struct rp_buf *out)
{
	struct rp_buf doc = RP_BUF_INIT;
	struct render V = { out, 0, 0 };
	struct rep R;
	const char *lang = in->lang ? in->lang : "en";
	int r;

	memset(&R, 0, sizeof(R));
	if (!lang_known(lang))
		return RP_ERR_INVALID;
	R = (struct rep){ .c = in->c, .d = in->d, .cl = in->cl, .site = in->site, .now = in->now,
	    .o = format == RP_REPORT_DOC ? out : &doc, .a = RP_BUF_INIT, .b = RP_BUF_INIT,
	    .e = RP_BUF_INIT, .title = RP_BUF_INIT };
	rp_locale_init(&R.loc, lang, rp_ini_get(in->site, "site", "country"));
	if ((r = load_texts(in->data_dir, lang, &R.tx, &R.en)) != 0 || (r = build(&R)) != 0 ||
	    format == RP_REPORT_DOC)
		goto out;
	if (format == RP_REPORT_MD) {
		r = each_rec(doc.buf, doc.len, md_rec, &V);
		goto out;
	}
	if ((r = rp_buf_addstr(out, html_head)) != 0 ||
	    (r = rp_buf_addstr(out, R.loc.lang)) != 0 ||
	    (r = rp_buf_addstr(out, html_meta)) != 0 ||
	    (r = html_text(out, R.title.len ? R.title.buf : "")) != 0 ||
	    (r = rp_buf_addstr(out, html_style)) != 0 ||
	    (r = each_rec(doc.buf, doc.len, html_rec, &V)) != 0 ||
	    (r = html_close(&V, 0)) != 0)
		goto out;
	r = rp_buf_addstr(out, "</body>\n</html>\n");
out:
	rp_ini_free(R.tx);
	rp_ini_free(R.en);
	rp_buf_release(&R.a);
	rp_buf_release(&R.b);
	rp_buf_release(&R.e);
	rp_buf_release(&R.title);
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
