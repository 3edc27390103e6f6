/*
 * The incident case as a whole, read back from its journal: the journal is the one
 * record (hash-chained, see journal.h); facts, costs, IOCs, notifications, root cause,
 * lessons and actions are journal entries with a JSON "data" object, so every one of
 * them is covered by `case verify`. From that record and the site profile this module
 * computes the legal deadlines (obligations shipped as data/obligations/obligations.ini) and the
 * insurance claim (money in integer minor units, never floating point).
 * Not thread-safe per object; no global state.
 */
#ifndef RP_CASE_H
#define RP_CASE_H

#include <stddef.h>
#include <stdint.h>

#include "case/journal.h"
#include "core/buf.h"

struct rp_ini;
struct rp_store;

/* The facts `case facts` records. Values: RP_FACT_UNSET (never said), NO, YES, UNKNOWN. */
enum rp_fact {
	RP_FACT_PERSONAL_DATA, RP_FACT_HEALTH_DATA, RP_FACT_HIGH_RISK, RP_FACT_EXTORTION,
	RP_FACT_EXFILTRATION, RP_FACT_COUNT
};
enum { RP_FACT_UNSET = -1, RP_FACT_NO = 0, RP_FACT_YES = 1, RP_FACT_UNKNOWN = 2 };
const char *rp_fact_name(enum rp_fact f);          /* "personal-data", ... */
int rp_fact_lookup(const char *name);             /* enum or -1 */
const char *rp_fact_value_name(int v);            /* "yes", "no", "unknown", "unset" */

/* Cost categories of `case cost add`; -1 when not one. */
extern const char *const rp_cost_categories[];     /* NULL-terminated, in claim order */
int rp_cost_category(const char *name);

struct rp_cost {
	int64_t time;
	int category;            /* index into rp_cost_categories */
	int64_t amount;          /* minor units (centimes) */
	char currency[4];
	int64_t hours_c;         /* hundredths of an hour, or -1 when given as an amount */
	int64_t rate;            /* minor units per hour, or -1 */
	char *note;              /* NULL when none */
};

struct rp_ioc {
	int64_t time;
	char *type;              /* sha256 domain ipv4 url email filename */
	char *value;
};

struct rp_notice {
	int64_t time;            /* when it was sent */
	char *to;                /* insurer authority police it-provider client clients */
	char *lang;
	char *deadline;          /* the obligation it closed, or NULL */
	char *sha256;            /* of what was sent */
};

struct rp_action {
	int64_t time;
	char *text;
	char *owner;             /* NULL for a lesson */
	int64_t due;             /* RP_TIME_UNSET for a lesson */
};

struct rp_attachment {
	int64_t time;
	char *name;              /* the file's name as given */
	char *sha256;
	char *source;            /* the summary's "kind" producer: scan, exfil, collect, ... */
	char *summary;           /* the summary line, JSON text */
	char *digest;            /* its scalar members for people: "files 14, encrypted 3" */
};

struct rp_entry {            /* a journal entry, for the timeline */
	int64_t seq, time;
	int64_t at;              /* when it happened (data "at", `case log --at`), else time */
	char *kind, *actor, *text;
};

struct rp_case {
	struct rp_case_info info;
	int facts[RP_FACT_COUNT];
	char *root_cause;        /* the last one recorded, or NULL */
	struct rp_cost *costs;       size_t ncosts;
	struct rp_ioc *iocs;         size_t niocs;
	struct rp_notice *notices;   size_t nnotices;
	struct rp_action *actions;   size_t nactions;  /* lessons and actions, in order */
	struct rp_attachment *attachments; size_t nattachments;
	struct rp_entry *entries;    size_t nentries;
	int integrity;           /* set by the caller from rp_journal_verify: 0 not checked,
	                          * 1 intact, -1 altered (then bad_seq) */
	int64_t bad_seq;
};

/* Loads case id (0: the current open case) with its whole journal. */
int rp_case_load(struct rp_store *st, int64_t id, struct rp_case *out);
void rp_case_release(struct rp_case *c);            /* accepts a zeroed struct */

/* Appends a journal entry whose data object is built from NULL-terminated key/value
 * string pairs (values are JSON-escaped; a value starting with '\x01' is inserted
 * raw, for numbers). One transaction. */
int rp_case_record(struct rp_store *st, int64_t case_id, int64_t now, const char *kind,
    const char *actor, const char *text, ...) __attribute__((sentinel));

/* Money. "18000", "18'000", "18,000.50", "0.05" -> minor units (2 decimals).
 * RP_ERR_FORMAT otherwise, RP_ERR_TOOBIG past 10^15. */
int rp_money_parse(const char *s, int64_t *minor);
/* "18,000.00" (comma thousands, point decimals: the same in every language). */
int rp_money_fmt(struct rp_buf *b, int64_t minor);
/* Hours "7.5" -> 750 hundredths. */
int rp_hours_parse(const char *s, int64_t *hours_c);

/* One obligation triggered by the site and the facts. */
enum rp_deadline_status { RP_DL_OPEN, RP_DL_DONE, RP_DL_OVERDUE };
struct rp_deadline {
	char *id;                /* "gdpr-art33" */
	char *authority;         /* who gets it */
	char *to;                /* the notify recipient class that closes it */
	char *basis;             /* the legal basis, cited */
	char *when;              /* the deadline as the law says it ("72 hours") */
	int64_t due;
	int status;
	int64_t done;            /* when the notice went, or RP_TIME_UNSET */
};
struct rp_deadlines {
	struct rp_deadline *v;
	size_t n;
};
/* Evaluates the obligations (the INI text of data/obligations/obligations.ini) for the
 * case and the site (site may be NULL: then only the ones that depend on nothing
 * local apply). Sorted by due time, then id. */
int rp_deadlines_compute(const char *obligations, size_t len, const struct rp_case *c,
    const struct rp_ini *site, int64_t now, struct rp_deadlines *out);
void rp_deadlines_release(struct rp_deadlines *d);

/* The claim: per category the recorded total, the sublimit (-1 none) and what is
 * covered; the waiting period takes the first hours of interruption off. */
struct rp_claim_line {
	int category;
	int64_t total, sublimit, covered;
};
struct rp_claim {
	struct rp_claim_line lines[16];
	size_t nlines;
	char currency[4];
	int64_t total;           /* every recorded cost in the policy's currency */
	int64_t covered;         /* after sublimits and the waiting period */
	int64_t deductible;
	int64_t claimable;       /* covered - deductible, not below 0 */
	int64_t own_share;       /* total - claimable */
	int64_t waiting_hours_c; /* hundredths of an hour */
	int64_t waiting_excluded;
	size_t other_currency;   /* costs not in the policy's currency (left out) */
};
/* RP_ERR_FORMAT when the [insurance] section has a malformed amount. */
int rp_claim_compute(const struct rp_case *c, const struct rp_ini *site, struct rp_claim *out);

/* Fills a notification template: {{case.title}}, {{case.discovered}}, {{now}},
 * {{case.id}}, {{case.how}}, {{facts.NAME}}, {{iocs}}, {{section/key}} from the site
 * profile (e.g. {{insurance/policy}}, {{contact dpo/name}}), {{client/name}}.
 * Missing values become "[...: what]" so a draft never silently drops a field.
 * lang picks yes/no words. tz_local: text times in local time. */
int rp_template_fill(const char *tmpl, const struct rp_case *c, const struct rp_ini *site,
    const char *client, const char *lang, int64_t now, struct rp_buf *out);

/* The STIX 2.1 bundle of the case's IOCs (one indicator each, UUIDv5 ids so that the
 * same case exports the same bundle). */
int rp_case_stix(const struct rp_case *c, struct rp_buf *out);

/* The final report: summary, timeline, scope (attached results), deadlines against
 * notifications, costs and claim, root cause, lessons, actions. RP_REPORT_DOC is the
 * renderer-neutral form rp_pdf_write takes: records separated by 0x1e, each a type
 * byte (H title, h heading, p paragraph, l list item, T table head, r table row)
 * followed by cells separated by 0x1f. */
enum rp_report_format { RP_REPORT_MD, RP_REPORT_HTML, RP_REPORT_DOC };
int rp_case_report(const struct rp_case *c, const struct rp_deadlines *d,
    const struct rp_claim *cl, const struct rp_ini *site, int64_t now, int format,
    struct rp_buf *out);
/* Lays out a RP_REPORT_DOC report on A4 pages into a PDF file (pango + cairo: the one
 * adapter for them), written beside path and renamed into place. */
int rp_pdf_write(const char *path, const char *doc, size_t len);

#endif
