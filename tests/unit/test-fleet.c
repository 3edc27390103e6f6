/* lib/fleet without a server: DSN files and the TLS rule, the record check, and the
 * practice's side (collect into the queue, what changed, gone, alerts, taking and
 * acknowledging) on a real SQLite store. The centre's side is tests/e2e/fleet.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "case/case.h"
#include "case/config.h"
#include "core/err.h"
#include "fleet/fleet.h"
#include "fleet/internal.h"
#include "respond/alertlog.h"
#include "respond/canary.h"
#include "store/store.h"

static void
dsn_text_one_line(void **state)
{
	static const struct {
		const char *t;
		int r, line;
		const char *dsn;
	} v[] = {
		{ "host=a dbname=b\n", 0, 0, "host=a dbname=b" },
		{ "# the centre\n\n  host=a dbname=b  \r\n# end\n", 0, 0, "host=a dbname=b" },
		{ "postgresql://u@h/db", 0, 0, "postgresql://u@h/db" },
		{ "", RP_ERR_FORMAT, 1, NULL },
		{ "# only a comment\n", RP_ERR_FORMAT, 1, NULL },
		{ "host=a\nhost=b\n", RP_ERR_FORMAT, 2, NULL },
		{ "host=a\x01 dbname=b\n", RP_ERR_FORMAT, 1, NULL },
		{ "\n\nhost=a\x1b[2J\n", RP_ERR_FORMAT, 3, NULL },
	};
	struct rp_buf b = RP_BUF_INIT;
	char big[RP_FLEET_DSN_MAX + 2];
	size_t i;
	int line;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		rp_buf_reset(&b);
		line = -1;
		assert_int_equal(rp_fleet_dsn_text(v[i].t, strlen(v[i].t), &b, &line), v[i].r);
		if (v[i].r == 0)
			assert_string_equal(b.buf, v[i].dsn);
		else
			assert_int_equal(line, v[i].line);
	}
	assert_int_equal(rp_fleet_dsn_text("host=a\0b", 8, &b, &line), RP_ERR_FORMAT);
	memset(big, 'a', sizeof(big));
	assert_int_equal(rp_fleet_dsn_text(big, sizeof(big), &b, &line), RP_ERR_TOOBIG);
	rp_buf_release(&b);
}

static void
dsn_file_mode_and_links(void **state)
{
	char dir[] = "/tmp/rp-test-fleet.XXXXXX", p[64], l[64];
	struct rp_buf b = RP_BUF_INIT;
	int line, shared = -1;
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(p, sizeof(p), "%s/c.dsn", dir);
	snprintf(l, sizeof(l), "%s/link.dsn", dir);
	assert_non_null(f = fopen(p, "w"));
	fputs("host=a password=x\n", f);
	fclose(f);
	chmod(p, 0640);
	assert_int_equal(rp_fleet_dsn_file(p, &b, &line, &shared), 0);
	assert_int_equal(shared, 1);
	chmod(p, 0600);
	rp_buf_reset(&b);
	assert_int_equal(rp_fleet_dsn_file(p, &b, &line, &shared), 0);
	assert_int_equal(shared, 0);
	assert_string_equal(b.buf, "host=a password=x");
	/* a symlink is not followed: another user's link to a file of ours is refused */
	assert_int_equal(symlink(p, l), 0);
	assert_int_equal(rp_fleet_dsn_file(l, &b, &line, &shared), RP_ERR_SYSTEM);
	assert_int_equal(rp_fleet_dsn_file(dir, &b, &line, &shared), RP_ERR_INVALID);
	unlink(l);
	unlink(p);
	rmdir(dir);
	rp_buf_release(&b);
}

static void
tls_rule(void **state)
{
	static const struct {
		const char *dsn;
		int r, applied, password;
	} v[] = {
		{ "host=/run/postgresql dbname=fleet", 0, 0, 0 },
		{ "host=localhost dbname=fleet", 0, 0, 0 },
		{ "host=127.0.0.5 sslmode=disable", 0, 0, 0 },
		{ "host=::1", 0, 0, 0 },
		{ "host=::ffff:127.0.0.1", 0, 0, 0 },
		{ "dbname=fleet", 0, 1, 0 },                   /* default socket or PGHOST */
		{ "dbname=fleet sslmode=disable", 0, 0, 0 },   /* said so: the socket */
		{ "host=fleet.example.net", 0, 1, 0 },
		{ "host=fleet.example.net sslmode=verify-full", 0, 0, 0 },
		{ "host=fleet.example.net sslmode=require", RP_ERR_REFUSED, 0, 0 },
		{ "host=fleet.example.net sslmode=verify-ca", RP_ERR_REFUSED, 0, 0 },
		{ "host=localhost,db2.example sslmode=prefer", RP_ERR_REFUSED, 0, 0 },
		{ "host=localhost hostaddr=10.1.2.3 sslmode=disable", RP_ERR_REFUSED, 0, 0 },
		{ "host=fleet.example hostaddr=127.0.0.1", 0, 1, 0 },  /* the name is checked */
		{ "host=10.0.0.8 password=x", 0, 1, 1 },
		{ "postgresql://u:pw@db.example/fleet", 0, 1, 1 },
		{ "postgresql://u@db.example/fleet?sslmode=allow", RP_ERR_REFUSED, 0, 0 },
		{ "postgresql://u@%2Frun%2Fpostgresql/fleet", 0, 0, 0 },
	};
	struct rp_fleet_dsn_info in;
	struct rp_buf why = RP_BUF_INIT;
	size_t i;
	int applied;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(rp_fleet_dsn_inspect(v[i].dsn, &in, NULL), 0);
		assert_int_equal(in.password, v[i].password);
		rp_buf_reset(&why);
		applied = -1;
		if (rp_fleet_dsn_tls(&in, &applied, &why) != v[i].r)
			fail_msg("%s: not %d", v[i].dsn, v[i].r);
		if (v[i].r == 0 && applied != v[i].applied)
			fail_msg("%s: verify-full %s", v[i].dsn, applied ? "added" : "not added");
		if (v[i].r != 0)
			assert_non_null(strstr(why.buf, "verify-full"));
	}
	assert_int_equal(rp_fleet_dsn_inspect("host='x", &in, &why), RP_ERR_FORMAT);
	assert_int_equal(rp_fleet_dsn_inspect("nosuchkey=1", &in, NULL), RP_ERR_FORMAT);
	assert_true(rp_fleet_host_local("/tmp/x"));
	assert_false(rp_fleet_host_local("128.0.0.1"));
	assert_false(rp_fleet_host_local("localhost.example"));
	rp_buf_release(&why);
}

static void
site_names(void **state)
{
	assert_true(rp_fleet_site_name_valid("praxis-muster"));
	assert_true(rp_fleet_site_name_valid("0a"));
	assert_false(rp_fleet_site_name_valid(""));
	assert_false(rp_fleet_site_name_valid("-a"));
	assert_false(rp_fleet_site_name_valid("Praxis"));
	assert_false(rp_fleet_site_name_valid("a_b"));
	assert_false(rp_fleet_site_name_valid("a\"; DROP ROLE x; --"));
	/* 40 at most: the role riposte_site_NAME stays within PostgreSQL's 63 bytes */
	assert_true(rp_fleet_site_name_valid("a234567890123456789012345678901234567890"));
	assert_false(rp_fleet_site_name_valid("a2345678901234567890123456789012345678901"));
}

static void
record_check(void **state)
{
	static const struct {
		const char *j;
		int ok;
	} v[] = {
		{ "{\"kind\":\"case\",\"rid\":\"case:1\",\"case\":1,\"discovered\":\"2026-11-20T05:30:00Z\"}", 1 },
		{ "{\"kind\":\"deadline\",\"rid\":\"x\",\"due\":null,\"gone\":true}", 1 },
		{ "{\"kind\":\"alert\",\"rid\":\"alert:1\",\"case\":null,\"data\":{\"a\":[1,{\"b\":2}]}}", 1 },
		{ "{\"kind\":\"case\",\"rid\":\"caf\xc3\xa9\"}", 1 },
		{ "[]", 0 },
		{ "{\"kind\":\"case\"}", 0 },
		{ "{\"kind\":\"nope\",\"rid\":\"a\"}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"\"}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"a\\nb\"}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"a\",\"case\":0}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"a\",\"case\":\"1\"}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"a\",\"case\":1.5}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"a\",\"time\":\"2026-11-20\"}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"a\",\"time\":\"2026-02-30T00:00:00Z\"}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"a\",\"due\":\"2026-11-20T25:00:00Z\"}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"a\",\"gone\":false}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"a\",\"x\":\"\\u0000\"}", 0 },
		{ "{\"kind\":\"case\",\"rid\":\"a\",\"kind\":\"case\"}", 0 },   /* a duplicate key */
		{ "{\"kind\":\"case\",\"rid\":\"a\"} {}", 0 },
	};
	char *k, *rid;
	const char *why;
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		int r = rp_fleet_record_check(v[i].j, strlen(v[i].j), &k, &rid, &why);

		if ((r == 0) != v[i].ok)
			fail_msg("%s: %s", v[i].j, r == 0 ? "accepted" : why);
		if (r == 0) {
			assert_non_null(k);
			assert_non_null(rid);
		} else {
			assert_null(k);
			assert_non_null(why);
		}
		free(k);
		free(rid);
	}
	assert_int_equal(rp_fleet_record_check("{\"kind\":\"case\",\"rid\":\"a\"}\0", 26, NULL, NULL,
	    &why), RP_ERR_FORMAT);
}

/* ---------------------------------------------------------------- the practice's side */

static char dir[] = "/tmp/rp-test-fleet-q.XXXXXX";

struct q {
	struct rp_store *st;
	struct rp_ini *ini;
	struct rp_fleet_local l;
	char path[128];
};

static void
q_open(struct q *q, const char *conf)
{
	memset(q, 0, sizeof(*q));
	snprintf(q->path, sizeof(q->path), "%s/p.db", dir);
	unlink(q->path);
	assert_int_equal(rp_store_open(&q->st, q->path, RP_STORE_CREATE), 0);
	assert_int_equal(rp_ini_parse(conf, strlen(conf), &q->ini, NULL), 0);
	q->l.st = q->st;
	q->l.site = q->ini;
	q->l.now = 1795000000;      /* 2026-11-18 */
}

static void
q_close(struct q *q)
{
	rp_store_close(q->st);
	rp_ini_free(q->ini);
	unlink(q->path);
}

/* Takes everything queued and acknowledges it as the centre would. */
static size_t
q_send(struct q *q)
{
	struct rp_fleetq_item *v;
	unsigned char *done;
	size_t n, i, total = 0;
	char *k, *rid;

	for (;;) {
		assert_int_equal(rp_fleetq_take(q->st, 7, 1 << 20, &v, &n), 0);
		if (n == 0)
			break;
		assert_non_null(done = calloc(n, 1));
		for (i = 0; i < n; i++) {
			/* what leaves the queue is a record the centre takes */
			assert_int_equal(rp_fleet_record_check(v[i].body, strlen(v[i].body), &k, &rid, NULL), 0);
			assert_string_equal(k, v[i].kind);
			assert_string_equal(rid, v[i].rid);
			free(k);
			free(rid);
			done[i] = 1;
		}
		assert_int_equal(rp_fleetq_done(q->st, v, done, n), 0);
		total += n;
		free(done);
		rp_fleetq_items_free(v, n);
	}
	return total;
}

static const char conf_gaps[] =
	"[site]\nname = P\naddress = A\ncountry = CH\nsector = medical-practice\nnis2 = none\nstaff = 3\n"
	"[contact police]\nname = Police\nphone = 117\nverified = 2024-01-01\n";

static void
collect_queues_what_changed(void **state)
{
	struct rp_fleet_collected c;
	struct rp_buf s = RP_BUF_INIT;
	size_t n, bad, findings;
	int64_t id;
	struct q q;

	q_open(&q, conf_gaps);
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	findings = c.records;
	assert_true(findings > 5);             /* the profile's gaps */
	assert_int_equal(c.changed, findings);
	assert_int_equal(c.queued, findings);
	/* nothing changed, nothing sent: the same queue */
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(c.changed, 0);
	assert_int_equal(c.queued, findings);
	assert_int_equal(q_send(&q), findings);
	assert_int_equal(rp_fleet_queued(q.st, &n), 0);
	assert_int_equal(n, 0);
	/* sent, unchanged: nothing queued */
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(c.changed, 0);
	assert_int_equal(c.queued, 0);

	/* a case: its record, its deadlines, its journal */
	assert_int_equal(rp_case_open(q.st, 1794990000, "Ransomware", 1794980000, NULL, &id), 0);
	assert_int_equal(rp_case_record(q.st, id, 1794990100, "fact", "me", "t", "fact", "personal-data",
	    "value", "yes", NULL), 0);
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_true(c.changed >= 4);           /* case, insurer deadline, 2 journal entries */
	assert_int_equal(q_send(&q), c.changed);

	/* a new entry: itself and the case's new head, nothing else */
	assert_int_equal(rp_case_log(q.st, id, 1794990200, "me", "a note", INT64_MIN), 0);
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(c.changed, 2);
	/* changed again before it was sent: one queued version, the latest */
	assert_int_equal(rp_case_log(q.st, id, 1794990300, "me", "another", INT64_MIN), 0);
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(c.queued, 3);
	assert_int_equal(q_send(&q), 3);

	/* the case closed: its deadlines are gone, once */
	assert_int_equal(rp_case_close(q.st, id, 1794990400, "closed", NULL), 0);
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_true(c.gone >= 1);
	n = c.gone;
	assert_int_equal(q_send(&q), c.changed + c.gone);
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(c.gone, 0);
	assert_int_equal(c.changed, 0);

	/* a finding fixed: gone */
	rp_ini_free(q.ini);
	rp_buf_addf(&s, "%s[insurance]\ninsurer = I\n", conf_gaps);
	assert_int_equal(rp_ini_parse(s.buf, s.len, &q.ini, NULL), 0);
	q.l.site = q.ini;
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(c.gone, 1);
	assert_int_equal(rp_fleetq_count(q.st, &n, &bad), 0);
	assert_int_equal(n, 1);
	assert_int_equal(bad, 0);
	assert_int_equal(q_send(&q), 1);

	/* --resend: everything again */
	assert_int_equal(rp_fleet_resend(q.st), 0);
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(c.changed, c.records);
	rp_buf_release(&s);
	q_close(&q);
}

static int
seen_entry(const struct rp_alertlog_entry *e, void *ctx)
{
	struct { int n, c[2]; char t[2][16]; } *seen = ctx;

	if (seen->n < 2) {
		seen->c[seen->n] = (int)e->case_id;
		snprintf(seen->t[seen->n], sizeof(seen->t[0]), "%s", e->type);
	}
	seen->n++;
	return 0;
}

static void
collect_alerts_once(void **state)
{
	struct rp_fleet_collected c;
	struct rp_fleetq_item *v;
	size_t n, i;
	struct q q;

	q_open(&q, "[site]\n");
	assert_int_equal(rp_alertlog_add(q.st, 1794990000, "alert", 0, "acted on",
	    "{\"kind\":\"alert\",\"pid\":1}", NULL), 0);
	assert_int_equal(rp_alertlog_add(q.st, 1794990001, "canary-read", 3, "read", "not json {", NULL), 0);
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(rp_fleetq_take(q.st, 100, 1 << 20, &v, &n), 0);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].rid, "alert:1") == 0)
			assert_non_null(strstr(v[i].body, "\"case\":null,\"text\":\"acted on\",\"data\":{\"kind\""));
		if (strcmp(v[i].rid, "alert:2") == 0)   /* what does not parse goes as a string */
			assert_non_null(strstr(v[i].body, "\"case\":3,\"text\":\"read\",\"data\":\"not json {\""));
	}
	rp_fleetq_items_free(v, n);
	q_send(&q);
	/* sent alerts are not queued again, nor marked gone */
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(c.changed, 0);
	assert_int_equal(c.gone, 0);
	assert_int_equal(rp_alertlog_add(q.st, 1794990002, "alert", 0, "again", NULL, NULL), 0);
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(c.changed, 1);
	q_close(&q);
}

/* watch's entries: the type from the object's kind, the case that is open */
static void
alertlog_watch_entries(void **state)
{
	struct { int n, c[2]; char t[2][16]; } seen = { 0, { 0, 0 }, { "", "" } };
	int64_t id;
	struct q q;

	q_open(&q, "[site]\n");
	assert_int_equal(rp_alertlog_watch(q.st, 1794990000, "acted on",
	    "{\"kind\":\"alert\",\"pid\":1}"), 0);
	assert_int_equal(rp_case_open(q.st, 1794990001, "Ransomware", 1794990000, NULL, &id), 0);
	assert_int_equal(rp_alertlog_watch(q.st, 1794990002, "read",
	    "{\"kind\":\"canary-read\",\"pid\":2}"), 0);
	assert_int_equal(rp_alertlog_watch(q.st, 1794990003, "x", "{\"kind\":\"alerts\"}"), RP_ERR_INVALID);
	assert_int_equal(rp_alertlog_watch(q.st, 1794990003, "x", "{\"pid\":1,\"kind\":\"alert\"}"),
	    RP_ERR_INVALID);
	assert_int_equal(rp_alertlog_watch(q.st, 1794990003, "x", NULL), RP_ERR_INVALID);
	assert_int_equal(rp_alertlog_each(q.st, 0, seen_entry, &seen), 0);
	assert_int_equal(seen.n, 2);
	assert_string_equal(seen.t[0], "alert");
	assert_int_equal(seen.c[0], 0);
	assert_string_equal(seen.t[1], "canary-read");
	assert_int_equal(seen.c[1], (int)id);
	q_close(&q);
}

static void
collect_canaries_by_stat(void **state)
{
	struct rp_fleet_collected c;
	struct rp_fleetq_item *v;
	const char *dirs[1];
	char d[128];
	size_t n, i, present = 0, missing = 0;
	struct stat before, after;
	struct q q;

	snprintf(d, sizeof(d), "%s/share", dir);
	mkdir(d, 0700);
	q_open(&q, "[site]\n");
	assert_int_equal(rp_canary_deploy(d, 1794990000, &n), 0);
	dirs[0] = d;
	q.l.canaries = dirs;
	q.l.ncanaries = 1;
	{
		char p[256];

		snprintf(p, sizeof(p), "%s/%s", d, rp_canary_names[0]);
		assert_int_equal(stat(p, &before), 0);
		assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
		assert_int_equal(stat(p, &after), 0);
		/* not read: its access time is as it was */
		assert_int_equal(before.st_atim.tv_sec, after.st_atim.tv_sec);
		assert_int_equal(before.st_atim.tv_nsec, after.st_atim.tv_nsec);
		unlink(p);
	}
	assert_int_equal(rp_fleet_collect(&q.l, &c), 0);
	assert_int_equal(rp_fleetq_take(q.st, 100, 1 << 20, &v, &n), 0);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].kind, "canary") != 0)
			continue;
		present += strstr(v[i].body, "\"state\":\"present\"") != NULL;
		missing += strstr(v[i].body, "\"state\":\"missing\"") != NULL;
	}
	assert_int_equal(present, 1);
	assert_int_equal(missing, 1);
	rp_fleetq_items_free(v, n);
	for (i = 0; rp_canary_names[i]; i++) {
		char p[256];

		snprintf(p, sizeof(p), "%s/%s", d, rp_canary_names[i]);
		unlink(p);
	}
	rmdir(d);
	q_close(&q);
}

static int
setup(void **state)
{
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	return rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dsn_text_one_line),
		cmocka_unit_test(dsn_file_mode_and_links),
		cmocka_unit_test(tls_rule),
		cmocka_unit_test(site_names),
		cmocka_unit_test(record_check),
		cmocka_unit_test(collect_queues_what_changed),
		cmocka_unit_test(collect_alerts_once),
		cmocka_unit_test(alertlog_watch_entries),
		cmocka_unit_test(collect_canaries_by_stat),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
