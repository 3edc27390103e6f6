/* riposte drill, shared by its files: the command, list and show (cmd-drill.c), run
 * (cmd-drill-run.c), score, report, runs, actions and done (cmd-drill-out.c). */
#ifndef RP_CMD_DRILL_H
#define RP_CMD_DRILL_H

#include "cli.h"
#include "prepare/drill.h"

struct rp_ini;
struct rp_store;

/* What one run of the command has: its options and operands. */
struct drill_cli {
	struct rp_cli *cli;
	char **args;
	int nargs;
	const char *lang_opt, *format, *answers, *participants, *out, *config;
	int all;
	const char *actor;
	struct rp_ini *site;          /* riposte.conf, or NULL when there is none */
	const char *lang;             /* --lang, else the site's, else en */
};

/* -1 (said) unless the operands number min..max. */
int drill_args(const struct drill_cli *c, int min, int max, const char *what);
/* The store: opened (created when create), or the error said; NULL on error. */
struct rp_store *drill_store(const struct drill_cli *c, int create);
/* The store's error, named with the database; returns RP_EXIT_ERROR. */
int drill_store_err(const struct drill_cli *c, struct rp_store *st, int r);
/* Loads and parses scenario what (a name or a file) in c->lang; the error said. */
int drill_load(const struct drill_cli *c, const char *what, struct rp_drill **d,
    struct rp_buf *text);
/* The texts of data/drills/text/LANG.ini for lang; the error said. */
int drill_texts(const struct drill_cli *c, const char *lang, struct rp_ini **t,
    struct rp_ini **en);
/* A text of the texts, in the language, else English, else "". */
const char *drill_tx(const struct rp_ini *t, const struct rp_ini *en, const char *sec,
    const char *key);

/* The sub-commands. */
int drill_sub_run(struct drill_cli *c);
int drill_sub_score(struct drill_cli *c);
int drill_sub_report(struct drill_cli *c);
int drill_sub_runs(struct drill_cli *c);
int drill_sub_actions(struct drill_cli *c);
int drill_sub_done(struct drill_cli *c);

/* The run's score in fmt (RP_FMT_TEXT, JSONL, CSV) into out (cmd-drill-out.c; also the
 * output of `drill run`). */
int drill_score_out(const struct drill_cli *c, const struct rp_drill_record *rec,
    const struct rp_drill *d, const struct rp_drill_answer *a, int fmt, struct rp_buf *out);

#endif
