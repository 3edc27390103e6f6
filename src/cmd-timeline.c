/*
 * riposte timeline: the MACB times of every entry of the trees given, in TSK body
 * format or grouped as mactime does, merged in time order with log events.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "forensic.h"
#include "forensic/logs.h"
#include "forensic/timeline.h"
#include "forensic/tree.h"

static const char usage[] =
"NAME\n"
"    riposte timeline - MACB timeline of trees (TSK body format), merged with logs\n"
"\n"
"SYNOPSIS\n"
"    riposte timeline [--format text|body|mactime|csv|jsonl] [--since T] [--until T]\n"
"                     [--log FILE]... [--year YYYY] [--exclude GLOB]... [--cross-mounts]\n"
"                     PATH...\n"
"\n"
"DESCRIPTION\n"
"    Lists the modification, access, change and birth times (MACB; birth where the\n"
"    filesystem records it, from statx) of every entry under each PATH, in time order,\n"
"    with the events of the log files given with --log merged in:\n"
"      auth.log and syslog lines (traditional \"Nov 21 03:14:15 host prog[pid]: ...\" or\n"
"        RFC 3339), journalctl -o short-iso and -o json exports: logins accepted and\n"
"        failed, logouts, sessions, sudo, su;\n"
"      Samba vfs_full_audit lines in syslog (prefix %u|%I|..., then op|ok|file):\n"
"        user, client address, operation, file;\n"
"      riposte's own alerts and results (JSONL objects with \"kind\" and \"time\").\n"
"    Lines of other programs are skipped; lines in none of these formats are counted.\n"
"    Syslog lines without a year are taken in the local time zone of the year given by\n"
"    --year (default: the current year).\n"
"\n"
"    Nothing is changed: directories are listed with O_NOATIME and files are not opened.\n"
"\n"
"OPTIONS\n"
"    --format FORMAT\n"
"        text (the default on a terminal; otherwise jsonl): grouped like mactime, one line\n"
"          per file and time with the flags of the times that fall on it (m a c b), the\n"
"          date shown once per second, in local time with its offset;\n"
"        body: The Sleuth Kit's body format (3.x), one line per entry,\n"
"          MD5|name|inode|mode_as_string|UID|GID|size|atime|mtime|ctime|crtime\n"
"          with MD5 0, times in seconds since the epoch and crtime 0 when unknown;\n"
"          names are escaped (\\n, \\xHH, \\\\, '|' as \\x7c) so that each is one line.\n"
"          Read it with `mactime -b FILE -d -z UTC`. Log events are not part of it.\n"
"        mactime: the CSV of `mactime -d -y`: Date,Size,Type,Mode,UID,GID,Meta,File Name\n"
"          with UTC ISO 8601 dates (log events: Type is the source, Meta 0, the name is\n"
"          the event);\n"
"        csv: time,macb,size,mode,uid,gid,inode,path,source,action,user,client,detail;\n"
"        jsonl: {\"kind\":\"event\",\"time\":ISO8601,\"source\":\"file\",\"macb\":\"m.c.\",\"path\":...,\n"
"          \"size\":N,\"mode\":\"r/rrw-r--r--\",\"uid\":N,\"gid\":N,\"inode\":N} for files,\n"
"          {\"kind\":\"event\",\"time\":ISO8601,\"source\":\"auth|journal|samba|riposte\",\n"
"          \"host\":...,\"program\":...,\"action\":...,\"status\":...,\"user\":...,\"client\":...,\n"
"          \"object\":...,\"message\":...} for log events, and last {\"kind\":\"summary\",\n"
"          \"events\":N,\"file_events\":N,\"log_events\":N,\"entries\":N,\"log_lines\":N,\n"
"          \"log_lines_unparsed\":N,\"first\":ISO8601|null,\"last\":ISO8601|null}.\n"
"    --since T, --until T\n"
"                      only events in [T, T'] (ISO 8601); in body format, entries with a\n"
"                      time in the window\n"
"    --log FILE        a log file to merge (see above); repeatable; - for standard input\n"
"    --year YYYY       the year of syslog timestamps that have none\n"
"    --exclude GLOB    leave out paths or names matching GLOB; repeatable\n"
"    --cross-mounts    enter other filesystems mounted below PATH\n"
"\n"
"EXIT STATUS\n"
"    0 the timeline was written; 2 error (unreadable PATH or log, bad option).\n"
"\n"
"EXAMPLES\n"
"    riposte timeline --since 2026-11-20 --until 2026-11-22 /srv/share\n"
"    riposte timeline --format body /srv/share > share.body && mactime -b share.body -d -z UTC\n"
"    riposte timeline --log /var/log/auth.log --log audit.log --format csv /srv/share\n";

enum { OPT_FORMAT = 256, OPT_SINCE, OPT_UNTIL, OPT_LOG, OPT_YEAR, OPT_EXCLUDE, OPT_CROSS };
enum { FMT_TEXT, FMT_BODY, FMT_MACTIME, FMT_CSV, FMT_JSONL };

static const struct option longopts[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "year", required_argument, NULL, OPT_YEAR },
	{ "exclude", required_argument, NULL, OPT_EXCLUDE },
	{ "cross-mounts", no_argument, NULL, OPT_CROSS },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

struct logs {
	struct rp_log_event *v;
	size_t n, cap;
	uint64_t lines, unparsed;
};

static int
read_log(struct rp_cli *cli, const char *path, const struct rp_log_ctx *ctx, struct logs *L)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "re");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int r = -1;

	if (fp == NULL) {
		rp_err(cli, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, fp)) >= 0) {
		struct rp_log_event ev;
		int k;

		L->lines++;
		k = rp_log_parse_line(ctx, line, (size_t)n, &ev);
		if (k < 0) {
			L->unparsed++;
			continue;
		}
		if (k == 0)
			continue;
		if ((k = RP_ARRAY_GROW(&L->v, &L->cap, L->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0) {
			rp_err(cli, "'%s': %s", path, rp_strerror(k));
			goto out;
		}
		L->v[L->n++] = ev;
	}
	if (ferror(fp)) {
		rp_err(cli, "cannot read '%s': %s", path, strerror(errno));
		goto out;
	}
	r = 0;
out:
	free(line);
	if (fp != stdin)
		fclose(fp);
	return r;
}

/* "sshd login alice from 10.0.0.5: Patients/x.docx" */
static void
log_desc(struct rp_buf *b, const struct rp_log_event *ev)
{
	if (strcmp(ev->program, ev->action) == 0)
		rp_buf_addf(b, "[%s] %s", ev->source, ev->action);
	else
		rp_buf_addf(b, "[%s] %s %s", ev->source, ev->program, ev->action);
	if (ev->status[0] && strcmp(ev->status, "ok") != 0)
		rp_buf_addf(b, " (%s)", ev->status);
	if (ev->user[0])
		rp_buf_addf(b, " user %s", ev->user);
	if (ev->client[0])
		rp_buf_addf(b, " from %s", ev->client);
	if (ev->object[0])
		rp_buf_addf(b, ": %s", ev->object);
	else if (ev->message[0] && strcmp(ev->source, "riposte") == 0)
		rp_buf_addf(b, ": %s", ev->message);
}

static void
json_field(struct rp_buf *b, const char *key, const char *v, int comma)
{
	rp_buf_addf(b, "\"%s\":\"", key);
	rp_esc_json(b, v, strlen(v), &(int){ 0 });
	rp_buf_addstr(b, comma ? "\"," : "\"");
}

static void
emit(struct rp_buf *b, int fmt, const struct rp_tl_event *e, char **roots, int64_t *lastday)
{
	struct rp_buf p = RP_BUF_INIT, d = RP_BUF_INIT;
	char flags[5], mode[13];

	if (e->f) {
		fx_full_path(&p, roots[e->root], e->f->path, e->f->pathlen);
		rp_tl_flags(e->macb, flags);
		rp_tsk_mode(e->f->mode, mode);
	} else {
		log_desc(&d, e->log);
	}
	switch (fmt) {
	case FMT_TEXT:
		if (*lastday != e->time)
			rp_time_fmt_local(b, e->time);
		else
			rp_buf_addf(b, "%25s", "");
		*lastday = e->time;
		if (e->f) {
			rp_buf_addf(b, " %10llu %s %s %-6u %-6u %-9llu ",
			    (unsigned long long)e->f->size, flags, mode, e->f->uid, e->f->gid,
			    (unsigned long long)e->f->ino);
			rp_esc_text(b, p.buf, p.len);
		} else {
			rp_buf_addf(b, " %10s %-4s ", "", "log");
			rp_esc_text(b, d.buf, d.len);
		}
		rp_buf_addch(b, '\n');
		break;
	case FMT_MACTIME:
		rp_time_fmt_utc(b, e->time);
		if (e->f) {
			rp_buf_addf(b, ",%llu,%s,%s,%u,%u,%llu,\"", (unsigned long long)e->f->size, flags,
			    mode, e->f->uid, e->f->gid, (unsigned long long)e->f->ino);
			rp_body_name(b, p.buf, p.len);
		} else {
			rp_buf_addf(b, ",0,%s,,0,0,0,\"", e->log->source);
			rp_body_name(b, d.buf, d.len);
		}
		rp_buf_addstr(b, "\"\n");
		break;
	case FMT_CSV:
		rp_time_fmt_utc(b, e->time);
		if (e->f) {
			rp_buf_addf(b, ",%s,%llu,%s,%u,%u,%llu,", flags, (unsigned long long)e->f->size,
			    mode, e->f->uid, e->f->gid, (unsigned long long)e->f->ino);
			rp_esc_csv(b, p.buf, p.len);
			rp_buf_addstr(b, ",file,,,,\n");
		} else {
			const struct rp_log_event *l = e->log;

			rp_buf_addstr(b, ",,,,,,,,");
			rp_buf_addf(b, "%s,", l->source);
			rp_esc_csv(b, l->action, strlen(l->action));
			rp_buf_addch(b, ',');
			rp_esc_csv(b, l->user, strlen(l->user));
			rp_buf_addch(b, ',');
			rp_esc_csv(b, l->client, strlen(l->client));
			rp_buf_addch(b, ',');
			rp_esc_csv(b, d.buf, d.len);
			rp_buf_addch(b, '\n');
		}
		break;
	case FMT_JSONL:
		rp_buf_addstr(b, "{\"kind\":\"event\",\"time\":\"");
		rp_time_fmt_utc(b, e->time);
		if (e->f) {
			rp_buf_addf(b, "\",\"source\":\"file\",\"macb\":\"%s\",", flags);
			rp_cli_path_json(b, "path", p.buf, p.len);
			rp_buf_addf(b, "\"size\":%llu,\"mode\":\"%s\",\"uid\":%u,\"gid\":%u,\"inode\":%llu}\n",
			    (unsigned long long)e->f->size, mode, e->f->uid, e->f->gid,
			    (unsigned long long)e->f->ino);
		} else {
			const struct rp_log_event *l = e->log;

			rp_buf_addstr(b, "\",");
			json_field(b, "source", l->source, 1);
			json_field(b, "host", l->host, 1);
			json_field(b, "program", l->program, 1);
			json_field(b, "action", l->action, 1);
			json_field(b, "status", l->status, 1);
			json_field(b, "user", l->user, 1);
			json_field(b, "client", l->client, 1);
			json_field(b, "object", l->object, 1);
			json_field(b, "message", l->message, 0);
			rp_buf_addstr(b, "}\n");
		}
		break;
	}
	rp_buf_release(&p);
	rp_buf_release(&d);
}

static int
parse_time(struct rp_cli *cli, const char *opt, const char *arg, int64_t *t)
{
	if (rp_time_parse(arg, t, NULL) != 0) {
		rp_err(cli, "%s: '%s' is not an ISO 8601 time (e.g. 2026-11-21T02:00)", opt, arg);
		return -1;
	}
	return 0;
}

int
cmd_timeline(struct rp_cli *cli, int argc, char **argv)
{
	static const char *const fmtnames[] = { "text", "body", "mactime", "csv", "jsonl" };
	struct rp_fx_opts o;
	struct rp_fset *sets = NULL;
	struct rp_timeline tl;
	struct logs L;
	struct rp_log_ctx lctx;
	struct rp_buf out = RP_BUF_INIT;
	const char **excl = NULL, **logfiles = NULL;
	const char *fmtarg = NULL;
	int64_t since = RP_TIME_UNSET, until = RP_TIME_UNSET, lastday = RP_TIME_UNSET;
	uint64_t entries = 0, fev = 0;
	unsigned long long ull;
	size_t nexcl = 0, nlogs = 0, i, nroots = 0;
	int c, fmt, r, rc = RP_EXIT_ERROR;
	struct tm tm;
	time_t now = (time_t)cli->now;

	memset(&o, 0, sizeof(o));
	memset(&L, 0, sizeof(L));
	rp_timeline_init(&tl);
	localtime_r(&now, &tm);
	lctx.year = tm.tm_year + 1900;
	if ((excl = calloc((size_t)argc + 1, sizeof(*excl))) == NULL ||
	    (logfiles = calloc((size_t)argc + 1, sizeof(*logfiles))) == NULL)
		goto out;
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "h", longopts, usage)) != -1) {
		switch (c) {
		case OPT_FORMAT: fmtarg = optarg; break;
		case OPT_SINCE: if (parse_time(cli, "--since", optarg, &since) != 0) goto out; break;
		case OPT_UNTIL: if (parse_time(cli, "--until", optarg, &until) != 0) goto out; break;
		case OPT_LOG: logfiles[nlogs++] = optarg; break;
		case OPT_YEAR:
			if (rp_cli_uint(cli, "--year", optarg, 1970, 9999, &ull) != 0)
				goto out;
			lctx.year = (int)ull;
			break;
		case OPT_EXCLUDE: excl[nexcl++] = optarg; break;
		case OPT_CROSS: o.walk.cross_mounts = 1; break;
		case 'h': rc = rp_cli_usage(cli, usage, 1); goto out;
		default: rc = RP_EXIT_ERROR; goto out;   /* said by rp_cli_getopt */
		}
	}
	fmt = cli->stdout_tty ? FMT_TEXT : FMT_JSONL;
	if (fmtarg != NULL) {
		for (fmt = 0; fmt < 5 && strcmp(fmtarg, fmtnames[fmt]) != 0; fmt++)
			;
		if (fmt == 5) {
			rp_err(cli, "unknown format '%s' (expected one of: text,body,mactime,csv,jsonl)",
			    fmtarg);
			goto out;
		}
	}
	if (optind >= argc && nlogs == 0) {
		rp_err(cli, "no PATH given");
		rc = rp_cli_usage(cli, usage, 0);
		goto out;
	}
	if (fmt == FMT_BODY && nlogs > 0) {
		rp_err(cli, "--log: log events have no place in the body format (use --format "
		    "mactime, csv or jsonl)");
		goto out;
	}
	o.walk.exclude = excl;
	o.walk.nexclude = nexcl;
	o.hash = RP_FX_HASH_NONE;
	nroots = (size_t)(argc - optind);
	if ((sets = calloc(nroots + 1, sizeof(*sets))) == NULL)
		goto out;
	for (i = 0; i < nroots; i++) {
		rp_fset_init(&sets[i]);
		if ((r = rp_fx_collect(argv[optind + i], &o, NULL, NULL, &sets[i], NULL)) != 0) {
			rp_err(cli, "cannot read '%s': %s", argv[optind + i], rp_strerror(r));
			goto out;
		}
		entries += sets[i].n;
	}
	for (i = 0; i < nlogs; i++)
		if (read_log(cli, logfiles[i], &lctx, &L) != 0)
			goto out;
	if (fmt == FMT_BODY) {
		for (i = 0; i < nroots; i++) {
			size_t k;

			rp_fset_sort(&sets[i]);
			for (k = 0; k < sets[i].n; k++) {
				const struct rp_fentry *f = sets[i].v[k];
				int64_t lo = f->mtime, hi = f->mtime;

				/* an entry goes in when any of its times is in the window */
				if (f->atime < lo) lo = f->atime;
				if (f->ctime < lo) lo = f->ctime;
				if (f->atime > hi) hi = f->atime;
				if (f->ctime > hi) hi = f->ctime;
				if (f->has_btime && f->btime < lo) lo = f->btime;
				if (f->has_btime && f->btime > hi) hi = f->btime;
				if ((since != RP_TIME_UNSET && hi < since) ||
				    (until != RP_TIME_UNSET && lo > until))
					continue;
				rp_body_line(&out, argv[optind + i], f);
				if (out.len > (1 << 20)) {
					if (rp_cli_put(cli, &out) != 0)
						goto out;
					rp_buf_reset(&out);
				}
			}
		}
		if (rp_cli_put(cli, &out) != 0)
			goto out;
		rc = RP_EXIT_CLEAN;
		goto out;
	}
	for (i = 0; i < nroots; i++)
		if (rp_timeline_add_files(&tl, &sets[i], i, since, until) != 0)
			goto out;
	fev = tl.n;
	for (i = 0; i < L.n; i++)
		if (rp_timeline_add_log(&tl, &L.v[i], since, until) != 0)
			goto out;
	rp_timeline_sort(&tl);
	if (fmt == FMT_MACTIME)
		rp_buf_addstr(&out, "Date,Size,Type,Mode,UID,GID,Meta,File Name\n");
	else if (fmt == FMT_CSV)
		rp_buf_addstr(&out, "time,macb,size,mode,uid,gid,inode,path,source,action,user,"
		    "client,detail\n");
	for (i = 0; i < tl.n; i++) {
		emit(&out, fmt, &tl.v[i], argv + optind, &lastday);
		if (out.len > (1 << 20)) {
			if (rp_cli_put(cli, &out) != 0)
				goto out;
			rp_buf_reset(&out);
		}
	}
	if (fmt == FMT_JSONL) {
		rp_buf_addf(&out, "{\"kind\":\"summary\",\"events\":%llu,\"file_events\":%llu,"
		    "\"log_events\":%llu,\"entries\":%llu,\"log_lines\":%llu,\"log_lines_unparsed\":%llu,"
		    "\"first\":", (unsigned long long)tl.n, (unsigned long long)fev,
		    (unsigned long long)(tl.n - fev), (unsigned long long)entries,
		    (unsigned long long)L.lines, (unsigned long long)L.unparsed);
		if (tl.n) {
			rp_buf_addch(&out, '"');
			rp_time_fmt_utc(&out, tl.v[0].time);
			rp_buf_addstr(&out, "\",\"last\":\"");
			rp_time_fmt_utc(&out, tl.v[tl.n - 1].time);
			rp_buf_addstr(&out, "\"}\n");
		} else {
			rp_buf_addstr(&out, "null,\"last\":null}\n");
		}
	}
	if (rp_cli_put(cli, &out) != 0)
		goto out;
	if (L.unparsed)
		rp_warn(cli, "%llu log lines in no known format were skipped",
		    (unsigned long long)L.unparsed);
	rc = RP_EXIT_CLEAN;
out:
	for (i = 0; sets != NULL && i < nroots; i++)
		rp_fset_release(&sets[i]);
	free(sets);
	free(L.v);
	rp_timeline_release(&tl);
	rp_buf_release(&out);
	free(excl);
	free(logfiles);
	return rc;
}
