/* watch's decompression probe (lib/respond/compressed.c) over lib/detect's format
 * checks on a head (rp_format_stream_head): real streams of each format, whole and
 * cut short, and fake headers in front of random bytes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "detect/format.h"
#include "respond/compressed.h"

#define N 200000

static unsigned char text[N], rnd[N], out[N + 4096];
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static void
fill(void)
{
	static const char words[] = "Patient record, follow-up consultation, invoice CHF ";
	size_t i;

	for (i = 0; i < N; i++) {
		rng ^= rng >> 12;
		rng ^= rng << 25;
		rng ^= rng >> 27;
		rnd[i] = (unsigned char)((rng * 0x2545f4914f6cdd1dULL) >> 56);
		/* text with some variety, so that streams run over several blocks */
		text[i] = (unsigned char)(i % 97 == 96 ? '\n' : words[(i * 7 + i / 89 + rnd[i] % 3) %
		    (sizeof(words) - 1)]);
	}
}

static size_t
deflated(unsigned char *dst, size_t cap, int wbits)
{
	z_stream z;
	size_t n;

	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = text;
	z.avail_in = N;
	z.next_out = dst;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	n = cap - z.avail_out;
	deflateEnd(&z);
	return n;
}

/* valid whole, valid cut anywhere from mincut bytes on, not valid with the data
 * replaced by random bytes behind the same first hdr bytes */
static void
expect_stream(const char *fmt, unsigned char *p, size_t n, size_t hdr, size_t mincut)
{
	static const size_t cuts[] = { 65536, 20000, 4096, 1500 };
	struct rp_fmt_result res;
	size_t i;

	assert_true(n > 4096);
	assert_int_equal(rp_compressed_valid(p, n), 1);
	assert_non_null(rp_format_stream_head(p, n, &res));
	assert_string_equal(rp_format_stream_head(p, n, &res), fmt);
	for (i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
		if (cuts[i] >= n || cuts[i] < mincut)
			continue;
		if (rp_compressed_valid(p, cuts[i]) != 1)
			fail_msg("%s cut at %zu: not valid (%s)", fmt, cuts[i],
			    rp_format_stream_head(p, cuts[i], &res) ? "decoder" : res.reason);
	}
	memcpy(p + hdr, rnd, n - hdr);
	assert_int_equal(rp_compressed_valid(p, n), 0);
	assert_int_equal(rp_compressed_valid(p, 4096), 0);
}

static void
gzip_streams(void **state)
{
	size_t n = deflated(out, sizeof(out), 16 + MAX_WBITS);

	/* behind the member header the deflate data must decode */
	expect_stream("gzip", out, n, 10, 0);
	/* reserved flag bits: no gzip member at all */
	n = deflated(out, sizeof(out), 16 + MAX_WBITS);
	out[3] = 0x80;
	assert_int_equal(rp_compressed_valid(out, n), 0);
}

static void
xz_streams(void **state)
{
	size_t n = 0;

	assert_int_equal(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, NULL, text, N, out, &n,
	    sizeof(out)), LZMA_OK);
	/* a valid stream header (with its CRC) and random data: liblzma refuses it */
	expect_stream("xz", out, n, 12, 0);
	memcpy(out, "\xfd" "7zXZ\0", 6);
	memcpy(out + 6, rnd, 100);
	assert_int_equal(rp_compressed_valid(out, n), 0);
}

static void
zstd_streams(void **state)
{
	size_t n = ZSTD_compress(out, sizeof(out), text, N, 3);

	assert_false(ZSTD_isError(n));
	/* libzstd gives nothing out before a whole block (up to 128 KiB of content) is in:
	 * a head cut inside the first block does not count as valid (as before) */
	assert_int_equal(rp_compressed_valid(out, 4096), 0);
	assert_string_equal(rp_format_stream_head(out, 4096, NULL), "zstd");
	assert_true(n > 65536);      /* so that a cut at 64 KiB is tested */
	expect_stream("zstd", out, n, 6, 65536);
}

/* a zip being written: the first local header and its data, no central directory */
static size_t
zip_head(unsigned char *p, unsigned method, unsigned flags)
{
	static const char name[] = "Befund.docx";
	size_t n = 30 + sizeof(name) - 1;

	memset(p, 0, 30);
	memcpy(p, "PK\3\4", 4);
	p[4] = 20;
	p[6] = (unsigned char)flags;
	p[8] = (unsigned char)method;
	p[26] = sizeof(name) - 1;
	memcpy(p + 30, name, sizeof(name) - 1);
	return n;
}

static void
zip_streams(void **state)
{
	size_t h = zip_head(out, 8, 0);
	size_t n = h + deflated(out + h, sizeof(out) - h, -MAX_WBITS);

	expect_stream("zip", out, n, h, 0);
	/* stored and encrypted entries are taken as they are */
	h = zip_head(out, 0, 0);
	memcpy(out + h, text, 5000);
	assert_int_equal(rp_compressed_valid(out, h + 5000), 1);
	h = zip_head(out, 8, 1);
	memcpy(out + h, rnd, 5000);
	assert_int_equal(rp_compressed_valid(out, h + 5000), 1);
	/* a method that is not a compressed stream's, in front of random bytes */
	h = zip_head(out, 6, 0);
	memcpy(out + h, rnd, 5000);
	assert_int_equal(rp_compressed_valid(out, h + 5000), 0);
	/* a header that runs past the head */
	h = zip_head(out, 8, 0);
	out[26] = 0xff;
	assert_int_equal(rp_compressed_valid(out, 200), 0);
	/* an end of central directory record, then random: no archive */
	memcpy(out, "PK\5\6", 4);
	memcpy(out + 4, rnd, 5000);
	assert_int_equal(rp_compressed_valid(out, 5004), 0);
}

static void
sevenzip_heads(void **state)
{
	unsigned char h[4096];
	uint32_t crc;

	memcpy(h + 32, rnd, sizeof(h) - 32);
	memcpy(h, "7z\xbc\xaf\x27\x1c\x00\x04", 8);
	/* next header 100,000 bytes on, beyond the head: not examined */
	memset(h + 12, 0, 20);
	h[13] = 0x86;
	h[14] = 0x01;    /* offset 0x18600 */
	h[20] = 0x40;    /* size 64 */
	crc = (uint32_t)crc32(0, h + 12, 20);
	h[8] = (unsigned char)crc;
	h[9] = (unsigned char)(crc >> 8);
	h[10] = (unsigned char)(crc >> 16);
	h[11] = (unsigned char)(crc >> 24);
	assert_int_equal(rp_compressed_valid(h, sizeof(h)), 1);
	/* the start header's CRC-32 must match */
	h[14] ^= 1;
	assert_int_equal(rp_compressed_valid(h, sizeof(h)), 0);
}

static void
neither_text_nor_random_nor_other_formats(void **state)
{
	static const unsigned char png[] = "\x89PNG\r\n\x1a\n";

	assert_int_equal(rp_compressed_valid(text, 8192), 0);
	assert_int_equal(rp_compressed_valid(rnd, 8192), 0);
	assert_int_equal(rp_compressed_valid(rnd, 0), 0);
	memcpy(out, png, 8);
	memcpy(out + 8, rnd, 8192);
	assert_int_equal(rp_compressed_valid(out, 8200), 0);
	assert_null(rp_format_stream_head(out, 8200, NULL));
	/* bzip2 is not one of the streams watch decodes */
	memcpy(out, "BZh91AY&SY", 10);
	assert_null(rp_format_stream_head(out, 8200, NULL));
}

static void
on_a_descriptor(void **state)
{
	char path[] = "/tmp/rp-test-compressed.XXXXXX";
	size_t n = deflated(out, sizeof(out), 16 + MAX_WBITS);
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	/* a gzip still being written: the first 30,000 bytes */
	assert_int_equal(write(fd, out, 30000), 30000);
	assert_true(n > 30000);
	assert_int_equal(rp_compressed_valid_fd(fd), 1);
	assert_int_equal(pwrite(fd, rnd, 20000, 10), 20000);
	assert_int_equal(rp_compressed_valid_fd(fd), 0);
	close(fd);
	assert_int_equal(rp_compressed_valid_fd(-1), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(gzip_streams),
		cmocka_unit_test(xz_streams),
		cmocka_unit_test(zstd_streams),
		cmocka_unit_test(zip_streams),
		cmocka_unit_test(sevenzip_heads),
		cmocka_unit_test(neither_text_nor_random_nor_other_formats),
		cmocka_unit_test(on_a_descriptor),
	};

	fill();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
