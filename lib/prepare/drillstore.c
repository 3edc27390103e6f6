/* Tabletop drills in the store (module "drill"): the runs, their answers, the site's
 * improvement plan and the module's append-only journal. */
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "prepare/drill.h"
#include "store/store.h"

static const struct rp_migration migrations[] = {
	{ 1,
	  "CREATE TABLE drill_run("
	  "  id INTEGER PRIMARY KEY,"
	  "  drill TEXT NOT NULL,"
	  "  lang TEXT NOT NULL,"
	  "  title TEXT NOT NULL,"
	  "  participants TEXT,"
	  "  mode TEXT NOT NULL,"                 /* interactive, answers */
	  "  started INTEGER NOT NULL,"
	  "  finished INTEGER NOT NULL,"
	  "  scenario BLOB NOT NULL,"             /* the scenario as played */
	  "  points INTEGER NOT NULL,"
	  "  max INTEGER NOT NULL,"
	  "  rating TEXT NOT NULL,"
	  "  actor TEXT NOT NULL"
	  ");"
	  /* one row per answered inject, in the order played */
	  "CREATE TABLE drill_answer("
	  "  run_id INTEGER NOT NULL REFERENCES drill_run(id),"
	  "  seq INTEGER NOT NULL,"
	  "  inject TEXT NOT NULL,"
	  "  choices TEXT NOT NULL,"              /* \"a,c\", \"\" for a checklist left empty */
	  "  response_ms INTEGER,"                /* NULL: a paper exercise */
	  "  PRIMARY KEY(run_id, seq)"
	  ");"
	  /* the site's improvement plan: what drills found to do, by whom, by when */
	  "CREATE TABLE drill_action("
	  "  id INTEGER PRIMARY KEY,"
	  "  run_id INTEGER NOT NULL REFERENCES drill_run(id),"
	  "  drill TEXT NOT NULL,"
	  "  inject TEXT NOT NULL,"
	  "  text TEXT NOT NULL,"
	  "  owner TEXT,"
	  "  due INTEGER NOT NULL,"
	  "  created INTEGER NOT NULL,"
	  "  done INTEGER,"
	  "  UNIQUE(run_id, inject)"
	  ");"
	  "CREATE TABLE drill_journal("
	  "  id INTEGER PRIMARY KEY,"
	  "  time INTEGER NOT NULL,"
	  "  actor TEXT NOT NULL,"
	  "  kind TEXT NOT NULL,"                 /* run report action done */
	  "  run_id INTEGER,"
	  "  text TEXT NOT NULL,"
	  "  data TEXT"
	  ");"
	  "CREATE TRIGGER drill_journal_no_update BEFORE UPDATE ON drill_journal "
	  "  BEGIN SELECT RAISE(ABORT, 'the drill journal is append-only'); END;"
	  "CREATE TRIGGER drill_journal_no_delete BEFORE DELETE ON drill_journal "
	  "  BEGIN SELECT RAISE(ABORT, 'the drill journal is append-only'); END;"
	  "CREATE TRIGGER drill_answer_no_update BEFORE UPDATE ON drill_answer "
	  "  BEGIN SELECT RAISE(ABORT, 'a run''s answers are kept as given'); END;" },
};

int
rp_drill_migrate(struct rp_store *st)
{
	return rp_store_migrate(st, "drill", migrations, sizeof(migrations) / sizeof(migrations[0]));
}

static int
step_done(struct rp_stmt *s)
{
	int r = rp_stmt_step(s);

	return r < 0 ? r : 0;
}

int
rp_drill_journal(struct rp_store *st, int64_t now, const char *actor, const char *kind,
    int64_t run, const char *text, const char *data)
{
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_stmt_prepare(st, "INSERT INTO drill_journal(time, actor, kind, run_id, text, "
	    "data) VALUES(?,?,?,?,?,?)", &s)) != 0)
		return r;
	if ((r = rp_stmt_bind_int64(s, 1, now)) == 0 &&
	    (r = rp_stmt_bind_text(s, 2, actor ? actor : "unknown")) == 0 &&
	    (r = rp_stmt_bind_text(s, 3, kind)) == 0 &&
	    (r = run ? rp_stmt_bind_int64(s, 4, run) : rp_stmt_bind_null(s, 4)) == 0 &&
	    (r = rp_stmt_bind_text(s, 5, text)) == 0 &&
	    (r = rp_stmt_bind_text(s, 6, data)) == 0)
		r = step_done(s);
	rp_stmt_free(s);
	return r;
}

int
rp_drill_save(struct rp_store *st, const struct rp_drill *d, const struct rp_drill_answer *a,
    const char *scenario, size_t scenario_len, const char *participants, const char *mode,
    int64_t started, int64_t finished, const char *actor, int64_t *id)
{
	struct rp_drill_score sc;
	struct rp_stmt *s = NULL;
	struct rp_buf ids = RP_BUF_INIT, t = RP_BUF_INIT, j = RP_BUF_INIT;
	char rating[2];
	int64_t run = 0;
	size_t i, seq = 0;
	int r;

	memset(&sc, 0, sizeof(sc));
	if ((r = rp_drill_score(d, a, &sc)) != 0)
		return r;
	rating[0] = sc.total.rating;
	rating[1] = '\0';
	if ((r = rp_drill_migrate(st)) != 0 || (r = rp_store_begin(st)) != 0)
		goto out;
	if ((r = rp_stmt_prepare(st, "INSERT INTO drill_run(drill, lang, title, participants, "
	    "mode, started, finished, scenario, points, max, rating, actor) "
	    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?)", &s)) != 0)
		goto out;
	if ((r = rp_stmt_bind_text(s, 1, d->name)) != 0 ||
	    (r = rp_stmt_bind_text(s, 2, d->lang)) != 0 ||
	    (r = rp_stmt_bind_text(s, 3, d->title)) != 0 ||
	    (r = rp_stmt_bind_text(s, 4, participants && *participants ? participants : NULL)) != 0 ||
	    (r = rp_stmt_bind_text(s, 5, mode)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 6, started)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 7, finished)) != 0 ||
	    (r = rp_stmt_bind_blob(s, 8, scenario, scenario_len)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 9, sc.total.points)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 10, sc.total.max)) != 0 ||
	    (r = rp_stmt_bind_text(s, 11, rating)) != 0 ||
	    (r = rp_stmt_bind_text(s, 12, actor ? actor : "unknown")) != 0 ||
	    (r = step_done(s)) != 0)
		goto out;
	run = rp_store_last_id(st);
	rp_stmt_free(s);
	s = NULL;
	if ((r = rp_stmt_prepare(st, "INSERT INTO drill_answer(run_id, seq, inject, choices, "
	    "response_ms) VALUES(?,?,?,?,?)", &s)) != 0)
		goto out;
	for (i = 0; i < d->n; i++) {
		if (!a[i].answered)
			continue;
		rp_buf_reset(&ids);
		if ((r = rp_drill_answer_ids(d, i, &a[i], &ids)) != 0 ||
		    (r = rp_stmt_reset(s)) != 0 || (r = rp_stmt_bind_int64(s, 1, run)) != 0 ||
		    (r = rp_stmt_bind_int64(s, 2, (int64_t)++seq)) != 0 ||
		    (r = rp_stmt_bind_text(s, 3, d->v[i].id)) != 0 ||
		    (r = rp_stmt_bind_text(s, 4, ids.buf)) != 0 ||
		    (r = a[i].response_ms >= 0 ? rp_stmt_bind_int64(s, 5, a[i].response_ms) :
		    rp_stmt_bind_null(s, 5)) != 0 || (r = step_done(s)) != 0)
			goto out;
	}
	if ((r = rp_buf_addf(&t, "drill %lld: %s (%s), %d of %d points, rated %c", (long long)run,
	    d->name, d->lang, sc.total.points, sc.total.max, sc.total.rating)) != 0 ||
	    (r = rp_buf_addstr(&j, "{\"drill\":")) != 0 || (r = rp_json_str(&j, d->name)) != 0 ||
	    (r = rp_buf_addstr(&j, ",\"mode\":")) != 0 || (r = rp_json_str(&j, mode)) != 0 ||
	    (r = rp_buf_addf(&j, ",\"answered\":%zu,\"injects\":%zu,\"points\":%d,\"max\":%d,"
	    "\"rating\":\"%c\"}", sc.answered, d->n, sc.total.points, sc.total.max,
	    sc.total.rating)) != 0 ||
	    (r = rp_drill_journal(st, finished, actor, "run", run, t.buf, j.buf)) != 0 ||
	    (r = rp_store_commit(st)) != 0)
		goto out;
	if (id)
		*id = run;
out:
	if (r != 0)
		rp_store_rollback(st);
	rp_stmt_free(s);
	rp_drill_score_release(&sc);
	rp_buf_release(&ids);
	rp_buf_release(&t);
	rp_buf_release(&j);
	return r;
}

void
rp_drill_record_release(struct rp_drill_record *r)
{
	size_t i;

	free(r->drill);
	free(r->lang);
	free(r->title);
	free(r->participants);
	free(r->mode);
	free(r->scenario);
	for (i = 0; i < r->nanswers; i++) {
		free(r->answer_inject[i]);
		free(r->answer_choices[i]);
	}
	free(r->answer_inject);
	free(r->answer_choices);
	free(r->answer_ms);
	memset(r, 0, sizeof(*r));
}

static char *
dup_col(struct rp_stmt *s, int col)
{
	return rp_stmt_isnull(s, col) ? NULL : strdup(rp_stmt_text(s, col));
}

#define RUN_COLS "id, drill, lang, title, participants, mode, started, finished, points, " \
	"max, rating"

/* The columns of RUN_COLS into r (scenario and answers not). */
static int
run_row(struct rp_stmt *s, struct rp_drill_record *r)
{
	r->id = rp_stmt_int64(s, 0);
	r->drill = dup_col(s, 1);
	r->lang = dup_col(s, 2);
	r->title = dup_col(s, 3);
	r->participants = dup_col(s, 4);
	r->mode = dup_col(s, 5);
	r->started = rp_stmt_int64(s, 6);
	r->finished = rp_stmt_int64(s, 7);
	r->points = (int)rp_stmt_int64(s, 8);
	r->max = (int)rp_stmt_int64(s, 9);
	r->rating = rp_stmt_text(s, 10)[0];
	return r->drill && r->lang && r->title && r->mode ? 0 : RP_ERR_NOMEM;
}

int
rp_drill_load(struct rp_store *st, int64_t id, struct rp_drill_record *out)
{
	struct rp_stmt *s = NULL;
	struct rp_drill_record rec;
	const void *blob;
	size_t len, cap[3] = { 0, 0, 0 };   /* of the three answer arrays */
	int r;

	memset(&rec, 0, sizeof(rec));
	if ((r = rp_drill_migrate(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, id ? "SELECT " RUN_COLS ", scenario FROM drill_run WHERE id=?" :
	    "SELECT " RUN_COLS ", scenario FROM drill_run ORDER BY id DESC LIMIT 1", &s)) != 0)
		return r;
	if (id && (r = rp_stmt_bind_int64(s, 1, id)) != 0)
		goto out;
	if ((r = rp_stmt_step(s)) <= 0) {
		r = r == 0 ? RP_ERR_NOTFOUND : r;
		goto out;
	}
	if ((r = run_row(s, &rec)) != 0)
		goto out;
	blob = rp_stmt_blob(s, 11, &len);
	if ((rec.scenario = malloc(len + 1)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	if (len)
		memcpy(rec.scenario, blob, len);
	rec.scenario[len] = '\0';
	rec.scenario_len = len;
	rp_stmt_free(s);
	s = NULL;
	if ((r = rp_stmt_prepare(st, "SELECT inject, choices, response_ms FROM drill_answer "
	    "WHERE run_id=? ORDER BY seq", &s)) != 0 || (r = rp_stmt_bind_int64(s, 1, rec.id)) != 0)
		goto out;
	while ((r = rp_stmt_step(s)) == 1) {
		if ((r = RP_ARRAY_GROW(&rec.answer_inject, &cap[0], rec.nanswers + 1,
		    RP_ARRAY_MAX_DEFAULT)) != 0 ||
		    (r = RP_ARRAY_GROW(&rec.answer_choices, &cap[1], rec.nanswers + 1,
		    RP_ARRAY_MAX_DEFAULT)) != 0 ||
		    (r = RP_ARRAY_GROW(&rec.answer_ms, &cap[2], rec.nanswers + 1,
		    RP_ARRAY_MAX_DEFAULT)) != 0)
			goto out;
		rec.answer_inject[rec.nanswers] = strdup(rp_stmt_text(s, 0));
		rec.answer_choices[rec.nanswers] = strdup(rp_stmt_text(s, 1));
		rec.answer_ms[rec.nanswers] = rp_stmt_isnull(s, 2) ? -1 : rp_stmt_int64(s, 2);
		rec.nanswers++;
		if (!rec.answer_inject[rec.nanswers - 1] || !rec.answer_choices[rec.nanswers - 1]) {
			r = RP_ERR_NOMEM;
			goto out;
		}
	}
	if (r < 0)
		goto out;
	*out = rec;
	memset(&rec, 0, sizeof(rec));
	r = 0;
out:
	rp_stmt_free(s);
	rp_drill_record_release(&rec);
	return r;
}

int
rp_drill_replay(const struct rp_drill_record *rec, struct rp_drill **dp,
    struct rp_drill_answer **ap)
{
	struct rp_drill *d = NULL;
	struct rp_drill_answer *a = NULL;
	struct rp_drill_err err;
	size_t i;
	long k;
	int r;

	if ((r = rp_drill_parse(rec->scenario, rec->scenario_len, rec->drill, rec->lang, &d,
	    &err)) != 0)
		return r;
	if ((a = calloc(d->n ? d->n : 1, sizeof(*a))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (i = 0; i < d->n; i++)
		a[i].response_ms = -1;
	for (i = 0; i < rec->nanswers; i++) {
		if ((k = rp_drill_find(d, rec->answer_inject[i])) < 0 ||
		    (r = rp_drill_answer_parse(d, (size_t)k, rec->answer_choices[i], &a[k], &err)) != 0) {
			r = RP_ERR_FORMAT;      /* the store was changed behind our back */
			goto out;
		}
		a[k].response_ms = rec->answer_ms[i];
	}
	*dp = d;
	*ap = a;
	d = NULL;
	a = NULL;
	r = 0;
out:
	rp_drill_free(d);
	free(a);
	return r;
}

int
rp_drill_runs_each(struct rp_store *st, int (*fn)(const struct rp_drill_record *r, void *ctx),
    void *ctx)
{
	struct rp_stmt *s = NULL;
	struct rp_drill_record rec;
	int r;

	if ((r = rp_drill_migrate(st)) != 0 ||
	    (r = rp_stmt_prepare(st, "SELECT " RUN_COLS " FROM drill_run ORDER BY id", &s)) != 0)
		return r;
	while ((r = rp_stmt_step(s)) == 1) {
		memset(&rec, 0, sizeof(rec));
		if ((r = run_row(s, &rec)) == 0)
			r = fn(&rec, ctx);
		rp_drill_record_release(&rec);
		if (r != 0)
			break;
	}
	rp_stmt_free(s);
	return r;
}

/* ---- the improvement plan ---- */

int
rp_drill_action_add(struct rp_store *st, const struct rp_drill_action *a, const char *actor,
    int64_t *id)
{
	struct rp_stmt *s = NULL;
	struct rp_buf t = RP_BUF_INIT, j = RP_BUF_INIT;
	int64_t aid;
	int r;

	if ((r = rp_drill_migrate(st)) != 0 || (r = rp_store_begin(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "SELECT id FROM drill_action WHERE run_id=? AND inject=?",
	    &s)) != 0 || (r = rp_stmt_bind_int64(s, 1, a->run)) != 0 ||
	    (r = rp_stmt_bind_text(s, 2, a->inject)) != 0 || (r = rp_stmt_step(s)) < 0)
		goto out;
	if (r == 1) {
		if (id)
			*id = rp_stmt_int64(s, 0);
		r = RP_ERR_EXISTS;
		goto out;
	}
	rp_stmt_free(s);
	s = NULL;
	if ((r = rp_stmt_prepare(st, "INSERT INTO drill_action(run_id, drill, inject, text, owner, "
	    "due, created) VALUES(?,?,?,?,?,?,?)", &s)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 1, a->run)) != 0 ||
	    (r = rp_stmt_bind_text(s, 2, a->drill)) != 0 ||
	    (r = rp_stmt_bind_text(s, 3, a->inject)) != 0 ||
	    (r = rp_stmt_bind_text(s, 4, a->text)) != 0 ||
	    (r = rp_stmt_bind_text(s, 5, a->owner)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 6, a->due)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 7, a->created)) != 0 || (r = step_done(s)) != 0)
		goto out;
	aid = rp_store_last_id(st);
	if ((r = rp_buf_addf(&t, "action %lld (drill %lld, %s/%s): ", (long long)aid,
	    (long long)a->run, a->drill, a->inject)) != 0 || (r = rp_buf_addstr(&t, a->text)) != 0 ||
	    (r = rp_buf_addf(&j, "{\"action\":%lld,\"inject\":", (long long)aid)) != 0 ||
	    (r = rp_json_str(&j, a->inject)) != 0 || (r = rp_json_kv(&j, "owner", a->owner)) != 0 ||
	    (r = rp_buf_addstr(&j, ",\"due\":\"")) != 0 || (r = rp_time_fmt_utc(&j, a->due)) != 0 ||
	    (r = rp_buf_addstr(&j, "\"}")) != 0 ||
	    (r = rp_drill_journal(st, a->created, actor, "action", a->run, t.buf, j.buf)) != 0 ||
	    (r = rp_store_commit(st)) != 0)
		goto out;
	if (id)
		*id = aid;
out:
	if (r != 0)
		rp_store_rollback(st);
	rp_stmt_free(s);
	rp_buf_release(&t);
	rp_buf_release(&j);
	return r;
}

int
rp_drill_actions_each(struct rp_store *st, int open_only,
    int (*fn)(const struct rp_drill_action *a, void *ctx), void *ctx)
{
	struct rp_stmt *s = NULL;
	struct rp_drill_action a;
	int r;

	if ((r = rp_drill_migrate(st)) != 0 ||
	    (r = rp_stmt_prepare(st, open_only ?
	    "SELECT id, run_id, drill, inject, text, owner, due, created, done FROM drill_action "
	    "WHERE done IS NULL ORDER BY due, id" :
	    "SELECT id, run_id, drill, inject, text, owner, due, created, done FROM drill_action "
	    "ORDER BY due, id", &s)) != 0)
		return r;
	while ((r = rp_stmt_step(s)) == 1) {
		a.id = rp_stmt_int64(s, 0);
		a.run = rp_stmt_int64(s, 1);
		a.drill = rp_stmt_text(s, 2);
		a.inject = rp_stmt_text(s, 3);
		a.text = rp_stmt_text(s, 4);
		a.owner = rp_stmt_isnull(s, 5) ? NULL : rp_stmt_text(s, 5);
		a.due = rp_stmt_int64(s, 6);
		a.created = rp_stmt_int64(s, 7);
		a.done = rp_stmt_isnull(s, 8) ? RP_TIME_UNSET : rp_stmt_int64(s, 8);
		if ((r = fn(&a, ctx)) != 0)
			break;
	}
	rp_stmt_free(s);
	return r;
}

int
rp_drill_action_done(struct rp_store *st, int64_t id, int64_t now, const char *actor)
{
	struct rp_stmt *s = NULL;
	struct rp_buf t = RP_BUF_INIT, j = RP_BUF_INIT;
	int64_t run = 0;
	int r;

	if ((r = rp_drill_migrate(st)) != 0 || (r = rp_store_begin(st)) != 0)
		return r;
	if ((r = rp_stmt_prepare(st, "SELECT run_id, text, done FROM drill_action WHERE id=?",
	    &s)) != 0 || (r = rp_stmt_bind_int64(s, 1, id)) != 0 || (r = rp_stmt_step(s)) < 0)
		goto out;
	if (r == 0) {
		r = RP_ERR_NOTFOUND;
		goto out;
	}
	if (!rp_stmt_isnull(s, 2)) {
		r = RP_ERR_EXISTS;
		goto out;
	}
	run = rp_stmt_int64(s, 0);
	if ((r = rp_buf_addf(&t, "action %lld done: ", (long long)id)) != 0 ||
	    (r = rp_buf_addstr(&t, rp_stmt_text(s, 1))) != 0)
		goto out;
	rp_stmt_free(s);
	s = NULL;
	if ((r = rp_stmt_prepare(st, "UPDATE drill_action SET done=? WHERE id=?", &s)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 1, now)) != 0 || (r = rp_stmt_bind_int64(s, 2, id)) != 0 ||
	    (r = step_done(s)) != 0 ||
	    (r = rp_buf_addf(&j, "{\"action\":%lld}", (long long)id)) != 0 ||
	    (r = rp_drill_journal(st, now, actor, "done", run, t.buf, j.buf)) != 0 ||
	    (r = rp_store_commit(st)) != 0)
		goto out;
out:
	if (r != 0)
		rp_store_rollback(st);
	rp_stmt_free(s);
	rp_buf_release(&t);
	rp_buf_release(&j);
	return r;
}
