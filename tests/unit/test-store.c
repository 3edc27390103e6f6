#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"

static char dir[] = "/tmp/rp-test-store.XXXXXX";

static const struct rp_migration m[] = {
	{ 1, "CREATE TABLE t(a INTEGER)" },
	{ 2, "ALTER TABLE t ADD COLUMN b TEXT" },
};

static void
migrates_once_and_persists(void **state)
{
	struct rp_store *st;
	struct rp_stmt *s;
	struct rp_buf p = RP_BUF_INIT;

	rp_buf_addf(&p, "%s/a.db", dir);
	assert_int_equal(rp_store_open(&st, p.buf, 0), RP_ERR_NOTFOUND);
	assert_int_equal(rp_store_open(&st, p.buf, RP_STORE_CREATE), 0);
	assert_int_equal(rp_store_migrate(st, "t", m, 2), 0);
	assert_int_equal(rp_store_migrate(st, "t", m, 2), 0);   /* idempotent */
	assert_int_equal(rp_store_begin(st), 0);
	assert_int_equal(rp_stmt_prepare(st, "INSERT INTO t(a, b) VALUES(?, ?)", &s), 0);
	assert_int_equal(rp_stmt_bind_int64(s, 1, 7), 0);
	assert_int_equal(rp_stmt_bind_text(s, 2, "seven"), 0);
	assert_int_equal(rp_stmt_step(s), 0);
	rp_stmt_free(s);
	assert_int_equal(rp_store_commit(st), 0);
	rp_store_close(st);

	assert_int_equal(rp_store_open(&st, p.buf, 0), 0);
	assert_int_equal(rp_stmt_prepare(st, "SELECT a, b FROM t", &s), 0);
	assert_int_equal(rp_stmt_step(s), 1);
	assert_int_equal(rp_stmt_int64(s, 0), 7);
	assert_string_equal(rp_stmt_text(s, 1), "seven");
	assert_int_equal(rp_stmt_step(s), 0);
	rp_stmt_free(s);
	rp_store_close(st);
	rp_buf_release(&p);
}

static void
refuses_foreign_files(void **state)
{
	struct rp_store *st;
	struct rp_buf p = RP_BUF_INIT;
	FILE *f;
	char junk[8192];

	rp_buf_addf(&p, "%s/junk.db", dir);
	memset(junk, 'x', sizeof(junk));
	f = fopen(p.buf, "w");
	fwrite(junk, 1, sizeof(junk), f);
	fclose(f);
	assert_int_equal(rp_store_open(&st, p.buf, RP_STORE_CREATE), RP_ERR_DB_CORRUPT);
	rp_buf_reset(&p);
	/* a valid SQLite file that is not ours */
	rp_buf_addf(&p, "sqlite3 %s/other.db 'CREATE TABLE x(y)'", dir);
	assert_int_equal(system(p.buf), 0);
	rp_buf_reset(&p);
	rp_buf_addf(&p, "%s/other.db", dir);
	assert_int_equal(rp_store_open(&st, p.buf, RP_STORE_CREATE), RP_ERR_DB_CORRUPT);
	rp_buf_release(&p);
}

static int
setup(void **state)
{
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(migrates_once_and_persists),
		cmocka_unit_test(refuses_foreign_files),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
