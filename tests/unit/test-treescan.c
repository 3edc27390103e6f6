/* The tree-scan engine on a tree made here: walk order whatever the number of jobs,
 * the summary, warnings, the time window, a callback that stops the run. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/time.h"
#include "detect/treescan.h"
#include "fs/walk.h"

static char dir[] = "/tmp/rp-test-treescan.XXXXXX";
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

#define T_BLOB  1577836800    /* 2020-01-01T00:00:00Z */
#define T_XLSX  1622505600    /* 2021-06-01T00:00:00Z */

static void
put(const char *name, const void *data, size_t n, int64_t mtime)
{
	char path[512];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	if (mtime) {
		struct timespec ts[2] = { { mtime, 0 }, { mtime, 0 } };

		assert_int_equal(futimens(fd, ts), 0);
	}
	close(fd);
}

static void
put_abs(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, "x\n", 2), 2);
	close(fd);
}

static void
put_random(const char *name, size_t n, int64_t mtime)
{
	unsigned char *p = malloc(n);
	size_t i;

	assert_non_null(p);
	for (i = 0; i < n; i++) {
		rng ^= rng >> 12;
		rng ^= rng << 25;
		rng ^= rng >> 27;
		p[i] = (unsigned char)((rng * 0x2545f4914f6cdd1dULL) >> 56);
	}
	put(name, p, n, mtime);
	free(p);
}

/* what the callbacks saw */
struct seen {
	struct rp_buf order;      /* "path kind\n" per verdict, and "! kind path\n" per warning */
	uint64_t verdicts, progress_files, progress_bytes;
	int warnings[3];
	int root_code, root_errno;
	int stop_after;           /* > 0: on_verdict fails on that verdict */
};

static int
on_verdict(const struct rp_treescan_file *f, void *ctx)
{
	struct seen *s = ctx;

	assert_int_equal(strlen(f->path), f->pathlen);
	assert_true(strncmp(f->path, f->topdir, strlen(f->topdir)) == 0);
	rp_buf_addf(&s->order, "%s %s\n", f->path + strlen(dir), rp_verdict_name(f->v->kind));
	s->verdicts++;
	if (s->stop_after && s->verdicts == (uint64_t)s->stop_after)
		return RP_ERR_INVALID;
	return 0;
}

static int
on_warning(const struct rp_treescan_warning *w, void *ctx)
{
	struct seen *s = ctx;

	s->warnings[w->kind]++;
	if (w->kind == RP_TSW_ROOT) {
		s->root_code = w->code;
		s->root_errno = w->sys_errno;
		assert_non_null(w->what);
	}
	rp_buf_addf(&s->order, "! %d %s\n", (int)w->kind, w->path);
	return 0;
}

static void
on_progress(uint64_t files, uint64_t bytes, const char *path, void *ctx)
{
	struct seen *s = ctx;

	assert_true(files == s->progress_files + 1);
	s->progress_files = files;
	s->progress_bytes = bytes;
}

static const struct rp_treescan_cb cbs = { on_verdict, on_warning, on_progress };

static int
scan(struct seen *s, struct rp_treescan_opts *o, const char *const *roots, size_t n,
    struct rp_treescan_summary *sum)
{
	struct rp_treescan *ts = NULL;
	int r, stop_after = s->stop_after;

	memset(s, 0, sizeof(*s));
	s->stop_after = stop_after;
	rp_buf_init(&s->order, 0);
	if (o->since == 0 && o->until == 0)
		o->since = o->until = RP_TIME_UNSET;
	assert_int_equal(rp_treescan_new(&ts, o, &cbs, s, NULL), 0);
	r = rp_treescan_run(ts, roots, n);
	*sum = *rp_treescan_summary(ts);
	sum->notes = sum->exts = sum->dirs = NULL;    /* freed with ts */
	if ((r == 0 || r == RP_ERR_SYSTEM) && sum->files == 8) {
		/* the whole tree: the lists as they must be */
		const struct rp_treescan_summary *x = rp_treescan_summary(ts);

		assert_int_equal(x->nnotes, 1);
		assert_int_equal(x->ndirs, 3);

		if (x->nnotes) {
			assert_string_equal(x->notes[0].key, "RyukReadMe.txt");
			assert_int_equal(x->notes[0].total, 2);
		}
		if (x->nexts) {
			assert_int_equal(x->nexts, 1);
			assert_string_equal(x->exts[0].key, "lockbit");
		}
		if (x->ndirs == 3) {
			/* by name: the root (a file directly in it), then A, then B */
			assert_string_equal(x->dirs[0].key, dir);
			assert_int_equal(x->dirs[0].total, 1);
			assert_int_equal(strcmp(x->dirs[1].key + strlen(dir), "/A"), 0);
			assert_int_equal(x->dirs[1].total, 3);
			assert_int_equal(x->dirs[1].n[RP_V_ENCRYPTED], 1);
			assert_int_equal(x->dirs[1].n[RP_V_NOTE], 1);
			assert_int_equal(strcmp(x->dirs[2].key + strlen(dir), "/B"), 0);
			assert_int_equal(x->dirs[2].total, 4);
		}
	}
	rp_treescan_free(ts);
	return r;
}

static const char expected[] =
    "/A/budget.xlsx.lockbit encrypted\n"
    "/A/letter.txt ok\n"
    "/A/sub/RyukReadMe.txt note\n"
    "/B/RyukReadMe.txt note\n"
    "/B/blob.bin encrypted\n"
    "/B/fifo skipped\n"
    "/B/link skipped\n"
    "/top.txt ok\n";

static void
walk_order_whatever_the_jobs(void **state)
{
	const char *roots[] = { dir };
	struct rp_treescan_summary sum;
	struct seen s;
	int jobs;

	for (jobs = 1; jobs <= 4; jobs++) {
		struct rp_treescan_opts o = { .jobs = jobs };

		s.stop_after = 0;
		assert_int_equal(scan(&s, &o, roots, 1, &sum), 0);
		assert_string_equal(s.order.buf, expected);
		assert_int_equal(sum.files, 8);
		assert_int_equal(sum.count[RP_V_ENCRYPTED], 2);
		assert_int_equal(sum.count[RP_V_NOTE], 2);
		assert_int_equal(sum.count[RP_V_OK], 2);
		assert_int_equal(sum.count[RP_V_SKIPPED], 2);
		assert_int_equal(sum.nnotes, 1);
		assert_int_equal(sum.nexts, 1);
		assert_int_equal(sum.ndirs, 3);
		assert_int_equal(sum.first_enc, T_BLOB);
		assert_int_equal(sum.last_enc, T_XLSX);
		assert_int_equal(sum.bytes[RP_V_ENCRYPTED], 50000 + 40000);
		assert_int_equal(sum.read_without_noatime, 0);
		assert_int_equal(sum.filtered, 0);
		assert_int_equal(sum.roots_failed, 0);
		assert_int_equal(sum.walk.files, 6);
		assert_int_equal(s.progress_files, 8);
		assert_int_equal(s.progress_bytes, sum.bytes_all);
		assert_int_equal(s.warnings[RP_TSW_ROOT] + s.warnings[RP_TSW_UNREADABLE] +
		    s.warnings[RP_TSW_NOT_ENTERED], 0);
		rp_buf_release(&s.order);
	}
}

static void
a_missing_root_is_said_and_the_others_scanned(void **state)
{
	char missing[512];
	const char *roots[] = { missing, dir };
	struct rp_treescan_opts o = { .jobs = 2 };
	struct rp_treescan_summary sum;
	struct seen s = { .stop_after = 0 };

	snprintf(missing, sizeof(missing), "%s/missing", dir);
	assert_int_equal(scan(&s, &o, roots, 2, &sum), RP_ERR_SYSTEM);
	assert_int_equal(s.warnings[RP_TSW_ROOT], 1);
	assert_int_equal(s.root_code, RP_ERR_SYSTEM);
	assert_int_equal(s.root_errno, ENOENT);
	assert_int_equal(sum.roots_failed, 1);
	assert_int_equal(sum.files, 8);
	/* the warning comes first, then the next root's verdicts */
	assert_true(strncmp(s.order.buf, "! 0 ", 4) == 0);
	assert_string_equal(strchr(s.order.buf, '\n') + 1, expected);
	rp_buf_release(&s.order);
}

static void
time_window_filters_files(void **state)
{
	const char *roots[] = { dir };
	struct rp_treescan_opts o = { .jobs = 2, .since = T_BLOB + 1, .until = RP_TIME_UNSET };
	struct rp_treescan_summary sum;
	struct seen s = { .stop_after = 0 };

	assert_int_equal(scan(&s, &o, roots, 1, &sum), 0);
	assert_int_equal(sum.filtered, 1);               /* blob.bin */
	assert_int_equal(sum.count[RP_V_ENCRYPTED], 1);
	assert_int_equal(sum.first_enc, T_XLSX);
	assert_null(strstr(s.order.buf, "blob.bin"));
	rp_buf_release(&s.order);
	o.since = RP_TIME_UNSET;
	o.until = T_XLSX - 1;
	assert_int_equal(scan(&s, &o, roots, 1, &sum), 0);
	/* only blob.bin is that old; entries that are no files are not filtered */
	assert_int_equal(sum.filtered, 5);
	assert_int_equal(sum.files, 3);
	rp_buf_release(&s.order);
}

static void
a_callback_stops_the_run(void **state)
{
	const char *roots[] = { dir, dir };
	struct rp_treescan_summary sum;
	struct seen s;
	int jobs;

	for (jobs = 1; jobs <= 4; jobs += 3) {
		struct rp_treescan_opts o = { .jobs = jobs };

		s.stop_after = 3;
		assert_int_equal(scan(&s, &o, roots, 2, &sum), RP_ERR_INVALID);
		assert_int_equal(s.verdicts, 3);
		assert_int_equal(s.progress_files, 2);
		rp_buf_release(&s.order);
	}
}

/* An unreadable directory is a warning before its skipped verdict. As root, the
 * scan runs in a child that drops to nobody (root reads everything). */
static void
unreadable_directory_is_a_warning(void **state)
{
	char locked[512];
	pid_t pid;
	int st;

	snprintf(locked, sizeof(locked), "%s/C", dir);
	assert_int_equal(mkdir(locked, 0), 0);
	assert_int_equal(chmod(dir, 0755), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		const char *roots[] = { dir };
		struct rp_treescan_opts o = { .jobs = 2, .allow_atime = 1,
			.since = RP_TIME_UNSET, .until = RP_TIME_UNSET };
		struct rp_treescan *ts = NULL;
		struct seen s = { .stop_after = 0 };
		const char *w;

		if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
			_exit(10);
		rp_buf_init(&s.order, 0);
		if (rp_treescan_new(&ts, &o, &cbs, &s, NULL) != 0)
			_exit(11);
		if (rp_treescan_run(ts, roots, 1) != 0)
			_exit(12);
		if (s.warnings[RP_TSW_UNREADABLE] != 1)
			_exit(13);
		w = strstr(s.order.buf, "! 1 ");
		if (w == NULL || strstr(w, "/C\n") == NULL ||
		    strncmp(strchr(w, '\n') + 1, "/C skipped\n", 11) != 0)
			_exit(14);
		rp_treescan_free(ts);
		rp_buf_release(&s.order);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	rmdir(locked);
	chmod(dir, 0700);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

static void
refuses_bad_options(void **state)
{
	struct rp_treescan_opts o = { .jobs = 257 };
	struct rp_treescan *ts = (struct rp_treescan *)&o;

	assert_int_equal(rp_treescan_new(&ts, &o, NULL, NULL, NULL), RP_ERR_INVALID);
	assert_null(ts);
	rp_treescan_free(NULL);
}

/*
 * Notes by their copies (issue 20): a small text with some evidence of a note but not
 * enough alone is a note when the same content lies in 3 folders or more; ordinary
 * texts copied into 40 folders (desktop.ini, a README or a licence stub with a mail, a
 * shopping list, a log line with a URL) are not, nor one copy of the evidence text.
 * The held verdicts come after the others.
 */
static void
notes_by_their_copies(void **state)
{
	static const char *const plain[][2] = {
		{ "desktop.ini", "[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\imageres.dll,-3\r\n" },
		{ "README.txt", "foo 1.2: a tiny library. Report bugs to dev@example.org.\nSee INSTALL.\n" },
		{ "LICENSE", "Copyright (C) 2021 Jane Roe <jane@example.org>\nLicensed under the MIT licence; "
		    "see https://opensource.org/licenses/MIT. The key words MUST and SHOULD are in RFC 2119.\n" },
		{ "courses.txt", "lait, pain, 2 kg pommes, caf\xc3\xa9, savon; payer la facture EDF\n" },
		{ "run.log", "2026-11-02 10:14:03 GET https://example.org/files/2.3 200 1520 ok\n" },
	};
	char note[2048], other[2048], top[sizeof(dir) + 8], p[600];
	const char *roots[1];
	struct rp_treescan_summary sum;
	struct seen s;
	size_t n = 0, i, k;
	int jobs;

	/* two sentences with a mail and an ID, no claim any rule knows: not enough alone */
	n += (size_t)snprintf(note + n, sizeof(note) - n, "Something happened to the company's "
	    "server today and we are the ones who did it: we hold 310 GB of it.\nWrite to "
	    "recover7@onionmail.org and give this ID: 4F2A9C0D1E7B3A56.\n");
	while (n < 1500)
		n += (size_t)snprintf(note + n, sizeof(note) - n, "We will answer within the day.\n");
	memcpy(other, note, n);
	other[0] = 's';   /* another content: one copy */
	snprintf(top, sizeof(top), "%s/dup", dir);
	assert_int_equal(mkdir(top, 0755), 0);
	for (i = 0; i < 40; i++) {
		snprintf(p, sizeof(p), "%s/dup/f%02zu", dir, i);
		assert_int_equal(mkdir(p, 0755), 0);
		for (k = 0; k < sizeof(plain) / sizeof(plain[0]); k++) {
			snprintf(p, sizeof(p), "dup/f%02zu/%s", i, plain[k][0]);
			put(p, plain[k][1], strlen(plain[k][1]), 0);
		}
		if (i < 5) {
			snprintf(p, sizeof(p), "dup/f%02zu/HOW_TO_TALK.txt", i);
			put(p, note, n, 0);
		}
	}
	put("dup/f39/TALK.txt", other, n, 0);
	roots[0] = top;
	for (jobs = 1; jobs <= 2; jobs++) {
		struct rp_treescan_opts o = { .jobs = jobs };
		const char *last;

		s.stop_after = 0;
		assert_int_equal(scan(&s, &o, roots, 1, &sum), 0);
		assert_int_equal(sum.files, 40 * 5 + 5 + 1);
		assert_int_equal(sum.count[RP_V_NOTE], 5);
		assert_int_equal(sum.count[RP_V_OK], 40 * 5 + 1);
		/* the five copies come last, as notes, in walk order */
		last = strstr(s.order.buf, "/dup/f00/HOW_TO_TALK.txt note\n");
		assert_non_null(last);
		assert_non_null(strstr(last, "/dup/f04/HOW_TO_TALK.txt note\n"));
		assert_non_null(strstr(s.order.buf, "/dup/f39/TALK.txt ok\n"));
		assert_null(strstr(last, "desktop.ini"));
		rp_buf_release(&s.order);
	}
	snprintf(p, sizeof(p), "rm -rf '%s'", top);
	assert_int_equal(system(p), 0);
}

/* what a walk saw, for the directories listed ahead */
struct walked {
	struct rp_buf order;
	int slow;                 /* ms slept on each file: the helper gets ahead */
};

static int
on_walked(const struct rp_walk_entry *e, void *ctx)
{
	struct walked *w = ctx;

	rp_buf_addf(&w->order, "%d %s\n", (int)e->kind, e->path);
	if (w->slow && e->kind == RP_WALK_FILE) {
		struct timespec t = { 0, w->slow * 1000000L };

		nanosleep(&t, NULL);
	}
	return 0;
}

/*
 * The directories the walk will enter are listed ahead by a helper thread (walk.c,
 * prefetch_dirs): every one of them but the excluded, the walk's entries and order
 * unchanged, and no directory's access time changed by the helper's listing.
 */
static void
directories_listed_ahead(void **state)
{
	static const char *const sub[] = { "d0", "d0/e0", "d0/e1", "d1", "d1/e0", "d2",
		"d2/e0", "d2/e0/f0", "skip", "skip/inner" };
	static const char *const excl[] = { "skip" };
	char root[] = "/tmp/rp-test-walkahead.XXXXXX", p[600], cmd[700];
	struct rp_walk_opts o = { .exclude = excl, .nexclude = 1 };
	struct rp_walk_stats st0 = { 0 }, st1 = { 0 };
	struct walked w0 = { RP_BUF_INIT, 0 }, w1 = { RP_BUF_INIT, 20 };
	const struct timespec old[2] = { { T_BLOB, 0 }, { T_BLOB, 0 } };
	struct stat sb;
	size_t i;

	assert_non_null(mkdtemp(root));
	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", root, sub[i]);
		assert_int_equal(mkdir(p, 0755), 0);
		snprintf(p, sizeof(p), "%s/%s/file", root, sub[i]);
		assert_int_equal(close(open(p, O_WRONLY | O_CREAT, 0644)), 0);
	}
	/* last in the walk: time for the helper to list what was queued last */
	snprintf(p, sizeof(p), "%s/zz", root);
	assert_int_equal(close(open(p, O_WRONLY | O_CREAT, 0644)), 0);
	/* access times long past: a listing that changed them would show (relatime too) */
	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", root, sub[i]);
		assert_int_equal(utimensat(AT_FDCWD, p, old, 0), 0);
	}
	assert_int_equal(rp_walk(root, &o, on_walked, &w0, &st0), 0);
	o.prefetch_dirs = 1;
	assert_int_equal(rp_walk(root, &o, on_walked, &w1, &st1), 0);
	assert_string_equal(w1.order.buf, w0.order.buf);
	assert_int_equal(st1.dirs, st0.dirs);
	assert_int_equal(st1.files, st0.files);
	assert_int_equal(st0.dirs_prefetched, 0);
	/* the eight directories below the root that are not excluded */
	assert_int_equal(st1.dirs, 9);
	assert_int_equal(st1.dirs_prefetched, 8);
	for (i = 0; i < sizeof(sub) / sizeof(sub[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", root, sub[i]);
		assert_int_equal(stat(p, &sb), 0);
		assert_int_equal(sb.st_atim.tv_sec, T_BLOB);
	}
	rp_buf_release(&w0.order);
	rp_buf_release(&w1.order);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

/*
 * Regular files opened by the walk without a stat first (open_files): the entry "b"
 * is a regular file when its directory is listed and is replaced, from the callback
 * of the entry before it, by a FIFO, a symlink or a directory before the walk reaches
 * it. The walk must report it as the stat-first walk does (a FIFO not waited on, a
 * symlink not followed, a directory entered), give a descriptor only with a regular
 * file, that descriptor's fstat as st, and leave no descriptor open.
 */
struct swapped {
	struct rp_buf order;
	const char *root;
	int kind;                 /* 0 FIFO, 1 symlink, 2 directory */
	int opened;               /* FILE entries that came with a descriptor */
};

static int
on_swapped(const struct rp_walk_entry *e, void *ctx)
{
	struct swapped *w = ctx;
	char p[600];
	size_t n = strlen(e->path);

	rp_buf_addf(&w->order, "%d %s %s\n", (int)e->kind, e->path, e->what ? e->what : "-");
	if (e->fd >= 0) {
		struct stat sb;

		assert_int_equal(e->kind, RP_WALK_FILE);
		assert_non_null(e->st);
		assert_int_equal(fstat(e->fd, &sb), 0);
		assert_true(S_ISREG(sb.st_mode));
		assert_int_equal(sb.st_ino, e->st->st_ino);
		assert_int_equal(sb.st_dev, e->st->st_dev);
		assert_int_equal(fcntl(e->fd, F_GETFD) & FD_CLOEXEC, FD_CLOEXEC);
		assert_true((fcntl(e->fd, F_GETFL) & O_ACCMODE) == O_RDONLY);
		assert_true(e->noatime);
		w->opened++;
		close(e->fd);
	}
	if (n >= 2 && strcmp(e->path + n - 2, "/a") == 0) {
		snprintf(p, sizeof(p), "%s/b", w->root);
		assert_int_equal(unlink(p), 0);
		if (w->kind == 0)
			assert_int_equal(mkfifo(p, 0644), 0);
		else if (w->kind == 1)
			assert_int_equal(symlink("a", p), 0);
		else
			assert_int_equal(mkdir(p, 0755), 0);
	}
	return 0;
}

static int
count_fds(void)
{
	char p[64];
	int fd, n = 0;

	for (fd = 0; fd < 1024; fd++) {
		snprintf(p, sizeof(p), "/proc/self/fd/%d", fd);
		if (access(p, F_OK) == 0)
			n++;
	}
	return n;
}

static void
files_opened_without_stat_replaced_before_open(void **state)
{
	static const char *const what[] = { "fifo", "symlink", NULL };
	char root[] = "/tmp/rp-test-openfiles.XXXXXX", p[600], cmd[700];
	int kind, fds0 = count_fds();

	assert_non_null(mkdtemp(root));
	/* a FIFO waited on would hang the test: the alarm ends it instead */
	alarm(20);
	for (kind = 0; kind < 3; kind++) {
		struct rp_walk_opts o = { 0 };
		struct rp_walk_stats st0 = { 0 }, st1 = { 0 };
		struct swapped w0 = { RP_BUF_INIT, root, kind, 0 }, w1 = { RP_BUF_INIT, root, kind, 0 };
		char want[800];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'/*", root);
		assert_int_equal(system(cmd), 0);
		snprintf(p, sizeof(p), "%s/a", root);
		put_abs(p);
		snprintf(p, sizeof(p), "%s/b", root);
		put_abs(p);
		snprintf(p, sizeof(p), "%s/c", root);
		put_abs(p);
		/* today's walk: a stat, then the kind */
		assert_int_equal(rp_walk(root, &o, on_swapped, &w0, &st0), 0);
		assert_int_equal(w0.opened, 0);
		/* the same tree again (b is a regular file when listed) */
		snprintf(p, sizeof(p), "rm -rf '%s/b'", root);
		assert_int_equal(system(p), 0);
		snprintf(p, sizeof(p), "%s/b", root);
		put_abs(p);
		o.open_files = 1;
		assert_int_equal(rp_walk(root, &o, on_swapped, &w1, &st1), 0);
		assert_string_equal(w1.order.buf, w0.order.buf);
		assert_int_equal(st1.files, st0.files);
		assert_int_equal(st1.others, st0.others);
		assert_int_equal(st1.dirs, st0.dirs);
		/* a and c came open; b did not */
		assert_int_equal(w1.opened, 2);
		if (what[kind])
			snprintf(want, sizeof(want), "1 %s -\n0 %s/a -\n2 %s/b %s\n0 %s/c -\n",
			    root, root, root, what[kind], root);
		else
			snprintf(want, sizeof(want), "1 %s -\n0 %s/a -\n1 %s/b -\n0 %s/c -\n",
			    root, root, root, root);
		assert_string_equal(w1.order.buf, want);
		rp_buf_release(&w0.order);
		rp_buf_release(&w1.order);
	}
	alarm(0);
	assert_int_equal(count_fds(), fds0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

/*
 * A directory whose entries take several getdents64 calls (the walk reads it with its
 * own buffer of 32 KiB): every entry reported, once, in byte order of the names, with
 * and without the helper listing ahead and the walk opening the files.
 */
struct counted {
	uint64_t files;
	char last[256];
	int unordered;
};

static int
on_counted(const struct rp_walk_entry *e, void *ctx)
{
	struct counted *c = ctx;

	if (e->fd >= 0)
		close(e->fd);
	if (e->kind != RP_WALK_FILE)
		return 0;
	if (c->files > 0 && strcmp(e->name, c->last) <= 0)
		c->unordered++;
	snprintf(c->last, sizeof(c->last), "%s", e->name);
	c->files++;
	return 0;
}

static void
a_large_directory_listed_whole(void **state)
{
	enum { N = 1500 };
	char root[] = "/tmp/rp-test-bigdir.XXXXXX", p[700], cmd[700];
	struct counted c0 = { 0 }, c1 = { 0 };
	struct rp_walk_opts o = { 0 };
	struct rp_walk_stats st0 = { 0 }, st1 = { 0 };
	int i;

	assert_non_null(mkdtemp(root));
	snprintf(p, sizeof(p), "%s/d", root);
	assert_int_equal(mkdir(p, 0755), 0);
	/* names of 100 bytes: about 128 KiB of records, four buffers or more */
	for (i = N - 1; i >= 0; i--) {
		snprintf(p, sizeof(p), "%s/d/%05d-%0*d", root, (i * 7919) % N, 94, i);
		put_abs(p);
	}
	assert_int_equal(rp_walk(root, &o, on_counted, &c0, &st0), 0);
	o.prefetch_dirs = 1;
	o.open_files = 1;
	assert_int_equal(rp_walk(root, &o, on_counted, &c1, &st1), 0);
	assert_int_equal(c0.files, N);
	assert_int_equal(c1.files, N);
	assert_int_equal(c0.unordered, 0);
	assert_int_equal(c1.unordered, 0);
	assert_int_equal(st1.files, N);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
}

/*
 * A file with another bind-mounted over it: listed DT_REG, refused by the walk's own
 * open (openat2 RESOLVE_NO_XDEV: a mount point is never opened unasked), and with
 * cross_mounts opened the stat-first way, in a ring whose slots last held files the
 * walk opened (300 files of 2 bytes, the 201st covered by one of 5,000 bytes; the ring
 * is 64 or 96 slots long): judged on its own fstat, the mounted file's size. Needs root
 * and a mount namespace of its own (a child), or is skipped.
 */
struct sizes {
	uint64_t covered, others_bad;
};

static int
on_size(const struct rp_treescan_file *f, void *ctx)
{
	struct sizes *z = ctx;
	const char *b = strrchr(f->path, '/');

	if (b && strcmp(b + 1, "f200") == 0)
		z->covered = f->v->size;
	else if (b && b[1] == 'f' && f->v->size != 2)
		z->others_bad++;
	return 0;
}

static int
covered_file_child(const char *root, const char *over, int jobs)
{
	static const struct rp_treescan_cb zcb = { on_size, NULL, NULL };
	struct rp_treescan_opts o = { .jobs = jobs, .cross_mounts = 1 };
	struct rp_treescan *ts = NULL;
	const char *roots[] = { root };
	struct sizes z = { 0, 0 };
	char p[700];

	if (unshare(CLONE_NEWNS) != 0)
		return 77;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		return 77;
	snprintf(p, sizeof(p), "%s/f200", root);
	if (mount(over, p, NULL, MS_BIND, NULL) != 0)
		return 77;
	o.since = o.until = RP_TIME_UNSET;
	if (rp_treescan_new(&ts, &o, &zcb, &z, NULL) != 0 || rp_treescan_run(ts, roots, 1) != 0)
		return 3;
	rp_treescan_free(ts);
	if (z.others_bad)
		return 4;
	return z.covered == 5000 ? 0 : 1;
}

static void
a_file_under_a_bind_mount_opened_stat_first(void **state)
{
	char base[] = "/tmp/rp-test-slotstat.XXXXXX", root[600], over[600], p[700], cmd[700];
	char big[5000];
	int i, jobs;

	assert_non_null(mkdtemp(base));
	snprintf(root, sizeof(root), "%s/tree", base);
	assert_int_equal(mkdir(root, 0755), 0);
	for (i = 0; i < 300; i++) {
		snprintf(p, sizeof(p), "%s/f%03d", root, i);
		put_abs(p);
	}
	memset(big, 'a', sizeof(big));
	snprintf(over, sizeof(over), "%s/over", base);
	{
		int fd = open(over, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		assert_true(fd >= 0);
		assert_int_equal(write(fd, big, sizeof(big)), (ssize_t)sizeof(big));
		close(fd);
	}
	for (jobs = 1; jobs <= 2; jobs++) {
		int status;
		pid_t pid = fork();

		assert_true(pid >= 0);
		if (pid == 0)
			_exit(covered_file_child(root, over, jobs));
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		if (WEXITSTATUS(status) == 77) {
			snprintf(cmd, sizeof(cmd), "rm -rf '%s'", base);
			assert_int_equal(system(cmd), 0);
			skip();
		}
		/* 1: the covered file judged on another size, or not at all */
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", base);
	assert_int_equal(system(cmd), 0);
}

static int
setup(void **state)
{
	static const char note[] = "balance of shadow universe\n";
	static const char text[] = "Patient record, follow-up consultation, invoice CHF 120.00\n";
	char p[512];

	setlocale(LC_CTYPE, "C.UTF-8");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(p, sizeof(p), "%s/A", dir);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/A/sub", dir);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/B", dir);
	mkdir(p, 0755);
	put_random("A/budget.xlsx.lockbit", 50000, T_XLSX);
	put("A/letter.txt", text, sizeof(text) - 1, 0);
	put("A/sub/RyukReadMe.txt", note, sizeof(note) - 1, 0);
	put("B/RyukReadMe.txt", note, sizeof(note) - 1, 0);
	put_random("B/blob.bin", 40000, T_BLOB);
	snprintf(p, sizeof(p), "%s/B/fifo", dir);
	if (mkfifo(p, 0644) != 0)
		return -1;
	snprintf(p, sizeof(p), "%s/B/link", dir);
	if (symlink("/etc/passwd", p) != 0)
		return -1;
	put("top.txt", text, sizeof(text) - 1, 0);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(walk_order_whatever_the_jobs),
		cmocka_unit_test(a_missing_root_is_said_and_the_others_scanned),
		cmocka_unit_test(time_window_filters_files),
		cmocka_unit_test(a_callback_stops_the_run),
		cmocka_unit_test(unreadable_directory_is_a_warning),
		cmocka_unit_test(refuses_bad_options),
		cmocka_unit_test(notes_by_their_copies),
		cmocka_unit_test(directories_listed_ahead),
		cmocka_unit_test(files_opened_without_stat_replaced_before_open),
		cmocka_unit_test(a_large_directory_listed_whole),
		cmocka_unit_test(a_file_under_a_bind_mount_opened_stat_first),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
