/*
 * Private to lib/mail: the per-worker state a message is built in, the sink the
 * parsers (mime.c over GMime, pst.c over libpst) feed, and the pieces each file
 * provides. Fuzz targets and unit tests include it; nothing outside lib/mail does.
 */
#ifndef RP_MAIL_INTERNAL_H
#define RP_MAIL_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "mail/mail.h"

struct rp_yara_rules;
struct rp_yara_scanner;
struct rp_magic;
struct mail_clam;

/* ---- a string arena: strings never move until the arena is reset ---- */

struct mail_arena_blk;
struct mail_arena {
	struct mail_arena_blk *head;   /* the block being filled; older ones after it */
	size_t total;                  /* bytes handed out since the reset */
};
char *mail_arena_dup(struct mail_arena *a, const void *s, size_t n);   /* NUL added */
char *mail_arena_str(struct mail_arena *a, const char *s);             /* NULL -> "" */
void *mail_arena_alloc(struct mail_arena *a, size_t n);                /* zeroed */
void mail_arena_reset(struct mail_arena *a);     /* keeps the first block */
void mail_arena_release(struct mail_arena *a);

/* ---- growable arrays of fixed-size items ---- */

struct mail_vec {
	void *v;
	size_t n, cap, size;
};
void *mail_vec_push(struct mail_vec *v);          /* zeroed new item, NULL on ENOMEM */
void mail_vec_release(struct mail_vec *v);
#define MAIL_VEC(T) { NULL, 0, 0, sizeof(T) }

/* ---- the shared, read-only part of a scan ---- */

struct mail_bec_words;    /* bec.c */

struct mail_shared {
	struct rp_mail_opts o;               /* copied; arrays still the caller's */
	struct rp_mail_limits lim;           /* with the defaults filled in */
	const struct rp_mail_iocs *iocs;
	struct rp_yara_rules *yara;          /* may be NULL (no rules at all) */
	struct mail_clam *clam;              /* NULL: no ClamAV database */
	struct mail_bec_words *bec;
	char **own_ibans;                    /* compact uppercase */
	size_t nown;
};

/* Where an address of the header goes */
enum mail_field { MAIL_FROM, MAIL_SENDER, MAIL_REPLY_TO, MAIL_TO, MAIL_CC, MAIL_BCC };

/* An attachment while it is built: the public part, whether it is listed (a member
 * of an archive is listed only when something about it stands out), and where its
 * own matches are in the message's list. */
struct att_item {
	struct rp_mail_attachment a;
	int hidden;
	size_t mfirst, mcount;
};

/* ---- one worker: one parser state, reused for every message ---- */

struct mail_worker {
	const struct mail_shared *sh;
	struct rp_yara_scanner *yara;
	struct rp_magic *magic;
	struct mail_arena arena;
	struct rp_mail_msg msg;              /* the message being built / the result */
	struct mail_vec to, cc, bcc, reply_to, att, urls, matches, reasons;
	struct mail_vec rematch;             /* struct rp_mail_match of one attachment */
	struct rp_mail_addr sender;
	struct rp_buf text;                  /* normalised text for the bank-detail check */
	struct rp_buf tmp;                   /* scratch */
	struct mail_vec received;            /* const char *: Received: header values */
	struct mail_vec bodies;              /* const char *: the text of the bodies */
	char prefix[1024];                   /* name of the enclosing attachment(s) */
	int nest;                            /* message/rfc822 nesting */
	uint64_t expanded;                   /* archive bytes expanded for this message */
	const char *fail;                    /* unparsable: why (static or arena) */
	/* bec result */
	char bec_iban[35];
	const char *bec_phrase, *bec_lang;
};

int mail_worker_init(struct mail_worker *w, const struct mail_shared *sh);
void mail_worker_release(struct mail_worker *w);
/* Starts a message: resets the arena and the lists. */
void mail_worker_begin(struct mail_worker *w, const struct rp_mail_loc *loc, uint64_t size);

/* The sink the parsers call. Strings are copied. */
void mail_w_addr(struct mail_worker *w, enum mail_field f, const char *addr, const char *name);
void mail_w_subject(struct mail_worker *w, const char *s);
void mail_w_message_id(struct mail_worker *w, const char *s);
void mail_w_in_reply_to(struct mail_worker *w, const char *s);
void mail_w_date(struct mail_worker *w, int64_t t);
void mail_w_received(struct mail_worker *w, const char *value);
/* A text body (UTF-8, len bytes), HTML or plain. */
void mail_w_text(struct mail_worker *w, int html, const char *s, size_t len);
/* A leaf part that is not a body, decoded; flags RP_MAIL_ATT_INLINE/_TRUNCATED/
 * _MESSAGE. Analyses it (hash, type, archive members, rules, ClamAV). */
void mail_w_attachment(struct mail_worker *w, const char *name, const char *declared,
    const void *data, size_t len, unsigned flags);
/* Enters/leaves an attached message: its attachments are named "name!..." */
void mail_w_enter(struct mail_worker *w, const char *name);
void mail_w_leave(struct mail_worker *w);
/* Adds a sentence to the message's reasons (once). */
void mail_w_reason(struct mail_worker *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Records a match (source "ioc", "yara", "clamav"); where: what matched. */
void mail_w_match(struct mail_worker *w, const char *source, const char *name,
    const char *value, const char *where, int suspicious_only);
/* Every YARA rule matching the bytes, as matches at where. */
void mail_w_yara(struct mail_worker *w, const void *data, size_t len, const char *where);
/* An IOC of type t equal to value (a domain: or its parent), as a match at where. */
void mail_w_ioc(struct mail_worker *w, enum rp_mail_ioc_type t, const char *value,
    const char *where);
/* With mailboxes given: whether the message is from or to one of them. */
int mail_worker_involves(const struct mail_worker *w);
/* Marks the message unparsable (the first reason wins). */
void mail_w_fail(struct mail_worker *w, const char *reason);
/* Ends the message: IOCs of the header and URLs, the bank-detail check, the verdict.
 * Returns 0 (w->msg is the result, or w->fail says it was unparsable). */
int mail_worker_finish(struct mail_worker *w);

/* ---- mime.c: the GMime adapter ---- */

/* Parses len bytes of one RFC 5322 message and feeds w. The buffer must stay valid
 * and unchanged during the call (GMime reads it in place). Bounds: header size,
 * nesting depth (w->sh->lim). */
void mail_mime_parse(struct mail_worker *w, const char *data, size_t len);
/* Decodes an RFC 2047 header value to UTF-8 into out (for the readers of rules). */
void mail_mime_init_once(void);

/* ---- pst.c: the libpst adapter ---- */

/* Reads every message of the PST/OST open at fd (read-only; the descriptor is the
 * caller's), calling fn for each with w filled (fn calls mail_worker_finish).
 * Returns 0, or RP_ERR_FORMAT when libpst cannot read it (*why says so).
 * It forks (a first pass in a child): call it only while no other thread of the
 * process is busy (scan.c drains its workers first). */
int mail_pst_read(int fd, const char *path, size_t pathlen, struct mail_worker *w,
    int (*fn)(struct mail_worker *w, void *ctx), void *ctx, const char **why);
/* The same walk in this process, without mail_pst_read's first pass in a child (which
 * keeps libpst's crashes on damaged files from ending the scan): for the fuzz target,
 * which must see a crash of libpst's or of ours. */
int mail_pst_walk(int fd, const char *path, size_t pathlen, struct mail_worker *w,
    int (*fn)(struct mail_worker *w, void *ctx), void *ctx, const char **why);
/* zlib's uncompress(3) as libpst 0.6.76 calls it (its one call, in pst_read_block_size,
 * goes here in the copy of Debian's static libpst.a the Makefile links: pst.c says
 * why): returns what uncompress returns and, on Z_OK with all *destlen bytes inflated,
 * frees src, which that libpst then drops without freeing. Never call it from our own
 * code: it takes ownership of src. Thread-safe as uncompress is. */
int mail_pst_uncompress(unsigned char *dest, unsigned long *destlen, const unsigned char *src,
    unsigned long srclen);

/* ---- clamav.c: the libclamav adapter ---- */

/* Loads the databases of dir. *out is NULL (and 0 returned) when dir holds none;
 * status gets "none" or the version and signature count. */
/* tmp: where libclamav unpacks when /dev/shm is no writable tmpfs; it must take a
 * directory (checked here: libclamav failing to make one says "clean"). */
int mail_clam_load(struct mail_clam **out, const char *dir, const char *tmp,
    struct rp_buf *status, struct rp_buf *err);
void mail_clam_free(struct mail_clam *c);
/* 1 and the signature name in vir (size n) when it matched, 0 clean, <0 error with
 * libclamav's reason in vir (not kept: the next call tries again).
 * sha256: the lowercase hex SHA-256 of data, or NULL/"": with it the verdict is
 * kept, and the same bytes again are not scanned again. Thread-safe. */
int mail_clam_scan(struct mail_clam *c, const void *data, size_t len, const char *sha256,
    char *vir, size_t n);
/* Calls of mail_clam_scan with a hash, and those answered from the kept verdicts. */
void mail_clam_counts(struct mail_clam *c, uint64_t *scans, uint64_t *hits);

/* ---- mbox.c: splitting an mbox ---- */

struct mail_mbox {
	/* called for each message: off is the offset of its "From " line, from that line
	 * (without "From " and the newline), data the message unescaped (">From " lines
	 * lose one '>'); over is set when the message was longer than max (data is its
	 * first max bytes). */
	int (*on_msg)(void *ctx, uint64_t off, const char *from, size_t fromlen,
	    const char *data, size_t len, int over);
	void *ctx;
	uint64_t max;             /* bytes kept of one message */
	/* state */
	struct rp_buf carry;      /* an incomplete line */
	struct rp_buf msg;
	struct rp_buf from;
	uint64_t pos;             /* offset of the next byte fed */
	uint64_t msg_off;
	int in_msg, over, prev_blank;
};
void mail_mbox_init(struct mail_mbox *m, uint64_t max);
int mail_mbox_feed(struct mail_mbox *m, const char *data, size_t len);
int mail_mbox_end(struct mail_mbox *m);        /* emits the last message */
void mail_mbox_release(struct mail_mbox *m);
/* Whether line (without the newline) is an mbox separator "From SENDER DATE";
 * *t gets the date when it parses (else RP_TIME_UNSET). */
int mail_mbox_is_from(const char *line, size_t len, int64_t *t);

/* ---- store.c: what a file is ---- */

enum mail_file_kind {
	MAIL_F_OTHER, MAIL_F_MESSAGE, MAIL_F_MBOX, MAIL_F_PST, MAIL_F_SIEVE, MAIL_F_PROCMAIL,
	MAIL_F_FORWARD, MAIL_F_EXCHANGE_CSV, MAIL_F_EXCHANGE_JSON
};
/* From the first bytes of a file (and its name, for .forward only). */
enum mail_file_kind mail_sniff(const char *head, size_t len, const char *name);

/* ---- url.c ---- */

/* Finds the URLs of a text (plain: every http(s)/ftp URL and www. host) or of HTML
 * (<a href> with its text, src= and action= attributes, and the URLs of its text),
 * calling fn for each (text NULL for those not of a link). */
void mail_urls(const char *s, size_t len, int html,
    void (*fn)(void *ctx, const char *url, size_t ulen, const char *text, size_t tlen),
    void *ctx);
/* The host of url, lowercase, into out (size n); "" when none. */
void mail_url_host(const char *url, size_t len, char *out, size_t n);
/* Whether a link's text shows a domain other than the one of host (text host and
 * target compared by their registrable part). The shown host goes to shown. */
int mail_link_mismatch(const char *text, size_t tlen, const char *host, char *shown, size_t n);
/* Appends the text of HTML (tags dropped, entities decoded, whitespace folded). */
int mail_html_text(struct rp_buf *out, const char *s, size_t len, size_t max);

/* ---- bec.c ---- */

int mail_bec_words_load(struct mail_bec_words **out, const char *data_dir);
void mail_bec_words_free(struct mail_bec_words *b);
/* Appends text lowercased, accents of Latin letters folded, runs of whitespace and
 * punctuation folded to one space (for the wording check), up to out->max. */
int mail_bec_normalise(struct rp_buf *out, const char *s, size_t len);
/* Whether normalised text announces a change of bank details: the phrase found and
 * its language. */
int mail_bec_wording(const struct mail_bec_words *b, const char *norm, size_t len,
    const char **phrase, const char **lang);
/* Calls fn for every valid IBAN in the (raw) text s. */
void mail_iban_each(const char *s, size_t len, int (*fn)(void *ctx, const char *iban), void *ctx);

/* ---- attach.c ---- */

/* Analyses one attachment (or member) at depth; called by mail_w_attachment. */
void mail_attach(struct mail_worker *w, const char *name, const char *declared,
    const void *data, size_t len, int depth, unsigned flags);
/* Whether a file name has a double extension ("a.pdf.exe") / an executable one. */
int mail_name_double_ext(const char *name);
int mail_name_exec(const char *name);

/* ---- ioc.c ---- */

/* Matches the value of type t; returns the indicator as stored (and its source) or
 * NULL. Domain: value or any parent domain. */
const char *mail_iocs_match(const struct rp_mail_iocs *s, enum rp_mail_ioc_type t,
    const char *value, const char **source);

/* ---- rules.c: mailbox rules ---- */

struct mail_rule_sink {
	int (*fn)(void *ctx, const struct rp_mail_rule *r);
	void *ctx;
	const char *const *domains;      /* the site's: a redirect inside them is not reported */
	size_t ndomains;
	const char *store;
	size_t storelen;
};
int mail_rules_sieve(const char *s, size_t len, const struct mail_rule_sink *k);
int mail_rules_forward(const char *s, size_t len, const struct mail_rule_sink *k);
int mail_rules_procmail(const char *s, size_t len, const struct mail_rule_sink *k);
int mail_rules_exchange_csv(const char *s, size_t len, const struct mail_rule_sink *k);
int mail_rules_exchange_json(const char *s, size_t len, const struct mail_rule_sink *k);

/* ---- helpers ---- */

/* Whether addr's domain is domain or below it. */
int mail_domain_within(const char *host, const char *domain);
const char *mail_addr_domain(const char *addr);   /* after the last '@', or "" */

#endif
