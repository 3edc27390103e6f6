/*
 * Exim's main log (see maillog-int.h), as exim writes it ("2026-11-19 14:45:31
 * 1vABCD-000123-Ab <= ...", with +pid "[1234]" and log_timezone "+0100" when
 * configured) or through syslog ("exim[1234]: 1vABCD-... <= ..."). One message id
 * (6-6-2 characters, or 6-11-4 since Exim 4.97) ties:
 *   <=  the arrival: sender, S=size, id=Message-ID, T="subject" when logged
 *   =>  a delivery, ->  another address of the same delivery, *>  a suppressed one
 *   **  a failure, ==  a deferral, Completed  the end.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/map.h"
#include "core/time.h"
#include "mail/maillog-int.h"

#define EX_MAX_QUEUE 200000

struct ex_msg {
	char msgid[256];
	char from[RP_MAIL_ADDR_MAX];
	char subject[256];
	uint64_t size;
};

struct rp_exim {
	struct rp_map q;
};

int
rp_exim_new(struct rp_exim **out)
{
	if ((*out = calloc(1, sizeof(**out))) == NULL)
		return RP_ERR_NOMEM;
	rp_map_init(&(*out)->q);
	return 0;
}

void
rp_exim_free(struct rp_exim *e)
{
	if (e == NULL)
		return;
	rp_map_release(&e->q, free);
	free(e);
}

/* The length of the message id at m ("1vABCD-000123-Ab", "1vABCD-0000000123-Abcd"). */
static size_t
exim_id(const char *m, size_t len)
{
	size_t i = 0, part = 0, n = 0;
	static const size_t lo[3] = { 6, 6, 2 }, hi[3] = { 6, 11, 4 };

	for (;; i++) {
		if (i < len && isalnum((unsigned char)m[i])) {
			n++;
			continue;
		}
		if (n < lo[part] || n > hi[part])
			return 0;
		if (part == 2)
			return i < len && m[i] != ' ' ? 0 : i;
		if (i >= len || m[i] != '-')
			return 0;
		part++;
		n = 0;
	}
}

int
rp_exim_mainlog_parse(const char *line, size_t len, struct rp_ml_line *l)
{
	char ts[32];
	const char *p = line + 19, *end = line + len;
	int64_t t;

	memset(l, 0, sizeof(*l));
	if (len < 22 || line[4] != '-' || line[7] != '-' || line[10] != ' ' || line[13] != ':' ||
	    line[16] != ':' || line[19] != ' ')
		return RP_ERR_FORMAT;
	memcpy(ts, line, 19);
	ts[19] = '\0';
	p++;
	/* log_timezone: "+0100" after the time */
	if (end - p >= 6 && (p[0] == '+' || p[0] == '-') && isdigit((unsigned char)p[1]) &&
	    isdigit((unsigned char)p[4]) && p[5] == ' ') {
		memcpy(ts + 19, p, 5);
		ts[24] = '\0';
		p += 6;
	}
	if (rp_time_parse(ts, &t, NULL) != 0)
		return RP_ERR_FORMAT;
	if (p < end && *p == '[') {   /* +pid */
		const char *q = memchr(p, ']', (size_t)(end - p));

		if (q == NULL || q + 1 >= end || q[1] != ' ')
			return RP_ERR_FORMAT;
		p = q + 2;
	}
	l->time = t;
	l->prog = "exim";
	l->proglen = 4;
	l->msg = p;
	l->len = (size_t)(end - p);
	return 0;
}

/* The value after " KEY=" (a word), or a quoted one for T=. */
static int
field(const char *s, size_t len, const char *key, char *out, size_t cap)
{
	size_t kl = strlen(key);
	const char *p = s, *end = s + len, *q;

	while ((q = memmem(p, (size_t)(end - p), key, kl)) != NULL) {
		const char *v = q + kl, *e;
		size_t n = 0;

		p = q + 1;
		if (q == s || q[-1] != ' ')
			continue;
		if (v < end && *v == '"') {
			for (v++; v < end && *v != '"'; v++) {
				if (*v == '\\' && v + 1 < end)
					v++;
				if (n + 1 < cap)
					out[n++] = *v;
			}
			out[n] = '\0';
			return 0;
		}
		for (e = v; e < end && *e != ' '; e++)
			;
		rp_ml_copy(out, cap, v, (size_t)(e - v));
		return 0;
	}
	return RP_ERR_NOTFOUND;
}

static int
arrival(struct rp_exim *e, const char *id, size_t idlen, const char *p, size_t len)
{
	const char *sp = memchr(p, ' ', len);
	struct ex_msg *m;
	void **slot;
	char num[24], mid[512];
	int r;

	if (e->q.n >= EX_MAX_QUEUE) {   /* a log without "Completed" lines: start again */
		rp_map_release(&e->q, free);
		rp_map_init(&e->q);
	}
	if ((r = rp_map_put(&e->q, id, idlen, &slot)) < 0)
		return r;
	if ((m = *slot) == NULL && (m = *slot = calloc(1, sizeof(*m))) == NULL)
		return RP_ERR_NOMEM;
	memset(m, 0, sizeof(*m));
	if (rp_mail_addr_norm(p, sp ? (size_t)(sp - p) : len, m->from) != 0)
		m->from[0] = '\0';   /* "<>": a bounce */
	if (field(p, len, "id=", mid, sizeof(mid)) == 0)
		rp_mail_msgid_norm(mid, strlen(mid), m->msgid, sizeof(m->msgid));
	if (field(p, len, "S=", num, sizeof(num)) == 0)
		m->size = strtoull(num, NULL, 10);
	if (field(p, len, "T=", m->subject, sizeof(m->subject)) != 0)
		m->subject[0] = '\0';
	return 1;
}

static int
delivery(struct rp_exim *e, const struct rp_ml_line *l, const char *id, size_t idlen,
    const char *flag, const char *p, size_t len, struct rp_ml_sink *s)
{
	char to[RP_MAIL_ADDR_MAX], orig[RP_MAIL_ADDR_MAX], relay[256], qid[32];
	const char *end = p + len, *sp, *w;
	struct rp_maillog_rec rec;
	struct ex_msg *m;
	void **slot;
	int have_to;

	/* "addr [(parent)] [<orig>] R=... T=... H=host [ip] ..." */
	sp = memchr(p, ' ', len);
	have_to = rp_mail_addr_norm(p, sp ? (size_t)(sp - p) : len, to) == 0;
	orig[0] = '\0';
	for (w = sp; w != NULL && w < end;) {
		const char *e2;

		while (w < end && *w == ' ')
			w++;
		if (w < end && *w == '(') {
			if ((e2 = memchr(w, ')', (size_t)(end - w))) == NULL)
				break;
			w = e2 + 1;
			continue;
		}
		if (w < end && *w == '<' && (e2 = memchr(w, '>', (size_t)(end - w))) != NULL) {
			if (rp_mail_addr_norm(w, (size_t)(e2 - w + 1), orig) != 0)
				orig[0] = '\0';
		}
		break;
	}
	if (!have_to) {   /* a file or pipe delivery: the address it was for */
		if (orig[0] == '\0')
			return RP_ERR_FORMAT;
		memcpy(to, orig, sizeof(to));
	}
	if (field(p, len, "H=", relay, sizeof(relay)) != 0)
		relay[0] = '\0';
	rp_ml_copy(qid, sizeof(qid), id, idlen);
	slot = rp_map_get(&e->q, id, idlen);
	m = slot ? *slot : NULL;
	memset(&rec, 0, sizeof(rec));
	rec.time = l->time;
	rec.source = "exim";
	rec.qid = qid;
	rec.msgid = m ? m->msgid : "";
	rec.from = m ? m->from : "";
	rec.to = to;
	rec.orig_to = orig;
	rec.subject = m ? m->subject : "";
	rec.relay = relay;
	rec.size = m ? m->size : 0;
	rec.line = l->lineno;
	if (flag[0] == '=' && flag[1] == '>')
		rec.status = RP_ML_DELIVERED, rec.detail = "=>";
	else if (flag[0] == '-')
		rec.status = RP_ML_DELIVERED, rec.detail = "->";
	else if (flag[0] == '*' && flag[1] == '>')
		rec.status = RP_ML_OTHER, rec.detail = "*>";
	else if (flag[0] == '*')
		rec.status = RP_ML_BOUNCED, rec.detail = "**";
	else
		rec.status = RP_ML_DEFERRED, rec.detail = "==";
	rp_ml_emit(s, &rec);
	return 1;
}

int
rp_exim_line(struct rp_exim *e, const struct rp_ml_line *l, struct rp_ml_sink *s)
{
	const char *m = l->msg, *end = l->msg + l->len, *p;
	size_t idlen;

	/* a syslog'd line may carry Exim's own time first when syslog_timestamp is on */
	if (l->len >= 20 && isdigit((unsigned char)m[0]) && m[4] == '-' && m[10] == ' ') {
		struct rp_ml_line inner;

		if (rp_exim_mainlog_parse(m, l->len, &inner) == 0)
			m = inner.msg;
	}
	if ((idlen = exim_id(m, (size_t)(end - m))) == 0)
		return 0;   /* connections, rejections, queue runs */
	p = m + idlen;
	if (end - p < 3 || p[0] != ' ')
		return RP_ERR_FORMAT;
	p++;
	if (end - p >= 9 && memcmp(p, "Completed", 9) == 0) {
		void *old;

		if (rp_map_del(&e->q, m, idlen, &old) == 1)
			free(old);
		return 1;
	}
	if (end - p < 4 || p[2] != ' ')
		return 0;   /* "SMTP error from ...", "Frozen", "removed by ..." */
	if (p[0] == '<' && p[1] == '=')
		return arrival(e, m, idlen, p + 3, (size_t)(end - p - 3));
	if ((p[0] == '=' && p[1] == '>') || (p[0] == '-' && p[1] == '>') ||
	    (p[0] == '*' && p[1] == '>') || (p[0] == '*' && p[1] == '*') ||
	    (p[0] == '=' && p[1] == '='))
		return delivery(e, l, m, idlen, p, p + 3, (size_t)(end - p - 3), s);
	return 0;
}
