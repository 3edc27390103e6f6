/*
 * The forms' writes: each goes through the same lib/case call as the CLI's command
 * (`case log`, `case notify --sent`, `case cost add`; a checklist tick is an entry of
 * its own kind), with the logged-in name as the journal's actor, on a store handle of
 * its own (one transaction; SQLite's WAL lets the CLI write at the same time, and the
 * busy timeout makes the two wait for each other rather than fail). Each returns the
 * [msg] key of what to say, *bad set when it was refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "core/err.h"
#include "core/time.h"
#include "serve/form.h"
#include "serve/serve-int.h"
#include "store/store.h"

#define MAX_TEXT 4000
#define MAX_NOTE 500

/* The case the form was made for (its hidden "case" field), if it is still open:
 * 0 and *id, or the [msg] key. */
static const char *
open_case(struct rp_store *st, const struct rp_form *f, int64_t *id)
{
	struct rp_case_info info;
	const char *v = rp_form_get(f, "case");
	char *end = NULL;
	long long want = 0;
	int r;

	if (v && *v) {
		want = strtoll(v, &end, 10);
		if (*end || want <= 0)
			return "no-case";
	}
	if ((r = rp_case_get(st, want, &info)) != 0)
		return r == RP_ERR_NOTFOUND ? "no-case" : "failed";
	*id = info.id;
	r = info.closed != RP_TIME_UNSET;
	rp_case_info_release(&info);
	return r ? "no-case" : NULL;
}

/* An optional field: NULL when absent or empty. */
static const char *
opt(const struct rp_form *f, const char *name)
{
	const char *v = rp_form_get(f, name);

	return v && *v ? v : NULL;
}

static int
store(struct rp_serve *s, struct rp_store **st)
{
	return rp_store_open(st, s->db_path, 0);
}

const char *
act_log(struct rp_serve *s, const struct rp_session *ss, const struct rp_form *f, int64_t now,
    int *bad)
{
	struct rp_store *st = NULL;
	struct rp_buf t = RP_BUF_INIT;
	const char *text = rp_form_get(f, "text"), *at_s = opt(f, "at"), *msg;
	int64_t id = 0, at = RP_TIME_UNSET;
	size_t i;
	int r;

	*bad = 1;
	if (text == NULL)
		return "bad-text";
	/* a textarea's lines end in CRLF: the journal keeps LF */
	for (i = 0; text[i]; i++)
		if (text[i] != '\r')
			rp_buf_addch(&t, text[i]);
	while (t.len && (t.buf[t.len - 1] == '\n' || t.buf[t.len - 1] == ' ' || t.buf[t.len - 1] == '\t'))
		rp_buf_setlen(&t, t.len - 1);
	if (t.len == 0 || t.len > MAX_TEXT || strspn(t.buf, " \t\n") == t.len) {
		msg = "bad-text";
		goto out;
	}
	if (at_s && (rp_time_parse(at_s, &at, NULL) != 0 || !rp_case_time_past(at, now))) {
		msg = "bad-at";
		goto out;
	}
	if ((r = store(s, &st)) != 0) {
		msg = "failed";
		goto out;
	}
	if ((msg = open_case(st, f, &id)) != NULL)
		goto out;
	if ((r = rp_case_log(st, id, now, ss->user, t.buf, at)) != 0) {
		msg = r == RP_ERR_INVALID ? "bad-text" : "failed";
		goto out;
	}
	serve_action(s, ss->user, "journal entry in case %lld", (long long)id);
	msg = "logged";
	*bad = 0;
out:
	rp_store_close(st);
	rp_buf_release(&t);
	return msg;
}

const char *
act_check(struct rp_serve *s, const struct rp_session *ss, const struct rp_form *f,
    int64_t now, int *bad)
{
	struct rp_store *st = NULL;
	struct rp_buf t = RP_BUF_INIT;
	struct snap *sn = NULL;
	const char *item = rp_form_get(f, "item"), *title, *msg;
	char sec[96];
	int64_t id = 0;
	int k, r;

	*bad = 1;
	if (item == NULL || (k = rp_standing_item(&s->checklist, item)) < 0)
		return "bad-item";
	if ((r = store(s, &st)) != 0)
		return "failed";
	if ((msg = open_case(st, f, &id)) != NULL)
		goto out;
	/* ticked already (by someone else a moment ago, or by a tool): nothing to record */
	snap_refresh(s, now, 0);
	sn = snap_get(s);
	if (sn->have_case && sn->c.info.id == id && sn->pr.items[k].seq) {
		msg = "already";
		*bad = 0;
		goto out;
	}
	snprintf(sec, sizeof(sec), "step %s", item);
	title = tx_plan(&s->tx, sec, "title");
	rp_buf_addf(&t, "%s: %s", tx(&s->tx, "ui", "tick"), title ? title : item);
	if ((r = rp_case_record(st, id, now, "check", ss->user, t.buf, "item", item, NULL)) != 0) {
		msg = "failed";
		goto out;
	}
	serve_action(s, ss->user, "checklist item %s ticked in case %lld", item, (long long)id);
	msg = "ticked";
	*bad = 0;
out:
	snap_put(s, sn);
	rp_store_close(st);
	rp_buf_release(&t);
	return msg;
}

const char *
act_notify(struct rp_serve *s, const struct rp_session *ss, const struct rp_form *f,
    int64_t now, int *bad)
{
	struct rp_store *st = NULL;
	struct rp_buf name = RP_BUF_INIT, draft = RP_BUF_INIT, text = RP_BUF_INIT;
	struct rp_deadlines d = { 0 };
	struct rp_notify_sent sent;
	struct rp_case k;
	struct snap *sn = NULL;
	const char *to = rp_form_get(f, "to"), *deadline = opt(f, "deadline"), *lang, *closes = NULL;
	const char *msg;
	char sha[65];
	int64_t id = 0;
	int r;

	*bad = 1;
	memset(&k, 0, sizeof(k));
	if (to == NULL || rp_notify_recipient(to) < 0)
		return "bad-to";
	if ((r = store(s, &st)) != 0)
		return "failed";
	if ((msg = open_case(st, f, &id)) != NULL)
		goto out;
	sn = snap_get(s);       /* for the site profile as last read */
	/* the page's language for the letter; as `case notify --to X --sent`: the draft of
	 * the template is what is hashed, and the deadline closed is --deadline's or the
	 * earliest open one for that recipient */
	if (rp_notify_lang(sn->site, NULL, s->tx.lang, &lang) != 0)
		lang = "en";
	if ((r = rp_case_load(st, id, &k)) != 0 ||
	    (r = rp_notify_template(sn->site, to, lang, &name)) != 0 ||
	    (r = rp_notify_draft(s->data_dir, name.buf, &k, sn->site, NULL, lang, now, &draft)) != 0 ||
	    (r = rp_case_deadlines(s->data_dir, &k, sn->site, now, &d)) != 0) {
		msg = "failed";
		goto out;
	}
	if (rp_notify_closes(&d, to, deadline, &closes) != 0) {
		msg = "bad-deadline";
		goto out;
	}
	sent = (struct rp_notify_sent){ .to = to, .lang = lang, .deadline = closes, .sent = now,
	    .what = draft.buf, .len = draft.len };
	if ((r = rp_case_notify_record(st, id, now, ss->user, &sent, sha, &text)) != 0) {
		msg = "failed";
		goto out;
	}
	serve_action(s, ss->user, "%s (case %lld)", text.buf, (long long)id);
	msg = "notified";
	*bad = 0;
out:
	snap_put(s, sn);
	rp_case_release(&k);
	rp_deadlines_release(&d);
	rp_store_close(st);
	rp_buf_release(&name);
	rp_buf_release(&draft);
	rp_buf_release(&text);
	return msg;
}

const char *
act_cost(struct rp_serve *s, const struct rp_session *ss, const struct rp_form *f,
    int64_t now, int *bad)
{
	static const char *const bad_keys[] = {
		[RP_COST_OK] = "failed", [RP_COST_BAD_CATEGORY] = "bad-category",
		[RP_COST_BAD_HOW] = "bad-how", [RP_COST_BAD_AMOUNT] = "bad-amount",
		[RP_COST_BAD_HOURS] = "bad-hours", [RP_COST_BAD_RATE] = "bad-rate",
		[RP_COST_BAD_CURRENCY] = "bad-currency", [RP_COST_BAD_CLIENT] = "bad-client",
	};
	struct rp_cost_input in;
	struct rp_store *st = NULL;
	struct rp_buf text = RP_BUF_INIT;
	struct rp_cost k;
	struct snap *sn = NULL;
	const char *msg;
	int64_t id = 0;
	int r, why = 0;

	*bad = 1;
	memset(&k, 0, sizeof(k));
	in = (struct rp_cost_input){ .category = opt(f, "category"), .amount = opt(f, "amount"),
	    .hours = opt(f, "hours"), .rate = opt(f, "rate"), .currency = opt(f, "currency"),
	    .note = opt(f, "note"), .client = opt(f, "client") };
	if (in.note && strlen(in.note) > MAX_NOTE)
		return "bad-text";
	if ((r = store(s, &st)) != 0)
		return "failed";
	if ((msg = open_case(st, f, &id)) != NULL)
		goto out;
	sn = snap_get(s);
	if (rp_cost_make(&in, sn->site, now, &k, &why) != 0) {
		msg = why >= 0 && (size_t)why < sizeof(bad_keys) / sizeof(bad_keys[0]) ?
		    bad_keys[why] : "failed";
		goto out;
	}
	if ((r = rp_case_cost_add(st, id, now, ss->user, &k, &text)) != 0) {
		msg = "failed";
		goto out;
	}
	serve_action(s, ss->user, "%s (case %lld)", text.buf, (long long)id);
	msg = "cost";
	*bad = 0;
out:
	snap_put(s, sn);
	rp_cost_release(&k);
	rp_store_close(st);
	rp_buf_release(&text);
	return msg;
}
