/*
 * The letters to the correspondents of a case: one per organisation (one per person at
 * a public mail provider), in its language, by its highest class. See contacts.h.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "case/case-int.h"
#include "case/case.h"
#include "case/config.h"
#include "core/array.h"
#include "core/data.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"

#define MAX_LISTED 30        /* message ids listed in a letter; the rest are counted */

/* An organisation being gathered: its contacts (indices into c->contacts). */
struct group {
	char *key;               /* the organisation's domain, or a person's address */
	const char *client;      /* borrowed from the contacts or the site profile */
	const char *lang;
	const char *conf_address;    /* a [client] without contacts: its address */
	int cls;
	size_t *idx, n, cap;
};

struct gather {
	struct group *v;
	size_t n, cap;
	const char *freemail;    /* the list of data/case/freemail.txt */
};

static void
lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* Whether domain is a line of the public-provider list. */
static int
is_freemail(const char *list, const char *domain)
{
	size_t n = strlen(domain);
	const char *p = list;

	while (p && *p) {
		const char *e = strchr(p, '\n');
		size_t m = e ? (size_t)(e - p) : strlen(p);

		if (m == n && *p != '#' && strncasecmp(p, domain, n) == 0)
			return 1;
		p = e ? e + 1 : NULL;
	}
	return 0;
}

static int
lang_ok(const char *lang)
{
	return lang && (strcmp(lang, "fr") == 0 || strcmp(lang, "de") == 0 ||
	    strcmp(lang, "en") == 0);
}

/* The group of org (or, at a public provider, of the address itself). */
static int
group_of(struct gather *G, const char *org, const char *address, struct group **out)
{
	const char *at = strrchr(address, '@');
	char *key;
	size_t i;
	int r;

	/* at a public provider every address is a person of its own: one letter listing all
	 * the patients who use that provider would tell each of them who the others are */
	if (at && strcasecmp(org, at + 1) == 0 && is_freemail(G->freemail, at + 1))
		key = strdup(address);
	else
		key = strdup(org);
	if (key == NULL)
		return RP_ERR_NOMEM;
	lower(key);
	for (i = 0; i < G->n; i++) {
		if (strcmp(G->v[i].key, key) == 0) {
			free(key);
			*out = &G->v[i];
			return 0;
		}
	}
	if ((r = RP_ARRAY_GROW(&G->v, &G->cap, G->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0) {
		free(key);
		return r;
	}
	memset(&G->v[G->n], 0, sizeof(G->v[G->n]));
	G->v[G->n].key = key;
	*out = &G->v[G->n++];
	return 0;
}

static int
gather(struct gather *G, const struct rp_case *c, const struct rp_ini *site)
{
	struct group *g;
	size_t i, from = 0, idx;
	const char *addr, *name, *lang;
	int r;

	for (i = 0; i < c->ncontacts; i++) {
		const struct rp_contact *k = &c->contacts[i];

		if ((r = group_of(G, k->org, k->address, &g)) != 0)
			return r;
		if ((r = RP_ARRAY_GROW(&g->idx, &g->cap, g->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
			return r;
		g->idx[g->n++] = i;
		if (k->cls > g->cls)
			g->cls = k->cls;
		if (g->client == NULL)
			g->client = k->client;
		if (g->lang == NULL && lang_ok(k->lang))
			g->lang = k->lang;
	}
	/* the site's own clients: joined by their address's domain; the ones no mail went
	 * to get the precautionary letter (the bank-details warning is for everyone) */
	while (rp_ini_find(site, "client", &from, &idx) == 0) {
		const char *at;

		addr = rp_ini_section_get(site, idx, "contact");
		name = rp_ini_section_get(site, idx, "name");
		lang = rp_ini_section_get(site, idx, "language");
		if (addr == NULL || (at = strrchr(addr, '@')) == NULL || at == addr || !at[1] ||
		    name == NULL)
			continue;
		if ((r = group_of(G, at + 1, addr, &g)) != 0)
			return r;
		if (g->n == 0 && g->conf_address == NULL)
			g->conf_address = addr;
		if (g->client == NULL)
			g->client = name;
		if (g->lang == NULL && lang_ok(lang))
			g->lang = lang;
	}
	return 0;
}

static void
gather_release(struct gather *G)
{
	size_t i;

	for (i = 0; i < G->n; i++) {
		free(G->v[i].key);
		free(G->v[i].idx);
	}
	free(G->v);
}

/* ---- filling ---- */

struct letter_ctx {
	const struct rp_case *c;
	const struct rp_ini *site;
	const struct group *g;
	const struct rp_ini *words;  /* letter-words.ini of the language */
	const char *fraud;           /* the fraud paragraph's template */
	const char *lang;
	int64_t now;
	int in_fraud;                /* filling the paragraph itself */
};

/* Appends s with control bytes made visible: the journal may have been altered, and a
 * letter is read by people. */
static int
add_clean(struct rp_buf *b, const char *s)
{
	int r = 0;

	for (; *s && r == 0; s++)
		r = rp_buf_addch(b, (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
	return r;
}

/* A space that a line is not broken at (a phone number, an IBAN), until the layout is
 * done; add_clean never lets it through from the data. */
#define NOBREAK '\x1f'

/* Appends s, cleaned, kept on one line. */
static int
add_unbroken(struct rp_buf *b, const char *s)
{
	size_t start = b->len, i;
	int r;

	if ((r = add_clean(b, s)) != 0)
		return r;
	for (i = start; i < b->len; i++)
		if (b->buf[i] == ' ')
			b->buf[i] = NOBREAK;
	return 0;
}

/* The i-th name of a comma-separated list, trimmed, into b. */
static int
list_item(struct rp_buf *b, const char *list, int i)
{
	const char *p = list, *e;

	while (p && i-- > 0)
		p = (p = strchr(p, ',')) ? p + 1 : NULL;
	if (p == NULL)
		return rp_buf_addch(b, '?');
	while (*p == ' ')
		p++;
	e = p + strcspn(p, ",");
	while (e > p && e[-1] == ' ')
		e--;
	return rp_buf_add(b, p, (size_t)(e - p));
}

/* A time as the language writes it ([date] date or time of letter-words.ini), kept on
 * one line ("19 novembre 2026 à 11 h 00" is read as one). */
static int
fmt_time(struct rp_buf *b, const struct rp_ini *w, const char *which, int64_t t)
{
	size_t start = b->len, i;
	int r;

	if ((r = rp_words_time(b, w, which, t)) != 0)
		return r;
	for (i = start; i < b->len; i++)
		if (b->buf[i] == ' ')
			b->buf[i] = NOBREAK;
	return 0;
}

int
rp_words_time(struct rp_buf *b, const struct rp_ini *w, const char *which, int64_t t)
{
	const char *f = rp_ini_get(w, "date", which), *p;
	time_t tt = (time_t)t;
	struct tm tm;
	int r = 0;

	if (f == NULL || t == RP_TIME_UNSET || localtime_r(&tt, &tm) == NULL)
		return rp_time_fmt_local(b, t);
	for (p = f; *p && r == 0; p++) {
		if (*p != '{') {
			r = rp_buf_addch(b, *p);
			continue;
		}
		if (strncmp(p, "{d}", 3) == 0)
			r = rp_buf_addf(b, "%d", tm.tm_mday), p += 2;
		else if (strncmp(p, "{dd}", 4) == 0)
			r = rp_buf_addf(b, "%02d", tm.tm_mday), p += 3;
		else if (strncmp(p, "{mm}", 4) == 0)
			r = rp_buf_addf(b, "%02d", tm.tm_mon + 1), p += 3;
		else if (strncmp(p, "{month}", 7) == 0)
			r = list_item(b, rp_ini_get(w, "date", "months"), tm.tm_mon), p += 6;
		else if (strncmp(p, "{yyyy}", 6) == 0)
			r = rp_buf_addf(b, "%04d", tm.tm_year + 1900), p += 5;
		else if (strncmp(p, "{H}", 3) == 0)
			r = rp_buf_addf(b, "%d", tm.tm_hour), p += 2;
		else if (strncmp(p, "{HH}", 4) == 0)
			r = rp_buf_addf(b, "%02d", tm.tm_hour), p += 3;
		else if (strncmp(p, "{MM}", 4) == 0)
			r = rp_buf_addf(b, "%02d", tm.tm_min), p += 3;
		else
			r = rp_buf_addch(b, *p);
	}
	return r;
}

int
rp_words_load(const char *data_dir, const char *lang, struct rp_ini **out)
{
	struct rp_buf name = RP_BUF_INIT, words = RP_BUF_INIT;
	int r;

	*out = NULL;
	if (!lang_ok(lang))
		return RP_ERR_NOTFOUND;
	if ((r = rp_buf_addf(&name, "templates/%s/letter-words.ini", lang)) == 0 &&
	    (r = rp_data_load(data_dir, name.buf, &words)) == 0)
		r = rp_ini_parse(words.buf, words.len, out, NULL);
	rp_buf_release(&name);
	rp_buf_release(&words);
	return r;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct strings of the group's contacts' messages (which 0) or indicators
 * (which 1), sorted; *v is the caller's (free, the strings are borrowed). */
static int
distinct(const struct letter_ctx *L, int which, const char ***v, size_t *n)
{
	const struct group *g = L->g;
	const char **a = NULL;
	size_t i, j, m = 0, k, cap = 0;
	int r;

	for (i = 0; i < g->n; i++) {
		const struct rp_contact *x = &L->c->contacts[g->idx[i]];
		char **s = which ? x->iocs : x->messages;
		size_t ns = which ? x->niocs : x->nmessages;

		for (j = 0; j < ns; j++) {
			for (k = 0; k < m && strcmp(a[k], s[j]) != 0; k++)
				;
			if (k < m)
				continue;
			if ((r = RP_ARRAY_GROW(&a, &cap, m + 1, RP_ARRAY_MAX_DEFAULT)) != 0) {
				free(a);
				return r;
			}
			a[m++] = s[j];
		}
	}
	if (m > 1)
		qsort(a, m, sizeof(*a), str_cmp);
	*v = a;
	*n = m;
	return 0;
}

static int
ioc_line(struct rp_buf *out, const struct rp_ini *w, const char *type, const char *value)
{
	const char *label = rp_ini_get(w, "ioc", type);
	int r;

	/* the label carries its colon: French sets it off with a space */
	if ((r = rp_buf_addstr(out, "  - ")) != 0 || (r = add_clean(out, label ? label : type)) != 0 ||
	    (label == NULL && (r = rp_buf_addch(out, ':')) != 0) ||
	    (r = rp_buf_addch(out, ' ')) != 0 || (r = add_unbroken(out, value)) != 0)
		return r;
	return rp_buf_addch(out, '\n');
}

static int
fill_iocs(struct rp_buf *out, const struct letter_ctx *L)
{
	const char **v = NULL;
	char type[16];
	size_t n, i, tl;
	int r;

	if ((r = distinct(L, 1, &v, &n)) != 0)
		return r;
	for (i = 0; i < n && r == 0; i++) {
		tl = strcspn(v[i], ":");
		if (v[i][tl] != ':' || tl >= sizeof(type))
			continue;
		memcpy(type, v[i], tl);
		type[tl] = '\0';
		r = ioc_line(out, L->words, type, v[i] + tl + 1);
	}
	free(v);
	/* a bank-detail fraud: the account it gave is what identifies it */
	for (i = 0; i < L->g->n && r == 0; i++) {
		const char *iban = L->c->contacts[L->g->idx[i]].fraud_iban;

		if (iban) {
			n++;
			r = ioc_line(out, L->words, "iban", iban);
		}
	}
	/* nothing known of what they got in particular: the case's indicators */
	for (i = 0; n == 0 && i < L->c->niocs && r == 0; i++)
		r = ioc_line(out, L->words, L->c->iocs[i].type, L->c->iocs[i].value);
	if (r == 0 && n == 0 && L->c->niocs == 0)
		r = rp_buf_addstr(out, "  -\n");
	return r;
}

static int
fill_messages(struct rp_buf *out, const struct letter_ctx *L, int count)
{
	const char **v = NULL;
	size_t n, i;
	int r;

	if ((r = distinct(L, 0, &v, &n)) != 0)
		return r;
	if (count)
		r = rp_buf_addf(out, "%zu", n);
	for (i = 0; !count && i < n && i < MAX_LISTED && r == 0; i++)
		if ((r = rp_buf_addstr(out, "  - ")) == 0 && (r = add_clean(out, v[i])) == 0)
			r = rp_buf_addch(out, '\n');
	if (!count && r == 0 && n > MAX_LISTED)
		r = rp_buf_addf(out, "  - ... (+%zu)\n", n - MAX_LISTED);
	if (!count && r == 0 && n == 0)
		r = rp_buf_addstr(out, "  -\n");
	free(v);
	return r;
}

static int
same_day(int64_t a, int64_t b)
{
	time_t ta = (time_t)a, tb = (time_t)b;
	struct tm x, y;

	return localtime_r(&ta, &x) && localtime_r(&tb, &y) && x.tm_year == y.tm_year &&
	    x.tm_yday == y.tm_yday;
}

/* "between {first} and {last}", "on {first}" in the language. */
static int
fill_when(struct rp_buf *out, const struct letter_ctx *L)
{
	int64_t first = RP_TIME_UNSET, last = RP_TIME_UNSET;
	const char *pat, *p;
	size_t i;
	int r = 0;

	for (i = 0; i < L->g->n; i++) {
		const struct rp_contact *x = &L->c->contacts[L->g->idx[i]];

		if (x->first != RP_TIME_UNSET && (first == RP_TIME_UNSET || x->first < first))
			first = x->first;
		if (x->last != RP_TIME_UNSET && (last == RP_TIME_UNSET || x->last > last))
			last = x->last;
	}
	if (first == RP_TIME_UNSET)
		first = last;
	if (last == RP_TIME_UNSET)
		last = first;
	if (first == RP_TIME_UNSET)
		return rp_buf_addstr(out, (p = rp_ini_get(L->words, "date", "unknown")) ? p : "");
	/* the same minute is one time; the same day is said once */
	if (first / 60 == last / 60)
		pat = rp_ini_get(L->words, "date", "on");
	else if (same_day(first, last))
		pat = rp_ini_get(L->words, "date", "same-day");
	else
		pat = rp_ini_get(L->words, "date", "between");
	for (p = pat ? pat : "{first} - {last}"; *p && r == 0; p++) {
		if (strncmp(p, "{first}", 7) == 0)
			r = fmt_time(out, L->words, "time", first), p += 6;
		else if (strncmp(p, "{last}", 6) == 0)
			r = fmt_time(out, L->words, "time", last), p += 5;
		else if (strncmp(p, "{date}", 6) == 0)
			r = fmt_time(out, L->words, "date", first), p += 5;
		else if (strncmp(p, "{from}", 6) == 0)
			r = fmt_time(out, L->words, "clock", first), p += 5;
		else if (strncmp(p, "{to}", 4) == 0)
			r = fmt_time(out, L->words, "clock", last), p += 3;
		else
			r = rp_buf_addch(out, *p);
	}
	return r;
}

/* Who a letter is to: a client by its name, a person by theirs, else the
 * organisation's domain. */
static const char *
addressee(const struct rp_case *c, const struct group *g)
{
	const struct rp_contact *x = g->n ? &c->contacts[g->idx[0]] : NULL;

	if (g->client)
		return g->client;
	if (x && x->name && strchr(g->key, '@'))
		return x->name;
	return g->key;
}

static int fill_letter(struct rp_buf *out, const char *name, void *ctx);

/* The IBANs the fraudulent messages gave, for the fraud paragraph. */
static int
fill_iban(struct rp_buf *out, const struct letter_ctx *L)
{
	size_t i, n = 0;
	int r = 0;

	for (i = 0; i < L->g->n && r == 0; i++) {
		const char *iban = L->c->contacts[L->g->idx[i]].fraud_iban;

		if (iban && ((n++ && (r = rp_buf_addstr(out, ", ")) != 0) ||
		    (r = add_unbroken(out, iban)) != 0))
			return r;
	}
	return r;
}

/* The fraud paragraph (letter-fraud.txt) when a contact got a bank-detail fraud. */
static int
fill_fraud(struct rp_buf *out, struct letter_ctx *L)
{
	size_t i;
	int r;

	for (i = 0; i < L->g->n; i++)
		if (L->c->contacts[L->g->idx[i]].fraud_iban)
			break;
	if (i == L->g->n || L->in_fraud || L->fraud == NULL)
		return 0;
	L->in_fraud = 1;
	if ((r = rp_buf_addch(out, '\n')) == 0)
		r = rp_template_fill_with(L->fraud, L->c, L->site, L->g->client, L->lang, L->words, L->now,
		    fill_letter, L, out);
	L->in_fraud = 0;
	return r;
}

/* The letter's placeholders (docs.c asks here first): 1 written, 0 not ours. */
static int
fill_letter(struct rp_buf *out, const char *name, void *ctx)
{
	struct letter_ctx *L = ctx;
	const struct group *g = L->g;
	const char *v;
	size_t i;
	int r = 0;

	if (strcmp(name, "org.name") == 0) {
		r = add_clean(out, addressee(L->c, g));
	} else if (strcmp(name, "org.to") == 0) {
		const char **to;

		if (g->n == 0)
			return add_clean(out, g->conf_address) == 0 ? 1 : RP_ERR_NOMEM;
		if ((to = calloc(g->n, sizeof(*to))) == NULL)
			return RP_ERR_NOMEM;
		for (i = 0; i < g->n; i++)
			to[i] = L->c->contacts[g->idx[i]].address;
		qsort(to, g->n, sizeof(*to), str_cmp);
		for (i = 0; i < g->n && r == 0; i++)
			if ((r = rp_buf_addstr(out, i ? ", " : "")) == 0)
				r = add_clean(out, to[i]);
		free(to);
	} else if (strcmp(name, "org.when") == 0) {
		r = fill_when(out, L);
	} else if (strcmp(name, "org.count") == 0) {
		r = fill_messages(out, L, 1);
	} else if (strcmp(name, "org.messages") == 0) {
		r = fill_messages(out, L, 0);
	} else if (strcmp(name, "org.iocs") == 0) {
		r = fill_iocs(out, L);
	} else if (strcmp(name, "org.fraud") == 0) {
		r = fill_fraud(out, L);
	} else if (strcmp(name, "org.iban") == 0) {
		r = fill_iban(out, L);
	} else if ((v = strchr(name, '/')) != NULL && strcmp(v, "/phone") == 0 &&
	    (strncmp(name, "site/", 5) == 0 || strncmp(name, "contact ", 8) == 0)) {
		/* a phone number is read as one: never broken across lines */
		const char *val;
		char sec[64];

		if ((size_t)(v - name) >= sizeof(sec))
			return 0;
		memcpy(sec, name, (size_t)(v - name));
		sec[v - name] = '\0';
		if ((val = rp_ini_get(L->site, sec, "phone")) == NULL || *val == '\0')
			return 0;            /* the usual "[...: site/phone]" gap */
		r = add_unbroken(out, val);
	} else if (strcmp(name, "date") == 0) {
		r = fmt_time(out, L->words, "date", L->now);
	} else if (strcmp(name, "now") == 0) {
		r = fmt_time(out, L->words, "time", L->now);
	} else if (strcmp(name, "case.discovered") == 0) {
		r = fmt_time(out, L->words, "time", L->c->info.discovered);
	} else {
		return 0;
	}
	return r ? r : 1;
}

/* ---- layout ---- */

#define WIDTH 84             /* columns of a letter */

/* Columns of n bytes of UTF-8 text (one per character). */
static size_t
columns(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* Wraps text (words separated by single spaces) at WIDTH: the first line after first,
 * the next ones after indent spaces. */
static int
wrap(struct rp_buf *out, const char *text, const char *first, size_t indent)
{
	const char *p = text, *e;
	size_t col, w;
	int r, start = 1;

	if ((r = rp_buf_addstr(out, first)) != 0)
		return r;
	col = columns(first, strlen(first));
	while (*p) {
		e = p + strcspn(p, " ");
		w = columns(p, (size_t)(e - p));
		if (!start && col + 1 + w > WIDTH) {
			if ((r = rp_buf_addf(out, "\n%*s", (int)indent, "")) != 0)
				return r;
			col = indent;
			start = 1;
		}
		if ((!start && (r = rp_buf_addch(out, ' ')) != 0) ||
		    (r = rp_buf_add(out, p, (size_t)(e - p))) != 0)
			return r;
		col += w + !start;
		start = 0;
		p = *e ? e + 1 : e;
	}
	return rp_buf_addch(out, '\n');
}

/* The length of a list item's marker at line start ("  - ", "  1. "), or 0. */
static size_t
marker(const char *l)
{
	size_t n = strspn(l, " ");

	if (n == 0)
		return 0;
	if (l[n] == '-' && l[n + 1] == ' ')
		return n + 2;
	if (l[n] >= '0' && l[n] <= '9' && l[n + 1] == '.' && l[n + 2] == ' ')
		return n + 3;
	return 0;
}

/*
 * Lays a filled letter out again: the values put in (a client's name, a date, an
 * IBAN) make the template's lines longer or shorter. Runs of lines that start with
 * text are joined and wrapped; a list item and its indented continuation lines are
 * joined and wrapped under the item's text. The head (up to the first blank line) and
 * other indented lines stay as they are.
 */
static int
reflow(const char *in, struct rp_buf *out)
{
	struct rp_buf para = RP_BUF_INIT, first = RP_BUF_INIT;
	const char *p = in, *e;
	size_t m, hang;
	int r = 0, head = 1;

	while (*p && r == 0) {
		e = p + strcspn(p, "\n");
		if (head || e == p || (*p == ' ' && marker(p) == 0)) {
			head = head && e != p;
			r = rp_buf_add(out, p, (size_t)(e - p + (*e ? 1 : 0)));
			p = *e ? e + 1 : e;
			continue;
		}
		rp_buf_reset(&para);
		rp_buf_reset(&first);
		m = marker(p);
		hang = m;
		if ((r = rp_buf_add(&first, p, m)) != 0)
			break;
		/* the paragraph or the item: this line and the ones that continue it */
		for (;;) {
			const char *t = p + (m ? m : 0);

			if ((para.len && (r = rp_buf_addch(&para, ' ')) != 0) ||
			    (r = rp_buf_add(&para, t, (size_t)(e - t))) != 0)
				break;
			p = *e ? e + 1 : e;
			e = p + strcspn(p, "\n");
			if (e == p || marker(p) || (hang == 0 && *p == ' ') ||
			    (hang && strspn(p, " ") < hang))
				break;
			m = hang ? strspn(p, " ") : 0;
		}
		if (r == 0)
			r = wrap(out, para.buf, first.buf, hang);
	}
	rp_buf_release(&para);
	rp_buf_release(&first);
	return r;
}

/* ---- the letters ---- */

void
rp_letters_release(struct rp_letters *l)
{
	size_t i, j;

	for (i = 0; l->v && i < l->n; i++) {
		free(l->v[i].org);
		free(l->v[i].name);
		free(l->v[i].client);
		free(l->v[i].lang);
		free(l->v[i].file);
		for (j = 0; j < l->v[i].naddresses; j++)
			free(l->v[i].addresses[j]);
		free(l->v[i].addresses);
		rp_buf_release(&l->v[i].text);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int
letter_cmp(const void *a, const void *b)
{
	const struct rp_letter *x = a, *y = b;

	if (x->cls != y->cls)
		return x->cls > y->cls ? -1 : 1;
	return strcmp(x->org, y->org);
}

/* A file name from the organisation: [a-z0-9.@_-] kept, the rest '_', unique. */
static int
file_name(struct rp_letters *out, struct rp_letter *l)
{
	struct rp_buf b = RP_BUF_INIT;
	size_t i, k;
	int r, n = 1;

	for (;;) {
		rp_buf_reset(&b);
		for (i = 0; l->org[i] && i < 200; i++) {
			char ch = l->org[i];

			if ((r = rp_buf_addch(&b, (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
			    (i > 0 && strchr(".@_-", ch)) ? ch : '_')) != 0)
				goto out;
		}
		if ((b.len == 0 && (r = rp_buf_addch(&b, '_')) != 0) ||
		    (n > 1 && (r = rp_buf_addf(&b, "-%d", n)) != 0) ||
		    (r = rp_buf_addstr(&b, ".txt")) != 0)
			goto out;
		for (k = 0; k < out->n && (out->v[k].file == NULL ||
		    strcmp(out->v[k].file, b.buf) != 0); k++)
			;
		if (k == out->n)
			break;
		n++;
	}
	l->file = rp_buf_detach(&b, NULL);
	r = l->file ? 0 : RP_ERR_NOMEM;
out:
	rp_buf_release(&b);
	return r;
}

static const char *const class_file[RP_CONTACT_NCLASSES] = {
	"letter-precautionary.txt", "letter-exposed.txt", "letter-infected.txt",
};

static int
one_letter(const char *data_dir, const struct rp_case *c, const struct rp_ini *site,
    int64_t now, const struct group *g, struct rp_letter *l)
{
	struct rp_buf name = RP_BUF_INIT, tmpl = RP_BUF_INIT,
	    fraud = RP_BUF_INIT;
	struct rp_ini *w = NULL;
	struct letter_ctx L;
	const char *lang = g->lang, *sl = rp_ini_get(site, "site", "language");
	size_t i;
	int r;

	/* the client's language, else the site's, else English: the first with letters */
	if (!lang_ok(lang))
		lang = lang_ok(sl) ? sl : "en";
	rp_buf_init(&l->text, 0);
	if ((l->org = strdup(g->key)) == NULL || (l->lang = strdup(lang)) == NULL ||
	    (l->name = strdup(addressee(c, g))) == NULL ||
	    (g->client && (l->client = strdup(g->client)) == NULL)) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	l->cls = g->cls;
	l->naddresses = g->n ? g->n : 1;
	if ((l->addresses = calloc(l->naddresses, sizeof(*l->addresses))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (i = 0; i < l->naddresses; i++)
		if ((l->addresses[i] = strdup(g->n ? c->contacts[g->idx[i]].address :
		    g->conf_address)) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
	qsort(l->addresses, l->naddresses, sizeof(*l->addresses), str_cmp);
	if ((r = rp_buf_addf(&name, "templates/%s/%s", lang, class_file[g->cls])) != 0 ||
	    (r = rp_data_load(data_dir, name.buf, &tmpl)) != 0)
		goto out;
	rp_buf_reset(&name);
	if ((r = rp_words_load(data_dir, lang, &w)) != 0)
		goto out;
	if ((r = rp_buf_addf(&name, "templates/%s/letter-fraud.txt", lang)) != 0 ||
	    (r = rp_data_load(data_dir, name.buf, &fraud)) != 0)
		goto out;
	rp_buf_reset(&name);        /* now the filled letter, before its layout */
	L = (struct letter_ctx){ c, site, g, w, fraud.buf, lang, now, 0 };
	if ((r = rp_template_fill_with(tmpl.buf, c, site, g->client, lang, w, now, fill_letter, &L,
	    &name)) == 0)
		r = reflow(name.buf, &l->text);
	for (i = 0; r == 0 && i < l->text.len; i++)
		if (l->text.buf[i] == NOBREAK)
			l->text.buf[i] = ' ';
out:
	rp_ini_free(w);
	rp_buf_release(&name);
	rp_buf_release(&tmpl);
	rp_buf_release(&fraud);
	return r;
}

int
rp_case_letters(const char *data_dir, const struct rp_case *c, const struct rp_ini *site,
    int64_t now, struct rp_letters *out)
{
	struct rp_buf fm = RP_BUF_INIT;
	struct gather G = { NULL, 0, 0, NULL };
	size_t i;
	int r;

	out->v = NULL;
	out->n = 0;
	if ((r = rp_data_load(data_dir, "case/freemail.txt", &fm)) != 0)
		goto out;
	G.freemail = fm.buf;
	if ((r = gather(&G, c, site)) != 0)
		goto out;
	if (G.n && (out->v = calloc(G.n, sizeof(*out->v))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (i = 0; i < G.n; i++) {
		r = one_letter(data_dir, c, site, now, &G.v[i], &out->v[i]);
		out->n++;
		if (r != 0)
			goto out;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), letter_cmp);
	for (i = 0; i < out->n; i++)
		if ((r = file_name(out, &out->v[i])) != 0)
			goto out;
out:
	if (r != 0)
		rp_letters_release(out);
	gather_release(&G);
	rp_buf_release(&fm);
	return r;
}
