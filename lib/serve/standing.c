/*
 * The phase of the response and the checklist, from the journal (see standing.h).
 *
 * How the phase is derived: every journal entry a tool or a person records is evidence
 * that the response has reached some phase (the table below: a scan or an alert of
 * watch is detection, isolate is containment, collect, exfil, a fact or an IOC are
 * investigation, a notification sent is notification, a restore checked against the
 * baseline is recovery, a lesson or the closing is the close); a checklist tick is
 * evidence of its item's phase. The case's phase is the furthest phase with evidence.
 * Real responses overlap (one investigates while the letters go out), so the phase is
 * not a state machine: it says how far the response has got, and the page shows the
 * unfinished items of the earlier phases beside it. Notes, costs and register changes
 * are evidence of nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "case/journal.h"
#include "core/err.h"
#include "core/json.h"
#include "serve/standing.h"

static const char *const phase_names[RP_PHASE_N] = {
	"detect", "contain", "investigate", "notify", "recover", "close",
};

static const struct {
	const char *kind;
	int phase;
} kind_phase[] = {
	{ "open",          RP_PHASE_DETECT },
	{ "scan",          RP_PHASE_DETECT },
	{ "watch",         RP_PHASE_DETECT },
	{ "isolate",       RP_PHASE_CONTAIN },
	{ "collect",       RP_PHASE_INVESTIGATE },
	{ "exfil",         RP_PHASE_INVESTIGATE },
	{ "timeline",      RP_PHASE_INVESTIGATE },
	{ "diff",          RP_PHASE_INVESTIGATE },
	{ "fact",          RP_PHASE_INVESTIGATE },
	{ "ioc",           RP_PHASE_INVESTIGATE },
	{ "root-cause",    RP_PHASE_INVESTIGATE },
	{ "attach",        RP_PHASE_INVESTIGATE },   /* but see attach_phase */
	{ "notify",        RP_PHASE_NOTIFY },
	{ "restore-check", RP_PHASE_RECOVER },
	{ "lesson",        RP_PHASE_CLOSE },
	{ "action",        RP_PHASE_CLOSE },
	{ "close",         RP_PHASE_CLOSE },
};

const char *
rp_phase_name(int phase)
{
	return phase >= 0 && phase < RP_PHASE_N ? phase_names[phase] : "?";
}

int
rp_phase_lookup(const char *name)
{
	int i;

	for (i = 0; i < RP_PHASE_N; i++)
		if (strcmp(phase_names[i], name) == 0)
			return i;
	return -1;
}

void
rp_standing_release(struct rp_standing *p)
{
	size_t i, j;

	for (i = 0; i < p->nitems; i++) {
		free(p->items[i].id);
		for (j = 0; j < p->items[i].ndone_by; j++)
			free(p->items[i].done_by[j]);
		free(p->items[i].actor);
		free(p->items[i].kind);
	}
	free(p->phase_text);
	memset(p, 0, sizeof(*p));
}

int
rp_standing_item(const struct rp_standing *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->nitems; i++)
		if (strcmp(p->items[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* "isolate, notify:insurer" into the item's done_by. */
static int
parse_done_by(struct rp_check_item *it, const char *v)
{
	const char *p = v, *end;
	size_t len;

	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		for (end = p; *end && *end != ',' && *end != ' '; end++)
			;
		len = (size_t)(end - p);
		if (it->ndone_by >= RP_CHECK_MAX_DONE_BY)
			return RP_ERR_TOOBIG;
		if ((it->done_by[it->ndone_by] = strndup(p, len)) == NULL)
			return RP_ERR_NOMEM;
		it->ndone_by++;
		p = end;
	}
	return 0;
}

int
rp_standing_init(struct rp_standing *p, const char *ini, size_t len)
{
	struct rp_ini *d = NULL;
	const char *sec, *v;
	size_t i;
	int r, line, ph;

	memset(p, 0, sizeof(*p));
	if ((r = rp_ini_parse(ini, len, &d, &line)) != 0)
		return r;
	for (i = 0; i < rp_ini_nsections(d); i++) {
		sec = rp_ini_section(d, i);
		if (strncmp(sec, "item ", 5) != 0 || sec[5] == '\0')
			continue;
		if (p->nitems >= RP_CHECK_MAX_ITEMS) {
			r = RP_ERR_TOOBIG;
			goto out;
		}
		if ((v = rp_ini_section_get(d, i, "phase")) == NULL || (ph = rp_phase_lookup(v)) < 0) {
			r = RP_ERR_FORMAT;
			goto out;
		}
		p->items[p->nitems].phase = ph;
		if ((p->items[p->nitems++].id = strdup(sec + 5)) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		if ((v = rp_ini_section_get(d, i, "done-by")) != NULL &&
		    (r = parse_done_by(&p->items[p->nitems - 1], v)) != 0)
			goto out;
	}
	r = 0;
out:
	rp_ini_free(d);
	if (r != 0)
		rp_standing_release(p);
	return r;
}

/* The phase an attached result stands for: a scan's or watch's is detection, a
 * restore check's recovery, anything else investigation. */
static int
attach_phase(const struct rp_jv *data)
{
	const char *src = rp_jv_str(rp_jv_get(data, "source"));

	if (src && (strcmp(src, "scan") == 0 || strcmp(src, "watch") == 0))
		return RP_PHASE_DETECT;
	if (src && strcmp(src, "restore-check") == 0)
		return RP_PHASE_RECOVER;
	return RP_PHASE_INVESTIGATE;
}

static int
tick(struct rp_standing *p, size_t i, const struct rp_journal_entry *e)
{
	struct rp_check_item *it = &p->items[i];

	if (it->seq)
		return 0;          /* the first entry that did it counts */
	if ((it->actor = strdup(e->actor)) == NULL || (it->kind = strdup(e->kind)) == NULL)
		return RP_ERR_NOMEM;
	it->seq = e->seq;
	it->time = e->time;
	return 0;
}

/* Whether a done-by word ("notify:insurer") names entry e (whose data said to). */
static int
done_by_matches(const char *w, const char *kind, const char *to)
{
	const char *colon = strchr(w, ':');

	if (colon == NULL)
		return strcmp(w, kind) == 0;
	return (size_t)(colon - w) == strlen(kind) && strncmp(w, kind, strlen(kind)) == 0 &&
	    to != NULL && strcmp(colon + 1, to) == 0;
}

int
rp_standing_feed(struct rp_standing *p, const struct rp_journal_entry *e)
{
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *data = NULL;
	const char *item = NULL, *to = NULL;
	size_t i, j;
	int ph = -1, r = 0, k;

	/* only these kinds' details matter here: parse no other entry's data */
	if (e->data && (strcmp(e->kind, "check") == 0 || strcmp(e->kind, "notify") == 0 ||
	    strcmp(e->kind, "attach") == 0) && rp_jdoc_parse(&doc, e->data, strlen(e->data)) == 0)
		data = rp_jdoc_root(doc);
	for (i = 0; i < sizeof(kind_phase) / sizeof(kind_phase[0]); i++)
		if (strcmp(kind_phase[i].kind, e->kind) == 0)
			ph = kind_phase[i].phase;
	if (strcmp(e->kind, "attach") == 0)
		ph = attach_phase(data);
	if (strcmp(e->kind, "check") == 0 && (item = rp_jv_str(rp_jv_get(data, "item"))) != NULL &&
	    (k = rp_standing_item(p, item)) >= 0) {
		ph = p->items[k].phase;
		if ((r = tick(p, (size_t)k, e)) != 0)
			goto out;
	}
	to = strcmp(e->kind, "notify") == 0 ? rp_jv_str(rp_jv_get(data, "to")) : NULL;
	for (i = 0; i < p->nitems; i++)
		for (j = 0; j < p->items[i].ndone_by; j++)
			if (done_by_matches(p->items[i].done_by[j], e->kind, to) &&
			    (r = tick(p, i, e)) != 0)
				goto out;
	if (ph >= 0)
		p->seen[ph] = 1;
	if (ph >= 0 && (p->phase_seq == 0 || ph > p->phase)) {
		char *t = strdup(e->text);

		if (t == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		free(p->phase_text);
		p->phase_text = t;
		p->phase = ph;
		p->phase_seq = e->seq;
		p->phase_time = e->time;
	}
out:
	rp_jdoc_free(doc);
	return r;
}
