/*
 * The PDF renderer, loaded on demand: pango and cairo live in the module riposte-pdf.so
 * (lib/case/pdf.c), not in the binary, so that a command that writes no PDF (fleet
 * status, scan, watch) does not load and relocate their forty libraries at start-up.
 * The module's path is the caller's (lib/ reads no environment); RTLD_LOCAL keeps its
 * symbols to itself, RTLD_NODELETE keeps it loaded after rp_pdf_free (GLib's type
 * system and fontconfig's caches cannot be unloaded).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case/pdf-module.h"
#include "case/pdf.h"
#include "core/err.h"

int rp_report_each(const char *doc, size_t len,
    int (*fn)(char, const char **, size_t, size_t *, void *), void *ctx);

struct rp_pdf {
	void *dl;
	const struct rp_pdf_module *m;
};

/* dlerror's text without the "PATH: " it starts with (the caller quotes the path) */
static void
say(char *err, size_t errlen, const char *module, const char *msg)
{
	size_t n = strlen(module);

	if (err == NULL || errlen == 0)
		return;
	if (msg == NULL)
		msg = "unknown error";
	if (strncmp(msg, module, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ')
		msg += n + 2;
	snprintf(err, errlen, "%s", msg);
}

int
rp_pdf_open(struct rp_pdf **out, const char *module, char *err, size_t errlen)
{
	struct rp_pdf *p;
	int r;

	*out = NULL;
	if (err && errlen)
		err[0] = '\0';
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return RP_ERR_NOMEM;
	if (access(module, F_OK) != 0) {
		say(err, errlen, module, "no such file");
		r = RP_ERR_NOTFOUND;
		goto out;
	}
	if ((p->dl = dlopen(module, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE)) == NULL) {
		say(err, errlen, module, dlerror());
		r = RP_ERR_UNSUPPORTED;
		goto out;
	}
	p->m = dlsym(p->dl, RP_PDF_MODULE_SYM);
	if (p->m == NULL || p->m->abi != RP_PDF_MODULE_ABI || p->m->render == NULL ||
	    p->m->logo_check == NULL) {
		say(err, errlen, module, p->m == NULL ? "not riposte's PDF module" :
		    "the PDF module of another riposte (ABI)");
		r = RP_ERR_UNSUPPORTED;
		goto out;
	}
	*out = p;
	p = NULL;
	r = 0;
out:
	rp_pdf_free(p);
	return r;
}

void
rp_pdf_free(struct rp_pdf *pdf)
{
	if (pdf == NULL)
		return;
	if (pdf->dl)
		dlclose(pdf->dl);
	free(pdf);
}

int
rp_pdf_logo_check(const struct rp_pdf *pdf, const char *path, int *w, int *h)
{
	return pdf->m->logo_check(path, w, h);
}

int
rp_pdf_render(const struct rp_pdf *pdf, const char *path, const char *doc, size_t len,
    const struct rp_pdf_layout *lay, int *pages)
{
	return pdf->m->render(path, doc, len, lay, rp_report_each, pages);
}
