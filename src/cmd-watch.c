/*
 * riposte watch: stop an encrypting process in real time, and lose nothing.
 *
 * The watcher itself is the engine of respond/watch.h; this file holds its options
 * and runs it, cmd-watch-out.c says what it reports (text or JSONL, syslog, the
 * case's journal), cmd-watch-admin.c does --check, --restore and --unblock.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <syslog.h>

#include "cli.h"
#include "cmd-watch.h"
#include "commands.h"
#include "core/err.h"
#include "core/time.h"
#include "respond/watch.h"

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
"                          a new file still open counts when it deletes a file it\n"
"                          read and the new one is random and of no archive format\n"
"                          whose structure holds (tar, zip, gzip, xz, zstd, 7z):\n"
"                          one archive streamed from originals that go as they are\n"
"                          put in is stopped as it forms, not at its close;\n"
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


#define SPIN_US 0           /* --spin default: off (on 2 cores the spin took the core
                              cp and the verdicts needed: bench/results/watch.md) */

/* The watcher SIGTERM and SIGINT end (rp_watch_stop is async-signal-safe). */
static struct rp_watch *stopping;

static void
on_stop_signal(int sig)
{
	rp_watch_stop(stopping);
}

/* --allow EXE[:SHA256] into a (exe and sha256 allocated: free them). Returns 0 or -1
 * (said). */
static int
parse_allow(struct rp_cli *cli, const char *arg, struct rp_watch_allow *a)
{
	const char *colon = strrchr(arg, ':');
	size_t l = colon ? (size_t)(colon - arg) : strlen(arg);
	char sha[65];
	a->exe = a->sha256 = NULL;
	if (arg[0] != '/' || l >= PATH_MAX || (colon && strlen(colon + 1) != 64)) {
		rp_err(cli, "bad --allow '%s' (expected /path/to/exe or /path/to/exe:SHA256)", arg);
		return -1;
	}
	if (colon) {
		for (int i = 0; i < 64; i++) {
			char ch = colon[1 + i];
			sha[i] = (char)(ch >= 'A' && ch <= 'F' ? ch + 32 : ch);
			if (!((sha[i] >= '0' && sha[i] <= '9') || (sha[i] >= 'a' && sha[i] <= 'f'))) {
				rp_err(cli, "bad --allow '%s': the SHA-256 is not hexadecimal", arg);
				return -1;
			}
		}
		sha[64] = '\0';
	}
	if ((a->exe = strndup(arg, l)) == NULL || (colon && (a->sha256 = strdup(sha)) == NULL)) {
		rp_err(cli, "out of memory");
		return -1;
	}
	return 0;
}

/* Raises the limit on descriptors (the held reads, the verdicts out and the deferred
 * events each hold one) to 65536, or what the hard limit allows. */
static void
raise_nofile(void)
{
	struct rlimit nofile;
	if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur < nofile.rlim_max &&
	    nofile.rlim_cur < 65536) {
		nofile.rlim_cur = nofile.rlim_max < 65536 ? nofile.rlim_max : 65536;
		setrlimit(RLIMIT_NOFILE, &nofile);
	}
}

/* Watches until SIGTERM or SIGINT. Returns the exit status. */
static int
run(struct rp_cli *cli, int fmt, struct rp_watch_opts *o)
{
	struct watch_cli wc = { cli, fmt, o, 0 };
	struct rp_watch *w = NULL;
	struct rp_buf emsg;
	struct rp_watch_stats st;
	int r, ret = RP_EXIT_ERROR;
	rp_buf_init(&emsg, 1 << 16);
	raise_nofile();
	openlog("riposte", LOG_PID, LOG_DAEMON);
	if ((r = rp_watch_new(&w, o, &rp_watch_cli_cb, &wc, &emsg)) != 0) {
		rp_err(cli, "%s", emsg.len ? emsg.buf : rp_strerror(r));
		goto out;
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	stopping = w;
	if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0) {
		rp_err(cli, "sigaction: %s", strerror(errno));
		goto out;
	}
	r = rp_watch_run(w, &emsg);
	if (r != 0 && !wc.failed) {
		rp_err(cli, "%s", emsg.len ? emsg.buf : rp_strerror(r));
		goto out;
	}
	rp_watch_stats(w, &st);
	if (rp_watch_cli_summary(&wc, &st) != 0)
		wc.failed = 1;
	ret = wc.failed ? RP_EXIT_ERROR : st.alerts ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	stopping = NULL;
	rp_watch_free(w);
	rp_buf_release(&emsg);
	return ret;
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
	struct rp_watch_opts o;
	struct rp_watch_allow allow[RP_WATCH_MAX_ALLOW];
	char max_name[64];
	const char *unblock = NULL, *shadow_max_arg = "1G";
	int c, r, fmt = RP_FMT_TEXT, check = 0, restore = 0, ret = RP_EXIT_ERROR;

	memset(&o, 0, sizeof(o));
	o.action = RP_WATCH_STOP;
	o.shadow_dir = "/var/lib/riposte/shadow";
	o.shadow_max = (uint64_t)1 << 30;
	o.shadow_keep = 7 * 86400;
	o.spin_us = SPIN_US;
	o.allow = allow;
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "h", opts, usage)) != -1) {
		switch (c) {
		case OPT_ACTION:
			if (strcmp(optarg, "alert") == 0)
				o.action = RP_WATCH_ALERT;
			else if (strcmp(optarg, "stop") == 0)
				o.action = RP_WATCH_STOP;
			else if (strcmp(optarg, "kill") == 0)
				o.action = RP_WATCH_KILL;
			else {
				rp_err(cli, "unknown action '%s' (expected alert, stop or kill)", optarg);
				goto out;
			}
			break;
		case OPT_FORMAT:
			if ((fmt = rp_cli_format(cli, optarg, "text,jsonl")) < 0)
				goto out;
			break;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_BLOCK:
			o.block_client = 1;
			break;
		case OPT_ALLOW:
			if (o.nallow == RP_WATCH_MAX_ALLOW) {
				rp_err(cli, "too many --allow (at most %d)", RP_WATCH_MAX_ALLOW);
				goto out;
			}
			r = parse_allow(cli, optarg, &allow[o.nallow]);
			o.nallow++;     /* freed at the end, whole or not */
			if (r != 0)
				goto out;
			break;
		case OPT_SHADOW:
			o.shadow_dir = optarg;
			break;
		case OPT_SHADOW_MAX:
			if (parse_size(optarg, &o.shadow_max) != 0) {
				rp_err(cli, "bad --shadow-max '%s' (expected a size: 500M, 2G)", optarg);
				goto out;
			}
			shadow_max_arg = optarg;
			break;
		case OPT_SHADOW_KEEP:
			if (rp_duration_parse(optarg, &o.shadow_keep) != 0) {
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
			o.no_pre_content = 1;
			break;
		case OPT_SPIN: {
			char *end;
			errno = 0;
			unsigned long v = strtoul(optarg, &end, 10);
			if (errno != 0 || end == optarg || *end != '\0' || v > 10000) {
				rp_err(cli, "bad --spin '%s' (expected microseconds, 0 to 10000)", optarg);
				goto out;
			}
			o.spin_us = (int64_t)v;
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
		ret = rp_watch_cli_restore(cli, fmt, o.shadow_dir, argv, argc);
	} else if (unblock != NULL) {
		ret = rp_watch_cli_unblock(cli, fmt, unblock, argc);
	} else if (argc == 0) {
		rp_err(cli, "no PATH to watch");
		ret = rp_cli_usage(cli, usage, 0);
	} else if (argc > RP_WATCH_MAX_ROOTS) {
		rp_err(cli, "too many paths (at most %d)", RP_WATCH_MAX_ROOTS);
	} else if (check) {
		ret = rp_watch_cli_check(cli, fmt, argv, argc);
	} else {
		o.paths = (const char *const *)argv;
		o.npaths = (size_t)argc;
		snprintf(max_name, sizeof(max_name), "--shadow-max %.40s", shadow_max_arg);
		o.shadow_max_name = max_name;
		o.data_dir = cli->data_dir;
		o.now = cli->now;
		o.fixed_now = getenv("RIPOSTE_NOW") != NULL;
		ret = run(cli, fmt, &o);
	}
out:
	for (size_t i = 0; i < o.nallow; i++) {
		free((char *)allow[i].exe);
		free((char *)allow[i].sha256);
	}
	return ret;
}
