/*
 * riposte restore-check: before a restored system goes back into service, its data
 * against the known-good baseline (what `diff --restored` checks) and harden on the
 * same system: the finding that let the attack in must be gone. One verdict, recorded
 * in the case.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "case/case.h"
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
#include "harden-out.h"
#include "harden/harden.h"
#include "store/store.h"

static const char usage[] =
"NAME\n"
"    riposte restore-check - is a restored system ready to go back into service?\n"
"\n"
"SYNOPSIS\n"
"    riposte restore-check [--db FILE] [--root DIR] [--format text|jsonl]\n"
"                          [--finding ID]... [--config FILE] [--case ID | --no-case]\n"
"                          [-j N] PATH...\n"
"\n"
"DESCRIPTION\n"
"    Restoring is not enough: restored identically, the system still has the flaw the\n"
"    attack came in through. restore-check gives one verdict, ready or not-ready,\n"
"    from two checks:\n"
"\n"
"    1. the data: every PATH against its known-good baseline (`riposte baseline`), as\n"
"       `riposte diff --restored` does: every file of the baseline is there with its\n"
"       baseline content (SHA-256, every file read), nothing is encrypted, no ransom\n"
"       note. New files that are neither are listed but do not fail the check.\n"
"    2. the way in: `riposte harden` on the same system. The findings tied to the\n"
"       case's way in (`riposte case entry --finding ID`, and --finding here) must be\n"
"       gone; one that this system cannot show (a live check under --root) is not\n"
"       taken as gone. When no finding is tied to the way in, every high finding\n"
"       counts.\n"
"\n"
"    With --root DIR the restored system is mounted at DIR: each PATH is the path on\n"
"    that system (absolute), read at DIR/PATH, and compared with the baseline of PATH\n"
"    (or, when there is none, of DIR/PATH); harden reads DIR's files only. Without\n"
"    --root, the system this runs on is checked, live.\n"
"\n"
"    The verdict, its reasons and both results are recorded in the open case of the\n"
"    database (or --case ID) when there is one; --no-case does not record. Nothing\n"
"    is changed on the system checked: files are opened read-only with O_NOATIME.\n"
"\n"
"OPTIONS\n"
"    --db FILE         the database with the baselines and the case (default\n"
"                      $RIPOSTE_DB, else ./riposte.db)\n"
"    --root DIR        the restored system is mounted at DIR\n"
"    --format F        text (default on a terminal; otherwise jsonl) or jsonl\n"
"    --finding ID      a harden finding that must be gone, besides the case's; repeatable\n"
"    --config FILE     the site profile ([backup] path for harden)\n"
"    --case ID         record in case ID instead of the open one\n"
"    --no-case         do not record in the case\n"
"    -j, --jobs N      hashing threads (default: the number of cores)\n"
"    -h, --help        this text\n"
"\n"
"OUTPUT\n"
"    text: the files that fail the data check, the harden counts, the state of each\n"
"    finding of the way in, and the verdict with its reasons.\n"
"    jsonl: {\"kind\":\"change\",\"path\":...,\"change\":\"removed|modified|added\",\n"
"            \"encrypted\":BOOL,\"note\":BOOL,\"what\":[...]}     (only those that fail)\n"
"           the harden findings and checks not made, as `riposte harden` writes them\n"
"           {\"kind\":\"way_in\",\"id\":...,\"state\":\"gone|present|not_checked\"}\n"
"           {\"kind\":\"summary\",\"verdict\":\"ready|not-ready\",\"reasons\":[...],\n"
"            \"diff\":{\"entries\":N,\"removed\":N,\"changed\":N,\"encrypted\":N,\"notes\":N,\n"
"            \"unreadable\":N,\"added\":N},\"harden\":{\"high\":N,\"medium\":N,\"low\":N},\n"
"            \"case\":ID|null}\n"
"\n"
"EXIT STATUS\n"
"    0 ready, 1 not-ready, 2 error (no baseline of a PATH, unreadable PATH, bad option).\n"
"\n"
"EXAMPLES\n"
"    riposte restore-check /srv/praxis\n"
"    riposte restore-check --root /mnt/restored /srv/praxis --format jsonl\n"
"    riposte restore-check /srv/praxis --finding smb1-enabled --no-case\n";

enum { OPT_ROOT = 256, OPT_FORMAT, OPT_FINDING, OPT_CONFIG, OPT_CASE, OPT_NOCASE, OPT_DB };

static const struct option longopts[] = {
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "finding", required_argument, NULL, OPT_FINDING },
	{ "config", required_argument, NULL, OPT_CONFIG },
	{ "case", required_argument, NULL, OPT_CASE },
	{ "no-case", no_argument, NULL, OPT_NOCASE },
	{ "db", required_argument, NULL, OPT_DB },
	{ "jobs", required_argument, NULL, 'j' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

#define MAX_TIED 64

struct rcheck {
	struct rp_cli *cli;
	int format;
	struct rp_buf out;          /* the listing */
	struct rp_buf reasons;      /* "; "-separated */
	size_t nreasons;
	struct rp_diff_summary sum;
	uint64_t changed;           /* content or type */
	const char *tied[MAX_TIED];
	size_t ntied;
};

static void
reason(struct rcheck *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
reason(struct rcheck *k, const char *fmt, ...)
{
	va_list ap;

	if (k->nreasons++)
		rp_buf_addstr(&k->reasons, "; ");
	va_start(ap, fmt);
	rp_buf_vaddf(&k->reasons, fmt, ap);
	va_end(ap);
}

static void
add_tied(struct rcheck *k, const char *id)
{
	size_t i;

	for (i = 0; i < k->ntied; i++)
		if (strcmp(k->tied[i], id) == 0)
			return;
	if (k->ntied < MAX_TIED)
		k->tied[k->ntied++] = id;
}

/* A change that fails the restore: gone, other content or type, encrypted, a note. */
static int
fails(const struct rp_change *c)
{
	return c->kind == RP_CHANGE_REMOVED || c->encrypted || c->note ||
	    (c->kind == RP_CHANGE_MODIFIED && (c->what & (RP_DIFF_CONTENT | RP_DIFF_TYPE |
	    RP_DIFF_UNREADABLE)));
}

static void
emit_change(struct rcheck *k, const char *path, const struct rp_change *c)
{
	const struct rp_fentry *f = c->cur ? c->cur : c->old;
	struct rp_buf p = RP_BUF_INIT;
	struct rp_buf *b = &k->out;

	fx_full_path(&p, path, f->path, f->pathlen);
	if (k->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"change\",");
		rp_cli_path_json(b, "path", p.buf, p.len);
		rp_buf_addf(b, "\"change\":\"%s\",\"encrypted\":%s,\"note\":%s,\"what\":[%s%s%s]}\n",
		    rp_change_name(c->kind), c->encrypted ? "true" : "false",
		    c->note ? "true" : "false", (c->what & RP_DIFF_CONTENT) ? "\"content\"" : "",
		    (c->what & RP_DIFF_TYPE) ? ((c->what & RP_DIFF_CONTENT) ? ",\"type\"" : "\"type\"") :
		    "", (c->what & RP_DIFF_UNREADABLE) ? ((c->what & (RP_DIFF_CONTENT | RP_DIFF_TYPE)) ?
		    ",\"unreadable\"" : "\"unreadable\"") : "");
	} else {
		rp_buf_addf(b, "  %-10s ", c->encrypted ? "ENCRYPTED" : c->note ? "NOTE" :
		    c->kind == RP_CHANGE_REMOVED ? "MISSING" : (c->what & RP_DIFF_UNREADABLE) ?
		    "UNREADABLE" : "CHANGED");
		rp_esc_text(b, p.buf, p.len);
		rp_buf_addch(b, '\n');
	}
	rp_buf_release(&p);
}

/* The data check of one PATH: 0, or -1 (said). */
static int
check_path(struct rcheck *k, struct rp_store *st, const char *root, const char *path,
    unsigned jobs, struct rp_engine *engine)
{
	struct rp_cli *cli = k->cli;
	struct rp_fset old, cur;
	struct rp_fx_opts o;
	struct rp_fx_stats fs;
	struct rp_baseline_root br;
	struct rp_hashpool *pool = NULL;
	struct rp_change *ch = NULL;
	struct rp_buf loc = RP_BUF_INIT;
	char *key = NULL, *rootabs = NULL, *locabs = NULL;
	size_t nch = 0, i;
	int r, rc = -1;

	rp_fset_init(&old);
	rp_fset_init(&cur);
	memset(&o, 0, sizeof(o));
	memset(&fs, 0, sizeof(fs));
	o.hash = RP_FX_HASH_ALL;
	o.scan_changed = 1;
	if (root) {
		if (path[0] != '/') {
			rp_err(cli, "'%s': with --root, a PATH is the absolute path on the restored "
			    "system", path);
			goto out;
		}
		if ((rootabs = fx_abs_root(cli, root)) == NULL)
			goto out;
		rp_buf_addstr(&loc, rootabs);
		rp_buf_addstr(&loc, path);
		if ((locabs = fx_abs_root(cli, loc.buf)) == NULL)
			goto out;
		/* a symlink in the copy must not take the walk out of it */
		if (strcmp(rootabs, "/") != 0 && (strncmp(locabs, rootabs, strlen(rootabs)) != 0 ||
		    (locabs[strlen(rootabs)] != '/' && locabs[strlen(rootabs)] != '\0'))) {
			rp_err(cli, "'%s' leaves '%s' through a symbolic link", loc.buf, root);
			goto out;
		}
		key = strdup(path);
	} else {
		key = fx_abs_root(cli, path);
		locabs = key ? strdup(key) : NULL;
	}
	if (key == NULL || locabs == NULL)
		goto out;
	r = rp_baseline_find(st, key, &br);
	if (r == RP_ERR_NOTFOUND && root)
		r = rp_baseline_find(st, locabs, &br);
	if (r == RP_ERR_NOTFOUND) {
		rp_err(cli, "no baseline of '%s' in '%s' (riposte baseline on the known-good "
		    "system)", path, rp_store_path(st));
		goto out;
	}
	if (r != 0 || (r = rp_baseline_load(st, br.id, &old)) != 0) {
		rp_err(cli, "cannot read the baseline of '%s': %s", path, rp_strerror(r));
		goto out;
	}
	if ((r = rp_hashpool_new(&pool, jobs, engine)) != 0) {
		rp_err(cli, "cannot start the hashing threads: %s", rp_strerror(r));
		goto out;
	}
	r = rp_fx_collect(locabs, &o, &old, pool, &cur, &fs);
	if (r == 0)
		r = rp_hashpool_finish(pool);
	else
		rp_hashpool_finish(pool);
	if (r != 0) {
		rp_err(cli, "cannot read '%s': %s", locabs, rp_strerror(r));
		goto out;
	}
	if ((r = rp_diff_compute(&old, &cur, &ch, &nch, &k->sum)) != 0) {
		rp_err(cli, "cannot compare '%s': %s", path, rp_strerror(r));
		goto out;
	}
	for (i = 0; i < nch; i++) {
		if (!fails(&ch[i]))
			continue;
		if (ch[i].kind == RP_CHANGE_MODIFIED && (ch[i].what & (RP_DIFF_CONTENT | RP_DIFF_TYPE)))
			k->changed++;
		emit_change(k, path, &ch[i]);
	}
	rc = 0;
out:
	free(ch);
	rp_hashpool_free(pool);
	rp_fset_release(&old);
	rp_fset_release(&cur);
	rp_buf_release(&loc);
	free(key);
	free(rootabs);
	free(locabs);
	return rc;
}

/* The harden part: which findings must be gone, and whether they are. */
static void
way_in(struct rcheck *k, const struct hx_run *run)
{
	struct rp_buf *b = &k->out;
	size_t i;

	if (k->ntied == 0) {
		const char *last = "";

		if (k->format == RP_FMT_TEXT)
			rp_buf_addstr(b, "  no finding is tied to the way in: every high finding counts\n");
		for (i = 0; i < run->nf; i++) {
			if (run->f[i].severity != RP_HSEV_HIGH || strcmp(run->f[i].id, last) == 0)
				continue;
			last = run->f[i].id;
			reason(k, "high finding %s on the restored system", run->f[i].id);
		}
		return;
	}
	for (i = 0; i < k->ntied; i++) {
		const char *id = k->tied[i], *state;
		size_t j;

		if (hx_not_checked(run, id)) {
			state = "not_checked";
			reason(k, "%s (tied to the way in) cannot be checked here%s", id, run->live ? "" :
			    ": run restore-check on the restored system itself");
		} else if (hx_has(run, id)) {
			state = "present";
			for (j = 0; j < run->nf && strcmp(run->f[j].id, id) != 0; j++)
				;
			if (run->f[j].file && run->f[j].line)
				reason(k, "%s (tied to the way in) is still there (%s:%u)", id,
				    run->f[j].file, run->f[j].line);
			else
				reason(k, "%s (tied to the way in) is still there", id);
		} else {
			state = "gone";
		}
		if (k->format == RP_FMT_JSONL)
			rp_buf_addf(b, "{\"kind\":\"way_in\",\"id\":\"%s\",\"state\":\"%s\"}\n", id, state);
		else
			rp_buf_addf(b, "  way in: %-24s %s\n", id, strcmp(state, "gone") == 0 ? "gone" :
			    strcmp(state, "present") == 0 ? "STILL THERE" : "NOT CHECKED HERE");
	}
}

static void
diff_json(struct rcheck *k, struct rp_buf *b)
{
	rp_buf_addf(b, "{\"entries\":%llu,\"removed\":%llu,\"changed\":%llu,\"encrypted\":%llu,"
	    "\"notes\":%llu,\"unreadable\":%llu,\"added\":%llu}",
	    (unsigned long long)k->sum.entries, (unsigned long long)k->sum.removed,
	    (unsigned long long)k->changed, (unsigned long long)k->sum.encrypted,
	    (unsigned long long)k->sum.notes, (unsigned long long)k->sum.unreadable,
	    (unsigned long long)k->sum.added);
}

/* The reasons as a JSON array: they were joined with "; ". */
static void
reasons_json(const struct rcheck *k, struct rp_buf *b)
{
	const char *p = k->reasons.buf;
	int first = 1;

	rp_buf_addch(b, '[');
	while (k->nreasons && *p) {
		const char *e = strstr(p, "; ");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		int lossy = 0;

		rp_buf_addstr(b, first ? "\"" : ",\"");
		rp_esc_json(b, p, n, &lossy);
		rp_buf_addch(b, '"');
		first = 0;
		p += n + (e ? 2 : 0);
	}
	rp_buf_addch(b, ']');
}

int
cmd_restore_check(struct rp_cli *cli, int argc, char **argv)
{
	const char *root = NULL, *format = NULL, *config = NULL, *extra[MAX_TIED];
	struct rcheck k;
	struct hx_run run;
	struct rp_engine_opts eo;
	struct rp_engine *engine = NULL;
	struct rp_store *st = NULL;
	struct rp_case cs;
	struct rp_buf err = RP_BUF_INIT, j = RP_BUF_INIT, h = RP_BUF_INIT;
	unsigned jobs = fx_default_jobs();
	unsigned long long u;
	int64_t case_id = 0;
	size_t nextra = 0, i;
	int c, r, rc = RP_EXIT_ERROR, no_case = 0, have_case = 0, ready;

	memset(&k, 0, sizeof(k));
	memset(&run, 0, sizeof(run));
	memset(&cs, 0, sizeof(cs));
	memset(&eo, 0, sizeof(eo));
	k.cli = cli;
	rp_buf_init(&k.out, 0);
	rp_buf_init(&k.reasons, 0);
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "j:h", longopts, usage)) != -1) {
		switch (c) {
		case OPT_ROOT: root = optarg; break;
		case OPT_FORMAT: format = optarg; break;
		case OPT_CONFIG: config = optarg; break;
		case OPT_NOCASE: no_case = 1; break;
		case OPT_DB: cli->db_path = optarg; break;
		case OPT_CASE:
			if (rp_cli_uint(cli, "--case", optarg, 1, INT64_MAX, &u) != 0)
				return RP_EXIT_ERROR;
			case_id = (int64_t)u;
			break;
		case OPT_FINDING:
			if (rp_harden_check(optarg) == NULL) {
				rp_err(cli, "--finding: '%s' is not a harden finding id (see 'riposte "
				    "harden --help')", optarg);
				return RP_EXIT_ERROR;
			}
			if (nextra < MAX_TIED)
				extra[nextra++] = optarg;
			break;
		case 'j':
			if (rp_cli_uint(cli, "--jobs", optarg, 1, 256, &u) != 0)
				return RP_EXIT_ERROR;
			jobs = (unsigned)u;
			break;
		case 'h': return rp_cli_usage(cli, usage, 1);
		default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	k.format = cli->stdout_tty ? RP_FMT_TEXT : RP_FMT_JSONL;
	if (format != NULL && (k.format = rp_cli_format(cli, format, "text,jsonl")) < 0)
		return RP_EXIT_ERROR;
	if (optind >= argc) {
		rp_err(cli, "no PATH given");
		return rp_cli_usage(cli, usage, 0);
	}
	if (fx_store_open(cli, cli->db_path, 0, &st) != 0)
		goto out;
	/* the case and its way in */
	if (!no_case) {
		r = rp_case_load(st, case_id, &cs);
		if (r == 0) {
			have_case = 1;
			for (i = 0; i < cs.way_in.nfindings; i++)
				add_tied(&k, cs.way_in.findings[i]);
		} else if (r != RP_ERR_NOTFOUND || case_id) {
			rp_err(cli, "cannot read %s in '%s': %s", case_id ? "the case" : "the open case",
			    cli->db_path, rp_strerror(r));
			goto out;
		}
	}
	for (i = 0; i < nextra; i++)
		add_tied(&k, extra[i]);

	/* 1. the data */
	eo.data_dir = cli->data_dir;
	if ((r = rp_engine_new(&engine, &eo, &err)) != 0) {
		rp_err(cli, "cannot load the scan engine: %s%s%s", rp_strerror(r), err.len ? ": " : "",
		    err.buf);
		goto out;
	}
	if (k.format == RP_FMT_TEXT)
		rp_buf_addstr(&k.out, "data against the baseline:\n");
	for (i = (size_t)optind; i < (size_t)argc; i++)
		if (check_path(&k, st, root, argv[i], jobs, engine) != 0)
			goto out;
	if (k.sum.removed)
		reason(&k, "%llu file%s of the baseline missing", (unsigned long long)k.sum.removed,
		    k.sum.removed == 1 ? "" : "s");
	if (k.changed)
		reason(&k, "%llu file%s with another content than the baseline's",
		    (unsigned long long)k.changed, k.changed == 1 ? "" : "s");
	if (k.sum.encrypted)
		reason(&k, "%llu file%s encrypted", (unsigned long long)k.sum.encrypted,
		    k.sum.encrypted == 1 ? "" : "s");
	if (k.sum.notes)
		reason(&k, "%llu ransom note%s", (unsigned long long)k.sum.notes,
		    k.sum.notes == 1 ? "" : "s");
	if (k.sum.unreadable)
		reason(&k, "%llu file%s unreadable", (unsigned long long)k.sum.unreadable,
		    k.sum.unreadable == 1 ? "" : "s");
	if (k.format == RP_FMT_TEXT && k.nreasons == 0)
		rp_buf_addf(&k.out, "  every file of the baseline is there with its content, nothing "
		    "encrypted, no ransom note (%llu entries)\n", (unsigned long long)k.sum.entries);

	/* 2. the way in */
	if (hx_run(cli, root, config, &run) != 0)
		goto out;
	if (k.format == RP_FMT_JSONL) {
		hx_emit_jsonl_items(&run, &k.out);
	} else {
		rp_buf_addstr(&k.out, "harden on ");
		rp_esc_text(&k.out, run.root, strlen(run.root));
		rp_buf_addf(&k.out, "%s: ", run.live ? " (the live system)" : "");
		hx_counts(&run, &k.out);
		hx_ids(&run, &k.out);
		rp_buf_addch(&k.out, '\n');
	}
	way_in(&k, &run);
	ready = k.nreasons == 0;

	/* the verdict */
	if (k.format == RP_FMT_JSONL) {
		rp_buf_addf(&k.out, "{\"kind\":\"summary\",\"verdict\":\"%s\",\"reasons\":",
		    ready ? "ready" : "not-ready");
		reasons_json(&k, &k.out);
		rp_buf_addstr(&k.out, ",\"diff\":");
		diff_json(&k, &k.out);
		rp_buf_addf(&k.out, ",\"harden\":{\"high\":%u,\"medium\":%u,\"low\":%u},\"case\":",
		    run.high, run.medium, run.low);
		if (have_case)
			rp_buf_addf(&k.out, "%lld}\n", (long long)cs.info.id);
		else
			rp_buf_addstr(&k.out, "null}\n");
	} else {
		rp_buf_addf(&k.out, "verdict: %s\n", ready ? "ready" : "NOT READY");
		for (const char *p = k.reasons.buf; k.nreasons && *p; ) {
			const char *e = strstr(p, "; ");
			size_t n = e ? (size_t)(e - p) : strlen(p);

			rp_buf_addstr(&k.out, "  - ");
			rp_esc_text(&k.out, p, n);
			rp_buf_addch(&k.out, '\n');
			p += n + (e ? 2 : 0);
		}
	}
	if (rp_cli_put(cli, &k.out) != 0)
		goto out;
	if (have_case) {
		rp_buf_addf(&j, "{\"verdict\":\"%s\",\"reasons\":", ready ? "ready" : "not-ready");
		rp_json_str(&j, k.reasons.buf);
		rp_buf_addstr(&j, ",\"diff\":");
		diff_json(&k, &j);
		rp_buf_addstr(&j, ",\"harden\":");
		hx_json(&run, &j);
		rp_buf_addch(&j, '}');
		r = rp_case_restore_check(st, cs.info.id, cli->now, "riposte", ready,
		    ready ? NULL : k.reasons.buf, j.buf);
		if (r != 0) {
			rp_err(cli, "cannot record the verdict in case %lld: %s", (long long)cs.info.id,
			    rp_strerror(r));
			goto out;
		}
	}
	rc = ready ? RP_EXIT_CLEAN : RP_EXIT_FOUND;
out:
	hx_release(&run);
	rp_case_release(&cs);
	rp_store_close(st);
	rp_engine_free(engine);
	rp_buf_release(&k.out);
	rp_buf_release(&k.reasons);
	rp_buf_release(&err);
	rp_buf_release(&j);
	rp_buf_release(&h);
	return rc;
}
