/* The comparison of a tree with its baseline. */
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/err.h"
#include "detect/engine.h"
#include "forensic/diff.h"

const char *
rp_change_name(enum rp_change_kind k)
{
	switch (k) {
	case RP_CHANGE_ADDED: return "added";
	case RP_CHANGE_REMOVED: return "removed";
	default: return "modified";
	}
}

static int
cmp(const struct rp_fentry *x, const struct rp_fentry *y)
{
	size_t n = x->pathlen < y->pathlen ? x->pathlen : y->pathlen;
	int c = memcmp(x->path, y->path, n);

	if (c != 0)
		return c;
	return x->pathlen < y->pathlen ? -1 : x->pathlen > y->pathlen;
}

static int
push(struct rp_change **out, size_t *n, size_t *cap, const struct rp_change *c)
{
	int r;

	if ((r = RP_ARRAY_GROW(out, cap, *n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	(*out)[(*n)++] = *c;
	return 0;
}

static void
judge(struct rp_change *c)
{
	const struct rp_fentry *f = c->cur;

	if (f == NULL || f->type != RP_FT_FILE)
		return;
	c->encrypted = f->verdict == RP_V_ENCRYPTED || f->verdict == RP_V_PARTIAL;
	c->note = f->verdict == RP_V_NOTE;
}

int
rp_diff_compute(struct rp_fset *old, struct rp_fset *cur, struct rp_change **out,
    size_t *n, struct rp_diff_summary *sum)
{
	struct rp_diff_summary dummy;
	size_t i = 0, j = 0, cap = *n;
	int r;

	if (sum == NULL) {
		memset(&dummy, 0, sizeof(dummy));
		sum = &dummy;
	}
	if ((r = rp_fset_sort(old)) != 0 || (r = rp_fset_sort(cur)) != 0)
		return r;
	sum->entries += cur->n;
	while (i < old->n || j < cur->n) {
		struct rp_change c;
		int d;

		memset(&c, 0, sizeof(c));
		if (i == old->n)
			d = 1;
		else if (j == cur->n)
			d = -1;
		else
			d = cmp(old->v[i], cur->v[j]);
		if (d < 0) {
			c.kind = RP_CHANGE_REMOVED;
			c.old = old->v[i++];
			sum->removed++;
		} else if (d > 0) {
			c.kind = RP_CHANGE_ADDED;
			c.cur = cur->v[j++];
			judge(&c);
			sum->added++;
		} else {
			const struct rp_fentry *o = old->v[i++], *f = cur->v[j++];

			c.kind = RP_CHANGE_MODIFIED;
			c.old = o;
			c.cur = f;
			if (o->type != f->type)
				c.what |= RP_DIFF_TYPE;
			else if (f->type == RP_FT_FILE || f->type == RP_FT_LINK) {
				if (!f->has_hash)
					c.what |= f->err ? RP_DIFF_UNREADABLE : 0;
				else if (!o->has_hash || memcmp(o->sha256, f->sha256, sizeof(f->sha256)) != 0)
					c.what |= RP_DIFF_CONTENT;
			}
			if (o->type == f->type && (o->mode & 07777) != (f->mode & 07777))
				c.what |= RP_DIFF_MODE;
			if (o->uid != f->uid || o->gid != f->gid)
				c.what |= RP_DIFF_OWNER;
			if (c.what == 0)
				continue;
			if (c.what & RP_DIFF_CONTENT)
				judge(&c);
			sum->modified++;
			sum->content_changed += (c.what & RP_DIFF_CONTENT) != 0;
			sum->type_changed += (c.what & RP_DIFF_TYPE) != 0;
			sum->mode_changed += (c.what & RP_DIFF_MODE) != 0;
			sum->owner_changed += (c.what & RP_DIFF_OWNER) != 0;
			sum->unreadable += (c.what & RP_DIFF_UNREADABLE) != 0;
		}
		sum->encrypted += c.encrypted;
		sum->notes += c.note;
		if ((r = push(out, n, &cap, &c)) != 0)
			return r;
	}
	return 0;
}
