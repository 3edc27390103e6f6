/*
 * The PDF adapter (pango lays text out, cairo writes the PDF; no pango or cairo type
 * leaves lib/case/pdf.c). It lays out the renderer-neutral document of the case report
 * (RP_REPORT_DOC, see case.h) and of the emergency plan (lib/prepare/doc.h: the same
 * records, plus 'c' for a command line) on A4 pages.
 */
#ifndef RP_PDF_H
#define RP_PDF_H

#include <stddef.h>

struct rp_pdf_layout {
	int max_pages;          /* 0: as many pages as the text needs; else the type is made
	                         * smaller (not below 55 %) until it fits, RP_ERR_TOOBIG when
	                         * it cannot */
	double margin;          /* in points; 0: the default, 50 */
	const char *title;      /* the PDF's title (metadata), or NULL */
};

/* Writes doc as a PDF file at path (beside it first, then renamed into place). lay may
 * be NULL (the report's layout). *pages (optional) gets the number of pages written.
 * Not thread-safe (fontconfig's cache is process-wide). */
int rp_pdf_render(const char *path, const char *doc, size_t len,
    const struct rp_pdf_layout *lay, int *pages);

#endif
