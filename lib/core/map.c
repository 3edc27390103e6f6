/* The hash map (see map.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/err.h"
#include "core/map.h"

static uint64_t
hash(uint64_t seed, const unsigned char *p, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull ^ seed;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ull;
	}
	/* a final mix (splitmix64) so that the seed reaches every bit */
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ull;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebull;
	h ^= h >> 31;
	return h;
}

void
rp_map_init(struct rp_map *m)
{
	memset(m, 0, sizeof(*m));
	if (getrandom(&m->seed, sizeof(m->seed), GRND_NONBLOCK) != (ssize_t)sizeof(m->seed))
		m->seed = (uint64_t)(uintptr_t)m ^ 0x9e3779b97f4a7c15ull;
}

void
rp_map_release(struct rp_map *m, void (*free_val)(void *))
{
	size_t i;

	for (i = 0; i < m->cap; i++) {
		if (m->v[i].key == NULL)
			continue;
		free(m->v[i].key);
		if (free_val)
			free_val(m->v[i].val);
	}
	free(m->v);
	m->v = NULL;
	m->cap = m->n = 0;
}

static size_t
find(const struct rp_map *m, uint64_t h, const void *key, size_t len)
{
	size_t i = (size_t)h & (m->cap - 1);

	while (m->v[i].key != NULL) {
		if (m->v[i].hash == h && m->v[i].klen == len && memcmp(m->v[i].key, key, len) == 0)
			return i;
		i = (i + 1) & (m->cap - 1);
	}
	return i;
}

void **
rp_map_get(const struct rp_map *m, const void *key, size_t len)
{
	size_t i;

	if (m->n == 0)
		return NULL;
	i = find(m, hash(m->seed, key, len), key, len);
	return m->v[i].key ? &m->v[i].val : NULL;
}

static int
grow(struct rp_map *m)
{
	size_t cap = m->cap ? m->cap * 2 : 16, i;
	struct rp_map_slot *v, *old = m->v;

	if (cap < m->cap || (v = calloc(cap, sizeof(*v))) == NULL)
		return RP_ERR_NOMEM;
	for (i = 0; i < m->cap; i++) {
		size_t j;

		if (old[i].key == NULL)
			continue;
		j = (size_t)old[i].hash & (cap - 1);
		while (v[j].key != NULL)
			j = (j + 1) & (cap - 1);
		v[j] = old[i];
	}
	free(old);
	m->v = v;
	m->cap = cap;
	return 0;
}

int
rp_map_put(struct rp_map *m, const void *key, size_t len, void ***val)
{
	uint64_t h = hash(m->seed, key, len);
	size_t i;
	int r;

	if ((m->n + 1) * 4 > m->cap * 3 && (r = grow(m)) != 0)
		return r;
	i = find(m, h, key, len);
	if (m->v[i].key != NULL) {
		*val = &m->v[i].val;
		return 0;
	}
	if ((m->v[i].key = malloc(len + 1)) == NULL)
		return RP_ERR_NOMEM;
	memcpy(m->v[i].key, key, len);
	m->v[i].key[len] = '\0';
	m->v[i].klen = len;
	m->v[i].hash = h;
	m->v[i].val = NULL;
	m->n++;
	*val = &m->v[i].val;
	return 1;
}

int
rp_map_del(struct rp_map *m, const void *key, size_t len, void **old)
{
	size_t i, j, k;

	if (old)
		*old = NULL;
	if (m->n == 0)
		return 0;
	i = find(m, hash(m->seed, key, len), key, len);
	if (m->v[i].key == NULL)
		return 0;
	if (old)
		*old = m->v[i].val;
	free(m->v[i].key);
	m->v[i].key = NULL;
	m->n--;
	/* backward shift: move up the entries of the run that i was part of */
	for (j = (i + 1) & (m->cap - 1); m->v[j].key != NULL; j = (j + 1) & (m->cap - 1)) {
		k = (size_t)m->v[j].hash & (m->cap - 1);
		/* j may move to i when its home k is not in (i, j] (cyclically) */
		if ((j > i && (k <= i || k > j)) || (j < i && (k <= i && k > j))) {
			m->v[i] = m->v[j];
			m->v[j].key = NULL;
			i = j;
		}
	}
	return 1;
}
