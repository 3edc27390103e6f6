/* The contact tracing engine (lib/mail/trace.c): classes, the join by Message-ID, the
 * window, clients by domain, the order of the lists. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/time.h"
#include "mail/trace.h"

static const char *const domains[] = { "praxis.example" };

static struct rp_trace *
new_trace(int64_t since, int64_t until)
{
	struct rp_trace_opts o = { since, until, NULL, 0, domains, 1, "de" };
	struct rp_trace *t = NULL;
	struct rp_ini *ini = NULL;
	static const char conf[] =
	    "[client]\nname = Labor AG\ncontact = auftrag@labor.example\nlanguage = de\n"
	    "[client]\nname = Cabinet SA\ncontact = Cabinet <x@cabinet.example>\nlanguage = fr\n"
	    "domains = cabinet-lyon.example, @cabinet-paris.example\n";

	assert_int_equal(rp_trace_new(&o, &t), 0);
	assert_int_equal(rp_ini_parse(conf, sizeof(conf) - 1, &ini, NULL), 0);
	assert_int_equal(rp_trace_clients(t, ini), 0);
	rp_ini_free(ini);
	return t;
}

/* a message of a store: from, to (one), id, date, verdict, an attachment or a URL */
static void
msg(struct rp_trace *t, const char *from, const char *to, const char *id, int64_t date,
    enum rp_mail_verdict v, int att, const char *url_host, const char *iban)
{
	struct rp_mail_msg m;
	struct rp_mail_addr rcpt = { to, "" };
	struct rp_mail_attachment a;
	struct rp_mail_url u;
	struct rp_mail_match x = { "ioc", "domain", "evil.example", "url", 0 };

	memset(&m, 0, sizeof(m));
	memset(&a, 0, sizeof(a));
	memset(&u, 0, sizeof(u));
	m.message_id = id;
	m.date = date;
	m.from.addr = from;
	m.from.name = "";
	m.to = &rcpt;
	m.nto = 1;
	m.subject = "s";
	m.verdict = v;
	m.bec_iban = iban;
	a.name = "a.pdf";
	a.sha256 = "00";
	if (att) {
		m.att = &a;
		m.natt = 1;
	}
	u.url = "https://x/";
	u.host = url_host;
	if (url_host) {
		m.urls = &u;
		m.nurls = 1;
	}
	if (v == RP_MAIL_MALICIOUS) {
		m.matches = &x;
		m.nmatches = 1;
	}
	m.loc.store = "store";
	m.loc.storelen = 5;
	assert_int_equal(rp_trace_message(t, &m), 0);
}

static void
dlv(struct rp_trace *t, const char *from, const char *to, const char *id, int64_t when,
    enum rp_maillog_status st)
{
	struct rp_maillog_rec r;

	memset(&r, 0, sizeof(r));
	r.time = when;
	r.source = "postfix";
	r.qid = "Q1";
	r.msgid = id;
	r.from = from;
	r.to = to;
	r.orig_to = r.subject = r.relay = r.detail = "";
	r.status = st;
	assert_int_equal(rp_trace_delivery(t, &r), 0);
}

static char *
lists(struct rp_trace *t, struct rp_trace_result *res)
{
	struct rp_buf b = RP_BUF_INIT;
	size_t i, j;

	assert_int_equal(rp_trace_finish(t, res), 0);
	for (i = 0; i < res->ncontacts; i++) {
		const struct rp_trace_contact *c = &res->contacts[i];

		rp_buf_addf(&b, "%s %s %s %s [", c->addr, rp_trace_class_name(c->cls),
		    c->client ? c->client : "-", c->lang);
		for (j = 0; j < c->nmsgids; j++)
			rp_buf_addf(&b, "%s%s", j ? " " : "", c->msgids[j]);
		rp_buf_addf(&b, "] %x\n", c->sources);
	}
	rp_buf_addf(&b, "%zu/%zu/%zu in %zu, log only %zu\n", res->infected, res->exposed,
	    res->precautionary, res->organisations, res->log_only);
	return rp_buf_detach(&b, NULL);
}

static void
trace_classes(void **state)
{
	struct rp_trace *t = new_trace(RP_TIME_UNSET, RP_TIME_UNSET);
	struct rp_trace_result res;
	struct rp_abook_entry e = { "auftrag@labor.example", "Anna", "", 1 };
	char *s;

	msg(t, "Me@Praxis.example", "auftrag@labor.example", "m1", 100, RP_MAIL_MALICIOUS, 0, NULL, NULL);
	msg(t, "me@praxis.example", "a@cabinet-lyon.example", "m2", 200, RP_MAIL_CLEAN, 1, NULL, NULL);
	msg(t, "me@praxis.example", "b@sub.cabinet.example", "m3", 300, RP_MAIL_CLEAN, 0, "www.praxis.example", NULL);
	msg(t, "me@praxis.example", "c@cabinet-paris.example", "m4", 400, RP_MAIL_CLEAN, 0, "other.example", NULL);
	msg(t, "me@praxis.example", "bank@victim.example", "m5", 500, RP_MAIL_CLEAN, 0, NULL, "LT121000011101001000");
	/* the site's own addresses are the affected mailboxes (domains =): not listed */
	msg(t, "me@praxis.example", "colleague@praxis.example", "m6", 500, RP_MAIL_MALICIOUS, 0, NULL, NULL);
	msg(t, "in@supplier.example", "me@praxis.example", "i1", 50, RP_MAIL_CLEAN, 0, NULL, NULL);
	/* logs: a Bcc of m1, a bounce of m2, a message no store holds, mail to us */
	dlv(t, "me@praxis.example", "bcc@hidden.example", "m1", 101, RP_ML_DELIVERED);
	dlv(t, "me@praxis.example", "gone@nowhere.example", "m2", 201, RP_ML_BOUNCED);
	dlv(t, "me@praxis.example", "deferred@x.example", "m1", 102, RP_ML_DEFERRED);
	dlv(t, "me@praxis.example", "logonly@y.example", "L1", 600, RP_ML_DELIVERED);
	dlv(t, "wrote@z.example", "me@praxis.example", "i2", 700, RP_ML_DELIVERED);
	dlv(t, "me@praxis.example", "auftrag@labor.example", "m1", 103, RP_ML_DELIVERED);
	assert_int_equal(rp_trace_abook(t, &e), 0);
	s = lists(t, &res);
	assert_string_equal(s,
	    /* organisations with an infected address first, by domain */
	    "bcc@hidden.example infected - de [m1] 2\n"
	    "auftrag@labor.example infected Labor AG de [m1] 7\n"
	    "bank@victim.example infected - de [m5] 1\n"
	    "deferred@x.example infected - de [m1] 2\n"
	    "a@cabinet-lyon.example exposed Cabinet SA fr [m2] 1\n"
	    "c@cabinet-paris.example exposed Cabinet SA fr [m4] 1\n"
	    "logonly@y.example exposed - de [L1] 2\n"
	    "gone@nowhere.example precautionary - de [m2] 2\n"
	    "b@sub.cabinet.example precautionary Cabinet SA fr [m3] 1\n"
	    "in@supplier.example precautionary - de [i1] 9\n"
	    "wrote@z.example precautionary - de [i2] a\n"
	    "4/3/4 in 11, log only 1\n");
	/* the names: the first header or book that gives one */
	assert_string_equal(res.contacts[1].name, "Anna");
	free(s);
	rp_trace_free(t);
}

static void
trace_window(void **state)
{
	struct rp_trace *t = new_trace(150, 450);
	struct rp_trace_result res;
	char *s;

	msg(t, "me@praxis.example", "early@a.example", "m1", 100, RP_MAIL_MALICIOUS, 0, NULL, NULL);
	msg(t, "me@praxis.example", "in@a.example", "m2", 200, RP_MAIL_MALICIOUS, 0, NULL, NULL);
	msg(t, "me@praxis.example", "late@a.example", "m3", 500, RP_MAIL_CLEAN, 1, NULL, NULL);
	dlv(t, "me@praxis.example", "bcc@a.example", "m1", 300, RP_ML_DELIVERED);
	dlv(t, "me@praxis.example", "old@a.example", "m9", 10, RP_ML_DELIVERED);
	s = lists(t, &res);
	/* m1 is outside the window, but a delivery of it inside is not: content unknown */
	assert_string_equal(s,
	    "in@a.example infected - de [m2] 1\n"
	    "bcc@a.example exposed - de [m1] 2\n"
	    "1/1/0 in 1, log only 1\n");
	free(s);
	rp_trace_free(t);
}

static void
trace_mailboxes(void **state)
{
	static const char *const boxes[] = { "me@praxis.example" };
	struct rp_trace_opts o = { RP_TIME_UNSET, RP_TIME_UNSET, boxes, 1, domains, 1, NULL };
	struct rp_trace_result res;
	struct rp_trace *t = NULL;
	char *s;

	assert_int_equal(rp_trace_new(&o, &t), 0);
	assert_int_equal(rp_trace_clients(t, NULL), 0);
	/* another mailbox of the site is not affected: its mail is no one's business here,
	 * but what it received from the affected one is */
	msg(t, "other@praxis.example", "x@a.example", "m1", 100, RP_MAIL_MALICIOUS, 0, NULL, NULL);
	msg(t, "me@praxis.example", "other@praxis.example", "m2", 100, RP_MAIL_MALICIOUS, 0, NULL, NULL);
	s = lists(t, &res);
	assert_string_equal(s, "other@praxis.example infected - en [m2] 1\n1/0/0 in 1, log only 0\n");
	free(s);
	assert_int_equal(rp_trace_finish(t, &res), RP_ERR_INVALID);   /* once */
	rp_trace_free(t);
	rp_trace_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(trace_classes),
		cmocka_unit_test(trace_window),
		cmocka_unit_test(trace_mailboxes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
