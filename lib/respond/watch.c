/*
 * The watcher's set-up and its loop: rp_watch_new checks the paths, builds the verdict
 * engine and its workers, opens the shadow and the fanotify groups and marks the
 * trees; rp_watch_run polls the content group (whose writers wait for an answer), the
 * name group, the verdicts coming back, the children's exits and the stop descriptor,
 * and between events does the background work (the rest of large files kept, the
 * oldest ignore marks taken off, the hourly expiry of the shadow). Also here: the
 * deferred accesses (a group whose closed file looked encrypted waits for its
 * verdict), the children (journal, restore, rescan), the rescan after an overflow,
 * and the processes and groups events are scored for.
 * Everything the watcher reads goes through the event's descriptor, which raises no
 * event, so it never waits for itself.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/err.h"
#include "core/sha256.h"
#include "core/time.h"
#include "fs/walk.h"
#include "respond/compressed.h"
#include "respond/watch-int.h"

#define RESCAN_PATHS 20     /* random files named by a rescan, at most */

const char *
rp_watch_action_name(enum rp_watch_action a)
{
	switch (a) {
	case RP_WATCH_ALERT: return "alert";
	case RP_WATCH_STOP: return "stop";
	case RP_WATCH_KILL: return "kill";
	}
	return "?";
}

int64_t
rp_watch_wall(const struct rp_watch *w)
{
	/* the clock, unless the caller fixed the start (tests): then start + elapsed */
	if (w->fixed_now)
		return w->t0_real + (rp_time_mono_ms() - w->t0_mono) / 1000;
	return (int64_t)time(NULL);
}

void
rp_watch_warn(struct rp_watch *w, int code, const char *msg)
{
	if (w->cb.on_warning == NULL)
		return;
	int r = w->cb.on_warning(code, msg, w->ctx);
	if (r < 0 && w->failed == 0)
		w->failed = r;
}

/* ---- processes and groups ---- */

static int
allowed_exe(struct rp_watch *w, pid_t pid, const char *exe)
{
	for (size_t i = 0; i < w->nallow; i++) {
		if (strcmp(w->allow[i].exe, exe) != 0)
			continue;
		if (w->allow[i].sha[0] == '\0')
			return 1;
		char path[64], hex[65];
		snprintf(path, sizeof(path), "/proc/%d/exe", (int)pid);
		if (rp_sha256_file_hex(AT_FDCWD, path, 0, hex, NULL) == 0 && strcmp(hex, w->allow[i].sha) == 0)
			return 1;
	}
	return 0;
}

/* The cached /proc facts of pid (taken at its first event: a permission event holds
 * the process, so they are there; the close of a short-lived child may come after it
 * exited). NULL when unknown. */
struct pcache *
rp_watch_proc_of(struct rp_watch *w, pid_t pid)
{
	struct pcache *p = &w->procs[(unsigned)pid % NPROC];
	if (p->valid && p->pid == pid)
		return p;
	struct rp_proc_info info;
	if (rp_proc_info(pid, &info) != 0)
		return NULL;
	p->pid = pid;
	p->valid = 1;
	p->info = info;
	p->allowed = allowed_exe(w, pid, info.exe);
	return p;
}

struct rp_beh_group *
rp_watch_group_of(struct rp_watch *w, struct pcache *p, pid_t pid)
{
	uint64_t key = p ? rp_beh_key(pid, p->info.sid, p->info.exe) : rp_beh_key(pid, 0, NULL);
	struct rp_beh_group *g = rp_beh_group(w->beh, key, rp_time_mono_ms());
	if (g != NULL)
		rp_beh_pid(g, pid, rp_time_mono_ms());
	return g;
}

/* The watcher itself or one of its children: their accesses are answered at once and
 * never scored (the watcher would wait for its own answer). */
int
rp_watch_ours(const struct rp_watch *w, pid_t pid)
{
	if (pid == w->self)
		return 1;
	for (size_t i = 0; i < w->nkids; i++)
		if (w->kids[i] == pid)
			return 1;
	return 0;
}

/* What a report says of the process p (NULL: gone before its first event was read). */
void
rp_watch_proc_view(const struct pcache *p, struct rp_watch_proc *out)
{
	out->known = p != NULL;
	out->exe = p != NULL ? p->info.exe : "";
	out->cmdline = p != NULL ? p->info.cmdline : "";
	out->uid = p != NULL ? (int)p->info.uid : -1;
}

/* ---- children: journal, restore, rescan ---- */

static int
pidfd_of(pid_t pid)
{
#ifdef SYS_pidfd_open
	return (int)syscall(SYS_pidfd_open, pid, 0);
#else
	return -1;
#endif
}

/* Counts c among the children, never scored (a child's accesses are the watcher's). */
static void
kid_add(struct rp_watch *w, pid_t c)
{
	if (w->nkids == MAX_KIDS)
		return;
	w->kids[w->nkids] = c;
	w->kidfd[w->nkids] = pidfd_of(c);
	if (w->kidfd[w->nkids] >= 0)
		fcntl(w->kidfd[w->nkids], F_SETFD, FD_CLOEXEC);
	w->nkids++;
}

/*
 * Runs fn in a child process and returns at once (0, or -1 when it could not fork).
 * Whatever may write under the watched trees (the journal's database, the files put
 * back after a kill) is done by a child: a write by the watcher's own thread there
 * would wait for a permission answer that only that thread can give. The callbacks'
 * streams are flushed by the callbacks themselves (watch.h), so the child inherits no
 * buffered output.
 */
int
rp_watch_spawn(struct rp_watch *w, void (*fn)(struct rp_watch *w, void *arg), void *arg)
{
	if (w->nkids == MAX_KIDS)
		return -1;
	pid_t c = fork();
	if (c < 0)
		return -1;
	if (c == 0) {
		w->procfd = -1;     /* it names the parent's descriptors: left unused */
		fn(w, arg);
		_exit(0);
	}
	kid_add(w, c);
	return 0;
}

/* Forgets the children that ended (each is waited for by its pid: the caller's other
 * children, if any, are not ours to reap). */
static void
reap(struct rp_watch *w)
{
	for (size_t i = 0; i < w->nkids;) {
		pid_t c = w->kids[i];
		if (waitpid(c, NULL, WNOHANG) != c) {
			i++;
			continue;
		}
		if (c == w->rescan_pid)
			w->rescan_pid = 0;
		if (w->kidfd[i] >= 0)
			close(w->kidfd[i]);
		w->nkids--;
		w->kids[i] = w->kids[w->nkids];
		w->kidfd[i] = w->kidfd[w->nkids];
	}
}

/* ---- paths ---- */

/*
 * The path of the file open as fd. Through the watcher's own /proc/self/fd directory
 * when it has it open: one component to look up instead of four. It runs twice per
 * file written: during smb-copy, with the verdicts left out, readlink of the full
 * link was 17 % of the main thread's time (perf), half of it the walk of /proc, self
 * and fd; 3.7 -> 2.4 us per call on the bench machine.
 */
int
rp_watch_fd_path(const struct rp_watch *w, int fd, char *buf, size_t cap)
{
	char link[64];
	ssize_t n;
	if (w->procfd >= 0) {
		snprintf(link, sizeof(link), "%d", fd);
		n = readlinkat(w->procfd, link, buf, cap - 1);
	} else {
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		n = readlink(link, buf, cap - 1);
	}
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

static int
under(const char *path, const char *dir)
{
	size_t l = strlen(dir);
	return strncmp(path, dir, l) == 0 && (path[l] == '/' || path[l] == '\0');
}

int
rp_watch_in_shadow(const struct rp_watch *w, const char *path)
{
	return w->shadow_real[0] && under(path, w->shadow_real);
}

/* ---- marking ---- */

static int
mark_cb(const struct rp_walk_entry *e, void *ctx)
{
	struct rp_watch *w = ctx;
	if (e->kind != RP_WALK_DIR)
		return 0;
	char real[PATH_MAX];
	if (realpath(e->path, real) == NULL)
		return 0;
	if (rp_watch_in_shadow(w, real))
		return RP_WALK_PRUNE;
	int fell_back;
	int r = rp_fan_mark_dir(w->fan, real, &fell_back);
	if (r != 0) {
		if (e->depth == 0)
			return r;
		return 0;
	}
	if (fell_back) {
		char msg[PATH_MAX + 160];
		snprintf(msg, sizeof(msg), "no pre-content events on the filesystem of %s: files "
		    "opened for writing there are copied whole before the open goes on", real);
		rp_watch_warn(w, RP_ERR_UNSUPPORTED, msg);
	}
	w->dirs++;
	return 0;
}

int
rp_watch_mark_tree(struct rp_watch *w, const char *path)
{
	struct rp_walk_opts o;
	memset(&o, 0, sizeof(o));
	o.allow_atime = 1;
	return rp_walk(path, &o, mark_cb, w, NULL);
}

static int
event_cb(struct rp_fan_event *ev, void *ctx)
{
	struct rp_watch *w = ctx;
	w->events++;
	if (ev->fd >= 0 && ev->tid > 0) {
		/* a thread's access is its process's */
		struct pcache *t = rp_watch_proc_of(w, ev->tid);
		if (t != NULL && t->info.tgid > 0)
			ev->pid = t->info.tgid;
	}
	switch (ev->kind) {
	case RP_FAN_PRE:
		rp_watch_on_pre(w, ev, 0);
		break;
	case RP_FAN_CLOSE_WRITE:
	case RP_FAN_CLOSE_READ:
		rp_watch_on_close(w, ev);
		break;
	case RP_FAN_CREATE:
	case RP_FAN_DELETE:
	case RP_FAN_RENAME:
		rp_watch_on_name(w, ev);
		break;
	case RP_FAN_OVERFLOW:
		w->overflows++;
		rp_watch_holds_overflow(w);
		break;
	}
	return 0;
}

/* Runs the deferred permission events again now that verdicts came back: each is
 * answered, or deferred once more while what it waits for is still out. */
static void
undefer(struct rp_watch *w)
{
	size_t n = w->ndefer;
	struct deferred *old;
	if (n == 0)
		return;
	if ((old = malloc(n * sizeof(*old))) == NULL)
		return;     /* tried again at the next verdict */
	memcpy(old, w->defer, n * sizeof(*old));
	w->ndefer = 0;
	for (size_t i = 0; i < n; i++) {
		struct rp_fan_event ev;
		memset(&ev, 0, sizeof(ev));
		ev.kind = RP_FAN_PRE;
		ev.fd = old[i].fd;
		ev.pid = old[i].pid;
		ev.tid = old[i].tid;
		ev.open_perm = old[i].open_perm;
		ev.off = old[i].off;
		ev.count = old[i].count;
		rp_watch_on_pre(w, &ev, 1);
		if (!ev.defer)
			rp_fan_answer(w->fan, ev.fd, ev.deny, ev.keep);
	}
	free(old);
}

/* Answers every deferred event (allowing it): at the end, no process stays held. */
static void
release_deferred(struct rp_watch *w)
{
	for (size_t i = 0; i < w->ndefer; i++)
		rp_fan_answer(w->fan, w->defer[i].fd, 0, 0);
	w->ndefer = 0;
}


/* ---- rescan after an overflow: a child scans, the watcher keeps answering ---- */

struct rescan {
	struct rp_watch *w;
	int64_t since;
	uint64_t files, random;
	char *paths[RESCAN_PATHS];
	size_t npaths;
};

static int
compressed_at(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOATIME);
	if (fd < 0)
		return 0;
	int ok = rp_compressed_valid_fd(fd);
	close(fd);
	return ok;
}

static int
rescan_cb(const struct rp_walk_entry *e, void *ctx)
{
	struct rescan *rs = ctx;
	if (e->kind == RP_WALK_DIR) {
		char real[PATH_MAX];
		if (realpath(e->path, real) != NULL && rp_watch_in_shadow(rs->w, real))
			return RP_WALK_PRUNE;
		return 0;
	}
	if (e->kind != RP_WALK_FILE || e->st == NULL || e->st->st_mtime < rs->since)
		return 0;
	rs->files++;
	if (rp_scan_file(rs->w->scanner, e->dirfd, e->name, e->st, &rs->w->v) == 0 &&
	    (rs->w->v.kind == RP_V_ENCRYPTED || rs->w->v.kind == RP_V_PARTIAL) &&
	    !compressed_at(e->dirfd, e->name)) {
		rs->random++;
		if (rs->npaths < RESCAN_PATHS && (rs->paths[rs->npaths] = strndup(e->path, e->pathlen)) != NULL)
			rs->npaths++;
	}
	return 0;
}

static void
rescan_child(struct rp_watch *w, void *arg)
{
	struct rescan rs;
	memset(&rs, 0, sizeof(rs));
	rs.w = w;
	rs.since = w->t0_real;
	struct rp_walk_opts o;
	memset(&o, 0, sizeof(o));
	o.allow_atime = 1;
	for (size_t i = 0; i < w->nroots; i++)
		rp_walk(w->rootreal[i], &o, rescan_cb, &rs, NULL);
	struct rp_watch_rescan r = { rs.files, rs.random, (const char *const *)rs.paths, rs.npaths };
	if (w->cb.on_rescan != NULL)
		w->cb.on_rescan(&r, w->ctx);
	for (size_t i = 0; i < rs.npaths; i++)
		free(rs.paths[i]);
}

/* After an overflow: the directories made meanwhile are marked, and a child scans the
 * files changed since the start. */
static void
rescan_start(struct rp_watch *w)
{
	if (w->rescan_pid > 0)
		return;     /* one at a time */
	for (size_t i = 0; i < w->nroots; i++)
		rp_watch_mark_tree(w, w->rootreal[i]);
	if (rp_watch_spawn(w, rescan_child, NULL) == 0)
		w->rescan_pid = w->kids[w->nkids - 1];
}

/* ---- the deferred accesses and the verdicts ---- */

/* The verdicts back from the workers, then the accesses that waited for them:
 * always both, or a deferred access could wait for a verdict already collected. */
void
rp_watch_collect(struct rp_watch *w)
{
	rp_vpool_collect(w->pool, rp_watch_on_verdict, w);
	undefer(w);
}

/*
 * Waits for the next events. A writer is held in the kernel until its access is
 * answered, and each answer costs two wake-ups: the watcher's, then the writer's. Where
 * idle cores sleep deeply (a virtual machine's halt, deep C-states) a wake-up costs
 * tens of microseconds, more than the answer. So while events come close together the
 * watcher polls without sleeping, for at most spin_us per wait; a wait that ends in
 * the spin keeps it on, a wait longer than spin_us turns it off until events are close
 * again. A quiet machine sees no spin at all, nor one whose verdicts are being
 * computed. Returns poll's result.
 */
static int
wait_events(struct rp_watch *w, struct pollfd *pf, nfds_t npf, int *spinning, int64_t next_expire)
{
	int64_t t0 = rp_time_mono_us();
	int r;
	/* never while verdicts are out: the workers need the core more than an answer
	 * needs the spin */
	if (*spinning && w->spin_us > 0 && rp_vpool_pending(w->pool) == 0) {
		do {
			if ((r = poll(pf, npf, 0)) != 0)
				return r;
		} while (rp_time_mono_us() - t0 < w->spin_us);
		*spinning = 0;
	}
	int64_t left = next_expire - rp_time_mono_ms();
	r = poll(pf, npf, left > 0 ? (int)left : 0);
	*spinning = r > 0 && rp_time_mono_us() - t0 < w->spin_us;
	return r;
}

/* ---- set-up ---- */

static int
setup_failed(struct rp_buf *errmsg, int r, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Says in errmsg (optional) why the set-up failed; returns r. */
static int
setup_failed(struct rp_buf *errmsg, int r, const char *fmt, ...)
{
	if (errmsg != NULL) {
		char msg[PATH_MAX + 512];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(msg, sizeof(msg), fmt, ap);
		va_end(ap);
		rp_buf_reset(errmsg);
		rp_buf_addstr(errmsg, msg);
	}
	return r;
}

static int
copy_allow(struct rp_watch *w, const struct rp_watch_allow *a, struct rp_buf *errmsg)
{
	struct allow *d = &w->allow[w->nallow];
	size_t l = a->exe != NULL ? strlen(a->exe) : 0;
	if (l == 0 || a->exe[0] != '/' || l >= sizeof(d->exe) || (a->sha256 != NULL && strlen(a->sha256) != 64))
		return setup_failed(errmsg, RP_ERR_INVALID, "bad allowed program '%s'", a->exe ? a->exe : "");
	memcpy(d->exe, a->exe, l + 1);
	if (a->sha256 != NULL)
		memcpy(d->sha, a->sha256, 65);
	w->nallow++;
	return 0;
}

int
rp_watch_new(struct rp_watch **out, const struct rp_watch_opts *o, const struct rp_watch_cb *cb,
    void *ctx, struct rp_buf *errmsg)
{
	struct rp_watch *w = calloc(1, sizeof(*w));
	int r = RP_ERR_NOMEM;
	*out = NULL;
	if (w == NULL)
		return setup_failed(errmsg, RP_ERR_NOMEM, "out of memory");
	w->procfd = -1;
	w->stopfd = -1;
	for (size_t i = 0; i < NHELD; i++)
		w->held[i].fd = -1;
	rp_watch_grow_init(w);
	rp_watch_looked_init(w);
	if (cb != NULL)
		w->cb = *cb;
	w->ctx = ctx;
	w->action = o->action;
	w->block_client = o->block_client;
	w->spin_us = o->spin_us;
	w->shadow_max = o->shadow_max;
	w->t0_real = o->now;
	w->fixed_now = o->fixed_now;
	w->t0_mono = rp_time_mono_ms();
	w->self = getpid();
	if (o->npaths == 0 || o->npaths > RP_WATCH_MAX_ROOTS || o->nallow > RP_WATCH_MAX_ALLOW ||
	    o->shadow_dir == NULL) {
		r = setup_failed(errmsg, RP_ERR_INVALID, "no path, too many paths or allowed programs, "
		    "or no shadow");
		goto fail;
	}
	for (size_t i = 0; i < o->nallow; i++)
		if ((r = copy_allow(w, &o->allow[i], errmsg)) != 0)
			goto fail;
	if ((w->shadow_dir = strdup(o->shadow_dir)) == NULL) {
		r = setup_failed(errmsg, RP_ERR_NOMEM, "out of memory");
		goto fail;
	}
	if (o->shadow_max_name != NULL)
		w->shadow_max_name = strdup(o->shadow_max_name);
	else if (asprintf(&w->shadow_max_name, "%" PRIu64 " bytes", o->shadow_max) < 0)
		w->shadow_max_name = NULL;
	if (w->shadow_max_name == NULL) {
		r = setup_failed(errmsg, RP_ERR_NOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < o->npaths; i++) {
		struct stat st;
		if ((w->rootreal[i] = realpath(o->paths[i], NULL)) == NULL || stat(w->rootreal[i], &st) != 0) {
			r = setup_failed(errmsg, errno == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM,
			    "cannot watch '%s': %s", o->paths[i], strerror(errno));
			goto fail;
		}
		w->nroots++;
		if (!S_ISDIR(st.st_mode)) {
			r = setup_failed(errmsg, RP_ERR_INVALID, "cannot watch '%s': not a directory", o->paths[i]);
			goto fail;
		}
	}
	w->procfd = open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	/* descriptors: the held reads, the new files open (watch-grow.c), the verdicts
	 * out, the new files that had a cheap look only, the deferred events (the caller
	 * raises the limit, if it can, before) */
	struct rlimit nofile;
	w->max_pending = MAX_PENDING;
	if (getrlimit(RLIMIT_NOFILE, &nofile) == 0) {
		uint64_t fixed = NHELD + NGROW + GROW_LATE + NLOOKED + 256;
		uint64_t room = nofile.rlim_cur > fixed ? (uint64_t)nofile.rlim_cur - fixed : 64;
		if (room / 2 < w->max_pending)
			w->max_pending = room / 2;
	}
	w->files = calloc(NFILESTATE, sizeof(*w->files));
	w->procs = calloc(NPROC, sizeof(*w->procs));
	w->defer = calloc(NDEFER, sizeof(*w->defer));
	if (w->files == NULL || w->procs == NULL || w->defer == NULL ||
	    rp_holds_new(&w->holds, NHOLDS) != 0) {
		r = setup_failed(errmsg, RP_ERR_NOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < NFILESTATE; i++)
		w->files[i].bgfd = -1;
	if ((w->stopfd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) < 0) {
		r = setup_failed(errmsg, RP_ERR_SYSTEM, "eventfd: %s", strerror(errno));
		goto fail;
	}
	if ((r = rp_watch_load_known(w, o->data_dir)) != 0) {
		r = setup_failed(errmsg, r, "cannot load the extension lists: %s", rp_strerror(r));
		goto fail;
	}
	struct rp_engine_opts eo;
	struct rp_buf emsg;
	memset(&eo, 0, sizeof(eo));
	eo.data_dir = o->data_dir;
	eo.allow_atime = 1;
	rp_buf_init(&emsg, 4096);
	r = rp_engine_new(&w->engine, &eo, &emsg);
	if (r == 0)
		r = rp_scanner_new(&w->scanner, w->engine);
	if (r == 0) {
		/* verdict workers: the cores the machine has, less the watcher's own */
		long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		r = rp_vpool_new(&w->pool, w->engine, ncpu > 2 ? (int)(ncpu - 1) : 1);
	}
	if (r != 0) {
		r = setup_failed(errmsg, r, "cannot start the scan engine: %s%s%s", rp_strerror(r),
		    emsg.len ? ": " : "", emsg.buf);
		rp_buf_release(&emsg);
		goto fail;
	}
	rp_buf_release(&emsg);
	if ((r = rp_beh_new(&w->beh, WINDOW_MS)) != 0) {
		r = setup_failed(errmsg, r, "out of memory");
		goto fail;
	}
	if ((r = rp_shadow_open(&w->shadow, w->shadow_dir, o->shadow_max, o->shadow_keep, o->now)) != 0) {
		r = setup_failed(errmsg, r, "cannot open the shadow '%s': %s", w->shadow_dir, rp_strerror(r));
		goto fail;
	}
	if (realpath(w->shadow_dir, w->shadow_real) == NULL)
		w->shadow_real[0] = '\0';
	if ((r = rp_fan_open(&w->fan, o->no_pre_content ? RP_FAN_NO_PRE : 0)) != 0) {
		r = setup_failed(errmsg, r, "cannot start fanotify: %s%s", rp_strerror(r),
		    r == RP_ERR_PERM ? " (watch needs CAP_SYS_ADMIN: run it as root)" : "");
		goto fail;
	}
	w->handles = rp_watch_handles_work(w->rootreal[0]);
	for (size_t i = 0; i < w->nroots; i++) {
		if ((r = rp_watch_mark_tree(w, w->rootreal[i])) != 0) {
			r = setup_failed(errmsg, r, "cannot watch '%s': %s%s", o->paths[i], rp_strerror(r),
			    r == RP_ERR_UNSUPPORTED ? " (the filesystem refuses fanotify permission events)" : "");
			goto fail;
		}
	}
	*out = w;
	return 0;
fail:
	rp_watch_free(w);
	return r;
}

/* ---- the loop ---- */

int
rp_watch_run(struct rp_watch *w, struct rp_buf *errmsg)
{
	int cfd, nfd, vfd = rp_vpool_fd(w->pool);
	int spinning = 0, stop = 0, r = 0;
	int64_t next_expire = rp_time_mono_ms() + EXPIRE_MS;
	if (w->ran)
		return RP_ERR_INVALID;
	w->ran = 1;
	rp_fan_fds(w->fan, &cfd, &nfd);
	struct rp_watch_ready ready = { w->dirs, rp_fan_pre_content(w->fan), w->self };
	if (w->cb.on_ready != NULL && (r = w->cb.on_ready(&ready, w->ctx)) < 0)
		w->failed = r;
	while (!stop && !w->failed) {
		/* the fixed four, then a pidfd per child */
		struct pollfd pf[4 + MAX_KIDS] = { { cfd, POLLIN, 0 }, { nfd, POLLIN, 0 },
		    { w->stopfd, POLLIN, 0 }, { vfd, POLLIN, 0 } };
		nfds_t npf = 4;
		int unpolled = 0;      /* a child without a pidfd: looked at each turn */
		for (size_t k = 0; k < w->nkids; k++) {
			if (w->kidfd[k] >= 0)
				pf[npf++] = (struct pollfd){ w->kidfd[k], POLLIN, 0 };
			else
				unpolled = 1;
		}
		/* a watcher runs for weeks: the copies older than the shadow's keep go hourly */
		if (rp_time_mono_ms() >= next_expire) {
			if (rp_shadow_expire(w->shadow, rp_watch_wall(w)) != 0)
				rp_watch_warn(w, RP_ERR_SYSTEM, "cannot expire the old copies of the shadow");
			else
				w->keep_said = 0;   /* still failing: said again */
			next_expire = rp_time_mono_ms() + EXPIRE_MS;
		}
		/* background work waits for no event: only a look at the queues */
		int trim = w->handles && rp_holds_count(w->holds) > HOLDS_LOW && rp_holds_nclosed(w->holds) > 0;
		int64_t until = w->nbg > 0 || trim ? 0 : next_expire;
		if (unpolled && until > rp_time_mono_ms() + 100)
			until = rp_time_mono_ms() + 100;
		if (wait_events(w, pf, npf, &spinning, until) < 0) {
			if (errno == EINTR)
				continue;
			r = setup_failed(errmsg, RP_ERR_SYSTEM, "poll: %s", strerror(errno));
			goto out;
		}
		uint64_t before = w->overflows;
		/* verdicts first: the deferred accesses wait for them */
		if (pf[3].revents & POLLIN)
			rp_watch_collect(w);
		/* then the content group: its writers are waiting */
		if (pf[0].revents & POLLIN)
			rp_fan_read(w->fan, cfd, event_cb, w);
		if (pf[1].revents & POLLIN)
			rp_fan_read(w->fan, nfd, event_cb, w);
		rp_watch_grow_flush(w);
		if (w->overflows != before) {
			if (w->cb.on_overflow != NULL && (r = w->cb.on_overflow(rp_watch_wall(w), w->ctx)) < 0 &&
			    w->failed == 0)
				w->failed = r;
			rescan_start(w);
		}
		if (pf[2].revents & POLLIN)
			stop = 1;
		if (w->nkids > 0)
			reap(w);
		if (w->nbg > 0 && !stop)
			rp_watch_bg_step(w);
		/* a few at a time, between events: the oldest marks kept past their close */
		for (int k = 0; trim && k < 16 && rp_holds_count(w->holds) > HOLDS_LOW; k++)
			if (rp_watch_hold_drop_oldest(w) != 0)
				break;
	}
	/* the verdicts still out (seconds of work at most) count in the stats */
	for (int64_t t_end = rp_time_mono_ms() + 5000; rp_vpool_pending(w->pool) > 0 && rp_time_mono_ms() < t_end;) {
		struct pollfd pv = { vfd, POLLIN, 0 };
		if (poll(&pv, 1, 100) > 0)
			rp_watch_collect(w);
	}
	r = w->failed;
out:
	release_deferred(w);
	return r;
}

void
rp_watch_stop(struct rp_watch *w)
{
	/* write(2) and getpid(2) are async-signal-safe; errno is the interrupted code's */
	int e = errno;
	uint64_t one = 1;
	if (w != NULL && w->stopfd >= 0 && getpid() == w->self)
		(void)!write(w->stopfd, &one, sizeof(one));
	errno = e;
}

void
rp_watch_stats(const struct rp_watch *w, struct rp_watch_stats *st)
{
	st->alerts = w->alerts;
	st->events = w->events;
	st->copies = w->copies;
	st->saved = w->saved;
	st->overflows = w->overflows;
	st->dirs = w->dirs;
}

void
rp_watch_free(struct rp_watch *w)
{
	if (w == NULL)
		return;
	for (size_t i = 0; i < NHELD; i++)
		if (w->held[i].path != NULL || w->held[i].fd >= 0)
			rp_watch_held_release(&w->held[i]);
	rp_watch_grow_free(w);
	rp_watch_looked_free(w);
	if (w->fan != NULL)
		release_deferred(w);
	rp_vpool_free(w->pool);      /* before the engine its workers use */
	free(w->defer);
	rp_fan_free(w->fan);
	rp_shadow_free(w->shadow);
	rp_scanner_free(w->scanner);
	rp_engine_free(w->engine);
	rp_beh_free(w->beh);
	for (size_t i = 0; w->files != NULL && i < NFILESTATE; i++) {
		rp_watch_bg_cancel(w, &w->files[i]);
		free(w->files[i].spans);
	}
	free(w->files);
	free(w->procs);
	rp_holds_free(w->holds);
	for (size_t i = 0; i < w->nmountfd; i++)
		close(w->mountfd[i].fd);
	for (size_t i = 0; i < w->nknown; i++)
		free(w->known_ext[i]);
	free(w->known_ext);
	for (size_t i = 0; i < w->nroots; i++)
		free(w->rootreal[i]);
	for (size_t i = 0; i < w->nkids; i++)
		if (w->kidfd[i] >= 0)
			close(w->kidfd[i]);
	free(w->shadow_dir);
	free(w->shadow_max_name);
	if (w->procfd >= 0)
		close(w->procfd);
	if (w->stopfd >= 0)
		close(w->stopfd);
	free(w);
}
