/* Log files as evidence: gzip (members, truncation, corruption), UTF-16, lines, times. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "mail-log-util.h"

static void
gzip_of(const char *s, size_t len, struct rp_buf *out)
{
	z_stream z = { 0 };
	size_t at = out->len;

	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
	assert_int_equal(rp_buf_grow(out, deflateBound(&z, len) + 32), 0);
	z.next_in = (Bytef *)(uintptr_t)s;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out->buf + at;
	z.avail_out = (uInt)(out->alloc - at - 1);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	out->len = at + z.total_out;
	out->buf[out->len] = '\0';
	deflateEnd(&z);
}

/* All lines, joined by '|', then "!" and rp_logfile_error when it ended early. */
static char *
lines(const void *data, size_t len, size_t max_line)
{
	struct rp_logfile_opts o = { 0, max_line };
	struct rp_logfile *f = NULL;
	struct rp_buf b = RP_BUF_INIT;
	const char *l;
	size_t n;
	int r;

	assert_int_equal(rp_logfile_open_mem(data, len, &o, &f), 0);
	while ((r = rp_logfile_line(f, &l, &n)) != 0) {
		if (r == RP_ERR_TOOBIG)
			rp_buf_addstr(&b, "<long>|");
		else
			rp_buf_add(&b, l, n), rp_buf_addch(&b, '|');
	}
	if (rp_logfile_error(f))
		rp_buf_addf(&b, "!%d", rp_logfile_error(f));
	rp_logfile_free(f);
	return rp_buf_detach(&b, NULL);
}

static void
logfile_plain(void **state)
{
	char *s = lines("a\r\nb\n\nlast", 10, 0);

	assert_string_equal(s, "a|b||last|");
	free(s);
	s = lines("\xef\xbb\xbfhead\n0123456789\nok\n0123456789", 32, 7);
	assert_string_equal(s, "head|<long>|ok|<long>|");
	free(s);
	s = lines("", 0, 0);
	assert_string_equal(s, "");
	free(s);
}

static void
logfile_gzip(void **state)
{
	struct rp_buf gz = RP_BUF_INIT;
	char *s;

	/* two members in a row, as `cat a.gz b.gz` */
	gzip_of("one\ntwo\n", 8, &gz);
	gzip_of("three\n", 6, &gz);
	s = lines(gz.buf, gz.len, 0);
	assert_string_equal(s, "one|two|three|");
	free(s);
	/* trailing zeros after the last member are ignored, as gzip does */
	rp_buf_add(&gz, "\0\0\0\0", 4);
	s = lines(gz.buf, gz.len, 0);
	assert_string_equal(s, "one|two|three|");
	free(s);
	/* cut short: the whole lines before the cut, then the damage said */
	rp_buf_reset(&gz);
	gzip_of("line 1\nline 2\nline 3 is longer than the others\n", 48, &gz);
	s = lines(gz.buf, gz.len - 12, 0);
	assert_int_equal(strncmp(s, "line 1|line 2|", 14), 0);
	assert_non_null(strstr(s, "!-7"));
	free(s);
	/* corrupt in the middle */
	gz.buf[14] ^= 0x55;
	gz.buf[15] ^= 0x55;
	s = lines(gz.buf, gz.len, 0);
	assert_non_null(strstr(s, "!-7"));
	free(s);
	/* only the magic */
	s = lines("\x1f\x8b\x08", 3, 0);
	assert_string_equal(s, "!-7");
	free(s);
	rp_buf_release(&gz);
}

static void
logfile_utf16(void **state)
{
	/* "Zürich\n" and U+1F600 in UTF-16LE with its BOM, then a lone surrogate */
	static const char le[] = "\xff\xfe" "Z\0\xfc\0r\0i\0" "c\0h\0\n\0" "=\xd8\x00\xde" "\n\0"
	    "\x00\xd8" "x\0";
	static const char be[] = "\xfe\xff" "\0a\0\n\0b";
	char *s = lines(le, sizeof(le) - 1, 0);

	assert_string_equal(s, "Z\xc3\xbcrich|\xf0\x9f\x98\x80|\xef\xbf\xbdx|");
	free(s);
	s = lines(be, sizeof(be) - 1, 0);
	assert_string_equal(s, "a|b|");
	free(s);
}

static void
logfile_evidence(void **state)
{
	char dir[] = "/tmp/rp-logfile.XXXXXX", path[64];
	struct timespec ts[2] = { { 1700000000, 0 }, { 1700000100, 0 } };
	struct rp_logfile *f = NULL;
	struct stat a, b;
	const char *l, *h;
	size_t n;
	int fd;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/mail.log", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "x\ny\n", 4), 4);
	assert_int_equal(futimens(fd, ts), 0);
	close(fd);
	assert_int_equal(stat(path, &a), 0);
	assert_int_equal(rp_logfile_open(AT_FDCWD, path, NULL, &f), 0);
	assert_int_equal(rp_logfile_mtime(f), 1700000100);
	assert_int_equal(rp_logfile_head(f, &h, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(rp_logfile_line(f, &l, &n), 1);
	assert_int_equal(rp_logfile_line(f, &l, &n), 1);
	assert_string_equal(l, "y");
	assert_int_equal(rp_logfile_line(f, &l, &n), 0);
	assert_int_equal(rp_logfile_rewind(f), 0);
	assert_int_equal(rp_logfile_line(f, &l, &n), 1);
	assert_string_equal(l, "x");
	rp_logfile_free(f);
	assert_int_equal(stat(path, &b), 0);
	assert_int_equal(a.st_atim.tv_sec, b.st_atim.tv_sec);
	assert_int_equal(a.st_atim.tv_nsec, b.st_atim.tv_nsec);
	assert_int_equal(a.st_mtim.tv_sec, b.st_mtim.tv_sec);
	assert_int_equal(a.st_ctim.tv_sec, b.st_ctim.tv_sec);
	/* not a regular file, a link */
	assert_int_equal(rp_logfile_open(AT_FDCWD, dir, NULL, &f), RP_ERR_INVALID);
	snprintf(path, sizeof(path), "%s/link", dir);
	assert_int_equal(symlink("mail.log", path), 0);
	assert_true(rp_logfile_open(AT_FDCWD, path, NULL, &f) < 0);
	unlink(path);
	snprintf(path, sizeof(path), "%s/mail.log", dir);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(logfile_plain),
		cmocka_unit_test(logfile_gzip),
		cmocka_unit_test(logfile_utf16),
		cmocka_unit_test(logfile_evidence),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
