/*
 * Network isolation: one nftables table of riposte's own, `inet riposte`, that drops
 * every packet in, out and forwarded except loopback, the allowed networks (the IT
 * provider's console, the backup server), ICMP errors about flows with them, IPv6
 * neighbour discovery, and connections to the allowed local ports.
 *
 * The table is the whole state: its comment records the isolation's id, when it
 * started and when it expires, and its sets hold the allow-list, so `status` reads it
 * back from the kernel and undo deletes exactly that table and nothing else. Accepting
 * in our table never loosens anyone else's rules (a drop in any table is final);
 * dropping in ours is final whatever the others accept.
 *
 * libnftables is reached through respond/nft.h only; no nftables type leaks out.
 * Functions touching the kernel need CAP_NET_ADMIN in the current network namespace.
 * Not thread-safe (libnftables contexts are per call, but the kernel table is shared).
 */
#ifndef RP_ISOLATE_H
#define RP_ISOLATE_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

#define RP_ISOLATE_TABLE "riposte"     /* in family inet */
#define RP_ISOLATE_MAX_NETS 256
#define RP_ISOLATE_MAX_PORTS 64

/* An address or a network: 10.0.0.5, 10.0.0.0/24, fd00::1, fd00::/64. */
struct rp_net {
	int family;                /* AF_INET or AF_INET6 */
	unsigned char addr[16];    /* network byte order; 4 bytes used for AF_INET */
	int prefix;                /* 0..32 or 0..128 */
};

/* Parses s (no spaces; host bits set are cleared: 10.0.0.5/24 -> 10.0.0.0/24).
 * Returns 0 or RP_ERR_FORMAT. Thread-safe. */
int rp_net_parse(const char *s, struct rp_net *n);
/* Appends the canonical text ("10.0.0.0/24", "10.0.0.5", "fd00::/64"). */
int rp_net_fmt(struct rp_buf *b, const struct rp_net *n);
/* 1 when addr (family, network byte order) lies in n, else 0. */
int rp_net_contains(const struct rp_net *n, int family, const unsigned char *addr);

/* What an isolation is made of; also what rp_isolate_status reads back. */
struct rp_isolate {
	struct rp_net allow[RP_ISOLATE_MAX_NETS];   /* sorted, v4 first, duplicates removed */
	size_t nallow;
	uint16_t ports[RP_ISOLATE_MAX_PORTS];       /* local TCP/UDP ports open to anyone */
	size_t nports;
	int64_t since;               /* when it was applied (seconds since the epoch) */
	int64_t expires;             /* when it undoes itself, 0 = until undone (confirmed) */
	char id[17];                 /* 16 hex digits, stable across --confirm */
};

/* Sorts and de-duplicates allow and ports and sets id from them and since. */
void rp_isolate_normalise(struct rp_isolate *iso);

/* Appends the nft script that atomically replaces (or creates) the table with iso's
 * rules: deterministic for the same iso. */
int rp_isolate_ruleset(const struct rp_isolate *iso, struct rp_buf *out);

/* Loads the ruleset made by rp_isolate_ruleset in one kernel transaction: either all of
 * it is in force or nothing changed. nft's message goes to err (optional).
 * RP_ERR_PERM without CAP_NET_ADMIN, RP_ERR_NFT when rejected. */
int rp_isolate_apply(const char *ruleset, struct rp_buf *err);

/* Reads the table back: 0 with *iso filled, RP_ERR_NOTFOUND when there is none (not
 * isolated); listing (optional) gets nft's text listing of the table. RP_ERR_FORMAT
 * when a table of that name exists but was not made by riposte. */
int rp_isolate_status(struct rp_isolate *iso, struct rp_buf *listing, struct rp_buf *err);

/* Deletes table inet riposte, and only it. RP_ERR_NOTFOUND when it is not there. */
int rp_isolate_remove(struct rp_buf *err);

/* Parses nft's text listing of the table (what rp_isolate_status does after listing).
 * Exposed for the fuzzer and unit tests. Thread-safe. */
int rp_isolate_parse_listing(const char *text, size_t len, struct rp_isolate *iso);

/* ---- the host's side (isolate-host.c) ---- */

/* rs (reset first) gets the ruleset of iso and hash its SHA-256 in hex. */
int rp_isolate_ruleset_sha256(const struct rp_isolate *iso, struct rp_buf *rs, char hash[65]);

/*
 * Whether isolating with iso would cut the SSH session the process pid runs in: its
 * sources are sshd's sockets seen under proc ("/proc") and the values of
 * SSH_CONNECTION and SSH_CLIENT in ssh_env (either NULL when unset; the caller reads
 * the environment). Returns 0 when every source is allowed, 1 with the first one that
 * is not appended to who, or RP_ERR_NOMEM.
 */
int rp_isolate_lockout(const struct rp_isolate *iso, const char *proc, int pid,
    const char *const ssh_env[2], struct rp_buf *who);

/* --confirm: 1 when iso (as read by rp_isolate_status) is confirmed already; else
 * clears its expiry and loads the ruleset again (same id, no expiry, hash filled):
 * 0, or the error of rp_isolate_apply (nft's message in err, optional). */
int rp_isolate_confirm(struct rp_isolate *iso, char hash[65], struct rp_buf *err);

/*
 * Starts the process that undoes iso at iso->expires (`riposte isolate --expire-at
 * WHEN --id ID --db DB` of this very binary): a transient systemd service when systemd
 * runs this network namespace's host, else a process of its own session (setsid,
 * double fork, no terminal), so that closing the terminal or losing the SSH connection
 * does not stop it. db_path is made absolute against the working directory. Returns 0
 * once the timer runs, *how saying which ("systemd service", "detached process", static
 * strings), or RP_ERR_SYSTEM (errno set), RP_ERR_NOMEM.
 */
int rp_isolate_timer_start(const struct rp_isolate *iso, const char *db_path, const char **how);

/*
 * The timer process's wait: until expire_at, polling the table (every 10 s at most) so
 * that it ends early once the isolation id was confirmed, undone or replaced (returns
 * 1, nothing done); at expire_at removes the table (0, *iso the isolation removed), or
 * the error of rp_isolate_remove. Blocks; not for a thread that has other work.
 */
int rp_isolate_expire_wait(const char *id, int64_t expire_at, struct rp_isolate *iso);

#endif
