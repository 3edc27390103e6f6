#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <magic.h>

#include "core/err.h"
#include "detect/magic.h"

/* libmagic only needs the head; bounding it keeps the cost per file flat */
#define MAGIC_BYTES (8 * 1024)

/*
 * Answers remembered by content. libmagic costs 200-600 us a call whatever the
 * buffer's size (it walks its whole database: ~230 us on random bytes, ~560 us on
 * text, whose text tests run regular expressions), and it is a pure function of the
 * bytes it is given (magic_buffer: no name, no descriptor, no stat). Files repeat: a
 * ransomware drops the same note in every folder, and copies of one document share
 * their head. A head seen a second time is remembered with its bytes and answer; a
 * later identical head (same length, same bytes: compared, not trusted to the hash)
 * gets the remembered answer. Heads seen once (each encrypted file is unique) only
 * leave their hash in SEEN, so they cost a hash and never a copy.
 */
#define SEEN 4096              /* hashes of heads seen once (direct-mapped) */
#define KEPT 64                /* heads kept with their answer (least recently used out) */
#define MIME_MAX 96            /* the longest answer remembered (rp_verdict.type) */

struct kept {
	uint64_t hash;
	uint64_t used;         /* clock of the last hit or insertion; 0: empty */
	size_t len;
	unsigned char *bytes;  /* MAGIC_BYTES, allocated when first filled */
	char mime[MIME_MAX];
};

struct rp_magic {
	magic_t cookie;
	uint64_t clock;
	uint64_t calls, hits;
	uint64_t seen[SEEN];
	struct kept kept[KEPT];
};

int
rp_magic_new(struct rp_magic **out)
{
	struct rp_magic *m;
	size_t bytes = MAGIC_BYTES;

	if ((m = calloc(1, sizeof(*m))) == NULL)
		return RP_ERR_NOMEM;
	/*
	 * MIME type only; never look inside compressed data (we check structure
	 * ourselves and a decompression bomb must not cost us); skip the tests whose
	 * answer we do not use and that cost on every file (troff tokens, JSON and CSV
	 * parsers, tar: we check tar ourselves).
	 */
	m->cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR |
	    MAGIC_NO_CHECK_TOKENS | MAGIC_NO_CHECK_JSON | MAGIC_NO_CHECK_CSV | MAGIC_NO_CHECK_TAR);
	if (m->cookie == NULL || magic_load(m->cookie, NULL) != 0) {
		if (m->cookie)
			magic_close(m->cookie);
		free(m);
		return RP_ERR_MAGIC;
	}
	magic_setparam(m->cookie, MAGIC_PARAM_BYTES_MAX, &bytes);
	*out = m;
	return 0;
}

void
rp_magic_free(struct rp_magic *m)
{
	size_t i;

	if (m == NULL)
		return;
	magic_close(m->cookie);
	for (i = 0; i < KEPT; i++)
		free(m->kept[i].bytes);
	free(m);
}

/* 64-bit hash of the bytes, 8 at a time (a multiply-xorshift mix; not for security:
 * a hit is confirmed by comparing the bytes). 0 is kept for "empty". */
static uint64_t
head_hash(const unsigned char *p, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ len, w;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, p + i, len - i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 29;
	return h ? h : 1;
}

void
rp_magic_mime(struct rp_magic *m, const void *buf, size_t len, char *out, size_t n)
{
	const char *t;
	uint64_t h;
	struct kept *k, *old = NULL;
	size_t i, slot;

	if (len > MAGIC_BYTES)
		len = MAGIC_BYTES;
	m->calls++;
	h = head_hash(buf, len);
	for (i = 0; i < KEPT; i++) {
		k = &m->kept[i];
		if (k->used && k->hash == h && k->len == len && memcmp(k->bytes, buf, len) == 0) {
			k->used = ++m->clock;
			m->hits++;
			snprintf(out, n, "%s", k->mime);
			return;
		}
		if (old == NULL || k->used < old->used)
			old = k;
	}
	t = magic_buffer(m->cookie, buf, len);
	t = t ? t : "";
	snprintf(out, n, "%s", t);
	/* keep a head the second time it is seen (an answer too long to keep is not) */
	slot = (size_t)(h % SEEN);
	if (m->seen[slot] != h) {
		m->seen[slot] = h;
		return;
	}
	if (strlen(t) >= MIME_MAX)
		return;
	if (old->bytes == NULL && (old->bytes = malloc(MAGIC_BYTES)) == NULL)
		return;        /* no memory to remember: the answer is right all the same */
	old->hash = h;
	old->len = len;
	memcpy(old->bytes, buf, len);
	snprintf(old->mime, sizeof(old->mime), "%s", t);
	old->used = ++m->clock;
}

void
rp_magic_counts(const struct rp_magic *m, uint64_t *calls, uint64_t *hits)
{
	*calls = m->calls;
	*hits = m->hits;
}
