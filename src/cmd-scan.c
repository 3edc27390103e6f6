/*
 * riposte scan: a verdict for every file of the trees given.
 *
 * The parallel tree scan is lib/detect/treescan.h: it calls back per verdict in walk
 * order (the output is the same whatever -j is) and hands over the summary; this
 * file holds the options, the three output formats and the case attachment.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "case/journal.h"
#include "cli.h"
#include "commands.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "core/units.h"
#include "detect/treescan.h"
#include "store/store.h"

static const char usage[] =
"NAME\n"
"    riposte scan - find what ransomware encrypted, and its ransom notes\n"
"\n"
"SYNOPSIS\n"
"    riposte scan [--format text|jsonl|csv] [-j N] [--all] [--full] [--exclude GLOB]...\n"
"                 [--since T] [--until T] [--xdev | --cross-mounts] [--allow-atime]\n"
"                 [--case[=ID]] [--db FILE] [-q] PATH...\n"
"\n"
"DESCRIPTION\n"
"    Gives every regular file under each PATH one verdict, with its reasons and figures:\n"
"      encrypted  the content is indistinguishable from random and the file is not of a\n"
"                 format that is random by design;\n"
"      partial    random regions where the file's own format says structure (intermittent\n"
"                 encryption: Black Basta 64/128, LockFile 16/16, LockBit 2.0 first 4 KiB,\n"
"                 PLAY chunks, percent stripes), or a destroyed header before an intact body;\n"
"      note       a ransom note, by content (YARA rules, several languages, UTF-16) or name;\n"
"                 or, in any language, by the attack's context: a small text written within\n"
"                 2 hours of a burst of encrypted files, beside them, with a way to reach\n"
"                 the attacker (onion, I2P, Tox, Session, Bitcoin, Monero; or a mail or\n"
"                 @handle with a personal ID or a key blob); never logs, tables, vCards,\n"
"                 mails, nor anything in a tree without encrypted files;\n"
"      ok         intact as far as the checks can tell (zip/OOXML/ODF, PDF, JPEG, PNG, gzip,\n"
"                 xz, zstd, 7z, MP3/MP4, SQLite, OpenPGP/age... are checked by structure);\n"
"      skipped    not examined: not a regular file, unreadable, vanished (with the reason).\n"
"    Large files are sampled (head and tail 64 KiB, 16 regions of 16 KiB between), so a file\n"
"    costs at most about 400 KiB of reading; files up to 1 MiB are read whole.\n"
"\n"
"    Evidence is not touched: files and directories are opened with O_NOATIME and read with\n"
"    pread, so no access time, modification time, change time or content changes. Where\n"
"    O_NOATIME is refused (not the owner, not root) the file is not read and is reported as\n"
"    skipped, unless --allow-atime. Symbolic links are never followed below PATH; FIFOs,\n"
"    sockets and devices are never opened.\n"
"\n"
"    The summary gives counts and bytes per verdict, per top-level directory, the ransom\n"
"    note names, the extensions appended to encrypted files, and the attack window: the\n"
"    earliest and latest modification time of the encrypted and partial files.\n"
"\n"
"OPTIONS\n"
"    --format text|jsonl|csv\n"
"        text (the default on a terminal; otherwise jsonl) lists each file that is not ok\n"
"        and a summary. jsonl writes one object per line:\n"
"          {\"kind\":\"file\",\"path\":...,\"verdict\":...,\"type\":...,\"format\":...,\"size\":N,\n"
"           \"mtime\":ISO8601,\"entropy\":F,\"chi2\":F,\"ext\":...,\"appended_ext\":...,\n"
"           \"bytes_read\":N,\"regions\":[[off,len],...],\"reasons\":[...]}\n"
"        and last {\"kind\":\"summary\",\"files\":N,\"encrypted\":N,\"partial\":N,\"note\":N,\"ok\":N,\n"
"          \"skipped\":N,\"bytes\":N,\"bytes_encrypted\":N,\"bytes_partial\":N,\n"
"          \"first_encrypted_mtime\":ISO8601|null,\"last_encrypted_mtime\":ISO8601|null,\n"
"          \"notes\":[{\"name\":...,\"count\":N}],\"appended_extensions\":[{\"ext\":...,\"count\":N}],\n"
"          \"dirs\":[{\"dir\":...,\"files\":N,\"encrypted\":N,\"partial\":N,\"note\":N}],\n"
"          \"read_without_noatime\":N}.\n"
"        A path that is not valid UTF-8 is written with U+FFFD and its exact bytes in\n"
"        \"path_hex\". csv writes one row per file with a header row; names are escaped as\n"
"        in text (\\n, \\xHH) and a leading = + - @ is prefixed with ' (formula injection).\n"
"    -j, --jobs N      threads judging files (default: the number of cores)\n"
"    -a, --all         list every file, ok ones too\n"
"    --full            read every byte of every file instead of sampling\n"
"    --exclude GLOB    leave out paths or names matching GLOB (fnmatch); repeatable\n"
"    --since T, --until T\n"
"                      only files whose mtime is within [T, T'] (ISO 8601, e.g. 2026-11-21,\n"
"                      2026-11-21T02:00, 2026-11-21T02:00:00+01:00)\n"
"    --xdev            stay on the filesystem of each PATH (default)\n"
"    --cross-mounts    enter other filesystems mounted below PATH\n"
"    --allow-atime     read files even where O_NOATIME is refused (their atime may change)\n"
"    --case[=ID]       record the summary in the journal of the open incident case (or ID)\n"
"    --db FILE         the database for --case (default $RIPOSTE_DB, else ./riposte.db)\n"
"    -q, --quiet       no progress bar, no file lines in text: the summary only\n"
"\n"
"EXIT STATUS\n"
"    0 nothing encrypted, partial or note found; 1 found; 2 error (bad option, a PATH that\n"
"    cannot be scanned, the output could not be written).\n"
"\n"
"EXAMPLES\n"
"    riposte scan /srv/share\n"
"    riposte scan --format jsonl --since 2026-11-20 /srv/share > scan.jsonl\n"
"    riposte scan -q --case /srv/share /home\n";

enum { OPT_FULL = 256, OPT_EXCLUDE, OPT_SINCE, OPT_UNTIL, OPT_XDEV, OPT_CROSS, OPT_ATIME,
	OPT_CASE, OPT_DB, OPT_FORMAT };

static const struct option longopts[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "jobs", required_argument, NULL, 'j' },
	{ "all", no_argument, NULL, 'a' },
	{ "full", no_argument, NULL, OPT_FULL },
	{ "exclude", required_argument, NULL, OPT_EXCLUDE },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "xdev", no_argument, NULL, OPT_XDEV },
	{ "cross-mounts", no_argument, NULL, OPT_CROSS },
	{ "allow-atime", no_argument, NULL, OPT_ATIME },
	{ "case", optional_argument, NULL, OPT_CASE },
	{ "db", required_argument, NULL, OPT_DB },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct scan {
	struct rp_cli *cli;
	int format, all, quiet;
	struct rp_buf out;
	struct rp_progress prog;
	int err;                  /* an error that makes the exit status 2 */
};

static int
emit(struct scan *sc)
{
	if (sc->out.len == 0)
		return 0;
	if (rp_cli_put(sc->cli, &sc->out) != 0) {
		sc->err = 1;
		return -1;
	}
	rp_buf_reset(&sc->out);
	return 0;
}

static void
json_num(struct rp_buf *b, const char *key, double v, int prec)
{
	rp_buf_addf(b, "\"%s\":%.*f,", key, prec, v);
}

static void
format_file(struct scan *sc, const char *path, size_t pathlen, const struct rp_verdict *v)
{
	struct rp_buf *b = &sc->out;
	size_t i;

	if (sc->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"file\",");
		rp_cli_path_json(b, "path", path, pathlen);
		rp_buf_addf(b, "\"verdict\":\"%s\",\"type\":", rp_verdict_name(v->kind));
		rp_json_str(b, v->type);
		rp_buf_addstr(b, ",\"format\":");
		rp_json_str(b, v->format);
		rp_buf_addf(b, ",\"size\":%llu,\"mtime\":\"", (unsigned long long)v->size);
		rp_time_fmt_utc(b, v->mtime);
		rp_buf_addstr(b, "\",");
		json_num(b, "entropy", v->entropy, 4);
		json_num(b, "chi2", v->chi2, 1);
		rp_buf_addstr(b, "\"ext\":");
		rp_json_str(b, v->ext);
		rp_buf_addstr(b, ",\"appended_ext\":");
		{
			int lossy = 0;

			rp_buf_addch(b, '"');
			rp_esc_json(b, v->appended_ext, strlen(v->appended_ext), &lossy);
			rp_buf_addch(b, '"');
		}
		rp_buf_addf(b, ",\"bytes_read\":%llu,\"noatime\":%s,\"regions\":[",
		    (unsigned long long)v->bytes_read, v->noatime ? "true" : "false");
		for (i = 0; i < v->nregions; i++)
			rp_buf_addf(b, "%s[%llu,%llu]", i ? "," : "",
			    (unsigned long long)v->regions[i].off, (unsigned long long)v->regions[i].len);
		rp_buf_addstr(b, "],\"reasons\":[");
		for (i = 0; i < v->nreasons; i++) {
			int lossy = 0;

			rp_buf_addstr(b, i ? ",\"" : "\"");
			rp_esc_json(b, v->reasons[i], strlen(v->reasons[i]), &lossy);
			rp_buf_addch(b, '"');
		}
		rp_buf_addstr(b, "]}\n");
	} else if (sc->format == RP_FMT_CSV) {
		rp_esc_csv(b, path, pathlen);
		rp_buf_addf(b, ",%s,", rp_verdict_name(v->kind));
		rp_esc_csv(b, v->type, strlen(v->type));
		rp_buf_addch(b, ',');
		rp_esc_csv(b, v->format, strlen(v->format));
		rp_buf_addf(b, ",%llu,", (unsigned long long)v->size);
		rp_time_fmt_utc(b, v->mtime);
		rp_buf_addf(b, ",%.4f,%.1f,", v->entropy, v->chi2);
		rp_esc_csv(b, v->ext, strlen(v->ext));
		rp_buf_addch(b, ',');
		rp_esc_csv(b, v->appended_ext, strlen(v->appended_ext));
		rp_buf_addf(b, ",%llu,", (unsigned long long)v->bytes_read);
		{
			struct rp_buf r = RP_BUF_INIT;

			for (i = 0; i < v->nreasons; i++) {
				if (i)
					rp_buf_addstr(&r, "; ");
				rp_buf_addstr(&r, v->reasons[i]);
			}
			rp_esc_csv(b, r.buf, r.len);
			rp_buf_release(&r);
		}
		rp_buf_addch(b, '\n');
	} else if (!sc->quiet) {
		rp_buf_addf(b, "%-9s  ", rp_verdict_name(v->kind));
		rp_esc_text(b, path, pathlen);
		rp_buf_addf(b, "\n           %s%s%s, %llu bytes, mtime ", v->type[0] ? v->type : "-",
		    v->format[0] ? " as " : "", v->format, (unsigned long long)v->size);
		rp_time_fmt_local(b, v->mtime);
		if (v->kind != RP_V_SKIPPED)
			rp_buf_addf(b, ", entropy %.3f, chi2 %.1f", v->entropy, v->chi2);
		rp_buf_addch(b, '\n');
		for (i = 0; i < v->nreasons; i++) {
			rp_buf_addstr(b, "           - ");
			rp_esc_text(b, v->reasons[i], strlen(v->reasons[i]));
			rp_buf_addch(b, '\n');
		}
	}
}

/* ---- the engine's callbacks: they only format ---- */

static int
on_verdict(const struct rp_treescan_file *f, void *ctx)
{
	struct scan *sc = ctx;

	if (sc->all || f->v->kind != RP_V_OK)
		format_file(sc, f->path, f->pathlen, f->v);
	if (sc->out.len > 65536)
		emit(sc);
	return 0;    /* a failed output is exit 2, said once per write; the scan goes on */
}

static int
on_warning(const struct rp_treescan_warning *w, void *ctx)
{
	struct scan *sc = ctx;

	/* entries the walk could not examine are listed as skipped, with the reason */
	if (w->kind != RP_TSW_ROOT)
		return 0;
	emit(sc);    /* what the roots before it gave comes first */
	rp_progress_done(&sc->prog);
	if (w->code == RP_ERR_PERM)
		rp_err(sc->cli, "cannot scan '%s': listing it would change its access time "
		    "(O_NOATIME refused: not the owner); run as root, or --allow-atime", w->root);
	else
		rp_err(sc->cli, "cannot scan '%s': %s", w->root, w->what);
	sc->err = 1;
	return 0;
}

static void
on_progress(uint64_t files, uint64_t bytes, const char *path, void *ctx)
{
	struct scan *sc = ctx;

	rp_progress_update(&sc->prog, files, bytes, path);
}

/* ---- the summary ---- */

static void
counts_json(struct rp_buf *b, const char *key, const struct rp_treescan_count *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		rp_buf_addstr(b, i ? ",{" : "{");
		rp_cli_path_json(b, key, v[i].key, strlen(v[i].key));
		rp_buf_addf(b, "\"count\":%llu}", (unsigned long long)v[i].total);
	}
}

static void
summary_json(const struct rp_treescan_summary *s, struct rp_buf *b)
{
	size_t i;

	rp_buf_addf(b, "{\"kind\":\"summary\",\"files\":%llu,\"encrypted\":%llu,\"partial\":%llu,"
	    "\"note\":%llu,\"ok\":%llu,\"skipped\":%llu,\"bytes\":%llu,\"bytes_encrypted\":%llu,"
	    "\"bytes_partial\":%llu,\"first_encrypted_mtime\":",
	    (unsigned long long)s->files, (unsigned long long)s->count[RP_V_ENCRYPTED],
	    (unsigned long long)s->count[RP_V_PARTIAL], (unsigned long long)s->count[RP_V_NOTE],
	    (unsigned long long)s->count[RP_V_OK], (unsigned long long)s->count[RP_V_SKIPPED],
	    (unsigned long long)s->bytes_all, (unsigned long long)s->bytes[RP_V_ENCRYPTED],
	    (unsigned long long)s->bytes[RP_V_PARTIAL]);
	if (s->first_enc == RP_TIME_UNSET) {
		rp_buf_addstr(b, "null,\"last_encrypted_mtime\":null");
	} else {
		rp_buf_addch(b, '"');
		rp_time_fmt_utc(b, s->first_enc);
		rp_buf_addstr(b, "\",\"last_encrypted_mtime\":\"");
		rp_time_fmt_utc(b, s->last_enc);
		rp_buf_addch(b, '"');
	}
	rp_buf_addstr(b, ",\"notes\":[");
	counts_json(b, "name", s->notes, s->nnotes);
	rp_buf_addstr(b, "],\"appended_extensions\":[");
	counts_json(b, "ext", s->exts, s->nexts);
	rp_buf_addstr(b, "],\"dirs\":[");
	for (i = 0; i < s->ndirs; i++) {
		const struct rp_treescan_count *c = &s->dirs[i];

		rp_buf_addstr(b, i ? ",{" : "{");
		rp_cli_path_json(b, "dir", c->key, strlen(c->key));
		rp_buf_addf(b, "\"files\":%llu,\"encrypted\":%llu,\"partial\":%llu,\"note\":%llu}",
		    (unsigned long long)c->total, (unsigned long long)c->n[RP_V_ENCRYPTED],
		    (unsigned long long)c->n[RP_V_PARTIAL], (unsigned long long)c->n[RP_V_NOTE]);
	}
	rp_buf_addf(b, "],\"read_without_noatime\":%llu}",
	    (unsigned long long)s->read_without_noatime);
}

static void
counts_text(struct rp_buf *b, const char *title, const char *prefix,
    const struct rp_treescan_count *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	rp_buf_addstr(b, title);
	for (i = 0; i < n; i++) {
		rp_buf_addf(b, "  %6llu  %s", (unsigned long long)v[i].total, prefix);
		rp_esc_text(b, v[i].key, strlen(v[i].key));
		rp_buf_addch(b, '\n');
	}
}

static void
summary_text(const struct scan *sc, const struct rp_treescan_summary *s, struct rp_buf *b)
{
	static const enum rp_verdict_kind order[] = { RP_V_ENCRYPTED, RP_V_PARTIAL, RP_V_NOTE,
		RP_V_OK, RP_V_SKIPPED };
	char h[32];
	size_t i;

	rp_buf_addf(b, "%sSummary: %llu files, %s\n", sc->quiet ? "" : "\n",
	    (unsigned long long)s->files, rp_size_human(h, sizeof(h), s->bytes_all));
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		rp_buf_addf(b, "  %-10s %8llu  %s\n", rp_verdict_name(order[i]),
		    (unsigned long long)s->count[order[i]],
		    rp_size_human(h, sizeof(h), s->bytes[order[i]]));
	if (s->first_enc != RP_TIME_UNSET) {
		rp_buf_addstr(b, "Attack window (mtime of encrypted and partial files):\n  ");
		rp_time_fmt_local(b, s->first_enc);
		rp_buf_addstr(b, "  ..  ");
		rp_time_fmt_local(b, s->last_enc);
		rp_buf_addch(b, '\n');
	}
	counts_text(b, "Ransom notes:\n", "", s->notes, s->nnotes);
	counts_text(b, "Extensions appended to encrypted files:\n", ".", s->exts, s->nexts);
	if (s->ndirs) {
		rp_buf_addf(b, "Per top-level directory:\n  %8s %9s %7s %5s  %s\n", "files",
		    "encrypted", "partial", "notes", "directory");
		for (i = 0; i < s->ndirs; i++) {
			const struct rp_treescan_count *c = &s->dirs[i];

			rp_buf_addf(b, "  %8llu %9llu %7llu %5llu  ", (unsigned long long)c->total,
			    (unsigned long long)c->n[RP_V_ENCRYPTED],
			    (unsigned long long)c->n[RP_V_PARTIAL], (unsigned long long)c->n[RP_V_NOTE]);
			rp_esc_text(b, c->key, strlen(c->key));
			rp_buf_addch(b, '\n');
		}
	}
	if (s->read_without_noatime)
		rp_buf_addf(b, "Warning: %llu files were read without O_NOATIME (--allow-atime): "
		    "their access times may have changed\n",
		    (unsigned long long)s->read_without_noatime);
	else if (s->files)
		rp_buf_addstr(b, "Evidence: every file and directory was read with O_NOATIME: no "
		    "access time changed\n");
	if (s->filtered)
		rp_buf_addf(b, "%llu files outside --since/--until were not scanned\n",
		    (unsigned long long)s->filtered);
}

static int
attach_case(struct scan *sc, const struct rp_treescan_summary *s, const char *db,
    int64_t case_id, char **roots, int nroots)
{
	struct rp_store *st = NULL;
	struct rp_buf text = RP_BUF_INIT, data = RP_BUF_INIT;
	int r, i;

	if ((r = rp_store_open(&st, db, RP_STORE_CREATE)) != 0)
		goto out;
	rp_buf_addstr(&text, "scan of");
	for (i = 0; i < nroots; i++) {
		rp_buf_addch(&text, ' ');
		rp_esc_text(&text, roots[i], strlen(roots[i]));
	}
	rp_buf_addf(&text, ": %llu files, %llu encrypted, %llu partial, %llu notes",
	    (unsigned long long)s->files, (unsigned long long)s->count[RP_V_ENCRYPTED],
	    (unsigned long long)s->count[RP_V_PARTIAL], (unsigned long long)s->count[RP_V_NOTE]);
	summary_json(s, &data);
	r = rp_journal_append(st, case_id, sc->cli->now, "scan", "riposte scan", text.buf,
	    data.buf, NULL);
out:
	if (r == RP_ERR_NOTFOUND)
		rp_err(sc->cli, "--case: no open incident case in '%s' (riposte case open)", db);
	else if (r != 0)
		rp_err(sc->cli, "--case: cannot record the scan in '%s': %s", db, rp_strerror(r));
	rp_store_close(st);
	rp_buf_release(&text);
	rp_buf_release(&data);
	return r;
}

int
cmd_scan(struct rp_cli *cli, int argc, char **argv)
{
	static const struct rp_treescan_cb cb = { on_verdict, on_warning, on_progress };
	struct scan sc;
	struct rp_treescan_opts o = { 0 };
	struct rp_treescan *ts = NULL;
	const struct rp_treescan_summary *s;
	struct rp_buf msg = RP_BUF_INIT;
	const char **excl = NULL;
	size_t nexcl = 0, capexcl = 0;
	unsigned long long ull;
	const char *db = cli->db_path, *fmtarg = NULL;
	int64_t case_id = -1;
	int c, r, rc = RP_EXIT_ERROR;

	memset(&sc, 0, sizeof(sc));
	rp_buf_init(&sc.out, 0);
	sc.cli = cli;
	o.since = o.until = RP_TIME_UNSET;
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "j:aqh", longopts, usage)) != -1) {
		switch (c) {
		case OPT_FORMAT: fmtarg = optarg; break;
		case 'j':
			if (rp_cli_uint(cli, "--jobs", optarg, 1, 256, &ull) != 0)
				goto out;
			o.jobs = (int)ull;
			break;
		case 'a': sc.all = o.type_all = 1; break;
		case 'q': sc.quiet = 1; break;
		case OPT_FULL: o.full = 1; break;
		case OPT_EXCLUDE:
			if (RP_ARRAY_GROW(&excl, &capexcl, nexcl + 1, RP_ARRAY_MAX_DEFAULT) != 0)
				goto out;
			excl[nexcl++] = optarg;
			break;
		case OPT_SINCE:
		case OPT_UNTIL: {
			int64_t t;

			if (rp_time_parse(optarg, &t, NULL) != 0) {
				rp_err(cli, "%s: '%s' is not an ISO 8601 time", c == OPT_SINCE ?
				    "--since" : "--until", optarg);
				goto out;
			}
			/* a bare date as --until means the end of that day */
			if (c == OPT_UNTIL && strlen(optarg) == 10)
				t += 86399;
			*(c == OPT_SINCE ? &o.since : &o.until) = t;
			break;
		}
		case OPT_XDEV: o.cross_mounts = 0; break;
		case OPT_CROSS: o.cross_mounts = 1; break;
		case OPT_ATIME: o.allow_atime = 1; break;
		case OPT_CASE:
			case_id = 0;
			if (optarg) {
				if (rp_cli_uint(cli, "--case", optarg, 1, INT64_MAX, &ull) != 0)
					goto out;
				case_id = (int64_t)ull;
			}
			break;
		case OPT_DB: db = optarg; break;
		case 'h': rc = rp_cli_usage(cli, usage, 1); goto out;
		default: goto out;   /* said by rp_cli_getopt */
		}
	}
	if (optind >= argc) {
		rp_err(cli, "no PATH given");
		rp_cli_usage(cli, usage, 0);
		goto out;
	}
	sc.format = cli->stdout_tty ? RP_FMT_TEXT : RP_FMT_JSONL;
	if (fmtarg && (sc.format = rp_cli_format(cli, fmtarg, "text,jsonl,csv")) < 0)
		goto out;
	if (case_id >= 0 && db == NULL) {
		db = getenv("RIPOSTE_DB");
		if (db == NULL || *db == '\0')
			db = "riposte.db";
	}
	o.exclude = excl;
	o.nexclude = nexcl;
	o.data_dir = cli->data_dir;
	if ((r = rp_treescan_new(&ts, &o, &cb, &sc, &msg)) != 0) {
		rp_err(cli, "%s", msg.len ? msg.buf : rp_strerror(r));
		goto out;
	}
	rp_progress_init(&sc.prog, cli, sc.quiet);
	if (sc.format == RP_FMT_CSV)
		rp_buf_addstr(&sc.out, "path,verdict,type,format,size,mtime,entropy,chi2,ext,"
		    "appended_ext,bytes_read,reasons\n");
	r = rp_treescan_run(ts, (const char *const *)argv + optind, (size_t)(argc - optind));
	s = rp_treescan_summary(ts);
	if (r != 0 && s->roots_failed == 0) {
		/* the scan itself failed (said per root otherwise) */
		rp_progress_done(&sc.prog);
		rp_err(cli, "cannot scan: %s", rp_strerror(r));
		sc.err = 1;
	}
	rp_progress_done(&sc.prog);
	if (sc.format == RP_FMT_JSONL) {
		summary_json(s, &sc.out);
		rp_buf_addch(&sc.out, '\n');
	} else if (sc.format == RP_FMT_TEXT) {
		summary_text(&sc, s, &sc.out);
	}
	emit(&sc);
	if (case_id >= 0 && attach_case(&sc, s, db, case_id, argv + optind, argc - optind) != 0)
		sc.err = 1;
	if (sc.err)
		rc = RP_EXIT_ERROR;
	else
		rc = s->count[RP_V_ENCRYPTED] + s->count[RP_V_PARTIAL] + s->count[RP_V_NOTE] ?
		    RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	rp_treescan_free(ts);
	free(excl);
	rp_buf_release(&sc.out);
	rp_buf_release(&msg);
	return rc;
}
