/*
 * What a file is, from its first bytes: a PST, an mbox, one message, or mailbox rules
 * (Sieve, procmail, an Exchange inbox-rules export). Names are not trusted (a Maildir
 * file is "1700000000.M1P2.host:2,S", an export is "mail (3).txt"), with one
 * exception: ".forward", whose content (addresses, "|program") says nothing alone.
 */
#include <string.h>
#include <strings.h>

#include "mail/internal.h"

/* header field names that a message's header holds */
static const char *const known[] = { "from", "to", "cc", "date", "subject", "message-id",
	"received", "return-path", "delivered-to", "mime-version", "content-type",
	"reply-to", "sender", "x-mailer", "user-agent", "references", "in-reply-to",
	"dkim-signature", "authentication-results", "x-original-to", "thread-topic" };

/* Length of a header field name at s followed by ':' (0 when not one). */
static size_t
field_name(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len && i < 128; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ':')
			return i;
		if (c <= ' ' || c >= 127)
			return 0;
	}
	return 0;
}

static int
is_known(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i]) == n && strncasecmp(s, known[i], n) == 0)
			return 1;
	return 0;
}

static int
looks_message(const char *h, size_t len)
{
	const char *p = h, *end = h + len;
	int fields = 0, knownf = 0, first = 1;
	size_t n;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (ll && p[ll - 1] == '\r')
			ll--;
		if (ll == 0)
			break;                      /* end of the header */
		if (p[0] == ' ' || p[0] == '\t') {
			if (first)
				return 0;           /* a continuation before any field */
		} else if ((n = field_name(p, ll)) > 0) {
			fields++;
			knownf += is_known(p, n);
		} else {
			return 0;                   /* not a header line */
		}
		first = 0;
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return fields >= 2 && knownf >= 2;
}

/* Skips whitespace and Sieve/shell comments; returns the first token's start. */
static const char *
first_token(const char *s, const char *end)
{
	while (s < end) {
		if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
			s++;
		} else if (*s == '#') {
			while (s < end && *s != '\n')
				s++;
		} else if (*s == '/' && s + 1 < end && s[1] == '*') {
			const char *e = NULL;

			for (s += 2; s + 1 < end; s++)
				if (s[0] == '*' && s[1] == '/') {
					e = s + 2;
					break;
				}
			if (e == NULL)
				return end;
			s = e;
		} else {
			break;
		}
	}
	return s;
}

static int
starts_word(const char *p, const char *end, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(end - p) > n && strncasecmp(p, w, n) == 0 &&
	    (p[n] == ' ' || p[n] == '\t' || p[n] == '"' || p[n] == ';' || p[n] == '\r' ||
	    p[n] == '\n' || p[n] == '[' || p[n] == ':');
}

static int
has_line_start(const char *h, size_t len, const char *w)
{
	const char *p = h, *end = h + len;
	size_t n = strlen(w);

	while (p < end) {
		const char *nl;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if ((size_t)(end - p) >= n && memcmp(p, w, n) == 0)
			return 1;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		p = nl + 1;
	}
	return 0;
}

enum mail_file_kind
mail_sniff(const char *h, size_t len, const char *name)
{
	const char *end = h + len, *t;
	int64_t when;
	size_t off = 0;

	if (len >= 4 && memcmp(h, "!BDN", 4) == 0)
		return MAIL_F_PST;
	if (name && strcmp(name, ".forward") == 0)
		return MAIL_F_FORWARD;
	if (len >= 3 && (unsigned char)h[0] == 0xef && (unsigned char)h[1] == 0xbb &&
	    (unsigned char)h[2] == 0xbf)
		off = 3;   /* a UTF-8 byte-order mark (PowerShell exports, Windows editors) */
	if (len >= 5 && memcmp(h, "From ", 5) == 0) {
		const char *nl = memchr(h, '\n', len);

		if (nl && mail_mbox_is_from(h, (size_t)(nl - h), &when))
			return MAIL_F_MBOX;
	}
	if (looks_message(h, len))
		return MAIL_F_MESSAGE;
	/* Exchange inbox rules exported by Get-InboxRule | Export-Csv / ConvertTo-Json */
	t = first_token(h + off, end);
	if (t < end && (*t == '[' || *t == '{') &&
	    (memmem(h, len, "\"ForwardTo\"", 11) || memmem(h, len, "\"RedirectTo\"", 12) ||
	    memmem(h, len, "\"MoveToFolder\"", 14) || memmem(h, len, "\"DeleteMessage\"", 15)))
		return MAIL_F_EXCHANGE_JSON;
	{
		const char *nl = memchr(h + off, '\n', len - off);
		const char *l2 = nl ? nl + 1 : end;
		const char *nl2 = l2 < end ? memchr(l2, '\n', (size_t)(end - l2)) : NULL;
		size_t n1 = nl ? (size_t)(nl - h - off) : len - off;
		const char *hdr = h + off;
		size_t hn = n1;

		/* PowerShell 5 starts with "#TYPE ..." before the header row */
		if (n1 > 5 && memcmp(hdr, "#TYPE", 5) == 0 && l2 < end) {
			hdr = l2;
			hn = nl2 ? (size_t)(nl2 - l2) : (size_t)(end - l2);
		}
		if (memmem(hdr, hn, "Name", 4) && (memmem(hdr, hn, "ForwardTo", 9) ||
		    memmem(hdr, hn, "RedirectTo", 10) || memmem(hdr, hn, "MoveToFolder", 12) ||
		    memmem(hdr, hn, "DeleteMessage", 13)))
			return MAIL_F_EXCHANGE_CSV;
	}
	/* Sieve: the first token of a script is one of its commands */
	if (t < end && (starts_word(t, end, "require") || starts_word(t, end, "if") ||
	    starts_word(t, end, "redirect") || starts_word(t, end, "fileinto") ||
	    starts_word(t, end, "discard") || starts_word(t, end, "vacation")))
		return MAIL_F_SIEVE;
	/* procmail: recipes start with ":0" at the beginning of a line */
	if (has_line_start(h, len, ":0") && (len < 2 || memcmp(h, "PK", 2) != 0) &&
	    memchr(h, '\0', len) == NULL)
		return MAIL_F_PROCMAIL;
	return MAIL_F_OTHER;
}
