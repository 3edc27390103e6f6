#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/array.h"
#include "core/err.h"
#include "core/file.h"
#include "core/sha256.h"
#include "respond/collect-reader.h"

/*
 * The protocol on a socketpair (a socket, not a pipe: a send to a child that died is
 * EPIPE with MSG_NOSIGNAL, where a pipe's write would raise SIGPIPE in collect).
 * Caller -> child: struct rq, then the path. Child -> caller: any number of PROGRESS
 * bytes (one per PROGRESS_EVERY bytes read: a long hash is not silence), then ANSWER,
 * struct ans and ans.datalen bytes. Both ends are one build of one binary (a fork), so
 * the structs travel as they are.
 */
#define PROGRESS 'P'
#define ANSWER 'R'
#define PROGRESS_EVERY ((uint64_t)1 << 20)
#define REAP_MS 500             /* how long a killed child is waited for, at most */

struct rq {
	uint32_t ops;
	uint32_t pathlen;
	uint64_t max;
};

struct ans {
	int32_t status, err;
	int32_t noatime, changed, hashed;
	uint32_t nmagic;
	struct stat st;
	unsigned char magic[4];
	char hex[65];
	uint64_t datalen;
};

struct rp_reader {
	pid_t pid;                  /* the child, 0 when none */
	int sock;                   /* our end, -1 when none */
	int timeout_ms;
	unsigned max_timeouts, ntimeouts;
};

/* ---- the child ---------------------------------------------------------------- */

struct seen {
	dev_t dev;
	ino_t ino;
	char hex[65];
};

struct child {
	int sock;
	uint64_t unsent;            /* bytes read since the last PROGRESS */
	struct seen *seen;
	size_t nseen, capseen;
};

static void
child_send(struct child *k, const void *p, size_t len)
{
	const char *c = p;
	ssize_t n;

	while (len > 0) {
		n = send(k->sock, c, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(0);           /* the caller is gone or gave up on us */
		c += n;
		len -= (size_t)n;
	}
}

static void
child_progress(struct child *k, uint64_t len)
{
	char p = PROGRESS;

	k->unsent += len;
	if (k->unsent >= PROGRESS_EVERY) {
		k->unsent = 0;
		child_send(k, &p, 1);
	}
}

static void
hash_each(void *arg, uint64_t off, const void *data, size_t len)
{
	(void)off;
	(void)data;
	child_progress(arg, len);
}

static int
child_open(const char *path, unsigned ops, int *noatime)
{
	int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC, fd;

	if (ops & (RP_READ_EXE | RP_READ_PROC)) {
		/* /proc/PID/exe is a link to follow: O_NOFOLLOW would refuse it. Another user's
		 * file refuses O_NOATIME without CAP_FOWNER; the executable is hashed anyway,
		 * as before, its atime may move */
		*noatime = 1;
		if ((fd = open(path, flags | O_NOATIME)) >= 0 || errno != EPERM)
			return fd >= 0 ? fd : RP_ERR_SYSTEM;
		*noatime = 0;
		return (fd = open(path, flags)) >= 0 ? fd : RP_ERR_SYSTEM;
	}
	return rp_open_evidence(AT_FDCWD, path, 0, 0, noatime);
}

static void
child_serve(struct child *k, const struct rq *q, const char *path)
{
	struct ans a;
	struct rp_buf data = RP_BUF_INIT;
	char ch = ANSWER;
	int fd, noatime = 0;
	size_t i;

	memset(&a, 0, sizeof(a));
	k->unsent = 0;
	if ((fd = child_open(path, q->ops, &noatime)) < 0) {
		a.status = fd;
		a.err = errno;
		goto answer;
	}
	a.noatime = noatime;
	if (fstat(fd, &a.st) != 0) {
		a.status = RP_ERR_SYSTEM;
		a.err = errno;
		goto answer;
	}
	if (!S_ISREG(a.st.st_mode)) {
		a.status = RP_ERR_INVALID;      /* a FIFO or device is never read */
		goto answer;
	}
	if (q->ops & RP_READ_MAGIC) {
		ssize_t n = rp_pread_full(fd, a.magic, sizeof(a.magic), 0);

		a.nmagic = n > 0 ? (uint32_t)n : 0;
	}
	if (q->ops & RP_READ_HASH) {
		struct rp_sha256_read rd = { .size = (uint64_t)a.st.st_size, .each = hash_each,
		    .arg = k };
		unsigned char md[RP_SHA256_LEN];

		if ((uint64_t)a.st.st_size > q->max) {
			a.status = RP_ERR_TOOBIG;
			goto answer;
		}
		for (i = 0; i < k->nseen; i++)
			if (k->seen[i].dev == a.st.st_dev && k->seen[i].ino == a.st.st_ino)
				break;
		if (i < k->nseen) {
			memcpy(a.hex, k->seen[i].hex, sizeof(a.hex));
			a.hashed = 1;
		} else if ((a.status = rp_sha256_fd(fd, &rd, md)) != 0) {
			a.err = errno;
			goto answer;
		} else {
			for (i = 0; i < RP_SHA256_LEN; i++)
				snprintf(a.hex + 2 * i, 3, "%02x", md[i]);
			a.hashed = 1;
			/* the cache only saves work: a failed growth is no error */
			if (RP_ARRAY_GROW(&k->seen, &k->capseen, k->nseen + 1,
			    RP_ARRAY_MAX_DEFAULT) == 0) {
				k->seen[k->nseen].dev = a.st.st_dev;
				k->seen[k->nseen].ino = a.st.st_ino;
				memcpy(k->seen[k->nseen].hex, a.hex, sizeof(a.hex));
				k->nseen++;
			}
		}
	}
	if (q->ops & RP_READ_DATA) {
		char chunk[65536];
		struct stat after;
		ssize_t n;

		/* the size fstat gives is not trusted: /proc files say 0 */
		while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				a.status = RP_ERR_SYSTEM;
				a.err = errno;
				break;
			}
			if ((uint64_t)data.len + (uint64_t)n > q->max) {
				a.status = RP_ERR_TOOBIG;
				break;
			}
			if (rp_buf_add(&data, chunk, (size_t)n) != 0) {
				a.status = RP_ERR_NOMEM;
				break;
			}
			child_progress(k, (uint64_t)n);
		}
		if (a.status != 0)
			rp_buf_reset(&data);
		else if (fstat(fd, &after) == 0 &&
		    (after.st_mtim.tv_sec != a.st.st_mtim.tv_sec ||
		    after.st_mtim.tv_nsec != a.st.st_mtim.tv_nsec || after.st_size != a.st.st_size))
			a.changed = 1;
	}
answer:
	if (fd >= 0)
		close(fd);
	a.datalen = data.len;
	child_send(k, &ch, 1);
	child_send(k, &a, sizeof(a));
	if (data.len)
		child_send(k, data.buf, data.len);
	rp_buf_release(&data);
}

static ssize_t
read_full(int fd, void *p, size_t len)
{
	char *c = p;
	size_t got = 0;
	ssize_t n;

	while (got < len) {
		n = read(fd, c + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

static void __attribute__((noreturn))
child_main(int sock, pid_t parent)
{
	struct child k = { .sock = sock };
	struct rlimit nocore = { 0, 0 };
	char path[PATH_MAX];
	struct rq q;

	/* it dies with collect, whichever way collect ends */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
		_exit(0);
	setrlimit(RLIMIT_CORE, &nocore);
	for (;;) {
		if (read_full(sock, &q, sizeof(q)) != (ssize_t)sizeof(q))
			_exit(0);           /* the caller closed: done */
		if (q.pathlen == 0 || q.pathlen >= sizeof(path) ||
		    read_full(sock, path, q.pathlen) != (ssize_t)q.pathlen)
			_exit(1);
		path[q.pathlen] = '\0';
		child_serve(&k, &q, path);
	}
}

/* ---- the caller's side -------------------------------------------------------- */

int
rp_reader_new(struct rp_reader **out, int timeout_ms, unsigned max_timeouts)
{
	struct rp_reader *r;

	*out = NULL;
	if (timeout_ms <= 0 || max_timeouts == 0)
		return RP_ERR_INVALID;
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return RP_ERR_NOMEM;
	r->sock = -1;
	r->timeout_ms = timeout_ms;
	r->max_timeouts = max_timeouts;
	*out = r;
	return 0;
}

/* Kills the child and waits for it a moment only: a child stuck in an uninterruptible
 * wait (a hard NFS mount) cannot be reaped, and collect does not wait for it: it is
 * left to init when collect exits. */
static void
stop_child(struct rp_reader *r, int kill_it)
{
	if (r->sock >= 0)
		close(r->sock);
	r->sock = -1;
	if (r->pid <= 0)
		return;
	if (kill_it)
		kill(r->pid, SIGKILL);
	(void)rp_waitpid_ms(r->pid, NULL, REAP_MS);
	r->pid = 0;
}

void
rp_reader_free(struct rp_reader *r)
{
	if (r == NULL)
		return;
	stop_child(r, 0);        /* its socket's end: it reads EOF and exits */
	free(r);
}

static int
start_child(struct rp_reader *r)
{
	int sv[2];
	pid_t parent = getpid(), pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return RP_ERR_SYSTEM;
	if ((pid = fork()) < 0) {
		close(sv[0]);
		close(sv[1]);
		return RP_ERR_SYSTEM;
	}
	if (pid == 0) {
		close(sv[0]);
		child_main(sv[1], parent);
	}
	close(sv[1]);
	r->pid = pid;
	r->sock = sv[0];
	return 0;
}

/* len bytes from the child; 1 when it stayed silent timeout_ms, -1 when it broke */
static int
recv_full(struct rp_reader *r, void *p, size_t len)
{
	char *c = p;
	ssize_t n;

	while (len > 0) {
		struct pollfd pf = { .fd = r->sock, .events = POLLIN };
		int k = poll(&pf, 1, r->timeout_ms);

		if (k < 0 && errno == EINTR)
			continue;
		if (k == 0)
			return 1;
		if (k < 0)
			return -1;
		n = recv(r->sock, c, len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		c += n;
		len -= (size_t)n;
	}
	return 0;
}

static int
send_req(struct rp_reader *r, const struct rp_read_req *q)
{
	struct rq h = { q->ops, (uint32_t)strlen(q->path), q->max };
	struct iovec iov[2] = { { &h, sizeof(h) }, { (void *)q->path, h.pathlen } };
	struct msghdr m = { .msg_iov = iov, .msg_iovlen = 2 };
	size_t want = sizeof(h) + h.pathlen;
	ssize_t n;

	/* a request is far smaller than the socket's buffer, and the child only reads
	 * between requests: one sendmsg takes it whole or the child is gone */
	do
		n = sendmsg(r->sock, &m, MSG_NOSIGNAL);
	while (n < 0 && errno == EINTR);
	return n == (ssize_t)want ? 0 : -1;
}

int
rp_reader_do(struct rp_reader *r, const struct rp_read_req *q, struct rp_read_res *res)
{
	struct ans a;
	char ch;
	int k, tries;

	memset(res->magic, 0, sizeof(res->magic));
	res->how = RP_READ_FAILED;
	res->status = res->err = res->noatime = res->changed = res->hashed = 0;
	res->nmagic = 0;
	res->hex[0] = '\0';
	memset(&res->st, 0, sizeof(res->st));
	if (res->data)
		rp_buf_reset(res->data);
	if (strlen(q->path) >= PATH_MAX)
		return 0;
	if (r->ntimeouts >= r->max_timeouts) {
		res->how = RP_READ_SKIPPED;
		return 0;
	}
	/* a child that died since its last answer (out of memory, killed by someone) is
	 * replaced once */
	for (tries = 0; tries < 2; tries++) {
		if (r->pid <= 0 && start_child(r) != 0)
			return 0;
		if (send_req(r, q) == 0)
			break;
		stop_child(r, 1);
	}
	if (tries == 2)
		return 0;
	for (;;) {
		if ((k = recv_full(r, &ch, 1)) != 0)
			goto broken;
		if (ch == ANSWER)
			break;
		if (ch != PROGRESS) {
			k = -1;
			goto broken;
		}
	}
	if ((k = recv_full(r, &a, sizeof(a))) != 0)
		goto broken;
	if (a.datalen > 0 && (res->data == NULL || !(q->ops & RP_READ_DATA) || a.datalen > q->max)) {
		k = -1;
		goto broken;
	}
	while (a.datalen > 0) {
		char chunk[65536];
		size_t n = a.datalen < sizeof(chunk) ? (size_t)a.datalen : sizeof(chunk);

		if ((k = recv_full(r, chunk, n)) != 0)
			goto broken;
		if (rp_buf_add(res->data, chunk, n) != 0) {
			k = -1;
			goto broken;
		}
		a.datalen -= n;
	}
	res->how = RP_READ_DONE;
	res->status = a.status;
	res->err = a.err;
	res->noatime = a.noatime;
	res->changed = a.changed;
	res->st = a.st;
	res->nmagic = a.nmagic <= sizeof(res->magic) ? a.nmagic : 0;
	memcpy(res->magic, a.magic, sizeof(res->magic));
	if ((res->hashed = a.hashed) != 0) {
		memcpy(res->hex, a.hex, sizeof(res->hex));
		res->hex[64] = '\0';
	}
	return 0;
broken:
	stop_child(r, 1);
	if (k == 1) {
		r->ntimeouts++;
		res->how = RP_READ_TIMEOUT;
	}
	if (res->data)
		rp_buf_reset(res->data);
	return 0;
}

unsigned
rp_reader_timeouts(const struct rp_reader *r)
{
	return r->ntimeouts;
}

void
rp_reader_fmt_wait(const struct rp_reader *r, char *out, size_t max)
{
	if (r->timeout_ms % 1000 == 0)
		snprintf(out, max, "%d s", r->timeout_ms / 1000);
	else
		snprintf(out, max, "%d ms", r->timeout_ms);
}

const char *
rp_reader_why(const struct rp_reader *r, const struct rp_read_res *res, char *out, size_t max)
{
	char w[32];

	rp_reader_fmt_wait(r, w, sizeof(w));
	switch (res->how) {
	case RP_READ_DONE:
		return NULL;
	case RP_READ_TIMEOUT:
		snprintf(out, max, "not read: waited more than %s (a permission listener or a "
		    "hung mount may hold it)", w);
		break;
	case RP_READ_SKIPPED:
		snprintf(out, max, "not read: %u reads already waited more than %s each; no "
		    "more files were tried", r->ntimeouts, w);
		break;
	case RP_READ_FAILED:
		snprintf(out, max, "not read: the reading process failed");
		break;
	}
	return out;
}
