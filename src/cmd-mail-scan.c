/*
 * riposte mail scan: every message of the stores, with what it carried and what
 * matched; bank-detail fraud sent from our mailboxes; mailbox rules that forward or
 * hide mail. The engine (lib/mail) decides; this file only formats.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "mail-opts.h"

static const char usage[] =
"NAME\n"
"    riposte mail scan - what the mail stores hold: dangerous attachments and links,\n"
"    bank-detail fraud sent from our mailboxes, rules that forward or hide mail\n"
"\n"
"SYNOPSIS\n"
"    riposte mail scan [--format text|jsonl|csv] [--all] [--ioc FILE]... [--rules DIR]\n"
"                      [--clamav-db DIR | --no-clamav] [--since T] [--until T]\n"
"                      [--mailbox ADDR]... [--case[=ID]] [--db FILE] [--config FILE]\n"
"                      [-j N] [--allow-atime] [-q] STORE...\n"
"\n"
"DESCRIPTION\n"
"    Reads every STORE read-only (files opened with O_NOATIME: no access, modification or\n"
"    change time moves; symbolic links below a STORE are not followed; FIFOs and devices\n"
"    are never opened). A STORE is a file or a tree; each file is recognised by its\n"
"    content, not its name: a Maildir message (in cur/, new/ or tmp/), a message of its\n"
"    own (.eml), an mbox (mboxo or mboxrd \"From \" lines; >From unescaped), an Outlook\n"
"    .pst/.ost, a Sieve script, a procmail file, a .forward (by name), an export of\n"
"    Exchange inbox rules (Get-InboxRule | Export-Csv, or | ConvertTo-Json).\n"
"\n"
"    Every message is parsed (GMime: RFC 2047 words in any charset, 8-bit headers, broken\n"
"    base64 and quoted-printable decoded as far as they go) within bounds: a top-level\n"
"    header over 1 MiB, MIME nesting over 32, a message over 160 MiB make it unparsable,\n"
"    with the reason, and the scan goes on. Its attachments are hashed (SHA-256), typed\n"
"    from their content (libmagic) and opened when they are zips (OOXML and ODF are):\n"
"    members are examined the same way, 4 archives deep, 64 MiB a member, 256 MiB\n"
"    expanded per message; a zip bomb (ratio over 1000, or past a bound) is reported,\n"
"    not expanded. Attached messages are entered. The URLs of the bodies are collected\n"
"    with the text of their links.\n"
"\n"
"    Verdicts: malicious when an IOC (the case's and --ioc's: attachment hashes and file\n"
"    names, link URLs and domains, addresses, Received: IPs), a YARA rule (built-in:\n"
"    macro droppers, HTML smuggling; and --rules) or a ClamAV signature matched;\n"
"    suspicious for an executable or a VBA macro attachment (or member), a double\n"
"    extension (\"Rechnung.pdf.exe\"), a link whose text shows another domain than its\n"
"    target, an archive not expanded, a rule marked suspicious (built-in: executables\n"
"    and double extensions inside zips); clean otherwise.\n"
"\n"
"    Bank-detail fraud (bec): a message SENT from an affected mailbox (--mailbox, else\n"
"    every sender of the site's domains) whose subject or body announces a change of bank\n"
"    details (English, French, German, Italian wording) with an IBAN whose check digits\n"
"    and length are valid (ISO 13616) and that is not one of the site's own (iban = in\n"
"    [site]). Mail received from a supplier announcing new details is not flagged.\n"
"\n"
"    Mailbox rules (rule): a redirect or forward to an address outside the site's\n"
"    domains, a discard or delete, a move into a folder where mail goes unseen (Trash,\n"
"    Archive, RSS Feeds, Conversation History...), a pipe to a program that sends mail.\n"
"\n"
"OPTIONS\n"
"    --format text|jsonl|csv\n"
"        text (the default on a terminal; otherwise jsonl), times in local time.\n"
"    -a, --all         list every message, clean ones too\n"
"    -q, --quiet       text: the summary only\n"
MAIL_OPTS_HELP
"\n"
"OUTPUT\n"
"    jsonl, one object per line, times in UTC:\n"
"      {\"kind\":\"message\",\"store\":FILE,\"id\":MESSAGE-ID|null,\"date\":T|null,\"from\":ADDR,\n"
"       \"to\":[ADDR...],\"subject\":S,\"attachments\":[{\"name\":N,\"sha256\":H,\"size\":N,\n"
"       \"type\":MIME,\"matches\":[M...]}],\"urls\":[URL...],\"matches\":[M...],\n"
"       \"verdict\":\"malicious\"|\"suspicious\"|\"clean\",\"cc\":[...],\"bcc\":[...],\n"
"       \"reasons\":[S...],\"store_kind\":\"maildir\"|\"eml\"|\"mbox\"|\"pst\",\"folder\":S,\n"
"       \"offset\":N}\n"
"        for each message that is not clean (--all: every one). A match M is\n"
"        \"ioc:TYPE:VALUE\", \"yara:RULE\" or \"clamav:SIGNATURE\". A nested attachment is\n"
"        named \"outer.zip!inner.exe\"; archive members are listed when they stand out.\n"
"      {\"kind\":\"bec\",\"store\":FILE,\"id\":...,\"date\":T,\"from\":ADDR,\"to\":[every\n"
"       recipient: To, Cc, Bcc],\"subject\":S,\"iban\":IBAN,\"country\":CC,\"phrase\":S,\n"
"       \"lang\":\"en\"|\"fr\"|\"de\"|\"it\"}\n"
"      {\"kind\":\"rule\",\"store\":FILE,\"format\":\"sieve\"|\"forward\"|\"procmail\"|\n"
"       \"exchange-csv\"|\"exchange-json\",\"mailbox\":S,\"name\":S,\"line\":N,\"action\":\n"
"       \"redirect\"|\"forward\"|\"forward-as-attachment\"|\"discard\"|\"delete\"|\"move\"|\n"
"       \"pipe\",\"target\":S,\"reason\":S}\n"
"      {\"kind\":\"unparsable\",\"store\":FILE,\"offset\":N,\"size\":N,\"reason\":S}\n"
"      and last {\"kind\":\"summary\",\"messages\":N,\"malicious\":N,\"suspicious\":N,\"bec\":N,\n"
"       \"rules\":N,\"unparsable\":N,\"clamav\":\"VERSION, N signatures\"|\"none\",\"clean\":N,\n"
"       \"stores\":N,\"filtered\":N,\"iocs\":N} (stores: the files recognised as mail or\n"
"       rules; filtered: messages outside --since/--until or --mailbox).\n"
"    A file name that is not valid UTF-8 is written with U+FFFD and its bytes in\n"
"    \"store_hex\". csv: one row per finding, header\n"
"      kind,store,date,id,from,to,subject,verdict,attachments,matches,urls,detail\n"
"    (bec: verdict \"bec\", detail the IBAN and the wording; rule: from the mailbox, to\n"
"    the target, subject the rule's name, verdict the action, detail the format, line\n"
"    and reason; lists joined by \"; \"; a leading = + - @ gets a ').\n"
"\n"
"EXIT STATUS\n"
"    0 nothing malicious, suspicious, bec or rule found; 1 found; 2 error (bad option,\n"
"    a STORE that cannot be read, rules that do not compile, output not written).\n"
"\n"
"EXAMPLES\n"
"    riposte mail scan /var/mail/vmail/praxis-muster.example/empfang\n"
"    riposte mail scan --format jsonl --since 2026-11-16 --ioc iocs.txt backup.pst\n"
"    riposte mail scan exports/ --mailbox empfang@praxis-muster.example --case\n";

enum { OPT_ALL = 300, OPT_QUIET };

const struct option mail_scan_longopts[] = {
	MAIL_OPTS_LONGOPTS,
	{ "all", no_argument, NULL, 'a' },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 },
};

struct out {
	const struct rp_cli *cli;
	int format, all, quiet;
	struct rp_buf b;
	int failed;
	uint64_t found;
	struct rp_buf matched;       /* "type:value" of the matched IOCs, for --case */
	size_t nmatched;
	struct rp_buf malicious;     /* message ids and hashes, for --case */
};

static void
flush(struct out *o)
{
	if (o->b.len && rp_cli_put(o->cli, &o->b) != 0)
		o->failed = 1;
	rp_buf_reset(&o->b);
}

static void
jstr(struct rp_buf *b, const char *key, const char *s)
{
	int lossy = 0;

	if (key)
		rp_buf_addf(b, "\"%s\":", key);
	if (s == NULL) {
		rp_buf_addstr(b, "null");
		return;
	}
	rp_buf_addch(b, '"');
	rp_esc_json(b, s, strlen(s), &lossy);
	rp_buf_addch(b, '"');
}

static void
jtime(struct rp_buf *b, const char *key, int64_t t)
{
	rp_buf_addf(b, "\"%s\":", key);
	if (t == RP_TIME_UNSET) {
		rp_buf_addstr(b, "null");
		return;
	}
	rp_buf_addch(b, '"');
	rp_time_fmt_utc(b, t);
	rp_buf_addch(b, '"');
}

static void
jaddrs(struct rp_buf *b, const char *key, const struct rp_mail_addr *a, size_t n)
{
	size_t i;

	rp_buf_addf(b, "\"%s\":[", key);
	for (i = 0; i < n; i++) {
		if (i)
			rp_buf_addch(b, ',');
		jstr(b, NULL, a[i].addr);
	}
	rp_buf_addch(b, ']');
}

/* "clamav:Eicar-Test-Signature", "ioc:domain:evil.example", "yara:rule" */
static void
match_str(struct rp_buf *b, const struct rp_mail_match *m)
{
	rp_buf_addf(b, "%s:%s", m->source, m->name);
	if (strcmp(m->source, "ioc") == 0)
		rp_buf_addf(b, ":%s", m->value);
}

static void
jmatches(struct rp_buf *b, const struct rp_mail_match *m, size_t n)
{
	struct rp_buf t = RP_BUF_INIT;
	size_t i;

	rp_buf_addstr(b, "\"matches\":[");
	for (i = 0; i < n; i++) {
		rp_buf_reset(&t);
		match_str(&t, &m[i]);
		if (i)
			rp_buf_addch(b, ',');
		jstr(b, NULL, t.buf);
	}
	rp_buf_addch(b, ']');
	rp_buf_release(&t);
}

static void
text_addrs(struct rp_buf *b, const struct rp_mail_addr *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			rp_buf_addstr(b, ", ");
		rp_esc_text(b, a[i].addr, strlen(a[i].addr));
	}
}

static void
csv_field(struct rp_buf *b, const char *s, int comma)
{
	rp_esc_csv(b, s ? s : "", s ? strlen(s) : 0);
	if (comma)
		rp_buf_addch(b, ',');
}

static void
csv_addrs(struct rp_buf *b, const struct rp_mail_addr *a, size_t n)
{
	struct rp_buf t = RP_BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			rp_buf_addstr(&t, "; ");
		rp_buf_addstr(&t, a[i].addr);
	}
	csv_field(b, t.buf, 1);
	rp_buf_release(&t);
}

static void
csv_time(struct rp_buf *b, int64_t t)
{
	if (t != RP_TIME_UNSET)
		rp_time_fmt_utc(b, t);
	rp_buf_addch(b, ',');
}

static void
note_matches(struct out *o, const struct rp_mail_msg *m)
{
	size_t i, k;

	for (i = 0; i < m->nmatches; i++) {
		const struct rp_mail_match *x = &m->matches[i];
		char item[4200];

		if (strcmp(x->source, "ioc") != 0)
			continue;
		snprintf(item, sizeof(item), "%s:%s\n", x->name, x->value);
		if (strstr(o->matched.buf, item) == NULL && o->nmatched < 1000) {
			rp_buf_addstr(&o->matched, item);
			o->nmatched++;
		}
	}
	if (m->verdict == RP_MAIL_MALICIOUS && o->malicious.len < 60000) {
		rp_buf_addf(&o->malicious, "%s\n", m->message_id ? m->message_id : "");
		for (k = 0; k < m->natt; k++)
			if (m->att[k].nmatches && m->att[k].sha256[0])
				rp_buf_addf(&o->malicious, "sha256:%s\n", m->att[k].sha256);
	}
}

static int
on_message(const struct rp_mail_msg *m, void *ctx)
{
	struct out *o = ctx;
	struct rp_buf *b = &o->b;
	size_t i, k;

	note_matches(o, m);
	if (m->verdict != RP_MAIL_CLEAN)
		o->found++;
	if (m->verdict == RP_MAIL_CLEAN && !o->all)
		return 0;
	if (o->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"message\",");
		rp_cli_path_json(b, "store", m->loc.store, m->loc.storelen);
		jstr(b, "id", m->message_id);
		rp_buf_addch(b, ',');
		jtime(b, "date", m->date);
		rp_buf_addch(b, ',');
		jstr(b, "from", m->from.addr);
		rp_buf_addch(b, ',');
		jaddrs(b, "to", m->to, m->nto);
		rp_buf_addch(b, ',');
		jstr(b, "subject", m->subject);
		rp_buf_addstr(b, ",\"attachments\":[");
		for (i = 0; i < m->natt; i++) {
			const struct rp_mail_attachment *a = &m->att[i];

			rp_buf_addstr(b, i ? ",{" : "{");
			jstr(b, "name", a->name);
			rp_buf_addch(b, ',');
			jstr(b, "sha256", a->sha256);
			rp_buf_addf(b, ",\"size\":%llu,", (unsigned long long)a->size);
			jstr(b, "type", a->type);
			rp_buf_addch(b, ',');
			jmatches(b, a->matches, a->nmatches);
			rp_buf_addch(b, '}');
		}
		rp_buf_addstr(b, "],\"urls\":[");
		for (i = 0; i < m->nurls; i++) {
			if (i)
				rp_buf_addch(b, ',');
			jstr(b, NULL, m->urls[i].url);
		}
		rp_buf_addstr(b, "],");
		jmatches(b, m->matches, m->nmatches);
		rp_buf_addf(b, ",\"verdict\":\"%s\",", rp_mail_verdict_name(m->verdict));
		jaddrs(b, "cc", m->cc, m->ncc);
		rp_buf_addch(b, ',');
		jaddrs(b, "bcc", m->bcc, m->nbcc);
		rp_buf_addstr(b, ",\"reasons\":[");
		for (i = 0; i < m->nreasons; i++) {
			if (i)
				rp_buf_addch(b, ',');
			jstr(b, NULL, m->reasons[i]);
		}
		rp_buf_addf(b, "],\"store_kind\":\"%s\",", rp_mail_store_kind_name(m->loc.kind));
		jstr(b, "folder", m->loc.folder);
		rp_buf_addf(b, ",\"offset\":%llu}\n", (unsigned long long)m->loc.offset);
	} else if (o->format == RP_FMT_CSV) {
		struct rp_buf t = RP_BUF_INIT;

		rp_buf_addstr(b, "message,");
		rp_esc_csv(b, m->loc.store, m->loc.storelen);
		rp_buf_addch(b, ',');
		csv_time(b, m->date);
		csv_field(b, m->message_id, 1);
		csv_field(b, m->from.addr, 1);
		csv_addrs(b, m->to, m->nto);
		csv_field(b, m->subject, 1);
		csv_field(b, rp_mail_verdict_name(m->verdict), 1);
		for (i = 0; i < m->natt; i++)
			rp_buf_addf(&t, "%s%s (%s)", i ? "; " : "", m->att[i].name, m->att[i].sha256);
		csv_field(b, t.buf, 1);
		rp_buf_reset(&t);
		for (i = 0; i < m->nmatches; i++) {
			if (i)
				rp_buf_addstr(&t, "; ");
			match_str(&t, &m->matches[i]);
		}
		csv_field(b, t.buf, 1);
		rp_buf_reset(&t);
		for (i = 0; i < m->nurls; i++)
			rp_buf_addf(&t, "%s%s", i ? "; " : "", m->urls[i].url);
		csv_field(b, t.buf, 1);
		rp_buf_reset(&t);
		for (i = 0; i < m->nreasons; i++)
			rp_buf_addf(&t, "%s%s", i ? "; " : "", m->reasons[i]);
		csv_field(b, t.buf, 0);
		rp_buf_addch(b, '\n');
		rp_buf_release(&t);
	} else if (!o->quiet) {
		rp_buf_addf(b, "%-10s ", rp_mail_verdict_name(m->verdict));
		if (m->date != RP_TIME_UNSET)
			rp_time_fmt_local(b, m->date);
		else
			rp_buf_addstr(b, "(no date)");
		rp_buf_addstr(b, "  ");
		rp_esc_text(b, m->from.addr, strlen(m->from.addr));
		rp_buf_addstr(b, " -> ");
		text_addrs(b, m->to, m->nto);
		if (m->ncc) {
			rp_buf_addstr(b, ", cc ");
			text_addrs(b, m->cc, m->ncc);
		}
		if (m->nbcc) {
			rp_buf_addstr(b, ", bcc ");
			text_addrs(b, m->bcc, m->nbcc);
		}
		rp_buf_addstr(b, "\n           \"");
		rp_esc_text(b, m->subject, strlen(m->subject));
		rp_buf_addstr(b, "\"  ");
		rp_esc_text(b, m->loc.store, m->loc.storelen);
		if (m->loc.kind == RP_MAIL_STORE_MBOX)
			rp_buf_addf(b, " @%llu", (unsigned long long)m->loc.offset);
		rp_buf_addch(b, '\n');
		for (i = 0; i < m->natt; i++) {
			const struct rp_mail_attachment *a = &m->att[i];

			rp_buf_addstr(b, "           attachment ");
			rp_esc_text(b, a->name, strlen(a->name));
			rp_buf_addf(b, " (%s, %llu bytes, sha256 %s)\n", a->type[0] ? a->type : "-",
			    (unsigned long long)a->size, a->sha256[0] ? a->sha256 : "-");
		}
		for (k = 0; k < m->nreasons; k++) {
			rp_buf_addstr(b, "           - ");
			rp_esc_text(b, m->reasons[k], strlen(m->reasons[k]));
			rp_buf_addch(b, '\n');
		}
	}
	if (b->len > 65536)
		flush(o);
	return o->failed ? RP_ERR_SYSTEM : 0;
}

static void
all_recipients(struct rp_buf *b, const struct rp_mail_msg *m, int json)
{
	const struct rp_mail_addr *v[3] = { m->to, m->cc, m->bcc };
	size_t n[3] = { m->nto, m->ncc, m->nbcc }, i, k, c = 0;

	for (k = 0; k < 3; k++)
		for (i = 0; i < n[k]; i++, c++) {
			if (json) {
				if (c)
					rp_buf_addch(b, ',');
				jstr(b, NULL, v[k][i].addr);
			} else {
				rp_buf_addstr(b, c ? (b->len ? "; " : "") : "");
				rp_buf_addstr(b, v[k][i].addr);
			}
		}
}

static int
on_bec(const struct rp_mail_bec *e, void *ctx)
{
	struct out *o = ctx;
	const struct rp_mail_msg *m = e->msg;
	struct rp_buf *b = &o->b;

	o->found++;
	if (o->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"bec\",");
		rp_cli_path_json(b, "store", m->loc.store, m->loc.storelen);
		jstr(b, "id", m->message_id);
		rp_buf_addch(b, ',');
		jtime(b, "date", m->date);
		rp_buf_addch(b, ',');
		jstr(b, "from", m->from.addr);
		rp_buf_addstr(b, ",\"to\":[");
		all_recipients(b, m, 1);
		rp_buf_addstr(b, "],");
		jstr(b, "subject", m->subject);
		rp_buf_addch(b, ',');
		jstr(b, "iban", e->iban);
		rp_buf_addch(b, ',');
		jstr(b, "country", e->country);
		rp_buf_addch(b, ',');
		jstr(b, "phrase", e->phrase);
		rp_buf_addch(b, ',');
		jstr(b, "lang", e->lang);
		rp_buf_addstr(b, "}\n");
	} else if (o->format == RP_FMT_CSV) {
		struct rp_buf t = RP_BUF_INIT;

		rp_buf_addstr(b, "bec,");
		rp_esc_csv(b, m->loc.store, m->loc.storelen);
		rp_buf_addch(b, ',');
		csv_time(b, m->date);
		csv_field(b, m->message_id, 1);
		csv_field(b, m->from.addr, 1);
		all_recipients(&t, m, 0);
		csv_field(b, t.buf, 1);
		csv_field(b, m->subject, 1);
		rp_buf_addstr(b, "bec,,,,");
		rp_buf_reset(&t);
		rp_buf_addf(&t, "IBAN %s (%s: \"%s\")", e->iban, e->lang, e->phrase);
		csv_field(b, t.buf, 0);
		rp_buf_addch(b, '\n');
		rp_buf_release(&t);
	} else {
		rp_buf_addstr(b, "bec        ");
		if (m->date != RP_TIME_UNSET)
			rp_time_fmt_local(b, m->date);
		rp_buf_addstr(b, "  ");
		rp_esc_text(b, m->from.addr, strlen(m->from.addr));
		rp_buf_addstr(b, " -> ");
		{
			struct rp_buf t = RP_BUF_INIT;

			all_recipients(&t, m, 0);
			rp_esc_text(b, t.buf, t.len);
			rp_buf_release(&t);
		}
		rp_buf_addf(b, "\n           new bank details, IBAN %s (\"%s\", %s): \"", e->iban,
		    e->phrase, e->lang);
		rp_esc_text(b, m->subject, strlen(m->subject));
		rp_buf_addstr(b, "\"\n");
	}
	return 0;
}

static int
on_rule(const struct rp_mail_rule *r, void *ctx)
{
	struct out *o = ctx;
	struct rp_buf *b = &o->b;

	o->found++;
	if (o->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"rule\",");
		rp_cli_path_json(b, "store", r->store, r->storelen);
		jstr(b, "format", r->format);
		rp_buf_addch(b, ',');
		jstr(b, "mailbox", r->mailbox);
		rp_buf_addch(b, ',');
		jstr(b, "name", r->name);
		rp_buf_addf(b, ",\"line\":%d,", r->line);
		jstr(b, "action", r->action);
		rp_buf_addch(b, ',');
		jstr(b, "target", r->target);
		rp_buf_addch(b, ',');
		jstr(b, "reason", r->reason);
		rp_buf_addstr(b, "}\n");
	} else if (o->format == RP_FMT_CSV) {
		struct rp_buf t = RP_BUF_INIT;

		rp_buf_addstr(b, "rule,");
		rp_esc_csv(b, r->store, r->storelen);
		rp_buf_addstr(b, ",,,");
		csv_field(b, r->mailbox, 1);
		csv_field(b, r->target, 1);
		csv_field(b, r->name, 1);
		csv_field(b, r->action, 1);
		rp_buf_addstr(b, ",,,");
		rp_buf_addf(&t, "%s line %d: %s", r->format, r->line, r->reason);
		csv_field(b, t.buf, 0);
		rp_buf_addch(b, '\n');
		rp_buf_release(&t);
	} else {
		rp_buf_addf(b, "rule       %s ", r->format);
		rp_esc_text(b, r->store, r->storelen);
		rp_buf_addf(b, ":%d  %s", r->line, r->action);
		if (r->target[0]) {
			rp_buf_addstr(b, " ");
			rp_esc_text(b, r->target, strlen(r->target));
		}
		if (r->name[0]) {
			rp_buf_addstr(b, "  (rule \"");
			rp_esc_text(b, r->name, strlen(r->name));
			rp_buf_addstr(b, "\")");
		}
		if (r->mailbox[0]) {
			rp_buf_addstr(b, "  mailbox ");
			rp_esc_text(b, r->mailbox, strlen(r->mailbox));
		}
		rp_buf_addf(b, "\n           - %s\n", r->reason);
	}
	return 0;
}

static int
on_unparsable(const struct rp_mail_unparsable *u, void *ctx)
{
	struct out *o = ctx;
	struct rp_buf *b = &o->b;

	if (o->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"unparsable\",");
		rp_cli_path_json(b, "store", u->loc.store, u->loc.storelen);
		rp_buf_addf(b, "\"offset\":%llu,\"size\":%llu,", (unsigned long long)u->loc.offset,
		    (unsigned long long)u->size);
		jstr(b, "reason", u->reason);
		rp_buf_addstr(b, "}\n");
	} else if (o->format == RP_FMT_CSV) {
		rp_buf_addstr(b, "unparsable,");
		rp_esc_csv(b, u->loc.store, u->loc.storelen);
		rp_buf_addstr(b, ",,,,,,,,,,");
		csv_field(b, u->reason, 0);
		rp_buf_addch(b, '\n');
	} else if (!o->quiet) {
		rp_buf_addstr(b, "unparsable ");
		rp_esc_text(b, u->loc.store, u->loc.storelen);
		if (u->loc.kind == RP_MAIL_STORE_MBOX)
			rp_buf_addf(b, " @%llu", (unsigned long long)u->loc.offset);
		rp_buf_addf(b, "\n           - %s\n", u->reason);
	}
	return 0;
}

static int
on_warning(const char *path, size_t pathlen, const char *msg, void *ctx)
{
	struct out *o = ctx;
	struct rp_buf t = RP_BUF_INIT;

	flush(o);
	if (path)
		rp_esc_text(&t, path, pathlen);
	rp_warn(o->cli, "'%s': %s", t.buf, msg);
	rp_buf_release(&t);
	return 0;
}

static void
summary(struct out *o, const struct rp_mail_stats *st, const char *clam, size_t niocs,
    int format, struct rp_buf *b)
{
	if (format == RP_FMT_JSONL || format == RP_FMT_OTHER) {
		rp_buf_addf(b, "{\"kind\":\"summary\",\"messages\":%llu,\"malicious\":%llu,"
		    "\"suspicious\":%llu,\"bec\":%llu,\"rules\":%llu,\"unparsable\":%llu,",
		    (unsigned long long)st->messages, (unsigned long long)st->verdicts[RP_MAIL_MALICIOUS],
		    (unsigned long long)st->verdicts[RP_MAIL_SUSPICIOUS], (unsigned long long)st->bec,
		    (unsigned long long)st->rules, (unsigned long long)st->unparsable);
		jstr(b, "clamav", clam);
		rp_buf_addf(b, ",\"clean\":%llu,\"stores\":%llu,\"filtered\":%llu,\"iocs\":%zu}%s",
		    (unsigned long long)st->verdicts[RP_MAIL_CLEAN], (unsigned long long)st->stores,
		    (unsigned long long)st->filtered, niocs, format == RP_FMT_JSONL ? "\n" : "");
	} else if (format == RP_FMT_TEXT) {
		rp_buf_addf(b, "%sSummary: %llu messages in %llu files: %llu malicious, %llu "
		    "suspicious, %llu clean; %llu bank-detail fraud, %llu mailbox rules, %llu "
		    "unparsable\n", o->quiet ? "" : "\n", (unsigned long long)st->messages,
		    (unsigned long long)st->stores,
		    (unsigned long long)st->verdicts[RP_MAIL_MALICIOUS],
		    (unsigned long long)st->verdicts[RP_MAIL_SUSPICIOUS],
		    (unsigned long long)st->verdicts[RP_MAIL_CLEAN], (unsigned long long)st->bec,
		    (unsigned long long)st->rules, (unsigned long long)st->unparsable);
		rp_buf_addf(b, "  IOCs matched against: %zu; ClamAV database: %s\n", niocs, clam);
		if (st->filtered)
			rp_buf_addf(b, "  %llu messages outside --since/--until or --mailbox\n",
			    (unsigned long long)st->filtered);
		if (st->noatime_refused)
			rp_buf_addf(b, "  Warning: %llu files were read without O_NOATIME "
			    "(--allow-atime): their access times may have changed\n",
			    (unsigned long long)st->noatime_refused);
	}
}

int
cmd_mail_scan(struct rp_cli *cli, int argc, char **argv)
{
	struct mail_opts mo;
	struct rp_mail_opts eo;
	struct rp_mail_cb cb = { on_message, on_bec, on_rule, on_unparsable, on_warning, NULL };
	struct rp_mail_scan *scan = NULL;
	struct out o;
	struct rp_buf msg = RP_BUF_INIT;
	int c, h, r, rc = RP_EXIT_ERROR;

	memset(&o, 0, sizeof(o));
	o.cli = cli;
	rp_buf_init(&o.b, 0);
	rp_buf_init(&o.matched, 0);
	rp_buf_init(&o.malicious, 0);
	mail_opts_init(&mo);
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "j:aqh", mail_scan_longopts, usage)) != -1) {
		if (c == 'j')
			c = MO_JOBS;
		if ((h = mail_opts_handle(cli, &mo, c, optarg)) < 0)
			goto out;
		if (h)
			continue;
		switch (c) {
		case 'a': o.all = 1; break;
		case 'q': o.quiet = 1; break;
		case 'h': rc = rp_cli_usage(cli, usage, 1); goto out;
		default: goto out;
		}
	}
	if (optind >= argc) {
		rp_err(cli, "no STORE given");
		rp_cli_usage(cli, usage, 0);
		goto out;
	}
	o.format = cli->stdout_tty ? RP_FMT_TEXT : RP_FMT_JSONL;
	if (mo.format_arg && (o.format = rp_cli_format(cli, mo.format_arg, "text,jsonl,csv")) < 0)
		goto out;
	if (mail_opts_setup(cli, &mo, &eo) != 0)
		goto out;
	if ((r = rp_mail_scan_new(&scan, &eo, &cb, &o, &msg)) != 0) {
		rp_err(cli, "%s", msg.len ? msg.buf : rp_strerror(r));
		goto out;
	}
	if (o.format == RP_FMT_CSV)
		rp_buf_addstr(&o.b, "kind,store,date,id,from,to,subject,verdict,attachments,matches,"
		    "urls,detail\n");
	r = rp_mail_scan_run(scan, (const char *const *)argv + optind, (size_t)(argc - optind));
	summary(&o, rp_mail_scan_stats(scan), rp_mail_scan_clamav(scan),
	    rp_mail_iocs_count(mo.iocs), o.format, &o.b);
	flush(&o);
	if (mo.case_id >= 0) {
		struct rp_buf text = RP_BUF_INIT, data = RP_BUF_INIT;
		const struct rp_mail_stats *st = rp_mail_scan_stats(scan);
		const char *p;
		int first = 1;

		rp_buf_addf(&text, "mail scan: %llu messages, %llu malicious, %llu suspicious, "
		    "%llu bank-detail fraud, %llu mailbox rules, %llu unparsable",
		    (unsigned long long)st->messages, (unsigned long long)st->verdicts[RP_MAIL_MALICIOUS],
		    (unsigned long long)st->verdicts[RP_MAIL_SUSPICIOUS], (unsigned long long)st->bec,
		    (unsigned long long)st->rules, (unsigned long long)st->unparsable);
		summary(&o, st, rp_mail_scan_clamav(scan), rp_mail_iocs_count(mo.iocs),
		    RP_FMT_OTHER, &data);
		rp_buf_setlen(&data, data.len - 1);
		rp_buf_addstr(&data, ",\"matched_iocs\":[");
		for (p = o.matched.buf; *p; ) {
			const char *nl = strchr(p, '\n');
			int lossy = 0;

			rp_buf_addstr(&data, first ? "\"" : ",\"");
			rp_esc_json(&data, p, (size_t)(nl - p), &lossy);
			rp_buf_addch(&data, '"');
			first = 0;
			p = nl + 1;
		}
		rp_buf_addstr(&data, "],\"malicious\":[");
		first = 1;
		for (p = o.malicious.buf; *p; ) {
			const char *nl = strchr(p, '\n');
			int lossy = 0;

			rp_buf_addstr(&data, first ? "\"" : ",\"");
			rp_esc_json(&data, p, (size_t)(nl - p), &lossy);
			rp_buf_addch(&data, '"');
			first = 0;
			p = nl + 1;
		}
		rp_buf_addstr(&data, "]}");
		if (mail_opts_record(cli, &mo, "mail-scan", text.buf, data.buf) != 0)
			r = -1;
		rp_buf_release(&text);
		rp_buf_release(&data);
	}
	/* a STORE that could not be read (said by on_warning) or a failed output: 2 */
	if (o.failed || r != 0)
		rc = RP_EXIT_ERROR;
	else
		rc = o.found ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	rp_mail_scan_free(scan);
	mail_opts_release(&mo);
	rp_buf_release(&o.b);
	rp_buf_release(&o.matched);
	rp_buf_release(&o.malicious);
	rp_buf_release(&msg);
	return rc;
}
