/*
 * Verdicts off the watcher's thread. The watcher must answer permission events at
 * once (a writer waits for each answer), while the scan engine's verdict on a closed
 * file costs up to milliseconds: the verdicts are computed by worker threads, each
 * with its own scanner on the shared engine, and handed back in the order they
 * finish. The watcher polls rp_vpool_fd() and collects them with rp_vpool_collect().
 */
#ifndef RP_VPOOL_H
#define RP_VPOOL_H

#include <stdint.h>

#include "detect/engine.h"

struct rp_vpool;

struct rp_vjob {
	/* set by the caller */
	int fd;                      /* owned by the job: closed when it is released */
	void *cookie;                /* the caller's, released with cookie_free when set */
	void (*cookie_free)(void *cookie);
	char name[256];              /* base name, for the extension checks */
	int skip_gone;               /* not judged when its last name went before a worker
	                                took it (a new file a writer deleted: a journal or a
	                                temp file, nobody's document) */
	/* set by the worker */
	int failed;                  /* the scanner failed (not the file: see v.kind) */
	int gone;                    /* skipped: skip_gone, and no name left */
	struct rp_verdict v;
	int compressed_valid;        /* random by verdict, but a valid gzip/xz/zstd/zip/7z */
	char cls[16];                /* rp_format_class of the head after the write, "" none */
	struct rp_vjob *next;
};

/* Starts nthreads workers (1..8) on engine, which must outlive the pool. */
int rp_vpool_new(struct rp_vpool **out, struct rp_engine *engine, int nthreads);
/* Stops the workers (the jobs queued are dropped and released). Accepts NULL. */
void rp_vpool_free(struct rp_vpool *p);
/* Readable when verdicts are waiting (an eventfd). */
int rp_vpool_fd(const struct rp_vpool *p);
/* A new job (NULL on allocation failure), to fill then submit. */
struct rp_vjob *rp_vjob_new(void);
void rp_vjob_free(struct rp_vjob *j);   /* closes its fd, frees its cookie; accepts NULL */
void rp_vpool_submit(struct rp_vpool *p, struct rp_vjob *j);
/* Calls cb for each finished job, in the order they finished, then frees it. */
void rp_vpool_collect(struct rp_vpool *p, void (*cb)(struct rp_vjob *j, void *ctx), void *ctx);
/* Jobs submitted and not yet collected. */
uint64_t rp_vpool_pending(const struct rp_vpool *p);

#endif
