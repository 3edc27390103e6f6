/* Inside lib/case only: what case.c's loader hands to the theme files. */
#ifndef RP_CASE_INT_H
#define RP_CASE_INT_H

#include <stddef.h>
#include <stdint.h>

struct rp_case;
struct rp_contact;

/* Merges a "contact" journal entry (its data, JSON text) into c->contacts; an entry
 * that is not a contact is skipped (0). */
int rp_case_load_contact(struct rp_case *c, int64_t time, const char *data);
/* Frees n loaded contacts and v. */
void rp_contacts_free(struct rp_contact *v, size_t n);

/* rp_template_fill with a hook: extra(out, name, ctx) is asked first for every
 * placeholder: 1 when it wrote it, 0 to leave it to the usual ones, < 0 an error. */
struct rp_buf;
struct rp_ini;
/* words: the language's letter-words.ini (dates, fact answers), or NULL. */
int rp_template_fill_with(const char *tmpl, const struct rp_case *c, const struct rp_ini *site,
    const char *client, const char *lang, const struct rp_ini *words, int64_t now,
    int (*extra)(struct rp_buf *out, const char *name, void *ctx), void *ctx,
    struct rp_buf *out);

/* templates/LANG/letter-words.ini parsed (data_dir: the RIPOSTE_DATA override or NULL);
 * *out is the caller's (rp_ini_free). RP_ERR_NOTFOUND for a language without one. */
int rp_words_load(const char *data_dir, const char *lang, struct rp_ini **out);
/* A time as the words' [date] format `which` ("date", "time", "clock") writes it:
 * "20 novembre 2026 à 6 h 30", local time. */
int rp_words_time(struct rp_buf *b, const struct rp_ini *w, const char *which, int64_t t);

#endif
