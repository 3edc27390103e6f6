/* The risk register: its tables, its changes (each journaled), the ranking. */
#include <stdlib.h>
#include <string.h>

#include "case/journal.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "prepare/risk.h"
#include "store/store.h"

static const struct rp_migration migrations[] = {
	{ 1,
	  "CREATE TABLE risk_asset("
	  "  id INTEGER PRIMARY KEY,"
	  "  name TEXT NOT NULL UNIQUE,"
	  "  value INTEGER NOT NULL CHECK(value BETWEEN 1 AND 4)"
	  ");"
	  "CREATE TABLE risk("
	  "  id INTEGER PRIMARY KEY,"
	  "  asset_id INTEGER NOT NULL REFERENCES risk_asset(id) ON DELETE CASCADE,"
	  "  threat TEXT NOT NULL,"
	  "  likelihood INTEGER NOT NULL CHECK(likelihood BETWEEN 1 AND 4),"
	  "  impact INTEGER NOT NULL CHECK(impact BETWEEN 1 AND 4),"
	  "  measure TEXT,"
	  "  owner TEXT,"
	  "  raised TEXT,"                      /* why the likelihood was last raised */
	  "  raised_source TEXT,"
	  "  raised_at INTEGER,"
	  "  UNIQUE(asset_id, threat)"
	  ");"
	  /* every change: who, when, what, before and after (data, JSON), and why */
	  "CREATE TABLE risk_journal("
	  "  id INTEGER PRIMARY KEY,"
	  "  time INTEGER NOT NULL,"
	  "  actor TEXT NOT NULL,"
	  "  action TEXT NOT NULL,"             /* asset assess import init raise remove */
	  "  asset TEXT,"
	  "  threat TEXT,"
	  "  source TEXT,"                      /* of a raise: the case or drill */
	  "  text TEXT NOT NULL,"
	  "  data TEXT"
	  ");"
	  "CREATE INDEX risk_journal_raise ON risk_journal(action, threat, asset, source);"
	  "CREATE TRIGGER risk_journal_no_update BEFORE UPDATE ON risk_journal "
	  "  BEGIN SELECT RAISE(ABORT, 'the risk journal is append-only'); END;"
	  "CREATE TRIGGER risk_journal_no_delete BEFORE DELETE ON risk_journal "
	  "  BEGIN SELECT RAISE(ABORT, 'the risk journal is append-only'); END;" },
};

int
rp_risk_migrate(struct rp_store *st)
{
	return rp_store_migrate(st, "risk", migrations, sizeof(migrations) / sizeof(migrations[0]));
}

/* ---- ranking ---- */

static int
score(const struct rp_risk *r)
{
	return r->value * r->likelihood * r->impact;
}

int
rp_risk_cmp(const struct rp_risk *a, const struct rp_risk *b)
{
	int c;

	if (score(a) != score(b))
		return score(a) > score(b) ? -1 : 1;
	if (a->value != b->value)
		return a->value > b->value ? -1 : 1;
	if (a->likelihood != b->likelihood)
		return a->likelihood > b->likelihood ? -1 : 1;
	if ((c = strcmp(a->asset, b->asset)) != 0)
		return c < 0 ? -1 : 1;
	c = strcmp(a->threat, b->threat);
	return c < 0 ? -1 : c > 0;
}

static int
cmp_qsort(const void *a, const void *b)
{
	return rp_risk_cmp(a, b);
}

void
rp_risk_rank(struct rp_risk *v, size_t n)
{
	size_t i;

	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_qsort);
	for (i = 0; i < n; i++) {
		v[i].score = score(&v[i]);
		v[i].rank = i + 1;
	}
}

/* ---- reading ---- */

static char *
dup_or_null(struct rp_stmt *s, int col)
{
	return rp_stmt_isnull(s, col) ? NULL : strdup(rp_stmt_text(s, col));
}

void
rp_register_release(struct rp_register *reg)
{
	size_t i;

	for (i = 0; reg->v && i < reg->n; i++) {
		free(reg->v[i].asset);
		free(reg->v[i].threat);
		free(reg->v[i].measure);
		free(reg->v[i].owner);
		free(reg->v[i].raised);
		free(reg->v[i].raised_source);
	}
	for (i = 0; reg->assets && i < reg->nassets; i++)
		free(reg->assets[i].name);
	free(reg->v);
	free(reg->assets);
	memset(reg, 0, sizeof(*reg));
}

int
rp_risk_load(struct rp_store *st, struct rp_register *reg)
{
	struct rp_stmt *s = NULL;
	int r;

	memset(reg, 0, sizeof(*reg));
	if ((r = rp_risk_migrate(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "SELECT a.name, a.value, r.threat, r.likelihood, r.impact, "
	    "r.measure, r.owner, r.raised, r.raised_source, r.raised_at FROM risk r "
	    "JOIN risk_asset a ON a.id = r.asset_id", &s)) != 0)
		goto out;
	while ((r = rp_stmt_step(s)) == 1) {
		struct rp_risk *x;

		if ((r = RP_ARRAY_GROW(&reg->v, &reg->cap, reg->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
			goto out;
		x = &reg->v[reg->n++];
		memset(x, 0, sizeof(*x));
		x->asset = strdup(rp_stmt_text(s, 0));
		x->value = (int)rp_stmt_int64(s, 1);
		x->threat = strdup(rp_stmt_text(s, 2));
		x->likelihood = (int)rp_stmt_int64(s, 3);
		x->impact = (int)rp_stmt_int64(s, 4);
		x->measure = dup_or_null(s, 5);
		x->owner = dup_or_null(s, 6);
		x->raised = dup_or_null(s, 7);
		x->raised_source = dup_or_null(s, 8);
		x->raised_at = rp_stmt_isnull(s, 9) ? RP_TIME_UNSET : rp_stmt_int64(s, 9);
		if (!x->asset || !x->threat) {
			r = RP_ERR_NOMEM;
			goto out;
		}
	}
	if (r < 0)
		goto out;
	rp_stmt_free(s);
	s = NULL;
	if ((r = rp_stmt_prepare(st, "SELECT a.name, a.value, (SELECT count(*) FROM risk r "
	    "WHERE r.asset_id = a.id) FROM risk_asset a ORDER BY a.name", &s)) != 0)
		goto out;
	while ((r = rp_stmt_step(s)) == 1) {
		struct rp_risk_asset *a;

		if ((r = RP_ARRAY_GROW(&reg->assets, &reg->capassets, reg->nassets + 1,
		    RP_ARRAY_MAX_DEFAULT)) != 0)
			goto out;
		a = &reg->assets[reg->nassets++];
		a->value = (int)rp_stmt_int64(s, 1);
		a->nrisks = (size_t)rp_stmt_int64(s, 2);
		if ((a->name = strdup(rp_stmt_text(s, 0))) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
	}
	if (r < 0)
		goto out;
	rp_risk_rank(reg->v, reg->n);
	r = 0;
out:
	rp_stmt_free(s);
	if (r != 0)
		rp_register_release(reg);
	return r;
}

int
rp_risk_count(struct rp_store *st, size_t *risks, size_t *assets)
{
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_risk_migrate(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "SELECT (SELECT count(*) FROM risk), "
	    "(SELECT count(*) FROM risk_asset)", &s)) != 0)
		return r;
	if ((r = rp_stmt_step(s)) == 1) {
		*risks = (size_t)rp_stmt_int64(s, 0);
		*assets = (size_t)rp_stmt_int64(s, 1);
		r = 0;
	} else if (r == 0) {
		r = RP_ERR_INTERNAL;
	}
	rp_stmt_free(s);
	return r;
}

/* ---- changing, with the journal ---- */

/* A name, measure or owner: one line of UTF-8 text, without controls, at most max
 * bytes; empty only where allowed. Returns the reason, or NULL when it is fine. */
static const char *
bad_text(const char *s, size_t max, int empty_ok)
{
	const unsigned char *p;

	if (s == NULL || *s == '\0')
		return empty_ok ? NULL : "is empty";
	if (strlen(s) > max)
		return "is too long";
	if (!rp_utf8_valid(s, strlen(s)))
		return "is not UTF-8 text";
	/* C0, DEL and C1 (U+0080..U+009F): none survives an export */
	for (p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))
			return "has a control character (one line, please)";
	if (*s == ' ' || s[strlen(s) - 1] == ' ')
		return "starts or ends with a space";
	return NULL;
}

static int
journal(struct rp_risk_ctx *x, const char *action, const char *asset, const char *threat,
    const char *source, const char *text, const char *data)
{
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_stmt_prepare(x->st, "INSERT INTO risk_journal(time, actor, action, asset, "
	    "threat, source, text, data) VALUES(?,?,?,?,?,?,?,?)", &s)) != 0)
		return r;
	if ((r = rp_stmt_bind_int64(s, 1, x->now)) == 0 &&
	    (r = rp_stmt_bind_text(s, 2, x->actor ? x->actor : "unknown")) == 0 &&
	    (r = rp_stmt_bind_text(s, 3, action)) == 0 &&
	    (r = rp_stmt_bind_text(s, 4, asset)) == 0 &&
	    (r = rp_stmt_bind_text(s, 5, threat)) == 0 &&
	    (r = rp_stmt_bind_text(s, 6, source)) == 0 &&
	    (r = rp_stmt_bind_text(s, 7, text)) == 0 &&
	    (r = rp_stmt_bind_text(s, 8, data)) == 0)
		r = rp_stmt_step(s) < 0 ? RP_ERR_DB : 0;
	rp_stmt_free(s);
	return r;
}

/* After the change is committed: the same in the open case's journal, if one is. */
static void
case_note(struct rp_risk_ctx *x, const char *text, const char *data)
{
	int64_t id;
	int r;

	x->case_id = 0;
	x->case_err = 0;
	if ((r = rp_case_current(x->st, &id)) == RP_ERR_NOTFOUND)
		return;
	if (r == 0)
		r = rp_journal_append(x->st, id, x->now, "risk", x->actor ? x->actor : "unknown",
		    text, data, NULL);
	if (r == 0)
		x->case_id = id;
	else
		x->case_err = r;
}

/* JSON "key":"value" (or null) pairs for the journal's data. */
static int
json_kv(struct rp_buf *b, const char *key, const char *v)
{
	int r;

	if ((r = rp_buf_addf(b, "%s\"%s\":", b->len > 1 ? "," : "", key)) != 0)
		return r;
	return v ? rp_json_str(b, v) : rp_buf_addstr(b, "null");
}

static int
json_ki(struct rp_buf *b, const char *key, int v)
{
	return rp_buf_addf(b, "%s\"%s\":%d", b->len > 1 ? "," : "", key, v);
}

static int
asset_lookup(struct rp_store *st, const char *name, int64_t *id, int *value)
{
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_stmt_prepare(st, "SELECT id, value FROM risk_asset WHERE name=?", &s)) != 0)
		return r;
	if ((r = rp_stmt_bind_text(s, 1, name)) == 0 && (r = rp_stmt_step(s)) == 1) {
		*id = rp_stmt_int64(s, 0);
		*value = (int)rp_stmt_int64(s, 1);
		r = 0;
	} else if (r == 0) {
		r = RP_ERR_NOTFOUND;
	}
	rp_stmt_free(s);
	return r;
}

/* Inside a transaction: the asset added or revalued, journaled. *id gets its id. */
static int
asset_set_locked(struct rp_risk_ctx *x, const char *name, int value, int64_t *id,
    int *added, int *changed, const char *source)
{
	struct rp_buf t = RP_BUF_INIT, d = RP_BUF_INIT;
	struct rp_stmt *s = NULL;
	int r, old = 0;

	*added = *changed = 0;
	if ((r = asset_lookup(x->st, name, id, &old)) != 0 && r != RP_ERR_NOTFOUND)
		return r;
	if (r == 0 && old == value)
		return 0;
	if (r == RP_ERR_NOTFOUND) {
		*added = 1;
		if ((r = rp_stmt_prepare(x->st, "INSERT INTO risk_asset(name, value) VALUES(?,?)",
		    &s)) != 0 || (r = rp_stmt_bind_text(s, 1, name)) != 0 ||
		    (r = rp_stmt_bind_int64(s, 2, value)) != 0 || (r = rp_stmt_step(s)) < 0)
			goto out;
		*id = rp_store_last_id(x->st);
		r = rp_buf_addf(&t, "asset '%s' added, value %d", name, value);
	} else {
		*changed = 1;
		if ((r = rp_stmt_prepare(x->st, "UPDATE risk_asset SET value=? WHERE id=?", &s)) != 0 ||
		    (r = rp_stmt_bind_int64(s, 1, value)) != 0 ||
		    (r = rp_stmt_bind_int64(s, 2, *id)) != 0 || (r = rp_stmt_step(s)) < 0)
			goto out;
		r = rp_buf_addf(&t, "asset '%s': value %d -> %d", name, old, value);
	}
	if (r == 0 && (r = rp_buf_addch(&d, '{')) == 0 && (r = json_kv(&d, "asset", name)) == 0 &&
	    (*added || (r = json_ki(&d, "value_before", old)) == 0) &&
	    (r = json_ki(&d, "value", value)) == 0 && (r = rp_buf_addch(&d, '}')) == 0)
		r = journal(x, "asset", name, NULL, source, t.buf, d.buf);
out:
	rp_stmt_free(s);
	rp_buf_release(&t);
	rp_buf_release(&d);
	return r;
}

static int
check_value(int v)
{
	return v >= 1 && v <= 4 ? 0 : RP_ERR_INVALID;
}

int
rp_risk_asset_set(struct rp_risk_ctx *x, const char *name, int value, int *changed)
{
	char text[512];
	int64_t id;
	int r, added = 0, chg = 0;

	if (bad_text(name, RP_RISK_MAX_NAME, 0) || check_value(value) != 0)
		return RP_ERR_INVALID;
	if ((r = rp_risk_migrate(x->st)) != 0 || (r = rp_store_begin(x->st)) != 0)
		return r;
	if ((r = asset_set_locked(x, name, value, &id, &added, &chg, NULL)) != 0 ||
	    (r = rp_store_commit(x->st)) != 0) {
		rp_store_rollback(x->st);
		return r;
	}
	if (changed)
		*changed = added || chg;
	if (added || chg) {
		snprintf(text, sizeof(text), "risk register: asset '%s' %s value %d", name,
		    added ? "added with" : "now has", value);
		case_note(x, text, NULL);
	}
	return 0;
}

struct risk_row {            /* a risk as stored, for a change */
	int64_t id;
	int likelihood, impact;
	char *measure, *owner;
};

static void
risk_row_release(struct risk_row *w)
{
	free(w->measure);
	free(w->owner);
	memset(w, 0, sizeof(*w));
}

static int
risk_lookup(struct rp_store *st, int64_t asset_id, const char *threat, struct risk_row *w)
{
	struct rp_stmt *s = NULL;
	int r;

	memset(w, 0, sizeof(*w));
	if ((r = rp_stmt_prepare(st, "SELECT id, likelihood, impact, measure, owner FROM risk "
	    "WHERE asset_id=? AND threat=?", &s)) != 0)
		return r;
	if ((r = rp_stmt_bind_int64(s, 1, asset_id)) == 0 &&
	    (r = rp_stmt_bind_text(s, 2, threat)) == 0 && (r = rp_stmt_step(s)) == 1) {
		w->id = rp_stmt_int64(s, 0);
		w->likelihood = (int)rp_stmt_int64(s, 1);
		w->impact = (int)rp_stmt_int64(s, 2);
		w->measure = dup_or_null(s, 3);
		w->owner = dup_or_null(s, 4);
		r = 0;
	} else if (r == 0) {
		r = RP_ERR_NOTFOUND;
	}
	rp_stmt_free(s);
	return r;
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/*
 * Inside a transaction: asset (id aid, value) under threat set to likelihood, impact,
 * measure and owner (NULL: none), journaled with before and after. New risks need
 * likelihood and impact. *id gets the risk's id.
 */
static int
risk_set_locked(struct rp_risk_ctx *x, int64_t aid, const char *asset, int value,
    const char *threat, int likelihood, int impact, const char *measure, const char *owner,
    int64_t *id, int *added, int *changed)
{
	struct rp_buf t = RP_BUF_INIT, d = RP_BUF_INIT;
	struct rp_stmt *s = NULL;
	struct risk_row old;
	int r, isnew;

	*added = *changed = 0;
	if ((r = risk_lookup(x->st, aid, threat, &old)) != 0 && r != RP_ERR_NOTFOUND)
		return r;
	isnew = r == RP_ERR_NOTFOUND;
	if (!isnew && old.likelihood == likelihood && old.impact == impact &&
	    same(old.measure, measure) && same(old.owner, owner)) {
		*id = old.id;
		r = 0;
		goto out;
	}
	if (isnew) {
		r = rp_stmt_prepare(x->st, "INSERT INTO risk(likelihood, impact, measure, owner, "
		    "asset_id, threat) VALUES(?,?,?,?,?,?)", &s);
	} else {
		r = rp_stmt_prepare(x->st, "UPDATE risk SET likelihood=?, impact=?, measure=?, "
		    "owner=? WHERE asset_id=? AND threat=?", &s);
	}
	if (r != 0 || (r = rp_stmt_bind_int64(s, 1, likelihood)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 2, impact)) != 0 ||
	    (r = rp_stmt_bind_text(s, 3, measure)) != 0 ||
	    (r = rp_stmt_bind_text(s, 4, owner)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 5, aid)) != 0 ||
	    (r = rp_stmt_bind_text(s, 6, threat)) != 0 || (r = rp_stmt_step(s)) < 0)
		goto out;
	*id = isnew ? rp_store_last_id(x->st) : old.id;
	*added = isnew;
	*changed = !isnew;
	if (isnew)
		r = rp_buf_addf(&t, "risk '%s' / '%s' added: likelihood %d, impact %d (score %d)",
		    asset, threat, likelihood, impact, value * likelihood * impact);
	else
		r = rp_buf_addf(&t, "risk '%s' / '%s': likelihood %d -> %d, impact %d -> %d "
		    "(score %d -> %d)%s%s", asset, threat, old.likelihood, likelihood, old.impact,
		    impact, value * old.likelihood * old.impact, value * likelihood * impact,
		    same(old.measure, measure) ? "" : "; measure changed",
		    same(old.owner, owner) ? "" : "; owner changed");
	if (r == 0 && (r = rp_buf_addch(&d, '{')) == 0 && (r = json_kv(&d, "asset", asset)) == 0 &&
	    (r = json_kv(&d, "threat", threat)) == 0 && (r = json_ki(&d, "value", value)) == 0)
		if ((r = json_ki(&d, "likelihood", likelihood)) == 0 &&
		    (r = json_ki(&d, "impact", impact)) == 0 &&
		    (r = json_kv(&d, "measure", measure)) == 0 &&
		    (r = json_kv(&d, "owner", owner)) == 0 && !isnew &&
		    (r = json_ki(&d, "likelihood_before", old.likelihood)) == 0 &&
		    (r = json_ki(&d, "impact_before", old.impact)) == 0 &&
		    (r = json_kv(&d, "measure_before", old.measure)) == 0)
			r = json_kv(&d, "owner_before", old.owner);
	if (r == 0 && (r = rp_buf_addch(&d, '}')) == 0)
		r = journal(x, "assess", asset, threat, NULL, t.buf, d.buf);
out:
	risk_row_release(&old);
	rp_stmt_free(s);
	rp_buf_release(&t);
	rp_buf_release(&d);
	return r;
}

int
rp_risk_assess(struct rp_risk_ctx *x, const struct rp_risk_change *c, int *changed)
{
	struct risk_row old;
	const char *measure, *owner;
	char text[768];
	int64_t aid, rid;
	int r, value, l, i, added = 0, chg = 0;

	memset(&old, 0, sizeof(old));
	if (bad_text(c->asset, RP_RISK_MAX_NAME, 0) || bad_text(c->threat, RP_RISK_MAX_NAME, 0) ||
	    bad_text(c->measure, RP_RISK_MAX_MEASURE, 1) || bad_text(c->owner, RP_RISK_MAX_NAME, 1) ||
	    (c->likelihood && check_value(c->likelihood)) || (c->impact && check_value(c->impact)))
		return RP_ERR_INVALID;
	if ((r = rp_risk_migrate(x->st)) != 0 || (r = rp_store_begin(x->st)) != 0)
		return r;
	if ((r = asset_lookup(x->st, c->asset, &aid, &value)) != 0)
		goto out;
	if ((r = risk_lookup(x->st, aid, c->threat, &old)) != 0 && r != RP_ERR_NOTFOUND)
		goto out;
	if (r == RP_ERR_NOTFOUND && (c->likelihood == 0 || c->impact == 0)) {
		r = RP_ERR_INVALID;      /* a new risk needs both */
		goto out;
	}
	l = c->likelihood ? c->likelihood : old.likelihood;
	i = c->impact ? c->impact : old.impact;
	measure = c->measure == NULL ? old.measure : *c->measure ? c->measure : NULL;
	owner = c->owner == NULL ? old.owner : *c->owner ? c->owner : NULL;
	if ((r = risk_set_locked(x, aid, c->asset, value, c->threat, l, i, measure, owner, &rid,
	    &added, &chg)) != 0 || (r = rp_store_commit(x->st)) != 0)
		goto out;
	if (changed)
		*changed = added || chg;
	if (added || chg) {
		snprintf(text, sizeof(text), "risk register: '%s' / '%s' assessed: likelihood %d, "
		    "impact %d, score %d", c->asset, c->threat, l, i, value * l * i);
		case_note(x, text, NULL);
	}
out:
	if (r != 0)
		rp_store_rollback(x->st);
	risk_row_release(&old);
	return r;
}

/* ---- import, seed, export ---- */

static int
id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int
id_push(int64_t **v, size_t *n, size_t *cap, int64_t id)
{
	int r;

	if ((r = RP_ARRAY_GROW(v, cap, *n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	(*v)[(*n)++] = id;
	return 0;
}

/* replace: what the file does not name goes, journaled one by one. */
static int
sweep(struct rp_risk_ctx *x, const char *table, int64_t *keep, size_t nkeep, size_t *removed,
    const char *what)
{
	struct rp_stmt *s = NULL, *del = NULL;
	struct rp_buf t = RP_BUF_INIT;
	int64_t *gone = NULL;
	size_t ngone = 0, capgone = 0, i;
	int r, risks = strcmp(table, "risk") == 0;

	if (nkeep > 1)
		qsort(keep, nkeep, sizeof(*keep), id_cmp);
	if ((r = rp_stmt_prepare(x->st, risks ? "SELECT r.id, a.name, r.threat FROM risk r JOIN "
	    "risk_asset a ON a.id = r.asset_id ORDER BY r.id" :
	    "SELECT id, name, NULL FROM risk_asset ORDER BY id", &s)) != 0)
		return r;
	while ((r = rp_stmt_step(s)) == 1) {
		int64_t id = rp_stmt_int64(s, 0);

		if (nkeep && bsearch(&id, keep, nkeep, sizeof(*keep), id_cmp))
			continue;
		rp_buf_reset(&t);
		if ((r = rp_buf_addf(&t, risks ? "risk '%s' / '%s' removed (%s)" :
		    "asset '%s' removed (%s)", rp_stmt_text(s, 1), risks ? rp_stmt_text(s, 2) :
		    what, what)) != 0 ||
		    (r = journal(x, "remove", rp_stmt_text(s, 1), risks ? rp_stmt_text(s, 2) : NULL,
		    NULL, t.buf, NULL)) != 0 || (r = id_push(&gone, &ngone, &capgone, id)) != 0)
			goto out;
	}
	if (r < 0)
		goto out;
	if ((r = rp_stmt_prepare(x->st, risks ? "DELETE FROM risk WHERE id=?" :
	    "DELETE FROM risk_asset WHERE id=?", &del)) != 0)
		goto out;
	for (i = 0; i < ngone; i++)
		if ((r = rp_stmt_reset(del)) != 0 || (r = rp_stmt_bind_int64(del, 1, gone[i])) != 0 ||
		    (r = rp_stmt_step(del)) < 0)
			goto out;
	*removed += ngone;
	r = 0;
out:
	rp_stmt_free(s);
	rp_stmt_free(del);
	rp_buf_release(&t);
	free(gone);
	return r;
}

int
rp_risk_apply(struct rp_risk_ctx *x, const struct rp_risk_rows *rows, int replace,
    const char *what, struct rp_risk_stats *stats)
{
	struct rp_risk_stats n = { 0, 0, 0, 0, 0 };
	struct rp_buf t = RP_BUF_INIT, d = RP_BUF_INIT;
	int64_t *akeep = NULL, *rkeep = NULL, aid, rid;
	size_t nak = 0, nrk = 0, capak = 0, caprk = 0, i;
	int r, added, changed;

	if ((r = rp_risk_migrate(x->st)) != 0 || (r = rp_store_begin(x->st)) != 0)
		return r;
	for (i = 0; i < rows->n; i++) {
		const struct rp_risk_row *w = &rows->v[i];

		if ((r = asset_set_locked(x, w->asset, w->value, &aid, &added, &changed, NULL)) != 0)
			goto out;
		if (added || changed) {
			n.assets_added += added;
			n.assets_changed += changed;
		}
		if ((r = id_push(&akeep, &nak, &capak, aid)) != 0)
			goto out;
		if (w->threat == NULL)
			continue;
		if ((r = risk_set_locked(x, aid, w->asset, w->value, w->threat, w->likelihood,
		    w->impact, w->measure, w->owner, &rid, &added, &changed)) != 0 ||
		    (r = id_push(&rkeep, &nrk, &caprk, rid)) != 0)
			goto out;
		n.risks_added += added;
		n.risks_changed += changed;
	}
	if (replace && ((r = sweep(x, "risk", rkeep, nrk, &n.removed, what)) != 0 ||
	    (r = sweep(x, "risk_asset", akeep, nak, &n.removed, what)) != 0))
		goto out;
	if ((r = rp_buf_addf(&t, "risk register: %s%s: %zu assets added, %zu revalued; %zu risks "
	    "added, %zu reassessed; %zu removed", what, replace ? " (replacing the register)" : "",
	    n.assets_added, n.assets_changed, n.risks_added, n.risks_changed, n.removed)) != 0 ||
	    (r = rp_buf_addf(&d, "{\"rows\":%zu,\"replace\":%s,\"assets_added\":%zu,"
	    "\"assets_changed\":%zu,\"risks_added\":%zu,\"risks_changed\":%zu,\"removed\":%zu}",
	    rows->n, replace ? "true" : "false", n.assets_added, n.assets_changed, n.risks_added,
	    n.risks_changed, n.removed)) != 0 ||
	    (r = journal(x, "import", NULL, NULL, NULL, t.buf, d.buf)) != 0 ||
	    (r = rp_store_commit(x->st)) != 0)
		goto out;
	if (stats)
		*stats = n;
	if (n.assets_added + n.assets_changed + n.risks_added + n.risks_changed + n.removed)
		case_note(x, t.buf, d.buf);
out:
	if (r != 0)
		rp_store_rollback(x->st);
	free(akeep);
	free(rkeep);
	rp_buf_release(&t);
	rp_buf_release(&d);
	return r;
}

int
rp_risk_export(const struct rp_register *reg, int bom, struct rp_buf *out)
{
	char num[16];
	size_t i;
	int r;

#define F(s) ((r = rp_esc_csv_data(out, (s) ? (s) : "", (s) ? strlen(s) : 0)) != 0 || \
	(r = rp_buf_addch(out, ',')) != 0)
	if ((bom && (r = rp_buf_addstr(out, "\xef\xbb\xbf")) != 0) ||
	    (r = rp_buf_addstr(out, "asset,value,threat,likelihood,impact,measure,owner\r\n")) != 0)
		return r;
	for (i = 0; i < reg->n; i++) {
		const struct rp_risk *w = &reg->v[i];

		if (F(w->asset) || (r = rp_buf_addf(out, "%d,", w->value)) != 0 || F(w->threat) ||
		    (r = rp_buf_addf(out, "%d,%d,", w->likelihood, w->impact)) != 0 || F(w->measure) ||
		    (r = rp_esc_csv_data(out, w->owner ? w->owner : "",
		    w->owner ? strlen(w->owner) : 0)) != 0 || (r = rp_buf_addstr(out, "\r\n")) != 0)
			return r;
	}
	for (i = 0; i < reg->nassets; i++) {
		if (reg->assets[i].nrisks)
			continue;
		snprintf(num, sizeof(num), "%d", reg->assets[i].value);
		if (F(reg->assets[i].name) || (r = rp_buf_addstr(out, num)) != 0 ||
		    (r = rp_buf_addstr(out, ",,,,,\r\n")) != 0)
			return r;
	}
#undef F
	return 0;
}

/* ---- raising a threat that happened ---- */

int
rp_risk_raise(struct rp_risk_ctx *x, const char *threat, const char *reason,
    const char *source, size_t *raised)
{
	struct rp_stmt *s = NULL, *seen = NULL, *up = NULL;
	struct rp_buf t = RP_BUF_INIT, d = RP_BUF_INIT;
	size_t n = 0, found = 0;
	int r;

	if (bad_text(threat, RP_RISK_MAX_NAME, 0) || bad_text(reason, RP_RISK_MAX_MEASURE, 0) ||
	    bad_text(source, RP_RISK_MAX_NAME, 0))
		return RP_ERR_INVALID;
	if ((r = rp_risk_migrate(x->st)) != 0 || (r = rp_store_begin(x->st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(x->st, "SELECT r.id, a.name, a.value, r.likelihood, r.impact "
	    "FROM risk r JOIN risk_asset a ON a.id = r.asset_id WHERE r.threat=? ORDER BY a.name",
	    &s)) != 0 || (r = rp_stmt_bind_text(s, 1, threat)) != 0 ||
	    (r = rp_stmt_prepare(x->st, "SELECT 1 FROM risk_journal WHERE action='raise' AND "
	    "threat=? AND asset=? AND source=? LIMIT 1", &seen)) != 0 ||
	    (r = rp_stmt_prepare(x->st, "UPDATE risk SET likelihood=?, raised=?, raised_source=?, "
	    "raised_at=? WHERE id=?", &up)) != 0)
		goto out;
	while ((r = rp_stmt_step(s)) == 1) {
		const char *asset = rp_stmt_text(s, 1);
		int value = (int)rp_stmt_int64(s, 2), l = (int)rp_stmt_int64(s, 3);
		int imp = (int)rp_stmt_int64(s, 4), nl = l < 4 ? l + 1 : 4;

		found++;
		if ((r = rp_stmt_reset(seen)) != 0 || (r = rp_stmt_bind_text(seen, 1, threat)) != 0 ||
		    (r = rp_stmt_bind_text(seen, 2, asset)) != 0 ||
		    (r = rp_stmt_bind_text(seen, 3, source)) != 0 || (r = rp_stmt_step(seen)) < 0)
			goto out;
		if (r == 1)
			continue;            /* this source raised it already */
		if ((r = rp_stmt_reset(up)) != 0 || (r = rp_stmt_bind_int64(up, 1, nl)) != 0 ||
		    (r = rp_stmt_bind_text(up, 2, reason)) != 0 ||
		    (r = rp_stmt_bind_text(up, 3, source)) != 0 ||
		    (r = rp_stmt_bind_int64(up, 4, x->now)) != 0 ||
		    (r = rp_stmt_bind_int64(up, 5, rp_stmt_int64(s, 0))) != 0 ||
		    (r = rp_stmt_step(up)) < 0)
			goto out;
		rp_buf_reset(&t);
		rp_buf_reset(&d);
		if ((r = rp_buf_addf(&t, "risk '%s' / '%s': likelihood %d -> %d (score %d -> %d), "
		    "raised by %s: %s", asset, threat, l, nl, value * l * imp, value * nl * imp,
		    source, reason)) != 0 || (r = rp_buf_addch(&d, '{')) != 0 ||
		    (r = json_kv(&d, "asset", asset)) != 0 || (r = json_kv(&d, "threat", threat)) != 0 ||
		    (r = json_ki(&d, "likelihood_before", l)) != 0 ||
		    (r = json_ki(&d, "likelihood", nl)) != 0 || (r = json_kv(&d, "reason", reason)) != 0 ||
		    (r = json_kv(&d, "source", source)) != 0 || (r = rp_buf_addch(&d, '}')) != 0 ||
		    (r = journal(x, "raise", asset, threat, source, t.buf, d.buf)) != 0)
			goto out;
		n++;
	}
	if (r < 0)
		goto out;
	if (found == 0) {
		r = RP_ERR_NOTFOUND;
		goto out;
	}
	if ((r = rp_store_commit(x->st)) != 0)
		goto out;
	if (raised)
		*raised = n;
	if (n) {
		rp_buf_reset(&t);
		rp_buf_reset(&d);
		if (rp_buf_addf(&t, "risk register: threat '%s' more likely on %zu asset%s (%s): %s",
		    threat, n, n > 1 ? "s" : "", source, reason) == 0 &&
		    rp_buf_addch(&d, '{') == 0 && json_kv(&d, "threat", threat) == 0 &&
		    json_kv(&d, "source", source) == 0 && json_kv(&d, "reason", reason) == 0 &&
		    rp_buf_addf(&d, ",\"raised\":%zu}", n) == 0)
			case_note(x, t.buf, d.buf);
	}
out:
	if (r != 0)
		rp_store_rollback(x->st);
	rp_stmt_free(s);
	rp_stmt_free(seen);
	rp_stmt_free(up);
	rp_buf_release(&t);
	rp_buf_release(&d);
	return r;
}

/* ---- the journal ---- */

static const char *
text_or_null(struct rp_stmt *s, int col)
{
	return rp_stmt_isnull(s, col) ? NULL : rp_stmt_text(s, col);
}

int
rp_risk_journal_each(struct rp_store *st,
    int (*fn)(const struct rp_risk_entry *e, void *ctx), void *ctx)
{
	struct rp_risk_entry e;
	struct rp_stmt *s = NULL;
	int r, rc = 0;

	if ((r = rp_risk_migrate(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "SELECT id, time, actor, action, asset, threat, source, "
	    "text, data FROM risk_journal ORDER BY id", &s)) != 0)
		return r;
	while ((r = rp_stmt_step(s)) == 1) {
		e.id = rp_stmt_int64(s, 0);
		e.time = rp_stmt_int64(s, 1);
		e.actor = rp_stmt_text(s, 2);
		e.action = rp_stmt_text(s, 3);
		e.asset = text_or_null(s, 4);
		e.threat = text_or_null(s, 5);
		e.source = text_or_null(s, 6);
		e.text = rp_stmt_text(s, 7);
		e.data = text_or_null(s, 8);
		if ((rc = fn(&e, ctx)) != 0)
			break;
	}
	rp_stmt_free(s);
	return rc ? rc : r < 0 ? r : 0;
}

/* ---- what an incident's entry vector says ---- */

const char *const *
rp_risk_vector_threats(const char *vector)
{
	static const char *const phishing[] = { "phishing", NULL };
	static const char *const ransomware[] = { "ransomware", NULL };
	static const char *const insider[] = { "insider-error", NULL };
	static const char *const device[] = { "device-loss", NULL };
	static const char *const bank[] = { "bank-detail-fraud", NULL };
	static const char *const ceo[] = { "ceo-fraud", NULL };
	static const struct {
		const char *vector;
		const char *const *threats;
	} map[] = {
		{ "phishing", phishing }, { "mail", phishing }, { "attachment", phishing },
		{ "link", phishing }, { "credentials", phishing }, { "password", phishing },
		/* the words of `case entry --vector` (lib/case/vector.c) */
		{ "mail-forwarded", phishing }, { "stolen-credentials", phishing },
		{ "rdp", ransomware }, { "vpn", ransomware }, { "remote-access", ransomware },
		{ "exposed-service", ransomware }, { "vulnerability", ransomware },
		{ "unpatched", ransomware },
		{ "usb", insider }, { "removable-media", insider }, { "insider", insider },
		{ "user-error", insider }, { "misconfiguration", insider },
		{ "lost-device", device }, { "stolen-device", device }, { "theft", device },
		{ "fake-invoice", bank }, { "bank-details", bank }, { "invoice-fraud", bank },
		{ "ceo-fraud", ceo }, { "impersonation", ceo },
	};
	size_t i;

	for (i = 0; vector && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(map[i].vector, vector) == 0)
			return map[i].threats;
	return NULL;
}
