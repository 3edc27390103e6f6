/*
 * One worker builds one message at a time: the parsers feed it (mail_w_*), then
 * mail_worker_finish matches the header and the links against the IOCs, checks for
 * bank-detail fraud and decides the verdict. Everything it allocates per message
 * lives in its arena, reset at the next message: after warm-up a message costs no
 * malloc but GMime's own.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/err.h"
#include "core/time.h"
#include "detect/magic.h"
#include "detect/yara.h"
#include "mail/internal.h"

int
mail_worker_init(struct mail_worker *w, const struct mail_shared *sh)
{
	static const struct mail_vec addr = MAIL_VEC(struct rp_mail_addr);
	int r;

	memset(w, 0, sizeof(*w));
	w->sh = sh;
	w->to = w->cc = w->bcc = w->reply_to = addr;
	w->att = (struct mail_vec)MAIL_VEC(struct att_item);
	w->urls = (struct mail_vec)MAIL_VEC(struct rp_mail_url);
	w->matches = (struct mail_vec)MAIL_VEC(struct rp_mail_match);
	w->rematch = (struct mail_vec)MAIL_VEC(struct rp_mail_match);
	w->reasons = (struct mail_vec)MAIL_VEC(const char *);
	w->received = (struct mail_vec)MAIL_VEC(const char *);
	w->bodies = (struct mail_vec)MAIL_VEC(const char *);
	rp_buf_init(&w->text, (size_t)sh->lim.text * 2);
	rp_buf_init(&w->tmp, (size_t)sh->lim.text * 2);
	if ((r = rp_magic_new(&w->magic)) != 0)
		return r;
	if (sh->yara && (r = rp_yara_scanner_new(&w->yara, sh->yara)) != 0)
		return r;
	return 0;
}

void
mail_worker_release(struct mail_worker *w)
{
	if (w == NULL)
		return;
	rp_yara_scanner_free(w->yara);
	rp_magic_free(w->magic);
	mail_arena_release(&w->arena);
	mail_vec_release(&w->to);
	mail_vec_release(&w->cc);
	mail_vec_release(&w->bcc);
	mail_vec_release(&w->reply_to);
	mail_vec_release(&w->att);
	mail_vec_release(&w->urls);
	mail_vec_release(&w->matches);
	mail_vec_release(&w->rematch);
	mail_vec_release(&w->reasons);
	mail_vec_release(&w->received);
	mail_vec_release(&w->bodies);
	rp_buf_release(&w->text);
	rp_buf_release(&w->tmp);
}

void
mail_worker_begin(struct mail_worker *w, const struct rp_mail_loc *loc, uint64_t size)
{
	mail_arena_reset(&w->arena);
	w->to.n = w->cc.n = w->bcc.n = w->reply_to.n = 0;
	w->att.n = w->urls.n = w->matches.n = w->rematch.n = w->reasons.n = w->received.n = 0;
	w->bodies.n = 0;
	rp_buf_reset(&w->text);
	rp_buf_reset(&w->tmp);
	memset(&w->msg, 0, sizeof(w->msg));
	w->msg.loc = *loc;
	w->msg.loc.store = mail_arena_dup(&w->arena, loc->store, loc->storelen);
	w->msg.loc.folder = mail_arena_str(&w->arena, loc->folder);
	w->msg.size = size;
	w->msg.date = RP_TIME_UNSET;
	w->msg.from.addr = w->msg.from.name = "";
	w->msg.subject = "";
	w->sender.addr = w->sender.name = "";
	w->prefix[0] = '\0';
	w->nest = 0;
	w->expanded = 0;
	w->fail = NULL;
	w->bec_iban[0] = '\0';
	w->bec_phrase = w->bec_lang = NULL;
}

void
mail_w_fail(struct mail_worker *w, const char *reason)
{
	if (w->fail == NULL)
		w->fail = mail_arena_str(&w->arena, reason);
}

void
mail_w_reason(struct mail_worker *w, const char *fmt, ...)
{
	char buf[1024];
	const char **p;
	va_list ap;
	size_t i;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (i = 0; i < w->reasons.n; i++)
		if (strcmp(((const char **)w->reasons.v)[i], buf) == 0)
			return;
	if (w->reasons.n >= 64 || (p = mail_vec_push(&w->reasons)) == NULL)
		return;
	*p = mail_arena_str(&w->arena, buf);
}

void
mail_w_addr(struct mail_worker *w, enum mail_field f, const char *addr, const char *name)
{
	struct rp_mail_addr a;
	struct mail_vec *v = NULL;
	char *s, *at;

	if (w->nest)
		return;     /* the header of an attached message is not this one's */
	s = mail_arena_str(&w->arena, addr);
	if (s == NULL)
		return;
	/* the domain is case-insensitive; the local part is kept as written */
	if ((at = strrchr(s, '@')) != NULL)
		for (at++; *at; at++)
			if (*at >= 'A' && *at <= 'Z')
				*at = (char)(*at - 'A' + 'a');
	a.addr = s;
	a.name = mail_arena_str(&w->arena, name);
	switch (f) {
	case MAIL_FROM:
		if (w->msg.from.addr[0] == '\0' && w->msg.from.name[0] == '\0')
			w->msg.from = a;
		return;
	case MAIL_SENDER:
		if (w->sender.addr[0] == '\0')
			w->sender = a;
		return;
	case MAIL_REPLY_TO: v = &w->reply_to; break;
	case MAIL_TO: v = &w->to; break;
	case MAIL_CC: v = &w->cc; break;
	case MAIL_BCC: v = &w->bcc; break;
	}
	if (v && v->n < 10000) {
		struct rp_mail_addr *p = mail_vec_push(v);

		if (p)
			*p = a;
	}
}

void
mail_w_subject(struct mail_worker *w, const char *s)
{
	if (!w->nest)
		w->msg.subject = mail_arena_str(&w->arena, s);
}

void
mail_w_message_id(struct mail_worker *w, const char *s)
{
	if (!w->nest && *s)
		w->msg.message_id = mail_arena_str(&w->arena, s);
}

void
mail_w_in_reply_to(struct mail_worker *w, const char *s)
{
	if (!w->nest && *s)
		w->msg.in_reply_to = mail_arena_str(&w->arena, s);
}

void
mail_w_date(struct mail_worker *w, int64_t t)
{
	if (!w->nest) {
		w->msg.date = t;
		w->msg.date_from_header = 1;
	}
}

void
mail_w_received(struct mail_worker *w, const char *value)
{
	const char **p;

	if (w->nest || w->received.n >= 64 || (p = mail_vec_push(&w->received)) == NULL)
		return;
	*p = mail_arena_dup(&w->arena, value, strnlen(value, 4096));
}

/* ---- URLs ---- */

static void
on_url(void *ctx, const char *url, size_t ulen, const char *text, size_t tlen)
{
	struct mail_worker *w = ctx;
	struct rp_mail_url *u;
	char host[256], shown[256];
	size_t i;

	if (ulen > 4096)
		ulen = 4096;
	for (i = 0; i < w->urls.n; i++) {
		const struct rp_mail_url *o = &((const struct rp_mail_url *)w->urls.v)[i];

		/* the same target once; a link's text is kept when a later one has it */
		if (strlen(o->url) == ulen && memcmp(o->url, url, ulen) == 0 &&
		    (text == NULL || o->text != NULL))
			return;
	}
	if (w->urls.n >= 1000 || (u = mail_vec_push(&w->urls)) == NULL)
		return;
	u->url = mail_arena_dup(&w->arena, url, ulen);
	mail_url_host(url, ulen, host, sizeof(host));
	u->host = mail_arena_str(&w->arena, host);
	if (text) {
		if (tlen > 1024)
			tlen = 1024;
		u->text = mail_arena_dup(&w->arena, text, tlen);
		if (host[0] && mail_link_mismatch(text, tlen, host, shown, sizeof(shown))) {
			u->mismatch = 1;
			mail_w_reason(w, "a link shows %s but leads to %s", shown, host);
		}
	}
}

/* YARA over a buffer: every matching rule, into w->matches with where. */
static void
yara_each(struct mail_worker *w, const void *data, size_t len, const char *where);

void
mail_w_text(struct mail_worker *w, int html, const char *s, size_t len)
{
	if (len > w->sh->lim.text)
		len = (size_t)w->sh->lim.text;
	mail_urls(s, len, html, on_url, w);
	if (html) {
		yara_each(w, s, len, "html body");
		rp_buf_reset(&w->tmp);
		mail_html_text(&w->tmp, s, len, (size_t)w->sh->lim.text);
		mail_bec_normalise(&w->text, w->tmp.buf, w->tmp.len);
	} else {
		mail_bec_normalise(&w->text, s, len);
	}
	if (!w->nest) {
		/* the text of the bodies, for the IBAN search */
		const char **p;

		if (w->bodies.n < 64 && (p = mail_vec_push(&w->bodies)) != NULL)
			*p = html ? mail_arena_dup(&w->arena, w->tmp.buf, w->tmp.len) :
			    mail_arena_dup(&w->arena, s, len);
	}
}

void
mail_w_enter(struct mail_worker *w, const char *name)
{
	size_t n = strlen(w->prefix);

	snprintf(w->prefix + n, sizeof(w->prefix) - n, "%s!", name);
	w->nest++;
}

void
mail_w_leave(struct mail_worker *w)
{
	size_t n = strlen(w->prefix);

	if (n)
		n--;
	while (n > 0 && w->prefix[n - 1] != '!')
		n--;
	w->prefix[n] = '\0';
	if (w->nest)
		w->nest--;
}

void
mail_w_attachment(struct mail_worker *w, const char *name, const char *declared,
    const void *data, size_t len, unsigned flags)
{
	char full[1280];

	snprintf(full, sizeof(full), "%s%s", w->prefix, name);
	mail_attach(w, full, declared, data, len, w->nest, flags);
}

/* ---- matching ---- */

static void
add_match(struct mail_worker *w, const char *source, const char *name, const char *value,
    const char *where, int suspicious_only)
{
	struct rp_mail_match *m;
	size_t i;

	for (i = 0; i < w->matches.n; i++) {
		m = &((struct rp_mail_match *)w->matches.v)[i];
		if (strcmp(m->source, source) == 0 && strcmp(m->name, name) == 0 &&
		    strcmp(m->value, value) == 0 && strcmp(m->where, where) == 0)
			return;
	}
	if (w->matches.n >= 256 || (m = mail_vec_push(&w->matches)) == NULL)
		return;
	m->source = source;
	m->name = mail_arena_str(&w->arena, name);
	m->value = mail_arena_str(&w->arena, value);
	m->where = mail_arena_str(&w->arena, where);
	m->suspicious_only = suspicious_only;
}

void
mail_w_match(struct mail_worker *w, const char *source, const char *name, const char *value,
    const char *where, int suspicious_only)
{
	add_match(w, source, name, value, where, suspicious_only);
}

struct yctx {
	struct mail_worker *w;
	const char *where;
};

static int
on_yara(const char *rule, const char *ns, const char *verdict, void *ctx)
{
	struct yctx *y = ctx;
	int susp = verdict && strcmp(verdict, "suspicious") == 0;

	add_match(y->w, "yara", rule, ns ? ns : "", y->where, susp);
	return y->w->matches.n >= 256;
}

static void
yara_each(struct mail_worker *w, const void *data, size_t len, const char *where)
{
	struct yctx y = { w, where };

	if (w->yara)
		rp_yara_match_each(w->yara, data, len, on_yara, &y);
}

void
mail_w_yara(struct mail_worker *w, const void *data, size_t len, const char *where)
{
	yara_each(w, data, len, where);
}

static void
ioc(struct mail_worker *w, enum rp_mail_ioc_type t, const char *value, const char *where)
{
	const char *src, *hit;

	if (w->sh->iocs == NULL || value == NULL || *value == '\0')
		return;
	if ((hit = mail_iocs_match(w->sh->iocs, t, value, &src)) != NULL)
		add_match(w, "ioc", rp_mail_ioc_type_name(t), hit, where, 0);
}

void
mail_w_ioc(struct mail_worker *w, enum rp_mail_ioc_type t, const char *value, const char *where)
{
	ioc(w, t, value, where);
}

static void
addrs_ioc(struct mail_worker *w, const struct mail_vec *v, const char *where)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		ioc(w, RP_IOC_EMAIL, ((const struct rp_mail_addr *)v->v)[i].addr, where);
}

/* IPv4 literals [a.b.c.d] of the Received: headers */
static void
received_ips(struct mail_worker *w)
{
	size_t i;

	for (i = 0; i < w->received.n; i++) {
		const char *s = ((const char **)w->received.v)[i], *p;

		for (p = s; (p = strchr(p, '[')) != NULL; p++) {
			char ip[16];
			size_t k = 0;

			p++;
			while (k < 15 && ((p[k] >= '0' && p[k] <= '9') || p[k] == '.'))
				k++;
			if (k < 7 || p[k] != ']')
				continue;
			memcpy(ip, p, k);
			ip[k] = '\0';
			ioc(w, RP_IOC_IPV4, ip, "received");
		}
	}
}

static int
affected(const struct mail_shared *sh, const char *addr)
{
	size_t i;

	if (*addr == '\0')
		return 0;
	if (sh->o.nmailboxes) {
		for (i = 0; i < sh->o.nmailboxes; i++)
			if (strcasecmp(sh->o.mailboxes[i], addr) == 0)
				return 1;
		return 0;
	}
	for (i = 0; i < sh->o.ndomains; i++)
		if (mail_domain_within(mail_addr_domain(addr), sh->o.domains[i]))
			return 1;
	return 0;
}

int
mail_worker_involves(const struct mail_worker *w)
{
	const struct mail_vec *v[] = { &w->to, &w->cc, &w->bcc };
	size_t i, k;

	if (w->sh->o.nmailboxes == 0)
		return 1;
	if (affected(w->sh, w->msg.from.addr) || affected(w->sh, w->sender.addr))
		return 1;
	for (k = 0; k < 3; k++)
		for (i = 0; i < v[k]->n; i++)
			if (affected(w->sh, ((const struct rp_mail_addr *)v[k]->v)[i].addr))
				return 1;
	return 0;
}

struct ibctx {
	struct mail_worker *w;
	int found;
};

static int
on_iban(void *ctx, const char *iban)
{
	struct ibctx *c = ctx;
	size_t i;

	for (i = 0; i < c->w->sh->nown; i++)
		if (strcmp(c->w->sh->own_ibans[i], iban) == 0)
			return 0;
	snprintf(c->w->bec_iban, sizeof(c->w->bec_iban), "%s", iban);
	c->found = 1;
	return 1;
}

static void
bec_check(struct mail_worker *w)
{
	struct ibctx c = { w, 0 };
	const char *phrase, *lang;
	size_t i;

	if (w->sh->bec == NULL)
		return;
	mail_bec_normalise(&w->text, w->msg.subject, strlen(w->msg.subject));
	if (!mail_bec_wording(w->sh->bec, w->text.buf, w->text.len, &phrase, &lang))
		return;
	/* an IBAN in the bodies (or the subject) that is not the site's own */
	mail_iban_each(w->msg.subject, strlen(w->msg.subject), on_iban, &c);
	for (i = 0; i < w->bodies.n && !c.found; i++) {
		const char *s = ((const char **)w->bodies.v)[i];

		mail_iban_each(s, strlen(s), on_iban, &c);
	}
	if (!c.found)
		return;
	w->bec_phrase = mail_arena_str(&w->arena, phrase);
	w->bec_lang = lang;
	w->msg.bec_iban = w->bec_iban;
}

int
mail_worker_finish(struct mail_worker *w)
{
	struct rp_mail_msg *m = &w->msg;
	struct att_item *items = w->att.v;
	struct rp_mail_attachment *att;
	size_t i, k, nlisted = 0;
	int susp = 0, mal = 0;

	if (w->fail)
		return 0;
	/* the header and the links against the IOCs */
	ioc(w, RP_IOC_EMAIL, m->from.addr, "from");
	ioc(w, RP_IOC_EMAIL, w->sender.addr, "sender");
	ioc(w, RP_IOC_DOMAIN, mail_addr_domain(m->from.addr), "from");
	ioc(w, RP_IOC_DOMAIN, mail_addr_domain(w->sender.addr), "sender");
	for (i = 0; i < w->reply_to.n; i++)
		ioc(w, RP_IOC_DOMAIN, mail_addr_domain(((struct rp_mail_addr *)w->reply_to.v)[i].addr),
		    "reply-to");
	addrs_ioc(w, &w->reply_to, "reply-to");
	addrs_ioc(w, &w->to, "to");
	addrs_ioc(w, &w->cc, "cc");
	addrs_ioc(w, &w->bcc, "bcc");
	for (i = 0; i < w->urls.n; i++) {
		const struct rp_mail_url *u = &((const struct rp_mail_url *)w->urls.v)[i];
		char norm[4096];
		size_t n = strlen(u->url);

		snprintf(norm, sizeof(norm), "%s", u->url);
		if (n && n < sizeof(norm) && norm[n - 1] == '/')
			norm[n - 1] = '\0';
		ioc(w, RP_IOC_URL, norm, u->url);
		ioc(w, RP_IOC_DOMAIN, u->host, u->url);
		if (u->host[0] >= '0' && u->host[0] <= '9')
			ioc(w, RP_IOC_IPV4, u->host, u->url);
	}
	received_ips(w);
	m->sent = affected(w->sh, m->from.addr);
	if (m->sent)
		bec_check(w);
	/* the attachments that are listed, with their own matches */
	att = mail_arena_alloc(&w->arena, (w->att.n ? w->att.n : 1) * sizeof(*att));
	if (att == NULL)
		return RP_ERR_NOMEM;
	for (i = 0; i < w->att.n; i++) {
		const struct att_item *it = &items[i];

		if (it->a.flags & (RP_MAIL_ATT_EXEC | RP_MAIL_ATT_MACRO | RP_MAIL_ATT_DOUBLE_EXT |
		    RP_MAIL_ATT_BOMB | RP_MAIL_ATT_UNSCANNED))
			susp = 1;
		if (it->hidden)
			continue;
		att[nlisted] = it->a;
		att[nlisted].matches = it->mcount ?
		    &((const struct rp_mail_match *)w->matches.v)[it->mfirst] : NULL;
		att[nlisted].nmatches = it->mcount;
		nlisted++;
	}
	m->att = att;
	m->natt = nlisted;
	m->to = w->to.v;
	m->nto = w->to.n;
	m->cc = w->cc.v;
	m->ncc = w->cc.n;
	m->bcc = w->bcc.v;
	m->nbcc = w->bcc.n;
	m->reply_to = w->reply_to.v;
	m->nreply_to = w->reply_to.n;
	m->urls = w->urls.v;
	m->nurls = w->urls.n;
	for (i = 0; i < w->urls.n; i++)
		if (((const struct rp_mail_url *)w->urls.v)[i].mismatch)
			susp = 1;
	for (k = 0; k < w->matches.n; k++) {
		const struct rp_mail_match *x = &((const struct rp_mail_match *)w->matches.v)[k];

		if (x->suspicious_only) {
			susp = 1;
			mail_w_reason(w, "rule %s (suspicious) matched %s", x->name, x->where);
		} else {
			mal = 1;
			if (strcmp(x->source, "ioc") == 0)
				mail_w_reason(w, "IOC %s %s matched %s", x->name, x->value, x->where);
			else if (strcmp(x->source, "yara") == 0)
				mail_w_reason(w, "YARA rule %s matched %s", x->name, x->where);
			else
				mail_w_reason(w, "ClamAV found %s in %s", x->name, x->where);
		}
	}
	m->matches = w->matches.v;
	m->nmatches = w->matches.n;
	m->reasons = (const char *const *)w->reasons.v;
	m->nreasons = w->reasons.n;
	m->verdict = mal ? RP_MAIL_MALICIOUS : susp ? RP_MAIL_SUSPICIOUS : RP_MAIL_CLEAN;
	return 0;
}
