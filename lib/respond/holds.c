/*
 * The files that carry watch's ignore mark: an open-addressing table (linear probing,
 * deletion by backward shift, so no tombstones pile up in a watcher that runs for
 * weeks) and a ring of the closed entries in the order they closed. A ring slot goes
 * stale when its entry is deleted or closed again; stale slots are skipped when
 * popped and squeezed out when the ring fills.
 */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "respond/holds.h"

struct ring_slot {
	uint64_t dev, ino, seq;
};

struct rp_holds {
	struct rp_hold *slots;     /* nslots, a power of two, at least twice cap */
	unsigned char *used;
	size_t nslots, cap, count, nclosed;
	struct ring_slot *ring;    /* nring = 2 * cap slots, head..head+len */
	struct ring_slot *spare;   /* as many: the squeezed ring is built there */
	size_t nring, head, len;
	uint64_t seq;
};

static size_t
hash_of(const struct rp_holds *hs, uint64_t dev, uint64_t ino)
{
	uint64_t h = (dev * 0x9e3779b97f4a7c15ULL) ^ (ino * 0xff51afd7ed558ccdULL);
	h ^= h >> 29;
	return (size_t)h & (hs->nslots - 1);
}

int
rp_holds_new(struct rp_holds **out, size_t cap)
{
	*out = NULL;
	if (cap == 0 || cap > (1u << 20))
		return RP_ERR_INVALID;
	struct rp_holds *hs = calloc(1, sizeof(*hs));
	if (hs == NULL)
		return RP_ERR_NOMEM;
	hs->cap = cap;
	hs->nslots = 1;
	while (hs->nslots < 2 * cap)
		hs->nslots <<= 1;
	hs->nring = 2 * cap;
	hs->slots = calloc(hs->nslots, sizeof(*hs->slots));
	hs->used = calloc(hs->nslots, 1);
	hs->ring = calloc(hs->nring, sizeof(*hs->ring));
	hs->spare = calloc(hs->nring, sizeof(*hs->spare));
	if (hs->slots == NULL || hs->used == NULL || hs->ring == NULL || hs->spare == NULL) {
		rp_holds_free(hs);
		return RP_ERR_NOMEM;
	}
	*out = hs;
	return 0;
}

void
rp_holds_free(struct rp_holds *hs)
{
	if (hs == NULL)
		return;
	free(hs->slots);
	free(hs->used);
	free(hs->ring);
	free(hs->spare);
	free(hs);
}

size_t rp_holds_count(const struct rp_holds *hs) { return hs->count; }
size_t rp_holds_cap(const struct rp_holds *hs) { return hs->cap; }
size_t rp_holds_nclosed(const struct rp_holds *hs) { return hs->nclosed; }

struct rp_hold *
rp_holds_find(struct rp_holds *hs, uint64_t dev, uint64_t ino)
{
	for (size_t i = hash_of(hs, dev, ino); hs->used[i]; i = (i + 1) & (hs->nslots - 1))
		if (hs->slots[i].dev == dev && hs->slots[i].ino == ino)
			return &hs->slots[i];
	return NULL;
}

struct rp_hold *
rp_holds_add(struct rp_holds *hs, uint64_t dev, uint64_t ino)
{
	size_t i = hash_of(hs, dev, ino);
	for (; hs->used[i]; i = (i + 1) & (hs->nslots - 1))
		if (hs->slots[i].dev == dev && hs->slots[i].ino == ino)
			return &hs->slots[i];
	if (hs->count >= hs->cap)
		return NULL;
	memset(&hs->slots[i], 0, sizeof(hs->slots[i]));
	hs->slots[i].dev = dev;
	hs->slots[i].ino = ino;
	hs->used[i] = 1;
	hs->count++;
	return &hs->slots[i];
}

static int
ring_valid(struct rp_holds *hs, const struct ring_slot *r)
{
	struct rp_hold *h = rp_holds_find(hs, r->dev, r->ino);
	return h != NULL && h->closed && h->seq == r->seq;
}

void
rp_holds_close(struct rp_holds *hs, struct rp_hold *h)
{
	if (!h->closed)
		hs->nclosed++;
	h->closed = 1;
	h->seq = ++hs->seq;
	if (hs->len == hs->nring) {
		/* squeeze the stale slots out: at most cap are valid, the ring holds 2 cap */
		size_t n = 0;
		for (size_t k = 0; k < hs->len; k++) {
			const struct ring_slot *r = &hs->ring[(hs->head + k) % hs->nring];
			if (ring_valid(hs, r))
				hs->spare[n++] = *r;
		}
		struct ring_slot *t = hs->ring;
		hs->ring = hs->spare;
		hs->spare = t;
		hs->head = 0;
		hs->len = n;
	}
	hs->ring[(hs->head + hs->len) % hs->nring] = (struct ring_slot){ h->dev, h->ino, h->seq };
	hs->len++;
}

void
rp_holds_open(struct rp_holds *hs, struct rp_hold *h)
{
	if (h->closed)
		hs->nclosed--;
	h->closed = 0;          /* its ring slot is stale from now on */
}

void
rp_holds_del(struct rp_holds *hs, struct rp_hold *h)
{
	size_t i = (size_t)(h - hs->slots);
	if (h->closed)
		hs->nclosed--;
	hs->used[i] = 0;
	hs->count--;
	/* backward shift: pull later members of the probe run into the hole */
	size_t j = i;
	for (;;) {
		j = (j + 1) & (hs->nslots - 1);
		if (!hs->used[j])
			break;
		size_t home = hash_of(hs, hs->slots[j].dev, hs->slots[j].ino);
		/* j's entry may fill the hole at i when its home is not in (i, j] */
		int between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
		if (between)
			continue;
		hs->slots[i] = hs->slots[j];
		hs->used[i] = 1;
		hs->used[j] = 0;
		i = j;
	}
}

struct rp_hold *
rp_holds_oldest_closed(struct rp_holds *hs)
{
	while (hs->len > 0) {
		struct ring_slot r = hs->ring[hs->head];
		hs->head = (hs->head + 1) % hs->nring;
		hs->len--;
		struct rp_hold *h = rp_holds_find(hs, r.dev, r.ino);
		if (h != NULL && h->closed && h->seq == r.seq)
			return h;
	}
	return NULL;
}

struct rp_hold *
rp_holds_next(struct rp_holds *hs, size_t *it)
{
	for (; *it < hs->nslots; (*it)++)
		if (hs->used[*it])
			return &hs->slots[(*it)++];
	return NULL;
}

void
rp_holds_clear(struct rp_holds *hs)
{
	memset(hs->used, 0, hs->nslots);
	hs->count = hs->nclosed = 0;
	hs->head = hs->len = 0;
}
