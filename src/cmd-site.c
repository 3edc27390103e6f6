/*
 * riposte site: the site profile (riposte.conf) that the case's deadlines, drafts and
 * claim are computed from. `site check` says what is missing or stale before an
 * incident needs it.
 */
#include <getopt.h>
#include <string.h>

#include "case/config.h"
#include "commands.h"
#include "core/data.h"
#include "core/err.h"
#include "core/escape.h"
#include "site-conf.h"

static const char usage[] =
"NAME\n"
"    riposte site - check the site profile (riposte.conf)\n"
"\n"
"SYNOPSIS\n"
"    riposte site check [--config FILE] [--format text|jsonl|csv]\n"
"    riposte site example\n"
"\n"
"DESCRIPTION\n"
"    The site profile says who you are and whom to call: [site] name, address,\n"
"    country (CH, FR, DE or another EU/EEA code), sector (medical-practice, hospital,\n"
"    other), nis2 (none, important, essential), critical-infrastructure (yes, no),\n"
"    staff; [insurance] insurer, policy, hotline, currency, deductible,\n"
"    waiting-period, sublimit.CATEGORY; one [contact ROLE] per role (it-provider,\n"
"    insurer, police, regulator, dpo or lawyer, bank) with name, phone and/or email,\n"
"    and 'verified = YYYY-MM-DD', the day the number was last checked; one [client]\n"
"    per client with name, contact and language (fr, de, en, it).\n"
"\n"
"    'site check' lists what is missing, invalid, or stale: a contact verified more\n"
"    than a year ago (CIS Control 17.2: verify the incident contact list each year).\n"
"    'site example' prints a complete example (a Swiss medical practice) to start from.\n"
"\n"
"    The profile is read from --config FILE, else $RIPOSTE_CONF, else ./riposte.conf,\n"
"    else /etc/riposte/riposte.conf.\n"
"\n"
"OPTIONS\n"
"    --config FILE   the site profile to check\n"
"    --format F      text (default), jsonl or csv\n"
"    -h, --help      this text\n"
"\n"
"OUTPUT\n"
"    text: one line per finding, \"STATUS  WHERE  MESSAGE\", then a count.\n"
"    jsonl: {\"kind\":\"finding\",\"status\":\"missing|stale|invalid\",\"where\":\"contact police/verified\",\n"
"            \"message\":...}\n"
"           {\"kind\":\"summary\",\"config\":PATH,\"findings\":N,\"missing\":N,\"stale\":N,\"invalid\":N}\n"
"    csv: a header \"status,where,message\" and one record per finding.\n"
"\n"
"EXIT STATUS\n"
"    0 the profile is complete and current, 1 something is missing, invalid or stale,\n"
"    2 error (no profile found, unreadable, malformed line)\n"
"\n"
"EXAMPLES\n"
"    riposte site example > riposte.conf\n"
"    riposte site check\n"
"    RIPOSTE_CONF=/srv/praxis/riposte.conf riposte site check --format jsonl\n";

struct out {
	struct rp_buf b;
	int jsonl, csv;
	size_t n[3];
};

static int
finding(const struct rp_site_issue *is, void *ctx)
{
	struct out *o = ctx;
	int lossy = 0;

	o->n[strcmp(is->status, "missing") == 0 ? 0 : strcmp(is->status, "stale") == 0 ? 1 : 2]++;
	if (o->csv) {
		rp_esc_csv(&o->b, is->status, strlen(is->status));
		rp_buf_addch(&o->b, ',');
		rp_esc_csv(&o->b, is->where, strlen(is->where));
		rp_buf_addch(&o->b, ',');
		rp_esc_csv(&o->b, is->message, strlen(is->message));
		return rp_buf_addstr(&o->b, "\r\n");
	}
	if (o->jsonl) {
		rp_buf_addstr(&o->b, "{\"kind\":\"finding\",\"status\":");
		rp_json_str(&o->b, is->status);
		rp_buf_addstr(&o->b, ",\"where\":");
		rp_json_str(&o->b, is->where);
		rp_buf_addstr(&o->b, ",\"message\":\"");
		rp_esc_json(&o->b, is->message, strlen(is->message), &lossy);
		return rp_buf_addstr(&o->b, "\"}\n");
	}
	rp_buf_addf(&o->b, "%-8s %-30s ", is->status, is->where);
	rp_esc_text(&o->b, is->message, strlen(is->message));
	return rp_buf_addch(&o->b, '\n');
}

static const struct option longopts[] = {
	{ "config", required_argument, NULL, 'c' },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int
cmd_site(struct rp_cli *cli, int argc, char **argv)
{
	struct out o = { RP_BUF_INIT, 0, 0, { 0, 0, 0 } };
	struct rp_ini *ini = NULL;
	const char *config = NULL, *format = "text", *used = NULL;
	int ch, fmt, rc = RP_EXIT_ERROR, r;

	rp_cli_opt_begin();
	while ((ch = rp_cli_getopt(cli, argc, argv, "h", longopts, usage)) != -1) {
		switch (ch) {
		case 'c': config = optarg; break;
		case 'f': format = optarg; break;
		case 'h': return rp_cli_usage(cli, usage, 1);
		default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	if (optind >= argc) {
		rp_err(cli, "missing subcommand: check or example; see 'riposte site --help'");
		return RP_EXIT_ERROR;
	}
	if (strcmp(argv[optind], "example") == 0 && optind + 1 == argc) {
		if ((r = rp_data_load(cli->data_dir, "examples/riposte.conf", &o.b)) != 0) {
			rp_err(cli, "example: %s", rp_strerror(r));
			return RP_EXIT_ERROR;
		}
		rc = rp_cli_put(cli, &o.b) == 0 ? RP_EXIT_CLEAN : RP_EXIT_ERROR;
		rp_buf_release(&o.b);
		return rc;
	}
	if (strcmp(argv[optind], "check") != 0 || optind + 1 != argc) {
		rp_err(cli, "'%s' is not a site subcommand (check, example)", argv[optind]);
		return RP_EXIT_ERROR;
	}
	if ((fmt = rp_cli_format(cli, format, "text,jsonl,csv")) < 0)
		return RP_EXIT_ERROR;
	o.jsonl = fmt == RP_FMT_JSONL;
	o.csv = fmt == RP_FMT_CSV;
	if (o.csv)
		rp_buf_addstr(&o.b, "status,where,message\r\n");
	if (rp_site_conf_load(cli, config, &ini, &used) != 0)
		return RP_EXIT_ERROR;
	if (ini == NULL) {
		rp_err(cli, "no site profile: none of $RIPOSTE_CONF, ./riposte.conf, "
		    "/etc/riposte/riposte.conf exists; start from 'riposte site example'");
		return RP_EXIT_ERROR;
	}
	if ((r = rp_site_check(ini, cli->now, finding, &o)) != 0) {
		rp_err(cli, "check: %s", rp_strerror(r));
		goto out;
	}
	if (o.jsonl) {
		rp_buf_addstr(&o.b, "{\"kind\":\"summary\",");
		rp_cli_path_json(&o.b, "config", used, strlen(used));
		rp_buf_addf(&o.b, "\"findings\":%zu,\"missing\":%zu,\"stale\":%zu,\"invalid\":%zu}\n",
		    o.n[0] + o.n[1] + o.n[2], o.n[0], o.n[1], o.n[2]);
	} else if (!o.csv) {
		rp_esc_text(&o.b, used, strlen(used));
		if (o.n[0] + o.n[1] + o.n[2] == 0)
			rp_buf_addstr(&o.b, ": complete, every contact verified within the year\n");
		else
			rp_buf_addf(&o.b, ": %zu missing, %zu stale, %zu invalid\n", o.n[0], o.n[1], o.n[2]);
	}
	if (rp_cli_put(cli, &o.b) != 0)
		goto out;
	rc = o.n[0] + o.n[1] + o.n[2] ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	rp_buf_release(&o.b);
	rp_ini_free(ini);
	return rc;
}
