/* The Google Workspace email log search export reader. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "mail-log-util.h"

static void
google_export(void **state)
{
	CHECK_LOG(
	    "Date,Sender,Recipient,Subject,Message ID,Status\n"
	    "2026/11/19 14:45:31 UTC,Anna <anna@praxis-muster.example>,auftrag@labor.example,Rechnung,<20261119.5@praxis-muster.example>,Delivered\n"
	    "\"Nov 19, 2026, 3:46:00 PM GMT+1\",anna@praxis-muster.example,x@y.example,Re,<m7@x>,Bounced\n"
	    "2026-11-19T14:47:00Z,anna@praxis-muster.example,z@y.example,Re,<m8@x>,Something new\n"
	    "not a date,anna@praxis-muster.example,z@y.example,Re,<m9@x>,Delivered\n",
	    0,
	    "2026-11-19T14:45:31Z google  <20261119.5@praxis-muster.example> anna@praxis-muster.example -> auftrag@labor.example delivered subj=Rechnung @2\n"
	    "2026-11-19T14:46:00Z google  <m7@x> anna@praxis-muster.example -> x@y.example bounced subj=Re @3\n"
	    "2026-11-19T14:47:00Z google  <m8@x> anna@praxis-muster.example -> z@y.example other subj=Re @4\n"
	    "google lines=5 records=3 other=0 malformed=1 too_long=0 damaged=0\n");
	/* other spellings; no status column: every row a delivery */
	CHECK_LOG(
	    "Timestamp;From;Recipients;RFC 822 Message ID\n"
	    "2026-11-19 14:45:31;a@praxis.example;b@c.example, d@e.example;m10@x\n",
	    0,
	    "2026-11-19T14:45:31Z google  <m10@x> a@praxis.example -> b@c.example delivered @2\n"
	    "2026-11-19T14:45:31Z google  <m10@x> a@praxis.example -> d@e.example delivered @2\n"
	    "google lines=2 records=2 other=0 malformed=0 too_long=0 damaged=0\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(google_export),
	};

	setenv("TZ", "Europe/Zurich", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
