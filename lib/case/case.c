/* The case read back from its journal, and the verbs that record into it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


#include "case/case-int.h"
#include "case/case.h"
#include "case/config.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/json.h"
#include "core/time.h"
#include "store/store.h"

static const char *const fact_names[RP_FACT_COUNT] = {
	"personal-data", "health-data", "high-risk", "extortion", "exfiltration",
};


const char *
rp_fact_name(enum rp_fact f)
{
	return (unsigned)f < RP_FACT_COUNT ? fact_names[f] : "?";
}

int
rp_fact_lookup(const char *name)
{
	int i;

	for (i = 0; i < RP_FACT_COUNT; i++)
		if (strcmp(fact_names[i], name) == 0)
			return i;
	return -1;
}

const char *
rp_fact_value_name(int v)
{
	switch (v) {
	case RP_FACT_NO:      return "no";
	case RP_FACT_YES:     return "yes";
	case RP_FACT_UNKNOWN: return "unknown";
	default:              return "unset";
	}
}

int
rp_fact_parse(enum rp_fact f, const char *word, int *value, const char **allowed)
{
	/* whether data left can stay open: the logs may not tell */
	int may_be_unknown = f == RP_FACT_EXFILTRATION;

	if (allowed)
		*allowed = may_be_unknown ? "yes, no or unknown" : "yes or no";
	if ((unsigned)f >= RP_FACT_COUNT || word == NULL)
		return RP_ERR_INVALID;
	if (strcmp(word, "yes") == 0)
		*value = RP_FACT_YES;
	else if (strcmp(word, "no") == 0)
		*value = RP_FACT_NO;
	else if (may_be_unknown && strcmp(word, "unknown") == 0)
		*value = RP_FACT_UNKNOWN;
	else
		return RP_ERR_INVALID;
	return 0;
}

/* ---- recording ---- */

int
rp_case_record(struct rp_store *st, int64_t case_id, int64_t now, const char *kind,
    const char *actor, const char *text, ...)
{
	struct rp_buf d = RP_BUF_INIT;
	const char *k, *v;
	va_list ap;
	int r = 0, first = 1;

	va_start(ap, text);
	if ((r = rp_buf_addch(&d, '{')) != 0)
		goto out;
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		if (v == NULL)
			continue;
		if ((!first && (r = rp_buf_addch(&d, ',')) != 0) || (r = rp_json_str(&d, k)) != 0 ||
		    (r = rp_buf_addch(&d, ':')) != 0)
			goto out;
		r = v[0] == '\x01' ? rp_buf_addstr(&d, v + 1) : rp_json_str(&d, v);
		if (r != 0)
			goto out;
		first = 0;
	}
	if ((r = rp_buf_addch(&d, '}')) != 0)
		goto out;
	r = rp_journal_append(st, case_id, now, kind, actor, text, first ? NULL : d.buf, NULL);
out:
	va_end(ap);
	rp_buf_release(&d);
	return r;
}

/* ---- loading ---- */

/* Makes room for one more element of c's list L, zeroed; on failure r is set and out
 * taken. r is left alone on success: the code after it counts on r = RP_ERR_NOMEM. */
#define GROW(L) do { \
	int g_ = RP_ARRAY_GROW(&c->L, &c->cap.L, c->n##L + 1, RP_ARRAY_MAX_DEFAULT); \
	if (g_ != 0) { \
		r = g_; \
		goto out; \
	} \
	memset(&c->L[c->n##L], 0, sizeof(*c->L)); \
} while (0)

static const char *
jstr(const struct rp_jv *o, const char *key)
{
	return rp_jv_str(rp_jv_get(o, key));
}

static int64_t
jint(const struct rp_jv *o, const char *key, int64_t dflt)
{
	const struct rp_jv *v = rp_jv_get(o, key);

	return rp_jv_type(v) == RP_JV_INT ? rp_jv_integer(v) : dflt;
}

static char *
xdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int
load_entry(const struct rp_journal_entry *e, void *ctx)
{
	struct rp_case *c = ctx;
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *d;
	const char *s;
	int r = RP_ERR_NOMEM, f, v;

	GROW(entries);
	c->entries[c->nentries].seq = e->seq;
	c->entries[c->nentries].time = e->time;
	c->entries[c->nentries].at = e->time;
	if ((c->entries[c->nentries].kind = strdup(e->kind)) == NULL ||
	    (c->entries[c->nentries].actor = strdup(e->actor)) == NULL ||
	    (c->entries[c->nentries].text = strdup(e->text)) == NULL) {
		c->nentries++;
		return RP_ERR_NOMEM;
	}
	c->nentries++;
	if (e->data == NULL || rp_jdoc_parse(&doc, e->data, strlen(e->data)) != 0)
		return 0;      /* entries without details (notes) or from other tools */
	if (!rp_jv_is_object(d = rp_jdoc_root(doc))) {
		rp_jdoc_free(doc);
		return 0;
	}
	if ((s = jstr(d, "at")) != NULL)
		rp_time_parse(s, &c->entries[c->nentries - 1].at, NULL);
	/* the way in (vector.c): entry, harden, accept, restore-check */
	if ((r = rp_way_in_entry(&c->way_in, e->kind, e->time, e->data)) != 0)
		goto out;
	r = RP_ERR_NOMEM;
	if (strcmp(e->kind, "fact") == 0) {
		if ((f = rp_fact_lookup((s = jstr(d, "fact")) ? s : "")) >= 0 &&
		    (s = jstr(d, "value")) != NULL) {
			v = strcmp(s, "yes") == 0 ? RP_FACT_YES : strcmp(s, "no") == 0 ? RP_FACT_NO :
			    RP_FACT_UNKNOWN;
			c->facts[f] = v;
		}
	} else if (strcmp(e->kind, "cost") == 0) {
		struct rp_cost *k;

		if ((f = rp_cost_category((s = jstr(d, "category")) ? s : "")) < 0)
			goto done;
		GROW(costs);
		k = &c->costs[c->ncosts++];
		k->time = e->time;
		k->category = f;
		k->amount = jint(d, "amount", 0);
		snprintf(k->currency, sizeof(k->currency), "%s", (s = jstr(d, "currency")) ? s : "");
		k->hours_c = jint(d, "hours_c", -1);
		k->rate = jint(d, "rate", -1);
		if (((s = jstr(d, "note")) != NULL && (k->note = strdup(s)) == NULL) ||
		    ((s = jstr(d, "client")) != NULL && (k->client = strdup(s)) == NULL))
			goto out;
	} else if (strcmp(e->kind, "ioc") == 0) {
		struct rp_ioc *k;

		GROW(iocs);
		k = &c->iocs[c->niocs++];
		k->time = e->time;
		if ((k->type = xdup(jstr(d, "type"))) == NULL || (k->value = xdup(jstr(d, "value"))) == NULL)
			goto out;
	} else if (strcmp(e->kind, "notify") == 0) {
		struct rp_notice *k;

		GROW(notices);
		k = &c->notices[c->nnotices++];
		k->time = jint(d, "sent", e->time);
		if ((k->to = xdup(jstr(d, "to"))) == NULL || (k->lang = xdup(jstr(d, "lang"))) == NULL ||
		    (k->sha256 = xdup(jstr(d, "sha256"))) == NULL)
			goto out;
		if (((s = jstr(d, "deadline")) != NULL && (k->deadline = strdup(s)) == NULL) ||
		    ((s = jstr(d, "client")) != NULL && (k->client = strdup(s)) == NULL) ||
		    ((s = jstr(d, "org")) != NULL && (k->org = strdup(s)) == NULL))
			goto out;
	} else if (strcmp(e->kind, "root-cause") == 0) {
		free(c->root_cause);
		if ((c->root_cause = xdup(jstr(d, "text"))) == NULL)
			goto out;
	} else if (strcmp(e->kind, "lesson") == 0 || strcmp(e->kind, "action") == 0) {
		struct rp_action *k;

		GROW(actions);
		k = &c->actions[c->nactions++];
		k->time = e->time;
		k->due = RP_TIME_UNSET;
		if ((k->text = xdup(jstr(d, "text"))) == NULL)
			goto out;
		if ((s = jstr(d, "owner")) != NULL && (k->owner = strdup(s)) == NULL)
			goto out;
		if ((s = jstr(d, "due")) != NULL)
			rp_time_parse(s, &k->due, NULL);
		if ((s = jstr(d, "finding")) != NULL && (k->finding = strdup(s)) == NULL)
			goto out;
	} else if (strcmp(e->kind, "contact") == 0) {
		if ((r = rp_case_load_contact(c, e->time, e->data)) != 0)
			goto out;
	} else if (strcmp(e->kind, "attach") == 0) {
		struct rp_attachment *k;
		const struct rp_jv *sum = rp_jv_get(d, "summary");

		GROW(attachments);
		k = &c->attachments[c->nattachments++];
		k->time = e->time;
		if ((k->name = xdup(jstr(d, "file"))) == NULL ||
		    (k->sha256 = xdup(jstr(d, "sha256"))) == NULL ||
		    (k->source = xdup((s = jstr(d, "source")) ? s : "?")) == NULL)
			goto out;
		if (sum && (k->summary = rp_jv_dump(sum)) == NULL)
			goto out;
		if (sum && (k->digest = rp_attach_digest(k->summary)) == NULL)
			goto out;
	}
done:
	r = 0;
out:
	rp_jdoc_free(doc);
	return r;
}

void
rp_case_release(struct rp_case *c)
{
	size_t i;

	rp_case_info_release(&c->info);
	free(c->root_cause);
	for (i = 0; i < c->ncosts; i++)
		rp_cost_release(&c->costs[i]);
	for (i = 0; i < c->niocs; i++) {
		free(c->iocs[i].type);
		free(c->iocs[i].value);
	}
	for (i = 0; i < c->nnotices; i++) {
		free(c->notices[i].to);
		free(c->notices[i].lang);
		free(c->notices[i].deadline);
		free(c->notices[i].sha256);
		free(c->notices[i].client);
		free(c->notices[i].org);
	}
	for (i = 0; i < c->nactions; i++) {
		free(c->actions[i].text);
		free(c->actions[i].owner);
		free(c->actions[i].finding);
	}
	rp_way_in_release(&c->way_in);
	for (i = 0; i < c->nattachments; i++) {
		free(c->attachments[i].name);
		free(c->attachments[i].sha256);
		free(c->attachments[i].source);
		free(c->attachments[i].summary);
		free(c->attachments[i].digest);
	}
	for (i = 0; i < c->nentries; i++) {
		free(c->entries[i].kind);
		free(c->entries[i].actor);
		free(c->entries[i].text);
	}
	free(c->costs);
	free(c->iocs);
	free(c->notices);
	free(c->actions);
	free(c->attachments);
	free(c->entries);
	rp_contacts_free(c->contacts, c->ncontacts);
	memset(c, 0, sizeof(*c));
}

int
rp_case_load(struct rp_store *st, int64_t id, struct rp_case *out)
{
	int r, i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < RP_FACT_COUNT; i++)
		out->facts[i] = RP_FACT_UNSET;
	if ((r = rp_case_get(st, id, &out->info)) != 0)
		return r;
	if ((r = rp_journal_each(st, out->info.id, load_entry, out)) != 0)
		rp_case_release(out);
	return r;
}


int
rp_case_check_integrity(struct rp_store *st, struct rp_case *c)
{
	int r = rp_journal_verify(st, c->info.id, &c->bad_seq);

	if (r != 0 && r != RP_ERR_INTEGRITY)
		return r;
	c->integrity = r ? -1 : 1;
	return 0;
}

/* ---- the recording verbs ---- */

int
rp_case_time_past(int64_t t, int64_t now)
{
	return t <= now + RP_CASE_CLOCK_SKEW;
}

int
rp_case_set_fact(struct rp_store *st, struct rp_case *c, int64_t now, const char *actor,
    enum rp_fact f, int value, int *changed)
{
	struct rp_buf t = RP_BUF_INIT;
	int r;

	if (changed)
		*changed = 0;
	if ((unsigned)f >= RP_FACT_COUNT || value < RP_FACT_NO || value > RP_FACT_UNKNOWN)
		return RP_ERR_INVALID;
	if (c->facts[f] == value)
		return 0;           /* no change, nothing to journal */
	if ((r = rp_buf_addf(&t, "fact %s: %s", rp_fact_name(f), rp_fact_value_name(value))) == 0 &&
	    (r = rp_case_record(st, c->info.id, now, "fact", actor, t.buf, "fact", rp_fact_name(f),
	    "value", rp_fact_value_name(value), NULL)) == 0) {
		c->facts[f] = value;
		if (changed)
			*changed = 1;
	}
	rp_buf_release(&t);
	return r;
}

int
rp_case_log(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *text, int64_t at)
{
	struct rp_buf b = RP_BUF_INIT;
	int r;

	if (text == NULL || *text == '\0')
		return RP_ERR_INVALID;
	if (at == RP_TIME_UNSET)
		return rp_journal_append(st, case_id, now, "note", actor, text, NULL, NULL);
	if (!rp_case_time_past(at, now))
		return RP_ERR_INVALID;
	/* an event found out later: the report's timeline puts it where it happened */
	if ((r = rp_time_fmt_utc(&b, at)) == 0)
		r = rp_case_record(st, case_id, now, "event", actor, text, "at", b.buf, NULL);
	rp_buf_release(&b);
	return r;
}

int
rp_case_add_text(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *kind, const char *text, const char *owner, int64_t due)
{
	struct rp_buf t = RP_BUF_INIT, d = RP_BUF_INIT;
	const char *label;
	int r;

	if (strcmp(kind, "root-cause") == 0)
		label = "root cause";
	else if (strcmp(kind, "lesson") == 0 || strcmp(kind, "action") == 0)
		label = kind;
	else
		return RP_ERR_INVALID;
	if (text == NULL || *text == '\0')
		return RP_ERR_INVALID;
	/* an improvement action has someone who does it, by a date; a lesson has neither */
	if (strcmp(kind, "action") == 0) {
		if (owner == NULL || *owner == '\0' || due == RP_TIME_UNSET)
			return RP_ERR_INVALID;
		if ((r = rp_time_fmt_utc(&d, due)) != 0)
			goto out;
	} else {
		owner = NULL;
	}
	if ((r = rp_buf_addf(&t, "%s: %s", label, text)) != 0)
		goto out;
	r = rp_case_record(st, case_id, now, kind, actor, t.buf, "text", text, "owner", owner,
	    "due", d.len ? d.buf : NULL, NULL);
out:
	rp_buf_release(&t);
	rp_buf_release(&d);
	return r;
}

int
rp_case_list(struct rp_store *st, int (*fn)(const struct rp_case_row *row, void *ctx),
    void *ctx)
{
	struct rp_stmt *q = NULL;
	struct rp_case_row row;
	int r, stop = 0;

	if ((r = rp_case_migrate(st)) != 0 || (r = rp_stmt_prepare(st, "SELECT id, title, "
	    "discovered, closed FROM cases ORDER BY id", &q)) != 0)
		return r;
	while ((r = rp_stmt_step(q)) == 1) {
		row.id = rp_stmt_int64(q, 0);
		row.title = rp_stmt_text(q, 1);
		row.discovered = rp_stmt_int64(q, 2);
		row.closed = rp_stmt_isnull(q, 3) ? RP_TIME_UNSET : rp_stmt_int64(q, 3);
		if ((stop = fn(&row, ctx)) != 0)
			break;
	}
	rp_stmt_free(q);
	return stop ? stop : r < 0 ? r : 0;
}
