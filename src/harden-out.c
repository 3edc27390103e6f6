/* One harden run collected and written out (see harden-out.h). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "core/err.h"
#include "core/escape.h"
#include "harden/harden.h"
#include "harden-out.h"
#include "site-conf.h"

static int
grow(void **v, size_t n, size_t size)
{
	void *g = realloc(*v, (n + 1) * size);

	if (g == NULL)
		return RP_ERR_NOMEM;
	*v = g;
	return 0;
}

static int
on_finding(const struct rp_hfinding *f, void *ctx)
{
	struct hx_run *r = ctx;
	struct hx_finding *x;
	const struct rp_hcheck *c = rp_harden_check(f->id);

	if (grow((void **)&r->f, r->nf, sizeof(*r->f)) != 0)
		return RP_ERR_NOMEM;
	x = &r->f[r->nf];
	memset(x, 0, sizeof(*x));
	x->id = strdup(f->id);
	x->severity = (int)f->severity;
	x->file = f->file ? strdup(f->file) : NULL;
	x->line = f->line;
	x->evidence = strdup(f->evidence);
	x->reference = c ? c->reference : f->reference;
	if (c && f->measure == c->measure) {
		x->measure = c->measure;
	} else {
		x->measure_own = strdup(f->measure);
		x->measure = x->measure_own;
	}
	if (!x->id || !x->evidence || !x->measure || (f->file && !x->file)) {
		free(x->id);
		free(x->file);
		free(x->evidence);
		free(x->measure_own);
		return RP_ERR_NOMEM;
	}
	r->nf++;
	if (f->severity == RP_HSEV_HIGH)
		r->high++;
	else if (f->severity == RP_HSEV_MEDIUM)
		r->medium++;
	else
		r->low++;
	return 0;
}

static int
add_text(struct hx_text **v, size_t *n, const char *a, const char *b, unsigned line)
{
	struct hx_text *t;

	if (grow((void **)v, *n, sizeof(**v)) != 0)
		return RP_ERR_NOMEM;
	t = &(*v)[*n];
	t->a = a ? strdup(a) : NULL;
	t->b = strdup(b);
	t->line = line;
	if ((a && !t->a) || !t->b) {
		free(t->a);
		free(t->b);
		return RP_ERR_NOMEM;
	}
	(*n)++;
	return 0;
}

static int
on_not_checked(const char *id, const char *reason, void *ctx)
{
	struct hx_run *r = ctx;

	return add_text(&r->nc, &r->nnc, id, reason, 0);
}

static int
on_note(const char *file, unsigned line, const char *text, void *ctx)
{
	struct hx_run *r = ctx;

	if (r->nnotes >= 1000)
		return 0;
	return add_text(&r->notes, &r->nnotes, file, text, line);
}

int
hx_run(const struct rp_cli *cli, const char *root, const char *config, struct hx_run *out)
{
	static const struct rp_harden_cb cb = { on_finding, on_not_checked, on_note };
	struct rp_harden_opts o;
	struct rp_harden *h = NULL;
	struct rp_ini *site = NULL;
	char *abs = NULL;
	int r, rc = -1;

	memset(out, 0, sizeof(*out));
	memset(&o, 0, sizeof(o));
	if (rp_site_conf_load(cli, config, &site, NULL) != 0)
		return -1;
	o.backup_path = site ? rp_ini_get(site, "backup", "path") : NULL;
	if (root != NULL && (abs = realpath(root, NULL)) == NULL) {
		rp_err(cli, "cannot open '%s': %s", root, strerror(errno));
		goto out;
	}
	o.live = abs == NULL || strcmp(abs, "/") == 0;
	o.root = abs ? abs : "/";
	out->live = o.live;
	if ((out->root = strdup(root ? root : "/")) == NULL ||
	    (out->root_abs = strdup(o.root)) == NULL)
		goto out;
	if ((r = rp_harden_new(&h, &o)) != 0) {
		if (r == RP_ERR_SYSTEM)
			rp_err(cli, "cannot open '%s': %s", o.root, strerror(errno));
		else
			rp_err(cli, "cannot open '%s': %s", o.root, rp_strerror(r));
		goto out;
	}
	if ((r = rp_harden_run(h, &cb, out)) != 0) {
		rp_err(cli, "checks of '%s' failed: %s", o.root, rp_strerror(r));
		goto out;
	}
	rc = 0;
out:
	rp_harden_free(h);
	rp_ini_free(site);
	free(abs);
	return rc;
}

void
hx_release(struct hx_run *r)
{
	size_t i;

	for (i = 0; i < r->nf; i++) {
		free(r->f[i].id);
		free(r->f[i].file);
		free(r->f[i].evidence);
		free(r->f[i].measure_own);
	}
	for (i = 0; i < r->nnc; i++) {
		free(r->nc[i].a);
		free(r->nc[i].b);
	}
	for (i = 0; i < r->nnotes; i++) {
		free(r->notes[i].a);
		free(r->notes[i].b);
	}
	free(r->f);
	free(r->nc);
	free(r->notes);
	free(r->root);
	free(r->root_abs);
	memset(r, 0, sizeof(*r));
}

static const char *
sev(int s)
{
	return rp_hsev_name((enum rp_hsev)s);
}

static int
json_str_bytes(struct rp_buf *b, const char *s)
{
	int lossy = 0;

	rp_buf_addch(b, '"');
	rp_esc_json(b, s, strlen(s), &lossy);
	return rp_buf_addch(b, '"');
}

static void
json_file(struct rp_buf *b, const char *file, unsigned line)
{
	if (file) {
		rp_cli_path_json(b, "file", file, strlen(file));
		if (line)
			rp_buf_addf(b, "\"line\":%u,", line);
		else
			rp_buf_addstr(b, "\"line\":null,");
	} else {
		rp_buf_addstr(b, "\"file\":null,\"line\":null,");
	}
}

int
hx_counts(const struct hx_run *r, struct rp_buf *out)
{
	return rp_buf_addf(out, "%u high, %u medium, %u low", r->high, r->medium, r->low);
}

int
hx_has(const struct hx_run *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		if (strcmp(r->f[i].id, id) == 0)
			return 1;
	return 0;
}

int
hx_not_checked(const struct hx_run *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nnc; i++)
		if (strcmp(r->nc[i].a, id) == 0)
			return 1;
	return 0;
}

int
hx_ids(const struct hx_run *r, struct rp_buf *out)
{
	const struct rp_hcheck *cat;
	size_t i, n, k = 0;

	cat = rp_harden_catalog(&n);
	for (i = 0; i < n; i++)
		if (hx_has(r, cat[i].id))
			rp_buf_addf(out, "%s%s", k++ ? ", " : " (", cat[i].id);
	return k ? rp_buf_addch(out, ')') : 0;
}

int
hx_emit_jsonl_items(const struct hx_run *r, struct rp_buf *b)
{
	size_t i;

	for (i = 0; i < r->nf; i++) {
		const struct hx_finding *f = &r->f[i];

		rp_buf_addf(b, "{\"kind\":\"finding\",\"id\":\"%s\",\"severity\":\"%s\",", f->id,
		    sev(f->severity));
		json_file(b, f->file, f->line);
		rp_buf_addstr(b, "\"evidence\":");
		json_str_bytes(b, f->evidence);
		rp_buf_addstr(b, ",\"measure\":");
		json_str_bytes(b, f->measure);
		rp_buf_addstr(b, ",\"reference\":");
		json_str_bytes(b, f->reference);
		rp_buf_addstr(b, "}\n");
	}
	for (i = 0; i < r->nnc; i++) {
		rp_buf_addf(b, "{\"kind\":\"not_checked\",\"id\":\"%s\",\"reason\":", r->nc[i].a);
		json_str_bytes(b, r->nc[i].b);
		rp_buf_addstr(b, "}\n");
	}
	return 0;
}

static void
summary_json(const struct hx_run *r, struct rp_buf *b, int with_findings)
{
	size_t i;

	rp_buf_addstr(b, "\"root\":");
	json_str_bytes(b, with_findings && r->root_abs ? r->root_abs : r->root);
	rp_buf_addf(b, ",\"live\":%s,\"high\":%u,\"medium\":%u,\"low\":%u,",
	    r->live ? "true" : "false", r->high, r->medium, r->low);
	if (with_findings) {
		rp_buf_addstr(b, "\"findings\":[");
		for (i = 0; i < r->nf; i++) {
			const struct hx_finding *f = &r->f[i];

			rp_buf_addf(b, "%s{\"id\":\"%s\",\"severity\":\"%s\",", i ? "," : "", f->id,
			    sev(f->severity));
			json_file(b, f->file, f->line);
			rp_buf_addstr(b, "\"evidence\":");
			json_str_bytes(b, f->evidence);
			rp_buf_addch(b, '}');
		}
		rp_buf_addstr(b, "],");
	}
	rp_buf_addstr(b, "\"not_checked\":[");
	for (i = 0; i < r->nnc; i++)
		rp_buf_addf(b, "%s\"%s\"", i ? "," : "", r->nc[i].a);
	rp_buf_addch(b, ']');
}

int
hx_json(const struct hx_run *r, struct rp_buf *out)
{
	rp_buf_addch(out, '{');
	summary_json(r, out, 1);
	return rp_buf_addch(out, '}');
}

static void
text_where(struct rp_buf *b, const char *file, unsigned line)
{
	if (file == NULL)
		return;
	rp_esc_text(b, file, strlen(file));
	if (line)
		rp_buf_addf(b, ":%u", line);
}

int
hx_emit(const struct hx_run *r, int format, struct rp_buf *b)
{
	size_t i;

	if (format == RP_FMT_JSONL) {
		hx_emit_jsonl_items(r, b);
		for (i = 0; i < r->nnotes; i++) {
			rp_buf_addstr(b, "{\"kind\":\"note\",");
			json_file(b, r->notes[i].a, r->notes[i].line);
			rp_buf_addstr(b, "\"text\":");
			json_str_bytes(b, r->notes[i].b);
			rp_buf_addstr(b, "}\n");
		}
		rp_buf_addstr(b, "{\"kind\":\"summary\",");
		summary_json(r, b, 0);
		return rp_buf_addstr(b, "}\n");
	}
	if (format == RP_FMT_CSV) {
		rp_buf_addstr(b, "kind,id,severity,file,line,evidence,measure,reference\n");
		for (i = 0; i < r->nf; i++) {
			const struct hx_finding *f = &r->f[i];

			rp_buf_addf(b, "finding,%s,%s,", f->id, sev(f->severity));
			if (f->file)
				rp_esc_csv(b, f->file, strlen(f->file));
			rp_buf_addch(b, ',');
			if (f->file && f->line)
				rp_buf_addf(b, "%u", f->line);
			rp_buf_addch(b, ',');
			rp_esc_csv(b, f->evidence, strlen(f->evidence));
			rp_buf_addch(b, ',');
			rp_esc_csv(b, f->measure, strlen(f->measure));
			rp_buf_addch(b, ',');
			rp_esc_csv(b, f->reference, strlen(f->reference));
			rp_buf_addch(b, '\n');
		}
		for (i = 0; i < r->nnc; i++) {
			rp_buf_addf(b, "not_checked,%s,,,,", r->nc[i].a);
			rp_esc_csv(b, r->nc[i].b, strlen(r->nc[i].b));
			rp_buf_addstr(b, ",,\n");
		}
		return 0;
	}
	rp_buf_addstr(b, "harden: ");
	rp_esc_text(b, r->root, strlen(r->root));
	rp_buf_addstr(b, r->live ? " (the live system)\n" : " (a copy: what its files show)\n");
	for (i = 0; i < r->nf; i++) {
		const struct hx_finding *f = &r->f[i];

		rp_buf_addf(b, "\n%-6s  %s", sev(f->severity), f->id);
		if (f->file) {
			rp_buf_addstr(b, "  ");
			text_where(b, f->file, f->line);
		}
		rp_buf_addstr(b, "\n    ");
		rp_esc_text(b, f->evidence, strlen(f->evidence));
		rp_buf_addstr(b, "\n    measure:   ");
		rp_esc_text(b, f->measure, strlen(f->measure));
		rp_buf_addstr(b, "\n    reference: ");
		rp_esc_text(b, f->reference, strlen(f->reference));
		rp_buf_addch(b, '\n');
	}
	if (r->nnc)
		rp_buf_addch(b, '\n');
	for (i = 0; i < r->nnc; i++) {
		rp_buf_addf(b, "not checked: %s: ", r->nc[i].a);
		rp_esc_text(b, r->nc[i].b, strlen(r->nc[i].b));
		rp_buf_addch(b, '\n');
	}
	if (r->nnotes)
		rp_buf_addch(b, '\n');
	for (i = 0; i < r->nnotes; i++) {
		rp_buf_addstr(b, "note: ");
		if (r->notes[i].a) {
			text_where(b, r->notes[i].a, r->notes[i].line);
			rp_buf_addstr(b, ": ");
		}
		rp_esc_text(b, r->notes[i].b, strlen(r->notes[i].b));
		rp_buf_addch(b, '\n');
	}
	rp_buf_addch(b, '\n');
	hx_counts(r, b);
	rp_buf_addf(b, " (%zu finding%s); %zu check%s not made\n", r->nf, r->nf == 1 ? "" : "s",
	    r->nnc, r->nnc == 1 ? "" : "s");
	return 0;
}
