#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <time.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"

static void
buf_limits(void **state)
{
	struct rp_buf b;

	rp_buf_init(&b, 8);
	assert_string_equal(b.buf, "");
	assert_int_equal(rp_buf_addstr(&b, "12345678"), 0);
	assert_int_equal(rp_buf_addch(&b, 'x'), RP_ERR_TOOBIG);
	assert_int_equal(b.len, 8);
	assert_string_equal(b.buf, "12345678");
	rp_buf_reset(&b);
	assert_int_equal(rp_buf_addf(&b, "%d-%s", 42, "abcdefgh"), RP_ERR_TOOBIG);
	assert_int_equal(b.len, 0);
	assert_int_equal(rp_buf_addf(&b, "%d", 1234), 0);
	assert_string_equal(b.buf, "1234");
	rp_buf_release(&b);
	assert_int_equal(b.len, 0);
}

static void
buf_grows_and_detaches(void **state)
{
	struct rp_buf b = RP_BUF_INIT;
	char *p;
	size_t len, i;

	for (i = 0; i < 1000; i++)
		assert_int_equal(rp_buf_addf(&b, "%03zu", i % 1000), 0);
	assert_int_equal(b.len, 3000);
	p = rp_buf_detach(&b, &len);
	assert_int_equal(len, 3000);
	assert_memory_equal(p + 2997, "999", 3);
	assert_int_equal(b.len, 0);
	free(p);
}

static void
esc(void (*check)(const char *, size_t, const char *), const char *in, size_t n, const char *out)
{
	check(in, n, out);
}

static void
check_text(const char *in, size_t n, const char *out)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_esc_text(&b, in, n), 0);
	assert_string_equal(b.buf, out);
	rp_buf_release(&b);
}

static void
check_json(const char *in, size_t n, const char *out)
{
	struct rp_buf b = RP_BUF_INIT;
	int lossy = 0;

	assert_int_equal(rp_esc_json(&b, in, n, &lossy), 0);
	assert_string_equal(b.buf, out);
	rp_buf_release(&b);
}

static void
check_csv(const char *in, size_t n, const char *out)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_esc_csv(&b, in, n), 0);
	assert_string_equal(b.buf, out);
	rp_buf_release(&b);
}

static void
escapes_hostile_names(void **state)
{
	esc(check_text, "a\nb\tc\\d", 7, "a\\nb\\tc\\\\d");
	esc(check_text, "caf\xc3\xa9", 5, "caf\xc3\xa9");
	esc(check_text, "caf\xe9", 4, "caf\\xe9");
	esc(check_text, "\x1b[31m", 5, "\\x1b[31m");
	esc(check_text, "\xc2\x9b", 2, "\\xc2\\x9b");        /* C1 CSI */
	esc(check_json, "a\"b\\\n\x01", 6, "a\\\"b\\\\\\n\\u0001");
	esc(check_json, "caf\xe9", 4, "caf\\ufffd");
	esc(check_json, "\xed\xa0\x80", 3, "\\ufffd\\ufffd\\ufffd");   /* surrogate */
	esc(check_csv, "plain", 5, "plain");
	esc(check_csv, "a,b", 3, "\"a,b\"");
	esc(check_csv, "say \"hi\"", 8, "\"say \"\"hi\"\"\"");
	esc(check_csv, "=cmd|' /C calc'!A0", 18, "\"'=cmd|' /C calc'!A0\"");
	esc(check_csv, "two\nlines", 9, "two\\nlines");
}

static void
json_lossy_flag(void **state)
{
	struct rp_buf b = RP_BUF_INIT;
	int lossy = 0;

	assert_int_equal(rp_esc_json(&b, "ok", 2, &lossy), 0);
	assert_int_equal(lossy, 0);
	assert_int_equal(rp_esc_json(&b, "\xff", 1, &lossy), 0);
	assert_int_equal(lossy, 1);
	rp_buf_release(&b);
}

static void
json_kv_optional(void **state)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_buf_addstr(&b, "{\"a\":1"), 0);
	assert_int_equal(rp_json_kv(&b, "owner", "Muster \"IT\"\n"), 0);
	assert_int_equal(rp_json_kv(&b, "due", NULL), 0);
	assert_string_equal(b.buf, "{\"a\":1,\"owner\":\"Muster \\\"IT\\\"\\n\",\"due\":null");
	rp_buf_release(&b);
}

static void
json_members(void **state)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_json_kstr(&b, "a", "x\"\n\xff"), 0);
	rp_buf_addch(&b, ',');
	assert_int_equal(rp_json_kstr(&b, "b", NULL), 0);
	rp_buf_addch(&b, ',');
	assert_int_equal(rp_json_kstr(&b, NULL, "v"), 0);
	rp_buf_addch(&b, ',');
	assert_int_equal(rp_json_ktime(&b, "t", 1795000000), 0);
	rp_buf_addch(&b, ',');
	assert_int_equal(rp_json_ktime(&b, "u", RP_TIME_UNSET), 0);
	assert_string_equal(b.buf, "\"a\":\"x\\\"\\n\\ufffd\",\"b\":null,\"v\","
	    "\"t\":\"2026-11-18T11:06:40Z\",\"u\":null");
	rp_buf_release(&b);
}

static void
time_parse_and_format(void **state)
{
	struct rp_buf b = RP_BUF_INIT;
	int64_t t;
	long ns;

	assert_int_equal(rp_time_parse("2026-11-22T06:59:00Z", &t, NULL), 0);
	assert_int_equal(t, 1795330740);
	assert_int_equal(rp_time_parse("2026-11-22T07:59:00+01:00", &t, NULL), 0);
	assert_int_equal(t, 1795330740);
	assert_int_equal(rp_time_parse("2026-11-22T07:59:00.25+0100", &t, &ns), 0);
	assert_int_equal(t, 1795330740);
	assert_int_equal(ns, 250000000);
	assert_int_equal(rp_time_parse("2026-11-22Z", &t, NULL), 0);
	assert_int_equal(t, 1795305600);
	assert_int_equal(rp_time_parse("2026-02-29T00:00Z", &t, NULL), RP_ERR_FORMAT);
	assert_int_equal(rp_time_parse("2024-02-29T00:00Z", &t, NULL), 0);
	assert_int_equal(rp_time_parse("2026-13-01", &t, NULL), RP_ERR_FORMAT);
	assert_int_equal(rp_time_parse("yesterday", &t, NULL), RP_ERR_FORMAT);
	assert_int_equal(rp_time_parse("2026-11-22T06:59:00Zjunk", &t, NULL), RP_ERR_FORMAT);
	assert_int_equal(rp_time_fmt_utc(&b, 1795330740), 0);
	assert_string_equal(b.buf, "2026-11-22T06:59:00Z");
	rp_buf_release(&b);
}

static void
durations(void **state)
{
	int64_t s;

	assert_int_equal(rp_duration_parse("2h", &s), 0);
	assert_int_equal(s, 7200);
	assert_int_equal(rp_duration_parse("90", &s), 0);
	assert_int_equal(s, 90);
	assert_int_equal(rp_duration_parse("15m", &s), 0);
	assert_int_equal(s, 900);
	assert_int_equal(rp_duration_parse("-1h", &s), RP_ERR_FORMAT);
	assert_int_equal(rp_duration_parse("2hours", &s), RP_ERR_FORMAT);
}

static void
error_messages(void **state)
{
	assert_string_equal(rp_strerror(RP_ERR_NOMEM), "out of memory");
	assert_string_equal(rp_strerror(-9999), "unknown error");
}

/* The microsecond clock: monotonic, in step with the millisecond one, and it moves
 * (watch's spin measures its waits with it). */
static void
mono_clocks_agree(void **state)
{
	(void)state;
	int64_t ms0 = rp_time_mono_ms(), us0 = rp_time_mono_us();
	struct timespec d = { 0, 3000000 };
	nanosleep(&d, NULL);
	int64_t us1 = rp_time_mono_us(), ms1 = rp_time_mono_ms();
	assert_true(us1 - us0 >= 3000);
	assert_true(us0 / 1000 >= ms0 && us0 / 1000 <= ms0 + 1);
	assert_true(ms1 >= us1 / 1000 && ms1 <= us1 / 1000 + 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_limits),
		cmocka_unit_test(buf_grows_and_detaches),
		cmocka_unit_test(escapes_hostile_names),
		cmocka_unit_test(json_lossy_flag),
		cmocka_unit_test(json_kv_optional),
		cmocka_unit_test(json_members),
		cmocka_unit_test(time_parse_and_format),
		cmocka_unit_test(mono_clocks_agree),
		cmocka_unit_test(durations),
		cmocka_unit_test(error_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
