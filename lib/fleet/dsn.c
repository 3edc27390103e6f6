/*
 * Connection strings: DSN files (so that no password is in a process's arguments), the
 * TLS rule, the connection to the centre.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "fleet/internal.h"
#include "fleet/pg.h"

int
rp_fleet_dsn_text(const char *text, size_t len, struct rp_buf *dsn, int *line)
{
	const char *p = text, *end = text + len, *eol, *a, *b, *q;
	const char *found = NULL;
	size_t flen = 0;
	int n = 0, r;

	if (line)
		*line = 0;
	if (len > RP_FLEET_DSN_MAX)
		return RP_ERR_TOOBIG;
	for (; p < end; p = eol + 1) {
		n++;
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		a = p;
		b = eol;
		while (a < b && (*a == ' ' || *a == '\t'))
			a++;
		while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r'))
			b--;
		if (a == b || *a == '#')
			continue;
		for (q = a; q < b; q++)
			if ((unsigned char)*q < 0x20 || *q == 0x7f) {
				if (*q != '\t')
					goto bad;
			}
		if (found != NULL)
			goto bad;       /* a second connection string: which one was meant? */
		found = a;
		flen = (size_t)(b - a);
		if (eol == end)
			break;
	}
	if (found == NULL) {
		n = n ? n : 1;
		goto bad;
	}
	if ((r = rp_buf_add(dsn, found, flen)) != 0)
		return r;
	return 0;
bad:
	if (line)
		*line = n;
	return RP_ERR_FORMAT;
}

int
rp_fleet_dsn_file(const char *path, struct rp_buf *dsn, int *line, int *shared)
{
	char buf[RP_FLEET_DSN_MAX + 1];
	struct stat st;
	size_t len = 0;
	ssize_t k;
	int fd, r, e;

	if (line)
		*line = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)) < 0)
		return RP_ERR_SYSTEM;
	if (fstat(fd, &st) != 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		r = RP_ERR_INVALID;
		goto out;
	}
	if (shared)
		*shared = (st.st_mode & 077) != 0;
	while (len < sizeof(buf)) {
		k = read(fd, buf + len, sizeof(buf) - len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			r = RP_ERR_SYSTEM;
			goto out;
		}
		if (k == 0)
			break;
		len += (size_t)k;
	}
	r = len > RP_FLEET_DSN_MAX ? RP_ERR_TOOBIG : rp_fleet_dsn_text(buf, len, dsn, line);
out:
	e = errno;
	close(fd);
	errno = e;
	return r;
}

int
rp_fleet_host_local(const char *h)
{
	unsigned char a[16];

	if (h == NULL || *h == '\0' || *h == '/' || *h == '@')
		return 1;            /* libpq's default socket, a socket directory, an abstract socket */
	if (strcasecmp(h, "localhost") == 0)
		return 1;
	if (inet_pton(AF_INET, h, a) == 1)
		return a[0] == 127;
	if (inet_pton(AF_INET6, h, a) == 1) {
		static const unsigned char loop[16] = { [15] = 1 };
		static const unsigned char mapped[12] = { [10] = 0xff, [11] = 0xff };

		return memcmp(a, loop, 16) == 0 || (memcmp(a, mapped, 12) == 0 && a[12] == 127);
	}
	return 0;
}

/* Each host of a comma-separated list (host=a,b,c). */
static int
hosts_remote(const char *list)
{
	char h[256];
	const char *p = list, *c;
	size_t n;

	for (;;) {
		c = strchr(p, ',');
		n = c ? (size_t)(c - p) : strlen(p);
		if (n >= sizeof(h))
			return 1;    /* no host name is that long: not ours */
		memcpy(h, p, n);
		h[n] = '\0';
		if (!rp_fleet_host_local(h))
			return 1;
		if (c == NULL)
			return 0;
		p = c + 1;
	}
}

static int
inspect_kv(const char *key, const char *val, void *ctx)
{
	struct rp_fleet_dsn_info *in = ctx;

	if (strcmp(key, "password") == 0 && *val)
		in->password = 1;
	else if (strcmp(key, "host") == 0 || strcmp(key, "hostaddr") == 0) {
		if (*val)
			in->nohost = 0;
		if (hosts_remote(val))
			in->remote = 1;
	} else if (strcmp(key, "sslmode") == 0)
		snprintf(in->sslmode, sizeof(in->sslmode), "%s", val);
	return 0;
}

int
rp_fleet_dsn_inspect(const char *dsn, struct rp_fleet_dsn_info *info, struct rp_buf *err)
{
	memset(info, 0, sizeof(*info));
	info->nohost = 1;
	return rp_pg_conninfo_each(dsn, inspect_kv, info, err);
}

int
rp_fleet_dsn_tls(const struct rp_fleet_dsn_info *in, int *applied, struct rp_buf *why)
{
	if (applied)
		*applied = 0;
	if (in->sslmode[0] == '\0') {
		/* a socket ignores it; PGHOST naming another machine does not escape it */
		if ((in->remote || in->nohost) && applied)
			*applied = 1;
		return 0;
	}
	if (in->remote && strcmp(in->sslmode, "verify-full") != 0) {
		if (why)
			rp_buf_addf(why, "sslmode=%s does not check that the centre is who it says: a "
			    "host that is not this machine needs sslmode=verify-full (and the centre's CA "
			    "in sslrootcert)", in->sslmode);
		return RP_ERR_REFUSED;
	}
	return 0;
}

/* ---------------------------------------------------------------- the connection */

struct kv {
	char **keys, **vals;
	size_t n, cap;
};

static int
kv_add(struct kv *kv, const char *key, const char *val)
{
	char **k, **v;
	size_t cap;

	if (kv->n + 2 > kv->cap) {
		cap = kv->cap ? kv->cap * 2 : 32;
		if ((k = realloc(kv->keys, cap * sizeof(*k))) == NULL)
			return RP_ERR_NOMEM;
		kv->keys = k;
		if ((v = realloc(kv->vals, cap * sizeof(*v))) == NULL)
			return RP_ERR_NOMEM;
		kv->vals = v;
		kv->cap = cap;
	}
	if ((kv->keys[kv->n] = strdup(key)) == NULL)
		return RP_ERR_NOMEM;
	if ((kv->vals[kv->n] = strdup(val)) == NULL) {
		free(kv->keys[kv->n]);
		return RP_ERR_NOMEM;
	}
	kv->n++;
	kv->keys[kv->n] = kv->vals[kv->n] = NULL;
	return 0;
}

static void
kv_free(struct kv *kv)
{
	size_t i;

	for (i = 0; i < kv->n; i++) {
		free(kv->keys[i]);
		free(kv->vals[i]);
	}
	free(kv->keys);
	free(kv->vals);
	memset(kv, 0, sizeof(*kv));
}

static int
kv_collect(const char *key, const char *val, void *ctx)
{
	return kv_add(ctx, key, val);
}

static int
kv_has(const struct kv *kv, const char *key)
{
	size_t i;

	for (i = 0; i < kv->n; i++)
		if (strcmp(kv->keys[i], key) == 0)
			return 1;
	return 0;
}

int
rp_fleet_connect(struct rp_fleet **out, const char *dsn, struct rp_buf *err)
{
	struct rp_fleet_dsn_info in;
	struct rp_fleet *f = NULL;
	struct kv all = { 0 }, keep = { 0 };
	size_t i;
	int r, applied = 0;

	*out = NULL;
	if ((r = rp_fleet_dsn_inspect(dsn, &in, err)) != 0 ||
	    (r = rp_fleet_dsn_tls(&in, &applied, err)) != 0)
		return r;
	if ((f = calloc(1, sizeof(*f))) == NULL)
		return RP_ERR_NOMEM;
	if ((r = rp_pg_conninfo_each(dsn, kv_collect, &all, err)) != 0)
		goto out;
	for (i = 0; i < all.n; i++)
		if (strcmp(all.keys[i], "user") != 0 && strcmp(all.keys[i], "password") != 0 &&
		    strcmp(all.keys[i], "passfile") != 0 && strcmp(all.keys[i], "application_name") != 0 &&
		    (r = kv_add(&keep, all.keys[i], all.vals[i])) != 0)
			goto out;
	/* what the centre's connections need whatever the DSN says */
	if ((applied && (r = kv_add(&all, "sslmode", "verify-full")) != 0) ||
	    (!kv_has(&all, "connect_timeout") && (r = kv_add(&all, "connect_timeout", "10")) != 0) ||
	    (!kv_has(&all, "application_name") && (r = kv_add(&all, "application_name", "riposte")) != 0) ||
	    /* a push must not hang on a dead network: unacknowledged data gives up after 60 s */
	    (!kv_has(&all, "tcp_user_timeout") && (r = kv_add(&all, "tcp_user_timeout", "60000")) != 0) ||
	    (r = kv_add(&all, "client_encoding", "UTF8")) != 0)
		goto out;
	if ((r = rp_pg_connect(&f->pg, (const char *const *)all.keys, (const char *const *)all.vals,
	    err)) != 0)
		goto out;
	f->keys = keep.keys;
	f->vals = keep.vals;
	f->n = keep.n;
	memset(&keep, 0, sizeof(keep));
	f->tls_applied = applied;
	*out = f;
	f = NULL;
out:
	kv_free(&all);
	kv_free(&keep);
	rp_fleet_close(f);
	return r;
}

void
rp_fleet_close(struct rp_fleet *f)
{
	size_t i;

	if (f == NULL)
		return;
	rp_pg_close(f->pg);
	for (i = 0; i < f->n; i++) {
		free(f->keys[i]);
		free(f->vals[i]);
	}
	free(f->keys);
	free(f->vals);
	free(f);
}

const char *
rp_fleet_errmsg(const struct rp_fleet *f)
{
	return f ? f->msg : "";
}

int
rp_fleet_fail(struct rp_fleet *f, int r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof(f->msg), fmt, ap);
	va_end(ap);
	return r;
}

int
rp_fleet_fail_pg(struct rp_fleet *f, int r)
{
	snprintf(f->msg, sizeof(f->msg), "%s", rp_pg_errmsg(f->pg));
	return r;
}

int
rp_fleet_exec(struct rp_fleet *f, const char *sql, int nparams, const char *const *params,
    struct rp_pg_res **res)
{
	int r = rp_pg_exec(f->pg, sql, nparams, params, res);

	f->msg[0] = '\0';
	return r ? rp_fleet_fail_pg(f, r) : 0;
}

int64_t
rp_fleet_int(const struct rp_pg_res *res, size_t row, int col, int64_t def)
{
	const char *v = rp_pg_value(res, row, col);
	char *end;
	long long x;

	if (v == NULL || *v == '\0')
		return def;
	errno = 0;
	x = strtoll(v, &end, 10);
	return errno || *end ? def : (int64_t)x;
}
