/*
 * Between the PDF loader (lib/case/pdfload.c, in the binary) and the PDF module
 * (lib/case/pdf.c, built as riposte-pdf.so): the module's one exported symbol,
 * RP_PDF_MODULE_SYM, is a struct rp_pdf_module. Only these two files include this.
 * A change of the struct or of a function's meaning is a new ABI number: a module of
 * another build is then refused, never called.
 */
#ifndef RP_PDF_MODULE_H
#define RP_PDF_MODULE_H

#include <stddef.h>

#include "case/pdf.h"

#define RP_PDF_MODULE_ABI 1
#define RP_PDF_MODULE_SYM "rp_pdf_module_v1"

/* rp_report_each (lib/case/report.c): the binary hands its own in, so that the module
 * holds only the renderer */
typedef int (*rp_pdf_each_fn)(const char *doc, size_t len,
    int (*fn)(char, const char **, size_t, size_t *, void *), void *ctx);

struct rp_pdf_module {
	int abi;                /* RP_PDF_MODULE_ABI */
	/* rp_pdf_logo_check's and rp_pdf_render's work (pdf.h) */
	int (*logo_check)(const char *path, int *w, int *h);
	int (*render)(const char *path, const char *doc, size_t len,
	    const struct rp_pdf_layout *lay, rp_pdf_each_fn each, int *pages);
};

#endif
