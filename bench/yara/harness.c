/*
 * The note rule sets alone, scanned from memory on a fixed corpus (issue 20, speed):
 * what a string costs (with valgrind --tool=callgrind: instruction counts, which the
 * load of a shared machine does not move) and whether a rewritten rule text matches
 * exactly what the old one did. Not part of make check.
 *
 *   cc -O2 -Wall -Wextra -o build/yaraharn bench/yara/harness.c -lyara
 *
 *   yaraharn [-r ROUNDS] LIST A.yar[,A2.yar...]
 *	scans every text of LIST (one path a line) ROUNDS times with the set, compiled
 *	as lib/detect/yara.c does (every file in the default namespace, scanned with
 *	SCAN_FLAGS_FAST_MODE | SCAN_FLAGS_NO_TRYCATCH); prints the texts, bytes, rules
 *	matched and the least CPU time of a round. Under callgrind, count only the
 *	scans: --toggle-collect=scan_corpus.
 *   yaraharn -d [-m MUTANTS] [-s SEED] LIST A.yar[,...] B.yar[,...]
 *	scans every text, and MUTANTS mutated copies of it (case flips, inserted
 *	newlines, dots and spaces, deleted bytes, truncations), with both sets, twice:
 *	without FAST_MODE, comparing per string the whole list of matches (offset and
 *	length); with the production flags, comparing per rule matched or not and per
 *	string the number of matches (for a string no condition counts, which fast mode
 *	stops looking for at its first match, whether it matched). Prints every difference; exits 1 if any.
 *
 * The sets must name their rules and strings alike (a rewrite keeps the identifiers).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <yara.h>

#define MAX_TEXT (256 * 1024)   /* larger files are left out of the corpus */

struct text {
	char *path;
	uint8_t *buf;
	size_t len;
};

/* one scan's outcome, as a flat record: "R rule 0|1" and "S rule$str off len" lines */
struct rec {
	char *s;
	size_t len, cap;
	int fail;
};

static void
rec_add(struct rec *r, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (r->fail)
		return;
	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(r->s + r->len, r->cap - r->len, fmt, ap);
		va_end(ap);
		if (n < 0) {
			r->fail = 1;
			return;
		}
		if ((size_t)n < r->cap - r->len)
			break;
		size_t cap = (r->cap + (size_t)n + 1) * 2;
		char *p = realloc(r->s, cap);
		if (p == NULL) {
			r->fail = 1;
			return;
		}
		r->s = p;
		r->cap = cap;
	}
	r->len += (size_t)n;
}

struct scan_ctx {
	struct rec *rec;        /* NULL: count the matched rules only */
	int full;               /* every match (non-fast mode) or only counts */
	long matched;
};

static int
on_scan(YR_SCAN_CONTEXT *ctx, int msg, void *data, void *user)
{
	struct scan_ctx *sc = user;
	YR_RULE *rule = data;
	YR_STRING *str;
	YR_MATCH *m;

	if (msg != CALLBACK_MSG_RULE_MATCHING && msg != CALLBACK_MSG_RULE_NOT_MATCHING)
		return CALLBACK_CONTINUE;
	if (msg == CALLBACK_MSG_RULE_MATCHING)
		sc->matched++;
	if (sc->rec == NULL)
		return CALLBACK_CONTINUE;
	rec_add(sc->rec, "R %s %d\n", rule->identifier, msg == CALLBACK_MSG_RULE_MATCHING);
	yr_rule_strings_foreach(rule, str) {
		long n = 0;

		yr_string_matches_foreach(ctx, str, m) {
			if (sc->full)
				rec_add(sc->rec, "S %s%s %lld %d\n", rule->identifier,
				    str->identifier, (long long)(m->base + m->offset),
				    m->match_length);
			n++;
		}
		/* fast mode keeps one match of a string no condition counts (libyara's
		 * SINGLE_MATCH), which one depends on the atoms: its presence is what counts */
		if (!sc->full)
			rec_add(sc->rec, "N %s%s %ld\n", rule->identifier, str->identifier,
			    STRING_IS_SINGLE_MATCH(str) ? (long)(n > 0) : n);
	}
	return CALLBACK_CONTINUE;
}

static void
on_compile_error(int level, const char *file, int line, const YR_RULE *rule,
    const char *msg, void *user)
{
	(void)rule;
	(void)user;
	if (level == YARA_ERROR_LEVEL_ERROR)
		fprintf(stderr, "yaraharn: %s(%d): %s\n", file ? file : "?", line, msg);
}

static int
read_file(const char *path, uint8_t **buf, size_t *len, size_t max)
{
	FILE *f = fopen(path, "rb");
	uint8_t *b;
	size_t n;

	if (f == NULL)
		return -1;
	if ((b = malloc(max + 1)) == NULL) {
		fclose(f);
		return -1;
	}
	n = fread(b, 1, max + 1, f);
	if (ferror(f) || n > max) {
		free(b);
		fclose(f);
		return -1;
	}
	fclose(f);
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
}

/* SPEC: comma-separated rule files, added in order to one compiler, default namespace */
static YR_RULES *
compile_set(const char *spec)
{
	YR_COMPILER *c = NULL;
	YR_RULES *rules = NULL;
	char *list = strdup(spec), *save = NULL, *f;
	int bad = 0;

	if (list == NULL || yr_compiler_create(&c) != ERROR_SUCCESS)
		goto out;
	yr_compiler_set_callback(c, on_compile_error, NULL);
	for (f = strtok_r(list, ",", &save); f && !bad; f = strtok_r(NULL, ",", &save)) {
		uint8_t *src;
		size_t len;

		if (read_file(f, &src, &len, 16u << 20) != 0) {
			fprintf(stderr, "yaraharn: %s: %s\n", f, strerror(errno));
			bad = 1;
			break;
		}
		if (yr_compiler_add_string(c, (char *)src, NULL) != 0)
			bad = 1;
		free(src);
	}
	if (!bad && yr_compiler_get_rules(c, &rules) != ERROR_SUCCESS)
		rules = NULL;
out:
	if (c)
		yr_compiler_destroy(c);
	free(list);
	return rules;
}

static struct text *
load_list(const char *path, size_t *n, size_t *bytes)
{
	FILE *f = fopen(path, "r");
	struct text *t = NULL;
	size_t cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t l;

	*n = *bytes = 0;
	if (f == NULL)
		return NULL;
	while ((l = getline(&line, &lcap, f)) > 0) {
		uint8_t *b;
		size_t len;

		if (line[l - 1] == '\n')
			line[--l] = '\0';
		if (l == 0 || read_file(line, &b, &len, MAX_TEXT) != 0)
			continue;
		if (*n == cap) {
			struct text *p = realloc(t, (cap = cap ? cap * 2 : 1024) * sizeof(*t));
			if (p == NULL)
				exit(2);
			t = p;
		}
		t[*n].path = strdup(line);
		t[*n].buf = b;
		t[*n].len = len;
		*bytes += len;
		(*n)++;
	}
	free(line);
	fclose(f);
	return t;
}

/* the scans alone: the function callgrind's --toggle-collect names */
__attribute__((noinline)) long
scan_corpus(YR_SCANNER *s, const struct text *t, size_t n, struct scan_ctx *sc)
{
	size_t i;

	sc->matched = 0;
	for (i = 0; i < n; i++)
		if (yr_scanner_scan_mem(s, t[i].buf, t[i].len) != ERROR_SUCCESS)
			fprintf(stderr, "yaraharn: %s: scan failed\n", t[i].path);
	return sc->matched;
}

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* xorshift64*: the same mutants on every run for one seed */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

/* a mutant of SRC into DST (room for 2 * LEN + 64): returns its length */
static size_t
mutate(const uint8_t *src, size_t len, uint8_t *dst, uint64_t *seed)
{
	size_t i, o = 0, cut = len;
	unsigned kind = (unsigned)(rnd(seed) % 4);
	/* one byte in RATE is touched: dense enough to hit the regexes' words */
	unsigned rate = 4 + (unsigned)(rnd(seed) % 60);

	if (kind == 3 && len > 0)
		cut = (size_t)(rnd(seed) % len);
	for (i = 0; i < cut; i++) {
		uint8_t c = src[i];
		unsigned r = (unsigned)(rnd(seed) % rate);

		if (r == 0 && (kind == 0 || kind == 3)) {
			if (c >= 'a' && c <= 'z')
				c -= 32;
			else if (c >= 'A' && c <= 'Z')
				c += 32;
		} else if (r == 0 && kind == 1) {
			static const char ins[] = "\n. \t:@1";
			dst[o++] = (uint8_t)ins[rnd(seed) % (sizeof(ins) - 1)];
		} else if (r == 0 && kind == 2) {
			continue;       /* a deleted byte */
		}
		dst[o++] = c;
	}
	return o;
}

static int
scan_rec(YR_SCANNER *s, const uint8_t *b, size_t len, int full, struct rec *r)
{
	struct scan_ctx sc = { .rec = r, .full = full };

	r->len = 0;
	if (r->s)
		r->s[0] = '\0';
	yr_scanner_set_callback(s, on_scan, &sc);
	yr_scanner_set_flags(s, full ? SCAN_FLAGS_NO_TRYCATCH :
	    SCAN_FLAGS_FAST_MODE | SCAN_FLAGS_NO_TRYCATCH);
	if (yr_scanner_scan_mem(s, b, len) != ERROR_SUCCESS)
		return -1;
	return r->fail ? -1 : 0;
}

/* the first line where the two records differ, for the report */
static void
show_diff(const char *what, const struct rec *a, const struct rec *b)
{
	size_t i = 0, ls = 0;

	while (i < a->len && i < b->len && a->s[i] == b->s[i]) {
		if (a->s[i] == '\n')
			ls = i + 1;
		i++;
	}
	fprintf(stdout, "DIFF %s\n  A: %.*s\n  B: %.*s\n", what,
	    (int)strcspn(a->s + ls, "\n"), a->s + ls, (int)strcspn(b->s + ls, "\n"), b->s + ls);
}

static int
diff_mode(struct text *t, size_t n, YR_RULES *ra, YR_RULES *rb, int mutants, uint64_t seed)
{
	YR_SCANNER *sa, *sb;
	struct rec a = { 0 }, b = { 0 };
	uint8_t *mut = NULL;
	size_t mcap = 0, i;
	long inputs = 0, diffs = 0;
	int k, full;

	if (yr_scanner_create(ra, &sa) != ERROR_SUCCESS ||
	    yr_scanner_create(rb, &sb) != ERROR_SUCCESS)
		return 2;
	for (i = 0; i < n; i++) {
		for (k = 0; k <= mutants; k++) {
			const uint8_t *buf = t[i].buf;
			size_t len = t[i].len;
			char what[4200];

			if (k > 0) {
				if (mcap < 2 * t[i].len + 64) {
					free(mut);
					mcap = 2 * t[i].len + 64;
					if ((mut = malloc(mcap)) == NULL)
						return 2;
				}
				len = mutate(t[i].buf, t[i].len, mut, &seed);
				buf = mut;
			}
			inputs++;
			for (full = 1; full >= 0; full--) {
				if (scan_rec(sa, buf, len, full, &a) != 0 ||
				    scan_rec(sb, buf, len, full, &b) != 0) {
					fprintf(stderr, "yaraharn: %s: scan failed\n", t[i].path);
					return 2;
				}
				if (a.len != b.len || memcmp(a.s, b.s, a.len) != 0) {
					snprintf(what, sizeof(what), "%s mutant %d %s", t[i].path,
					    k, full ? "all matches" : "fast mode");
					show_diff(what, &a, &b);
					diffs++;
				}
			}
		}
	}
	printf("diff: %ld inputs (%zu texts, %d mutants each), %ld differences\n",
	    inputs, n, mutants, diffs);
	free(mut);
	free(a.s);
	free(b.s);
	yr_scanner_destroy(sa);
	yr_scanner_destroy(sb);
	return diffs ? 1 : 0;
}

int
main(int argc, char **argv)
{
	int opt, rounds = 1, diff = 0, mutants = 8, rc = 0, r;
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	struct text *t;
	size_t n, bytes;
	YR_RULES *ra, *rb = NULL;

	while ((opt = getopt(argc, argv, "dm:r:s:")) != -1) {
		switch (opt) {
		case 'd': diff = 1; break;
		case 'm': mutants = atoi(optarg); break;
		case 'r': rounds = atoi(optarg); break;
		case 's': seed = strtoull(optarg, NULL, 0) | 1; break;
		default: goto usage;
		}
	}
	if (argc - optind != 2 + diff || rounds < 1 || mutants < 0)
		goto usage;
	if (yr_initialize() != ERROR_SUCCESS)
		return 2;
	if ((t = load_list(argv[optind], &n, &bytes)) == NULL || n == 0) {
		fprintf(stderr, "yaraharn: %s: no text read\n", argv[optind]);
		return 2;
	}
	if ((ra = compile_set(argv[optind + 1])) == NULL ||
	    (diff && (rb = compile_set(argv[optind + 2])) == NULL))
		return 2;
	if (diff) {
		rc = diff_mode(t, n, ra, rb, mutants, seed);
	} else {
		YR_SCANNER *s;
		struct scan_ctx sc = { 0 };
		double best = 1e30;
		long matched = 0;

		if (yr_scanner_create(ra, &s) != ERROR_SUCCESS)
			return 2;
		yr_scanner_set_callback(s, on_scan, &sc);
		yr_scanner_set_flags(s, SCAN_FLAGS_FAST_MODE | SCAN_FLAGS_NO_TRYCATCH);
		for (r = 0; r < rounds; r++) {
			double t0 = cpu_now();

			matched = scan_corpus(s, t, n, &sc);
			if (cpu_now() - t0 < best)
				best = cpu_now() - t0;
		}
		printf("texts %zu bytes %zu matched %ld cpu_ms_min %.1f rounds %d\n",
		    n, bytes, matched, best * 1e3, rounds);
		yr_scanner_destroy(s);
	}
	yr_rules_destroy(ra);
	if (rb)
		yr_rules_destroy(rb);
	yr_finalize();
	return rc;
usage:
	fprintf(stderr, "usage: yaraharn [-r rounds] LIST SET\n"
	    "       yaraharn -d [-m mutants] [-s seed] LIST SET_A SET_B\n");
	return 2;
}
