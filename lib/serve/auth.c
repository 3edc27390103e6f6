/* Access tokens, one-time login codes, sessions and CSRF tokens (see auth.h). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include <stdio.h>
#include "serve/auth.h"

#define MAX_CODES 8

struct user {
	char *name;
	char *token;
};

struct code {
	char code[RP_AUTH_HEX];
	size_t user;
	int64_t expires;             /* 0: free */
};

struct rp_auth {
	pthread_mutex_t mu;
	struct user *users;
	size_t nusers;
	int64_t ttl;
	struct rp_session sessions[RP_AUTH_MAX_SESSIONS];   /* expires 0: free */
	struct code codes[MAX_CODES];
	int64_t fail_minute;         /* the minute the failures are counted in */
	unsigned fails;
};

int
rp_auth_random(char out[RP_AUTH_HEX])
{
	static const char hexd[] = "0123456789abcdef";
	unsigned char b[32];
	size_t got = 0;
	ssize_t n;
	int i;

	while (got < sizeof(b)) {
		n = getrandom(b + got, sizeof(b) - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return RP_ERR_SYSTEM;
		}
		got += (size_t)n;
	}
	for (i = 0; i < 32; i++) {
		out[2 * i] = hexd[b[i] >> 4];
		out[2 * i + 1] = hexd[b[i] & 15];
	}
	out[64] = '\0';
	return 0;
}

int
rp_auth_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i;
	unsigned char d = la != lb;

	/* compare over b's length whatever a is, so that time says nothing of a */
	for (i = 0; i < lb; i++)
		d |= (unsigned char)(b[i] ^ (i < la ? a[i] : 0));
	return d == 0;
}

int
rp_auth_name_ok(const char *name)
{
	size_t len = strlen(name), i;

	if (len == 0 || len > RP_AUTH_MAX_NAME || !rp_utf8_valid(name, len))
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f || name[i] == ':')
			return 0;
	return 1;
}

static int
token_ok(const char *t, size_t len)
{
	size_t i;

	if (len < 32 || len > 256)
		return 0;
	for (i = 0; i < len; i++)
		if (t[i] <= ' ' || t[i] > '~')
			return 0;
	return 1;
}

int
rp_auth_token_file(const char *path, int create, char **token, int *created)
{
	struct rp_buf b = RP_BUF_INIT;
	char fresh[RP_AUTH_HEX + 1];
	struct stat sb;
	int fd = -1, r;

	*token = NULL;
	if (created)
		*created = 0;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 && errno == ENOENT && create) {
		if ((r = rp_auth_random(fresh)) != 0)
			return r;
		fresh[64] = '\n';
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0)
			return RP_ERR_SYSTEM;
		if ((r = rp_write_all(fd, fresh, 65)) != 0 || (fsync(fd) != 0 && (r = RP_ERR_SYSTEM))) {
			close(fd);
			unlink(path);
			return r;
		}
		close(fd);
		if (created)
			*created = 1;
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	}
	if (fd < 0)
		return RP_ERR_SYSTEM;
	/* as ssh does with its keys: a secret others can read is no secret */
	if (fstat(fd, &sb) != 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if (!S_ISREG(sb.st_mode)) {
		r = RP_ERR_INVALID;
		goto out;
	}
	if (sb.st_uid != geteuid() || (sb.st_mode & 077) != 0) {
		r = RP_ERR_PERM;
		goto out;
	}
	for (;;) {
		char chunk[512];
		ssize_t n = read(fd, chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			r = RP_ERR_SYSTEM;
			goto out;
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > 4096) {
			r = RP_ERR_FORMAT;      /* no token is that long */
			goto out;
		}
		if ((r = rp_buf_add(&b, chunk, (size_t)n)) != 0)
			goto out;
	}
	while (b.len && (b.buf[b.len - 1] == '\n' || b.buf[b.len - 1] == '\r'))
		rp_buf_setlen(&b, b.len - 1);
	if (!token_ok(b.buf, b.len)) {
		r = RP_ERR_FORMAT;
		goto out;
	}
	if ((*token = strdup(b.buf)) == NULL)
		r = RP_ERR_NOMEM;
out:
	close(fd);
	rp_buf_release(&b);
	return r;
}

int
rp_auth_new(const char *const *names, const char *const *tokens, size_t n, int64_t ttl,
    struct rp_auth **out)
{
	struct rp_auth *a;
	size_t i;

	*out = NULL;
	if (n == 0 || ttl <= 0)
		return RP_ERR_INVALID;
	for (i = 0; i < n; i++)
		if (!rp_auth_name_ok(names[i]) || !token_ok(tokens[i], strlen(tokens[i])))
			return RP_ERR_INVALID;
	if ((a = calloc(1, sizeof(*a))) == NULL || (a->users = calloc(n, sizeof(*a->users))) == NULL) {
		free(a);
		return RP_ERR_NOMEM;
	}
	pthread_mutex_init(&a->mu, NULL);
	a->ttl = ttl;
	for (i = 0; i < n; i++) {
		a->nusers++;
		if ((a->users[i].name = strdup(names[i])) == NULL ||
		    (a->users[i].token = strdup(tokens[i])) == NULL) {
			rp_auth_free(a);
			return RP_ERR_NOMEM;
		}
	}
	*out = a;
	return 0;
}

void
rp_auth_free(struct rp_auth *a)
{
	size_t i;

	if (a == NULL)
		return;
	for (i = 0; i < a->nusers; i++) {
		free(a->users[i].name);
		if (a->users[i].token)
			explicit_bzero(a->users[i].token, strlen(a->users[i].token));
		free(a->users[i].token);
	}
	free(a->users);
	explicit_bzero(a->sessions, sizeof(a->sessions));
	explicit_bzero(a->codes, sizeof(a->codes));
	pthread_mutex_destroy(&a->mu);
	free(a);
}

int
rp_auth_code(struct rp_auth *a, size_t user, int64_t now, char code[RP_AUTH_HEX])
{
	size_t i, slot = 0;
	int r;

	if (user >= a->nusers)
		return RP_ERR_INVALID;
	if ((r = rp_auth_random(code)) != 0)
		return r;
	pthread_mutex_lock(&a->mu);
	/* a free or expired slot, else the one that expires first */
	for (i = 0; i < MAX_CODES; i++) {
		if (a->codes[i].expires <= now) {
			slot = i;
			break;
		}
		if (a->codes[i].expires < a->codes[slot].expires)
			slot = i;
	}
	memcpy(a->codes[slot].code, code, RP_AUTH_HEX);
	a->codes[slot].user = user;
	a->codes[slot].expires = now + RP_AUTH_CODE_TTL;
	pthread_mutex_unlock(&a->mu);
	return 0;
}

/* A new session for user u (a->mu held). */
static int
session_new(struct rp_auth *a, size_t u, int64_t now, struct rp_session *s)
{
	struct rp_session *x;
	size_t i, slot = 0;
	int r;

	for (i = 0; i < RP_AUTH_MAX_SESSIONS; i++) {
		if (a->sessions[i].expires <= now) {
			slot = i;
			break;
		}
		if (a->sessions[i].expires < a->sessions[slot].expires)
			slot = i;      /* full: the one nearest its end makes room */
	}
	x = &a->sessions[slot];
	if ((r = rp_auth_random(x->id)) != 0 || (r = rp_auth_random(x->csrf)) != 0) {
		x->expires = 0;
		return r;
	}
	snprintf(x->user, sizeof(x->user), "%s", a->users[u].name);
	x->expires = now + a->ttl;
	*s = *x;
	return 0;
}

int
rp_auth_login_code(struct rp_auth *a, const char *code, int64_t now, struct rp_session *s)
{
	size_t i, user = 0;
	int found = 0, r;

	pthread_mutex_lock(&a->mu);
	for (i = 0; i < MAX_CODES; i++)
		if (a->codes[i].expires > now && rp_auth_equal(code, a->codes[i].code) && !found) {
			found = 1;
			user = a->codes[i].user;
			explicit_bzero(&a->codes[i], sizeof(a->codes[i]));   /* spent */
		}
	r = found ? session_new(a, user, now, s) : RP_ERR_NOTFOUND;
	pthread_mutex_unlock(&a->mu);
	return r;
}

/* The user of token, counting a wrong one (a->mu held): index, or RP_ERR_*. */
static int
by_token(struct rp_auth *a, const char *token, int64_t now, size_t *user)
{
	size_t i;
	int found = 0;

	if (a->fail_minute != now / 60) {
		a->fail_minute = now / 60;
		a->fails = 0;
	}
	if (a->fails >= RP_AUTH_FAIL_MAX)
		return RP_ERR_BUSY;
	for (i = 0; i < a->nusers; i++)
		if (rp_auth_equal(token, a->users[i].token) && !found) {
			found = 1;
			*user = i;
		}
	if (!found) {
		a->fails++;
		return RP_ERR_NOTFOUND;
	}
	return 0;
}

int
rp_auth_login_token(struct rp_auth *a, const char *token, int64_t now, struct rp_session *s)
{
	size_t u = 0;
	int r;

	pthread_mutex_lock(&a->mu);
	if ((r = by_token(a, token, now, &u)) == 0)
		r = session_new(a, u, now, s);
	pthread_mutex_unlock(&a->mu);
	return r;
}

int
rp_auth_bearer(struct rp_auth *a, const char *token, int64_t now,
    char user[RP_AUTH_MAX_NAME + 1])
{
	size_t u = 0;
	int r;

	pthread_mutex_lock(&a->mu);
	if ((r = by_token(a, token, now, &u)) == 0)
		snprintf(user, RP_AUTH_MAX_NAME + 1, "%s", a->users[u].name);
	pthread_mutex_unlock(&a->mu);
	return r;
}

int
rp_auth_session(struct rp_auth *a, const char *id, int64_t now, struct rp_session *s)
{
	size_t i;
	int r = RP_ERR_NOTFOUND;

	if (strlen(id) != 64)
		return RP_ERR_NOTFOUND;
	pthread_mutex_lock(&a->mu);
	for (i = 0; i < RP_AUTH_MAX_SESSIONS; i++)
		if (a->sessions[i].expires > now && rp_auth_equal(id, a->sessions[i].id) && r != 0) {
			*s = a->sessions[i];
			r = 0;
		}
	pthread_mutex_unlock(&a->mu);
	return r;
}

void
rp_auth_logout(struct rp_auth *a, const char *id)
{
	size_t i;

	if (strlen(id) != 64)
		return;
	pthread_mutex_lock(&a->mu);
	for (i = 0; i < RP_AUTH_MAX_SESSIONS; i++)
		if (a->sessions[i].expires && rp_auth_equal(id, a->sessions[i].id))
			explicit_bzero(&a->sessions[i], sizeof(a->sessions[i]));
	pthread_mutex_unlock(&a->mu);
}
