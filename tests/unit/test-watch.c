#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include "core/err.h"
#include "respond/behaviour.h"
#include "respond/canary.h"
#include "respond/compressed.h"
#include "respond/pctl.h"
#include "detect/engine.h"
#include "detect/format.h"
#include "respond/shadow.h"
#include "respond/vpool.h"
#include "core/buf.h"
#include <poll.h>

static void
scoring_window(void **state)
{
	struct rp_beh *b;
	assert_int_equal(rp_beh_new(&b, 60000), 0);
	struct rp_beh_group *g = rp_beh_group(b, rp_beh_key(100, 50, "/usr/bin/python3"), 1000);
	assert_non_null(g);
	assert_ptr_equal(rp_beh_find(b, 50), g);          /* keyed by session */
	assert_int_equal(rp_beh_add(g, RP_SIG_NEW_RANDOM, 1000, 60000), 10);
	assert_int_equal(rp_beh_add(g, RP_SIG_RANDOMISED, 2000, 60000), 60);
	/* a minute later the first two have left the window */
	assert_int_equal(rp_beh_add(g, RP_SIG_RANDOMISED, 70000, 60000), 50);
	assert_int_equal(rp_beh_score(g, 200000, 60000), 0);
	assert_int_equal(g->counts[RP_SIG_RANDOMISED], 2);
	assert_int_equal(g->first_bad_ms, 1000);
	/* two signals of a canary-free in-place rewrite reach the threshold */
	assert_true(rp_sig_weight(RP_SIG_RANDOMISED) * 2 >= RP_BEH_THRESHOLD);
	assert_true(rp_sig_weight(RP_SIG_NEW_RANDOM) < RP_BEH_THRESHOLD / 2);
	assert_int_equal(rp_sig_weight(RP_SIG_CANARY), RP_BEH_THRESHOLD);
	assert_string_equal(rp_sig_name(RP_SIG_READ_NEW_DELETE), "read-new-delete");
	rp_beh_free(b);
}

static void
groups_and_files(void **state)
{
	struct rp_beh *b;
	assert_int_equal(rp_beh_new(&b, 60000), 0);
	/* smbd: one group per process although all share a session */
	assert_int_not_equal(rp_beh_key(10, 5, "/usr/sbin/smbd"), rp_beh_key(11, 5, "/usr/sbin/smbd"));
	assert_int_equal(rp_beh_key(10, 5, "/bin/sh"), rp_beh_key(11, 5, "/usr/bin/openssl"));
	struct rp_beh_group *g = rp_beh_group(b, 5, 0);
	rp_beh_pid(g, 10, 0);
	rp_beh_pid(g, 10, 0);
	rp_beh_pid(g, 11, 0);
	assert_int_equal(g->npids, 2);
	assert_int_equal(rp_beh_touch(g, "/s/a"), 1);
	assert_int_equal(rp_beh_touch(g, "/s/a"), 0);
	assert_int_equal(g->nfiles_total, 1);
	rp_beh_read(g, "/s/b");
	assert_true(rp_beh_was_read(g, "/s/b"));
	assert_false(rp_beh_was_read(g, "/s/c"));
	/* encrypt-and-rename: one file whichever comes first, its close (read by its new
	 * name) or its rename; it keeps the name it had */
	assert_int_equal(rp_beh_touch(g, "/s/d.locked"), 1);       /* close after the rename */
	rp_beh_touch_renamed(g, "/s/d", "/s/d.locked");
	assert_int_equal(g->nfiles_total, 2);
	assert_true(rp_beh_touched(g, "/s/d"));
	assert_false(rp_beh_touched(g, "/s/d.locked"));
	rp_beh_touch_renamed(g, "/s/e", "/s/e.locked");             /* rename first */
	assert_int_equal(rp_beh_touch(g, "/s/e.locked"), 0);       /* then its close */
	assert_int_equal(g->nfiles_total, 3);
	assert_true(rp_beh_touched(g, "/s/e"));
	rp_beh_touch(g, "/s/a.locked");                             /* both names counted */
	rp_beh_touch_renamed(g, "/s/a", "/s/a.locked");
	assert_int_equal(g->nfiles_total, 3);
	assert_false(rp_beh_touched(g, "/s/a.locked"));
	/* quiet groups that never scored are forgotten after a while */
	rp_beh_group(b, 6, 0);
	rp_beh_group(b, 7, 1000000);
	assert_null(rp_beh_find(b, 6));
	assert_null(rp_beh_find(b, 5));
	rp_beh_free(b);
}

static void
head_classes(void **state)
{
	static const unsigned char zip[] = "PK\x03\x04\x14\x00\x00\x00\x08\x00";
	static const unsigned char rnd[] = { 0x8f, 0x13, 0xa2, 0x00, 0xfe, 0x41, 0x07, 0x99 };
	static const unsigned char cut[] = "caf\xc3";     /* "café" cut inside its é */
	static const char text[] = "Dear patient,\r\n\tyours";
	assert_string_equal(rp_format_class((const unsigned char *)text, strlen(text)), "text");
	assert_string_equal(rp_format_class(cut, 4), "text");
	assert_string_equal(rp_format_class(zip, sizeof(zip) - 1), "zip");
	assert_string_equal(rp_format_class((const unsigned char *)"%PDF-1.7\n%\xe2\xe3", 13), "pdf");
	assert_null(rp_format_class(rnd, sizeof(rnd)));
	assert_null(rp_format_class((const unsigned char *)"a\x01b", 3));
	assert_null(rp_format_class((const unsigned char *)"", 0));
}

static void
replacement_pairs(void **state)
{
	assert_true(rp_beh_replaces("/s/a.docx", "/s/a.docx.locked"));
	assert_true(rp_beh_replaces("/s/a.docx", "/t/a.docx[id-1].x"));
	assert_true(rp_beh_replaces("/s/report.docx", "/s/report.enc"));
	assert_false(rp_beh_replaces("/s/a.docx", "/s/ab.docx.locked"));
	assert_false(rp_beh_replaces("/s/a.docx", "/s/b.docx.locked"));
	assert_false(rp_beh_replaces("/s/.profile", "/s/.bashrc"));
	assert_false(rp_beh_replaces("/s/a.docx", "/s/a.docx"));

	struct rp_beh *b;
	assert_int_equal(rp_beh_new(&b, 60000), 0);
	struct rp_beh_group *g = rp_beh_group(b, 9, 0);
	assert_non_null(g);
	/* delete first, then the encrypted copy; and the other way round */
	assert_int_equal(rp_beh_pair_delete(g, "/s/a.txt"), 0);
	assert_int_equal(rp_beh_pair_new(g, "/s/unrelated.bin"), 0);
	assert_int_equal(rp_beh_pair_new(g, "/s/a.txt.crypt"), 1);
	assert_int_equal(rp_beh_pair_new(g, "/s/a.txt.crypt2"), 0);   /* consumed */
	assert_int_equal(rp_beh_pair_delete(g, "/s/b.txt"), 0);
	assert_int_equal(rp_beh_pair_new(g, "/s/c.txt.crypt"), 0);
	assert_int_equal(rp_beh_pair_delete(g, "/s/c.txt"), 1);
	/* the rings forget the oldest names beyond their size */
	for (int i = 0; i < 40; i++) {
		char n[32];
		snprintf(n, sizeof(n), "/s/x%d.bin", i);
		rp_beh_pair_new(g, n);
	}
	assert_int_equal(rp_beh_pair_delete(g, "/s/x0"), 0);
	assert_int_equal(rp_beh_pair_delete(g, "/s/x39"), 1);
	rp_beh_free(b);
}

static int cookies_freed;
static void
cookie_gone(void *c)
{
	cookies_freed++;
	free(c);
}

static int judged, judged_random, skipped_gone;
static void
collect_cb(struct rp_vjob *j, void *ctx)
{
	int *want_random = j->cookie;
	assert_false(j->failed);
	if (*want_random == 2) {     /* new, deleted, skip_gone: not judged */
		assert_true(j->gone);
		skipped_gone++;
		return;
	}
	assert_false(j->gone);
	judged++;
	if (*want_random) {
		assert_true(j->v.kind == RP_V_ENCRYPTED);
		assert_string_equal(j->cls, "");
		judged_random++;
	} else {
		assert_int_equal(j->v.kind, RP_V_OK);
		assert_string_equal(j->cls, "text");
	}
}

/* The verdict workers: every job comes back once with its verdict, cookies are
 * released, and a pool freed with jobs still queued loses no memory. A job with
 * skip_gone whose file has no name left is not judged; without it, it is. */
static void
verdict_pool(void **state)
{
	char dir[] = "/var/tmp/riposte-unit-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct rp_engine_opts o;
	struct rp_engine *eng;
	struct rp_buf msg;
	memset(&o, 0, sizeof(o));
	rp_buf_init(&msg, 4096);
	assert_int_equal(rp_engine_new(&eng, &o, &msg), 0);
	rp_buf_release(&msg);
	struct rp_vpool *p;
	assert_int_equal(rp_vpool_new(&p, eng, 2), 0);
	judged = judged_random = skipped_gone = cookies_freed = 0;
	char text[8192], rnd[8192];
	for (size_t i = 0; i < sizeof(text); i++)
		text[i] = "patient report invoice \n"[i % 24];
	int ur = open("/dev/urandom", O_RDONLY);
	assert_int_equal(read(ur, rnd, sizeof(rnd)), (ssize_t)sizeof(rnd));
	close(ur);
	for (int i = 0; i < 40; i++) {
		char path[300];
		snprintf(path, sizeof(path), "%s/f%02d.txt", dir, i);
		int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, i % 4 == 0 ? rnd : text, 8192), 8192);
		struct rp_vjob *j = rp_vjob_new();
		int *want = malloc(sizeof(*want));
		assert_non_null(j);
		assert_non_null(want);
		*want = i % 4 == 0;
		if (i % 4 == 1 || i % 4 == 2)
			assert_int_equal(unlink(path), 0);
		if (i % 4 == 1) {
			j->skip_gone = 1;
			*want = 2;
		}
		if (i % 4 == 3)
			j->skip_gone = 1;   /* still named: judged */
		j->fd = fd;
		j->cookie = want;
		j->cookie_free = cookie_gone;
		snprintf(j->name, sizeof(j->name), "f%02d.txt", i);
		rp_vpool_submit(p, j);
	}
	assert_int_equal(rp_vpool_pending(p), 40);
	for (int spins = 0; rp_vpool_pending(p) > 0 && spins < 500; spins++) {
		struct pollfd pf = { rp_vpool_fd(p), POLLIN, 0 };
		if (poll(&pf, 1, 20) > 0)
			rp_vpool_collect(p, collect_cb, NULL);
	}
	assert_int_equal(rp_vpool_pending(p), 0);
	assert_int_equal(judged, 30);
	assert_int_equal(skipped_gone, 10);
	assert_int_equal(judged_random, 10);
	assert_int_equal(cookies_freed, 40);
	/* queued and never collected: released by rp_vpool_free */
	for (int i = 0; i < 20; i++) {
		struct rp_vjob *j = rp_vjob_new();
		j->fd = open("/dev/null", O_RDONLY);
		j->cookie = malloc(1);
		j->cookie_free = cookie_gone;
		rp_vpool_submit(p, j);
	}
	rp_vpool_free(p);
	assert_int_equal(cookies_freed, 60);
	rp_engine_free(eng);
	char cmd[400];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void
shadow_index_parse(void **state)
{
	struct rp_shadow_entry e;
	const char *ok = "v1\t1795330740\tcopy\t1\t2\t7\tok\t100\t1-0\t2f612f62\t123";
	assert_int_equal(rp_shadow_parse(ok, strlen(ok), &e), 0);
	assert_string_equal(e.path, "/a/b");
	assert_int_equal(e.pathlen, 4);
	assert_int_equal(e.how, RP_SHADOW_COPY);
	assert_int_equal(e.size, 7);
	assert_int_equal(e.mtime_ns, 123);
	assert_string_equal(e.file, "1-0");
	assert_int_equal(e.offset, 0);
	const char *v2 = "v2\t1795330740\tcopy\t1\t2\t7\tok\t100\tP1-0\t4096\t2f612f62\t123";
	assert_int_equal(rp_shadow_parse(v2, strlen(v2), &e), 0);
	assert_string_equal(e.file, "P1-0");
	assert_int_equal(e.offset, 4096);
	assert_int_equal(e.size, 7);
	assert_string_equal(e.path, "/a/b");
	assert_int_equal(e.mtime_ns, 123);
	const char *v3 = "v3\t1795330740\trange\t1\t2\t8192\tok\t100\tP1-0\t512\t2f612f62\t123\t4096\t100";
	assert_int_equal(rp_shadow_parse(v3, strlen(v3), &e), 0);
	assert_int_equal(e.how, RP_SHADOW_RANGE);
	assert_int_equal(e.size, 8192);
	assert_int_equal(e.offset, 512);
	assert_int_equal(e.foff, 4096);
	assert_int_equal(e.flen, 100);
	assert_string_equal(e.path, "/a/b");
	static const char *const bad[] = {
		"v3\t1\tcopy\t1\t2\t7\tok\t100\tP1-0\t0\t2f61\t0\t0\t7",    /* v3 is a range */
		"v2\t1\trange\t1\t2\t7\tok\t100\tP1-0\t0\t2f61\t0",          /* a range is v3 */
		"v3\t1\trange\t1\t2\t7\tok\t100\tP1-0\t0\t2f61\t0\t4\t4",  /* past the size */
		"v3\t1\trange\t1\t2\t7\tok\t100\tP1-0\t0\t2f61\t0\t8\t0",
		"v3\t1\trange\t1\t2\t7\tok\t100\tP1-0\t0\t2f61\t0\t-1\t1",
		"v2\t1\tcopy\t1\t2\t7\tok\t100\t1-0\t2f61\t0",          /* v2 without offset */
		"v1\t1\tcopy\t1\t2\t7\tok\t100\t1-0\t0\t2f61\t0",       /* v1 with one */
		"v2\t1\tcopy\t1\t2\t7\tok\t100\tP1-0\t-5\t2f61\t0",
		"v2\t1\tcopy\t1\t2\t7\tok\t100\tP1-0\t18446744073709551615\t2f61\t0",
		"v3\t1\tcopy\t1\t2\t7\tok\t100\tP1-0\t0\t2f61\t0",
		"v1\t1\tmove\t1\t2\t7\tok\t100\t1-0\t2f61\t0",
		"v1\t1\tcopy\t1\t2\t7\tok\t100\t../x\t2f61\t0",     /* escapes the shadow */
		"v1\t1\tcopy\t1\t2\t7\tok\t100\t1-0\t6161\t0",      /* relative path */
		"v1\t1\tcopy\t1\t2\t7\tok\t100\t1-0\t2f0061\t0",    /* NUL inside */
		"v1\t1\tcopy\t1\t2\t7\tok\t100\t1-0\t2f6\t0",       /* odd hex */
		"v1\t-1\tcopy\t1\t2\t7\tok\t100\t1-0\t2f61\t0",
		"v1\t1\tcopy\t1\t2\t7\tok\t100\t1-0\t2f61",
		"",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(rp_shadow_parse(bad[i], strlen(bad[i]), &e), RP_ERR_FORMAT);
}

static int restored_n;
static void
count_cb(const struct rp_shadow_entry *e, enum rp_restore_result res, int err, void *ctx)
{
	if (res == RP_RESTORE_DONE)
		restored_n++;
}

/* Ranges of a large file, in two writers' epochs: the restore lays them over the
 * file's current content, newest first (the file renamed in its directory meanwhile),
 * or over a later whole copy; then cuts to the first epoch's size. */
static void
shadow_ranges_restore(void **state)
{
	char dir[] = "/var/tmp/riposte-unit-XXXXXX";
	char sh[256], f[256], g[256];
	unsigned char orig[12288], cur[16384];
	assert_non_null(mkdtemp(dir));
	snprintf(sh, sizeof(sh), "%s/shadow", dir);
	snprintf(f, sizeof(f), "%s/ledger.db", dir);
	snprintf(g, sizeof(g), "%s/ledger.db.locked", dir);
	for (size_t i = 0; i < sizeof(orig); i++)
		orig[i] = (unsigned char)('a' + i % 23);
	int fd = open(f, O_RDWR | O_CREAT | O_TRUNC, 0640);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, orig, sizeof(orig), 0), (ssize_t)sizeof(orig));

	struct rp_shadow *s;
	enum rp_shadow_how how;
	assert_int_equal(rp_shadow_open(&s, sh, 1 << 20, 3600, 1000), 0);
	/* epoch 1 (the file as it was): the middle page, before its write */
	assert_int_equal(rp_shadow_keep_range(s, fd, f, 12288, 111, 4096, 4096, 1000, 42, "ok"), 0);
	assert_int_equal(pwrite(fd, "ENCRYPTED", 9, 5000), 9);
	/* a range past the original's end is refused */
	assert_int_equal(rp_shadow_keep_range(s, fd, f, 12288, 111, 8192, 8192, 1000, 42, "ok"),
	    RP_ERR_INVALID);
	/* epoch 2 (another writer; what it starts from is partly encrypted): the first
	 * page, and the file grows */
	assert_int_equal(rp_shadow_keep_range(s, fd, f, 12288, 222, 0, 4096, 1001, 43, "partial"), 0);
	assert_int_equal(pwrite(fd, "XXXXXXXX", 8, 10), 8);
	assert_int_equal(pwrite(fd, "tail", 4, 16000), 4);
	assert_int_equal(rp_shadow_used(s), 8192);
	rp_shadow_free(s);
	/* encrypt-and-rename: the inode is now under another name */
	assert_int_equal(rename(f, g), 0);
	restored_n = 0;
	assert_int_equal(rp_shadow_restore(sh, NULL, 0, count_cb, NULL), 0);
	assert_int_equal(restored_n, 1);
	int rd = open(f, O_RDONLY);
	assert_true(rd >= 0);
	assert_int_equal(read(rd, cur, sizeof(cur)), (ssize_t)sizeof(orig));
	assert_memory_equal(cur, orig, sizeof(orig));
	struct stat st;
	assert_int_equal(fstat(rd, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	close(rd);
	assert_int_equal(access(g, F_OK), 0);      /* the encrypted one stays, as evidence */

	/* a later whole copy (taken when the file was already damaged) is the base the
	 * earlier ranges go over: the inode's content after it does not matter */
	assert_int_equal(unlink(f), 0);
	assert_int_equal(rename(g, f), 0);
	assert_int_equal(rp_shadow_open(&s, sh, 1 << 20, 3600, 1002), 0);
	assert_int_equal(rp_shadow_keep(s, fd, f, 0, 1002, 44, "partial", &how), 0);
	rp_shadow_free(s);
	assert_int_equal(ftruncate(fd, 100), 0);
	restored_n = 0;
	assert_int_equal(rp_shadow_restore(sh, NULL, 0, count_cb, NULL), 0);
	assert_int_equal(restored_n, 1);
	rd = open(f, O_RDONLY);
	assert_true(rd >= 0);
	assert_int_equal(read(rd, cur, sizeof(cur)), (ssize_t)sizeof(orig));
	assert_memory_equal(cur, orig, sizeof(orig));
	close(rd);
	close(fd);

	/* the inode gone (deleted, no whole copy after it): said, nothing written */
	char cmd[600];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", sh);
	assert_int_equal(system(cmd), 0);
	fd = open(f, O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(rp_shadow_open(&s, sh, 1 << 20, 3600, 2000), 0);
	assert_int_equal(rp_shadow_keep_range(s, fd, f, 12288, 333, 0, 4096, 2000, 42, "ok"), 0);
	rp_shadow_free(s);
	close(fd);
	assert_int_equal(unlink(f), 0);
	restored_n = 0;
	assert_int_equal(rp_shadow_restore(sh, NULL, 0, count_cb, NULL), 0);
	assert_int_equal(restored_n, 0);
	assert_int_equal(access(f, F_OK), -1);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}


static char cmd0[512];

static void
shadow_keep_restore_bounded(void **state)
{
	char dir[] = "/var/tmp/riposte-unit-XXXXXX";
	char sh[256], f[256], g[256], buf[64];
	assert_non_null(mkdtemp(dir));
	snprintf(sh, sizeof(sh), "%s/shadow", dir);
	snprintf(f, sizeof(f), "%s/doc.txt", dir);
	snprintf(g, sizeof(g), "%s/big.txt", dir);
	int fd = open(f, O_RDWR | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "original\n", 9), 9);
	int gd = open(g, O_RDWR | O_CREAT | O_TRUNC, 0644);
	assert_true(gd >= 0);
	assert_int_equal(ftruncate(gd, 4096), 0);

	struct rp_shadow *s;
	enum rp_shadow_how how;
	assert_int_equal(rp_shadow_open(&s, sh, 100, 3600, 1000), 0);
	assert_int_equal(rp_shadow_keep(s, fd, f, 0, 1000, 42, "ok", &how), 0);
	assert_true(how == RP_SHADOW_COPY || how == RP_SHADOW_CLONE);
	assert_int_equal(rp_shadow_used(s), 9);
	/* over --shadow-max: nothing kept, a clear code */
	assert_int_equal(rp_shadow_keep(s, gd, g, 0, 1000, 42, "ok", &how), RP_ERR_TOOBIG);
	assert_int_equal(rp_shadow_keep_range(s, gd, g, 4096, 0, 0, 4096, 1000, 42, "ok"), RP_ERR_TOOBIG);
	assert_int_equal(rp_shadow_used(s), 9);
	rp_shadow_free(s);

	/* the attack */
	assert_int_equal(pwrite(fd, "XXXXXXXXX", 9, 0), 9);
	restored_n = 0;
	const char *pre[] = { dir };
	assert_int_equal(rp_shadow_restore(sh, pre, 1, count_cb, NULL), 0);
	assert_int_equal(restored_n, 1);
	int rd = open(f, O_RDONLY);
	assert_int_equal(read(rd, buf, sizeof(buf)), 9);
	assert_memory_equal(buf, "original\n", 9);
	close(rd);

	/* expiry: reopened two hours later, the copy is gone */
	assert_int_equal(rp_shadow_open(&s, sh, 100, 3600, 1000 + 7200), 0);
	assert_int_equal(rp_shadow_used(s), 0);
	rp_shadow_free(s);
	restored_n = 0;
	assert_int_equal(rp_shadow_restore(sh, NULL, 0, count_cb, NULL), 0);
	assert_int_equal(restored_n, 0);
	close(fd);
	close(gd);

	/* several copies share one pack (no file per copy on ext4): each comes back
	 * alone, byte-exact, and the pack goes when every entry in it has expired */
	char a[256], b2[256];
	snprintf(a, sizeof(a), "%s/a.txt", dir);
	snprintf(b2, sizeof(b2), "%s/b.txt", dir);
	int fa = open(a, O_RDWR | O_CREAT | O_TRUNC, 0644), fb = open(b2, O_RDWR | O_CREAT | O_TRUNC, 0644);
	assert_true(fa >= 0 && fb >= 0);
	assert_int_equal(write(fa, "alpha alpha\n", 12), 12);
	assert_int_equal(write(fb, "bravo\n", 6), 6);
	assert_int_equal(rp_shadow_open(&s, sh, 1 << 20, 3600, 5000), 0);
	assert_int_equal(rp_shadow_keep(s, fa, a, 0, 5000, 42, "ok", &how), 0);
	assert_int_equal(rp_shadow_keep(s, fb, b2, 0, 5000, 42, "ok", &how), 0);
	assert_int_equal(rp_shadow_used(s), 18);
	rp_shadow_free(s);
	assert_int_equal(pwrite(fa, "############", 12, 0), 12);
	assert_int_equal(ftruncate(fb, 0), 0);
	restored_n = 0;
	assert_int_equal(rp_shadow_restore(sh, NULL, 0, count_cb, NULL), 0);
	assert_int_equal(restored_n, 2);
	rd = open(a, O_RDONLY);
	assert_int_equal(read(rd, buf, sizeof(buf)), 12);
	assert_memory_equal(buf, "alpha alpha\n", 12);
	close(rd);
	rd = open(b2, O_RDONLY);
	assert_int_equal(read(rd, buf, sizeof(buf)), 6);
	assert_memory_equal(buf, "bravo\n", 6);
	close(rd);
	close(fa);
	close(fb);
	/* a running watcher expires hourly: the old copy goes, the pack stays while a
	 * newer entry needs it, and goes with its last entry */
	char c3[256];
	snprintf(c3, sizeof(c3), "%s/c.txt", dir);
	int fc = open(c3, O_RDWR | O_CREAT | O_TRUNC, 0644);
	assert_true(fc >= 0);
	assert_int_equal(write(fc, "charlie\n", 8), 8);
	assert_int_equal(rp_shadow_open(&s, sh, 1 << 20, 3600, 5000), 0);
	assert_int_equal(rp_shadow_used(s), 18);
	assert_int_equal(rp_shadow_keep(s, fc, c3, 0, 8000, 42, "ok", &how), 0);
	assert_int_equal(rp_shadow_used(s), 26);
	assert_int_equal(rp_shadow_expire(s, 8700), 0);       /* a and b (5000) expire */
	assert_int_equal(rp_shadow_used(s), 8);
	assert_int_equal(rp_shadow_keep(s, fc, c3, 0, 8800, 42, "ok", &how), 0);
	assert_int_equal(rp_shadow_used(s), 16);
	assert_int_equal(rp_shadow_expire(s, 8000 + 3601), 0); /* the 8000 copy goes */
	assert_int_equal(rp_shadow_used(s), 8);
	rp_shadow_free(s);
	close(fc);
	snprintf(cmd0, sizeof(cmd0), "ls '%s' | grep -c '^P'", sh);
	FILE *np = popen(cmd0, "r");
	char npacks[16] = "";
	assert_non_null(np);
	assert_non_null(fgets(npacks, sizeof(npacks), np));
	pclose(np);
	assert_string_equal(npacks, "1\n");     /* only the pack of the 8800 copy */

	/* a stray copy nobody indexed (an interrupted run) and a foreign file */
	char stray[300];
	snprintf(stray, sizeof(stray), "%s/P1-99", sh);
	close(open(stray, O_WRONLY | O_CREAT, 0600));
	snprintf(stray, sizeof(stray), "%s/notes.txt", sh);
	close(open(stray, O_WRONLY | O_CREAT, 0600));
	assert_int_equal(rp_shadow_open(&s, sh, 1 << 20, 3600, 8800 + 7200), 0);
	rp_shadow_free(s);
	snprintf(cmd0, sizeof(cmd0), "ls '%s' | tr '\\n' ' '", sh);
	FILE *ls = popen(cmd0, "r");
	assert_non_null(ls);
	char names[256] = "";
	assert_non_null(fgets(names, sizeof(names), ls));
	pclose(ls);
	assert_string_equal(names, "index notes.txt ");
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void
compressed_probe(void **state)
{
	unsigned char plain[8192], gz[9000], fake[4096];
	for (size_t i = 0; i < sizeof(plain); i++)
		plain[i] = (unsigned char)("the practice report "[i % 20]);
	z_stream z;
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = plain;
	z.avail_in = sizeof(plain);
	z.next_out = gz;
	z.avail_out = sizeof(gz);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	size_t gzlen = sizeof(gz) - z.avail_out;
	deflateEnd(&z);
	assert_int_equal(rp_compressed_valid(gz, gzlen), 1);
	/* random bytes behind a gzip header: not a stream */
	srand(7);
	for (size_t i = 0; i < sizeof(fake); i++)
		fake[i] = (unsigned char)(rand() >> 7);
	memcpy(fake, "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
	assert_int_equal(rp_compressed_valid(fake, sizeof(fake)), 0);
	assert_int_equal(rp_compressed_valid(plain, sizeof(plain)), 0);
	memcpy(fake, "\xfd" "7zXZ\0", 6);
	assert_int_equal(rp_compressed_valid(fake, sizeof(fake)), 0);
}

/* a ustar header for a member of size bytes, its checksum computed */
static void
tar_header(unsigned char *h, const char *name, size_t size)
{
	memset(h, 0, 512);
	snprintf((char *)h, 100, "%s", name);
	memcpy(h + 100, "0000644", 7);
	snprintf((char *)h + 124, 12, "%011o", (unsigned)size);
	snprintf((char *)h + 136, 12, "%011o", 1796467000u);
	h[156] = '0';
	memcpy(h + 257, "ustar\0" "00", 8);
	memset(h + 148, ' ', 8);
	unsigned sum = 0;
	for (int i = 0; i < 512; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
}

static int
growing(const void *buf, size_t len)
{
	int fd = memfd_create("grow", MFD_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, len), (ssize_t)len);
	int v = rp_archive_growing_random(fd, len);
	close(fd);
	return v;
}

/* watch's look at an archive still growing while its writer deletes what it put in */
static void
growing_archive(void **state)
{
	static unsigned char rnd[65536], text[65536], buf[96 * 1024];
	srand(11);
	for (size_t i = 0; i < sizeof(rnd); i++)
		rnd[i] = (unsigned char)(rand() >> 7);
	for (size_t i = 0; i < sizeof(text); i++)
		text[i] = (unsigned char)("patient referral, invoice 2026\n"[i % 31]);
	/* random content of no format: the stream attack; too short: not yet */
	assert_int_equal(growing(rnd, sizeof(rnd)), 1);
	assert_int_equal(growing(rnd, 4000), 0);
	assert_int_equal(growing(text, sizeof(text)), -1);
	/* a text preamble in front of random content does not hide it */
	memcpy(buf, text, 4096);
	memcpy(buf + 4096, rnd, sizeof(rnd));
	assert_int_equal(growing(buf, 4096 + sizeof(rnd)), 1);
	/* gzip of incompressible data: random, but a stream that decodes */
	z_stream z;
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = rnd;
	z.avail_in = 40000;
	z.next_out = buf;
	z.avail_out = sizeof(buf);
	assert_int_equal(deflate(&z, Z_SYNC_FLUSH), Z_OK);     /* still growing: no end */
	size_t gzlen = sizeof(buf) - z.avail_out;
	deflateEnd(&z);
	assert_int_equal(growing(buf, gzlen), -1);
	/* the same length of random bytes behind a gzip header: fake */
	memcpy(buf + 10, rnd, gzlen - 10);
	assert_int_equal(growing(buf, gzlen), 1);
	/* a tar of text documents; a tar whose members are random content of no format
	 * (encrypted documents behind real headers); a broken header further in */
	size_t off = 0;
	for (int m = 0; m < 3; m++) {
		tar_header(buf + off, m == 0 ? "a.txt" : m == 1 ? "b.txt" : "c.txt", 8192);
		memcpy(buf + off + 512, text + 1000 * (size_t)m, 8192);
		off += 512 + 8192;
	}
	assert_int_equal(growing(buf, off), -1);
	for (int m = 0; m < 3; m++)
		memcpy(buf + m * (512 + 8192) + 512, rnd + 9000 * (size_t)m, 8192);
	assert_int_equal(growing(buf, off), 1);
	for (int m = 0; m < 3; m++)
		memcpy(buf + m * (512 + 8192) + 512, text, 8192);
	memset(buf + 512 + 8192 + 148, '7', 6);     /* the second header's checksum */
	assert_int_equal(growing(buf, off), 1);
	/* another format with a signature of its own: not this pattern's */
	memcpy(buf, "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
	memcpy(buf + 16, rnd, 8192);
	assert_int_equal(growing(buf, 8208), -1);
}

static void
canaries(void **state)
{
	assert_true(rp_canary_is("/srv/share/!Accounts-2026.csv"));
	assert_true(rp_canary_is("~Payroll-archive.csv"));
	assert_false(rp_canary_is("/srv/share/Accounts-2026.csv"));
	char dir[] = "/var/tmp/riposte-unit-XXXXXX", p[256];
	assert_non_null(mkdtemp(dir));
	size_t n;
	assert_int_equal(rp_canary_deploy(dir, 1795330740, &n), 0);
	assert_int_equal(n, 2);
	snprintf(p, sizeof(p), "%s/%s", dir, rp_canary_names[0]);
	assert_int_equal(rp_canary_intact(p), 1);
	int fd = open(p, O_WRONLY);
	assert_int_equal(write(fd, "xx", 2), 2);
	close(fd);
	assert_int_equal(rp_canary_intact(p), 0);
	unlink(p);
	assert_int_equal(rp_canary_intact(p), RP_ERR_NOTFOUND);
	snprintf(p, sizeof(p), "rm -rf '%s'", dir);
	assert_int_equal(system(p), 0);
}

/* A canary read adds a little and is no first signal; a canary changed is enough. */
static void
canary_signals(void **state)
{
	struct rp_beh *b;
	assert_int_equal(rp_beh_new(&b, 60000), 0);
	assert_string_equal(rp_sig_name(RP_SIG_CANARY_READ), "canary-read");
	assert_true(rp_sig_weight(RP_SIG_CANARY_READ) > 0);
	assert_true(rp_sig_weight(RP_SIG_CANARY_READ) * 2 < RP_BEH_THRESHOLD);
	struct rp_beh_group *g = rp_beh_group(b, 7, 1000);
	assert_int_equal(rp_beh_add(g, RP_SIG_CANARY_READ, 1000, 60000), rp_sig_weight(RP_SIG_CANARY_READ));
	assert_int_equal(g->first_bad_ms, 0);
	/* quiet for four windows: forgotten like a group that never scored */
	assert_non_null(rp_beh_group(b, 8, 1000 + 5 * 60000));
	assert_null(rp_beh_find(b, 7));
	g = rp_beh_group(b, 9, 400000);
	rp_beh_add(g, RP_SIG_CANARY_READ, 400000, 60000);
	assert_int_equal(rp_beh_add(g, RP_SIG_CANARY, 400010, 60000),
	    RP_BEH_THRESHOLD + rp_sig_weight(RP_SIG_CANARY_READ));
	assert_int_equal(g->first_bad_ms, 400010);
	rp_beh_free(b);

	char dir[] = "/var/tmp/riposte-unit-XXXXXX", p[256];
	assert_non_null(mkdtemp(dir));
	size_t n;
	assert_int_equal(rp_canary_deploy(dir, 1795330740, &n), 0);
	snprintf(p, sizeof(p), "%s/%s", dir, rp_canary_names[1]);
	int fd = open(p, O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(rp_canary_intact_fd(fd), 1);
	assert_int_equal(pwrite(fd, "Z", 1, 3), 1);
	assert_int_equal(rp_canary_intact_fd(fd), 0);
	assert_int_equal(ftruncate(fd, 0), 0);
	assert_int_equal(rp_canary_intact_fd(fd), 0);
	close(fd);
	snprintf(p, sizeof(p), "rm -rf '%s'", dir);
	assert_int_equal(system(p), 0);
}

/* The access of a child blocked in a system call, as watch reads it for a permission
 * event: -1 when it did not block within 5 s. */
static int
blocked_access(pid_t c, const struct stat *st)
{
	for (int i = 0; i < 500; i++) {
		enum rp_proc_access a = rp_proc_access(c, (uint64_t)st->st_dev, (uint64_t)st->st_ino);
		if (a != RP_PROC_UNKNOWN)
			return (int)a;
		usleep(10000);
	}
	return -1;
}

/* What a page fault or a two-descriptor call does to a file: from /proc. */
static void
proc_access_kinds(void **state)
{
	const char *dev = "fd:01";
	char line[256];
	snprintf(line, sizeof(line), "7f1c2c000000-7f1c2c021000 rw-s 00000000 %s 1234567   /srv/x.csv\n", dev);
	assert_int_equal(rp_proc_maps_line_writes(line, strlen(line), makedev(0xfd, 1), 1234567), 1);
	assert_int_equal(rp_proc_maps_line_writes(line, strlen(line), makedev(0xfd, 1), 1234568), 0);
	assert_int_equal(rp_proc_maps_line_writes(line, strlen(line), makedev(0xfd, 2), 1234567), 0);
	snprintf(line, sizeof(line), "7f1c2c000000-7f1c2c021000 r--s 00000000 fd:01 1234567 /srv/x.csv");
	assert_int_equal(rp_proc_maps_line_writes(line, strlen(line), makedev(0xfd, 1), 1234567), 0);
	snprintf(line, sizeof(line), "7f1c2c000000-7f1c2c021000 rw-p 00000000 fd:01 1234567 /srv/x.csv");
	assert_int_equal(rp_proc_maps_line_writes(line, strlen(line), makedev(0xfd, 1), 1234567), 0);
	assert_int_equal(rp_proc_maps_line_writes("garbage", 7, 0, 0), 0);

	char path[] = "/var/tmp/riposte-unit-map-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 4096), 0);
	struct stat st;
	assert_int_equal(fstat(fd, &st), 0);
	void *m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	assert_true(m != MAP_FAILED);
	assert_int_equal(rp_proc_maps_writable(getpid(), (uint64_t)st.st_dev, (uint64_t)st.st_ino), 0);
	void *mw = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	assert_true(mw != MAP_FAILED);
	assert_int_equal(rp_proc_maps_writable(getpid(), (uint64_t)st.st_dev, (uint64_t)st.st_ino), 1);
	munmap(mw, 4096);
	munmap(m, 4096);

	/* splice from an empty pipe into the file: blocked, a write of the file */
	int pp[2];
	assert_int_equal(pipe(pp), 0);
	pid_t c = fork();
	if (c == 0) {
		(void)splice(pp[0], NULL, fd, NULL, 4096, 0);
		_exit(0);
	}
	assert_int_equal(blocked_access(c, &st), RP_PROC_WRITE);
	kill(c, SIGKILL);
	waitpid(c, NULL, 0);
	/* splice from the file into a full pipe: blocked, a read of the file */
	assert_int_equal(fcntl(pp[1], F_SETFL, O_NONBLOCK), 0);
	while (write(pp[1], line, sizeof(line)) > 0)
		;
	assert_int_equal(fcntl(pp[1], F_SETFL, 0), 0);
	c = fork();
	if (c == 0) {
		(void)splice(fd, NULL, pp[1], NULL, 4096, 0);
		_exit(0);
	}
	assert_int_equal(blocked_access(c, &st), RP_PROC_READ_RW);    /* mkstemp: O_RDWR */
	kill(c, SIGKILL);
	waitpid(c, NULL, 0);
	close(pp[0]);
	close(pp[1]);
	close(fd);
	unlink(path);
}

static void
proc_guards(void **state)
{
	struct rp_proc_info info;
	assert_int_equal(rp_proc_info(getpid(), &info), 0);
	assert_int_equal(info.ppid, getppid());
	assert_int_equal(info.sid, getsid(0));
	assert_true(info.exe[0] == '/');
	/* never pid 1, never itself, never an ancestor */
	assert_int_equal(rp_proc_signal(1, SIGSTOP), RP_ERR_REFUSED);
	assert_int_equal(rp_proc_signal(getpid(), SIGSTOP), RP_ERR_REFUSED);
	assert_int_equal(rp_proc_signal(getppid(), SIGSTOP), RP_ERR_REFUSED);
	assert_int_equal(rp_proc_signal(0, SIGSTOP), RP_ERR_REFUSED);
	pid_t c = fork();
	if (c == 0) {
		pause();
		_exit(0);
	}
	assert_int_equal(rp_proc_signal(c, SIGKILL), 0);
	int st;
	assert_int_equal(waitpid(c, &st, 0), c);
	assert_int_equal(rp_proc_signal(c, SIGKILL), RP_ERR_VANISHED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scoring_window),
		cmocka_unit_test(groups_and_files),
		cmocka_unit_test(head_classes),
		cmocka_unit_test(replacement_pairs),
		cmocka_unit_test(verdict_pool),
		cmocka_unit_test(shadow_index_parse),
		cmocka_unit_test(shadow_keep_restore_bounded),
		cmocka_unit_test(shadow_ranges_restore),
		cmocka_unit_test(compressed_probe),
		cmocka_unit_test(growing_archive),
		cmocka_unit_test(canaries),
		cmocka_unit_test(canary_signals),
		cmocka_unit_test(proc_access_kinds),
		cmocka_unit_test(proc_guards),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
