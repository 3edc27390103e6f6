/* riposte mail trace: the lists as people and mail merges read them (see mail-trace.h). */
#include <string.h>

#include "core/escape.h"
#include "core/time.h"
#include "mail-trace.h"

static void
jarray(struct rp_buf *b, const char *key, const char *const *v, size_t n)
{
	size_t i;
	int lossy = 0;

	rp_buf_addf(b, "\"%s\":[", key);
	for (i = 0; i < n; i++) {
		rp_buf_addstr(b, i ? ",\"" : "\"");
		rp_esc_json(b, v[i], strlen(v[i]), &lossy);
		rp_buf_addch(b, '"');
	}
	rp_buf_addch(b, ']');
}

static void
sources(struct rp_buf *b, unsigned s)
{
	const char *v[4];
	size_t n = 0;

	if (s & RP_TRACE_SRC_STORE)
		v[n++] = "store";
	if (s & RP_TRACE_SRC_LOG)
		v[n++] = "log";
	if (s & RP_TRACE_SRC_ABOOK)
		v[n++] = "addressbook";
	if (s & RP_TRACE_SRC_INBOUND)
		v[n++] = "inbound";
	jarray(b, "sources", v, n);
}

void
trace_contact_json(const struct rp_trace_contact *c, struct rp_buf *b)
{
	rp_buf_addstr(b, "{\"kind\":\"contact\",");
	rp_json_kstr(b, "address", c->addr);
	rp_buf_addch(b, ',');
	rp_json_kstr(b, "name", c->name);
	rp_buf_addf(b, ",\"class\":\"%s\",", rp_trace_class_name(c->cls));
	rp_json_kstr(b, "client", c->client);
	rp_buf_addch(b, ',');
	rp_json_kstr(b, "lang", c->lang);
	rp_buf_addch(b, ',');
	jarray(b, "messages", c->msgids, c->nmsgids);
	rp_buf_addch(b, ',');
	rp_json_ktime(b, "first", c->first);
	rp_buf_addch(b, ',');
	rp_json_ktime(b, "last", c->last);
	rp_buf_addch(b, ',');
	rp_json_kstr(b, "organisation", c->domain);
	rp_buf_addch(b, ',');
	sources(b, c->sources);
	rp_buf_addch(b, '}');
}

void
trace_message_json(const struct rp_trace_message *m, struct rp_buf *b)
{
	size_t i;

	rp_buf_addstr(b, "{\"kind\":\"message\",");
	rp_json_kstr(b, "id", m->id);
	rp_buf_addch(b, ',');
	rp_json_ktime(b, "date", m->date);
	rp_buf_addch(b, ',');
	rp_json_kstr(b, "from", m->from);
	rp_buf_addch(b, ',');
	rp_json_kstr(b, "subject", m->subject);
	rp_buf_addf(b, ",\"class\":\"%s\",\"seen\":\"%s\",\"recipients\":%zu,",
	    rp_trace_class_name(m->cls),
	    m->seen == RP_TRACE_SRC_LOG ? "log" : m->seen == RP_TRACE_SRC_STORE ? "store" :
	    "store+log", m->nrecipients);
	rp_json_kstr(b, "iban", m->iban);
	rp_buf_addch(b, ',');
	jarray(b, "indicators", m->indicators, m->nindicators);
	rp_buf_addstr(b, ",\"attachments\":[");
	for (i = 0; i < m->natt; i++) {
		rp_buf_addstr(b, i ? ",{" : "{");
		rp_json_kstr(b, "name", m->att[i].name);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "sha256", m->att[i].sha256);
		rp_buf_addf(b, ",\"size\":%llu,\"matched\":%s}", (unsigned long long)m->att[i].size,
		    m->att[i].matched ? "true" : "false");
	}
	rp_buf_addstr(b, "]}");
}

void
trace_summary_json(const struct trace_counts *n, const struct rp_trace_result *res,
    struct rp_buf *b)
{
	rp_buf_addf(b, "{\"kind\":\"summary\",\"infected\":%zu,\"exposed\":%zu,"
	    "\"precautionary\":%zu,\"organisations\":%zu,\"messages\":%zu,\"log_only\":%zu,"
	    "\"store_messages\":%llu,\"unparsable\":%llu,\"log_files\":%llu,\"log_records\":%llu,"
	    "\"log_malformed\":%llu,\"log_damaged\":%llu,\"log_unknown\":%llu,"
	    "\"addressbook_entries\":%llu,",
	    res->infected, res->exposed, res->precautionary, res->organisations, res->nmessages,
	    res->log_only, (unsigned long long)n->messages, (unsigned long long)n->unparsable,
	    (unsigned long long)n->log_files, (unsigned long long)n->log_records,
	    (unsigned long long)(n->log_malformed + n->log_too_long),
	    (unsigned long long)n->log_damaged, (unsigned long long)n->log_unknown,
	    (unsigned long long)n->book_entries);
	rp_json_kstr(b, "clamav", n->clamav);
	rp_buf_addf(b, ",\"iocs\":%zu,", n->iocs);
	rp_json_ktime(b, "since", n->since);
	rp_buf_addch(b, ',');
	rp_json_ktime(b, "until", n->until);
	rp_buf_addch(b, ',');
	if (n->mailboxes)
		jarray(b, "mailboxes", n->mailboxes, n->nmailboxes);
	else
		jarray(b, "domains", n->domains, n->ndomains);
	rp_buf_addch(b, '}');
}

static void
csv_str(struct rp_buf *b, const char *s)
{
	if (s)
		rp_esc_csv(b, s, strlen(s));
}

static void
text_time(struct rp_buf *b, int64_t t)
{
	if (t == RP_TIME_UNSET)
		rp_buf_addstr(b, "-");
	else
		rp_time_fmt_local(b, t);
}

static void
text_out(const struct trace_counts *n, const struct rp_trace_result *res, struct rp_buf *b)
{
	const char *org = NULL;
	size_t i, j;

	for (i = 0; i < res->ncontacts; i++) {
		const struct rp_trace_contact *c = &res->contacts[i];

		if (org == NULL || strcmp(org, c->domain) != 0) {
			org = c->domain;
			rp_buf_addstr(b, i ? "\n" : "");
			rp_esc_text(b, org, strlen(org));
			if (c->client) {
				rp_buf_addstr(b, " - ");
				rp_esc_text(b, c->client, strlen(c->client));
			}
			rp_buf_addf(b, " (%s)\n", c->lang);
		}
		rp_buf_addf(b, "  %-13s ", rp_trace_class_name(c->cls));
		rp_esc_text(b, c->addr, strlen(c->addr));
		if (*c->name) {
			rp_buf_addstr(b, " \"");
			rp_esc_text(b, c->name, strlen(c->name));
			rp_buf_addch(b, '"');
		}
		rp_buf_addch(b, '\n');
		if (c->nmsgids) {
			rp_buf_addf(b, "                %zu message%s, ", c->nmsgids, c->nmsgids == 1 ? "" : "s");
			text_time(b, c->first);
			if (c->last != c->first) {
				rp_buf_addstr(b, " .. ");
				text_time(b, c->last);
			}
			rp_buf_addch(b, '\n');
		} else if (c->sources & RP_TRACE_SRC_ABOOK) {
			rp_buf_addstr(b, "                in the address book\n");
		}
	}
	if (res->nmessages)
		rp_buf_addstr(b, "\nMessages:\n");
	for (i = 0; i < res->nmessages; i++) {
		const struct rp_trace_message *m = &res->messages[i];

		rp_buf_addstr(b, "  ");
		text_time(b, m->date);
		rp_buf_addf(b, "  %-13s ", rp_trace_class_name(m->cls));
		rp_esc_text(b, m->id, strlen(m->id));
		rp_buf_addstr(b, "\n      from ");
		rp_esc_text(b, m->from, strlen(m->from));
		rp_buf_addf(b, ", %zu recipient%s%s: \"", m->nrecipients, m->nrecipients == 1 ? "" : "s",
		    m->seen == RP_TRACE_SRC_LOG ? " (log only)" : "");
		rp_esc_text(b, m->subject, strlen(m->subject));
		rp_buf_addstr(b, "\"\n");
		for (j = 0; j < m->nindicators; j++) {
			rp_buf_addstr(b, "      indicator ");
			rp_esc_text(b, m->indicators[j], strlen(m->indicators[j]));
			rp_buf_addch(b, '\n');
		}
	}
	rp_buf_addf(b, "\nSummary: %zu infected, %zu exposed, %zu precautionary in %zu "
	    "organisations; %zu messages (%zu known only from a log)\n", res->infected,
	    res->exposed, res->precautionary, res->organisations, res->nmessages, res->log_only);
	rp_buf_addf(b, "  read: %llu messages from stores (%llu unparsable), %llu log records "
	    "from %llu file%s (%llu skipped lines), %llu address book entries\n",
	    (unsigned long long)n->messages, (unsigned long long)n->unparsable,
	    (unsigned long long)n->log_records, (unsigned long long)n->log_files,
	    n->log_files == 1 ? "" : "s",
	    (unsigned long long)(n->log_malformed + n->log_too_long),
	    (unsigned long long)n->book_entries);
	if (n->clamav)
		rp_buf_addf(b, "  IOCs matched against: %zu; ClamAV database: %s\n", n->iocs, n->clamav);
}

void
trace_output(const struct trace_counts *n, const struct rp_trace_result *res, int format,
    struct rp_buf *b)
{
	size_t i, j;

	if (format == RP_FMT_TEXT) {
		text_out(n, res, b);
		return;
	}
	if (format == RP_FMT_CSV) {
		rp_buf_addstr(b, "address,name,class,organisation,client,lang,first,last,messages\n");
		for (i = 0; i < res->ncontacts; i++) {
			const struct rp_trace_contact *c = &res->contacts[i];
			struct rp_buf ids = RP_BUF_INIT;

			csv_str(b, c->addr);
			rp_buf_addch(b, ',');
			csv_str(b, c->name);
			rp_buf_addf(b, ",%s,", rp_trace_class_name(c->cls));
			csv_str(b, c->domain);
			rp_buf_addch(b, ',');
			csv_str(b, c->client);
			rp_buf_addch(b, ',');
			csv_str(b, c->lang);
			rp_buf_addch(b, ',');
			if (c->first != RP_TIME_UNSET)
				rp_time_fmt_utc(b, c->first);
			rp_buf_addch(b, ',');
			if (c->last != RP_TIME_UNSET)
				rp_time_fmt_utc(b, c->last);
			rp_buf_addch(b, ',');
			for (j = 0; j < c->nmsgids; j++) {
				if (j)
					rp_buf_addch(&ids, ' ');
				rp_buf_addstr(&ids, c->msgids[j]);
			}
			csv_str(b, ids.buf);
			rp_buf_addch(b, '\n');
			rp_buf_release(&ids);
		}
		return;
	}
	for (i = 0; i < res->nmessages; i++) {
		trace_message_json(&res->messages[i], b);
		rp_buf_addch(b, '\n');
	}
	for (i = 0; i < res->ncontacts; i++) {
		trace_contact_json(&res->contacts[i], b);
		rp_buf_addch(b, '\n');
	}
	trace_summary_json(n, res, b);
	rp_buf_addch(b, '\n');
}
