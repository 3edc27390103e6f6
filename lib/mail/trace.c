/*
 * Contact tracing (see trace.h). Messages and contacts live in growable arrays found
 * by hash maps (Message-ID, address); log deliveries from the affected mailboxes wait
 * until rp_trace_finish, when every store has been read, to be joined by Message-ID.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "core/array.h"
#include "core/err.h"
#include "core/map.h"
#include "core/time.h"
#include "mail/trace.h"

#define TR_MAX_ATT 64
#define TR_MAX_IND 64

struct tmsg {
	char *id, *from, *subject, *iban;
	int64_t date;
	int cls, seen, outbound;
	char **ind; size_t nind, capind;
	struct rp_trace_attachment *att; size_t natt;
	size_t nrcpt;
};

struct tcontact {
	char *addr, *name;
	int cls;
	int64_t first, last;
	size_t *msgs; size_t nmsgs, cap;
	unsigned sources;
};

struct tdeliv {
	char *key, *to, *subject, *from;
	int64_t time;
	int reached;
};

struct tclient {
	char *name, *lang;
};

struct rp_trace {
	struct rp_trace_opts o;
	struct tmsg *m; size_t nm, capm;
	struct tcontact *c; size_t nc, capc;
	struct tdeliv *d; size_t nd, capd;
	struct tclient *cl; size_t ncl, capcl;
	struct rp_map mmap, cmap, pairs, clmap;
	int finished;
	/* results */
	struct rp_trace_contact *rc;
	struct rp_trace_message *rm;
	const char **ids;
};

const char *
rp_trace_class_name(enum rp_trace_class c)
{
	switch (c) {
	case RP_TRACE_PRECAUTIONARY: return "precautionary";
	case RP_TRACE_EXPOSED: return "exposed";
	case RP_TRACE_INFECTED: return "infected";
	case RP_TRACE_NONE: break;
	}
	return "none";
}

static char *
dup(const char *s)
{
	return strdup(s ? s : "");
}

static void
lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

/* domain is d or below it */
static int
in_domain(const char *domain, const char *d)
{
	size_t a = strlen(domain), b = strlen(d);

	if (b == 0 || a < b || strcasecmp(domain + a - b, d) != 0)
		return 0;
	return a == b || domain[a - b - 1] == '.';
}

int
rp_trace_affected(const struct rp_trace_opts *o, const char *addr)
{
	const char *at = strrchr(addr, '@');
	size_t i;

	if (*addr == '\0')
		return 0;
	if (o->nmailboxes > 0) {
		for (i = 0; i < o->nmailboxes; i++)
			if (strcasecmp(o->mailboxes[i], addr) == 0)
				return 1;
		return 0;
	}
	for (i = 0; at && i < o->ndomains; i++)
		if (in_domain(at + 1, o->domains[i]))
			return 1;
	return 0;
}

static int
own_host(const struct rp_trace *t, const char *host)
{
	size_t i;

	for (i = 0; i < t->o.ndomains; i++)
		if (in_domain(host, t->o.domains[i]))
			return 1;
	return 0;
}

static int
in_window(const struct rp_trace *t, int64_t when)
{
	if (when == RP_TIME_UNSET)
		return 1;
	return (t->o.since == RP_TIME_UNSET || when >= t->o.since) &&
	    (t->o.until == RP_TIME_UNSET || when <= t->o.until);
}

int
rp_trace_new(const struct rp_trace_opts *o, struct rp_trace **out)
{
	struct rp_trace *t;

	*out = NULL;
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return RP_ERR_NOMEM;
	t->o = *o;
	if (t->o.site_lang == NULL || *t->o.site_lang == '\0')
		t->o.site_lang = "en";
	rp_map_init(&t->mmap);
	rp_map_init(&t->cmap);
	rp_map_init(&t->pairs);
	rp_map_init(&t->clmap);
	*out = t;
	return 0;
}

void
rp_trace_free(struct rp_trace *t)
{
	size_t i, j;

	if (t == NULL)
		return;
	for (i = 0; i < t->nm; i++) {
		struct tmsg *m = &t->m[i];

		free(m->id);
		free(m->from);
		free(m->subject);
		free(m->iban);
		for (j = 0; j < m->nind; j++)
			free(m->ind[j]);
		free(m->ind);
		for (j = 0; j < m->natt; j++) {
			free((char *)m->att[j].name);
			free((char *)m->att[j].sha256);
		}
		free(m->att);
	}
	free(t->m);
	for (i = 0; i < t->nc; i++) {
		free(t->c[i].addr);
		free(t->c[i].name);
		free(t->c[i].msgs);
	}
	free(t->c);
	for (i = 0; i < t->nd; i++) {
		free(t->d[i].key);
		free(t->d[i].to);
		free(t->d[i].subject);
		free(t->d[i].from);
	}
	free(t->d);
	for (i = 0; i < t->ncl; i++) {
		free(t->cl[i].name);
		free(t->cl[i].lang);
	}
	free(t->cl);
	rp_map_release(&t->mmap, NULL);
	rp_map_release(&t->cmap, NULL);
	rp_map_release(&t->pairs, NULL);
	rp_map_release(&t->clmap, NULL);
	free(t->rc);
	free(t->rm);
	free(t->ids);
	free(t);
}

/* ---- clients ---- */

static int
client_domain(struct rp_trace *t, const char *d, size_t len, size_t idx)
{
	char dom[256];
	void **v;
	int r;

	while (len > 0 && (*d == ' ' || *d == '\t' || *d == '@'))
		d++, len--;
	while (len > 0 && (d[len - 1] == ' ' || d[len - 1] == '\t' || d[len - 1] == '.' ||
	    d[len - 1] == '>'))   /* "contact = Name <a@b.example>" */
		len--;
	if (len == 0 || len >= sizeof(dom))
		return 0;
	memcpy(dom, d, len);
	dom[len] = '\0';
	lower(dom);
	if ((r = rp_map_put(&t->clmap, dom, len, &v)) < 0)
		return r;
	if (r == 1)   /* the first [client] that names a domain keeps it */
		*v = (void *)(uintptr_t)(idx + 1);
	return 0;
}

int
rp_trace_clients(struct rp_trace *t, const struct rp_ini *ini)
{
	size_t from = 0, idx;
	int r;

	if (ini == NULL)
		return 0;
	while (rp_ini_find(ini, "client", &from, &idx) == 0) {
		const char *name = rp_ini_section_get(ini, idx, "name");
		const char *lang = rp_ini_section_get(ini, idx, "language");
		const char *contact = rp_ini_section_get(ini, idx, "contact");
		const char *doms = rp_ini_section_get(ini, idx, "domains");
		size_t k = t->ncl;

		if (name == NULL || *name == '\0')
			continue;
		if ((r = RP_ARRAY_GROW(&t->cl, &t->capcl, t->ncl + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
			return r;
		t->cl[k].name = dup(name);
		t->cl[k].lang = dup(lang && *lang ? lang : t->o.site_lang);
		t->ncl++;
		if (t->cl[k].name == NULL || t->cl[k].lang == NULL)
			return RP_ERR_NOMEM;
		if (contact && strchr(contact, '@') != NULL) {
			const char *at = strrchr(contact, '@') + 1;

			if ((r = client_domain(t, at, strlen(at), k)) != 0)
				return r;
		}
		while (doms && *doms) {   /* "a.example, b.example" or spaces */
			size_t n = strcspn(doms, ", \t");

			if ((r = client_domain(t, doms, n, k)) != 0)
				return r;
			doms += n;
			doms += strspn(doms, ", \t");
		}
	}
	return 0;
}

static const struct tclient *
client_of(const struct rp_trace *t, const char *domain)
{
	const char *d = domain;
	void **v;

	while (d && *d) {
		if ((v = rp_map_get(&t->clmap, d, strlen(d))) != NULL)
			return &t->cl[(uintptr_t)*v - 1];
		d = strchr(d, '.');
		if (d)
			d++;
	}
	return NULL;
}

/* ---- messages and contacts ---- */

/* The message with key id, made when new (*made set). Index in *idx. */
static int
msg_get(struct rp_trace *t, const char *id, size_t *idx, int *made)
{
	void **v;
	int r;

	if ((r = rp_map_put(&t->mmap, id, strlen(id), &v)) < 0)
		return r;
	*made = r == 1;
	if (r == 0) {
		*idx = (uintptr_t)*v - 1;
		return 0;
	}
	if ((r = RP_ARRAY_GROW(&t->m, &t->capm, t->nm + 1, RP_ARRAY_MAX_DEFAULT)) != 0) {
		rp_map_del(&t->mmap, id, strlen(id), NULL);
		return r;
	}
	memset(&t->m[t->nm], 0, sizeof(t->m[t->nm]));
	t->m[t->nm].date = RP_TIME_UNSET;
	if ((t->m[t->nm].id = dup(id)) == NULL)
		return RP_ERR_NOMEM;
	*v = (void *)(uintptr_t)(t->nm + 1);
	*idx = t->nm++;
	return 0;
}

/* Adds addr to the lists: its class raised to cls, msg (SIZE_MAX: none) to its
 * messages, the time to its first and last. */
static int
contact_add(struct rp_trace *t, const char *addr, const char *name, int cls, size_t msg,
    int64_t when, unsigned src)
{
	struct tcontact *c;
	void **v;
	int r;

	if (*addr == '\0' || rp_trace_affected(&t->o, addr))
		return 0;
	if ((r = rp_map_put(&t->cmap, addr, strlen(addr), &v)) < 0)
		return r;
	if (r == 1) {
		if ((r = RP_ARRAY_GROW(&t->c, &t->capc, t->nc + 1, RP_ARRAY_MAX_DEFAULT)) != 0) {
			rp_map_del(&t->cmap, addr, strlen(addr), NULL);
			return r;
		}
		c = &t->c[t->nc];
		memset(c, 0, sizeof(*c));
		c->first = c->last = RP_TIME_UNSET;
		if ((c->addr = dup(addr)) == NULL || (c->name = dup("")) == NULL)
			return RP_ERR_NOMEM;
		*v = (void *)(uintptr_t)(t->nc + 1);
		t->nc++;
	} else {
		c = &t->c[(uintptr_t)*v - 1];
	}
	if (cls > c->cls)
		c->cls = cls;
	c->sources |= src;
	if (name && *name && *c->name == '\0') {
		char *n = dup(name);

		if (n == NULL)
			return RP_ERR_NOMEM;
		free(c->name);
		c->name = n;
	}
	if (msg != SIZE_MAX) {
		const struct tmsg *m = &t->m[msg];
		size_t kl = strlen(addr), il = strlen(m->id);
		char *key = malloc(kl + il + 2);

		if (key == NULL)
			return RP_ERR_NOMEM;
		memcpy(key, addr, kl);
		key[kl] = '\n';
		memcpy(key + kl + 1, m->id, il + 1);
		r = rp_map_put(&t->pairs, key, kl + il + 1, &v);
		free(key);
		if (r < 0)
			return r;
		if (r == 1) {
			if ((r = RP_ARRAY_GROW(&c->msgs, &c->cap, c->nmsgs + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
				return r;
			c->msgs[c->nmsgs++] = msg;
			t->m[msg].nrcpt++;
		}
		if (m->date != RP_TIME_UNSET)
			when = m->date;
	}
	if (when != RP_TIME_UNSET) {
		if (c->first == RP_TIME_UNSET || when < c->first)
			c->first = when;
		if (c->last == RP_TIME_UNSET || when > c->last)
			c->last = when;
	}
	return 0;
}

static int
add_indicator(struct tmsg *m, const char *kind, const char *value)
{
	size_t i, n = strlen(kind) + strlen(value) + 2;
	char *s;
	int r;

	if (m->nind >= TR_MAX_IND)
		return 0;
	if ((s = malloc(n)) == NULL)
		return RP_ERR_NOMEM;
	snprintf(s, n, "%s:%s", kind, value);
	for (i = 0; i < m->nind; i++)
		if (strcmp(m->ind[i], s) == 0) {
			free(s);
			return 0;
		}
	if ((r = RP_ARRAY_GROW(&m->ind, &m->capind, m->nind + 1, TR_MAX_IND)) != 0) {
		free(s);
		return r;
	}
	m->ind[m->nind++] = s;
	return 0;
}

static int
content_class(const struct rp_trace *t, const struct rp_mail_msg *m)
{
	size_t i;

	if (m->verdict == RP_MAIL_MALICIOUS || m->bec_iban != NULL)
		return RP_TRACE_INFECTED;
	for (i = 0; i < m->natt; i++)
		if (!(m->att[i].flags & RP_MAIL_ATT_INLINE))
			return RP_TRACE_EXPOSED;
	for (i = 0; i < m->nurls; i++)
		if (m->urls[i].host && *m->urls[i].host && !own_host(t, m->urls[i].host))
			return RP_TRACE_EXPOSED;
	return RP_TRACE_PRECAUTIONARY;
}

/* What the letters need of a message from a store: attachments, indicators. */
static int
fill_store_msg(const struct rp_trace *t, struct tmsg *tm, const struct rp_mail_msg *m, int cls)
{
	size_t i;
	int r;

	tm->seen |= RP_TRACE_SRC_STORE;
	if (cls > tm->cls)
		tm->cls = cls;
	if (tm->natt > 0 || tm->subject != NULL)
		return 0;   /* the same message in a second store */
	tm->date = m->date;
	if ((tm->subject = dup(m->subject)) == NULL || (tm->from = dup(m->from.addr)) == NULL)
		return RP_ERR_NOMEM;
	lower(tm->from);
	if (m->bec_iban && (tm->iban = dup(m->bec_iban)) == NULL)
		return RP_ERR_NOMEM;
	if (m->bec_iban && (r = add_indicator(tm, "iban", m->bec_iban)) != 0)
		return r;
	if (m->natt > 0 && (tm->att = calloc(m->natt < TR_MAX_ATT ? m->natt : TR_MAX_ATT,
	    sizeof(*tm->att))) == NULL)
		return RP_ERR_NOMEM;
	for (i = 0; i < m->natt && i < TR_MAX_ATT; i++) {
		struct rp_trace_attachment *a = &tm->att[tm->natt];

		if ((a->name = dup(m->att[i].name)) == NULL || (a->sha256 = dup(m->att[i].sha256)) == NULL)
			return RP_ERR_NOMEM;
		a->size = m->att[i].size;
		a->matched = m->att[i].nmatches > 0;
		tm->natt++;
		if (a->matched && (r = add_indicator(tm, "sha256", a->sha256)) != 0)
			return r;
	}
	for (i = 0; i < m->nmatches; i++) {
		const struct rp_mail_match *x = &m->matches[i];

		if (x->suspicious_only)
			continue;
		if (strcmp(x->source, "ioc") == 0)
			r = add_indicator(tm, x->name, x->value);
		else
			r = add_indicator(tm, x->source, x->name);
		if (r != 0)
			return r;
	}
	(void)t;
	return 0;
}

static int
recipients(struct rp_trace *t, const struct rp_mail_addr *v, size_t n, int cls, size_t msg,
    int64_t when, unsigned src, const char *skip)
{
	char a[RP_MAIL_ADDR_MAX];
	size_t i;
	int r;

	for (i = 0; i < n; i++) {
		if (rp_mail_addr_norm(v[i].addr, strlen(v[i].addr), a) != 0 || strcmp(a, skip) == 0)
			continue;
		if ((r = contact_add(t, a, v[i].name, cls, msg, when, src)) != 0)
			return r;
	}
	return 0;
}

int
rp_trace_message(struct rp_trace *t, const struct rp_mail_msg *m)
{
	char from[RP_MAIL_ADDR_MAX], key[600];
	const char *id;
	size_t i, idx;
	int r, made, inbound = 0, cls;

	if (!in_window(t, m->date))
		return 0;
	if (rp_mail_addr_norm(m->from.addr, strlen(m->from.addr), from) != 0)
		from[0] = '\0';
	if (m->message_id && *m->message_id) {
		id = m->message_id;
	} else {   /* not joinable: its place in the store names it */
		snprintf(key, sizeof(key), "%.*s#%llu", (int)(m->loc.storelen > 500 ? 500 : m->loc.storelen),
		    m->loc.store, (unsigned long long)m->loc.index);
		id = key;
	}
	if (rp_trace_affected(&t->o, from)) {
		cls = content_class(t, m);
		if ((r = msg_get(t, id, &idx, &made)) != 0)
			return r;
		t->m[idx].outbound = 1;
		if ((r = fill_store_msg(t, &t->m[idx], m, cls)) != 0)
			return r;
		cls = t->m[idx].cls;
		if ((r = recipients(t, m->to, m->nto, cls, idx, m->date, RP_TRACE_SRC_STORE, "")) ||
		    (r = recipients(t, m->cc, m->ncc, cls, idx, m->date, RP_TRACE_SRC_STORE, "")) ||
		    (r = recipients(t, m->bcc, m->nbcc, cls, idx, m->date, RP_TRACE_SRC_STORE, "")))
			return r;
		return 0;
	}
	/* mail to an affected mailbox: its sender and the others in it are correspondents */
	for (i = 0; i < m->nto && !inbound; i++)
		inbound = rp_trace_affected(&t->o, m->to[i].addr);
	for (i = 0; i < m->ncc && !inbound; i++)
		inbound = rp_trace_affected(&t->o, m->cc[i].addr);
	for (i = 0; i < m->nbcc && !inbound; i++)
		inbound = rp_trace_affected(&t->o, m->bcc[i].addr);
	if (!inbound || from[0] == '\0')
		return 0;
	if ((r = msg_get(t, id, &idx, &made)) != 0)
		return r;
	if ((r = fill_store_msg(t, &t->m[idx], m, RP_TRACE_PRECAUTIONARY)) != 0)
		return r;
	if ((r = contact_add(t, from, m->from.name, RP_TRACE_PRECAUTIONARY, idx, m->date,
	    RP_TRACE_SRC_INBOUND | RP_TRACE_SRC_STORE)) != 0)
		return r;
	if ((r = recipients(t, m->to, m->nto, RP_TRACE_PRECAUTIONARY, idx, m->date,
	    RP_TRACE_SRC_INBOUND | RP_TRACE_SRC_STORE, from)) != 0 ||
	    (r = recipients(t, m->cc, m->ncc, RP_TRACE_PRECAUTIONARY, idx, m->date,
	    RP_TRACE_SRC_INBOUND | RP_TRACE_SRC_STORE, from)) != 0)
		return r;
	return 0;
}

int
rp_trace_delivery(struct rp_trace *t, const struct rp_maillog_rec *r)
{
	struct tdeliv *d;
	char key[300];
	size_t idx;
	int e, made;

	if (!in_window(t, r->time) || *r->from == '\0')
		return 0;
	if (*r->msgid)
		snprintf(key, sizeof(key), "%s", r->msgid);
	else if (*r->qid)
		snprintf(key, sizeof(key), "(%s queue id %s)", r->source, r->qid);
	else
		key[0] = '\0';
	if (rp_trace_affected(&t->o, r->from)) {
		if (rp_trace_affected(&t->o, r->to))
			return 0;
		if ((e = RP_ARRAY_GROW(&t->d, &t->capd, t->nd + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
			return e;
		d = &t->d[t->nd];
		memset(d, 0, sizeof(*d));
		d->time = r->time;
		d->reached = rp_maillog_status_reached(r->status);
		t->nd++;
		if ((d->key = dup(key)) == NULL || (d->to = dup(r->to)) == NULL ||
		    (d->subject = dup(r->subject)) == NULL || (d->from = dup(r->from)) == NULL)
			return RP_ERR_NOMEM;
		return 0;
	}
	if (!rp_trace_affected(&t->o, r->to))
		return 0;
	/* to an affected mailbox from outside: a correspondent */
	idx = SIZE_MAX;
	if (key[0]) {
		if ((e = msg_get(t, key, &idx, &made)) != 0)
			return e;
		t->m[idx].seen |= RP_TRACE_SRC_LOG;
		if (t->m[idx].cls == RP_TRACE_NONE)
			t->m[idx].cls = RP_TRACE_PRECAUTIONARY;
		if (made) {
			t->m[idx].date = r->time;
			if ((t->m[idx].from = dup(r->from)) == NULL ||
			    (*r->subject && (t->m[idx].subject = dup(r->subject)) == NULL))
				return RP_ERR_NOMEM;
		}
	}
	return contact_add(t, r->from, "", RP_TRACE_PRECAUTIONARY, idx, r->time,
	    RP_TRACE_SRC_INBOUND | RP_TRACE_SRC_LOG);
}

int
rp_trace_abook(struct rp_trace *t, const struct rp_abook_entry *e)
{
	return contact_add(t, e->addr, e->name, RP_TRACE_PRECAUTIONARY, SIZE_MAX, RP_TIME_UNSET,
	    RP_TRACE_SRC_ABOOK);
}

/* ---- the result ---- */

static int
msg_order(const struct tmsg *a, const struct tmsg *b)
{
	if (a->date != b->date)
		return a->date == RP_TIME_UNSET ? 1 : b->date == RP_TIME_UNSET ? -1 :
		    a->date < b->date ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int
cmp_idx(const void *x, const void *y, void *ctx)
{
	const struct tmsg *m = ctx;

	return msg_order(&m[*(const size_t *)x], &m[*(const size_t *)y]);
}

static int
cmp_msg(const void *x, const void *y)
{
	const struct rp_trace_message *a = x, *b = y;

	if (a->date != b->date)
		return a->date == RP_TIME_UNSET ? 1 : b->date == RP_TIME_UNSET ? -1 :
		    a->date < b->date ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* contacts: the organisation with the highest class first, then by domain; within
 * one, the highest class first, then by address */
struct csort {
	const struct tcontact *c;
	const char *domain;
	int orgmax;
};

static int
cmp_contact(const void *x, const void *y)
{
	const struct csort *a = x, *b = y;
	int r;

	if (a->orgmax != b->orgmax)
		return b->orgmax - a->orgmax;
	if ((r = strcmp(a->domain, b->domain)) != 0)
		return r;
	if (a->c->cls != b->c->cls)
		return b->c->cls - a->c->cls;
	return strcmp(a->c->addr, b->c->addr);
}

int
rp_trace_finish(struct rp_trace *t, struct rp_trace_result *res)
{
	struct rp_map orgs;
	struct csort *cs = NULL;
	size_t i, j, nids = 0, k;
	void **v;
	int r;

	memset(res, 0, sizeof(*res));
	if (t->finished)
		return RP_ERR_INVALID;
	t->finished = 1;
	/* the log's deliveries, joined to the stores' messages by Message-ID */
	for (i = 0; i < t->nd; i++) {
		const struct tdeliv *d = &t->d[i];
		size_t idx = SIZE_MAX;
		int made = 0, cls = RP_TRACE_PRECAUTIONARY;

		if (d->key[0]) {
			if ((r = msg_get(t, d->key, &idx, &made)) != 0)
				return r;
			if (made) {   /* known only from the log: its content was not seen */
				struct tmsg *m = &t->m[idx];

				m->cls = RP_TRACE_EXPOSED;
				m->date = d->time;
				m->outbound = 1;
				if ((m->from = dup(d->from)) == NULL ||
				    (*d->subject && (m->subject = dup(d->subject)) == NULL))
					return RP_ERR_NOMEM;
			}
			t->m[idx].seen |= RP_TRACE_SRC_LOG;
			if (d->reached && t->m[idx].outbound)
				cls = t->m[idx].cls;
		} else if (d->reached) {
			cls = RP_TRACE_EXPOSED;
		}
		if ((r = contact_add(t, d->to, "", cls, idx, d->time, RP_TRACE_SRC_LOG)) != 0)
			return r;
	}
	/* the contacts, their organisation's highest class, their messages by date */
	if ((t->rc = calloc(t->nc ? t->nc : 1, sizeof(*t->rc))) == NULL ||
	    (cs = calloc(t->nc ? t->nc : 1, sizeof(*cs))) == NULL)
		return RP_ERR_NOMEM;
	rp_map_init(&orgs);
	for (i = 0; i < t->nc; i++) {
		const char *dom = strrchr(t->c[i].addr, '@') + 1;

		if ((r = rp_map_put(&orgs, dom, strlen(dom), &v)) < 0)
			goto out;
		if ((uintptr_t)*v < (uintptr_t)t->c[i].cls)
			*v = (void *)(uintptr_t)t->c[i].cls;
		nids += t->c[i].nmsgs;
		if (t->c[i].nmsgs > 1)   /* an address book's entry has none (and a NULL array) */
			qsort_r(t->c[i].msgs, t->c[i].nmsgs, sizeof(size_t), cmp_idx, t->m);
	}
	for (i = 0; i < t->nc; i++) {
		cs[i].c = &t->c[i];
		cs[i].domain = strrchr(t->c[i].addr, '@') + 1;
		cs[i].orgmax = (int)(uintptr_t)*rp_map_get(&orgs, cs[i].domain, strlen(cs[i].domain));
	}
	res->organisations = orgs.n;
	qsort(cs, t->nc, sizeof(*cs), cmp_contact);
	r = RP_ERR_NOMEM;
	if ((t->ids = calloc(nids ? nids : 1, sizeof(*t->ids))) == NULL)
		goto out;
	for (i = 0, k = 0; i < t->nc; i++) {
		const struct tcontact *c = cs[i].c;
		struct rp_trace_contact *o = &t->rc[i];
		const struct tclient *cl;

		o->addr = c->addr;
		o->name = c->name;
		o->domain = cs[i].domain;
		cl = client_of(t, o->domain);
		o->client = cl ? cl->name : NULL;
		o->lang = cl ? cl->lang : t->o.site_lang;
		o->cls = (enum rp_trace_class)c->cls;
		o->first = c->first;
		o->last = c->last;
		o->msgids = t->ids + k;
		for (j = 0; j < c->nmsgs; j++)
			t->ids[k++] = t->m[c->msgs[j]].id;
		o->nmsgids = c->nmsgs;
		o->sources = c->sources;
		if (c->cls == RP_TRACE_INFECTED)
			res->infected++;
		else if (c->cls == RP_TRACE_EXPOSED)
			res->exposed++;
		else
			res->precautionary++;
	}
	/* the messages someone in the lists received */
	if ((t->rm = calloc(t->nm ? t->nm : 1, sizeof(*t->rm))) == NULL)
		goto out;
	for (i = 0, k = 0; i < t->nm; i++) {
		const struct tmsg *m = &t->m[i];
		struct rp_trace_message *o;

		if (m->nrcpt == 0)
			continue;
		o = &t->rm[k++];
		o->id = m->id;
		o->date = m->date;
		o->from = m->from ? m->from : "";
		o->subject = m->subject ? m->subject : "";
		o->cls = (enum rp_trace_class)m->cls;
		o->seen = m->seen;
		o->iban = m->iban;
		o->indicators = (const char *const *)m->ind;
		o->nindicators = m->nind;
		o->att = m->att;
		o->natt = m->natt;
		o->nrecipients = m->nrcpt;
		if (m->seen == RP_TRACE_SRC_LOG && m->outbound)
			res->log_only++;
	}
	qsort(t->rm, k, sizeof(*t->rm), cmp_msg);
	res->contacts = t->rc;
	res->ncontacts = t->nc;
	res->messages = t->rm;
	res->nmessages = k;
	r = 0;
out:
	rp_map_release(&orgs, NULL);
	free(cs);
	return r;
}
