/* Sliding-window scoring per process group. */
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/err.h"
#include "respond/behaviour.h"

static const struct {
	const char *name;
	int weight;
} sigs[RP_SIG_N] = {
	[RP_SIG_RANDOMISED] = { "randomised", 50 },
	[RP_SIG_TYPE_LOST] = { "type-lost", 30 },
	[RP_SIG_READ_OVERWRITE] = { "read-overwrite", 20 },
	[RP_SIG_NEW_RANDOM] = { "new-random-file", 10 },
	[RP_SIG_READ_NEW_DELETE] = { "read-new-delete", 50 },
	[RP_SIG_RENAME_UNKNOWN] = { "rename-unknown-ext", 30 },
	[RP_SIG_NOTE] = { "ransom-note", 100 },
	[RP_SIG_CANARY] = { "canary", 100 },
	/* every backup, antivirus scan and indexer reads every file: a read of a canary
	 * adds a little to a group that does something else too, never an alert alone */
	[RP_SIG_CANARY_READ] = { "canary-read", 20 },
};

const char *
rp_sig_name(enum rp_sig s)
{
	return (unsigned)s < RP_SIG_N ? sigs[s].name : "?";
}

int
rp_sig_weight(enum rp_sig s)
{
	return (unsigned)s < RP_SIG_N ? sigs[s].weight : 0;
}

#define NBUCKET 256

struct rp_beh {
	int64_t window_ms;
	struct rp_beh_group **v;    /* groups, unordered */
	size_t n, cap;
};

int
rp_beh_new(struct rp_beh **out, int64_t window_ms)
{
	struct rp_beh *b = calloc(1, sizeof(*b));
	if (b == NULL)
		return RP_ERR_NOMEM;
	b->window_ms = window_ms;
	*out = b;
	return 0;
}

static void
group_free(struct rp_beh_group *g)
{
	if (g == NULL)
		return;
	for (size_t i = 0; i < g->nfiles; i++)
		free(g->files[i]);
	for (size_t i = 0; i < RP_BEH_PEND; i++) {
		free(g->pend_new[i]);
		free(g->pend_del[i]);
		free(g->ren_to[i]);
		free(g->ren_from[i]);
	}
	free(g);
}

void
rp_beh_free(struct rp_beh *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->n; i++)
		group_free(b->v[i]);
	free(b->v);
	free(b);
}

int64_t
rp_beh_window(const struct rp_beh *b)
{
	return b->window_ms;
}

uint64_t
rp_beh_key(pid_t pid, pid_t sid, const char *exe)
{
	const char *base = exe ? strrchr(exe, '/') : NULL;
	base = base ? base + 1 : exe;
	if ((base != NULL && strcmp(base, "smbd") == 0) || sid <= 1)
		return (uint64_t)1 << 32 | (uint32_t)pid;
	return (uint32_t)sid;
}

struct rp_beh_group *
rp_beh_find(struct rp_beh *b, uint64_t key)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i]->key == key)
			return b->v[i];
	return NULL;
}

struct rp_beh_group *
rp_beh_group(struct rp_beh *b, uint64_t key, int64_t now_ms)
{
	struct rp_beh_group *g = rp_beh_find(b, key);
	if (g != NULL)
		return g;
	/* forget quiet groups that never scored, so a long run stays small */
	for (size_t i = 0; i < b->n;) {
		struct rp_beh_group *o = b->v[i];
		if (!o->acted && o->first_bad_ms == 0 && o->awaiting == 0 &&
		    now_ms - o->last_ms > 4 * b->window_ms) {
			group_free(o);
			b->v[i] = b->v[--b->n];
		} else {
			i++;
		}
	}
	if (RP_ARRAY_GROW(&b->v, &b->cap, b->n + 1, RP_ARRAY_MAX_DEFAULT) != 0)
		return NULL;
	if ((g = calloc(1, sizeof(*g))) == NULL)
		return NULL;
	g->key = key;
	g->first_ms = g->last_ms = now_ms;
	b->v[b->n++] = g;
	return g;
}

void
rp_beh_pid(struct rp_beh_group *g, pid_t pid, int64_t now_ms)
{
	g->last_ms = now_ms;
	for (size_t i = 0; i < g->npids; i++)
		if (g->pids[i] == pid)
			return;
	if (g->npids < RP_BEH_MAX_PIDS)
		g->pids[g->npids++] = pid;
	else
		g->pids[RP_BEH_MAX_PIDS - 1] = pid;   /* keep the latest */
}

int
rp_beh_touch(struct rp_beh_group *g, const char *path)
{
	for (size_t i = 0; i < RP_BEH_PEND; i++)
		if (g->ren_to[i] != NULL && strcmp(g->ren_to[i], path) == 0)
			path = g->ren_from[i];
	for (size_t i = 0; i < g->nfiles; i++)
		if (strcmp(g->files[i], path) == 0)
			return 0;
	g->nfiles_total++;
	if (g->nfiles < RP_BEH_MAX_FILES) {
		char *p = strdup(path);
		if (p != NULL)
			g->files[g->nfiles++] = p;
	}
	return 1;
}

int
rp_beh_touched(const struct rp_beh_group *g, const char *path)
{
	for (size_t i = 0; i < g->nfiles; i++)
		if (strcmp(g->files[i], path) == 0)
			return 1;
	return 0;
}

void
rp_beh_touch_renamed(struct rp_beh_group *g, const char *from, const char *to)
{
	char *f = strdup(from), *t = strdup(to);
	if (f == NULL || t == NULL) {
		free(f);
		free(t);
		rp_beh_touch(g, from);
		return;
	}
	for (size_t i = 0; i < g->nfiles; i++) {
		if (strcmp(g->files[i], to) == 0) {
			/* counted already under its new name: the entry takes the old one */
			int dup = 0;
			for (size_t k = 0; k < g->nfiles; k++)
				dup |= k != i && strcmp(g->files[k], from) == 0;
			if (dup) {
				free(g->files[i]);
				g->files[i] = g->files[--g->nfiles];
				g->nfiles_total--;
			} else {
				free(g->files[i]);
				g->files[i] = f;
				f = NULL;
			}
			break;
		}
	}
	if (f != NULL)
		rp_beh_touch(g, from);
	size_t k = g->nren++ % RP_BEH_PEND;
	free(g->ren_to[k]);
	free(g->ren_from[k]);
	g->ren_to[k] = t;
	g->ren_from[k] = f != NULL ? f : strdup(from);
	if (g->ren_from[k] == NULL) {
		free(g->ren_to[k]);
		g->ren_to[k] = NULL;
	}
}

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h | 1;
}

void
rp_beh_read(struct rp_beh_group *g, const char *path)
{
	uint64_t h = hash(path);
	if (rp_beh_was_read(g, path))
		return;
	g->reads[g->nreads++ % RP_BEH_READS] = h;
}

int
rp_beh_was_read(const struct rp_beh_group *g, const char *path)
{
	uint64_t h = hash(path);
	size_t n = g->nreads < RP_BEH_READS ? g->nreads : RP_BEH_READS;
	for (size_t i = 0; i < n; i++)
		if (g->reads[i] == h)
			return 1;
	return 0;
}

static const char *
base_name(const char *p)
{
	const char *b = strrchr(p, '/');
	return b ? b + 1 : p;
}

int
rp_beh_replaces(const char *orig, const char *newp)
{
	const char *o = base_name(orig), *n = base_name(newp);
	size_t ol = strlen(o), os, ns;

	if (strcmp(o, n) == 0)
		return 0;      /* the same name: a rewrite, not a replacement */
	if (ol > 0 && strncmp(n, o, ol) == 0 && n[ol] != '\0' && strchr(".[_-( ", n[ol]) != NULL)
		return 1;
	os = strcspn(o, ".");
	ns = strcspn(n, ".");
	/* "a.docx" -> "a.enc": a stem of its own, not just a dot file's empty one */
	return os > 0 && os == ns && o[os] == '.' && n[ns] == '.' && strncmp(o, n, os) == 0;
}

/* Looks for a pair of path in ring (consumed on success); else keeps path in mine. */
static int
pair(char **ring, char **mine, size_t *mine_next, const char *path, int path_is_new)
{
	for (size_t i = 0; i < RP_BEH_PEND; i++) {
		if (ring[i] == NULL)
			continue;
		if (path_is_new ? rp_beh_replaces(ring[i], path) : rp_beh_replaces(path, ring[i])) {
			free(ring[i]);
			ring[i] = NULL;
			return 1;
		}
	}
	size_t k = *mine_next % RP_BEH_PEND;
	free(mine[k]);
	mine[k] = strdup(path);      /* on failure the name is simply not remembered */
	*mine_next = k + 1;
	return 0;
}

int
rp_beh_pair_new(struct rp_beh_group *g, const char *path)
{
	return pair(g->pend_del, g->pend_new, &g->npend_new, path, 1);
}

int
rp_beh_pair_delete(struct rp_beh_group *g, const char *path)
{
	return pair(g->pend_new, g->pend_del, &g->npend_del, path, 0);
}

int
rp_beh_score(const struct rp_beh_group *g, int64_t now_ms, int64_t window_ms)
{
	int score = 0;
	for (size_t i = 0; i < g->nring; i++)
		if (now_ms - g->ring[i].ms <= window_ms)
			score += rp_sig_weight(g->ring[i].sig);
	return score;
}

int
rp_beh_add(struct rp_beh_group *g, enum rp_sig s, int64_t now_ms, int64_t window_ms)
{
	if ((unsigned)s >= RP_SIG_N)
		return rp_beh_score(g, now_ms, window_ms);
	g->counts[s]++;
	/* a canary read is no misdeed: the group stays one that never scored (forgotten
	 * when quiet) and an alert's latency counts from its first real signal */
	if (g->first_bad_ms == 0 && s != RP_SIG_CANARY_READ)
		g->first_bad_ms = now_ms;
	g->ring[g->ringpos] = (struct rp_beh_hit){ now_ms, s };
	g->ringpos = (g->ringpos + 1) % RP_BEH_RING;
	if (g->nring < RP_BEH_RING)
		g->nring++;
	g->last_ms = now_ms;
	return rp_beh_score(g, now_ms, window_ms);
}
