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

#endif
