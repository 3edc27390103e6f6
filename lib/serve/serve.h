/*
 * riposte serve: the practice's incident page in a browser, over the same store as the
 * CLI. During an incident: the open case's title and phase, its legal deadlines with a
 * live countdown, the first-hour checklist, the last journal entries, live alerts of
 * `riposte watch` (server-sent events), costs and the claim; forms that write to the
 * case through the same lib/case calls as the CLI, each a journal entry with the name
 * of who is logged in. Before one: the emergency plan, the site profile's check, the
 * risk register's top risks and the drills played with their scores. For an IT
 * provider (fleet_dsn): the fleet's page, every practice's state from the centre's
 * PostgreSQL (lib/fleet). /api/status (JSON) and /healthz for scripts.
 *
 * Safe by default: loopback only unless TLS is given; a login by access token or a
 * one-time link, a session cookie (HttpOnly, SameSite=Strict, Secure under TLS) that
 * expires, a CSRF token in every form, a Content-Security-Policy without inline
 * script, every value escaped for HTML (lib/core/escape.h). libmicrohttpd sits behind
 * lib/serve/http.c alone.
 *
 * An engine like the others (rp_serve_new / _run / _stop / _free, callbacks that
 * report): it decides, the CLI prints. rp_serve_stop may be called from any thread or
 * a signal handler; the rest from the thread that owns the server.
 */
#ifndef RP_SERVE_H
#define RP_SERVE_H

#include <stddef.h>
#include <stdint.h>

struct rp_serve;

struct rp_serve_user {
	const char *name;             /* who the journal names for this user */
	const char *token;            /* the access token (rp_auth_token_file) */
};

struct rp_serve_config {
	const char *db_path;          /* the store; created when missing */
	const char *site_path;        /* riposte.conf, re-read when it changes; or NULL */
	const char *data_dir;         /* a data/ override (RIPOSTE_DATA), or NULL */
	const char *lang;             /* fr, de or en; NULL: the site's language, else en */
	const char *listen;           /* "127.0.0.1:8088", "[::1]:0" (port 0: a free one) */
	const char *tls_cert;         /* PEM text of the certificate (chain) and ... */
	const char *tls_key;          /* ... its key; both NULL: plain HTTP, loopback only */
	const struct rp_serve_user *users;  /* users[0] gets the one-time login link */
	size_t nusers;
	int64_t session_ttl;          /* seconds; 0: 8 hours */
	unsigned threads;             /* worker threads; 0: 4 */
	unsigned max_conns;           /* 0: 512 */
	unsigned max_conns_per_ip;    /* 0: 256 */
	unsigned timeout_s;           /* idle connections closed after; 0: 30 */
	unsigned max_streams;         /* live pages at once; 0: 64 */
	const char *fleet_dsn;        /* the fleet centre's connection string (checked by the
	                               * caller: lib/fleet/fleet.h), or NULL: no fleet page */
};

struct rp_serve_cb {
	/* Listening: the page's address and the one-time login link (valid once). */
	void (*on_ready)(void *ctx, const char *url, const char *login_url);
	/* Something happened that a log should keep: a login, a write to the case. */
	void (*on_action)(void *ctx, const char *user, const char *what);
	void (*on_warning)(void *ctx, const char *msg);
};

/*
 * Checks the configuration, opens the store, binds the socket. RP_ERR_REFUSED: an
 * address that is not loopback without TLS (the token and the case would cross the
 * network in clear); RP_ERR_FORMAT: listen is not HOST:PORT with a numeric host (or
 * localhost); RP_ERR_INVALID: no user, a bad name or token, half a TLS pair;
 * RP_ERR_UNSUPPORTED: TLS asked of a libmicrohttpd without it; RP_ERR_SYSTEM (errno):
 * the socket (address in use...); store errors. *out is the caller's (rp_serve_free).
 */
int rp_serve_new(const struct rp_serve_config *cfg, const struct rp_serve_cb *cb, void *ctx,
    struct rp_serve **out);
/* Serves until rp_serve_stop: 0, or the error that stopped it. */
int rp_serve_run(struct rp_serve *s);
/* Asks rp_serve_run to return (async-signal-safe). */
void rp_serve_stop(struct rp_serve *s);
void rp_serve_free(struct rp_serve *s);           /* accepts NULL */

struct rp_serve_stats {
	uint64_t requests, logins, writes, refused;   /* refused: 4xx answers */
};
void rp_serve_get_stats(struct rp_serve *s, struct rp_serve_stats *out);

/* Whether listen ("HOST:PORT") is a loopback address: 1, 0, or RP_ERR_FORMAT. */
int rp_serve_listen_loopback(const char *listen);

#endif
