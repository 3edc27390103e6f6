/* The emergency plan: riposte.conf + data/plan/LANG/plan.ini -> a one-page document. */
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "core/data.h"
#include "core/array.h"
#include "core/err.h"
#include "core/l10n.h"
#include "core/time.h"
#include "prepare/doc.h"
#include "prepare/plan.h"

#define BACKUP_OLD (92 * 86400LL)     /* a restore test a quarter ago is due again */
#define DASH "\xe2\x80\x93"           /* en dash: an empty cell */

const char *const rp_plan_langs[] = { "fr", "de", "en", "it", NULL };

static int
lang_known(const char *l)
{
	return rp_l10n_one_of(rp_plan_langs, l);
}

int
rp_plan_lang(const struct rp_ini *site, const char *want, const char **lang)
{
	const char *v = want ? want : rp_ini_get(site, "site", "language");

	*lang = v && *v ? v : "en";
	return lang_known(*lang) ? 0 : RP_ERR_INVALID;
}

struct issue {
	char *status, *where;
};

struct plan {
	const struct rp_ini *site, *tx, *en;
	struct rp_locale loc;
	int64_t now;
	struct rp_buf *doc;
	struct issue *iss;
	size_t niss, capiss;
	struct rp_buf a, b, c, d;          /* scratch */
};

/* A text of the plan in its language, else in English, else "". */
static const char *
tx(const struct plan *P, const char *section, const char *key)
{
	const char *v = rp_ini_get(P->tx, section, key);

	if (v == NULL)
		v = rp_ini_get(P->en, section, key);
	return v ? v : "";
}

static const char *
site_get(const struct plan *P, const char *section, const char *key)
{
	const char *v = rp_ini_get(P->site, section, key);

	return v && *v ? v : NULL;
}

static int
collect_issue(const struct rp_site_issue *is, void *ctx)
{
	struct plan *P = ctx;
	struct issue *v;
	int r;

	if ((r = RP_ARRAY_GROW(&P->iss, &P->capiss, P->niss + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	v = &P->iss[P->niss];
	v->status = strdup(is->status);
	v->where = strdup(is->where);
	P->niss++;
	return v->status && v->where ? 0 : RP_ERR_NOMEM;
}

/* What `site check` said about exactly this place ("contact police/verified"). */
static const char *
issue_at(const struct plan *P, const char *where)
{
	size_t i;

	for (i = 0; i < P->niss; i++)
		if (strcmp(P->iss[i].where, where) == 0)
			return P->iss[i].status;
	return NULL;
}

/* The "verified on" cell of a contact section: the date as the locale writes it,
 * marked when `site check` finds it stale, missing or invalid. */
static int
verified_cell(struct plan *P, const char *sec, struct rp_buf *out)
{
	const char *v = site_get(P, sec, "verified"), *st;
	char where[96];
	int64_t t;
	int r;

	rp_buf_reset(out);
	snprintf(where, sizeof(where), "%s/verified", sec);
	st = issue_at(P, where);
	if (rp_ini_get(P->site, sec, "name") == NULL)
		return rp_buf_addstr(out, tx(P, "calls", "missing"));
	if (v == NULL)
		return rp_buf_addstr(out, tx(P, "calls", "never"));
	if (rp_time_parse(v, &t, NULL) != 0 || (st && strcmp(st, "invalid") == 0))
		return rp_buf_addf(out, "%s: %s", tx(P, "calls", "invalid"), v);
	if ((r = rp_locale_date(out, &P->loc, t)) != 0)
		return r;
	if (st && strcmp(st, "stale") == 0)
		return rp_buf_addf(out, " %s", tx(P, "calls", "stale"));
	return 0;
}

static const char *
or_dash(const char *v)
{
	return v ? v : DASH;
}

/* One row of the table of calls. */
static int
call_row(struct plan *P, int nr, const char *role, const char *sec)
{
	const char *name = site_get(P, sec, "name"), *phone = site_get(P, sec, "phone");
	const char *email = site_get(P, sec, "email");
	char who[160];
	int r;

	snprintf(who, sizeof(who), "%d %s", nr, tx(P, "calls", role));
	if (strcmp(role, "insurer") == 0) {
		const char *ins = site_get(P, "insurance", "insurer");
		const char *policy = site_get(P, "insurance", "policy");

		if (site_get(P, "insurance", "hotline"))
			phone = site_get(P, "insurance", "hotline");
		if (ins == NULL)
			ins = name;
		if ((r = rp_doc_fill(&P->c, tx(P, "calls", "insurer-name"), "insurer",
		    ins ? ins : tx(P, "calls", "missing"), "policy",
		    policy ? policy : tx(P, "calls", "missing"), NULL)) != 0)
			return r;
		name = P->c.buf;
	} else if (strcmp(role, "regulator") == 0 && name == NULL) {
		/* no [contact regulator]: name the country's regulator, and say it is missing */
		char rs[32];
		const char *cc = site_get(P, "site", "country");

		snprintf(rs, sizeof(rs), "regulator %s", cc ? cc : "EU");
		if (rp_ini_get(P->tx, rs, "name") == NULL && rp_ini_get(P->en, rs, "name") == NULL)
			snprintf(rs, sizeof(rs), "regulator EU");
		name = tx(P, rs, "name");
		if (email == NULL && *tx(P, rs, "web"))
			email = tx(P, rs, "web");
	} else if (name == NULL) {
		name = tx(P, "calls", "missing");
	}
	if ((r = verified_cell(P, sec, &P->d)) != 0)
		return r;
	return rp_doc_add(P->doc, 'r', 5, who, name, or_dash(phone), or_dash(email), P->d.buf);
}

static int
calls(struct plan *P)
{
	/* a lawyer may take the data-protection role, as in `site check` */
	const char *dpo = rp_ini_get(P->site, "contact dpo", "name") == NULL &&
	    rp_ini_get(P->site, "contact lawyer", "name") != NULL ? "lawyer" : "dpo";
	char dpo_sec[32];
	int r;

	snprintf(dpo_sec, sizeof(dpo_sec), "contact %s", dpo);
	if ((r = rp_doc_add(P->doc, 'h', 1, tx(P, "calls", "heading"))) != 0 ||
	    (r = rp_doc_add(P->doc, 'T', 5, tx(P, "calls", "col-who"), tx(P, "calls", "col-name"),
	    tx(P, "calls", "col-phone"), tx(P, "calls", "col-email"),
	    tx(P, "calls", "col-verified"))) != 0 ||
	    (r = call_row(P, 1, "it-provider", "contact it-provider")) != 0 ||
	    (r = call_row(P, 2, "insurer", "contact insurer")) != 0 ||
	    (r = call_row(P, 3, dpo, dpo_sec)) != 0 ||
	    (r = call_row(P, 4, "police", "contact police")) != 0 ||
	    (r = call_row(P, 5, "regulator", "contact regulator")) != 0)
		return r;
	return call_row(P, 6, "bank", "contact bank");
}

/* The list items of every section "PREFIX NAME" of the texts, in file order: title,
 * text, then its commands (cmd, cmd2, ...). */
static int
steps(struct plan *P, const char *prefix)
{
	const struct rp_ini *t = rp_ini_nsections(P->tx) ? P->tx : P->en;
	size_t i, j, n = strlen(prefix);
	const char *k, *v;
	int r;

	for (i = 0; i < rp_ini_nsections(t); i++) {
		const char *s = rp_ini_section(t, i);

		if (strncmp(s, prefix, n) != 0 || s[n] != ' ')
			continue;
		if ((r = rp_doc_add(P->doc, 'l', 2, tx(P, s, "title"), tx(P, s, "text"))) != 0)
			return r;
		for (j = 0; rp_ini_section_entry(t, i, j, &k, &v) == 0; j++)
			if (strncmp(k, "cmd", 3) == 0 && (r = rp_doc_add(P->doc, 'c', 1, v)) != 0)
				return r;
	}
	return 0;
}

/* When an obligation applies: its cond text, else its facts in words, else "always". */
static int
condition(struct plan *P, const struct rp_ini *ob, const char *id, struct rp_buf *out)
{
	char sec[96], key[64];
	const char *facts, *p;
	int r, first = 1;

	rp_buf_reset(out);
	snprintf(sec, sizeof(sec), "clock %s", id);
	if (*tx(P, sec, "cond"))
		return rp_buf_addstr(out, tx(P, sec, "cond"));
	if ((facts = rp_ini_get(ob, id, "facts")) == NULL)
		return rp_buf_addstr(out, tx(P, "clocks", "always"));
	for (p = facts; *p; ) {
		size_t n;

		while (*p == ' ' || *p == ',')
			p++;
		if ((n = strcspn(p, ", ")) == 0)
			break;
		snprintf(key, sizeof(key), "fact.%.*s", (int)(n < 40 ? n : 40), p);
		if ((!first && (r = rp_buf_addf(out, " %s ", tx(P, "clocks", "and"))) != 0) ||
		    (r = rp_buf_addstr(out, *tx(P, "clocks", key) ? tx(P, "clocks", key) : key)) != 0)
			return r;
		first = 0;
		p += n;
	}
	return 0;
}

static int
clocks(struct plan *P, const char *obligations, size_t olen, size_t *nclocks)
{
	struct rp_deadlines d = { 0 };
	struct rp_ini *ob = NULL;
	struct rp_case c;
	const char *cc = site_get(P, "site", "country");
	size_t i;
	int r, f, line;

	/* the clocks that may start for this site: every fact assumed, as the plan is
	 * read before anyone knows them; each row says when it applies */
	memset(&c, 0, sizeof(c));
	for (f = 0; f < RP_FACT_COUNT; f++)
		c.facts[f] = RP_FACT_YES;
	c.info.discovered = P->now;
	c.info.closed = RP_TIME_UNSET;
	if ((r = rp_deadlines_compute(obligations, olen, &c, P->site, P->now, &d)) != 0 ||
	    (r = rp_ini_parse(obligations, olen, &ob, &line)) != 0)
		goto out;
	if ((r = rp_doc_add(P->doc, 'h', 1, tx(P, "clocks", "heading"))) != 0 ||
	    (r = rp_doc_add(P->doc, 'T', 3, tx(P, "clocks", "col-due"), tx(P, "clocks", "col-to"),
	    tx(P, "clocks", "col-when"))) != 0)
		goto out;
	for (i = 0; i < d.n; i++) {
		const struct rp_deadline *x = &d.v[i];
		char sec[96], key[16];
		const char *due, *to;

		snprintf(sec, sizeof(sec), "clock %s", x->id);
		snprintf(key, sizeof(key), "to.%s", cc ? cc : "");
		/* an obligation without texts in this language: the data's own words */
		due = *tx(P, sec, "due") ? tx(P, sec, "due") : x->when;
		to = cc && *tx(P, sec, key) ? tx(P, sec, key) :
		    *tx(P, sec, "to") ? tx(P, sec, "to") : x->authority;
		if ((r = condition(P, ob, x->id, &P->a)) != 0 ||
		    (r = rp_doc_add(P->doc, 'r', 3, due, to, P->a.buf)) != 0)
			goto out;
	}
	*nclocks = d.n;
	if ((r = rp_doc_add(P->doc, 'l', 1, tx(P, "clocks", "note"))) != 0 ||
	    (r = rp_doc_add(P->doc, 'c', 1, tx(P, "clocks", "cmd"))) != 0)
		goto out;
out:
	rp_deadlines_release(&d);
	rp_ini_free(ob);
	return r;
}

static int
backups(struct plan *P)
{
	size_t from = 0, idx;
	int r, any = 0;

	if ((r = rp_doc_add(P->doc, 'h', 1, tx(P, "backup", "heading"))) != 0)
		return r;
	while (rp_ini_find(P->site, "backup", &from, &idx) == 0) {
		const char *path = rp_ini_section_get(P->site, idx, "path");
		const char *desc = rp_ini_section_get(P->site, idx, "description");
		const char *checked = rp_ini_section_get(P->site, idx, "last-checked");
		int64_t t;

		any = 1;
		rp_buf_reset(&P->a);
		rp_buf_reset(&P->b);
		if (desc && *desc && (r = rp_buf_addf(&P->a, "%s · ", desc)) != 0)
			return r;
		if (checked && rp_time_parse(checked, &t, NULL) == 0) {
			if ((r = rp_locale_date(&P->b, &P->loc, t)) != 0 ||
			    (r = rp_doc_fill(&P->c, tx(P, "backup", "checked"), "date", P->b.buf, NULL)) != 0 ||
			    (r = rp_buf_addstr(&P->a, P->c.buf)) != 0)
				return r;
			if (P->now - t > BACKUP_OLD &&
			    (r = rp_buf_addf(&P->a, " (%s)", tx(P, "backup", "old"))) != 0)
				return r;
		} else if ((r = rp_buf_addstr(&P->a, tx(P, "backup", "never"))) != 0) {
			return r;
		}
		if ((r = rp_doc_add(P->doc, 'l', 2, path && *path ? path : tx(P, "backup", "label"),
		    P->a.buf)) != 0)
			return r;
	}
	if (!any && (r = rp_doc_add(P->doc, 'l', 1, tx(P, "backup", "none"))) != 0)
		return r;
	return rp_doc_add(P->doc, 'l', 1, tx(P, "backup", "advice"));
}

int
rp_plan_build(const struct rp_ini *site, const struct rp_ini *texts,
    const struct rp_ini *texts_en, const char *obligations, size_t olen, const char *lang,
    int64_t now, struct rp_buf *doc, struct rp_plan_info *info)
{
	struct plan P = { site, texts, texts_en ? texts_en : texts, { "", "", NULL, 0, 0, 0 },
	    now, doc, NULL, 0, 0, RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT };
	struct rp_plan_info inf;
	const char *name = site_get(&P, "site", "name"), *addr = site_get(&P, "site", "address");
	size_t i, nclocks = 0;
	int r;

	memset(&inf, 0, sizeof(inf));
	if (!lang_known(lang))
		return RP_ERR_INVALID;
	snprintf(inf.lang, sizeof(inf.lang), "%s", lang);
	rp_locale_init(&P.loc, lang, site_get(&P, "site", "country"));
	if ((r = rp_site_check(site, now, collect_issue, &P)) != 0)
		goto out;
	for (i = 0; i < P.niss; i++)
		inf.stale += strcmp(P.iss[i].status, "stale") == 0;
	inf.issues = P.niss;

#define T(x) do { if ((r = (x)) != 0) goto out; } while (0)
	/* the title and what the page is */
	rp_buf_reset(&P.a);
	T(rp_buf_addstr(&P.a, tx(&P, "doc", "title")));
	if (name)
		T(rp_buf_addf(&P.a, " · %s", name));
	snprintf(inf.title, sizeof(inf.title), "%s", P.a.buf);
	T(rp_doc_add(doc, 'H', 1, P.a.buf));
	T(rp_locale_date(&P.b, &P.loc, now));
	T(rp_doc_fill(&P.c, tx(&P, "doc", "made"), "date", P.b.buf, NULL));
	rp_buf_reset(&P.a);
	if (addr)
		T(rp_buf_addf(&P.a, "%s · ", addr));
	T(rp_buf_addstr(&P.a, P.c.buf));
	T(rp_doc_add(doc, 'p', 1, P.a.buf));
	rp_buf_reset(&P.b);
	T(rp_buf_addf(&P.b, "%zu", P.niss));
	T(rp_doc_fill(&P.c, tx(&P, "doc", P.niss > 1 ? "check-issues" : P.niss ? "check-issue" :
	    "check-ok"), "n", P.b.buf, NULL));
	rp_buf_reset(&P.a);
	T(rp_buf_addf(&P.a, "%s %s", tx(&P, "doc", "intro"), P.c.buf));
	T(rp_doc_add(doc, 'p', 1, P.a.buf));

	T(calls(&P));
	T(rp_doc_add(doc, 'h', 1, tx(&P, "first-hour", "heading")));
	T(steps(&P, "step"));
	T(rp_doc_add(doc, 'h', 1, tx(&P, "virus", "heading")));
	T(steps(&P, "virus"));
	T(clocks(&P, obligations, olen, &nclocks));
	inf.clocks = nclocks;
	T(backups(&P));

	rp_buf_reset(&P.a);
	rp_buf_reset(&P.b);
	T(rp_locale_datetime(&P.a, &P.loc, now));
	T(rp_locale_utc_offset(&P.b, now));
	T(rp_doc_fill(&P.c, tx(&P, "doc", "footer"), "site", name ? name : "", "datetime", P.a.buf,
	    "offset", P.b.buf, NULL));
	T(rp_doc_add(doc, 'p', 1, P.c.buf));
#undef T
	if (info)
		*info = inf;
	r = 0;
out:
	for (i = 0; i < P.niss; i++) {
		free(P.iss[i].status);
		free(P.iss[i].where);
	}
	free(P.iss);
	rp_buf_release(&P.a);
	rp_buf_release(&P.b);
	rp_buf_release(&P.c);
	rp_buf_release(&P.d);
	return r;
}

int
rp_plan_make(const struct rp_ini *site, const char *data_dir, const char *lang,
    int64_t now, struct rp_buf *doc, struct rp_plan_info *info)
{
	struct rp_buf ob = RP_BUF_INIT, t = RP_BUF_INIT, te = RP_BUF_INIT;
	struct rp_ini *tx = NULL, *en = NULL;
	char name[64];
	int r, line;

	if (!lang_known(lang))
		return RP_ERR_INVALID;
	snprintf(name, sizeof(name), "plan/%s/plan.ini", lang);
	if ((r = rp_data_load(data_dir, "obligations/obligations.ini", &ob)) != 0 ||
	    (r = rp_data_load(data_dir, name, &t)) != 0 ||
	    (r = rp_data_load(data_dir, "plan/en/plan.ini", &te)) != 0 ||
	    (r = rp_ini_parse(t.buf, t.len, &tx, &line)) != 0 ||
	    (r = rp_ini_parse(te.buf, te.len, &en, &line)) != 0)
		goto out;
	r = rp_plan_build(site, tx, en, ob.buf, ob.len, lang, now, doc, info);
out:
	rp_ini_free(tx);
	rp_ini_free(en);
	rp_buf_release(&ob);
	rp_buf_release(&t);
	rp_buf_release(&te);
	return r;
}
