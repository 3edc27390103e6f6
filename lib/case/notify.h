/*
 * Notifications: to whom (the recipient classes of `case notify --to`), in which
 * language, from which template (data/templates/LANG/), and what a notification sent
 * closes (a deadline) and records (when, to whom, the SHA-256 of what was sent). No
 * global state, thread-safe; buffers are the caller's.
 */
#ifndef RP_CASE_NOTIFY_H
#define RP_CASE_NOTIFY_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_case;
struct rp_deadlines;
struct rp_ini;
struct rp_store;

/* A notification recorded as sent. */
struct rp_notice {
	int64_t time;            /* when it was sent */
	char *to;                /* insurer authority police it-provider client clients */
	char *lang;
	char *deadline;          /* the obligation it closed, or NULL */
	char *sha256;            /* of what was sent */
	char *client;            /* the client it went to, or NULL */
	char *org;               /* a letter to a correspondent: its organisation, or NULL */
};

/* The recipient classes, NULL-terminated: insurer authority police it-provider client
 * clients. rp_notify_recipient: index, or -1 when to is not one. */
extern const char *const rp_notify_recipients[];
int rp_notify_recipient(const char *to);

/* The language of a notification: lang if given (RP_ERR_INVALID, *out = lang, when
 * riposte has no templates in it: fr, de, en), else the [client] named client's
 * `language =`, else the site's ([site] language), the first of them with templates,
 * else "en". 0 with *out set. */
int rp_notify_lang(const struct rp_ini *site, const char *client, const char *lang,
    const char **out);

/* The template's data name for a recipient: "templates/de/insurer.txt"; the authority
 * letter follows the site's country (Swiss revFADP/DSV, else GDPR). Appended to name. */
int rp_notify_template(const struct rp_ini *site, const char *to, const char *lang,
    struct rp_buf *name);

/* Fills a notification template: {{case.title}}, {{case.discovered}}, {{now}},
 * {{case.id}}, {{case.how}}, {{facts.NAME}}, {{iocs}}, {{section/key}} from the site
 * profile (e.g. {{insurance/policy}}, {{contact dpo/name}}), {{client/name}}.
 * Missing values become "[...: what]" so a draft never silently drops a field.
 * lang picks the words of templates/LANG/letter-words.ini as shipped: the answers to
 * the facts, times as the language writes them ("20 novembre 2026 à 6 h 30"), local
 * (TZ). RP_ERR_FORMAT: an open {{. */
int rp_template_fill(const char *tmpl, const struct rp_case *c, const struct rp_ini *site,
    const char *client, const char *lang, int64_t now, struct rp_buf *out);

/* The draft: data template tmpl_name (rp_notify_template; data_dir: the RIPOSTE_DATA
 * override or NULL) filled for the case; appended to out. */
int rp_notify_draft(const char *data_dir, const char *tmpl_name, const struct rp_case *c,
    const struct rp_ini *site, const char *client, const char *lang, int64_t now,
    struct rp_buf *out);

/* Which deadline a notification to `to` closes: deadline if given (RP_ERR_NOTFOUND
 * when it is not one of d), else the earliest one for that recipient not done yet;
 * *closes is an id of d, or NULL when it closes none. */
int rp_notify_closes(const struct rp_deadlines *d, const char *to, const char *deadline,
    const char **closes);

/* A notification that went out: what was sent is hashed (SHA-256), not kept. */
struct rp_notify_sent {
	const char *to;
	const char *lang;
	const char *client;      /* or NULL */
	const char *deadline;    /* the deadline it closes (rp_notify_closes), or NULL */
	int64_t sent;            /* when it was sent */
	const void *what;        /* the text as sent */
	size_t len;
	const char *org;         /* a letter to one organisation (contacts.h), or NULL */
};
/* Journals s (kind "notify"); sha gets the hash; text (optional) the entry's sentence. */
int rp_case_notify_record(struct rp_store *st, int64_t case_id, int64_t now,
    const char *actor, const struct rp_notify_sent *s, char sha[65], struct rp_buf *text);

#endif
