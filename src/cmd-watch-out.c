/*
 * riposte watch: what the engine (respond/watch.h) reports, said to people (text on
 * stdout, warnings on stderr) or to scripts (JSONL on stdout), to syslog (LOG_DAEMON)
 * and, for alerts and canary reads, to the journal of the case open in the database.
 * Each output is flushed at once: the engine forks children that report too.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "case/journal.h"
#include "cmd-watch.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "respond/alertlog.h"
#include "store/store.h"

/* Writes b to stdout, flushed; an error ends the run (exit 2). */
static int
emit(struct watch_cli *wc, struct rp_buf *b)
{
	int r = 0;
	if (b->len > 0 && (rp_cli_put(wc->cli, b) != 0 || fflush(stdout) != 0)) {
		wc->failed = 1;
		r = RP_ERR_SYSTEM;
	}
	rp_buf_release(b);
	return r;
}

static void
warning_out(struct watch_cli *wc, const char *msg)
{
	syslog(LOG_WARNING, "watch: %s", msg);
	if (wc->fmt == RP_FMT_JSONL) {
		struct rp_buf b;
		rp_buf_init(&b, 1 << 16);
		rp_buf_addstr(&b, "{\"kind\":\"warning\",\"message\":");
		rp_json_str(&b, msg);
		rp_buf_addstr(&b, "}\n");
		emit(wc, &b);
	} else {
		rp_warn(wc->cli, "%s", msg);
	}
}

static int
on_warning(int code, const char *msg, void *ctx)
{
	struct watch_cli *wc = ctx;
	warning_out(wc, msg);
	return wc->failed ? RP_ERR_SYSTEM : 0;
}

static int
on_ready(const struct rp_watch_ready *r, void *ctx)
{
	struct watch_cli *wc = ctx;
	const struct rp_watch_opts *o = wc->o;
	struct rp_buf b;
	rp_buf_init(&b, 1 << 22);
	syslog(LOG_INFO, "watch: watching %" PRIu64 " directories", r->dirs);
	if (wc->fmt == RP_FMT_JSONL) {
		rp_buf_addstr(&b, "{\"kind\":\"ready\",\"paths\":[");
		for (size_t i = 0; i < o->npaths; i++) {
			int lossy;
			rp_buf_addstr(&b, i ? ",\"" : "\"");
			rp_esc_json(&b, o->paths[i], strlen(o->paths[i]), &lossy);
			rp_buf_addch(&b, '"');
		}
		rp_buf_addf(&b, "],\"dirs\":%" PRIu64 ",\"pre_content\":%s,", r->dirs,
		    r->pre_content ? "true" : "false");
		rp_cli_path_json(&b, "shadow", o->shadow_dir, strlen(o->shadow_dir));
		rp_buf_addf(&b, "\"action\":\"%s\",\"spin_us\":%" PRId64 ",\"pid\":%d}\n",
		    rp_watch_action_name(o->action), o->spin_us, (int)r->pid);
	} else {
		rp_buf_addf(&b, "watching %" PRIu64 " director%s under ", r->dirs, r->dirs == 1 ? "y" : "ies");
		for (size_t i = 0; i < o->npaths; i++) {
			if (i)
				rp_buf_addstr(&b, ", ");
			rp_esc_text(&b, o->paths[i], strlen(o->paths[i]));
		}
		rp_buf_addf(&b, " (copies %s the write lands; shadow ",
		    r->pre_content ? "before" : "at the open, before");
		rp_esc_text(&b, o->shadow_dir, strlen(o->shadow_dir));
		rp_buf_addf(&b, "; action %s)\n", rp_watch_action_name(o->action));
	}
	return emit(wc, &b);
}

/* The alert as one JSON object, without its newline: the output's line and the
 * journal's data. */
static void
alert_json(struct rp_buf *j, const struct rp_watch_alert *a)
{
	rp_buf_addstr(j, "{\"kind\":\"alert\",\"time\":\"");
	rp_time_fmt_utc(j, a->time);
	rp_buf_addf(j, "\",\"pid\":%d,\"pids\":[", (int)a->pid);
	for (size_t i = 0; i < a->npids; i++)
		rp_buf_addf(j, "%s%d", i ? "," : "", (int)a->pids[i]);
	rp_buf_addstr(j, "],");
	rp_cli_path_json(j, "exe", a->proc.exe, strlen(a->proc.exe));
	rp_cli_path_json(j, "cmdline", a->proc.cmdline, strlen(a->proc.cmdline));
	rp_buf_addf(j, "\"uid\":%d,", a->proc.uid);
	if (a->smbd) {
		rp_buf_addstr(j, "\"client\":");
		rp_json_str(j, a->client);
		rp_buf_addstr(j, ",\"user\":");
		rp_json_str(j, a->user);
		rp_buf_addch(j, ',');
	}
	rp_buf_addstr(j, "\"files\":[");
	for (size_t i = 0; i < a->nfiles; i++) {
		int lossy = 0;
		rp_buf_addstr(j, i ? ",\"" : "\"");
		rp_esc_json(j, a->files[i], strlen(a->files[i]), &lossy);
		rp_buf_addch(j, '"');
	}
	rp_buf_addf(j, "],\"files_touched\":%" PRIu64 ",\"signals\":{", a->files_touched);
	for (int s = 0, n = 0; s < RP_SIG_N; s++)
		if (a->counts[s])
			rp_buf_addf(j, "%s\"%s\":%u", n++ ? "," : "", rp_sig_name((enum rp_sig)s), a->counts[s]);
	rp_buf_addf(j, "},\"score\":%d,\"action\":\"%s\",\"result\":\"%s\",\"action_time\":\"", a->score,
	    rp_watch_action_name(a->action), a->result);
	rp_time_fmt_utc(j, a->action_time);
	rp_buf_addf(j, "\",\"action_unix_ms\":%" PRId64 ",\"latency_ms\":%" PRId64
	    ",\"first_write_to_action_ms\":%" PRId64 ",\"blocked\":%s", a->action_unix_ms, a->latency_ms,
	    a->first_write_to_action_ms, a->blocked ? "true" : "false");
	if (a->action == RP_WATCH_KILL)
		rp_buf_addf(j, ",\"restoring\":%s", a->restoring ? "true" : "false");
	rp_buf_addch(j, '}');
}

static void
alert_text(struct rp_buf *t, const struct rp_watch_alert *a)
{
	rp_time_fmt_local(t, a->time);
	rp_buf_addf(t, "  ALERT pid %d ", (int)a->pid);
	if (a->proc.known) {
		rp_buf_addch(t, '(');
		rp_esc_text(t, a->proc.cmdline, strlen(a->proc.cmdline));
		rp_buf_addf(t, ") uid %d", a->proc.uid);
	}
	if (a->smbd)
		rp_buf_addf(t, " client %s user %s%s", a->client[0] ? a->client : "?",
		    a->user[0] ? a->user : "?", a->blocked ? " (blocked)" : "");
	rp_buf_addf(t, ": score %d [", a->score);
	for (int s = 0, n = 0; s < RP_SIG_N; s++)
		if (a->counts[s])
			rp_buf_addf(t, "%s%s x%u", n++ ? ", " : "", rp_sig_name((enum rp_sig)s), a->counts[s]);
	rp_buf_addf(t, "] -> %s (%s) after %" PRIu64 " file(s), %" PRId64 " ms after the first signal",
	    rp_watch_action_name(a->action), a->result, a->files_touched, a->latency_ms);
	if (a->first_write_to_action_ms >= 0)
		rp_buf_addf(t, ", %" PRId64 " ms after its first write", a->first_write_to_action_ms);
	rp_buf_addch(t, '\n');
	for (size_t i = 0; i < a->nfiles; i++) {
		rp_buf_addstr(t, "    ");
		rp_esc_text(t, a->files[i], strlen(a->files[i]));
		rp_buf_addch(t, '\n');
	}
}

static int
on_alert(const struct rp_watch_alert *a, void *ctx)
{
	struct watch_cli *wc = ctx;
	struct rp_buf b, sigs;
	rp_buf_init(&sigs, 4096);
	for (int s = 0; s < RP_SIG_N; s++)
		if (a->counts[s])
			rp_buf_addf(&sigs, "%s\"%s\":%u", sigs.len ? "," : "", rp_sig_name((enum rp_sig)s), a->counts[s]);
	syslog(LOG_ALERT, "watch: pid %d (%s): %s -> %s (%s)", (int)a->pid, a->proc.known ? a->proc.exe : "?",
	    sigs.len ? sigs.buf : "", rp_watch_action_name(a->action), a->result);
	rp_buf_release(&sigs);
	rp_buf_init(&b, 1 << 20);
	if (wc->fmt == RP_FMT_JSONL) {
		alert_json(&b, a);
		rp_buf_addch(&b, '\n');
	} else {
		alert_text(&b, a);
	}
	return emit(wc, &b);
}

static void
canary_json(struct rp_buf *j, const struct rp_watch_canary_read *c)
{
	rp_buf_addstr(j, "{\"kind\":\"canary-read\",\"time\":\"");
	rp_time_fmt_utc(j, c->time);
	rp_buf_addf(j, "\",\"pid\":%d,", (int)c->pid);
	rp_cli_path_json(j, "exe", c->proc.exe, strlen(c->proc.exe));
	rp_cli_path_json(j, "cmdline", c->proc.cmdline, strlen(c->proc.cmdline));
	rp_buf_addf(j, "\"uid\":%d,", c->proc.uid);
	rp_cli_path_json(j, "path", c->path, strlen(c->path));
	j->buf[j->len - 1] = '}';      /* the last field's comma */
}

static int
on_canary_read(const struct rp_watch_canary_read *c, void *ctx)
{
	struct watch_cli *wc = ctx;
	struct rp_buf b;
	rp_buf_init(&b, 1 << 16);
	syslog(LOG_NOTICE, "watch: pid %d (%s) read the canary %s: noted, not acted on", (int)c->pid,
	    c->proc.known ? c->proc.exe : "?", c->path);
	if (wc->fmt == RP_FMT_JSONL) {
		canary_json(&b, c);
		rp_buf_addch(&b, '\n');
	} else {
		rp_time_fmt_local(&b, c->time);
		rp_buf_addf(&b, "  canary read by pid %d", (int)c->pid);
		if (c->proc.known) {
			rp_buf_addstr(&b, " (");
			rp_esc_text(&b, c->proc.cmdline, strlen(c->proc.cmdline));
			rp_buf_addf(&b, ") uid %d", c->proc.uid);
		}
		rp_buf_addstr(&b, ": ");
		rp_esc_text(&b, c->path, strlen(c->path));
		rp_buf_addstr(&b, " (noted; a read alone is not acted on)\n");
	}
	return emit(wc, &b);
}

static int
on_overflow(int64_t time, void *ctx)
{
	struct watch_cli *wc = ctx;
	if (wc->fmt == RP_FMT_JSONL) {
		struct rp_buf b;
		rp_buf_init(&b, 4096);
		rp_buf_addstr(&b, "{\"kind\":\"overflow\",\"time\":\"");
		rp_time_fmt_utc(&b, time);
		rp_buf_addstr(&b, "\"}\n");
		emit(wc, &b);
	} else {
		warning_out(wc, "the fanotify queue overflowed: events were lost; rescanning");
	}
	syslog(LOG_WARNING, "watch: fanotify queue overflow, rescanning");
	return wc->failed ? RP_ERR_SYSTEM : 0;
}

/* In a child. */
static void
on_rescan(const struct rp_watch_rescan *r, void *ctx)
{
	struct watch_cli *wc = ctx;
	struct rp_buf b;
	rp_buf_init(&b, 1 << 20);
	if (wc->fmt == RP_FMT_JSONL) {
		rp_buf_addf(&b, "{\"kind\":\"rescan\",\"files\":%" PRIu64 ",\"random\":%" PRIu64 ",\"paths\":[",
		    r->files, r->random);
		for (size_t i = 0; i < r->npaths; i++) {
			int lossy;
			rp_buf_addstr(&b, i ? ",\"" : "\"");
			rp_esc_json(&b, r->paths[i], strlen(r->paths[i]), &lossy);
			rp_buf_addch(&b, '"');
		}
		rp_buf_addstr(&b, "]}\n");
	} else {
		rp_buf_addf(&b, "rescan after overflow: %" PRIu64 " file(s) changed since start, %" PRIu64
		    " random\n", r->files, r->random);
	}
	emit(wc, &b);
}

/* In a child. */
static void
on_restored(pid_t pid, uint64_t restored, uint64_t failed, void *ctx)
{
	struct watch_cli *wc = ctx;
	struct rp_buf b;
	rp_buf_init(&b, 4096);
	if (wc->fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"restored\",\"pid\":%d,\"restored\":%" PRIu64 ",\"failed\":%" PRIu64
		    "}\n", (int)pid, restored, failed);
	else
		rp_buf_addf(&b, "restored %" PRIu64 " file(s) touched by pid %d (%" PRIu64 " failed)\n",
		    restored, (int)pid, failed);
	emit(wc, &b);
}

/* Nothing is created: without the database there is no case to journal in. */
static int
journal_wanted(void *ctx)
{
	struct watch_cli *wc = ctx;
	return access(wc->cli->db_path, F_OK) == 0;
}

/* In a child: the alert (or the canary read) in the journal of the open case. */
static void
on_journal(const struct rp_watch_alert *a, const struct rp_watch_canary_read *c, int64_t time, void *ctx)
{
	struct watch_cli *wc = ctx;
	struct rp_store *st = NULL;
	struct rp_buf data;
	char msg[PATH_MAX + 128];
	int r = rp_store_open(&st, wc->cli->db_path, 0);
	if (r != 0) {
		snprintf(msg, sizeof(msg), "cannot open the database %s (%s): the alert is not journaled",
		    wc->cli->db_path, rp_strerror(r));
		warning_out(wc, msg);
		return;
	}
	rp_buf_init(&data, 1 << 20);
	if (a != NULL)
		alert_json(&data, a);
	else
		canary_json(&data, c);
	/* the store's alert log keeps it whether or not a case is open (fleet push sends it) */
	if ((r = rp_alertlog_watch(st, time, a != NULL ? "ransomware behaviour detected and acted on" :
	    "a canary file was read (noted; a read alone is not acted on)", data.buf)) != 0) {
		snprintf(msg, sizeof(msg), "cannot record the alert in the alert log of %s (%s)",
		    wc->cli->db_path, rp_strerror(r));
		warning_out(wc, msg);
	}
	r = rp_journal_append(st, 0, time, "watch", "riposte watch", a != NULL ?
	    "ransomware behaviour detected and acted on" :
	    "a canary file was read (noted; a read alone is not acted on)", data.buf, NULL);
	if (r != 0 && r != RP_ERR_NOTFOUND) {
		snprintf(msg, sizeof(msg), "cannot journal the alert in the case of %s (%s)",
		    wc->cli->db_path, rp_strerror(r));
		warning_out(wc, msg);
	}
	rp_buf_release(&data);
	rp_store_close(st);
}

const struct rp_watch_cb rp_watch_cli_cb = {
	.on_ready = on_ready,
	.on_alert = on_alert,
	.on_canary_read = on_canary_read,
	.on_warning = on_warning,
	.on_overflow = on_overflow,
	.on_rescan = on_rescan,
	.on_restored = on_restored,
	.journal_wanted = journal_wanted,
	.on_journal = on_journal,
};

int
rp_watch_cli_summary(struct watch_cli *wc, const struct rp_watch_stats *s)
{
	struct rp_buf b;
	rp_buf_init(&b, 4096);
	if (wc->fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"alerts\":%" PRIu64 ",\"events\":%" PRIu64
		    ",\"copies\":%" PRIu64 ",\"saved\":%" PRIu64 ",\"overflows\":%" PRIu64 "}\n",
		    s->alerts, s->events, s->copies, s->saved, s->overflows);
	else
		rp_buf_addf(&b, "%" PRIu64 " alert(s), %" PRIu64 " event(s), %" PRIu64 " cop%s, %"
		    PRIu64 " deleted file(s) saved, %" PRIu64 " overflow(s)\n", s->alerts, s->events, s->copies,
		    s->copies == 1 ? "y" : "ies", s->saved, s->overflows);
	int r = emit(wc, &b);
	syslog(LOG_INFO, "watch: ended, %" PRIu64 " alert(s)", s->alerts);
	return r == 0 ? 0 : -1;
}
