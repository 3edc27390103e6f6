/* Sampling: which regions a file of each size gets, reads through the sample, a file
 * that shrinks while it is read. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/err.h"
#include "detect/sample.h"

static void
plans(void **state)
{
	struct rp_sample s = { 0 };
	uint64_t total = 0;
	size_t i;

	rp_sample_plan(&s, 0, 0);
	assert_int_equal(s.nreg, 0);
	rp_sample_plan(&s, 1000, 0);
	assert_int_equal(s.nreg, 1);
	assert_int_equal(s.reg[0].len, 1000);
	rp_sample_plan(&s, RP_SAMPLE_WHOLE_MAX, 0);
	assert_int_equal(s.nreg, 1);
	/* a large file: head, strides, tail, sorted and disjoint, bounded */
	rp_sample_plan(&s, (uint64_t)10 << 30, 0);
	assert_int_equal(s.nreg, RP_SAMPLE_STRIDES + 2);
	assert_int_equal(s.reg[0].off, 0);
	assert_int_equal(s.reg[s.nreg - 1].off + s.reg[s.nreg - 1].len, (uint64_t)10 << 30);
	for (i = 0; i < s.nreg; i++) {
		total += s.reg[i].len;
		if (i)
			assert_true(s.reg[i].off >= s.reg[i - 1].off + s.reg[i - 1].len);
	}
	assert_true(total <= RP_SAMPLE_HEAD + RP_SAMPLE_TAIL + RP_SAMPLE_STRIDES * RP_SAMPLE_STRIDE_LEN);
	/* just above the whole-file limit: no room for strides, the middle is one region */
	rp_sample_plan(&s, RP_SAMPLE_WHOLE_MAX + 100, 0);
	for (i = 1; i < s.nreg; i++)
		assert_true(s.reg[i].off >= s.reg[i - 1].off + s.reg[i - 1].len);
	/* --full of a large file: head and tail kept, the engine streams the rest */
	rp_sample_plan(&s, (uint64_t)10 << 30, 1);
	assert_int_equal(s.nreg, 2);
}

static void
reads_and_shrinking(void **state)
{
	struct rp_sample s = { 0 };
	static unsigned char buf[3 << 20];
	unsigned char out[100];
	size_t i;
	int fd = memfd_create("t", 0);

	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 7);
	assert_int_equal(write(fd, buf, sizeof(buf)), (ssize_t)sizeof(buf));
	rp_sample_plan(&s, sizeof(buf), 0);
	assert_int_equal(rp_sample_load(&s, fd), 0);
	assert_non_null(rp_sample_get(&s, 10, 50));
	assert_memory_equal(rp_sample_get(&s, 10, 50), buf + 10, 50);
	assert_null(rp_sample_get(&s, RP_SAMPLE_HEAD - 10, 50));  /* crosses out of the head */
	/* outside the regions: a counted probe */
	assert_int_equal(rp_sample_pread(&s, out, 100, RP_SAMPLE_HEAD + 5), 100);
	assert_memory_equal(out, buf + RP_SAMPLE_HEAD + 5, 100);
	assert_int_equal(s.probe_bytes, 100);
	/* past the end: short read, nothing invented */
	assert_int_equal(rp_sample_pread(&s, out, 100, sizeof(buf) - 10), 10);
	/* the file shrinks between planning and reading */
	rp_sample_plan(&s, sizeof(buf), 0);
	assert_int_equal(ftruncate(fd, 100000), 0);
	assert_int_equal(rp_sample_load(&s, fd), RP_ERR_CHANGED);
	assert_int_equal(s.size, 100000);
	rp_sample_release(&s);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plans),
		cmocka_unit_test(reads_and_shrinking),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
