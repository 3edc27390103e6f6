/*
 * The way in, in the case (lib/case/vector.c): recording the vector and its findings,
 * harden runs and the actions made of high findings, acceptances, restore checks;
 * the state of each finding, the close conditions, the report's section; journal
 * entries written by hand (bad JSON, unknown ids) are ignored.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case/case.h"
#include "case/report.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/time.h"
#include "harden/harden.h"
#include "store/store.h"

static char dir[] = "/tmp/rp-vector-XXXXXX";

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
	return system(cmd) == 0 ? 0 : -1;
}

static struct rp_store *
open_store(const char *name, int64_t *id)
{
	struct rp_store *st = NULL;
	char p[256];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	assert_int_equal(rp_store_open(&st, p, RP_STORE_CREATE), 0);
	assert_int_equal(rp_case_open(st, 1000, "Ransomware", 900, NULL, id), 0);
	return st;
}

static void
reload(struct rp_store *st, int64_t id, struct rp_case *c)
{
	rp_case_release(c);
	assert_int_equal(rp_case_load(st, id, c), 0);
}

static const struct rp_hfinding weak[] = {
	{ "smb1-enabled", RP_HSEV_HIGH, "/etc/samba/smb.conf", 4, "NT1", "fix smb1", "r" },
	{ "smb1-enabled", RP_HSEV_HIGH, "/etc/samba/smb.conf", 5, "ntlm", "fix smb1", "r" },
	{ "smb-no-audit", RP_HSEV_MEDIUM, "/etc/samba/smb.conf", 9, "no audit", "audit", "r" },
	{ "uid0-extra", RP_HSEV_HIGH, "/etc/passwd", 20, "toor", "remove toor", "r" },
};

static const char weak_json[] =
    "{\"root\":\"/mnt/r\",\"live\":false,\"high\":3,\"medium\":1,\"low\":0,\"findings\":["
    "{\"id\":\"smb1-enabled\"},{\"id\":\"smb1-enabled\"},{\"id\":\"smb-no-audit\"},"
    "{\"id\":\"uid0-extra\"},{\"id\":\"not-a-check\"}],\"not_checked\":[\"exposed-service\"]}";
static const char good_json[] =
    "{\"root\":\"/\",\"live\":true,\"high\":0,\"medium\":0,\"low\":0,\"findings\":[],"
    "\"not_checked\":[]}";
static const char offline_json[] =
    "{\"root\":\"/mnt/r\",\"live\":false,\"high\":0,\"medium\":0,\"low\":0,\"findings\":[],"
    "\"not_checked\":[\"smb1-enabled\"]}";

static void
entry_validation(void **state)
{
	static const char *const ok[] = { "smb1-enabled", "exposed-service" };
	static const char *const bad[] = { "smb1" };
	struct rp_store *st;
	struct rp_case c;
	int64_t id;

	memset(&c, 0, sizeof(c));
	st = open_store("a.db", &id);
	assert_true(rp_vector_known("phishing"));
	assert_false(rp_vector_known("magic"));
	assert_false(rp_vector_known(NULL));
	assert_int_equal(rp_case_entry(st, id, 1001, "me", "magic", NULL, 0, "x"), RP_ERR_INVALID);
	assert_int_equal(rp_case_entry(st, id, 1001, "me", "phishing", bad, 1, "x"), RP_ERR_INVALID);
	/* unknown is an answer only with the reason why */
	assert_int_equal(rp_case_entry(st, id, 1001, "me", "unknown", NULL, 0, ""), RP_ERR_INVALID);
	reload(st, id, &c);
	assert_null(c.way_in.vector);
	assert_false(rp_way_in_known(&c.way_in));
	assert_int_equal(rp_case_entry(st, id, 1002, "me", "unknown", NULL, 0, "logs lost"), 0);
	reload(st, id, &c);
	assert_string_equal(c.way_in.vector, "unknown");
	assert_true(rp_way_in_known(&c.way_in));
	/* the last one recorded is the way in */
	assert_int_equal(rp_case_entry(st, id, 1003, "me", "exposed-service", ok, 2,
	    "SMB open to the Internet"), 0);
	reload(st, id, &c);
	assert_string_equal(c.way_in.vector, "exposed-service");
	assert_string_equal(c.way_in.text, "SMB open to the Internet");
	assert_int_equal(c.way_in.nfindings, 2);
	assert_string_equal(c.way_in.findings[1], "exposed-service");
	assert_int_equal(c.way_in.time, 1003);
	assert_string_equal(c.entries[c.nentries - 1].text, "way in: exposed-service (findings "
	    "smb1-enabled, exposed-service): SMB open to the Internet");
	rp_case_release(&c);
	rp_store_close(st);
}

/* The case's report in Markdown (no deadlines, its own claim), appended to doc. */
static int
report_of(const struct rp_case *c, const char *lang, struct rp_buf *doc)
{
	struct rp_deadlines d = { 0 };
	struct rp_claim cl;
	struct rp_report_in in;
	int r;

	memset(&cl, 0, sizeof(cl));
	if ((r = rp_claim_compute(c, NULL, &cl)) != 0)
		return r;
	in = (struct rp_report_in){ c, &d, &cl, NULL, NULL, lang, 6000 };
	r = rp_case_report(&in, RP_REPORT_MD, doc);
	rp_claim_release(&cl);
	return r;
}

static void
runs_states_actions_close(void **state)
{
	static const char *const tied[] = { "smb1-enabled" };
	const struct rp_close_condition *unmet;
	const struct rp_hrun_rec *run;
	const char *blocking;
	struct rp_store *st;
	struct rp_case c;
	struct rp_buf doc = RP_BUF_INIT;
	int64_t id;
	size_t made = 99;

	memset(&c, 0, sizeof(c));
	st = open_store("b.db", &id);
	assert_int_equal(rp_case_entry(st, id, 1001, "me", "exposed-service", tied, 1, "SMB1"), 0);
	reload(st, id, &c);
	/* no run yet: the tied finding's state is unknown, the case cannot close */
	assert_int_equal(rp_way_in_state(&c.way_in, "smb1-enabled", NULL), RP_FS_UNKNOWN);
	assert_false(rp_way_in_closed(&c.way_in, &blocking));
	assert_string_equal(blocking, "smb1-enabled");
	unmet = rp_case_close_unmet(&c, "SMB1 on the file server");
	assert_non_null(unmet);
	assert_string_equal(unmet->id, "way-in-findings");
	/* a run with high findings: one action per id, none for the medium one */
	assert_int_equal(rp_case_accept(st, id, 1002, "me", "uid0-extra", ""), RP_ERR_INVALID);
	assert_int_equal(rp_case_accept(st, id, 1002, "me", "nope", "x"), RP_ERR_INVALID);
	assert_int_equal(rp_case_accept(st, id, 1002, "me", "uid0-extra",
	    "the vendor's maintenance account, removed with the next release"), 0);
	reload(st, id, &c);
	assert_int_equal(rp_case_harden(st, &c, 1003, "me", "harden run", weak_json, weak, 4,
	    "", 5000, &made), RP_ERR_INVALID);                  /* an action needs an owner */
	assert_int_equal(rp_case_harden(st, &c, 1003, "me", "harden run", weak_json, weak, 4,
	    "Muster IT", 5000, &made), 0);
	assert_int_equal(made, 1);                             /* uid0-extra was accepted */
	reload(st, id, &c);
	assert_int_equal(c.nactions, 1);
	assert_string_equal(c.actions[0].finding, "smb1-enabled");
	assert_string_equal(c.actions[0].owner, "Muster IT");
	assert_int_equal(c.actions[0].due, 5000);
	assert_string_equal(c.actions[0].text, "smb1-enabled: fix smb1");
	assert_int_equal(c.way_in.nruns, 1);
	assert_int_equal(c.way_in.runs[0].nids, 3);            /* unknown ids dropped */
	assert_false(c.way_in.runs[0].live);
	assert_int_equal(c.way_in.runs[0].high, 3);
	assert_int_equal(rp_way_in_state(&c.way_in, "smb1-enabled", &run), RP_FS_OPEN);
	assert_ptr_equal(run, &c.way_in.runs[0]);
	assert_int_equal(rp_way_in_state(&c.way_in, "uid0-extra", NULL), RP_FS_ACCEPTED);
	assert_int_equal(rp_way_in_state(&c.way_in, "exposed-service", NULL), RP_FS_UNKNOWN);
	assert_int_equal(rp_way_in_state(&c.way_in, "sudo-nopasswd", NULL), RP_FS_CLOSED);
	assert_string_equal(rp_case_close_unmet(&c, "x")->id, "way-in-findings");
	/* a second run with the same findings makes no second action */
	assert_int_equal(rp_case_harden(st, &c, 1004, "me", "harden run", weak_json, weak, 4,
	    "Muster IT", 5000, &made), 0);
	assert_int_equal(made, 0);
	/* a run that cannot check the finding does not close it */
	assert_int_equal(rp_case_harden(st, &c, 1005, "me", "offline", offline_json, NULL, 0,
	    "Muster IT", 5000, NULL), 0);
	reload(st, id, &c);
	assert_int_equal(rp_way_in_state(&c.way_in, "smb1-enabled", &run), RP_FS_OPEN);
	assert_int_equal(run->time, 1004);
	/* a restore check's harden part is a run: the finding is gone */
	assert_int_equal(rp_case_restore_check(st, id, 1006, "riposte", 1, NULL,
	    "{\"verdict\":\"ready\",\"harden\":{\"root\":\"/\",\"live\":true,\"high\":0,"
	    "\"findings\":[],\"not_checked\":[]}}"), 0);
	reload(st, id, &c);
	assert_int_equal(c.way_in.nrestores, 1);
	assert_true(c.way_in.restores[0].ready);
	assert_int_equal(c.way_in.nruns, 4);
	assert_true(c.way_in.runs[3].restore);
	assert_int_equal(rp_way_in_state(&c.way_in, "smb1-enabled", NULL), RP_FS_CLOSED);
	assert_true(rp_way_in_closed(&c.way_in, NULL));
	assert_null(rp_case_close_unmet(&c, "SMB1 on the file server"));
	/* the report's section (report.c's sec_way_in), in English and in French */
	assert_int_equal(report_of(&c, "fr", &doc), 0);
	assert_non_null(strstr(doc.buf, "Voie d'entrée et ce qui a été fermé"));
	assert_non_null(strstr(doc.buf, "faite (le constat a disparu)"));
	assert_non_null(strstr(doc.buf, "Contrôle de restauration :"));
	assert_null(strstr(doc.buf, "How it came in"));
	rp_buf_reset(&doc);
	assert_int_equal(report_of(&c, "en", &doc), 0);
	assert_non_null(strstr(doc.buf, "How it came in and what was closed"));
	assert_non_null(strstr(doc.buf, "exposed-service: SMB1"));
	assert_non_null(strstr(doc.buf, "done (the finding is gone)"));
	assert_non_null(strstr(doc.buf, "the vendor's maintenance account"));
	assert_non_null(strstr(doc.buf, "Harden run before:"));
	assert_non_null(strstr(doc.buf, "Harden run after:"));
	assert_non_null(strstr(doc.buf, "Restore check:"));
	/* and it closes */
	assert_int_equal(rp_case_finish(st, &c, 7000, "me", "SMB1 on the file server", 0, &unmet), 0);
	rp_buf_release(&doc);
	rp_case_release(&c);
	assert_int_equal(rp_journal_verify(st, id, NULL), 0);
	rp_store_close(st);
	(void)good_json;
}

/* The close conditions on their own: no way in, then a tied finding open on the last
 * run, then the same finding accepted instead of fixed: the case closes. */
static void
close_refused_until_fixed_or_accepted(void **state)
{
	static const char *const tied[] = { "uid0-extra" };
	const struct rp_close_condition *unmet = NULL;
	struct rp_store *st;
	struct rp_case c;
	int64_t id;

	memset(&c, 0, sizeof(c));
	st = open_store("d.db", &id);
	reload(st, id, &c);
	assert_string_equal(rp_case_close_unmet(&c, "toor account")->id, "way-in");
	assert_int_equal(rp_case_finish(st, &c, 1001, "me", "toor account", 0, &unmet),
	    RP_ERR_REFUSED);
	assert_string_equal(unmet->id, "way-in");
	assert_int_equal(rp_case_entry(st, id, 1002, "me", "stolen-credentials", tied, 1,
	    "the vendor's account"), 0);
	reload(st, id, &c);
	assert_int_equal(rp_case_harden(st, &c, 1003, "me", "harden run", weak_json, weak, 4,
	    "Muster IT", 5000, NULL), 0);
	reload(st, id, &c);
	assert_int_equal(rp_way_in_state(&c.way_in, "uid0-extra", NULL), RP_FS_OPEN);
	assert_int_equal(rp_case_finish(st, &c, 1004, "me", "toor account", 0, &unmet),
	    RP_ERR_REFUSED);
	assert_string_equal(unmet->id, "way-in-findings");
	assert_int_equal(rp_case_accept(st, id, 1005, "me", "uid0-extra",
	    "the vendor's maintenance account, removed with the next release"), 0);
	reload(st, id, &c);
	assert_int_equal(rp_way_in_state(&c.way_in, "uid0-extra", NULL), RP_FS_ACCEPTED);
	assert_null(rp_case_close_unmet(&c, "toor account"));
	assert_int_equal(rp_case_finish(st, &c, 1006, "me", "toor account", 0, &unmet), 0);
	assert_null(unmet);
	reload(st, id, &c);
	assert_int_equal(c.info.closed, 1006);
	rp_case_release(&c);
	assert_int_equal(rp_journal_verify(st, id, NULL), 0);
	rp_store_close(st);
}

static void
hostile_entries_ignored(void **state)
{
	struct rp_store *st;
	struct rp_case c;
	int64_t id;

	memset(&c, 0, sizeof(c));
	st = open_store("c.db", &id);
	/* written by another tool or by hand: read as far as they make sense */
	assert_int_equal(rp_journal_append(st, id, 1001, "entry", "x", "t", "{\"vector\":\"magic\"}",
	    NULL), 0);
	assert_int_equal(rp_journal_append(st, id, 1002, "harden", "x", "t", "not json", NULL), 0);
	assert_int_equal(rp_journal_append(st, id, 1003, "harden", "x", "t",
	    "{\"findings\":\"no array\",\"high\":-5,\"not_checked\":[1,2,{}]}", NULL), 0);
	assert_int_equal(rp_journal_append(st, id, 1004, "accept", "x", "t", "{\"finding\":7}", NULL), 0);
	assert_int_equal(rp_journal_append(st, id, 1005, "restore-check", "x", "t", "{}", NULL), 0);
	assert_int_equal(rp_journal_append(st, id, 1006, "entry", "x", "t",
	    "{\"vector\":\"phishing\",\"findings\":[\"smb1-enabled\",\"smb1-enabled\",3]}", NULL), 0);
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_string_equal(c.way_in.vector, "phishing");
	assert_int_equal(c.way_in.nfindings, 1);               /* duplicates and non-ids dropped */
	assert_int_equal(c.way_in.nruns, 1);
	assert_int_equal(c.way_in.runs[0].high, 0);
	assert_int_equal(c.way_in.runs[0].nids, 0);
	assert_int_equal(c.way_in.nacc, 0);
	assert_int_equal(c.way_in.nrestores, 0);
	rp_case_release(&c);
	rp_store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(entry_validation),
		cmocka_unit_test(runs_states_actions_close),
		cmocka_unit_test(close_refused_until_fixed_or_accepted),
		cmocka_unit_test(hostile_entries_ignored),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
