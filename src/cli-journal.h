/* Attaching an action to the open incident case, for the commands that act
 * (isolate, collect): a missing database or no open case is said, not an error. */
#ifndef RP_CLI_JOURNAL_H
#define RP_CLI_JOURNAL_H

#include "cli.h"

/* Who runs riposte: SUDO_USER, else the effective user's name. */
const char *rp_cli_actor(void);

/* Appends kind/text/data (JSON object or NULL) to the open case in cli->db_path at
 * cli->now. Returns 0 when journaled, 1 when there is no database or no open case
 * ("no open case: not journaled" on stderr unless quiet), -1 on failure (warned). */
int rp_cli_journal(const struct rp_cli *cli, int quiet, const char *kind, const char *text,
    const char *data);

#endif
