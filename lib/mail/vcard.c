/*
 * vCard 2.1 / 3.0 / 4.0 (RFC 2425, 2426, 6350; see abook.h). Physical lines are
 * unfolded into logical ones (a line starting with a space or a tab continues the one
 * before; a quoted-printable value ending in '=' continues on the next line), each
 * "[group.]NAME[;PARAM...]:VALUE". A card's addresses are given at its END:VCARD, with
 * its FN (else N's given and family names) and ORG, whatever their order in the card.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/err.h"
#include "mail/abook.h"
#include "mail/logfile.h"
#include "mail/maillog.h"

#define VC_MAX_LOGICAL ((size_t)256 << 10)   /* a logical line (photos are longer) */
#define VC_MAX_EMAILS  64

struct card {
	int open;
	size_t line;
	struct rp_buf fn, n, org;
	char email[VC_MAX_EMAILS][RP_MAIL_ADDR_MAX];
	size_t nemail;
};

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = toupper(c);
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The value's text: quoted-printable decoded, the charset turned into UTF-8,
 * backslash escapes undone. */
static int
value_text(const char *v, size_t len, int qp, int latin, struct rp_buf *out)
{
	struct rp_buf raw = RP_BUF_INIT;
	size_t i;
	int r = 0;

	rp_buf_init(&raw, VC_MAX_LOGICAL);
	for (i = 0; i < len && r == 0; i++) {
		if (qp && v[i] == '=' && i + 2 < len && hexval(v[i + 1]) >= 0 &&
		    hexval(v[i + 2]) >= 0) {
			r = rp_buf_addch(&raw, hexval(v[i + 1]) * 16 + hexval(v[i + 2]));
			i += 2;
		} else if (qp && v[i] == '=' && i + 1 == len) {
			;   /* a soft line break at the end */
		} else if (v[i] == '\\' && i + 1 < len) {
			char c = v[++i];

			r = rp_buf_addch(&raw, c == 'n' || c == 'N' ? ' ' : c);
		} else {
			r = rp_buf_addch(&raw, v[i]);
		}
	}
	/* CHARSET=ISO-8859-1 or Windows-1252 (2.1): bytes that are not UTF-8 are read
	 * as Windows-1252, of which Latin-1's letters are a part */
	(void)latin;
	if (r == 0)
		r = rp_abook_text(out, raw.buf, raw.len);
	rp_buf_release(&raw);
	return r;
}

/* The n-th ';'-separated component of a structured value (escapes respected). */
static void
component(const char *v, size_t len, int n, const char **c, size_t *clen)
{
	size_t i, start = 0;
	int k = 0;

	*c = v;
	*clen = 0;
	for (i = 0; i <= len; i++) {
		if (i < len && v[i] == '\\') {
			i++;
			continue;
		}
		if (i == len || v[i] == ';') {
			if (k == n) {
				*c = v + start;
				*clen = (i > len ? len : i) - start;
				return;
			}
			k++;
			start = i + 1;
		}
	}
}

static int
emit(struct card *cd, rp_abook_fn fn, void *ctx, struct rp_abook_stats *st)
{
	struct rp_abook_entry e;
	size_t i;
	int r;

	st->contacts++;
	if (cd->nemail == 0)
		st->no_address++;
	e.name = cd->fn.len ? cd->fn.buf : cd->n.buf;
	e.org = cd->org.buf;
	e.line = cd->line;
	for (i = 0; i < cd->nemail; i++) {
		e.addr = cd->email[i];
		st->entries++;
		if ((r = fn(&e, ctx)) != 0)
			return r;
	}
	return 0;
}

static void
reset(struct card *cd)
{
	rp_buf_reset(&cd->fn);
	rp_buf_reset(&cd->n);
	rp_buf_reset(&cd->org);
	cd->nemail = 0;
	cd->open = 0;
}

static int
logical(struct card *cd, const char *s, size_t len, size_t line, rp_abook_fn fn, void *ctx,
    struct rp_abook_stats *st)
{
	const char *colon = NULL, *name, *params, *v, *dot;
	size_t i, nl, pl, vl;
	int inq = 0, qp = 0, latin = 0, b64 = 0;

	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			inq = !inq;
		else if (s[i] == ':' && !inq) {
			colon = s + i;
			break;
		}
	}
	if (colon == NULL) {
		st->malformed++;
		return 0;
	}
	name = s;
	nl = (size_t)(colon - s);
	params = memchr(name, ';', nl);
	pl = params ? (size_t)(colon - params) : 0;
	if (params)
		nl = (size_t)(params - name);
	if ((dot = memchr(name, '.', nl)) != NULL) {   /* "item1.EMAIL" */
		nl -= (size_t)(dot + 1 - name);
		name = dot + 1;
	}
	v = colon + 1;
	vl = len - (size_t)(v - s);
#define IS(w) (nl == sizeof(w) - 1 && strncasecmp(name, w, nl) == 0)
	if (IS("BEGIN")) {
		if (vl == 5 && strncasecmp(v, "VCARD", 5) == 0) {
			int r = cd->open ? emit(cd, fn, ctx, st) : 0;   /* one without its END */

			reset(cd);
			if (r != 0)
				return r;
			cd->open = 1;
			cd->line = line;
		}
		return 0;
	}
	if (IS("END")) {
		int r = 0;

		if (vl == 5 && strncasecmp(v, "VCARD", 5) == 0 && cd->open) {
			r = emit(cd, fn, ctx, st);
			reset(cd);
		}
		return r;
	}
	if (!cd->open)
		return 0;
	for (i = 0; params && i < pl; i++) {
		const char *p = params + i;
		size_t rest = pl - i;

		if (rest >= 16 && strncasecmp(p, "QUOTED-PRINTABLE", 16) == 0)
			qp = 1;
		else if (rest >= 8 && strncasecmp(p, "CHARSET=", 8) == 0)
			latin = !(rest >= 13 && strncasecmp(p + 8, "UTF-8", 5) == 0);
		else if (rest >= 10 && (strncasecmp(p, "ENCODING=B", 10) == 0 ||
		    (rest >= 6 && strncasecmp(p, "BASE64", 6) == 0)))
			b64 = 1;
	}
	if (b64)
		return 0;
	if (IS("FN")) {
		rp_buf_reset(&cd->fn);
		return value_text(v, vl, qp, latin, &cd->fn) == RP_ERR_NOMEM ? RP_ERR_NOMEM : 0;
	}
	if (IS("N")) {
		const char *fam, *giv;
		size_t fl, gl;

		component(v, vl, 0, &fam, &fl);
		component(v, vl, 1, &giv, &gl);
		rp_buf_reset(&cd->n);
		value_text(giv, gl, qp, latin, &cd->n);
		if (cd->n.len && fl)
			rp_buf_addch(&cd->n, ' ');
		value_text(fam, fl, qp, latin, &cd->n);
		return 0;
	}
	if (IS("ORG")) {
		const char *o;
		size_t ol;

		component(v, vl, 0, &o, &ol);
		rp_buf_reset(&cd->org);
		value_text(o, ol, qp, latin, &cd->org);
		return 0;
	}
	if (IS("EMAIL")) {
		struct rp_buf t = RP_BUF_INIT;

		value_text(v, vl, qp, latin, &t);
		if (t.len >= 7 && strncasecmp(t.buf, "mailto:", 7) == 0)
			memmove(t.buf, t.buf + 7, t.len - 6), t.len -= 7;
		if (cd->nemail < VC_MAX_EMAILS &&
		    rp_mail_addr_norm(t.buf, t.len, cd->email[cd->nemail]) == 0) {
			size_t k;

			for (k = 0; k < cd->nemail; k++)
				if (strcmp(cd->email[k], cd->email[cd->nemail]) == 0)
					break;
			if (k == cd->nemail)
				cd->nemail++;
		}
		rp_buf_release(&t);
	}
#undef IS
	return 0;
}

/* Whether the logical line in cur is a quoted-printable one ending in a soft break. */
static int
qp_soft(const struct rp_buf *cur)
{
	const char *colon = memchr(cur->buf, ':', cur->len);

	return colon != NULL && cur->len > 0 && cur->buf[cur->len - 1] == '=' &&
	    memmem(cur->buf, (size_t)(colon - cur->buf), "QUOTED-PRINTABLE", 16) != NULL;
}

int
rp_vcard_read(struct rp_logfile *f, rp_abook_fn fn, void *ctx, struct rp_abook_stats *st)
{
	struct rp_buf cur;
	struct card cd;
	const char *l;
	size_t len, curline = 0;
	int r, skip = 0;

	memset(&cd, 0, sizeof(cd));
	rp_buf_init(&cd.fn, 4096);
	rp_buf_init(&cd.n, 4096);
	rp_buf_init(&cd.org, 4096);
	rp_buf_init(&cur, VC_MAX_LOGICAL);
	st->format = "vcard";
	for (;;) {
		r = rp_logfile_line(f, &l, &len);
		if (r == RP_ERR_TOOBIG) {
			st->too_long++;
			skip = 1;   /* the rest of that property too */
			continue;
		}
		if (r < 0)
			goto out;
		if (r == 1 && len > 0 && (l[0] == ' ' || l[0] == '\t')) {
			if (!skip && rp_buf_add(&cur, l + 1, len - 1) != 0) {
				st->too_long++;
				skip = 1;
			}
			continue;
		}
		if (r == 1 && !skip && qp_soft(&cur)) {
			rp_buf_setlen(&cur, cur.len - 1);   /* the soft break's '=' */
			if (rp_buf_add(&cur, l, len) != 0) {
				st->too_long++;
				skip = 1;
			}
			continue;
		}
		if (cur.len > 0 && !skip) {
			int rr = logical(&cd, cur.buf, cur.len, curline, fn, ctx, st);

			if (rr != 0) {
				r = rr;
				goto out;
			}
		}
		rp_buf_reset(&cur);
		skip = 0;
		if (r == 0)
			break;
		curline = rp_logfile_lineno(f);
		if (rp_buf_add(&cur, l, len) != 0) {
			st->too_long++;
			skip = 1;
		}
	}
	/* a card cut short: what it had */
	r = cd.open ? emit(&cd, fn, ctx, st) : 0;
out:
	st->damaged = rp_logfile_error(f);
	rp_buf_release(&cur);
	rp_buf_release(&cd.fn);
	rp_buf_release(&cd.n);
	rp_buf_release(&cd.org);
	return r;
}
