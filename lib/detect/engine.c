/*
 * The file verdict engine: sampling, statistics, structure checks, text analysis and
 * ransom-note recognition combined into one verdict with its reasons.
 *
 * How a verdict is reached (the order matters):
 *  1. note: a small text-like file whose content matches the ransom-note rules, or
 *     whose name is specific to ransomware; an HTML/HTA file is judged on its text
 *     (htmltext.h), then on its markup;
 *  2. a format whose signature is at the head: its structure check decides. Intact
 *     means ok, even for formats random by design (zip, JPEG, xz...). Damaged means
 *     partial, or encrypted when nearly all of the content is random (a fake header);
 *  3. no signature, but the extension claims a format (the head may be what was
 *     encrypted): the format's trailer/index and the statistics decide;
 *  4. text (by extension, libmagic, or content): 64-byte windows with control bytes
 *     that text does not have are random stripes;
 *  5. anything else: statistics alone, per 4 KiB block: all random is encrypted, a
 *     random head followed by structure is partial; the rest is ok.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/array.h"
#include "core/data.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "detect/anchor.h"
#include "detect/engine.h"
#include "detect/fmt-util.h"
#include "detect/format.h"
#include "detect/htmltext.h"
#include "detect/magic.h"
#include "detect/notectx.h"
#include "detect/sample.h"
#include "detect/sig.h"
#include "detect/stats.h"
#include "detect/stripes.h"
#include "detect/yara.h"

#define BLOCK 4096          /* statistics block */
#define WIN 64              /* text window */
#define NOTE_MAX (128 * 1024)   /* notes are small; larger files are not note candidates */
#define SHORT_NOTE 1024         /* files up to this size are also asked the short-note rules */
#define DUP_MAX 4096            /* texts up to this size are counted by their copies */
#define SCRATCH (256 * 1024)
#define FINE 16             /* fine window: random stripes */
/* marks of fine windows for the longest region analysed at once (a file read whole),
 * plus the words rp_stripes_find reads past the end */
#define MARK_WORDS (RP_SAMPLE_WHOLE_MAX / FINE / 64 + 4)

struct name_pat {
	char *glob;
	int strong;
};

struct ext_family {
	char ext[24];
	char family[40];
};

struct rp_engine {
	struct rp_engine_opts o;
	char *data_dir;
	struct rp_yara_rules *rules;
	struct rp_yara_rules *short_rules;  /* notes of at most SHORT_NOTE bytes */
	struct rp_yara_rules *evid_rules;   /* evidence of a note, for counting copies */
	struct name_pat *names;
	size_t nnames;
	char **known;           /* sorted */
	size_t nknown;
	char **text;            /* sorted */
	size_t ntext;
	char **noteext;         /* extensions of files never notes but by their name, sorted */
	size_t nnoteext;
	char **textnote;        /* extensions notes usually come with, sorted */
	size_t ntextnote;
	char **randext;         /* extensions of files random by design, sorted */
	size_t nrandext;
	struct ext_family *fam; /* sorted by ext */
	size_t nfam;
	locale_t c_locale;      /* for fnmatch: see name_strength */
};

struct rp_scanner {
	struct rp_engine *e;
	struct rp_sample sample;
	struct rp_magic *magic;
	struct rp_yara_scanner *ys;
	struct rp_yara_scanner *ys_short;
	struct rp_yara_scanner *ys_evid;
	unsigned char *conv;    /* UTF-16 notes converted to UTF-8 */
	unsigned char *text;    /* the text of an HTML/HTA note (htmltext.h) */
	size_t textcap;
	unsigned char *scratch; /* SCRATCH bytes: the streamed middle of --full */
	size_t convcap;
	uint64_t allocs;
	uint64_t marks[MARK_WORDS];  /* random fine windows of the region being analysed */
};

/* What the statistics of one file say. */
struct analysis {
	struct rp_stats all;
	uint64_t blocks, rblocks;           /* 4 KiB blocks judged, of which random */
	int head_random;                    /* the block at offset 0 is random */
	uint64_t head_run;                  /* bytes of random blocks from offset 0 on */
	uint64_t windows, wtext, wjunk;     /* 64-byte windows: all, clean text, with controls */
	uint64_t wrandom;                   /* windows that look random (distinct and controls) */
	uint64_t junk_first, junk_last;     /* offsets of the first and last junk window */
	uint64_t junk_runs, junk_run_bytes; /* runs of consecutive junk windows */
	uint64_t gap_bytes;                 /* clean bytes between junk runs */
	uint64_t run_min, run_max;          /* shortest and longest junk run (bytes) */
	uint64_t gap_min, gap_max;          /* shortest and longest gap within a region */
	uint64_t cur_run;                   /* length of the run in progress */
	int utf16;                          /* BOM or alternating NULs: text analysis off */
	uint64_t *marks;                    /* the scanner's marks (MARK_WORDS) */
	uint64_t fine, fine_random;         /* 16-byte windows, of which as varied as random */
	uint64_t str_tested, str_found;     /* regions tested for periodic stripes, found */
	uint64_t str_period;                /* the first period found, in bytes */
	uint64_t str_width;                 /* and the stripes' width at it, about, in bytes */
	unsigned head_fine;                 /* of the first four 16-byte windows, random-looking */
};

static const char *const verdict_names[] = { "ok", "encrypted", "partial", "note", "skipped" };

const char *
rp_verdict_name(enum rp_verdict_kind k)
{
	return (unsigned)k < RP_V_NKINDS ? verdict_names[k] : "unknown";
}

/* ---- data lists ---- */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
cmp_fam(const void *a, const void *b)
{
	return strcmp(((const struct ext_family *)a)->ext, ((const struct ext_family *)b)->ext);
}

/* Splits a data file into lines and each line into tab-separated fields (lines
 * starting with # are comments); calls fn per line with its fields. */
static int
each_line(const char *text, int (*fn)(char **w, int n, void *ctx), void *ctx)
{
	const char *p = text;
	char line[512], *w[8], *save;
	int r;

	while (*p) {
		size_t n = strcspn(p, "\n");
		int nw = 0;
		char *tok, *hash;

		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, p, n);
		line[n] = '\0';
		p += strcspn(p, "\n");
		if (*p)
			p++;
		/* a comment is a line whose first non-blank character is '#' */
		hash = line + strspn(line, " \t");
		if (*hash == '#')
			continue;
		/* fields are separated by tabs (a field may hold spaces: "*how to decrypt*") */
		for (tok = strtok_r(line, "\t\r", &save); tok && nw < 8;
		    tok = strtok_r(NULL, "\t\r", &save))
			w[nw++] = tok;
		if (nw && (r = fn(w, nw, ctx)) != 0)
			return r;
	}
	return 0;
}

struct list_ctx {
	char ***v;
	size_t *n, cap;
};

static int
add_words(char **w, int n, void *v)
{
	struct list_ctx *c = v;
	int i;

	for (i = 0; i < n; i++) {
		char *s, *save;

		/* the tab-separated tail of a line comes as one word: split it */
		for (s = strtok_r(w[i], " ", &save); s; s = strtok_r(NULL, " ", &save)) {
			int r = RP_ARRAY_GROW(c->v, &c->cap, *c->n + 1, RP_ARRAY_MAX_DEFAULT);

			if (r != 0)
				return r;
			if (((*c->v)[*c->n] = strdup(s)) == NULL)
				return RP_ERR_NOMEM;
			(*c->n)++;
		}
	}
	return 0;
}

static int
load_list(struct rp_engine *e, const char *name, char ***v, size_t *n)
{
	struct rp_buf b = RP_BUF_INIT;
	struct list_ctx c = { v, n, 0 };
	int r;

	if ((r = rp_data_load(e->data_dir, name, &b)) == 0 &&
	    (r = each_line(b.buf, add_words, &c)) == 0)
		if (*n > 1)
			qsort(*v, *n, sizeof(**v), cmp_str);
	rp_buf_release(&b);
	return r;
}

struct names_ctx {
	struct rp_engine *e;
	size_t cap;
};

static int
add_name(char **w, int n, void *v)
{
	struct names_ctx *c = v;
	struct rp_engine *e = c->e;
	int r;

	if (n < 2 || (strcmp(w[0], "strong") != 0 && strcmp(w[0], "weak") != 0))
		return RP_ERR_FORMAT;
	if ((r = RP_ARRAY_GROW(&e->names, &c->cap, e->nnames + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	if ((e->names[e->nnames].glob = strdup(w[1])) == NULL)
		return RP_ERR_NOMEM;
	e->names[e->nnames++].strong = strcmp(w[0], "strong") == 0;
	return 0;
}

struct fam_ctx {
	struct rp_engine *e;
	size_t cap;
};

static int
add_fam(char **w, int n, void *v)
{
	struct fam_ctx *c = v;
	struct rp_engine *e = c->e;
	int r;

	if (n < 2)
		return RP_ERR_FORMAT;
	if ((r = RP_ARRAY_GROW(&e->fam, &c->cap, e->nfam + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	snprintf(e->fam[e->nfam].ext, sizeof(e->fam[0].ext), "%s", w[0]);
	snprintf(e->fam[e->nfam].family, sizeof(e->fam[0].family), "%s", w[1]);
	e->nfam++;
	return 0;
}

int
rp_engine_new(struct rp_engine **out, const struct rp_engine_opts *o, struct rp_buf *errmsg)
{
	struct rp_engine *e;
	struct rp_buf b = RP_BUF_INIT;
	int r;

	*out = NULL;
	if ((e = calloc(1, sizeof(*e))) == NULL)
		return RP_ERR_NOMEM;
	if (o)
		e->o = *o;
	if (o && o->data_dir && (e->data_dir = strdup(o->data_dir)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	e->o.data_dir = e->data_dir;
	if ((e->c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0)) == (locale_t)0) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	if ((r = rp_yara_compile(&e->rules, e->data_dir, errmsg)) != 0 ||
	    (r = rp_yara_compile_set(&e->short_rules, e->data_dir, "rules-short/", errmsg)) != 0 ||
	    (r = rp_yara_compile_set(&e->evid_rules, e->data_dir, "rules-evidence/", errmsg)) != 0)
		goto out;
	if ((r = load_list(e, "extensions/known.txt", &e->known, &e->nknown)) != 0 ||
	    (r = load_list(e, "extensions/text.txt", &e->text, &e->ntext)) != 0 ||
	    (r = load_list(e, "notes/extensions.txt", &e->noteext, &e->nnoteext)) != 0 ||
	    (r = load_list(e, "notes/usual.txt", &e->textnote, &e->ntextnote)) != 0 ||
	    (r = load_list(e, "extensions/random.txt", &e->randext, &e->nrandext)) != 0)
		goto out;
	{
		struct names_ctx nc = { e, 0 };
		struct fam_ctx fc = { e, 0 };

		if ((r = rp_data_load(e->data_dir, "notes/names.txt", &b)) != 0 ||
		    (r = each_line(b.buf, add_name, &nc)) != 0)
			goto out;
		rp_buf_reset(&b);
		if ((r = rp_data_load(e->data_dir, "extensions/ransom.txt", &b)) != 0 ||
		    (r = each_line(b.buf, add_fam, &fc)) != 0)
			goto out;
		if (e->nfam > 1)
			qsort(e->fam, e->nfam, sizeof(*e->fam), cmp_fam);
	}
	*out = e;
	e = NULL;
	r = 0;
out:
	if (r != 0 && errmsg && errmsg->len == 0)
		rp_buf_addf(errmsg, "cannot load the detection data: %s", rp_strerror(r));
	rp_buf_release(&b);
	rp_engine_free(e);
	return r;
}

void
rp_engine_free(struct rp_engine *e)
{
	size_t i;

	if (e == NULL)
		return;
	rp_yara_rules_free(e->rules);
	rp_yara_rules_free(e->short_rules);
	rp_yara_rules_free(e->evid_rules);
	if (e->c_locale != (locale_t)0)
		freelocale(e->c_locale);
	for (i = 0; i < e->nnames; i++)
		free(e->names[i].glob);
	free(e->names);
	for (i = 0; i < e->nknown; i++)
		free(e->known[i]);
	free(e->known);
	for (i = 0; i < e->ntext; i++)
		free(e->text[i]);
	free(e->text);
	for (i = 0; i < e->nnoteext; i++)
		free(e->noteext[i]);
	free(e->noteext);
	for (i = 0; i < e->ntextnote; i++)
		free(e->textnote[i]);
	free(e->textnote);
	for (i = 0; i < e->nrandext; i++)
		free(e->randext[i]);
	free(e->randext);
	free(e->fam);
	free(e->data_dir);
	free(e);
}

int
rp_scanner_new(struct rp_scanner **out, struct rp_engine *e)
{
	struct rp_scanner *s;
	int r;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return RP_ERR_NOMEM;
	s->e = e;
	if ((r = rp_magic_new(&s->magic)) != 0 || (r = rp_yara_scanner_new(&s->ys, e->rules)) != 0 ||
	    (r = rp_yara_scanner_new(&s->ys_short, e->short_rules)) != 0 ||
	    (r = rp_yara_scanner_new(&s->ys_evid, e->evid_rules)) != 0) {
		rp_scanner_free(s);
		return r;
	}
	*out = s;
	return 0;
}

void
rp_scanner_free(struct rp_scanner *s)
{
	if (s == NULL)
		return;
	rp_sample_release(&s->sample);
	rp_magic_free(s->magic);
	rp_yara_scanner_free(s->ys);
	rp_yara_scanner_free(s->ys_short);
	rp_yara_scanner_free(s->ys_evid);
	free(s->conv);
	free(s->text);
	free(s->scratch);
	free(s);
}

uint64_t
rp_scanner_allocs(const struct rp_scanner *s)
{
	return s->allocs;
}

/* ---- small helpers ---- */

static void __attribute__((format(printf, 2, 3)))
reason(struct rp_verdict *v, const char *fmt, ...)
{
	va_list ap;

	if (v->nreasons == RP_V_MAX_REASONS)
		return;
	va_start(ap, fmt);
	vsnprintf(v->reasons[v->nreasons++], RP_V_REASON_LEN, fmt, ap);
	va_end(ap);
}

static int
in_list(char *const *list, size_t n, const char *w)
{
	return w[0] && bsearch(&w, list, n, sizeof(*list), cmp_str) != NULL;
}

static const char *
family_of(const struct rp_engine *e, const char *ext)
{
	struct ext_family key;
	const struct ext_family *f;

	snprintf(key.ext, sizeof(key.ext), "%s", ext);
	f = bsearch(&key, e->fam, e->nfam, sizeof(*e->fam), cmp_fam);
	return f ? f->family : NULL;
}

static int
is_known_ext(const struct rp_engine *e, const char *ext)
{
	/* the formats known by their signature (sig.c: fonts, catalogs, shapefiles,
	 * OpenDocument templates...) are documents' extensions too: "x.ttf.play" had
	 * ".play" appended, and is judged as the font it was */
	return in_list(e->known, e->nknown, ext) || in_list(e->text, e->ntext, ext) ||
	    rp_format_by_ext(ext) != NULL || rp_sig_by_ext(ext) != NULL;
}

static void
lower_copy(char *dst, size_t n, const char *src, size_t len)
{
	size_t i;

	if (len >= n)
		len = n - 1;
	for (i = 0; i < len; i++)
		dst[i] = (char)((src[i] >= 'A' && src[i] <= 'Z') ? src[i] + 32 : src[i]);
	dst[len] = '\0';
}

/*
 * Finds the name's own extension and what a ransomware appended after it:
 * "q3.xlsx.lockbit" -> ext "xlsx", appended "lockbit";
 * "scan.pdf.id[1A2B-3C4D].[mail@x.com].phobos" -> "pdf" and the whole tail.
 * v->ext is the document's extension when one is found, else the last one.
 */
static void
split_ext(const struct rp_engine *e, const char *base, struct rp_verdict *v)
{
	const char *p, *end = base + strlen(base), *dot;
	char ext[32];

	v->ext[0] = v->appended_ext[0] = '\0';
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		return;
	lower_copy(v->ext, sizeof(v->ext), dot + 1, (size_t)(end - dot - 1));
	if (is_known_ext(e, v->ext))
		return;
	/* walk the dots from the right, looking for a known extension before the tail */
	for (p = dot; p > base; ) {
		const char *q = p - 1;

		while (q > base && *q != '.')
			q--;
		if (q == base)
			break;
		lower_copy(ext, sizeof(ext), q + 1, (size_t)(p - q - 1));
		if (is_known_ext(e, ext)) {
			memcpy(v->ext, ext, sizeof(v->ext) < sizeof(ext) ? sizeof(v->ext) : sizeof(ext));
			v->ext[sizeof(v->ext) - 1] = '\0';
			snprintf(v->appended_ext, sizeof(v->appended_ext), "%.*s",
			    (int)(end - p - 1), p + 1);
			return;
		}
		p = q;
	}
}

static int
name_strength(const struct rp_engine *e, const char *base)
{
	size_t i;
	int best = 0;
	/* The patterns are ASCII. In a UTF-8 locale (main sets LC_CTYPE from the
	 * environment) glibc's fnmatch converts pattern and name to wide characters at
	 * every call: 4 % of watch's CPU on text files, for 72 patterns per file. In the
	 * C locale it compares bytes, folding ASCII case, which is all these need. */
	locale_t old = uselocale(e->c_locale);

	for (i = 0; i < e->nnames && best < 2; i++) {
		if (fnmatch(e->names[i].glob, base, FNM_CASEFOLD) == 0)
			best = e->names[i].strong ? 2 : 1;
	}
	uselocale(old);
	return best;
}

/* ---- statistics ---- */

/* A byte as the first of a UTF-8 sequence: ASCII (0), one that no sequence starts with
 * (1: a continuation byte, 0xC0, 0xC1, 0xF5-0xFF), or a lead whose sequence must be
 * checked (2). A table: random windows mix the three, and a branch per class missed
 * its prediction on every other byte (half of analyse_region's time, perf annotate). */
static const unsigned char utf8_lead[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static void
end_run(struct analysis *a, int *in_run)
{
	if (!*in_run)
		return;
	if (a->run_min == 0 || a->cur_run < a->run_min)
		a->run_min = a->cur_run;
	if (a->cur_run > a->run_max)
		a->run_max = a->cur_run;
	*in_run = 0;
}

/* Regular stripes: many runs of random windows of one width at one spacing, as an
 * intermittent encryptor leaves them; natural data is not that regular. */
static int
regular_stripes(const struct analysis *a)
{
	return a->junk_runs >= 8 && a->run_max - a->run_min <= WIN &&
	    a->gap_max - a->gap_min <= WIN && a->gap_min >= WIN &&
	    a->wjunk * 20 >= a->windows && a->wjunk * 5 <= a->windows * 4;
}

static void
analyse_region(struct analysis *a, const unsigned char *p, uint64_t off, size_t len,
    int *in_run, uint64_t *last_junk_end)
{
	size_t i, j;

	/* runs and gaps are measured within a region: regions are far apart */
	end_run(a, in_run);
	*last_junk_end = 0;

	/* 4 KiB blocks (a last partial block of at least 1 KiB counts); each block's
	 * histogram is merged into the file's, so every byte is counted once; random
	 * blocks are marked for the periodicity test (large chunks every N: Agenda, PLAY) */
	uint64_t bmarks[(RP_SAMPLE_WHOLE_MAX / BLOCK + 63) / 64 + 4];
	size_t nblk = 0;

	memset(bmarks, 0, sizeof(bmarks));
	for (i = 0; i < len; i += BLOCK) {
		struct rp_stats st;
		size_t n = len - i < BLOCK ? len - i : BLOCK;

		rp_stats_reset(&st);
		rp_stats_add(&st, p + i, n);
		rp_stats_merge(&a->all, &st);
		if (n < 1024)
			break;
		a->blocks++;
		if (rp_block_random(&st)) {
			a->rblocks++;
			if (nblk / 64 < sizeof(bmarks) / sizeof(bmarks[0]) - 3)
				bmarks[nblk / 64] |= 1ull << (nblk % 64);
			if (off + i == a->head_run)
				a->head_run += n;
			if (off + i == 0)
				a->head_random = 1;
		}
		nblk++;
	}
	/*
	 * 64-byte windows: clean text, or junk (control bytes), or random-looking; and
	 * their four 16-byte windows, marked when as varied as random data (15 or 16
	 * distinct bytes: random bytes are 93 % of the time, text and tables rarely).
	 * Their counts come 64 windows (4 KiB) at a time from rp_window_stats.
	 */
	struct rp_winstat ws[BLOCK / WIN];
	int have_bad = 0;
	size_t nfine = 0, nmw = (len / FINE + 63) / 64 + 4;

	if (nmw > MARK_WORDS)
		nmw = MARK_WORDS;
	memset(a->marks, 0, nmw * sizeof(*a->marks));
	for (i = 0; i + WIN <= len; i += WIN) {
		size_t wi = i / WIN % (BLOCK / WIN);
		unsigned junk, distinct, invalid = 0, fm;
		uint32_t d16s, ge15;

		if (wi == 0) {
			size_t nw = (len - i) / WIN;

			have_bad = rp_window_stats(p + i, nw < BLOCK / WIN ? nw : BLOCK / WIN, ws);
		}
		junk = ws[wi].junk;
		distinct = ws[wi].distinct;
		/* a quarter is marked when varied (d16 >= 15), and with a byte that no text
		 * has (a control byte, or one that UTF-8 never uses: 94 % of random windows
		 * have one; base64, hex and UTF-8 text in any script have none). The four at
		 * once: d16 <= 16, so d16 + 0x71 has its bit 7 set exactly when d16 >= 15 and
		 * carries into no other byte; the four bits 7 are gathered to bits 0-3. A
		 * window's four marks share a word (nfine is a multiple of 4). */
		d16s = ws[wi].d16[0] | (uint32_t)ws[wi].d16[1] << 8 |
		    (uint32_t)ws[wi].d16[2] << 16 | (uint32_t)ws[wi].d16[3] << 24;
		ge15 = (d16s + 0x71717171u) >> 7 & 0x01010101u;
		fm = (ge15 | ge15 >> 7 | ge15 >> 14 | ge15 >> 21) & ws[wi].cls & 0xf;
		if (fm && nfine / 64 < MARK_WORDS - 3) {
			a->marks[nfine / 64] |= (uint64_t)fm << (nfine % 64);
			a->fine_random += (unsigned)(0x4332322132212110ull >> (fm * 4) & 0xf);
		}
		nfine += 4;
		/* bytes that are not part of valid UTF-8, counted only for the windows that
		 * could be junk (a sequence started in the previous window is miscounted:
		 * at most 3 bytes, against a threshold of 6) */
		if (junk >= 2 && distinct >= 40) {
			/* The walk below meets as a lead, and counts, every byte that no
			 * valid sequence contains: one that UTF-8 never uses, and a
			 * continuation byte first in the window or after an ASCII or a
			 * never byte (a sequence holding it would hold the byte before, and
			 * neither is a lead or a continuation). Six of them (ws.bad, from the
			 * vectors; never bytes alone otherwise) decide without it: a window
			 * of random bytes has 12.2 on average and fewer
			 * than six 0.6 % of the time (never bytes alone: 3.2, and fewer than
			 * six 90 % of the time; 20,000 windows of os.urandom). */
			if (ws[wi].never >= 6 || (have_bad && ws[wi].bad >= 6))
				invalid = 6;
			/* stops at the threshold: random windows reach it in a dozen bytes */
			for (j = i; j < i + WIN && invalid < 6; ) {
				unsigned k = utf8_lead[p[j]];
				size_t n;

				if (k < 2) {
					invalid += k;
					j++;
				} else if ((n = rp_utf8_seq(p + j, len - j)) == 0) {
					invalid++;
					j++;
				} else {
					j += n;
				}
			}
		}
		a->windows++;
		if (junk <= 1 && distinct < 48)
			a->wtext++;
		if (distinct >= 48 && junk >= 1)
			a->wrandom++;
		/*
		 * Control bytes in a window as varied as random data, and not UTF-8:
		 * structure tables (gettext catalogs, keymaps) have controls but few
		 * distinct bytes; NUL-separated CJK strings are varied but valid UTF-8.
		 * Random bytes are all three (a window half random still is).
		 */
		if (junk >= 2 && distinct >= 40 && invalid >= 6) {
			uint64_t woff = off + i;

			if (a->wjunk == 0)
				a->junk_first = woff;
			a->junk_last = woff;
			a->wjunk++;
			if (!*in_run) {
				a->junk_runs++;
				if (*last_junk_end && woff > *last_junk_end) {
					uint64_t gap = woff - *last_junk_end;

					a->gap_bytes += gap;
					if (a->gap_min == 0 || gap < a->gap_min)
						a->gap_min = gap;
					if (gap > a->gap_max)
						a->gap_max = gap;
				}
				*in_run = 1;
				a->cur_run = 0;
			}
			a->cur_run += WIN;
			a->junk_run_bytes += WIN;
			*last_junk_end = woff + WIN;
		} else {
			end_run(a, in_run);
		}
	}
	a->fine += nfine;
	if (off == 0)
		a->head_fine = (unsigned)__builtin_popcountll(a->marks[0] & 0xF);
	/* periodic random stripes, of fine windows, else of 4 KiB blocks */
	if (nfine >= 32 || nblk >= 8) {
		struct rp_stripes_result sr;

		a->str_tested++;
		rp_stripes_find(a->marks, nfine, &sr);
		if (sr.period) {
			if (a->str_found++ == 0) {
				a->str_period = sr.period * FINE;
				a->str_width = (uint64_t)(sr.period * FINE * sr.marked / (nfine ? nfine : 1));
			}
			return;
		}
		rp_stripes_find(bmarks, nblk, &sr);
		if (sr.period && a->str_found++ == 0) {
			a->str_period = sr.period * BLOCK;
			a->str_width = (uint64_t)(sr.period * BLOCK * sr.marked / (nblk ? nblk : 1));
		}
	}
}

static int
looks_utf16(const unsigned char *p, size_t n)
{
	size_t i, zeros_even = 0, zeros_odd = 0;

	if (n >= 2 && ((p[0] == 0xff && p[1] == 0xfe) || (p[0] == 0xfe && p[1] == 0xff)))
		return 1;
	if (n > 512)
		n = 512;
	for (i = 0; i + 1 < n; i += 2) {
		zeros_even += p[i] == 0;
		zeros_odd += p[i + 1] == 0;
	}
	return n >= 64 && (zeros_odd * 4 > n * 3 / 2 || zeros_even * 4 > n * 3 / 2);
}

/* UTF-16 (BOM, else the side the NULs are on) to UTF-8, lossy, into s->conv. */
static int
utf16_to_utf8(struct rp_scanner *s, const unsigned char *p, size_t n, size_t *outlen)
{
	int be = 0;
	size_t i = 0, o = 0, zeros_even = 0;
	size_t need = n / 2 * 3 + 4;

	if (n >= 2 && p[0] == 0xfe && p[1] == 0xff) {
		be = 1;
		i = 2;
	} else if (n >= 2 && p[0] == 0xff && p[1] == 0xfe) {
		i = 2;
	} else {
		size_t k;

		for (k = 0; k + 1 < n && k < 512; k += 2)
			zeros_even += p[k] == 0;
		be = zeros_even * 4 > (n < 512 ? n : 512) / 2 * 3 / 2;
	}
	if (need > s->convcap) {
		unsigned char *q = realloc(s->conv, need);

		if (q == NULL)
			return RP_ERR_NOMEM;
		s->conv = q;
		s->convcap = need;
		s->allocs++;
	}
	for (; i + 1 < n; i += 2) {
		unsigned u = be ? (unsigned)p[i] << 8 | p[i + 1] : (unsigned)p[i + 1] << 8 | p[i];

		if (u < 0x80) {
			s->conv[o++] = (unsigned char)u;
		} else if (u < 0x800) {
			s->conv[o++] = (unsigned char)(0xc0 | u >> 6);
			s->conv[o++] = (unsigned char)(0x80 | (u & 0x3f));
		} else if (u >= 0xd800 && u < 0xe000) {
			s->conv[o++] = '?';     /* surrogates: the rules only need the BMP */
		} else {
			s->conv[o++] = (unsigned char)(0xe0 | u >> 12);
			s->conv[o++] = (unsigned char)(0x80 | ((u >> 6) & 0x3f));
			s->conv[o++] = (unsigned char)(0x80 | (u & 0x3f));
		}
	}
	*outlen = o;
	return 0;
}

/* ---- the verdict ---- */

static void
set_stats(struct rp_verdict *v, const struct analysis *a)
{
	v->entropy = rp_stats_entropy(&a->all);
	v->chi2 = rp_stats_chi2(&a->all);
}

/* Whether a small file (no 4 KiB block to judge) looks random as a whole. */
static int
small_random(const struct analysis *a)
{
	double limit = 255.0 + 6.0 * sqrt(510.0);

	if (a->all.n < 128)
		return 0;
	return rp_stats_chi2(&a->all) < limit && a->wjunk * 10 >= a->windows * 8;
}

/* Whether a tiny file (16 to 128 bytes, too few for chi-square) has bytes as varied as
 * random ones: at least 85 % of the distinct values n random bytes have on average
 * (a tiny GIF, icon or text repeats its bytes far more). */
static int
tiny_random(const struct analysis *a)
{
	double expect;
	unsigned distinct = 0, c;

	if (a->all.n < 16 || a->all.n > 1024)
		return 0;
	for (c = 0; c < 256; c++)
		distinct += a->all.hist[c] != 0;
	expect = 256.0 * (1.0 - pow(255.0 / 256.0, (double)a->all.n));
	return distinct >= 0.85 * expect;
}

/* Whether a small file that claims to be text is not: control bytes that text does
 * not have, and bytes that are not UTF-8 (a Latin-1 text has the second, not the
 * first). For files too small for the window statistics. */
static int
tiny_not_text(const struct analysis *a, const unsigned char *p, size_t n)
{
	uint64_t junk = 0;
	unsigned c;

	if (n < 4 || n > 1024)
		return 0;
	for (c = 0; c < 256; c++)
		if (rp_byte_class[c] & 0xff)
			junk += a->all.hist[c];
	return junk >= 1 + n / 64 && !rp_utf8_valid(p, n);
}

/* A short file read whole that is valid UTF-8 without control bytes: text, even when
 * its windows are too varied for the window test (a line of Chinese and a Bitcoin
 * address has 48 distinct bytes in 64). */
static int
small_utf8_text(const struct analysis *a, const unsigned char *p, size_t n)
{
	unsigned c;

	if (n == 0 || n > SHORT_NOTE || a->all.n != n)
		return 0;
	for (c = 0; c < 256; c++)
		if ((rp_byte_class[c] & 0xff) && a->all.hist[c])
			return 0;
	return rp_utf8_valid(p, n);
}

/* A small file that is plain text (a note or a misnamed text is no encrypted image). */
static int
tiny_text(const struct analysis *a)
{
	return a->windows ? a->wtext * 10 >= a->windows * 9 && a->wjunk == 0 :
	    a->all.n > 0 && a->all.hist[0] == 0 && !tiny_random(a);
}

/* Periodic random stripes (stripes.h) in enough of the sampled regions. */
static int
striped(const struct analysis *a)
{
	return a->str_found && a->str_found * 3 >= a->str_tested;
}

static void
describe_periodic(struct rp_verdict *v, const struct analysis *a)
{
	reason(v, "random stripes of about %llu bytes every %llu bytes in %llu of %llu sampled "
	    "regions (intermittent encryption)", (unsigned long long)a->str_width,
	    (unsigned long long)a->str_period, (unsigned long long)a->str_found,
	    (unsigned long long)a->str_tested);
}

/* A way to reach an attacker: a Tor address, a Tox, Session or Telegram contact, and
 * when mail is set a messenger's bare handle or a mail address (source files carry
 * their authors' mails: a mail is asked of short files only). */
static int
has_channel(const unsigned char *p, size_t n, int mail)
{
	const unsigned char *q = p, *end = p + n;

	if (memmem(p, n, ".onion", 6) || memmem(p, n, "tox", 3) || memmem(p, n, "Tox", 3) ||
	    memmem(p, n, "TOX", 3))
		return 1;
	if (!mail)   /* a long file: the strong channels only (each memmem is a pass) */
		return 0;
	/* a Bech32 Bitcoin address: a one-line note may give nothing else (and no stem
	 * of a language the anchor knows) */
	if (memmem(p, n, "elegram", 7) || memmem(p, n, "ession ID", 9) ||
	    memmem(p, n, "ession id", 9) || memmem(p, n, "ession:", 7) || memmem(p, n, "bc1q", 4))
		return 1;
	/* a Session ID (66 hexadecimal digits from "05") or a Tox ID (76) given bare */
	for (q = p; q < end; ) {
		const unsigned char *h = q;

		while (h < end && isxdigit(*h))
			h++;
		if ((h - q == 66 && q[0] == '0' && q[1] == '5') || h - q == 76)
			return 1;
		q = h < end ? h + 1 : h;
	}
	/* a Telegram bot's handle, given bare (@name_bot): 5 to 32 letters, digits and
	 * '_' from a letter, ending in "bot"; not a mail's domain (x@robot.com) */
	for (q = p; (q = memchr(q, '@', (size_t)(end - q))) != NULL; q++) {
		const unsigned char *h = q + 1;
		size_t k;

		if (q > p && (isalnum(q[-1]) || (q[-1] && strchr("._-%+", q[-1]))))
			continue;
		while (h < end && (isalnum(*h) || *h == '_'))
			h++;
		k = (size_t)(h - q - 1);
		if (k >= 5 && k <= 32 && isalpha(q[1]) &&
		    strncasecmp((const char *)h - 3, "bot", 3) == 0 &&
		    (h == end || (*h != '.' && *h != '@' && *h != '-')))
			return 1;
	}
	/* any messenger's bare handle with a digit or '_' (@name_support): a Hebrew note
	 * named Telegram in its own alphabet, the handle alone in Latin letters */
	if (rp_notectx_handle(p, n))
		return 1;
	q = p;
	/* a mail: name@domain.tld */
	while (mail && (q = memchr(q, '@', (size_t)(end - q))) != NULL) {
		const unsigned char *d = q + 1;

		if (q > p && (isalnum(q[-1]) || q[-1] == '.' || q[-1] == '_' || q[-1] == '-')) {
			while (d < end && (isalnum(*d) || *d == '-'))
				d++;
			if (d > q + 1 && d + 2 < end && *d == '.' && isalpha(d[1]) && isalpha(d[2]))
				return 1;
		}
		q++;
	}
	return 0;
}

/* FNV-1a of a small text, never 0 (0 means "no candidate"). */
static uint64_t
content_hash(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n--) {
		h ^= *p++;
		h *= 0x100000001b3ULL;
	}
	return h ? h : 1;
}

/* The note rules on one text P[0..N): 1 with the rule's name in RULE, 0, or an error.
 * *ANCHOR says whether the text had a note's stem (for the copies' evidence). */
static int
match_note(struct rp_scanner *s, const unsigned char *buf, size_t len, int other,
    int strength, char *rule, size_t rulesz, int *anchor)
{
	int r;

	/* without a stem of "encrypted", "stolen", ".onion"... in some language, no rule
	 * can match; a short note may have only a mail address (and be in a language the
	 * stems do not cover): a file of at most SHORT_NOTE bytes with an '@' is asked the
	 * short-note rules too */
	/* a file of another extension (a .pas, a .vim, a typo'd .txtt) is asked the rules
	 * only with a way to reach an attacker in it: the cost of the rules, not a verdict */
	*anchor = (!other || has_channel(buf, len, len <= SHORT_NOTE)) &&
	    rp_note_anchor(buf, len);
	r = *anchor ? rp_yara_match(s->ys, buf, len, rule, rulesz) : 0;
	if (r == 1 && strncmp(rule, "ransom_note_hint", 16) == 0 && strength == 0)
		r = 0;
	if (r == 0 && len <= SHORT_NOTE && (*anchor || has_channel(buf, len, 1)))
		r = rp_yara_match(s->ys_short, buf, len, rule, rulesz);
	if (r < 0)
		return r;
	if (r == 1 && strncmp(rule, "ransom_note_hint", 16) == 0 && strength == 0)
		r = 0;
	return r;
}

static int
check_note(struct rp_scanner *s, const char *base, const struct analysis *a,
    struct rp_verdict *v)
{
	const unsigned char *buf;
	size_t len, clen;
	int strength, r, other, anchor, whole;
	char rule[64] = "";

	if (v->size > NOTE_MAX || s->sample.nreg != 1)
		return 0;
	buf = rp_sample_head(&s->sample, &len);
	whole = buf && len == v->size;
	strength = name_strength(s->e, base);
	/* content decides whatever the name (.log, .me, none, a typo'd .txtt); only
	 * source code and configuration files, which talk about encryption and Tor too,
	 * need a name that looks like a note's */
	if (strength < 2 && in_list(s->e->noteext, s->e->nnoteext, v->ext[0] ? v->ext : "-"))
		return 0;
	other = strength == 0 && !in_list(s->e->textnote, s->e->ntextnote, v->ext[0] ? v->ext : "-");
	/* notes are text: mostly clean windows, or HTML/HTA/RTF, or UTF-16; and no NUL
	 * (catalogs and other binaries with strings in them have) */
	if (!a->utf16 && (a->all.hist[0] != 0 ||
	    (a->wtext * 2 < a->windows && !small_utf8_text(a, buf, len))))
		return 0;
	if (a->utf16) {
		if ((r = utf16_to_utf8(s, buf, len, &clen)) != 0)
			return r;
		buf = s->conv;
		len = clen;
	}
	/* an HTML/HTA note is judged on its text first (tags, style sheets and character
	 * references hide words and lengthen a short note), then on its markup (a mail
	 * in a mailto: link is in the markup only) */
	r = 0;
	anchor = 0;
	if (rp_htmltext_is_html(buf, len)) {
		size_t tlen;

		if (len > s->textcap) {
			unsigned char *q = realloc(s->text, len);

			if (q == NULL)
				return RP_ERR_NOMEM;
			s->text = q;
			s->textcap = len;
			s->allocs++;
		}
		rp_htmltext_strip(buf, len, s->text, &tlen);
		r = match_note(s, s->text, tlen, other, strength, rule, sizeof(rule), &anchor);
	}
	if (r == 0) {
		int a2 = 0;

		r = match_note(s, buf, len, other, strength, rule, sizeof(rule), &a2);
		anchor |= a2;
	}
	if (r < 0)
		return r;
	if (r == 1) {
		snprintf(v->note_rule, sizeof(v->note_rule), "%s", rule);
		reason(v, "ransom note: content matches rule %s%s", rule,
		    strength == 2 ? ", and the name is a known note name" :
		    strength == 1 ? ", and the name looks like a note's" : "");
		v->kind = RP_V_NOTE;
		return 1;
	}
	/* not a note alone: a small text read whole with some evidence of one is marked
	 * with its content's hash; its copies in other folders decide (dupnote.h); and
	 * with the kinds of evidence the attack's context judges, whatever the language
	 * (notectx.h): the tree scan decides once it knows the encrypted files. Only a
	 * text whose evidence would be enough is marked: a marked text is held to the end
	 * of the scan (out of walk order, within a bound) and typed by libmagic, which
	 * every text with a mail address in it would make costly (/usr/share: +4 s of
	 * CPU, measured). A bare @handle is a channel for the evidence rules too. */
	if (r == 0 && s->e->o.note_copies && strength < 2 && whole && len <= DUP_MAX) {
		unsigned ev = rp_notectx_evidence(buf, len);

		if (anchor || has_channel(buf, len, 1) || (ev & RP_NCTX_HANDLE)) {
			if ((r = rp_yara_match(s->ys_evid, buf, len, rule, sizeof(rule))) < 0)
				return r;
			if (r == 1)
				v->dup_hash = content_hash(buf, len);
			r = 0;
		}
		if (ev && v->dup_hash)
			ev |= RP_NCTX_EVID;
		v->ctx_ev = rp_notectx_enough(ev) ? ev : 0;
	}
	if (strength == 2 && v->size <= 64 * 1024) {
		snprintf(v->note_rule, sizeof(v->note_rule), "name");
		reason(v, "ransom note: the name is specific to ransomware notes "
		    "(content not recognised)");
		v->kind = RP_V_NOTE;
		return 1;
	}
	return 0;
}

static double
rfrac(const struct analysis *a)
{
	return a->blocks ? (double)a->rblocks / (double)a->blocks : 0.0;
}

/* Describes where the random bytes are, for the reasons. */
static void
describe_random(struct rp_verdict *v, const struct analysis *a)
{
	if (a->rblocks)
		reason(v, "%llu of %llu sampled 4 KiB blocks are random (chi-square < 390)",
		    (unsigned long long)a->rblocks, (unsigned long long)a->blocks);
	if (a->head_run && a->head_run + BLOCK < v->size)
		reason(v, "random from offset 0 to %llu, structured after it",
		    (unsigned long long)a->head_run);
}

static void
describe_stripes(struct rp_verdict *v, const struct analysis *a)
{
	if (a->junk_runs >= 3 && a->gap_max) {
		unsigned long long w = a->junk_run_bytes / a->junk_runs;
		unsigned long long g = (a->gap_min + a->gap_max) / 2;

		reason(v, "random bytes in %llu runs of about %llu bytes, about %llu bytes apart",
		    (unsigned long long)a->junk_runs, w, g);
	} else {
		reason(v, "random bytes from offset %llu to %llu in otherwise clean text",
		    (unsigned long long)a->junk_first, (unsigned long long)(a->junk_last + WIN));
	}
}

/* Formats whose content is never compressed or random (ELF executables, uncompressed
 * images and sound; not PE: installers carry compressed payloads): random 4 KiB
 * blocks in them are foreign. */
static int
dense_format(const struct rp_format *f)
{
	static const char *const names[] = { "elf", "bmp", "wav" };
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(f->name, names[i]) == 0)
			return 1;
	return 0;
}

/*
 * Random blocks of a PCM WAV that are loud audio, not ciphertext: samples of a sound
 * move from one to the next by a small step (a few thousand at most on a 16-bit
 * scale), where random bytes read as samples jump by 21,845 on average (a third of
 * the range). A noisy or loud sound effect has blocks as varied as random bytes, byte
 * by byte (fresh3's intact up.wav was called partial; a loud 32-bit sine is too), but
 * not sample by sample. 24- and 32-bit samples are read by their top 16 bits, from
 * where the data chunk starts. Returns the random blocks left once those are set
 * aside; the format's header must say PCM (plain or WAVE_FORMAT_EXTENSIBLE) of 16, 24
 * or 32 bits (else every random block counts).
 */
static uint64_t
wav_random_blocks(const struct rp_sample *smp, const unsigned char *h, size_t hlen,
    uint64_t rblocks)
{
	uint64_t left = 0, dstart = 0;
	size_t r, i, ch, bps, pos;
	unsigned tag;

	if (hlen < 44 || memcmp(h + 12, "fmt ", 4) != 0 || (ch = rp_le16(h + 22)) < 1 || ch > 8)
		return rblocks;
	tag = rp_le16(h + 20);
	if (tag == 0xFFFE && rp_le32(h + 16) >= 40 && hlen >= 46)
		tag = rp_le16(h + 44);   /* the extensible header's sub-format */
	bps = rp_le16(h + 34) / 8u;
	if (tag != 1 || rp_le16(h + 34) % 8 != 0 || bps < 2 || bps > 4)
		return rblocks;
	/* where the samples start: the data chunk in the head */
	for (pos = 12; pos + 8 <= hlen; pos += 8 + (size_t)rp_le32(h + pos + 4) + (rp_le32(h + pos + 4) & 1)) {
		if (memcmp(h + pos, "data", 4) == 0) {
			dstart = pos + 8;
			break;
		}
		if (rp_le32(h + pos + 4) > hlen)
			break;
	}
	if (dstart == 0)
		return rblocks;
	for (r = 0; r < smp->nreg; r++) {
		const unsigned char *p = smp->data + smp->pos[r];
		size_t len = (size_t)smp->reg[r].len;

		/* blocks as the analysis cut them: from the region's start, 4 KiB each */
		for (i = 0; i + 1024 <= len; i += BLOCK) {
			size_t n = len - i < BLOCK ? len - i : BLOCK, k, m = 0, st = bps * ch;
			uint64_t steps = 0, at = smp->reg[r].off + i;
			struct rp_stats bs;

			rp_stats_reset(&bs);
			rp_stats_add(&bs, p + i, n);
			if (!rp_block_random(&bs))
				continue;
			/* the first sample boundary in the block; one channel's successive
			 * samples, by their top 16 bits (little-endian: the last two bytes) */
			k = at >= dstart ? (bps - (size_t)((at - dstart) % bps)) % bps :
			    (size_t)((dstart - at) % bps);
			for (; k + st + bps <= n; k += bps, m++) {
				int a0 = (int16_t)rp_le16(p + i + k + bps - 2);
				int a1 = (int16_t)rp_le16(p + i + k + st + bps - 2);

				steps += (uint64_t)(a1 > a0 ? a1 - a0 : a0 - a1);
			}
			if (m == 0 || steps / m >= 8000)
				left++;
		}
	}
	return left < rblocks ? left : rblocks;
}

/* A format's random blocks that are foreign to it: a WAV's loud audio set aside. */
static uint64_t
foreign_random_blocks(const struct rp_sample *smp, const struct rp_format *fmt,
    const unsigned char *h, size_t hlen, uint64_t rblocks)
{
	return rblocks >= 1 && strcmp(fmt->name, "wav") == 0 ?
	    wav_random_blocks(smp, h, hlen, rblocks) : rblocks;
}

/* Whether a name has an extension before its last one ("data.bin.8base"; not
 * ".hidden.8base" nor "notes.8base"). */
static int
inner_ext(const char *base)
{
	const char *last = strrchr(base, '.'), *p;

	if (last == NULL || last == base)
		return 0;
	for (p = last - 1; p > base; p--)
		if (*p == '.')
			return p + 1 < last;
	return 0;
}

/* Whether the bytes of a tiny file (read whole) are not what its first extension holds:
 * a format known by its signature (sig.h) or its structure (format.h) must show its
 * signature; anything else, text by extension or unknown, must be clean UTF-8 text. */
static int
tiny_unexplained(const struct rp_engine *e, const struct rp_verdict *v,
    const struct analysis *a, const unsigned char *p, size_t n)
{
	const struct rp_sig *sig;
	const struct rp_format *f;

	if (v->ext[0] && !in_list(e->text, e->ntext, v->ext)) {
		if ((sig = rp_sig_by_ext(v->ext)) != NULL)
			return !rp_sig_match(sig, p, n) && !(sig->flags & RP_SIGF_RANDOM);
		if ((f = rp_format_by_ext(v->ext)) != NULL && !(f->flags & RP_FMTF_TEXT))
			return 1;   /* the sniff found no signature at the head */
	}
	return !small_utf8_text(a, p, n);
}

/*
 * Whether a file whose signature is gone under a name with another extension after
 * it ("x.png.map") is encrypted: under a ransomware family's extension (FAM) the name
 * is the evidence, whatever the content (Black Basta's stripes leave no random 4 KiB
 * block); under any other, a file too small for a 4 KiB block has no statistics, so
 * the name decides, and a bigger one needs a random block or a random head. A real
 * "tile.png.map" (a map of a PNG, binary, not random) is ok.
 */
static int
renamed_encrypted(const struct analysis *a, const char *fam)
{
	return fam != NULL || a->blocks == 0 || a->rblocks > 0 || a->head_random;
}

static void
judge(struct rp_scanner *s, const char *base, struct analysis *a, struct rp_verdict *v)
{
	const struct rp_engine *e = s->e;
	const struct rp_format *fmt = NULL, *efmt = NULL;
	const struct rp_sig *sig = NULL;
	struct rp_fmt_result fr;
	const unsigned char *head;
	size_t hlen;
	int textual, text_ext, small = a->blocks == 0;
	const char *fam = NULL, *last;

	head = rp_sample_head(&s->sample, &hlen);
	/* the name's own last extension ("jmod" of "java.xml.jmod") */
	last = v->appended_ext[0] ? (strrchr(v->appended_ext, '.') ?
	    strrchr(v->appended_ext, '.') + 1 : v->appended_ext) : v->ext;
	if (v->appended_ext[0]) {
		fam = family_of(e, v->appended_ext);
		if (fam == NULL)
			fam = family_of(e, last);
		reason(v, "extension '.%s' appended after '.%s'%s%s", v->appended_ext, v->ext,
		    fam ? ": used by " : "", fam ? fam : "");
	} else if ((fam = family_of(e, v->ext)) != NULL && v->ext[0]) {
		/* "notes.rhysida": a ransomware's extension is the only one */
		if ((small && (small_random(a) || tiny_random(a))) || (!small && rfrac(a) >= 0.9)) {
			reason(v, "extension '.%s' of %s, and content indistinguishable from random",
			    v->ext, fam);
			describe_random(v, a);
			v->kind = RP_V_ENCRYPTED;
			return;
		}
		/* "data.bin.8base": appended to an extension the lists do not know; a tiny
		 * file whose bytes are not clean text is what was encrypted */
		if (head && hlen == v->size && v->size > 0 && v->size < 256 &&
		    inner_ext(base) && rp_format_sniff(head, hlen) == NULL &&
		    !small_utf8_text(a, head, hlen)) {
			reason(v, "tiny file (%llu bytes) under %s's extension appended to another, "
			    "whose bytes are not text: encrypted", (unsigned long long)v->size, fam);
			v->kind = RP_V_ENCRYPTED;
			return;
		}
		fam = NULL;
	}

	/* 1b. a tiny file read whole under a ransomware family's extension appended to
	 * another (x.gif.akira, top_level.txt.royal): the name is the evidence, the content
	 * need only fail to be what the first extension says. Too small for statistics,
	 * it is encrypted whatever its size when its bytes are not the format's (no
	 * signature of any format at the head) and not clean text where text is allowed. */
	if (fam && v->appended_ext[0] && head && hlen == v->size && v->size > 0 &&
	    v->size < 256 && rp_format_sniff(head, hlen) == NULL &&
	    tiny_unexplained(e, v, a, head, hlen)) {
		reason(v, "tiny file (%llu bytes) under %s's extension whose content is not "
		    "what '.%s' holds: encrypted", (unsigned long long)v->size, fam, v->ext);
		v->kind = RP_V_ENCRYPTED;
		return;
	}

	/* 2. a signature at the head: the structure decides */
	if (head && (fmt = rp_format_sniff(head, hlen)) != NULL) {
		snprintf(v->format, sizeof(v->format), "%s", fmt->name);
		fmt->check(&s->sample, &fr);
		if (fr.status == RP_FMT_INTACT) {
			uint64_t rb;

			reason(v, "%s structure intact: %s", fmt->name, fr.reason);
			/* a shallow check of a structured format cannot vouch for its body */
			if (!(fmt->flags & RP_FMTF_RANDOM) && !fr.body_checked) {
				/* a PCM WAV's loud blocks are random byte by byte only */
				rb = foreign_random_blocks(&s->sample, fmt, head, hlen, a->rblocks);
				if (a->blocks >= 4 && rb * 10 >= a->blocks * 9) {
					reason(v, "but its content is random");
					describe_random(v, a);
					v->kind = RP_V_PARTIAL;
				} else if (dense_format(fmt) && rb >= 2 && rb * 10 >= a->blocks) {
					reason(v, "but %llu of its sampled 4 KiB blocks are random, which "
					    "this format does not contain", (unsigned long long)rb);
					v->kind = RP_V_PARTIAL;
				} else if (regular_stripes(a)) {
					reason(v, "but its content has regular random stripes");
					describe_stripes(v, a);
					v->kind = RP_V_PARTIAL;
				} else if (striped(a)) {
					reason(v, "but its content has periodic random stripes");
					describe_periodic(v, a);
					v->kind = RP_V_PARTIAL;
				}
			}
			return;
		}
		if (fr.status == RP_FMT_DAMAGED) {
			int all_random = (!small && rfrac(a) >= 0.9) || (small && small_random(a));
			/* randomness where the format says structure: only a format that is not
			 * random by design can show it in the statistics */
			int random_regions = !(fmt->flags & RP_FMTF_RANDOM) &&
			    (foreign_random_blocks(&s->sample, fmt, head, hlen, a->rblocks) ||
			    striped(a) || regular_stripes(a) ||
			    (small && (small_random(a) || tiny_random(a))));

			/* truncated or unusual is not encrypted */
			if ((fr.truncated && ((fmt->flags & RP_FMTF_RANDOM) || !random_regions)) ||
			    (!(fmt->flags & RP_FMTF_RANDOM) && !random_regions && fr.head_intact == 1)) {
				reason(v, "%s structure damaged: %s", fmt->name, fr.reason);
				reason(v, fr.truncated ? "damaged, not encrypted: the file is cut short "
				    "(an interrupted copy or download?), valid up to its end" :
				    "damaged or unusual, not encrypted: no random region where the "
				    "format has structure");
				return;
			}
			reason(v, "%s structure damaged: %s", fmt->name, fr.reason);
			/*
			 * Compressed payloads look random block by block, so for formats random by
			 * design "all random" only means a fake header when nothing of the
			 * structure survives after the header: no intact trailer, damage right
			 * behind it.
			 */
			if (all_random && (!(fmt->flags & RP_FMTF_RANDOM) ||
			    (fr.tail_intact != 1 && fr.damage_off < 65536))) {
				reason(v, "valid %s header but random content behind it (fake header)",
				    fmt->name);
				v->kind = RP_V_ENCRYPTED;
			} else {
				if (!(fmt->flags & RP_FMTF_RANDOM))
					describe_random(v, a);
				v->kind = RP_V_PARTIAL;
			}
			return;
		}
		/* UNKNOWN: nothing could be examined; fall through to the statistics */
	}

	/* Salted__: a file the user encrypted with `openssl enc` (random by design) */
	if (head && hlen >= 16 && memcmp(head, "Salted__", 8) == 0 &&
	    (hlen - 16) % 16 == 0 && v->size % 16 == 0) {
		snprintf(v->format, sizeof(v->format), "openssl");
		reason(v, "openssl enc file (Salted__ header, whole cipher blocks): encrypted "
		    "by its owner, random by design");
		return;
	}

	/* 3. the extension claims a format whose signature is not at the head */
	if (fmt == NULL && v->ext[0] && (efmt = rp_format_by_ext(v->ext)) != NULL &&
	    !(efmt->flags & RP_FMTF_TEXT)) {
		efmt->check(&s->sample, &fr);
		if (fr.status == RP_FMT_INTACT && fr.head_intact != 0) {
			/* the format is there after all (no sniff for it) */
			snprintf(v->format, sizeof(v->format), "%s", efmt->name);
			reason(v, "%s structure intact: %s", efmt->name, fr.reason);
			return;
		}
		if ((!small && rfrac(a) >= 0.9) || (small && (small_random(a) || tiny_random(a)))) {
			reason(v, "'.%s' file without the %s signature: type lost", v->ext, efmt->name);
			describe_random(v, a);
			v->kind = RP_V_ENCRYPTED;
			return;
		}
		if (fr.tail_intact == 1 || a->head_random || (a->head_fine >= 3 && fr.head_intact == 0)) {
			snprintf(v->format, sizeof(v->format), "%s", efmt->name);
			reason(v, "'.%s' file whose %s header is gone%s%s", v->ext, efmt->name,
			    fr.tail_intact == 1 ? " but whose trailer is intact: " : "",
			    fr.tail_intact == 1 ? fr.reason : "");
			describe_random(v, a);
			v->kind = RP_V_PARTIAL;
			return;
		}
		/*
		 * The signature and the structure the extension promises are both missing,
		 * and there are random regions: stripes from offset 0 (Black Basta, percent
		 * modes) take the header away without leaving a random 4 KiB block. A file
		 * merely misnamed would carry its own format's signature, or be text.
		 */
		if (fr.status == RP_FMT_DAMAGED && a->wjunk >= 2 && a->wjunk * 10 >= a->windows) {
			snprintf(v->format, sizeof(v->format), "%s", efmt->name);
			reason(v, "'.%s' file without the %s signature and with random regions: %s",
			    v->ext, efmt->name, fr.reason);
			describe_stripes(v, a);
			v->kind = RP_V_PARTIAL;
			return;
		}
		if (fr.head_intact == 0 && (striped(a) || regular_stripes(a))) {
			snprintf(v->format, sizeof(v->format), "%s", efmt->name);
			reason(v, "'.%s' file without the %s signature", v->ext, efmt->name);
			describe_periodic(v, a);
			v->kind = RP_V_PARTIAL;
			return;
		}
		/* the signature gone and an unknown extension appended: what a ransomware
		 * leaves, whatever the size (a tiny file has no statistics to show) */
		if (fr.head_intact == 0 && v->appended_ext[0] && !tiny_text(a) && renamed_encrypted(a, fam)) {
			reason(v, "'.%s' file without the %s signature, renamed: type lost", v->ext,
			    efmt->name);
			v->kind = RP_V_ENCRYPTED;
			return;
		}
		/* no sign of encryption: a misnamed file; go on with the statistics */
	}

	/* 3b. formats known by their signature alone (sig.h): by the document's own
	 * extension when something was appended to it ("x.ttf.qlin" was a font: an
	 * extension no list knows added after it changes nothing of what its bytes must
	 * be, as for the formats of 3), else by the last one */
	if (fmt == NULL && efmt == NULL && head && ((sig = rp_sig_by_ext(v->ext)) != NULL ||
	    (sig = rp_sig_by_ext(last)) != NULL)) {
		if (rp_sig_match(sig, head, hlen)) {
			if (sig->flags & RP_SIGF_RANDOM) {
				reason(v, "%s signature: random by design", sig->name);
				return;
			}
			if (striped(a)) {
				reason(v, "%s signature, but periodic random stripes in the content",
				    sig->name);
				describe_periodic(v, a);
				v->kind = RP_V_PARTIAL;
				return;
			}
			/* a body compressed by choice (WOFF 1's zlib tables) is random by
			 * design once the structure in the head says so (an intact web font
			 * was called encrypted); after the stripes, which that does not excuse */
			if (rp_sig_random_body(sig, head, hlen, v->size)) {
				/* random to the statistics, not to zlib: a stripe in a
				 * compressed table breaks its stream */
				rp_format_woff_tables(&s->sample, &fr);
				if (fr.status == RP_FMT_DAMAGED) {
					reason(v, "%s signature, but %s", sig->name, fr.reason);
					v->kind = RP_V_PARTIAL;
					return;
				}
				reason(v, "%s signature, its table directory whole: compressed tables, "
				    "random by design", sig->name);
				return;
			}
		} else if (hlen >= sig->min || v->appended_ext[0]) {
			const char *what = sig->name;

			if ((!small && rfrac(a) >= 0.9) ||
			    (small && (small_random(a) || tiny_random(a)))) {
				reason(v, "'.%s' file without the %s signature: type lost", v->ext, what);
				describe_random(v, a);
				v->kind = RP_V_ENCRYPTED;
				return;
			}
			if (a->head_random || a->head_fine >= 3 || striped(a) || regular_stripes(a) ||
			    (a->rblocks && a->rblocks * 10 < a->blocks * 9 && !(sig->flags & RP_SIGF_RANDOM))) {
				reason(v, "'.%s' file without the %s signature, with random regions",
				    v->ext, what);
				if (striped(a))
					describe_periodic(v, a);
				else if (regular_stripes(a))
					describe_stripes(v, a);
				describe_random(v, a);
				v->kind = RP_V_PARTIAL;
				return;
			}
			if (v->appended_ext[0] && !tiny_text(a) && renamed_encrypted(a, fam)) {
				reason(v, "'.%s' file without the %s signature, renamed: type lost",
				    v->ext, what);
				v->kind = RP_V_ENCRYPTED;
				return;
			}
		}
	}

	/* random by design, by its own last extension (not a ransomware's) */
	if (fam == NULL && in_list(e->randext, e->nrandext, last)) {
		reason(v, "'.%s' files are random by design (no structure to check)", last);
		return;
	}

	/* 4. text: control bytes in 64-byte windows are random stripes. The inner
	 * extension counts when what follows it is a ransomware's, or when the content
	 * is random anyway ("notes.txt.xyz" encrypted); a double extension like
	 * "java.xml.jmod" is judged by its last one. */
	text_ext = in_list(e->text, e->ntext,
	    fam || !v->appended_ext[0] || (!small && rfrac(a) >= 0.9) ? v->ext : last);
	/* text by extension, or by its windows: all of them text or random-looking, and
	 * some text (the head may be what was encrypted). A binary with strings in it
	 * (Python bytecode, catalogs) has windows that are neither. */
	textual = !a->utf16 && (text_ext || (a->windows >= 8 && a->wtext * 10 >= a->windows &&
	    (a->wtext + a->wjunk) * 20 >= a->windows * 19));
	/* a text file too small for the windows: is it text at all? */
	if (text_ext && !a->utf16 && head && v->size <= 1024 && hlen == v->size &&
	    tiny_not_text(a, head, hlen)) {
		reason(v, "text file (by its extension) whose bytes are not text: control bytes "
		    "and no valid UTF-8");
		v->kind = RP_V_ENCRYPTED;
		return;
	}
	if (textual && a->wjunk) {
		int all_random = (!small && rfrac(a) >= 0.9) || (small && small_random(a));

		if (all_random) {
			reason(v, "text file (%s) whose content is random", text_ext ? "by its extension" :
			    "by its type");
			describe_random(v, a);
			v->kind = RP_V_ENCRYPTED;
			return;
		}
		/* a couple of stray control bytes happen in real text; stripes do not */
		if (a->wjunk >= 3 && a->wjunk * 100 >= a->windows) {
			reason(v, "text with random regions: %llu of %llu 64-byte windows hold "
			    "control bytes that text does not have", (unsigned long long)a->wjunk,
			    (unsigned long long)a->windows);
			describe_stripes(v, a);
			v->kind = RP_V_PARTIAL;
			return;
		}
	}

	/* 4b. binary content with regular random stripes (Black Basta, percent modes) */
	if (!textual && (fmt == NULL || !(fmt->flags & RP_FMTF_RANDOM)) && regular_stripes(a)) {
		reason(v, "regular random stripes in structured binary content: %llu of %llu "
		    "64-byte windows", (unsigned long long)a->wjunk, (unsigned long long)a->windows);
		describe_stripes(v, a);
		v->kind = RP_V_PARTIAL;
		return;
	}
	/* 4c. periodic random stripes in any content (LockFile's 16 bytes, Agenda's chunks) */
	if ((fmt == NULL || !(fmt->flags & RP_FMTF_RANDOM)) && striped(a) &&
	    !(sig && (sig->flags & RP_SIGF_RANDOM))) {
		reason(v, "periodic random stripes in %s content", textual ? "text" : "structured");
		describe_periodic(v, a);
		v->kind = RP_V_PARTIAL;
		return;
	}

	/* 5. statistics alone */
	/* a tiny file read whole, with no signature or format to speak for it, whose bytes
	 * are as varied as random ones and are not text: what encryption leaves of a small
	 * text or data file (too small for chi-square; a tiny intact binary repeats its
	 * bytes, zeros mostly, and a tiny text is text) */
	if (fmt == NULL && efmt == NULL && sig == NULL && !textual && head && hlen == v->size &&
	    v->size < 256 && tiny_random(a) && tiny_not_text(a, head, hlen)) {
		reason(v, "tiny file (%llu bytes) whose bytes are as varied as random ones and are "
		    "not text, with no format to account for them", (unsigned long long)v->size);
		v->kind = RP_V_ENCRYPTED;
		return;
	}
	if ((!small && rfrac(a) >= 0.9) || (small && small_random(a) && a->all.n >= 256)) {
		if (fmt != NULL)
			reason(v, "%s signature, but nothing of its structure could be checked",
			    fmt->name);
		reason(v, "content indistinguishable from random and no format that is random "
		    "by design");
		describe_random(v, a);
		v->kind = RP_V_ENCRYPTED;
		return;
	}
	/* only the head random, nothing random after it (a container whose body is
	 * compressed has random blocks further on, and is no LockBit victim) */
	if (a->head_random && a->head_run >= BLOCK && a->head_run < v->size &&
	    a->rblocks * 2 <= a->blocks && a->rblocks * BLOCK <= a->head_run + BLOCK) {
		reason(v, "the head is random and the rest is not (LockBit 2.0 style: first "
		    "bytes encrypted)");
		describe_random(v, a);
		v->kind = RP_V_PARTIAL;
		return;
	}
	if (v->appended_ext[0] == '\0' && v->nreasons == 0) {
		if (fmt)
			reason(v, "%s", fmt->name);
		else if (textual)
			reason(v, "text");
	}
}

static int
scan_fd(struct rp_scanner *s, int fd, const char *name, const struct stat *st,
    struct rp_verdict *v)
{
	struct analysis a;
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	size_t i, hlen;
	const unsigned char *head;
	int in_run = 0, r;
	uint64_t last_junk_end = 0;

	v->size = (uint64_t)st->st_size;
	v->mtime = st->st_mtim.tv_sec;
	v->mtime_ns = st->st_mtim.tv_nsec;
	split_ext(s->e, base, v);
	if (v->size == 0) {
		reason(v, "empty");
		return 0;
	}
	rp_sample_plan(&s->sample, v->size, s->e->o.full);
	{
		size_t before = s->sample.cap;

		r = rp_sample_load(&s->sample, fd);
		if (s->sample.cap != before)
			s->allocs++;
	}
	v->bytes_read = s->sample.bytes_read;
	if (r == RP_ERR_SYSTEM) {
		v->kind = RP_V_SKIPPED;
		reason(v, "read error: %s", strerror(s->sample.err));
		return 0;
	}
	if (r == RP_ERR_NOMEM)
		return r;
	if (r == RP_ERR_CHANGED) {
		reason(v, "file shrank while being read (%llu bytes remain): judged on what was read",
		    (unsigned long long)s->sample.size);
		v->size = s->sample.size;
		if (v->size == 0) {
			v->kind = RP_V_SKIPPED;
			return 0;
		}
	}
	memset(&a, 0, sizeof(a));
	a.marks = s->marks;
	head = rp_sample_head(&s->sample, &hlen);
	a.utf16 = head && looks_utf16(head, hlen);
	for (i = 0; i < s->sample.nreg; i++)
		analyse_region(&a, s->sample.data + s->sample.pos[i], s->sample.reg[i].off,
		    s->sample.reg[i].len, &in_run, &last_junk_end);
	/* in full mode of a large file, the middle is streamed through a scratch buffer */
	if (s->e->o.full && v->size > RP_SAMPLE_WHOLE_MAX) {
		uint64_t off = RP_SAMPLE_HEAD, end = v->size - RP_SAMPLE_TAIL;

		if (s->scratch == NULL) {
			if ((s->scratch = malloc(SCRATCH)) == NULL)
				return RP_ERR_NOMEM;
			s->allocs++;
		}
		while (off < end) {
			size_t n = end - off < SCRATCH ? (size_t)(end - off) : SCRATCH;
			ssize_t got = rp_pread_full(fd, s->scratch, n, (off_t)off);

			if (got <= 0)
				break;
			v->bytes_read += (uint64_t)got;
			analyse_region(&a, s->scratch, off, (size_t)got, &in_run, &last_junk_end);
			off += (uint64_t)got;
		}
	}
	end_run(&a, &in_run);
	set_stats(v, &a);
	v->nregions = s->sample.nreg < RP_V_MAX_REGIONS ? s->sample.nreg : RP_V_MAX_REGIONS;
	for (i = 0; i < v->nregions; i++)
		v->regions[i] = s->sample.reg[i];
	if (s->e->o.full && v->size > RP_SAMPLE_WHOLE_MAX) {
		v->nregions = 1;
		v->regions[0].off = 0;
		v->regions[0].len = v->size;
	}
	if ((r = check_note(s, base, &a, v)) < 0)
		return r;
	if (r == 0)
		judge(s, base, &a, v);
	/*
	 * libmagic costs about a millisecond on a text file (its soft magic runs
	 * regular expressions), twenty times the rest of the verdict: the verdict does
	 * not need it, so it only names the type of files that are reported.
	 * A file judged encrypted whose structure no format recognised, and whose head
	 * (what libmagic would be given) is itself indistinguishable from random, is
	 * "application/octet-stream" without asking libmagic: on such bytes libmagic
	 * answers that after walking its whole database (a quarter of the CPU of a scan
	 * of a share whose encrypted files do not repeat), or, for about 1 % of them, a
	 * weak magic that random bytes matched by chance ("application/x-dosexec",
	 * "audio/x-mp4a-latm", ...: bench/RESULTS.md), a type the file does not have.
	 * The same for a partly encrypted file, or one whose format a structure check
	 * named, whose random head carries no signature we know (its head encrypted),
	 * or whose head opens random and carries none (the first bytes encrypted, the
	 * plain part behind them in the head).
	 * A text held for its evidence of a note (ok, dup_hash or ctx_ev) is shown only
	 * if the tree scan makes it a note (or with type_all, typed whole): typed as one.
	 */
	if (head && (v->kind != RP_V_OK || v->dup_hash || v->ctx_ev || s->e->o.type_all)) {
		int rnd = 0;

		if ((v->kind == RP_V_ENCRYPTED || v->kind == RP_V_PARTIAL) &&
		    ((rnd = rp_magic_head_random(head, hlen)) || rp_magic_head_opens_random(head, hlen)) &&
		    ((rnd && v->kind == RP_V_ENCRYPTED && v->format[0] == '\0') ||
		    !rp_magic_head_signed(head, hlen)))
			snprintf(v->type, sizeof(v->type), "application/octet-stream");
		else if (v->kind == RP_V_NOTE ||   /* plain text or HTML without the database */
		    (v->kind == RP_V_OK && !s->e->o.type_all))   /* a held text: shown if a note */
			rp_magic_mime_note(s->magic, head, hlen, v->type, sizeof(v->type));
		else
			rp_magic_mime(s->magic, head, hlen, v->type, sizeof(v->type));
	}
	/* structure checks may have read more (probes) */
	v->bytes_read += s->sample.probe_bytes;
	return 0;
}

static void
verdict_reset(struct rp_verdict *v)
{
	v->kind = RP_V_OK;
	v->type[0] = v->format[0] = v->ext[0] = v->appended_ext[0] = v->note_rule[0] = '\0';
	v->dup_hash = 0;
	v->ctx_ev = 0;
	v->entropy = v->chi2 = 0;
	v->size = v->bytes_read = 0;
	v->mtime = 0;
	v->mtime_ns = 0;
	v->noatime = 0;
	v->nregions = v->nreasons = 0;
}

int
rp_scan_fd(struct rp_scanner *s, int fd, const char *name, struct rp_verdict *v)
{
	struct stat st;

	verdict_reset(v);
	if (fstat(fd, &st) != 0) {
		v->kind = RP_V_SKIPPED;
		reason(v, "cannot stat: %s", strerror(errno));
		return 0;
	}
	return rp_scan_fd_stat(s, fd, name, &st, v);
}

int
rp_scan_fd_stat(struct rp_scanner *s, int fd, const char *name, const struct stat *st,
    struct rp_verdict *v)
{
	verdict_reset(v);
	if (!S_ISREG(st->st_mode)) {
		v->kind = RP_V_SKIPPED;
		reason(v, "not a regular file");
		return 0;
	}
	return scan_fd(s, fd, name, st, v);
}

int
rp_scan_open(const struct rp_engine *e, int dirfd, const char *name, struct rp_verdict *v)
{
	int fd, noatime = 0;

	verdict_reset(v);
	fd = rp_open_evidence(dirfd, name, 0, e->o.allow_atime, &noatime);
	if (fd >= 0) {
		v->noatime = noatime;
		return fd;
	}
	v->kind = RP_V_SKIPPED;
	if (fd == RP_ERR_PERM)
		reason(v, "not read: O_NOATIME refused (not the file's owner) and reading "
		    "would change its access time; run as root, or use --allow-atime");
	else if (errno == ENOENT)
		reason(v, "vanished before it could be read");
	else if (errno == ELOOP)
		reason(v, "replaced by a symlink: not followed");
	else
		reason(v, "cannot open: %s", strerror(errno));
	return -1;
}

int
rp_scan_file(struct rp_scanner *s, int dirfd, const char *name, const struct stat *st,
    struct rp_verdict *v)
{
	int fd, noatime, r;

	fd = rp_scan_open(s->e, dirfd, name, v);
	if (fd < 0) {
		if (st) {
			v->size = (uint64_t)st->st_size;
			v->mtime = st->st_mtim.tv_sec;
			v->mtime_ns = st->st_mtim.tv_nsec;
		}
		return 0;
	}
	noatime = v->noatime;
	r = rp_scan_fd(s, fd, name, v);
	v->noatime = noatime;
	close(fd);
	return r;
}
