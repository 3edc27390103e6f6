/*
 * Fuzzes every format's sniff and structure check on every input (and the WOFF 1
 * tables' streams). The input becomes
 * a file (memfd): as it is, or, when its first byte is odd, spread over a 3 MiB file
 * (input at the head, again at the tail, zeros between) so that sampled reads and
 * probes are exercised too. Checks must never crash, read out of bounds, exceed the
 * probe budget, or leave a field unset.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "detect/format.h"
#include "detect/sample.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
run(int fd, uint64_t fsize)
{
	struct rp_sample s;
	struct rp_fmt_result r;
	const unsigned char *h;
	size_t i, hlen;

	memset(&s, 0, sizeof(s));
	rp_sample_plan(&s, fsize, 0);
	if (rp_sample_load(&s, fd) != 0)
		goto out;
	h = rp_sample_head(&s, &hlen);
	if (h)
		(void)rp_format_sniff(h, hlen);
	for (i = 0; i < rp_nformats; i++) {
		if (h)
			(void)rp_formats[i].sniff(h, hlen);
		s.probe_bytes = 0;
		memset(&r, 0xA5, sizeof(r));
		rp_formats[i].check(&s, &r);
		if (r.status > RP_FMT_UNKNOWN || r.head_intact < -1 || r.head_intact > 1 ||
		    r.tail_intact < -1 || r.tail_intact > 1 || (r.body_checked != 0 && r.body_checked != 1) ||
		    memchr(r.reason, '\0', sizeof(r.reason)) == NULL ||
		    s.probe_bytes > RP_SAMPLE_PROBE_BUDGET)
			abort();
	}
	/* the WOFF 1 tables' streams (the engine asks after the signature) */
	s.probe_bytes = 0;
	memset(&r, 0xA5, sizeof(r));
	rp_format_woff_tables(&s, &r);
	if (r.status > RP_FMT_UNKNOWN || r.head_intact < -1 || r.head_intact > 1 ||
	    (r.body_checked != 0 && r.body_checked != 1) ||
	    memchr(r.reason, '\0', sizeof(r.reason)) == NULL || s.probe_bytes > RP_SAMPLE_PROBE_BUDGET)
		abort();
out:
	rp_sample_release(&s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd = memfd_create("fuzz", MFD_CLOEXEC);
	uint64_t fsize = size;

	if (fd < 0)
		return 0;
	if (size > 0 && write(fd, data, size) != (ssize_t)size)
		goto out;
	if (size > 0 && (data[0] & 1)) {
		fsize = 3u << 20;
		if (ftruncate(fd, (off_t)fsize) != 0 ||
		    pwrite(fd, data, size, (off_t)(fsize - size)) != (ssize_t)size)
			goto out;
	}
	run(fd, fsize);
out:
	close(fd);
	return 0;
}
