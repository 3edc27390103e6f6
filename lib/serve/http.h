/*
 * The HTTP server under `riposte serve`: the one adapter over libmicrohttpd (http.c),
 * so that none of its types reach the rest of lib/serve. It listens on a socket the
 * caller has bound, runs a pool of threads, bounds what a client may send (connections
 * in all and per address, the request head through the per-connection memory, the
 * body, idle time) and hands each complete request to one handler, which fills a
 * plain response: a body, fixed bytes, or a stream (server-sent events).
 *
 * A stream's fill callback says when it has nothing to send: the connection then
 * waits, costing no thread and no polling, until rp_http_wake (new events, or the
 * keep-alive tick). rp_http_stop ends every stream before the server stops.
 *
 * Thread-safety: the handler and the stream callbacks run on the server's threads,
 * several at once; rp_http_wake may be called from any thread; rp_http_start and
 * rp_http_stop from the one thread that owns the server.
 */
#ifndef RP_SERVE_HTTP_H
#define RP_SERVE_HTTP_H

#include <stddef.h>
#include <sys/socket.h>

#include "core/buf.h"

struct rp_http;

/* One request, complete (body read); valid during the handler only. */
struct rp_http_req {
	const char *method;       /* as sent: "GET", "POST", ... */
	const char *target;       /* the request target as sent, not decoded ("/a?b=c") */
	const char *body;         /* the body, NUL-terminated ("" when none) */
	size_t body_len;
	int tls;                  /* the connection is TLS */
	void *impl_;              /* the adapter's, for rp_http_header */
};
/* The value of request header name (case-insensitive), or NULL. */
const char *rp_http_header(const struct rp_http_req *req, const char *name);

/* A response whose body comes in pieces (server-sent events). */
struct rp_http_stream {
	/* Appends what is ready to out: 1 when it appended, 0 when there is nothing yet
	 * (the connection waits for rp_http_wake), -1 to end the stream. */
	int (*fill)(void *ctx, struct rp_buf *out);
	void (*release)(void *ctx);   /* the stream is over (also when the client left) */
	void *ctx;
};

#define RP_HTTP_MAX_HEADERS 20
struct rp_http_resp {
	int status;                   /* 200 unless set */
	const char *type;             /* Content-Type, static */
	struct rp_buf body;           /* the body ... */
	const void *fixed;            /* ... or these bytes, which outlive the server */
	size_t fixed_len;
	struct rp_http_stream stream; /* ... or a stream, when stream.fill is set */
	struct {
		const char *name;     /* static */
		char *value;          /* owned */
	} hdr[RP_HTTP_MAX_HEADERS];
	size_t nhdr;
};
/* Adds a header (name static, value copied): 0, RP_ERR_TOOBIG, RP_ERR_NOMEM. */
int rp_http_resp_header(struct rp_http_resp *resp, const char *name, const char *value);

struct rp_http_config {
	int fd;                       /* a bound, listening socket; the server owns it after start */
	int ipv6;                     /* fd is AF_INET6 */
	unsigned threads;             /* worker threads */
	unsigned max_conns;           /* connections at once, in all */
	unsigned max_conns_per_ip;
	unsigned timeout_s;           /* an idle connection is closed after this */
	size_t conn_memory;           /* per connection: bounds the request line and headers */
	size_t max_body;              /* a larger body is refused with 413 */
	const char *tls_cert;         /* PEM text (kept by the caller while the server runs), */
	const char *tls_key;          /* or NULL for plain HTTP */
	/* Called once per complete request; fills resp (status 0 means 500). */
	void (*handler)(void *ctx, const struct rp_http_req *req, struct rp_http_resp *resp);
	void *ctx;
};

/* Starts serving (threads running on return). RP_ERR_UNSUPPORTED when TLS is asked
 * of a libmicrohttpd built without it; RP_ERR_SYSTEM when the server did not start
 * (errno as libmicrohttpd left it). On failure the caller still owns cfg->fd. */
int rp_http_start(const struct rp_http_config *cfg, struct rp_http **out);
/* Lets every waiting stream call its fill again. Thread-safe. */
void rp_http_wake(struct rp_http *h);
/* Ends every stream, closes every connection and the socket, frees. Accepts NULL. */
void rp_http_stop(struct rp_http *h);
/* Whether this libmicrohttpd can serve TLS. */
int rp_http_tls_supported(void);

#endif
