/*
 * riposte collect --out DIR: the volatile evidence, hashed, with a chain of custody.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "case/journal.h"
#include "cli-journal.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/sha256.h"
#include "core/time.h"
#include "respond/collect.h"
#include "store/store.h"

#ifndef RIPOSTE_VERSION
#define RIPOSTE_VERSION "0.1.0"
#endif

static const char usage[] =
"NAME\n"
"    riposte collect - collect volatile evidence with a manifest\n"
"\n"
"SYNOPSIS\n"
"    riposte collect --out DIR [--tar] [--days N] [--copy FILE]... [--only LIST]\n"
"                    [--read-timeout SECONDS] [--format text|jsonl] [--db PATH]\n"
"                    [--proc DIR] [--root DIR]\n"
"\n"
"DESCRIPTION\n"
"    Collects, most volatile first, what a reboot would destroy and what an attacker\n"
"    leaves behind, into the new directory DIR, each artefact as NAME.txt (for\n"
"    people) and NAME.json (for tools):\n"
"      processes    pid, ppid, user, state, start time, executable path and SHA-256,\n"
"                   command line; executables deleted from disk are marked\n"
"      network      TCP, UDP and unix sockets, connections and listeners, with the\n"
"                   processes that hold them (/proc/net and /proc/PID/fd)\n"
"      logins       who is logged in (utmp) and the last 200 logins (wtmp)\n"
"      modules      loaded kernel modules\n"
"      mounts       mounted filesystems\n"
"      scheduled    crontab entries and systemd timer schedules\n"
"      executables  executables modified (mtime or ctime, so a backdated mtime does\n"
"                   not hide one) in the last N days in the PATH directories, /tmp,\n"
"                   /var/tmp and /dev/shm (there also ELF or #! files without an x\n"
"                   bit), with SHA-256\n"
"      files        copies of configs and logs (crontabs, timers, passwd, hosts,\n"
"                   sshd_config, authorized_keys, auth.log, syslog, --copy) in\n"
"                   DIR/files/, with their original times\n"
"      alerts       riposte's alerts and the open case's journal\n"
"    and, when systemd runs, systemd-timers.txt (systemctl list-timers --all);\n"
"    then DIR/collection.json (who, when, host, command line, riposte version) and\n"
"    DIR/MANIFEST.sha256, which 'cd DIR && sha256sum -c MANIFEST.sha256' verifies.\n"
"    The manifest's SHA-256 is journaled in the open case (chain of custody).\n"
"\n"
"    It only reads: files are opened with O_NOATIME so no access time changes (a\n"
"    file that refuses it is listed, not copied); executables are hashed by reading\n"
"    them, never run. Run it as root to see every process and socket.\n"
"\n"
"    A file that cannot be read in time is listed, not waited for: opening a file\n"
"    can wait for someone else (an antivirus's on-access scanner that must allow\n"
"    the open, a hung network or FUSE mount, a process stuck with its memory\n"
"    locked). Executables, copied files, recently changed files and command lines\n"
"    are read by a helper process that collect stops after --read-timeout seconds\n"
"    without progress. The item is then listed without its hash or copy, with the\n"
"    note 'not read: waited more than N s (a permission listener or a hung mount\n"
"    may hold it)'; the other files of that directory are not tried, and the\n"
"    collection goes on. After 10 such waits no more files are read (each item\n"
"    left says so): waits add at most 10 x N seconds to the run. The summary and\n"
"    collection.json count the files not read (not_read).\n"
"\n"
"OPTIONS\n"
"    -o, --out DIR      the directory to create (it must not exist, or be empty)\n"
"        --tar          also write DIR.tar and DIR.tar.sha256\n"
"        --days N       'recently modified' executables: within N days (default 7)\n"
"        --copy FILE    copy this file too (repeatable; a log, a config)\n"
"        --only LIST    only these artefacts (comma-separated names above)\n"
"        --read-timeout SECONDS\n"
"                       the longest wait for one file (1-600, default 5)\n"
"        --format FMT   text (default) or jsonl\n"
"        --db PATH      the database with the alerts and the case (default\n"
"                       ./riposte.db, or RIPOSTE_DB)\n"
"        --proc DIR     read processes and sockets from DIR instead of /proc\n"
"        --root DIR     read configs, logs, crontabs, utmp/wtmp and executables\n"
"                       below DIR (a mounted disk image) instead of /; paths are\n"
"                       recorded as on the image\n"
"    -h, --help         this text\n"
"\n"
"OUTPUT\n"
"    jsonl: one line per artefact, then the summary:\n"
"    {\"kind\":\"artefact\",\"name\":\"processes\",\"items\":212,\"files\":[\"processes.txt\",\"processes.json\"]}\n"
"    {\"kind\":\"summary\",\"dir\":\"DIR\",\"artefacts\":9,\"files\":42,\"deleted_executables\":0,\n"
"     \"copied\":12,\"not_copied\":0,\"not_read\":0,\"manifest_sha256\":\"...\",\n"
"     \"tar\":\"DIR.tar\"|null,\"tar_sha256\":\"...\"|null}\n"
"\n"
"EXIT STATUS\n"
"    0  collected; 2  error (DIR exists, cannot write, bad option)\n"
"\n"
"EXAMPLES\n"
"    sudo riposte collect --out /mnt/usb/evidence-$(hostname) --tar\n"
"    riposte collect --out ev --copy /var/log/nginx/access.log --days 3\n"
"    cd ev && sha256sum -c MANIFEST.sha256\n";

enum {
	OPT_TAR = 256, OPT_DAYS, OPT_COPY, OPT_ONLY, OPT_FORMAT, OPT_DB, OPT_PROC, OPT_ROOT,
	OPT_READ_TIMEOUT,
};

#define MAX_COPY 256
#define TIMERS_WAIT_S 30
#define MAX_PATH_DIRS 128

static int
make_outdir(struct rp_cli *cli, const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0700) == 0)
		return 0;
	if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
		int empty = rmdir(dir) == 0 && mkdir(dir, 0700) == 0;

		if (empty)
			return 0;
		rp_err(cli, "'%s' exists and is not empty: collect writes into a new directory", dir);
		return -1;
	}
	rp_err(cli, "cannot create '%s': %s", dir, strerror(errno));
	return -1;
}

/* When systemd runs, what it says of its timers (last and next run), which the unit
 * files in scheduled.txt cannot tell. systemctl is the system's own tool, run with a
 * fixed argument list; nothing found on the host is ever executed. A systemd that
 * does not answer (the machine under attack) does not hold the collection: systemctl
 * is killed after TIMERS_WAIT_S and the file says so. */
static int
systemd_timers(const char *dir)
{
	char path[4096];
	pid_t pid;
	int fd, st;

	if (access("/run/systemd/system", F_OK) != 0 || access("/usr/bin/systemctl", X_OK) != 0)
		return 0;
	snprintf(path, sizeof(path), "%s/systemd-timers.txt", dir);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0)
		return -1;
	if ((pid = fork()) == 0) {
		char *argv[] = { (char *)"systemctl", (char *)"list-timers", (char *)"--all",
		    (char *)"--no-pager", NULL };
		int nul = open("/dev/null", O_RDWR);

		dup2(fd, 1);
		if (nul >= 0) {
			dup2(nul, 0);
			dup2(nul, 2);
		}
		execv("/usr/bin/systemctl", argv);
		_exit(127);
	}
	if (pid < 0) {
		close(fd);
		return -1;
	}
	if (rp_waitpid_ms(pid, &st, TIMERS_WAIT_S * 1000) == 0) {
		char note[128];
		int n = snprintf(note, sizeof(note), "\n# riposte: systemctl did not finish "
		    "within %d s: killed, its output is cut here\n", TIMERS_WAIT_S);

		kill(pid, SIGKILL);
		(void)waitpid(pid, &st, WNOHANG);   /* if it is not gone yet, init reaps it */
		(void)rp_write_all(fd, note, (size_t)n);
	}
	close(fd);
	return 0;
}

static void
json_s(struct rp_buf *b, const char *key, const char *s)
{
	rp_cli_path_json(b, key, s, strlen(s));
}

static int
write_collection(const char *dir, struct rp_cli *cli, int argc, char **argv,
    const struct rp_collect_result *res, int64_t case_id)
{
	struct rp_buf b = RP_BUF_INIT, p = RP_BUF_INIT;
	struct utsname u;
	char cwd[4096];
	int i, r, first = 1;

	rp_buf_addstr(&b, "{\"tool\":\"riposte\",\"version\":\"" RIPOSTE_VERSION "\",\"when\":\"");
	rp_time_fmt_utc(&b, cli->now);
	rp_buf_addstr(&b, "\",\"who\":{");
	json_s(&b, "user", rp_cli_actor());
	rp_buf_addf(&b, "\"uid\":%u,\"euid\":%u},\"host\":{", (unsigned)getuid(),
	    (unsigned)geteuid());
	if (uname(&u) == 0) {
		json_s(&b, "name", u.nodename);
		json_s(&b, "kernel", u.release);
		json_s(&b, "machine", u.machine);
	}
	if (b.buf[b.len - 1] == ',')
		rp_buf_setlen(&b, b.len - 1);
	rp_buf_addstr(&b, "},\"command\":[\"riposte\"");
	for (i = 0; i < argc; i++) {
		rp_buf_addstr(&b, ",\"");
		{
			int lossy = 0;

			rp_esc_json(&b, argv[i], strlen(argv[i]), &lossy);
		}
		rp_buf_addch(&b, '"');
	}
	rp_buf_addstr(&b, "],");
	if (getcwd(cwd, sizeof(cwd)) != NULL)
		json_s(&b, "cwd", cwd);
	if (case_id)
		rp_buf_addf(&b, "\"case_id\":%lld,", (long long)case_id);
	else
		rp_buf_addstr(&b, "\"case_id\":null,");
	rp_buf_addstr(&b, "\"artefacts\":{");
	for (i = 0; i < RP_ART_COUNT; i++) {
		if (!res->done[i])
			continue;
		rp_buf_addf(&b, "%s\"%s\":{\"items\":%zu}", first ? "" : ",",
		    rp_artefact_name((enum rp_artefact)i), res->items[i]);
		first = 0;
	}
	rp_buf_addf(&b, "},\"deleted_executables\":%zu,\"copied\":%zu,\"not_copied\":%zu,"
	    "\"not_read\":%zu,\"read_timeouts\":%u}\n", res->deleted_exes, res->copied,
	    res->not_copied, res->not_read, res->timeouts);
	rp_buf_addf(&p, "%s/collection.json", dir);
	r = rp_file_write_atomic(p.buf, b.buf, b.len, 0600);
	rp_buf_release(&b);
	rp_buf_release(&p);
	return r;
}

int
cmd_collect(struct rp_cli *cli, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "tar", no_argument, NULL, OPT_TAR },
		{ "days", required_argument, NULL, OPT_DAYS },
		{ "copy", required_argument, NULL, OPT_COPY },
		{ "only", required_argument, NULL, OPT_ONLY },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "db", required_argument, NULL, OPT_DB },
		{ "proc", required_argument, NULL, OPT_PROC },
		{ "root", required_argument, NULL, OPT_ROOT },
		{ "read-timeout", required_argument, NULL, OPT_READ_TIMEOUT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *copy[MAX_COPY], *pathdirs[MAX_PATH_DIRS];
	struct rp_collect_opts o = { .proc = "/proc", .root = "", .recent_days = 7,
	    .read_timeout_ms = 5000 };
	struct rp_collect_result res;
	struct rp_buf out = RP_BUF_INIT, tar = RP_BUF_INIT, d = RP_BUF_INIT;
	struct rp_store *st = NULL;
	char *dir = NULL, *pathcopy = NULL, mhash[65], thash[65] = "";
	unsigned long long v;
	size_t nfiles = 0, i;
	int c, r, format = RP_FMT_TEXT, want_tar = 0, rc = RP_EXIT_ERROR, nart = 0;

	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "o:h", longopts, usage)) != -1) {
		switch (c) {
		case 'o':
			free(dir);
			dir = strdup(optarg);
			break;
		case OPT_TAR: want_tar = 1; break;
		case OPT_DAYS:
			if (rp_cli_uint(cli, "--days", optarg, 1, 3650, &v) != 0)
				goto out;
			o.recent_days = (int)v;
			break;
		case OPT_COPY:
			if (optarg[0] != '/') {
				rp_err(cli, "--copy: '%s' is not an absolute path", optarg);
				goto out;
			}
			if (o.ncopy >= MAX_COPY) {
				rp_err(cli, "--copy: more than %d files", MAX_COPY);
				goto out;
			}
			copy[o.ncopy++] = optarg;
			break;
		case OPT_ONLY: {
			char tok[32];
			const char *p = optarg, *comma;
			enum rp_artefact a;
			size_t n;

			for (;;) {
				comma = strchr(p, ',');
				n = comma ? (size_t)(comma - p) : strlen(p);
				if (n >= sizeof(tok))
					n = sizeof(tok) - 1;
				memcpy(tok, p, n);
				tok[n] = '\0';
				if (rp_artefact_parse(tok, &a) != 0) {
					rp_err(cli, "--only: no artefact '%s'", tok);
					goto out;
				}
				o.only |= 1u << a;
				if (!comma)
					break;
				p = comma + 1;
			}
			break;
		}
		case OPT_FORMAT:
			if ((format = rp_cli_format(cli, optarg, "text,jsonl")) < 0)
				goto out;
			break;
		case OPT_DB: cli->db_path = optarg; break;
		case OPT_PROC: o.proc = optarg; break;
		case OPT_READ_TIMEOUT:
			if (rp_cli_uint(cli, "--read-timeout", optarg, 1, 600, &v) != 0)
				goto out;
			o.read_timeout_ms = (int)v * 1000;
			break;
		case OPT_ROOT:
			if (optarg[0] != '/' || strcmp(optarg, "/") == 0) {
				rp_err(cli, "--root: '%s' is not an absolute directory other than /", optarg);
				goto out;
			}
			o.root = optarg;
			break;
		case 'h':
			rc = rp_cli_usage(cli, usage, 1);
			goto out;
		default:
			goto out;   /* said by rp_cli_getopt */
		}
	}
	if (optind < argc) {
		rp_err(cli, "unexpected argument '%s'", argv[optind]);
		rc = rp_cli_usage(cli, usage, 0);
		goto out;
	}
	if (dir == NULL || dir[0] == '\0') {
		rp_err(cli, "--out DIR is required");
		rc = rp_cli_usage(cli, usage, 0);
		goto out;
	}
	while (strlen(dir) > 1 && dir[strlen(dir) - 1] == '/')
		dir[strlen(dir) - 1] = '\0';
	if (make_outdir(cli, dir) != 0)
		goto out;

	/* the caller's PATH: where the binaries an attacker replaces are looked up */
	if ((pathcopy = strdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin")) != NULL) {
		char *save = NULL, *t;

		for (t = strtok_r(pathcopy, ":", &save); t && o.npath_dirs < MAX_PATH_DIRS;
		    t = strtok_r(NULL, ":", &save))
			pathdirs[o.npath_dirs++] = t;
	}
	o.path_dirs = pathdirs;
	o.copy = copy;
	o.now = cli->now;
	if (rp_store_open(&st, cli->db_path, 0) == 0) {
		o.st = st;
		if (rp_case_current(st, &o.case_id) != 0)
			o.case_id = 0;
	}

	if ((r = rp_collect_run(dir, &o, &res)) != 0) {
		rp_err(cli, "cannot collect into '%s': %s", dir, rp_strerror(r));
		goto out;
	}
	rp_store_close(st);     /* closed before journaling, which opens its own */
	st = NULL;
	if ((!o.only || (o.only & (1u << RP_ART_SCHEDULED))) && systemd_timers(dir) != 0)
		rp_warn(cli, "cannot run 'systemctl list-timers': %s", strerror(errno));
	if ((r = write_collection(dir, cli, argc, argv, &res, o.case_id)) != 0 ||
	    (r = rp_collect_manifest(dir, mhash, &nfiles)) != 0) {
		rp_err(cli, "cannot write the manifest in '%s': %s", dir, rp_strerror(r));
		goto out;
	}
	if (want_tar) {
		struct rp_buf line = RP_BUF_INIT, sp = RP_BUF_INIT;
		const char *base;

		rp_buf_addf(&tar, "%s.tar", dir);
		if ((r = rp_collect_tar(dir, tar.buf)) != 0) {
			rp_err(cli, "cannot write '%s': %s", tar.buf, rp_strerror(r));
			goto out;
		}
		if (rp_sha256_file_hex(AT_FDCWD, tar.buf, 0, thash, NULL) != 0) {
			rp_err(cli, "cannot hash '%s': %s", tar.buf, strerror(errno));
			goto out;
		}
		base = strrchr(tar.buf, '/');
		base = base ? base + 1 : tar.buf;
		rp_buf_addf(&line, "%s  %s\n", thash, base);
		rp_buf_addf(&sp, "%s.sha256", tar.buf);
		r = rp_file_write_atomic(sp.buf, line.buf, line.len, 0600);
		rp_buf_release(&line);
		rp_buf_release(&sp);
		if (r != 0) {
			rp_err(cli, "cannot write '%s.sha256': %s", tar.buf, rp_strerror(r));
			goto out;
		}
	}

	/* chain of custody: the manifest's hash pins every file of the collection */
	rp_buf_addstr(&d, "{");
	json_s(&d, "dir", dir);
	rp_buf_addf(&d, "\"manifest_sha256\":\"%s\",\"files\":%zu,", mhash, nfiles);
	if (want_tar) {
		json_s(&d, "tar", tar.buf);
		rp_buf_addf(&d, "\"tar_sha256\":\"%s\",", thash);
	}
	rp_buf_setlen(&d, d.len - 1);
	rp_buf_addch(&d, '}');
	rp_buf_addf(&out, "collected volatile evidence: %zu files, manifest sha256 %s", nfiles, mhash);
	rp_cli_journal(cli, 0, "collect", out.buf, d.buf);
	rp_buf_reset(&out);

	for (i = 0; i < RP_ART_COUNT; i++) {
		const char *name = rp_artefact_name((enum rp_artefact)i);

		if (!res.done[i])
			continue;
		nart++;
		if (format == RP_FMT_JSONL)
			rp_buf_addf(&out, "{\"kind\":\"artefact\",\"name\":\"%s\",\"items\":%zu,"
			    "\"files\":[\"%s.txt\",\"%s.json\"]}\n", name, res.items[i], name, name);
		else
			rp_buf_addf(&out, "%-12s %6zu  %s.txt %s.json\n", name, res.items[i], name, name);
	}
	if (format == RP_FMT_JSONL) {
		rp_buf_addstr(&out, "{\"kind\":\"summary\",");
		json_s(&out, "dir", dir);
		rp_buf_addf(&out, "\"artefacts\":%d,\"files\":%zu,\"deleted_executables\":%zu,"
		    "\"copied\":%zu,\"not_copied\":%zu,\"not_read\":%zu,\"manifest_sha256\":\"%s\",",
		    nart, nfiles, res.deleted_exes, res.copied, res.not_copied, res.not_read, mhash);
		if (want_tar) {
			json_s(&out, "tar", tar.buf);
			rp_buf_addf(&out, "\"tar_sha256\":\"%s\"}\n", thash);
		} else {
			rp_buf_addstr(&out, "\"tar\":null,\"tar_sha256\":null}\n");
		}
	} else {
		rp_buf_addstr(&out, "collected into ");
		rp_esc_text(&out, dir, strlen(dir));
		rp_buf_addf(&out, ": %d artefacts, %zu files, %zu copied (%zu not)\n", nart, nfiles,
		    res.copied, res.not_copied);
		if (res.deleted_exes)
			rp_buf_addf(&out, "WARNING: %zu processes run a deleted executable "
			    "(see processes.txt, [DELETED])\n", res.deleted_exes);
		if (res.not_read)
			rp_buf_addf(&out, "WARNING: %zu files not read within %d s each "
			    "(see 'not read' in the artefacts)\n", res.not_read,
			    o.read_timeout_ms / 1000);
		rp_buf_addf(&out, "manifest sha256 %s (verify: cd DIR && sha256sum -c MANIFEST.sha256)\n",
		    mhash);
		if (want_tar) {
			rp_esc_text(&out, tar.buf, tar.len);
			rp_buf_addf(&out, " sha256 %s\n", thash);
		}
	}
	rc = rp_cli_put(cli, &out) == 0 ? RP_EXIT_CLEAN : RP_EXIT_ERROR;
out:
	rp_store_close(st);
	free(dir);
	free(pathcopy);
	rp_buf_release(&out);
	rp_buf_release(&tar);
	rp_buf_release(&d);
	return rc;
}
