/*
 * riposte baseline: record the known-good state of trees (metadata, SHA-256, sampled
 * entropy) in the store, incrementally: a file is hashed again only when its size,
 * mtime, ctime or inode changed since the last run.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "forensic.h"
#include "forensic/baseline.h"
#include "forensic/tree.h"
#include "store/store.h"

static const char usage[] =
"NAME\n"
"    riposte baseline - record a known-good state of a tree\n"
"\n"
"SYNOPSIS\n"
"    riposte baseline [--format text|jsonl] [-j N] [--exclude GLOB]... [--allow-atime]\n"
"                     [--cross-mounts] [--rehash] [--db FILE] PATH...\n"
"\n"
"DESCRIPTION\n"
"    Records in the database, for every entry under each PATH: path, type, size, mode,\n"
"    owner, inode, the four MACB times (modification, access, change, birth where the\n"
"    filesystem keeps it), and for regular files the SHA-256 of the content and the\n"
"    entropy of a sample (16 KiB of every 256 KiB). `riposte diff` compares a tree with\n"
"    this record; `riposte diff --restored` checks a restore against it; `riposte exfil`\n"
"    compares access times with it.\n"
"\n"
"    Re-runs are incremental: a file is hashed again only when its size, modification\n"
"    time, change time or inode differ from the record; only changed rows are written.\n"
"    Files are hashed by -j threads. Files and directories are opened with O_NOATIME:\n"
"    taking a baseline changes no access time. A PATH is filed under its absolute path.\n"
"\n"
"OPTIONS\n"
"    --format text|jsonl\n"
"        text: one summary line per PATH. jsonl: per PATH\n"
"          {\"kind\":\"baseline\",\"root\":...,\"files\":N,\"dirs\":N,\"others\":N,\"bytes\":N,\n"
"           \"hashed\":N,\"bytes_hashed\":N,\"reused\":N,\"written\":N,\"deleted\":N,\n"
"           \"unreadable\":N,\"time\":ISO8601}\n"
"        and last {\"kind\":\"summary\",\"roots\":N,\"files\":N,\"hashed\":N,\"unreadable\":N}.\n"
"    -j, --jobs N      hashing threads (default: the number of cores)\n"
"    --exclude GLOB    leave out paths or names matching GLOB (fnmatch); repeatable\n"
"    --allow-atime     hash files even where O_NOATIME is refused (their atime may change)\n"
"    --cross-mounts    enter other filesystems mounted below PATH\n"
"    --rehash          hash every file again, even those whose metadata did not change\n"
"    --db FILE         the database (default $RIPOSTE_DB, else ./riposte.db)\n"
"\n"
"EXIT STATUS\n"
"    0 recorded (files that could not be read are counted and warned about); 2 error.\n"
"\n"
"EXAMPLES\n"
"    riposte baseline /srv/share /etc\n"
"    riposte baseline --db /var/lib/riposte/riposte.db -j 4 /srv/share\n";

static const struct option longopts[] = {
	FX_COMMON_LONGOPTS,
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int
one_root(struct rp_cli *cli, struct rp_store *st, const char *root, const struct rp_fx_opts *o,
    unsigned jobs, int format, struct rp_buf *out, uint64_t tot[3])
{
	struct rp_fset old, cur;
	struct rp_fx_stats fs;
	uint64_t written = 0, deleted = 0, unreadable = 0, files = 0, dirs = 0, others = 0, bytes = 0;
	char *abs = NULL;
	int64_t id;
	size_t i;
	int r, found, rc = RP_EXIT_ERROR;

	rp_fset_init(&old);
	rp_fset_init(&cur);
	memset(&fs, 0, sizeof(fs));
	if (fx_collect_hashed(cli, st, root, o, jobs, NULL, &old, &cur, &fs, &found) != 0 ||
	    (abs = fx_abs_root(cli, root)) == NULL)
		goto out;
	for (i = 0; i < cur.n; i++) {
		const struct rp_fentry *f = cur.v[i];

		if (f->type == RP_FT_FILE) {
			files++;
			bytes += f->size;
			if (!f->has_hash)
				unreadable++;
		} else if (f->type == RP_FT_DIR) {
			dirs++;
		} else {
			others++;
		}
	}
	if ((r = rp_baseline_save(st, abs, cli->now, &cur, &old, &id, &written, &deleted)) != 0) {
		rp_err(cli, "cannot record the baseline of '%s' in '%s': %s", root,
		    rp_store_path(st), rp_strerror(r));
		goto out;
	}
	if (unreadable)
		rp_warn(cli, "'%s': %llu files could not be read and have no hash (not their owner: "
		    "run as root, or --allow-atime)", root, (unsigned long long)unreadable);
	if (format == RP_FMT_JSONL) {
		rp_buf_addstr(out, "{\"kind\":\"baseline\",");
		rp_cli_path_json(out, "root", root, strlen(root));
		rp_buf_addf(out, "\"files\":%llu,\"dirs\":%llu,\"others\":%llu,\"bytes\":%llu,"
		    "\"hashed\":%llu,\"bytes_hashed\":%llu,\"reused\":%llu,\"written\":%llu,"
		    "\"deleted\":%llu,\"unreadable\":%llu,\"time\":",
		    (unsigned long long)files, (unsigned long long)dirs, (unsigned long long)others,
		    (unsigned long long)bytes, (unsigned long long)fs.hashed,
		    (unsigned long long)fs.bytes_hashed, (unsigned long long)fs.reused,
		    (unsigned long long)written, (unsigned long long)deleted,
		    (unsigned long long)unreadable);
		rp_buf_addch(out, '"');
		rp_time_fmt_utc(out, cli->now);
		rp_buf_addstr(out, "\"}\n");
	} else {
		rp_buf_addstr(out, "baseline of '");
		rp_esc_text(out, root, strlen(root));
		rp_buf_addf(out, "': %llu files (", (unsigned long long)files);
		fx_human_bytes(out, bytes);
		rp_buf_addf(out, "), %llu directories, %llu other entries; %llu files hashed (",
		    (unsigned long long)dirs, (unsigned long long)others,
		    (unsigned long long)fs.hashed);
		fx_human_bytes(out, fs.bytes_hashed);
		rp_buf_addf(out, "), %llu unchanged, %llu entries gone since the last run\n",
		    (unsigned long long)fs.reused, (unsigned long long)deleted);
	}
	tot[0] += files;
	tot[1] += fs.hashed;
	tot[2] += unreadable;
	rc = RP_EXIT_CLEAN;
out:
	rp_fset_release(&old);
	rp_fset_release(&cur);
	free(abs);
	return rc;
}

int
cmd_baseline(struct rp_cli *cli, int argc, char **argv)
{
	struct rp_fx_opts o;
	struct rp_store *st = NULL;
	struct rp_buf out = RP_BUF_INIT;
	struct fx_common fc;
	uint64_t tot[3] = { 0, 0, 0 };
	int i, format, rc;

	if (fx_parse_opts(cli, argc, argv, longopts, usage, "text,jsonl", RP_FMT_TEXT, NULL, NULL,
	    &fc, &o, &rc) != 0)
		goto out;
	rc = RP_EXIT_ERROR;
	format = fc.format;
	if (fx_store_open(cli, cli->db_path, 1, &st) != 0)
		goto out;
	for (i = optind; i < argc; i++) {
		rp_buf_reset(&out);
		if (one_root(cli, st, argv[i], &o, fc.jobs, format, &out, tot) != RP_EXIT_CLEAN)
			goto out;
		if (rp_cli_put(cli, &out) != 0)
			goto out;
	}
	if (format == RP_FMT_JSONL) {
		rp_buf_reset(&out);
		rp_buf_addf(&out, "{\"kind\":\"summary\",\"roots\":%d,\"files\":%llu,\"hashed\":%llu,"
		    "\"unreadable\":%llu}\n", argc - optind, (unsigned long long)tot[0],
		    (unsigned long long)tot[1], (unsigned long long)tot[2]);
		if (rp_cli_put(cli, &out) != 0)
			goto out;
	}
	rc = RP_EXIT_CLEAN;
out:
	rp_store_close(st);
	rp_buf_release(&out);
	fx_common_release(&fc);
	return rc;
}
