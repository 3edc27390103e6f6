/* The legal deadlines of a case, from the obligations shipped as data. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "case/case.h"
#include "case/config.h"
#include "core/array.h"
#include "core/data.h"
#include "core/err.h"
#include "core/time.h"

static char *
xdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

const char *
rp_deadline_status_name(int status)
{
	static const char *const names[] = { "open", "done", "overdue" };

	return status >= 0 && status <= RP_DL_OVERDUE ? names[status] : "?";
}

static const char eu[] = "AT,BE,BG,HR,CY,CZ,DK,EE,FI,FR,DE,GR,HU,IE,IT,LV,LT,LU,MT,NL,PL,PT,"
    "RO,SK,SI,ES,SE";
static const char eea[] = "IS,LI,NO";

/* Whether word is in the comma-separated list (spaces around items ignored). */
static int
in_list(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p = list;

	if (n == 0)
		return 0;
	while (*p) {
		const char *e;
		size_t m;

		while (*p == ' ' || *p == ',')
			p++;
		e = p + strcspn(p, ",");
		m = (size_t)(e - p);
		while (m && p[m - 1] == ' ')
			m--;
		if (m == n && strncasecmp(p, word, n) == 0)
			return 1;
		p = e;
	}
	return 0;
}

static int
country_matches(const char *list, const char *country)
{
	if (in_list(list, "*") || in_list(list, country))
		return 1;
	if ((in_list(list, "EU") || in_list(list, "EEA")) && in_list(eu, country))
		return 1;
	return in_list(list, "EEA") && in_list(eea, country);
}

/* One step of a due offset: "0", "24h", "14d", "1mo" (calendar months, UTC). */
static int
add_step(const char *s, size_t n, int64_t *t)
{
	char buf[32];
	int64_t sec;

	if (n == 0 || n >= sizeof(buf))
		return RP_ERR_FORMAT;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (n > 2 && strcmp(buf + n - 2, "mo") == 0) {
		char *end;
		long months = strtol(buf, &end, 10);
		struct tm tm;
		time_t tt = (time_t)*t;

		if (end != buf + n - 2 || months < 0 || months > 120 || gmtime_r(&tt, &tm) == NULL)
			return RP_ERR_FORMAT;
		tm.tm_mon += (int)months;
		*t = (int64_t)timegm(&tm);
		return 0;
	}
	if (rp_duration_parse(buf, &sec) != 0)
		return RP_ERR_FORMAT;
	*t += sec;
	return 0;
}

/* The due time from t: steps joined by '+' applied in order, "72h+1mo". */
static int
add_due(const char *s, int64_t t, int64_t *due)
{
	const char *p = s;
	int r;

	for (;;) {
		size_t n = strcspn(p, "+");

		if ((r = add_step(p, n, &t)) != 0)
			return r;
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
	*due = t;
	return 0;
}

void
rp_deadlines_release(struct rp_deadlines *d)
{
	size_t i;

	for (i = 0; d->v && i < d->n; i++) {
		free(d->v[i].id);
		free(d->v[i].authority);
		free(d->v[i].to);
		free(d->v[i].basis);
		free(d->v[i].when);
	}
	free(d->v);
	d->v = NULL;
	d->n = 0;
	d->cap = 0;
}

static int
dl_cmp(const void *a, const void *b)
{
	const struct rp_deadline *x = a, *y = b;

	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* Whether obligation section i applies to the case at this site. */
static int
applies(const struct rp_ini *ob, size_t i, const struct rp_case *c, const struct rp_ini *site)
{
	const char *v, *sv;
	int f;

	if ((v = rp_ini_section_get(ob, i, "country")) != NULL) {
		sv = rp_ini_get(site, "site", "country");
		if (sv == NULL || !country_matches(v, sv))
			return 0;
	}
	if ((v = rp_ini_section_get(ob, i, "sector")) != NULL) {
		sv = rp_ini_get(site, "site", "sector");
		if (sv == NULL || !in_list(v, sv))
			return 0;
	}
	if ((v = rp_ini_section_get(ob, i, "nis2")) != NULL) {
		sv = rp_ini_get(site, "site", "nis2");
		if (sv == NULL || !in_list(v, sv))
			return 0;
	}
	if ((v = rp_ini_section_get(ob, i, "critical-infrastructure")) != NULL) {
		sv = rp_ini_get(site, "site", "critical-infrastructure");
		if (sv == NULL || strcasecmp(v, sv) != 0)
			return 0;
	}
	if ((v = rp_ini_section_get(ob, i, "facts")) != NULL) {
		for (f = 0; f < RP_FACT_COUNT; f++)
			if (in_list(v, rp_fact_name(f)) && c->facts[f] != RP_FACT_YES)
				return 0;
	}
	return 1;
}

int
rp_deadlines_compute(const char *obligations, size_t len, const struct rp_case *c,
    const struct rp_ini *site, int64_t now, struct rp_deadlines *out)
{
	struct rp_ini *ob = NULL;
	struct rp_deadline *d;
	size_t i, j;
	int r, line = 0;

	out->v = NULL;
	out->n = 0;
	out->cap = 0;
	if ((r = rp_ini_parse(obligations, len, &ob, &line)) != 0)
		return r;
	for (i = 0; i < rp_ini_nsections(ob); i++) {
		const char *due = rp_ini_section_get(ob, i, "due");

		if (!applies(ob, i, c, site))
			continue;
		if ((r = RP_ARRAY_GROW(&out->v, &out->cap, out->n + 1,
		    RP_ARRAY_MAX_DEFAULT)) != 0)
			goto out;
		d = &out->v[out->n];
		memset(d, 0, sizeof(*d));
		out->n++;
		d->id = strdup(rp_ini_section(ob, i));
		d->authority = xdup(rp_ini_section_get(ob, i, "authority"));
		d->to = xdup(rp_ini_section_get(ob, i, "to"));
		d->basis = xdup(rp_ini_section_get(ob, i, "basis"));
		d->when = xdup(rp_ini_section_get(ob, i, "when"));
		if (!d->id || !d->authority || !d->to || !d->basis || !d->when || !due) {
			r = d->id ? RP_ERR_FORMAT : RP_ERR_NOMEM;   /* a key missing in the data */
			goto out;
		}
		if ((r = add_due(due, c->info.discovered, &d->due)) != 0)
			goto out;
		d->done = RP_TIME_UNSET;
		for (j = 0; j < c->nnotices; j++)
			if (c->notices[j].deadline && strcmp(c->notices[j].deadline, d->id) == 0)
				d->done = c->notices[j].time;
		d->status = d->done != RP_TIME_UNSET ? RP_DL_DONE :
		    now > d->due ? RP_DL_OVERDUE : RP_DL_OPEN;
	}
	if (out->n > 1)     /* qsort's base must not be NULL, even for no element */
		qsort(out->v, out->n, sizeof(*out->v), dl_cmp);
	r = 0;
out:
	if (r != 0)
		rp_deadlines_release(out);
	rp_ini_free(ob);
	return r;
}


int
rp_case_deadlines(const char *data_dir, const struct rp_case *c, const struct rp_ini *site,
    int64_t now, struct rp_deadlines *out)
{
	struct rp_buf ob = RP_BUF_INIT;
	int r;

	out->v = NULL;
	out->n = 0;
	out->cap = 0;
	if ((r = rp_data_load(data_dir, "obligations/obligations.ini", &ob)) == 0)
		r = rp_deadlines_compute(ob.buf, ob.len, c, site, now, out);
	rp_buf_release(&ob);
	return r;
}
