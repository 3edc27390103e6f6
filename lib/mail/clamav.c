/*
 * The libclamav adapter: the only file that includes <clamav.h>. One engine per scan,
 * compiled once from a database directory (/var/lib/clamav, or --clamav-db DIR: the
 * official .cvd/.cld files, or .hdb/.hsb/.ndb/.ldb of one's own); scanning is from
 * memory (an fmap over the decoded attachment), thread-safe on a compiled engine.
 * libclamav unpacks archives, OLE2 and OOXML itself. Its messages go to a callback
 * that drops them (the engine never prints); cl_init is once per process.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <clamav.h>

#include "core/err.h"
#include "mail/internal.h"

struct mail_clam {
	struct cl_engine *engine;
	struct cl_scan_options opts;
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

int
mail_clam_load(struct mail_clam **out, const char *dir, struct rp_buf *status,
    struct rp_buf *err)
{
	struct mail_clam *c = NULL;
	unsigned int sigs = 0;
	struct stat st;
	cl_error_t e;
	int r = RP_ERR_INTERNAL;
	uint32_t ver;
	int ierr = 0;

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
	if ((c->engine = cl_engine_new()) == NULL) {
		r = RP_ERR_NOMEM;
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
	if (c == NULL)
		return;
	if (c->engine)
		cl_engine_free(c->engine);
	free(c);
}

int
mail_clam_scan(struct mail_clam *c, const void *data, size_t len, char *vir, size_t n)
{
	struct cl_scan_options o = c->opts;
	const char *name = NULL;
	unsigned long scanned = 0;
	cl_fmap_t *map;
	cl_error_t e;

	if ((map = cl_fmap_open_memory(data, len)) == NULL)
		return RP_ERR_NOMEM;
	e = cl_scanmap_callback(map, NULL, &name, &scanned, c->engine, &o, NULL);
	cl_fmap_close(map);
	if (e == CL_VIRUS) {
		snprintf(vir, n, "%s", name ? name : "unknown");
		return 1;
	}
	return e == CL_CLEAN ? 0 : RP_ERR_FORMAT;
}
