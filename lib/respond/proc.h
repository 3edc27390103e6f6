/*
 * Readers of /proc: processes (stat, status, cmdline, exe) and sockets
 * (/proc/net/{tcp,tcp6,udp,udp6,unix} and the fd -> socket inode map). What a
 * compromised host shows in /proc is attacker-influenced (a process names itself, a
 * path holds any byte), so the parsers take bytes with a length and are fuzzed.
 *
 * The proc root is a parameter ("/proc" normally) so that tests and analysts can
 * point them at a copied tree. Thread-safe; results owned by the caller.
 */
#ifndef RP_PROC_H
#define RP_PROC_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/buf.h"

struct rp_proc_stat {
	int pid;
	char comm[64];        /* as the process named itself (bytes, up to 15 normally) */
	char state;           /* R, S, D, Z, ... */
	int ppid;
	uint64_t starttime;   /* clock ticks after boot */
};

/* Parses the one line of /proc/PID/stat (the comm may hold spaces and ')'). 
 * Returns 0 or RP_ERR_FORMAT. */
int rp_proc_parse_stat(const char *s, size_t len, struct rp_proc_stat *out);

/* The real uid from /proc/PID/status ("Uid:\t1000\t..."). 0 or RP_ERR_FORMAT. */
int rp_proc_parse_uid(const char *s, size_t len, uint32_t *uid);

/* The boot time ("btime N") from /proc/stat. 0 or RP_ERR_FORMAT. */
int rp_proc_parse_btime(const char *s, size_t len, int64_t *btime);

enum rp_sock_proto { RP_SOCK_TCP, RP_SOCK_TCP6, RP_SOCK_UDP, RP_SOCK_UDP6, RP_SOCK_UNIX };

struct rp_sock {
	enum rp_sock_proto proto;
	int family;                 /* AF_INET, AF_INET6, AF_UNIX */
	unsigned char laddr[16];    /* network byte order */
	unsigned char raddr[16];
	uint16_t lport, rport;
	int state;                  /* the kernel's TCP state number (1 ESTABLISHED, 10 LISTEN) */
	uint32_t uid;
	uint64_t inode;
	const char *path;           /* unix: the bound path or NULL; valid during the callback */
	size_t pathlen;
};

/* "tcp", "tcp6", ...; and the state's name ("ESTABLISHED", "LISTEN", "UNCONN"). */
const char *rp_sock_proto_name(enum rp_sock_proto p);
const char *rp_sock_state_name(const struct rp_sock *s);
/* 1 for a listening socket (TCP LISTEN, unconnected UDP, unix stream listener). */
int rp_sock_listening(const struct rp_sock *s);

/* Parses the text of a /proc/net table of proto, calling fn for each well-formed line
 * (the header and malformed lines are skipped and counted in *bad, optional).
 * fn returns 0 to go on or a negative code to stop with it. */
int rp_procnet_parse(const char *buf, size_t len, enum rp_sock_proto proto,
    int (*fn)(const struct rp_sock *s, void *ctx), void *ctx, size_t *bad);

/* Reads PROC/PID/net/<proto> (the tables of pid's network namespace; pid 0: self). */
int rp_procnet_read(const char *proc, int pid, enum rp_sock_proto proto, struct rp_buf *out);

/* Appends the socket inodes among pid's open descriptors to *inodes (realloc'd;
 * caller frees). A process that vanished or is not ours to read gives none. */
int rp_proc_sock_inodes(const char *proc, int pid, uint64_t **inodes, size_t *n);

/* Reads a small /proc file (stat, status, cmdline) into out (reset first). */
int rp_proc_read(const char *proc, int pid, const char *name, struct rp_buf *out);

/* The remote addresses of the SSH session pid runs in: the established TCP peers of
 * the sockets of pid's nearest ancestor named sshd* (sshd, sshd-session). Appends to
 * peers (family + 16 address bytes each, as struct rp_sock with raddr/rport set).
 * When that sshd lives in another network namespace than pid (ip netns exec), its
 * session cannot be cut from pid's namespace: no peers, and *elsewhere (optional) = 1.
 * Returns 0 (also when pid is not under sshd: *n unchanged) or an RP_ERR_*. */
int rp_proc_ssh_peers(const char *proc, int pid, struct rp_sock **peers, size_t *n,
    int *elsewhere);

#endif
