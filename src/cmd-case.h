/*
 * riposte case, in the CLI: what src/cmd-case.c (options, dispatch) and the
 * sub-command files src/cmd-case-*.c share. Each sub-command is a thin function over
 * lib/case: it checks its operands, calls the engine, formats the result. Adding a
 * sub-command: a function here, a row in cmd-case.c's table, its options in the one
 * option table, a test.
 */
#ifndef RP_SRC_CMD_CASE_H
#define RP_SRC_CMD_CASE_H

#include <stdint.h>

#include "case/case.h"
#include "cli.h"
#include "core/buf.h"

struct rp_ini;
struct rp_store;

/* Every option of every sub-command: one parse over the whole argv. */
struct cx_opts {
	int64_t case_id;
	const char *config, *format, *title, *discovered, *how, *root_cause, *to, *lang;
	const char *sent_at, *file, *deadline, *client, *type, *category, *amount, *hours;
	const char *rate, *currency, *note, *owner, *due, *out, *at, *source;
	const char *vector, *reason;
	const char *findings[32];   /* --finding, repeatable */
	int nfindings;
	const char *facts[RP_FACT_COUNT];
	int force, sent;
	int fmt;            /* parsed --format (cx_want_format), or -1 */
	char **args;        /* operands after the sub-command */
	int nargs;
};

struct cx {
	struct rp_cli *cli;
	struct rp_store *st;
	struct cx_opts o;
	struct rp_ini *site;     /* the site profile, or NULL when there is none */
	const char *actor;       /* who is recorded in the journal */
};

/* The sub-commands (cmd-case-journal.c, -notify.c, -cost.c, -report.c). */
int cx_open(struct cx *c);
int cx_show(struct cx *c);
int cx_list(struct cx *c);
int cx_log(struct cx *c);
int cx_facts(struct cx *c);
int cx_verify(struct cx *c);
int cx_root_cause(struct cx *c);
int cx_lesson(struct cx *c);
int cx_action(struct cx *c);
int cx_close(struct cx *c);
int cx_deadlines(struct cx *c);
int cx_notify(struct cx *c);
int cx_cost(struct cx *c);
int cx_claim(struct cx *c);
int cx_attach(struct cx *c);
int cx_ioc(struct cx *c);
int cx_iocs(struct cx *c);
int cx_report(struct cx *c);
int cx_entry(struct cx *c);      /* cmd-case-vector.c: the way in */
int cx_accept(struct cx *c);

/* "riposte: case: ..." on stderr for what was done that is not the output. */
void cx_done(const struct cx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Says a store error (RP_ERR_NOTFOUND: no open case); returns RP_EXIT_ERROR. */
int cx_store_err(const struct cx *c, int r);
/* The case to act on (--case, else the latest open one): 0, or -1 (said). */
int cx_resolve(struct cx *c, int64_t *id);
/* Loads that case with its journal: 0, or -1 (said); release with rp_case_release. */
int cx_load(struct cx *c, struct rp_case *k);
/* Exactly n operands: 0, or -1 (said; what names what was expected). */
int cx_need_args(const struct cx *c, int n, const char *what);
/* --format among allowed ("text,jsonl,csv"), dflt when not given: the format, or -1. */
int cx_want_format(struct cx *c, const char *allowed, int dflt);
/* Writes b to stdout and empties it: 0, or -1 (said). */
int cx_put(const struct cx *c, struct rp_buf *b);
/* The warning when deadlines cannot be computed from the site profile. */
void cx_warn_no_site(const struct cx *c);
/* The case's deadlines (lib/case/deadline.c): 0, or -1 (said). */
int cx_deadlines_of(const struct cx *c, const struct rp_case *k, struct rp_deadlines *d);
/* The claim (lib/case/claim.c), warning when there is no site profile: 0, or -1. */
int cx_claim_of(const struct cx *c, const struct rp_case *k, struct rp_claim *cl);

/* Formatting. JSON: ,"key":value (null for RP_TIME_UNSET / NULL), UTC times. */
int cx_json_time(struct rp_buf *b, const char *key, int64_t t);
int cx_json_str(struct rp_buf *b, const char *key, const char *v);
/* One CSV record of n C-string fields (NULL = empty), RFC 4180 with rp_esc_csv. */
int cx_csv_row(struct rp_buf *b, int n, ...);
/* A UTC time (empty when unset) or a decimal amount (empty when < 0) as a CSV field,
 * formatted into tmp: valid until tmp changes. */
const char *cx_csv_time(struct rp_buf *tmp, int64_t t);
const char *cx_csv_amount(struct rp_buf *tmp, int64_t v);
/* Text for people, escaped so that a hostile title cannot move the terminal; "-" for
 * NULL. */
int cx_text(struct rp_buf *b, const char *s);

#endif
