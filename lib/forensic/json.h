/*
 * Reading JSON documents (journal exports, riposte alerts, nftables rulesets): the one
 * adapter over jansson. Values are borrowed from their document and valid until
 * rp_jdoc_free. Every accessor accepts NULL and returns NULL/0 for a missing key or a
 * value of another type, so lookups chain without checks. Thread-safe per document.
 */
#ifndef RP_FX_JSON_H
#define RP_FX_JSON_H

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
/* The first key of an object (nftables wraps every item as {"rule":{...}}), or NULL. */
const char *rp_jv_first_key(const struct rp_jv *obj, const struct rp_jv **val);

#endif
