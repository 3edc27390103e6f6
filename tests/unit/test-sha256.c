#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/sha256.h"

/* FIPS 180-2, appendix B */
#define ABC      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define MSG448   "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
#define HASH448  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
#define MILLION  "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
#define EMPTY    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define MLEN     1000000

static char dir[] = "/tmp/rp-test-sha256.XXXXXX";

static void
bytes_hex(const unsigned char md[RP_SHA256_LEN], char out[RP_SHA256_HEX_LEN])
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_hex(&b, md, RP_SHA256_LEN), 0);
	assert_int_equal(b.len, 64);
	memcpy(out, b.buf, RP_SHA256_HEX_LEN);
	rp_buf_release(&b);
}

/* a file of n bytes 'a' in the test directory; returns its path in p */
static void
file_of_a(struct rp_buf *p, const char *name, size_t n)
{
	char *a = malloc(n ? n : 1);
	int fd;

	assert_non_null(a);
	memset(a, 'a', n);
	rp_buf_reset(p);
	assert_int_equal(rp_buf_addf(p, "%s/%s", dir, name), 0);
	fd = open(p->buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, a, n), (ssize_t)n);
	close(fd);
	free(a);
}

static void
fips_vectors_one_shot(void **state)
{
	unsigned char md[RP_SHA256_LEN];
	char hex[RP_SHA256_HEX_LEN], via[RP_SHA256_HEX_LEN];

	assert_int_equal(rp_sha256_hex("abc", 3, hex), 0);
	assert_string_equal(hex, ABC);
	assert_int_equal(rp_sha256_mem("abc", 3, md), 0);
	bytes_hex(md, via);
	assert_string_equal(via, ABC);
	assert_int_equal(strlen(MSG448), 56);          /* 448 bits */
	assert_int_equal(rp_sha256_hex(MSG448, 56, hex), 0);
	assert_string_equal(hex, HASH448);
	assert_int_equal(rp_sha256_hex("", 0, hex), 0);
	assert_string_equal(hex, EMPTY);
}

static void
million_a_streamed_in_odd_pieces(void **state)
{
	static const size_t piece[] = { 1, 3, 7, 64, 63, 65, 127, 4093, 0, 55, 56, 9973 };
	struct rp_sha256 h = RP_SHA256_INIT;
	char *a = malloc(MLEN);
	char hex[RP_SHA256_HEX_LEN];
	unsigned char md[RP_SHA256_LEN];
	size_t off = 0, i = 0, calls = 0;

	assert_non_null(a);
	memset(a, 'a', MLEN);
	assert_int_equal(rp_sha256_init(&h), 0);
	while (off < MLEN) {
		size_t n = piece[i++ % (sizeof(piece) / sizeof(piece[0]))];

		if (n > MLEN - off)
			n = MLEN - off;
		assert_int_equal(rp_sha256_update(&h, a + off, n), 0);
		off += n;
		calls++;
	}
	assert_true(calls > 100);
	assert_int_equal(rp_sha256_final_hex(&h, hex), 0);
	assert_string_equal(hex, MILLION);
	assert_null(h.evp);                            /* final released it */

	/* the bytes form, in two halves that split a 64-byte block */
	assert_int_equal(rp_sha256_init(&h), 0);
	assert_int_equal(rp_sha256_update(&h, a, 500001), 0);
	assert_int_equal(rp_sha256_update(&h, a + 500001, MLEN - 500001), 0);
	assert_int_equal(rp_sha256_final(&h, md), 0);
	bytes_hex(md, hex);
	assert_string_equal(hex, MILLION);
	assert_int_equal(rp_sha256_hex(a, MLEN, hex), 0);
	assert_string_equal(hex, MILLION);
	free(a);
}

static void
context_life_cycle(void **state)
{
	struct rp_sha256 h = RP_SHA256_INIT;
	unsigned char md[RP_SHA256_LEN];
	char hex[RP_SHA256_HEX_LEN];

	rp_sha256_release(&h);                         /* zeroed: nothing to free */
	rp_sha256_release(NULL);
	assert_int_equal(rp_sha256_update(&h, "x", 1), RP_ERR_INTERNAL);
	assert_int_equal(rp_sha256_final(&h, md), RP_ERR_INTERNAL);
	/* abandoned half way (ASan would see a leak without the release) */
	assert_int_equal(rp_sha256_init(&h), 0);
	assert_int_equal(rp_sha256_update(&h, "abc", 3), 0);
	rp_sha256_release(&h);
	rp_sha256_release(&h);
	/* a finished context is not reused by accident */
	assert_int_equal(rp_sha256_init(&h), 0);
	assert_int_equal(rp_sha256_update(&h, "ab", 2), 0);
	assert_int_equal(rp_sha256_update(&h, "c", 1), 0);
	assert_int_equal(rp_sha256_final_hex(&h, hex), 0);
	assert_string_equal(hex, ABC);
	assert_int_equal(rp_sha256_final_hex(&h, hex), RP_ERR_INTERNAL);
	assert_int_equal(rp_sha256_update(&h, "x", 1), RP_ERR_INTERNAL);
	rp_sha256_release(&h);
}

struct seen {
	uint64_t next;      /* the offset the next chunk must start at */
	size_t calls;
	int wfd;            /* >= 0: at the first chunk, change the file through it: */
	off_t shrink_to;    /* truncate it to this size (>= 0), */
	size_t grow_by;     /* or append this many bytes */
};

static void
each_chunk(void *arg, uint64_t off, const void *data, size_t len)
{
	struct seen *s = arg;
	size_t i;

	assert_int_equal(off, s->next);
	for (i = 0; i < len; i++)
		assert_int_equal(((const char *)data)[i], 'a');
	s->next = off + len;
	if (s->calls++ == 0 && s->wfd >= 0) {
		if (s->shrink_to >= 0) {
			assert_int_equal(ftruncate(s->wfd, s->shrink_to), 0);
		} else {
			char *more = malloc(s->grow_by);

			assert_non_null(more);
			memset(more, 'a', s->grow_by);
			assert_int_equal(write(s->wfd, more, s->grow_by), (ssize_t)s->grow_by);
			free(more);
		}
	}
}

static void
fd_reads_with_pread_and_keeps_the_offset(void **state)
{
	struct rp_buf p = RP_BUF_INIT;
	struct seen s = { 0, 0, -1, -1, 0 };
	char buf[7777], hex[RP_SHA256_HEX_LEN];
	struct rp_sha256_read rd = { buf, sizeof(buf), MLEN, each_chunk, &s, 0 };
	unsigned char md[RP_SHA256_LEN];
	uint64_t n = 0;
	int fd;

	file_of_a(&p, "million", MLEN);
	fd = open(p.buf, O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(lseek(fd, 12345, SEEK_SET), 12345);
	/* the defaults: its own buffer, from offset 0 whatever the file offset */
	assert_int_equal(rp_sha256_fd_hex(fd, hex, &n), 0);
	assert_string_equal(hex, MILLION);
	assert_int_equal(n, MLEN);
	assert_int_equal(lseek(fd, 0, SEEK_CUR), 12345);
	assert_int_equal(rp_sha256_fd(fd, NULL, md), 0);
	bytes_hex(md, hex);
	assert_string_equal(hex, MILLION);
	/* the caller's odd-sized buffer: every chunk seen once, in order */
	assert_int_equal(rp_sha256_fd(fd, &rd, md), 0);
	bytes_hex(md, hex);
	assert_string_equal(hex, MILLION);
	assert_int_equal(rd.nread, MLEN);
	assert_int_equal(s.next, MLEN);
	assert_int_equal(s.calls, (MLEN + sizeof(buf) - 1) / sizeof(buf));
	assert_int_equal(lseek(fd, 0, SEEK_CUR), 12345);
	close(fd);

	/* an empty file */
	file_of_a(&p, "empty", 0);
	fd = open(p.buf, O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(rp_sha256_fd_hex(fd, hex, &n), 0);
	assert_string_equal(hex, EMPTY);
	assert_int_equal(n, 0);
	close(fd);
	rp_buf_release(&p);
}

/* Hashes a file of size bytes 'a' that is changed at the first chunk read (s), reading
 * bufsz at a time and expecting size; the hash must cover exactly want bytes. */
static void
hash_while_it_changes(const char *name, size_t size, struct seen *s, size_t bufsz,
    size_t want)
{
	struct rp_buf p = RP_BUF_INIT;
	char *buf = malloc(bufsz), *a = malloc(want);
	char hex[RP_SHA256_HEX_LEN], expect[RP_SHA256_HEX_LEN];
	struct rp_sha256_read rd = { buf, bufsz, size, each_chunk, s, 0 };
	unsigned char md[RP_SHA256_LEN];
	int fd;

	assert_true(buf != NULL && a != NULL);
	memset(a, 'a', want);
	file_of_a(&p, name, size);
	fd = open(p.buf, O_RDONLY | O_CLOEXEC);
	s->wfd = open(p.buf, O_WRONLY | O_APPEND | O_CLOEXEC);
	assert_true(fd >= 0 && s->wfd >= 0);
	assert_int_equal(rp_sha256_fd(fd, &rd, md), 0);
	assert_int_equal(rd.nread, want);
	assert_int_equal(s->next, want);
	bytes_hex(md, hex);
	assert_int_equal(rp_sha256_hex(a, want, expect), 0);
	assert_string_equal(hex, expect);
	close(s->wfd);
	close(fd);
	free(a);
	free(buf);
	rp_buf_release(&p);
}

static void
fd_follows_a_file_that_shrinks_or_grows(void **state)
{
	struct seen shrink = { 0, 0, -1, 10000, 0 }, grow = { 0, 0, -1, -1, 5000 };

	/* truncated to 10000 bytes after the first chunk: the hash ends at the new end,
	 * and nread (not the size expected) tells the caller */
	hash_while_it_changes("shrinks", MLEN, &shrink, 4096, 10000);
	/* 100 bytes expected, 5000 more appended after the first chunk: hashed to the end */
	hash_while_it_changes("grows", 100, &grow, 64, 5100);
}

static void
fd_read_error_keeps_errno(void **state)
{
	char hex[RP_SHA256_HEX_LEN];
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), pfd[2];

	assert_true(fd >= 0);
	errno = 0;
	assert_int_equal(rp_sha256_fd_hex(fd, hex, NULL), RP_ERR_SYSTEM);
	assert_int_equal(errno, EISDIR);
	close(fd);
	/* not seekable: pread refuses a pipe */
	assert_int_equal(pipe(pfd), 0);
	assert_int_equal(rp_sha256_fd_hex(pfd[0], hex, NULL), RP_ERR_SYSTEM);
	assert_int_equal(errno, ESPIPE);
	close(pfd[0]);
	close(pfd[1]);
}

static void
file_keeps_atime_and_refuses_symlinks_on_request(void **state)
{
	struct rp_buf p = RP_BUF_INIT, l = RP_BUF_INIT;
	struct timespec ts[2] = { { 1000000000, 0 }, { 1500000000, 0 } };
	char hex[RP_SHA256_HEX_LEN];
	struct stat st;
	uint64_t n = 0;

	file_of_a(&p, "evidence", MLEN);
	/* atime older than mtime: a plain read would move it, relatime or not */
	assert_int_equal(utimensat(AT_FDCWD, p.buf, ts, 0), 0);
	assert_int_equal(rp_sha256_file_hex(AT_FDCWD, p.buf, O_NOFOLLOW, hex, &n), 0);
	assert_string_equal(hex, MILLION);
	assert_int_equal(n, MLEN);
	assert_int_equal(stat(p.buf, &st), 0);
	assert_int_equal(st.st_atim.tv_sec, 1000000000);
	assert_int_equal(st.st_mtim.tv_sec, 1500000000);

	/* relative to a directory fd */
	{
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		assert_true(dfd >= 0);
		assert_int_equal(rp_sha256_file_hex(dfd, "evidence", 0, hex, NULL), 0);
		assert_string_equal(hex, MILLION);
		close(dfd);
	}

	rp_buf_addf(&l, "%s/link", dir);
	assert_int_equal(symlink("evidence", l.buf), 0);
	assert_int_equal(rp_sha256_file_hex(AT_FDCWD, l.buf, 0, hex, NULL), 0);
	assert_string_equal(hex, MILLION);
	assert_int_equal(rp_sha256_file_hex(AT_FDCWD, l.buf, O_NOFOLLOW, hex, NULL), RP_ERR_SYSTEM);
	assert_int_equal(errno, ELOOP);
	rp_buf_reset(&l);
	rp_buf_addf(&l, "%s/none", dir);
	assert_int_equal(rp_sha256_file_hex(AT_FDCWD, l.buf, 0, hex, NULL), RP_ERR_SYSTEM);
	assert_int_equal(errno, ENOENT);
	rp_buf_release(&l);
	rp_buf_release(&p);
}

/* the group teardown: the files the tests made, then the directory */
static int
remove_dir(void **state)
{
	static const char *const made[] = { "million", "empty", "shrinks", "grows", "evidence",
		"link" };
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	size_t i;

	if (dfd < 0)
		return -1;
	for (i = 0; i < sizeof(made) / sizeof(made[0]); i++)
		unlinkat(dfd, made[i], 0);
	close(dfd);
	return rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fips_vectors_one_shot),
		cmocka_unit_test(million_a_streamed_in_odd_pieces),
		cmocka_unit_test(context_life_cycle),
		cmocka_unit_test(fd_reads_with_pread_and_keeps_the_offset),
		cmocka_unit_test(fd_follows_a_file_that_shrinks_or_grows),
		cmocka_unit_test(fd_read_error_keeps_errno),
		cmocka_unit_test(file_keeps_atime_and_refuses_symlinks_on_request),
	};

	if (mkdtemp(dir) == NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, remove_dir);
}
