/*
 * WOFF 1 fonts (known by their signature, sig.c): the zlib streams of the compressed
 * tables. A web font's tables are compressed by choice, so its body is random by
 * design to the statistics; the streams are not random to zlib.
 */
#include <string.h>

#include "detect/format.h"
#include "detect/fmt-util.h"

#define WOFF_MAX_TABLES 1024

/*
 * Every table of a WOFF 1 font stored smaller than its original length is a zlib
 * stream (the WOFF specification, section 5). One whose start lies in a sampled
 * region must inflate without error as far as the region holds it (random bytes, a
 * stripe over its start or its middle, fail within a few hundred bytes), and one held
 * whole must end where its compressed length says. The header and the directory are
 * trusted only as far as their bounds are checked. Sets res: DAMAGED with the first
 * table that fails, INTACT when at least one stream was examined, else UNKNOWN.
 */
void
rp_format_woff_tables(struct rp_sample *s, struct rp_fmt_result *r)
{
	const unsigned char *h, *e, *d;
	size_t hlen, i, k, avail, used;
	uint32_t n, off, comp, orig;
	uint64_t checked = 0, out;
	int rc;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || hlen < 44 || memcmp(h, "wOFF", 4) != 0)
		return;
	n = rp_be16(h + 12);
	if (n == 0 || n > WOFF_MAX_TABLES || 44u + 20u * n > hlen)
		return;
	r->head_intact = 1;
	for (k = 0; k < n; k++) {
		e = h + 44 + 20 * k;
		off = rp_be32(e + 4);
		comp = rp_be32(e + 8);
		orig = rp_be32(e + 12);
		if (comp >= orig || comp < 2 || (uint64_t)off + comp > s->size)
			continue;   /* stored whole, or not a table this check can place */
		for (i = 0; i < s->nreg; i++)
			if (off >= s->reg[i].off && off < s->reg[i].off + s->reg[i].len)
				break;
		if (i == s->nreg)
			continue;
		avail = (size_t)(s->reg[i].off + s->reg[i].len - off);
		if (avail > comp)
			avail = comp;
		if ((d = rp_sample_get(s, off, avail)) == NULL)
			continue;
		rc = rp_fmt_inflate(d, avail, 0, (uint64_t)orig + 1, &used, NULL, &out);
		if (rc < 0 || (rc == 0 && avail == comp) ||
		    (rc == 1 && (out != orig || used != comp))) {
			r->body_checked = 1;
			rp_fmt_damage(r, off + (rc < 0 ? used : 0), "table '%.4s' at %lu does not "
			    "inflate%s", (const char *)e, (unsigned long)off,
			    rc < 0 ? ": random bytes in a zlib stream" : " to its length");
			return;
		}
		checked++;
	}
	if (checked) {
		r->body_checked = 1;
		rp_fmt_ok(r, "%llu compressed tables inflate", (unsigned long long)checked);
	}
}
