/* riposte mail trace: the run (cmd-mail-trace.c) and its outputs (cmd-mail-trace-out.c). */
#ifndef RP_SRC_MAIL_TRACE_H
#define RP_SRC_MAIL_TRACE_H

#include <getopt.h>
#include <stdint.h>

#include "cli.h"
#include "core/buf.h"
#include "mail/trace.h"

int cmd_mail_trace(struct rp_cli *cli, int argc, char **argv);
extern const struct option mail_trace_longopts[];

/* What was read, for the summary and the warnings. */
struct trace_counts {
	uint64_t messages, unparsable;          /* from the stores */
	uint64_t log_files, log_records, log_lines, log_malformed, log_too_long, log_damaged,
	    log_unknown;
	uint64_t book_files, book_entries, book_malformed, book_unknown;
	const char *clamav;                     /* "none", a version, or NULL (no store) */
	size_t iocs;
	int64_t since, until;
	const char *const *mailboxes; size_t nmailboxes;   /* NULL: the site's domains */
	const char *const *domains; size_t ndomains;
};

/* The lists in one format (RP_FMT_TEXT, RP_FMT_JSONL, RP_FMT_CSV) into b. */
void trace_output(const struct trace_counts *n, const struct rp_trace_result *res, int format,
    struct rp_buf *b);
/* The summary object (without newline), for the output and the case journal. */
void trace_summary_json(const struct trace_counts *n, const struct rp_trace_result *res,
    struct rp_buf *b);
/* One contact as JSON (no newline), for the output and the case journal. */
void trace_contact_json(const struct rp_trace_contact *c, struct rp_buf *b);
/* One message as JSON (no newline). */
void trace_message_json(const struct rp_trace_message *m, struct rp_buf *b);

#endif
