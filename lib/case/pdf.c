/* The PDF adapter: pango lays the report's (and the plan's) text out, cairo writes the
 * PDF. No pango or cairo type leaves this file. It is built apart, as the module
 * riposte-pdf.so (Makefile), and loaded by lib/case/pdfload.c only when a command
 * writes a PDF: pango and cairo pull some forty libraries (X11, fontconfig, harfbuzz)
 * whose loading every other command paid for at start-up. Its one exported symbol is
 * rp_pdf_module_v1 (pdf-module.h); everything else is hidden (-fvisibility=hidden). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "case/case.h"
#include "case/pdf-module.h"
#include "case/pdf.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/file.h"

#define A4_W    595.0     /* A4 in points */
#define A4_H    842.0
#define NFONTS  5
#define LOGO_MAX_BYTES (4 << 20)
#define LOGO_MAX_PX    4096

struct pdf {
	cairo_t *cr;
	double y;
	int page;
	double margin, body_w;
	double scale;                           /* of the type and the spacing */
	PangoFontDescription *fonts[NFONTS];    /* title, heading, body, table, command */
	double page_w, page_h;
	const struct rp_pdf_layout *lay;        /* NULL: the report's look */
	double rgb[3];                          /* the brand's colour */
	cairo_surface_t *logo;                  /* or NULL */
};
#define MARGIN (p->margin)
#define BODY_W (p->body_w)
#define PAGE_W (p->page_w)
#define PAGE_H (p->page_h)
#define BRANDED (p->lay && p->lay->branded)

/* ---- the logo: a PNG read into memory with a bound, then decoded by cairo ---- */

struct png_src {
	const unsigned char *b;
	size_t len, pos;
};

static cairo_status_t
png_read(void *ctx, unsigned char *data, unsigned int n)
{
	struct png_src *s = ctx;

	if (s->len - s->pos < n)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(data, s->b + s->pos, n);
	s->pos += n;
	return CAIRO_STATUS_SUCCESS;
}

static int
logo_load(const char *path, cairo_surface_t **out)
{
	struct rp_buf b = RP_BUF_INIT;
	struct png_src src;
	cairo_surface_t *s;
	unsigned long w, h;
	int r;

	*out = NULL;
	if ((r = rp_file_read_all(AT_FDCWD, path, &b, LOGO_MAX_BYTES)) != 0) {
		rp_buf_release(&b);
		return r == RP_ERR_SYSTEM ? RP_ERR_NOTFOUND : r;
	}
	/* the signature, then IHDR's width and height: refuse a huge image before cairo
	 * allocates its pixels */
	if (b.len < 24 || memcmp(b.buf, "\x89PNG\r\n\x1a\n", 8) != 0 ||
	    memcmp(b.buf + 12, "IHDR", 4) != 0) {
		rp_buf_release(&b);
		return RP_ERR_FORMAT;
	}
	w = (unsigned long)(unsigned char)b.buf[16] << 24 | (unsigned long)(unsigned char)b.buf[17] << 16 |
	    (unsigned long)(unsigned char)b.buf[18] << 8 | (unsigned char)b.buf[19];
	h = (unsigned long)(unsigned char)b.buf[20] << 24 | (unsigned long)(unsigned char)b.buf[21] << 16 |
	    (unsigned long)(unsigned char)b.buf[22] << 8 | (unsigned char)b.buf[23];
	if (w == 0 || h == 0 || w > LOGO_MAX_PX || h > LOGO_MAX_PX) {
		rp_buf_release(&b);
		return w && h ? RP_ERR_TOOBIG : RP_ERR_FORMAT;
	}
	src.b = (const unsigned char *)b.buf;
	src.len = b.len;
	src.pos = 0;
	s = cairo_image_surface_create_from_png_stream(png_read, &src);
	rp_buf_release(&b);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return RP_ERR_FORMAT;
	}
	*out = s;
	return 0;
}

static int
logo_check(const char *path, int *w, int *h)
{
	cairo_surface_t *s;
	int r;

	if ((r = logo_load(path, &s)) != 0)
		return r;
	if (w)
		*w = cairo_image_surface_get_width(s);
	if (h)
		*h = cairo_image_surface_get_height(s);
	cairo_surface_destroy(s);
	return 0;
}

/* ---- the page ---- */

static double
luminance(const double *c)
{
	return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* The brand's colour, or a darker one when it is too light to read as text. */
static void
set_ink(struct pdf *p)
{
	double k = luminance(p->rgb) > 0.6 ? 0.55 : 1.0;

	cairo_set_source_rgb(p->cr, p->rgb[0] * k, p->rgb[1] * k, p->rgb[2] * k);
}

/* The brand's colour mixed with white: a background. */
static void
set_tint(struct pdf *p, double amount)
{
	cairo_set_source_rgb(p->cr, 1 - (1 - p->rgb[0]) * amount, 1 - (1 - p->rgb[1]) * amount,
	    1 - (1 - p->rgb[2]) * amount);
}

static PangoLayout *layout(struct pdf *p, int font, double width, const char *markup,
    const char *text);
static double height(PangoLayout *l);

static void
footer(struct pdf *p)
{
	PangoLayout *l;

	if (!BRANDED || p->lay->footer == NULL)
		return;
	l = layout(p, 3, BODY_W, NULL, p->lay->footer);
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 0.35, 0.35, 0.35);
	cairo_move_to(p->cr, MARGIN, PAGE_H - MARGIN * 0.55 - height(l) / 2);
	pango_cairo_show_layout(p->cr, l);
	cairo_restore(p->cr);
	g_object_unref(l);
}

static void
page_break(struct pdf *p, double need)
{
	if (p->y + need <= PAGE_H - MARGIN)
		return;
	footer(p);
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

/* The title on a band of the brand's colour across the top of the page, white (or
 * dark, on a light colour) type, the logo at its right end. */
static void
title_band(struct pdf *p, const char *title)
{
	double pad = 14 * p->scale, lw = 0, lh = 0, top, band, h, k = 1;
	PangoLayout *l;

	if (p->logo) {
		double w = cairo_image_surface_get_width(p->logo);

		lh = cairo_image_surface_get_height(p->logo);
		/* at most a third of the width and 70 points high (scaled) */
		k = 70 * p->scale / lh;
		if (w * k > BODY_W / 3)
			k = BODY_W / 3 / w;
		lw = w * k;
		lh *= k;
	}
	l = layout(p, 0, BODY_W - (lw ? lw + pad : 0), NULL, title);
	h = height(l);
	band = (h > lh ? h : lh) + 2 * pad;
	top = p->y <= MARGIN + 1 ? 0 : p->y;          /* the first record bleeds to the edge */
	if (top)
		page_break(p, band);
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, p->rgb[0], p->rgb[1], p->rgb[2]);
	cairo_rectangle(p->cr, 0, top, PAGE_W, band + (top ? 0 : MARGIN * 0.4));
	cairo_fill(p->cr);
	if (luminance(p->rgb) > 0.6)
		cairo_set_source_rgb(p->cr, 0.1, 0.1, 0.1);
	else
		cairo_set_source_rgb(p->cr, 1, 1, 1);
	cairo_move_to(p->cr, MARGIN, top + (top ? 0 : MARGIN * 0.4) + (band - h) / 2);
	pango_cairo_show_layout(p->cr, l);
	if (p->logo) {
		cairo_translate(p->cr, PAGE_W - MARGIN - lw, top + (top ? 0 : MARGIN * 0.4) +
		    (band - lh) / 2);
		cairo_scale(p->cr, k, k);
		cairo_set_source_surface(p->cr, p->logo, 0, 0);
		cairo_paint(p->cr);
	}
	cairo_restore(p->cr);
	g_object_unref(l);
	p->y = top + band + (top ? 0 : MARGIN * 0.4) + 12 * p->scale;
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
		if (!BRANDED)
			goto heading;
		title_band(p, n ? cells[0] : "");
		break;
	case 'h':
	heading:
		l = layout(p, type == 'H' ? 0 : 1, BODY_W, NULL, n ? cells[0] : "");
		h = height(l);
		p->y += type == 'H' ? 0 : 10 * p->scale;
		page_break(p, h + 40 * p->scale);         /* keep a heading with what follows */
		cairo_save(p->cr);
		if (BRANDED)
			set_ink(p);
		draw(p, l, MARGIN);
		p->y += h + 2;
		cairo_set_line_width(p->cr, type == 'H' ? 1.5 : BRANDED ? 1.2 : 0.6);
		cairo_move_to(p->cr, MARGIN, p->y);
		cairo_line_to(p->cr, PAGE_W - MARGIN, p->y);
		cairo_stroke(p->cr);
		cairo_restore(p->cr);
		p->y += 6 * p->scale;
		g_object_unref(l);
		break;
	case 'b':                                  /* a highlighted box */
		m = g_markup_printf_escaped("<b>%s</b>", n ? cells[0] : "");
		l = layout(p, 2, BODY_W - 24 * p->scale, m, NULL);
		g_free(m);
		h = height(l) + 16 * p->scale;
		p->y += 4 * p->scale;
		page_break(p, h);
		cairo_save(p->cr);
		if (BRANDED)
			set_tint(p, 0.18);
		else
			cairo_set_source_rgb(p->cr, 0.92, 0.92, 0.92);
		cairo_rectangle(p->cr, MARGIN, p->y, BODY_W, h);
		cairo_fill(p->cr);
		if (BRANDED)
			set_ink(p);
		else
			cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
		cairo_rectangle(p->cr, MARGIN, p->y, 5 * p->scale, h);
		cairo_fill(p->cr);
		cairo_restore(p->cr);
		p->y += 8 * p->scale;
		draw(p, l, MARGIN + 16 * p->scale);
		p->y += h - 2 * p->scale;
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
		if (type == 'T' && BRANDED) {
			cairo_save(p->cr);
			set_tint(p, 0.25);
			cairo_rectangle(p->cr, MARGIN, p->y, BODY_W, h + 4);
			cairo_fill(p->cr);
			cairo_restore(p->cr);
		}
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
    const struct rp_pdf_layout *lay, rp_pdf_each_fn each, int *pages)
{
	static const struct { const char *family; double size; } fontspec[NFONTS] = {
		{ "DejaVu Sans Bold", 18 }, { "DejaVu Sans Bold", 13 }, { "DejaVu Sans", 10 },
		{ "DejaVu Sans", 8 }, { "DejaVu Sans Mono", 8.5 },
	};
	struct pdf p = { NULL, margin, 1, margin, 0, scale, { NULL }, A4_W, A4_H, lay, { 0, 0, 0 },
		NULL };
	int r, i;

	if (lay && lay->page_w > 0 && lay->page_h > 0) {
		p.page_w = lay->page_w;
		p.page_h = lay->page_h;
	}
	p.body_w = p.page_w - 2 * margin;
	if (lay && lay->branded) {
		p.rgb[0] = ((lay->color >> 16) & 0xff) / 255.0;
		p.rgb[1] = ((lay->color >> 8) & 0xff) / 255.0;
		p.rgb[2] = (lay->color & 0xff) / 255.0;
		if (lay->logo && (r = logo_load(lay->logo, &p.logo)) != 0)
			return r;
	}
	p.cr = cairo_create(s);
	for (i = 0; i < NFONTS; i++) {
		p.fonts[i] = pango_font_description_from_string(fontspec[i].family);
		pango_font_description_set_size(p.fonts[i],
		    (gint)(fontspec[i].size * scale * PANGO_SCALE));
	}
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	r = each(doc, len, pdf_rec, &p);
	footer(&p);
	cairo_show_page(p.cr);
	*pages = p.page;
	for (i = 0; i < NFONTS; i++)
		pango_font_description_free(p.fonts[i]);
	if (r == 0 && cairo_status(p.cr) != CAIRO_STATUS_SUCCESS)
		r = RP_ERR_SYSTEM;
	cairo_destroy(p.cr);
	if (p.logo)
		cairo_surface_destroy(p.logo);
	return r;
}

static int
render(const char *path, const char *doc, size_t len, const struct rp_pdf_layout *lay,
    rp_pdf_each_fn each, int *pages)
{
	double scale = lay && lay->scale > 0 ? lay->scale : 1.0;
	double margin = lay && lay->margin > 0 ? lay->margin : 50.0;
	double pw = lay && lay->page_w > 0 && lay->page_h > 0 ? lay->page_w : A4_W;
	double ph = lay && lay->page_w > 0 && lay->page_h > 0 ? lay->page_h : A4_H;
	double floor_ = scale * 0.55;
	cairo_surface_t *s = NULL;
	char tmp[4096];
	int r = RP_ERR_INTERNAL, n = 0;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid()) >= sizeof(tmp))
		return RP_ERR_TOOBIG;
	/* one page (the plan on the wall): measure, and make the type smaller until it fits */
	while (lay && lay->max_pages > 0) {
		s = cairo_pdf_surface_create_for_stream(NULL, NULL, pw, ph);
		r = cairo_surface_status(s) == CAIRO_STATUS_SUCCESS ?
		    lay_out(s, doc, len, scale, margin, lay, each, &n) : RP_ERR_SYSTEM;
		cairo_surface_destroy(s);
		s = NULL;
		if (r != 0)
			return r;
		if (n <= lay->max_pages)
			break;
		if ((scale *= 0.95) < floor_)
			return RP_ERR_TOOBIG;
	}
	s = cairo_pdf_surface_create(tmp, pw, ph);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "riposte");
	if (lay && lay->title)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, lay->title);
	if ((r = lay_out(s, doc, len, scale, margin, lay, each, &n)) != 0)
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

__attribute__((visibility("default"))) extern const struct rp_pdf_module rp_pdf_module_v1;
const struct rp_pdf_module rp_pdf_module_v1 = {
	.abi = RP_PDF_MODULE_ABI,
	.logo_check = logo_check,
	.render = render,
};
