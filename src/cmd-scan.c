/*
 * riposte scan: a verdict for every file of the trees given.
 *
 * The walk runs in this thread and opens each file (the descriptor outlives the
 * walk's directory descriptor); -j workers judge them; results come back in walk
 * order through a bounded ring, so the output is the same whatever -j is, and memory
 * stays flat however big the tree.
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case/journal.h"
#include "cli.h"
#include "commands.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "core/units.h"
#include "detect/engine.h"
#include "fs/walk.h"
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

/* ---- summary bookkeeping ---- */

struct counter {
	char *key;
	uint64_t n[RP_V_NKINDS];
	uint64_t total;
};

struct counters {
	struct counter *v;
	size_t n, cap;
};

static struct counter *
counter_get(struct counters *c, const char *key, size_t len)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strlen(c->v[i].key) == len && memcmp(c->v[i].key, key, len) == 0)
			return &c->v[i];
	if (RP_ARRAY_GROW(&c->v, &c->cap, c->n + 1, RP_ARRAY_MAX_DEFAULT) != 0)
		return NULL;
	memset(&c->v[c->n], 0, sizeof(c->v[0]));
	if ((c->v[c->n].key = strndup(key, len)) == NULL)
		return NULL;
	return &c->v[c->n++];
}

static int
cmp_counter_key(const void *a, const void *b)
{
	return strcmp(((const struct counter *)a)->key, ((const struct counter *)b)->key);
}

static void
counters_release(struct counters *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].key);
	free(c->v);
	memset(c, 0, sizeof(*c));
}

/* ---- jobs ---- */

struct job {
	char *path;               /* display path, bytes */
	size_t pathlen;
	char *topdir;             /* the top-level directory it belongs to */
	int fd;                   /* -1: verdict already final (skipped, not regular) */
	int state;                /* 0 free, 1 queued, 2 taken, 3 done */
	int rc;
	struct rp_verdict v;
};

struct scan {
	struct rp_cli *cli;
	struct rp_engine *eng;
	int format, all, quiet, jobs;
	int64_t since, until;
	const char *root;         /* the PATH being walked */
	struct rp_walk_opts wo;
	struct rp_walk_stats ws;
	/* the ring: [head, tail) in walk order */
	struct job *ring;
	size_t cap, head, tail, next;   /* next: first job not yet taken by a worker */
	int stop;
	pthread_mutex_t mu;
	pthread_cond_t cv_work, cv_done;
	/* output */
	struct rp_buf out;
	int out_failed;
	struct rp_progress prog;
	uint64_t done_files, done_bytes;
	/* summary */
	uint64_t count[RP_V_NKINDS], bytes[RP_V_NKINDS], files, bytes_all;
	int64_t first_enc, last_enc;
	uint64_t no_noatime, filtered;
	struct counters notes, exts, dirs;
	int err;                  /* an error that makes the exit status 2 */
};

static int
emit(struct scan *sc)
{
	if (sc->out.len == 0)
		return 0;
	if (rp_cli_put(sc->cli, &sc->out) != 0) {
		sc->out_failed = 1;
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
format_file(struct scan *sc, const struct job *j)
{
	const struct rp_verdict *v = &j->v;
	struct rp_buf *b = &sc->out;
	size_t i;

	if (sc->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"file\",");
		rp_cli_path_json(b, "path", j->path, j->pathlen);
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
		rp_esc_csv(b, j->path, j->pathlen);
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
		rp_esc_text(b, j->path, j->pathlen);
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

/* Folds one finished job into the summary and prints it. Called in walk order. */
static void
finish(struct scan *sc, struct job *j)
{
	const struct rp_verdict *v = &j->v;
	struct counter *c;
	const char *base;

	sc->files++;
	sc->count[v->kind]++;
	sc->bytes[v->kind] += v->size;
	sc->bytes_all += v->size;
	if (v->kind != RP_V_SKIPPED && !v->noatime && v->bytes_read)
		sc->no_noatime++;
	if (v->kind == RP_V_ENCRYPTED || v->kind == RP_V_PARTIAL) {
		if (sc->first_enc == RP_TIME_UNSET || v->mtime < sc->first_enc)
			sc->first_enc = v->mtime;
		if (sc->last_enc == RP_TIME_UNSET || v->mtime > sc->last_enc)
			sc->last_enc = v->mtime;
		if (v->appended_ext[0]) {
			const char *dot = strrchr(v->appended_ext, '.');
			const char *e = dot ? dot + 1 : v->appended_ext;

			if ((c = counter_get(&sc->exts, e, strlen(e))) != NULL)
				c->total++;
		}
	}
	if (v->kind == RP_V_NOTE) {
		base = memrchr(j->path, '/', j->pathlen);
		base = base ? base + 1 : j->path;
		if ((c = counter_get(&sc->notes, base, j->pathlen - (size_t)(base - j->path))) != NULL)
			c->total++;
	}
	if ((c = counter_get(&sc->dirs, j->topdir, strlen(j->topdir))) != NULL) {
		c->n[v->kind]++;
		c->total++;
	}
	if (sc->all || v->kind != RP_V_OK)
		format_file(sc, j);
	sc->done_files++;
	sc->done_bytes += v->size;
	rp_progress_update(&sc->prog, sc->done_files, sc->done_bytes, j->path);
	if (sc->out.len > 65536)
		emit(sc);
}

static void
job_release(struct job *j)
{
	if (j->fd >= 0)
		close(j->fd);
	j->fd = -1;
	free(j->path);
	free(j->topdir);
	j->path = j->topdir = NULL;
	j->state = 0;
}

/* Emits the finished jobs at the head of the ring. Caller holds mu. */
static void
drain(struct scan *sc)
{
	while (sc->head != sc->tail && sc->ring[sc->head % sc->cap].state == 3) {
		struct job *j = &sc->ring[sc->head % sc->cap];

		finish(sc, j);
		job_release(j);
		sc->head++;
	}
}

static void *
worker(void *arg)
{
	struct scan *sc = arg;
	struct rp_scanner *s = NULL;
	int r;

	r = rp_scanner_new(&s, sc->eng);
	pthread_mutex_lock(&sc->mu);
	for (;;) {
		struct job *j;

		while (!sc->stop && (sc->next == sc->tail ||
		    sc->ring[sc->next % sc->cap].state != 1)) {
			if (sc->next != sc->tail && sc->ring[sc->next % sc->cap].state != 1) {
				sc->next++;
				continue;
			}
			pthread_cond_wait(&sc->cv_work, &sc->mu);
		}
		if (sc->next == sc->tail && sc->stop)
			break;
		j = &sc->ring[sc->next % sc->cap];
		sc->next++;
		j->state = 2;
		pthread_mutex_unlock(&sc->mu);
		if (r == 0) {
			int noatime = j->v.noatime;

			j->rc = rp_scan_fd(s, j->fd, j->path, &j->v);
			j->v.noatime = noatime;
		} else {
			j->rc = r;
		}
		pthread_mutex_lock(&sc->mu);
		j->state = 3;
		pthread_cond_broadcast(&sc->cv_done);
	}
	pthread_mutex_unlock(&sc->mu);
	rp_scanner_free(s);
	return NULL;
}

/* Takes a free slot at the tail, waiting (and draining) while the ring is full.
 * Caller holds mu. */
static struct job *
slot(struct scan *sc)
{
	struct job *j;

	for (;;) {
		drain(sc);
		if (sc->tail - sc->head < sc->cap)
			break;
		pthread_cond_wait(&sc->cv_done, &sc->mu);
	}
	j = &sc->ring[sc->tail % sc->cap];
	memset(j, 0, sizeof(*j));
	j->fd = -1;
	return j;
}

static char *
topdir_of(const struct scan *sc, const char *path, size_t len)
{
	size_t rl = strlen(sc->root), n;
	const char *p, *slash;
	char *t;

	while (rl > 1 && sc->root[rl - 1] == '/')
		rl--;
	if (len <= rl + 1 || memcmp(path, sc->root, rl) != 0)
		return strdup(sc->root);    /* a file given as PATH */
	p = path + rl + (sc->root[rl - 1] == '/' ? 0 : 1);
	slash = memchr(p, '/', len - (size_t)(p - path));
	if (slash == NULL)
		return strndup(sc->root, rl);   /* a file directly in the root */
	n = (size_t)(slash - path);
	if ((t = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(t, path, n);
	t[n] = '\0';
	return t;
}

static int
on_entry(const struct rp_walk_entry *e, void *ctx)
{
	struct scan *sc = ctx;
	struct job *j;
	int fd = -1;
	struct rp_verdict tmp;

	if (e->kind == RP_WALK_DIR)
		return 0;
	if (e->kind == RP_WALK_FILE && e->st &&
	    ((sc->since != RP_TIME_UNSET && e->st->st_mtim.tv_sec < sc->since) ||
	    (sc->until != RP_TIME_UNSET && e->st->st_mtim.tv_sec > sc->until))) {
		sc->filtered++;
		return 0;
	}
	if (e->kind == RP_WALK_FILE) {
		fd = rp_scan_open(sc->eng, e->dirfd, e->name, &tmp);
		if (fd < 0 && e->st) {
			tmp.size = (uint64_t)e->st->st_size;
			tmp.mtime = e->st->st_mtim.tv_sec;
		}
	}
	pthread_mutex_lock(&sc->mu);
	j = slot(sc);
	j->path = malloc(e->pathlen + 1);
	j->topdir = topdir_of(sc, e->path, e->pathlen);
	if (j->path == NULL || j->topdir == NULL) {
		pthread_mutex_unlock(&sc->mu);
		if (fd >= 0)
			close(fd);
		return RP_ERR_NOMEM;
	}
	memcpy(j->path, e->path, e->pathlen + 1);
	j->pathlen = e->pathlen;
	if (e->kind == RP_WALK_FILE) {
		j->v = tmp;
		j->fd = fd;
	} else {
		memset(&j->v, 0, sizeof(j->v));
		j->v.kind = RP_V_SKIPPED;
		if (e->st) {
			j->v.mtime = e->st->st_mtim.tv_sec;
			if (S_ISLNK(e->st->st_mode))
				j->v.size = 0;
		}
		snprintf(j->v.reasons[0], sizeof(j->v.reasons[0]), "%s%s%s", e->what ? e->what : "",
		    e->sys_errno ? ": " : "", e->sys_errno ? strerror(e->sys_errno) : "");
		j->v.nreasons = 1;
	}
	sc->tail++;
	if (fd >= 0 && sc->jobs > 1) {
		j->state = 1;
		pthread_cond_signal(&sc->cv_work);
		pthread_mutex_unlock(&sc->mu);
		return 0;
	}
	j->state = fd >= 0 ? 2 : 3;
	pthread_mutex_unlock(&sc->mu);
	return 0;
}

/* With -j 1 files are judged in this thread, right after they are queued. */
static int
run_inline(struct scan *sc, struct rp_scanner *s)
{
	while (sc->head != sc->tail) {
		struct job *j = &sc->ring[sc->head % sc->cap];

		if (j->state == 2) {
			int noatime = j->v.noatime;

			j->rc = rp_scan_fd(s, j->fd, j->path, &j->v);
			j->v.noatime = noatime;
			j->state = 3;
			if (j->rc < 0)
				return j->rc;
		}
		drain(sc);
	}
	return 0;
}

struct inline_ctx {
	struct scan *sc;
	struct rp_scanner *s;
};

static int
on_entry_inline(const struct rp_walk_entry *e, void *ctx)
{
	struct inline_ctx *ic = ctx;
	int r;

	if ((r = on_entry(e, ic->sc)) != 0)
		return r;
	return run_inline(ic->sc, ic->s);
}

static int
cmp_counter_total(const void *a, const void *b)
{
	const struct counter *x = a, *y = b;

	if (x->total != y->total)
		return x->total < y->total ? 1 : -1;
	return strcmp(x->key, y->key);
}

static void
summary_json(struct scan *sc, struct rp_buf *b)
{
	size_t i;

	rp_buf_addf(b, "{\"kind\":\"summary\",\"files\":%llu,\"encrypted\":%llu,\"partial\":%llu,"
	    "\"note\":%llu,\"ok\":%llu,\"skipped\":%llu,\"bytes\":%llu,\"bytes_encrypted\":%llu,"
	    "\"bytes_partial\":%llu,\"first_encrypted_mtime\":",
	    (unsigned long long)sc->files, (unsigned long long)sc->count[RP_V_ENCRYPTED],
	    (unsigned long long)sc->count[RP_V_PARTIAL], (unsigned long long)sc->count[RP_V_NOTE],
	    (unsigned long long)sc->count[RP_V_OK], (unsigned long long)sc->count[RP_V_SKIPPED],
	    (unsigned long long)sc->bytes_all, (unsigned long long)sc->bytes[RP_V_ENCRYPTED],
	    (unsigned long long)sc->bytes[RP_V_PARTIAL]);
	if (sc->first_enc == RP_TIME_UNSET) {
		rp_buf_addstr(b, "null,\"last_encrypted_mtime\":null");
	} else {
		rp_buf_addch(b, '"');
		rp_time_fmt_utc(b, sc->first_enc);
		rp_buf_addstr(b, "\",\"last_encrypted_mtime\":\"");
		rp_time_fmt_utc(b, sc->last_enc);
		rp_buf_addch(b, '"');
	}
	rp_buf_addstr(b, ",\"notes\":[");
	for (i = 0; i < sc->notes.n; i++) {
		rp_buf_addstr(b, i ? ",{" : "{");
		rp_cli_path_json(b, "name", sc->notes.v[i].key, strlen(sc->notes.v[i].key));
		rp_buf_addf(b, "\"count\":%llu}", (unsigned long long)sc->notes.v[i].total);
	}
	rp_buf_addstr(b, "],\"appended_extensions\":[");
	for (i = 0; i < sc->exts.n; i++) {
		rp_buf_addstr(b, i ? ",{" : "{");
		rp_cli_path_json(b, "ext", sc->exts.v[i].key, strlen(sc->exts.v[i].key));
		rp_buf_addf(b, "\"count\":%llu}", (unsigned long long)sc->exts.v[i].total);
	}
	rp_buf_addstr(b, "],\"dirs\":[");
	for (i = 0; i < sc->dirs.n; i++) {
		const struct counter *c = &sc->dirs.v[i];

		rp_buf_addstr(b, i ? ",{" : "{");
		rp_cli_path_json(b, "dir", c->key, strlen(c->key));
		rp_buf_addf(b, "\"files\":%llu,\"encrypted\":%llu,\"partial\":%llu,\"note\":%llu}",
		    (unsigned long long)c->total, (unsigned long long)c->n[RP_V_ENCRYPTED],
		    (unsigned long long)c->n[RP_V_PARTIAL], (unsigned long long)c->n[RP_V_NOTE]);
	}
	rp_buf_addf(b, "],\"read_without_noatime\":%llu}", (unsigned long long)sc->no_noatime);
}

static void
summary_text(struct scan *sc, struct rp_buf *b)
{
	static const enum rp_verdict_kind order[] = { RP_V_ENCRYPTED, RP_V_PARTIAL, RP_V_NOTE,
		RP_V_OK, RP_V_SKIPPED };
	char h[32];
	size_t i;

	rp_buf_addf(b, "%sSummary: %llu files, %s\n", sc->quiet ? "" : "\n",
	    (unsigned long long)sc->files, rp_size_human(h, sizeof(h), sc->bytes_all));
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		rp_buf_addf(b, "  %-10s %8llu  %s\n", rp_verdict_name(order[i]),
		    (unsigned long long)sc->count[order[i]], 
		    rp_size_human(h, sizeof(h), sc->bytes[order[i]]));
	if (sc->first_enc != RP_TIME_UNSET) {
		rp_buf_addstr(b, "Attack window (mtime of encrypted and partial files):\n  ");
		rp_time_fmt_local(b, sc->first_enc);
		rp_buf_addstr(b, "  ..  ");
		rp_time_fmt_local(b, sc->last_enc);
		rp_buf_addch(b, '\n');
	}
	if (sc->notes.n) {
		rp_buf_addstr(b, "Ransom notes:\n");
		for (i = 0; i < sc->notes.n; i++) {
			rp_buf_addf(b, "  %6llu  ", (unsigned long long)sc->notes.v[i].total);
			rp_esc_text(b, sc->notes.v[i].key, strlen(sc->notes.v[i].key));
			rp_buf_addch(b, '\n');
		}
	}
	if (sc->exts.n) {
		rp_buf_addstr(b, "Extensions appended to encrypted files:\n");
		for (i = 0; i < sc->exts.n; i++) {
			rp_buf_addf(b, "  %6llu  .", (unsigned long long)sc->exts.v[i].total);
			rp_esc_text(b, sc->exts.v[i].key, strlen(sc->exts.v[i].key));
			rp_buf_addch(b, '\n');
		}
	}
	if (sc->dirs.n) {
		rp_buf_addf(b, "Per top-level directory:\n  %8s %9s %7s %5s  %s\n", "files",
		    "encrypted", "partial", "notes", "directory");
		for (i = 0; i < sc->dirs.n; i++) {
			const struct counter *c = &sc->dirs.v[i];

			rp_buf_addf(b, "  %8llu %9llu %7llu %5llu  ", (unsigned long long)c->total,
			    (unsigned long long)c->n[RP_V_ENCRYPTED],
			    (unsigned long long)c->n[RP_V_PARTIAL], (unsigned long long)c->n[RP_V_NOTE]);
			rp_esc_text(b, c->key, strlen(c->key));
			rp_buf_addch(b, '\n');
		}
	}
	if (sc->no_noatime)
		rp_buf_addf(b, "Warning: %llu files were read without O_NOATIME (--allow-atime): "
		    "their access times may have changed\n", (unsigned long long)sc->no_noatime);
	else if (sc->files)
		rp_buf_addstr(b, "Evidence: every file and directory was read with O_NOATIME: no "
		    "access time changed\n");
	if (sc->filtered)
		rp_buf_addf(b, "%llu files outside --since/--until were not scanned\n",
		    (unsigned long long)sc->filtered);
}

static int
attach_case(struct scan *sc, const char *db, int64_t case_id, char **roots, int nroots)
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
	    (unsigned long long)sc->files, (unsigned long long)sc->count[RP_V_ENCRYPTED],
	    (unsigned long long)sc->count[RP_V_PARTIAL], (unsigned long long)sc->count[RP_V_NOTE]);
	summary_json(sc, &data);
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
	struct scan sc;
	struct rp_engine_opts eo = { 0 };
	struct rp_buf msg = RP_BUF_INIT;
	const char **excl = NULL;
	size_t nexcl = 0, capexcl = 0;
	unsigned long long ull;
	const char *db = cli->db_path, *fmtarg = NULL;
	int64_t case_id = -1;
	pthread_t *th = NULL;
	int c, i, r, rc = RP_EXIT_ERROR, nth = 0;
	long ncpu;

	memset(&sc, 0, sizeof(sc));
	rp_buf_init(&sc.out, 0);
	sc.cli = cli;
	sc.since = sc.until = RP_TIME_UNSET;
	sc.first_enc = sc.last_enc = RP_TIME_UNSET;
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	sc.jobs = ncpu > 0 ? (int)(ncpu > 64 ? 64 : ncpu) : 1;
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "j:aqh", longopts, usage)) != -1) {
		switch (c) {
		case OPT_FORMAT: fmtarg = optarg; break;
		case 'j':
			if (rp_cli_uint(cli, "--jobs", optarg, 1, 256, &ull) != 0)
				goto out;
			sc.jobs = (int)ull;
			break;
		case 'a': sc.all = eo.type_all = 1; break;
		case 'q': sc.quiet = 1; break;
		case OPT_FULL: eo.full = 1; break;
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
			*(c == OPT_SINCE ? &sc.since : &sc.until) = t;
			break;
		}
		case OPT_XDEV: sc.wo.cross_mounts = 0; break;
		case OPT_CROSS: sc.wo.cross_mounts = 1; break;
		case OPT_ATIME: eo.allow_atime = sc.wo.allow_atime = 1; break;
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
	sc.wo.exclude = excl;
	sc.wo.nexclude = nexcl;
	eo.data_dir = cli->data_dir;
	if ((r = rp_engine_new(&sc.eng, &eo, &msg)) != 0) {
		rp_err(cli, "%s", msg.len ? msg.buf : rp_strerror(r));
		goto out;
	}
	sc.cap = (size_t)sc.jobs * 32 + 32;
	if ((sc.ring = calloc(sc.cap, sizeof(*sc.ring))) == NULL)
		goto out;
	pthread_mutex_init(&sc.mu, NULL);
	pthread_cond_init(&sc.cv_work, NULL);
	pthread_cond_init(&sc.cv_done, NULL);
	rp_progress_init(&sc.prog, cli, sc.quiet);
	if (sc.format == RP_FMT_CSV)
		rp_buf_addstr(&sc.out, "path,verdict,type,format,size,mtime,entropy,chi2,ext,"
		    "appended_ext,bytes_read,reasons\n");
	if (sc.jobs > 1) {
		if ((th = calloc((size_t)sc.jobs, sizeof(*th))) == NULL)
			goto out;
		for (nth = 0; nth < sc.jobs; nth++)
			if (pthread_create(&th[nth], NULL, worker, &sc) != 0)
				break;
		if (nth == 0) {
			rp_err(cli, "cannot start threads");
			goto out;
		}
	}
	for (i = optind; i < argc; i++) {
		struct inline_ctx ic = { &sc, NULL };

		sc.root = argv[i];
		if (sc.jobs == 1) {
			if ((r = rp_scanner_new(&ic.s, sc.eng)) == 0)
				r = rp_walk(argv[i], &sc.wo, on_entry_inline, &ic, &sc.ws);
			rp_scanner_free(ic.s);
		} else {
			r = rp_walk(argv[i], &sc.wo, on_entry, &sc, &sc.ws);
			/* wait for this root's jobs: topdir_of needs sc.root to stay */
			pthread_mutex_lock(&sc.mu);
			while (sc.head != sc.tail) {
				drain(&sc);
				if (sc.head != sc.tail)
					pthread_cond_wait(&sc.cv_done, &sc.mu);
			}
			pthread_mutex_unlock(&sc.mu);
		}
		if (r != 0) {
			rp_progress_done(&sc.prog);
			if (r == RP_ERR_PERM)
				rp_err(cli, "cannot scan '%s': listing it would change its access time "
				    "(O_NOATIME refused: not the owner); run as root, or --allow-atime",
				    argv[i]);
			else
				rp_err(cli, "cannot scan '%s': %s", argv[i], rp_strerror(r));
			sc.err = 1;
		}
		emit(&sc);
	}
	if (th) {
		pthread_mutex_lock(&sc.mu);
		sc.stop = 1;
		pthread_cond_broadcast(&sc.cv_work);
		pthread_mutex_unlock(&sc.mu);
		for (i = 0; i < nth; i++)
			pthread_join(th[i], NULL);
	}
	rp_progress_done(&sc.prog);
	if (sc.notes.n)
		qsort(sc.notes.v, sc.notes.n, sizeof(*sc.notes.v), cmp_counter_total);
	if (sc.exts.n)
		qsort(sc.exts.v, sc.exts.n, sizeof(*sc.exts.v), cmp_counter_total);
	if (sc.dirs.n)
		qsort(sc.dirs.v, sc.dirs.n, sizeof(*sc.dirs.v), cmp_counter_key);
	if (sc.format == RP_FMT_JSONL) {
		summary_json(&sc, &sc.out);
		rp_buf_addch(&sc.out, '\n');
	} else if (sc.format == RP_FMT_TEXT) {
		summary_text(&sc, &sc.out);
	}
	emit(&sc);
	if (case_id >= 0 && attach_case(&sc, db, case_id, argv + optind, argc - optind) != 0)
		sc.err = 1;
	if (sc.err)
		rc = RP_EXIT_ERROR;
	else
		rc = sc.count[RP_V_ENCRYPTED] + sc.count[RP_V_PARTIAL] + sc.count[RP_V_NOTE] ?
		    RP_EXIT_FOUND : RP_EXIT_CLEAN;
	goto out;
out:
	if (sc.ring) {
		size_t k;

		for (k = 0; k < sc.cap; k++)
			if (sc.ring[k].state)
				job_release(&sc.ring[k]);
		pthread_mutex_destroy(&sc.mu);
		pthread_cond_destroy(&sc.cv_work);
		pthread_cond_destroy(&sc.cv_done);
	}
	free(sc.ring);
	free(th);
	free(excl);
	counters_release(&sc.notes);
	counters_release(&sc.exts);
	counters_release(&sc.dirs);
	rp_engine_free(sc.eng);
	rp_buf_release(&sc.out);
	rp_buf_release(&msg);
	return rc;
}
