/*
 * riposte harden: checks of the way in on a Linux file server (lib/harden), on the
 * live system or on a mounted copy; --case records the run in the incident case.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "cli.h"
#include "cli-journal.h"
#include "commands.h"
#include "core/err.h"
#include "core/time.h"
#include "forensic.h"
#include "harden/harden.h"
#include "harden-out.h"
#include "site-conf.h"
#include "store/store.h"

static const char usage[] =
"NAME\n"
"    riposte harden - check the ways in of a Linux file server\n"
"\n"
"SYNOPSIS\n"
"    riposte harden [--root DIR] [--format text|jsonl|csv] [--config FILE]\n"
"                   [--case[=ID] [--owner WHO] [--due DATE]] [--db FILE]\n"
"\n"
"DESCRIPTION\n"
"    Checks the configuration a practice's server is attacked through, and says for\n"
"    each weakness what was seen (the file and line, or the socket), the measure that\n"
"    closes it, and a reference (a CIS Controls v8 safeguard). The checks, by id:\n"
"\n"
"      smb1-enabled        Samba allows SMB1 (server min/max protocol NT1 or lower)\n"
"                          or NTLMv1 (ntlm auth = yes)\n"
"      smb-guest-writable  a share guests may write to (guest ok, not read only)\n"
"      smb-no-audit        a writable share records no file operation (full_audit\n"
"                          missing, or loaded with no operation to record)\n"
"      smb-no-snapshots    a writable share keeps no previous versions (shadow_copy2)\n"
"      ssh-root-login      PermitRootLogin yes, also inside a Match block (it says which)\n"
"      ssh-password-auth   sshd accepts passwords (explicitly, by default, or through\n"
"                          PAM's keyboard-interactive)\n"
"      uid0-extra          an account other than root with uid 0\n"
"      empty-password      an account with an empty password field\n"
"      sudo-nopasswd       a sudoers rule with NOPASSWD, or Defaults !authenticate\n"
"      journal-volatile    journald keeps no logs across reboots\n"
"      backup-reachable    the backup target ([backup] path of riposte.conf) is mounted\n"
"                          read-write here (now, or by /etc/fstab)\n"
"      pending-security-updates  installed packages older than the security suite's\n"
"                          in apt's local lists (no network)\n"
"      exposed-service     (live) SSH, SMB, RDP, VNC, Telnet or a database listening on\n"
"                          a non-loopback address with no nftables rule limiting it\n"
"      no-firewall         (live) the nftables input path accepts everything\n"
"      no-time-sync        (live) no NTP client runs and the kernel clock is not\n"
"                          synchronised\n"
"\n"
"    Configuration files are read by each program's own rules: Samba's [global]\n"
"    defaults, includes, synonyms and continuations (as smbd 4.17); sshd's first\n"
"    value wins, Include and Match (as OpenSSH 9.2, with its compiled-in defaults);\n"
"    sudoers includes, aliases and tags (as sudo 1.9.13); journald.conf and its\n"
"    drop-ins (as systemd 252).\n"
"\n"
"    Without --root the live system is checked. With --root DIR, a mounted copy or a\n"
"    restored system is checked through its files only; every path is resolved inside\n"
"    DIR (an absolute symlink in the copy stays in the copy), and the live checks are\n"
"    listed as not checked. Nothing is changed: files are opened read-only with\n"
"    O_NOATIME, the firewall ruleset is only listed.\n"
"\n"
"    --case records the run in the incident case (its findings, the checks not made)\n"
"    and makes an improvement action of each high finding, one per id, owned by\n"
"    --owner (default: the site profile's [contact it-provider] name) and due by\n"
"    --due (default: 14 days from now), unless the case accepted that finding ('case\n"
"    accept') or has an action for it already. The case's close and restore-check\n"
"    read the last run: a finding tied to the way in ('case entry --finding') must be\n"
"    gone from it.\n"
"\n"
"OPTIONS\n"
"    --root DIR        check the system mounted at DIR (file checks only)\n"
"    --format F        text (default on a terminal; otherwise jsonl), jsonl or csv\n"
"    --config FILE     the site profile with [backup] path (default $RIPOSTE_CONF,\n"
"                      ./riposte.conf, /etc/riposte/riposte.conf)\n"
"    --case[=ID]       record the run in the journal of the open incident case (or ID)\n"
"    --owner WHO       --case: who carries out the actions made of high findings\n"
"    --due DATE        --case: when they are due (ISO 8601)\n"
"    --db FILE         the case database (default $RIPOSTE_DB, else ./riposte.db)\n"
"    -h, --help        this text\n"
"\n"
"OUTPUT\n"
"    text: per finding its severity, id, file and line, what was seen, the measure\n"
"    and the reference; then the checks not made, notes, and the counts.\n"
"    jsonl: {\"kind\":\"finding\",\"id\":...,\"severity\":\"high|medium|low\",\"file\":PATH|null,\n"
"            \"line\":N|null,\"evidence\":...,\"measure\":...,\"reference\":...}\n"
"           {\"kind\":\"not_checked\",\"id\":...,\"reason\":...}\n"
"           {\"kind\":\"note\",\"file\":PATH|null,\"line\":N|null,\"text\":...}\n"
"           {\"kind\":\"summary\",\"root\":DIR,\"live\":BOOL,\"high\":N,\"medium\":N,\"low\":N,\n"
"            \"not_checked\":[IDS]}\n"
"    csv: kind,id,severity,file,line,evidence,measure,reference; one row per finding\n"
"    and per check not made.\n"
"\n"
"EXIT STATUS\n"
"    0 nothing found, 1 findings, 2 error (DIR cannot be opened, bad option).\n"
"\n"
"EXAMPLES\n"
"    riposte harden\n"
"    riposte harden --root /mnt/restored --format jsonl\n"
"    riposte harden --case\n";

enum { OPT_ROOT = 256, OPT_FORMAT, OPT_CONFIG, OPT_CASE, OPT_DB, OPT_OWNER, OPT_DUE };

static const struct option longopts[] = {
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "case", optional_argument, NULL, OPT_CASE },
	{ "db", required_argument, NULL, OPT_DB },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "due", required_argument, NULL, OPT_DUE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Records the run in the case's journal, and the actions made of its high findings. */
static int
record(struct rp_cli *cli, const struct hx_run *run, int64_t case_id, const char *config,
    const char *owner, const char *due_s)
{
	struct rp_buf t = RP_BUF_INIT, j = RP_BUF_INIT;
	struct rp_hfinding *f = NULL;
	struct rp_store *st = NULL;
	struct rp_ini *site = NULL;
	struct rp_case k;
	const char *actor;
	int64_t due = cli->now + 14 * 86400;
	size_t i, made = 0;
	int r, rc = -1;

	memset(&k, 0, sizeof(k));
	if (due_s && rp_time_parse(due_s, &due, NULL) != 0) {
		rp_err(cli, "--due: '%s' is not an ISO 8601 date", due_s);
		return -1;
	}
	if (owner == NULL) {
		if (rp_site_conf_load(cli, config, &site, NULL) != 0)
			return -1;
		owner = site ? rp_ini_get(site, "contact it-provider", "name") : NULL;
		if (owner == NULL || *owner == '\0')
			owner = "IT provider";
	}
	actor = rp_cli_actor();
	if (fx_store_open(cli, cli->db_path, 0, &st) != 0)
		goto out;
	if ((r = rp_case_load(st, case_id, &k)) != 0) {
		if (r == RP_ERR_NOTFOUND)
			rp_err(cli, "--case: no %s case in '%s' (riposte case open)", case_id ? "such" :
			    "open", cli->db_path);
		else
			rp_err(cli, "--case: cannot read the case in '%s': %s", cli->db_path,
			    rp_strerror(r));
		goto out;
	}
	rp_buf_addf(&t, "harden run on %s%s: ", run->root_abs, run->live ? " (live)" : "");
	hx_counts(run, &t);
	hx_ids(run, &t);
	hx_json(run, &j);
	if (run->nf && (f = calloc(run->nf, sizeof(*f))) == NULL)
		goto out;
	for (i = 0; i < run->nf; i++) {
		f[i].id = run->f[i].id;
		f[i].severity = (enum rp_hsev)run->f[i].severity;
		f[i].file = run->f[i].file;
		f[i].line = run->f[i].line;
		f[i].evidence = run->f[i].evidence;
		f[i].measure = run->f[i].measure;
		f[i].reference = run->f[i].reference;
	}
	r = rp_case_harden(st, &k, cli->now, actor, t.buf, j.buf, f, run->nf, owner, due, &made);
	if (r != 0) {
		rp_err(cli, "--case: cannot record the run in '%s': %s", cli->db_path, rp_strerror(r));
		goto out;
	}
	fflush(stdout);
	fprintf(stderr, "%s: %s: recorded in case %lld%s", cli->argv0, cli->cmd,
	    (long long)k.info.id, made ? ", " : "\n");
	if (made)
		fprintf(stderr, "%zu improvement action%s for %s\n", made, made == 1 ? "" : "s", owner);
	rc = 0;
out:
	free(f);
	rp_case_release(&k);
	rp_store_close(st);
	rp_ini_free(site);
	rp_buf_release(&t);
	rp_buf_release(&j);
	return rc;
}

int
cmd_harden(struct rp_cli *cli, int argc, char **argv)
{
	const char *root = NULL, *format = NULL, *config = NULL, *owner = NULL, *due = NULL;
	struct hx_run run;
	struct rp_buf out = RP_BUF_INIT;
	int64_t case_id = -1;
	int c, fmt, rc = RP_EXIT_ERROR;

	memset(&run, 0, sizeof(run));
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "h", longopts, usage)) != -1) {
		switch (c) {
		case OPT_ROOT: root = optarg; break;
		case OPT_FORMAT: format = optarg; break;
		case OPT_CONFIG: config = optarg; break;
		case OPT_CASE:
			if (fx_case_arg(cli, optarg, &case_id) != 0)
				return RP_EXIT_ERROR;
			break;
		case OPT_DB: cli->db_path = optarg; break;
		case OPT_OWNER: owner = optarg; break;
		case OPT_DUE: due = optarg; break;
		case 'h': return rp_cli_usage(cli, usage, 1);
		default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	if (optind < argc) {
		rp_err(cli, "unexpected argument '%s'", argv[optind]);
		return rp_cli_usage(cli, usage, 0);
	}
	fmt = cli->stdout_tty ? RP_FMT_TEXT : RP_FMT_JSONL;
	if (format != NULL && (fmt = rp_cli_format(cli, format, "text,jsonl,csv")) < 0)
		return RP_EXIT_ERROR;
	if (hx_run(cli, root, config, &run) != 0)
		goto out;
	hx_emit(&run, fmt, &out);
	if (rp_cli_put(cli, &out) != 0)
		goto out;
	if (case_id >= 0 && record(cli, &run, case_id, config, owner, due) != 0)
		goto out;
	rc = run.nf ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	hx_release(&run);
	rp_buf_release(&out);
	return rc;
}
