/*
 * Postfix's log (see maillog-int.h). One message is several lines tied by its queue
 * id: cleanup says message-id=, qmgr says from=, size=, nrcpt=, each delivery agent
 * (smtp, lmtp, local, virtual, pipe, error, ...) one to=, relay=, status= line per
 * recipient and attempt, and qmgr's "removed" ends it (the id may then be reused).
 * A delivery line is a record with what the earlier lines said; the state is bounded.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "core/map.h"
#include "mail/maillog-int.h"

#define PF_MAX_QUEUE   200000           /* queue ids remembered at once */
#define PF_MAX_AGE     (6 * 86400)      /* longer than maximal_queue_lifetime (5d) */

struct pf_msg {
	char msgid[256];
	char from[RP_MAIL_ADDR_MAX];
	uint64_t size;
	int64_t seen;
};

struct rp_postfix {
	struct rp_map q;
	int64_t now;           /* the newest line's time */
};

int
rp_postfix_new(struct rp_postfix **out)
{
	if ((*out = calloc(1, sizeof(**out))) == NULL)
		return RP_ERR_NOMEM;
	rp_map_init(&(*out)->q);
	return 0;
}

void
rp_postfix_free(struct rp_postfix *p)
{
	if (p == NULL)
		return;
	rp_map_release(&p->q, free);
	free(p);
}

/* "4ABCD12345: rest" or the long form "4T8fQc1Zx2z9rxN: rest": the queue id. */
static int
queue_id(const char *m, size_t len, size_t *idlen)
{
	size_t i;

	for (i = 0; i < len && i < 32 && isalnum((unsigned char)m[i]); i++)
		;
	if (i < 5 || i + 1 >= len || m[i] != ':' || m[i + 1] != ' ' ||
	    (i == 7 && memcmp(m, "NOQUEUE", 7) == 0))
		return -1;
	*idlen = i;
	return 0;
}

/* Forgets queue ids not seen for longer than any message stays queued. */
static void
sweep(struct rp_postfix *p, struct rp_maillog_stats *st)
{
	size_t i, keep = PF_MAX_QUEUE / 4 * 3;   /* room for many lines before the next */

	for (i = 0; i < p->q.cap; i++) {
		struct pf_msg *m;

		if (p->q.v[i].key == NULL)
			continue;
		m = p->q.v[i].val;
		if (p->q.n > keep || m->seen + PF_MAX_AGE < p->now) {
			void *old;

			if (rp_map_del(&p->q, p->q.v[i].key, p->q.v[i].klen, &old) == 1) {
				free(old);
				st->evicted++;
				i--;   /* the backward shift may have moved one into slot i */
			}
		}
	}
}

static enum rp_maillog_status
pf_status(const char *s, size_t len)
{
	if (len >= 4 && memcmp(s, "sent", 4) == 0)
		return RP_ML_DELIVERED;
	if (len >= 8 && memcmp(s, "deferred", 8) == 0)
		return RP_ML_DEFERRED;
	if ((len >= 7 && memcmp(s, "bounced", 7) == 0) || (len >= 7 && memcmp(s, "expired", 7) == 0))
		return RP_ML_BOUNCED;
	return RP_ML_OTHER;
}

static int
delivery(struct rp_postfix *p, const struct rp_ml_line *l, const char *qid, size_t qlen,
    const char *rest, size_t rlen, struct rp_ml_sink *s)
{
	char to[RP_MAIL_ADDR_MAX], orig[RP_MAIL_ADDR_MAX], relay[256], detail[256], q[40];
	struct rp_maillog_rec rec;
	const char *v, *st;
	size_t vl, sl;
	void **slot;
	struct pf_msg *m;

	if (rp_ml_kv(rest, rlen, "status", &st, &sl) != 0)
		return RP_ERR_FORMAT;
	/* address verification probes are not mail */
	if ((sl >= 11 && memcmp(st, "deliverable", 11) == 0) ||
	    (sl >= 13 && memcmp(st, "undeliverable", 13) == 0))
		return 1;
	if (rp_ml_kv(rest, rlen, "to", &v, &vl) != 0 || rp_mail_addr_norm(v, vl, to) != 0)
		return RP_ERR_FORMAT;
	orig[0] = '\0';
	if (rp_ml_kv(rest, rlen, "orig_to", &v, &vl) == 0 && rp_mail_addr_norm(v, vl, orig) != 0)
		orig[0] = '\0';
	relay[0] = '\0';
	if (rp_ml_kv(rest, rlen, "relay", &v, &vl) == 0)
		rp_ml_copy(relay, sizeof(relay), v, vl);
	rp_ml_copy(detail, sizeof(detail), st, sl);
	rp_ml_copy(q, sizeof(q), qid, qlen);
	slot = rp_map_get(&p->q, qid, qlen);
	m = slot ? *slot : NULL;
	memset(&rec, 0, sizeof(rec));
	rec.time = l->time;
	rec.source = "postfix";
	rec.qid = q;
	rec.msgid = m ? m->msgid : "";
	rec.from = m ? m->from : "";
	rec.to = to;
	rec.orig_to = orig;
	rec.subject = "";
	rec.relay = relay;
	rec.detail = detail;
	rec.size = m ? m->size : 0;
	rec.status = pf_status(st, sl);
	rec.line = l->lineno;
	rp_ml_emit(s, &rec);
	return 1;
}

int
rp_postfix_line(struct rp_postfix *p, const struct rp_ml_line *l, struct rp_ml_sink *s)
{
	const char *m = l->msg, *rest, *v;
	size_t qlen, rlen, vl;
	void **slot;
	struct pf_msg *pm;
	int r;

	if (queue_id(m, l->len, &qlen) != 0)
		return 0;   /* NOQUEUE rejects, connects, warnings: not a message's line */
	if (l->time > p->now)
		p->now = l->time;
	rest = m + qlen + 2;
	rlen = l->len - qlen - 2;
	if (rlen >= 7 && memcmp(rest, "removed", 7) == 0) {
		void *old;

		if (rp_map_del(&p->q, m, qlen, &old) == 1)
			free(old);
		return 1;
	}
	if (rp_ml_kv(rest, rlen, "to", &v, &vl) == 0 && rp_ml_kv(rest, rlen, "status", &v, &vl) == 0)
		return delivery(p, l, m, qlen, rest, rlen, s);
	/* the lines that describe the message: keep what they say */
	{
		const char *mid = NULL, *from = NULL, *size = NULL;
		size_t midl = 0, froml = 0, sizel = 0;

		if (rlen >= 11 && memcmp(rest, "message-id=", 11) == 0) {
			mid = rest + 11;
			midl = rlen - 11;
		} else if (rp_ml_kv(rest, rlen, "from", &from, &froml) == 0) {
			if (rp_ml_kv(rest, rlen, "size", &size, &sizel) != 0)
				size = NULL;
		} else {
			return 0;
		}
		if (p->q.n >= PF_MAX_QUEUE)
			sweep(p, s->st);
		if ((r = rp_map_put(&p->q, m, qlen, &slot)) < 0)
			return r;
		if ((pm = *slot) == NULL) {
			if ((pm = calloc(1, sizeof(*pm))) == NULL)
				return RP_ERR_NOMEM;
			*slot = pm;
		}
		pm->seen = l->time;
		if (mid != NULL)
			rp_mail_msgid_norm(mid, midl, pm->msgid, sizeof(pm->msgid));
		if (from != NULL && rp_mail_addr_norm(from, froml, pm->from) != 0)
			pm->from[0] = '\0';
		if (size != NULL) {
			char num[24];
			char *e;

			rp_ml_copy(num, sizeof(num), size, sizel);
			pm->size = strtoull(num, &e, 10);
		}
	}
	return 1;
}
