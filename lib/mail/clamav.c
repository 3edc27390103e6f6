/*
 * The libclamav adapter: the only file that includes <clamav.h>. One engine per scan,
 * compiled once from a database directory (/var/lib/clamav, or --clamav-db DIR: the
 * official .cvd/.cld files, or .hdb/.hsb/.ndb/.ldb of one's own); scanning is from
 * memory (an fmap over the decoded attachment), thread-safe on a compiled engine.
 * libclamav unpacks archives, OLE2 and OOXML itself. Its messages go to a callback
 * that drops them (the engine never prints); cl_init is once per process.
 *
 * Verdicts are kept by the SHA-256 of what was scanned (the caller has it already):
 * the same invoice PDF sent to 300 clients, or the logo of every signature, is
 * scanned once. The same bytes on the same compiled engine with the same options
 * give the same verdict; errors (a time limit) are not kept. The table is bounded
 * (VERDICTS entries, about 3 MiB); when full, new attachments are scanned each time.
 *
 * libclamav makes a temporary directory for every scan and writes what it unpacks
 * (OOXML and zip members, OLE2 streams) there: on a tmpfs (/dev/shm) when there is
 * one, so that nothing is written to the disk under investigation (its free blocks
 * may hold deleted evidence) and no journalled mkdir/rmdir is paid per attachment.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <clamav.h>

#include "core/err.h"
#include "mail/internal.h"

#define VERDICTS 65536u          /* a power of two */
#define TMPFS_MAGIC 0x01021994
#define LIMITS "Heuristics.Limits.Exceeded"

/* one kept verdict: name NULL clean, else the signature (owned) */
struct verdict {
	unsigned char sha[32];
	unsigned char used;
	char *name;
};

struct mail_clam {
	struct cl_engine *engine;
	struct cl_scan_options opts;
	pthread_mutex_t mu;              /* guards the verdicts and the counters */
	struct verdict *v;               /* VERDICTS slots, open addressing */
	size_t nv;
	uint64_t hits, scans;
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_rc;

static void
quiet(enum cl_msg severity, const char *fullmsg, const char *msg, void *context)
{
	(void)severity; (void)fullmsg; (void)msg; (void)context;
}

static void
init(void)
{
	cl_set_clcb_msg(quiet);
	init_rc = cl_init(CL_INIT_DEFAULT) == CL_SUCCESS ? 0 : -1;
}

static int
on_tmpfs(const char *dir)
{
	struct statfs sf;

	return statfs(dir, &sf) == 0 && (unsigned long)sf.f_type == TMPFS_MAGIC &&
	    access(dir, W_OK | X_OK) == 0;
}

/* Whether a directory can be made (and removed) in dir, as libclamav does for every
 * scan: 0, or the errno. */
static int
can_make_dir(const char *dir)
{
	char path[4096];
	int e;

	if ((size_t)snprintf(path, sizeof(path), "%s/riposte-clam.XXXXXX", dir) >= sizeof(path))
		return ENAMETOOLONG;
	if (mkdtemp(path) == NULL)
		return (e = errno) ? e : EACCES;
	(void)rmdir(path);
	return 0;
}

int
mail_clam_load(struct mail_clam **out, const char *dir, const char *tmp,
    struct rp_buf *status, struct rp_buf *err)
{
	struct mail_clam *c = NULL;
	unsigned int sigs = 0;
	struct stat st;
	cl_error_t e;
	int r = RP_ERR_INTERNAL;
	uint32_t ver;
	int ierr = 0, terr;
	const char *tdir;

	*out = NULL;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		rp_buf_addstr(status, "none");
		return 0;
	}
	pthread_once(&once, init);
	if (init_rc != 0) {
		rp_buf_addstr(err, "libclamav failed to initialise");
		return RP_ERR_UNSUPPORTED;
	}
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return RP_ERR_NOMEM;
	pthread_mutex_init(&c->mu, NULL);
	if ((c->v = calloc(VERDICTS, sizeof(*c->v))) == NULL ||
	    (c->engine = cl_engine_new()) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	/* libclamav unpacks archives and documents into a directory of its own per scan,
	 * and when it cannot make one it says "clean" (the zip's virus unseen): the
	 * directory is chosen and tried here, and a scan without one is refused */
	tdir = on_tmpfs("/dev/shm") && can_make_dir("/dev/shm") == 0 ? "/dev/shm" : tmp;
	if ((terr = can_make_dir(tdir)) != 0) {
		rp_buf_addf(err, "ClamAV has no place for its temporary files: '%s': %s (set "
		    "TMPDIR to a writable directory, or scan with --no-clamav)", tdir,
		    strerror(terr));
		r = RP_ERR_UNSUPPORTED;
		goto out;
	}
	if ((e = cl_engine_set_str(c->engine, CL_ENGINE_TMPDIR, tdir)) != CL_SUCCESS) {
		rp_buf_addf(err, "ClamAV: temporary directory '%s': %s", tdir, cl_strerror(e));
		r = RP_ERR_UNSUPPORTED;
		goto out;
	}
	e = cl_load(dir, c->engine, &sigs, CL_DB_STDOPT);
	if (e != CL_SUCCESS || sigs == 0) {
		/* an empty directory (the package installed, freshclam never run) */
		if (e == CL_SUCCESS || e == CL_EOPEN) {
			rp_buf_addstr(status, "none");
			r = 0;
		} else {
			rp_buf_addf(err, "ClamAV database '%s': %s", dir, cl_strerror(e));
			r = RP_ERR_FORMAT;
		}
		goto out;
	}
	if ((e = cl_engine_compile(c->engine)) != CL_SUCCESS) {
		rp_buf_addf(err, "ClamAV database '%s': %s", dir, cl_strerror(e));
		r = RP_ERR_FORMAT;
		goto out;
	}
	ver = (uint32_t)cl_engine_get_num(c->engine, CL_ENGINE_DB_VERSION, &ierr);
	if (ver)
		rp_buf_addf(status, "%u, %u signatures", ver, sigs);
	else
		rp_buf_addf(status, "custom, %u signatures", sigs);
	c->opts.parse = ~0u & ~(uint32_t)CL_SCAN_PARSE_IMAGE_FUZZY_HASH;
	/* without it libclamav stops at its limits (10,000 files in an archive, 2 min,
	 * 100 MB a file, 400 MB a scan) and says "clean": a zip whose 10,001st member is
	 * the virus passed. With it the scan ends with Heuristics.Limits.Exceeded.*,
	 * which is no virus found but a scan not done: mail_clam_scan says so */
	c->opts.heuristic = CL_SCAN_HEURISTIC_EXCEEDS_MAX;
	*out = c;
	c = NULL;
	r = 0;
out:
	mail_clam_free(c);
	return r;
}

void
mail_clam_free(struct mail_clam *c)
{
	size_t i;

	if (c == NULL)
		return;
	if (c->engine)
		cl_engine_free(c->engine);
	if (c->v)
		for (i = 0; i < VERDICTS; i++)
			free(c->v[i].name);
	free(c->v);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

static int
unhex(const char *hex, unsigned char out[32])
{
	size_t i;

	if (hex == NULL || strlen(hex) != 64)
		return -1;
	for (i = 0; i < 64; i++) {
		int ch = hex[i], d = ch >= '0' && ch <= '9' ? ch - '0' :
		    ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;

		if (d < 0)
			return -1;
		out[i / 2] = (unsigned char)(i % 2 ? (out[i / 2] << 4) | d : d);
	}
	return 0;
}

/* The slot of sha: its own, or the empty one where it would go; NULL when the
 * table is full and sha is not in it. Under c->mu. */
static struct verdict *
slot(struct mail_clam *c, const unsigned char sha[32])
{
	size_t i = ((size_t)sha[0] | (size_t)sha[1] << 8 | (size_t)sha[2] << 16 |
	    (size_t)sha[3] << 24) & (VERDICTS - 1), k;

	for (k = 0; k < VERDICTS; k++, i = (i + 1) & (VERDICTS - 1)) {
		struct verdict *e = &c->v[i];

		if (!e->used || memcmp(e->sha, sha, 32) == 0)
			return e;
	}
	return NULL;
}

/* 1 (and vir) when sha's verdict is kept and is a signature, 0 kept clean, -1 not kept */
static int
lookup(struct mail_clam *c, const unsigned char sha[32], char *vir, size_t n)
{
	struct verdict *e;
	int r = -1;

	pthread_mutex_lock(&c->mu);
	c->scans++;
	if ((e = slot(c, sha)) != NULL && e->used) {
		c->hits++;
		r = e->name != NULL;
		if (r)
			snprintf(vir, n, "%s", e->name);
	}
	pthread_mutex_unlock(&c->mu);
	return r;
}

static void
keep(struct mail_clam *c, const unsigned char sha[32], const char *name)
{
	struct verdict *e;

	pthread_mutex_lock(&c->mu);
	/* three quarters full: probing would get long; keep what is there */
	if (c->nv < VERDICTS / 4 * 3 && (e = slot(c, sha)) != NULL && !e->used) {
		char *nm = name ? strdup(name) : NULL;

		if (name == NULL || nm != NULL) {
			memcpy(e->sha, sha, 32);
			e->name = nm;
			e->used = 1;
			c->nv++;
		}
	}
	pthread_mutex_unlock(&c->mu);
}

void
mail_clam_counts(struct mail_clam *c, uint64_t *scans, uint64_t *hits)
{
	pthread_mutex_lock(&c->mu);
	*scans = c->scans;
	*hits = c->hits;
	pthread_mutex_unlock(&c->mu);
}

int
mail_clam_scan(struct mail_clam *c, const void *data, size_t len, const char *sha256,
    char *vir, size_t n)
{
	struct cl_scan_options o = c->opts;
	const char *name = NULL;
	unsigned long scanned = 0;
	unsigned char sha[32];
	int have = unhex(sha256, sha) == 0, r;
	cl_fmap_t *map;
	cl_error_t e;

	if (have && (r = lookup(c, sha, vir, n)) >= 0)
		return r;
	if ((map = cl_fmap_open_memory(data, len)) == NULL)
		return RP_ERR_NOMEM;
	e = cl_scanmap_callback(map, NULL, &name, &scanned, c->engine, &o, NULL);
	cl_fmap_close(map);
	if (e == CL_VIRUS && (name == NULL || strncmp(name, LIMITS, sizeof(LIMITS) - 1) == 0)) {
		/* a limit reached (a time limit too: not kept); a real signature found
		 * before or after it would have been reported instead (heuristic alerts
		 * come last) */
		snprintf(vir, n, "stopped at its limit: %s", name ? name :
		    LIMITS);
		return RP_ERR_FORMAT;
	}
	if (e == CL_VIRUS) {
		snprintf(vir, n, "%s", name ? name : "unknown");
		if (have)
			keep(c, sha, vir);
		return 1;
	}
	if (e != CL_CLEAN) {
		/* not a verdict: the caller says so rather than calling it clean */
		snprintf(vir, n, "%s", cl_strerror(e));
		return RP_ERR_FORMAT;
	}
	if (have)
		keep(c, sha, NULL);
	return 0;
}
