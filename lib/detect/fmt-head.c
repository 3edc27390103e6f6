/*
 * The format checks on the head of a file alone, for a file that may go on beyond it
 * (watch judges files while they are written, and reads only their head): the
 * compressed streams and archives whose bytes look random by design. See
 * rp_format_stream_head in format.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "detect/fmt-list.h"
#include "detect/fmt-util.h"

/* the formats, in the order their signatures are tried */
static const char *const streams[] = { "gzip", "xz", "zstd", "zip", "7z" };

/*
 * zip: the check verifies the first local header; without the central directory (at
 * the end, not written yet) it cannot reach the entries' data. The head must hold the
 * first local header whole, and its entry must be stored, encrypted, deflated with data that decode (random bytes behind a valid
 * local header fail within a few hundred bytes), or compressed by a method that is
 * random by design (bzip2, lzma, zstd, xz); another method is not taken on trust.
 */
static void
zip_first_entry(const unsigned char *h, size_t n, struct rp_fmt_result *r)
{
	unsigned flags, method;
	size_t off, used;
	uint64_t out;

	if (n < 30 || memcmp(h, "PK\3\4", 4) != 0) {
		rp_fmt_damage(r, 0, "no local header at 0");
		return;
	}
	flags = rp_le16(h + 6);
	method = rp_le16(h + 8);
	off = 30 + (size_t)rp_le16(h + 26) + rp_le16(h + 28);
	if (off > n) {
		rp_fmt_damage(r, 26, "first local header runs past the head (%zu bytes)", off);
		return;
	}
	if (flags & 1)
		return;
	if (method == 0 || method == 12 || method == 14 || method == 93 || method == 95)
		return;
	if (method != 8) {
		rp_fmt_damage(r, 8, "first entry's method %u is not one of a compressed stream",
		    method);
		return;
	}
	if (off < n && rp_fmt_inflate(h + off, n - off, 1, 256u << 10, &used, NULL, &out) < 0)
		rp_fmt_damage(r, off + used, "deflated data of the first entry not valid at %zu",
		    off + used);
}

const char *
rp_format_stream_head(const unsigned char *head, size_t len, struct rp_fmt_result *res)
{
	struct rp_fmt_result tmp;
	struct rp_sample s;
	const struct rp_format *f = NULL;
	size_t i;

	if (res == NULL)
		res = &tmp;
	rp_fmt_begin(res);
	for (i = 0; i < sizeof(streams) / sizeof(streams[0]); i++)
		if ((f = rp_format_by_name(streams[i])) != NULL && f->sniff(head, len))
			break;
	if (i == sizeof(streams) / sizeof(streams[0]) || f == NULL)
		return NULL;
	/* the head is the one sampled region of a file of unknown size: nothing else can
	 * be read (the probe budget is spent), so a trailer or an index beyond the head
	 * is not examined, and damage recorded there does not count */
	memset(&s, 0, sizeof(s));
	s.fd = -1;
	s.size = UINT64_MAX;
	s.data = (unsigned char *)(uintptr_t)head;    /* the checks only read */
	s.cap = len;
	s.nreg = 1;
	s.reg[0].off = 0;
	s.reg[0].len = len;
	s.pos[0] = 0;
	s.probe_bytes = RP_SAMPLE_PROBE_BUDGET;
	f->check(&s, res);
	if (strcmp(f->name, "zip") == 0 && res->head_intact == 1)
		zip_first_entry(head, len, res);
	if (res->head_intact != 1 || (res->status == RP_FMT_DAMAGED && res->damage_off < len))
		return NULL;
	if (res->status == RP_FMT_DAMAGED) {
		res->status = RP_FMT_INTACT;
		res->tail_intact = -1;
		snprintf(res->reason, sizeof(res->reason), "valid as far as the first %zu bytes go",
		    len);
	}
	return f->name;
}
