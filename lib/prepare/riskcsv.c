/* The register's file: rows of asset,value,threat,likelihood,impact,measure,owner. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/data.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/csvread.h"
#include "prepare/risk.h"

enum { C_ASSET, C_VALUE, C_THREAT, C_LIKELIHOOD, C_IMPACT, C_MEASURE, C_OWNER, NCOLS };
static const char *const colnames[NCOLS] = {
	"asset", "value", "threat", "likelihood", "impact", "measure", "owner",
};

void
rp_risk_rows_release(struct rp_risk_rows *rows)
{
	size_t i;

	for (i = 0; rows->v && i < rows->n; i++) {
		free(rows->v[i].asset);
		free(rows->v[i].threat);
		free(rows->v[i].measure);
		free(rows->v[i].owner);
	}
	free(rows->v);
	rows->v = NULL;
	rows->n = 0;
	rows->cap = 0;
}

static int
bad(struct rp_risk_err *err, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int
bad(struct rp_risk_err *err, size_t line, const char *fmt, ...)
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

/* Spaces around a field are a spreadsheet's, not the text's. Returns a copy. */
static char *
trimmed(const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return strndup(s, n);
}

/* A 1..4 scale value; 0 when the field is empty. -1 when it is something else. */
static int
scale(const char *s)
{
	if (*s == '\0')
		return 0;
	if (s[0] >= '1' && s[0] <= '4' && s[1] == '\0')
		return s[0] - '0';
	return -1;
}

/* Why a text field cannot be: NULL when it is fine. */
static const char *
text_problem(const char *s, size_t max)
{
	const unsigned char *p;

	if (strlen(s) > max)
		return "is too long";
	for (p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))
			return "has a line break or a control character";
	return NULL;
}

/* The bounds of the reader: what a register's file needs, with room. */
#define CSV_MAX_FIELDS 32
#define CSV_MAX_FIELD  4096         /* bytes of one field */

struct record {
	size_t line;                /* where it starts */
	size_t n;                   /* fields */
	const char *field[CSV_MAX_FIELDS];   /* valid until the next call */
};

/* The next record of a file typed by hand: the strict reader (a sloppy quote is a
 * mistake to show), every field UTF-8 text without NUL, at most CSV_MAX_FIELD bytes.
 * 1 a record, 0 the end, else the error (explained in err for RP_ERR_FORMAT). */
static int
next_record(struct rp_csvr *c, struct record *rec, struct rp_risk_err *err)
{
	const struct rp_csvr_field *f;
	size_t n, i;
	int r;

	if ((r = rp_csvr_next(c, &f, &n)) <= 0) {
		if (r == RP_ERR_TOOBIG)
			return bad(err, rp_csvr_line(c), "more than %d fields or a field longer "
			    "than %d bytes", CSV_MAX_FIELDS, CSV_MAX_FIELD);
		if (r == RP_ERR_FORMAT)
			return bad(err, rp_csvr_line(c), "%s", rp_csvr_why(c));
		return r;
	}
	rec->line = rp_csvr_line(c);
	rec->n = n;
	for (i = 0; i < n; i++) {
		if (f[i].len > CSV_MAX_FIELD)
			return bad(err, rec->line, "a field longer than %d bytes", CSV_MAX_FIELD);
		if (memchr(f[i].p, '\0', f[i].len) != NULL)
			return bad(err, rec->line, "a NUL byte");
		if (!rp_utf8_valid(f[i].p, f[i].len))
			return bad(err, rec->line, "not UTF-8 text (save the file as UTF-8)");
		rec->field[i] = f[i].p;
	}
	return 1;
}

/* Which column a header names; for the seed, measure.LANG and owner.LANG. -1 unknown,
 * -2 a seed column of another language (ignored). */
static int
column(const char *name, const char *lang, int *en)
{
	char want[32];
	int k;

	*en = 0;
	for (k = 0; k < NCOLS; k++)
		if (strcasecmp(name, colnames[k]) == 0)
			return lang && (k == C_MEASURE || k == C_OWNER) ? -2 : k;
	if (lang == NULL)
		return -1;
	for (k = C_MEASURE; k <= C_OWNER; k++) {
		snprintf(want, sizeof(want), "%s.%s", colnames[k], lang);
		if (strcasecmp(name, want) == 0)
			return k;
		snprintf(want, sizeof(want), "%s.en", colnames[k]);
		if (strcasecmp(name, want) == 0) {
			*en = 1;         /* the fallback */
			return k;
		}
		if (strncasecmp(name, colnames[k], strlen(colnames[k])) == 0 &&
		    name[strlen(colnames[k])] == '.')
			return -2;
	}
	return -1;
}

#define THREAT(w) ((w)->threat ? (w)->threat : "")

static int
row_cmp(const void *a, const void *b)
{
	const struct rp_risk_row *x = *(const struct rp_risk_row *const *)a;
	const struct rp_risk_row *y = *(const struct rp_risk_row *const *)b;
	int c;

	if ((c = strcmp(x->asset, y->asset)) != 0)
		return c;
	/* no threat (an asset's own row) sorts as "": a threat is never empty */
	if ((c = strcmp(THREAT(x), THREAT(y))) != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

/*
 * One value per asset, each asset and threat once: the rows sorted by asset, threat
 * and line (n log n: a file of 10000 rows is checked at once), and the first line in
 * the file that contradicts an earlier one is the error.
 */
static int
consistent(const struct rp_risk_rows *rows, struct rp_risk_err *err)
{
	const struct rp_risk_row **v, *first = NULL, *w, *prev;
	size_t i, j, k, bad_line = 0;
	char msg[256];
	int r = 0;

	if (rows->n < 2)
		return 0;
	if ((v = calloc(rows->n, sizeof(*v))) == NULL)
		return RP_ERR_NOMEM;
	for (i = 0; i < rows->n; i++)
		v[i] = &rows->v[i];
	qsort(v, rows->n, sizeof(*v), row_cmp);
	for (i = 0; i < rows->n; i = j) {
		/* the asset's group, and its first row in the file */
		for (j = i, first = v[i]; j < rows->n && strcmp(v[j]->asset, v[i]->asset) == 0; j++)
			if (v[j]->line < first->line)
				first = v[j];
		for (k = i; k < j; k++) {
			w = v[k];
			prev = k > i && strcmp(THREAT(v[k - 1]), THREAT(w)) == 0 ? v[k - 1] : NULL;
			if (w->value != first->value && (bad_line == 0 || w->line < bad_line)) {
				bad_line = w->line;
				snprintf(msg, sizeof(msg), "asset '%.64s' has value %d here and %d on line %zu",
				    w->asset, w->value, first->value, first->line);
			} else if (prev && (bad_line == 0 || w->line < bad_line)) {
				bad_line = w->line;
				snprintf(msg, sizeof(msg), "'%.64s' / '%.64s' is on line %zu already",
				    w->asset, w->threat ? w->threat : "", prev->line);
			}
		}
	}
	if (bad_line)
		r = bad(err, bad_line, "%s", msg);
	free(v);
	return r;
}

int
rp_risk_csv_parse(const char *text, size_t len, const char *lang,
    struct rp_risk_rows *rows, struct rp_risk_err *err)
{
	static const struct rp_csvr_opts strict = {
		.max_record = CSV_MAX_FIELDS * (CSV_MAX_FIELD + 3),
		.max_fields = CSV_MAX_FIELDS,
		.max_lines = 1000,
		.strict = 1,
	};
	struct rp_csvr *c = NULL;
	char *mac = NULL;
	struct record rec;
	struct rp_risk_row *w;
	int have[NCOLS], fallback[NCOLS];
	size_t i, k, nhead = 0;
	int r, m, e;

	rows->v = NULL;
	rows->n = 0;
	rows->cap = 0;
	if (err) {
		err->line = 0;
		err->msg[0] = '\0';
	}
	/* Excel's "CSV (Macintosh)" ends lines with CR alone: read it as LF */
	if (memchr(text, '\r', len) != NULL && memchr(text, '\n', len) == NULL) {
		if ((mac = malloc(len)) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		for (i = 0; i < len; i++)
			mac[i] = text[i] == '\r' ? '\n' : text[i];
		text = mac;
	}
	if ((r = rp_csvr_new_mem(text, len, &strict, &c)) != 0)
		goto out;
	if ((r = next_record(c, &rec, err)) <= 0) {
		if (r == 0)
			r = bad(err, 0, "empty file: the first line names the columns %s",
			    "asset,value,threat,likelihood,impact,measure,owner");
		goto out;
	}
	/* the header */
	for (k = 0; k < NCOLS; k++)
		have[k] = fallback[k] = -1;
	nhead = rec.n;
	for (i = 0; i < rec.n; i++) {
		char *name = trimmed(rec.field[i]);

		if (name == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		m = column(name, lang, &e);
		if (m == -1) {
			r = bad(err, rec.line, "unknown column '%.64s' (the columns are %s)", name,
			    "asset, value, threat, likelihood, impact, measure, owner");
			free(name);
			goto out;
		}
		if (m >= 0 && (e ? fallback[m] : have[m]) >= 0) {
			r = bad(err, rec.line, "column '%.64s' twice", name);
			free(name);
			goto out;
		}
		if (m >= 0)
			*(e ? &fallback[m] : &have[m]) = (int)i;
		free(name);
	}
	for (k = 0; k <= C_IMPACT; k++)
		if (have[k] < 0) {
			r = bad(err, rec.line, "no column '%s' (the first line names the columns: %s)",
			    colnames[k], "asset,value,threat,likelihood,impact,measure,owner");
			goto out;
		}
	/* the rows */
	while ((r = next_record(c, &rec, err)) == 1) {
		const char *f[NCOLS];
		const char *why;
		int blank = 1;

		for (i = 0; i < rec.n; i++)
			if (rec.field[i][strspn(rec.field[i], " \t")] != '\0')
				blank = 0;
		if (blank)
			continue;           /* a spreadsheet's empty row: ",,,,,," */
		if (rec.n != nhead) {
			r = bad(err, rec.line, "%zu fields, but the first line names %zu columns",
			    rec.n, nhead);
			goto out;
		}
		if (rows->n >= RP_RISK_MAX_ROWS) {
			r = bad(err, rec.line, "more than %d rows", RP_RISK_MAX_ROWS);
			goto out;
		}
		for (k = 0; k < NCOLS; k++) {
			f[k] = have[k] >= 0 ? rec.field[have[k]] : "";
			/* the seed: this language's text, else English */
			if (fallback[k] >= 0 && (have[k] < 0 || f[k][strspn(f[k], " ")] == '\0'))
				f[k] = rec.field[fallback[k]];
		}
		if ((r = RP_ARRAY_GROW(&rows->v, &rows->cap, rows->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
			goto out;
		w = &rows->v[rows->n++];
		memset(w, 0, sizeof(*w));
		w->line = rec.line;
		/* the formula guard of our own export comes off (rp_esc_csv_data) */
		if ((w->asset = trimmed(rp_csv_unguard(f[C_ASSET]))) == NULL ||
		    (w->threat = trimmed(rp_csv_unguard(f[C_THREAT]))) == NULL ||
		    (w->measure = trimmed(rp_csv_unguard(f[C_MEASURE]))) == NULL ||
		    (w->owner = trimmed(rp_csv_unguard(f[C_OWNER]))) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		if (*w->asset == '\0') {
			r = bad(err, rec.line, "no asset");
			goto out;
		}
		if ((why = text_problem(w->asset, RP_RISK_MAX_NAME)) ||
		    (why = text_problem(w->threat, RP_RISK_MAX_NAME)) ||
		    (why = text_problem(w->owner, RP_RISK_MAX_NAME)) ||
		    (why = text_problem(w->measure, RP_RISK_MAX_MEASURE))) {
			r = bad(err, rec.line, "a name or measure %s", why);
			goto out;
		}
		{
			char *vv = trimmed(f[C_VALUE]), *lv = trimmed(f[C_LIKELIHOOD]);
			char *iv = trimmed(f[C_IMPACT]);

			if (vv && lv && iv) {
				w->value = scale(vv);
				w->likelihood = scale(lv);
				w->impact = scale(iv);
			}
			if (!vv || !lv || !iv)
				r = RP_ERR_NOMEM;
			else if (w->value <= 0)
				r = bad(err, rec.line, "value '%.16s' of asset '%.64s' is not 1, 2, 3 or 4",
				    vv, w->asset);
			free(vv);
			free(lv);
			free(iv);
			if (r < 0)
				goto out;
		}
		if (*w->threat == '\0') {
			/* an asset without a threat assessed: nothing else on the row */
			if (w->likelihood || w->impact || *w->measure || *w->owner) {
				r = bad(err, rec.line, "likelihood, impact, measure or owner without a threat");
				goto out;
			}
			free(w->threat);
			w->threat = NULL;
		} else if (w->likelihood <= 0 || w->impact <= 0) {
			r = bad(err, rec.line, "%s of '%.64s' / '%.64s' is not 1, 2, 3 or 4",
			    w->likelihood <= 0 ? "likelihood" : "impact", w->asset, w->threat);
			goto out;
		}
		if (*w->measure == '\0') {
			free(w->measure);
			w->measure = NULL;
		}
		if (*w->owner == '\0') {
			free(w->owner);
			w->owner = NULL;
		}
	}
	if (r == 0)
		r = consistent(rows, err);
out:
	rp_csvr_free(c);
	free(mac);
	if (r < 0)
		rp_risk_rows_release(rows);
	return r < 0 ? r : 0;
}

int
rp_risk_seed(const char *data_dir, const char *sector, const char *lang,
    struct rp_risk_rows *rows, struct rp_risk_err *err, const char **file)
{
	static const struct { const char *sector, *file; } seeds[] = {
		{ "medical-practice", "risk/medical-practice.csv" },
		{ "hospital", "risk/medical-practice.csv" },
	};
	const char *name = "risk/other.csv";
	struct rp_buf b = RP_BUF_INIT;
	size_t i;
	int r;

	for (i = 0; sector && i < sizeof(seeds) / sizeof(seeds[0]); i++)
		if (strcmp(seeds[i].sector, sector) == 0)
			name = seeds[i].file;
	if (file)
		*file = name;
	if ((r = rp_data_load(data_dir, name, &b)) == 0)
		r = rp_risk_csv_parse(b.buf, b.len, lang ? lang : "en", rows, err);
	rp_buf_release(&b);
	return r;
}
