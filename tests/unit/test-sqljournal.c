/* watch's check of SQLite rollback journals (lib/respond/sqljournal.c): a journal
 * SQLite itself wrote (kept at its commit, before its delete), then the same
 * journal with its pages made random (checksums kept wrong, then made right), cut
 * in a record, with bytes after its last record, and a name that is not one. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/file.h"
#include "respond/sqljournal.h"

static unsigned char *jr;       /* the journal SQLite wrote */
static size_t jn;
static char dir[] = "/tmp/rp-sqljournal.XXXXXX";

static uint64_t rng = 0x243f6a8885a308d3ULL;

static unsigned char
rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (unsigned char)((rng * 0x2545f4914f6cdd1dULL) >> 56);
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* the check on len bytes of buf, through a descriptor as watch has one */
static int
check(const unsigned char *buf, size_t len)
{
	int fd = memfd_create("journal", MFD_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, len), (ssize_t)len);
	int r = rp_sqljournal_check(fd, len);
	close(fd);
	return r;
}

/* A VFS over the default one whose delete keeps the journal first (the last one): the journal as
 * SQLite leaves it at the commit (synced, each segment's header with its magic and
 * count), which is what watch reads at its close. */
static int (*orig_delete)(sqlite3_vfs *, const char *, int);

static int
keep_delete(sqlite3_vfs *vfs, const char *path, int sync_dir)
{
	size_t n = strlen(path);
	if (n > 8 && strcmp(path + n - 8, "-journal") == 0) {
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		struct stat st;
		free(jr);
		jn = 0;
		if (fd >= 0 && fstat(fd, &st) == 0 && (jr = malloc((size_t)st.st_size)) != NULL &&
		    rp_pread_full(fd, jr, (size_t)st.st_size, 0) == st.st_size)
			jn = (size_t)st.st_size;
		if (fd >= 0)
			close(fd);
	}
	return orig_delete(vfs, path, sync_dir);
}

static int
setup(void **state)
{
	(void)state;
	static sqlite3_vfs keep;
	char db[64];
	sqlite3 *s;
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/practice.sqlite", dir);
	keep = *sqlite3_vfs_find(NULL);
	orig_delete = keep.xDelete;
	keep.xDelete = keep_delete;
	keep.zName = "rp-keep";
	assert_int_equal(sqlite3_vfs_register(&keep, 0), SQLITE_OK);
	assert_int_equal(sqlite3_open_v2(db, &s, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "rp-keep"), SQLITE_OK);
	assert_int_equal(sqlite3_exec(s, "pragma journal_mode=delete; create table patient "
	    "(id integer primary key, notes text); begin", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_stmt *ins;
	assert_int_equal(sqlite3_prepare_v2(s, "insert into patient (notes) values (?)", -1, &ins, NULL), SQLITE_OK);
	for (int i = 0; i < 3000; i++) {
		char notes[200];
		snprintf(notes, sizeof(notes), "patient %d seen for a follow-up, invoice %d sent, referral "
		    "to the laboratory, result pending", i, i * 7);
		sqlite3_bind_text(ins, 1, notes, -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(ins), SQLITE_DONE);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	/* the last journal kept is this transaction's: 30 pages as they were */
	assert_int_equal(sqlite3_exec(s, "commit; begin; update patient set notes = 'changed' "
	    "where id % 97 = 0; commit", NULL, NULL, NULL), SQLITE_OK);
	assert_non_null(jr);
	assert_true(jn > 8192);
	sqlite3_close(s);
	sqlite3_vfs_unregister(&keep);
	unlink(db);
	rmdir(dir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	free(jr);
	return 0;
}

static void
test_real_journal(void **state)
{
	(void)state;
	assert_int_equal(check(jr, jn), 1);
}

static void
test_names(void **state)
{
	(void)state;
	assert_int_equal(rp_sqljournal_name("practice.sqlite-journal"), 1);
	assert_int_equal(rp_sqljournal_name("x-journal"), 1);
	assert_int_equal(rp_sqljournal_name("-journal"), 0);
	assert_int_equal(rp_sqljournal_name("practice.sqlite-wal"), 0);
	assert_int_equal(rp_sqljournal_name("journal.docx"), 0);
}

/* the pages of every record made random; fix: their checksums made right again
 * (a forger who knows SQLite's checksum) */
static unsigned char *
randomised(int fix)
{
	unsigned char *b = malloc(jn);
	assert_non_null(b);
	memcpy(b, jr, jn);
	uint32_t sector = be32(b + 20), page = be32(b + 24), nonce = be32(b + 12);
	size_t recsz = page + 8;
	for (size_t off = sector; off + recsz <= jn; off += recsz) {
		for (size_t i = 0; i < page; i++)
			b[off + 4 + i] = rnd();
		if (fix) {
			uint32_t sum = nonce;
			for (int64_t k = (int64_t)page - 200; k > 0; k -= 200)
				sum += b[off + 4 + k];
			put32(b + off + 4 + page, sum);
		}
	}
	return b;
}

static void
test_random_pages(void **state)
{
	(void)state;
	unsigned char *b = randomised(0);
	assert_int_equal(check(b, jn), 0);
	free(b);
	b = randomised(1);
	assert_int_equal(check(b, jn), 0);
	free(b);
}

static void
test_cut_and_extra(void **state)
{
	(void)state;
	unsigned char *b = malloc(jn + 5000);
	assert_non_null(b);
	memcpy(b, jr, jn);
	assert_int_equal(check(b, jn - 100), 0);     /* a record cut */
	assert_int_equal(check(b, 27), 0);            /* a header cut */
	for (size_t i = 0; i < 5000; i++)
		b[jn + i] = rnd();
	assert_int_equal(check(b, jn + 5000), 0);     /* random bytes after the records */
	/* one record's checksum wrong */
	uint32_t sector = be32(jr + 20), page = be32(jr + 24);
	b[sector + 4 + page] ^= 1;
	assert_int_equal(check(b, jn), 0);
	/* random bytes behind the magic */
	memcpy(b, jr, jn);
	for (size_t i = 8; i < jn; i++)
		b[i] = rnd();
	assert_int_equal(check(b, jn), 0);
	/* not a journal */
	memset(b, 'a', jn);
	assert_int_equal(check(b, jn), 0);
	free(b);
}

/* the fuzz target's seeds (tests/fuzz/corpus/sqljournal): journals of 1 KiB pages in
 * one segment, in two, and with the count unset (0xffffffff), all valid */
static void
test_seeds(void **state)
{
	(void)state;
	static const char *const seeds[] = { "one-segment", "two-segments", "count-unset" };
	const char *top = getenv("TOP");
	for (size_t i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		char p[512];
		snprintf(p, sizeof(p), "%s/tests/fuzz/corpus/sqljournal/%s", top ? top : ".", seeds[i]);
		int fd = open(p, O_RDONLY | O_CLOEXEC);
		assert_true(fd >= 0);
		struct stat st;
		assert_int_equal(fstat(fd, &st), 0);
		assert_int_equal(rp_sqljournal_check(fd, (uint64_t)st.st_size), 1);
		close(fd);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_real_journal),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_random_pages),
		cmocka_unit_test(test_cut_and_extra),
		cmocka_unit_test(test_seeds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
