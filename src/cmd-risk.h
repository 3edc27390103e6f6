/* riposte risk, shared by its files: the command and its changes (cmd-risk.c), the
 * register's file in and out (cmd-risk-file.c), the listings (cmd-risk-out.c). */
#ifndef RP_CMD_RISK_H
#define RP_CMD_RISK_H

#include <stddef.h>

#include "cli.h"
#include "prepare/risk.h"

/* What one run of the command has: its options and operands, the register's context. */
struct risk_cli {
	struct rp_cli *cli;
	struct rp_risk_ctx x;
	char **args;
	int nargs;
	const char *config, *format, *measure, *owner, *sector, *lang, *out, *reason, *source;
	const char *vector, *value_s, *like_s, *impact_s;
	int replace, bom;
};

/* "riposte: risk: ..." on stderr: what was done (the output is on stdout). */
void risk_note(const struct risk_cli *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Where a change went besides the register's own journal (the open case, or why not). */
void risk_said_case(const struct risk_cli *c);
/* The store's error, named with the database; returns RP_EXIT_ERROR. */
int risk_store_err(const struct risk_cli *c, int r);
/* -1 (said) unless the operands number min..max. */
int risk_args(const struct risk_cli *c, int min, int max, const char *what);

/* The sub-commands of cmd-risk-file.c. */
int risk_sub_init(struct risk_cli *c);
int risk_sub_import(struct risk_cli *c);
int risk_sub_export(struct risk_cli *c);

/* `risk list` (top 0) or `risk top N` in fmt (RP_FMT_TEXT, JSONL, CSV) into out. */
int rp_risk_out_list(const struct rp_register *reg, int fmt, size_t top, struct rp_buf *out);
/* `risk journal` in fmt (text or jsonl). */
int rp_risk_out_journal(const struct rp_risk_entry *e, int fmt, struct rp_buf *out);

#endif
