/*
 * Log lines for the timeline: auth.log (traditional or RFC 3339 syslog), journalctl
 * exports (-o short-iso, -o json), Samba vfs_full_audit lines in syslog, and riposte's
 * own alerts (JSONL with "kind" and "time"). Each line is parsed on its own; the
 * events kept are logins (accepted and failed), logouts, sessions, sudo and su,
 * every Samba audit operation, and every riposte alert. Pure functions, thread-safe.
 * The input is untrusted (a fuzz target covers it).
 */
#ifndef RP_FX_LOGS_H
#define RP_FX_LOGS_H

#include <stddef.h>
#include <stdint.h>

struct rp_log_event {
	int64_t time;           /* seconds since the epoch (UTC) */
	char source[12];        /* "auth", "journal", "samba", "riposte" */
	char host[64];
	char program[32];       /* sshd, sudo, smbd_audit, ... */
	char action[32];        /* login, login-failed, logout, session-open, session-close,
	                           sudo, su, the Samba operation (pread, unlinkat, ...), or
	                           the alert's kind */
	char status[8];         /* Samba: "ok" or "fail"; else "" */
	char user[64];
	char client[64];        /* remote address */
	char object[512];       /* file, command or path the event is about */
	char message[512];      /* the log message as written (truncated) */
};

struct rp_log_ctx {
	int year;               /* for syslog timestamps without a year (local time) */
};

/* Parses one line (without its newline). Returns 1 with ev filled for an event kept,
 * 0 for a well-formed line that is not one, RP_ERR_FORMAT for a line in none of the
 * formats. Fields too long are truncated; all are NUL-terminated. */
int rp_log_parse_line(const struct rp_log_ctx *ctx, const char *line, size_t len,
    struct rp_log_event *ev);

#endif
