/*
 * The mail engine: what a mailbox sent and received, and what of it was dangerous.
 *
 * `riposte mail scan` and `riposte mail trace` both run it. Given stores (Maildir
 * folders, mbox files, directories of .eml, Outlook .pst/.ost, or a tree holding any
 * of these, each recognised by its content, not its name), it reads every message
 * read-only (O_NOATIME: no access, modification or change time moves), parses it
 * with bounded sizes and depth, and reports through callbacks:
 *
 *  - on_message: every message, with its sender, every recipient the store knows
 *    (Bcc where the sender's copy kept it), Message-ID, date, subject, attachments
 *    (nested ones too: zip members, OOXML/ODF parts, VBA projects, attached
 *    messages), the URLs of its bodies, what matched (IOCs, YARA rules, ClamAV
 *    signatures) and a verdict (malicious / suspicious / clean);
 *  - on_bec: a message SENT from an affected mailbox that announces new bank details
 *    with an IBAN that is not the site's own (bank-detail fraud);
 *  - on_rule: a mailbox rule that forwards or hides mail (Sieve, .forward, procmail,
 *    an export of Exchange inbox rules);
 *  - on_unparsable: a message (or a store) that could not be read, with the reason;
 *    the run goes on;
 *  - on_warning: anything else worth saying (an unreadable file, a PST libpst
 *    refused, ClamAV's database missing).
 *
 * Callbacks run on the thread that called rp_mail_scan_run, one at a time, in store
 * order (the order of the stores given, then the walk's byte order of names, then
 * the order of messages within a file), whatever the number of workers. Every
 * pointer they receive is valid during the call only: copy what you keep.
 * A callback returns 0 to go on, or a negative RP_ERR_* to stop the run with it.
 *
 * Nothing here prints, exits or reads the environment. An rp_mail_scan belongs to
 * one thread (its workers are its own business); separate scans may run at once.
 */
#ifndef RP_MAIL_H
#define RP_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* ---- indicators of compromise ---- */

enum rp_mail_ioc_type {
	RP_IOC_SHA256,     /* a file's SHA-256: attachments and every nested member */
	RP_IOC_DOMAIN,     /* URL hosts (the domain or a subdomain of it), sender and
	                      Reply-To domains */
	RP_IOC_URL,        /* a URL of a body, compared without the scheme's case and
	                      without a trailing '/' */
	RP_IOC_EMAIL,      /* any address of the header: From, Sender, Reply-To, To, Cc, Bcc */
	RP_IOC_FILENAME,   /* an attachment's or a member's file name, case-insensitive */
	RP_IOC_IPV4,       /* URL hosts written as addresses, and [a.b.c.d] in Received: */
	RP_IOC_NTYPES
};

/* "sha256", "domain", "url", "email", "filename", "ipv4" (the `case ioc add` types) */
const char *rp_mail_ioc_type_name(enum rp_mail_ioc_type t);
/* The type named name, or -1. */
int rp_mail_ioc_type_lookup(const char *name);

/* A set of indicators. Build it on one thread, then it is read-only and may be
 * shared by any number of scans and threads. */
struct rp_mail_iocs;

int rp_mail_iocs_new(struct rp_mail_iocs **out);
void rp_mail_iocs_free(struct rp_mail_iocs *s);                 /* accepts NULL */
/* Adds one indicator (normalised: sha256 and domain lowercase, url without a
 * trailing '/'). source says where it came from ("case", a file name): it is kept
 * for the reports. RP_ERR_FORMAT when value is not a valid indicator of that type. */
int rp_mail_iocs_add(struct rp_mail_iocs *s, enum rp_mail_ioc_type t, const char *value,
    const char *source);
/*
 * Adds the indicators of a file's text (len bytes; the caller reads the file):
 *  - one per line, "type:value" ("domain:evil.example", "sha256:ab12..."), blank
 *    lines and lines starting with '#' ignored; or
 *  - a STIX 2.1 bundle (JSON): every indicator's pattern comparisons
 *    ([file:hashes.'SHA-256' = '...'], [domain-name:value = '...'], [url:value = '...'],
 *    [email-addr:value = '...'], [file:name = '...'], [ipv4-addr:value = '...'], joined
 *    by OR or AND: each comparison is one indicator) and the observables of those types.
 * source names the file in the reports. On RP_ERR_FORMAT *err_line (optional) is the
 * 1-based line that is wrong (0 for a JSON error). Returns 0 or an RP_ERR_*; the
 * indicators before the error stay added.
 */
int rp_mail_iocs_load(struct rp_mail_iocs *s, const char *text, size_t len,
    const char *source, int *err_line);
size_t rp_mail_iocs_count(const struct rp_mail_iocs *s);

/* ---- what a scan reports ---- */

enum rp_mail_verdict {
	RP_MAIL_CLEAN,        /* nothing matched, nothing suspicious */
	RP_MAIL_SUSPICIOUS,   /* an executable or macro attachment, a double extension, a link
	                         whose text shows another domain than its target, a rule
	                         marked suspicious */
	RP_MAIL_MALICIOUS,    /* an IOC, a YARA rule or a ClamAV signature matched */
};
const char *rp_mail_verdict_name(enum rp_mail_verdict v);   /* "clean", ... */

enum rp_mail_store_kind {
	RP_MAIL_STORE_MAILDIR,   /* one file per message inside cur/, new/ or tmp/ */
	RP_MAIL_STORE_EML,       /* one file per message elsewhere */
	RP_MAIL_STORE_MBOX,      /* many messages after "From " lines */
	RP_MAIL_STORE_PST,       /* Outlook .pst / .ost (libpst) */
};
const char *rp_mail_store_kind_name(enum rp_mail_store_kind k);   /* "maildir", ... */

struct rp_mail_addr {
	const char *addr;       /* "local@domain", the domain lowercase; never NULL ("" when
	                           the header held a name without an address) */
	const char *name;       /* the display name, decoded, UTF-8; "" when none */
};

/* What matched. The strings are static or owned by the engine. */
struct rp_mail_match {
	const char *source;     /* "ioc", "yara" or "clamav" */
	const char *name;       /* ioc: the type ("domain"); yara: the rule; clamav: the
	                           signature ("Eicar-Test-Signature") */
	const char *value;      /* ioc: the indicator; yara: the rule's namespace file or "";
	                           clamav: "" */
	const char *where;      /* what matched: an attachment's name, "url", "from", ... */
	int suspicious_only;    /* a rule with meta verdict = "suspicious": makes the message
	                           suspicious, not malicious */
};

/* Attachment flags */
#define RP_MAIL_ATT_MACRO      0x001   /* a VBA project (vbaProject.bin, OLE _VBA_PROJECT) or
	                                     ODF Basic scripts */
#define RP_MAIL_ATT_EXEC       0x002   /* an executable or a script Windows runs on a click
	                                     (PE, ELF, Mach-O by content; .exe .scr .js .vbs .hta
	                                     .lnk .bat .cmd .ps1 .msi .jar .iso ... by name) */
#define RP_MAIL_ATT_DOUBLE_EXT 0x004   /* "invoice.pdf.exe" (a document extension, then an
	                                     executable one), or padded with spaces */
#define RP_MAIL_ATT_ARCHIVE    0x008   /* a zip (OOXML and ODF included) that was opened */
#define RP_MAIL_ATT_BOMB       0x010   /* expanding it would pass the bounds: not expanded */
#define RP_MAIL_ATT_ENCRYPTED  0x020   /* an encrypted archive member (not examined) */
#define RP_MAIL_ATT_MESSAGE    0x040   /* an attached message (message/rfc822) */
#define RP_MAIL_ATT_TRUNCATED  0x080   /* content cut at a bound or damaged encoding */
#define RP_MAIL_ATT_INLINE     0x100   /* an inline part (an image of the HTML body) */
#define RP_MAIL_ATT_UNSCANNED  0x200   /* ClamAV failed on it (not "clean"): suspicious */

struct rp_mail_attachment {
	const char *name;       /* the file name as the message gives it (RFC 2231/2047
	                           decoded); a nested one is "outer.zip!inner/file.exe";
	                           "" when the part has none */
	const char *sha256;     /* lowercase hex of the decoded bytes */
	uint64_t size;          /* decoded bytes */
	const char *type;       /* MIME type from the content (libmagic) */
	const char *declared;   /* Content-Type as the message declares it ("" nested) */
	int depth;              /* 0: a part of the message; 1: inside it; ... */
	unsigned flags;         /* RP_MAIL_ATT_* */
	const struct rp_mail_match *matches;
	size_t nmatches;
};

struct rp_mail_url {
	const char *url;        /* the target, as written (entities decoded) */
	const char *host;       /* its host, lowercase; "" when none */
	const char *text;       /* an HTML link's text (tags stripped, whitespace folded), or
	                           NULL for a URL of plain text */
	int mismatch;           /* the text shows a domain other than the target's */
};

/* Where in the store a message is */
struct rp_mail_loc {
	const char *store;      /* the file holding the message (a display path: the STORE
	                           as given, then "/" and names), bytes */
	size_t storelen;
	enum rp_mail_store_kind kind;
	uint64_t offset;        /* mbox: the offset of its "From " line; else 0 */
	uint64_t index;         /* mbox and pst: 1-based position in the file; else 0 */
	const char *folder;     /* pst: the folder path ("Sent Items"); maildir: the folder
	                           directory relative to the STORE ("" the top one); else "" */
};

struct rp_mail_msg {
	struct rp_mail_loc loc;
	uint64_t size;               /* bytes of the message in the store */
	const char *message_id;      /* without < >; NULL when the message has none */
	int64_t date;                /* the Date: header (UTC seconds); else the mbox "From "
	                                line's, else the file's mtime; RP_TIME_UNSET: none */
	int date_from_header;        /* date came from the Date: header */
	struct rp_mail_addr from;    /* the first From: address; addr "" when none */
	const struct rp_mail_addr *reply_to; size_t nreply_to;
	const struct rp_mail_addr *to;  size_t nto;
	const struct rp_mail_addr *cc;  size_t ncc;
	const struct rp_mail_addr *bcc; size_t nbcc;   /* when the store kept them */
	const char *subject;         /* decoded, UTF-8; "" when none */
	const char *in_reply_to;     /* NULL when none */
	int sent;                    /* From: is one of the affected mailboxes */
	const struct rp_mail_attachment *att; size_t natt;
	const struct rp_mail_url *urls; size_t nurls;
	const struct rp_mail_match *matches; size_t nmatches;   /* every match: the message's
	                                                           and its attachments' */
	const char *const *reasons; size_t nreasons;   /* why it is suspicious or malicious,
	                                                  sentences for people */
	enum rp_mail_verdict verdict;
	const char *bec_iban;        /* set when the message is a bec finding (on_bec follows) */
};

struct rp_mail_bec {
	const struct rp_mail_msg *msg;   /* the message (already given to on_message) */
	const char *iban;                /* compact, uppercase */
	const char *country;             /* its first two letters */
	const char *phrase;              /* the wording that announced the change, as found */
	const char *lang;                /* the language of that wording: en fr de it */
};

struct rp_mail_rule {
	const char *store;          /* the file, bytes */
	size_t storelen;
	const char *format;         /* "sieve", "forward", "procmail", "exchange-csv",
	                               "exchange-json" */
	const char *mailbox;        /* Exchange: the rule's mailbox (MailboxOwnerId or the
	                               Identity's owner); else "" */
	const char *name;           /* the rule's name where the format has one, else "" */
	int line;                   /* 1-based line of the action in the file (0: unknown) */
	const char *action;         /* "redirect", "forward", "forward-as-attachment", "discard",
	                               "delete", "move", "pipe" */
	const char *target;         /* an address, a folder, a program; "" for discard/delete */
	const char *reason;         /* a sentence: why this is what an intruder sets */
};

struct rp_mail_unparsable {
	struct rp_mail_loc loc;
	uint64_t size;
	const char *reason;         /* "header larger than 1 MiB", "not a PST file", ... */
};

struct rp_mail_cb {
	int (*on_message)(const struct rp_mail_msg *m, void *ctx);
	int (*on_bec)(const struct rp_mail_bec *b, void *ctx);
	int (*on_rule)(const struct rp_mail_rule *r, void *ctx);
	int (*on_unparsable)(const struct rp_mail_unparsable *u, void *ctx);
	/* path may be NULL; msg is a sentence */
	int (*on_warning)(const char *path, size_t pathlen, const char *msg, void *ctx);
	/* optional: a store file was recognised (before its messages) */
	int (*on_store)(const char *path, size_t pathlen, enum rp_mail_store_kind k, void *ctx);
};

/* Bounds. Zero fields take the defaults in brackets. */
struct rp_mail_limits {
	uint64_t message;       /* [160 MiB] a bigger message is unparsable */
	uint64_t header;        /* [1 MiB] a bigger top-level header is unparsable (Postfix
	                           itself keeps 100 kB) */
	int depth;              /* [32] MIME multipart and message/rfc822 nesting */
	int archive_depth;      /* [4] archives inside archives */
	uint64_t expand;        /* [256 MiB] bytes expanded from archives per message */
	uint64_t member;        /* [64 MiB] one archive member */
	uint32_t members;       /* [10000] members of one archive */
	uint64_t text;          /* [1 MiB] text of one body examined for URLs and wording */
};

struct rp_mail_opts {
	const char *data_dir;        /* NULL: the data compiled in (rules, BEC wording) */
	const char *rules_dir;       /* more YARA rules: every *.yar / *.yara in it, or NULL */
	const char *clamav_db;       /* ClamAV database directory; NULL: /var/lib/clamav */
	const char *tmp_dir;         /* where libclamav may unpack when /dev/shm is no
	                                writable tmpfs ($TMPDIR, resolved by the caller);
	                                NULL: /tmp */
	int no_clamav;               /* do not load ClamAV at all */
	const struct rp_mail_iocs *iocs;   /* may be NULL; must outlive the scan */
	const char *const *mailboxes; size_t nmailboxes;   /* the affected mailboxes; when
	                                                      given, only messages from or to
	                                                      them are reported */
	const char *const *domains; size_t ndomains;       /* the site's mail domains: without
	                                                      mailboxes, their senders are the
	                                                      affected ones */
	const char *const *own_ibans; size_t nown_ibans;   /* the site's own accounts, compact
	                                                      or spaced */
	int64_t since, until;        /* RP_TIME_UNSET: open; messages dated outside are
	                                skipped (counted as filtered) */
	int allow_atime;             /* read files where O_NOATIME is refused */
	int jobs;                    /* worker threads; 0 or 1: the calling thread */
	int cross_mounts;            /* walk into other filesystems */
	struct rp_mail_limits lim;
};

struct rp_mail_stats {
	uint64_t stores;        /* files recognised as stores (or holding rules) */
	uint64_t messages;      /* messages reported to on_message */
	uint64_t verdicts[3];   /* per enum rp_mail_verdict */
	uint64_t bec;
	uint64_t rules;
	uint64_t unparsable;
	uint64_t filtered;      /* outside --since/--until or not of --mailbox */
	uint64_t files_other;   /* files that are neither a store nor rules */
	uint64_t bytes;         /* bytes of messages read */
	uint64_t noatime_refused;   /* files read without O_NOATIME (allow_atime) */
};

struct rp_mail_scan;

/* Compiles the rules, loads ClamAV (unless no_clamav: a missing database is not an
 * error, rp_mail_scan_clamav says "none"), copies what it needs of o. errmsg
 * (optional) says why it failed (a YARA compile error with file and line). */
int rp_mail_scan_new(struct rp_mail_scan **out, const struct rp_mail_opts *o,
    const struct rp_mail_cb *cb, void *ctx, struct rp_buf *errmsg);
void rp_mail_scan_free(struct rp_mail_scan *s);              /* accepts NULL */

/*
 * Reads the stores: each path is a store file or a tree searched for stores (symlinks
 * below it are not followed; FIFOs, sockets and devices are never opened). Returns 0
 * when the run went through (what could not be read was reported), a callback's
 * negative code, or an RP_ERR_* when a path cannot be examined at all (then the other
 * paths are still read, and the first such error is returned).
 */
int rp_mail_scan_run(struct rp_mail_scan *s, const char *const *paths, size_t npaths);

const struct rp_mail_stats *rp_mail_scan_stats(const struct rp_mail_scan *s);
/* ClamAV's database as loaded: "none", or its version and signature count
 * ("27412, 8700000 signatures"; "custom, 2 signatures" for a database without a
 * version). */
const char *rp_mail_scan_clamav(const struct rp_mail_scan *s);

/* ---- pieces that are useful on their own (and fuzzed) ---- */

/* Whether s (len bytes) holds an IBAN with valid check digits and the length of its
 * country (ISO 13616); spaces are ignored. The compact uppercase form goes to out
 * (35 bytes). Returns 1, or 0 when not. */
int rp_mail_iban_valid(const char *s, size_t len, char out[35]);

#endif
