/*
 * riposte harden: checks of the way in on a Linux file server (lib/harden), on the
 * live system or on a mounted copy; --case records the run in the incident case.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "core/err.h"
#include "forensic.h"
#include "harden-out.h"

static const char usage[] =
"NAME\n"
"    riposte harden - check the ways in of a Linux file server\n"
"\n"
"SYNOPSIS\n"
"    riposte harden [--root DIR] [--format text|jsonl|csv] [--config FILE]\n"
"                   [--case[=ID]] [--db FILE]\n"
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
"OPTIONS\n"
"    --root DIR        check the system mounted at DIR (file checks only)\n"
"    --format F        text (default on a terminal; otherwise jsonl), jsonl or csv\n"
"    --config FILE     the site profile with [backup] path (default $RIPOSTE_CONF,\n"
"                      ./riposte.conf, /etc/riposte/riposte.conf)\n"
"    --case[=ID]       record the run in the journal of the open incident case (or ID)\n"
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

enum { OPT_ROOT = 256, OPT_FORMAT, OPT_CONFIG, OPT_CASE, OPT_DB };

static const struct option longopts[] = {
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "case", optional_argument, NULL, OPT_CASE },
	{ "db", required_argument, NULL, OPT_DB },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Records the run in the case's journal. */
static int
record(struct rp_cli *cli, const struct hx_run *run, int64_t case_id)
{
	struct rp_buf t = RP_BUF_INIT, j = RP_BUF_INIT;
	size_t i;
	int r;

	rp_buf_addf(&t, "Harden run on %s%s: ", run->root, run->live ? " (live)" : "");
	hx_counts(run, &t);
	for (i = 0; i < run->nf; i++)
		if (i == 0 || strcmp(run->f[i].id, run->f[i - 1].id) != 0)
			rp_buf_addf(&t, "%s%s", i ? ", " : " (", run->f[i].id);
	if (run->nf)
		rp_buf_addch(&t, ')');
	hx_json(run, &j);
	r = fx_attach_case(cli, cli->db_path, case_id, "harden", t.buf, j.buf);
	rp_buf_release(&t);
	rp_buf_release(&j);
	return r;
}

int
cmd_harden(struct rp_cli *cli, int argc, char **argv)
{
	const char *root = NULL, *format = NULL, *config = NULL;
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
	if (case_id >= 0 && record(cli, &run, case_id) != 0)
		goto out;
	rc = run.nf ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	hx_release(&run);
	rp_buf_release(&out);
	return rc;
}
