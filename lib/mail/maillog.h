/*
 * Who a mail system says it delivered to: the readers of MTA logs (Postfix, Exim,
 * Sendmail, as syslog writes them, traditional or RFC 3339/5424 timestamps, or Exim's
 * own mainlog; rotated .gz too) and of hosted-mail exports (Microsoft 365 / Exchange
 * Online message trace CSV, Google Workspace email log search CSV). Each turns a file
 * into delivery records, one per recipient and attempt, with the Message-ID that ties
 * them to a message in a store (a Bcc is known only from here).
 *
 * The input is attacker-controlled text: lines are bounded (64 KiB), a line that is in
 * no format is counted and skipped, a damaged gzip stream ends its file (counted), the
 * state kept between lines (a queue id's sender and Message-ID) is bounded.
 * One call of rp_maillog_read per file; callbacks on the calling thread. No global state.
 */
#ifndef RP_MAILLOG_H
#define RP_MAILLOG_H

#include <stddef.h>
#include <stdint.h>

struct rp_logfile;

enum rp_maillog_status {
	RP_ML_DELIVERED,   /* Postfix status=sent, Exim =>/->, Sendmail stat=Sent, M365 Delivered */
	RP_ML_DEFERRED,    /* tried again later: it may still arrive */
	RP_ML_PENDING,     /* M365 Pending/GettingStatus, Sendmail queued */
	RP_ML_BOUNCED,     /* not delivered: bounced, failed, expired, quarantined, dropped */
	RP_ML_EXPANDED,    /* a distribution list expanded into its members (own rows) */
	RP_ML_OTHER,
};
/* "delivered", "deferred", "pending", "bounced", "expanded", "other" */
const char *rp_maillog_status_name(enum rp_maillog_status s);
/* Whether the recipient may have received the message: all but bounced and expanded
 * (an unknown status counts as reached: better one warning too many). */
int rp_maillog_status_reached(enum rp_maillog_status s);

/* One recipient of one message, as one line or row says. Strings are never NULL ("" when
 * the source has none) and valid during the callback only. */
struct rp_maillog_rec {
	int64_t time;              /* of the line or row, seconds since the epoch (UTC) */
	const char *source;        /* "postfix", "exim", "sendmail", "m365", "google" */
	const char *qid;           /* queue id, Exim id, MessageTraceId */
	const char *msgid;         /* the Message-ID without its angle brackets */
	const char *from;          /* the envelope sender, lowercase ("" for the null sender) */
	const char *to;            /* the recipient, lowercase */
	const char *orig_to;       /* the address before alias expansion, when the log says */
	const char *subject;       /* exports and Exim's T=, else "" */
	const char *relay;         /* relay=, H=, ToIP */
	const char *detail;        /* the status as the source writes it */
	uint64_t size;             /* bytes, 0 when not known */
	enum rp_maillog_status status;
	size_t line;               /* the line (or the CSV row's first line) */
};

struct rp_maillog_stats {
	const char *format;        /* "syslog", "exim-mainlog", "m365", "m365-summary", "google",
	                              "csv-unknown" (a CSV whose header is no trace's
	                              riposte reads: columns unknown or missing), "unknown" */
	char csv_header[256];      /* csv-unknown: the header row as read, cut at 255 bytes
	                              (the file's bytes: escape before showing) */
	uint64_t lines;            /* lines (or CSV records) read */
	uint64_t records;          /* delivery records given */
	uint64_t other;            /* well-formed lines of other programs or events */
	uint64_t malformed;        /* lines or rows in no known shape (mail programs' lines
	                              that did not parse, CSV rows without an address) */
	uint64_t too_long;         /* lines or CSV records past the bound, skipped */
	uint64_t evicted;          /* queue ids forgotten to bound the state */
	int damaged;               /* 0, or why the file ended early (rp_logfile_error) */
	int year;                  /* the year given to the first yearless syslog line, or 0 */
	int64_t first, last;       /* times of the first and last record, or RP_TIME_UNSET */
};

struct rp_maillog_opts {
	int year;                  /* the year of the file's first yearless syslog line; 0:
	                              inferred: the last line is in the year of the file's
	                              modification time (the one before when its month is
	                              later than that time's), and each December-to-January
	                              step moves on by one */
	int64_t now;               /* the reference when the file has no time (memory) */
};

/* Returns 0 to go on, non-zero to stop the reading (that value is returned). */
typedef int (*rp_maillog_fn)(const struct rp_maillog_rec *rec, void *ctx);

/*
 * Reads the file f (see logfile.h), telling its format from its first bytes, and calls
 * fn for every delivery record in file order. st (required) gets the counts.
 * Returns 0 (a damaged file too: st->damaged says so), RP_ERR_FORMAT when the file is
 * in none of the formats (st->format "unknown"), or fn's non-zero value.
 */
int rp_maillog_read(struct rp_logfile *f, const struct rp_maillog_opts *o, rp_maillog_fn fn,
    void *ctx, struct rp_maillog_stats *st);

/*
 * An address as logs and headers write it ("<A@B.example>", "Name <a@b>", "a@b") into
 * out: the addr-spec, lowercase, without brackets. 0, or RP_ERR_FORMAT when it is not
 * one (no '@', empty parts, spaces or controls, longer than 254 bytes). "<>" (the null
 * sender) is RP_ERR_NOTFOUND. Thread-safe.
 */
#define RP_MAIL_ADDR_MAX 255
int rp_mail_addr_norm(const char *s, size_t len, char out[RP_MAIL_ADDR_MAX]);
/* A Message-ID without spaces and its angle brackets into out (at most cap-1 bytes,
 * longer ones cut). Returns the length; 0 when there is none. Thread-safe. */
size_t rp_mail_msgid_norm(const char *s, size_t len, char *out, size_t cap);

#endif
