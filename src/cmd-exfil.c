/*
 * riposte exfil: was the sensitive data read in a window, and could it have left?
 * Access times judged under the filesystem's atime mode, their time profile, the
 * baseline's earlier access times, and an egress record.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/time.h"
#include "forensic.h"
#include "forensic/baseline.h"
#include "forensic/egress.h"
#include "forensic/exfil.h"
#include "forensic/mount.h"
#include "forensic/tree.h"
#include "store/store.h"

static const char usage[] =
"NAME\n"
"    riposte exfil - was the sensitive data read, and could it have left the network?\n"
"\n"
"SYNOPSIS\n"
"    riposte exfil --data PATH --since T --until T [--egress FILE] [--format text|jsonl]\n"
"                  [--list-files] [--exclude GLOB]... [--case[=ID]] [--db FILE]\n"
"\n"
"DESCRIPTION\n"
"    Answers the question an insurer's forensic expert asks after a ransomware attack:\n"
"    was the data under PATH (the patient records, say) read between T and T'?\n"
"\n"
"    It reads the mount options of PATH's filesystem (/proc/self/mountinfo) and states\n"
"    what access times can prove under them: strictatime records every read; relatime\n"
"    (the Linux default) records a read only when the access time is not newer than the\n"
"    modification or change time, or is more than 24 hours old; lazytime may keep\n"
"    updates in memory for up to 24 hours; noatime records nothing. It counts the files\n"
"    and bytes whose access time falls in the window, the directories touched, and the\n"
"    time profile of the reads: most of the data read within minutes, in directory\n"
"    order, is what a copy or a backup does. When the database holds a baseline of\n"
"    PATH, its access times say which files were read since, and whether the same bulk\n"
"    read happened before (a recurring backup) or not (a copy). With --egress, the bytes\n"
"    sent to outside addresses are set against the bytes read.\n"
"\n"
"    Verdicts: no-evidence-of-access (no file read in the window, and access times could\n"
"    have shown it), partial-access (some files), bulk-access (at least half of the files\n"
"    or of the bytes), undeterminable (noatime; or later reads or relatime hide most of\n"
"    the window). Each verdict comes with its reasons in plain words and the figures.\n"
"\n"
"    Nothing is changed: files are not opened, directories are listed with O_NOATIME.\n"
"\n"
"OPTIONS\n"
"    --data PATH       the data to assess (required)\n"
"    --since T, --until T\n"
"                      the window, ISO 8601 (required)\n"
"    --egress FILE     an egress record: `nft -j list ruleset` output, `iptables-save -c`,\n"
"                      `conntrack -L` output, or a CSV of flows time,source,destination,bytes\n"
"    --format text|jsonl\n"
"        text (default on a terminal; otherwise jsonl): a report. jsonl writes\n"
"          {\"kind\":\"mount\",\"path\":...,\"mount_point\":...,\"fstype\":...,\"options\":...,\n"
"           \"atime_mode\":\"strictatime|relatime|noatime\",\"lazytime\":BOOL,\"meaning\":...}\n"
"          {\"kind\":\"dir\",\"path\":...,\"files\":N,\"files_read\":N,\"bytes\":N,\n"
"           \"bytes_read\":N,\"listed\":BOOL} per directory touched,\n"
"          {\"kind\":\"read\",\"path\":...,\"atime\":ISO8601,\"size\":N} per file read (--list-files),\n"
"          {\"kind\":\"profile\",\"first_read\":ISO8601|null,\"last_read\":ISO8601|null,\n"
"           \"span_seconds\":N,\"peak_minute\":ISO8601|null,\"peak_files\":N,\"sequential\":F,\n"
"           \"read_after_window\":N,\"relatime_blind\":N,\"pattern\":\"none|scattered|copy|backup\"}\n"
"          {\"kind\":\"baseline\",\"recorded\":ISO8601,\"files\":N,\"read_since\":N,\n"
"           \"earlier_bulk_read\":ISO8601|null} when there is one,\n"
"          {\"kind\":\"egress\",\"format\":...,\"timed\":BOOL,\"bytes_out\":N,\"records\":N,\n"
"           \"records_out\":N,\"top_destination\":...,\"top_bytes\":N} with --egress,\n"
"          and last {\"kind\":\"summary\",\"files\":N,\"files_read\":N,\"bytes\":N,\n"
"           \"bytes_read\":N,\"verdict\":...,\"atime_mode\":...,\"dirs\":N,\"dirs_touched\":N,\n"
"           \"egress_bytes\":N|null,\"pattern\":...,\"since\":ISO8601,\"until\":ISO8601,\n"
"           \"reasons\":[...]}.\n"
"    --list-files      also list every file read in the window\n"
"    --exclude GLOB    leave out paths or names matching GLOB; repeatable\n"
"    --case[=ID]       record the verdict in the journal of the open incident case (or ID)\n"
"    --db FILE         the database with the baseline and the case (default $RIPOSTE_DB,\n"
"                      else ./riposte.db; a missing database only means no baseline)\n"
"\n"
"EXIT STATUS\n"
"    0 no-evidence-of-access; 1 partial-access, bulk-access or undeterminable (a script\n"
"    must not take undeterminable for safe); 2 error.\n"
"\n"
"EXAMPLES\n"
"    riposte exfil --data /srv/praxis/patients --since 2026-11-20T18:00 --until 2026-11-21T07:00\n"
"    nft -j list ruleset > egress.json\n"
"    riposte exfil --data /srv/share --since 2026-11-20 --until 2026-11-22 --egress egress.json --case\n";

enum { OPT_DATA = 256, OPT_SINCE, OPT_UNTIL, OPT_EGRESS, OPT_FORMAT, OPT_LIST, OPT_EXCLUDE,
	OPT_CASE, OPT_DB };

static const struct option longopts[] = {
	{ "data", required_argument, NULL, OPT_DATA },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "egress", required_argument, NULL, OPT_EGRESS },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "list-files", no_argument, NULL, OPT_LIST },
	{ "exclude", required_argument, NULL, OPT_EXCLUDE },
	{ "case", optional_argument, NULL, OPT_CASE },
	{ "db", required_argument, NULL, OPT_DB },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void
timeval(struct rp_buf *b, int64_t t)
{
	if (t == RP_TIME_UNSET) {
		rp_buf_addstr(b, "null");
		return;
	}
	rp_buf_addch(b, '"');
	rp_time_fmt_utc(b, t);
	rp_buf_addch(b, '"');
}

static void
jstr(struct rp_buf *b, const char *key, const char *v)
{
	rp_buf_addf(b, "\"%s\":\"", key);
	rp_esc_json(b, v, strlen(v), &(int){ 0 });
	rp_buf_addstr(b, "\",");
}

/* The baseline of root, or of the nearest directory above it that has one (its entries
 * below root, with paths made relative to root). 1 found, 0 none, -1 error. */
static int
load_baseline(struct rp_cli *cli, const char *db, const char *root, struct rp_fset *set,
    int64_t *recorded)
{
	struct rp_store *st = NULL;
	struct rp_baseline_root br;
	struct rp_fset all;
	char *abs = NULL;
	size_t alen, cut;
	int r = RP_ERR_NOTFOUND, found = 0;

	rp_fset_init(&all);
	if (access(db, F_OK) != 0)
		return 0;
	if ((abs = fx_abs_root(cli, root)) == NULL)
		return -1;
	alen = strlen(abs);
	if (rp_store_open(&st, db, RP_STORE_RDONLY) != 0)
		goto out;
	for (cut = alen;;) {
		char save = abs[cut];

		abs[cut] = '\0';
		r = rp_baseline_find(st, cut == 0 ? "/" : abs, &br);
		abs[cut] = save;
		if (r != RP_ERR_NOTFOUND || cut == 0)
			break;
		/* the parent: "/srv/data" -> "/srv" -> "" (the root "/") */
		while (cut > 0 && abs[cut - 1] != '/')
			cut--;
		if (cut > 0)
			cut--;
	}
	if (r == 0 && (r = rp_baseline_load(st, br.id, &all)) == 0) {
		const char *rel = abs + cut + (abs[cut] == '/');
		size_t rl = strlen(rel), i;

		for (i = 0; i < all.n; i++) {
			const struct rp_fentry *o = all.v[i];
			struct rp_fentry *f;

			if (rl > 0 && (o->pathlen <= rl || memcmp(o->path, rel, rl) != 0 ||
			    o->path[rl] != '/'))
				continue;
			if ((r = rp_fset_add(set, o->path + (rl ? rl + 1 : 0),
			    o->pathlen - (rl ? rl + 1 : 0), &f)) != 0)
				break;
			{
				char *p = f->path;
				size_t pl = f->pathlen;

				*f = *o;
				f->path = p;
				f->pathlen = pl;
			}
		}
		if (r == 0) {
			found = 1;
			*recorded = br.updated;
		}
	}
	if (r != 0 && r != RP_ERR_NOTFOUND && r != RP_ERR_DB)
		rp_warn(cli, "cannot read the baseline in '%s': %s", db, rp_strerror(r));
out:
	rp_store_close(st);
	rp_fset_release(&all);
	free(abs);
	return found;
}

int
cmd_exfil(struct rp_cli *cli, int argc, char **argv)
{
	struct rp_fx_opts o;
	struct rp_fset set, base;
	struct rp_mount mnt;
	struct rp_egress eg;
	struct rp_exfil x;
	struct rp_buf out = RP_BUF_INIT, eb = RP_BUF_INIT, p = RP_BUF_INIT;
	const char **excl = NULL;
	const char *data = NULL, *egress = NULL, *fmtarg = NULL;
	int64_t since = RP_TIME_UNSET, until = RP_TIME_UNSET, recorded = 0, case_id = -1;
	size_t nexcl = 0, i;
	int c, r, fmt, have_mount, have_base = 0, list = 0, rc = RP_EXIT_ERROR;

	memset(&o, 0, sizeof(o));
	memset(&x, 0, sizeof(x));
	rp_fset_init(&set);
	rp_fset_init(&base);
	if ((excl = calloc((size_t)argc + 1, sizeof(*excl))) == NULL)
		goto out;
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "h", longopts, usage)) != -1) {
		switch (c) {
		case OPT_DATA: data = optarg; break;
		case OPT_SINCE:
		case OPT_UNTIL:
			if (rp_time_parse(optarg, c == OPT_SINCE ? &since : &until, NULL) != 0) {
				rp_err(cli, "%s: '%s' is not an ISO 8601 time (e.g. 2026-11-21T02:00)",
				    c == OPT_SINCE ? "--since" : "--until", optarg);
				goto out;
			}
			break;
		case OPT_EGRESS: egress = optarg; break;
		case OPT_FORMAT: fmtarg = optarg; break;
		case OPT_LIST: list = 1; break;
		case OPT_EXCLUDE: excl[nexcl++] = optarg; break;
		case OPT_CASE:
			if (fx_case_arg(cli, optarg, &case_id) != 0)
				goto out;
			break;
		case OPT_DB: cli->db_path = optarg; break;
		case 'h': rc = rp_cli_usage(cli, usage, 1); goto out;
		default: rc = RP_EXIT_ERROR; goto out;   /* said by rp_cli_getopt */
		}
	}
	fmt = cli->stdout_tty ? RP_FMT_TEXT : RP_FMT_JSONL;
	if (fmtarg != NULL && (fmt = rp_cli_format(cli, fmtarg, "text,jsonl")) < 0)
		goto out;
	if (data == NULL || since == RP_TIME_UNSET || until == RP_TIME_UNSET || optind < argc) {
		rp_err(cli, optind < argc ? "unexpected argument '%s'" :
		    "--data, --since and --until are required%s", optind < argc ? argv[optind] : "");
		rc = rp_cli_usage(cli, usage, 0);
		goto out;
	}
	if (until < since) {
		rp_err(cli, "--until is before --since");
		goto out;
	}
	if (egress != NULL) {
		if ((r = rp_file_read_all(AT_FDCWD, egress, &eb, (size_t)256 << 20)) != 0) {
			rp_err(cli, "cannot read '%s': %s", egress,
			    r == RP_ERR_SYSTEM ? strerror(errno) : rp_strerror(r));
			goto out;
		}
		if (rp_egress_parse(eb.buf, eb.len, since, until, &eg) != 0) {
			rp_err(cli, "'%s' is not an egress record (nft -j list ruleset, iptables-save -c, "
			    "conntrack -L, or CSV time,source,destination,bytes)", egress);
			goto out;
		}
		x.egress = &eg;
	}
	o.walk.exclude = excl;
	o.walk.nexclude = nexcl;
	o.hash = RP_FX_HASH_NONE;
	if ((r = rp_fx_collect(data, &o, NULL, NULL, &set, NULL)) != 0) {
		rp_err(cli, "cannot read '%s': %s", data, rp_strerror(r));
		goto out;
	}
	have_mount = rp_mount_of(data, &mnt) == 0;
	if (!have_mount)
		rp_warn(cli, "cannot find the mount of '%s': assuming relatime", data);
	if ((have_base = load_baseline(cli, cli->db_path, data, &base, &recorded)) < 0)
		goto out;
	x.since = since;
	x.until = until;
	x.mount = have_mount ? &mnt : NULL;
	x.baseline = have_base ? &base : NULL;
	x.baseline_time = recorded;
	if ((r = rp_exfil_analyse(&x, &set)) != 0) {
		rp_err(cli, "%s", rp_strerror(r));
		goto out;
	}
	if (fmt == RP_FMT_JSONL) {
		rp_buf_addstr(&out, "{\"kind\":\"mount\",");
		rp_cli_path_json(&out, "path", data, strlen(data));
		if (have_mount) {
			rp_cli_path_json(&out, "mount_point", mnt.point, strlen(mnt.point));
			jstr(&out, "fstype", mnt.fstype);
			jstr(&out, "options", mnt.options);
		}
		rp_buf_addf(&out, "\"atime_mode\":\"%s\",\"lazytime\":%s,",
		    rp_atime_mode_name(have_mount ? mnt.atime : RP_ATIME_RELATIME),
		    have_mount && mnt.lazytime ? "true" : "false");
		rp_buf_addstr(&out, "\"meaning\":");
		rp_json_str(&out, rp_atime_meaning(have_mount ? mnt.atime : RP_ATIME_RELATIME,
		    have_mount && mnt.lazytime));
		rp_buf_addstr(&out, "}\n");
		for (i = 0; i < x.ndirs; i++) {
			const struct rp_exfil_dir *d = &x.dirv[i];

			rp_buf_reset(&p);
			fx_full_path(&p, data, d->path, d->pathlen);
			rp_buf_addstr(&out, "{\"kind\":\"dir\",");
			rp_cli_path_json(&out, "path", p.buf, p.len);
			rp_buf_addf(&out, "\"files\":%llu,\"files_read\":%llu,\"bytes\":%llu,"
			    "\"bytes_read\":%llu,\"listed\":%s}\n", (unsigned long long)d->files,
			    (unsigned long long)d->files_read, (unsigned long long)d->bytes,
			    (unsigned long long)d->bytes_read, d->listed ? "true" : "false");
		}
	} else {
		rp_buf_addstr(&out, "Access to '");
		rp_esc_text(&out, data, strlen(data));
		rp_buf_addstr(&out, "' between ");
		rp_time_fmt_local(&out, since);
		rp_buf_addstr(&out, " and ");
		rp_time_fmt_local(&out, until);
		rp_buf_addstr(&out, "\n\n");
		if (have_mount) {
			rp_buf_addstr(&out, "Filesystem: ");
			rp_esc_text(&out, mnt.fstype, strlen(mnt.fstype));
			rp_buf_addstr(&out, " mounted on ");
			rp_esc_text(&out, mnt.point, strlen(mnt.point));
			rp_buf_addf(&out, " (%s), access-time mode %s%s\n", mnt.options,
			    rp_atime_mode_name(mnt.atime), mnt.lazytime ? " with lazytime" : "");
		}
		rp_buf_addf(&out, "Files: %llu (", (unsigned long long)x.files);
		fx_human_bytes(&out, x.bytes);
		rp_buf_addf(&out, ") in %llu director%s\n", (unsigned long long)x.dirs,
		    x.dirs == 1 ? "y" : "ies");
		rp_buf_addf(&out, "Read in the window: %llu file%s (", (unsigned long long)x.files_read,
		    x.files_read == 1 ? "" : "s");
		fx_human_bytes(&out, x.bytes_read);
		rp_buf_addf(&out, ") in %llu director%s\n", (unsigned long long)x.dirs_touched,
		    x.dirs_touched == 1 ? "y" : "ies");
		if (x.first_read != RP_TIME_UNSET) {
			rp_buf_addstr(&out, "First read: ");
			rp_time_fmt_local(&out, x.first_read);
			rp_buf_addstr(&out, ", last read: ");
			rp_time_fmt_local(&out, x.last_read);
			rp_buf_addf(&out, ", busiest minute: %llu file%s\n", (unsigned long long)x.peak_files,
			    x.peak_files == 1 ? "" : "s");
		}
		if (x.egress != NULL) {
			rp_buf_addf(&out, "Sent to outside addresses (%s%s): ", eg.format,
			    eg.timed ? ", in the window" : ", counters without times");
			fx_human_bytes(&out, eg.bytes_out);
			rp_buf_addch(&out, '\n');
		}
		rp_buf_addf(&out, "\nVerdict: %s\n\n", rp_exfil_verdict_name(x.verdict));
		for (i = 0; i < x.nreasons; i++)
			rp_buf_addf(&out, "  %s\n", x.reasons[i]);
		if (x.ndirs > 0)
			rp_buf_addstr(&out, "\nDirectories touched (files read / files):\n");
		for (i = 0; i < x.ndirs; i++) {
			rp_buf_reset(&p);
			fx_full_path(&p, data, x.dirv[i].path, x.dirv[i].pathlen);
			rp_buf_addf(&out, "  %6llu / %-6llu ", (unsigned long long)x.dirv[i].files_read,
			    (unsigned long long)x.dirv[i].files);
			rp_esc_text(&out, p.buf, p.len);
			rp_buf_addstr(&out, x.dirv[i].listed ? "  (listed)\n" : "\n");
		}
	}
	if (list) {
		rp_fset_sort(&set);
		if (fmt == RP_FMT_TEXT && x.files_read)
			rp_buf_addstr(&out, "\nFiles read:\n");
		for (i = 0; i < set.n; i++) {
			const struct rp_fentry *f = set.v[i];

			if (f->type != RP_FT_FILE || f->atime < since || f->atime > until)
				continue;
			rp_buf_reset(&p);
			fx_full_path(&p, data, f->path, f->pathlen);
			if (fmt == RP_FMT_JSONL) {
				rp_buf_addstr(&out, "{\"kind\":\"read\",");
				rp_cli_path_json(&out, "path", p.buf, p.len);
				rp_buf_addstr(&out, "\"atime\":");
				timeval(&out, f->atime);
				rp_buf_addf(&out, ",\"size\":%llu}\n", (unsigned long long)f->size);
			} else {
				rp_buf_addstr(&out, "  ");
				rp_time_fmt_local(&out, f->atime);
				rp_buf_addf(&out, " %12llu ", (unsigned long long)f->size);
				rp_esc_text(&out, p.buf, p.len);
				rp_buf_addch(&out, '\n');
			}
		}
	}
	if (fmt == RP_FMT_JSONL) {
		rp_buf_addstr(&out, "{\"kind\":\"profile\",\"first_read\":");
		timeval(&out, x.first_read);
		rp_buf_addstr(&out, ",\"last_read\":");
		timeval(&out, x.last_read);
		rp_buf_addf(&out, ",\"span_seconds\":%lld,\"peak_minute\":",
		    x.first_read == RP_TIME_UNSET ? 0LL : (long long)(x.last_read - x.first_read));
		timeval(&out, x.peak_minute);
		rp_buf_addf(&out, ",\"peak_files\":%llu,\"sequential\":%.2f,\"read_after_window\":%llu,"
		    "\"relatime_blind\":%llu,\"pattern\":\"%s\"}\n", (unsigned long long)x.peak_files,
		    x.sequential, (unsigned long long)x.read_after,
		    (unsigned long long)x.relatime_blind, rp_exfil_pattern_name(x.pattern));
		if (have_base) {
			rp_buf_addstr(&out, "{\"kind\":\"baseline\",\"recorded\":");
			timeval(&out, recorded);
			rp_buf_addf(&out, ",\"files\":%llu,\"read_since\":%llu,\"earlier_bulk_read\":",
			    (unsigned long long)x.baseline_files, (unsigned long long)x.read_since_baseline);
			timeval(&out, x.baseline_bulk ? x.baseline_bulk_time : RP_TIME_UNSET);
			rp_buf_addstr(&out, "}\n");
		}
		if (x.egress != NULL) {
			rp_buf_addf(&out, "{\"kind\":\"egress\",\"format\":\"%s\",\"timed\":%s,"
			    "\"bytes_out\":%llu,\"records\":%llu,\"records_out\":%llu,", eg.format,
			    eg.timed ? "true" : "false", (unsigned long long)eg.bytes_out,
			    (unsigned long long)eg.records, (unsigned long long)eg.records_out);
			jstr(&out, "top_destination", eg.top_dest);
			rp_buf_addf(&out, "\"top_bytes\":%llu}\n", (unsigned long long)eg.top_bytes);
		}
		rp_buf_addf(&out, "{\"kind\":\"summary\",\"files\":%llu,\"files_read\":%llu,"
		    "\"bytes\":%llu,\"bytes_read\":%llu,\"verdict\":\"%s\",\"atime_mode\":\"%s\","
		    "\"dirs\":%llu,\"dirs_touched\":%llu,\"egress_bytes\":",
		    (unsigned long long)x.files, (unsigned long long)x.files_read,
		    (unsigned long long)x.bytes, (unsigned long long)x.bytes_read,
		    rp_exfil_verdict_name(x.verdict),
		    rp_atime_mode_name(have_mount ? mnt.atime : RP_ATIME_RELATIME),
		    (unsigned long long)x.dirs, (unsigned long long)x.dirs_touched);
		if (x.egress)
			rp_buf_addf(&out, "%llu", (unsigned long long)eg.bytes_out);
		else
			rp_buf_addstr(&out, "null");
		rp_buf_addf(&out, ",\"pattern\":\"%s\",\"since\":", rp_exfil_pattern_name(x.pattern));
		timeval(&out, since);
		rp_buf_addstr(&out, ",\"until\":");
		timeval(&out, until);
		rp_buf_addstr(&out, ",\"reasons\":[");
		for (i = 0; i < x.nreasons; i++) {
			if (i)
				rp_buf_addch(&out, ',');
			rp_json_str(&out, x.reasons[i]);
		}
		rp_buf_addstr(&out, "]}\n");
	}
	if (rp_cli_put(cli, &out) != 0)
		goto out;
	if (case_id >= 0) {
		struct rp_buf t = RP_BUF_INIT, j = RP_BUF_INIT;

		rp_buf_addstr(&t, "Exfiltration assessment of '");
		rp_buf_addstr(&t, data);
		rp_buf_addf(&t, "': %s; %llu of %llu files read in the window. ",
		    rp_exfil_verdict_name(x.verdict), (unsigned long long)x.files_read,
		    (unsigned long long)x.files);
		for (i = 0; i < x.nreasons; i++)
			rp_buf_addf(&t, "%s%s", i ? " " : "", x.reasons[i]);
		rp_buf_addf(&j, "{\"verdict\":\"%s\",\"files\":%llu,\"files_read\":%llu,\"bytes\":%llu,"
		    "\"bytes_read\":%llu}", rp_exfil_verdict_name(x.verdict),
		    (unsigned long long)x.files, (unsigned long long)x.files_read,
		    (unsigned long long)x.bytes, (unsigned long long)x.bytes_read);
		r = fx_attach_case(cli, cli->db_path, case_id, "exfil", t.buf, j.buf);
		rp_buf_release(&t);
		rp_buf_release(&j);
		if (r != 0)
			goto out;
	}
	rc = x.verdict == RP_EXFIL_NONE ? RP_EXIT_CLEAN : RP_EXIT_FOUND;
out:
	rp_exfil_release(&x);
	rp_fset_release(&set);
	rp_fset_release(&base);
	rp_buf_release(&out);
	rp_buf_release(&eb);
	rp_buf_release(&p);
	free(excl);
	return rc;
}
