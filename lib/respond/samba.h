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

#include "core/buf.h"

#define RP_SAMBA_TABLE "riposte_watch"   /* in family inet */

struct rp_samba_client {
	char addr[64];       /* "10.0.0.7", "fd00::7"; "" when smbstatus gave no IP address */
	char user[64];       /* the Unix user of the session ("anna"), or its uid */
	char machine[128];   /* the client's name as smbstatus shows it (often its address) */
};

/* Finds pid in the text output of `smbstatus -p` (Samba 4.x: "PID Username Group
 * Machine Protocol ..." rows whose machine is followed by "(ipv4:ADDR:PORT)" or
 * "(ipv6:ADDR:PORT)"). Group names with spaces are fine; an IPv4-mapped IPv6 address
 * is given as IPv4; addr is always a valid address or "". Returns 0, RP_ERR_NOTFOUND
 * (a listing without pid) or RP_ERR_FORMAT (not a listing). Pure, thread-safe. */
int rp_samba_parse(const char *text, size_t len, pid_t pid, struct rp_samba_client *c);

/* The smb.conf given on an smbd's command line (the NUL-separated cmdline bytes:
 * -s FILE, -sFILE, --configfile FILE, --configfile=FILE), relative paths joined to
 * cwd (may be NULL). 0 with conf filled, RP_ERR_NOTFOUND when there is none (smbd then
 * uses its built-in default), RP_ERR_TOOBIG when it does not fit. Pure. */
int rp_samba_conf(const char *cmdline, size_t len, const char *cwd, char *conf, size_t cap);

/* Runs smbstatus -p (with the smbd's own -s/--configfile when it had one; spawned,
 * never forked, so callers may have threads) and parses its answer for pid. Returns
 * within about two seconds (smbstatus is killed then): 0, RP_ERR_NOTFOUND (no such
 * session, or no smbstatus program), RP_ERR_FORMAT (no listing), RP_ERR_SYSTEM. */
int rp_samba_lookup(pid_t pid, struct rp_samba_client *c);

/* The nft script that blocks addr (appended to out): table inet riposte_watch with
 * the sets clients4/clients6 and one input chain dropping them, addr added to its set.
 * Running it again for the same or another address is harmless (one transaction).
 * RP_ERR_INVALID when addr is not an IPv4 or IPv6 address. */
int rp_samba_block_script(const char *addr, struct rp_buf *out);

/* Loads rp_samba_block_script(addr). Returns 0, RP_ERR_INVALID (not an address),
 * RP_ERR_PERM (no CAP_NET_ADMIN), RP_ERR_NFT. */
int rp_samba_block(const char *addr);

/* The nft script that lifts a block (appended to out): addr out of its set, or with
 * addr "all" the table deleted (every block lifted, nothing else of the ruleset
 * touched). RP_ERR_INVALID when addr is neither an address nor "all". */
int rp_samba_unblock_script(const char *addr, struct rp_buf *out);

/* Loads rp_samba_unblock_script(addr). Returns 0, RP_ERR_INVALID, RP_ERR_NOTFOUND
 * (addr was not blocked, or no block at all), RP_ERR_PERM, RP_ERR_NFT. */
int rp_samba_unblock(const char *addr);

#endif
