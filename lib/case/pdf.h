/*
 * The PDF adapter (pango lays text out, cairo writes the PDF; no pango or cairo type
 * leaves lib/case/pdf.c, which is built as the module riposte-pdf.so and loaded by
 * rp_pdf_open only by the commands that write a PDF). It lays out the renderer-neutral document of the case report
 * (RP_REPORT_DOC, see case.h), of the emergency plan, the drills' lessons learned and
 * the awareness kit (lib/prepare/doc.h: the same records, plus 'c' for a command line
 * and 'b' for a highlighted box) on A4 pages, or on the page the layout asks for.
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
	/* the awareness kit's look (all zero: the report's) */
	double page_w, page_h;  /* the page in points (A3: 842 x 1191); 0: A4 */
	double scale;           /* the type's size, 1 the report's (the poster: 2); 0: 1 */
	int branded;            /* 1: the title on a band of colour, headings and table
	                         * heads in that colour, the footer on every page */
	unsigned color;         /* the brand's colour, 0xRRGGBB */
	const char *logo;       /* a PNG file painted at the band's right end, or NULL
	                         * (check it first with rp_pdf_logo_check) */
	const char *footer;     /* a line at the foot of every page, or NULL */
};

struct rp_pdf;                  /* the renderer, loaded */

/*
 * Loads the renderer from the module file at module (the caller says where: src/
 * looks beside the executable, then in the installed module directory). *out gets it
 * (the caller's: rp_pdf_free). 0; RP_ERR_NOTFOUND when there is no such file,
 * RP_ERR_UNSUPPORTED when it does not load (a library it needs is missing) or is not
 * the PDF module of this riposte; err (optional, errlen bytes) then gets the dynamic
 * loader's words, without the path. Not thread-safe (dlerror).
 */
int rp_pdf_open(struct rp_pdf **out, const char *module, char *err, size_t errlen);

/* Accepts NULL. The libraries stay loaded (fontconfig and GLib cannot be unloaded). */
void rp_pdf_free(struct rp_pdf *pdf);

/* Whether path is a PNG that can be painted as a logo (at most 4 MiB and 4096 x 4096
 * pixels): 0, RP_ERR_NOTFOUND, RP_ERR_TOOBIG, or RP_ERR_FORMAT (not a PNG cairo reads).
 * *w, *h (optional) get its size in pixels. */
int rp_pdf_logo_check(const struct rp_pdf *pdf, const char *path, int *w, int *h);

/* Writes doc as a PDF file at path (beside it first, then renamed into place). lay may
 * be NULL (the report's layout). *pages (optional) gets the number of pages written.
 * Not thread-safe (fontconfig's cache is process-wide). */
int rp_pdf_render(const struct rp_pdf *pdf, const char *path, const char *doc, size_t len,
    const struct rp_pdf_layout *lay, int *pages);

#endif
