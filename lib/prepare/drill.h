/*
 * Tabletop drills (`riposte drill`): a scenario is data (data/drills/NAME.ini, in
 * riposte.conf's INI dialect, one file per scenario with its texts in fr, de and en):
 * injects at T+0, T+10 min, ..., each with a question and either choices (pick the one
 * best answer) or an action checklist (tick every action that applies); each choice has
 * points and a category (detect, contain, notify, recover, communicate). The format is
 * described in data/drills/README.
 *
 * This file: the scenario's parser (bounded: the input may be a file an IT provider
 * wrote, so it is fuzzed, tests/fuzz/fuzz-drill.c), the answers file of a paper
 * exercise (`INJECT: CHOICE[,CHOICE...]`, fuzzed too), the scoring and the ratings of
 * CISA's exercise evaluation (P/S/M/U), and the session that plays a drill: the engine
 * decides (order, clock, validity, response times); callbacks ask and report.
 *
 * The run's record, the lessons learned and the improvement plan: drillstore.c and
 * drillreport.c (below). A parsed struct rp_drill is read-only and may be shared
 * between threads; a session belongs to one thread; no global state.
 */
#ifndef RP_DRILL_H
#define RP_DRILL_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_ini;
struct rp_store;

#define RP_DRILL_MAX_BYTES   (256 * 1024)  /* a scenario file */
#define RP_DRILL_MAX_INJECTS 40
#define RP_DRILL_MAX_CHOICES 12            /* of one inject */
#define RP_DRILL_MAX_ID      32            /* bytes of a drill's, inject's or choice's id */
#define RP_DRILL_MAX_AT      (7 * 24 * 60) /* minutes: a week-long exercise at most */
#define RP_DRILL_MAX_POINTS  10            /* a choice's points: -10..10 */
#define RP_DRILL_MAX_DUE     366           /* days to an improvement action's due date */

/* The capabilities a drill rates, in this order everywhere. */
enum {
	RP_DRILL_DETECT, RP_DRILL_CONTAIN, RP_DRILL_NOTIFY, RP_DRILL_RECOVER,
	RP_DRILL_COMMUNICATE, RP_DRILL_NCAT
};
extern const char *const rp_drill_cats[];   /* "detect", ... "communicate", NULL */
/* The languages of drills and of the awareness kit. */
extern const char *const rp_drill_langs[];  /* "fr", "de", "en", NULL */
/* Index of a category or language word, or -1. */
int rp_drill_cat(const char *word);
int rp_drill_lang_index(const char *lang);

/*
 * CISA's exercise evaluation ratings, from the share of the points reached:
 *   P  performed without challenges     >= 90 %
 *   S  performed with some challenges   >= 70 %
 *   M  performed with major challenges  >= 40 %
 *   U  unable to be performed            < 40 %
 * (points * 100 >= max * threshold, in integers). Returns 'P', 'S', 'M', 'U', or '-'
 * when max is 0 (nothing of it was tested).
 */
#define RP_DRILL_P 90
#define RP_DRILL_S 70
#define RP_DRILL_M 40
char rp_drill_rate(int points, int max);

struct rp_drill_choice {
	char id[RP_DRILL_MAX_ID + 1];
	int points;                /* one: 0..10; a checklist: -10..10 (a trap is negative) */
	int cat;                   /* RP_DRILL_* */
	const char *text;          /* in the drill's language */
};

struct rp_drill_inject {
	char id[RP_DRILL_MAX_ID + 1];
	int at;                    /* minutes after the start: T+at */
	int all;                   /* 1: a checklist (tick every action that applies) */
	const char *text;          /* what happens */
	const char *question;
	const char *action;        /* the improvement action when it is a gap */
	const char *owner;         /* a role word (it-provider, manager, ...) */
	const char *threat;        /* the risk register's threat a gap raises */
	int due;                   /* days from the exercise to the action's due date */
	struct rp_drill_choice *choices;
	size_t nchoices;
	int max;                   /* the points of the best answer */
	int cat_max[RP_DRILL_NCAT];/* of which in each category */
};

struct rp_drill {
	char name[RP_DRILL_MAX_ID + 1];
	char lang[3];              /* the language of the texts below */
	unsigned langs;            /* bit i: rp_drill_langs[i] has every text */
	const char *title, *summary;
	const char *threat;        /* the default threat of the injects */
	struct rp_drill_inject *v;
	size_t n;
	int max;                   /* of all injects */
	int cat_max[RP_DRILL_NCAT];
	struct rp_ini *ini;        /* owns the strings */
};

/* Where a scenario or an answers file is wrong. */
struct rp_drill_err {
	size_t line;               /* 1-based; 0: the file as a whole */
	char msg[256];
};

/*
 * Parses a scenario (text, len bytes) named name, with its texts in lang (a text
 * missing in lang is taken from English, which must have every text). Checks every
 * bound above, ids [a-z0-9-] (an inject's) and [a-z0-9] (a choice's), injects in
 * order of their time, each inject answerable (a best answer with points), and in a
 * pick-one inject the choices that earn points of one category (so that a category's
 * points never pass its maximum). RP_ERR_FORMAT with *err (optional) when not;
 * RP_ERR_INVALID for a bad name or lang. *out is the caller's (rp_drill_free).
 */
int rp_drill_parse(const char *text, size_t len, const char *name, const char *lang,
    struct rp_drill **out, struct rp_drill_err *err);
void rp_drill_free(struct rp_drill *d);     /* accepts NULL */

/* The inject with id, or -1. */
long rp_drill_find(const struct rp_drill *d, const char *id);

/* The scenarios that come with riposte ("drills/NAME.ini"), in name order: fn gets
 * each name and its text. */
int rp_drill_each_builtin(int (*fn)(const char *name, const char *text, size_t len,
    void *ctx), void *ctx);
/* The text of a scenario: a file path (it holds a '/' or ends in ".ini"; read with
 * the bounds above) or the name of a built-in one (data_dir searched first). *name
 * gets the scenario's name (the file's name without ".ini"). RP_ERR_NOTFOUND when
 * there is none. */
int rp_drill_load_text(const char *data_dir, const char *what, struct rp_buf *text,
    char name[RP_DRILL_MAX_ID + 1]);

/* ---- answers ---- */

/* What was answered to an inject: a set of its choices by index. */
struct rp_drill_answer {
	int answered;              /* 0: not answered (a checklist answered "-" is 1, empty) */
	uint32_t picked;           /* bit k: choices[k] */
	int64_t response_ms;       /* from the inject shown to the answer; -1 unknown */
};

/*
 * A paper exercise's answers, one line per inject: `INJECT_ID: CHOICE_ID[,CHOICE_ID...]`
 * ("-" or nothing after the colon: a checklist where nothing was ticked); blank lines
 * and lines starting with '#' are skipped; spaces around ids are allowed. At most 64
 * KiB, 4096 bytes a line. Each line is checked against d: a known inject, once; known
 * choices, once each; one choice in a pick-one inject. a has d->n entries (index of
 * the inject), zeroed first; response times are unknown (-1).
 */
#define RP_DRILL_ANSWERS_MAX (64 * 1024)
int rp_drill_answers_parse(const struct rp_drill *d, const char *text, size_t len,
    struct rp_drill_answer *a, struct rp_drill_err *err);

/* Parses "a,c" (or "-", or "") as the answer to inject i: RP_ERR_FORMAT with a message
 * in *err (line 0) when it is not a valid answer. */
int rp_drill_answer_parse(const struct rp_drill *d, size_t i, const char *s,
    struct rp_drill_answer *a, struct rp_drill_err *err);
/* The choices of an answer as ids, "a,c" ("" when none). */
int rp_drill_answer_ids(const struct rp_drill *d, size_t i, const struct rp_drill_answer *a,
    struct rp_buf *out);

/* The best answers (pick-one: the first choice with the most points; a checklist:
 * every choice with points above 0) and the worst (pick-one: the first with the
 * fewest; a checklist: every choice with no points or fewer). a has d->n entries. */
void rp_drill_best(const struct rp_drill *d, struct rp_drill_answer *a);
void rp_drill_worst(const struct rp_drill *d, struct rp_drill_answer *a);

/* ---- scoring ---- */

struct rp_drill_mark {
	int points, max;
	char rating;               /* rp_drill_rate(points, max) */
};

struct rp_drill_score {
	struct rp_drill_mark total;
	struct rp_drill_mark cat[RP_DRILL_NCAT];
	struct rp_drill_mark *inject;   /* d->n entries */
	struct rp_drill_mark (*inject_cat)[RP_DRILL_NCAT];   /* d->n x categories */
	size_t answered;
};

/*
 * Scores answers a (d->n entries). A pick-one inject earns the points of its choice
 * in that choice's category (no answer: 0). A checklist earns, per category, the
 * points of the ticked actions, at least 0 and at most what its right actions are
 * worth. Ratings as rp_drill_rate. s is the caller's (rp_drill_score_release).
 */
int rp_drill_score(const struct rp_drill *d, const struct rp_drill_answer *a,
    struct rp_drill_score *s);
void rp_drill_score_release(struct rp_drill_score *s);   /* accepts a zeroed struct */

/* ---- playing a drill ---- */

/*
 * A session plays the injects in order. For each inject the engine calls on_inject
 * (show it, with its clock "T+10 min"), then ask until the answer is valid (at most
 * 5 tries; on_invalid says why in between), measures the response time from the
 * inject shown to the valid answer (monotonic clock), and calls on_answer.
 * ask writes the answer's text ("a", "a,c", "-") into *answer and returns 0; a
 * non-zero return stops the session and is returned (RP_ERR_NOTFOUND: no more input).
 */
struct rp_drill_session_cb {
	int (*on_inject)(const struct rp_drill *d, size_t i, void *ctx);
	int (*ask)(const struct rp_drill *d, size_t i, struct rp_buf *answer, void *ctx);
	void (*on_invalid)(const struct rp_drill *d, size_t i, const char *why, void *ctx);
	int (*on_answer)(const struct rp_drill *d, size_t i, const struct rp_drill_answer *a,
	    void *ctx);
};

struct rp_drill_session;
int rp_drill_session_new(struct rp_drill_session **out, const struct rp_drill *d,
    const struct rp_drill_session_cb *cb, void *ctx);
/* Plays every inject; the answers are in rp_drill_session_answers after. */
int rp_drill_session_run(struct rp_drill_session *s);
const struct rp_drill_answer *rp_drill_session_answers(const struct rp_drill_session *s);
void rp_drill_session_free(struct rp_drill_session *s);   /* accepts NULL */

/* ---- the record of a run (drillstore.c; the store's module "drill") ---- */

struct rp_drill_record {
	int64_t id;
	char *drill;               /* the scenario's name */
	char *lang;
	char *title;
	char *participants;        /* as given, or NULL */
	char *mode;                /* "interactive" or "answers" */
	int64_t started, finished;
	char *scenario;            /* the scenario's text as played (a later edit of the
	                            * file changes no past run) */
	size_t scenario_len;
	char **answer_inject;      /* per answered inject: its id, its choices, its time */
	char **answer_choices;
	int64_t *answer_ms;
	size_t nanswers;
	int points, max;
	char rating;
};
void rp_drill_record_release(struct rp_drill_record *r);   /* accepts a zeroed struct */

/* Creates or upgrades the module's tables (drill_run, drill_answer, drill_action,
 * drill_journal). Called by the functions below. */
int rp_drill_migrate(struct rp_store *st);

/* Stores a run (id, points, max and rating are computed: d and a are what was played)
 * in one transaction with its entry in drill_journal; *id gets the run's id. */
int rp_drill_save(struct rp_store *st, const struct rp_drill *d,
    const struct rp_drill_answer *a, const char *scenario, size_t scenario_len,
    const char *participants, const char *mode, int64_t started, int64_t finished,
    const char *actor, int64_t *id);

/* Reads run id (0: the latest). RP_ERR_NOTFOUND when there is none. */
int rp_drill_load(struct rp_store *st, int64_t id, struct rp_drill_record *out);

/* Parses the record's scenario in its language and rebuilds the answers (d->n
 * entries, the caller frees *a with free()). */
int rp_drill_replay(const struct rp_drill_record *rec, struct rp_drill **d,
    struct rp_drill_answer **a);

/* Every run, oldest first: fn gets each record (answers not loaded). */
int rp_drill_runs_each(struct rp_store *st,
    int (*fn)(const struct rp_drill_record *r, void *ctx), void *ctx);

/* Appends to drill_journal (append-only): kind ("run", "report", "action", "done"),
 * the run it is about (0: none), a sentence, an optional JSON object. */
int rp_drill_journal(struct rp_store *st, int64_t now, const char *actor, const char *kind,
    int64_t run, const char *text, const char *data);

/* ---- the site's improvement plan (drill_action) ---- */

struct rp_drill_action {
	int64_t id;
	int64_t run;               /* the drill run it came from */
	const char *drill, *inject;
	const char *text, *owner;  /* the owner as written in the report */
	int64_t due;               /* a time (the day it is due) */
	int64_t created;
	int64_t done;              /* RP_TIME_UNSET while open */
};

/* Adds an action of run/inject once (RP_ERR_EXISTS when it is there already: the same
 * report written twice). */
int rp_drill_action_add(struct rp_store *st, const struct rp_drill_action *a,
    const char *actor, int64_t *id);
/* Every action (open_only: not done), by due date then id. Strings valid during fn. */
int rp_drill_actions_each(struct rp_store *st, int open_only,
    int (*fn)(const struct rp_drill_action *a, void *ctx), void *ctx);
/* Marks action id done at now. RP_ERR_NOTFOUND, RP_ERR_EXISTS when done already. */
int rp_drill_action_done(struct rp_store *st, int64_t id, int64_t now, const char *actor);

/* ---- the lessons learned (drillreport.c) ---- */

/*
 * What a run taught, from its score: the injects rated P went well; the others are
 * gaps, each with its improvement action (owner, due date: the run's end plus the
 * inject's due days); a gap rated M or U raises its threat in the risk register.
 */
struct rp_drill_gap {
	size_t inject;
	char rating;
	const char *threat;
	int raises;                /* rated M or U */
	int64_t due;
};
struct rp_drill_lessons {
	size_t *well;  size_t nwell;
	struct rp_drill_gap *gaps; size_t ngaps;
};
int rp_drill_lessons(const struct rp_drill *d, const struct rp_drill_score *s,
    int64_t finished, struct rp_drill_lessons *out);
void rp_drill_lessons_release(struct rp_drill_lessons *l);   /* accepts a zeroed struct */

/*
 * Feeds the lessons of run rec to the site: each raising gap's threat is raised in the
 * risk register once per run (source "drill RUN"; lib/prepare/risk.h rp_risk_raise,
 * idempotent), each gap's action joins drill_action once (owner: the role's words in
 * texts, with the site's contact when riposte.conf names one). What happened to each
 * threat goes to out (for the report): one struct per distinct threat.
 */
struct rp_drill_raised {
	const char *threat;
	int status;                /* 0 raised or already raised by this run; else the
	                            * error (RP_ERR_NOTFOUND: not in the register) */
	size_t assets;             /* risks raised now */
};
struct rp_drill_applied {
	struct rp_drill_raised *raised; size_t nraised;
	size_t actions_added, actions_known;
	int64_t case_id;           /* the open case a raise was journaled in, or 0 */
};
int rp_drill_apply(struct rp_store *st, const struct rp_drill_record *rec,
    const struct rp_drill *d, const struct rp_drill_lessons *l, const struct rp_ini *texts,
    const struct rp_ini *site, int64_t now, const char *actor, struct rp_drill_applied *out);
void rp_drill_applied_release(struct rp_drill_applied *a);   /* accepts a zeroed struct */

/* The owner of an action as people read it: the role in texts ([owner] ROLE), and the
 * site's contact for it in parentheses when riposte.conf names one. */
int rp_drill_owner(const struct rp_ini *texts, const struct rp_ini *site, const char *role,
    struct rp_buf *out);

/*
 * The lessons-learned report as a document (lib/prepare/doc.h): the exercise (drill,
 * date, participants), the ratings per category and overall, what went well, the
 * gaps, the improvement plan (action, owner, due date), what was raised in the risk
 * register. texts: data/drills/text/LANG.ini (English for what it lacks: texts_en);
 * d, a: the run as rp_drill_replay gives it back; s, l: its score and lessons;
 * site: riposte.conf or NULL; applied: what rp_drill_apply did, or NULL.
 */
int rp_drill_report(const struct rp_drill_record *rec, const struct rp_drill *d,
    const struct rp_drill_answer *a, const struct rp_drill_score *s,
    const struct rp_drill_lessons *l,
    const struct rp_ini *texts, const struct rp_ini *texts_en, const struct rp_ini *site,
    const struct rp_drill_applied *applied, struct rp_buf *doc);

/* Loads data/drills/text/LANG.ini (and English): *texts, *texts_en are the caller's. */
int rp_drill_texts(const char *data_dir, const char *lang, struct rp_ini **texts,
    struct rp_ini **texts_en);

#endif
