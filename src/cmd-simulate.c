/*
 * riposte simulate: a safe ransomware fire drill on documents it generates itself,
 * so that a practice can check that `riposte watch` stops an attack and so that the
 * detection figures are measured, not claimed.
 */
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "sim/sim.h"
#include "simulate.h"

static const char usage[] =
"NAME\n"
"    riposte simulate - a safe ransomware drill on files it creates itself\n"
"\n"
"SYNOPSIS\n"
"    riposte simulate --scenario NAME --dir DIR [--files N] [--rate R] [--seed S]\n"
"                     [--no-note] [--format text|jsonl]\n"
"    riposte simulate --prepare --dir DIR [--files N] [--seed S] [--format text|jsonl]\n"
"    riposte simulate --restore DIR [--format text|jsonl]\n"
"    riposte simulate --list [--format text|jsonl|csv]\n"
"\n"
"DESCRIPTION\n"
"    Creates DIR and fills it with documents that it generates (Word, Excel and\n"
"    OpenDocument files, PDFs, JPEG and PNG photos, text, CSV and a SQLite database; sizes\n"
"    from a few hundred bytes to a few MiB; the same --seed gives the same bytes). Before\n"
"    the attack it writes DIR/.riposte-sim/manifest.sha256 (sha256sum format, paths\n"
"    relative to DIR) and the keys. Then it runs the scenario in a child process, prints\n"
"    its pid and writes it to DIR/.riposte-sim/pid, and waits: the attack finishes, or a\n"
"    watcher stops it (SIGSTOP) or kills it, and simulate says after how many files.\n"
"    A stopped attacker is left stopped for the watcher to deal with.\n"
"\n"
"    The attacker starts a session of its own (setsid), as a binary dropped and started\n"
"    by a service would run: a watcher that scores per session (riposte watch) scores it\n"
"    apart from simulate, and stops it, not simulate, which then reports. The children\n"
"    of 'forker' stay in the attacker's session. SIGINT, SIGTERM and SIGHUP sent to\n"
"    simulate while it waits are passed on to the attacker (Ctrl-C ends the drill).\n"
"\n"
"    Under a watcher, generate the documents first: --prepare creates DIR with the\n"
"    documents, the marker, the manifest and the keys, and exits; start the watcher on\n"
"    DIR; then --scenario NAME --dir DIR on that prepared DIR runs only the attack (its\n"
"    --files and --seed are those of --prepare). A drill directory on which a scenario\n"
"    has run is not prepared any more: running a scenario on it starts afresh.\n"
"\n"
"    --restore gives back every byte and every name, also of files renamed, moved,\n"
"    deleted, or half-encrypted when the attacker was killed, removes what the scenario\n"
"    created, and checks every file against the manifest; afterwards\n"
"    (cd DIR && sha256sum -c .riposte-sim/manifest.sha256) passes.\n"
"\n"
"    The attacks use AES-256-CTR (OpenSSL) on the drill files only and first write a\n"
"    ransom note README_RESTORE_FILES.txt in DIR and in every folder, before any file;\n"
"    nothing uses the network. --no-note leaves the notes out.\n"
"\n"
"SAFETY\n"
"    Refused (exit 2, nothing written): '/', the home directory and its parents, the\n"
"    system directories /bin /boot /dev /etc /lib* /proc /root /run /sbin /srv /sys /usr\n"
"    /var and anything below them (below /tmp and /var/tmp is fine, /tmp itself is not),\n"
"    a DIR that is a symbolic link, and an existing directory that is not empty and does\n"
"    not carry the marker DIR/.riposte-sim/marker. The parent of DIR must exist; symbolic\n"
"    links in the parent's path are resolved first and the checks apply to the real place.\n"
"    Every file operation walks from a descriptor of DIR, one component at a time, with\n"
"    O_NOFOLLOW: a symbolic link planted inside DIR is never followed. Running again on a\n"
"    drill directory that is not prepared deletes its content and starts afresh\n"
"    (--prepare too). --restore refuses while the attacker is alive (running or\n"
"    stopped): kill it first.\n"
"\n"
"OPTIONS\n"
"    --scenario NAME  the attack or benign activity to run (see --list)\n"
"    --dir DIR        the drill directory (created; see SAFETY)\n"
"    --prepare        only generate the documents in DIR, for a --scenario run later\n"
"    --files N        documents to generate, 1 to 10000 (default 40); on a prepared DIR\n"
"                     it must be the prepared number, or be left out\n"
"    --rate R         files per second during the attack: 5, 5/s, 2/min, 30/h (default:\n"
"                     as fast as possible; 'slow' defaults to 1/min)\n"
"    --seed S         seed of the documents and keys (default 1; on a prepared DIR, as\n"
"                     --files)\n"
"    --no-note        attacks write no ransom note, only the files: a watcher must see\n"
"                     the encryption itself (not with note-only)\n"
"    --restore DIR    undo the scenario in DIR and verify every byte\n"
"    --list           list the scenarios\n"
"    --format F       text (default), jsonl; csv for --list\n"
"    -h, --help       this text\n"
"\n"
"SCENARIOS\n"
"    Attacks: inplace mover rename stream blackbasta lockfile head4k play stripes slow\n"
"    forker mmap note-only xor fake-header. Benign look-alikes (for false positives):\n"
"    gzip zip user-encrypt sqlite media compile backup. `--list` describes each.\n"
"\n"
"OUTPUT\n"
"    jsonl, --list: {\"kind\":\"scenario\",\"name\":\"inplace\",\"benign\":false,\"description\":\"...\"}\n"
"    per scenario, then {\"kind\":\"summary\",\"scenarios\":22,\"attacks\":15,\"benign\":7}.\n"
"    jsonl, a run: first {\"kind\":\"attacker\",\"scenario\",\"benign\",\"dir\",\"files\",\"bytes\",\n"
"    \"pid\"} as soon as the child runs, then {\"kind\":\"summary\",\"scenario\",\"benign\",\"dir\",\n"
"    \"pid\",\"outcome\":\"finished|stopped|killed|failed\",\"signal\":\"SIGKILL\"|null,\n"
"    \"files\",\"files_attacked\",\"started\",\"first_write\",\"ended\",\"first_write_to_end_ms\"}\n"
"    (times UTC ISO 8601 with milliseconds, \"2026-11-22T21:40:01.123Z\"; first_write is\n"
"    the attacker's first write in DIR, a ransom note included, null when it wrote\n"
"    nothing; files_attacked counts the files it finished).\n"
"    jsonl, --prepare: {\"kind\":\"summary\",\"prepared\":true,\"dir\",\"files\",\"bytes\",\"seed\"}.\n"
"    jsonl, --restore: {\"kind\":\"summary\",\"scenario\",\"dir\",\"files\",\"repaired\",\"removed\",\n"
"    \"bad\",\"verified\":true|false} (scenario \"prepared\" when no attack ran).\n"
"\n"
"EXIT STATUS\n"
"    0  the attack ran to the end (nothing stopped it); the restore verified every file;\n"
"       --prepare generated the documents\n"
"    1  the attacker was stopped or killed before the end (a watcher reacted)\n"
"    2  refused, bad usage, the attack failed, or a file could not be given back\n"
"\n"
"EXAMPLES\n"
"    riposte simulate --list\n"
"    riposte simulate --scenario inplace --dir /tmp/drill --files 100 --rate 10/s\n"
"    riposte simulate --restore /tmp/drill && (cd /tmp/drill && sha256sum -c .riposte-sim/manifest.sha256)\n"
"    riposte simulate --scenario backup --dir /tmp/drill   # must not be flagged\n"
"    riposte simulate --prepare --dir /var/tmp/drill && riposte watch /var/tmp/drill &\n"
"    riposte simulate --scenario inplace --dir /var/tmp/drill   # 'stopped (SIGSTOP) after'\n";

enum { OPT_SCENARIO = 256, OPT_DIR, OPT_FILES, OPT_RATE, OPT_SEED, OPT_RESTORE, OPT_LIST, OPT_FORMAT,
	OPT_PREPARE, OPT_NO_NOTE };

static const struct option longopts[] = {
	{ "scenario", required_argument, NULL, OPT_SCENARIO },
	{ "dir", required_argument, NULL, OPT_DIR },
	{ "files", required_argument, NULL, OPT_FILES },
	{ "rate", required_argument, NULL, OPT_RATE },
	{ "seed", required_argument, NULL, OPT_SEED },
	{ "restore", required_argument, NULL, OPT_RESTORE },
	{ "list", no_argument, NULL, OPT_LIST },
	{ "prepare", no_argument, NULL, OPT_PREPARE },
	{ "no-note", no_argument, NULL, OPT_NO_NOTE },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int
list(const struct rp_cli *cli, int fmt)
{
	struct rp_buf b = RP_BUF_INIT;
	int r;

	if ((r = sim_list_output(&b, fmt)) != 0) {
		rp_err(cli, "%s", rp_strerror(r));
		rp_buf_release(&b);
		return RP_EXIT_ERROR;
	}
	r = rp_cli_put(cli, &b);
	rp_buf_release(&b);
	return r == 0 ? RP_EXIT_CLEAN : RP_EXIT_ERROR;
}

static int
put(const struct rp_cli *cli, struct rp_buf *b)
{
	int r = rp_cli_put(cli, b);

	rp_buf_reset(b);
	fflush(stdout);
	return r;
}

/*
 * Checks DIR (see SAFETY) and gives a descriptor of it in *root. With prepared
 * non-NULL, a DIR prepared by --prepare and not attacked yet is used as it is
 * (*prepared filled, returns 1); otherwise DIR is created or emptied (returns 0).
 * -1 after an error message.
 */
static int
open_drill(struct rp_cli *cli, const char *dir, struct rp_buf *resolved, int *root,
    struct rp_sim_prepared *prepared)
{
	struct rp_buf why = RP_BUF_INIT;
	int exists = 0, r, ret = -1;

	r = rp_sim_check_dir(dir, getenv("HOME"), resolved, &exists, &why);
	if (r == RP_ERR_REFUSED) {
		rp_err(cli, "refusing '%s': %s", dir, why.buf);
		goto out;
	}
	if (r != 0) {
		rp_err(cli, "cannot use '%s': %s", dir, r == RP_ERR_NOTFOUND ?
		    "its parent directory does not exist" : rp_strerror(r));
		goto out;
	}
	if ((r = rp_sim_drill_open(resolved->buf, exists, prepared != NULL, root, prepared)) == 1) {
		ret = 1;
		goto out;
	}
	if (r != 0) {
		rp_err(cli, "cannot set up '%s': %s", resolved->buf, rp_strerror(r));
		goto out;
	}
	ret = 0;
out:
	rp_buf_release(&why);
	return ret;
}

static int
prepare(struct rp_cli *cli, const char *dir, const struct rp_sim_opts *o, int fmt)
{
	struct rp_buf resolved = RP_BUF_INIT, b = RP_BUF_INIT;
	uint64_t bytes = 0;
	int root = -1, r, ret = RP_EXIT_ERROR;

	if (open_drill(cli, dir, &resolved, &root, NULL) < 0)
		goto out;
	if ((r = rp_sim_prepare(root, NULL, o, &bytes)) != 0) {
		rp_err(cli, "cannot generate the documents in '%s': %s", resolved.buf, rp_strerror(r));
		goto out;
	}
	sim_prepare_output(&b, &resolved, o, bytes, fmt);
	if (rp_cli_put(cli, &b) == 0)
		ret = RP_EXIT_CLEAN;
out:
	if (root >= 0)
		close(root);
	rp_buf_release(&resolved);
	rp_buf_release(&b);
	return ret;
}

/* The attacker's pid while simulate waits for it: SIGINT, SIGTERM and SIGHUP are
 * passed on to it (it runs in its own session, out of reach of the terminal). */
static volatile sig_atomic_t attacker_pid;

static void
forward(int sig)
{
	if (attacker_pid > 0)
		kill((pid_t)attacker_pid, sig);
}

static const int fwd[3] = { SIGINT, SIGTERM, SIGHUP };

/* What run() shares with the engine's callbacks. */
struct run_ctx {
	struct rp_cli *cli;
	const struct rp_sim_scenario *sc;
	const struct rp_sim_opts *o;
	const struct rp_buf *resolved;
	uint64_t bytes;
	int fmt;
	struct sigaction old[3];
	int forwarding;
};

static void
on_started(void *vctx, long pid)
{
	struct run_ctx *x = vctx;
	struct sigaction sa;
	int i;

	attacker_pid = (sig_atomic_t)pid;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = forward;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 3; i++)
		sigaction(fwd[i], &sa, &x->old[i]);
	x->forwarding = 1;
}

static void
on_ended(void *vctx)
{
	struct run_ctx *x = vctx;
	int i;

	if (x->forwarding)
		for (i = 0; i < 3; i++)
			sigaction(fwd[i], &x->old[i], NULL);
	x->forwarding = 0;
	attacker_pid = 0;
}

static void
on_warning(void *vctx, const char *msg)
{
	struct run_ctx *x = vctx;

	rp_warn(x->cli, "%s", msg);
}

static void
on_attacker(void *vctx, long pid)
{
	struct run_ctx *x = vctx;
	struct rp_buf b = RP_BUF_INIT;

	sim_attacker_output(&b, x->sc, x->resolved, x->o, x->bytes, pid, x->fmt);
	put(x->cli, &b);
	rp_buf_release(&b);
}

static int
run(struct rp_cli *cli, const struct rp_sim_scenario *sc, const char *dir,
    struct rp_sim_opts *o, int fmt, int files_given, int seed_given)
{
	static const struct rp_sim_run_cb cb = { .on_started = on_started,
	    .on_attacker = on_attacker, .on_warning = on_warning, .on_ended = on_ended };
	struct rp_buf resolved = RP_BUF_INIT, b = RP_BUF_INIT;
	struct run_ctx x = { .cli = cli, .sc = sc, .o = o, .resolved = &resolved, .fmt = fmt };
	struct rp_sim_prepared pp;
	struct rp_sim_result res;
	char *cc = NULL;
	int root = -1, r, ret = RP_EXIT_ERROR, was_prepared;

	if ((was_prepared = open_drill(cli, dir, &resolved, &root, &pp)) < 0)
		goto out;
	if (strcmp(sc->name, "compile") == 0)
		o->cc = cc = rp_sim_find_cc(getenv("PATH"));
	if (was_prepared) {
		if (rp_sim_adopt_prepared(&pp, o, files_given, seed_given) != 0) {
			rp_err(cli, "'%s' was prepared with --files %u --seed %" PRIu64 ": give those or none",
			    resolved.buf, pp.files, pp.seed);
			goto out;
		}
		x.bytes = pp.bytes;
		if ((r = rp_sim_claim(root, sc)) != 0) {
			rp_err(cli, "cannot record the scenario in '%s': %s", resolved.buf, rp_strerror(r));
			goto out;
		}
	} else if ((r = rp_sim_prepare(root, sc, o, &x.bytes)) != 0) {
		rp_err(cli, "cannot generate the documents in '%s': %s", resolved.buf, rp_strerror(r));
		goto out;
	}
	if (fmt == RP_FMT_TEXT) {
		rp_buf_addf(&b, "%s %u files (%.1f MiB) in '", was_prepared ? "prepared:" : "generated",
		    o->files, (double)x.bytes / 1048576.0);
		rp_esc_text(&b, resolved.buf, resolved.len);
		rp_buf_addstr(&b, "'; manifest " RP_SIM_STATE_DIR "/manifest.sha256\n");
		if (strcmp(sc->name, "compile") == 0 && cc == NULL)
			rp_buf_addstr(&b, "no cc in PATH: the C files are written, not compiled\n");
		if (put(cli, &b) != 0)
			goto out;
	}
	fflush(stdout);
	fflush(stderr);
	if ((r = rp_sim_run(root, sc, o, &cb, &x, &res)) != 0) {
		rp_err(cli, "%s: %s", res.failed_call ? res.failed_call : "run", rp_strerror(r));
		goto out;
	}
	switch (res.outcome) {
	case RP_SIM_STOPPED: case RP_SIM_KILLED: ret = RP_EXIT_FOUND; break;
	case RP_SIM_FINISHED: ret = RP_EXIT_CLEAN; break;
	case RP_SIM_FAILED: ret = RP_EXIT_ERROR; break;
	}
	sim_run_output(&b, sc, &resolved, o, &res, ret, fmt);
	if (put(cli, &b) != 0)
		ret = RP_EXIT_ERROR;
	if (res.outcome == RP_SIM_FAILED)
		rp_err(cli, "the scenario '%s' failed after %u files", sc->name, res.progress.files);
out:
	on_ended(&x);    /* after a failed wait too */
	if (root >= 0)
		close(root);
	free(cc);
	rp_buf_release(&resolved);
	rp_buf_release(&b);
	return ret;
}

static int
restore(struct rp_cli *cli, const char *dir, int fmt)
{
	struct rp_sim_restore_stats st;
	struct rp_buf b = RP_BUF_INIT;
	int root = -1, r, ret = RP_EXIT_ERROR;
	long pid;

	if ((r = rp_sim_dir_open_marked(dir, &root)) != 0) {
		rp_err(cli, "cannot restore '%s': %s", dir, r == RP_ERR_REFUSED ?
		    "not a drill directory of riposte simulate (no marker)" : r == RP_ERR_NOTFOUND ?
		    "no such directory" : rp_strerror(r));
		goto out;
	}
	if ((pid = rp_sim_attacker_alive(root, "/proc")) > 0) {
		rp_err(cli, "cannot restore '%s': the attacker (pid %ld) is still alive; kill it first", dir, pid);
		goto out;
	}
	r = rp_sim_restore(root, &st);
	if (r != 0 && r != RP_ERR_INTEGRITY) {
		rp_err(cli, "cannot restore '%s': %s", dir, rp_strerror(r));
		goto out;
	}
	sim_restore_output(&b, dir, &st, r == 0, fmt);
	if (rp_cli_put(cli, &b) != 0)
		goto out;
	if (r != 0) {
		rp_err(cli, "%u files of '%s' could not be given back", st.bad, dir);
		goto out;
	}
	ret = RP_EXIT_CLEAN;
out:
	if (root >= 0)
		close(root);
	rp_buf_release(&b);
	return ret;
}

int
cmd_simulate(struct rp_cli *cli, int argc, char **argv)
{
	const char *scenario = NULL, *dir = NULL, *restore_dir = NULL, *fmtarg = "text";
	struct rp_sim_opts o = { .seed = 1, .files = 40 };
	const struct rp_sim_scenario *sc;
	unsigned long long v;
	int c, do_list = 0, do_prepare = 0, files_given = 0, seed_given = 0, rate_given = 0, fmt;

	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "h", longopts, usage)) != -1) {
		switch (c) {
		case OPT_SCENARIO: scenario = optarg; break;
		case OPT_DIR: dir = optarg; break;
		case OPT_FILES:
			if (rp_cli_uint(cli, "--files", optarg, 1, 10000, &v) != 0)
				return RP_EXIT_ERROR;
			o.files = (unsigned)v;
			files_given = 1;
			break;
		case OPT_RATE:
			if (rp_sim_rate_parse(optarg, &o.rate) != 0) {
				rp_err(cli, "--rate: '%s' is not a rate such as 5, 5/s, 2/min or 30/h", optarg);
				return RP_EXIT_ERROR;
			}
			rate_given = 1;
			break;
		case OPT_SEED:
			if (rp_cli_uint(cli, "--seed", optarg, 0, UINT64_MAX, &v) != 0)
				return RP_EXIT_ERROR;
			o.seed = v;
			seed_given = 1;
			break;
		case OPT_RESTORE: restore_dir = optarg; break;
		case OPT_LIST: do_list = 1; break;
		case OPT_PREPARE: do_prepare = 1; break;
		case OPT_NO_NOTE: o.no_note = 1; break;
		case OPT_FORMAT: fmtarg = optarg; break;
		case 'h': return rp_cli_usage(cli, usage, 1);
		default: return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	if (optind != argc) {
		rp_err(cli, "unexpected argument '%s'", argv[optind]);
		return RP_EXIT_ERROR;
	}
	if ((fmt = rp_cli_format(cli, fmtarg, do_list ? "text,jsonl,csv" : "text,jsonl")) < 0)
		return RP_EXIT_ERROR;
	if (do_list + (restore_dir != NULL) + (scenario != NULL || dir != NULL || do_prepare) != 1) {
		rp_err(cli, "give one of --list, --restore DIR, --prepare --dir DIR, or --scenario NAME --dir DIR");
		return RP_EXIT_ERROR;
	}
	if (do_list)
		return list(cli, fmt);
	if (restore_dir != NULL)
		return restore(cli, restore_dir, fmt);
	if (do_prepare) {
		if (scenario != NULL || rate_given || o.no_note || dir == NULL) {
			rp_err(cli, "--prepare takes --dir DIR, --files and --seed; the scenario comes next");
			return RP_EXIT_ERROR;
		}
		return prepare(cli, dir, &o, fmt);
	}
	if (scenario == NULL || dir == NULL) {
		rp_err(cli, "--scenario and --dir go together");
		return RP_EXIT_ERROR;
	}
	if ((sc = rp_sim_scenario_find(scenario)) == NULL) {
		rp_err(cli, "no scenario '%s' (see riposte simulate --list)", scenario);
		return RP_EXIT_ERROR;
	}
	if (o.no_note && strcmp(sc->name, "note-only") == 0) {
		rp_err(cli, "--no-note: 'note-only' writes nothing but notes");
		return RP_EXIT_ERROR;
	}
	return run(cli, sc, dir, &o, fmt, files_given, seed_given);
}
