/* Sampling: which regions a file of each size gets, reads through the sample, a file
 * that shrinks while it is read, the prefetch of the planned regions. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <linux/magic.h>
#include <time.h>
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

/* 1 when [off, off+len) of the mapping is in the page cache (mincore starts no read) */
static int
resident(const unsigned char *map, uint64_t off, size_t len)
{
	long pg = sysconf(_SC_PAGESIZE);
	uint64_t start = off / (uint64_t)pg * (uint64_t)pg;
	size_t n = (size_t)((off + len - start + (uint64_t)pg - 1) / (uint64_t)pg), i;
	unsigned char vec[(RP_SAMPLE_HEAD / 4096) + 2];

	assert_true(n <= sizeof(vec));
	if (mincore((void *)(map + start), (size_t)(off + len - start), vec) != 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!(vec[i] & 1))
			return 0;
	return 1;
}

/*
 * The prefetch starts reading exactly the planned regions, and is no access: a read
 * right after the write would set the access time (relatime: atime <= mtime), the
 * prefetch must not. Needs a file system whose cache can be dropped (not tmpfs): the
 * residency part is skipped where it cannot be.
 */
static void
prefetch_reads_the_plan(void **state)
{
	static unsigned char buf[3 << 20];
	const char *dir = getenv("TMPDIR");
	char path[4096];
	struct rp_sample s = { 0 };
	struct stat before, after;
	struct statfs fs;
	unsigned char *map;
	struct timespec pause = { 0, 10 * 1000 * 1000 };
	size_t i;
	int fd, tries, ok = 0;

	snprintf(path, sizeof(path), "%s/rp-sample-XXXXXX", dir && *dir ? dir : "/var/tmp");
	if ((fd = mkstemp(path)) < 0) {
		snprintf(path, sizeof(path), "/tmp/rp-sample-XXXXXX");
		fd = mkstemp(path);
	}
	assert_true(fd >= 0);
	unlink(path);
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 13);
	assert_int_equal(write(fd, buf, sizeof(buf)), (ssize_t)sizeof(buf));
	assert_int_equal(fsync(fd), 0);
	assert_int_equal(posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED), 0);
	assert_int_equal(fstat(fd, &before), 0);
	rp_sample_prefetch(fd, sizeof(buf), 0);
	assert_int_equal(fstat(fd, &after), 0);
	assert_int_equal(after.st_atim.tv_sec, before.st_atim.tv_sec);
	assert_int_equal(after.st_atim.tv_nsec, before.st_atim.tv_nsec);
	assert_int_equal(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
	/* (the mapping, made after the time check, is what sets the access time) */
	map = mmap(NULL, sizeof(buf), PROT_READ, MAP_SHARED, fd, 0);
	assert_true(map != MAP_FAILED);
	if (fstatfs(fd, &fs) == 0 && fs.f_type == TMPFS_MAGIC) {
		/* a cache that cannot be dropped: nothing to learn here */
		munmap(map, sizeof(buf));
		close(fd);
		skip();
	}
	rp_sample_plan(&s, sizeof(buf), 0);
	assert_true(s.nreg > 2);
	/* the reads were started, not awaited: give them up to 5 s */
	for (tries = 0; tries < 500 && !ok; tries++) {
		ok = 1;
		for (i = 0; i < s.nreg && ok; i++)
			ok = resident(map, s.reg[i].off, (size_t)s.reg[i].len);
		if (!ok)
			nanosleep(&pause, NULL);
	}
	munmap(map, sizeof(buf));
	close(fd);
	if (!ok)
		fail_msg("the planned regions are not in memory 5 s after the prefetch");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plans),
		cmocka_unit_test(reads_and_shrinking),
		cmocka_unit_test(prefetch_reads_the_plan),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
