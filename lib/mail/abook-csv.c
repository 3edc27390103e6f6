/*
 * Address books exported as CSV (see abook.h): Outlook, Google Contacts, Thunderbird,
 * told apart by their header row; columns found by name (case, spaces and punctuation
 * ignored), so that the order and the columns a version adds do not matter.
 */
#include <ctype.h>
#include <string.h>

#include "core/buf.h"
#include "core/csvread.h"
#include "core/err.h"
#include "mail/abook.h"
#include "mail/logfile.h"
#include "mail/maillog.h"

#define AB_MAX_ADDR 16   /* address columns read per row */

/* Header names, squashed: lowercase letters and digits only. */
static const char *const email_cols[] = {
	/* Outlook (en, de, fr) */
	"emailaddress", "email2address", "email3address",
	"emailadresse", "email2adresse", "email3adresse",
	"adressedemessagerie", "adressedemessagerie2", "adressedemessagerie3",
	/* Google Contacts (new and old) */
	"email1value", "email2value", "email3value", "email4value",
	/* Thunderbird (en, de, fr) */
	"primaryemail", "secondaryemail", "primreemailadresse", "sekundreemailadresse",
	"adresselectroniqueprincipale",
	/* generic */
	"email", "mail", "emailaddress1", "emailaddress2",
	NULL,
};
static const char *const name_cols[] = {
	"displayname", "name", "fullname", "anzeigename", "nomcomplet",
	NULL,
};
static const char *const first_cols[] = {
	"firstname", "givenname", "vorname", "prnom", NULL,
};
static const char *const last_cols[] = {
	"lastname", "familyname", "nachname", "nom", NULL,
};
static const char *const org_cols[] = {
	"company", "organization", "organisation", "organizationname", "organization1name",
	"firma", "socit", "entreprise", NULL,
};

static size_t
squash(const char *s, size_t len, char *out, size_t cap)
{
	size_t n = 0, i;

	for (i = 0; i < len && n + 1 < cap; i++)
		/* ASCII only: the same in every locale */
		if ((unsigned char)s[i] < 0x80 && isalnum((unsigned char)s[i]))
			out[n++] = (char)tolower((unsigned char)s[i]);
	out[n] = '\0';
	return n;
}

static int
one_of(const char *h, const char *const *names)
{
	size_t i;

	for (i = 0; names[i]; i++)
		if (strcmp(h, names[i]) == 0)
			return 1;
	return 0;
}

struct cols {
	int addr[AB_MAX_ADDR];
	size_t naddr;
	int name, first, last, org;
};

static const char *
header(const struct rp_csvr_field *f, size_t n, struct cols *c)
{
	const char *fmt = "csv";
	size_t i;

	memset(c, 0, sizeof(*c));
	c->name = c->first = c->last = c->org = -1;
	for (i = 0; i < n && i < 4096; i++) {
		char h[96];

		squash(f[i].p, f[i].len, h, sizeof(h));
		if (one_of(h, email_cols)) {
			if (c->naddr < AB_MAX_ADDR)
				c->addr[c->naddr++] = (int)i;
			if (strcmp(h, "emailaddress") == 0 || strcmp(h, "emailadresse") == 0 ||
			    strcmp(h, "adressedemessagerie") == 0)
				fmt = "outlook";
			else if (strcmp(h, "email1value") == 0)
				fmt = "google";
			else if (strcmp(h, "primaryemail") == 0 || strcmp(h, "primreemailadresse") == 0)
				fmt = "thunderbird";
		} else if (c->name < 0 && one_of(h, name_cols)) {
			c->name = (int)i;
		} else if (c->first < 0 && one_of(h, first_cols)) {
			c->first = (int)i;
		} else if (c->last < 0 && one_of(h, last_cols)) {
			c->last = (int)i;
		} else if (c->org < 0 && one_of(h, org_cols)) {
			c->org = (int)i;
		}
	}
	return fmt;
}

static const struct rp_csvr_field *
col(const struct rp_csvr_field *f, size_t n, int i)
{
	return i >= 0 && (size_t)i < n && f[i].len > 0 ? &f[i] : NULL;
}

/* Every address in a field: "a@x", "a@x ::: b@y" (Google), "Name <a@x>; b@y". */
static int
field_addrs(const char *s, size_t len, char (*out)[RP_MAIL_ADDR_MAX], size_t *n, size_t max)
{
	const char *p = s, *end = s + len;

	while (p < end && *n < max) {
		const char *e = p;
		size_t k;

		while (e < end && *e != ';' && *e != ',' && *e != ':' && *e != ' ' && *e != '\n')
			e++;
		if (memchr(p, '@', (size_t)(e - p)) != NULL &&
		    rp_mail_addr_norm(p, (size_t)(e - p), out[*n]) == 0) {
			for (k = 0; k < *n; k++)
				if (strcmp(out[k], out[*n]) == 0)
					break;
			if (k == *n)
				(*n)++;
		}
		p = e + 1;
	}
	return 0;
}

int
rp_abook_csv_read(struct rp_logfile *f, rp_abook_fn fn, void *ctx, struct rp_abook_stats *st)
{
	char addrs[AB_MAX_ADDR][RP_MAIL_ADDR_MAX];
	struct rp_buf name = RP_BUF_INIT, org = RP_BUF_INIT;
	struct rp_csvr *c = NULL;
	const struct rp_csvr_field *fv, *x, *y;
	struct rp_abook_entry e;
	struct cols cl;
	size_t n, na, i;
	int r, have_header = 0;

	rp_buf_init(&name, 4096);
	rp_buf_init(&org, 4096);
	if ((r = rp_csvr_new(rp_logfile_read, f, NULL, &c)) != 0)
		goto out;
	while ((r = rp_csvr_next(c, &fv, &n)) != 0) {
		if (r == RP_ERR_TOOBIG || r == RP_ERR_FORMAT) {
			if (r == RP_ERR_TOOBIG)
				st->too_long++;
			else
				st->malformed++;
			continue;
		}
		if (r < 0)
			goto out;
		if (!have_header) {
			st->format = header(fv, n, &cl);
			have_header = 1;
			continue;
		}
		st->contacts++;
		na = 0;
		for (i = 0; i < cl.naddr; i++)
			if ((x = col(fv, n, cl.addr[i])) != NULL)
				field_addrs(x->p, x->len, addrs, &na, AB_MAX_ADDR);
		if (cl.naddr == 0)   /* no known column: any field that holds an address */
			for (i = 0; i < n; i++)
				field_addrs(fv[i].p, fv[i].len, addrs, &na, AB_MAX_ADDR);
		if (na == 0) {
			st->no_address++;
			continue;
		}
		rp_buf_reset(&name);
		rp_buf_reset(&org);
		if ((x = col(fv, n, cl.name)) != NULL) {
			rp_abook_text(&name, x->p, x->len);
		} else {
			x = col(fv, n, cl.first);
			y = col(fv, n, cl.last);
			if (x)
				rp_abook_text(&name, x->p, x->len);
			if (x && y)
				rp_buf_addch(&name, ' ');
			if (y)
				rp_abook_text(&name, y->p, y->len);
		}
		if ((x = col(fv, n, cl.org)) != NULL)
			rp_abook_text(&org, x->p, x->len);
		e.name = name.buf;
		e.org = org.buf;
		e.line = rp_csvr_line(c);
		for (i = 0; i < na; i++) {
			e.addr = addrs[i];
			st->entries++;
			if ((r = fn(&e, ctx)) != 0)
				goto out;
		}
	}
	r = have_header ? 0 : RP_ERR_FORMAT;
	if (!have_header)
		st->format = "unknown";
out:
	st->damaged = rp_logfile_error(f);
	rp_csvr_free(c);
	rp_buf_release(&name);
	rp_buf_release(&org);
	return r;
}
