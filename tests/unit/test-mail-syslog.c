/* Syslog headers and the year of yearless lines. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "mail-log-util.h"
#include "mail/maillog-int.h"

static void
syslog_headers(void **state)
{
	struct rp_syslog_hdr h;

	assert_int_equal(rp_syslog_parse("Nov  9 04:05:06 mx postfix/smtp[1]: x", 37, &h), 0);
	assert_int_equal(h.has_year, 0);
	assert_int_equal(h.mon, 10);
	assert_int_equal(h.day, 9);
	assert_int_equal(h.proglen, 12);
	assert_memory_equal(h.msg, "x", 1);
	assert_int_equal(rp_syslog_time(&h, 2026), 1794197106);
	assert_int_equal(rp_syslog_parse("2026-11-09T05:05:06+01:00 mx sm-mta: y", 38, &h), 0);
	assert_int_equal(h.has_year, 1);
	assert_int_equal(h.time, 1794197106);
	assert_int_equal(rp_syslog_parse("Foo  9 04:05:06 mx a: b", 23, &h), RP_ERR_FORMAT);
	assert_int_equal(rp_syslog_parse("Nov 39 04:05:06 mx a: b", 23, &h), RP_ERR_FORMAT);
	assert_int_equal(rp_syslog_parse("Nov  9 04:05:06 mx", 18, &h), RP_ERR_FORMAT);
	assert_int_equal(rp_syslog_parse("<13>1 2026-11-09T04:05:06Z h a 1 - [x", 37, &h), RP_ERR_FORMAT);
}

#define LINE(d) d " mx postfix/smtp[1]: ABCDE1: to=<a@b.example>, status=sent (ok)\n"

static void
syslog_year_rollover(void **state)
{
	/* December to January: the year moves on; a late December line after January
	 * stays in the year before; --year is the first line's year */
	CHECK_LOG(LINE("Dec 31 23:59:58") LINE("Jan  1 00:00:01") LINE("Dec 31 23:59:59")
	    LINE("Jan  2 00:00:00"), 2025,
	    "2025-12-31T23:59:58Z postfix ABCDE1 <>  -> a@b.example delivered @1\n"
	    "2026-01-01T00:00:01Z postfix ABCDE1 <>  -> a@b.example delivered @2\n"
	    "2025-12-31T23:59:59Z postfix ABCDE1 <>  -> a@b.example delivered @3\n"
	    "2026-01-02T00:00:00Z postfix ABCDE1 <>  -> a@b.example delivered @4\n"
	    "syslog lines=4 records=4 other=0 malformed=0 too_long=0 damaged=0\n");
	/* inferred: the reference time (2026-11-18) is the last line's year unless the
	 * last line's month is later than its month */
	CHECK_LOG(LINE("Dec 31 23:59:58") LINE("Jan  1 00:00:01"), 0,
	    "2025-12-31T23:59:58Z postfix ABCDE1 <>  -> a@b.example delivered @1\n"
	    "2026-01-01T00:00:01Z postfix ABCDE1 <>  -> a@b.example delivered @2\n"
	    "syslog lines=2 records=2 other=0 malformed=0 too_long=0 damaged=0\n");
	CHECK_LOG(LINE("Dec 24 10:00:00"), 0,
	    "2025-12-24T10:00:00Z postfix ABCDE1 <>  -> a@b.example delivered @1\n"
	    "syslog lines=1 records=1 other=0 malformed=0 too_long=0 damaged=0\n");
	CHECK_LOG(LINE("Nov 18 10:00:00"), 0,
	    "2026-11-18T10:00:00Z postfix ABCDE1 <>  -> a@b.example delivered @1\n"
	    "syslog lines=1 records=1 other=0 malformed=0 too_long=0 damaged=0\n");
}

static void
syslog_hostile(void **state)
{
	struct rp_buf in = RP_BUF_INIT;
	char *got;
	size_t i;

	/* a 10 MB line between two good ones; binary junk; NULs */
	rp_buf_addstr(&in, LINE("Nov 18 10:00:00"));
	for (i = 0; i < (size_t)10 << 20; i++)
		rp_buf_addch(&in, (char)('a' + i % 26));
	rp_buf_add(&in, "\n\x01\x02\xff\xfe junk \x00 here\n", 18);
	rp_buf_addstr(&in, LINE("Nov 18 10:00:01"));
	got = read_log(in.buf, in.len, 2026, NULL);
	assert_string_equal(got,
	    "2026-11-18T10:00:00Z postfix ABCDE1 <>  -> a@b.example delivered @1\n"
	    "2026-11-18T10:00:01Z postfix ABCDE1 <>  -> a@b.example delivered @4\n"
	    "syslog lines=4 records=2 other=0 malformed=1 too_long=1 damaged=0\n");
	free(got);
	rp_buf_release(&in);
}

static void
syslog_unknown(void **state)
{
	int r = 0;
	char *got = read_log("just some text\nnothing here\n", 28, 0, &r);

	assert_int_equal(r, RP_ERR_FORMAT);
	assert_string_equal(got, "unknown lines=0 records=0 other=0 malformed=0 too_long=0 damaged=0\n");
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(syslog_headers),
		cmocka_unit_test(syslog_year_rollover),
		cmocka_unit_test(syslog_hostile),
		cmocka_unit_test(syslog_unknown),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
