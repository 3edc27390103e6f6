/* One function per subcommand, each in src/cmd-<name>.c with its usage text. */
#ifndef RP_COMMANDS_H
#define RP_COMMANDS_H

#include "cli.h"

int cmd_scan(struct rp_cli *cli, int argc, char **argv);
int cmd_simulate(struct rp_cli *cli, int argc, char **argv);
int cmd_watch(struct rp_cli *cli, int argc, char **argv);
int cmd_canary(struct rp_cli *cli, int argc, char **argv);
int cmd_baseline(struct rp_cli *cli, int argc, char **argv);
int cmd_diff(struct rp_cli *cli, int argc, char **argv);
int cmd_timeline(struct rp_cli *cli, int argc, char **argv);
int cmd_exfil(struct rp_cli *cli, int argc, char **argv);
int cmd_case(struct rp_cli *cli, int argc, char **argv);
int cmd_site(struct rp_cli *cli, int argc, char **argv);
int cmd_isolate(struct rp_cli *cli, int argc, char **argv);
int cmd_collect(struct rp_cli *cli, int argc, char **argv);
int cmd_plan(struct rp_cli *cli, int argc, char **argv);
int cmd_risk(struct rp_cli *cli, int argc, char **argv);
int cmd_mail(struct rp_cli *cli, int argc, char **argv);
int cmd_drill(struct rp_cli *cli, int argc, char **argv);
int cmd_kit(struct rp_cli *cli, int argc, char **argv);
int cmd_serve(struct rp_cli *cli, int argc, char **argv);
int cmd_fleet(struct rp_cli *cli, int argc, char **argv);
int cmd_harden(struct rp_cli *cli, int argc, char **argv);
int cmd_restore_check(struct rp_cli *cli, int argc, char **argv);

#endif
