/*
 * riposte diff: compare trees with their baseline (added, removed, modified, and which
 * new contents look encrypted); --restored: the restore check after an incident.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "detect/engine.h"
#include "forensic.h"
#include "forensic/baseline.h"
#include "forensic/diff.h"
#include "forensic/tree.h"
#include "store/store.h"

static const char usage[] =
"NAME\n"
"    riposte diff - compare a tree with its baseline; check a restore\n"
"\n"
"SYNOPSIS\n"
"    riposte diff [--format text|jsonl|csv] [--restored] [--rehash] [-j N]\n"
"                 [--exclude GLOB]... [--allow-atime] [--cross-mounts] [--case[=ID]]\n"
"                 [--db FILE] PATH...\n"
"\n"
"DESCRIPTION\n"
"    Compares each PATH with the baseline recorded by `riposte baseline PATH` and lists\n"
"    what was added, removed or modified. A modification is a different content\n"
"    (SHA-256), a type change (a file became a directory or a symlink), a permission\n"
"    change or an owner change; a new modification or change time alone, with the same\n"
"    content, is not a change. Every new file and every file whose content changed is\n"
"    judged by the scan engine: \"encrypted\" marks those whose new content looks\n"
"    encrypted (or partly encrypted, as intermittent ransomware leaves it), and ransom\n"
"    notes are recognised.\n"
"\n"
"    A file whose size, modification time, change time and inode are those of the\n"
"    baseline is taken as unchanged without reading it; --rehash reads every file (a\n"
"    tool that forged its times cannot hide a change then).\n"
"\n"
"    --restored is the restore check after an incident: every file is read, and the\n"
"    restore passes only when every file of the baseline is there with its baseline\n"
"    content, nothing is encrypted and no ransom note is present. New files that are\n"
"    neither are listed but do not fail the check.\n"
"\n"
"    Nothing is changed: files and directories are opened with O_NOATIME.\n"
"\n"
"OPTIONS\n"
"    --format text|jsonl|csv\n"
"        text (default on a terminal; otherwise jsonl) lists one change per line and a\n"
"        summary. jsonl writes per change\n"
"          {\"kind\":\"change\",\"path\":...,\"change\":\"added|removed|modified\",\n"
"           \"encrypted\":BOOL,\"note\":BOOL,\"verdict\":\"ok|encrypted|partial|note|skipped\"|null,\n"
"           \"what\":[\"content\",\"type\",\"mode\",\"owner\",\"unreadable\"],\"type\":...,\n"
"           \"old_type\":...,\"size\":N,\"old_size\":N,\"mode\":\"0644\",\"old_mode\":\"0600\",\n"
"           \"uid\":N,\"old_uid\":N,\"gid\":N,\"old_gid\":N,\"sha256\":...,\"old_sha256\":...,\n"
"           \"mtime\":ISO8601,\"old_mtime\":ISO8601}\n"
"        (the fields of the side that does not exist are null) and last\n"
"          {\"kind\":\"summary\",\"added\":N,\"removed\":N,\"modified\":N,\"encrypted\":N,\n"
"           \"notes\":N,\"content_changed\":N,\"type_changed\":N,\"mode_changed\":N,\n"
"           \"owner_changed\":N,\"unreadable\":N,\"entries\":N,\"restored\":BOOL|null}.\n"
"        csv: a header row and one row per change with the same fields.\n"
"    --restored        the restore check (reads every file; see above)\n"
"    --rehash          read every file, not only those whose metadata changed\n"
"    -j, --jobs N      hashing threads (default: the number of cores)\n"
"    --exclude GLOB    leave out paths or names matching GLOB; repeatable\n"
"    --allow-atime     read files even where O_NOATIME is refused (their atime may change)\n"
"    --cross-mounts    enter other filesystems mounted below PATH\n"
"    --case[=ID]       record the summary in the journal of the open incident case (or ID)\n"
"    --db FILE         the database with the baseline (default $RIPOSTE_DB, else ./riposte.db)\n"
"\n"
"EXIT STATUS\n"
"    0 no change (with --restored: the restore check passed); 1 changes (the check\n"
"    failed); 2 error (no baseline of a PATH, unreadable PATH, bad option).\n"
"\n"
"EXAMPLES\n"
"    riposte diff /srv/share\n"
"    riposte diff --format jsonl /srv/share | grep '\"encrypted\":true'\n"
"    riposte diff --restored --case /srv/share\n";

enum { OPT_RESTORED = FX_OPT_NEXT, OPT_CASE };

static const struct option longopts[] = {
	FX_COMMON_LONGOPTS,
	{ "restored", no_argument, NULL, OPT_RESTORED },
	{ "case", optional_argument, NULL, OPT_CASE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct diffrun {
	struct rp_cli *cli;
	int format;
	int restored;
	struct rp_buf out;
	struct rp_diff_summary sum;
};

static void
add_what(struct rp_buf *b, unsigned what, const char *sep, int quote)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ RP_DIFF_CONTENT, "content" }, { RP_DIFF_TYPE, "type" }, { RP_DIFF_MODE, "mode" },
		{ RP_DIFF_OWNER, "owner" }, { RP_DIFF_UNREADABLE, "unreadable" },
	};
	size_t i;
	int first = 1;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(what & names[i].bit))
			continue;
		rp_buf_addf(b, "%s%s%s%s", first ? "" : sep, quote ? "\"" : "", names[i].name,
		    quote ? "\"" : "");
		first = 0;
	}
}

static void
hexhash(struct rp_buf *b, const struct rp_fentry *f)
{
	rp_hex(b, f->sha256, sizeof(f->sha256));
}

static void
json_side(struct rp_buf *b, const char *pre, const struct rp_fentry *f)
{
	if (f == NULL) {
		rp_buf_addf(b, ",\"%stype\":null,\"%ssize\":null,\"%smode\":null,\"%suid\":null,"
		    "\"%sgid\":null,\"%ssha256\":null,\"%smtime\":null", pre, pre, pre, pre, pre, pre,
		    pre);
		return;
	}
	rp_buf_addf(b, ",\"%stype\":\"%s\",\"%ssize\":%llu,\"%smode\":\"%04o\",\"%suid\":%u,"
	    "\"%sgid\":%u,\"%ssha256\":", pre, rp_ftype_name(f->type), pre,
	    (unsigned long long)f->size, pre, f->mode & 07777, pre, f->uid, pre, f->gid, pre);
	if (f->has_hash && f->type == RP_FT_FILE) {
		rp_buf_addch(b, '"');
		hexhash(b, f);
		rp_buf_addch(b, '"');
	} else {
		rp_buf_addstr(b, "null");
	}
	rp_buf_addf(b, ",\"%smtime\":\"", pre);
	rp_time_fmt_utc(b, f->mtime);
	rp_buf_addch(b, '"');
}

static void
csv_side(struct rp_buf *b, const struct rp_fentry *f)
{
	if (f == NULL) {
		rp_buf_addstr(b, ",,,,,,");
		return;
	}
	rp_buf_addf(b, ",%s,%llu,%04o,%u:%u,", rp_ftype_name(f->type), (unsigned long long)f->size,
	    f->mode & 07777, f->uid, f->gid);
	if (f->has_hash && f->type == RP_FT_FILE)
		hexhash(b, f);
	rp_buf_addch(b, ',');
	rp_time_fmt_utc(b, f->mtime);
}

static void
emit(struct diffrun *d, const char *root, const struct rp_change *c)
{
	const struct rp_fentry *f = c->cur ? c->cur : c->old;
	struct rp_buf *b = &d->out;
	struct rp_buf p = RP_BUF_INIT;
	const char *verdict = c->cur && c->cur->verdict >= 0 ?
	    rp_verdict_name((enum rp_verdict_kind)c->cur->verdict) : NULL;

	fx_full_path(&p, root, f->path, f->pathlen);
	if (d->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"change\",");
		rp_cli_path_json(b, "path", p.buf, p.len);
		rp_buf_addf(b, "\"change\":\"%s\",\"encrypted\":%s,\"note\":%s,\"verdict\":",
		    rp_change_name(c->kind), c->encrypted ? "true" : "false",
		    c->note ? "true" : "false");
		if (verdict)
			rp_buf_addf(b, "\"%s\"", verdict);
		else
			rp_buf_addstr(b, "null");
		rp_buf_addstr(b, ",\"what\":[");
		add_what(b, c->what, ",", 1);
		rp_buf_addch(b, ']');
		json_side(b, "", c->cur);
		json_side(b, "old_", c->old);
		rp_buf_addstr(b, "}\n");
	} else if (d->format == RP_FMT_CSV) {
		rp_esc_csv(b, p.buf, p.len);
		rp_buf_addf(b, ",%s,%s,%s,%s,", rp_change_name(c->kind),
		    c->encrypted ? "true" : "false", c->note ? "true" : "false",
		    verdict ? verdict : "");
		add_what(b, c->what, " ", 0);
		csv_side(b, c->cur);
		csv_side(b, c->old);
		rp_buf_addch(b, '\n');
	} else {
		char m1[10], m2[10];

		rp_buf_addf(b, "%-9s %-10s ", rp_change_name(c->kind),
		    c->encrypted ? "ENCRYPTED" : c->note ? "NOTE" : "");
		rp_esc_text(b, p.buf, p.len);
		if (c->kind == RP_CHANGE_MODIFIED) {
			rp_buf_addstr(b, "  (");
			add_what(b, c->what, ", ", 0);
			if (c->what & RP_DIFF_TYPE)
				rp_buf_addf(b, ": %s -> %s", rp_ftype_name(c->old->type),
				    rp_ftype_name(c->cur->type));
			if (c->what & RP_DIFF_MODE) {
				fx_perm_string(c->old->mode, m1);
				fx_perm_string(c->cur->mode, m2);
				rp_buf_addf(b, "%s%s -> %s", (c->what & RP_DIFF_TYPE) ? "; " : ": ", m1, m2);
			}
			if (c->what & RP_DIFF_OWNER)
				rp_buf_addf(b, "; %u:%u -> %u:%u", c->old->uid, c->old->gid,
				    c->cur->uid, c->cur->gid);
			rp_buf_addch(b, ')');
		} else if (c->kind == RP_CHANGE_ADDED) {
			rp_buf_addf(b, "  (%s, %llu bytes)", rp_ftype_name(f->type),
			    (unsigned long long)f->size);
		}
		rp_buf_addch(b, '\n');
	}
	rp_buf_release(&p);
}

static int
one_root(struct diffrun *d, struct rp_store *st, const char *root, const struct rp_fx_opts *o,
    unsigned jobs, struct rp_engine *engine)
{
	struct rp_cli *cli = d->cli;
	struct rp_fset old, cur;
	struct rp_fx_stats fs;
	struct rp_change *ch = NULL;
	size_t nch = 0, i;
	int r, found, rc = RP_EXIT_ERROR;

	rp_fset_init(&old);
	rp_fset_init(&cur);
	memset(&fs, 0, sizeof(fs));
	if (fx_collect_hashed(cli, st, root, o, jobs, engine, &old, &cur, &fs, &found) != 0)
		goto out;
	if (!found) {
		rp_err(cli, "no baseline of '%s' in '%s' (riposte baseline %s)", root,
		    rp_store_path(st), root);
		goto out;
	}
	if ((r = rp_diff_compute(&old, &cur, &ch, &nch, &d->sum)) != 0) {
		rp_err(cli, "cannot compare '%s': %s", root, rp_strerror(r));
		goto out;
	}
	for (i = 0; i < nch; i++)
		emit(d, root, &ch[i]);
	if (rp_cli_put(cli, &d->out) != 0)
		goto out;
	rp_buf_reset(&d->out);
	rc = RP_EXIT_CLEAN;
out:
	free(ch);
	rp_fset_release(&old);
	rp_fset_release(&cur);
	return rc;
}

static int
restore_failed(const struct rp_diff_summary *s)
{
	return s->removed || s->content_changed || s->type_changed || s->encrypted || s->notes ||
	    s->unreadable;
}

static void
summary(struct diffrun *d)
{
	const struct rp_diff_summary *s = &d->sum;
	struct rp_buf *b = &d->out;

	if (d->format == RP_FMT_JSONL) {
		rp_buf_addf(b, "{\"kind\":\"summary\",\"added\":%llu,\"removed\":%llu,\"modified\":%llu,"
		    "\"encrypted\":%llu,\"notes\":%llu,\"content_changed\":%llu,\"type_changed\":%llu,"
		    "\"mode_changed\":%llu,\"owner_changed\":%llu,\"unreadable\":%llu,\"entries\":%llu,"
		    "\"restored\":%s}\n",
		    (unsigned long long)s->added, (unsigned long long)s->removed,
		    (unsigned long long)s->modified, (unsigned long long)s->encrypted,
		    (unsigned long long)s->notes, (unsigned long long)s->content_changed,
		    (unsigned long long)s->type_changed, (unsigned long long)s->mode_changed,
		    (unsigned long long)s->owner_changed, (unsigned long long)s->unreadable,
		    (unsigned long long)s->entries,
		    !d->restored ? "null" : restore_failed(s) ? "false" : "true");
	} else if (d->format == RP_FMT_TEXT) {
		rp_buf_addf(b, "%llu added, %llu removed, %llu modified (%llu content, %llu type, "
		    "%llu permissions, %llu owner), %llu encrypted, %llu ransom notes, "
		    "%llu unreadable; %llu entries compared\n",
		    (unsigned long long)s->added, (unsigned long long)s->removed,
		    (unsigned long long)s->modified, (unsigned long long)s->content_changed,
		    (unsigned long long)s->type_changed, (unsigned long long)s->mode_changed,
		    (unsigned long long)s->owner_changed, (unsigned long long)s->encrypted,
		    (unsigned long long)s->notes, (unsigned long long)s->unreadable,
		    (unsigned long long)s->entries);
		if (d->restored && !restore_failed(s))
			rp_buf_addstr(b, "restore check passed: every file of the baseline is there "
			    "with its baseline content, nothing is encrypted, no ransom note\n");
		else if (d->restored)
			rp_buf_addf(b, "restore check FAILED: %llu missing, %llu with another content or "
			    "type, %llu encrypted, %llu ransom notes, %llu unreadable\n",
			    (unsigned long long)s->removed,
			    (unsigned long long)(s->content_changed + s->type_changed),
			    (unsigned long long)s->encrypted, (unsigned long long)s->notes,
			    (unsigned long long)s->unreadable);
	}
}

/* diff's own options */
struct diffopts {
	struct diffrun *d;
	int64_t case_id;
};

static int
diff_opt(struct rp_cli *cli, int c, const char *arg, struct rp_fx_opts *o, void *ctx)
{
	struct diffopts *x = ctx;

	switch (c) {
	case OPT_RESTORED:
		x->d->restored = 1;
		o->hash = RP_FX_HASH_ALL;
		return 0;
	case OPT_CASE:
		return fx_case_arg(cli, arg, &x->case_id);
	default:
		return -1;
	}
}

int
cmd_diff(struct rp_cli *cli, int argc, char **argv)
{
	struct diffrun d;
	struct rp_fx_opts o;
	struct rp_engine_opts eo;
	struct rp_engine *engine = NULL;
	struct rp_store *st = NULL;
	struct rp_buf err = RP_BUF_INIT;
	struct fx_common fc;
	struct diffopts x = { &d, -1 };
	int64_t case_id;
	int i, r, rc, changed;

	memset(&d, 0, sizeof(d));
	rp_buf_init(&d.out, 0);
	d.cli = cli;
	memset(&eo, 0, sizeof(eo));
	if (fx_parse_opts(cli, argc, argv, longopts, usage, "text,jsonl,csv", -1, diff_opt, &x,
	    &fc, &o, &rc) != 0)
		goto out;
	rc = RP_EXIT_ERROR;
	o.scan_changed = 1;
	d.format = fc.format;
	case_id = x.case_id;
	eo.allow_atime = o.allow_atime;
	eo.data_dir = cli->data_dir;
	if ((r = rp_engine_new(&engine, &eo, &err)) != 0) {
		rp_err(cli, "cannot load the scan engine: %s%s%s", rp_strerror(r), err.len ? ": " : "",
		    err.buf);
		goto out;
	}
	if (fx_store_open(cli, cli->db_path, 0, &st) != 0)
		goto out;
	if (d.format == RP_FMT_CSV) {
		rp_buf_addstr(&d.out, "path,change,encrypted,note,verdict,what,type,size,mode,owner,"
		    "sha256,mtime,old_type,old_size,old_mode,old_owner,old_sha256,old_mtime\n");
	}
	for (i = optind; i < argc; i++)
		if (one_root(&d, st, argv[i], &o, fc.jobs, engine) != RP_EXIT_CLEAN)
			goto out;
	summary(&d);
	if (rp_cli_put(cli, &d.out) != 0)
		goto out;
	changed = d.restored ? restore_failed(&d.sum) :
	    (d.sum.added || d.sum.removed || d.sum.modified);
	if (case_id >= 0) {
		struct rp_buf t = RP_BUF_INIT, j = RP_BUF_INIT;

		rp_buf_addf(&t, "%s of %d tree(s): %llu added, %llu removed, %llu modified, "
		    "%llu encrypted, %llu ransom notes%s", d.restored ? "Restore check" : "Diff",
		    argc - optind, (unsigned long long)d.sum.added, (unsigned long long)d.sum.removed,
		    (unsigned long long)d.sum.modified, (unsigned long long)d.sum.encrypted,
		    (unsigned long long)d.sum.notes,
		    !d.restored ? "" : changed ? " (failed)" : " (passed)");
		rp_buf_addf(&j, "{\"added\":%llu,\"removed\":%llu,\"modified\":%llu,\"encrypted\":%llu,"
		    "\"notes\":%llu,\"restored\":%s}", (unsigned long long)d.sum.added,
		    (unsigned long long)d.sum.removed, (unsigned long long)d.sum.modified,
		    (unsigned long long)d.sum.encrypted, (unsigned long long)d.sum.notes,
		    !d.restored ? "null" : changed ? "false" : "true");
		r = fx_attach_case(cli, cli->db_path, case_id, d.restored ? "restore-check" : "diff",
		    t.buf, j.buf);
		rp_buf_release(&t);
		rp_buf_release(&j);
		if (r != 0)
			goto out;
	}
	rc = changed ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	rp_store_close(st);
	rp_engine_free(engine);
	rp_buf_release(&d.out);
	rp_buf_release(&err);
	fx_common_release(&fc);
	return rc;
}
