/*
 * Splitting an mbox into messages, as a stream (an mbox may be gigabytes): lines are
 * examined one by one; a line "From SENDER DATE" (the date in asctime form, as
 * every mbox writer puts it) starts a message. A body line "From here on..." that an
 * mboxo writer left unescaped does not look like that and stays in its message.
 * ">From " lines (mboxrd, and mboxo's single level) lose one '>'. A truncated last
 * message is given as it is; a message over the bound is cut there and flagged.
 * Parses attacker-controlled bytes: fuzzed (tests/fuzz/fuzz-mail-mbox.c).
 */
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/err.h"
#include "core/time.h"
#include "mail/internal.h"

static const char *const months[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul",
	"aug", "sep", "oct", "nov", "dec" };
static const char *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static int
word_in(const char *p, size_t n, const char *const *set, size_t nset)
{
	size_t i;

	if (n != 3)
		return -1;
	for (i = 0; i < nset; i++)
		if (strncasecmp(p, set[i], 3) == 0)
			return (int)i;
	return -1;
}

static int
num(const char *p, size_t n, int *v)
{
	size_t i;

	if (n == 0 || n > 4)
		return 0;
	*v = 0;
	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		*v = *v * 10 + (p[i] - '0');
	}
	return 1;
}

/*
 * "From sender@example.org Thu Nov 19 14:45:31 2026" (also with a zone or the year
 * before the time, and a sender that is missing or quoted). The date is found among
 * the tokens after the sender: day name, month name, day, hh:mm[:ss], year.
 */
int
mail_mbox_is_from(const char *line, size_t len, int64_t *t)
{
	const char *tok[12];
	size_t tl[12], nt = 0, i;
	const char *p, *end;
	int mon = -1, mday = -1, hh = -1, mi = -1, ss = 0, year = -1, v, dayname = 0;

	*t = RP_TIME_UNSET;
	if (len < 5 || memcmp(line, "From ", 5) != 0 || len > 1000)
		return 0;
	p = line + 5;
	end = line + len;
	if (end > p && end[-1] == '\r')
		end--;
	while (p < end && nt < 12) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end)
			break;
		tok[nt] = p;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
		tl[nt] = (size_t)(p - tok[nt]);
		nt++;
	}
	/* the first token is the sender (skipped), unless the date comes at once */
	for (i = 0; i < nt; i++) {
		if (word_in(tok[i], tl[i], days, 7) >= 0) {
			dayname = 1;
			continue;
		}
		if (mon < 0 && (v = word_in(tok[i], tl[i], months, 12)) >= 0) {
			mon = v;
			continue;
		}
		if (mon >= 0 && mday < 0 && num(tok[i], tl[i], &v) && v >= 1 && v <= 31 && tl[i] <= 2) {
			mday = v;
			continue;
		}
		if (hh < 0 && tl[i] >= 4 && memchr(tok[i], ':', tl[i])) {
			const char *c1 = memchr(tok[i], ':', tl[i]);
			const char *c2 = memchr(c1 + 1, ':', (size_t)(tok[i] + tl[i] - c1 - 1));
			size_t l2 = c2 ? (size_t)(c2 - c1 - 1) : (size_t)(tok[i] + tl[i] - c1 - 1);

			if (num(tok[i], (size_t)(c1 - tok[i]), &hh) && num(c1 + 1, l2, &mi) &&
			    (c2 == NULL || num(c2 + 1, (size_t)(tok[i] + tl[i] - c2 - 1), &ss)) &&
			    hh < 24 && mi < 60 && ss < 61)
				continue;
			hh = mi = -1;
			continue;
		}
		if (year < 0 && tl[i] == 4 && num(tok[i], 4, &v) && v >= 1970 && v < 2200) {
			year = v;
			continue;
		}
	}
	if (mon < 0 || mday < 0 || hh < 0 || year < 0 || !dayname)
		return 0;
	{
		struct tm tm = { 0 };

		tm.tm_year = year - 1900;
		tm.tm_mon = mon;
		tm.tm_mday = mday;
		tm.tm_hour = hh;
		tm.tm_min = mi;
		tm.tm_sec = ss;
		*t = (int64_t)timegm(&tm);
	}
	return 1;
}

void
mail_mbox_init(struct mail_mbox *m, uint64_t max)
{
	memset(m, 0, sizeof(*m));
	m->max = max;
	rp_buf_init(&m->carry, (size_t)max + 65536);
	rp_buf_init(&m->msg, (size_t)max + 1);
	rp_buf_init(&m->from, 4096);
	m->prev_blank = 1;
}

void
mail_mbox_release(struct mail_mbox *m)
{
	rp_buf_release(&m->carry);
	rp_buf_release(&m->msg);
	rp_buf_release(&m->from);
}

static int
flush(struct mail_mbox *m)
{
	int r = 0;

	if (m->in_msg && m->on_msg)
		r = m->on_msg(m->ctx, m->msg_off, m->from.buf, m->from.len, m->msg.buf, m->msg.len,
		    m->over);
	rp_buf_reset(&m->msg);
	rp_buf_reset(&m->from);
	m->in_msg = 0;
	m->over = 0;
	return r;
}

/* One whole line (with its newline, if any) at offset off. */
static int
line(struct mail_mbox *m, const char *s, size_t n, uint64_t off)
{
	size_t body = n;
	int64_t t;
	int r;

	if (body && s[body - 1] == '\n')
		body--;
	if (body >= 5 && s[0] == 'F' && mail_mbox_is_from(s, body, &t)) {
		if ((r = flush(m)) != 0)
			return r;
		m->in_msg = 1;
		m->msg_off = off;
		rp_buf_add(&m->from, s + 5, body - 5 < 4000 ? body - 5 : 4000);
		m->prev_blank = 0;
		return 0;
	}
	if (!m->in_msg) {
		/* bytes before the first separator (a damaged head): a message of its own */
		m->in_msg = 1;
		m->msg_off = off;
	}
	if (s[0] == '>') {
		size_t k = 0;

		while (k < body && s[k] == '>')
			k++;
		if (body - k >= 5 && memcmp(s + k, "From ", 5) == 0) {
			s++;
			n--;
		}
	}
	m->prev_blank = body == 0 || (body == 1 && s[0] == '\r');
	if (m->over)
		return 0;
	if (m->msg.len + n > m->max) {
		rp_buf_add(&m->msg, s, (size_t)(m->max - m->msg.len));
		m->over = 1;
		return 0;
	}
	return rp_buf_add(&m->msg, s, n) == 0 ? 0 : RP_ERR_NOMEM;
}

int
mail_mbox_feed(struct mail_mbox *m, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	int r;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (nl == NULL) {
			/* keep the start of an incomplete line; a line over the bound is
			 * cut (what follows of it is body text anyway) */
			size_t room = m->carry.max - m->carry.len, take = (size_t)(end - p);

			if (take > room)
				take = room;
			rp_buf_add(&m->carry, p, take);
			m->pos += (uint64_t)(end - p);
			return 0;
		}
		nl++;
		if (m->carry.len) {
			uint64_t off = m->pos - m->carry.len;
			size_t room = m->carry.max - m->carry.len, take = (size_t)(nl - p);

			if (take > room)
				take = room;
			rp_buf_add(&m->carry, p, take);
			r = line(m, m->carry.buf, m->carry.len, off);
			rp_buf_reset(&m->carry);
		} else {
			r = line(m, p, (size_t)(nl - p), m->pos);
		}
		m->pos += (uint64_t)(nl - p);
		p = nl;
		if (r != 0)
			return r;
	}
	return 0;
}

int
mail_mbox_end(struct mail_mbox *m)
{
	int r;

	if (m->carry.len) {
		r = line(m, m->carry.buf, m->carry.len, m->pos - m->carry.len);
		rp_buf_reset(&m->carry);
		if (r != 0)
			return r;
	}
	return flush(m);
}
