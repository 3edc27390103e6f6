/* The PDF adapter: pango lays the report's text out, cairo writes the PDF. No pango
 * or cairo type leaves this file. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "case/case.h"
#include "core/err.h"

int rp_report_each(const char *doc, size_t len,
    int (*fn)(char, const char **, size_t, size_t *, void *), void *ctx);

#define PAGE_W  595.0     /* A4 in points */
#define PAGE_H  842.0
#define MARGIN  50.0
#define BODY_W  (PAGE_W - 2 * MARGIN)

struct pdf {
	cairo_t *cr;
	double y;
	int page;
	PangoFontDescription *fonts[4];   /* title, heading, body, table */
};

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
		p->y += type == 'H' ? 0 : 10;
		page_break(p, h + 40);         /* keep a heading with what follows */
		draw(p, l, MARGIN);
		p->y += h + 2;
		cairo_set_line_width(p->cr, type == 'H' ? 1.5 : 0.6);
		cairo_move_to(p->cr, MARGIN, p->y);
		cairo_line_to(p->cr, PAGE_W - MARGIN, p->y);
		cairo_stroke(p->cr);
		p->y += 6;
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
		p->y += h + (type == 'p' ? 6 : 2);
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

int
rp_pdf_write(const char *path, const char *doc, size_t len)
{
	static const char *const fontnames[4] = {
		"DejaVu Sans Bold 18", "DejaVu Sans Bold 13", "DejaVu Sans 10", "DejaVu Sans 8",
	};
	struct pdf p = { NULL, MARGIN, 1, { NULL } };
	cairo_surface_t *s = NULL;
	char tmp[4096];
	int r = RP_ERR_INTERNAL, i;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid()) >= sizeof(tmp))
		return RP_ERR_TOOBIG;
	s = cairo_pdf_surface_create(tmp, PAGE_W, PAGE_H);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "riposte");
	p.cr = cairo_create(s);
	for (i = 0; i < 4; i++)
		p.fonts[i] = pango_font_description_from_string(fontnames[i]);
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	if ((r = rp_report_each(doc, len, pdf_rec, &p)) != 0)
		goto out;
	cairo_show_page(p.cr);
	cairo_destroy(p.cr);
	p.cr = NULL;
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
	r = 0;
out:
	for (i = 0; i < 4; i++)
		if (p.fonts[i])
			pango_font_description_free(p.fonts[i]);
	if (p.cr)
		cairo_destroy(p.cr);
	if (s)
		cairo_surface_destroy(s);
	if (r != 0)
		unlink(tmp);
	return r;
}
