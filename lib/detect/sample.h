/*
 * What the engine read of one file, and the way structure checks read more.
 *
 * Sampling bounds the I/O of a large file: a file up to RP_SAMPLE_WHOLE_MAX is read
 * whole; a larger one as its head, its tail and RP_SAMPLE_STRIDES regions evenly
 * spaced in between. Those regions stay in memory while the file is judged; structure
 * checks take bytes from them with rp_sample_get and read anything else with
 * rp_sample_pread (counted, so that a check's I/O shows in the verdict).
 * A sample belongs to one scanner (one thread).
 */
#ifndef RP_SAMPLE_H
#define RP_SAMPLE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "detect/engine.h"

#define RP_SAMPLE_WHOLE_MAX   (1024 * 1024)   /* files up to this are read whole */
#define RP_SAMPLE_HEAD        (64 * 1024)
#define RP_SAMPLE_TAIL        (64 * 1024)
#define RP_SAMPLE_STRIDES     16
#define RP_SAMPLE_STRIDE_LEN  (16 * 1024)
#define RP_SAMPLE_MAX_REGIONS (RP_SAMPLE_STRIDES + 2)
#define RP_SAMPLE_PROBE_BUDGET (512 * 1024)   /* what one check may read beyond the regions */

struct rp_sample {
	int fd;
	uint64_t size;
	unsigned char *data;          /* the regions' bytes, back to back */
	size_t cap;                   /* allocated size of data */
	size_t nreg;
	struct rp_region reg[RP_SAMPLE_MAX_REGIONS];  /* sorted, disjoint */
	size_t pos[RP_SAMPLE_MAX_REGIONS];            /* reg[i] starts at data + pos[i] */
	uint64_t bytes_read;          /* all bytes read from the file for this verdict */
	uint64_t probe_bytes;         /* of which by rp_sample_pread outside the regions */
	int err;                      /* errno of the first failed read, or 0 */
};

/* Plans the regions for a file of this size (whole when full or small). */
void rp_sample_plan(struct rp_sample *s, uint64_t size, int full);

/* Asks the kernel to start reading, without waiting, the regions rp_sample_load will
 * read for a file of this size (posix_fadvise WILLNEED; in full mode of a large file,
 * its head and tail). A caller that opens files ahead of judging them calls it at
 * open: cold, the reads of the next files are then in flight while the current one is
 * judged, instead of one file at a time per thread. Advisory: errors are ignored; the
 * file's content and times are not changed (readahead is not an access). Returns the
 * bytes asked for. Thread-safe. */
uint64_t rp_sample_prefetch(int fd, uint64_t size, int full);

/* Reads the planned regions (the whole file only if it fits RP_SAMPLE_WHOLE_MAX; in
 * full mode of a larger file, head and tail) into s->data. Grows s->data once to the
 * largest size ever needed. Returns 0 or an RP_ERR_* (RP_ERR_CHANGED if the file got
 * shorter while being read). */
int rp_sample_load(struct rp_sample *s, int fd);

/* A pointer to [off, off+len) if that range lies inside one sampled region, else NULL. */
const unsigned char *rp_sample_get(const struct rp_sample *s, uint64_t off, size_t len);

/* The head: the first region when it starts at 0 (its length in *len). */
const unsigned char *rp_sample_head(const struct rp_sample *s, size_t *len);
/* The tail: the last region when it ends at the file's end. */
const unsigned char *rp_sample_tail(const struct rp_sample *s, size_t *len, uint64_t *off);

/* Reads from the sampled regions when they cover the range, else with pread within
 * the probe budget. Returns the bytes read (short only at end of file), or -1 with
 * s->err set (EFBIG when the budget is spent). */
ssize_t rp_sample_pread(struct rp_sample *s, void *dst, size_t len, uint64_t off);

void rp_sample_release(struct rp_sample *s);

#endif
