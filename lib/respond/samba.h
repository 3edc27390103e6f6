/*
 * Samba: smbd runs one process per client session. Map such a pid to the client's
 * address and user (from `smbstatus -p`, run with the configuration the smbd was
 * started with), and block that address with an nftables drop in a table of watch's
 * own (inet riposte_watch), never touching any other table.
 */
#ifndef RP_SAMBA_H
#define RP_SAMBA_H

#include <stddef.h>
#include <sys/types.h>

struct rp_samba_client {
	char addr[64];       /* "127.0.0.1", "::1" */
	char user[64];
	char machine[128];
};

/* Finds pid in the text output of `smbstatus -p`. Returns 0, RP_ERR_NOTFOUND or
 * RP_ERR_FORMAT. Pure, thread-safe (fuzzed). */
int rp_samba_parse(const char *text, size_t len, pid_t pid, struct rp_samba_client *c);

/* Runs smbstatus (with the smbd's own -s/--configfile when it had one) and parses
 * its answer for pid. Waits at most about two seconds. */
int rp_samba_lookup(pid_t pid, struct rp_samba_client *c);

/* Adds `ip[6] saddr ADDR drop` to table inet riposte_watch (created when missing,
 * input hook). Returns 0, RP_ERR_INVALID (not an address), RP_ERR_NFT. */
int rp_samba_block(const char *addr);

#endif
