/*
 * Tree collection and the hashing pool. The walk runs in the caller's thread and opens
 * each file to hash there (the walk's directory descriptor is only valid during the
 * callback); workers hash and scan it and close it. The queue is bounded, so at most
 * QUEUE_CAP descriptors are open at a time.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "core/file.h"
#include "core/sha256.h"
#include "detect/engine.h"
#include "detect/stats.h"
#include "forensic/tree.h"

#define QUEUE_CAP 256
#define MAX_JOBS 256
#define READ_BUF ((size_t)256 << 10)
#define SAMPLE_EVERY ((uint64_t)256 << 10)
#define SAMPLE_LEN   ((uint64_t)16 << 10)

struct job {
	struct rp_fentry *f;
	int fd;
};

struct rp_hashpool {
	pthread_mutex_t mu;
	pthread_cond_t more, room, idle;
	struct job q[QUEUE_CAP];
	size_t head, count;
	unsigned busy;           /* workers holding a job */
	int stop;
	int err;                 /* first fatal error */
	struct rp_engine *engine;
	pthread_t th[MAX_JOBS];
	unsigned nth;
};

/* A sampled entropy while hashing: the first SAMPLE_LEN bytes of every SAMPLE_EVERY
 * stretch of the file go into the stats. */
static void
sample_chunk(void *arg, uint64_t off, const void *data, size_t len)
{
	struct rp_stats *stats = arg;
	uint64_t k, end = off + (uint64_t)len;

	for (k = off / SAMPLE_EVERY; k * SAMPLE_EVERY < end; k++) {
		uint64_t lo = k * SAMPLE_EVERY, hi = lo + SAMPLE_LEN;

		if (lo < off)
			lo = off;
		if (hi > end)
			hi = end;
		if (hi > lo)
			rp_stats_add(stats, (const char *)data + (lo - off), (size_t)(hi - lo));
	}
}

static void
hash_one(struct rp_hashpool *p, struct rp_scanner *sc, void *buf, struct job *j)
{
	struct rp_fentry *f = j->f;
	struct rp_stats stats;
	struct rp_sha256_read rd = { buf, READ_BUF, f->size, sample_chunk, &stats, 0 };
	struct stat st;
	uint64_t n;
	int r;

	rp_stats_reset(&stats);
	r = rp_sha256_fd(j->fd, &rd, f->sha256);
	n = rd.nread;
	if (r == RP_ERR_CRYPTO) {
		pthread_mutex_lock(&p->mu);
		if (p->err == 0)
			p->err = r;
		pthread_mutex_unlock(&p->mu);
		return;
	}
	if (r != 0) {
		f->err = RP_ERR_SYSTEM;
		return;
	}
	if (fstat(j->fd, &st) != 0 || (uint64_t)st.st_size != n ||
	    st.st_mtim.tv_sec != f->mtime || st.st_mtim.tv_nsec != f->mtime_ns) {
		f->err = RP_ERR_CHANGED;
		return;
	}
	f->has_hash = 1;
	f->entropy = stats.n ? rp_stats_entropy(&stats) : 0.0;
	if (f->want_scan && sc != NULL &&
	    !(f->has_expect && memcmp(f->expect, f->sha256, sizeof(f->sha256)) == 0)) {
		struct rp_verdict v;
		const char *name = memrchr(f->path, '/', f->pathlen);

		name = name ? name + 1 : f->path;
		memset(&v, 0, sizeof(v));
		if ((r = rp_scan_fd(sc, j->fd, name, &v)) == 0)
			f->verdict = (int)v.kind;
	}
}

static void *
worker(void *arg)
{
	struct rp_hashpool *p = arg;
	struct rp_scanner *sc = NULL;
	void *buf = malloc(READ_BUF);
	int r = 0;

	if (buf == NULL)
		r = RP_ERR_NOMEM;
	else if (p->engine != NULL)
		r = rp_scanner_new(&sc, p->engine);
	pthread_mutex_lock(&p->mu);
	if (r != 0 && p->err == 0)
		p->err = r;
	for (;;) {
		struct job j;

		while (p->count == 0 && !p->stop)
			pthread_cond_wait(&p->more, &p->mu);
		if (p->count == 0)
			break;
		j = p->q[p->head];
		p->head = (p->head + 1) % QUEUE_CAP;
		p->count--;
		p->busy++;
		pthread_cond_signal(&p->room);
		pthread_mutex_unlock(&p->mu);
		if (r == 0)
			hash_one(p, sc, buf, &j);
		else
			j.f->err = r;
		close(j.fd);
		pthread_mutex_lock(&p->mu);
		p->busy--;
		if (p->count == 0 && p->busy == 0)
			pthread_cond_broadcast(&p->idle);
	}
	pthread_mutex_unlock(&p->mu);
	rp_scanner_free(sc);
	free(buf);
	return NULL;
}

int
rp_hashpool_new(struct rp_hashpool **out, unsigned jobs, struct rp_engine *engine)
{
	struct rp_hashpool *p;
	unsigned i;

	if (jobs == 0)
		jobs = 1;
	if (jobs > MAX_JOBS)
		jobs = MAX_JOBS;
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return RP_ERR_NOMEM;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->more, NULL);
	pthread_cond_init(&p->room, NULL);
	pthread_cond_init(&p->idle, NULL);
	p->engine = engine;
	for (i = 0; i < jobs; i++) {
		if (pthread_create(&p->th[i], NULL, worker, p) != 0)
			break;
		p->nth++;
	}
	if (p->nth == 0) {
		rp_hashpool_free(p);
		return RP_ERR_SYSTEM;
	}
	*out = p;
	return 0;
}

int
rp_hashpool_submit(struct rp_hashpool *p, struct rp_fentry *f, int fd)
{
	pthread_mutex_lock(&p->mu);
	while (p->count == QUEUE_CAP)
		pthread_cond_wait(&p->room, &p->mu);
	p->q[(p->head + p->count) % QUEUE_CAP] = (struct job){ f, fd };
	p->count++;
	pthread_cond_signal(&p->more);
	pthread_mutex_unlock(&p->mu);
	return 0;
}

int
rp_hashpool_finish(struct rp_hashpool *p)
{
	int r;

	pthread_mutex_lock(&p->mu);
	while (p->count != 0 || p->busy != 0)
		pthread_cond_wait(&p->idle, &p->mu);
	r = p->err;
	pthread_mutex_unlock(&p->mu);
	return r;
}

void
rp_hashpool_free(struct rp_hashpool *p)
{
	unsigned i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->more);
	pthread_mutex_unlock(&p->mu);
	for (i = 0; i < p->nth; i++)
		pthread_join(p->th[i], NULL);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->more);
	pthread_cond_destroy(&p->room);
	pthread_cond_destroy(&p->idle);
	free(p);
}

int
rp_fx_maybe_changed(const struct rp_fentry *old, const struct rp_fentry *f)
{
	return old->type != f->type || old->size != f->size || old->ino != f->ino ||
	    old->mtime != f->mtime || old->mtime_ns != f->mtime_ns ||
	    old->ctime != f->ctime || old->ctime_ns != f->ctime_ns || !old->has_hash;
}

struct collect {
	const struct rp_fx_opts *o;
	const struct rp_fset *old;
	struct rp_hashpool *pool;
	struct rp_fset *out;
	struct rp_fx_stats *stats;
	size_t skip;
};

static int
link_hash(struct rp_fentry *f, int dirfd, const char *name)
{
	char target[4096];
	ssize_t n = readlinkat(dirfd, name, target, sizeof(target));

	if (n < 0) {
		f->err = RP_ERR_SYSTEM;
		return 0;
	}
	if (rp_sha256_mem(target, (size_t)n, f->sha256) != 0)
		return RP_ERR_CRYPTO;
	f->has_hash = 1;
	return 0;
}

static int
collect_cb(const struct rp_walk_entry *e, void *arg)
{
	struct collect *c = arg;
	const struct rp_fentry *old;
	struct rp_fentry *f;
	const char *rel;
	size_t rlen;
	int r, fd, noatime = 0;

	if (e->depth == 0 || e->kind == RP_WALK_ERROR)
		return 0;
	rel = e->path + c->skip;
	rlen = e->pathlen - c->skip;
	while (rlen > 0 && *rel == '/') {
		rel++;
		rlen--;
	}
	if ((r = rp_fset_add(c->out, rel, rlen, &f)) != 0)
		return r;
	if (rp_fentry_stat(f, e->dirfd, e->name, e->st) != 0) {
		f->err = RP_ERR_VANISHED;
		return 0;
	}
	if (c->o->hash == RP_FX_HASH_NONE)
		return 0;
	old = c->old ? rp_fset_get(c->old, rel, rlen) : NULL;
	if (f->type == RP_FT_LINK)
		return link_hash(f, e->dirfd, e->name);
	if (f->type != RP_FT_FILE)
		return 0;
	if (c->o->hash == RP_FX_HASH_CHANGED && old != NULL && !rp_fx_maybe_changed(old, f)) {
		memcpy(f->sha256, old->sha256, sizeof(f->sha256));
		f->entropy = old->entropy;
		f->has_hash = 1;
		c->stats->reused++;
		return 0;
	}
	f->want_scan = c->o->scan_changed;
	if (old != NULL && old->has_hash && old->type == RP_FT_FILE) {
		memcpy(f->expect, old->sha256, sizeof(f->expect));
		f->has_expect = 1;
	}
	fd = rp_open_evidence(e->dirfd, e->name, 0, c->o->allow_atime, &noatime);
	if (fd < 0) {
		f->err = fd;
		c->stats->unreadable++;
		return 0;
	}
	f->noatime = noatime;
	c->stats->hashed++;
	c->stats->bytes_hashed += f->size;
	return rp_hashpool_submit(c->pool, f, fd);
}

int
rp_fx_collect(const char *root, const struct rp_fx_opts *o, const struct rp_fset *old,
    struct rp_hashpool *pool, struct rp_fset *out, struct rp_fx_stats *stats)
{
	struct rp_fx_stats dummy;
	struct collect c = { o, old, pool, out, stats ? stats : &dummy, rp_fx_root_skip(root) };

	if (stats == NULL)
		memset(&dummy, 0, sizeof(dummy));
	if (o->hash != RP_FX_HASH_NONE && pool == NULL)
		return RP_ERR_INVALID;
	return rp_walk(root, &o->walk, collect_cb, &c, &c.stats->walk);
}
