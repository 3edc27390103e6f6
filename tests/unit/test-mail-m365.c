/* The Microsoft 365 message trace reader: both exports, dates, statuses, bad rows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "mail-log-util.h"
#include "mail/maillog-int.h"

static void
m365_get_messagetrace(void **state)
{
	/* Get-MessageTrace | Export-Csv (PowerShell 5 writes #TYPE first), a BOM, CRLF,
	 * a subject with a comma, a quote and a newline */
	CHECK_LOG(
	    "\xef\xbb\xbf#TYPE Deserialized.Microsoft.Exchange.Management.FfoReporting.MessageTrace\r\n"
	    "\"PSComputerName\",\"RunspaceId\",\"PSShowComputerName\",\"Organization\",\"MessageId\",\"Received\",\"SenderAddress\",\"RecipientAddress\",\"Subject\",\"Status\",\"ToIP\",\"FromIP\",\"Size\",\"MessageTraceId\",\"StartDate\",\"EndDate\",\"Index\"\r\n"
	    "\"x\",\"r\",\"False\",\"praxis.onmicrosoft.com\",\"<20261119.4@praxis-muster.example>\",\"11/19/2026 2:45:31 PM\",\"anna@praxis-muster.example\",\"Auftrag@Labor.example\",\"Rechnung, \"\"November\"\"\r\nTeil 2\",\"Delivered\",\"192.0.2.10\",\"10.0.0.5\",\"48213\",\"0b6a-11\",\"11/18/2026 12:00:00 AM\",\"11/20/2026 12:00:00 AM\",\"0\"\r\n"
	    "\"x\",\"r\",\"False\",\"o\",\"<20261119.4@praxis-muster.example>\",\"11/19/2026 2:45:32 PM\",\"anna@praxis-muster.example\",\"hidden@bcc.example\",\"s\",\"Failed\",\"\",\"\",\"48213\",\"0b6a-12\",\"\",\"\",\"1\"\r\n"
	    "\"x\",\"r\",\"False\",\"o\",\"<m2@x>\",\"11/19/2026 12:05:00 AM\",\"anna@praxis-muster.example\",\"team@praxis-muster.example\",\"s\",\"Expanded\",\"\",\"\",\"10\",\"t3\",\"\",\"\",\"2\"\r\n"
	    "\"x\",\"r\",\"False\",\"o\",\"<m3@x>\",\"13/19/2026 2:45:31 PM\",\"a@b.example\",\"c@d.example\",\"s\",\"Delivered\",\"\",\"\",\"1\",\"t4\",\"\",\"\",\"3\"\r\n"
	    "\"x\",\"r\",\"False\",\"o\",\"<m4@x>\",\"11/19/2026 2:45:31 PM\",\"a@b.example\",\"\",\"s\",\"Delivered\",\"\",\"\",\"1\",\"t5\",\"\",\"\",\"4\"\r\n"
	    "\"x\",\"unterminated,\"11/19/2026 2:45:31 PM\r\n"
	    "\"x\",\"r\",\"False\",\"o\",\"<m5@x>\",\"2026-11-19T14:50:00.1234567Z\",\"a@b.example\",\"e@f.example\",\"s\",\"Pending\",\"\",\"\",\"1\",\"t6\",\"\",\"\",\"5\"\r\n",
	    0,
	    "2026-11-19T14:45:31Z m365 0b6a-11 <20261119.4@praxis-muster.example> anna@praxis-muster.example -> auftrag@labor.example delivered subj=Rechnung, \"November\"\r\nTeil 2 size=48213 @3\n"
	    "2026-11-19T14:45:32Z m365 0b6a-12 <20261119.4@praxis-muster.example> anna@praxis-muster.example -> hidden@bcc.example bounced subj=s size=48213 @5\n"
	    "2026-11-19T00:05:00Z m365 t3 <m2@x> anna@praxis-muster.example -> team@praxis-muster.example expanded subj=s size=10 @6\n"
	    "2026-11-19T14:50:00Z m365 t6 <m5@x> a@b.example -> e@f.example pending subj=s size=1 @10\n"
	    "m365 lines=9 records=4 other=0 malformed=3 too_long=0 damaged=0\n");
}

static void
m365_summary_report(void **state)
{
	CHECK_LOG(
	    "origin_timestamp_utc,sender_address,recipient_status,message_subject,total_bytes,message_id,network_message_id,original_client_ip,directionality,connector_id,delivery_priority\n"
	    "2026-11-19T14:45:31.000Z,anna@praxis-muster.example,\"a@labor.example##Receive, Deliver;b@labor.example##Receive, Fail\",Rechnung,48213,<m6@x>,n1,10.0.0.5,Originating,,Normal\n",
	    0,
	    "2026-11-19T14:45:31Z m365 n1 <m6@x> anna@praxis-muster.example -> a@labor.example delivered subj=Rechnung size=48213 @2\n"
	    "2026-11-19T14:45:31Z m365 n1 <m6@x> anna@praxis-muster.example -> b@labor.example bounced subj=Rechnung size=48213 @2\n"
	    "m365-summary lines=2 records=2 other=0 malformed=0 too_long=0 damaged=0\n");
}

static void
hosted_dates(void **state)
{
	static const struct { const char *s; int us; int64_t t; } ok[] = {
		{ "11/19/2026 2:45:31 PM", 1, 1795099531 },
		{ "11/19/2026 12:45:31 AM", 1, 1795049131 },
		{ "19/11/2026 14:45:31", 1, 1795099531 },
		{ "05/11/2026 14:45:31", 0, 1793889931 },
		{ "19.11.2026 14:45:31", 1, 1795099531 },
		{ "2026-11-19T15:45:31+01:00", 1, 1795099531 },
		{ "2026-11-19 14:45:31", 1, 1795099531 },
		{ "2026/11/19 14:45:31 UTC", 1, 1795099531 },
		{ "Nov 19, 2026, 3:45:31 PM GMT+1", 1, 1795099531 },
		{ "Thu, 19 Nov 2026 14:45:31 +0000", 1, 1795099531 },
		{ "Nov 19, 2026, 2:45 PM", 1, 1795099500 },
	};
	static const char *const bad[] = { "", "yesterday", "11/19/26 2:45 PM", "13/13/2026 1:00",
		"2/30/2026 1:00:00", "11/19/2026 13:00:00 PM", "Foo 19, 2026, 2:45 PM", "1/2/3/4/5/6/7/8/9" };
	size_t i;
	int64_t t;

	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		t = 0;
		if (rp_hosted_date(ok[i].s, strlen(ok[i].s), ok[i].us, &t) != 0 || t != ok[i].t)
			print_error("%s -> %lld\n", ok[i].s, (long long)t);
		assert_int_equal(rp_hosted_date(ok[i].s, strlen(ok[i].s), ok[i].us, &t), 0);
		assert_int_equal(t, ok[i].t);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (rp_hosted_date(bad[i], strlen(bad[i]), 1, &t) == 0)
			print_error("%s accepted\n", bad[i]);
		assert_int_equal(rp_hosted_date(bad[i], strlen(bad[i]), 1, &t), RP_ERR_FORMAT);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(m365_get_messagetrace),
		cmocka_unit_test(m365_summary_report),
		cmocka_unit_test(hosted_dates),
	};

	setenv("TZ", "Europe/Zurich", 1);   /* exports are UTC whatever the local zone */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
