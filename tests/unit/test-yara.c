/*
 * The libyara adapter's length bound (yara.h: rp_yara_rules_too_long): a buffer of that
 * length or longer is answered "no match" without a scan, so the bound must be a proof
 * from the rules' text: every condition opens with `filesize < N and`, with no `or`
 * outside parentheses. Any other form, or a comment or string that could hide one,
 * leaves the set unbounded, and then a long buffer still matches.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "detect/yara.h"

static char dir[] = "/tmp/rp-test-yara.XXXXXX";

/* Compiles the one rule file TEXT (written on disk, as `mail --rules DIR` reads). */
static struct rp_yara_rules *
compile(const char *text)
{
	char path[512];
	struct rp_yara_rules *r = NULL;
	struct rp_buf err = RP_BUF_INIT;
	size_t n = strlen(text);
	int fd;

	snprintf(path, sizeof(path), "%s/t.yar", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
	/* "none/": no built-in file, the directory's alone */
	if (rp_yara_compile_dir(&r, NULL, "none/", dir, &err) != 0)
		fail_msg("%s: %s", text, err.buf);
	rp_buf_release(&err);
	return r;
}

/* Does a buffer of LEN bytes holding WORD match the rules? */
static int
matches(struct rp_yara_rules *r, const char *word, size_t len)
{
	struct rp_yara_scanner *s;
	char buf[4096], rule[64];
	size_t wl = strlen(word);
	int m;

	assert_true(len <= sizeof(buf) && wl <= len);
	/* clamped as well: cmocka's assert does not tell gcc it stops here, and gcc -O1
	 * with the sanitizers then sees a memset past buf (-Warray-bounds) */
	len = len < sizeof(buf) ? len : sizeof(buf);
	wl = wl < len ? wl : len;
	memset(buf, ' ', len);
	memcpy(buf, word, wl);
	assert_int_equal(rp_yara_scanner_new(&s, r), 0);
	m = rp_yara_match(s, buf, len, rule, sizeof(rule));
	rp_yara_scanner_free(s);
	assert_true(m >= 0);
	return m;
}

static void
builtin_sets(void **state)
{
	struct rp_yara_rules *r;
	struct rp_buf err = RP_BUF_INIT;

	(void)state;
	/* every short-note rule says filesize < 600 (or less) */
	assert_int_equal(rp_yara_compile_set(&r, NULL, "rules-short/", &err), 0);
	assert_int_equal(rp_yara_rules_too_long(r), 600);
	rp_yara_rules_free(r);
	/* the evidence rule: filesize <= 4096 */
	assert_int_equal(rp_yara_compile_set(&r, NULL, "rules-evidence/", &err), 0);
	assert_int_equal(rp_yara_rules_too_long(r), 4097);
	rp_yara_rules_free(r);
	/* the main set's "filesize < 2MB" is not read: unbounded */
	assert_int_equal(rp_yara_compile(&r, NULL, &err), 0);
	assert_true(rp_yara_rules_too_long(r) == SIZE_MAX);
	rp_yara_rules_free(r);
	rp_buf_release(&err);
}

static void
bounded_forms(void **state)
{
	struct rp_yara_rules *r;

	(void)state;
	r = compile("rule a\n{\n    strings:\n        $a = \"alpha\"\n        $b = \"bravo\"\n"
	    "    condition:\n        filesize < 100 and ($a or\n            $b) // (or)\n}\n");
	assert_int_equal(rp_yara_rules_too_long(r), 100);
	assert_int_equal(matches(r, "bravo", 99), 1);
	assert_int_equal(matches(r, "bravo", 100), 0);
	rp_yara_rules_free(r);

	r = compile("rule a\n{\n    strings:\n        $a = \"alpha\"\n"
	    "    condition:\n        filesize <= 100 and not ($a and $a)\n}\n"
	    "private rule b\n{\n    condition:\n        filesize < 300\n}\n");
	assert_int_equal(rp_yara_rules_too_long(r), 300);
	rp_yara_rules_free(r);
}

static void
unbounded_forms(void **state)
{
	static const char *const conds[] = {
		"filesize < 100 and $a or $b",          /* (filesize < 100 and $a) or $b */
		"filesize < 100 and /* ( */ $a or $b",  /* a comment's parenthesis */
		"filesize < 100 and ($a) or ($b)",
		"$b and filesize < 100 and not $a",
		"filesize < 1KB and $b and not $a",
		"filesize < 0x64 and $b and not $a",
		"filesize > 100 and $b and not $a",
		"filesize < 100 and ($b or \"x(\" contains \"(\") and not $a",   /* a string */
		"not filesize < 100 and $b and not $a",
	};
	char src[512];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(conds) / sizeof(conds[0]); i++) {
		struct rp_yara_rules *r;

		snprintf(src, sizeof(src), "rule a\n{\n    strings:\n        $a = \"alpha\"\n"
		    "        $b = \"bravo\"\n    condition:\n        %s\n}\n", conds[i]);
		r = compile(src);
		assert_true(rp_yara_rules_too_long(r) == SIZE_MAX);
		if (i < 3)   /* a long buffer still matches */
			assert_int_equal(matches(r, "bravo", 2000), 1);
		rp_yara_rules_free(r);
	}
	/* a rule in a comment is read, but libyara compiles one rule less: unbounded */
	{
		struct rp_yara_rules *r = compile(
		    "/*\nrule old\n{\n    condition:\n        filesize < 10\n}\n*/\n"
		    "rule a\n{\n    strings:\n        $b = \"bravo\"\n"
		    "    condition:\n        filesize < 100 and $b\n}\n");

		assert_true(rp_yara_rules_too_long(r) == SIZE_MAX);
		rp_yara_rules_free(r);
	}
	/* one rule unbounded leaves the set unbounded; a rule on one line is not read */
	{
		struct rp_yara_rules *r = compile(
		    "rule a\n{\n    condition:\n        filesize < 10\n}\n"
		    "rule b { strings: $b = \"bravo\" condition: $b }\n");

		assert_true(rp_yara_rules_too_long(r) == SIZE_MAX);
		assert_int_equal(matches(r, "bravo", 2000), 1);
		rp_yara_rules_free(r);
	}
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char path[512];

	(void)state;
	snprintf(path, sizeof(path), "%s/t.yar", dir);
	unlink(path);
	return rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_sets),
		cmocka_unit_test(bounded_forms),
		cmocka_unit_test(unbounded_forms),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
