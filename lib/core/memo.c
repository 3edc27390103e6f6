#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "core/err.h"
#include "core/memo.h"

#define SEEN 4096              /* hashes of buffers seen once (direct-mapped) */

struct kept {
	uint64_t hash;
	uint64_t used;         /* clock of the last hit or insertion; 0: empty */
	size_t len, cap;
	unsigned char *bytes;
	char answer[RP_MEMO_ANSWER];
};

struct rp_memo {
	size_t nkept, max_bytes;
	uint64_t clock, gets, hits;
	uint64_t seen[SEEN];
	struct kept kept[];
};

int
rp_memo_new(struct rp_memo **out, size_t kept, size_t max_bytes)
{
	struct rp_memo *m;

	*out = NULL;
	if (kept == 0 || kept > 4096)
		return RP_ERR_INVALID;
	if ((m = calloc(1, sizeof(*m) + kept * sizeof(m->kept[0]))) == NULL)
		return RP_ERR_NOMEM;
	m->nkept = kept;
	m->max_bytes = max_bytes;
	*out = m;
	return 0;
}

void
rp_memo_free(struct rp_memo *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->nkept; i++)
		free(m->kept[i].bytes);
	free(m);
}

/* 64-bit hash of the bytes, 8 at a time (a multiply-xorshift mix; not for security:
 * a hit is confirmed by comparing the bytes). Never 0, which marks an empty slot. */
static uint64_t
hash_bytes(const unsigned char *p, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ull ^ len, w;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdull;
		h ^= h >> 32;
	}
	w = 0;
	if (len > i)
		memcpy(&w, p + i, len - i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
	h ^= h >> 29;
	return h ? h : 1;
}

const char *
rp_memo_get(struct rp_memo *m, const void *buf, size_t len)
{
	uint64_t h;
	size_t i;

	m->gets++;
	if (len > m->max_bytes)
		return NULL;
	h = hash_bytes(buf, len);
	for (i = 0; i < m->nkept; i++) {
		struct kept *k = &m->kept[i];

		if (k->used && k->hash == h && k->len == len && memcmp(k->bytes, buf, len) == 0) {
			k->used = ++m->clock;
			m->hits++;
			return k->answer;
		}
	}
	return NULL;
}

void
rp_memo_put(struct rp_memo *m, const void *buf, size_t len, const char *answer)
{
	struct kept *k, *old = NULL;
	uint64_t h;
	size_t i, slot;

	if (len > m->max_bytes || strlen(answer) >= RP_MEMO_ANSWER)
		return;
	h = hash_bytes(buf, len);
	slot = (size_t)(h % SEEN);
	if (m->seen[slot] != h) {       /* first sighting (or its slot reused) */
		m->seen[slot] = h;
		return;
	}
	for (i = 0; i < m->nkept; i++) {
		k = &m->kept[i];
		if (old == NULL || k->used < old->used)
			old = k;
	}
	if (old->cap < len || old->bytes == NULL) {
		size_t cap = len ? len : 1;
		unsigned char *b = realloc(old->bytes, cap);

		if (b == NULL)
			return;
		old->bytes = b;
		old->cap = cap;
	}
	old->hash = h;
	old->len = len;
	memcpy(old->bytes, buf, len);
	snprintf(old->answer, sizeof(old->answer), "%s", answer);
	old->used = ++m->clock;
}

void
rp_memo_counts(const struct rp_memo *m, uint64_t *gets, uint64_t *hits)
{
	*gets = m->gets;
	*hits = m->hits;
}
