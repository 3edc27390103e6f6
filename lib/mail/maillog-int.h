/*
 * Inside the mail log readers (lib/mail/maillog.c drives; log-*.c read one format
 * each). Not a public header: tests and fuzz targets include it to reach one reader.
 */
#ifndef RP_MAILLOG_INT_H
#define RP_MAILLOG_INT_H

#include <stddef.h>
#include <stdint.h>

#include "core/csvread.h"
#include "mail/maillog.h"

/* Where records go: the caller's callback, the counts, the first non-zero return. */
struct rp_ml_sink {
	rp_maillog_fn fn;
	void *ctx;
	struct rp_maillog_stats *st;
	int stop;
};
/* Counts rec (and its time) and hands it to the callback; returns sink->stop. */
int rp_ml_emit(struct rp_ml_sink *s, const struct rp_maillog_rec *rec);

/* A syslog line's header. */
struct rp_syslog_hdr {
	int has_year;              /* an RFC 3339/5424 timestamp: time is exact */
	int64_t time;              /* when has_year */
	int mon, day, hour, min, sec;   /* a traditional "Nov 19 14:45:31": mon 0..11 */
	const char *host;
	size_t hostlen;
	const char *prog;          /* "postfix/smtp", without "[pid]" */
	size_t proglen;
	const char *msg;           /* after "prog[pid]: " */
	size_t msglen;
};
/*
 * Parses "Nov 19 14:45:31 host prog[pid]: msg", "2026-11-19T14:45:31.5+01:00 host
 * prog[pid]: msg" (rsyslog's RFC 3339 file format, journalctl -o short-iso) and RFC 5424
 * "<22>1 2026-11-19T14:45:31Z host prog pid msgid [sd] msg". 0 or RP_ERR_FORMAT.
 */
int rp_syslog_parse(const char *line, size_t len, struct rp_syslog_hdr *h);
/* The time of a traditional header in year (local time: TZ). */
int64_t rp_syslog_time(const struct rp_syslog_hdr *h, int year);
/* The same through a cache of the last hour converted: mktime() looks at the zone file
 * on every call (glibc stats /etc/localtime when TZ is unset), which made it most of
 * the time spent on a log; one call per hour of log instead. */
struct rp_syslog_clock {
	int valid, year, mon, day, hour;
	int64_t base;              /* the hour's first second */
};
int64_t rp_syslog_time_cached(const struct rp_syslog_hdr *h, int year,
    struct rp_syslog_clock *c);

/* One line of a mail program, its header parsed. */
struct rp_ml_line {
	int64_t time;
	const char *prog;          /* "postfix/smtp", "exim4", "sm-mta" */
	size_t proglen;
	const char *msg;
	size_t len;
	size_t lineno;
};

/* The readers keep per queue id what earlier lines said; each returns 1 when the line
 * was one of its deliveries or events, 0 when it is not its kind of line (other), or
 * RP_ERR_FORMAT (malformed; counted by the caller), or the sink's stop value (> 1 never:
 * the caller checks sink->stop). */
struct rp_postfix;
int rp_postfix_new(struct rp_postfix **out);
void rp_postfix_free(struct rp_postfix *p);
int rp_postfix_line(struct rp_postfix *p, const struct rp_ml_line *l, struct rp_ml_sink *s);

struct rp_exim;
int rp_exim_new(struct rp_exim **out);
void rp_exim_free(struct rp_exim *e);
int rp_exim_line(struct rp_exim *e, const struct rp_ml_line *l, struct rp_ml_sink *s);
/* An Exim mainlog line "2026-11-19 14:45:31 [+0100] [[pid]] ID ..." into l (msg after
 * the time). 0 or RP_ERR_FORMAT. */
int rp_exim_mainlog_parse(const char *line, size_t len, struct rp_ml_line *l);

struct rp_sendmail;
int rp_sendmail_new(struct rp_sendmail **out);
void rp_sendmail_free(struct rp_sendmail *m);
int rp_sendmail_line(struct rp_sendmail *m, const struct rp_ml_line *l, struct rp_ml_sink *s);

/* The hosted exports: a header row decides whether the reader knows the file; then
 * each row gives records. The column tables are in log-m365.c and log-google.c. */
#define RP_HOSTED_NCOL 10
enum { HC_TIME, HC_FROM, HC_TO, HC_SUBJECT, HC_STATUS, HC_MSGID, HC_TRACEID, HC_SIZE,
	HC_TOIP, HC_RCPTSTATUS };
struct rp_hosted {
	const char *source;        /* "m365", "google" */
	const char *format;        /* for the stats */
	int col[RP_HOSTED_NCOL];   /* the column of each, or -1 */
	int us_dates;              /* M/D/YYYY before D/M/YYYY when a date could be either */
	enum rp_maillog_status (*status)(const char *s, size_t len);
};
/* 1 when the header row is a Microsoft 365 message trace (h filled), else 0. */
int rp_m365_header(const struct rp_csvr_field *f, size_t n, struct rp_hosted *h);
/* 1 when the header row is a Google Workspace email log search export, else 0. */
int rp_google_header(const struct rp_csvr_field *f, size_t n, struct rp_hosted *h);
/* One data row: 1 records given, RP_ERR_FORMAT (no recipient or no date). */
int rp_hosted_row(const struct rp_hosted *h, const struct rp_csvr_field *f, size_t n,
    size_t lineno, struct rp_ml_sink *s);
/* The dates exports write: ISO 8601; "11/19/2026 2:45:31 PM" (US, UTC); "19.11.2026
 * 14:45:31"; "2026/11/19 14:45:31 UTC"; "Nov 19, 2026, 2:45:31 PM GMT+1". Without a
 * zone, UTC. 0 or RP_ERR_FORMAT. */
int rp_hosted_date(const char *s, size_t len, int us_first, int64_t *t);
/* Finds column names (ASCII case and spaces, '_' and '-' ignored) in a header row:
 * names[i] is a '|'-separated list of the accepted names of column i. */
void rp_hosted_columns(const struct rp_csvr_field *f, size_t n, const char *const *names,
    size_t nnames, int *col);

/* key=value in "k1=v1, k2=<v 2>, k3=v3 (...)": the value of key at a word boundary;
 * a value that starts with '<' runs to the '>'; else to ", " or the end. */
int rp_ml_kv(const char *s, size_t len, const char *key, const char **v, size_t *vlen);
/* Copies up to cap-1 bytes and a NUL. */
void rp_ml_copy(char *dst, size_t cap, const char *s, size_t len);

#endif
