#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fanotify.h>

#include "core/err.h"
#include "respond/fanotify.h"

#ifndef FAN_PRE_ACCESS
#define FAN_PRE_ACCESS 0x00100000
#endif
#ifndef FAN_EVENT_INFO_TYPE_RANGE
#define FAN_EVENT_INFO_TYPE_RANGE 6
#endif

/* A batch as the kernel writes it, built record by record. */
struct batch {
	char buf[8192];
	size_t n;
	size_t start;        /* of the record being built */
};

static void
put(struct batch *b, const void *p, size_t len)
{
	assert_true(b->n + len <= sizeof(b->buf));
	memcpy(b->buf + b->n, p, len);
	b->n += len;
}

static void
begin(struct batch *b, uint64_t mask, int fd, int pid)
{
	struct fanotify_event_metadata m;
	memset(&m, 0, sizeof(m));
	m.vers = FANOTIFY_METADATA_VERSION;
	m.metadata_len = FAN_EVENT_METADATA_LEN;
	m.mask = mask;
	m.fd = fd;
	m.pid = pid;
	b->start = b->n;
	put(b, &m, sizeof(m));
}

/* sets the record's event_len (and pads it to 4 bytes, as the kernel does) */
static void
end(struct batch *b)
{
	while ((b->n - b->start) % 4)
		b->buf[b->n++] = '\0';
	uint32_t len = (uint32_t)(b->n - b->start);
	memcpy(b->buf + b->start + offsetof(struct fanotify_event_metadata, event_len), &len, sizeof(len));
}

/* a DFID_NAME-type record: header, fsid, handle (type 1, bytes hb), name (namelen
 * bytes of name, no NUL added when namelen is given short) */
static void
dfid_name(struct batch *b, uint8_t type, const unsigned char *h, unsigned hb, const char *name,
    size_t namelen)
{
	struct fanotify_event_info_fid fid;
	struct file_handle fh;
	size_t len = sizeof(fid) + sizeof(fh) + hb + namelen;
	memset(&fid, 0, sizeof(fid));
	fid.hdr.info_type = type;
	fid.hdr.len = (uint16_t)len;
	fh.handle_bytes = hb;
	fh.handle_type = 1;
	put(b, &fid, sizeof(fid));
	put(b, &fh, sizeof(fh));
	put(b, h, hb);
	put(b, name, namelen);
}

static const unsigned char H1[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static const unsigned char H2[8] = { 8, 7, 6, 5, 4, 3, 2, 1 };

static void
names_and_dirs(void **state)
{
	(void)state;
	struct rp_fan *f;
	assert_int_equal(rp_fan_decoder(&f), 0);
	assert_int_equal(rp_fan_dir_add(f, 1, sizeof(H1), H1, "/srv/share"), 0);
	assert_int_equal(rp_fan_dir_add(f, 1, sizeof(H2), H2, "/srv/share/old"), 0);
	/* renamed: the same handle gets its new path */
	assert_int_equal(rp_fan_dir_add(f, 1, sizeof(H2), H2, "/srv/share/new"), 0);
	assert_int_equal(rp_fan_dir_add(f, 1, 129, H1, "/x"), RP_ERR_INVALID);

	struct batch b = { .n = 0 };
	begin(&b, FAN_DELETE, FAN_NOFD, 42);
	dfid_name(&b, FAN_EVENT_INFO_TYPE_DFID_NAME, H1, sizeof(H1), "report.docx", 12);
	end(&b);
	begin(&b, FAN_RENAME, FAN_NOFD, 43);
	dfid_name(&b, FAN_EVENT_INFO_TYPE_OLD_DFID_NAME, H1, sizeof(H1), "a.doc", 6);
	dfid_name(&b, FAN_EVENT_INFO_TYPE_NEW_DFID_NAME, H2, sizeof(H2), "a.doc.locked", 13);
	end(&b);
	begin(&b, FAN_CREATE | FAN_ONDIR, FAN_NOFD, 44);                   /* a directory we do not know */
	dfid_name(&b, FAN_EVENT_INFO_TYPE_DFID_NAME, H1, 7, "sub", 4);
	end(&b);
	begin(&b, FAN_RENAME, FAN_NOFD, 45);   /* records not on 4 bytes: read all the same */
	dfid_name(&b, FAN_EVENT_INFO_TYPE_OLD_DFID_NAME, H1, sizeof(H1), "b", 2);
	dfid_name(&b, FAN_EVENT_INFO_TYPE_NEW_DFID_NAME, H2, sizeof(H2), "bbbb", 5);
	end(&b);

	struct rp_fan_event ev;
	size_t pos = 0;
	assert_int_equal(rp_fan_decode(f, 1, b.buf, b.n, &pos, &ev), 1);
	assert_int_equal(ev.kind, RP_FAN_DELETE);
	assert_int_equal(ev.pid, 42);
	assert_int_equal(ev.fd, -1);
	assert_false(ev.isdir);
	assert_string_equal(ev.dir, "/srv/share");
	assert_string_equal(ev.name, "report.docx");

	assert_int_equal(rp_fan_decode(f, 1, b.buf, b.n, &pos, &ev), 1);
	assert_int_equal(ev.kind, RP_FAN_RENAME);
	assert_string_equal(ev.dir, "/srv/share");
	assert_string_equal(ev.name, "a.doc");
	assert_string_equal(ev.dir2, "/srv/share/new");
	assert_string_equal(ev.name2, "a.doc.locked");

	assert_int_equal(rp_fan_decode(f, 1, b.buf, b.n, &pos, &ev), 0);

	assert_int_equal(rp_fan_decode(f, 1, b.buf, b.n, &pos, &ev), 1);
	assert_string_equal(ev.name, "b");
	assert_string_equal(ev.name2, "bbbb");
	assert_int_equal(rp_fan_decode(f, 1, b.buf, b.n, &pos, &ev), RP_ERR_INVALID);
	assert_int_equal(pos, b.n);

	/* a name with no NUL before the end of its record: the new place is not taken */
	struct batch c = { .n = 0 };
	begin(&c, FAN_RENAME, FAN_NOFD, 46);
	dfid_name(&c, FAN_EVENT_INFO_TYPE_OLD_DFID_NAME, H1, sizeof(H1), "c.doc", 6);
	dfid_name(&c, FAN_EVENT_INFO_TYPE_NEW_DFID_NAME, H2, sizeof(H2), "cccc", 4);
	uint32_t len = (uint32_t)(c.n - c.start);
	memcpy(c.buf + offsetof(struct fanotify_event_metadata, event_len), &len, sizeof(len));
	pos = 0;
	assert_int_equal(rp_fan_decode(f, 1, c.buf, c.n, &pos, &ev), 1);
	assert_string_equal(ev.name, "c.doc");
	assert_null(ev.dir2);
	assert_null(ev.name2);
	rp_fan_free(f);
}

static void
content_records(void **state)
{
	(void)state;
	struct rp_fan *f;
	assert_int_equal(rp_fan_decoder(&f), 0);
	struct batch b = { .n = 0 };
	begin(&b, FAN_PRE_ACCESS, 7, 100);
	struct {
		struct fanotify_event_info_header hdr;
		uint32_t pad;
		uint64_t offset, count;
	} rg;
	memset(&rg, 0, sizeof(rg));
	rg.hdr.info_type = FAN_EVENT_INFO_TYPE_RANGE;
	rg.hdr.len = sizeof(rg);
	rg.offset = 4096;
	rg.count = 512;
	put(&b, &rg, sizeof(rg));
	end(&b);
	begin(&b, FAN_OPEN_PERM, 8, 101);
	end(&b);
	begin(&b, FAN_CLOSE_WRITE, 9, 102);
	end(&b);
	begin(&b, FAN_CLOSE_NOWRITE, 10, 103);
	end(&b);
	begin(&b, FAN_Q_OVERFLOW, FAN_NOFD, 0);
	end(&b);

	struct rp_fan_event ev;
	size_t pos = 0;
	assert_int_equal(rp_fan_decode(f, 0, b.buf, b.n, &pos, &ev), 1);
	assert_int_equal(ev.kind, RP_FAN_PRE);
	assert_false(ev.open_perm);
	assert_int_equal(ev.fd, 7);
	assert_int_equal(ev.tid, 100);
	assert_int_equal(ev.off, 4096);
	assert_int_equal(ev.count, 512);
	assert_int_equal(rp_fan_decode(f, 0, b.buf, b.n, &pos, &ev), 1);
	assert_int_equal(ev.kind, RP_FAN_PRE);
	assert_true(ev.open_perm);
	assert_int_equal(ev.count, 0);
	assert_int_equal(rp_fan_decode(f, 0, b.buf, b.n, &pos, &ev), 1);
	assert_int_equal(ev.kind, RP_FAN_CLOSE_WRITE);
	assert_int_equal(ev.fd, 9);
	assert_int_equal(rp_fan_decode(f, 0, b.buf, b.n, &pos, &ev), 1);
	assert_int_equal(ev.kind, RP_FAN_CLOSE_READ);
	assert_int_equal(rp_fan_decode(f, 0, b.buf, b.n, &pos, &ev), 1);
	assert_int_equal(ev.kind, RP_FAN_OVERFLOW);
	assert_int_equal(rp_fan_decode(f, 0, b.buf, b.n, &pos, &ev), RP_ERR_INVALID);

	/* cut short, too long, another version */
	pos = 0;
	assert_int_equal(rp_fan_decode(f, 0, b.buf, FAN_EVENT_METADATA_LEN - 1, &pos, &ev), RP_ERR_INVALID);
	assert_int_equal(rp_fan_decode(f, 0, b.buf, FAN_EVENT_METADATA_LEN + 8, &pos, &ev), RP_ERR_INVALID);
	assert_int_equal(pos, 0);
	b.buf[offsetof(struct fanotify_event_metadata, vers)] = FANOTIFY_METADATA_VERSION + 1;
	assert_int_equal(rp_fan_decode(f, 0, b.buf, b.n, &pos, &ev), RP_ERR_UNSUPPORTED);
	rp_fan_free(f);
}

/* The handle of directory i in the tests below: 8 + i % 5 bytes, i's first. */
static unsigned
handle_of(unsigned i, unsigned char h[12])
{
	memset(h, 0, 12);
	memcpy(h, &i, sizeof(i));
	return 8 + i % 5;
}

/* A decoder that knows n directories, i as "/srv/d<i>". */
static struct rp_fan *
dirs_made(unsigned n)
{
	struct rp_fan *f;
	char path[64];
	assert_int_equal(rp_fan_decoder(&f), 0);
	for (unsigned i = 0; i < n; i++) {
		unsigned char h[12];
		unsigned hb = handle_of(i, h);
		snprintf(path, sizeof(path), "/srv/d%u", i);
		assert_int_equal(rp_fan_dir_add(f, 1, hb, h, path), 0);
	}
	return f;
}

/* A DELETE in directory i, its handle hb bytes long (0: its own length): the path the
 * decoder gives it, or NULL. */
static const char *
dir_named(struct rp_fan *f, unsigned i, unsigned hb)
{
	static struct batch b;
	unsigned char h[12];
	unsigned own = handle_of(i, h);
	b.n = 0;
	begin(&b, FAN_DELETE, FAN_NOFD, 1);
	dfid_name(&b, FAN_EVENT_INFO_TYPE_DFID_NAME, h, hb ? hb : own, "f", 2);
	end(&b);
	struct rp_fan_event ev;
	size_t pos = 0;
	return rp_fan_decode(f, 1, b.buf, b.n, &pos, &ev) == 1 ? ev.dir : NULL;
}

enum { NDIRS = 20000 };     /* a share has tens of thousands */

/* Each directory found by its handle, with the path given last. */
static void
many_dirs(void **state)
{
	(void)state;
	struct rp_fan *f = dirs_made(NDIRS);
	char path[64];
	for (unsigned i = 0; i < NDIRS; i += 3) {
		unsigned char h[12];
		unsigned hb = handle_of(i, h);
		snprintf(path, sizeof(path), "/srv/moved%u", i);
		assert_int_equal(rp_fan_dir_add(f, 1, hb, h, path), 0);
	}
	for (unsigned i = 0; i < NDIRS; i += 7) {
		snprintf(path, sizeof(path), i % 3 == 0 ? "/srv/moved%u" : "/srv/d%u", i);
		assert_string_equal(dir_named(f, i, 0), path);
		/* the same bytes, another length: not this directory */
		assert_null(dir_named(f, i, 8 + (i + 1) % 5));
	}
	rp_fan_free(f);
}

/* A directory deleted (FAN_DELETE_SELF: its own handle, the name ".") is forgotten,
 * and the others stay found: the table's holes are filled by shifting back. */
static void
dirs_deleted(void **state)
{
	(void)state;
	struct rp_fan *f = dirs_made(NDIRS);
	char path[64];
	for (unsigned i = 0; i < NDIRS; i++) {
		if (i % 3 != 0 && i % 7 != 0)
			continue;
		unsigned char h[12];
		unsigned hb = handle_of(i, h);
		struct batch b = { .n = 0 };
		begin(&b, FAN_DELETE_SELF | FAN_ONDIR, FAN_NOFD, 1);
		dfid_name(&b, FAN_EVENT_INFO_TYPE_DFID_NAME, h, hb, ".", 2);
		end(&b);
		struct rp_fan_event ev;
		size_t pos = 0;
		assert_int_equal(rp_fan_decode(f, 1, b.buf, b.n, &pos, &ev), 0);
		assert_int_equal(pos, b.n);
		/* twice: nothing more to forget */
		pos = 0;
		assert_int_equal(rp_fan_decode(f, 1, b.buf, b.n, &pos, &ev), 0);
	}
	for (unsigned i = 0; i < NDIRS; i++) {
		const char *d = dir_named(f, i, 0);
		if (i % 3 == 0 || i % 7 == 0) {
			assert_null(d);
			continue;
		}
		snprintf(path, sizeof(path), "/srv/d%u", i);
		assert_non_null(d);
		assert_string_equal(d, path);
	}
	/* made again (a new directory may get a deleted one's handle back on some
	 * filesystems): known again */
	for (unsigned i = 0; i < NDIRS; i += 21) {
		unsigned char h[12];
		unsigned hb = handle_of(i, h);
		assert_int_equal(rp_fan_dir_add(f, 1, hb, h, "/srv/again"), 0);
		assert_string_equal(dir_named(f, i, 0), "/srv/again");
	}
	rp_fan_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_and_dirs),
		cmocka_unit_test(content_records),
		cmocka_unit_test(many_dirs),
		cmocka_unit_test(dirs_deleted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
