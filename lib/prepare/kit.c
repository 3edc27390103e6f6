/* The awareness kit: its index and order, the sheet format, the quiz and its results. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "core/array.h"
#include "core/data.h"
#include "core/err.h"
#include "core/escape.h"
#include "prepare/doc.h"
#include "prepare/kit.h"
#include "prepare/risk.h"
#include "store/store.h"

#define SHEET_MAX_LINE   2000
#define SHEET_MAX_BLOCKS 400
#define QUIZ_ANSWERS_MAX (16 * 1024)

static int
good_id(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > RP_KIT_MAX_ID || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/* ---- the index ---- */

int
rp_kit_index(const char *data_dir, struct rp_kit_doc **docs, size_t *n)
{
	static const struct { const char *name; double w, h; } papers[] = {
		{ "A4", 595, 842 }, { "A5", 420, 595 }, { "A3", 842, 1191 },
	};
	static const char *const kinds[] = { "sheet", "memo", "poster", "quiz", "answers", NULL };
	struct rp_buf t = RP_BUF_INIT;
	struct rp_ini *ini = NULL;
	struct rp_kit_doc *v = NULL;
	size_t i, k, nv = 0;
	int r, line;

	*docs = NULL;
	*n = 0;
	if ((r = rp_data_load(data_dir, "kit/kit.ini", &t)) != 0 ||
	    (r = rp_ini_parse(t.buf, t.len, &ini, &line)) != 0)
		goto out;
	if ((v = calloc(RP_KIT_MAX_DOCS, sizeof(*v))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (i = 0; i < rp_ini_nsections(ini); i++) {
		const char *s = rp_ini_section(ini, i), *kind, *th, *paper, *sc;
		struct rp_kit_doc *d;
		char *end;
		long pct;

		if (strncmp(s, "doc ", 4) != 0 || !good_id(s + 4) || nv == RP_KIT_MAX_DOCS) {
			r = RP_ERR_FORMAT;
			goto out;
		}
		d = &v[nv++];
		snprintf(d->name, sizeof(d->name), "%s", s + 4);
		kind = rp_ini_section_get(ini, i, "kind");
		for (k = 0; kinds[k] && (kind == NULL || strcmp(kinds[k], kind) != 0); k++)
			;
		if (kinds[k] == NULL) {
			r = RP_ERR_FORMAT;
			goto out;
		}
		d->kind = (int)k;
		th = rp_ini_section_get(ini, i, "threats");
		snprintf(d->threats, sizeof(d->threats), "%s", th ? th : "");
		paper = rp_ini_section_get(ini, i, "paper");
		for (k = 0; k < 3 && strcmp(papers[k].name, paper ? paper : "A4") != 0; k++)
			;
		if (k == 3) {
			r = RP_ERR_FORMAT;
			goto out;
		}
		d->paper = papers[k].name;
		d->page_w = papers[k].w;
		d->page_h = papers[k].h;
		d->scale = 1.0;
		if ((sc = rp_ini_section_get(ini, i, "scale")) != NULL) {
			/* percent: no locale-dependent decimal point in a data file */
			pct = strtol(sc, &end, 10);
			if (*sc == '\0' || *end || pct < 50 || pct > 400) {
				r = RP_ERR_FORMAT;
				goto out;
			}
			d->scale = (double)pct / 100.0;
		}
	}
	*docs = v;
	*n = nv;
	v = NULL;
	r = 0;
out:
	free(v);
	rp_ini_free(ini);
	rp_buf_release(&t);
	return r;
}

/* ---- the order ---- */

/* Whether word is one of the space-separated words of list. */
static int
has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = list; (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

static int
before(const struct rp_kit_doc *a, size_t ia, const struct rp_kit_doc *b, size_t ib)
{
	int sa = a->kind == RP_KIT_SHEET, sb = b->kind == RP_KIT_SHEET;

	if (sa != sb)
		return sa;                       /* the sheets first */
	if (sa) {
		if (a->incident != b->incident)
			return a->incident;
		if ((a->rank != 0) != (b->rank != 0))
			return a->rank != 0;
		if (a->rank != b->rank)
			return a->rank < b->rank;
	}
	return ia < ib;
}

void
rp_kit_order(struct rp_kit_doc *docs, size_t n, const struct rp_register *reg,
    const char *const *incidents, const char *const *incident_src, size_t nincidents)
{
	struct rp_kit_doc tmp;
	size_t idx[RP_KIT_MAX_DOCS], ti, i, j, k;

	if (n > RP_KIT_MAX_DOCS)
		n = RP_KIT_MAX_DOCS;
	for (i = 0; i < n; i++) {
		struct rp_kit_doc *d = &docs[i];

		idx[i] = i;
		d->incident = 0;
		d->rank = 0;
		d->why[0] = '\0';
		if (d->kind != RP_KIT_SHEET)
			continue;
		for (k = 0; k < nincidents; k++)
			if (has_word(d->threats, incidents[k])) {
				d->incident = 1;
				snprintf(d->why, sizeof(d->why), "past incident (%s: %s)",
				    incident_src ? incident_src[k] : "case", incidents[k]);
				break;
			}
		for (k = 0; reg && k < reg->n; k++)
			if (has_word(d->threats, reg->v[k].threat)) {
				d->rank = reg->v[k].rank;
				if (!d->incident)
					snprintf(d->why, sizeof(d->why), "risk #%zu: %.60s / %.60s, score %d",
					    reg->v[k].rank, reg->v[k].asset, reg->v[k].threat,
					    reg->v[k].score);
				break;           /* the register is ranked: the first is the best */
			}
	}
	/* insertion sort: stable, and n is small */
	for (i = 1; i < n; i++) {
		tmp = docs[i];
		ti = idx[i];
		for (j = i; j > 0 && before(&tmp, ti, &docs[j - 1], idx[j - 1]); j--) {
			docs[j] = docs[j - 1];
			idx[j] = idx[j - 1];
		}
		docs[j] = tmp;
		idx[j] = ti;
	}
}

void
rp_kit_strings_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

struct incidents {
	char **threats, **sources;
	size_t n, capt, caps;
};

static int
incident_entry(const struct rp_risk_entry *e, void *ctx)
{
	struct incidents *I = ctx;
	size_t i;
	int r;

	if (strcmp(e->action, "raise") != 0 || e->threat == NULL || e->source == NULL ||
	    strncmp(e->source, "case ", 5) != 0)
		return 0;
	for (i = 0; i < I->n; i++)
		if (strcmp(I->threats[i], e->threat) == 0) {
			/* seen: the later incident takes its place at the end (most recent first,
			 * once reversed) */
			free(I->threats[i]);
			free(I->sources[i]);
			memmove(&I->threats[i], &I->threats[i + 1], (I->n - i - 1) * sizeof(char *));
			memmove(&I->sources[i], &I->sources[i + 1], (I->n - i - 1) * sizeof(char *));
			I->n--;
			break;
		}
	if ((r = RP_ARRAY_GROW(&I->threats, &I->capt, I->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0 ||
	    (r = RP_ARRAY_GROW(&I->sources, &I->caps, I->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	I->threats[I->n] = strdup(e->threat);
	I->sources[I->n] = strdup(e->source);
	I->n++;
	return I->threats[I->n - 1] && I->sources[I->n - 1] ? 0 : RP_ERR_NOMEM;
}

int
rp_kit_incidents(struct rp_store *st, char ***threats, char ***sources, size_t *n)
{
	struct incidents I = { NULL, NULL, 0, 0, 0 };
	size_t i;
	int r;

	*threats = *sources = NULL;
	*n = 0;
	if ((r = rp_risk_journal_each(st, incident_entry, &I)) != 0) {
		rp_kit_strings_free(I.threats, I.n);
		rp_kit_strings_free(I.sources, I.n);
		return r;
	}
	for (i = 0; i < I.n / 2; i++) {             /* most recent first */
		char *t = I.threats[i], *s = I.sources[i];

		I.threats[i] = I.threats[I.n - 1 - i];
		I.sources[i] = I.sources[I.n - 1 - i];
		I.threats[I.n - 1 - i] = t;
		I.sources[I.n - 1 - i] = s;
	}
	*threats = I.threats;
	*sources = I.sources;
	*n = I.n;
	return 0;
}

int
rp_kit_color(const char *s, unsigned *rgb)
{
	unsigned v = 0;
	int i;

	if (s == NULL || s[0] != '#' || strlen(s) != 7)
		return RP_ERR_FORMAT;
	for (i = 1; i < 7; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return RP_ERR_FORMAT;
	}
	*rgb = v;
	return 0;
}

/* ---- filling a sheet ---- */

static const char *
word(const struct rp_kit_fill *f, const char *sec, const char *key)
{
	const char *v = rp_ini_get(f->words, sec, key);

	return v ? v : "";
}

static const char *
site_get(const struct rp_kit_fill *f, const char *sec, const char *key)
{
	const char *v = rp_ini_get(f->site, sec, key);

	return v && *v ? v : NULL;
}

static const char *
or_blank(const struct rp_kit_fill *f, const char *v)
{
	return v ? v : word(f, "fill", "blank");
}

/* The data-protection contact: [contact dpo], else the lawyer. */
static const char *
dpo_sec(const struct rp_kit_fill *f)
{
	return site_get(f, "contact dpo", "name") == NULL && site_get(f, "contact lawyer", "name") ?
	    "contact lawyer" : "contact dpo";
}

static const char *
insurer_phone(const struct rp_kit_fill *f)
{
	const char *v = site_get(f, "insurance", "hotline");

	return v ? v : site_get(f, "contact insurer", "phone");
}

static const char *
insurer_name(const struct rp_kit_fill *f)
{
	const char *v = site_get(f, "insurance", "insurer");

	return v ? v : site_get(f, "contact insurer", "name");
}

static int
fill(const struct rp_kit_fill *f, struct rp_buf *out, const char *tmpl)
{
	const char *dpo = dpo_sec(f);

	return rp_doc_fill(out, tmpl,
	    "site", or_blank(f, f->site_name),
	    "it-provider", or_blank(f, site_get(f, "contact it-provider", "name")),
	    "it-provider.phone", or_blank(f, site_get(f, "contact it-provider", "phone")),
	    "it-provider.email", or_blank(f, site_get(f, "contact it-provider", "email")),
	    "insurer", or_blank(f, insurer_name(f)),
	    "insurer.phone", or_blank(f, insurer_phone(f)),
	    "policy", or_blank(f, site_get(f, "insurance", "policy")),
	    "dpo", or_blank(f, site_get(f, dpo, "name")),
	    "dpo.phone", or_blank(f, site_get(f, dpo, "phone")),
	    "police.phone", or_blank(f, site_get(f, "contact police", "phone")),
	    "bank", or_blank(f, site_get(f, "contact bank", "name")),
	    "bank.phone", or_blank(f, site_get(f, "contact bank", "phone")),
	    NULL);
}

/* The table of whom to call, from riposte.conf. */
static int
contacts(const struct rp_kit_fill *f, struct rp_buf *doc)
{
	static const char *const roles[] = { "it-provider", "insurer", "dpo", "police", "bank" };
	struct rp_buf name = RP_BUF_INIT;
	size_t i;
	int r;

	if ((r = rp_doc_add(doc, 'T', 3, word(f, "contacts", "who"), word(f, "contacts", "name"),
	    word(f, "contacts", "phone"))) != 0)
		return r;
	for (i = 0; i < sizeof(roles) / sizeof(roles[0]) && r == 0; i++) {
		const char *n, *ph;
		char sec[40];

		rp_buf_reset(&name);
		if (strcmp(roles[i], "insurer") == 0) {
			n = insurer_name(f);
			ph = insurer_phone(f);
			if (n && site_get(f, "insurance", "policy"))
				r = rp_buf_addf(&name, "%s · %s %s", n, word(f, "contacts", "policy"),
				    site_get(f, "insurance", "policy"));
			else
				r = rp_buf_addstr(&name, or_blank(f, n));
		} else {
			snprintf(sec, sizeof(sec), "%s", strcmp(roles[i], "dpo") == 0 ? dpo_sec(f) :
			    strcmp(roles[i], "it-provider") == 0 ? "contact it-provider" :
			    strcmp(roles[i], "police") == 0 ? "contact police" : "contact bank");
			n = site_get(f, sec, "name");
			ph = site_get(f, sec, "phone");
			r = rp_buf_addstr(&name, or_blank(f, n));
		}
		if (r == 0)
			r = rp_doc_add(doc, 'r', 3, word(f, "contacts", roles[i]), name.buf,
			    or_blank(f, ph));
	}
	rp_buf_release(&name);
	return r;
}

/* ---- the sheet format ---- */

int
rp_kit_sheet_parse(const char *text, size_t len, const struct rp_kit_fill *f,
    struct rp_buf *doc, char *title, size_t *errline)
{
	struct rp_buf para = RP_BUF_INIT, t = RP_BUF_INIT;
	const char *p = text, *end = text + len, *nl;
	size_t line = 0, blocks = 0, i;
	int r = 0, have_title = 0;

	if (title)
		title[0] = '\0';
	if (len > RP_KIT_SHEET_MAX) {
		line = 0;
		r = RP_ERR_TOOBIG;
		goto out;
	}
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
#define FLUSH() do { \
		if (para.len) { \
			if ((r = fill(f, &t, para.buf)) != 0 || (r = rp_doc_add(doc, 'p', 1, t.buf)) != 0) \
				goto out; \
			rp_buf_reset(&para); \
			blocks++; \
		} \
	} while (0)
	for (; p < end; p = nl + 1) {
		size_t n;

		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (n && p[n - 1] == '\r')
			n--;
		if (n > SHEET_MAX_LINE || !rp_utf8_valid(p, n)) {
			r = RP_ERR_FORMAT;
			goto out;
		}
		for (i = 0; i < n; i++)
			if (((unsigned char)p[i] < 0x20 && p[i] != '\t') || p[i] == 0x7f) {
				r = RP_ERR_FORMAT;
				goto out;
			}
		if (blocks > SHEET_MAX_BLOCKS) {
			r = RP_ERR_TOOBIG;
			goto out;
		}
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n && p[0] == '%')
			goto next;                  /* a comment */
		if (n == 0) {
			FLUSH();
			goto next;
		}
		rp_buf_reset(&t);
		if (n > 2 && p[0] == '#' && p[1] == ' ') {
			FLUSH();
			if (have_title || blocks) {
				r = RP_ERR_FORMAT;      /* one title, first */
				goto out;
			}
			if ((r = rp_buf_add(&para, p + 2, n - 2)) != 0 || (r = fill(f, &t, para.buf)) != 0 ||
			    (r = rp_doc_add(doc, 'H', 1, t.buf)) != 0)
				goto out;
			if (title)
				snprintf(title, 256, "%s", t.buf);
			rp_buf_reset(&para);
			have_title = 1;
			blocks++;
		} else if (n > 3 && memcmp(p, "## ", 3) == 0) {
			FLUSH();
			if ((r = rp_buf_add(&para, p + 3, n - 3)) != 0 || (r = fill(f, &t, para.buf)) != 0 ||
			    (r = rp_doc_add(doc, 'h', 1, t.buf)) != 0)
				goto out;
			rp_buf_reset(&para);
			blocks++;
		} else if (n > 2 && p[0] == '!' && p[1] == ' ') {
			FLUSH();
			if ((r = rp_buf_add(&para, p + 2, n - 2)) != 0 || (r = fill(f, &t, para.buf)) != 0 ||
			    (r = rp_doc_add(doc, 'b', 1, t.buf)) != 0)
				goto out;
			rp_buf_reset(&para);
			blocks++;
		} else if (n > 2 && p[0] == '-' && p[1] == ' ') {
			const char *s = p + 2, *e = p + n, *close;

			FLUSH();
			if ((r = rp_buf_add(&para, s, (size_t)(e - s))) != 0 || (r = fill(f, &t, para.buf)) != 0)
				goto out;
			/* "**Label** rest": a bold label */
			if (t.len > 4 && memcmp(t.buf, "**", 2) == 0 &&
			    (close = strstr(t.buf + 2, "**")) != NULL && close > t.buf + 2) {
				struct rp_buf lab = RP_BUF_INIT;
				const char *rest = close + 2;

				r = rp_buf_add(&lab, t.buf + 2, (size_t)(close - t.buf - 2));
				/* "**Label**, rest": the stop goes with the label, not after a space */
				while (r == 0 && (*rest == ',' || *rest == ';' || *rest == ':' || *rest == '.'))
					r = rp_buf_addch(&lab, *rest++);
				while (*rest == ' ')
					rest++;
				if (r == 0)
					r = rp_doc_add(doc, 'l', 2, lab.buf, rest);
				rp_buf_release(&lab);
			} else {
				r = rp_doc_add(doc, 'l', 1, t.buf);
			}
			if (r != 0)
				goto out;
			rp_buf_reset(&para);
			blocks++;
		} else if (n == 12 && memcmp(p, "{{contacts}}", 12) == 0) {
			FLUSH();
			if ((r = contacts(f, doc)) != 0)
				goto out;
			blocks++;
		} else {
			if ((para.len && (r = rp_buf_addch(&para, ' ')) != 0) ||
			    (r = rp_buf_add(&para, p, n)) != 0)
				goto out;
		}
next:
		if (nl == end)
			break;
	}
	FLUSH();
#undef FLUSH
	if (!have_title) {
		r = RP_ERR_FORMAT;
		line = 0;
	}
out:
	if (r != 0 && errline)
		*errline = line;
	rp_buf_release(&para);
	rp_buf_release(&t);
	return r;
}

/* ---- the quiz ---- */

void
rp_quiz_free(struct rp_quiz *q)
{
	if (q == NULL)
		return;
	rp_ini_free(q->ini);
	free(q);
}

/* "[q3]: what", or what alone when where is NULL. */
static int
qfail(char *msg, const char *where, const char *what)
{
	if (msg)
		snprintf(msg, 256, "%s%s%s%s", where ? "[" : "", where ? where : "", where ? "]: " : "",
		    what);
	return RP_ERR_FORMAT;
}

int
rp_quiz_parse(const char *text, size_t len, struct rp_quiz **out, char *msg)
{
	struct rp_quiz *q;
	size_t i;
	int r, line, k;

	if (msg)
		msg[0] = '\0';
	if (len > RP_KIT_SHEET_MAX)
		return qfail(msg, NULL, "more than 64 KiB");
	if ((q = calloc(1, sizeof(*q))) == NULL)
		return RP_ERR_NOMEM;
	if ((r = rp_ini_parse(text, len, &q->ini, &line)) != 0) {
		if (r == RP_ERR_FORMAT)
			qfail(msg, NULL, "not the INI format");
		goto out;
	}
	q->title = rp_ini_get(q->ini, "quiz", "title");
	q->intro = rp_ini_get(q->ini, "quiz", "intro");
	if (q->title == NULL || q->intro == NULL) {
		r = qfail(msg, "quiz", "needs a title and an intro");
		goto out;
	}
	for (i = 0; i < rp_ini_nsections(q->ini); i++) {
		const char *s = rp_ini_section(q->ini, i), *ans;
		struct rp_quiz_q *x;
		char want[16], key[2] = { 'a', '\0' };

		if (strcmp(s, "quiz") == 0)
			continue;
		snprintf(want, sizeof(want), "q%d", q->n + 1);
		if (strcmp(s, want) != 0 || q->n == RP_QUIZ_MAX_Q) {
			r = qfail(msg, s, "the questions are [q1], [q2], ... in order, at most 30");
			goto out;
		}
		x = &q->q[q->n++];
		x->text = rp_ini_section_get(q->ini, i, "text");
		x->why = rp_ini_section_get(q->ini, i, "why");
		for (k = 0; k < RP_QUIZ_MAX_OPTIONS; k++) {
			key[0] = (char)('a' + k);
			if ((x->option[k] = rp_ini_section_get(q->ini, i, key)) == NULL)
				break;
			x->noptions++;
		}
		ans = rp_ini_section_get(q->ini, i, "answer");
		if (x->text == NULL || x->why == NULL || x->noptions < 2 || ans == NULL ||
		    strlen(ans) != 1 || ans[0] < 'a' || ans[0] >= 'a' + x->noptions) {
			r = qfail(msg, s, "text, answers a, b (c, ...), answer (one of them) and why");
			goto out;
		}
		x->answer = ans[0] - 'a';
	}
	if (q->n == 0) {
		r = qfail(msg, NULL, "no question");
		goto out;
	}
	*out = q;
	q = NULL;
	r = 0;
out:
	rp_quiz_free(q);
	return r;
}

int
rp_quiz_load(const char *data_dir, const char *lang, struct rp_quiz **out)
{
	struct rp_buf t = RP_BUF_INIT;
	char name[32];
	int r;

	snprintf(name, sizeof(name), "kit/%s/quiz.ini", lang);
	if ((r = rp_data_load(data_dir, name, &t)) == 0)
		r = rp_quiz_parse(t.buf, t.len, out, NULL);
	rp_buf_release(&t);
	return r;
}

int
rp_quiz_answers_parse(const struct rp_quiz *q, const char *text, size_t len, int *answers,
    size_t *errline, char *msg)
{
	const char *p = text, *end = text + len, *nl;
	size_t line = 0;
	int i;

	for (i = 0; i < q->n; i++)
		answers[i] = -1;
#define AFAIL(m) do { if (errline) *errline = line; if (msg) snprintf(msg, 256, "%s", m); \
	return RP_ERR_FORMAT; } while (0)
	if (len > QUIZ_ANSWERS_MAX)
		AFAIL("more than 16 KiB");
	for (; p < end; p = nl + 1) {
		const char *s, *colon;
		long num = 0;
		int digits = 0;

		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (memchr(p, '\0', (size_t)(nl - p)))
			AFAIL("a NUL byte");
		for (s = p; s < nl && (*s == ' ' || *s == '\t' || *s == '\r'); s++)
			;
		if (s == nl || *s == '#')
			goto next;
		if ((colon = memchr(s, ':', (size_t)(nl - s))) == NULL)
			AFAIL("expected QUESTION: ANSWER (\"3: b\")");
		if (*s == 'q' || *s == 'Q')
			s++;
		for (; s < colon && *s >= '0' && *s <= '9' && digits < 4; s++, digits++)
			num = num * 10 + (*s - '0');
		while (s < colon && (*s == ' ' || *s == '\t'))
			s++;
		if (digits == 0 || s != colon || num < 1 || num > q->n)
			AFAIL("not the number of a question of the quiz");
		if (answers[num - 1] != -1)
			AFAIL("a question answered twice");
		for (s = colon + 1; s < nl && (*s == ' ' || *s == '\t'); s++)
			;
		{
			const char *e = nl;
			char c;

			while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
				e--;
			if (e - s != 1)
				AFAIL("one answer, its letter (a, b, c...)");
			c = (char)(*s | 0x20);
			if (c < 'a' || c >= 'a' + q->q[num - 1].noptions)
				AFAIL("not a letter of that question's answers");
			answers[num - 1] = c - 'a';
		}
next:
		if (nl == end)
			break;
	}
#undef AFAIL
	return 0;
}

int
rp_quiz_score(const struct rp_quiz *q, const int *answers)
{
	int i, n = 0;

	for (i = 0; i < q->n; i++)
		n += answers[i] == q->q[i].answer;
	return n;
}

int
rp_quiz_doc(const struct rp_quiz *q, const struct rp_kit_fill *f, int with_answers,
    struct rp_buf *doc, char *title)
{
	struct rp_buf t = RP_BUF_INIT, a = RP_BUF_INIT;
	int r, i, k;

	if ((r = with_answers ? rp_buf_addf(&t, "%s · %s", q->title, word(f, "quiz", "answers")) :
	    rp_buf_addstr(&t, q->title)) != 0 || (r = rp_doc_add(doc, 'H', 1, t.buf)) != 0)
		goto out;
	if (title)
		snprintf(title, 256, "%s", t.buf);
	if (!with_answers && ((r = fill(f, &t, q->intro)) != 0 || (r = rp_doc_add(doc, 'p', 1, t.buf)) != 0 ||
	    (r = rp_doc_add(doc, 'p', 1, word(f, "quiz", "name-line"))) != 0))
		goto out;
	if (with_answers && (r = rp_doc_add(doc, 'p', 1, word(f, "quiz", "answers-intro"))) != 0)
		goto out;
	for (i = 0; i < q->n; i++) {
		const struct rp_quiz_q *x = &q->q[i];
		char num[16];

		snprintf(num, sizeof(num), "%d.", i + 1);
		if (with_answers) {
			rp_buf_reset(&a);
			if ((r = rp_buf_addf(&a, "%c) %s — %s", 'a' + x->answer, x->option[x->answer],
			    x->why)) != 0 || (r = rp_doc_add(doc, 'l', 2, num, a.buf)) != 0)
				goto out;
			continue;
		}
		if ((r = rp_doc_add(doc, 'l', 2, num, x->text)) != 0)
			goto out;
		for (k = 0; k < x->noptions; k++) {
			rp_buf_reset(&a);
			/* U+2610 ballot box: a box to tick on paper */
			if ((r = rp_buf_addf(&a, "\xe2\x98\x90 %c) %s", 'a' + k, x->option[k])) != 0 ||
			    (r = rp_doc_add(doc, 'p', 1, a.buf)) != 0)
				goto out;
		}
	}
out:
	rp_buf_release(&t);
	rp_buf_release(&a);
	return r;
}

/* ---- results ---- */

static const struct rp_migration migrations[] = {
	{ 1,
	  "CREATE TABLE kit_quiz("
	  "  id INTEGER PRIMARY KEY,"
	  "  time INTEGER NOT NULL,"
	  "  person TEXT NOT NULL,"
	  "  lang TEXT NOT NULL,"
	  "  score INTEGER NOT NULL,"
	  "  max INTEGER NOT NULL,"
	  "  answers TEXT NOT NULL,"
	  "  actor TEXT NOT NULL"
	  ");"
	  "CREATE TRIGGER kit_quiz_no_update BEFORE UPDATE ON kit_quiz "
	  "  BEGIN SELECT RAISE(ABORT, 'quiz results are append-only'); END;"
	  "CREATE TRIGGER kit_quiz_no_delete BEFORE DELETE ON kit_quiz "
	  "  BEGIN SELECT RAISE(ABORT, 'quiz results are append-only'); END;" },
};

int
rp_kit_migrate(struct rp_store *st)
{
	return rp_store_migrate(st, "kit", migrations, sizeof(migrations) / sizeof(migrations[0]));
}

int
rp_kit_quiz_save(struct rp_store *st, const struct rp_quiz *q, const int *answers,
    const char *person, const char *lang, int64_t now, const char *actor, int64_t *id)
{
	struct rp_buf a = RP_BUF_INIT;
	struct rp_stmt *s = NULL;
	int r, i;

	for (i = 0, r = 0; i < q->n && r == 0; i++)
		r = rp_buf_addf(&a, "%s%d:%c", i ? " " : "", i + 1, answers[i] < 0 ? '-' :
		    'a' + answers[i]);
	if (r != 0 || (r = rp_kit_migrate(st)) != 0 ||
	    (r = rp_stmt_prepare(st, "INSERT INTO kit_quiz(time, person, lang, score, max, answers, "
	    "actor) VALUES(?,?,?,?,?,?,?)", &s)) != 0)
		goto out;
	if ((r = rp_stmt_bind_int64(s, 1, now)) == 0 && (r = rp_stmt_bind_text(s, 2, person)) == 0 &&
	    (r = rp_stmt_bind_text(s, 3, lang)) == 0 &&
	    (r = rp_stmt_bind_int64(s, 4, rp_quiz_score(q, answers))) == 0 &&
	    (r = rp_stmt_bind_int64(s, 5, q->n)) == 0 && (r = rp_stmt_bind_text(s, 6, a.buf)) == 0 &&
	    (r = rp_stmt_bind_text(s, 7, actor ? actor : "unknown")) == 0 &&
	    (r = rp_stmt_step(s)) >= 0) {
		r = 0;
		if (id)
			*id = rp_store_last_id(st);
	}
out:
	rp_stmt_free(s);
	rp_buf_release(&a);
	return r;
}

int
rp_kit_quiz_each(struct rp_store *st, int (*fn)(const struct rp_quiz_result *r, void *ctx),
    void *ctx)
{
	struct rp_quiz_result q;
	struct rp_stmt *s = NULL;
	int r;

	if ((r = rp_kit_migrate(st)) != 0 ||
	    (r = rp_stmt_prepare(st, "SELECT id, time, person, lang, actor, score, max, answers "
	    "FROM kit_quiz ORDER BY id", &s)) != 0)
		return r;
	while ((r = rp_stmt_step(s)) == 1) {
		q.id = rp_stmt_int64(s, 0);
		q.time = rp_stmt_int64(s, 1);
		q.person = rp_stmt_text(s, 2);
		q.lang = rp_stmt_text(s, 3);
		q.actor = rp_stmt_text(s, 4);
		q.score = (int)rp_stmt_int64(s, 5);
		q.max = (int)rp_stmt_int64(s, 6);
		q.answers = rp_stmt_text(s, 7);
		if ((r = fn(&q, ctx)) != 0)
			break;
	}
	rp_stmt_free(s);
	return r;
}
