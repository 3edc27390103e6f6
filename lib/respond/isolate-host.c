/*
 * The host's side of an isolation (see isolate.h): which SSH session it would cut, the
 * ruleset's hash, --confirm, the process that undoes an unconfirmed isolation and that
 * process's wait. isolate.c holds the ruleset and the kernel table.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"
#include "core/sha256.h"
#include "core/time.h"
#include "respond/isolate.h"
#include "respond/proc.h"

#define SSH_SOURCES_MAX 16

/* The addresses of the SSH session the process pid runs in: the environment's values
 * and sshd's sockets. */
static size_t
ssh_sources(const char *proc, int pid, const char *const ssh_env[2], struct rp_sock *out,
    size_t max)
{
	struct rp_sock *peers = NULL;
	size_t n = 0, np = 0, i;
	char tok[64];
	int elsewhere = 0;

	if (rp_proc_ssh_peers(proc, pid, &peers, &np, &elsewhere) != 0)
		np = 0;
	/* under an sshd of another network namespace (ip netns exec from an SSH session),
	 * isolating this namespace cannot cut that session, and SSH_CONNECTION is its */
	for (i = 0; ssh_env != NULL && i < 2 && n < max && !elsewhere; i++) {
		const char *v = ssh_env[i];
		struct rp_net net;
		size_t k;

		if (v == NULL || *v == '\0')
			continue;
		k = strcspn(v, " ");
		if (k == 0 || k >= sizeof(tok))
			continue;
		memcpy(tok, v, k);
		tok[k] = '\0';
		if (rp_net_parse(tok, &net) != 0)
			continue;
		memset(&out[n], 0, sizeof(out[n]));
		out[n].family = net.family;
		memcpy(out[n].raddr, net.addr, 16);
		n++;
	}
	for (i = 0; i < np && n < max; i++) {
		out[n] = peers[i];
		/* an IPv4 client seen by an IPv6 socket: ::ffff:a.b.c.d */
		if (out[n].family == AF_INET6 &&
		    memcmp(out[n].raddr, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0) {
			memmove(out[n].raddr, out[n].raddr + 12, 4);
			memset(out[n].raddr + 4, 0, 12);
			out[n].family = AF_INET;
		}
		n++;
	}
	free(peers);
	return n;
}

int
rp_isolate_lockout(const struct rp_isolate *iso, const char *proc, int pid,
    const char *const ssh_env[2], struct rp_buf *who)
{
	struct rp_sock src[SSH_SOURCES_MAX];
	size_t n = ssh_sources(proc, pid, ssh_env, src, SSH_SOURCES_MAX), i, j;

	for (i = 0; i < n; i++) {
		struct rp_net as = { .family = src[i].family,
		    .prefix = src[i].family == AF_INET ? 32 : 128 };

		for (j = 0; j < iso->nallow; j++)
			if (rp_net_contains(&iso->allow[j], src[i].family, src[i].raddr))
				break;
		if (j == iso->nallow) {
			int r;

			memcpy(as.addr, src[i].raddr, 16);
			if ((r = rp_net_fmt(who, &as)) != 0)
				return r;
			return 1;
		}
	}
	return 0;
}

int
rp_isolate_ruleset_sha256(const struct rp_isolate *iso, struct rp_buf *rs, char hash[65])
{
	int r;

	rp_buf_reset(rs);
	if ((r = rp_isolate_ruleset(iso, rs)) != 0)
		return r;
	return rp_sha256_hex(rs->buf, rs->len, hash);
}

int
rp_isolate_confirm(struct rp_isolate *iso, char hash[65], struct rp_buf *err)
{
	struct rp_buf rs = RP_BUF_INIT;
	int r;

	if (iso->expires == 0)
		return 1;
	iso->expires = 0;
	if ((r = rp_isolate_ruleset_sha256(iso, &rs, hash)) == 0)
		r = rp_isolate_apply(rs.buf, err);
	rp_buf_release(&rs);
	return r;
}

static int
self_exe(char *path, size_t max)
{
	ssize_t n = readlink("/proc/self/exe", path, max - 1);

	if (n <= 0)
		return -1;
	path[n] = '\0';
	return 0;
}

static int
same_netns_as_init(void)
{
	struct stat a, b;

	if (stat("/proc/self/ns/net", &a) != 0 || stat("/proc/1/ns/net", &b) != 0)
		return 0;
	return a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

int
rp_isolate_timer_start(const struct rp_isolate *iso, const char *db_path, const char **how)
{
	char exe[4096], when[32], unit[64], db[4096];
	struct rp_buf t = RP_BUF_INIT;
	int pfd[2], st, err = 0;
	pid_t pid;
	ssize_t k;

	if (self_exe(exe, sizeof(exe)) != 0)
		return RP_ERR_SYSTEM;
	if (rp_time_fmt_utc(&t, iso->expires) != 0) {
		rp_buf_release(&t);
		return RP_ERR_NOMEM;
	}
	snprintf(when, sizeof(when), "%s", t.buf);
	rp_buf_release(&t);
	if (db_path[0] == '/') {
		snprintf(db, sizeof(db), "%s", db_path);
	} else {
		char cwd[2048];

		if (getcwd(cwd, sizeof(cwd)) == NULL)
			return RP_ERR_SYSTEM;
		snprintf(db, sizeof(db), "%s/%s", cwd, db_path);
	}
	snprintf(unit, sizeof(unit), "riposte-isolate-%s", iso->id);

	if (access("/run/systemd/system", F_OK) == 0 && same_netns_as_init() &&
	    access("/usr/bin/systemd-run", X_OK) == 0) {
		char *argv[] = { (char *)"systemd-run", (char *)"--quiet", (char *)"--collect",
		    (char *)"--unit", unit, (char *)"--", exe, (char *)"isolate",
		    (char *)"--expire-at", when, (char *)"--id", (char *)iso->id,
		    (char *)"--db", db, NULL };

		if ((pid = fork()) == 0) {
			int nul = open("/dev/null", O_RDWR);

			if (nul >= 0) {
				dup2(nul, 0);
				dup2(nul, 1);
			}
			execv("/usr/bin/systemd-run", argv);
			_exit(127);
		}
		if (pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
		    WEXITSTATUS(st) == 0) {
			*how = "systemd service";
			return 0;
		}
		/* fall back to a process of our own */
	}

	if (pipe2(pfd, O_CLOEXEC) != 0)
		return RP_ERR_SYSTEM;
	if ((pid = fork()) < 0) {
		err = errno;
		close(pfd[0]);
		close(pfd[1]);
		errno = err;
		return RP_ERR_SYSTEM;
	}
	if (pid == 0) {
		char *argv[] = { (char *)"riposte", (char *)"isolate", (char *)"--expire-at", when,
		    (char *)"--id", (char *)iso->id, (char *)"--db", db, NULL };
		int nul;

		close(pfd[0]);
		setsid();
		if (fork() != 0)
			_exit(0);   /* the grandchild is adopted by init: no session, no terminal */
		signal(SIGHUP, SIG_IGN);
		if (chdir("/") != 0)
			_exit(127);
		if ((nul = open("/dev/null", O_RDWR)) >= 0) {
			dup2(nul, 0);
			dup2(nul, 1);
			dup2(nul, 2);
			if (nul > 2)
				close(nul);
		}
		execv(exe, argv);
		err = errno;
		k = write(pfd[1], &err, sizeof(err));
		(void)k;
		_exit(127);
	}
	close(pfd[1]);
	waitpid(pid, &st, 0);
	/* EOF: the exec went through (the pipe closed with it); else its errno */
	do {
		k = read(pfd[0], &err, sizeof(err));
	} while (k < 0 && errno == EINTR);
	close(pfd[0]);
	if (k > 0) {
		errno = err;
		return RP_ERR_SYSTEM;
	}
	*how = "detached process";
	return 0;
}

int
rp_isolate_expire_wait(const char *id, int64_t expire_at, struct rp_isolate *iso)
{
	int64_t now;
	int r;

	for (;;) {
		r = rp_isolate_status(iso, NULL, NULL);
		if (r == RP_ERR_NOTFOUND || r == RP_ERR_FORMAT || (r == 0 &&
		    (strcmp(iso->id, id) != 0 || iso->expires != expire_at)))
			return 1;    /* undone, confirmed or replaced */
		now = (int64_t)time(NULL);
		if (r == 0 && now >= expire_at)
			break;    /* on a passing error (memory), try again after the sleep */
		{
			int64_t left = expire_at - now;
			struct timespec ts = { .tv_sec = left < 10 ? (time_t)left : 10 };

			nanosleep(&ts, NULL);
		}
	}
	return rp_isolate_remove(NULL);
}
