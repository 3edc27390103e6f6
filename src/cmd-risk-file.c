/*
 * riposte risk: the register's file in and out: init from the sector's starting
 * register, import of a spreadsheet's CSV (a bad line named, nothing imported), export.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "case/config.h"
#include "cmd-risk.h"
#include "core/err.h"
#include "core/file.h"
#include "prepare/plan.h"
#include "site-conf.h"

#define MAX_FILE (8 << 20)    /* a register file: far more than 10000 rows */

static void
applied(const struct risk_cli *c, const char *what, const struct rp_risk_stats *s)
{
	risk_note(c, "%s: %zu assets added, %zu revalued; %zu risks added, %zu reassessed; %zu removed",
	    what, s->assets_added, s->assets_changed, s->risks_added, s->risks_changed, s->removed);
	risk_said_case(c);
}

int
risk_sub_init(struct risk_cli *c)
{
	struct rp_risk_rows rows = { 0 };
	struct rp_risk_stats st;
	struct rp_risk_err e;
	struct rp_ini *site = NULL;
	const char *sector = c->sector, *lang = c->lang, *file = NULL;
	char what[160];
	size_t nr = 0, na = 0;
	int r, rc = RP_EXIT_ERROR;

	if (risk_args(c, 0, 0, "no arguments") != 0 || rp_site_conf_load(c->cli, c->config, &site, NULL) != 0)
		return RP_EXIT_ERROR;
	if (sector == NULL)
		sector = rp_ini_get(site, "site", "sector");
	if (sector == NULL) {
		rp_err(c->cli, "init: no sector: say 'sector =' in [site] of riposte.conf, or --sector "
		    "medical-practice|other");
		goto out;
	}
	if (lang == NULL && (lang = rp_ini_get(site, "site", "language")) == NULL)
		lang = "en";
	if (rp_plan_lang(NULL, lang, &lang) != 0) {
		rp_err(c->cli, "init: '%s' is not a language of the measures (fr, de, en, it)", lang);
		goto out;
	}
	if ((r = rp_risk_count(c->x.st, &nr, &na)) != 0) {
		risk_store_err(c, r);
		goto out;
	}
	if ((nr || na) && !c->replace) {
		rp_err(c->cli, "init: the register has %zu risks on %zu assets already: --replace "
		    "starts it again", nr, na);
		goto out;
	}
	if ((r = rp_risk_seed(c->cli->data_dir, sector, lang, &rows, &e, &file)) != 0) {
		rp_err(c->cli, "init: the starting register '%s' line %zu: %s", file ? file : "?",
		    e.line, r == RP_ERR_FORMAT ? e.msg : rp_strerror(r));
		goto out;
	}
	snprintf(what, sizeof(what), "init for sector '%s' (%s, %s)", sector, file, lang);
	if ((r = rp_risk_apply(&c->x, &rows, c->replace, what, &st)) != 0) {
		risk_store_err(c, r);
		goto out;
	}
	applied(c, what, &st);
	rc = RP_EXIT_CLEAN;
out:
	rp_risk_rows_release(&rows);
	rp_ini_free(site);
	return rc;
}

static int
read_input(const struct risk_cli *c, const char *path, struct rp_buf *b)
{
	ssize_t n;
	int r = 0;

	if (strcmp(path, "-") != 0)
		r = rp_file_read_all(AT_FDCWD, path, b, MAX_FILE);
	else
		for (;;) {
			if ((r = rp_buf_grow(b, 65536)) != 0)
				break;
			if ((n = read(STDIN_FILENO, b->buf + b->len, 65536)) < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				r = n < 0 ? RP_ERR_SYSTEM : 0;
				break;
			}
			b->len += (size_t)n;
			b->buf[b->len] = '\0';
			if (b->len > MAX_FILE) {
				r = RP_ERR_TOOBIG;
				break;
			}
		}
	if (r != 0) {
		rp_err(c->cli, "cannot read '%s': %s", path, r == RP_ERR_TOOBIG ?
		    "larger than 8 MiB" : r == RP_ERR_INVALID ? "not a regular file" : rp_strerror(r));
		return -1;
	}
	return 0;
}

int
risk_sub_import(struct risk_cli *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_risk_rows rows = { 0 };
	struct rp_risk_stats st;
	struct rp_risk_err e;
	char what[512];
	int r, rc = RP_EXIT_ERROR;

	if (risk_args(c, 1, 1, "the CSV file ('-' for standard input)") != 0 ||
	    read_input(c, c->args[0], &b) != 0)
		goto out;
	if ((r = rp_risk_csv_parse(b.buf, b.len, NULL, &rows, &e)) != 0) {
		if (r == RP_ERR_FORMAT && e.line)
			rp_err(c->cli, "'%s' line %zu: %s; nothing imported", c->args[0], e.line, e.msg);
		else
			rp_err(c->cli, "'%s': %s; nothing imported", c->args[0],
			    r == RP_ERR_FORMAT ? e.msg : rp_strerror(r));
		goto out;
	}
	snprintf(what, sizeof(what), "import of '%s'", c->args[0]);
	if ((r = rp_risk_apply(&c->x, &rows, c->replace, what, &st)) != 0) {
		risk_store_err(c, r);
		goto out;
	}
	applied(c, what, &st);
	rc = RP_EXIT_CLEAN;
out:
	rp_risk_rows_release(&rows);
	rp_buf_release(&b);
	return rc;
}

int
risk_sub_export(struct risk_cli *c)
{
	struct rp_register reg;
	struct rp_buf b = RP_BUF_INIT;
	int r, rc = RP_EXIT_ERROR;

	if (risk_args(c, 0, 0, "no arguments (-o FILE to write a file)") != 0)
		return RP_EXIT_ERROR;
	if ((r = rp_risk_load(c->x.st, &reg)) != 0)
		return risk_store_err(c, r);
	if ((r = rp_risk_export(&reg, c->bom, &b)) != 0)
		rp_err(c->cli, "export: %s", rp_strerror(r));
	else if (c->out == NULL || strcmp(c->out, "-") == 0)
		rc = rp_cli_put(c->cli, &b) == 0 ? RP_EXIT_CLEAN : RP_EXIT_ERROR;
	else if ((r = rp_file_write_atomic(c->out, b.buf, b.len, 0644)) != 0)
		rp_err(c->cli, "cannot write '%s': %s", c->out, rp_strerror(r));
	else {
		risk_note(c, "exported %zu risks on %zu assets to '%s'", reg.n, reg.nassets, c->out);
		rc = RP_EXIT_CLEAN;
	}
	rp_register_release(&reg);
	rp_buf_release(&b);
	return rc;
}

