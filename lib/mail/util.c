/* The arena, the growable arrays and small helpers of lib/mail. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/array.h"
#include "mail/internal.h"

#define ARENA_BLK 65536

struct mail_arena_blk {
	struct mail_arena_blk *next;
	size_t used, size;
	_Alignas(16) char data[];
};

void *
mail_arena_alloc(struct mail_arena *a, size_t n)
{
	struct mail_arena_blk *b = a->head;
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (b == NULL || b->size - b->used < n) {
		size_t sz = n > ARENA_BLK ? n : ARENA_BLK;

		if ((b = malloc(sizeof(*b) + sz)) == NULL)
			return NULL;
		b->used = 0;
		b->size = sz;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += n;
	a->total += n;
	memset(p, 0, n);
	return p;
}

char *
mail_arena_dup(struct mail_arena *a, const void *s, size_t n)
{
	char *p = mail_arena_alloc(a, n + 1);

	if (p == NULL)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
mail_arena_str(struct mail_arena *a, const char *s)
{
	return mail_arena_dup(a, s ? s : "", s ? strlen(s) : 0);
}

void
mail_arena_reset(struct mail_arena *a)
{
	struct mail_arena_blk *b = a->head, *keep = NULL;

	/* keep the oldest standard block: the one a steady state fills */
	while (b) {
		struct mail_arena_blk *n = b->next;

		if (n == NULL && b->size == ARENA_BLK) {
			keep = b;
			break;
		}
		free(b);
		b = n;
	}
	if (keep)
		keep->used = 0;
	a->head = keep;
	a->total = 0;
}

void
mail_arena_release(struct mail_arena *a)
{
	struct mail_arena_blk *b = a->head;

	while (b) {
		struct mail_arena_blk *n = b->next;

		free(b);
		b = n;
	}
	a->head = NULL;
	a->total = 0;
}

void *
mail_vec_push(struct mail_vec *v)
{
	char *p;

	if (rp_array_grow(&v->v, &v->cap, v->n + 1, v->size, RP_ARRAY_MAX_DEFAULT) != 0)
		return NULL;
	p = (char *)v->v + v->n * v->size;
	memset(p, 0, v->size);
	v->n++;
	return p;
}

void
mail_vec_release(struct mail_vec *v)
{
	free(v->v);
	v->v = NULL;
	v->n = v->cap = 0;
}

const char *
mail_addr_domain(const char *addr)
{
	const char *at = strrchr(addr, '@');

	return at ? at + 1 : "";
}

int
mail_domain_within(const char *host, const char *domain)
{
	size_t h = strlen(host), d = strlen(domain);

	if (d == 0 || h < d)
		return 0;
	if (strcasecmp(host + h - d, domain) != 0)
		return 0;
	return h == d || host[h - d - 1] == '.';
}
