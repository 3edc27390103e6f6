/* The baseline's tables in the store. */
#include <string.h>

#include "core/err.h"
#include "forensic/baseline.h"
#include "store/store.h"

static const struct rp_migration migrations[] = {
	{ 1,
	  "CREATE TABLE baseline_root ("
	  " id INTEGER PRIMARY KEY,"
	  " path BLOB NOT NULL UNIQUE,"
	  " created INTEGER NOT NULL,"
	  " updated INTEGER NOT NULL,"
	  " files INTEGER NOT NULL DEFAULT 0,"
	  " bytes INTEGER NOT NULL DEFAULT 0);"
	  "CREATE TABLE baseline_file ("
	  " root INTEGER NOT NULL REFERENCES baseline_root(id) ON DELETE CASCADE,"
	  " path BLOB NOT NULL,"
	  " type TEXT NOT NULL,"
	  " mode INTEGER NOT NULL, uid INTEGER NOT NULL, gid INTEGER NOT NULL,"
	  " ino INTEGER NOT NULL, size INTEGER NOT NULL, nlink INTEGER NOT NULL,"
	  " atime INTEGER NOT NULL, atime_ns INTEGER NOT NULL,"
	  " mtime INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
	  " ctime INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,"
	  " btime INTEGER, btime_ns INTEGER,"
	  " sha256 BLOB, entropy REAL,"
	  " PRIMARY KEY (root, path)) WITHOUT ROWID;" },
};

int
rp_baseline_migrate(struct rp_store *st)
{
	return rp_store_migrate(st, "baseline", migrations, sizeof(migrations) / sizeof(migrations[0]));
}

static int
find_root(struct rp_store *st, const char *abs_root, struct rp_baseline_root *out)
{
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_stmt_prepare(st, "SELECT id, created, updated, files, bytes FROM baseline_root"
	    " WHERE path = ?", &s)) != 0 ||
	    (r = rp_stmt_bind_blob(s, 1, abs_root, strlen(abs_root))) != 0)
		goto out;
	if ((r = rp_stmt_step(s)) < 0)
		goto out;
	if (r == 0) {
		r = RP_ERR_NOTFOUND;
		goto out;
	}
	out->id = rp_stmt_int64(s, 0);
	out->created = rp_stmt_int64(s, 1);
	out->updated = rp_stmt_int64(s, 2);
	out->files = (uint64_t)rp_stmt_int64(s, 3);
	out->bytes = (uint64_t)rp_stmt_int64(s, 4);
	r = 0;
out:
	rp_stmt_free(s);
	return r;
}

int
rp_baseline_find(struct rp_store *st, const char *abs_root, struct rp_baseline_root *out)
{
	int r = rp_baseline_migrate(st);

	return r != 0 ? r : find_root(st, abs_root, out);
}

int
rp_baseline_load(struct rp_store *st, int64_t id, struct rp_fset *set)
{
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_stmt_prepare(st, "SELECT path, type, mode, uid, gid, ino, size, nlink,"
	    " atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns, btime, btime_ns, sha256, entropy"
	    " FROM baseline_file WHERE root = ?", &s)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 1, id)) != 0)
		goto out;
	while ((r = rp_stmt_step(s)) == 1) {
		struct rp_fentry *f;
		size_t plen = 0, hlen = 0;
		const char *p = rp_stmt_blob(s, 0, &plen);
		const void *h;

		if ((r = rp_fset_add(set, p ? p : "", plen, &f)) != 0)
			goto out;
		f->type = rp_stmt_text(s, 1)[0];
		f->mode = (uint32_t)rp_stmt_int64(s, 2);
		f->uid = (uint32_t)rp_stmt_int64(s, 3);
		f->gid = (uint32_t)rp_stmt_int64(s, 4);
		f->ino = (uint64_t)rp_stmt_int64(s, 5);
		f->size = (uint64_t)rp_stmt_int64(s, 6);
		f->nlink = (uint64_t)rp_stmt_int64(s, 7);
		f->atime = rp_stmt_int64(s, 8);
		f->atime_ns = (int32_t)rp_stmt_int64(s, 9);
		f->mtime = rp_stmt_int64(s, 10);
		f->mtime_ns = (int32_t)rp_stmt_int64(s, 11);
		f->ctime = rp_stmt_int64(s, 12);
		f->ctime_ns = (int32_t)rp_stmt_int64(s, 13);
		f->has_btime = !rp_stmt_isnull(s, 14);
		f->btime = rp_stmt_int64(s, 14);
		f->btime_ns = (int32_t)rp_stmt_int64(s, 15);
		h = rp_stmt_blob(s, 16, &hlen);
		if (h != NULL && hlen == sizeof(f->sha256)) {
			memcpy(f->sha256, h, hlen);
			f->has_hash = 1;
		}
		f->entropy = rp_stmt_isnull(s, 17) ? -1 : rp_stmt_double(s, 17);
	}
out:
	rp_stmt_free(s);
	return r < 0 ? r : 0;
}

/* Whether the stored row of old must be rewritten for f. */
static int
differs(const struct rp_fentry *o, const struct rp_fentry *f)
{
	return o->type != f->type || o->mode != f->mode || o->uid != f->uid || o->gid != f->gid ||
	    o->ino != f->ino || o->size != f->size || o->nlink != f->nlink ||
	    o->atime != f->atime || o->atime_ns != f->atime_ns ||
	    o->mtime != f->mtime || o->mtime_ns != f->mtime_ns ||
	    o->ctime != f->ctime || o->ctime_ns != f->ctime_ns ||
	    o->has_btime != f->has_btime || o->btime != f->btime || o->btime_ns != f->btime_ns ||
	    o->has_hash != f->has_hash ||
	    (f->has_hash && memcmp(o->sha256, f->sha256, sizeof(f->sha256)) != 0);
}

static int
bind_entry(struct rp_stmt *s, int64_t id, const struct rp_fentry *f)
{
	char type[2] = { f->type, '\0' };
	int r;

	if ((r = rp_stmt_reset(s)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 1, id)) != 0 ||
	    (r = rp_stmt_bind_blob(s, 2, f->path, f->pathlen)) != 0 ||
	    (r = rp_stmt_bind_text(s, 3, type)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 4, f->mode)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 5, f->uid)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 6, f->gid)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 7, (int64_t)f->ino)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 8, (int64_t)f->size)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 9, (int64_t)f->nlink)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 10, f->atime)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 11, f->atime_ns)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 12, f->mtime)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 13, f->mtime_ns)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 14, f->ctime)) != 0 ||
	    (r = rp_stmt_bind_int64(s, 15, f->ctime_ns)) != 0)
		return r;
	if (f->has_btime) {
		if ((r = rp_stmt_bind_int64(s, 16, f->btime)) != 0 ||
		    (r = rp_stmt_bind_int64(s, 17, f->btime_ns)) != 0)
			return r;
	}
	if (f->has_hash && (r = rp_stmt_bind_blob(s, 18, f->sha256, sizeof(f->sha256))) != 0)
		return r;
	if (f->entropy >= 0 && (r = rp_stmt_bind_double(s, 19, f->entropy)) != 0)
		return r;
	return rp_stmt_step(s) < 0 ? RP_ERR_DB : 0;
}

int
rp_baseline_save(struct rp_store *st, const char *abs_root, int64_t now,
    const struct rp_fset *cur, const struct rp_fset *old, int64_t *id,
    uint64_t *written, uint64_t *deleted)
{
	struct rp_stmt *root = NULL, *ins = NULL, *del = NULL;
	struct rp_baseline_root br;
	uint64_t files = 0, bytes = 0, nw = 0, nd = 0;
	size_t i;
	int r, in_tx = 0;

	if ((r = rp_baseline_migrate(st)) != 0 || (r = rp_store_begin(st)) != 0)
		goto out;
	in_tx = 1;
	r = find_root(st, abs_root, &br);
	if (r == RP_ERR_NOTFOUND) {
		if ((r = rp_stmt_prepare(st, "INSERT INTO baseline_root (path, created, updated)"
		    " VALUES (?, ?, ?)", &root)) != 0 ||
		    (r = rp_stmt_bind_blob(root, 1, abs_root, strlen(abs_root))) != 0 ||
		    (r = rp_stmt_bind_int64(root, 2, now)) != 0 ||
		    (r = rp_stmt_bind_int64(root, 3, now)) != 0 ||
		    (r = rp_stmt_step(root)) < 0)
			goto out;
		br.id = rp_store_last_id(st);
		rp_stmt_free(root);
		root = NULL;
	} else if (r != 0) {
		goto out;
	}
	if ((r = rp_stmt_prepare(st, "INSERT OR REPLACE INTO baseline_file VALUES"
	    " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &ins)) != 0 ||
	    (r = rp_stmt_prepare(st, "DELETE FROM baseline_file WHERE root = ? AND path = ?",
	    &del)) != 0)
		goto out;
	for (i = 0; i < cur->n; i++) {
		const struct rp_fentry *f = cur->v[i];
		const struct rp_fentry *o = old ? rp_fset_get(old, f->path, f->pathlen) : NULL;

		if (f->type == RP_FT_FILE) {
			files++;
			bytes += f->size;
		}
		if (o != NULL && !differs(o, f))
			continue;
		if ((r = bind_entry(ins, br.id, f)) != 0)
			goto out;
		nw++;
	}
	for (i = 0; old != NULL && i < old->n; i++) {
		const struct rp_fentry *o = old->v[i];

		if (rp_fset_get(cur, o->path, o->pathlen) != NULL)
			continue;
		if ((r = rp_stmt_reset(del)) != 0 || (r = rp_stmt_bind_int64(del, 1, br.id)) != 0 ||
		    (r = rp_stmt_bind_blob(del, 2, o->path, o->pathlen)) != 0 ||
		    (r = rp_stmt_step(del)) < 0)
			goto out;
		nd++;
	}
	if ((r = rp_stmt_prepare(st, "UPDATE baseline_root SET updated = ?, files = ?, bytes = ?"
	    " WHERE id = ?", &root)) != 0 ||
	    (r = rp_stmt_bind_int64(root, 1, now)) != 0 ||
	    (r = rp_stmt_bind_int64(root, 2, (int64_t)files)) != 0 ||
	    (r = rp_stmt_bind_int64(root, 3, (int64_t)bytes)) != 0 ||
	    (r = rp_stmt_bind_int64(root, 4, br.id)) != 0 ||
	    (r = rp_stmt_step(root)) < 0)
		goto out;
	if ((r = rp_store_commit(st)) != 0)
		goto out;
	in_tx = 0;
	*id = br.id;
	if (written)
		*written = nw;
	if (deleted)
		*deleted = nd;
	r = 0;
out:
	if (in_tx)
		rp_store_rollback(st);
	rp_stmt_free(root);
	rp_stmt_free(ins);
	rp_stmt_free(del);
	return r < 0 ? r : 0;
}
