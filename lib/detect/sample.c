#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "core/file.h"
#include "detect/sample.h"

void
rp_sample_plan(struct rp_sample *s, uint64_t size, int full)
{
	uint64_t span, step;
	size_t i;

	s->size = size;
	s->nreg = 0;
	s->bytes_read = 0;
	s->probe_bytes = 0;
	s->err = 0;
	if (size == 0)
		return;
	if (size <= RP_SAMPLE_WHOLE_MAX) {
		s->reg[0].off = 0;
		s->reg[0].len = size;
		s->nreg = 1;
		return;
	}
	s->reg[s->nreg].off = 0;
	s->reg[s->nreg++].len = RP_SAMPLE_HEAD;
	if (!full) {
		/* strides evenly spaced over what lies between head and tail */
		span = size - RP_SAMPLE_HEAD - RP_SAMPLE_TAIL;
		step = span / (RP_SAMPLE_STRIDES + 1);
		for (i = 1; i <= RP_SAMPLE_STRIDES && step >= RP_SAMPLE_STRIDE_LEN; i++) {
			s->reg[s->nreg].off = RP_SAMPLE_HEAD + i * step - RP_SAMPLE_STRIDE_LEN / 2;
			s->reg[s->nreg++].len = RP_SAMPLE_STRIDE_LEN;
		}
		if (step < RP_SAMPLE_STRIDE_LEN && span > 0) {
			/* too little room for strides: one region covering the middle */
			s->reg[s->nreg].off = RP_SAMPLE_HEAD;
			s->reg[s->nreg++].len = span;
		}
	}
	s->reg[s->nreg].off = size - RP_SAMPLE_TAIL;
	s->reg[s->nreg++].len = RP_SAMPLE_TAIL;
}

/* what one fadvise asks at most: the kernel clamps WILLNEED to its readahead window
 * (read_ahead_kb), and a smaller request keeps a huge region from being cut short */
#define PREFETCH_CHUNK (128 * 1024)

uint64_t
rp_sample_prefetch(int fd, uint64_t size, int full)
{
	struct rp_sample plan;
	uint64_t off, end, asked = 0;
	size_t i;

	rp_sample_plan(&plan, size, full);
	for (i = 0; i < plan.nreg; i++) {
		end = plan.reg[i].off + plan.reg[i].len;
		asked += plan.reg[i].len;
		for (off = plan.reg[i].off; off < end; off += PREFETCH_CHUNK) {
			uint64_t len = end - off < PREFETCH_CHUNK ? end - off : PREFETCH_CHUNK;

			(void)posix_fadvise(fd, (off_t)off, (off_t)len, POSIX_FADV_WILLNEED);
		}
	}
	return asked;
}

int
rp_sample_load(struct rp_sample *s, int fd)
{
	size_t need = 0, i;
	ssize_t n;

	s->fd = fd;
	for (i = 0; i < s->nreg; i++) {
		s->pos[i] = need;
		need += s->reg[i].len;
	}
	if (need > s->cap) {
		unsigned char *p = realloc(s->data, need);

		if (p == NULL)
			return RP_ERR_NOMEM;
		s->data = p;
		s->cap = need;
	}
	for (i = 0; i < s->nreg; i++) {
		n = rp_pread_full(fd, s->data + s->pos[i], s->reg[i].len, (off_t)s->reg[i].off);
		if (n < 0) {
			s->err = errno;
			return RP_ERR_SYSTEM;
		}
		s->bytes_read += (uint64_t)n;
		if ((uint64_t)n < s->reg[i].len) {
			/* the file shrank under us: keep what is consistent, say so */
			struct stat st;

			s->reg[i].len = (uint64_t)n;
			s->nreg = n ? i + 1 : i;
			s->size = s->reg[i].off + (uint64_t)n;
			if (fstat(fd, &st) == 0 && (uint64_t)st.st_size < s->size)
				s->size = (uint64_t)st.st_size;
			return RP_ERR_CHANGED;
		}
	}
	return 0;
}

const unsigned char *
rp_sample_get(const struct rp_sample *s, uint64_t off, size_t len)
{
	size_t i;

	for (i = 0; i < s->nreg; i++) {
		const struct rp_region *r = &s->reg[i];

		if (off >= r->off && off - r->off <= r->len && len <= r->len - (off - r->off))
			return s->data + s->pos[i] + (off - r->off);
	}
	return NULL;
}

const unsigned char *
rp_sample_head(const struct rp_sample *s, size_t *len)
{
	if (s->nreg == 0 || s->reg[0].off != 0) {
		*len = 0;
		return NULL;
	}
	*len = s->reg[0].len;
	return s->data;
}

const unsigned char *
rp_sample_tail(const struct rp_sample *s, size_t *len, uint64_t *off)
{
	const struct rp_region *r;

	if (s->nreg == 0) {
		*len = 0;
		*off = 0;
		return NULL;
	}
	r = &s->reg[s->nreg - 1];
	if (r->off + r->len != s->size) {
		*len = 0;
		*off = 0;
		return NULL;
	}
	*len = r->len;
	*off = r->off;
	return s->data + s->pos[s->nreg - 1];
}

ssize_t
rp_sample_pread(struct rp_sample *s, void *dst, size_t len, uint64_t off)
{
	const unsigned char *p;
	ssize_t n;

	if (off >= s->size)
		return 0;
	if (len > s->size - off)
		len = s->size - off;
	if ((p = rp_sample_get(s, off, len)) != NULL) {
		memcpy(dst, p, len);
		return (ssize_t)len;
	}
	if (s->probe_bytes + len > RP_SAMPLE_PROBE_BUDGET) {
		s->err = EFBIG;
		return -1;
	}
	n = rp_pread_full(s->fd, dst, len, (off_t)off);
	if (n < 0) {
		s->err = errno;
		return -1;
	}
	s->probe_bytes += (uint64_t)n;
	s->bytes_read += (uint64_t)n;
	return n;
}

void
rp_sample_release(struct rp_sample *s)
{
	free(s->data);
	s->data = NULL;
	s->cap = 0;
	s->nreg = 0;
}
