/*
 * riposte fleet: one IT provider's view of the practices it looks after, in a
 * PostgreSQL database of its own (the centre). The engine is lib/fleet; this file has
 * the manual, the options, the connection and the centre's set-up (init, site add);
 * push is src/cmd-fleet-push.c, status and alerts src/cmd-fleet-status.c.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cmd-fleet.h"
#include "commands.h"
#include "core/err.h"
#include "fleet/fleet.h"

const char fleet_usage[] =
"NAME\n"
"    riposte fleet - the IT provider's view of all its practices (PostgreSQL)\n"
"\n"
"SYNOPSIS\n"
"    riposte fleet init --dsn-file FILE [--schema-version N]\n"
"    riposte fleet site add NAME --dsn-file FILE\n"
"    riposte fleet push --dsn-file FILE --site NAME [--db FILE] [--config FILE]\n"
"                 [--canary DIR]... [--resend] [--format text|jsonl]\n"
"    riposte fleet status --dsn-file FILE [--format text|jsonl|csv]\n"
"    riposte fleet alerts --dsn-file FILE [--since T] [--until T] [--format text|jsonl|csv]\n"
"    (--dsn DSN instead of --dsn-file FILE when the DSN holds no password)\n"
"\n"
"DESCRIPTION\n"
"    An IT provider looks after many small practices, each with riposte on its own\n"
"    server and its own store. The provider's PostgreSQL database, the centre, holds\n"
"    what every practice pushed, so that one command says where an incident is open,\n"
"    which legal clock runs out today, whose canary fired, whose site profile has gaps,\n"
"    who has not reported for a day.\n"
"\n"
"    init creates the centre's schema (schema fleet, roles riposte_practice and\n"
"    riposte_reader) or migrates it to the version this riposte brings; run again, it\n"
"    does nothing. It needs a role that may create schemas and roles (the database's\n"
"    owner with CREATEROLE, or a superuser).\n"
"\n"
"    site add registers a practice (NAME: lowercase letters, digits, '-') and creates\n"
"    its PostgreSQL role riposte_site_NAME with a random password, sent to the server\n"
"    only as a SCRAM verifier. It prints, once, the DSN the practice uses: put it in\n"
"    /etc/riposte/fleet.dsn on the practice's server, mode 600. Row-level security\n"
"    lets that role insert, update and read only its own practice's rows: it can\n"
"    neither see nor write another's, nor delete anything. The provider (the role that\n"
"    ran init, or any member of riposte_reader) reads all of them.\n"
"\n"
"    push runs on each practice (the systemd timer riposte-fleet-push.timer, every 5\n"
"    minutes): it puts what changed since the last push into a queue in the practice's\n"
"    store, then sends the queue. What it sends: the site check's findings (the\n"
"    profile of --config), every incident case with its state, facts and journal head\n"
"    hash, the legal deadlines of the open ones, every journal entry (notes, facts,\n"
"    costs, notifications, attached results), watch's alerts and canary reads (kept in\n"
"    the store whether or not a case is open), the last scan, diff, restore-check and\n"
"    exfil summaries and the baselines, the score of every tabletop drill (riposte\n"
"    drill; not who took part), and the state of the canary files in each --canary\n"
"    DIR (by stat(2) only: a read would be a canary read that watch notes).\n"
"    Every record has an id unique within the practice: sending it twice stores it\n"
"    once, a newer version replaces the older, and a record the practice no longer has\n"
"    (a finding fixed, the deadlines of a closed case) is marked gone. When the centre\n"
"    cannot be reached, the records stay queued and go with the next push that works;\n"
"    a record leaves the queue only once the centre has committed it, so nothing is\n"
"    lost and nothing is stored twice. --resend queues everything again (a centre\n"
"    restored from an old backup).\n"
"\n"
"    status prints one line per practice, most urgent first: open incidents, legal\n"
"    deadlines overdue and due within 24 h (of open cases, as of now), watch alerts of\n"
"    the last 7 days, high findings, stale contacts, journal entries that came back\n"
"    changed (a rewritten journal), and the last push (stale after 24 h). A practice\n"
"    needs attention when any of these but the stale contacts is not zero, or its\n"
"    last push is stale. alerts lists the alerts of all practices in time order.\n"
"\n"
"CONNECTING, PASSWORDS AND TLS\n"
"    The DSN is a libpq connection string (host=... dbname=... user=...) or a\n"
"    postgresql:// URI. A password is never given in the arguments (every user of the\n"
"    machine sees them in ps): --dsn refuses a DSN with a password. Put the DSN in a\n"
"    file, mode 600, and give --dsn-file FILE (one line; '#' comments); riposte refuses\n"
"    a DSN file that holds a password and that group or others may read. Or keep the\n"
"    password in a password file (PGPASSFILE, ~/.pgpass), as libpq reads it.\n"
"    When the centre is not this machine (a host other than a socket directory,\n"
"    localhost, 127.0.0.0/8 or ::1), riposte connects only with sslmode=verify-full: it\n"
"    is added when the DSN gives no sslmode, and a weaker sslmode is refused. The\n"
"    centre's CA certificate goes in sslrootcert=FILE (default ~/.postgresql/root.crt).\n"
"\n"
"OPTIONS\n"
"    --dsn DSN           the centre, as a connection string without a password\n"
"    --dsn-file FILE     the centre's connection string, read from FILE\n"
"    --site NAME         push: the practice this server is (site add's NAME)\n"
"    --db FILE           push: the practice's store (default: $RIPOSTE_DB, else\n"
"                        ./riposte.db)\n"
"    --config FILE       push: the site profile (default: $RIPOSTE_CONF, ./riposte.conf,\n"
"                        /etc/riposte/riposte.conf)\n"
"    --canary DIR        push: report the canary files of DIR (repeatable)\n"
"    --resend            push: send every record again, not only what changed\n"
"    --schema-version N  init: migrate only up to version N (staged upgrades)\n"
"    --since T, --until T\n"
"                        alerts: only alerts at or after T, at or before T (ISO 8601)\n"
"    --format F          status, alerts: text (default), jsonl or csv; push: text or jsonl\n"
"    -h, --help          this text\n"
"\n"
"OUTPUT\n"
"    site add: the practice's DSN on stdout (one line), what to do with it on stderr.\n"
"    push, text: what was collected and sent, and how many records stay queued;\n"
"      jsonl: {\"kind\":\"summary\",\"records\":N,\"changed\":N,\"gone\":N,\"sent\":N,\n"
"      \"queued\":N,\"bad\":N,\"reached\":true|false}\n"
"    status, jsonl: per practice {\"kind\":\"site\",\"site\":S,\"open_cases\":N,\"overdue\":N,\n"
"      \"due_24h\":N,\"alerts_7d\":N,\"high_findings\":N,\"last_push\":T|null,\"stale\":B,\n"
"      \"stale_contacts\":N,\"rewritten\":N,\"queued\":N,\"attention\":B}, then\n"
"      {\"kind\":\"summary\",\"sites\":N,\"attention\":N}\n"
"    status, csv: site,open_cases,overdue,due_24h,alerts_7d,high_findings,last_push,\n"
"      stale,stale_contacts,rewritten,queued,attention\n"
"    alerts, jsonl: {\"kind\":\"alert\",\"site\":S,\"time\":T,\"type\":\"alert|canary-read\",\n"
"      \"case\":N|null,\"text\":S,\"data\":{watch's alert}}, then\n"
"      {\"kind\":\"summary\",\"alerts\":N,\"sites\":N}\n"
"    alerts, csv: site,time,type,case,pid,exe,action,result,path,text\n"
"\n"
"EXIT STATUS\n"
"    init, site add, push: 0 done, 2 error; push exits 2 while the centre cannot be\n"
"      reached (the records stay queued) and 0 once they are sent.\n"
"    status: 0 no practice needs attention, 1 one does, 2 error.\n"
"    alerts: 0 none, 1 alerts listed, 2 error.\n"
"\n"
"EXAMPLES\n"
"    # the provider, once (admin.dsn: host=fleet.example.net dbname=fleet user=fleet_admin\n"
"    # sslrootcert=/etc/riposte/fleet-ca.crt, the password in ~/.pgpass)\n"
"    riposte fleet init --dsn-file admin.dsn\n"
"    riposte fleet site add praxis-muster --dsn-file admin.dsn > praxis-muster.dsn\n"
"    # each practice: the DSN in /etc/riposte/fleet.dsn (chmod 600), then\n"
"    riposte fleet push --dsn-file /etc/riposte/fleet.dsn --site praxis-muster \\\n"
"        --db /var/lib/riposte/riposte.db --canary /srv/share\n"
"    systemctl enable --now riposte-fleet-push.timer\n"
"    # the provider, every morning\n"
"    riposte fleet status --dsn-file admin.dsn\n"
"    riposte fleet alerts --dsn-file admin.dsn --since 2026-11-19\n";

enum { O_DSN = 256, O_DSN_FILE, O_SITE, O_DB, O_CONFIG, O_FORMAT, O_CANARY, O_RESEND,
	O_SCHEMA, O_SINCE, O_UNTIL };

static const struct option longopts[] = {
	{ "dsn", required_argument, NULL, O_DSN },
	{ "dsn-file", required_argument, NULL, O_DSN_FILE },
	{ "site", required_argument, NULL, O_SITE },
	{ "db", required_argument, NULL, O_DB },
	{ "config", required_argument, NULL, O_CONFIG },
	{ "format", required_argument, NULL, O_FORMAT },
	{ "canary", required_argument, NULL, O_CANARY },
	{ "resend", no_argument, NULL, O_RESEND },
	{ "schema-version", required_argument, NULL, O_SCHEMA },
	{ "since", required_argument, NULL, O_SINCE },
	{ "until", required_argument, NULL, O_UNTIL },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

void
fleet_fail(const struct fleet_cli *c, struct rp_fleet *f, const char *what, int r)
{
	const char *m = rp_fleet_errmsg(f);

	if (m && *m)
		rp_err(c->cli, "%s: %s", what, m);
	else
		rp_err(c->cli, "%s: %s", what, rp_strerror(r));
}

int
fleet_connect(struct fleet_cli *c, struct rp_fleet **f)
{
	struct rp_buf dsn = RP_BUF_INIT, err = RP_BUF_INIT;
	struct rp_fleet_dsn_info in;
	int r, line = 0, shared = 0, rc = -1;

	*f = NULL;
	if ((c->dsn == NULL) == (c->dsn_file == NULL)) {
		rp_err(c->cli, c->dsn ? "--dsn and --dsn-file: give one of them" :
		    "where is the centre? give --dsn-file FILE (or --dsn DSN without a password)");
		return -1;
	}
	if (c->dsn_file) {
		if ((r = rp_fleet_dsn_file(c->dsn_file, &dsn, &line, &shared)) != 0) {
			if (r == RP_ERR_FORMAT)
				rp_err(c->cli, "'%s' line %d: a DSN file holds one connection string (and '#' "
				    "comments)", c->dsn_file, line);
			else if (r == RP_ERR_SYSTEM)
				rp_err(c->cli, "cannot read '%s': %s", c->dsn_file, strerror(errno));
			else
				rp_err(c->cli, "'%s': %s", c->dsn_file, r == RP_ERR_TOOBIG ?
				    "longer than 4 KiB: not a DSN file" : rp_strerror(r));
			goto out;
		}
	} else {
		rp_buf_addstr(&dsn, c->dsn);
	}
	if ((r = rp_fleet_dsn_inspect(dsn.buf, &in, &err)) != 0) {
		rp_err(c->cli, "%s%s%s: not a connection string: %s", c->dsn_file ? "'" : "--dsn",
		    c->dsn_file ? c->dsn_file : "", c->dsn_file ? "'" : "", err.buf);
		goto out;
	}
	if (in.password && c->dsn) {
		rp_err(c->cli, "--dsn: a password in the arguments is seen by every user of this machine "
		    "(ps): put the DSN in a file of mode 600 and give --dsn-file FILE, or the password "
		    "in PGPASSFILE");
		goto out;
	}
	if (in.password && shared) {
		rp_err(c->cli, "'%s' holds a password and group or others may read it: chmod 600 '%s'",
		    c->dsn_file, c->dsn_file);
		goto out;
	}
	if ((r = rp_fleet_connect(f, dsn.buf, &err)) != 0) {
		if (r == RP_ERR_REFUSED)
			rp_err(c->cli, "%s", err.buf);
		else if (r == RP_ERR_UNREACHABLE)
			rp_err(c->cli, "cannot reach the centre: %s", err.buf);
		else
			rp_err(c->cli, "cannot connect to the centre: %s", err.len ? err.buf : rp_strerror(r));
		rc = r == RP_ERR_UNREACHABLE || r == RP_ERR_PERM ? -2 : -1;
		goto out;
	}
	rc = 0;
out:
	if (dsn.len)
		explicit_bzero(dsn.buf, dsn.len);
	rp_buf_release(&dsn);
	rp_buf_release(&err);
	return rc;
}

static int
fleet_init(struct fleet_cli *c)
{
	struct rp_fleet *f = NULL;
	int r, from = 0, to = 0;

	if (c->nargs) {
		rp_err(c->cli, "init: unexpected argument '%s'", c->args[0]);
		return RP_EXIT_ERROR;
	}
	if (fleet_connect(c, &f) != 0)
		return RP_EXIT_ERROR;
	if ((r = rp_fleet_init(f, c->schema, &from, &to)) != 0) {
		fleet_fail(c, f, "init", r);
		rp_fleet_close(f);
		return RP_EXIT_ERROR;
	}
	rp_fleet_close(f);
	if (from == to)
		printf("the centre's schema is at version %d: nothing to do\n", to);
	else if (from == 0)
		printf("the centre's schema created: version %d\n", to);
	else
		printf("the centre's schema migrated from version %d to %d\n", from, to);
	return RP_EXIT_CLEAN;
}

static int
fleet_site(struct fleet_cli *c)
{
	struct rp_fleet *f = NULL;
	struct rp_fleet_cred cred;
	int r, rc = RP_EXIT_ERROR;

	memset(&cred, 0, sizeof(cred));
	if (c->nargs < 1 || strcmp(c->args[0], "add") != 0) {
		rp_err(c->cli, "site: expected 'site add NAME'");
		return RP_EXIT_ERROR;
	}
	if (c->nargs != 2) {
		rp_err(c->cli, c->nargs < 2 ? "site add: missing the practice's NAME" :
		    "site add: one NAME at a time");
		return RP_EXIT_ERROR;
	}
	if (!rp_fleet_site_name_valid(c->args[1])) {
		rp_err(c->cli, "site add: '%s' is not a practice name: lowercase letters, digits and "
		    "'-', at most 40, starting with a letter or a digit", c->args[1]);
		return RP_EXIT_ERROR;
	}
	if (fleet_connect(c, &f) != 0)
		return RP_EXIT_ERROR;
	if ((r = rp_fleet_site_add(f, c->args[1], &cred)) != 0) {
		fleet_fail(c, f, "site add", r);
		goto out;
	}
	printf("%s\n", cred.dsn);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		rp_err(c->cli, "site add: the DSN could not be written (%s): the role %s exists; "
		    "give it a new password with ALTER ROLE", strerror(errno), cred.role);
		goto out;
	}
	fprintf(stderr, "riposte: fleet: practice '%s' registered, role %s; the line above is its "
	    "DSN, shown once: put it in /etc/riposte/fleet.dsn on the practice's server (chmod 600) "
	    "and run 'riposte fleet push --dsn-file /etc/riposte/fleet.dsn --site %s' there\n",
	    c->args[1], cred.role, c->args[1]);
	rc = RP_EXIT_CLEAN;
out:
	rp_fleet_cred_release(&cred);
	rp_fleet_close(f);
	return rc;
}

int
cmd_fleet(struct rp_cli *cli, int argc, char **argv)
{
	struct fleet_cli c;
	unsigned long long u;
	const char **v;
	const char *verb;
	int ch, rc;

	memset(&c, 0, sizeof(c));
	c.cli = cli;
	rp_cli_opt_begin();
	while ((ch = rp_cli_getopt(cli, argc, argv, "h", longopts, fleet_usage)) != -1) {
		switch (ch) {
		case O_DSN: c.dsn = optarg; break;
		case O_DSN_FILE: c.dsn_file = optarg; break;
		case O_SITE: c.site = optarg; break;
		case O_DB: cli->db_path = optarg; break;
		case O_CONFIG: c.config = optarg; break;
		case O_FORMAT: c.format = optarg; break;
		case O_CANARY:
			if ((v = realloc(c.canaries, (c.ncanaries + 1) * sizeof(*v))) == NULL) {
				rp_err(cli, "out of memory");
				free(c.canaries);
				return RP_EXIT_ERROR;
			}
			c.canaries = v;
			c.canaries[c.ncanaries++] = optarg;
			break;
		case O_RESEND: c.resend = 1; break;
		case O_SCHEMA:
			if (rp_cli_uint(cli, "--schema-version", optarg, 1, RP_FLEET_SCHEMA, &u) != 0) {
				free(c.canaries);
				return RP_EXIT_ERROR;
			}
			c.schema = (int)u;
			break;
		case O_SINCE: c.since = optarg; break;
		case O_UNTIL: c.until = optarg; break;
		case 'h':
			free(c.canaries);
			return rp_cli_usage(cli, fleet_usage, 1);
		default:
			free(c.canaries);
			return RP_EXIT_ERROR;    /* said by rp_cli_getopt */
		}
	}
	if (optind >= argc) {
		rp_err(cli, "missing subcommand: init, site, push, status or alerts; see 'riposte "
		    "fleet --help'");
		free(c.canaries);
		return RP_EXIT_ERROR;
	}
	verb = argv[optind];
	c.args = argv + optind + 1;
	c.nargs = argc - optind - 1;
	if (strcmp(verb, "init") == 0)
		rc = fleet_init(&c);
	else if (strcmp(verb, "site") == 0)
		rc = fleet_site(&c);
	else if (strcmp(verb, "push") == 0)
		rc = fleet_push(&c);
	else if (strcmp(verb, "status") == 0)
		rc = fleet_status(&c);
	else if (strcmp(verb, "alerts") == 0)
		rc = fleet_alerts(&c);
	else {
		rp_err(cli, "'%s' is not a fleet subcommand (init, site, push, status, alerts)", verb);
		rc = RP_EXIT_ERROR;
	}
	free(c.canaries);
	return rc;
}
