/*
 * The correspondents of a case — "a client says we sent them a virus": everyone who
 * received mail from the affected mailboxes, each in one class, recorded in the case's
 * journal (by `riposte mail trace --case`, or any caller), so that `case verify` covers
 * them and `case notify --to clients -o DIR` writes one letter per organisation.
 *
 * Journal format. rp_case_contacts_record appends, in one transaction:
 *  - one entry per contact, kind "contact",
 *      text "contact infected: anna@labor.example (Labor Beispiel AG)"
 *      data {"address":"anna@labor.example","name":"Anna Beispiel",
 *            "org":"labor.example","client":"Labor Beispiel AG","lang":"de",
 *            "class":"infected","messages":["<a1@praxis-muster.example>"],
 *            "first":"2026-11-19T13:45:31Z","last":"2026-11-19T13:45:31Z",
 *            "iocs":["sha256:275a02...","filename:Rechnung.docm"],
 *            "fraud_iban":"DE89370400440532013000","source":"mail trace"}
 *    (keys without a value are left out; times UTC);
 *  - one entry of kind "ioc" per indicator of iocs[] the case does not hold yet,
 *    data {"type":"sha256","value":"275a02...","source":"mail trace"}, as `case ioc add`;
 *  - one entry of kind "contacts" that sums the call up,
 *      text "contacts from mail trace: 3 infected, 1 exposed, 20 precautionary in
 *            14 organisations"
 *      data {"source":"mail trace","infected":3,"exposed":1,"precautionary":20,
 *            "organisations":14}.
 * A later call adds to the earlier ones: rp_case_load merges the entries of one
 * address (case-insensitive) — the highest class, every message id and indicator, the
 * earliest first and latest last date, the newest name, client and language.
 *
 * No global state, thread-safe; what the caller passes is borrowed for the call.
 */
#ifndef RP_CASE_CONTACTS_H
#define RP_CASE_CONTACTS_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_case;
struct rp_ini;
struct rp_store;

/* In increasing order of concern: a merge keeps the highest. */
enum rp_contact_class {
	RP_CONTACT_PRECAUTIONARY,   /* any other correspondent, address-book entries */
	RP_CONTACT_EXPOSED,         /* received attachments or links that matched nothing */
	RP_CONTACT_INFECTED,        /* received a malicious or bank-detail-fraud message */
	RP_CONTACT_NCLASSES
};
/* "precautionary", "exposed", "infected"; "?" for another value. */
const char *rp_contact_class_name(int cls);
/* The class of a name, or -1. */
int rp_contact_class_lookup(const char *name);

/* One correspondent as the caller hands it over. */
struct rp_case_contact {
	const char *address;            /* required: "anna@labor.example" */
	const char *name;               /* display name, or NULL */
	const char *org;                /* the organisation; NULL: the address's domain */
	const char *client;             /* the [client] it was joined to, or NULL */
	const char *lang;               /* that client's language, or NULL */
	int cls;                        /* enum rp_contact_class */
	const char *const *messages;    /* Message-IDs it received from the affected */
	size_t nmessages;               /* mailboxes (none for an address-book entry) */
	int64_t first, last;            /* their dates; RP_TIME_UNSET when none */
	const char *const *iocs;        /* indicators matched in what it received, */
	size_t niocs;                   /* "type:value" as `mail scan --ioc` reads them */
	const char *fraud_iban;         /* the IBAN a bank-detail-fraud message it got
	                                 * gave, or NULL */
};

/* Limits of what is recorded (a message is attacker-controlled: so are its ids). */
#define RP_CONTACT_MAX_TEXT      1024   /* bytes of one string */
#define RP_CONTACT_MAX_MESSAGES  10000  /* per contact and call */
#define RP_CONTACT_MAX_IOCS      1000   /* per contact, and per call */

/* 0 when k can be recorded: an address with one '@' and something on each side,
 * strings UTF-8 without control characters and within RP_CONTACT_MAX_TEXT, a known
 * class, first <= last, indicators "type:value" valid for their type (ioc.h);
 * RP_ERR_INVALID otherwise, RP_ERR_TOOBIG past the limits. */
int rp_case_contact_check(const struct rp_case_contact *k);

/* Records n contacts and the matched indicators (iocs: "type:value", may be NULL with
 * niocs 0) into case_id's journal (0: the current open case, RP_ERR_NOTFOUND when there
 * is none), all or nothing, in one transaction. source names the producer ("mail
 * trace"). On RP_ERR_INVALID/RP_ERR_TOOBIG nothing is recorded and *bad (optional) is
 * the index of the refused contact, or n + i for iocs[i]. */
int rp_case_contacts_record(struct rp_store *st, int64_t case_id, int64_t now,
    const char *actor, const char *source, const struct rp_case_contact *contacts,
    size_t n, const char *const *iocs, size_t niocs, size_t *bad);

/* A contact as loaded with the case (rp_case_load; owned by the case). */
struct rp_contact {
	char *address;                  /* as first recorded */
	char *name, *org, *client, *lang;   /* org never NULL; the others may be */
	int cls;
	char **messages;   size_t nmessages;
	char **iocs;       size_t niocs;
	int64_t first, last;            /* RP_TIME_UNSET when none */
	char *fraud_iban;
	int64_t time;                   /* when it was first recorded */
};

/*
 * The letters of `case notify --to clients -o DIR`: one per organisation (the contacts'
 * org, and the [client] entries of the site profile whose `contact =` address is of an
 * organisation no contact is of, as precautionary), in its language (the contacts' or
 * the [client]'s `language =`, else the site's, else en; the first of fr, de, en), from
 * data/templates/LANG/letter-CLASS.txt for the organisation's highest class. Sorted
 * by class (infected first), then organisation.
 */
struct rp_letter {
	char *org;                      /* "labor.example", or a person's address */
	char *name;                     /* who it is to: "Labor Beispiel AG" */
	char *client;                   /* the client's name, or NULL */
	char *lang;                     /* fr, de or en */
	int cls;                        /* the highest class of its contacts */
	char *file;                     /* a safe, unique file name: "labor.example.txt" */
	size_t naddresses;              /* the addresses it goes to */
	char **addresses;
	struct rp_buf text;             /* the letter */
};
struct rp_letters {
	struct rp_letter *v;
	size_t n;
};
/* Writes the letters of case c (site may be NULL; data_dir: the RIPOSTE_DATA override
 * or NULL); *out is the caller's (rp_letters_release). */
int rp_case_letters(const char *data_dir, const struct rp_case *c, const struct rp_ini *site,
    int64_t now, struct rp_letters *out);
void rp_letters_release(struct rp_letters *l);     /* accepts a zeroed struct */

#endif
