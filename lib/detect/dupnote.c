/*
 * Notes by their copies (dupnote.h): an open-addressing table of content hashes with
 * the number of folders each was seen in, and the verdicts held until the end.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "detect/dupnote.h"

struct count {
	uint64_t key;         /* the content's hash; 0: free */
	uint64_t lastdir;     /* the hash of the last folder it was counted in */
	unsigned dirs;        /* folders counted: a walk visits each folder's files
	                         together, so a change of folder is a new one */
};

struct held {
	char *path;
	size_t pathlen;
	char *topdir;
	struct rp_verdict v;
};

struct rp_dupnote {
	size_t max_held;
	unsigned min_dirs;
	struct count *tab;    /* cap slots, at most half of them used */
	size_t cap, used;
	struct held *held;
	size_t nheld, heldcap;
};

uint64_t
rp_dupnote_hash(const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n--) {
		h ^= *b++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

int
rp_dupnote_new(struct rp_dupnote **out, size_t max_held, unsigned min_dirs)
{
	struct rp_dupnote *d;
	size_t cap = 16;

	if (max_held == 0 || min_dirs < 2)
		return RP_ERR_INVALID;
	while (cap < max_held * 8)
		cap *= 2;
	if ((d = calloc(1, sizeof(*d))) == NULL || (d->tab = calloc(cap, sizeof(*d->tab))) == NULL) {
		free(d);
		return RP_ERR_NOMEM;
	}
	d->cap = cap;
	d->max_held = max_held;
	d->min_dirs = min_dirs;
	*out = d;
	return 0;
}

static void
forget(struct rp_dupnote *d)
{
	size_t i;

	for (i = 0; i < d->nheld; i++) {
		free(d->held[i].path);
		free(d->held[i].topdir);
	}
	d->nheld = 0;
	memset(d->tab, 0, d->cap * sizeof(*d->tab));
	d->used = 0;
}

void
rp_dupnote_free(struct rp_dupnote *d)
{
	if (d == NULL)
		return;
	forget(d);
	free(d->held);
	free(d->tab);
	free(d);
}

/* The slot of key, or the free slot where it goes. */
static struct count *
slot(const struct rp_dupnote *d, uint64_t key)
{
	size_t i = (size_t)(key ^ (key >> 29)) & (d->cap - 1);

	while (d->tab[i].key != 0 && d->tab[i].key != key)
		i = (i + 1) & (d->cap - 1);
	return &d->tab[i];
}

unsigned
rp_dupnote_dirs(const struct rp_dupnote *d, const struct rp_verdict *v)
{
	const struct count *c;

	if (d == NULL || v->dup_hash == 0)
		return 0;
	c = slot(d, v->dup_hash);
	return c->key ? c->dirs : 0;
}

int
rp_dupnote_hold(struct rp_dupnote *d, const char *path, size_t pathlen,
    const char *topdir, const struct rp_verdict *v)
{
	const char *slash = memrchr(path, '/', pathlen);
	uint64_t dir = rp_dupnote_hash(path, slash ? (size_t)(slash - path) : 0);
	struct count *c;
	struct held *h;

	if ((v->dup_hash == 0 && v->ctx_ev == 0) || d->nheld >= d->max_held)
		return 0;
	/* a text held for its context only (ctx_ev) is not counted */
	if (v->dup_hash) {
		c = slot(d, v->dup_hash);
		if (c->key == 0) {
			if (d->used * 2 >= d->cap)
				return 0;
			c->key = v->dup_hash;
			c->lastdir = dir;
			c->dirs = 1;
			d->used++;
		} else if (c->lastdir != dir) {
			c->lastdir = dir;
			c->dirs++;
		}
	}
	if (d->nheld == d->heldcap) {
		size_t n = d->heldcap ? d->heldcap * 2 : 16;

		if (n > d->max_held)
			n = d->max_held;
		if ((h = realloc(d->held, n * sizeof(*h))) == NULL)
			return RP_ERR_NOMEM;
		d->held = h;
		d->heldcap = n;
	}
	h = &d->held[d->nheld];
	if ((h->path = malloc(pathlen + 1)) == NULL || (h->topdir = strdup(topdir)) == NULL) {
		free(h->path);
		return RP_ERR_NOMEM;
	}
	memcpy(h->path, path, pathlen);
	h->path[pathlen] = '\0';
	h->pathlen = pathlen;
	h->v = *v;
	d->nheld++;
	return 1;
}

int
rp_dupnote_release(struct rp_dupnote *d,
    int (*fn)(const char *path, size_t pathlen, const char *topdir, struct rp_verdict *v,
    void *ctx), void *ctx)
{
	size_t i;
	int r = 0;

	for (i = 0; i < d->nheld && r >= 0; i++) {
		struct held *h = &d->held[i];
		unsigned n = rp_dupnote_dirs(d, &h->v);

		if (n >= d->min_dirs) {
			h->v.kind = RP_V_NOTE;
			snprintf(h->v.note_rule, sizeof(h->v.note_rule), "copies");
			/* the note's reason first: the text's own ("text") says nothing */
			h->v.nreasons = 1;
			snprintf(h->v.reasons[0], sizeof(h->v.reasons[0]),
			    "ransom note: the same small text in %u folders of the tree, with "
			    "evidence of a note (rules-evidence note_evidence: a way to reach "
			    "someone and words of extortion or an ID)", n);
		}
		h->v.dup_hash = 0;
		r = fn(h->path, h->pathlen, h->topdir, &h->v, ctx);
	}
	forget(d);
	return r < 0 ? r : 0;
}
