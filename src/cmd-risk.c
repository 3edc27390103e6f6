/*
 * riposte risk: the risk register, ranked by value x likelihood x impact, so that what
 * has the highest value and the highest risk is secured first. The engine is
 * lib/prepare/risk.c; the listings are src/cmd-risk-out.c.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli-journal.h"
#include "cmd-risk.h"
#include "commands.h"
#include "core/err.h"
#include "store/store.h"

static const char usage[] =
"NAME\n"
"    riposte risk - the risk register: what to secure first\n"
"\n"
"SYNOPSIS\n"
"    riposte risk init [--sector S] [--lang L] [--replace] [--config FILE]\n"
"    riposte risk asset add NAME --value 1-4\n"
"    riposte risk assess ASSET THREAT [--likelihood 1-4] [--impact 1-4]\n"
"                 [--measure TEXT] [--owner WHO]\n"
"    riposte risk import FILE.csv [--replace]\n"
"    riposte risk export [--bom] [-o FILE]\n"
"    riposte risk list [--format text|jsonl|csv]\n"
"    riposte risk top [N] [--format text|jsonl|csv]\n"
"    riposte risk raise THREAT|--vector V --reason TEXT [--source WHO]\n"
"    riposte risk journal [--format text|jsonl]\n"
"    (every form takes --db PATH)\n"
"\n"
"DESCRIPTION\n"
"    Know what brings value and what could destroy it, and secure first what has\n"
"    both. Each asset has a value (1-4: what losing it costs the practice); each\n"
"    threat to an asset a likelihood (1-4) and an impact (1-4), a measure and an\n"
"    owner. score = value x likelihood x impact (1-64). The list is ranked by score;\n"
"    ties by higher value, then higher likelihood, then asset name.\n"
"\n"
"    init seeds the register for the site's sector ('sector =' in [site]:\n"
"    medical-practice or another SME) with typical assets (patient records and\n"
"    practice software, mail, accounting and bank access, backups, shared documents,\n"
"    imaging and devices, phones, website), threats (ransomware, phishing,\n"
"    virus-to-clients, ceo-fraud, bank-detail-fraud, device-loss, provider-outage,\n"
"    insider-error) and starting values, with the measures in the site's language.\n"
"    import and export use one CSV format (RFC 4180, UTF-8; a byte-order mark and\n"
"    ';' as the delimiter are accepted): a header line with the columns\n"
"    asset,value,threat,likelihood,impact,measure,owner, one risk per line, and an\n"
"    asset without a threat on a line of its own with the threat left empty. A bad\n"
"    line is reported with its number and nothing is imported.\n"
"\n"
"    raise says that a threat happened here (an incident's entry vector, a drill's\n"
"    gap): its likelihood goes up by one on every asset, with the reason, shown by\n"
"    list. A source raises a threat once. --vector names the way in (phishing, rdp,\n"
"    usb, lost-device, fake-invoice, ceo-fraud, ...) instead of the threat.\n"
"\n"
"    Every change is journaled in the register's own journal (risk journal) and, when\n"
"    an incident case is open, in the case's journal too.\n"
"\n"
"OPTIONS\n"
"    --value N       asset add: the asset's value, 1 (low) to 4 (vital)\n"
"    --likelihood N, --impact N\n"
"                    assess: 1 (low) to 4 (high); a new risk needs both\n"
"    --measure TEXT  assess: what secures it ('' clears it)\n"
"    --owner WHO     assess: who sees to it ('' clears it)\n"
"    --sector S      init: medical-practice, hospital or other (default: [site] sector)\n"
"    --lang L        init: the measures' language, fr de en it (default: [site] language)\n"
"    --replace       init, import: the register becomes the file (what it does not\n"
"                    name is removed); without it, init refuses a register that has\n"
"                    risks, and import adds and updates\n"
"    --bom           export: start with a UTF-8 byte-order mark (for Excel)\n"
"    -o FILE         export: write to FILE (replaced atomically) instead of stdout\n"
"    --reason TEXT   raise: why (\"case 3: entry by phishing\")\n"
"    --source WHO    raise: what raised it, once per threat (default: \"manual\")\n"
"    --vector V      raise: the incident's entry vector instead of a threat\n"
"    --format F      list, top: text (default), jsonl or csv; journal: text or jsonl\n"
"    --config FILE   the site profile (sector, language)\n"
"    --db PATH       the database (default: $RIPOSTE_DB, else ./riposte.db)\n"
"    -h, --help      this text\n"
"\n"
"OUTPUT\n"
"    list, text: one line per risk: rank, score, V L I, asset, threat, owner, measure;\n"
"      a raised one has a second line with when, by what and why.\n"
"    list, jsonl: {\"kind\":\"risk\",\"rank\":1,\"asset\":...,\"threat\":...,\"value\":4,\n"
"      \"likelihood\":3,\"impact\":4,\"score\":48,\"measure\":...,\"owner\":...,\n"
"      \"raised\":null|{\"reason\":...,\"source\":...,\"time\":\"...Z\"}}, then\n"
"      {\"kind\":\"summary\",\"risks\":N,\"listed\":N,\"assets\":N,\n"
"      \"assets_without_threat\":N,\"raised\":N,\"top_score\":N}\n"
"    list, csv: rank,score,asset,threat,value,likelihood,impact,measure,owner,raised,\n"
"      raised_source,raised_at\n"
"    top: the first N (default 5) with their measure and owner: what to secure first.\n"
"    export: the import format, ranked; it imports back to the same register.\n"
"\n"
"EXIT STATUS\n"
"    0 done, 2 error (bad value, unknown asset, a bad line in the file, no database)\n"
"\n"
"EXAMPLES\n"
"    riposte risk init\n"
"    riposte risk top\n"
"    riposte risk assess mail phishing --likelihood 4 --impact 3 --owner 'IT provider'\n"
"    riposte risk export -o register.csv      # edit it in a spreadsheet, then:\n"
"    riposte risk import register.csv --replace\n"
"    riposte risk raise --vector phishing --reason 'case 3: entry by a phishing mail' \\\n"
"        --source 'case 3'\n";

enum { O_DB = 256, O_CONFIG, O_FORMAT, O_VALUE, O_LIKELIHOOD, O_IMPACT, O_MEASURE, O_OWNER,
	O_SECTOR, O_LANG, O_REPLACE, O_BOM, O_REASON, O_SOURCE, O_VECTOR };

static const struct option longopts[] = {
	{ "db", required_argument, NULL, O_DB },
	{ "config", required_argument, NULL, O_CONFIG },
	{ "format", required_argument, NULL, O_FORMAT },
	{ "value", required_argument, NULL, O_VALUE },
	{ "likelihood", required_argument, NULL, O_LIKELIHOOD },
	{ "impact", required_argument, NULL, O_IMPACT },
	{ "measure", required_argument, NULL, O_MEASURE },
	{ "owner", required_argument, NULL, O_OWNER },
	{ "sector", required_argument, NULL, O_SECTOR },
	{ "lang", required_argument, NULL, O_LANG },
	{ "replace", no_argument, NULL, O_REPLACE },
	{ "bom", no_argument, NULL, O_BOM },
	{ "reason", required_argument, NULL, O_REASON },
	{ "source", required_argument, NULL, O_SOURCE },
	{ "vector", required_argument, NULL, O_VECTOR },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* "riposte: risk: ..." for what was done (the command's output is on stdout). */
void
risk_note(const struct risk_cli *c, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: %s: ", c->cli->argv0, c->cli->cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Where the change went besides the register's own journal. */
void
risk_said_case(const struct risk_cli *c)
{
	if (c->x.case_id)
		risk_note(c, "journaled in case %lld too", (long long)c->x.case_id);
	else if (c->x.case_err)
		rp_warn(c->cli, "changed, but not journaled in the open case: %s",
		    rp_strerror(c->x.case_err));
}

int
risk_store_err(const struct risk_cli *c, int r)
{
	rp_err(c->cli, "'%s': %s%s%s", c->cli->db_path, rp_strerror(r), r == RP_ERR_DB ? ": " : "",
	    r == RP_ERR_DB ? rp_store_errmsg(c->x.st) : "");
	return RP_EXIT_ERROR;
}

int
risk_args(const struct risk_cli *c, int min, int max, const char *what)
{
	if (c->nargs < min || c->nargs > max) {
		rp_err(c->cli, "%s: expected %s (see 'riposte risk --help')", c->nargs < min ?
		    "missing argument" : "too many arguments", what);
		return -1;
	}
	return 0;
}

/* A 1..4 option; 0 when not given. -1 (said) when it is not 1..4. */
static int
scale_opt(const struct risk_cli *c, const char *opt, const char *v)
{
	unsigned long long u;

	if (v == NULL)
		return 0;
	if (rp_cli_uint(c->cli, opt, v, 1, 4, &u) != 0)
		return -1;
	return (int)u;
}

static int
sub_asset(struct risk_cli *c)
{
	int v, r, changed = 0;

	if (c->nargs < 1 || strcmp(c->args[0], "add") != 0) {
		rp_err(c->cli, "asset: expected 'asset add NAME --value 1-4'");
		return RP_EXIT_ERROR;
	}
	c->args++;
	c->nargs--;
	if (risk_args(c, 1, 1, "the asset's name") != 0 || (v = scale_opt(c, "--value", c->value_s)) < 0)
		return RP_EXIT_ERROR;
	if (v == 0) {
		rp_err(c->cli, "asset add needs --value 1-4 (1 low, 4 vital)");
		return RP_EXIT_ERROR;
	}
	if ((r = rp_risk_asset_set(&c->x, c->args[0], v, &changed)) != 0) {
		if (r == RP_ERR_INVALID)
			rp_err(c->cli, "asset '%s': a name is one line of at most %d bytes, without "
			    "spaces around it", c->args[0], RP_RISK_MAX_NAME);
		else
			risk_store_err(c, r);
		return RP_EXIT_ERROR;
	}
	risk_note(c, changed ? "asset '%s': value %d" : "asset '%s' has value %d already", c->args[0], v);
	risk_said_case(c);
	return RP_EXIT_CLEAN;
}

static int
sub_assess(struct risk_cli *c)
{
	struct rp_risk_change ch;
	int r, changed = 0;

	if (risk_args(c, 2, 2, "ASSET THREAT") != 0)
		return RP_EXIT_ERROR;
	memset(&ch, 0, sizeof(ch));
	ch.asset = c->args[0];
	ch.threat = c->args[1];
	ch.measure = c->measure;
	ch.owner = c->owner;
	if ((ch.likelihood = scale_opt(c, "--likelihood", c->like_s)) < 0 ||
	    (ch.impact = scale_opt(c, "--impact", c->impact_s)) < 0)
		return RP_EXIT_ERROR;
	if ((r = rp_risk_assess(&c->x, &ch, &changed)) != 0) {
		if (r == RP_ERR_NOTFOUND)
			rp_err(c->cli, "no asset '%s': add it first ('riposte risk asset add %s "
			    "--value N')", ch.asset, ch.asset);
		else if (r == RP_ERR_INVALID)
			rp_err(c->cli, "assess: a new risk needs --likelihood and --impact (1-4); names "
			    "and owners are one line of at most %d bytes, measures %d",
			    RP_RISK_MAX_NAME, RP_RISK_MAX_MEASURE);
		else
			risk_store_err(c, r);
		return RP_EXIT_ERROR;
	}
	risk_note(c, changed ? "assessed '%s' / '%s'" : "'%s' / '%s' is assessed so already",
	    ch.asset, ch.threat);
	risk_said_case(c);
	return RP_EXIT_CLEAN;
}

static int
sub_listing(struct risk_cli *c, int top)
{
	struct rp_register reg;
	struct rp_buf b = RP_BUF_INIT;
	unsigned long long n = 5;
	int fmt, r, rc = RP_EXIT_ERROR;

	if (risk_args(c, 0, top ? 1 : 0, top ? "at most N" : "no arguments") != 0)
		return RP_EXIT_ERROR;
	if (top && c->nargs == 1 && rp_cli_uint(c->cli, "top", c->args[0], 1, 10000, &n) != 0)
		return RP_EXIT_ERROR;
	if ((fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl,csv")) < 0)
		return RP_EXIT_ERROR;
	if ((r = rp_risk_load(c->x.st, &reg)) != 0)
		return risk_store_err(c, r);
	if ((r = rp_risk_out_list(&reg, fmt, top ? (size_t)n : 0, &b)) == 0 &&
	    rp_cli_put(c->cli, &b) == 0)
		rc = RP_EXIT_CLEAN;
	rp_register_release(&reg);
	rp_buf_release(&b);
	return rc;
}

static int
sub_list(struct risk_cli *c)
{
	return sub_listing(c, 0);
}

static int
sub_top(struct risk_cli *c)
{
	return sub_listing(c, 1);
}

static int
sub_raise(struct risk_cli *c)
{
	static const char *one[2];
	const char *const *threats;
	size_t i, n, total = 0, known = 0;
	int r;

	if (risk_args(c, c->vector ? 0 : 1, c->vector ? 0 : 1, c->vector ?
	    "no THREAT with --vector" : "the THREAT (or --vector V)") != 0)
		return RP_EXIT_ERROR;
	if (c->reason == NULL || !*c->reason) {
		rp_err(c->cli, "raise needs --reason TEXT: why it is more likely now");
		return RP_EXIT_ERROR;
	}
	if (c->vector) {
		if ((threats = rp_risk_vector_threats(c->vector)) == NULL) {
			rp_err(c->cli, "raise: the entry vector '%s' maps to no threat (phishing, "
			    "rdp, vpn, usb, lost-device, fake-invoice, ceo-fraud, ...)", c->vector);
			return RP_EXIT_ERROR;
		}
	} else {
		one[0] = c->args[0];
		one[1] = NULL;
		threats = one;
	}
	for (i = 0; threats[i]; i++) {
		n = 0;
		if ((r = rp_risk_raise(&c->x, threats[i], c->reason, c->source ? c->source : "manual",
		    &n)) == RP_ERR_NOTFOUND)
			continue;
		if (r == RP_ERR_INVALID) {
			rp_err(c->cli, "raise: the threat, the reason and the source are one line "
			    "each (reason at most %d bytes)", RP_RISK_MAX_MEASURE);
			return RP_EXIT_ERROR;
		}
		if (r != 0)
			return risk_store_err(c, r);
		known++;
		total += n;
		if (n)
			risk_note(c, "'%s' more likely on %zu asset%s", threats[i], n, n > 1 ? "s" : "");
		else
			risk_note(c, "'%s' was raised by this source already: nothing changed", threats[i]);
		if (n)
			risk_said_case(c);
	}
	if (known == 0) {
		rp_err(c->cli, "raise: no asset is assessed for '%s' (see 'riposte risk list')",
		    threats[0]);
		return RP_EXIT_ERROR;
	}
	return RP_EXIT_CLEAN;
}

struct journal_out {
	struct risk_cli *c;
	struct rp_buf b;
	int fmt;
};

static int
journal_line(const struct rp_risk_entry *e, void *ctx)
{
	struct journal_out *j = ctx;

	return rp_risk_out_journal(e, j->fmt, &j->b);
}

static int
sub_journal(struct risk_cli *c)
{
	struct journal_out j = { c, RP_BUF_INIT, 0 };
	int r, rc = RP_EXIT_ERROR;

	if (risk_args(c, 0, 0, "no arguments") != 0 ||
	    (j.fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl")) < 0)
		return RP_EXIT_ERROR;
	if ((r = rp_risk_journal_each(c->x.st, journal_line, &j)) != 0)
		risk_store_err(c, r);
	else if (rp_cli_put(c->cli, &j.b) == 0)
		rc = RP_EXIT_CLEAN;
	rp_buf_release(&j.b);
	return rc;
}

static const struct {
	const char *name;
	int (*fn)(struct risk_cli *c);
	int writes;          /* may create the database */
} subs[] = {
	{ "init", risk_sub_init, 1 },
	{ "asset", sub_asset, 1 },
	{ "assess", sub_assess, 1 },
	{ "import", risk_sub_import, 1 },
	{ "export", risk_sub_export, 0 },
	{ "list", sub_list, 0 },
	{ "top", sub_top, 0 },
	{ "raise", sub_raise, 0 },
	{ "journal", sub_journal, 0 },
};

int
cmd_risk(struct rp_cli *cli, int argc, char **argv)
{
	struct risk_cli c;
	const char *sub;
	size_t i;
	int ch, r, rc;

	memset(&c, 0, sizeof(c));
	c.cli = cli;
	rp_cli_opt_begin();
	while ((ch = rp_cli_getopt(cli, argc, argv, "ho:", longopts, usage)) != -1) {
		switch (ch) {
		case 'h': return rp_cli_usage(cli, usage, 1);
		case 'o': c.out = optarg; break;
		case O_DB: cli->db_path = optarg; break;
		case O_CONFIG: c.config = optarg; break;
		case O_FORMAT: c.format = optarg; break;
		case O_VALUE: c.value_s = optarg; break;
		case O_LIKELIHOOD: c.like_s = optarg; break;
		case O_IMPACT: c.impact_s = optarg; break;
		case O_MEASURE: c.measure = optarg; break;
		case O_OWNER: c.owner = optarg; break;
		case O_SECTOR: c.sector = optarg; break;
		case O_LANG: c.lang = optarg; break;
		case O_REPLACE: c.replace = 1; break;
		case O_BOM: c.bom = 1; break;
		case O_REASON: c.reason = optarg; break;
		case O_SOURCE: c.source = optarg; break;
		case O_VECTOR: c.vector = optarg; break;
		default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	if (optind >= argc) {
		rp_err(cli, "missing subcommand (init, asset, assess, import, export, list, top, "
		    "raise, journal); see 'riposte risk --help'");
		return RP_EXIT_ERROR;
	}
	sub = argv[optind++];
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(subs[i].name, sub) == 0)
			break;
	if (i == sizeof(subs) / sizeof(subs[0])) {
		rp_err(cli, "'%s' is not a risk subcommand; see 'riposte risk --help'", sub);
		return RP_EXIT_ERROR;
	}
	c.args = argv + optind;
	c.nargs = argc - optind;
	c.x.now = cli->now;
	c.x.actor = rp_cli_actor();   /* as the case journal records it */
	if ((r = rp_store_open(&c.x.st, cli->db_path, subs[i].writes ? RP_STORE_CREATE : 0)) != 0) {
		if (r == RP_ERR_NOTFOUND)
			rp_err(cli, "no database '%s': start the register with 'riposte risk init' or "
			    "'riposte risk import FILE.csv'", cli->db_path);
		else
			rp_err(cli, "cannot open database '%s': %s", cli->db_path, rp_strerror(r));
		return RP_EXIT_ERROR;
	}
	rc = subs[i].fn(&c);
	rp_store_close(c.x.st);
	return rc;
}
