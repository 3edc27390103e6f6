/*
 * riposte case: deadlines and notifications — the legal deadlines of the case, and the
 * drafts to the insurer, the authority, the police, the IT provider and clients, with
 * what a notification sent closes.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "case/case.h"
#include "case/config.h"
#include "cmd-case.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/sha256.h"
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
	struct rp_deadlines d = { 0 };
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

/* The directory the letters go to: made when missing. 0, or -1 (said). */
static int
letters_dir(struct cx *c, const char *dir)
{
	struct stat sb;

	if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
		rp_err(c->cli, "cannot create '%s': %s", dir, strerror(errno));
		return -1;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		rp_err(c->cli, "-o '%s': the letters per organisation need a directory", dir);
		return -1;
	}
	return 0;
}

static void
letter_line(struct cx *c, struct rp_buf *b, const struct rp_letter *l, const char *path,
    const char *sha)
{
	size_t i;

	if (c->o.fmt == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"letter\"");
		cx_json_str(b, "org", l->org);
		cx_json_str(b, "name", l->name);
		cx_json_str(b, "client", l->client);
		cx_json_str(b, "lang", l->lang);
		cx_json_str(b, "class", rp_contact_class_name(l->cls));
		cx_json_str(b, "file", path);
		rp_buf_addstr(b, ",\"addresses\":[");
		for (i = 0; i < l->naddresses; i++) {
			if (i)
				rp_buf_addch(b, ',');
			rp_json_str(b, l->addresses[i]);
		}
		rp_buf_addch(b, ']');
		cx_json_str(b, "sha256", sha);
		rp_buf_addstr(b, "}\n");
		return;
	}
	rp_buf_addf(b, "%-13s  %s  ", rp_contact_class_name(l->cls), l->lang);
	cx_text(b, path);
	rp_buf_addstr(b, "  ");
	cx_text(b, l->name);
	rp_buf_addf(b, " (%zu address%s)\n", l->naddresses, l->naddresses == 1 ? "" : "es");
}

/* --to clients when the case holds the contacts of a mail trace: one letter per
 * organisation into the directory -o, each in its language; --sent records each. */
static int
notify_letters(struct cx *c, const struct rp_case *k, int64_t when)
{
	struct rp_buf b = RP_BUF_INIT, path = RP_BUF_INIT, t = RP_BUF_INIT;
	struct rp_deadlines d = { 0 };
	struct rp_letters L = { NULL, 0 };
	struct rp_notify_sent s;
	const char *closes = NULL;
	size_t i, n[RP_CONTACT_NCLASSES] = { 0 };
	char sha[65];
	int r, rc = RP_EXIT_ERROR;

	if (c->o.out == NULL || strcmp(c->o.out, "-") == 0) {
		rp_err(c->cli, "the case holds the contacts of a mail trace: write one letter per "
		    "organisation with -o DIR");
		return RP_EXIT_ERROR;
	}
	if (c->o.lang || c->o.client || c->o.file) {
		rp_err(c->cli, "--lang, --client and --file do not go with the letters per "
		    "organisation: each is written in its organisation's language");
		return RP_EXIT_ERROR;
	}
	if (cx_want_format(c, "text,jsonl", RP_FMT_TEXT) < 0)
		return RP_EXIT_ERROR;
	if (c->site == NULL || rp_ini_get(c->site, "site", "phone") == NULL)
		rp_warn(c->cli, "no [site] phone in the site profile: the bank-details warning of "
		    "every letter has a gap marked [...]");
	if (c->o.sent && (cx_deadlines_of(c, k, &d) != 0))
		goto out;
	if (c->o.sent && rp_notify_closes(&d, "clients", c->o.deadline, &closes) != 0) {
		rp_err(c->cli, "--deadline: '%s' is not one of this case's deadlines "
		    "(see 'riposte case deadlines')", c->o.deadline);
		goto out;
	}
	if ((r = rp_case_letters(c->cli->data_dir, k, c->site, c->cli->now, &L)) != 0) {
		rp_err(c->cli, "letters: %s", rp_strerror(r));
		goto out;
	}
	if (letters_dir(c, c->o.out) != 0)
		goto out;
	for (i = 0; i < L.n; i++) {
		const struct rp_letter *l = &L.v[i];

		rp_buf_reset(&path);
		rp_buf_addf(&path, "%s%s%s", c->o.out, c->o.out[strlen(c->o.out) - 1] == '/' ? "" :
		    "/", l->file);
		if ((r = rp_file_write_atomic(path.buf, l->text.buf, l->text.len, 0644)) != 0) {
			rp_err(c->cli, "cannot write '%s': %s", path.buf, rp_strerror(r));
			goto out;
		}
		n[l->cls]++;
		if (c->o.sent) {
			/* the first letter closes the deadline, as one --to clients would */
			s = (struct rp_notify_sent){ "clients", l->lang, l->client, i ? NULL : closes,
			    when, l->text.buf, l->text.len, l->org };
			rp_buf_reset(&t);
			if ((r = rp_case_notify_record(c->st, k->info.id, c->cli->now, c->actor, &s, sha,
			    &t)) != 0) {
				cx_store_err(c, r);
				goto out;
			}
			cx_done(c, "recorded: %s; SHA-256 %s", t.buf, sha);
		} else if (rp_sha256_hex(l->text.buf, l->text.len, sha) != 0) {
			goto out;
		}
		letter_line(c, &b, l, path.buf, sha);
	}
	if (c->o.fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"letters\":%zu,\"infected\":%zu,"
		    "\"exposed\":%zu,\"precautionary\":%zu,\"sent\":%s}\n", L.n,
		    n[RP_CONTACT_INFECTED], n[RP_CONTACT_EXPOSED], n[RP_CONTACT_PRECAUTIONARY],
		    c->o.sent ? "true" : "false");
	else
		rp_buf_addf(&b, "%zu letters: %zu infected, %zu exposed, %zu precautionary%s\n", L.n,
		    n[RP_CONTACT_INFECTED], n[RP_CONTACT_EXPOSED], n[RP_CONTACT_PRECAUTIONARY],
		    c->o.sent ? "; recorded as sent" : "");
	if (cx_put(c, &b) == 0)
		rc = RP_EXIT_CLEAN;
out:
	rp_buf_release(&b);
	rp_buf_release(&path);
	rp_buf_release(&t);
	rp_letters_release(&L);
	rp_deadlines_release(&d);
	return rc;
}

int
cx_notify(struct cx *c)
{
	struct rp_buf name = RP_BUF_INIT, draft = RP_BUF_INIT, sent = RP_BUF_INIT,
	    t = RP_BUF_INIT;
	struct rp_deadlines d = { 0 };
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
	if (strcmp(c->o.to, "clients") == 0 && k.ncontacts > 0) {
		rc = notify_letters(c, &k, when);
		goto out;
	}
	if (rp_notify_lang(c->site, c->o.client, c->o.lang, &lang) != 0) {
		rp_err(c->cli, "--lang: '%s' is not fr, de or en", lang);
		goto out;
	}
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
	    c->o.file ? sent.buf : draft.buf, c->o.file ? sent.len : draft.len, NULL };
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
