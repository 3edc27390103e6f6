/* Entries and sets of entries for the forensic commands. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/array.h"
#include "core/err.h"
#include "core/units.h"
#include "forensic/fentry.h"

void
rp_fset_init(struct rp_fset *s)
{
	memset(s, 0, sizeof(*s));
}

void
rp_fset_release(struct rp_fset *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->v[i]->path);
		free(s->v[i]);
	}
	free(s->v);
	free(s->index);
	rp_fset_init(s);
}

static uint64_t
path_hash(const char *p, size_t len)
{
	uint64_t h = 1469598103934665603ULL;   /* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static int
reindex(struct rp_fset *s, size_t icap)
{
	size_t *ix, i;

	if ((ix = malloc(icap * sizeof(*ix))) == NULL)
		return RP_ERR_NOMEM;
	for (i = 0; i < icap; i++)
		ix[i] = SIZE_MAX;
	for (i = 0; i < s->n; i++) {
		size_t h = (size_t)path_hash(s->v[i]->path, s->v[i]->pathlen) & (icap - 1);

		while (ix[h] != SIZE_MAX)
			h = (h + 1) & (icap - 1);
		ix[h] = i;
	}
	free(s->index);
	s->index = ix;
	s->icap = icap;
	return 0;
}

int
rp_fset_add(struct rp_fset *s, const char *path, size_t len, struct rp_fentry **out)
{
	struct rp_fentry *f = NULL;
	int r = RP_ERR_NOMEM;
	size_t h;

	if ((r = RP_ARRAY_GROW(&s->v, &s->cap, s->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		goto out;
	if ((s->n + 1) * 2 > s->icap && (r = reindex(s, s->icap ? s->icap * 2 : 512)) != 0)
		goto out;
	r = RP_ERR_NOMEM;
	if ((f = calloc(1, sizeof(*f))) == NULL || (f->path = malloc(len + 1)) == NULL)
		goto out;
	memcpy(f->path, path, len);
	f->path[len] = '\0';
	f->pathlen = len;
	f->verdict = -1;
	f->entropy = -1;
	h = (size_t)path_hash(path, len) & (s->icap - 1);
	while (s->index[h] != SIZE_MAX)
		h = (h + 1) & (s->icap - 1);
	s->index[h] = s->n;
	s->v[s->n++] = f;
	*out = f;
	f = NULL;   /* transferred */
	r = 0;
out:
	if (f != NULL)
		free(f->path);
	free(f);
	return r;
}

struct rp_fentry *
rp_fset_get(const struct rp_fset *s, const char *path, size_t len)
{
	size_t h;

	if (s->icap == 0)
		return NULL;
	h = (size_t)path_hash(path, len) & (s->icap - 1);
	while (s->index[h] != SIZE_MAX) {
		struct rp_fentry *f = s->v[s->index[h]];

		if (f->pathlen == len && memcmp(f->path, path, len) == 0)
			return f;
		h = (h + 1) & (s->icap - 1);
	}
	return NULL;
}

static int
cmp_path(const void *a, const void *b)
{
	const struct rp_fentry *x = *(struct rp_fentry *const *)a;
	const struct rp_fentry *y = *(struct rp_fentry *const *)b;
	size_t n = x->pathlen < y->pathlen ? x->pathlen : y->pathlen;
	int c = memcmp(x->path, y->path, n);

	if (c != 0)
		return c;
	return x->pathlen < y->pathlen ? -1 : x->pathlen > y->pathlen;
}

int
rp_fset_sort(struct rp_fset *s)
{
	if (s->n > 1)
		qsort(s->v, s->n, sizeof(*s->v), cmp_path);
	return s->icap ? reindex(s, s->icap) : 0;
}

static char
type_of(mode_t m)
{
	if (S_ISREG(m))
		return RP_FT_FILE;
	if (S_ISDIR(m))
		return RP_FT_DIR;
	if (S_ISLNK(m))
		return RP_FT_LINK;
	return RP_FT_OTHER;
}

int
rp_fentry_stat(struct rp_fentry *f, int dirfd, const char *name, const struct stat *st)
{
	struct statx sx;

	if (statx(dirfd, name, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT,
	    STATX_BASIC_STATS | STATX_BTIME, &sx) == 0) {
		f->mode = sx.stx_mode;
		f->uid = sx.stx_uid;
		f->gid = sx.stx_gid;
		f->ino = sx.stx_ino;
		f->size = sx.stx_size;
		f->nlink = sx.stx_nlink;
		f->atime = sx.stx_atime.tv_sec;
		f->atime_ns = (int32_t)sx.stx_atime.tv_nsec;
		f->mtime = sx.stx_mtime.tv_sec;
		f->mtime_ns = (int32_t)sx.stx_mtime.tv_nsec;
		f->ctime = sx.stx_ctime.tv_sec;
		f->ctime_ns = (int32_t)sx.stx_ctime.tv_nsec;
		f->has_btime = (sx.stx_mask & STATX_BTIME) != 0;
		f->btime = f->has_btime ? sx.stx_btime.tv_sec : 0;
		f->btime_ns = f->has_btime ? (int32_t)sx.stx_btime.tv_nsec : 0;
	} else if (st != NULL) {
		f->mode = st->st_mode;
		f->uid = st->st_uid;
		f->gid = st->st_gid;
		f->ino = st->st_ino;
		f->size = (uint64_t)st->st_size;
		f->nlink = st->st_nlink;
		f->atime = st->st_atim.tv_sec;
		f->atime_ns = (int32_t)st->st_atim.tv_nsec;
		f->mtime = st->st_mtim.tv_sec;
		f->mtime_ns = (int32_t)st->st_mtim.tv_nsec;
		f->ctime = st->st_ctim.tv_sec;
		f->ctime_ns = (int32_t)st->st_ctim.tv_nsec;
		f->has_btime = 0;
		f->btime = 0;
		f->btime_ns = 0;
	} else {
		return RP_ERR_SYSTEM;
	}
	f->type = type_of(f->mode);
	return 0;
}

const char *
rp_ftype_name(char type)
{
	switch (type) {
	case RP_FT_FILE: return "file";
	case RP_FT_DIR: return "dir";
	case RP_FT_LINK: return "symlink";
	default: return "other";
	}
}

size_t
rp_fx_root_skip(const char *root)
{
	size_t len = strlen(root);

	while (len > 1 && root[len - 1] == '/')
		len--;
	return len;
}

void
rp_fx_bytes(char *out, size_t cap, uint64_t n)
{
	rp_size_human(out, cap, n);
}
