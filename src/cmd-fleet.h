/* What the files of `riposte fleet` share (src/cmd-fleet*.c). */
#ifndef RP_CMD_FLEET_H
#define RP_CMD_FLEET_H

#include <stddef.h>
#include <stdint.h>

#include "cli.h"

struct rp_fleet;

struct fleet_cli {
	struct rp_cli *cli;
	const char *dsn, *dsn_file;  /* --dsn (no password), --dsn-file */
	const char *site;            /* --site */
	const char *config;          /* --config */
	const char *format;          /* --format */
	const char *since, *until;   /* --since, --until */
	const char **canaries;       /* --canary DIR... */
	size_t ncanaries;
	int resend;                  /* --resend */
	int schema;                  /* --schema-version (init), 0 = the latest */
	int fmt;                     /* RP_FMT_* */
	char **args;                 /* operands after the verb */
	int nargs;
};

extern const char fleet_usage[];

/* The DSN from --dsn or --dsn-file, checked (no password in the arguments, none in a
 * file others may read), then connected. Prints the error; 0, -2 when the centre could
 * not be reached (or refused the login), -1 for any other failure. */
int fleet_connect(struct fleet_cli *c, struct rp_fleet **f);
/* "riposte: fleet: VERB: ..." for a failure of the lib with its message. */
void fleet_fail(const struct fleet_cli *c, struct rp_fleet *f, const char *what, int r);

int fleet_push(struct fleet_cli *c);      /* src/cmd-fleet-push.c */
int fleet_status(struct fleet_cli *c);    /* src/cmd-fleet-status.c */
int fleet_alerts(struct fleet_cli *c);

#endif
