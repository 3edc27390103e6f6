/* Fuzzes the strict CSV reader and the risk register's file (risk import, the seeds): the
 * input as an import and as a seed in German. Properties: a refused file names a line
 * and returns no row; every row read has values 1..4 and one-line names; a register
 * made of the rows exports to a file that reads back to the same rows. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/time.h"
#include "core/csvread.h"
#include "prepare/risk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* rows -> a register (assets without a threat apart), as rp_risk_load would give it */
static void
roundtrip(const struct rp_risk_rows *rows)
{
	struct rp_register reg;
	struct rp_risk_rows back;
	struct rp_risk_err e;
	struct rp_buf out = RP_BUF_INIT;
	size_t i, j, n = 0, na = 0;

	memset(&reg, 0, sizeof(reg));
	if ((reg.v = calloc(rows->n + 1, sizeof(*reg.v))) == NULL ||
	    (reg.assets = calloc(rows->n + 1, sizeof(*reg.assets))) == NULL)
		goto out;
	for (i = 0; i < rows->n; i++) {
		const struct rp_risk_row *w = &rows->v[i];

		if (w->threat) {
			reg.v[n].asset = w->asset;
			reg.v[n].value = w->value;
			reg.v[n].threat = w->threat;
			reg.v[n].likelihood = w->likelihood;
			reg.v[n].impact = w->impact;
			reg.v[n].measure = w->measure;
			reg.v[n].owner = w->owner;
			reg.v[n].raised_at = RP_TIME_UNSET;
			n++;
		} else {
			reg.assets[na].name = w->asset;
			reg.assets[na].value = w->value;
			na++;
		}
	}
	reg.n = n;
	reg.nassets = na;
	rp_risk_rank(reg.v, reg.n);
	if (rp_risk_export(&reg, 1, &out) != 0)
		goto out;
	if (rp_risk_csv_parse(out.buf, out.len, NULL, &back, &e) != 0)
		abort();                      /* our own export must read back */
	if (back.n != rows->n)
		abort();
	for (i = 0; i < back.n; i++) {
		/* find the same row: order differs (ranked, then bare assets) */
		for (j = 0; j < rows->n; j++)
			if (strcmp(rows->v[j].asset, back.v[i].asset) == 0 &&
			    same(rows->v[j].threat, back.v[i].threat))
				break;
		if (j == rows->n || rows->v[j].value != back.v[i].value ||
		    rows->v[j].likelihood != back.v[i].likelihood ||
		    rows->v[j].impact != back.v[i].impact ||
		    !same(rows->v[j].measure, back.v[i].measure) ||
		    !same(rows->v[j].owner, back.v[i].owner))
			abort();
	}
	rp_risk_rows_release(&back);
out:
	free(reg.v);
	free(reg.assets);
	rp_buf_release(&out);
}

static void
check(const struct rp_risk_rows *rows)
{
	size_t i;
	const char *p;

	for (i = 0; i < rows->n; i++) {
		const struct rp_risk_row *w = &rows->v[i];

		if (w->value < 1 || w->value > 4 || w->line < 2 || !*w->asset)
			abort();
		if (w->threat && (w->likelihood < 1 || w->likelihood > 4 || w->impact < 1 ||
		    w->impact > 4))
			abort();
		for (p = w->asset; *p; p++)
			if ((unsigned char)*p < 0x20)
				abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_risk_rows rows;
	struct rp_risk_err e;
	static const struct rp_csvr_opts strict = { .max_record = 4096, .max_fields = 32,
		.max_lines = 16, .strict = 1 };
	const struct rp_csvr_field *f;
	struct rp_csvr *c;
	size_t last = 0, n;
	int r;

	/* the strict reader alone: lines only go forward, a refusal names one and says
	 * why, and it is the end */
	if (rp_csvr_new_mem((const char *)data, size, &strict, &c) != 0)
		return 0;
	while ((r = rp_csvr_next(c, &f, &n)) == 1) {
		if (rp_csvr_line(c) < last || n == 0 || n > 32)
			abort();
		last = rp_csvr_line(c);
	}
	if ((r == RP_ERR_FORMAT || r == RP_ERR_TOOBIG) &&
	    (rp_csvr_why(c) == NULL || rp_csvr_line(c) < 1 || rp_csvr_next(c, &f, &n) != 0))
		abort();
	rp_csvr_free(c);

	r = rp_risk_csv_parse((const char *)data, size, NULL, &rows, &e);
	if (r == 0) {
		check(&rows);
		roundtrip(&rows);
		rp_risk_rows_release(&rows);
	} else if (rows.n != 0 || rows.v != NULL || (r == RP_ERR_FORMAT && e.msg[0] == '\0')) {
		abort();
	}
	if (rp_risk_csv_parse((const char *)data, size, "de", &rows, &e) == 0) {
		check(&rows);
		rp_risk_rows_release(&rows);
	}
	return 0;
}
