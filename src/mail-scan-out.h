/* The outputs of `riposte mail scan` (cmd-mail-scan-fmt.c): the engine's callbacks
 * format each finding in text, jsonl or csv into a buffer flushed to stdout. */
#ifndef RP_MAIL_SCAN_OUT_H
#define RP_MAIL_SCAN_OUT_H

#include "cli.h"
#include "mail/mail.h"

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

void mail_scan_flush(struct out *o);
int mail_scan_on_message(const struct rp_mail_msg *m, void *ctx);
int mail_scan_on_bec(const struct rp_mail_bec *e, void *ctx);
int mail_scan_on_rule(const struct rp_mail_rule *r, void *ctx);
int mail_scan_on_unparsable(const struct rp_mail_unparsable *u, void *ctx);
int mail_scan_on_warning(const char *path, size_t pathlen, const char *msg, void *ctx);
/* The summary line (jsonl; RP_FMT_OTHER: the JSON object without its newline, for the
 * case's journal) or paragraph (text). */
void mail_scan_summary(struct out *o, const struct rp_mail_stats *st, const char *clam,
    size_t niocs, int format, struct rp_buf *b);

#endif
