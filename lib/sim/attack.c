/* The scenarios: the table, the byte ranges of each encryption style, the
 * generation of the documents, and the attack routines (run in the child). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/sha256.h"
#include "sim/internal.h"

static const struct rp_sim_scenario scenarios[] = {
	{ "inplace", 0, "overwrite every file in place with AES-256-CTR", SK_INPLACE, ST_FULL },
	{ "mover", 0, "write an encrypted copy (.crypt), then delete the original", SK_MOVER, ST_FULL },
	{ "rename", 0, "encrypt in place, then rename to a family extension (.lockbit)", SK_RENAME, ST_FULL },
	{ "stream", 0, "stream every file into one encrypted archive and delete the originals", SK_STREAM, ST_FULL },
	{ "blackbasta", 0, "Black Basta: files up to 704 B whole, up to 4 KiB 64 B of every 256, larger 64 of every 192", SK_INPLACE, ST_BASTA },
	{ "lockfile", 0, "LockFile: every other 16 bytes after the first 4 KiB, written through mmap", SK_MMAP, ST_LOCKFILE },
	{ "head4k", 0, "LockBit 2.0: only the first 4 KiB of each file", SK_INPLACE, ST_HEAD4K },
	{ "play", 0, "PLAY: 2, 3 or 5 encrypted chunks per file by size", SK_INPLACE, ST_PLAY },
	{ "stripes", 0, "25 % stripes: 4 KiB encrypted in every 16 KiB", SK_INPLACE, ST_STRIPES },
	{ "slow", 0, "in place, one file a minute (--rate overrides)", SK_INPLACE, ST_FULL },
	{ "forker", 0, "in place, a new child process for every file", SK_FORKER, ST_FULL },
	{ "mmap", 0, "in place, written through a shared memory mapping", SK_MMAP, ST_FULL },
	{ "note-only", 0, "ransom notes in every folder, no file encrypted", SK_NOTE, ST_NONE },
	{ "xor", 0, "weak encryption: XOR with a repeating 16-byte key", SK_INPLACE, ST_XOR },
	{ "fake-header", 0, "random content behind a valid gzip or PNG header", SK_FAKEHDR, ST_FULL },
	{ "gzip", 1, "benign: gzip every file (gzip -r: each file replaced by FILE.gz)", SK_GZIP, ST_NONE },
	{ "zip", 1, "benign: zip the folder into one archive (deflate)", SK_ZIP, ST_NONE },
	{ "user-encrypt", 1, "benign: a user encrypts ONE file as `openssl enc -aes-256-cbc -pbkdf2` does", SK_USERENC, ST_NONE },
	{ "sqlite", 1, "benign: a SQLite write workload (WAL, inserts, updates, deletes)", SK_SQLITE, ST_NONE },
	{ "media", 1, "benign: a camera or video tool writing high-entropy media files", SK_MEDIA, ST_NONE },
	{ "compile", 1, "benign: generate C files and compile them with cc", SK_COMPILE, ST_NONE },
	{ "backup", 1, "benign: an rsync-style backup copy into backup/ (temp file, rename)", SK_BACKUP, ST_NONE },
};

const struct rp_sim_scenario *
rp_sim_scenarios(size_t *n)
{
	*n = sizeof(scenarios) / sizeof(scenarios[0]);
	return scenarios;
}

const struct rp_sim_scenario *
rp_sim_scenario_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++)
		if (strcmp(scenarios[i].name, name) == 0)
			return &scenarios[i];
	return NULL;
}

const char *
rp_sim_suffix(int kind)
{
	return kind == SK_RENAME ? ".lockbit" : kind == SK_MOVER ? ".crypt" :
	    kind == SK_GZIP ? ".gz" : "";
}

int
rp_sim_rate_parse(const char *s, double *rate)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || !(v > 0) || v > 1e6 || s[0] == '-')
		return RP_ERR_INVALID;
	if (*end == '\0' || strcmp(end, "/s") == 0)
		;
	else if (strcmp(end, "/min") == 0)
		v /= 60;
	else if (strcmp(end, "/h") == 0)
		v /= 3600;
	else
		return RP_ERR_INVALID;
	*rate = v;
	return 0;
}

/* ---- byte ranges ---- */

static int
range_add(struct rp_sim_range **v, size_t *n, size_t *cap, uint64_t off, uint64_t len, uint64_t size)
{
	int r;

	if (off >= size || len == 0)
		return 0;
	if (off + len > size)
		len = size - off;
	if ((r = RP_ARRAY_GROW(v, cap, *n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	(*v)[*n].off = off;
	(*v)[(*n)++].len = len;
	return 0;
}

int
rp_sim_ranges(int style, uint64_t size, struct rp_sim_range **out, size_t *n)
{
	struct rp_sim_range *v = NULL;
	size_t cap = 0;
	uint64_t o, step = 0, len = 0, start = 0;
	int r = 0, k, chunks;

	*n = 0;
	switch (style) {
	case ST_FULL:
	case ST_XOR:
		r = range_add(&v, n, &cap, 0, size, size);
		break;
	case ST_HEAD4K:
		r = range_add(&v, n, &cap, 0, 4096, size);
		break;
	case ST_BASTA:                      /* REFERENCE.md: Black Basta */
		if (size <= 704) {
			r = range_add(&v, n, &cap, 0, size, size);
			break;
		}
		len = 64;
		step = size <= 4096 ? 256 : 192;   /* 64 encrypted, then 192 or 128 skipped */
		break;
	case ST_LOCKFILE:                   /* every other 16 bytes, the first blocks left */
		start = size > 8192 ? 4096 : 0;
		len = 16;
		step = 32;
		break;
	case ST_STRIPES:
		len = 4096;
		step = 16384;
		break;
	case ST_PLAY:                       /* PLAY: 2, 3 or 5 chunks, spread over the file */
		chunks = size <= 65536 ? 2 : size <= 1048576 ? 3 : 5;
		len = size / ((uint64_t)chunks * 4) + 1;
		for (k = 0; r == 0 && k < chunks; k++)
			r = range_add(&v, n, &cap, size * (uint64_t)k / (uint64_t)chunks, len, size);
		break;
	case ST_NONE:
		break;
	default:
		return RP_ERR_INVALID;
	}
	for (o = start; r == 0 && step > 0 && o < size; o += step)
		r = range_add(&v, n, &cap, o, len, size);
	if (r != 0) {
		free(v);
		*n = 0;
		return r;
	}
	*out = v;
	return 0;
}

int
rp_sim_ks_apply(struct rp_sim_cipher *c, const struct rp_sim_state *st, int style,
    uint64_t idx, uint64_t off, uint8_t *buf, size_t len)
{
	size_t i;

	if (style == ST_XOR) {
		for (i = 0; i < len; i++)
			buf[i] ^= st->xorkey[(off + i) % 16];
		return 0;
	}
	return rp_sim_ctr_xor(c, idx + 1, off, buf, len);
}

/* ---- preparation ---- */

static const char *const types[] = { ".docx", ".pdf", ".jpg", ".xlsx", ".txt", ".odt",
	".png", ".csv", ".docx", ".pdf", ".txt", ".jpg" };

static void
file_name(struct rp_buf *b, unsigned i, struct rp_sim_rng *r)
{
	const char *ext = types[i % (sizeof(types) / sizeof(types[0]))];
	const char *dir = strcmp(ext, ".jpg") == 0 || strcmp(ext, ".png") == 0 ? "Photos" :
	    strcmp(ext, ".xlsx") == 0 || strcmp(ext, ".csv") == 0 ? "Finance" :
	    strcmp(ext, ".pdf") == 0 ? "Scans" : i % 2 ? "Patients" : "Documents";
	static const char *const stems[][4] = {
		{ "IMG", "DSC", "photo", "wound" },              /* Photos */
		{ "budget", "invoices", "Rechnungen", "factures" }, /* Finance */
		{ "scan", "lab-result", "referral", "ordonnance" },  /* Scans */
		{ "report", "letter", "dossier", "befund" },      /* Documents, Patients */
	};
	int g = dir[0] == 'P' && dir[1] == 'h' ? 0 : dir[0] == 'F' ? 1 : dir[0] == 'S' ? 2 : 3;

	rp_buf_reset(b);
	rp_buf_addf(b, "%s/%s-%04u%s", dir, stems[g][rp_sim_rng_below(r, 4)], 100 + i, ext);
}

static size_t
file_size(struct rp_sim_rng *r, unsigned i)
{
	uint64_t c = rp_sim_rng_below(r, 100);

	if (i % 12 == 4)                  /* some notes are tiny: whole-file rules apply */
		return 300 + rp_sim_rng_below(r, 700);
	if (c < 55)
		return 1024 + rp_sim_rng_below(r, 31 * 1024);
	if (c < 88)
		return 32768 + rp_sim_rng_below(r, 480 * 1024);
	return 512 * 1024 + rp_sim_rng_below(r, 2560 * 1024);
}

static int
save_blocks_manifest(int root, const struct rp_sim_state *st, const struct rp_buf *blocks)
{
	struct rp_buf m = RP_BUF_INIT;
	size_t i;
	int r = 0;

	for (i = 0; r == 0 && i < st->nfiles; i++) {
		if ((r = rp_hex(&m, st->files[i].sha, 32)) == 0)
			r = rp_buf_addf(&m, "  %s\n", st->files[i].path);
	}
	if (r == 0)
		r = rp_sim_write_new(root, RP_SIM_STATE_DIR "/manifest.sha256", m.buf, m.len);
	if (r == 0)
		r = rp_sim_write_new(root, RP_SIM_STATE_DIR "/blocks", blocks->buf, blocks->len);
	rp_buf_release(&m);
	return r;
}

int
rp_sim_prepare(int root, const struct rp_sim_scenario *sc, const struct rp_sim_opts *o,
    uint64_t *bytes)
{
	struct rp_sim_state st;
	struct rp_sim_rng r, fr;
	struct rp_buf name = RP_BUF_INIT, doc = RP_BUF_INIT, blocks = RP_BUF_INIT;
	uint8_t h[32];
	size_t off;
	unsigned i;
	int rc = 0;

	memset(&st, 0, sizeof(st));
	if (o->files == 0 || o->files > 10000)
		return RP_ERR_INVALID;
	snprintf(st.scenario, sizeof(st.scenario), "%s", sc != NULL ? sc->name : RP_SIM_PREPARED);
	st.seed = o->seed;
	rp_sim_rng_seed(&r, o->seed);
	rp_sim_rng_bytes(&r, st.key, sizeof(st.key));
	rp_sim_rng_bytes(&r, st.xorkey, sizeof(st.xorkey));
	if ((st.files = calloc(o->files, sizeof(*st.files))) == NULL)
		return RP_ERR_NOMEM;
	*bytes = 0;
	for (i = 0; rc == 0 && i < o->files; i++) {
		struct rp_sim_file *f = &st.files[i];

		/* each file has its own stream: the same seed gives the same file i
		 * whatever --files says */
		rp_sim_rng_seed(&fr, o->seed ^ (0x9e3779b97f4a7c15ull * (i + 1)));
		rp_buf_reset(&doc);
		if (i == 0) {
			rp_buf_reset(&name);
			rc = rp_buf_addstr(&name, "Patients/praxis.sqlite");
			if (rc == 0)
				rc = rp_sim_sqlite_image(o->seed, 120, &doc);
		} else {
			file_name(&name, i, &fr);
			rc = rp_sim_doc(name.buf, file_size(&fr, i), &fr, &doc);
		}
		if (rc != 0 || (rc = rp_sim_write_new(root, name.buf, doc.buf, doc.len)) != 0)
			break;
		if ((f->path = strdup(name.buf)) == NULL) {
			rc = RP_ERR_NOMEM;
			break;
		}
		f->size = doc.len;
		f->blkoff = blocks.len / 8;
		st.nfiles++;
		*bytes += doc.len;
		if ((rc = rp_sha256_mem(doc.buf, doc.len, f->sha)) != 0)
			break;
		for (off = 0; rc == 0 && off < doc.len; off += RP_SIM_BLOCK) {
			size_t n = doc.len - off < RP_SIM_BLOCK ? doc.len - off : RP_SIM_BLOCK;

			if ((rc = rp_sha256_mem(doc.buf + off, n, h)) == 0)
				rc = rp_buf_add(&blocks, h, 8);
		}
	}
	if (rc == 0)
		rc = save_blocks_manifest(root, &st, &blocks);
	if (rc == 0)
		rc = rp_sim_state_save(root, &st);
	for (i = 0; i < st.nfiles; i++)
		free(st.files[i].path);
	free(st.files);
	rp_buf_release(&name);
	rp_buf_release(&doc);
	rp_buf_release(&blocks);
	memset(st.key, 0, sizeof(st.key));
	return rc;
}

/* ---- the attack ---- */

struct attack {
	int root;
	const struct rp_sim_scenario *sc;
	const struct rp_sim_opts *o;
	struct rp_sim_state *st;
	struct rp_sim_cipher *c;
	int progress_fd;
	unsigned done;
	int64_t first_ns, last_ns;
	struct rp_buf a, b;          /* scratch */
};

static int64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
progress_save(struct attack *at)
{
	char line[96];
	int n;

	n = snprintf(line, sizeof(line), "files %10u first_ns %20" PRId64 " last_ns %20" PRId64 "\n",
	    at->done, at->first_ns, at->last_ns);
	return pwrite(at->progress_fd, line, (size_t)n, 0) == n ? 0 : RP_ERR_SYSTEM;
}

/* The time of the first write is on disk before the write: a watcher may stop the
 * attacker in the middle of its first file (or its first ransom note). */
static void
first_write(struct attack *at)
{
	if (at->first_ns == 0) {
		at->first_ns = now_ns();
		progress_save(at);
	}
}

static int
progress(struct attack *at)
{
	at->done++;
	at->last_ns = now_ns();
	return progress_save(at);
}

int
rp_sim_progress_read(int root, struct rp_sim_progress *p)
{
	struct rp_buf b = RP_BUF_INIT;
	unsigned files;
	long long first, last;
	int r;

	memset(p, 0, sizeof(*p));
	if ((r = rp_sim_read(root, RP_SIM_STATE_DIR "/progress", &b)) != 0) {
		rp_buf_release(&b);
		return r == RP_ERR_NOTFOUND ? 0 : r;
	}
	if (sscanf(b.buf, "files %u first_ns %lld last_ns %lld", &files, &first, &last) == 3) {
		p->files = files;
		p->first_ns = first;
		p->last_ns = last;
	} else
		r = RP_ERR_FORMAT;
	rp_buf_release(&b);
	return r;
}

static int
created(struct attack *at, int dir, const char *rel)
{
	return rp_sim_journal(at->root, "created", "%c %s\n", dir ? 'd' : 'f', rel);
}

/* Records the directories of rel that do not exist yet, then creates them. */
static int
created_dirs(struct attack *at, const char *rel)
{
	struct rp_buf d = RP_BUF_INIT;
	const char *s = rel;
	struct stat sb;
	int r = 0;

	while (r == 0 && (s = strchr(s, '/')) != NULL) {
		rp_buf_reset(&d);
		if ((r = rp_buf_add(&d, rel, (size_t)(s - rel))) != 0)
			break;
		if (fstatat(at->root, d.buf, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
			if ((r = created(at, 1, d.buf)) == 0 && mkdirat(at->root, d.buf, 0700) != 0)
				r = RP_ERR_SYSTEM;
		} else if (!S_ISDIR(sb.st_mode))
			r = RP_ERR_REFUSED;
		s++;
	}
	rp_buf_release(&d);
	return r;
}

static int
new_file(struct attack *at, const char *rel, const void *data, size_t len)
{
	int r;

	first_write(at);
	if ((r = created_dirs(at, rel)) != 0 || (r = created(at, 0, rel)) != 0)
		return r;
	return rp_sim_write_new(at->root, rel, data, len);
}

static const char note_text[] =
	"YOUR FILES ARE ENCRYPTED (riposte simulate: this is a DRILL)\n\n"
	"All your documents, photos and databases have been encrypted.\n"
	"This is a simulation run by your IT provider with `riposte simulate`.\n"
	"Nothing left this computer. Restore with: riposte simulate --restore DIR\n\n"
	"In a real attack: do not pay, do not reboot, disconnect from the network,\n"
	"call your IT provider and follow the emergency plan.\n";

static int
notes(struct attack *at)
{
	struct rp_buf rel = RP_BUF_INIT;
	size_t i, j;
	int r;

	r = new_file(at, RP_SIM_NOTE, note_text, sizeof(note_text) - 1);
	for (i = 0; r == 0 && i < at->st->nfiles; i++) {
		const char *p = at->st->files[i].path, *s = strrchr(p, '/');
		int seen = 0;

		if (s == NULL)
			continue;
		for (j = 0; j < i && !seen; j++) {
			const char *q = at->st->files[j].path, *t = strrchr(q, '/');

			seen = t != NULL && t - q == s - p && memcmp(p, q, (size_t)(s - p)) == 0;
		}
		if (seen)
			continue;
		rp_buf_reset(&rel);
		if ((r = rp_buf_addf(&rel, "%.*s/%s", (int)(s - p), p, RP_SIM_NOTE)) == 0) {
			r = new_file(at, rel.buf, note_text, sizeof(note_text) - 1);
			if (r == 0 && at->sc->kind == SK_NOTE)
				r = progress(at);
		}
	}
	rp_buf_release(&rel);
	return r;
}

static int
crypt_inplace(struct attack *at, size_t idx, int use_mmap)
{
	const struct rp_sim_file *f = &at->st->files[idx];
	struct rp_sim_range *rg = NULL;
	size_t nr = 0, i;
	uint8_t *map = MAP_FAILED;
	struct stat sb;
	int fd, r;

	if ((fd = rp_sim_open(at->root, f->path, O_RDWR, 0)) < 0)
		return fd;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		r = RP_ERR_INVALID;
		goto out;
	}
	if ((r = rp_sim_ranges(at->sc->style, (uint64_t)sb.st_size, &rg, &nr)) != 0)
		goto out;
	if (use_mmap && sb.st_size > 0) {
		map = mmap(NULL, (size_t)sb.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (map == MAP_FAILED) {
			r = RP_ERR_SYSTEM;
			goto out;
		}
	}
	first_write(at);
	for (i = 0; i < nr; i++) {
		uint64_t o = rg[i].off, end = rg[i].off + rg[i].len;

		while (o < end) {
			size_t n = end - o > 65536 ? 65536 : (size_t)(end - o), k;

			rp_buf_reset(&at->a);
			if ((r = rp_buf_grow(&at->a, n)) != 0)
				goto out;
			if (map != MAP_FAILED)
				memcpy(at->a.buf, map + o, n);
			else if (rp_pread_full(fd, at->a.buf, n, (off_t)o) != (ssize_t)n) {
				r = RP_ERR_CHANGED;
				goto out;
			}
			if ((r = rp_sim_ks_apply(at->c, at->st, at->sc->style, idx, o,
			    (uint8_t *)at->a.buf, n)) != 0)
				goto out;
			if (map != MAP_FAILED) {
				for (k = 0; k < n; k++)      /* in order: the restore relies on it */
					((volatile uint8_t *)map)[o + k] = (uint8_t)at->a.buf[k];
			} else if (pwrite(fd, at->a.buf, n, (off_t)o) != (ssize_t)n) {
				r = RP_ERR_SYSTEM;
				goto out;
			}
			o += n;
		}
	}
	if (map != MAP_FAILED && msync(map, (size_t)sb.st_size, MS_SYNC) != 0)
		r = RP_ERR_SYSTEM;
out:
	if (map != MAP_FAILED)
		munmap(map, (size_t)sb.st_size);
	free(rg);
	close(fd);
	return r;
}

/* Reads file idx and encrypts all of it into at->a. */
static int
read_encrypted(struct attack *at, size_t idx)
{
	int r;

	rp_buf_reset(&at->a);
	if ((r = rp_sim_read(at->root, at->st->files[idx].path, &at->a)) != 0)
		return r;
	return rp_sim_ks_apply(at->c, at->st, ST_FULL, idx, 0, (uint8_t *)at->a.buf, at->a.len);
}

static int
with_suffix(struct rp_buf *b, const char *path, const char *suffix)
{
	rp_buf_reset(b);
	return rp_buf_addf(b, "%s%s", path, suffix);
}

static int
one_file(struct attack *at, size_t idx, int *archive_fd, uint64_t *archive_off)
{
	const char *path = at->st->files[idx].path;
	struct rp_buf name = RP_BUF_INIT;
	int r = 0;

	switch (at->sc->kind) {
	case SK_INPLACE:
		r = crypt_inplace(at, idx, 0);
		break;
	case SK_MMAP:
		r = crypt_inplace(at, idx, 1);
		break;
	case SK_RENAME:
		if ((r = crypt_inplace(at, idx, 0)) == 0 &&
		    (r = with_suffix(&name, path, rp_sim_suffix(SK_RENAME))) == 0)
			r = rp_sim_rename(at->root, path, name.buf);
		break;
	case SK_MOVER:
		if ((r = read_encrypted(at, idx)) == 0 &&
		    (r = with_suffix(&name, path, rp_sim_suffix(SK_MOVER))) == 0 &&
		    (r = new_file(at, name.buf, at->a.buf, at->a.len)) == 0)
			r = rp_sim_unlink(at->root, path, 0);
		break;
	case SK_STREAM:
		if ((r = read_encrypted(at, idx)) != 0)
			break;
		first_write(at);
		if ((r = rp_write_all(*archive_fd, at->a.buf, at->a.len)) != 0 ||
		    (r = fdatasync(*archive_fd) == 0 ? 0 : RP_ERR_SYSTEM) != 0)
			break;
		if ((r = rp_sim_journal(at->root, "stream", "%zu %" PRIu64 " %zu\n", idx,
		    *archive_off, at->a.len)) != 0)
			break;
		*archive_off += at->a.len;
		r = rp_sim_unlink(at->root, path, 0);
		break;
	case SK_FAKEHDR: {
		/* a valid header (gzip or PNG signature and IHDR) in front of random bytes */
		static const uint8_t gz[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
		static const uint8_t png[16] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
			0, 0, 0, 13, 'I', 'H', 'D', 'R' };

		if ((r = read_encrypted(at, idx)) != 0)
			break;
		rp_buf_reset(&at->b);
		if ((r = rp_buf_add(&at->b, idx % 2 ? (const void *)png : gz, idx % 2 ? 16 : 10)) != 0 ||
		    (r = rp_buf_add(&at->b, at->a.buf, at->a.len)) != 0 ||
		    (r = with_suffix(&name, path, ".tmp~")) != 0 ||
		    (r = new_file(at, name.buf, at->b.buf, at->b.len)) != 0)
			break;
		r = rp_sim_rename(at->root, name.buf, path);
		break;
	}
	case SK_GZIP:
		rp_buf_reset(&at->a);
		rp_buf_reset(&at->b);
		if ((r = rp_sim_read(at->root, path, &at->a)) != 0 ||
		    (r = rp_sim_deflate(at->a.buf, at->a.len, 2, 6, &at->b)) != 0 ||
		    (r = with_suffix(&name, path, ".gz")) != 0 ||
		    (r = new_file(at, name.buf, at->b.buf, at->b.len)) != 0)
			break;
		r = rp_sim_unlink(at->root, path, 0);
		break;
	case SK_BACKUP: {
		struct rp_buf tmp = RP_BUF_INIT;
		const char *s = strrchr(path, '/');

		rp_buf_reset(&at->a);
		if ((r = rp_sim_read(at->root, path, &at->a)) == 0 &&
		    (r = rp_buf_addf(&name, "backup/%s", path)) == 0 &&
		    (r = rp_buf_addf(&tmp, "backup/%.*s.%s.%06zu", s ? (int)(s - path + 1) : 0, path,
		    s ? s + 1 : path, idx)) == 0 &&
		    (r = new_file(at, tmp.buf, at->a.buf, at->a.len)) == 0 &&
		    (r = created(at, 0, name.buf)) == 0)
			r = rp_sim_rename(at->root, tmp.buf, name.buf);
		rp_buf_release(&tmp);
		break;
	}
	default:
		r = RP_ERR_INTERNAL;
	}
	rp_buf_release(&name);
	return r;
}

static void
throttle(struct attack *at, int64_t start, unsigned i)
{
	double rate = at->o->rate;
	int64_t due, now;
	struct timespec ts;

	if (rate <= 0 && at->sc->kind == SK_INPLACE && strcmp(at->sc->name, "slow") == 0)
		rate = 1.0 / 60;
	if (rate <= 0 || i == 0)
		return;
	due = start + (int64_t)((double)i / rate * 1e9);
	while ((now = now_ns()) < due) {
		ts.tv_sec = (due - now) / 1000000000;
		ts.tv_nsec = (due - now) % 1000000000;
		nanosleep(&ts, NULL);
	}
}

static int
forked_file(struct attack *at, size_t idx)
{
	pid_t pid;
	int st;

	first_write(at);      /* the child writes right away */
	if ((pid = fork()) < 0)
		return RP_ERR_SYSTEM;
	if (pid == 0)
		_exit(crypt_inplace(at, idx, 0) == 0 ? 0 : 2);
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return RP_ERR_SYSTEM;
	/* a child stopped or killed by a watcher: the attacker goes on with the next
	 * file, as real ransomware does */
	return 0;
}

static int
attack_files(struct attack *at)
{
	int64_t start = now_ns();
	int archive_fd = -1, r = 0;
	uint64_t archive_off = 0;
	size_t i;

	if (at->sc->kind == SK_STREAM) {
		if ((r = created(at, 0, RP_SIM_ARCHIVE)) != 0)
			return r;
		archive_fd = rp_sim_open(at->root, RP_SIM_ARCHIVE, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (archive_fd < 0)
			return archive_fd;
	}
	for (i = 0; r == 0 && i < at->st->nfiles; i++) {
		throttle(at, start, (unsigned)i);
		r = at->sc->kind == SK_FORKER ? forked_file(at, i) : one_file(at, i, &archive_fd, &archive_off);
		if (r == RP_ERR_NOTFOUND || r == RP_ERR_REFUSED) {
			r = 0;         /* gone or replaced by a symlink: skipped, never followed */
			continue;
		}
		if (r == 0)
			r = progress(at);
	}
	if (archive_fd >= 0)
		close(archive_fd);
	return r;
}

static int
zip_all(struct attack *at)
{
	struct rp_sim_zip z;
	size_t i, written = 0;
	int fd, r;

	if ((r = created(at, 0, "Archiv-2026.zip")) != 0)
		return r;
	if ((fd = rp_sim_open(at->root, "Archiv-2026.zip", O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0)
		return fd;
	rp_sim_zip_init(&z);
	first_write(at);
	for (i = 0; r == 0 && i < at->st->nfiles; i++) {
		rp_buf_reset(&at->a);
		if ((r = rp_sim_read(at->root, at->st->files[i].path, &at->a)) != 0)
			break;
		if ((r = rp_sim_zip_add(&z, at->st->files[i].path, at->a.buf, at->a.len, 1)) != 0 ||
		    (r = rp_write_all(fd, z.out.buf + written, z.out.len - written)) != 0)
			break;
		written = z.out.len;
		r = progress(at);
	}
	if (r == 0 && (r = rp_sim_zip_finish(&z)) == 0)
		r = rp_write_all(fd, z.out.buf + written, z.out.len - written);
	rp_sim_zip_release(&z);
	close(fd);
	return r;
}

static int
user_encrypt(struct attack *at)
{
	static const uint8_t salt[8] = { 0x52, 0x69, 0x70, 0x6f, 0x73, 0x74, 0x65, 0x21 };
	struct rp_buf name = RP_BUF_INIT;
	size_t i, pick = 0;
	int r;

	for (i = 0; i < at->st->nfiles; i++)
		if (strstr(at->st->files[i].path, ".docx") != NULL) {
			pick = i;
			break;
		}
	rp_buf_reset(&at->a);
	rp_buf_reset(&at->b);
	if ((r = rp_sim_read(at->root, at->st->files[pick].path, &at->a)) == 0 &&
	    (r = rp_sim_openssl_enc("correct horse battery staple", salt, at->a.buf, at->a.len, &at->b)) == 0 &&
	    (r = with_suffix(&name, at->st->files[pick].path, ".enc")) == 0 &&
	    (r = new_file(at, name.buf, at->b.buf, at->b.len)) == 0)
		r = progress(at);
	rp_buf_release(&name);
	return r;
}

static int
sqlite_load(struct attack *at)
{
	static const char *const names[] = { "workload.sqlite-journal", "workload.sqlite-wal",
		"workload.sqlite-shm", "workload.sqlite" };
	size_t i;
	int r = 0;

	for (i = 0; r == 0 && i < 4; i++)
		r = created(at, 0, names[i]);
	first_write(at);
	if (r == 0)
		r = rp_sim_sqlite_workload(at->root, "workload.sqlite", at->o->seed, 40);
	if (r == 0)
		r = progress(at);
	return r;
}

/* ISO BMFF boxes around compressed-looking payload, and camera JPEGs. */
static int
media(struct attack *at)
{
	struct rp_sim_rng r;
	struct rp_buf name = RP_BUF_INIT;
	unsigned i, n = at->st->nfiles / 4 < 2 ? 2 : (unsigned)at->st->nfiles / 4;
	int rc = 0;

	rp_sim_rng_seed(&r, at->o->seed ^ 0x6d65646961ull);
	for (i = 0; rc == 0 && i < n; i++) {
		size_t mdat = 128 * 1024 + rp_sim_rng_below(&r, 1536 * 1024);
		static const uint8_t ftyp[32] = { 0, 0, 0, 32, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm',
			0, 0, 2, 0, 'i', 's', 'o', 'm', 'i', 's', 'o', '2', 'a', 'v', 'c', '1', 'm', 'p', '4', '1' };
		uint8_t hdr[8];
		size_t box = mdat + 8;

		rp_buf_reset(&at->a);
		rp_buf_reset(&name);
		hdr[0] = (uint8_t)(box >> 24); hdr[1] = (uint8_t)(box >> 16);
		hdr[2] = (uint8_t)(box >> 8); hdr[3] = (uint8_t)box;
		memcpy(hdr + 4, "mdat", 4);
		if ((rc = rp_buf_add(&at->a, ftyp, sizeof(ftyp))) || (rc = rp_buf_add(&at->a, hdr, 8)) ||
		    (rc = rp_buf_grow(&at->a, mdat)))
			break;
		rp_sim_rng_bytes(&r, at->a.buf + at->a.len, mdat);
		at->a.len += mdat;
		at->a.buf[at->a.len] = '\0';
		if (i % 2 == 1) {              /* every other one a photo instead */
			rp_buf_reset(&at->a);
			rc = rp_sim_doc("x.jpg", 200000 + rp_sim_rng_below(&r, 800000), &r, &at->a);
			if (rc == 0)
				rc = rp_buf_addf(&name, "Videos/IMG_%04u.jpg", 2000 + i);
		} else
			rc = rp_buf_addf(&name, "Videos/clip-%03u.mp4", i);
		if (rc == 0 && (rc = new_file(at, name.buf, at->a.buf, at->a.len)) == 0)
			rc = progress(at);
	}
	rp_buf_release(&name);
	return rc;
}

static int
compile(struct attack *at)
{
	struct rp_buf name = RP_BUF_INIT, obj = RP_BUF_INIT, src = RP_BUF_INIT;
	unsigned i, n = at->st->nfiles < 4 ? 4 : (unsigned)at->st->nfiles;
	int rc = 0, st, bfd = -1;
	pid_t pid;

	if (n > 40)
		n = 40;
	for (i = 0; rc == 0 && i < n; i++) {
		unsigned k;

		rp_buf_reset(&name);
		rp_buf_reset(&obj);
		rp_buf_reset(&src);
		rc = rp_buf_addf(&src, "/* generated by riposte simulate: compile */\n#include <stddef.h>\n");
		for (k = 0; rc == 0 && k < 30; k++)
			rc = rp_buf_addf(&src, "unsigned long f%u_%u(const unsigned char *p, size_t n)\n{\n"
			    "\tunsigned long h = %uu;\n\tfor (size_t i = 0; i < n; i++)\n"
			    "\t\th = h * 31u + p[i] + %uu;\n\treturn h ^ (h >> %u);\n}\n", i, k, i * 7 + k, k, 1 + k % 13);
		if (rc || (rc = rp_buf_addf(&name, "build/unit%02u.c", i)) ||
		    (rc = rp_buf_addf(&obj, "unit%02u.o", i)) ||
		    (rc = new_file(at, name.buf, src.buf, src.len)))
			break;
		if (at->o->cc != NULL) {
			rp_buf_reset(&name);
			if ((rc = rp_buf_addf(&name, "build/%s", obj.buf)) || (rc = created(at, 0, name.buf)))
				break;
			if (bfd < 0 && (bfd = openat(at->root, "build", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
				rc = RP_ERR_SYSTEM;
				break;
			}
			rp_buf_reset(&name);
			rp_buf_addf(&name, "unit%02u.c", i);
			if ((pid = fork()) < 0) {
				rc = RP_ERR_SYSTEM;
				break;
			}
			if (pid == 0) {
				int devnull = open("/dev/null", O_RDWR);

				if (devnull >= 0) {
					dup2(devnull, 0);
					dup2(devnull, 1);
				}
				if (fchdir(bfd) == 0)
					execl(at->o->cc, at->o->cc, "-O1", "-c", name.buf, "-o", obj.buf, (char *)NULL);
				_exit(127);
			}
			while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
				;
			if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
				rc = RP_ERR_SYSTEM;
				break;
			}
		}
		rc = progress(at);
	}
	if (bfd >= 0)
		close(bfd);
	rp_buf_release(&name);
	rp_buf_release(&obj);
	rp_buf_release(&src);
	return rc;
}

int
rp_sim_attack(int root, const struct rp_sim_scenario *sc, const struct rp_sim_opts *o)
{
	struct attack at;
	struct rp_buf blocks = RP_BUF_INIT;
	int r;

	memset(&at, 0, sizeof(at));
	at.root = root;
	at.sc = sc;
	at.o = o;
	at.progress_fd = -1;
	rp_buf_init(&at.a, RP_SIM_MAX_FILE * 2);
	rp_buf_init(&at.b, RP_SIM_MAX_FILE * 2);
	if ((r = rp_sim_state_load(root, &at.st, &blocks)) != 0)
		goto out;
	if ((r = rp_sim_cipher_new(at.st->key, &at.c)) != 0)
		goto out;
	at.progress_fd = rp_sim_open(root, RP_SIM_STATE_DIR "/progress", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (at.progress_fd < 0) {
		r = at.progress_fd;
		goto out;
	}
	if (!sc->benign && !o->no_note && (r = notes(&at)) != 0)
		goto out;
	switch (sc->kind) {
	case SK_NOTE:
		break;
	case SK_ZIP:
		r = zip_all(&at);
		break;
	case SK_USERENC:
		r = user_encrypt(&at);
		break;
	case SK_SQLITE:
		r = sqlite_load(&at);
		break;
	case SK_MEDIA:
		r = media(&at);
		break;
	case SK_COMPILE:
		r = compile(&at);
		break;
	case SK_BACKUP:
		if ((r = created(&at, 1, "backup")) == 0 && mkdirat(root, "backup", 0700) != 0)
			r = RP_ERR_SYSTEM;
		if (r == 0)
			r = attack_files(&at);
		break;
	default:
		r = attack_files(&at);
	}
out:
	if (at.progress_fd >= 0)
		close(at.progress_fd);
	rp_sim_cipher_free(at.c);
	rp_sim_state_free(at.st);
	rp_buf_release(&blocks);
	rp_buf_release(&at.a);
	rp_buf_release(&at.b);
	return r;
}
