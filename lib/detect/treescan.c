/*
 * The parallel tree scan (see treescan.h). The walk runs in the calling thread and
 * queues every entry into a ring, in walk order; workers take the queued files and
 * judge them; the calling thread folds the finished jobs at the head of the ring
 * into the summary and hands them to the callbacks, so that the order is the walk's
 * whatever the number of workers.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/array.h"
#include "core/err.h"
#include "core/map.h"
#include "core/time.h"
#include "detect/dupnote.h"
#include "detect/notectx.h"
#include "detect/sample.h"
#include "detect/treescan.h"

#define MAX_JOBS 256
/* files opened (and their reads started) ahead of the one judged, with one job */
#define INLINE_AHEAD 32
/* bytes whose reads are started and not yet judged, at most: with many jobs the ring
 * holds thousands of files, and pages read too far ahead could be evicted before use */
#define AHEAD_MAX_BYTES (64ULL * 1024 * 1024)

/* ---- summary bookkeeping ---- */

struct counters {
	struct rp_treescan_count *v;
	size_t n, cap;
	struct rp_map index;    /* key -> position in v + 1: notes by name can be as many
	                           as the files (a scan folds every verdict in this thread) */
};

static struct rp_treescan_count *
counter_get(struct counters *c, const char *key, size_t len)
{
	void **slot;
	int r;

	if (c->index.cap == 0)
		rp_map_init(&c->index);
	if ((r = rp_map_put(&c->index, key, len, &slot)) < 0)
		return NULL;
	if (r == 0)
		return &c->v[(uintptr_t)*slot - 1];
	if (RP_ARRAY_GROW(&c->v, &c->cap, c->n + 1, RP_ARRAY_MAX_DEFAULT) != 0) {
		rp_map_del(&c->index, key, len, NULL);
		return NULL;
	}
	memset(&c->v[c->n], 0, sizeof(c->v[0]));
	if ((c->v[c->n].key = strndup(key, len)) == NULL) {
		rp_map_del(&c->index, key, len, NULL);
		return NULL;
	}
	*slot = (void *)(uintptr_t)(c->n + 1);
	return &c->v[c->n++];
}

static int
cmp_counter_key(const void *a, const void *b)
{
	return strcmp(((const struct rp_treescan_count *)a)->key,
	    ((const struct rp_treescan_count *)b)->key);
}

static int
cmp_counter_total(const void *a, const void *b)
{
	const struct rp_treescan_count *x = a, *y = b;

	if (x->total != y->total)
		return x->total < y->total ? 1 : -1;
	return strcmp(x->key, y->key);
}

static void
counters_release(struct counters *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].key);
	free(c->v);
	rp_map_release(&c->index, NULL);
	memset(c, 0, sizeof(*c));
}

/* ---- jobs ---- */

enum { JOB_FREE, JOB_QUEUED, JOB_TAKEN, JOB_DONE };

/* small texts with evidence of a note held until their copies are counted: at most
 * this many (about 2.5 KiB each), a note when in at least this many folders */
#define DUP_HELD 4096
#define DUP_DIRS 3
/* the context rule (notectx.h, where the reasons are): a note lies at most this many
 * seconds before or after a burst of at least CTX_BURST encrypted files */
#define CTX_SLACK (2 * 3600)
#define CTX_BURST 3

struct job {
	char *path;               /* display path, bytes */
	size_t pathlen;
	char *topdir;             /* the top-level directory it belongs to */
	int fd;                   /* -1: verdict already final (skipped, not regular) */
	int state;                /* JOB_* */
	int rc;
	int warn;                 /* -1, or the rp_treescan_warn_kind to report first */
	const char *what;         /* the walk's reason, for the warning (static string) */
	int sys_errno;
	uint64_t ahead;           /* bytes whose reads were started at open */
	int has_st;               /* st is fd's fstat, taken by the walk (open_files) */
	struct stat st;
	struct rp_verdict v;
};

/*
 * Where each thread's time went, for bench runs only (RIPOSTE_SCAN_WAITS set in the
 * environment: printed on stderr at the end of a run, never in the scan's output).
 * Microseconds of the monotonic clock around each wait; the kernel's own account of
 * the thread (/proc/thread-self/schedstat: on CPU, runnable but waiting for a CPU) says
 * what the rest was. Off CPU and not in a counted wait is a wait in the kernel: a read
 * or an inode that had to come from the disk.
 */
#define WAITS_MAX (MAX_JOBS + 1)
struct waits {
	int64_t t0, wall;         /* us */
	int64_t idle;             /* worker: waiting for a queued file; walker: for a free slot
	                             or, at the end of a root, for the last jobs */
	int64_t scan;             /* worker: judging (rp_scan_fd) */
	int64_t open;             /* walker: rp_scan_open and the prefetch */
	int64_t fold;             /* walker: finish() (summary, callbacks, output) */
	int64_t cpu_ns, runq_ns;  /* schedstat */
	uint64_t n, nidle;
};

struct rp_treescan {
	struct rp_engine *eng;
	struct rp_treescan_cb cb;
	void *ctx;
	int jobs;
	int full;                 /* the engine reads large files whole */
	int64_t since, until;
	const char *root;         /* the root being walked */
	struct rp_walk_opts wo;
	/* the ring: [head, tail) in walk order */
	struct job *ring;
	size_t cap, head, tail, next;   /* next: first job not yet taken by a worker */
	int stop;                 /* the workers may leave once the queue is empty */
	int failed;               /* a callback's code: the run stops */
	pthread_mutex_t mu;
	pthread_cond_t cv_work, cv_done;
	size_t wake_need;         /* the calling thread waits on cv_done until this many jobs
	                             at the head are done (0: it does not wait) */
	uint64_t done_files, done_bytes;
	uint64_t ahead;           /* bytes started ahead of the head (calling thread only) */
	/* summary */
	struct rp_treescan_summary sum;
	struct counters notes, exts, dirs;
	struct rp_dupnote *dup;   /* small texts held until their copies are counted */
	struct rp_notectx *nctx;  /* the encrypted files' times and folders, for the
	                             context of the held texts */
	struct waits *waits;      /* [0] the calling thread, [1..] the workers; NULL unless
	                             RIPOSTE_SCAN_WAITS (bench) */
	int nwaits;
};

static void
schedstat(int64_t *cpu_ns, int64_t *runq_ns)
{
	FILE *f;
	long long a, b;

	if ((f = fopen("/proc/thread-self/schedstat", "r")) == NULL)
		return;
	if (fscanf(f, "%lld %lld", &a, &b) == 2) {
		*cpu_ns = a;
		*runq_ns = b;
	}
	fclose(f);
}

static void
waits_begin(struct waits *w)
{
	if (w) {
		memset(w, 0, sizeof(*w));
		schedstat(&w->cpu_ns, &w->runq_ns);
		w->t0 = rp_time_mono_us();
	}
}

static void
waits_end(struct waits *w)
{
	int64_t c = 0, q = 0;

	if (w == NULL)
		return;
	w->wall = rp_time_mono_us() - w->t0;
	schedstat(&c, &q);
	w->cpu_ns = c - w->cpu_ns;
	w->runq_ns = q - w->runq_ns;
}

static void
waits_print(const struct rp_treescan *ts)
{
	int i;

	/* rest: the walker's time in the walk itself (getdents, fstatat, opening
	 * directories); a worker's bookkeeping between files */
	fprintf(stderr, "waits: thread wall_ms cpu_ms runq_ms sleep_ms | idle_ms(n) scan_ms open_ms fold_ms rest_ms | files\n");
	for (i = 0; i < ts->nwaits; i++) {
		const struct waits *w = &ts->waits[i];
		int64_t sleep = w->wall - w->cpu_ns / 1000 - w->runq_ns / 1000;

		fprintf(stderr, "waits: %s%d %lld %lld %lld %lld | %lld(%llu) %lld %lld %lld %lld | %llu\n",
		    i ? "worker" : "walker", i, (long long)w->wall / 1000,
		    (long long)w->cpu_ns / 1000000, (long long)w->runq_ns / 1000000,
		    (long long)sleep / 1000, (long long)w->idle / 1000,
		    (unsigned long long)w->nidle, (long long)w->scan / 1000,
		    (long long)w->open / 1000, (long long)w->fold / 1000,
		    (long long)(w->wall - w->idle - w->scan - w->open - w->fold) / 1000,
		    (unsigned long long)w->n);
	}
	fprintf(stderr, "waits: directories %llu, listed ahead %llu\n",
	    (unsigned long long)ts->sum.walk.dirs, (unsigned long long)ts->sum.walk.dirs_prefetched);
}

#define WAIT_T0(ts) ((ts)->waits ? rp_time_mono_us() : 0)
#define WAIT_ADD(w, field, t0) do { if (w) (w)->field += rp_time_mono_us() - (t0); } while (0)

/* Folds one finished job into the summary and hands it to the callbacks. Called in
 * walk order, in the calling thread, without the lock. */
static int
finish(struct rp_treescan *ts, struct job *j)
{
	struct rp_treescan_summary *s = &ts->sum;
	const struct rp_verdict *v = &j->v;
	struct rp_treescan_count *c;
	const char *base;
	int r;

	/* a small text with some evidence of a note: held to the end of the run, when
	 * its copies in other folders are counted (dupnote.h) */
	if (j->warn < 0 && (v->dup_hash || (v->ctx_ev && v->kind == RP_V_OK)) && ts->dup &&
	    (r = rp_dupnote_hold(ts->dup, j->path, j->pathlen, j->topdir, v)) != 0)
		return r < 0 ? r : 0;
	if (j->warn >= 0 && ts->cb.on_warning) {
		struct rp_treescan_warning w = { (enum rp_treescan_warn_kind)j->warn, ts->root,
			j->path, j->pathlen, j->what, 0, j->sys_errno };

		if ((r = ts->cb.on_warning(&w, ts->ctx)) < 0)
			return r;
	}
	s->files++;
	s->count[v->kind]++;
	s->bytes[v->kind] += v->size;
	s->bytes_all += v->size;
	if (v->kind != RP_V_SKIPPED && !v->noatime && v->bytes_read)
		s->read_without_noatime++;
	if (v->kind == RP_V_ENCRYPTED || v->kind == RP_V_PARTIAL) {
		if (s->first_enc == RP_TIME_UNSET || v->mtime < s->first_enc)
			s->first_enc = v->mtime;
		if (s->last_enc == RP_TIME_UNSET || v->mtime > s->last_enc)
			s->last_enc = v->mtime;
		if (ts->nctx && ts->root && (r = rp_notectx_add(ts->nctx, v->mtime, j->path,
		    j->pathlen, j->topdir, ts->root)) < 0)
			return r;
		if (v->appended_ext[0]) {
			const char *dot = strrchr(v->appended_ext, '.');
			const char *e = dot ? dot + 1 : v->appended_ext;

			if ((c = counter_get(&ts->exts, e, strlen(e))) != NULL)
				c->total++;
		}
	}
	if (v->kind == RP_V_NOTE) {
		base = memrchr(j->path, '/', j->pathlen);
		base = base ? base + 1 : j->path;
		if ((c = counter_get(&ts->notes, base, j->pathlen - (size_t)(base - j->path))) != NULL)
			c->total++;
	}
	if ((c = counter_get(&ts->dirs, j->topdir, strlen(j->topdir))) != NULL) {
		c->n[v->kind]++;
		c->total++;
	}
	if (ts->cb.on_verdict) {
		struct rp_treescan_file f = { j->path, j->pathlen, j->topdir, v };

		if ((r = ts->cb.on_verdict(&f, ts->ctx)) < 0)
			return r;
	}
	ts->done_files++;
	ts->done_bytes += v->size;
	if (ts->cb.on_progress)
		ts->cb.on_progress(ts->done_files, ts->done_bytes, j->path, ts->ctx);
	return 0;
}

static void
job_release(struct job *j)
{
	if (j->fd >= 0)
		close(j->fd);
	j->fd = -1;
	free(j->path);
	free(j->topdir);
	j->path = j->topdir = NULL;
	j->state = JOB_FREE;
}

/*
 * Hands on the finished jobs at the head of the ring. Caller holds mu when locked;
 * it is let go around the callbacks (the head's job is done: no worker touches it,
 * and only this thread moves the head or fills the tail). After a callback failed,
 * jobs are only released. Returns the callback's code, or 0.
 */
static int
drain(struct rp_treescan *ts, int locked)
{
	while (ts->head != ts->tail && ts->ring[ts->head % ts->cap].state == JOB_DONE) {
		struct job *j = &ts->ring[ts->head % ts->cap];

		if (!ts->failed) {
			int r;
			int64_t t0;

			if (locked)
				pthread_mutex_unlock(&ts->mu);
			t0 = WAIT_T0(ts);
			r = finish(ts, j);
			WAIT_ADD(ts->waits, fold, t0);
			if (locked)
				pthread_mutex_lock(&ts->mu);
			if (r < 0)
				ts->failed = r;
		}
		ts->ahead -= j->ahead;
		job_release(j);
		ts->head++;
	}
	return ts->failed;
}

/*
 * Whether the calling thread, waiting for need jobs at the head to be done, has them:
 * the first and the last of them (workers take jobs in order, so the ones between are
 * most likely done too; if not, it drains what it can and waits again). Waking it for
 * each job done would switch threads once a file when the ring is full, as it is
 * whenever the workers are what the scan waits for. Caller holds mu.
 */
static int
head_done(const struct rp_treescan *ts, size_t need)
{
	size_t last = ts->head + need - 1;

	if (ts->head == ts->tail || ts->ring[ts->head % ts->cap].state != JOB_DONE)
		return 0;
	if (last >= ts->tail)
		last = ts->tail - 1;
	return ts->ring[last % ts->cap].state == JOB_DONE;
}

/*
 * Judges a queued file. When the walk opened it, its fstat then is the verdict's (size,
 * times, regular or not) rather than a second one here: it was taken on this very
 * descriptor, before any of its reads were started, and at most a ring's length of
 * files earlier; a file that shrinks afterwards is caught by the short read
 * (rp_sample_load), one that grows is judged on the size it had, as a file that grows
 * after the fstat here always was.
 */
static int
scan_job(struct rp_scanner *s, struct job *j)
{
	if (j->has_st)
		return rp_scan_fd_stat(s, j->fd, j->path, &j->st, &j->v);
	return rp_scan_fd(s, j->fd, j->path, &j->v);
}

static void *
worker(void *arg)
{
	struct rp_treescan *ts = arg;
	struct rp_scanner *s = NULL;
	struct waits *w = NULL;
	int64_t t0;
	int r;

	r = rp_scanner_new(&s, ts->eng);
	pthread_mutex_lock(&ts->mu);
	if (ts->waits && ts->nwaits < WAITS_MAX)
		w = &ts->waits[ts->nwaits++];
	waits_begin(w);
	for (;;) {
		struct job *j;

		while (!ts->stop && (ts->next == ts->tail ||
		    ts->ring[ts->next % ts->cap].state != JOB_QUEUED)) {
			if (ts->next != ts->tail && ts->ring[ts->next % ts->cap].state != JOB_QUEUED) {
				ts->next++;
				continue;
			}
			t0 = WAIT_T0(ts);
			pthread_cond_wait(&ts->cv_work, &ts->mu);
			WAIT_ADD(w, idle, t0);
			if (w)
				w->nidle++;
		}
		if (ts->next == ts->tail && ts->stop)
			break;
		j = &ts->ring[ts->next % ts->cap];
		ts->next++;
		j->state = JOB_TAKEN;
		pthread_mutex_unlock(&ts->mu);
		if (r == 0) {
			int noatime = j->v.noatime;

			t0 = WAIT_T0(ts);
			j->rc = scan_job(s, j);
			WAIT_ADD(w, scan, t0);
			if (w)
				w->n++;
			j->v.noatime = noatime;
		} else {
			j->rc = r;
		}
		pthread_mutex_lock(&ts->mu);
		j->state = JOB_DONE;
		if (ts->wake_need && head_done(ts, ts->wake_need))
			pthread_cond_signal(&ts->cv_done);
	}
	waits_end(w);
	pthread_mutex_unlock(&ts->mu);
	rp_scanner_free(s);
	return NULL;
}

/* Takes a free slot at the tail, waiting (and draining) while the ring is full.
 * Caller holds mu when locked. NULL when a callback stopped the run. */
static struct job *
slot(struct rp_treescan *ts, int locked)
{
	struct job *j;

	for (;;) {
		if (drain(ts, locked) < 0)
			return NULL;
		if (ts->tail - ts->head < ts->cap)
			break;
		if (!locked) {
			/* one job drains after each entry: the ring cannot fill */
			ts->failed = RP_ERR_INTERNAL;
			return NULL;
		}
		{
			int64_t t0 = WAIT_T0(ts);

			/* a quarter of the ring freed before it fills the ring again */
			ts->wake_need = ts->cap / 4 ? ts->cap / 4 : 1;
			if (!head_done(ts, ts->wake_need))
				pthread_cond_wait(&ts->cv_done, &ts->mu);
			ts->wake_need = 0;
			WAIT_ADD(ts->waits, idle, t0);
			if (ts->waits)
				ts->waits[0].nidle++;
		}
	}
	j = &ts->ring[ts->tail % ts->cap];
	memset(j, 0, sizeof(*j));
	j->fd = -1;
	j->warn = -1;
	return j;
}

static char *
topdir_of(const struct rp_treescan *ts, const char *path, size_t len)
{
	size_t rl = strlen(ts->root), n;
	const char *p, *slash;
	char *t;

	while (rl > 1 && ts->root[rl - 1] == '/')
		rl--;
	if (len <= rl + 1 || memcmp(path, ts->root, rl) != 0)
		return strdup(ts->root);    /* a file given as root */
	p = path + rl + (ts->root[rl - 1] == '/' ? 0 : 1);
	slash = memchr(p, '/', len - (size_t)(p - path));
	if (slash == NULL)
		return strndup(ts->root, rl);   /* a file directly in the root */
	n = (size_t)(slash - path);
	if ((t = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(t, path, n);
	t[n] = '\0';
	return t;
}

/* Queues one entry of the walk (in walk order). With one job, the caller judges it
 * right after (run_inline); otherwise a worker does. */
static int
on_entry(const struct rp_walk_entry *e, void *ctx)
{
	struct rp_treescan *ts = ctx;
	int locked = ts->jobs > 1;
	struct job *j;
	int fd = -1;
	uint64_t ahead = 0;
	struct rp_verdict tmp;

	if (e->kind == RP_WALK_DIR)
		return 0;
	if (e->kind == RP_WALK_FILE && e->st &&
	    ((ts->since != RP_TIME_UNSET && e->st->st_mtim.tv_sec < ts->since) ||
	    (ts->until != RP_TIME_UNSET && e->st->st_mtim.tv_sec > ts->until))) {
		ts->sum.filtered++;
		if (e->fd >= 0)
			close(e->fd);
		return 0;
	}
	if (e->kind == RP_WALK_FILE) {
		int64_t t0 = WAIT_T0(ts);

		if (e->fd >= 0) {
			/* opened by the walk (open_files); rp_scan_fd_stat resets the rest */
			fd = e->fd;
			memset(&tmp, 0, sizeof(tmp));
			tmp.noatime = e->noatime;
		} else {
			fd = rp_scan_open(ts->eng, e->dirfd, e->name, &tmp);
		}
		/*
		 * Start reading what the verdict will read now: the file waits in the ring
		 * behind up to cap others, so on a cold cache the disk has that many files'
		 * reads in flight instead of one per worker (and sorts them), while the
		 * workers judge what is already in memory.
		 */
		if (fd >= 0 && e->st && ts->ahead < AHEAD_MAX_BYTES)
			ahead = rp_sample_prefetch(fd, (uint64_t)e->st->st_size, ts->full);
		WAIT_ADD(ts->waits, open, t0);
		if (ts->waits)
			ts->waits[0].n++;
		if (fd < 0 && e->st) {
			tmp.size = (uint64_t)e->st->st_size;
			tmp.mtime = e->st->st_mtim.tv_sec;
		}
	}
	if (locked)
		pthread_mutex_lock(&ts->mu);
	if ((j = slot(ts, locked)) == NULL) {
		if (locked)
			pthread_mutex_unlock(&ts->mu);
		if (fd >= 0)
			close(fd);
		return ts->failed;
	}
	j->path = malloc(e->pathlen + 1);
	j->topdir = topdir_of(ts, e->path, e->pathlen);
	if (j->path == NULL || j->topdir == NULL) {
		free(j->path);
		free(j->topdir);
		j->path = j->topdir = NULL;
		if (locked)
			pthread_mutex_unlock(&ts->mu);
		if (fd >= 0)
			close(fd);
		return RP_ERR_NOMEM;
	}
	memcpy(j->path, e->path, e->pathlen + 1);
	j->pathlen = e->pathlen;
	if (e->kind == RP_WALK_FILE) {
		j->v = tmp;
		j->fd = fd;
		if (e->fd >= 0) {
			j->st = *e->st;
			j->has_st = 1;
		}
		j->ahead = ahead;
		ts->ahead += ahead;
	} else {
		memset(&j->v, 0, sizeof(j->v));
		j->v.kind = RP_V_SKIPPED;
		if (e->st) {
			j->v.mtime = e->st->st_mtim.tv_sec;
			if (S_ISLNK(e->st->st_mode))
				j->v.size = 0;
		}
		snprintf(j->v.reasons[0], sizeof(j->v.reasons[0]), "%s%s%s", e->what ? e->what : "",
		    e->sys_errno ? ": " : "", e->sys_errno ? strerror(e->sys_errno) : "");
		j->v.nreasons = 1;
		if (e->kind == RP_WALK_ERROR)
			j->warn = RP_TSW_UNREADABLE;
		else if (e->st && S_ISDIR(e->st->st_mode))
			j->warn = RP_TSW_NOT_ENTERED;
		j->what = e->what;
		j->sys_errno = e->sys_errno;
	}
	ts->tail++;
	if (fd >= 0 && locked) {
		j->state = JOB_QUEUED;
		pthread_cond_signal(&ts->cv_work);
		pthread_mutex_unlock(&ts->mu);
		return 0;
	}
	j->state = fd >= 0 ? JOB_TAKEN : JOB_DONE;
	if (locked)
		pthread_mutex_unlock(&ts->mu);
	return 0;
}

/* With one job files are judged in this thread, once more than ahead files are
 * queued behind the head (their reads started at open): 0 judges them all. */
static int
run_inline(struct rp_treescan *ts, struct rp_scanner *s, size_t ahead)
{
	while (ts->tail - ts->head > ahead) {
		struct job *j = &ts->ring[ts->head % ts->cap];

		if (j->state == JOB_TAKEN) {
			int noatime = j->v.noatime;
			int64_t t0 = WAIT_T0(ts);

			j->rc = scan_job(s, j);
			WAIT_ADD(ts->waits, scan, t0);
			j->v.noatime = noatime;
			j->state = JOB_DONE;
			if (j->rc < 0)
				return j->rc;
		}
		if (drain(ts, 0) < 0)
			return ts->failed;
	}
	return 0;
}

struct inline_ctx {
	struct rp_treescan *ts;
	struct rp_scanner *s;
};

static int
on_entry_inline(const struct rp_walk_entry *e, void *ctx)
{
	struct inline_ctx *ic = ctx;
	int r;

	if ((r = on_entry(e, ic->ts)) != 0)
		return r;
	return run_inline(ic->ts, ic->s, INLINE_AHEAD);
}

int
rp_treescan_new(struct rp_treescan **out, const struct rp_treescan_opts *o,
    const struct rp_treescan_cb *cb, void *ctx, struct rp_buf *errmsg)
{
	struct rp_treescan *ts;
	struct rp_engine_opts eo = { 0 };
	long ncpu;
	int r;

	*out = NULL;
	if (o->jobs < 0 || o->jobs > MAX_JOBS)
		return RP_ERR_INVALID;
	if ((ts = calloc(1, sizeof(*ts))) == NULL)
		return RP_ERR_NOMEM;
	if (cb)
		ts->cb = *cb;
	ts->ctx = ctx;
	ts->jobs = o->jobs;
	ts->full = o->full;
	if (ts->jobs == 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		ts->jobs = ncpu > 0 ? (int)(ncpu > 64 ? 64 : ncpu) : 1;
	}
	ts->since = o->since;
	ts->until = o->until;
	ts->wo.cross_mounts = o->cross_mounts;
	ts->wo.allow_atime = o->allow_atime;
	ts->wo.exclude = o->exclude;
	ts->wo.nexclude = o->nexclude;
	ts->wo.prefetch_dirs = 1;
	/* the walk opens regular files and takes their fstat (one system call less a
	 * file than stat, then open); not with --since/--until, whose filter on the
	 * stat leaves most files unopened */
	ts->wo.open_files = o->since == RP_TIME_UNSET && o->until == RP_TIME_UNSET;
	ts->sum.first_enc = ts->sum.last_enc = RP_TIME_UNSET;
	eo.data_dir = o->data_dir;
	eo.full = o->full;
	eo.allow_atime = o->allow_atime;
	eo.type_all = o->type_all;
	eo.note_copies = 1;
	if ((r = rp_engine_new(&ts->eng, &eo, errmsg)) != 0)
		goto fail;
	/* enough queued files to keep every worker busy while the head waits */
	ts->cap = (size_t)ts->jobs * 32 + 32;
	r = RP_ERR_NOMEM;
	if ((ts->ring = calloc(ts->cap, sizeof(*ts->ring))) == NULL)
		goto fail;
	if ((r = rp_dupnote_new(&ts->dup, DUP_HELD, DUP_DIRS)) != 0 ||
	    (r = rp_notectx_new(&ts->nctx, CTX_SLACK, CTX_BURST)) != 0) {
		rp_dupnote_free(ts->dup);
		free(ts->ring);
		goto fail;
	}
	if (getenv("RIPOSTE_SCAN_WAITS"))
		ts->waits = calloc(WAITS_MAX, sizeof(*ts->waits));
	pthread_mutex_init(&ts->mu, NULL);
	pthread_cond_init(&ts->cv_work, NULL);
	pthread_cond_init(&ts->cv_done, NULL);
	*out = ts;
	return 0;
fail:
	rp_engine_free(ts->eng);
	free(ts);
	return r;
}

void
rp_treescan_free(struct rp_treescan *ts)
{
	size_t k;

	if (ts == NULL)
		return;
	if (ts->ring) {
		for (k = 0; k < ts->cap; k++)
			if (ts->ring[k].state != JOB_FREE)
				job_release(&ts->ring[k]);
		pthread_mutex_destroy(&ts->mu);
		pthread_cond_destroy(&ts->cv_work);
		pthread_cond_destroy(&ts->cv_done);
	}
	free(ts->ring);
	free(ts->waits);
	rp_dupnote_free(ts->dup);
	rp_notectx_free(ts->nctx);
	counters_release(&ts->notes);
	counters_release(&ts->exts);
	counters_release(&ts->dirs);
	rp_engine_free(ts->eng);
	free(ts);
}

/* Reports a root that could not be scanned; errno is the walk's. */
static int
root_failed(struct rp_treescan *ts, const char *root, int code, int e)
{
	struct rp_treescan_warning w = { RP_TSW_ROOT, root, root, strlen(root), NULL, code, e };

	ts->sum.roots_failed++;
	if (ts->cb.on_warning == NULL)
		return 0;
	errno = e;
	w.what = rp_strerror(code);
	errno = e;     /* for a callback that asks rp_strerror again */
	return ts->cb.on_warning(&w, ts->ctx);
}

/* A held small text's verdict (dupnote.h), reported as any other. */
static int
release_one(const char *path, size_t pathlen, const char *topdir, struct rp_verdict *v,
    void *ctx)
{
	struct rp_treescan *ts = ctx;
	struct job j = { .path = (char *)path, .pathlen = pathlen, .topdir = (char *)topdir,
		.fd = -1, .warn = -1, .v = *v };
	char why[RP_V_REASON_LEN];
	int r;

	/* not a note by its words nor by its copies: by the attack's context */
	if (j.v.kind == RP_V_OK && j.v.ctx_ev && ts->nctx) {
		if ((r = rp_notectx_judge(ts->nctx, j.v.ctx_ev, j.v.mtime, path, pathlen, topdir,
		    why, sizeof(why))) < 0)
			return r;
		if (r == 1) {
			j.v.kind = RP_V_NOTE;
			snprintf(j.v.note_rule, sizeof(j.v.note_rule), "context");
			/* the note's reason first: the text's own ("text") says nothing */
			j.v.nreasons = 1;
			memcpy(j.v.reasons[0], why, sizeof(why));
		}
	}
	j.v.ctx_ev = 0;
	return finish(ts, &j);
}

static int
release_none(const char *path, size_t pathlen, const char *topdir, struct rp_verdict *v,
    void *ctx)
{
	return 0;
}

int
rp_treescan_run(struct rp_treescan *ts, const char *const *roots, size_t nroots)
{
	struct rp_scanner *s = NULL;
	pthread_t *th = NULL;
	int r = 0, first = 0, nth = 0, i;
	size_t k;

	if (ts->failed)
		return ts->failed;
	ts->stop = 0;
	if (ts->waits) {
		ts->nwaits = 1;
		waits_begin(&ts->waits[0]);
	}
	if (ts->jobs == 1) {
		if ((r = rp_scanner_new(&s, ts->eng)) != 0)
			return r;
	} else {
		if ((th = calloc((size_t)ts->jobs, sizeof(*th))) == NULL)
			return RP_ERR_NOMEM;
		for (nth = 0; nth < ts->jobs; nth++)
			if ((r = pthread_create(&th[nth], NULL, worker, ts)) != 0)
				break;
		if (nth == 0) {
			free(th);
			errno = r;
			return RP_ERR_SYSTEM;
		}
		r = 0;     /* fewer workers than asked still scan */
	}
	for (k = 0; k < nroots && !ts->failed; k++) {
		int e;

		ts->root = roots[k];
		if (ts->jobs == 1) {
			struct inline_ctx ic = { ts, s };

			r = rp_walk(roots[k], &ts->wo, on_entry_inline, &ic, &ts->sum.walk);
			e = errno;
			/* the files still queued (topdir_of needs ts->root to stay) */
			if (!ts->failed) {
				int r2 = run_inline(ts, s, 0);

				if (r == 0)
					r = r2;
			}
		} else {
			r = rp_walk(roots[k], &ts->wo, on_entry, ts, &ts->sum.walk);
			e = errno;
			/* wait for this root's jobs: topdir_of needs ts->root to stay */
			pthread_mutex_lock(&ts->mu);
			while (ts->head != ts->tail && drain(ts, 1) == 0)
				if (ts->head != ts->tail && ts->ring[ts->head % ts->cap].state != JOB_DONE) {
					int64_t t0 = WAIT_T0(ts);

					ts->wake_need = 1;
					pthread_cond_wait(&ts->cv_done, &ts->mu);
					ts->wake_need = 0;
					WAIT_ADD(ts->waits, idle, t0);
				}
			pthread_mutex_unlock(&ts->mu);
		}
		if (ts->failed)
			break;
		if (r != 0) {
			if (first == 0)
				first = r;
			if ((r = root_failed(ts, roots[k], r, e)) < 0)
				ts->failed = r;
		}
	}
	if (th) {
		pthread_mutex_lock(&ts->mu);
		ts->stop = 1;
		pthread_cond_broadcast(&ts->cv_work);
		pthread_mutex_unlock(&ts->mu);
		for (i = 0; i < nth; i++)
			pthread_join(th[i], NULL);
		free(th);
	}
	if (ts->waits) {
		waits_end(&ts->waits[0]);
		waits_print(ts);
	}
	rp_scanner_free(s);
	/* the small texts held for their copies, in the order held (after a stop,
	 * forgotten) */
	if ((r = rp_dupnote_release(ts->dup, ts->failed ? release_none : release_one, ts)) < 0 &&
	    !ts->failed)
		ts->failed = r;
	/* what a stop left in the ring is not reported */
	for (k = 0; k < ts->cap; k++)
		if (ts->ring[k].state != JOB_FREE)
			job_release(&ts->ring[k]);
	ts->head = ts->next = ts->tail;
	ts->ahead = 0;
	if (ts->notes.n)
		qsort(ts->notes.v, ts->notes.n, sizeof(*ts->notes.v), cmp_counter_total);
	if (ts->exts.n)
		qsort(ts->exts.v, ts->exts.n, sizeof(*ts->exts.v), cmp_counter_total);
	if (ts->dirs.n)
		qsort(ts->dirs.v, ts->dirs.n, sizeof(*ts->dirs.v), cmp_counter_key);
	ts->sum.notes = ts->notes.v;
	ts->sum.nnotes = ts->notes.n;
	ts->sum.exts = ts->exts.v;
	ts->sum.nexts = ts->exts.n;
	ts->sum.dirs = ts->dirs.v;
	ts->sum.ndirs = ts->dirs.n;
	return ts->failed ? ts->failed : first;
}

const struct rp_treescan_summary *
rp_treescan_summary(const struct rp_treescan *ts)
{
	return &ts->sum;
}
