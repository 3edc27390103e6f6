/*
 * Mailbox rules that forward or hide mail, as intruders set them in a mailbox they
 * took over (so that the victim's clients' replies reach them and not the victim):
 * Sieve scripts (RFC 5228: redirect, discard, fileinto; RFC 5229/5703 extensions read
 * as commands), .forward files, procmail recipes, and exports of Exchange inbox rules
 * (Get-InboxRule | Export-Csv, or | ConvertTo-Json: ForwardTo, ForwardAsAttachmentTo,
 * RedirectTo, DeleteMessage, MoveToFolder). Reported: a forward or redirect to an
 * address outside the site's domains (every one when the domains are not known), a
 * discard or delete, a move into a folder where mail goes unseen (Trash, Deleted
 * Items, Archive, RSS Feeds, Conversation History...), a pipe to a program that sends
 * mail or fetches. Each reader parses attacker-controlled text and is fuzzed
 * (tests/fuzz/fuzz-mail-rules.c); sizes are the caller's (whole files up to 1 MiB).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>


#include "core/buf.h"
#include "core/csvread.h"
#include "core/err.h"
#include "core/json.h"
#include "mail/internal.h"

static const char *const hiding[] = { "trash", "deleted items", "deleted messages",
	"deleted", "archive", "archives", "rss feeds", "rss", "rss subscriptions",
	"conversation history", "notes", "sync issues", "junk e-mail", "outbox" };

/* whether a folder (its last path component) is where mail goes unseen */
static int
hiding_folder(const char *f)
{
	const char *b = f, *p;
	size_t i, n;

	for (p = f; *p; p++)
		if (*p == '/' || *p == '\\' || *p == '.')
			b = p + 1;
	if (*b == '\0')
		b = f;
	n = strlen(b);
	while (n && b[n - 1] == ' ')
		n--;
	for (i = 0; i < sizeof(hiding) / sizeof(hiding[0]); i++)
		if (strlen(hiding[i]) == n && strncasecmp(b, hiding[i], n) == 0)
			return 1;
	return 0;
}

static int
external(const struct mail_rule_sink *k, const char *addr)
{
	const char *d = mail_addr_domain(addr);
	size_t i;

	if (*d == '\0')
		return 0;   /* a local user */
	for (i = 0; i < k->ndomains; i++)
		if (mail_domain_within(d, k->domains[i]))
			return 0;
	return 1;
}

static int
report(const struct mail_rule_sink *k, const char *format, const char *mailbox,
    const char *name, int line, const char *action, const char *target, const char *reason)
{
	struct rp_mail_rule r;

	r.store = k->store;
	r.storelen = k->storelen;
	r.format = format;
	r.mailbox = mailbox ? mailbox : "";
	r.name = name ? name : "";
	r.line = line;
	r.action = action;
	r.target = target ? target : "";
	r.reason = reason;
	return k->fn ? k->fn(k->ctx, &r) : 0;
}

/* a program that sends mail on or fetches something */
static int
bad_pipe(const char *cmd)
{
	static const char *const progs[] = { "sendmail", "mail ", "mailx", "mutt", "curl", "wget",
		" nc ", "ncat", "socat", "/dev/tcp", "bash -c", "python", "perl -e" };
	size_t i;

	for (i = 0; i < sizeof(progs) / sizeof(progs[0]); i++)
		if (strcasestr(cmd, progs[i]))
			return 1;
	return strncasecmp(cmd, "nc ", 3) == 0;
}

/* ---- Sieve ---- */

enum { T_END, T_WORD, T_STR, T_TAG, T_NUM, T_PUNCT };

struct stok {
	int type;
	const char *s;
	size_t n;
	int line;
	char punct;
};

struct slex {
	const char *p, *end;
	int line;
	struct rp_buf str;       /* the last string, unescaped */
	char rule[256];          /* the last "# rule:[name]" comment (Roundcube, Horde) */
};

static void
lex(struct slex *x, struct stok *t)
{
	for (;;) {
		while (x->p < x->end && isspace((unsigned char)*x->p)) {
			if (*x->p == '\n')
				x->line++;
			x->p++;
		}
		if (x->p < x->end && *x->p == '#') {
			const char *s = x->p, *nl = memchr(s, '\n', (size_t)(x->end - s));
			const char *e = nl ? nl : x->end;

			if ((size_t)(e - s) > 7 && strncmp(s, "# rule:", 7) == 0) {
				const char *b = s + 7;
				size_t n;

				if (b < e && *b == '[')
					b++;
				n = (size_t)(e - b);
				while (n && (b[n - 1] == ']' || b[n - 1] == '\r'))
					n--;
				snprintf(x->rule, sizeof(x->rule), "%.*s", (int)(n > 250 ? 250 : n), b);
			}
			x->p = e;
			continue;
		}
		if (x->end - x->p >= 2 && x->p[0] == '/' && x->p[1] == '*') {
			const char *q = x->p + 2;

			while (q + 1 < x->end && !(q[0] == '*' && q[1] == '/')) {
				if (*q == '\n')
					x->line++;
				q++;
			}
			x->p = q + 1 < x->end ? q + 2 : x->end;
			continue;
		}
		break;
	}
	t->line = x->line;
	t->s = x->p;
	t->n = 0;
	if (x->p >= x->end) {
		t->type = T_END;
		return;
	}
	if (*x->p == '"') {
		rp_buf_reset(&x->str);
		for (x->p++; x->p < x->end && *x->p != '"'; x->p++) {
			if (*x->p == '\\' && x->p + 1 < x->end)
				x->p++;
			if (*x->p == '\n')
				x->line++;
			rp_buf_addch(&x->str, *x->p);
		}
		if (x->p < x->end)
			x->p++;
		t->type = T_STR;
		return;
	}
	if (x->end - x->p >= 5 && strncasecmp(x->p, "text:", 5) == 0) {
		/* multi-line string up to a line holding a single "." */
		const char *q = memchr(x->p, '\n', (size_t)(x->end - x->p));

		rp_buf_reset(&x->str);
		while (q && q < x->end) {
			const char *ls = q + 1, *nl = memchr(ls, '\n', (size_t)(x->end - ls));
			size_t n = nl ? (size_t)(nl - ls) : (size_t)(x->end - ls);

			x->line++;
			if (n && ls[n - 1] == '\r')
				n--;
			if (n == 1 && ls[0] == '.') {
				q = nl ? nl : x->end;
				break;
			}
			rp_buf_add(&x->str, ls, n);
			rp_buf_addch(&x->str, '\n');
			q = nl;
		}
		x->p = q && q < x->end ? q : x->end;
		t->type = T_STR;
		return;
	}
	if (*x->p == ':') {
		t->type = T_TAG;
		for (x->p++; x->p < x->end && (isalnum((unsigned char)*x->p) || *x->p == '_' ||
		    *x->p == '-'); x->p++)
			;
		t->n = (size_t)(x->p - t->s);
		return;
	}
	if (isalpha((unsigned char)*x->p) || *x->p == '_') {
		t->type = T_WORD;
		while (x->p < x->end && (isalnum((unsigned char)*x->p) || *x->p == '_' ||
		    *x->p == '.' || *x->p == '-'))
			x->p++;
		t->n = (size_t)(x->p - t->s);
		return;
	}
	if (isdigit((unsigned char)*x->p)) {
		t->type = T_NUM;
		while (x->p < x->end && isalnum((unsigned char)*x->p))
			x->p++;
		t->n = (size_t)(x->p - t->s);
		return;
	}
	t->type = T_PUNCT;
	t->punct = *x->p++;
	t->n = 1;
}

static int
word_is(const struct stok *t, const char *w)
{
	return t->type == T_WORD && t->n == strlen(w) && strncasecmp(t->s, w, t->n) == 0;
}

int
mail_rules_sieve(const char *s, size_t len, const struct mail_rule_sink *k)
{
	struct slex x = { s, s + len, 1, RP_BUF_INIT, "" };
	struct stok t, cmd;
	int r = 0, expect_cmd = 1, steps = 0;

	rp_buf_init(&x.str, 65536);
	for (lex(&x, &t); t.type != T_END && steps < 1000000; steps++) {
		if (!(expect_cmd && t.type == T_WORD)) {
			if (t.type == T_PUNCT && (t.punct == ';' || t.punct == '{' || t.punct == '}'))
				expect_cmd = 1;
			else
				expect_cmd = 0;
			lex(&x, &t);
			continue;
		}
		cmd = t;
		expect_cmd = 0;
		if (word_is(&cmd, "redirect") || word_is(&cmd, "fileinto") ||
		    word_is(&cmd, "pipe") || word_is(&cmd, "vnd.dovecot.pipe") ||
		    word_is(&cmd, "execute")) {
			char arg[1024] = "";

			/* the first string argument after the tags */
			for (lex(&x, &t); t.type != T_END; lex(&x, &t)) {
				if (t.type == T_STR) {
					snprintf(arg, sizeof(arg), "%s", x.str.buf);
					break;
				}
				if (t.type == T_PUNCT && (t.punct == ';' || t.punct == '{' ||
				    t.punct == '}'))
					break;
			}
			if (word_is(&cmd, "redirect")) {
				if (external(k, arg))
					r = report(k, "sieve", "", x.rule, cmd.line, "redirect", arg,
					    "redirects mail to an address outside the site's domains");
			} else if (word_is(&cmd, "fileinto")) {
				if (hiding_folder(arg))
					r = report(k, "sieve", "", x.rule, cmd.line, "move", arg,
					    "files mail where nobody looks (trash, archive, RSS...)");
			} else if (bad_pipe(arg)) {
				r = report(k, "sieve", "", x.rule, cmd.line, "pipe", arg,
				    "pipes mail to a program that sends or fetches");
			}
			if (r != 0)
				break;
			continue;   /* t is already the next token */
		}
		if (word_is(&cmd, "discard")) {
			r = report(k, "sieve", "", x.rule, cmd.line, "discard", "",
			    "deletes matching mail without a trace");
			if (r != 0)
				break;
		}
		lex(&x, &t);
	}
	rp_buf_release(&x.str);
	return r;
}

/* ---- .forward ---- */

int
mail_rules_forward(const char *s, size_t len, const struct mail_rule_sink *k)
{
	const char *p = s, *end = s + len;
	int line = 1, r = 0;
	char item[1024];

	while (p < end && r == 0) {
		const char *q;
		size_t n;

		while (p < end && (*p == ' ' || *p == '\t' || *p == ',' || *p == '\n' || *p == '\r')) {
			if (*p == '\n')
				line++;
			p++;
		}
		if (p >= end)
			break;
		if (*p == '#') {
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		q = p;
		if (*p == '"') {
			for (q++; q < end && *q != '"' && *q != '\n'; q++)
				;
			if (q < end && *q == '"')
				q++;
		} else if (*p == '|') {
			while (q < end && *q != '\n')
				q++;
		} else {
			while (q < end && *q != ',' && *q != '\n' && *q != ' ' && *q != '\t')
				q++;
		}
		n = (size_t)(q - p);
		snprintf(item, sizeof(item), "%.*s", (int)(n > 1000 ? 1000 : n), p);
		{
			char *it = item;
			size_t l = strlen(it);

			if (it[0] == '"' && l >= 2 && it[l - 1] == '"') {
				it[l - 1] = '\0';
				it++;
			}
			if (it[0] == '|') {
				if (bad_pipe(it + 1))
					r = report(k, "forward", "", "", line, "pipe", it + 1,
					    "pipes mail to a program that sends or fetches");
			} else if (it[0] == '/') {
				if (strcmp(it, "/dev/null") == 0)
					r = report(k, "forward", "", "", line, "discard", "",
					    "deletes every message");
			} else if (it[0] != '\\' && strchr(it, '@') && external(k, it)) {
				r = report(k, "forward", "", "", line, "forward", it,
				    "forwards every message to an address outside the site's domains");
			}
		}
		p = q;
	}
	return r;
}

/* ---- procmail ---- */

int
mail_rules_procmail(const char *s, size_t len, const struct mail_rule_sink *k)
{
	const char *p = s, *end = s + len;
	int line = 0, in_recipe = 0, r = 0;
	char act[1024];

	while (p < end && r == 0) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *b = p;

		line++;
		while (n && (b[n - 1] == '\r' || b[n - 1] == ' ' || b[n - 1] == '\t'))
			n--;
		while (n && (*b == ' ' || *b == '\t')) {
			b++;
			n--;
		}
		p = nl ? nl + 1 : end;
		if (n == 0 || *b == '#')
			continue;
		if (n >= 2 && b[0] == ':' && b[1] == '0') {
			in_recipe = 1;
			continue;
		}
		if (!in_recipe)
			continue;
		if (*b == '*')
			continue;        /* a condition */
		if (*b == '{') {
			in_recipe = 0;   /* a nested block: its recipes have their own ":0" */
			continue;
		}
		/* the action line */
		snprintf(act, sizeof(act), "%.*s", (int)(n > 1000 ? 1000 : n), b);
		in_recipe = 0;
		if (act[0] == '!') {
			char *a = act + 1, *e;

			while (*a == ' ')
				a++;
			for (e = a; *e; ) {
				char *sp = strchr(e, ' '), save = 0;

				if (sp) {
					save = *sp;
					*sp = '\0';
				}
				if (*e && external(k, e)) {
					r = report(k, "procmail", "", "", line, "forward", e,
					    "forwards mail to an address outside the site's domains");
					break;
				}
				if (!sp)
					break;
				*sp = save;
				e = sp + 1;
			}
		} else if (act[0] == '|') {
			if (bad_pipe(act + 1))
				r = report(k, "procmail", "", "", line, "pipe", act + 1,
				    "pipes mail to a program that sends or fetches");
		} else if (strcmp(act, "/dev/null") == 0) {
			r = report(k, "procmail", "", "", line, "discard", "",
			    "deletes matching mail without a trace");
		} else if (hiding_folder(act)) {
			r = report(k, "procmail", "", "", line, "move", act,
			    "files mail where nobody looks (trash, archive, RSS...)");
		}
	}
	return r;
}

/* ---- Exchange inbox rules ---- */

/* addresses in a value as PowerShell exports it: "Name" [SMTP:a@b.c], SMTP:a@b.c; ... */
static int
each_addr(const char *v, int (*fn)(const char *addr, void *ctx), void *ctx)
{
	const char *p = v;
	int r;

	while ((p = strchr(p, '@')) != NULL) {
		const char *a = p, *e = p;
		char addr[512];

		while (a > v && !strchr(" \t[]<>\"',;:{}()", a[-1]))
			a--;
		while (*e && !strchr(" \t[]<>\"',;:{}()", *e))
			e++;
		if (e - a < 512 && a < p && e > p + 1) {
			memcpy(addr, a, (size_t)(e - a));
			addr[e - a] = '\0';
			if ((r = fn(addr, ctx)) != 0)
				return r;
		}
		p = e > p ? e : p + 1;
	}
	return 0;
}

struct xrule {
	const struct mail_rule_sink *k;
	const char *format, *mailbox, *name, *action;
	int line;
	char seen[8][256];
	int nseen;
};

static int
on_xaddr(const char *addr, void *ctx)
{
	struct xrule *x = ctx;
	int i;

	if (!external(x->k, addr))
		return 0;
	for (i = 0; i < x->nseen; i++)
		if (strcasecmp(x->seen[i], addr) == 0)
			return 0;
	if (x->nseen < 8)
		snprintf(x->seen[x->nseen++], sizeof(x->seen[0]), "%s", addr);
	return report(x->k, x->format, x->mailbox, x->name, x->line, x->action, addr,
	    strcmp(x->action, "redirect") == 0 ?
	    "redirects mail to an address outside the site's domains" :
	    "forwards mail to an address outside the site's domains");
}

static int
truthy(const char *v)
{
	return v && (strcasecmp(v, "true") == 0 || strcmp(v, "1") == 0 || strcasecmp(v, "yes") == 0);
}

/* one rule, its fields by name */
static int
exchange_rule(const struct mail_rule_sink *k, const char *format, int line,
    const char *name, const char *mailbox, const char *fwd, const char *fwdatt,
    const char *redir, const char *del, const char *move, const char *enabled)
{
	struct xrule x = { k, format, mailbox, name, "", line, { "" }, 0 };
	int r;

	if (enabled && strcasecmp(enabled, "false") == 0)
		return 0;     /* a disabled rule forwards nothing */
	x.action = "forward";
	if (fwd && (r = each_addr(fwd, on_xaddr, &x)) != 0)
		return r;
	x.action = "forward-as-attachment";
	if (fwdatt && (r = each_addr(fwdatt, on_xaddr, &x)) != 0)
		return r;
	x.action = "redirect";
	if (redir && (r = each_addr(redir, on_xaddr, &x)) != 0)
		return r;
	if (truthy(del) && (r = report(k, format, mailbox, name, line, "delete", "",
	    "deletes matching mail")) != 0)
		return r;
	if (move && *move) {
		const char *f = strrchr(move, '\\') ? strrchr(move, '\\') + 1 : move;

		if (hiding_folder(f) && (r = report(k, format, mailbox, name, line, "move", move,
		    "moves mail where nobody looks (RSS Feeds, Archive, Conversation History...)")) != 0)
			return r;
	}
	return 0;
}

int
mail_rules_exchange_csv(const char *s, size_t len, const struct mail_rule_sink *k)
{
	static const char *const cols[] = { "Name", "MailboxOwnerId", "ForwardTo",
		"ForwardAsAttachmentTo", "RedirectTo", "DeleteMessage", "MoveToFolder", "Enabled",
		"Identity" };
	enum { C_NAME, C_OWNER, C_FWD, C_FWDATT, C_REDIR, C_DEL, C_MOVE, C_ENABLED, C_ID, C_N };
	/* Export-Csv writes ',' whatever the locale; a rule's fields are short */
	static const struct rp_csvr_opts opts = { .sep = ',', .max_fields = 128 };
	const struct rp_csvr_field *fl;
	struct rp_csvr *c = NULL;
	int idx[C_N], r, j, rec = 0;
	size_t nf, i, skipped = 0;
	const char *p = s, *end = s + len;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	if (end - p > 5 && memcmp(p, "#TYPE", 5) == 0) {   /* PowerShell's type line */
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		p = nl ? nl + 1 : end;
		skipped = 1;
	}
	if ((r = rp_csvr_new_mem(p, (size_t)(end - p), &opts, &c)) != 0)
		return r;
	for (j = 0; j < C_N; j++)
		idx[j] = -1;
	while ((r = rp_csvr_next(c, &fl, &nf)) == RP_ERR_FORMAT || r == RP_ERR_TOOBIG)
		;                           /* the header is the first record that reads */
	if (r <= 0)
		goto out;
	for (j = 0; j < C_N; j++)
		for (i = 0; i < nf; i++)
			if (strcasecmp(fl[i].p, cols[j]) == 0)
				idx[j] = (int)i;
	while (rec++ < 100000) {
		const char *f[C_N];

		r = rp_csvr_next(c, &fl, &nf);
		if (r == RP_ERR_FORMAT || r == RP_ERR_TOOBIG)
			continue;               /* that rule only */
		if (r <= 0)
			goto out;               /* the end, or out of memory */
		for (j = 0; j < C_N; j++)
			f[j] = idx[j] >= 0 && (size_t)idx[j] < nf ? fl[idx[j]].p : NULL;
		r = exchange_rule(k, "exchange-csv", (int)(rp_csvr_line(c) + skipped), f[C_NAME],
		    f[C_OWNER] && *f[C_OWNER] ? f[C_OWNER] : f[C_ID], f[C_FWD], f[C_FWDATT],
		    f[C_REDIR], f[C_DEL], f[C_MOVE], f[C_ENABLED]);
		if (r != 0)
			break;                  /* the sink's word */
	}
out:
	rp_csvr_free(c);
	return r;
}

/* a JSON value as text: strings as they are, arrays joined by "; ", booleans */
static void
jtext(const struct rp_jv *v, struct rp_buf *b)
{
	const char *e;
	size_t i;

	rp_buf_reset(b);
	switch (rp_jv_type(v)) {
	case RP_JV_STRING:
		rp_buf_addstr(b, rp_jv_str(v));
		break;
	case RP_JV_ARRAY:
		for (i = 0; i < rp_jv_len(v); i++)
			if ((e = rp_jv_str(rp_jv_at(v, i))) != NULL) {
				if (b->len)
					rp_buf_addstr(b, "; ");
				rp_buf_addstr(b, e);
			}
		break;
	case RP_JV_TRUE:
		rp_buf_addstr(b, "True");
		break;
	case RP_JV_FALSE:
		rp_buf_addstr(b, "False");
		break;
	case RP_JV_OBJECT:
		/* {"value": [...]} in some exports */
		jtext(rp_jv_get(v, "value"), b);
		break;
	default:
		break;
	}
}

/* One exported rule (a JSON object); anything else in the list is skipped. */
static int
exchange_json_rule(const struct rp_jv *o, struct rp_buf *f, const struct mail_rule_sink *k)
{
	static const char *const keys[] = { "Name", "MailboxOwnerId", "ForwardTo",
		"ForwardAsAttachmentTo", "RedirectTo", "DeleteMessage", "MoveToFolder",
		"Enabled", "Identity" };
	size_t j;

	if (!rp_jv_is_object(o))
		return 0;
	for (j = 0; j < 9; j++)
		jtext(rp_jv_get(o, keys[j]), &f[j]);
	return exchange_rule(k, "exchange-json", 0, f[0].buf, f[1].len ? f[1].buf : f[8].buf,
	    f[2].buf, f[3].buf, f[4].buf, f[5].buf, f[6].buf, f[7].len ? f[7].buf : NULL);
}

int
mail_rules_exchange_json(const char *s, size_t len, const struct mail_rule_sink *k)
{
	struct rp_buf f[9];
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *root;
	size_t i, j, start = 0;
	int r = 0;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		start = 3;
	if (rp_jdoc_parse(&doc, s + start, len - start) != 0)
		return RP_ERR_FORMAT;
	root = rp_jdoc_root(doc);
	if (!rp_jv_is_object(root) && rp_jv_type(root) != RP_JV_ARRAY) {
		rp_jdoc_free(doc);
		return RP_ERR_FORMAT;
	}
	for (j = 0; j < 9; j++)
		rp_buf_init(&f[j], 1u << 20);
	/* Get-InboxRule | ConvertTo-Json writes one rule as an object, several as a list */
	if (rp_jv_is_object(root))
		r = exchange_json_rule(root, f, k);
	for (i = 0; r == 0 && i < rp_jv_len(root); i++)
		r = exchange_json_rule(rp_jv_at(root, i), f, k);
	for (j = 0; j < 9; j++)
		rp_buf_release(&f[j]);
	rp_jdoc_free(doc);
	return r;
}
