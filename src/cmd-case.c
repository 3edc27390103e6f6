/*
 * riposte case: the incident case — journal, facts, deadlines, notifications, IOCs,
 * costs, claim, report. This file holds the manual, the one option table (options
 * anywhere, for every sub-command) and the table of sub-commands; the sub-commands are
 * in cmd-case-*.c by theme, and every decision in lib/case.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "cli-journal.h"
#include "cmd-case.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "site-conf.h"
#include "store/store.h"

static const char usage[] =
"NAME\n"
"    riposte case - the incident case: journal, deadlines, notifications, costs, claim, report\n"
"\n"
"SYNOPSIS\n"
"    riposte case open --title T --discovered ISO8601 [--how TEXT]\n"
"    riposte case show | list                    [--format text|jsonl|csv]\n"
"    riposte case verify                         [--format text|jsonl]\n"
"    riposte case log [--at ISO8601] TEXT\n"
"    riposte case facts [--personal-data yes|no] [--health-data yes|no] [--high-risk yes|no]\n"
"                       [--extortion yes|no] [--exfiltration yes|no|unknown]\n"
"    riposte case attach [--source scan|exfil|collect|watch] FILE.jsonl\n"
"    riposte case deadlines [--format text|jsonl|csv]\n"
"    riposte case notify --to insurer|authority|police|it-provider|client|clients\n"
"                        [--lang fr|de|en] [--client NAME] [-o FILE]\n"
"                        [--sent [--sent-at ISO8601] [--file SENTFILE] [--deadline ID]]\n"
"    riposte case notify --to clients -o DIR [--format text|jsonl]\n"
"                        [--sent [--sent-at ISO8601] [--deadline ID]]\n"
"    riposte case ioc add --type sha256|domain|ipv4|url|email|filename VALUE\n"
"    riposte case iocs [--format text|jsonl|csv|stix]\n"
"    riposte case cost add --category CAT (--amount X | --hours H --rate R)\n"
"                          [--currency C] [--note TEXT] [--client NAME]\n"
"    riposte case cost list [--format text|jsonl|csv]\n"
"    riposte case claim [--format text|jsonl|csv]\n"
"    riposte case root-cause TEXT\n"
"    riposte case lesson TEXT\n"
"    riposte case action --owner WHO --due DATE TEXT\n"
"    riposte case entry --vector V [--finding ID]... TEXT\n"
"    riposte case accept FINDING --reason TEXT\n"
"    riposte case close [--root-cause TEXT] [--force]\n"
"    riposte case report --format html|md|pdf -o FILE [--lang fr|de|en]\n"
"\n"
"DESCRIPTION\n"
"    One case per incident. Every command appends to the case's journal, which is\n"
"    append-only and hash-chained: each entry holds the SHA-256 of the previous one,\n"
"    so 'case verify' detects any entry altered or removed in the database. Facts,\n"
"    costs, IOCs, notifications sent, the root cause, lessons and actions are all\n"
"    journal entries; deadlines, the claim and the report are computed from them and\n"
"    from the site profile (riposte.conf, see 'riposte site --help').\n"
"\n"
"    Commands act on the latest open case unless --case ID is given. --discovered is\n"
"    the time of awareness: legal deadlines run from it. Deadlines come from the\n"
"    obligations shipped in data/obligations/obligations.ini (ids insurer, gdpr-art33,\n"
"    gdpr-art34, ch-fadp-art24, ch-isg, ch-isg-complete, nis2-early-warning,\n"
"    nis2-notification, nis2-final, fr-l12-10-1, fr-ars), selected by the site's\n"
"    country, sector, NIS2 and critical-infrastructure status and by the facts.\n"
"\n"
"    notify drafts the message from data/templates/LANG/ (GDPR Art. 33(3) or Swiss\n"
"    DSV Art. 15 contents for --to authority, the insurer's first-call sheet with the\n"
"    policy number, the police complaint, the letter to infected clients with the\n"
"    IOCs, the precautionary letter to all clients with the bank-details warning).\n"
"    With --sent it records when, to whom and the SHA-256 of what was sent (SENTFILE\n"
"    if given, else the draft) and closes the matching deadline (--deadline ID, else\n"
"    the earliest one not done for that recipient).\n"
"\n"
"    When the case holds the correspondents a mail trace recorded ('riposte mail\n"
"    trace --case'), --to clients -o DIR writes one letter per organisation (one per\n"
"    person at a public mail provider such as gmail.com or bluewin.ch) into DIR,\n"
"    named after it: the infected letter (what was sent, when, the indicators and\n"
"    file hashes, what to do now, the fraudulent IBAN if one was given), the exposed\n"
"    and the precautionary letter (what happened, what to look for). The site's\n"
"    [client] entries that received nothing get the precautionary letter too. Each\n"
"    goes in its client's language, else the site's 'language =', else English, and\n"
"    every one carries the warning that we never change our bank details by e-mail,\n"
"    with the site's phone number ([site] phone =). --sent records each letter.\n"
"\n"
"    report writes the final report (summary, timeline, scope, deadlines against\n"
"    the notifications sent, correspondents warned, costs and claim, root cause,\n"
"    lessons, actions, the journal's last hash) in the site's language ([site]\n"
"    language = fr, de or en; else English) unless --lang says another: dates\n"
"    as the language writes them (5. Dezember 2026, 5 décembre 2026), times in the\n"
"    site's zone, numbers and money as the site's country writes them\n"
"    (CHF 25'000.00 in Switzerland, 25 000,00 € in France, 25.000,00 € in\n"
"    Germany). The timeline quotes the journal's entries as they were recorded.\n"
"\n"
"    Money is kept in integer minor units (centimes): --amount 18000 or 18'000.50;\n"
"    --hours 7.5 --rate 120 gives 900.00. The claim applies the site's sublimits\n"
"    (sublimit.CATEGORY), the waiting period to interruption hours, and the\n"
"    deductible: claimable = covered - deductible; own share = total - claimable.\n"
"    The policy's limit ([insurance] limit =) caps what the insurer pays.\n"
"    Categories: it forensics internal legal notification interruption ransom other,\n"
"    and liability: a client's claim against us for the damage at theirs (--client\n"
"    NAME), in the policy's third-party section with its own liability_limit and\n"
"    liability_deductible (once for all the claims of the incident).\n"
"\n"
"    entry records how the attack came in: --vector phishing, mail-forwarded,\n"
"    exposed-service, stolen-credentials, unpatched, supplier, removable-media,\n"
"    insider or unknown (then TEXT says why it stays unknown), with the ids of the\n"
"    'riposte harden' findings that explain it (--finding smb1-enabled ...).\n"
"    'harden --case' records each harden run and makes an improvement action of every\n"
"    high finding (owner and due date) unless it was accepted: 'case accept FINDING\n"
"    --reason TEXT' keeps a finding on purpose. A case closes only when its root\n"
"    cause and its way in are recorded and every finding tied to the way in is gone\n"
"    on the last harden run (or accepted); --force closes anyway and the journal says\n"
"    what was missing. Closing also makes the threats the way in stands for more\n"
"    likely in the risk register ('riposte risk', once per case). The report's\n"
"    section \"How it came in and what was closed\" shows the way in, its findings\n"
"    and actions with their state, and the harden runs before and after.\n"
"\n"
"OPTIONS\n"
"    --case ID        act on case ID instead of the latest open case\n"
"    --db FILE        database (default: $RIPOSTE_DB, else ./riposte.db)\n"
"    --config FILE    site profile (default: $RIPOSTE_CONF, ./riposte.conf,\n"
"                     /etc/riposte/riposte.conf)\n"
"    --format F       output format, as listed per command above\n"
"    -o FILE          write the draft or report to FILE (report: required);\n"
"                     notify --to clients: the directory of the letters\n"
"    --lang L         notify, report: fr, de or en (default: notify --client: the\n"
"                     client's 'language ='; else the site's; else en)\n"
"    --client NAME    notify: the client the letter is to; cost add: the client\n"
"                     who claims (--category liability)\n"
"    --at ISO8601     log: when the event happened, if not now (the report's timeline\n"
"                     is in event order: the incident, then the response)\n"
"    --source NAME    attach: which tool made the file (default: the summary's\n"
"                     \"command\" or \"tool\", else the first line's kind)\n"
"    --force          close although a condition is not met (journaled)\n"
"    --vector V       entry: how it came in (see above)\n"
"    --finding ID     entry: a harden finding id that explains it; repeatable\n"
"    --reason TEXT    accept: why the finding stays\n"
"    -h, --help       this text\n"
"\n"
"OUTPUT\n"
"    JSONL lines, each with \"kind\"; the last line of a listing is \"summary\":\n"
"    {\"kind\":\"case\",\"id\":1,\"title\":...,\"discovered\":ISO8601,\"opened\":...,\n"
"     \"closed\":ISO8601|null,\"how\":...,\"root_cause\":...,\"facts\":{\"personal-data\":\"yes\",...}}\n"
"    {\"kind\":\"entry\",\"seq\":1,\"time\":...,\"type\":\"open\",\"actor\":...,\"text\":...}\n"
"    {\"kind\":\"deadline\",\"id\":\"gdpr-art33\",\"authority\":...,\"due\":ISO8601,\n"
"     \"status\":\"open|done|overdue\",\"basis\":...,\"when\":...,\"to\":...,\"done\":ISO8601|null}\n"
"    {\"kind\":\"category\",\"category\":\"it\",\"total\":1800000,\"sublimit\":null,\"covered\":1800000}\n"
"    {\"kind\":\"claim\",\"total\":2500000,\"covered\":2500000,\"deductible\":100000,\n"
"     \"claimable\":2400000,\"own_share\":100000,\"currency\":\"CHF\",\n"
"     \"waiting_period_hours\":12,\"waiting_excluded\":0,\"section\":\"first-party\",\n"
"     \"limit\":25000000}\n"
"    {\"kind\":\"liability\",\"client\":...,\"claimed\":800000,\"currency\":\"CHF\"}\n"
"    {\"kind\":\"claim\",...,\"section\":\"liability\",\"limit\":100000000}\n"
"     (amounts in minor units)\n"
"    {\"kind\":\"letter\",\"org\":\"labor.example\",\"name\":...,\"client\":...,\"lang\":\"de\",\n"
"     \"class\":\"infected|exposed|precautionary\",\"file\":...,\"addresses\":[...],\n"
"     \"sha256\":...}\n"
"    {\"kind\":\"cost\",\"time\":...,\"category\":...,\"amount\":...,\"currency\":...,\"note\":...}\n"
"    {\"kind\":\"ioc\",\"time\":...,\"type\":\"sha256\",\"value\":...}\n"
"    {\"kind\":\"summary\",...counts...}\n"
"    Times in JSON and CSV are UTC (\"2026-11-20T06:30:00Z\"); text views use local\n"
"    time. CSV has a header row; its amounts are decimal (\"25000.00\").\n"
"\n"
"EXIT STATUS\n"
"    0 success (verify: journal intact; deadlines: none overdue)\n"
"    1 verify: the journal was altered; deadlines: at least one is overdue;\n"
"      close: refused (no root cause, no way in, or a finding of the way in open)\n"
"    2 error\n"
"\n"
"ENVIRONMENT\n"
"    RIPOSTE_DB, RIPOSTE_CONF, RIPOSTE_NOW (the current time, for tests),\n"
"    RIPOSTE_ACTOR (who is recorded in the journal; default the user behind sudo,\n"
"    else your login name)\n"
"\n"
"EXAMPLES\n"
"    riposte case open --title 'Ransomware on the practice server' \\\n"
"        --discovered 2026-11-20T06:30+01:00 --how 'ransom note on the server'\n"
"    riposte case facts --personal-data yes --health-data yes --high-risk no\n"
"    riposte case deadlines\n"
"    riposte case notify --to insurer --lang de --sent\n"
"    riposte case cost add --category it --amount 18000 --note 'IT provider invoice'\n"
"    riposte case claim --format jsonl\n"
"    riposte case notify --to clients -o letters --sent\n"
"    riposte case cost add --category liability --client 'Labor Beispiel AG' \\\n"
"        --amount 8000 --note 'IT provider cleaning two workstations'\n"
"    riposte case report --format pdf -o report.pdf\n";

enum {
	O_DB = 256, O_CASE, O_CONFIG, O_FORMAT, O_TITLE, O_DISCOVERED, O_HOW, O_FORCE,
	O_ROOTCAUSE, O_FACT, O_TO = O_FACT + RP_FACT_COUNT, O_LANG, O_SENT, O_SENTAT,
	O_FILE, O_DEADLINE, O_CLIENT, O_TYPE, O_CATEGORY, O_AMOUNT, O_HOURS, O_RATE,
	O_CURRENCY, O_NOTE, O_OWNER, O_DUE, O_AT, O_SOURCE, O_VECTOR, O_FINDING, O_REASON,
};

static const struct option longopts[] = {
	{ "db", required_argument, NULL, O_DB },
	{ "case", required_argument, NULL, O_CASE },
	{ "config", required_argument, NULL, O_CONFIG },
	{ "format", required_argument, NULL, O_FORMAT },
	{ "title", required_argument, NULL, O_TITLE },
	{ "discovered", required_argument, NULL, O_DISCOVERED },
	{ "how", required_argument, NULL, O_HOW },
	{ "force", no_argument, NULL, O_FORCE },
	{ "root-cause", required_argument, NULL, O_ROOTCAUSE },
	{ "personal-data", required_argument, NULL, O_FACT + RP_FACT_PERSONAL_DATA },
	{ "health-data", required_argument, NULL, O_FACT + RP_FACT_HEALTH_DATA },
	{ "high-risk", required_argument, NULL, O_FACT + RP_FACT_HIGH_RISK },
	{ "extortion", required_argument, NULL, O_FACT + RP_FACT_EXTORTION },
	{ "exfiltration", required_argument, NULL, O_FACT + RP_FACT_EXFILTRATION },
	{ "to", required_argument, NULL, O_TO },
	{ "lang", required_argument, NULL, O_LANG },
	{ "sent", no_argument, NULL, O_SENT },
	{ "sent-at", required_argument, NULL, O_SENTAT },
	{ "file", required_argument, NULL, O_FILE },
	{ "deadline", required_argument, NULL, O_DEADLINE },
	{ "client", required_argument, NULL, O_CLIENT },
	{ "type", required_argument, NULL, O_TYPE },
	{ "category", required_argument, NULL, O_CATEGORY },
	{ "amount", required_argument, NULL, O_AMOUNT },
	{ "hours", required_argument, NULL, O_HOURS },
	{ "rate", required_argument, NULL, O_RATE },
	{ "currency", required_argument, NULL, O_CURRENCY },
	{ "note", required_argument, NULL, O_NOTE },
	{ "owner", required_argument, NULL, O_OWNER },
	{ "due", required_argument, NULL, O_DUE },
	{ "at", required_argument, NULL, O_AT },
	{ "source", required_argument, NULL, O_SOURCE },
	{ "vector", required_argument, NULL, O_VECTOR },
	{ "finding", required_argument, NULL, O_FINDING },
	{ "reason", required_argument, NULL, O_REASON },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* One row per sub-command. */
#define CX_CREATE 0x1        /* may create the database */
static const struct {
	const char *name;
	int (*fn)(struct cx *c);
	unsigned flags;
} subs[] = {
	{ "open",       cx_open,       CX_CREATE },
	{ "show",       cx_show,       0 },
	{ "list",       cx_list,       0 },
	{ "log",        cx_log,        0 },
	{ "facts",      cx_facts,      0 },
	{ "verify",     cx_verify,     0 },
	{ "attach",     cx_attach,     0 },
	{ "deadlines",  cx_deadlines,  0 },
	{ "notify",     cx_notify,     0 },
	{ "ioc",        cx_ioc,        0 },
	{ "iocs",       cx_iocs,       0 },
	{ "cost",       cx_cost,       0 },
	{ "claim",      cx_claim,      0 },
	{ "close",      cx_close,      0 },
	{ "report",     cx_report,     0 },
	{ "root-cause", cx_root_cause, 0 },
	{ "lesson",     cx_lesson,     0 },
	{ "action",     cx_action,     0 },
	{ "entry",      cx_entry,      0 },
	{ "accept",     cx_accept,     0 },
};

/* ---- what the sub-commands share ---- */

void
cx_done(const struct cx *c, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: %s: ", c->cli->argv0, c->cli->cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
cx_store_err(const struct cx *c, int r)
{
	if (r == RP_ERR_NOTFOUND)
		rp_err(c->cli, "no open case: open one with 'riposte case open' or choose one with --case");
	else
		rp_err(c->cli, "'%s': %s", c->cli->db_path, rp_strerror(r));
	return RP_EXIT_ERROR;
}

static void
no_case(const struct cx *c, int r)
{
	if (r == RP_ERR_NOTFOUND && c->o.case_id)
		rp_err(c->cli, "no case %lld in '%s'", (long long)c->o.case_id, c->cli->db_path);
	else
		cx_store_err(c, r);
}

int
cx_resolve(struct cx *c, int64_t *id)
{
	struct rp_case_info info;
	int r;

	if ((r = rp_case_get(c->st, c->o.case_id, &info)) != 0) {
		no_case(c, r);
		return -1;
	}
	*id = info.id;
	rp_case_info_release(&info);
	return 0;
}

int
cx_load(struct cx *c, struct rp_case *k)
{
	int r;

	if ((r = rp_case_load(c->st, c->o.case_id, k)) != 0) {
		no_case(c, r);
		return -1;
	}
	return 0;
}

int
cx_need_args(const struct cx *c, int n, const char *what)
{
	if (c->o.nargs != n) {
		rp_err(c->cli, "%s: expected %s (see 'riposte case --help')", c->o.nargs < n ?
		    "missing argument" : "too many arguments", what);
		return -1;
	}
	return 0;
}

int
cx_want_format(struct cx *c, const char *allowed, int dflt)
{
	if (c->o.format == NULL)
		return c->o.fmt = dflt;
	return c->o.fmt = rp_cli_format(c->cli, c->o.format, allowed);
}

int
cx_put(const struct cx *c, struct rp_buf *b)
{
	int r = rp_cli_put(c->cli, b);

	rp_buf_reset(b);
	return r;
}

void
cx_warn_no_site(const struct cx *c)
{
	if (c->site == NULL)
		rp_warn(c->cli, "no site profile (riposte.conf) found: only the obligations that do not "
		    "depend on the country apply; see 'riposte site --help'");
	else if (!rp_site_country_known(rp_ini_get(c->site, "site", "country")))
		rp_warn(c->cli, "the site profile has no known [site] country: legal deadlines "
		    "cannot be computed");
}

int
cx_deadlines_of(const struct cx *c, const struct rp_case *k, struct rp_deadlines *d)
{
	int r;

	if ((r = rp_case_deadlines(c->cli->data_dir, k, c->site, c->cli->now, d)) != 0) {
		rp_err(c->cli, "obligations data: %s", rp_strerror(r));
		return -1;
	}
	return 0;
}

int
cx_claim_of(const struct cx *c, const struct rp_case *k, struct rp_claim *cl)
{
	if (c->site == NULL)
		rp_warn(c->cli, "no site profile (riposte.conf): no deductible, sublimits or waiting "
		    "period applied");
	if (rp_claim_compute(k, c->site, cl) != 0) {
		rp_err(c->cli, "[insurance]: deductible, waiting-period or a sublimit is malformed "
		    "(see 'riposte site check')");
		return -1;
	}
	return 0;
}

/* ---- dispatch ---- */

int
cmd_case(struct rp_cli *cli, int argc, char **argv)
{
	struct cx c;
	const char *sub;
	unsigned long long u;
	size_t i;
	int ch, r, rc;

	memset(&c, 0, sizeof(c));
	c.cli = cli;
	c.o.fmt = -1;
	rp_cli_opt_begin();
	/* options anywhere, the sub-command's words included ("ioc add --type x V") */
	while ((ch = rp_cli_getopt(cli, argc, argv, "ho:", longopts, usage)) != -1) {
		switch (ch) {
		case 'h':
			return rp_cli_usage(cli, usage, 1);
		case 'o': c.o.out = optarg; break;
		case O_DB: cli->db_path = optarg; break;
		case O_CASE:
			if (rp_cli_uint(cli, "--case", optarg, 1, INT64_MAX, &u) != 0)
				return RP_EXIT_ERROR;
			c.o.case_id = (int64_t)u;
			break;
		case O_CONFIG: c.o.config = optarg; break;
		case O_FORMAT: c.o.format = optarg; break;
		case O_TITLE: c.o.title = optarg; break;
		case O_DISCOVERED: c.o.discovered = optarg; break;
		case O_HOW: c.o.how = optarg; break;
		case O_FORCE: c.o.force = 1; break;
		case O_ROOTCAUSE: c.o.root_cause = optarg; break;
		case O_TO: c.o.to = optarg; break;
		case O_LANG: c.o.lang = optarg; break;
		case O_SENT: c.o.sent = 1; break;
		case O_SENTAT: c.o.sent_at = optarg; break;
		case O_FILE: c.o.file = optarg; break;
		case O_DEADLINE: c.o.deadline = optarg; break;
		case O_CLIENT: c.o.client = optarg; break;
		case O_TYPE: c.o.type = optarg; break;
		case O_CATEGORY: c.o.category = optarg; break;
		case O_AMOUNT: c.o.amount = optarg; break;
		case O_HOURS: c.o.hours = optarg; break;
		case O_RATE: c.o.rate = optarg; break;
		case O_CURRENCY: c.o.currency = optarg; break;
		case O_NOTE: c.o.note = optarg; break;
		case O_OWNER: c.o.owner = optarg; break;
		case O_DUE: c.o.due = optarg; break;
		case O_AT: c.o.at = optarg; break;
		case O_SOURCE: c.o.source = optarg; break;
		case O_VECTOR: c.o.vector = optarg; break;
		case O_REASON: c.o.reason = optarg; break;
		case O_FINDING:
			if (c.o.nfindings == (int)(sizeof(c.o.findings) / sizeof(c.o.findings[0]))) {
				rp_err(cli, "--finding: at most %d", c.o.nfindings);
				return RP_EXIT_ERROR;
			}
			c.o.findings[c.o.nfindings++] = optarg;
			break;
		default:
			if (ch >= O_FACT && ch < O_FACT + RP_FACT_COUNT) {
				c.o.facts[ch - O_FACT] = optarg;
				break;
			}
			return RP_EXIT_ERROR;   /* '?': said by rp_cli_getopt */
		}
	}
	if (optind >= argc) {
		rp_err(cli, "missing subcommand (open, show, log, facts, deadlines, notify, ...); "
		    "see 'riposte case --help'");
		return RP_EXIT_ERROR;
	}
	sub = argv[optind++];
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(subs[i].name, sub) == 0)
			break;
	if (i == sizeof(subs) / sizeof(subs[0])) {
		rp_err(cli, "'%s' is not a case subcommand; see 'riposte case --help'", sub);
		return RP_EXIT_ERROR;
	}
	c.o.args = argv + optind;
	c.o.nargs = argc - optind;
	c.actor = rp_cli_actor();
	if (rp_site_conf_load(cli, c.o.config, &c.site, NULL) != 0)
		return RP_EXIT_ERROR;
	if ((r = rp_store_open(&c.st, cli->db_path, subs[i].flags & CX_CREATE ? RP_STORE_CREATE : 0)) != 0) {
		if (r == RP_ERR_NOTFOUND)
			rp_err(cli, "no database '%s': open a case first ('riposte case open')", cli->db_path);
		else
			rp_err(cli, "cannot open database '%s': %s", cli->db_path, rp_strerror(r));
		rp_ini_free(c.site);
		return RP_EXIT_ERROR;
	}
	rc = subs[i].fn(&c);
	rp_store_close(c.st);
	rp_ini_free(c.site);
	return rc;
}
