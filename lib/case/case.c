#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "case/case.h"
#include "case/config.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "store/store.h"

static const char *const fact_names[RP_FACT_COUNT] = {
	"personal-data", "health-data", "high-risk", "extortion", "exfiltration",
};

const char *const rp_cost_categories[] = {
	"it", "forensics", "internal", "legal", "notification", "interruption", "ransom",
	"other", NULL,
};

const char *
rp_fact_name(enum rp_fact f)
{
	return (unsigned)f < RP_FACT_COUNT ? fact_names[f] : "?";
}

int
rp_fact_lookup(const char *name)
{
	int i;

	for (i = 0; i < RP_FACT_COUNT; i++)
		if (strcmp(fact_names[i], name) == 0)
			return i;
	return -1;
}

const char *
rp_fact_value_name(int v)
{
	switch (v) {
	case RP_FACT_NO:      return "no";
	case RP_FACT_YES:     return "yes";
	case RP_FACT_UNKNOWN: return "unknown";
	default:              return "unset";
	}
}

int
rp_cost_category(const char *name)
{
	int i;

	for (i = 0; rp_cost_categories[i]; i++)
		if (strcmp(rp_cost_categories[i], name) == 0)
			return i;
	return -1;
}

/* ---- money ---- */

int
rp_money_parse(const char *s, int64_t *minor)
{
	const char *dec = NULL, *p;
	int64_t units = 0, cents = 0;
	int ndig = 0, nfrac = 0;

	/* the decimal separator is the last '.' or ',' followed by one or two digits */
	for (p = s; *p; p++)
		if (*p == '.' || *p == ',')
			dec = p;
	if (dec) {
		size_t n = strlen(dec + 1);

		if (n == 0 || n > 2 || strspn(dec + 1, "0123456789") != n)
			dec = NULL;           /* "18,000": a thousands separator */
	}
	for (p = s; *p && p != dec; p++) {
		if (*p >= '0' && *p <= '9') {
			if (units > 100000000000000LL)
				return RP_ERR_TOOBIG;
			units = units * 10 + (*p - '0');
			ndig++;
		} else if (!(ndig > 0 && (*p == '\'' || *p == ',' || *p == '.' || *p == '_' ||
		    *p == ' ') && p[1] >= '0' && p[1] <= '9')) {
			return RP_ERR_FORMAT;
		}
	}
	if (dec) {
		for (p = dec + 1; *p; p++, nfrac++)
			cents = cents * 10 + (*p - '0');
		if (nfrac == 1)
			cents *= 10;
	}
	if (ndig == 0)
		return RP_ERR_FORMAT;
	*minor = units * 100 + cents;
	return 0;
}

int
rp_hours_parse(const char *s, int64_t *hours_c)
{
	int64_t m;
	int r;

	if (strchr(s, ',') || strchr(s, '\''))
		return RP_ERR_FORMAT;
	if ((r = rp_money_parse(s, &m)) != 0)
		return r;
	*hours_c = m;
	return 0;
}

int
rp_money_fmt(struct rp_buf *b, int64_t minor)
{
	char digits[32];
	int n, i, r;
	uint64_t u;

	if (minor < 0 && (r = rp_buf_addch(b, '-')) != 0)
		return r;
	u = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
	n = snprintf(digits, sizeof(digits), "%llu", (unsigned long long)(u / 100));
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0 && (r = rp_buf_addch(b, ',')) != 0)
			return r;
		if ((r = rp_buf_addch(b, digits[i])) != 0)
			return r;
	}
	return rp_buf_addf(b, ".%02u", (unsigned)(u % 100));
}

/* ---- recording ---- */

int
rp_case_record(struct rp_store *st, int64_t case_id, int64_t now, const char *kind,
    const char *actor, const char *text, ...)
{
	struct rp_buf d = RP_BUF_INIT;
	const char *k, *v;
	va_list ap;
	int r = 0, first = 1;

	va_start(ap, text);
	if ((r = rp_buf_addch(&d, '{')) != 0)
		goto out;
	while ((k = va_arg(ap, const char *)) != NULL) {
		v = va_arg(ap, const char *);
		if (v == NULL)
			continue;
		if ((!first && (r = rp_buf_addch(&d, ',')) != 0) || (r = rp_json_str(&d, k)) != 0 ||
		    (r = rp_buf_addch(&d, ':')) != 0)
			goto out;
		r = v[0] == '\x01' ? rp_buf_addstr(&d, v + 1) : rp_json_str(&d, v);
		if (r != 0)
			goto out;
		first = 0;
	}
	if ((r = rp_buf_addch(&d, '}')) != 0)
		goto out;
	r = rp_journal_append(st, case_id, now, kind, actor, text, first ? NULL : d.buf, NULL);
out:
	va_end(ap);
	rp_buf_release(&d);
	return r;
}

/* ---- loading ---- */

#define GROW(arr, n) do { \
	void *np_ = realloc((arr), ((n) + 1) * sizeof(*(arr))); \
	if (np_ == NULL) return RP_ERR_NOMEM; \
	(arr) = np_; memset(&(arr)[(n)], 0, sizeof(*(arr))); \
} while (0)

static const char *
jstr(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

static int64_t
jint(json_t *o, const char *key, int64_t dflt)
{
	json_t *v = json_object_get(o, key);

	return json_is_integer(v) ? (int64_t)json_integer_value(v) : dflt;
}

static char *
xdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The scalar members of a summary object, for people: "files 14, encrypted 3, ...". */
static char *
digest(json_t *o)
{
	struct rp_buf b = RP_BUF_INIT;
	const char *key;
	json_t *v;
	char *out;

	json_object_foreach(o, key, v) {
		if (strcmp(key, "kind") == 0)
			continue;
		if (json_is_integer(v))
			rp_buf_addf(&b, "%s%s %lld", b.len ? ", " : "", key, (long long)json_integer_value(v));
		else if (json_is_real(v))
			rp_buf_addf(&b, "%s%s %.4g", b.len ? ", " : "", key, json_real_value(v));
		else if (json_is_string(v))
			rp_buf_addf(&b, "%s%s %s", b.len ? ", " : "", key, json_string_value(v));
		else if (json_is_boolean(v))
			rp_buf_addf(&b, "%s%s %s", b.len ? ", " : "", key, json_is_true(v) ? "yes" : "no");
	}
	out = rp_buf_detach(&b, NULL);
	return out ? out : strdup("");
}

static int
load_entry(const struct rp_journal_entry *e, void *ctx)
{
	struct rp_case *c = ctx;
	json_t *d = NULL;
	const char *s;
	int r = RP_ERR_NOMEM, f, v;

	GROW(c->entries, c->nentries);
	c->entries[c->nentries].seq = e->seq;
	c->entries[c->nentries].time = e->time;
	c->entries[c->nentries].at = e->time;
	if ((c->entries[c->nentries].kind = strdup(e->kind)) == NULL ||
	    (c->entries[c->nentries].actor = strdup(e->actor)) == NULL ||
	    (c->entries[c->nentries].text = strdup(e->text)) == NULL) {
		c->nentries++;
		return RP_ERR_NOMEM;
	}
	c->nentries++;
	if (e->data == NULL || (d = json_loads(e->data, 0, NULL)) == NULL || !json_is_object(d)) {
		json_decref(d);
		return 0;      /* entries without details (notes) or from other tools */
	}
	if ((s = jstr(d, "at")) != NULL)
		rp_time_parse(s, &c->entries[c->nentries - 1].at, NULL);
	if (strcmp(e->kind, "fact") == 0) {
		if ((f = rp_fact_lookup((s = jstr(d, "fact")) ? s : "")) >= 0 &&
		    (s = jstr(d, "value")) != NULL) {
			v = strcmp(s, "yes") == 0 ? RP_FACT_YES : strcmp(s, "no") == 0 ? RP_FACT_NO :
			    RP_FACT_UNKNOWN;
			c->facts[f] = v;
		}
	} else if (strcmp(e->kind, "cost") == 0) {
		struct rp_cost *k;

		if ((f = rp_cost_category((s = jstr(d, "category")) ? s : "")) < 0)
			goto done;
		GROW(c->costs, c->ncosts);
		k = &c->costs[c->ncosts++];
		k->time = e->time;
		k->category = f;
		k->amount = jint(d, "amount", 0);
		snprintf(k->currency, sizeof(k->currency), "%s", (s = jstr(d, "currency")) ? s : "");
		k->hours_c = jint(d, "hours_c", -1);
		k->rate = jint(d, "rate", -1);
		if ((s = jstr(d, "note")) != NULL && (k->note = strdup(s)) == NULL)
			goto out;
	} else if (strcmp(e->kind, "ioc") == 0) {
		struct rp_ioc *k;

		GROW(c->iocs, c->niocs);
		k = &c->iocs[c->niocs++];
		k->time = e->time;
		if ((k->type = xdup(jstr(d, "type"))) == NULL || (k->value = xdup(jstr(d, "value"))) == NULL)
			goto out;
	} else if (strcmp(e->kind, "notify") == 0) {
		struct rp_notice *k;

		GROW(c->notices, c->nnotices);
		k = &c->notices[c->nnotices++];
		k->time = jint(d, "sent", e->time);
		if ((k->to = xdup(jstr(d, "to"))) == NULL || (k->lang = xdup(jstr(d, "lang"))) == NULL ||
		    (k->sha256 = xdup(jstr(d, "sha256"))) == NULL)
			goto out;
		if ((s = jstr(d, "deadline")) != NULL && (k->deadline = strdup(s)) == NULL)
			goto out;
	} else if (strcmp(e->kind, "root-cause") == 0) {
		free(c->root_cause);
		if ((c->root_cause = xdup(jstr(d, "text"))) == NULL)
			goto out;
	} else if (strcmp(e->kind, "lesson") == 0 || strcmp(e->kind, "action") == 0) {
		struct rp_action *k;

		GROW(c->actions, c->nactions);
		k = &c->actions[c->nactions++];
		k->time = e->time;
		k->due = RP_TIME_UNSET;
		if ((k->text = xdup(jstr(d, "text"))) == NULL)
			goto out;
		if ((s = jstr(d, "owner")) != NULL && (k->owner = strdup(s)) == NULL)
			goto out;
		if ((s = jstr(d, "due")) != NULL)
			rp_time_parse(s, &k->due, NULL);
	} else if (strcmp(e->kind, "attach") == 0) {
		struct rp_attachment *k;
		json_t *sum = json_object_get(d, "summary");

		GROW(c->attachments, c->nattachments);
		k = &c->attachments[c->nattachments++];
		k->time = e->time;
		if ((k->name = xdup(jstr(d, "file"))) == NULL ||
		    (k->sha256 = xdup(jstr(d, "sha256"))) == NULL ||
		    (k->source = xdup((s = jstr(d, "source")) ? s : "?")) == NULL)
			goto out;
		if (sum && (k->summary = json_dumps(sum, JSON_COMPACT)) == NULL)
			goto out;
		if (sum && (k->digest = digest(sum)) == NULL)
			goto out;
	}
done:
	r = 0;
out:
	json_decref(d);
	return r;
}

void
rp_case_release(struct rp_case *c)
{
	size_t i;

	rp_case_info_release(&c->info);
	free(c->root_cause);
	for (i = 0; i < c->ncosts; i++)
		free(c->costs[i].note);
	for (i = 0; i < c->niocs; i++) {
		free(c->iocs[i].type);
		free(c->iocs[i].value);
	}
	for (i = 0; i < c->nnotices; i++) {
		free(c->notices[i].to);
		free(c->notices[i].lang);
		free(c->notices[i].deadline);
		free(c->notices[i].sha256);
	}
	for (i = 0; i < c->nactions; i++) {
		free(c->actions[i].text);
		free(c->actions[i].owner);
	}
	for (i = 0; i < c->nattachments; i++) {
		free(c->attachments[i].name);
		free(c->attachments[i].sha256);
		free(c->attachments[i].source);
		free(c->attachments[i].summary);
		free(c->attachments[i].digest);
	}
	for (i = 0; i < c->nentries; i++) {
		free(c->entries[i].kind);
		free(c->entries[i].actor);
		free(c->entries[i].text);
	}
	free(c->costs);
	free(c->iocs);
	free(c->notices);
	free(c->actions);
	free(c->attachments);
	free(c->entries);
	memset(c, 0, sizeof(*c));
}

int
rp_case_load(struct rp_store *st, int64_t id, struct rp_case *out)
{
	int r, i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < RP_FACT_COUNT; i++)
		out->facts[i] = RP_FACT_UNSET;
	if ((r = rp_case_get(st, id, &out->info)) != 0)
		return r;
	if ((r = rp_journal_each(st, out->info.id, load_entry, out)) != 0)
		rp_case_release(out);
	return r;
}

/* ---- deadlines ---- */

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
			if (in_list(v, fact_names[f]) && c->facts[f] != RP_FACT_YES)
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
	if ((r = rp_ini_parse(obligations, len, &ob, &line)) != 0)
		return r;
	for (i = 0; i < rp_ini_nsections(ob); i++) {
		const char *due = rp_ini_section_get(ob, i, "due");

		if (!applies(ob, i, c, site))
			continue;
		if ((d = realloc(out->v, (out->n + 1) * sizeof(*d))) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		out->v = d;
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

/* ---- claim ---- */

int
rp_claim_compute(const struct rp_case *c, const struct rp_ini *site, struct rp_claim *out)
{
	const char *v;
	int64_t wait_left, w, waitsec;
	char key[64];
	size_t i;
	int cat, r;

	memset(out, 0, sizeof(*out));
	v = rp_ini_get(site, "insurance", "currency");
	snprintf(out->currency, sizeof(out->currency), "%s", v ? v : "CHF");
	if ((v = rp_ini_get(site, "insurance", "deductible")) != NULL &&
	    (r = rp_money_parse(v, &out->deductible)) != 0)
		return RP_ERR_FORMAT;
	if ((v = rp_ini_get(site, "insurance", "waiting-period")) != NULL) {
		if (rp_duration_parse(v, &waitsec) != 0)
			return RP_ERR_FORMAT;
		out->waiting_hours_c = waitsec * 100 / 3600;
	}
	wait_left = out->waiting_hours_c;
	for (cat = 0; rp_cost_categories[cat]; cat++) {
		struct rp_claim_line *l = &out->lines[out->nlines];
		int64_t excluded = 0;
		int any = 0;

		l->category = cat;
		l->sublimit = -1;
		for (i = 0; i < c->ncosts; i++) {
			const struct rp_cost *k = &c->costs[i];

			if (k->category != cat)
				continue;
			if (strcmp(k->currency, out->currency) != 0) {
				out->other_currency++;
				continue;
			}
			any = 1;
			l->total += k->amount;
			if (strcmp(rp_cost_categories[cat], "interruption") == 0 && k->hours_c >= 0 &&
			    wait_left > 0) {
				w = wait_left < k->hours_c ? wait_left : k->hours_c;
				excluded += w * k->rate / 100;
				wait_left -= w;
			}
		}
		snprintf(key, sizeof(key), "sublimit.%s", rp_cost_categories[cat]);
		if ((v = rp_ini_get(site, "insurance", key)) != NULL &&
		    (r = rp_money_parse(v, &l->sublimit)) != 0)
			return RP_ERR_FORMAT;
		if (!any)
			continue;
		out->waiting_excluded += excluded;
		l->covered = l->total - excluded;
		if (l->sublimit >= 0 && l->covered > l->sublimit)
			l->covered = l->sublimit;
		out->total += l->total;
		out->covered += l->covered;
		out->nlines++;
	}
	out->claimable = out->covered > out->deductible ? out->covered - out->deductible : 0;
	out->own_share = out->total - out->claimable;
	return 0;
}
