/*
 * riposte canary: place canary files for watch, and check that they are intact.
 */
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "respond/canary.h"

static const char usage[] =
"NAME\n"
"    riposte canary - place and check canary files for watch\n"
"\n"
"SYNOPSIS\n"
"    riposte canary deploy [--format text|jsonl] DIR...\n"
"    riposte canary check [--format text|jsonl] DIR...\n"
"\n"
"DESCRIPTION\n"
"    deploy writes two ordinary-looking spreadsheets (CSV) into each DIR, named to come\n"
"    first and last in a listing (!Accounts-2026.csv, ~Payroll-archive.csv), so that\n"
"    ransomware walking the tree touches one early. Run again, it re-seeds them with\n"
"    fresh content.\n"
"\n"
"    What riposte watch does when another process touches a canary:\n"
"      write, truncate, rename or delete it (or rename another file over it after\n"
"      reading it): the strong signal (canary: 100 points, the threshold): the\n"
"      process is acted on (stopped, by default) at once, before the write lands\n"
"      (a rename or a delete cannot be held back: it is acted on as soon as the\n"
"      event comes);\n"
"      read it: noted ({\"kind\":\"canary-read\"} once per process group, syslog, the\n"
"      case's journal: a read by an unknown process matters for data theft), not a\n"
"      stop and not an alert: every backup (tar, rsync, cp -a, borg), antivirus scan\n"
"      and indexer reads every file. A read adds a little (canary-read: 20 points,\n"
"      once) to a group that also does something else, such as reading many files\n"
"      and writing random ones.\n"
"    Without pre-content events (Linux before 6.14, or watch --no-pre-content) the\n"
"    write itself cannot be seen before it lands: an open of a canary for writing\n"
"    (reading and writing included) counts as its write. An empty file of a canary's\n"
"    name is not a canary (a copy being made).\n"
"\n"
"    check tells, per canary, whether it is still there with canary content; it reads\n"
"    with O_NOATIME (no access time changes).\n"
"\n"
"OPTIONS\n"
"    --format text|jsonl\n"
"        Output format (text by default).\n"
"    -h, --help\n"
"        This text.\n"
"\n"
"OUTPUT (jsonl)\n"
"    deploy: {\"kind\":\"canary\",\"path\":S,\"action\":\"deployed\"} per file, then\n"
"            {\"kind\":\"summary\",\"deployed\":N}\n"
"    check:  {\"kind\":\"canary\",\"path\":S,\"state\":\"intact|changed|missing|error\"} per file,\n"
"            then {\"kind\":\"summary\",\"intact\":N,\"changed\":N,\"missing\":N}\n"
"\n"
"EXIT STATUS\n"
"    0  deployed; check: all intact\n"
"    1  check: a canary changed or is missing\n"
"    2  error\n"
"\n"
"EXAMPLES\n"
"    riposte canary deploy /srv/share /srv/share/Accounting\n"
"    riposte canary check --format jsonl /srv/share\n";

int
cmd_canary(struct rp_cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int fmt = RP_FMT_TEXT, c, ret = RP_EXIT_ERROR;
	struct rp_buf b, path;
	uint64_t counts[4] = { 0, 0, 0, 0 };    /* deployed/intact, changed, missing, error */

	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "h", opts, usage)) != -1) {
		switch (c) {
		case 'f':
			if ((fmt = rp_cli_format(cli, optarg, "text,jsonl")) < 0)
				return RP_EXIT_ERROR;
			break;
		case 'h':
			return rp_cli_usage(cli, usage, 1);
		default:
			return RP_EXIT_ERROR;   /* said by rp_cli_getopt */
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1 || (strcmp(argv[0], "deploy") != 0 && strcmp(argv[0], "check") != 0)) {
		rp_err(cli, "expected 'deploy DIR...' or 'check DIR...'");
		return rp_cli_usage(cli, usage, 0);
	}
	int deploy = strcmp(argv[0], "deploy") == 0;
	argc--;
	argv++;
	if (argc == 0) {
		rp_err(cli, "no DIR given");
		return rp_cli_usage(cli, usage, 0);
	}
	rp_buf_init(&b, 1 << 20);
	rp_buf_init(&path, 1 << 16);
	for (int i = 0; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
			rp_err(cli, "cannot use '%s': %s", argv[i], errno ? strerror(errno) : "not a directory");
			goto out;
		}
		if (deploy) {
			size_t n = 0;
			int r = rp_canary_deploy(argv[i], cli->now, &n);
			if (r != 0) {
				rp_err(cli, "cannot place canaries in '%s': %s", argv[i], rp_strerror(r));
				goto out;
			}
		}
		for (size_t k = 0; rp_canary_names[k] != NULL; k++) {
			const char *state = "deployed";
			rp_buf_reset(&path);
			rp_buf_addf(&path, "%s/%s", argv[i], rp_canary_names[k]);
			if (deploy) {
				counts[0]++;
			} else {
				int r = rp_canary_intact(path.buf);
				state = r == 1 ? "intact" : r == 0 ? "changed" : r == RP_ERR_NOTFOUND ? "missing" : "error";
				counts[r == 1 ? 0 : r == 0 ? 1 : r == RP_ERR_NOTFOUND ? 2 : 3]++;
			}
			if (fmt == RP_FMT_JSONL) {
				rp_buf_addstr(&b, "{\"kind\":\"canary\",");
				rp_cli_path_json(&b, "path", path.buf, path.len);
				rp_buf_addf(&b, "\"%s\":\"%s\"}\n", deploy ? "action" : "state", state);
			} else {
				rp_buf_addf(&b, "%-9s ", state);
				rp_esc_text(&b, path.buf, path.len);
				rp_buf_addch(&b, '\n');
			}
		}
	}
	if (fmt == RP_FMT_JSONL) {
		if (deploy)
			rp_buf_addf(&b, "{\"kind\":\"summary\",\"deployed\":%llu}\n", (unsigned long long)counts[0]);
		else
			rp_buf_addf(&b, "{\"kind\":\"summary\",\"intact\":%llu,\"changed\":%llu,\"missing\":%llu}\n",
			    (unsigned long long)counts[0], (unsigned long long)counts[1],
			    (unsigned long long)(counts[2] + counts[3]));
	} else if (deploy) {
		rp_buf_addf(&b, "%llu canary file(s) placed; riposte watch stops a process that changes one\n",
		    (unsigned long long)counts[0]);
	} else {
		rp_buf_addf(&b, "%llu intact, %llu changed, %llu missing\n", (unsigned long long)counts[0],
		    (unsigned long long)counts[1], (unsigned long long)(counts[2] + counts[3]));
	}
	if (rp_cli_put(cli, &b) != 0)
		goto out;
	ret = deploy || counts[1] + counts[2] + counts[3] == 0 ? RP_EXIT_CLEAN : RP_EXIT_FOUND;
out:
	rp_buf_release(&b);
	rp_buf_release(&path);
	return ret;
}
