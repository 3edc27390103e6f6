/*
 * The emergency plan (`riposte plan`): the one page a practice prints and pins next to
 * the phone, made from the site profile (riposte.conf) in the site's language. In
 * order: whom to call (IT provider, the insurer's hotline with the policy number, the
 * data-protection officer or lawyer, the police, the regulator, the bank), each with
 * phone, e-mail and the day it was verified (stale ones marked, as `site check` finds
 * them: rp_site_check); the first hour, with the riposte command of each step; what to
 * do when a client says we sent a virus; the legal clocks that start at awareness for
 * this site (the case's own deadline evaluation, rp_deadlines_compute, over
 * data/obligations/obligations.ini); where the backups are and when they were checked.
 *
 * The texts are data (data/plan/LANG/plan.ini); dates as the locale writes them
 * (lib/core/l10n.h), in local time (the CLI sets TZ to the site's zone). The result is
 * a document of lib/prepare/doc.h, rendered as text, Markdown, HTML or (one A4 page)
 * PDF by the caller. Thread-safe apart from TZ; no global state.
 */
#ifndef RP_PLAN_H
#define RP_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_ini;

/* The languages the plan is written in. */
extern const char *const rp_plan_langs[];       /* "fr", "de", "en", "it", NULL */

/* The plan's language: want (--lang) when given, else [site] language, else "en".
 * RP_ERR_INVALID when want (or, without want, the site's language) is not one of
 * rp_plan_langs; *lang then names the bad value. */
int rp_plan_lang(const struct rp_ini *site, const char *want, const char **lang);

struct rp_plan_info {
	char lang[3];            /* the language written */
	size_t issues;           /* what `site check` finds: missing, stale or invalid */
	size_t stale;            /* of which contacts verified more than a year ago */
	size_t clocks;           /* legal clocks listed */
	char title[256];         /* the document's title (for the PDF's metadata) */
};

/*
 * Appends the plan, as a document (doc.h), to doc. texts is the parsed
 * data/plan/LANG/plan.ini, texts_en the English one (a key missing in texts is taken
 * from it; it may be texts itself); obligations is the text of obligations.ini; now is
 * the time the plan is made. info (optional) says what went in.
 */
int rp_plan_build(const struct rp_ini *site, const struct rp_ini *texts,
    const struct rp_ini *texts_en, const char *obligations, size_t olen, const char *lang,
    int64_t now, struct rp_buf *doc, struct rp_plan_info *info);

/* The same, with the texts and obligations loaded from riposte's data (data_dir: a
 * directory searched first, RIPOSTE_DATA, or NULL). */
int rp_plan_make(const struct rp_ini *site, const char *data_dir, const char *lang,
    int64_t now, struct rp_buf *doc, struct rp_plan_info *info);

#endif
