/*
 * The watcher as a library (respond/watch.h), without the CLI: set-up errors come back
 * as codes with a message; run in a thread of its own, it says ready, stops a process
 * that writes a canary before the write lands (on_alert, then on_journal in a child),
 * notes one that reads it (on_canary_read), and ends at rp_watch_stop. The part that
 * needs fanotify is skipped when not root or where the temp dir refuses it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"
#include "respond/canary.h"
#include "respond/watch.h"

struct seen {
	pthread_mutex_t mu;
	int ready, alerts, canary_reads, warnings;
	pid_t alert_pid;
	unsigned canary_count;
	char result[16];
	pid_t read_pid;
	char journal_path[256];
};

static int
on_ready(const struct rp_watch_ready *r, void *ctx)
{
	struct seen *s = ctx;
	pthread_mutex_lock(&s->mu);
	s->ready = r->dirs >= 1 && r->pid == getpid() ? 1 : -1;
	pthread_mutex_unlock(&s->mu);
	return 0;
}

static int
on_alert(const struct rp_watch_alert *a, void *ctx)
{
	struct seen *s = ctx;
	pthread_mutex_lock(&s->mu);
	s->alerts++;
	s->alert_pid = a->pid;
	s->canary_count = a->counts[RP_SIG_CANARY];
	snprintf(s->result, sizeof(s->result), "%s", a->result);
	pthread_mutex_unlock(&s->mu);
	return 0;
}

static int
on_canary_read(const struct rp_watch_canary_read *c, void *ctx)
{
	struct seen *s = ctx;
	pthread_mutex_lock(&s->mu);
	s->canary_reads++;
	s->read_pid = c->pid;
	pthread_mutex_unlock(&s->mu);
	return 0;
}

static int
on_warning(int code, const char *msg, void *ctx)
{
	struct seen *s = ctx;
	pthread_mutex_lock(&s->mu);
	s->warnings++;
	pthread_mutex_unlock(&s->mu);
	return 0;
}

/* In the engine's child: what a CLI would put in the case's journal. */
static void
on_journal(const struct rp_watch_alert *a, const struct rp_watch_canary_read *c, int64_t time, void *ctx)
{
	struct seen *s = ctx;
	if (a == NULL)
		return;
	FILE *f = fopen(s->journal_path, "w");
	if (f != NULL) {
		fprintf(f, "alert pid %d %s\n", (int)a->pid, a->result);
		fclose(f);
	}
}

static const struct rp_watch_cb cbs = {
	.on_ready = on_ready,
	.on_alert = on_alert,
	.on_canary_read = on_canary_read,
	.on_warning = on_warning,
	.on_journal = on_journal,
};

static void
setup_errors(void **state)
{
	struct seen s;
	struct rp_watch *w = (struct rp_watch *)&s;
	struct rp_buf msg;
	const char *missing[] = { "/nonexistent/riposte-dir" };
	const char *file[] = { "/etc/hostname" };
	struct rp_watch_opts o;
	memset(&s, 0, sizeof(s));
	memset(&o, 0, sizeof(o));
	rp_buf_init(&msg, 4096);
	o.paths = missing;
	o.npaths = 1;
	o.shadow_dir = "/var/tmp/riposte-unit-shadow-unused";
	o.shadow_max = 1 << 20;
	assert_int_equal(rp_watch_new(&w, &o, &cbs, &s, &msg), RP_ERR_NOTFOUND);
	assert_null(w);
	assert_string_equal(msg.buf, "cannot watch '/nonexistent/riposte-dir': No such file or directory");
	o.paths = file;
	assert_int_equal(rp_watch_new(&w, &o, &cbs, &s, &msg), RP_ERR_INVALID);
	assert_string_equal(msg.buf, "cannot watch '/etc/hostname': not a directory");
	o.npaths = 0;
	assert_int_equal(rp_watch_new(&w, &o, &cbs, &s, NULL), RP_ERR_INVALID);
	rp_watch_free(NULL);
	assert_string_equal(rp_watch_action_name(RP_WATCH_KILL), "kill");
	rp_buf_release(&msg);
}

struct runner {
	struct rp_watch *w;
	int r;
};

static void *
run_thread(void *arg)
{
	struct runner *rn = arg;
	rn->r = rp_watch_run(rn->w, NULL);
	return NULL;
}

/* Waits until *flag (under s->mu) is not 0, at most 10 s. */
static int
wait_for(struct seen *s, const int *flag)
{
	for (int i = 0; i < 1000; i++) {
		pthread_mutex_lock(&s->mu);
		int v = *flag;
		pthread_mutex_unlock(&s->mu);
		if (v != 0)
			return v;
		usleep(10000);
	}
	return 0;
}

/* A child in a session of its own: with write set, appends to the canary path, else
 * reads it. Returns its pid. */
static pid_t
toucher(const char *path, int write_it)
{
	pid_t c = fork();
	if (c == 0) {
		char buf[4096];
		setsid();
		int fd = open(path, write_it ? O_WRONLY | O_APPEND : O_RDONLY);
		if (fd < 0)
			_exit(2);
		if (write_it) {
			if (write(fd, "2026-9999;x\n", 12) != 12)
				_exit(3);
		} else {
			while (read(fd, buf, sizeof(buf)) > 0)
				;
		}
		close(fd);
		_exit(0);
	}
	return c;
}

static void
canary_stop_and_note(void **state)
{
	char dir[] = "/var/tmp/riposte-unit-watch-XXXXXX";
	char tree[300], shadow[300], canary[400], cmd[400];
	struct seen s;
	struct rp_watch *w = NULL;
	struct rp_buf msg;
	size_t n;
	if (geteuid() != 0)
		skip();
	assert_non_null(mkdtemp(dir));
	snprintf(tree, sizeof(tree), "%s/tree", dir);
	snprintf(shadow, sizeof(shadow), "%s/shadow", dir);
	assert_int_equal(mkdir(tree, 0755), 0);
	assert_int_equal(rp_canary_deploy(tree, 1795330740, &n), 0);
	snprintf(canary, sizeof(canary), "%s/%s", tree, rp_canary_names[0]);
	memset(&s, 0, sizeof(s));
	pthread_mutex_init(&s.mu, NULL);
	snprintf(s.journal_path, sizeof(s.journal_path), "%s/journal", dir);
	const char *paths[] = { tree };
	struct rp_watch_opts o;
	memset(&o, 0, sizeof(o));
	o.paths = paths;
	o.npaths = 1;
	o.action = RP_WATCH_STOP;
	o.shadow_dir = shadow;
	o.shadow_max = 1 << 24;
	o.shadow_keep = 3600;
	o.now = (int64_t)time(NULL);
	rp_buf_init(&msg, 4096);
	int r = rp_watch_new(&w, &o, &cbs, &s, &msg);
	if (r == RP_ERR_PERM || r == RP_ERR_UNSUPPORTED) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		assert_int_equal(system(cmd), 0);
		rp_buf_release(&msg);
		skip();
	}
	assert_int_equal(r, 0);
	struct runner rn = { w, -1 };
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, run_thread, &rn), 0);
	assert_int_equal(wait_for(&s, &s.ready), 1);

	/* a reader: noted, not stopped */
	int st;
	pid_t c = toucher(canary, 0);
	assert_int_equal(waitpid(c, &st, WUNTRACED), c);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	assert_int_equal(wait_for(&s, &s.canary_reads), 1);
	assert_int_equal(s.read_pid, c);

	/* a writer: stopped before the write lands, the alert journaled by a child */
	c = toucher(canary, 1);
	assert_int_equal(waitpid(c, &st, WUNTRACED), c);
	assert_true(WIFSTOPPED(st));
	assert_int_equal(wait_for(&s, &s.alerts), 1);
	assert_int_equal(s.alert_pid, c);
	assert_int_equal(s.canary_count, 1);
	assert_string_equal(s.result, "stopped");
	assert_int_equal(rp_canary_intact(canary), 1);
	kill(c, SIGKILL);
	waitpid(c, &st, 0);
	struct stat js;
	for (int i = 0; i < 500 && stat(s.journal_path, &js) != 0; i++)
		usleep(10000);
	assert_int_equal(stat(s.journal_path, &js), 0);

	rp_watch_stop(w);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(rn.r, 0);
	struct rp_watch_stats stats;
	rp_watch_stats(w, &stats);
	assert_int_equal(stats.alerts, 1);
	assert_true(stats.events > 0);
	assert_int_equal(s.canary_reads, 1);
	rp_watch_free(w);
	rp_buf_release(&msg);
	pthread_mutex_destroy(&s.mu);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(setup_errors),
		cmocka_unit_test(canary_stop_and_note),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
