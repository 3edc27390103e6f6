/* riposte mail scan's outputs: one finding per line in jsonl, one row in csv, a few
 * lines for people in text (local times). See the manual in cmd-mail-scan.c. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "mail-scan-out.h"

void
mail_scan_flush(struct out *o)
{
	if (o->b.len && rp_cli_put(o->cli, &o->b) != 0)
		o->failed = 1;
	rp_buf_reset(&o->b);
}

static void
jaddrs(struct rp_buf *b, const char *key, const struct rp_mail_addr *a, size_t n)
{
	size_t i;

	rp_buf_addf(b, "\"%s\":[", key);
	for (i = 0; i < n; i++) {
		if (i)
			rp_buf_addch(b, ',');
		rp_json_kstr(b, NULL, a[i].addr);
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
		rp_json_kstr(b, NULL, t.buf);
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

int
mail_scan_on_message(const struct rp_mail_msg *m, void *ctx)
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
		rp_json_kstr(b, "id", m->message_id);
		rp_buf_addch(b, ',');
		rp_json_ktime(b, "date", m->date);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "from", m->from.addr);
		rp_buf_addch(b, ',');
		jaddrs(b, "to", m->to, m->nto);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "subject", m->subject);
		rp_buf_addstr(b, ",\"attachments\":[");
		for (i = 0; i < m->natt; i++) {
			const struct rp_mail_attachment *a = &m->att[i];

			rp_buf_addstr(b, i ? ",{" : "{");
			rp_json_kstr(b, "name", a->name);
			rp_buf_addch(b, ',');
			rp_json_kstr(b, "sha256", a->sha256);
			rp_buf_addf(b, ",\"size\":%llu,", (unsigned long long)a->size);
			rp_json_kstr(b, "type", a->type);
			rp_buf_addch(b, ',');
			jmatches(b, a->matches, a->nmatches);
			rp_buf_addch(b, '}');
		}
		rp_buf_addstr(b, "],\"urls\":[");
		for (i = 0; i < m->nurls; i++) {
			if (i)
				rp_buf_addch(b, ',');
			rp_json_kstr(b, NULL, m->urls[i].url);
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
			rp_json_kstr(b, NULL, m->reasons[i]);
		}
		rp_buf_addf(b, "],\"store_kind\":\"%s\",", rp_mail_store_kind_name(m->loc.kind));
		rp_json_kstr(b, "folder", m->loc.folder);
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
		mail_scan_flush(o);
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
				rp_json_kstr(b, NULL, v[k][i].addr);
			} else {
				rp_buf_addstr(b, c ? (b->len ? "; " : "") : "");
				rp_buf_addstr(b, v[k][i].addr);
			}
		}
}

int
mail_scan_on_bec(const struct rp_mail_bec *e, void *ctx)
{
	struct out *o = ctx;
	const struct rp_mail_msg *m = e->msg;
	struct rp_buf *b = &o->b;

	o->found++;
	if (o->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"bec\",");
		rp_cli_path_json(b, "store", m->loc.store, m->loc.storelen);
		rp_json_kstr(b, "id", m->message_id);
		rp_buf_addch(b, ',');
		rp_json_ktime(b, "date", m->date);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "from", m->from.addr);
		rp_buf_addstr(b, ",\"to\":[");
		all_recipients(b, m, 1);
		rp_buf_addstr(b, "],");
		rp_json_kstr(b, "subject", m->subject);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "iban", e->iban);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "country", e->country);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "phrase", e->phrase);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "lang", e->lang);
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

int
mail_scan_on_rule(const struct rp_mail_rule *r, void *ctx)
{
	struct out *o = ctx;
	struct rp_buf *b = &o->b;

	o->found++;
	if (o->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"rule\",");
		rp_cli_path_json(b, "store", r->store, r->storelen);
		rp_json_kstr(b, "format", r->format);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "mailbox", r->mailbox);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "name", r->name);
		rp_buf_addf(b, ",\"line\":%d,", r->line);
		rp_json_kstr(b, "action", r->action);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "target", r->target);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "reason", r->reason);
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

int
mail_scan_on_unparsable(const struct rp_mail_unparsable *u, void *ctx)
{
	struct out *o = ctx;
	struct rp_buf *b = &o->b;

	if (o->format == RP_FMT_JSONL) {
		rp_buf_addstr(b, "{\"kind\":\"unparsable\",");
		rp_cli_path_json(b, "store", u->loc.store, u->loc.storelen);
		rp_buf_addf(b, "\"offset\":%llu,\"size\":%llu,", (unsigned long long)u->loc.offset,
		    (unsigned long long)u->size);
		rp_json_kstr(b, "reason", u->reason);
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

int
mail_scan_on_warning(const char *path, size_t pathlen, const char *msg, void *ctx)
{
	struct out *o = ctx;
	struct rp_buf t = RP_BUF_INIT;

	mail_scan_flush(o);
	if (path)
		rp_esc_text(&t, path, pathlen);
	rp_warn(o->cli, "'%s': %s", t.buf, msg);
	rp_buf_release(&t);
	return 0;
}

void
mail_scan_summary(struct out *o, const struct rp_mail_stats *st, const char *clam, size_t niocs,
    int format, struct rp_buf *b)
{
	if (format == RP_FMT_JSONL || format == RP_FMT_OTHER) {
		rp_buf_addf(b, "{\"kind\":\"summary\",\"messages\":%llu,\"malicious\":%llu,"
		    "\"suspicious\":%llu,\"bec\":%llu,\"rules\":%llu,\"unparsable\":%llu,",
		    (unsigned long long)st->messages, (unsigned long long)st->verdicts[RP_MAIL_MALICIOUS],
		    (unsigned long long)st->verdicts[RP_MAIL_SUSPICIOUS], (unsigned long long)st->bec,
		    (unsigned long long)st->rules, (unsigned long long)st->unparsable);
		rp_json_kstr(b, "clamav", clam);
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

