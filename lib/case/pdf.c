/* The PDF adapter: pango lays the report's (and the plan's) text out, cairo writes the
 * PDF. No pango or cairo type leaves this file. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "case/case.h"
#include "case/pdf.h"
#include "core/err.h"

int rp_report_each(const char *doc, size_t len,
    int (*fn)(char, const char **, size_t, size_t *, void *), void *ctx);

#define PAGE_W  595.0     /* A4 in points */
#define PAGE_H  842.0
#define NFONTS  5

struct pdf {
	cairo_t *cr;
	double y;
	int page;
	double margin, body_w;
	double scale;                           /* of the type and the spacing */
	PangoFontDescription *fonts[NFONTS];    /* title, heading, body, table, command */
};
#define MARGIN (p->margin)
#define BODY_W (p->body_w)

static void
page_break(struct pdf *p, double need)
{
	if (p->y + need <= PAGE_H - MARGIN)
		return;
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN;
}

static PangoLayout *
layout(struct pdf *p, int font, double width, const char *markup, const char *text)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);

	pango_layout_set_font_description(l, p->fonts[font]);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (markup)
		pango_layout_set_markup(l, markup, -1);
	else
		pango_layout_set_text(l, text, -1);
	return l;
}

static double
height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_pixel_size(l, &w, &h);
	return h;
}

static void
draw(struct pdf *p, PangoLayout *l, double x)
{
	cairo_move_to(p->cr, x, p->y);
	pango_cairo_show_layout(p->cr, l);
}

static int
pdf_rec(char type, const char **cells, size_t n, size_t *lens, void *ctx)
{
	struct pdf *p = ctx;
	PangoLayout *l, *ls[8];
	double h = 0, colw;
	size_t i;
	char *m;

	switch (type) {
	case 'H':
	case 'h':
		l = layout(p, type == 'H' ? 0 : 1, BODY_W, NULL, n ? cells[0] : "");
		h = height(l);
		p->y += type == 'H' ? 0 : 10 * p->scale;
		page_break(p, h + 40 * p->scale);         /* keep a heading with what follows */
		draw(p, l, MARGIN);
		p->y += h + 2;
		cairo_set_line_width(p->cr, type == 'H' ? 1.5 : 0.6);
		cairo_move_to(p->cr, MARGIN, p->y);
		cairo_line_to(p->cr, PAGE_W - MARGIN, p->y);
		cairo_stroke(p->cr);
		p->y += 6 * p->scale;
		g_object_unref(l);
		break;
	case 'p':
	case 'l':
		if (type == 'l' && n > 1)
			m = g_markup_printf_escaped("• <b>%s</b> %s", cells[0], cells[1]);
		else
			m = g_markup_printf_escaped(type == 'l' ? "• %s" : "%s", n ? cells[0] : "");
		l = layout(p, 2, BODY_W, m, NULL);
		g_free(m);
		h = height(l);
		page_break(p, h);
		draw(p, l, MARGIN);
		p->y += h + (type == 'p' ? 6 : 2) * p->scale;
		g_object_unref(l);
		break;
	case 'c':                                  /* a command, under its list item */
		l = layout(p, 4, BODY_W - 24, NULL, n ? cells[0] : "");
		h = height(l);
		page_break(p, h);
		cairo_save(p->cr);
		cairo_set_source_rgb(p->cr, 0.93, 0.93, 0.93);
		cairo_rectangle(p->cr, MARGIN + 10, p->y - 1, BODY_W - 10, h + 2);
		cairo_fill(p->cr);
		cairo_restore(p->cr);
		draw(p, l, MARGIN + 14);
		p->y += h + 3 * p->scale;
		g_object_unref(l);
		break;
	case 'T':
	case 'r':
		if (n == 0 || n > 8)
			break;
		colw = BODY_W / (double)n;
		for (i = 0; i < n; i++) {
			if (type == 'T') {
				m = g_markup_printf_escaped("<b>%s</b>", cells[i]);
				ls[i] = layout(p, 3, colw - 6, m, NULL);
				g_free(m);
			} else {
				ls[i] = layout(p, 3, colw - 6, NULL, cells[i]);
			}
			if (height(ls[i]) > h)
				h = height(ls[i]);
		}
		page_break(p, h + 4);
		cairo_set_line_width(p->cr, 0.4);
		for (i = 0; i < n; i++) {
			cairo_rectangle(p->cr, MARGIN + colw * (double)i, p->y, colw, h + 4);
			cairo_stroke(p->cr);
			p->y += 2;
			draw(p, ls[i], MARGIN + colw * (double)i + 3);
			p->y -= 2;
			g_object_unref(ls[i]);
		}
		p->y += h + 4;
		if (type == 'r' && p->y > PAGE_H - MARGIN - 2)
			page_break(p, PAGE_H);
		break;
	}
	(void)lens;
	return 0;
}

/* Lays doc out on a PDF surface at scale; *pages gets the count. out NULL: measure only
 * (the same PDF surface type, so that the metrics are the ones of the real file). */
static int
lay_out(cairo_surface_t *s, const char *doc, size_t len, double scale, double margin,
    int *pages)
{
	static const struct { const char *family; double size; } fontspec[NFONTS] = {
		{ "DejaVu Sans Bold", 18 }, { "DejaVu Sans Bold", 13 }, { "DejaVu Sans", 10 },
		{ "DejaVu Sans", 8 }, { "DejaVu Sans Mono", 8.5 },
	};
	struct pdf p = { NULL, margin, 1, margin, PAGE_W - 2 * margin, scale, { NULL } };
	int r, i;

	p.cr = cairo_create(s);
	for (i = 0; i < NFONTS; i++) {
		p.fonts[i] = pango_font_description_from_string(fontspec[i].family);
		pango_font_description_set_size(p.fonts[i],
		    (gint)(fontspec[i].size * scale * PANGO_SCALE));
	}
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	r = rp_report_each(doc, len, pdf_rec, &p);
	cairo_show_page(p.cr);
	*pages = p.page;
	for (i = 0; i < NFONTS; i++)
		pango_font_description_free(p.fonts[i]);
	if (r == 0 && cairo_status(p.cr) != CAIRO_STATUS_SUCCESS)
		r = RP_ERR_SYSTEM;
	cairo_destroy(p.cr);
	return r;
}

int
rp_pdf_render(const char *path, const char *doc, size_t len,
    const struct rp_pdf_layout *lay, int *pages)
{
	double scale = 1.0, margin = lay && lay->margin > 0 ? lay->margin : 50.0;
	cairo_surface_t *s = NULL;
	char tmp[4096];
	int r = RP_ERR_INTERNAL, n = 0;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid()) >= sizeof(tmp))
		return RP_ERR_TOOBIG;
	/* one page (the plan on the wall): measure, and make the type smaller until it fits */
	while (lay && lay->max_pages > 0) {
		s = cairo_pdf_surface_create_for_stream(NULL, NULL, PAGE_W, PAGE_H);
		r = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS ?
		    lay_out(s, doc, len, scale, margin, &n) : RP_ERR_SYSTEM;
		cairo_surface_destroy(s);
		s = NULL;
		if (r != 0)
			return r;
		if (n <= lay->max_pages)
			break;
		if ((scale *= 0.95) < 0.55)
			return RP_ERR_TOOBIG;
	}
	s = cairo_pdf_surface_create(tmp, PAGE_W, PAGE_H);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "riposte");
	if (lay && lay->title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, lay->title);
	if ((r = lay_out(s, doc, len, scale, margin, &n)) != 0)
		goto out;
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	cairo_surface_destroy(s);
	s = NULL;
	if (rename(tmp, path) != 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if (pages)
		*pages = n;
	r = 0;
out:
	if (s)
		cairo_surface_destroy(s);
	if (r != 0)
		unlink(tmp);
	return r;
}

int
rp_pdf_write(const char *path, const char *doc, size_t len)
{
	return rp_pdf_render(path, doc, len, NULL, NULL);
}
