/*
 * Ransom notes from the attack's context (notectx.h).
 *
 * Why each threshold is what it is:
 * - The slack (treescan: 2 hours). An encryptor writes a folder's note when it enters
 *   or leaves the folder, seconds from the folder's files; a multi-threaded one queues
 *   files, so a folder's files and its note can lie minutes apart (the recipe of
 *   bench/realcorpus writes every note after the whole tree: up to about 30 minutes
 *   after a folder's files); a human operator who pushes the notes by a script or a
 *   group policy once the encryption is done does so within the hour. Two hours covers
 *   a note written an hour after the last encrypted file with a margin; the longer the
 *   slack, the more of a working day's ordinary files fall inside it, which the other
 *   conditions must then refuse.
 * - A burst is a chain of encrypted files' mtimes with no gap longer than the slack
 *   (an attack spread over a night is one burst as long as its files keep coming), of
 *   at least 3 files (treescan): one or two files judged encrypted by mistake, years
 *   old, are not an attack, and must not open a window around them.
 * - Beside: the note's folder holds an encrypted file of the same burst, or the note
 *   lies in the tree's top folder (the share's root, where notes are dropped too) and
 *   the tree holds one. A note is written where the encryptor works.
 * - The way to reach: a Tor or I2P host, a Tox ID, a Session ID, a Bech32 Bitcoin or a
 *   Monero address are never in a practice's ordinary files: alone enough. A mail or a
 *   bare @handle is in many ordinary files (a signature, a contact list, a log): enough
 *   only with a personal ID ("ID" then a token of letters and digits) or a key blob (a
 *   line of 40+ base64 characters) in a text of at most 1 KiB, or with the words of the
 *   evidence rules (payment, theft, encryption... with a channel). The 1 KiB is the
 *   evidence rules' own split (one more kind of evidence in a short text, two in a
 *   longer one): a project's README names its maintainer's mail and a signing "key ID
 *   FFDCE258" (/usr/share/doc/polkitd/README.md, 2.5 KiB: the only one of 5,506 small
 *   files of /usr/share copied beside encrypted files into the window that the rule
 *   called a note without it); the notes that give a mail or a handle and an ID are a
 *   few lines. A plain URL is not counted: READMEs carry them.
 * - Shaped: a note is prose addressed to someone. A log (3+ lines that start with a date
 *   or a time), a table (3+ lines with the same count of ';', '\t' or '|', or 3+ of
 *   ','), a vCard or calendar, a mail (2+ header lines), a PEM/PGP block, or a text with
 *   4+ distinct mail addresses (notes give one or two, a contact list many) is a record:
 *   never a note by context, whatever it carries.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "detect/dupnote.h"
#include "detect/notectx.h"

/* ---- evidence in one text ---- */

static int
b32(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7');
}

static int
b58(unsigned char c)
{
	return isalnum(c) && c != '0' && c != 'O' && c != 'I' && c != 'l';
}

static int
b64(unsigned char c)
{
	return isalnum(c) || c == '+' || c == '/';
}

static int
hostc(unsigned char c)
{
	return isalnum(c) || c == '-';
}

/* a host ending at E (the '.' of ".onion"/".i2p"): the label before it */
static size_t
label_before(const unsigned char *p, const unsigned char *e, int (*cls)(unsigned char))
{
	const unsigned char *q = e;

	while (q > p && cls(q[-1]))
		q--;
	return (size_t)(e - q);
}

static unsigned
hosts(const unsigned char *p, size_t n)
{
	const unsigned char *q, *end = p + n;
	unsigned ev = 0;

	for (q = p; (q = memmem(q, (size_t)(end - q), ".onion", 6)) != NULL; q += 6) {
		size_t k = label_before(p, q, b32);

		/* v2: 16 base32 characters, v3: 56 */
		if (k == 16 || k == 56)
			ev |= RP_NCTX_ONION;
	}
	for (q = p; (q = memmem(q, (size_t)(end - q), ".i2p", 4)) != NULL; q += 4) {
		/* a b32 host has 52 characters; a named one a label of its own */
		if (label_before(p, q, hostc) >= 4 && (q + 4 == end || !isalnum(q[4])))
			ev |= RP_NCTX_I2P;
	}
	return ev;
}

/* runs of hexadecimal digits, base58 and Bech32 characters given bare */
static unsigned
ids(const unsigned char *p, size_t n)
{
	const unsigned char *q = p, *end = p + n;
	unsigned ev = 0;

	while (q < end) {
		const unsigned char *h = q;

		if (!isalnum(*q)) {
			q++;
			continue;
		}
		while (h < end && isalnum(*h))
			h++;
		{
			size_t k = (size_t)(h - q), i, hex = 0, b58n = 0;

			for (i = 0; i < k; i++) {
				hex += isxdigit(q[i]) != 0;
				b58n += b58(q[i]) != 0;
			}
			if (hex == k && k == 76)
				ev |= RP_NCTX_TOX;
			if (hex == k && k == 66 && q[0] == '0' && q[1] == '5')
				ev |= RP_NCTX_SESSION;
			if (k >= 42 && k <= 62 && strncmp((const char *)q, "bc1q", 4) == 0) {
				for (i = 4; i < k && strchr("qpzry9x8gf2tvdw0s3jn54khce6mua7l", q[i]); i++)
					;
				if (i == k)
					ev |= RP_NCTX_BTC;
			}
			if (k == 95 && q[0] == '4' && b58n == k && strchr("0123456789AB", q[1]))
				ev |= RP_NCTX_XMR;
		}
		q = h;
	}
	return ev;
}

/* "ID" (any case, a word) then, after at most 3 other characters, a token of 8 to 64
 * letters and digits with at least one digit */
static int
has_id(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i++) {
		size_t j, k, digits = 0;

		if ((p[i] | 0x20) != 'i' || (p[i + 1] | 0x20) != 'd')
			continue;
		if ((i > 0 && isalnum(p[i - 1])) || isalnum(p[i + 2]))
			continue;
		for (j = i + 2; j < n && j < i + 5 && !isalnum(p[j]) && p[j] != '\n'; j++)
			;
		for (k = j; k < n && isalnum(p[k]); k++)
			digits += isdigit(p[k]) != 0;
		if (k - j >= 8 && k - j <= 64 && digits > 0)
			return 1;
	}
	return 0;
}

/* one line: of 40+ base64 characters (and '=' padding) only, with capitals, small
 * letters and digits: a key, not a word */
static int
blob_line(const unsigned char *l, size_t n)
{
	size_t i, up = 0, lo = 0, dg = 0;

	while (n && (l[n - 1] == '\r' || l[n - 1] == ' ' || l[n - 1] == '='))
		n--;
	if (n < 40)
		return 0;
	for (i = 0; i < n; i++) {
		if (!b64(l[i]))
			return 0;
		up += isupper(l[i]) != 0;
		lo += islower(l[i]) != 0;
		dg += isdigit(l[i]) != 0;
	}
	return up > 0 && lo > 0 && dg > 0;
}

/* a date or a time in a line's first 32 bytes: dddd-dd-dd, dd/dd/dd, dd.dd.dd, dd:dd:dd */
static int
stamped(const unsigned char *l, size_t n)
{
	size_t i, m = n < 32 ? n : 32;

	for (i = 0; i + 8 <= m; i++) {
		const unsigned char *s = l + i;

		if (isdigit(s[0]) && isdigit(s[1]) && isdigit(s[2]) && isdigit(s[3]) && s[4] == '-' &&
		    i + 10 <= n && isdigit(s[5]) && isdigit(s[6]) && s[7] == '-' && isdigit(s[8]) &&
		    isdigit(s[9]))
			return 1;
		if (isdigit(s[0]) && isdigit(s[1]) && strchr(":/.", s[2]) && isdigit(s[3]) &&
		    isdigit(s[4]) && s[5] == s[2] && isdigit(s[6]) && isdigit(s[7]))
			return 1;
	}
	return 0;
}

static int
header_line(const unsigned char *l, size_t n)
{
	static const char *const h[] = { "from:", "to:", "subject:", "date:", "received:",
		"message-id:", "return-path:", "mime-version:", "content-type:", "cc:", "reply-to:" };
	size_t i;

	for (i = 0; i < sizeof(h) / sizeof(h[0]); i++)
		if (n >= strlen(h[i]) && strncasecmp((const char *)l, h[i], strlen(h[i])) == 0)
			return 1;
	return 0;
}

#define MAX_MAILS 4

/* mails: name@domain.tld, counted by their distinct addresses (up to MAX_MAILS) */
static unsigned
mails(const unsigned char *p, size_t n, unsigned *distinct)
{
	const unsigned char *q, *end = p + n;
	uint64_t seen[MAX_MAILS];
	unsigned ns = 0, i;

	for (q = p; (q = memchr(q, '@', (size_t)(end - q))) != NULL; q++) {
		const unsigned char *a = q, *d = q + 1, *dot = NULL;
		uint64_t h;

		while (a > p && (isalnum(a[-1]) || strchr("._%+-", a[-1]) != NULL))
			a--;
		if (a == q)
			continue;
		while (d < end && (hostc(*d) || (*d == '.' && d + 1 < end && hostc(d[1])))) {
			if (*d == '.')
				dot = d;
			d++;
		}
		if (dot == NULL || d - dot < 3 || !isalpha(dot[1]) || !isalpha(dot[2]))
			continue;
		h = rp_dupnote_hash(a, (size_t)(d - a));
		for (i = 0; i < ns && seen[i] != h; i++)
			;
		if (i == ns && ns < MAX_MAILS)
			seen[ns++] = h;
	}
	*distinct = ns;
	return ns ? RP_NCTX_MAIL : 0;
}

/* a bare @handle: '@' after a space or punctuation (not a mail), 5-32 letters, digits
 * and '_' from a letter, with a digit or '_' (a Telegram support handle: @decrypt_kw3;
 * not @param, @media, @import of code and style sheets), not a domain */
unsigned
rp_notectx_handle(const unsigned char *p, size_t n)
{
	const unsigned char *q, *end = p + n;

	for (q = p; (q = memchr(q, '@', (size_t)(end - q))) != NULL; q++) {
		const unsigned char *h = q + 1;
		size_t k, odd = 0;

		if (q > p && (isalnum(q[-1]) || strchr("._%+-", q[-1]) != NULL))
			continue;
		if (h >= end || !isalpha(*h))
			continue;
		while (h < end && (isalnum(*h) || *h == '_')) {
			odd += *h == '_' || isdigit(*h);
			h++;
		}
		k = (size_t)(h - q - 1);
		if (k >= 5 && k <= 32 && odd && (h == end || (*h != '.' && *h != '@' && *h != '(')))
			return RP_NCTX_HANDLE;
	}
	return 0;
}

/* the shape of a record (see the top of this file) */
static int
shaped(const unsigned char *p, size_t n)
{
	const unsigned char *l = p, *end = p + n;
	unsigned stamps = 0, headers = 0, same = 0, lines = 0;
	int sepc[4] = { -1, -1, -1, -1 };
	unsigned run[4] = { 0, 0, 0, 0 };
	static const char seps[4] = { ';', '\t', '|', ',' };

	if (memmem(p, n, "BEGIN:VCARD", 11) || memmem(p, n, "BEGIN:VCALENDAR", 15) ||
	    memmem(p, n, "-----BEGIN ", 11))
		return 1;
	while (l < end) {
		const unsigned char *e = memchr(l, '\n', (size_t)(end - l));
		size_t len = e ? (size_t)(e - l) : (size_t)(end - l);
		int s;

		if (len > 0 && !(len == 1 && l[0] == '\r')) {
			lines++;
			stamps += stamped(l, len) != 0;
			headers += header_line(l, len) != 0;
			for (s = 0; s < 4; s++) {
				int c = 0;
				size_t i;

				for (i = 0; i < len; i++)
					c += l[i] == (unsigned char)seps[s];
				/* consecutive lines with the same count (>= 1; >= 3 for ',',
				 * which prose has) */
				if (c >= (s == 3 ? 3 : 1) && c == sepc[s])
					run[s]++;
				else
					run[s] = c >= (s == 3 ? 3 : 1) ? 1 : 0;
				sepc[s] = c;
				if (run[s] >= 3)
					same = 1;
			}
		}
		l = e ? e + 1 : end;
	}
	return stamps >= 3 || headers >= 2 || same;
}

unsigned
rp_notectx_evidence(const unsigned char *p, size_t n)
{
	unsigned ev, distinct = 0;
	const unsigned char *l, *end = p + n;

	ev = hosts(p, n) | ids(p, n) | mails(p, n, &distinct) | rp_notectx_handle(p, n);
	if (ev == 0)
		return 0;
	if (has_id(p, n))
		ev |= RP_NCTX_ID;
	for (l = p; l < end; ) {
		const unsigned char *e = memchr(l, '\n', (size_t)(end - l));
		size_t len = e ? (size_t)(e - l) : (size_t)(end - l);

		if (blob_line(l, len)) {
			ev |= RP_NCTX_BLOB;
			break;
		}
		l = e ? e + 1 : end;
	}
	if (distinct >= MAX_MAILS || shaped(p, n))
		ev |= RP_NCTX_SHAPED;
	if (n <= RP_NCTX_SHORT_MAX)
		ev |= RP_NCTX_SHORT;
	return ev;
}

int
rp_notectx_enough(unsigned ev)
{
	if (ev & RP_NCTX_SHAPED)
		return 0;
	if (ev & RP_NCTX_STRONG)
		return 1;
	return (ev & RP_NCTX_WEAK) && ((ev & RP_NCTX_EVID) ||
	    ((ev & RP_NCTX_SHORT) && (ev & (RP_NCTX_ID | RP_NCTX_BLOB))));
}

/* ---- the encrypted files of a scan ---- */

struct efile {
	int64_t t;
	uint64_t dir, top, root;
};

struct key {
	uint32_t cl;       /* the burst */
	uint64_t h;        /* a folder's hash */
};

struct burst {
	int64_t first, last;
	uint32_t n;
};

struct rp_notectx {
	int64_t slack;
	unsigned min_burst;
	struct efile *f;
	size_t n, cap;
	int sorted;
	struct burst *b;
	size_t nb;
	struct key *bydir, *bytop, *byroot;   /* n each, sorted */
};

int
rp_notectx_new(struct rp_notectx **out, int64_t slack, unsigned min_burst)
{
	struct rp_notectx *c;

	*out = NULL;
	if (slack < 0 || min_burst == 0)
		return RP_ERR_INVALID;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		return RP_ERR_NOMEM;
	c->slack = slack;
	c->min_burst = min_burst;
	*out = c;
	return 0;
}

void
rp_notectx_free(struct rp_notectx *c)
{
	if (c == NULL)
		return;
	free(c->f);
	free(c->b);
	free(c->bydir);
	free(c->bytop);
	free(c->byroot);
	free(c);
}

static size_t
dirlen_of(const char *path, size_t pathlen)
{
	const char *s = memrchr(path, '/', pathlen);

	return s ? (size_t)(s - path) : 0;
}

int
rp_notectx_add(struct rp_notectx *c, int64_t mtime, const char *path, size_t pathlen,
    const char *topdir, const char *root)
{
	size_t rl = strlen(root);

	/* after the first judgement (a held verdict released at the end of the scan that
	 * turned out encrypted): too late to count, ignored */
	if (c->sorted || c->n >= RP_NCTX_MAX_FILES)
		return 0;
	if (c->n == c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 256;
		struct efile *nf = realloc(c->f, ncap * sizeof(*nf));

		if (nf == NULL)
			return RP_ERR_NOMEM;
		c->f = nf;
		c->cap = ncap;
	}
	c->f[c->n].t = mtime;
	c->f[c->n].dir = rp_dupnote_hash(path, dirlen_of(path, pathlen));
	c->f[c->n].top = rp_dupnote_hash(topdir, strlen(topdir));
	/* the root as the walk names its files' folders (no trailing '/') */
	while (rl > 1 && root[rl - 1] == '/')
		rl--;
	c->f[c->n].root = rp_dupnote_hash(root, rl);
	c->n++;
	return 0;
}

static int
cmp_efile(const void *a, const void *b)
{
	const struct efile *x = a, *y = b;

	return x->t < y->t ? -1 : x->t > y->t;
}

static int
cmp_key(const void *a, const void *b)
{
	const struct key *x = a, *y = b;

	if (x->cl != y->cl)
		return x->cl < y->cl ? -1 : 1;
	return x->h < y->h ? -1 : x->h > y->h;
}

/* the bursts, and each file's (burst, folder) and (burst, top) keys, sorted */
static int
prepare(struct rp_notectx *c)
{
	size_t i;

	c->sorted = 1;
	if (c->n == 0)
		return 0;
	qsort(c->f, c->n, sizeof(*c->f), cmp_efile);
	if ((c->b = calloc(c->n, sizeof(*c->b))) == NULL ||
	    (c->bydir = malloc(c->n * sizeof(*c->bydir))) == NULL ||
	    (c->bytop = malloc(c->n * sizeof(*c->bytop))) == NULL ||
	    (c->byroot = malloc(c->n * sizeof(*c->byroot))) == NULL)
		return RP_ERR_NOMEM;
	for (i = 0; i < c->n; i++) {
		if (i == 0 || c->f[i].t - c->f[i - 1].t > c->slack) {
			c->b[c->nb].first = c->f[i].t;
			c->nb++;
		}
		c->b[c->nb - 1].last = c->f[i].t;
		c->b[c->nb - 1].n++;
		c->bydir[i].cl = c->bytop[i].cl = c->byroot[i].cl = (uint32_t)(c->nb - 1);
		c->bydir[i].h = c->f[i].dir;
		c->bytop[i].h = c->f[i].top;
		c->byroot[i].h = c->f[i].root;
	}
	qsort(c->bydir, c->n, sizeof(*c->bydir), cmp_key);
	qsort(c->bytop, c->n, sizeof(*c->bytop), cmp_key);
	qsort(c->byroot, c->n, sizeof(*c->byroot), cmp_key);
	return 0;
}

/* how many keys equal K in the sorted V[0..N) */
static size_t
count_key(const struct key *v, size_t n, const struct key *k)
{
	size_t lo = 0, hi = n, a;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cmp_key(&v[mid], k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (a = lo; a < n && cmp_key(&v[a], k) == 0; a++)
		;
	return a - lo;
}

static void
channels(unsigned ev, char *out, size_t outsz)
{
	static const struct { unsigned bit; const char *name; } ch[] = {
		{ RP_NCTX_ONION, "onion" }, { RP_NCTX_I2P, "i2p" }, { RP_NCTX_TOX, "tox" },
		{ RP_NCTX_SESSION, "session" }, { RP_NCTX_BTC, "bitcoin" },
		{ RP_NCTX_XMR, "monero" }, { RP_NCTX_MAIL, "mail" }, { RP_NCTX_HANDLE, "handle" },
		{ RP_NCTX_ID, "personal id" }, { RP_NCTX_BLOB, "key blob" },
		{ RP_NCTX_EVID, "words of a note" },
	};
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < sizeof(ch) / sizeof(ch[0]); i++) {
		int w;

		if (!(ev & ch[i].bit))
			continue;
		w = snprintf(out + o, outsz - o, "%s%s", o ? ", " : "", ch[i].name);
		if (w < 0 || (size_t)w >= outsz - o)
			break;
		o += (size_t)w;
	}
}

int
rp_notectx_judge(struct rp_notectx *c, unsigned ev, int64_t mtime, const char *path,
    size_t pathlen, const char *topdir, char *reason, size_t reasonsz)
{
	size_t lo = 0, hi, b, dl = dirlen_of(path, pathlen);
	uint64_t dir = rp_dupnote_hash(path, dl);
	int r;

	if (!rp_notectx_enough(ev))
		return 0;
	if (!c->sorted && (r = prepare(c)) != 0)
		return r;
	/* the first burst whose window ends at or after mtime */
	hi = c->nb;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->b[mid].last + c->slack < mtime)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* bursts are more than the slack apart: at most two windows hold mtime */
	for (b = lo; b < c->nb && c->b[b].first - c->slack <= mtime; b++) {
		struct key k = { (uint32_t)b, dir };
		size_t beside;
		const char *where = "in its folder";
		char ch[160];

		if (c->b[b].n < c->min_burst)
			continue;
		beside = count_key(c->bydir, c->n, &k);
		/* a note in a top folder, or in the scanned root (whose files' topdir is
		 * the root itself): beside the encrypted files below it */
		if (beside == 0 && strlen(topdir) == dl && memcmp(path, topdir, dl) == 0) {
			k.h = rp_dupnote_hash(topdir, dl);
			beside = count_key(c->bytop, c->n, &k);
			if (beside == 0)
				beside = count_key(c->byroot, c->n, &k);
			where = "in the tree below its folder";
		}
		if (beside == 0)
			continue;
		channels(ev, ch, sizeof(ch));
		snprintf(reason, reasonsz, "ransom note: written with the encryption (%u "
		    "encrypted files within %llds), beside %zu of them %s; evidence: %s",
		    c->b[b].n, (long long)c->slack, beside, where, ch);
		return 1;
	}
	return 0;
}
