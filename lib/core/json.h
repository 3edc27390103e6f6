/*
 * Reading JSON documents (journal data, journal exports, riposte alerts, nftables
 * rulesets, STIX bundles, mailbox-rule exports): the one adapter over jansson.
 * Duplicate keys are refused (which of two values a reader took would be a guess).
 * Values are borrowed from their document and valid until rp_jdoc_free. Every accessor accepts NULL and returns NULL/0 for a missing key or a
 * value of another type, so lookups chain without checks. Thread-safe per document.
 */
#ifndef RP_CORE_JSON_H
#define RP_CORE_JSON_H

#include <stddef.h>
#include <stdint.h>

struct rp_jdoc;
struct rp_jv;

/* RP_ERR_FORMAT when s is not one JSON value. */
int rp_jdoc_parse(struct rp_jdoc **out, const char *s, size_t len);
void rp_jdoc_free(struct rp_jdoc *d);                       /* accepts NULL */
const struct rp_jv *rp_jdoc_root(const struct rp_jdoc *d);

const struct rp_jv *rp_jv_get(const struct rp_jv *obj, const char *key);
const char *rp_jv_str(const struct rp_jv *v);               /* NULL unless a string */
/* An integer, or a string of decimal digits (journal fields); 0 or RP_ERR_FORMAT. */
int rp_jv_int(const struct rp_jv *v, int64_t *out);
size_t rp_jv_len(const struct rp_jv *arr);                  /* 0 unless an array */
const struct rp_jv *rp_jv_at(const struct rp_jv *arr, size_t i);
int rp_jv_is_object(const struct rp_jv *v);
int rp_jv_is_null(const struct rp_jv *v);                   /* JSON null (not a missing key) */
int rp_jv_is_true(const struct rp_jv *v);                   /* JSON true; 0 for NULL */
enum rp_jv_type {
	RP_JV_NONE,           /* no value (a NULL pointer: a missing key) */
	RP_JV_NULL, RP_JV_FALSE, RP_JV_TRUE, RP_JV_INT, RP_JV_REAL, RP_JV_STRING,
	RP_JV_ARRAY, RP_JV_OBJECT
};
enum rp_jv_type rp_jv_type(const struct rp_jv *v);
int64_t rp_jv_integer(const struct rp_jv *v);               /* 0 unless an integer */
double rp_jv_real(const struct rp_jv *v);                   /* 0 unless a real */
/* Calls fn for each member of an object in document order; a non-zero return of fn
 * stops the walk and is returned. 0 for anything that is not an object. */
int rp_jv_each(const struct rp_jv *obj,
    int (*fn)(const char *key, const struct rp_jv *v, void *ctx), void *ctx);
/* v written as compact JSON, members in document order; malloc'd (free()), NULL when
 * out of memory or v is NULL. */
char *rp_jv_dump(const struct rp_jv *v);
/* The first key of an object (nftables wraps every item as {"rule":{...}}), or NULL. */
const char *rp_jv_first_key(const struct rp_jv *obj, const struct rp_jv **val);

#endif
