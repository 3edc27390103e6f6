#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "core/escape.h"
#include "core/time.h"

static void
vmsg(const struct rp_cli *cli, const char *kind, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", cli->argv0);
	if (cli->cmd)
		fprintf(stderr, "%s: ", cli->cmd);
	if (kind)
		fputs(kind, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
rp_err(const struct rp_cli *cli, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(cli, NULL, fmt, ap);
	va_end(ap);
}

void
rp_warn(const struct rp_cli *cli, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(cli, "warning: ", fmt, ap);
	va_end(ap);
}

int
rp_cli_format(const struct rp_cli *cli, const char *arg, const char *allowed)
{
	static const struct { const char *name; int kind; } names[] = {
		{ "text", RP_FMT_TEXT }, { "jsonl", RP_FMT_JSONL }, { "csv", RP_FMT_CSV },
	};
	size_t i, n = strlen(arg);
	const char *p = allowed;

	while ((p = strstr(p, arg)) != NULL) {
		if ((p == allowed || p[-1] == ',') && (p[n] == ',' || p[n] == '\0')) {
			for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
				if (strcmp(names[i].name, arg) == 0)
					return names[i].kind;
			return RP_FMT_OTHER;
		}
		p += n;
	}
	rp_err(cli, "unknown format '%s' (expected one of: %s)", arg, allowed);
	return -1;
}

/* The SYNOPSIS section of a manual text (its indented lines), else its first line. */
static void
put_synopsis(const char *text, FILE *f)
{
	const char *p = strstr(text, "SYNOPSIS\n"), *e;

	if (p == NULL) {
		e = strchr(text, '\n');
		fprintf(f, "%.*s\n", (int)(e ? e - text : (ptrdiff_t)strlen(text)), text);
		return;
	}
	fputs("usage:\n", f);
	for (p += 9; *p == ' '; p = e + 1) {
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		fprintf(f, "%.*s\n", (int)(e - p), p);
		if (*e == '\0')
			break;
	}
}

int
rp_cli_usage(const struct rp_cli *cli, const char *text, int ok)
{
	if (ok) {
		fputs(text, stdout);
		return RP_EXIT_CLEAN;
	}
	fflush(stdout);
	put_synopsis(text, stderr);
	if (cli->cmd)
		fprintf(stderr, "Try '%s %s --help' for more.\n", cli->argv0, cli->cmd);
	return RP_EXIT_ERROR;
}

void
rp_cli_opt_begin(void)
{
	/* 0, not 1: glibc then initialises its state again (the permutation's bounds),
	 * which a second parse in one process (help CMD, sub-commands) needs */
	optind = 0;
	opterr = 0;
}

int
rp_cli_getopt(const struct rp_cli *cli, int argc, char **argv, const char *shortopts,
    const struct option *longopts, const char *usage)
{
	char opts[64];
	int c, n;

	/* ':' first: a missing value is told from an unknown option */
	n = snprintf(opts, sizeof(opts), ":%s", shortopts);
	if (n < 0 || (size_t)n >= sizeof(opts))
		return '?';
	c = getopt_long(argc, argv, opts, longopts, NULL);
	if (c != '?' && c != ':')
		return c;
	if (c == ':') {
		if (optopt && optopt < 256 && strchr(shortopts, optopt))
			rp_err(cli, "option '-%c' needs a value", optopt);
		else
			rp_err(cli, "option '%s' needs a value", argv[optind - 1]);
	} else if (optopt) {
		rp_err(cli, "unknown option '-%c'", optopt);
	} else {
		rp_err(cli, "unknown option '%s'", argv[optind - 1]);
	}
	rp_cli_usage(cli, usage, 0);
	return '?';
}

int
rp_cli_put(const struct rp_cli *cli, const struct rp_buf *b)
{
	if (b->len && fwrite(b->buf, 1, b->len, stdout) != b->len) {
		rp_err(cli, "cannot write to standard output: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int
rp_cli_uint(const struct rp_cli *cli, const char *opt, const char *arg,
    unsigned long long min, unsigned long long max, unsigned long long *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(arg, &end, 10);
	if (errno || end == arg || *end || arg[0] == '-' || v < min || v > max) {
		rp_err(cli, "%s: '%s' is not a number from %llu to %llu", opt, arg, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

int
rp_cli_path_json(struct rp_buf *b, const char *key, const char *path, size_t len)
{
	int r, lossy = 0;

	if ((r = rp_buf_addf(b, "\"%s\":\"", key)) != 0 ||
	    (r = rp_esc_json(b, path, len, &lossy)) != 0 ||
	    (r = rp_buf_add(b, "\",", 2)) != 0)
		return r;
	if (lossy) {
		if ((r = rp_buf_addf(b, "\"%s_hex\":\"", key)) != 0 ||
		    (r = rp_hex(b, path, len)) != 0 || (r = rp_buf_add(b, "\",", 2)) != 0)
			return r;
	}
	return 0;
}

void
rp_progress_init(struct rp_progress *p, const struct rp_cli *cli, int quiet)
{
	p->on = cli->stderr_tty && !quiet && getenv("RIPOSTE_NO_PROGRESS") == NULL;
	p->last_ms = 0;
	p->drawn = 0;
}

void
rp_progress_update(struct rp_progress *p, uint64_t done, uint64_t bytes, const char *current)
{
	struct rp_buf b = RP_BUF_INIT;
	int64_t t;

	if (!p->on)
		return;
	t = rp_time_mono_ms();
	if (p->drawn && t - p->last_ms < 100)
		return;
	p->last_ms = t;
	rp_buf_addf(&b, "\r\033[K%llu files, %.1f MiB  ", (unsigned long long)done,
	    (double)bytes / 1048576.0);
	if (current) {
		size_t n = strlen(current);

		/* the tail of the path is the informative part */
		if (n > 50)
			current += n - 50;
		rp_esc_text(&b, current, strlen(current));
	}
	fputs(b.buf, stderr);
	fflush(stderr);
	p->drawn = 1;
	rp_buf_release(&b);
}

void
rp_progress_done(struct rp_progress *p)
{
	if (p->on && p->drawn) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	p->drawn = 0;
}
