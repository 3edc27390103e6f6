/*
 * A hash map from byte-string keys (copied) to pointers (owned by the caller unless
 * rp_map_release is given a free function). Open addressing with linear probing and
 * deletion by backward shift; the hash is seeded per map from getrandom(2), so that
 * keys an attacker chose (queue ids, addresses, Message-IDs in a log) cannot be made
 * to collide on purpose. Iteration order is not defined: sort what is shown.
 * Not thread-safe: one map belongs to one thread at a time.
 */
#ifndef RP_MAP_H
#define RP_MAP_H

#include <stddef.h>
#include <stdint.h>

struct rp_map_slot {
	char *key;              /* NULL: free slot; else NUL-terminated copy */
	size_t klen;
	uint64_t hash;
	void *val;
};

struct rp_map {
	struct rp_map_slot *v;
	size_t cap;             /* a power of two, or 0 */
	size_t n;
	uint64_t seed;
};

void rp_map_init(struct rp_map *m);
/* Frees the keys, and the values with free_val when not NULL; m is reusable. */
void rp_map_release(struct rp_map *m, void (*free_val)(void *));

/* The value's slot for key, or NULL when absent. */
void **rp_map_get(const struct rp_map *m, const void *key, size_t len);
/* Finds or inserts key; *val points at its value (NULL when just inserted).
 * Returns 1 inserted, 0 found, RP_ERR_NOMEM. The pointer is valid until the next put
 * or del. */
int rp_map_put(struct rp_map *m, const void *key, size_t len, void ***val);
/* Removes key; its value is returned in *old (may be NULL). 1 removed, 0 absent. */
int rp_map_del(struct rp_map *m, const void *key, size_t len, void **old);

#endif
