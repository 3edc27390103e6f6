/*
 * riposte case: what goes into and comes out of the case's record — attached results,
 * indicators of compromise (and their STIX export), the final report.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

#include "case/case.h"
#include "case/config.h"
#include "cmd-case.h"
#include "core/err.h"
#include "core/file.h"
#include "case/pdf.h"
#include "modules.h"

int
cx_attach(struct cx *c)
{
	struct rp_buf f = RP_BUF_INIT, t = RP_BUF_INIT;
	struct rp_attach_info a;
	const char *name;
	int64_t id;
	int r, rc = RP_EXIT_ERROR;

	memset(&a, 0, sizeof(a));
	if (cx_need_args(c, 1, "the JSONL file to attach") != 0 || cx_resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	name = c->o.args[0];
	if ((r = rp_file_read_all(AT_FDCWD, name, &f, 256 << 20)) != 0) {
		rp_err(c->cli, "cannot read '%s': %s", name, rp_strerror(r));
		goto out;
	}
	if ((r = rp_attach_parse(f.buf, f.len, c->o.source, &a)) != 0) {
		if (r == RP_ERR_FORMAT)
			rp_err(c->cli, "'%s' line %zu: not a riposte JSONL line (an object with \"kind\")",
			    name, a.bad_line);
		else if (r == RP_ERR_NOTFOUND)
			rp_err(c->cli, "'%s' has no {\"kind\":\"summary\"} line: was the run complete?",
			    name);
		else
			rp_err(c->cli, "'%s': %s", name, rp_strerror(r));
		goto out;
	}
	if ((r = rp_case_attach(c->st, id, c->cli->now, c->actor, name, &a, &t)) != 0) {
		cx_store_err(c, r);
		goto out;
	}
	cx_done(c, "%s", t.buf);
	rc = RP_EXIT_CLEAN;
out:
	rp_attach_info_release(&a);
	rp_buf_release(&f);
	rp_buf_release(&t);
	return rc;
}

int
cx_ioc(struct cx *c)
{
	int64_t id;
	int r;

	if (c->o.nargs < 1 || strcmp(c->o.args[0], "add") != 0) {
		rp_err(c->cli, "usage: riposte case ioc add --type TYPE VALUE");
		return RP_EXIT_ERROR;
	}
	c->o.args++;
	c->o.nargs--;
	if (cx_need_args(c, 1, "the IOC value") != 0)
		return RP_EXIT_ERROR;
	if ((r = rp_ioc_check(c->o.type, c->o.args[0])) == RP_ERR_INVALID) {
		rp_err(c->cli, "--type must be sha256, domain, ipv4, url, email or filename");
		return RP_EXIT_ERROR;
	}
	if (r != 0) {
		rp_err(c->cli, "'%s' is not a valid %s", c->o.args[0], c->o.type);
		return RP_EXIT_ERROR;
	}
	if (cx_resolve(c, &id) != 0)
		return RP_EXIT_ERROR;
	r = rp_case_ioc_add(c->st, id, c->cli->now, c->actor, c->o.type, c->o.args[0]);
	return r ? cx_store_err(c, r) : RP_EXIT_CLEAN;
}

int
cx_iocs(struct cx *c)
{
	struct rp_buf b = RP_BUF_INIT, t1 = RP_BUF_INIT;
	struct rp_case k;
	size_t i;
	int r, rc = RP_EXIT_ERROR;

	if (cx_need_args(c, 0, "no arguments") != 0 || cx_load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (c->o.format && strcmp(c->o.format, "stix") == 0) {
		if ((r = rp_case_stix(&k, &b)) != 0) {
			rp_err(c->cli, "STIX export: %s", rp_strerror(r));
			goto out;
		}
		goto print;
	}
	if (cx_want_format(c, "text,jsonl,csv,stix", RP_FMT_TEXT) < 0)
		goto out;
	if (c->o.fmt == RP_FMT_CSV)
		cx_csv_row(&b, 3, "time", "type", "value");
	for (i = 0; i < k.niocs; i++) {
		if (c->o.fmt == RP_FMT_CSV) {
			cx_csv_row(&b, 3, cx_csv_time(&t1, k.iocs[i].time), k.iocs[i].type,
			    k.iocs[i].value);
		} else if (c->o.fmt == RP_FMT_JSONL) {
			rp_buf_addstr(&b, "{\"kind\":\"ioc\"");
			cx_json_time(&b, "time", k.iocs[i].time);
			cx_json_str(&b, "type", k.iocs[i].type);
			cx_json_str(&b, "value", k.iocs[i].value);
			rp_buf_addstr(&b, "}\n");
		} else {
			rp_buf_addf(&b, "%-9s ", k.iocs[i].type);
			cx_text(&b, k.iocs[i].value);
			rp_buf_addch(&b, '\n');
		}
	}
	if (c->o.fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"iocs\":%zu}\n", k.niocs);
print:
	if (cx_put(c, &b) == 0)
		rc = RP_EXIT_CLEAN;
out:
	rp_buf_release(&b);
	rp_buf_release(&t1);
	rp_case_release(&k);
	return rc;
}

int
cx_report(struct cx *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_deadlines d = { 0 };
	struct rp_case k;
	struct rp_claim cl = { .nlines = 0 };
	struct rp_report_in in;
	struct rp_pdf *pdf = NULL;
	const char *lang;
	int fmt, r, rc = RP_EXIT_ERROR, to_stdout;

	if (cx_need_args(c, 0, "no arguments") != 0)
		return RP_EXIT_ERROR;
	if ((fmt = rp_report_format(c->o.format)) < 0) {
		rp_err(c->cli, "report needs --format html, md or pdf");
		return RP_EXIT_ERROR;
	}
	if (c->o.out == NULL) {
		rp_err(c->cli, "report needs -o FILE ('-o -' writes html or md to standard output)");
		return RP_EXIT_ERROR;
	}
	to_stdout = strcmp(c->o.out, "-") == 0;
	if (fmt == RP_REPORT_DOC && to_stdout) {
		rp_err(c->cli, "a PDF report needs a file: -o report.pdf");
		return RP_EXIT_ERROR;
	}
	if ((r = rp_report_lang(c->site, c->o.lang, &lang)) == RP_ERR_INVALID) {
		rp_err(c->cli, "--lang: '%s' is not a language of the report (fr, de, en)", lang);
		return RP_EXIT_ERROR;
	}
	if (r == RP_ERR_NOTFOUND)
		rp_warn(c->cli, "the report has no texts in the site's language '%s': it is in "
		    "English (--lang fr, de or en chooses)", rp_ini_get(c->site, "site", "language"));
	if (cx_load(c, &k) != 0)
		return RP_EXIT_ERROR;
	if (fmt == RP_REPORT_DOC && rp_cli_pdf_open(c->cli, &pdf) != 0)
		goto out;
	cx_warn_no_site(c);
	if ((r = rp_case_check_integrity(c->st, &k)) != 0) {
		cx_store_err(c, r);
		goto out;
	}
	if (k.integrity < 0)
		rp_warn(c->cli, "the journal of case %lld does not verify (entry %lld): the report "
		    "says so", (long long)k.info.id, (long long)k.bad_seq);
	if (cx_deadlines_of(c, &k, &d) != 0 || cx_claim_of(c, &k, &cl) != 0)
		goto out;
	in = (struct rp_report_in){ &k, &d, &cl, c->site, c->cli->data_dir, lang, c->cli->now };
	if ((r = rp_case_report(&in, fmt, &b)) != 0) {
		rp_err(c->cli, "report: %s", rp_strerror(r));
		goto out;
	}
	if (fmt == RP_REPORT_DOC)
		r = rp_pdf_render(pdf, c->o.out, b.buf, b.len, NULL, NULL);
	else if (to_stdout)
		r = cx_put(c, &b) == 0 ? 0 : RP_ERR_SYSTEM;
	else
		r = rp_file_write_atomic(c->o.out, b.buf, b.len, 0644);
	if (r != 0) {
		if (!to_stdout)
			rp_err(c->cli, "cannot write '%s': %s", c->o.out, rp_strerror(r));
		goto out;
	}
	if (!to_stdout)
		cx_done(c, "wrote %s report of case %lld (%s) to '%s'", c->o.format,
		    (long long)k.info.id, lang, c->o.out);
	rc = RP_EXIT_CLEAN;
out:
	rp_pdf_free(pdf);
	rp_buf_release(&b);
	rp_claim_release(&cl);
	rp_deadlines_release(&d);
	rp_case_release(&k);
	return rc;
}
