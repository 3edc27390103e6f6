/*
 * riposte plan: the one-page emergency plan, made from the site profile in the site's
 * language, to print and pin next to the phone. The engine is lib/prepare/plan.c.
 */
#include <getopt.h>
#include <string.h>

#include "case/config.h"
#include "case/pdf.h"
#include "commands.h"
#include "core/err.h"
#include "core/file.h"
#include "modules.h"
#include "prepare/doc.h"
#include "prepare/plan.h"
#include "site-conf.h"

static const char usage[] =
"NAME\n"
"    riposte plan - the one-page emergency plan, from the site profile\n"
"\n"
"SYNOPSIS\n"
"    riposte plan [--lang fr|de|en|it] [--format text|md|html|pdf] [-o FILE]\n"
"                 [--config FILE]\n"
"\n"
"DESCRIPTION\n"
"    Writes the page a practice prints and pins next to the phone, before anything\n"
"    happens, from riposte.conf (see 'riposte site --help'):\n"
"      1. whom to call, in order: the IT provider, the cyber insurer's hotline with\n"
"         the policy number (before hiring anyone), the data-protection officer or\n"
"         lawyer, the police, the data-protection regulator, the bank; each with\n"
"         phone, e-mail and the day it was verified, stale ones marked as\n"
"         'riposte site check' finds them;\n"
"      2. the first hour: do not switch off or restart, cut the network (also the\n"
"         links to clients and suppliers), plug nothing new in, do not pay, write the\n"
"         times down, keep the ransom note, call the insurer before any vendor; with\n"
"         the riposte command of each step (case open, isolate, collect, scan);\n"
"      3. when a client says we sent them a virus: stop sending mail, keep the\n"
"         mailbox as it is, warn the clients by phone;\n"
"      4. the legal clocks that start at awareness for this site (its country,\n"
"         sector, NIS2 and critical-infrastructure status), and when each applies;\n"
"      5. where the backups are ([backup] path, description) and when they were\n"
"         last checked (last-checked; older than three months is marked).\n"
"    The language is the site's ('language =' in [site]) unless --lang says another;\n"
"    dates as that language and the site's country write them, times in the site's\n"
"    time zone. The PDF is one A4 page: the type is made smaller until it fits.\n"
"\n"
"OPTIONS\n"
"    --lang L        fr, de, en or it (default: [site] language, else en)\n"
"    --format F      text (default), md, html (self-contained, printable) or pdf\n"
"    -o FILE         write to FILE (replaced atomically); pdf needs it. Default:\n"
"                    standard output\n"
"    --config FILE   the site profile (default: $RIPOSTE_CONF, ./riposte.conf,\n"
"                    /etc/riposte/riposte.conf)\n"
"    -h, --help      this text\n"
"\n"
"OUTPUT\n"
"    The plan, in the format asked for. On standard error, when the profile has gaps\n"
"    (they are marked on the plan too): a warning that names 'riposte site check'.\n"
"\n"
"EXIT STATUS\n"
"    0 the plan was written (also with gaps: they are marked on the page),\n"
"    2 error (no site profile, unknown language, the PDF does not fit one page,\n"
"    cannot write FILE)\n"
"\n"
"EXAMPLES\n"
"    riposte plan\n"
"    riposte plan --format pdf -o notfallplan.pdf\n"
"    riposte plan --lang fr --format html -o plan-urgence.html\n"
"    riposte plan --config /srv/praxis/riposte.conf --format md\n";

static const struct option longopts[] = {
	{ "lang", required_argument, NULL, 'l' },
	{ "format", required_argument, NULL, 'f' },
	{ "config", required_argument, NULL, 'c' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int
cmd_plan(struct rp_cli *cli, int argc, char **argv)
{
	struct rp_buf doc = RP_BUF_INIT, out = RP_BUF_INIT;
	struct rp_plan_info info;
	struct rp_ini *site = NULL;
	struct rp_pdf *pdf = NULL;
	const char *want = NULL, *format = "text", *path = NULL, *config = NULL, *lang;
	int ch, r, rc = RP_EXIT_ERROR, fmt;

	rp_cli_opt_begin();
	while ((ch = rp_cli_getopt(cli, argc, argv, "ho:", longopts, usage)) != -1) {
		switch (ch) {
		case 'l': want = optarg; break;
		case 'f': format = optarg; break;
		case 'o': path = optarg; break;
		case 'c': config = optarg; break;
		case 'h': return rp_cli_usage(cli, usage, 1);
		default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	if (optind < argc) {
		rp_err(cli, "unexpected argument '%s' (the plan is made from the site profile)",
		    argv[optind]);
		return RP_EXIT_ERROR;
	}
	fmt = strcmp(format, "text") == 0 ? RP_DOC_TEXT : strcmp(format, "md") == 0 ? RP_DOC_MD :
	    strcmp(format, "html") == 0 ? RP_DOC_HTML : strcmp(format, "pdf") == 0 ? -1 : -2;
	if (fmt == -2) {
		rp_err(cli, "--format: '%s' is not text, md, html or pdf", format);
		return RP_EXIT_ERROR;
	}
	if (fmt == -1 && (path == NULL || strcmp(path, "-") == 0)) {
		rp_err(cli, "a PDF plan needs a file: -o plan.pdf");
		return RP_EXIT_ERROR;
	}
	if (rp_site_conf_load(cli, config, &site, NULL) != 0)
		return RP_EXIT_ERROR;
	if (site == NULL) {
		rp_err(cli, "no site profile: none of $RIPOSTE_CONF, ./riposte.conf, "
		    "/etc/riposte/riposte.conf exists; start from 'riposte site example'");
		return RP_EXIT_ERROR;
	}
	if (fmt == -1 && rp_cli_pdf_open(cli, &pdf) != 0)
		goto out;
	if (rp_plan_lang(site, want, &lang) != 0) {
		rp_err(cli, "%s'%s' is not a language of the plan (fr, de, en, it)",
		    want ? "--lang: " : "[site] language: ", lang);
		goto out;
	}
	if ((r = rp_plan_make(site, cli->data_dir, lang, cli->now, &doc, &info)) != 0) {
		rp_err(cli, "cannot make the plan: %s", rp_strerror(r));
		goto out;
	}
	if (fmt == -1) {
		struct rp_pdf_layout lay = { .max_pages = 1, .margin = 36.0, .title = info.title };

		if ((r = rp_pdf_render(pdf, path, doc.buf, doc.len, &lay, NULL)) != 0) {
			if (r == RP_ERR_TOOBIG)
				rp_err(cli, "the plan does not fit on one A4 page: shorten the "
				    "descriptions in riposte.conf");
			else
				rp_err(cli, "cannot write '%s': %s", path, rp_strerror(r));
			goto out;
		}
	} else {
		if ((r = rp_doc_render(doc.buf, doc.len, fmt, lang, &out)) != 0) {
			rp_err(cli, "cannot render the plan: %s", rp_strerror(r));
			goto out;
		}
		if (path == NULL || strcmp(path, "-") == 0) {
			if (rp_cli_put(cli, &out) != 0)
				goto out;
		} else if ((r = rp_file_write_atomic(path, out.buf, out.len, 0644)) != 0) {
			rp_err(cli, "cannot write '%s': %s", path, rp_strerror(r));
			goto out;
		}
	}
	if (info.issues)
		rp_warn(cli, "%zu %s of the site profile missing, stale or invalid (marked on the "
		    "plan): see 'riposte site check'", info.issues, info.issues > 1 ? "entries" :
		    "entry");
	rc = RP_EXIT_CLEAN;
out:
	rp_pdf_free(pdf);
	rp_buf_release(&doc);
	rp_buf_release(&out);
	rp_ini_free(site);
	return rc;
}
