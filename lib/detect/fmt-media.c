/*
 * Audio and video: MP3 (ID3v2 size, the frame chain in every sampled region), MP4 and
 * QuickTime (top-level box chain to the end, ftyp first, moov's children), RIFF (WAV,
 * AVI, WebP: size and chunk chain), Ogg (page chain with CRC) and FLAC (metadata block
 * chain, frame headers with CRC-8 in sampled regions).
 */
#include <string.h>

#include "detect/fmt-list.h"
#include "detect/fmt-util.h"

static const uint32_t ogg_crc_tab[256] = {
	0x00000000, 0x04c11db7, 0x09823b6e, 0x0d4326d9, 0x130476dc, 0x17c56b6b,
	0x1a864db2, 0x1e475005, 0x2608edb8, 0x22c9f00f, 0x2f8ad6d6, 0x2b4bcb61,
	0x350c9b64, 0x31cd86d3, 0x3c8ea00a, 0x384fbdbd, 0x4c11db70, 0x48d0c6c7,
	0x4593e01e, 0x4152fda9, 0x5f15adac, 0x5bd4b01b, 0x569796c2, 0x52568b75,
	0x6a1936c8, 0x6ed82b7f, 0x639b0da6, 0x675a1011, 0x791d4014, 0x7ddc5da3,
	0x709f7b7a, 0x745e66cd, 0x9823b6e0, 0x9ce2ab57, 0x91a18d8e, 0x95609039,
	0x8b27c03c, 0x8fe6dd8b, 0x82a5fb52, 0x8664e6e5, 0xbe2b5b58, 0xbaea46ef,
	0xb7a96036, 0xb3687d81, 0xad2f2d84, 0xa9ee3033, 0xa4ad16ea, 0xa06c0b5d,
	0xd4326d90, 0xd0f37027, 0xddb056fe, 0xd9714b49, 0xc7361b4c, 0xc3f706fb,
	0xceb42022, 0xca753d95, 0xf23a8028, 0xf6fb9d9f, 0xfbb8bb46, 0xff79a6f1,
	0xe13ef6f4, 0xe5ffeb43, 0xe8bccd9a, 0xec7dd02d, 0x34867077, 0x30476dc0,
	0x3d044b19, 0x39c556ae, 0x278206ab, 0x23431b1c, 0x2e003dc5, 0x2ac12072,
	0x128e9dcf, 0x164f8078, 0x1b0ca6a1, 0x1fcdbb16, 0x018aeb13, 0x054bf6a4,
	0x0808d07d, 0x0cc9cdca, 0x7897ab07, 0x7c56b6b0, 0x71159069, 0x75d48dde,
	0x6b93dddb, 0x6f52c06c, 0x6211e6b5, 0x66d0fb02, 0x5e9f46bf, 0x5a5e5b08,
	0x571d7dd1, 0x53dc6066, 0x4d9b3063, 0x495a2dd4, 0x44190b0d, 0x40d816ba,
	0xaca5c697, 0xa864db20, 0xa527fdf9, 0xa1e6e04e, 0xbfa1b04b, 0xbb60adfc,
	0xb6238b25, 0xb2e29692, 0x8aad2b2f, 0x8e6c3698, 0x832f1041, 0x87ee0df6,
	0x99a95df3, 0x9d684044, 0x902b669d, 0x94ea7b2a, 0xe0b41de7, 0xe4750050,
	0xe9362689, 0xedf73b3e, 0xf3b06b3b, 0xf771768c, 0xfa325055, 0xfef34de2,
	0xc6bcf05f, 0xc27dede8, 0xcf3ecb31, 0xcbffd686, 0xd5b88683, 0xd1799b34,
	0xdc3abded, 0xd8fba05a, 0x690ce0ee, 0x6dcdfd59, 0x608edb80, 0x644fc637,
	0x7a089632, 0x7ec98b85, 0x738aad5c, 0x774bb0eb, 0x4f040d56, 0x4bc510e1,
	0x46863638, 0x42472b8f, 0x5c007b8a, 0x58c1663d, 0x558240e4, 0x51435d53,
	0x251d3b9e, 0x21dc2629, 0x2c9f00f0, 0x285e1d47, 0x36194d42, 0x32d850f5,
	0x3f9b762c, 0x3b5a6b9b, 0x0315d626, 0x07d4cb91, 0x0a97ed48, 0x0e56f0ff,
	0x1011a0fa, 0x14d0bd4d, 0x19939b94, 0x1d528623, 0xf12f560e, 0xf5ee4bb9,
	0xf8ad6d60, 0xfc6c70d7, 0xe22b20d2, 0xe6ea3d65, 0xeba91bbc, 0xef68060b,
	0xd727bbb6, 0xd3e6a601, 0xdea580d8, 0xda649d6f, 0xc423cd6a, 0xc0e2d0dd,
	0xcda1f604, 0xc960ebb3, 0xbd3e8d7e, 0xb9ff90c9, 0xb4bcb610, 0xb07daba7,
	0xae3afba2, 0xaafbe615, 0xa7b8c0cc, 0xa379dd7b, 0x9b3660c6, 0x9ff77d71,
	0x92b45ba8, 0x9675461f, 0x8832161a, 0x8cf30bad, 0x81b02d74, 0x857130c3,
	0x5d8a9099, 0x594b8d2e, 0x5408abf7, 0x50c9b640, 0x4e8ee645, 0x4a4ffbf2,
	0x470cdd2b, 0x43cdc09c, 0x7b827d21, 0x7f436096, 0x7200464f, 0x76c15bf8,
	0x68860bfd, 0x6c47164a, 0x61043093, 0x65c52d24, 0x119b4be9, 0x155a565e,
	0x18197087, 0x1cd86d30, 0x029f3d35, 0x065e2082, 0x0b1d065b, 0x0fdc1bec,
	0x3793a651, 0x3352bbe6, 0x3e119d3f, 0x3ad08088, 0x2497d08d, 0x2056cd3a,
	0x2d15ebe3, 0x29d4f654, 0xc5a92679, 0xc1683bce, 0xcc2b1d17, 0xc8ea00a0,
	0xd6ad50a5, 0xd26c4d12, 0xdf2f6bcb, 0xdbee767c, 0xe3a1cbc1, 0xe760d676,
	0xea23f0af, 0xeee2ed18, 0xf0a5bd1d, 0xf464a0aa, 0xf9278673, 0xfde69bc4,
	0x89b8fd09, 0x8d79e0be, 0x803ac667, 0x84fbdbd0, 0x9abc8bd5, 0x9e7d9662,
	0x933eb0bb, 0x97ffad0c, 0xafb010b1, 0xab710d06, 0xa6322bdf, 0xa2f33668,
	0xbcb4666d, 0xb8757bda, 0xb5365d03, 0xb1f740b4,
};

/* ---- MP3 ---- */

struct mpa {
	unsigned ver, layer, sr;   /* the stream's first frame: later ones must agree */
};

/* frame length at p, or 0 when p is not a frame header (agreeing with m when set) */
static unsigned
mpa_frame(const unsigned char *p, const struct mpa *m, struct mpa *out)
{
	static const unsigned short br[2][3][16] = {
		{ { 0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, 0 },
		  { 0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 0 },
		  { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0 } },
		{ { 0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, 0 },
		  { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0 },
		  { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0 } },
	};
	static const unsigned srt[4][3] = {
		{ 11025, 12000, 8000 }, { 0, 0, 0 }, { 22050, 24000, 16000 }, { 44100, 48000, 32000 },
	};
	unsigned ver, layer, bri, sri, pad, b, sr, lsf;

	if (p[0] != 0xFF || (p[1] & 0xE0) != 0xE0)
		return 0;
	ver = (p[1] >> 3) & 3;   /* 0: 2.5, 2: 2, 3: 1 */
	layer = 4 - ((p[1] >> 1) & 3);
	bri = p[2] >> 4;
	sri = (p[2] >> 2) & 3;
	pad = (p[2] >> 1) & 1;
	if (ver == 1 || layer == 4 || bri == 0 || bri == 15 || sri == 3 || (p[3] & 3) == 2)
		return 0;
	if (m && (m->ver != ver || m->layer != layer || m->sr != sri))
		return 0;
	lsf = ver != 3;
	b = br[lsf][layer - 1][bri] * 1000u;
	sr = srt[ver][sri];
	if (out) {
		out->ver = ver;
		out->layer = layer;
		out->sr = sri;
	}
	if (layer == 1)
		return (12 * b / sr + pad) * 4;
	if (layer == 3 && lsf)
		return 72 * b / sr + pad;
	return 144 * b / sr + pad;
}

int
rp_fmt_mp3_sniff(const unsigned char *h, size_t n)
{
	unsigned l1, l2;
	struct mpa m;

	if (n >= 10 && memcmp(h, "ID3", 3) == 0 && h[3] >= 2 && h[3] <= 4 && h[5] % 16 == 0 &&
	    !((h[6] | h[7] | h[8] | h[9]) & 0x80))
		return 1;
	if (n < 4 || (l1 = mpa_frame(h, NULL, &m)) == 0 || n < l1 + 4 ||
	    (l2 = mpa_frame(h + l1, &m, NULL)) == 0 || n < l1 + l2 + 4)
		return 0;
	return mpa_frame(h + l1 + l2, &m, NULL) != 0;
}

/* what may follow the last frame */
static int
mp3_trailer(const unsigned char *p, size_t n)
{
	size_t i;

	if (n >= 3 && memcmp(p, "TAG", 3) == 0)
		return 1;
	if (n >= 8 && (memcmp(p, "APETAGEX", 8) == 0 || memcmp(p, "LYRICSBE", 8) == 0))
		return 1;
	if (n >= 3 && memcmp(p, "ID3", 3) == 0)
		return 1;
	for (i = 0; i < n && i < 4096; i++)
		if (p[i] != 0 && p[i] != 0xFF)
			return 0;
	return 1;
}

/*
 * Walks frames in p[0..n) from `at`; returns where the chain broke (n or more when it
 * ran to the end of the buffer) and counts frames.
 */
static size_t
mp3_walk(const unsigned char *p, size_t n, size_t at, const struct mpa *m, uint64_t *frames)
{
	unsigned l;

	while (at + 4 <= n && (l = mpa_frame(p + at, m, NULL)) != 0) {
		at += l;
		(*frames)++;
	}
	return at + 4 <= n ? at : n;
}

void
rp_fmt_mp3_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	const unsigned char *h, *g;
	size_t hlen, i, n, at, brk, k;
	uint64_t start = 0, frames = 0, tagsz;
	struct mpa m;
	unsigned l1, l2;

	if ((h = rp_fmt_start(s, r, rp_fmt_mp3_sniff, &hlen, "ID3 tag or MPEG audio frames")) == NULL)
		return;
	/* ID3v2 tags (there may be several) */
	while (start + 10 <= hlen && memcmp(h + start, "ID3", 3) == 0) {
		const unsigned char *t = h + start;

		if (t[3] < 2 || t[3] > 4 || ((t[6] | t[7] | t[8] | t[9]) & 0x80)) {
			r->head_intact = 0;
			rp_fmt_damage(r, start, "ID3v2 tag header at %llu is not valid",
			    (unsigned long long)start);
			return;
		}
		tagsz = (uint64_t)t[6] << 21 | (uint64_t)t[7] << 14 | (uint64_t)t[8] << 7 | t[9];
		start += 10 + tagsz + ((t[5] & 0x10) ? 10 : 0);
	}
	r->head_intact = 1;
	if (start >= s->size) {
		rp_fmt_damage(r, s->size, "ID3v2 tag runs past the end");
		return;
	}
	m.ver = 0;
	/* the first frame: within a little padding after the tag, three frames chaining */
	for (i = 0; i < 4096 && start + i + 4 <= s->size; i++) {
		unsigned char fb[4];

		if (rp_sample_pread(s, fb, 4, start + i) != 4)
			break;
		if ((l1 = mpa_frame(fb, NULL, &m)) == 0)
			continue;
		if ((g = rp_sample_get(s, start + i, (size_t)l1 + 4)) == NULL)
			break;
		if ((l2 = mpa_frame(g + l1, &m, NULL)) != 0)
			break;
		m.ver = 0;
	}
	if (m.ver == 0 && (i == 4096 || start + i + 4 > s->size)) {
		rp_fmt_damage(r, start, "no MPEG audio frame after the ID3 tag at %llu",
		    (unsigned long long)start);
		return;
	}
	start += i;
	if (m.ver == 0) {
		rp_fmt_ok(r, "ID3 tag; the first frame lies beyond the sampled regions");
		return;
	}
	/* the frame chain in every sampled region after the start */
	for (i = 0; i < s->nreg; i++) {
		uint64_t ro = s->reg[i].off;

		n = (size_t)s->reg[i].len;
		g = s->data + s->pos[i];
		if (ro + n <= start)
			continue;
		if (ro <= start) {
			at = (size_t)(start - ro);
		} else {
			/* resynchronise: a header followed by two more */
			for (at = 0; at + 4 <= n && at < 4096; at++) {
				if ((l1 = mpa_frame(g + at, &m, NULL)) == 0 || at + l1 + 4 > n ||
				    (l2 = mpa_frame(g + at + l1, &m, NULL)) == 0)
					continue;
				if (at + l1 + l2 + 4 > n || mpa_frame(g + at + l1 + l2, &m, NULL))
					break;
			}
			if (at + 4 > n || at >= 4096) {
				if (n < 8192 || (ro + n == s->size && mp3_trailer(g, n)))
					continue;
				/* a whole region without frames: is it a trailer? */
				if (ro + n == s->size && rp_fmt_find(g, n, "TAG", 3) == NULL)
					rp_fmt_damage(r, ro, "no MPEG audio frames in the region at %llu",
					    (unsigned long long)ro);
				else if (ro + n != s->size)
					rp_fmt_damage(r, ro, "no MPEG audio frames in the region at %llu",
					    (unsigned long long)ro);
				continue;
			}
		}
		/*
		 * Joined files (a tag or a new stream in the middle) break the chain once and
		 * resynchronise right after; random stripes break it again and again.
		 */
		for (k = 0;; k++) {
			size_t j;

			brk = mp3_walk(g, n, at, &m, &frames);
			if (brk >= n || (ro + n == s->size && n - brk <= 65536 &&
			    mp3_trailer(g + brk, n - brk)))
				break;
			if (n - brk >= 10 && memcmp(g + brk, "ID3", 3) == 0 &&
			    !((g[brk + 6] | g[brk + 7] | g[brk + 8] | g[brk + 9]) & 0x80)) {
				/* the next file of a joined set: skip its tag */
				tagsz = (uint64_t)g[brk + 6] << 21 | (uint64_t)g[brk + 7] << 14 |
				    (uint64_t)g[brk + 8] << 7 | g[brk + 9];
				if (tagsz + 10 >= n - brk)
					break;
				brk += 10 + (size_t)tagsz;
				if (mpa_frame(g + brk, NULL, &m)) {
					at = brk;
					k--;
					continue;
				}
			}
			for (j = brk + 1; j + 4 <= n && j < brk + 4096; j++) {
				struct mpa m2;

				if ((l1 = mpa_frame(g + j, NULL, &m2)) == 0 || j + l1 + 4 > n ||
				    (l2 = mpa_frame(g + j + l1, &m2, NULL)) == 0 ||
				    (j + l1 + l2 + 4 <= n && !mpa_frame(g + j + l1 + l2, &m2, NULL)))
					continue;
				break;
			}
			if (k >= 2 || j + 4 > n || j >= brk + 4096) {
				if (j + 4 > n && k < 2 && n - brk < 4096)
					break;   /* the region ends before a resync could show */
				rp_fmt_damage(r, ro + brk, "MPEG audio frame chain broken at %llu",
				    (unsigned long long)(ro + brk));
				break;
			}
			at = j;
			mpa_frame(g + j, NULL, &m);
		}
		if (r->status == RP_FMT_DAMAGED)
			break;
	}
	r->body_checked = 1;
	r->tail_intact = r->status != RP_FMT_DAMAGED;
	rp_fmt_ok(r, "ID3 tag, %llu MPEG audio frames chain in the sampled regions",
	    (unsigned long long)frames);
}

/* ---- MP4 / QuickTime ---- */

int
rp_fmt_mp4_sniff(const unsigned char *h, size_t n)
{
	return n >= 16 && memcmp(h + 4, "ftyp", 4) == 0 && rp_be32(h) >= 8;
}

static int
box_type_ok(const unsigned char *t)
{
	int i;

	for (i = 0; i < 4; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
		    (t[i] >= '0' && t[i] <= '9') || t[i] == ' ' || t[i] == 0xA9 || t[i] == '-' ||
		    t[i] == '_'))
			return 0;
	return 1;
}

/* walks boxes from pos to end; returns 0, or -1 with *bad set, or 1 budget spent */
static int
box_chain(struct rp_rd *rd, uint64_t pos, uint64_t end, uint64_t *nbox, uint64_t *bad,
    uint64_t *moov, uint64_t *moovlen, int top)
{
	const unsigned char *p;
	uint64_t sz;

	while (pos < end && *nbox < 200000) {
		if (end - pos < 8) {
			/* some writers leave up to 7 zero bytes at the end */
			*bad = pos;
			if ((p = top ? rp_rd_get(rd, pos, (size_t)(end - pos)) : NULL) != NULL) {
				size_t i;

				for (i = 0; i < end - pos && p[i] == 0; i++)
					;
				if (i == end - pos)
					return 0;
			}
			return -1;
		}
		if ((p = rp_rd_get(rd, pos, end - pos >= 16 ? 16 : 8)) == NULL)
			return rd->fail ? 1 : -1;
		sz = rp_be32(p);
		if (!box_type_ok(p + 4)) {
			*bad = pos;
			return -1;
		}
		if (sz == 1) {
			if (end - pos < 16) {
				*bad = pos;
				return -1;
			}
			sz = rp_be64(p + 8);
			if (sz < 16) {
				*bad = pos;
				return -1;
			}
		} else if (sz == 0) {
			if (!top) {
				/* a zero terminator inside some containers (udta in QuickTime) */
				return 0;
			}
			sz = end - pos;
		} else if (sz < 8) {
			*bad = pos;
			return -1;
		}
		if (sz > end - pos) {
			*bad = pos;
			return -1;
		}
		if (moov && memcmp(p + 4, "moov", 4) == 0) {
			*moov = pos;
			*moovlen = sz;
		}
		pos += sz;
		(*nbox)++;
	}
	return 0;
}

void
rp_fmt_mp4_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h;
	size_t hlen;
	uint64_t nbox = 0, nchild = 0, bad = 0, moov = 0, moovlen = 0;
	int rc;

	if ((h = rp_fmt_start(s, r, rp_fmt_mp4_sniff, &hlen, "ftyp box")) == NULL)
		return;
	r->head_intact = 1;
	rp_rd_init(&rd, s, 16);
	rc = box_chain(&rd, 0, s->size, &nbox, &bad, &moov, &moovlen, 1);
	if (rc < 0) {
		r->tail_intact = 0;
		if (bad < 16)
			r->head_intact = 0;
		rp_fmt_damage(r, bad, "invalid box at %llu in the top-level chain",
		    (unsigned long long)bad);
		return;
	}
	if (rc == 0 && moov == 0 && nbox < 200000) {
		/*
		 * A recording still being written (cameras, NVRs, screen recorders) has
		 * its moov written last: a box chain that is valid to the end without one
		 * is unfinished, not damaged. Encryption breaks the chain itself.
		 */
		r->tail_intact = 1;
		rp_fmt_ok(r, "%llu top-level boxes chain to the end, no moov box yet (a "
		    "recording not finalised)", (unsigned long long)nbox);
		return;
	}
	if (moov) {
		rp_rd_init(&rd, s, 16);
		if (box_chain(&rd, moov + 8, moov + moovlen, &nchild, &bad, NULL, NULL, 0) < 0) {
			rp_fmt_damage(r, bad, "invalid box at %llu inside moov", (unsigned long long)bad);
			return;
		}
	}
	r->tail_intact = rc == 0;
	rp_fmt_ok(r, "%llu top-level boxes chain to the end%s, moov with %llu boxes",
	    (unsigned long long)nbox, rc ? " (probe budget)" : "", (unsigned long long)nchild);
}

/* ---- RIFF (WAV, AVI, WebP) ---- */

int
rp_fmt_wav_sniff(const unsigned char *h, size_t n)
{
	return n >= 12 && memcmp(h, "RIFF", 4) == 0 && memcmp(h + 8, "WAVE", 4) == 0;
}

int
rp_fmt_riff_sniff(const unsigned char *h, size_t n)
{
	return n >= 12 && (memcmp(h, "RIFF", 4) == 0 || memcmp(h, "RF64", 4) == 0) &&
	    box_type_ok(h + 8) && !rp_fmt_wav_sniff(h, n);
}

static int
fourcc_ok(const unsigned char *t)
{
	int i;

	for (i = 0; i < 4; i++)
		if (t[i] < 0x20 || t[i] > 0x7E)
			return 0;
	return 1;
}

void
rp_fmt_riff_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *p;
	size_t hlen;
	uint64_t pos = 0, end, sz, n = 0, cpos;
	int rf64, cut = 0;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || hlen < 12 || !(rp_fmt_wav_sniff(h, hlen) || rp_fmt_riff_sniff(h, hlen)) ||
	    !fourcc_ok(h + 8)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no RIFF header at 0");
		return;
	}
	r->head_intact = 1;
	rf64 = memcmp(h, "RF64", 4) == 0;
	rp_rd_init(&rd, s, 16);
	/* RIFF chunks back to back (AVI files over 1 GiB add RIFF AVIX chunks) */
	while (pos + 12 <= s->size) {
		if ((p = rp_rd_get(&rd, pos, 12)) == NULL)
			goto budget;
		if (pos > 0 && memcmp(p, "RIFF", 4) != 0) {
			size_t i;

			/* trailing bytes after the RIFF chunk: zeros are padding */
			for (i = 0; i < 12 && p[i] == 0; i++)
				;
			if (i == 12)
				break;
			rp_fmt_damage(r, pos, "data after the RIFF chunk at %llu is not a chunk",
			    (unsigned long long)pos);
			return;
		}
		sz = rp_le32(p + 4);
		if (rf64 || sz == 0xFFFFFFFF || sz == 0)
			sz = s->size - pos - 8;   /* streamed or 64-bit: to the end */
		if (sz + 8 > s->size - pos) {
			r->tail_intact = 0;
			rp_fmt_damage(r, pos + 4, "RIFF size %llu exceeds the file",
			    (unsigned long long)sz);
			if (pos > 0)
				return;
			/* cut short (an interrupted copy) when the chunks chain to the end */
			cut = 1;
			sz = s->size - pos - 8;
		}
		end = pos + 8 + sz;
		for (cpos = pos + 12; cpos + 8 <= end && n < 1000000;) {
			uint64_t csz;

			if ((p = rp_rd_get(&rd, cpos, 8)) == NULL)
				goto budget;
			csz = rp_le32(p + 4);
			if (!fourcc_ok(p)) {
				rp_fmt_damage(r, cpos, "invalid chunk id at %llu", (unsigned long long)cpos);
				return;
			}
			if ((csz == 0xFFFFFFFF || rf64) && memcmp(p, "data", 4) == 0)
				csz = end - cpos - 8;
			if (csz > end - cpos - 8) {
				rp_fmt_damage(r, cpos, "chunk '%.4s' at %llu runs past the end",
				    (const char *)p, (unsigned long long)cpos);
				/* the RIFF size says the file was longer, every chunk before
				 * this one is valid and so is its id: the file ends inside it.
				 * (With a RIFF size that fits, a chunk running past the end has
				 * a foreign length: not a cut.) */
				r->truncated = cut;
				return;
			}
			cpos += 8 + csz + (csz & 1);
			n++;
		}
		if (cpos < end && end - cpos >= 8) {
			rp_fmt_damage(r, cpos, "chunk chain stops at %llu", (unsigned long long)cpos);
			return;
		}
		pos = end + (end & 1 && end < s->size ? 1 : 0);
	}
	if (cut) {
		r->truncated = 1;   /* cut at a chunk's end */
		return;
	}
	r->tail_intact = 1;
	rp_fmt_ok(r, "RIFF '%.4s', %llu chunks chain to the end", (const char *)h + 8,
	    (unsigned long long)n);
	return;
budget:
	rp_fmt_ok(r, "RIFF '%.4s', %llu chunks chain (probe budget)", (const char *)h + 8,
	    (unsigned long long)n);
}

/* ---- Ogg ---- */

static uint32_t
ogg_crc(uint32_t c, const unsigned char *p, size_t n)
{
	while (n--)
		c = (c << 8) ^ ogg_crc_tab[((c >> 24) ^ *p++) & 0xFF];
	return c;
}

int
rp_fmt_ogg_sniff(const unsigned char *h, size_t n)
{
	return n >= 28 && memcmp(h, "OggS", 4) == 0 && h[4] == 0;
}

void
rp_fmt_ogg_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *p, *pg;
	uint64_t pos = 0, npages = 0, ncrc = 0, len;
	unsigned i, nseg;

	rp_fmt_begin(r);
	rp_rd_init(&rd, s, 282);
	while (pos < s->size && npages < 2000000) {
		if ((p = rp_rd_get(&rd, pos, s->size - pos < 27 ? (size_t)(s->size - pos) : 27)) == NULL ||
		    s->size - pos < 27 || memcmp(p, "OggS", 4) != 0 || p[4] != 0 || p[5] > 7) {
			if (rd.fail)
				goto budget;
			rp_fmt_damage(r, pos, "no Ogg page at %llu", (unsigned long long)pos);
			break;
		}
		nseg = p[26];
		if ((p = rp_rd_get(&rd, pos, 27 + nseg)) == NULL) {
			if (rd.fail)
				goto budget;
			rp_fmt_damage(r, pos, "truncated Ogg page at %llu", (unsigned long long)pos);
			break;
		}
		for (len = 27 + nseg, i = 0; i < nseg; i++)
			len += p[27 + i];
		if (len > s->size - pos) {
			rp_fmt_damage(r, pos, "Ogg page at %llu runs past the end", (unsigned long long)pos);
			break;
		}
		if ((pg = rp_sample_get(s, pos, (size_t)len)) != NULL) {
			uint32_t c = ogg_crc(0, pg, 22);

			c = ogg_crc(c, (const unsigned char *)"\0\0\0\0", 4);
			c = ogg_crc(c, pg + 26, (size_t)len - 26);
			if (c != rp_le32(pg + 22)) {
				rp_fmt_damage(r, pos, "Ogg page at %llu: CRC does not match",
				    (unsigned long long)pos);
				break;
			}
			ncrc++;
		}
		if (npages == 0)
			r->head_intact = 1;
		pos += len;
		npages++;
	}
	if (r->head_intact != 1)
		r->head_intact = 0;
	r->tail_intact = r->status != RP_FMT_DAMAGED;
	r->body_checked = ncrc > 0;
	rp_fmt_ok(r, "%llu pages chain to the end, %llu CRCs verified", (unsigned long long)npages,
	    (unsigned long long)ncrc);
	return;
budget:
	rp_fmt_ok(r, "%llu pages chain (probe budget), %llu CRCs verified",
	    (unsigned long long)npages, (unsigned long long)ncrc);
}

/* ---- FLAC ---- */

int
rp_fmt_flac_sniff(const unsigned char *h, size_t n)
{
	return n >= 8 && memcmp(h, "fLaC", 4) == 0 && (h[4] & 0x7F) == 0;
}

static unsigned
crc8(const unsigned char *p, size_t n)
{
	unsigned c = 0, k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = (c & 0x80) ? ((c << 1) ^ 0x07) & 0xFF : (c << 1) & 0xFF;
	}
	return c;
}

/* a frame header at p with valid fields and CRC-8 */
static int
flac_frame(const unsigned char *p, size_t n)
{
	size_t i = 4, k;
	unsigned bs, sr;

	if (n < 6 || p[0] != 0xFF || (p[1] & 0xFE) != 0xF8)
		return 0;
	bs = p[2] >> 4;
	sr = p[2] & 15;
	if (bs == 0 || sr == 15 || (p[3] >> 4) > 10 || ((p[3] >> 1) & 7) == 3 ||
	    ((p[3] >> 1) & 7) == 7 || (p[3] & 1))
		return 0;
	/* UTF-8-like coded frame or sample number */
	if (!(p[i] & 0x80))
		k = 0;
	else if ((p[i] & 0xE0) == 0xC0)
		k = 1;
	else if ((p[i] & 0xF0) == 0xE0)
		k = 2;
	else if ((p[i] & 0xF8) == 0xF0)
		k = 3;
	else if ((p[i] & 0xFC) == 0xF8)
		k = 4;
	else if ((p[i] & 0xFE) == 0xFC)
		k = 5;
	else if (p[i] == 0xFE)
		k = 6;
	else
		return 0;
	i += 1 + k;
	if (bs == 6)
		i += 1;
	else if (bs == 7)
		i += 2;
	if (sr == 12)
		i += 1;
	else if (sr == 13 || sr == 14)
		i += 2;
	if (i >= n)
		return 0;
	return crc8(p, i) == p[i];
}

void
rp_fmt_flac_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *p, *g;
	uint64_t pos = 4, audio = 0, maxf = 0, nblk = 0, nframes = 0;
	size_t i, n, k;
	int last = 0;

	if ((p = rp_fmt_start(s, r, rp_fmt_flac_sniff, &n, "FLAC stream header")) == NULL)
		return;
	rp_rd_init(&rd, s, 64);
	while (!last && nblk < 1024) {
		uint32_t len;

		if ((p = rp_rd_get(&rd, pos, 4)) == NULL) {
			rp_fmt_damage(r, pos, "metadata block chain runs past the end");
			return;
		}
		last = p[0] >> 7;
		len = rp_be24(p + 1);
		if ((p[0] & 0x7F) > 6 || (nblk == 0 && ((p[0] & 0x7F) != 0 || len != 34)) ||
		    len > s->size - pos - 4) {
			r->head_intact = nblk > 0;
			rp_fmt_damage(r, pos, "invalid metadata block header at %llu",
			    (unsigned long long)pos);
			return;
		}
		if (nblk == 0 && (p = rp_rd_get(&rd, pos + 4, 34)) != NULL)
			maxf = rp_be24(p + 7);
		pos += 4 + (uint64_t)len;
		nblk++;
	}
	r->head_intact = 1;
	audio = pos;
	if (audio < s->size) {
		unsigned char fb[16];
		ssize_t got = rp_sample_pread(s, fb, sizeof(fb), audio);

		if (got > 0 && !flac_frame(fb, (size_t)got)) {
			rp_fmt_damage(r, audio, "no valid frame header after the metadata at %llu",
			    (unsigned long long)audio);
			return;
		}
	}
	/* every sampled region longer than the largest frame holds a valid frame header */
	for (i = 0; i < s->nreg; i++) {
		uint64_t a = s->reg[i].off, b = a + s->reg[i].len;
		size_t found = 0;

		if (a < audio)
			a = audio;
		if (b <= a)
			continue;
		g = rp_sample_get(s, a, (size_t)(b - a));
		n = (size_t)(b - a);
		for (k = 0; k + 6 <= n; k++) {
			if (g[k] == 0xFF && (g[k + 1] & 0xFE) == 0xF8 && flac_frame(g + k, n - k)) {
				found++;
				k += 15;
			}
		}
		nframes += found;
		if (found == 0 && maxf && n > 2 * maxf + 64 && b != s->size) {
			rp_fmt_damage(r, a, "no FLAC frame in %zu bytes at %llu (largest frame %llu)",
			    n, (unsigned long long)a, (unsigned long long)maxf);
			return;
		}
		if (found == 0 && maxf && n > 2 * maxf + 64) {
			rp_fmt_damage(r, a, "no FLAC frame in the last %zu bytes", n);
			return;
		}
	}
	r->body_checked = 1;
	r->tail_intact = 1;
	rp_fmt_ok(r, "%llu metadata blocks, %llu frame headers (CRC-8) in the sampled regions",
	    (unsigned long long)nblk, (unsigned long long)nframes);
}
