/*
 * The final report of a case: summary, timeline, scope (attached results), deadlines
 * against notifications, costs and claim, root cause, lessons, actions, the journal's
 * integrity. Built once as a small document model, rendered as Markdown, printable
 * HTML or PDF, in the site's language (fr, de, en). No global state, thread-safe apart
 * from TZ (pango/cairo are used from one thread).
 */
#ifndef RP_CASE_REPORT_H
#define RP_CASE_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_case;
struct rp_claim;
struct rp_deadlines;
struct rp_ini;

/* RP_REPORT_DOC is the renderer-neutral form rp_pdf_render takes: records separated by
 * 0x1e, each a type byte (H title, h heading, p paragraph, l list item, T table head,
 * r table row) followed by cells separated by 0x1f. */
enum rp_report_format { RP_REPORT_MD, RP_REPORT_HTML, RP_REPORT_DOC };
/* The format of a report by its name: "md", "html", "pdf" (RP_REPORT_DOC), or -1. */
int rp_report_format(const char *name);

/* The languages the report is written in: "fr", "de", "en", NULL. */
extern const char *const rp_report_langs[];
/* The report's language: want (--lang) when given, else [site] language, else "en".
 * RP_ERR_INVALID when want is not one of rp_report_langs (*lang = want);
 * RP_ERR_NOTFOUND when the site's language has no report texts (*lang = "en", which
 * the caller may use after saying so). */
int rp_report_lang(const struct rp_ini *site, const char *want, const char **lang);

/* What a report is made of; all borrowed for the call. */
struct rp_report_in {
	const struct rp_case *c;
	const struct rp_deadlines *d;
	const struct rp_claim *cl;
	const struct rp_ini *site;       /* may be NULL */
	const char *data_dir;            /* the RIPOSTE_DATA override, or NULL */
	const char *lang;                /* one of rp_report_langs; NULL: en */
	int64_t now;
};
/* Appends the report to out: texts from data/report/LANG/report.ini, dates, times,
 * numbers and money as the language and the site's country write them (times local:
 * TZ). RP_ERR_INVALID for a language without texts. */
int rp_case_report(const struct rp_report_in *in, int format, struct rp_buf *out);
/* A RP_REPORT_DOC report becomes a PDF file through rp_pdf_render (case/pdf.h) with the
 * report's layout (NULL). */

#endif
