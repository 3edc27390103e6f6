/*
 * riposte isolate: cut the host off the network except the IT provider's console and
 * the addresses it names, with a timer that undoes it unless confirmed, an undo that
 * removes exactly riposte's table, and a refusal to cut the SSH session it runs in.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli-journal.h"
#include "commands.h"
#include "case/case.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "respond/isolate.h"

static const char usage[] =
"NAME\n"
"    riposte isolate - cut the network except the IT provider (nftables)\n"
"\n"
"SYNOPSIS\n"
"    riposte isolate [--allow ADDR[,ADDR...]]... [--allow-port PORT[,PORT...]]...\n"
"                    [--for DURATION] [--dry-run] [--force] [--db PATH]\n"
"    riposte isolate --confirm | --undo [--db PATH]\n"
"    riposte isolate --status [--format text|jsonl]\n"
"\n"
"DESCRIPTION\n"
"    Loads one nftables table of riposte's own, 'inet riposte', that drops every\n"
"    packet in, out and forwarded, except: loopback; the allowed addresses and\n"
"    networks (IPv4 and IPv6, CIDR accepted: the IT provider's console, the backup\n"
"    server), both ways; ICMP errors about flows with them; IPv6 neighbour discovery\n"
"    on the local link; and connections coming in to the allowed local ports, with\n"
"    their replies. Connections with anyone else are cut both ways at once, those\n"
"    already open included. The table is replaced in one kernel transaction; other\n"
"    tables (firewalld, docker, ...) are left as they are: their drops still apply,\n"
"    riposte's drops apply whatever they accept. Nothing is written to disk: a\n"
"    reboot ends the isolation.\n"
"\n"
"    Lock-out guard: when riposte runs in an SSH session (SSH_CONNECTION or\n"
"    SSH_CLIENT, and the established sockets of the session's sshd), every address\n"
"    the session comes from must be allowed, or isolate refuses and says which.\n"
"    An sshd in another network namespace (riposte run through ip netns exec) is\n"
"    not counted: isolating this namespace cannot cut its session.\n"
"\n"
"    With --for, the isolation undoes itself when the time is up unless someone runs\n"
"    'riposte isolate --confirm' before: a timer process detached from the terminal\n"
"    (a transient systemd service where systemd runs) removes the table, so a\n"
"    console that lost its way in is back after DURATION at worst.\n"
"\n"
"    Every action (isolate, confirm, undo, expiry) is journaled in the open incident\n"
"    case with its time and the SHA-256 of the ruleset.\n"
"\n"
"OPTIONS\n"
"    -a, --allow ADDR[,ADDR...]  addresses or networks to keep (repeatable)\n"
"    -p, --allow-port PORT[,PORT...]\n"
"                          local TCP and UDP ports anyone may still connect to\n"
"        --for DURATION    undo by itself after DURATION (90s, 15m, 2h, 1d) unless\n"
"                          confirmed\n"
"    -n, --dry-run         print the nftables ruleset, change nothing\n"
"        --force           isolate even when it would cut the current SSH session\n"
"        --confirm         keep the current isolation: cancel its --for timer\n"
"        --undo            remove riposte's table, and nothing else\n"
"        --status          show the isolation in force, if any\n"
"        --format FMT      for --status: text (default) or jsonl\n"
"        --db PATH         the database holding the case (default ./riposte.db,\n"
"                          or RIPOSTE_DB)\n"
"    -h, --help            this text\n"
"\n"
"OUTPUT\n"
"    --status --format jsonl prints one object, then the summary:\n"
"    {\"kind\":\"isolation\",\"active\":true,\"id\":\"...\",\"since\":\"...Z\",\n"
"     \"expires\":\"...Z\"|null,\"confirmed\":true|false,\"allow\":[\"10.0.0.5\",...],\n"
"     \"allow_ports\":[22,...],\"ruleset_sha256\":\"...\"}\n"
"    {\"kind\":\"summary\",\"active\":true}\n"
"    ruleset_sha256 is the hash journaled when the isolation was made or confirmed.\n"
"\n"
"EXIT STATUS\n"
"    0  done; for --status: not isolated\n"
"    1  for --status: isolated\n"
"    2  error, or refused (lock-out guard, no permission)\n"
"\n"
"EXAMPLES\n"
"    riposte isolate --allow 192.168.1.10,192.168.1.20 --for 2h\n"
"    riposte isolate --confirm\n"
"    riposte isolate --allow 10.0.0.0/24 --allow fd00::5 --allow-port 22 --dry-run\n"
"    riposte isolate --status --format jsonl\n"
"    riposte isolate --undo\n";

enum { OPT_FOR = 256, OPT_FORCE, OPT_CONFIRM, OPT_UNDO, OPT_STATUS, OPT_FORMAT, OPT_DB,
	OPT_EXPIRE_AT, OPT_ID };

struct opts {
	struct rp_isolate iso;
	int64_t duration;
	int dry_run, force, confirm, undo, status, format;
	int64_t expire_at;           /* the timer process: --expire-at */
	const char *expire_id;
};

static int
add_allow(struct rp_cli *cli, struct opts *o, const char *arg)
{
	char tok[96];
	const char *p = arg, *comma;
	size_t n;

	for (;;) {
		comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		if (n == 0 || n >= sizeof(tok)) {
			rp_err(cli, "--allow: '%s' is not a list of addresses", arg);
			return -1;
		}
		memcpy(tok, p, n);
		tok[n] = '\0';
		if (o->iso.nallow >= RP_ISOLATE_MAX_NETS) {
			rp_err(cli, "--allow: more than %d addresses", RP_ISOLATE_MAX_NETS);
			return -1;
		}
		if (rp_net_parse(tok, &o->iso.allow[o->iso.nallow]) != 0) {
			rp_err(cli, "--allow: '%s' is not an IPv4 or IPv6 address or network", tok);
			return -1;
		}
		o->iso.nallow++;
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

static int
add_ports(struct rp_cli *cli, struct opts *o, const char *arg)
{
	char tok[16];
	const char *p = arg, *comma;
	unsigned long long v;
	size_t n;

	for (;;) {
		comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		if (n == 0 || n >= sizeof(tok)) {
			rp_err(cli, "--allow-port: '%s' is not a list of ports", arg);
			return -1;
		}
		memcpy(tok, p, n);
		tok[n] = '\0';
		if (rp_cli_uint(cli, "--allow-port", tok, 1, 65535, &v) != 0)
			return -1;
		if (o->iso.nports >= RP_ISOLATE_MAX_PORTS) {
			rp_err(cli, "--allow-port: more than %d ports", RP_ISOLATE_MAX_PORTS);
			return -1;
		}
		o->iso.ports[o->iso.nports++] = (uint16_t)v;
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

static void
journal(struct rp_cli *cli, int quiet, const char *kind, const char *text, const char *data)
{
	rp_cli_journal(cli, quiet, kind, text, data);
}

static int
json_list(struct rp_buf *b, const struct rp_isolate *iso)
{
	size_t i;

	rp_buf_addstr(b, "\"allow\":[");
	for (i = 0; i < iso->nallow; i++) {
		rp_buf_addstr(b, i ? ",\"" : "\"");
		rp_net_fmt(b, &iso->allow[i]);
		rp_buf_addch(b, '"');
	}
	rp_buf_addstr(b, "],\"allow_ports\":[");
	for (i = 0; i < iso->nports; i++)
		rp_buf_addf(b, "%s%u", i ? "," : "", iso->ports[i]);
	return rp_buf_addch(b, ']');
}

static void
text_list(struct rp_buf *b, const struct rp_isolate *iso)
{
	size_t i;

	if (iso->nallow == 0)
		rp_buf_addstr(b, "nothing but loopback");
	for (i = 0; i < iso->nallow; i++) {
		if (i)
			rp_buf_addstr(b, ", ");
		rp_net_fmt(b, &iso->allow[i]);
	}
	if (iso->nports) {
		rp_buf_addstr(b, iso->nports == 1 ? "; port " : "; ports ");
		for (i = 0; i < iso->nports; i++)
			rp_buf_addf(b, "%s%u", i ? ", " : "", iso->ports[i]);
		rp_buf_addstr(b, " open to anyone");
	}
}

static void
journal_data(struct rp_buf *d, const struct rp_isolate *iso, const char *hash)
{
	rp_buf_reset(d);
	rp_buf_addf(d, "{\"id\":\"%s\",\"ruleset_sha256\":\"%s\",", iso->id, hash);
	json_list(d, iso);
	rp_buf_addstr(d, ",\"expires\":");
	if (iso->expires) {
		rp_buf_addch(d, '"');
		rp_time_fmt_utc(d, iso->expires);
		rp_buf_addch(d, '"');
	} else {
		rp_buf_addstr(d, "null");
	}
	rp_buf_addch(d, '}');
}

static void
fmt_local(struct rp_buf *b, int64_t t)
{
	rp_time_fmt_local(b, t);
}

static int
do_isolate(struct rp_cli *cli, struct opts *o)
{
	struct rp_buf rs = RP_BUF_INIT, who = RP_BUF_INIT, msg = RP_BUF_INIT, d = RP_BUF_INIT;
	char hash[65];
	const char *how = NULL, *ssh_env[2];
	int r, rc = RP_EXIT_ERROR;

	o->iso.since = cli->now;
	o->iso.expires = 0;
	if (o->duration > 0)
		o->iso.expires = (int64_t)time(NULL) + o->duration;
	rp_isolate_normalise(&o->iso);
	ssh_env[0] = getenv("SSH_CONNECTION");
	ssh_env[1] = getenv("SSH_CLIENT");
	if ((r = rp_isolate_lockout(&o->iso, "/proc", (int)getpid(), ssh_env, &who)) < 0) {
		rp_err(cli, "cannot check this SSH session: %s", rp_strerror(r));
		goto out;
	}
	if (r == 1) {
		if (o->dry_run) {
			rp_warn(cli, "this SSH session comes from %s, which --allow does not include: "
			    "isolating would cut it", who.buf);
		} else if (!o->force) {
			rp_err(cli, "refusing to isolate: this SSH session comes from %s, which "
			    "--allow does not include, so isolating would cut it "
			    "(add --allow %s, or use --force)", who.buf, who.buf);
			goto out;
		} else {
			rp_warn(cli, "--force: cutting this SSH session from %s", who.buf);
		}
	}
	if ((r = rp_isolate_ruleset_sha256(&o->iso, &rs, hash)) != 0) {
		rp_err(cli, "cannot build the ruleset: %s", rp_strerror(r));
		goto out;
	}
	if (o->dry_run) {
		rp_buf_addf(&rs, "# sha256 %s\n", hash);
		rc = rp_cli_put(cli, &rs) == 0 ? RP_EXIT_CLEAN : RP_EXIT_ERROR;
		goto out;
	}
	if ((r = rp_isolate_apply(rs.buf, &msg)) != 0) {
		if (r == RP_ERR_PERM)
			rp_err(cli, "cannot load the ruleset: not permitted (needs root or "
			    "CAP_NET_ADMIN)");
		else
			rp_err(cli, "cannot load the ruleset: %s%s%s", rp_strerror(r),
			    msg.len ? ": " : "", msg.buf);
		goto out;
	}
	if (o->iso.expires && (r = rp_isolate_timer_start(&o->iso, cli->db_path, &how)) != 0) {
		/* an isolation meant to undo itself must not stay for good */
		rp_err(cli, "cannot start the --for timer: %s; isolation undone", rp_strerror(r));
		rp_isolate_remove(NULL);
		goto out;
	}
	rp_buf_reset(&msg);
	rp_buf_addstr(&msg, "isolated the host from the network except ");
	text_list(&msg, &o->iso);
	journal_data(&d, &o->iso, hash);
	journal(cli, 0, "isolate", msg.buf, d.buf);

	rp_buf_reset(&msg);
	rp_buf_addstr(&msg, "isolated: all traffic dropped except loopback and ");
	text_list(&msg, &o->iso);
	rp_buf_addf(&msg, "\nruleset sha256 %s (table inet riposte, id %s)\n", hash, o->iso.id);
	if (o->iso.expires) {
		rp_buf_addstr(&msg, "undoes itself at ");
		fmt_local(&msg, o->iso.expires);
		rp_buf_addf(&msg, " (%s) unless you run 'riposte isolate --confirm'\n", how);
	} else {
		rp_buf_addstr(&msg, "until 'riposte isolate --undo'\n");
	}
	rc = rp_cli_put(cli, &msg) == 0 ? RP_EXIT_CLEAN : RP_EXIT_ERROR;
out:
	rp_buf_release(&rs);
	rp_buf_release(&who);
	rp_buf_release(&msg);
	rp_buf_release(&d);
	return rc;
}

/* Reads the isolation in force; prints the error unless it is "none" and quiet_none. */
static int
current(struct rp_cli *cli, struct rp_isolate *iso, int quiet_none)
{
	struct rp_buf msg = RP_BUF_INIT;
	int r = rp_isolate_status(iso, NULL, &msg);

	if (r == RP_ERR_NOTFOUND) {
		if (!quiet_none)
			rp_err(cli, "not isolated: there is no table inet riposte");
	} else if (r == RP_ERR_FORMAT) {
		rp_err(cli, "table inet riposte exists but was not made by riposte: left alone");
	} else if (r == RP_ERR_PERM) {
		rp_err(cli, "cannot read the ruleset: not permitted (needs root or CAP_NET_ADMIN)");
	} else if (r != 0) {
		rp_err(cli, "cannot read the ruleset: %s%s%s", rp_strerror(r),
		    msg.len ? ": " : "", msg.buf);
	}
	rp_buf_release(&msg);
	return r;
}

static int
do_confirm(struct rp_cli *cli)
{
	struct rp_isolate iso;
	struct rp_buf msg = RP_BUF_INIT, d = RP_BUF_INIT;
	char hash[65];
	int r, rc = RP_EXIT_ERROR;

	if (current(cli, &iso, 0) != 0)
		goto out;
	if ((r = rp_isolate_confirm(&iso, hash, &msg)) == 1) {
		printf("already confirmed: isolated until 'riposte isolate --undo'\n");
		rc = RP_EXIT_CLEAN;
		goto out;
	}
	if (r != 0) {
		rp_err(cli, "cannot confirm: %s%s%s", rp_strerror(r), msg.len ? ": " : "", msg.buf);
		goto out;
	}
	journal_data(&d, &iso, hash);
	journal(cli, 0, "isolate", "confirmed the isolation: it stays until undone", d.buf);
	printf("confirmed: isolated until 'riposte isolate --undo' (ruleset sha256 %s)\n", hash);
	rc = RP_EXIT_CLEAN;
out:
	rp_buf_release(&msg);
	rp_buf_release(&d);
	return rc;
}

static int
do_undo(struct rp_cli *cli)
{
	struct rp_isolate iso;
	struct rp_buf msg = RP_BUF_INIT, d = RP_BUF_INIT;
	int r;

	r = current(cli, &iso, 1);
	if (r == RP_ERR_NOTFOUND) {
		printf("not isolated: nothing to undo\n");
		return RP_EXIT_CLEAN;
	}
	if (r != 0)
		return RP_EXIT_ERROR;
	if ((r = rp_isolate_remove(&msg)) != 0 && r != RP_ERR_NOTFOUND) {
		rp_err(cli, "cannot remove table inet riposte: %s%s%s", rp_strerror(r),
		    msg.len ? ": " : "", msg.buf);
		rp_buf_release(&msg);
		return RP_EXIT_ERROR;
	}
	rp_buf_addf(&d, "{\"id\":\"%s\"}", iso.id);
	journal(cli, 0, "isolate", "undid the isolation: network restored", d.buf);
	printf("isolation undone: table inet riposte removed, nothing else changed\n");
	rp_buf_release(&msg);
	rp_buf_release(&d);
	return RP_EXIT_CLEAN;
}

static int
do_status(struct rp_cli *cli, int format)
{
	struct rp_isolate iso;
	struct rp_buf b = RP_BUF_INIT, rs = RP_BUF_INIT;
	char hash[65];
	int r, rc;

	r = current(cli, &iso, 1);
	if (r != 0 && r != RP_ERR_NOTFOUND)
		return RP_EXIT_ERROR;
	if (r == RP_ERR_NOTFOUND) {
		if (format == RP_FMT_JSONL)
			rp_buf_addstr(&b, "{\"kind\":\"isolation\",\"active\":false}\n"
			    "{\"kind\":\"summary\",\"active\":false}\n");
		else
			rp_buf_addstr(&b, "not isolated\n");
		rc = rp_cli_put(cli, &b) == 0 ? RP_EXIT_CLEAN : RP_EXIT_ERROR;
		rp_buf_release(&b);
		return rc;
	}
	if (rp_isolate_ruleset_sha256(&iso, &rs, hash) != 0)
		memcpy(hash, "?", 2);
	if (format == RP_FMT_JSONL) {
		rp_buf_addf(&b, "{\"kind\":\"isolation\",\"active\":true,\"id\":\"%s\",\"since\":\"",
		    iso.id);
		rp_time_fmt_utc(&b, iso.since);
		rp_buf_addstr(&b, "\",\"expires\":");
		if (iso.expires) {
			rp_buf_addch(&b, '"');
			rp_time_fmt_utc(&b, iso.expires);
			rp_buf_addch(&b, '"');
		} else {
			rp_buf_addstr(&b, "null");
		}
		rp_buf_addf(&b, ",\"confirmed\":%s,", iso.expires ? "false" : "true");
		json_list(&b, &iso);
		rp_buf_addf(&b, ",\"ruleset_sha256\":\"%s\"}\n", hash);
		rp_buf_addstr(&b, "{\"kind\":\"summary\",\"active\":true}\n");
	} else {
		rp_buf_addstr(&b, "isolated since ");
		fmt_local(&b, iso.since);
		rp_buf_addf(&b, " (id %s)\nallowed: loopback, ", iso.id);
		text_list(&b, &iso);
		rp_buf_addstr(&b, "\n");
		if (iso.expires) {
			rp_buf_addstr(&b, "expires: ");
			fmt_local(&b, iso.expires);
			rp_buf_addstr(&b, " unless confirmed (riposte isolate --confirm)\n");
		} else {
			rp_buf_addstr(&b, "expires: never (confirmed); riposte isolate --undo ends it\n");
		}
		rp_buf_addf(&b, "ruleset sha256 %s\n", hash);
	}
	rc = rp_cli_put(cli, &b) == 0 ? RP_EXIT_FOUND : RP_EXIT_ERROR;
	rp_buf_release(&b);
	rp_buf_release(&rs);
	return rc;
}

/* The timer process: waits until expire_at, then removes the table if it is still the
 * isolation it was started for and nobody confirmed it. Polls so that it ends early
 * once the isolation was confirmed, undone or replaced. */
static int
do_expire(struct rp_cli *cli, struct opts *o)
{
	struct rp_isolate iso;
	struct rp_buf d = RP_BUF_INIT;
	int r;

	if ((r = rp_isolate_expire_wait(o->expire_id, o->expire_at, &iso)) == 1)
		return RP_EXIT_CLEAN;    /* undone, confirmed or replaced */
	if (r != 0)
		return RP_EXIT_ERROR;
	cli->now = (int64_t)time(NULL);
	rp_buf_addf(&d, "{\"id\":\"%s\"}", iso.id);
	journal(cli, 1, "isolate", "isolation expired unconfirmed: network restored", d.buf);
	rp_buf_release(&d);
	return RP_EXIT_CLEAN;
}

int
cmd_isolate(struct rp_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "allow", required_argument, NULL, 'a' },
		{ "allow-port", required_argument, NULL, 'p' },
		{ "for", required_argument, NULL, OPT_FOR },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "confirm", no_argument, NULL, OPT_CONFIRM },
		{ "undo", no_argument, NULL, OPT_UNDO },
		{ "status", no_argument, NULL, OPT_STATUS },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "db", required_argument, NULL, OPT_DB },
		{ "expire-at", required_argument, NULL, OPT_EXPIRE_AT },
		{ "id", required_argument, NULL, OPT_ID },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static struct opts o;
	int c, modes;

	memset(&o, 0, sizeof(o));
	o.format = RP_FMT_TEXT;
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "a:p:nh", longopts, usage)) != -1) {
		switch (c) {
		case 'a':
			if (add_allow(cli, &o, optarg) != 0)
				return RP_EXIT_ERROR;
			break;
		case 'p':
			if (add_ports(cli, &o, optarg) != 0)
				return RP_EXIT_ERROR;
			break;
		case OPT_FOR:
			if (rp_duration_parse(optarg, &o.duration) != 0 || o.duration <= 0 ||
			    o.duration > 366 * 86400) {
				rp_err(cli, "--for: '%s' is not a duration (90s, 15m, 2h, 1d)", optarg);
				return RP_EXIT_ERROR;
			}
			break;
		case 'n': o.dry_run = 1; break;
		case OPT_FORCE: o.force = 1; break;
		case OPT_CONFIRM: o.confirm = 1; break;
		case OPT_UNDO: o.undo = 1; break;
		case OPT_STATUS: o.status = 1; break;
		case OPT_FORMAT:
			if ((o.format = rp_cli_format(cli, optarg, "text,jsonl")) < 0)
				return RP_EXIT_ERROR;
			break;
		case OPT_DB: cli->db_path = optarg; break;
		case OPT_EXPIRE_AT:
			if (rp_time_parse(optarg, &o.expire_at, NULL) != 0) {
				rp_err(cli, "--expire-at: '%s' is not an ISO 8601 time", optarg);
				return RP_EXIT_ERROR;
			}
			break;
		case OPT_ID: o.expire_id = optarg; break;
		case 'h': return rp_cli_usage(cli, usage, 1);
		default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	if (optind < argc) {
		rp_err(cli, "unexpected argument '%s'", argv[optind]);
		return rp_cli_usage(cli, usage, 0);
	}
	if (o.expire_at) {
		if (o.expire_id == NULL)
			return rp_cli_usage(cli, usage, 0);
		return do_expire(cli, &o);
	}
	modes = o.confirm + o.undo + o.status;
	if (modes > 1) {
		rp_err(cli, "--confirm, --undo and --status go alone");
		return RP_EXIT_ERROR;
	}
	if (modes == 1 && (o.iso.nallow || o.iso.nports || o.duration || o.dry_run || o.force)) {
		rp_err(cli, "--%s takes no isolation options",
		    o.confirm ? "confirm" : o.undo ? "undo" : "status");
		return RP_EXIT_ERROR;
	}
	if (o.format != RP_FMT_TEXT && !o.status) {
		rp_err(cli, "--format applies to --status only");
		return RP_EXIT_ERROR;
	}
	if (o.confirm)
		return do_confirm(cli);
	if (o.undo)
		return do_undo(cli);
	if (o.status)
		return do_status(cli, o.format);
	return do_isolate(cli, &o);
}
