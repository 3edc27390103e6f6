/* Tabletop drills: the scenario's parser, the answers, the score, the session. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "core/data.h"
#include "core/err.h"
#include "core/file.h"
#include "core/time.h"
#include "prepare/drill.h"

const char *const rp_drill_cats[] = { "detect", "contain", "notify", "recover", "communicate",
	NULL };
const char *const rp_drill_langs[] = { "fr", "de", "en", NULL };

#define MAX_LINES 6000      /* of a scenario: keeps the INI reader's lookups small */
#define EN 2                /* rp_drill_langs[EN] */

static int
word_index(const char *const *v, const char *w)
{
	int i;

	for (i = 0; w && v[i]; i++)
		if (strcmp(v[i], w) == 0)
			return i;
	return -1;
}

int
rp_drill_cat(const char *word)
{
	return word_index(rp_drill_cats, word);
}

int
rp_drill_lang_index(const char *lang)
{
	return word_index(rp_drill_langs, lang);
}

char
rp_drill_rate(int points, int max)
{
	long long p = points, m = max;

	if (max <= 0)
		return '-';
	if (p * 100 >= m * RP_DRILL_P)
		return 'P';
	if (p * 100 >= m * RP_DRILL_S)
		return 'S';
	if (p * 100 >= m * RP_DRILL_M)
		return 'M';
	return 'U';
}

/* ---- the scenario ---- */

struct parse {
	const struct rp_ini *ini;
	struct rp_drill *d;
	int lang;                  /* index in rp_drill_langs */
	unsigned langs;            /* languages still complete */
	struct rp_drill_err *err;
};

static int
fail(struct parse *P, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int
fail(struct parse *P, const char *fmt, ...)
{
	va_list ap;

	if (P->err) {
		P->err->line = 0;
		va_start(ap, fmt);
		vsnprintf(P->err->msg, sizeof(P->err->msg), fmt, ap);
		va_end(ap);
	}
	return RP_ERR_FORMAT;
}

/* [a-z0-9] and, when dash, '-' inside; 1..RP_DRILL_MAX_ID bytes */
static int
good_id(const char *s, size_t n, int dash)
{
	size_t i;

	if (n == 0 || n > RP_DRILL_MAX_ID || (dash && (s[0] == '-' || s[n - 1] == '-')))
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    (dash && s[i] == '-')))
			return 0;
	return 1;
}

/*
 * The text KEY.LANG of section sec in the drill's language, else in English (required).
 * Every language missing it is struck from P->langs. *out is "" for an optional text
 * that no language has.
 */
static int
text(struct parse *P, size_t sec, const char *key, int required, const char **out)
{
	char k[96];
	const char *v, *mine = NULL, *en;
	int i;

	for (i = 0; rp_drill_langs[i]; i++) {
		snprintf(k, sizeof(k), "%s.%s", key, rp_drill_langs[i]);
		v = rp_ini_section_get(P->ini, sec, k);
		if (v == NULL || *v == '\0')
			P->langs &= ~(1u << i);
		else if (i == P->lang)
			mine = v;
	}
	snprintf(k, sizeof(k), "%s.en", key);
	en = rp_ini_section_get(P->ini, sec, k);
	if (en == NULL || *en == '\0') {
		if (required || mine)
			return fail(P, "[%s]: %s.en is missing (English is the language every text "
			    "falls back to)", rp_ini_section(P->ini, sec), key);
		*out = "";
		return 0;
	}
	*out = mine ? mine : en;
	return 0;
}

/* An integer lo..hi, all of s. */
static int
number(const char *s, int lo, int hi, int *out)
{
	long v;
	char *end;

	if (s == NULL || !((*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' && s[1] <= '9')))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* Whether key is one a section of that kind may have. */
static int
key_known(const char *key, int inject)
{
	static const char *const texts_drill[] = { "title", "summary", NULL };
	static const char *const texts_inject[] = { "text", "question", "action", NULL };
	static const char *const plain_drill[] = { "threat", NULL };
	static const char *const plain_inject[] = { "at", "pick", "threat", "owner", "due", NULL };
	const char *dot = strrchr(key, '.');
	char base[64];
	size_t n;

	if (word_index(inject ? plain_inject : plain_drill, key) >= 0)
		return 1;
	if (inject && strncmp(key, "choice.", 7) == 0) {
		const char *id = key + 7, *d2 = strchr(id, '.');

		if (d2 == NULL)
			return good_id(id, strlen(id), 0);
		return good_id(id, (size_t)(d2 - id), 0) && rp_drill_lang_index(d2 + 1) >= 0;
	}
	if (dot == NULL || rp_drill_lang_index(dot + 1) < 0 || (n = (size_t)(dot - key)) >= sizeof(base))
		return 0;
	memcpy(base, key, n);
	base[n] = '\0';
	return word_index(inject ? texts_inject : texts_drill, base) >= 0;
}

static int
check_keys(struct parse *P, size_t sec, int inject)
{
	const char *k, *v;
	size_t j;

	for (j = 0; rp_ini_section_entry(P->ini, sec, j, &k, &v) == 0; j++)
		if (!key_known(k, inject))
			return fail(P, "[%s]: unknown key '%s' (see data/drills/README)",
			    rp_ini_section(P->ini, sec), k);
	return 0;
}

static int
parse_choice(struct parse *P, size_t sec, struct rp_drill_inject *in, const char *id,
    const char *spec)
{
	struct rp_drill_choice *c = &in->choices[in->nchoices];
	const char *sp = strchr(spec, ' ');
	char num[16], key[64];
	size_t k;
	int r;

	/* "3 contain": the points, one space or more, the category */
	if (sp == NULL || (size_t)(sp - spec) >= sizeof(num))
		return fail(P, "[%s]: choice.%s = '%s': expected POINTS CATEGORY (\"3 contain\")",
		    rp_ini_section(P->ini, sec), id, spec);
	memcpy(num, spec, (size_t)(sp - spec));
	num[sp - spec] = '\0';
	while (*sp == ' ' || *sp == '\t')
		sp++;
	if (number(num, in->all ? -RP_DRILL_MAX_POINTS : 0, RP_DRILL_MAX_POINTS, &c->points) != 0)
		return fail(P, "[%s]: choice.%s: points '%s' are not %d..%d", rp_ini_section(P->ini,
		    sec), id, num, in->all ? -RP_DRILL_MAX_POINTS : 0, RP_DRILL_MAX_POINTS);
	if ((c->cat = rp_drill_cat(sp)) < 0)
		return fail(P, "[%s]: choice.%s: '%s' is not a category (detect, contain, notify, "
		    "recover, communicate)", rp_ini_section(P->ini, sec), id, sp);
	for (k = 0; k < in->nchoices; k++)
		if (strcmp(in->choices[k].id, id) == 0)
			return fail(P, "[%s]: choice '%s' twice", rp_ini_section(P->ini, sec), id);
	snprintf(c->id, sizeof(c->id), "%s", id);
	snprintf(key, sizeof(key), "choice.%s", id);
	if ((r = text(P, sec, key, 1, &c->text)) != 0)
		return r;
	in->nchoices++;
	return 0;
}

static int
parse_inject(struct parse *P, size_t sec, const char *id, struct rp_drill_inject *in)
{
	const char *v, *k, *val;
	size_t j, i;
	int r, best = 0, best_cat = -1;

	memset(in, 0, sizeof(*in));
	snprintf(in->id, sizeof(in->id), "%s", id);
	if ((r = check_keys(P, sec, 1)) != 0)
		return r;
	if (number(rp_ini_section_get(P->ini, sec, "at"), 0, RP_DRILL_MAX_AT, &in->at) != 0)
		return fail(P, "[inject %s]: at = minutes after the start, 0..%d", id, RP_DRILL_MAX_AT);
	v = rp_ini_section_get(P->ini, sec, "pick");
	if (v == NULL || strcmp(v, "one") == 0)
		in->all = 0;
	else if (strcmp(v, "all") == 0)
		in->all = 1;
	else
		return fail(P, "[inject %s]: pick = one (the best answer) or all (a checklist)", id);
	in->due = 30;
	if ((v = rp_ini_section_get(P->ini, sec, "due")) != NULL &&
	    number(v, 1, RP_DRILL_MAX_DUE, &in->due) != 0)
		return fail(P, "[inject %s]: due = days to the action's due date, 1..%d", id,
		    RP_DRILL_MAX_DUE);
	in->threat = rp_ini_section_get(P->ini, sec, "threat");
	if (in->threat == NULL || !*in->threat)
		in->threat = P->d->threat;
	if (in->threat && !good_id(in->threat, strlen(in->threat), 1))
		return fail(P, "[inject %s]: threat '%s' is not a word of the risk register", id,
		    in->threat);
	in->owner = rp_ini_section_get(P->ini, sec, "owner");
	if (in->owner && !good_id(in->owner, strlen(in->owner), 1))
		return fail(P, "[inject %s]: owner '%s' is not a role word (it-provider, manager, "
		    "...)", id, in->owner);
	if ((r = text(P, sec, "text", 1, &in->text)) != 0 ||
	    (r = text(P, sec, "question", 1, &in->question)) != 0 ||
	    (r = text(P, sec, "action", 1, &in->action)) != 0)
		return r;
	if ((in->choices = calloc(RP_DRILL_MAX_CHOICES, sizeof(*in->choices))) == NULL)
		return RP_ERR_NOMEM;
	for (j = 0; rp_ini_section_entry(P->ini, sec, j, &k, &val) == 0; j++) {
		if (strncmp(k, "choice.", 7) != 0 || strchr(k + 7, '.') != NULL)
			continue;
		if (in->nchoices == RP_DRILL_MAX_CHOICES)
			return fail(P, "[inject %s]: more than %d choices", id, RP_DRILL_MAX_CHOICES);
		if ((r = parse_choice(P, sec, in, k + 7, val)) != 0)
			return r;
	}
	if (in->nchoices < 2)
		return fail(P, "[inject %s]: at least two choices", id);
	for (i = 0; i < in->nchoices; i++) {
		const struct rp_drill_choice *c = &in->choices[i];

		if (in->all) {
			if (c->points > 0)
				in->cat_max[c->cat] += c->points;
			continue;
		}
		if (c->points > 0 && best_cat >= 0 && c->cat != best_cat)
			return fail(P, "[inject %s]: the choices that earn points are of one category "
			    "(%s and %s here); make it a checklist (pick = all) to rate several", id,
			    rp_drill_cats[best_cat], rp_drill_cats[c->cat]);
		if (c->points > 0)
			best_cat = c->cat;
		if (c->points > best)
			best = c->points;
	}
	if (!in->all && best_cat >= 0)
		in->cat_max[best_cat] = best;
	for (i = 0; i < RP_DRILL_NCAT; i++)
		in->max += in->cat_max[i];
	if (in->max == 0)
		return fail(P, "[inject %s]: no choice earns points", id);
	return 0;
}

void
rp_drill_free(struct rp_drill *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++)
		free(d->v[i].choices);
	free(d->v);
	rp_ini_free(d->ini);
	free(d);
}

int
rp_drill_parse(const char *text_, size_t len, const char *name, const char *lang,
    struct rp_drill **out, struct rp_drill_err *err)
{
	struct parse P;
	struct rp_drill *d = NULL;
	size_t i, k, lines = 0, sec_drill = (size_t)-1;
	int r, line = 0, c;

	if (err) {
		err->line = 0;
		err->msg[0] = '\0';
	}
	if (name == NULL || !good_id(name, strlen(name), 1) || rp_drill_lang_index(lang) < 0)
		return RP_ERR_INVALID;
	memset(&P, 0, sizeof(P));
	P.err = err;
	P.lang = rp_drill_lang_index(lang);
	P.langs = (1u << 3) - 1;
	if (len > RP_DRILL_MAX_BYTES)
		return fail(&P, "more than %d KiB", RP_DRILL_MAX_BYTES / 1024);
	for (i = 0; i < len; i++)
		lines += text_[i] == '\n';
	if (lines > MAX_LINES)
		return fail(&P, "more than %d lines", MAX_LINES);
	if ((d = calloc(1, sizeof(*d))) == NULL)
		return RP_ERR_NOMEM;
	P.d = d;
	snprintf(d->name, sizeof(d->name), "%s", name);
	snprintf(d->lang, sizeof(d->lang), "%s", lang);
	if ((r = rp_ini_parse(text_, len, &d->ini, &line)) != 0) {
		if (r == RP_ERR_FORMAT && err) {
			err->line = (size_t)line;
			snprintf(err->msg, sizeof(err->msg), "not a line of the INI format (a [section], "
			    "key = value, # a comment; UTF-8, at most 4096 bytes)");
		}
		goto out;
	}
	P.ini = d->ini;
	for (i = 0; i < rp_ini_nsections(d->ini); i++) {
		const char *s = rp_ini_section(d->ini, i);

		if (strcmp(s, "drill") == 0) {
			if (sec_drill != (size_t)-1) {
				r = fail(&P, "[drill] twice");
				goto out;
			}
			sec_drill = i;
		} else if (strncmp(s, "inject ", 7) != 0 || !good_id(s + 7, strlen(s + 7), 1)) {
			r = fail(&P, "[%s]: a section is [drill] or [inject ID] (ID: a-z, 0-9, '-')", s);
			goto out;
		}
	}
	if (sec_drill == (size_t)-1) {
		r = fail(&P, "no [drill] section");
		goto out;
	}
	if ((r = check_keys(&P, sec_drill, 0)) != 0 ||
	    (r = text(&P, sec_drill, "title", 1, &d->title)) != 0 ||
	    (r = text(&P, sec_drill, "summary", 1, &d->summary)) != 0)
		goto out;
	d->threat = rp_ini_section_get(d->ini, sec_drill, "threat");
	if (d->threat && !good_id(d->threat, strlen(d->threat), 1)) {
		r = fail(&P, "[drill]: threat '%s' is not a word of the risk register", d->threat);
		goto out;
	}
	if ((d->v = calloc(RP_DRILL_MAX_INJECTS, sizeof(*d->v))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (i = 0; i < rp_ini_nsections(d->ini); i++) {
		const char *s = rp_ini_section(d->ini, i);

		if (i == sec_drill)
			continue;
		if (d->n == RP_DRILL_MAX_INJECTS) {
			r = fail(&P, "more than %d injects", RP_DRILL_MAX_INJECTS);
			goto out;
		}
		for (k = 0; k < d->n; k++)
			if (strcmp(d->v[k].id, s + 7) == 0) {
				r = fail(&P, "[%s] twice", s);
				goto out;
			}
		r = parse_inject(&P, i, s + 7, &d->v[d->n]);
		d->n++;                    /* its choices are freed with the drill */
		if (r != 0)
			goto out;
		if (d->n > 1 && d->v[d->n - 1].at < d->v[d->n - 2].at) {
			r = fail(&P, "[%s]: at %d is before the inject above it (T+%d): injects go in "
			    "the order of their time", s, d->v[d->n - 1].at, d->v[d->n - 2].at);
			goto out;
		}
	}
	if (d->n == 0) {
		r = fail(&P, "no [inject ID] section");
		goto out;
	}
	for (i = 0; i < d->n; i++)
		for (c = 0; c < RP_DRILL_NCAT; c++)
			d->cat_max[c] += d->v[i].cat_max[c];
	for (c = 0; c < RP_DRILL_NCAT; c++)
		d->max += d->cat_max[c];
	d->langs = P.langs;
	*out = d;
	d = NULL;
	r = 0;
out:
	rp_drill_free(d);
	return r;
}

long
rp_drill_find(const struct rp_drill *d, const char *id)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].id, id) == 0)
			return (long)i;
	return -1;
}

struct each_ctx {
	int (*fn)(const char *, const char *, size_t, void *);
	void *ctx;
};

static int
each_builtin(const char *name, const void *data, size_t len, void *ctx)
{
	struct each_ctx *e = ctx;
	char id[RP_DRILL_MAX_ID + 1];
	const char *base = name + strlen("drills/");
	size_t n = strlen(base);

	/* drills/NAME.ini; not drills/text/LANG.ini nor the README */
	if (strchr(base, '/') || n < 5 || strcmp(base + n - 4, ".ini") != 0 || n - 4 > RP_DRILL_MAX_ID)
		return 0;
	memcpy(id, base, n - 4);
	id[n - 4] = '\0';
	return e->fn(id, data, len, e->ctx);
}

int
rp_drill_each_builtin(int (*fn)(const char *, const char *, size_t, void *), void *ctx)
{
	struct each_ctx e = { fn, ctx };

	return rp_data_each("drills/", each_builtin, &e);
}

int
rp_drill_load_text(const char *data_dir, const char *what, struct rp_buf *text_,
    char name[RP_DRILL_MAX_ID + 1])
{
	const char *base, *slash = strrchr(what, '/');
	size_t n = strlen(what);
	char path[96];
	int r;

	if (slash || (n > 4 && strcmp(what + n - 4, ".ini") == 0)) {
		base = slash ? slash + 1 : what;
		n = strlen(base);
		if (n > 4 && strcmp(base + n - 4, ".ini") == 0)
			n -= 4;
		if (n == 0 || n > RP_DRILL_MAX_ID || !good_id(base, n, 1))
			return RP_ERR_INVALID;       /* the name must be an id: it is stored */
		memcpy(name, base, n);
		name[n] = '\0';
		r = rp_file_read_all(AT_FDCWD, what, text_, RP_DRILL_MAX_BYTES);
		if (r == RP_ERR_SYSTEM && errno == ENOENT)
			r = RP_ERR_NOTFOUND;
		return r;
	}
	if (!good_id(what, n, 1))
		return RP_ERR_NOTFOUND;
	snprintf(name, RP_DRILL_MAX_ID + 1, "%s", what);
	snprintf(path, sizeof(path), "drills/%s.ini", what);
	return rp_data_load(data_dir, path, text_);
}

/* ---- answers ---- */

static int
afail(struct rp_drill_err *err, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int
afail(struct rp_drill_err *err, size_t line, const char *fmt, ...)
{
	va_list ap;

	if (err) {
		err->line = line;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return RP_ERR_FORMAT;
}

static const char *
skip_sp(const char *s, const char *end)
{
	while (s < end && (*s == ' ' || *s == '\t' || *s == '\r'))
		s++;
	return s;
}

/* The answer to inject i in s..end ("a,c", "-" or nothing). */
static int
answer_span(const struct rp_drill *d, size_t i, const char *s, const char *end,
    struct rp_drill_answer *a, struct rp_drill_err *err, size_t line)
{
	const struct rp_drill_inject *in = &d->v[i];
	const char *p, *q;
	size_t k, n;
	int picked = 0;

	memset(a, 0, sizeof(*a));
	a->response_ms = -1;
	s = skip_sp(s, end);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	a->answered = 1;
	if (s == end || (end - s == 1 && *s == '-')) {
		if (!in->all)
			return afail(err, line, "%s: one answer expected (the id of a choice)",
			    in->id);
		return 0;                /* a checklist with nothing ticked */
	}
	for (p = s; p < end; p = q + 1) {
		q = memchr(p, ',', (size_t)(end - p));
		if (q == NULL)
			q = end;
		p = skip_sp(p, q);
		n = (size_t)(q - p);
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		for (k = 0; k < in->nchoices; k++)
			if (strlen(in->choices[k].id) == n && memcmp(in->choices[k].id, p, n) == 0)
				break;
		if (k == in->nchoices)
			return afail(err, line, "%s: '%.*s' is not one of its choices", in->id,
			    (int)(n > 32 ? 32 : n), p);
		if (a->picked & (1u << k))
			return afail(err, line, "%s: '%s' twice", in->id, in->choices[k].id);
		a->picked |= 1u << k;
		picked++;
		if (q == end)
			break;
	}
	if (!in->all && picked != 1)
		return afail(err, line, "%s: pick one answer, not %d", in->id, picked);
	return 0;
}

int
rp_drill_answer_parse(const struct rp_drill *d, size_t i, const char *s,
    struct rp_drill_answer *a, struct rp_drill_err *err)
{
	size_t n = strlen(s);

	if (i >= d->n)
		return RP_ERR_INVALID;
	if (n > 4096)
		return afail(err, 0, "too long");
	return answer_span(d, i, s, s + n, a, err, 0);
}

int
rp_drill_answers_parse(const struct rp_drill *d, const char *text_, size_t len,
    struct rp_drill_answer *a, struct rp_drill_err *err)
{
	const char *p = text_, *end = text_ + len, *nl, *colon, *id, *ide;
	size_t line = 0, i;
	long k;
	int r;

	for (i = 0; i < d->n; i++) {
		memset(&a[i], 0, sizeof(a[i]));
		a[i].response_ms = -1;
	}
	if (len > RP_DRILL_ANSWERS_MAX)
		return afail(err, 0, "more than %d KiB", RP_DRILL_ANSWERS_MAX / 1024);
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < end; p = nl + 1) {
		char idbuf[RP_DRILL_MAX_ID + 1];
		struct rp_drill_answer one;

		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (nl - p > 4096)
			return afail(err, line, "longer than 4096 bytes");
		if (memchr(p, '\0', (size_t)(nl - p)))
			return afail(err, line, "a NUL byte");
		id = skip_sp(p, nl);
		if (id == nl || *id == '#')
			continue;
		if ((colon = memchr(id, ':', (size_t)(nl - id))) == NULL)
			return afail(err, line, "expected INJECT: CHOICE[,CHOICE...]");
		for (ide = colon; ide > id && (ide[-1] == ' ' || ide[-1] == '\t'); ide--)
			;
		if (ide == id || (size_t)(ide - id) > RP_DRILL_MAX_ID)
			return afail(err, line, "expected INJECT: CHOICE[,CHOICE...]");
		memcpy(idbuf, id, (size_t)(ide - id));
		idbuf[ide - id] = '\0';
		if ((k = rp_drill_find(d, idbuf)) < 0)
			return afail(err, line, "'%s' is not an inject of %s", idbuf, d->name);
		if (a[k].answered)
			return afail(err, line, "%s answered twice", idbuf);
		if ((r = answer_span(d, (size_t)k, colon + 1, nl, &one, err, line)) != 0)
			return r;
		a[k] = one;
		if (nl == end)
			break;
	}
	return 0;
}

int
rp_drill_answer_ids(const struct rp_drill *d, size_t i, const struct rp_drill_answer *a,
    struct rp_buf *out)
{
	size_t k;
	int r = 0, first = 1;

	for (k = 0; k < d->v[i].nchoices && r == 0; k++) {
		if (!(a->picked & (1u << k)))
			continue;
		if (!first)
			r = rp_buf_addch(out, ',');
		if (r == 0)
			r = rp_buf_addstr(out, d->v[i].choices[k].id);
		first = 0;
	}
	return r;
}

static void
extreme(const struct rp_drill *d, struct rp_drill_answer *a, int best)
{
	size_t i, k, pick;

	for (i = 0; i < d->n; i++) {
		const struct rp_drill_inject *in = &d->v[i];

		memset(&a[i], 0, sizeof(a[i]));
		a[i].answered = 1;
		a[i].response_ms = -1;
		if (in->all) {
			for (k = 0; k < in->nchoices; k++)
				if ((in->choices[k].points > 0) == best)
					a[i].picked |= 1u << k;
			continue;
		}
		for (pick = 0, k = 1; k < in->nchoices; k++)
			if (best ? in->choices[k].points > in->choices[pick].points :
			    in->choices[k].points < in->choices[pick].points)
				pick = k;
		a[i].picked = 1u << pick;
	}
}

void
rp_drill_best(const struct rp_drill *d, struct rp_drill_answer *a)
{
	extreme(d, a, 1);
}

void
rp_drill_worst(const struct rp_drill *d, struct rp_drill_answer *a)
{
	extreme(d, a, 0);
}

/* ---- scoring ---- */

void
rp_drill_score_release(struct rp_drill_score *s)
{
	free(s->inject);
	free(s->inject_cat);
	memset(s, 0, sizeof(*s));
}

int
rp_drill_score(const struct rp_drill *d, const struct rp_drill_answer *a,
    struct rp_drill_score *s)
{
	size_t i, k;
	int c;

	memset(s, 0, sizeof(*s));
	if ((s->inject = calloc(d->n ? d->n : 1, sizeof(*s->inject))) == NULL ||
	    (s->inject_cat = calloc(d->n ? d->n : 1, sizeof(*s->inject_cat))) == NULL) {
		rp_drill_score_release(s);
		return RP_ERR_NOMEM;
	}
	for (i = 0; i < d->n; i++) {
		const struct rp_drill_inject *in = &d->v[i];
		int earned[RP_DRILL_NCAT] = { 0 };

		if (a[i].answered)
			s->answered++;
		for (k = 0; k < in->nchoices; k++)
			if (a[i].answered && (a[i].picked & (1u << k)))
				earned[in->choices[k].cat] += in->choices[k].points;
		for (c = 0; c < RP_DRILL_NCAT; c++) {
			struct rp_drill_mark *m = &s->inject_cat[i][c];

			/* a trap ticked costs within its category, never below nothing; and no
			 * more than the right answers are worth (see the parser's check) */
			m->max = in->cat_max[c];
			m->points = earned[c] < 0 ? 0 : earned[c] > m->max ? m->max : earned[c];
			m->rating = rp_drill_rate(m->points, m->max);
			s->inject[i].points += m->points;
			s->inject[i].max += m->max;
			s->cat[c].points += m->points;
			s->cat[c].max += m->max;
		}
		s->inject[i].rating = rp_drill_rate(s->inject[i].points, s->inject[i].max);
		s->total.points += s->inject[i].points;
		s->total.max += s->inject[i].max;
	}
	for (c = 0; c < RP_DRILL_NCAT; c++)
		s->cat[c].rating = rp_drill_rate(s->cat[c].points, s->cat[c].max);
	s->total.rating = rp_drill_rate(s->total.points, s->total.max);
	return 0;
}

/* ---- the session ---- */

struct rp_drill_session {
	const struct rp_drill *d;
	struct rp_drill_session_cb cb;
	void *ctx;
	struct rp_drill_answer *a;
};

int
rp_drill_session_new(struct rp_drill_session **out, const struct rp_drill *d,
    const struct rp_drill_session_cb *cb, void *ctx)
{
	struct rp_drill_session *s;

	if (cb == NULL || cb->ask == NULL)
		return RP_ERR_INVALID;
	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (s->a = calloc(d->n ? d->n : 1, sizeof(*s->a))) == NULL) {
		free(s);
		return RP_ERR_NOMEM;
	}
	s->d = d;
	s->cb = *cb;
	s->ctx = ctx;
	*out = s;
	return 0;
}

void
rp_drill_session_free(struct rp_drill_session *s)
{
	if (s == NULL)
		return;
	free(s->a);
	free(s);
}

const struct rp_drill_answer *
rp_drill_session_answers(const struct rp_drill_session *s)
{
	return s->a;
}

int
rp_drill_session_run(struct rp_drill_session *s)
{
	struct rp_buf ans = RP_BUF_INIT;
	struct rp_drill_err err;
	size_t i;
	int r = 0, tries;

	rp_buf_init(&ans, 4096);
	for (i = 0; i < s->d->n; i++) {
		int64_t t0;

		s->a[i].response_ms = -1;
		if (s->cb.on_inject && (r = s->cb.on_inject(s->d, i, s->ctx)) != 0)
			goto out;
		t0 = rp_time_mono_ms();
		for (tries = 0; ; tries++) {
			rp_buf_reset(&ans);
			if ((r = s->cb.ask(s->d, i, &ans, s->ctx)) != 0)
				goto out;
			if (rp_drill_answer_parse(s->d, i, ans.buf, &s->a[i], &err) == 0)
				break;
			if (tries == 4) {
				r = RP_ERR_FORMAT;
				goto out;
			}
			if (s->cb.on_invalid)
				s->cb.on_invalid(s->d, i, err.msg, s->ctx);
		}
		s->a[i].response_ms = rp_time_mono_ms() - t0;
		if (s->cb.on_answer && (r = s->cb.on_answer(s->d, i, &s->a[i], s->ctx)) != 0)
			goto out;
	}
out:
	rp_buf_release(&ans);
	return r;
}
