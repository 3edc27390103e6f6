#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utmpx.h>

#include "case/case.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/sha256.h"
#include "core/time.h"
#include "fs/walk.h"
#include "respond/collect-reader.h"
#include "respond/collect.h"
#include "respond/proc.h"
#include "store/store.h"

#define COPY_MAX ((uint64_t)64 << 20)       /* a log larger than this is listed, not copied */
#define HASH_MAX ((uint64_t)1 << 30)        /* executables hashed up to 1 GiB */
#define EXEC_MAX 20000                      /* recent executables listed at most */
#define CMDLINE_MAX ((uint64_t)16 << 20)    /* as any /proc file read */
#define LOGIN_MAX ((uint64_t)256 << 20)     /* utmp, wtmp: 700,000 records */
#define WAIT_MS_DEFAULT 5000                /* one read of another process's file, at most */
#define WAITS_DEFAULT 10                    /* reads that may time out before no more are tried */
#define WHY_MAX 160

static const char *const art_names[RP_ART_COUNT] = {
	"processes", "network", "logins", "modules", "mounts", "scheduled", "executables",
	"files", "alerts",
};

const char *
rp_artefact_name(enum rp_artefact a)
{
	return (unsigned)a < RP_ART_COUNT ? art_names[a] : "?";
}

int
rp_artefact_parse(const char *name, enum rp_artefact *a)
{
	int i;

	for (i = 0; i < RP_ART_COUNT; i++)
		if (strcmp(name, art_names[i]) == 0) {
			*a = (enum rp_artefact)i;
			return 0;
		}
	return RP_ERR_NOTFOUND;
}

/* One artefact being written: text for people, a JSON document for tools. */
struct art {
	struct rp_buf txt, json;
	size_t n;
};

static void
art_init(struct art *a, const char *name, const struct rp_collect_opts *o, const char *head)
{
	rp_buf_init(&a->txt, 0);
	rp_buf_init(&a->json, 0);
	a->n = 0;
	rp_buf_addf(&a->txt, "# riposte collect: %s, ", name);
	rp_time_fmt_utc(&a->txt, o->now);
	rp_buf_addf(&a->txt, "\n%s\n", head);
	rp_buf_addf(&a->json, "{\"artefact\":\"%s\",\"collected\":\"", name);
	rp_time_fmt_utc(&a->json, o->now);
	rp_buf_addstr(&a->json, "\",\"items\":[");
}

/* Starts a JSON item; the caller appends "key":value pairs each ending with ',' */
static void
item_begin(struct art *a)
{
	rp_buf_addstr(&a->json, a->n ? ",\n{" : "\n{");
	a->n++;
}

static void
item_end(struct art *a)
{
	if (a->json.len && a->json.buf[a->json.len - 1] == ',')
		rp_buf_setlen(&a->json, a->json.len - 1);
	rp_buf_addch(&a->json, '}');
}

static void
jstr(struct rp_buf *b, const char *key, const char *s, size_t len)
{
	rp_buf_addf(b, "\"%s\":", key);
	if (s == NULL) {
		rp_buf_addstr(b, "null,");
		return;
	}
	rp_buf_addch(b, '"');
	{
		int lossy = 0;
		size_t at = b->len;

		rp_esc_json(b, s, len, &lossy);
		rp_buf_addstr(b, "\",");
		if (lossy) {
			(void)at;
			rp_buf_addf(b, "\"%s_hex\":\"", key);
			rp_hex(b, s, len);
			rp_buf_addstr(b, "\",");
		}
	}
}

static void
jtime(struct rp_buf *b, const char *key, int64_t t)
{
	rp_buf_addf(b, "\"%s\":\"", key);
	rp_time_fmt_utc(b, t);
	rp_buf_addstr(b, "\",");
}

static void
txt_esc(struct rp_buf *b, const char *s, size_t len)
{
	if (len == 0) {
		rp_buf_addch(b, '-');
		return;
	}
	rp_esc_text(b, s, len);
}

static int
write_file(int dfd, const char *name, const struct rp_buf *b)
{
	int fd, r;

	fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0)
		return RP_ERR_SYSTEM;
	/* no fsync per file: rp_collect_manifest syncs the whole filesystem once */
	r = rp_write_all(fd, b->buf, b->len);
	if (close(fd) != 0 && r == 0)
		r = RP_ERR_SYSTEM;
	return r;
}

static int
art_finish(struct art *a, int dfd, const char *name, struct rp_collect_result *res,
    enum rp_artefact which)
{
	char fn[64];
	int r;

	rp_buf_addstr(&a->json, a->n ? "\n]}\n" : "]}\n");
	snprintf(fn, sizeof(fn), "%s.txt", name);
	if ((r = write_file(dfd, fn, &a->txt)) == 0) {
		snprintf(fn, sizeof(fn), "%s.json", name);
		r = write_file(dfd, fn, &a->json);
	}
	res->items[which] = a->n;
	res->done[which] = r == 0;
	rp_buf_release(&a->txt);
	rp_buf_release(&a->json);
	return r;
}

static void
user_name(uint32_t uid, char *out, size_t max)
{
	struct passwd pw, *p = NULL;
	char buf[1024];

	if (getpwuid_r((uid_t)uid, &pw, buf, sizeof(buf), &p) == 0 && p)
		snprintf(out, max, "%s", p->pw_name);
	else
		snprintf(out, max, "%u", uid);
}

/* ---- processes ---------------------------------------------------------------- */

struct sockown {
	uint64_t inode;
	int pid;
	char comm[64];
};

struct ctx {
	const struct rp_collect_opts *o;
	struct rp_collect_result *res;
	int dfd;
	struct rp_reader *rd;       /* every open of a file that is not collect's own */
	struct sockown *owners;
	size_t nowners, capowners;
	int64_t btime;
	long ticks;
};

/* Asks the reader; 1 when it answered (res->status says how the open and read went),
 * 0 when it gave up or did not try: then why says so, for the artefact, and the item
 * counts as not read. */
static int
ask(struct ctx *c, const struct rp_read_req *q, struct rp_read_res *res, char *why,
    size_t whymax)
{
	why[0] = '\0';
	if (rp_reader_do(c->rd, q, res) != 0)
		snprintf(why, whymax, "not read: %s", rp_strerror(RP_ERR_NOMEM));
	else if (res->how == RP_READ_DONE)
		return 1;
	else
		rp_reader_why(c->rd, res, why, whymax);
	c->res->not_read++;
	return 0;
}

/* Reads /proc/PID/name through the reader (ops: RP_READ_*); as ask().
 * exe: hashing opens the very file the process runs, even when its name was deleted
 * or replaced (reading only; never executed), and that open may wait for an on-access
 * scanner's permission or a hung mount. cmdline: its read takes the process's mmap
 * lock, which a process stuck in a page fault (a file mapped from a hung mount) holds. */
static int
ask_proc(struct ctx *c, int pid, const char *name, unsigned ops, uint64_t max,
    struct rp_read_res *res, char *why, size_t whymax)
{
	char path[PATH_MAX];
	struct rp_read_req q = { path, ops, max };

	snprintf(path, sizeof(path), "%s/%d/%s", c->o->proc, pid, name);
	return ask(c, &q, res, why, whymax);
}

static int
pid_cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static int
list_pids(const char *proc, int **pids, size_t *n)
{
	DIR *d;
	struct dirent *de;
	size_t cap = 0;
	int r;

	*pids = NULL;
	*n = 0;
	if ((d = opendir(proc)) == NULL)
		return RP_ERR_SYSTEM;
	while ((de = readdir(d)) != NULL) {
		char *end;
		long v;

		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		v = strtol(de->d_name, &end, 10);
		if (*end || v <= 0 || v > INT_MAX)
			continue;
		if ((r = RP_ARRAY_GROW(pids, &cap, *n + 1, RP_ARRAY_MAX_DEFAULT)) != 0) {
			closedir(d);
			return r;
		}
		(*pids)[(*n)++] = (int)v;
	}
	closedir(d);
	if (*n > 1)
		qsort(*pids, *n, sizeof(int), pid_cmp);
	return 0;
}

static int
owner_cmp(const void *a, const void *b)
{
	const struct sockown *x = a, *y = b;

	if (x->inode != y->inode)
		return x->inode < y->inode ? -1 : 1;
	return x->pid - y->pid;
}

static int
collect_processes(struct ctx *c)
{
	struct art a;
	struct rp_buf b = RP_BUF_INIT, cmd = RP_BUF_INIT;
	struct rp_proc_stat ps;
	int *pids = NULL;
	size_t npids, i;
	int r;

	art_init(&a, "processes", c->o,
	    "# PID PPID USER STATE START(UTC) EXE SHA256 CMDLINE  (EXE marked [DELETED] when its file is gone; "
	    "[exe not read: ...] when its file did not open or read in time)");
	if ((r = list_pids(c->o->proc, &pids, &npids)) != 0)
		goto out;
	for (i = 0; i < npids; i++) {
		char exe[PATH_MAX], user[64], exe_why[WHY_MAX], cmd_why[WHY_MAX];
		struct rp_read_res got;
		ssize_t k;
		uint32_t uid = 0;
		int have_uid, deleted = 0, hashed = 0;
		size_t exelen = 0, j;
		uint64_t *inodes = NULL;
		size_t ninodes = 0;
		int64_t start;

		if (rp_proc_read(c->o->proc, pids[i], "stat", &b) != 0 ||
		    rp_proc_parse_stat(b.buf, b.len, &ps) != 0)
			continue;     /* exited meanwhile */
		have_uid = rp_proc_read(c->o->proc, pids[i], "status", &b) == 0 &&
		    rp_proc_parse_uid(b.buf, b.len, &uid) == 0;
		got.data = &cmd;
		if (!ask_proc(c, pids[i], "cmdline", RP_READ_PROC | RP_READ_DATA, CMDLINE_MAX, &got,
		    cmd_why, sizeof(cmd_why)) || got.status != 0)
			rp_buf_reset(&cmd);
		{
			char lp[PATH_MAX];

			snprintf(lp, sizeof(lp), "%s/%d/exe", c->o->proc, pids[i]);
			k = readlink(lp, exe, sizeof(exe) - 1);
		}
		exe_why[0] = '\0';
		if (k > 0) {
			exelen = (size_t)k;
			exe[exelen] = '\0';
			if (exelen > 10 && strcmp(exe + exelen - 10, " (deleted)") == 0) {
				deleted = 1;
				exelen -= 10;
				exe[exelen] = '\0';
				c->res->deleted_exes++;
			}
			got.data = NULL;
			hashed = ask_proc(c, pids[i], "exe", RP_READ_EXE | RP_READ_HASH, HASH_MAX,
			    &got, exe_why, sizeof(exe_why)) && got.status == 0 && got.hashed;
		}
		user_name(uid, user, sizeof(user));
		start = c->btime + (int64_t)(ps.starttime / (uint64_t)c->ticks);

		/* text */
		rp_buf_addf(&a.txt, "%d %d %s %c ", ps.pid, ps.ppid, have_uid ? user : "?",
		    ps.state);
		rp_time_fmt_utc(&a.txt, start);
		rp_buf_addch(&a.txt, ' ');
		if (exelen)
			txt_esc(&a.txt, exe, exelen);
		else
			rp_buf_addf(&a.txt, "[%s]", ps.comm);
		if (deleted)
			rp_buf_addstr(&a.txt, " [DELETED]");
		rp_buf_addf(&a.txt, " %s ", hashed ? got.hex : "-");
		for (j = 0; j < cmd.len; j++)
			if (cmd.buf[j] == '\0')
				cmd.buf[j] = ' ';
		while (cmd.len && cmd.buf[cmd.len - 1] == ' ')
			cmd.len--;
		txt_esc(&a.txt, cmd.buf, cmd.len);
		if (exe_why[0])
			rp_buf_addf(&a.txt, "  [exe %s]", exe_why);
		if (cmd_why[0])
			rp_buf_addf(&a.txt, "  [cmdline %s]", cmd_why);
		rp_buf_addch(&a.txt, '\n');

		/* json */
		item_begin(&a);
		rp_buf_addf(&a.json, "\"pid\":%d,\"ppid\":%d,", ps.pid, ps.ppid);
		if (have_uid) {
			rp_buf_addf(&a.json, "\"uid\":%u,", uid);
			jstr(&a.json, "user", user, strlen(user));
		} else {
			rp_buf_addstr(&a.json, "\"uid\":null,\"user\":null,");
		}
		jstr(&a.json, "comm", ps.comm, strlen(ps.comm));
		rp_buf_addf(&a.json, "\"state\":\"%c\",", ps.state >= ' ' && ps.state < 127 &&
		    ps.state != '"' && ps.state != '\\' ? ps.state : '?');
		jtime(&a.json, "start", start);
		jstr(&a.json, "exe", exelen ? exe : NULL, exelen);
		rp_buf_addf(&a.json, "\"exe_deleted\":%s,", deleted ? "true" : "false");
		if (hashed)
			rp_buf_addf(&a.json, "\"exe_sha256\":\"%s\",", got.hex);
		else
			rp_buf_addstr(&a.json, "\"exe_sha256\":null,");
		if (exe_why[0])
			jstr(&a.json, "exe_note", exe_why, strlen(exe_why));
		if (cmd_why[0]) {
			rp_buf_addstr(&a.json, "\"cmdline\":null,");
			jstr(&a.json, "cmdline_note", cmd_why, strlen(cmd_why));
		} else {
			jstr(&a.json, "cmdline", cmd.buf, cmd.len);
		}
		item_end(&a);

		/* whose sockets: for the network artefact */
		if (rp_proc_sock_inodes(c->o->proc, pids[i], &inodes, &ninodes) == 0) {
			struct sockown *grown;

			if (RP_ARRAY_GROW(&c->owners, &c->capowners, c->nowners + ninodes,
			    RP_ARRAY_MAX_DEFAULT) == 0) {
				grown = c->owners;
				for (j = 0; j < ninodes; j++) {
					grown[c->nowners].inode = inodes[j];
					grown[c->nowners].pid = ps.pid;
					memcpy(grown[c->nowners].comm, ps.comm, sizeof(ps.comm));
					c->nowners++;
				}
			}
		}
		free(inodes);
	}
	if (c->nowners > 1)
		qsort(c->owners, c->nowners, sizeof(*c->owners), owner_cmp);
	r = 0;
out:
	free(pids);
	rp_buf_release(&b);
	rp_buf_release(&cmd);
	if (r == 0)
		return art_finish(&a, c->dfd, "processes", c->res, RP_ART_PROCESSES);
	rp_buf_release(&a.txt);
	rp_buf_release(&a.json);
	return r;
}

/* ---- network ------------------------------------------------------------------ */

static void
fmt_endpoint(struct rp_buf *b, int family, const unsigned char *addr, uint16_t port)
{
	char tmp[INET6_ADDRSTRLEN];

	if (inet_ntop(family, addr, tmp, sizeof(tmp)) == NULL)
		snprintf(tmp, sizeof(tmp), "?");
	if (family == AF_INET6)
		rp_buf_addf(b, "[%s]:%u", tmp, port);
	else
		rp_buf_addf(b, "%s:%u", tmp, port);
}

struct netctx {
	struct ctx *c;
	struct art *a;
};

static int
net_line(const struct rp_sock *s, void *arg)
{
	struct netctx *nc = arg;
	struct ctx *c = nc->c;
	struct art *a = nc->a;
	struct sockown key = { .inode = s->inode, .pid = -1 };
	size_t lo = 0, hi = c->nowners, k;
	int any = 0;

	/* first owner with this inode */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (owner_cmp(&c->owners[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	rp_buf_addf(&a->txt, "%s %s ", rp_sock_proto_name(s->proto), rp_sock_state_name(s));
	item_begin(a);
	rp_buf_addf(&a->json, "\"proto\":\"%s\",\"state\":\"%s\",\"listening\":%s,",
	    rp_sock_proto_name(s->proto), rp_sock_state_name(s),
	    rp_sock_listening(s) ? "true" : "false");
	if (s->proto == RP_SOCK_UNIX) {
		if (s->pathlen)
			txt_esc(&a->txt, s->path, s->pathlen);
		else
			rp_buf_addch(&a->txt, '-');
		jstr(&a->json, "path", s->pathlen ? s->path : NULL, s->pathlen);
	} else {
		struct rp_buf ep = RP_BUF_INIT;

		fmt_endpoint(&ep, s->family, s->laddr, s->lport);
		rp_buf_addf(&a->txt, "%s ", ep.buf);
		rp_buf_addf(&a->json, "\"local\":\"%s\",", ep.buf);
		rp_buf_reset(&ep);
		fmt_endpoint(&ep, s->family, s->raddr, s->rport);
		rp_buf_addf(&a->txt, "%s uid=%u", ep.buf, s->uid);
		rp_buf_addf(&a->json, "\"remote\":\"%s\",\"uid\":%u,", ep.buf, s->uid);
		rp_buf_release(&ep);
	}
	rp_buf_addf(&a->json, "\"inode\":%llu,\"processes\":[", (unsigned long long)s->inode);
	rp_buf_addstr(&a->txt, " ");
	for (k = lo; k < c->nowners && c->owners[k].inode == s->inode; k++) {
		if (k > lo && c->owners[k].pid == c->owners[k - 1].pid)
			continue;
		rp_buf_addf(&a->txt, "%s%d/", any ? "," : "", c->owners[k].pid);
		txt_esc(&a->txt, c->owners[k].comm, strlen(c->owners[k].comm));
		rp_buf_addf(&a->json, "%s{\"pid\":%d,", any ? "," : "", c->owners[k].pid);
		jstr(&a->json, "comm", c->owners[k].comm, strlen(c->owners[k].comm));
		if (a->json.buf[a->json.len - 1] == ',')
			rp_buf_setlen(&a->json, a->json.len - 1);
		rp_buf_addch(&a->json, '}');
		any = 1;
	}
	if (!any)
		rp_buf_addch(&a->txt, '-');
	rp_buf_addstr(&a->txt, "\n");
	rp_buf_addstr(&a->json, "],");
	item_end(a);
	return 0;
}

static int
collect_network(struct ctx *c)
{
	static const enum rp_sock_proto protos[] = {
		RP_SOCK_TCP, RP_SOCK_TCP6, RP_SOCK_UDP, RP_SOCK_UDP6, RP_SOCK_UNIX,
	};
	struct art a;
	struct rp_buf b = RP_BUF_INIT;
	struct netctx nc = { c, &a };
	size_t i, bad = 0;
	int r = 0;

	art_init(&a, "network", c->o,
	    "# PROTO STATE LOCAL REMOTE uid=UID PID/COMM,...  (unix: PROTO STATE PATH PID/COMM)");
	for (i = 0; i < sizeof(protos) / sizeof(protos[0]); i++) {
		if (rp_procnet_read(c->o->proc, 0, protos[i], &b) != 0) {
			rp_buf_addf(&a.txt, "# %s: not readable\n", rp_sock_proto_name(protos[i]));
			c->res->warnings++;
			continue;
		}
		if ((r = rp_procnet_parse(b.buf, b.len, protos[i], net_line, &nc, &bad)) != 0)
			break;
	}
	if (bad) {
		rp_buf_addf(&a.txt, "# %zu malformed lines skipped\n", bad);
		c->res->warnings++;
	}
	rp_buf_release(&b);
	if (r != 0) {
		rp_buf_release(&a.txt);
		rp_buf_release(&a.json);
		return r;
	}
	return art_finish(&a, c->dfd, "network", c->res, RP_ART_NETWORK);
}

/* ---- logins (utmp, wtmp) ------------------------------------------------------- */

static void
login_records(struct ctx *c, struct art *a, const char *path, const char *which, size_t keep)
{
	struct rp_buf b = RP_BUF_INIT;
	char full[PATH_MAX], why[WHY_MAX];
	struct rp_read_req q = { full, RP_READ_DATA, LOGIN_MAX };
	struct rp_read_res got = { .data = &b };
	struct utmpx u;
	size_t n, i, first;

	snprintf(full, sizeof(full), "%s%s", c->o->root, path);
	if (!ask(c, &q, &got, why, sizeof(why)) || got.status != 0) {
		rp_buf_addf(&a->txt, "# %s: %s\n", full, why[0] ? why : "not readable");
		rp_buf_release(&b);
		return;
	}
	n = b.len / sizeof(struct utmpx);
	first = n > keep ? n - keep : 0;
	for (i = first; i < n; i++) {
		char user[sizeof(u.ut_user) + 1], line[sizeof(u.ut_line) + 1];
		char host[sizeof(u.ut_host) + 1];
		const char *type;

		memcpy(&u, b.buf + i * sizeof(u), sizeof(u));
		switch (u.ut_type) {
		case USER_PROCESS: type = "login"; break;
		case DEAD_PROCESS: type = "logout"; break;
		case BOOT_TIME: type = "boot"; break;
		default: continue;
		}
		if (strcmp(which, "current") == 0 && u.ut_type != USER_PROCESS)
			continue;
		memcpy(user, u.ut_user, sizeof(u.ut_user));
		user[sizeof(u.ut_user)] = '\0';
		memcpy(line, u.ut_line, sizeof(u.ut_line));
		line[sizeof(u.ut_line)] = '\0';
		memcpy(host, u.ut_host, sizeof(u.ut_host));
		host[sizeof(u.ut_host)] = '\0';
		rp_buf_addf(&a->txt, "%s %s ", which, type);
		rp_time_fmt_utc(&a->txt, (int64_t)u.ut_tv.tv_sec);
		rp_buf_addch(&a->txt, ' ');
		txt_esc(&a->txt, user, strlen(user));
		rp_buf_addch(&a->txt, ' ');
		txt_esc(&a->txt, line, strlen(line));
		rp_buf_addch(&a->txt, ' ');
		txt_esc(&a->txt, host, strlen(host));
		rp_buf_addf(&a->txt, " pid=%d\n", (int)u.ut_pid);
		item_begin(a);
		rp_buf_addf(&a->json, "\"source\":\"%s\",\"type\":\"%s\",", which, type);
		jtime(&a->json, "time", (int64_t)u.ut_tv.tv_sec);
		jstr(&a->json, "user", user, strlen(user));
		jstr(&a->json, "line", line, strlen(line));
		jstr(&a->json, "host", host, strlen(host));
		rp_buf_addf(&a->json, "\"pid\":%d,", (int)u.ut_pid);
		item_end(a);
	}
	rp_buf_release(&b);
}

static int
collect_logins(struct ctx *c)
{
	struct art a;

	art_init(&a, "logins", c->o,
	    "# SOURCE TYPE TIME(UTC) USER LINE HOST pid=PID  (current: utmp; recent: last 200 of wtmp)");
	login_records(c, &a, "/var/run/utmp", "current", (size_t)-1);
	login_records(c, &a, "/var/log/wtmp", "recent", 200);
	return art_finish(&a, c->dfd, "logins", c->res, RP_ART_LOGINS);
}

/* ---- modules and mounts ------------------------------------------------------- */

static size_t
decode_octal(char *s)
{
	char *w = s, *p = s;

	while (*p) {
		if (p[0] == '\\' && p[1] >= '0' && p[1] <= '3' && p[2] >= '0' && p[2] <= '7' &&
		    p[3] >= '0' && p[3] <= '7') {
			*w++ = (char)(((p[1] - '0') << 6) | ((p[2] - '0') << 3) | (p[3] - '0'));
			p += 4;
		} else {
			*w++ = *p++;
		}
	}
	*w = '\0';
	return (size_t)(w - s);
}

int
rp_collect_parse_fields(const char *buf, size_t len, int decode,
    int (*fn)(char **f, size_t n, void *ctx), void *ctx)
{
	char *line = NULL, *f[16];
	const char *p = buf, *end = buf + len, *nl;
	size_t n, ll;
	int r = 0;

	while (p < end) {
		char *q;

		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		ll = (size_t)(nl - p);
		free(line);
		if ((line = malloc(ll + 1)) == NULL)
			return RP_ERR_NOMEM;
		memcpy(line, p, ll);
		line[ll] = '\0';
		n = 0;
		q = line;
		while (*q && n < 16) {
			while (*q == ' ' || *q == '\t')
				*q++ = '\0';
			if (!*q)
				break;
			f[n++] = q;
			while (*q && *q != ' ' && *q != '\t')
				q++;
		}
		if (n > 0 && decode) {
			size_t i;

			for (i = 0; i < n; i++)
				decode_octal(f[i]);
		}
		if (n > 0 && (r = fn(f, n, ctx)) != 0)
			break;
		p = nl + 1;
	}
	free(line);
	return r;
}

static int
module_line(char **f, size_t n, void *arg)
{
	struct art *a = arg;
	size_t i;

	if (n < 6)
		return 0;
	for (i = 0; i < 5; i++) {
		txt_esc(&a->txt, f[i], strlen(f[i]));
		rp_buf_addch(&a->txt, ' ');
	}
	if (n >= 7)     /* taint flags: (O)ut-of-tree, (E) unsigned, (P)roprietary ... */
		txt_esc(&a->txt, f[6], strlen(f[6]));
	else
		rp_buf_setlen(&a->txt, a->txt.len - 1);
	rp_buf_addch(&a->txt, '\n');
	item_begin(a);
	jstr(&a->json, "name", f[0], strlen(f[0]));
	jstr(&a->json, "taint", n >= 7 ? f[6] : "", n >= 7 ? strlen(f[6]) : 0);
	jstr(&a->json, "size", f[1], strlen(f[1]));
	jstr(&a->json, "refcount", f[2], strlen(f[2]));
	jstr(&a->json, "used_by", f[3], strlen(f[3]));
	jstr(&a->json, "state", f[4], strlen(f[4]));
	item_end(a);
	return 0;
}

static int
mount_line(char **f, size_t n, void *arg)
{
	struct art *a = arg;

	if (n < 4)
		return 0;
	txt_esc(&a->txt, f[0], strlen(f[0]));
	rp_buf_addstr(&a->txt, " on ");
	txt_esc(&a->txt, f[1], strlen(f[1]));
	rp_buf_addstr(&a->txt, " type ");
	txt_esc(&a->txt, f[2], strlen(f[2]));
	rp_buf_addstr(&a->txt, " (");
	txt_esc(&a->txt, f[3], strlen(f[3]));
	rp_buf_addstr(&a->txt, ")\n");
	item_begin(a);
	jstr(&a->json, "device", f[0], strlen(f[0]));
	jstr(&a->json, "mountpoint", f[1], strlen(f[1]));
	jstr(&a->json, "type", f[2], strlen(f[2]));
	jstr(&a->json, "options", f[3], strlen(f[3]));
	item_end(a);
	return 0;
}

static int
collect_table(struct ctx *c, enum rp_artefact which, const char *file, const char *head,
    int decode, int (*fn)(char **f, size_t n, void *ctx))
{
	struct art a;
	struct rp_buf b = RP_BUF_INIT;
	int r;

	art_init(&a, rp_artefact_name(which), c->o, head);
	if (rp_proc_read(c->o->proc, 0, file, &b) != 0) {
		rp_buf_addf(&a.txt, "# %s/%s: not readable\n", c->o->proc, file);
		c->res->warnings++;
	} else if ((r = rp_collect_parse_fields(b.buf, b.len, decode, fn, &a)) != 0) {
		rp_buf_release(&b);
		rp_buf_release(&a.txt);
		rp_buf_release(&a.json);
		return r;
	}
	rp_buf_release(&b);
	return art_finish(&a, c->dfd, rp_artefact_name(which), c->res, which);
}

/* ---- copies of configs and logs ---------------------------------------------- */

/* mkdir -p of the directories of rel below dfd */
static int
mkparents(int dfd, const char *rel)
{
	char tmp[PATH_MAX];
	char *p;

	snprintf(tmp, sizeof(tmp), "%s", rel);
	for (p = tmp; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (tmp[0] && mkdirat(dfd, tmp, 0700) != 0 && errno != EEXIST)
			return RP_ERR_SYSTEM;
		*p = '/';
	}
	return 0;
}

/* Copies path (read with O_NOATIME, by the reader: it may wait) to files/<path> below
 * dfd, keeping its times; records it in the files artefact. */
static void
copy_one(struct ctx *c, struct art *a, const char *path, const char *why)
{
	char full[PATH_MAX], rel[PATH_MAX], hex[65] = "", waited[WHY_MAX];
	struct rp_buf content = RP_BUF_INIT;
	struct rp_read_req q = { full, RP_READ_DATA, COPY_MAX };
	struct rp_read_res got = { .data = &content };
	struct stat before;
	struct timespec ts[2];
	int out = -1, copied = 0;
	const char *reason = NULL;
	uint64_t total = 0;

	memset(&before, 0, sizeof(before));
	snprintf(full, sizeof(full), "%s%s", c->o->root, path);
	if (!ask(c, &q, &got, waited, sizeof(waited))) {
		reason = waited;
		goto record;
	}
	before = got.st;
	switch (got.status) {
	case 0:
		break;
	case RP_ERR_PERM:
		reason = "O_NOATIME refused: not copied, to keep its access time";
		goto record;
	case RP_ERR_SYSTEM:
		if (got.err == ENOENT) {
			rp_buf_release(&content);
			return;              /* not on this system: nothing to say */
		}
		reason = strerror(got.err);
		goto record;
	case RP_ERR_INVALID:
		reason = "not a regular file";
		goto record;
	case RP_ERR_TOOBIG:
		reason = "larger than 64 MiB: listed, not copied";
		goto record;
	default:
		reason = rp_strerror(got.status);
		goto record;
	}
	snprintf(rel, sizeof(rel), "files/%s", path[0] == '/' ? path + 1 : path);
	if (mkparents(c->dfd, rel) != 0 ||
	    (out = openat(c->dfd, rel, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
	    0600)) < 0) {
		reason = strerror(errno);
		goto record;
	}
	if (rp_write_all(out, content.buf, content.len) != 0) {
		reason = "cannot write the copy";
		goto record;
	}
	total = content.len;
	if (rp_sha256_hex(content.buf, content.len, hex) != 0)
		hex[0] = '\0';
	ts[0] = before.st_atim;
	ts[1] = before.st_mtim;
	futimens(out, ts);
	if (got.changed)
		reason = "changed while it was copied";
	copied = 1;
record:
	rp_buf_release(&content);
	if (out >= 0)
		close(out);
	if (copied)
		c->res->copied++;
	else
		c->res->not_copied++;
	rp_buf_addf(&a->txt, "%s ", copied ? "copied" : "NOT-COPIED");
	txt_esc(&a->txt, path, strlen(path));
	if (copied) {
		rp_buf_addf(&a->txt, " %llu bytes mtime ", (unsigned long long)total);
		rp_time_fmt_utc(&a->txt, (int64_t)before.st_mtim.tv_sec);
		rp_buf_addstr(&a->txt, " atime ");
		rp_time_fmt_utc(&a->txt, (int64_t)before.st_atim.tv_sec);
		rp_buf_addf(&a->txt, " sha256 %s", hex);
	}
	rp_buf_addf(&a->txt, " (%s)%s%s\n", why, reason ? ": " : "", reason ? reason : "");
	item_begin(a);
	jstr(&a->json, "path", path, strlen(path));
	rp_buf_addf(&a->json, "\"why\":\"%s\",\"copied\":%s,", why, copied ? "true" : "false");
	if (copied) {
		jstr(&a->json, "copy", rel, strlen(rel));
		rp_buf_addf(&a->json, "\"size\":%llu,\"sha256\":\"%s\",", (unsigned long long)total, hex);
		jtime(&a->json, "mtime", (int64_t)before.st_mtim.tv_sec);
		jtime(&a->json, "atime", (int64_t)before.st_atim.tv_sec);
		jtime(&a->json, "ctime", (int64_t)before.st_ctim.tv_sec);
		rp_buf_addf(&a->json, "\"mode\":\"%04o\",\"uid\":%u,\"gid\":%u,",
		    (unsigned)(before.st_mode & 07777), (unsigned)before.st_uid,
		    (unsigned)before.st_gid);
	}
	if (reason)
		jstr(&a->json, "note", reason, strlen(reason));
	item_end(a);
}

/* The regular files directly in dir (sorted), or with suffix only. */
static void
copy_dir(struct ctx *c, struct art *a, const char *dir, const char *suffix, const char *why)
{
	char full[PATH_MAX], path[PATH_MAX];
	struct dirent **list = NULL;
	int n, i;

	snprintf(full, sizeof(full), "%s%s", c->o->root, dir);
	n = scandir(full, &list, NULL, alphasort);
	for (i = 0; i < n; i++) {
		const char *nm = list[i]->d_name;
		size_t l = strlen(nm), sl = suffix ? strlen(suffix) : 0;

		if (nm[0] != '.' && (!suffix || (l > sl && strcmp(nm + l - sl, suffix) == 0)) &&
		    (list[i]->d_type == DT_REG || list[i]->d_type == DT_UNKNOWN)) {
			snprintf(path, sizeof(path), "%s/%s", dir, nm);
			copy_one(c, a, path, why);
		}
		free(list[i]);
	}
	free(list);
}

/* crontab lines and timer units as the scheduled artefact, from the copies made */
static void
scheduled_from(struct ctx *c, struct art *sched, const char *path, const char *type)
{
	struct rp_buf b = RP_BUF_INIT;
	char rel[PATH_MAX];
	const char *p, *end, *nl;

	snprintf(rel, sizeof(rel), "files/%s", path + 1);
	if (rp_file_read_all(c->dfd, rel, &b, COPY_MAX) != 0) {
		rp_buf_release(&b);
		return;
	}
	for (p = b.buf, end = b.buf + b.len; p < end; p = nl + 1) {
		const char *s;

		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		for (s = p; s < nl && (*s == ' ' || *s == '\t'); s++)
			;
		if (s == nl || *s == '#')
			continue;
		if (strcmp(type, "timer") == 0 && strncmp(s, "On", 2) != 0 &&
		    strncmp(s, "Unit=", 5) != 0 && strncmp(s, "Persistent=", 11) != 0)
			continue;
		rp_buf_addf(&sched->txt, "%s ", type);
		txt_esc(&sched->txt, path, strlen(path));
		rp_buf_addstr(&sched->txt, ": ");
		txt_esc(&sched->txt, s, (size_t)(nl - s));
		rp_buf_addch(&sched->txt, '\n');
		item_begin(sched);
		rp_buf_addf(&sched->json, "\"type\":\"%s\",", type);
		jstr(&sched->json, "file", path, strlen(path));
		jstr(&sched->json, "line", s, (size_t)(nl - s));
		item_end(sched);
	}
	rp_buf_release(&b);
}

static const char *const cron_dirs[] = {
	"/etc/cron.d", "/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly",
	"/etc/cron.monthly", "/var/spool/cron/crontabs", "/var/spool/cron",
};
static const char *const timer_dirs[] = {
	"/etc/systemd/system", "/run/systemd/system", "/usr/lib/systemd/system",
	"/lib/systemd/system", "/etc/systemd/user",
};
static const char *const configs[] = {
	"/etc/crontab", "/etc/anacrontab", "/etc/passwd", "/etc/group", "/etc/hosts",
	"/etc/resolv.conf", "/etc/ld.so.preload", "/etc/rc.local", "/etc/ssh/sshd_config",
	"/root/.ssh/authorized_keys", "/root/.bash_history",
	"/var/log/auth.log", "/var/log/secure", "/var/log/syslog", "/var/log/messages",
};

static int
collect_files(struct ctx *c, int want_files, int want_sched)
{
	struct art files, sched;
	size_t i, mark;
	int r;

	art_init(&files, "files", c->o,
	    "# copied|NOT-COPIED PATH SIZE mtime MTIME atime ATIME sha256 HASH (WHY)  "
	    "copies are in files/, times kept");
	art_init(&sched, "scheduled", c->o, "# TYPE FILE: LINE  (crontab entries, timer schedules)");
	for (i = 0; i < sizeof(configs) / sizeof(configs[0]); i++) {
		mark = files.n;
		copy_one(c, &files, configs[i], "config or log");
		if (files.n > mark && strstr(configs[i], "crontab"))
			scheduled_from(c, &sched, configs[i], "cron");
	}
	for (i = 0; i < sizeof(cron_dirs) / sizeof(cron_dirs[0]); i++) {
		char full[PATH_MAX];
		struct dirent **list = NULL;
		int n, k;

		copy_dir(c, &files, cron_dirs[i], NULL, "crontab");
		snprintf(full, sizeof(full), "%s%s", c->o->root, cron_dirs[i]);
		n = scandir(full, &list, NULL, alphasort);
		for (k = 0; k < n; k++) {
			char path[PATH_MAX];

			if (list[k]->d_name[0] != '.' &&
			    (list[k]->d_type == DT_REG || list[k]->d_type == DT_UNKNOWN) &&
			    (strcmp(cron_dirs[i], "/etc/cron.d") == 0 ||
			    strncmp(cron_dirs[i], "/var/spool", 10) == 0)) {
				snprintf(path, sizeof(path), "%s/%s", cron_dirs[i], list[k]->d_name);
				scheduled_from(c, &sched, path, "cron");
			}
			free(list[k]);
		}
		free(list);
	}
	for (i = 0; i < sizeof(timer_dirs) / sizeof(timer_dirs[0]); i++) {
		char full[PATH_MAX];
		struct dirent **list = NULL;
		int n, k;

		copy_dir(c, &files, timer_dirs[i], ".timer", "systemd timer");
		snprintf(full, sizeof(full), "%s%s", c->o->root, timer_dirs[i]);
		n = scandir(full, &list, NULL, alphasort);
		for (k = 0; k < n; k++) {
			size_t l = strlen(list[k]->d_name);
			char path[PATH_MAX];

			if (l > 6 && strcmp(list[k]->d_name + l - 6, ".timer") == 0) {
				snprintf(path, sizeof(path), "%s/%s", timer_dirs[i], list[k]->d_name);
				scheduled_from(c, &sched, path, "timer");
			}
			free(list[k]);
		}
		free(list);
	}
	for (i = 0; i < c->o->ncopy; i++)
		copy_one(c, &files, c->o->copy[i], "asked for");
	r = 0;
	if (want_files)
		r = art_finish(&files, c->dfd, "files", c->res, RP_ART_FILES);
	else {
		rp_buf_release(&files.txt);
		rp_buf_release(&files.json);
	}
	if (want_sched && r == 0)
		r = art_finish(&sched, c->dfd, "scheduled", c->res, RP_ART_SCHEDULED);
	else {
		rp_buf_release(&sched.txt);
		rp_buf_release(&sched.json);
	}
	return r;
}

/* ---- recently modified executables -------------------------------------------- */

struct execctx {
	struct ctx *c;
	struct art *a;
	int64_t since;
	int tmpdir;         /* /tmp, /dev/shm: also ELF or #! files without an x bit */
	size_t n;
	size_t skip;        /* the length of the root prefix, not shown */
	size_t unknown;     /* files without an x bit not read: ELF or not is unknown */
	char held[PATH_MAX];/* the directory where a read timed out ("" none) */
};

/* One request to the reader for the walk's file; 1 when the file was read, 0 when
 * not (why says why when it was a wait or a swap, else it is ""). A directory where
 * one read timed out is not read further: a permission listener marks directories,
 * and one that does not answer would cost every file of it the whole deadline. The
 * reader opens by path, not below the walk's directory descriptor: the file it
 * opened must be the one listed (device, inode), or a directory swapped for a link
 * meanwhile would lend another file's hash to this name. */
static int
exec_read(struct execctx *x, const struct rp_walk_entry *e, unsigned ops,
    struct rp_read_res *res, char *why, size_t whymax)
{
	const char *slash = memrchr(e->path, '/', e->pathlen);
	size_t dirlen = slash ? (size_t)(slash - e->path) : 0;
	struct rp_read_req q = { e->path, ops, HASH_MAX };

	why[0] = '\0';
	if (x->held[0] && strlen(x->held) == dirlen && memcmp(x->held, e->path, dirlen) == 0) {
		char w[32];

		rp_reader_fmt_wait(x->c->rd, w, sizeof(w));
		snprintf(why, whymax, "not read: another file of this directory waited more "
		    "than %s before", w);
		x->c->res->not_read++;
		return 0;
	}
	if (!ask(x->c, &q, res, why, whymax)) {
		if (res->how == RP_READ_TIMEOUT && dirlen < sizeof(x->held)) {
			memcpy(x->held, e->path, dirlen);
			x->held[dirlen] = '\0';
		}
		return 0;
	}
	if (res->status != 0)
		return 0;
	if (res->st.st_dev != e->st->st_dev || res->st.st_ino != e->st->st_ino) {
		snprintf(why, whymax, "not read: replaced between its listing and its reading");
		return 0;
	}
	return 1;
}

static int
exec_entry(const struct rp_walk_entry *e, void *arg)
{
	struct execctx *x = arg;
	const struct stat *st = e->st;
	struct rp_read_res res = { .data = NULL };
	char why[WHY_MAX];
	int isexec, hashed = 0;

	if (e->kind == RP_WALK_DIR)
		return (!x->tmpdir && e->depth > 0) ? RP_WALK_PRUNE : 0;   /* PATH: no subdirs */
	if (e->kind != RP_WALK_FILE || st == NULL)
		return 0;
	if ((int64_t)st->st_mtim.tv_sec < x->since && (int64_t)st->st_ctim.tv_sec < x->since)
		return 0;
	isexec = (st->st_mode & 0111) != 0;
	why[0] = '\0';
	if (!isexec && x->tmpdir) {
		if (!exec_read(x, e, RP_READ_MAGIC, &res, why, sizeof(why))) {
			if (why[0] == '\0')
				return 0;
			x->unknown++;
			return 0;
		}
		if (!(res.nmagic == 4 && (memcmp(res.magic, "\177ELF", 4) == 0 ||
		    memcmp(res.magic, "#!", 2) == 0)))
			return 0;
		isexec = 1;
	}
	if (!isexec)
		return 0;
	if ((uint64_t)st->st_size <= HASH_MAX)
		hashed = exec_read(x, e, RP_READ_HASH, &res, why, sizeof(why)) && res.hashed;
	if (++x->n > EXEC_MAX)
		return 0;
	txt_esc(&x->a->txt, e->path + x->skip, e->pathlen - x->skip);
	rp_buf_addf(&x->a->txt, " %04o uid=%u %llu bytes mtime ", (unsigned)(st->st_mode & 07777),
	    (unsigned)st->st_uid, (unsigned long long)st->st_size);
	rp_time_fmt_utc(&x->a->txt, (int64_t)st->st_mtim.tv_sec);
	rp_buf_addstr(&x->a->txt, " ctime ");
	rp_time_fmt_utc(&x->a->txt, (int64_t)st->st_ctim.tv_sec);
	rp_buf_addf(&x->a->txt, " sha256 %s", hashed ? res.hex : "-");
	if (why[0])
		rp_buf_addf(&x->a->txt, "  [%s]", why);
	rp_buf_addch(&x->a->txt, '\n');
	item_begin(x->a);
	jstr(&x->a->json, "path", e->path + x->skip, e->pathlen - x->skip);
	rp_buf_addf(&x->a->json, "\"mode\":\"%04o\",\"uid\":%u,\"size\":%llu,",
	    (unsigned)(st->st_mode & 07777), (unsigned)st->st_uid, (unsigned long long)st->st_size);
	jtime(&x->a->json, "mtime", (int64_t)st->st_mtim.tv_sec);
	jtime(&x->a->json, "ctime", (int64_t)st->st_ctim.tv_sec);
	if (hashed)
		rp_buf_addf(&x->a->json, "\"sha256\":\"%s\",", res.hex);
	else
		rp_buf_addstr(&x->a->json, "\"sha256\":null,");
	if (why[0])
		jstr(&x->a->json, "note", why, strlen(why));
	item_end(x->a);
	return 0;
}

static int
collect_executables(struct ctx *c)
{
	static const char *const tmps[] = { "/tmp", "/var/tmp", "/dev/shm" };
	struct rp_walk_opts wo = { 0 };
	struct art a;
	struct execctx x = { c, &a, 0, 0, 0, strlen(c->o->root), 0, "" };
	char head[256], full[PATH_MAX];
	size_t i;

	snprintf(head, sizeof(head), "# PATH MODE uid=UID SIZE mtime MTIME ctime CTIME sha256 HASH  "
	    "(mtime or ctime in the last %d days: a backdated mtime does not hide a file; "
	    "PATH directories, /tmp, /var/tmp, /dev/shm)",
	    c->o->recent_days);
	art_init(&a, "executables", c->o, head);
	x.since = c->o->now - (int64_t)c->o->recent_days * 86400;
	for (i = 0; i < c->o->npath_dirs; i++) {
		if (c->o->path_dirs[i][0] != '/')
			continue;    /* a relative PATH entry means nothing here */
		snprintf(full, sizeof(full), "%s%s", c->o->root, c->o->path_dirs[i]);
		rp_walk(full, &wo, exec_entry, &x, NULL);
	}
	x.tmpdir = 1;
	for (i = 0; i < 3; i++) {
		snprintf(full, sizeof(full), "%s%s", c->o->root, tmps[i]);
		rp_walk(full, &wo, exec_entry, &x, NULL);
	}
	if (x.n > EXEC_MAX)
		rp_buf_addf(&a.txt, "# %zu more not listed\n", x.n - EXEC_MAX);
	if (x.unknown)
		rp_buf_addf(&a.txt, "# %zu recently changed files without an x bit in /tmp, "
		    "/var/tmp or /dev/shm not read in time: whether they are executables is "
		    "unknown\n", x.unknown);
	return art_finish(&a, c->dfd, "executables", c->res, RP_ART_EXECUTABLES);
}

/* ---- riposte's own alerts ------------------------------------------------------ */

/* Dumps a query's rows generically (column name: value), whatever the schema the
 * subsystem that owns the table gave it. */
static int
dump_rows(struct art *a, struct rp_store *st, const char *what, const char *sql, int64_t bind)
{
	struct rp_stmt *s = NULL, *cols = NULL;
	char pragma[128];
	const char *table = what;
	char names[32][64];
	int ncol = 0, i, r;

	snprintf(pragma, sizeof(pragma), "SELECT name FROM pragma_table_info('%s')", table);
	if ((r = rp_stmt_prepare(st, pragma, &cols)) != 0)
		return r;
	while (ncol < 32 && (r = rp_stmt_step(cols)) == 1)
		snprintf(names[ncol++], sizeof(names[0]), "%s", rp_stmt_text(cols, 0));
	rp_stmt_free(cols);
	if (ncol == 0)
		return 0;           /* no such table: that subsystem never ran here */
	if ((r = rp_stmt_prepare(st, sql, &s)) != 0)
		return r;
	if (bind && (r = rp_stmt_bind_int64(s, 1, bind)) != 0)
		goto out;
	while ((r = rp_stmt_step(s)) == 1) {
		rp_buf_addf(&a->txt, "%s", what);
		item_begin(a);
		rp_buf_addf(&a->json, "\"source\":\"%s\",", what);
		for (i = 0; i < ncol; i++) {
			size_t len = 0;
			const void *v;

			if (rp_stmt_isnull(s, i))
				continue;
			v = rp_stmt_blob(s, i, &len);
			rp_buf_addf(&a->txt, " %s=", names[i]);
			txt_esc(&a->txt, v, len);
			jstr(&a->json, names[i], v, len);
		}
		rp_buf_addch(&a->txt, '\n');
		item_end(a);
	}
out:
	rp_stmt_free(s);
	return r < 0 ? r : 0;
}

static int
collect_alerts(struct ctx *c)
{
	struct art a;

	art_init(&a, "alerts", c->o, "# SOURCE column=value ...  (riposte's alerts table and the open case's journal)");
	if (c->o->st == NULL) {
		rp_buf_addstr(&a.txt, "# no riposte database\n");
	} else {
		if (dump_rows(&a, c->o->st, "alerts", "SELECT * FROM alerts ORDER BY rowid", 0) != 0)
			c->res->warnings++;
		if (c->o->case_id && dump_rows(&a, c->o->st, "journal",
		    "SELECT * FROM journal WHERE case_id=? ORDER BY seq", c->o->case_id) != 0)
			c->res->warnings++;
	}
	return art_finish(&a, c->dfd, "alerts", c->res, RP_ART_ALERTS);
}

/* ---- the run ------------------------------------------------------------------ */

int
rp_collect_run(const char *dir, const struct rp_collect_opts *o, struct rp_collect_result *res)
{
	struct ctx c = { .o = o, .res = res, .dfd = -1 };
	struct rp_buf b = RP_BUF_INIT;
	unsigned want = o->only ? o->only : (1u << RP_ART_COUNT) - 1;
	int r = 0;

	memset(res, 0, sizeof(*res));
	if ((r = rp_reader_new(&c.rd, o->read_timeout_ms > 0 ? o->read_timeout_ms :
	    WAIT_MS_DEFAULT, o->max_timeouts ? o->max_timeouts : WAITS_DEFAULT)) != 0)
		return r;
	if ((c.dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		rp_reader_free(c.rd);
		return RP_ERR_SYSTEM;
	}
	c.ticks = sysconf(_SC_CLK_TCK);
	if (c.ticks <= 0)
		c.ticks = 100;
	if (rp_proc_read(o->proc, 0, "stat", &b) != 0 ||
	    rp_proc_parse_btime(b.buf, b.len, &c.btime) != 0)
		c.btime = 0;
	rp_buf_release(&b);

	/* the most volatile first: processes and connections change by the second */
	if ((want & (1u << RP_ART_PROCESSES)) || (want & (1u << RP_ART_NETWORK)))
		r = collect_processes(&c);
	if (r == 0 && (want & (1u << RP_ART_NETWORK)))
		r = collect_network(&c);
	if (r == 0 && (want & (1u << RP_ART_LOGINS)))
		r = collect_logins(&c);
	if (r == 0 && (want & (1u << RP_ART_MODULES)))
		r = collect_table(&c, RP_ART_MODULES, "modules",
		    "# NAME SIZE REFCOUNT USED-BY STATE [TAINT]", 0, module_line);
	if (r == 0 && (want & (1u << RP_ART_MOUNTS)))
		r = collect_table(&c, RP_ART_MOUNTS, "mounts",
		    "# DEVICE on MOUNTPOINT type TYPE (OPTIONS)", 1, mount_line);
	if (r == 0 && (want & ((1u << RP_ART_FILES) | (1u << RP_ART_SCHEDULED))))
		r = collect_files(&c, !!(want & (1u << RP_ART_FILES)),
		    !!(want & (1u << RP_ART_SCHEDULED)));
	if (r == 0 && (want & (1u << RP_ART_EXECUTABLES)))
		r = collect_executables(&c);
	if (r == 0 && (want & (1u << RP_ART_ALERTS)))
		r = collect_alerts(&c);
	if (!(want & (1u << RP_ART_PROCESSES)) && res->done[RP_ART_PROCESSES]) {
		/* processes were read only to name the sockets' owners */
		unlinkat(c.dfd, "processes.txt", 0);
		unlinkat(c.dfd, "processes.json", 0);
		res->done[RP_ART_PROCESSES] = 0;
	}
	res->timeouts = rp_reader_timeouts(c.rd);
	rp_reader_free(c.rd);
	free(c.owners);
	close(c.dfd);
	return r;
}

/* ---- manifest and archive ----------------------------------------------------- */

struct mf {
	size_t skip;          /* length of "dir/" */
	struct rp_buf *out;
	size_t n;
	int err;
};

static int
manifest_entry(const struct rp_walk_entry *e, void *arg)
{
	struct mf *m = arg;
	char hex[RP_SHA256_HEX_LEN];
	int r;

	if (e->kind != RP_WALK_FILE || e->depth == 0)
		return 0;
	if (e->depth == 1 && (strcmp(e->name, "MANIFEST.sha256") == 0))
		return 0;
	if ((r = rp_sha256_file_hex(e->dirfd, e->name, O_NOFOLLOW, hex, NULL)) != 0)
		return r;
	/* sha256sum's format; a name with a newline or backslash would need its escape
	 * form, and riposte never writes one (copied paths are rejected below) */
	if (memchr(e->path + m->skip, '\n', e->pathlen - m->skip) ||
	    memchr(e->path + m->skip, '\\', e->pathlen - m->skip)) {
		rp_buf_addf(m->out, "\\%s  ", hex);
		{
			size_t i;

			for (i = m->skip; i < e->pathlen; i++) {
				if (e->path[i] == '\n')
					rp_buf_addstr(m->out, "\\n");
				else if (e->path[i] == '\\')
					rp_buf_addstr(m->out, "\\\\");
				else
					rp_buf_addch(m->out, e->path[i]);
			}
		}
		rp_buf_addch(m->out, '\n');
	} else {
		rp_buf_addf(m->out, "%s  ", hex);
		rp_buf_add(m->out, e->path + m->skip, e->pathlen - m->skip);
		rp_buf_addch(m->out, '\n');
	}
	m->n++;
	return 0;
}

int
rp_collect_manifest(const char *dir, char hash[65], size_t *nfiles)
{
	struct rp_buf out = RP_BUF_INIT, path = RP_BUF_INIT;
	struct rp_walk_opts wo = { 0 };
	struct mf m = { strlen(dir) + 1, &out, 0, 0 };
	int r;

	if ((r = rp_walk(dir, &wo, manifest_entry, &m, NULL)) != 0)
		goto out;
	{
		int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		/* the artefacts reach the disk before the manifest that vouches for them */
		if (dfd >= 0) {
			syncfs(dfd);
			close(dfd);
		}
	}
	if ((r = rp_sha256_hex(out.buf, out.len, hash)) != 0)
		goto out;
	if ((r = rp_buf_addf(&path, "%s/MANIFEST.sha256", dir)) != 0)
		goto out;
	if ((r = rp_file_write_atomic(path.buf, out.buf, out.len, 0600)) != 0)
		goto out;
	if (nfiles)
		*nfiles = m.n;
out:
	rp_buf_release(&out);
	rp_buf_release(&path);
	return r;
}

/* ustar header field helpers */
static void
octal(char *f, size_t w, uint64_t v)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof(tmp), "%0*llo", (int)w - 1, (unsigned long long)v);

	if (n > 0 && (size_t)n < w)
		memcpy(f, tmp, (size_t)n + 1);
}

static int
tar_header(struct rp_buf *t, const char *name, size_t nlen, char type, uint64_t size,
    unsigned mode, int64_t mtime)
{
	char h[512];
	unsigned sum = 0;
	size_t i;

	memset(h, 0, sizeof(h));
	memcpy(h, name, nlen < 100 ? nlen : 99);
	octal(h + 100, 8, mode);
	octal(h + 108, 8, 0);
	octal(h + 116, 8, 0);
	octal(h + 124, 12, size);
	octal(h + 136, 12, (uint64_t)(mtime > 0 ? mtime : 0));
	memset(h + 148, ' ', 8);
	h[156] = type;
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	for (i = 0; i < 512; i++)
		sum += (unsigned char)h[i];
	snprintf(h + 148, 8, "%06o", sum);
	return rp_buf_add(t, h, 512);
}

static int
tar_pad(struct rp_buf *t)
{
	static const char zero[512];
	size_t pad = (512 - t->len % 512) % 512;

	return pad ? rp_buf_add(t, zero, pad) : 0;
}

struct tarctx {
	int fd;
	size_t skip;             /* length of the parent of dir, with its '/' */
	struct rp_buf hdr;
};

static int
tar_flush(struct tarctx *x)
{
	int r = rp_write_all(x->fd, x->hdr.buf, x->hdr.len);

	rp_buf_reset(&x->hdr);
	return r;
}

static int
tar_entry(const struct rp_walk_entry *e, void *arg)
{
	struct tarctx *x = arg;
	const char *name = e->path + x->skip;
	size_t nlen = e->pathlen - x->skip;
	char type;
	uint64_t size = 0;
	int r, fd = -1;

	if (e->st == NULL)
		return 0;
	if (e->kind == RP_WALK_DIR)
		type = '5';
	else if (e->kind == RP_WALK_FILE)
		type = '0';
	else
		return 0;
	if (type == '0')
		size = (uint64_t)e->st->st_size;
	if (nlen >= 99) {
		/* a pax header carries the long name */
		char rec[PATH_MAX + 32];
		int len, total;

		len = (int)nlen + (int)strlen(" path=\n");
		total = len + 1;
		while (snprintf(NULL, 0, "%d", total) + len > total)
			total++;
		total = snprintf(NULL, 0, "%d", total) + len;
		snprintf(rec, sizeof(rec), "%d path=%.*s\n", total, (int)nlen, name);
		if ((r = tar_header(&x->hdr, "././@PaxHeader", 14, 'x', (uint64_t)total, 0644,
		    (int64_t)e->st->st_mtim.tv_sec)) != 0 ||
		    (r = rp_buf_add(&x->hdr, rec, (size_t)total)) != 0 || (r = tar_pad(&x->hdr)) != 0)
			return r;
	}
	if ((r = tar_header(&x->hdr, name, nlen, type, size, e->st->st_mode & 07777,
	    (int64_t)e->st->st_mtim.tv_sec)) != 0 || (r = tar_flush(x)) != 0)
		return r;
	if (type != '0')
		return 0;
	if ((fd = openat(e->dirfd, e->name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return RP_ERR_SYSTEM;
	{
		char chunk[65536];
		uint64_t done = 0;
		ssize_t k;

		while (done < size && (k = read(fd, chunk, sizeof(chunk))) > 0) {
			if ((uint64_t)k > size - done)
				k = (ssize_t)(size - done);
			if ((r = rp_write_all(x->fd, chunk, (size_t)k)) != 0) {
				close(fd);
				return r;
			}
			done += (uint64_t)k;
		}
		close(fd);
		if (done != size)
			return RP_ERR_CHANGED;
		if (size % 512) {
			static const char zero[512];

			if ((r = rp_write_all(x->fd, zero, 512 - size % 512)) != 0)
				return r;
		}
	}
	return 0;
}

int
rp_collect_tar(const char *dir, const char *tar_path)
{
	struct rp_walk_opts wo = { 0 };
	struct tarctx x = { -1, 0, RP_BUF_INIT };
	static const char zero[1024];
	const char *slash;
	int r;

	slash = strrchr(dir, '/');
	x.skip = slash ? (size_t)(slash - dir) + 1 : 0;
	if (slash && slash[1] == '\0')
		return RP_ERR_INVALID;
	x.fd = open(tar_path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (x.fd < 0)
		return errno == EEXIST ? RP_ERR_EXISTS : RP_ERR_SYSTEM;
	if ((r = rp_walk(dir, &wo, tar_entry, &x, NULL)) == 0 &&
	    (r = rp_write_all(x.fd, zero, sizeof(zero))) == 0 && fsync(x.fd) != 0)
		r = RP_ERR_SYSTEM;
	if (close(x.fd) != 0 && r == 0)
		r = RP_ERR_SYSTEM;
	rp_buf_release(&x.hdr);
	if (r != 0)
		unlink(tar_path);
	return r;
}
