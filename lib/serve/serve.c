/*
 * riposte serve's engine (see serve.h): configuration and socket, the request router
 * with its checks (Host, session, CSRF, Origin, method), the security headers every
 * answer carries, and the hub thread that watches the store.
 *
 * What a request goes through, in order: the target is decoded and checked (form.c:
 * 400 for a bad one), the Host is one of ours when on loopback (400: DNS rebinding),
 * the route exists (404) for this method (405); a page needs a session (else 303 to
 * /login), the API a session or a bearer token (401); a POST needs a form body (415),
 * an Origin of ours if it says one, and the session's CSRF token (403). Only then is
 * anything read or written.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "case/config.h"
#include "case/journal.h"
#include "core/data.h"
#include "core/err.h"
#include "core/time.h"
#include "prepare/risk.h"
#include "serve/form.h"
#include "serve/serve-int.h"
#include "store/store.h"

#define CSP "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " \
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
#define HTML "text/html; charset=utf-8"

/* ---- reporting ---- */

void
serve_warn(struct rp_serve *s, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (s->cb.on_warning == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	s->cb.on_warning(s->ctx, msg);
}

void
serve_action(struct rp_serve *s, const char *user, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	__atomic_add_fetch(&s->n_writes, 1, __ATOMIC_RELAXED);
	if (s->cb.on_action == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	s->cb.on_action(s->ctx, user, msg);
}

/* ---- the listening address ---- */

struct addr {
	struct sockaddr_storage ss;
	socklen_t len;
	int v6, loopback;
	char host[72];           /* as it goes into URLs: "127.0.0.1", "[::1]" */
	unsigned port;
};

static int
parse_listen(const char *listen, struct addr *a)
{
	char host[64];
	const char *colon, *hs = listen;
	size_t hlen;
	char *end;
	unsigned long port;

	memset(a, 0, sizeof(*a));
	if (listen == NULL || (colon = strrchr(listen, ':')) == NULL)
		return RP_ERR_FORMAT;
	hlen = (size_t)(colon - listen);
	if (hlen >= 2 && listen[0] == '[' && listen[hlen - 1] == ']') {
		hs = listen + 1;
		hlen -= 2;
		a->v6 = 1;
	}
	if (hlen == 0 || hlen >= sizeof(host))
		return RP_ERR_FORMAT;
	memcpy(host, hs, hlen);
	host[hlen] = '\0';
	errno = 0;
	port = strtoul(colon + 1, &end, 10);
	if (colon[1] < '0' || colon[1] > '9' || *end || errno || port > 65535)
		return RP_ERR_FORMAT;
	a->port = (unsigned)port;
	if (!a->v6 && strcmp(host, "localhost") == 0)
		snprintf(host, sizeof(host), "127.0.0.1");
	if (a->v6) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&a->ss;

		if (inet_pton(AF_INET6, host, &s6->sin6_addr) != 1)
			return RP_ERR_FORMAT;
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		a->len = sizeof(*s6);
		a->loopback = IN6_IS_ADDR_LOOPBACK(&s6->sin6_addr);
		snprintf(a->host, sizeof(a->host), "[%s]", host);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&a->ss;

		if (inet_pton(AF_INET, host, &s4->sin_addr) != 1)
			return RP_ERR_FORMAT;
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		a->len = sizeof(*s4);
		a->loopback = (ntohl(s4->sin_addr.s_addr) >> 24) == 127;
		snprintf(a->host, sizeof(a->host), "%s", host);
	}
	return 0;
}

int
rp_serve_listen_loopback(const char *listen)
{
	struct addr a;
	int r = parse_listen(listen, &a);

	return r ? r : a.loopback;
}

static int
bind_socket(struct rp_serve *s, struct addr *a)
{
	int fd, one = 1;
	struct sockaddr_storage got;
	socklen_t glen = sizeof(got);

	if ((fd = socket(a->ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return RP_ERR_SYSTEM;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (a->v6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&a->ss, a->len) != 0 || listen(fd, 512) != 0 ||
	    getsockname(fd, (struct sockaddr *)&got, &glen) != 0) {
		int e = errno;

		close(fd);
		errno = e;
		return RP_ERR_SYSTEM;
	}
	a->port = ntohs(a->v6 ? ((struct sockaddr_in6 *)&got)->sin6_port :
	    ((struct sockaddr_in *)&got)->sin_port);
	s->fd = fd;
	return 0;
}

/* ---- texts and data ---- */

static int
load_ini(const char *dir, const char *name, struct rp_ini **out)
{
	struct rp_buf b = RP_BUF_INIT;
	int r, line;

	*out = NULL;
	if ((r = rp_data_load(dir, name, &b)) == 0)
		r = rp_ini_parse(b.buf, b.len, out, &line);
	rp_buf_release(&b);
	return r;
}

static int
load_texts(struct rp_serve *s, const char *lang)
{
	char name[64];
	int r;

	snprintf(s->tx.lang, sizeof(s->tx.lang), "%s", lang);
	snprintf(name, sizeof(name), "serve/%s/serve.ini", lang);
	if ((r = load_ini(s->data_dir, name, &s->tx.ui)) != 0 ||
	    (r = load_ini(s->data_dir, "serve/en/serve.ini", &s->tx.ui_en)) != 0)
		return r;
	snprintf(name, sizeof(name), "plan/%s/plan.ini", lang);
	if ((r = load_ini(s->data_dir, name, &s->tx.plan)) != 0 ||
	    (r = load_ini(s->data_dir, "plan/en/plan.ini", &s->tx.plan_en)) != 0)
		return r;
	return rp_drill_texts(s->data_dir, lang, &s->tx.drill, &s->tx.drill_en);
}

/* The page's language: asked, else the site's, else English. */
static const char *
pick_lang(const char *want, const char *site_path)
{
	static const char *const langs[] = { "fr", "de", "en" };
	struct rp_ini *ini = NULL;
	const char *v = want, *r = "en";
	size_t i;
	int line;

	if (v == NULL && site_path && rp_ini_load(site_path, &ini, &line) == 0)
		v = rp_ini_get(ini, "site", "language");
	for (i = 0; v && i < 3; i++)
		if (strcmp(v, langs[i]) == 0)
			r = langs[i];
	rp_ini_free(ini);
	return r;
}

static const struct {
	const char *path, *type;
} asset_names[NASSETS] = {
	{ "/static/app.css", "text/css; charset=utf-8" },
	{ "/static/app.js", "text/javascript; charset=utf-8" },
};

/* The style sheet and the script: data/serve/static/, in the binary (or RIPOSTE_DATA). */
static int
load_assets(struct rp_serve *s)
{
	char name[64];
	size_t i;
	int r;

	for (i = 0; i < NASSETS; i++) {
		snprintf(name, sizeof(name), "serve%s", asset_names[i].path);
		rp_buf_init(&s->assets[i], 1 << 20);
		if ((r = rp_data_load(s->data_dir, name, &s->assets[i])) != 0)
			return r;
	}
	return 0;
}

/* ---- new, run, stop, free ---- */

static char *
xdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

int
rp_serve_new(const struct rp_serve_config *cfg, const struct rp_serve_cb *cb, void *ctx,
    struct rp_serve **out)
{
	struct rp_serve *s = NULL;
	struct rp_buf cl = RP_BUF_INIT;
	const char **names = NULL, **tokens = NULL;
	struct addr a;
	size_t i;
	int r;

	*out = NULL;
	if ((r = parse_listen(cfg->listen ? cfg->listen : "127.0.0.1:8088", &a)) != 0)
		return r;
	if (!cfg->tls_cert != !cfg->tls_key || cfg->nusers == 0 || cfg->db_path == NULL)
		return RP_ERR_INVALID;
	/* the access token and the case would cross the network in clear */
	if (!a.loopback && cfg->tls_cert == NULL)
		return RP_ERR_REFUSED;
	if (cfg->tls_cert && !rp_http_tls_supported())
		return RP_ERR_UNSUPPORTED;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return RP_ERR_NOMEM;
	s->fd = -1;
	s->stopfd = -1;
	pthread_mutex_init(&s->build_mu, NULL);
	pthread_mutex_init(&s->snap_mu, NULL);
	pthread_mutex_init(&s->hub_mu, NULL);
	pthread_mutex_init(&s->fleet_mu, NULL);
	if (cb)
		s->cb = *cb;
	s->ctx = ctx;
	s->session_ttl = cfg->session_ttl > 0 ? cfg->session_ttl : 8 * 3600;
	s->threads = cfg->threads ? cfg->threads : 4;
	s->max_conns = cfg->max_conns ? cfg->max_conns : 512;
	s->max_conns_per_ip = cfg->max_conns_per_ip ? cfg->max_conns_per_ip : 256;
	s->timeout_s = cfg->timeout_s ? cfg->timeout_s : 30;
	s->max_streams = cfg->max_streams ? cfg->max_streams : 64;
	s->tls = cfg->tls_cert != NULL;
	s->loopback = a.loopback;
	s->ipv6 = a.v6;
	if ((s->db_path = strdup(cfg->db_path)) == NULL ||
	    (cfg->site_path && (s->site_path = strdup(cfg->site_path)) == NULL) ||
	    (cfg->data_dir && (s->data_dir = strdup(cfg->data_dir)) == NULL) ||
	    (cfg->fleet_dsn && (s->fleet_dsn = strdup(cfg->fleet_dsn)) == NULL) ||
	    (cfg->tls_cert && ((s->tls_cert = xdup(cfg->tls_cert)) == NULL ||
	    (s->tls_key = xdup(cfg->tls_key)) == NULL)) ||
	    (s->user0 = strdup(cfg->users[0].name)) == NULL ||
	    (names = calloc(cfg->nusers, sizeof(*names))) == NULL ||
	    (tokens = calloc(cfg->nusers, sizeof(*tokens))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (i = 0; i < cfg->nusers; i++) {
		names[i] = cfg->users[i].name;
		tokens[i] = cfg->users[i].token;
	}
	if ((r = rp_auth_new(names, tokens, cfg->nusers, s->session_ttl, &s->auth)) != 0)
		goto out;
	if ((r = load_texts(s, pick_lang(cfg->lang, s->site_path))) != 0 ||
	    (r = rp_data_load(s->data_dir, "serve/checklist.ini", &cl)) != 0 ||
	    (r = rp_standing_init(&s->checklist, cl.buf, cl.len)) != 0)
		goto out;
	if ((r = load_assets(s)) != 0)
		goto out;
	if ((r = rp_store_open(&s->st, s->db_path, RP_STORE_CREATE)) != 0 ||
	    (r = rp_case_migrate(s->st)) != 0 || (r = rp_risk_migrate(s->st)) != 0 ||
	    (r = rp_drill_migrate(s->st)) != 0 ||
	    (r = rp_journal_last_id(s->st, &s->hub_last)) != 0)
		goto out;
	if ((s->stopfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if ((r = bind_socket(s, &a)) != 0)
		goto out;
	snprintf(s->url, sizeof(s->url), "%s://%s:%u", s->tls ? "https" : "http", a.host, a.port);
	snprintf(s->hosts[s->nhosts++], sizeof(s->hosts[0]), "%s:%u", a.host, a.port);
	if (a.loopback) {
		snprintf(s->hosts[s->nhosts++], sizeof(s->hosts[0]), "localhost:%u", a.port);
		snprintf(s->hosts[s->nhosts++], sizeof(s->hosts[0]), a.v6 ? "127.0.0.1:%u" :
		    "[::1]:%u", a.port);
	}
	if ((r = snap_refresh(s, time(NULL), 1)) != 0)
		goto out;
	*out = s;
	s = NULL;
out:
	free(names);
	free(tokens);
	rp_buf_release(&cl);
	rp_serve_free(s);
	return r;
}

void
rp_serve_stop(struct rp_serve *s)
{
	uint64_t one = 1;
	ssize_t n;

	n = write(s->stopfd, &one, sizeof(one));
	(void)n;
}

void
rp_serve_get_stats(struct rp_serve *s, struct rp_serve_stats *o)
{
	o->requests = __atomic_load_n(&s->n_requests, __ATOMIC_RELAXED);
	o->logins = __atomic_load_n(&s->n_logins, __ATOMIC_RELAXED);
	o->writes = __atomic_load_n(&s->n_writes, __ATOMIC_RELAXED);
	o->refused = __atomic_load_n(&s->n_refused, __ATOMIC_RELAXED);
}

void
rp_serve_free(struct rp_serve *s)
{
	size_t i;

	if (s == NULL)
		return;
	rp_http_stop(s->http);
	if (s->fd >= 0 && s->http == NULL)
		close(s->fd);
	if (s->stopfd >= 0)
		close(s->stopfd);
	if (s->snap)
		snap_put(s, s->snap);
	hub_release(s);
	rp_store_close(s->st);
	rp_auth_free(s->auth);
	rp_standing_release(&s->checklist);
	rp_ini_free(s->tx.ui);
	rp_ini_free(s->tx.ui_en);
	rp_ini_free(s->tx.plan);
	rp_ini_free(s->tx.plan_en);
	rp_ini_free(s->tx.drill);
	rp_ini_free(s->tx.drill_en);
	if (s->fleet_dsn)
		explicit_bzero(s->fleet_dsn, strlen(s->fleet_dsn));
	free(s->fleet_dsn);
	for (i = 0; i < NASSETS; i++)
		rp_buf_release(&s->assets[i]);
	free(s->db_path);
	free(s->site_path);
	free(s->data_dir);
	free(s->tls_cert);
	free(s->tls_key);
	free(s->user0);
	pthread_mutex_destroy(&s->build_mu);
	pthread_mutex_destroy(&s->snap_mu);
	pthread_mutex_destroy(&s->hub_mu);
	pthread_mutex_destroy(&s->fleet_mu);
	free(s);
}

static void handle(void *ctx, const struct rp_http_req *req, struct rp_http_resp *resp);

int
rp_serve_run(struct rp_serve *s)
{
	struct rp_http_config hc;
	struct pollfd pfd;
	char code[RP_AUTH_HEX], login[256];
	int64_t last_wake = rp_time_mono_ms(), now_ms;
	uint64_t v;
	int r, changed;
	ssize_t n;

	memset(&hc, 0, sizeof(hc));
	hc.fd = s->fd;
	hc.ipv6 = s->ipv6;
	hc.threads = s->threads;
	hc.max_conns = s->max_conns;
	hc.max_conns_per_ip = s->max_conns_per_ip;
	hc.timeout_s = s->timeout_s;
	/* the request line and headers must fit in it: 16 KiB is four times what a
	 * browser sends, and a bound the library answers with 431 */
	hc.conn_memory = 32 << 10;
	hc.max_body = RP_FORM_MAX_INPUT;
	hc.tls_cert = s->tls_cert;
	hc.tls_key = s->tls_key;
	hc.handler = handle;
	hc.ctx = s;
	if ((r = rp_auth_code(s->auth, 0, time(NULL), code)) != 0)
		return r;
	if ((r = rp_http_start(&hc, &s->http)) != 0)
		return r;
	snprintf(login, sizeof(login), "%s/login?t=%s", s->url, code);
	if (s->cb.on_ready)
		s->cb.on_ready(s->ctx, s->url, login);
	explicit_bzero(login, sizeof(login));
	explicit_bzero(code, sizeof(code));
	pfd.fd = s->stopfd;
	pfd.events = POLLIN;
	for (;;) {
		r = poll(&pfd, 1, 1000);
		if (r < 0 && errno != EINTR) {
			r = RP_ERR_SYSTEM;
			break;
		}
		if (r > 0) {
			n = read(s->stopfd, &v, sizeof(v));
			(void)n;
			r = 0;
			break;
		}
		/* the one poll of the store: new journal rows become live events */
		pthread_mutex_lock(&s->build_mu);
		r = hub_poll(s, time(NULL), &changed);
		pthread_mutex_unlock(&s->build_mu);
		if (r != 0) {
			__atomic_store_n(&s->store_ok, 0, __ATOMIC_RELAXED);
			serve_warn(s, "cannot read the journal of '%s': %s", s->db_path, rp_strerror(r));
		}
		snap_refresh(s, time(NULL), 0);
		now_ms = rp_time_mono_ms();
		if (changed || now_ms - last_wake >= HUB_WAKE_MS) {
			rp_http_wake(s->http);
			last_wake = now_ms;
		}
	}
	rp_http_stop(s->http);
	s->http = NULL;
	s->fd = -1;     /* closed by the server */
	return r;
}

/* ---- requests ---- */

enum { M_GET = 1, M_POST = 2 };
enum { A_NONE, A_PAGE, A_API };

struct rq {
	struct rp_serve *s;
	const struct rp_http_req *req;
	struct rp_http_resp *resp;
	struct rp_buf path;
	const char *query;
	struct rp_form form;         /* the POST's body, or the GET's query */
	struct rp_session sess;
	int have_sess, had_cookie;
	int64_t now;
};

static const char *
cookie_name(const struct rp_serve *s)
{
	/* __Host-: the browser keeps it to this host, path / and TLS only */
	return s->tls ? "__Host-riposte" : "riposte";
}

static const char *
pre_cookie_name(const struct rp_serve *s)
{
	return s->tls ? "__Host-riposte-login" : "riposte-login";
}

static void
set_cookie(struct rq *q, const char *name, const char *value, int64_t max_age)
{
	char c[256];

	snprintf(c, sizeof(c), "%s=%s; Path=/; Max-Age=%lld; HttpOnly; SameSite=Strict%s", name,
	    value, (long long)max_age, q->s->tls ? "; Secure" : "");
	rp_http_resp_header(q->resp, "Set-Cookie", c);
}

static void
status_text(struct rq *q, int status, const char *text)
{
	q->resp->status = status;
	q->resp->type = "text/plain; charset=utf-8";
	rp_buf_reset(&q->resp->body);
	rp_buf_addstr(&q->resp->body, text);
}

static void
redirect(struct rq *q, const char *to)
{
	q->resp->status = 303;
	rp_http_resp_header(q->resp, "Location", to);
	rp_buf_reset(&q->resp->body);
}

static void
page_init(struct rq *q, struct page *p, struct snap *sn, const char *here)
{
	memset(p, 0, sizeof(*p));
	p->s = q->s;
	p->sn = sn;
	p->sess = q->have_sess ? &q->sess : NULL;
	p->b = &q->resp->body;
	p->here = here;
	p->now = q->now;
	q->resp->type = HTML;
	q->resp->status = 200;
}

/* A form's result said on the next page (?m=KEY): a key of [msg], nothing else. */
static const char *
flash(struct rq *q)
{
	const char *m = rp_form_get(&q->form, "m");

	return m && rp_ini_get(q->s->tx.ui_en, "msg", m) ? m : NULL;
}

static void
r_page(struct rq *q, const char *here, void (*fn)(struct page *))
{
	struct snap *sn = snap_get(q->s);
	struct page p;

	page_init(q, &p, sn, here);
	p.msg = flash(q);
	fn(&p);
	snap_put(q->s, sn);
}

static void
journal_first(struct page *p)
{
	page_journal(p, 0);
}

/* A page from its template when there is no form's result to say (see serve-int.h),
 * rendered at most once a second per snapshot; the rest of the second's requests only
 * copy it with their session's values. */
static void
r_cached(struct rq *q, size_t slot, const char *here, void (*fn)(struct page *))
{
	struct snap *sn;
	struct page p;
	struct rp_buf t = RP_BUF_INIT;

	if (flash(q) != NULL) {
		r_page(q, here, fn);
		return;
	}
	sn = snap_get(q->s);
	pthread_mutex_lock(&sn->tmpl_mu);
	if (sn->tmpl_now[slot] != q->now) {
		rp_buf_reset(&sn->tmpl[slot]);
		page_init(q, &p, sn, here);
		p.b = &sn->tmpl[slot];
		p.tmpl = 1;
		fn(&p);
		sn->tmpl_now[slot] = q->now;
	}
	/* a copy, so that the lock is not held while the session's values go in */
	rp_buf_add(&t, sn->tmpl[slot].buf, sn->tmpl[slot].len);
	pthread_mutex_unlock(&sn->tmpl_mu);
	q->resp->status = 200;
	q->resp->type = HTML;
	tmpl_fill(t.buf, t.len, &q->sess, &q->resp->body);
	rp_buf_release(&t);
	snap_put(q->s, sn);
}

static void r_fleet(struct rq *q);

/* A provider's machine (serve --fleet with a store without case or site profile): its
 * overview is the fleet. */
static void
r_overview(struct rq *q)
{
	struct snap *sn;
	int fleet_only = 0;

	if (q->s->fleet_dsn) {
		sn = snap_get(q->s);
		fleet_only = !sn->have_case && sn->ncases == 0 && sn->site == NULL &&
		    sn->site_line == 0;
		snap_put(q->s, sn);
	}
	if (fleet_only)
		r_fleet(q);
	else
		r_cached(q, 0, "/", page_overview);
}
static void r_plan(struct rq *q) { r_page(q, "/plan", page_plan); }
static void r_risks(struct rq *q) { r_page(q, "/risks", page_risks); }
static void r_site(struct rq *q) { r_page(q, "/site", page_site); }
static void r_drills(struct rq *q) { r_page(q, "/drills", page_drills); }

static void r_error(struct rq *q, int status, const char *key);

/* The fleet's page: only when serve was given the centre (--fleet); it connects for
 * each request (page-fleet.c), outside every lock of the server. */
static void
r_fleet(struct rq *q)
{
	struct snap *sn;
	struct page p;
	int status = 200;

	if (q->s->fleet_dsn == NULL) {
		r_error(q, 404, "not-found");
		return;
	}
	sn = snap_get(q->s);
	page_init(q, &p, sn, "/fleet");
	page_fleet(&p, &status);
	q->resp->status = status;
	snap_put(q->s, sn);
}

static void
r_journal(struct rq *q)
{
	struct snap *sn;
	const char *b = rp_form_get(&q->form, "before");
	struct page p;

	if (b == NULL) {
		r_cached(q, 1, "/journal", journal_first);
		return;
	}
	sn = snap_get(q->s);
	page_init(q, &p, sn, "/journal");
	p.msg = flash(q);
	page_journal(&p, b ? strtoll(b, NULL, 10) : 0);
	snap_put(q->s, sn);
}

static void
r_error(struct rq *q, int status, const char *key)
{
	struct snap *sn = snap_get(q->s);
	struct page p;

	page_init(q, &p, sn, NULL);
	q->resp->status = status;
	page_error(&p, "ui", key);
	snap_put(q->s, sn);
}

static void
login_page(struct rq *q, int status, const char *why)
{
	struct snap *sn = snap_get(q->s);
	char pre[RP_AUTH_HEX];
	struct page p;

	if (rp_auth_random(pre) != 0) {
		snap_put(q->s, sn);
		status_text(q, 500, "no randomness\n");
		return;
	}
	page_init(q, &p, sn, NULL);
	p.sess = NULL;
	q->resp->status = status;
	/* the login form's CSRF token: the same random value in a cookie and the form */
	set_cookie(q, pre_cookie_name(q->s), pre, 3600);
	page_login(&p, pre, why);
	snap_put(q->s, sn);
}

static void
logged_in(struct rq *q, const struct rp_session *ss, const char *how)
{
	__atomic_add_fetch(&q->s->n_logins, 1, __ATOMIC_RELAXED);
	set_cookie(q, cookie_name(q->s), ss->id, q->s->session_ttl);
	set_cookie(q, pre_cookie_name(q->s), "", 0);
	if (q->s->cb.on_action)
		q->s->cb.on_action(q->s->ctx, ss->user, how);
	redirect(q, "/");
}

static void
r_login_get(struct rq *q)
{
	const char *code = rp_form_get(&q->form, "t");
	struct rp_session ss;

	if (code) {
		if (rp_auth_login_code(q->s->auth, code, q->now, &ss) == 0) {
			logged_in(q, &ss, "logged in with the one-time link");
			return;
		}
		login_page(q, 403, "login-used");
		return;
	}
	if (q->have_sess) {
		redirect(q, "/");
		return;
	}
	login_page(q, 200, q->had_cookie || rp_form_get(&q->form, "e") ? "login-expired" : NULL);
}

static void
r_login_post(struct rq *q)
{
	const char *token = rp_form_get(&q->form, "token"), *csrf = rp_form_get(&q->form, "csrf");
	char pre[RP_AUTH_HEX + 1];
	struct rp_session ss;
	int r;

	if (csrf == NULL || rp_cookie_get(rp_http_header(q->req, "Cookie"), pre_cookie_name(q->s),
	    pre, sizeof(pre)) != 0 || strlen(pre) != 64 || !rp_auth_equal(csrf, pre)) {
		login_page(q, 403, NULL);
		return;
	}
	r = token ? rp_auth_login_token(q->s->auth, token, q->now, &ss) : RP_ERR_NOTFOUND;
	if (r == 0) {
		logged_in(q, &ss, "logged in with an access token");
		return;
	}
	login_page(q, r == RP_ERR_BUSY ? 429 : 403, r == RP_ERR_BUSY ? "login-throttled" : "login-bad");
}

static void
r_logout(struct rq *q)
{
	rp_auth_logout(q->s->auth, q->sess.id);
	set_cookie(q, cookie_name(q->s), "", 0);
	redirect(q, "/login");
}

static void
r_write(struct rq *q, const char *(*act)(struct rp_serve *, const struct rp_session *,
    const struct rp_form *, int64_t, int *))
{
	char to[96];
	const char *msg;
	int bad = 0;

	msg = act(q->s, &q->sess, &q->form, q->now, &bad);
	/* the next page shows the write at once, not at the next poll */
	if (!bad)
		snap_refresh(q->s, q->now, 1);
	snprintf(to, sizeof(to), "/?m=%s", msg);
	redirect(q, to);
}

static void r_log(struct rq *q) { r_write(q, act_log); }
static void r_check(struct rq *q) { r_write(q, act_check); }
static void r_notify(struct rq *q) { r_write(q, act_notify); }
static void r_cost(struct rq *q) { r_write(q, act_cost); }

static void
r_events(struct rq *q)
{
	const char *v = rp_http_header(q->req, "Last-Event-ID");
	int64_t last = -1;
	char *end = NULL;
	int r;

	if (v && *v) {
		last = strtoll(v, &end, 10);
		if (*end || last < 0)
			last = -1;
	}
	if ((r = hub_stream(q->s, last, &q->resp->stream)) != 0) {
		status_text(q, 503, "too many live pages\n");
		rp_http_resp_header(q->resp, "Retry-After", "30");
		return;
	}
	q->resp->status = 200;
	q->resp->type = "text/event-stream; charset=utf-8";
	rp_http_resp_header(q->resp, "X-Accel-Buffering", "no");
}

static void
r_status(struct rq *q)
{
	struct snap *sn = snap_get(q->s);

	q->resp->status = 200;
	q->resp->type = "application/json";
	status_json(q->s, sn, q->now, &q->resp->body);
	snap_put(q->s, sn);
}

static void
r_healthz(struct rq *q)
{
	if (__atomic_load_n(&q->s->store_ok, __ATOMIC_RELAXED))
		status_text(q, 200, "ok\n");
	else
		status_text(q, 503, "the store cannot be read\n");
}

static const struct route {
	const char *path;
	int method, auth;
	void (*fn)(struct rq *q);
} routes[] = {
	{ "/",           M_GET,  A_PAGE, r_overview },
	{ "/journal",    M_GET,  A_PAGE, r_journal },
	{ "/plan",       M_GET,  A_PAGE, r_plan },
	{ "/risks",      M_GET,  A_PAGE, r_risks },
	{ "/site",       M_GET,  A_PAGE, r_site },
	{ "/drills",     M_GET,  A_PAGE, r_drills },
	{ "/fleet",      M_GET,  A_PAGE, r_fleet },
	{ "/events",     M_GET,  A_PAGE, r_events },
	{ "/api/status", M_GET,  A_API,  r_status },
	{ "/healthz",    M_GET,  A_NONE, r_healthz },
	{ "/login",      M_GET,  A_NONE, r_login_get },
	{ "/login",      M_POST, A_NONE, r_login_post },
	{ "/logout",     M_POST, A_PAGE, r_logout },
	{ "/log",        M_POST, A_PAGE, r_log },
	{ "/check",      M_POST, A_PAGE, r_check },
	{ "/notify",     M_POST, A_PAGE, r_notify },
	{ "/cost",       M_POST, A_PAGE, r_cost },
};

static void
security_headers(struct rq *q, int cacheable)
{
	struct rp_http_resp *r = q->resp;

	rp_http_resp_header(r, "Content-Security-Policy", CSP);
	rp_http_resp_header(r, "X-Frame-Options", "DENY");
	rp_http_resp_header(r, "X-Content-Type-Options", "nosniff");
	/* same-origin, not no-referrer: under no-referrer a browser sends "Origin: null"
	 * with a form, and the Origin check could not tell our forms from others */
	rp_http_resp_header(r, "Referrer-Policy", "same-origin");
	rp_http_resp_header(r, "Cross-Origin-Opener-Policy", "same-origin");
	rp_http_resp_header(r, "Cross-Origin-Resource-Policy", "same-origin");
	rp_http_resp_header(r, "Permissions-Policy", "camera=(), microphone=(), geolocation=()");
	/* the case is not to stay in a browser's or a proxy's cache */
	rp_http_resp_header(r, "Cache-Control", cacheable ? "private, max-age=300" : "no-store");
	if (!cacheable)
		rp_http_resp_header(r, "Pragma", "no-cache");
	if (q->s->tls)
		rp_http_resp_header(r, "Strict-Transport-Security", "max-age=31536000");
}

static int
host_ok(const struct rq *q)
{
	const char *h = rp_http_header(q->req, "Host");
	size_t i;

	if (h == NULL)
		return 0;
	if (!q->s->loopback)
		return 1;        /* under TLS the certificate says which names are ours */
	for (i = 0; i < q->s->nhosts; i++)
		if (strcasecmp(h, q->s->hosts[i]) == 0)
			return 1;
	return 0;
}

/* A POST's Origin, when the browser says one, is this server. */
static int
origin_ok(const struct rq *q)
{
	const char *o = rp_http_header(q->req, "Origin"), *h = rp_http_header(q->req, "Host");
	char want[128];

	if (o == NULL)
		return 1;
	snprintf(want, sizeof(want), "%s://%s", q->s->tls ? "https" : "http", h ? h : "");
	return strcasecmp(o, want) == 0;
}

static int
form_body(struct rq *q)
{
	const char *ct = rp_http_header(q->req, "Content-Type");

	if (ct == NULL || strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0 ||
	    (ct[33] != '\0' && ct[33] != ';'))
		return RP_ERR_UNSUPPORTED;
	return rp_form_parse(q->req->body, q->req->body_len, &q->form);
}

static void
route(struct rq *q)
{
	const struct route *rt = NULL;
	const char *m = q->req->method, *auth;
	char sid[RP_AUTH_HEX + 1], user[RP_AUTH_MAX_NAME + 1];
	size_t i;
	int method, path_known = 0, r;

	if (rp_target_split(q->req->target, &q->path, &q->query) != 0) {
		status_text(q, 400, "bad request target\n");
		return;
	}
	if (!host_ok(q)) {
		status_text(q, 400, "this server does not answer for that host\n");
		return;
	}
	if (strcmp(q->path.buf, "/static/app.css") == 0 || strcmp(q->path.buf, "/static/app.js") == 0) {
		if (strcmp(m, "GET") != 0 && strcmp(m, "HEAD") != 0) {
			status_text(q, 405, "method not allowed\n");
			rp_http_resp_header(q->resp, "Allow", "GET, HEAD");
			return;
		}
		for (i = 0; i < NASSETS; i++)
			if (strcmp(q->path.buf, asset_names[i].path) == 0) {
				q->resp->status = 200;
				q->resp->type = asset_names[i].type;
				q->resp->fixed = q->s->assets[i].buf;
				q->resp->fixed_len = q->s->assets[i].len;
			}
		return;
	}
	method = strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0 ? M_GET :
	    strcmp(m, "POST") == 0 ? M_POST : 0;
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (strcmp(routes[i].path, q->path.buf) == 0) {
			path_known |= routes[i].method;
			if (routes[i].method == method)
				rt = &routes[i];
		}
	if (!path_known) {
		if (method == M_GET) {
			r_error(q, 404, "not-found");
			return;
		}
		status_text(q, method ? 404 : 405, method ? "not found\n" : "method not allowed\n");
		if (!method)
			rp_http_resp_header(q->resp, "Allow", "GET, HEAD, POST");
		return;
	}
	if (rt == NULL) {
		status_text(q, 405, "method not allowed\n");
		rp_http_resp_header(q->resp, "Allow", path_known == M_POST ? "POST" :
		    path_known == M_GET ? "GET, HEAD" : "GET, HEAD, POST");
		return;
	}
	r = rp_cookie_get(rp_http_header(q->req, "Cookie"), cookie_name(q->s), sid, sizeof(sid));
	q->had_cookie = r == 0 && sid[0];
	q->have_sess = q->had_cookie && rp_auth_session(q->s->auth, sid, q->now, &q->sess) == 0;

	if (method == M_POST) {
		if ((r = form_body(q)) != 0) {
			status_text(q, r == RP_ERR_UNSUPPORTED ? 415 : 400, r == RP_ERR_UNSUPPORTED ?
			    "a form is expected\n" : "bad form\n");
			return;
		}
		if (!origin_ok(q)) {
			status_text(q, 403, "cross-origin request refused\n");
			return;
		}
	} else if (q->query && (r = rp_form_parse(q->query, strlen(q->query), &q->form)) != 0) {
		status_text(q, 400, "bad query\n");
		return;
	}
	if (rt->auth == A_API && !q->have_sess) {
		auth = rp_http_header(q->req, "Authorization");
		if (auth && strncasecmp(auth, "Bearer ", 7) == 0 &&
		    (r = rp_auth_bearer(q->s->auth, auth + 7, q->now, user)) == 0) {
			q->have_sess = 1;
			snprintf(q->sess.user, sizeof(q->sess.user), "%s", user);
		} else {
			q->resp->status = auth && r == RP_ERR_BUSY ? 429 : 401;
			q->resp->type = "application/json";
			rp_buf_addstr(&q->resp->body, "{\"kind\":\"error\",\"error\":\"log in, or send "
			    "Authorization: Bearer with an access token\"}\n");
			rp_http_resp_header(q->resp, "WWW-Authenticate", "Bearer realm=\"riposte\"");
			return;
		}
	}
	if (rt->auth == A_PAGE && !q->have_sess) {
		if (method == M_POST)
			status_text(q, 403, "log in first\n");
		else
			redirect(q, q->had_cookie ? "/login?e=1" : "/login");
		return;
	}
	/* every write carries the session's CSRF token (the login form has its own) */
	if (method == M_POST && rt->auth == A_PAGE) {
		const char *csrf = rp_form_get(&q->form, "csrf");

		if (csrf == NULL || !rp_auth_equal(csrf, q->sess.csrf)) {
			status_text(q, 403, "the form's CSRF token is missing or wrong: reload the page\n");
			return;
		}
	}
	rt->fn(q);
}

static void
handle(void *ctx, const struct rp_http_req *req, struct rp_http_resp *resp)
{
	struct rq q;

	memset(&q, 0, sizeof(q));
	q.s = ctx;
	q.req = req;
	q.resp = resp;
	q.now = time(NULL);
	rp_buf_init(&q.path, 0);
	__atomic_add_fetch(&q.s->n_requests, 1, __ATOMIC_RELAXED);
	route(&q);
	if (resp->status >= 400)
		__atomic_add_fetch(&q.s->n_refused, 1, __ATOMIC_RELAXED);
	security_headers(&q, resp->fixed != NULL);
	rp_form_release(&q.form);
	rp_buf_release(&q.path);
	explicit_bzero(&q.sess, sizeof(q.sess));
}
