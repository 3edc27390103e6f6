/*
 * riposte serve: the practice's incident page in a browser. Options, the access
 * tokens' files, the TLS files, signals and the log lines; the engine is lib/serve.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "case/config.h"
#include "cli-journal.h"
#include "cmd-serve.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/time.h"
#include "serve/auth.h"
#include "serve/serve.h"
#include "site-conf.h"

static const char usage[] =
"NAME\n"
"    riposte serve - the incident page in a browser: deadlines, checklist, journal, alerts\n"
"\n"
"SYNOPSIS\n"
"    riposte serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE]\n"
"                  [--user NAME:TOKENFILE]... [--token-file FILE] [--lang fr|de|en]\n"
"                  [--session DURATION] [--threads N] [--max-connections N]\n"
"                  [--timeout SECONDS] [--db FILE] [--config FILE] [--format text|jsonl]\n"
"                  [--fleet --dsn-file FILE | --fleet --dsn DSN]\n"
"\n"
"DESCRIPTION\n"
"    Serves one page that the practice manager, the doctor and the IT provider can\n"
"    all look at during an incident, over the same database as the CLI: the open\n"
"    case's title and phase (detect, contain, investigate, notify, recover, close:\n"
"    the furthest its journal shows), its legal deadlines with a live countdown\n"
"    (overdue in red, done struck through), the first-hour checklist of the\n"
"    emergency plan with who ticked what and when, the last journal entries, live\n"
"    alerts of 'riposte watch' (pushed to the page as they are journaled), costs and\n"
"    the insurance claim. Its forms write to the case through the same calls as\n"
"    'riposte case' (log, notify --sent, cost add) and tick the checklist, each a\n"
"    journal entry with the name of who is logged in. Before an incident: the\n"
"    emergency plan, the site profile's check, the risk register's top risks and\n"
"    the drills played ('riposte drill run') with their scores, overall and per\n"
"    capability. Each page and its link appear once its data exists.\n"
"    Texts in the site's language (fr, de, en); no external asset, no framework;\n"
"    it works without JavaScript except the live parts, and prints.\n"
"\n"
"    Safe by default: it listens on 127.0.0.1:8088; another address needs TLS\n"
"    (--tls-cert, --tls-key) and is refused without. Logging in needs an access\n"
"    token: a random one is made in a file next to the database (serve.token, mode\n"
"    600; one that others can read is refused), and serve prints a one-time login\n"
"    link. The session is a cookie (HttpOnly, SameSite=Strict, Secure under TLS)\n"
"    that expires; every form carries a CSRF token; pages are sent with a\n"
"    Content-Security-Policy without inline script, X-Frame-Options DENY and no\n"
"    caching. --user adds people, each with a token file of their own and named in\n"
"    the journal. SQLite in WAL mode: the CLI and the page write at the same time,\n"
"    and a killed server loses nothing committed.\n"
"\n"
"    For an IT provider, --fleet adds the fleet's page (/fleet): every practice that\n"
"    pushes to the centre ('riposte fleet'), as 'fleet status' lists them (open\n"
"    incidents, overdue and due-within-24 h deadlines, alerts of 7 days, high\n"
"    findings, stale contacts, the last push; most urgent first), and the last\n"
"    alerts of all practices, as 'fleet alerts'. The centre is given as 'fleet'\n"
"    takes it (--dsn-file FILE; --dsn only without a password) and is reached for\n"
"    each view of the page, behind the same login; when it cannot be reached the\n"
"    page says so. The database is still opened (created empty when missing: the\n"
"    provider's machine has no case; serve.token lives next to it); when it holds\n"
"    no case and there is no site profile, / shows the fleet.\n"
"\n"
"    Paths: / (the overview), /journal, /plan, /risks, /site, /drills, /fleet;\n"
"    /api/status (JSON: the open case, its deadlines, alerts of the last 24 hours,\n"
"    the site check, the last drill; a session or 'Authorization: Bearer TOKEN');\n"
"    /healthz (no login: 'ok').\n"
"\n"
"OPTIONS\n"
"    --listen HOST:PORT   address to listen on (default 127.0.0.1:8088; port 0: a free\n"
"                         one; [::1]:PORT for IPv6). Not loopback: needs TLS\n"
"    --tls-cert FILE      PEM certificate (chain) for HTTPS, with --tls-key FILE\n"
"    --user NAME:FILE     another person who may log in, named NAME in the journal,\n"
"                         with the access token in FILE (made when missing, mode 600)\n"
"    --token-file FILE    your own token file (default: serve.token next to the\n"
"                         database); you are $RIPOSTE_ACTOR, else your user name\n"
"    --lang L             the pages' language (default: [site] language, else en)\n"
"    --session DURATION   how long a login lasts (default 8h; 30m, 12h, 2d)\n"
"    --threads N          worker threads (default 4)\n"
"    --max-connections N  connections at once, in all and from one address (default\n"
"                         512 in all, 256 from one address)\n"
"    --timeout SECONDS    an idle connection, or one that sends its request too\n"
"                         slowly, is closed after this (default 30)\n"
"    --db FILE            database (default: $RIPOSTE_DB, else ./riposte.db)\n"
"    --config FILE        site profile (default: $RIPOSTE_CONF, ./riposte.conf,\n"
"                         /etc/riposte/riposte.conf); re-read when it changes\n"
"    --format F           text (default) or jsonl\n"
"    --fleet              add the fleet's page, from the centre given by:\n"
"    --dsn-file FILE      the centre's connection string in FILE (one line; '#'\n"
"                         comments; with a password: mode 600)\n"
"    --dsn DSN            the same without a password (PGPASSFILE for it)\n"
"    -h, --help           this text\n"
"\n"
"OUTPUT\n"
"    Once listening, the address and the one-time login link; then one line per\n"
"    login and per write to the case, until SIGTERM or SIGINT; warnings on stderr.\n"
"    JSONL: {\"kind\":\"ready\",\"url\":...,\"login\":...,\"token_file\":...}, then\n"
"    {\"kind\":\"action\",\"time\":ISO8601,\"user\":...,\"what\":...}, and last\n"
"    {\"kind\":\"summary\",\"requests\":N,\"logins\":N,\"writes\":N,\"refused\":N}.\n"
"\n"
"EXIT STATUS\n"
"    0 stopped by a signal, 2 error (an address refused or in use, a token file\n"
"    others can read, an unreadable database or TLS file)\n"
"\n"
"EXAMPLES\n"
"    riposte serve\n"
"    riposte serve --listen 127.0.0.1:0 --format jsonl\n"
"    riposte serve --fleet --dsn-file /etc/riposte/admin.dsn --db /var/lib/riposte/provider.db\n"
"    riposte serve --user anna:/var/lib/riposte/anna.token --user it:/var/lib/riposte/it.token\n"
"    riposte serve --listen 0.0.0.0:8443 --tls-cert /etc/riposte/cert.pem \\\n"
"        --tls-key /etc/riposte/key.pem\n"
"    curl -H \"Authorization: Bearer $(cat serve.token)\" http://127.0.0.1:8088/api/status\n";

#define MAX_USERS 16

enum { O_LISTEN = 256, O_CERT, O_KEY, O_USER, O_TOKEN, O_LANG, O_SESSION, O_THREADS,
	O_MAXCONN, O_TIMEOUT, O_DB, O_CONFIG, O_FORMAT, O_FLEET, O_DSN, O_DSN_FILE };

static const struct option longopts[] = {
	{ "listen", required_argument, NULL, O_LISTEN },
	{ "tls-cert", required_argument, NULL, O_CERT },
	{ "tls-key", required_argument, NULL, O_KEY },
	{ "user", required_argument, NULL, O_USER },
	{ "token-file", required_argument, NULL, O_TOKEN },
	{ "lang", required_argument, NULL, O_LANG },
	{ "session", required_argument, NULL, O_SESSION },
	{ "threads", required_argument, NULL, O_THREADS },
	{ "max-connections", required_argument, NULL, O_MAXCONN },
	{ "timeout", required_argument, NULL, O_TIMEOUT },
	{ "db", required_argument, NULL, O_DB },
	{ "config", required_argument, NULL, O_CONFIG },
	{ "format", required_argument, NULL, O_FORMAT },
	{ "fleet", no_argument, NULL, O_FLEET },
	{ "dsn", required_argument, NULL, O_DSN },
	{ "dsn-file", required_argument, NULL, O_DSN_FILE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* What the callbacks print with, from the server's threads. */
struct out {
	struct rp_cli *cli;
	int fmt;
	const char *token_file;
	pthread_mutex_t mu;
};

static void
json_kv(struct rp_buf *b, const char *key, const char *v)
{
	int lossy = 0;

	rp_buf_addf(b, ",\"%s\":\"", key);
	rp_esc_json(b, v, strlen(v), &lossy);
	rp_buf_addch(b, '"');
}

static void
put_line(struct out *o, struct rp_buf *b)
{
	pthread_mutex_lock(&o->mu);
	fwrite(b->buf, 1, b->len, stdout);
	fflush(stdout);
	pthread_mutex_unlock(&o->mu);
}

static void
on_ready(void *ctx, const char *url, const char *login)
{
	struct out *o = ctx;
	struct rp_buf b = RP_BUF_INIT;

	if (o->fmt == RP_FMT_JSONL) {
		rp_buf_addstr(&b, "{\"kind\":\"ready\"");
		json_kv(&b, "url", url);
		json_kv(&b, "login", login);
		json_kv(&b, "token_file", o->token_file);
		rp_buf_addstr(&b, "}\n");
	} else {
		rp_buf_addf(&b, "riposte serve: listening on %s\n"
		    "log in once with this link (it works one time): %s\n"
		    "or with the access token in %s\n", url, login, o->token_file);
	}
	put_line(o, &b);
	rp_buf_release(&b);
}

static void
on_action(void *ctx, const char *user, const char *what)
{
	struct out *o = ctx;
	struct rp_buf b = RP_BUF_INIT;
	int64_t now = time(NULL);

	if (o->fmt == RP_FMT_JSONL) {
		rp_buf_addstr(&b, "{\"kind\":\"action\",\"time\":\"");
		rp_time_fmt_utc(&b, now);
		rp_buf_addch(&b, '"');
		json_kv(&b, "user", user);
		json_kv(&b, "what", what);
		rp_buf_addstr(&b, "}\n");
	} else {
		rp_time_fmt_local(&b, now);
		rp_buf_addstr(&b, "  ");
		rp_esc_text(&b, user, strlen(user));
		rp_buf_addstr(&b, ": ");
		rp_esc_text(&b, what, strlen(what));
		rp_buf_addch(&b, '\n');
	}
	put_line(o, &b);
	rp_buf_release(&b);
}

static void
on_warning(void *ctx, const char *msg)
{
	struct out *o = ctx;

	pthread_mutex_lock(&o->mu);
	rp_warn(o->cli, "%s", msg);
	pthread_mutex_unlock(&o->mu);
}

/* Waits for SIGINT, SIGTERM or SIGHUP (blocked in every thread) and stops the server. */
struct sigwaiter {
	struct rp_serve *s;
	sigset_t set;
	volatile int done;
};

static void *
sig_thread(void *arg)
{
	struct sigwaiter *w = arg;
	int sig;

	while (sigwait(&w->set, &sig) == 0) {
		if (w->done)
			break;
		rp_serve_stop(w->s);
	}
	return NULL;
}

/* A token file: made when missing (said on stderr), refused when others may read it. */
static char *
token_of(struct rp_cli *cli, const char *path)
{
	char *token = NULL;
	int created = 0, r;

	r = rp_auth_token_file(path, 1, &token, &created);
	if (r == RP_ERR_PERM) {
		rp_err(cli, "'%s' may be read or written by others, or is not yours: an access "
		    "token must be readable by its owner only (chmod 600 '%s')", path, path);
	} else if (r == RP_ERR_FORMAT) {
		rp_err(cli, "'%s' does not hold an access token (one line of 32 to 256 printable "
		    "characters)", path);
	} else if (r != 0) {
		rp_err(cli, "cannot read the token file '%s': %s", path, rp_strerror(r));
	} else if (created) {
		rp_warn(cli, "made a new access token in '%s' (readable by its owner only)", path);
	}
	return token;
}

static int
read_pem(struct rp_cli *cli, const char *path, struct rp_buf *b)
{
	int r = rp_file_read_all(AT_FDCWD, path, b, 1 << 20);

	if (r != 0)
		rp_err(cli, "cannot read '%s': %s", path, rp_strerror(r));
	else if (strstr(b->buf, "-----BEGIN ") == NULL)
		rp_err(cli, "'%s' is not a PEM file", path);
	else
		return 0;
	return -1;
}

int
cmd_serve(struct rp_cli *cli, int argc, char **argv)
{
	struct rp_serve_config cfg;
	struct rp_serve_user users[MAX_USERS + 1];
	char *tokens[MAX_USERS + 1], *user_specs[MAX_USERS], dbdir[PATH_MAX], site_abs[PATH_MAX];
	char deftoken[PATH_MAX + 16];
	struct rp_buf cert = RP_BUF_INIT, key = RP_BUF_INIT, dsn = RP_BUF_INIT;
	struct rp_serve_cb cb = { on_ready, on_action, on_warning };
	struct rp_serve_stats st;
	struct rp_serve *s = NULL;
	struct rp_ini *site = NULL;
	struct sigwaiter w;
	struct out o;
	pthread_t sigt;
	const char *token_file = NULL, *cert_path = NULL, *key_path = NULL, *format = NULL;
	const char *config = NULL, *site_path = NULL, *actor, *dsn_arg = NULL, *dsn_file = NULL;
	unsigned long long u;
	size_t nusers = 0, nspecs = 0, i;
	int ch, r, rc = RP_EXIT_ERROR, sig_started = 0, fleet = 0;

	memset(&cfg, 0, sizeof(cfg));
	memset(tokens, 0, sizeof(tokens));
	cfg.listen = "127.0.0.1:8088";
	rp_cli_opt_begin();
	while ((ch = rp_cli_getopt(cli, argc, argv, "h", longopts, usage)) != -1) {
		switch (ch) {
		case 'h': return rp_cli_usage(cli, usage, 1);
		case O_LISTEN: cfg.listen = optarg; break;
		case O_CERT: cert_path = optarg; break;
		case O_KEY: key_path = optarg; break;
		case O_USER:
			if (nspecs == MAX_USERS) {
				rp_err(cli, "--user: at most %d", MAX_USERS);
				return RP_EXIT_ERROR;
			}
			user_specs[nspecs++] = optarg;
			break;
		case O_TOKEN: token_file = optarg; break;
		case O_LANG: cfg.lang = optarg; break;
		case O_SESSION:
			if (rp_duration_parse(optarg, &cfg.session_ttl) != 0 || cfg.session_ttl < 60 ||
			    cfg.session_ttl > 30 * 86400) {
				rp_err(cli, "--session: '%s' is not a duration from 1m to 30d", optarg);
				return RP_EXIT_ERROR;
			}
			break;
		case O_THREADS:
			if (rp_cli_uint(cli, "--threads", optarg, 1, 64, &u) != 0)
				return RP_EXIT_ERROR;
			cfg.threads = (unsigned)u;
			break;
		case O_MAXCONN:
			if (rp_cli_uint(cli, "--max-connections", optarg, 4, 100000, &u) != 0)
				return RP_EXIT_ERROR;
			cfg.max_conns = (unsigned)u;
			cfg.max_conns_per_ip = (unsigned)u;
			break;
		case O_TIMEOUT:
			if (rp_cli_uint(cli, "--timeout", optarg, 1, 3600, &u) != 0)
				return RP_EXIT_ERROR;
			cfg.timeout_s = (unsigned)u;
			break;
		case O_DB: cli->db_path = optarg; break;
		case O_CONFIG: config = optarg; break;
		case O_FORMAT: format = optarg; break;
		case O_FLEET: fleet = 1; break;
		case O_DSN: dsn_arg = optarg; break;
		case O_DSN_FILE: dsn_file = optarg; break;
		default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	memset(&o, 0, sizeof(o));
	o.cli = cli;
	o.fmt = RP_FMT_TEXT;
	if (format && (o.fmt = rp_cli_format(cli, format, "text,jsonl")) < 0)
		return RP_EXIT_ERROR;
	if (optind < argc) {
		rp_err(cli, "unexpected argument '%s'", argv[optind]);
		return rp_cli_usage(cli, usage, 0);
	}
	if (cfg.lang && strcmp(cfg.lang, "fr") && strcmp(cfg.lang, "de") && strcmp(cfg.lang, "en")) {
		rp_err(cli, "--lang: '%s' is not fr, de or en", cfg.lang);
		return RP_EXIT_ERROR;
	}
	if (!cert_path != !key_path) {
		rp_err(cli, "--tls-cert and --tls-key go together");
		return RP_EXIT_ERROR;
	}
	r = rp_serve_listen_loopback(cfg.listen);
	if (r < 0) {
		rp_err(cli, "--listen: '%s' is not HOST:PORT with a numeric address (127.0.0.1:8088, "
		    "[::1]:8088) or localhost", cfg.listen);
		return RP_EXIT_ERROR;
	}
	if (r == 0 && cert_path == NULL) {
		rp_err(cli, "refusing to listen on '%s' without TLS: the access token and the case "
		    "would cross the network in clear; give --tls-cert and --tls-key, or listen on "
		    "127.0.0.1", cfg.listen);
		return RP_EXIT_ERROR;
	}
	if (!fleet && (dsn_arg || dsn_file)) {
		rp_err(cli, "%s goes with --fleet", dsn_arg ? "--dsn" : "--dsn-file");
		return RP_EXIT_ERROR;
	}
	if (fleet && serve_fleet_dsn(cli, dsn_arg, dsn_file, &dsn) != 0) {
		rp_buf_release(&dsn);
		return RP_EXIT_ERROR;
	}
	cfg.fleet_dsn = fleet ? dsn.buf : NULL;
	pthread_mutex_init(&o.mu, NULL);
	if (rp_site_conf_load(cli, config, &site, &site_path) != 0)
		goto out;
	if (site_path && realpath(site_path, site_abs) != NULL)
		site_path = site_abs;
	cfg.site_path = site ? site_path : NULL;
	rp_ini_free(site);
	site = NULL;

	/* you, with the token next to the database; then the --user people */
	if (token_file == NULL) {
		snprintf(dbdir, sizeof(dbdir), "%s", cli->db_path);
		snprintf(deftoken, sizeof(deftoken), "%s/serve.token", dirname(dbdir));
		token_file = deftoken;
	}
	actor = rp_cli_actor();
	if (!rp_auth_name_ok(actor)) {
		rp_err(cli, "'%s' cannot be a name in the journal: set RIPOSTE_ACTOR", actor);
		goto out;
	}
	if ((tokens[0] = token_of(cli, token_file)) == NULL)
		goto out;
	users[nusers++] = (struct rp_serve_user){ actor, tokens[0] };
	for (i = 0; i < nspecs; i++) {
		char *colon = strchr(user_specs[i], ':');

		if (colon == NULL || colon == user_specs[i] || colon[1] == '\0') {
			rp_err(cli, "--user: '%s' is not NAME:TOKENFILE", user_specs[i]);
			goto out;
		}
		*colon = '\0';
		if (!rp_auth_name_ok(user_specs[i])) {
			rp_err(cli, "--user: '%s' cannot be a name (1 to 64 characters, no control "
			    "character, no ':')", user_specs[i]);
			goto out;
		}
		if ((tokens[nusers] = token_of(cli, colon + 1)) == NULL)
			goto out;
		users[nusers] = (struct rp_serve_user){ user_specs[i], tokens[nusers] };
		nusers++;
	}
	if (cert_path && (read_pem(cli, cert_path, &cert) != 0 || read_pem(cli, key_path, &key) != 0))
		goto out;
	cfg.tls_cert = cert_path ? cert.buf : NULL;
	cfg.tls_key = key_path ? key.buf : NULL;
	cfg.db_path = cli->db_path;
	cfg.data_dir = cli->data_dir;
	cfg.users = users;
	cfg.nusers = nusers;
	o.token_file = token_file;

	/* signals go to the waiter thread only: block them before any thread starts */
	memset(&w, 0, sizeof(w));
	sigemptyset(&w.set);
	sigaddset(&w.set, SIGINT);
	sigaddset(&w.set, SIGTERM);
	sigaddset(&w.set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &w.set, NULL);

	r = rp_serve_new(&cfg, &cb, &o, &s);
	if (r != 0) {
		if (r == RP_ERR_SYSTEM)
			rp_err(cli, "cannot listen on '%s': %s", cfg.listen, strerror(errno));
		else if (r == RP_ERR_UNSUPPORTED)
			rp_err(cli, "this libmicrohttpd was built without TLS");
		else if (r == RP_ERR_NOTFOUND || r == RP_ERR_FORMAT)
			rp_err(cli, "the data of serve is missing or malformed: %s", rp_strerror(r));
		else
			rp_err(cli, "cannot start with the database '%s': %s", cli->db_path, rp_strerror(r));
		goto out;
	}
	w.s = s;
	if (pthread_create(&sigt, NULL, sig_thread, &w) != 0) {
		rp_err(cli, "cannot start the signal thread");
		goto out;
	}
	sig_started = 1;
	if ((r = rp_serve_run(s)) != 0) {
		rp_err(cli, "%s", r == RP_ERR_SYSTEM ? strerror(errno) : rp_strerror(r));
		goto out;
	}
	rp_serve_get_stats(s, &st);
	if (o.fmt == RP_FMT_JSONL)
		printf("{\"kind\":\"summary\",\"requests\":%llu,\"logins\":%llu,\"writes\":%llu,"
		    "\"refused\":%llu}\n", (unsigned long long)st.requests,
		    (unsigned long long)st.logins, (unsigned long long)st.writes,
		    (unsigned long long)st.refused);
	else
		printf("riposte serve: stopped after %llu requests (%llu logins, %llu writes, "
		    "%llu refused)\n", (unsigned long long)st.requests, (unsigned long long)st.logins,
		    (unsigned long long)st.writes, (unsigned long long)st.refused);
	rc = RP_EXIT_CLEAN;
out:
	if (sig_started) {
		w.done = 1;
		pthread_kill(sigt, SIGTERM);
		pthread_join(sigt, NULL);
	}
	rp_serve_free(s);
	for (i = 0; i <= MAX_USERS; i++) {
		if (tokens[i])
			explicit_bzero(tokens[i], strlen(tokens[i]));
		free(tokens[i]);
	}
	if (key.len)
		explicit_bzero(key.buf, key.len);
	if (dsn.len)
		explicit_bzero(dsn.buf, dsn.len);
	rp_buf_release(&dsn);
	rp_buf_release(&cert);
	rp_buf_release(&key);
	pthread_mutex_destroy(&o.mu);
	return rc;
}
