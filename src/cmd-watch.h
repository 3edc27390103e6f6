/* riposte watch's CLI, shared by its files: cmd-watch.c (options, the run),
 * cmd-watch-out.c (what the engine reports, as text or JSONL, to syslog and the
 * case's journal), cmd-watch-admin.c (--check, --restore, --unblock). */
#ifndef RP_CMD_WATCH_H
#define RP_CMD_WATCH_H

#include <stddef.h>
#include <stdint.h>

#include "cli.h"
#include "respond/watch.h"

/* What the output callbacks need (the ctx of struct rp_watch_cb). */
struct watch_cli {
	struct rp_cli *cli;
	int fmt;                        /* RP_FMT_TEXT or RP_FMT_JSONL */
	const struct rp_watch_opts *o;  /* as given to the engine: paths, shadow, action */
	int failed;                     /* an output error: the run ends, exit 2 */
};

/* The callbacks that format what the engine reports (cmd-watch-out.c). */
extern const struct rp_watch_cb rp_watch_cli_cb;

/* The ready line's and the end's syslog and summary line; 0 or -1 (output failed). */
int rp_watch_cli_summary(struct watch_cli *wc, const struct rp_watch_stats *st);

/* cmd-watch-admin.c: each returns the exit status. */
int rp_watch_cli_check(struct rp_cli *cli, int fmt, char **paths, int n);
int rp_watch_cli_restore(struct rp_cli *cli, int fmt, const char *dir, char **paths, int n);
int rp_watch_cli_unblock(struct rp_cli *cli, int fmt, const char *addr, int npaths);

#endif
