/*
 * Contact tracing: who must be told after mail from here carried malware or announced
 * false bank details (`riposte mail trace`). It joins what the stores hold (messages,
 * with what the mail engine found in them), what the logs and hosted traces say was
 * delivered (a Bcc is known only there: the join is by Message-ID) and the address
 * books, for the affected mailboxes and a window, and gives each address once, in its
 * highest class:
 *
 *   infected       received, from an affected mailbox, a message with a malicious match
 *                  (IOC, YARA, ClamAV) or a bank-detail fraud (bec) message;
 *   exposed        received one with attachments or links that matched nothing (unknown
 *                  malware is possible; links to the site's own domains do not count), or
 *                  one known only from a log, whose content nobody could examine;
 *   precautionary  every other correspondent in the window (recipients of other mail,
 *                  those a delivery failed to, those who wrote to an affected mailbox and
 *                  the others in those messages' To and Cc), and everyone in the address
 *                  books given (a virus on a phone reads the address book).
 *
 * Addresses are grouped by organisation (the domain), joined to the site's [client]
 * entries by e-mail domain (the client's contact address gives it, `domains =` may add
 * more; a subdomain counts as its parent) for the client's name and language.
 * The affected mailboxes themselves are not listed. Not thread-safe: one trace, one
 * thread; no global state.
 */
#ifndef RP_MAIL_TRACE_H
#define RP_MAIL_TRACE_H

#include <stddef.h>
#include <stdint.h>

#include "mail/abook.h"
#include "mail/mail.h"
#include "mail/maillog.h"

struct rp_ini;

enum rp_trace_class {
	RP_TRACE_NONE,
	RP_TRACE_PRECAUTIONARY,
	RP_TRACE_EXPOSED,
	RP_TRACE_INFECTED,
};
/* "precautionary", "exposed", "infected" ("none") */
const char *rp_trace_class_name(enum rp_trace_class c);

/* Where an address was seen (a bit set) */
#define RP_TRACE_SRC_STORE   0x1   /* a recipient in a store's message */
#define RP_TRACE_SRC_LOG     0x2   /* a recipient in a log or trace */
#define RP_TRACE_SRC_ABOOK   0x4   /* an address book */
#define RP_TRACE_SRC_INBOUND 0x8   /* wrote to an affected mailbox (or was copied) */

struct rp_trace_opts {
	int64_t since, until;                       /* RP_TIME_UNSET: open */
	const char *const *mailboxes; size_t nmailboxes;   /* the affected mailboxes */
	const char *const *domains; size_t ndomains;       /* the site's own mail domains:
	                                                      without mailboxes, their
	                                                      addresses are the affected ones */
	const char *site_lang;                      /* the language of contacts that are no
	                                               client (NULL: "en") */
};

struct rp_trace_attachment {
	const char *name, *sha256;
	uint64_t size;
	int matched;                 /* something matched it */
};

/* A message sent from an affected mailbox that reached someone in the lists. */
struct rp_trace_message {
	const char *id;              /* the Message-ID, or "STORE#N" for one without */
	int64_t date;                /* RP_TIME_UNSET when not known */
	const char *from, *subject;
	enum rp_trace_class cls;
	int seen;                    /* RP_TRACE_SRC_STORE and/or RP_TRACE_SRC_LOG */
	const char *iban;            /* the bec's IBAN, or NULL */
	const char *const *indicators; size_t nindicators;   /* "domain:evil.example",
	                                   "sha256:...", "clamav:Eicar-Test-Signature",
	                                   "yara:RULE", "iban:LT12..." */
	const struct rp_trace_attachment *att; size_t natt;
	size_t nrecipients;
};

struct rp_trace_contact {
	const char *addr;            /* lowercase */
	const char *name;            /* "" when no header or address book gave one */
	const char *domain;          /* the organisation */
	const char *client;          /* the [client]'s name, or NULL */
	const char *lang;            /* the client's language, else the site's */
	enum rp_trace_class cls;
	int64_t first, last;         /* of the messages below; RP_TIME_UNSET when none */
	const char *const *msgids; size_t nmsgids;   /* by date */
	unsigned sources;            /* RP_TRACE_SRC_* */
};

struct rp_trace_result {
	const struct rp_trace_contact *contacts; size_t ncontacts;   /* organisations by
	                                   highest class then domain; within one, by class
	                                   then address */
	const struct rp_trace_message *messages; size_t nmessages;   /* by date then id */
	size_t infected, exposed, precautionary, organisations;
	size_t log_only;             /* messages known only from a log */
};

struct rp_trace;

int rp_trace_new(const struct rp_trace_opts *o, struct rp_trace **out);
void rp_trace_free(struct rp_trace *t);                     /* accepts NULL */

/* The [client] sections of a site profile: name, language, contact and domains. */
int rp_trace_clients(struct rp_trace *t, const struct rp_ini *ini);
/* A message of a store (mail engine's on_message), a delivery of a log, an address of
 * an address book. Each copies what it keeps. 0 or RP_ERR_NOMEM. */
int rp_trace_message(struct rp_trace *t, const struct rp_mail_msg *m);
int rp_trace_delivery(struct rp_trace *t, const struct rp_maillog_rec *r);
int rp_trace_abook(struct rp_trace *t, const struct rp_abook_entry *e);

/* Joins and classifies; res points into t (valid until rp_trace_free). Call once. */
int rp_trace_finish(struct rp_trace *t, struct rp_trace_result *res);

/* Whether addr (lowercase) is an affected mailbox under o. */
int rp_trace_affected(const struct rp_trace_opts *o, const char *addr);

#endif
