/*
 * A group that reached the threshold, and what is said about groups: the signals are
 * added here (rp_watch_signal), and a group that crosses RP_BEH_THRESHOLD within the
 * window is acted on, once: every process of the group gets SIGSTOP (or SIGKILL), and
 * so does a parent that forked two or more of them (never a session leader); for an
 * smbd its client is named (smbstatus) and, with block_client, dropped; with
 * RP_WATCH_KILL a child puts back the files the group touched. The report goes to
 * on_alert and, in a child (the database may be under a watched tree), to on_journal;
 * the first canary a group reads is noted the same way (on_canary_read).
 * Runs on the watcher's thread only (watch-int.h).
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"
#include "core/time.h"
#include "respond/samba.h"
#include "respond/watch-int.h"

struct kill_restore {
	uint64_t done, failed;
};

static void
restored_cb(const struct rp_shadow_entry *e, enum rp_restore_result res, int err, void *ctx)
{
	struct kill_restore *k = ctx;
	if (res == RP_RESTORE_DONE)
		k->done++;
	else if (res == RP_RESTORE_FAILED)
		k->failed++;
}

struct restore_job {
	struct rp_beh_group *g;
	pid_t pid;
};

/* In a child: the files a killed group touched, put back from the shadow. */
static void
restore_child(struct rp_watch *w, void *arg)
{
	struct restore_job *rj = arg;
	struct kill_restore k = { 0, 0 };
	rp_shadow_restore(w->shadow_dir, (const char *const *)rj->g->files, rj->g->nfiles, restored_cb, &k);
	if (w->cb.on_restored != NULL)
		w->cb.on_restored(rj->pid, k.done, k.failed, w->ctx);
}

struct journal_job {
	const struct rp_watch_alert *a;
	const struct rp_watch_canary_read *c;
	int64_t when;
};

static void
journal_child(struct rp_watch *w, void *arg)
{
	struct journal_job *jj = arg;
	w->cb.on_journal(jj->a, jj->c, jj->when, w->ctx);
}

/* Hands an alert or a canary read to on_journal, in a child: the case's database may
 * be under a watched tree, where a write from the watcher's own thread would wait for
 * an answer only that thread can give. */
static void
journal(struct rp_watch *w, const struct rp_watch_alert *a, const struct rp_watch_canary_read *c)
{
	struct journal_job jj = { a, c, rp_watch_wall(w) };
	if (w->cb.on_journal == NULL || (w->cb.journal_wanted != NULL && !w->cb.journal_wanted(w->ctx)))
		return;
	if (rp_watch_spawn(w, journal_child, &jj) != 0)
		rp_watch_warn(w, RP_ERR_SYSTEM, "cannot start the journal's process: the alert is not journaled");
}

/* A callback's negative code ends the run (an output that failed). */
static void
callback_said(struct rp_watch *w, int r)
{
	if (r < 0 && w->failed == 0)
		w->failed = r;
}

static void
act(struct rp_watch *w, struct rp_beh_group *g, pid_t pid, int score)
{
	int64_t t_act = rp_time_mono_ms();
	struct pcache *p = rp_watch_proc_of(w, pid);
	struct rp_samba_client client;
	int is_smbd = 0, blocked = 0;
	unsigned done = 0, refused = 0;
	g->acted = 1;
	w->alerts++;

	if (w->action != RP_WATCH_ALERT) {
		int sig = w->action == RP_WATCH_KILL ? SIGKILL : SIGSTOP;
		pid_t parents[RP_BEH_MAX_PIDS];
		size_t npar = 0;
		for (size_t i = 0; i < g->npids; i++) {
			struct pcache *q = rp_watch_proc_of(w, g->pids[i]);
			int r = rp_proc_signal(g->pids[i], sig);
			if (r == 0)
				done++;
			else if (r == RP_ERR_REFUSED)
				refused++;
			/* a parent that forked two or more of the group's writers is the attack */
			if (q != NULL && q->info.ppid > 1) {
				size_t k, same = 0;
				for (k = 0; k < g->npids; k++) {
					struct pcache *o = rp_watch_proc_of(w, g->pids[k]);
					if (o != NULL && o->info.ppid == q->info.ppid)
						same++;
				}
				for (k = 0; k < npar && parents[k] != q->info.ppid; k++)
					;
				if (same >= 2 && k == npar)
					parents[npar++] = q->info.ppid;
			}
		}
		for (size_t k = 0; k < npar; k++) {
			struct pcache *pp = rp_watch_proc_of(w, parents[k]);
			if (pp == NULL || pp->info.sid == pp->pid || pp->allowed)
				continue;   /* never a session leader (the user's shell) */
			if (rp_proc_signal(parents[k], sig) == 0)
				done++;
		}
	}
	if (p != NULL) {
		const char *base = strrchr(p->info.exe, '/');
		is_smbd = base != NULL && strcmp(base + 1, "smbd") == 0;
	}
	memset(&client, 0, sizeof(client));
	if (is_smbd) {
		char msg[160];
		int r = rp_samba_lookup(pid, &client);
		if (r != 0) {
			snprintf(msg, sizeof(msg), "smbstatus did not name the client of smbd %d (%s)", (int)pid,
			    r == RP_ERR_NOTFOUND ? "no such session" : "no answer: is smbstatus installed?");
			rp_watch_warn(w, r, msg);
		} else if (w->block_client && client.addr[0]) {
			r = rp_samba_block(client.addr);
			blocked = r == 0;
			if (r != 0) {
				snprintf(msg, sizeof(msg), "--block-client: %s was not blocked: %s", client.addr,
				    rp_strerror(r));
				rp_watch_warn(w, r, msg);
			}
		}
	}

	int restoring = 0;
	if (w->action == RP_WATCH_KILL && w->shadow != NULL && g->nfiles > 0) {
		struct restore_job rj = { g, pid };
		usleep(20000);   /* let SIGKILL land before the files are put back */
		restoring = rp_watch_spawn(w, restore_child, &rj) == 0;
	}

	struct rp_watch_alert a;
	struct timespec now_rt;
	memset(&a, 0, sizeof(a));
	a.time = rp_watch_wall(w);
	a.pid = pid;
	a.pids = g->pids;
	a.npids = g->npids;
	rp_watch_proc_view(p, &a.proc);
	a.smbd = is_smbd;
	a.client = client.addr;
	a.user = client.user;
	a.blocked = blocked;
	a.files = (const char *const *)g->files;
	a.nfiles = g->nfiles;
	a.files_touched = g->nfiles_total;
	a.counts = g->counts;
	a.score = score;
	a.action = w->action;
	a.result = w->action == RP_WATCH_ALERT ? "reported" : done > 0 ?
	    (w->action == RP_WATCH_STOP ? "stopped" : "killed") : refused > 0 ? "refused" : "vanished";
	a.action_time = rp_watch_wall(w);
	clock_gettime(CLOCK_REALTIME, &now_rt);
	a.action_unix_ms = (int64_t)now_rt.tv_sec * 1000 + now_rt.tv_nsec / 1000000;
	a.latency_ms = t_act - g->first_bad_ms;
	a.first_write_to_action_ms = g->first_write_ms ? t_act - g->first_write_ms : -1;
	a.restoring = restoring;
	journal(w, &a, NULL);
	if (w->cb.on_alert != NULL)
		callback_said(w, w->cb.on_alert(&a, w->ctx));
}

/* Adds a signal to g; acts when the group crosses the threshold. Returns 1 when the
 * group is (now or already) acted on. */
int
rp_watch_signal(struct rp_watch *w, struct rp_beh_group *g, pid_t pid, enum rp_sig s)
{
	int score = rp_beh_add(g, s, rp_time_mono_ms(), WINDOW_MS);
	if (!g->acted && score >= RP_BEH_THRESHOLD)
		act(w, g, pid, score);
	/* it scores: the new files it closed that had a cheap look only are judged
	 * whole, after the action (a canary read alone is no step: backups read them) */
	if (s != RP_SIG_CANARY_READ)
		rp_watch_changed(w, g);
	return g->acted;
}

/*
 * A canary read: scored a little (RP_SIG_CANARY_READ: a group that also reads many
 * files and writes random ones gets there sooner) and noted, once per group, through
 * on_canary_read and on_journal (a read by an unknown process matters for data theft),
 * but neither acted on nor alerted on by itself: every backup, antivirus scan and
 * indexer reads every file. Returns 1 when the group is (now or already) acted on.
 */
int
rp_watch_note_canary_read(struct rp_watch *w, struct rp_beh_group *g, const struct pcache *p,
    pid_t pid, const char *path)
{
	if (g->counts[RP_SIG_CANARY_READ] > 0)
		return g->acted;
	struct rp_watch_canary_read c;
	memset(&c, 0, sizeof(c));
	c.time = rp_watch_wall(w);
	c.pid = pid;
	rp_watch_proc_view(p, &c.proc);
	c.path = path;
	journal(w, NULL, &c);
	if (w->cb.on_canary_read != NULL)
		callback_said(w, w->cb.on_canary_read(&c, w->ctx));
	return rp_watch_signal(w, g, pid, RP_SIG_CANARY_READ);
}
