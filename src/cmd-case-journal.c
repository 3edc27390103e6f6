/*
 * riposte case: the journal — open, log, facts, root cause, lessons, actions, close,
 * and reading it back (show, list, verify).
 */
#include <stdio.h>
#include <string.h>

#include "case/case.h"
#include "cmd-case.h"
#include "core/err.h"
#include "core/time.h"

int
cx_open(struct cx *c)
{
	int64_t disc, id;
	int r;

	if (cx_need_args(c, 0, "no arguments") != 0)
		return RP_EXIT_ERROR;
	if (c->o.title == NULL || c->o.discovered == NULL || !*c->o.title) {
		rp_err(c->cli, "open needs --title and --discovered (the time of awareness)");
		return RP_EXIT_ERROR;
	}
	if (rp_time_parse(c->o.discovered, &disc, NULL) != 0) {
		rp_err(c->cli, "--discovered: '%s' is not an ISO 8601 time", c->o.discovered);
		return RP_EXIT_ERROR;
	}
	if (!rp_case_time_past(disc, c->cli->now)) {
		rp_err(c->cli, "--discovered: '%s' is in the future", c->o.discovered);
		return RP_EXIT_ERROR;
	}
	if ((r = rp_case_open(c->st, c->cli->now, c->o.title, disc, c->o.how, &id)) != 0)
		return cx_store_err(c, r);
	printf("%lld\n", (long long)id);
	cx_done(c, "opened case %lld", (long long)id);
	return RP_EXIT_CLEAN;
}

int
cx_log(struct cx *c)
{
	int64_t id, at = RP_TIME_UNSET;
	int r;

	if (cx_need_args(c, 1, "the text to log") != 0 || cx_resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	if (!*c->o.args[0]) {
		rp_err(c->cli, "log: empty text");
		return RP_EXIT_ERROR;
	}
	if (c->o.at && (rp_time_parse(c->o.at, &at, NULL) != 0 ||
	    !rp_case_time_past(at, c->cli->now))) {
		rp_err(c->cli, "--at: '%s' is not an ISO 8601 time in the past", c->o.at);
		return RP_EXIT_ERROR;
	}
	r = rp_case_log(c->st, id, c->cli->now, c->actor, c->o.args[0], at);
	return r ? cx_store_err(c, r) : RP_EXIT_CLEAN;
}

int
cx_facts(struct cx *c)
{
	struct rp_case k;
	const char *allowed;
	int f, v[RP_FACT_COUNT], r, rc = RP_EXIT_CLEAN;

	if (cx_need_args(c, 0, "options only") != 0)
		return RP_EXIT_ERROR;
	for (f = 0; f < RP_FACT_COUNT; f++) {
		if (c->o.facts[f] && rp_fact_parse(f, c->o.facts[f], &v[f], &allowed) != 0) {
			rp_err(c->cli, "--%s: '%s' is not %s", rp_fact_name(f), c->o.facts[f], allowed);
			return RP_EXIT_ERROR;
		}
	}
	if (cx_load(c, &k) != 0)
		return RP_EXIT_ERROR;
	for (f = 0; f < RP_FACT_COUNT; f++) {
		if (c->o.facts[f] && (r = rp_case_set_fact(c->st, &k, c->cli->now, c->actor, f, v[f],
		    NULL)) != 0) {
			rc = cx_store_err(c, r);
			goto out;
		}
	}
	for (f = 0; f < RP_FACT_COUNT; f++)
		printf("%-14s %s\n", rp_fact_name(f), rp_fact_value_name(k.facts[f]));
out:
	rp_case_release(&k);
	return rc;
}

/* root-cause, lesson, action: a sentence, for actions with an owner and a due date. */
static int
text_entry(struct cx *c, const char *kind)
{
	int64_t id, due = RP_TIME_UNSET;
	int r;

	if (cx_need_args(c, 1, "the text") != 0 || cx_resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	if (!*c->o.args[0]) {
		rp_err(c->cli, "%s: empty text", kind);
		return RP_EXIT_ERROR;
	}
	if (strcmp(kind, "action") == 0) {
		if (c->o.owner == NULL || c->o.due == NULL || !*c->o.owner) {
			rp_err(c->cli, "action needs --owner and --due");
			return RP_EXIT_ERROR;
		}
		if (rp_time_parse(c->o.due, &due, NULL) != 0) {
			rp_err(c->cli, "--due: '%s' is not an ISO 8601 date", c->o.due);
			return RP_EXIT_ERROR;
		}
	}
	if ((r = rp_case_add_text(c->st, id, c->cli->now, c->actor, kind, c->o.args[0],
	    c->o.owner, due)) != 0)
		return cx_store_err(c, r);
	return RP_EXIT_CLEAN;
}

int cx_root_cause(struct cx *c) { return text_entry(c, "root-cause"); }
int cx_lesson(struct cx *c) { return text_entry(c, "lesson"); }
int cx_action(struct cx *c) { return text_entry(c, "action"); }

int
cx_close(struct cx *c)
{
	const struct rp_close_condition *unmet = NULL;
	struct rp_case k;
	int r, rc = RP_EXIT_CLEAN;

	if (cx_need_args(c, 0, "options only") != 0 || cx_load(c, &k) != 0)
		return RP_EXIT_ERROR;
	/* the way in makes its threats more likely in the risk register, recorded while
	 * the case is still open (its journal gets the entry) */
	if (k.info.closed == RP_TIME_UNSET && (c->o.force ||
	    rp_case_close_unmet(&k, c->o.root_cause) == NULL)) {
		size_t raised = 0;

		if ((r = rp_way_in_raise_risks(c->st, &k, c->cli->now, c->actor, &raised)) != 0)
			rp_warn(c->cli, "risk register: %s", rp_strerror(r));
		else if (raised)
			cx_done(c, "risk register: the threats of the way in (%s) are more likely on "
			    "%zu risk%s", k.way_in.vector, raised, raised == 1 ? "" : "s");
	}
	r = rp_case_finish(c->st, &k, c->cli->now, c->actor, c->o.root_cause, c->o.force, &unmet);
	if (r == RP_ERR_EXISTS) {
		rp_err(c->cli, "case %lld is closed already", (long long)k.info.id);
		rc = RP_EXIT_ERROR;
	} else if (r == RP_ERR_REFUSED && unmet) {
		const char *open = NULL;

		rp_err(c->cli, "case %lld %s, or close with --force", (long long)k.info.id,
		    unmet->unmet);
		if (strcmp(unmet->id, "way-in-findings") == 0 &&
		    !rp_way_in_closed(&k.way_in, &open) && open)
			rp_err(c->cli, "finding '%s': %s", open, rp_way_in_state(&k.way_in, open,
			    NULL) == RP_FS_UNKNOWN ? "no harden run recorded in the case checked it" :
			    "still found by the last harden run that checked it");
		rc = RP_EXIT_FOUND;
	} else if (r != 0) {
		rc = cx_store_err(c, r);
	} else {
		cx_done(c, "closed case %lld", (long long)k.info.id);
	}
	rp_case_release(&k);
	return rc;
}

/* ---- show, list, verify ---- */

static int
case_json(struct rp_buf *b, const struct rp_case *k)
{
	int f;

	rp_buf_addf(b, "{\"kind\":\"case\",\"id\":%lld", (long long)k->info.id);
	cx_json_str(b, "title", k->info.title);
	cx_json_time(b, "discovered", k->info.discovered);
	cx_json_time(b, "opened", k->info.opened);
	cx_json_time(b, "closed", k->info.closed);
	cx_json_str(b, "how", k->info.how);
	cx_json_str(b, "root_cause", k->root_cause);
	rp_buf_addstr(b, ",\"facts\":{");
	for (f = 0; f < RP_FACT_COUNT; f++)
		rp_buf_addf(b, "%s\"%s\":\"%s\"", f ? "," : "", rp_fact_name(f),
		    rp_fact_value_name(k->facts[f]));
	return rp_buf_addstr(b, "}}\n");
}

static void
show_csv(struct rp_buf *b, const struct rp_case *k)
{
	struct rp_buf t1 = RP_BUF_INIT, n1 = RP_BUF_INIT;
	size_t i;

	cx_csv_row(b, 5, "seq", "time", "type", "actor", "text");
	for (i = 0; i < k->nentries; i++) {
		rp_buf_reset(&n1);
		rp_buf_addf(&n1, "%lld", (long long)k->entries[i].seq);
		cx_csv_row(b, 5, n1.buf, cx_csv_time(&t1, k->entries[i].time), k->entries[i].kind,
		    k->entries[i].actor, k->entries[i].text);
	}
	rp_buf_release(&t1);
	rp_buf_release(&n1);
}

static void
show_jsonl(struct rp_buf *b, const struct rp_case *k)
{
	size_t i;

	case_json(b, k);
	for (i = 0; i < k->nentries; i++) {
		rp_buf_addf(b, "{\"kind\":\"entry\",\"seq\":%lld", (long long)k->entries[i].seq);
		cx_json_time(b, "time", k->entries[i].time);
		cx_json_str(b, "type", k->entries[i].kind);
		cx_json_str(b, "actor", k->entries[i].actor);
		cx_json_str(b, "text", k->entries[i].text);
		rp_buf_addstr(b, "}\n");
	}
	rp_buf_addf(b, "{\"kind\":\"summary\",\"entries\":%zu,\"costs\":%zu,\"iocs\":%zu,"
	    "\"notifications\":%zu,\"contacts\":%zu}\n", k->nentries, k->ncosts, k->niocs,
	    k->nnotices, k->ncontacts);
}

static void
show_text(struct rp_buf *b, const struct rp_case *k)
{
	size_t i;
	int f;

	rp_buf_addf(b, "case %lld: ", (long long)k->info.id);
	cx_text(b, k->info.title);
	rp_buf_addstr(b, "\n  status:      ");
	if (k->info.closed == RP_TIME_UNSET) {
		rp_buf_addstr(b, "open");
	} else {
		rp_buf_addstr(b, "closed ");
		rp_time_fmt_local(b, k->info.closed);
	}
	rp_buf_addstr(b, "\n  discovered:  ");
	rp_time_fmt_local(b, k->info.discovered);
	rp_buf_addstr(b, "\n  opened:      ");
	rp_time_fmt_local(b, k->info.opened);
	rp_buf_addstr(b, "\n  how:         ");
	cx_text(b, k->info.how);
	rp_buf_addstr(b, "\n  facts:       ");
	for (f = 0; f < RP_FACT_COUNT; f++)
		rp_buf_addf(b, "%s%s %s", f ? ", " : "", rp_fact_name(f), rp_fact_value_name(k->facts[f]));
	rp_buf_addstr(b, "\n  root cause:  ");
	cx_text(b, k->root_cause ? k->root_cause : "not recorded");
	rp_buf_addf(b, "\n  recorded:    %zu cost entries, %zu IOCs, %zu notifications sent, "
	    "%zu attachments", k->ncosts, k->niocs, k->nnotices, k->nattachments);
	if (k->ncontacts)
		rp_buf_addf(b, ", %zu correspondents", k->ncontacts);
	rp_buf_addch(b, '\n');
	rp_buf_addf(b, "journal (%zu entries):\n", k->nentries);
	for (i = 0; i < k->nentries; i++) {
		rp_buf_addf(b, "  %3lld  ", (long long)k->entries[i].seq);
		rp_time_fmt_local(b, k->entries[i].time);
		rp_buf_addf(b, "  %-10s ", k->entries[i].kind);
		cx_text(b, k->entries[i].actor);
		rp_buf_addstr(b, ": ");
		cx_text(b, k->entries[i].text);
		rp_buf_addch(b, '\n');
	}
}

int
cx_show(struct cx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_case k;
	int rc = RP_EXIT_CLEAN;

	if (cx_need_args(c, 0, "no arguments") != 0 ||
	    cx_want_format(c, "text,jsonl,csv", RP_FMT_TEXT) < 0 || cx_load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (c->o.fmt == RP_FMT_CSV)
		show_csv(&b, &k);
	else if (c->o.fmt == RP_FMT_JSONL)
		show_jsonl(&b, &k);
	else
		show_text(&b, &k);
	if (cx_put(c, &b) != 0)
		rc = RP_EXIT_ERROR;
	rp_buf_release(&b);
	rp_case_release(&k);
	return rc;
}

struct list_out {
	struct rp_buf *b;
	int fmt;
	int n;
};

static int
list_row(const struct rp_case_row *row, void *ctx)
{
	struct list_out *L = ctx;
	struct rp_buf *b = L->b;

	L->n++;
	if (L->fmt == RP_FMT_CSV) {
		struct rp_buf f1 = RP_BUF_INIT, f2 = RP_BUF_INIT, f3 = RP_BUF_INIT;

		rp_buf_addf(&f1, "%lld", (long long)row->id);
		cx_csv_row(b, 4, f1.buf, cx_csv_time(&f2, row->discovered),
		    cx_csv_time(&f3, row->closed), row->title);
		rp_buf_release(&f1);
		rp_buf_release(&f2);
		rp_buf_release(&f3);
	} else if (L->fmt == RP_FMT_JSONL) {
		rp_buf_addf(b, "{\"kind\":\"case\",\"id\":%lld", (long long)row->id);
		cx_json_str(b, "title", row->title);
		cx_json_time(b, "discovered", row->discovered);
		cx_json_time(b, "closed", row->closed);
		rp_buf_addstr(b, "}\n");
	} else {
		rp_buf_addf(b, "%4lld  %-6s  ", (long long)row->id,
		    row->closed == RP_TIME_UNSET ? "open" : "closed");
		rp_time_fmt_local(b, row->discovered);
		rp_buf_addstr(b, "  ");
		cx_text(b, row->title);
		rp_buf_addch(b, '\n');
	}
	return 0;
}

int
cx_list(struct cx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct list_out L = { &b, 0, 0 };
	int r, rc = RP_EXIT_CLEAN;

	if (cx_need_args(c, 0, "no arguments") != 0 ||
	    cx_want_format(c, "text,jsonl,csv", RP_FMT_TEXT) < 0)
		return RP_EXIT_ERROR;
	L.fmt = c->o.fmt;
	if (c->o.fmt == RP_FMT_CSV)
		cx_csv_row(&b, 4, "id", "discovered", "closed", "title");
	if ((r = rp_case_list(c->st, list_row, &L)) != 0) {
		rp_buf_release(&b);
		return cx_store_err(c, r);
	}
	if (c->o.fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"cases\":%d}\n", L.n);
	if (cx_put(c, &b) != 0)
		rc = RP_EXIT_ERROR;
	rp_buf_release(&b);
	return rc;
}

int
cx_verify(struct cx *c)
{
	struct rp_case_info info;
	int64_t bad = 0;
	int r;

	if (cx_need_args(c, 0, "no arguments") != 0 ||
	    cx_want_format(c, "text,jsonl", RP_FMT_TEXT) < 0)
		return RP_EXIT_ERROR;
	if ((r = rp_case_get(c->st, c->o.case_id, &info)) != 0) {
		if (r == RP_ERR_NOTFOUND && c->o.case_id) {
			rp_err(c->cli, "no case %lld in '%s'", (long long)c->o.case_id, c->cli->db_path);
			return RP_EXIT_ERROR;
		}
		return cx_store_err(c, r);
	}
	r = rp_journal_verify(c->st, info.id, &bad);
	if (r != 0 && r != RP_ERR_INTEGRITY) {
		rp_case_info_release(&info);
		return cx_store_err(c, r);
	}
	if (c->o.fmt == RP_FMT_JSONL)
		printf("{\"kind\":\"verify\",\"case\":%lld,\"intact\":%s,\"entries\":%lld,"
		    "\"head\":\"%s\",\"first_bad\":%lld}\n{\"kind\":\"summary\",\"altered\":%d}\n",
		    (long long)info.id, r ? "false" : "true", (long long)info.head_seq,
		    info.head_hash, r ? (long long)bad : 0LL, r ? 1 : 0);
	else if (r == 0)
		printf("case %lld: journal intact, %lld entries, head %s\n", (long long)info.id,
		    (long long)info.head_seq, info.head_hash);
	else
		printf("case %lld: journal ALTERED: entry %lld or the chain after it was changed "
		    "or removed\n", (long long)info.id, (long long)bad);
	rp_case_info_release(&info);
	return r ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
}
