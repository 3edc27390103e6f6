/*
 * The centre's schema, versioned: one transaction per version, recorded in
 * fleet.schema_version, as the SQLite store's migrations are. A version is never edited
 * once released; a change is a new version (the test migrates a centre of version 1
 * holding pushed records to the latest).
 *
 * Who may do what is the database's business, not the client's: row-level security
 * lets a practice's role (a member of riposte_practice) insert, update and read only the
 * rows of the site whose role it is, and read only its own row of fleet.site; it may
 * not delete. riposte_reader reads everything (a dashboard's login); the schema's owner
 * (who ran `fleet init`) bypasses the policies as owners do.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/err.h"
#include "fleet/internal.h"
#include "fleet/pg.h"

/* pg_advisory_xact_lock key: 'RIPOFLT' */
#define LOCK "SELECT pg_advisory_xact_lock(23180962018743892)"

static const char *const migrations[RP_FLEET_SCHEMA] = {
	/* 1: sites, their records as JSON, the roles and the policies */
	"DO $$ BEGIN\n"
	"  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'riposte_practice') THEN\n"
	"    CREATE ROLE riposte_practice NOLOGIN;\n"
	"  END IF;\n"
	"  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'riposte_reader') THEN\n"
	"    CREATE ROLE riposte_reader NOLOGIN;\n"
	"  END IF;\n"
	"END $$;\n"
	"CREATE SCHEMA fleet;\n"
	"REVOKE ALL ON SCHEMA fleet FROM PUBLIC;\n"
	"GRANT USAGE ON SCHEMA fleet TO riposte_practice, riposte_reader;\n"
	"CREATE TABLE fleet.schema_version (\n"
	"  version integer PRIMARY KEY,\n"
	"  applied timestamptz NOT NULL DEFAULT now());\n"
	"CREATE TABLE fleet.site (\n"
	"  name text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),\n"
	"  role name NOT NULL UNIQUE,\n"
	"  created timestamptz NOT NULL DEFAULT now(),\n"
	"  last_push timestamptz,      -- the practice's clock when it pushed\n"
	"  last_seen timestamptz);     -- the centre's\n"
	"CREATE TABLE fleet.record (\n"
	"  site text NOT NULL REFERENCES fleet.site (name) ON DELETE CASCADE,\n"
	"  rid text NOT NULL CHECK (octet_length(rid) BETWEEN 1 AND 512),\n"
	"  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]{0,31}$'),\n"
	"  body jsonb NOT NULL,\n"
	"  received timestamptz NOT NULL DEFAULT now(),\n"
	"  PRIMARY KEY (site, rid));\n"
	"CREATE FUNCTION fleet.my_site() RETURNS text LANGUAGE sql STABLE\n"
	"  SET search_path = pg_catalog, pg_temp\n"
	"  AS $$ SELECT name FROM fleet.site WHERE role = current_user $$;\n"
	"REVOKE ALL ON FUNCTION fleet.my_site() FROM PUBLIC;\n"
	"GRANT EXECUTE ON FUNCTION fleet.my_site() TO riposte_practice, riposte_reader;\n"
	"ALTER TABLE fleet.site ENABLE ROW LEVEL SECURITY;\n"
	"ALTER TABLE fleet.record ENABLE ROW LEVEL SECURITY;\n"
	"CREATE POLICY practice_self ON fleet.site FOR SELECT TO riposte_practice\n"
	"  USING (role = current_user);\n"
	"CREATE POLICY practice_push ON fleet.site FOR UPDATE TO riposte_practice\n"
	"  USING (role = current_user) WITH CHECK (role = current_user);\n"
	"CREATE POLICY reader_all ON fleet.site FOR SELECT TO riposte_reader USING (true);\n"
	"CREATE POLICY practice_own ON fleet.record TO riposte_practice\n"
	"  USING (site = fleet.my_site()) WITH CHECK (site = fleet.my_site());\n"
	"CREATE POLICY reader_all ON fleet.record FOR SELECT TO riposte_reader USING (true);\n"
	"GRANT SELECT ON fleet.schema_version TO riposte_practice, riposte_reader;\n"
	"GRANT SELECT ON fleet.site TO riposte_practice, riposte_reader;\n"
	"GRANT UPDATE (last_push, last_seen) ON fleet.site TO riposte_practice;\n"
	"GRANT SELECT, INSERT, UPDATE ON fleet.record TO riposte_practice;\n"
	"GRANT SELECT ON fleet.record TO riposte_reader;\n",

	/* 2: what `fleet status` asks of every practice as columns the server fills from
	 * the JSON (clients of version 1 keep pushing the same rows), the indexes that keep
	 * it fast over a thousand practices, the queue's length of each practice, and the
	 * centre's memory of journal entries sent again changed (a rewritten journal: an
	 * entry never changes once written, so any change is one) */
	"ALTER TABLE fleet.record\n"
	"  ADD COLUMN at timestamptz,\n"
	"  ADD COLUMN due timestamptz,\n"
	"  ADD COLUMN state text,\n"
	"  ADD COLUMN severity text,\n"
	"  ADD COLUMN case_id bigint,\n"
	"  ADD COLUMN gone boolean NOT NULL DEFAULT false;\n"
	"ALTER TABLE fleet.site ADD COLUMN queued integer;\n"
	"GRANT UPDATE (queued) ON fleet.site TO riposte_practice;\n"
	/* a time the way riposte writes it, else NULL: a practice's odd value costs that
	 * value, not its push */
	"CREATE FUNCTION fleet.ts(v text) RETURNS timestamptz LANGUAGE sql STABLE STRICT\n"
	"  SET search_path = pg_catalog, pg_temp\n"
	"  AS $$ SELECT CASE WHEN v ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z$'\n"
	"    AND to_char(to_date(left(v, 10), 'YYYY-MM-DD'), 'YYYY-MM-DD') = left(v, 10)\n"
	"    THEN v::timestamptz END $$;\n"
	"CREATE FUNCTION fleet.record_columns() RETURNS trigger LANGUAGE plpgsql\n"
	"  SET search_path = pg_catalog, pg_temp AS $$\n"
	"DECLARE b jsonb := NEW.body;\n"
	"BEGIN\n"
	"  NEW.gone := coalesce(b->>'gone', '') = 'true';\n"
	"  NEW.case_id := CASE WHEN b->>'case' ~ '^[0-9]{1,18}$' THEN (b->>'case')::bigint END;\n"
	"  NEW.at := fleet.ts(CASE NEW.kind WHEN 'case' THEN b->>'discovered' ELSE b->>'time' END);\n"
	"  NEW.due := fleet.ts(b->>'due');\n"
	"  NEW.state := CASE NEW.kind WHEN 'alert' THEN b->>'type' WHEN 'journal' THEN b->>'type'\n"
	"    WHEN 'summary' THEN b->>'tool' ELSE coalesce(b->>'state', b->>'status') END;\n"
	"  NEW.severity := b->>'severity';\n"
	"  RETURN NEW;\n"
	"END $$;\n"
	"CREATE TRIGGER record_columns BEFORE INSERT OR UPDATE OF body ON fleet.record\n"
	"  FOR EACH ROW EXECUTE FUNCTION fleet.record_columns();\n"
	"UPDATE fleet.record SET body = body;\n"
	"CREATE INDEX record_open ON fleet.record (site, kind) INCLUDE (state, due, severity)\n"
	"  WHERE NOT gone AND kind IN ('case', 'deadline', 'finding');\n"
	"CREATE INDEX record_alert_at ON fleet.record (at) INCLUDE (site, state)\n"
	"  WHERE kind = 'alert';\n"
	"CREATE TABLE fleet.rewrite (\n"
	"  site text NOT NULL REFERENCES fleet.site (name) ON DELETE CASCADE,\n"
	"  rid text NOT NULL,\n"
	"  seen timestamptz NOT NULL DEFAULT now(),\n"
	"  old_hash text,\n"
	"  new_hash text,\n"
	"  old_body jsonb NOT NULL);\n"
	"CREATE INDEX rewrite_site ON fleet.rewrite (site);\n"
	"ALTER TABLE fleet.rewrite ENABLE ROW LEVEL SECURITY;\n"
	"CREATE POLICY reader_all ON fleet.rewrite FOR SELECT TO riposte_reader USING (true);\n"
	"GRANT SELECT ON fleet.rewrite TO riposte_reader;\n"
	/* the practice cannot write fleet.rewrite: the trigger does, as the schema's owner */
	"CREATE FUNCTION fleet.record_rewritten() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER\n"
	"  SET search_path = pg_catalog, pg_temp AS $$\n"
	"BEGIN\n"
	"  INSERT INTO fleet.rewrite (site, rid, old_hash, new_hash, old_body)\n"
	"    VALUES (OLD.site, OLD.rid, OLD.body->>'hash', NEW.body->>'hash', OLD.body);\n"
	"  RETURN NULL;\n"
	"END $$;\n"
	"REVOKE ALL ON FUNCTION fleet.record_rewritten() FROM PUBLIC;\n"
	"CREATE TRIGGER record_rewritten AFTER UPDATE ON fleet.record FOR EACH ROW\n"
	"  WHEN (OLD.kind = 'journal' AND OLD.body IS DISTINCT FROM NEW.body)\n"
	"  EXECUTE FUNCTION fleet.record_rewritten();\n",

	/* 3: `fleet status` counts the alerts of the week; record_alert_at holds every
	 * watch entry (canary reads are three in four of a practice's day), so the count
	 * read four rows for each one it kept. This index holds only the alerts, with the
	 * site: the count reads the rows it counts (bench/fleet: 791 buffers of the index
	 * and the heap down to 190 over 1,000 practices). */
	"CREATE INDEX record_alert_week ON fleet.record (at) INCLUDE (site)\n"
	"  WHERE kind = 'alert' AND state = 'alert';\n",
};

int
rp_fleet_whoami(struct rp_fleet *f, int *version, char **site)
{
	struct rp_pg_res *res = NULL;
	const char *v;
	int r;

	*version = 0;
	if (site)
		*site = NULL;
	if ((r = rp_fleet_exec(f, "SELECT to_regclass('fleet.schema_version') IS NOT NULL", 0, NULL,
	    &res)) != 0)
		return r;
	v = rp_pg_value(res, 0, 0);
	if (v == NULL || strcmp(v, "t") != 0) {
		rp_pg_res_free(res);
		return 0;
	}
	rp_pg_res_free(res);
	if ((r = rp_fleet_exec(f, "SELECT (SELECT coalesce(max(version), 0) FROM fleet.schema_version), "
	    "fleet.my_site()", 0, NULL, &res)) != 0)
		return r;
	*version = (int)rp_fleet_int(res, 0, 0, 0);
	if (site && (v = rp_pg_value(res, 0, 1)) != NULL && (*site = strdup(v)) == NULL)
		r = RP_ERR_NOMEM;
	rp_pg_res_free(res);
	return r;
}

int
rp_fleet_schema_version(struct rp_fleet *f, int *version)
{
	return rp_fleet_whoami(f, version, NULL);
}

static void
rollback(struct rp_fleet *f)
{
	char keep[sizeof(f->msg)];

	memcpy(keep, f->msg, sizeof(keep));
	rp_pg_exec(f->pg, "ROLLBACK", 0, NULL, NULL);
	memcpy(f->msg, keep, sizeof(keep));
}

int
rp_fleet_init(struct rp_fleet *f, int target, int *from, int *to)
{
	char num[16];
	const char *p[1] = { num };
	int have = 0, r, v, first = 1;

	if (target == 0)
		target = RP_FLEET_SCHEMA;
	if (target < 1 || target > RP_FLEET_SCHEMA)
		return rp_fleet_fail(f, RP_ERR_INVALID, "schema version %d: this riposte knows 1 to %d",
		    target, RP_FLEET_SCHEMA);
	for (v = 1; v <= target; v++) {
		if ((r = rp_fleet_exec(f, "BEGIN", 0, NULL, NULL)) != 0 ||
		    (r = rp_fleet_exec(f, LOCK, 0, NULL, NULL)) != 0 ||
		    (r = rp_fleet_whoami(f, &have, NULL)) != 0)
			goto fail;
		if (first) {
			first = 0;
			if (from)
				*from = have;
			if (have > target) {
				rollback(f);
				return rp_fleet_fail(f, RP_ERR_UNSUPPORTED, "the centre's schema is version %d, "
				    "newer than %d: it is never downgraded", have, target);
			}
		}
		if (have >= v) {
			if ((r = rp_fleet_exec(f, "COMMIT", 0, NULL, NULL)) != 0)
				goto fail;
			continue;
		}
		snprintf(num, sizeof(num), "%d", v);
		if ((r = rp_fleet_exec(f, migrations[v - 1], 0, NULL, NULL)) != 0 ||
		    (r = rp_fleet_exec(f, "INSERT INTO fleet.schema_version (version) VALUES ($1::integer)",
		    1, p, NULL)) != 0 ||
		    (r = rp_fleet_exec(f, "COMMIT", 0, NULL, NULL)) != 0)
			goto fail;
		have = v;
	}
	if (to)
		*to = have;
	return 0;
fail:
	rollback(f);
	if (r == RP_ERR_PERM && f->msg[0] == '\0')
		rp_fleet_fail(f, r, "not permitted");
	return r;
}

int
rp_fleet_site_name_valid(const char *s)
{
	size_t i;

	if (s == NULL || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (i = 0; s[i]; i++)
		if (i >= 40 || !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '-'))
			return 0;
	return 1;
}

void
rp_fleet_cred_release(struct rp_fleet_cred *c)
{
	if (c == NULL)
		return;
	free(c->role);
	if (c->password) {
		explicit_bzero(c->password, strlen(c->password));
		free(c->password);
	}
	if (c->dsn) {
		explicit_bzero(c->dsn, strlen(c->dsn));
		free(c->dsn);
	}
	memset(c, 0, sizeof(*c));
}

/* 32 characters of [A-Za-z0-9] from the kernel's generator: about 190 bits. */
static int
random_password(char out[33])
{
	static const char alpha[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	unsigned char b[64];
	size_t n = 0, i;
	ssize_t k;

	while (n < 32) {
		if ((k = getrandom(b, sizeof(b), 0)) < 0)
			return RP_ERR_SYSTEM;
		for (i = 0; i < (size_t)k && n < 32; i++)
			if (b[i] < 248)          /* 248 = 4 x 62: no bias */
				out[n++] = alpha[b[i] % 62];
	}
	out[32] = '\0';
	explicit_bzero(b, sizeof(b));
	return 0;
}

/* One keyword=value of a libpq connection string, quoted when it has to be. */
static int
dsn_add(struct rp_buf *b, const char *key, const char *val)
{
	const char *p;
	int quote = *val == '\0';
	int r;

	for (p = val; *p; p++)
		if (*p == ' ' || *p == '\'' || *p == '\\' || *p == '\t' || *p == '=')
			quote = 1;
	if ((r = rp_buf_addf(b, "%s%s=", b->len ? " " : "", key)) != 0)
		return r;
	if (!quote)
		return rp_buf_addstr(b, val);
	rp_buf_addch(b, '\'');
	for (p = val; *p; p++) {
		if (*p == '\'' || *p == '\\')
			rp_buf_addch(b, '\\');
		rp_buf_addch(b, *p);
	}
	return rp_buf_addch(b, '\'');
}

static const char *
given(const struct rp_fleet *f, const char *key)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->keys[i], key) == 0)
			return f->vals[i];
	return NULL;
}

/* The practice's DSN: where this connection went, as the new role. */
static int
practice_dsn(struct rp_fleet *f, const char *role, const char *pw, struct rp_buf *out)
{
	static const char *const first[] = { "host", "hostaddr", "port", "dbname", NULL };
	struct rp_buf v = RP_BUF_INIT;
	size_t i, j;
	int r = 0, skip;

	for (i = 0; first[i] && r == 0; i++) {
		const char *g = given(f, first[i]);

		rp_buf_reset(&v);
		if (g != NULL)
			r = dsn_add(out, first[i], g);
		else if (strcmp(first[i], "hostaddr") != 0 && rp_pg_option(f->pg, first[i], &v) == 0)
			r = dsn_add(out, first[i], v.buf);
	}
	for (i = 0; i < f->n && r == 0; i++) {
		for (skip = 0, j = 0; first[j]; j++)
			skip |= strcmp(first[j], f->keys[i]) == 0;
		if (!skip && strcmp(f->keys[i], "sslpassword") != 0 && strcmp(f->keys[i], "sslkey") != 0 &&
		    strcmp(f->keys[i], "sslcert") != 0)
			r = dsn_add(out, f->keys[i], f->vals[i]);
	}
	if (r == 0 && f->tls_applied && given(f, "sslmode") == NULL)
		r = dsn_add(out, "sslmode", "verify-full");
	if (r == 0)
		r = dsn_add(out, "user", role);
	if (r == 0)
		r = dsn_add(out, "password", pw);
	rp_buf_release(&v);
	return r;
}

int
rp_fleet_site_add(struct rp_fleet *f, const char *name, struct rp_fleet_cred *out)
{
	struct rp_buf sql = RP_BUF_INIT, scram = RP_BUF_INIT, dsn = RP_BUF_INIT;
	struct rp_pg_res *res = NULL;
	char role[64], pw[33];
	const char *p[2];
	const char *db;
	size_t i;
	int r, version, open = 0;

	memset(out, 0, sizeof(*out));
	if (!rp_fleet_site_name_valid(name))
		return rp_fleet_fail(f, RP_ERR_INVALID, "'%s' is not a practice name: lowercase letters, "
		    "digits and '-', at most 40, starting with a letter or a digit", name);
	snprintf(role, sizeof(role), "riposte_site_%s", name);
	for (i = 0; role[i]; i++)
		if (role[i] == '-')
			role[i] = '_';
	if ((r = random_password(pw)) != 0)
		return rp_fleet_fail(f, r, "no random numbers for the password");
	if ((r = rp_fleet_exec(f, "BEGIN", 0, NULL, NULL)) != 0)
		goto out;
	open = 1;
	if ((r = rp_fleet_exec(f, LOCK, 0, NULL, NULL)) != 0 ||
	    (r = rp_fleet_whoami(f, &version, NULL)) != 0)
		goto out;
	if (version < 1) {
		r = rp_fleet_fail(f, RP_ERR_UNSUPPORTED, "the centre has no schema: run 'riposte fleet "
		    "init' first");
		goto out;
	}
	p[0] = name;
	p[1] = role;
	if ((r = rp_fleet_exec(f, "INSERT INTO fleet.site (name, role) VALUES ($1, $2)", 2, p, NULL)) != 0) {
		if (r == RP_ERR_EXISTS)
			rp_fleet_fail(f, r, "the practice '%s' is registered already", name);
		goto out;
	}
	if ((r = rp_fleet_exec(f, "SELECT current_database()", 0, NULL, &res)) != 0 ||
	    (db = rp_pg_value(res, 0, 0)) == NULL) {
		r = r ? r : RP_ERR_DB;
		goto out;
	}
	/* CREATE ROLE takes no parameters: the name and the verifier are escaped by libpq */
	rp_buf_addstr(&sql, "CREATE ROLE ");
	if ((r = rp_pg_ident(f->pg, role, &sql)) != 0 ||
	    (r = rp_pg_scram(f->pg, role, pw, &scram)) != 0)
		goto pgfail;
	rp_buf_addstr(&sql, " LOGIN CONNECTION LIMIT 4 PASSWORD ");
	if ((r = rp_pg_literal(f->pg, scram.buf, &sql)) != 0)
		goto pgfail;
	rp_buf_addstr(&sql, " IN ROLE riposte_practice; GRANT CONNECT ON DATABASE ");
	if ((r = rp_pg_ident(f->pg, db, &sql)) != 0)
		goto pgfail;
	rp_buf_addstr(&sql, " TO ");
	if ((r = rp_pg_ident(f->pg, role, &sql)) != 0)
		goto pgfail;
	if ((r = rp_fleet_exec(f, sql.buf, 0, NULL, NULL)) != 0) {
		if (r == RP_ERR_EXISTS)
			rp_fleet_fail(f, r, "the role '%s' exists already (another fleet database on this "
			    "server?)", role);
		goto out;
	}
	if ((r = rp_fleet_exec(f, "COMMIT", 0, NULL, NULL)) != 0)
		goto out;
	open = 0;
	if ((r = practice_dsn(f, role, pw, &dsn)) != 0)
		goto out;
	if ((out->role = strdup(role)) == NULL || (out->password = strdup(pw)) == NULL ||
	    (out->dsn = rp_buf_detach(&dsn, NULL)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	r = 0;
	goto out;
pgfail:
	rp_fleet_fail_pg(f, r);
out:
	if (open)
		rollback(f);
	if (r != 0)
		rp_fleet_cred_release(out);
	rp_pg_res_free(res);
	explicit_bzero(pw, sizeof(pw));
	if (scram.len)
		explicit_bzero(scram.buf, scram.len);
	if (dsn.len)
		explicit_bzero(dsn.buf, dsn.len);
	rp_buf_release(&sql);
	rp_buf_release(&scram);
	rp_buf_release(&dsn);
	return r;
}
