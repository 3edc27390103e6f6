/*
 * riposte mail: the verbs over the mail engine (lib/mail). One row per verb; each verb
 * is a file of its own (cmd-mail-scan.c, cmd-mail-trace.c) with its options and manual.
 * Options may come before the verb ("mail --format jsonl scan STORE"): the verb is the
 * first operand, found by stepping over the options and their values with the verbs'
 * own option tables.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "mail-opts.h"
#include "mail-trace.h"

static const struct mail_verb verbs[] = {
	{ "scan", "mail scan", cmd_mail_scan, mail_scan_longopts, "j:aqh",
	  "what the stores hold: dangerous attachments and links, bank-detail fraud, rules" },
	{ "trace", "mail trace", cmd_mail_trace, mail_trace_longopts, "j:h",
	  "who must be told: infected, exposed, precautionary, by organisation" },
};
#define NVERBS (sizeof(verbs) / sizeof(verbs[0]))

static const char usage[] =
"NAME\n"
"    riposte mail - look at mail: what was sent, what it carried, who must be told\n"
"\n"
"SYNOPSIS\n"
"    riposte mail VERB [OPTIONS] STORE...\n"
"\n"
"DESCRIPTION\n"
"    A client says you sent them a virus, or intruders used your mailbox to send invoices\n"
"    \"with our new bank details\". The verbs:\n";

static const char usage_tail[] =
"\n"
"    Each verb reads the stores read-only (O_NOATIME: no time of any file moves) and\n"
"    takes the same matching options (--ioc, --rules, --clamav-db, --since, --until,\n"
"    --mailbox, --case, --db, --config); 'riposte mail VERB --help' is its manual.\n"
"\n"
"OPTIONS\n"
"    Options may come before or after the verb and its operands; -- ends them.\n"
"    -h, --help        this text\n"
"\n"
"EXIT STATUS\n"
"    The verb's: 0 nothing found, 1 found, 2 error (no verb, an unknown one).\n"
"\n"
"EXAMPLES\n"
"    riposte mail scan /var/vmail/praxis-muster.example/empfang\n"
"    riposte mail --format jsonl scan outlook-export.pst --ioc iocs.txt\n";

static int
takes_value(const char *arg, int *skip)
{
	size_t i;

	*skip = 0;
	if (strncmp(arg, "--", 2) == 0) {
		const char *name = arg + 2, *eq = strchr(name, '=');
		size_t n = eq ? (size_t)(eq - name) : strlen(name);

		if (eq)
			return 1;
		for (i = 0; i < NVERBS; i++) {
			const struct option *o;

			for (o = verbs[i].longopts; o->name; o++)
				if (strlen(o->name) == n && strncmp(o->name, name, n) == 0) {
					*skip = o->has_arg == required_argument;
					return 1;
				}
		}
		return 1;
	}
	/* -j N, -jN, -aq */
	for (i = 0; i < NVERBS; i++) {
		const char *p = strchr(verbs[i].shortopts, arg[1]);

		if (arg[1] && p && p[1] == ':' && arg[2] == '\0') {
			*skip = 1;
			break;
		}
	}
	return 1;
}

int
cmd_mail(struct rp_cli *cli, int argc, char **argv)
{
	int i, skip, v = -1;
	size_t k;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			if (i + 1 < argc)
				v = i + 1;
			break;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				break;
			takes_value(argv[i], &skip);
			i += skip;
			continue;
		}
		v = i;
		break;
	}
	if (v < 0) {
		int help = 0;

		for (i = 1; i < argc; i++)
			if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
				help = 1;
		fputs(usage, help ? stdout : stderr);
		for (k = 0; k < NVERBS; k++)
			fprintf(help ? stdout : stderr, "      %-6s %s\n", verbs[k].name, verbs[k].summary);
		fputs(usage_tail, help ? stdout : stderr);
		if (!help)
			rp_err(cli, "no verb given (scan, trace)");
		return help ? RP_EXIT_CLEAN : RP_EXIT_ERROR;
	}
	for (k = 0; k < NVERBS; k++) {
		if (strcmp(argv[v], verbs[k].name) == 0) {
			/* the verb's argv: the verb word taken out, argv[0] kept */
			char **nv = malloc(sizeof(char *) * (size_t)(argc + 1));
			int n = 0, rc;

			if (nv == NULL)
				return RP_EXIT_ERROR;
			for (i = 0; i < argc; i++)
				if (i != v)
					nv[n++] = argv[i];
			nv[n] = NULL;
			/* messages and "Try 'riposte mail scan --help'" name the verb */
			cli->cmd = verbs[k].cmd;
			rc = verbs[k].fn(cli, n, nv);
			free(nv);
			return rc;
		}
	}
	rp_err(cli, "'%s' is not a mail verb (scan, trace)", argv[v]);
	return RP_EXIT_ERROR;
}
