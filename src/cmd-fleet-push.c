/*
 * riposte fleet push: what changed at this practice, into its queue, then to the centre.
 */
#include <stdio.h>
#include <string.h>

#include "case/config.h"
#include "cmd-fleet.h"
#include "core/err.h"
#include "core/escape.h"
#include "fleet/fleet.h"
#include "site-conf.h"
#include "store/store.h"

struct push_out {
	struct fleet_cli *c;
	size_t bad;
};

static void
on_bad(const char *rid, const char *why, void *ctx)
{
	struct push_out *o = ctx;
	struct rp_buf b = RP_BUF_INIT;

	o->bad++;
	rp_esc_text(&b, rid, strlen(rid));
	rp_warn(o->c->cli, "push: record '%s' cannot be sent (%s): it stays queued, marked; "
	    "'fleet push --resend' tries it again", b.buf, why);
	rp_buf_release(&b);
}

static int
summary(struct fleet_cli *c, const struct rp_fleet_collected *col, const struct rp_fleet_pushed *p,
    int reached)
{
	if (c->fmt == RP_FMT_JSONL) {
		printf("{\"kind\":\"summary\",\"records\":%zu,\"changed\":%zu,\"gone\":%zu,\"sent\":%zu,"
		    "\"queued\":%zu,\"bad\":%zu,\"reached\":%s}\n", col->records, col->changed, col->gone,
		    p->sent, p->left, p->bad, reached ? "true" : "false");
		return 0;
	}
	printf("%zu record%s at this practice: %zu new or changed, %zu gone since the last push\n",
	    col->records, col->records == 1 ? "" : "s", col->changed, col->gone);
	if (reached)
		printf("sent %zu to the centre; %zu queued%s\n", p->sent, p->left,
		    p->bad ? " (bad ones included)" : "");
	else
		printf("%zu queued: the centre was not reached; they go with the next push that works%s\n",
		    p->left, p->sent ? " (some were sent before it went away)" : "");
	return 0;
}

int
fleet_push(struct fleet_cli *c)
{
	struct rp_fleet_local l;
	struct rp_fleet_collected col;
	struct rp_fleet_pushed p;
	struct rp_fleet_push_cb cb = { NULL, on_bad };
	struct push_out o = { c, 0 };
	struct rp_store *st = NULL;
	struct rp_fleet *f = NULL;
	struct rp_ini *ini = NULL;
	const char *used = NULL;
	int r, rc = RP_EXIT_ERROR, k;

	memset(&col, 0, sizeof(col));
	memset(&p, 0, sizeof(p));
	if (c->nargs) {
		rp_err(c->cli, "push: unexpected argument '%s'", c->args[0]);
		return RP_EXIT_ERROR;
	}
	if ((c->fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl")) < 0)
		return RP_EXIT_ERROR;
	if (c->site == NULL || !rp_fleet_site_name_valid(c->site)) {
		rp_err(c->cli, c->site ? "push: --site '%s' is not a practice name (fleet site add "
		    "NAME)" : "push: which practice is this? give --site NAME (as in fleet site add)",
		    c->site);
		return RP_EXIT_ERROR;
	}
	if (rp_site_conf_load(c->cli, c->config, &ini, &used) != 0)
		return RP_EXIT_ERROR;
	if (ini == NULL)
		rp_warn(c->cli, "push: no site profile (--config, $RIPOSTE_CONF, ./riposte.conf, "
		    "/etc/riposte/riposte.conf): no site check is sent, deadlines by the facts only");
	if ((r = rp_store_open(&st, c->cli->db_path, RP_STORE_CREATE)) != 0) {
		rp_err(c->cli, "push: cannot open the database '%s': %s", c->cli->db_path, rp_strerror(r));
		goto out;
	}
	if (c->resend && (r = rp_fleet_resend(st)) != 0) {
		rp_err(c->cli, "push: --resend: '%s': %s", c->cli->db_path, rp_strerror(r));
		goto out;
	}
	memset(&l, 0, sizeof(l));
	l.st = st;
	l.site = ini;
	l.data_dir = c->cli->data_dir;
	l.canaries = c->canaries;
	l.ncanaries = c->ncanaries;
	l.now = c->cli->now;
	if ((r = rp_fleet_collect(&l, &col)) != 0) {
		rp_err(c->cli, "push: reading '%s': %s%s%s", c->cli->db_path, rp_strerror(r),
		    r == RP_ERR_DB ? ": " : "", r == RP_ERR_DB ? rp_store_errmsg(st) : "");
		goto out;
	}
	p.left = col.queued;
	if ((k = fleet_connect(c, &f)) != 0) {
		if (k == -2)
			summary(c, &col, &p, 0);
		goto out;
	}
	r = rp_fleet_send(f, st, c->site, c->cli->now, &cb, &o, &p);
	if (r == RP_ERR_UNREACHABLE) {
		rp_err(c->cli, "push: the centre went away: %s", rp_fleet_errmsg(f));
		summary(c, &col, &p, 0);
		goto out;
	}
	if (r != 0) {
		fleet_fail(c, f, "push", r);
		goto out;
	}
	summary(c, &col, &p, 1);
	/* a record that can never go is an error to see (the timer's unit fails) */
	rc = p.bad ? RP_EXIT_ERROR : RP_EXIT_CLEAN;
out:
	rp_fleet_close(f);
	rp_store_close(st);
	rp_ini_free(ini);
	return rc;
}
