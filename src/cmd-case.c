/*
 * riposte case: the incident case — journal, facts, deadlines, notifications, IOCs,
 * costs, claim, report. Everything recorded goes into the case's hash-chained journal
 * (lib/case), one transaction per command.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "case/case.h"
#include "case/config.h"
#include "commands.h"
#include "core/data.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/sha256.h"
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
"    riposte case ioc add --type sha256|domain|ipv4|url|email|filename VALUE\n"
"    riposte case iocs [--format text|jsonl|csv|stix]\n"
"    riposte case cost add --category CAT (--amount X | --hours H --rate R)\n"
"                          [--currency C] [--note TEXT]\n"
"    riposte case cost list [--format text|jsonl|csv]\n"
"    riposte case claim [--format text|jsonl|csv]\n"
"    riposte case root-cause TEXT\n"
"    riposte case lesson TEXT\n"
"    riposte case action --owner WHO --due DATE TEXT\n"
"    riposte case close [--root-cause TEXT] [--force]\n"
"    riposte case report --format html|md|pdf -o FILE\n"
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
"    Money is kept in integer minor units (centimes): --amount 18000 or 18'000.50;\n"
"    --hours 7.5 --rate 120 gives 900.00. The claim applies the site's sublimits\n"
"    (sublimit.CATEGORY), the waiting period to interruption hours, and the\n"
"    deductible: claimable = covered - deductible; own share = total - claimable.\n"
"    Categories: it forensics internal legal notification interruption ransom other.\n"
"\n"
"OPTIONS\n"
"    --case ID        act on case ID instead of the latest open case\n"
"    --db FILE        database (default: $RIPOSTE_DB, else ./riposte.db)\n"
"    --config FILE    site profile (default: $RIPOSTE_CONF, ./riposte.conf,\n"
"                     /etc/riposte/riposte.conf)\n"
"    --format F       output format, as listed per command above\n"
"    -o FILE          write the draft or report to FILE (report: required)\n"
"    --at ISO8601     log: when the event happened, if not now (the report's timeline\n"
"                     is in event order: the incident, then the response)\n"
"    --source NAME    attach: which tool made the file (default: the summary's\n"
"                     \"command\" or \"tool\", else the first line's kind)\n"
"    --force          close without a recorded root cause\n"
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
"     \"waiting_period_hours\":12,\"waiting_excluded\":0}   (amounts in minor units)\n"
"    {\"kind\":\"cost\",\"time\":...,\"category\":...,\"amount\":...,\"currency\":...,\"note\":...}\n"
"    {\"kind\":\"ioc\",\"time\":...,\"type\":\"sha256\",\"value\":...}\n"
"    {\"kind\":\"summary\",...counts...}\n"
"    Times in JSON and CSV are UTC (\"2026-11-20T06:30:00Z\"); text views use local\n"
"    time. CSV has a header row; its amounts are decimal (\"25000.00\").\n"
"\n"
"EXIT STATUS\n"
"    0 success (verify: journal intact; deadlines: none overdue)\n"
"    1 verify: the journal was altered; deadlines: at least one is overdue;\n"
"      close: refused because no root cause is recorded\n"
"    2 error\n"
"\n"
"ENVIRONMENT\n"
"    RIPOSTE_DB, RIPOSTE_CONF, RIPOSTE_NOW (the current time, for tests),\n"
"    RIPOSTE_ACTOR (who is recorded in the journal; default $USER)\n"
"\n"
"EXAMPLES\n"
"    riposte case open --title 'Ransomware on the practice server' \\\n"
"        --discovered 2026-11-20T06:30+01:00 --how 'ransom note on the server'\n"
"    riposte case facts --personal-data yes --health-data yes --high-risk no\n"
"    riposte case deadlines\n"
"    riposte case notify --to insurer --lang de --sent\n"
"    riposte case cost add --category it --amount 18000 --note 'IT provider invoice'\n"
"    riposte case claim --format jsonl\n"
"    riposte case report --format pdf -o report.pdf\n";

enum {
	O_DB = 256, O_CASE, O_CONFIG, O_FORMAT, O_TITLE, O_DISCOVERED, O_HOW, O_FORCE,
	O_ROOTCAUSE, O_FACT, O_TO = O_FACT + RP_FACT_COUNT, O_LANG, O_SENT, O_SENTAT,
	O_FILE, O_DEADLINE, O_CLIENT, O_TYPE, O_CATEGORY, O_AMOUNT, O_HOURS, O_RATE,
	O_CURRENCY, O_NOTE, O_OWNER, O_DUE, O_AT, O_SOURCE,
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
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct opts {
	int64_t case_id;
	const char *config, *format, *title, *discovered, *how, *root_cause, *to, *lang;
	const char *sent_at, *file, *deadline, *client, *type, *category, *amount, *hours;
	const char *rate, *currency, *note, *owner, *due, *out, *at, *source;
	const char *facts[RP_FACT_COUNT];
	int force, sent;
	int fmt;            /* parsed --format, or -1 */
	char **args;        /* positional arguments after the subcommand */
	int nargs;
};

struct ctx {
	struct rp_cli *cli;
	struct rp_store *st;
	struct opts o;
	struct rp_ini *site;
	const char *actor;
};

/* "riposte: case: note: ..." for things done that are not the command's output. */
static void
done(const struct rp_cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
done(const struct rp_cli *cli, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: %s: ", cli->argv0, cli->cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
store_err(struct ctx *c, int r)
{
	if (r == RP_ERR_NOTFOUND)
		rp_err(c->cli, "no open case: open one with 'riposte case open' or choose one with --case");
	else
		rp_err(c->cli, "'%s': %s", c->cli->db_path, rp_strerror(r));
	return RP_EXIT_ERROR;
}

/* The case to act on: --case, else the latest open one. */
static int
resolve(struct ctx *c, int64_t *id)
{
	struct rp_case_info info;
	int r;

	if ((r = rp_case_get(c->st, c->o.case_id, &info)) != 0) {
		if (r == RP_ERR_NOTFOUND && c->o.case_id)
			rp_err(c->cli, "no case %lld in '%s'", (long long)c->o.case_id, c->cli->db_path);
		else
			store_err(c, r);
		return -1;
	}
	*id = info.id;
	rp_case_info_release(&info);
	return 0;
}

static int
load(struct ctx *c, struct rp_case *k)
{
	int r;

	if ((r = rp_case_load(c->st, c->o.case_id, k)) != 0) {
		if (r == RP_ERR_NOTFOUND && c->o.case_id)
			rp_err(c->cli, "no case %lld in '%s'", (long long)c->o.case_id, c->cli->db_path);
		else
			store_err(c, r);
		return -1;
	}
	return 0;
}

static int
need_args(struct ctx *c, int n, const char *what)
{
	if (c->o.nargs != n) {
		rp_err(c->cli, "%s: expected %s (see 'riposte case --help')", c->o.nargs < n ?
		    "missing argument" : "too many arguments", what);
		return -1;
	}
	return 0;
}

static int
want_format(struct ctx *c, const char *allowed, int dflt)
{
	if (c->o.format == NULL)
		return c->o.fmt = dflt;
	return c->o.fmt = rp_cli_format(c->cli, c->o.format, allowed);
}

static int
put(struct ctx *c, struct rp_buf *b)
{
	int r = rp_cli_put(c->cli, b);

	rp_buf_reset(b);
	return r;
}

static int
add_time_json(struct rp_buf *b, const char *key, int64_t t)
{
	int r;

	if (t == RP_TIME_UNSET)
		return rp_buf_addf(b, ",\"%s\":null", key);
	if ((r = rp_buf_addf(b, ",\"%s\":\"", key)) != 0 || (r = rp_time_fmt_utc(b, t)) != 0)
		return r;
	return rp_buf_addch(b, '"');
}

static int
add_str_json(struct rp_buf *b, const char *key, const char *v)
{
	int r;

	if (v == NULL)
		return rp_buf_addf(b, ",\"%s\":null", key);
	if ((r = rp_buf_addf(b, ",\"%s\":", key)) != 0)
		return r;
	return rp_json_str(b, v);
}

/* One CSV record of n C-string fields (NULL = empty), RFC 4180 with rp_esc_csv. */
static int
csv_row(struct rp_buf *b, int n, ...)
{
	va_list ap;
	const char *v;
	int i, r = 0;

	va_start(ap, n);
	for (i = 0; i < n && r == 0; i++) {
		v = va_arg(ap, const char *);
		if (i && (r = rp_buf_addch(b, ',')) != 0)
			break;
		if (v)
			r = rp_esc_csv(b, v, strlen(v));
	}
	va_end(ap);
	return r ? r : rp_buf_addstr(b, "\r\n");
}

/* A UTC time or decimal amount as a CSV field (static buffers: one row at a time). */
static const char *
csv_time(struct rp_buf *b, int64_t t)
{
	rp_buf_reset(b);
	if (t == RP_TIME_UNSET)
		return "";
	rp_time_fmt_utc(b, t);
	return b->buf;
}

static const char *
csv_amount(struct rp_buf *b, int64_t v)
{
	rp_buf_reset(b);
	if (v < 0)
		return "";
	rp_buf_addf(b, "%lld.%02lld", (long long)(v / 100), (long long)(v % 100));
	return b->buf;
}

/* Text for people: escaped so that a hostile title cannot move the terminal. */
static int
add_text(struct rp_buf *b, const char *s)
{
	return rp_esc_text(b, s ? s : "-", strlen(s ? s : "-"));
}

/* ---- open, log, facts, root cause, lessons, actions, close ---- */

static int
sub_open(struct ctx *c)
{
	int64_t disc, id;
	int r;

	if (need_args(c, 0, "no arguments") != 0)
		return RP_EXIT_ERROR;
	if (c->o.title == NULL || c->o.discovered == NULL || !*c->o.title) {
		rp_err(c->cli, "open needs --title and --discovered (the time of awareness)");
		return RP_EXIT_ERROR;
	}
	if (rp_time_parse(c->o.discovered, &disc, NULL) != 0) {
		rp_err(c->cli, "--discovered: '%s' is not an ISO 8601 time", c->o.discovered);
		return RP_EXIT_ERROR;
	}
	if (disc > c->cli->now + 300) {
		rp_err(c->cli, "--discovered: '%s' is in the future", c->o.discovered);
		return RP_EXIT_ERROR;
	}
	if ((r = rp_case_open(c->st, c->cli->now, c->o.title, disc, c->o.how, &id)) != 0)
		return store_err(c, r);
	printf("%lld\n", (long long)id);
	done(c->cli, "opened case %lld", (long long)id);
	return RP_EXIT_CLEAN;
}

static int
sub_log(struct ctx *c)
{
	int64_t id;
	int r;

	if (need_args(c, 1, "the text to log") != 0 || resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	if (!*c->o.args[0]) {
		rp_err(c->cli, "log: empty text");
		return RP_EXIT_ERROR;
	}
	if (c->o.at) {
		struct rp_buf at = RP_BUF_INIT;
		int64_t t;

		if (rp_time_parse(c->o.at, &t, NULL) != 0 || t > c->cli->now + 300) {
			rp_err(c->cli, "--at: '%s' is not an ISO 8601 time in the past", c->o.at);
			return RP_EXIT_ERROR;
		}
		rp_time_fmt_utc(&at, t);
		r = rp_case_record(c->st, id, c->cli->now, "event", c->actor, c->o.args[0], "at",
		    at.buf, NULL);
		rp_buf_release(&at);
	} else {
		r = rp_journal_append(c->st, id, c->cli->now, "note", c->actor, c->o.args[0], NULL,
		    NULL);
	}
	return r ? store_err(c, r) : RP_EXIT_CLEAN;
}

static int
sub_facts(struct ctx *c)
{
	struct rp_case k;
	struct rp_buf t = RP_BUF_INIT;
	int f, v, any = 0, r, rc = RP_EXIT_CLEAN;

	if (need_args(c, 0, "options only") != 0)
		return RP_EXIT_ERROR;
	for (f = 0; f < RP_FACT_COUNT; f++) {
		const char *s = c->o.facts[f];

		if (s == NULL)
			continue;
		any = 1;
		if (strcmp(s, "yes") && strcmp(s, "no") &&
		    !(f == RP_FACT_EXFILTRATION && strcmp(s, "unknown") == 0)) {
			rp_err(c->cli, "--%s: '%s' is not %s", rp_fact_name(f), s,
			    f == RP_FACT_EXFILTRATION ? "yes, no or unknown" : "yes or no");
			return RP_EXIT_ERROR;
		}
	}
	if (load(c, &k) != 0)
		return RP_EXIT_ERROR;
	for (f = 0; f < RP_FACT_COUNT && any; f++) {
		const char *s = c->o.facts[f];

		if (s == NULL)
			continue;
		v = strcmp(s, "yes") == 0 ? RP_FACT_YES : strcmp(s, "no") == 0 ? RP_FACT_NO :
		    RP_FACT_UNKNOWN;
		if (k.facts[f] == v)
			continue;      /* no change, nothing to journal */
		rp_buf_reset(&t);
		rp_buf_addf(&t, "fact %s: %s", rp_fact_name(f), s);
		if ((r = rp_case_record(c->st, k.info.id, c->cli->now, "fact", c->actor, t.buf,
		    "fact", rp_fact_name(f), "value", s, NULL)) != 0) {
			rc = store_err(c, r);
			goto out;
		}
		k.facts[f] = v;
	}
	for (f = 0; f < RP_FACT_COUNT; f++)
		printf("%-14s %s\n", rp_fact_name(f), rp_fact_value_name(k.facts[f]));
out:
	rp_buf_release(&t);
	rp_case_release(&k);
	return rc;
}

static int
sub_text_entry(struct ctx *c, const char *kind, const char *label)
{
	struct rp_buf t = RP_BUF_INIT, due = RP_BUF_INIT;
	int64_t id, d;
	int r, rc = RP_EXIT_CLEAN;

	if (need_args(c, 1, "the text") != 0 || resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	if (!*c->o.args[0]) {
		rp_err(c->cli, "%s: empty text", kind);
		return RP_EXIT_ERROR;
	}
	if (strcmp(kind, "action") == 0) {
		if (c->o.owner == NULL || c->o.due == NULL) {
			rp_err(c->cli, "action needs --owner and --due");
			return RP_EXIT_ERROR;
		}
		if (rp_time_parse(c->o.due, &d, NULL) != 0) {
			rp_err(c->cli, "--due: '%s' is not an ISO 8601 date", c->o.due);
			return RP_EXIT_ERROR;
		}
		rp_time_fmt_utc(&due, d);
	}
	rp_buf_addf(&t, "%s: %s", label, c->o.args[0]);
	if ((r = rp_case_record(c->st, id, c->cli->now, kind, c->actor, t.buf, "text",
	    c->o.args[0], "owner", c->o.owner, "due", due.len ? due.buf : NULL, NULL)) != 0)
		rc = store_err(c, r);
	rp_buf_release(&t);
	rp_buf_release(&due);
	return rc;
}

static int
sub_close(struct ctx *c)
{
	struct rp_case k;
	int r, rc = RP_EXIT_CLEAN;

	if (need_args(c, 0, "options only") != 0 || load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (k.info.closed != RP_TIME_UNSET) {
		rp_err(c->cli, "case %lld is closed already", (long long)k.info.id);
		rc = RP_EXIT_ERROR;
		goto out;
	}
	if (c->o.root_cause) {
		struct rp_buf t = RP_BUF_INIT;

		rp_buf_addf(&t, "root cause: %s", c->o.root_cause);
		r = rp_case_record(c->st, k.info.id, c->cli->now, "root-cause", c->actor, t.buf,
		    "text", c->o.root_cause, NULL);
		rp_buf_release(&t);
		if (r != 0) {
			rc = store_err(c, r);
			goto out;
		}
	} else if (k.root_cause == NULL && !c->o.force) {
		rp_err(c->cli, "case %lld has no root cause recorded: record it with 'riposte case "
		    "root-cause TEXT' or 'case close --root-cause TEXT', or close with --force",
		    (long long)k.info.id);
		rc = RP_EXIT_FOUND;
		goto out;
	}
	if ((r = rp_case_close(c->st, k.info.id, c->cli->now, c->o.force && !c->o.root_cause &&
	    !k.root_cause ? "case closed without a root cause (--force)" : "case closed",
	    NULL)) != 0) {
		rc = store_err(c, r);
		goto out;
	}
	done(c->cli, "closed case %lld", (long long)k.info.id);
out:
	rp_case_release(&k);
	return rc;
}

/* ---- show, list, verify ---- */

static int
case_json(struct rp_buf *b, const struct rp_case *k)
{
	int f;

	rp_buf_addf(b, "{\"kind\":\"case\",\"id\":%lld", (long long)k->info.id);
	add_str_json(b, "title", k->info.title);
	add_time_json(b, "discovered", k->info.discovered);
	add_time_json(b, "opened", k->info.opened);
	add_time_json(b, "closed", k->info.closed);
	add_str_json(b, "how", k->info.how);
	add_str_json(b, "root_cause", k->root_cause);
	rp_buf_addstr(b, ",\"facts\":{");
	for (f = 0; f < RP_FACT_COUNT; f++)
		rp_buf_addf(b, "%s\"%s\":\"%s\"", f ? "," : "", rp_fact_name(f),
		    rp_fact_value_name(k->facts[f]));
	return rp_buf_addstr(b, "}}\n");
}

static int
sub_show(struct ctx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_case k;
	int64_t cost = 0;
	size_t i;
	int f, rc = RP_EXIT_CLEAN;

	if (need_args(c, 0, "no arguments") != 0 ||
	    want_format(c, "text,jsonl,csv", RP_FMT_TEXT) < 0 || load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (c->o.fmt == RP_FMT_CSV) {
		struct rp_buf t1 = RP_BUF_INIT, n1 = RP_BUF_INIT;

		csv_row(&b, 5, "seq", "time", "type", "actor", "text");
		for (i = 0; i < k.nentries; i++) {
			rp_buf_reset(&n1);
			rp_buf_addf(&n1, "%lld", (long long)k.entries[i].seq);
			csv_row(&b, 5, n1.buf, csv_time(&t1, k.entries[i].time), k.entries[i].kind,
			    k.entries[i].actor, k.entries[i].text);
		}
		rp_buf_release(&t1);
		rp_buf_release(&n1);
		goto print;
	}
	if (c->o.fmt == RP_FMT_JSONL) {
		case_json(&b, &k);
		for (i = 0; i < k.nentries; i++) {
			rp_buf_addf(&b, "{\"kind\":\"entry\",\"seq\":%lld", (long long)k.entries[i].seq);
			add_time_json(&b, "time", k.entries[i].time);
			add_str_json(&b, "type", k.entries[i].kind);
			add_str_json(&b, "actor", k.entries[i].actor);
			add_str_json(&b, "text", k.entries[i].text);
			rp_buf_addstr(&b, "}\n");
		}
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"entries\":%zu,\"costs\":%zu,\"iocs\":%zu,"
		    "\"notifications\":%zu}\n", k.nentries, k.ncosts, k.niocs, k.nnotices);
		goto print;
	}
	rp_buf_addf(&b, "case %lld: ", (long long)k.info.id);
	add_text(&b, k.info.title);
	rp_buf_addstr(&b, "\n  status:      ");
	if (k.info.closed == RP_TIME_UNSET) {
		rp_buf_addstr(&b, "open");
	} else {
		rp_buf_addstr(&b, "closed ");
		rp_time_fmt_local(&b, k.info.closed);
	}
	rp_buf_addstr(&b, "\n  discovered:  ");
	rp_time_fmt_local(&b, k.info.discovered);
	rp_buf_addstr(&b, "\n  opened:      ");
	rp_time_fmt_local(&b, k.info.opened);
	rp_buf_addstr(&b, "\n  how:         ");
	add_text(&b, k.info.how);
	rp_buf_addstr(&b, "\n  facts:       ");
	for (f = 0; f < RP_FACT_COUNT; f++)
		rp_buf_addf(&b, "%s%s %s", f ? ", " : "", rp_fact_name(f), rp_fact_value_name(k.facts[f]));
	rp_buf_addstr(&b, "\n  root cause:  ");
	add_text(&b, k.root_cause ? k.root_cause : "not recorded");
	for (i = 0; i < k.ncosts; i++)
		cost += k.costs[i].amount;
	rp_buf_addf(&b, "\n  recorded:    %zu cost entries, %zu IOCs, %zu notifications sent, "
	    "%zu attachments\n", k.ncosts, k.niocs, k.nnotices, k.nattachments);
	rp_buf_addf(&b, "journal (%zu entries):\n", k.nentries);
	for (i = 0; i < k.nentries; i++) {
		rp_buf_addf(&b, "  %3lld  ", (long long)k.entries[i].seq);
		rp_time_fmt_local(&b, k.entries[i].time);
		rp_buf_addf(&b, "  %-10s ", k.entries[i].kind);
		add_text(&b, k.entries[i].actor);
		rp_buf_addstr(&b, ": ");
		add_text(&b, k.entries[i].text);
		rp_buf_addch(&b, '\n');
	}
print:
	if (put(c, &b) != 0)
		rc = RP_EXIT_ERROR;
	rp_buf_release(&b);
	rp_case_release(&k);
	return rc;
}

static int
sub_list(struct ctx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_stmt *q = NULL;
	int r, n = 0, rc = RP_EXIT_CLEAN;

	if (need_args(c, 0, "no arguments") != 0 ||
	    want_format(c, "text,jsonl,csv", RP_FMT_TEXT) < 0)
		return RP_EXIT_ERROR;
	if (c->o.fmt == RP_FMT_CSV)
		csv_row(&b, 4, "id", "discovered", "closed", "title");
	if ((r = rp_case_migrate(c->st)) != 0 || (r = rp_stmt_prepare(c->st, "SELECT id, title, "
	    "discovered, closed FROM cases ORDER BY id", &q)) != 0)
		return store_err(c, r);
	while ((r = rp_stmt_step(q)) == 1) {
		int64_t closed = rp_stmt_isnull(q, 3) ? RP_TIME_UNSET : rp_stmt_int64(q, 3);

		n++;
		if (c->o.fmt == RP_FMT_CSV) {
			struct rp_buf f1 = RP_BUF_INIT, f2 = RP_BUF_INIT, f3 = RP_BUF_INIT;

			rp_buf_addf(&f1, "%lld", (long long)rp_stmt_int64(q, 0));
			csv_row(&b, 4, f1.buf, csv_time(&f2, rp_stmt_int64(q, 2)), csv_time(&f3, closed),
			    rp_stmt_text(q, 1));
			rp_buf_release(&f1);
			rp_buf_release(&f2);
			rp_buf_release(&f3);
		} else if (c->o.fmt == RP_FMT_JSONL) {
			rp_buf_addf(&b, "{\"kind\":\"case\",\"id\":%lld", (long long)rp_stmt_int64(q, 0));
			add_str_json(&b, "title", rp_stmt_text(q, 1));
			add_time_json(&b, "discovered", rp_stmt_int64(q, 2));
			add_time_json(&b, "closed", closed);
			rp_buf_addstr(&b, "}\n");
		} else {
			rp_buf_addf(&b, "%4lld  %-6s  ", (long long)rp_stmt_int64(q, 0),
			    closed == RP_TIME_UNSET ? "open" : "closed");
			rp_time_fmt_local(&b, rp_stmt_int64(q, 2));
			rp_buf_addstr(&b, "  ");
			add_text(&b, rp_stmt_text(q, 1));
			rp_buf_addch(&b, '\n');
		}
	}
	rp_stmt_free(q);
	if (r < 0)
		return store_err(c, r);
	if (c->o.fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"cases\":%d}\n", n);
	if (put(c, &b) != 0)
		rc = RP_EXIT_ERROR;
	rp_buf_release(&b);
	return rc;
}

static int
sub_verify(struct ctx *c)
{
	struct rp_case_info info;
	int64_t bad = 0;
	int r;

	if (need_args(c, 0, "no arguments") != 0 || want_format(c, "text,jsonl", RP_FMT_TEXT) < 0)
		return RP_EXIT_ERROR;
	if ((r = rp_case_get(c->st, c->o.case_id, &info)) != 0) {
		if (r == RP_ERR_NOTFOUND && c->o.case_id) {
			rp_err(c->cli, "no case %lld in '%s'", (long long)c->o.case_id, c->cli->db_path);
			return RP_EXIT_ERROR;
		}
		return store_err(c, r);
	}
	r = rp_journal_verify(c->st, info.id, &bad);
	if (r != 0 && r != RP_ERR_INTEGRITY) {
		rp_case_info_release(&info);
		return store_err(c, r);
	}
	if (c->o.fmt == RP_FMT_JSONL)
		printf("{\"kind\":\"verify\",\"case\":%lld,\"intact\":%s,\"entries\":%lld,"
		    "\"head\":\"%s\",\"first_bad\":%lld}\n{\"kind\":\"summary\",\"altered\":%d}\n",
		    (long long)info.id, r ? "false" : "true", (long long)info.head_seq,
		    info.head_hash, r ? (long long)bad : 0LL, r ? 1 : 0);
	else if (r == 0)
		printf("case %lld: journal intact, %lld entries, head %s\n", (long long)info.id,
		    (long long)info.head_seq, info.head_hash);
	else
		printf("case %lld: journal ALTERED: entry %lld or the chain after it was changed "
		    "or removed\n", (long long)info.id, (long long)bad);
	rp_case_info_release(&info);
	return r ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
}

/* ---- attach ---- */

static int
sub_attach(struct ctx *c)
{
	struct rp_buf f = RP_BUF_INIT, t = RP_BUF_INIT;
	char sha[65];
	const char *line, *end, *source = NULL;
	char *summary = NULL, *first_kind = NULL;
	int64_t id;
	int r, rc = RP_EXIT_ERROR, first_kind_is_tool = 0;
	size_t lines = 0;

	if (need_args(c, 1, "the JSONL file to attach") != 0 || resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	if ((r = rp_file_read_all(AT_FDCWD, c->o.args[0], &f, 256 << 20)) != 0) {
		rp_err(c->cli, "cannot read '%s': %s", c->o.args[0], rp_strerror(r));
		goto out;
	}
	if ((r = rp_sha256_hex(f.buf, f.len, sha)) != 0) {
		rp_err(c->cli, "'%s': %s", c->o.args[0], rp_strerror(r));
		goto out;
	}
	/* every line must be a JSON object with "kind"; the summary is the last one */
	for (line = f.buf; line < f.buf + f.len; line = end + 1) {
		json_t *o;
		json_error_t je;
		const char *kind;

		if ((end = memchr(line, '\n', (size_t)(f.buf + f.len - line))) == NULL)
			end = f.buf + f.len;
		if (end == line)
			continue;
		lines++;
		o = json_loadb(line, (size_t)(end - line), 0, &je);
		kind = json_string_value(json_object_get(o, "kind"));
		if (o == NULL || kind == NULL) {
			rp_err(c->cli, "'%s' line %zu: not a riposte JSONL line (an object with \"kind\")",
			    c->o.args[0], lines);
			json_decref(o);
			goto out;
		}
		if (strcmp(kind, "summary") == 0) {
			const char *tool = json_string_value(json_object_get(o, "command"));

			if (tool == NULL)
				tool = json_string_value(json_object_get(o, "tool"));
			free(summary);
			summary = json_dumps(o, JSON_COMPACT);
			if (tool && !first_kind_is_tool) {
				free(first_kind);
				first_kind = strdup(tool);
				first_kind_is_tool = 1;
			}
		} else if (first_kind == NULL) {
			first_kind = strdup(kind);
		}
		json_decref(o);
	}
	if (summary == NULL) {
		rp_err(c->cli, "'%s' has no {\"kind\":\"summary\"} line: was the run complete?",
		    c->o.args[0]);
		goto out;
	}
	source = c->o.source ? c->o.source : first_kind ? first_kind : "summary";
	rp_buf_addf(&t, "attached '%s' (%s results; %zu lines, SHA-256 %s)",
	    c->o.args[0], source, lines, sha);
	rp_buf_reset(&f);
	rp_buf_addch(&f, '\x01');
	rp_buf_addstr(&f, summary);
	if ((r = rp_case_record(c->st, id, c->cli->now, "attach", c->actor, t.buf, "file",
	    c->o.args[0], "sha256", sha, "source", source, "summary", f.buf, NULL)) != 0) {
		store_err(c, r);
		goto out;
	}
	done(c->cli, "%s", t.buf);
	rc = RP_EXIT_CLEAN;
out:
	free(summary);
	free(first_kind);
	rp_buf_release(&f);
	rp_buf_release(&t);
	return rc;
}

/* ---- deadlines ---- */

static int
compute_deadlines(struct ctx *c, const struct rp_case *k, struct rp_deadlines *d)
{
	struct rp_buf ob = RP_BUF_INIT;
	int r;

	if ((r = rp_data_load(c->cli->data_dir, "obligations/obligations.ini", &ob)) == 0)
		r = rp_deadlines_compute(ob.buf, ob.len, k, c->site, c->cli->now, d);
	rp_buf_release(&ob);
	if (r != 0)
		rp_err(c->cli, "obligations data: %s", rp_strerror(r));
	return r ? -1 : 0;
}

static void
warn_no_site(struct ctx *c)
{
	if (c->site == NULL)
		rp_warn(c->cli, "no site profile (riposte.conf) found: only the obligations that do not "
		    "depend on the country apply; see 'riposte site --help'");
	else if (!rp_site_country_known(rp_ini_get(c->site, "site", "country")))
		rp_warn(c->cli, "the site profile has no known [site] country: legal deadlines "
		    "cannot be computed");
}

static const char *const dl_status[] = { "open", "done", "overdue" };

static int
sub_deadlines(struct ctx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_deadlines d = { NULL, 0 };
	struct rp_case k;
	size_t i, n[3] = { 0, 0, 0 };
	int rc = RP_EXIT_ERROR;

	if (need_args(c, 0, "no arguments") != 0 ||
	    want_format(c, "text,jsonl,csv", RP_FMT_TEXT) < 0 || load(c, &k) != 0)
		return RP_EXIT_ERROR;
	warn_no_site(c);
	if (compute_deadlines(c, &k, &d) != 0)
		goto out;
	if (c->o.fmt == RP_FMT_CSV)
		csv_row(&b, 8, "id", "authority", "due", "status", "basis", "when", "to", "done");
	for (i = 0; i < d.n; i++) {
		const struct rp_deadline *x = &d.v[i];

		n[x->status]++;
		if (c->o.fmt == RP_FMT_CSV) {
			struct rp_buf t1 = RP_BUF_INIT, t2 = RP_BUF_INIT;

			csv_row(&b, 8, x->id, x->authority, csv_time(&t1, x->due), dl_status[x->status],
			    x->basis, x->when, x->to, csv_time(&t2, x->done));
			rp_buf_release(&t1);
			rp_buf_release(&t2);
			continue;
		}
		if (c->o.fmt == RP_FMT_JSONL) {
			rp_buf_addstr(&b, "{\"kind\":\"deadline\"");
			add_str_json(&b, "id", x->id);
			add_str_json(&b, "authority", x->authority);
			add_time_json(&b, "due", x->due);
			add_str_json(&b, "status", dl_status[x->status]);
			add_str_json(&b, "basis", x->basis);
			add_str_json(&b, "when", x->when);
			add_str_json(&b, "to", x->to);
			add_time_json(&b, "done", x->done);
			rp_buf_addstr(&b, "}\n");
			continue;
		}
		rp_buf_addf(&b, "%-19s %-8s due ", x->id, dl_status[x->status]);
		rp_time_fmt_local(&b, x->due);
		rp_buf_addf(&b, "  %s\n", x->authority);
		rp_buf_addf(&b, "%-28s%s", "", x->when);
		if (x->done != RP_TIME_UNSET) {
			rp_buf_addstr(&b, "; sent ");
			rp_time_fmt_local(&b, x->done);
		}
		rp_buf_addf(&b, "\n%-28s%s\n", "", x->basis);
	}
	if (c->o.fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"deadlines\":%zu,\"open\":%zu,\"done\":%zu,"
		    "\"overdue\":%zu}\n", d.n, n[RP_DL_OPEN], n[RP_DL_DONE], n[RP_DL_OVERDUE]);
	else if (c->o.fmt == RP_FMT_TEXT)
		rp_buf_addf(&b, "%zu deadlines: %zu open, %zu done, %zu overdue\n", d.n,
		    n[RP_DL_OPEN], n[RP_DL_DONE], n[RP_DL_OVERDUE]);
	if (put(c, &b) != 0)
		goto out;
	rc = n[RP_DL_OVERDUE] ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	rp_buf_release(&b);
	rp_deadlines_release(&d);
	rp_case_release(&k);
	return rc;
}

/* ---- notify ---- */

static const char *const recipients[] = {
	"insurer", "authority", "police", "it-provider", "client", "clients", NULL,
};

static int
sub_notify(struct ctx *c)
{
	struct rp_buf tmpl = RP_BUF_INIT, draft = RP_BUF_INIT, name = RP_BUF_INIT,
	    sent = RP_BUF_INIT, t = RP_BUF_INIT, num = RP_BUF_INIT;
	struct rp_deadlines d = { NULL, 0 };
	struct rp_case k;
	const char *lang = c->o.lang, *country, *closes = NULL, *hashed;
	size_t i, from = 0, idx, hashed_len;
	char sha[65];
	int64_t when = c->cli->now;
	int r, rc = RP_EXIT_ERROR;

	if (need_args(c, 0, "options only") != 0)
		return RP_EXIT_ERROR;
	for (i = 0; c->o.to && recipients[i]; i++)
		if (strcmp(recipients[i], c->o.to) == 0)
			break;
	if (c->o.to == NULL || recipients[i] == NULL) {
		rp_err(c->cli, "notify needs --to insurer, authority, police, it-provider, client or clients");
		return RP_EXIT_ERROR;
	}
	if (lang == NULL && c->o.client) {
		while (rp_ini_find(c->site, "client", &from, &idx) == 0)
			if (strcmp(rp_ini_section_get(c->site, idx, "name") ?
			    rp_ini_section_get(c->site, idx, "name") : "", c->o.client) == 0)
				lang = rp_ini_section_get(c->site, idx, "language");
	}
	if (lang == NULL)
		lang = "en";
	if (strcmp(lang, "fr") && strcmp(lang, "de") && strcmp(lang, "en")) {
		rp_err(c->cli, "--lang: '%s' is not fr, de or en", lang);
		return RP_EXIT_ERROR;
	}
	if (c->o.sent_at && (!c->o.sent || rp_time_parse(c->o.sent_at, &when, NULL) != 0)) {
		rp_err(c->cli, c->o.sent ? "--sent-at: '%s' is not an ISO 8601 time" :
		    "--sent-at '%s' needs --sent", c->o.sent_at);
		return RP_EXIT_ERROR;
	}
	if ((c->o.file || c->o.deadline) && !c->o.sent) {
		rp_err(c->cli, "--file and --deadline go with --sent");
		return RP_EXIT_ERROR;
	}
	if (load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (c->site == NULL)
		rp_warn(c->cli, "no site profile (riposte.conf): the draft has gaps marked [...]");
	country = rp_ini_get(c->site, "site", "country");
	rp_buf_addf(&name, "templates/%s/%s.txt", lang, strcmp(c->o.to, "authority") ? c->o.to :
	    country && strcmp(country, "CH") == 0 ? "authority-ch" : "authority-gdpr");
	if ((r = rp_data_load(c->cli->data_dir, name.buf, &tmpl)) != 0) {
		rp_err(c->cli, "template '%s': %s", name.buf, rp_strerror(r));
		goto out;
	}
	if ((r = rp_template_fill(tmpl.buf, &k, c->site, c->o.client, lang, c->cli->now,
	    &draft)) != 0) {
		rp_err(c->cli, "template '%s': %s", name.buf, rp_strerror(r));
		goto out;
	}
	/* which deadline a --sent closes, checked before anything is printed */
	if (c->o.sent && compute_deadlines(c, &k, &d) != 0)
		goto out;
	for (i = 0; c->o.sent && i < d.n; i++) {
		if (c->o.deadline ? strcmp(d.v[i].id, c->o.deadline) == 0 :
		    d.v[i].status != RP_DL_DONE && strcmp(d.v[i].to, c->o.to) == 0) {
			closes = d.v[i].id;
			break;
		}
	}
	if (c->o.deadline && closes == NULL) {
		rp_err(c->cli, "--deadline: '%s' is not one of this case's deadlines "
		    "(see 'riposte case deadlines')", c->o.deadline);
		goto out;
	}
	if (c->o.file && (r = rp_file_read_all(AT_FDCWD, c->o.file, &sent, 64 << 20)) != 0) {
		rp_err(c->cli, "cannot read '%s': %s", c->o.file, rp_strerror(r));
		goto out;
	}
	if (c->o.out) {
		if ((r = rp_file_write_atomic(c->o.out, draft.buf, draft.len, 0644)) != 0) {
			rp_err(c->cli, "cannot write '%s': %s", c->o.out, rp_strerror(r));
			goto out;
		}
	} else if (rp_cli_put(c->cli, &draft) != 0) {
		goto out;
	}
	if (!c->o.sent) {
		rc = RP_EXIT_CLEAN;
		goto out;
	}
	hashed = draft.buf;
	hashed_len = draft.len;
	if (c->o.file) {
		hashed = sent.buf;
		hashed_len = sent.len;
	}
	if (rp_sha256_hex(hashed, hashed_len, sha) != 0)
		goto out;
	rp_buf_addf(&t, "notification to %s sent (%s)", c->o.to, lang);
	if (closes)
		rp_buf_addf(&t, ", closes deadline %s", closes);
	rp_buf_addf(&num, "\x01%lld", (long long)when);
	if ((r = rp_case_record(c->st, k.info.id, c->cli->now, "notify", c->actor, t.buf,
	    "to", c->o.to, "lang", lang, "deadline", closes, "client", c->o.client,
	    "sha256", sha, "sent", num.buf, NULL)) != 0) {
		store_err(c, r);
		goto out;
	}
	done(c->cli, "recorded: %s; SHA-256 %s", t.buf, sha);
	rc = RP_EXIT_CLEAN;
out:
	rp_buf_release(&tmpl);
	rp_buf_release(&draft);
	rp_buf_release(&name);
	rp_buf_release(&sent);
	rp_buf_release(&t);
	rp_buf_release(&num);
	rp_deadlines_release(&d);
	rp_case_release(&k);
	return rc;
}

/* ---- IOCs ---- */

static int
ioc_valid(const char *type, const char *v)
{
	struct in_addr a;
	size_t n = strlen(v), i;

	if (n == 0 || n > 2048 || !rp_utf8_valid(v, n))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
			return 0;
	if (strcmp(type, "sha256") == 0)
		return n == 64 && strspn(v, "0123456789abcdefABCDEF") == 64;
	if (strcmp(type, "ipv4") == 0)
		return inet_pton(AF_INET, v, &a) == 1;
	if (strcmp(type, "domain") == 0)
		return n <= 253 && strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789.-") == n && strchr(v, '.') && v[0] != '.' && v[0] != '-';
	if (strcmp(type, "url") == 0)
		return strstr(v, "://") != NULL && strchr(v, ' ') == NULL;
	if (strcmp(type, "email") == 0)
		return strchr(v, '@') && strchr(v, '@') != v && strchr(v, '@')[1] && !strchr(v, ' ');
	if (strcmp(type, "filename") == 0)
		return strchr(v, '/') == NULL;
	return -1;
}

static int
sub_ioc(struct ctx *c)
{
	struct rp_buf t = RP_BUF_INIT, v = RP_BUF_INIT;
	int64_t id;
	int ok, r;

	if (c->o.nargs < 1 || strcmp(c->o.args[0], "add") != 0) {
		rp_err(c->cli, "usage: riposte case ioc add --type TYPE VALUE");
		return RP_EXIT_ERROR;
	}
	c->o.args++;
	c->o.nargs--;
	if (need_args(c, 1, "the IOC value") != 0)
		return RP_EXIT_ERROR;
	if (c->o.type == NULL || (ok = ioc_valid(c->o.type, c->o.args[0])) < 0) {
		rp_err(c->cli, "--type must be sha256, domain, ipv4, url, email or filename");
		return RP_EXIT_ERROR;
	}
	if (!ok) {
		rp_err(c->cli, "'%s' is not a valid %s", c->o.args[0], c->o.type);
		return RP_EXIT_ERROR;
	}
	if (resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	rp_buf_addstr(&v, c->o.args[0]);
	if (strcmp(c->o.type, "sha256") == 0 || strcmp(c->o.type, "domain") == 0)
		for (size_t i = 0; i < v.len; i++)
			if (v.buf[i] >= 'A' && v.buf[i] <= 'Z')
				v.buf[i] = (char)(v.buf[i] - 'A' + 'a');
	rp_buf_addf(&t, "IOC %s: %s", c->o.type, v.buf);
	r = rp_case_record(c->st, id, c->cli->now, "ioc", c->actor, t.buf, "type", c->o.type,
	    "value", v.buf, NULL);
	rp_buf_release(&t);
	rp_buf_release(&v);
	return r ? store_err(c, r) : RP_EXIT_CLEAN;
}

static int
sub_iocs(struct ctx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_case k;
	size_t i;
	int r, rc = RP_EXIT_ERROR;

	if (need_args(c, 0, "no arguments") != 0 || load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (c->o.format && strcmp(c->o.format, "stix") == 0) {
		if ((r = rp_case_stix(&k, &b)) != 0) {
			rp_err(c->cli, "STIX export: %s", rp_strerror(r));
			goto out;
		}
	} else {
		if (want_format(c, "text,jsonl,csv,stix", RP_FMT_TEXT) < 0)
			goto out;
		if (c->o.fmt == RP_FMT_CSV)
			csv_row(&b, 3, "time", "type", "value");
		for (i = 0; i < k.niocs; i++) {
			if (c->o.fmt == RP_FMT_CSV) {
				struct rp_buf t1 = RP_BUF_INIT;

				csv_row(&b, 3, csv_time(&t1, k.iocs[i].time), k.iocs[i].type, k.iocs[i].value);
				rp_buf_release(&t1);
			} else if (c->o.fmt == RP_FMT_JSONL) {
				rp_buf_addstr(&b, "{\"kind\":\"ioc\"");
				add_time_json(&b, "time", k.iocs[i].time);
				add_str_json(&b, "type", k.iocs[i].type);
				add_str_json(&b, "value", k.iocs[i].value);
				rp_buf_addstr(&b, "}\n");
			} else {
				rp_buf_addf(&b, "%-9s ", k.iocs[i].type);
				add_text(&b, k.iocs[i].value);
				rp_buf_addch(&b, '\n');
			}
		}
		if (c->o.fmt == RP_FMT_JSONL)
			rp_buf_addf(&b, "{\"kind\":\"summary\",\"iocs\":%zu}\n", k.niocs);
	}
	if (put(c, &b) == 0)
		rc = RP_EXIT_CLEAN;
out:
	rp_buf_release(&b);
	rp_case_release(&k);
	return rc;
}

/* ---- costs and claim ---- */

static int
sub_cost(struct ctx *c)
{
	struct rp_buf t = RP_BUF_INIT, a = RP_BUF_INIT, h = RP_BUF_INIT, rt = RP_BUF_INIT;
	const char *cur = c->o.currency;
	int64_t id, amount, hours = -1, rate = -1;
	int cat, r, rc = RP_EXIT_ERROR;

	if (c->o.nargs >= 1 && strcmp(c->o.args[0], "list") == 0) {
		struct rp_case k;
		size_t i;

		if (c->o.nargs != 1 || want_format(c, "text,jsonl,csv", RP_FMT_TEXT) < 0 ||
		    load(c, &k) != 0)
			return RP_EXIT_ERROR;
		if (c->o.fmt == RP_FMT_CSV)
			csv_row(&t, 5, "time", "category", "amount", "currency", "note");
		for (i = 0; i < k.ncosts; i++) {
			const struct rp_cost *x = &k.costs[i];

			if (c->o.fmt == RP_FMT_CSV) {
				csv_time(&h, x->time);
				csv_row(&t, 5, h.buf, rp_cost_categories[x->category],
				    csv_amount(&a, x->amount), x->currency, x->note);
			} else if (c->o.fmt == RP_FMT_JSONL) {
				rp_buf_addstr(&t, "{\"kind\":\"cost\"");
				add_time_json(&t, "time", x->time);
				add_str_json(&t, "category", rp_cost_categories[x->category]);
				rp_buf_addf(&t, ",\"amount\":%lld", (long long)x->amount);
				add_str_json(&t, "currency", x->currency);
				add_str_json(&t, "note", x->note);
				rp_buf_addstr(&t, "}\n");
			} else {
				rp_buf_addf(&t, "%-13s %s ", rp_cost_categories[x->category], x->currency);
				rp_money_fmt(&t, x->amount);
				if (x->note) {
					rp_buf_addstr(&t, "  ");
					add_text(&t, x->note);
				}
				rp_buf_addch(&t, '\n');
			}
		}
		if (c->o.fmt == RP_FMT_JSONL)
			rp_buf_addf(&t, "{\"kind\":\"summary\",\"costs\":%zu}\n", k.ncosts);
		rc = put(c, &t) == 0 ? RP_EXIT_CLEAN : RP_EXIT_ERROR;
		rp_case_release(&k);
		goto out;
	}
	if (c->o.nargs != 1 || strcmp(c->o.args[0], "add") != 0) {
		rp_err(c->cli, "usage: riposte case cost add --category CAT (--amount X | --hours H "
		    "--rate R) [--currency C] [--note TEXT], or case cost list");
		return RP_EXIT_ERROR;
	}
	if (c->o.category == NULL || (cat = rp_cost_category(c->o.category)) < 0) {
		rp_err(c->cli, "--category must be one of it, forensics, internal, legal, "
		    "notification, interruption, ransom, other");
		return RP_EXIT_ERROR;
	}
	if (!!c->o.amount == !!(c->o.hours || c->o.rate) || (!c->o.amount && !(c->o.hours && c->o.rate))) {
		rp_err(c->cli, "give either --amount, or --hours and --rate");
		return RP_EXIT_ERROR;
	}
	if (c->o.amount && rp_money_parse(c->o.amount, &amount) != 0) {
		rp_err(c->cli, "--amount: '%s' is not an amount (e.g. 18000 or 18'000.50)", c->o.amount);
		return RP_EXIT_ERROR;
	}
	if (c->o.hours) {
		if (rp_hours_parse(c->o.hours, &hours) != 0 || hours > 100000000) {
			rp_err(c->cli, "--hours: '%s' is not a number of hours (e.g. 7.5)", c->o.hours);
			return RP_EXIT_ERROR;
		}
		if (rp_money_parse(c->o.rate, &rate) != 0 || rate > 100000000) {
			rp_err(c->cli, "--rate: '%s' is not an amount per hour", c->o.rate);
			return RP_EXIT_ERROR;
		}
		amount = (hours * rate + 50) / 100;
	}
	if (cur == NULL)
		cur = rp_ini_get(c->site, "insurance", "currency");
	if (cur == NULL)
		cur = "CHF";
	if (strlen(cur) != 3 || strspn(cur, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 3) {
		rp_err(c->cli, "--currency: '%s' is not an ISO 4217 code (CHF, EUR)", cur);
		return RP_EXIT_ERROR;
	}
	if (resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	rp_buf_addf(&t, "cost %s: %s ", c->o.category, cur);
	rp_money_fmt(&t, amount);
	if (c->o.note)
		rp_buf_addf(&t, " (%s)", c->o.note);
	rp_buf_addf(&a, "\x01%lld", (long long)amount);
	if (hours >= 0) {
		rp_buf_addf(&h, "\x01%lld", (long long)hours);
		rp_buf_addf(&rt, "\x01%lld", (long long)rate);
	}
	if ((r = rp_case_record(c->st, id, c->cli->now, "cost", c->actor, t.buf, "category",
	    c->o.category, "amount", a.buf, "currency", cur, "hours_c", h.len ? h.buf : NULL,
	    "rate", rt.len ? rt.buf : NULL, "note", c->o.note, NULL)) != 0) {
		store_err(c, r);
		goto out;
	}
	done(c->cli, "recorded %s", t.buf);
	rc = RP_EXIT_CLEAN;
out:
	rp_buf_release(&t);
	rp_buf_release(&a);
	rp_buf_release(&h);
	rp_buf_release(&rt);
	return rc;
}

static void
money(struct rp_buf *b, const char *cur, int64_t v)
{
	size_t start = b->len;

	if (v < 0) {
		rp_buf_addstr(b, "-");
	} else {
		rp_buf_addf(b, "%s ", cur);
		rp_money_fmt(b, v);
	}
	while (b->len - start < 16)
		rp_buf_addch(b, ' ');
}

static int
claim_of(struct ctx *c, const struct rp_case *k, struct rp_claim *cl)
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

static int
sub_claim(struct ctx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_case k;
	struct rp_claim cl;
	size_t i;
	int rc = RP_EXIT_ERROR;
	const char *v;

	if (need_args(c, 0, "no arguments") != 0 ||
	    want_format(c, "text,jsonl,csv", RP_FMT_TEXT) < 0 || load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (claim_of(c, &k, &cl) != 0)
		goto out;
	if (c->o.fmt == RP_FMT_CSV) {
		struct rp_buf f[7] = { RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT,
		    RP_BUF_INIT, RP_BUF_INIT, RP_BUF_INIT };
		int j;

		csv_row(&b, 8, "line", "total", "sublimit", "covered", "deductible", "claimable",
		    "own_share", "currency");
		for (i = 0; i < cl.nlines; i++)
			csv_row(&b, 8, rp_cost_categories[cl.lines[i].category],
			    csv_amount(&f[0], cl.lines[i].total), csv_amount(&f[1], cl.lines[i].sublimit),
			    csv_amount(&f[2], cl.lines[i].covered), "", "", "", cl.currency);
		csv_row(&b, 8, "claim", csv_amount(&f[0], cl.total), "", csv_amount(&f[2], cl.covered),
		    csv_amount(&f[3], cl.deductible), csv_amount(&f[4], cl.claimable),
		    csv_amount(&f[5], cl.own_share), cl.currency);
		for (j = 0; j < 7; j++)
			rp_buf_release(&f[j]);
	} else if (c->o.fmt == RP_FMT_JSONL) {
		for (i = 0; i < cl.nlines; i++) {
			rp_buf_addf(&b, "{\"kind\":\"category\",\"category\":\"%s\",\"total\":%lld,",
			    rp_cost_categories[cl.lines[i].category], (long long)cl.lines[i].total);
			if (cl.lines[i].sublimit < 0)
				rp_buf_addstr(&b, "\"sublimit\":null,");
			else
				rp_buf_addf(&b, "\"sublimit\":%lld,", (long long)cl.lines[i].sublimit);
			rp_buf_addf(&b, "\"covered\":%lld,\"currency\":\"%s\"}\n",
			    (long long)cl.lines[i].covered, cl.currency);
		}
		rp_buf_addf(&b, "{\"kind\":\"claim\",\"total\":%lld,\"covered\":%lld,\"deductible\":%lld,"
		    "\"claimable\":%lld,\"own_share\":%lld,\"currency\":", (long long)cl.total,
		    (long long)cl.covered, (long long)cl.deductible, (long long)cl.claimable,
		    (long long)cl.own_share);
		rp_json_str(&b, cl.currency);
		rp_buf_addf(&b, ",\"waiting_period_hours\":%lld.%02lld,\"waiting_excluded\":%lld,"
		    "\"minor_units\":100}\n", (long long)(cl.waiting_hours_c / 100),
		    (long long)(cl.waiting_hours_c % 100), (long long)cl.waiting_excluded);
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"case\":%lld,\"categories\":%zu,\"costs\":%zu,"
		    "\"other_currency\":%zu}\n", (long long)k.info.id, cl.nlines, k.ncosts,
		    cl.other_currency);
	} else {
		rp_buf_addf(&b, "claim for case %lld", (long long)k.info.id);
		if ((v = rp_ini_get(c->site, "insurance", "policy")) != NULL) {
			rp_buf_addstr(&b, ", policy ");
			add_text(&b, v);
		}
		if ((v = rp_ini_get(c->site, "insurance", "insurer")) != NULL) {
			rp_buf_addstr(&b, " (");
			add_text(&b, v);
			rp_buf_addch(&b, ')');
		}
		rp_buf_addf(&b, "\n  %-14s%-16s  %-16s  %s\n", "category", "total", "sublimit",
		    "covered");
		for (i = 0; i < cl.nlines; i++) {
			rp_buf_addf(&b, "  %-14s", rp_cost_categories[cl.lines[i].category]);
			money(&b, cl.currency, cl.lines[i].total);
			rp_buf_addstr(&b, "  ");
			money(&b, cl.currency, cl.lines[i].sublimit);
			rp_buf_addstr(&b, "  ");
			money(&b, cl.currency, cl.lines[i].covered);
			while (b.len && b.buf[b.len - 1] == ' ')
				rp_buf_setlen(&b, b.len - 1);
			rp_buf_addch(&b, '\n');
		}
		rp_buf_addf(&b, "  %-14s", "total");
		money(&b, cl.currency, cl.total);
		rp_buf_addf(&b, "  %-16s  ", "");
		money(&b, cl.currency, cl.covered);
		while (b.len && b.buf[b.len - 1] == ' ')
			rp_buf_setlen(&b, b.len - 1);
		rp_buf_addf(&b, "\n  %-14s%s ", "deductible", cl.currency);
		rp_money_fmt(&b, cl.deductible);
		rp_buf_addf(&b, "\n  %-14s%s ", "claimable", cl.currency);
		rp_money_fmt(&b, cl.claimable);
		rp_buf_addf(&b, "\n  %-14s%s ", "own share", cl.currency);
		rp_money_fmt(&b, cl.own_share);
		rp_buf_addf(&b, "\n  waiting period %lld.%02lld h for interruption (not covered: ",
		    (long long)(cl.waiting_hours_c / 100), (long long)(cl.waiting_hours_c % 100));
		rp_buf_addf(&b, "%s ", cl.currency);
		rp_money_fmt(&b, cl.waiting_excluded);
		rp_buf_addstr(&b, ")\n");
		if (cl.other_currency)
			rp_buf_addf(&b, "  %zu cost entries in another currency than %s are left out\n",
			    cl.other_currency, cl.currency);
	}
	if (put(c, &b) == 0)
		rc = RP_EXIT_CLEAN;
out:
	rp_buf_release(&b);
	rp_case_release(&k);
	return rc;
}

/* ---- report ---- */

static int
sub_report(struct ctx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_deadlines d = { NULL, 0 };
	struct rp_case k;
	struct rp_claim cl;
	int fmt, r, rc = RP_EXIT_ERROR;

	if (need_args(c, 0, "no arguments") != 0)
		return RP_EXIT_ERROR;
	if (c->o.format == NULL || (strcmp(c->o.format, "html") && strcmp(c->o.format, "md") &&
	    strcmp(c->o.format, "pdf"))) {
		rp_err(c->cli, "report needs --format html, md or pdf");
		return RP_EXIT_ERROR;
	}
	if (c->o.out == NULL) {
		rp_err(c->cli, "report needs -o FILE ('-o -' writes html or md to standard output)");
		return RP_EXIT_ERROR;
	}
	if (strcmp(c->o.format, "pdf") == 0 && strcmp(c->o.out, "-") == 0) {
		rp_err(c->cli, "a PDF report needs a file: -o report.pdf");
		return RP_EXIT_ERROR;
	}
	fmt = strcmp(c->o.format, "md") == 0 ? RP_REPORT_MD : strcmp(c->o.format, "html") == 0 ?
	    RP_REPORT_HTML : RP_REPORT_DOC;
	if (load(c, &k) != 0)
		return RP_EXIT_ERROR;
	warn_no_site(c);
	if ((r = rp_journal_verify(c->st, k.info.id, &k.bad_seq)) != 0 && r != RP_ERR_INTEGRITY) {
		store_err(c, r);
		goto out;
	}
	k.integrity = r ? -1 : 1;
	if (r)
		rp_warn(c->cli, "the journal of case %lld does not verify (entry %lld): the report "
		    "says so", (long long)k.info.id, (long long)k.bad_seq);
	if (compute_deadlines(c, &k, &d) != 0 || claim_of(c, &k, &cl) != 0)
		goto out;
	if ((r = rp_case_report(&k, &d, &cl, c->site, c->cli->now, fmt, &b)) != 0) {
		rp_err(c->cli, "report: %s", rp_strerror(r));
		goto out;
	}
	if (fmt == RP_REPORT_DOC)
		r = rp_pdf_write(c->o.out, b.buf, b.len);
	else if (strcmp(c->o.out, "-") == 0)
		r = put(c, &b) == 0 ? 0 : RP_ERR_SYSTEM;
	else
		r = rp_file_write_atomic(c->o.out, b.buf, b.len, 0644);
	if (r != 0) {
		if (strcmp(c->o.out, "-") != 0)
			rp_err(c->cli, "cannot write '%s': %s", c->o.out, rp_strerror(r));
		goto out;
	}
	if (strcmp(c->o.out, "-") != 0)
		done(c->cli, "wrote %s report of case %lld to '%s'", c->o.format,
		    (long long)k.info.id, c->o.out);
	rc = RP_EXIT_CLEAN;
out:
	rp_buf_release(&b);
	rp_deadlines_release(&d);
	rp_case_release(&k);
	return rc;
}

/* ---- dispatch ---- */

static const struct {
	const char *name;
	int (*fn)(struct ctx *c);
	int create;          /* may create the database */
} subs[] = {
	{ "open", sub_open, 1 },
	{ "show", sub_show, 0 },
	{ "list", sub_list, 0 },
	{ "log", sub_log, 0 },
	{ "facts", sub_facts, 0 },
	{ "verify", sub_verify, 0 },
	{ "attach", sub_attach, 0 },
	{ "deadlines", sub_deadlines, 0 },
	{ "notify", sub_notify, 0 },
	{ "ioc", sub_ioc, 0 },
	{ "iocs", sub_iocs, 0 },
	{ "cost", sub_cost, 0 },
	{ "claim", sub_claim, 0 },
	{ "close", sub_close, 0 },
	{ "report", sub_report, 0 },
	{ "root-cause", NULL, 0 },
	{ "lesson", NULL, 0 },
	{ "action", NULL, 0 },
};

int
cmd_case(struct rp_cli *cli, int argc, char **argv)
{
	struct ctx c;
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
	if ((c.actor = getenv("RIPOSTE_ACTOR")) == NULL || !*c.actor)
		if ((c.actor = getenv("USER")) == NULL || !*c.actor)
			c.actor = "unknown";
	if (rp_site_conf_load(cli, c.o.config, &c.site, NULL) != 0)
		return RP_EXIT_ERROR;
	if ((r = rp_store_open(&c.st, cli->db_path, subs[i].create ? RP_STORE_CREATE : 0)) != 0) {
		if (r == RP_ERR_NOTFOUND)
			rp_err(cli, "no database '%s': open a case first ('riposte case open')", cli->db_path);
		else
			rp_err(cli, "cannot open database '%s': %s", cli->db_path, rp_strerror(r));
		rp_ini_free(c.site);
		return RP_EXIT_ERROR;
	}
	if (subs[i].fn)
		rc = subs[i].fn(&c);
	else
		rc = sub_text_entry(&c, sub, strcmp(sub, "root-cause") == 0 ? "root cause" : sub);
	rp_store_close(c.st);
	rp_ini_free(c.site);
	return rc;
}
