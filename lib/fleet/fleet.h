/*
 * The fleet: one IT provider's view of many practices, in one PostgreSQL database
 * (the centre). Each practice's riposte pushes what changed in its own store (records,
 * below) as a role of its own; row-level security lets that role insert, update and
 * read only its own rows; the provider (the schema's owner, or a member of
 * riposte_reader) reads them all: `fleet status`, `fleet alerts`, and pages over
 * rp_fleet_status for `serve`.
 *
 * Rooms of lib/fleet:
 *   pg.c       the libpq adapter (the only file that includes libpq)
 *   dsn.c      connection strings: DSN files, the TLS rule, the practice's DSN
 *   schema.c   the centre's versioned migrations, roles, `site add`
 *   record.c   a record's JSON and its check before it is sent (fuzzed)
 *   collect.c  what a practice has now, as records, into its queue
 *   queue.c    the queue in the practice's SQLite store
 *   send.c     the queue to the centre: batched upserts
 *   status.c   the provider's views (status per practice, alerts)
 *
 * Records. Every record is one JSON object with "kind" and "rid", its id, unique
 * within the practice ("case:3", "journal:3:17", "deadline:3:gdpr-art33", "alert:42",
 * "finding:site:contact police/verified", "canary:/srv/share/!Accounts-2026.csv",
 * "summary:scan", "baseline:1"); the centre's key is (site, rid), so sending a record
 * twice stores it once, and a newer version of it replaces the older. A record that
 * the practice no longer has (a finding fixed, the deadlines of a case closed) is sent
 * once more as {"kind":K,"rid":R,"gone":true}.
 *
 * Thread-safety: no global state; a struct rp_fleet (a connection) and a store belong
 * to one thread at a time.
 */
#ifndef RP_FLEET_H
#define RP_FLEET_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_ini;
struct rp_store;
struct rp_fleet;

/* ---------------------------------------------------------------- connection strings */

#define RP_FLEET_DSN_MAX 4096        /* bytes of a DSN file */

/* The connection string in the text of a DSN file: the one line that is neither blank
 * nor a '#' comment, trimmed. RP_ERR_FORMAT with *line (optional) the 1-based line at
 * fault: no such line, a second one, a control byte or a NUL; RP_ERR_TOOBIG past
 * RP_FLEET_DSN_MAX. The DSN is appended to dsn. */
int rp_fleet_dsn_text(const char *text, size_t len, struct rp_buf *dsn, int *line);
/* The same from a file (regular, not a symlink, at most RP_FLEET_DSN_MAX bytes).
 * *shared (optional) is set when group or others may read it. RP_ERR_SYSTEM (errno)
 * when it cannot be read. */
int rp_fleet_dsn_file(const char *path, struct rp_buf *dsn, int *line, int *shared);

/* What a connection string says, read by libpq's own parser (no server needed). */
struct rp_fleet_dsn_info {
	int password;            /* it holds a password (password=, or user:pw@ in a URI) */
	int remote;              /* a host that is not this machine: not a socket directory,
	                          * localhost, 127.0.0.0/8 or ::1 */
	int nohost;              /* no host or hostaddr (libpq's default socket, or PGHOST) */
	char sslmode[16];        /* as given, "" when not */
};
/* RP_ERR_FORMAT (err says why) when libpq cannot read it. */
int rp_fleet_dsn_inspect(const char *dsn, struct rp_fleet_dsn_info *info, struct rp_buf *err);
/* Whether one host value (of host= or hostaddr=) is this machine. */
int rp_fleet_host_local(const char *host);
/*
 * The TLS rule: a remote centre is reached only with sslmode=verify-full (the server's
 * certificate checked against a trusted CA and its name against the host). No sslmode
 * and a host that is remote or not given: verify-full is applied (a Unix socket ignores
 * it). 0 when the DSN may be used; RP_ERR_REFUSED (why says so) when it names a remote
 * host with a weaker sslmode. *applied (optional) says whether verify-full is added.
 */
int rp_fleet_dsn_tls(const struct rp_fleet_dsn_info *info, int *applied, struct rp_buf *why);

/* Connects to the centre (the TLS rule applied; connect_timeout 10 s unless given).
 * RP_ERR_REFUSED (TLS rule), RP_ERR_FORMAT (not a DSN), RP_ERR_UNREACHABLE,
 * RP_ERR_PERM (no password for a role that needs one); err gets the reason. */
int rp_fleet_connect(struct rp_fleet **out, const char *dsn, struct rp_buf *err);
void rp_fleet_close(struct rp_fleet *f);                 /* accepts NULL */
/* What went wrong in the last call that failed: the server's message or ours. */
const char *rp_fleet_errmsg(const struct rp_fleet *f);

/* ---------------------------------------------------------------- the centre's schema */

#define RP_FLEET_SCHEMA 3           /* the schema version this riposte brings */
/* The centre's schema version: 0 when it has none yet. */
int rp_fleet_schema_version(struct rp_fleet *f, int *version);
/*
 * Creates or migrates the centre's schema (schema "fleet", roles riposte_practice and
 * riposte_reader) to version target (1..RP_FLEET_SCHEMA; 0 = the latest), one
 * transaction per version, serialised by an advisory lock so that two inits at once do
 * not race. Idempotent. *from and *to (optional): the versions before and after.
 * RP_ERR_UNSUPPORTED when the centre is newer than target (never downgraded).
 */
int rp_fleet_init(struct rp_fleet *f, int target, int *from, int *to);

/* A practice's name: [a-z0-9][a-z0-9-]{0,39} (it is part of a role name and of DSNs). */
int rp_fleet_site_name_valid(const char *name);
/* What `site add` made: owned by the caller (rp_fleet_cred_release). */
struct rp_fleet_cred {
	char *role;              /* riposte_site_NAME */
	char *password;          /* 32 random characters, given once */
	char *dsn;               /* the practice's connection string: the centre's host, port,
	                          * database and TLS settings as this connection used them,
	                          * with the new role and its password */
};
/* Registers practice name and creates its login role (member of riposte_practice) with a
 * random password, sent to the server only as a SCRAM verifier; one transaction.
 * RP_ERR_EXISTS when the site or the role exists; RP_ERR_INVALID for a bad name;
 * RP_ERR_UNSUPPORTED when the centre has no schema. */
int rp_fleet_site_add(struct rp_fleet *f, const char *name, struct rp_fleet_cred *out);
void rp_fleet_cred_release(struct rp_fleet_cred *c);     /* accepts a zeroed struct */

/* ---------------------------------------------------------------- the practice's side */

/* What a practice's push reads. */
struct rp_fleet_local {
	struct rp_store *st;         /* the practice's store: cases, alerts, baselines, and
	                              * the queue (tables fleet_queue, fleet_sent, fleet_state) */
	const struct rp_ini *site;   /* its profile (site check, deadlines), or NULL */
	const char *data_dir;        /* a data/ override (RIPOSTE_DATA), or NULL */
	const char *const *canaries; /* directories whose canary files are reported */
	size_t ncanaries;
	int64_t now;
};
struct rp_fleet_collected {
	size_t records;              /* records the practice has now */
	size_t changed;              /* of them, new or changed since they were last queued or sent */
	size_t gone;                 /* sent before, gone now: queued as "gone" */
	size_t queued;               /* the queue's length afterwards */
};
/*
 * Puts into the queue what changed since the last push: every record whose content
 * differs from what was last sent or queued for its rid (a queued older version is
 * replaced: it is sent once, as its latest version), the new alerts, and "gone" for
 * records sent before that the practice no longer has. One transaction of the store:
 * a crash leaves the queue as it was. Canaries are only stat()ed: reading one would be
 * a canary read that watch notes.
 */
int rp_fleet_collect(const struct rp_fleet_local *l, struct rp_fleet_collected *out);
/* The queue's length (bad records included: see rp_fleet_send). */
int rp_fleet_queued(struct rp_store *st, size_t *n);
/* Forgets what was sent, so that the next collect queues every record again (a centre
 * restored from an old backup). The queue itself is kept. */
int rp_fleet_resend(struct rp_store *st);

struct rp_fleet_push_cb {
	/* after each batch the centre committed: records sent so far, still queued */
	void (*on_batch)(size_t sent, size_t left, void *ctx);
	/* a record that cannot be sent (not a valid record, or refused by the centre): it
	 * stays in the queue, marked, and is not tried again until rp_fleet_resend */
	void (*on_bad)(const char *rid, const char *why, void *ctx);
};
struct rp_fleet_pushed {
	size_t sent;                 /* records the centre committed in this call */
	size_t left;                 /* still queued (bad ones included) */
	size_t bad;                  /* of them, marked bad */
};
/*
 * Sends the queue to the centre as practice site, oldest first, in batches of upserts
 * (one statement each, committed on its own); a record leaves the queue only after
 * the centre committed it, so a connection lost in the middle loses nothing, and what
 * may have been committed without our knowing is sent again and stored once. Then
 * records the push time (now) and the queue's length with the practice's row.
 * RP_ERR_UNREACHABLE (the centre went away: what is left stays queued), RP_ERR_PERM
 * (the connection's role is not site's), RP_ERR_UNSUPPORTED (no schema at the centre).
 */
int rp_fleet_send(struct rp_fleet *f, struct rp_store *st, const char *site, int64_t now,
    const struct rp_fleet_push_cb *cb, void *ctx, struct rp_fleet_pushed *out);

/* ---------------------------------------------------------------- records */

#define RP_FLEET_RID_MAX 512         /* bytes of a record id */
#define RP_FLEET_RECORD_MAX (1 << 20) /* bytes of a record's JSON */
/* Checks the JSON of one record as the centre will need it: one object of at most
 * RP_FLEET_RECORD_MAX bytes with "kind" (a known kind) and "rid" (1..RP_FLEET_RID_MAX
 * bytes of UTF-8 without controls), times as "YYYY-MM-DDTHH:MM:SSZ", "case" a positive
 * integer, no NUL. 0, or RP_ERR_FORMAT with *why (optional, static) saying what is
 * wrong. kind and rid (optional) get copies (caller frees). */
int rp_fleet_record_check(const char *json, size_t len, char **kind, char **rid,
    const char **why);

/* ---------------------------------------------------------------- the provider's views */

struct rp_fleet_site_status {
	char *site;
	int64_t open_cases;          /* incident cases open */
	int64_t overdue;             /* legal deadlines of open cases past due, not done */
	int64_t due_24h;             /* ... due within 24 h */
	int64_t alerts_7d;           /* watch alerts (acted on) in the 7 days up to now */
	int64_t high_findings;       /* findings of high severity */
	int64_t stale_contacts;      /* contacts not verified for more than a year */
	int64_t rewritten;           /* journal entries the practice sent again changed */
	int64_t queued;              /* records still queued at the practice at its last push */
	int64_t last_push;           /* the practice's clock at its last push, RP_TIME_UNSET never */
	int stale;                   /* no push in the 24 h before now */
	int attention;               /* anything above but stale contacts and queued */
};
struct rp_fleet_status {
	struct rp_fleet_site_status *v;  /* most urgent first (see status.c) */
	size_t n;
	size_t attention;            /* practices that need attention */
};
/* Every practice's line as of now; RP_ERR_UNSUPPORTED when the schema is older than 2.
 * *out is owned by the caller (rp_fleet_status_release). */
int rp_fleet_status(struct rp_fleet *f, int64_t now, struct rp_fleet_status *out);
void rp_fleet_status_release(struct rp_fleet_status *s);  /* accepts a zeroed struct */

/* One alert of a practice; strings valid during the callback. */
struct rp_fleet_alert {
	const char *site;
	int64_t time;
	const char *type;            /* "alert" (acted on) or "canary-read" (noted) */
	int64_t case_id;             /* the case it was journaled in, 0 when none was open */
	const char *text;            /* the sentence watch journaled */
	const char *data;            /* watch's JSON object (pid, exe, action, result...) */
};
/* The alerts of every practice with since <= time <= until (RP_TIME_UNSET: no bound),
 * in time order (then site, then record id); a non-zero return of fn stops. */
int rp_fleet_alerts(struct rp_fleet *f, int64_t since, int64_t until,
    int (*fn)(const struct rp_fleet_alert *a, void *ctx), void *ctx);

#endif
