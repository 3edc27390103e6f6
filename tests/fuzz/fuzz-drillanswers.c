/* Fuzzes the answers file of a paper exercise (`drill run --answers FILE`: one line per
 * inject, INJECT: CHOICE[,CHOICE...]) against every built-in scenario. Properties: a
 * refused file names a line (or the file as a whole: its size); an accepted one gives
 * valid answers (known choices, one in a pick-one inject) whose score stays within the
 * maximum, and written back as a file it reads back to the same answers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "prepare/drill.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct rp_drill *drills[8];
static size_t ndrills;

static int
load(const char *name, const char *text, size_t len, void *ctx)
{
	struct rp_drill_err err;

	(void)ctx;
	if (ndrills < 8 && rp_drill_parse(text, len, name, "fr", &drills[ndrills], &err) == 0)
		ndrills++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_drill_answer a[RP_DRILL_MAX_INJECTS], b[RP_DRILL_MAX_INJECTS];
	struct rp_drill_err err;
	struct rp_drill_score s;
	struct rp_buf file = RP_BUF_INIT;
	size_t k, i;

	if (ndrills == 0)
		rp_drill_each_builtin(load, NULL);
	for (k = 0; k < ndrills; k++) {
		const struct rp_drill *d = drills[k];

		if (rp_drill_answers_parse(d, (const char *)data, size, a, &err) != 0) {
			if (err.line == 0 && size <= RP_DRILL_ANSWERS_MAX)
				abort();
			continue;
		}
		for (i = 0; i < d->n; i++) {
			if (a[i].picked >> d->v[i].nchoices)
				abort();
			if (!d->v[i].all && a[i].answered && __builtin_popcount(a[i].picked) != 1)
				abort();
		}
		if (rp_drill_score(d, a, &s) != 0)
			abort();
		if (s.total.points > s.total.max || s.total.points < 0)
			abort();
		rp_drill_score_release(&s);
		rp_buf_reset(&file);
		for (i = 0; i < d->n; i++) {
			if (!a[i].answered)
				continue;
			rp_buf_addf(&file, "%s:", d->v[i].id);
			rp_drill_answer_ids(d, i, &a[i], &file);
			rp_buf_addch(&file, '\n');
		}
		if (rp_drill_answers_parse(d, file.buf, file.len, b, &err) != 0)
			abort();
		for (i = 0; i < d->n; i++)
			if (a[i].answered != b[i].answered || a[i].picked != b[i].picked)
				abort();
	}
	rp_buf_release(&file);
	return 0;
}
