/* The libpst adapter's fix of libpst 0.6.76's leak (lib/mail/pst.c):
 * mail_pst_uncompress frees the source exactly when libpst drops it without freeing
 * (Z_OK, the whole buffer filled), and never when libpst frees it itself. Under ASan
 * (the sanitizer pass) a source not freed is a leak and one freed twice an error. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "mail/internal.h"

#define N 20000

/* a compressed copy of N bytes of text (*zlen bytes, malloc'd as libpst's zbuf is) */
static unsigned char *
deflated(unsigned char *plain, unsigned long *zlen)
{
	unsigned long cap = compressBound(N);
	unsigned char *z = malloc(cap);

	for (size_t i = 0; i < N; i++)
		plain[i] = (unsigned char)("Rechnung mit neuer Bankverbindung "[i % 34] + (i / 997) % 3);
	assert_non_null(z);
	assert_int_equal(compress(z, &cap, plain, N), Z_OK);
	*zlen = cap;
	return z;
}

/* libpst's success: Z_OK and the inflated size it expected: the source is freed here */
static void
pst_uncompress_frees_on_success(void **state)
{
	unsigned char plain[N], out[N];
	unsigned long zlen, outlen = N;
	unsigned char *z = deflated(plain, &zlen);

	assert_int_equal(mail_pst_uncompress(out, &outlen, z, zlen), Z_OK);
	assert_int_equal(outlen, N);
	assert_memory_equal(out, plain, N);
	/* z is gone: under ASan, freeing it again here would fail the test */
}

/* libpst's failure paths free zbuf themselves: the source must stay the caller's */
static void
pst_uncompress_keeps_on_failure(void **state)
{
	unsigned char plain[N], out[N + 100];
	unsigned long zlen, outlen;
	unsigned char *z = deflated(plain, &zlen);

	outlen = N - 1;                   /* too small: Z_BUF_ERROR */
	assert_int_equal(mail_pst_uncompress(out, &outlen, z, zlen), Z_BUF_ERROR);
	outlen = N + 100;                 /* Z_OK but fewer bytes than expected */
	assert_int_equal(mail_pst_uncompress(out, &outlen, z, zlen), Z_OK);
	assert_int_equal(outlen, N);
	z[zlen / 2] ^= 0x55;              /* damaged: a data error (or a short result) */
	z[zlen / 2 + 1] ^= 0xAA;
	outlen = N;
	{
		int r = mail_pst_uncompress(out, &outlen, z, zlen);

		assert_true(r != Z_OK || outlen != N);
	}
	free(z);                          /* ours still: ASan reports a double free if not */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pst_uncompress_frees_on_success),
		cmocka_unit_test(pst_uncompress_keeps_on_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
