/* The RFC 4180 reader (lib/core/csvread.c): quoting, exports' quirks, bounds, recovery. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/csvread.h"
#include "core/err.h"

/* Every record as "f1|f2|...", one per line; a skipped record as "!FORMAT@line" or
 * "!TOOBIG@line"; records read through a source that gives chunk bytes at a time
 * (0: all from memory). */
struct src {
	const char *p;
	size_t len, pos, chunk;
};

static int
src_read(void *ctx, char *buf, size_t len, size_t *got)
{
	struct src *s = ctx;
	size_t n = s->len - s->pos;

	if (n > len)
		n = len;
	if (n > s->chunk)
		n = s->chunk;
	memcpy(buf, s->p + s->pos, n);
	s->pos += n;
	*got = n;
	return 0;
}

static char *
dump(const char *in, size_t len, const struct rp_csvr_opts *o, size_t chunk)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_csvr *c = NULL;
	struct src s = { in, len, 0, chunk };
	const struct rp_csvr_field *f;
	size_t n, i;
	int r;

	if (chunk)
		assert_int_equal(rp_csvr_new(src_read, &s, o, &c), 0);
	else
		assert_int_equal(rp_csvr_new_mem(in, len, o, &c), 0);
	while ((r = rp_csvr_next(c, &f, &n)) != 0) {
		if (r == RP_ERR_FORMAT || r == RP_ERR_TOOBIG) {
			rp_buf_addf(&b, "!%s@%zu\n", r == RP_ERR_FORMAT ? "FORMAT" : "TOOBIG",
			    rp_csvr_line(c));
			continue;
		}
		assert_int_equal(r, 1);
		rp_buf_addf(&b, "%zu:", rp_csvr_line(c));
		for (i = 0; i < n; i++) {
			assert_int_equal(f[i].p[f[i].len], '\0');
			rp_buf_add(&b, f[i].p, f[i].len);
			rp_buf_addch(&b, i + 1 < n ? '|' : '\n');
		}
	}
	rp_csvr_free(c);
	return rp_buf_detach(&b, NULL);
}

static void
check(const char *in, const struct rp_csvr_opts *o, const char *want)
{
	size_t chunks[] = { 0, 1, 2, 7, 4096 }, i;

	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		char *got = dump(in, strlen(in), o, chunks[i]);

		if (strcmp(got, want) != 0)
			print_error("chunk %zu:\n%s\n---\n%s\n", chunks[i], got, want);
		assert_string_equal(got, want);
		free(got);
	}
}

static void
csv_rfc4180(void **state)
{
	check("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n", NULL,
	    "1:a|b|c\n2:1|x, y|say \"hi\"\n");
	/* a newline inside quotes; the next record's line number counts it */
	check("Subject,Size\n\"two\nlines\",42\nlast,1", NULL,
	    "1:Subject|Size\n2:two\nlines|42\n4:last|1\n");
	/* empty fields, empty lines, a CRLF after a quoted field */
	check(",,\n\n\r\n\"\",x\r\n\"q\"\r\n", NULL, "1:||\n4:|x\n5:q\n");
}

static void
csv_export_quirks(void **state)
{
	/* the byte-order mark of Microsoft's exports, only at the start */
	check("\xef\xbb\xbf" "Received,SenderAddress\n1,\xef\xbb\xbfx\n", NULL,
	    "1:Received|SenderAddress\n2:1|\xef\xbb\xbfx\n");
	/* a German Outlook writes ';'; tabs too */
	check("Vorname;Nachname;E-Mail-Adresse\nA;B;a@b.example\n", NULL,
	    "1:Vorname|Nachname|E-Mail-Adresse\n2:A|B|a@b.example\n");
	check("a\tb\tc,d\n1\t2,3\n", NULL, "1:a|b|c,d\n2:1|2,3\n");
	/* a stray quote inside a plain field, text after a closing quote */
	check("5\" disk,\"a\"b\n", NULL, "1:5\" disk|ab\n");
	/* a forced separator */
	check("a;b,c\n", &(struct rp_csvr_opts){ .sep = ',' }, "1:a;b|c\n");
}

static void
csv_unterminated_quote(void **state)
{
	/* the quote never closes: that record goes, the reader resumes on the next line */
	check("h1,h2\n\"open,1\nok,2\nok,3\n", NULL, "1:h1|h2\n!FORMAT@2\n3:ok|2\n4:ok|3\n");
	/* a quote that swallows more than max_lines lines */
	check("\"x\na\nb\nc\nd\n", &(struct rp_csvr_opts){ .max_lines = 3 },
	    "!FORMAT@1\n2:a\n3:b\n4:c\n5:d\n");
}

static void
csv_bounds(void **state)
{
	struct rp_buf in = RP_BUF_INIT;
	char *got;
	size_t i;

	/* a 10 MB line (under the 1 MiB default bound) is skipped, the rest read */
	rp_buf_addstr(&in, "a,b\n");
	for (i = 0; i < (size_t)10 << 20; i++)
		rp_buf_addch(&in, 'x');
	rp_buf_addstr(&in, "\nc,d\n");
	got = dump(in.buf, in.len, NULL, 0);
	assert_string_equal(got, "1:a|b\n!TOOBIG@2\n3:c|d\n");
	free(got);
	got = dump(in.buf, in.len, NULL, 65536);
	assert_string_equal(got, "1:a|b\n!TOOBIG@2\n3:c|d\n");
	free(got);
	/* the same in quotes: given up at the bound, resumed after the next newline */
	rp_buf_reset(&in);
	rp_buf_addstr(&in, "\"");
	for (i = 0; i < 5000; i++)
		rp_buf_addch(&in, 'y');
	rp_buf_addstr(&in, "\nc,d\n");
	got = dump(in.buf, in.len, &(struct rp_csvr_opts){ .max_record = 1024 }, 0);
	assert_string_equal(got, "!TOOBIG@1\n2:c|d\n");
	free(got);
	rp_buf_release(&in);
	/* too many fields */
	check("a,b,c,d\n1,2\n", &(struct rp_csvr_opts){ .max_fields = 3 }, "!TOOBIG@1\n2:1|2\n");
	/* binary junk: NULs and bytes of no encoding are fields like any other */
	got = dump("\x00\xff,\x01\n", 5, NULL, 0);
	assert_memory_equal(got, "1:\x00\xff|\x01\n", 8);
	free(got);
}

/* Strict: a file typed by hand. The first fault is the end, and it says why. */
static void
csv_strict(void **state)
{
	static const struct rp_csvr_opts strict = { .strict = 1 };
	static const struct { const char *in, *want, *why; } t[] = {
		/* well-formed: as the lenient reader, CRLF after a quoted field included */
		{ "\xef\xbb\xbf" "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\r\n\"two\r\nlines\",2,3\n\n"
		  "\r\nlast,\"\",z", "1:a|b|c\n2:x, y|say \"hi\"|\n3:two\r\nlines|2|3\n7:last||z\n",
		  NULL },
		{ "asset;value\n\"q\"\r\n", "1:asset|value\n2:q\n", NULL },
		{ "a,b\n\"open,c\nd\ne,f\n", "1:a|b\n!FORMAT@2\n", "not closed" },
		{ "a,b\n\"x\"y,c\ne,f\n", "1:a|b\n!FORMAT@2\n", "after the closing quote" },
		{ "a,b\n\"x\"\r\r\ne,f\n", "1:a|b\n!FORMAT@2\n", "after the closing quote" },
		{ "a,b\nx\"y,c\ne,f\n", "1:a|b\n!FORMAT@2\n", "double the quote" },
	};
	const struct rp_csvr_field *f;
	struct rp_csvr *c;
	size_t i, n;
	int r;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		check(t[i].in, &strict, t[i].want);
		assert_int_equal(rp_csvr_new_mem(t[i].in, strlen(t[i].in), &strict, &c), 0);
		while ((r = rp_csvr_next(c, &f, &n)) == 1)
			assert_null(rp_csvr_why(c));
		if (t[i].why == NULL) {
			assert_int_equal(r, 0);
		} else {
			assert_int_equal(r, RP_ERR_FORMAT);
			assert_non_null(strstr(rp_csvr_why(c), t[i].why));
			assert_int_equal(rp_csvr_next(c, &f, &n), 0);   /* stopped */
		}
		rp_csvr_free(c);
	}
	/* a bound is the end too */
	check("x,x,x\ny,y\n", &(struct rp_csvr_opts){ .strict = 1, .max_fields = 2 },
	    "!TOOBIG@1\n");
}

static void
csv_bad_options(void **state)
{
	struct rp_csvr *c = NULL;

	assert_int_equal(rp_csvr_new_mem("", 0, &(struct rp_csvr_opts){ .sep = 'x' }, &c),
	    RP_ERR_INVALID);
	assert_null(c);
	rp_csvr_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_rfc4180),
		cmocka_unit_test(csv_export_quirks),
		cmocka_unit_test(csv_unterminated_quote),
		cmocka_unit_test(csv_bounds),
		cmocka_unit_test(csv_strict),
		cmocka_unit_test(csv_bad_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
