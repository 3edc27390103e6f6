/* The text of an HTML/HTA note (lib/detect/htmltext.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "detect/htmltext.h"

static const char *
text(const char *html)
{
	static unsigned char out[4096];
	size_t n = strlen(html), o = 12345;

	assert_true(n < sizeof(out));
	assert_int_equal(rp_htmltext_strip((const unsigned char *)html, n, out, &o), 0);
	assert_true(o <= n);
	out[o] = '\0';
	return (const char *)out;
}

static void
html_is_recognised(void **state)
{
	static const char *const yes[] = { "<html><body>x</body></html>", "<HTML>", "a<br>b",
	    "<P>one</P>", "<p class=\"x\">", "<!DOCTYPE html>", "<hta:application id=x>",
	    "<div>", "x <Head>" };
	static const char *const no[] = { "", "a < b and c > d", "x <= 3", "<note>",
	    "Dear <name>,", "<<<", "<pre" };
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!rp_htmltext_is_html((const unsigned char *)yes[i], strlen(yes[i])))
			fail_msg("not HTML: %s", yes[i]);
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (rp_htmltext_is_html((const unsigned char *)no[i], strlen(no[i])))
			fail_msg("HTML: %s", no[i]);
}

static void
tags_entities_style(void **state)
{
	/* block tags break words apart, inline tags join them */
	assert_string_equal(text("<p>files</p><p>encrypted</p>"), "\nfiles\n\nencrypted\n");
	assert_string_equal(text("your<br>files<BR/>are<br />gone"), "your\nfiles\nare\ngone");
	assert_string_equal(text("en<b>crypt</b>ed <span>now</span>"), "encrypted now");
	/* style sheets, scripts and comments are not text */
	assert_string_equal(text("<style>body{color:red}</style>a<script>x=1<2</script>b<!-- c -->d"),
	    "abd");
	assert_string_equal(text("<STYLE type=\"text/css\">p{}</STYLE>x"), "x");
	/* character references: decimal, hexadecimal, named; Cyrillic as UTF-8 */
	assert_string_equal(text("&#1092;&#1072;&#1081;&#1083;"), "\xd1\x84\xd0\xb0\xd0\xb9\xd0\xbb");
	assert_string_equal(text("&#x444;&#X430;"), "\xd1\x84\xd0\xb0");
	assert_string_equal(text("a&amp;b&lt;c&gt;&quot;&apos;&nbsp;d"), "a&b<c>\"' d");
	assert_string_equal(text("&#x1F512;"), "\xf0\x9f\x94\x92");
	/* NUL, surrogates, too large, unknown, unterminated */
	assert_string_equal(text("a&#0;b&#xd800;c&#x110000;d"), "a b c d");
	assert_string_equal(text("&copy; &#; &#12 &#x; &"), "&copy; &#; &#12 &#x; &");
	assert_string_equal(text("&#999999999999;"), "&#999999999999;");
	/* a '<' without its '>' stays text; an unclosed style or comment ends the text */
	assert_string_equal(text("1 < 2"), "1 < 2");
	assert_string_equal(text("a<style>b"), "a");
	assert_string_equal(text("a<!-- b"), "a");
	assert_string_equal(text("a</p"), "a</p");
	assert_string_equal(text(""), "");
}

/* A note's text is as long as it reads (issue 20): a French note of 16 lines, a title
 * and a <p> around each line, was 602 bytes of text for 470 that read, past the
 * short-note rules' 600. */
static void
white_space_as_read(void **state)
{
	static const char note[] =
	    "<html><head><meta charset=\"utf-8\"><title>VOTRE R\xc3\x89SEAU A \xc3\x89T\xc3\x89 "
	    "P\xc3\x89N\xc3\x89TR\xc3\x89</title><style>body{color:#e33}</style></head>\r\n"
	    "<body>\r\n<p>Tous vos fichiers ont \xc3\xa9t\xc3\xa9 chiffr\xc3\xa9s !</p>\r\n"
	    "<p>  ecrivez   \t a  x1@airmail.cc  </p>\r\n\r\n\r\n<p>ID : d65e4dd44ce7</p>\r\n"
	    "</body></html>\r\n";

	assert_string_equal(text(note), "\n\nVOTRE R\xc3\x89SEAU A \xc3\x89T\xc3\x89 "
	    "P\xc3\x89N\xc3\x89TR\xc3\x89\n\nTous vos fichiers ont \xc3\xa9t\xc3\xa9 "
	    "chiffr\xc3\xa9s !\n\necrivez a x1@airmail.cc\n\nID : d65e4dd44ce7\n\n");
	/* words stay apart, whatever separates them; a line break has no space beside it */
	assert_string_equal(text("<p>a\tb\r\nc</p>"), "\na b\nc\n");
	assert_string_equal(text("<div>x </div> <div> y</div>"), "\nx\n\ny\n");
	assert_string_equal(text("  <br>  <br>  <br>  <br>z"), "\n\nz");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(html_is_recognised),
		cmocka_unit_test(tags_entities_style),
		cmocka_unit_test(white_space_as_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
