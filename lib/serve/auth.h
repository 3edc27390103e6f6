/*
 * Who may use the dashboard: the access tokens (random, in files readable only by
 * their owner), the one-time login codes serve prints as a URL, the sessions (a random
 * id in a cookie, expiring), their CSRF tokens, and the brake on wrong tokens. Kept in
 * memory only: a restarted server asks for a new login, nothing else is lost.
 *
 * Secrets are 32 random bytes (getrandom) written as 64 hex digits and compared in
 * constant time. struct rp_auth is thread-safe (one mutex); the rest has no state.
 */
#ifndef RP_SERVE_AUTH_H
#define RP_SERVE_AUTH_H

#include <stddef.h>
#include <stdint.h>

#define RP_AUTH_HEX 65               /* a secret in hex, with its NUL */
#define RP_AUTH_MAX_NAME 64          /* bytes of a user name */
#define RP_AUTH_MAX_SESSIONS 512
#define RP_AUTH_CODE_TTL (24 * 3600) /* a one-time login link lasts a day at most */
#define RP_AUTH_FAIL_MAX 20          /* wrong tokens per minute before logins wait */

struct rp_auth;

/* 32 random bytes as hex into out: 0 or RP_ERR_SYSTEM. */
int rp_auth_random(char out[RP_AUTH_HEX]);
/* Whether a and b are equal, in time that depends on their lengths only. */
int rp_auth_equal(const char *a, const char *b);

/*
 * Reads the access token of a token file (one line, 32 to 256 printable ASCII bytes),
 * refusing a file that is not a regular file owned by the caller's user, or that
 * others may read or write (RP_ERR_PERM: chmod 600). When the file does not exist and
 * create is set, makes it (mode 0600, O_EXCL) with a new random token; *created says
 * so. *token is the caller's (free). RP_ERR_FORMAT: not a token.
 */
int rp_auth_token_file(const char *path, int create, char **token, int *created);
/* Whether name is a user name: 1..64 bytes of UTF-8, no control character, no ':'. */
int rp_auth_name_ok(const char *name);

/* The users (name, token: copied). ttl: a session's life in seconds. */
int rp_auth_new(const char *const *names, const char *const *tokens, size_t n, int64_t ttl,
    struct rp_auth **out);
void rp_auth_free(struct rp_auth *a);          /* accepts NULL */

/* A session as the request sees it (a copy). */
struct rp_session {
	char id[RP_AUTH_HEX];
	char csrf[RP_AUTH_HEX];
	char user[RP_AUTH_MAX_NAME + 1];
	int64_t expires;
};

/* A new one-time login code for user i (valid once, for RP_AUTH_CODE_TTL). */
int rp_auth_code(struct rp_auth *a, size_t user, int64_t now, char code[RP_AUTH_HEX]);
/* Logs in with a one-time code (which is then spent): 0 and *s, RP_ERR_NOTFOUND. */
int rp_auth_login_code(struct rp_auth *a, const char *code, int64_t now, struct rp_session *s);
/* Logs in with an access token: 0 and *s, RP_ERR_NOTFOUND (wrong), RP_ERR_BUSY (too many
 * wrong ones this minute: refused without looking). */
int rp_auth_login_token(struct rp_auth *a, const char *token, int64_t now, struct rp_session *s);
/* The session of id, not expired: 0 and *s, or RP_ERR_NOTFOUND. */
int rp_auth_session(struct rp_auth *a, const char *id, int64_t now, struct rp_session *s);
/* Ends session id (nothing when there is none). */
void rp_auth_logout(struct rp_auth *a, const char *id);
/* The user whose access token is token (an API's bearer): name copied into user, 0,
 * or RP_ERR_NOTFOUND / RP_ERR_BUSY as for a login. */
int rp_auth_bearer(struct rp_auth *a, const char *token, int64_t now,
    char user[RP_AUTH_MAX_NAME + 1]);

#endif
