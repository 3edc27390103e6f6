/* The Postfix log reader: lines tied by queue id, statuses, state bounds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "mail-log-util.h"

static const char postfix_log[] =
"Nov 19 14:45:30 mx postfix/smtpd[811]: 4ABC123DEF: client=ws1.praxis.example[10.0.0.5], sasl_method=PLAIN, sasl_username=anna\n"
"Nov 19 14:45:30 mx postfix/cleanup[812]: 4ABC123DEF: message-id=<20261119.1@praxis-muster.example>\n"
"Nov 19 14:45:30 mx postfix/qmgr[700]: 4ABC123DEF: from=<Anna@Praxis-Muster.example>, size=48213, nrcpt=3 (queue active)\n"
"Nov 19 14:45:31 mx postfix/smtp[813]: 4ABC123DEF: to=<auftrag@labor.example>, relay=mx.labor.example[192.0.2.10]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9XYZ)\n"
"Nov 19 14:45:31 mx postfix/smtp[813]: 4ABC123DEF: to=<hidden@bcc.example>, orig_to=<Hidden@BCC.example>, relay=mx.bcc.example[192.0.2.11]:25, delay=1.2, dsn=2.0.0, status=sent (250 ok, id=1, x=y)\n"
"Nov 19 14:45:32 mx postfix/smtp[814]: 4ABC123DEF: to=<slow@later.example>, relay=none, delay=2, dsn=4.4.1, status=deferred (connect to mx.later.example[192.0.2.12]:25: Connection timed out)\n"
"Nov 19 14:45:33 mx postfix/qmgr[700]: 4ABC123DEF: removed\n"
"Nov 19 14:46:00 mx postfix/smtpd[811]: NOQUEUE: reject: RCPT from unknown[198.51.100.1]: 554 5.7.1 Relay access denied; from=<x@spam.example> to=<y@z.example> proto=ESMTP helo=<x>\n"
"Nov 19 14:47:00 mx postfix/smtp[815]: 4ABC123DEF: to=<reused@id.example>, relay=x[192.0.2.13]:25, dsn=5.1.1, status=bounced (user unknown)\n"
"Nov 19 14:47:01 mx postfix/local[816]: 4T8fQc1Zx2z9rxN: to=<anna@praxis-muster.example>, relay=local, delay=0.1, status=sent (delivered to mailbox)\n"
"Nov 19 14:47:02 mx postfix/smtp[817]: 5DEFAB: to=<broken, status=sent\n"
"Nov 19 14:47:03 mx postfix/smtp[818]: 4DDDDD1111: to=<probe@x.example>, relay=x, status=deliverable (250 ok)\n"
"Nov 19 14:47:04 mx kernel: [1.0] eth0 up\n"
"garbage line\n";

static void
postfix_deliveries(void **state)
{
	CHECK_LOG(postfix_log, 2026,
	    "2026-11-19T14:45:31Z postfix 4ABC123DEF <20261119.1@praxis-muster.example> anna@praxis-muster.example -> auftrag@labor.example delivered size=48213 @4\n"
	    "2026-11-19T14:45:31Z postfix 4ABC123DEF <20261119.1@praxis-muster.example> anna@praxis-muster.example -> hidden@bcc.example delivered orig=hidden@bcc.example size=48213 @5\n"
	    "2026-11-19T14:45:32Z postfix 4ABC123DEF <20261119.1@praxis-muster.example> anna@praxis-muster.example -> slow@later.example deferred size=48213 @6\n"
	    "2026-11-19T14:47:00Z postfix 4ABC123DEF <>  -> reused@id.example bounced @9\n"
	    "2026-11-19T14:47:01Z postfix 4T8fQc1Zx2z9rxN <>  -> anna@praxis-muster.example delivered @10\n"
	    "syslog lines=14 records=5 other=3 malformed=2 too_long=0 damaged=0\n");
}

static void
postfix_rfc3339(void **state)
{
	/* rsyslog's RSYSLOG_FileFormat and RFC 5424: the year and zone are written */
	CHECK_LOG(
	    "2026-11-19T15:45:30.123456+01:00 mx postfix/cleanup[1]: 4ABCDE: message-id=<m@x>\n"
	    "<22>1 2026-11-19T14:45:30Z mx postfix/qmgr 700 - - 4ABCDE: from=<a@praxis.example>, size=10, nrcpt=1 (queue active)\n"
	    "<22>1 2026-11-19T14:45:31.5Z mx postfix/smtp 813 - [meta x=\"a\\]b\"] 4ABCDE: to=<b@c.example>, relay=r, status=sent (ok)\n",
	    0,
	    "2026-11-19T14:45:31Z postfix 4ABCDE <m@x> a@praxis.example -> b@c.example delivered size=10 @3\n"
	    "syslog lines=3 records=1 other=0 malformed=0 too_long=0 damaged=0\n");
}

static void
postfix_state_bounded(void **state)
{
	struct rp_buf in = RP_BUF_INIT;
	char *got;
	size_t i;

	/* many queue ids never removed: the state is swept, the reading goes on */
	for (i = 0; i < 210000; i++)
		rp_buf_addf(&in, "Nov 19 14:45:30 mx postfix/cleanup[1]: Q%07zu: message-id=<%zu@x>\n", i, i);
	rp_buf_addstr(&in, "Nov 19 14:45:31 mx postfix/smtp[2]: Q0209999: to=<a@b.example>, status=sent (ok)\n");
	got = read_log(in.buf, in.len, 2026, NULL);
	assert_non_null(strstr(got, "<209999@x>  -> a@b.example delivered"));
	free(got);
	rp_buf_release(&in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(postfix_deliveries),
		cmocka_unit_test(postfix_rfc3339),
		cmocka_unit_test(postfix_state_bounded),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
