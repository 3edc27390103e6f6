/*
 * The libmicrohttpd adapter (see http.h). libmicrohttpd parses the request line and
 * headers within its per-connection memory pool (a head larger than it is refused by
 * the library itself with 431 or 413), times idle connections out and counts
 * connections; this file adds the body's bound, copies the request target as sent
 * (the URI log callback sees it before any decoding: lib/serve decodes it itself, with
 * its own bounds), and turns the handler's plain response into the library's.
 *
 * Streams: a content reader that has nothing to send suspends its connection (no
 * thread waits, nothing polls) and goes on the parked list; rp_http_wake resumes every
 * parked connection, whose reader then asks its fill again. No lock of ours is held
 * while the library is called (it has locks of its own, taken in orders we do not
 * know): a stream is PARKING from the decision to its suspension, and a wake that
 * comes in between leaves the reader to resume its connection itself.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <microhttpd.h>

#include "core/err.h"
#include "serve/http.h"

enum { RUNNING, PARKING, PARKED, WAKE_PENDING };

struct stream {
	struct rp_http *h;
	struct MHD_Connection *conn;
	struct rp_http_stream app;
	struct rp_buf pending;       /* filled, not yet handed to the library */
	size_t off;
	int state;                   /* RUNNING ... under h->mu */
	struct stream *next;         /* on h->parked while PARKING or PARKED */
};

struct rp_http {
	struct MHD_Daemon *d;
	int tls;
	size_t max_body;
	void (*handler)(void *ctx, const struct rp_http_req *req, struct rp_http_resp *resp);
	void *ctx;
	pthread_mutex_t mu;          /* parked, nparking, stopping, the streams' state */
	struct stream *parked;
	int nparking;                /* readers between their decision to park and after */
	int stopping;
	char *cert, *key;            /* copies: the library keeps pointers to them */
};

/* One request being received (the library's *con_cls). */
struct reqstate {
	struct rp_buf target;
	struct rp_buf body;
	int started;
	int too_big;
};

int
rp_http_tls_supported(void)
{
	return MHD_is_feature_supported(MHD_FEATURE_TLS) == MHD_YES;
}

int
rp_http_resp_header(struct rp_http_resp *resp, const char *name, const char *value)
{
	if (resp->nhdr >= RP_HTTP_MAX_HEADERS)
		return RP_ERR_TOOBIG;
	if ((resp->hdr[resp->nhdr].value = strdup(value)) == NULL)
		return RP_ERR_NOMEM;
	resp->hdr[resp->nhdr++].name = name;
	return 0;
}

const char *
rp_http_header(const struct rp_http_req *req, const char *name)
{
	return MHD_lookup_connection_value(req->impl_, MHD_HEADER_KIND, name);
}

static void
resp_release(struct rp_http_resp *r)
{
	size_t i;

	for (i = 0; i < r->nhdr; i++)
		free(r->hdr[i].value);
	rp_buf_release(&r->body);
}

/* The request target as the client sent it, before the library decodes the path. */
static void *
uri_log(void *cls, const char *uri, struct MHD_Connection *conn)
{
	struct reqstate *s = calloc(1, sizeof(*s));

	if (s == NULL)
		return NULL;
	rp_buf_init(&s->target, 0);
	rp_buf_init(&s->body, 0);
	if (rp_buf_addstr(&s->target, uri) != 0)
		s->too_big = 1;
	return s;
}

static void
completed(void *cls, struct MHD_Connection *conn, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct reqstate *s = *con_cls;

	if (s == NULL)
		return;
	rp_buf_release(&s->target);
	rp_buf_release(&s->body);
	free(s);
	*con_cls = NULL;
}

static ssize_t
stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *st = cls;
	struct rp_http *h = st->h;
	size_t n;
	int r, resume;

	if (st->off >= st->pending.len) {
		rp_buf_reset(&st->pending);
		st->off = 0;
		pthread_mutex_lock(&h->mu);
		r = h->stopping ? -1 : st->app.fill(st->app.ctx, &st->pending);
		if (r < 0) {
			pthread_mutex_unlock(&h->mu);
			return MHD_CONTENT_READER_END_OF_STREAM;
		}
		if (st->pending.len == 0) {
			/* nothing to send: park until rp_http_wake */
			st->state = PARKING;
			st->next = h->parked;
			h->parked = st;
			h->nparking++;
			pthread_mutex_unlock(&h->mu);
			MHD_suspend_connection(st->conn);
			pthread_mutex_lock(&h->mu);
			resume = st->state == WAKE_PENDING;
			st->state = resume ? RUNNING : PARKED;
			h->nparking--;
			pthread_mutex_unlock(&h->mu);
			if (resume)
				MHD_resume_connection(st->conn);
			return 0;
		}
		pthread_mutex_unlock(&h->mu);
	}
	n = st->pending.len - st->off;
	if (n > max)
		n = max;
	memcpy(buf, st->pending.buf + st->off, n);
	st->off += n;
	return (ssize_t)n;
}

static void
stream_free(void *cls)
{
	struct stream *st = cls;
	struct rp_http *h = st->h;
	struct stream **p;

	pthread_mutex_lock(&h->mu);
	for (p = &h->parked; *p; p = &(*p)->next)
		if (*p == st) {
			*p = st->next;
			break;
		}
	pthread_mutex_unlock(&h->mu);
	if (st->app.release)
		st->app.release(st->app.ctx);
	rp_buf_release(&st->pending);
	free(st);
}

/* Takes every stream off the parked list (h->mu held): the PARKED ones are returned,
 * to be resumed once the lock is released (a suspended connection is neither closed
 * nor freed, so they stay valid); the PARKING ones will resume themselves. */
static struct stream *
unpark_locked(struct rp_http *h)
{
	struct stream *st, *wake = NULL;

	while ((st = h->parked) != NULL) {
		h->parked = st->next;
		if (st->state == PARKING) {
			st->state = WAKE_PENDING;
			continue;
		}
		st->state = RUNNING;
		st->next = wake;
		wake = st;
	}
	return wake;
}

static void
resume_all(struct stream *st)
{
	struct stream *next;

	for (; st; st = next) {
		next = st->next;
		MHD_resume_connection(st->conn);
	}
}

void
rp_http_wake(struct rp_http *h)
{
	struct stream *wake;

	pthread_mutex_lock(&h->mu);
	wake = unpark_locked(h);
	pthread_mutex_unlock(&h->mu);
	resume_all(wake);
}


static enum MHD_Result
send_plain(struct MHD_Connection *conn, unsigned status, const char *text)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(strlen(text), (void *)text,
	    MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", "text/plain; charset=utf-8");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "Connection", "close");
	ret = MHD_queue_response(conn, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* A Content-Length larger than the bound: refused before the body is read. */
static int
length_too_big(struct MHD_Connection *conn, size_t max)
{
	const char *v = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
	unsigned long long n = 0;
	size_t i;

	if (v == NULL)
		return 0;
	for (i = 0; v[i]; i++) {
		if (v[i] < '0' || v[i] > '9' || i >= 19)
			return 1;     /* not a number the library would accept either */
		n = n * 10 + (unsigned)(v[i] - '0');
	}
	return n > max;
}

static enum MHD_Result
access_cb(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
    const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct rp_http *h = cls;
	struct reqstate *s = *con_cls;
	struct rp_http_resp resp;
	struct rp_http_req req;
	struct MHD_Response *r = NULL;
	struct stream *st = NULL;
	enum MHD_Result ret;
	size_t i;

	if (s == NULL)
		return send_plain(conn, 500, "out of memory\n");
	if (!s->started) {
		s->started = 1;
		if (length_too_big(conn, h->max_body))
			return send_plain(conn, 413, "request body too large\n");
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (!s->too_big && rp_buf_add(&s->body, upload, *upload_size) != 0)
			s->too_big = 1;
		if (s->body.len > h->max_body)
			s->too_big = 1;
		if (s->too_big)
			rp_buf_release(&s->body);
		*upload_size = 0;
		return MHD_YES;
	}
	if (s->too_big)
		return send_plain(conn, 413, "request too large\n");

	memset(&resp, 0, sizeof(resp));
	rp_buf_init(&resp.body, 0);
	req.method = method;
	req.target = s->target.buf;
	req.body = s->body.buf;
	req.body_len = s->body.len;
	req.tls = h->tls;
	req.impl_ = conn;
	h->handler(h->ctx, &req, &resp);

	if (resp.stream.fill != NULL) {
		if ((st = calloc(1, sizeof(*st))) == NULL) {
			if (resp.stream.release)
				resp.stream.release(resp.stream.ctx);
			resp_release(&resp);
			return send_plain(conn, 500, "out of memory\n");
		}
		st->h = h;
		st->conn = conn;
		st->app = resp.stream;
		rp_buf_init(&st->pending, 0);
		r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, stream_read, st,
		    stream_free);
		if (r == NULL)
			stream_free(st);
	} else if (resp.fixed != NULL) {
		r = MHD_create_response_from_buffer(resp.fixed_len, (void *)resp.fixed,
		    MHD_RESPMEM_PERSISTENT);
	} else {
		size_t len = resp.body.len;
		char *body = len ? rp_buf_detach(&resp.body, &len) : NULL;

		r = body ? MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE) :
		    MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
		if (r == NULL)
			free(body);
	}
	if (r == NULL) {
		resp_release(&resp);
		return send_plain(conn, 500, "out of memory\n");
	}
	if (resp.type)
		MHD_add_response_header(r, "Content-Type", resp.type);
	for (i = 0; i < resp.nhdr; i++)
		MHD_add_response_header(r, resp.hdr[i].name, resp.hdr[i].value);
	ret = MHD_queue_response(conn, resp.status ? (unsigned)resp.status : 500, r);
	MHD_destroy_response(r);
	resp_release(&resp);
	return ret;
}

int
rp_http_start(const struct rp_http_config *cfg, struct rp_http **out)
{
	struct rp_http *h;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_ALLOW_SUSPEND_RESUME;
	struct MHD_OptionItem opts[16];
	size_t n = 0;

	*out = NULL;
	if (cfg->tls_cert && !rp_http_tls_supported())
		return RP_ERR_UNSUPPORTED;
	if ((h = calloc(1, sizeof(*h))) == NULL)
		return RP_ERR_NOMEM;
	h->max_body = cfg->max_body;
	h->handler = cfg->handler;
	h->ctx = cfg->ctx;
	pthread_mutex_init(&h->mu, NULL);
	if (cfg->tls_cert) {
		if ((h->cert = strdup(cfg->tls_cert)) == NULL || (h->key = strdup(cfg->tls_key)) == NULL) {
			free(h->cert);
			pthread_mutex_destroy(&h->mu);
			free(h);
			return RP_ERR_NOMEM;
		}
		h->tls = 1;
		flags |= MHD_USE_TLS;
	}
	if (cfg->ipv6)
		flags |= MHD_USE_IPv6;
#define OPT(o, v, p) opts[n++] = (struct MHD_OptionItem){ (o), (intptr_t)(v), (p) }
	OPT(MHD_OPTION_LISTEN_SOCKET, cfg->fd, NULL);
	OPT(MHD_OPTION_THREAD_POOL_SIZE, cfg->threads ? cfg->threads : 1, NULL);
	OPT(MHD_OPTION_CONNECTION_LIMIT, cfg->max_conns, NULL);
	OPT(MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->max_conns_per_ip, NULL);
	OPT(MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout_s, NULL);
	OPT(MHD_OPTION_CONNECTION_MEMORY_LIMIT, cfg->conn_memory, NULL);
	/* refuse what a browser never sends: spaces in header names, bare CR, ... */
	OPT(MHD_OPTION_STRICT_FOR_CLIENT, 1, NULL);
	OPT(MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)uri_log, h);
	OPT(MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)completed, h);
	if (h->tls) {
		OPT(MHD_OPTION_HTTPS_MEM_CERT, 0, h->cert);
		OPT(MHD_OPTION_HTTPS_MEM_KEY, 0, h->key);
		/* TLS 1.2 and 1.3 only, GnuTLS's default ciphers of those */
		OPT(MHD_OPTION_HTTPS_PRIORITIES, 0,
		    (void *)"NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2:%SERVER_PRECEDENCE");
	}
	OPT(MHD_OPTION_END, 0, NULL);
#undef OPT
	h->d = MHD_start_daemon(flags, 0, NULL, NULL, access_cb, h, MHD_OPTION_ARRAY, opts,
	    MHD_OPTION_END);
	if (h->d == NULL) {
		int e = errno ? errno : EINVAL;

		free(h->cert);
		free(h->key);
		pthread_mutex_destroy(&h->mu);
		free(h);
		errno = e;
		return RP_ERR_SYSTEM;
	}
	*out = h;
	return 0;
}

void
rp_http_stop(struct rp_http *h)
{
	struct stream *wake;
	MHD_socket fd;
	int i, parking = 1;

	if (h == NULL)
		return;
	/* no new connections, then every stream told to end: the library must not be
	 * stopped with a connection suspended */
	fd = MHD_quiesce_daemon(h->d);
	pthread_mutex_lock(&h->mu);
	h->stopping = 1;
	wake = unpark_locked(h);
	pthread_mutex_unlock(&h->mu);
	resume_all(wake);
	/* a reader that was about to park resumes itself; wait for it (microseconds) */
	for (i = 0; i < 1000 && parking; i++) {
		pthread_mutex_lock(&h->mu);
		parking = h->nparking > 0;
		pthread_mutex_unlock(&h->mu);
		if (parking)
			usleep(1000);
	}
	MHD_stop_daemon(h->d);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);   /* quiesced: the library no longer closes it */
	free(h->cert);
	free(h->key);
	pthread_mutex_destroy(&h->mu);
	free(h);
}
