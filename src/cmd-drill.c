/*
 * riposte drill: tabletop exercises with scoring. Scenarios are data (data/drills/);
 * the engine is lib/prepare/drill*.c. This file: the command, list and show.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "cli-journal.h"
#include "cmd-drill.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "prepare/doc.h"
#include "site-conf.h"
#include "store/store.h"

static const char usage[] =
"NAME\n"
"    riposte drill - tabletop exercises with scoring\n"
"\n"
"SYNOPSIS\n"
"    riposte drill list [--lang L] [--format text|jsonl|csv]\n"
"    riposte drill show NAME|FILE.ini [--lang L] [--format text|jsonl]\n"
"    riposte drill run NAME|FILE.ini [--lang L] [--participants TEXT] [--answers FILE]\n"
"    riposte drill score [RUN] [--format text|jsonl|csv]\n"
"    riposte drill report [RUN] --format md|html|pdf [-o FILE]\n"
"    riposte drill runs [--format text|jsonl|csv]\n"
"    riposte drill actions [--all] [--format text|jsonl|csv]\n"
"    riposte drill done ACTION\n"
"    (every form takes --db PATH and --config FILE)\n"
"\n"
"DESCRIPTION\n"
"    Staff who have rehearsed a crisis do not panic in one. A drill is a scenario\n"
"    played around a table (ANSSI's crisis-exercise guide, CISA's tabletop exercise\n"
"    packages): a facilitator reads the injects in turn (T+0, T+10 min, ...: \"the\n"
"    front desk PC shows a ransom note\", \"the insurer's hotline asks for the policy\n"
"    number\", \"a client calls: your invoice carried a virus\", \"the boss mails from a\n"
"    private address: pay this today\"), the players answer each with one choice or\n"
"    with the actions of a checklist, and each answer scores points in a capability:\n"
"    detect, contain, notify, recover, communicate.\n"
"\n"
"    Built-in scenarios, in French, German and English: ransomware-night (the\n"
"    practice server encrypted overnight), virus-to-client (a client says our mail\n"
"    infected them: the precautionary warning of every other recipient and of the\n"
"    bank details), ceo-fraud, bank-details (a supplier \"changes\" its IBAN by mail).\n"
"    A scenario is an INI file (data/drills/README); one of your own is run from its\n"
"    file: riposte drill run ./our-drill.ini.\n"
"\n"
"    show prints the facilitator's guide: every inject, its question, the choices\n"
"    with their points and capability, the best answer marked, the improvement\n"
"    action when it is missed. run plays the drill in the terminal (each inject with\n"
"    its clock; the answers and the response times are recorded) or, with --answers,\n"
"    logs a paper exercise: one line per inject, 'INJECT: CHOICE[,CHOICE...]' ('-'\n"
"    for a checklist where nothing was ticked; # starts a comment). Each run is\n"
"    stored in the database with the scenario as played, and journaled.\n"
"\n"
"    score rates each capability and the whole as CISA's exercise evaluation does,\n"
"    from the share of the points reached: P (performed without challenges) 90 % or\n"
"    more, S (with some challenges) 70 %, M (with major challenges) 40 %, U (unable\n"
"    to be performed) below 40 %. report writes the lessons learned: what went\n"
"    well, the gaps (every inject not rated P), the improvement plan (action, owner,\n"
"    due date). Writing it feeds the site: each gap's action joins the improvement\n"
"    plan (drill actions; done marks one done) and a gap rated M or U raises its\n"
"    threat's likelihood in the risk register (riposte risk), once per run.\n"
"\n"
"OPTIONS\n"
"    --lang L        fr, de or en (default: [site] language, else en)\n"
"    --participants TEXT\n"
"                    run: who played (names or roles), kept with the run\n"
"    --answers FILE  run: the answers of a paper exercise instead of the terminal\n"
"    --format F      list, score, runs, actions: text (default), jsonl or csv; show:\n"
"                    text or jsonl; report: md, html or pdf\n"
"    -o FILE         report: write to FILE (replaced atomically); pdf needs it\n"
"    --all           actions: also the actions done\n"
"    --config FILE   the site profile: its language, name and contacts (the owners)\n"
"    --db PATH       the database (default: $RIPOSTE_DB, else ./riposte.db)\n"
"    -h, --help      this text\n"
"\n"
"OUTPUT\n"
"    list, jsonl: {\"kind\":\"drill\",\"name\":...,\"title\":...,\"injects\":N,\"langs\":[...]},\n"
"      then {\"kind\":\"summary\",\"drills\":N}\n"
"    show, jsonl: {\"kind\":\"inject\",\"id\":...,\"at\":MINUTES,\"pick\":\"one\"|\"all\",\n"
"      \"text\":...,\"question\":...,\"choices\":[{\"id\",\"text\",\"points\",\"category\"}],\n"
"      \"max\":N,\"threat\":...,\"action\":...,\"owner\":...,\"due_days\":N}, then\n"
"      {\"kind\":\"summary\",\"drill\":...,\"title\":...,\"lang\":...,\"injects\":N,\"max\":N}\n"
"    run: the score as text; \"run N stored\" on standard error.\n"
"    score, jsonl: {\"kind\":\"answer\",\"inject\",\"at\",\"answer\",\"points\",\"max\",\n"
"      \"rating\",\"response_ms\"} per inject, {\"kind\":\"category\",\"category\",\n"
"      \"points\",\"max\",\"rating\"} per capability (rating null when not tested), then\n"
"      {\"kind\":\"summary\",\"drill\",\"run\",\"points\",\"max\",\"rating\",...}\n"
"    score, csv: kind,name,points,max,rating (the answers, capabilities, overall)\n"
"\n"
"EXIT STATUS\n"
"    0 done, 2 error (unknown scenario or run, a bad scenario or answers file: its\n"
"    line is named; no database)\n"
"\n"
"EXAMPLES\n"
"    riposte drill list\n"
"    riposte drill show ransomware-night --lang de > leitfaden.txt\n"
"    riposte drill run ceo-fraud --participants 'front desk, accounting, Dr. Muster'\n"
"    riposte drill run bank-details --answers paper.txt --lang fr\n"
"    riposte drill score --format jsonl\n"
"    riposte drill report --format pdf -o lessons.pdf\n"
"    riposte drill actions\n";

enum { O_DB = 256, O_CONFIG, O_FORMAT, O_LANG, O_ANSWERS, O_PARTICIPANTS, O_ALL };

static const struct option longopts[] = {
	{ "db", required_argument, NULL, O_DB },
	{ "config", required_argument, NULL, O_CONFIG },
	{ "format", required_argument, NULL, O_FORMAT },
	{ "lang", required_argument, NULL, O_LANG },
	{ "answers", required_argument, NULL, O_ANSWERS },
	{ "participants", required_argument, NULL, O_PARTICIPANTS },
	{ "all", no_argument, NULL, O_ALL },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

int
drill_args(const struct drill_cli *c, int min, int max, const char *what)
{
	if (c->nargs < min || c->nargs > max) {
		rp_err(c->cli, "%s: expected %s (see 'riposte drill --help')", c->nargs < min ?
		    "missing argument" : "too many arguments", what);
		return -1;
	}
	return 0;
}

int
drill_store_err(const struct drill_cli *c, struct rp_store *st, int r)
{
	rp_err(c->cli, "'%s': %s%s%s", c->cli->db_path, rp_strerror(r), r == RP_ERR_DB ? ": " : "",
	    r == RP_ERR_DB && st ? rp_store_errmsg(st) : "");
	return RP_EXIT_ERROR;
}

struct rp_store *
drill_store(const struct drill_cli *c, int create)
{
	struct rp_store *st = NULL;
	int r;

	if ((r = rp_store_open(&st, c->cli->db_path, create ? RP_STORE_CREATE : 0)) == 0)
		return st;
	if (r == RP_ERR_NOTFOUND)
		rp_err(c->cli, "no database '%s': no drill was run yet (riposte drill run NAME)",
		    c->cli->db_path);
	else
		rp_err(c->cli, "cannot open database '%s': %s", c->cli->db_path, rp_strerror(r));
	return NULL;
}

const char *
drill_tx(const struct rp_ini *t, const struct rp_ini *en, const char *sec, const char *key)
{
	const char *v = rp_ini_get(t, sec, key);

	if (v == NULL)
		v = rp_ini_get(en, sec, key);
	return v ? v : "";
}

int
drill_texts(const struct drill_cli *c, const char *lang, struct rp_ini **t, struct rp_ini **en)
{
	int r;

	if ((r = rp_drill_texts(c->cli->data_dir, lang, t, en)) != 0) {
		rp_err(c->cli, "cannot read the drill texts (drills/text/%s.ini): %s", lang,
		    rp_strerror(r));
		return -1;
	}
	return 0;
}

int
drill_load(const struct drill_cli *c, const char *what, struct rp_drill **d,
    struct rp_buf *text)
{
	struct rp_drill_err err;
	char name[RP_DRILL_MAX_ID + 1];
	int r;

	if ((r = rp_drill_load_text(c->cli->data_dir, what, text, name)) != 0) {
		if (r == RP_ERR_NOTFOUND)
			rp_err(c->cli, "no drill '%s' (see 'riposte drill list'; a file of your own: "
			    "./NAME.ini)", what);
		else if (r == RP_ERR_INVALID)
			rp_err(c->cli, "'%s': a scenario file is named NAME.ini, NAME of a-z, 0-9 "
			    "and '-'", what);
		else
			rp_err(c->cli, "cannot read '%s': %s", what, rp_strerror(r));
		return -1;
	}
	if ((r = rp_drill_parse(text->buf, text->len, name, c->lang, d, &err)) != 0) {
		if (r == RP_ERR_FORMAT && err.line)
			rp_err(c->cli, "'%s' line %zu: %s", what, err.line, err.msg);
		else if (r == RP_ERR_FORMAT)
			rp_err(c->cli, "'%s': %s", what, err.msg);
		else
			rp_err(c->cli, "'%s': %s", what, rp_strerror(r));
		return -1;
	}
	return 0;
}

/* ---- list ---- */

struct listing {
	struct drill_cli *c;
	int fmt;
	struct rp_buf b;
	size_t n;
	int err;
};

static int
langs_out(struct rp_buf *b, unsigned langs, int json)
{
	int i, r = 0, first = 1;

	for (i = 0; rp_drill_langs[i] && r == 0; i++) {
		if (!(langs & (1u << i)))
			continue;
		r = json ? rp_buf_addf(b, "%s\"%s\"", first ? "" : ",", rp_drill_langs[i]) :
		    rp_buf_addf(b, "%s%s", first ? "" : " ", rp_drill_langs[i]);
		first = 0;
	}
	return r;
}

static int
list_one(const char *name, const char *text, size_t len, void *ctx)
{
	struct listing *L = ctx;
	struct rp_drill *d = NULL;
	struct rp_drill_err err;
	struct rp_buf *b = &L->b;
	int r;

	if ((r = rp_drill_parse(text, len, name, L->c->lang, &d, &err)) != 0) {
		rp_warn(L->c->cli, "built-in drill '%s': %s", name, err.msg);   /* a bug of ours */
		L->err = 1;
		return 0;
	}
	L->n++;
	if (L->fmt == RP_FMT_JSONL) {
		if ((r = rp_buf_addstr(b, "{\"kind\":\"drill\",\"name\":")) == 0 &&
		    (r = rp_json_str(b, d->name)) == 0 && (r = rp_buf_addstr(b, ",\"title\":")) == 0 &&
		    (r = rp_json_str(b, d->title)) == 0 &&
		    (r = rp_buf_addf(b, ",\"injects\":%zu,\"max\":%d,\"langs\":[", d->n, d->max)) == 0 &&
		    (r = langs_out(b, d->langs, 1)) == 0)
			r = rp_buf_addstr(b, "]}\n");
	} else if (L->fmt == RP_FMT_CSV) {
		if ((r = rp_esc_csv(b, d->name, strlen(d->name))) == 0 && (r = rp_buf_addch(b, ',')) == 0 &&
		    (r = rp_esc_csv(b, d->title, strlen(d->title))) == 0 &&
		    (r = rp_buf_addf(b, ",%zu,%d,", d->n, d->max)) == 0 &&
		    (r = langs_out(b, d->langs, 0)) == 0)
			r = rp_buf_addch(b, '\n');
	} else {
		struct rp_buf l = RP_BUF_INIT;

		if ((r = langs_out(&l, d->langs, 0)) == 0 &&
		    (r = rp_buf_addf(b, "%-18s %7zu %6d  %-9s ", d->name, d->n, d->max, l.buf)) == 0 &&
		    (r = rp_esc_text(b, d->title, strlen(d->title))) == 0)
			r = rp_buf_addch(b, '\n');
		rp_buf_release(&l);
	}
	rp_drill_free(d);
	return r;
}

static int
sub_list(struct drill_cli *c)
{
	struct listing L = { c, 0, RP_BUF_INIT, 0, 0 };
	int r, rc = RP_EXIT_ERROR;

	if (drill_args(c, 0, 0, "no arguments") != 0 ||
	    (L.fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl,csv")) < 0)
		return RP_EXIT_ERROR;
	if (L.fmt == RP_FMT_TEXT)
		r = rp_buf_addstr(&L.b, "name               injects points  langs     title\n");
	else if (L.fmt == RP_FMT_CSV)
		r = rp_buf_addstr(&L.b, "name,title,injects,max,langs\n");
	else
		r = 0;
	if (r == 0)
		r = rp_drill_each_builtin(list_one, &L);
	if (r == 0 && L.fmt == RP_FMT_JSONL)
		r = rp_buf_addf(&L.b, "{\"kind\":\"summary\",\"drills\":%zu,\"lang\":\"%s\"}\n", L.n,
		    c->lang);
	if (r != 0)
		rp_err(c->cli, "cannot list the drills: %s", rp_strerror(r));
	else if (rp_cli_put(c->cli, &L.b) == 0 && !L.err)
		rc = RP_EXIT_CLEAN;
	rp_buf_release(&L.b);
	return rc;
}

/* ---- show: the facilitator's guide ---- */

/* The number of characters (UTF-8 code points) of s: the choices' capability column is
 * padded by what a reader sees, and "Eindämmen" is nine of them in ten bytes. */
static size_t
u8_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Appends tmpl filled with the pairs that follow (rp_doc_fill), escaped for a terminal. */
static int
guide_line(struct rp_buf *b, struct rp_buf *tmp, const char *tmpl, ...)
{
	const char *k[6], *v[6];
	va_list ap;
	size_t n = 0;
	int r;

	va_start(ap, tmpl);
	while (n < 6 && (k[n] = va_arg(ap, const char *)) != NULL)
		v[n++] = va_arg(ap, const char *);
	va_end(ap);
	while (n < 6)
		k[n] = v[n] = NULL, n++;
	r = rp_doc_fill(tmp, tmpl, k[0], v[0], k[1], v[1], k[2], v[2], k[3], v[3], k[4], v[4],
	    k[5], v[5], NULL);
	if (r == 0)
		r = rp_esc_text(b, tmp->buf, tmp->len);
	return r;
}

/* The facilitator's guide, in the scenario's language: every label comes from [guide]
 * and [category] of data/drills/text/LANG.ini, so a German guide reads German. */
static int
show_text(const struct drill_cli *c, const struct rp_drill *d, struct rp_buf *b)
{
	struct rp_ini *t = NULL, *en = NULL;
	struct rp_drill_answer best[RP_DRILL_MAX_INJECTS];
	struct rp_buf tmp = RP_BUF_INIT;
	const char *cat_word[RP_DRILL_NCAT];
	char n1[24], n2[24], n3[24];
	size_t i, k, w, width = 0;
	int r, cat, first = 1;

	if (drill_texts(c, d->lang, &t, &en) != 0)
		return RP_ERR_NOTFOUND;
	for (cat = 0; cat < RP_DRILL_NCAT; cat++) {
		cat_word[cat] = drill_tx(t, en, "category", rp_drill_cats[cat]);
		if (*cat_word[cat] == '\0')
			cat_word[cat] = rp_drill_cats[cat];
		if ((w = u8_width(cat_word[cat])) > width)
			width = w;
	}
	rp_drill_best(d, best);
	r = guide_line(b, &tmp, drill_tx(t, en, "guide", "title"), "title", d->title,
	    "name", d->name, "lang", d->lang, (char *)NULL);
	if (r == 0)
		r = rp_buf_addstr(b, "\n\n");
	if (r == 0 && (r = rp_esc_text(b, d->summary, strlen(d->summary))) == 0)
		r = rp_buf_addstr(b, "\n\n");
	snprintf(n1, sizeof(n1), "%d", d->max);
	if (r == 0)
		r = guide_line(b, &tmp, drill_tx(t, en, "guide", "points"), "n", n1, (char *)NULL);
	for (cat = 0; r == 0 && cat < RP_DRILL_NCAT; cat++)
		if (d->cat_max[cat]) {
			r = rp_buf_addf(b, "%s %s %d", first ? "" : ",", cat_word[cat],
			    d->cat_max[cat]);
			first = 0;
		}
	if (r == 0)
		r = rp_buf_addstr(b, ".\n");
	for (i = 0; r == 0 && i < d->n; i++) {
		const struct rp_drill_inject *in = &d->v[i];

		snprintf(n1, sizeof(n1), "%d", in->at);
		snprintf(n2, sizeof(n2), "%d", in->max);
		if ((r = rp_buf_addch(b, '\n')) == 0)
			r = guide_line(b, &tmp, drill_tx(t, en, "guide", "inject"), "at", n1,
			    "id", in->id, "how", drill_tx(t, en, "guide",
			    in->all ? "pick-all" : "pick-one"), "points", n2, (char *)NULL);
		if (r == 0 && (r = rp_buf_addstr(b, "\n  ")) == 0 &&
		    (r = rp_esc_text(b, in->text, strlen(in->text))) == 0 &&
		    (r = rp_buf_addf(b, "\n  %s ", drill_tx(t, en, "guide", "question"))) == 0 &&
		    (r = rp_esc_text(b, in->question, strlen(in->question))) == 0)
			r = rp_buf_addch(b, '\n');
		for (k = 0; r == 0 && k < in->nchoices; k++) {
			const struct rp_drill_choice *ch = &in->choices[k];

			r = rp_buf_addf(b, "    %s %-4s %3d %s%*s  ", (best[i].picked & (1u << k)) ?
			    "*" : " ", ch->id, ch->points, cat_word[ch->cat],
			    (int)(width - u8_width(cat_word[ch->cat])), "");
			if (r == 0 && (r = rp_esc_text(b, ch->text, strlen(ch->text))) == 0)
				r = rp_buf_addch(b, '\n');
		}
		if (r == 0 && (r = rp_buf_addf(b, "  %s ", drill_tx(t, en, "guide", "missed"))) == 0 &&
		    (r = rp_esc_text(b, in->action, strlen(in->action))) == 0 &&
		    (r = rp_buf_addstr(b, "\n  ")) == 0) {
			snprintf(n3, sizeof(n3), "%d", in->due);
			r = guide_line(b, &tmp, drill_tx(t, en, "guide", "owner"), "owner",
			    drill_tx(t, en, "owner", in->owner ? in->owner : ""), "id",
			    in->owner ? in->owner : "-", "days", n3, "threat",
			    in->threat ? in->threat : "-", (char *)NULL);
		}
		if (r == 0)
			r = rp_buf_addch(b, '\n');
	}
	if (r == 0 && (r = rp_buf_addch(b, '\n')) == 0 &&
	    (r = rp_buf_addstr(b, drill_tx(t, en, "guide", "best"))) == 0)
		r = rp_buf_addch(b, '\n');
	rp_buf_release(&tmp);
	rp_ini_free(t);
	rp_ini_free(en);
	return r;
}

static int
show_jsonl(const struct rp_drill *d, struct rp_buf *b)
{
	size_t i, k;
	int r = 0;

	for (i = 0; r == 0 && i < d->n; i++) {
		const struct rp_drill_inject *in = &d->v[i];

		if ((r = rp_buf_addstr(b, "{\"kind\":\"inject\",\"id\":")) != 0 ||
		    (r = rp_json_str(b, in->id)) != 0 ||
		    (r = rp_buf_addf(b, ",\"at\":%d,\"pick\":\"%s\"", in->at, in->all ? "all" : "one")) != 0 ||
		    (r = rp_json_kv(b, "text", in->text)) != 0 ||
		    (r = rp_json_kv(b, "question", in->question)) != 0 ||
		    (r = rp_buf_addstr(b, ",\"choices\":[")) != 0)
			break;
		for (k = 0; r == 0 && k < in->nchoices; k++) {
			const struct rp_drill_choice *ch = &in->choices[k];

			if ((r = rp_buf_addstr(b, k ? ",{\"id\":" : "{\"id\":")) == 0 &&
			    (r = rp_json_str(b, ch->id)) == 0 && (r = rp_json_kv(b, "text", ch->text)) == 0)
				r = rp_buf_addf(b, ",\"points\":%d,\"category\":\"%s\"}", ch->points,
				    rp_drill_cats[ch->cat]);
		}
		if (r == 0 && (r = rp_buf_addf(b, "],\"max\":%d", in->max)) == 0 &&
		    (r = rp_json_kv(b, "threat", in->threat)) == 0 &&
		    (r = rp_json_kv(b, "action", in->action)) == 0 &&
		    (r = rp_json_kv(b, "owner", in->owner)) == 0)
			r = rp_buf_addf(b, ",\"due_days\":%d}\n", in->due);
	}
	if (r == 0 && (r = rp_buf_addstr(b, "{\"kind\":\"summary\",\"drill\":")) == 0 &&
	    (r = rp_json_str(b, d->name)) == 0 && (r = rp_json_kv(b, "title", d->title)) == 0 &&
	    (r = rp_json_kv(b, "lang", d->lang)) == 0)
		r = rp_buf_addf(b, ",\"injects\":%zu,\"max\":%d}\n", d->n, d->max);
	return r;
}

static int
sub_show(struct drill_cli *c)
{
	struct rp_buf text = RP_BUF_INIT, b = RP_BUF_INIT;
	struct rp_drill *d = NULL;
	int fmt, r, rc = RP_EXIT_ERROR;

	if (drill_args(c, 1, 1, "the drill's NAME (see 'riposte drill list') or FILE.ini") != 0 ||
	    (fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl")) < 0)
		return RP_EXIT_ERROR;
	if (drill_load(c, c->args[0], &d, &text) != 0)
		goto out;
	r = fmt == RP_FMT_JSONL ? show_jsonl(d, &b) : show_text(c, d, &b);
	if (r == RP_ERR_NOTFOUND)
		goto out;                       /* said */
	if (r != 0)
		rp_err(c->cli, "cannot show '%s': %s", c->args[0], rp_strerror(r));
	else if (rp_cli_put(c->cli, &b) == 0)
		rc = RP_EXIT_CLEAN;
out:
	rp_drill_free(d);
	rp_buf_release(&text);
	rp_buf_release(&b);
	return rc;
}

static const struct {
	const char *name;
	int (*fn)(struct drill_cli *c);
} subs[] = {
	{ "list", sub_list },
	{ "show", sub_show },
	{ "run", drill_sub_run },
	{ "score", drill_sub_score },
	{ "report", drill_sub_report },
	{ "runs", drill_sub_runs },
	{ "actions", drill_sub_actions },
	{ "done", drill_sub_done },
};

int
cmd_drill(struct rp_cli *cli, int argc, char **argv)
{
	struct drill_cli c;
	const char *sub, *site_lang;
	size_t i;
	int ch, rc;

	memset(&c, 0, sizeof(c));
	c.cli = cli;
	rp_cli_opt_begin();
	while ((ch = rp_cli_getopt(cli, argc, argv, "ho:", longopts, usage)) != -1) {
		switch (ch) {
		case 'h': return rp_cli_usage(cli, usage, 1);
		case 'o': c.out = optarg; break;
		case O_DB: cli->db_path = optarg; break;
		case O_CONFIG: c.config = optarg; break;
		case O_FORMAT: c.format = optarg; break;
		case O_LANG: c.lang_opt = optarg; break;
		case O_ANSWERS: c.answers = optarg; break;
		case O_PARTICIPANTS: c.participants = optarg; break;
		case O_ALL: c.all = 1; break;
		default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	if (optind >= argc) {
		rp_err(cli, "missing subcommand (list, show, run, score, report, runs, actions, "
		    "done); see 'riposte drill --help'");
		return RP_EXIT_ERROR;
	}
	sub = argv[optind++];
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (strcmp(subs[i].name, sub) == 0)
			break;
	if (i == sizeof(subs) / sizeof(subs[0])) {
		rp_err(cli, "'%s' is not a drill subcommand; see 'riposte drill --help'", sub);
		return RP_EXIT_ERROR;
	}
	c.args = argv + optind;
	c.nargs = argc - optind;
	c.actor = rp_cli_actor();
	if (rp_site_conf_load(cli, c.config, &c.site, NULL) != 0)
		return RP_EXIT_ERROR;
	if (c.lang_opt) {
		if (rp_drill_lang_index(c.lang_opt) < 0) {
			rp_err(cli, "--lang: '%s' is not a language of the drills (fr, de, en)",
			    c.lang_opt);
			rp_ini_free(c.site);
			return RP_EXIT_ERROR;
		}
		c.lang = c.lang_opt;
	} else {
		site_lang = rp_ini_get(c.site, "site", "language");
		c.lang = rp_drill_lang_index(site_lang) >= 0 ? site_lang : "en";
	}
	rc = subs[i].fn(&c);
	rp_ini_free(c.site);
	return rc;
}
