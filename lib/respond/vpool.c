/* Worker threads computing the scan engine's verdicts for watch. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "detect/format.h"
#include "respond/compressed.h"
#include "respond/vpool.h"

#define MAX_THREADS 8

struct rp_vpool {
	struct rp_engine *engine;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct rp_vjob *todo, **todo_tail;
	struct rp_vjob *done, **done_tail;
	int efd;
	int stop;
	uint64_t pending;           /* submitted, not collected (the owner's count) */
	pthread_t th[MAX_THREADS];
	int nth;
};

struct rp_vjob *
rp_vjob_new(void)
{
	struct rp_vjob *j = calloc(1, sizeof(*j));
	if (j != NULL)
		j->fd = -1;
	return j;
}

void
rp_vjob_free(struct rp_vjob *j)
{
	if (j == NULL)
		return;
	if (j->fd >= 0)
		close(j->fd);
	if (j->cookie_free != NULL)
		j->cookie_free(j->cookie);
	free(j);
}

static void
judge(struct rp_scanner *sc, struct rp_vjob *j)
{
	unsigned char head[512];
	ssize_t n;
	const char *cls;
	struct stat st;

	if (j->skip_gone && fstat(j->fd, &st) == 0 && st.st_nlink == 0) {
		j->gone = 1;
		return;
	}
	if (rp_scan_fd(sc, j->fd, j->name, &j->v) != 0) {
		j->failed = 1;
		return;
	}
	/* random, or dense enough to be a tool's ciphertext: is it a valid archive? */
	if (j->v.kind == RP_V_ENCRYPTED || j->v.kind == RP_V_PARTIAL ||
	    (j->v.entropy >= 7.9 && j->v.size >= 1024))
		j->compressed_valid = rp_compressed_valid_fd(j->fd);
	n = pread(j->fd, head, sizeof(head), 0);
	cls = n > 0 ? rp_format_class(head, (size_t)n) : NULL;
	if (cls != NULL)
		memcpy(j->cls, cls, strlen(cls) < sizeof(j->cls) ? strlen(cls) + 1 : sizeof(j->cls));
	j->cls[sizeof(j->cls) - 1] = '\0';
}

static void *
worker(void *arg)
{
	struct rp_vpool *p = arg;
	struct rp_scanner *sc = NULL;
	int ready = rp_scanner_new(&sc, p->engine) == 0;

	/*
	 * The lock is held for list updates only, never across a system call: the owner
	 * takes it at each submit and collect, and a wake-up in the critical section
	 * (the eventfd's write, a condition's signal) made the other side sleep on the
	 * lock and be woken again, one more round trip per file (perf, cp -r of 2,000
	 * documents under watch).
	 */
	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (!p->stop && p->todo == NULL)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->stop) {
			pthread_mutex_unlock(&p->mu);
			break;
		}
		struct rp_vjob *j = p->todo;
		p->todo = j->next;
		if (p->todo == NULL)
			p->todo_tail = &p->todo;
		pthread_mutex_unlock(&p->mu);

		if (ready)
			judge(sc, j);
		else
			j->failed = 1;
		j->next = NULL;

		pthread_mutex_lock(&p->mu);
		*p->done_tail = j;
		p->done_tail = &j->next;
		pthread_mutex_unlock(&p->mu);
		uint64_t one = 1;
		if (write(p->efd, &one, sizeof(one)) < 0) {
			/* the counter cannot overflow in practice; the done list is still read
			 * at the next wake-up */
		}
	}
	rp_scanner_free(sc);
	return NULL;
}

int
rp_vpool_new(struct rp_vpool **out, struct rp_engine *engine, int nthreads)
{
	struct rp_vpool *p = calloc(1, sizeof(*p));
	if (p == NULL)
		return RP_ERR_NOMEM;
	if (nthreads < 1)
		nthreads = 1;
	if (nthreads > MAX_THREADS)
		nthreads = MAX_THREADS;
	p->engine = engine;
	p->todo_tail = &p->todo;
	p->done_tail = &p->done;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if ((p->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0) {
		rp_vpool_free(p);
		return RP_ERR_SYSTEM;
	}
	/* the workers take no signal (they inherit the mask they are created with): a
	 * SIGTERM must reach the owner's signalfd, not end the process in a worker */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int failed = 0;
	for (int i = 0; i < nthreads && !failed; i++) {
		if (pthread_create(&p->th[i], NULL, worker, p) != 0)
			failed = 1;
		else
			p->nth++;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (failed) {
		rp_vpool_free(p);
		return RP_ERR_SYSTEM;
	}
	*out = p;
	return 0;
}

static void
release_list(struct rp_vjob *j)
{
	while (j != NULL) {
		struct rp_vjob *n = j->next;
		rp_vjob_free(j);
		j = n;
	}
}

void
rp_vpool_free(struct rp_vpool *p)
{
	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	for (int i = 0; i < p->nth; i++)
		pthread_join(p->th[i], NULL);
	release_list(p->todo);
	release_list(p->done);
	if (p->efd >= 0)
		close(p->efd);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p);
}

int
rp_vpool_fd(const struct rp_vpool *p)
{
	return p->efd;
}

void
rp_vpool_submit(struct rp_vpool *p, struct rp_vjob *j)
{
	j->next = NULL;
	p->pending++;
	pthread_mutex_lock(&p->mu);
	*p->todo_tail = j;
	p->todo_tail = &j->next;
	pthread_mutex_unlock(&p->mu);
	/* after the unlock: a worker about to wait sees the job under the lock first */
	pthread_cond_signal(&p->cv);
}

void
rp_vpool_collect(struct rp_vpool *p, void (*cb)(struct rp_vjob *j, void *ctx), void *ctx)
{
	uint64_t n;
	while (read(p->efd, &n, sizeof(n)) < 0 && errno == EINTR)
		;
	pthread_mutex_lock(&p->mu);
	struct rp_vjob *j = p->done;
	p->done = NULL;
	p->done_tail = &p->done;
	pthread_mutex_unlock(&p->mu);
	while (j != NULL) {
		struct rp_vjob *next = j->next;
		p->pending--;
		cb(j, ctx);
		rp_vjob_free(j);
		j = next;
	}
}

uint64_t
rp_vpool_pending(const struct rp_vpool *p)
{
	return p->pending;
}
