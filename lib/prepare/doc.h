/*
 * The small document model of the pages riposte prints for people (the emergency
 * plan; the case report writes the same records, lib/case/report.c), and its renderers
 * as plain text, Markdown and self-contained printable HTML. PDF: rp_pdf_render
 * (lib/case/pdf.h), the one pango/cairo adapter.
 *
 * A document is bytes: records separated by 0x1e, each a type byte followed by cells,
 * each cell introduced by 0x1f. Types:
 *   H  the title            h  a heading            p  a paragraph
 *   l  a list item: one cell (text) or two (a bold label, then the text)
 *   c  a command line to type (monospace; belongs to the list item before it)
 *   b  a highlighted box: one cell, what a page must not let anyone miss
 *   T  a table's head       r  a table row (at most 8 cells)
 * Cells are UTF-8 text as given; each renderer escapes them for its format (text:
 * rp_esc_text, Markdown: rp_esc_md, HTML: rp_esc_html). Thread-safe; no global state.
 */
#ifndef RP_DOC_H
#define RP_DOC_H

#include <stddef.h>

#include "core/buf.h"

#define RP_DOC_MAXCELLS 8

/* Appends a record of type with n cells (const char *; NULL is an empty cell). The
 * separator bytes and newlines inside a cell become spaces. */
int rp_doc_add(struct rp_buf *doc, char type, int n, ...);

/* Calls fn for every record in order, with its cells as NUL-terminated strings valid
 * during the call. A non-zero return of fn stops the walk and is returned. */
int rp_doc_each(const char *doc, size_t len,
    int (*fn)(char type, const char *const *cells, size_t n, void *ctx), void *ctx);

/*
 * out = tmpl with its {{name}} placeholders filled from the NULL-terminated name/value
 * pairs that follow (a NULL value is ""). Values go in as they are: the renderers
 * escape them. An unknown placeholder stays as written, so that a typo in the data
 * shows. out is reset first.
 */
int rp_doc_fill(struct rp_buf *out, const char *tmpl, ...);

enum rp_doc_format { RP_DOC_TEXT, RP_DOC_MD, RP_DOC_HTML };
/* Renders doc into out. Text is wrapped at 78 columns (tables too: long cells wrap
 * inside their column). lang ("de") goes into HTML's lang attribute; the HTML page has
 * its style inline and no external resource, and prints on A4. */
int rp_doc_render(const char *doc, size_t len, int format, const char *lang,
    struct rp_buf *out);

#endif
