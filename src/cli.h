/*
 * What every subcommand shares: messages to stderr, the output format option, the
 * database path, exit codes. Only src/ includes this; lib/ never prints.
 */
#ifndef RP_CLI_H
#define RP_CLI_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "core/buf.h"

/* Exit statuses of every subcommand that looks for something (grep, clamscan). */
#define RP_EXIT_CLEAN  0    /* nothing found / success */
#define RP_EXIT_FOUND  1    /* something found */
#define RP_EXIT_ERROR  2    /* error: bad usage, unreadable root, store failure, ... */

enum rp_format_kind { RP_FMT_TEXT, RP_FMT_JSONL, RP_FMT_CSV, RP_FMT_OTHER };

/* Command flags in the dispatch table: what set-up the command needs. */
#define RP_CMD_NEEDS_DB  0x1   /* resolves the database path (--db, RIPOSTE_DB) */

struct rp_cli {
	const char *argv0;        /* "riposte" */
	const char *cmd;          /* the subcommand's name, for messages */
	const char *db_path;      /* --db, else RIPOSTE_DB, else ./riposte.db */
	const char *data_dir;     /* RIPOSTE_DATA: a data/ override for rule development */
	int64_t now;              /* RIPOSTE_NOW (ISO 8601, for reproducible tests) or time() */
	int stdout_tty;           /* whether stdout is a terminal */
	int stderr_tty;
};

struct rp_command {
	const char *name;
	int (*fn)(struct rp_cli *cli, int argc, char **argv);
	unsigned flags;
	const char *summary;      /* one line for `riposte help` */
};

/* "riposte: scan: cannot open '/srv/x': Permission denied" */
void rp_err(const struct rp_cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rp_warn(const struct rp_cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Parses --format's argument among the allowed ones ("text,jsonl,csv"); prints an
 * error and returns -1 if not allowed. */
int rp_cli_format(const struct rp_cli *cli, const char *arg, const char *allowed);

/*
 * One option convention for every command and sub-command (GNU): options go before,
 * between or after the operands (getopt_long's permutation), "--" ends them, -h and
 * --help show the manual. Use it as getopt_long:
 *
 *	rp_cli_opt_begin();
 *	while ((c = rp_cli_getopt(cli, argc, argv, "j:h", longopts, usage)) != -1)
 *		switch (c) { ...; case 'h': return rp_cli_usage(cli, usage, 1);
 *		             case '?': return RP_EXIT_ERROR; }
 *	operands: argv[optind] .. argv[argc - 1]
 *
 * Sub-commands are operands too ("canary deploy DIR --format jsonl"): one table of
 * options per command, parsed over the whole argv, then argv[optind] is the verb.
 * rp_cli_getopt returns '?' after it has said what was wrong (an unknown option, a
 * missing value) and printed the command's synopsis on stderr; the caller exits 2.
 * Not reentrant (getopt's globals): one parse at a time, on the main thread.
 */
void rp_cli_opt_begin(void);
int rp_cli_getopt(const struct rp_cli *cli, int argc, char **argv, const char *shortopts,
    const struct option *longopts, const char *usage);

/* --help (ok): the whole manual to stdout, exit 0. Misuse (!ok): the manual's SYNOPSIS
 * and where to read more, to stderr; returns RP_EXIT_ERROR. */
int rp_cli_usage(const struct rp_cli *cli, const char *text, int ok);

/* Writes buf to stdout; returns -1 (with a message) when stdout fails (full disk, closed pipe). */
int rp_cli_put(const struct rp_cli *cli, const struct rp_buf *b);

/* Parses an unsigned integer option in [min, max]; prints the error. */
int rp_cli_uint(const struct rp_cli *cli, const char *opt, const char *arg,
    unsigned long long min, unsigned long long max, unsigned long long *out);

/* Appends a path (bytes) in the escaping of the given format, quoted where the
 * format needs it; for JSON the whole `"key":"...",` pair, with "key_hex" when lossy. */
int rp_cli_path_json(struct rp_buf *b, const char *key, const char *path, size_t len);

/* Progress on stderr for long work, only when stderr is a terminal: redrawn at most
 * ten times a second, erased by rp_progress_done. */
struct rp_progress {
	int on;
	int64_t last_ms;
	int drawn;
};
void rp_progress_init(struct rp_progress *p, const struct rp_cli *cli, int quiet);
void rp_progress_update(struct rp_progress *p, uint64_t done, uint64_t bytes, const char *current);
void rp_progress_done(struct rp_progress *p);

#endif
