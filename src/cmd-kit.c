/*
 * riposte kit: the staff awareness kit as PDFs, in the practice's colours, with its own
 * contacts; the sheets about the register's top risks and the past incidents first.
 * The engine is lib/prepare/kit.c; the PDFs are lib/case/pdf.c's.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "case/config.h"
#include "case/pdf.h"
#include "cli-journal.h"
#include "cmd-kit.h"
#include "commands.h"
#include "core/data.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/l10n.h"
#include "modules.h"
#include "prepare/doc.h"
#include "prepare/drill.h"
#include "prepare/kit.h"
#include "prepare/risk.h"
#include "site-conf.h"
#include "store/store.h"

#define DEFAULT_COLOR 0x1F5F8B      /* a calm blue when [branding] has no colour */

static const char usage[] =
"NAME\n"
"    riposte kit - the staff awareness kit, in the practice's colours\n"
"\n"
"SYNOPSIS\n"
"    riposte kit --out DIR [--lang fr|de|en] [--format text|jsonl]\n"
"    riposte kit quiz [--answers FILE] [--name NAME] [--lang fr|de|en]\n"
"    riposte kit results [--format text|jsonl|csv]\n"
"    (every form takes --config FILE and --db PATH)\n"
"\n"
"DESCRIPTION\n"
"    \"In 72 % of cases the flaw is human\": an employee who forwarded an infected\n"
"    mail, typed a password into a fake page, paid an invoice with new bank details.\n"
"    The kit is what the staff read and pin up, written for them, in the site's\n"
"    language, with the practice's name, colour, logo and contacts:\n"
"      one-page sheets: phishing and forwarded mail (\"you forwarded a strange mail?\n"
"        tell us, nobody will blame you\"), passwords and two-factor login, updates,\n"
"        backups, \"your screen shows a ransom note: what to do\", \"nobody changes\n"
"        bank details by mail\", CEO fraud;\n"
"      a memo card (A5) of the first actions and whom to call;\n"
"      an A3 poster;\n"
"      a 10-question quiz and its answer sheet.\n"
"    The sheets about a threat of a past incident (a case that raised it in the risk\n"
"    register) come first, then those about the register's top risks; the files are\n"
"    numbered in that order (01-...pdf). Without a database, the kit's own order.\n"
"\n"
"    Branding, in riposte.conf:\n"
"      [branding]\n"
"      name = Praxis Dr. med. Muster     (default: [site] name)\n"
"      color = #0B6E4F                   (the title bands, headings, boxes)\n"
"      logo = logo.png                   (a PNG, relative to riposte.conf)\n"
"    The contacts come from [contact it-provider], [insurance] (insurer, hotline,\n"
"    policy), [contact dpo] (or lawyer), [contact police], [contact bank]; a missing\n"
"    one is a line to fill in by hand. The texts are data (data/kit/LANG/), to adapt.\n"
"\n"
"    quiz scores a staff member's quiz, asked in the terminal or read from a file of\n"
"    answers ('1: b', one line per question), and keeps the result (name, score) in\n"
"    the database, so that awareness can be followed per person over time: results.\n"
"\n"
"OPTIONS\n"
"    --out DIR       where the PDFs go (created; a file of the same name is replaced)\n"
"    --lang L        fr, de or en (default: [site] language, else en)\n"
"    --answers FILE  quiz: the answers instead of the terminal\n"
"    --name NAME     quiz: the staff member (asked when not given)\n"
"    --format F      the kit: text (default) or jsonl; results: text, jsonl or csv\n"
"    --config FILE   the site profile (default: $RIPOSTE_CONF, ./riposte.conf,\n"
"                    /etc/riposte/riposte.conf)\n"
"    --db PATH       the database: the register and incidents that order the sheets,\n"
"                    the quiz results (default: $RIPOSTE_DB, else ./riposte.db)\n"
"    -h, --help      this text\n"
"\n"
"OUTPUT\n"
"    The kit, text: one line per PDF (file, paper, pages, title, why it comes first).\n"
"    jsonl: {\"kind\":\"pdf\",\"file\":...,\"doc\":...,\"title\":...,\"paper\":\"A4\",\n"
"      \"pages\":1,\"why\":...|null}, then {\"kind\":\"summary\",\"dir\":...,\"lang\":...,\n"
"      \"site\":...,\"color\":\"#RRGGBB\",\"pdfs\":N,\"ordered_by\":\"register\"|\"index\"}\n"
"    quiz: the score and, for each wrong answer, the right one and why.\n"
"    results: one line per quiz taken (when, who, score, language).\n"
"\n"
"EXIT STATUS\n"
"    0 done, 2 error (no --out, unknown language, a bad colour or logo, a document\n"
"    that does not fit its page, a bad answers file)\n"
"\n"
"EXAMPLES\n"
"    riposte kit --out kit/\n"
"    riposte kit --lang fr --out kit-fr/ --config /etc/riposte/riposte.conf\n"
"    riposte kit quiz --name 'Anna Beispiel'\n"
"    riposte kit quiz --answers anna.txt --name 'Anna Beispiel'\n"
"    riposte kit results --format csv\n";

enum { O_DB = 256, O_CONFIG, O_FORMAT, O_LANG, O_OUT, O_ANSWERS, O_NAME };

static const struct option longopts[] = {
	{ "db", required_argument, NULL, O_DB },
	{ "config", required_argument, NULL, O_CONFIG },
	{ "format", required_argument, NULL, O_FORMAT },
	{ "lang", required_argument, NULL, O_LANG },
	{ "out", required_argument, NULL, O_OUT },
	{ "answers", required_argument, NULL, O_ANSWERS },
	{ "name", required_argument, NULL, O_NAME },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int
kit_words(const struct kit_cli *c, struct rp_ini **words)
{
	struct rp_buf t = RP_BUF_INIT;
	char name[32];
	int r, line = 0;

	snprintf(name, sizeof(name), "kit/%s/words.ini", c->lang);
	if ((r = rp_data_load(c->cli->data_dir, name, &t)) == 0)
		r = rp_ini_parse(t.buf, t.len, words, &line);
	if (r != 0)
		rp_err(c->cli, "cannot read the kit's words (%s): %s", name, rp_strerror(r));
	rp_buf_release(&t);
	return r ? -1 : 0;
}

const char *
kit_site_name(const struct kit_cli *c)
{
	const char *v = rp_ini_get(c->site, "branding", "name");

	if (v == NULL || !*v)
		v = rp_ini_get(c->site, "site", "name");
	return v && *v ? v : NULL;
}

/* The logo's path: as written when absolute, else beside the profile. */
static int
logo_path(const struct kit_cli *c, struct rp_buf *out)
{
	const char *logo = rp_ini_get(c->site, "branding", "logo"), *slash;

	if (logo == NULL || !*logo)
		return 0;
	if (logo[0] == '/' || c->config_used == NULL || (slash = strrchr(c->config_used, '/')) == NULL)
		return rp_buf_addstr(out, logo);
	if (rp_buf_add(out, c->config_used, (size_t)(slash - c->config_used + 1)) != 0)
		return RP_ERR_NOMEM;
	return rp_buf_addstr(out, logo);
}

/* The register and the incidents that order the sheets; nothing when there is no
 * database (said on stderr). Returns 1 when the order comes from the register. */
static int
order(struct kit_cli *c, struct rp_kit_doc *docs, size_t n)
{
	struct rp_store *st = NULL;
	struct rp_register reg;
	char **th = NULL, **src = NULL;
	size_t ni = 0;
	int r, used = 0;

	memset(&reg, 0, sizeof(reg));
	if ((r = rp_store_open(&st, c->cli->db_path, 0)) != 0) {
		if (r != RP_ERR_NOTFOUND)
			rp_warn(c->cli, "cannot open database '%s' (%s): the kit's own order",
			    c->cli->db_path, rp_strerror(r));
		rp_kit_order(docs, n, NULL, NULL, NULL, 0);
		return 0;
	}
	if ((r = rp_risk_load(st, &reg)) != 0 || (r = rp_kit_incidents(st, &th, &src, &ni)) != 0)
		rp_warn(c->cli, "cannot read the risk register in '%s' (%s): the kit's own order",
		    c->cli->db_path, rp_strerror(r));
	else
		used = reg.n > 0 || ni > 0;
	rp_kit_order(docs, n, r == 0 ? &reg : NULL, r == 0 ? (const char *const *)th : NULL,
	    r == 0 ? (const char *const *)src : NULL, r == 0 ? ni : 0);
	rp_register_release(&reg);
	rp_kit_strings_free(th, ni);
	rp_kit_strings_free(src, ni);
	rp_store_close(st);
	return used;
}

/* The document of one entry of the kit. */
static int
build(struct kit_cli *c, const struct rp_kit_doc *k, const struct rp_kit_fill *fill,
    struct rp_buf *doc, char *title)
{
	struct rp_buf t = RP_BUF_INIT;
	struct rp_quiz *q = NULL;
	char name[64];
	size_t line = 0;
	int r;

	if (k->kind == RP_KIT_QUIZ || k->kind == RP_KIT_ANSWERS) {
		if ((r = rp_quiz_load(c->cli->data_dir, c->lang, &q)) == 0)
			r = rp_quiz_doc(q, fill, k->kind == RP_KIT_ANSWERS, doc, title);
		if (r != 0)
			rp_err(c->cli, "kit/%s/quiz.ini: %s", c->lang, rp_strerror(r));
		rp_quiz_free(q);
		return r;
	}
	snprintf(name, sizeof(name), "kit/%s/%s.txt", c->lang, k->name);
	if ((r = rp_data_load(c->cli->data_dir, name, &t)) != 0)
		rp_err(c->cli, "cannot read %s: %s", name, rp_strerror(r));
	else if ((r = rp_kit_sheet_parse(t.buf, t.len, fill, doc, title, &line)) != 0)
		rp_err(c->cli, "%s line %zu: %s", name, line, rp_strerror(r));
	rp_buf_release(&t);
	return r;
}

/* A kit written before in another order: its file of this document goes. */
static void
remove_old(const char *dir, const struct rp_kit_doc *k, size_t keep, size_t n)
{
	char path[4096];
	size_t i;

	for (i = 1; i <= n && i < 100; i++)
		if (i != keep && (size_t)snprintf(path, sizeof(path), "%s/%02zu-%s.pdf", dir, i,
		    k->name) < sizeof(path))
			(void)unlink(path);
}

static int
kit_write(struct kit_cli *c)
{
	struct rp_kit_doc *docs = NULL;
	struct rp_ini *words = NULL;
	struct rp_buf doc = RP_BUF_INIT, out = RP_BUF_INIT, logo = RP_BUF_INIT, foot = RP_BUF_INIT;
	struct rp_buf date = RP_BUF_INIT;
	struct rp_pdf *pdf = NULL;
	struct rp_kit_fill fill;
	struct rp_locale loc;
	const char *color_s = rp_ini_get(c->site, "branding", "color");
	unsigned color = DEFAULT_COLOR;
	size_t i, n = 0;
	int fmt, r, rc = RP_EXIT_ERROR, by_register;
	struct stat sb;

	if ((fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl")) < 0)
		return RP_EXIT_ERROR;
	if (c->nargs != 0) {
		rp_err(c->cli, "'%s' is not a kit subcommand (quiz, results); the kit is written "
		    "with --out DIR", c->args[0]);
		return RP_EXIT_ERROR;
	}
	if (c->out == NULL || !*c->out) {
		rp_err(c->cli, "where should the PDFs go? --out DIR");
		return RP_EXIT_ERROR;
	}
	if (color_s && *color_s && rp_kit_color(color_s, &color) != 0) {
		rp_err(c->cli, "[branding] color: '%s' is not #RRGGBB", color_s);
		return RP_EXIT_ERROR;
	}
	if ((r = logo_path(c, &logo)) != 0)
		return RP_EXIT_ERROR;
	if (rp_cli_pdf_open(c->cli, &pdf) != 0)
		goto out;
	if (logo.len && (r = rp_pdf_logo_check(pdf, logo.buf, NULL, NULL)) != 0) {
		rp_err(c->cli, "[branding] logo '%s': %s", logo.buf, r == RP_ERR_NOTFOUND ?
		    "cannot be read" : r == RP_ERR_TOOBIG ? "more than 4 MiB or 4096 x 4096 pixels" :
		    "not a PNG file");
		goto out;
	}
	if (c->site == NULL)
		rp_warn(c->cli, "no site profile: the practice's name and contacts are lines to "
		    "fill in by hand (riposte site example)");
	if (mkdir(c->out, 0755) != 0 && errno != EEXIST) {
		rp_err(c->cli, "cannot create '%s': %s", c->out, strerror(errno));
		goto out;
	}
	if (stat(c->out, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		rp_err(c->cli, "'%s' is not a directory", c->out);
		goto out;
	}
	if (kit_words(c, &words) != 0)
		goto out;
	if ((r = rp_kit_index(c->cli->data_dir, &docs, &n)) != 0) {
		rp_err(c->cli, "cannot read the kit's index (kit/kit.ini): %s", rp_strerror(r));
		goto out;
	}
	by_register = order(c, docs, n);
	fill.site = c->site;
	fill.words = words;
	fill.site_name = kit_site_name(c);
	rp_locale_init(&loc, c->lang, rp_ini_get(c->site, "site", "country"));
	if ((r = rp_locale_date(&date, &loc, c->cli->now)) != 0 ||
	    (r = rp_doc_fill(&foot, rp_ini_get(words, "footer", "text") ? rp_ini_get(words, "footer",
	    "text") : "{{site}} · {{date}}", "site", fill.site_name ? fill.site_name : "", "date",
	    date.buf, NULL)) != 0)
		goto out;
	if (fmt == RP_FMT_TEXT) {
		if ((r = rp_buf_addf(&out, "The awareness kit (%s) in '", c->lang)) != 0 ||
		    (r = rp_esc_text(&out, c->out, strlen(c->out))) != 0 ||
		    (r = rp_buf_addf(&out, "'%s:\n", by_register ? ", the register's top risks and "
		    "past incidents first" : "")) != 0)
			goto out;
	}
	for (i = 0; i < n; i++) {
		const struct rp_kit_doc *k = &docs[i];
		struct rp_pdf_layout lay;
		char title[256], file[64], path[4096];
		int pages = 0;

		rp_buf_reset(&doc);
		if (build(c, k, &fill, &doc, title) != 0)
			goto out;
		snprintf(file, sizeof(file), "%02zu-%s.pdf", i + 1, k->name);
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", c->out, file) >= sizeof(path)) {
			rp_err(c->cli, "'%s': path too long", c->out);
			goto out;
		}
		memset(&lay, 0, sizeof(lay));
		lay.max_pages = k->kind == RP_KIT_QUIZ ? 2 : 1;
		lay.margin = k->page_w < 500 ? 30 : k->page_w > 800 ? 60 : 42;
		lay.title = title;
		lay.page_w = k->page_w;
		lay.page_h = k->page_h;
		lay.scale = k->scale;
		lay.branded = 1;
		lay.color = color;
		lay.logo = logo.len ? logo.buf : NULL;
		lay.footer = foot.buf;
		if ((r = rp_pdf_render(pdf, path, doc.buf, doc.len, &lay, &pages)) != 0) {
			if (r == RP_ERR_TOOBIG)
				rp_err(c->cli, "%s does not fit on %d page%s: shorten kit/%s/%s", file,
				    lay.max_pages, lay.max_pages > 1 ? "s" : "", c->lang, k->name);
			else
				rp_err(c->cli, "cannot write '%s': %s", path, rp_strerror(r));
			goto out;
		}
		remove_old(c->out, k, i + 1, n);
		if (fmt == RP_FMT_JSONL) {
			if ((r = rp_buf_addf(&out, "{\"kind\":\"pdf\",\"file\":\"%s\",\"doc\":\"%s\","
			    "\"title\":", file, k->name)) != 0 || (r = rp_json_str(&out, title)) != 0 ||
			    (r = rp_buf_addf(&out, ",\"paper\":\"%s\",\"pages\":%d,\"why\":", k->paper,
			    pages)) != 0 || (r = k->why[0] ? rp_json_str(&out, k->why) :
			    rp_buf_addstr(&out, "null")) != 0 || (r = rp_buf_addstr(&out, "}\n")) != 0)
				goto out;
		} else if ((r = rp_buf_addf(&out, "  %-22s %s, %d page%s  ", file, k->paper, pages,
		    pages > 1 ? "s" : " ")) != 0 || (r = rp_esc_text(&out, title, strlen(title))) != 0 ||
		    (k->why[0] && (r = rp_buf_addf(&out, "  [%s]", k->why)) != 0) ||
		    (r = rp_buf_addch(&out, '\n')) != 0) {
			goto out;
		}
	}
	if (fmt == RP_FMT_JSONL) {
		if ((r = rp_buf_addstr(&out, "{\"kind\":\"summary\",\"dir\":")) != 0 ||
		    (r = rp_json_str(&out, c->out)) != 0 ||
		    (r = rp_buf_addf(&out, ",\"lang\":\"%s\"", c->lang)) != 0 ||
		    (r = rp_json_kv(&out, "site", fill.site_name)) != 0 ||
		    (r = rp_buf_addf(&out, ",\"color\":\"#%06X\",\"pdfs\":%zu,\"ordered_by\":\"%s\"}\n",
		    color, n, by_register ? "register" : "index")) != 0)
			goto out;
	}
	if (rp_cli_put(c->cli, &out) == 0)
		rc = RP_EXIT_CLEAN;
out:
	rp_pdf_free(pdf);
	free(docs);
	rp_ini_free(words);
	rp_buf_release(&doc);
	rp_buf_release(&out);
	rp_buf_release(&logo);
	rp_buf_release(&foot);
	rp_buf_release(&date);
	return rc;
}

int
cmd_kit(struct rp_cli *cli, int argc, char **argv)
{
	struct kit_cli c;
	const char *site_lang;
	int ch, rc;

	memset(&c, 0, sizeof(c));
	c.cli = cli;
	rp_cli_opt_begin();
	while ((ch = rp_cli_getopt(cli, argc, argv, "h", longopts, usage)) != -1) {
		switch (ch) {
		case 'h': return rp_cli_usage(cli, usage, 1);
		case O_DB: cli->db_path = optarg; break;
		case O_CONFIG: c.config = optarg; break;
		case O_FORMAT: c.format = optarg; break;
		case O_LANG: c.lang_opt = optarg; break;
		case O_OUT: c.out = optarg; break;
		case O_ANSWERS: c.answers = optarg; break;
		case O_NAME: c.name = optarg; break;
		default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	c.args = argv + optind;
	c.nargs = argc - optind;
	c.actor = rp_cli_actor();
	if (rp_site_conf_load(cli, c.config, &c.site, &c.config_used) != 0)
		return RP_EXIT_ERROR;
	if (c.lang_opt) {
		if (rp_drill_lang_index(c.lang_opt) < 0) {
			rp_err(cli, "--lang: '%s' is not a language of the kit (fr, de, en)", c.lang_opt);
			rp_ini_free(c.site);
			return RP_EXIT_ERROR;
		}
		c.lang = c.lang_opt;
	} else {
		site_lang = rp_ini_get(c.site, "site", "language");
		c.lang = rp_drill_lang_index(site_lang) >= 0 ? site_lang : "en";
	}
	if (c.nargs > 0 && strcmp(c.args[0], "quiz") == 0) {
		c.args++;
		c.nargs--;
		rc = kit_sub_quiz(&c);
	} else if (c.nargs > 0 && strcmp(c.args[0], "results") == 0) {
		c.args++;
		c.nargs--;
		rc = kit_sub_results(&c);
	} else {
		rc = kit_write(&c);
	}
	rp_ini_free(c.site);
	return rc;
}
