/* The Sendmail log reader: from= and to= lines by queue id, recipient lists, stat=. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "mail-log-util.h"

static void
sendmail_lines(void **state)
{
	CHECK_LOG(
	    "Nov 19 14:45:30 mx sm-mta[811]: 4AJEjUx1012345: from=<anna@praxis-muster.example>, size=48213, class=0, nrcpts=3, msgid=<20261119.3@praxis-muster.example>, bodytype=8BITMIME, proto=ESMTP, daemon=MTA, relay=ws1 [10.0.0.5]\n"
	    "Nov 19 14:45:31 mx sm-mta[812]: 4AJEjUx1012345: to=<a@labor.example>,<b@labor.example>, ctladdr=<anna@praxis-muster.example> (1000/1000), delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120, relay=mx.labor.example. [192.0.2.10], dsn=2.0.0, stat=Sent (Ok: queued as 9XYZ)\n"
	    "Nov 19 14:45:32 mx sendmail[813]: 4AJEjUx1012345: to=c@slow.example, delay=00:00:02, mailer=esmtp, pri=120, relay=mx.slow.example., dsn=4.0.0, stat=Deferred: Connection timed out with mx.slow.example.\n"
	    "Nov 19 14:45:33 mx sm-mta[814]: 4AJEjUx1012345: to=\"Doe, John\" <d@gone.example>, delay=00:00:03, mailer=esmtp, dsn=5.1.1, stat=User unknown\n"
	    "Nov 19 14:45:34 mx sm-mta[815]: 4AJEjUx1012345: 4AJEjUx2012345: DSN: User unknown\n"
	    "Nov 19 14:45:35 mx sm-mta[816]: STARTTLS=client, relay=mx, version=TLSv1.3\n"
	    "Nov 19 14:45:36 mx sm-mta[817]: 4AJEjUx3012345: to=, stat=Sent\n",
	    2026,
	    "2026-11-19T14:45:31Z sendmail 4AJEjUx1012345 <20261119.3@praxis-muster.example> anna@praxis-muster.example -> a@labor.example delivered size=48213 @2\n"
	    "2026-11-19T14:45:31Z sendmail 4AJEjUx1012345 <20261119.3@praxis-muster.example> anna@praxis-muster.example -> b@labor.example delivered size=48213 @2\n"
	    "2026-11-19T14:45:32Z sendmail 4AJEjUx1012345 <20261119.3@praxis-muster.example> anna@praxis-muster.example -> c@slow.example deferred size=48213 @3\n"
	    "2026-11-19T14:45:33Z sendmail 4AJEjUx1012345 <20261119.3@praxis-muster.example> anna@praxis-muster.example -> d@gone.example bounced size=48213 @4\n"
	    "syslog lines=7 records=4 other=2 malformed=1 too_long=0 damaged=0\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sendmail_lines),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
