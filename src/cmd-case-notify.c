/*
 * riposte case: deadlines and notifications — the legal deadlines of the case, and the
 * drafts to the insurer, the authority, the police, the IT provider and clients, with
 * what a notification sent closes.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include "case/case.h"
#include "cmd-case.h"
#include "core/err.h"
#include "core/file.h"
#include "core/time.h"

static void
deadline_row(struct cx *c, struct rp_buf *b, const struct rp_deadline *x)
{
	const char *status = rp_deadline_status_name(x->status);

	if (c->o.fmt == RP_FMT_CSV) {
		struct rp_buf t1 = RP_BUF_INIT, t2 = RP_BUF_INIT;

		cx_csv_row(b, 8, x->id, x->authority, cx_csv_time(&t1, x->due), status, x->basis,
		    x->when, x->to, cx_csv_time(&t2, x->done));
		rp_buf_release(&t1);
		rp_buf_release(&t2);
	} else if (c->o.fmt == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"deadline\"");
		cx_json_str(b, "id", x->id);
		cx_json_str(b, "authority", x->authority);
		cx_json_time(b, "due", x->due);
		cx_json_str(b, "status", status);
		cx_json_str(b, "basis", x->basis);
		cx_json_str(b, "when", x->when);
		cx_json_str(b, "to", x->to);
		cx_json_time(b, "done", x->done);
		rp_buf_addstr(b, "}\n");
	} else {
		rp_buf_addf(b, "%-19s %-8s due ", x->id, status);
		rp_time_fmt_local(b, x->due);
		rp_buf_addf(b, "  %s\n", x->authority);
		rp_buf_addf(b, "%-28s%s", "", x->when);
		if (x->done != RP_TIME_UNSET) {
			rp_buf_addstr(b, "; sent ");
			rp_time_fmt_local(b, x->done);
		}
		rp_buf_addf(b, "\n%-28s%s\n", "", x->basis);
	}
}

int
cx_deadlines(struct cx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_deadlines d = { NULL, 0 };
	struct rp_case k;
	size_t i, n[3] = { 0, 0, 0 };
	int rc = RP_EXIT_ERROR;

	if (cx_need_args(c, 0, "no arguments") != 0 ||
	    cx_want_format(c, "text,jsonl,csv", RP_FMT_TEXT) < 0 || cx_load(c, &k) != 0)
		return RP_EXIT_ERROR;
	cx_warn_no_site(c);
	if (cx_deadlines_of(c, &k, &d) != 0)
		goto out;
	if (c->o.fmt == RP_FMT_CSV)
		cx_csv_row(&b, 8, "id", "authority", "due", "status", "basis", "when", "to", "done");
	for (i = 0; i < d.n; i++) {
		n[d.v[i].status]++;
		deadline_row(c, &b, &d.v[i]);
	}
	if (c->o.fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"deadlines\":%zu,\"open\":%zu,\"done\":%zu,"
		    "\"overdue\":%zu}\n", d.n, n[RP_DL_OPEN], n[RP_DL_DONE], n[RP_DL_OVERDUE]);
	else if (c->o.fmt == RP_FMT_TEXT)
		rp_buf_addf(&b, "%zu deadlines: %zu open, %zu done, %zu overdue\n", d.n,
		    n[RP_DL_OPEN], n[RP_DL_DONE], n[RP_DL_OVERDUE]);
	if (cx_put(c, &b) != 0)
		goto out;
	rc = n[RP_DL_OVERDUE] ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	rp_buf_release(&b);
	rp_deadlines_release(&d);
	rp_case_release(&k);
	return rc;
}

int
cx_notify(struct cx *c)
{
	struct rp_buf name = RP_BUF_INIT, draft = RP_BUF_INIT, sent = RP_BUF_INIT,
	    t = RP_BUF_INIT;
	struct rp_deadlines d = { NULL, 0 };
	struct rp_notify_sent s;
	struct rp_case k;
	const char *lang, *closes = NULL;
	char sha[65];
	int64_t when = c->cli->now;
	int r, rc = RP_EXIT_ERROR;

	if (cx_need_args(c, 0, "options only") != 0)
		return RP_EXIT_ERROR;
	if (rp_notify_recipient(c->o.to) < 0) {
		rp_err(c->cli, "notify needs --to insurer, authority, police, it-provider, client or clients");
		return RP_EXIT_ERROR;
	}
	if (rp_notify_lang(c->site, c->o.client, c->o.lang, &lang) != 0) {
		rp_err(c->cli, "--lang: '%s' is not fr, de or en", lang);
		return RP_EXIT_ERROR;
	}
	if (c->o.sent_at && (!c->o.sent || rp_time_parse(c->o.sent_at, &when, NULL) != 0)) {
		rp_err(c->cli, c->o.sent ? "--sent-at: '%s' is not an ISO 8601 time" :
		    "--sent-at '%s' needs --sent", c->o.sent_at);
		return RP_EXIT_ERROR;
	}
	if ((c->o.file || c->o.deadline) && !c->o.sent) {
		rp_err(c->cli, "--file and --deadline go with --sent");
		return RP_EXIT_ERROR;
	}
	if (cx_load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (c->site == NULL)
		rp_warn(c->cli, "no site profile (riposte.conf): the draft has gaps marked [...]");
	if ((r = rp_notify_template(c->site, c->o.to, lang, &name)) != 0 ||
	    (r = rp_notify_draft(c->cli->data_dir, name.buf, &k, c->site, c->o.client, lang,
	    c->cli->now, &draft)) != 0) {
		rp_err(c->cli, "template '%s': %s", name.buf, rp_strerror(r));
		goto out;
	}
	/* which deadline a --sent closes, checked before anything is printed */
	if (c->o.sent && (cx_deadlines_of(c, &k, &d) != 0))
		goto out;
	if (c->o.sent && rp_notify_closes(&d, c->o.to, c->o.deadline, &closes) != 0) {
		rp_err(c->cli, "--deadline: '%s' is not one of this case's deadlines "
		    "(see 'riposte case deadlines')", c->o.deadline);
		goto out;
	}
	if (c->o.file && (r = rp_file_read_all(AT_FDCWD, c->o.file, &sent, 64 << 20)) != 0) {
		rp_err(c->cli, "cannot read '%s': %s", c->o.file, rp_strerror(r));
		goto out;
	}
	if (c->o.out) {
		if ((r = rp_file_write_atomic(c->o.out, draft.buf, draft.len, 0644)) != 0) {
			rp_err(c->cli, "cannot write '%s': %s", c->o.out, rp_strerror(r));
			goto out;
		}
	} else if (rp_cli_put(c->cli, &draft) != 0) {
		goto out;
	}
	if (!c->o.sent) {
		rc = RP_EXIT_CLEAN;
		goto out;
	}
	/* what was sent: the edited file if given, else the draft */
	s = (struct rp_notify_sent){ c->o.to, lang, c->o.client, closes, when,
	    c->o.file ? sent.buf : draft.buf, c->o.file ? sent.len : draft.len };
	if ((r = rp_case_notify_record(c->st, k.info.id, c->cli->now, c->actor, &s, sha,
	    &t)) != 0) {
		cx_store_err(c, r);
		goto out;
	}
	cx_done(c, "recorded: %s; SHA-256 %s", t.buf, sha);
	rc = RP_EXIT_CLEAN;
out:
	rp_buf_release(&name);
	rp_buf_release(&draft);
	rp_buf_release(&sent);
	rp_buf_release(&t);
	rp_deadlines_release(&d);
	rp_case_release(&k);
	return rc;
}
