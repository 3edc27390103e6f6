/* The adapter over libpq: the only file of riposte that includes libpq-fe.h. */
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "core/err.h"
#include "fleet/pg.h"

struct rp_pg {
	PGconn *conn;
	char msg[512];           /* the last error's first line */
	char state[6];           /* its SQLSTATE */
};

struct rp_pg_res {
	PGresult *res;
};

/* The first line of a libpq message, without "ERROR:  " and the newline. */
static void
set_msg(char *dst, size_t n, const char *src)
{
	size_t len;

	if (src == NULL)
		src = "";
	if (strncmp(src, "ERROR:  ", 8) == 0)
		src += 8;
	len = strcspn(src, "\n");
	if (len >= n)
		len = n - 1;
	memcpy(dst, src, len);
	dst[len] = '\0';
}

int
rp_pg_conninfo_each(const char *conninfo,
    int (*fn)(const char *key, const char *value, void *ctx), void *ctx, struct rp_buf *err)
{
	PQconninfoOption *opts, *o;
	char *emsg = NULL, line[512];
	int r = 0;

	if ((opts = PQconninfoParse(conninfo, &emsg)) == NULL) {
		if (err) {
			set_msg(line, sizeof(line), emsg ? emsg : "out of memory");
			rp_buf_addstr(err, line);
		}
		r = emsg ? RP_ERR_FORMAT : RP_ERR_NOMEM;
		PQfreemem(emsg);
		return r;
	}
	for (o = opts; o->keyword && r == 0; o++)
		if (o->val != NULL)
			r = fn(o->keyword, o->val, ctx);
	PQconninfoFree(opts);
	return r;
}

int
rp_pg_connect(struct rp_pg **out, const char *const *keys, const char *const *vals,
    struct rp_buf *err)
{
	struct rp_pg *pg;
	char line[512];
	int r;

	*out = NULL;
	if ((pg = calloc(1, sizeof(*pg))) == NULL)
		return RP_ERR_NOMEM;
	/* expand_dbname 0: a dbname value is a name, never a second connection string */
	pg->conn = PQconnectdbParams(keys, vals, 0);
	if (pg->conn == NULL) {
		free(pg);
		return RP_ERR_NOMEM;
	}
	if (PQstatus(pg->conn) != CONNECTION_OK) {
		r = PQconnectionNeedsPassword(pg->conn) ? RP_ERR_PERM : RP_ERR_UNREACHABLE;
		if (err) {
			/* libpq's message may hold several lines: one per address tried, and
			 * hints indented by a tab; the last attempt's line is the reason */
			const char *m = PQerrorMessage(pg->conn), *p, *last = m;

			for (p = m; *p; p++)
				if (*p == '\n' && p[1] != '\0' && p[1] != '\t' && p[1] != '\n')
					last = p + 1;
			set_msg(line, sizeof(line), last);
			rp_buf_addstr(err, line);
		}
		PQfinish(pg->conn);
		free(pg);
		return r;
	}
	*out = pg;
	return 0;
}

void
rp_pg_close(struct rp_pg *pg)
{
	if (pg == NULL)
		return;
	PQfinish(pg->conn);
	free(pg);
}

const char *
rp_pg_errmsg(const struct rp_pg *pg)
{
	return pg ? pg->msg : "";
}

const char *
rp_pg_sqlstate(const struct rp_pg *pg)
{
	return pg ? pg->state : "";
}

static int
map_state(const char *s, int lost)
{
	if (lost || strncmp(s, "08", 2) == 0 || strncmp(s, "57P", 3) == 0)
		return RP_ERR_UNREACHABLE;
	if (strcmp(s, "42501") == 0 || strncmp(s, "28", 2) == 0)
		return RP_ERR_PERM;
	if (strcmp(s, "23505") == 0 || strcmp(s, "42710") == 0 || strcmp(s, "42P06") == 0 ||
	    strcmp(s, "42P07") == 0)
		return RP_ERR_EXISTS;
	if (strcmp(s, "42P01") == 0 || strcmp(s, "3F000") == 0 || strcmp(s, "42883") == 0 ||
	    strcmp(s, "42703") == 0)
		return RP_ERR_NOTFOUND;
	if (strncmp(s, "22", 2) == 0 || strncmp(s, "23", 2) == 0)
		return RP_ERR_FORMAT;
	return RP_ERR_DB;
}

int
rp_pg_exec(struct rp_pg *pg, const char *sql, int nparams, const char *const *params,
    struct rp_pg_res **res)
{
	PGresult *pr;
	ExecStatusType st;
	const char *s;
	int r;

	if (res)
		*res = NULL;
	pg->msg[0] = pg->state[0] = '\0';
	/* without parameters, the simple protocol: a migration is several statements */
	pr = nparams == 0 ? PQexec(pg->conn, sql) :
	    PQexecParams(pg->conn, sql, nparams, NULL, params, NULL, NULL, 0);
	st = pr ? PQresultStatus(pr) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
		if (res) {
			if ((*res = malloc(sizeof(**res))) == NULL) {
				PQclear(pr);
				return RP_ERR_NOMEM;
			}
			(*res)->res = pr;
		} else {
			PQclear(pr);
		}
		return 0;
	}
	s = pr ? PQresultErrorField(pr, PG_DIAG_SQLSTATE) : NULL;
	snprintf(pg->state, sizeof(pg->state), "%s", s ? s : "");
	set_msg(pg->msg, sizeof(pg->msg),
	    pr && PQresultErrorField(pr, PG_DIAG_MESSAGE_PRIMARY) ?
	    PQresultErrorField(pr, PG_DIAG_MESSAGE_PRIMARY) : PQerrorMessage(pg->conn));
	r = map_state(pg->state, PQstatus(pg->conn) != CONNECTION_OK);
	PQclear(pr);
	return r;
}

size_t
rp_pg_ntuples(const struct rp_pg_res *r)
{
	return r ? (size_t)PQntuples(r->res) : 0;
}

const char *
rp_pg_value(const struct rp_pg_res *r, size_t row, int col)
{
	if (r == NULL || row >= (size_t)PQntuples(r->res) || col < 0 || col >= PQnfields(r->res) ||
	    PQgetisnull(r->res, (int)row, col))
		return NULL;
	return PQgetvalue(r->res, (int)row, col);
}

void
rp_pg_res_free(struct rp_pg_res *r)
{
	if (r == NULL)
		return;
	PQclear(r->res);
	free(r);
}

static int
add_escaped(struct rp_pg *pg, char *e, struct rp_buf *out)
{
	int r;

	if (e == NULL) {
		set_msg(pg->msg, sizeof(pg->msg), PQerrorMessage(pg->conn));
		return RP_ERR_FORMAT;
	}
	r = rp_buf_addstr(out, e);
	PQfreemem(e);
	return r;
}

int
rp_pg_ident(struct rp_pg *pg, const char *s, struct rp_buf *out)
{
	return add_escaped(pg, PQescapeIdentifier(pg->conn, s, strlen(s)), out);
}

int
rp_pg_literal(struct rp_pg *pg, const char *s, struct rp_buf *out)
{
	return add_escaped(pg, PQescapeLiteral(pg->conn, s, strlen(s)), out);
}

int
rp_pg_scram(struct rp_pg *pg, const char *role, const char *password, struct rp_buf *out)
{
	return add_escaped(pg, PQencryptPasswordConn(pg->conn, password, role, "scram-sha-256"), out);
}

int
rp_pg_option(struct rp_pg *pg, const char *key, struct rp_buf *out)
{
	PQconninfoOption *opts, *o;
	int r = RP_ERR_NOTFOUND;

	if ((opts = PQconninfo(pg->conn)) == NULL)
		return RP_ERR_NOMEM;
	for (o = opts; o->keyword; o++)
		if (strcmp(o->keyword, key) == 0 && o->val != NULL && *o->val) {
			r = rp_buf_addstr(out, o->val);
			break;
		}
	PQconninfoFree(opts);
	return r;
}
