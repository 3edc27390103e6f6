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
int rp_template_fill_with(const char *tmpl, const struct rp_case *c, const struct rp_ini *site,
    const char *client, const char *lang, int64_t now,
    int (*extra)(struct rp_buf *out, const char *name, void *ctx), void *ctx,
    struct rp_buf *out);

#endif
