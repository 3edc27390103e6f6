/*
 * A drill's run (see sim.h): the drill directory taken as prepared or set up afresh,
 * the attacker started in a session of its own and waited for, the outcome, and the
 * checks around it (the compiler of 'compile', whether an attacker is still alive).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"
#include "core/file.h"
#include "sim/internal.h"

int
rp_sim_drill_open(const char *resolved, int exists, int want_prepared, int *dirfd,
    struct rp_sim_prepared *prepared)
{
	int r;

	*dirfd = -1;
	if (exists && want_prepared && rp_sim_dir_open_marked(resolved, dirfd) == 0) {
		if (rp_sim_prepared_info(*dirfd, prepared) == 0)
			return 1;
		close(*dirfd);
		*dirfd = -1;
	}
	if ((r = rp_sim_dir_setup(resolved, exists, dirfd)) != 0)
		return r;
	return 0;
}

int
rp_sim_adopt_prepared(const struct rp_sim_prepared *pp, struct rp_sim_opts *o, int files_given,
    int seed_given)
{
	if ((files_given && o->files != pp->files) || (seed_given && o->seed != pp->seed))
		return RP_ERR_INVALID;
	o->files = pp->files;
	o->seed = pp->seed;
	return 0;
}

char *
rp_sim_find_cc(const char *path)
{
	struct rp_buf b = RP_BUF_INIT;
	const char *p, *e;

	for (p = path; p != NULL && *p; p = *e ? e + 1 : e) {
		e = strchr(p, ':');
		if (e == NULL)
			e = p + strlen(p);
		if (e == p || *p != '/')
			continue;
		rp_buf_reset(&b);
		if (rp_buf_addf(&b, "%.*s/cc", (int)(e - p), p) == 0 && access(b.buf, X_OK) == 0)
			return rp_buf_detach(&b, NULL);
	}
	rp_buf_release(&b);
	return NULL;
}

static int64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

const char *
rp_sim_outcome_name(enum rp_sim_outcome o)
{
	switch (o) {
	case RP_SIM_FINISHED: return "finished";
	case RP_SIM_STOPPED: return "stopped";
	case RP_SIM_KILLED: return "killed";
	case RP_SIM_FAILED: break;
	}
	return "failed";
}

static void
warn(const struct rp_sim_run_cb *cb, void *ctx, const char *what, int err)
{
	struct rp_buf b = RP_BUF_INIT;

	if (cb->on_warning != NULL && rp_buf_addf(&b, "%s: %s", what, strerror(err)) == 0)
		cb->on_warning(ctx, b.buf);
	rp_buf_release(&b);
}

int
rp_sim_run(int dirfd, const struct rp_sim_scenario *sc, const struct rp_sim_opts *o,
    const struct rp_sim_run_cb *cb, void *ctx, struct rp_sim_result *res)
{
	struct rp_buf pidtxt = RP_BUF_INIT;
	int go[2] = { -1, -1 }, st = 0, pidfd, r = 0;
	char c = 1;
	pid_t pid;

	memset(res, 0, sizeof(*res));
	res->outcome = RP_SIM_FAILED;
	if (pipe2(go, O_CLOEXEC) != 0) {
		res->failed_call = "pipe";
		return RP_ERR_SYSTEM;
	}
	res->started_ns = now_ns();
	if ((pid = fork()) < 0) {
		res->failed_call = "fork";
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if (pid == 0) {
		/* the attacker: in a session of its own, as a dropped binary started by a
		 * service would be (a watcher scores it apart from the simulator; the
		 * children of 'forker' stay in it); waits until its pid is published */
		close(go[1]);
		if (setsid() < 0 || read(go[0], &c, 1) != 1)
			_exit(3);
		_exit(rp_sim_attack(dirfd, sc, o) == 0 ? 0 : 2);
	}
	close(go[0]);
	go[0] = -1;
	res->pid = (long)pid;
	if (cb->on_started != NULL)
		cb->on_started(ctx, res->pid);
	/* the pid file first: a watcher or a script may read it as soon as the
	 * attacker writes */
	pidfd = openat(dirfd, RP_SIM_STATE_DIR "/pid", O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_CLOEXEC, 0600);
	if (pidfd < 0 || rp_buf_addf(&pidtxt, "%ld\n", res->pid) != 0 ||
	    rp_write_all(pidfd, pidtxt.buf, pidtxt.len) != 0)
		warn(cb, ctx, "cannot write " RP_SIM_STATE_DIR "/pid", errno);
	if (pidfd >= 0)
		close(pidfd);
	if (cb->on_attacker != NULL)
		cb->on_attacker(ctx, res->pid);
	if (write(go[1], &c, 1) != 1)
		warn(cb, ctx, "cannot start the attacker", errno);
	close(go[1]);
	go[1] = -1;
	while (waitpid(pid, &st, WUNTRACED) < 0) {
		if (errno != EINTR) {
			res->failed_call = "waitpid";
			r = RP_ERR_SYSTEM;
			goto out;
		}
	}
	res->ended_ns = now_ns();
	if (cb->on_ended != NULL)
		cb->on_ended(ctx);
	rp_sim_progress_read(dirfd, &res->progress);
	if (WIFSTOPPED(st)) {
		res->outcome = RP_SIM_STOPPED;
		res->signo = WSTOPSIG(st);
	} else if (WIFSIGNALED(st)) {
		res->outcome = RP_SIM_KILLED;
		res->signo = WTERMSIG(st);
	} else if (WEXITSTATUS(st) == 0) {
		res->outcome = RP_SIM_FINISHED;
	} else {
		res->outcome = RP_SIM_FAILED;
	}
out:
	if (r != 0) {
		int e = errno;

		if (go[0] >= 0)
			close(go[0]);
		if (go[1] >= 0)
			close(go[1]);
		errno = e;
	}
	rp_buf_release(&pidtxt);
	return r;
}

long
rp_sim_attacker_alive(int dirfd, const char *proc)
{
	struct rp_buf b = RP_BUF_INIT, stat = RP_BUF_INIT, path = RP_BUF_INIT;
	long pid = 0;
	char *end, *p;

	if (rp_file_read_all(dirfd, RP_SIM_STATE_DIR "/pid", &b, 64) == 0) {
		pid = strtol(b.buf, &end, 10);
		if (pid <= 1 || kill((pid_t)pid, 0) != 0)
			pid = 0;
	}
	if (pid > 0) {
		/* a zombie is dead */
		if (rp_buf_addf(&path, "%s/%ld/stat", proc, pid) == 0 &&
		    rp_file_read_all(AT_FDCWD, path.buf, &stat, 4096) == 0 &&
		    (p = strrchr(stat.buf, ')')) != NULL && p[1] == ' ' && (p[2] == 'Z' || p[2] == 'X'))
			pid = 0;
	}
	rp_buf_release(&b);
	rp_buf_release(&stat);
	rp_buf_release(&path);
	return pid;
}
