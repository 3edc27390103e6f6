/*
 * The catalogue of checks. References are CIS Controls v8 safeguards (numbers and
 * titles as the Controls v8 document has them); each was chosen as the safeguard
 * the CIS benchmarks for Debian and Windows map the same setting to, where they do.
 */
#include <string.h>

#include "harden/harden.h"

static const struct rp_hcheck catalog[] = {
	{ "smb1-enabled", RP_HSEV_HIGH, 0,
	  "Samba allows SMB1 or NTLMv1 (server min protocol NT1/LANMAN, ntlm auth = yes)",
	  "Remove `server min protocol` (Samba 4.17 defaults to SMB2_02) or set it to SMB2_10 "
	  "or higher in [global], so that no client can speak SMB1.",
	  "CIS Controls v8 4.8 (Uninstall or Disable Unnecessary Services on Enterprise "
	  "Assets and Software)" },
	{ "smb-guest-writable", RP_HSEV_HIGH, 0,
	  "a share that guests may write to (guest ok = yes and not read only)",
	  "Set `guest ok = no` on the share and `map to guest = never` in [global], and give "
	  "the people who need it their own accounts with `valid users`.",
	  "CIS Controls v8 3.3 (Configure Data Access Control Lists)" },
	{ "smb-no-audit", RP_HSEV_MEDIUM, 0,
	  "a writable share that records no file operation (no full_audit with operations)",
	  "Add `full_audit` to `vfs objects` with `full_audit:success = openat renameat "
	  "unlinkat pwrite` and `full_audit:prefix = %u|%I`, so that an incident shows who "
	  "changed which file from which machine.",
	  "CIS Controls v8 8.5 (Collect Detailed Audit Logs)" },
	{ "smb-no-snapshots", RP_HSEV_MEDIUM, 0,
	  "a writable share that keeps no previous versions (no shadow_copy2 or snapper)",
	  "Add `shadow_copy2` (or `snapper`) to `vfs objects` over filesystem snapshots taken "
	  "at least daily, so that users get previous versions back after an encryption.",
	  "CIS Controls v8 11.2 (Perform Automated Backups)" },
	{ "ssh-root-login", RP_HSEV_HIGH, 0,
	  "sshd lets root log in with a password (PermitRootLogin yes)",
	  "Set `PermitRootLogin no` (or Debian's default `prohibit-password`) and log in as "
	  "a named user who uses sudo.",
	  "CIS Controls v8 5.4 (Restrict Administrator Privileges to Dedicated Administrator "
	  "Accounts)" },
	{ "ssh-password-auth", RP_HSEV_MEDIUM, 0,
	  "sshd accepts passwords (explicitly, or by default when not set to no)",
	  "Set `PasswordAuthentication no` and `KbdInteractiveAuthentication no` once every "
	  "administrator logs in with a key.",
	  "CIS Controls v8 6.5 (Require MFA for Administrative Access)" },
	{ "uid0-extra", RP_HSEV_HIGH, 0,
	  "an account other than root with uid 0",
	  "Remove the account or give it its own uid: only root may have uid 0, and a second "
	  "one is a classic backdoor.",
	  "CIS Controls v8 5.4 (Restrict Administrator Privileges to Dedicated Administrator "
	  "Accounts)" },
	{ "empty-password", RP_HSEV_HIGH, 0,
	  "an account with an empty password field (shadow, or passwd without shadow)",
	  "Lock the account (`passwd -l NAME`) or give it a password: Debian's PAM accepts "
	  "an empty password (nullok).",
	  "CIS Controls v8 5.2 (Use Unique Passwords)" },
	{ "sudo-nopasswd", RP_HSEV_MEDIUM, 0,
	  "a sudoers rule with NOPASSWD (or Defaults !authenticate)",
	  "Remove NOPASSWD so that sudo asks for the user's password, or limit it to the "
	  "few commands a service account needs.",
	  "CIS Controls v8 5.4 (Restrict Administrator Privileges to Dedicated Administrator "
	  "Accounts)" },
	{ "journal-volatile", RP_HSEV_MEDIUM, 0,
	  "journald keeps no logs across reboots (Storage=volatile, or auto without "
	  "/var/log/journal)",
	  "Set `Storage=persistent` in /etc/systemd/journald.conf (or create /var/log/journal) "
	  "so that the logs survive a reboot.",
	  "CIS Controls v8 8.2 (Collect Audit Logs)" },
	{ "backup-reachable", RP_HSEV_HIGH, 0,
	  "the backup target ([backup] path) is mounted read-write on this server",
	  "Mount the backup target only while the backup runs, or read-only, or let the "
	  "backup server pull, so that ransomware on this server cannot reach the copies.",
	  "CIS Controls v8 11.4 (Establish and Maintain an Isolated Instance of Recovery Data)" },
	{ "pending-security-updates", RP_HSEV_HIGH, 0,
	  "installed packages older than the security suite's versions in apt's lists",
	  "Install the waiting security updates (`apt-get update && apt-get upgrade`) and "
	  "let unattended-upgrades install the next ones.",
	  "CIS Controls v8 7.3 (Perform Automated Operating System Patch Management)" },
	{ "exposed-service", RP_HSEV_HIGH, 1,
	  "a port for remote access, file sharing or a database listening on a non-loopback "
	  "address with no firewall rule limiting it",
	  "Limit the port with an nftables rule to the addresses that need it (or bind the "
	  "service to loopback), and never forward it from the Internet.",
	  "CIS Controls v8 4.4 (Implement and Manage a Firewall on Servers)" },
	{ "no-firewall", RP_HSEV_MEDIUM, 1,
	  "the nftables input path accepts everything",
	  "Load an nftables ruleset whose input chain drops by default and accepts only the "
	  "services and networks needed (/etc/nftables.conf, enable nftables.service).",
	  "CIS Controls v8 4.4 (Implement and Manage a Firewall on Servers)" },
	{ "no-time-sync", RP_HSEV_LOW, 1,
	  "no NTP client runs and the kernel clock is not synchronised",
	  "Run an NTP client (systemd-timesyncd or chrony) so that this server's logs and file "
	  "times can be put on one timeline with the others'.",
	  "CIS Controls v8 8.4 (Standardize Time Synchronization)" },
};

const struct rp_hcheck *
rp_harden_catalog(size_t *n)
{
	*n = sizeof(catalog) / sizeof(catalog[0]);
	return catalog;
}

const struct rp_hcheck *
rp_harden_check(const char *id)
{
	size_t i;

	for (i = 0; i < sizeof(catalog) / sizeof(catalog[0]); i++)
		if (strcmp(catalog[i].id, id) == 0)
			return &catalog[i];
	return NULL;
}

const char *
rp_hsev_name(enum rp_hsev s)
{
	switch (s) {
	case RP_HSEV_HIGH: return "high";
	case RP_HSEV_MEDIUM: return "medium";
	case RP_HSEV_LOW: return "low";
	}
	return "?";
}
