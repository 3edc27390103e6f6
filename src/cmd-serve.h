/* What the files of `riposte serve` share (src/cmd-serve*.c). */
#ifndef RP_CMD_SERVE_H
#define RP_CMD_SERVE_H

#include "cli.h"
#include "core/buf.h"

/*
 * The fleet centre's connection string for `serve --fleet`, as `riposte fleet` takes
 * it: from --dsn (refused when it holds a password: ps shows the arguments) or from
 * --dsn-file (one line, '#' comments; refused when it holds a password and group or
 * others may read it), checked by libpq's parser and against the TLS rule (a remote
 * centre only with sslmode=verify-full). Appended to dsn; prints the error and returns
 * -1 when it cannot be used. Nothing is connected here: the page connects.
 */
int serve_fleet_dsn(struct rp_cli *cli, const char *dsn, const char *dsn_file, struct rp_buf *out);

#endif
