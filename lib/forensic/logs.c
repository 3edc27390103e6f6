/* Log line parsers for the timeline. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/err.h"
#include "core/time.h"
#include "core/json.h"
#include "forensic/logs.h"

#define MAX_LINE 65536

static void
setf(char *dst, size_t cap, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n && o + 1 < cap; i++)
		dst[o++] = (s[i] == '\0' || s[i] == '\n' || s[i] == '\r') ? ' ' : s[i];
	dst[o] = '\0';
}

#define SET(field, s, n) setf((field), sizeof(field), (s), (n))
#define SETS(field, s) setf((field), sizeof(field), (s), strlen(s))

/* The word after prefix in msg (up to a space), or 0 when prefix is not there. */
static size_t
word_after(const char *msg, size_t len, const char *prefix, const char **w)
{
	const char *p = memmem(msg, len, prefix, strlen(prefix));
	size_t n = 0;

	if (p == NULL)
		return 0;
	p += strlen(prefix);
	while (p + n < msg + len && p[n] != ' ' && p[n] != ';' && p[n] != '(')
		n++;
	*w = p;
	return n;
}

static int
classify_samba(const char *msg, size_t len, struct rp_log_event *ev)
{
	const char *f[16];
	size_t fl[16], nf = 0, i, op = SIZE_MAX;
	const char *p = msg, *end = msg + len;

	while (nf < 16) {
		const char *bar = memchr(p, '|', (size_t)(end - p));

		f[nf] = p;
		fl[nf] = bar ? (size_t)(bar - p) : (size_t)(end - p);
		nf++;
		if (bar == NULL)
			break;
		p = bar + 1;
	}
	if (nf < 3)
		return 0;
	for (i = 1; i + 1 < nf; i++) {
		if ((fl[i + 1] == 2 && memcmp(f[i + 1], "ok", 2) == 0) ||
		    (fl[i + 1] == 4 && memcmp(f[i + 1], "fail", 4) == 0) ||
		    (fl[i + 1] > 5 && memcmp(f[i + 1], "fail ", 5) == 0)) {
			op = i;
			break;
		}
	}
	if (op == SIZE_MAX)
		return 0;
	SETS(ev->source, "samba");
	SET(ev->user, f[0], fl[0]);
	for (i = 1; i < op; i++) {
		/* the client address is the prefix field that looks like one (%I) */
		size_t k, dots = 0, colons = 0, ok = fl[i] > 0;

		for (k = 0; k < fl[i]; k++) {
			char c = f[i][k];

			dots += c == '.';
			colons += c == ':';
			if (!isxdigit((unsigned char)c) && c != '.' && c != ':')
				ok = 0;
		}
		if (ok && (dots == 3 || colons >= 2)) {
			SET(ev->client, f[i], fl[i]);
			break;
		}
	}
	SET(ev->action, f[op], fl[op]);
	SET(ev->status, f[op + 1], fl[op + 1] >= 4 ? 4 : fl[op + 1]);
	if (op + 2 < nf) {
		/* the arguments: the rest of the line ("file" or "from|to" for a rename) */
		SET(ev->object, f[op + 2], (size_t)(end - f[op + 2]));
	}
	return 1;
}

static int
classify(const char *prog, size_t plen, const char *msg, size_t len, struct rp_log_event *ev)
{
	const char *w;
	size_t n;

	SET(ev->program, prog, plen);
	SET(ev->message, msg, len);
	if ((plen >= 4 && memcmp(prog, "smbd", 4) == 0) || memmem(prog, plen, "audit", 5))
		return classify_samba(msg, len, ev);
	if (plen == 4 && memcmp(prog, "sshd", 4) == 0) {
		if ((n = word_after(msg, len, "Accepted ", &w)) != 0) {
			SETS(ev->action, "login");
			if ((n = word_after(msg, len, " for ", &w)) != 0)
				SET(ev->user, w, n);
		} else if (memmem(msg, len, "Failed password for ", 20) ||
		    memmem(msg, len, "Failed publickey for ", 21) ||
		    memmem(msg, len, "Invalid user ", 13)) {
			SETS(ev->action, "login-failed");
			if ((n = word_after(msg, len, "invalid user ", &w)) != 0 ||
			    (n = word_after(msg, len, "Invalid user ", &w)) != 0 ||
			    (n = word_after(msg, len, " for ", &w)) != 0)
				SET(ev->user, w, n);
		} else if ((n = word_after(msg, len, "Disconnected from user ", &w)) != 0) {
			const char *a = w + n + 1;

			SETS(ev->action, "logout");
			SET(ev->user, w, n);
			if (a < msg + len) {
				size_t k = 0;

				while (a + k < msg + len && a[k] != ' ')
					k++;
				SET(ev->client, a, k);
			}
			return 1;
		} else if (memmem(msg, len, "session opened for user ", 24)) {
			SETS(ev->action, "session-open");
			if ((n = word_after(msg, len, "for user ", &w)) != 0)
				SET(ev->user, w, n);
			return 1;
		} else {
			return 0;
		}
		if ((n = word_after(msg, len, " from ", &w)) != 0)
			SET(ev->client, w, n);
		return 1;
	}
	if (plen == 4 && memcmp(prog, "sudo", 4) == 0) {
		const char *colon = memmem(msg, len, " : ", 3);
		const char *cmd = memmem(msg, len, "COMMAND=", 8);
		const char *s = msg;

		if (colon == NULL || cmd == NULL)
			return 0;
		while (s < colon && *s == ' ')
			s++;
		SETS(ev->action, "sudo");
		SET(ev->user, s, (size_t)(colon - s));
		SET(ev->object, cmd + 8, (size_t)(msg + len - cmd - 8));
		return 1;
	}
	if (plen == 2 && memcmp(prog, "su", 2) == 0) {
		if ((n = word_after(msg, len, "(to ", &w)) == 0)
			return 0;
		SETS(ev->action, "su");
		SET(ev->object, w, n && w[n - 1] == ')' ? n - 1 : n);
		{
			const char *par = memchr(msg, ')', len), *u;
			size_t k = 0;

			if (par != NULL && par + 2 < msg + len) {
				u = par + 2;
				while (u + k < msg + len && u[k] != ' ')
					k++;
				SET(ev->user, u, k);
			}
		}
		return 1;
	}
	if (memmem(msg, len, "session opened for user ", 24)) {
		SETS(ev->action, "session-open");
		if ((n = word_after(msg, len, "for user ", &w)) != 0)
			SET(ev->user, w, n);
		return 1;
	}
	if (memmem(msg, len, "session closed for user ", 24)) {
		SETS(ev->action, "session-close");
		if ((n = word_after(msg, len, "for user ", &w)) != 0)
			SET(ev->user, w, n);
		return 1;
	}
	if (plen == 14 && memcmp(prog, "systemd-logind", 14) == 0 &&
	    (n = word_after(msg, len, " of user ", &w)) != 0 && memmem(msg, len, "New session", 11)) {
		SETS(ev->action, "session-open");
		SET(ev->user, w, n && w[n - 1] == '.' ? n - 1 : n);
		return 1;
	}
	return 0;
}

/* "host prog[pid]: message" after the timestamp. */
static int
syslog_rest(const char *p, const char *end, struct rp_log_event *ev)
{
	const char *sp, *colon, *prog, *br;
	size_t plen;

	while (p < end && *p == ' ')
		p++;
	if ((sp = memchr(p, ' ', (size_t)(end - p))) == NULL)
		return RP_ERR_FORMAT;
	SET(ev->host, p, (size_t)(sp - p));
	prog = sp + 1;
	if ((colon = memmem(prog, (size_t)(end - prog), ": ", 2)) == NULL) {
		if (end - prog > 0 && end[-1] == ':')
			colon = end - 1;
		else
			return RP_ERR_FORMAT;
	}
	plen = (size_t)(colon - prog);
	if ((br = memchr(prog, '[', plen)) != NULL)
		plen = (size_t)(br - prog);
	if (plen == 0 || memchr(prog, ' ', plen) != NULL)
		return RP_ERR_FORMAT;
	p = colon + (colon + 1 < end ? 2 : 1);
	return classify(prog, plen, p, (size_t)(end > p ? end - p : 0), ev);
}

static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

static int
parse_traditional(const struct rp_log_ctx *ctx, const char *s, const char *end,
    struct rp_log_event *ev)
{
	struct tm tm;
	const char *m;
	int d, H, M, S;
	time_t t;

	/* "Nov 21 03:14:15 " (day space-padded) */
	if (end - s < 16 || s[3] != ' ' || s[6] != ' ' || s[9] != ':' || s[12] != ':' ||
	    s[15] != ' ')
		return RP_ERR_FORMAT;
	for (m = months; *m; m += 3)
		if (memcmp(m, s, 3) == 0)
			break;
	if (*m == '\0')
		return RP_ERR_FORMAT;
	if (!(s[4] == ' ' || isdigit((unsigned char)s[4])) || !isdigit((unsigned char)s[5]) ||
	    !isdigit((unsigned char)s[7]) || !isdigit((unsigned char)s[8]) ||
	    !isdigit((unsigned char)s[10]) || !isdigit((unsigned char)s[11]) ||
	    !isdigit((unsigned char)s[13]) || !isdigit((unsigned char)s[14]))
		return RP_ERR_FORMAT;
	d = (s[4] == ' ' ? 0 : s[4] - '0') * 10 + (s[5] - '0');
	H = (s[7] - '0') * 10 + (s[8] - '0');
	M = (s[10] - '0') * 10 + (s[11] - '0');
	S = (s[13] - '0') * 10 + (s[14] - '0');
	if (d < 1 || d > 31 || H > 23 || M > 59 || S > 60)
		return RP_ERR_FORMAT;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = ctx->year - 1900;
	tm.tm_mon = (int)((m - months) / 3);
	tm.tm_mday = d;
	tm.tm_hour = H;
	tm.tm_min = M;
	tm.tm_sec = S;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return RP_ERR_FORMAT;
	ev->time = (int64_t)t;
	return syslog_rest(s + 16, end, ev);
}

static int
parse_iso(const char *s, const char *end, struct rp_log_event *ev)
{
	const char *sp = memchr(s, ' ', (size_t)(end - s));
	char ts[64];
	long ns;

	if (sp == NULL || (size_t)(sp - s) >= sizeof(ts))
		return RP_ERR_FORMAT;
	memcpy(ts, s, (size_t)(sp - s));
	ts[sp - s] = '\0';
	if (rp_time_parse(ts, &ev->time, &ns) != 0)
		return RP_ERR_FORMAT;
	return syslog_rest(sp + 1, end, ev);
}

static const char *
jstr(const struct rp_jv *o, const char *k)
{
	return rp_jv_str(rp_jv_get(o, k));
}

static int
parse_json(const char *s, size_t len, struct rp_log_event *ev)
{
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *o;
	const char *v, *msg;
	int64_t us;
	int r;

	if (rp_jdoc_parse(&doc, s, len) != 0)
		return RP_ERR_FORMAT;
	o = rp_jdoc_root(doc);
	r = RP_ERR_FORMAT;
	if (!rp_jv_is_object(o))
		goto out;
	if (rp_jv_int(rp_jv_get(o, "__REALTIME_TIMESTAMP"), &us) == 0) {
		/* journalctl -o json */
		const char *prog = jstr(o, "SYSLOG_IDENTIFIER");

		if (prog == NULL)
			prog = jstr(o, "_COMM");
		if ((msg = jstr(o, "MESSAGE")) == NULL || prog == NULL) {
			r = 0;
			goto out;
		}
		ev->time = us / 1000000;
		if ((v = jstr(o, "_HOSTNAME")) != NULL)
			SETS(ev->host, v);
		r = classify(prog, strlen(prog), msg, strlen(msg), ev);
		if (r == 1 && strcmp(ev->source, "samba") != 0)
			SETS(ev->source, "journal");
		goto out;
	}
	/* a riposte alert: {"kind":...,"time":ISO8601,...} */
	if ((v = jstr(o, "kind")) == NULL || jstr(o, "time") == NULL)
		goto out;
	if (strcmp(v, "summary") == 0) {
		r = 0;
		goto out;
	}
	if (rp_time_parse(jstr(o, "time"), &ev->time, NULL) != 0)
		goto out;
	SETS(ev->source, "riposte");
	SETS(ev->program, "riposte");
	SETS(ev->action, v);
	if ((v = jstr(o, "path")) != NULL)
		SETS(ev->object, v);
	if ((v = jstr(o, "user")) != NULL)
		SETS(ev->user, v);
	if ((v = jstr(o, "client")) != NULL || (v = jstr(o, "address")) != NULL)
		SETS(ev->client, v);
	if ((v = jstr(o, "message")) != NULL || (v = jstr(o, "reason")) != NULL ||
	    (v = jstr(o, "text")) != NULL || (v = jstr(o, "verdict")) != NULL)
		SETS(ev->message, v);
	if ((v = jstr(o, "host")) != NULL)
		SETS(ev->host, v);
	r = 1;
out:
	rp_jdoc_free(doc);
	return r;
}

int
rp_log_parse_line(const struct rp_log_ctx *ctx, const char *line, size_t len,
    struct rp_log_event *ev)
{
	const char *end;
	int r;

	memset(ev, 0, sizeof(*ev));
	while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == '\n'))
		len--;
	if (len == 0 || len > MAX_LINE)
		return RP_ERR_FORMAT;
	end = line + len;
	if (line[0] == '{')
		return parse_json(line, len, ev);
	if (isdigit((unsigned char)line[0]))
		r = parse_iso(line, end, ev);
	else
		r = parse_traditional(ctx, line, end, ev);
	if (r == 1 && ev->source[0] == '\0')
		SETS(ev->source, "auth");
	return r;
}
