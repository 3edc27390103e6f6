/*
 * riposte: incident response for small businesses and medical practices.
 * This file only dispatches: one row per subcommand (git's commands[]), each
 * implemented in src/cmd-<name>.c.
 */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "core/time.h"
#include "site-conf.h"

#ifndef RIPOSTE_VERSION
#define RIPOSTE_VERSION "0.1.0"
#endif

static int cmd_help(struct rp_cli *cli, int argc, char **argv);
static int cmd_version(struct rp_cli *cli, int argc, char **argv);

static const struct rp_command commands[] = {
	{ "scan",     cmd_scan,     0,              "find encrypted files and ransom notes in a tree" },
	{ "watch",    cmd_watch,    RP_CMD_NEEDS_DB, "stop an encrypting process in real time (fanotify)" },
	{ "canary",   cmd_canary,   0,              "place and check canary files for watch" },
	{ "simulate", cmd_simulate, 0,              "run a safe ransomware drill on files it creates" },
	{ "baseline", cmd_baseline, RP_CMD_NEEDS_DB, "record a known-good state of a tree" },
	{ "diff",     cmd_diff,     RP_CMD_NEEDS_DB, "compare a tree with its baseline; check a restore" },
	{ "timeline", cmd_timeline, 0,              "MACB timeline (TSK body format) merged with logs" },
	{ "exfil",    cmd_exfil,    RP_CMD_NEEDS_DB, "was the sensitive data read or sent out?" },
	{ "isolate",  cmd_isolate,  RP_CMD_NEEDS_DB, "cut the network except the IT provider (nftables)" },
	{ "collect",  cmd_collect,  RP_CMD_NEEDS_DB, "collect volatile evidence with a manifest" },
	{ "mail",     cmd_mail,     0,              "scan mail for viruses and fraud; trace who received what" },
	{ "harden",   cmd_harden,   RP_CMD_NEEDS_DB, "check the ways in of a Linux file server" },
	{ "restore-check", cmd_restore_check, RP_CMD_NEEDS_DB, "before a restored system goes back: data, way in" },
	{ "case",     cmd_case,     RP_CMD_NEEDS_DB, "the incident case: journal, deadlines, notices, costs" },
	{ "site",     cmd_site,     0,              "check the site profile (riposte.conf)" },
	{ "plan",     cmd_plan,     0,              "the one-page emergency plan, in the site's language" },
	{ "risk",     cmd_risk,     RP_CMD_NEEDS_DB, "the risk register: what to secure first" },
	{ "drill",    cmd_drill,    RP_CMD_NEEDS_DB, "tabletop exercises with scoring and lessons learned" },
	{ "kit",      cmd_kit,      RP_CMD_NEEDS_DB, "the staff awareness kit (PDFs) in the practice's colours" },
	{ "serve",    cmd_serve,    RP_CMD_NEEDS_DB, "the incident page in a browser (local, safe by default)" },
	{ "fleet",    cmd_fleet,    RP_CMD_NEEDS_DB, "the IT provider's view of all its practices" },
	{ "help",     cmd_help,     0,              "list the commands, or show one's manual" },
	{ "version",  cmd_version,  0,              "print the version" },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const char usage_main[] =
"usage: riposte COMMAND [OPTIONS] [ARGS]\n"
"\n"
"Incident response for small businesses and medical practices: find what ransomware\n"
"encrypted, stop it while it runs, find who received a virus sent from your mail, keep\n"
"the evidence, meet the legal deadlines; and prepare before it happens.\n"
"\n"
"Commands:\n";

/* help and version have a manual too: every row of commands[] gets its man page from
 * its --help (scripts/man.sh) */
static const char usage_help[] =
"NAME\n"
"    riposte help - list the commands, or show one's manual\n"
"\n"
"SYNOPSIS\n"
"    riposte help [COMMAND]\n"
"\n"
"DESCRIPTION\n"
"    Without COMMAND, lists the commands, one line each, with the conventions they\n"
"    share (exit status, environment). With COMMAND, prints its manual, the text\n"
"    'riposte COMMAND --help' prints. The manual pages riposte(1) and\n"
"    riposte-COMMAND(1) are made from these same texts.\n"
"\n"
"OPTIONS\n"
"    -h, --help      this text\n"
"\n"
"EXIT STATUS\n"
"    0 the list or the manual was printed, 2 no such command\n"
"\n"
"EXAMPLES\n"
"    riposte help\n"
"    riposte help scan | less\n";

static const char usage_version[] =
"NAME\n"
"    riposte version - print the version\n"
"\n"
"SYNOPSIS\n"
"    riposte version\n"
"    riposte --version\n"
"\n"
"DESCRIPTION\n"
"    Prints 'riposte VERSION' on one line: the version of the source the binary was\n"
"    built from, which is the version of its Debian package.\n"
"\n"
"OPTIONS\n"
"    -h, --help      this text\n"
"\n"
"EXIT STATUS\n"
"    0\n"
"\n"
"EXAMPLES\n"
"    riposte version\n";

static const struct option help_longopts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int
cmd_help(struct rp_cli *cli, int argc, char **argv)
{
	size_t i;
	int ch;

	if (argc > 1) {
		rp_cli_opt_begin();
		while ((ch = rp_cli_getopt(cli, argc, argv, "h", help_longopts, usage_help)) != -1) {
			switch (ch) {
			case 'h': return rp_cli_usage(cli, usage_help, 1);
			default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
			}
		}
	}
	if (argc > 1 && optind < argc) {
		for (i = 0; i < NCOMMANDS; i++) {
			if (strcmp(commands[i].name, argv[optind]) == 0) {
				char *args[] = { argv[optind], (char *)"--help", NULL };

				cli->cmd = commands[i].name;
				return commands[i].fn(cli, 2, args);
			}
		}
		rp_err(cli, "no such command '%s'", argv[optind]);
		return RP_EXIT_ERROR;
	}
	fputs(usage_main, stdout);
	for (i = 0; i < NCOMMANDS; i++)
		printf("  %-14s %s\n", commands[i].name, commands[i].summary);
	printf("\nEvery command takes --help. Exit status: 0 nothing found, 1 found, 2 error.\n"
	    "Environment: RIPOSTE_DB (database, default ./riposte.db), RIPOSTE_CONF (site\n"
	    "profile), RIPOSTE_DATA (a data/ directory overriding the built-in rules),\n"
	    "RIPOSTE_ACTOR (who is recorded in the case journal, default the user behind\n"
	    "sudo, else your login name), RIPOSTE_NOW (a fixed ISO 8601 time, for\n"
	    "reproducible outputs).\n");
	return RP_EXIT_CLEAN;
}

static int
cmd_version(struct rp_cli *cli, int argc, char **argv)
{
	int ch;

	if (argc > 1) {
		rp_cli_opt_begin();
		while ((ch = rp_cli_getopt(cli, argc, argv, "h", help_longopts, usage_version)) != -1) {
			switch (ch) {
			case 'h': return rp_cli_usage(cli, usage_version, 1);
			default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
			}
		}
		if (optind < argc) {
			rp_err(cli, "unexpected operand '%s'", argv[optind]);
			return rp_cli_usage(cli, usage_version, 0);
		}
	}
	printf("riposte %s\n", RIPOSTE_VERSION);
	return RP_EXIT_CLEAN;
}

int
main(int argc, char **argv)
{
	struct rp_cli cli = { .argv0 = "riposte" };
	const char *s;
	size_t i;
	int rc;

	setlocale(LC_CTYPE, "");
	cli.stdout_tty = isatty(STDOUT_FILENO);
	cli.stderr_tty = isatty(STDERR_FILENO);
	cli.data_dir = getenv("RIPOSTE_DATA");
	cli.now = time(NULL);
	if ((s = getenv("RIPOSTE_NOW")) != NULL && *s) {
		if (rp_time_parse(s, &cli.now, NULL) != 0) {
			rp_err(&cli, "RIPOSTE_NOW: '%s' is not an ISO 8601 time", s);
			return RP_EXIT_ERROR;
		}
	}
	if (argc < 2) {
		cmd_help(&cli, 1, argv);
		return RP_EXIT_ERROR;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cmd_help(&cli, 1, argv);
	if (strcmp(argv[1], "--version") == 0)
		return cmd_version(&cli, 1, argv);
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, argv[1]) == 0)
			break;
	if (i == NCOMMANDS) {
		rp_err(&cli, "'%s' is not a riposte command; see 'riposte help'", argv[1]);
		return RP_EXIT_ERROR;
	}
	cli.cmd = commands[i].name;
	/* text outputs in the site's time zone; machine formats stay UTC */
	rp_site_conf_tz_default(&cli);
	if (commands[i].flags & RP_CMD_NEEDS_DB) {
		cli.db_path = getenv("RIPOSTE_DB");
		if (cli.db_path == NULL || *cli.db_path == '\0')
			cli.db_path = "riposte.db";
	}
	rc = commands[i].fn(&cli, argc - 1, argv + 1);
	/* a full disk or a closed pipe must be an error, not a silently short output */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			rp_err(&cli, "cannot write to standard output: %s", strerror(errno));
		return RP_EXIT_ERROR;
	}
	return rc;
}
