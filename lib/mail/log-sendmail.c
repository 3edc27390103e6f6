/*
 * Sendmail's log (sendmail, sm-mta, sm-msp-queue; see maillog-int.h), by queue id:
 *   QID: from=<s@x>, size=N, class=0, nrcpts=N, msgid=<id>, proto=ESMTP, relay=...
 *   QID: to=<a@y>,<b@z>, ctladdr=..., delay=..., mailer=esmtp, relay=..., dsn=2.0.0,
 *        stat=Sent (...)
 * One to= line may name several recipients: one record each. Sendmail writes no
 * end-of-message line, so what from= said is kept for six days of log time at most.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/map.h"
#include "mail/maillog-int.h"

#define SM_MAX_QUEUE 200000
#define SM_MAX_AGE   (6 * 86400)

struct sm_msg {
	char msgid[256];
	char from[RP_MAIL_ADDR_MAX];
	uint64_t size;
	int64_t seen;
};

struct rp_sendmail {
	struct rp_map q;
	int64_t now;
};

int
rp_sendmail_new(struct rp_sendmail **out)
{
	if ((*out = calloc(1, sizeof(**out))) == NULL)
		return RP_ERR_NOMEM;
	rp_map_init(&(*out)->q);
	return 0;
}

void
rp_sendmail_free(struct rp_sendmail *m)
{
	if (m == NULL)
		return;
	rp_map_release(&m->q, free);
	free(m);
}

static void
sweep(struct rp_sendmail *m, struct rp_maillog_stats *st)
{
	size_t i, keep = SM_MAX_QUEUE / 4 * 3;   /* room for many lines before the next */

	for (i = 0; i < m->q.cap; i++) {
		struct sm_msg *x;
		void *old;

		if (m->q.v[i].key == NULL)
			continue;
		x = m->q.v[i].val;
		if ((m->q.n > keep || x->seen + SM_MAX_AGE < m->now) &&
		    rp_map_del(&m->q, m->q.v[i].key, m->q.v[i].klen, &old) == 1) {
			free(old);
			st->evicted++;
			i--;   /* the backward shift may have moved one into slot i */
		}
	}
}

static enum rp_maillog_status
sm_status(const char *dsn, size_t dl, const char *st, size_t sl)
{
	if (dl > 0 && dsn[0] == '2')
		return RP_ML_DELIVERED;
	if (dl > 0 && dsn[0] == '4')
		return RP_ML_DEFERRED;
	if (dl > 0 && dsn[0] == '5')
		return RP_ML_BOUNCED;
	if (sl >= 4 && memcmp(st, "Sent", 4) == 0)
		return RP_ML_DELIVERED;
	if (sl >= 8 && memcmp(st, "Deferred", 8) == 0)
		return RP_ML_DEFERRED;
	if (sl >= 6 && memcmp(st, "queued", 6) == 0)
		return RP_ML_PENDING;
	return RP_ML_BOUNCED;
}

static int
deliveries(struct rp_sendmail *m, const struct rp_ml_line *l, const char *qid, size_t qlen,
    const char *rest, size_t rlen, struct rp_ml_sink *s)
{
	char to[RP_MAIL_ADDR_MAX], relay[256], detail[256], q[40];
	const char *v, *st, *dsn = "", *p, *end;
	size_t vl, sl, dl = 0;
	struct rp_maillog_rec rec;
	struct sm_msg *x;
	void **slot;
	int n = 0;

	if (rp_ml_kv(rest, rlen, "to", &v, &vl) != 0 || rp_ml_kv(rest, rlen, "stat", &st, &sl) != 0)
		return RP_ERR_FORMAT;
	if (rp_ml_kv(rest, rlen, "dsn", &dsn, &dl) != 0)
		dl = 0;
	relay[0] = '\0';
	{
		const char *rv;
		size_t rl;

		if (rp_ml_kv(rest, rlen, "relay", &rv, &rl) == 0)
			rp_ml_copy(relay, sizeof(relay), rv, rl);
	}
	rp_ml_copy(detail, sizeof(detail), st, sl);
	rp_ml_copy(q, sizeof(q), qid, qlen);
	slot = rp_map_get(&m->q, qid, qlen);
	x = slot ? *slot : NULL;
	memset(&rec, 0, sizeof(rec));
	rec.time = l->time;
	rec.source = "sendmail";
	rec.qid = q;
	rec.msgid = x ? x->msgid : "";
	rec.from = x ? x->from : "";
	rec.orig_to = "";
	rec.subject = "";
	rec.relay = relay;
	rec.detail = detail;
	rec.size = x ? x->size : 0;
	rec.status = sm_status(dsn, dl, st, sl);
	rec.line = l->lineno;
	/* "to=<a@x>,<b@y>" or "to=a@x,b@y" (a quoted name may hold a comma: the part in
	 * angle brackets decides) */
	for (p = v, end = v + vl; p < end;) {
		const char *c = p;
		int inq = 0, inb = 0;

		for (; c < end; c++) {
			if (*c == '"')
				inq = !inq;
			else if (*c == '<')
				inb = 1;
			else if (*c == '>')
				inb = 0;
			else if (*c == ',' && !inq && !inb)
				break;
		}
		if (rp_mail_addr_norm(p, (size_t)(c - p), to) == 0) {
			rec.to = to;
			if (rp_ml_emit(s, &rec) != 0)
				return 1;
			n++;
		}
		p = c + 1;
	}
	return n > 0 ? 1 : RP_ERR_FORMAT;
}

int
rp_sendmail_line(struct rp_sendmail *m, const struct rp_ml_line *l, struct rp_ml_sink *s)
{
	const char *msg = l->msg, *rest, *v;
	size_t i, rlen, vl;
	struct sm_msg *x;
	void **slot;
	int r;

	for (i = 0; i < l->len && i < 32 && isalnum((unsigned char)msg[i]); i++)
		;
	if (i < 8 || i + 1 >= l->len || msg[i] != ':' || msg[i + 1] != ' ')
		return 0;   /* connection and daemon lines */
	if (l->time > m->now)
		m->now = l->time;
	rest = msg + i + 2;
	rlen = l->len - i - 2;
	if (rlen >= 3 && memcmp(rest, "to=", 3) == 0)
		return deliveries(m, l, msg, i, rest, rlen, s);
	if (rlen < 5 || memcmp(rest, "from=", 5) != 0)
		return 0;   /* DSN, milter, AUTH, ... */
	if (m->q.n >= SM_MAX_QUEUE)
		sweep(m, s->st);
	if ((r = rp_map_put(&m->q, msg, i, &slot)) < 0)
		return r;
	if ((x = *slot) == NULL && (x = *slot = calloc(1, sizeof(*x))) == NULL)
		return RP_ERR_NOMEM;
	memset(x, 0, sizeof(*x));
	x->seen = l->time;
	if (rp_ml_kv(rest, rlen, "from", &v, &vl) == 0 && rp_mail_addr_norm(v, vl, x->from) != 0)
		x->from[0] = '\0';
	if (rp_ml_kv(rest, rlen, "msgid", &v, &vl) == 0)
		rp_mail_msgid_norm(v, vl, x->msgid, sizeof(x->msgid));
	if (rp_ml_kv(rest, rlen, "size", &v, &vl) == 0) {
		char num[24];

		rp_ml_copy(num, sizeof(num), v, vl);
		x->size = strtoull(num, NULL, 10);
	}
	return 1;
}
