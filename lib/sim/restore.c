/*
 * The restore: every file of the manifest back at its name with its bytes, and
 * everything the scenario created removed. A file the attacker was killed in the
 * middle of is repaired block by block: each 4 KiB block is kept when its hash is
 * the original's, else decrypted whole, else decrypted byte by byte in write order
 * until the hash matches (a write cut short leaves a prefix encrypted).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "core/file.h"
#include "core/sha256.h"
#include "sim/internal.h"

struct restore {
	int root;
	const struct rp_sim_scenario *sc;
	struct rp_sim_state *st;
	struct rp_sim_cipher *c;
	const uint8_t *hashes;
	struct rp_buf a, b;
};

static int
block_ok(const uint8_t *data, size_t n, const uint8_t *want)
{
	uint8_t h[32];

	return rp_sha256_mem(data, n, h) == 0 && memcmp(h, want, 8) == 0;
}

/* Repairs the file open on fd, encrypted in place (wholly or partly) by file idx's
 * keystream over style's ranges. Returns 0, or RP_ERR_INTEGRITY. *changed says
 * whether a byte was written. */
static int
repair_blocks(struct restore *rs, int fd, size_t idx, int style, int *changed)
{
	const struct rp_sim_file *f = &rs->st->files[idx];
	struct rp_sim_range *rg = NULL;
	uint8_t buf[RP_SIM_BLOCK], try[RP_SIM_BLOCK], ks[RP_SIM_BLOCK], mask[RP_SIM_BLOCK];
	size_t nr = 0, ri = 0, j, k;
	uint64_t off;
	struct stat sb;
	int r, found;

	if (fstat(fd, &sb) != 0)
		return RP_ERR_SYSTEM;
	if ((uint64_t)sb.st_size != f->size)
		return RP_ERR_INTEGRITY;
	if ((r = rp_sim_ranges(style, f->size, &rg, &nr)) != 0)
		return r;
	for (off = 0; off < f->size; off += RP_SIM_BLOCK) {
		size_t n = f->size - off < RP_SIM_BLOCK ? (size_t)(f->size - off) : RP_SIM_BLOCK;
		const uint8_t *want = rs->hashes + 8 * (f->blkoff + off / RP_SIM_BLOCK);

		if (rp_pread_full(fd, buf, n, (off_t)off) != (ssize_t)n) {
			r = RP_ERR_SYSTEM;
			goto out;
		}
		if (block_ok(buf, n, want))
			continue;
		/* which bytes of this block the style encrypts */
		memset(mask, 0, n);
		while (ri < nr && rg[ri].off + rg[ri].len <= off)
			ri++;
		for (k = ri; k < nr && rg[k].off < off + n; k++) {
			uint64_t s = rg[k].off > off ? rg[k].off : off;
			uint64_t e = rg[k].off + rg[k].len < off + n ? rg[k].off + rg[k].len : off + n;

			memset(mask + (s - off), 1, (size_t)(e - s));
		}
		memset(ks, 0, n);
		if ((r = rp_sim_ks_apply(rs->c, rs->st, style, idx, off, ks, n)) != 0)
			goto out;
		for (j = 0; j < n; j++)
			try[j] = buf[j] ^ (mask[j] ? ks[j] : 0);
		found = block_ok(try, n, want);
		if (!found) {
			memcpy(try, buf, n);
			for (j = 0; j < n && !found; j++)
				if (mask[j]) {
					try[j] ^= ks[j];
					found = block_ok(try, n, want);
				}
		}
		if (!found) {
			r = RP_ERR_INTEGRITY;
			goto out;
		}
		if (pwrite(fd, try, n, (off_t)off) != (ssize_t)n) {
			r = RP_ERR_SYSTEM;
			goto out;
		}
		*changed = 1;
	}
	r = 0;
out:
	free(rg);
	return r;
}

static int
whole_ok(const struct rp_sim_file *f, const void *data, size_t len)
{
	uint8_t h[32];

	return len == f->size && rp_sha256_mem(data, len, h) == 0 && memcmp(h, f->sha, 32) == 0;
}

/* Writes data as path through a temporary name and a rename. */
static int
put_back(struct restore *rs, const char *path, const void *data, size_t len)
{
	struct rp_buf tmp = RP_BUF_INIT;
	int r;

	if ((r = rp_buf_addf(&tmp, "%s.riposte-restore~", path)) == 0) {
		rp_sim_unlink(rs->root, tmp.buf, 0);
		if ((r = rp_sim_write_new(rs->root, tmp.buf, data, len)) == 0)
			r = rp_sim_rename(rs->root, tmp.buf, path);
	}
	rp_buf_release(&tmp);
	return r;
}

/* The stream scenario's log: the archive offset of file idx. */
static int
stream_entry(struct restore *rs, size_t idx, uint64_t *off, uint64_t *len)
{
	struct rp_buf log = RP_BUF_INIT;
	const char *p;
	unsigned long long i, o, n;
	int r = RP_ERR_NOTFOUND;

	if (rp_sim_read(rs->root, RP_SIM_STATE_DIR "/stream", &log) == 0) {
		for (p = log.buf; p != NULL && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
			if (sscanf(p, "%llu %llu %llu", &i, &o, &n) == 3 && i == idx) {
				*off = o;
				*len = n;
				r = 0;
			}
	}
	rp_buf_release(&log);
	return r;
}

static int
restore_file(struct restore *rs, size_t idx, int *changed)
{
	const struct rp_sim_file *f = &rs->st->files[idx];
	struct rp_buf alt = RP_BUF_INIT;
	const char *suffix = rp_sim_suffix(rs->sc->kind);
	int fd = -1, r, style = rs->sc->style == ST_XOR ? ST_XOR :
	    rs->sc->style == ST_NONE ? ST_FULL : rs->sc->style;
	uint64_t off, len;

	if ((r = rp_buf_addf(&alt, "%s%s", f->path, suffix)) != 0)
		goto out;
	if (rs->sc->kind == SK_FAKEHDR) {
		rp_buf_reset(&rs->a);
		if ((r = rp_sim_read(rs->root, f->path, &rs->a)) != 0)
			goto out;
		if (whole_ok(f, rs->a.buf, rs->a.len))
			goto out;
		off = idx % 2 ? 16 : 10;
		if (rs->a.len != f->size + off) {
			r = RP_ERR_INTEGRITY;
			goto out;
		}
		if ((r = rp_sim_ks_apply(rs->c, rs->st, ST_FULL, idx, 0,
		    (uint8_t *)rs->a.buf + off, f->size)) != 0)
			goto out;
		if (!whole_ok(f, rs->a.buf + off, f->size)) {
			r = RP_ERR_INTEGRITY;
			goto out;
		}
		*changed = 1;
		r = put_back(rs, f->path, rs->a.buf + off, f->size);
		goto out;
	}
	if ((r = rp_sim_exists(rs->root, f->path)) < 0)
		goto out;
	if (r == 1 || (suffix[0] && rs->sc->kind != SK_GZIP && rp_sim_exists(rs->root, alt.buf) == 1)) {
		const char *at = r == 1 ? f->path : alt.buf;

		if ((fd = rp_sim_open(rs->root, at, O_RDWR, 0)) < 0) {
			r = fd;
			goto out;
		}
		if ((r = repair_blocks(rs, fd, idx, style, changed)) != 0)
			goto out;
		if (at == alt.buf) {
			*changed = 1;
			r = rp_sim_rename(rs->root, alt.buf, f->path);
		}
		goto out;
	}
	/* gone: from the gzip file or the stream archive */
	rp_buf_reset(&rs->a);
	rp_buf_reset(&rs->b);
	if (rs->sc->kind == SK_GZIP) {
		if ((r = rp_sim_read(rs->root, alt.buf, &rs->b)) != 0 ||
		    (r = rp_sim_gunzip(rs->b.buf, rs->b.len, &rs->a, RP_SIM_MAX_FILE)) != 0)
			goto out;
	} else if (rs->sc->kind == SK_STREAM) {
		if ((r = stream_entry(rs, idx, &off, &len)) != 0)
			goto out;
		if ((fd = rp_sim_open(rs->root, RP_SIM_ARCHIVE, O_RDONLY, 0)) < 0) {
			r = fd;
			goto out;
		}
		if (len != f->size || (r = rp_buf_grow(&rs->a, (size_t)len)) != 0) {
			r = r ? r : RP_ERR_INTEGRITY;
			goto out;
		}
		if (rp_pread_full(fd, rs->a.buf, (size_t)len, (off_t)off) != (ssize_t)len) {
			r = RP_ERR_INTEGRITY;
			goto out;
		}
		rs->a.len = (size_t)len;
		if ((r = rp_sim_ks_apply(rs->c, rs->st, ST_FULL, idx, 0, (uint8_t *)rs->a.buf, rs->a.len)) != 0)
			goto out;
	} else {
		r = RP_ERR_NOTFOUND;
		goto out;
	}
	if (!whole_ok(f, rs->a.buf, rs->a.len)) {
		r = RP_ERR_INTEGRITY;
		goto out;
	}
	*changed = 1;
	r = put_back(rs, f->path, rs->a.buf, rs->a.len);
out:
	if (fd >= 0)
		close(fd);
	rp_buf_release(&alt);
	return r;
}

/* Removes what the scenario created, newest first. */
static int
remove_created(struct restore *rs, unsigned *removed)
{
	struct rp_buf log = RP_BUF_INIT;
	char *p, *line;
	int r, r2 = 0;

	if ((r = rp_sim_read(rs->root, RP_SIM_STATE_DIR "/created", &log)) != 0) {
		rp_buf_release(&log);
		return r == RP_ERR_NOTFOUND ? 0 : r;
	}
	while (log.len > 0) {
		log.buf[--log.len] = '\0';          /* the trailing newline */
		p = strrchr(log.buf, '\n');
		line = p ? p + 1 : log.buf;
		if ((line[0] == 'f' || line[0] == 'd') && line[1] == ' ' && line[2]) {
			if (rp_sim_exists(rs->root, line + 2) == 1 || line[0] == 'd')
				(*removed)++;
			if ((r = rp_sim_unlink(rs->root, line + 2, line[0] == 'd')) != 0 && r2 == 0)
				r2 = r;
		}
		rp_buf_setlen(&log, (size_t)(line - log.buf));
	}
	rp_buf_release(&log);
	return r2;
}

static const struct rp_sim_scenario prepared = {
	RP_SIM_PREPARED, 1, "documents generated, no attack yet", SK_NOTE, ST_NONE
};

int
rp_sim_restore(int root, struct rp_sim_restore_stats *out)
{
	struct restore rs;
	struct rp_buf blocks = RP_BUF_INIT;
	size_t i;
	int r, changed;

	memset(&rs, 0, sizeof(rs));
	memset(out, 0, sizeof(*out));
	rs.root = root;
	rp_buf_init(&rs.a, RP_SIM_MAX_FILE * 2);
	rp_buf_init(&rs.b, RP_SIM_MAX_FILE * 2);
	if ((r = rp_sim_state_load(root, &rs.st, &blocks)) != 0)
		goto out;
	snprintf(out->scenario, sizeof(out->scenario), "%s", rs.st->scenario);
	/* a prepared directory that no attack ran on: nothing to undo, all to verify */
	if (strcmp(rs.st->scenario, RP_SIM_PREPARED) == 0)
		rs.sc = &prepared;
	else if ((rs.sc = rp_sim_scenario_find(rs.st->scenario)) == NULL) {
		r = RP_ERR_FORMAT;
		goto out;
	}
	rs.hashes = (const uint8_t *)blocks.buf;
	if ((r = rp_sim_cipher_new(rs.st->key, &rs.c)) != 0)
		goto out;
	out->files = (unsigned)rs.st->nfiles;
	for (i = 0; i < rs.st->nfiles; i++) {
		changed = 0;
		r = restore_file(&rs, i, &changed);
		if (r == 0 && changed)
			out->repaired++;
		else if (r != 0)
			out->bad++;
	}
	r = remove_created(&rs, &out->removed);
	rp_sim_unlink(root, RP_SIM_STATE_DIR "/stream", 0);
	rp_sim_unlink(root, RP_SIM_STATE_DIR "/created", 0);
	/* the final word: every file against its hash, from disk */
	for (i = 0; i < rs.st->nfiles; i++) {
		rp_buf_reset(&rs.a);
		if (rp_sim_read(root, rs.st->files[i].path, &rs.a) != 0 ||
		    !whole_ok(&rs.st->files[i], rs.a.buf, rs.a.len)) {
			out->bad++;
		}
	}
	if (out->bad > 0)
		r = RP_ERR_INTEGRITY;
out:
	rp_sim_cipher_free(rs.c);
	rp_sim_state_free(rs.st);
	rp_buf_release(&blocks);
	rp_buf_release(&rs.a);
	rp_buf_release(&rs.b);
	return r;
}
