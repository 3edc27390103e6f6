/* The correspondents of a case: checked, recorded, loaded back (see contacts.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>


#include "case/case-int.h"
#include "case/case.h"
#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/json.h"
#include "core/time.h"

static const char *const class_names[RP_CONTACT_NCLASSES] = {
	"precautionary", "exposed", "infected",
};

const char *
rp_contact_class_name(int cls)
{
	return cls >= 0 && cls < RP_CONTACT_NCLASSES ? class_names[cls] : "?";
}

int
rp_contact_class_lookup(const char *name)
{
	int i;

	for (i = 0; name && i < RP_CONTACT_NCLASSES; i++)
		if (strcmp(class_names[i], name) == 0)
			return i;
	return -1;
}

/* A string that goes into letters and the journal: bounded, UTF-8, no control bytes
 * (a newline in a display name would forge a line in a letter). NULL is fine. */
static int
text_ok(const char *s)
{
	size_t n, i;

	if (s == NULL)
		return 1;
	if ((n = strlen(s)) > RP_CONTACT_MAX_TEXT || !rp_utf8_valid(s, n))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}

/* "type:value" split at the first ':' and checked against its type. */
static int
ioc_split(const char *s, char *type, size_t tsize, const char **value)
{
	const char *colon = s ? strchr(s, ':') : NULL;
	size_t n;

	if (colon == NULL || (n = (size_t)(colon - s)) == 0 || n >= tsize)
		return RP_ERR_INVALID;
	memcpy(type, s, n);
	type[n] = '\0';
	*value = colon + 1;
	return rp_ioc_check(type, *value) == 0 ? 0 : RP_ERR_INVALID;
}

int
rp_case_contact_check(const struct rp_case_contact *k)
{
	const char *at, *v;
	char type[16];
	size_t i;

	if (k->address == NULL || !text_ok(k->address) || strlen(k->address) > 320 ||
	    (at = strchr(k->address, '@')) == NULL || at == k->address || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL || strchr(k->address, ' ') != NULL)
		return RP_ERR_INVALID;
	if (!text_ok(k->name) || !text_ok(k->org) || !text_ok(k->client) || !text_ok(k->lang) ||
	    !text_ok(k->fraud_iban) || (k->org && *k->org == '\0'))
		return RP_ERR_INVALID;
	if (k->cls < 0 || k->cls >= RP_CONTACT_NCLASSES)
		return RP_ERR_INVALID;
	if (k->first != RP_TIME_UNSET && k->last != RP_TIME_UNSET && k->first > k->last)
		return RP_ERR_INVALID;
	if (k->nmessages > RP_CONTACT_MAX_MESSAGES || k->niocs > RP_CONTACT_MAX_IOCS)
		return RP_ERR_TOOBIG;
	if ((k->nmessages && k->messages == NULL) || (k->niocs && k->iocs == NULL))
		return RP_ERR_INVALID;
	for (i = 0; i < k->nmessages; i++)
		if (k->messages[i] == NULL || !*k->messages[i] || !text_ok(k->messages[i]))
			return RP_ERR_INVALID;
	for (i = 0; i < k->niocs; i++)
		if (ioc_split(k->iocs[i], type, sizeof(type), &v) != 0)
			return RP_ERR_INVALID;
	return 0;
}

/* The organisation of a contact: org if given, else the address's domain; lower case
 * (domains are case-insensitive: one organisation, one way of writing it). */
static int
org_of(struct rp_buf *b, const char *org, const char *address)
{
	size_t start = b->len, i;
	int r;

	if ((r = rp_buf_addstr(b, org ? org : strrchr(address, '@') + 1)) != 0)
		return r;
	for (i = start; i < b->len; i++)
		if (b->buf[i] >= 'A' && b->buf[i] <= 'Z')
			b->buf[i] = (char)(b->buf[i] - 'A' + 'a');
	return 0;
}

static int
json_key_str(struct rp_buf *b, const char *key, const char *v)
{
	int r;

	if (v == NULL)
		return 0;
	if ((r = rp_buf_addf(b, ",\"%s\":", key)) != 0)
		return r;
	return rp_json_str(b, v);
}

static int
json_key_time(struct rp_buf *b, const char *key, int64_t t)
{
	int r;

	if (t == RP_TIME_UNSET)
		return 0;
	if ((r = rp_buf_addf(b, ",\"%s\":\"", key)) != 0 || (r = rp_time_fmt_utc(b, t)) != 0)
		return r;
	return rp_buf_addch(b, '"');
}

static int
json_key_list(struct rp_buf *b, const char *key, const char *const *v, size_t n)
{
	size_t i;
	int r;

	if (n == 0)
		return 0;
	if ((r = rp_buf_addf(b, ",\"%s\":[", key)) != 0)
		return r;
	for (i = 0; i < n; i++)
		if ((i && (r = rp_buf_addch(b, ',')) != 0) || (r = rp_json_str(b, v[i])) != 0)
			return r;
	return rp_buf_addch(b, ']');
}

/* The indicator as the case keeps it: "type:value" with the value normalised. */
static int
ioc_norm(struct rp_buf *b, const char *type, const char *value)
{
	int r;

	if ((r = rp_buf_addf(b, "%s:", type)) != 0)
		return r;
	return rp_ioc_normalise(type, value, b);
}

struct held {                 /* a set of strings: the indicators the case holds */
	char **v;
	size_t n, cap;
};

static int
held_add(struct held *h, const char *s)
{
	int r;

	if ((r = RP_ARRAY_GROW(&h->v, &h->cap, h->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	if ((h->v[h->n] = strdup(s)) == NULL)
		return RP_ERR_NOMEM;
	h->n++;
	return 0;
}

static int
held_has(const struct held *h, const char *s)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->v[i], s) == 0)
			return 1;
	return 0;
}

static int
collect_ioc(const struct rp_journal_entry *e, void *ctx)
{
	struct rp_buf b = RP_BUF_INIT;
	const char *type, *value;
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *d;
	int r = 0;

	if (strcmp(e->kind, "ioc") != 0 || e->data == NULL ||
	    rp_jdoc_parse(&doc, e->data, strlen(e->data)) != 0)
		return 0;
	d = rp_jdoc_root(doc);
	type = rp_jv_str(rp_jv_get(d, "type"));
	value = rp_jv_str(rp_jv_get(d, "value"));
	if (type && value && (r = rp_buf_addf(&b, "%s:%s", type, value)) == 0)
		r = held_add(ctx, b.buf);
	rp_jdoc_free(doc);
	rp_buf_release(&b);
	return r;
}

int
rp_case_contacts_record(struct rp_store *st, int64_t case_id, int64_t now,
    const char *actor, const char *source, const struct rp_case_contact *contacts,
    size_t n, const char *const *iocs, size_t niocs, size_t *bad)
{
	struct rp_case_info info = { 0 };
	struct rp_journal_new *e = NULL;
	struct rp_buf *bufs = NULL, org = RP_BUF_INIT;
	struct held held = { NULL, 0, 0 }, orgs = { NULL, 0, 0 };
	size_t i, ne = 0, count[RP_CONTACT_NCLASSES] = { 0 }, norgs = 0;
	const char *value;
	char type[16];
	int r;

	if (bad)
		*bad = 0;
	if (source == NULL || !text_ok(source) || (niocs && iocs == NULL))
		return RP_ERR_INVALID;
	for (i = 0; i < n; i++) {
		if ((r = rp_case_contact_check(&contacts[i])) != 0) {
			if (bad)
				*bad = i;
			return r;
		}
	}
	if (niocs > RP_CONTACT_MAX_IOCS)
		return RP_ERR_TOOBIG;
	for (i = 0; i < niocs; i++) {
		if (ioc_split(iocs[i], type, sizeof(type), &value) != 0) {
			if (bad)
				*bad = n + i;
			return RP_ERR_INVALID;
		}
	}
	if ((r = rp_case_get(st, case_id, &info)) != 0)
		return r;
	if ((r = rp_journal_each(st, info.id, collect_ioc, &held)) != 0)
		goto out;
	/* one entry per contact, per new indicator, and the summary */
	if ((e = calloc(n + niocs + 1, sizeof(*e))) == NULL ||
	    (bufs = calloc(2 * (n + niocs + 1), sizeof(*bufs))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (i = 0; i < 2 * (n + niocs + 1); i++)
		rp_buf_init(&bufs[i], 0);
	for (i = 0; i < n; i++) {
		const struct rp_case_contact *k = &contacts[i];
		struct rp_buf *t = &bufs[2 * ne], *d = &bufs[2 * ne + 1];
		struct rp_buf norm = RP_BUF_INIT;
		size_t j;

		rp_buf_reset(&org);
		if ((r = org_of(&org, k->org, k->address)) != 0)
			goto out;
		if (!held_has(&orgs, org.buf) && (r = held_add(&orgs, org.buf)) != 0)
			goto out;
		count[k->cls]++;
		if ((r = rp_buf_addf(t, "contact %s: %s", class_names[k->cls], k->address)) != 0 ||
		    (k->client && (r = rp_buf_addf(t, " (%s)", k->client)) != 0))
			goto out;
		if ((r = rp_buf_addstr(d, "{\"address\":")) != 0 ||
		    (r = rp_json_str(d, k->address)) != 0 ||
		    (r = json_key_str(d, "name", k->name)) != 0 ||
		    (r = json_key_str(d, "org", org.buf)) != 0 ||
		    (r = json_key_str(d, "client", k->client)) != 0 ||
		    (r = json_key_str(d, "lang", k->lang)) != 0 ||
		    (r = json_key_str(d, "class", class_names[k->cls])) != 0 ||
		    (r = json_key_list(d, "messages", k->messages, k->nmessages)) != 0 ||
		    (r = json_key_time(d, "first", k->first)) != 0 ||
		    (r = json_key_time(d, "last", k->last)) != 0)
			goto out;
		for (j = 0; j < k->niocs; j++) {
			rp_buf_reset(&norm);
			ioc_split(k->iocs[j], type, sizeof(type), &value);
			if ((r = rp_buf_addstr(d, j ? "," : ",\"iocs\":[")) != 0 ||
			    (r = ioc_norm(&norm, type, value)) != 0 || (r = rp_json_str(d, norm.buf)) != 0) {
				rp_buf_release(&norm);
				goto out;
			}
		}
		rp_buf_release(&norm);
		if ((k->niocs && (r = rp_buf_addch(d, ']')) != 0) ||
		    (r = json_key_str(d, "fraud_iban", k->fraud_iban)) != 0 ||
		    (r = json_key_str(d, "source", source)) != 0 || (r = rp_buf_addch(d, '}')) != 0)
			goto out;
		e[ne++] = (struct rp_journal_new){ "contact", t->buf, d->buf };
	}
	for (i = 0; i < niocs; i++) {
		struct rp_buf *t = &bufs[2 * ne], *d = &bufs[2 * ne + 1];

		ioc_split(iocs[i], type, sizeof(type), &value);
		rp_buf_reset(&org);
		if ((r = ioc_norm(&org, type, value)) != 0)
			goto out;
		if (held_has(&held, org.buf))
			continue;           /* the case holds it already, or twice in iocs */
		if ((r = held_add(&held, org.buf)) != 0 ||
		    (r = rp_buf_addf(t, "IOC %s: %s", type, org.buf + strlen(type) + 1)) != 0 ||
		    (r = rp_buf_addstr(d, "{\"type\":")) != 0 || (r = rp_json_str(d, type)) != 0 ||
		    (r = json_key_str(d, "value", org.buf + strlen(type) + 1)) != 0 ||
		    (r = json_key_str(d, "source", source)) != 0 || (r = rp_buf_addch(d, '}')) != 0)
			goto out;
		e[ne++] = (struct rp_journal_new){ "ioc", t->buf, d->buf };
	}
	norgs = orgs.n;
	{
		struct rp_buf *t = &bufs[2 * ne], *d = &bufs[2 * ne + 1];

		if ((r = rp_buf_addf(t, "contacts from %s: %zu infected, %zu exposed, %zu "
		    "precautionary in %zu organisation%s", source, count[RP_CONTACT_INFECTED],
		    count[RP_CONTACT_EXPOSED], count[RP_CONTACT_PRECAUTIONARY], norgs,
		    norgs == 1 ? "" : "s")) != 0 ||
		    (r = rp_buf_addstr(d, "{\"source\":")) != 0 || (r = rp_json_str(d, source)) != 0 ||
		    (r = rp_buf_addf(d, ",\"infected\":%zu,\"exposed\":%zu,\"precautionary\":%zu,"
		    "\"organisations\":%zu}", count[RP_CONTACT_INFECTED], count[RP_CONTACT_EXPOSED],
		    count[RP_CONTACT_PRECAUTIONARY], norgs)) != 0)
			goto out;
		e[ne++] = (struct rp_journal_new){ "contacts", t->buf, d->buf };
	}
	r = rp_journal_append_batch(st, info.id, now, actor, e, ne);
out:
	for (i = 0; bufs && i < 2 * (n + niocs + 1); i++)
		rp_buf_release(&bufs[i]);
	for (i = 0; i < held.n; i++)
		free(held.v[i]);
	for (i = 0; i < orgs.n; i++)
		free(orgs.v[i]);
	free(held.v);
	free(orgs.v);
	free(bufs);
	free(e);
	rp_buf_release(&org);
	rp_case_info_release(&info);
	return r;
}

/* ---- loading ---- */

static void
strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void
rp_contacts_free(struct rp_contact *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].address);
		free(v[i].name);
		free(v[i].org);
		free(v[i].client);
		free(v[i].lang);
		free(v[i].fraud_iban);
		strv_free(v[i].messages, v[i].nmessages);
		strv_free(v[i].iocs, v[i].niocs);
	}
	free(v);
}

/* Adds the strings of a JSON array to a set (no duplicates), within max. */
static int
strv_union(char ***v, size_t *n, const struct rp_jv *arr, size_t max)
{
	size_t i, j;
	char **nv;
	const char *s;

	for (i = 0; i < rp_jv_len(arr); i++) {
		if ((s = rp_jv_str(rp_jv_at(arr, i))) == NULL || *n >= max)
			continue;
		for (j = 0; j < *n && strcmp((*v)[j], s) != 0; j++)
			;
		if (j < *n)
			continue;
		if ((nv = realloc(*v, (*n + 1) * sizeof(*nv))) == NULL)
			return RP_ERR_NOMEM;
		*v = nv;
		if ((nv[*n] = strdup(s)) == NULL)
			return RP_ERR_NOMEM;
		(*n)++;
	}
	return 0;
}

/* Replaces *dst by s when s is given (the newest name, client, language wins). */
static int
newer(char **dst, const char *s)
{
	char *d;

	if (s == NULL)
		return 0;
	if ((d = strdup(s)) == NULL)
		return RP_ERR_NOMEM;
	free(*dst);
	*dst = d;
	return 0;
}

static int64_t
jtime(const struct rp_jv *d, const char *key)
{
	const char *s = rp_jv_str(rp_jv_get(d, key));
	int64_t t;

	return s && rp_time_parse(s, &t, NULL) == 0 ? t : RP_TIME_UNSET;
}

int
rp_case_load_contact(struct rp_case *c, int64_t time, const char *data)
{
	struct rp_contact *k;
	const char *address, *org, *s;
	int64_t first, last;
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *d;
	size_t i;
	int cls, r = RP_ERR_NOMEM;

	if (data == NULL || rp_jdoc_parse(&doc, data, strlen(data)) != 0)
		return 0;
	d = rp_jdoc_root(doc);
	address = rp_jv_str(rp_jv_get(d, "address"));
	org = rp_jv_str(rp_jv_get(d, "org"));
	cls = rp_contact_class_lookup(rp_jv_str(rp_jv_get(d, "class")));
	if (address == NULL || org == NULL || *org == '\0' || cls < 0) {
		rp_jdoc_free(doc);
		return 0;            /* not one of ours: the journal is shown, not trusted */
	}
	for (i = 0; i < c->ncontacts; i++)
		if (strcasecmp(c->contacts[i].address, address) == 0)
			break;
	if (i == c->ncontacts) {
		if ((r = RP_ARRAY_GROW(&c->contacts, &c->cap.contacts, c->ncontacts + 1,
		    RP_ARRAY_MAX_DEFAULT)) != 0)
			goto out;
		r = RP_ERR_NOMEM;
		k = &c->contacts[c->ncontacts++];
		memset(k, 0, sizeof(*k));
		k->cls = cls;
		k->first = k->last = RP_TIME_UNSET;
		k->time = time;
		if ((k->address = strdup(address)) == NULL || (k->org = strdup(org)) == NULL)
			goto out;
	}
	k = &c->contacts[i];
	if (cls > k->cls)
		k->cls = cls;
	first = jtime(d, "first");
	last = jtime(d, "last");
	if (first != RP_TIME_UNSET && (k->first == RP_TIME_UNSET || first < k->first))
		k->first = first;
	if (last != RP_TIME_UNSET && (k->last == RP_TIME_UNSET || last > k->last))
		k->last = last;
	if ((r = newer(&k->org, org)) != 0 ||
	    (r = newer(&k->name, rp_jv_str(rp_jv_get(d, "name")))) != 0 ||
	    (r = newer(&k->client, rp_jv_str(rp_jv_get(d, "client")))) != 0 ||
	    (r = newer(&k->lang, rp_jv_str(rp_jv_get(d, "lang")))) != 0 ||
	    (r = newer(&k->fraud_iban, (s = rp_jv_str(rp_jv_get(d,
	    "fraud_iban"))))) != 0 ||
	    (r = strv_union(&k->messages, &k->nmessages, rp_jv_get(d, "messages"),
	    RP_CONTACT_MAX_MESSAGES)) != 0 ||
	    (r = strv_union(&k->iocs, &k->niocs, rp_jv_get(d, "iocs"),
	    RP_CONTACT_MAX_IOCS)) != 0)
		goto out;
	r = 0;
out:
	rp_jdoc_free(doc);
	return r;
}
