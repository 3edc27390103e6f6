/*
 * riposte watch: stop an encrypting process in real time, and lose nothing.
 *
 * One thread, one poll loop over the two fanotify groups and a signalfd (the verdicts
 * are computed by worker threads, vpool.h). Before the first write to an existing file
 * lands (pre-content permission event) the file is copied into the shadow, or for a
 * large file the ranges about to be written, and then, between events, the rest of
 * it; a file read is kept open a while, so that when its reader deletes it and writes
 * random files it is copied from that descriptor. Close-write events get the scan
 * engine's verdict; the verdicts before and after, reads, deletes and renames become
 * signals scored per session (or per smbd process); a group that reaches the
 * threshold is stopped.
 * Everything the watcher reads goes through the event's descriptor, which raises no
 * event, so it never waits for itself.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <linux/magic.h>

#include "case/journal.h"
#include "cli.h"
#include "commands.h"
#include "core/data.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/sha256.h"
#include "core/time.h"
#include "detect/engine.h"
#include "detect/format.h"
#include "detect/stats.h"
#include "fs/walk.h"
#include "respond/behaviour.h"
#include "respond/canary.h"
#include "respond/compressed.h"
#include "respond/fanotify.h"
#include "respond/holds.h"
#include "respond/pctl.h"
#include "respond/samba.h"
#include "respond/shadow.h"
#include "respond/vpool.h"
#include "store/store.h"

static const char usage[] =
"NAME\n"
"    riposte watch - stop an encrypting process in real time, and lose nothing\n"
"\n"
"SYNOPSIS\n"
"    riposte watch [--action alert|stop|kill] [--format text|jsonl] [--db FILE]\n"
"                  [--block-client] [--allow EXE[:SHA256]]... [--shadow DIR]\n"
"                  [--shadow-max SIZE] [--shadow-keep DURATION] [--spin US]\n"
"                  [--no-pre-content] PATH...\n"
"    riposte watch --check PATH...\n"
"    riposte watch --restore [--shadow DIR] [--format text|jsonl] [PATH...]\n"
"    riposte watch --unblock ADDRESS|all [--format text|jsonl]\n"
"\n"
"DESCRIPTION\n"
"    Watches the directory trees PATH with fanotify (inode marks on each directory,\n"
"    never a whole mount) and scores what every process does there:\n"
"      randomised          a file that was structured (the scan engine said ok) was\n"
"                          closed with random content (encrypted or partial), or a\n"
"                          structured file it read and deleted was replaced by a new\n"
"                          random file of the same name (a.docx -> a.docx.locked);\n"
"      type-lost           the rewrite took its head's type away: the signature of\n"
"                          its format (zip, pdf, png...), or text that is no longer text;\n"
"      read-overwrite      the process read it before it overwrote it;\n"
"      new-random-file     it wrote a new file with random content (alone: benign);\n"
"      read-new-delete     it read a file, wrote a new random file, deleted the original\n"
"                          (a file encrypted by a tool, openssl or gpg, pairs with one\n"
"                          delete: a user may encrypt a file and remove the original);\n"
"      rename-unknown-ext  it renamed a file to an extension no document has;\n"
"      ransom-note         it wrote a ransom note;\n"
"      canary              it wrote, truncated, renamed or deleted a canary file\n"
"                          (riposte canary deploy): acted on at once;\n"
"      canary-read         it read a canary (20 points, once; alone never acted on:\n"
"                          every backup reads every file; noted on the output).\n"
"    Signals add up per session (children forked per file score together; a session\n"
"    is the unit a shell, a service or a cron job runs in) or per smbd process (one per\n"
"    Samba client). At 100 points within 60 seconds the group is acted on, once.\n"
"\n"
"    Zero loss: before the first write to an existing file lands (or its truncation\n"
"    by an open with O_TRUNC), the file is copied into the shadow (a FICLONE reflink\n"
"    on btrfs/XFS, else a copy). A file of more than 1 MiB rewritten in place is not\n"
"    copied whole: the range of the original each write is about to change is kept\n"
"    instead (a database is not copied for a page). A writer that goes on past 32\n"
"    writes (a database server) gets the rest of the original kept in the background,\n"
"    1 MiB between events, if it fits in half of what is left of the shadow; after\n"
"    that its writes go unasked. A new file deleted before it was judged (a journal,\n"
"    a temp file) is not judged. A file read is kept open for 30 seconds: when the\n"
"    reader deletes it and writes random files, its content is copied from that\n"
"    descriptor (copy-then-delete loses nothing; no time of the file changes: every\n"
"    read of the watcher is O_NOATIME). Copies before writes use pre-content\n"
"    permission events (Linux 6.14+, ext4/XFS/btrfs; the writer waits for the copy)\n"
"    and open permission events; on older kernels, and on filesystems without\n"
"    pre-content events (tmpfs), open permission events only (each file opened for\n"
"    writing is copied whole first); where the filesystem refuses both watch refuses\n"
"    PATH. --restore brings back, for each file of the shadow, the newest copy taken\n"
"    before it turned random (for ranges: laid over the file, renamed or not in its\n"
"    directory, newest first).\n"
"\n"
"    The watcher ignores its own accesses and everything under the shadow directory;\n"
"    it never signals pid 1, itself or its ancestors, nor any process that did nothing\n"
"    under PATH. A fanotify queue overflow is reported and followed by a rescan of the\n"
"    trees (new directories are marked; files changed since the watcher started are\n"
"    scanned in a child process). Alerts go to stdout, to syslog (LOG_DAEMON), and to\n"
"    the journal of the open case in the database (when there is one).\n"
"\n"
"OPTIONS\n"
"    --action alert|stop|kill\n"
"        alert: report only. stop (default): SIGSTOP the group's processes (memory kept\n"
"        as evidence; further accesses are refused). kill: SIGKILL them and restore\n"
"        the files they touched from the shadow (a child process does it while the\n"
"        watcher goes on, and says {\"kind\":\"restored\"} when done).\n"
"    --format text|jsonl\n"
"        Output format (text by default).\n"
"    --db FILE\n"
"        The database whose open case receives the alerts (default ./riposte.db or\n"
"        RIPOSTE_DB; nothing is created when it does not exist).\n"
"    --block-client\n"
"        For an smbd process, add an nftables drop for its client's address: the\n"
"        address goes into set clients4 or clients6 of table inet riposte_watch\n"
"        (created when missing; no other table is touched). It stays after watch\n"
"        ends, until the client is cleaned and --unblock lifts it.\n"
"    --allow EXE[:SHA256]\n"
"        Never score processes running EXE (an absolute path), or only when its content\n"
"        has that SHA-256 (backup software). Repeatable.\n"
"    --shadow DIR\n"
"        Shadow directory (default /var/lib/riposte/shadow). It must not be under PATH\n"
"        (if it is, it is excluded).\n"
"    --shadow-max SIZE\n"
"        Bound on the copies (default 1G; K, M, G, T suffixes). When it is reached, or\n"
"        the shadow's filesystem is full, or a copy fails otherwise, watch says so\n"
"        ({\"kind\":\"warning\"}, syslog; once per cause, again after each hourly\n"
"        expiry while it lasts) and goes on without copies: a write is never held\n"
"        back or refused for want of room.\n"
"    --shadow-keep DURATION\n"
"        Copies older than this expire, at start and then hourly (default 7d).\n"
"    --spin US\n"
"        While accesses come less than US microseconds apart and no verdict is being\n"
"        computed, wait for the next one without sleeping, up to US (default 0: always\n"
"        sleep; at most 10000). Each access waits for the watcher's answer, and\n"
"        waking a sleeping core can cost more than the answer: with a bare responder\n"
"        on a 2-core virtual machine, 100 halved the wait per file written; with\n"
"        riposte's verdicts and a copying workload on the same 2 cores it made things\n"
"        slower. Worth it with idle cores to spare; a busy writer then costs up to\n"
"        one core.\n"
"    --no-pre-content\n"
"        Use open permission events only, as on a kernel before 6.14 (Debian 12's\n"
"        6.1): each file opened for writing is copied whole before its open is\n"
"        answered, and an open for reading and writing counts as a read. To test\n"
"        that mode, or to compare.\n"
"    --check\n"
"        Test the set-up for each PATH: kernel, CAP_SYS_ADMIN, the fanotify classes the\n"
"        filesystem accepts, FICLONE support. Exit 0 when watch can protect PATH with\n"
"        copies before writes, 1 when only with reduced protection, 2 when not at all.\n"
"    --restore\n"
"        Restore from the shadow (only the files under PATH, when given).\n"
"    --unblock ADDRESS|all\n"
"        Lift the --block-client drop of ADDRESS (IPv4 or IPv6), or with all every\n"
"        one of them (table inet riposte_watch is deleted; nothing else of the\n"
"        ruleset is touched). Exit 0 when lifted, 1 when ADDRESS was not blocked\n"
"        (nothing changed), 2 on error. Needs CAP_NET_ADMIN.\n"
"    -h, --help\n"
"        This text.\n"
"\n"
"OUTPUT (jsonl)\n"
"    {\"kind\":\"ready\",\"paths\":[...],\"dirs\":N,\"pre_content\":true,\"shadow\":\"DIR\",\n"
"     \"action\":\"stop\",\"spin_us\":N,\"pid\":N}\n"
"        once the marks are in place;\n"
"    {\"kind\":\"alert\",\"time\":T,\"pid\":N,\"pids\":[...],\"exe\":S,\"cmdline\":S,\"uid\":N,\n"
"     \"client\":S,\"user\":S,\"files\":[...],\"files_touched\":N,\"signals\":{NAME:N,...},\n"
"     \"score\":N,\"action\":S,\"result\":S,\"action_time\":T,\"action_unix_ms\":N,\n"
"     \"latency_ms\":N,\"first_write_to_action_ms\":N,\"blocked\":B,\"restoring\":B}\n"
"        per detection (client and user for smbd only; latency_ms from the group's\n"
"        first signal to the action, first_write_to_action_ms from its first write\n"
"        under PATH, -1 when it wrote nothing; action_unix_ms: the wall clock then;\n"
"        restoring with --action kill only);\n"
"    {\"kind\":\"canary-read\",\"time\":T,\"pid\":N,\"exe\":S,\"cmdline\":S,\"uid\":N,\"path\":S}\n"
"        the first canary a group read (noted, also in syslog and the case's journal;\n"
"        not an alert);\n"
"    {\"kind\":\"restored\",\"pid\":N,\"restored\":N,\"failed\":N} after a kill, once\n"
"        the files the killed group touched are back;\n"
"    {\"kind\":\"warning\",\"message\":S}, {\"kind\":\"overflow\",\"time\":T},\n"
"    {\"kind\":\"rescan\",\"files\":N,\"random\":N,\"paths\":[...]};\n"
"    {\"kind\":\"summary\",\"alerts\":N,\"events\":N,\"copies\":N,\"saved\":N,\"overflows\":N}\n"
"        at the end (SIGTERM or SIGINT).\n"
"    --restore: {\"kind\":\"restore\",\"path\":S,\"result\":\"restored|intact|failed\",\n"
"    \"how\":S,\"copied\":T} per file, then {\"kind\":\"summary\",\"restored\":N,\"intact\":N,\n"
"    \"failed\":N}. --check: {\"kind\":\"check\",\"path\":S,\"kernel\":S,\"cap_sys_admin\":B,\n"
"    \"pre_content\":B,\"open_perm\":B,\"names\":B,\"ficlone\":B,\"fs\":S,\"ok\":B}, or for a\n"
"    PATH that is not a directory {\"kind\":\"check\",\"path\":S,\"error\":S,\"ok\":false}.\n"
"    --unblock: {\"kind\":\"unblock\",\"address\":S,\"result\":\"unblocked|not-blocked\"}.\n"
"\n"
"COST\n"
"    Each open under PATH waits for the watcher's answer, each read and write there\n"
"    goes through the kernel's pre-content hook, and each file written is read back\n"
"    and judged. Measured on a virtual machine with 2 cores (bench/watch/, figures\n"
"    in bench/RESULTS.md): a large file streamed in, no difference that shows; 2,000\n"
"    documents copied in over SMB, 10-19 % longer (the watcher's CPU, about 0.2 ms\n"
"    per document, taken from smbd on the same cores); a SQLite writer, 10-16 %\n"
"    longer, which is what a responder that only answers each file once costs\n"
"    there (the hook and the answers, no work). With a core to itself the watcher's\n"
"    own work added 2-3 % to what the answers cost.\n"
"\n"
"EXIT STATUS\n"
"    0  ended by a signal with no alert; --check: fully supported; --restore: all done;\n"
"       --unblock: lifted\n"
"    1  at least one alert; --check: reduced protection; --restore: some failed;\n"
"       --unblock: it was not blocked\n"
"    2  error (bad usage, no privilege, PATH unsupported)\n"
"\n"
"EXAMPLES\n"
"    riposte canary deploy /srv/share && riposte watch --format jsonl /srv/share\n"
"    riposte watch --check /srv/share\n"
"    riposte watch --action kill --allow /usr/bin/borg /srv/share /home\n"
"    riposte watch --unblock 192.168.1.23    # the client's PC is clean again\n"
"    riposte watch --restore /srv/share\n";

#define MAX_ROOTS 64
#define MAX_ALLOW 32
#define NFILESTATE 8192
#define RANGE_MIN ((uint64_t)1 << 20)  /* larger files rewritten in place: ranges, not copies */
#define RANGE_SPANS 1024               /* spans of one epoch before the rest is kept whole */
#define BG_CHUNK ((uint64_t)1 << 20)   /* the rest of a range epoch, kept between events */
#define BG_MAX 64                      /* range epochs completed in the background at once */
#define BG_AFTER 32                    /* writes asked in an epoch before its background */
#define NPROC 1024
#define WINDOW_MS 60000
#define MAX_KIDS 32
#define EXPIRE_MS (3600 * 1000)

struct allow {
	char exe[PATH_MAX];
	char sha[65];       /* "" = any content */
};

/* What watch knows about a file between its first access and its close. */
/* The part of a large file kept so far in its range epoch: [start, end) spans,
 * sorted and disjoint. */
struct span {
	uint64_t start, end;
};

struct fstate {
	uint64_t dev, ino;
	int used;
	int copied;          /* a copy (or clone) was kept, or every range of the original */
	pid_t epoch_pid;     /* the writer the copy was kept for */
	/* a large file rewritten in place: ranges of the original are kept before each
	 * write instead of a copy of it whole (rp_shadow_keep_range) */
	int ranged;
	uint64_t orig_size;
	int64_t orig_mtime_ns;
	struct span *spans;
	size_t nspans, capspans;
	uint64_t saved;
	/* the rest of the original kept in the background, BG_CHUNK at a time between
	 * events, from bg_next on, through bgfd (-1: none); once all is kept the writer
	 * goes unasked */
	int bgfd;
	uint64_t bg_next;
	unsigned nwrites;    /* writes asked in this range epoch */
	int bg_tried;
	int has_pre;         /* pre: the verdict before the write */
	enum rp_verdict_kind pre_kind;
	char pre_class[16];  /* rp_format_class of the head before the write, "" if none */
	int read_before;     /* the writer's group had read it */
	int canary;          /* a canary (its name, with content) was accessed: closed after
	                        writing, its content must still be a canary's */
	/* the verdict at the last close-write, good while the file keeps that mtime and
	 * size: the next writer's "before" without a second scan */
	int known;
	int64_t known_mtime_ns;
	uint64_t known_size;
	enum rp_verdict_kind known_kind;
	char known_class[16];
};

/* What a close was, for its verdict when it comes back from a worker. */
struct closing {
	uint64_t key;        /* the writer's group */
	pid_t pid;
	char *path;
	int existed;         /* it had content before this writer (a rewrite) */
	enum rp_verdict_kind pre_kind;
	char pre_class[16];
	int read_before;
	int suspicious;      /* counted in the group's awaiting */
};

/* A permission event answered later: its process waits until the verdicts it
 * depends on are back. */
struct deferred {
	int fd;
	pid_t pid, tid;
	int open_perm;
	uint64_t off, count;     /* the access's range: what a range epoch keeps */
};

#define NDEFER 4096
/* verdicts out at once: each holds a descriptor; past this the watcher waits for
 * them before it reads more events (a flood slows down, it does not pile up) */
#define MAX_PENDING 1024
#define SPIN_US 0           /* --spin default: off (on 2 cores the spin took the core
                              cp and the verdicts needed: bench/results/watch.md) */

/* A read file's descriptor, kept a while: if the reader's group deletes the file and
 * turns out to write random files, the content is copied from it (a descriptor keeps
 * a deleted file alive and, unlike a hard link, changes none of its times). */
struct held {
	int fd;              /* -1: free */
	uint64_t key;        /* the reader's group */
	int64_t ms;
	int deleted;         /* the name went; waiting for the group to prove guilty */
	char *path;
};

#define NHELD 256
#define HELD_MS 30000

/* ignore marks (rp_fan_hold) known at once, at most; past HOLDS_LOW the oldest of
 * those kept past their close are taken off between events */
#define NHOLDS 4096
#define HOLDS_LOW 3072
#define MAX_MOUNTFD 16

struct pcache {
	pid_t pid;
	int valid;
	int allowed;
	struct rp_proc_info info;
};

struct watch {
	struct rp_cli *cli;
	int fmt;
	int action;          /* 0 alert, 1 stop, 2 kill */
	int block_client;
	const char *roots[MAX_ROOTS];
	char *rootreal[MAX_ROOTS];
	size_t nroots;
	struct allow allow[MAX_ALLOW];
	size_t nallow;
	const char *shadow_dir;
	char shadow_real[PATH_MAX];
	struct rp_shadow *shadow;
	struct rp_fan *fan;
	struct rp_engine *engine;
	struct rp_scanner *scanner;
	struct rp_vpool *pool;
	struct deferred *defer;
	size_t ndefer;
	uint64_t max_pending;
	int64_t spin_us;         /* --spin: polling without sleeping while events come close */
	uint64_t shadow_max;
	const char *shadow_max_arg;  /* as given, for the message when it is reached */
	struct rp_beh *beh;
	struct fstate *files;
	struct fstate *bg[BG_MAX];  /* the range epochs being completed (slots of files) */
	size_t nbg;
	struct pcache *procs;
	struct held held[NHELD];
	struct rp_holds *holds;  /* every inode with our ignore mark (holds.h) */
	struct {
		uint64_t dev;
		int fd;
	} mountfd[MAX_MOUNTFD];  /* a directory per filesystem, to open file handles from */
	size_t nmountfd;
	int handles;         /* file handles open again (CAP_DAC_READ_SEARCH): marks can be
	                        taken off with no descriptor at hand */
	char **known_ext;
	size_t nknown;
	pid_t self;
	int procfd;          /* /proc/self/fd, for fd_path; -1 in a child (it names the
	                        parent's descriptors) or when it could not be opened */
	pid_t kids[MAX_KIDS];  /* our children (rescan, journal, restore): never scored */
	size_t nkids;
	pid_t rescan_pid;
	int64_t t0_real;     /* cli->now at start */
	int fixed_now;       /* RIPOSTE_NOW set: times are t0_real + elapsed */
	int64_t t0_mono;     /* monotonic ms at start */
	unsigned keep_said;  /* KEEP_SAID_*: why copies failed, said once until an expiry */
	uint64_t events, copies, saved, alerts, overflows, dirs;
	int failed;          /* an output error */
	struct rp_verdict v; /* scratch */
	struct rp_buf out;
};

static int64_t
wall(const struct watch *w)
{
	/* the clock, unless RIPOSTE_NOW fixed the start (tests): then start + elapsed */
	if (w->fixed_now)
		return w->t0_real + (rp_time_mono_ms() - w->t0_mono) / 1000;
	return (int64_t)time(NULL);
}

static void
emit(struct watch *w)
{
	if (w->out.len == 0)
		return;
	if (rp_cli_put(w->cli, &w->out) != 0 || fflush(stdout) != 0)
		w->failed = 1;
	rp_buf_reset(&w->out);
}

static void
warning(struct watch *w, const char *msg)
{
	syslog(LOG_WARNING, "watch: %s", msg);
	if (w->fmt == RP_FMT_JSONL) {
		rp_buf_addstr(&w->out, "{\"kind\":\"warning\",\"message\":");
		rp_json_str(&w->out, msg);
		rp_buf_addstr(&w->out, "}\n");
		emit(w);
	} else {
		rp_warn(w->cli, "%s", msg);
	}
}

enum { KEEP_SAID_MAX = 1, KEEP_SAID_DISK = 2, KEEP_SAID_OTHER = 4 };

/*
 * Says why a copy before a write failed: the --shadow-max bound, a full filesystem, or
 * another error. Each cause is said once, and again after an hourly expiry if it is
 * still there. The writer is not held back by a copy that failed: its write goes on
 * uncopied rather than fail or wait on the server it serves.
 */
static void
keep_failed(struct watch *w, int r)
{
	char msg[PATH_MAX + 256];
	unsigned cause;
	if (r == 0)
		return;
	const char *why = rp_strerror(r);   /* RP_ERR_SYSTEM: errno's, read now */
	if (r == RP_ERR_TOOBIG) {
		cause = KEEP_SAID_MAX;
		snprintf(msg, sizeof(msg), "the shadow is full (--shadow-max %s): files are no "
		    "longer copied before writes", w->shadow_max_arg);
	} else if (r == RP_ERR_NOSPACE) {
		cause = KEEP_SAID_DISK;
		snprintf(msg, sizeof(msg), "no space left on the shadow's filesystem (%s): files "
		    "are no longer copied before writes", w->shadow_real);
	} else {
		cause = KEEP_SAID_OTHER;
		snprintf(msg, sizeof(msg), "a copy into the shadow failed (%s): a file was "
		    "written without its copy", why);
	}
	if (w->keep_said & cause)
		return;
	w->keep_said |= cause;
	warning(w, msg);
}

/* ---- files and processes ---- */

/* Ends f's background completion, if any: what it kept so far stays kept. */
static void
bg_cancel(struct watch *w, struct fstate *f)
{
	if (!f->used || f->bgfd < 0)
		return;
	close(f->bgfd);
	f->bgfd = -1;
	for (size_t i = 0; i < w->nbg; i++)
		if (w->bg[i] == f) {
			w->bg[i] = w->bg[--w->nbg];
			break;
		}
}

/* The state of the regular file whose stat is st (created when new and create is
 * set). */
static struct fstate *
fstate_at(struct watch *w, const struct stat *st, int create)
{
	uint64_t h = ((uint64_t)st->st_dev * 0x9e3779b97f4a7c15ULL) ^ ((uint64_t)st->st_ino * 0xff51afd7ed558ccdULL);
	struct fstate *f = &w->files[h % NFILESTATE];
	if (f->used && f->dev == (uint64_t)st->st_dev && f->ino == (uint64_t)st->st_ino)
		return f;
	if (!create)
		return NULL;
	bg_cancel(w, f);
	free(f->spans);
	memset(f, 0, sizeof(*f));
	f->bgfd = -1;
	f->used = 1;
	f->dev = (uint64_t)st->st_dev;
	f->ino = (uint64_t)st->st_ino;
	return f;
}

/* The state of the file open as fd (created when new and create is set); its stat
 * in *stp when stp is not NULL. */
static struct fstate *
fstate_of(struct watch *w, int fd, int create, struct stat *stp)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	if (stp != NULL)
		*stp = st;
	return fstate_at(w, &st, create);
}

static int
allowed_exe(struct watch *w, pid_t pid, const char *exe)
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
static struct pcache *
proc_of(struct watch *w, pid_t pid)
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

static struct rp_beh_group *
group_of(struct watch *w, struct pcache *p, pid_t pid)
{
	uint64_t key = p ? rp_beh_key(pid, p->info.sid, p->info.exe) : rp_beh_key(pid, 0, NULL);
	struct rp_beh_group *g = rp_beh_group(w->beh, key, rp_time_mono_ms());
	if (g != NULL)
		rp_beh_pid(g, pid, rp_time_mono_ms());
	return g;
}

/* The watcher itself or one of its children: their accesses are answered at once and
 * never scored (the watcher would wait for its own answer). */
static int
ours(const struct watch *w, pid_t pid)
{
	if (pid == w->self)
		return 1;
	for (size_t i = 0; i < w->nkids; i++)
		if (w->kids[i] == pid)
			return 1;
	return 0;
}

/*
 * Runs fn in a child process and returns at once (0, or -1 when it could not fork).
 * Whatever may write under the watched trees (the journal's database, the files put
 * back after a kill) is done by a child: a write by the watcher's own thread there
 * would wait for a permission answer that only that thread can give.
 */
static int
spawn(struct watch *w, void (*fn)(struct watch *w, void *arg), void *arg)
{
	if (w->nkids == MAX_KIDS)
		return -1;
	fflush(stdout);
	pid_t c = fork();
	if (c < 0)
		return -1;
	if (c == 0) {
		w->procfd = -1;     /* it names the parent's descriptors: left unused */
		fn(w, arg);
		fflush(stdout);
		_exit(0);
	}
	w->kids[w->nkids++] = c;
	return 0;
}

/* Forgets the children that ended (SIGCHLD). */
static void
reap(struct watch *w)
{
	pid_t c;
	while ((c = waitpid(-1, NULL, WNOHANG)) > 0) {
		if (c == w->rescan_pid)
			w->rescan_pid = 0;
		for (size_t i = 0; i < w->nkids; i++)
			if (w->kids[i] == c) {
				w->kids[i] = w->kids[--w->nkids];
				break;
			}
	}
}

/*
 * The path of the file open as fd. Through the watcher's own /proc/self/fd directory
 * when it has it open: one component to look up instead of four. It runs twice per
 * file written: during smb-copy, with the verdicts left out, readlink of the full
 * link was 17 % of the main thread's time (perf), half of it the walk of /proc, self
 * and fd; 3.7 -> 2.4 us per call on the bench machine.
 */
static int
fd_path(const struct watch *w, int fd, char *buf, size_t cap)
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

static int
in_shadow(const struct watch *w, const char *path)
{
	return w->shadow_real[0] && under(path, w->shadow_real);
}

/* ---- ignore marks, known exactly (holds.h) ---- */

/* a file handle with room for what w->holds keeps of one */
struct fhandle {
	struct file_handle fh;
	unsigned char room[RP_HOLD_HANDLE];
};

/*
 * A directory of filesystem dev, open to decode file handles in (open_by_handle_at
 * wants a descriptor that is not O_PATH); opened once per filesystem, from the
 * directory of the file open as fd (-1: look up only). Opening a directory raises no
 * event: the content group does not ask for FAN_ONDIR. -1 when there is none.
 */
static int
mount_fd(struct watch *w, uint64_t dev, int fd)
{
	for (size_t i = 0; i < w->nmountfd; i++)
		if (w->mountfd[i].dev == dev)
			return w->mountfd[i].fd;
	char path[PATH_MAX];
	if (fd < 0 || w->nmountfd == MAX_MOUNTFD || fd_path(w, fd, path, sizeof(path)) != 0 ||
	    path[0] != '/')
		return -1;
	char *slash = strrchr(path, '/');
	slash[slash == path] = '\0';    /* "/a/f" -> "/a", "/f" -> "/" */
	struct stat st;
	int d = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d < 0)
		return -1;
	if (fstat(d, &st) != 0 || (uint64_t)st.st_dev != dev) {
		close(d);
		return -1;
	}
	w->mountfd[w->nmountfd].dev = dev;
	w->mountfd[w->nmountfd++].fd = d;
	return d;
}

/* Whether a file handle of dir opens again (open_by_handle_at needs
 * CAP_DAC_READ_SEARCH, which a unit or a container may have taken away). */
static int
handles_work(const char *dir)
{
	struct fhandle fh;
	int mnt, ok = 0, d = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	fh.fh.handle_bytes = RP_HOLD_HANDLE;
	if (d >= 0 && name_to_handle_at(d, "", &fh.fh, &mnt, AT_EMPTY_PATH) == 0) {
		int o = open_by_handle_at(d, &fh.fh, O_PATH | O_CLOEXEC);
		ok = o >= 0;
		if (o >= 0)
			close(o);
	}
	if (d >= 0)
		close(d);
	return ok;
}

/* Takes h's mark off through fd (a descriptor of its file) and forgets it. */
static void
hold_off(struct watch *w, struct rp_hold *h, int fd)
{
	rp_fan_hold(w->fan, fd, 0);    /* gone already (ENOENT) is fine */
	rp_holds_del(w->holds, h);
}

/*
 * Takes h's mark off through its file handle. A handle that no longer opens (ESTALE)
 * is a file whose inode has gone, and its mark with it. The descriptor opened is
 * O_PATH (it raises no event; an O_RDONLY open would wait for the watcher's own
 * answer), which fanotify_mark does not take: it is named through /proc. Returns 0
 * when the mark is off or gone, -1 when it may still be on (out of descriptors).
 */
static int
hold_unmark(struct watch *w, const struct rp_hold *h)
{
	struct fhandle fh;
	fh.fh.handle_bytes = h->hlen;
	fh.fh.handle_type = h->htype;
	memcpy(fh.fh.f_handle, h->h, h->hlen);
	int md = mount_fd(w, h->dev, -1);
	if (md < 0)
		return -1;
	int fd = open_by_handle_at(md, &fh.fh, O_PATH | O_CLOEXEC);
	if (fd < 0)
		return errno == ESTALE || errno == ENOENT ? 0 : -1;
	char link[64];
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	int r = rp_fan_unhold_path(w->fan, link);
	close(fd);
	return r == 0 ? 0 : -1;
}

/* Takes the mark of the entry closed first off and forgets it. Returns 0, or -1 when
 * none is closed or its mark could not be taken off (it is queued again, last). */
static int
hold_drop_oldest(struct watch *w)
{
	struct rp_hold *h = rp_holds_oldest_closed(w->holds);
	if (h == NULL)
		return -1;
	if (hold_unmark(w, h) != 0) {
		rp_holds_close(w->holds, h);
		return -1;
	}
	rp_holds_del(w->holds, h);
	return 0;
}

/*
 * Stops the pre-access events of f's file (open as fd) for every process: until its
 * close, or, lazy, until the first open of it after its close (or its turn as the
 * oldest, past HOLDS_LOW). A new file is written by the process that made it and
 * usually not opened again for a long time: its mark is left to the next open, which
 * saves a fanotify_mark call and the kernel's destruction of the mark per file
 * written (too little to show over SMB: bench/results/watch.md). Only with
 * pre-content events and handles that open: with open permission events alone the
 * mark would hide the very open that has to take it off. Every mark is entered in
 * w->holds with a handle to take it off by, or not placed (the accesses are then
 * asked instead).
 */
static void
hold_on(struct watch *w, struct fstate *f, int fd, int lazy)
{
	lazy = lazy && rp_fan_pre_on(w->fan, f->dev) && w->handles;
	/* the table says whether the mark is on (f may be a new entry for a file whose
	 * old one the cache dropped) */
	struct rp_hold *h = rp_holds_find(w->holds, f->dev, f->ino);
	if (h != NULL) {
		if (h->closed) {
			/* kept past a close: the mark is on (or went with an inode whose
			 * number came back, and then more is asked, not less), now for
			 * this holder */
			rp_holds_open(w->holds, h);
			h->lazy = lazy;
		}
		return;
	}
	if (rp_holds_count(w->holds) >= rp_holds_cap(w->holds) && (!w->handles || hold_drop_oldest(w) != 0))
		return;
	struct fhandle fh;
	int mnt;
	fh.fh.handle_bytes = RP_HOLD_HANDLE;
	if (name_to_handle_at(fd, "", &fh.fh, &mnt, AT_EMPTY_PATH) != 0 ||
	    mount_fd(w, f->dev, fd) < 0 || rp_fan_hold(w->fan, fd, 1) != 0)
		return;
	h = rp_holds_add(w->holds, f->dev, f->ino);
	h->lazy = lazy;
	h->htype = fh.fh.handle_type;
	h->hlen = fh.fh.handle_bytes;
	memcpy(h->h, fh.fh.f_handle, h->hlen);
}

/* Ends the hold of the file open as fd, if it has one. */
static void
hold_end(struct watch *w, int fd, const struct stat *st)
{
	struct rp_hold *h = rp_holds_find(w->holds, (uint64_t)st->st_dev, (uint64_t)st->st_ino);
	if (h != NULL)
		hold_off(w, h, fd);
}

/*
 * After a queue overflow: the closes lost with it would leave their marks on for
 * good. Every mark is taken off through its handle (a writer still at work is asked
 * again, and held again): a few thousand calls at most, once per overflow. Without
 * handles that open, or when one fails, each counts as closed instead and goes at
 * the next open of its file. That needs pre-content events: with open permission
 * events alone (a kernel before 6.14) the mark hides that open, and a mark whose
 * close was lost stays until its inode leaves the cache. The unit (packaging/)
 * grants what handles need.
 */
static void
holds_overflow(struct watch *w)
{
	size_t it = 0;
	struct rp_hold *h;
	int failed = !w->handles;
	while (!failed && (h = rp_holds_next(w->holds, &it)) != NULL)
		failed = hold_unmark(w, h) != 0;
	if (!failed) {
		rp_holds_clear(w->holds);
		return;
	}
	for (it = 0; (h = rp_holds_next(w->holds, &it)) != NULL;)
		if (!h->closed)
			rp_holds_close(w->holds, h);
}

/* ---- the action ---- */

static void
json_files(struct rp_buf *b, const struct rp_beh_group *g)
{
	rp_buf_addstr(b, "\"files\":[");
	for (size_t i = 0; i < g->nfiles; i++) {
		int lossy = 0;
		rp_buf_addstr(b, i ? ",\"" : "\"");
		rp_esc_json(b, g->files[i], strlen(g->files[i]), &lossy);
		rp_buf_addch(b, '"');
	}
	rp_buf_addstr(b, "],");
}

struct kill_restore {
	struct watch *w;
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

struct journal_job {
	const char *text, *data;
	int64_t when;
};

static void
journal_child(struct watch *w, void *arg)
{
	struct journal_job *jj = arg;
	struct rp_store *st = NULL;
	char msg[PATH_MAX + 128];
	int r = rp_store_open(&st, w->cli->db_path, 0);
	if (r != 0) {
		snprintf(msg, sizeof(msg), "cannot open the database %s (%s): the alert is not journaled",
		    w->cli->db_path, rp_strerror(r));
		warning(w, msg);
		return;
	}
	r = rp_journal_append(st, 0, jj->when, "watch", "riposte watch", jj->text, jj->data, NULL);
	if (r != 0 && r != RP_ERR_NOTFOUND) {
		snprintf(msg, sizeof(msg), "cannot journal the alert in the case of %s (%s)",
		    w->cli->db_path, rp_strerror(r));
		warning(w, msg);
	}
	rp_store_close(st);
}

/* Journals the alert in the open case of the database, when there is one (in a
 * child: the database may be under a watched tree). */
static void
journal(struct watch *w, const char *text, const char *data)
{
	struct journal_job jj = { text, data, wall(w) };
	if (access(w->cli->db_path, F_OK) != 0)
		return;
	if (spawn(w, journal_child, &jj) != 0)
		warning(w, "cannot start the journal's process: the alert is not journaled");
}

struct restore_job {
	struct rp_beh_group *g;
	pid_t pid;
};

static void
restore_child(struct watch *w, void *arg)
{
	struct restore_job *rj = arg;
	struct kill_restore k = { w, 0, 0 };
	rp_shadow_restore(w->shadow_dir, (const char *const *)rj->g->files, rj->g->nfiles, restored_cb, &k);
	rp_buf_reset(&w->out);
	if (w->fmt == RP_FMT_JSONL)
		rp_buf_addf(&w->out, "{\"kind\":\"restored\",\"pid\":%d,\"restored\":%" PRIu64
		    ",\"failed\":%" PRIu64 "}\n", (int)rj->pid, k.done, k.failed);
	else
		rp_buf_addf(&w->out, "restored %" PRIu64 " file(s) touched by pid %d (%" PRIu64 " failed)\n",
		    k.done, (int)rj->pid, k.failed);
	emit(w);
}

static void
act(struct watch *w, struct rp_beh_group *g, pid_t pid, int score)
{
	static const char *const names[] = { "alert", "stop", "kill" };
	int64_t t_act = rp_time_mono_ms();
	struct pcache *p = proc_of(w, pid);
	struct rp_samba_client client;
	int is_smbd = 0, blocked = 0;
	unsigned done = 0, refused = 0;
	g->acted = 1;
	w->alerts++;

	if (w->action > 0) {
		int sig = w->action == 2 ? SIGKILL : SIGSTOP;
		pid_t parents[RP_BEH_MAX_PIDS];
		size_t npar = 0;
		for (size_t i = 0; i < g->npids; i++) {
			struct pcache *q = proc_of(w, g->pids[i]);
			int r = rp_proc_signal(g->pids[i], sig);
			if (r == 0)
				done++;
			else if (r == RP_ERR_REFUSED)
				refused++;
			/* a parent that forked two or more of the group's writers is the attack */
			if (q != NULL && q->info.ppid > 1) {
				size_t k, same = 0;
				for (k = 0; k < g->npids; k++) {
					struct pcache *o = proc_of(w, g->pids[k]);
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
			struct pcache *pp = proc_of(w, parents[k]);
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
			warning(w, msg);
		} else if (w->block_client && client.addr[0]) {
			r = rp_samba_block(client.addr);
			blocked = r == 0;
			if (r != 0) {
				snprintf(msg, sizeof(msg), "--block-client: %s was not blocked: %s", client.addr,
				    rp_strerror(r));
				warning(w, msg);
			}
		}
	}

	int restoring = 0;
	if (w->action == 2 && w->shadow != NULL && g->nfiles > 0) {
		struct restore_job rj = { g, pid };
		usleep(20000);   /* let SIGKILL land before the files are put back */
		restoring = spawn(w, restore_child, &rj) == 0;
	}

	const char *result = w->action == 0 ? "reported" : done > 0 ? (w->action == 1 ? "stopped" : "killed")
	    : refused > 0 ? "refused" : "vanished";
	int64_t latency = t_act - g->first_bad_ms;
	struct rp_buf *b = &w->out;
	struct rp_buf sigs;
	rp_buf_init(&sigs, 4096);
	for (int s = 0; s < RP_SIG_N; s++)
		if (g->counts[s])
			rp_buf_addf(&sigs, "%s\"%s\":%u", sigs.len ? "," : "", rp_sig_name((enum rp_sig)s), g->counts[s]);

	struct rp_buf j;
	rp_buf_init(&j, 1 << 20);
	rp_buf_addstr(&j, "{\"kind\":\"alert\",\"time\":\"");
	rp_time_fmt_utc(&j, wall(w));
	rp_buf_addf(&j, "\",\"pid\":%d,\"pids\":[", (int)pid);
	for (size_t i = 0; i < g->npids; i++)
		rp_buf_addf(&j, "%s%d", i ? "," : "", (int)g->pids[i]);
	rp_buf_addstr(&j, "],");
	rp_cli_path_json(&j, "exe", p ? p->info.exe : "", p ? strlen(p->info.exe) : 0);
	rp_cli_path_json(&j, "cmdline", p ? p->info.cmdline : "", p ? strlen(p->info.cmdline) : 0);
	rp_buf_addf(&j, "\"uid\":%d,", p ? (int)p->info.uid : -1);
	if (is_smbd) {
		rp_buf_addstr(&j, "\"client\":");
		rp_json_str(&j, client.addr);
		rp_buf_addstr(&j, ",\"user\":");
		rp_json_str(&j, client.user);
		rp_buf_addch(&j, ',');
	}
	json_files(&j, g);
	rp_buf_addf(&j, "\"files_touched\":%" PRIu64 ",\"signals\":{%s},\"score\":%d,\"action\":\"%s\","
	    "\"result\":\"%s\",\"action_time\":\"", g->nfiles_total, sigs.buf, score,
	    names[w->action], result);
	rp_time_fmt_utc(&j, wall(w));
	struct timespec now_rt;
	clock_gettime(CLOCK_REALTIME, &now_rt);
	rp_buf_addf(&j, "\",\"action_unix_ms\":%" PRId64 ",\"latency_ms\":%" PRId64
	    ",\"first_write_to_action_ms\":%" PRId64 ",\"blocked\":%s",
	    (int64_t)now_rt.tv_sec * 1000 + now_rt.tv_nsec / 1000000, latency,
	    g->first_write_ms ? t_act - g->first_write_ms : -1, blocked ? "true" : "false");
	if (w->action == 2)
		rp_buf_addf(&j, ",\"restoring\":%s", restoring ? "true" : "false");
	rp_buf_addstr(&j, "}\n");

	struct rp_buf text;
	rp_buf_init(&text, 1 << 20);
	rp_time_fmt_local(&text, wall(w));
	rp_buf_addf(&text, "  ALERT pid %d ", (int)pid);
	if (p) {
		rp_buf_addch(&text, '(');
		rp_esc_text(&text, p->info.cmdline, strlen(p->info.cmdline));
		rp_buf_addf(&text, ") uid %d", (int)p->info.uid);
	}
	if (is_smbd)
		rp_buf_addf(&text, " client %s user %s%s", client.addr[0] ? client.addr : "?",
		    client.user[0] ? client.user : "?", blocked ? " (blocked)" : "");
	rp_buf_addf(&text, ": score %d [", score);
	for (int s = 0, n = 0; s < RP_SIG_N; s++)
		if (g->counts[s])
			rp_buf_addf(&text, "%s%s x%u", n++ ? ", " : "", rp_sig_name((enum rp_sig)s), g->counts[s]);
	rp_buf_addf(&text, "] -> %s (%s) after %" PRIu64 " file(s), %" PRId64 " ms after the first signal",
	    names[w->action], result, g->nfiles_total, latency);
	if (g->first_write_ms)
		rp_buf_addf(&text, ", %" PRId64 " ms after its first write", t_act - g->first_write_ms);
	rp_buf_addch(&text, '\n');
	for (size_t i = 0; i < g->nfiles; i++) {
		rp_buf_addstr(&text, "    ");
		rp_esc_text(&text, g->files[i], strlen(g->files[i]));
		rp_buf_addch(&text, '\n');
	}

	syslog(LOG_ALERT, "watch: pid %d (%s): %s -> %s (%s)", (int)pid, p ? p->info.exe : "?",
	    sigs.buf, names[w->action], result);
	j.buf[j.len - 1] = '\0';   /* the journal keeps the object without its newline */
	journal(w, "ransomware behaviour detected and acted on", j.buf);
	j.buf[j.len - 1] = '\n';
	rp_buf_add(b, w->fmt == RP_FMT_JSONL ? j.buf : text.buf, w->fmt == RP_FMT_JSONL ? j.len : text.len);
	emit(w);
	rp_buf_release(&sigs);
	rp_buf_release(&j);
	rp_buf_release(&text);
}

/* Adds a signal to g; acts when the group crosses the threshold. Returns 1 when the
 * group is (now or already) acted on. */
static int
signal_add(struct watch *w, struct rp_beh_group *g, pid_t pid, enum rp_sig s)
{
	int score = rp_beh_add(g, s, rp_time_mono_ms(), WINDOW_MS);
	if (!g->acted && score >= RP_BEH_THRESHOLD)
		act(w, g, pid, score);
	return g->acted;
}

/* ---- marking ---- */

static int
mark_cb(const struct rp_walk_entry *e, void *ctx)
{
	struct watch *w = ctx;
	if (e->kind != RP_WALK_DIR)
		return 0;
	char real[PATH_MAX];
	if (realpath(e->path, real) == NULL)
		return 0;
	if (in_shadow(w, real))
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
		warning(w, msg);
	}
	w->dirs++;
	return 0;
}

static int
mark_tree(struct watch *w, const char *path)
{
	struct rp_walk_opts o;
	memset(&o, 0, sizeof(o));
	o.allow_atime = 1;
	return rp_walk(path, &o, mark_cb, w, NULL);
}

/* ---- events ---- */

static const char *
base_of(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

static int
cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
known_ext(const struct watch *w, const char *name)
{
	const char *dot = strrchr(name, '.');
	char ext[32];
	if (dot == NULL || dot[1] == '\0' || strlen(dot + 1) >= sizeof(ext))
		return 0;
	size_t n = strlen(dot + 1);
	for (size_t i = 0; i <= n; i++) {
		char c = dot[1 + i];
		ext[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	const char *key = ext;
	return bsearch(&key, w->known_ext, w->nknown, sizeof(char *), cmp_strp) != NULL;
}

static int
random_kind(enum rp_verdict_kind k)
{
	return k == RP_V_ENCRYPTED || k == RP_V_PARTIAL;
}

/* The class of fd's head ("zip", "pdf", "text"), or NULL: the type a rewrite must keep. */
static const char *
head_class(int fd)
{
	unsigned char head[512];
	ssize_t n = pread(fd, head, sizeof(head), 0);
	return n > 0 ? rp_format_class(head, (size_t)n) : NULL;
}

static void
held_release(struct held *h)
{
	if (h->fd >= 0)
		close(h->fd);
	free(h->path);
	h->fd = -1;
	h->path = NULL;
	h->deleted = 0;
}

static void
hold_fd(struct watch *w, struct rp_beh_group *g, int fd, const char *path)
{
	int64_t now = rp_time_mono_ms();
	struct held *slot = NULL, *oldest = NULL;
	for (size_t i = 0; i < NHELD; i++) {
		struct held *h = &w->held[i];
		if (h->fd >= 0 && now - h->ms > HELD_MS)
			held_release(h);
		if (h->fd >= 0 && strcmp(h->path, path) == 0) {
			h->ms = now;
			return;
		}
		if (h->fd < 0 && slot == NULL)
			slot = h;
		if (h->fd >= 0 && (oldest == NULL || h->ms < oldest->ms))
			oldest = h;
	}
	if (slot == NULL) {
		slot = oldest;
		held_release(slot);
	}
	if ((slot->path = strdup(path)) == NULL)
		return;
	if ((slot->fd = fcntl(fd, F_DUPFD_CLOEXEC, 3)) < 0) {
		free(slot->path);
		slot->path = NULL;
		return;
	}
	slot->key = g->key;
	slot->ms = now;
	slot->deleted = 0;
}

/* Copies into the shadow the deleted files that group g had read, once g writes
 * random files: the originals of a copy-then-delete attack. */
static void
save_deleted(struct watch *w, struct rp_beh_group *g)
{
	enum rp_shadow_how how;
	for (size_t i = 0; i < NHELD; i++) {
		struct held *h = &w->held[i];
		if (h->fd < 0 || !h->deleted || h->key != g->key || w->shadow == NULL)
			continue;
		int r = rp_shadow_keep(w->shadow, h->fd, h->path, 0, wall(w), 0, "deleted", &how);
		if (r == 0)
			w->saved++;
		keep_failed(w, r);
		held_release(h);
	}
}

static int
held_structured(struct watch *w, const char *path)
{
	for (size_t i = 0; i < NHELD; i++) {
		struct held *h = &w->held[i];
		if (h->fd >= 0 && strcmp(h->path, path) == 0)
			return head_class(h->fd) != NULL;
	}
	return 0;
}

/* Whether a descriptor of path is kept, its name not yet gone. */
static int
held_live(const struct watch *w, const char *path)
{
	for (size_t i = 0; i < NHELD; i++)
		if (w->held[i].fd >= 0 && !w->held[i].deleted && strcmp(w->held[i].path, path) == 0)
			return 1;
	return 0;
}

static void
held_deleted(struct watch *w, struct rp_beh_group *g, const char *path)
{
	for (size_t i = 0; i < NHELD; i++) {
		struct held *h = &w->held[i];
		if (h->fd >= 0 && strcmp(h->path, path) == 0)
			h->deleted = 1;
	}
	if (g->new_random > 0 || g->counts[RP_SIG_NEW_RANDOM] > 0 || g->acted)
		save_deleted(w, g);
}

/* The end of a writer's epoch (its close, or another writer's open): the next write
 * keeps what is there then. */
static void
epoch_end(struct watch *w, struct fstate *f)
{
	bg_cancel(w, f);
	f->copied = 0;
	f->ranged = 0;
	f->epoch_pid = 0;
	f->nspans = 0;
	f->saved = 0;
}

/* Adds [a, b) to f's spans (merged with those it touches). Returns 0 or -1. */
static int
span_add(struct fstate *f, uint64_t a, uint64_t b)
{
	size_t i = 0, j;
	while (i < f->nspans && f->spans[i].end < a)
		i++;
	for (j = i; j < f->nspans && f->spans[j].start <= b; j++) {
		a = f->spans[j].start < a ? f->spans[j].start : a;
		b = f->spans[j].end > b ? f->spans[j].end : b;
	}
	if (j == i) {   /* touches none: insert at i */
		if (f->nspans == f->capspans) {
			size_t nc = f->capspans ? f->capspans * 2 : 8;
			struct span *ns = realloc(f->spans, nc * sizeof(*ns));
			if (ns == NULL)
				return -1;
			f->spans = ns;
			f->capspans = nc;
		}
		memmove(&f->spans[i + 1], &f->spans[i], (f->nspans - i) * sizeof(struct span));
		f->nspans++;
	} else if (j > i + 1) {
		memmove(&f->spans[i + 1], &f->spans[j], (f->nspans - j) * sizeof(struct span));
		f->nspans -= j - i - 1;
	}
	f->spans[i] = (struct span){ a, b };
	return 0;
}

/*
 * Keeps the parts of [a, b) of the original not kept yet in this epoch, each as a
 * range of the shadow, before the write lands. Returns 0 or an RP_ERR_*.
 */
static int
keep_gaps(struct watch *w, struct fstate *f, int fd, const char *path, pid_t pid,
    uint64_t a, uint64_t b)
{
	if (b > f->orig_size)
		b = f->orig_size;
	while (a < b) {
		uint64_t gap_end = b;
		size_t i;
		for (i = 0; i < f->nspans; i++) {
			if (f->spans[i].end <= a)
				continue;
			if (f->spans[i].start <= a) {
				a = f->spans[i].end;    /* kept already: skip */
				gap_end = 0;
			} else if (f->spans[i].start < gap_end) {
				gap_end = f->spans[i].start;
			}
			break;
		}
		if (gap_end == 0 || a >= b)
			continue;
		int r = rp_shadow_keep_range(w->shadow, fd, path, f->orig_size, f->orig_mtime_ns, a,
		    gap_end - a, wall(w), pid, f->has_pre ? rp_verdict_name(f->pre_kind) : "");
		if (r != 0)
			return r;
		if (span_add(f, a, gap_end) != 0)
			return RP_ERR_NOMEM;
		f->saved += gap_end - a;
		w->copies++;
		a = gap_end;
	}
	return 0;
}

/*
 * Before a write to an existing file: a copy of it whole, once per epoch; for a large
 * file rewritten in place by plain writes, the ranges of the original about to be
 * written (a database or a mailbox is not copied whole for a page). A range epoch is
 * completed (every part of the original kept) at an access whose extent it cannot
 * tell (a truncation, a mapping's page faults), past RANGE_SPANS spans, or once half
 * the file is kept anyway. Returns 0 or an RP_ERR_*.
 */
static void bg_start(struct watch *w, struct fstate *f, int fd);

static int
keep_before_write(struct watch *w, struct fstate *f, const struct rp_fan_event *ev,
    enum rp_proc_access acc, const struct stat *st, const char *path)
{
	enum rp_shadow_how how;
	int r;
	if (f->copied)
		return 0;
	if (!f->ranged && !ev->open_perm && ev->count > 0 && (uint64_t)st->st_size > RANGE_MIN &&
	    (acc == RP_PROC_WRITE || acc == RP_PROC_READ_RW || acc == RP_PROC_MAP)) {
		f->ranged = 1;
		f->orig_size = (uint64_t)st->st_size;
		f->orig_mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
		f->nspans = 0;
		f->saved = 0;
		f->nwrites = 0;
		f->bg_tried = 0;
	}
	if (f->ranged) {
		if (acc == RP_PROC_READ_RW)
			return 0;       /* a read changes nothing */
		if ((acc == RP_PROC_WRITE || acc == RP_PROC_MAP) && ev->count > 0 &&
		    ev->off <= UINT64_MAX - ev->count) {
			if ((r = keep_gaps(w, f, ev->fd, path, ev->pid, ev->off, ev->off + ev->count)) != 0)
				return r;
			if (++f->nwrites >= BG_AFTER)
				bg_start(w, f, ev->fd);
			if (f->nspans < RANGE_SPANS && (f->bgfd >= 0 || f->saved * 2 < f->orig_size))
				return 0;
		}
		if ((r = keep_gaps(w, f, ev->fd, path, ev->pid, 0, f->orig_size)) != 0)
			return r;
		f->copied = 1;
		bg_cancel(w, f);    /* nothing left for it */
		return 0;
	}
	if ((r = rp_shadow_keep(w->shadow, ev->fd, path, 0, wall(w), ev->pid,
	    f->has_pre ? rp_verdict_name(f->pre_kind) : "", &how)) != 0)
		return r;
	f->copied = 1;
	w->copies++;
	return 0;
}

/*
 * A writer that keeps rewriting a large file in place (a database server, a mailbox)
 * gets the rest of the original kept in the background (bg_step): past the end of
 * that, it is no longer asked at every page. Not a writer of a few pages (one client's
 * transaction: its ranges are enough), and not when the rest would take more than half
 * of what is left of the shadow (the copies before writes of the documents come first).
 */
static void
bg_start(struct watch *w, struct fstate *f, int fd)
{
	if (f->bg_tried || w->nbg >= BG_MAX)
		return;
	f->bg_tried = 1;
	uint64_t used = rp_shadow_used(w->shadow), rest = f->orig_size - f->saved;
	if (used >= w->shadow_max || rest > (w->shadow_max - used) / 2)
		return;
	if ((f->bgfd = fcntl(fd, F_DUPFD_CLOEXEC, 3)) < 0)
		return;
	f->bg_next = 0;
	w->bg[w->nbg++] = f;
}

/*
 * One step of a background completion: the next BG_CHUNK of the original not kept yet,
 * kept between events (the writers wait at most for one chunk). What is read is still
 * the original: every write of the epoch is asked, its range kept before it lands, and
 * the events are handled in this thread. Once the whole original is kept, the epoch
 * holds (its accesses go unasked) like a file copied whole.
 */
static void
bg_step(struct watch *w)
{
	struct fstate *f = w->bg[0];
	char path[PATH_MAX];
	/* round robin: each epoch in turn */
	memmove(&w->bg[0], &w->bg[1], (w->nbg - 1) * sizeof(w->bg[0]));
	w->bg[w->nbg - 1] = f;
	/* a file deleted meanwhile: ranges are laid over their inode, which has gone */
	struct stat st;
	if (fstat(f->bgfd, &st) != 0 || st.st_nlink == 0 || fd_path(w, f->bgfd, path, sizeof(path)) != 0) {
		bg_cancel(w, f);
		return;
	}
	uint64_t a = f->bg_next, b = f->orig_size - a > BG_CHUNK ? a + BG_CHUNK : f->orig_size;
	int r = keep_gaps(w, f, f->bgfd, path, f->epoch_pid, a, b);
	if (r != 0) {
		keep_failed(w, r);
		bg_cancel(w, f);    /* its writes stay asked, each range kept as before */
		return;
	}
	f->bg_next = b;
	if (b < f->orig_size)
		return;
	f->copied = 1;
	hold_on(w, f, f->bgfd, 0);
	bg_cancel(w, f);
}

/*
 * Whether an access to a canary writes it: 1 (a write, a truncation, a resize, a
 * writable mapping; with open events only, any open for writing: its write cannot be
 * seen before it lands), 0 a read, -1 not yet (an open for writing, with pre-content
 * events: its first write is asked, and judged then).
 */
static int
canary_writes(const struct rp_fan_event *ev, int pre, enum rp_proc_access acc, const struct stat *st)
{
	if (acc == RP_PROC_READ)
		return 0;
	if (!pre)
		return 1;
	if (ev->open_perm)
		return acc == RP_PROC_WRITE || acc == RP_PROC_OPEN_RW ? -1 : 1;
	switch (acc) {
	case RP_PROC_READ_RW:
		return 0;       /* the write, if it comes, is asked on its own */
	case RP_PROC_UNKNOWN:
		/* a page fault (no system call): a write only through a shared writable
		 * mapping of it; when that cannot be told, a write */
		return rp_proc_maps_writable(ev->tid, (uint64_t)st->st_dev, (uint64_t)st->st_ino) == 0 ? 0 : 1;
	default:
		return 1;
	}
}

/*
 * A canary read: scored a little (RP_SIG_CANARY_READ: a group that also reads many
 * files and writes random ones gets there sooner) and noted, once per group, on the
 * output, in syslog and in the case's journal (a read by an unknown process matters
 * for data theft), but neither acted on nor alerted on by itself: every backup,
 * antivirus scan and indexer reads every file. Returns 1 when the group is (now or
 * already) acted on.
 */
static int
canary_read(struct watch *w, struct rp_beh_group *g, const struct pcache *p, pid_t pid,
    const char *path)
{
	if (g->counts[RP_SIG_CANARY_READ] > 0)
		return g->acted;
	struct rp_buf j, text;
	rp_buf_init(&j, 1 << 16);
	rp_buf_init(&text, 1 << 16);
	rp_buf_addstr(&j, "{\"kind\":\"canary-read\",\"time\":\"");
	rp_time_fmt_utc(&j, wall(w));
	rp_buf_addf(&j, "\",\"pid\":%d,", (int)pid);
	rp_cli_path_json(&j, "exe", p ? p->info.exe : "", p ? strlen(p->info.exe) : 0);
	rp_cli_path_json(&j, "cmdline", p ? p->info.cmdline : "", p ? strlen(p->info.cmdline) : 0);
	rp_buf_addf(&j, "\"uid\":%d,", p ? (int)p->info.uid : -1);
	rp_cli_path_json(&j, "path", path, strlen(path));
	j.buf[j.len - 1] = '}';     /* the last field's comma */
	rp_time_fmt_local(&text, wall(w));
	rp_buf_addf(&text, "  canary read by pid %d", (int)pid);
	if (p) {
		rp_buf_addstr(&text, " (");
		rp_esc_text(&text, p->info.cmdline, strlen(p->info.cmdline));
		rp_buf_addf(&text, ") uid %d", (int)p->info.uid);
	}
	rp_buf_addstr(&text, ": ");
	rp_esc_text(&text, path, strlen(path));
	rp_buf_addstr(&text, " (noted; a read alone is not acted on)\n");
	syslog(LOG_NOTICE, "watch: pid %d (%s) read the canary %s: noted, not acted on", (int)pid,
	    p ? p->info.exe : "?", path);
	journal(w, "a canary file was read (noted; a read alone is not acted on)", j.buf);
	rp_buf_addch(&j, '\n');
	rp_buf_add(&w->out, w->fmt == RP_FMT_JSONL ? j.buf : text.buf, w->fmt == RP_FMT_JSONL ? j.len : text.len);
	emit(w);
	rp_buf_release(&j);
	rp_buf_release(&text);
	return signal_add(w, g, pid, RP_SIG_CANARY_READ);
}

/* retry: a deferred event run again (its canary was counted the first time) */
static void
on_pre(struct watch *w, struct rp_fan_event *ev, int retry)
{
	char path[PATH_MAX];
	struct stat st;
	if (ours(w, ev->pid) || fstat(ev->fd, &st) != 0 || !S_ISREG(st.st_mode))
		return;
	/*
	 * An empty file opened, with pre-content events: a new file, mostly (a database's
	 * journal at each transaction, a document put over SMB). Nothing below needs its
	 * name: it has nothing to keep, no canary is empty (deploy writes 200 rows; one
	 * emptied since is found by `riposte canary check`), and the shadow's files are
	 * written by the watcher itself (ours). Its path is not looked up: the walk of
	 * /proc was half of the watcher's time on such an open (7.5 of 15 us, db bench),
	 * while the writer waits.
	 */
	int pre = rp_fan_pre_on(w->fan, (uint64_t)st.st_dev);
	int empty_open = ev->open_perm && pre && st.st_size == 0;
	if (!empty_open && (fd_path(w, ev->fd, path, sizeof(path)) != 0 || in_shadow(w, path)))
		return;
	struct pcache *p = proc_of(w, ev->pid);
	if (p != NULL && p->allowed)
		return;
	struct rp_beh_group *g = group_of(w, p, ev->pid);
	if (g == NULL)
		return;
	if (g->acted && w->action > 0) {
		ev->deny = 1;       /* a stopped group touches nothing more */
		rp_proc_signal(ev->pid, w->action == 2 ? SIGKILL : SIGSTOP);
		return;
	}
	/*
	 * A canary: written, truncated or mapped for writing, its process is acted on
	 * before the write lands; read, it is noted (every backup reads every file). No
	 * canary is empty: an empty file of that name is a copy being made.
	 */
	int canary = !empty_open && st.st_size > 0 && rp_canary_is(path);
	enum rp_proc_access acc = RP_PROC_UNKNOWN;
	if (canary) {
		acc = rp_proc_access(ev->tid, (uint64_t)st.st_dev, (uint64_t)st.st_ino);
		int wr = retry ? -1 : canary_writes(ev, pre, acc, &st);
		if (wr > 0) {
			rp_beh_touch(g, path);
			if (signal_add(w, g, ev->pid, RP_SIG_CANARY) && w->action > 0) {
				ev->deny = 1;
				return;
			}
		} else if (wr == 0 && canary_read(w, g, p, ev->pid, path) && w->action > 0) {
			ev->deny = 1;
			return;
		}
	}
	/*
	 * The group closed a file that looked encrypted at a glance: its accesses wait
	 * for the verdict (the process is held in the kernel meanwhile), so that an
	 * attacker is stopped before its next file. Other writers never wait for one.
	 */
	if (g->awaiting > 0 && w->ndefer < w->max_pending) {
		w->defer[w->ndefer++] = (struct deferred){ ev->fd, ev->pid, ev->tid, ev->open_perm,
			ev->off, ev->count };
		ev->defer = 1;
		return;
	}
	struct fstate *f = fstate_at(w, &st, 1);
	f->canary |= canary;
	/* a new file's mark kept past its close goes before this open is answered: what
	 * is done through it is asked as for any other file */
	struct rp_hold *h = rp_holds_find(w->holds, f->dev, f->ino);
	if (h != NULL && h->closed)
		hold_off(w, h, ev->fd);
	/* an empty file has nothing to read or keep: a new file being written */
	if (!canary)
		acc = st.st_size > 0 ? rp_proc_access(ev->tid, (uint64_t)st.st_dev, (uint64_t)st.st_ino) :
		    RP_PROC_WRITE;
	if (ev->open_perm && pre) {
		/*
		 * An open, with pre-content events for the reads and writes that follow.
		 * The kernel sends none before the truncation of an open with O_TRUNC
		 * (measured on 6.18: the first event is the write, to an empty file): such
		 * a file is copied here, as before a write. An open for reading or writing
		 * goes on: its reads and its first write are asked. An empty file has
		 * nothing to lose: its accesses go unasked until its close (one answer per
		 * new file, not two), and its mark stays on until the next open of it
		 * (hold_on).
		 */
		if (st.st_size == 0) {
			if (g->first_write_ms == 0)
				g->first_write_ms = rp_time_mono_ms();
			/* an epoch with nothing to keep: another writer's open ends it */
			if (f->epoch_pid == 0) {
				f->epoch_pid = ev->pid;
				f->copied = 1;
			}
			hold_on(w, f, ev->fd, 1);
			return;
		}
		if (acc == RP_PROC_READ)
			return;
		/* another writer: what the first one wrote is kept before its own first
		 * write (the first one's copy has only what was there before it) */
		if ((f->copied || f->ranged) && f->epoch_pid != ev->pid) {
			hold_end(w, ev->fd, &st);
			f->has_pre = 0;
			epoch_end(w, f);
		}
		if (acc == RP_PROC_WRITE || acc == RP_PROC_OPEN_RW)
			return;
		acc = RP_PROC_WRITE;    /* truncating, or a call it cannot tell */
	}
	/*
	 * Without pre-content events (Linux before 6.14, or a filesystem without them)
	 * the reads that follow this open are not seen: an open for reading and writing
	 * counts as a read before the write (read-overwrite, and the descriptor kept in
	 * case the file is deleted). It only scores when the content turns random.
	 */
	if (acc == RP_PROC_OPEN_RW)
		acc = RP_PROC_READ_RW;
	if (acc == RP_PROC_READ) {
		rp_beh_read(g, path);
		hold_fd(w, g, ev->fd, path);
	} else {
		if (acc == RP_PROC_READ_RW || acc == RP_PROC_MAP) {
			rp_beh_read(g, path);
			hold_fd(w, g, ev->fd, path);
		}
		if (g->first_write_ms == 0)
			g->first_write_ms = rp_time_mono_ms();
		f->read_before = rp_beh_was_read(g, path);
		if (!f->has_pre && st.st_size > 0 && f->known && (uint64_t)st.st_size == f->known_size &&
		    f->known_mtime_ns == (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec) {
			f->has_pre = 1;
			f->pre_kind = f->known_kind;
			memcpy(f->pre_class, f->known_class, sizeof(f->pre_class));
		}
		if (!f->has_pre && st.st_size > 0) {
			/* a head with its format's signature, or text: structured, without
			 * reading the file whole while the writer waits */
			const char *cls = head_class(ev->fd);
			if (cls != NULL) {
				f->has_pre = 1;
				f->pre_kind = RP_V_OK;
				snprintf(f->pre_class, sizeof(f->pre_class), "%s", cls);
			}
		}
		if (!f->has_pre && st.st_size > 0) {
			if (rp_scan_fd(w->scanner, ev->fd, base_of(path), &w->v) == 0) {
				f->has_pre = 1;
				f->pre_kind = w->v.kind;
				if (random_kind(f->pre_kind) && rp_compressed_valid_fd(ev->fd))
					f->pre_kind = RP_V_OK;
				const char *cls = head_class(ev->fd);
				snprintf(f->pre_class, sizeof(f->pre_class), "%s", cls ? cls : "");
			}
		}
		if (!f->copied && st.st_size > 0 && w->shadow != NULL) {
			if (f->epoch_pid == 0)
				f->epoch_pid = ev->pid;
			keep_failed(w, keep_before_write(w, f, ev, acc, &st, path));
		}
	}
	/*
	 * Once the file is kept (a copy before its first write), the rest of this open's
	 * accesses go through unasked. Not after a mere read: the kernel's ignore mark is
	 * on the inode and goes only when the close is read from the queue, so a write
	 * opened right after the reader closed (smbd: "get f" then "put x f") would land
	 * uncopied in between. A reader is asked at each read instead. Nor a canary: its
	 * write is asked, so that its writer is stopped before it lands.
	 */
	if (acc != RP_PROC_READ && !(f->ranged && !f->copied) && !canary)
		hold_on(w, f, ev->fd, 0);
}

/*
 * read -> new random file -> delete, matched in whatever order the two groups deliver
 * the close and the delete. A file a tool encrypted (openssl, gpg, age) pairs with one
 * delete: a user may encrypt a file and remove its original. Random content of no
 * tool's format pairs with every delete of a read file in the window: one archive
 * streamed from many originals that then go.
 */
static void
new_random(struct watch *w, struct rp_beh_group *g, pid_t pid, int by_tool)
{
	save_deleted(w, g);
	if (!by_tool) {
		g->random_new_ms = rp_time_mono_ms();
		while (g->read_deletes > 0 && !g->acted) {
			g->read_deletes--;
			signal_add(w, g, pid, RP_SIG_READ_NEW_DELETE);
		}
		g->read_deletes = 0;
		g->new_random++;
		return;
	}
	if (g->read_deletes > 0) {
		g->read_deletes--;
		signal_add(w, g, pid, RP_SIG_READ_NEW_DELETE);
	} else {
		g->new_random++;
	}
}

static void
closing_free(void *c)
{
	struct closing *ci = c;
	if (ci != NULL)
		free(ci->path);
	free(ci);
}

/*
 * Whether a closed file looks encrypted at a glance (its head's type went, or its
 * first 4 KiB are random): its writer's group then waits for the verdict before its
 * next access. A glance costs one 4 KiB read; the verdict, up to a whole file.
 */
static int
glance_suspicious(int fd, const struct closing *ci)
{
	unsigned char head[4096];
	ssize_t n = rp_pread_full(fd, head, sizeof(head), 0);
	if (n <= 0)
		return 0;
	const char *cls = rp_format_class(head, (size_t)n < 512 ? (size_t)n : 512);
	if (ci->existed && ci->pre_class[0] && (cls == NULL || strcmp(cls, ci->pre_class) != 0))
		return 1;
	if (n < 1024)
		return cls == NULL;
	struct rp_stats st;
	rp_stats_reset(&st);
	rp_stats_add(&st, head, (size_t)n);
	return rp_block_random(&st);
}

static void collect(struct watch *w);

/* A file closed after writing: its verdict is computed by a worker (on_verdict). */
static void
on_close(struct watch *w, struct rp_fan_event *ev)
{
	char path[PATH_MAX];
	struct stat st;
	memset(&st, 0, sizeof(st));
	st.st_nlink = 1;    /* unless fstate_of's fstat says otherwise */
	struct fstate *f = fstate_of(w, ev->fd, 0, &st);
	/* by the inode: the cache may have given f's slot to another file meanwhile */
	struct rp_hold *h = st.st_ino != 0 ? rp_holds_find(w->holds, (uint64_t)st.st_dev,
	    (uint64_t)st.st_ino) : NULL;
	if (h != NULL && !h->closed) {
		if (h->lazy)
			rp_holds_close(w->holds, h);    /* off at the next open (on_pre) */
		else
			hold_off(w, h, ev->fd);
	}
	/* a new file deleted by now (a database's journal, a temp file): nobody's
	 * document, nothing to judge (a worker would skip it too: skip_gone) */
	if (ev->kind == RP_FAN_CLOSE_WRITE && (f == NULL || !f->has_pre) && st.st_nlink == 0) {
		if (f != NULL)
			epoch_end(w, f);
		return;
	}
	if (ev->kind != RP_FAN_CLOSE_WRITE || ours(w, ev->pid) ||
	    fd_path(w, ev->fd, path, sizeof(path)) != 0 || in_shadow(w, path))
		return;
	struct pcache *p = proc_of(w, ev->pid);
	if (p != NULL && p->allowed)
		return;
	struct rp_beh_group *g = group_of(w, p, ev->pid);
	if (g == NULL)
		return;
	if (f == NULL && st.st_ino != 0)
		f = fstate_at(w, &st, 1);   /* st is the fstat fstate_of made */
	/* a canary written through a call that did not say so (io_uring, a page fault
	 * of a mapping the maps did not show): its content tells, at the close */
	if (f != NULL && f->canary && rp_canary_is(path) && rp_canary_intact_fd(ev->fd) == 0) {
		f->canary = 0;
		rp_beh_touch(g, path);
		signal_add(w, g, ev->pid, RP_SIG_CANARY);
	}
	struct rp_vjob *j = rp_vjob_new();
	struct closing *ci = calloc(1, sizeof(*ci));
	if (j == NULL || ci == NULL || (ci->path = strdup(path)) == NULL ||
	    (j->fd = fcntl(ev->fd, F_DUPFD_CLOEXEC, 3)) < 0) {
		rp_vjob_free(j);
		closing_free(ci);
		warning(w, "out of memory or descriptors: a closed file was not judged");
		return;
	}
	j->cookie = ci;
	j->cookie_free = closing_free;
	/* the extension is what the name is for: a base name past the field is cut */
	const char *base = base_of(path);
	size_t bl = strlen(base);
	memcpy(j->name, base + (bl >= sizeof(j->name) ? bl - (sizeof(j->name) - 1) : 0),
	    bl >= sizeof(j->name) ? sizeof(j->name) : bl + 1);
	ci->key = g->key;
	ci->pid = ev->pid;
	if (f != NULL) {
		ci->existed = f->has_pre;
		ci->pre_kind = f->pre_kind;
		memcpy(ci->pre_class, f->pre_class, sizeof(ci->pre_class));
		ci->read_before = f->read_before;
		f->has_pre = 0;     /* the next writer compares with what is there now */
		epoch_end(w, f);
	}
	j->skip_gone = !ci->existed;
	if ((ci->suspicious = glance_suspicious(ev->fd, ci)) != 0)
		g->awaiting++;
	rp_vpool_submit(w->pool, j);
	while (rp_vpool_pending(w->pool) >= w->max_pending) {
		struct pollfd pv = { rp_vpool_fd(w->pool), POLLIN, 0 };
		if (poll(&pv, 1, -1) > 0)
			collect(w);
	}
}

/* The verdict on a closed file: the signals it gives its writer's group. */
static void
on_verdict(struct rp_vjob *j, void *ctx)
{
	struct watch *w = ctx;
	struct closing *ci = j->cookie;
	struct rp_verdict *v = &j->v;
	struct fstate *f = fstate_of(w, j->fd, 0, NULL);
	struct rp_beh_group *g = rp_beh_find(w->beh, ci->key);

	if (g != NULL && ci->suspicious && g->awaiting > 0)
		g->awaiting--;
	if (j->failed || j->gone)
		return;
	if (random_kind(v->kind) && j->compressed_valid)
		v->kind = RP_V_OK;      /* gzip, xz, zstd, zip, 7z: random by design, and valid */
	if (f != NULL) {
		f->known = v->kind != RP_V_SKIPPED;
		f->known_kind = v->kind;
		f->known_size = v->size;
		f->known_mtime_ns = v->mtime * 1000000000 + v->mtime_ns;
		memcpy(f->known_class, j->cls, sizeof(f->known_class));
	}
	if (g == NULL)
		return;
	if (ci->existed) {
		/* an existing file rewritten: a victim, counted in files_touched */
		rp_beh_touch(g, ci->path);
		if (ci->pre_kind == RP_V_OK && random_kind(v->kind)) {
			if (ci->read_before)
				signal_add(w, g, ci->pid, RP_SIG_READ_OVERWRITE);
			if (ci->pre_class[0] && strcmp(ci->pre_class, j->cls) != 0)
				signal_add(w, g, ci->pid, RP_SIG_TYPE_LOST);
			signal_add(w, g, ci->pid, RP_SIG_RANDOMISED);
		}
		return;
	}
	/* a new file: not a victim itself (an encrypted copy, a note); the originals it
	 * replaces are counted when they go */
	if (v->kind == RP_V_NOTE)
		signal_add(w, g, ci->pid, RP_SIG_NOTE);
	else if (random_kind(v->kind)) {
		signal_add(w, g, ci->pid, RP_SIG_NEW_RANDOM);
		/* the encrypted copy of a structured file the group read and deleted */
		if (rp_beh_pair_new(g, ci->path))
			signal_add(w, g, ci->pid, RP_SIG_RANDOMISED);
		new_random(w, g, ci->pid, 0);
	} else if (v->entropy >= 7.9 && v->size >= 1024 && !j->compressed_valid) {
		/* encrypted by a tool (openssl's Salted__, OpenPGP, age): benign alone,
		 * the attack when the original goes too */
		new_random(w, g, ci->pid, 1);
	}
}

/* Runs the deferred permission events again now that verdicts came back: each is
 * answered, or deferred once more while what it waits for is still out. */
static void
undefer(struct watch *w)
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
		on_pre(w, &ev, 1);
		if (!ev.defer)
			rp_fan_answer(w->fan, ev.fd, ev.deny);
	}
	free(old);
}

/* The verdicts back from the workers, then the accesses that waited for them:
 * always both, or a deferred access could wait for a verdict already collected. */
static void
collect(struct watch *w)
{
	rp_vpool_collect(w->pool, on_verdict, w);
	undefer(w);
}

/* Answers every deferred event (allowing it): at the end, no process stays held. */
static void
release_deferred(struct watch *w)
{
	for (size_t i = 0; i < w->ndefer; i++)
		rp_fan_answer(w->fan, w->defer[i].fd, 0);
	w->ndefer = 0;
}

/* A file the group had read went (deleted, or replaced by a rename over it): it is
 * saved from the descriptor kept since the read, and paired with the new random file
 * that replaces it. */
static void
read_file_gone(struct watch *w, struct rp_beh_group *g, pid_t pid, const char *path)
{
	/* structured: its head (through the descriptor kept since the read) has a format
	 * or is text; checked before held_deleted may release it */
	int structured = held_structured(w, path);
	held_deleted(w, g, path);
	if (structured && rp_beh_pair_delete(g, path))
		signal_add(w, g, pid, RP_SIG_RANDOMISED);
	if (g->new_random > 0) {
		g->new_random--;
		signal_add(w, g, pid, RP_SIG_READ_NEW_DELETE);
	} else if (g->random_new_ms && rp_time_mono_ms() - g->random_new_ms <= WINDOW_MS) {
		signal_add(w, g, pid, RP_SIG_READ_NEW_DELETE);
	} else {
		g->read_deletes++;
	}
}

static void
on_name(struct watch *w, struct rp_fan_event *ev)
{
	char path[PATH_MAX], path2[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", ev->dir, ev->name);
	if (ev->dir2)
		snprintf(path2, sizeof(path2), "%s/%s", ev->dir2, ev->name2);
	if (in_shadow(w, path))
		return;
	if (ev->isdir) {
		/* a new directory (or one moved in) is watched with its contents */
		if (ev->kind == RP_FAN_CREATE)
			mark_tree(w, path);
		else if (ev->kind == RP_FAN_RENAME && ev->dir2)
			mark_tree(w, path2);
		return;
	}
	if (ours(w, ev->pid) || ev->kind == RP_FAN_CREATE)
		return;
	struct pcache *p = proc_of(w, ev->pid);
	if (p != NULL && p->allowed)
		return;
	struct rp_beh_group *g = NULL;
	if (p == NULL) {
		/* gone already (an rm forked per file): the group that read the file */
		for (size_t i = 0; i < NHELD && g == NULL; i++)
			if (w->held[i].fd >= 0 && strcmp(w->held[i].path, path) == 0)
				g = rp_beh_find(w->beh, w->held[i].key);
	}
	if (g == NULL)
		g = group_of(w, p, ev->pid);
	if (g == NULL)
		return;
	/* a canary deleted, renamed, or replaced by a rename over it after its read
	 * (written to a temporary file, renamed over the original) */
	if (rp_canary_is(path) || (ev->kind == RP_FAN_RENAME && ev->dir2 && rp_canary_is(path2) &&
	    rp_beh_was_read(g, path2))) {
		rp_beh_touch(g, rp_canary_is(path) ? path : path2);
		signal_add(w, g, ev->pid, RP_SIG_CANARY);
		return;
	}
	if (ev->kind == RP_FAN_DELETE) {
		rp_beh_touch(g, path);
		if (rp_beh_was_read(g, path))
			read_file_gone(w, g, ev->pid, path);
	} else if (ev->kind == RP_FAN_RENAME && ev->dir2) {
		/* a file the group read or wrote, renamed: a victim (a file it made itself
		 * is not), counted once whichever of its rename and its close came first */
		if (rp_beh_was_read(g, path) || rp_beh_touched(g, path) || rp_beh_touched(g, path2))
			rp_beh_touch_renamed(g, path, path2);
		/* renamed over a file the group had read ("x.tmp" -> "x"): that file is
		 * gone as by a delete, and its content is in the descriptor kept since */
		if (held_live(w, path2) && rp_beh_was_read(g, path2)) {
			rp_beh_touch(g, path2);
			read_file_gone(w, g, ev->pid, path2);
		}
		if (known_ext(w, ev->name) && !known_ext(w, ev->name2))
			signal_add(w, g, ev->pid, RP_SIG_RENAME_UNKNOWN);
	}
}

static int
event_cb(struct rp_fan_event *ev, void *ctx)
{
	struct watch *w = ctx;
	w->events++;
	if (ev->fd >= 0 && ev->tid > 0) {
		/* a thread's access is its process's */
		struct pcache *t = proc_of(w, ev->tid);
		if (t != NULL && t->info.tgid > 0)
			ev->pid = t->info.tgid;
	}
	switch (ev->kind) {
	case RP_FAN_PRE:
		on_pre(w, ev, 0);
		break;
	case RP_FAN_CLOSE_WRITE:
	case RP_FAN_CLOSE_READ:
		on_close(w, ev);
		break;
	case RP_FAN_CREATE:
	case RP_FAN_DELETE:
	case RP_FAN_RENAME:
		on_name(w, ev);
		break;
	case RP_FAN_OVERFLOW:
		w->overflows = w->overflows + 1;
		holds_overflow(w);
		break;
	}
	return 0;
}

/* ---- rescan after an overflow: a child scans, the watcher keeps answering ---- */

struct rescan {
	struct watch *w;
	int64_t since;
	uint64_t files, random;
	struct rp_buf *paths;
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
		if (realpath(e->path, real) != NULL && in_shadow(rs->w, real))
			return RP_WALK_PRUNE;
		return 0;
	}
	if (e->kind != RP_WALK_FILE || e->st == NULL || e->st->st_mtime < rs->since)
		return 0;
	rs->files++;
	if (rp_scan_file(rs->w->scanner, e->dirfd, e->name, e->st, &rs->w->v) == 0 &&
	    random_kind(rs->w->v.kind) && !compressed_at(e->dirfd, e->name)) {
		rs->random++;
		if (rs->random <= 20) {
			int lossy;
			rp_buf_addstr(rs->paths, rs->random > 1 ? ",\"" : "\"");
			rp_esc_json(rs->paths, e->path, e->pathlen, &lossy);
			rp_buf_addch(rs->paths, '"');
		}
	}
	return 0;
}

static pid_t
rescan_start(struct watch *w)
{
	for (size_t i = 0; i < w->nroots; i++)
		mark_tree(w, w->rootreal[i]);
	fflush(stdout);
	pid_t c = fork();
	if (c != 0)
		return c;
	w->procfd = -1;
	struct rp_buf paths;
	rp_buf_init(&paths, 1 << 20);
	struct rescan rs = { w, w->t0_real, 0, 0, &paths };
	struct rp_walk_opts o;
	memset(&o, 0, sizeof(o));
	o.allow_atime = 1;
	for (size_t i = 0; i < w->nroots; i++)
		rp_walk(w->rootreal[i], &o, rescan_cb, &rs, NULL);
	rp_buf_reset(&w->out);
	if (w->fmt == RP_FMT_JSONL)
		rp_buf_addf(&w->out, "{\"kind\":\"rescan\",\"files\":%" PRIu64 ",\"random\":%" PRIu64
		    ",\"paths\":[%s]}\n", rs.files, rs.random, paths.buf);
	else
		rp_buf_addf(&w->out, "rescan after overflow: %" PRIu64 " file(s) changed since start, %"
		    PRIu64 " random\n", rs.files, rs.random);
	emit(w);
	_exit(0);
}

/* ---- --check and --restore ---- */

/* The name of the filesystem PATH is on, for --check: what decides whether watch can
 * protect it (tmpfs has no pre-content events; XFS and btrfs clone). */
static const char *
fs_name(const char *path, char *buf, size_t cap)
{
	static const struct {
		unsigned long magic;
		const char *name;
	} names[] = {
		{ EXT4_SUPER_MAGIC, "ext4" }, { XFS_SUPER_MAGIC, "xfs" },
		{ BTRFS_SUPER_MAGIC, "btrfs" }, { TMPFS_MAGIC, "tmpfs" },
		{ RAMFS_MAGIC, "ramfs" }, { NFS_SUPER_MAGIC, "nfs" },
		{ SMB2_SUPER_MAGIC, "smb" }, { CIFS_SUPER_MAGIC, "cifs" },
		{ OVERLAYFS_SUPER_MAGIC, "overlay" }, { F2FS_SUPER_MAGIC, "f2fs" },
		{ 0x2fc12fc1UL, "zfs" }, { 0x65735546UL, "fuse" },
	};
	struct statfs sf;
	if (statfs(path, &sf) != 0)
		return "unknown";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((unsigned long)sf.f_type == names[i].magic)
			return names[i].name;
	snprintf(buf, cap, "0x%lx", (unsigned long)sf.f_type);
	return buf;
}

static int
do_check(struct rp_cli *cli, int fmt, char **paths, int n)
{
	struct utsname u;
	int worst = 0;
	uname(&u);
	for (int i = 0; i < n; i++) {
		struct rp_fan_caps caps;
		struct rp_buf b;
		struct stat st;
		rp_buf_init(&b, 1 << 16);
		/* a path that is not there (a typo) is said as such, not as a kernel that
		 * lacks every feature */
		const char *why = stat(paths[i], &st) != 0 ? strerror(errno) :
		    !S_ISDIR(st.st_mode) ? strerror(ENOTDIR) : NULL;
		if (why != NULL) {
			worst = 2;
			if (fmt == RP_FMT_JSONL) {
				rp_buf_addstr(&b, "{\"kind\":\"check\",");
				rp_cli_path_json(&b, "path", paths[i], strlen(paths[i]));
				rp_buf_addstr(&b, "\"error\":");
				rp_json_str(&b, why);
				rp_buf_addstr(&b, ",\"ok\":false}\n");
			} else {
				rp_esc_text(&b, paths[i], strlen(paths[i]));
				rp_buf_addf(&b, ": %s\n  => cannot protect this path\n", why);
			}
			(void)rp_cli_put(cli, &b);     /* worst is 2 already */
			rp_buf_release(&b);
			continue;
		}
		int r = rp_fan_probe(paths[i], &caps);
		int ficlone = rp_shadow_can_clone(paths[i]) == 1;
		char fsbuf[32];
		const char *fs = fs_name(paths[i], fsbuf, sizeof(fsbuf));
		int cap = r != RP_ERR_PERM;
		/* both for full protection: an open with O_TRUNC has only the open's event */
		int level = caps.pre_content && caps.open_perm ? 0 : caps.open_perm ? 1 : 2;
		if (!cap)
			level = 2;
		if (level > worst)
			worst = level;
		if (fmt == RP_FMT_JSONL) {
			rp_buf_addstr(&b, "{\"kind\":\"check\",");
			rp_cli_path_json(&b, "path", paths[i], strlen(paths[i]));
			rp_buf_addstr(&b, "\"kernel\":");
			rp_json_str(&b, u.release);
			rp_buf_addf(&b, ",\"cap_sys_admin\":%s,\"pre_content\":%s,\"open_perm\":%s,\"names\":%s,"
			    "\"ficlone\":%s,\"fs\":\"%s\",\"ok\":%s}\n", cap ? "true" : "false",
			    caps.pre_content ? "true" : "false", caps.open_perm ? "true" : "false",
			    caps.names ? "true" : "false", ficlone ? "true" : "false", fs,
			    level == 0 ? "true" : "false");
		} else {
			rp_esc_text(&b, paths[i], strlen(paths[i]));
			rp_buf_addf(&b, ":\n  kernel %s, filesystem %s\n  CAP_SYS_ADMIN: %s\n"
			    "  pre-content events (copy before the write lands): %s\n"
			    "  open permission events (copy before an O_TRUNC open; alone, at every open): %s\n"
			    "  create/delete/rename events by name: %s\n"
			    "  FICLONE reflinks (instant copies): %s\n  => %s\n", u.release, fs,
			    cap ? "yes" : "no", caps.pre_content ? "yes" : "no",
			    caps.open_perm ? "yes" : "no", caps.names ? "yes" : "no",
			    ficlone ? "yes" : "no (copies instead)",
			    level == 0 ? "full protection" : level == 1 ? "reduced protection (copies at open)" :
			    "cannot protect this path");
		}
		if (rp_cli_put(cli, &b) != 0)
			worst = 2;
		rp_buf_release(&b);
	}
	return worst == 0 ? RP_EXIT_CLEAN : worst == 1 ? RP_EXIT_FOUND : RP_EXIT_ERROR;
}

struct restore_ctx {
	struct rp_cli *cli;
	int fmt;
	uint64_t done, intact, failed;
};

static void
restore_cb(const struct rp_shadow_entry *e, enum rp_restore_result res, int err, void *ctx)
{
	struct restore_ctx *c = ctx;
	static const char *const names[] = { "restored", "intact", "failed" };
	struct rp_buf b;
	rp_buf_init(&b, 1 << 16);
	if (res == RP_RESTORE_DONE)
		c->done++;
	else if (res == RP_RESTORE_INTACT)
		c->intact++;
	else
		c->failed++;
	if (c->fmt == RP_FMT_JSONL) {
		rp_buf_addstr(&b, "{\"kind\":\"restore\",");
		rp_cli_path_json(&b, "path", e->path, e->pathlen);
		rp_buf_addf(&b, "\"result\":\"%s\",\"how\":\"%s\",\"copied\":\"", names[res],
		    rp_shadow_how_name(e->how));
		rp_time_fmt_utc(&b, e->time);
		rp_buf_addstr(&b, "\"");
		if (res == RP_RESTORE_FAILED) {
			rp_buf_addstr(&b, ",\"error\":");
			rp_json_str(&b, rp_strerror(err));
		}
		rp_buf_addstr(&b, "}\n");
	} else {
		rp_buf_addf(&b, "%-9s ", names[res]);
		rp_esc_text(&b, e->path, e->pathlen);
		if (res == RP_RESTORE_FAILED)
			rp_buf_addf(&b, " (%s)", rp_strerror(err));
		rp_buf_addch(&b, '\n');
	}
	rp_cli_put(c->cli, &b);
	rp_buf_release(&b);
}

static int
do_restore(struct rp_cli *cli, int fmt, const char *dir, char **paths, int n)
{
	struct restore_ctx c = { cli, fmt, 0, 0, 0 };
	char *real[MAX_ROOTS];
	int k = 0;
	for (int i = 0; i < n && k < MAX_ROOTS; i++) {
		real[k] = realpath(paths[i], NULL);
		if (real[k] == NULL) {
			/* a deleted subtree still restores: take the path as given */
			real[k] = strdup(paths[i]);
		}
		if (real[k] != NULL)
			k++;
	}
	int r = rp_shadow_restore(dir, (const char *const *)real, (size_t)k, restore_cb, &c);
	for (int i = 0; i < k; i++)
		free(real[i]);
	if (r != 0) {
		rp_err(cli, "cannot read the shadow '%s': %s", dir, rp_strerror(r));
		return RP_EXIT_ERROR;
	}
	struct rp_buf b;
	rp_buf_init(&b, 4096);
	if (fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"restored\":%" PRIu64 ",\"intact\":%" PRIu64
		    ",\"failed\":%" PRIu64 "}\n", c.done, c.intact, c.failed);
	else
		rp_buf_addf(&b, "%" PRIu64 " restored, %" PRIu64 " intact, %" PRIu64 " failed\n",
		    c.done, c.intact, c.failed);
	rp_cli_put(cli, &b);
	rp_buf_release(&b);
	return c.failed ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
}

/* ---- set-up ---- */

static int
parse_size(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s || errno != 0 || s[0] == '-')
		return -1;
	int shift = 0;
	switch (*end) {
	case '\0': break;
	case 'K': case 'k': shift = 10; end++; break;
	case 'M': case 'm': shift = 20; end++; break;
	case 'G': case 'g': shift = 30; end++; break;
	case 'T': case 't': shift = 40; end++; break;
	default: return -1;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end != '\0' || (shift && v > (ULLONG_MAX >> shift)))
		return -1;
	*out = (uint64_t)v << shift;
	return 0;
}

static int
add_known(struct watch *w, const char *text)
{
	for (const char *p = text; *p;) {
		while (*p == ' ' || *p == '\n' || *p == '\t')
			p++;
		if (*p == '#') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		const char *s = p;
		while (*p && *p != ' ' && *p != '\n' && *p != '\t')
			p++;
		if (p == s)
			continue;
		char **nv = realloc(w->known_ext, (w->nknown + 1) * sizeof(*nv));
		if (nv == NULL)
			return RP_ERR_NOMEM;
		w->known_ext = nv;
		if ((w->known_ext[w->nknown] = strndup(s, (size_t)(p - s))) == NULL)
			return RP_ERR_NOMEM;
		w->nknown++;
	}
	return 0;
}

static int
load_known(struct watch *w)
{
	static const char *const lists[] = { "extensions/known.txt", "extensions/text.txt" };
	struct rp_buf b;
	int r = 0;
	rp_buf_init(&b, 1 << 22);
	for (size_t i = 0; i < 2 && r == 0; i++) {
		rp_buf_reset(&b);
		if ((r = rp_data_load(w->cli->data_dir, lists[i], &b)) == 0)
			r = add_known(w, b.buf);
	}
	rp_buf_release(&b);
	if (r == 0 && w->nknown > 1)
		qsort(w->known_ext, w->nknown, sizeof(char *), cmp_strp);
	return r;
}

static void
watch_release(struct watch *w)
{
	for (size_t i = 0; i < NHELD; i++)
		if (w->held[i].path != NULL || w->held[i].fd > 0)
			held_release(&w->held[i]);
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
		bg_cancel(w, &w->files[i]);
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
	rp_buf_release(&w->out);
	if (w->procfd >= 0)
		close(w->procfd);
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
wait_events(struct watch *w, struct pollfd *pf, int *spinning, int64_t next_expire)
{
	int64_t t0 = rp_time_mono_us();
	int r;
	/* never while verdicts are out: the workers need the core more than an answer
	 * needs the spin */
	if (*spinning && w->spin_us > 0 && rp_vpool_pending(w->pool) == 0) {
		do {
			if ((r = poll(pf, 4, 0)) != 0)
				return r;
		} while (rp_time_mono_us() - t0 < w->spin_us);
		*spinning = 0;
	}
	int64_t left = next_expire - rp_time_mono_ms();
	r = poll(pf, 4, left > 0 ? (int)left : 0);
	*spinning = r > 0 && rp_time_mono_us() - t0 < w->spin_us;
	return r;
}

/* --unblock: lifts a --block-client drop (or all of them). 0, 1 not blocked, 2. */
static int
do_unblock(struct rp_cli *cli, int fmt, const char *addr, int npaths)
{
	if (npaths > 0) {
		rp_err(cli, "--unblock takes no PATH");
		return RP_EXIT_ERROR;
	}
	int r = rp_samba_unblock(addr), all = strcmp(addr, "all") == 0;
	switch (r) {
	case 0:
	case RP_ERR_NOTFOUND:
		break;
	case RP_ERR_INVALID:
		rp_err(cli, "bad --unblock '%s' (expected an IPv4 or IPv6 address, or all)", addr);
		return RP_EXIT_ERROR;
	case RP_ERR_PERM:
		rp_err(cli, "cannot change nftables: CAP_NET_ADMIN is needed (run as root)");
		return RP_EXIT_ERROR;
	default:
		rp_err(cli, "cannot unblock %s: %s", addr, rp_strerror(r));
		return RP_EXIT_ERROR;
	}
	/* addr is an address inet_pton took, or "all": nothing to escape in it */
	struct rp_buf out = RP_BUF_INIT;
	if (fmt == RP_FMT_JSONL)
		rp_buf_addf(&out, "{\"kind\":\"unblock\",\"address\":\"%s\",\"result\":\"%s\"}\n", addr,
		    r == 0 ? "unblocked" : "not-blocked");
	else if (r != 0)
		rp_buf_addf(&out, "%s was not blocked: nothing changed\n", all ? "no client" : addr);
	else if (all)
		rp_buf_addf(&out, "unblocked every client: table inet %s deleted\n", RP_SAMBA_TABLE);
	else
		rp_buf_addf(&out, "unblocked %s (table inet %s)\n", addr, RP_SAMBA_TABLE);
	if (r == 0)
		syslog(LOG_NOTICE, "watch: unblocked %s", addr);
	int ok = rp_cli_put(cli, &out) == 0 && fflush(stdout) == 0;
	rp_buf_release(&out);
	return !ok ? RP_EXIT_ERROR : r == 0 ? RP_EXIT_CLEAN : RP_EXIT_FOUND;
}

enum { OPT_ACTION = 256, OPT_FORMAT, OPT_DB, OPT_BLOCK, OPT_ALLOW, OPT_SHADOW, OPT_SHADOW_MAX,
	OPT_SHADOW_KEEP, OPT_CHECK, OPT_RESTORE, OPT_NO_PRE, OPT_SPIN, OPT_UNBLOCK };

int
cmd_watch(struct rp_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "action", required_argument, NULL, OPT_ACTION },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "db", required_argument, NULL, OPT_DB },
		{ "block-client", no_argument, NULL, OPT_BLOCK },
		{ "allow", required_argument, NULL, OPT_ALLOW },
		{ "shadow", required_argument, NULL, OPT_SHADOW },
		{ "shadow-max", required_argument, NULL, OPT_SHADOW_MAX },
		{ "shadow-keep", required_argument, NULL, OPT_SHADOW_KEEP },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "restore", no_argument, NULL, OPT_RESTORE },
		{ "unblock", required_argument, NULL, OPT_UNBLOCK },
		{ "no-pre-content", no_argument, NULL, OPT_NO_PRE },
		{ "spin", required_argument, NULL, OPT_SPIN },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct watch *w = calloc(1, sizeof(*w));
	int c, check = 0, restore = 0, no_pre = 0, ret = RP_EXIT_ERROR, r;
	const char *unblock = NULL;
	uint64_t shadow_max = (uint64_t)1 << 30;
	int64_t keep = 7 * 86400;
	int sfd = -1;

	if (w == NULL) {
		rp_err(cli, "out of memory");
		return RP_EXIT_ERROR;
	}
	rp_buf_init(&w->out, 1 << 22);
	w->cli = cli;
	w->procfd = -1;
	w->fmt = RP_FMT_TEXT;
	w->action = 1;
	w->shadow_dir = "/var/lib/riposte/shadow";
	w->shadow_max_arg = "1G";
	rp_cli_opt_begin();
	w->spin_us = SPIN_US;      /* before the options: --spin sets it */
	while ((c = rp_cli_getopt(cli, argc, argv, "h", opts, usage)) != -1) {
		switch (c) {
		case OPT_ACTION:
			if (strcmp(optarg, "alert") == 0)
				w->action = 0;
			else if (strcmp(optarg, "stop") == 0)
				w->action = 1;
			else if (strcmp(optarg, "kill") == 0)
				w->action = 2;
			else {
				rp_err(cli, "unknown action '%s' (expected alert, stop or kill)", optarg);
				goto out;
			}
			break;
		case OPT_FORMAT:
			if ((w->fmt = rp_cli_format(cli, optarg, "text,jsonl")) < 0)
				goto out;
			break;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_BLOCK:
			w->block_client = 1;
			break;
		case OPT_ALLOW: {
			if (w->nallow == MAX_ALLOW) {
				rp_err(cli, "too many --allow (at most %d)", MAX_ALLOW);
				goto out;
			}
			struct allow *a = &w->allow[w->nallow];
			const char *colon = strrchr(optarg, ':');
			size_t l = colon ? (size_t)(colon - optarg) : strlen(optarg);
			if (optarg[0] != '/' || l >= sizeof(a->exe) ||
			    (colon && strlen(colon + 1) != 64)) {
				rp_err(cli, "bad --allow '%s' (expected /path/to/exe or /path/to/exe:SHA256)", optarg);
				goto out;
			}
			memcpy(a->exe, optarg, l);
			a->exe[l] = '\0';
			if (colon) {
				for (int i = 0; i < 64; i++) {
					char ch = colon[1 + i];
					a->sha[i] = (char)(ch >= 'A' && ch <= 'F' ? ch + 32 : ch);
					if (!((a->sha[i] >= '0' && a->sha[i] <= '9') || (a->sha[i] >= 'a' && a->sha[i] <= 'f'))) {
						rp_err(cli, "bad --allow '%s': the SHA-256 is not hexadecimal", optarg);
						goto out;
					}
				}
			}
			w->nallow++;
			break;
		}
		case OPT_SHADOW:
			w->shadow_dir = optarg;
			break;
		case OPT_SHADOW_MAX:
			if (parse_size(optarg, &shadow_max) != 0) {
				rp_err(cli, "bad --shadow-max '%s' (expected a size: 500M, 2G)", optarg);
				goto out;
			}
			w->shadow_max_arg = optarg;
			break;
		case OPT_SHADOW_KEEP:
			if (rp_duration_parse(optarg, &keep) != 0) {
				rp_err(cli, "bad --shadow-keep '%s' (expected a duration: 12h, 7d)", optarg);
				goto out;
			}
			break;
		case OPT_CHECK:
			check = 1;
			break;
		case OPT_RESTORE:
			restore = 1;
			break;
		case OPT_UNBLOCK:
			unblock = optarg;
			break;
		case OPT_NO_PRE:
			no_pre = 1;
			break;
		case OPT_SPIN: {
			char *end;
			errno = 0;
			unsigned long v = strtoul(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' || v > 10000) {
				rp_err(cli, "bad --spin '%s' (expected microseconds, 0 to 10000)", optarg);
				goto out;
			}
			w->spin_us = (int64_t)v;
			break;
		}
		case 'h':
			ret = rp_cli_usage(cli, usage, 1);
			goto out;
		default:
			goto out;   /* said by rp_cli_getopt */
		}
	}
	argc -= optind;
	argv += optind;
	if (restore) {
		ret = do_restore(cli, w->fmt, w->shadow_dir, argv, argc);
		goto out;
	}
	if (unblock != NULL) {
		ret = do_unblock(cli, w->fmt, unblock, argc);
		goto out;
	}
	if (argc == 0) {
		rp_err(cli, "no PATH to watch");
		ret = rp_cli_usage(cli, usage, 0);
		goto out;
	}
	if (argc > MAX_ROOTS) {
		rp_err(cli, "too many paths (at most %d)", MAX_ROOTS);
		goto out;
	}
	if (check) {
		ret = do_check(cli, w->fmt, argv, argc);
		goto out;
	}

	for (int i = 0; i < argc; i++) {
		struct stat st;
		w->roots[i] = argv[i];
		if ((w->rootreal[i] = realpath(argv[i], NULL)) == NULL || stat(w->rootreal[i], &st) != 0) {
			rp_err(cli, "cannot watch '%s': %s", argv[i], strerror(errno));
			goto out;
		}
		w->nroots++;
		if (!S_ISDIR(st.st_mode)) {
			rp_err(cli, "cannot watch '%s': not a directory", argv[i]);
			goto out;
		}
	}
	w->self = getpid();
	w->procfd = open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	/* descriptors: the held reads, the verdicts out, the deferred events */
	struct rlimit nofile;
	w->max_pending = MAX_PENDING;
	if (getrlimit(RLIMIT_NOFILE, &nofile) == 0) {
		if (nofile.rlim_cur < nofile.rlim_max && nofile.rlim_cur < 65536) {
			nofile.rlim_cur = nofile.rlim_max < 65536 ? nofile.rlim_max : 65536;
			setrlimit(RLIMIT_NOFILE, &nofile);
			getrlimit(RLIMIT_NOFILE, &nofile);
		}
		uint64_t room = nofile.rlim_cur > NHELD + 256 ? (uint64_t)nofile.rlim_cur - NHELD - 256 : 64;
		if (room / 2 < w->max_pending)
			w->max_pending = room / 2;
	}
	w->t0_real = cli->now;
	w->fixed_now = getenv("RIPOSTE_NOW") != NULL;
	w->t0_mono = rp_time_mono_ms();
	w->files = calloc(NFILESTATE, sizeof(*w->files));
	w->procs = calloc(NPROC, sizeof(*w->procs));
	w->defer = calloc(NDEFER, sizeof(*w->defer));
	for (size_t i = 0; i < NHELD; i++)
		w->held[i].fd = -1;
	if (w->files == NULL || w->procs == NULL || w->defer == NULL ||
	    rp_holds_new(&w->holds, NHOLDS) != 0) {
		rp_err(cli, "out of memory");
		goto out;
	}
	if ((r = load_known(w)) != 0) {
		rp_err(cli, "cannot load the extension lists: %s", rp_strerror(r));
		goto out;
	}
	struct rp_engine_opts eo;
	struct rp_buf emsg;
	memset(&eo, 0, sizeof(eo));
	eo.data_dir = cli->data_dir;
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
		rp_err(cli, "cannot start the scan engine: %s%s%s", rp_strerror(r), emsg.len ? ": " : "", emsg.buf);
		rp_buf_release(&emsg);
		goto out;
	}
	rp_buf_release(&emsg);
	if ((r = rp_beh_new(&w->beh, WINDOW_MS)) != 0) {
		rp_err(cli, "out of memory");
		goto out;
	}
	w->shadow_max = shadow_max;
	if ((r = rp_shadow_open(&w->shadow, w->shadow_dir, shadow_max, keep, cli->now)) != 0) {
		rp_err(cli, "cannot open the shadow '%s': %s", w->shadow_dir, rp_strerror(r));
		goto out;
	}
	if (realpath(w->shadow_dir, w->shadow_real) == NULL)
		w->shadow_real[0] = '\0';
	if ((r = rp_fan_open(&w->fan, no_pre ? RP_FAN_NO_PRE : 0)) != 0) {
		rp_err(cli, "cannot start fanotify: %s%s", rp_strerror(r),
		    r == RP_ERR_PERM ? " (watch needs CAP_SYS_ADMIN: run it as root)" : "");
		goto out;
	}
	w->handles = handles_work(w->rootreal[0]);
	for (size_t i = 0; i < w->nroots; i++) {
		if ((r = mark_tree(w, w->rootreal[i])) != 0) {
			rp_err(cli, "cannot watch '%s': %s%s", w->roots[i], rp_strerror(r),
			    r == RP_ERR_UNSUPPORTED ? " (the filesystem refuses fanotify permission events)" : "");
			goto out;
		}
	}

	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	if ((sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK)) < 0) {
		rp_err(cli, "signalfd: %s", strerror(errno));
		goto out;
	}
	openlog("riposte", LOG_PID, LOG_DAEMON);
	syslog(LOG_INFO, "watch: watching %" PRIu64 " directories", w->dirs);

	if (w->fmt == RP_FMT_JSONL) {
		rp_buf_addstr(&w->out, "{\"kind\":\"ready\",\"paths\":[");
		for (size_t i = 0; i < w->nroots; i++) {
			int lossy;
			rp_buf_addstr(&w->out, i ? ",\"" : "\"");
			rp_esc_json(&w->out, w->roots[i], strlen(w->roots[i]), &lossy);
			rp_buf_addch(&w->out, '"');
		}
		rp_buf_addf(&w->out, "],\"dirs\":%" PRIu64 ",\"pre_content\":%s,", w->dirs,
		    rp_fan_pre_content(w->fan) ? "true" : "false");
		rp_cli_path_json(&w->out, "shadow", w->shadow_dir, strlen(w->shadow_dir));
		rp_buf_addf(&w->out, "\"action\":\"%s\",\"spin_us\":%" PRId64 ",\"pid\":%d}\n",
		    w->action == 0 ? "alert" : w->action == 1 ? "stop" : "kill", w->spin_us, (int)w->self);
	} else {
		rp_buf_addf(&w->out, "watching %" PRIu64 " director%s under ", w->dirs, w->dirs == 1 ? "y" : "ies");
		for (size_t i = 0; i < w->nroots; i++) {
			if (i)
				rp_buf_addstr(&w->out, ", ");
			rp_esc_text(&w->out, w->roots[i], strlen(w->roots[i]));
		}
		rp_buf_addf(&w->out, " (copies %s the write lands; shadow ",
		    rp_fan_pre_content(w->fan) ? "before" : "at the open, before");
		rp_esc_text(&w->out, w->shadow_dir, strlen(w->shadow_dir));
		rp_buf_addf(&w->out, "; action %s)\n", w->action == 0 ? "alert" : w->action == 1 ? "stop" : "kill");
	}
	emit(w);

	int cfd, nfd, vfd = rp_vpool_fd(w->pool);
	rp_fan_fds(w->fan, &cfd, &nfd);
	int done = 0, spinning = 0;
	int64_t next_expire = rp_time_mono_ms() + EXPIRE_MS;
	while (!done && !w->failed) {
		struct pollfd pf[4] = { { cfd, POLLIN, 0 }, { nfd, POLLIN, 0 }, { sfd, POLLIN, 0 },
		    { vfd, POLLIN, 0 } };
		/* a watcher runs for weeks: the copies older than --shadow-keep go hourly */
		if (rp_time_mono_ms() >= next_expire) {
			if (rp_shadow_expire(w->shadow, wall(w)) != 0)
				warning(w, "cannot expire the old copies of the shadow");
			else
				w->keep_said = 0;   /* still failing: said again */
			next_expire = rp_time_mono_ms() + EXPIRE_MS;
		}
		/* background work waits for no event: only a look at the queues */
		int trim = w->handles && rp_holds_count(w->holds) > HOLDS_LOW && rp_holds_nclosed(w->holds) > 0;
		if (wait_events(w, pf, &spinning, w->nbg > 0 || trim ? 0 : next_expire) < 0) {
			if (errno == EINTR)
				continue;
			rp_err(cli, "poll: %s", strerror(errno));
			goto out;
		}
		uint64_t before = w->overflows;
		/* verdicts first: the deferred accesses wait for them */
		if (pf[3].revents & POLLIN)
			collect(w);
		/* then the content group: its writers are waiting */
		if (pf[0].revents & POLLIN)
			rp_fan_read(w->fan, cfd, event_cb, w);
		if (pf[1].revents & POLLIN)
			rp_fan_read(w->fan, nfd, event_cb, w);
		if (w->overflows != before) {
			if (w->fmt == RP_FMT_JSONL) {
				rp_buf_addstr(&w->out, "{\"kind\":\"overflow\",\"time\":\"");
				rp_time_fmt_utc(&w->out, wall(w));
				rp_buf_addstr(&w->out, "\"}\n");
				emit(w);
			} else {
				warning(w, "the fanotify queue overflowed: events were lost; rescanning");
			}
			syslog(LOG_WARNING, "watch: fanotify queue overflow, rescanning");
			if (w->rescan_pid <= 0 && (w->rescan_pid = rescan_start(w)) > 0 && w->nkids < MAX_KIDS)
				w->kids[w->nkids++] = w->rescan_pid;
		}
		if (pf[2].revents & POLLIN) {
			struct signalfd_siginfo si;
			while (read(sfd, &si, sizeof(si)) == sizeof(si)) {
				if (si.ssi_signo == SIGCHLD)
					reap(w);
				else {
					done = 1;
				}
			}
		}
		if (w->nbg > 0 && !done)
			bg_step(w);
		/* a few at a time, between events: the oldest marks kept past their close */
		for (int k = 0; trim && k < 16 && rp_holds_count(w->holds) > HOLDS_LOW; k++)
			if (hold_drop_oldest(w) != 0)
				break;
	}
	/* the verdicts still out (seconds of work at most) count in the summary */
	for (int64_t t_end = rp_time_mono_ms() + 5000; rp_vpool_pending(w->pool) > 0 && rp_time_mono_ms() < t_end;) {
		struct pollfd pv = { vfd, POLLIN, 0 };
		if (poll(&pv, 1, 100) > 0)
			collect(w);
	}
	release_deferred(w);
	if (w->fmt == RP_FMT_JSONL)
		rp_buf_addf(&w->out, "{\"kind\":\"summary\",\"alerts\":%" PRIu64 ",\"events\":%" PRIu64
		    ",\"copies\":%" PRIu64 ",\"saved\":%" PRIu64 ",\"overflows\":%" PRIu64 "}\n",
		    w->alerts, w->events, w->copies, w->saved, w->overflows);
	else
		rp_buf_addf(&w->out, "%" PRIu64 " alert(s), %" PRIu64 " event(s), %" PRIu64 " cop%s, %"
		    PRIu64 " deleted file(s) saved, %" PRIu64 " overflow(s)\n", w->alerts, w->events, w->copies,
		    w->copies == 1 ? "y" : "ies", w->saved, w->overflows);
	emit(w);
	syslog(LOG_INFO, "watch: ended, %" PRIu64 " alert(s)", w->alerts);
	ret = w->failed ? RP_EXIT_ERROR : w->alerts ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	if (sfd >= 0)
		close(sfd);
	watch_release(w);
	free(w);
	return ret;
}
