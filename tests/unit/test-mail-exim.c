/* The Exim log reader: mainlog and syslog forms, old and new ids, every flag. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "mail-log-util.h"

static void
exim_mainlog(void **state)
{
	CHECK_LOG(
	    "2026-11-19 14:45:30 1vABCD-000123-Ab <= anna@praxis-muster.example H=ws1 [10.0.0.5] P=esmtpsa A=login:anna S=48213 id=20261119.2@praxis-muster.example T=\"Rechnung \\\"November\\\"\" from <anna@praxis-muster.example> for a@b.example\n"
	    "2026-11-19 14:45:31 1vABCD-000123-Ab => auftrag@labor.example R=dnslookup T=remote_smtp H=mx.labor.example [192.0.2.10] X=TLS1.3 C=\"250 OK\"\n"
	    "2026-11-19 14:45:31 1vABCD-000123-Ab -> second@labor.example R=dnslookup T=remote_smtp H=mx.labor.example [192.0.2.10]\n"
	    "2026-11-19 14:45:32 1vABCD-000123-Ab => /var/mail/anna <anna@praxis-muster.example> R=localuser T=local_delivery\n"
	    "2026-11-19 14:45:32 1vABCD-000123-Ab => user (alias@praxis-muster.example) <alias@praxis-muster.example> R=x\n"
	    "2026-11-19 14:45:33 1vABCD-000123-Ab ** nobody@gone.example R=dnslookup T=remote_smtp: SMTP error from remote mail server after RCPT TO:<nobody@gone.example>: 550 no\n"
	    "2026-11-19 14:45:34 1vABCD-000123-Ab == later@slow.example R=dnslookup T=remote_smtp defer (-53): retry time not reached\n"
	    "2026-11-19 14:45:35 1vABCD-000123-Ab Completed\n"
	    "2026-11-19 14:45:36 +0100 [4711] 1vABCE-0000000124-Abcd <= <> R=1vABCD-000123-Ab U=Debian-exim P=local S=1999\n"
	    "2026-11-19 14:45:37 +0100 [4711] 1vABCE-0000000124-Abcd => anna@praxis-muster.example R=local_user T=mail_spool\n"
	    "2026-11-19 14:45:38 SMTP connection from [198.51.100.1] lost\n"
	    "2026-11-19 14:45:39 1vABCD-000123 <= broken id\n"
	    "not a line\n",
	    0,
	    "2026-11-19T14:45:31Z exim 1vABCD-000123-Ab <20261119.2@praxis-muster.example> anna@praxis-muster.example -> auftrag@labor.example delivered subj=Rechnung \"November\" size=48213 @2\n"
	    "2026-11-19T14:45:31Z exim 1vABCD-000123-Ab <20261119.2@praxis-muster.example> anna@praxis-muster.example -> second@labor.example delivered subj=Rechnung \"November\" size=48213 @3\n"
	    "2026-11-19T14:45:32Z exim 1vABCD-000123-Ab <20261119.2@praxis-muster.example> anna@praxis-muster.example -> anna@praxis-muster.example delivered orig=anna@praxis-muster.example subj=Rechnung \"November\" size=48213 @4\n"
	    "2026-11-19T14:45:32Z exim 1vABCD-000123-Ab <20261119.2@praxis-muster.example> anna@praxis-muster.example -> alias@praxis-muster.example delivered orig=alias@praxis-muster.example subj=Rechnung \"November\" size=48213 @5\n"
	    "2026-11-19T14:45:33Z exim 1vABCD-000123-Ab <20261119.2@praxis-muster.example> anna@praxis-muster.example -> nobody@gone.example bounced subj=Rechnung \"November\" size=48213 @6\n"
	    "2026-11-19T14:45:34Z exim 1vABCD-000123-Ab <20261119.2@praxis-muster.example> anna@praxis-muster.example -> later@slow.example deferred subj=Rechnung \"November\" size=48213 @7\n"
	    "2026-11-19T13:45:37Z exim 1vABCE-0000000124-Abcd <>  -> anna@praxis-muster.example delivered size=1999 @10\n"
	    "exim-mainlog lines=13 records=7 other=2 malformed=1 too_long=0 damaged=0\n");
}

static void
exim_syslog(void **state)
{
	CHECK_LOG(
	    "Nov 19 14:45:30 mx exim[811]: 1vABCD-000123-Ab <= a@praxis.example H=x S=10 id=m1@x\n"
	    "Nov 19 14:45:31 mx exim4[812]: 1vABCD-000123-Ab => b@c.example R=r T=t H=mx [192.0.2.1]\n",
	    2026,
	    "2026-11-19T14:45:31Z exim 1vABCD-000123-Ab <m1@x> a@praxis.example -> b@c.example delivered size=10 @2\n"
	    "syslog lines=2 records=1 other=0 malformed=0 too_long=0 damaged=0\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exim_mainlog),
		cmocka_unit_test(exim_syslog),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
